"""``index.html`` of a report folder: links to the reports and figures, the corpus, its size,
when it was built and with which versions.

Every value is escaped: corpus paths and parameter values are data too.

>>> page = index_html([("01_a.html", "1. <A>", [])], {"corpus": "x"}, {}, "2024-01-01 00:00 UTC")
>>> "1. &lt;A&gt;" in page and "<A>" not in page
True
"""
from __future__ import annotations

import datetime as dt
import html
import json
from pathlib import Path
from typing import Any

from .storage import write_text_atomic

STYLE = """body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:60rem;margin:2rem auto;
padding:0 1rem;color:#222;line-height:1.45}table{border-collapse:collapse;margin:.5rem 0 1.5rem}
td,th{border-bottom:1px solid #ddd;padding:.25rem .75rem;text-align:left;vertical-align:top}
li{margin:.35rem 0}.figs{font-size:.85rem;color:#555}code{font-size:.9em}"""
CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _rows(pairs: list[tuple[str, object]]) -> str:
    return "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in pairs)


def _report_items(reports: list[tuple[str, str, list[str]]]) -> str:
    items = []
    for href, title, figures in reports:
        figs = " ".join(f'<a href="figures/{_e(f)}">{_e(f)}</a>' for f in figures)
        items.append(f'<li><a href="{_e(href)}">{_e(title)}</a>'
                     + (f'<div class="figs">figures: {figs}</div>' if figs else "") + "</li>")
    return "<ol>" + "".join(items) + "</ol>"


def index_html(reports: list[tuple[str, str, list[str]]], info: dict[str, Any],
               parameters: dict[str, dict[str, Any]], generated: str, data_built: str = "unknown",
               n_words: int | None = None, seconds: float | None = None) -> str:
    """The page: ``reports`` are (file name, title, figure file names) in reading order."""
    corpus = [("corpus", info.get("corpus", "unknown")), ("records read", info.get("n_read", "unknown")),
              ("articles", info.get("n_articles", "unknown")), ("rejected records", info.get("n_rejected", "unknown"))]
    if n_words is not None:
        corpus.append(("words (after cleaning)", f"{n_words:,}"))
    corpus += [("data built", data_built), ("reports built", generated)]
    if seconds is not None:
        corpus.append(("report build took", f"{seconds:.1f} s"))
    versions = sorted(info.get("versions", {}).items())
    params = [(name, ", ".join(f"{k}={v!r}" for k, v in sorted(p.items())) or "defaults")
              for name, p in sorted(parameters.items())]
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>Analysis reports</title><style>{STYLE}</style></head><body>"
            "<h1>Analysis reports</h1>"
            "<p>Each report is one self-contained HTML file; figures are also saved as PNG and SVG.</p>"
            f"<h2>Reports</h2>{_report_items(reports)}"
            f"<h2>Corpus</h2><table>{_rows(corpus)}</table>"
            f"<h2>Parameters</h2><table>{_rows(params)}</table>"
            f"<h2>Versions</h2><table>{_rows(versions)}</table>"
            "</body></html>\n")


def _utc(timestamp: float) -> str:
    return dt.datetime.fromtimestamp(timestamp, dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")


def _n_words(processed: Path) -> int | None:
    try:
        import pyarrow.parquet as pq

        return int(pq.read_table(processed / "articles.parquet", columns=["n_words"]).column(0).to_numpy().sum())
    except (OSError, KeyError, ValueError):
        return None


def write_index(staging: Path, reports: list[Path], figures: list[Path], processed: Path,
                parameters: dict[Path, dict[str, Any]], seconds: float) -> Path:
    """Write ``staging/index.html`` for the given report files and figures; return its path."""
    from .report import _title

    import nbformat

    info_path = processed / "build.json"
    info = json.loads(info_path.read_text(encoding="utf-8")) if info_path.exists() else {}
    entries = []
    for report in reports:
        executed = staging / "notebooks" / f"{report.stem}.ipynb"
        title = _title(nbformat.read(executed, as_version=4), report.stem) if executed.exists() else report.stem
        prefix = report.stem.split("_", 1)[0] + "_"
        entries.append((report.name, title, [f.name for f in figures if f.name.startswith(prefix)]))
    page = index_html(entries, info, {p.stem: v for p, v in parameters.items()},
                      _utc(dt.datetime.now(dt.timezone.utc).timestamp()),
                      _utc(info_path.stat().st_mtime) if info_path.exists() else "unknown",
                      _n_words(processed), seconds)
    path = staging / "index.html"
    write_text_atomic(path, page)
    return path
