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


def _tally(corpus, tmp_path, folder="spill"):
    from analysis.tallies import OutletTally, tally_chunk

    tally = OutletTally(tmp_path / folder)
    for start in range(0, len(corpus), 2):  # several chunks, as in a build
        part = corpus.iloc[start:start + 2]
        tally.add(tally_chunk(zip(part["outlet"], part["text"])))
    return tally


def test_distinctive_terms_from_tallies_equal_the_function(tmp_path):
    corpus = pd.DataFrame([{"outlet": o, "text": t} for o, ts in TEXTS.items() for t in ts])
    tally = _tally(corpus, tmp_path)
    _, ours = tally.term_tables(top_distinctive=5, min_articles=1, min_count=1)
    tally.close()
    for outlet in TEXTS:
        expected = analysis.distinctive_terms(corpus, outlet, min_count=1).head(5)
        got = ours[ours["outlet"] == outlet].set_index("term")
        assert list(got.index) == list(expected.index)
        for col in ("count_a", "count_b", "delta", "var", "z"):
            assert ((got[col] - expected[col]).abs() < 1e-9).all(), col


def test_top_terms_from_tallies_equal_term_frequency_with_ties_broken_by_term(tmp_path):
    # Many terms share a count, spread over buckets: the cut at `top` must follow (count desc, term).
    words = [f"w{i:03d}x{'y' * (i % 7)}" for i in range(120)]
    corpus = pd.DataFrame({"outlet": ["A", "A", "B"],
                           "text": [" ".join(words[:60]) + " common common.",
                                    " ".join(words[30:90]) + " common.", " ".join(words[::3])]})
    tally = _tally(corpus, tmp_path)
    terms, _ = tally.term_tables(top_terms=25, min_articles=1)
    tally.close()
    expected = analysis.term_frequency(corpus, ngram_range=(1, 2))
    expected = expected.sort_values(["group", "count", "term"], ascending=[True, False, True])
    expected = expected.groupby("group").head(25).reset_index(drop=True)
    assert terms[["group", "term", "count", "doc_freq"]].values.tolist() == \
        expected[["group", "term", "count", "doc_freq"]].values.tolist()
    assert ((terms["rate"] - expected["rate"]).abs() < 1e-9).all()


def test_term_buckets_scored_in_other_processes_give_the_same_tables(tmp_path, monkeypatch):
    from concurrent.futures import ProcessPoolExecutor

    import analysis.tallies as tallies

    monkeypatch.setattr(tallies, "_FLUSH_ROWS", 3)  # spill files written mid-way as well as at the end
    corpus = pd.DataFrame([{"outlet": o, "text": t} for o, ts in TEXTS.items() for t in ts] * 3)
    inline = _tally(corpus, tmp_path, "a")
    expected = inline.term_tables(top_terms=10, top_distinctive=5, min_articles=1, min_count=1)
    inline.close()
    other = _tally(corpus, tmp_path, "b")
    with ProcessPoolExecutor(2) as pool:
        got = other.term_tables(top_terms=10, top_distinctive=5, min_articles=1, min_count=1, map_fn=pool.map)
    assert not list((tmp_path / "b").glob("terms-*"))  # each job removed the spill file it read
    other.close()
    for ours, theirs in zip(got, expected):
        assert len(ours) > 0
        pd.testing.assert_frame_equal(ours, theirs)


def test_target_means_do_not_depend_on_how_articles_are_chunked(tmp_path):
    from analysis.tallies import ChunkTally, OutletTally

    summary = {"n_words": 5, "n_terms": 3, "labels": {}}
    hits = [{"ICE": [0.1]}, {"ICE": [0.2]}, {"ICE": [0.3]}]  # (0.1 + 0.2) + 0.3 != 0.1 + (0.2 + 0.3)

    def table(chunking, folder):
        tally = OutletTally(tmp_path / folder)
        for chunk in chunking:
            part = ChunkTally()
            for i in chunk:
                part.add_article("A", summary, hits[i], None)
            tally.add(part.finish())
        frame = tally.target_table()
        tally.close()
        return frame[frame["target"] == "ICE"]["mean_compound"].tolist()

    assert table([[0], [1, 2]], "a") == table([[0, 1, 2]], "b") == table([[0], [1], [2]], "c")


def test_outlet_tally_merges_aliases_and_skips_missing_outlets(tmp_path):
    corpus = pd.DataFrame({"outlet": ["Fox Online News", "Fox News", None],
                           "text": ["Illegal aliens.", "Migrants.", "Migrants."]})
    tally = _tally(corpus, tmp_path)
    framing = tally.framing_table()
    tally.close()
    assert set(framing["group"]) == {"Fox News"}
    assert framing.groupby("group")["n_articles"].first().to_dict() == {"Fox News": 2}


def test_a_build_with_no_accepted_article_still_writes_every_table(tmp_path):
    path = tmp_path / "no_text.csv"
    path.write_text("id,outlet,headline\na,A,First\n")
    summary = build(path, tmp_path / "out", workers=1, quiet=True)
    assert (summary.n_articles, summary.n_rejected, summary.exit_code) == (0, 1, 3)
    for name in ("outlets", "terms", "framing", "target_sentiment", "speakers", "shared_quotes"):
        assert len(pd.read_parquet(tmp_path / "out" / f"{name}.parquet")) == 0
