"""Per-outlet tables of a build agree with the package functions they summarise."""
from __future__ import annotations

import pandas as pd

import analysis
from analysis.pipeline import build

TEXTS = {
    "Left": ["Undocumented immigrants work hard. Undocumented families pay taxes.",
             "Undocumented immigrants and asylum seekers arrived, officials said."],
    "Right": ["Illegal aliens crossed the border. Illegal aliens cost taxes.",
              "Illegal immigrants crossed again, officials said."],
    "Centre": ["Migrants arrived at the border on Tuesday.", "Migrants and officials met."],
}


def _corpus(tmp_path):
    rows = [{"id": f"{o}{i}", "outlet": o, "text": t} for o, ts in TEXTS.items() for i, t in enumerate(ts)]
    path = tmp_path / "c.jsonl"
    pd.DataFrame(rows).to_json(path, orient="records", lines=True)
    return path


def test_outlet_tables_match_the_functions(tmp_path):
    out = tmp_path / "out"
    build(_corpus(tmp_path), out, workers=1, quiet=True)
    articles = pd.read_parquet(out / "articles.parquet")
    corpus = articles[["outlet", "text"]]

    terms = pd.read_parquet(out / "terms.parquet")
    expected = analysis.term_frequency(corpus)
    merged = terms.merge(expected, on=["group", "term"], suffixes=("", "_fn"))
    assert len(merged) == len(terms) > 0
    assert (merged["count"] == merged["count_fn"]).all() and (merged["doc_freq"] == merged["doc_freq_fn"]).all()
    assert ((merged["rate"] - merged["rate_fn"]).abs() < 1e-9).all()

    framing = pd.read_parquet(out / "framing.parquet").set_index(["group", "label"])
    direct = analysis.framing(corpus).set_index(["group", "label"])
    assert (framing["count"] == direct.loc[framing.index, "count"]).all()

    dist = pd.read_parquet(out / "distinctive_terms.parquet")
    assert set(dist["outlet"]) == set()  # two articles each: under the minimum of five


def test_distinctive_terms_from_counts_equal_the_function(tmp_path):
    from analysis.tables import _distinctive, _Tally

    corpus = pd.DataFrame([{"outlet": o, "text": t} for o, ts in TEXTS.items() for t in ts])
    tallies = {}
    for outlet, texts in corpus.groupby("outlet")["text"]:
        tallies.setdefault(outlet, _Tally()).add(texts)
    ours = _distinctive(tallies, corpus, min_articles=1, top=5, min_count=1)
    for outlet in TEXTS:
        expected = analysis.distinctive_terms(corpus, outlet, min_count=1).head(5)
        got = ours[ours["outlet"] == outlet].set_index("term")
        assert list(got.index) == list(expected.index)
        for col in ("count_a", "count_b", "delta", "var", "z"):
            assert ((got[col] - expected[col]).abs() < 1e-9).all(), col


def test_a_build_with_no_accepted_article_still_writes_every_table(tmp_path):
    path = tmp_path / "no_text.csv"
    path.write_text("id,outlet,headline\na,A,First\n")
    summary = build(path, tmp_path / "out", workers=1, quiet=True)
    assert (summary.n_articles, summary.n_rejected, summary.exit_code) == (0, 1, 3)
    for name in ("outlets", "terms", "framing", "target_sentiment", "speakers", "shared_quotes"):
        assert len(pd.read_parquet(tmp_path / "out" / f"{name}.parquet")) == 0
