"""Figures for outlet comparisons, wording and voices, in one style.

Every function takes a table that a function of :mod:`analysis` returns and
gives back a matplotlib :class:`~matplotlib.figure.Figure` (not shown, not
tracked by pyplot), so a student can restyle it, save it with :func:`save`, or
put it in a paper. Each figure has a title, axis labels with units and the n
behind each point; empty tables give a figure that says "no data" instead of
an error. Corpus strings are escaped (:func:`analysis.figures.label`).

>>> import pandas as pd
>>> cmp = pd.DataFrame({"outlet": ["A", "B"], "measure": "compound", "n": [12, 3],
...     "mean": [0.1, -0.2], "median": [0.1, -0.2], "ci_low": [0.0, -0.5],
...     "ci_high": [0.2, 0.1], "flag_small": [False, True]})
>>> fig = outlet_dots(cmp, "compound")
>>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
['B (n=3)', 'A (n=12)']
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from .figures import PALETTE, label, new_figure, save, style

__all__ = ["MEASURES", "outlet_dots", "narration_vs_quotes", "target_sentiment_dots", "articles_per_outlet",
           "articles_over_time", "words_per_article", "removal_reasons", "distinctive_bars",
           "naming_shares", "top_speakers", "save", "measure_label"]

# measure -> (what it is, axis label with its unit)
MEASURES: dict[str, tuple[str, str]] = {
    "compound": ("Sentiment of the whole article", "mean VADER compound per article (-1 to +1)"),
    "compound_narration": ("Sentiment of the narration", "VADER compound outside quotations (-1 to +1)"),
    "compound_quotes": ("Sentiment of the quotations", "VADER compound inside quotations (-1 to +1)"),
    "share_negative": ("Negative sentences", "share of sentences with compound <= -0.05 (0 to 1)"),
    "share_positive": ("Positive sentences", "share of sentences with compound >= 0.05 (0 to 1)"),
    "flesch_reading_ease": ("Flesch reading ease", "Flesch reading ease (points; higher = easier)"),
    "flesch_kincaid_grade": ("Flesch-Kincaid grade", "Flesch-Kincaid grade (US school years)"),
    "gunning_fog": ("Gunning fog index", "Gunning fog (US school years)"),
    "smog_index": ("SMOG index", "SMOG grade (US school years)"),
    "coleman_liau_index": ("Coleman-Liau index", "Coleman-Liau grade (US school years)"),
    "automated_readability_index": ("Automated readability index", "ARI grade (US school years)"),
    "dale_chall_readability_score": ("Dale-Chall score", "Dale-Chall score (points; higher = harder)"),
    "quote_share": ("Quoted words", "share of words inside quotations (0 to 1)"),
    "n_words": ("Article length", "words per article"),
    "n_quotes": ("Quotations per article", "quotations per article (count)"),
    "top_speaker_share": ("Dominant voice", "top speaker's share of quoted words (0 to 1)"),
}


def measure_label(measure: str) -> tuple[str, str]:
    """(title, axis label) for ``measure``; unknown measures get their own name.

    >>> measure_label("quote_share")[0]
    'Quoted words'
    """
    return MEASURES.get(measure, (measure.replace("_", " ").capitalize(), measure))


def _no_data(ax: Axes, title: str) -> None:
    ax.set_title(label(title, 90))
    ax.text(0.5, 0.5, "no data for this selection", ha="center", va="center", transform=ax.transAxes,
            color="#666666")
    ax.set_xticks([])
    ax.set_yticks([])


def _tall(n_rows: int, base: float = 1.4, per_row: float = 0.32) -> float:
    return min(base + per_row * max(n_rows, 1), 14.0)


def _row_label(name: object, n: object) -> str:
    return f"{label(name, 40)} (n={int(n):,})" if pd.notna(n) else label(name, 40)


def outlet_dots(comparison: pd.DataFrame, measure: str, title: str | None = None,
                xlabel: str | None = None) -> Figure:
    """Dot plot of one measure per outlet: mean with its confidence interval, sorted by mean.

    ``comparison`` is :func:`analysis.compare_outlets` output (outlet,
    measure, n, mean, ci_low, ci_high, flag_small). Outlets flagged as small
    are drawn hollow and the note under the axis says so.
    """
    rows = comparison[comparison["measure"] == measure].dropna(subset=["mean"])
    rows = rows.sort_values(["mean", "outlet"], kind="stable")
    name, unit = measure_label(measure)
    fig = new_figure(7.5, _tall(len(rows)))
    with style():
        ax = fig.add_subplot()
        if rows.empty:
            _no_data(ax, title or name)
            return fig
        y = np.arange(len(rows))
        err = np.vstack([(rows["mean"] - rows["ci_low"]).clip(lower=0).fillna(0),
                         (rows["ci_high"] - rows["mean"]).clip(lower=0).fillna(0)])
        ax.errorbar(rows["mean"], y, xerr=err, fmt="none", ecolor="#999999", elinewidth=1.5, capsize=3)
        small = rows["flag_small"].fillna(False).astype(bool).to_numpy() if "flag_small" in rows else np.zeros(len(rows), bool)
        ax.scatter(rows["mean"][~small], y[~small], color=PALETTE[0], zorder=3, s=36)
        ax.scatter(rows["mean"][small], y[small], facecolor="white", edgecolor=PALETTE[0], zorder=3, s=36)
        ax.set_yticks(y, [_row_label(o, n) for o, n in zip(rows["outlet"], rows["n"])])
        ax.set_title(label(title or f"{name} by outlet", 90))
        ax.set_xlabel(xlabel or f"{unit}\nbars: 95% bootstrap confidence interval")
        if small.any():
            ax.annotate("hollow: too few articles for a stable estimate", (0, 0), xycoords="figure fraction",
                        xytext=(4, 4), textcoords="offset points", fontsize=8, color="#666666")
    return fig


def narration_vs_quotes(comparison: pd.DataFrame) -> Figure:
    """Sentiment of narration against quotations per outlet, each with its CI and n."""
    parts = comparison[comparison["measure"].isin(["compound_narration", "compound_quotes"])]
    parts = parts.dropna(subset=["mean"])
    outlets = (parts[parts["measure"] == "compound_narration"].sort_values(["mean", "outlet"])["outlet"].tolist())
    outlets += sorted(set(parts["outlet"]) - set(outlets))
    fig = new_figure(7.5, _tall(len(outlets), per_row=0.45))
    with style():
        ax = fig.add_subplot()
        if parts.empty:
            _no_data(ax, "Narration against quotations")
            return fig
        pos = {o: i for i, o in enumerate(outlets)}
        for k, (measure, colour) in enumerate([("compound_narration", PALETTE[0]), ("compound_quotes", PALETTE[1])]):
            rows = parts[parts["measure"] == measure]
            y = rows["outlet"].map(pos).to_numpy(float) + (k - 0.5) * 0.3
            err = np.vstack([(rows["mean"] - rows["ci_low"]).clip(lower=0).fillna(0),
                             (rows["ci_high"] - rows["mean"]).clip(lower=0).fillna(0)])
            ax.errorbar(rows["mean"], y, xerr=err, fmt="o", color=colour, capsize=3, markersize=5,
                        label="narration" if k == 0 else "quotations")
            for xv, yv, n in zip(rows["mean"], y, rows["n"]):
                ax.annotate(f"n={int(n)}", (xv, yv), xytext=(6, 2), textcoords="offset points", fontsize=7,
                            color=colour)
        ax.set_yticks(range(len(outlets)), [label(o, 40) for o in outlets])
        ax.axvline(0, color="#999999", linewidth=0.8)
        ax.set_title("Narration against quotations")
        ax.set_xlabel("mean VADER compound per article (-1 to +1)\nbars: 95% bootstrap confidence interval")
        ax.legend(loc="lower right", fontsize=8)
    return fig


def target_sentiment_dots(targets: pd.DataFrame, by: str = "outlet") -> Figure:
    """Mean compound of the sentences that mention each target, per outlet (n = sentences)."""
    rows = targets.dropna(subset=["mean_compound"]).sort_values(["target", by])
    names = sorted(rows["target"].unique()) if not rows.empty else []
    groups = sorted(rows[by].unique()) if not rows.empty else []
    fig = new_figure(7.5, _tall(len(names) * max(len(groups), 1), per_row=0.22))
    with style():
        ax = fig.add_subplot()
        if rows.empty:
            _no_data(ax, "Sentiment of sentences that mention each target")
            return fig
        step = 0.8 / max(len(groups), 1)
        for k, group in enumerate(groups):
            part = rows[rows[by] == group]
            y = part["target"].map({t: i for i, t in enumerate(names)}).to_numpy(float) - 0.4 + (k + 0.5) * step
            ax.scatter(part["mean_compound"], y, s=10 + 4 * np.sqrt(part["n_sentences"]),
                       color=PALETTE[k % len(PALETTE)], label=label(group, 30), zorder=3)
            for xv, yv, n in zip(part["mean_compound"], y, part["n_sentences"]):
                ax.annotate(f"n={int(n)}", (xv, yv), xytext=(5, -3), textcoords="offset points", fontsize=6)
        ax.set_yticks(range(len(names)), [label(t, 30) for t in names])
        ax.axvline(0, color="#999999", linewidth=0.8)
        ax.set_title("Sentiment of sentences that mention each target")
        ax.set_xlabel("mean VADER compound of those sentences (-1 to +1); n = sentences")
        ax.legend(fontsize=7, loc="center left", bbox_to_anchor=(1.0, 0.5))
    return fig


def _count_bars(values: pd.Series, missing: str, empty_title: str, title: str, xlabel: str,
                color: str, label_chars: int, annotate: bool) -> Figure:
    """Horizontal bars of how often each value occurs, largest on top."""
    counts = values.fillna(missing).value_counts().sort_index().sort_values(kind="stable")
    fig = new_figure(7.5, _tall(len(counts)))
    with style():
        ax = fig.add_subplot()
        if counts.empty:
            _no_data(ax, empty_title)
            return fig
        ax.barh(range(len(counts)), counts.to_numpy(), color=color)
        if annotate:
            for i, n in enumerate(counts):
                ax.annotate(f"{n:,}", (n, i), xytext=(3, -3), textcoords="offset points", fontsize=8)
        ax.set_yticks(range(len(counts)), [label(v, label_chars) for v in counts.index])
        ax.set_title(title.format(total=int(counts.sum())))
        ax.set_xlabel(xlabel)
    return fig


def articles_per_outlet(articles: pd.DataFrame, by: str = "outlet") -> Figure:
    """Horizontal bars: number of articles per outlet, largest on top."""
    return _count_bars(articles[by], "(missing)", "Articles per outlet", "Articles per outlet (n={total:,})",
                       "articles (count)", PALETTE[0], 40, annotate=True)


def articles_over_time(articles: pd.DataFrame, freq: str = "MS") -> Figure:
    """Articles per period (``freq``: pandas offset, default month start); undated ones counted in the title."""
    dates = pd.to_datetime(articles["date"], errors="coerce") if "date" in articles else pd.Series(dtype="datetime64[ns]")
    dated = dates.dropna()
    fig = new_figure(7.5, 3.2)
    with style():
        ax = fig.add_subplot()
        title = f"Articles over time ({len(dated):,} dated, {len(dates) - len(dated):,} undated)"
        if dated.empty:
            _no_data(ax, title)
            return fig
        counts = dated.dt.to_period(freq.rstrip("S") or "M").value_counts().sort_index()
        full = pd.period_range(counts.index.min(), counts.index.max(), freq=counts.index.freq)
        counts = counts.reindex(full, fill_value=0)
        ax.bar([p.to_timestamp() for p in counts.index], counts.to_numpy(), width=20, color=PALETTE[0])
        ax.set_title(title)
        ax.set_ylabel("articles per period (count)")
        ax.set_xlabel("publication date")
        ax.grid(axis="y")
    return fig


def words_per_article(articles: pd.DataFrame, by: str = "outlet") -> Figure:
    """One dot per article (words after cleaning), outlets sorted by median length."""
    data = articles[[by, "n_words"]].dropna()
    order = data.groupby(by)["n_words"].median().sort_values(kind="stable")
    fig = new_figure(7.5, _tall(len(order)))
    with style():
        ax = fig.add_subplot()
        if data.empty:
            _no_data(ax, "Words per article")
            return fig
        for i, outlet in enumerate(order.index):
            values = np.sort(data.loc[data[by] == outlet, "n_words"].to_numpy())
            # Spread dots deterministically (no random jitter): same data, same picture.
            jitter = (np.linspace(-0.25, 0.25, len(values)) if len(values) > 1 else np.zeros(1))
            ax.scatter(values, i + jitter, s=12, alpha=0.6, color=PALETTE[0])
            ax.scatter([order[outlet]], [i], marker="|", s=300, color=PALETTE[1], zorder=3)
        counts = data[by].value_counts()
        ax.set_yticks(range(len(order)), [_row_label(o, counts[o]) for o in order.index])
        ax.set_title("Words per article after cleaning (red: median)")
        ax.set_xlabel("words per article")
    return fig


def removal_reasons(removed: pd.DataFrame) -> Figure:
    """What cleaning removed: segments per reason (boilerplate category)."""
    n_articles = removed["article_id"].nunique() if "article_id" in removed else 0
    return _count_bars(removed["reason"], "(unknown)", "Segments removed by cleaning",
                       f"Segments removed by cleaning ({{total:,}} in {n_articles:,} articles)",
                       "removed segments (count)", PALETTE[3], 50, annotate=False)


def distinctive_bars(distinctive: pd.DataFrame, name_a: str, name_b: str = "all other outlets",
                     n: int = 10) -> Figure:
    """Two-sided bars of log-odds z: terms typical of ``name_a`` to the right, of ``name_b`` to the left.

    ``distinctive`` is :func:`analysis.distinctive_terms` output (indexed by
    term; count_a, count_b, z). Each bar is labelled with the term's counts.
    """
    table = distinctive.dropna(subset=["z"])
    top = pd.concat([table[table["z"] > 0].head(n), table[table["z"] < 0].tail(n)])
    top = top.sort_values("z", kind="stable")
    fig = new_figure(7.5, _tall(len(top), per_row=0.26))
    with style():
        ax = fig.add_subplot()
        title = f"Distinctive terms: {label(name_a, 35)} vs {label(name_b, 35)}"
        if top.empty:
            _no_data(ax, title)
            return fig
        colours = [PALETTE[0] if z > 0 else PALETTE[1] for z in top["z"]]
        ax.barh(range(len(top)), top["z"].to_numpy(), color=colours)
        ax.set_yticks(range(len(top)), [f"{label(t, 30)} ({a}/{b})" for t, a, b in
                                        zip(top.index, top["count_a"], top["count_b"])])
        ax.axvline(0, color="#333333", linewidth=0.8)
        ax.set_title(title)
        ax.set_xlabel(f"log-odds z with prior (right: typical of {label(name_a, 25)}; "
                      f"left: of {label(name_b, 25)})\nin brackets: count in {label(name_a, 25)} / in the rest")
    return fig


def naming_shares(framing: pd.DataFrame, group: str = "group") -> Figure:
    """Stacked shares per outlet of the labels used for immigrants (n = mentions, articles)."""
    table = framing[framing["count"] > 0]
    pivot = table.pivot_table(index=group, columns="label", values="count", aggfunc="sum", fill_value=0)
    pivot = pivot.reindex(sorted(pivot.columns), axis=1).sort_index()
    fig = new_figure(8.5, _tall(len(pivot), base=2.2, per_row=0.4))
    with style():
        ax = fig.add_subplot()
        if pivot.empty:
            _no_data(ax, "How each outlet names immigrants")
            return fig
        shares = pivot.div(pivot.sum(axis=1), axis=0)
        left = np.zeros(len(shares))
        colours = [PALETTE[i % len(PALETTE)] for i in range(shares.shape[1])]
        for (lab, col), colour in zip(shares.items(), colours):
            ax.barh(range(len(shares)), col.to_numpy(), left=left, color=colour, label=label(lab, 30),
                    edgecolor="white", linewidth=0.5)
            left += col.to_numpy()
        art = table.groupby(group)["n_articles"].max() if "n_articles" in table else None
        ax.set_yticks(range(len(shares)), [
            f"{label(o, 30)} (n={int(pivot.loc[o].sum()):,} mentions"
            + (f", {int(art[o]):,} articles)" if art is not None else ")") for o in shares.index])
        ax.set_xlim(0, 1)
        ax.set_title("How each outlet names immigrants")
        ax.set_xlabel("share of the outlet's mentions of immigrants (0 to 1)")
        ax.legend(fontsize=7, loc="center left", bbox_to_anchor=(1.0, 0.5))
    return fig


def top_speakers(speakers: pd.DataFrame, n: int = 8, max_outlets: int = 12) -> Figure:
    """Per outlet, the speakers quoted most (quoted words), one panel per outlet."""
    table = speakers.sort_values(["outlet", "n_words", "speaker"], ascending=[True, False, True])
    outlets = sorted(table["outlet"].unique())[:max_outlets]
    cols = 2 if len(outlets) > 1 else 1
    rows = max(1, -(-len(outlets) // cols))
    shown = int(table.groupby("outlet").size().clip(upper=n).max()) if outlets else 1
    fig = new_figure(9.0 if cols == 2 else 7.0, 0.6 + rows * (0.3 * shown + 1.0))
    with style():
        if not outlets:
            _no_data(fig.add_subplot(), "Who is quoted")
            return fig
        axes = fig.subplots(rows, cols, squeeze=False).ravel()
        for ax, outlet in zip(axes, outlets):
            part = table[table["outlet"] == outlet].head(n)
            y = shown - 1 - np.arange(len(part))  # most quoted on top, every panel aligned
            ax.barh(y, part["n_words"].to_numpy(), color=PALETTE[0])
            ax.set_yticks(y, [f"{label(s, 28)} ({q})" for s, q in zip(part["speaker"], part["n_quotes"])])
            ax.set_ylim(-0.6, shown - 0.4)  # same bar thickness in every panel
            ax.set_title(label(outlet, 40), fontsize=10)
            ax.set_xlabel("quoted words (count); (n) = quotations", fontsize=8)
        for ax in axes[len(outlets):]:
            ax.set_visible(False)
        fig.suptitle("Who is quoted, by outlet", fontweight="bold", x=0.01, ha="left")
    return fig
