"""Clean one article: normalise text and set page boilerplate apart, losing nothing.

``clean_article`` returns the article body as paragraphs separated by one blank
line, plus what it took out: the headline (``title``), a leading ``date``
header, the ``author`` from a byline, a ``kicker`` ("EXCLUSIVE"), reader
``comments``, and every other removed piece in ``removed`` as
``(segment, reason)`` with a reason from the ``REASON_*`` categories of
:mod:`analysis.boilerplate` (re-exported here). Every non-space character of
the input ends up in at least one of those places (a title or kicker is both a
field and a ``removed`` entry), so nothing is lost silently.

Reasons: "header", "dateline", "byline", "kicker", "title", "bio", "contact",
"call to action", "newsletter pitch", "membership pitch", "correction link",
"related links", "photo caption", "embedded tweet", "comment thread",
"editor's note" (a paragraph opening "Editor's note:"), "advertisement",
"copyright", "credit" ("... contributed to this report", "Jo Poe contributed.",
"Poe reported from Boston.", "With assistance by ..."), "disclaimer",
"page furniture" ("Share this article", "Slideshow (4 Images)", a topic tag list, and
section rules such as "___" in the closing run; inside the body a rule stays).
An update note ("This story has been updated ...") is an "editor's note". A first line
in title case is the headline even when it holds two sentences ("Report Is Coming. Here's
What You Need To Know").

Whitespace is normalised (Unicode NFC, no zero-width or control characters,
non-breaking and other spaces become " ", runs collapse); curly quotes,
apostrophes and dashes are kept as they are because the quote detector needs
them. Editorial insertions such as "[Emphasis added]" stay in the body.

>>> art = clean_article("date 2024-12-19 WASHINGTON, DC – The council met.\\n\\nCLICK HERE FOR MORE")
>>> art.text, art.date, art.removed[-1]
('The council met.', datetime.date(2024, 12, 19), ('CLICK HERE FOR MORE', 'call to action'))
"""
from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from analysis.boilerplate import (  # noqa: F401  (reason constants are part of this module's API)
    ALL_REASONS, REASON_ADVERT, REASON_BIO, REASON_BYLINE, REASON_CAPTION, REASON_COMMENTS,
    REASON_CONTACT, REASON_COPYRIGHT, REASON_CORRECTION, REASON_CREDIT, REASON_CTA,
    REASON_DATELINE, REASON_DISCLAIMER, REASON_EDITORS_NOTE, REASON_FURNITURE, REASON_HEADER,
    REASON_HIGHLIGHTS, REASON_KICKER, REASON_MEMBERSHIP, REASON_NEWSLETTER, REASON_RELATED, REASON_TITLE,
    REASON_LINK_CARD, REASON_TWEET, bio_author, bio_reason, classify_paragraph, strip_inline_links,
    strip_link_cards,
)
from analysis.comments import Comment, has_comment_thread, split_comment_thread

__all__ = ["CleanArticle", "Comment", "clean_article", "normalize_text", "ALL_REASONS"]


@dataclass
class CleanArticle:
    """An article body with its boilerplate set apart (see :func:`clean_article`)."""

    text: str
    title: str | None = None
    date: datetime.date | None = None
    author: str | None = None
    kicker: str | None = None
    removed: list[tuple[str, str]] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)


# --- character-level normalisation ---------------------------------------------
def _char_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {c: None for c in (*range(0x20), *range(0x7F, 0xA0))}
    table.update({ord("\n"): "\n", ord("\r"): "\n", ord("\t"): "    ", 0x0B: "\n", 0x0C: "\n", 0x1C: "\n",
                  0x1D: "\n", 0x1E: "\n", 0x85: "\n", 0x2028: "\n", 0x2029: "\n\n"})
    # zero-width space, word joiner, BOM, soft hyphen: invisible, split words for the tokenizer.
    table.update({c: None for c in (0x200B, 0x2060, 0xFEFF, 0x00AD)})
    # every Unicode space separator (Zs) other than " " becomes " "
    table.update({c: " " for c in (0xA0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000)})
    return table


_CHAR_TABLE = _char_table()
# Every character the table changes, plus lone surrogates; most texts contain few or none,
# so a regex scan (fast) replaces a full str.translate (slow with multi-character values).
_ODD_CHAR_RE = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in sorted(_CHAR_TABLE) if c != ord("\n")) + "\ud800-\udfff]")
_SPACE_RUN_RE = re.compile(" {2,}")


def _replace_odd(m: re.Match[str]) -> str:
    return _CHAR_TABLE.get(ord(m.group())) or ""


def normalize_text(raw: str) -> str:
    """Characters normalised; line structure (and indentation) kept.

    >>> normalize_text("a\\u00a0b\\u200bc\\r\\nd\\x07")
    'a bc\\nd'
    """
    text = raw.replace("\r\n", "\n")
    text = _ODD_CHAR_RE.sub(_replace_odd, text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text


# A caption's photo credit run into the "Story Highlights" block after it (USA TODAY's pages,
# scraped without their line breaks): "… rally. (Photo: Jo Poe, Getty Images) Story Highlights …".
_CREDIT_THEN_HIGHLIGHTS_RE = re.compile(
    r"(\((?:Photo|Image|Illustration)s?: [^()\n]{1,80}\)) (?=Story [Hh]ighlights\b)")


def _paragraphs(text: str) -> list[str]:
    """Each non-blank line, spaces collapsed and stripped, is one paragraph."""
    text = _SPACE_RUN_RE.sub(" ", text)
    if "ighlights" in text:
        text = _CREDIT_THEN_HIGHLIGHTS_RE.sub("\\1\n", text)
    return [p for p in (line.strip() for line in text.split("\n")) if p]


# --- leading elements: header, title, byline, dateline, kicker ------------------------
_HEADER_RE = re.compile(r"date:? (\d{4})-(\d{2})-(\d{2})\b ?", re.IGNORECASE)
_NAME = r"[A-Z][a-z'’\-]*[a-z](?:[A-Z][a-z'’\-]+)?"
_NAME_TOKEN = r"(?:" + _NAME + r"|[A-Z]\.)"
_PERSON = _NAME + r"(?: " + _NAME_TOKEN + r"){1,3}"
_NAME_LINE_RE = re.compile(_PERSON + r"$")
_BY_LINE_RE = re.compile(r"(?:By|BY) (" + _PERSON + r"(?:(?:,| and| &|, and) " + _PERSON + r"){0,3})"
                         r"(?:,? [^\n]{0,40})?$")
_PAREN_BYLINE_RE = re.compile(r"\((" + _PERSON + r"), ([^()\n]{2,60})\) ?(?=\S)")
_KICKER_WORDS = (r"(?:EXCLUSIVE|BREAKING(?: NEWS)?|UPDATED?|WATCH|DEVELOPING|JUST IN|ALERT|ANALYSIS"
                 r"|OPINION|EDITORIAL|COMMENTARY|FIRST ON [A-Z]{2,12}|ON [A-Z]{2,12} FIRST|FACT CHECK"
                 r"|EXPLAINER|LIVE|VIDEO|PHOTOS?|URGENT|SPECIAL REPORT|PODCAST|REVIEW)")
_SEP_KICKER_RE = re.compile(r"(" + _KICKER_WORDS + r"(?:/" + _KICKER_WORDS + r")?)"
                            r" ?(?::|—|–|-{1,2}|\|) ?(?=\S)")
_GLUED_RUN_RE = re.compile(r"[A-Z][A-Z0-9 '’&!.,]{2,60}(?=[a-z])")
_LOWER_WORD_RE = re.compile(r"[a-z]+")
_TWO_LETTER_WORDS = frozenset({"An", "In", "As", "At", "On", "If", "It", "Is", "Of", "To", "By",
                               "Or", "Up", "So", "No", "We", "He", "My", "Me", "Us", "Do", "Go"})
_CITY = r"[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,3}"
_DATELINE_RE = re.compile(
    r"(?P<city>" + _CITY + r")(?P<region>, [A-Z][A-Za-z.]{0,14}(?: [A-Z][A-Za-z.]{0,14}){0,2})?"
    # a lone hyphen needs a space beside it or a region before it ("HANAHAN, S.C.-"):
    # "COVID-19’s latest …" is a word in capitals, not a dateline
    r"(?P<agency> ?\([A-Za-z .&]{1,30}\))?(?: ?(?:—|–|--) ?| - ?|- |(?<=[.a-z)])-)(?=\S)")
_SENTENCE_BREAK_RE = re.compile(r"[a-z]{2}[.!?][”\"’']? [A-Z]")
_NO_TITLE_END = frozenset(".,;:…")
_WORD_RE = re.compile(r"\S+")
# A summary box at the top of the page (CNN): the label, then short lines with no sentence end.
_HIGHLIGHTS_RE = re.compile(r"Story [Hh]ighlights\b")
_MAX_HIGHLIGHTS = 6
# Prefixes cut from one lead paragraph (kicker, byline, dateline, header): AllSides has at most 2.
# Each cut rescans the paragraph, so a text of thousands of prefixes ("EXCLUSIVE: " * 40000)
# would take time growing with their square.
_MAX_LEAD_PREFIXES = 8
# A list of topic tags (POLITICO): the label, then one short tag per line.
# A live blog's time stamp opening a paragraph of the story: "UPDATE 11:08 AM ET: Poe left the
# hospital", "UPDATE II - The campaign sends …", "Update 1411 BST (0911 EST): …".
_STAMP_PREFIX_RE = re.compile(
    r"(?:UPDATES?|Update)(?:(?: [IVX]{1,4}| \d{1,2}(?::\s?\d\d| ?\d\d)?(?: ?[AaPp]\.?[Mm]\.?)?(?: [A-Z]{2,4})?"
    r"(?: \(\d{3,4} [A-Z]{2,4}\))?)(?: ?[:\-–—])? | ?[:\-–—] )(?=[A-Z“\"‘'])")
_TAGS_LABEL = "This article tagged under"
_MAX_TAGS, _MAX_TAG_WORDS = 12, 6
# Under a links label ("What to know about coronavirus:"), links as "<prompt>: <link text>" lines.
_MAX_LINK_LINES, _MAX_LINK_LINE_WORDS = 8, 15
# Under a corrections label ("Corrections & Amplifications"), the notes that say what was wrong.
_MAX_CORRECTIONS = 3
_CORRECTION_WORDS = ("earlier version", "incorrectly", "misstated", "misspelled", "misidentified")
# A page template's field labels left in the text (ABC's lists): "quicklist: 4 title: <heading> text: <prose>".
_TEMPLATE_LABELS_RE = re.compile(r"quicklist: ?\d{0,3} ?title: ?(?P<title>[^\n]{0,200}?) text: ?(?=\S)")
# A video player's id left at a paragraph's end: "… contributed to this report. media: 19073943".
_MEDIA_ID_END_RE = re.compile(r" media: ?\d{4,}$")

# A rule between sections ("___", "* * *"): structure inside the body, chrome in the closing run.
_SEPARATOR_RE = re.compile(r"_{2,}|\*(?: ?\*){2,}|#{3,}|[—–-]{3,}|~{3,}")
_SENTENCE_END = (".", "!", "?", "…", "\"", "”", "’", "'", ":")
# Page chrome: a lone short fragment next to these is part of them (a button, a brand name).
_CHROME_REASONS = frozenset({REASON_CTA, REASON_NEWSLETTER, REASON_MEMBERSHIP, REASON_CORRECTION,
                             REASON_RELATED, REASON_ADVERT, REASON_FURNITURE, REASON_COPYRIGHT})


def _is_tag(par: str) -> bool:
    return not par.endswith(_SENTENCE_END) and len(par.split()) <= _MAX_TAG_WORDS


def _is_link_line(par: str) -> bool:
    return ": " in par and not par.endswith(_SENTENCE_END) and len(par.split()) <= _MAX_LINK_LINE_WORDS


def _is_correction_note(par: str) -> bool:
    lower = par.lower()
    return any(w in lower for w in _CORRECTION_WORDS)


def _caps_line(par: str) -> bool:
    """A short line in capitals only ("USA TODAY"); scripts without case never qualify."""
    return len(par) <= 40 and sum(c.isupper() for c in par) >= 2 and not any(c.islower() for c in par)


def _fragment(par: str) -> bool:
    """A few words without sentence punctuation: a button label or brand name."""
    return par[-1].isalnum() and len(par) <= 60 and len(_WORD_RE.findall(par)) <= 4


def _headline_like(par: str) -> bool:
    """A short line without final punctuation and without a sentence break inside."""
    if len(par) > 250 or par[-1] in _NO_TITLE_END:
        return False
    if len(par) > 1 and par[-1] in "”\"’')" and par[-2] in ".!?,":
        return False
    n_words = len(_WORD_RE.findall(par))
    return 4 <= n_words <= 30 and not _SENTENCE_BREAK_RE.search(par)


_TITLE_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")


def _title_case(par: str) -> bool:
    """A short line whose every word of four letters or more is capitalised, as in a
    headline ("Report Is Coming Thursday. Here's What You Need To Know"); prose has
    lower-case long words."""
    if len(par) > 250 or par[-1] in ",;:…":  # a salutation or an intro line ends so
        return False
    long_words = [w for w in _TITLE_WORD_RE.findall(par) if len(w) >= 4]
    return len(long_words) >= 4 and all(w[0].isupper() for w in long_words)


def _byline_name(par: str) -> str | None:
    """The author named by a byline-only paragraph ("By Jane Roe", "Jane Q. Roe"), or None."""
    if len(par) > 120:
        return None
    if _NAME_LINE_RE.match(par):
        return par
    m = _BY_LINE_RE.match(par)
    return m.group(1) if m else None


def _glued_kicker(par: str) -> tuple[str, str] | None:
    """Split "ON FOX FIRSTA group said" / "EXCLUSIVEThe man" into (kicker, body)."""
    m = _GLUED_RUN_RE.match(par)
    if not m:
        return None
    run = m.group()
    if run[-1] == " ":  # "... FIRSTA conservative": a one-letter word "A"/"I" is glued on
        tokens = run.split()
        last = tokens[-1] if tokens else ""
        if len(tokens) < 2 or last[-1:] not in ("A", "I") or len(last) < 5 or not last.isalpha():
            return None
        kicker = run.rstrip()[:-1].rstrip()
        return kicker, par[len(kicker):].lstrip()
    if run[-2:-1] in (" ", "") or not run[-1].isupper():
        return None
    kicker = run[:-1].rstrip(" ,:")
    word = run[-1] + _LOWER_WORD_RE.match(par, m.end()).group()
    if sum(c.isalpha() for c in kicker) < 4 or (len(word) == 2 and word not in _TWO_LETTER_WORDS):
        return None
    return kicker, par[len(run) - 1:]


def _dateline(par: str) -> re.Match[str] | None:
    """A "CITY, State (Agency) —" opening; a lone short all-caps word may be an acronym."""
    m = _DATELINE_RE.match(par)
    if not m:
        return None
    if not (m["region"] or m["agency"] or " " in m["city"]) and len(m["city"].rstrip(".")) < 5:
        return None
    return m


class _Cleaner:
    """State of one clean_article call: paragraphs and what became of each."""

    def __init__(self, paras: list[str]) -> None:
        self.paras = paras
        self.reasons: list[str | None] = [None] * len(paras)
        self.prefixes: dict[int, list[tuple[str, str]]] = {}
        self.lo, self.hi = 0, len(paras)
        self.article = CleanArticle(text="")
        self.bio_author: str | None = None  # fallback author when there is no byline

    # -- helpers --
    def _next_kept(self, i: int) -> int:
        k = i + 1
        while k < self.hi and self.reasons[k] is not None:
            k += 1
        return k

    def _strip_prefix(self, i: int, end: int, reason: str) -> None:
        par = self.paras[i]
        self.prefixes.setdefault(i, []).append((par[:end].strip(), reason))
        self.paras[i] = par[end:].strip()

    def classify_all(self) -> None:
        for i, par in enumerate(self.paras):
            self.reasons[i] = classify_paragraph(par)
        for i, par in enumerate(self.paras):
            if par.startswith(_TAGS_LABEL):
                self._under_label(i, _MAX_TAGS, _is_tag)
            elif self.reasons[i] == REASON_RELATED and par.endswith(":"):
                self._under_label(i, _MAX_LINK_LINES, _is_link_line)
            elif self.reasons[i] == REASON_EDITORS_NOTE and par.startswith("Correction"):
                self._under_label(i, _MAX_CORRECTIONS, _is_correction_note)

    def _under_label(self, i: int, limit: int, belongs: Callable[[str], bool]) -> None:
        """Give the label's reason to the kept paragraphs right under it that ``belongs``
        accepts (at most ``limit``): a tag list's tags, a links label's links, a
        corrections label's notes."""
        for k in range(i + 1, min(i + 1 + limit, self.hi)):
            if self.reasons[k] is not None or not belongs(self.paras[k]):
                break
            self.reasons[k] = self.reasons[i]

    def strip_in_paragraphs(self) -> None:
        """Cut furniture from inside the story's paragraphs: a live blog's time stamp
        opening one, a page template's field labels (the heading between them becomes a
        paragraph of its own, as other headings are) and a player's id closing one."""
        for i in range(self.lo, self.hi):
            par = self.paras[i]
            if self.reasons[i] is not None:
                continue
            if par.startswith(("UPDATE", "Update")) and (m := _STAMP_PREFIX_RE.match(par)):
                self._strip_prefix(i, m.end(), REASON_FURNITURE)
                par = self.paras[i]
            if par.startswith("quicklist:") and (m := _TEMPLATE_LABELS_RE.match(par)):
                labels = par[:m.start("title")].strip(), par[m.end("title"):m.end()].strip()
                self.prefixes.setdefault(i, []).extend((label, REASON_FURNITURE) for label in labels)
                title = m.group("title").strip()
                self.paras[i] = par = f"{title}\n\n{par[m.end():]}" if title else par[m.end():]
            if "media:" in par and (m := _MEDIA_ID_END_RE.search(par)):
                self.prefixes.setdefault(i, []).append((m.group().strip(), REASON_FURNITURE))
                self.paras[i] = par[:m.start()]

    # -- the tail: bios, and stray fragments left between closing page chrome --
    def tail_walk(self) -> bool:
        """Extend the removed tail backwards over bios, section rules, boilerplate and chrome fragments."""
        j, following = self.hi - 1, None
        while j >= self.lo:
            # a bio may end in a disclaimer ("… The views expressed are his own."): still a bio, with its author
            if self.reasons[j] in (None, REASON_DISCLAIMER) and bio_reason(self.paras[j]):
                self.reasons[j] = REASON_BIO
                self.bio_author = bio_author(self.paras[j])
            elif self.reasons[j] is None and _SEPARATOR_RE.fullmatch(self.paras[j]):
                self.reasons[j] = REASON_FURNITURE
            if self.reasons[j] is not None:
                following = self.reasons[j]
            elif following in _CHROME_REASONS and _fragment(self.paras[j]):
                before = self.reasons[j - 1] if j > 0 else None
                self.reasons[j] = before if before in _CHROME_REASONS else following
            else:
                break
            j -= 1
        changed = j + 1 != self.hi
        self.hi = j + 1
        return changed

    # -- the lead: one rule at a time on the first kept paragraph, until none applies --
    def lead_loop(self) -> bool:
        changed = False
        while self.lo < self.hi:
            i = self.lo
            if self.reasons[i] is not None:
                self.lo += 1
                continue
            if len(self.prefixes.get(i, ())) >= _MAX_LEAD_PREFIXES or not self._lead_step(i):
                break
            changed = True
            if not self.paras[i]:
                self.reasons[i] = REASON_HEADER  # nothing left: drop the empty paragraph
                self.lo += 1
        return changed

    def _lead_step(self, i: int) -> bool:
        par, nxt = self.paras[i], self._next_kept(i)
        has_next = nxt < self.hi
        art = self.article
        m = _HEADER_RE.match(par)
        if m:
            if art.date is None:
                art.date = _safe_date(*m.groups())
            self._strip_prefix(i, m.end(), REASON_HEADER)
            return True
        if has_next and _HIGHLIGHTS_RE.match(par):
            self._highlights(i)
            return True
        reason = classify_paragraph(par)
        if reason:
            self.reasons[i] = reason
            return True
        if has_next and _caps_line(par):
            self.reasons[i] = REASON_HEADER  # "USA TODAY", "ANALYSIS/OPINION:"
            return True
        name = _byline_name(par) if has_next else None
        if name and not _byline_name(self.paras[nxt]):
            art.author = art.author or name
            self.reasons[i] = REASON_BYLINE
            return True
        if (has_next and (_headline_like(par) or _title_case(par)) and not _headline_like(self.paras[nxt])
                and not self._opens_the_story(i, par)):
            art.title = art.title or par
            self.reasons[i] = REASON_TITLE
            return True
        return self._lead_prefix(i, par)

    def _opens_the_story(self, i: int, par: str) -> bool:
        """A paragraph that has or had a dateline opens the story: a headline has none
        ("WASHINGTON – What's at stake?" is the lead's question, not a title)."""
        return any(why == REASON_DATELINE for _, why in self.prefixes.get(i, ())) or _dateline(par) is not None

    def _highlights(self, i: int) -> None:
        """'Story highlights' and the summary lines under it: short, no sentence end, and
        never the last paragraph (the body follows them)."""
        self.reasons[i] = REASON_HIGHLIGHTS
        k = self._next_kept(i)
        for _ in range(_MAX_HIGHLIGHTS):
            par = self.paras[k] if k < self.hi else ""
            if self._next_kept(k) >= self.hi or len(par) > 200 or par.rstrip().endswith(_SENTENCE_END):
                break
            self.reasons[k] = REASON_HIGHLIGHTS
            k = self._next_kept(k)

    def _lead_prefix(self, i: int, par: str) -> bool:
        art = self.article
        m = _PAREN_BYLINE_RE.match(par)
        if m:
            art.author = art.author or m.group(1)
            self._strip_prefix(i, m.end(), REASON_BYLINE)
            return True
        m = _SEP_KICKER_RE.match(par)
        if m:
            art.kicker = art.kicker or m.group(1)
            self._strip_prefix(i, m.end(), REASON_KICKER)
            return True
        glued = _glued_kicker(par)
        if glued:
            art.kicker = art.kicker or glued[0]
            self._strip_prefix(i, len(par) - len(glued[1]), REASON_KICKER)
            return True
        m = _dateline(par)
        if m:
            self._strip_prefix(i, m.end(), REASON_DATELINE)
            return True
        return False

    def finish(self) -> CleanArticle:
        body, removed = [], []
        for i, par in enumerate(self.paras):
            removed.extend(self.prefixes.get(i, ()))
            reason = self.reasons[i]
            if reason is None:
                body.append(par)
            elif par:
                removed.append((par, reason))
        self.article.removed = [(seg, why) for seg, why in removed if seg]
        self.article.author = self.article.author or self.bio_author
        self.article.text = "\n\n".join(body)
        return self.article


def _safe_date(year: str, month: str, day: str) -> datetime.date | None:
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None


def clean_article(raw_text: str) -> CleanArticle:
    """Clean one article's raw text; never raises on a ``str``.

    >>> art = clean_article("ON AIR FIRSTA judge ruled.\\n\\nJane Roe is a reporter for X News.")
    >>> art.kicker, art.text, art.author
    ('ON AIR FIRST', 'A judge ruled.', 'Jane Roe')
    >>> art.removed[-1]
    ('Jane Roe is a reporter for X News.', 'bio')
    """
    if not isinstance(raw_text, str):
        raw_text = "" if raw_text is None else str(raw_text)
    text, cards = strip_link_cards(normalize_text(raw_text))
    text, links = strip_inline_links(text)
    text, thread, comments = split_comment_thread(text)
    cleaner = _Cleaner(_paragraphs(text))
    cleaner.classify_all()
    while cleaner.tail_walk() | cleaner.lead_loop():
        pass
    cleaner.strip_in_paragraphs()
    article = cleaner.finish()
    article.removed += [(card.strip(), REASON_LINK_CARD) for card in cards]
    article.removed += [(link, REASON_RELATED) for link in links]
    if thread:
        thread_lines = (ln.strip() for ln in _SPACE_RUN_RE.sub(" ", thread).split("\n"))
        thread_text = "\n".join(ln for ln in thread_lines if ln)
        article.removed.append((thread_text, REASON_COMMENTS))
        article.comments = comments
    if has_comment_thread(article.text):  # removals joined an author line to its timestamp line
        return _merge(article, clean_article(article.text))
    return article


def _merge(first: CleanArticle, second: CleanArticle) -> CleanArticle:
    """Result of cleaning ``first.text`` again, keeping what the first pass found."""
    second.title = first.title or second.title
    second.date = first.date or second.date
    second.author = first.author or second.author
    second.kicker = first.kicker or second.kicker
    second.removed = first.removed + second.removed
    second.comments = second.comments + first.comments  # the second thread came earlier in the text
    return second
