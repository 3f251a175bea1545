"""Split news text into sentences: one regex pass plus a local decision per candidate.

A candidate end is a run of ``.``, ``!``, ``?`` or ``…`` (with any closing
quotation marks or brackets, which stay with their sentence) followed by
whitespace, or a line break, or end punctuation glued to a capitalised word. Each candidate is decided by looking only at
the word just before it and the first letter after it, so the splitter is
linear in the text length and deterministic.

Rules, in order:

* a blank line (paragraph break) always ends a sentence; a single line break
  ends one too (headlines, datelines, list items) unless the next line starts
  with a lowercase letter (a hard-wrapped line);
* nothing ends before a lowercase letter: ``“Why?” he asked``, ``e.g. the``,
  ``freedom … the idea``;
* ``!`` and ``?`` (and ``?!``, ``!!!``) end a sentence; so does an ellipsis
  before a capitalised word;
* a period after a title (Mr., Dr., Sen., Gov., St. ...) never ends one;
* a period after another abbreviation (U.S., Inc., Jan., etc.), an initial
  (Reed D. Rubenstein, J.R.R. Tolkien) or a dotted acronym ends one only
  when the next word is a common sentence opener ("The", "He", "But" ...);
* any other period ends a sentence. Decimals and amounts ($1.5 million,
  3.14) never match because no space follows their period;
* paragraphs glued together without a space ("was found.In a poll") are
  split when end punctuation sits between a lowercase word and a
  capitalised one.

Known limits: no splitting in scripts written without spaces (Chinese,
Japanese), nor after an abbreviation followed by a name ("... in the U.S.
Congress ...": kept together, which is right far more often than not).

>>> split_sentences("Mr. Smith went to Washington. He met Sen. Jones at 3 p.m. on Dec. 5.")
['Mr. Smith went to Washington.', 'He met Sen. Jones at 3 p.m. on Dec. 5.']
>>> split_sentences("“We will act.” She left.")
['“We will act.”', 'She left.']
"""
from __future__ import annotations

import re
from collections.abc import Iterator

_MARKS = ".!?…‼⁇⁈⁉"
_CLOSERS = "\"'”’»)\\]"
# A candidate: an end-punctuation run (including spaced ". . ." ellipses) and
# closing marks, followed by whitespace or the end; or a line break with the
# whitespace after it; or end punctuation glued to a capitalised word.
# Every candidate starts with one character of [marks or \n], so the pattern
# opens with that class: the regex engine then skips all other characters in
# its C prefix scan (10x faster than trying three look-behind branches at
# every position). Look-behinds placed after that character check what came
# before it. Possessive quantifiers, a bounded spaced ellipsis and starting
# only at the first mark of a run keep this linear even on "......x" x 10^6.
_BOUNDARY_RE = re.compile(
    r"[" + _MARKS + r"\n](?:"
    r"(?<=\n)(?P<newline>\s*)"
    r"|(?<![" + _MARKS + r"][^\n])"  # not in the middle of a run of marks
    r"(?P<punct>(?:(?<=\.)(?:[ \u00a0]\.){2,3})?+(?:\.(?:[ \u00a0]\.){2,3}|[" + _MARKS + r"])*+"
    r"[" + _CLOSERS + r"]*+)(?=\s|\Z)"
    # the next word, after opening quotes, brackets and dashes
    r"(?=\s*[\"'“‘«(\[\-–—]*\s*(?P<next>\w*))"
    r"|(?<=[a-z]{2}[.!?])(?P<glued>[.!?]*+[" + _CLOSERS + r"]*+)(?=[A-Z][a-z])"
    r")"
)
# The word right before a period (letters/digits, possibly dotted: U.S, J.R.R),
# read backwards in the reversed text: a match from the period's position is
# the longest such word, i.e. the one a search for r"\w+(?:\.\w+)*\Z" finds.
_REVERSED_WORD_BEFORE_RE = re.compile(r"(?:\w+\.)*\w+")
_LOOKBACK = 40  # enough for any abbreviation; keeps each decision O(1)

# Titles and name prefixes: a name always follows, so no sentence ends here.
TITLES = frozenset(
    """mr mrs ms messrs mmes dr prof sen sens rep reps gov lt col gen maj capt cpt sgt
    cmdr adm rev fr hon pres supt st mt det insp amb atty""".split()
)
# Abbreviations that can also close a sentence. Words that are also ordinary
# English words ("ill", "wash", "miss", "sun", "no") are left out on purpose.
ABBREVIATIONS = frozenset(
    """inc corp co ltd llc plc bros jr sr esq etc vs al approx dept univ assn ave
    blvd rd hwy ft vol nos jan feb mar apr jun jul aug sep sept oct nov dec mon tue
    tues thu thur thurs fri ariz calif colo conn fla kan mich minn nev okla tenn wis
    wyo""".split()
)
# Abbreviations that come before a number ("No. 1", "Vol. 3", "Fig. 2").
NUMBER_PREFIXES = frozenset("no nos vol fig pp art sec".split())
# Capitalised words that usually open a sentence: after an abbreviation they
# signal a real end ("... in the U.S. The plan ...").
SENTENCE_OPENERS = frozenset(
    """The A An He She It They We I You His Her Its Their Our My Your This That These
    Those There Here But And Or So Yet Still Now Then Meanwhile However Also In On At
    For From As If When While After Before Since Although Though Despite Because
    What Why How Who Where Which Some Many Most Few One Both All Each Every No Not
    Even Only Last Next Such According""".split()
)


def _is_abbreviation_like(word: str) -> bool:
    """Initials (D), dotted acronyms (U.S, J.R.R, p.m, Ph.D) or listed abbreviations."""
    if len(word) == 1:
        return word.isupper()
    if "." in word:
        return all(part.isalpha() and len(part) <= 3 for part in word.split("."))
    return word.lower() in ABBREVIATIONS


def _period_ends_sentence(word: str, nxt: str) -> bool:
    """Decide a period after ``word`` (next word ``nxt``, not lowercase)."""
    lower = word.lower()
    if lower in TITLES or (lower in NUMBER_PREFIXES and nxt[:1].isdigit()):
        return False
    if _is_abbreviation_like(word):
        return nxt in SENTENCE_OPENERS
    return True


def _boundaries(text: str) -> Iterator[int]:
    """Yield character offsets where a sentence ends."""
    reversed_text = ""  # made on the first period that needs the word before it
    size = len(text)
    for m in _BOUNDARY_RE.finditer(text):
        kind = m.lastgroup
        if kind == "next":  # a punctuation run (its look-ahead group closed last)
            nxt = m.group("next")
            if nxt[:1].islower():
                continue  # nothing ends before a lowercase letter
            punct = m.group()
            if punct[0] != "." or "…" in punct or ".." in punct or ". ." in punct:
                yield m.end()  # ! ? and ellipses end a sentence
                continue
            if not reversed_text:
                reversed_text = text[::-1]
            back = size - m.start()
            before = _REVERSED_WORD_BEFORE_RE.match(reversed_text, back, back + _LOOKBACK)
            if before is None or _period_ends_sentence(before.group()[::-1], nxt):
                yield m.end()
        elif kind == "newline":
            end = m.end()
            if "\n" in m.group("newline") or not text[end : end + 1].islower():
                yield m.start()  # a single break before lowercase is a hard wrap
        else:  # "found.In a poll": paragraphs joined without a space
            yield m.end()


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of each sentence, whitespace trimmed.

    Every non-whitespace character of ``text`` is in exactly one span.

    >>> text = "It rained. Then it stopped!"
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['It rained.', 'Then it stopped!']
    >>> sentence_spans("  ")
    []
    """
    global _LAST_SPLIT
    last = _LAST_SPLIT  # read once: another thread may replace it, never change it
    if last[0] is text:
        return list(last[1])
    spans: list[tuple[int, int]] = []
    prev = 0
    for cut in (*_boundaries(text), len(text)):
        piece = text[prev:cut]
        stripped = piece.strip()
        if stripped:
            s = prev + (len(piece) - len(piece.lstrip()))
            spans.append((s, s + len(stripped)))
        prev = cut
    _LAST_SPLIT = (text, tuple(spans))
    return spans


# The last text split and its spans: the quote resolver and the sentiment stage
# split the same article text one after the other.
_LAST_SPLIT: tuple[str | None, tuple[tuple[int, int], ...]] = (None, ())


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``, in order, whitespace stripped, none empty.

    >>> split_sentences("Wait... what? No!!! Reed D. Rubenstein paid $1.5 million.")
    ['Wait... what?', 'No!!!', 'Reed D. Rubenstein paid $1.5 million.']
    >>> split_sentences("Border crisis deepens\\n\\nOfficials met on Monday")
    ['Border crisis deepens', 'Officials met on Monday']
    """
    return [text[s:e] for s, e in sentence_spans(text)]
