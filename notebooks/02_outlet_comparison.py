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
# # 2. Outlet comparison
#
# Sentiment, readability and quotation per outlet. Each estimate is the mean over
# the outlet's articles (each article counts once, whatever its length), with a
# 95% bootstrap confidence interval and the number of articles *n* behind it.
# Hollow dots mark outlets with too few articles for a stable estimate. Intervals
# that overlap widely do not show a difference; intervals that do not overlap
# still say nothing about *why* outlets differ (topic mix, article types, time).

# %% tags=["parameters"]
processed_dir = ""  # processed tables folder; empty: data/processed
outlets = []  # outlet names to include; empty: all outlets
date_from = ""  # first publication day included (YYYY-MM-DD); empty: no lower bound
date_to = ""  # last publication day included (YYYY-MM-DD); empty: no upper bound
min_articles = 1  # outlets with fewer articles (after the filters above) are left out
figures_dir = ""  # folder for PNG and SVG copies of the figures; empty: not saved
n_boot = 1000  # bootstrap resamples for the confidence intervals (seeded: same input, same intervals)

# %%
import analysis
from analysis import plots
from analysis import notebook_helpers as nh

sel = nh.load_selection(processed_dir, outlets, date_from, date_to, min_articles)
nh.table(nh.selection_table(sel))

# %%
MEASURES = ["compound", "compound_narration", "compound_quotes", "share_negative",
            "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
            "quote_share", "n_quotes"]
comparison = analysis.compare_outlets(sel.articles, measures=MEASURES, n_boot=n_boot)

# %% [markdown]
# ## Sentiment
#
# Sentiment is VADER's *compound* score (−1 to +1), computed per sentence and
# averaged over the article's sentences. VADER is a lexicon and rule method tuned
# on social-media text: it scores words such as "attack", "crisis" or "killed" as
# negative whoever uses them, so a crime report reads as negative even when it is
# neutral in tone, and it does not understand irony, quotation or who is being
# criticised. On its authors' news-editorial sentences it agrees with human ratings
# only moderately (Pearson r ≈ 0.5). Read differences between outlets as
# differences in *vocabulary*, not as measured bias.

# %%
nh.show(plots.outlet_dots(comparison, "compound"), "02_sentiment", figures_dir)

# %% [markdown]
# ### Narration against quotations
#
# The same score, once for the sentences the journalist writes (narration) and once
# for the sentences inside quotation marks. An outlet whose narration is neutral but
# whose quotations are negative lets its sources carry the tone. Articles with no
# quotations have no quotation score and are not counted in that *n*.

# %%
nh.show(plots.narration_vs_quotes(comparison), "02_narration_vs_quotes", figures_dir)

# %% [markdown]
# ### Target sentiment
#
# The mean compound score of the sentences that mention a target (for example ICE,
# the ACLU, immigrants; the list is `analysis/data/targets.csv`, which you can copy
# and edit). The score belongs to the whole sentence, not to the target: in
# "ICE arrested a violent criminal" the negative words describe the criminal. *n*
# is the number of sentences; a handful of sentences is not a pattern.

# %%
targets = analysis.target_sentiment(sel.articles)
nh.show(plots.target_sentiment_dots(targets), "02_target_sentiment", figures_dir)

# %%
nh.table(targets.dropna(subset=["mean_compound"]).round(3), max_rows=60)

# %% [markdown]
# ## Readability
#
# Readability formulas count only syllables per word, words per sentence and (for
# some) letters per word or words on a list of familiar words. They know nothing of
# content, order or layout: a text of short, common words in short sentences scores
# as easy even if it is incoherent. Grade-level formulas (Flesch-Kincaid, Gunning
# fog, SMOG) estimate US school years; Flesch reading ease runs the other way
# (higher is easier). SMOG is defined for 30 sentences or more: shorter articles
# are flagged in `smog_reliable`. Sentence splitting decides much of the result, so
# compare outlets only within one build of the same package version.

# %%
nh.show(plots.outlet_dots(comparison, "flesch_reading_ease"), "02_flesch_reading_ease", figures_dir)

# %%
nh.show(plots.outlet_dots(comparison, "flesch_kincaid_grade"), "02_flesch_kincaid_grade", figures_dir)

# %% [markdown]
# ## Quote share
#
# Quote share is the share of an article's words that stand inside quotation
# marks attributed as speech (direct quotes, partial quotes and block quotations).
# It does not count paraphrase or indirect speech ("she said the plan would fail"),
# and it leaves out scare quotes and quoted titles. A high share means an article
# lets its sources speak in their own words; it says nothing about *which* sources
# (see notebook 4).

# %%
nh.show(plots.outlet_dots(comparison, "quote_share"), "02_quote_share", figures_dir)

# %% [markdown]
# ## All estimates
#
# Every measure per outlet, with its interval and *n*; `small` marks outlets below
# the package's minimum for a stable estimate.

# %%
nh.table(nh.comparison_table(comparison), max_rows=200)
