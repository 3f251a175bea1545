"""Quotations in news text: where they are, what kind, who speaks, how much.

``extract_quotes`` makes one pass over the quotation marks of a text, telling
apostrophes ("they’re", "officers’ union") from marks by their neighbours,
pairs marks with a stack per paragraph (a quotation that runs over several
paragraphs keeps its opening mark open when the next paragraph opens with a
mark), adds block quotations set off without marks after a line such as
"Romero said:", then classifies each span and finds its speaker in a window
around it (see :mod:`analysis.speakers`).

Kinds: "direct" (a quotation of speech or writing), "partial" (a quoted
fragment inside the writer's sentence), "block" (set off without marks) and
"scare" (a short phrase or a title in marks that nobody is quoted as saying).
Scare quotes do not count towards :func:`quote_share`.

>>> qs = extract_quotes('“We will act,” Mayor Jane Roe said of the ‘crisis’.')
>>> [(q.text, q.kind, q.speaker, q.cue) for q in qs]
[('We will act,', 'direct', 'Jane Roe', 'said'), ('crisis', 'scare', None, None)]
>>> round(quote_share('“We will act,” she said.'), 2)
0.6
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from analysis.credits import credit_attributions
from analysis.speakers import (
    DEFAULT_CUES,
    Attribution,
    CueLexicon,
    SpeakerResolver,
    attribution_before,
    colon_attribution,
    context_attribution,
    excerpt_source,
    tail_attribution,
    find_attribution,
)
from analysis.tokens import WORD_RE, count_words

KINDS = ("direct", "partial", "block", "scare")
COUNTED_KINDS = frozenset({"direct", "partial", "block"})


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation. ``text == source[start:end]`` (marks excluded).

    speaker is a resolved name or None; speaker_start/speaker_end locate the
    mention the attribution names (e.g. "he"); cue is the reporting verb or
    phrase.

    >>> Quote(0, 2, "Hi", "direct").speaker is None
    True
    """

    start: int
    end: int
    text: str
    kind: str
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None


# --------------------------------------------------------------------------
# Marks: one pass, apostrophes told apart, pairing with a stack
# --------------------------------------------------------------------------

# '' (two apostrophes) stands for a double mark in some archives (''Jobs,'' she said).
# It is matched as one token either way, so that when those marks are not
# wanted it is skipped whole rather than read as two single quotes.
# An apostrophe between letters or digits (they’re, A'Beuy) is no mark at all
# (see _single_role) and is not matched; the pattern opens with the set of mark
# characters so that the regex engine skips the text between marks quickly.
_MARK_RE = re.compile(r"[\"'“”‘’«»„‟‹›\n](?:(?<=')'|(?<![^\W_]['’])|(?![^\W_]))")
_OPEN_DOUBLE = "“„‟«"
_CLOSE_DOUBLE = "”»"
_OPENERS_AFTER_BREAK = "“\"«„‘'"
_SPACE_BEFORE_OPEN = "([{—–-/“‘\"'"
_PUNCT_AFTER_CLOSE = ".,;:!?)]}—–-/…”’\"'"
_ELISION_RE = re.compile(r"(?:em|til|cause|n|tis|twas|\d\d)s?\b", re.I)
_WS_RE = re.compile(r"\s*")
STRICT_RESTART = False


@dataclass(slots=True)
class _Span:
    open_pos: int  # the opening mark
    close_end: int  # just after the closing mark (or the paragraph end if unclosed)
    start: int  # quoted words, marks excluded
    end: int
    kind: str = "d"  # "d" double marks, "s" single marks, "b" block


def _double_role(prev: str, nxt: str, double_open: bool) -> str:
    """Role of a straight double quote from its neighbours: "open" or "close"."""
    space_before = prev.isspace() or prev in _SPACE_BEFORE_OPEN
    space_after = nxt.isspace() or nxt in _PUNCT_AFTER_CLOSE
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    return "close" if double_open else "open"


def _single_role(text: str, i: int, ch: str, single_open: bool) -> str | None:
    """Role of ‘ ’ or ': "open", "close", or None for an apostrophe.

    Letter on both sides is an apostrophe (they’re, A'Beuy); after a word with
    no single quote open it is a possessive or elision (officers’ union).
    """
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if prev.isalnum() and nxt.isalnum():
        return None
    if nxt.isalnum():  # before a word
        if ch == "’" or _ELISION_RE.match(text, i + 1):
            return None  # ’em, '90s
        return "open" if (prev.isspace() or prev in _SPACE_BEFORE_OPEN or i == 0) else None
    if ch == "‘":
        return "open"
    return "close" if single_open else None


def _mark_role(text: str, i: int, ch: str, n_double: int, n_single: int) -> tuple[str, str] | None:
    if ch == "“" and n_double and i and not text[i - 1].isspace() and _closes_here(text, i + 1):
        return "d", "close"  # a mistyped closing mark: '…for her here,“ said Jo Poe'
    if ch in _OPEN_DOUBLE:
        return "d", "open"
    if ch in _CLOSE_DOUBLE:
        return "d", "close"
    if ch == '"' or ch == "''":
        prev = text[i - 1] if i else " "
        nxt = text[i + len(ch)] if i + len(ch) < len(text) else " "
        return "d", _double_role(prev, nxt, n_double > 0)
    if ch == "‹":
        return "s", "open"
    if ch == "›":
        return "s", "close"
    role = _single_role(text, i, ch, n_single > 0)
    return None if role is None else ("s", role)


def _closes_here(text: str, j: int) -> bool:
    """True when what follows position j is what follows a closing mark: a space, punctuation or the end."""
    return j >= len(text) or text[j].isspace() or text[j] in ".,;:!?)]}"


class _Pairer:
    """Stack of open marks for the current paragraph; emits outermost spans.

    Stack entries are (mark position, kind, words start, style); style tells
    straight double marks (" and '') from typographic ones (“ „ « ...), so
    one style can nest inside the other: '"He called it “unfair,” twice."'.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.stack: list[tuple[int, str, int, str]] = []
        self.counts = _no_counts()  # open marks per kind ("d", "s") and per double style
        self.spans: list[_Span] = []
        self.skip = -1

    def push(self, pos: int, kind: str, width: int = 1, style: str = "") -> None:
        self.stack.append((pos, kind, pos + width, style))
        self.counts[kind] += 1
        self.counts[style] += 1

    def can_nest(self, pos: int, style: str) -> bool:
        """True when a double mark of ``style`` at ``pos`` may open inside the open doubles:
        all are of the other style, and words stand between (not a doubled mark: '"“Go,” he said')."""
        if self.counts["d"] == 0 or self.counts[style]:
            return False
        words_start = self.stack[-1][2]
        return pos - words_start > 0 and not self.text[words_start:pos].isspace()

    def close(self, pos: int, kind: str, width: int = 1, style: str = "") -> None:
        if self.counts[kind] == 0:
            return  # a stray closing mark
        if not self.counts[style]:
            style = ""  # no open mark of this style ('“We go," she said'): the nearest double closes
        k = len(self.stack) - 1
        while self.stack[k][1] != kind or (style and self.stack[k][3] != style):
            k -= 1
        open_pos, _, start, _ = self.stack[k]
        for entry in self.stack[k:]:
            self.counts[entry[1]] -= 1
            self.counts[entry[3]] -= 1
        del self.stack[k:]
        if not self.stack:
            self.spans.append(_Span(open_pos, pos + width, start, pos, kind))

    def restart(self, pos: int) -> None:
        """A double opening mark while one is open: the open quotation ends here."""
        outer_pos, outer_kind, outer_start, _ = self.stack[0]
        self.stack.clear()
        self.counts = _no_counts()
        if outer_kind == "d":
            self.spans.append(_Span(outer_pos, pos, outer_start, pos, "d"))

    def carried_to(self, pos: int) -> int | None:
        """Position of the mark that opens the next paragraph when it carries the
        open quotation on (a multi-paragraph quotation), else None."""
        j = _WS_RE.match(self.text, pos).end()
        if j < len(self.text) and self.text[j] in _OPENERS_AFTER_BREAK and (
            (self.stack[0][1] == "d") == (self.text[j] in "“\"«„")
        ):
            return j
        return None

    def end_paragraph(self, pos: int) -> None:
        """At a line break: carry an open quotation into a paragraph that opens
        with a mark; otherwise an unclosed double quote runs to the line's end."""
        if not self.stack:
            return
        outer_pos, outer_kind, outer_start, outer_style = self.stack[0]
        j = self.carried_to(pos)
        self.stack.clear()
        self.counts = _no_counts()
        if j is not None:
            self.push(outer_pos, outer_kind, outer_start - outer_pos, outer_style)
            self.skip = j
        elif outer_kind == "d":
            self.spans.append(_Span(outer_pos, pos, outer_start, pos, "d"))

    def snapshot(self) -> tuple[list[tuple[int, str, int, str]], dict[str, int], int, int]:
        return list(self.stack), dict(self.counts), len(self.spans), self.skip

    def rollback(self, state: tuple[list[tuple[int, str, int, str]], dict[str, int], int, int]) -> None:
        stack, counts, n_spans, skip = state
        self.stack, self.counts, self.skip = list(stack), dict(counts), skip
        del self.spans[n_spans:]


def _no_counts() -> dict[str, int]:
    # "" counts single marks' (empty) style and is never read.
    return {"d": 0, "s": 0, "straight": 0, "curly": 0, "": 0}


def _double_style(ch: str) -> str:
    return "straight" if ch == '"' or ch == "''" else "curly"


def _mark_spans(text: str, apostrophe_pairs: bool = False) -> list[_Span]:
    """Outermost quotation spans found by pairing marks.

    Double marks of one style nest inside the other only when the outer
    quotation then closes in the same paragraph; otherwise the paragraph is
    paired again from the inner mark with the rule that doubles do not nest
    (the outer mark was left open), so each mark is read at most twice.

    >>> [(s.start, s.end) for s in _mark_spans('a "b ‘c’" d')]
    [(3, 8)]
    >>> [(s.start, s.end) for s in _mark_spans('a "b “c” d" e')]
    [(3, 10)]
    >>> [(s.start, s.end) for s in _mark_spans('a "b “c” d')]
    [(3, 4), (6, 7)]
    >>> [(s.start, s.end) for s in _mark_spans("''b'' c", apostrophe_pairs=True)]
    [(2, 3)]
    """
    pairer = _Pairer(text)
    # A line break ends a paragraph; the text's end is one more.
    marks = [(m.start(), m.group()) for m in _MARK_RE.finditer(text)]
    marks.append((len(text), "\n"))
    nest_at: tuple[int, tuple] | None = None  # (mark index, pairer state) at the outer's first nesting
    nesting = True  # False after a nesting failed, until the paragraph ends
    markup_end = -1  # marks before this position delimit a markup attribute's value
    k = 0
    while k < len(marks):
        i, ch = marks[k]
        k += 1
        if ch == "\n":
            if nest_at is not None and pairer.stack:  # the outer quotation did not close in its paragraph
                (k, state), nest_at, nesting = nest_at, None, False
                pairer.rollback(state)
                continue
            pairer.end_paragraph(i)
            nest_at, nesting = None, True
            continue
        if i == pairer.skip or (ch == "''" and not apostrophe_pairs) or i < markup_end:
            continue
        if ch == '"' and i and text[i - 1] == "=":  # markup: <a href="…">, <tweet author="…">
            markup_end = _attribute_end(text, i)
            continue
        role = _mark_role(text, i, ch, pairer.counts["d"], pairer.counts["s"])
        if role is None:
            continue
        style = _double_style(ch) if role[0] == "d" else ""
        if role[1] == "close":
            pairer.close(i, role[0], len(ch), style)
            nest_at = nest_at if pairer.stack else None  # the outer closed: its nesting holds
            continue
        if role[0] == "d" and pairer.counts["d"]:
            if nesting and pairer.can_nest(i, style):
                nest_at = nest_at or (k - 1, pairer.snapshot())
            elif nest_at is not None:  # a third double opens: the nesting was a misreading
                (k, state), nest_at, nesting = nest_at, None, False
                pairer.rollback(state)
                continue
            else:
                pairer.restart(i)  # doubles do not nest: the earlier mark was left open
        pairer.push(i, role[0], len(ch), style)
    return [s for s in (_strip(text, s) for s in pairer.spans) if s is not None]


def _attribute_end(text: str, i: int) -> int:
    """Just past the '"' closing the markup attribute value opened at ``i`` (its line's end if unclosed).

    >>> _attribute_end('<a href="x.org">', 8)
    15
    """
    line_end = text.find("\n", i)
    line_end = len(text) if line_end < 0 else line_end
    close = text.find('"', i + 1, line_end)
    return line_end if close < 0 else close + 1


def _strip(text: str, span: _Span) -> _Span | None:
    """Trim whitespace inside the marks; drop a span with no words."""
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if not WORD_RE.search(text, start, end):
        return None
    return _Span(span.open_pos, span.close_end, start, end, span.kind)


# --------------------------------------------------------------------------
# Block quotations: a paragraph after "... said:" with no marks
# --------------------------------------------------------------------------

_BLOCK_INTRO_RE = re.compile(r":[ \t]*\n")
# Verbs of thought introduce the writer's own paragraph after a colon ("what the
# establishment hopes is happening:"), not words set off from someone else.
_THOUGHT_CUES = frozenset(
    "believe believes believed believing think thinks thought thinking feel feels felt feeling "
    "hope hopes hoped hoping wonder wonders wondered wondering worry worries worried worrying".split()
)
_EDITOR_NOTE_RE = re.compile(r"\s*\[[^\[\]\n]{1,60}\]\s*$")
_MARK_CHARS = "“\"«„‘'"


def _only_thought(text: str, colon: int, cues: CueLexicon) -> bool:
    """True when the colon's sentence has cues and all are verbs of thought
    ('what the establishment hopes is happening:', 'He thinks Cruz will win:';
    but 'Palin explains that … what Palin believes is assault:' introduces her
    words). The intro's own verb is in that sentence, whichever clause speaks."""
    lo = max(0, colon - 300)
    for brk in _SENTENCE_BREAK_RE.finditer(text, lo, colon):
        lo = brk.end()
    verbs = [v.group().lower() for v in cues.verb_re.finditer(text, lo, colon)]
    return bool(verbs) and all(v in _THOUGHT_CUES for v in verbs)


def _block_spans(text: str, cues: CueLexicon) -> list[tuple[_Span, Attribution]]:
    """Paragraphs introduced by a reporting cue and a colon, set off without marks.

    A trailing bracketed editor's note ("[Emphasis added]") is left out.

    >>> text = "He said:\\n\\nWe all go. [Emphasis added]"
    >>> [text[s.start:s.end] for s, _ in _block_spans(text, DEFAULT_CUES)]
    ['We all go.']
    """
    blocks: list[tuple[_Span, Attribution]] = []
    for m in _BLOCK_INTRO_RE.finditer(text):
        j = _WS_RE.match(text, m.end()).end()
        if j >= len(text) or text[j] in _MARK_CHARS:
            continue  # a marked quotation follows: handled as a direct quote
        att = attribution_before(text, j, cues)
        if att is None or not att.intro:
            att = excerpt_source(text, m.start())  # "From Reuters:"
        if att is None or _only_thought(text, m.start(), cues):
            continue
        end = text.find("\n", j)
        end = len(text) if end < 0 else end
        if text[j:end].rstrip().endswith(":"):
            continue  # another intro ("From Reuters:\n\nFrom the AP:"): what it introduced was left out
        note = _EDITOR_NOTE_RE.search(text, j, end)
        end = note.start() if note else j + len(text[j:end].rstrip())  # not text[:end]: linear
        if count_words(text[j:end]) >= 3:
            blocks.append((_Span(j, end, j, end, "b"), att))
    return blocks


# --------------------------------------------------------------------------
# Classification
# --------------------------------------------------------------------------

SHORT_QUOTE_WORDS = 3
_FRAME_RE = re.compile(
    r"\b(?:call(?:s|ed|ing)?|dub(?:s|bed|bing)?|label(?:s|l?ed|l?ing)?|term(?:s|ed|ing)?"
    r"|brand(?:s|ed|ing)?|describ(?:e|es|ed|ing)(?:\s+\w+)?\s+as|refer(?:s|red|ring)\s+to(?:\s+\w+)?\s+as"
    r"|warn(?:s|ed|ing)?\s+(?:of|about|against)|promis(?:e|es|ed|ing))\b"
)
_SMALL_WORDS = frozenset("a an the and or of in on at to for with by from & de la".split())
_SENTENCE_OPENERS = ".!?:;—–(\n"


def _opens_sentence(text: str, open_pos: int) -> bool:
    """True when the opening mark starts a sentence (or the text/paragraph)."""
    k = open_pos - 1
    while k >= 0 and open_pos - k < 12 and text[k] in " \t\u00a0":
        k -= 1
    if k < 0:
        return True
    if text[k] in _SENTENCE_OPENERS:
        return True
    return text[k] in "”\"’'" and k > 0 and text[k - 1] in ".!?,"


def _framed(text: str, open_pos: int) -> bool:
    """True when a framing cue ("calling", "described as") sits just before the mark."""
    for m in _FRAME_RE.finditer(text, max(0, open_pos - 45), open_pos):
        if len(text[m.end() : open_pos].split()) <= 3:
            return True
    return False


# A sentence ends at . ! ? … (and any closing marks) before a space, or at a line break.
_SENTENCE_BREAK_RE = re.compile(r"[.!?…][\"”’')\]]*\s|\n")
# Verbs of using words, which report whose they are ("for using the term “superpredator”").
_USED_WORDS_RE = re.compile(
    r"\b(?:us(?:e|es|ed|ing)|utter(?:s|ed|ing)?|coin(?:s|ed|ing)?|invok(?:e|es|ed|ing)|invent(?:s|ed|ing)?"
    r"|introduc(?:e|es|ed|ing)|prefer(?:s|red|ring)?)\b", re.I)
_REPORTED_WINDOW = 240  # characters looked back for the sentence's cue


def _reported(text: str, open_pos: int, cues: CueLexicon) -> bool:
    """True when the sentence before the mark reports speech: 'Roe said the plan was “a mess”'.

    A short fragment in marks inside indirect speech reproduces the speaker's
    words (a partial quote); in the writer's own sentence it is a scare quote.

    >>> from analysis.speakers import DEFAULT_CUES
    >>> t = 'Roe said the plan was “a mess.” The “plan” is new.'
    >>> _reported(t, 22, DEFAULT_CUES), _reported(t, 36, DEFAULT_CUES)
    (True, False)
    """
    lo = max(0, open_pos - _REPORTED_WINDOW)
    for m in _SENTENCE_BREAK_RE.finditer(text, lo, open_pos):
        lo = m.end()
    return bool(cues.verb_re.finditer(text, lo, open_pos) or cues.after_re.search(text, lo, open_pos))


def _is_title(quoted: str, loose: bool = False) -> bool:
    """Title Case phrase without final punctuation: a show, book or document title.

    ``loose`` (after a word naming a work: "the book, “…”") also takes one
    capitalised word, a final ? or !, the main title before a colon's
    subtitle, and lower-case words that titles keep small ("against", "about").

    >>> _is_title("The Rachel Maddow Show"), _is_title("We go now")
    (True, False)
    >>> _is_title("Is Bipartisanship Dead?", loose=True), _is_title("Becoming,", loose=True)
    (True, True)
    """
    quoted = quoted.rstrip(",.")  # American style keeps , and . inside marks
    if loose:
        quoted = quoted.split(": ", 1)[0].rstrip("?!")
    words = quoted.split()
    if len(words) < (1 if loose else 2) or len(words) > 12 or words[-1][-1] in ".,!?;:…":
        return False
    if loose and not words[0][:1].isupper():
        return False
    small = _TITLE_SMALL_WORDS if loose else _SMALL_WORDS
    return all(w[:1].isupper() or w.lower() in small or not w[:1].isalpha() for w in words)


_WORK_BEFORE_RE = re.compile(
    r"(?:['’]s|\b(?:on|in|from|told|to|with|titled|entitled|named|book|film|show|song|program|programme|series|column|album"
    r"|(?:author|star|host|episode|edition|cast|broadcast|issue)\s+of))[ \t\u00a0]*$",
    re.I,
)
# What follows is a title, whatever its case ("titled “Arrogant,”", "was titled, “Why …”").
_TITLED_RE = re.compile(r"\b(?:titled|entitled)[,:]?[ \t\u00a0]*$", re.I)
# Words named as words, not reported: "the term “fake news”", "terms like “tank” and “gun”",
# "the words “Hillary Clinton”".
_WORDS_AS_WORDS_RE = re.compile(
    r"(?<![\w\-‐])(?:word|words|term|terms|phrase|phrases|expression|expressions|slogan|slogans"
    r"|hashtag|hashtags|catchphrase|buzzword|buzzwords|moniker|nickname|epithet|label|labels|acronym)"
    r"(?:[ \t\u00a0]+(?:like|such[ \t\u00a0]+as))?[,:]?[ \t\u00a0]*"
    r"(?:[“\"][^”\"\n]{1,40}[”\"],?[ \t\u00a0]+(?:(?:and|or)[ \t\u00a0]+)?)*$",  # earlier items of a list
    re.I,
)
# A word naming a work, then a comma or "called": "his book, “Becoming,”", "a song called “No Undue Violence”".
_WORK_NOUNS = (r"(?:book|film|movie|show|song|program|programme|series|column|album|documentary|memoir|novel"
               r"|article|essay|op-ed|piece|editorial|podcast|play|poem|report|study|paper|video|ad|speech|episode"
               r"|headline|musical)s?")
_WORK_NOUN_BEFORE_RE = re.compile(
    r"\b" + _WORK_NOUNS + r"(?:,|[ \t\u00a0]+(?:called|titled|entitled|named),?)[ \t\u00a0]*$", re.I)
# "Asked about the report, “Nonsense,” Jordan said.": the work is the topic, the words a reply.
_ABOUT_WORK_RE = re.compile(
    r"\b(?:about|of|on|over|regarding)[ \t\u00a0]+(?:the|his|her|their|its|this|that|a|an)[ \t\u00a0]+"
    r"(?:[\w'’-]+[ \t\u00a0]+)?" + _WORK_NOUNS + r",[ \t\u00a0]*$", re.I)
_TITLE_SMALL_WORDS = _SMALL_WORDS | frozenset(
    "about above across after against along among around as at before behind below between but by down"
    " into like near nor off onto out over past so than through till toward towards under until up upon"
    " via vs vs. yet".split())

_WORD_NOUN_STEMS = ("word", "term", "phrase", "expression", "slogan", "hashtag", "moniker", "nickname", "epithet",
                    "label", "acronym")  # every noun of _WORDS_AS_WORDS_RE holds one
_POSSESSIVES = frozenset("his her their my our your its whose other".split())  # "in other words": a gloss


def _words_owned(text: str, open_pos: int, cues: CueLexicon) -> bool | None:
    """None when no noun for words ("the term", "words like") stands before the mark; else
    whether something says whose words they are: "in his words", "Vietor’s words", "for using
    the term", "he said the words" (False: words named as words, a scare quote).

    >>> from analysis.speakers import DEFAULT_CUES as cues
    >>> _words_owned("using the term “", 15, cues), _words_owned("Roe said the words “", 19, cues)
    (True, True)
    >>> _words_owned("The term “", 9, cues), _words_owned("Roe said “", 9, cues) is None
    (False, True)
    """
    lo = max(0, open_pos - 120)
    window = text[lo:open_pos].lower()
    if not any(noun in window for noun in _WORD_NOUN_STEMS):  # most quotes: no regex search
        return None
    m = _WORDS_AS_WORDS_RE.search(text, lo, open_pos)
    if m is None:
        return None
    before = text[max(0, m.start() - 30) : m.start()].split()
    owner = before[-1].lower() if before else ""
    if owner in _POSSESSIVES or owner.endswith(("'s", "’s", "s'", "s’")):
        return True
    # Up to the noun: "term" and "label" are cues themselves.
    return bool(_USED_WORDS_RE.search(text, max(0, m.start() - 40), m.start()) or _reported(text, m.start(), cues))


def _names_a_work(text: str, open_pos: int) -> bool:
    """True when the words before the mark introduce a title: "ABC’s “", "on “", "the book “",
    and those that introduce a show as the one spoken to: "told “", "to “", "with “".

    >>> _names_a_work("on ABC’s “", 9), _names_a_work("Roe said, “", 10)
    (True, False)
    """
    return _WORK_BEFORE_RE.search(text, max(0, open_pos - 16), open_pos) is not None


def _after_work_noun(text: str, open_pos: int) -> bool:
    """True when a word naming a work and a comma or "called" stand before the mark.

    >>> _after_work_noun("his book, “", 10), _after_work_noun("a video called “", 15)
    (True, True)
    >>> _after_work_noun("Roe said, “", 10)
    False
    """
    tail = text[max(0, open_pos - 30) : open_pos].rstrip(" \t\u00a0")
    if not tail.lower().endswith((",", "called", "titled", "named")):  # most quotes: no regex search
        return False
    return _WORK_NOUN_BEFORE_RE.search(text, max(0, open_pos - 30), open_pos) is not None


def _reply_about_work(text: str, open_pos: int, att: Attribution | None) -> bool:
    """True for words said about a work named as the topic: 'Asked about the report, “No,” Al said'."""
    return (att is not None and att.where == "after"
            and _ABOUT_WORK_RE.search(text, max(0, open_pos - 60), open_pos) is not None)


def _classify(text: str, span: _Span, att: Attribution | None, single_secondary: bool, cues: CueLexicon) -> str:
    """Kind of a marked span from its cue, position, length and marks.

    In a text that quotes with double marks, single marks without a cue are
    headlines' or scare quotes; in one that quotes with single marks (British
    style) they are quotations.  A short fragment is partial when a framing
    cue ("calling") or a sentence of reported speech leads to it.
    """
    quoted = text[span.start : span.end]
    if _is_title(quoted) and _names_a_work(text, span.open_pos):
        return "scare"  # 'on ABC’s “This Week,” Carson said': a show, not a quotation
    if (_after_work_noun(text, span.open_pos) and _is_title(quoted, loose=True)
            and not _reply_about_work(text, span.open_pos, att)):
        return "scare"  # 'In his book, “Becoming,” she recounts': a title
    if _TITLED_RE.search(text, max(0, span.open_pos - 12), span.open_pos) and count_words(quoted) <= 12:
        return "scare"  # 'the spot, titled “Arrogant,” features': a title
    adjacent = att is not None and (att.where in ("after", "credit", "byline") or att.intro)
    opens = _opens_sentence(text, span.open_pos)
    if adjacent:
        return "direct" if opens or att.intro else "partial"
    if span.kind == "s" and single_secondary:
        return "scare"
    if _is_title(quoted):
        return "scare"
    owned, n_words = _words_owned(text, span.open_pos, cues), count_words(quoted)
    if owned is False and n_words <= 12:
        return "scare"  # 'the term “fake news” is wrong': words named, not reported
    if n_words <= SHORT_QUOTE_WORDS:  # "in his words, “…”" is someone's
        reported = owned or _framed(text, span.open_pos) or _reported(text, span.open_pos, cues)
        return "partial" if reported else "scare"
    return "direct" if opens else "partial"


# --------------------------------------------------------------------------
# Extraction
# --------------------------------------------------------------------------

_CONTINUATION_GAP = 160


_Candidate = tuple[_Span, Attribution | None, str, Attribution | None]  # span, attribution, kind, byline


def _candidates(text: str, cues: CueLexicon, apostrophe_pairs: bool) -> list[_Candidate]:
    """Blocks and mark spans in text order, each with its attribution, kind, and
    the byline under it (:func:`analysis.credits.credit_attributions`), if any."""
    blocks = _block_spans(text, cues)
    found: list[_Candidate] = [(s, a, "block", None) for s, a in blocks]
    b = 0
    spans = _mark_spans(text, apostrophe_pairs)
    credits = credit_attributions(text, [(s.open_pos, s.close_end) for s in spans], cues)
    n_single = sum(1 for s in spans if s.kind == "s")
    single_secondary = len(spans) - n_single >= n_single > 0 or (n_single == 0)
    for span in spans:
        while b < len(blocks) and blocks[b][0].end <= span.open_pos:
            b += 1
        if b < len(blocks) and blocks[b][0].start < span.close_end:
            continue  # inside a block quotation: part of it
        credit = credits.get(span.open_pos)
        byline = credit if credit is not None and credit.where == "byline" else None  # the last resort
        att = (credit if byline is None else None) or find_attribution(text, span.open_pos, span.close_end, cues) \
            or colon_attribution(text, span.open_pos)
        found.append((span, att, _classify(text, span, att or byline, single_secondary, cues), byline))
    found.sort(key=lambda item: item[0].start)
    return found


def extract_quotes(text: str, cues: CueLexicon | None = None, *, apostrophe_pairs: bool = False) -> list[Quote]:
    """Quotations in ``text``, in order, with kind, speaker and cue.

    Never raises on odd text; unbalanced marks degrade to fewer or shorter
    quotes.  ``cues`` is a lexicon from :func:`analysis.speakers.load_cues`
    (default: the package's reporting-verbs list).

    The marks are “ ” „ « » and straight " for double quotes, ‘ ’ ‹ › and
    straight ' for single ones.  Some archives (LexisNexis copies of the New
    York Times) write each double mark as two apostrophes; pass
    ``apostrophe_pairs=True`` to read ''…'' as a quotation too.  Off by
    default: the build, and PolNeAR's gold, count only the marks above, and
    an unread '' pair is skipped whole (never taken for two single quotes).

    >>> q = extract_quotes('Anthony Romero spoke. “We have a plan,” he said.')[0]
    >>> q.text, q.kind, q.speaker, q.speaker_start, q.cue
    ('We have a plan,', 'direct', 'Anthony Romero', 40, 'said')
    """
    if not isinstance(text, str) or not text:
        return []
    cues = cues or DEFAULT_CUES
    resolver = SpeakerResolver(text, cues)
    quotes: list[Quote] = []
    last: Quote | None = None
    credited = False  # was the last quotation named by a credit line?
    for span, att, kind, byline in _candidates(text, cues, apostrophe_pairs):
        q = Quote(span.start, span.end, text[span.start : span.end], kind)
        if kind in COUNTED_KINDS:
            if att is not None:
                q = _attributed(q, att, resolver)
            elif last is None or credited:  # a credit line closes its quotation: the next one is another's
                q = _from_context(text, span, q, resolver, cues)
            elif kind == "direct" and span.open_pos - last.end <= _CONTINUATION_GAP:
                q = _continue_from(q, last)  # a new paragraph of the same speaker
            elif last.speaker and _same_sentence(text, last.end, span.open_pos):
                q = _continue_from(q, last)  # '“A,” said X, “b.”': the sentence's second part
            else:
                q = _from_context(text, span, q, resolver, cues)
            if q.speaker is None and byline is not None:
                q, att = _attributed(q, byline, resolver), byline
            last, credited = q, att is not None and att.where in ("credit", "byline")
        quotes.append(q)
    return quotes


# (Quote(...) rather than dataclasses.replace: the same quote, at a third of the cost)
def _attributed(q: Quote, att: Attribution, resolver: SpeakerResolver) -> Quote:
    speaker = resolver.resolve(att.mention)
    return Quote(q.start, q.end, q.text, q.kind, speaker=speaker, speaker_start=att.mention.start,
                 speaker_end=att.mention.end, cue=att.cue)


def _same_sentence(text: str, end: int, open_pos: int) -> bool:
    """True when no sentence ends between a quote's last word and the next opening mark."""
    return open_pos - end <= _CONTINUATION_GAP and _SENTENCE_BREAK_RE.search(text, max(0, end - 1), open_pos) is None


def _from_context(text: str, span: _Span, q: Quote, resolver: SpeakerResolver, cues: CueLexicon) -> Quote:
    """Speaker from the sentence subject or the previous sentence or paragraph."""
    att = tail_attribution(text, span.close_end, cues) or context_attribution(text, span.open_pos, cues)
    return q if att is None else _attributed(q, att, resolver)


def _continue_from(q: Quote, last: Quote) -> Quote:
    return Quote(q.start, q.end, q.text, q.kind, speaker=last.speaker, speaker_start=last.speaker_start,
                 speaker_end=last.speaker_end, cue=last.cue)


# --------------------------------------------------------------------------
# Measures
# --------------------------------------------------------------------------


def _words_inside(text: str, start: int, end: int) -> int:
    """Words whose whole span lies in text[start:end] (a word cut by the edge is out)."""
    n = 0
    lo, hi = max(0, start - 40), min(len(text), end + 40)
    for m in WORD_RE.finditer(text, lo, hi):
        if m.start() >= end:
            break
        if m.start() >= start and m.end() <= end:  # matches cut at lo/hi fall outside
            n += 1
    return n


def quoted_words(text: str, quotes: list[Quote]) -> int:
    """Words inside direct, partial and block quotes (scare quotes excluded).

    >>> quoted_words("a ‘b’ c", [Quote(3, 4, "b", "scare")])
    0
    """
    return sum(_words_inside(text, q.start, q.end) for q in quotes if q.kind in COUNTED_KINDS)


def quote_share(text: str, quotes: list[Quote] | None = None) -> float:
    """Share of the body's words that are quoted (direct, partial, block).

    Pass ``quotes`` from :func:`extract_quotes` to avoid extracting twice.
    0.0 for a text with no words.

    >>> quote_share("")
    0.0
    >>> quote_share('He said: “Stop now.”')
    0.5
    """
    if not isinstance(text, str):
        return 0.0
    if quotes is None:
        quotes = extract_quotes(text)
    return _share(quoted_words(text, quotes), text)


def _share(quoted: int, text: str, total: int | None = None) -> float:
    """``quoted`` words as a share of the body's ``total`` words (counted when
    not given; 0.0 for a text without words)."""
    if total is None:
        total = count_words(text) if isinstance(text, str) else 0
    return min(1.0, quoted / total) if total else 0.0


def article_quote_stats(text: str, quotes: list[Quote] | None = None, n_words: int | None = None) -> dict[str, float | int]:
    """Per-article quotation measures.

    quote_share, n_quotes (direct+partial+block), n_speakers (distinct
    resolved speakers) and top_speaker_share (share of quoted words from the
    most-quoted speaker; NaN when there are no quoted words). ``n_words``:
    the text's word count when known (the build has it from cleaning).

    >>> s = article_quote_stats('“We go,” Jane Roe said. “Not me,” said Tim Poe.')
    >>> s["n_quotes"], s["n_speakers"], s["top_speaker_share"]
    (2, 2, 0.5)
    """
    if quotes is None:
        quotes = extract_quotes(text) if isinstance(text, str) else []
    counted = [q for q in quotes if q.kind in COUNTED_KINDS]
    by_speaker: Counter[str] = Counter()
    total_quoted = 0
    for q in counted:
        n = _words_inside(text, q.start, q.end)
        total_quoted += n
        if q.speaker:
            by_speaker[q.speaker] += n
    top = max(by_speaker.values(), default=0)
    return {
        "quote_share": _share(total_quoted, text, n_words),  # quote_share(), each quote counted once
        "n_quotes": len(counted),
        "n_speakers": len(by_speaker),
        "top_speaker_share": top / total_quoted if total_quoted else math.nan,
    }
