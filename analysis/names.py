"""Speaker names: what a name is, and when two names can name one person.

Determiners, job titles, honorifics and a possessive are stripped from a
mention to leave the name; organisation words tell an organisation from a
person.  A given-names list (``analysis/data/first_names.txt``) gives the
gender a first name usually signals and its short forms ("Tom" for
"Thomas"); without the list, genders stay unknown and constrain nothing.

>>> normalise_name("Sen. Jo Poe’s")
'Jo Poe'
>>> is_person_name("Jo Poe"), is_person_name("Poe Foundation")
(True, False)
>>> same_person_name("Tom Homan", "Thomas Homan"), same_person_name("Tom Homan", "Tim Homan")
(True, False)
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from analysis import config

# --------------------------------------------------------------------------
# Word lists that decide what a name is
# --------------------------------------------------------------------------

_DETERMINERS = frozenset(
    "the a an another one his her their its this that these those some many several "
    "two three other our".split()
)
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_STOP_CAPS = WEEKDAYS | frozenset(
    "the a an but and or so yet meanwhile however in on at then later also still when "
    "while after before now today yesterday earlier last this that his her their its "
    "as if because although though since for of by with from to asked speaking "
    "instead indeed still moreover furthermore additionally separately similarly "
    "there here what why how where who which whose whom "
    "is are was were even only just all both "
    # More closed-class words that open a sentence before a name ("Despite Trump’s
    # pledge", "Did Clinton know", "Can Trump win"); not "will" or "may" (Will Hurd, Theresa May).
    "despite like unlike under during amid among against about around through throughout "
    "toward towards upon within without until via per over nor neither either whether unless "
    "do does did can could would should must might has have had perhaps maybe "
    # Connectives and adverbs that open a sentence ("Whenever Cole", "Thus Romney", "Given Trump’s")
    "whenever whatever wherever whoever once thus hence besides given ultimately eventually otherwise "
    # Words that open a quoted sentence and can look like a subject ("No question about it",
    # "My thinking was"): a pronoun's or a negation's capital starts no name.
    "no not yes my your we you i it".split()
)
_CONTRACTED = frozenset("it let he she".split())  # "It’s", "Let’s": with _STOP_CAPS, no name's first word


def opens_no_name(word: str) -> bool:
    """True for a closed-class word that opens a sentence before a name, or its
    contraction ("Despite Trump", "Here’s Yang": the name is the last word).

    >>> opens_no_name("Here’s"), opens_no_name("Despite"), opens_no_name("Trump’s")
    (True, True, False)
    """
    w = word.lower().rstrip(".")
    if w.endswith(("’s", "'s")):
        w = w[:-2]
        return w in _STOP_CAPS or w in _CONTRACTED
    return w in _STOP_CAPS


# Titles written short with a full stop ("Sen. Jo Poe", "Lt. Gen."): a name runs on after one.
TITLE_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sen sens rep reps gov gen lt col sgt capt cmdr adm rev hon pres atty supt insp det".split()
)
TITLE_WORDS = TITLE_ABBREVIATIONS | frozenset(
    "miss president president-elect vice senator "
    "representative congressman congresswoman governor mayor secretary director "
    "executive counsel chairman chairwoman chair spokesman spokeswoman spokesperson "
    "senior deputy chief attorney general judge justice sheriff commissioner "
    "minister premier chancellor ambassador leader speaker whip czar officer "
    "founder co-founder ceo cfo coo manager editor correspondent reporter anchor host "
    "professor dean superintendent councilman councilwoman councilmember "
    "assemblyman assemblywoman delegate candidate nominee former acting interim "
    "associate assistant policy legal general lieutenant captain sergeant "
    "commander admiral colonel officer analyst adviser advisor strategist "
    "pastor bishop archbishop reverend pope cardinal rabbi imam king queen prince princess lord dame sir "
    "state federal border press national staff".split()
)
ORG_WORDS = frozenset(
    "union association department committee council house party campaign institute bank "
    "center centre office agency administration court legal news times post network "
    "group foundation inc corp company university college coalition alliance bureau "
    "service services commission board police ministry government congress senate "
    "assembly authority organization organisation project fund trust league society "
    "federation press journal tribune herald review daily media reuters "
    "ap cnn msnbc fox nbc abc cbs npr bbc pentagon kremlin army navy "
    "white gop dnc rnc fbi cia dhs doj ice aclu nra un eu nato".split()
)
_PARTICLES = frozenset({"de", "van", "von", "del", "della", "da", "di", "bin", "al", "der", "du", "le", "la", "st."})


def _name_kind(words: list[str], after_the: bool) -> str:
    low = [w.lower().rstrip(".") for w in words]
    if after_the or any(w in ORG_WORDS for w in low):
        return "org"
    if len(words) == 1 and words[0].isupper() and len(words[0]) > 1:
        return "org"  # an acronym: ACLU, ICE, DHS
    return "person"


# --------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------

_POSSESSIVE_RE = re.compile(r"['’]s?$")


_NAME_SUFFIXES = frozenset("jr sr ii iii iv".split())  # left after a title word: part of the name


@lru_cache(maxsize=4096)  # an article names its speakers again and again
def normalise_name(name: str) -> str:
    """A name without determiners, job titles, honorifics or a possessive.

    >>> normalise_name("Mr. Romero")
    'Romero'
    >>> normalise_name("the ACLU’s")
    'ACLU'
    >>> normalise_name("America First Legal Senior Vice President Reed D. Rubenstein")
    'Reed D. Rubenstein'
    >>> normalise_name("Martin Luther King Jr.")
    'Martin Luther King Jr.'
    >>> normalise_name("Fox News’ Andrea Tantaros")
    'Andrea Tantaros'
    >>> normalise_name("Businessman Donald Trump"), normalise_name("Acme John Poe Foundation")
    ('Donald Trump', 'Acme John Poe Foundation')
    """
    words = name.split()
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    if not words:
        return name.strip()
    words[-1] = _POSSESSIVE_RE.sub("", words[-1]) or words[-1]
    cut = 0
    for k, w in enumerate(words[:-1]):
        if w.lower().rstrip(".") in TITLE_WORDS and not _is_ambiguous_title(words, k):
            if any(x.lower().rstrip(".,") not in _NAME_SUFFIXES for x in words[k + 1 :]):
                cut = k + 1  # not 'Martin Luther King Jr.': only a suffix would be left
    return " ".join(_from_given_name(words[cut:]))


_PLACE_OPENERS = frozenset("san santa saint".split())  # "San Francisco Chronicle": a place's first word


def _from_given_name(words: list[str]) -> list[str]:
    """A person's words from the given name on, when the capitalised words
    before it say whose the person is or describe the person rather than
    start the name: after the last possessive that a given name follows ("CBS
    News’ Ann Poe"), else after words that hold no given name, initial or
    particle, when the words from the given name on are a person's (no
    organisation word), of two words or more ("Businessman Ann Poe", "United
    Nations Ann Poe").

    >>> _from_given_name("Chief of Staff John Kelly".split()[2:])
    ['John', 'Kelly']
    >>> _from_given_name(["Sarah", "Huckabee", "Sanders"]), _from_given_name(["J.", "Ann", "Selzer"])
    (['Sarah', 'Huckabee', 'Sanders'], ['J.', 'Ann', 'Selzer'])
    """
    for k in range(len(words) - 1, 0, -1):
        if len(words[k - 1]) > 2 and _POSSESSIVE_RE.search(words[k - 1]) and words[k].lower() in FIRST_NAME_GENDER:
            return words[k:]
    for k in range(1, len(words) - 1):
        before = words[k - 1].lower().rstrip(".")
        if before in _PLACE_OPENERS:
            continue  # "San Francisco": a place, not a given name
        in_place = k >= 2 and words[k - 2].lower() in _PLACE_OPENERS
        if not in_place and (before in FIRST_NAME_GENDER or len(before) < 2 or before in _PARTICLES):
            break  # the name started earlier ("Mary Ann Poe", "J. Ann Poe", "de Ann Poe")
        given = words[k].lower()
        if given in FIRST_NAME_GENDER and given not in _PARTICLES and words[k][:1].isupper():
            rest = words[k:]
            if any(w.lower().rstrip(".") in ORG_WORDS for w in rest):
                return words
            # a surname must follow, not only a suffix ("Ender Austin III")
            return rest if any(w.lower().rstrip(".,") not in _NAME_SUFFIXES for w in rest[1:]) else words
    return words


def _is_ambiguous_title(words: list[str], k: int) -> bool:
    # "White House", "Border Patrol" style org names are kept whole.
    return any(w.lower() in ORG_WORDS for w in words[k + 1 :])


def is_person_name(name: str) -> bool:
    """Crude test: capitalised words without organisation words.

    >>> is_person_name("Anthony Romero"), is_person_name("American Civil Liberties Union")
    (True, False)
    """
    words = name.split()
    return bool(words) and _name_kind(words, False) == "person" and all(w[:1].isupper() or w in _PARTICLES for w in words)


# --------------------------------------------------------------------------
# Genders and given names
# --------------------------------------------------------------------------

_HONORIFIC_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
# "M" first, its word boundary checked after it, so that the regex engine looks
# only where an "M" is (a search for a literal), not at every character.
_HONORIFIC_RE = re.compile(r"(M(?<!\wM)(?:r|rs|s|iss))\.?\s+(?:[A-Z]\.\s+)?(?:[A-Z][\w'’\-]+\s+)?([A-Z][\w'’\-]+)")


def _honorific_genders(text: str) -> dict[str, str]:
    """Surname -> gender from "Mr. Poe" / "Ms. Jo Poe" in the text; a surname seen with both is left out.

    >>> _honorific_genders("Mr. Poe met Ms. Ann Lee and Mrs. Poe.")
    {'Lee': 'f'}
    """
    seen: dict[str, set[str]] = {}
    for m in _HONORIFIC_RE.finditer(text):
        seen.setdefault(m.group(2), set()).add(_HONORIFIC_GENDER[m.group(1).lower()])
    return {name: next(iter(g)) for name, g in seen.items() if len(g) == 1}


def _read_sections(path: Path) -> dict[str, list[str]]:
    """Lowercased non-comment lines of a "[section]" file, per section; {} if unreadable."""
    sections: dict[str, list[str]] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return sections  # no list: genders stay unknown and constrain nothing
    section = None
    for raw in lines:
        line = raw.split("#", 1)[0].strip().lower()
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
        elif line and section:
            sections.setdefault(section, []).append(line)
    return sections


def _load_first_names(path: Path) -> dict[str, str]:
    """name -> "m"/"f" from a first-names file ("[m]"/"[f]" sections); {} if unreadable."""
    sections = _read_sections(path)
    return {w: sex for sex in ("m", "f") for line in sections.get(sex, []) for w in line.split()}


def _load_short_forms(path: Path) -> dict[str, frozenset[int]]:
    """given name -> ids of its "[short]" lines ("thomas tom tommy": all three share an id)."""
    groups: dict[str, set[int]] = {}
    for k, line in enumerate(_read_sections(path).get("short", [])):
        for w in line.split():
            groups.setdefault(w, set()).add(k)
    return {w: frozenset(ids) for w, ids in groups.items()}


def same_given_name(a: str, b: str) -> bool:
    """True when two given names can name one person: equal, one a listed short
    form of the other, or one (of 3+ letters) a prefix of the other with no
    conflicting gender in the first-names list.

    >>> same_given_name("Tom", "Thomas"), same_given_name("Chris", "Christopher")
    (True, True)
    >>> same_given_name("Eric", "Erica"), same_given_name("Tom", "Tim")
    (False, False)
    """
    a, b = a.lower().rstrip("."), b.lower().rstrip(".")
    if a == b:
        return True
    if SHORT_FORMS.get(a, frozenset()) & SHORT_FORMS.get(b, frozenset()):
        return True
    short, long = sorted((a, b), key=len)
    if len(short) < 3 or not long.startswith(short):
        return False
    sexes = {FIRST_NAME_GENDER.get(a), FIRST_NAME_GENDER.get(b)} - {None}
    return len(sexes) < 2


def same_person_name(a: str, b: str) -> bool:
    """True when two full names (titles removed) can name one person: the same
    surname, given names that :func:`same_given_name` accepts, and middle
    names that agree (:func:`same_person_words`).

    >>> same_person_name("Tom Homan", "Thomas D. Homan"), same_person_name("George H. Bush", "George W. Bush")
    (True, False)
    >>> same_person_name("Charles E. Schumer", "Charles Ellis Schumer")
    True
    """
    return same_person_words(a.split(), b.split())


def same_person_words(a: list[str], b: list[str]) -> bool:
    """:func:`same_person_name` on names split into words (for callers comparing many pairs)."""
    if len(a) < 2 or len(b) < 2 or a[-1] != b[-1] or not same_given_name(a[0], b[0]):
        return False
    return _middle_names_agree(a[1:-1], b[1:-1])


def _middle_names_agree(a: list[str], b: list[str]) -> bool:
    """One side has none, or each pair is equal or an initial and a name it starts."""
    if not a or not b:
        return True
    if len(a) != len(b):
        return False
    for x, y in zip(a, b):
        x, y = x.rstrip("."), y.rstrip(".")
        if x != y and not (len(x) == 1 and y.startswith(x) or len(y) == 1 and x.startswith(y)):
            return False
    return True


def _load_places(path: Path) -> frozenset[str]:
    """Lowercased place names, one a line ("#" comments); empty if unreadable."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()  # no list: no name is known to be a place
    return frozenset(" ".join(line.split("#", 1)[0].lower().split()) for line in lines) - {""}


def is_place(name: str) -> bool:
    """True for a listed place (``analysis/data/places.txt``) that is no listed given name.

    >>> is_place("Chicago"), is_place("the United States"), is_place("Virginia"), is_place("Jo Poe")
    (True, True, False, False)
    """
    low = " ".join(name.lower().split())
    low = low[4:] if low.startswith("the ") else low
    return low in PLACES and low not in FIRST_NAME_GENDER


FIRST_NAME_GENDER = _load_first_names(config.FIRST_NAMES_FILE)
SHORT_FORMS = _load_short_forms(config.FIRST_NAMES_FILE)
PLACES = _load_places(config.PLACES_FILE)
