"""Loading corpora: formats, column names, encodings, manifests, rejects."""
from __future__ import annotations

import codecs
import gzip
import json
import os

import pandas as pd
import pytest

import analysis
from analysis import config
from analysis.decoding import decode_bytes
from analysis.errors import CorpusError, RecordError
from analysis.readers import iter_records
from analysis.records import RawRecord, Reject, parse_date

BODY = "The council met on Tuesday. “We will vote next week,” the mayor said.\n\nResidents asked questions."


def _write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def _accepted(items):
    return [i for i in items if isinstance(i, RawRecord)]


def _rejected(items):
    return [i for i in items if isinstance(i, Reject)]


# --- folders -----------------------------------------------------------------

def test_folder_without_manifest_uses_file_names_and_unknown_outlet(tmp_path):
    _write(tmp_path / "b.txt", BODY)
    _write(tmp_path / "a.txt", BODY)
    df = analysis.load_corpus(tmp_path)
    assert list(df["article_id"]) == ["a", "b"]
    assert set(df["outlet"]) == {"unknown"}
    assert df.attrs["n_read"] == 2 and len(df.attrs["rejects"]) == 0


def test_manifest_gives_metadata_and_unlisted_files_still_load(tmp_path):
    _write(tmp_path / "one.txt", BODY)
    _write(tmp_path / "two.txt", BODY.replace("Tuesday", "Friday"))
    (tmp_path / "manifest.csv").write_text(
        "file,article_id,outlet,date,title,author,url\none.txt,first,The Daily,2024-12-19,Council,Ann Lee,http://x\n"
    )
    df = analysis.load_corpus(tmp_path).set_index("article_id")
    assert df.loc["first", "outlet"] == "The Daily"
    assert df.loc["first", "date"] == pd.Timestamp("2024-12-19")
    assert df.loc["first", "author"] == "Ann Lee"
    assert df.loc["two", "outlet"] == "unknown"
    assert pd.isna(df.loc["two", "date"])


def test_load_result_columns(tmp_path):
    _write(tmp_path / "a.txt", BODY)
    df = analysis.load_corpus(tmp_path)
    for col in ["article_id", "outlet", "date", "title", "author", "url", "raw_text", "text", "n_words"]:
        assert col in df.columns
    assert df.loc[0, "n_words"] == analysis.count_words(df.loc[0, "text"]) > 10


@pytest.mark.parametrize("name", ["../../etc/passwd", "/etc/passwd", "missing.txt"])
def test_manifest_paths_outside_or_missing_are_rejected(tmp_path, name):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _write(corpus / "ok.txt", BODY)
    (corpus / "manifest.csv").write_text(f"file,outlet\nok.txt,A\n{name},B\n")
    items = list(iter_records(corpus))
    assert len(_accepted(items)) == 1
    (rej,) = _rejected(items)
    assert rej.source == name
    assert any(word in rej.reason for word in ("outside", "absolute", "does not exist", "leaves"))


def test_symlink_leaving_the_folder_is_rejected(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    secret = _write(tmp_path / "secret.txt", "Not part of the corpus at all.")
    os.symlink(secret, corpus / "link.txt")
    (corpus / "manifest.csv").write_text("file,outlet\nlink.txt,A\n")
    items = list(iter_records(corpus))
    assert _accepted(items) == []
    assert "outside the corpus folder" in _rejected(items)[0].reason


def test_duplicate_ids_keep_the_first_and_reject_the_rest(tmp_path):
    path = tmp_path / "c.jsonl"
    rows = [{"id": "x", "text": BODY}, {"id": "x", "text": BODY + " More."}, {"id": "y", "text": BODY}]
    path.write_text("\n".join(json.dumps(r) for r in rows))
    items = list(iter_records(path))
    assert [r.article_id for r in _accepted(items)] == ["x", "y"]
    assert "duplicate article_id" in _rejected(items)[0].reason


# --- encodings -----------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])
def test_text_files_in_common_encodings_decode(tmp_path, encoding):
    text = "Café owners said the “plan” — costing €5 — was fine." if encoding != "latin-1" else "Café owners said the plan was fine."
    _write(tmp_path / "a.txt", text, encoding)
    (rec,) = list(iter_records(tmp_path))
    assert isinstance(rec, RawRecord)
    assert rec.raw_text == text


def test_invalid_utf8_in_the_middle_is_a_reject_with_the_byte_offset(tmp_path):
    (tmp_path / "a.txt").write_bytes("Good “start”. ".encode() + b"\xff\xfe\xfa" + " end.".encode())
    (rej,) = list(iter_records(tmp_path))
    assert isinstance(rej, Reject) and "invalid UTF-8 at byte" in rej.reason


def test_binary_file_named_txt_is_rejected(tmp_path):
    (tmp_path / "a.txt").write_bytes(bytes(range(256)) * 10)
    (rej,) = list(iter_records(tmp_path))
    assert "binary" in rej.reason


def test_decode_bom_variants():
    assert decode_bytes(codecs.BOM_UTF16_BE + "hé".encode("utf-16-be")) == ("hé", "utf-16")
    with pytest.raises(RecordError):
        decode_bytes(codecs.BOM_UTF8 + b"\xff\xff")


# --- table formats -------------------------------------------------------------

def test_jsonl_gz_with_common_column_names(tmp_path):
    path = tmp_path / "c.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"article_id": "1", "publisher": "Outlet A", "content": BODY, "authors": ["A", "B"]}) + "\n")
        fh.write(json.dumps({"article_id": "2", "publisher": "Outlet B", "content": BODY}) + "\n")
    df = analysis.load_corpus(path)
    assert list(df["outlet"]) == ["Outlet A", "Outlet B"]
    assert df.loc[0, "author"] == "A; B"


@pytest.mark.parametrize("suffix", [".jsonl.gz", ".csv.gz"])
def test_a_damaged_or_truncated_gzip_fails_with_a_clear_message(tmp_path, suffix):
    whole = tmp_path / f"whole{suffix}"
    with gzip.open(whole, "wt", encoding="utf-8") as fh:
        if suffix == ".csv.gz":
            fh.write("id,text\n")
        for i in range(3000):  # enough that a cut falls after some complete records
            text = f"Article {i} says {i * 7919 % 10007} things. " * 8
            fh.write(json.dumps({"id": str(i), "text": text}) + "\n" if suffix == ".jsonl.gz" else f"{i},{text}\n")
    cut = tmp_path / f"cut{suffix}"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    with pytest.raises(CorpusError, match=r"cut\.\w+\.gz is damaged or cut short .* after (line|row) \d+; copy"):
        list(iter_records(cut))
    junk = tmp_path / f"junk{suffix}"
    junk.write_bytes(b"this is not gzip data")
    with pytest.raises(CorpusError, match="damaged or cut short .* at its start"):
        list(iter_records(junk))
    assert sum(1 for _ in iter_records(whole)) == 3000


def test_malformed_json_lines_and_null_text_are_rejected_not_fatal(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "1", "text": BODY}),
        '{"id": "2", "text": "unterminated',
        json.dumps({"id": "3", "text": None}),
        json.dumps([1, 2]),
        json.dumps({"id": "5", "text": "   "}),
        json.dumps({"id": "6", "text": BODY}),
    ]))
    result = analysis.load.read_corpus(path)
    assert list(result.articles["article_id"]) == ["1", "6"]
    reasons = dict(zip(result.rejects["record"], result.rejects["reason"]))
    assert reasons["line 2"].startswith("not valid JSON")
    assert reasons["3"] == "text is null"
    assert "not an object" in reasons["line 4"]
    assert "empty" in reasons["5"]
    assert result.n_read == len(result.articles) + len(result.rejects) == 6


def test_csv_with_configured_columns(tmp_path):
    path = tmp_path / "c.csv"
    pd.DataFrame({"story": [BODY], "paper": ["Gazette"], "key": ["k1"]}).to_csv(path, index=False)
    df = analysis.load_corpus(path, columns={"text": "story", "outlet": "paper", "article_id": "key"})
    assert (df.loc[0, "article_id"], df.loc[0, "outlet"]) == ("k1", "Gazette")


def test_csv_without_a_text_column_rejects_every_row_with_the_columns_named(tmp_path):
    path = tmp_path / "c.csv"
    pd.DataFrame({"headline": ["a", "b"], "outlet": ["X", "Y"]}).to_csv(path, index=False)
    result = analysis.load.read_corpus(path)
    assert len(result.articles) == 0 and len(result.rejects) == 2
    assert "no text column" in result.rejects.loc[0, "reason"] and "headline" in result.rejects.loc[0, "reason"]


def test_parquet_source_keeps_extra_columns(tmp_path):
    path = tmp_path / "c.parquet"
    pd.DataFrame({"id": ["a", "b"], "source": ["S1", "S2"], "body": [BODY, BODY], "topic": ["x", "y"]}).to_parquet(path)
    df = analysis.load_corpus(path)
    assert list(df["topic"]) == ["x", "y"] and list(df["outlet"]) == ["S1", "S2"]


def test_unknown_format_and_missing_path_raise_corpus_error(tmp_path):
    with pytest.raises(CorpusError, match="not found"):
        analysis.load_corpus(tmp_path / "nope")
    (tmp_path / "x.docx").write_text("x")
    with pytest.raises(CorpusError, match="unknown corpus format"):
        analysis.load_corpus(tmp_path / "x.docx")


def test_oversized_text_is_rejected_with_the_limit(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"id": "big", "text": "word " * 1000}))
    (rej,) = list(iter_records(path, max_chars=1000))
    assert "over the 1,000 limit" in rej.reason


def test_html_page_is_converted_to_its_text(tmp_path):
    page = ("<!DOCTYPE html><html><head><title>T</title><script>alert(1)</script></head><body>"
            "<nav>Home | News</nav><p>The council met on Tuesday.</p><p>Residents asked questions.</p></body></html>")
    _write(tmp_path / "a.txt", page)
    (rec,) = list(iter_records(tmp_path))
    assert rec.raw_text == "The council met on Tuesday.\n\nResidents asked questions."
    assert rec.notes == ["converted from HTML"]


@pytest.mark.parametrize("raw,expected", [
    ("2024-12-19", "2024-12-19"), ("December 17, 2024", "2024-12-17"), ("17 Dec 2024", "2024-12-17"),
    ("2024-12-19T23:30:00-05:00", "2024-12-20"), ("Tue, 17 Dec 2024 10:00:00 GMT", "2024-12-17"),
    ("1734393600", "2024-12-17"),
])
def test_dates_in_common_formats(raw, expected):
    assert parse_date(raw).date().isoformat() == expected


@pytest.mark.parametrize("raw", ["", "soon", None, "99/99/9999", float("nan")])
def test_unreadable_dates_become_missing(raw):
    assert parse_date(raw) is None


# --- the seeds and the shared corpora -------------------------------------------

SEED_OUTLETS = {
    "000_67424bb034ea768d": "Breitbart News",
    "001_bee0bfbc00fc141b": "Headline USA",
    "002_bf6db8e22a45f354": "Law Enforcement Today",
    "003_2b845ccd4e3005e7": "Fox News",
    "004_6e7dbfefe121c6fa": "unknown",
}


def test_seed_corpus_loads_with_the_outlets_of_sources_md():
    df = analysis.load_corpus(config.RAW_DIR)
    assert dict(zip(df["article_id"], df["outlet"])) == SEED_OUTLETS
    assert len(df.attrs["rejects"]) == 0
    dates = dict(zip(df["article_id"], df["date"]))
    assert dates["000_67424bb034ea768d"] == pd.Timestamp("2024-12-19")
    assert dates["001_bee0bfbc00fc141b"] == pd.Timestamp("2024-12-20")


def test_raw_seed_files_are_the_shared_seeds_unchanged():
    seeds = config.SHARED_DIR / "seeds"
    if not seeds.exists():
        pytest.skip("../shared/seeds not present (only developers and CI have it)")
    for path in sorted(seeds.glob("*.txt")):
        assert (config.RAW_DIR / path.name).read_bytes() == path.read_bytes()


needs_shared = pytest.mark.skipif(not config.CORPORA_DIR.exists(),
                                  reason="../shared/corpora not present (only developers and CI have it)")


@needs_shared
@pytest.mark.parametrize("name,count", [("polnear_dev.jsonl.gz", 84), ("polnear_train.jsonl.gz", 840)])
def test_polnear_files_load(name, count):
    items = list(iter_records(config.CORPORA_DIR / name))
    assert len(_accepted(items)) == count


@needs_shared
def test_allsides_streams_every_record():
    n = sum(1 for _ in iter_records(config.CORPORA_DIR / "allsides.jsonl.gz"))
    assert n == 37_554


def test_sharded_corpus_folder_and_glob_read_every_shard_in_order(tmp_path):
    shards = tmp_path / "shards"
    shards.mkdir()
    for i in range(3):
        (shards / f"part-{i}.jsonl").write_text(json.dumps({"id": f"a{i}", "text": BODY}) + "\n")
    assert [r.article_id for r in iter_records(shards)] == ["a0", "a1", "a2"]
    assert [r.article_id for r in iter_records(shards / "part-[12].jsonl")] == ["a1", "a2"]
    with pytest.raises(CorpusError, match="no files match"):
        list(iter_records(shards / "nothing-*.jsonl"))


@pytest.mark.parametrize("text", ["2016-09-20", "2016-09-20T10:11:12", "2016-09-20 10:11", "2016-09-20T10:11:12Z",
                                  "2016-09-20T22:11:12-0500", "2016-09-20T10:11:12.5+02:00", "2016-02-30",
                                  "0001-01-01", "2016-09-20T24:00"])
def test_iso_dates_read_on_the_fast_path_equal_dateutil(text):
    import datetime as dt

    from dateutil import parser

    try:
        stamp = pd.Timestamp(parser.parse(text, default=dt.datetime(1900, 1, 1)))
        if stamp.tzinfo is not None:
            stamp = stamp.tz_convert("UTC").tz_localize(None)
        expected = stamp.to_pydatetime() if pd.Timestamp("1678-01-01") <= stamp < pd.Timestamp("2262-01-01") else None
    except ValueError:
        expected = None
    assert parse_date(text) == expected
