"""Every path the project uses, derived from this file's own location.

Notebooks, papermill and nbconvert may start in any working directory; deriving
paths from ``__file__`` (as cookiecutter-data-science does) keeps them right.

>>> from analysis import config
>>> config.RAW_DIR.name
'raw'
"""
from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent

DATA_DIR = PROJECT_ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
PROCESSED_DIR = DATA_DIR / "processed"
REPORTS_DIR = PROJECT_ROOT / "reports"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"

# Default lexicons and tables that users may copy and edit; functions take a
# path to the user's own version.
PACKAGE_DATA_DIR = PACKAGE_DIR / "data"
STOPWORDS_FILE = PACKAGE_DATA_DIR / "stopwords.txt"
FRAMING_LEXICON_FILE = PACKAGE_DATA_DIR / "framing_immigrants.csv"
TARGETS_FILE = PACKAGE_DATA_DIR / "targets.csv"
OUTLET_ALIASES_FILE = PACKAGE_DATA_DIR / "outlet_aliases.csv"
REPORTING_VERBS_FILE = PACKAGE_DATA_DIR / "reporting_verbs.txt"
FIRST_NAMES_FILE = PACKAGE_DATA_DIR / "first_names.txt"
PLACES_FILE = PACKAGE_DATA_DIR / "places.txt"

# Where ../shared lives for evaluation scripts and the tests that read it.
SHARED_DIR = PROJECT_ROOT.parent / "shared"
CORPORA_DIR = SHARED_DIR / "corpora"

# Per-outlet comparison: outlets with fewer articles are flagged.
MIN_ARTICLES_PER_OUTLET = 5
BOOTSTRAP_SEED = 20241219
BOOTSTRAP_RESAMPLES = 1000
