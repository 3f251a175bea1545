"""Sentence-level VADER sentiment, the narration/quote split and target sentiment."""
from __future__ import annotations

import math
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import analysis
from analysis import config
import analysis.sentiment  # noqa: F401  (the module, for its singleton)
sentiment_module = sys.modules["analysis.sentiment"]
from analysis.errors import AnalysisError, CorpusError
from analysis.sentences import split_sentences
from analysis.sentiment import (
    analyzer,
    load_targets,
    score_sentence,
    sentence_sentiments,
    sentiment,
    target_sentiment,
)

NYT = config.CORPORA_DIR / "vader_groundtruth" / "nytEditorialSnippets_GroundTruth.txt"


@dataclass
class Q:  # the fields of analysis.quotes.Quote that sentiment() reads
    start: int
    end: int
    kind: str


def _quote(text: str, inner: str, kind: str = "direct") -> Q:
    start = text.index(inner)
    return Q(start, start + len(inner), kind)


def test_aggregates_are_sentence_means() -> None:
    text = "I love this wonderful plan. The report was released Monday. This is a terrible, awful failure."
    result = sentiment(text, quotes=[])
    rows = sentence_sentiments(text)
    assert result["n_sentences"] == len(rows) == len(split_sentences(text)) == 3
    assert result["compound"] == pytest.approx(np.mean([r["compound"] for r in rows]))
    assert result["neg"] == pytest.approx(np.mean([r["neg"] for r in rows]))
    assert (result["share_positive"], result["share_neutral"], result["share_negative"]) == pytest.approx(
        (1 / 3, 1 / 3, 1 / 3)
    )
    assert result["compound_narration"] == pytest.approx(result["compound"])
    assert math.isnan(result["compound_quotes"])


def test_whole_text_would_saturate_but_mean_does_not() -> None:
    text = " ".join(["The staff were kind and helpful."] * 30)
    assert analyzer().polarity_scores(text)["compound"] > 0.99
    assert sentiment(text, quotes=[])["compound"] < 0.8


def test_empty_text_gives_nan_not_error() -> None:
    for text in ["", "   \n", None]:
        result = sentiment(text, quotes=[])  # type: ignore[arg-type]
        assert result["n_sentences"] == 0
        assert math.isnan(result["compound"]) and math.isnan(result["share_positive"])


def test_quoted_sentences_are_separated_from_narration() -> None:
    text = "“This is a terrible, awful mess,” the mayor said. The city is wonderful and happy."
    quotes = [_quote(text, "This is a terrible, awful mess,")]
    result = sentiment(text, quotes=quotes)
    assert result["n_sentences_quotes"] == 1
    assert result["compound_quotes"] < 0 < result["compound_narration"]


def test_scare_quotes_are_not_speech() -> None:
    text = "The so-called “terrible awful disaster plan” was adopted."
    quotes = [_quote(text, "terrible awful disaster plan", kind="scare")]
    result = sentiment(text, quotes=quotes)
    assert result["n_sentences_quotes"] == 0
    assert math.isnan(result["compound_quotes"])


def test_sentence_is_quoted_only_when_most_word_characters_are() -> None:
    text = "The long statement released by the governor's office late on Friday said “bad”."
    result = sentiment(text, quotes=[_quote(text, "bad")])
    assert result["n_sentences_quotes"] == 0
    text2 = "“The plan is bad and everyone knows it,” he said."
    assert sentiment(text2, quotes=[_quote(text2, "The plan is bad and everyone knows it,")])[
        "n_sentences_quotes"
    ] == 1


def test_without_quotes_module_everything_is_narration(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "analysis.quotes", None)  # import now raises ImportError
    text = "“It is a disaster and a terrible shame,” she said. All is well."
    result = sentiment(text)
    assert result["n_sentences_quotes"] == 0 and math.isnan(result["compound_quotes"])


def test_default_finds_quotes_with_extract_quotes() -> None:
    pytest.importorskip("analysis.quotes", reason="analysis.quotes not written yet")
    text = "“It is a terrible, awful shame and a disgrace,” she said. The day was fine and sunny."
    result = sentiment(text)
    assert set(result) >= {"compound_narration", "compound_quotes", "n_sentences_quotes"}
    assert result["n_sentences"] == 2


def test_one_analyzer_per_process() -> None:
    assert analyzer() is analyzer()
    assert sentiment_module._ANALYZER is analyzer()


def test_typographic_marks_do_not_hide_words_from_vader() -> None:
    assert score_sentence("“It was terrible”")["compound"] == pytest.approx(
        score_sentence('"It was terrible"')["compound"]
    )
    assert score_sentence("We don’t like it")["compound"] < 0  # curly apostrophe negation


def test_enormous_sentence_is_linear_and_bounded() -> None:
    text = "good bad " * 200_000  # 1.8 MB with no sentence punctuation
    start = time.perf_counter()
    result = sentiment(text, quotes=[])
    assert time.perf_counter() - start < 20
    assert result["n_sentences"] == 1 and -1 <= result["compound"] <= 1


def test_package_exports() -> None:
    assert analysis.sentiment("Good.", quotes=[])["n_sentences"] == 1
    assert analysis.target_sentiment is target_sentiment


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_and_shares_sum_to_one(text: str) -> None:
    result = sentiment(text, quotes=[])
    if result["n_sentences"]:
        total = result["share_positive"] + result["share_negative"] + result["share_neutral"]
        assert total == pytest.approx(1.0)
        assert -1 <= result["compound"] <= 1
    else:
        assert math.isnan(result["compound"])


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=120), st.lists(st.tuples(st.integers(0, 130), st.integers(0, 130)), max_size=4))
def test_arbitrary_quote_spans_never_raise(text: str, raw: list[tuple[int, int]]) -> None:
    quotes = [Q(min(a, b), max(a, b), "direct") for a, b in raw]
    result = sentiment(text, quotes=quotes)
    assert 0 <= result["n_sentences_quotes"] <= result["n_sentences"]


# ---------------------------------------------------------------- targets


def _corpus() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "outlet": ["B", "A", "A", "B"],
            "text": [
                "The ice was thin. Asylum-seekers arrived at the border and were welcomed warmly.",
                "ICE agents made terrible arrests. Immigration officials met.",
                "The American Civil Liberties Union sued the Trump Administration, a great win.",
                None,
            ],
        }
    )


def test_target_sentiment_rows_and_matching() -> None:
    targets = {"ICE": ["ICE", "Immigration and Customs Enforcement"], "immigrants": ["asylum seekers", "immigrants"]}
    out = target_sentiment(_corpus(), targets)
    assert list(out.columns) == ["outlet", "target", "n_sentences", "mean_compound"]
    assert out[["outlet", "target"]].values.tolist() == [
        ["A", "ICE"], ["A", "immigrants"], ["B", "ICE"], ["B", "immigrants"]
    ]
    n = dict(zip(zip(out.outlet, out.target), out.n_sentences))
    # "ice" is not ICE (all-caps terms match case-sensitively); "Immigration" is not "immigrants"
    assert n == {("A", "ICE"): 1, ("A", "immigrants"): 0, ("B", "ICE"): 0, ("B", "immigrants"): 1}
    a_ice = out[(out.outlet == "A") & (out.target == "ICE")].mean_compound.item()
    assert a_ice == pytest.approx(score_sentence("ICE agents made terrible arrests.")["compound"])
    assert math.isnan(out[(out.outlet == "B") & (out.target == "ICE")].mean_compound.item())


def test_default_targets_file() -> None:
    targets = load_targets()
    assert set(targets) == {"ICE", "ACLU", "immigrants", "Trump administration"}
    assert "illegal aliens" in targets["immigrants"] and "ICE" in targets["ICE"]
    out = target_sentiment(_corpus())
    n = dict(zip(zip(out.outlet, out.target), out.n_sentences))
    assert n[("A", "ACLU")] == 1 and n[("A", "Trump administration")] == 1  # case-insensitive
    assert n[("B", "immigrants")] == 1


def test_user_targets_file(tmp_path: Path) -> None:
    path = tmp_path / "my_targets.csv"
    path.write_text("target,term\nborder,border\n", encoding="utf-8")
    out = target_sentiment(_corpus(), path)
    assert out.target.unique().tolist() == ["border"]
    assert out.n_sentences.tolist() == [0, 1]
    with pytest.raises(AnalysisError, match="not found"):
        target_sentiment(_corpus(), tmp_path / "missing.csv")
    bad = tmp_path / "bad.csv"
    bad.write_text("name,word\nx,y\n", encoding="utf-8")
    with pytest.raises(AnalysisError, match="target,term"):
        load_targets(bad)


def test_missing_columns_raise_corpus_error() -> None:
    with pytest.raises(CorpusError, match="outlet"):
        target_sentiment(pd.DataFrame({"text": ["x"]}), {"x": ["x"]})


# ---------------------------------------------------------------- VADER ground truth


@pytest.mark.shared
@pytest.mark.skipif(not NYT.exists(), reason="../shared VADER ground truth not present (developer data)")
def test_nyt_snippets_correlation() -> None:
    human, ours = [], []
    for line in NYT.read_text(encoding="utf-8-sig").splitlines():
        parts = line.split("\t", 2)
        if len(parts) == 3:
            human.append(float(parts[1]))
            ours.append(sentiment(parts[2], quotes=[])["compound"])
    assert len(human) == 5190
    r = np.corrcoef(human, ours)[0, 1]
    assert r >= 0.49, r


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,'\"“”„‟«»″‘’‚‛′…—–―\n")), max_size=40))
def test_ascii_punctuation_mapping_equals_str_translate(text):
    from analysis.sentiment import _ASCII_PUNCTUATION, _to_ascii_punctuation

    assert _to_ascii_punctuation(text) == text.translate(_ASCII_PUNCTUATION)


def test_article_sentiment_scores_once_for_the_summary_and_the_targets():
    from analysis.sentiment import article_sentiment, target_sentiment

    texts = ["ICE agents made terrible arrests. The weather was lovely. ICE and the ACLU met; it went well.",
             "Nothing to see here.", "", "The ACLU sued. The ACLU won a wonderful victory."]
    quotes: list = []
    for text in texts:
        summary, hits = article_sentiment(text, quotes)
        s = sentiment(text, quotes=quotes)
        assert summary.keys() == s.keys()
        assert all(summary[k] == s[k] or (math.isnan(summary[k]) and math.isnan(s[k])) for k in s)
        expected = target_sentiment(pd.DataFrame({"outlet": ["x"], "text": [text]}))
        for row in expected.itertuples():
            assert len(hits.get(row.target, [])) == row.n_sentences
            if row.n_sentences:
                assert sum(hits[row.target]) / row.n_sentences == pytest.approx(row.mean_compound)
    assert list(article_sentiment(texts[0], quotes, {"X": ["weather"]})[1]) == ["X"]
