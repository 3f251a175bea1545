# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 1. Corpus overview
#
# What is in the corpus this report describes: how many articles each outlet
# contributes and when they were published, how long they are, what the cleaning
# step removed from them and why, and which inputs were rejected.
#
# Every number below is computed by the `analysis` package from the processed
# tables (`python -m analysis build`); this notebook only selects, calls and shows.
# Change the selection in the parameters cell (or with `-p NAME VALUE` on
# `python -m analysis report`).

# %% tags=["parameters"]
processed_dir = ""  # processed tables folder; empty: data/processed
outlets = []  # outlet names to include; empty: all outlets
date_from = ""  # first publication day included (YYYY-MM-DD); empty: no lower bound
date_to = ""  # last publication day included (YYYY-MM-DD); empty: no upper bound
min_articles = 1  # outlets with fewer articles (after the filters above) are left out
figures_dir = ""  # folder for PNG and SVG copies of the figures; empty: not saved

# %%
from analysis import plots
from analysis import notebook_helpers as nh

sel = nh.load_selection(processed_dir, outlets, date_from, date_to, min_articles)
nh.table(nh.selection_table(sel))

# %% [markdown]
# ## The build
#
# The corpus path, the number of records read, and the versions of the package,
# of the measuring libraries and of the word lists (by content hash). A new release
# of textstat or vaderSentiment can move the numbers, so compare reports only when
# these agree.

# %%
nh.table(nh.build_facts(sel), max_rows=0)

# %% [markdown]
# ## Articles per outlet and over time
#
# Outlets with few articles give unstable averages: later notebooks show the *n*
# behind every estimate and mark outlets below the minimum used for comparisons.
# Undated articles are counted in the timeline's title but cannot be placed on it.

# %%
nh.table(nh.outlet_overview(sel), max_rows=0)

# %%
nh.show(plots.articles_per_outlet(sel.articles), "01_articles_per_outlet", figures_dir)

# %% [markdown]
# The articles themselves (the first rows; titles as the source gave them):

# %%
nh.table(nh.article_list(sel), max_rows=30)

# %%
nh.show(plots.articles_over_time(sel.articles), "01_articles_over_time", figures_dir)

# %% [markdown]
# ## Words per article
#
# Words are counted after cleaning, with the package's single word definition
# (`analysis.tokens`): runs of letters and digits, with inner apostrophes and
# hyphens. Very short articles are often teasers or transcripts of video pages;
# very long ones may still contain boilerplate the cleaner did not recognise.

# %%
nh.show(plots.words_per_article(sel.articles), "01_words_per_article", figures_dir)

# %% [markdown]
# ## What cleaning removed, and why
#
# The cleaner removes page furniture (sharing prompts, newsletter sign-ups,
# photo credits, author bios, related-article lists, reader comments) before any
# measure is computed, and records each removed segment with its reason. Reader
# comments are kept separately (notebook 4). If a reason removes a lot in one
# outlet only, check a few of its articles: a cleaning rule may be too eager.

# %%
nh.show(plots.removal_reasons(sel.removed), "01_removal_reasons", figures_dir)

# %%
nh.table(nh.count_by(sel.removed, ["outlet", "reason"], name="segments"))

# %% [markdown]
# ## Rejected inputs
#
# Records that could not be used (empty text, unreadable file, wrong encoding,
# missing fields) are not silently dropped: each is listed with its reason and the
# stage that rejected it. Rejects have no outlet, so the outlet and date filters do
# not apply to this table.

# %%
nh.table(nh.count_by(sel.rejects, ["stage", "reason"], name="records"))
