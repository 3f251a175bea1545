"""Readability equals textstat 0.7.13 exactly, on edge cases, random text and real articles."""
from __future__ import annotations

import dataclasses
import gzip
import importlib
import itertools
import json
import math
import re

import pytest
import textstat
from hypothesis import given, settings
from hypothesis import strategies as st

import analysis
from analysis import config
from analysis.errors import UnknownMeasureError
from analysis.readability import FORMULAS, Counts, readability, readability_index, text_counts
from analysis.syllables import count_syllables, count_syllables_word

# the module itself: the package attribute analysis.readability is the function
READABILITY_MODULE = importlib.import_module("analysis.readability")
ALLSIDES = config.CORPORA_DIR / "allsides.jsonl.gz"
needs_corpora = pytest.mark.skipif(
    not ALLSIDES.exists(), reason="../shared/corpora/allsides.jsonl.gz not present (developer data)"
)

EDGE_CASES = [
    "",
    " ",
    "\n\n",
    "word",
    "Hello",
    "!!!",
    "…",
    "“ ” ‘ ’ -- —",
    "no punctuation at all in this line of words",
    "3.14 2,000 $5 100% 1st",
    "Numbers 1 2 3 4 5. And 6.",
    "don't DON'T rock 'n' roll o'clock 'tis",
    "Hi there. How are you today? Fine.",
    "A. B. C. D. E.",
    "İstanbul ΟΔΟΣ Straße ǅemal",
    "emoji 😀 text\u200b here.\x00\x1f ctrl",
    "far-left U.S.-based re-election e-mail",
    "مرحبا بالعالم. שלום עולם.",
    "a" * 300,
    "The cat sat on the mat. " * 40,
    # contractions and stray apostrophes (kept only before t s d ve ll re)
    "we've it'll they're I'd she's rock 'n' roll ' '' 've 'l 'x",
    "don'.t stop now. It's' fine 'tis true.",
    # hyphens and dashes join or vanish
    "co-op re-elect far-left -- - – — pro-Trump, anti-war stance here.",
    # numbers, abbreviations, initials
    "It cost $1,000,000.50 on 10:30 a.m. Jan. 5, 2019. J.R.R. Tolkien e.g. wrote.",
    "Mr. Smith met Dr. Jones. U.S.A. is big! Is it? Yes!! Ok...",
    # runs of two words do not count as sentences; punctuation-only tokens are not words
    "Yes sir. No way! a — b. a b c.",
    "one",
    "One.",
    "underscores a_b __ _x_ and snake_case words",
    "tab\tsep\x1cunit\x1fsep\u2028line\u00a0nbsp\u3000ideographic",
    "CAPS SHOUTING EVERYBODY IMMIGRATION. Ǆ ǅ ǆ İ ß ﬁ ligature.",
    "x" * 70 + " " + "supercalifragilisticexpialidocious" * 3,
]


def _assert_equal_to_textstat(text: str) -> None:
    ours = readability(text)
    for name in FORMULAS:
        theirs = getattr(textstat, name)(text)
        assert math.isclose(ours[name], theirs, rel_tol=0, abs_tol=1e-9), (name, text[:80])
    assert ours["n_words"] == textstat.lexicon_count(text)
    assert ours["n_sentences"] == textstat.sentence_count(text)
    assert ours["n_syllables"] == textstat.syllable_count(text)


@pytest.mark.parametrize("text", EDGE_CASES)
def test_edge_cases_equal_textstat(text: str) -> None:
    _assert_equal_to_textstat(text)


def test_empty_text_is_all_zero() -> None:
    r = readability("")
    assert all(r[name] == 0.0 for name in FORMULAS)
    assert (r["n_words"], r["n_sentences"], r["n_syllables"], r["smog_reliable"]) == (0, 0, 0, False)


def test_punctuation_only_follows_textstat_quirk() -> None:
    # textstat counts one sentence in any non-empty text, so SMOG of "!!!" is
    # its bare constant; we keep that for equality (documented in the module).
    assert readability("!!!")["smog_index"] == pytest.approx(3.1291)


def test_non_string_is_treated_as_empty() -> None:
    assert readability(None)["n_words"] == 0  # type: ignore[arg-type]


def test_smog_reliable_flag() -> None:
    assert readability("The cat sat on the mat today. " * 29)["smog_reliable"] is False
    assert readability("The cat sat on the mat today. " * 30)["smog_reliable"] is True


def test_keys_and_package_export() -> None:
    r = analysis.readability("The committee approved the proposal on Tuesday.")
    assert set(r) == set(FORMULAS) | {"n_words", "n_sentences", "n_syllables", "smog_reliable"}


def test_formula_lookup_and_unknown_name() -> None:
    counts = text_counts("The committee approved the proposal on Tuesday.")
    assert readability_index("gunning_fog", counts) == textstat.gunning_fog(
        "The committee approved the proposal on Tuesday."
    )
    with pytest.raises(UnknownMeasureError) as err:
        readability_index("flesch", counts)
    assert "flesch_reading_ease" in str(err.value) and "'flesch'" in str(err.value)
    assert isinstance(err.value, KeyError)


def test_counts_are_frozen() -> None:
    counts = text_counts("One two three.")
    assert isinstance(counts, Counts)
    with pytest.raises(dataclasses.FrozenInstanceError):
        counts.n_words = 5  # type: ignore[misc]


def test_gunning_fog_uses_difficult_words_not_polysyllables() -> None:
    # "everybody" has 4 syllables but is on the Dale-Chall easy list: a
    # polysyllable for SMOG, not a difficult word for textstat's fog.
    counts = text_counts("Everybody everybody everybody went home.")
    assert counts.n_polysyllables == 3 and counts.n_difficult_fog == 0


def test_syllables_per_word_match_textstat() -> None:
    for word in ["immigration", "the", "Deportation", "farleft", "xyzzyq", "don't", "'tis", "ǅemal"]:
        assert count_syllables_word(word) == textstat.syllable_count(word), word
    assert count_syllables("Hello, world!") == textstat.syllable_count("Hello, world!")


WORDISH = st.lists(
    st.sampled_from(
        ["The", "immigration", "officials", "said", "don't", "U.S.", "3.5", ",", ".", "!", "?",
         "—", "“", "”", "far-left", "\n", " ", "Everybody", "a", "x"]
    ),
    max_size=60,
).map(" ".join)


# Pieces that stress the per-token cache and the sentence-run look-ahead:
# apostrophes before and not before contraction endings, glued punctuation,
# every kind of whitespace, and words whose syllables come from pyphen.
TOKENISH = st.lists(
    st.sampled_from(
        ["'", "'t", "'ve", "'l", "'re", "’s", "don't", "x'", "_", "a_b", "-", "far-left", ".", "?!",
         "...", "U.S.", "3.5", "$", "—", " ", "  ", "\n", "\t", "\u00a0", "\x1c", "İ", "ǅ", "ß",
         "xyzzyq", "immigration", "everybody", "the", "The", "Deportation", "a", "I"]
    ),
    max_size=50,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(st.one_of(WORDISH, st.text(max_size=120)))
def test_random_text_equals_textstat(text: str) -> None:
    _assert_equal_to_textstat(text)


@settings(max_examples=300, deadline=None)
@given(TOKENISH)
def test_token_pieces_equal_textstat(text: str) -> None:
    _assert_equal_to_textstat(text)


def test_token_cache_is_bounded_and_refills_exactly(monkeypatch: pytest.MonkeyPatch) -> None:
    module = READABILITY_MODULE
    monkeypatch.setattr(module, "_TOKEN_CACHE_MAX", 20)
    module._TOKENS.forget()
    texts = [f"Word{i} number {i}, said official{i % 7}. Then another{i} came along." for i in range(30)]
    for text in texts * 2:  # the second round reads tokens back from the previous generation
        _assert_equal_to_textstat(text)
        assert len(module._TOKENS) <= 20 and len(module._TOKENS._previous) <= 20
    module._TOKENS.forget()
    assert len(module._TOKENS) == 0


def test_pyphen_word_cache_is_not_filled() -> None:
    from textstat.backend.utils._get_pyphen import get_pyphen

    from analysis import syllables

    words = [f"zqvx{chr(ord('a') + i % 26)}{i}blorf" for i in range(40)]  # not in the CMU dictionary
    expected = [textstat.syllable_count(word) for word in words]
    cache = get_pyphen(syllables.LANG).hd.cache  # pyphen's own, which never shrinks
    cache.clear()
    assert [syllables.token_syllables(word) for word in words] == expected
    assert len(cache) == 0


# Words for pyphen's patterns: letters, pattern characters (".", "'", "’",
# ligatures, "é"), and characters whose lower case is longer ("İ").
HYPHENATABLE = st.text(alphabet=st.sampled_from(list("abcdehilmnoprstuy.'’éﬁİ9ΣZ")), max_size=24)


@settings(max_examples=1000, deadline=None)
@given(st.one_of(HYPHENATABLE, st.text(max_size=24)))
def test_hyphenation_points_equal_pyphen(word: str) -> None:
    from textstat.backend.utils._get_pyphen import get_pyphen

    from analysis.syllables import LANG, _hyphen_points

    assert _hyphen_points(word) == len(get_pyphen(LANG).positions(word))


def test_hyphenation_points_equal_pyphen_on_words() -> None:
    from textstat.backend.utils._get_pyphen import get_pyphen

    from analysis.syllables import LANG, _hyphen_points, cmu_syllables

    words = list(itertools.islice(cmu_syllables(), 0, None, 7)) + ["", "a", "hyphenation", "supercalifragilistic"]
    assert [_hyphen_points(w) for w in words] == [len(get_pyphen(LANG).positions(w)) for w in words]


def test_wrapping_characters_are_removed_wherever_they_stand() -> None:
    from analysis.readability import _WRAPPING

    assert all(re.fullmatch(r"[^\w\s']", c) for c in _WRAPPING)


def test_equal_tokens_share_one_packed_value() -> None:
    module = READABILITY_MODULE
    text_counts("cat dog")
    assert module._TOKENS["cat"] is module._TOKENS["dog"]  # same letters, syllables, flags


@needs_corpora
def test_300_allsides_articles_equal_textstat() -> None:
    with gzip.open(ALLSIDES, "rt", encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in itertools.islice(f, 300)]
    assert len(texts) == 300
    for text in texts:
        _assert_equal_to_textstat(text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(TOKENISH, st.text(max_size=60)))
def test_one_pass_punctuation_removal_equals_textstat(text: str) -> None:
    from textstat.backend.transformations._remove_punctuation import remove_punctuation as theirs

    from analysis.syllables import remove_punctuation

    assert remove_punctuation(text) == theirs(text, rm_apostrophe=False)


def test_fast_cmu_syllable_table_equals_the_cmudict_phones() -> None:
    from analysis.syllables import cmu_dictionary, cmu_syllables

    table = cmu_syllables()
    phones = cmu_dictionary()
    assert table.keys() == phones.keys()
    assert all(table[w] == sum(p[-1].isdigit() for p in prons[0]) for w, prons in phones.items())
    assert table["hmm"] == 0  # listed without a vowel: 0, not pyphen's guess
