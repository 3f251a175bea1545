"""Report build: parameters, staleness, HTML with embedded figures, swap on success only,
failures that name notebook and cell, identical figures across builds, hostile text, browser."""
from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from analysis import config
from analysis.errors import ReportError
from analysis.report import (build_reports, coerce_parameter, default_processed, notebook_paths,
                             resolve_parameters, stale_reason)
from analysis.report_index import index_html

sys.path.insert(0, str(Path(__file__).parent))
import browser_check  # noqa: E402

NOTEBOOKS = notebook_paths()
HOSTILE_TITLE = '<script>document.title="pwned"</script>'
HOSTILE_OUTLET = "<img src=x onerror=\"document.title='pwned'\">"
needs_chromium = pytest.mark.skipif(browser_check.find_chromium() is None,
                                    reason="Chromium not installed (Debian: apt-get install chromium)")


# ------------------------------------------------------------------ parameters
def test_coerce_to_the_default_type():
    assert coerce_parameter("min_articles", "10", 1) == 10
    assert coerce_parameter("n_boot", "2.5", 1.0) == 2.5
    assert coerce_parameter("flag", "false", True) is False
    assert coerce_parameter("outlets", '["A, Inc.", "B"]', []) == ["A, Inc.", "B"]
    assert coerce_parameter("outlets", "Fox News, Vox", []) == ["Fox News", "Vox"]
    assert coerce_parameter("date_from", "2024-01-01", "") == "2024-01-01"
    assert coerce_parameter("x", "None", None) is None


def test_coerce_rejects_a_wrong_type_with_a_message():
    with pytest.raises(ReportError, match="min_articles.*int"):
        coerce_parameter("min_articles", "ten", 1)
    with pytest.raises(ReportError, match="flag"):
        coerce_parameter("flag", "maybe", True)


@given(st.text(max_size=40))
def test_coerce_never_raises_anything_but_report_error(value):
    for default in (1, 1.0, True, [], "", None):
        try:
            coerce_parameter("p", value, default)
        except ReportError:
            pass


def test_unknown_and_reserved_parameters():
    with pytest.raises(ReportError, match="unknown parameter 'min_artcles'.*min_articles"):
        resolve_parameters(NOTEBOOKS, {"min_artcles": "3"})
    with pytest.raises(ReportError, match="--processed"):
        resolve_parameters(NOTEBOOKS, {"processed_dir": "/x"})
    per = resolve_parameters(NOTEBOOKS, {"min_articles": "3", "n_boot": "50"})
    assert all(p["min_articles"] == 3 for p in per.values())
    assert sum("n_boot" in p for p in per.values()) == 1  # only the notebook that declares it


# ------------------------------------------------------------------ staleness
def test_default_processed_never_overwrites_data_processed(tmp_path):
    assert default_processed(config.RAW_DIR, tmp_path) == config.PROCESSED_DIR
    assert default_processed(tmp_path / "other", tmp_path / "out") == tmp_path / "out" / "data"


def test_stale_reasons(tmp_path):
    from analysis.versions import measure_versions

    corpus, processed = tmp_path / "corpus", tmp_path / "processed"
    corpus.mkdir()
    processed.mkdir()
    (corpus / "a.txt").write_text("x")
    assert "missing" in stale_reason(corpus, processed)
    info = {"corpus": str(tmp_path / "elsewhere"), "versions": measure_versions()}
    (processed / "build.json").write_text(json.dumps(info))
    assert "built from" in stale_reason(corpus, processed)
    (processed / "build.json").write_text(json.dumps({**info, "corpus": str(corpus)}))
    old = time.time() - 100
    os.utime(corpus / "a.txt", (old, old))
    os.utime(corpus, (old, old))
    assert stale_reason(corpus, processed) is None
    (corpus / "b.txt").write_text("new")
    assert "changed" in stale_reason(corpus, processed)
    (processed / "build.json").write_text(json.dumps({**info, "corpus": str(corpus), "versions": {}}))
    assert "changed since" in stale_reason(corpus, processed)


def test_index_escapes_everything():
    page = index_html([("01_a.html", HOSTILE_TITLE, ["01_x.png"])], {"corpus": HOSTILE_OUTLET, "versions": {}},
                      {"01_a": {"outlets": [HOSTILE_OUTLET]}}, "now")
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;" in page


# ------------------------------------------------------------------ full builds
@pytest.fixture(scope="module")
def seed_report(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("seed_report")
    result = build_reports(corpus=config.RAW_DIR, out=root / "reports", processed=root / "processed",
                           workers=1, quiet=True)
    assert result.rebuilt and len(result.reports) == len(NOTEBOOKS)
    return result.out


def _sha(folder: Path, pattern: str) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob(pattern))}


@pytest.mark.slow
def test_reports_embed_their_figures(seed_report: Path):
    figures = seed_report / "figures"
    for nb in NOTEBOOKS:
        page = (seed_report / f"{nb.stem}.html").read_text(encoding="utf-8")
        pngs = sorted(figures.glob(f"{nb.stem[:2]}_*.png"))
        assert pngs, f"{nb.stem} saved no figure"
        assert all(p.with_suffix(".svg").exists() for p in pngs)
        assert len(re.findall(r'<img[^>]*src="data:image/png;base64,', page)) == len(pngs)
        assert "<script" not in page and "http-equiv=\"Content-Security-Policy\"" in page
        assert "load_selection" not in page  # code hidden by default
    index = (seed_report / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{nb.stem}.html"' in index for nb in NOTEBOOKS)
    assert "textstat" in index and "vaderSentiment" in index and "articles" in index
    assert list((seed_report / "logs").glob("report-*.log"))


@pytest.mark.slow
def test_same_input_same_figures(seed_report: Path, tmp_path: Path):
    (tmp_path / "again" / ".staging-999999").mkdir(parents=True)  # left by a killed build
    again = build_reports(corpus=config.RAW_DIR, out=tmp_path / "again", processed=seed_report.parent / "processed",
                          quiet=True, notebooks=["02", "04"])
    assert not again.rebuilt
    assert not list(again.out.glob(".staging-*"))
    new = _sha(again.out / "figures", "*")
    old = {k: v for k, v in _sha(seed_report / "figures", "*").items() if k[:2] in {"02", "04"}}
    assert new == old


@pytest.mark.slow
def test_failing_notebook_names_cell_and_keeps_previous_reports(seed_report: Path):
    before = _sha(seed_report, "*.html") | _sha(seed_report / "figures", "*")
    with pytest.raises(ReportError) as info:
        build_reports(corpus=config.RAW_DIR, out=seed_report, processed=seed_report.parent / "processed",
                      parameters={"date_from": "not-a-date"}, quiet=True)
    message = str(info.value)
    assert "01_corpus_overview.ipynb" in message and "cell" in message and "date_from" in message
    assert (seed_report / "failed" / "01_corpus_overview.ipynb").exists()
    assert _sha(seed_report, "*.html") | _sha(seed_report / "figures", "*") == before
    assert not list(seed_report.glob(".staging-*"))
    logs = sorted(seed_report.glob("logs/*.log"), key=lambda p: p.stat().st_mtime)
    assert "01_corpus_overview.ipynb failed" in logs[-1].read_text()


@pytest.mark.slow
@needs_chromium
def test_seed_reports_load_cleanly_in_chromium(seed_report: Path):
    reports = browser_check.check_folder(seed_report)
    assert {r.path.name for r in reports} >= {f"{nb.stem}.html" for nb in NOTEBOOKS} | {"index.html"}
    for rep in reports:
        assert rep.problems == [], rep.path.name
        assert rep.screenshot is not None and rep.screenshot.stat().st_size > 0
    assert sum(r.images for r in reports) == len(list((seed_report / "figures").glob("*.png")))


def test_browser_check_catches_errors(tmp_path: Path):
    if browser_check.find_chromium() is None:
        pytest.skip("Chromium not installed (Debian: apt-get install chromium)")
    page = tmp_path / "bad.html"
    page.write_text('<html><body><img src="missing.png"><script>console.error("boom"); nope();</script></body></html>')
    (rep,) = browser_check.check_pages([page])
    text = " ".join(rep.problems)
    assert "image did not load" in text and "boom" in text and "nope" in text


# ------------------------------------------------------------------ hostile corpus
@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    text = ("Officials met on Monday. “We will not comment on " + HOSTILE_TITLE + " today,” said $x$ Smith. "
            "The illegal aliens case went on. " * 3)
    rows = [{"id": f"h{i}", "outlet": outlet, "date": "2024-05-0%d" % (i + 1), "title": title, "text": text}
            for i, (outlet, title) in enumerate([(HOSTILE_OUTLET, HOSTILE_TITLE), ("Plain Daily", "A plain title"),
                                                  ("$x$ News", HOSTILE_OUTLET)])]
    corpus = root / "hostile.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return build_reports(corpus=corpus, out=root / "reports", workers=1, quiet=True).out


@pytest.mark.slow
def test_hostile_text_is_escaped_in_html(hostile_report: Path):
    assert (hostile_report / "data" / "build.json").exists()  # another corpus: <out>/data, not data/processed
    for page in sorted(hostile_report.glob("*.html")):
        body = page.read_text(encoding="utf-8")
        assert HOSTILE_TITLE not in body and "<img src=x" not in body, page.name
    overview = (hostile_report / "01_corpus_overview.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;document.title=\"pwned\"&lt;/script&gt;" in overview


@pytest.mark.slow
@needs_chromium
def test_hostile_text_never_runs_in_chromium(hostile_report: Path):
    pages = sorted(hostile_report.glob("*.html"))
    for rep in browser_check.check_pages(pages, hostile_report / "screenshots"):
        assert rep.problems == [], rep.path.name
        assert "pwned" not in rep.title, rep.path.name
    (overview,) = browser_check.check_pages([hostile_report / "01_corpus_overview.html"])
    assert overview.title == "1. Corpus overview"
    assert HOSTILE_TITLE in overview.text and HOSTILE_OUTLET in overview.text  # shown as text
