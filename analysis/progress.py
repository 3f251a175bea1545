"""A progress bar for builds: articles and words per second, quiet when not on a terminal.

>>> p = Progress(quiet=True); p.update(3, 120); p.close()
"""
from __future__ import annotations

import sys
import time

from tqdm import tqdm


class Progress:
    """Wraps tqdm; ``quiet=None`` means quiet unless stderr is a terminal."""

    def __init__(self, quiet: bool | None = None, total: int | None = None) -> None:
        if quiet is None:
            quiet = not sys.stderr.isatty()
        self._bar = None if quiet else tqdm(total=total, unit=" articles", dynamic_ncols=True, file=sys.stderr)
        self._start = time.perf_counter()
        self.articles = 0
        self.words = 0

    def update(self, articles: int, words: int) -> None:
        self.articles += articles
        self.words += words
        if self._bar is not None:
            elapsed = max(time.perf_counter() - self._start, 1e-9)
            self._bar.set_postfix_str(f"{self.words / elapsed:,.0f} words/s", refresh=False)
            self._bar.update(articles)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
