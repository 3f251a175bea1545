"""Tests for analysis.terms: tokenize, term_frequency, distinctive_terms."""
from __future__ import annotations

import gzip
import itertools
import json
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from analysis import config
from analysis.errors import AnalysisError, CorpusError
from analysis.terms import _WEB_ADDRESS_RE, distinctive_terms, load_stopwords, term_frequency, tokenize
from analysis.tokens import count_words


def corpus(*rows: tuple[str, str]) -> pd.DataFrame:
    return pd.DataFrame({"outlet": [r[0] for r in rows], "text": [r[1] for r in rows]})


def records(tf: pd.DataFrame, group: str) -> dict[str, tuple[int, int]]:
    part = tf[tf.group == group]
    return {t: (c, d) for t, c, d in zip(part.term, part["count"], part.doc_freq)}


# ------------------------------------------------------------------------- tokenize
def test_tokenize_keeps_hyphens_and_contractions_whole_and_lowercases():
    assert tokenize("Far-Left groups DON'T agree.") == ["far-left", "groups", "don't", "agree"]


def test_tokenize_normalises_curly_apostrophes_and_unicode_hyphen():
    assert tokenize("they’re") == tokenize("they're") == ["they're"]
    assert tokenize("pro\u2010choice") == ["pro-choice"]


def test_keep_proper_nouns_keeps_capitals_inside_a_sentence_only():
    text = "The bill passed. Congress met! Then Congress left?\n\nSenators voted"
    assert tokenize(text, keep_proper_nouns=True) == [
        "the", "bill", "passed", "congress", "met", "then", "Congress", "left", "senators", "voted"]


def test_keep_proper_nouns_title_and_initial_do_not_end_a_sentence():
    toks = tokenize("Aid went to Mr. Obama and John F. Kennedy. Aid ended.", keep_proper_nouns=True)
    assert toks == ["aid", "went", "to", "Mr", "Obama", "and", "John", "F", "Kennedy",
                    "aid", "ended"]


def test_keep_proper_nouns_quote_before_sentence_start():
    toks = tokenize('He left." Trump said', keep_proper_nouns=True)
    assert toks == ["he", "left", "trump", "said"]


@pytest.mark.parametrize("text", ["", "   \n\t", "“…”", "🙂🙂", None, float("nan")])
def test_tokenize_odd_input_gives_no_words(text):
    assert tokenize(text) == []


# ----------------------------------------------------------------------- stop words
def test_default_stopwords_are_function_words_only():
    stop = load_stopwords()
    assert {"the", "of", "and", "they're", "don't", "s"} <= stop
    assert not {"said", "immigrants", "president"} & stop


def test_stopwords_from_file_list_and_empty(tmp_path):
    path = tmp_path / "stop.txt"
    path.write_text("# my list\nWall  # comment\n\nstreet\n", encoding="utf-8")
    assert load_stopwords(path) == {"wall", "street"}
    assert load_stopwords(str(path)) == {"wall", "street"}
    assert load_stopwords([]) == frozenset()


def test_missing_stopword_file_raises_analysis_error(tmp_path):
    with pytest.raises(AnalysisError, match="stop-word file"):
        load_stopwords(tmp_path / "nope.txt")


# -------------------------------------------------------------------- term_frequency
def test_term_frequency_hand_counts():
    # A has 6 + 4 = 10 words (stop words included); B has 3.
    tf = term_frequency(corpus(
        ("A", "The border wall, the border wall."),
        ("A", "Border wall funding stalled"),
        ("B", "Wall Street rallied"),
    ))
    a = records(tf, "A")
    assert a == {"border": (3, 2), "wall": (3, 2), "border wall": (3, 2),
                 "funding": (1, 1), "stalled": (1, 1), "wall funding": (1, 1),
                 "funding stalled": (1, 1)}
    row = tf[(tf.group == "A") & (tf.term == "border")].iloc[0]
    assert row["rate"] == pytest.approx(3 / 10 * 10_000)
    assert records(tf, "B")["wall street"] == (1, 1)


def test_ngrams_do_not_cross_punctuation_or_paragraphs_and_stopword_edges():
    tf = term_frequency(corpus(("A", "rule of law. Order now\n\nlaw firm\ntax cut")),
                        ngram_range=(2, 3))
    terms = set(tf.term)
    # "rule of law" keeps its inner stop word; "of law" starts with one; "law order" crosses "."
    assert "rule of law" in terms and "of law" not in terms and "rule of" not in terms
    assert "law order" not in terms
    assert "law firm" in terms and "firm tax" in terms  # one line break joins
    assert "now law" not in terms  # a blank line does not


def test_output_sorted_by_group_count_desc_term():
    tf = term_frequency(corpus(("B", "zeta alpha alpha"), ("A", "beta gamma beta")),
                        ngram_range=(1, 1))
    assert list(zip(tf.group, tf.term)) == [
        ("A", "beta"), ("A", "gamma"), ("B", "alpha"), ("B", "zeta")]
    assert list(tf.columns) == ["group", "term", "count", "rate", "doc_freq"]


def test_min_count_and_by_column_and_missing_values():
    df = pd.DataFrame({"bias": ["L", "L", None, "R"],
                       "text": ["tax tax cut", None, "ignored words", "tax"]})
    tf = term_frequency(df, by="bias", ngram_range=(1, 1), min_count=2)
    assert list(zip(tf.group, tf.term, tf["count"])) == [("L", "tax", 2)]


def test_keep_proper_nouns_in_term_frequency_and_stopwords_case_insensitive():
    tf = term_frequency(corpus(("A", "Voters like The Hill. The Hill reported")),
                        ngram_range=(1, 1), keep_proper_nouns=True)
    assert records(tf, "A") == {"Voters".lower(): (1, 1), "Hill": (2, 1), "reported": (1, 1)}


def test_empty_corpus_and_bad_arguments():
    empty = term_frequency(corpus())
    assert empty.empty and list(empty.columns) == ["group", "term", "count", "rate", "doc_freq"]
    with pytest.raises(CorpusError, match="no column 'outlet'"):
        term_frequency(pd.DataFrame({"text": ["a"]}))
    with pytest.raises(AnalysisError, match="ngram_range"):
        term_frequency(corpus(("A", "x")), ngram_range=(2, 1))


texts = st.text(alphabet=st.characters(codec="utf-8"), max_size=200)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["A", "B"]), texts), max_size=5))
def test_property_never_raises_and_counts_consistent(rows):
    assume(not any(_WEB_ADDRESS_RE.search(t) for _, t in rows))  # their words are no terms: tested below
    df = corpus(*rows)
    tf = term_frequency(df, stopwords=[], ngram_range=(1, 1))
    assert (tf["count"] > 0).all() and (tf.doc_freq >= 1).all()
    assert (tf.doc_freq <= tf["count"]).all()
    for group, part in tf.groupby("group"):
        n_words = sum(count_words(t) for g, t in rows if g == group)
        assert part["count"].sum() == n_words  # every word is a unigram
        assert np.allclose(part["rate"], part["count"] / n_words * 10_000)


@settings(max_examples=100, deadline=None)
@given(texts, st.booleans())
def test_property_tokenize_matches_shared_word_count(text, cased):
    assert len(tokenize(text, keep_proper_nouns=cased)) == count_words(text)
    term_frequency(corpus(("A", text)), keep_proper_nouns=cased, ngram_range=(1, 3))


def test_enormous_single_sentence_is_linear_enough():
    text = "word " * 200_000 + "," * 100_000 + " end"
    tf = term_frequency(corpus(("A", text)), ngram_range=(1, 2))
    assert records(tf, "A")["word word"] == (199_999, 1)


# ----------------------------------------------------------------- distinctive terms
def fightin_words(y_a, y_b, a_w, n_a, n_b, a_0):
    """Monroe et al. (2008) eq. 22 written out independently of the package."""
    delta = math.log((y_a + a_w) / (n_a + a_0 - y_a - a_w)) - math.log(
        (y_b + a_w) / (n_b + a_0 - y_b - a_w))
    var = 1 / (y_a + a_w) + 1 / (y_b + a_w)
    return delta, var, delta / math.sqrt(var)


def test_distinctive_terms_explicit_prior_matches_formula():
    df = corpus(("A", "cat cat dog"), ("B", "dog dog bird"))
    prior = pd.Series({"cat": 2.0, "dog": 4.0, "bird": 1.0})
    res = distinctive_terms(df, "A", "B", prior=prior, prior_scale=0.5, min_count=1,
                            ngram_range=(1, 1), stopwords=[])
    # a_w = 0.5 * prior; a_0 = 0.5 * 7; n_a = n_b = 3
    expected_z = {}
    for term, y_a, y_b, a_w in [("cat", 2, 0, 1.0), ("dog", 1, 2, 2.0), ("bird", 0, 1, 0.5)]:
        delta, var, z = fightin_words(y_a, y_b, a_w, 3, 3, 3.5)
        expected_z[term] = z
        row = res.loc[term]
        assert (row.count_a, row.count_b) == (y_a, y_b)
        assert row.delta == pytest.approx(delta, abs=1e-12)
        assert row["var"] == pytest.approx(var, abs=1e-12)
        assert row.z == pytest.approx(z, abs=1e-12)
    # by hand: z(cat) = 1.34, z(bird) = -0.78, z(dog) = -0.82
    assert list(res.index) == sorted(expected_z, key=expected_z.get, reverse=True)
    assert list(res.index) == ["cat", "bird", "dog"]
    assert res.index.name == "term"
    assert list(res.columns) == ["count_a", "count_b", "delta", "var", "z"]


def test_distinctive_terms_corpus_prior_and_rest_of_corpus():
    df = corpus(("A", "tax tax cut"), ("B", "cut"), ("C", "tax wall"))
    res = distinctive_terms(df, "A", min_count=1, ngram_range=(1, 1), stopwords=[])
    # b = B and C; background = whole corpus: tax 3, cut 2, wall 1 (a_0 = 6)
    delta, var, z = fightin_words(2, 1, 3.0, 3, 3, 6.0)
    assert res.loc["tax", "count_b"] == 1
    assert res.loc["tax", "z"] == pytest.approx(z, abs=1e-12)
    # with group_b given, C is outside both groups but still in the prior
    res_b = distinctive_terms(df, "A", "B", min_count=1, ngram_range=(1, 1), stopwords=[])
    delta, var, z = fightin_words(2, 0, 3.0, 3, 1, 6.0)
    assert res_b.loc["tax", "delta"] == pytest.approx(delta, abs=1e-12)
    assert "wall" not in res_b.index


def test_prior_missing_term_gets_floor_in_a_w_and_a_0():
    df = corpus(("A", "new"), ("B", "old"))
    res = distinctive_terms(df, "A", "B", prior=pd.Series({"old": 1.0}), min_count=1,
                            ngram_range=(1, 1), stopwords=[])
    delta, var, z = fightin_words(1, 0, 0.01, 1, 1, 1.01)
    assert res.loc["new", "z"] == pytest.approx(z, abs=1e-12)


def test_ties_sorted_by_term_and_min_count():
    df = corpus(("A", "beta alpha"), ("B", "gamma"))
    res = distinctive_terms(df, "A", "B", min_count=1, ngram_range=(1, 1), stopwords=[])
    assert list(res.index[:2]) == ["alpha", "beta"]
    assert distinctive_terms(df, "A", "B", min_count=2, ngram_range=(1, 1)).empty


def test_distinctive_terms_errors():
    df = corpus(("A", "x"), ("B", "y"))
    with pytest.raises(AnalysisError, match="No articles with outlet == 'Z'"):
        distinctive_terms(df, "Z")
    with pytest.raises(AnalysisError, match="Unknown prior"):
        distinctive_terms(df, "A", prior="uniform")
    with pytest.raises(AnalysisError, match="prior_scale"):
        distinctive_terms(df, "A", prior_scale=0)
    with pytest.raises(TypeError):
        distinctive_terms(df, "A", ngrams=(1, 1))


# --------------------------------------------------------------------- shared corpus
@pytest.mark.shared
@pytest.mark.skipif(not config.CORPORA_DIR.exists(),
                    reason="../shared/corpora not present (evaluation data)")
def test_allsides_sample_word_totals_match_count_words():
    with gzip.open(config.CORPORA_DIR / "allsides.jsonl.gz", "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in itertools.islice(fh, 300)]
    df = pd.DataFrame({"outlet": [r["outlet"] for r in rows], "text": [r["text"] for r in rows]})
    tf = term_frequency(df, stopwords=[], ngram_range=(1, 1))
    # every word outside a web address is a unigram; rates are over every word
    assert tf["count"].sum() == sum(count_words(_WEB_ADDRESS_RE.sub(" ", t)) for t in df.text)
    first = tf.iloc[0]
    n_words = sum(count_words(t) for o, t in zip(df.outlet, df.text) if o == first["group"])
    assert np.isclose(first["rate"], first["count"] / n_words * 10_000)
    top = distinctive_terms(df, df.outlet.value_counts().index[0], min_count=5)
    assert top["z"].is_monotonic_decreasing


def test_distinctive_terms_each_equals_distinctive_terms_per_group():
    from analysis.terms import distinctive_terms, distinctive_terms_each

    corpus = pd.DataFrame({
        "outlet": ["L", "L", "R", "R", "C", None],
        "text": ["Undocumented immigrants work.", "Undocumented immigrants pay taxes.",
                 "Illegal aliens cross.", "Illegal aliens cost taxes.", "Migrants arrive.", "Taxes rise."],
    })
    each = distinctive_terms_each(corpus, ["L", "R", "C"], min_count=1)
    for outlet in ["L", "R", "C"]:
        pd.testing.assert_frame_equal(each[outlet], distinctive_terms(corpus, outlet, min_count=1))


def test_web_addresses_hold_words_but_no_terms():
    text = ("Watch the interview http://abcn.ws/2qj8160 and the video www.example.com/v. "
            "For graphic click tmsnrt.rs/2LfKug6. Read apnews.com/VirusOutbreak today.")
    tf = term_frequency(corpus(("A", text)), stopwords=[], ngram_range=(1, 2))
    terms = set(tf.term)
    assert not terms & {"http", "abcn", "ws", "www", "example", "com", "tmsnrt", "rs", "apnews", "virusoutbreak",
                        "2qj8160", "interview http", "v"}
    assert {"watch", "interview", "video", "graphic click", "read", "today"} <= terms
    n_words = count_words(text)  # the rate's denominator is every word, the addresses' too
    row = tf[tf.term == "watch"].iloc[0]
    assert np.isclose(row["rate"], row["count"] / n_words * 10_000)
    # a full stop after an address still ends the sentence ("For" opens one)
    assert "For" not in set(term_frequency(corpus(("A", text)), stopwords=[], keep_proper_nouns=True).term)
    # dates, fractions and "and/or" are no addresses
    assert {"cats", "and", "or", "9", "11", "10"} <= set(
        term_frequency(corpus(("A", "cats and/or dogs on 9/11, 1.5/10")), stopwords=[]).term)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["http://", "https://", "www.", ".com/", ".co", ".rs", "/", ".", " ", "a", "Ab",
                                 "9/11", "and/or", "x.y", "-", "é"]), max_size=12))
def test_address_screen_never_misses_an_address(pieces):
    from analysis.terms import _may_hold_address

    text = "".join(pieces)
    assert _may_hold_address(text) or not _WEB_ADDRESS_RE.search(text)


def test_hostile_texts_around_addresses_are_read_in_one_pass():
    # Unbounded repeats made these cost the square of their length (minutes at this size).
    from analysis.terms import _term_runs

    runs, hidden = _term_runs("a." * 100_000 + " see x.com/y", False)
    assert hidden == 3 and runs[-1] == ["see"]
    # an "address" that runs on past any sensible length is left as words
    runs, hidden = _term_runs("go http://x" + "." * 100_000 + "a", False)
    assert runs[0][0] == "go" and hidden == 0
