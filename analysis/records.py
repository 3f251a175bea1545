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

    >>> parse_date("December 17, 2024").date()
    datetime.date(2024, 12, 17)
    >>> parse_date("not a date") is None
    True
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
    return stamp.to_pydatetime()


def _dateparse(text: str) -> dt.datetime:
    from dateutil import parser as dateparser  # pandas depends on python-dateutil

    if re.fullmatch(r"\d{9,11}", text):  # Unix seconds
        return dt.datetime.fromtimestamp(int(text), tz=dt.timezone.utc)
    return dateparser.parse(text, default=dt.datetime(1900, 1, 1))


def as_text(value: Any) -> str | None:
    """A field value as a stripped string; lists (several authors) are joined."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, (list, tuple)):
        parts = [as_text(v) for v in value]
        value = "; ".join(p for p in parts if p)
    text = str(value).strip()
    return text or None


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
