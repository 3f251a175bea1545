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
# # 3. Language and framing
#
# Which words each outlet uses most, which words set it apart from the other
# outlets, and how it names immigrants. Words are counted with the package's word
# definition, lower-cased, without stop words; two-word phrases are counted too.

# %% tags=["parameters"]
processed_dir = ""  # processed tables folder; empty: data/processed
outlets = []  # outlet names to include; empty: all outlets
date_from = ""  # first publication day included (YYYY-MM-DD); empty: no lower bound
date_to = ""  # last publication day included (YYYY-MM-DD); empty: no upper bound
min_articles = 1  # outlets with fewer articles (after the filters above) are left out
figures_dir = ""  # folder for PNG and SVG copies of the figures; empty: not saved
n_terms = 15  # terms shown per outlet
max_outlets = 6  # distinctive-terms charts for at most this many outlets (largest first)
min_count = 3  # a term must occur this often in the two groups together to be compared

# %%
import analysis
from analysis.framing import framing
from analysis import plots
from analysis import notebook_helpers as nh

sel = nh.load_selection(processed_dir, outlets, date_from, date_to, min_articles)
nh.table(nh.selection_table(sel))

# %% [markdown]
# ## Top terms
#
# The most frequent words and two-word phrases of each outlet; in brackets the
# rate per 10,000 words of that outlet. Frequent terms mostly show what the
# outlet covered (the topic mix), not how it covered it.

# %%
frequencies = analysis.term_frequency(sel.articles, ngram_range=(1, 2))
nh.table(nh.top_terms(frequencies, n_terms), max_rows=0)

# %% [markdown]
# ## Distinctive terms
#
# For each outlet against all the others: the log-odds ratio of each term with an
# informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), divided by its
# standard error (z). Positive z: the term is more typical of the outlet; negative:
# of the rest. The prior shrinks rare terms toward the corpus rate, so one odd
# article does not dominate, but with few articles per outlet the list still
# reflects single stories. Counts (outlet/rest) are shown on each bar.

# %%
for i, (outlet, distinctive) in enumerate(nh.distinctive_by_outlet(sel, max_outlets, min_count), start=1):
    nh.show(plots.distinctive_bars(distinctive, outlet), f"03_distinctive_{i}", figures_dir)

# %% [markdown]
# ## How each outlet names immigrants
#
# Mentions of immigrants are matched against a lexicon of labels ("illegal
# alien", "undocumented immigrant", "migrant", "asylum seeker", ...; the list is
# `analysis/data/framing_immigrants.csv`, which you can copy and edit). The chart
# shows each label's share of the outlet's matches. A label in a quotation counts
# for the outlet that printed it; legal texts use "alien" as a term of art; and a
# lexicon finds only the phrasings it lists.

# %%
naming = framing(sel.articles)
nh.show(plots.naming_shares(naming), "03_naming_immigrants", figures_dir)

# %%
nh.table(naming[naming["count"] > 0].round(3), max_rows=100)
