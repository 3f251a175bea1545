# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %%

# %% [markdown]
# # 4. Voices
#
# Who is quoted, how much and by which outlet; which quotations appear in more
# than one outlet; and what readers wrote where the corpus has comments.
# Quotations are found from quotation marks; each is attributed to a speaker from
# a reporting verb nearby ("said", "told", "according to"). The forms of one
# person's name across the corpus are merged into the form quoted most ("Trump"
# and "Donald J. Trump" into "Donald Trump"), unless a form can name two people.
# Quotes whose speaker could not be found count in the outlet's quoted words but
# have no name.

# %% tags=["parameters"]
processed_dir = ""  # processed tables folder; empty: data/processed
outlets = []  # outlet names to include; empty: all outlets
date_from = ""  # first publication day included (YYYY-MM-DD); empty: no lower bound
date_to = ""  # last publication day included (YYYY-MM-DD); empty: no upper bound
min_articles = 1  # outlets with fewer articles (after the filters above) are left out
figures_dir = ""  # folder for PNG and SVG copies of the figures; empty: not saved
n_speakers = 8  # speakers shown per outlet

# %%
from analysis import plots, voices
from analysis import notebook_helpers as nh

sel = nh.load_selection(processed_dir, outlets, date_from, date_to, min_articles)
quotes = voices.normalise_speakers(sel.quotes)
nh.table(nh.selection_table(sel))

# %% [markdown]
# ## Kinds of quotation per outlet
#
# *direct*: a quoted sentence or more; *partial*: a few quoted words inside the
# journalist's sentence; *block*: an indented or paragraph-long quotation; *scare*:
# quotation marks around a word used at a distance ("so-called"), which are not
# speech and are not counted as quoted words.

# %%
nh.table(nh.count_by(quotes, ["outlet", "kind"], name="quotations"), max_rows=100)

# %% [markdown]
# ## Who is quoted
#
# Per outlet, the speakers with most quoted words; in brackets the number of
# quotations. `share` is the speaker's part of the outlet's quoted words. A
# speaker counted once per quotation: one long statement weighs more than several
# short ones.

# %%
speakers = voices.top_speakers(quotes, n=n_speakers)
nh.show(plots.top_speakers(speakers, n=n_speakers), "04_top_speakers", figures_dir)

# %%
nh.table(speakers.round(3), max_rows=100)

# %% [markdown]
# ## Quotations shared across outlets
#
# Sentences that appear inside quotation marks in two or more outlets, matched
# after ignoring case, punctuation and quotation marks. A shared quotation usually
# means a shared source: a press release, a wire story, or one outlet copying
# another.

# %%
shared = voices.shared_quotations(quotes, min_outlets=2)
nh.table(shared.drop(columns=["article_ids"]), max_rows=50)

# %% [markdown]
# ## Reader comments
#
# Comments are separated from the article text by the cleaner and never counted
# in the article's measures. Only some sources carry them, so their absence says
# nothing about an outlet's readers. `depth` is the reply level (0: a top-level
# comment).

# %%
nh.table(nh.comment_overview(sel), max_rows=0)

# %%
nh.table(sel.comments[["outlet", "author", "depth", "text"]], max_rows=20)
