"""Who a mention refers to: one article's pronouns and surnames resolved to full names.

:class:`SpeakerResolver` remembers the speakers named so far in an article.
A pronoun resolves to the most recent compatible named speaker ("she" not to
a man's name, "he" not to a place, and never to a subject inside a
quotation), a bare surname or "Mr. X" to the full name used elsewhere in
the article, and variants of one name ("Tom Homan", "Thomas Homan") to the
first of them resolved.

>>> text = "Jo Poe runs the clinic. Later, Poe said she was full."
>>> r = SpeakerResolver(text)
>>> r.resolve(Mention(31, 34, "Poe", "person"))
'Jo Poe'
>>> r.resolve(Mention(40, 43, "she", "pronoun"))
'Jo Poe'
"""
from __future__ import annotations

import re
from bisect import bisect_right

from analysis.cues import DEFAULT_CUES, CueLexicon
from analysis.mentions import Mention, _paragraph_start, inverted_subject, mention_before, opening_participle
from analysis.names import (
    FIRST_NAME_GENDER,
    _HONORIFIC_GENDER,
    _HONORIFIC_RE,
    _honorific_genders,
    is_person_name,
    is_place,
    normalise_name,
    opens_no_name,
    same_person_name,
)
from analysis.sentences import sentence_spans

# A sentence that opens with a capitalised run (a name with its title), then a lower-case verb.
_LEAD_NAME_RE = re.compile(r"[ \t\u00a0]*((?:[A-Z][\w'’\-]*\.?[ \t\u00a0]+){1,6})(?=[a-z])")
_PERSON_PRONOUNS = frozenset({"he", "she"})
_PRONOUN_GENDER = {"he": "m", "she": "f"}
_ANY_PRONOUN_GENDER = {**_PRONOUN_GENDER, "him": "m", "his": "m", "her": "f"}  # any case, not only a subject
_PRONOUN_OR_END_RE = re.compile(r"[.!?\n]|\b(" + "|".join(_ANY_PRONOUN_GENDER) + r")\b", re.IGNORECASE)
_SCAN_STEP = 400
_POSSESSIVE_BEFORE_RE = re.compile(r"['’]s[ \t\u00a0]+$")  # 'Poe’s proposed': the cue word is a noun's modifier
# Words before a capitalised run that make it a place or a thing, not a person.
_PLACE_BEFORE_RE = re.compile(r"\b(?:[Tt]he|an?|in|at|near|across|outside|inside|throughout)[ \t\u00a0]+$")
# A name does not run over a line break ("Winner: Jo Poe\n\nPoe said"); a particle is a whole
# word ("Mitt Romney also" is no "Romney al"); a nickname in marks is one of its words.
_FULLNAME_RE = re.compile(
    r"\b(?:(?:Mr|Mrs|Ms|Dr)\.?[ \t\u00a0]+)?[A-Z][\w'’\-]*[a-z][\w'’\-]*"
    r"(?:[ \t\u00a0]+(?:[A-Z]\.|[A-Z][\w'’\-]*[a-z][\w'’\-]*|[“\"][A-Z][\w'’\-]*[a-z][\w'’\-]*[”\"]"
    r"|(?:de|van|von|del|da|bin|al)\b)){1,6}"
)


def _title_re(titles: str) -> re.Pattern[str]:
    # The title, not after "Vice", "former" or "Press" (another holder), then a name of up to four words.
    return re.compile(r"(?<!Vice )(?<![Ff]ormer )(?<!ex-)(?<![Ll]ate )(?<!Press )\b(?:" + titles + r")[ \t\u00a0]+"
                      r"(?P<name>[A-Z][\w-]+(?:[ \t\u00a0]+"
                      r"(?:[A-Z]\.|(?:(?:de|van|von|del|da)[ \t\u00a0]+)?[A-Z][\w-]+)){0,3})")


# Role nouns ("the president said") -> how the article names a holder of the role.
ROLE_AHEAD = 1200  # characters after a role noun in which a holder named later is taken
_ROLE_TITLES = {
    "president": _title_re("President"),
    "senator": _title_re(r"Sen\.|Senator"),
    "governor": _title_re(r"Gov\.|Governor"),
    "mayor": _title_re("Mayor"),
    "congressman": _title_re(r"Rep\.|Representative|Congressman"),
    "congresswoman": _title_re(r"Rep\.|Representative|Congresswoman"),
    "speaker": _title_re("Speaker"),
    "attorney general": _title_re("Attorney General"),
    "judge": _title_re("Judge"),
    "vice president": _title_re("Vice President|Vice-President"),
    "former president": _title_re("(?:[Ff]ormer|[Ee]x-) ?President"),
    "prime minister": _title_re("Prime Minister"),
    "chancellor": _title_re("Chancellor"),
    "secretary of state": _title_re("Secretary of State"),
    "secretary": _title_re("Secretary"),
    "first lady": _title_re("[Ff]irst [Ll]ady"),
    "pope": _title_re("Pope"),
    "king": _title_re("King"),
    "queen": _title_re("Queen"),
    "chief justice": _title_re("Chief Justice"),
    "majority leader": _title_re("Majority Leader"),
    "minority leader": _title_re("Minority Leader"),
    "director": _title_re("Director"),
    "chairman": _title_re("Chairman"),
    "chairwoman": _title_re("Chairwoman"),
    "press secretary": _title_re("[Pp]ress [Ss]ecretary"),
    "sheriff": _title_re("Sheriff"),
    "ambassador": _title_re("Ambassador"),
    "commissioner": _title_re("Commissioner"),
    "spokesman": _title_re("[Ss]pokesman"),
    "spokeswoman": _title_re("[Ss]pokeswoman"),
    "spokesperson": _title_re("[Ss]pokesperson"),
}


def _place_run_re(head: str) -> re.Pattern[str]:
    """One to three capitalised words right before ``head`` on one line ("New York" Times),
    where the name ends: not "Utah Republican Mitt Romney", nor "U.S. Court of Appeals"."""
    return re.compile(r"((?:[A-Z][\w.'’\-]*[ \t\u00a0]+){1,3})" + re.escape(head)
                      + r"\b(?![ \t\u00a0]+(?:[A-Z]|of\b))")


def _nearest(found: list[tuple[int, str]], pos: int) -> str | None:
    """Of (position, name) pairs in text order: the last name before ``pos``, else the
    first within ROLE_AHEAD characters after it, else None.

    >>> _nearest([(0, "Jo Poe"), (50, "Al Roe")], 40), _nearest([(50, "Al Roe")], 40), _nearest([(5000, "Al Roe")], 40)
    ('Jo Poe', 'Al Roe', None)
    """
    before = [name for start, name in found if start < pos]
    if before:
        return before[-1]
    return next((name for start, name in found if pos < start <= pos + ROLE_AHEAD), None)


class SpeakerResolver:
    """Resolves the mentions of one article to names, remembering earlier speakers.

    Work is lazy and windowed: the full-name index is built only when a bare
    surname needs it, and pronoun look-ups scan a bounded window back.

    >>> text = "Anthony Romero leads the ACLU. Later, Romero said it again."
    >>> r = SpeakerResolver(text)
    >>> r.resolve(Mention(38, 44, "Romero", "person"))
    'Anthony Romero'
    """

    PRONOUN_WINDOW = 2500

    def __init__(self, text: str, cues: CueLexicon = DEFAULT_CUES) -> None:
        self.text = text
        self.cues = cues
        self.known: list[tuple[int, str, str]] = []  # (mention start, name, kind)
        self._last_full: dict[str, str] = {}  # surname -> the last full person name in known
        self._surnames: dict[str, list[tuple[int, str]]] = {}  # surname -> full names, filled lazily
        self._subjects: dict[int, Mention | None] = {}
        self._honorifics: dict[str, str] | None = None
        self._people: dict[str, list[str]] = {}  # surname -> distinct full names resolved so far
        self._holders: dict[str, list[tuple[int, str]]] = {}  # role -> (position, name) of each titled name
        self._placed: dict[str, list[tuple[int, str]]] = {}  # head word -> (position, name) of each "<place> <head>"
        self._sentence_starts: list[int] | None = None  # made when a pronoun first needs them

    def resolve(self, mention: Mention) -> str | None:
        """Name for a mention; remembers named speakers for later pronouns.

        Variants of one person's name in the article ("Tom Homan", "Thomas
        Homan") resolve to the first of them resolved.
        """
        if mention.kind == "pronoun":
            name = self._pronoun(mention)
            return self.same_person(name) if name and mention.text.lower() in _PERSON_PRONOUNS else name
        holder = self._role_holder(mention)  # "the president", "the President"
        if holder is not None:
            name = holder
        elif mention.kind == "np":
            name = mention.text
        else:
            name = normalise_name(mention.text) or mention.text
            if mention.kind == "person":
                name = self.same_person(self.full_name(name, mention.start))
            elif mention.kind == "org" and " " not in name and not name.isupper():  # (an acronym is a name in full)
                name = self.place_named(name, mention.start)
        self.known.append((mention.start, name, mention.kind))
        if mention.kind == "person" and " " in name:
            self._last_full[name.rsplit(" ", 1)[1]] = name
        return name

    def place_named(self, head: str, pos: int) -> str:
        """The article's name of an organisation that a place's name opens, for its
        one-word short form: "the Times" after "The New York Times" is the New York
        Times, "the Post" the Washington Post. The last such name before ``pos``,
        else the first within ROLE_AHEAD characters after it; else ``head``.

        Only a listed place counts (``analysis/data/places.txt``): "the House" is
        not the White House, nor "the Hill" Capitol Hill.

        >>> SpeakerResolver("The Los Angeles Times said so. The Times added.").place_named("Times", 35)
        'Los Angeles Times'
        """
        if head not in self._placed:
            found = []
            for m in _place_run_re(head).finditer(self.text):
                words = m.group(1).split()
                # the longest listed place that ends right before the head word ("The" is no part of it)
                place = next((" ".join(words[k:]) for k in range(len(words))
                              if words[k] not in ("The", "THE") and is_place(" ".join(words[k:]))), None)
                if place:
                    found.append((m.start(1), f"{place} {head}"))
            self._placed[head] = found
        return _nearest(self._placed[head], pos) or head

    def _role_holder(self, mention: Mention) -> str | None:
        """The person a role noun refers to: the last one the article named with that
        title before the mention ("President Donald Trump … the president said"),
        or, when none was named before, the first one named within ROLE_AHEAD
        characters after it.

        >>> text = "Former President Al Roe met President Jo Poe. The president said no."
        >>> SpeakerResolver(text).resolve(Mention(46, 59, "The president", "np"))
        'Jo Poe'
        >>> text = "President Jo Poe and Ann Poe came. President Poe spoke. The president said no."
        >>> SpeakerResolver(text).resolve(Mention(57, 70, "The president", "np"))
        'Jo Poe'
        """
        # "the president", or "the President" (a capitalised mention starts after "the")
        role = (self.text[max(0, mention.start - 4) : mention.start] + mention.text).lower()
        role = role[role.find("the ") + 4 :] if "the " in role[:8] else ""
        if role not in _ROLE_TITLES:  # (a bare "Judge" may be Mark Judge)
            return None
        if role not in self._holders:  # the article is scanned once per role, not once per mention
            titled = _ROLE_TITLES[role].finditer(self.text)
            self._holders[role] = [(m.start(), normalise_name(m.group("name"))) for m in titled]
        found = self._holders[role]
        # (a lead may say "the president tweeted" before it names President Trump;
        # further on, "President Obama" is more often another president, compared)
        name = _nearest(found, mention.start)
        if not name:
            return None
        if " " not in name:  # "President Trump": the full name the article gives with the title
            titled = [n for _, n in found if n.endswith(" " + name)]
            if not titled:  # any other "… Trump" of the article may be "Melania Trump": the surname only
                return name
            name = titled[-1]
        return self.same_person(name)

    def same_person(self, name: str) -> str:
        """The first name resolved in this article that names the same person as ``name``, else ``name``.

        >>> r = SpeakerResolver("")
        >>> r.same_person("Thomas Homan"), r.same_person("Tom Homan"), r.same_person("Tim Homan")
        ('Thomas Homan', 'Thomas Homan', 'Tim Homan')
        """
        surname = name.rsplit(" ", 1)[-1]
        variants = self._people.setdefault(surname, [])
        for known in variants:
            if known == name or same_person_name(known, name):
                return known
        variants.append(name)
        return name

    def full_name(self, name: str, pos: int, sex: str | None = None) -> str:
        """The article's full name for a bare surname ("Romero" -> "Anthony Romero"); with
        ``sex``, one whose gender is not known to differ ("Mrs. Clinton" is not Bill Clinton).
        The last one before ``pos``; else the first after it, of the sex of the sentence's
        next pronoun when it has one ("Obama said his …" is not a later "Michelle Obama").

        >>> r = SpeakerResolver("Bill Poe and Ann Poe came. Later Mrs. Poe spoke.")
        >>> r.full_name("Poe", 40), r.full_name("Poe", 40, "f")
        ('Ann Poe', 'Ann Poe')
        >>> r.full_name("Poe", 40, "m")
        'Bill Poe'
        """
        if " " in name:
            return name
        # The last speaker of that surname (an index: scanning every earlier speaker per
        # quotation was quadratic); of the other gender, look in the text.
        known = self._last_full.get(name)
        if known is not None and (sex is None or self.gender(known) in (None, sex)):
            return known
        options = self._surnames.get(name)
        if options is None:
            options = self._surnames[name] = self._full_names_ending(name)
        if sex is not None:
            options = [(p, full) for p, full in options if self.gender(full) in (None, sex)]
        before = [full for p, full in options if p < pos]
        if before:
            return before[-1]
        # named in full only later: not someone of the other sex ("Obama said his …" long
        # before "first lady Michelle Obama"), judged by the sentence's next pronoun
        hint = self._pronoun_sex_after(pos) if sex is None else None
        if hint is None:
            return options[0][1] if options else name
        return next((full for _, full in options if self.gender(full) == hint), name)

    def _pronoun_sex_after(self, pos: int) -> str | None:
        """"m" or "f" from the first personal pronoun after ``pos`` in its sentence, else None."""
        m = _PRONOUN_OR_END_RE.search(self.text, pos, pos + 150)
        # .get: re's IGNORECASE also matches forms that lower() does not map back ("hiſ", "hİm")
        return None if m is None or m.group(1) is None else _ANY_PRONOUN_GENDER.get(m.group(1).lower())

    def _full_names_ending(self, surname: str) -> list[tuple[int, str]]:
        """(start, full name) of each multi-word person name in the text that ends in ``surname``.

        Looks only around the surname's occurrences (a fast string search), not at every capital.
        """
        text, found = self.text, []
        i = text.find(surname)
        while i >= 0 and surname:
            end = i + len(surname)
            if (i == 0 or not text[i - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
                full = self._name_ending_at(i, end)
                if full is not None:
                    found.append(full)
            i = text.find(surname, end)
        return found

    def _name_ending_at(self, start: int, end: int) -> tuple[int, str] | None:
        for m in _FULLNAME_RE.finditer(self.text, max(0, start - 90), min(len(self.text), end + 3)):
            if m.start() < start < m.end() and m.end() <= end + 2:  # "+2": a possessive ’s
                words = self._name_words(m)
                full = " ".join(words)
                if len(words) >= 2 and is_person_name(full) and not opens_no_name(words[0]):
                    return (m.start(), full) if words[-1] == self.text[start:end] else None
        return None

    def _name_words(self, m: re.Match[str]) -> list[str]:
        """The words of a capitalised run's name, without a sentence-opening
        cue ('Said Jo Poe, who ...') or participle ('During Trump’s visit')."""
        # a nickname in marks is no part of the name ('Charles “Chad” Ludington')
        words = normalise_name(" ".join(w for w in m.group().split() if w[0] not in "“\"")).split()
        if words and (words[0].lower() in self.cues.verb_re.capitals
                      or words[0] == m.group().split()[0] and opening_participle(self.text, m.start(), words[0])):
            words = words[1:]  # (a title word such as "Acting" is already gone)
        return words

    def _pronoun(self, mention: Mention) -> str | None:
        low = mention.text.lower()
        if low == "i":
            return None
        want = ("person",) if low in _PERSON_PRONOUNS else ("org", "np")
        sex = _PRONOUN_GENDER.get(low)
        best_pos, best = -1, None
        for pos, name, kind in reversed(self.known):
            if pos < mention.start and kind in want and self.compatible(name, kind, sex):
                best_pos, best = pos, name
                break
        found = self._subject_before(mention.start, want, sex, best_pos)
        if found is not None and found[0] > best_pos:
            best_pos, best = found
        if want == ("person",) and (lead := self._previous_subject(mention.start, sex, best_pos)) is not None:
            best_pos, best = lead  # 'Jo Poe took a positive view. He said': the last sentence's subject
        if best is None and want == ("person",):
            best = self._last_person_name(mention.start, sex)
        return best

    def _previous_subject(self, pos: int, sex: str | None, floor: int = -1) -> tuple[int, str] | None:
        """The person who opens the sentence before the one at ``pos`` (after ``floor``),
        with the sentence's verb after the name: "Sen. Jo Poe took a positive view."

        >>> text = "Al Roe spoke. Sen. Tom Poe took a positive view. He said it was good."
        >>> SpeakerResolver(text)._previous_subject(text.index("He"), "m")
        (14, 'Tom Poe')
        """
        if self._sentence_starts is None:  # the writer's sentences: none that opens inside a quotation
            self._sentence_starts = [start for start, _ in sentence_spans(self.text)
                                     if not _inside_quotation(self.text, start)]
        k = bisect_right(self._sentence_starts, pos) - 1  # the sentence holding pos
        if k < 1 or self._sentence_starts[k - 1] <= floor:
            return None
        prev, here = self._sentence_starts[k - 1], self._sentence_starts[k]
        lead = _LEAD_NAME_RE.match(self.text, prev, here)
        if lead is None:
            return None
        m = mention_before(self.text, lead.end(), prev)
        if m is None or m.kind != "person" or m.start != lead.start(1):
            return None
        name = self.full_name(normalise_name(m.text), m.start)
        # a person's full name, not any capitalised words that open a sentence ("Noticeably,
        # ...", "African Ancestry found"): a listed given name, and no possessive
        if (" " not in name or not is_person_name(name) or name.split()[0].lower() not in FIRST_NAME_GENDER
                or "’" in m.text or "'" in m.text or not self.compatible(name, "person", sex)):
            return None
        return m.start, name

    def compatible(self, name: str, kind: str, sex: str | None) -> bool:
        """False when "he"/"she" cannot refer to ``name`` (a known woman's or man's name).

        >>> r = SpeakerResolver("Ms. Poe spoke.")
        >>> r.compatible("Jo Poe", "person", "m"), r.compatible("Jo Poe", "person", "f")
        (False, True)
        """
        if sex is None or kind != "person":
            return True
        if is_place(name):  # 'a student in Chicago told me that he': not Chicago
            return False
        g = self.gender(name)
        return g is None or g == sex

    def gender(self, name: str) -> str | None:
        """"m", "f" or None: from the first name, else from "Mr."/"Ms." with the surname in the article."""
        words = name.split()
        if not words:
            return None
        g = FIRST_NAME_GENDER.get(words[0].lower().rstrip("."))
        if g is not None:
            return g
        if self._honorifics is None:
            self._honorifics = _honorific_genders(self.text)
        return self._honorifics.get(words[-1])

    def _subject_before(self, pos: int, want: tuple[str, ...], sex: str | None = None, floor: int = -1) -> tuple[int, str] | None:
        """The nearest cue subject before ``pos`` of a wanted kind and compatible gender.

        Scans back in steps, so a pronoun near its antecedent costs little.
        """
        lo = max(0, pos - self.PRONOUN_WINDOW, floor)
        hi = pos
        while hi > lo:
            step_lo = max(lo, hi - _SCAN_STEP)
            if step_lo > lo:  # cut at a space so no word is split
                cut = self.text.rfind(" ", step_lo - 40, step_lo)
                step_lo = cut if cut > lo else lo
            for v in reversed(self.cues.verb_re.finditer(self.text, step_lo, hi)):
                if _inside_quotation(self.text, v.start()):
                    continue  # a quoted sentence's subject is the speaker's word, not the writer's
                found = self._cue_subject_name(v.start(), pos, want, sex)
                if found is not None:
                    return found
            hi = step_lo
        return None

    def _cue_subject_name(self, at: int, pos: int, want: tuple[str, ...], sex: str | None) -> tuple[int, str] | None:
        if at not in self._subjects:
            v = self.cues.verb_re.match(self.text, at)
            if v is not None and v.group()[0] <= "Z":  # 'Said Jo Poe, who ...'
                self._subjects[at] = inverted_subject(self.text, v)
            elif _POSSESSIVE_BEFORE_RE.search(self.text, max(0, at - 4), at):
                self._subjects[at] = None  # a noun: "Al Poe’s proposed deal" (a passive's subject still counts)
            else:
                self._subjects[at] = mention_before(self.text, at, _paragraph_start(self.text, at, 160))
        m = self._subjects[at]
        if m is None or m.kind not in want or m.end > pos:
            return None
        name = m.text if m.kind == "np" else normalise_name(m.text)
        if m.kind == "person":
            name = self.full_name(name, m.start)
        return (m.start, name) if self.compatible(name, m.kind, sex) else None

    def _last_person_name(self, pos: int, sex: str | None = None) -> str | None:
        """The last person named before ``pos`` (within PRONOUN_WINDOW) who fits ``sex``,
        when no speaker or cue subject did.

        A capitalised run after an article or a preposition of place names a place
        or a thing, not a person ("the Rose Garden", "on the Gulf Coast", "in Miami
        Beach"). "Mrs. Capito" counts, with the gender of its honorific.

        >>> text = "Ms. Poe met Al Roe at the Gulf Coast. Later, she"
        >>> SpeakerResolver(text)._last_person_name(len(text), "f")
        'Poe'
        """
        lo = max(0, pos - self.PRONOUN_WINDOW)
        last_at, last = -1, None
        for m in _FULLNAME_RE.finditer(self.text, lo, pos):
            full = " ".join(self._name_words(m))
            if (" " in full and is_person_name(full) and not opens_no_name(full.split()[0])
                    and not _PLACE_BEFORE_RE.search(self.text, max(0, m.start() - 12), m.start())
                    and self.compatible(full, "person", sex)):
                last_at, last = m.start(), full
        for m in _HONORIFIC_RE.finditer(self.text, lo, pos):
            if m.start() > last_at and (sex is None or _HONORIFIC_GENDER[m.group(1).lower()] == sex):
                last_at, last = m.start(), self.full_name(normalise_name(m.group(2)), m.start(), sex)
        return last


def _inside_quotation(text: str, pos: int) -> bool:
    """True when ``pos`` lies inside double quotation marks of its paragraph: the
    last curly mark before it opens, or an odd number of straight marks precede it.

    >>> t = 'Al said: “No question about it,” he said.'
    >>> _inside_quotation(t, t.index("question")), _inside_quotation(t, t.index("he said"))
    (True, False)
    """
    start = _paragraph_start(text, pos, 2000)
    opened, closed = text.rfind("“", start, pos), text.rfind("”", start, pos)
    if opened >= 0 or closed >= 0:
        return opened > closed
    return text.count('"', start, pos) % 2 == 1
