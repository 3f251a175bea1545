"""Records as they come out of a corpus file, before cleaning.

Every record read becomes either a :class:`RawRecord` or a :class:`Reject`, so
a build can prove that accepted + rejected = records read.

>>> r = Reject(record="line 3", source="a.jsonl", reason="not valid JSON", stage="read")
>>> r.as_row()["reason"]
'not valid JSON'
"""
from __future__ import annotations

import datetime as dt
import html
import re
import warnings
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

import pandas as pd

# Canonical field -> names recognised in a source, in order of preference.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "article_id": ("article_id", "id", "doc_id", "uid", "guid"),
    "outlet": ("outlet", "source", "publisher", "publication", "site", "media"),
    "text": ("text", "content", "body", "article", "full_text", "raw_text"),
    "title": ("title", "headline", "heading"),
    "date": ("date", "published", "published_at", "publish_date", "pub_date", "datetime"),
    "author": ("author", "authors", "byline", "creator"),
    "url": ("url", "link", "href"),
}
CANONICAL = ("article_id", "outlet", "date", "title", "author", "url")
UNKNOWN_OUTLET = "unknown"

# A news article is a few thousand words. Anything this long is a scraping
# error (a whole site dump), and would dominate every per-outlet figure.
DEFAULT_MAX_CHARS = 2_000_000


@dataclass
class RawRecord:
    """One article as read, before cleaning."""

    article_id: str
    raw_text: str
    origin: str
    outlet: str = UNKNOWN_OUTLET
    date: dt.datetime | None = None
    title: str | None = None
    author: str | None = None
    url: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Reject:
    """A record that could not be used, with a reason a person understands."""

    record: str
    source: str
    reason: str
    stage: str = "read"

    def as_row(self) -> dict[str, str]:
        return {"record": self.record, "source": self.source, "reason": self.reason, "stage": self.stage}


REJECT_COLUMNS = ["record", "source", "reason", "stage"]


def rejects_frame(rejects: list[Reject]) -> pd.DataFrame:
    """Rejects as a DataFrame with fixed string columns (also when empty)."""
    rows = [r.as_row() for r in rejects]
    return pd.DataFrame(rows, columns=REJECT_COLUMNS).astype("string")


def resolve_columns(available: list[str], overrides: dict[str, str] | None) -> dict[str, str | None]:
    """Map each canonical field to a column of the source (or None).

    >>> resolve_columns(["ID", "Content", "Publisher"], None)["text"]
    'Content'
    """
    lowered = {c.lower(): c for c in available}
    resolved: dict[str, str | None] = {}
    for canonical, aliases in FIELD_ALIASES.items():
        if overrides and canonical in overrides:
            resolved[canonical] = overrides[canonical] if overrides[canonical] in available else None
            continue
        resolved[canonical] = next((lowered[a] for a in aliases if a in lowered), None)
    return resolved


def parse_date(value: Any) -> dt.datetime | None:
    """Parse a date in any common format; None when absent or unreadable.

    A date without a year ("Tuesday", "Dec 17") is unreadable: filling in a
    default year would put the article in the wrong period.

    >>> parse_date("December 17, 2024").date()
    datetime.date(2024, 12, 17)
    >>> parse_date("not a date") is None, parse_date("Tuesday") is None, parse_date("9999-12-31") is None
    (True, True, True)
    """
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, dt.datetime):
        stamp = pd.Timestamp(value)
    else:
        text = str(value).strip()
        if not text or len(text) > 64:
            return None
        try:
            stamp = pd.Timestamp(_dateparse(text))
        except (ValueError, OverflowError, TypeError):
            return None
    if stamp.tzinfo is not None:
        stamp = stamp.tz_convert("UTC").tz_localize(None)
    if not _EARLIEST <= stamp < _LATEST:  # "0001-01-01", "9999-12-31": placeholders, not dates
        return None
    return stamp.to_pydatetime()


# The range of the tables' nanosecond timestamps; no news article falls outside it.
_EARLIEST, _LATEST = pd.Timestamp("1678-01-01"), pd.Timestamp("2262-01-01")


def _dateparse(text: str) -> dt.datetime:
    from dateutil import parser as dateparser  # pandas depends on python-dateutil

    if re.fullmatch(r"\d{9,11}", text):  # Unix seconds
        return dt.datetime.fromtimestamp(int(text), tz=dt.timezone.utc)
    if _ISO_RE.fullmatch(text):  # most sources: read 100x faster than dateutil, same result
        try:
            return dt.datetime.fromisoformat(text)
        except ValueError:  # "2024-02-30": let dateutil decide
            pass
    with warnings.catch_warnings():  # an unknown zone name ("EST") is ignored, not printed per record
        warnings.simplefilter("ignore", dateparser.UnknownTimezoneWarning)
        parsed = dateparser.parse(text, default=_DEFAULT_A)
        # the year came from the text only if another default year gives the same one
        if dateparser.parse(text, default=_DEFAULT_B).year != parsed.year:
            raise ValueError(f"no year in {text!r}")
    return parsed


_DEFAULT_A, _DEFAULT_B = dt.datetime(1900, 1, 1), dt.datetime(1904, 1, 1)
_ISO_RE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)?(?:Z|[+-]\d{2}:?\d{2})?")


def as_text(value: Any) -> str | None:
    """A field value as a stripped string; lists (several authors) are joined.

    Lone surrogates (from a broken ``\\ud800`` escape in JSON) cannot be
    stored as UTF-8, so a metadata value keeps U+FFFD in their place.

    >>> as_text(["Ann Lee", None, " Bo Ng "]), as_text("Bad \\udc80 title")
    ('Ann Lee; Bo Ng', 'Bad \ufffd title')
    """
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, (list, tuple)):
        parts = [as_text(v) for v in value]
        value = "; ".join(p for p in parts if p)
    text = without_surrogates(str(value).strip())
    return text or None


# Lone UTF-16 surrogates: json.loads accepts "\ud800" escapes, UTF-8 cannot encode them.
_SURROGATE = re.compile("[\ud800-\udfff]")


def first_surrogate(text: str) -> int | None:
    """Index of the first lone surrogate in ``text``, or None when it is valid Unicode.

    >>> first_surrogate("ok"), first_surrogate("a\\ud800b")
    (None, 1)
    """
    if text.isascii():  # the common case, without a scan
        return None
    found = _SURROGATE.search(text)
    return found.start() if found else None


def without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD (the replacement character)."""
    return text if first_surrogate(text) is None else _SURROGATE.sub("\ufffd", text)


_HTML_START = re.compile(r"\A\s*(?:<!doctype html|<html|<head|<body|<\?xml)", re.I)
_TAG = re.compile(r"<(?:p|div|br|span|a|script|meta|link|article|h[1-6])\b[^>]*>", re.I)


def looks_like_html(text: str) -> bool:
    """True for a web page saved as text (starts like a page or is dense with tags)."""
    return bool(_HTML_START.match(text)) or len(_TAG.findall(text[:20000])) >= 10


class _TextExtractor(HTMLParser):
    """Visible text of a page: paragraphs kept, script/style/nav dropped."""

    BLOCK = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "article", "section", "blockquote", "tr"}
    SKIP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "head", "svg", "iframe"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.SKIP:
            self.skip_depth += 1
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skip_depth:
            self.skip_depth -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.parts.append(data)


def html_to_text(page: str) -> str:
    """The readable text of an HTML page, as plain text with paragraphs.

    >>> html_to_text("<html><script>x()</script><p>One &amp; two.</p><p>Three.</p></html>")
    'One & two.\\n\\nThree.'
    """
    parser = _TextExtractor()
    try:
        parser.feed(page)
        parser.close()
    except (AssertionError, ValueError):  # malformed markup: fall back to stripping tags
        return html.unescape(re.sub(r"<[^>]{0,2000}>", " ", page)).strip()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t]*\n[ \t\n]*\n[ \t\n]*", "\n\n", text)
    return re.sub(r"[ \t]+", " ", text).strip()
