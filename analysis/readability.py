"""Readability measures, equal to textstat 0.7.13's, counted once per text.

textstat recomputes word lists, syllables and difficult words inside every
formula and caches by whole text, so on a corpus it redoes the same work per
article seven times. Here one pass gathers the counts each formula needs
(:func:`text_counts`, using textstat's own definitions) and the formulas are
pure functions of those counts (:data:`FORMULAS`), as in textacy. Everything
one whitespace-separated token adds (syllables, letters, Dale-Chall and fog
difficulty, polysyllable flag) is cached across the corpus in a bounded table
and packed into one int, so a text's counts are one C-level sum over its
tokens plus one regex pass for sentences.

textstat's definitions, kept exactly (they are not the package's ``tokens``
words, because the numbers must match the published formulas' reference):

* words: punctuation removed (contraction apostrophes kept, hyphens dropped,
  so "far-left" is one word "farleft"), then split on whitespace;
* sentences: runs matching ``\\b[^.!?]+[.!?]*``, not counting runs of two or
  fewer words, at least 1 for non-empty text (0 for "");
* letters: word characters (``\\w``); characters (for ARI): non-space
  characters divided by whitespace-separated tokens, punctuation included;
* polysyllables (SMOG): words of 3+ syllables;
* difficult words: not on the Dale-Chall easy list (Dale-Chall), and with
  3+ syllables as well (Gunning fog: textstat uses difficult words, not
  polysyllables).

Empty text gives 0.0 for every index, as textstat does; SMOG of a text with
no countable words is 3.1291 (its constant), also as textstat.

>>> import textstat
>>> text = "The cat sat on the mat. It was happy there."
>>> r = readability(text)
>>> r["n_words"], r["n_sentences"], r["flesch_reading_ease"] == textstat.flesch_reading_ease(text)
(10, 2, True)
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from textstat.backend.utils._get_lang_easy_words import get_lang_easy_words

from analysis.errors import UnknownMeasureError
from analysis.syllables import LANG, remove_punctuation, token_syllables

# textstat's count_sentences keeps the runs r"\b[^.!?]+[.!?]*" that hold 3+
# words once punctuation is removed, i.e. 3+ whitespace-separated tokens with
# a word character (an apostrophe is kept only before a letter of its own
# token, so it never makes a word by itself). The look-ahead decides that
# inside the one regex pass: skip to a word character, step over the rest of
# its token, three times, without leaving the run's [^.!?] part. A run that
# passes captures its first character; one that fails captures "" (the other
# branch), so the count is the non-empty captures and no Python code runs per
# run. Possessive quantifiers: the look-ahead reads each character at most once.
_SENTENCE_RE = re.compile(r"\b(?:(?=(?:[^\w.!?]*+\w[^\s.!?]*+){3})([^.!?])|[^.!?])[^.!?]*[.!?]*")

SMOG_MIN_SENTENCES = 30  # McLaughlin's SMOG sample: 30 sentences
FOG_SYLLABLES = 3  # textstat's "syllable_threshold" for English


@dataclass(frozen=True)
class Counts:
    """What the readability formulas need from one text (textstat's definitions).

    >>> text_counts("Hi there. How are you today?").n_sentences  # 2-word runs do not count
    1
    """

    n_words: int
    n_sentences: int
    n_syllables: int
    n_letters: int
    n_chars: int  # non-whitespace characters, punctuation included
    n_tokens: int  # whitespace-separated tokens, punctuation-only ones included
    n_polysyllables: int
    n_difficult: int  # Dale-Chall: not on the easy-word list
    n_difficult_fog: int  # Gunning fog: not on the list and 3+ syllables


# Only consulted when a token is new to the token table below.
@lru_cache(maxsize=1 << 16)
def _word_profile(word: str) -> tuple[int, bool, bool]:
    """(syllables, Dale-Chall difficult, Gunning-fog difficult) for one textstat word."""
    lower = word.lower()
    syllables = token_syllables(lower)
    if lower in get_lang_easy_words(LANG):
        return syllables, False, False
    # is_difficult_word counts syllables of the lowercased word re-cleaned
    # (lowercasing can add combining marks that the cleaning then drops; an
    # ASCII word is already clean, its kept apostrophes still before endings).
    clean = [lower] if lower.isascii() else remove_punctuation(lower).split()
    fog_syllables = syllables if clean == [lower] else sum(map(token_syllables, clean))
    return syllables, True, fog_syllables >= FOG_SYLLABLES


# Everything one whitespace-separated token adds to the counts, packed into
# one int so that a text's totals are a single C-level sum() over its tokens.
# Removing punctuation never joins or splits tokens (it drops non-space
# characters only, and its apostrophe look-ahead stops at whitespace), so a
# token is one textstat word or none, and per-token counts add up exactly.
# Fields, low to high, 64 bits apart: each of the lower six adds at most
# len(token) per token, so its sum stays below len(text) < 2**63 and never
# carries into the next; syllables, unbounded, sit on top.
_FIELD = 64
_MASK = (1 << _FIELD) - 1
_CHARS, _WORDS, _LETTERS, _POLY, _DIFFICULT, _DIFFICULT_FOG, _SYLLABLES = (
    _FIELD * i for i in range(7)
)
_TOKEN_CACHE_MAX = 1 << 18  # per generation: <= 2 x 2**18 tokens, ~65 MB (news: ~200k new tokens per 5 M words)


# Characters that textstat's punctuation removal drops wherever they stand
# ([^\w\s'] and not the contextual apostrophe): a token that is letters and
# digits wrapped in them ("said,", "(AP)", "“We") is those letters and digits.
_WRAPPING = ".,;:!?\"()[]{}“”‘’—–…$%#@*-"


def _token_value(token: str) -> int:
    """The packed counts of one whitespace-separated token."""
    if token.isalnum():  # isalnum: only \w, nothing to remove
        word = token
    else:
        word = token.strip(_WRAPPING)
        if not word.isalnum():
            word = remove_punctuation(token)
    if not word:
        return len(token) << _CHARS  # punctuation-only: characters for ARI only
    syllables, hard, hard_fog = _word_profile(word)
    return (
        (len(token) << _CHARS)
        | (1 << _WORDS)
        | ((len(word) - word.count("'")) << _LETTERS)
        | ((syllables >= 3) << _POLY)
        | (hard << _DIFFICULT)
        | (hard_fog << _DIFFICULT_FOG)
        | (syllables << _SYLLABLES)
    )


class _TokenTable(dict):
    """token -> packed counts, filled on first sight; at most 2 x _TOKEN_CACHE_MAX tokens.

    Two generations keep it bounded without forgetting the common tokens:
    when the table is full it becomes the previous generation and a new one
    starts; a token missing from the new one is taken from the previous one
    if there (so tokens in use survive each turnover) or else computed. A hit
    is a plain dict look-up in C. Equal packed values share one int object,
    so memory is the tokens and the dict slots (~120 bytes a token, measured).
    """

    def __init__(self) -> None:
        super().__init__()
        self._previous: dict[str, int] = {}
        self._shared: dict[int, int] = {}

    def __missing__(self, token: str) -> int:
        if len(self) >= _TOKEN_CACHE_MAX:
            self._previous = dict(self)
            self.clear()
            self._shared = {value: value for value in self._previous.values()}
        value = self._previous.get(token)
        if value is None:
            value = _token_value(token)
            value = self._shared.setdefault(value, value)
        self[token] = value
        return value

    def forget(self) -> None:
        """Empty both generations (tests; a long-lived process that wants its memory back)."""
        self.clear()
        self._previous = {}
        self._shared = {}


_TOKENS = _TokenTable()


def _count_sentences(text: str) -> int:
    """textstat's count_sentences: runs of 3+ words, at least one."""
    if not text:
        return 0
    firsts = _SENTENCE_RE.findall(text)
    return max(1, len(firsts) - firsts.count(""))


def text_counts(text: str) -> Counts:
    """Count once everything the readability formulas use.

    >>> c = text_counts("Immigration officials met on Tuesday.")
    >>> c.n_words, c.n_syllables, c.n_polysyllables, c.n_difficult
    (5, 11, 2, 2)
    """
    tokens = text.split()  # str.split and regex \s agree on whitespace
    total = sum(map(_TOKENS.__getitem__, tokens))
    return Counts(
        n_words=(total >> _WORDS) & _MASK,
        n_sentences=_count_sentences(text),
        n_syllables=total >> _SYLLABLES,
        n_letters=(total >> _LETTERS) & _MASK,
        n_chars=(total >> _CHARS) & _MASK,
        n_tokens=len(tokens),
        n_polysyllables=(total >> _POLY) & _MASK,
        n_difficult=(total >> _DIFFICULT) & _MASK,
        n_difficult_fog=(total >> _DIFFICULT_FOG) & _MASK,
    )


# Formulas: the same arithmetic, in the same order, as textstat 0.7.13, so the
# floats agree to the last bit; zero-division cases return what textstat does.


def words_per_sentence(c: Counts) -> float:
    """Mean words per sentence (0.0 when there are no sentences)."""
    return c.n_words / c.n_sentences if c.n_sentences else 0.0


def syllables_per_word(c: Counts) -> float:
    """Mean syllables per word (0.0 when there are no words)."""
    return c.n_syllables / c.n_words if c.n_words else 0.0


def flesch_reading_ease(c: Counts) -> float:
    """206.835 - 1.015 words/sentence - 84.6 syllables/word."""
    wps, spw = words_per_sentence(c), syllables_per_word(c)
    if wps == 0 or spw == 0:
        return 0.0
    return 206.835 - 1.015 * wps - 84.6 * spw


def flesch_kincaid_grade(c: Counts) -> float:
    """0.39 words/sentence + 11.8 syllables/word - 15.59."""
    wps, spw = words_per_sentence(c), syllables_per_word(c)
    if wps == 0 or spw == 0:
        return 0.0
    return (0.39 * wps) + (11.8 * spw) - 15.59


def gunning_fog(c: Counts) -> float:
    """0.4 (words/sentence + percentage of difficult 3+ syllable words)."""
    if not c.n_words:
        return 0.0
    per_difficult = 100 * c.n_difficult_fog / c.n_words
    return 0.4 * (words_per_sentence(c) + per_difficult)


def smog_index(c: Counts) -> float:
    """1.043 sqrt(30 polysyllables/sentences) + 3.1291 (unreliable under 30 sentences)."""
    if not c.n_sentences:
        return 0.0
    return (1.043 * (30 * (c.n_polysyllables / c.n_sentences)) ** 0.5) + 3.1291


def coleman_liau_index(c: Counts) -> float:
    """0.058 letters per 100 words - 0.296 sentences per 100 words - 15.8."""
    letters = (c.n_letters / c.n_words if c.n_words else 0.0) * 100
    sentences = (c.n_sentences / c.n_words if c.n_words else 0.0) * 100
    if letters == 0 or sentences == 0:
        return 0.0
    return (0.058 * letters) - (0.296 * sentences) - 15.8


def automated_readability_index(c: Counts) -> float:
    """4.71 characters/token + 0.5 words/sentence - 21.43."""
    chars = c.n_chars / c.n_tokens if c.n_tokens else 0.0
    wps = words_per_sentence(c)
    if chars == 0 or wps == 0:
        return 0.0
    return (4.71 * chars) + (0.5 * wps) - 21.43


def dale_chall_readability_score(c: Counts) -> float:
    """0.1579 % difficult words + 0.0496 words/sentence (+3.6365 above 5 %)."""
    if not c.n_words:
        return 0.0
    per_difficult = 100 * c.n_difficult / c.n_words
    score = (0.1579 * per_difficult) + (0.0496 * words_per_sentence(c))
    if per_difficult > 5:
        score += 3.6365
    return score


FORMULAS: dict[str, Callable[[Counts], float]] = {
    "flesch_reading_ease": flesch_reading_ease,
    "flesch_kincaid_grade": flesch_kincaid_grade,
    "gunning_fog": gunning_fog,
    "smog_index": smog_index,
    "coleman_liau_index": coleman_liau_index,
    "automated_readability_index": automated_readability_index,
    "dale_chall_readability_score": dale_chall_readability_score,
}


def readability_index(name: str, counts: Counts) -> float:
    """Apply the formula called ``name`` to ``counts``.

    >>> readability_index("smog_index", text_counts(""))
    0.0
    >>> readability_index("fog", text_counts("x"))
    Traceback (most recent call last):
    ...
    analysis.errors.UnknownMeasureError: unknown readability measure 'fog'; ...
    """
    formula = FORMULAS.get(name)
    if formula is None:
        valid = ", ".join(sorted(FORMULAS))
        raise UnknownMeasureError(f"unknown readability measure {name!r}; choose one of: {valid}")
    return formula(counts)


def readability(text: str) -> dict[str, float | int | bool]:
    """The seven textstat readability indices of ``text`` plus the counts behind them.

    Values equal textstat's functions on the same text. ``n_sentences`` is
    textstat's sentence count (not :func:`analysis.split_sentences`), and
    ``smog_reliable`` is False below 30 sentences, where SMOG is not valid.
    A value that is not a string (None, NaN from a DataFrame) counts as "".

    >>> r = readability("Short text.")
    >>> r["n_words"], r["smog_reliable"], r["flesch_kincaid_grade"]
    (2, False, -3.01)
    """
    counts = text_counts(text if isinstance(text, str) else "")  # e.g. NaN from a DataFrame
    result: dict[str, float | int | bool] = {name: f(counts) for name, f in FORMULAS.items()}
    result["n_words"] = counts.n_words
    result["n_sentences"] = counts.n_sentences
    result["n_syllables"] = counts.n_syllables
    result["smog_reliable"] = counts.n_sentences >= SMOG_MIN_SENTENCES
    return result


__all__ = [
    "Counts",
    "FORMULAS",
    "readability",
    "readability_index",
    "text_counts",
]
