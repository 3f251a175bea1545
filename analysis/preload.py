"""What the fork server of a local build loads once, for every worker it forks.

Importing this module imports the per-article modules and analyses one short
article written for the purpose, which loads what the stages read lazily on
first use (the CMU syllable table, pyphen's dictionary, the term lexicons,
compiled patterns). Each worker then starts with them in memory instead of
spending its first chunk loading its own copy. Only the fork server imports
it (see :func:`analysis.pipeline._pool_context`); ``import analysis`` does not.
"""

from __future__ import annotations

from analysis.article import analyse
from analysis.records import RawRecord

# Every stage runs on it: a quotation after a cue, a partial quote, a word
# missing from the CMU table (so pyphen loads), sentences for VADER.
_SAMPLE = ("Officials met on Monday.\n\nJo Poe, the senator, said: “Zorbland is a good plan.”\n\n"
           "The plan was called “a waste” by critics. It was approved anyway.")

analyse(RawRecord(article_id="preload", raw_text=_SAMPLE, origin="analysis.preload"))
