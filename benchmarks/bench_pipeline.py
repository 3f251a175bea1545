"""Benchmark: the analysis pipeline against the notebook approach, side by side in one run.

The peer is what an analyst writes in a notebook with the same libraries:
VADER compound averaged over regex-split sentences, the seven textstat indices
applied column by column with pandas, quote share from paired double
quotation marks, a Counter of lowercased words, per-outlet means.

    python benchmarks/bench_pipeline.py                 # 2,000 AllSides articles (or synthetic)
    python benchmarks/bench_pipeline.py --n 2000 --scale-n 6000 --full

Prints words per second of each, their ratio, the scaling from 1 to 2
workers, unchanged and 1%-changed rebuild times, and peak memory; checks
that readability agrees exactly and that sentence-level VADER agrees.
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import config  # noqa: E402

SEVEN = ["flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
         "coleman_liau_index", "automated_readability_index", "dale_chall_readability_score"]
SPLIT = re.compile(r"(?<=[.!?])\s+")
PAIRED = re.compile(r"[“\"]([^”\"]*)[”\"]")


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
        raise subprocess.CalledProcessError(proc.returncode, "build", stdout, stderr)
    result = json.loads(stdout.strip().splitlines()[-1])
    result["maxrss_mb"] = max(result["maxrss_mb"], largest)
    result["sum_rss_mb"] = max(together, result["maxrss_mb"])
    return result


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


def main(argv: list[str] | None = None) -> None:
    import pandas as pd

    from analysis.tokens import count_words

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000, help="articles for the side-by-side run")
    ap.add_argument("--scale-n", type=int, default=4000, help="articles for the worker scaling run")
    ap.add_argument("--full", action="store_true", help="also build the full AllSides corpus with 2 workers")
    args = ap.parse_args(argv)

    rows = sample_articles(max(args.n, args.scale_n))
    tmp = Path(tempfile.mkdtemp(prefix="bench-"))
    small = tmp / "sample.jsonl"
    write_jsonl(rows[:args.n], small)
    df = pd.DataFrame(rows[:args.n])
    words = sum(count_words(t) for t in df["text"])

    t = time.perf_counter()
    peer(df)
    peer_s = time.perf_counter() - t
    ours = run_build(small, tmp / "out1", workers=1, cache=False)
    print(f"articles: {args.n:,}  words (raw text): {words:,}  source: "
          f"{'AllSides sample' if config.CORPORA_DIR.exists() else 'synthetic from seeds'}")
    print(f"{'':28s}{'seconds':>10s}{'words/s':>12s}")
    print(f"{'peer (notebook approach)':28s}{peer_s:10.2f}{words / peer_s:12,.0f}")
    print(f"{'analysis, 1 worker':28s}{ours['seconds']:10.2f}{words / ours['seconds']:12,.0f}")
    print(f"ratio analysis / peer: {peer_s / ours['seconds']:.2f}x")

    scale = tmp / "scale.jsonl"
    write_jsonl(rows[:args.scale_n], scale)
    one = run_build(scale, tmp / "s1", workers=1, cache=False)
    two = run_build(scale, tmp / "s2", workers=2, cache=False)
    print(f"scaling on {args.scale_n:,} articles: 1 worker {one['seconds']:.2f} s, 2 workers "
          f"{two['seconds']:.2f} s -> {one['seconds'] / two['seconds']:.2f}x")

    cached = run_build(scale, tmp / "s3", workers=2)  # fills the cache
    unchanged = run_build(scale, tmp / "s3", workers=2)
    changed_rows = [dict(r) for r in rows[:args.scale_n]]
    for r in random.Random(1).sample(changed_rows, max(1, len(changed_rows) // 100)):
        r["text"] += "\n\nThis paragraph was added for the benchmark."
    write_jsonl(changed_rows, scale)
    changed = run_build(scale, tmp / "s3", workers=2)
    print(f"rebuild, nothing changed: {unchanged['seconds']:.2f} s ({unchanged['cached']:,} cached); "
          f"1% changed: {changed['seconds']:.2f} s ({changed['cached']:,} cached); "
          f"full build with cache filling: {cached['seconds']:.2f} s")
    print(f"peak RSS: 1 worker {one['maxrss_mb']:.0f} MB; 2 workers {two['maxrss_mb']:.0f} MB in the largest "
          f"process, {two['sum_rss_mb']:.0f} MB over all processes together")
    print("agreement:", json.dumps(check_agreement(list(df["text"][:300]))))

    if args.full and config.CORPORA_DIR.exists():
        full = run_build(config.CORPORA_DIR / "allsides.jsonl.gz", tmp / "full", workers=2, cache=False)
        print(f"full AllSides, 2 workers: {full['articles']:,} articles, {full['words']:,} words, "
              f"{full['seconds']:.1f} s, peak RSS {full['maxrss_mb']:.0f} MB in the largest process, "
              f"{full['sum_rss_mb']:.0f} MB over all processes together")
        again = run_build(config.CORPORA_DIR / "allsides.jsonl.gz", tmp / "full", workers=2)
        print(f"full AllSides rebuild, nothing changed: {again['seconds']:.1f} s")


if __name__ == "__main__":
    main()
