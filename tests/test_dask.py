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


@pytest.mark.slow
def test_dask_workers_read_sharded_input_with_the_local_engine_s_results(tmp_path):
    """Shards of JSON Lines, gzip'd JSON Lines and Parquet are read on the workers; a repeated id
    in a later shard and a broken line are rejected as the local engine rejects them."""
    import gzip
    import json

    def rec(i: int, **extra) -> dict:
        return {"id": f"r{i}", "outlet": "AB"[i % 2], "text": f"“We will vote on item {i},” Ann Lee said. "
                f"The council met on Tuesday and agreed to item {i}.", **extra}

    shards = tmp_path / "shards"
    shards.mkdir()
    (shards / "part-1.jsonl").write_text("\n".join([json.dumps(rec(1, topic="x")), "{broken", json.dumps(rec(2))]) + "\n")
    pd.DataFrame([rec(3), rec(1), rec(4)]).to_parquet(shards / "part-2.parquet")  # r1 again: a duplicate
    with gzip.open(shards / "part-3.jsonl.gz", "wt") as fh:
        fh.write("\n".join(json.dumps(rec(i, desk="metro")) for i in range(5, 9)) + "\n")
    # Chunks of 4 span shards (as when the parent reads); the articles' columns come from the first chunk.
    local = build(shards, tmp_path / "local", workers=1, quiet=True, use_cache=False, chunk_size=4)
    dask = build(shards, tmp_path / "dask", engine="dask", workers=2, quiet=True, use_cache=False, chunk_size=4)
    assert (dask.n_articles, dask.n_rejected) == (local.n_articles, local.n_rejected) == (8, 2)
    for name in TABLES:
        pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "local" / f"{name}.parquet"),
                                      pd.read_parquet(tmp_path / "dask" / f"{name}.parquet"), obj=name)
    rejects = pd.read_parquet(tmp_path / "dask" / "rejects.parquet")
    assert rejects["reason"].str.contains("duplicate article_id").sum() == 1
    articles = pd.read_parquet(tmp_path / "dask" / "articles.parquet")
    assert "topic" in articles and "desk" not in articles and articles["extra"].notna().sum() == 4


@pytest.mark.slow
def test_dask_build_reuses_the_cache_and_equals_a_fresh_build(tmp_path):
    import json

    corpus = tmp_path / "shards"  # read by the workers
    corpus.mkdir()
    lines = [json.dumps({"id": f"r{i}", "outlet": "AB"[i % 2], "text": f"“Item {i} passed,” Ann Lee said. The vote was close."})
             for i in range(6)]
    (corpus / "a.jsonl").write_text("\n".join(lines[:3]) + "\n")
    (corpus / "b.jsonl").write_text("\n".join(lines[3:]) + "\n")
    out = tmp_path / "out"
    build(corpus, out, engine="dask", workers=2, quiet=True, chunk_size=2)
    lines[2] = lines[2].replace("The vote was close.", "The vote was not close.")
    (corpus / "a.jsonl").write_text("\n".join(lines[:3]) + "\n")
    again = build(corpus, out, engine="dask", workers=2, quiet=True, chunk_size=2)
    assert again.n_cached == 5
    fresh = build(corpus, tmp_path / "fresh", workers=1, quiet=True, use_cache=False)
    assert fresh.n_articles == again.n_articles
    for name in TABLES:
        pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "fresh" / f"{name}.parquet"),
                                      pd.read_parquet(out / f"{name}.parquet"), obj=name)


@pytest.mark.slow
def test_a_damaged_shard_read_on_a_worker_fails_the_build_with_the_reader_s_message(tmp_path):
    import gzip
    import json

    from analysis.errors import CorpusError

    shards = tmp_path / "shards"
    shards.mkdir()
    (shards / "a.jsonl").write_text(json.dumps({"id": "a", "text": "The council met on Tuesday."}) + "\n")
    data = gzip.compress(b"\n".join(json.dumps({"id": f"b{i}", "text": "Words here."}).encode() for i in range(200)))
    (shards / "b.jsonl.gz").write_bytes(data[: len(data) // 2])  # cut short
    with pytest.raises(CorpusError) as local:
        build(shards, tmp_path / "local", workers=1, quiet=True, use_cache=False)
    with pytest.raises(CorpusError) as dask:
        build(shards, tmp_path / "dask", engine="dask", workers=2, quiet=True, use_cache=False)
    assert str(dask.value) == str(local.value) and "b.jsonl.gz" in str(dask.value)
    assert not (tmp_path / "dask" / "articles.parquet").exists() and not list((tmp_path / "dask").glob(".staging-*"))


def test_a_worker_that_cannot_read_an_input_file_says_so(tmp_path):
    from analysis.dask_engine import _read
    from analysis.errors import CorpusError

    with pytest.raises(CorpusError, match="cannot read .*missing.jsonl.*file system the workers share"):
        _read(tmp_path / "missing.jsonl", None)


@pytest.mark.slow
def test_cli_dask_build_keeps_dask_s_start_up_notes_off_the_terminal(tmp_path):
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-m", "analysis", "build", "--engine", "dask", "--workers", "2",
                          "--out", str(tmp_path / "out"), "--quiet"],
                         capture_output=True, text=True, cwd=config.PROJECT_ROOT, timeout=600)
    assert run.returncode == 0, run.stderr
    assert run.stderr == "" and run.stdout.startswith("built ")
