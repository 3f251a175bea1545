"""Sentiment with VADER (vaderSentiment 3.3.2), scored sentence by sentence.

VADER is built and validated for sentences: on a whole article its compound
score saturates towards +1 or -1 (it sums valences before normalising), so
its authors score each sentence and aggregate. :func:`sentiment` splits the
text with :func:`analysis.sentences.sentence_spans`, scores each sentence and
reports means, the shares of positive / negative / neutral sentences (VADER
README thresholds: compound >= 0.05 positive, <= -0.05 negative), and the
mean compound of narration and of quoted speech separately.

>>> s = sentiment("The plan is wonderful. The critics are furious.", quotes=[])
>>> s["n_sentences"], s["share_positive"], s["share_negative"]
(2, 0.5, 0.5)
"""
from __future__ import annotations

import bisect
import csv
import math
import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any


from analysis import config
from analysis.framing import ScreenedPattern
from analysis.framing import term_pattern as lexicon_term_pattern
from analysis.errors import CorpusError, LexiconError, ParameterError
from analysis.sentences import sentence_spans
from analysis.tokens import WORD_RE
from analysis.vader import FastVader

if TYPE_CHECKING:  # pandas is imported only by target_sentiment (quick worker start-up)
    import pandas as pd

POSITIVE_THRESHOLD = 0.05
NEGATIVE_THRESHOLD = -0.05
SPEECH_KINDS = frozenset({"direct", "partial", "block"})  # scare quotes are not speech
# VADER's negation and "but" checks are quadratic in sentence length; a
# "sentence" longer than this (glued paragraphs, lists) is scored as the mean
# of chunks of about CHUNK_CHARS, cut at spaces.
MAX_SENTENCE_CHARS = 2000
CHUNK_CHARS = 1000
_SCORE_KEYS = ("compound", "pos", "neu", "neg")
# VADER strips only ASCII punctuation from words and knows only ASCII
# contractions, so "terrible,”" and "don’t" (negation!) would be missed in
# typeset news text. Typographic marks are mapped to ASCII before scoring.
_ASCII_PUNCTUATION = str.maketrans(
    {
        **dict.fromkeys(map(ord, "“”„‟«»″"), '"'),
        **dict.fromkeys(map(ord, "‘’‚‛′"), "'"),
        ord("…"): "...",
        **dict.fromkeys(map(ord, "—–―"), " - "),
    }
)

# str.translate looks each character up in a dict; a few str.replace passes over
# the characters actually present are several times faster (same result: every
# replacement is ASCII, so no pass creates work for another).
_ASCII_PAIRS = tuple((chr(k), v) for k, v in _ASCII_PUNCTUATION.items())


def _to_ascii_punctuation(sentence: str) -> str:
    """``sentence.translate(_ASCII_PUNCTUATION)``, faster.

    >>> print(_to_ascii_punctuation("“Don’t” — it…"))
    "Don't"  -  it...
    """
    if sentence.isascii():
        return sentence
    for char, ascii_form in _ASCII_PAIRS:
        if char in sentence:
            sentence = sentence.replace(char, ascii_form)
    return sentence


_ANALYZER: FastVader | None = None


def analyzer() -> FastVader:
    """The process's one VADER analyzer (loading its lexicon takes ~0.1 s).

    It is :class:`analysis.vader.FastVader`: VADER's own scores, faster.

    >>> analyzer() is analyzer()
    True
    """
    global _ANALYZER
    if _ANALYZER is None:
        _ANALYZER = FastVader()
    return _ANALYZER


def _chunks(sentence: str) -> list[str]:
    """Cut an over-long sentence at spaces into pieces of about CHUNK_CHARS."""
    pieces, start, n = [], 0, len(sentence)
    while start < n:
        end = min(n, start + CHUNK_CHARS)
        if end < n:
            cut = sentence.rfind(" ", start + 1, end)
            end = cut if cut > start else end
        pieces.append(sentence[start:end])
        start = end
    return [p for p in pieces if p.strip()] or [sentence]


def score_sentence(sentence: str) -> dict[str, float]:
    """VADER scores of one sentence (over-long ones as the mean of chunks).

    >>> score_sentence("Great news!")["compound"] > 0.5
    True
    >>> score_sentence("“We don’t like it”")["compound"] < 0  # curly marks handled
    True
    """
    vader = analyzer()
    sentence = _to_ascii_punctuation(sentence)
    if len(sentence) <= MAX_SENTENCE_CHARS:
        return vader.polarity_scores(sentence)
    parts = [vader.polarity_scores(p) for p in _chunks(sentence)]
    return {k: sum(p[k] for p in parts) / len(parts) for k in _SCORE_KEYS}


def _speech_intervals(text: str, quotes: Sequence[Any] | None) -> list[tuple[int, int]]:
    """Sorted, merged (start, end) spans of quoted speech (scare quotes left out)."""
    if quotes is None:
        try:
            from analysis.quotes import extract_quotes
        except ImportError:  # quotes module not installed: all narration
            return []
        quotes = extract_quotes(text)
    spans = sorted(
        (q.start, q.end) for q in quotes if getattr(q, "kind", None) in SPEECH_KINDS
    )
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _quoted_flags(
    text: str, spans: list[tuple[int, int]], speech: list[tuple[int, int]]
) -> list[bool]:
    """For each sentence: do more than half of its word characters lie in speech?

    Sentences and speech spans are both in text order, so one forward walk
    suffices (linear time); only sentences that a speech span cuts through
    are counted word by word.
    """
    flags, j, n_speech = [], 0, len(speech)
    for s, e in spans:
        while j < n_speech and speech[j][1] <= s:
            j += 1
        if j == n_speech or speech[j][0] >= e:  # no speech in this sentence
            flags.append(False)
        elif speech[j][0] <= s and speech[j][1] >= e:  # all of it is speech
            flags.append(WORD_RE.search(text, s, e) is not None)
        else:
            flags.append(_mostly_speech(text, s, e, speech, j))
    return flags


def _mostly_speech(text: str, s: int, e: int, speech: list[tuple[int, int]], j: int) -> bool:
    """Word characters of text[s:e] inside speech spans (from the j-th on) > half."""
    total = inside = 0
    for m in WORD_RE.finditer(text, s, e):
        ws, we = m.span()
        total += we - ws
        while j < len(speech) and speech[j][1] <= ws:
            j += 1
        k = j
        while k < len(speech) and speech[k][0] < we:
            inside += min(we, speech[k][1]) - max(ws, speech[k][0])
            k += 1
    return 2 * inside > total


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else math.nan


def sentiment(text: str, quotes: Sequence[Any] | None = None) -> dict[str, float | int]:
    """Sentence-level VADER sentiment of ``text``, aggregated.

    ``quotes``: Quote objects (``.start``, ``.end``, ``.kind``) for ``text``;
    None finds them with :func:`analysis.quotes.extract_quotes`. Means are NaN
    when there is nothing to average (empty text, no quoted sentences).

    >>> s = sentiment("“This is terrible,” she said. The weather was fine.",
    ...               quotes=[type("Q", (), {"start": 1, "end": 18, "kind": "direct"})()])
    >>> s["compound_quotes"] < 0 < s["compound_narration"]
    True
    >>> math.isnan(sentiment("")["compound"])
    True
    """
    text = text if isinstance(text, str) else ""
    spans = sentence_spans(text)
    return _summary(text, spans, [score_sentence(text[s:e]) for s, e in spans], quotes)


def article_sentiment(
    text: str, quotes: Sequence[Any] | None = None, targets: dict[str, list[str]] | None = None
) -> tuple[dict[str, float | int], dict[str, list[float]]]:
    """:func:`sentiment`, and the compounds of the sentences that mention each target.

    Each sentence is scored once for both (the build caches this per article,
    so per-outlet target sentiment costs no second VADER pass). ``targets``
    defaults to ``analysis/data/targets.csv``; targets never mentioned are left out.

    >>> s, hits = article_sentiment("ICE agents were praised. Nice day.", [], {"ICE": ["ICE"]})
    >>> s["n_sentences"], list(hits), len(hits["ICE"])
    (2, ['ICE'], 1)
    """
    text = text if isinstance(text, str) else ""
    spans = sentence_spans(text)
    scores = [score_sentence(text[s:e]) for s, e in spans]
    regexes = _default_target_regexes() if targets is None else _target_regexes(targets)
    hits: dict[str, list[float]] = {}
    for name, i in _mention_indices(text, regexes, lambda: spans):
        hits.setdefault(name, []).append(scores[i]["compound"])
    return _summary(text, spans, scores, quotes), hits


def _summary(text: str, spans: list[tuple[int, int]], scores: list[dict[str, float]],
             quotes: Sequence[Any] | None) -> dict[str, float | int]:
    flags = _quoted_flags(text, spans, _speech_intervals(text, quotes))
    compounds = [sc["compound"] for sc in scores]
    return {
        "compound": _mean(compounds),
        "pos": _mean([sc["pos"] for sc in scores]),
        "neu": _mean([sc["neu"] for sc in scores]),
        "neg": _mean([sc["neg"] for sc in scores]),
        "share_positive": _mean([c >= POSITIVE_THRESHOLD for c in compounds]),
        "share_negative": _mean([c <= NEGATIVE_THRESHOLD for c in compounds]),
        "share_neutral": _mean(
            [NEGATIVE_THRESHOLD < c < POSITIVE_THRESHOLD for c in compounds]
        ),
        "n_sentences": len(scores),
        "n_sentences_quotes": sum(flags),
        "compound_narration": _mean([c for c, q in zip(compounds, flags) if not q]),
        "compound_quotes": _mean([c for c, q in zip(compounds, flags) if q]),
    }


def sentence_sentiments(text: str) -> list[dict[str, Any]]:
    """One row per sentence: offsets, text and VADER scores (for notebooks).

    >>> [round(r["compound"], 2) for r in sentence_sentiments("I love it. I hate it.")]
    [0.64, -0.57]
    """
    text = text if isinstance(text, str) else ""
    rows = []
    for s, e in sentence_spans(text):
        row: dict[str, Any] = {"start": s, "end": e, "sentence": text[s:e]}
        row.update(score_sentence(text[s:e]))
        rows.append(row)
    return rows


# --------------------------------------------------------------------------
# Sentiment towards targets
# --------------------------------------------------------------------------


def load_targets(path: str | Path | None = None) -> dict[str, list[str]]:
    """Read a targets table (CSV with columns target,term) into name -> terms.

    >>> sorted(load_targets())[:2]
    ['ACLU', 'ICE']
    """
    path = Path(path) if path is not None else config.TARGETS_FILE
    if not path.is_file():
        raise LexiconError(
            f"targets file {path} not found; pass a CSV with columns target,term "
            f"(copy {config.TARGETS_FILE} to start)"
        )
    targets: dict[str, list[str]] = {}
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if not reader.fieldnames or not {"target", "term"} <= set(reader.fieldnames):
            raise LexiconError(
                f"targets file {path} needs a header line 'target,term'; "
                f"found {reader.fieldnames}"
            )
        for row in reader:
            target, term = (row.get("target") or "").strip(), (row.get("term") or "").strip()
            if target and term and not target.startswith("#"):
                targets.setdefault(target, []).append(term)
    return targets


def term_pattern(term: str) -> str:
    """Regex for one target term, with the framing lexicon's matching rules.

    Spaces match whitespace or a hyphen, hyphens are optional, ' and ’ are
    the same (see :func:`analysis.framing.term_pattern`).

    A term written in capitals (an acronym such as ICE or ACLU) matches only
    in capitals, so "ICE" does not match "ice"; any other term matches in
    any case ("Trump administration" matches "Trump Administration").

    >>> bool(re.search(term_pattern("ICE"), "the ice melted"))
    False
    >>> bool(re.search(term_pattern("asylum seekers"), "Asylum-seekers arrived"))
    True
    """
    return lexicon_term_pattern(term, _case_sensitive(term))


def _case_sensitive(term: str) -> bool:
    """A target term in capitals (an acronym) matches only in capitals."""
    return term.upper() == term and any(ch.isalpha() for ch in term)


def _target_regexes(targets: dict[str, list[str]]) -> dict[str, ScreenedPattern]:
    """One compiled regex per target (separate, so overlapping terms all count)."""
    regexes = {}
    for name in sorted(targets):
        terms = sorted({t.strip() for t in targets[name] if t.strip()}, key=len, reverse=True)
        if terms:  # longest first, so "illegal aliens" wins over "illegal alien"
            body = "|".join(term_pattern(t) for t in terms)
            # A first-character test before the lookbehind lets the scan skip most positions.
            first = "".join(sorted({re.escape(c) for t in terms for c in (t[0].lower(), t[0].upper())}))
            regex = re.compile(rf"(?=[{first}])(?<!\w)(?:" + body + r")(?!\w)")
            regexes[name] = ScreenedPattern(regex, [(t, _case_sensitive(t)) for t in terms])
    if not regexes:
        raise ParameterError("no target terms given; pass {name: [terms]} or a target,term CSV")
    return regexes


@cache
def _default_target_regexes() -> dict[str, ScreenedPattern]:
    """The regexes of ``analysis/data/targets.csv``, compiled once per process."""
    return _target_regexes(load_targets())


def _mention_indices(
    text: str, regexes: dict[str, ScreenedPattern], spans_of: Callable[[], list[tuple[int, int]]]
) -> Iterable[tuple[str, int]]:
    """Yield (target, index of its sentence) once per target and sentence.

    ``spans_of`` gives the sentence spans; it is called at the first mention
    only, so a text that names no target is never split.
    """
    starts: list[int] | None = None
    for name, regex in regexes.items():
        hit_sentences: set[int] = set()
        for m in regex.finditer(text):
            if starts is None:
                starts = [s for s, _ in spans_of()]
            i = bisect.bisect_right(starts, m.start()) - 1
            if i >= 0 and i not in hit_sentences:
                hit_sentences.add(i)
                yield name, i


def _mentions(text: str, regexes: dict[str, ScreenedPattern]) -> Iterable[tuple[str, str]]:
    """Yield (target, sentence) once per target mentioned in each sentence."""
    spans: list[tuple[int, int]] = []

    def spans_of() -> list[tuple[int, int]]:
        spans.extend(sentence_spans(text))
        return spans

    for name, i in _mention_indices(text, regexes, spans_of):
        yield name, text[spans[i][0] : spans[i][1]]


def target_sentiment(
    corpus: pd.DataFrame,
    targets: dict[str, list[str]] | str | Path | None = None,
    by: str = "outlet",
) -> pd.DataFrame:
    """Mean VADER compound of the sentences that mention each target, per ``by`` group.

    ``targets``: name -> terms, or a path to a CSV (target,term), or None for
    ``analysis/data/targets.csv``. Returns one row per (group, target) with
    ``n_sentences`` and ``mean_compound`` (NaN when never mentioned), sorted.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"outlet": ["A", "B"],
    ...                    "text": ["ICE agents were praised. Nice day.", "The ice was bad."]})
    >>> target_sentiment(df, {"ICE": ["ICE"]})[["outlet", "n_sentences"]].values.tolist()
    [['A', 1], ['B', 0]]
    """
    import pandas as pd

    missing = {by, "text"} - set(corpus.columns)
    if missing:
        raise CorpusError(
            f"target_sentiment needs columns {by!r} and 'text'; missing {sorted(missing)}"
        )
    if targets is None or isinstance(targets, (str, Path)):
        targets = load_targets(targets)
    regexes = _target_regexes(targets)
    names = list(regexes)
    rows = []
    for group, text in zip(corpus[by], corpus["text"]):
        if isinstance(text, str):
            for name, sentence in _mentions(text, regexes):
                rows.append((group, name, score_sentence(sentence)["compound"]))
    found = pd.DataFrame(rows, columns=[by, "target", "compound"])
    stats = found.groupby([by, "target"], dropna=False)["compound"].agg(["size", "mean"])
    grid = pd.MultiIndex.from_product(
        [pd.unique(corpus[by]), names], names=[by, "target"]
    )
    out = stats.reindex(grid).reset_index()
    out = out.rename(columns={"size": "n_sentences", "mean": "mean_compound"})
    out["n_sentences"] = out["n_sentences"].fillna(0).astype("int64")
    return out.sort_values([by, "target"], kind="stable", ignore_index=True)
