"""The Dask engine gives the same tables as the local engine."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import config
from analysis.pipeline import build

pytest.importorskip("dask.distributed", reason="the dask extra is not installed (pip install -e '.[dask]')")

TABLES = ["articles", "quotes", "comments", "removed", "rejects", "outlets", "terms", "framing"]


@pytest.mark.slow
def test_local_cluster_with_two_workers_matches_the_local_engine(tmp_path):
    local = build(config.RAW_DIR, tmp_path / "local", workers=1, quiet=True, use_cache=False)
    dask = build(config.RAW_DIR, tmp_path / "dask", engine="dask", workers=2, quiet=True,
                 use_cache=False, chunk_size=2)
    assert (dask.n_articles, dask.n_rejected) == (local.n_articles, local.n_rejected) == (5, 0)
    for name in TABLES:
        pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "local" / f"{name}.parquet"),
                                      pd.read_parquet(tmp_path / "dask" / f"{name}.parquet"), obj=name)


def test_unknown_engine_is_a_clear_error(tmp_path):
    from analysis.errors import AnalysisError

    with pytest.raises(AnalysisError, match="unknown engine"):
        build(config.RAW_DIR, tmp_path / "x", engine="spark", workers=1, quiet=True)
