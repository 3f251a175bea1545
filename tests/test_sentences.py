"""Sentence splitter: the cases news text throws at it, and its invariants."""
from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import analysis
from analysis import config
from analysis.sentences import sentence_spans, split_sentences

CASES = [
    # abbreviations and titles before names
    (
        "Mr. and Mrs. Smith met Dr. Jones. Sen. Warren and Gov. Abbott spoke.",
        ["Mr. and Mrs. Smith met Dr. Jones.", "Sen. Warren and Gov. Abbott spoke."],
    ),
    (
        "The U.S. and the U.N. agreed on Dec. 5. Rep. Cruz of St. Louis objected.",
        ["The U.S. and the U.N. agreed on Dec. 5.", "Rep. Cruz of St. Louis objected."],
    ),
    ("Acme Inc. and Big Corp. merged in Sept. 2019.", ["Acme Inc. and Big Corp. merged in Sept. 2019."]),
    # an abbreviation can also end a sentence
    ("Troops left the U.S. The war ended.", ["Troops left the U.S.", "The war ended."]),
    # initials
    (
        "Reed D. Rubenstein met J.R.R. Tolkien fans. They cheered.",
        ["Reed D. Rubenstein met J.R.R. Tolkien fans.", "They cheered."],
    ),
    # decimals and money
    ("It cost $1.5 million. Pi is 3.14 exactly.", ["It cost $1.5 million.", "Pi is 3.14 exactly."]),
    # ellipses: lowercase continues, capital may start a new sentence
    ("The plan … the idea is simple. We wait... then act.", ["The plan … the idea is simple.", "We wait... then act."]),
    ("We waited … Nothing happened.", ["We waited …", "Nothing happened."]),
    # quotes: closing mark stays with its sentence
    ("“…for all these folks,” he said.", ["“…for all these folks,” he said."]),
    ("“We will act.” She left.", ["“We will act.”", "She left."]),
    ('"Is it over?" he asked. "Yes!" she said.', ['"Is it over?" he asked.', '"Yes!" she said.']),
    # ?! and !!!
    ("Really?! Yes!!! Fine.", ["Really?!", "Yes!!!", "Fine."]),
    # paragraphs and headline lines without final punctuation
    ("Border deal collapses\n\nTalks ended on Monday", ["Border deal collapses", "Talks ended on Monday"]),
    ("Headline Here\nThe story starts.", ["Headline Here", "The story starts."]),
    # a hard-wrapped line (next line lowercase) is not a sentence end
    ("The senators were\nunhappy with it.", ["The senators were\nunhappy with it."]),
    # paragraphs glued without a space
    ("He was found.In a poll, most agreed.", ["He was found.", "In a poll, most agreed."]),
    ("Ranked No. 1 by Vol. 3 of the list.", ["Ranked No. 1 by Vol. 3 of the list."]),
    ("He was ill. Doctors came.", ["He was ill.", "Doctors came."]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_cases(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_exported_from_package() -> None:
    assert analysis.split_sentences("A b. C d.") == ["A b.", "C d."]


def test_empty_and_whitespace() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n\t ") == []
    assert split_sentences("...") == ["..."]


def test_spans_are_offsets_of_the_sentences() -> None:
    text = "  First one.   Second one!\n\nThird  "
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == split_sentences(text)
    assert spans == [(2, 12), (15, 26), (28, 33)]


@pytest.mark.parametrize(
    "text",
    [
        "." * 200_000 + "x",
        ". " * 100_000 + "x",
        "a" + "!" * 200_000 + "b",
        "”" * 200_000 + ". x",
        "\n \n" * 100_000,
        "Mr. " * 100_000,
    ],
)
def test_pathological_inputs_are_linear(text: str) -> None:
    start = time.perf_counter()
    spans = sentence_spans(text)
    assert time.perf_counter() - start < 2.0
    assert _non_space("".join(text[s:e] for s, e in spans)) == _non_space(text)


def _non_space(text: str) -> str:
    return re.sub(r"\s+", "", text)


NEWSY = st.lists(
    st.sampled_from(list("aZ .!?…\"'“”‘’()\n\t-$1,:") + ["Mr.", "U.S.", " The", "...", "a. "]),
    max_size=80,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=300), NEWSY))
def test_no_text_lost_or_repeated(text: str) -> None:
    sentences = split_sentences(text)
    assert "".join(_non_space(s) for s in sentences) == _non_space(text)
    assert all(s and s == s.strip() for s in sentences)
    spans = sentence_spans(text)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))  # ordered, disjoint
    assert split_sentences(text) == sentences  # deterministic


@pytest.mark.skipif(not config.RAW_DIR.exists(), reason="data/raw seed articles not present")
def test_seed_articles_split_sensibly() -> None:
    seeds = sorted(config.RAW_DIR.glob("*.txt"))
    assert seeds, "no seed articles in data/raw"
    for path in seeds:
        text = path.read_text(encoding="utf-8")
        sentences = split_sentences(text)
        assert _non_space("".join(sentences)) == _non_space(text)
        # no sentence starts with a closing quotation mark: it stayed with its sentence
        assert not [s for s in sentences if s[0] in "”’"], path.name
        # titles never end a sentence
        assert not [s for s in sentences if re.search(r"\b(?:Mr|Mrs|Dr|Sen|Gov)\.$", s)]
