"""Words/s of the per-article measures readability() and sentence_spans().

Run from the project root (needs ../shared, the developer data):

    .venv/bin/python benchmarks/bench_measures.py [--articles N] [--repeats R]

Takes N AllSides articles (shuffled with a fixed seed, so the sample is the
same every run), and prints for each measure the words/s of a first pass
(readability's per-token caches cold, CMU dictionary already loaded) and the
best of R further passes (caches warm). Words are counted with
:func:`analysis.tokens.count_words`. Timings are for one core; on a shared
machine take the best of several runs.
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import time
from collections.abc import Callable

from analysis import config
from analysis.readability import readability
from analysis.sentences import sentence_spans
from analysis.syllables import cmu_dictionary
from analysis.tokens import count_words

SAMPLE_SEED = 7


def sample_texts(n: int, seed: int = SAMPLE_SEED) -> list[str]:
    """The texts of ``n`` AllSides articles drawn with a fixed seed."""
    with gzip.open(config.CORPORA_DIR / "allsides.jsonl.gz", "rt", encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f]
    random.Random(seed).shuffle(texts)
    return texts[:n]


def seconds_per_pass(measure: Callable[[str], object], texts: list[str]) -> float:
    """Wall time of one call of ``measure`` on every text.

    >>> seconds_per_pass(len, ["a", "b"]) >= 0
    True
    """
    start = time.perf_counter()
    for text in texts:
        measure(text)
    return time.perf_counter() - start


def words_per_second(
    measure: Callable[[str], object], texts: list[str], repeats: int
) -> tuple[float, float]:
    """(first pass, best of ``repeats`` later passes) in words/s."""
    n_words = sum(map(count_words, texts))
    first = seconds_per_pass(measure, texts)
    best = min(seconds_per_pass(measure, texts) for _ in range(max(1, repeats)))
    return n_words / first, n_words / best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000, metavar="N")
    parser.add_argument("--repeats", type=int, default=3, metavar="R")
    args = parser.parse_args(argv)
    if not (config.CORPORA_DIR / "allsides.jsonl.gz").exists():
        print(f"skipped: {config.CORPORA_DIR / 'allsides.jsonl.gz'} not present (developer data)")
        return 0
    texts = sample_texts(args.articles)
    cmu_dictionary()  # a one-off 0.7 s load, not part of either measure's per-article cost
    print(f"{len(texts)} AllSides articles, {sum(map(count_words, texts)):,} words, one core")
    for name, measure in (("readability", readability), ("sentence_spans", sentence_spans)):
        first, warm = words_per_second(measure, texts, args.repeats)
        print(f"{name:15s} first pass {first / 1e6:5.2f} M words/s   warm {warm / 1e6:5.2f} M words/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
