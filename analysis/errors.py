"""Exception types. Each names what went wrong and what a person can do.

>>> from analysis.errors import CorpusError
>>> issubclass(CorpusError, AnalysisError)
True
"""
from __future__ import annotations


class AnalysisError(Exception):
    """Base class for every error this package raises on purpose."""


class CorpusError(AnalysisError):
    """The corpus as a whole cannot be read (missing path, unknown format, no text column)."""


class RecordError(AnalysisError):
    """One record cannot be used; the loader lists it as rejected with this message."""


class UnknownMeasureError(AnalysisError, KeyError):
    """A measure or metric was asked for by a name that does not exist."""

    def __str__(self) -> str:  # KeyError would wrap the message in quotes
        return str(self.args[0]) if self.args else ""


class BuildError(AnalysisError):
    """A build could not complete; the previous outputs are left in place."""


class BuildLockedError(BuildError):
    """Another build holds the lock on the output folder."""


class ReportError(AnalysisError):
    """A notebook failed while building reports."""


class LexiconError(AnalysisError):
    """A user-editable data file (lexicon, stop words, aliases, targets, verbs) cannot be used."""


class ParameterError(AnalysisError, ValueError):
    """A function was called with an argument it cannot work with."""
