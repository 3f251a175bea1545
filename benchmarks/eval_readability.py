"""Readability: validity on OneStopEnglish and speed against textstat.

Run from the project root (needs ../shared, the developer data):

    .venv/bin/python benchmarks/eval_readability.py [--speed N]

Prints the share of OneStopEnglish article triples whose Flesch-Kincaid grade
orders elementary < intermediate < advanced (textstat alone: 0.974), and with
``--speed N`` the words/s of analysis.readability versus the seven textstat
functions on the same N AllSides articles.
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import textstat

from analysis import config
from analysis.readability import FORMULAS, readability
from analysis.syllables import cmu_dictionary
from analysis.tokens import count_words

LEVELS = ("ele", "int", "adv")


def read_jsonl(path: Path, limit: int | None = None) -> list[dict]:
    """Records of a gzip JSON Lines file (the first ``limit`` ones)."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in itertools.islice(f, limit)]


def level_order_share(
    records: list[dict], measure: Callable[[str], float] | None = None
) -> tuple[float, int]:
    """Share of complete (ele, int, adv) triples that ``measure`` orders strictly upwards.

    >>> recs = [{"id": 1, "level": l, "text": t} for l, t in
    ...         [("ele", "The cat sat."), ("int", "The feline sat quietly."),
    ...          ("adv", "The domesticated feline positioned itself motionlessly.")]]
    >>> level_order_share(recs)
    (1.0, 1)
    """
    measure = measure or (lambda text: readability(text)["flesch_kincaid_grade"])
    by_article: dict[object, dict[str, float]] = defaultdict(dict)
    for rec in records:
        by_article[rec["id"]][rec["level"]] = measure(rec["text"])
    triples = [g for g in by_article.values() if all(level in g for level in LEVELS)]
    ordered = sum(g["ele"] < g["int"] < g["adv"] for g in triples)
    return (ordered / len(triples) if triples else float("nan")), len(triples)


def speed(texts: list[str]) -> dict[str, float]:
    """Words/s of analysis.readability and of the seven textstat functions.

    Each text gets a unique suffix for textstat so its per-text cache cannot
    serve a result computed earlier (our counts share only a per-word cache).
    """
    n_words = sum(count_words(t) for t in texts)
    cmu_dictionary()  # load the shared CMU dictionary (0.7 s) outside both timings
    start = time.perf_counter()
    for text in texts:
        readability(text)
    ours = time.perf_counter() - start
    start = time.perf_counter()
    for i, text in enumerate(texts):
        fresh = f"{text} zq{i}"
        for name in FORMULAS:
            getattr(textstat, name)(fresh)
    theirs = time.perf_counter() - start
    return {"words": n_words, "ours_wps": n_words / ours, "textstat_wps": n_words / theirs,
            "speedup": theirs / ours}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speed", type=int, default=0, metavar="N",
                        help="also time N AllSides articles against textstat")
    args = parser.parse_args(argv)
    onestop = config.CORPORA_DIR / "onestop.jsonl.gz"
    if not onestop.exists():
        print(f"skipped: {onestop} not present (developer data in ../shared)")
        return 0
    share, n = level_order_share(read_jsonl(onestop))
    print(f"OneStopEnglish: Flesch-Kincaid orders ele < int < adv in {share:.3f} of {n} triples")
    if args.speed:
        texts = [r["text"] for r in read_jsonl(config.CORPORA_DIR / "allsides.jsonl.gz", args.speed)]
        s = speed(texts)
        print(f"readability on {len(texts)} AllSides articles ({s['words']:,} words): "
              f"{s['ours_wps']:,.0f} words/s vs textstat {s['textstat_wps']:,.0f} words/s "
              f"({s['speedup']:.1f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
