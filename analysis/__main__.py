"""Command line: ``python -m analysis build`` and ``python -m analysis report``.

>>> main(["--version"])  # doctest: +SKIP
"""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from . import __version__, config
from .errors import AnalysisError, BuildLockedError

EPILOG = """\
exit codes:
  0  every record was processed
  3  the build completed but some records were rejected (listed in rejects.parquet);
     with --strict this counts as a failure and nothing is replaced
  1  the build failed (unreadable corpus, locked output folder, failing notebook);
     the previous outputs are left in place
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Computational media analysis of news articles.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"analysis {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    b = sub.add_parser("build", help="load, clean and measure a corpus into processed tables",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    _add_build_options(b)
    r = sub.add_parser("report", help="build (if needed) and render the notebooks into HTML reports",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    r.add_argument("--corpus", type=Path, default=config.RAW_DIR, help="corpus path (default: data/raw)")
    r.add_argument("--out", type=Path, default=config.REPORTS_DIR, help="report folder (default: reports)")
    r.add_argument("--processed", type=Path, default=None,
                   help="processed tables folder (default: data/processed for data/raw, else OUT/data)")
    r.add_argument("-p", "--parameter", nargs=2, action="append", metavar=("NAME", "VALUE"), default=[],
                   help="notebook parameter, e.g. -p min_articles 10 (repeatable)")
    r.add_argument("--with-code", action="store_true", help="show code cells in the HTML reports")
    r.add_argument("--workers", type=int, default=None, help="worker processes for the build")
    r.add_argument("--quiet", action="store_true", help="no progress output")
    return parser


def _add_build_options(b: argparse.ArgumentParser) -> None:
    b.add_argument("--corpus", type=Path, default=config.RAW_DIR,
                   help="folder of .txt files (optional manifest.csv), or .jsonl[.gz]/.csv/.parquet (default: data/raw)")
    b.add_argument("--out", type=Path, default=config.PROCESSED_DIR, help="output folder (default: data/processed)")
    b.add_argument("--workers", type=int, default=None, help="worker processes (default: all cores)")
    b.add_argument("--engine", choices=["local", "dask"], default="local", help="where per-article work runs")
    b.add_argument("--scheduler", default=None, help="Dask scheduler address, e.g. tcp://host:8786 (default: a LocalCluster)")
    b.add_argument("--column", nargs=2, action="append", metavar=("FIELD", "NAME"), default=[],
                   help="source column for a field, e.g. --column text story (repeatable)")
    b.add_argument("--strict", action="store_true", help="fail (exit 1, outputs untouched) when any record is rejected")
    b.add_argument("--no-cache", action="store_true", help="recompute every article instead of reusing cached results")
    b.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                   help="wait this long for another build on the same folder instead of stopping")
    b.add_argument("--quiet", action="store_true", help="no progress bar")


def _cmd_build(args: argparse.Namespace) -> int:
    from .pipeline import build

    summary = build(
        args.corpus, args.out, workers=args.workers, engine=args.engine, scheduler=args.scheduler,
        columns=dict(args.column) or None, use_cache=not args.no_cache,
        quiet=True if args.quiet else None, wait=args.wait, strict=args.strict,
    )
    print(f"built {summary.out}: {summary.n_articles:,} articles, {summary.n_rejected:,} rejected "
          f"of {summary.n_read:,} read, {summary.n_words:,} words, {summary.seconds:.1f} s"
          f"{' (up to date)' if summary.up_to_date else ''}")
    for reason, count in summary.reject_reasons.items():
        print(f"  rejected {count:>6,}: {reason}")
    if summary.n_rejected:
        print(f"  see {summary.out / 'rejects.parquet'} for each rejected record and its reason")
    return summary.exit_code


def _cmd_report(args: argparse.Namespace) -> int:
    from .report import build_reports

    result = build_reports(
        corpus=args.corpus, out=args.out, processed=args.processed, parameters=dict(args.parameter),
        with_code=args.with_code, workers=args.workers, quiet=args.quiet,
    )
    print(f"reports written to {result.out} ({len(result.reports)} notebooks, {result.seconds:.1f} s)")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.command is None:
        _parser().print_help()
        return 0
    try:
        return _cmd_build(args) if args.command == "build" else _cmd_report(args)
    except BuildLockedError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except AnalysisError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted; previous outputs are left in place", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
