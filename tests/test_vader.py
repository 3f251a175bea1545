"""FastVader gives exactly vaderSentiment's scores."""
from __future__ import annotations

import glob

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import BOOSTER_DICT, NEGATE, SPECIAL_CASES, SentimentIntensityAnalyzer

import analysis.vader as vader_module
from analysis import config
from analysis.vader import FastVader

STOCK = SentimentIntensityAnalyzer()
FAST = FastVader()

# One sentence for each rule of VADER's scoring that FastVader reads words for.
RULES = [
    "The plan is good.",                                   # plain lexicon word
    "The plan is not good.",                               # negation one word before
    "The plan isn't very good at all.",                    # n't negation, booster
    "It was never so good.",                               # never so
    "It was never this bad, they said.",                   # never this
    "Without doubt the best idea.",                        # without doubt
    "It is kind of good.",                                 # "kind of" is a dampener, "kind" not scored
    "She is kind and generous.",                           # "kind" scored when not before "of"
    "No problem here, no good news, no or nor bad.",       # "no" rules
    "The food was good, but the service was terrible.",    # but check
    "At least it isn't a horrible book.",                  # least
    "This is the least good option.",                      # least before a lexicon word
    "The movie was GREAT and the cast was AWFUL.",         # all-caps emphasis
    "THE WHOLE SENTENCE IS LOUD AND HAPPY.",               # all caps everywhere: no emphasis
    "That was the shit, a bad ass show, yeah right.",      # special-case idioms
    "He was the kiss of death for the project.",           # three-word idiom
    "Wow!!! This is amazing!!!!",                          # exclamation emphasis
    "Is it good?? Is it bad???",                           # question marks
    "I love it 😍 and 💔 hurts.",                          # emoji: VADER's own path
    ":) :( ;-) <3 good",                                   # emoticons kept by the punctuation rule
    "“Curly” ‘quotes’ — dashes… don’t matter.",            # non-ASCII punctuation
    "", "   ", "!!!", "a", "good",                         # degenerate texts
    "sort of good, kinda bad, somewhat nice, slightly evil", # dampeners
    "extremely, EXTREMELY, very very good",                # stacked boosters, caps booster
]


@pytest.mark.parametrize("sentence", RULES)
def test_equal_to_vader_on_each_rule(sentence):
    assert FAST.polarity_scores(sentence) == STOCK.polarity_scores(sentence)


VOCAB = sorted({*list(STOCK.lexicon)[::97], *BOOSTER_DICT, *NEGATE, "but", "BUT", "kind", "of",
                "least", "at", "very", "no", "or", "nor", "never", "so", "this", "without", "doubt",
                "GOOD", "Bad", "the", "plan", "!", "?", "..", ":)", "😀", "don't", "good,", "(bad)",
                *[w for seq in SPECIAL_CASES for w in seq.split()]})


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(VOCAB), max_size=30), st.sampled_from(["", ".", "!", "!!", "??"]))
def test_equal_to_vader_on_generated_sentences(words, end):
    sentence = " ".join(words) + end
    assert FAST.polarity_scores(sentence) == STOCK.polarity_scores(sentence)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_equal_to_vader_on_any_text(text):
    assert FAST.polarity_scores(text) == STOCK.polarity_scores(text)


def test_memo_is_bounded_and_results_stay_equal(monkeypatch):
    monkeypatch.setattr(vader_module, "_MEMO_LIMIT", 5)
    fast = FastVader()
    longest = max(len(s.split()) for s in RULES)
    for sentence in RULES * 2:
        assert fast.polarity_scores(sentence) == STOCK.polarity_scores(sentence)
        assert len(fast._word) <= 5 + longest  # cleared before it grows past the limit


GROUND_TRUTH = sorted(glob.glob(str(config.CORPORA_DIR / "vader_groundtruth" / "*_GroundTruth.txt")))


@pytest.mark.skipif(not GROUND_TRUTH, reason="../shared/corpora/vader_groundtruth not present (developer data)")
def test_equal_to_vader_on_its_human_rated_sentences():
    sentences = []
    for path in GROUND_TRUTH:
        with open(path, encoding="utf-8-sig", errors="replace") as fh:
            sentences += [p[2] for line in fh if len(p := line.rstrip("\r\n").split("\t")) >= 3]
    assert len(sentences) > 20_000
    differ = [s for s in sentences if FAST.polarity_scores(s) != STOCK.polarity_scores(s)]
    assert differ == []
