"""``python -m analysis report``: processed tables -> executed notebooks -> HTML reports.

The build runs every notebook of ``notebooks/`` with papermill (parameters
injected after the cell tagged ``parameters``), converts each into one
self-contained HTML file (figures embedded as PNG, no script, no external
resource), writes each figure as PNG and SVG under ``figures/``, and an
``index.html``. Everything goes into a staging folder first; the previous
reports are replaced only when the whole new set is complete. A failing
notebook stops the build with a :class:`~analysis.errors.ReportError` naming
the notebook and the cell, and the executed notebook is kept in ``failed/``.
Each build writes a log under ``logs/``.

>>> from analysis.report import coerce_parameter
>>> coerce_parameter("min_articles", "10", 1), coerce_parameter("outlets", "A, B", [])
(10, ['A', 'B'])
"""
from __future__ import annotations

import ast
import datetime as dt
import json
import logging
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import config
from .errors import ReportError

log = logging.getLogger("analysis.report")

# Set by build_reports itself: a -p for these would point notebooks elsewhere.
RESERVED = ("processed_dir", "figures_dir")
# The kernel's own start-up and shut-down chatter is not a report problem.
KERNEL_ARGS = ["--IPKernelApp.log_level=CRITICAL"]


@dataclass
class ReportResult:
    """What a report build produced (paths are inside ``out``)."""

    out: Path
    reports: list[Path] = field(default_factory=list)
    figures: list[Path] = field(default_factory=list)
    processed: Path | None = None
    log: Path | None = None
    rebuilt: bool = False
    seconds: float = 0.0


# ------------------------------------------------------------------ parameters
def notebook_paths(folder: Path | None = None) -> list[Path]:
    """The notebooks to run, in reading order (by file name)."""
    folder = folder or config.NOTEBOOKS_DIR
    paths = sorted(p for p in folder.glob("[0-9]*.ipynb") if ".ipynb_checkpoints" not in p.parts)
    if not paths:
        raise ReportError(f"no notebooks found in {folder}; expected files like 01_corpus_overview.ipynb")
    return paths


def notebook_defaults(path: Path) -> dict[str, Any]:
    """Name -> default value of the assignments in the notebook's ``parameters`` cell."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code" and "parameters" in cell.metadata.get("tags", []):
            return _literal_assignments(cell.source)
    return {}


def _literal_assignments(source: str) -> dict[str, Any]:
    values = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                values[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                continue  # a computed default: not settable from the command line
    return values


def coerce_parameter(name: str, value: str, default: Any) -> Any:
    """Turn a command-line string into the type of the notebook's default for ``name``.

    >>> coerce_parameter("n_boot", "200", 1000), coerce_parameter("show", "no", True)
    (200, False)
    """
    if not isinstance(value, str):
        return value
    try:
        if isinstance(default, bool):
            return _as_bool(value)
        if isinstance(default, int):
            return int(value)
        if isinstance(default, float):
            return float(value)
    except ValueError:
        raise ReportError(f"parameter {name}={value!r}: expected {type(default).__name__} "
                          f"like the default {default!r}") from None
    if isinstance(default, (list, tuple)):
        return _as_list(value)
    if default is None:
        try:
            return ast.literal_eval(value)
        except (ValueError, SyntaxError):
            return value
    return value


def _as_bool(value: str) -> bool:
    word = value.strip().lower()
    if word in {"true", "1", "yes", "on"}:
        return True
    if word in {"false", "0", "no", "off"}:
        return False
    raise ValueError(value)


def _as_list(value: str) -> list[Any]:
    try:
        parsed = ast.literal_eval(value)
    except (ValueError, SyntaxError):
        parsed = None
    if isinstance(parsed, (list, tuple)):
        return list(parsed)
    return [part.strip() for part in value.split(",") if part.strip()]


def resolve_parameters(paths: list[Path], given: dict[str, str]) -> dict[Path, dict[str, Any]]:
    """Per notebook, the given parameters it declares, coerced to its default's type."""
    defaults = {path: notebook_defaults(path) for path in paths}
    known = set().union(*defaults.values())
    for name in given:
        if name in RESERVED:
            raise ReportError(f"parameter {name} is set by the report build; use --processed or --out instead")
        if name not in known:
            raise ReportError(f"unknown parameter {name!r}; the notebooks take: {', '.join(sorted(known - set(RESERVED)))}")
    return {path: {name: coerce_parameter(name, value, defaults[path][name])
                   for name, value in given.items() if name in defaults[path]} for path in paths}


# ------------------------------------------------------------------ processed data
def default_processed(corpus: Path, out: Path) -> Path:
    """data/processed for the project's own corpus, else ``<out>/data`` (never overwrite data/processed)."""
    return config.PROCESSED_DIR if corpus.resolve() == config.RAW_DIR.resolve() else out / "data"


def _newest_mtime(path: Path) -> float:
    if path.is_file():
        return path.stat().st_mtime
    newest = path.stat().st_mtime  # a deleted file changes its folder's time
    for root, dirs, files in os.walk(path):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in [*files, *dirs]:
            newest = max(newest, (Path(root) / name).stat().st_mtime)
    return newest


def _same_corpus(recorded: str, corpus: Path) -> bool:
    target = corpus.resolve()
    candidates = [Path(recorded)] if Path(recorded).is_absolute() else [Path(recorded), config.PROJECT_ROOT / recorded]
    return any(c.resolve() == target for c in candidates)


def stale_reason(corpus: Path, processed: Path) -> str | None:
    """Why ``processed`` must be rebuilt for ``corpus``, or None when it is up to date."""
    from .versions import measure_versions

    info_path = processed / "build.json"
    if not info_path.exists():
        return f"{info_path} is missing"
    info = json.loads(info_path.read_text(encoding="utf-8"))
    if not _same_corpus(str(info.get("corpus", "")), corpus):
        return f"it was built from {info.get('corpus')!r}, not {str(corpus)!r}"
    if not corpus.exists():
        raise ReportError(f"corpus {corpus} does not exist; pass --corpus PATH")
    if _newest_mtime(corpus) > info_path.stat().st_mtime:
        return f"{corpus} changed after the last build"
    if info.get("versions") != measure_versions():
        return "the package, a measuring library or a word list changed since the last build"
    return None


def ensure_processed(corpus: Path, processed: Path, workers: int | None, quiet: bool) -> bool:
    """Build ``processed`` from ``corpus`` when missing or stale; return whether it was built."""
    reason = stale_reason(corpus, processed)
    if reason is None:
        log.info("processed tables in %s are up to date", processed)
        return False
    log.info("building %s because %s", processed, reason)
    from .pipeline import build

    summary = build(corpus, processed, workers=workers, quiet=True if quiet else None)
    log.info("built %s articles (%s rejected)", summary.n_articles, summary.n_rejected)
    return True


# ------------------------------------------------------------------ notebooks -> HTML
# No script may run in a report and nothing may be fetched: the page shows
# tables, text and embedded images only, even if corpus text were to slip
# through unescaped.
CSP = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; "
       "base-uri 'none'; form-action 'none'")
TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js -%}<meta http-equiv="Content-Security-Policy" content="{{ resources.csp }}">{%- endblock html_head_js -%}
{% block jupyter_widgets %}{% endblock jupyter_widgets %}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{% block data_png scoped %}<div class="jp-RenderedImage jp-OutputArea-output {{ extra_class }}">
<img src="data:image/png;base64,{{ output.data['image/png'] | escape_html }}" alt="{{ (output | get_metadata('alt', 'image/png') or 'figure') | escape_html }}"></div>
{% endblock data_png %}
{%- block html_head_css -%}<style>.analysis-table td, .analysis-table th {text-align: left; padding: 2px 8px;}</style>{%- endblock html_head_css -%}
"""


def _title(nb: Any, fallback: str) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def to_html(executed: Path, html_path: Path, with_code: bool = False) -> None:
    """Convert an executed notebook into one self-contained, script-free HTML file."""
    import nbformat
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    nb = nbformat.read(executed, as_version=4)
    nb.metadata["title"] = _title(nb, executed.stem)
    exporter = HTMLExporter(extra_loaders=[DictLoader({"analysis_report.j2": TEMPLATE})],
                            template_file="analysis_report.j2", exclude_input=not with_code,
                            exclude_input_prompt=True, exclude_output_prompt=True, embed_images=True)
    body, _ = exporter.from_notebook_node(nb, resources={"csp": CSP})
    html_path.write_text(body, encoding="utf-8")


def _failure(path: Path, exc: Exception, kept: Path) -> ReportError:
    cell = getattr(exc, "cell_index", None)
    if cell is not None:
        first = (getattr(exc, "source", "") or "").strip().splitlines()[:1]
        where = (f"cell {cell} of the executed notebook (execution count {exc.exec_count}, starting {first[0][:80]!r})" if first
                 else f"cell {cell}")
        what = f"{exc.ename}: {exc.evalue}"
    else:
        where, what = "before any cell finished", f"{type(exc).__name__}: {exc}"
    return ReportError(f"notebook {path.name} failed in {where}: {what}. The executed notebook is kept "
                       f"at {kept}; the previous reports were left in place.")


def execute(path: Path, executed: Path, parameters: dict[str, Any]) -> None:
    """Run one notebook with papermill into ``executed``; raise PapermillExecutionError on a failing cell."""
    import papermill

    papermill.execute_notebook(str(path), str(executed), parameters=parameters, kernel_name="python3",
                               progress_bar=False, log_output=False, cwd=str(path.parent),
                               request_save_on_cell_execute=False, extra_arguments=KERNEL_ARGS)


def _run_one(path: Path, staging: Path, params: dict[str, Any], with_code: bool, failed_dir: Path) -> Path:
    executed = staging / "notebooks" / path.name
    executed.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    log.info("running %s", path.name)
    try:
        execute(path, executed, params)
    except Exception as exc:  # papermill, nbclient and kernel errors alike: name the notebook
        failed_dir.mkdir(parents=True, exist_ok=True)
        kept = failed_dir / path.name
        if executed.exists():
            shutil.copyfile(executed, kept)
        error = _failure(path, exc, kept)
        log.error("%s", error)
        raise error from None
    html_path = staging / f"{path.stem}.html"
    to_html(executed, html_path, with_code=with_code)
    log.info("%s done in %.1f s", path.name, time.perf_counter() - start)
    return html_path


# ------------------------------------------------------------------ the build
def _log_file(out: Path, quiet: bool) -> tuple[Path, logging.Handler]:
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    path = out / "logs" / f"report-{stamp}-{os.getpid()}.log"
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = not quiet
    logging.getLogger("papermill").setLevel(logging.WARNING)
    return path, handler


def build_reports(corpus: str | os.PathLike = config.RAW_DIR, out: str | os.PathLike = config.REPORTS_DIR,
                  processed: str | os.PathLike | None = None, parameters: dict[str, str] | None = None,
                  with_code: bool = False, workers: int | None = None, quiet: bool = False,
                  notebooks: list[str] | None = None) -> ReportResult:
    """Build the processed data if needed, run every notebook and write the HTML reports into ``out``.

    ``parameters`` (name -> string, as from ``-p NAME VALUE``) are coerced to
    the type of each notebook's default. ``notebooks`` restricts the run to
    the notebooks whose file names start with one of the given prefixes.
    Raises ReportError naming the notebook and cell when one fails; ``out``
    then keeps its previous reports.
    """
    from .storage import build_lock, finish_interrupted_swaps, replace_tree

    start = time.perf_counter()
    corpus, out = Path(corpus), Path(out).resolve()
    processed_dir = Path(processed).resolve() if processed else default_processed(corpus, out)
    paths = [p for p in notebook_paths() if not notebooks or p.name.startswith(tuple(notebooks))]
    per_notebook = resolve_parameters(paths, parameters or {})
    out.mkdir(parents=True, exist_ok=True)
    log_path, handler = _log_file(out, quiet)
    result = ReportResult(out=out, processed=processed_dir, log=log_path)
    try:
        with build_lock(out):
            # A report build that was killed: finish its swap, drop its half-made staging.
            finish_interrupted_swaps(out)
            for stale in out.glob(".staging-*"):
                shutil.rmtree(stale, ignore_errors=True)
            result.rebuilt = ensure_processed(corpus, processed_dir, workers, quiet)
            staging = out / f".staging-{os.getpid()}"
            try:
                _render_all(paths, per_notebook, staging, processed_dir, with_code, out, result, start)
                replace_tree(staging, out)
            except BaseException:
                shutil.rmtree(staging, ignore_errors=True)
                raise
            shutil.rmtree(out / "failed", ignore_errors=True)  # a complete set replaces old failures
        result.reports = [out / p.name for p in result.reports]
        result.figures = [out / "figures" / p.name for p in result.figures]
        result.seconds = time.perf_counter() - start
        log.info("wrote %d reports and %d figure files to %s in %.1f s", len(result.reports),
                 len(result.figures), out, result.seconds)
        return result
    finally:
        log.removeHandler(handler)
        handler.close()


def _render_all(paths: list[Path], per_notebook: dict[Path, dict[str, Any]], staging: Path, processed: Path,
                with_code: bool, out: Path, result: ReportResult, start: float) -> None:
    from .report_index import write_index

    figures = staging / "figures"
    figures.mkdir(parents=True)
    for path in paths:
        params = {**per_notebook[path], "processed_dir": str(processed), "figures_dir": str(figures)}
        result.reports.append(_run_one(path, staging, params, with_code, out / "failed"))
    result.figures = sorted(figures.iterdir())
    write_index(staging, result.reports, result.figures, processed,
                {k: v for k, v in per_notebook.items()}, time.perf_counter() - start)

