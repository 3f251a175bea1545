"""Who is quoted across a corpus: quote tables, speaker names, top voices, shared quotations.

>>> import pandas as pd
>>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"],
...     "text": ['“We will act now,” Jane Roe said.', 'Roe said: “We will act now.”']})
>>> q = normalise_speakers(quote_table(arts))
>>> sorted(q["speaker"].unique())
['Jane Roe']
>>> shared_quotations(q)["n_outlets"].tolist()
[2]
"""
from __future__ import annotations

import re
from collections import Counter

import pandas as pd

from analysis.quotes import COUNTED_KINDS, Quote, extract_quotes
from analysis.tokens import count_words

QUOTE_COLUMNS = ["article_id", "outlet", "kind", "speaker", "n_words", "text", "start", "end", "cue"]


def quote_table(articles: pd.DataFrame, quotes_by_article: dict[str, list[Quote]] | None = None) -> pd.DataFrame:
    """One row per quote: article_id, outlet, kind, speaker, n_words, text, start, end, cue.

    ``articles`` has columns article_id, outlet, text.  Pass
    ``quotes_by_article`` (article_id -> quotes) to reuse extracted quotes.

    >>> arts = pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "text": ['“Go home now,” he said.']})
    >>> quote_table(arts)[["kind", "n_words"]].values.tolist()
    [['direct', 3]]
    """
    rows = []
    for aid, outlet, text in zip(articles["article_id"], articles["outlet"], articles["text"]):
        text = text if isinstance(text, str) else ""
        quotes = quotes_by_article.get(aid) if quotes_by_article is not None else None
        for q in quotes if quotes is not None else extract_quotes(text):
            rows.append((aid, outlet, q.kind, q.speaker, count_words(q.text), q.text, q.start, q.end, q.cue))
    table = pd.DataFrame(rows, columns=QUOTE_COLUMNS)
    return table.astype({"n_words": "int64", "start": "int64", "end": "int64"})


def _full_name_map(speakers: pd.Series) -> dict[str, str]:
    """surname -> full name, for surnames that exactly one multi-word name in the corpus ends with."""
    by_last: dict[str, set[str]] = {}
    for name in speakers.dropna().unique():
        words = str(name).split()
        if len(words) >= 2 and words[0][:1].isupper():
            by_last.setdefault(words[-1], set()).add(str(name))
    return {last: next(iter(full)) for last, full in by_last.items() if len(full) == 1}


def normalise_speakers(quotes: pd.DataFrame) -> pd.DataFrame:
    """Merge bare surnames into the corpus's one full name that ends with them.

    "Romero" in one article becomes "Anthony Romero" when "Anthony Romero" is
    the only full name ending in "Romero" across the corpus; an ambiguous
    surname is left as it is.  Returns a copy.

    >>> q = pd.DataFrame({"speaker": ["Romero", "Anthony Romero", "Smith", "Ann Smith", "Bo Smith"]})
    >>> normalise_speakers(q)["speaker"].tolist()
    ['Anthony Romero', 'Anthony Romero', 'Smith', 'Ann Smith', 'Bo Smith']
    """
    out = quotes.copy()
    if "speaker" not in out or out.empty:
        return out
    mapping = _full_name_map(out["speaker"])
    out["speaker"] = out["speaker"].map(lambda s: mapping.get(s, s) if isinstance(s, str) and " " not in s else s)
    return out


def top_speakers(quotes: pd.DataFrame, by: str = "outlet", n: int = 10) -> pd.DataFrame:
    """Most-quoted speakers per group: by, speaker, n_quotes, n_words, share.

    share is the speaker's part of the group's quoted words (direct, partial,
    block; quotes without a speaker count in the denominator).  Sorted by
    group, then n_words and n_quotes descending, then speaker name.

    >>> q = pd.DataFrame({"outlet": ["X", "X", "X"], "kind": ["direct"] * 3,
    ...     "speaker": ["A B", "A B", None], "n_words": [3, 1, 4]})
    >>> top_speakers(q).values.tolist()
    [['X', 'A B', 2, 4, 0.5]]
    """
    cols = [by, "speaker", "n_quotes", "n_words", "share"]
    counted = quotes[quotes["kind"].isin(COUNTED_KINDS)] if "kind" in quotes else quotes
    named = counted.dropna(subset=["speaker"])
    if named.empty:  # no quote at all, or none attributed ("she said" with no name before it)
        return pd.DataFrame(columns=cols)
    totals = counted.groupby(by)["n_words"].sum()
    agg = named.groupby([by, "speaker"]).agg(n_quotes=("n_words", "size"), n_words=("n_words", "sum")).reset_index()
    agg["share"] = agg["n_words"] / agg[by].map(totals).where(lambda t: t > 0)
    agg = agg.sort_values([by, "n_words", "n_quotes", "speaker"], ascending=[True, False, False, True], kind="mergesort")
    return agg.groupby(by, sort=True).head(n).reset_index(drop=True)[cols]


_SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?])[\"”’']*\s+")
_WORD_OR_SPACE_RE = re.compile(r"[\w\s]")
MIN_SHARED_WORDS = 4


class _KeyChars(dict):
    """str.translate table for sentence keys, filled on first sight of each character:
    apostrophes dropped, punctuation, symbols and "_" to a space, others kept."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        value = "" if ch in "’'" else " " if ch == "_" or not _WORD_OR_SPACE_RE.match(ch) else ch
        self[code] = value
        return value


_KEY_CHARS = _KeyChars()


def _sentence_key(sentence: str) -> str:
    """Lower case, no punctuation or quote marks, apostrophes dropped, single spaces.

    >>> _sentence_key("“We’ll act — NOW,” she said_")
    'well act now she said'
    """
    # Lower-case the whole text first: Python lower-cases some letters by context (final sigma).
    return " ".join(sentence.lower().translate(_KEY_CHARS).split())


def shared_quotations(quotes: pd.DataFrame, min_outlets: int = 2) -> pd.DataFrame:
    """Sentences quoted by ``min_outlets`` or more outlets.

    Quote texts are split into sentences and matched after normalising
    punctuation, case and quote marks; sentences under four words are left
    out.  Columns: sentence (a readable form), n_outlets, outlets (sorted,
    "; "-joined), n_articles, article_ids.
    """
    cols = ["sentence", "n_outlets", "outlets", "n_articles", "article_ids"]
    counted = quotes[quotes["kind"].isin(COUNTED_KINDS)] if "kind" in quotes else quotes
    outlets, articles = [str(o) for o in counted["outlet"]], [str(a) for a in counted["article_id"]]
    keys: list[str] = []
    found: list[tuple[str, int]] = []  # (sentence, its quote's row) for each key
    for row, text in enumerate(counted["text"]):
        for sentence in _SENTENCE_SPLIT_RE.split(str(text)):
            key = _sentence_key(sentence)
            if key.count(" ") >= MIN_SHARED_WORDS - 1:  # single-spaced: words = spaces + 1
                keys.append(key)
                found.append((sentence, row))
    # Most sentences are quoted once: count keys in C, group only the repeated ones.
    seen = Counter(keys)
    least = 2 if min_outlets >= 2 else 1
    groups: dict[str, dict] = {}
    for key, (sentence, row) in zip(keys, found):
        if seen[key] < least:
            continue
        g = groups.get(key)
        if g is None:  # the first sentence seen gives the readable form
            g = groups[key] = {"sentence": sentence.strip(" ,;:\"“”‘’'"), "outlets": set(), "articles": set()}
        g["outlets"].add(outlets[row])
        g["articles"].add(articles[row])
    rows = [
        (g["sentence"], len(g["outlets"]), "; ".join(sorted(g["outlets"])), len(g["articles"]), "; ".join(sorted(g["articles"])))
        for g in groups.values()
        if len(g["outlets"]) >= min_outlets
    ]
    table = pd.DataFrame(rows, columns=cols)
    return table.sort_values(["n_outlets", "n_articles", "sentence"], ascending=[False, False, True], kind="mergesort").reset_index(drop=True)
