"""Tests for analysis.compare: per-outlet summaries, bootstrap CIs, outlet aliases."""
from __future__ import annotations

import gzip
import json

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import compare, config
from analysis.compare import (
    apply_aliases,
    bootstrap_mean_ci,
    bootstrap_means_ci,
    compare_outlets,
    load_aliases,
    sort_by_value,
)
from analysis.errors import AnalysisError, CorpusError, UnknownMeasureError

COLUMNS = ["outlet", "measure", "n", "mean", "median", "ci_low", "ci_high", "flag_small"]


def articles() -> pd.DataFrame:
    return pd.DataFrame({
        "article_id": range(9),
        "outlet": ["A"] * 6 + ["B"] * 2 + ["C"],
        "n_words": [100] * 9,
        "tone": [1.0, 2.0, 3.0, 4.0, 10.0, np.nan, -1.0, 1.0, 5.0],
        "grade": [8.0] * 6 + [12.0, 14.0, 9.0],
        "label": ["x"] * 9,
    })


def test_hand_computed_summary_and_layout():
    res = compare_outlets(articles(), aliases={})
    assert list(res.columns) == COLUMNS
    assert list(zip(res.outlet, res.measure)) == [
        ("A", "grade"), ("A", "tone"), ("B", "grade"), ("B", "tone"), ("C", "grade"), ("C", "tone")]
    a_tone = res.iloc[1]
    assert (a_tone.n, a_tone["mean"], a_tone["median"]) == (5, 4.0, 3.0)  # NaN not counted
    assert res.flag_small.tolist() == [False, False, True, True, True, True]
    # a constant measure has a zero-width interval at the constant
    assert (res.iloc[0].ci_low, res.iloc[0].ci_high) == (8.0, 8.0)


def test_small_outlets_keep_their_own_ci_and_single_value_gets_nan():
    res = compare_outlets(articles(), aliases={}).set_index(["outlet", "measure"])
    b = res.loc[("B", "tone")]
    assert b.n == 2 and -1.0 <= b.ci_low <= b.ci_high <= 1.0 and b.ci_low < b.ci_high
    c = res.loc[("C", "tone")]
    assert c.n == 1 and c["mean"] == 5.0 and np.isnan(c.ci_low) and np.isnan(c.ci_high)


def test_min_articles_parameter():
    res = compare_outlets(articles(), min_articles=2, aliases={})
    assert res.loc[res.outlet == "B", "flag_small"].tolist() == [False, False]


def test_runs_agree_exactly_and_seed_matters():
    df = pd.DataFrame({"outlet": ["A"] * 50 + ["B"] * 30,
                       "x": np.random.default_rng(0).normal(size=80)})
    first = compare_outlets(df, aliases={}, n_boot=300)
    assert first.equals(compare_outlets(df, aliases={}, n_boot=300))
    other = compare_outlets(df, aliases={}, n_boot=300, seed=7)
    assert not np.allclose(first.ci_low, other.ci_low)
    assert np.allclose(first["mean"], other["mean"])


def test_adding_an_outlet_does_not_change_others():
    base = compare_outlets(articles(), aliases={})
    more = pd.concat([articles(), articles().assign(outlet="D")], ignore_index=True)
    res = compare_outlets(more, aliases={})
    assert res[res.outlet != "D"].reset_index(drop=True).equals(base)


def test_ci_width_close_to_normal_theory():
    rng = np.random.default_rng(3)
    values = rng.normal(0.0, 1.0, 400)
    low, high = bootstrap_mean_ci(values, 2000, np.random.default_rng(5))
    expected = 2 * 1.96 * values.std(ddof=1) / np.sqrt(len(values))
    assert (high - low) == pytest.approx(expected, rel=0.15)
    assert low < values.mean() < high


def test_chunked_bootstrap_matches_in_distribution(monkeypatch):
    values = np.random.default_rng(1).normal(size=500)
    whole = bootstrap_mean_ci(values, 1000, np.random.default_rng(2))
    monkeypatch.setattr(compare, "_MAX_BOOT_CELLS", 7 * 500 + 3)  # 7 resamples per chunk
    chunked = bootstrap_mean_ci(values, 1000, np.random.default_rng(2))
    assert chunked == pytest.approx(whole, abs=0.03)


def test_measures_with_missing_values_resample_articles():
    rng = np.random.default_rng(4)
    x = rng.normal(5.0, 1.0, 300)
    y = np.where(rng.random(300) < 0.4, np.nan, rng.normal(-2.0, 1.0, 300))  # 40% missing
    low, high = bootstrap_means_ci(np.column_stack([x, y, np.full(300, np.nan)]), 2000, np.random.default_rng(1))
    assert low[0] < x.mean() < high[0] and low[1] < np.nanmean(y) < high[1]
    n_y = int((~np.isnan(y)).sum())
    # the interval of a mean over fewer values is wider, about as the square root of n predicts
    assert (high[1] - low[1]) == pytest.approx(2 * 1.96 * np.nanstd(y, ddof=1) / np.sqrt(n_y), rel=0.15)
    assert np.isnan(low[2]) and np.isnan(high[2])  # no values at all
    # one value only: no interval, whatever the other measures have
    one = bootstrap_means_ci(np.column_stack([x[:5], [1.0, np.nan, np.nan, np.nan, np.nan]]), 100, np.random.default_rng(1))
    assert not np.isnan(one[0][0]) and np.isnan(one[0][1])


def test_compare_outlets_reads_rows_by_position_on_any_index():
    df = articles().assign(tone=[1.0, np.nan, 3.0, 4.0, 5.0, 6.0, 0.0, 1.0, 2.0])
    shuffled = df.sample(frac=1.0, random_state=3).set_index(pd.Index(list("qwertyuio")))
    res = compare_outlets(shuffled, ["tone", "grade"], aliases={})
    a = res[(res.outlet == "A") & (res.measure == "tone")].iloc[0]
    assert (a.n, a["mean"]) == (5, pytest.approx(19.0 / 5))
    assert res[["outlet", "measure", "n", "mean"]].equals(compare_outlets(df, ["tone", "grade"], aliases={})[["outlet", "measure", "n", "mean"]])


def test_measure_selection():
    df = articles()
    assert set(compare_outlets(df, aliases={}).measure) == {"grade", "tone"}  # floats only
    assert set(compare_outlets(df, ["n_words"], aliases={}).measure) == {"n_words"}
    with pytest.raises(UnknownMeasureError, match="tonne.*numeric columns are .*'grade'"):
        compare_outlets(df, ["tonne"])
    with pytest.raises(UnknownMeasureError, match="label"):
        compare_outlets(df, ["label"])
    with pytest.raises(UnknownMeasureError):
        compare_outlets(df[["outlet", "label"]])


def test_bad_arguments():
    with pytest.raises(CorpusError):
        compare_outlets(articles(), by="source")
    with pytest.raises(AnalysisError, match="ci"):
        compare_outlets(articles(), ci=95)
    with pytest.raises(AnalysisError, match="n_boot"):
        compare_outlets(articles(), n_boot=0)


def test_default_aliases_merge_desk_variants_not_desks():
    df = pd.DataFrame({"outlet": ["Fox Online News", "Fox News (Online)", "Fox News",
                                  "New York Times - News", "New York Times - Opinion", None],
                       "x": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]})
    res = compare_outlets(df)
    assert res.outlet.tolist() == ["Fox News", "New York Times - News", "New York Times - Opinion"]
    assert res.n.tolist() == [3, 1, 1]


def test_aliases_from_dict_csv_and_chains(tmp_path):
    s = pd.Series(["a", "b", "c", None])
    merged = apply_aliases(s, {"a": "b", "b": "c"})
    assert merged[:3].tolist() == ["c", "c", "c"] and pd.isna(merged[3])
    path = tmp_path / "aliases.csv"
    path.write_text("alias,outlet\nFoo Online,Foo\n", encoding="utf-8")
    assert load_aliases(path) == {"Foo Online": "Foo"}
    df = pd.DataFrame({"outlet": ["Foo Online"], "x": [1.0]})
    assert apply_aliases(df, path).outlet.tolist() == ["Foo"]
    assert df.outlet.tolist() == ["Foo Online"]  # input untouched
    with pytest.raises(AnalysisError, match="loop"):
        apply_aliases(s, {"a": "b", "b": "a"})
    bad = tmp_path / "bad.csv"
    bad.write_text("name,target\nx,y\n", encoding="utf-8")
    with pytest.raises(AnalysisError, match="'alias' and 'outlet'"):
        load_aliases(bad)


def test_sort_by_value():
    res = compare_outlets(articles(), aliases={})
    assert sort_by_value(res, "grade").outlet.tolist() == ["B", "C", "A"]
    with pytest.raises(UnknownMeasureError):
        sort_by_value(res, "nope")


def test_other_grouping_column():
    df = articles().assign(bias=["left"] * 5 + ["right"] * 4)
    res = compare_outlets(df, ["grade"], by="bias", aliases={})
    assert list(res.columns[:2]) == ["bias", "measure"] and res["mean"].tolist() == [8.0, 10.75]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.floats(-1e6, 1e6), min_size=2, max_size=40))
def test_property_ci_inside_value_range(values):
    res = compare_outlets(pd.DataFrame({"outlet": "A", "v": values}), n_boot=200, aliases={})
    row = res.iloc[0]
    tol = 1e-9 * max(1.0, max(map(abs, values)))
    assert min(values) - tol <= row.ci_low <= row.ci_high + tol
    assert row.ci_high <= max(values) + tol
    assert row.n == len(values)


@pytest.mark.shared
@pytest.mark.skipif(not config.CORPORA_DIR.exists(),
                    reason="../shared/corpora not present (evaluation data)")
def test_default_alias_table_names_real_allsides_outlets():
    with gzip.open(config.CORPORA_DIR / "allsides.jsonl.gz", "rt", encoding="utf-8") as fh:
        outlets = {json.loads(line)["outlet"] for line in fh}
    aliases = load_aliases()
    assert set(aliases) <= outlets
    # a merged name is either an AllSides name or a new plain name ("NBC News")
    assert set(aliases.values()) - outlets == {"NBC News"}
