"""Tests for analysis.framing: lexicon matching rules and per-group counts."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.errors import AnalysisError, CorpusError
from analysis.framing import compile_lexicon, count_labels, framing, load_lexicon

DEFAULT = compile_lexicon(load_lexicon())


def labels_in(text: str) -> dict[str, int]:
    return dict(count_labels(text, *DEFAULT))


def test_longest_match_first_counts_each_mention_once():
    assert labels_in("Undocumented immigrants and illegal immigrants met immigrants.") == {
        "undocumented immigrant": 1, "illegal immigrant": 1, "immigrant": 1}


def test_bare_undocumented_and_illegals():
    assert labels_in("Help the undocumented, not illegals; illegal voting") == {
        "undocumented (other)": 1, "illegals": 1}


def test_case_insensitive_and_possessive_with_curly_apostrophe():
    assert labels_in("ILLEGAL ALIENS; the migrant’s family; the migrants' lawyer") == {
        "illegal alien": 1, "migrant": 2}


def test_hyphen_and_space_variants():
    text = "Non-citizens, noncitizen, non citizens, an illegal-immigrant family, asylum-seekers"
    assert labels_in(text) == {"noncitizen": 3, "illegal immigrant": 1, "asylum seeker": 1}


def test_whole_words_only():
    # inside hyphenated words, and other words that start the same, are not mentions
    assert labels_in("anti-immigrant immigrant-rights immigration migration refugeed") == {}


def test_phrase_across_line_break_and_unicode_hyphen():
    assert labels_in("undocumented\nimmigrants and non\u2010citizens") == {
        "undocumented immigrant": 1, "noncitizen": 1}


def test_case_sensitive_term():
    assert labels_in("Dreamers rallied; dreamers dream; DACA recipients") == {
        "Dreamers": 1, "DACA recipient": 1}


def test_framing_table_hand_counts():
    df = pd.DataFrame({"outlet": ["A", "A", "B", "C"], "text": [
        "Illegal aliens. Illegal aliens!", "Illegal immigrants", "Migrants", "Nothing to see"]})
    lex = pd.DataFrame({"label": ["alien", "alien", "illegal immigrant", "migrant"],
                        "term": ["illegal alien", "illegal aliens", "illegal immigrants",
                                 "migrants"]})
    res = framing(df, lexicon=lex)
    assert list(res.columns) == ["group", "label", "count", "share", "n_articles"]
    assert list(zip(res.group, res.label, res["count"], res.n_articles)) == [
        ("A", "alien", 2, 2), ("A", "illegal immigrant", 1, 2), ("A", "migrant", 0, 2),
        ("B", "migrant", 1, 1), ("B", "alien", 0, 1), ("B", "illegal immigrant", 0, 1),
        ("C", "alien", 0, 1), ("C", "illegal immigrant", 0, 1), ("C", "migrant", 0, 1)]
    assert res.loc[res.group == "A", "share"].tolist() == pytest.approx([2 / 3, 1 / 3, 0])
    assert res.loc[res.group == "C", "share"].isna().all()


def test_package_level_name_is_callable_whatever_the_import_order():
    import analysis
    import analysis.framing as module

    df = pd.DataFrame({"outlet": ["A"], "text": ["Refugees"]})
    assert analysis.framing(df).equals(framing(df))
    assert module(df).equals(framing(df))


def test_lexicon_from_csv_path_extra_columns_ignored(tmp_path):
    path = tmp_path / "lex.csv"
    path.write_text("label,term,note\nwall,border wall,x\nwall,the wall,\n", encoding="utf-8")
    df = pd.DataFrame({"outlet": ["A"], "text": ["Build the wall, the border wall."]})
    res = framing(df, path)
    assert res[["label", "count"]].values.tolist() == [["wall", 2]]


def test_lexicon_errors(tmp_path):
    with pytest.raises(AnalysisError, match="columns 'label' and 'term'"):
        load_lexicon(pd.DataFrame({"name": ["x"]}))
    with pytest.raises(AnalysisError, match="different labels"):
        load_lexicon(pd.DataFrame({"label": ["a", "b"], "term": ["non-citizen", "noncitizen"]}))
    with pytest.raises(AnalysisError, match="Cannot read"):
        load_lexicon(tmp_path / "missing.csv")
    with pytest.raises(CorpusError):
        framing(pd.DataFrame({"outlet": ["A"]}))


def test_regex_special_characters_in_terms_are_literal():
    lex = pd.DataFrame({"label": ["q"], "term": ["a.b (c)"]})
    pattern, labels = compile_lexicon(load_lexicon(lex))
    assert dict(count_labels("a.b (c) axb (c)", pattern, labels)) == {"q": 1}


@pytest.mark.parametrize(
    "text", ["", None, "🙂" * 1000, "\u202eimmigrants\u202c", "x" * 2_000_000])
def test_odd_texts_do_not_raise(text):
    res = framing(pd.DataFrame({"outlet": ["A"], "text": [text]}))
    assert (res["count"] >= 0).all()


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(codec="utf-8"), max_size=200), max_size=4))
def test_property_counts_consistent(texts):
    df = pd.DataFrame({"outlet": ["A"] * len(texts), "text": texts})
    res = framing(df)
    if texts:
        total = res["count"].sum()
        assert total == sum(sum(count_labels(t, *DEFAULT).values()) for t in texts)
        if total:
            assert np.isclose(res["share"].sum(), 1.0)


# ScreenedPattern: a quick substring test in front of the lexicon regex must
# never change what the regex finds, only skip texts it cannot match.
_SCREEN_PIECES = ["illegal", "ILLEGAL", "Illegal", "alien", "aliens", "non", "citizen", "Non-citizen",
                  "undocumented", "immigrant", "immigrants", "migrant’s", "asylum", "seekers", "Dreamers",
                  "dreamers", "İllegal", "ılegal", "ıllegal", "aſylum", " ", "-", "‐", "’", "'", "\n", ".", "s"]


@given(st.lists(st.sampled_from(_SCREEN_PIECES), max_size=12))
@settings(max_examples=300, deadline=None)
def test_screened_lexicon_pattern_finds_what_the_regex_finds(pieces):
    pattern, _ = DEFAULT
    text = "".join(pieces)
    assert pattern.findall(text) == pattern.regex.findall(text)
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in pattern.regex.finditer(text)]
    cut = len(text) // 3
    assert pattern.findall(text, cut, 2 * cut) == pattern.regex.findall(text, cut, 2 * cut)


def test_screen_skips_only_texts_without_every_piece_of_a_term():
    pattern, _ = DEFAULT
    assert not pattern.may_match("The council met on Tuesday to discuss the budget.")
    assert pattern.may_match("The NONCITIZEN voters")  # pieces "non" and "citizen", any case
    assert pattern.may_match("asylum-seekers")
    # re's IGNORECASE folds these to i and s where str.lower() does not: always scanned
    assert pattern.may_match("İLLEGAL ALİENS") and pattern.may_match("aſylum")

def test_a_match_through_re_case_folding_has_its_label():
    # re's IGNORECASE matches "ı"/"İ" with i; the label look-up raised KeyError and stopped the build
    assert labels_in("ıllegal alıens, İLLEGAL İMMİGRANTS") == {"illegal alien": 1, "illegal immigrant": 1}


def test_screen_keeps_case_sensitive_terms_case_sensitive():
    from analysis.framing import ScreenedPattern, term_pattern
    import re

    sp = ScreenedPattern(re.compile(term_pattern("Dreamers", True)), [("Dreamers", True)])
    assert not sp.may_match("sweet dreamers") and sp.findall("the Dreamers") == ["Dreamers"]
    # a term with a non-ASCII piece gets no screen, so it is always scanned
    sp = ScreenedPattern(re.compile(term_pattern("réfugié", False)), [("réfugié", False)])
    assert sp.may_match("nothing here") and sp.findall("RÉFUGIÉ") == ["RÉFUGIÉ"]


def test_lazy_screen_answers_as_every_piece_tested():
    from analysis.framing import _PIECE_SPLIT_RE

    pattern, _ = DEFAULT
    terms = [[(p, cs) for p in _PIECE_SPLIT_RE.split(t) if p] for t, cs in zip(*_default_terms())]

    def exhaustive(text: str) -> bool:
        return any(all(p in text if cs else p.lower() in text.lower() for p, cs in term) for term in terms)

    for text in ["", "aliens", "alien", "non citizens", "none of the citizens", "Dreamers", "dreamers",
                 "asylum", "seekers asylum", "undocumented people", "people", "unaccompanied alien children"]:
        assert pattern.may_match(text) == exhaustive(text), text


def _default_terms() -> tuple[list[str], list[bool]]:
    lex = load_lexicon()
    return list(lex.term), [bool(cs) for cs in lex.case_sensitive]


@given(st.lists(st.sampled_from(_SCREEN_PIECES + ["K", "ſ", "KELVIN", "Unaccompanied"]), max_size=12))
@settings(max_examples=300, deadline=None)
def test_lexicon_terms_grouped_by_first_letter_match_as_one_flat_alternation(pieces):
    import re

    from analysis.framing import _LEFT, _RIGHT, term_pattern

    pattern, _ = DEFAULT
    lex = load_lexicon()
    rows = sorted(zip(lex.term, lex.case_sensitive), key=lambda r: (-len(r[0]), r[0]))
    flat = "|".join(term_pattern(term, bool(cs)) for term, cs in rows)
    assert "(?=(?i:" in pattern.regex.pattern  # the default lexicon is grouped
    text = "".join(pieces)
    assert pattern.regex.findall(text) == re.findall(rf"{_LEFT}({flat}){_RIGHT}", text, re.IGNORECASE)


def test_ignorecase_folds_no_character_to_two_ascii_letters_or_digits():
    import re
    import string
    import sys

    cased = [chr(c) for c in range(sys.maxunicode + 1)
             if not 0xD800 <= c < 0xE000 and (chr(c).lower() != chr(c) or chr(c).upper() != chr(c))]
    seen: dict[str, str] = {}
    for k in string.ascii_lowercase + string.digits:
        one = re.compile(f"(?i:{k})")
        for ch in cased + [k]:
            if one.fullmatch(ch):
                assert seen.setdefault(ch, k) == k, (ch, k)
