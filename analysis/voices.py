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

import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analysis.name_forms import name_forms
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


def normalise_speakers(quotes: pd.DataFrame) -> pd.DataFrame:
    """Merge the forms of one person's name across the corpus into the form quoted most.

    "Romero" in one article becomes "Anthony Romero" when "Anthony Romero" is
    the only full name ending in "Romero" across the corpus, "Charles E.
    Schumer" becomes "Chuck Schumer", "Republican Mitt Romney" becomes "Mitt
    Romney"; an ambiguous form is left as it is (the rules and their
    thresholds: :mod:`analysis.name_forms`).  Returns a copy.

    >>> q = pd.DataFrame({"speaker": ["Romero", "Anthony Romero", "Smith", "Ann Smith", "Bo Smith"]})
    >>> normalise_speakers(q)["speaker"].tolist()
    ['Anthony Romero', 'Anthony Romero', 'Smith', 'Ann Smith', 'Bo Smith']
    """
    out = quotes.copy()
    if "speaker" not in out or out.empty:
        return out
    return _renamed(out, name_forms(out["speaker"].value_counts().to_dict()))


def _renamed(quotes: pd.DataFrame, forms: dict[str, str]) -> pd.DataFrame:
    """``quotes`` (changed in place) with each speaker name in ``forms`` replaced by its main form."""
    if forms:
        quotes["speaker"] = quotes["speaker"].map(lambda s: forms.get(s, s) if isinstance(s, str) else s)
    return quotes


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
    return _top_of(*_speaker_counts(quotes, by), by, n)


def _counted(quotes: pd.DataFrame) -> pd.Series | slice:
    """The rows of direct, partial and block quotes (all rows of a table without kinds)."""
    return quotes["kind"].isin(COUNTED_KINDS) if "kind" in quotes else slice(None)


def _speaker_counts(quotes: pd.DataFrame, by: str) -> tuple[pd.Series, pd.DataFrame]:
    """Quoted words per group, and n_quotes and n_words per group and speaker (the counted kinds)."""
    counted = quotes[_counted(quotes)]
    named = counted.dropna(subset=["speaker"])
    totals = counted.groupby(by)["n_words"].sum()
    return totals, named.groupby([by, "speaker"]).agg(n_quotes=("n_words", "size"), n_words=("n_words", "sum"))


def _top_of(totals: pd.Series, counts: pd.DataFrame, by: str, n: int) -> pd.DataFrame:
    cols = [by, "speaker", "n_quotes", "n_words", "share"]
    if counts.empty:  # no quote at all, or none attributed ("she said" with no name before it)
        return pd.DataFrame(columns=cols)
    agg = counts.reset_index()
    agg["share"] = agg["n_words"] / agg[by].map(totals).where(lambda t: t > 0)
    agg = agg.sort_values([by, "n_words", "n_quotes", "speaker"], ascending=[True, False, False, True], kind="mergesort")
    return agg.groupby(by, sort=True).head(n).reset_index(drop=True)[cols]


def top_speakers_of_parts(parts: Iterable[pd.DataFrame], by: str = "outlet", n: int = 10) -> pd.DataFrame:
    """:func:`top_speakers` of the table that ``parts`` make together, holding one part at a time.

    >>> q = pd.DataFrame({"outlet": ["X"] * 3, "kind": ["direct"] * 3,
    ...     "speaker": ["A B", "A B", None], "n_words": [3, 1, 4]})
    >>> top_speakers_of_parts([q[:2], q[2:]]).equals(top_speakers(q))
    True
    """
    return _top_of(*_combined_counts([_speaker_counts(part, by) for part in parts]), by, n)


def _combined_counts(counted: list[tuple[pd.Series, pd.DataFrame]],
                     forms: dict[str, str] | None = None) -> tuple[pd.Series, pd.DataFrame]:
    """The totals and counts of parts (:func:`_speaker_counts` of each) as those of the whole table,
    speaker names merged by ``forms`` (sums of whole numbers: the same in any grouping)."""
    if not counted:
        return pd.Series(dtype="int64"), pd.DataFrame()
    totals = pd.concat([t for t, _ in counted]).groupby(level=0).sum()
    counts = pd.concat([c for _, c in counted])
    if forms:
        counts = _renamed(counts.reset_index(), forms).groupby(list(counts.index.names)).sum()
    return totals, counts.groupby(level=[0, 1]).sum()


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
    counted = quotes[_counted(quotes)]
    return _shared_frame(_shared_groups(_keyed_sentences(counted["text"]), counted, min_outlets))


def _keyed_sentences(texts: Iterable[Any], rows: Iterable[int] | None = None) -> list[tuple[int, str, str]]:
    """(row, key, sentence) for each sentence of MIN_SHARED_WORDS words or more in ``texts``
    (rows numbered from 0 unless ``rows`` are given)."""
    found = []
    for row, text in zip(itertools.count() if rows is None else rows, texts):
        for sentence in _SENTENCE_SPLIT_RE.split(str(text)):
            key = _sentence_key(sentence)
            if key.count(" ") >= MIN_SHARED_WORDS - 1:  # single-spaced: words = spaces + 1
                found.append((row, key, sentence))
    return found


# Characters besides ASCII that texts keyed with numpy may hold (the commonest in AllSides quotes,
# none a word character): each is told apart by its last UTF-8 byte, its other bytes are
# skipped. Their classes, like ASCII's, come from the Python definitions below: both ways give
# one key.
_FAST_MARKS = "’‘“”—–…\xa0"
_FAST_TEXT = "^[\\x{0}-\\x{7f}" + _FAST_MARKS + "]*$"
_CLOSER, _SPACE, _SKIPPED = (np.zeros(256, bool) for _ in range(3))
_KEY_BYTE = np.zeros(256, np.uint8)  # a word character's key byte, a space for a separator, 0: dropped


def _byte_classes() -> None:
    """Fill the tables above from :data:`_SENTENCE_SPLIT_RE` and :func:`_sentence_key`."""
    leading = {b for ch in _FAST_MARKS for b in ch.encode()[:-1]}
    for ch in [chr(c) for c in range(128)] + list(_FAST_MARKS):
        code = ch.encode()[-1]
        if code in leading or _KEY_BYTE[code] or _SKIPPED[code]:
            raise ValueError(f"{ch!r}: its last byte stands for another character")
        _CLOSER[code] = bool(re.fullmatch(r"[\"”’']", ch))  # what the split reads after [.!?]
        _SPACE[code] = bool(re.fullmatch(r"\s", ch))
        key = _sentence_key(f"a{ch}a")  # "aa", "a a" or "a?a": dropped, a separator, a word character
        if key not in ("aa", "a a") and not ch.isascii():
            raise ValueError(f"{ch!r} is a word character: its key would not be its last byte")
        _KEY_BYTE[code] = 0 if key == "aa" else ord(key[1])
        _SKIPPED[code] = key == "aa"
    for code in leading:
        _SKIPPED[code] = True


_byte_classes()


def _byte_keys(texts: pa.Array, rows: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """:func:`_sentence_keys` of texts of ASCII and :data:`_FAST_MARKS` (a string array),
    with numpy on their bytes: sentences cut where the split cuts them, each byte mapped to its
    key byte, then pyarrow trims and counts words."""
    if not len(texts):
        return rows[:0], []
    offsets = np.int64 if texts.type == pa.large_string() else np.int32
    bounds = np.frombuffer(texts.buffers()[1], offsets)[texts.offset:texts.offset + len(texts) + 1].astype(np.int64)
    data = np.frombuffer(texts.buffers()[2] or b"", np.uint8)[bounds[0]:bounds[-1]]
    bounds = bounds - bounds[0]
    cuts = np.sort(np.concatenate([bounds, _cut_after(data, bounds) + 1]))
    key_bytes, cuts_in_keys = _squeezed(_KEY_BYTE[data], cuts)
    sentences = pa.LargeStringArray.from_buffers(len(cuts) - 1, pa.py_buffer(cuts_in_keys), pa.py_buffer(key_bytes))
    keys = pc.utf8_trim(sentences, " ")
    long = pc.count_substring(keys, " ").to_numpy() >= MIN_SHARED_WORDS - 1  # single-spaced
    # (an empty sentence at the end, of empty texts, is not long: its text is the last one)
    sentence_rows = rows[np.minimum(np.searchsorted(bounds, cuts[:-1], "right"), len(rows)) - 1]
    return sentence_rows[long], keys.filter(pa.array(long)).to_pylist()


def _cut_after(data: np.ndarray, bounds: np.ndarray) -> np.ndarray:
    """Byte positions of the [.!?] after which :data:`_SENTENCE_SPLIT_RE` cuts: closing marks,
    then a space, all inside the mark's text (``bounds``: the texts' byte offsets)."""
    at = np.flatnonzero((data == ord(".")) | (data == ord("!")) | (data == ord("?")))
    end = bounds[np.searchsorted(bounds, at, "right")]
    cut = np.zeros(len(at), bool)
    look, live = at + 1, np.flatnonzero(at + 1 < end)
    while len(live):
        byte = data[look[live]]
        cut[live[_SPACE[byte]]] = True
        live = live[(_CLOSER[byte] | _SKIPPED[byte]) & ~_SPACE[byte]]  # a mark's leading bytes too
        look[live] += 1
        live = live[look[live] < end[live]]
    return at[cut]


def _squeezed(key_bytes: np.ndarray, cuts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``key_bytes`` without the dropped (0) bytes and with single spaces, and ``cuts`` moved
    with them (a space dropped at a cut was a sentence's leading or trailing one)."""
    key_bytes, cuts = _without(key_bytes, key_bytes == 0, cuts)
    spaces = key_bytes == ord(" ")
    repeated = np.zeros(len(key_bytes), bool)
    repeated[1:] = spaces[1:] & spaces[:-1]
    return _without(key_bytes, repeated, cuts)


def _without(data: np.ndarray, drop: np.ndarray, cuts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return data[~drop], cuts - np.searchsorted(np.flatnonzero(drop), cuts)


def _shared_groups(found: list[tuple[int, str, str]], quotes: pd.DataFrame, min_outlets: int) -> list[tuple]:
    """Rows of the shared-quotations table (unsorted) from the keyed sentences of ``quotes``
    (``found``'s rows index ``quotes`` by position)."""
    outlets, articles = [str(o) for o in quotes["outlet"]], [str(a) for a in quotes["article_id"]]
    # Most sentences are quoted once: count keys in C, group only the repeated ones.
    seen = Counter(key for _, key, _ in found)
    least = 2 if min_outlets >= 2 else 1
    groups: dict[str, dict] = {}
    for row, key, sentence in found:
        if seen[key] < least:
            continue
        g = groups.get(key)
        if g is None:  # the first sentence seen gives the readable form
            g = groups[key] = {"sentence": sentence.strip(" ,;:\"“”‘’'"), "outlets": set(), "articles": set()}
        g["outlets"].add(outlets[row])
        g["articles"].add(articles[row])
    return [
        (g["sentence"], len(g["outlets"]), "; ".join(sorted(g["outlets"])), len(g["articles"]), "; ".join(sorted(g["articles"])))
        for g in groups.values()
        if len(g["outlets"]) >= min_outlets
    ]


def _shared_frame(rows: list[tuple]) -> pd.DataFrame:
    cols = ["sentence", "n_outlets", "outlets", "n_articles", "article_ids"]
    table = pd.DataFrame(rows, columns=cols)
    return table.sort_values(["n_outlets", "n_articles", "sentence"], ascending=[False, False, True], kind="mergesort").reset_index(drop=True)


def shared_quotations_of_parts(parts: Callable[[], Iterable[pd.DataFrame]], min_outlets: int = 2) -> pd.DataFrame:
    """:func:`shared_quotations` of the table that ``parts()`` makes, read twice, one part at a time.

    The first reading keeps a hash of each sentence's key (8 bytes, not the
    text); the second keys again only the quotes holding a hash seen twice or
    more, and groups those. A hash collision only adds a candidate: groups
    are made on the keys themselves, so the table equals
    :func:`shared_quotations` on the whole table.

    >>> q = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"], "kind": ["direct"] * 2,
    ...                   "text": ["We will act on this now.", "we will act, on this NOW"]})
    >>> shared_quotations_of_parts(lambda: [q[:1], q[1:]]).equals(shared_quotations(q))
    True
    """
    hashes, rows, offset = [], [], 0
    for part in parts():
        hashes_of_part, rows_of_part = _sentence_hashes(part, offset)
        hashes.append(hashes_of_part)
        rows.append(rows_of_part)
        offset += len(part)
    if not hashes:
        return _shared_frame([])
    return _shared_of_candidates(_candidates(parts(), _candidate_rows(hashes, rows, min_outlets)), min_outlets)


def _sentence_hashes(part: pd.DataFrame, offset: int) -> tuple[np.ndarray, np.ndarray]:
    """The hash of each keyed sentence of ``part``'s counted quotes, and its row (``part``'s rows
    numbered from ``offset``)."""
    mask = _counted(part)
    inside = np.arange(len(part)) if isinstance(mask, slice) else np.flatnonzero(mask)  # a table without kinds: all
    rows, keys = _sentence_keys(part["text"][mask], offset + inside)
    return np.fromiter(map(hash, keys), np.int64, len(keys)), rows


def _sentence_keys(texts: pd.Series, rows: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """The row and key of each sentence of MIN_SHARED_WORDS words or more in ``texts``, as
    :func:`_keyed_sentences` finds them (in another order): texts of ASCII and the common
    marks of :data:`_FAST_MARKS` are keyed byte by byte with numpy, the others in Python."""
    try:
        arrow = pa.array(texts, from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):  # not all strings: all str()-ed in Python
        arrow = pa.nulls(len(texts), pa.string())
    if isinstance(arrow, pa.ChunkedArray):
        arrow = arrow.combine_chunks()
    if arrow.type not in (pa.string(), pa.large_string()):
        arrow = pa.nulls(len(texts), pa.string())
    fast = pc.fill_null(pc.match_substring_regex(arrow, _FAST_TEXT), False).to_numpy(zero_copy_only=False)
    fast_rows, keys = _byte_keys(pc.filter(arrow, fast), rows[fast])
    slow = _keyed_sentences(texts[~fast], rows[~fast])
    all_rows = np.concatenate([fast_rows, np.fromiter((row for row, _, _ in slow), np.int64, len(slow))])
    return all_rows, keys + [key for _, key, _ in slow]


def _candidate_rows(hashes: list[np.ndarray], rows: list[np.ndarray], min_outlets: int) -> np.ndarray:
    """The rows holding a sentence whose hash is seen twice or more (every keyed row for
    ``min_outlets`` below 2), sorted."""
    hashes, rows = np.concatenate(hashes), np.concatenate(rows)
    distinct, counts = np.unique(hashes, return_counts=True)
    if min_outlets >= 2:  # quotes holding a repeated key
        rows = rows[np.isin(hashes, distinct[counts >= 2])]
    return np.unique(rows)


def _candidates(parts: Iterable[pd.DataFrame], wanted: np.ndarray) -> pd.DataFrame:
    """The ``wanted`` rows (numbered across ``parts``) of the table ``parts`` make."""
    kept, offset = [], 0
    for part in parts:
        inside = wanted[(wanted >= offset) & (wanted < offset + len(part))] - offset
        kept.append(part.iloc[inside])
        offset += len(part)
    return pd.concat(kept, ignore_index=True)


def _shared_of_candidates(candidates: pd.DataFrame, min_outlets: int) -> pd.DataFrame:
    return _shared_frame(_shared_groups(_keyed_sentences(candidates["text"]), candidates, min_outlets))


def voice_tables_of_parts(parts: Callable[[list[str]], Iterable[pd.DataFrame]], by: str = "outlet",
                          n: int = 10) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``top_speakers(normalise_speakers(q), by, n)`` and ``shared_quotations(q)`` of a quote
    table ``q`` too large to hold: ``parts(columns)`` yields it anew, part by part, with those
    columns. Memory holds one part, the distinct speakers with their counts and 16 bytes per
    quoted sentence.

    >>> q = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"], "kind": ["direct"] * 2,
    ...     "speaker": ["Jo Roe", "Roe"], "n_words": [6, 5],
    ...     "text": ["We will act on this now.", "We will act on this now"]})
    >>> speakers, shared = voice_tables_of_parts(lambda cols: (q[cols][:1], q[cols][1:]))
    >>> speakers["speaker"].tolist(), shared["n_outlets"].tolist()
    (['Jo Roe', 'Jo Roe'], [2])
    """
    # First reading: names, counts per group and speaker (merged once the names are known) and
    # sentence hashes; the second takes the quotes holding a repeated hash.
    names: Counter[str] = Counter()
    counted, hashes, rows, offset = [], [], [], 0
    for part in parts(list(dict.fromkeys([by, "kind", "speaker", "n_words", "text"]))):
        names.update(part["speaker"].value_counts().to_dict())
        counted.append(_speaker_counts(part, by))
        hashes_of_part, rows_of_part = _sentence_hashes(part, offset)
        hashes.append(hashes_of_part)
        rows.append(rows_of_part)
        offset += len(part)
    speakers = _top_of(*_combined_counts(counted, name_forms(names)), by, n)
    if not hashes:
        return speakers, _shared_frame([])
    wanted = _candidate_rows(hashes, rows, 2)
    candidates = _candidates(parts(["article_id", "outlet", "kind", "text"]), wanted)
    return speakers, _shared_of_candidates(candidates, 2)
