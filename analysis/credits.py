"""Credit lines: a quotation set as its own paragraph, with the speaker's name
on a line of its own.

Opinion round-ups, epigraphs and pull quotes print the speaker apart from the
quotation, with no reporting verb::

    “We should trust the report.”

    David French, National Review

or, as an epigraph, ``— Jonathan Safran Foer, Everything Is Illuminated``
under the quotation. A credit line is a short paragraph that starts with a
name (after an optional dash), then ends or goes on with ", " and a short
description (an outlet, a title) that is not a sentence: no reporting verb,
no closing full stop, no colon (a line ending in ":" introduces the next
quotation, which :func:`analysis.speakers.colon_attribution` handles).

A dashed line under a quotation always credits it. Without a dash the same
line could head the next quotation instead ("Tad DeHaven, Cato Institute"
above each quote of a list), so the layout decides: in a run of two or more
quotation paragraphs alternating with credit lines, the run's ends tell
which way it reads. A run that opens with a quotation and closes with a
credit line pairs each quotation with the line under it; one that opens with
a credit line and closes with a quotation pairs each line with the quotation
under it. Any other run is left to the other attribution rules.

A paragraph led by a short clause that reports speech and names no one
("Others note that “…”", "Some, however, argue,") counts as a quotation
paragraph too: the credit under it names the writer "Others" stands for.
A credit line never heads such a paragraph, so a run holding one reads
downwards whatever it starts with.

>>> text = "From the right:\\n\\n“Trust it.”\\n\\nAl Poe, Review\\n\\n“Not yet.”\\n\\nJo Roe, Times\\n\\nMore."
>>> spans = [(text.index("“T"), text.index("”") + 1), (text.index("“N"), text.rindex("”") + 1)]
>>> [a.mention.text for a in credit_attributions(text, spans).values()]
['Al Poe', 'Jo Roe']
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from analysis.cues import DEFAULT_CUES, CueLexicon
from analysis.mentions import Mention, mention_after
from analysis.speakers import Attribution

_DASH_RE = re.compile(r"[―—–-]{1,2}[ \t\u00a0]*")
_NOT_A_CREDIT_RE = re.compile(r"[“”\"«»\[\]/@]|https?:|[.!?:;]\s*$")
MAX_CREDIT_CHARS = 120
_LINE_RE = re.compile(r"[^\n]*\S[^\n]*")  # a paragraph: a line with something on it
_GROUP_CREDITS = frozenset({"editorial board", "editors", "editorial staff", "staff", "editorial", "board"})
MAX_CREDIT_WORDS = 14


def credit_line(text: str, start: int, end: int, cues: CueLexicon = DEFAULT_CUES) -> Attribution | None:
    """The attribution of the credit line text[start:end] (one paragraph), or None.

    >>> s = "David French, National Review"
    >>> credit_line(s, 0, len(s)).mention.text
    'David French'
    >>> s = "— Sen. Jo Poe, Oregon"
    >>> credit_line(s, 0, len(s)).mention.text
    'Sen. Jo Poe'
    >>> [credit_line(s, 0, len(s)) for s in ("Jo Poe, an aide, said so", "Jo Poe, his aide, agreed.")]
    [None, None]
    >>> s = "Editorial Board, Daily Planet"
    >>> credit_line(s, 0, len(s)).mention.text
    'Daily Planet'
    """
    if end - start > MAX_CREDIT_CHARS:  # most paragraphs: rejected without a look
        return None
    line = text[start:end]
    if not line.strip() or len(line.split()) > MAX_CREDIT_WORDS:
        return None
    dash = _DASH_RE.match(text, start, end)
    at = dash.end() if dash else start
    comma = text.find(",", at, end)
    m = mention_after(text, at, comma if comma >= 0 else end)
    if m is None or m.kind not in ("person", "org") or not _capitalised(text[at : m.start]):
        return None
    if m.start > at:  # a title or first name the mention left out: "Sen. Jo Poe", "Al Poe"
        m = Mention(at, m.end, text[at : m.end], m.kind)
    tail = text[m.end:end]
    if tail.strip() and not tail.lstrip().startswith(","):
        return None  # more words after the name: not a name line
    if not (dash or tail.strip()) or (not dash and _NOT_A_CREDIT_RE.search(line)):
        return None  # a bare name line without a dash may be a heading; a sentence is no credit
    if cues.verb_re.finditer(text, m.end, end):
        return None  # "…, echoed that": a clause, not a description
    if m.text.lower().removeprefix("the ") in _GROUP_CREDITS and tail.strip(" \t,"):
        # "Editorial Board, Wall Street Journal": the paper speaks, not a board that every paper has
        at = m.end + len(tail) - len(tail.lstrip(" \t,"))
        stop = text.find(",", at, end)
        paper = mention_after(text, at, stop if stop >= 0 else end)
        m = paper if paper is not None and paper.start == at else m
    return Attribution(m, dash.group().strip() if dash else ",", "after", False)


def _capitalised(words: str) -> bool:
    return all(w[:1].isupper() for w in words.split())


def credit_attributions(text: str, spans: Iterable[tuple[int, int]],
                        cues: CueLexicon = DEFAULT_CUES) -> dict[int, Attribution]:
    """Opening position -> attribution, for the quotations (``spans``: opening and
    closing mark positions, closing mark included) that a credit line names.

    A quotation right under a paragraph that quotes someone continues that
    quotation (a live blog's entry ends "— Reporter Name" under the last
    paragraph it quotes): no credit line names it. ``where`` is "credit", or
    "byline" for a dash and a bare name, which only names a quotation that no
    other rule attributes (it may be the entry's author, not the speaker).
    """
    spans = list(spans)
    if not spans:
        return {}
    found: dict[int, Attribution] = {}
    for before, run in _runs(_paragraph_items(text, spans, cues)):
        kinds = [kind for kind, _, _ in run]
        for i, (kind, value, dashed) in enumerate(run):
            if kind == "C" and dashed and i and kinds[i - 1] == "Q":
                found[run[i - 1][1]] = value  # "— Name" under a quotation (where "byline": a bare name)
        if kinds.count("Q") >= 2 and all(a != b for a, b in zip(kinds, kinds[1:])):  # Q C Q C... or C Q C Q...
            # "Others note that “…”" is never the quotation under its credit: such a run reads downwards.
            led = any(lead for kind, _, lead in run if kind == "Q")
            if kinds[0] == "Q" and kinds[-1] == "C" or led:
                first = kinds.index("Q")
                found.update((q[1], c[1]) for q, c in zip(run[first::2], run[first + 1::2]))
            elif kinds[0] == "C" and kinds[-1] == "Q":
                found.update((q[1], replace(c[1], intro=True)) for c, q in zip(run[::2], run[1::2]))
        if before == "q" and kinds[0] == "Q":
            found.pop(run[0][1], None)  # the run's first quotation continues the paragraph above
    return found


Item = tuple[str, Any, bool]  # kind, opening position or attribution, dashed credit or led quotation?


def _paragraph_items(text: str, spans: list[tuple[int, int]], cues: CueLexicon) -> list[Item]:
    """The text's paragraphs in order: ("Q", opening position, led?) for a quotation
    that fills its paragraphs, or all of them but a lead-in ("Others note that"),
    ("C", attribution, dashed?) for a credit line, ("q", None,
    False) for a paragraph that holds a quotation, ("-", None, False) for any other."""
    whole, opens = {}, []
    for open_pos, close_end in spans:
        start, end = text.rfind("\n", 0, open_pos) + 1, text.find("\n", close_end)
        end = len(text) if end < 0 else end
        opens.append(open_pos)
        if _lead_in(text, start, open_pos, cues) and not text[close_end:end].strip():
            whole[start] = (open_pos, end, bool(text[start:open_pos].strip()))
    items: list[Item] = []
    if not whole:
        return items  # no quotation fills a paragraph: nothing for a credit line to name
    opens.sort()  # spans come in the order their marks pair up (a nested one closes first)
    skip_to = 0
    for line in _LINE_RE.finditer(text):
        pos, end = line.span()
        if pos < skip_to:
            continue  # inside a quotation of several paragraphs
        if pos in whole:
            open_pos, skip_to, lead = whole[pos]
            items.append(("Q", open_pos, lead))
            continue
        att = credit_line(text, pos, end, cues)
        if att is not None:  # a dash and a bare name: perhaps the byline of a live blog's entry
            bare = att.cue != "," and not text[att.mention.end : end].strip(" \t,")
            items.append(("C", replace(att, where="byline" if bare else "credit"), att.cue != ","))
        else:
            i = bisect.bisect_left(opens, pos)
            items.append(("q" if i < len(opens) and opens[i] < end else "-", None, False))
    return items


MAX_LEAD_IN_WORDS = 8
MAX_LEAD_IN_CHARS = 160


def _lead_in(text: str, start: int, open_pos: int, cues: CueLexicon) -> bool:
    """Does text[start:open_pos], before a quotation that ends its paragraph, leave the
    quotation its own paragraph? Yes when empty, or a short clause that reports speech
    and names no one ("Others note that", "Some, however, argue,"): in a round-up the
    credit line under such a paragraph names the speaker that "Others" stands for.

    >>> t = "Others note that “x”"
    >>> _lead_in(t, 0, t.index("“"), DEFAULT_CUES), _lead_in("Sen. Al Poe said “x”", 0, 16, DEFAULT_CUES)
    (True, False)
    """
    head = text[start:open_pos]
    if len(head) > MAX_LEAD_IN_CHARS:  # most quotations inside prose: no need to split the paragraph
        return not head.strip()
    words = head.split()
    if not words:
        return True
    if len(words) > MAX_LEAD_IN_WORDS or any(w[:1].isupper() or w[:1] in "“”\"" for w in words[1:]):
        return False  # a name after the first word speaks for itself
    return not _SENTENCE_END_RE.search(text, start, open_pos) and bool(cues.verb_re.finditer(text, start, open_pos))


_SENTENCE_END_RE = re.compile(r"[.!?]\s")


def _runs(items: list[Item]) -> list[tuple[str, list[Item]]]:
    """Maximal stretches of quotation and credit paragraphs, each with the kind of
    the paragraph before it ("" at the start of the text)."""
    runs: list[tuple[str, list[Item]]] = [("", [])]
    for item in items:
        if item[0] in "-q":
            runs.append((item[0], []))
        else:
            runs[-1][1].append(item)
    return [(before, run) for before, run in runs if run]
