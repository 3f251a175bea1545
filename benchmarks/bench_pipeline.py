"""Benchmark: the analysis pipeline against the notebook approach, side by side in one run.

The peer is what an analyst writes in a notebook with the same libraries:
VADER compound averaged over regex-split sentences, the seven textstat indices
applied column by column with pandas, quote share from paired double
quotation marks, a Counter of lowercased words, per-outlet means.

    python benchmarks/bench_pipeline.py                 # 2,000 AllSides articles (or synthetic)
    python benchmarks/bench_pipeline.py --n 2000 --scale-n 6000 --repeat 5 --full

Prints words per second of each, their ratio, the scaling from 1 to 2
workers, unchanged and 1%-changed rebuild times, and peak memory; checks
that readability agrees exactly and that sentence-level VADER agrees. Each
ratio is the median of ``--repeat`` rounds; within a round both sides run one
after the other, so they meet the same load, and every round is printed.

With ``--full`` it also builds the whole AllSides corpus with 1 and 2 workers
(``--repeat`` rounds, about 7 minutes each), which is the scaling the issue
sets, and times its rebuilds with nothing and with 1% of the articles changed.

Next to the scaling it prints the machine's own limit for it: two
independent 1-worker builds run at once, and the work they do per second
against one build alone. On a shared or virtual machine two busy processes
each run slower than one alone (shared caches, memory bandwidth, neighbours),
and no number of workers can scale past that.
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import config  # noqa: E402

SEVEN = ["flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
         "coleman_liau_index", "automated_readability_index", "dale_chall_readability_score"]
SPLIT = re.compile(r"(?<=[.!?])\s+")
PAIRED = re.compile(r"[“\"]([^”\"]*)[”\"]")
ADDED = "\n\nThis paragraph was added for the benchmark."  # what a 1%-changed rebuild adds to an article


def sample_articles(n: int, seed: int = 7) -> list[dict]:
    """n AllSides articles (seeded sample), or a synthetic corpus made from the seeds."""
    path = config.CORPORA_DIR / "allsides.jsonl.gz"
    if path.exists():
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh]
        random.Random(seed).shuffle(rows)
        return [{"id": r["id"], "outlet": r["outlet"], "text": r["text"]} for r in rows[:n]]
    seeds = sorted(config.RAW_DIR.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    rng = random.Random(seed)
    out = []
    for i in range(n):
        paras = texts[i % len(texts)].split("\n\n")
        rng.shuffle(paras)
        out.append({"id": f"syn{i}", "outlet": f"outlet{i % 7}", "text": "\n\n".join(paras)})
    return out


def peer(df):
    """The notebook approach, as an analyst would write it."""
    import numpy as np
    import textstat
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    sia = SentimentIntensityAnalyzer()
    df = df.copy()
    df["compound"] = df["text"].apply(
        lambda t: np.mean([sia.polarity_scores(s)["compound"] for s in SPLIT.split(t) if s.strip()] or [0.0]))
    for name in SEVEN:
        df[name] = df["text"].apply(getattr(textstat, name))
    df["quote_share"] = df["text"].apply(
        lambda t: sum(len(q.split()) for q in PAIRED.findall(t)) / max(1, len(t.split())))
    terms = Counter()
    for t in df["text"]:
        terms.update(re.findall(r"\w+", t.lower()))
    per_outlet = df.groupby("outlet")[["compound", "quote_share", *SEVEN]].mean()
    return df, per_outlet, terms


def run_build(corpus: Path, out: Path, workers: int, cache: bool = True) -> dict:
    """One build in a fresh process: its wall time, the peak RSS of its largest process
    (``maxrss_mb``) and the peak of the sum over all its processes (``sum_rss_mb``).

    Worker processes are children of the fork server, not of the build, so
    ``getrusage`` misses them: the process tree is sampled from /proc every
    0.25 s instead (on Linux; elsewhere only the build's own peak is known).
    """
    code = (
        "import json,resource,sys,time;from analysis.pipeline import build;t=time.perf_counter();"
        f"s=build({str(corpus)!r},{str(out)!r},workers={workers},use_cache={cache},quiet=True);"
        "d=time.perf_counter()-t;r=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss;"
        "print(json.dumps({'seconds':d,'maxrss_mb':r/1024,'words':s.n_words,'articles':s.n_articles,'cached':s.n_cached}))"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=ROOT)
    largest = together = 0.0
    while True:
        try:
            stdout, stderr = proc.communicate(timeout=0.25)
            break
        except subprocess.TimeoutExpired:
            sizes = _tree_rss_mb(proc.pid)
            largest, together = max(largest, *sizes.values(), 0.0), max(together, sum(sizes.values()))
    if proc.returncode:
        sys.stderr.write(stderr)  # the build's own traceback
        raise subprocess.CalledProcessError(proc.returncode, "build", stdout, stderr)
    result = json.loads(stdout.strip().splitlines()[-1])
    result["maxrss_mb"] = max(result["maxrss_mb"], largest)
    result["sum_rss_mb"] = max(together, result["maxrss_mb"])
    return result


def machine_pair(corpus: Path, tmp: Path) -> list[float]:
    """Wall seconds of two 1-worker builds of ``corpus`` started together."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(2) as pool:
        runs = pool.map(lambda out: run_build(corpus, out, workers=1, cache=False), (tmp / "pair1", tmp / "pair2"))
        return [run["seconds"] for run in runs]


def _tree_rss_mb(root: int) -> dict[int, float]:
    """Current RSS in MB of ``root`` and of every process under it (empty without /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue  # ended while we looked
        children.setdefault(ppid, []).append(int(entry.name))
    sizes, todo = {}, [root]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        rss = re.search(r"^VmRSS:\s+(\d+) kB", status, re.M)
        sizes[pid] = int(rss.group(1)) / 1024 if rss else 0.0
    return sizes


def check_agreement(texts: list[str]) -> dict:
    """Readability equal to textstat; sentence VADER equal to polarity_scores."""
    import textstat
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from analysis.readability import readability
    from analysis.sentences import split_sentences
    from analysis.sentiment import score_sentence

    worst = 0.0
    for t in texts:
        ours = readability(t)
        for name in SEVEN:
            worst = max(worst, abs(ours[name] - getattr(textstat, name)(t)))
    from analysis.sentiment import _ASCII_PUNCTUATION, MAX_SENTENCE_CHARS

    sia = SentimentIntensityAnalyzer()
    sents = [s for t in texts for s in split_sentences(t) if len(s) <= MAX_SENTENCE_CHARS]
    # We give VADER the sentence with curly quotes, ellipses and dashes as ASCII
    # (VADER strips only ASCII punctuation); on that same text the scores must be equal.
    same_text = max((abs(score_sentence(s)["compound"] - sia.polarity_scores(s.translate(_ASCII_PUNCTUATION))["compound"])
                     for s in sents), default=0.0)
    raw_differs = sum(score_sentence(s)["compound"] != sia.polarity_scores(s)["compound"] for s in sents)
    return {"readability_max_abs_diff": worst, "vader_same_sentence_max_abs_diff": same_text,
            "n_sentences": len(sents), "sentences_scored_differently_from_raw_polarity_scores": raw_differs}


def write_jsonl(rows: list[dict], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


def run_peer(corpus: Path) -> float:
    """The peer's seconds on ``corpus``, in a fresh process with its libraries
    imported before the clock starts (textstat caches results by whole text,
    so a second run in one process would be faster than an analyst's)."""
    out = subprocess.run([sys.executable, __file__, "--peer-only", str(corpus)], capture_output=True,
                         text=True, check=True, cwd=ROOT)
    return float(out.stdout.split()[-1])


def _peer_only(corpus: Path) -> None:
    import pandas as pd
    import textstat  # noqa: F401  (imported before timing, as our build's imports are)
    import vaderSentiment.vaderSentiment  # noqa: F401

    df = pd.read_json(corpus, lines=True)
    t = time.perf_counter()
    peer(df)
    print(time.perf_counter() - t)


def rounds(repeat: int, first: Callable[[int], float], second: Callable[[int], float]) -> list[tuple[float, float]]:
    """``repeat`` rounds of (first(i), second(i)), run one after the other within each
    round, so both sides of a ratio meet the same machine load."""
    return [(first(i), second(i)) for i in range(repeat)]


def report_rounds(label: str, pairs: list[tuple[float, float]]) -> float:
    """Print each round and return the median ratio first / second."""
    ratios = [a / b for a, b in pairs]
    each = "; ".join(f"{a:.2f} s / {b:.2f} s = {r:.2f}x" for (a, b), r in zip(pairs, ratios))
    median = statistics.median(ratios)
    print(f"{label}: {median:.2f}x (median of {len(pairs)} rounds: {each})")
    return median


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000, help="articles for the side-by-side run")
    ap.add_argument("--scale-n", type=int, default=4000, help="articles for the worker scaling run")
    ap.add_argument("--repeat", type=int, default=3, help="rounds of each side-by-side comparison (median reported)")
    ap.add_argument("--full", action="store_true",
                    help="also build the full AllSides corpus with 1 and 2 workers, and rebuild it (about 7 min a round)")
    ap.add_argument("--peer-only", type=Path, help=argparse.SUPPRESS)  # used by run_peer
    args = ap.parse_args(argv)
    if args.peer_only:
        return _peer_only(args.peer_only)

    from analysis.tokens import count_words

    rows = sample_articles(max(args.n, args.scale_n))
    tmp = Path(tempfile.mkdtemp(prefix="bench-"))
    small = tmp / "sample.jsonl"
    write_jsonl(rows[:args.n], small)
    words = sum(count_words(r["text"]) for r in rows[:args.n])
    print(f"articles: {args.n:,}  words (raw text): {words:,}  source: "
          f"{'AllSides sample' if config.CORPORA_DIR.exists() else 'synthetic from seeds'}")
    side = rounds(args.repeat, lambda i: run_peer(small),
                  lambda i: run_build(small, tmp / f"out{i}", workers=1, cache=False)["seconds"])
    peer_s, ours_s = (statistics.median(x) for x in zip(*side))
    print(f"{'':28s}{'seconds':>10s}{'words/s':>12s}   (medians)")
    print(f"{'peer (notebook approach)':28s}{peer_s:10.2f}{words / peer_s:12,.0f}")
    print(f"{'analysis, 1 worker':28s}{ours_s:10.2f}{words / ours_s:12,.0f}")
    report_rounds("ratio analysis / peer", side)

    scale = tmp / "scale.jsonl"
    write_jsonl(rows[:args.scale_n], scale)
    runs = scaling_rounds(f"scaling on {args.scale_n:,} articles, 1 worker / 2 workers", scale, tmp, args.repeat)
    pair = machine_pair(scale, tmp)
    alone = statistics.median(r["seconds"] for r in runs[1])
    print(f"  this machine's limit: two 1-worker builds at once took {pair[0]:.2f} s and {pair[1]:.2f} s, "
          f"so 2 processes do {2 * alone / max(pair):.2f}x the work of one")
    rebuilds(scale, tmp)
    print(f"peak RSS: 1 worker {max(r['maxrss_mb'] for r in runs[1]):.0f} MB; 2 workers "
          f"{max(r['maxrss_mb'] for r in runs[2]):.0f} MB in the largest process, "
          f"{max(r['sum_rss_mb'] for r in runs[2]):.0f} MB over all processes together")
    print("agreement:", json.dumps(check_agreement([r["text"] for r in rows[:300]])))
    if args.full and config.CORPORA_DIR.exists():
        full_corpus(tmp, args.repeat)


def scaling_rounds(label: str, corpus: Path, tmp: Path, repeat: int) -> dict[int, list[dict]]:
    """``repeat`` rounds of a 1-worker and a 2-worker first build of ``corpus``: prints
    their ratio (:func:`report_rounds`), returns each build's figures by worker count.
    Each output folder is deleted once timed (the full corpus's are about 0.5 GB)."""
    runs: dict[int, list[dict]] = {1: [], 2: []}

    def timed(workers: int, i: int) -> float:
        out = tmp / f"{corpus.name}-{workers}-{i}"
        runs[workers].append(run_build(corpus, out, workers=workers, cache=False))
        shutil.rmtree(out)
        return runs[workers][-1]["seconds"]

    report_rounds(label, rounds(repeat, partial(timed, 1), partial(timed, 2)))
    return runs


def rebuilds(scale: Path, tmp: Path) -> None:
    """Unchanged and 1%-changed rebuilds of the JSON Lines file ``scale`` (changed in place)."""
    cached = run_build(scale, tmp / "s3", workers=2)  # fills the cache
    unchanged = run_build(scale, tmp / "s3", workers=2)
    changed = run_build(changed_copy(scale, scale), tmp / "s3", workers=2)
    print(f"rebuild, nothing changed: {unchanged['seconds']:.2f} s ({unchanged['cached']:,} cached); "
          f"1% changed: {changed['seconds']:.2f} s ({changed['cached']:,} cached); "
          f"full build with cache filling: {cached['seconds']:.2f} s")


def full_corpus(tmp: Path, repeat: int) -> None:
    """The full AllSides corpus: first builds with 1 and 2 workers (``repeat`` rounds,
    the scaling the issue sets for the whole corpus), then rebuilds with the cache
    filled: nothing changed, and 1% of the articles changed."""
    corpus = config.CORPORA_DIR / "allsides.jsonl.gz"
    runs = scaling_rounds("full AllSides, scaling 1 worker / 2 workers", corpus, tmp, repeat)
    last = runs[2][-1]
    print(f"full AllSides, 2 workers: {last['articles']:,} articles, {last['words']:,} words, "
          f"{statistics.median(r['seconds'] for r in runs[2]):.1f} s (median), peak RSS "
          f"{max(r['maxrss_mb'] for r in runs[2]):.0f} MB in the largest process, "
          f"{max(r['sum_rss_mb'] for r in runs[2]):.0f} MB over all processes together")
    cached = run_build(corpus, tmp / "full", workers=2)  # fills the cache
    again = run_build(corpus, tmp / "full", workers=2)
    changed = run_build(changed_copy(corpus, tmp / "full-changed.jsonl.gz"), tmp / "full", workers=2)
    print(f"full AllSides rebuild: nothing changed {again['seconds']:.2f} s; 1% changed {changed['seconds']:.2f} s "
          f"({changed['cached']:,} of {changed['articles']:,} cached), against {cached['seconds']:.1f} s for the "
          "build that filled the cache")


def changed_copy(corpus: Path, out: Path, share: float = 0.01) -> Path:
    """A copy of the JSON Lines ``corpus`` (gzip'd when its name ends in .gz, as ``out``'s
    then is) with a paragraph added to ``share`` of its articles (the same ones every run);
    ``out`` may be ``corpus`` itself."""
    with _open_jsonl(corpus, "rt") as fh:
        lines = fh.readlines()
    for i in random.Random(1).sample(range(len(lines)), max(1, int(len(lines) * share))):
        row = json.loads(lines[i])
        row["text"] += ADDED
        lines[i] = json.dumps(row, ensure_ascii=False) + "\n"
    with _open_jsonl(out, "wt") as fh:
        fh.writelines(lines)
    return out


def _open_jsonl(path: Path, mode: str) -> Any:
    if path.name.endswith(".gz"):
        return gzip.open(path, mode, encoding="utf-8", compresslevel=6)
    return open(path, mode, encoding="utf-8")


if __name__ == "__main__":
    main()
