"""VADER's ``polarity_scores``, same results, without its per-call overheads.

vaderSentiment 3.3.2 spends most of a news sentence's time on work that does
not change the score: it rebuilds the text character by character to swap
emoji for their descriptions (even when there is none), lowercases every word
of the sentence again for each sentiment word it meets (the negation and idiom
checks), and strips punctuation from the same common tokens millions of times.

:class:`FastVader` is a subclass that keeps VADER's lexicon, constants and
scoring rules (its own ``sentiment_valence``, ``_least_check``, ``_but_check``
and ``score_valence`` still do the scoring) and removes those overheads:

* a sentence with no emoji skips the character loop (a sentence with one
  takes VADER's own path, unchanged);
* each token's punctuation-stripped and lowercased forms come from a bounded
  per-process memo;
* the sentence's lowercased words are computed once, and the negation and
  idiom checks read them instead of lowercasing the sentence again;
* words that are neither in the lexicon nor boosters get VADER's neutral 0
  directly.

Results are equal, value for value, to ``SentimentIntensityAnalyzer``'s: the
tests compare the two on VADER's own rated sentences and on generated ones.

>>> from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
>>> s = "The plan is NOT good, but the team is really great!!"
>>> FastVader().polarity_scores(s) == SentimentIntensityAnalyzer().polarity_scores(s)
True
"""
from __future__ import annotations

import string
from itertools import compress

from vaderSentiment.vaderSentiment import BOOSTER_DICT, NEGATE, SPECIAL_CASES, N_SCALAR
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

_NEGATE = frozenset(NEGATE)
_PUNCT = string.punctuation
# score_valence's result when every word is neutral, and for no words at all.
_NEUTRAL = {"neg": 0.0, "neu": 1.0, "pos": 0.0, "compound": 0.0}
_EMPTY = {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}
_MEMO_LIMIT = 200_000  # distinct tokens remembered; cleared when full (memory stays flat)


class _SentiText:
    """What VADER's ``sentiment_valence`` reads from its SentiText."""

    __slots__ = ("words_and_emoticons", "is_cap_diff")

    def __init__(self, words: list[str], is_cap_diff: bool) -> None:
        self.words_and_emoticons = words
        self.is_cap_diff = is_cap_diff


class FastVader(SentimentIntensityAnalyzer):
    """A drop-in SentimentIntensityAnalyzer with the same scores, faster on prose.

    >>> FastVader().polarity_scores("I love it.")["compound"]
    0.6369
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        # VADER's emoji loop looks at single characters only.
        self._emoji_chars = frozenset(k for k in self.emojis if len(k) == 1)
        # Words that can carry a valence of their own: VADER scores boosters as 0.
        self._scored = frozenset(w for w in self.lexicon if w not in BOOSTER_DICT)
        self._word: dict[str, str] = {}  # token -> VADER's form of it
        self._lower: dict[str, str] = {}  # token -> that form, lowercased
        self._current: tuple[list[str] | None, list[str]] = (None, [])

    def _learn(self, tokens: list[str]) -> None:
        """Memoise VADER's form and lowercase of each new token."""
        if len(self._word) + len(tokens) > _MEMO_LIMIT:
            self._word.clear()
            self._lower.clear()
        known = self._word
        for token in tokens:
            if token in known:
                continue
            stripped = token.strip(_PUNCT)
            word = token if len(stripped) <= 2 else stripped  # SentiText._strip_punc_if_word
            self._word[token] = word
            self._lower[token] = word.lower()

    def polarity_scores(self, text: str) -> dict[str, float]:
        """VADER's scores of ``text`` (neg, neu, pos, compound), as the library gives them."""
        # Emoji are not ASCII, and most sentences are (typographic marks are made ASCII before).
        if not isinstance(text, str) or not (text.isascii() or self._emoji_chars.isdisjoint(text)):
            return super().polarity_scores(text)
        text = text.strip()
        tokens = text.split()
        words = list(map(self._word.get, tokens))
        if None in words:
            self._learn(tokens)
            words = list(map(self._word.get, tokens))
        lowers = list(map(self._lower.get, tokens))
        n = len(words)
        senti = _SentiText(words, 0 < n - sum(map(str.isupper, words)) < n)
        self._current = (words, lowers)  # read by the negation and idiom checks below
        # Every other word is neutral (0), as in VADER's own loop.
        sentiments: list[float] = [0] * n
        scored = list(compress(range(n), map(self._scored.__contains__, lowers)))
        if not scored:  # what score_valence gives for all-neutral words ("but" scales only valences)
            return dict(_NEUTRAL) if n else dict(_EMPTY)
        for i in scored:
            if lowers[i] == "kind" and i < n - 1 and lowers[i + 1] == "of":
                continue
            sentiments[i] = self.sentiment_valence(0, senti, words[i], i, [])[0]
        if "but" in lowers:
            sentiments = self._but_check(words, sentiments)
        return self.score_valence(sentiments, text)

    @staticmethod
    def _sift_sentiment_scores(sentiments: list[float]) -> tuple[float, float, int]:
        """VADER's sums of positive and negative valences and count of neutral words.

        The same additions in the same order, over the non-zero valences only
        (zeros add nothing to either sum).
        """
        pos_sum = 0.0
        neg_sum = 0.0
        valences = list(filter(None, sentiments))
        for score in valences:
            if score > 0:
                pos_sum += float(score) + 1  # compensates for neutral words that are counted as 1
            elif score < 0:
                neg_sum += float(score) - 1  # likewise, once made absolute
        return pos_sum, neg_sum, len(sentiments) - len(valences)

    def _lowers(self, words: list[str]) -> list[str]:
        current_words, lowers = self._current
        return lowers if current_words is words else [str(w).lower() for w in words]

    def _negation_check(self, valence: float, words: list[str], start_i: int, i: int) -> float:
        """VADER's negation check, reading the sentence's lowercased words once computed."""
        lw = self._lowers(words)
        if start_i == 0:
            if _negated(lw[i - 1]):
                valence = valence * N_SCALAR
        if start_i == 1:
            if lw[i - 2] == "never" and (lw[i - 1] == "so" or lw[i - 1] == "this"):
                valence = valence * 1.25
            elif lw[i - 2] == "without" and lw[i - 1] == "doubt":
                pass
            elif _negated(lw[i - 2]):
                valence = valence * N_SCALAR
        if start_i == 2:
            if (lw[i - 3] == "never" and (lw[i - 2] == "so" or lw[i - 2] == "this")
                    or (lw[i - 1] == "so" or lw[i - 1] == "this")):
                valence = valence * 1.25
            elif lw[i - 3] == "without" and (lw[i - 2] == "doubt" or lw[i - 1] == "doubt"):
                pass
            elif _negated(lw[i - 3]):
                valence = valence * N_SCALAR
        return valence

    def _special_idioms_check(self, valence: float, words: list[str], i: int) -> float:
        """VADER's idiom and booster n-gram check on the precomputed lowercase words."""
        lw = self._lowers(words)
        onezero = f"{lw[i - 1]} {lw[i]}"
        twoonezero = f"{lw[i - 2]} {lw[i - 1]} {lw[i]}"
        twoone = f"{lw[i - 2]} {lw[i - 1]}"
        threetwoone = f"{lw[i - 3]} {lw[i - 2]} {lw[i - 1]}"
        threetwo = f"{lw[i - 3]} {lw[i - 2]}"
        for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
            if seq in SPECIAL_CASES:
                valence = SPECIAL_CASES[seq]
                break
        if len(lw) - 1 > i and (zeroone := f"{lw[i]} {lw[i + 1]}") in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroone]
        if len(lw) - 1 > i + 1 and (zeroonetwo := f"{lw[i]} {lw[i + 1]} {lw[i + 2]}") in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroonetwo]
        for n_gram in (threetwoone, threetwo, twoone):
            if n_gram in BOOSTER_DICT:
                valence = valence + BOOSTER_DICT[n_gram]
        return valence


def _negated(lower_word: str) -> bool:
    """VADER's ``negated([word])`` for one already lowercased word."""
    return lower_word in _NEGATE or "n't" in lower_word
