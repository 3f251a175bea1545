"""Whole builds over broken and hostile input: every record processed or rejected with a reason.

One folder corpus (with a manifest), one JSON Lines file and one CSV, each built
with ``analysis.pipeline.build`` and with ``python -m analysis build``. Every
case names the outcome it must get: processed, or rejected with a reason that
contains the given words. accepted + rejected = records read, nothing from
outside the corpus folder is read, and article text is stored byte for byte
(never evaluated as a template, a shell string or markup).
"""
from __future__ import annotations

import codecs
import csv
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from analysis import config
from analysis.load import read_corpus
from analysis.pipeline import build

BODY = "“We will vote next week,” Mayor Ann Lee said on Tuesday. The council agreed.\n\nResidents asked questions."
HOSTILE = ("The mayor said “{{7*7}}” and ${HOME} today. $(rm -rf /) `id` __import__('os').system('id') "
           "<script>alert(1)</script> %s %n {0.__class__} <img src=x onerror=alert(1)> ']); DROP TABLE articles;--")
HTML_PAGE = ("<!DOCTYPE html><html><head><title>Council</title><script>var tracker = 1;</script>"
             "<style>p {color: red}</style></head><body><nav>Home | World | Sports</nav>"
             "<p>The council met on Tuesday.</p><p>“We will vote next week,” the mayor said.</p>"
             "<footer>Copyright 2024</footer></body></html>")
SECRET = "TOP-SECRET-OUTSIDE-THE-CORPUS"
HUGE_CHARS = 20_000_000
PROCESSED = "processed"


@dataclass(frozen=True)
class Case:
    """One record and the outcome it must get: PROCESSED or words of the reject reason."""

    record: str
    expect: str


def _cases(*pairs: tuple[str, str]) -> list[Case]:
    return [Case(record, expect) for record, expect in pairs]


# --- the three corpora -------------------------------------------------------------

FOLDER_CASES = _cases(
    ("empty", "text is empty or only whitespace"),
    ("whitespace", "text is empty or only whitespace"),
    ("binary", "binary data, not text"),
    ("cp1252", PROCESSED),
    ("latin1", PROCESSED),
    ("utf16", PROCESSED),
    ("utf8_bom", PROCESSED),
    ("broken_utf8", "invalid UTF-8 at byte 21"),
    ("html_page", PROCESSED),
    ("huge", "over the limit for one article"),
    ("no_punctuation", PROCESSED),
    ("one_sentence", PROCESSED),
    ("only_quote_marks", "no words left in the article body"),
    ("unbalanced_marks", PROCESSED),
    ("control_zero_width", PROCESSED),
    ("rtl_emoji", PROCESSED),
    ("hostile", PROCESSED),
    ("date_dmy", PROCESSED),
    ("date_tz", PROCESSED),
    ("date_words", PROCESSED),
    ("date_epoch", PROCESSED),
    ("date_garbage", PROCESSED),
    ("date_none", PROCESSED),
    ("dup", PROCESSED),  # the first of two rows with id "dup"; the second is checked on its own
    ("missing", "does not exist"),
    ("traversal", "path leaves the corpus folder (../../etc/passwd)"),
    ("traversal_existing", "path outside the corpus folder (../outside/secret.txt)"),
    ("absolute", "absolute path"),
    ("symlink_out", "symbolic link that points outside the corpus folder"),
    ("link_unlisted", "symbolic link that points outside the corpus folder"),
    ("manifest row 32", "manifest row has no file name"),
)


def _folder_corpus(root: Path) -> Path:
    corpus = root / "folder"
    corpus.mkdir()
    outside = root / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(f"{SECRET} The council met.")
    files: dict[str, bytes] = {
        "empty": b"",
        "whitespace": b"  \n\t\r\n   \n",
        "binary": bytes(range(256)) * 8,
        "cp1252": "The café’s owner said “no” twice — and left.".encode("cp1252"),
        "latin1": "Herr Müller sagte in Zürich: « Ça va », à bientôt.".encode("latin-1"),
        "utf16": BODY.encode("utf-16"),
        "utf8_bom": codecs.BOM_UTF8 + BODY.encode("utf-8"),
        # "Le café est fermé. " is 21 bytes in UTF-8; byte 21 starts an invalid sequence
        "broken_utf8": "Le café est fermé. ".encode() + b"\xc3\x28 \xff and more text." + "Déjà vu.".encode(),
        "html_page": HTML_PAGE.encode(),
        "huge": (b"The council met again and again. " * (HUGE_CHARS // 33 + 1))[:HUGE_CHARS],
        "no_punctuation": ("the council met and the mayor said we will vote next week and residents "
                           "asked questions about the budget " * 300).encode(),
        "one_sentence": ("and the council said that the mayor would vote, " * 4000).encode(),
        "only_quote_marks": ("“”‘’\"'«»„‟" * 200).encode(),
        "unbalanced_marks": "“He said “yes. She said ” no\" and ‘maybe. \"Really,” they said ’ .\n\n“Open".encode(),
        "control_zero_width": ("The\u200b council\u200b met\x07 on Tuesday.\x0c The mayor\u200d said "
                               "\u201cyes.\u201d\u2028Next\ufeff week\u00ad they vote.\x1b[31m").encode(),
        "rtl_emoji": ("قال رئيس البلدية: «سنصوت الأسبوع المقبل». 🗳️🇺🇸 The mayor said “we vote” 😀👍🏽. "
                      "ראש העיר אמר שלום. \u202eevil\u202c text.").encode(),
        "hostile": HOSTILE.encode(),
    }
    dates = {"date_dmy": "17/12/2024", "date_tz": "2024-12-17T23:30:00-05:00",
             "date_words": "Tuesday, Dec. 17th, 2024", "date_epoch": "1734393600",
             "date_garbage": "the day after the storm", "date_none": ""}
    for name in dates:
        files[name] = BODY.replace("Tuesday", name).encode()
    files["dup"] = BODY.encode()
    files["dup_second"] = BODY.replace("council", "board").encode()
    for name, data in files.items():
        (corpus / f"{name}.txt").write_bytes(data)
    os.symlink(outside / "secret.txt", corpus / "symlink_out.txt")
    os.symlink(outside / "secret.txt", corpus / "link_unlisted.txt")  # not in the manifest
    rows = [[f"{name}.txt", name, f"Outlet {i % 3}", dates.get(name, "2024-12-19")] for i, name in enumerate(files)]
    rows[-1] = ["dup_second.txt", "dup", "Outlet 9", "2024-12-20"]  # the same id as "dup"
    rows += [["missing.txt", "missing"], ["../../etc/passwd", "traversal"],
             ["../outside/secret.txt", "traversal_existing"], [str(outside / "secret.txt"), "absolute"],
             ["symlink_out.txt", "symlink_out"], ["", "", "Outlet 1"]]  # no file name: CSV line 32
    with open(corpus / "manifest.csv", "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([["file", "article_id", "outlet", "date", "title", "author", "url"], *rows])
    return corpus


JSONL_CASES = _cases(
    ("no_text_key", "no text column (looked for text, content, body; columns are: id, outlet)"),
    ("ok", PROCESSED),
    ("line 3", "not valid JSON"),
    ("line 4", "not valid JSON"),
    ("line 5", "a JSON list, not an object"),
    ("null_text", "text is null"),
    ("number_text", "text is a int, not a string"),
    ("empty_text", "text is empty or only whitespace"),
    ("line 9", "line is not valid UTF-8 (byte 32)"),
    ("lone_surrogate", "not valid Unicode"),
    ("nul_char", PROCESSED),
    ("huge", "over the 2,000,000 limit"),
    ("html_page", PROCESSED),
    ("hostile", PROCESSED),
    ("dup", PROCESSED),
    ("dup", "duplicate article_id (first seen at c.jsonl line 15)"),
    ("date_int_epoch", PROCESSED),
    ("date_object", PROCESSED),
    ("line-19", PROCESSED),  # no id: named after its line
    ("only_quote_marks", "no words left in the article body"),
    ("rtl_emoji", PROCESSED),
    ("surrogate_title", PROCESSED),
    ("date_far_future", PROCESSED),
    ("date_year_one", PROCESSED),
    ("date_millis", PROCESSED),
    ("date_no_year", PROCESSED),
)


def _jsonl_corpus(root: Path) -> Path:
    def line(**fields) -> bytes:
        return json.dumps(fields).encode()

    lines = [
        line(id="no_text_key", outlet="A"),  # the first line lacks fields that later lines have
        line(id="ok", outlet="A", text=BODY),
        b'{"id": "broken", "text": ',
        b"{broken",
        b"[1, 2]",
        line(id="null_text", outlet="A", text=None),
        line(id="number_text", outlet="A", text=42),
        line(id="empty_text", outlet="A", text=""),
        b'{"id": "bad_bytes", "text": "ab \xff\xfe cd"}',  # raw invalid UTF-8 inside the line
        line(id="lone_surrogate", outlet="A", text=BODY + " \ud800 end."),
        line(id="nul_char", outlet="A", text=BODY.replace("The council", "The\x00 council")),
        line(id="huge", outlet="A", text="word " * (HUGE_CHARS // 5)),
        line(id="html_page", outlet="B", text=HTML_PAGE),
        line(id="hostile", outlet="B", text=HOSTILE),
        line(id="dup", outlet="B", text=BODY),
        line(id="dup", outlet="C", text=BODY + " Again."),
        line(id="date_int_epoch", outlet="C", date=1734393600, text=BODY + " One."),
        line(id="date_object", outlet="C", date={"$date": "2024-12-17"}, text=BODY + " Two."),
        line(outlet="C", text=BODY + " Three."),
        line(id="only_quote_marks", outlet="C", text="“”\"\"''‘’ " * 50),
        line(id="rtl_emoji", outlet="C", text="قال رئيس البلدية: «سنصوت». 🗳️ The mayor said “we vote” 😀."),
        line(id="surrogate_title", outlet="C", title="Bad \udc80 title", text=BODY + " Four."),
        line(id="date_far_future", outlet="D", date="9999-12-31", text=BODY + " Five."),
        line(id="date_year_one", outlet="D", date="0001-01-01", text=BODY + " Six."),
        line(id="date_millis", outlet="D", date=1734393600000, text=BODY + " Seven."),
        line(id="date_no_year", outlet="D", date="Tuesday", text=BODY + " Eight."),
    ]
    path = root / "c.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n\n")
    return path


CSV_CASES = _cases(
    ("ok", PROCESSED),
    ("empty_text", "text is empty or only whitespace"),
    ("row 4", "row has 5 cells, header has 4"),
    ("dup", PROCESSED),
    ("dup", "duplicate article_id (first seen at c.csv row 5)"),
    ("html_page", PROCESSED),
    ("hostile", PROCESSED),
    ("date_words", PROCESSED),
    ("row-10", PROCESSED),  # no id: named after its row
    ("multiline", PROCESSED),
)


def _csv_corpus(root: Path) -> Path:
    one_line = BODY.replace("\n\n", " ")
    rows = [
        ["id", "source", "date", "content"],
        ["ok", "A", "2024-12-17", one_line],
        ["empty_text", "A", "2024-12-17", "   "],
        ["too_many_cells", "A", "2024-12-17", one_line, "an extra cell"],
        ["dup", "B", "", one_line + " One."],
        ["dup", "B", "", one_line + " Two."],
        ["html_page", "C", "", HTML_PAGE],
        ["hostile", "C", "", HOSTILE],
        ["date_words", "C", "Dec 17th 2024 at 5pm EST", one_line + " Three."],
        ["", "C", "", one_line + " Four."],
        ["multiline", "B", "17.12.2024", "First paragraph, “quoted”.\n\nSecond, with a \"double\" mark."],
    ]
    path = root / "c.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def _csv_without_text(root: Path) -> Path:
    path = root / "no_text.csv"
    path.write_text("id,outlet,headline\na,A,First\nb,B,Second\n")
    return path


# --- what each record got --------------------------------------------------------------

def _outcomes(out: Path) -> dict[str, list[str]]:
    """record id -> outcomes ("processed" or a reject reason), from the written tables."""
    articles = pd.read_parquet(out / "articles.parquet")
    rejects = pd.read_parquet(out / "rejects.parquet")
    got: dict[str, list[str]] = {}
    for aid in articles["article_id"]:
        got.setdefault(aid, []).append(PROCESSED)
    for record, reason in zip(rejects["record"], rejects["reason"]):
        got.setdefault(record, []).append(reason)
    return got


def _check_cases(out: Path, cases: list[Case]) -> dict[str, list[str]]:
    got = _outcomes(out)
    wrong = {}
    for case in cases:
        outcome = got.get(case.record, [])
        matches = [o for o in outcome if (o == PROCESSED) if case.expect == PROCESSED] or \
                  [o for o in outcome if case.expect != PROCESSED and o != PROCESSED and case.expect in o]
        if not matches:
            wrong[case.record] = (case.expect, outcome)
    assert not wrong, f"records with the wrong outcome (expected, got): {wrong}"
    return got


def _check_counts(out: Path, summary_counts: tuple[int, int, int]) -> None:
    n_read, n_articles, n_rejected = summary_counts
    info = json.loads((out / "build.json").read_text())
    articles = pd.read_parquet(out / "articles.parquet")
    rejects = pd.read_parquet(out / "rejects.parquet")
    assert n_read == n_articles + n_rejected
    assert (info["n_read"], info["n_articles"], info["n_rejected"]) == (n_read, n_articles, n_rejected)
    assert (len(articles), len(rejects)) == (n_articles, n_rejected)
    for name in ("quotes", "comments", "removed"):
        pd.read_parquet(out / f"{name}.parquet")  # every output readable
    assert rejects["reason"].str.len().gt(10).all(), "every reject says why"


def _outputs_text(out: Path) -> str:
    return "".join(p.read_bytes().decode("latin-1") for p in out.iterdir() if p.is_file())


# --- builds through the Python API ------------------------------------------------------

@pytest.fixture(scope="module")
def corpora(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    return {"folder": _folder_corpus(root), "jsonl": _jsonl_corpus(root), "csv": _csv_corpus(root),
            "no_text_csv": _csv_without_text(root), "root": root}


@pytest.fixture(scope="module")
def built(corpora, tmp_path_factory):
    """Each corpus built once with the Python API (two workers, small chunks)."""
    results = {}
    for kind in ("folder", "jsonl", "csv"):
        out = tmp_path_factory.mktemp(f"out_{kind}")
        summary = build(corpora[kind], out, workers=2, chunk_size=4, quiet=True)
        results[kind] = (summary, out)
    return results


@pytest.mark.parametrize("kind, cases", [("folder", FOLDER_CASES), ("jsonl", JSONL_CASES), ("csv", CSV_CASES)])
def test_every_record_is_processed_or_rejected_with_its_reason(built, kind, cases):
    summary, out = built[kind]
    assert summary.exit_code == 3
    got = _check_cases(out, cases)
    _check_counts(out, (summary.n_read, summary.n_articles, summary.n_rejected))
    # nothing is counted twice, and every record read is one of the cases
    assert sum(len(v) for v in got.values()) == summary.n_read
    assert set(got) == {c.record for c in cases} | ({"dup"} if kind == "folder" else set())


def test_folder_duplicate_id_keeps_the_first_file(built):
    _, out = built["folder"]
    articles = pd.read_parquet(out / "articles.parquet").set_index("article_id")
    assert articles.loc["dup", "outlet"] != "Outlet 9"  # the first manifest row's metadata
    assert "council" in articles.loc["dup", "raw_text"]
    rejects = pd.read_parquet(out / "rejects.parquet")
    dup = rejects[rejects["record"] == "dup"]
    assert list(dup["reason"]) == ["duplicate article_id (first seen at dup.txt)"]


def test_csv_without_a_text_column_rejects_every_row_and_names_the_columns(corpora, tmp_path):
    out = tmp_path / "out"
    summary = build(corpora["no_text_csv"], out, workers=1, quiet=True)
    assert (summary.n_read, summary.n_articles, summary.n_rejected, summary.exit_code) == (2, 0, 2, 3)
    reasons = pd.read_parquet(out / "rejects.parquet")["reason"]
    assert reasons.str.contains("no text column").all() and reasons.str.contains("headline").all()
    assert len(pd.read_parquet(out / "articles.parquet")) == 0


def test_csv_without_a_text_column_is_read_as_rejects_naming_the_columns(corpora):
    result = read_corpus(corpora["no_text_csv"])
    assert (result.n_read, len(result.articles), len(result.rejects)) == (2, 0, 2)
    assert result.rejects["reason"].str.contains("no text column").all()
    assert result.rejects["reason"].str.contains("headline").all()


def test_nothing_outside_the_corpus_folder_is_read(built):
    _, out = built["folder"]
    assert SECRET not in _outputs_text(out)
    assert "root:" not in pd.read_parquet(out / "articles.parquet")["raw_text"].str.cat()


def test_encodings_decode_to_the_same_characters(built):
    _, out = built["folder"]
    raw = pd.read_parquet(out / "articles.parquet").set_index("article_id")["raw_text"]
    assert raw["cp1252"] == "The café’s owner said “no” twice — and left."
    assert raw["latin1"] == "Herr Müller sagte in Zürich: « Ça va », à bientôt."
    assert raw["utf16"] == BODY and raw["utf8_bom"] == BODY


def test_html_pages_become_their_visible_text(built):
    for kind in ("folder", "jsonl", "csv"):
        _, out = built[kind]
        row = pd.read_parquet(out / "articles.parquet").set_index("article_id").loc["html_page"]
        assert "The council met on Tuesday." in row["text"], kind
        for markup in ("<p>", "tracker", "color: red", "Home | World"):
            assert markup not in row["raw_text"], (kind, markup)


def test_hostile_text_is_stored_byte_for_byte_and_never_evaluated(built):
    for kind in ("folder", "jsonl", "csv"):
        _, out = built[kind]
        articles = pd.read_parquet(out / "articles.parquet").set_index("article_id")
        assert articles.loc["hostile", "raw_text"] == HOSTILE, kind
        assert "{{7*7}}" in articles.loc["hostile", "text"] and "49" not in articles.loc["hostile", "text"]
        assert os.environ.get("HOME", "/root") not in articles.loc["hostile", "text"]


def test_odd_text_is_kept_verbatim(built):
    _, out = built["folder"]
    raw = pd.read_parquet(out / "articles.parquet").set_index("article_id")["raw_text"]
    assert "\u200b" in raw["control_zero_width"] and "\x07" in raw["control_zero_width"]
    assert "😀👍🏽" in raw["rtl_emoji"] and "\u202e" in raw["rtl_emoji"]
    _, jout = built["jsonl"]
    jraw = pd.read_parquet(jout / "articles.parquet").set_index("article_id")["raw_text"]
    assert "The\x00 council" in jraw["nul_char"]


def test_dates_in_odd_formats_are_parsed_or_missing(built):
    _, out = built["folder"]
    dates = pd.read_parquet(out / "articles.parquet").set_index("article_id")["date"]
    day = pd.Timestamp("2024-12-17")
    assert dates["date_dmy"] == day and dates["date_words"] == day
    assert dates["date_tz"] == pd.Timestamp("2024-12-18 04:30")  # stored in UTC
    assert dates["date_epoch"] == pd.Timestamp("2024-12-17")
    assert pd.isna(dates["date_garbage"]) and pd.isna(dates["date_none"])
    _, jout = built["jsonl"]
    jdates = pd.read_parquet(jout / "articles.parquet").set_index("article_id")["date"]
    assert jdates["date_int_epoch"] == day and pd.isna(jdates["date_object"])
    for placeholder in ("date_far_future", "date_year_one", "date_no_year", "date_millis"):
        assert pd.isna(jdates[placeholder]), placeholder


def test_surrogates_in_metadata_are_replaced_not_fatal(built):
    _, out = built["jsonl"]
    title = pd.read_parquet(out / "articles.parquet").set_index("article_id").loc["surrogate_title", "title"]
    assert title == "Bad \ufffd title"


def test_huge_and_degenerate_texts_are_measured(built):
    _, out = built["folder"]
    articles = pd.read_parquet(out / "articles.parquet").set_index("article_id")
    for name in ("no_punctuation", "one_sentence"):
        assert articles.loc[name, "n_words"] > 1000
        assert 0 <= articles.loc[name, "quote_share"] <= 1
        assert -1 <= articles.loc[name, "compound"] <= 1


# --- the command line: exit codes and messages ---------------------------------------------

def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analysis", "build", *args, "--workers", "1", "--quiet"],
                          capture_output=True, text=True, cwd=config.PROJECT_ROOT, timeout=300)


@pytest.mark.parametrize("kind, cases", [("folder", FOLDER_CASES), ("jsonl", JSONL_CASES), ("csv", CSV_CASES)])
def test_cli_finishes_with_exit_3_and_no_traceback(corpora, built, tmp_path, kind, cases):
    out = tmp_path / "out"
    res = _cli("--corpus", str(corpora[kind]), "--out", str(out))
    assert res.returncode == 3, res.stderr
    assert "Traceback" not in res.stdout + res.stderr
    summary, api_out = built[kind]
    assert f"{summary.n_articles:,} articles, {summary.n_rejected:,} rejected of {summary.n_read:,} read" in res.stdout
    assert "rejects.parquet" in res.stdout
    _check_cases(out, cases)
    # the command line (one worker) and the API (two) reject the same records for the same reasons
    def ordered(frame: pd.DataFrame) -> pd.DataFrame:
        return frame.sort_values(["record", "reason"]).reset_index(drop=True)

    pd.testing.assert_frame_equal(ordered(pd.read_parquet(out / "rejects.parquet")),
                                  ordered(pd.read_parquet(api_out / "rejects.parquet")))


def test_cli_strict_fails_and_keeps_the_previous_outputs(corpora, tmp_path):
    out = tmp_path / "out"
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"id": "a", "outlet": "A", "text": BODY}) + "\n"
                    + json.dumps({"id": "b", "outlet": "B", "text": HOSTILE}) + "\n")
    res = _cli("--corpus", str(good), "--out", str(out))
    assert res.returncode == 0, res.stderr
    assert pd.read_parquet(out / "rejects.parquet").empty
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and not p.name.startswith(".")}

    res = _cli("--corpus", str(corpora["jsonl"]), "--out", str(out), "--strict")
    assert res.returncode == 1
    assert "--strict" in res.stderr and "Traceback" not in res.stderr
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and not p.name.startswith(".")}
    assert after == before
    assert not list(out.glob(".staging-*"))


def test_cli_unreadable_corpus_fails_with_exit_1_and_a_message(tmp_path):
    bad_csv = tmp_path / "cp1252.csv"
    bad_csv.write_bytes("id,text\na,Caf\u00e9 owners said no.\n".encode("cp1252"))
    res = _cli("--corpus", str(bad_csv), "--out", str(tmp_path / "out"))
    assert res.returncode == 1
    assert "not UTF-8" in res.stderr and "Traceback" not in res.stderr
    assert not (tmp_path / "out" / "articles.parquet").exists()


# --- known bugs outside the loading layer (reported to their owners) -------------------------

def test_rejects_order_does_not_depend_on_the_number_of_workers(corpora, built, tmp_path):
    _, two = built["folder"]
    one = tmp_path / "one"
    build(corpora["folder"], one, workers=1, chunk_size=4, quiet=True)
    pd.testing.assert_frame_equal(pd.read_parquet(one / "rejects.parquet"), pd.read_parquet(two / "rejects.parquet"))


def test_extra_fields_whose_type_changes_between_records_do_not_fail_the_build(tmp_path):
    path = tmp_path / "extra.jsonl"
    path.write_text(json.dumps({"id": "a", "text": BODY, "views": 5}) + "\n"
                    + json.dumps({"id": "b", "text": BODY + " More.", "views": "many"}) + "\n")
    summary = build(path, tmp_path / "out", workers=1, chunk_size=1, quiet=True)
    assert summary.n_articles == 2
    assert pd.read_parquet(tmp_path / "out" / "articles.parquet")["views"].astype(str).tolist() == ["5", "many"]


def test_extra_fields_first_seen_in_a_later_chunk_are_kept(tmp_path):
    path = tmp_path / "late_extra.jsonl"
    path.write_text(json.dumps({"id": "a", "text": BODY}) + "\n"
                    + json.dumps({"id": "b", "text": BODY + " More.", "section": "Politics"}) + "\n")
    build(path, tmp_path / "out", workers=1, chunk_size=1, quiet=True)
    articles = pd.read_parquet(tmp_path / "out" / "articles.parquet").set_index("article_id")
    # fields first seen after the first chunk are kept in the JSON "extra" column
    assert json.loads(articles.loc["b", "extra"]) == {"section": "Politics"}


def test_a_fault_on_one_text_rejects_that_record_and_the_build_goes_on(tmp_path, monkeypatch):
    import importlib

    framing = importlib.import_module("analysis.framing")  # the package's own name "framing" is a function
    real = framing.count_labels

    def faulty(text, pattern, labels):
        if "Zorblax" in text:
            raise KeyError("zorblax")  # as the label look-up once did for "ıllegal alıens"
        return real(text, pattern, labels)

    monkeypatch.setattr(framing, "count_labels", faulty)
    corpus = tmp_path / "c.jsonl"
    rows = [{"id": "ok", "outlet": "A", "text": BODY}, {"id": "bad", "outlet": "A", "text": "Zorblax met. " + BODY}]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    summary = build(corpus, tmp_path / "out", workers=1, quiet=True, use_cache=False)
    assert (summary.n_read, summary.n_articles, summary.n_rejected, summary.exit_code) == (2, 1, 1, 3)
    rejects = pd.read_parquet(tmp_path / "out" / "rejects.parquet")
    reason = rejects.set_index("record").loc["bad", "reason"]
    assert reason.startswith("could not be analysed: KeyError in tallies.py:") and "zorblax" in reason
    assert "please report it" in reason and rejects.loc[0, "stage"] == "measure"
    assert pd.read_parquet(tmp_path / "out" / "articles.parquet")["article_id"].tolist() == ["ok"]


def test_json_lines_with_a_huge_integer_or_deep_nesting_are_rejected_lines(tmp_path):
    from analysis.readers import iter_records
    from analysis.records import RawRecord, Reject

    path = tmp_path / "odd.jsonl"
    path.write_bytes(b'{"id": "a", "n": ' + b"1" * 4301 + b', "text": "Words here."}\n'
                     + b"[" * 100_000 + b"\n"
                     + b'{"id": "b", "outlet": "X", "text": "The council met on Monday."}\n')
    items = list(iter_records(path))
    assert [type(i) for i in items] == [Reject, Reject, RawRecord]
    assert "digits" in items[0].reason and items[0].record == "line 1"
    assert "nested too deeply" in items[1].reason and items[1].record == "line 2"


def test_a_manifest_with_a_nul_in_a_name_rejects_that_row_and_a_non_utf8_one_stops_with_a_message(tmp_path):
    from analysis.errors import CorpusError
    from analysis.readers import iter_records
    from analysis.records import RawRecord, Reject

    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The council met on Monday and voted.", encoding="utf-8")
    (corpus / "manifest.csv").write_bytes(b"file,article_id\na.txt,a\nb\x00.txt,b\n")
    items = list(iter_records(corpus))
    assert [type(i) for i in items] == [RawRecord, Reject] and "NUL" in items[1].reason
    (corpus / "manifest.csv").write_bytes(b"file\n\xe9.txt\n")
    with pytest.raises(CorpusError, match="not UTF-8"):
        list(iter_records(corpus))


def test_a_symlink_loop_is_a_rejected_file_and_a_manifest_folder_stops_with_a_message(tmp_path):
    from analysis.errors import CorpusError
    from analysis.readers import iter_records
    from analysis.records import RawRecord, Reject

    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The council met on Monday and voted.", encoding="utf-8")
    os.symlink("loop.txt", corpus / "loop.txt")
    items = list(iter_records(corpus))
    assert [type(i) for i in items] == [RawRecord, Reject] and "loops" in items[1].reason
    os.remove(corpus / "loop.txt")
    (corpus / "manifest.csv").mkdir()
    with pytest.raises(CorpusError, match="is not a file"):
        list(iter_records(corpus))
