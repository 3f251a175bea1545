"""The build command: outputs, exit codes, strictness, lock, cache and determinism."""
from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest
from filelock import FileLock

from analysis import config
from analysis.pipeline import build
from analysis.storage import LOCK_NAME

BODY = "“We will vote next week,” Mayor Ann Lee said on Tuesday. The council agreed.\n\nResidents asked questions."
OUTPUTS = ["articles", "quotes", "comments", "removed", "rejects"]


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True, text=True,
                          cwd=config.PROJECT_ROOT, timeout=600)


def _corpus_with_rejects(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "ok", "outlet": "A", "text": BODY}),
        "{broken",
        json.dumps({"id": "null", "outlet": "B", "text": None}),
    ]) + "\n")
    return path


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("seed_out")
    summary = build(config.RAW_DIR, out, workers=1, quiet=True)
    return summary, out


def test_seed_build_writes_every_table(seed_build):
    summary, out = seed_build
    assert summary.exit_code == 0
    assert (summary.n_articles, summary.n_rejected, summary.n_read) == (5, 0, 5)
    for name in OUTPUTS:
        assert (out / f"{name}.parquet").exists()
    articles = pd.read_parquet(out / "articles.parquet")
    assert len(articles) == 5
    for col in ("quote_share", "compound", "flesch_kincaid_grade", "n_words", "text"):
        assert articles[col].notna().all(), col
    assert len(pd.read_parquet(out / "comments.parquet")) == 16
    info = json.loads((out / "build.json").read_text())
    assert info["n_read"] == 5 and "textstat" in info["versions"]


def test_outputs_are_readable_by_others(seed_build):
    _, out = seed_build
    assert (out / "articles.parquet").stat().st_mode & 0o044


def test_cli_exit_code_3_with_rejects_and_1_with_strict(tmp_path):
    corpus = _corpus_with_rejects(tmp_path)
    out = tmp_path / "out"
    res = _cli("build", "--corpus", str(corpus), "--out", str(out), "--workers", "1", "--quiet")
    assert res.returncode == 3, res.stderr
    assert "1 articles, 2 rejected of 3 read" in res.stdout
    rejects = pd.read_parquet(out / "rejects.parquet")
    assert sorted(rejects["record"]) == ["line 2", "null"]
    before = (out / "articles.parquet").read_bytes()

    # the strict build fails, says why, and leaves the previous outputs in place
    corpus.write_text(corpus.read_text().replace("council", "board"))
    res = _cli("build", "--corpus", str(corpus), "--out", str(out), "--workers", "1", "--quiet", "--strict")
    assert res.returncode == 1
    assert "--strict" in res.stderr and "Traceback" not in res.stderr
    assert (out / "articles.parquet").read_bytes() == before


def test_missing_corpus_fails_with_a_message_not_a_traceback(tmp_path):
    res = _cli("build", "--corpus", str(tmp_path / "nope"), "--out", str(tmp_path / "out"), "--quiet")
    assert res.returncode == 1
    assert "corpus not found" in res.stderr and "Traceback" not in res.stderr


def test_an_empty_corpus_fails_and_keeps_the_previous_outputs(seed_build, tmp_path):
    import shutil

    _, built = seed_build
    out = tmp_path / "out"
    shutil.copytree(built, out)
    before = (out / "articles.parquet").read_bytes()
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    res = _cli("build", "--corpus", str(empty), "--out", str(out), "--workers", "1", "--quiet")
    assert res.returncode == 1
    assert "holds no records" in res.stderr and "Traceback" not in res.stderr
    assert (out / "articles.parquet").read_bytes() == before


def test_second_build_on_a_locked_folder_stops_with_a_message(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with FileLock(str(out / LOCK_NAME)):
        res = _cli("build", "--out", str(out), "--workers", "1", "--quiet")
    assert res.returncode == 1
    assert "another build is writing" in res.stderr


def test_rebuild_reuses_the_cache_and_gives_identical_files(seed_build, tmp_path):
    summary, out = seed_build
    again = build(config.RAW_DIR, out, workers=1, quiet=True)
    assert again.n_cached == 5
    fresh = tmp_path / "fresh"
    build(config.RAW_DIR, fresh, workers=1, quiet=True, use_cache=False)
    for name in OUTPUTS:
        assert (out / f"{name}.parquet").read_bytes() == (fresh / f"{name}.parquet").read_bytes(), name


def test_two_workers_give_the_same_results_as_one(seed_build, tmp_path):
    _, out = seed_build
    two = tmp_path / "two"
    build(config.RAW_DIR, two, workers=2, quiet=True, use_cache=False, chunk_size=2)
    tables = sorted(p.name for p in out.glob("*.parquet"))
    assert set(OUTPUTS) | {"terms", "distinctive_terms", "outlets", "speakers", "shared_quotes"} <= {t.split(".")[0] for t in tables}
    assert tables == sorted(p.name for p in two.glob("*.parquet"))
    for name in tables:  # the row tables and the per-outlet tables written at the end
        pd.testing.assert_frame_equal(pd.read_parquet(out / name), pd.read_parquet(two / name), obj=name)


def test_shared_map_runs_the_queue_tail_in_the_caller_while_the_pool_is_busy():
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from analysis.pipeline import _shared_map

    started, release, caller = threading.Event(), threading.Event(), threading.get_ident()

    def job(x):
        if x == 0:  # the pool's only thread takes the first item and holds it...
            started.set()
            release.wait(10)
        else:  # ...until the caller, working from the back, reaches item 1
            started.wait(10)
            if x == 1:
                release.set()
        return x * 10, threading.get_ident() == caller

    with ThreadPoolExecutor(1) as pool:
        values, inline = zip(*_shared_map(pool, job, range(5)))
    assert values == (0, 10, 20, 30, 40)  # item order, wherever each ran
    assert inline == (False, True, True, True, True)


def _loaded_in_worker() -> tuple[int, int]:
    from analysis.syllables import cmu_syllables
    from analysis.tallies import _lexicons

    return cmu_syllables.cache_info().currsize, _lexicons.cache_info().currsize


def test_pool_workers_start_with_the_lexicons_loaded():
    """The fork server imports analysis.preload, so a worker's first article
    does not load the syllable table and the term lexicons again."""
    from analysis.pipeline import _pool_context

    with _pool_context().Pool(1) as pool:
        assert pool.apply(_loaded_in_worker) == (1, 1)


def test_workers_send_back_no_stage_outputs_that_nobody_stores():
    from analysis.pipeline import _work
    from analysis.records import RawRecord

    chunk = [(RawRecord("a", BODY, "test", outlet="A"), {}, None, True)]
    assert _work(chunk)[0][0].computed  # in the parent, which stores them
    assert _work(chunk, send_computed=False)[0][0].computed == {}


def test_unchanged_rebuild_is_up_to_date_and_a_changed_article_is_the_only_one_recomputed(tmp_path):
    import shutil

    corpus = tmp_path / "corpus"
    shutil.copytree(config.RAW_DIR, corpus)
    out = tmp_path / "out"
    first = build(corpus, out, workers=1, quiet=True)
    assert first.n_cached == 0 and not first.up_to_date
    again = build(corpus, out, workers=1, quiet=True)
    assert again.up_to_date and again.n_articles == 5
    target = corpus / "001_bee0bfbc00fc141b.txt"
    target.write_text(target.read_text(encoding="utf-8") + "\n\nA new closing sentence was added.", encoding="utf-8")
    changed = build(corpus, out, workers=1, quiet=True)
    assert not changed.up_to_date
    assert changed.n_cached == 4
    articles = pd.read_parquet(out / "articles.parquet").set_index("article_id")
    assert articles.loc["001_bee0bfbc00fc141b", "text"].endswith("A new closing sentence was added.")


def test_a_change_to_the_package_code_means_the_build_is_not_up_to_date(tmp_path, monkeypatch):
    # e.g. a fix in the outlet comparison: per-outlet tables must be rebuilt, articles come from the cache.
    import analysis.versions

    out = tmp_path / "out"
    build(config.RAW_DIR, out, workers=1, quiet=True)
    monkeypatch.setattr(analysis.versions, "code_version", lambda: "another-version")
    again = build(config.RAW_DIR, out, workers=1, quiet=True)
    assert not again.up_to_date and again.n_cached == 5
    assert build(config.RAW_DIR, out, workers=1, quiet=True).up_to_date


def test_worker_processes_read_the_cache_themselves(tmp_path):
    """With 2 workers the parent sends no cached outputs: the workers read them,
    and the rebuild equals a build from scratch."""
    import shutil

    corpus = tmp_path / "corpus"
    shutil.copytree(config.RAW_DIR, corpus)
    out = tmp_path / "out"
    build(corpus, out, workers=2, quiet=True, chunk_size=2)
    target = corpus / "002_bf6db8e22a45f354.txt"
    target.write_text(target.read_text(encoding="utf-8") + "\n\nOne more line of text.", encoding="utf-8")
    changed = build(corpus, out, workers=2, quiet=True, chunk_size=2)
    assert changed.n_cached == 4 and changed.n_articles == 5
    from analysis.pipeline import _WORKER_CACHES

    assert not _WORKER_CACHES  # the parent measured the first chunk itself, and closed its connection after
    fresh = tmp_path / "fresh"
    build(corpus, fresh, workers=1, quiet=True, use_cache=False)
    for name in OUTPUTS:
        pd.testing.assert_frame_equal(pd.read_parquet(out / f"{name}.parquet"), pd.read_parquet(fresh / f"{name}.parquet"))


def test_a_stage_version_follows_its_code_and_data_and_nothing_else(tmp_path, monkeypatch):
    import shutil

    from analysis import article, config

    def versions():
        article.stage_version.cache_clear()
        return {name: article.stage_version(name) for name in article.STAGES}

    before = versions()
    data = tmp_path / "data"
    shutil.copytree(config.PACKAGE_DATA_DIR, data)
    monkeypatch.setattr(config, "PACKAGE_DATA_DIR", data)
    assert versions() == before  # same content, same versions
    with open(data / "reporting_verbs.txt", "a", encoding="utf-8") as fh:
        fh.write("\nopined\n")
    after = versions()
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {"quotes", "sentiment"}  # sentiment reads the quotes (narration vs speech)
    monkeypatch.undo()
    article.stage_version.cache_clear()


def test_every_article_column_the_package_makes_has_a_fixed_type():
    from analysis.article import analyse
    from analysis.output_schemas import TABLE_SCHEMAS
    from analysis.records import RawRecord

    row = analyse(RawRecord("a", BODY, "test"), {}).row
    assert set(row) <= set(TABLE_SCHEMAS["articles"].names), set(row) - set(TABLE_SCHEMAS["articles"].names)


def test_articles_columns_are_fixed_by_the_first_chunk_of_records(tmp_path):
    # Fields first seen after the first chunk go into `extra`; records rejected while reading fix nothing.
    lines = ["{broken", json.dumps({"id": "no-text", "outlet": "A"})]
    lines += [json.dumps({"id": f"r{i}", "outlet": "A", "text": BODY, **({"topic": "t"} if i == 1 else {}),
                          **({"desk": "metro"} if i == 3 else {})}) for i in range(1, 5)]
    (tmp_path / "c.jsonl").write_text("\n".join(lines) + "\n")
    build(tmp_path / "c.jsonl", tmp_path / "out", workers=1, quiet=True, use_cache=False, chunk_size=2)
    articles = pd.read_parquet(tmp_path / "out" / "articles.parquet")
    assert articles["topic"].fillna("-").tolist() == ["t", "-", "-", "-"]
    assert "desk" not in articles and json.loads(articles["extra"][2]) == {"desk": "metro"}
    assert articles["n_sentences_quotes"].dtype == "int64"


def test_dask_work_writes_its_parts_and_sends_back_no_rows(tmp_path):
    from analysis.errors import BuildError
    from analysis.output_schemas import TABLE_SCHEMAS
    from analysis.parquet_parts import table_schema
    from analysis.pipeline import _work_to_parts
    from analysis.records import RawRecord

    chunk = [(RawRecord("a", BODY, "test", outlet="A"), {}, None, True)]
    schema = table_schema(TABLE_SCHEMAS["articles"], [])
    results, _, row_tables = _work_to_parts(chunk, 7, tmp_path, schema)
    assert list(results[0].row) == ["n_words"] and row_tables == {}
    assert pd.read_parquet(tmp_path / "articles.parquet")["n_words"].tolist() == [results[0].row["n_words"]]
    for name in ("articles", "quotes"):
        assert [p.name for p in (tmp_path / f"{name}.parquet").iterdir()] == ["part-00000007.parquet"]
    assert not (tmp_path / "comments.parquet").exists()  # no rows, no part
    assert pd.read_parquet(tmp_path / "quotes.parquet")["speaker"].tolist() == ["Ann Lee"]
    with pytest.raises(BuildError, match="cannot see the output folder"):
        _work_to_parts(chunk, 8, tmp_path / "not-shared", schema)


def test_end_tables_read_a_row_table_in_order_part_by_part(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from analysis.tables import _row_parts

    rows = pa.table({"n": list(range(7)), "s": list("abcdefg")})
    with pq.ParquetWriter(tmp_path / "one.parquet", rows.schema) as writer:  # a row group per chunk, as a build
        for start in (0, 3, 5):
            writer.write_table(rows.slice(start, 3 if start == 0 else 2))
    (tmp_path / "parts.parquet").mkdir()  # the Dask engine's layout
    pq.write_table(rows.slice(0, 4), tmp_path / "parts.parquet" / "part-00000000.parquet")
    pq.write_table(rows.slice(4), tmp_path / "parts.parquet" / "part-00000001.parquet")
    for name in ("one.parquet", "parts.parquet"):
        for size in (1, 2, 4, 100):
            parts = list(_row_parts(tmp_path / name, ["n"], size))
            assert sum((t.column("n").to_pylist() for t in parts), []) == list(range(7))
            assert all(t.column_names == ["n"] for t in parts)
        assert len(parts) == 1  # size 100: row groups and files held together as one part
        assert len(list(_row_parts(tmp_path / name, ["n"], 1))) == 7


def _bench_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_pipeline", config.PROJECT_ROOT / "benchmarks" / "bench_pipeline.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return bench


@pytest.mark.skipif(not __import__("os").path.isdir("/proc/self"), reason="needs Linux /proc")
def test_benchmark_memory_sampler_sees_grandchild_processes():
    import os
    import time

    bench = _bench_module()
    # A child that starts a grandchild, as the build's fork server starts the workers.
    child = subprocess.Popen([sys.executable, "-c", "import subprocess,sys;"
                              "subprocess.run([sys.executable,'-c','import time;time.sleep(30)'])"])
    try:
        for _ in range(100):
            sizes = bench._tree_rss_mb(os.getpid())
            if len(sizes) >= 3:
                break
            time.sleep(0.05)
        assert {os.getpid(), child.pid} <= set(sizes) and len(sizes) >= 3
        assert all(mb > 1 for mb in sizes.values())
    finally:
        for pid in bench._tree_rss_mb(child.pid):
            os.kill(pid, 9)
        child.wait()


def test_benchmark_changed_copy_changes_the_same_one_percent(tmp_path):
    import gzip

    bench = _bench_module()
    corpus = tmp_path / "c.jsonl.gz"
    rows = [{"id": f"a{i}", "outlet": "O", "text": f"Article {i}."} for i in range(300)]
    with gzip.open(corpus, "wt", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r) + "\n" for r in rows)

    def texts(path):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return [json.loads(line)["text"] for line in fh]

    first = texts(bench.changed_copy(corpus, tmp_path / "x.jsonl.gz"))
    again = texts(bench.changed_copy(corpus, tmp_path / "y.jsonl.gz"))
    changed = [i for i, (old, new) in enumerate(zip(texts(corpus), first)) if old != new]
    assert len(first) == 300 and len(changed) == 3 and first == again
    assert all(first[i] == f"Article {i}.{bench.ADDED}" for i in changed)
    plain = tmp_path / "c.jsonl"  # not gzip'd, and changed in place (as the sample rebuild does)
    plain.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    bench.changed_copy(plain, plain)
    assert [json.loads(line)["text"] for line in plain.read_text(encoding="utf-8").splitlines()] == first
