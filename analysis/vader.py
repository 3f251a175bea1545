"""VADER's ``polarity_scores``, same results, without its per-call overheads.

vaderSentiment 3.3.2 spends most of a news sentence's time on work that does
not change the score: it rebuilds the text character by character to swap
emoji for their descriptions (even when there is none), lowercases every word
of the sentence again for each sentiment word it meets (the negation and idiom
checks), and strips punctuation from the same common tokens millions of times.

:class:`FastVader` is a subclass that keeps VADER's lexicon, constants and
scoring rules (its own ``_but_check`` and ``score_valence`` still do the
scoring; ``sentiment_valence`` and the checks it calls are ported line for
line) and removes those overheads:

* a sentence with no emoji skips the character loop (a sentence with one
  takes VADER's own path, unchanged);
* each token's punctuation-stripped and lowercased forms come from a bounded
  per-process memo;
* the sentence's lowercased words are computed once, and the valence of a
  word and its negation, idiom, booster and "least" checks read them instead
  of lowercasing the sentence's words again at every look;
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

from vaderSentiment.vaderSentiment import BOOSTER_DICT, C_INCR, NEGATE, SPECIAL_CASES, N_SCALAR
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

_NEGATE = frozenset(NEGATE)
_PUNCT = string.punctuation
# score_valence's result when every word is neutral, and for no words at all.
_NEUTRAL = {"neg": 0.0, "neu": 1.0, "pos": 0.0, "compound": 0.0}
_EMPTY = {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}
_MEMO_LIMIT = 200_000  # distinct tokens remembered; cleared when full (memory stays flat)


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
        lowers = list(map(self._lower.get, tokens))
        if None in lowers:
            self._learn(tokens)
            lowers = list(map(self._lower.get, tokens))
        n = len(tokens)
        # Every other word is neutral (0), as in VADER's own loop.
        scored = list(compress(range(n), map(self._scored.__contains__, lowers)))
        if not scored:  # what score_valence gives for all-neutral words ("but" scales only valences)
            return dict(_NEUTRAL) if n else dict(_EMPTY)
        words = list(map(self._word.get, tokens))
        self._current = (words, lowers)  # read by the negation, idiom and "least" checks below
        # Some but not all words in capitals; stripping punctuation (no case) changes no word's isupper().
        is_cap_diff = 0 < n - sum(map(str.isupper, tokens)) < n
        sentiments: list[float] = [0] * n
        for i in scored:
            if lowers[i] == "kind" and i < n - 1 and lowers[i + 1] == "of":
                continue
            sentiments[i] = self._valence(words, lowers, i, is_cap_diff)
        if "but" in lowers:
            sentiments = self._but_check(words, sentiments)
        return self.score_valence(sentiments, text)

    def _valence(self, words: list[str], lw: list[str], i: int, is_cap_diff: bool) -> float:
        """VADER's ``sentiment_valence`` for the lexicon word ``words[i]`` (``lw``: the words lowercased).

        The same rules, operations and order as vaderSentiment 3.3.2's, with
        each word lowercased once rather than at every look (``scalar_inc_dec``
        inlined: it adds nothing unless the word before is a booster).
        """
        lexicon = self.lexicon
        item = lw[i]
        valence = lexicon[item]
        if item == "no" and i != len(lw) - 1 and lw[i + 1] in lexicon:
            valence = 0.0  # "no" negates the next word instead
        if ((i > 0 and lw[i - 1] == "no") or (i > 1 and lw[i - 2] == "no")
                or (i > 2 and lw[i - 3] == "no" and lw[i - 1] in ("or", "nor"))):
            valence = lexicon[item] * N_SCALAR
        if is_cap_diff and words[i].isupper():
            if valence > 0:
                valence += C_INCR
            else:
                valence -= C_INCR
        for start_i in range(3):
            j = i - (start_i + 1)
            if j < 0 or lw[j] in lexicon:
                continue
            s = 0.0
            if lw[j] in BOOSTER_DICT:
                s = BOOSTER_DICT[lw[j]]
                if valence < 0:
                    s *= -1
                if words[j].isupper() and is_cap_diff:
                    if valence > 0:
                        s += C_INCR
                    else:
                        s -= C_INCR
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
            valence = valence + s
            valence = self._negation_check(valence, words, start_i, i)
            if start_i == 2:
                valence = self._special_idioms_check(valence, words, i)
        return self._least_check(valence, words, i)

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

    def _least_check(self, valence: float, words: list[str], i: int) -> float:
        """VADER's "least" check on the precomputed lowercase words."""
        lw = self._lowers(words)
        if i > 1 and lw[i - 1] not in self.lexicon and lw[i - 1] == "least":
            if lw[i - 2] != "at" and lw[i - 2] != "very":
                valence = valence * N_SCALAR
        elif i > 0 and lw[i - 1] not in self.lexicon and lw[i - 1] == "least":
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
