"""Which words and phrases each outlet uses, and which set one outlet apart.

Three public functions:

* :func:`tokenize` turns a text into lower-case words (optionally keeping the
  case of capitalised words inside a sentence, so "Congress" and "congress"
  stay apart).
* :func:`term_frequency` counts words and n-grams per group (outlet, by
  default) in long format: count, rate per 10,000 words, and document
  frequency.
* :func:`distinctive_terms` ranks terms by the log-odds ratio with an
  informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin'
  Words", section 3.5).

Decisions, stated once:

* Words are :data:`analysis.tokens.WORD_RE` matches, so hyphenated words and
  contractions stay whole and a group's word total equals the sum of
  ``count_words`` over its texts. Curly apostrophes (’) become straight (')
  and the Unicode hyphen (U+2010) becomes "-", so "they’re" == "they're".
* N-grams never cross punctuation, a symbol or a paragraph break: they are
  built from *runs* of words separated only by whitespace holding at most one
  line break. Inside a run every word counts (stop words too), and an n-gram
  is kept unless its first or last word is a stop word; so "rule of law" is
  kept while "of the" and "the law" are not. Unigrams that are stop words are
  dropped. Stop words are matched case-insensitively.
* Rates use the group's total word count: every word, stop words included.
* A web address's words count as words but are never terms: "http", "abcn"
  and "ws" from "http://abcn.ws/2qj8160" are no outlet's vocabulary.

>>> import pandas as pd
>>> corpus = pd.DataFrame({"outlet": ["A", "A", "B"],
...     "text": ["Border wall talks.", "The border wall.", "Wall Street rallied."]})
>>> tf = term_frequency(corpus, stopwords=[])
>>> tf[tf.group == "A"].head(2)[["term", "count", "doc_freq"]].to_dict("records")
[{'term': 'border', 'count': 2, 'doc_freq': 2}, {'term': 'border wall', 'count': 2, 'doc_freq': 2}]
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from itertools import compress
from dataclasses import dataclass
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import config
from analysis.errors import CorpusError, LexiconError, ParameterError
from analysis.tokens import WORD_RE, count_words

def _normalise(text: str) -> str:
    """Curly apostrophes and Unicode hyphens made ASCII, for words and stop words alike.

    Two str.replace passes (each 1:1, so neither creates work for the other)
    run at C speed; str.translate looks every character up in a dict.

    >>> _normalise("they’re pro‐choice") == "they're pro-choice"
    True
    """
    if "’" in text:
        text = text.replace("’", "'")
    if "‐" in text:
        text = text.replace("‐", "-")
    return text


# A run of words separated only by whitespace that holds at most one line break.
# Possessive quantifiers (Python 3.11) keep the scan linear on long gaps.
_W = WORD_RE.pattern
_SPACE = r"[^\S\n\u2029]"
_RUN_RE = re.compile(rf"{_W}(?:{_SPACE}++{_W}|{_SPACE}*+\n{_SPACE}*+{_W})*+")
# The same runs for a text without "_", the one character where [^\W_] and \w
# differ: sre tests \w in one step, and possessive words never backtrack
# (nothing after a word can fail), so the scan is about 20% faster.
_W_FAST = r"\w++(?:['’\-‐]\w++)*+"
_RUN_FAST_RE = re.compile(rf"{_W_FAST}(?:{_SPACE}++{_W_FAST}|{_SPACE}*+\n{_SPACE}*+{_W_FAST})*+")

# A web address: a scheme or "www.", or a domain with a path ("tmsnrt.rs/2LfKug6"); the
# punctuation after it stays outside, so a full stop after an address still ends a sentence.
_DOMAINS = ("com", "org", "net", "gov", "edu", "ws", "rs", "ly", "co", "us", "uk", "io", "me", "tv")
# Every repeat is bounded (a domain's labels, an address's length, the punctuation after it),
# so a hostile text ("a.a.a.…", "http://x……") costs a bounded look at each place, not its square.
_WEB_ADDRESS_RE = re.compile(
    rf"(?:\b(?:https?://|www\.)|\b[\w-]{{1,63}}(?:\.[\w-]{{1,63}}){{0,6}}\.(?:{'|'.join(_DOMAINS)})/)"
    r"\S{0,600}?(?=[.,;:!?)\]}\"'”’]{0,6}(?:\s|$))")


def _may_hold_address(text: str) -> bool:
    """A cheap screen for :data:`_WEB_ADDRESS_RE` (most texts hold no address): a scheme,
    "www.", or a "/" right after one of the domains."""
    if "://" in text or "www." in text:
        return True
    at = text.find("/")
    while at >= 0:  # a few a text: dates, "and/or"
        dot = text.rfind(".", max(0, at - 4), at)
        if dot >= 0 and text[dot + 1 : at] in _DOMAINS:
            return True
        at = text.find("/", at + 1)
    return False

# Between two runs: does the gap end a sentence? A terminator, or a paragraph break.
_SENTENCE_END_RE = re.compile(r"[.!?…]|\n\s*\n|\u2029")
# Words whose following full stop rarely ends a sentence ("Mr. Smith", "Sen. Roe").
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr sen rep gov gen lt col sgt capt rev prof st jr sr hon pres "
    "atty supt cmdr adm maj mt ft vs".split()
)

_RATE_PER = 10_000
TF_COLUMNS = ["group", "term", "count", "rate", "doc_freq"]
_PRIOR_FLOOR = 0.01  # pseudo-count for terms a user-given prior does not cover


# --------------------------------------------------------------------------- tokens
def _runs(text: str, keep_proper_nouns: bool) -> list[list[str]]:
    """Split ``text`` into runs of tokens (see module docstring)."""
    if not isinstance(text, str) or not text:
        return []
    text = _normalise(text)
    run_re = _RUN_RE if "_" in text else _RUN_FAST_RE
    if not keep_proper_nouns:
        # lower() after matching: lower-casing first could change word boundaries
        return [run.lower().split() for run in run_re.findall(text)]
    runs = []
    prev_end, prev_last = -1, ""
    for m in run_re.finditer(text):
        toks = m.group().split()
        initial = prev_end < 0 or _starts_sentence(text[prev_end : m.start()], prev_last)
        runs.append(_keep_case(toks, initial))
        prev_end, prev_last = m.end(), toks[-1]
    return runs


def _term_runs(text: object, keep_proper_nouns: bool) -> tuple[list[list[str]], int]:
    """:func:`_runs` for counting terms: the runs outside web addresses, and how many
    words the addresses hold (words of the text, but no terms).

    >>> _term_runs("See http://abcn.ws/2qj8160 for more.", False)
    ([['see'], ['for', 'more']], 4)
    """
    if isinstance(text, str) and _may_hold_address(text):
        hidden = 0

        def mask(m: re.Match[str]) -> str:  # one pass: count the address's words as it is masked
            nonlocal hidden
            hidden += count_words(m.group())
            return " | "

        return _runs(_WEB_ADDRESS_RE.sub(mask, text), keep_proper_nouns), hidden
    return _runs(text, keep_proper_nouns), 0  # type: ignore[arg-type]


def _starts_sentence(gap: str, prev_word: str) -> bool:
    """True when the text between two runs ends a sentence."""
    if not _SENTENCE_END_RE.search(gap):
        return False
    # "Mr. Smith", "John F. Kennedy": a lone full stop after a title or initial.
    abbreviation = prev_word.lower() in _ABBREVIATIONS or (
        len(prev_word) == 1 and prev_word.isupper()
    )
    return not (abbreviation and gap.startswith(".") and not _SENTENCE_END_RE.search(gap[1:]))


def _keep_case(toks: list[str], initial: bool) -> list[str]:
    """Lower-case every token except capitalised ones that do not open a sentence."""
    out = [t if t[0].isupper() else t.lower() for t in toks]
    if initial:
        out[0] = toks[0].lower()
    return out


def tokenize(text: str, keep_proper_nouns: bool = False) -> list[str]:
    """Return the words of ``text``, lower-cased, curly apostrophes made straight.

    With ``keep_proper_nouns=True`` a word keeps its case when its first
    character is upper case and it does not open a sentence. A sentence opens
    at the start of the text, after ``.``, ``!``, ``?`` or ``…`` (with any
    quotes or brackets around them), and after a paragraph break (a blank
    line). A full stop right after a title ("Mr.", "Sen.", "Dr.", ...) or a
    single capital initial ("F.") does not open a sentence. Limitations: a
    proper noun that opens a sentence is lower-cased, and a sentence that
    follows "U.S." keeps its first word's capital.

    >>> tokenize("They’re pro-choice, aren't they?")
    ["they're", 'pro-choice', "aren't", 'they']
    >>> tokenize("The Senate met. Sen. Roe spoke to the Senate.", keep_proper_nouns=True)
    ['the', 'Senate', 'met', 'sen', 'Roe', 'spoke', 'to', 'the', 'Senate']
    """
    return [tok for run in _runs(text, keep_proper_nouns) for tok in run]


# ----------------------------------------------------------------------- stop words
def load_stopwords(source: Iterable[str] | str | Path | None = None) -> frozenset[str]:
    """Return a set of lower-case stop words.

    ``None`` reads the default list (``analysis/data/stopwords.txt``); a ``str``
    or ``Path`` is a file with one word a line and ``#`` comments; any other
    iterable is taken as the words themselves (an empty list means none).

    >>> "the" in load_stopwords()
    True
    >>> load_stopwords(["The", "don’t"]) == {"the", "don't"}
    True
    """
    if source is None:
        source = config.STOPWORDS_FILE
    if isinstance(source, (str, Path)):
        try:
            lines = Path(source).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise LexiconError(
                f"Cannot read the stop-word file {source}: {exc}. Pass a path to a UTF-8 "
                "text file with one word a line, a list of words, or [] for none."
            ) from exc
        words = (line.split("#", 1)[0].strip() for line in lines)
    else:
        words = (str(w).strip() for w in source)
    return frozenset(_normalise(w).lower() for w in words if w)


# ------------------------------------------------------------------------- counting
def _check_ngram_range(ngram_range: tuple[int, int]) -> tuple[int, int]:
    try:
        lo, hi = (int(n) for n in ngram_range)
    except (TypeError, ValueError) as exc:
        raise ParameterError(f"ngram_range must be two integers, got {ngram_range!r}") from exc
    if lo < 1 or hi < lo:
        raise ParameterError(
            f"ngram_range must satisfy 1 <= low <= high, got {ngram_range!r}; "
            "(1, 1) is words only, (1, 2) words and two-word phrases."
        )
    return lo, hi


def _terms(runs: list[list[str]], lo: int, hi: int, stop: frozenset[str], cased: bool) -> list[str]:
    """Unigrams and n-grams of one text (stop-word rule in the module docstring)."""
    if not cased and hi <= 2:
        return _short_terms(runs, lo, hi, stop)
    out: list[str] = []
    longer = range(max(lo, 3), hi + 1)
    for toks in runs:
        keep = [(t.lower() if cased else t) not in stop for t in toks]
        if lo == 1:
            out.extend(compress(toks, keep))
        if lo <= 2 <= hi:  # bigrams, the common case, pair by pair (same terms, same order)
            out.extend([a + " " + b for a, b, ka, kb in zip(toks, toks[1:], keep, keep[1:]) if ka and kb])
        for n in longer:
            out.extend(
                " ".join(toks[i : i + n])
                for i in range(len(toks) - n + 1)
                if keep[i] and keep[i + n - 1]
            )
    return out


def _short_terms(runs: list[list[str]], lo: int, hi: int, stop: frozenset[str]) -> list[str]:
    """:func:`_terms` for words and bigrams of lower-case runs (every article's tally).

    The same terms in the same order, with less work per run (most runs are a
    few words long, so per-run overhead is most of the cost): tokens are their
    own stop-word keys, and a run with fewer than two kept words has no bigram.
    """
    out: list[str] = []
    for toks in runs:
        kept = [t for t in toks if t not in stop]
        if lo == 1:
            out += kept
        if hi == 2 and len(kept) > 1:
            out += [a + " " + b for a, b in zip(toks, toks[1:]) if a not in stop and b not in stop]
    return out


def _count_texts(
    texts: Iterable[object],
    ngram_range: tuple[int, int] = (1, 2),
    stopwords: Iterable[str] | str | Path | None = None,
    keep_proper_nouns: bool = False,
) -> tuple[Counter, Counter, int, int]:
    """Count terms over ``texts``: (counts, doc_freq, n_words, n_texts)."""
    lo, hi = _check_ngram_range(ngram_range)
    stop = load_stopwords(stopwords)
    counts: Counter = Counter()
    doc_freq: Counter = Counter()
    n_words = n_texts = 0
    for text in texts:
        n_texts += 1
        runs, in_addresses = _term_runs(text, keep_proper_nouns)
        n_words += sum(map(len, runs)) + in_addresses
        # interned: groups share one copy of each term string (memory on big corpora)
        terms = list(map(sys.intern, _terms(runs, lo, hi, stop, keep_proper_nouns)))
        counts.update(terms)
        doc_freq.update(set(terms))
    return counts, doc_freq, n_words, n_texts


@dataclass(frozen=True)
class TermCounts:
    """Term counts of a set of texts: occurrences, documents, words, texts."""

    counts: Counter
    doc_freq: Counter
    n_words: int
    n_texts: int

    def __add__(self, other: "TermCounts") -> "TermCounts":
        return TermCounts(self.counts + other.counts, self.doc_freq + other.doc_freq,
                          self.n_words + other.n_words, self.n_texts + other.n_texts)


def count_terms(
    texts: Iterable[object],
    ngram_range: tuple[int, int] = (1, 2),
    stopwords: Iterable[str] | str | Path | None = None,
    keep_proper_nouns: bool = False,
) -> TermCounts:
    """Count terms over ``texts``; counts of several batches add up with ``+``.

    >>> c = count_terms(["Tax cuts.", "Tax hikes."], ngram_range=(1, 1))
    >>> c.counts["tax"], c.doc_freq["tax"], c.n_words
    (2, 2, 4)
    """
    return TermCounts(*_count_texts(texts, ngram_range, stopwords, keep_proper_nouns))


def _check_corpus(corpus: pd.DataFrame, by: str | None) -> None:
    if not isinstance(corpus, pd.DataFrame):
        raise CorpusError(f"Expected a pandas DataFrame of articles, got {type(corpus).__name__}.")
    needed = ["text"] + ([by] if by is not None else [])
    missing = [c for c in needed if c not in corpus.columns]
    if missing:
        raise CorpusError(
            f"The corpus has no column {', '.join(map(repr, missing))}; it has "
            f"{list(corpus.columns)}. Load it with analysis.load_corpus or pass by=<column>."
        )


def _group_frame(group: object, counts: Counter, doc_freq: Counter, n_words: int,
                 min_count: int) -> pd.DataFrame:
    terms = [t for t, c in counts.items() if c >= min_count]
    count = np.fromiter((counts[t] for t in terms), dtype=np.int64, count=len(terms))
    frame = pd.DataFrame({
        "group": [group] * len(terms),
        "term": pd.Series(terms, dtype=object),
        "count": count,
        "rate": count * (_RATE_PER / n_words) if n_words else np.zeros(len(terms)),
        "doc_freq": np.fromiter((doc_freq[t] for t in terms), dtype=np.int64, count=len(terms)),
    })
    return frame.sort_values(["count", "term"], ascending=[False, True], kind="stable")


def term_frequency(
    corpus: pd.DataFrame,
    by: str = "outlet",
    ngram_range: tuple[int, int] = (1, 2),
    stopwords: Iterable[str] | str | Path | None = None,
    keep_proper_nouns: bool = False,
    min_count: int = 1,
) -> pd.DataFrame:
    """Count words and n-grams per group, in long format.

    Returns columns ``group``, ``term``, ``count``, ``rate`` (per 10,000 words
    of the group, all words counted), ``doc_freq`` (the group's articles that
    contain the term), sorted by group, then count descending, then term.
    Terms counted fewer than ``min_count`` times in a group are left out of
    that group. Rows whose group is missing are skipped; a missing text counts
    as empty. Memory grows with the number of distinct terms per group, not
    with the number of articles.

    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"outlet": ["X", "X"],
    ...                        "text": ["Tax cuts.", "The tax cuts and tax hikes."]})
    >>> term_frequency(corpus, ngram_range=(1, 1)).to_dict("records")[0]
    {'group': 'X', 'term': 'tax', 'count': 3, 'rate': 3750.0, 'doc_freq': 2}
    """
    _check_corpus(corpus, by)
    opts = {"ngram_range": ngram_range, "stopwords": load_stopwords(stopwords),
            "keep_proper_nouns": keep_proper_nouns}
    frames = [
        _group_frame(group, *_count_texts(texts, **opts)[:3], min_count=min_count)
        for group, texts in corpus.groupby(by, sort=True, dropna=True)["text"]
    ]
    frames = [f for f in frames if len(f)]
    if not frames:
        return _empty_tf()
    return pd.concat(frames, ignore_index=True)[TF_COLUMNS]


def _empty_tf() -> pd.DataFrame:
    return pd.DataFrame({"group": pd.Series(dtype=object), "term": pd.Series(dtype=object),
                         "count": pd.Series(dtype=np.int64), "rate": pd.Series(dtype=float),
                         "doc_freq": pd.Series(dtype=np.int64)})


# ----------------------------------------------------------------- distinctive terms
def _prior_counts(prior: str | pd.Series, background: Counter) -> pd.Series:
    """The prior's raw pseudo-counts per term (before prior_scale)."""
    if isinstance(prior, str):
        if prior != "corpus":
            raise ParameterError(
                f"Unknown prior {prior!r}: use 'corpus' (term counts of the whole corpus) "
                "or a pandas Series of counts indexed by term."
            )
        return pd.Series(background, dtype=float)
    if not isinstance(prior, pd.Series):
        raise ParameterError(
            f"prior must be 'corpus' or a pandas Series, got {type(prior).__name__}."
        )
    values = pd.to_numeric(prior, errors="coerce").astype(float)
    if values.isna().any() or (values < 0).any():
        raise ParameterError("The prior Series must hold non-negative numbers (term counts).")
    return values.groupby(level=0).sum()


def log_odds_arrays(y_a: np.ndarray, y_b: np.ndarray, a_w: np.ndarray, n_a: float, n_b: float,
              a_0: float) -> tuple[np.ndarray, np.ndarray]:
    """Monroe et al. (2008) eq. 22 and the variance that follows it, over arrays.

    y_a, y_b: term counts of the two groups; a_w: prior pseudo-counts; n_a,
    n_b: group totals; a_0: prior total. Returns (delta, var).
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = np.log((y_a + a_w) / (n_a + a_0 - y_a - a_w)) - np.log(
            (y_b + a_w) / (n_b + a_0 - y_b - a_w)
        )
    var = 1.0 / (y_a + a_w) + 1.0 / (y_b + a_w)
    return delta, var


def _group_counts(corpus: pd.DataFrame, group_a: object, group_b: object | None, by: str,
                  opts: dict) -> tuple[Counter, Counter, Counter]:
    """Term counts of group a, group b (everyone else when None) and the whole corpus."""
    groups = corpus[by]
    present = set(groups.dropna().unique())
    for name in [group_a] + ([group_b] if group_b is not None else []):
        if name not in present:
            shown = sorted(map(str, present))[:20]
            raise ParameterError(f"No articles with {by} == {name!r}. Some values present: {shown}.")
    mask_a = (groups == group_a).to_numpy()
    mask_b = (groups == group_b).to_numpy() if group_b is not None else ~mask_a
    texts = corpus["text"]
    counts_a = _count_texts(texts[mask_a], **opts)[0]
    counts_b = _count_texts(texts[mask_b], **opts)[0]
    rest = _count_texts(texts[~(mask_a | mask_b)], **opts)[0]
    return counts_a, counts_b, counts_a + counts_b + rest


def distinctive_terms(
    corpus: pd.DataFrame,
    group_a: str,
    group_b: str | None = None,
    by: str = "outlet",
    prior: str | pd.Series = "corpus",
    prior_scale: float = 1.0,
    min_count: int = 3,
    **tokenize_options: object,
) -> pd.DataFrame:
    """Terms that set ``group_a`` apart from ``group_b`` (or from all other rows).

    Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi &
    Quinn 2008, section 3.5). For term w with counts y_aw, y_bw and group
    totals n_a, n_b (all counted term occurrences, n-grams included)::

        delta_w = log((y_aw + a_w) / (n_a + a_0 - y_aw - a_w))
                - log((y_bw + a_w) / (n_b + a_0 - y_bw - a_w))
        var_w   = 1 / (y_aw + a_w) + 1 / (y_bw + a_w)
        z_w     = delta_w / sqrt(var_w)

    The prior: ``a_w = prior_scale * background_w`` and ``a_0 = prior_scale *
    sum(background)``. With ``prior="corpus"`` the background is the term
    counts of the whole ``corpus`` (every row, every group), so
    ``prior_scale=1`` is a prior as large as the corpus itself, as in Monroe et
    al.; a smaller scale shrinks less. A pandas Series of counts indexed by
    term may be passed instead; terms it lacks (or gives 0) get
    ``a_w = 0.01 * prior_scale``, which also enters a_0. Positive z: more
    typical of group a. Terms with count_a + count_b < ``min_count`` are left
    out (they still count in n_a and n_b). ``tokenize_options`` are
    ``ngram_range``, ``stopwords`` and ``keep_proper_nouns`` as in
    :func:`term_frequency`.

    Returns a DataFrame indexed by ``term`` with columns count_a, count_b,
    delta, var, z, sorted by z descending, ties by term.

    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"outlet": ["L", "L", "R", "R"], "text": [
    ...     "Undocumented immigrants work.", "Undocumented immigrants pay taxes.",
    ...     "Illegal aliens cross.", "Illegal aliens cost taxes."]})
    >>> res = distinctive_terms(corpus, "L", "R", ngram_range=(1, 1), min_count=2)
    >>> list(res.index[:2]), list(res.index[-2:])
    (['immigrants', 'undocumented'], ['aliens', 'illegal'])
    """
    _check_corpus(corpus, by)
    counts_a, counts_b, background = _group_counts(corpus, group_a, group_b, by, tokenize_options)
    return log_odds_table(counts_a, counts_b, background, prior=prior, prior_scale=prior_scale,
                          min_count=min_count)


def distinctive_terms_each(
    corpus: pd.DataFrame,
    groups: Iterable[object],
    by: str = "outlet",
    prior: str | pd.Series = "corpus",
    prior_scale: float = 1.0,
    min_count: int = 3,
    **tokenize_options: object,
) -> dict[object, pd.DataFrame]:
    """``distinctive_terms(corpus, g)`` for each group g against all other rows, counting once.

    Calling :func:`distinctive_terms` per group tokenises the corpus again for
    every group; this counts each row once and derives every comparison from
    the counts. Results are equal.

    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"outlet": ["L", "R"], "text": ["Undocumented workers.", "Illegal aliens."]})
    >>> list(distinctive_terms_each(corpus, ["L"], ngram_range=(1, 1), min_count=1)["L"].index[:2])
    ['undocumented', 'workers']
    """
    _check_corpus(corpus, by)
    keys = corpus[by]
    per_group = {g: _count_texts(texts, **tokenize_options)[0]
                 for g, texts in corpus["text"].groupby(keys, sort=True)}
    total = _count_texts(corpus["text"][keys.isna().to_numpy()], **tokenize_options)[0]
    for counts in per_group.values():
        total.update(counts)
    result = {}
    for group in groups:
        if group not in per_group:
            shown = sorted(map(str, per_group))[:20]
            raise ParameterError(f"No articles with {by} == {group!r}. Some values present: {shown}.")
        mine = per_group[group]
        result[group] = log_odds_table(mine, total - mine, total, prior=prior,
                                       prior_scale=prior_scale, min_count=min_count)
    return result


def log_odds_table(
    counts_a: Counter,
    counts_b: Counter,
    background: Counter,
    prior: str | pd.Series = "corpus",
    prior_scale: float = 1.0,
    min_count: int = 3,
) -> pd.DataFrame:
    """:func:`distinctive_terms` from term counts already made.

    For many comparisons over one corpus (each outlet against the rest),
    count once with :func:`count_terms` and call this per pair. ``background``
    is the corpus counts used by ``prior="corpus"``.

    >>> from collections import Counter
    >>> a, b = Counter({"tax": 5, "cuts": 1}), Counter({"tax": 1, "cuts": 5})
    >>> list(log_odds_table(a, b, a + b, min_count=1).index)
    ['tax', 'cuts']
    """
    if not prior_scale > 0:
        raise ParameterError(f"prior_scale must be a positive number, got {prior_scale!r}.")
    prior_raw = _prior_counts(prior, background)
    vocab = sorted(set(counts_a) | set(counts_b))
    a_all = prior_raw.reindex(vocab).fillna(0.0)
    floor_total = _PRIOR_FLOOR * int((a_all <= 0).sum())
    a_0 = prior_scale * (float(prior_raw.sum()) + floor_total)
    a_all = prior_scale * a_all.where(a_all > 0, _PRIOR_FLOOR)
    res = pd.DataFrame({
        "count_a": pd.Series(counts_a, dtype=np.int64).reindex(vocab, fill_value=0),
        "count_b": pd.Series(counts_b, dtype=np.int64).reindex(vocab, fill_value=0),
    }, index=pd.Index(vocab, name="term", dtype=object))
    res = res[(res.count_a + res.count_b) >= min_count]
    delta, var = log_odds_arrays(res.count_a.to_numpy(float), res.count_b.to_numpy(float),
                           a_all.reindex(res.index).to_numpy(float),
                           float(sum(counts_a.values())), float(sum(counts_b.values())), a_0)
    res = res.assign(delta=delta, var=var, z=delta / np.sqrt(var))
    order = np.lexsort((res.index.to_numpy(), -res["z"].to_numpy()))
    return res.iloc[order]
