"""How each outlet names a thing: counts of competing terms from a lexicon.

The default lexicon, ``analysis/data/framing_immigrants.csv``, lists the names
used for immigrants ("illegal alien", "undocumented immigrant", "migrant",
"asylum seeker", ...). It is a CSV with columns:

* ``label``: the naming choice being counted; several rows may share a label
  (singular and plural, spelling variants);
* ``term``: the words to find (plain text, not a regular expression);
* ``case_sensitive`` (optional): ``true`` to match the case as written, for
  names such as "Dreamers" that are ordinary words in lower case;
* any other column (``note`` in the default) is ignored.

Matching rules:

* case-insensitive unless ``case_sensitive`` is true; whole words in the sense
  of :data:`analysis.tokens.WORD_RE`, so "immigrant" is not found inside
  "immigrant-rights" or "anti-immigrant"; a possessive "'s" may follow;
* in a term, a space matches any whitespace or a hyphen, a hyphen matches a
  hyphen, whitespace or nothing ("non-citizen" also finds "noncitizen" and
  "non citizen"), and an apostrophe matches ' or ’;
* the longest term wins and matches never overlap: "undocumented immigrants"
  counts once, as that label, and not also as "undocumented" or "immigrants".

>>> import pandas as pd
>>> corpus = pd.DataFrame({"outlet": ["A", "B"], "text": [
...     "Illegal immigrants and illegal aliens.", "Undocumented immigrants, the undocumented."]})
>>> res = framing(corpus)
>>> res[res["count"] > 0][["group", "label", "count", "share"]].to_dict("records")
... # doctest: +NORMALIZE_WHITESPACE
[{'group': 'A', 'label': 'illegal alien', 'count': 1, 'share': 0.5},
 {'group': 'A', 'label': 'illegal immigrant', 'count': 1, 'share': 0.5},
 {'group': 'B', 'label': 'undocumented (other)', 'count': 1, 'share': 0.5},
 {'group': 'B', 'label': 'undocumented immigrant', 'count': 1, 'share': 0.5}]
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import config
from analysis.errors import CorpusError, LexiconError

# Word characters and word joiners exactly as analysis.tokens.WORD_RE has them.
_JOIN = r"['’\-‐]"
_LEFT = rf"(?<![^\W_])(?<![^\W_]{_JOIN})"
_RIGHT = rf"(?:['’]s)?(?!{_JOIN}?[^\W_])"
_KEY_DROP_RE = re.compile(r"[\s'’\-‐]+")
_TRUE = {"true", "yes", "1", "y", "t"}


# re's IGNORECASE matches "ı" and "İ" with i, which casefold() leaves apart.
_DOTTED_I = str.maketrans({"ı": "i", "İ": "i"})


def _key(text: str) -> str:
    """The form a term and its matches share: case folded as re's IGNORECASE folds
    it, no spaces, hyphens or apostrophes.

    >>> _key("Non-Citizen’s") == _key("noncitizen's") == _key("NONCİTİZEN'S")
    True
    """
    return _KEY_DROP_RE.sub("", text).translate(_DOTTED_I).casefold()


def term_pattern(term: str, case_sensitive: bool) -> str:
    """Regex for one lexicon term (boundaries not included), shared by every lexicon.

    A space matches whitespace or a hyphen; a hyphen matches a hyphen,
    whitespace or nothing; an apostrophe matches ' or ’. The case rule is
    carried inside the pattern, so it holds whatever flags it is compiled with.

    >>> bool(re.fullmatch(term_pattern("non-citizen", False), "Noncitizen"))
    True
    """
    parts = []
    for word in term.split():
        chars = (
            r"(?:[\-‐]|\s+)?" if ch in "-‐" else "['’]" if ch in "'’" else re.escape(ch)
            for ch in word
        )
        parts.append("".join(chars))
    pattern = r"(?:\s+|[\-‐])".join(parts)
    return f"(?-i:{pattern})" if case_sensitive else f"(?i:{pattern})"


# Characters that re's IGNORECASE folds to an ASCII letter but str.lower()
# does not ("ı" and "ſ" match i and s; "İ" lowers to "i" plus a combining dot).
# Three substring tests: ten times faster than a regex character class.
_FOLDS_UNLIKE_LOWER = ("\u0130", "\u0131", "\u017f")
_PIECE_SPLIT_RE = re.compile(r"[\s\-‐'’]+")
# The last text screened, lower-cased, whether it holds those characters, and
# which pieces it holds: the lexicon and the target patterns share one look.
_LAST_VIEW: tuple[str | None, str, bool, dict[tuple[str, bool], bool]] = (None, "", False, {})


def _text_view(text: str) -> tuple[str | None, str, bool, dict[tuple[str, bool], bool]]:
    global _LAST_VIEW
    view = _LAST_VIEW  # read once: another thread may replace it, never change it
    if view[0] is not text:
        unsafe = any(map(text.__contains__, _FOLDS_UNLIKE_LOWER))
        view = (text, text.lower(), unsafe, {})
        _LAST_VIEW = view
    return view


def _screen_order(terms: list[frozenset[tuple[str, bool]]]) -> list[tuple[tuple[str, bool], ...]]:
    """Terms in the order that refutes them with the fewest searches.

    One-piece terms first, shortest first, so a short piece found absent
    settles the longer ones that contain it; within a term the longest
    (rarest) piece first.
    """
    ordered = [tuple(sorted(term, key=lambda k: (-len(k[0]), k))) for term in terms]
    return sorted(ordered, key=lambda t: (len(t), sum(len(k[0]) for k in t), t))


class ScreenedPattern:
    """A lexicon's compiled pattern behind a quick test for texts it cannot match.

    Every match of :func:`term_pattern` contains each literal piece of its
    term (the term cut at spaces, hyphens and apostrophes), in the text's case
    for a case-sensitive term, else in lower case. When no term has all of its
    pieces in a text, ``findall`` and ``finditer`` return nothing without
    scanning it with the regex (plain substring tests run at C speed, and most
    news articles name no lexicon term). Results are the pattern's own;
    everything else (``search``, ``pattern``, ...) is the pattern's.

    >>> sp = ScreenedPattern(re.compile(term_pattern("ICE", True)), [("ICE", True)])
    >>> sp.findall("ICE agents"), sp.findall("ice cream"), sp.pattern
    (['ICE'], [], '(?-i:ICE)')
    """

    def __init__(self, regex: re.Pattern[str], terms: list[tuple[str, bool]]) -> None:
        self.regex = regex
        # Each term as its (piece, case-sensitive?) pairs; None: no safe screen.
        keyed: list[frozenset[tuple[str, bool]]] | None = []
        for term, case_sensitive in terms:
            pieces = [p for p in _PIECE_SPLIT_RE.split(term) if p]
            if not pieces or not all(p.isascii() for p in pieces):
                keyed = None  # always scan
                break
            keyed.append(frozenset((p if case_sensitive else p.lower(), case_sensitive) for p in pieces))
        self._terms = None if keyed is None else _screen_order(keyed)
        self._pieces = tuple(sorted(set().union(*keyed))) if keyed else ()
        # A piece is absent when a shorter piece inside it is ("alien" in "aliens").
        self._inside = {key: tuple(k for k in self._pieces if k != key and k[1] == key[1] and k[0] in key[0])
                        for key in self._pieces}

    def may_match(self, text: str) -> bool:
        """False only when no term can match in ``text``.

        Lazy: a term is given up at its first absent piece, so most pieces
        of most texts are never searched for.
        """
        if self._terms is None:
            return True
        _, lower, unsafe, found = _text_view(text)
        if unsafe:
            return True
        for term in self._terms:
            if False in map(found.get, term):  # a piece already known absent
                continue
            if all(self._present(key, text, lower, found) for key in term):
                return True
        return False

    def _present(self, key: tuple[str, bool], text: str, lower: str, found: dict[tuple[str, bool], bool]) -> bool:
        """Whether a piece is in the text (its case) or the lower-cased text, remembered in ``found``."""
        present = found.get(key)
        if present is None:
            if False in map(found.get, self._inside[key]):
                present = False
            else:
                piece, case_sensitive = key
                present = piece in (text if case_sensitive else lower)
            found[key] = present
        return present

    # A match inside text[pos:endpos] is a match in text, so screening the whole text is enough.
    def findall(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> list:
        return self.regex.findall(text, pos, endpos) if self.may_match(text) else []

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text, pos, endpos) if self.may_match(text) else iter(())

    def __getattr__(self, name: str) -> object:
        return getattr(self.regex, name)


def load_lexicon(lexicon: pd.DataFrame | str | Path | None = None) -> pd.DataFrame:
    """Read and check a framing lexicon: columns label, term, case_sensitive.

    ``None`` reads the default immigrant-naming lexicon.

    >>> lex = load_lexicon()
    >>> {"illegal alien", "undocumented immigrant", "migrant"} <= set(lex.label)
    True
    """
    if lexicon is None:
        lexicon = config.FRAMING_LEXICON_FILE
    if not isinstance(lexicon, pd.DataFrame):
        try:
            lexicon = pd.read_csv(lexicon, dtype=str, keep_default_na=False, comment=None)
        except (OSError, UnicodeDecodeError, pd.errors.ParserError) as exc:
            raise LexiconError(f"Cannot read the framing lexicon {lexicon}: {exc}") from exc
    missing = {"label", "term"} - set(lexicon.columns)
    if missing:
        raise LexiconError(
            f"The framing lexicon needs columns 'label' and 'term' (missing {sorted(missing)}); "
            f"it has {list(lexicon.columns)}."
        )
    lex = pd.DataFrame({
        "label": lexicon["label"].astype(str).str.strip(),
        "term": lexicon["term"].astype(str).str.strip(),
        "case_sensitive": (lexicon["case_sensitive"].astype(str).str.strip().str.lower().isin(_TRUE)
                           if "case_sensitive" in lexicon.columns else False),
    })
    lex = lex[(lex.term != "") & (lex.label != "") & (lex.term.map(_key) != "")]
    if lex.empty:
        raise LexiconError("The framing lexicon has no rows with both a label and a term.")
    _check_conflicts(lex)
    return lex.drop_duplicates(["label", "term", "case_sensitive"]).reset_index(drop=True)


def _check_conflicts(lex: pd.DataFrame) -> None:
    labels_per_key = lex.groupby(lex.term.map(_key))["label"].nunique()
    clash = labels_per_key[labels_per_key > 1]
    if len(clash):
        rows = lex[lex.term.map(_key).isin(clash.index)]
        raise LexiconError(
            "These lexicon terms are the same words (ignoring case, spaces, hyphens and "
            f"apostrophes) but have different labels; give them one label: "
            f"{rows[['label', 'term']].to_dict('records')}"
        )


def _alternation(rows: list[tuple[str, bool]]) -> str:
    """The terms' patterns as one alternation, in the order given (longest first).

    When every term starts with an ASCII letter or digit, the terms are
    grouped by that character behind a look-ahead for it, so the scan tries
    one group's terms at a place instead of all of them. Terms that start
    with different characters never match at the same place (re's
    IGNORECASE folds no character to two of them), so the first term that
    matches is the same: the matches are the same.
    """
    patterns = [term_pattern(term, bool(cs)) for term, cs in rows]
    if not all(term[0].isascii() and term[0].isalnum() for term, _ in rows):
        return "|".join(patterns)
    groups: dict[str, list[str]] = {}
    for (term, _), pattern in zip(rows, patterns):
        groups.setdefault(term[0].lower(), []).append(pattern)
    return "|".join(f"(?=(?i:{first}))(?:{'|'.join(group)})" for first, group in groups.items())


def compile_lexicon(lex: pd.DataFrame) -> tuple[ScreenedPattern, dict[str, str]]:
    """One regex for the whole lexicon (longest term first) and a key -> label map.

    The regex comes as a :class:`ScreenedPattern`, which skips texts that
    cannot hold any of the terms.

    >>> pattern, labels = compile_lexicon(load_lexicon())
    >>> [labels[k] for k in map(_key, pattern.findall("The illegal-immigrant's case"))]
    ['illegal immigrant']
    """
    rows = sorted(zip(lex.term, lex.case_sensitive), key=lambda r: (-len(r[0]), r[0]))
    alternation = _alternation(rows)
    # A cheap first-character test before the lookbehinds halves the scan time.
    first = "".join(sorted({re.escape(c) for term, _ in rows
                            for c in (term[0].lower(), term[0].upper())}))
    pattern = re.compile(rf"(?=[{first}]){_LEFT}({alternation}){_RIGHT}", re.IGNORECASE)
    screened = ScreenedPattern(pattern, [(term, bool(cs)) for term, cs in rows])
    return screened, {_key(t): lab for t, lab in zip(lex.term, lex.label)}


def count_labels(text: str, pattern: re.Pattern[str] | ScreenedPattern, labels: dict[str, str]) -> Counter:
    """Lexicon matches in one text, per label.

    >>> pattern, labels = compile_lexicon(load_lexicon())
    >>> dict(count_labels("Migrants, not immigrants; migrants.", pattern, labels))
    {'migrant': 2, 'immigrant': 1}
    """
    if not isinstance(text, str) or not text:
        return Counter()
    return Counter(labels[_key(m)] for m in pattern.findall(text))


def framing(
    corpus: pd.DataFrame,
    lexicon: pd.DataFrame | str | Path | None = None,
    by: str = "outlet",
) -> pd.DataFrame:
    """Count each lexicon label per group.

    Returns long format with columns ``group``, ``label``, ``count``, ``share``
    (count / all lexicon matches of the group), ``n_articles`` (the group's
    articles). Every group appears with every label, 0 where absent, so tables
    pivot without gaps; a group with no matches at all has share NaN (not
    0/0). Sorted by group, then count descending, then label. Rows whose group
    is missing are skipped.

    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"outlet": ["A"], "text": ["No names here."]})
    >>> bool(framing(corpus)["share"].isna().all())
    True
    """
    if not isinstance(corpus, pd.DataFrame) or "text" not in corpus or by not in corpus:
        raise CorpusError(f"framing needs a DataFrame with columns 'text' and {by!r}.")
    lex = load_lexicon(lexicon)
    pattern, labels = compile_lexicon(lex)
    label_order = sorted(set(lex.label))
    frames = []
    for group, texts in corpus.groupby(by, sort=True, dropna=True)["text"]:
        counts: Counter = Counter()
        for text in texts:
            counts.update(count_labels(text, pattern, labels))
        values = np.array([counts[lab] for lab in label_order], dtype=np.int64)
        total = values.sum()
        frames.append(pd.DataFrame({
            "group": [group] * len(label_order), "label": label_order, "count": values,
            "share": values / total if total else np.full(len(values), np.nan),
            "n_articles": np.int64(len(texts)),
        }).sort_values(["count", "label"], ascending=[False, True], kind="stable"))
    if not frames:
        return pd.DataFrame({"group": pd.Series(dtype=object), "label": pd.Series(dtype=object),
                             "count": pd.Series(dtype=np.int64), "share": pd.Series(dtype=float),
                             "n_articles": pd.Series(dtype=np.int64)})
    return pd.concat(frames, ignore_index=True)
