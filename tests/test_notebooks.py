"""Notebooks: paired with py:percent scripts, stored without outputs, thin, and they run.

Every notebook is executed on the seed corpus with a narrowed selection (two
outlets of which a date range keeps one, then none at all) so the filters and
the degenerate cases run too; the default selection runs in tests/test_report.py.
"""
from __future__ import annotations

import ast
from pathlib import Path

import jupytext
import nbformat
import pytest

from analysis import config
from analysis.report import execute, notebook_defaults, notebook_paths

NOTEBOOKS = notebook_paths()
REQUIRED = {"processed_dir", "outlets", "date_from", "date_to", "min_articles", "figures_dir"}


def test_at_least_four_numbered_notebooks():
    names = [p.stem for p in NOTEBOOKS]
    assert len(names) >= 4
    assert [n[:2] for n in names] == [f"{i:02d}" for i in range(1, len(names) + 1)]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_paired_script_in_sync(path: Path):
    script = path.with_suffix(".py")
    assert script.exists(), f"{script.name} missing: run `jupytext --sync {path}`"
    nb, py = jupytext.read(path), jupytext.read(script)
    assert [(c.cell_type, c.source) for c in nb.cells] == [(c.cell_type, c.source) for c in py.cells], \
        f"{path.name} and {script.name} differ: run `jupytext --sync notebooks/*.py`"
    assert [c.metadata.get("tags", []) for c in nb.cells] == [c.metadata.get("tags", []) for c in py.cells]
    assert "py:percent" in nb.metadata["jupytext"]["formats"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_stored_without_outputs(path: Path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_parameters_cell(path: Path):
    defaults = notebook_defaults(path)
    assert REQUIRED <= set(defaults), f"{path.name} lacks parameters {REQUIRED - set(defaults)}"
    assert isinstance(defaults["min_articles"], int) and isinstance(defaults["outlets"], list)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_hold_no_logic(path: Path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type != "code" or "parameters" in cell.metadata.get("tags", []):
            continue
        tree = ast.parse(cell.source)
        defs = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef, ast.Lambda,
                                                             ast.While, ast.ListComp, ast.DictComp))]
        assert not defs, f"{path.name}: move this into analysis/: {cell.source[:80]!r}"
        statements = [n for n in tree.body if not isinstance(n, (ast.Import, ast.ImportFrom))]
        assert len(statements) <= 4, f"{path.name}: cell too long for a thin notebook: {cell.source[:80]!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_markdown_explains_and_interpolates_nothing(path: Path):
    nb = nbformat.read(path, as_version=4)
    md = [c.source for c in nb.cells if c.cell_type == "markdown"]
    assert md and md[0].startswith("# ")
    assert not any("{{" in s for s in md)  # no template expansion of corpus values into Markdown


@pytest.fixture(scope="module")
def processed(tmp_path_factory) -> Path:
    from analysis.pipeline import build

    out = tmp_path_factory.mktemp("processed")
    build(config.RAW_DIR, out, workers=1, quiet=True)
    return out


SELECTIONS = {
    "one_outlet_by_name_and_date": {"outlets": ["Breitbart News", "Fox News"], "date_from": "2024-12-01",
                                    "date_to": "2024-12-19"},
    "nothing_left": {"min_articles": 1000},
}


@pytest.mark.slow
@pytest.mark.parametrize("selection", list(SELECTIONS))
def test_notebooks_execute_on_a_selection(processed: Path, tmp_path: Path, selection: str):
    figures = tmp_path / "figures"
    for path in NOTEBOOKS:
        executed = tmp_path / path.name
        execute(path, executed, {**SELECTIONS[selection], "processed_dir": str(processed),
                                 "figures_dir": str(figures)})
        nb = nbformat.read(executed, as_version=4)
        errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
        assert not errors
        images = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if "image/png" in o.get("data", {})]
        saved = sorted(figures.glob(f"{path.stem[:2]}_*.png"))
        assert len(images) == len(saved), path.name
        assert all(p.with_suffix(".svg").exists() for p in saved)
