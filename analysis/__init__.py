"""analysis: computational media analysis of news articles.

Load and clean articles, find quoted speech and who speaks, measure sentiment,
readability and wording, and compare outlets.

>>> import analysis
>>> art = analysis.clean_article("Mayor Jane Roe said: “We will act.”")
>>> round(analysis.quote_share(art.text), 2) > 0
True

Public functions are imported lazily (PEP 562) so that ``import analysis`` is
quick in worker processes and in the command line.
"""
from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS: dict[str, str] = {
    "config": "analysis.config",
    "load_corpus": "analysis.load",
    "LoadResult": "analysis.load",
    "clean_article": "analysis.clean",
    "CleanArticle": "analysis.clean",
    "Comment": "analysis.clean",
    "split_sentences": "analysis.sentences",
    "sentiment": "analysis.sentiment",
    "target_sentiment": "analysis.sentiment",
    "readability": "analysis.readability",
    "term_frequency": "analysis.terms",
    "distinctive_terms": "analysis.terms",
    "tokenize": "analysis.terms",
    "framing": "analysis.framing",
    "compare_outlets": "analysis.compare",
    "extract_quotes": "analysis.quotes",
    "Quote": "analysis.quotes",
    "quote_share": "analysis.quotes",
    "count_words": "analysis.tokens",
    "build": "analysis.pipeline",
    "plots": "analysis.plots",
}

_MODULE_EXPORTS = {"config", "plots"}

__all__ = sorted(_EXPORTS)

# These functions share their name with the module that defines them. Importing
# a submodule binds the module to the package attribute, shadowing a lazily
# exported function, so these are bound eagerly, after their module is loaded.
from .readability import readability  # noqa: E402
from .sentiment import sentiment  # noqa: E402
from .framing import framing  # noqa: E402


def __getattr__(name: str) -> Any:
    module_name = _EXPORTS.get(name)
    if module_name is None:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    module = importlib.import_module(module_name)
    value = module if name in _MODULE_EXPORTS else getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
