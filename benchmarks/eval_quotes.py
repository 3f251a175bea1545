"""Evaluate quotation extraction and attribution on PolNeAR (and time it on AllSides).

Gold direct quotations follow from PolNeAR's attributions: the part of an
attribution's content that stands between quotation marks; an opening mark
with no closing mark inside the content runs to the content's end.  We score:

- word-level precision, recall and F1 of quoted words (words inside our
  direct/partial/block quotes against words inside gold direct quotations);
- the mean absolute error of per-article quote share;
- speaker accuracy over the gold quotations we also found (our mention span
  overlaps the gold source span, or our resolved name matches the gold source).

The NAIVE extractor (everything between paired double quotation marks: an
opening “ or " paired with the next closing ” or ") runs in the same pass for
comparison.  The README-gold table is primary; three labelled DIAGNOSTIC tables
follow: one where '' pairs (the NYT archive's quotation marks) count as marks in
the gold and ours reads them too (``extract_quotes(..., apostrophe_pairs=True)``),
one scoring only our quotes of a kind the gold can contain, and one where the
gold also holds the contents whose opening mark the annotator left outside the
span ('"[Republicans want a photo op …]" said Rep. Elijah Cummings'; '"WALLACE:
[Let's start …]'), which the README's reading leaves out.  A last diagnostic
counts our false-positive words by where they fall against the annotation
(:func:`false_positive_places`): text the README's gold cannot hold is not
an extractor's mistake.  Tune on train, report on dev::

    python benchmarks/eval_quotes.py --split dev
    python benchmarks/eval_quotes.py --split dev --json
    python benchmarks/eval_quotes.py --speed 2000     # words/s on AllSides
    python benchmarks/eval_quotes.py --split train --errors 20   # error kinds, examples
"""
from __future__ import annotations

import argparse
import bisect
import gzip
import json
import math
import re
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from analysis import config
from analysis.quotes import COUNTED_KINDS, extract_quotes
from analysis.tokens import WORD_RE, count_words

Span = tuple[int, int]
# An opening mark (“ or ") pairs with the next closing mark (” or "), whatever
# lies between: the naive reading of "everything between paired double marks".
NAIVE_RE = re.compile(r"[“\"](.*?)[”\"]", re.S)


class SharedDataMissing(Exception):
    """../shared/corpora (or a file in it) is not present on this machine."""


def corpus_path(name: str) -> Path:
    """Path of a file in ../shared/corpora; SharedDataMissing when absent."""
    path = config.CORPORA_DIR / name
    if not path.exists():
        raise SharedDataMissing(
            f"{path} is not present. The evaluation needs ../shared/corpora beside the "
            "project checkout (it is developer data, not part of the package)."
        )
    return path


def load_polnear(split: str, limit: int | None = None) -> list[dict]:
    """Records of a PolNeAR split ("train" or "dev"), optionally the first ``limit``."""
    rows = []
    with gzip.open(corpus_path(f"polnear_{split}.jsonl.gz"), "rt", encoding="utf-8") as fh:
        for line in fh:
            rows.append(json.loads(line))
            if limit is not None and len(rows) >= limit:
                break
    return rows


# --------------------------------------------------------------------------
# Gold and naive spans
# --------------------------------------------------------------------------


_GOLD_MARK_RE = re.compile(r"[“”\"]")
_GOLD_MARK_APOS_RE = re.compile(r"''|[“”\"]")


def _opened_before(text: str, start: int, attribution: list[Span], apostrophe_pairs: bool = False) -> bool:
    """Does an opening double mark stand right before ``start``, with nothing between
    but spaces, ':', ',', a dash or the text of the ``attribution`` spans (its source and cue)?

    A curly “ opens when a non-space follows it; a straight " (or a '' pair) when it
    starts the text or follows a space or an opening bracket or dash, and a non-space follows.
    """
    i = start - 1
    while i >= 0:
        ch = text[i]
        if ch.isspace() or ch in ":,—–-" or any(s <= i < e for s, e in attribution):
            i -= 1
            continue
        if apostrophe_pairs and i and text[i - 1 : i + 1] == "''":
            mark_start, mark_end = i - 1, i + 1
        elif ch in "“\"":
            mark_start, mark_end = i, i + 1
        else:
            return False
        after = text[mark_end : mark_end + 1]
        if not after or after.isspace():
            return False  # a mark with a space after it closes
        before = text[mark_start - 1] if mark_start else ""
        return ch == "“" or not before or before.isspace() or before in "([—–"
    return False


def _marked_parts(text: str, spans: Iterable[Span], apostrophe_pairs: bool = False, opened: bool = False) -> list[Span]:
    """Parts of a content span (in one or more pieces) that stand between double marks.

    The pieces are read in text order as one content: a mark left open at the
    end of a piece carries into the next piece, which the quotation resumes at
    its start ('“We will act,” he said, “and win.”' is often annotated as two
    pieces around "he said").  An opening mark with no closing mark in the
    content runs to the end of the content.  A closing curly mark ” never
    opens and an opening “ never closes; a straight mark does either.  With
    ``apostrophe_pairs`` a pair of apostrophes ('') counts as a double mark,
    as it stands for one in the NYT archive texts of PolNeAR. ``opened``: a
    mark before the content is open at its start (see :func:`_opened_before`).
    """
    rx = _GOLD_MARK_APOS_RE if apostrophe_pairs else _GOLD_MARK_RE
    parts: list[Span] = []
    pieces = sorted(spans)
    open_at: int | None = pieces[0][0] if opened and pieces else None
    for start, end in pieces:
        if open_at is not None:
            open_at = start  # resumed after the uncontented gap
        for m in rx.finditer(text, start, end):
            ch = m.group()
            if open_at is None and ch != "”":
                open_at = m.end()
            elif open_at is not None and ch != "“":
                parts.append((open_at, m.start()))
                open_at = None
        if open_at is not None:
            parts.append((open_at, end))
    return [p for p in parts if p[1] > p[0]]


def gold_quotes(record: dict, apostrophe_pairs: bool = False, marks_outside: bool = False
                ) -> list[tuple[Span, list[Span], str]]:
    """Gold direct quotations: (span, source spans, source text) per quoted part.

    ``marks_outside``: a content with an opening mark right before it (see
    :func:`_opened_before`) is quoted from its start, as when the annotator
    drew the span inside the marks; the README's reading needs the marks in the span.
    """
    text = record["text"]
    out = []
    for att in record.get("attributions") or []:
        content, source, cue = att.get("content"), att.get("source"), att.get("cue")
        if not content:
            continue
        src_spans = [tuple(s) for s in (source or {}).get("spans") or []]
        src_text = (source or {}).get("text") or ""
        pieces = sorted((int(s), int(e)) for s, e in content.get("spans") or [] if 0 <= s < e <= len(text))
        attribution = src_spans + [tuple(s) for s in (cue or {}).get("spans") or []]
        opened = bool(pieces) and marks_outside and _opened_before(text, pieces[0][0], attribution, apostrophe_pairs)
        for part in _marked_parts(text, pieces, apostrophe_pairs, opened):
            out.append((part, src_spans, src_text))
    return out


def naive_spans(text: str) -> list[Span]:
    """Everything between paired double quotation marks, straight or curly."""
    return [m.span(1) for m in NAIVE_RE.finditer(text)]


# --------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------


def _word_ids(word_spans: list[Span], spans: Iterable[Span]) -> set[int]:
    """Indices of words whose span lies inside one of ``spans``."""
    ids: set[int] = set()
    starts = [w[0] for w in word_spans]
    for s, e in spans:
        k = bisect.bisect_left(starts, s)
        while k < len(word_spans) and word_spans[k][1] <= e:
            ids.add(k)
            k += 1
    return ids


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _name_matches(name: str | None, source: str) -> bool:
    if not name or not source:
        return False
    a, b = name.lower().strip(), source.lower().strip()
    return a == b or a.endswith(" " + b) or b.endswith(" " + a) or b.endswith(a)


def speaker_hits(quotes: list, gold: list[tuple[Span, list[Span], str]]) -> tuple[int, int]:
    """(correct, found) over gold quotations that one of ours overlaps."""
    correct = found = 0
    for span, src_spans, src_text in gold:
        ours = [q for q in quotes if q.kind in COUNTED_KINDS and _overlaps((q.start, q.end), span)]
        if not ours:
            continue
        found += 1
        q = max(ours, key=lambda q: min(q.end, span[1]) - max(q.start, span[0]))
        mention = (q.speaker_start, q.speaker_end) if q.speaker_start is not None else None
        if (mention and any(_overlaps(mention, s) for s in src_spans)) or _name_matches(q.speaker, src_text):
            correct += 1
    return correct, found


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _gold_marked(text: str, q, apostrophe_pairs: bool) -> bool:
    """True for a direct or partial quote opened by a mark the gold counts."""
    if q.kind not in ("direct", "partial"):
        return False
    before = text[max(0, q.start - 8) : q.start].rstrip()
    return before.endswith(("“", '"')) or (apostrophe_pairs and before.endswith("''"))


def evaluate(records: list[dict], apostrophe_pairs: bool = False, marked_only: bool = False,
             marks_outside: bool = False) -> dict[str, dict[str, float]]:
    """Scores for ours and the naive extractor over ``records``.

    The gold follows the shared README (double marks “ ” "); with
    ``apostrophe_pairs`` a '' pair is a double mark too.  With
    ``marked_only`` only our quotes of a kind the gold can contain are
    scored: direct and partial quotes opened by one of the gold's marks (no
    block quotes, which are unmarked, and no single-mark quotes). With
    ``marks_outside`` the gold also holds contents whose opening mark stands
    right before them (see :func:`gold_quotes`).

    Returns {"ours": {...}, "naive": {...}} with precision, recall, f1,
    share_mae, speaker_accuracy (NaN for naive), n_articles, n_gold_quotes.
    """
    tally = {k: {"tp": 0, "fp": 0, "fn": 0, "err": 0.0, "ok": 0, "found": 0} for k in ("ours", "naive")}
    n_gold = 0
    for rec in records:
        text = rec["text"]
        gold = gold_quotes(rec, apostrophe_pairs, marks_outside)
        n_gold += len(gold)
        words = [m.span() for m in WORD_RE.finditer(text)]
        gold_ids = _word_ids(words, [g[0] for g in gold])
        quotes = extract_quotes(text, apostrophe_pairs=apostrophe_pairs)
        if marked_only:
            quotes = [q for q in quotes if _gold_marked(text, q, apostrophe_pairs)]
        spans = {"ours": [(q.start, q.end) for q in quotes if q.kind in COUNTED_KINDS], "naive": naive_spans(text)}
        for name, sp in spans.items():
            ids = _word_ids(words, sp)
            t = tally[name]
            t["tp"] += len(ids & gold_ids)
            t["fp"] += len(ids - gold_ids)
            t["fn"] += len(gold_ids - ids)
            t["err"] += abs(len(ids) - len(gold_ids)) / len(words) if words else 0.0
        ok, found = speaker_hits(quotes, gold)
        tally["ours"]["ok"] += ok
        tally["ours"]["found"] += found
    return {name: _summary(t, len(records), n_gold, name == "ours") for name, t in tally.items()}


def _summary(t: dict, n_articles: int, n_gold: int, speakers: bool) -> dict[str, float]:
    p, r, f = _prf(t["tp"], t["fp"], t["fn"])
    acc = t["ok"] / t["found"] if speakers and t["found"] else math.nan
    return {
        "precision": p,
        "recall": r,
        "f1": f,
        "share_mae": t["err"] / n_articles if n_articles else math.nan,
        "speaker_accuracy": acc,
        "n_articles": n_articles,
        "n_gold_quotes": n_gold,
    }


# --------------------------------------------------------------------------
# Error analysis: what kinds of mistakes, with examples
# --------------------------------------------------------------------------

_PRONOUN_WORDS = frozenset({"he", "she", "they", "it", "we", "i"})


def _opening_mark(text: str, q) -> str:
    """The mark (or "block") that opens one of our quotes, for grouping errors."""
    if q.kind == "block":
        return "block"
    before = text[max(0, q.start - 8) : q.start].rstrip()
    if before.endswith("''"):
        return "''"
    return before[-1:] if before[-1:] in "“\"‘'«" else "other"


def _snippet(text: str, start: int, end: int, pad: int = 90) -> str:
    return " ".join(text[max(0, start - pad) : min(len(text), end + pad)].split())


def speaker_error_kind(text: str, q, src_spans: list[Span]) -> str:
    """Why a found quotation's speaker is wrong: "no speaker", "pronoun" or "wrong mention"."""
    if q.speaker_start is None:
        return "no speaker"
    if text[q.speaker_start : q.speaker_end].lower() in _PRONOUN_WORDS:
        return "pronoun" if not any(_overlaps((q.speaker_start, q.speaker_end), s) for s in src_spans) else "pronoun resolved"
    return "wrong mention"


def speaker_errors(records: list[dict]) -> dict[str, list[str]]:
    """Examples of wrong speakers, grouped by :func:`speaker_error_kind`."""
    out: dict[str, list[str]] = {}
    for rec in records:
        text = rec["text"]
        quotes = [q for q in extract_quotes(text) if q.kind in COUNTED_KINDS]
        for span, src_spans, src_text in gold_quotes(rec):
            ours = [q for q in quotes if _overlaps((q.start, q.end), span)]
            if not ours:
                continue
            q = max(ours, key=lambda q: min(q.end, span[1]) - max(q.start, span[0]))
            ok, _ = speaker_hits([q], [(span, src_spans, src_text)])
            if ok:
                continue
            mention = text[q.speaker_start : q.speaker_end] if q.speaker_start is not None else None
            lo = min([span[0]] + [s[0] for s in src_spans])
            hi = max([span[1]] + [s[1] for s in src_spans])
            out.setdefault(speaker_error_kind(text, q, src_spans), []).append(
                f"[{rec.get('id')}] gold={src_text!r} ours={q.speaker!r} via {mention!r} cue={q.cue!r}\n    {_snippet(text, lo, hi, 60)}"
            )
    return out


def precision_errors(records: list[dict]) -> dict[str, list[tuple[int, str]]]:
    """Our quoted words outside the gold, per (opening mark, kind): (n words, example)."""
    out: dict[str, list[tuple[int, str]]] = {}
    for rec in records:
        text = rec["text"]
        words = [m.span() for m in WORD_RE.finditer(text)]
        gold_ids = _word_ids(words, [g[0] for g in gold_quotes(rec)])
        for q in extract_quotes(text):
            if q.kind not in COUNTED_KINDS:
                continue
            fp = len(_word_ids(words, [(q.start, q.end)]) - gold_ids)
            if fp:
                key = f"{_opening_mark(text, q)} {q.kind}"
                out.setdefault(key, []).append((fp, f"[{rec.get('id')}] {_snippet(text, q.start, q.end, 70)}"))
    return out


# Where false-positive words fall relative to the annotation, in the order tested.
FP_PLACES = (
    ("block", "block quotation (unmarked: the gold holds marked text only)"),
    ("mark outside", "opening mark left outside the annotated content"),
    ("in content", "inside an annotated content, outside its marked parts"),
    ("partly in content", "partly inside an annotated content"),
    ("unannotated", "in no annotated content"),
)


def false_positive_places(records: list[dict]) -> dict[str, int]:
    """Our false-positive words (README gold) counted by where they fall (keys of FP_PLACES),
    and under "attributed" those in quotes we found a reporting cue and a speaker for.

    Tells an extractor's own mistakes from text the README's reading of the
    annotation cannot hold: a block quotation, a quotation whose opening mark
    the annotator left outside the span, a quotation no attribution covers.
    """
    places = dict.fromkeys((key for key, _ in FP_PLACES), 0) | {"attributed": 0}
    for rec in records:
        text = rec["text"]
        words = [m.span() for m in WORD_RE.finditer(text)]
        gold_ids = _word_ids(words, [g[0] for g in gold_quotes(rec)])
        outside_ids = _word_ids(words, [g[0] for g in gold_quotes(rec, marks_outside=True)])
        content_ids = _word_ids(words, [tuple(s) for att in rec.get("attributions") or []
                                        for s in ((att.get("content") or {}).get("spans") or [])])
        for q in extract_quotes(text):
            if q.kind not in COUNTED_KINDS:
                continue
            fp = _word_ids(words, [(q.start, q.end)]) - gold_ids
            if not fp:
                continue
            if q.kind == "block":
                key = "block"
            elif fp <= outside_ids:
                key = "mark outside"
            elif fp <= content_ids:
                key = "in content"
            else:
                key = "partly in content" if fp & content_ids else "unannotated"
            places[key] += len(fp)
            places["attributed"] += len(fp) if q.cue and q.speaker else 0
    return places


def format_places(places: dict[str, int]) -> str:
    """The table of :func:`false_positive_places`, with each place's share."""
    total = sum(places[k] for k, _ in FP_PLACES)
    lines = [f"{places[key]:>7} {places[key] / total if total else 0:>6.1%}  {label}" for key, label in FP_PLACES]
    share = places["attributed"] / total if total else 0
    return "\n".join([*lines, f"{total:>7}         false-positive words in all, {places['attributed']} ({share:.1%}) "
                              "in quotes we found a reporting cue and a speaker for"])


def format_errors(records: list[dict], n: int) -> str:
    """Counts per error kind and up to ``n`` examples of each."""
    lines = ["SPEAKER ERRORS (README gold)"]
    for kind, examples in sorted(speaker_errors(records).items(), key=lambda kv: -len(kv[1])):
        lines.append(f"== {kind}: {len(examples)}")
        lines += ["  " + e for e in examples[:n]]
    lines.append("\nFALSE-POSITIVE WORDS (README gold), by opening mark and kind")
    for key, items in sorted(precision_errors(records).items(), key=lambda kv: -sum(i[0] for i in kv[1])):
        lines.append(f"== {key}: {sum(i[0] for i in items)} words in {len(items)} quotes")
        lines += [f"  {fp:>3} {ex}" for fp, ex in items[:n]]
    return "\n".join(lines)


def words_per_second(n_articles: int = 2000) -> dict[str, float]:
    """Time extract_quotes over the first ``n_articles`` AllSides articles."""
    texts = []
    with gzip.open(corpus_path("allsides.jsonl.gz"), "rt", encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line).get("text") or "")
            if len(texts) >= n_articles:
                break
    n_words = sum(count_words(t) for t in texts)
    t0, c0 = time.perf_counter(), time.process_time()
    for t in texts:
        extract_quotes(t)
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    # CPU time as well: on a shared machine wall time depends on the other jobs.
    return {"articles": len(texts), "words": n_words, "seconds": secs, "words_per_second": n_words / secs,
            "cpu_seconds": cpu, "cpu_words_per_second": n_words / cpu if cpu else math.nan}


def format_table(scores: dict[str, dict[str, float]]) -> str:
    """A small side-by-side table of ours vs naive."""
    rows = [("precision", "P"), ("recall", "R"), ("f1", "F1"), ("share_mae", "quote-share MAE"), ("speaker_accuracy", "speaker acc.")]
    lines = [f"{'measure':<18}{'ours':>10}{'naive':>10}"]
    for key, label in rows:
        cells = ["   n/a" if math.isnan(scores[n][key]) else f"{scores[n][key]:.3f}" for n in ("ours", "naive")]
        lines.append(f"{label:<18}{cells[0]:>10}{cells[1]:>10}")
    o = scores["ours"]
    lines.append(f"({o['n_articles']} articles, {o['n_gold_quotes']} gold direct quotations)")
    return "\n".join(lines)


def _no_nan(obj: object) -> object:
    """JSON has no NaN: write null instead."""
    if isinstance(obj, dict):
        return {k: _no_nan(v) for k, v in obj.items()}
    return None if isinstance(obj, float) and math.isnan(obj) else obj


def main(argv: list[str] | None = None, out: Callable[[str], None] = print) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--speed", type=int, default=0, metavar="N", help="also time N AllSides articles")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print error kinds with N examples each, then stop")
    args = parser.parse_args(argv)
    try:
        records = load_polnear(args.split, args.limit)
        if args.errors:
            out(format_errors(records, args.errors))
            return 0
        result: dict = {"split": args.split, **evaluate(records)}
        result["apostrophe_pairs"] = evaluate(records, apostrophe_pairs=True)
        result["marked_only"] = evaluate(records, marked_only=True)
        result["marks_outside"] = evaluate(records, marks_outside=True)
        result["false_positive_places"] = false_positive_places(records)
        if args.speed:
            result["speed"] = words_per_second(args.speed)
    except SharedDataMissing as exc:
        print(f"eval_quotes: {exc}", file=sys.stderr)
        return 2
    if args.json:
        out(json.dumps(_no_nan(result), indent=2))
    else:
        out(f"PolNeAR {args.split} (gold: double marks, as the shared README defines)\n" + format_table(result))
        out(f"\nDIAGNOSTIC PolNeAR {args.split} (gold: '' pairs count as double marks too)\n" + format_table(result["apostrophe_pairs"]))
        out(
            f"\nDIAGNOSTIC PolNeAR {args.split} (README gold; ours restricted to quotes the gold can contain: "
            "direct/partial opened by “ or \")\n" + format_table(result["marked_only"])
        )
        out(
            f"\nDIAGNOSTIC PolNeAR {args.split} (gold: the README's, plus contents whose opening mark the annotator "
            "left outside the span)\n" + format_table(result["marks_outside"])
        )
        out(f"\nDIAGNOSTIC PolNeAR {args.split}: where our false-positive words (README gold) fall\n"
            + format_places(result["false_positive_places"]))
        if "speed" in result:
            s = result["speed"]
            out(f"speed: {s['words_per_second']:,.0f} words/s wall, {s['cpu_words_per_second']:,.0f} words/s CPU "
                f"({s['words']:,} words, {s['articles']} AllSides articles)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
