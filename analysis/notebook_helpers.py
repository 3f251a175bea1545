"""What the notebooks call: load the processed tables, apply the parameters, show results.

Notebooks hold no logic: they pass their ``parameters`` cell to
:func:`load_selection`, call the measuring functions of :mod:`analysis` on the
selection, and display tables with :func:`table` (always HTML-escaped: corpus
text is data, never markup) and figures with :func:`show` (saved as PNG and
SVG when a figures folder is given, and embedded as PNG).

>>> import pandas as pd
>>> t = table(pd.DataFrame({"title": ['<script>alert(1)</script>']}))
>>> "<script>" in t._repr_html_(), "&lt;script&gt;" in t._repr_html_()
(False, True)
"""
from __future__ import annotations

import base64
import html
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from . import config
from .compare import apply_aliases
from .errors import ReportError
from .figures import render, save

TABLE_NAMES = ("articles", "quotes", "comments", "removed", "rejects")


@dataclass
class Selection:
    """The processed tables restricted to the notebook's outlets, dates and minimum size."""

    articles: pd.DataFrame
    quotes: pd.DataFrame
    comments: pd.DataFrame
    removed: pd.DataFrame
    rejects: pd.DataFrame
    info: dict[str, Any] = field(default_factory=dict)
    steps: list[tuple[str, int]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def outlets(self) -> list[str]:
        """Outlets left in the selection, sorted."""
        return sorted(self.articles["outlet"].dropna().unique().tolist())


def _read(folder: Path, name: str) -> pd.DataFrame:
    path = folder / f"{name}.parquet"
    if not path.exists():
        raise ReportError(f"{path} is missing; run `python -m analysis build --out {folder}` first")
    return pd.read_parquet(path)


def _as_list(outlets: str | Iterable[str] | None) -> list[str]:
    if outlets is None or isinstance(outlets, str):
        return [o.strip() for o in (outlets or "").split(",") if o.strip()]
    return [str(o) for o in outlets]


def _as_date(value: object, name: str) -> pd.Timestamp | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return pd.Timestamp(value)
    except (ValueError, TypeError):
        raise ReportError(f"parameter {name}={value!r} is not a date; use YYYY-MM-DD or leave it empty") from None


def _filter_dates(sel: Selection, start: pd.Timestamp | None, end: pd.Timestamp | None) -> pd.DataFrame:
    arts = sel.articles
    if start is None and end is None:
        return arts
    dates = pd.to_datetime(arts["date"], errors="coerce")
    keep = dates.notna()
    if start is not None:
        keep &= dates >= start
    if end is not None:
        keep &= dates <= end
    n_undated = int(dates.isna().sum())
    if n_undated:
        sel.notes.append(f"{n_undated:,} undated articles left out because a date range is set")
    return arts[keep]


def load_selection(processed_dir: str | os.PathLike | None = None, outlets: str | Iterable[str] | None = None,
                   date_from: str | None = None, date_to: str | None = None,
                   min_articles: int = 1, aliases: Any = None) -> Selection:
    """Read the processed tables and keep the articles the parameters ask for.

    ``outlets``: names (a list, or one comma-separated string); empty means
    all. ``date_from``/``date_to``: inclusive bounds (YYYY-MM-DD), empty for
    open; when either is set, undated articles are left out. Outlets with
    fewer than ``min_articles`` articles (after the other filters) are left
    out. Quotes, comments and removed segments follow their articles.
    Outlet name variants are merged first with ``aliases`` (None: the
    package's table, ``{}``: none; see :func:`analysis.compare.apply_aliases`).
    ``steps`` records how many articles each filter kept; ``notes`` say what
    was dropped.
    """
    folder = Path(processed_dir) if processed_dir else config.PROCESSED_DIR
    tables = {name: _read(folder, name) for name in TABLE_NAMES}
    info = json.loads((folder / "build.json").read_text(encoding="utf-8")) if (folder / "build.json").exists() else {}
    for name in ("articles", "quotes", "comments", "removed"):
        # One name per outlet everywhere ("Fox Online News" -> "Fox News"), as compare_outlets does.
        tables[name] = apply_aliases(tables[name], aliases) if "outlet" in tables[name] else tables[name]
    sel = Selection(**tables, info=info)
    sel.steps.append(("articles in the build", len(sel.articles)))
    wanted = _as_list(outlets)
    if wanted:
        unknown = sorted(set(wanted) - set(sel.articles["outlet"].dropna()))
        if unknown:
            sel.notes.append(f"outlets not in the corpus: {', '.join(unknown)}")
        sel.articles = sel.articles[sel.articles["outlet"].isin(wanted)]
        sel.steps.append(("in the chosen outlets", len(sel.articles)))
    start, end = _as_date(date_from, "date_from"), _as_date(date_to, "date_to")
    sel.articles = _filter_dates(sel, start, end)
    if start is not None or end is not None:
        sel.steps.append(("in the date range", len(sel.articles)))
    _apply_minimum(sel, int(min_articles))
    ids = set(sel.articles["article_id"])
    for name in ("quotes", "comments", "removed"):
        frame = getattr(sel, name)
        setattr(sel, name, frame[frame["article_id"].isin(ids)].reset_index(drop=True))
    sel.articles = sel.articles.sort_values(["outlet", "article_id"], kind="stable").reset_index(drop=True)
    return sel


def _apply_minimum(sel: Selection, min_articles: int) -> None:
    counts = sel.articles["outlet"].value_counts()
    small = sorted(counts[counts < min_articles].index)
    if small:
        sel.notes.append(f"outlets with fewer than {min_articles} articles left out: {', '.join(small)}")
        sel.articles = sel.articles[~sel.articles["outlet"].isin(small)]
    sel.steps.append((f"in outlets with at least {min_articles} articles", len(sel.articles)))


def selection_table(sel: Selection) -> pd.DataFrame:
    """How many articles each filter kept, and what was dropped, as a small table."""
    rows = [{"step": step, "articles": n} for step, n in sel.steps]
    rows += [{"step": note, "articles": pd.NA} for note in sel.notes]
    return pd.DataFrame(rows)


def build_facts(sel: Selection) -> pd.DataFrame:
    """The build's corpus, size and versions (from build.json) as a two-column table."""
    info = sel.info
    rows = [("corpus", info.get("corpus", "unknown")), ("records read", info.get("n_read")),
            ("articles", info.get("n_articles")), ("rejected", info.get("n_rejected"))]
    rows += [(f"version: {k}", v) for k, v in sorted(info.get("versions", {}).items())]
    return pd.DataFrame(rows, columns=["fact", "value"]).astype({"value": str})


def outlet_overview(sel: Selection) -> pd.DataFrame:
    """Per outlet: articles, dated articles, first and last date, median words, quotes, comments."""
    arts = sel.articles
    if arts.empty:
        return pd.DataFrame(columns=["outlet", "articles", "dated", "first", "last", "median_words",
                                     "quotes", "comments"])
    dates = pd.to_datetime(arts["date"], errors="coerce")
    grouped = arts.assign(_date=dates).groupby("outlet", sort=True)
    out = pd.DataFrame({
        "articles": grouped.size(), "dated": grouped["_date"].count(),
        "first": grouped["_date"].min().dt.date, "last": grouped["_date"].max().dt.date,
        "median_words": grouped["n_words"].median(),
        "quotes": sel.quotes.groupby("outlet").size(), "comments": sel.comments.groupby("outlet").size(),
    })
    out[["quotes", "comments"]] = out[["quotes", "comments"]].fillna(0).astype("int64")
    return out.rename_axis("outlet").reset_index()


def count_by(frame: pd.DataFrame, columns: Sequence[str], name: str = "count") -> pd.DataFrame:
    """Rows per combination of ``columns``, largest first, ties in column order.

    >>> count_by(pd.DataFrame({"reason": ["a", "b", "a"]}), ["reason"]).values.tolist()
    [['a', 2], ['b', 1]]
    """
    if frame.empty:
        return pd.DataFrame(columns=[*columns, name])
    counts = frame.groupby(list(columns), dropna=False).size().rename(name).reset_index()
    return counts.sort_values([name, *columns], ascending=[False] + [True] * len(columns),
                              kind="stable", ignore_index=True)


def comparison_table(comparison: pd.DataFrame, digits: int = 3) -> pd.DataFrame:
    """compare_outlets output as one readable row per outlet and measure: mean [CI] and n."""
    if comparison.empty:
        return pd.DataFrame(columns=["outlet", "measure", "n", "mean", "95% CI", "small"])
    out = comparison.sort_values(["measure", "mean", "outlet"], kind="stable")
    ci = [f"[{lo:.{digits}f}, {hi:.{digits}f}]" if pd.notna(lo) else "n/a"
          for lo, hi in zip(out["ci_low"], out["ci_high"])]
    return pd.DataFrame({"outlet": out["outlet"], "measure": out["measure"], "n": out["n"],
                         "mean": out["mean"].round(digits), "95% CI": ci,
                         "small": out.get("flag_small", False)}).reset_index(drop=True)


def top_terms(frequencies: pd.DataFrame, n: int = 15) -> pd.DataFrame:
    """The ``n`` most frequent terms of each group, side by side ("term (rate per 10k words)")."""
    if frequencies.empty:
        return pd.DataFrame()
    columns = {}
    for group, part in frequencies.groupby("group", sort=True):
        top = part.sort_values(["count", "term"], ascending=[False, True], kind="stable").head(n)
        columns[group] = [f"{t} ({r:.1f})" for t, r in zip(top["term"], top["rate"])] + [""] * (n - len(top))
    return pd.DataFrame(columns, index=pd.RangeIndex(1, n + 1, name="rank"))


def largest_outlets(sel: Selection, limit: int) -> list[str]:
    """The ``limit`` outlets with most articles (ties by name): which get their own distinctive-terms chart."""
    counts = sel.articles["outlet"].value_counts()
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [outlet for outlet, _ in ranked[: max(int(limit), 0)]]


class EscapedTable:
    """A DataFrame shown as an HTML table whose every cell and header is escaped."""

    def __init__(self, frame: pd.DataFrame, max_rows: int = 30, max_chars: int = 120) -> None:
        self.frame = frame.head(max_rows) if max_rows else frame
        self.n_rows = len(frame)
        self.max_chars = max_chars

    def _short(self, value: object) -> object:
        if isinstance(value, str) and len(value) > self.max_chars:
            return value[: self.max_chars - 1] + "…"
        return value

    def _repr_html_(self) -> str:
        shown = self.frame.map(self._short)
        body = shown.to_html(escape=True, index=False, na_rep="", border=0, classes="analysis-table")
        more = (f"<p><em>{len(self.frame):,} of {self.n_rows:,} rows shown</em></p>"
                if self.n_rows > len(self.frame) else "")
        return body + more

    def __repr__(self) -> str:
        return self.frame.map(self._short).to_string(index=False)


def table(frame: pd.DataFrame, max_rows: int = 30, max_chars: int = 120) -> EscapedTable:
    """Wrap ``frame`` for display: escaped HTML, at most ``max_rows`` rows, long strings cut."""
    return EscapedTable(frame, max_rows=max_rows, max_chars=max_chars)


def note(text: str) -> Any:
    """Show a short sentence built from corpus-derived values, escaped (never as Markdown)."""
    from IPython.display import HTML

    return HTML(f"<p>{html.escape(text)}</p>")


def show(fig: Any, name: str, figures_dir: str | os.PathLike | None = None) -> None:
    """Save ``fig`` as NAME.png/.svg in ``figures_dir`` (when given) and display the PNG inline."""
    from IPython.display import display

    save(fig, name, figures_dir)
    alt = figure_title(fig) or name
    png = base64.b64encode(render(fig, "png")).decode("ascii")
    # The title doubles as alt text; the template escapes it like any corpus string.
    display({"image/png": png, "text/plain": alt}, raw=True, metadata={"image/png": {"alt": alt}})


def figure_title(fig: Any) -> str:
    """The figure's title (suptitle, else the first axes title), as shown, for alt text."""
    texts = [fig._suptitle.get_text()] if getattr(fig, "_suptitle", None) is not None else []
    texts += [ax.get_title(loc) for ax in fig.axes for loc in ("left", "center")]
    return next((t.replace("\\$", "$") for t in texts if t), "")


def distinctive_by_outlet(sel: Selection, limit: int, min_count: int = 3) -> list[tuple[str, pd.DataFrame]]:
    """Distinctive terms of each of the ``limit`` largest outlets against all the other rows."""
    from .terms import distinctive_terms_each

    if sel.articles["outlet"].nunique() < 2:
        return []
    outlets = largest_outlets(sel, limit)
    tables = distinctive_terms_each(sel.articles, outlets, min_count=min_count)
    return [(outlet, tables[outlet]) for outlet in outlets]


def comment_overview(sel: Selection) -> pd.DataFrame:
    """Per outlet: comments, articles with comments, commenters, replies and mean VADER compound."""
    from .sentiment import sentiment

    cols = ["outlet", "comments", "articles", "commenters", "replies", "mean_compound"]
    comments = sel.comments
    if comments.empty:
        return pd.DataFrame(columns=cols)
    scored = comments.assign(
        _compound=[sentiment(t)["compound"] if isinstance(t, str) else float("nan") for t in comments["text"]],
        _reply=comments["depth"].fillna(0) > 0)
    grouped = scored.groupby("outlet", sort=True)
    out = pd.DataFrame({"comments": grouped.size(), "articles": grouped["article_id"].nunique(),
                        "commenters": grouped["author"].nunique(), "replies": grouped["_reply"].sum(),
                        "mean_compound": grouped["_compound"].mean().round(3)})
    return out.rename_axis("outlet").reset_index()[cols]


def article_list(sel: Selection) -> pd.DataFrame:
    """The articles behind the numbers: outlet, date, title, author, words, quotes, comments."""
    cols = [c for c in ("outlet", "date", "title", "author", "n_words", "n_quotes", "n_comments")
            if c in sel.articles]
    return sel.articles[cols].sort_values(["outlet", "date", "title"], kind="stable", na_position="last",
                                          ignore_index=True)
