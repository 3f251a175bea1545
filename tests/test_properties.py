"""Properties of the per-article functions over arbitrary Unicode and article-like text.

For any text: nothing raises; quote spans lie inside the text, match it and do
not overlap; the quote share is a share; cleaning is idempotent; splitting the
cleaned body into sentences loses and repeats nothing.
"""
from __future__ import annotations

import math
import re

import pandas as pd
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import analysis

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WHITESPACE = re.compile(r"\s+")

# --- strategies ----------------------------------------------------------------------

ODD = ["\u200b", "\u200d", "\ufeff", "\u00ad", "\u202e", "\u2028", "\x00", "\x07", "\x1b", "\r", "\t", "\xa0",
       "😀", "👍🏽", "🇺🇸", "👨‍👩‍👧", "مرحبا", "שלום", "\u0301", "…", "—", "·", "=", '="', '<a href="x">']
MARKS = ["“", "”", "‘", "’", '"', "'", "«", "»", "„", "‹", "›"]
ABBREVIATIONS = ["Dr.", "Mr.", "Mrs.", "U.S.", "a.m.", "p.m.", "Sen.", "Gov.", "No.", "e.g.", "J.", "St.", "Jan."]
WORDS = ["the", "council", "mayor", "said", "vote", "immigrants", "police", "week", "we", "will", "not",
         "ICE", "Trump", "border", "2024", "3.5", "$10", "100%", "it's", "don't", "well-known", "O'Brien",
         "MORE", "I’m", "You", "Both", "he’d"]

# lines that cleaning removes or keeps depending on their neighbours
BOILERPLATE = ["By Jane Roe", "WASHINGTON (AP) —", "Photo: Getty Images", "Click here to subscribe.",
               "Advertisement", "Share this:", "Copyright 2024 X News", "Reply", "November 13, 2017 at 4:28 pm",
               "• Rob Andrews", "pic.twitter.com/abc123", "Jane Roe is a reporter for X News.", "READ MORE:",
               "ON AIR NOW", "1. kamenetz", "— Jane Roe (@janeroe) December 17, 2024", "Updated Dec. 17, 2024"]

arbitrary_text = st.text(max_size=400)
odd_text = st.lists(st.one_of(st.sampled_from(ODD + MARKS + WORDS), st.text(max_size=3)), max_size=60).map(" ".join)


@st.composite
def sentences(draw) -> str:
    words = draw(st.lists(st.sampled_from(WORDS + ABBREVIATIONS + ODD[:4]), min_size=1, max_size=14))
    sentence = " ".join(words)
    sentence = sentence[0].upper() + sentence[1:] if sentence else sentence
    style = draw(st.sampled_from(["plain", "quoted", "attributed", "partial", "unbalanced"]))
    opening, closing = draw(st.sampled_from([("“", "”"), ("‘", "’"), ('"', '"'), ("'", "'"), ("«", "»"), ("“", '"')]))
    end = draw(st.sampled_from([".", "?", "!", "…", "", "..."]))
    if style == "quoted":
        return f"{opening}{sentence}{end}{closing}"
    if style == "attributed":
        return f"{opening}{sentence},{closing} {draw(st.sampled_from(['Dr. Ann Lee', 'he', 'the mayor']))} said."
    if style == "partial":
        return f"The mayor called it {opening}{sentence}{closing}{end}"
    if style == "unbalanced":
        return f"{draw(st.sampled_from(MARKS))}{sentence}{end}"
    return sentence + end


@st.composite
def article_like(draw) -> str:
    paragraph = st.one_of(st.lists(sentences(), min_size=1, max_size=4).map(" ".join), st.sampled_from(BOILERPLATE))
    paragraphs = draw(st.lists(paragraph, min_size=1, max_size=8))
    sep = draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\n\n\n"]))
    return sep.join(paragraphs)


any_text = st.one_of(arbitrary_text, odd_text, article_like())


def _no_space(text: str) -> str:
    return WHITESPACE.sub("", text)


# --- properties ----------------------------------------------------------------------------

@SETTINGS
@given(any_text)
@example("")
@example("“”" * 50)
@example("\u200b \u200b\n\n\ufeff")
def test_cleaning_never_raises_and_is_idempotent(text):
    once = analysis.clean_article(text)
    assert isinstance(once.text, str)
    assert analysis.clean_article(once.text).text == once.text


@SETTINGS
@given(any_text)
@example("“unclosed ‘nested “deep")
@example("He said: “Stop now.” ‘Fine’ — \"ok\" 'x'")
def test_quote_spans_lie_inside_the_text_and_do_not_overlap(text):
    quotes = analysis.extract_quotes(text)
    previous_end = 0
    for q in sorted(quotes, key=lambda q: (q.start, q.end)):
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start:q.end] == q.text
        assert q.start >= previous_end, f"overlapping quotes in {text!r}"
        previous_end = q.end
    share = analysis.quote_share(text, quotes)
    assert 0.0 <= share <= 1.0


@SETTINGS
@given(any_text)
def test_cleaned_body_quotes_are_consistent(text):
    body = analysis.clean_article(text).text
    quotes = analysis.extract_quotes(body)
    for q in quotes:
        assert body[q.start:q.end] == q.text
    assert 0.0 <= analysis.quote_share(body) <= 1.0


@SETTINGS
@given(any_text)
@example("")
@example("!!!???")
def test_sentiment_never_raises_and_stays_in_range(text):
    scores = analysis.sentiment(text)
    for key in ("compound", "compound_narration", "compound_quotes"):
        value = scores[key]
        assert math.isnan(value) or -1.0 <= value <= 1.0, (key, value)
    for key in ("pos", "neu", "neg", "share_positive", "share_negative", "share_neutral"):
        value = scores[key]
        assert math.isnan(value) or 0.0 <= value <= 1.0, (key, value)


@SETTINGS
@given(any_text)
@example("")
@example("a" * 5000)
def test_readability_never_raises(text):
    scores = analysis.readability(text)
    for key, value in scores.items():
        assert isinstance(value, (int, float, bool)), key
        if isinstance(value, float):
            assert not math.isinf(value), key


@SETTINGS
@given(st.lists(any_text, min_size=1, max_size=3))
def test_term_frequency_never_raises_and_counts_are_positive(texts):
    corpus = pd.DataFrame({"outlet": ["X", "Y", "X"][: len(texts)], "text": texts})
    table = analysis.term_frequency(corpus)
    assert list(table.columns) == ["group", "term", "count", "rate", "doc_freq"]
    assert (table["count"] > 0).all() and (table["doc_freq"] >= 1).all()
    assert (table["doc_freq"] <= 2).all()


@SETTINGS
@given(any_text)
@example("Dr. J. Smith arrived at 3 p.m. He said “Go.” Then left…")
def test_no_sentence_of_the_body_is_lost_or_repeated(text):
    body = analysis.clean_article(text).text
    parts = analysis.split_sentences(body)
    assert all(isinstance(p, str) and p.strip() for p in parts)
    assert _no_space("".join(parts)) == _no_space(body)


# --- words ----------------------------------------------------------------------------

@SETTINGS
@given(st.one_of(any_text, st.lists(st.sampled_from(WORDS + MARKS + ODD + ["_", "-", "’", "'", "‐", " ", "\n", "a_b", "x-", "-y"]),
                                    max_size=40).map("".join)))
@example("far-left group’s ‘quote’ $1.5 a_b -x- O'Brien\u2009it—was ٣٤ ²")
def test_count_words_equals_the_word_pattern_s_count(text):
    from analysis.tokens import WORD_RE, count_words

    assert count_words(text) == len(WORD_RE.findall(text))


def test_count_words_premises_hold_for_every_code_point():
    """count_words' shortcut rests on two facts about Python's str and re: a
    letter-or-digit token (str.isalnum) is exactly a run of [^\\W_], and
    str.split splits on exactly the characters \\s matches."""
    chars = "".join(map(chr, range(0x110000)))
    alnum = {m.start() for m in re.finditer(r"[^\W_]", chars)}
    space = {m.start() for m in re.finditer(r"\s", chars)}
    assert alnum == {i for i, ch in enumerate(chars) if ch.isalnum()}
    assert space == {i for i, ch in enumerate(chars) if ch.isspace()}
    assert len(("a" + "a".join(chars[i] for i in space) + "a").split()) == len(space) + 1
