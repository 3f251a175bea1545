"""The Dask engine gives the same tables as the local engine."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import config
from analysis.pipeline import build

pytest.importorskip("dask.distributed", reason="the dask extra is not installed (pip install -e '.[dask]')")

TABLES = ["articles", "quotes", "comments", "removed", "rejects", "outlets", "terms", "framing"]


@pytest.mark.slow
def test_local_cluster_with_two_workers_matches_the_local_engine(tmp_path):
    local = build(config.RAW_DIR, tmp_path / "local", workers=1, quiet=True, use_cache=False)
    dask = build(config.RAW_DIR, tmp_path / "dask", engine="dask", workers=2, quiet=True,
                 use_cache=False, chunk_size=2)
    assert (dask.n_articles, dask.n_rejected) == (local.n_articles, local.n_rejected) == (5, 0)
    for name in TABLES:
        pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "local" / f"{name}.parquet"),
                                      pd.read_parquet(tmp_path / "dask" / f"{name}.parquet"), obj=name)


def test_unknown_engine_is_a_clear_error(tmp_path):
    from analysis.errors import AnalysisError

    with pytest.raises(AnalysisError, match="unknown engine"):
        build(config.RAW_DIR, tmp_path / "x", engine="spark", workers=1, quiet=True)


@pytest.mark.slow
def test_dask_writes_tables_in_parts_that_read_back_as_the_local_tables(tmp_path):
    import json

    body = ("The mayor spoke on Tuesday. \u201cWe will build the bridge,\u201d she said. "
            "Residents were pleased with the plan, and Ann Lee said the council agreed.")
    lines = ["{broken", json.dumps({"id": "no-text", "outlet": "A"})]  # a first chunk of rejects only
    lines += [json.dumps({"id": f"r{i}", "outlet": "AB"[i % 2], "text": f"{body} Item {i} came up.",
                          **({"topic": f"t{i}"} if i > 4 else {})}) for i in range(7)]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(lines) + "\n")
    local = build(corpus, tmp_path / "local", workers=1, quiet=True, use_cache=False, chunk_size=2)
    out = tmp_path / "dask"
    dask = build(corpus, out, engine="dask", workers=2, quiet=True, use_cache=False, chunk_size=2)
    assert (dask.n_articles, dask.n_rejected) == (local.n_articles, local.n_rejected) == (7, 2)
    # One part per chunk with rows; the chunk of rejects writes none.
    assert sorted(p.name for p in (out / "articles.parquet").iterdir()) == [f"part-{i:08d}.parquet" for i in (1, 2, 3, 4)]
    for name in TABLES:
        pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "local" / f"{name}.parquet"),
                                      pd.read_parquet(out / f"{name}.parquet"), obj=name)
    # The same folder built again by the local engine: files replace the datasets, nothing is left behind.
    build(corpus, out, workers=1, quiet=True, use_cache=False)
    assert (out / "articles.parquet").is_file() and not list(out.glob(".*.old"))
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "local" / "quotes.parquet"),
                                  pd.read_parquet(out / "quotes.parquet"))
