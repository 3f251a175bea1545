"""Corpus tables of quotes and speakers, and the PolNeAR evaluation on a few articles."""
from __future__ import annotations

import importlib.util
import math
import sys

import re

import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from analysis import config
from analysis.quotes import extract_quotes
from analysis.voices import _sentence_key, normalise_speakers, quote_table, shared_quotations, top_speakers


def seeds() -> pd.DataFrame:
    manifest = pd.read_csv(config.RAW_DIR / "manifest.csv")
    texts = [(config.RAW_DIR / f).read_text(encoding="utf-8") for f in manifest["file"]]
    return pd.DataFrame({"article_id": manifest["article_id"], "outlet": manifest["outlet"].fillna("unknown"), "text": texts})


def small() -> pd.DataFrame:
    return pd.DataFrame({
        "article_id": ["a1", "a2", "a3"],
        "outlet": ["X", "Y", "X"],
        "text": [
            "Anthony Romero spoke. “We will sue them all today,” Romero said. The ‘sanctuary’ rule.",
            "“We will sue them all today!” said Romero. “Courts decide.”",
            "“Nothing changes for us here,” Jo Lee said.",
        ],
    })


def test_quote_table_columns_and_reuse():
    arts = small()
    table = quote_table(arts)
    assert list(table.columns) == ["article_id", "outlet", "kind", "speaker", "n_words", "text", "start", "end", "cue"]
    assert set(table["kind"]) == {"direct", "scare"}
    row = table.iloc[0]
    assert arts.loc[0, "text"][row["start"] : row["end"]] == row["text"]
    given = {aid: extract_quotes(t) for aid, t in zip(arts["article_id"], arts["text"])}
    pd.testing.assert_frame_equal(quote_table(arts, given), table)
    assert quote_table(arts.iloc[:0]).empty


def test_normalise_speakers_merges_unambiguous_surnames():
    table = normalise_speakers(quote_table(small()))
    assert set(table.loc[table["article_id"] == "a2", "speaker"].dropna()) == {"Anthony Romero"}
    ambiguous = pd.DataFrame({"speaker": ["Lee", "Jo Lee", "Al Lee"]})
    assert normalise_speakers(ambiguous)["speaker"].tolist() == ["Lee", "Jo Lee", "Al Lee"]


def test_top_speakers_sorted_and_shares():
    table = normalise_speakers(quote_table(small()))
    top = top_speakers(table, by="outlet", n=10)
    assert list(top.columns) == ["outlet", "speaker", "n_quotes", "n_words", "share"]
    x = top[top["outlet"] == "X"]
    assert x["speaker"].tolist() == ["Anthony Romero", "Jo Lee"]  # 6 words before 5
    assert x["share"].sum() == pytest.approx(1.0)
    assert top_speakers(table, n=1).groupby("outlet").size().max() == 1
    pd.testing.assert_frame_equal(top_speakers(table), top_speakers(table.sample(frac=1, random_state=1)))


def test_top_speakers_when_no_quote_has_a_speaker():
    # Arrow-backed strings (as read from Parquet): the outlet column once broke the share division.
    quotes = pd.DataFrame({"outlet": pd.Series(["X", "Y"], dtype="string[pyarrow]"), "kind": ["direct", "partial"],
                           "speaker": pd.Series([None, None], dtype="string[pyarrow]"), "n_words": [3, 4]})
    top = top_speakers(quotes)
    assert top.empty and list(top.columns) == ["outlet", "speaker", "n_quotes", "n_words", "share"]


def test_shared_quotations_on_seeds():
    shared = shared_quotations(normalise_speakers(quote_table(seeds())))
    assert list(shared.columns) == ["sentence", "n_outlets", "outlets", "n_articles", "article_ids"]
    assert len(shared) >= 4
    assert set(shared["outlets"]) == {"Breitbart News; Headline USA"}
    assert any(s.startswith("That’s an operation") for s in shared["sentence"])
    assert shared_quotations(quote_table(seeds()), min_outlets=3).empty


def test_shared_quotations_normalises_marks_case_and_punctuation():
    table = quote_table(small())
    shared = shared_quotations(table)
    assert shared["sentence"].tolist() == ["We will sue them all today"]
    assert shared.loc[0, "article_ids"] == "a1; a2"


# ---- the evaluation script on a handful of dev articles ---------------------

EVAL = config.PROJECT_ROOT / "benchmarks" / "eval_quotes.py"
needs_shared = pytest.mark.skipif(
    not (config.CORPORA_DIR / "polnear_dev.jsonl.gz").exists(),
    reason="../shared/corpora/polnear_dev.jsonl.gz not present (developer data, not part of the package)",
)


def load_eval():
    spec = importlib.util.spec_from_file_location("eval_quotes", EVAL)
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_quotes"] = module
    spec.loader.exec_module(module)
    return module


@needs_shared
@pytest.mark.shared
def test_eval_on_the_dev_split():
    ev = load_eval()
    records = ev.load_polnear("dev")  # 84 articles: well under a second
    scores = ev.evaluate(records, apostrophe_pairs=True)
    for name in ("ours", "naive"):
        for key in ("precision", "recall", "f1", "share_mae"):
            assert 0.0 <= scores[name][key] <= 1.0
    assert 0.0 <= scores["ours"]["speaker_accuracy"] <= 1.0 and math.isnan(scores["naive"]["speaker_accuracy"])
    # Archive texts quote with '' pairs, which the naive extractor cannot see.
    assert scores["ours"]["recall"] > scores["naive"]["recall"]
    assert scores["ours"]["f1"] > scores["naive"]["f1"]
    assert ev.evaluate(records[:5]) == ev.evaluate(records[:5])  # deterministic


def test_eval_gold_marks_and_missing_data(monkeypatch, capsys, tmp_path):
    ev = load_eval()
    text = "He said “a b” and ''c d'' then “e f"
    rec = {"text": text, "attributions": [{"source": None, "cue": None, "content": {"spans": [[0, len(text)]]}}]}
    assert [text[s:e] for (s, e), _, _ in ev.gold_quotes(rec)] == ["a b", "e f"]
    assert [text[s:e] for (s, e), _, _ in ev.gold_quotes(rec, apostrophe_pairs=True)] == ["a b", "c d", "e f"]
    monkeypatch.setattr(ev.config, "CORPORA_DIR", tmp_path / "absent")
    assert ev.main(["--split", "dev"]) == 2
    assert "not present" in capsys.readouterr().err


def test_eval_gold_carries_open_mark_across_pieces_and_naive_pairing():
    ev = load_eval()

    def gold(text, pieces):
        rec = {"text": text, "attributions": [{"source": None, "cue": None, "content": {"spans": pieces}}]}
        return [text[s:e] for (s, e), _, _ in ev.gold_quotes(rec)]

    # pieces given out of order, each with its own pair of marks
    text = "“We will act,” he said, “and we will win this.” Then"
    first, second = [0, text.index(" he")], [text.index("“and"), text.index(" Then")]
    assert gold(text, [second, first]) == ["We will act,", "and we will win this."]
    # a mark left open in the first piece carries into the second, resumed at its start
    split = "“We will act, he said, and win.”"
    assert gold(split, [[0, split.index(" he")], [split.index("and"), len(split)]]) == ["We will act,", "and win."]
    # an opening mark never closed in the content runs to its end
    assert gold("“Open and on", [[0, 12]]) == ["Open and on"]
    # naive: an opening mark pairs with the next closing mark, across “ and line breaks
    naive = 'a "b “c d” e\n\nf" g'
    assert [naive[s:e] for s, e in ev.naive_spans(naive)] == ["b “c d"]


def test_eval_marked_only_view_drops_block_and_apostrophe_quotes():
    ev = load_eval()
    text = "Jo Roe said:\n\nWe go home now, all of us.\n\n''No more,'' he said. “We stay here now,” she said."
    rec = {"text": text, "attributions": []}
    full = ev.evaluate([rec])["ours"]
    marked = ev.evaluate([rec], marked_only=True)["ours"]
    assert full["precision"] == 0.0 and marked["precision"] == 0.0  # no gold at all
    quotes = extract_quotes(text)
    kept = [q.text for q in quotes if ev._gold_marked(text, q, False)]
    assert kept == ["We stay here now,"]
    # read as marks only on request; then the view keeps them when '' counts
    quotes = extract_quotes(text, apostrophe_pairs=True)
    assert [q.text for q in quotes if ev._gold_marked(text, q, True)] == ["No more,", "We stay here now,"]


def test_eval_error_analysis_groups_mistakes_by_kind():
    ev = load_eval()
    text = "Jo Roe spoke. “We will stay here for good,” Al Poe said. “Go away now, all of you,” he said."
    first, second = text.index("We"), text.index("Go away")
    src = text.index("Jo Roe")
    rec = {"id": "t1", "text": text, "attributions": [
        {"source": {"spans": [[src, src + 6]], "text": "Jo Roe"}, "cue": None,
         "content": {"spans": [[first - 1, text.index(" Al")]]}},
        {"source": {"spans": [[src, src + 6]], "text": "Jo Roe"}, "cue": None,
         "content": {"spans": [[second - 1, text.index(" he said")]]}},
    ]}
    errors = ev.speaker_errors([rec])
    assert sorted(errors) == ["pronoun", "wrong mention"]
    assert "gold='Jo Roe' ours='Al Poe'" in errors["wrong mention"][0]
    assert ev.precision_errors([rec]) == {}  # every quoted word is gold
    report = ev.format_errors([rec], 1)
    assert "== wrong mention: 1" in report and "== pronoun: 1" in report


def test_eval_speed_reports_wall_and_cpu_rates(monkeypatch, tmp_path):
    import gzip
    import json

    ev = load_eval()
    with gzip.open(tmp_path / "allsides.jsonl.gz", "wt", encoding="utf-8") as fh:
        for i in range(3):
            fh.write(json.dumps({"text": f"“We will act now {i},” Jo Roe said."}) + "\n")
    monkeypatch.setattr(ev.config, "CORPORA_DIR", tmp_path)
    speed = ev.words_per_second(2)
    assert speed["articles"] == 2 and speed["words"] == 16  # 8 words each
    assert speed["words_per_second"] > 0 and speed["cpu_seconds"] >= 0


def _key_by_regex(sentence: str) -> str:
    """The sentence key as the docs define it, written with regular expressions."""
    s = sentence.replace("’", "").replace("'", "").lower()
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]|_", " ", s)).strip()


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
       | st.text(alphabet="ab ’'_-—“”.,ΣσςİIé\u0301\u00a0\x85\x1c\t", max_size=30))
def test_sentence_key_matches_its_definition(sentence):
    assert _sentence_key(sentence) == _key_by_regex(sentence)


_KEY_PIECES = (list("aB1_ .!?\"”’'‘“—–…,-\xa0\t\n\x0b\x1c\x00é") + ["Σ", "İ", "a b c d ", "Word. ", "don’t ", "don't "]
               + [end + mark + space for end in ".!?" for mark in ["", "’", "”", "“", "\"'", "—", "…"]
                  for space in [" ", "\xa0", "\x1c", ""]])
_KEY_TEXT = st.lists(st.sampled_from(_KEY_PIECES), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(_KEY_TEXT | st.none(), max_size=8))
@example(["a.\x1cb c d e", "We don't act now.’ Go home, all of you!\xa0a b c d"])
@example(["a b c d.” e f g h", "a b c d.— e f g h", "", "Ünï cödé. a b c d", None])
@example(['And we act—now. "Go." a b c d', 'a b c d." e f g h'])
def test_sentences_keyed_by_bytes_are_those_keyed_in_python(texts):
    """The numpy keying (ASCII and common marks) and the Python one for the rest find the same
    (row, key) pairs as :func:`_keyed_sentences` alone."""
    import numpy as np

    from analysis.voices import _keyed_sentences, _sentence_keys

    rows = np.arange(len(texts)) * 2 + 5
    for series in (pd.Series(texts, dtype=object), pd.Series(texts, dtype="str")):
        found, keys = _sentence_keys(series, rows)
        expected = sorted((row, key) for row, key, _ in _keyed_sentences(series, rows))
        assert sorted(zip(found.tolist(), keys)) == expected


def test_shared_quotations_of_parts_of_a_table_without_kinds_count_every_quote():
    from analysis.voices import shared_quotations_of_parts

    q = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["X", "Y", "Z"],
                      "text": ["Hi there.", "We will act on this now.", "We will act on this now!"]})
    pd.testing.assert_frame_equal(shared_quotations_of_parts(lambda: [q[:2], q[2:]]), shared_quotations(q))
    assert shared_quotations(q)["outlets"].tolist() == ["Y; Z"]


def test_shared_quotations_needs_distinct_outlets():
    q = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["X", "X", "Y"], "kind": ["direct"] * 3,
                      "text": ["We will act on this now.", "We will act on this NOW!", "Nothing in common here at all."]})
    assert shared_quotations(q).empty  # one outlet twice is not shared
    q.loc[2, "text"] = "we will act, on this now"
    (row,) = shared_quotations(q).itertuples(index=False)
    assert (row.n_outlets, row.outlets, row.n_articles, row.article_ids) == (2, "X; Y", 3, "a; b; c")
    assert row.sentence == "We will act on this now."


_WORDS = ["we", "will", "act", "now", "on", "this", "They", "said", "no"]
_quote_rows = st.lists(st.tuples(
    st.sampled_from(["X", "Y", "Z"]),
    st.sampled_from(["direct", "partial", "block", "scare"]),
    st.sampled_from([None, "Jo Roe", "Roe", "Al Poe", "Poe", "Bo Poe", "the ACLU"]),
    st.lists(st.sampled_from(_WORDS), min_size=3, max_size=6),
    st.sampled_from([". ", "! ", ", "]),
), max_size=30)


def _quote_frame(rows) -> pd.DataFrame:
    texts = [" ".join(words) + end + " ".join(reversed(words)) + "." for _, _, _, words, end in rows]
    return pd.DataFrame({"article_id": [f"a{i % 7}" for i in range(len(rows))], "outlet": [r[0] for r in rows],
                         "kind": [r[1] for r in rows], "speaker": pd.Series([r[2] for r in rows], dtype=object),
                         "n_words": [len(r[3]) * 2 for r in rows], "text": texts})


@settings(max_examples=150, deadline=None)
@given(_quote_rows, st.lists(st.integers(0, 30), max_size=4))
def test_voice_tables_made_part_by_part_equal_those_of_the_whole_table(rows, cuts):
    from analysis.voices import voice_tables_of_parts

    quotes = _quote_frame(rows)
    bounds = [0, *sorted(min(c, len(quotes)) for c in cuts), len(quotes)]

    def parts(columns):  # the table in pieces, some of them empty
        return (quotes[columns].iloc[a:b] for a, b in zip(bounds, bounds[1:]))

    speakers, shared = voice_tables_of_parts(parts, by="outlet", n=2)
    whole = top_speakers(normalise_speakers(quotes), by="outlet", n=2)
    if whole.empty:
        assert speakers.empty and list(speakers.columns) == list(whole.columns)
    else:
        pd.testing.assert_frame_equal(speakers, whole)
    pd.testing.assert_frame_equal(shared, shared_quotations(quotes))


def test_shared_quotations_of_parts_keeps_single_outlet_sentences_when_asked():
    from analysis.voices import shared_quotations_of_parts

    quotes = _quote_frame([("X", "direct", None, ["we", "will", "act", "now"], ". "),
                           ("Y", "direct", None, ["we", "will", "act", "now"], "! "),
                           ("Y", "direct", None, ["They", "said", "no", "no"], "! ")])
    for least in (1, 2):
        pd.testing.assert_frame_equal(shared_quotations_of_parts(lambda: [quotes[:1], quotes[1:]], least),
                                      shared_quotations(quotes, least))
    assert len(shared_quotations(quotes, 1)) > len(shared_quotations(quotes, 2)) > 0


def test_eval_gold_with_marks_left_outside_the_content_span():
    ev = load_eval()

    def gold(text, content, source=None, cue=None, **kw):
        def span(part):
            return {"spans": [[text.index(part), text.index(part) + len(part)]], "text": part} if part else None
        rec = {"text": text, "attributions": [{"source": span(source), "cue": span(cue), "content": span(content)}]}
        return [text[s:e] for (s, e), _, _ in ev.gold_quotes(rec, **kw)]

    said = '"We will win this," said Jo Poe.'
    assert gold(said, "We will win this,", "Jo Poe", "said") == []  # the README's reading: no mark in the span
    assert gold(said, "We will win this,", "Jo Poe", "said", marks_outside=True) == ["We will win this,"]
    # a transcript turn: the speaker's label and its colon (the source and cue) stand between mark and content
    turn = 'Transcript:\n\n"POE: We go home now. We stay there.\n\n"ROE: Why?"'
    assert gold(turn, "We go home now. We stay there.", "POE", ":", marks_outside=True) == ["We go home now. We stay there."]
    # a closing mark before the attribution opens nothing, straight or curly
    for text in ('"We act," he said, adding that the plan works.', "“We act,” he said, adding that the plan works."):
        assert gold(text, "the plan works", "he", "said, adding that", marks_outside=True) == []
    # nor does a title's mark inside the source, or a “ set before a space (a mark typed the wrong way round)
    assert gold("The ad, titled “Go,” says the plan works.", "the plan works", "The ad, titled “Go,”", "says",
                marks_outside=True) == []
    assert gold("the Mexicans —.“ He assumed a group was bad.", "a group was bad", "He", "assumed",
                marks_outside=True) == []
    # '' pairs read as marks only with apostrophe_pairs
    nyt = "''We act,'' Jo Poe said."
    assert gold(nyt, "We act,", "Jo Poe", "said", marks_outside=True) == []
    assert gold(nyt, "We act,", "Jo Poe", "said", marks_outside=True, apostrophe_pairs=True) == ["We act,"]


def test_eval_false_positive_places_tell_annotation_gaps_from_mistakes():
    ev = load_eval()
    text = ("Jo Roe wrote:\n\nWe will go home now, all of us together.\n\n"
            "“Stay here with us,” Al Poe said. Critics mocked the “safe” plan. “Leave it all,” Lu Ma said.")
    stay = text.index("Stay")
    rec = {"text": text, "attributions": [  # the annotator marked Al Poe's words only
        {"source": None, "cue": None, "content": {"spans": [[stay - 1, text.index(" Al")]]}}]}
    places = ev.false_positive_places([rec])
    # the block quote (9 words) and Lu Ma's quotation (3, found with a cue and a speaker) are
    # outside the gold; the scare quote "safe" is not counted by us at all
    assert places == {"block": 9, "mark outside": 0, "in content": 0, "partly in content": 0,
                      "unannotated": 3, "attributed": 12}
    table = ev.format_places(places)
    assert "12 (100.0%) in quotes we found a reporting cue and a speaker for" in table
    assert ev.format_places(dict.fromkeys(places, 0)).startswith("      0   0.0%")
