"""Find and parse a thread of reader comments that follows an article.

A thread, as blog and news platforms render it to text, is a run of items:
an author line that is numbered ("1. Jane") or bulleted ("• Jane"), a line
holding the comment's date and time, then the comment's text (possibly none).
Replies are nested by deeper indentation (and usually bullets instead of
numbers). The thread starts at the first author line that is followed by a
timestamp line and runs to the end of the text.

>>> text = "Body.\\n\\n  1. Ann\\n    May 2, 2019 at 1:05 pm\\n    Great piece.\\n    • Bo\\n      May 3, 2019 at 9:00 am\\n      No."
>>> body, thread, found = split_comment_thread(text)
>>> body
'Body.\\n\\n'
>>> [(c.author, c.depth, c.text) for c in found]
[('Ann', 0, 'Great piece.'), ('Bo', 1, 'No.')]
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_ALT = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
              r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_TIME = r"(?:,? (?:at )?(?P<h>\d{1,2}):(?P<mi>\d{2}) ?(?P<ap>[ap]\.?m\.?)?)?"

# "November 13, 2017 at 12:52 pm" | "13 November 2017 at 12:52" | "2017-11-13 12:52"
_TIMESTAMP_RE = re.compile(
    r"[ \t]*(?:(?P<mon>" + _MONTH_ALT + r") (?P<d>\d{1,2}),? (?P<y>\d{4})"
    r"|(?P<d2>\d{1,2}) (?P<mon2>" + _MONTH_ALT + r"),? (?P<y2>\d{4})"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})(?:[ T]| at )?)" + _TIME + r"[ \t]*$",
    re.IGNORECASE,
)
# "  1. Name" or "    • Name" (also "-", "*", "·"), name at most 80 characters.
_AUTHOR_RE = re.compile(
    r"(?P<indent>[ \t]*)(?:(?P<num>\d{1,4})[.)]|(?P<bullet>[•·▪◦‣*–-]))[ \t]+(?P<name>\S[^\n]{0,79})$")
_SAYS_RE = re.compile(r"\s+(?:says|said|wrote)\s*:?\s*$|\s*:\s*$", re.IGNORECASE)
# A cheap whole-text probe: an author line whose next non-blank line starts like a date.
_THREAD_PROBE_RE = re.compile(
    r"\n[ \t]*(?:\d{1,4}[.)]|[•·▪◦‣*–-])[ \t]+\S[^\n]{0,79}\n(?:[ \t]*\n){0,3}[ \t]*(?:"
    + _MONTH_ALT + r" \d|\d{1,2} " + _MONTH_ALT + r" \d|\d{4}-\d\d-\d\d)",
    re.IGNORECASE,
)
_SPACES_RE = re.compile(r"[ \t]+")


@dataclass(frozen=True)
class Comment:
    """One reader comment. ``depth`` 0 is top level, 1 a reply, 2 a reply to a reply ..."""

    author: str | None
    timestamp: datetime.datetime | None
    depth: int
    text: str


def parse_timestamp(line: str) -> datetime.datetime | None:
    """The datetime on a comment's timestamp line, or None if it is not one (or invalid).

    >>> parse_timestamp("November 13, 2017 at 12:52 pm")
    datetime.datetime(2017, 11, 13, 12, 52)
    >>> parse_timestamp("February 30, 2017") is None
    True
    """
    m = _TIMESTAMP_RE.match(line)
    if not m:
        return None
    g = m.groupdict()
    try:
        if g["y3"]:
            year, month, day = int(g["y3"]), int(g["m3"]), int(g["d3"])
        else:
            mon = (g["mon"] or g["mon2"]).lower()[:3]
            year, month, day = int(g["y"] or g["y2"]), _MONTHS[mon], int(g["d"] or g["d2"])
        hour, minute = int(g["h"] or 0), int(g["mi"] or 0)
        ampm = (g["ap"] or "").lower()[:1]
        if ampm == "p" and hour < 12:
            hour += 12
        elif ampm == "a" and hour == 12:
            hour = 0
        return datetime.datetime(year, month, day, hour, minute)
    except (ValueError, KeyError):
        return None


def _indent_width(indent: str) -> int:
    return len(indent.expandtabs(4))


def _item_starts(lines: list[str]) -> list[tuple[int, int, int, bool, str]]:
    """(author line index, timestamp line index, indent, is_bullet, name) for each comment."""
    items = []
    n = len(lines)
    for i, line in enumerate(lines):
        m = _AUTHOR_RE.match(line)
        if not m:
            continue
        j = i + 1
        while j < n and not lines[j].strip():
            j += 1
        if j < n and _TIMESTAMP_RE.match(lines[j]):
            name = _SAYS_RE.sub("", m["name"]).strip()
            items.append((i, j, _indent_width(m["indent"]), bool(m["bullet"]), name))
    return items


def _depths(items: list[tuple[int, int, int, bool, str]]) -> list[int]:
    """Depth from the rank of each item's indentation; bullets nest when indents are flat."""
    levels = sorted({indent for _, _, indent, _, _ in items})
    if len(levels) > 1:
        rank = {indent: k for k, indent in enumerate(levels)}
        return [rank[indent] for _, _, indent, _, _ in items]
    return [1 if bullet else 0 for _, _, _, bullet, _ in items]


def _parse_thread(lines: list[str]) -> list[Comment]:
    items = _item_starts(lines)
    depths = _depths(items)
    comments = []
    for k, (i, j, _, _, name) in enumerate(items):
        end = items[k + 1][0] if k + 1 < len(items) else len(lines)
        body = [_SPACES_RE.sub(" ", ln).strip() for ln in lines[j + 1:end]]
        comments.append(Comment(author=name or None, timestamp=parse_timestamp(lines[j]),
                                depth=depths[k], text="\n".join(b for b in body if b)))
    return comments


def split_comment_thread(text: str) -> tuple[str, str, list[Comment]]:
    """Split ``text`` into (article part, thread text, parsed comments).

    When no thread is found, returns ``(text, "", [])``. Expects ``\\n`` line ends.

    >>> split_comment_thread("No comments here.")
    ('No comments here.', '', [])
    """
    start = _thread_start(text)
    if start < 0:
        return text, "", []
    comments = _parse_thread(text[start:].split("\n"))
    return text[:start], text[start:], comments


def has_comment_thread(text: str) -> bool:
    """True if :func:`split_comment_thread` would find a thread in ``text``.

    >>> has_comment_thread("1. Ann\\n\\nMay 1, 2019 at 1:05 pm\\n\\nNice.")
    True
    """
    return _thread_start(text) >= 0


def _thread_start(text: str) -> int:
    """Offset of the first author line followed by a full timestamp with a time of day, or -1.

    Requiring a time of day keeps numbered lists followed by a plain date (timelines) in the body.
    """
    padded = "\n" + text  # the probe starts with a literal newline: a fast scan in ``re``
    for probe in _THREAD_PROBE_RE.finditer(padded):
        block = padded[probe.start() + 1:probe.end() + 80].split("\n")
        stamp = next((ln for ln in block[1:] if ln.strip()), "")
        m = _TIMESTAMP_RE.match(stamp)
        if m and m["h"] and _AUTHOR_RE.match(block[0]):
            return probe.start()  # == offset of the author line in ``text``
    return -1
