"""Figures: one style, titles/labels/n on every figure, empty input, hostile names, identical bytes."""
from __future__ import annotations

import matplotlib
import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st
from matplotlib.figure import Figure

from analysis import plots
from analysis.figures import label, render, save

HOSTILE = ['$x$', '$\\frac{', '<script>document.title="pwned"</script>', "a$b", "ـــ عربي", "\x00\x07"]


def _comparison(outlets=("A", "B", "C"), means=(0.3, -0.1, 0.1), n=(10, 2, 7)) -> pd.DataFrame:
    return pd.DataFrame({"outlet": list(outlets), "measure": "compound", "n": list(n), "mean": list(means),
                         "median": list(means), "ci_low": [m - 0.1 for m in means],
                         "ci_high": [m + 0.1 for m in means], "flag_small": [k < 5 for k in n]})


def _texts(fig: Figure) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.get_yticklabels()]


def _has_title_and_labels(fig: Figure) -> None:
    ax = fig.axes[0]
    assert ax.get_title(loc="left") or ax.get_title() or fig._suptitle is not None
    assert ax.get_xlabel()


def test_outlet_dots_sorted_by_mean_with_n_in_labels():
    fig = plots.outlet_dots(_comparison(), "compound")
    assert _texts(fig) == ["B (n=2)", "C (n=7)", "A (n=10)"]
    _has_title_and_labels(fig)
    assert "-1 to +1" in fig.axes[0].get_xlabel()


def test_outlet_dots_only_the_asked_measure():
    cmp = pd.concat([_comparison(), _comparison(means=(5, 6, 7)).assign(measure="gunning_fog")])
    fig = plots.outlet_dots(cmp, "gunning_fog")
    assert _texts(fig) == ["A (n=10)", "B (n=2)", "C (n=7)"]
    assert "school years" in fig.axes[0].get_xlabel()


def _sample_tables() -> dict[str, pd.DataFrame]:
    arts = pd.DataFrame({"outlet": ["A", "A", "B"], "n_words": [100, 300, 50],
                         "date": pd.to_datetime(["2024-01-05", None, "2024-03-01"])})
    return {
        "narration": pd.concat([_comparison().assign(measure="compound_narration"),
                                _comparison(means=(0.0, 0.2, -0.3)).assign(measure="compound_quotes")]),
        "targets": pd.DataFrame({"outlet": ["A", "B"], "target": ["ICE", "ICE"], "n_sentences": [3, 1],
                                 "mean_compound": [0.2, -0.4]}),
        "articles": arts,
        "removed": pd.DataFrame({"article_id": ["1", "1", "2"], "reason": ["share", "bio", "share"]}),
        "distinctive": pd.DataFrame({"count_a": [5, 1], "count_b": [0, 6], "z": [2.0, -1.5]},
                                    index=pd.Index(["aliens", "migrants"], name="term")),
        "framing": pd.DataFrame({"group": ["A", "A", "B"], "label": ["alien", "migrant", "migrant"],
                                 "count": [3, 1, 2], "share": [0.75, 0.25, 1.0], "n_articles": [2, 2, 1]}),
        "speakers": pd.DataFrame({"outlet": ["A", "A", "B"], "speaker": ["Ann Lee", "Bo Ray", "Cy Dee"],
                                  "n_quotes": [2, 1, 4], "n_words": [30, 10, 50], "share": [0.7, 0.2, 1.0]}),
    }


def _all_figures(t: dict[str, pd.DataFrame]) -> list[Figure]:
    return [plots.narration_vs_quotes(t["narration"]), plots.target_sentiment_dots(t["targets"]),
            plots.articles_per_outlet(t["articles"]), plots.articles_over_time(t["articles"]),
            plots.words_per_article(t["articles"]), plots.removal_reasons(t["removed"]),
            plots.distinctive_bars(t["distinctive"], "A"), plots.naming_shares(t["framing"]),
            plots.top_speakers(t["speakers"])]


def test_every_figure_has_title_and_axis_label_and_renders():
    for fig in _all_figures(_sample_tables()):
        assert isinstance(fig, Figure)
        _has_title_and_labels(fig)
        assert render(fig, "png").startswith(b"\x89PNG")


def test_n_is_shown():
    t = _sample_tables()
    assert "(n=3" in plots.articles_per_outlet(t["articles"]).axes[0].get_title(loc="left")
    assert any("n=" in s for s in _texts(plots.words_per_article(t["articles"])))
    assert any("mentions" in s for s in _texts(plots.naming_shares(t["framing"])))
    assert "1 dated" not in plots.articles_over_time(t["articles"]).axes[0].get_title(loc="left")
    assert "2 dated, 1 undated" in plots.articles_over_time(t["articles"]).axes[0].get_title(loc="left")


def test_distinctive_bars_two_sided():
    fig = plots.distinctive_bars(_sample_tables()["distinctive"], "A", "B")
    widths = [p.get_width() for p in fig.axes[0].patches]
    assert min(widths) < 0 < max(widths)
    assert _texts(fig) == ["migrants (1/6)", "aliens (5/0)"]


def test_naming_shares_stack_to_one():
    fig = plots.naming_shares(_sample_tables()["framing"])
    ends = {}
    for p in fig.axes[0].patches:
        y = round(p.get_y(), 3)
        ends[y] = max(ends.get(y, 0), p.get_x() + p.get_width())
    assert all(abs(v - 1) < 1e-9 for v in ends.values())


def test_empty_tables_give_no_data_figures():
    t = {k: v.iloc[0:0] for k, v in _sample_tables().items()}
    for fig in [*_all_figures(t), plots.outlet_dots(_comparison().iloc[0:0], "compound")]:
        texts = [txt.get_text() for ax in fig.axes for txt in ax.texts]
        assert any("no data" in s for s in texts)
        render(fig, "png")


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_names_are_shown_literally(name):
    t = _sample_tables()
    t["speakers"].loc[0, "speaker"] = name
    cmp = _comparison(outlets=(name, "B", "C"))
    for fig in (plots.outlet_dots(cmp, "compound"), plots.top_speakers(t["speakers"])):
        render(fig, "png")
        render(fig, "svg")
    shown = _texts(plots.outlet_dots(cmp, "compound"))
    if "$" in name:
        assert any("\\$" in s for s in shown)  # escaped: drawn as a dollar sign, never as mathtext


def test_label_escapes_and_shortens():
    assert label("$x$") == "\\$x\\$"
    assert label("already \\$ escaped") == "already \\$ escaped"
    assert label("a\nb\tc") == "a b c"
    assert len(label("x" * 500, max_chars=20)) == 20


def test_save_is_byte_identical_and_dateless(tmp_path):
    def draw():
        return plots.outlet_dots(_comparison(), "compound")

    first = save(draw(), "fig", tmp_path / "a")
    second = save(draw(), "fig", tmp_path / "b")
    for fmt in ("png", "svg"):
        assert first[fmt].read_bytes() == second[fmt].read_bytes()
    svg = first["svg"].read_text()
    assert "<dc:date>" not in svg
    assert save(draw(), "fig", "") == {}


def test_style_does_not_leak_into_global_rcparams():
    before = matplotlib.rcParams["svg.hashsalt"]
    plots.outlet_dots(_comparison(), "compound")
    assert matplotlib.rcParams["svg.hashsalt"] == before


@settings(max_examples=25, deadline=None)
@given(st.text(max_size=80))
def test_any_outlet_name_renders(name):
    fig = plots.articles_per_outlet(pd.DataFrame({"outlet": [name, "B"], "n_words": [1, 2]}))
    assert render(fig, "png").startswith(b"\x89PNG")
