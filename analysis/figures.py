"""Figure style and export: one look for every figure, byte-identical files.

Every figure of the reports is drawn under :data:`STYLE` and written by
:func:`save` as PNG and SVG. Two runs on the same data give the same bytes:
the SVG ids are salted with a fixed string (``svg.hashsalt``) and neither file
carries a creation date.

Corpus strings (outlet and speaker names, terms) go through :func:`label`
before they reach matplotlib, so a ``$`` in a name is shown as a dollar sign
and never starts mathtext.

>>> from matplotlib.figure import Figure
>>> import tempfile
>>> fig = Figure()
>>> _ = fig.add_subplot().set_title(label("costs $5 and $6"))
>>> paths = save(fig, "demo", tempfile.mkdtemp())
>>> sorted(p.suffix for p in paths.values())
['.png', '.svg']
"""
from __future__ import annotations

import contextlib
import io
import os
import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import matplotlib

from .errors import ReportError

# Agg draws without a display; notebooks get PNG bytes from save/render.
matplotlib.use("Agg", force=False)

from matplotlib.figure import Figure  # noqa: E402  (after the backend choice)

DPI = 110
PALETTE = ("#1b6ca8", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d96a3", "#30638e", "#a05195")
STYLE: dict[str, Any] = {
    "figure.dpi": DPI,
    "savefig.dpi": DPI,
    "font.family": "DejaVu Sans",  # shipped with matplotlib: the same glyphs everywhere
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "x",
    "grid.color": "#dddddd",
    "grid.linewidth": 0.8,
    "axes.prop_cycle": matplotlib.cycler(color=list(PALETTE)),
    "legend.frameon": False,
    "text.usetex": False,
    "svg.hashsalt": "analysis-reports",
    "svg.fonttype": "path",
}
# No timestamps or library banners in the files: same input, same bytes.
PNG_METADATA = {"Software": None}
SVG_METADATA = {"Date": None, "Creator": None}

_SAFE_NAME = re.compile(r"[^A-Za-z0-9_.-]+")
_DOLLAR = re.compile(r"(?<!\\)\$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@contextlib.contextmanager
def style() -> Iterator[None]:
    """Apply :data:`STYLE` for the duration of a ``with`` block."""
    with matplotlib.rc_context(STYLE):
        yield


def new_figure(width: float = 7.5, height: float = 4.0) -> Figure:
    """A figure that pyplot does not track (no global state, nothing shown twice).

    >>> new_figure(4, 3).get_size_inches().tolist()
    [4.0, 3.0]
    """
    with style():
        return Figure(figsize=(width, height), layout="constrained")


def label(value: object, max_chars: int = 60) -> str:
    """Corpus text made safe for a matplotlib label: ``$`` escaped, shortened, one line.

    >>> label("$x$ and a very long name", max_chars=12)
    '\\\\$x\\\\$ and a v…'
    """
    text = " ".join(_CONTROL.sub("", str(value)).split())
    if len(text) > max_chars:
        text = text[: max_chars - 1] + "…"
    return _DOLLAR.sub(r"\\$", text)


def render(fig: Figure, fmt: str = "png") -> bytes:
    """The figure's bytes in ``fmt`` ("png" or "svg"), without dates or tool banners."""
    buf = io.BytesIO()
    metadata = PNG_METADATA if fmt == "png" else SVG_METADATA
    with style(), warnings.catch_warnings():
        # A glyph missing from the font is drawn as a box; a warning per glyph would fill the report.
        warnings.filterwarnings("ignore", message="Glyph .* missing from font", category=UserWarning)
        fig.savefig(buf, format=fmt, metadata=metadata)
    return buf.getvalue()


def save(fig: Figure, name: str, figures_dir: str | os.PathLike | None) -> dict[str, Path]:
    """Write ``fig`` as ``NAME.png`` and ``NAME.svg`` into ``figures_dir``; return the paths.

    Nothing is written when ``figures_dir`` is None or empty (an analyst
    exploring in Jupyter); the figure can still be shown.
    """
    if not figures_dir:
        return {}
    safe = _SAFE_NAME.sub("_", name).strip("._")
    if not safe:
        raise ReportError(f"figure name {name!r} has no usable characters; use letters, digits or _")
    folder = Path(figures_dir)
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for fmt in ("png", "svg"):
        path = folder / f"{safe}.{fmt}"
        path.write_bytes(render(fig, fmt))
        paths[fmt] = path
    return paths
