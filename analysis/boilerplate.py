"""Recognise boilerplate paragraphs of news web pages: what they are, not which outlet.

Each recogniser looks at ONE paragraph (a line of the cleaned text) and returns
a reason category, or ``None`` for article prose. The categories are the
module-level ``REASON_*`` constants; ``analysis.clean`` records every removed
segment with one of them so a report can group removals by kind.

Patterns are written for the *kind* of furniture (calls to action, photo
credits, tweet embeds, reporter bios ...) as it appears across outlets, are
compiled once, anchored, and have bounded repetition so that an enormous
paragraph costs linear time.

>>> classify_paragraph("CLICK HERE TO GET THE NEWS APP")
'call to action'
>>> classify_paragraph("Protesters march in Boston on Monday. (AP Photo/Jane Doe)")
'photo caption'
>>> classify_paragraph("The council voted 7-2 on Monday.") is None
True
"""
from __future__ import annotations

import re
from functools import lru_cache

# --- Reason categories (short, fixed strings a report can group by) -------------
REASON_HEADER = "header"                  # "date 2024-12-19", "USA TODAY", "ANALYSIS/OPINION:"
REASON_DATELINE = "dateline"              # "WASHINGTON, DC –", "NEW YORK (Reuters) -"
REASON_BYLINE = "byline"                  # "(Jane Roe, Outlet)", "By Jane Roe", a lone name line
REASON_KICKER = "kicker"                  # "ON FOX FIRST", "EXCLUSIVE:"
REASON_TITLE = "title"                    # a headline as the first line
REASON_BIO = "bio"                        # "Jane Roe is a reporter for ..."
REASON_CONTACT = "contact"                # "Email him at ...", "Follow Jane on Twitter @x"
REASON_CTA = "call to action"             # "CLICK HERE ...", "Follow us on ...", "Download the app"
REASON_NEWSLETTER = "newsletter pitch"    # "Sign up for our newsletter ..."
REASON_MEMBERSHIP = "membership pitch"    # "Join our private family ... Click to check it out."
REASON_CORRECTION = "correction link"     # "Submit a Correction", "Report an error"
REASON_RELATED = "related links"          # "Related Posts", "Read more: ...", all-caps link headlines
REASON_CAPTION = "photo caption"          # text ending in a photo credit "(AP Photo/...)", a gallery
REASON_TWEET = "embedded tweet"           # "... pic.twitter.com/x — Name (@handle) May 1, 2020"
REASON_COMMENTS = "comment thread"        # readers' comments after the article
REASON_EDITORS_NOTE = "editor's note"     # a paragraph "Editor's note: ..." (not "[Emphasis added]")
REASON_ADVERT = "advertisement"           # "Advertisement", "Story continues below"
REASON_COPYRIGHT = "copyright"            # "Copyright © 2019 ...", "© 2020 Tribune Content Agency"
REASON_CREDIT = "credit"                  # "The Associated Press contributed to this report."
REASON_DISCLAIMER = "disclaimer"          # "The opinions expressed ... are their own ..."
REASON_FURNITURE = "page furniture"       # "Share this article", "Loading...", a video player's text
REASON_LINK_CARD = "link card"            # a name's pop-up card of headlines: "Adam Bennett SchiffGraham: … MORE"
REASON_HIGHLIGHTS = "story highlights"    # "Story highlights" and its summary lines before the body

ALL_REASONS: tuple[str, ...] = (
    REASON_HEADER, REASON_DATELINE, REASON_BYLINE, REASON_KICKER, REASON_TITLE, REASON_BIO,
    REASON_CONTACT, REASON_CTA, REASON_NEWSLETTER, REASON_MEMBERSHIP, REASON_CORRECTION,
    REASON_RELATED, REASON_CAPTION, REASON_TWEET, REASON_COMMENTS, REASON_EDITORS_NOTE,
    REASON_ADVERT, REASON_COPYRIGHT, REASON_CREDIT, REASON_DISCLAIMER, REASON_FURNITURE,
    REASON_LINK_CARD, REASON_HIGHLIGHTS,
)

# Boilerplate is short; longer paragraphs are prose and skip most tests (also keeps it fast).
MAX_BOILERPLATE_CHARS = 700
MAX_CAPTION_WORDS = 90
MAX_LINK_WORDS = 40  # a story's headline (and author) as a link: "… | Jo Poe Read more"

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")

# Paragraphs recognised by how they START. Group name -> reason (see _GROUP_REASON).
_START_RE = re.compile(
    r"(?:"
    r"(?P<copyright>(?:copyright\b|©|\(c\) \d{4}|all rights reserved))"
    r"|(?P<cta>(?:click|tap) (?:here|to|for)\b|download (?:the|our)\b|get the [\w ]{1,30} app\b"
    r"|(?:follow|like|join|find) us (?:on|at)\b|watch:|watch (?:the )?(?:full |latest )?video\b"
    r"|share (?:this|on)\b|read or share this\b|listen to (?:this )?(?:article|story|podcast)\b"
    r"|subscribe (?:on|to) (?:apple|spotify|our podcast|the podcast|itunes)\b"
    r"|see (?:the )?(?:full|latest|more) (?:coverage|stories|video)\b|now watch:"
    r"|subscribe to (?:our|the) (?:youtube|podcast|channel)\b|read [^.]{1,40} flipboard magazine\b"
    r"|catch up on [^.]{1,80} on our [^.]{0,30}podcast\b"
    r"|you can read (?:diverse )?opinions from our (?:board|contributors|columnists)\b"
    r"|visit [^.]{1,40}['’]s? homepage\b|interested in [^?]{1,60}\? add\b"
    r"|follow (?:the )?ap(?:['’]s)? [^\n]{0,80}\bcoverage\b|urgent poll:?\s*$"
    r"|get real-time updates as this story unfolds\b|sign up for our [\w ]{1,30} club\b"
    # a broadcaster's schedule: "Tune into ABC News Live at noon ET every weekday for …", "TUNE IN: …"
    r"|tune in(?:to| to) [^\n]{1,100}?\bevery (?:week)?day\b|tune in ?[:\-–—] "
    r"|(?:note: watch |important: |watch )[\w ]{1,30}? tv (?:is available |now )?on [^\n]{1,80}?\bch\. ?\d)"
    r"|(?P<membership>support [\w’'. -]{1,40} journalism\s*$)"
    r"|(?P<newsletter>newsletter sign-?up\s*$|sign up for (?:the|our) [^.\n]{1,40} briefing\.?\s*$)"
    r"|(?P<correction>(?:submit|suggest|send) (?:a |us a )?correction\b|report (?:an |a )?(?:error|typo)\b"
    r"|if you (?:have a claim you )?would like (?:to see us fact[- ]check|to suggest a correction)\b"
    r"|found (?:an |a )?(?:error|typo)\b)"
    r"|(?P<related>related(?: posts| articles| stories| coverage| content| links| reading)?\s*(?::|$|\.\.\.)"
    r"|read (?:more|also|next)\b|more on this\b|more:|also read\b|see also\b|recommended\b\s*:?\s*$"
    r"|you (?:may|might) also like\b|more from\b[^.]{0,60}$|most (?:read|popular)\s*$|go deeper:"
    r"|full coverage:|special coverage:|related (?:coverage|video)\b|what to know about [^.\n]{1,60}:\s*$"
    r"|don['’]t miss:|read a quicktake\b"
    r"|\( ?(?!note:|translation:)[a-z][a-z ]{2,20}: [^()\n]{1,120}\)\s*$"  # "( PHOTOS: …)"
    # Reuters' links to a graphic or more stories: "(For graphic on … click tmsnrt.rs/2LfKug6)"
    r"|\(?for (?:an? )?(?:graphics?|interactive|factbox|more)\b[^\n]{0,200}?\b(?:click|see)\b:?"
    r" ?(?:here:? )?tmsnrt\.rs/\S+\s*$)"
    r"|(?P<advert>(?:(?:advertisement|advert|ad|sponsored(?: content)?)\s*:?\s*){1,4}(?:continue reading[^.]{0,40})?$"
    r"|story continue[sd]? below|story continues\s*$|continue reading (?:below|the main story)"
    r"|article continues (?:below|after))"
    r"|(?P<credit>(?:contributing|additional reporting(?: by)?)\s*:|(?:the )?associated press contributed\b"
    r"|reprinted (?:from [^.\n]{1,60} )?with permission\b"
    r"|[^.]{1,80} contributed (?:to )?this (?:report|story|article)\.?$"
    r"|with (?:[\w.’']+ ){0,2}wires?\.?$"
    r"|•? ?this (?:article|report|story) (?:is|was) based (?:in part )?on (?:wire|news agency)[ -]service reports?\b)"
    r"|(?P<editors>editor[’']?s[’']? note\s*:|corrections? (?:&|and) amplifications\s*$"
    r"|[—–-]* ?\(?(?:update:? )?this (?:story|article|report|post) (?:has been|was|is being) (?:last )?updated\b"
    r"|the revised version of this (?:post|story|article) is\b)"
    r"|(?P<disclaimer>the (?:views|opinions) expressed\b|the opinions expressed by\b"
    r"|content created by [^.]{1,80} is available (?:without charge|free)\b"
    r"|[^.]{1,60} is an? (?:[\w-]+ ){0,3}column (?:by|written by|from)\b"
    r"|this is a rush transcript\b|this (?:piece|story|article|post) (?:was )?originally (?:appeared|published)\b)"
    r"|(?P<caption>image copyright\b|image caption\b|enlarge this image\b|(?:hide|toggle) caption\b"
    r"|media caption\b|photo credits?\b|file photo:|pictured( above)?:|image source:"
    r"|media playback is (?:unsupported|not supported) on your device\b"
    r"|facebook twitter pinterest )"  # a picture's share buttons, then its caption
    r"|(?P<furniture>(?:close|loading\.*|print|photo|video|image|share|tweet|email|comments?|expand)\s*$"
    # a placeholder left as text: "[pullquote]", "[embedtweet id=1]"
    r"|\[/?[a-z][a-z_-]{1,20}(?: [a-z_-]{1,20}=[^\]\n]{1,200})?\]\s*$"
    r"|[a-z-]{2,20}=\"[^\"\n]*\""  # markup's attributes left as text: 'poster="http://…"'
    r"|play video \d{1,2}:\d\d\b|media: ?\d{4,}\s*$"  # a player's id left as text: "media: 19281779"
    r"|close video "  # a player's close button, then the video's title and summary (MSNBC)
    r"|slideshow \(\d+ images?\)"
    r"|link copied\s*$|(?:next|prev(?:ious)?) image \d+ of \d+|share this article\b|listen to article\b"
    r"|this article is more than \d+ \w+ old|latest:\s*$"
    r"|columnists in-depth political coverage\b"  # a section's blurb (the Chicago Sun-Times)
    # a live blog's time stamp on a line of its own: "Update 1411 BST (0911 EST)", "UPDATE: 10:27 EDT"
    r"|update:? \d{1,2}:? ?\d\d(?: ?[ap]\.?m\.?)?(?: [a-z]{2,4})?(?: \(\d{1,2}:?\d\d ?[a-z]{2,4}\))?:?\s*$"
    r"|updated:? (?:at )?\d{1,2}(?::\d\d)? ?[ap]\.?m\.?[^\n]{0,20}$|\d+ (?:years?|months?|days?|hours?) ago$"
    r"|this article tagged under\b|(?:[a-z]+ )?opinion contributors?\s*$"
    r"|[“\"][^”\"\n]{1,30}[”\"] shows you (?:diverse|different|all) (?:perspectives|sides)\b)"
    r"|(?P<contact>(?:e-?mail|contact|reach) (?:him|her|them|me|us|the author|the reporter)\b"
    r"|follow (?:him|her|them|me)\b|follow [a-z][\w.'’-]{0,20}(?: [a-z][\w.'’-]{0,20}){0,5} on "
    r"(?:twitter|facebook|instagram|x)\b|follow @\w|got a (?:news )?tip\b|write to [^@\n]{1,60} at \S+@"
    r"|send (?:us )?(?:news )?tips\b|send (?:us )?a (?:news )?tip\b|send (?:your )?letters? to\b"
    r"|got a question\? ask\b|let us know what you[’']?re thinking\b|please include a contact number\b"
    r"|respond to this post\b)"
    r")"
)  # matched against the lower-cased paragraph (faster than re.IGNORECASE)

_BULLETS = "-•*–— \t"
_BULLET_STARTS = tuple(_BULLETS.strip())

# Furniture found past a short paragraph's start, each tested only when its words occur
# (each holds "?", "your browser", "expressed", "urgent poll", "click here" or "first to hear",
# which classify_paragraph looks for first, so most paragraphs skip them all):
# (words, pattern matched at the start of the lower-cased paragraph, reason).
_PAST_START_RULES = (
    ("click here", re.compile(r"[^.?!\n]{1,80}\? click here\.?\s*$"), REASON_CTA),
    ("click here", re.compile(r"[^.?!\n]{1,120} [–—-] click here(?: now)?[.!]?\s*$"), REASON_CTA),
    ("subscribe to", re.compile(r"[^.?!\n]{1,80}\? subscribe to [^.?!\n]{1,60}[.!]?\s*$"), REASON_CTA),
    ("first to hear", re.compile(r"[^.?!\n]{0,60}\bbe the first to hear about [^.?!\n]{1,100}[.!]"), REASON_CTA),
    ("vote now", re.compile(r"[^.?!\n]{1,120}\? vote now in [^.\n]{0,40}poll\s*$"), REASON_CTA),
    ("vote here", re.compile(r"[^.?!\n]{1,120}\? vote here(?: now)?!?\s*$"), REASON_CTA),
    ("urgent poll", re.compile(r"[^.!\n]{1,120}(?:\?|[–—-]) vote in (?:our |this )?urgent poll!?\s*$"),
     REASON_CTA),
    ("your browser", re.compile(r"[^.\n]{0,160}your browser does(?:n['’]t| not) support "
                                r"(?:html5 |the )?(?:audio|video)\b"), REASON_FURNITURE),
    # whose views they are, unlike "… are shared by 40 senators"
    # a bio of a few sentences may come first: "Jo Poe is a journalist. Follow her on Twitter. The opinions …"
    ("expressed", re.compile(r"[^\n]{1,600}?\. the (?:views|opinions) expressed (?:in|by) this\b[^.\n]{1,80}"
                             r"\b(?:own|solely|alone|authors?|his|hers|theirs)\b"), REASON_DISCLAIMER),
)

_GROUP_REASON = {
    "copyright": REASON_COPYRIGHT, "cta": REASON_CTA, "correction": REASON_CORRECTION,
    "related": REASON_RELATED, "advert": REASON_ADVERT, "credit": REASON_CREDIT,
    "editors": REASON_EDITORS_NOTE, "disclaimer": REASON_DISCLAIMER,
    "furniture": REASON_FURNITURE, "contact": REASON_CONTACT, "caption": REASON_CAPTION,
    "membership": REASON_MEMBERSHIP, "newsletter": REASON_NEWSLETTER,
}

# Pitches are recognised by what they ask for anywhere in a short paragraph.
_NEWSLETTER_RE = re.compile(
    r"\b(?:newsletters?|in your inbox|to your inbox|delivered (?:daily |straight |right )?to your"
    r"|delivered (?:every )?weekday mornings|sign up to (?:receive|get) our"
    r"|thank you for signing up)\b")
_SIGNUP_RE = re.compile(r"\b(?:sign(?:ing)? up|subscribe|subscription|get|delivered)\b")
_MEMBERSHIP_RE = re.compile(
    r"\b(?:join (?:our|us)\b|becom(?:e|ing) an? (?:member|subscriber|patron|supporter)|membership"
    r"|support (?:our|independent|quality) (?:journalism|reporting|work)"
    r"|proposition for you|unprecedented access|exclusive access"
    r"|your (?:financial |one-time |monthly )?contribution\b|for as little as \$|is reader[- ]supported)")
_ASK_RE = re.compile(r"\b(?:click|check it out|sign up|subscribe|join (?:now|today)|learn more"
                     r"|by becoming an? (?:member|subscriber)"
                     r"|(?:please )?consider (?:making )?an? (?:financial |one-time |monthly )?contribution"
                     r"|make an? (?:one-time |monthly )?donation|chip in \$)")

# Photo credits at the END of a paragraph.
_CREDIT_WORDS = (r"(?:Photos?|photos?|Photograph(?:er)?|Images?|Getty|Reuters|REUTERS|AP|AFP|EPA"
                 r"|Bloomberg|Shutterstock|iStock|Pixabay|Wikimedia|Flickr|Courtesy|courtesy|Handout"
                 r"|Pool|POOL|File|FILE|via AP|UPI|Xinhua|Alamy|Corbis|NurPhoto|SIPA|Sipa)")
_PAREN_CREDIT_RE = re.compile(r"\b" + _CREDIT_WORDS + r"\b")
_SLASH_CREDIT_RE = re.compile(r"\b(?:REUTERS|Reuters|AFP|EPA|AP|UPI)/([^\n]{1,80})$")
# The photographer first, set apart from the caption's sentence: "… | Andy Wong/AP Photo",
# "Jose Luis Gonzalez / Reuters", a line "Mike Blake/Reuters"; not "a poll by Ipsos/Reuters".
_NAME_SLASH_CREDIT_RE = re.compile(
    r"(?:^|[.!?)”\"|] )((?:[A-Z][\w.'’-]* ){0,4}[A-Z][\w.'’-]*) ?/ ?"
    r"(?:AP Photo|AP|Reuters|REUTERS|AFP|EPA|UPI|Getty Images|Getty|Bloomberg|NPR|Pool|POOL)$")
_NAME_PARTICLES = frozenset({"via", "for", "of", "de", "van", "von", "and", "da", "del", "la", "le"})
_LETTER_WORD_RE = re.compile(r"[^\W\d_]+")
# A credit set apart by " | " (Politico, CNBC): "… said. | Andrew Harnik/AP Photo", "… Jo Poe | Reuters";
# the page may glue the story's section, headline and summary after it, as one paragraph.
_PIPE_CREDIT_RE = re.compile(
    r" \| (?:(?:[A-Z][\w.'’-]* ){0,4}[A-Z][\w.'’-]* ?/ ?){0,3}"
    r"(?:AP Photo|AP|Getty Images|Getty|AFP|POLITICO|Reuters|REUTERS|EPA|UPI|Bloomberg|Pool via AP)\b")
MAX_AFTER_CREDIT_WORDS = 60
# AP's file photos, whose captions run long: "FILE - In this May 27, 2020, file photo, … (AP Photo/Jo Poe, File)".
_FILE_PHOTO_STARTS = ("FILE - ", "FILE – ", "FILE — ")
MAX_FILE_CAPTION_WORDS = 250
_PHOTO_COLON_RE = re.compile(r"\b(?:Photo|PHOTO|Photograph(?:er)?) ?: ?[^\n]{1,80}$")
_AGENCY_ENDINGS = ("Getty Images", "Shutterstock", "iStock", "iStockphoto", "Getty", "/Newscom")
_TAIL_CHARS = 260

# Embedded tweets: "... — Name (@handle) Month D, YYYY" closing the paragraph,
# or a paragraph that is little more than a pic.twitter.com / t.co link.
_TWEET_END_RE = re.compile(
    r"[—–-]{1,2} ?[^()\n]{0,80}\(@\w{1,30}\) ?" + _MONTH + r" \d{1,2}, \d{4}\s*$")
_TWEET_LINK_RE = re.compile(r"(?:pic\.twitter\.com|https?://t\.co)/\w+")

# "Jane Roe is a reporter for ..." — a closing paragraph about the author.
_BIO_RE = re.compile(
    r"(?:[•—–-]+ ?)?(?P<name>[A-Z][\w.'’-]{0,25}(?: (?:de|van|von|da|del|la))?(?: [A-Z][\w.'’-]{0,25}){1,3}) "
    r"(?:is|was|has been|serves as) (?:an? |the )?[^.\n]{0,120}?\b"
    r"(?i:reporter|correspondent|editor|writer|columnist|contributor|journalist|commentator"
    r"|author|producer|anchor|host|senior fellow|fellow|analyst|blogger|editorial board)s?\b")
BIO_TAIL_PARAGRAPHS = 3

# Who else worked on the story, as a line of its own: "Jo Poe contributed.", "Associated Press
# writers Al Roe in Denver and Jo Poe contributed reporting.", "Poe reported from Boston.",
# "— With assistance by Al Roe", "Additional reporting by Jo Poe in Kabul".
_CREDITED_RE = re.compile(
    r"(?P<who>[^\n]{2,200}?),? (?:contributed(?: reporting)?(?: to (?:this|the) (?:report|story|article))?"
    r"(?: (?:from|in) (?P<place>[^\n]{2,60}?))?|reported from (?P<origin>[^\n]{2,60}?))\.?")
_CREDITED_BY_RE = re.compile(r"(?:with assistance|additional reporting) (?:by|from) (?P<who>[^\n]{2,200}?)\.?")
_CREDIT_DASH_RE = re.compile(r"[•—–-]* ?")
_CREDIT_BREAK_RE = re.compile(r"[a-z]{2}\. [A-Z][a-z]")  # a sentence end, not "Jo T. Poe" or "Jr."
MAX_CREDIT_LINE_CHARS = 250
# Lower-case words a list of contributors may hold besides their names.
_CREDIT_FILLERS = frozenset({
    "and", "in", "of", "from", "the", "at", "for", "also", "with", "&", "data", "staff", "news",
    "writer", "writers", "reporter", "reporters", "journalist", "journalists", "correspondent",
    "correspondents", "producer", "producers", "photographer", "photographers", "researcher", "researchers",
    "editor", "editors", "intern", "interns", "contributor", "contributors", "investigative", "video",
})

_ALPHA_RE = re.compile(r"[^\W\d_]")
_LOWER_RE = re.compile(r"[a-z]")
_WORD_RE = re.compile(r"\S+")


def _is_all_caps_headline(par: str) -> bool:
    """An all-capitals line of 4+ words: a link to another story (or a shouted CTA)."""
    if len(par) > 200 or _LOWER_RE.search(par):
        return False
    letters = _ALPHA_RE.findall(par)
    return len(letters) >= 12 and len(_WORD_RE.findall(par)) >= 4 and all(c.isupper() for c in letters)


_NEWSLETTER_KEYS = ("newsletter", "inbox", "delivered", "ign up to", "signing up")
_MEMBERSHIP_KEYS = ("join our", "join us", "becom", "membership", "support our", "support independent",
                    "support quality", "proposition for", " access", "contribution", "little as $",
                    "reader supported", "reader-supported")


def _pitch_reason(lower: str) -> str | None:
    """Newsletter or membership pitch (lower-cased paragraph): an offer plus an ask."""
    # substring tests first: most paragraphs mention none of these
    if (any(k in lower for k in _NEWSLETTER_KEYS) and _NEWSLETTER_RE.search(lower)
            and _SIGNUP_RE.search(lower)):
        return REASON_NEWSLETTER
    if any(k in lower for k in _MEMBERSHIP_KEYS) and _MEMBERSHIP_RE.search(lower) and _ASK_RE.search(lower):
        return REASON_MEMBERSHIP
    return None


def _ends_in_credit(tail: str) -> bool:
    """Does the text end in a photo credit? Cheap string tests guard each regex."""
    if tail.endswith(")"):
        opening = tail.rfind("(")
        if opening >= 0 and len(tail) - opening <= 200 and _PAREN_CREDIT_RE.search(tail, opening):
            return True
    if tail.endswith(_AGENCY_ENDINGS):
        return True
    end = tail[-100:]
    slash = "/" in end and _SLASH_CREDIT_RE.search(end)
    if slash and _all_capitalised(slash.group(1)):  # "REUTERS/Mike Blake", not "Reuters/Ipsos poll said"
        return True
    if "/" in end and _NAME_SLASH_CREDIT_RE.search(end):
        return True
    return bool("ho" in end and _PHOTO_COLON_RE.search(end))


def _names_only(words: str) -> bool:
    """Names, places and the few lower-case words a credit line holds; no sentence inside."""
    if any(c in words for c in "“”\"?!;:()") or _CREDIT_BREAK_RE.search(words):
        return False
    tokens = words.replace(",", " ").split()
    named = [t for t in tokens if t[0].isupper() or t[0].isdigit()]
    return bool(named) and all(t[0].isupper() or t[0].isdigit() or t in _CREDIT_FILLERS for t in tokens)


def credit_reason(par: str) -> str | None:
    """``REASON_CREDIT`` for a line naming who else reported the story, else None.

    >>> credit_reason("Al Roe in Denver and Jo Poe contributed.")
    'credit'
    >>> credit_reason("— With assistance by Al Roe, and Jo Poe")
    'credit'
    >>> credit_reason("Poe reported from Flagstaff, Arizona.")
    'credit'
    >>> credit_reason("The company contributed.") is None
    True
    """
    if len(par) > MAX_CREDIT_LINE_CHARS or not (
            "contributed" in par or "reported from" in par or "ssistance" in par or "dditional" in par):
        return None
    par = par[_CREDIT_DASH_RE.match(par).end():]  # (matches, if only the empty string)
    m = _CREDITED_RE.fullmatch(par) or _CREDITED_BY_RE.fullmatch(par[:1].lower() + par[1:])
    if not m or not _names_only(m.group("who")):
        return None
    place = m.groupdict().get("place") or m.groupdict().get("origin")
    return REASON_CREDIT if place is None or _names_only(place) else None


def _all_capitalised(names: str) -> bool:
    return all(w[0].isupper() or w in _NAME_PARTICLES for w in _LETTER_WORD_RE.findall(names))


def caption_reason(par: str) -> str | None:
    """``REASON_CAPTION`` if the paragraph ends in a photo credit, else None.

    >>> caption_reason("Officers at the scene. (Staff photo by Ann Lee/Daily News)")
    'photo caption'
    >>> caption_reason("Sen. Jo Poe at a hearing. | Al Roe/AP Photo 2020 elections Poe runs The senator is in.")
    'photo caption'
    >>> caption_reason("The report (published Monday) was long.") is None
    True
    """
    if not _ends_in_credit(par[-_TAIL_CHARS:].rstrip()):
        return REASON_CAPTION if " | " in par and _pipe_caption(par) else None
    limit = MAX_FILE_CAPTION_WORDS if par.startswith(_FILE_PHOTO_STARTS) else MAX_CAPTION_WORDS
    if len(_WORD_RE.findall(par[: limit * 12])) > limit:
        return None
    return REASON_CAPTION


def _pipe_caption(par: str) -> bool:
    """A caption, its " | " credit, and at most a headline and summary glued after
    (not a sentence: "… | Getty Images. The senator said" glues the story's own text)."""
    m = _PIPE_CREDIT_RE.search(par)
    if m is None or len(par[: m.start()].split()) > MAX_CAPTION_WORDS:
        return False
    after = par[m.end():]
    return not after.startswith((".", ",", ";", ":")) and len(after.split()) <= MAX_AFTER_CREDIT_WORDS


def tweet_reason(par: str) -> str | None:
    """``REASON_TWEET`` for an embedded tweet paragraph, else None.

    >>> tweet_reason("Big day! pic.twitter.com/AbC123 — Jo Doe (@jodoe) May 2, 2019")
    'embedded tweet'
    """
    tail = par[-_TAIL_CHARS:]
    if "(@" in tail and _TWEET_END_RE.search(tail):
        return REASON_TWEET
    link = ("t.co/" in tail or "twitter.com/" in tail) and _TWEET_LINK_RE.search(tail)
    if link and len(tail) - link.end() < 3 and len(par) < 400:
        return REASON_TWEET
    return None


def bio_reason(par: str) -> str | None:
    """``REASON_BIO`` for an author bio paragraph ("X is a reporter for ..."), else None.

    Only meaningful near the end of an article; the caller restricts where it is asked.

    >>> bio_reason("Jane Roe is a reporter for the Daily News. Email her at jr@x.com.")
    'bio'
    """
    if len(par) > MAX_BOILERPLATE_CHARS or not _BIO_RE.match(par):
        return None
    return REASON_BIO


def bio_author(par: str) -> str | None:
    """The person a bio paragraph is about, or None.

    >>> bio_author("Jane Roe is a reporter for the Daily News.")
    'Jane Roe'
    """
    m = _BIO_RE.match(par) if len(par) <= MAX_BOILERPLATE_CHARS else None
    return m.group("name") if m else None


# Widgets of a web page scraped as text, recognised by their fixed words wherever they stand.
# A video player: "JUST WATCHED <title> Replay More Videos ... MUST WATCH <title> 01:51", one or more.
_VIDEO_PLAYER_RE = re.compile(
    r"(?:JUST WATCHED (?P<title>[^\n]{1,300}?) Replay More Videos ?(?:\.\.\.|…)? ?MUST WATCH"
    r"(?: (?:(?P=title) )?\(?\d{1,2}:\d{2}(?::\d{2})?\)?)?\s*)+")
# A video player's close button, then the video's summary (Gannett's sites): "CLOSE A trade expert says …".
_CLOSE_PLAYER_RE = re.compile(r"CLOSE [A-Z0-9“\"‘'$][^\n]{0,60}?[a-z]")
MAX_PLAYER_CHARS = 1000
# A photo gallery: "Photos: <gallery> <caption> Hide Caption 1 of 24 Photos: <gallery> <caption> …";
# a page that lost its breaks splits it anywhere, so its marker alone tells a gallery's paragraph.
_GALLERY_RE = re.compile(r"\bHide Caption \d+ of \d+\b")
# A page's shortcode left as text, with what it wraps: '[jwplayer file="…"][/jwplayer]',
# '[sharequote align="center"]<a sentence repeated>[/sharequote]', '[caption id="…"] <caption>[/caption]'.
_SHORTCODE_RE = re.compile(r"\[([a-z][a-z_-]{1,20})(?: [a-z_-]{1,20}=(?:\"[^\"\n]{0,400}\"|[^\s\]]{1,200}))+\]"
                           r"([^\[\n]{0,600})\[/\1\]\s*")
# A newsletter's sign-up form scraped as one paragraph, its country list and all:
# "Get The Brief. Sign up … Choose your country United States of America Afghanistan … Click the
# link to confirm your subscription …".
_SIGNUP_FORM_RE = re.compile(r"\b(?:confirm your subscription|(?:choose|select) your country)\b")
# A page's share buttons closing the paragraph they were scraped into (an opinion page's author
# line): "… Read more opinion SHARE THIS ARTICLE Share Tweet Post Email".
_SHARE_BUTTONS_END = ("SHARE THIS ARTICLE Share Tweet Post Email", "Share Tweet Post Email")
# A box explaining the story's background (the Guardian's): "Quick guide <question> Show Hide <answer>".
_BOX_RE = re.compile(r"(?:Quick guide|Q&A|Profile|Explainer|Timeline|Factfile|Key points) [^\n]{1,200}? Show Hide\b")


def widget_reason(par: str) -> str | None:
    """The reason for a page widget scraped as a paragraph (a video player, a photo
    gallery's captions, an explainer box), else None; any may be longer than other boilerplate.

    >>> widget_reason("JUST WATCHED Poe on the vote Replay More Videos ... MUST WATCH Poe on the vote 01:51")
    'page furniture'
    >>> widget_reason("Photos: The storm A man wades through water. Hide Caption 1 of 9 Photos: The storm")
    'photo caption'
    >>> widget_reason("“We will rebuild,” Poe told the crowd. Hide Caption 2 of 9")
    'photo caption'
    >>> widget_reason("Q&A Who is Jo Poe? Show Hide Jo Poe chaired the campaign for five months.")
    'page furniture'
    >>> widget_reason('[jwplayer file="http://x.example/v.mp4" image="http://x.example/v.png"][/jwplayer]')
    'page furniture'
    >>> widget_reason("CLOSE A trade expert says the tariff hikes will be painful for consumers. USA TODAY")
    'page furniture'
    >>> widget_reason("She just watched the vote.") is None
    True
    """
    if "JUST WATCHED" in par and _VIDEO_PLAYER_RE.fullmatch(par):
        return REASON_FURNITURE
    if par.startswith("CLOSE ") and len(par) <= MAX_PLAYER_CHARS and _CLOSE_PLAYER_RE.match(par):
        return REASON_FURNITURE
    if "Hide" in par:  # one scan for both
        if "Hide Caption" in par and _GALLERY_RE.search(par):
            return REASON_CAPTION
        if "Show Hide" in par and _BOX_RE.match(par):
            return REASON_FURNITURE
    if "subscription" in par and "ign up" in par.lower() and _SIGNUP_FORM_RE.search(par):
        return REASON_NEWSLETTER
    if par.endswith(_SHARE_BUTTONS_END):
        return REASON_FURNITURE
    if par.startswith("[") and (m := _SHORTCODE_RE.fullmatch(par)):
        return REASON_CAPTION if m.group(1) == "caption" else REASON_FURNITURE
    return None


# "<headline> Read more" (the Guardian), "<headline>: QuickTake" (Bloomberg's explainers)
_LINK_ENDS = (" Read more", ": QuickTake", ": QuickTake Q&A")
_VIDEO_HOSTS = (" www.youtube.com", " youtu.be")


def classify_paragraph(par: str) -> str | None:
    """The boilerplate reason for one stripped paragraph, or None if it is prose.

    >>> classify_paragraph("Submit a Correction")
    'correction link'
    >>> classify_paragraph("Sign up for our newsletter to get the news in your inbox.")
    'newsletter pitch'
    >>> classify_paragraph("ICE agents arrested 40 people, officials said.") is None
    True
    """
    if not par:
        return None
    reason = tweet_reason(par) or caption_reason(par) or widget_reason(par)
    if reason or len(par) > MAX_BOILERPLATE_CHARS:
        return reason
    lower = par.lower()
    # "- Follow the Ticker on Twitter: @…": the usual starts after a bullet
    m = _START_RE.match(lower.lstrip(_BULLETS) if lower.startswith(_BULLET_STARTS) else lower)
    if m:
        return _GROUP_REASON[m.lastgroup or "cta"]
    if par.endswith(_LINK_ENDS) and len(par.split()) <= MAX_LINK_WORDS:  # a link to another story
        return REASON_RELATED
    if par.endswith(_VIDEO_HOSTS) and len(par.split()) <= MAX_LINK_WORDS:  # an embedded video's title, host
        return REASON_FURNITURE
    if ("?" in lower or "your browser" in lower or "expressed" in lower or "urgent poll" in lower
            or "click here" in lower or "first to hear" in lower):
        for words, pattern, why in _PAST_START_RULES:
            if words in lower and pattern.match(lower):
                return why
    reason = _pitch_reason(lower) or credit_reason(par)
    if reason:
        return reason
    if _is_all_caps_headline(par):
        shouted_ask = par.startswith(("CLICK", "TAP ", "WATCH", "DOWNLOAD"))
        return REASON_CTA if shouted_ask else REASON_RELATED
    return None


# A link to another story in brackets, inside a paragraph: "… in mid March. (RELATED: Trump Delays Rally)".
# The pattern opens with "(": the regex engine jumps from one "(" to the next (most texts hold a few).
_INLINE_LINK_RE = re.compile(r"\((?:RELATED|READ MORE|SEE ALSO|WATCH|VIDEO|PHOTOS|PICTURES): [^()\n]{1,200}\)")


def strip_inline_links(text: str) -> tuple[str, list[str]]:
    """``text`` without the bracketed links to other stories that some sites put inside
    paragraphs, and the links removed.

    >>> strip_inline_links("Polls closed at noon. (RELATED: Poe Wins Iowa) Counting began.")
    ('Polls closed at noon. Counting began.', ['(RELATED: Poe Wins Iowa)'])
    """
    found = list(_INLINE_LINK_RE.finditer(text))
    if not found:
        return text, []
    pieces, done = [], 0
    for m in found:
        start = m.start() - 1 if m.start() > done and text[m.start() - 1] == " " else m.start()  # with its space
        pieces.append(text[done:start])
        done = m.end()
    return "".join(pieces) + text[done:], [m.group() for m in found]


# A person's pop-up card, scraped inline after their name: the full name (perhaps with a
# nickname in brackets), its last word glued (or not) to the first of a few headlines, then
# "MORE" (not "READ MORE"):
# "Sen. John McCain John Sidney McCainCindy McCain: … Ukraine scandal … MORE (R-Ariz.)".
_NAME_WORD = r"(?:[A-Z][\w'’.-]{0,30}|\([^()\s]{1,20}\))"
# Spaces are runs: cleaning collapses them only later, and must find the same cards again.
# A card with no headlines has "MORE" glued to the full name: "John Kelly John Francis KellyMORE".
# A name starts a word, holds a lower-case letter (text in capitals repeats words: "THE FEARS
# IN THE … A MORE") and is short: a run of capitalised pieces ("Ab-Ab-Ab…") costs no more than
# its length. A headline may end in an acronym ("… House GOP MORE"; see _NOT_ACRONYMS).
_LINK_CARD_RE = re.compile(
    r"(?<![\w'’-])(?P<surname>[A-Z](?=[\w'’-]{0,24}[a-z])[\w'’-]{2,25})"
    r"(?P<card>(?P<between> *(?:" + _NAME_WORD + r" +){0,4}?)"
    r"(?P=surname)(?: *(?=[A-Z0-9'‘“\"$])[^\n]{1,700}?(?<! ) +MORE|MORE))\b"
)
# Capital words before " MORE" that end a page's link or a slogan, not a headline's acronym.
_NOT_ACRONYMS = frozenset("READ SEE VIEW LEARN SHOW LOAD FOR FOUR AND THE ANY NO ONE TWO CLICK TAP GET FIND".split())
_CAPS_BEFORE_MORE_RE = re.compile(r"(?:^|[^\w'’])([A-Z]+) +MORE$")
_CARD_REACH = 1100  # characters a card can span before its "MORE"


def strip_link_cards(text: str) -> tuple[str, list[str]]:
    """``text`` without the pop-up cards of headlines some sites scrape inline after a
    name, and the cards removed (the name stays). Only the text within reach of a "MORE"
    is searched, and again until no card is left (one card may hide another).

    >>> s = "Sen. Jo Poe Joanna Lee PoePoe: GOP will win 2020 Senate votes on budget MORE (R-Ariz.) said no."
    >>> strip_link_cards(s)
    ('Sen. Jo Poe (R-Ariz.) said no.', [' Joanna Lee PoePoe: GOP will win 2020 Senate votes on budget MORE'])
    >>> strip_link_cards("Leader Al McBrideAlan (Al) Roy McBrideTrump signs bill Senate recess MORE said.")[0]
    'Leader Al McBride said.'
    >>> strip_link_cards("Chief of staff Jo Kell Joseph Ray KellMORE called.")[0]
    'Chief of staff Jo Kell called.'
    >>> strip_link_cards("Rival Ann Gale Ann Marie GaleGale wins vote MORE won.")[0]
    'Rival Ann Gale won.'
    """
    cards: list[str] = []
    while "MORE" in text:
        stripped = _strip_cards_once(text, cards)
        if stripped == text:
            break
        text = stripped
    return text, cards


def _strip_cards_once(text: str, cards: list[str]) -> str:
    pieces, done = [], 0
    for lo, hi in _reaches(text):
        for m in _LINK_CARD_RE.finditer(text, max(lo, done), hi):
            kept, card = _card_cut(m)
            if card is None:
                continue
            pieces += [text[done : m.start()], kept]
            cards.append(card)
            done = m.end()
    return "".join(pieces) + text[done:] if pieces else text


def _reaches(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that could hold a card: each "MORE" with the text before it, merged."""
    spans: list[tuple[int, int]] = []
    at = text.find("MORE")
    while at >= 0:
        lo, hi = max(0, at - _CARD_REACH), min(len(text), at + 5)  # + 5: the character after, for \b
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], hi)
        else:
            spans.append((lo, hi))
        at = text.find("MORE", at + 4)
    return spans


def _card_cut(m: re.Match[str]) -> tuple[str, str | None]:
    """The name to keep and the card to cut (None: not a card after all)."""
    name, card, between = m.group("surname"), m.group("card"), m.group("between")
    caps = _CAPS_BEFORE_MORE_RE.search(card)
    if caps and (caps.group(1) in _NOT_ACRONYMS or len(caps.group(1)) > 4):
        return m.group(), None  # "… then “FOUR MORE YEARS”", "… SHOW MORE"
    words = between.split()
    # "Hillary Clinton Hillary Diane Rodham ClintonTrump … MORE" matches at the first name,
    # repeated first in the full name: the visible name runs on to the full name's last word.
    if words and _full_name_end(words[-1]).match(card, len(between) + len(name)):
        name, card = name + between.rstrip(), card[len(between.rstrip()):]
    return name, card


@lru_cache(maxsize=1024)  # one pattern per surname seen, compiled once
def _full_name_end(last: str) -> re.Pattern[str]:
    """The rest of a card's full name, ending in ``last`` (glued to a headline, even one that
    opens with an apostrophe, but not a possessive: "Poe's")."""
    return re.compile(r"(?: +" + _NAME_WORD + r"){0,4}? +" + re.escape(last) + r"(?![a-z]|['’][a-z])")
