"""Reporting cues: the verbs and phrases that tell a reader who said a quotation.

The lexicon comes from a reporting-verbs file (the package's own list, or a
copy passed to :func:`load_cues`): regular inflections of each base verb and
its listed irregular forms ("said", "told"), multi-word phrases ("pointed
out") and cues whose source follows them ("according to").  Matching scans
the lowercase words of a text once and looks each up in a set, so its cost
grows with the text's length, not with the size of the list.

>>> lex = parse_cues(["[verbs]", "tell told", "[phrases]", "pointed out"])
>>> [m.group() for m in lex.verb_re.finditer("She told us; he pointed  out more.")]
['told', 'pointed  out']
>>> "says" in DEFAULT_CUES.forms, bool(DEFAULT_CUES.after_re.match("according to"))
(True, True)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from analysis import config
from analysis.errors import AnalysisError

# Cues are lowercase words, or a capitalised verb form that opens a sentence
# ("Said Jo Poe, who ...", "“We won.” Says Jo Poe"): its speaker follows it.
_LOWER_WORD_RE = re.compile(r"(?<![\w\-‐])(?:[a-z]+|(?:(?<=[.!?…:;”\"’)\]]\s)|(?<=\n)|\A)[A-Z][a-z]+)(?![\w\-‐])")


class _CueMatcher:
    """``finditer``/``match`` over reporting cues, like a compiled regex.

    A regex alternation of hundreds of verb forms is slow to scan with; this
    scans lowercase words once and looks each up in a set, trying the
    multi-word phrases only where their first word occurs.
    """

    def __init__(self, words: set[str], phrases: set[str], capitals: set[str] = frozenset()) -> None:
        self.words = frozenset(words)
        self.capitals = frozenset(capitals)  # lowercased forms that may open a sentence as an inverted cue
        self.firsts = frozenset(p.split()[0] for p in phrases)
        self.phrase_re = re.compile(r"(?:%s)(?![\w\-‐])" % _alternation(phrases)) if phrases else None
        # One dict look-up a word: 1 a cue, 2 the first word of a phrase, 3 both;
        # capitalised forms ("Said") only reach here where a sentence opens.
        self._table: dict[str, int] = {w: 1 for w in self.words}
        for w in self.firsts:
            self._table[w] = self._table.get(w, 0) | 2
        self._table.update((w.capitalize(), 1) for w in self.capitals)

    def _at(self, text: str, m: re.Match[str], kind: int, hi: int) -> re.Match[str] | None:
        if kind & 2 and self.phrase_re is not None:
            long = self.phrase_re.match(text, m.start(), hi)
            if long is not None:
                return long
        return m if kind & 1 else None

    def finditer(self, text: str, lo: int = 0, hi: int | None = None) -> list[re.Match[str]]:
        hi = len(text) if hi is None else hi
        found = []
        table = self._table
        for m in _LOWER_WORD_RE.finditer(text, lo, hi):
            kind = table.get(m.group())
            if kind == 1:
                found.append(m)
            elif kind is not None:
                hit = self._at(text, m, kind, hi)
                if hit is not None:
                    found.append(hit)
        return found

    def match(self, text: str, pos: int = 0, hi: int | None = None) -> re.Match[str] | None:
        hi = len(text) if hi is None else hi
        m = _LOWER_WORD_RE.match(text, pos, hi)
        kind = self._table.get(m.group()) if m else None
        return None if kind is None else self._at(text, m, kind, hi)


@dataclass(frozen=True)
class CueLexicon:
    """Compiled reporting cues.

    ``verb_re`` matches any verb form or speaker-before phrase; ``after_re``
    matches cues whose source follows them ("according to").
    """

    forms: frozenset[str]
    verb_re: _CueMatcher
    after_re: re.Pattern[str]
    bases: frozenset[str] = frozenset()  # base forms: "say", "report", "state"


def _inflect(base: str) -> list[str]:
    """Regular inflections of a verb's base form.

    >>> _inflect("say")
    ['say', 'says', 'sayed', 'saying']
    >>> _inflect("deny")[1:3]
    ['denies', 'denied']
    """
    if base.endswith("e"):
        return [base, base + "s", base + "d", base[:-1] + "ing"]
    if base.endswith("y") and len(base) > 1 and base[-2] not in "aeiou":
        return [base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"]
    plural = base + "es" if base.endswith(("s", "sh", "ch", "x", "z", "o")) else base + "s"
    return [base, plural, base + "ed", base + "ing"]


def _alternation(entries: set[str]) -> str:
    # Longest first so "went on to say" wins over "went on"; spaces match any run.
    ordered = sorted(entries, key=lambda s: (-len(s), s))
    return "|".join(re.escape(e).replace(r"\ ", r"\s+") for e in ordered)


def parse_cues(lines: list[str]) -> CueLexicon:
    """Build a :class:`CueLexicon` from the lines of a reporting-verbs file.

    >>> lex = parse_cues(["[verbs]", "say said", "[source-after]", "according to"])
    >>> bool(lex.verb_re.match("says")), bool(lex.after_re.match("according to"))
    (True, True)
    """
    section = "verbs"
    verbs: set[str] = set()
    bases: set[str] = set()
    phrases: set[str] = set()
    after: set[str] = set()
    for raw in lines:
        line = raw.split("#", 1)[0].strip().lower()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            continue
        if section == "verbs":
            base, *extra = line.split()
            verbs.update(_inflect(base))
            bases.add(base)
            verbs.update(extra)
        elif section == "phrases":
            phrases.add(" ".join(line.split()))
        elif section == "source-after":
            after.add(" ".join(line.split()))
    if "sayed" in verbs:  # an artefact of regular rules on "say"
        verbs.discard("sayed")
    if not verbs and not phrases:
        raise AnalysisError("the reporting-verbs list has no [verbs] or [phrases] entries")
    # A base form that is also a listed past ("read", "put") is not only a base.
    irregular = {w for line in lines for w in line.split("#", 1)[0].lower().split()[1:]}
    # Only inflected non-participle forms open a sentence as a cue ("Said Poe:"); a
    # capitalised base or -ing form is an imperative, a noun or a participle ("State", "Writing in").
    capitals = {v for v in verbs if not v.endswith("ing") and (v not in bases or v in irregular)}
    verb_re = _CueMatcher(verbs, phrases, capitals)  # whole words only: not "so-called"
    after_re = re.compile(r"\b(?:%s)\b" % _alternation(after or {"according to"}), re.I)
    return CueLexicon(frozenset(verbs | phrases), verb_re, after_re, frozenset(bases - irregular))


def load_cues(path: str | Path | None = None) -> CueLexicon:
    """Read a reporting-verbs file (default: the package's own list).

    >>> "said" in load_cues().forms
    True
    """
    path = Path(path) if path is not None else config.REPORTING_VERBS_FILE
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise AnalysisError(f"cannot read the reporting-verbs list {path}: {exc}") from exc
    return parse_cues(lines)


DEFAULT_CUES = load_cues()
