"""Who said it: reporting cues, speaker mentions, pronouns and names.

A quotation's speaker is found from a reporting cue next to it: a verb
("said", "told", "wrote"), a phrase ("pointed out") or a cue whose source
follows ("according to").  The mention the cue names may be a name
("Anthony Romero", "Romero"), a pronoun ("he"), an organisation ("the
ACLU") or a document ("the letter"); after "quoted X as saying", X.
Pronouns resolve to the most recent compatible named speaker, or to the
person who opens the sentence before; surnames and "Mr. X" resolve to the
full name used elsewhere in the article (one named only later must agree
with the sex of the surname's next pronoun).

Every look-up works in a bounded window around one position, so the cost of
attributing an article grows with its length, not with its length squared.

The parts live in modules of their own: :mod:`analysis.cues` (the lexicon of
reporting cues), :mod:`analysis.mentions` (the mention next to a cue),
:mod:`analysis.names` (names, titles, given names) and
:mod:`analysis.resolver` (:class:`SpeakerResolver`).  This module attributes
one quotation and re-exports their public names, so ``from analysis.speakers
import X`` works for all of them.

>>> text = 'Jane Roe runs the clinic. "We are full," she said.'
>>> att = find_attribution(text, 26, 40)
>>> att.mention.text, att.cue
('she', 'said')
>>> SpeakerResolver(text).resolve(att.mention)
'Jane Roe'
>>> normalise_name("ACLU Executive Director Anthony Romero")
'Anthony Romero'
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.cues import DEFAULT_CUES, CueLexicon, load_cues, parse_cues
from analysis.mentions import (
    AFTER_QUOTE_ADVERBS,
    GROUP_SOURCES,
    PRONOUNS,
    TIME_WORDS,
    Mention,
    _paragraph_end,
    _paragraph_start,
    _speaker_pronoun,
    ends_no_noun_phrase,
    inverted_subject,
    mention_after,
    mention_before,
    names_a_time,
)
from analysis.names import (
    _STOP_CAPS,
    FIRST_NAME_GENDER,
    ORG_WORDS,
    SHORT_FORMS,
    TITLE_ABBREVIATIONS,
    TITLE_WORDS,
    WEEKDAYS,
    _name_kind,
    is_person_name,
    is_place,
    normalise_name,
    same_given_name,
    same_person_name,
)
from analysis.resolver import SpeakerResolver

__all__ = [
    "DEFAULT_CUES",
    "FIRST_NAME_GENDER",
    "ORG_WORDS",
    "PRONOUNS",
    "SHORT_FORMS",
    "TITLE_WORDS",
    "Attribution",
    "CueLexicon",
    "Mention",
    "SpeakerResolver",
    "attribution_after",
    "attribution_before",
    "colon_attribution",
    "context_attribution",
    "cue_role",
    "excerpt_source",
    "find_attribution",
    "inverted_subject",
    "is_person_name",
    "load_cues",
    "mention_after",
    "mention_before",
    "normalise_name",
    "parse_cues",
    "same_given_name",
    "same_person_name",
    "tail_attribution",
]

# --------------------------------------------------------------------------
# Attribution: the cue and mention next to one quotation
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Attribution:
    """A cue and the mention it names; ``where`` is "before" or "after" the quote (or
    "credit" / "byline": a line of its own, see :mod:`analysis.credits`), ``intro`` is
    True when the cue directly introduces the quotation ("X said:")."""

    mention: Mention
    cue: str
    where: str
    intro: bool


# Abbreviations whose full stop ends no name or sentence: titles ("Sen. Jo Poe") and "St." ("St. Louis").
_ABBREVIATED = sorted(w.capitalize() for w in TITLE_ABBREVIATIONS | {"st"})
# A sentence ends at . ! ? … (not after an initial or a title: "Reed D. Rubenstein", "Sen. Jo Poe").
# The mark comes first so the regex engine can skip to candidate characters quickly.
_SENT_END_RE = re.compile(
    r"[.!?…](?<![\s.][A-Z]\.)" + "".join(rf"(?<!\b{a}\.)" for a in _ABBREVIATED) + r"[\"”’')\]]*\s++(?![a-z])"
)
# A sentence end inside an intro's tail: a capital or a mark must follow ("No. 49"),
# and not after "v." ("Smith v. Jones").
_TAIL_BREAK_RE = re.compile(r"(?<!\bv)(?<!\bvs)" + _SENT_END_RE.pattern + r"(?=[A-Z“\"‘'])")

_LEAD_RE = re.compile(r"[\s,;:—–\-]*")
_AFTER_WINDOW = 90
# How far after a closing mark a subject's cue may stand: past a title, a name and one
# appositive ("” Rep. Jo Poe, Utah Republican and former chairwoman of the House Committee on
# Foreign Affairs, told Fox News").
_CUE_REACH = 200
_BEFORE_WINDOW = 260


def _end_before_space(text: str, pos: int) -> int:
    """``len(text[:pos].rstrip())`` without copying the text before ``pos``.

    >>> _end_before_space("ab:  “c”", 5)
    3
    """
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos


def attribution_after(text: str, close_end: int, cues: CueLexicon = DEFAULT_CUES) -> Attribution | None:
    """Cue right after a closing mark: '," Romero said', '," said Rubenstein', ', according to X'.

    >>> attribution_after('"Go," said Reed D. Rubenstein.', 5).mention.text
    'Reed D. Rubenstein'
    """
    hi = _paragraph_end(text, close_end, _AFTER_WINDOW)
    byline = _byline(text, close_end, hi)
    if byline is not None:
        return byline
    p = _LEAD_RE.match(text, close_end, hi).end()
    for rx in (cues.verb_re, cues.after_re):
        v = rx.match(text, p, hi)
        if v and rx is cues.after_re and v.group()[0] <= "Z":
            return None  # '“…” According to the poll, …': the cue opens the next sentence
        if v and v.group() in _PLURAL_NOUNS and not text[v.end() : v.end() + 2].lstrip()[:1].isupper():
            continue  # '“…,” terms he has used': a noun ('“…,” answers Jo Poe' is the cue)
        if v and not v.group().endswith("ing"):  # ', calling it' is the writer's clause
            m = inverted_subject(text, v) if rx is cues.verb_re and v.group()[0] <= "Z" else mention_after(text, v.end(), hi)
            if m is not None:  # '," said his sister, Jo Poe.': the name after the noun phrase
                m = _appositive_name(text, m, hi, _TRAILING_NAME_RE) or m
            return Attribution(m, v.group(), "after", True) if m else None
    first = _FIRST_WORD_RE.match(text, p, hi)
    if first is not None and first.group().lower() in _CLAUSE_OPENERS:
        return None  # '” and Trump says': a new clause with its own quotation
    # beyond the near window only for a quotation that ends "…,”", as one with its speaker after it does
    far = _paragraph_end(text, close_end, _CUE_REACH) if text[close_end - 2 : close_end - 1] == "," else hi
    for v in cues.verb_re.finditer(text, p, far):
        end = _SENT_END_RE.search(text, p, v.start())
        if end is not None and not text[end.end() : end.end() + 1].islower():
            return None  # the cue belongs to the next sentence (not '(D-Wis.) said')
        if _RELATIVE_BEFORE_RE.search(text, p, v.start()) and _clause_then_cue(
                text, v.end(), _paragraph_end(text, close_end, _CUE_REACH + 40), cues):
            continue  # '” the aide, who asked not to be named, said': the relative clause's verb
        if (quoted := _quoted_as(text, v)) is not None:
            return Attribution(quoted, v.group(), "after", True)  # '” NBC quoted Jo Poe as saying'
        if v.group().endswith("ing") or cue_role(text, v, cues) != "verb":
            break
        # '” former FBI agent Timothy Gill explained', '” Thomas Hanify, the president ..., said'
        m = mention_after(text, p, v.start())
        if m is None or not _subject_of(text, m, v.start()):
            if v.start() > hi:  # a far cue needs its subject right after the quotation
                break
            # '” for the victory, Sanders said', '” that is sexist, Brock said': a named subject only
            m = mention_before(text, v.start(), p)
            m = m if m is not None and m.kind != "np" else None
        if m is not None and _introduces_next(text, close_end, v.end()):
            return None  # '“… done.” He added, “…”': the cue of the next quotation
        if m is not None:
            return Attribution(_appositive_name(text, m, v.start()) or m, v.group(), "after", True)
        break  # only the first verb can be the quotation's own cue
    return None


_RELATIVE_BEFORE_RE = re.compile(r",[ \t\u00a0]+(?:who|which)(?:[ \t\u00a0]+(?:has|had|have|was|also))?[ \t\u00a0]+$")
# the rest of a relative clause, up to the comma that closes it
_CLAUSE_REST_RE = re.compile(r"[^,.;:!?\n”\"]{0,80},[ \t\u00a0]+")
_APPOSITIVE_RE = re.compile(r",[ \t\u00a0]+([^,\n]{3,80}?),[ \t\u00a0]*$")  # up to the cue
# after an inverted cue, up to a comma or a full stop (not an initial's or a title's: "Jo A. Poe", "Rep. Jo Poe")
_TRAILING_NAME_RE = re.compile(
    r",[ \t\u00a0]+([^,;\n]{3,80}?)(?=[,;]|(?<!\b[A-Z])"
    + "".join(rf"(?<!\b{a})" for a in _ABBREVIATED)
    + r"\.(?:\s|$)|\s*$)"
)


def _clause_then_cue(text: str, pos: int, hi: int, cues: CueLexicon = DEFAULT_CUES) -> bool:
    """True when a relative clause runs on from ``pos`` to a comma and the sentence's
    own cue verb follows it ('who asked not to be named, said').

    >>> s = "the aide, who asked not to be named, told reporters"
    >>> _clause_then_cue(s, s.index(" not"), len(s)), _clause_then_cue(s, s.index(" reporters"), len(s))
    (True, False)
    """
    rest = _CLAUSE_REST_RE.match(text, pos, hi)
    if rest is None:
        return False
    v = cues.verb_re.match(text, rest.end(), hi)
    return v is not None and not v.group().endswith("ing") and cue_role(text, v, cues) == "verb"


def _appositive_name(text: str, m: Mention, hi: int, pattern: re.Pattern[str] = _APPOSITIVE_RE) -> Mention | None:
    """The name set in commas after a noun phrase that is a cue's subject, up to
    the cue at ``hi`` (or, with ``_TRAILING_NAME_RE``, after an inverted cue).

    >>> s = '“We will appeal,” the attorney, Ann Futerfas, said.'
    >>> _appositive_name(s, Mention(18, 30, "the attorney", "np"), s.index("said")).text
    'Ann Futerfas'
    """
    a = pattern.match(text, m.end, hi) if m.kind == "np" else None
    if a is None:
        return None
    name = mention_before(text, a.end(1), a.start(1))
    if name is None or name.kind not in ("person", "org") or name.end != a.end(1):
        return None
    if any(w[:1].islower() for w in text[a.start(1) : name.start].split()):
        return None  # 'the letter, obtained by Fox News, reads': a clause, not the letter's name
    return name


# After the cue: a new quotation opens, or the cue's own reported clause ('said that ...')
_NEXT_OPEN_RE = re.compile(r"[ \t\u00a0]*(?:[,:][ \t\u00a0]*(?:[“\"«]|'')|that\b)")
# after a full stop: a quotation of the cue's own, not after a comma ('“…” Poe termed it the “massacre”',
# but '“… God help us!” Poe said, calling him a “demagogue”' is the first quotation's)
_NEXT_OWN_QUOTE_RE = re.compile(r"[ \t\u00a0]+[^,.!?\n“”\"«»][^.!?\n“”\"«»]{0,60}[ \t\u00a0][“\"«]")
_CLOSING_MARKS = "”\"'’»"


def _introduces_next(text: str, close_end: int, cue_end: int) -> bool:
    """True when the quotation ended its sentence and the cue opens a new quotation,
    or a reported clause of its own ('“We won.” Critics have said that ...'), or
    leads to a quotation of its own ('“…” Jo Poe has termed it the “massacre”').

    >>> s = '“We won.” He added, “It was close.”'
    >>> _introduces_next(s, 9, s.index(","))
    True
    """
    k = close_end - 1
    while k > 0 and close_end - k <= 2 and text[k] in _CLOSING_MARKS:
        k -= 1
    if text[k] not in ".!?…":
        return False
    return _NEXT_OPEN_RE.match(text, cue_end) is not None or (
        text[k] == "." and _NEXT_OWN_QUOTE_RE.match(text, cue_end) is not None)


_BYLINE_DASH_RE = re.compile(r"[ \t\u00a0]*[―—–][ \t\u00a0]*(?=[A-Z])")
_BYLINE_END_RE = re.compile(r"[ \t\u00a0]*(?:$|[.,;\n“\"(―—–])")


def _byline(text: str, close_end: int, hi: int) -> Attribution | None:
    """A name alone after a dash: '“We stay.” ― Jo Poe' (testimonials, epigraphs).

    >>> _byline("“We stay.” ― Jo Poe. Next", 10, 25).mention.text
    'Jo Poe'
    """
    d = _BYLINE_DASH_RE.match(text, close_end, hi)
    if d is None:
        return None
    m = mention_after(text, d.end(), hi)
    if m is None or m.kind not in ("person", "org") or m.start != d.end():
        return None
    return Attribution(m, text[d.start() : d.end()].strip(), "after", True) if _BYLINE_END_RE.match(text, m.end, hi) else None


_FIRST_WORD_RE = re.compile(r"[A-Za-z]+")
_CLAUSE_OPENERS = frozenset("and but or while because so as then when if than".split())
_GAP_RE = re.compile(r"[\s\u00a0]*(?:\([^()\n]{1,30}\)[\s\u00a0]*)?(?:,[^.;:!?]{0,120},)?[\s\u00a0]*")


def _subject_of(text: str, m: Mention, verb_pos: int) -> bool:
    """True when only adverbs, auxiliaries, a time ("Friday", "in May") or one appositive
    lie between m and the verb."""
    gap = _GAP_RE.match(text, m.end, verb_pos)
    rest = text[gap.end() : verb_pos].split() if gap else text[m.end : verb_pos].split()
    return all(low in AFTER_QUOTE_ADVERBS or low.endswith("ly") or low in TIME_WORDS for low in map(str.lower, rest))


def _sentence_starts(text: str, lo: int, hi: int) -> list[int]:
    return [lo] + [m.end() for m in _SENT_END_RE.finditer(text, lo, hi)]


# A cue form after these is a noun ("a report", "his promise", "secretary of
# state"), a passive ("was charged") or a "so called" label: nobody speaks.
_NOUN_BEFORE = frozenset(
    "a an the his her their its my our your this these those of for with in on "
    "from into about whose every each no any so".split()
)
_PASSIVE_BEFORE = frozenset("was were been being be is are am get got gets".split())
# A bare base form ("say", "report") is a verb only after one of these, an
# adverb in -ly or a plural subject ("critics say"): "a public-records request"
# and "her March comment" are nouns.
_BEFORE_BASE_VERB = frozenset(
    "i we you they who which that also still often now then not just will would can "
    "could may might should must shall do did does to and or people".split()
)
_PARTICIPLE_AFTER = frozenset({"by", "after", "before", "while", "when", "without"})
# A plural subject takes the base form ("two said", "some argue"), so an -s form
# after a number or plural quantifier is a plural noun: "two questions", "some highlights".
_PLURAL_BEFORE = frozenset(
    "two three four five six seven eight nine ten dozens hundreds thousands several many some few "
    "both such other more most".split()
)


# Forms of cue verbs that are far more often plural nouns: a verb only after a pronoun
# or a name ('what she terms', 'Poe questions whether').
_PLURAL_NOUNS = frozenset("comments remarks questions terms answers".split())
_RELATIVES = frozenset("who which that".split())


def _word_before(text: str, pos: int) -> str:
    """The word (letters, digits, _ ' ’) that only whitespace separates from ``pos``,
    within the 30 characters before it (cut there), else "".

    Walked back by hand: a regex search for a word, whitespace and the window's end
    tried every start in the window.

    >>> _word_before("he said  ", 9), _word_before("he said,  ", 10), _word_before("said", 4)
    ('said', '', '')
    """
    lo = max(0, pos - 30)
    end = pos
    while end > lo and text[end - 1].isspace():  # (str.isspace is the regex's \s)
        end -= 1
    if end == pos:
        return ""
    start = end
    while start > lo and (text[start - 1].isalnum() or text[start - 1] in "_'’"):  # \w is alnum or _
        start -= 1
    return text[start:end]


def cue_role(text: str, v: re.Match[str], cues: CueLexicon | None = None) -> str:
    """How a cue word is used: "verb", "participle" (', saying' / 'by saying'),
    "infinitive" ('to say') or "none" (a noun, a passive, "so called").

    >>> s = "She sent a report. He was charged. To say, so called, by saying"
    >>> [cue_role(s, m) for m in DEFAULT_CUES.verb_re.finditer(s)]
    ['none', 'none', 'infinitive', 'none', 'participle']
    """
    form = v.group()
    word = _word_before(text, v.start())
    before = word.lower()
    if before.endswith(("'s", "’s")):
        return "none"  # "Rubio’s proposed credit"
    if form.endswith("ing"):
        if before in _PASSIVE_BEFORE:
            return "verb"  # "is saying"
        if before in _PARTICIPLE_AFTER or _is_participle(text, v):
            return "participle"
        return "none" if before in _NOUN_BEFORE else "verb"
    if before in _NOUN_BEFORE or (before in _PASSIVE_BEFORE and " " not in form):
        return "none"
    if before in _PLURAL_BEFORE and form.endswith("s") and " " not in form:
        return "none"
    if form in _PLURAL_NOUNS and not (before in PRONOUNS or before in _RELATIVES or word[:1].isupper()):
        return "none"  # 'his recent comments', 'reignited questions', '“…” terms he used'
    if before == "to":
        return "infinitive"
    if word and form in (cues or DEFAULT_CUES).bases and not _subject_for_base(word):
        return "none"
    return "verb"


def _subject_for_base(word: str) -> bool:
    low = word.lower()
    return low in _BEFORE_BASE_VERB or low.endswith(("s", "ly")) or low in PRONOUNS


# Cues tried per window, nearest first: in 6,000 AllSides articles a subject was found (or
# not) within 6; a degenerate text ('said “' * n) would try some 40 per quotation.
_MAX_CUES_TRIED = 12


def _cue_in(text: str, lo: int, hi: int, open_pos: int, cues: CueLexicon) -> Attribution | None:
    """The last cue in text[lo:hi] that has a subject (or a source after it).

    A pronoun subject of a reported clause gives way to the reporting
    clause's own subject: 'He said he hopes “…”' is He's, however long the gap.
    """
    verbs = cues.verb_re.finditer(text, lo, hi)
    best: Attribution | None = None
    for k in range(len(verbs) - 1, max(-1, len(verbs) - 1 - _MAX_CUES_TRIED), -1):
        m = _cue_subject(text, verbs[k], lo, cues)
        if m is None:
            continue
        v = intro_verb = verbs[k]
        if m.kind == "pronoun" and (outer := _outer_cue(text, verbs[:k], lo, m.start, cues)) is not None:
            # 'X said. He continued:' speaks through X; the clause with the colon introduces the quote
            if not _TAIL_BREAK_RE.search(text, outer[0].end(), m.start + 1):  # + 1: the look-ahead's capital
                intro_verb = outer[0]
            v, m = outer
        best = Attribution(m, v.group(), "before", _is_intro(text, intro_verb.end(), open_pos))
        break
    for a in cues.after_re.finditer(text, lo, hi):
        m = mention_after(text, a.end(), hi)
        if m is not None and (best is None or a.start() > text.rfind(best.cue, lo, hi)):
            best = Attribution(m, a.group(), "before", _is_intro(text, m.end, open_pos))
    return best


_INVERTED_BEFORE_RE = re.compile(r"[,!?][”\"’'][ \t\u00a0]+$")


def _cue_subject(text: str, v: re.Match[str], lo: int, cues: CueLexicon) -> Mention | None:
    """The mention that speaks through cue ``v``, or None (a noun, a passive, no subject)."""
    if v.group()[0] <= "Z":
        return inverted_subject(text, v)
    if (quoted := _quoted_as(text, v)) is not None:
        return quoted
    role = cue_role(text, v, cues)
    if role == "none":
        return None
    if role == "verb" and not _object_participle(text, v) and not _coordinated(text, v):
        m = mention_before(text, v.start(), lo)
        if m is None and _INVERTED_BEFORE_RE.search(text, max(0, v.start() - 4), v.start()):
            # '“…,” said Jo Poe, who …': inverted after a quotation, the speaker follows
            m = mention_after(text, v.end(), _paragraph_end(text, v.end(), _AFTER_WINDOW))
        return m
    m = _participle_subject(text, lo, v.start())  # "Trump spoke, saying", "X decided to say"
    if m is None and role == "verb":
        m = mention_before(text, v.start(), lo)
    return m


_QUOTE_MARK_RE = re.compile(r"[“”\"«»]|''")
# 'The paper quoted Jo Poe as saying', 'quoting two officials Tuesday as telling': the object speaks
# (in 'Poe was quoted by the paper as saying' or 'in the book as saying', the subject does).
_QUOTED_AS_RE = re.compile(
    r"\bquot(?:ed|es|ing)[ \t\u00a0]+(?!(?:by|in)\b)([^;:!?\n“”\"]{1,80}?)"  # not 'was quoted by/in the paper as'
    rf"(?:[ \t\u00a0]+(?:yesterday|today|tonight|(?:on|last|this)[ \t\u00a0]+[A-Za-z]+|(?i:{'|'.join(WEEKDAYS)})))?"
    r"[ \t\u00a0]+as[ \t\u00a0]+$")
_QUOTED_BY_AS_RE = re.compile(r"\bquoted[ \t\u00a0]+(?:by|in)[ \t\u00a0][^;:!?\n“”\"]{1,80}?[ \t\u00a0]as[ \t\u00a0]+$")


def _quoted_as(text: str, v: re.Match[str]) -> Mention | None:
    """The person quoted by an '-ing' cue after 'quoted X as' (or the
    subject of 'was quoted by X as'), or None."""
    if not v.group().endswith("ing"):
        return None
    lo = max(0, v.start() - 100)
    if (q := _QUOTED_AS_RE.search(text, lo, v.start())) is not None:
        return mention_before(text, q.end(1) + 1, q.start(1))
    if (q := _QUOTED_BY_AS_RE.search(text, lo, v.start())) is not None:
        return mention_before(text, q.start(), _paragraph_start(text, q.start(), _BEFORE_WINDOW))
    return None


_NOT_COMPLEMENT = _CLAUSE_OPENERS | frozenset("though although whom who which whose where what".split())


def _outer_cue(text: str, verbs: list[re.Match[str]], lo: int, inner: int, cues: CueLexicon) -> tuple[re.Match[str], Mention] | None:
    """The nearest earlier reporting verb whose subject precedes it, for 'X said he …'."""
    for v in reversed(verbs):
        if v.group().endswith("ing") or cue_role(text, v, cues) != "verb":
            continue
        if v.end() > inner:
            continue  # the pronoun is the subject of a clause before this verb
        if inner - v.end() > 80 or _QUOTE_MARK_RE.search(text, v.start(), inner):
            return None  # too far, or the verb is inside a quotation
        if _word_before(text, inner).lower() in _NOT_COMPLEMENT or text[max(0, inner - 4) : inner].rstrip().endswith(","):
            return None  # 'X said …, though he added', 'When X spoke, he said': a clause of its own
        m = mention_before(text, v.start(), lo)
        if m is not None and m.text.lower() != "i":
            return v, m
    return None


_GROUPS = "|".join(sorted(GROUP_SOURCES))
# Words that end like a verb but are none: "on CNN Friday as", "Trump business", "a famous",
# "Jo Poe indeed".
_NOT_S_VERB = (r"as|its|perhaps|always|yes|hers|ours|theirs|yours|whereas|besides|towards|sometimes"
               r"|afterwards|[a-z]*ss|[a-z]*us|[a-z]*is")  # (-us: "thus", "famous"; -is: "this", "his")
_NOT_ED_VERB = r"indeed|hundred|need|red|bed|sacred|naked|wicked|hatred"
# A name may end in a group noun ("Republican senators introduced"), which is never the verb.
_CLAUSE_SUBJECT_RE = re.compile(
    r"\b(?:(he|she|they|it|we|He|She|They|It|We)"
    rf"|([A-Z][\w'’\-]+(?:\s+(?:[A-Z]\.|[A-Z][\w'’\-]+))*(?:\s+(?:{_GROUPS})\b)?)"
    r"|((?:The|A|An)\s+(?:[\w'’\-]+\s+){0,3}?[a-z][\w\-]*[a-z]))"
    r"\s+(?:(?:[a-z]+ly|also|then|later|again|still|just|now|once|first)\s+)?"
    rf"(?:(?!(?:{_NOT_ED_VERB})\b)[a-z]+ed|(?!(?:{_GROUPS}|{_NOT_S_VERB})\b)[a-z]+s|has|had|was|is|will|would|went|told|said|took|made|gave"
    r"|saw|began|found|wrote|spoke|felt|thought|sent|held|put|kept|led|won|lost|became|came|knew|read)\b"
)


_COORD_RE = re.compile(r"(?:,?\s+(?:and|but|or)(?:\s+(?:also|then|later|still|[a-z]+ly))?\s+)$")


def _coordinated(text: str, v: re.Match[str]) -> bool:
    """'criticized the policy and said': a second verb sharing the clause's subject."""
    return _COORD_RE.search(text, max(0, v.start() - 24), v.start()) is not None


def _object_participle(text: str, v: re.Match[str]) -> bool:
    """'issued a statement saying': an -ing cue after an object noun, not after 'is'."""
    if not v.group().endswith("ing"):
        return False
    before = _word_before(text, v.start()).lower()
    return before not in _PASSIVE_BEFORE and before not in PRONOUNS and not before[:1].isupper()


def _is_participle(text: str, v: re.Match[str]) -> bool:
    """', calling him', ', saying': a participle clause whose subject is the sentence's."""
    return v.group().endswith("ing") and text[max(0, v.start() - 2) : v.start()].strip() == ","


def _participle_subject(text: str, lo: int, pos: int) -> Mention | None:
    """The first subject-verb pair of the sentence: "Trump launched ..., calling him"."""
    lo = max(lo, text.rfind("”", lo, pos) + 1, text.rfind('"', lo, pos) + 1)  # not a subject inside a quotation
    found = _clause_subject(text, lo, pos)
    return found[0] if found else None


def _clause_subject(text: str, lo: int, pos: int) -> tuple[Mention, str] | None:
    """(subject, verb) of the first subject-verb pair in text[lo:pos]."""
    m = _CLAUSE_SUBJECT_RE.search(text, lo, pos)
    # 'The gist of the charges is': a plural noun read as the verb; no subject ends in "the"
    if m is None or m.group(3) and ends_no_noun_phrase(m.group(3).rsplit(None, 1)[-1]):
        return None
    verb = text[m.end(m.lastindex) : m.end()].split()[-1]
    if m.group(1):
        return Mention(m.start(1), m.end(1), m.group(1), "pronoun"), verb
    if m.group(3):  # "The impostor gushed", "A 2014 report found"
        return Mention(m.start(3), m.end(3), m.group(3), "np"), verb
    start, end = m.span(2)
    name = m.group(2)
    if names_a_time(text, start, end):  # 'The State Department in November issued'
        subject = mention_before(text, m.end() - len(verb), lo)
        return (subject, verb) if subject is not None else None
    if (pronoun := _speaker_pronoun((start, end, name))) is not None:
        return pronoun, verb  # 'He’s also trashed …, decrying': the pronoun of a contraction
    first = name.split()[0].lower()
    if first in _STOP_CAPS:
        return None
    if name.rsplit(None, 1)[-1] in GROUP_SOURCES:  # 'Republican senators introduced'
        return Mention(start, end, name, "np"), verb
    after_the = text[max(0, start - 4) : start].lower() == "the "
    return Mention(start, end, name, _name_kind(normalise_name(name).split(), after_the)), verb


def _is_intro(text: str, cue_end: int, open_pos: int) -> bool:
    """True when only a short tail ("told reporters:", "that") lies between cue and quote."""
    tail = text[cue_end:open_pos].strip()
    if len(tail) > 40 or _TAIL_BREAK_RE.search(tail):
        return False  # "Americans agree with him. There's more:": the cue is in an earlier sentence
    return tail == "" or tail[-1] in ",:" or tail.endswith(" that") or tail == "that"


def attribution_before(text: str, open_pos: int, cues: CueLexicon = DEFAULT_CUES) -> Attribution | None:
    """Cue before an opening mark, in the same sentence ("Romero said: “", "argues that “")
    or in a short attribution sentence just before it ('," he continued. “').

    >>> attribution_before('The ACLU wrote: "No."', 16).mention.text
    'ACLU'
    """
    lo = _paragraph_start(text, open_pos, _BEFORE_WINDOW)
    if lo > 0 and text[lo:open_pos].strip() == "":  # quote opens the paragraph
        prev_end = _end_before_space(text, lo)
        if prev_end and text[prev_end - 1] == ":":  # "They wrote:" introduces it
            lo = _paragraph_start(text, prev_end, _BEFORE_WINDOW)
            return _cue_in(text, lo, prev_end, open_pos, cues)
        return None
    starts = _sentence_starts(text, lo, open_pos)
    att = _cue_in(text, starts[-1], open_pos, open_pos, cues)
    if att is None and len(starts) > 1 and starts[-1] >= open_pos - 1:
        prev = _cue_in(text, starts[-2], starts[-1], open_pos, cues)
        if prev is not None and len(text[starts[-2]:starts[-1]]) <= 80:
            att = Attribution(prev.mention, prev.cue, "before", True)
    return att


# An excerpt introduced by its source alone, at the start of the colon's sentence
# or after a comma ("From Reuters:", "Here’s Douthat:", "Parting thought, via
# Allahpundit:"); "He came from Texas:" names no source.
_EXCERPT_SOURCE_RE = re.compile(
    r"(?:^|,\s+)(?:(?i:and|but)\s+)?(?i:here(?:’s|'s|\s+is)|(?:more\s+)?from|via|per)\s+(?=(?:the\s+)?[A-Z])")
_HAS_MORE_RE = re.compile(r"\s+(?:has|had)\s+more$")
# What may follow the source before the colon ("Here’s Kliff with more on that:").
_EXCERPT_TAIL_RE = re.compile(r"\s*(?:with more(?: on (?:that|this|it))?|(?:on|last|this) [A-Z]?[a-z]+)?")


def excerpt_source(text: str, colon: int) -> Attribution | None:
    """The source an intro names without a reporting verb, for the paragraph
    after the colon at ``colon``: "From the AP:", "More from Fox News:", "Per the
    Times:", "Politico has more:". None for anything else.

    >>> excerpt_source("Cuts are coming. More from Fox News:", 35).mention.text
    'Fox News'
    """
    lo = _sentence_starts(text, _paragraph_start(text, colon, _BEFORE_WINDOW), colon)[-1]
    sentence = text[lo:colon]
    if (more := _HAS_MORE_RE.search(sentence)) is not None:
        m = mention_before(text, lo + more.start() + 1, lo)
        return Attribution(m, "has more", "before", True) if m is not None and m.kind != "pronoun" else None
    *_, found = [None, *_EXCERPT_SOURCE_RE.finditer(sentence)]  # the last: "this, from HuffPost:"
    if found is None:
        return None
    m = mention_after(text, lo + found.end(), colon)
    if m is None or m.kind in ("pronoun", "np") or not _EXCERPT_TAIL_RE.fullmatch(text, m.end, colon):
        return None
    return Attribution(m, found.group().strip(" ,"), "before", True)


_TAIL_END_RE = re.compile(r"[.!?…](?=[\"”’')\]]*(?:\s|$))|\n")


def tail_attribution(text: str, close_end: int, cues: CueLexicon = DEFAULT_CUES) -> Attribution | None:
    """A cue in the last clause of the quotation's sentence: '“x” if she loses, said Jo Poe.'

    >>> s = 'It has a “bad impact” on voters, the lawsuit says.'
    >>> tail_attribution(s, s.index("” ") + 1).mention.text
    'the lawsuit'
    """
    end_m = _TAIL_END_RE.search(text, close_end, min(len(text), close_end + 240))
    if end_m is None:
        return None
    end = end_m.start()
    comma = text.rfind(",", close_end, end)
    if comma < 0 or len(text[comma + 1 : end].split()) > 12:
        return None
    for v in cues.verb_re.finditer(text, comma + 1, end):
        if v.group().endswith("ing") or cue_role(text, v, cues) != "verb":
            return None
        if text[comma + 1 : v.start()].strip() == "":  # ', said Jo Poe.'
            m = mention_after(text, v.end(), end)
        else:  # ', the lawsuit says.'
            m = mention_before(text, v.start(), comma + 1)
        return Attribution(m, v.group(), "after", False) if m is not None else None
    return None


def context_attribution(text: str, open_pos: int, cues: CueLexicon = DEFAULT_CUES) -> Attribution | None:
    """Speaker of a quotation that has no cue of its own, from its context.

    In order: the subject of the quote's own sentence ('He offered “my
    thoughts”'); a cue in the previous sentence of the paragraph ('Perez says
    women are torn. “They feel bad.”'); for a quote that opens its paragraph,
    the last cue with a subject in the previous paragraph. ``intro`` is False:
    the result names a speaker, not how the quotation is set in the text.

    >>> s = "He voiced a wish for a “strong, vibrant Mexico.”"
    >>> context_attribution(s, s.index("“")).mention.text
    'He'
    """
    lo = _paragraph_start(text, open_pos, _BEFORE_WINDOW)
    if lo > 0 and text[lo:open_pos].strip() == "":  # the quote opens a paragraph
        prev_end = _end_before_space(text, lo)
        if prev_end == 0:
            return None
        prev_lo = _paragraph_start(text, prev_end, 2 * _BEFORE_WINDOW)
        att = _cue_in(text, prev_lo, prev_end, open_pos, cues)
        return Attribution(att.mention, att.cue, "before", False) if att else None
    starts = _sentence_starts(text, lo, open_pos)
    here = starts[-1]
    if text[here:open_pos].strip():
        found = _clause_subject(text, here, open_pos)
        if found is not None:
            return Attribution(found[0], found[1], "before", False)
        return None
    if len(starts) > 1:
        att = _cue_in(text, starts[-2], here, open_pos, cues)
        if att is not None:
            return Attribution(att.mention, att.cue, "before", False)
    return None


_COLON_END_RE = re.compile(r":[\s\u00a0]*$")


def colon_attribution(text: str, open_pos: int) -> Attribution | None:
    """Speaker of a quotation set after a colon with no reporting verb:
    'Jo Poe then listed them: “…”', 'Pollster Jo Poe: “…”'.

    >>> s = "Pollster Jo Poe: “It is close.”"
    >>> colon_attribution(s, s.index("“")).mention.text
    'Pollster Jo Poe'
    """
    if _COLON_END_RE.search(text, max(0, open_pos - 8), open_pos) is None:
        return None
    colon = text.rindex(":", max(0, open_pos - 8), open_pos)
    lo = _paragraph_start(text, colon, _BEFORE_WINDOW)
    here = _sentence_starts(text, lo, colon)[-1]
    found = _clause_subject(text, here, colon)
    if found is not None:
        return Attribution(found[0], found[1], "before", True)
    m = mention_before(text, colon, here)
    if m is None or m.kind not in ("person", "org") or _FIRST_WORD_RE.search(text, m.end, colon):
        return None  # only a name right before the colon speaks
    words = m.text.split()
    if words[-1].isupper() and words[-1].lower() in DEFAULT_CUES.forms:
        # a video shot list's label ("JO POE SAYING:", "SENATOR JO POE, SAYING:"): the cue word is no name
        name = m.text[: m.text.rindex(words[-1])].rstrip()
        m = Mention(m.start, m.start + len(name), name, m.kind) if name else _label_name(text, here, m.start)
        if m is None:
            return None
    return Attribution(m, ":", "before", True)


def _label_name(text: str, lo: int, label: int) -> Mention | None:
    """The person named before ", SAYING:" in a shot list, if a name ends right at the comma."""
    comma = text.rfind(",", lo, label)
    if comma < 0 or text[comma + 1 : label].strip():
        return None
    m = mention_before(text, comma, lo)
    if m is None or m.kind != "person" or m.end != comma or is_place(m.text.split()[-1]):
        return None
    return m


def find_attribution(text: str, open_pos: int, close_end: int, cues: CueLexicon = DEFAULT_CUES) -> Attribution | None:
    """The cue and mention for a quotation whose marks span text[open_pos:close_end].

    A cue right after the quotation wins; otherwise one before it.

    >>> find_attribution('“Yes,” the letter said.', 0, 6).mention.text
    'the letter'
    """
    return attribution_after(text, close_end, cues) or attribution_before(text, open_pos, cues)
