"""Speaker mentions: the span of text that a reporting cue names as its source.

A mention is a name ("Anthony Romero"), a pronoun ("he"), an organisation
("the ACLU") or a noun phrase ("the letter", "Poe’s spokesman").
:func:`mention_before` finds the subject that ends where a cue starts ("Romero
said"), :func:`mention_after` the source right after an inverted cue ("said
Romero", "according to the ACLU").  Each look-up tokenises only a short window
around one position, so the cost does not grow with the article's length.

>>> s = "Poe’s spokesman, Al Roe, said"
>>> mention_before(s, s.index("said"), 0)
Mention(start=17, end=23, text='Al Roe', kind='person')
>>> m = mention_after("according to the ACLU.", 13, 22)
>>> m.text, m.kind
('ACLU', 'org')
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.names import (
    FIRST_NAME_GENDER, ORG_WORDS, TITLE_ABBREVIATIONS, TITLE_WORDS, WEEKDAYS, _DETERMINERS, _PARTICLES,
    _POSSESSIVE_RE, _STOP_CAPS, _name_kind, normalise_name, opens_no_name,
)

# --------------------------------------------------------------------------
# Word lists that decide what a mention is
# --------------------------------------------------------------------------

PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
_SKIP_BEFORE_VERB = frozenset(
    "has have had also already previously later then once would will could may "
    "might reportedly recently publicly repeatedly further again never not did does "
    "do just still often even who which that simply initially first is are was were been being".split()
)
# Between a subject and its cue right after a quotation ('” the agency now states'). Not
# skipped by mention_before: there "now" would make "is now asking" in a quotation a cue.
AFTER_QUOTE_ADVERBS = _SKIP_BEFORE_VERB | {"now"}
# Plural nouns for a group that speaks with no determiner ("officials said"), alone or after
# the capitalised words that say whose ("Chinese officials", "Trump supporters").
GROUP_SOURCES = frozenset(
    "officials sources critics experts analysts aides advocates supporters opponents "
    "people democrats republicans residents lawmakers prosecutors police witnesses "
    "investigators observers researchers economists scientists activists voters "
    "protesters organizers officers agents leaders senators members politicians "
    "legislators candidates delegates diplomats".split()
)

# A day's or, after a word such as "in" or "last", a month's name is a time, never a
# speaker: "The State Department in November issued", "the statement Friday said",
# "said Saturday". A month alone may be a name ("May said": Theresa May).
_MONTHS = frozenset(
    "january february march april may june july august september october november december".split())
_TIME_LEAD = frozenset("on in last this past next early late mid since until by through".split())
_DAY_PARTS = frozenset("morning afternoon evening night".split())
_DAY_EVENTS = frozenset("super black good ash holy cyber bloody fat palm easter giving".split())
TIME_WORDS = WEEKDAYS | _MONTHS | _TIME_LEAD | _DAY_PARTS  # may stand between a subject and its verb

# "D-Calif.", "R-N.Y." and states written out ("R-Utah", "D-New York"): one token
_TWO_WORD_STATE = r"(?:New|North|South|West|Rhode)[ \t\u00a0][A-Z][a-z]+"
_PARTY_TAG_RE = re.compile(rf"[DRI]-(?:(?:[A-Z][a-z]*\.)+|{_TWO_WORD_STATE}|[A-Z][a-z]+)")
_TOKEN_RE = re.compile(
    rf"[DRI]-(?:(?:[A-Z][a-z]*\.)+|{_TWO_WORD_STATE})|(?:[A-Za-z]\.){{2,}}|[A-Z]\.|(?:"
    # a title's abbreviation, "St.", "Jr." and "Sr." are one token with their full stop (longest first)
    + "|".join(sorted((w.capitalize() for w in TITLE_ABBREVIATIONS | {"st", "jr", "sr"}), key=lambda w: (-len(w), w)))
    + r")\.|[^\W_](?:[\w'’\-]*[^\W_])?|[.,;:()\[\]“”\"—–!?…]"
)
_BOUNDARY_TOKENS = frozenset(".,;:()[]“”\"—–!?…")

# --------------------------------------------------------------------------
# Mentions
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text that names a speaker, with its kind.

    kind is "pronoun", "person", "org" (organisation) or "np" (a noun phrase
    such as "the letter" or "a source").
    """

    start: int
    end: int
    text: str
    kind: str


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text, start, end)]


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def _is_boundary(tok: str) -> bool:
    """True for a punctuation token that the mention cannot cross."""
    return tok in _BOUNDARY_TOKENS


def _after_caps_headline(toks: list[tuple[int, int, str]], j: int) -> bool:
    """True when toks[j], not in capitals, follows two words in capitals: a headline
    run into the text ("MAY REFUSES TO COMMIT Theresa May said"), not one name."""
    def shouting(tok: str) -> bool:
        return _acronym(tok) and not tok.endswith(".")

    return j >= 2 and not toks[j][2].isupper() and shouting(toks[j - 1][2]) and shouting(toks[j - 2][2])


# Words of an institution's name that may hold "and" ("Food and Drug Administration", "Department
# of Health and Human Services", "Centers for Disease Control and Prevention").
_AND_NAME_HEADS = frozenset("administration enforcement protection services prevention development".split())


def _heads_an_institution(toks: list[tuple[int, int, str]]) -> bool:
    """True when the words hold one that heads an institution's name with "and" in it."""
    return any(t[2].lower() in _AND_NAME_HEADS for t in toks)


def _joined_to_caps(toks: list[tuple[int, int, str]], j: int, word: str) -> bool:
    """toks[j - 1] is ``word`` after a capitalised word ("Health and | Human Services")."""
    return j >= 2 and toks[j - 1][2] == word and _is_cap(toks[j - 2][2]) and not _is_boundary(toks[j - 2][2])


def _name_run_back(toks: list[tuple[int, int, str]], i: int) -> int:
    """:func:`_run_back`, also over an "and" inside an institution's name, which a run of
    people's names never crosses ('Jo Poe and Al Roe said' is two people)."""
    j = _run_back(toks, i)
    if _joined_to_caps(toks, j, "and") and _heads_an_institution(toks[j : i + 1]):
        j = _run_back(toks, j - 2)
        if _joined_to_caps(toks, j, "for"):
            j = _run_back(toks, j - 2)  # 'Centers for Disease Control and Prevention'
    return j


def _run_back(toks: list[tuple[int, int, str]], i: int) -> int:
    """Index of the first token of the capitalised name run that ends at toks[i]."""
    j = i
    while j - 1 >= 0:
        prev = toks[j - 1][2]
        if (_is_cap(prev) or prev.lower() in _PARTICLES) and not _after_caps_headline(toks, j):
            j -= 1
            continue
        break
    while j < i and (opens_no_name(toks[j][2]) or _is_web_label(toks[j][2])):
        j += 1  # 'Despite Trump', 'MUST WATCH Obama': the name comes after
    while j < i and toks[j][2].lower() in _PARTICLES:
        j += 1
    return j


# A plural of nationality or belief ("Americans", "Palestinians", "Socialists"): a group, as GROUP_SOURCES.
_GROUP_PLURAL_RE = re.compile(r"[A-Z][a-z]+(?:ians|icans|ists)")


def _mention_from_run(text: str, toks: list[tuple[int, int, str]], j: int, i: int) -> Mention:
    span = text[toks[j][0] : toks[i][1]]
    last = toks[i][2]
    if last.lower() in GROUP_SOURCES or last.lower() == "others" or _GROUP_PLURAL_RE.fullmatch(last):
        # 'Democrats said', 'Muslim Americans say': a group, which "he" or "she" never refers to
        return Mention(toks[j][0], toks[i][1], span, "np")
    after_the = j > 0 and toks[j - 1][2].lower() == "the"
    # Judge person vs organisation on the name without its job title
    # ("America First Legal Senior Vice President Reed D. Rubenstein" is a person).
    return Mention(toks[j][0], toks[i][1], span, _name_kind(normalise_name(span).split(), after_the))


def _np_back(text: str, toks: list[tuple[int, int, str]], i: int) -> Mention | None:
    """A lowercase noun phrase ending at toks[i]: "the letter", "a senior official",
    "Jo Poe’s former campaign manager"; not one that ends in a function word ("a request
    for", "the Trump administration to", "one can")."""
    if ends_no_noun_phrase(toks[i][2]):
        return None
    for j in range(i, max(-1, i - 5), -1):
        tok = toks[j][2]
        if _is_boundary(tok) or _ends_a_clause(tok):
            break
        if tok.lower() in _DETERMINERS:
            if j == i and tok.lower() not in _PRONOMINAL:
                return None  # 'the recently revealed': an article with no noun names nobody
            return Mention(toks[j][0], toks[i][1], text[toks[j][0] : toks[i][1]], "np")
    found = _possessive_np(text, toks, i)
    if found is not None:
        return found
    if toks[i][2].lower() in GROUP_SOURCES:
        j = i  # 'Chinese officials', 'Republican leaders': the group with the words that say whose
        if i > 0 and _is_cap(toks[i - 1][2]) and not _is_boundary(toks[i - 1][2]) and not opens_no_name(toks[i - 1][2]):
            j = _name_run_back(toks, i - 1)  # (not 'But critics said')
        return Mention(toks[j][0], toks[i][1], text[toks[j][0] : toks[i][1]], "np")
    return None


# Determiners that stand alone for their noun: "one said", "another added", "some argue".
_PRONOMINAL = frozenset("one another some many several two three these those".split())
_MODALS = frozenset("can could should would will must may might shall".split())
# Words that end no noun phrase: prepositions, the infinitive's "to" and modals.
_NO_NP_HEAD = frozenset(
    "of to for in on at by with from about into onto over under than as like via per "
    "can could should would will must may might shall".split()
)


def ends_no_noun_phrase(word: str) -> bool:
    """True for a word no noun phrase ends in: a function word ("for", "to", "can") or an
    article that stands for no noun ("the", not "one", "some" or "the other").

    >>> ends_no_noun_phrase("for"), ends_no_noun_phrase("The"), ends_no_noun_phrase("several")
    (True, True, False)
    """
    low = word.lower()
    return low in _NO_NP_HEAD or low in _DETERMINERS and low not in _PRONOMINAL and low != "other"


# A pronoun with a contracted verb ("he’d", "they're") is a clause's subject, not part of a noun phrase.
_PRONOUN_CONTRACTION_RE = re.compile(r"(?:he|she|they|it|we|i|you)['’](?:d|s|re|ll|ve|m)", re.I)


# Capitalised labels of web pages that end up before a cue ("… Senate race MORE (R-S.C.) told
# reporters": The Hill's related-story links in place of a name); in capitals they end no name.
_WEB_LABELS = frozenset("more read watch watched related update updated breaking listen click".split())


def _is_web_label(tok: str) -> bool:
    """ "MORE", "WATCH": a page label in capitals, not the last word of a name (an acronym is kept).

    >>> _is_web_label("MORE"), _is_web_label("More"), _is_web_label("NATO")
    (True, False, False)
    """
    return tok.isupper() and tok.lower() in _WEB_LABELS


def _speaker_pronoun(tok: tuple[int, int, str]) -> Mention | None:
    """The pronoun a token names as a speaker: "he", or the "I" of a contraction
    ('I’m told', 'he’s said'), which is a pronoun, not a name; None for other words."""
    word = re.split("['’]", tok[2])[0] if _PRONOUN_CONTRACTION_RE.fullmatch(tok[2]) else tok[2]
    return Mention(tok[0], tok[0] + len(word), word, "pronoun") if word.lower() in PRONOUNS else None


def _addressee(tok: str) -> bool:
    """ "you" or "you’d": the one spoken to, who names no speaker."""
    return re.split("['’]", tok)[0].lower() == "you"


def _ends_a_clause(tok: str) -> bool:
    """True for a word a subject noun phrase cannot run back across: a pronoun,
    an auxiliary (also "haven’t") or conjunction, or "said" ('at the time said he’d asked').

    >>> _ends_a_clause("he’d"), _ends_a_clause("had"), _ends_a_clause("senior")
    (True, True, False)
    """
    low = tok.lower()
    return (low in PRONOUNS or low == "you" or low in _NOT_IN_NP or low in ("said", "says")
            or low.endswith(("n't", "n’t")) or bool(_PRONOUN_CONTRACTION_RE.fullmatch(tok)))


_CAP_POSSESSIVE_RE = re.compile(r"[A-Z][\w\-]*(?:['’]s|s['’])")
# "That’s", "It’s", "Let’s", "Here’s": contractions, not possessives
_POSSESSOR_STOPS = PRONOUNS | frozenset("that this there here what who where how why when let".split())
_NOT_IN_NP = _SKIP_BEFORE_VERB | frozenset("and but or nor so then when while because if as than".split())
_NP_OPENERS = frozenset("and but while as because then when so that".split())


def _possessive_np(text: str, toks: list[tuple[int, int, str]], i: int) -> Mention | None:
    """A noun phrase that a possessive name opens and that starts its clause,
    ending at toks[i]: "Obama’s former campaign strategist", "Poe’s office".

    >>> s = "Obama’s former campaign strategist"
    >>> _possessive_np(s, _tokens(s, 0, len(s)), 3).text
    'Obama’s former campaign strategist'
    """
    j = i - 1
    while j >= 0 and i - j <= 4 and not _CAP_POSSESSIVE_RE.fullmatch(toks[j][2]):
        low = toks[j][2].lower()
        if _is_boundary(low) or low in _NOT_IN_NP or low.endswith("ly"):
            return None
        j -= 1
    if j < 0 or i - j > 4 or toks[i][2].lower() in _NOT_IN_NP or toks[i][2].endswith("ly"):
        return None
    if _POSSESSIVE_RE.sub("", toks[j][2]).lower() in _POSSESSOR_STOPS:
        return None
    k = _run_back(toks, j)
    if k > 0 and not (_is_boundary(toks[k - 1][2]) or toks[k - 1][2].lower() in _NP_OPENERS):
        return None  # 'He criticized Poe’s record': an object, not the subject
    if toks[j + 1][2].lower() in FIRST_NAME_GENDER and all(_is_cap(t[2]) for t in toks[j + 1 : i + 1]):
        # 'CBS News’ Mark Vole': the person after the possessive
        return Mention(toks[j + 1][0], toks[i][1], text[toks[j + 1][0] : toks[i][1]], "person")
    return Mention(toks[k][0], toks[i][1], text[toks[k][0] : toks[i][1]], "np")


_PLACE_HEADS = frozenset(
    "capital city state town county country district region village province area neighborhood "
    "neighbourhood suburb island nation borough parish municipality homeland hometown".split()
)


_SENTENCE_END_CHARS = ".!?…:;\n"
_BEFORE_WORD_CHARS = " \t\u00a0\"“”'‘’(["


def _opens_sentence_at(text: str, start: int) -> bool:
    """True when the word at ``start`` opens the text, a paragraph or a sentence."""
    k = start
    while k > 0 and text[k - 1] in _BEFORE_WORD_CHARS:
        k -= 1
    return k == 0 or text[k - 1] in _SENTENCE_END_CHARS


def opening_participle(text: str, start: int, word: str) -> bool:
    """True when ``word`` (at ``start``) is a capitalised -ing word that opens a
    sentence and that the text never capitalises mid-sentence: a participle or
    preposition ("During Trump’s visit, he said", "Citing Biden, …"), not the
    first word of a name.

    A sentence's first word is capitalised whatever it is; a name is
    capitalised everywhere, so an -ing name ("Keating Holland") that the text
    also writes mid-sentence ("CNN's Keating Holland") is kept.

    >>> opening_participle("Citing Biden, she spoke.", 0, "Citing")
    True
    >>> t = "Keating Holland ran it. Pollster Keating Holland said so."
    >>> opening_participle(t, 0, "Keating")
    False
    """
    if len(word) < 5 or not word.endswith("ing") or not word[0].isupper() or not word[1:].islower():
        return False
    if not _opens_sentence_at(text, start):
        return False
    return re.search(r"[\w,;’'][ \t\u00a0]+" + re.escape(word) + r"\b", text) is None


def _names_a_place(word: str) -> bool:
    """True for a noun whose appositive is a place, not a speaker: 'the state capital, Sacramento,'.

    >>> _names_a_place("capital"), _names_a_place("spokesman")
    (True, False)
    """
    return word.lower() in _PLACE_HEADS


def _appositive_name(text: str, toks: list[tuple[int, int, str]], a: int, b: int) -> Mention | None:
    """The person name that fills toks[a..b] (an appositive between commas), else None."""
    if a > b or not all(_is_cap(t[2]) and not _is_boundary(t[2]) or t[2].lower() in _PARTICLES for t in toks[a : b + 1]):
        return None  # not only a name: 'a lawyer for Jo Poe'
    if opens_no_name(toks[a][2]):
        return None
    m = _mention_from_run(text, toks, a, b)
    return m if m.kind == "person" else None


def _time_word(toks: list[tuple[int, int, str]], k: int) -> bool:
    """toks[k] names a day ("Friday") or, after a word such as "in" or "last", a month."""
    word = toks[k][2].lower()
    return word in WEEKDAYS or (word in _MONTHS and k > 0 and toks[k - 1][2].lower() in _TIME_LEAD)


def names_a_time(text: str, start: int, end: int) -> bool:
    """True when text[start:end] names a day ("Friday", "Super Tuesday"), or a month after
    a word such as "in": a time, never a speaker.

    >>> s = "The State Department in November issued"
    >>> names_a_time(s, 24, 32), names_a_time("May said", 0, 3)
    (True, False)
    """
    toks = _tokens(text, max(0, start - 12), end)
    first = next((k for k, tok in enumerate(toks) if tok[0] == start), None)
    return first is not None and toks[-1][1] == end and _time_back(toks, len(toks) - 1) < first


def _time_back(toks: list[tuple[int, int, str]], i: int) -> int:
    """The index before the time phrase that ends at toks[i] ("late Monday night", "in
    November"), or ``i`` when none does."""
    k = i - 1 if toks[i][2].lower() in _DAY_PARTS and i > 0 and toks[i - 1][2].lower() in WEEKDAYS else i
    if not _time_word(toks, k):
        return i
    if k > 0 and toks[k - 1][2].lower() in _DAY_EVENTS:
        k -= 1  # 'Super Tuesday', 'Black Friday': a day too
    while k > 0 and toks[k - 1][2].lower() in _TIME_LEAD:
        k -= 1
    return k - 1


def _auxiliary(toks: list[tuple[int, int, str]], i: int) -> bool:
    """An auxiliary or adverb between subject and verb ("has also said"); a capitalised
    one after a capitalised word is a name's last word ("Mrs May said", "George Will said")."""
    tok = toks[i][2]
    if tok.lower() not in _SKIP_BEFORE_VERB or _acronym(tok):  # 'the WHO said' (the World Health Organization)
        return False
    return not (tok[:1].isupper() and not tok.isupper() and i > 0 and _is_cap(toks[i - 1][2])
                and not _is_boundary(toks[i - 1][2]))


def mention_before(text: str, pos: int, lo: int) -> Mention | None:
    """The mention that is the subject of a verb starting at ``pos``.

    Skips auxiliaries and adverbs ("has also said") and one appositive
    ("Romero, the ACLU's director, said").  Looks no further back than ``lo``.

    >>> s = "ACLU Executive Director Anthony Romero told Maddow"
    >>> mention_before(s, s.index("told"), 0).text
    'ACLU Executive Director Anthony Romero'
    """
    toks = _tokens(text, max(lo, pos - 160), pos)
    i = _skip_paren(toks, len(toks) - 1)
    verb_at = i
    while i >= 0:  # 'has also said', 'in November issued'
        if _auxiliary(toks, i) or _adverb_after_auxiliary(toks, i):
            i -= 1
        elif (before := _time_back(toks, i)) < i:
            i = before
        else:
            break
    if 0 <= i < verb_at and toks[i][2].lower() in _PRONOMINAL and toks[i + 1][2].lower() in _MODALS:
        return None  # 'if one can call it that', 'some may argue': anyone, no speaker
    appositive = None
    if i >= 0 and toks[i][2] == ",":  # appositive: skip back to the previous comma
        k = i - 1
        while k >= 0 and toks[k][2] not in ",.":
            k -= 1
        if k < 0 or toks[k][2] != "," or i - k > 16:
            return None
        appositive = (k + 1, i - 1)
        i = _skip_paren(toks, k - 1)
        if i >= 1 and _PARTY_TAG_RE.fullmatch(toks[i][2]) and toks[i - 1][2] == ",":
            i -= 2  # 'Jo Poe, R-Ariz., speaking on CNN, said': the name before the tag
    if i < 0:
        return None
    tok = toks[i][2]
    if _addressee(tok):  # 'You will observe'
        return None
    if (pronoun := _speaker_pronoun(toks[i])) is not None:
        return pronoun
    if _is_cap(tok) and not _is_boundary(tok):
        j = _name_run_back(toks, i)
        if j < i and opening_participle(text, toks[j][0], toks[j][2]):
            j += 1  # 'During Trump’s visit': the name is Trump
        if opens_no_name(toks[j][2]) and not _acronym_in_prose(toks, j) or _is_web_label(tok):
            return None
        if (described := _described(text, toks, j, i)) is not None:
            # 'one Republican, Rep. Jo Poe, said': the name in the appositive speaks
            return (_appositive_name(text, toks, *appositive) if appositive else None) or described
        if toks[j][2].lower() in _DETERMINERS:  # 'Two said', 'Some have called': not a name
            return _np_back(text, toks, i)
        return _of_name(text, toks, j, i) or _mention_from_run(text, toks, j, i)
    if tok[:1].isalpha():
        np = _np_back(text, toks, i)
        if np is not None and appositive is not None and not _names_a_place(tok):
            # 'Poe’s spokesman, Al Roe, said': the name in the appositive speaks
            return _appositive_name(text, toks, *appositive) or np
        if np is not None and appositive is None:
            return _head_before_preposition(text, toks, np, lo) or np
        return np
    return None


# Prepositions whose noun phrase, right before a verb, is not its subject: 'Jo Poe in a
# statement said', 'A lawyer for the family said'.
_PP_HEADS = frozenset("in for of at with from on during".split())
# What a phrase such as "in a statement" or "at a rally" says the words came through, or
# where they were spoken: it tells how, not who.
_MEDIUM_NOUNS = frozenset(
    "statement statements interview interviews tweet tweets letter email e-mail post speech remarks "
    "release op-ed video conference briefing memo filing appearance message column essay broadcast "
    "rally hearing event meeting forum ceremony summit session availability debate hall".split()
)


def _head_before_preposition(text: str, toks: list[tuple[int, int, str]], np: Mention, lo: int) -> Mention | None:
    """The subject before the prepositional phrase that ends in ``np``: a name before it
    ('Jo Poe in a statement said': Jo Poe), or a noun phrase before it, with it ('A
    lawyer for the family said': the whole, but 'the mayor in a statement said': the
    mayor); None when no subject stands before it."""
    k = next((k for k, tok in enumerate(toks) if tok[0] == np.start), 0)
    if k < 2 or toks[k - 1][2].lower() not in _PP_HEADS:
        return None
    head = mention_before(text, toks[k - 1][0], lo)
    if head is None or head.end != toks[k - 2][1]:
        return None
    medium = np.text.rsplit(None, 1)[-1].lower() in _MEDIUM_NOUNS
    if head.kind == "np" and not medium:
        return Mention(head.start, np.end, text[head.start : np.end], "np")
    # a name only through a medium: in 'voices in the Senate in the past decade who', the
    # noun phrase is no subject, and neither is the name
    return head if medium else None


# Determiners before a capitalised word that make it a description, not a name: "a Republican
# said", "one senior Democrat said" (anyone of that party), unlike "the Republican" (a known one).
_INDEFINITE = frozenset("a an another one some two three several many each every".split())


# Words between such a determiner and the capitalised word ("a senior Republican"); an open
# list would take in nouns ("In a statement Jo Poe said").
_RANK_WORDS = frozenset(
    "senior top leading former moderate conservative liberal progressive prominent veteran longtime "
    "fellow retired freshman centrist influential key powerful young old lone single".split()
)


def _described(text: str, toks: list[tuple[int, int, str]], j: int, i: int) -> Mention | None:
    """The noun phrase "a Republican" or "a senior Republican" when an indefinite determiner
    (and up to two rank words) comes before the capitalised words toks[j..i]."""
    k = j - 1
    while k >= 0 and j - k <= 2 and toks[k][2].lower() in _RANK_WORDS:
        k -= 1
    if k < 0 or toks[k][2].lower() not in _INDEFINITE:
        return None
    if toks[k][2].lower() == "one" and k > 0 and toks[k - 1][2].lower() in ("the", "and", "that", "which"):
        return None  # 'like the one Trump has demanded': "one" stands for a noun before it
    stems = [t[2].lower().rstrip(".") for t in toks[j : i + 1]]
    if any(w in FIRST_NAME_GENDER or w in TITLE_WORDS for w in stems):
        return None  # 'One Sen. Jo Poe said': a person all the same
    return Mention(toks[k][0], toks[i][1], text[toks[k][0] : toks[i][1]], "np")


def _of_name(text: str, toks: list[tuple[int, int, str]], j: int, i: int) -> Mention | None:
    """The speaker when the name run toks[j..i] follows "of" (or "of the") after another
    name: the person before it ('Kevin McCarthy of California declared'), or the whole
    name of an organisation ('the Department of Justice said'), or an office: the person
    named after it, else the office itself ('the Secretary of State said'). None when the
    run has a given name of its own ('Secretary of State Mike Pompeo') or nothing precedes "of".

    >>> s = "Rep. Adam Smith of Washington said"
    >>> toks = _tokens(s, 0, s.index(" said"))
    >>> _of_name(s, toks, 4, 4).text
    'Rep. Adam Smith'
    """
    k = j - 1 if j >= 1 and toks[j - 1][2].lower() == "the" else j
    if k < 2 or toks[k - 1][2] != "of" or not _is_cap(toks[k - 2][2]) or _is_boundary(toks[k - 2][2]):
        return None
    run = [t[2].lower() for t in toks[j : i + 1]]
    if any(w in FIRST_NAME_GENDER and not ORG_WORDS.intersection(run[m:]) for m, w in enumerate(run[:-1])):
        # 'Chief of Staff Mark Meadows': a person's name ends the run (not 'George Washington University')
        if toks[k - 2][2].lower().rstrip(".") in TITLE_WORDS:  # 'Secretary of Homeland Security Jo Poe said'
            return _office_mention(text, toks, k - 2, k - 1, i + 1)
        return None
    first = _run_back(toks, k - 2)
    head = _mention_from_run(text, toks, first, k - 2)
    head_words = normalise_name(head.text).split() or [""]
    if any(w.lower() in FIRST_NAME_GENDER for w in head_words[:-1]):
        return Mention(head.start, head.end, head.text, "person")  # 'Rep. Peter King of New York said'
    last = head_words[-1].lower().rstrip(".")
    if last in TITLE_WORDS or last in _STOP_CAPS:
        if toks[k - 2][2].lower().rstrip(".") in TITLE_WORDS:  # 'the Secretary of State said'
            start = first - 1 if first >= 1 and toks[first - 1][2].lower() == "the" else first
            return _office_mention(text, toks, start, k - 1, i + 1)
        return None
    if head.kind == "person":
        return head
    whole = _mention_from_run(text, toks, first, i)
    return Mention(whole.start, whole.end, whole.text, "org")


def _adverb_after_auxiliary(toks: list[tuple[int, int, str]], i: int) -> bool:
    """A lower-case -ly word after an auxiliary or a pronoun ("the ACLU does aptly point
    out", "he angrily said"); after other words it may be a noun ("the family said")."""
    tok = toks[i][2]
    return (i > 0 and len(tok) > 4 and tok.endswith("ly") and tok.isalpha() and tok.islower()
            and (toks[i - 1][2].lower() in _SKIP_BEFORE_VERB or toks[i - 1][2].lower() in PRONOUNS))


def _skip_paren(toks: list[tuple[int, int, str]], i: int) -> int:
    """Index before a short parenthesis ending at toks[i] ("Schumer (D-N.Y.)"), else i."""
    if i < 0 or toks[i][2] != ")":
        return i
    for k in range(i - 1, max(-1, i - 9), -1):
        if toks[k][2] == "(":
            return k - 1
        if toks[k][2] in ",;:()“”\"":
            break
    return i


_AFTER_NAME_STOPS = frozenset(
    "of at in for on with who which from to during after before when while as about "
    "because if than that whose".split()
)


def mention_after(text: str, pos: int, hi: int) -> Mention | None:
    """The mention that follows an inverted cue ("said Rubenstein", "according to the ACLU").

    An office names the person after it ("said Secretary of State Jo Poe"), else itself; an
    organisation "of" something names the person after a role word ("said University of
    Michigan law professor Jo Poe"), else the whole organisation ("the Department of Justice").

    >>> s = "said ACLU policy counsel Chris Rickerd, who"
    >>> mention_after(s, 4, len(s)).text
    'Chris Rickerd'
    """
    toks = _tokens(text, pos, min(hi, pos + 120))
    if not toks:
        return None
    first = toks[0][2]
    if _addressee(first):
        return None
    if (pronoun := _speaker_pronoun(toks[0])) is not None:
        return pronoun
    if (office := _office_after(text, toks)) is not None:  # 'said Secretary of State Jo Poe'
        return office
    if (of := _org_of(toks)) is not None:  # 'said University of Michigan law professor Jo Poe'
        m = _mention_after_tokens(text, toks, _name_end(toks, of + 1, 12))
        named = m is not None and m.kind == "person" and _names_someone(m.text.split())
        if m is not None and m.kind == "person" and _after_role_word(toks, of, m.start, named):
            return m
        if not named and (org := _org_of_mention(text, toks, of)) is not None:  # no one named after it
            return org
    return _mention_after_tokens(text, toks, _name_end(toks, 0, 8))


def _office_after(text: str, toks: list[tuple[int, int, str]]) -> Mention | None:
    """The speaker after a cue that opens with an office ("Secretary of State"): the person
    named after it ("said Secretary of State Jo Poe", "said Speaker of the House Jo Poe"), else
    the office ("said the Chief of Staff"). None when the words do not open with a title and "of"."""
    start = 1 if toks[0][2].lower() == "the" else 0
    k = start + 2
    if not (k < len(toks) and toks[start][2].lower().rstrip(".") in TITLE_WORDS and toks[start + 1][2] == "of"):
        return None
    if toks[k][2] == "the":  # 'said Speaker of the House Jo Poe', 'said the chairman of the Senate …'
        end = _caps_end(toks, k + 1, joined=True)
        name_ends = end == len(toks) or _is_boundary(toks[end][2]) or toks[end][2].lower() in _AFTER_NAME_STOPS
        if end == k + 1 or not name_ends:
            return None  # 'said the president of the assembly', 'the leader of the LGBTQ media group'
        return _office_mention(text, toks, 0, start + 1, end, guess=False)
    if not _is_cap(toks[k][2]):
        return None
    return _office_mention(text, toks, 0, start + 1, _caps_end(toks, k, joined=True))


def _caps_end(toks: list[tuple[int, int, str]], k: int, joined: bool = False) -> int:
    """Index just past the capitalised words from toks[k]; ``joined``: also over "and" or
    "&" between capitals ('of Health and Human Services')."""
    while k < len(toks):
        tok = toks[k][2]
        if not (_is_cap(tok) and not _is_boundary(tok)
                or joined and tok in ("and", "&") and k + 1 < len(toks) and _is_cap(toks[k + 1][2])):
            break
        k += 1
    return k


def _office_mention(text: str, toks: list[tuple[int, int, str]], start: int, of: int, end: int,
                    guess: bool = True) -> Mention:
    """toks[start:end] hold an office with toks[of] its "of" ("the Secretary of State"):
    the person named at its end ("Secretary of State Jo Poe" is Jo Poe), else the office.
    ``guess``: two capitalised words at the end are a name even with no known given name
    (not after "of the": 'of the Senate Armed Services Committee')."""
    words = [t[2] for t in toks[of + 1 : end]]
    given = next((k for k, w in enumerate(words[:-1]) if w.lower() in FIRST_NAME_GENDER), None)
    if given is None and guess and len(words) >= 3 and words[-2][:1].isupper() and not words[-2].endswith("."):
        given = len(words) - 2  # 'of Homeland Security Kirstjen Nielsen': the last two words
    if given is not None:
        a, b = toks[of + 1 + given], toks[end - 1]
        return Mention(a[0], b[1], text[a[0] : b[1]], "person")
    return Mention(toks[start][0], toks[end - 1][1], text[toks[start][0] : toks[end - 1][1]], "np")


def _org_of(toks: list[tuple[int, int, str]]) -> int | None:
    """Index of the "of" after an organisation's capitalised name that opens ``toks``
    (after "the", if any) and before a capital ("University of Michigan ..."), or None."""
    start = 1 if toks[0][2].lower() == "the" else 0
    k = _caps_end(toks, start)
    if start < k < len(toks) - 1 and toks[k][2] == "of" and _is_cap(toks[k + 1][2]):
        # The organisation's own noun ends the words before "of": not a title ('White House
        # Chief of Staff'), nor a person ('GOP Sen. Orrin Hatch of Utah').
        if toks[k - 1][2].lower() in ORG_WORDS and not any(t[2].lower() in FIRST_NAME_GENDER for t in toks[start:k]):
            return k
    return None


def _org_of_mention(text: str, toks: list[tuple[int, int, str]], of: int) -> Mention | None:
    """The whole name of the organisation whose "of" is toks[of] ("said the Department of
    Justice", "said Bank of America"); None when a person's name or title follows ("Department
    of Homeland Security Secretary Jeh Johnson")."""
    end = _caps_end(toks, of + 1)
    if end + 1 < len(toks) and toks[end][2] == "and":  # 'the Department of Health and Human Services'
        joined = _caps_end(toks, end + 1)
        if _heads_an_institution(toks[end + 1 : joined]):
            end = joined
    run = [t[2] for t in toks[of + 1 : end]]
    if _names_someone(run):  # a name follows
        return None
    if any(w.endswith(("'s", "’s")) for w in run):
        return None  # "University of Michigan's Markel": someone at it
    start = toks[1][0] if toks[0][2].lower() == "the" else toks[0][0]
    return Mention(start, toks[end - 1][1], text[start : toks[end - 1][1]], "org")


def _names_someone(words: list[str]) -> bool:
    """True when a word before the last is a given name or a title ("Budget Director Mick Mulvaney")."""
    stems = (w.lower().rstrip(".") for w in words[:-1])
    return any(w in FIRST_NAME_GENDER or w in TITLE_WORDS for w in stems)


def _after_role_word(toks: list[tuple[int, int, str]], of: int, start: int, named: bool) -> bool:
    """True when the mention at ``start`` is a full name after toks[of], right after a
    lower-case role word ("law professor Jo Poe"): not right after "of" ("Bank of
    America"), nor a single word ("index released Friday"), and after a conjunction only
    when it ``named`` someone ("Paul Maher and Eric Igou", not "County and City Health Officials")."""
    k = next((k for k in range(of + 1, len(toks)) if toks[k][0] == start), None)
    if k is None or k - 1 <= of or not toks[k - 1][2].islower():
        return False
    if toks[k - 1][2] in ("and", "or") and not named:
        return False
    return k + 1 < len(toks) and _is_cap(toks[k + 1][2]) and not _is_boundary(toks[k + 1][2])


def _name_end(toks: list[tuple[int, int, str]], start: int, limit: int) -> int:
    """Where the words that may hold the name after a cue stop: a boundary, a stop word
    (not an acronym: 'warned the WHO') or ``limit``."""
    for k in range(start, len(toks)):
        tok = toks[k][2]
        if _is_boundary(tok) or tok.lower() in _AFTER_NAME_STOPS and not _acronym(tok) or k >= limit:
            return k
        if _time_word(toks, k):  # 'said Saturday', 'a statement late Wednesday'
            while k > start and toks[k - 1][2].lower() in _TIME_LEAD:
                k -= 1
            return k
    return len(toks)


def _acronym(tok: str) -> bool:
    """Two or more capitals and no lower case: 'WHO', 'IT', not 'A' or 'Who'."""
    return len(tok) > 1 and tok.isupper()


def _acronym_in_prose(toks: list[tuple[int, int, str]], j: int) -> bool:
    """toks[j] is an acronym after a word not in capitals ('The WHO'), not a word of a
    headline in capitals ('THE WHO SAID')."""
    return _acronym(toks[j][2]) and (j == 0 or not toks[j - 1][2].isupper())


def _mention_after_tokens(text: str, toks: list[tuple[int, int, str]], stop: int) -> Mention | None:
    """:func:`mention_after` on the tokens before ``stop``."""
    first = toks[0][2]
    while stop > 1 and toks[stop - 1][2].islower() and toks[stop - 1][2] in AFTER_QUOTE_ADVERBS:
        stop -= 1  # '” the agency now states': an adverb before the verb names no one
    if stop == 0:
        return None
    last_cap = max((k for k in range(stop) if _is_cap(toks[k][2])), default=None)
    if first.lower() in _DETERMINERS and stop > 1 and toks[stop - 1][2][:1].islower():
        # '" the Republican presidential candidate told': the whole noun phrase
        return Mention(toks[0][0], toks[stop - 1][1], text[toks[0][0] : toks[stop - 1][1]], "np")
    if last_cap is None:
        if stop == 1 and first.lower() in _DETERMINERS and first.lower() not in _PRONOMINAL:
            return None  # '” said the “Grey’s Anatomy” actor': an article alone names no one
        if first.lower() in _DETERMINERS or first.lower() in GROUP_SOURCES:
            return Mention(toks[0][0], toks[stop - 1][1], text[toks[0][0] : toks[stop - 1][1]], "np")
        return None
    j = _name_run_back(toks, last_cap)
    if opens_no_name(toks[j][2]) and not _acronym_in_prose(toks, j):
        return None  # '” Though that said more': a connective, as in mention_before
    if last_cap == stop - 2 and toks[stop - 1][2] in GROUP_SOURCES:  # '” Republican leaders said'
        return Mention(toks[j][0], toks[stop - 1][1], text[toks[j][0] : toks[stop - 1][1]], "np")
    if last_cap == stop - 1 and (described := _described(text, toks, j, last_cap)) is not None:
        return described  # '” said one Democrat on the panel'
    if last_cap < stop - 1 and _CAP_POSSESSIVE_RE.fullmatch(toks[last_cap][2]):
        np = _possessive_np_after(text, toks, last_cap, stop)
        if np is not None:
            return np
    return _of_name(text, toks, j, last_cap) or _mention_from_run(text, toks, j, last_cap)


def _possessive_np_after(text: str, toks: list[tuple[int, int, str]], poss: int, stop: int) -> Mention | None:
    """'” said Jo Poe’s campaign manager.': the noun phrase the possessive toks[poss]
    opens (auxiliaries after it left out); '” said Poe’s spokesman, Al Roe.': the name after it."""
    end = stop - 1
    while end > poss and toks[end][2].lower() in _NOT_IN_NP:
        end -= 1
    np = _possessive_np(text, toks, end) if end > poss else None
    if np is None:
        return None
    if end == stop - 1 and stop < len(toks) and toks[stop][2] == ",":
        k = stop + 1
        while k < len(toks) and k - stop <= 6 and not _is_boundary(toks[k][2]):
            k += 1
        if k < len(toks) and not _names_a_place(toks[end][2]):
            return _appositive_name(text, toks, stop + 1, k - 1) or np
    return np


# --------------------------------------------------------------------------
# Windows and inverted cues
# --------------------------------------------------------------------------


def _paragraph_start(text: str, pos: int, limit: int) -> int:
    cut = text.rfind("\n", max(0, pos - limit), pos)
    return max(0, pos - limit) if cut < 0 else cut + 1


def _paragraph_end(text: str, pos: int, limit: int) -> int:
    cut = text.find("\n", pos, pos + limit)
    return min(len(text), pos + limit) if cut < 0 else cut


_INVERTED_END_RE = re.compile(r"[ \t\u00a0]*(?:[,:;.(“\"—–\n]|$|who\b)")


def inverted_subject(text: str, v: re.Match[str]) -> Mention | None:
    """The speaker right after a capitalised cue that opens a sentence, when
    punctuation (or "who") follows the name: 'Said Jo Poe, who ...', 'Added Sen. Jo Poe: “…”'.

    >>> from analysis.cues import DEFAULT_CUES
    >>> s = "Said Sen. Jo Poe: “No.”"
    >>> inverted_subject(s, DEFAULT_CUES.verb_re.match(s)).text
    'Sen. Jo Poe'
    >>> s = "Asked Tuesday about it, Poe said no."
    >>> inverted_subject(s, DEFAULT_CUES.verb_re.match(s)) is None
    True
    """
    hi = _paragraph_end(text, v.end(), 120)
    m = mention_after(text, v.end(), hi)
    if m is None or m.kind not in ("person", "org") or text[v.end() : m.start].strip():
        return None
    words = normalise_name(m.text).split()
    if not words or opens_no_name(words[0]) or _INVERTED_END_RE.match(text, m.end, hi) is None:
        return None
    return m
