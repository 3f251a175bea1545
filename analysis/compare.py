"""Per-outlet comparison of article measures, with bootstrap confidence intervals.

:func:`compare_outlets` summarises numeric per-article columns (sentiment,
readability, quote share, ...) for each outlet: number of values, mean,
median and a percentile-bootstrap confidence interval of the mean. Outlets
with few articles are flagged, never pooled with others.

Outlet names that are variants of the same desk can be merged through an
alias table (``analysis/data/outlet_aliases.csv``: columns ``alias``,
``outlet`` and an ignored ``note``). The default table merges only labels
that AllSides uses for the same desk (e.g. "Fox Online News" and "Fox News
(Online)" into "Fox News"); news and opinion desks of one publisher stay apart.

>>> import pandas as pd
>>> arts = pd.DataFrame({"outlet": ["A"] * 6 + ["B"] * 2,
...                      "tone": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 0.0, 1.0]})
>>> res = compare_outlets(arts, n_boot=200)
>>> res[["outlet", "n", "mean", "flag_small"]].to_dict("records")
... # doctest: +NORMALIZE_WHITESPACE
[{'outlet': 'A', 'n': 6, 'mean': 3.5, 'flag_small': False},
 {'outlet': 'B', 'n': 2, 'mean': 0.5, 'flag_small': True}]
"""
from __future__ import annotations

import zlib
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import config
from analysis.errors import CorpusError, LexiconError, ParameterError, UnknownMeasureError

_MAX_BOOT_CELLS = 1 << 22  # resampled values held at once (32 MB of float64)
_STATS = ["n", "mean", "median", "ci_low", "ci_high"]


# --------------------------------------------------------------------------- aliases
def load_aliases(path: str | Path | None = None) -> dict[str, str]:
    """Read an alias table (CSV with columns alias, outlet) into {alias: outlet}.

    ``None`` reads the default table. Chains (a -> b, b -> c) are followed, so
    every alias maps to a final name; a cycle is an error.

    >>> load_aliases()["Fox Online News"]
    'Fox News'
    """
    path = config.OUTLET_ALIASES_FILE if path is None else Path(path)
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise LexiconError(f"Cannot read the outlet alias table {path}: {exc}") from exc
    if not {"alias", "outlet"} <= set(table.columns):
        raise LexiconError(
            f"The alias table {path} needs columns 'alias' and 'outlet'; "
            f"it has {list(table.columns)}."
        )
    pairs = zip(table["alias"].str.strip(), table["outlet"].str.strip())
    return _resolve_chains({a: o for a, o in pairs if a and o and a != o})


def _resolve_chains(aliases: Mapping[str, str]) -> dict[str, str]:
    resolved = {}
    for alias in aliases:
        seen, name = {alias}, aliases[alias]
        while name in aliases:
            if name in seen:
                raise LexiconError(f"The outlet aliases loop: {sorted(seen)}. Remove one of them.")
            seen.add(name)
            name = aliases[name]
        resolved[alias] = name
    return resolved


def _aliases(aliases: Mapping[str, str] | str | Path | None) -> dict[str, str]:
    if aliases is None or isinstance(aliases, (str, Path)):
        return load_aliases(aliases)
    if isinstance(aliases, Mapping):
        return _resolve_chains({k: v for k, v in aliases.items() if k != v})
    raise ParameterError(
        f"aliases must be a dict, a path to a CSV or None, got {type(aliases).__name__}."
    )


def apply_aliases(
    series_or_df: pd.Series | pd.DataFrame,
    aliases: Mapping[str, str] | str | Path | None = None,
    column: str = "outlet",
) -> pd.Series | pd.DataFrame:
    """Replace outlet name variants by their merged name (a copy; input untouched).

    ``aliases``: a dict, a CSV path, or ``None`` for the default table; ``{}``
    changes nothing. A DataFrame has its ``column`` replaced.

    >>> import pandas as pd
    >>> apply_aliases(pd.Series(["Fox Online News", "Vox"])).tolist()
    ['Fox News', 'Vox']
    """
    mapping = _aliases(aliases)
    if isinstance(series_or_df, pd.DataFrame):
        if column not in series_or_df.columns:
            raise CorpusError(f"No column {column!r} to apply outlet aliases to.")
        out = series_or_df.copy()
        out[column] = apply_aliases(out[column], mapping)
        return out
    hit = series_or_df.isin(list(mapping))
    return series_or_df.where(~hit, series_or_df.map(mapping))


# -------------------------------------------------------------------------- measures
def _is_measure(col: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(col) or pd.api.types.is_bool_dtype(col)


def _measures(articles: pd.DataFrame, measures: list[str] | None, by: str) -> list[str]:
    """Validate the measure names; None means every float column."""
    valid = sorted(str(c) for c in articles.columns if c != by and _is_measure(articles[c]))
    if measures is None:
        chosen = [c for c in articles.columns
                  if c != by and pd.api.types.is_float_dtype(articles[c])]
        if not chosen:
            raise UnknownMeasureError(
                "No float columns to compare; pass measures=[...] from the numeric "
                f"columns {valid}."
            )
        return sorted(chosen)
    if isinstance(measures, str):
        measures = [measures]
    unknown = [m for m in measures if m not in articles.columns or not _is_measure(articles[m])]
    if unknown:
        raise UnknownMeasureError(
            f"Unknown or non-numeric measure(s) {unknown}; numeric columns are {valid}."
        )
    return sorted(dict.fromkeys(measures))


# ------------------------------------------------------------------------- bootstrap
def _rng(seed: int, group: object) -> np.random.Generator:
    """A generator per outlet: results never depend on the other outlets."""
    return np.random.default_rng(np.random.SeedSequence([seed, zlib.crc32(str(group).encode("utf-8"))]))


def bootstrap_means_ci(matrix: np.ndarray, n_boot: int, rng: np.random.Generator,
                       ci: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Percentile-bootstrap CIs of each column's mean, rows resampled together.

    Rows (articles) are drawn with replacement, and in each resample every
    column's mean is taken over its non-missing (non-NaN) values. One set of
    resamples serves every column, so the cost is one random draw per row and
    resample, not one per column: each resample is a row of counts (how often
    each row was drawn) and all the means are two matrix products. Chunked so
    memory stays bounded for large n. Returns (low, high) arrays; NaN for a
    column with fewer than 2 values.

    >>> m = np.column_stack([np.arange(10.0), -np.arange(10.0)])
    >>> low, high = bootstrap_means_ci(m, 500, np.random.default_rng(1))
    >>> bool(low[0] < 4.5 < high[0]) and bool(low[1] < -4.5 < high[1])
    True
    """
    n, k = matrix.shape
    valid = ~np.isnan(matrix)
    enough = valid.sum(axis=0) >= 2
    if n < 2 or not enough.any():
        return np.full(k, np.nan), np.full(k, np.nan)
    filled, gaps = np.where(valid, matrix, 0.0), np.flatnonzero(~valid.all(axis=0))
    weights = valid[:, gaps].astype(float)
    chunk = max(1, _MAX_BOOT_CELLS // n)
    means = []
    for start in range(0, n_boot, chunk):
        m = min(chunk, n_boot - start)
        # int32 draws are the numbers int64 ones would be (one 32-bit generator below 2**32), made faster
        kind = np.int32 if m * n < 2**31 else np.int64
        drawn = rng.integers(0, n, size=(m, n), dtype=kind)
        drawn += (np.arange(m, dtype=kind) * n)[:, None]
        counts = np.bincount(drawn.ravel(), minlength=m * n).reshape(m, n).astype(float)
        # A resample's count of values is a sum of whole numbers, exact in any order:
        # n for a column without gaps, a product with the gaps' indicators otherwise.
        drawn_values = np.full((m, k), float(n))
        drawn_values[:, gaps] = counts @ weights
        with np.errstate(invalid="ignore", divide="ignore"):  # a resample may miss all of a column's values
            means.append((counts @ filled) / drawn_values)
    alpha = (1.0 - ci) / 2.0
    resampled = np.concatenate(means)[:, enough]
    quantile = np.nanquantile if np.isnan(resampled).any() else np.quantile
    low, high = np.full(k, np.nan), np.full(k, np.nan)
    low[enough], high[enough] = quantile(resampled, [alpha, 1.0 - alpha], axis=0)
    return low, high


def bootstrap_mean_ci(values: np.ndarray, n_boot: int, rng: np.random.Generator,
                      ci: float = 0.95) -> tuple[float, float]:
    """Percentile-bootstrap CI of the mean of ``values`` (NaN when fewer than 2).

    >>> lo, hi = bootstrap_mean_ci(np.arange(10.0), 500, np.random.default_rng(1))
    >>> bool(lo < 4.5 < hi)
    True
    """
    values = np.asarray(values, dtype=float)
    low, high = bootstrap_means_ci(values[~np.isnan(values)].reshape(-1, 1), n_boot, rng, ci)
    return float(low[0]), float(high[0])


def _outlet_rows(group: object, matrix: np.ndarray, names: list[str], n_boot: int, seed: int, ci: float) -> list[list]:
    """One outlet's rows (``matrix``: its articles x ``names``), every measure
    from one set of resampled articles."""
    low, high = bootstrap_means_ci(matrix, n_boot, _rng(seed, group), ci)
    stats = _column_stats(matrix)
    return [[group, m, *stats[j], float(low[j]), float(high[j])] for j, m in enumerate(names)]


def _column_stats(matrix: np.ndarray) -> list[list]:
    """[n, mean, median] of each column's non-missing values, bit for bit as numpy gives them
    column by column: the columns without gaps are done together with the same sums (pairwise,
    each along a contiguous row) and the same partitions (column after column, same kth)."""
    valid = ~np.isnan(matrix)
    complete = valid.all(axis=0) & (len(matrix) > 0)
    stats: list[list] = [[] for _ in range(matrix.shape[1])]
    if complete.any():
        block = matrix[:, complete]
        means = np.add.reduce(np.ascontiguousarray(block.T), axis=1) / len(block)
        for j, mean, median in zip(np.flatnonzero(complete), means, np.median(block, axis=0)):
            stats[j] = [len(block), float(mean), float(median)]
    for j in np.flatnonzero(~complete):
        values = matrix[:, j][valid[:, j]]
        stats[j] = [len(values), float(values.mean()), float(np.median(values))] if len(values) else [0, np.nan, np.nan]
    return stats


def _check_args(n_boot: int, ci: float, seed: int) -> None:
    if not (isinstance(n_boot, (int, np.integer)) and n_boot >= 1):
        raise ParameterError(f"n_boot must be a positive integer, got {n_boot!r}.")
    if not 0.0 < ci < 1.0:
        raise ParameterError(f"ci must be between 0 and 1 (0.95 for 95%), got {ci!r}.")
    if not (isinstance(seed, (int, np.integer)) and seed >= 0):
        raise ParameterError(f"seed must be a non-negative integer, got {seed!r}.")


def compare_outlets(
    articles: pd.DataFrame,
    measures: list[str] | None = None,
    by: str = "outlet",
    min_articles: int | None = None,
    aliases: Mapping[str, str] | str | Path | None = None,
    n_boot: int = config.BOOTSTRAP_RESAMPLES,
    seed: int = config.BOOTSTRAP_SEED,
    ci: float = 0.95,
) -> pd.DataFrame:
    """Per outlet and measure: n, mean, median and a bootstrap CI of the mean.

    Long format, one row per (outlet, measure), columns: ``by`` (``outlet`` by
    default), ``measure``, ``n`` (non-missing values), ``mean``, ``median``,
    ``ci_low``, ``ci_high``, ``flag_small``; sorted by outlet then measure.

    * ``measures=None`` takes every float column (so integer ids and
      ``n_words`` are left out); name integer or boolean columns explicitly
      to include them. An unknown or non-numeric name raises
      :class:`~analysis.errors.UnknownMeasureError` listing the valid ones.
    * ``flag_small`` is True when n < ``min_articles`` (default
      ``config.MIN_ARTICLES_PER_OUTLET``); such outlets keep their own row,
      and their CI is still computed when n >= 2 (NaN below).
    * The CI is a percentile bootstrap with ``n_boot`` resamples of the
      outlet's articles; in each, a measure's mean is over the articles that
      have it (see :func:`bootstrap_means_ci`). The resamples are seeded from
      ``seed`` and the outlet name, so runs agree exactly and adding an
      outlet does not change the others.
    * ``aliases`` merges outlet name variants first: ``None`` uses the default
      table, ``{}`` merges nothing, or pass a dict or a CSV path.
      Rows with a missing outlet are skipped.

    >>> import pandas as pd
    >>> arts = pd.DataFrame({"outlet": ["Fox Online News", "Fox News"], "grade": [8.0, 10.0]})
    >>> compare_outlets(arts)[["outlet", "n", "mean", "median"]].to_dict("records")
    [{'outlet': 'Fox News', 'n': 2, 'mean': 9.0, 'median': 9.0}]
    """
    if not isinstance(articles, pd.DataFrame) or by not in articles.columns:
        raise CorpusError(f"compare_outlets needs a DataFrame with a {by!r} column.")
    _check_args(n_boot, ci, seed)
    names = _measures(articles, measures, by)
    min_articles = config.MIN_ARTICLES_PER_OUTLET if min_articles is None else min_articles
    groups = apply_aliases(articles[by], aliases)
    # One float matrix for all measures, cut into outlets by position (fast on any index).
    matrix = np.column_stack([pd.to_numeric(articles[m]).to_numpy(dtype=float, na_value=np.nan) for m in names])
    codes, outlets = pd.factorize(groups, sort=True)  # a missing outlet is -1
    order = np.argsort(codes, kind="stable")
    cuts = np.searchsorted(codes[order], np.arange(len(outlets) + 1))
    rows = []
    for i, group in enumerate(outlets):
        rows += _outlet_rows(group, matrix[order[cuts[i]:cuts[i + 1]]], names, n_boot, seed, ci)
    res = pd.DataFrame(rows, columns=[by, "measure", *_STATS])
    res["n"] = res["n"].astype(np.int64)
    res["flag_small"] = res["n"] < min_articles
    return res.reset_index(drop=True)


def sort_by_value(comparison: pd.DataFrame, measure: str, stat: str = "mean",
                  ascending: bool = False) -> pd.DataFrame:
    """Rows of one measure from :func:`compare_outlets`, ordered by a statistic (for plots).

    Ties and missing values: ordered by outlet name, missing values last.

    >>> import pandas as pd
    >>> comp = compare_outlets(pd.DataFrame({"outlet": ["A", "B"], "x": [1.0, 2.0]}))
    >>> sort_by_value(comp, "x")["outlet"].tolist()
    ['B', 'A']
    """
    if measure not in set(comparison["measure"]):
        raise UnknownMeasureError(
            f"Measure {measure!r} is not in this comparison; "
            f"it has {sorted(set(comparison['measure']))}."
        )
    if stat not in comparison.columns:
        raise UnknownMeasureError(f"No column {stat!r}; use one of {_STATS}.")
    part = comparison[comparison["measure"] == measure]
    group_col = comparison.columns[0]
    part = part.sort_values(group_col, kind="stable")
    return part.sort_values(stat, ascending=ascending, kind="stable", na_position="last")
