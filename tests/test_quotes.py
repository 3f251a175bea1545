"""Quotation extraction: marks, kinds, blocks, measures, and the seed articles."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import config
from analysis.quotes import Quote, article_quote_stats, extract_quotes, quote_share

RAW = config.RAW_DIR


def kinds(text: str) -> list[tuple[str, str]]:
    return [(q.text, q.kind) for q in extract_quotes(text)]


def seed(prefix: str) -> str:
    path = next(RAW.glob(prefix + "_*.txt"))
    return path.read_text(encoding="utf-8")


def test_curly_and_straight_double_quotes():
    assert kinds('“We are ready to act now,” Jane Roe said.') == [("We are ready to act now,", "direct")]
    assert kinds('"We are ready to act now," Jane Roe said.') == [("We are ready to act now,", "direct")]


def test_apostrophes_are_not_marks():
    text = "They’re sure it is harm’s way, said A'Beuy of the officers’ union. ‘Go home,’ he said."
    assert [q.text for q in extract_quotes(text)] == ["Go home,"]


def test_markup_attribute_values_are_not_quotations():
    text = ('She said it twice. <tweet author="jroe" tweet_id="7781">It’s done.</tweet> '
            '<a href="https://example.org/a-b">Read</a> “We go,” Jo Poe said.')
    assert kinds(text) == [("We go,", "direct")]
    # an unclosed value ends at its line: the next paragraph's quotation is still read
    assert kinds('<img alt="broken\n\n“We go,” Jo Poe said.') == [("We go,", "direct")]


def test_nested_single_quote_stays_inside():
    text = '“People who ‘look’ like immigrants are stopped,” the ACLU wrote.'
    qs = extract_quotes(text)
    assert [q.text for q in qs] == ["People who ‘look’ like immigrants are stopped,"]
    assert qs[0].speaker == "ACLU"


def test_curly_marks_nest_inside_straight_ones_and_the_reverse():
    text = '"The mayor called it “a mess,” and we agree," Jo Poe said.'
    (q,) = extract_quotes(text)
    assert (q.text, q.kind, q.speaker) == ("The mayor called it “a mess,” and we agree,", "direct", "Jo Poe")
    text = '“The mayor called it "a mess," and we agree,” Jo Poe said.'
    (q,) = extract_quotes(text)
    assert (q.text, q.speaker) == ('The mayor called it "a mess," and we agree,', "Jo Poe")


def test_nesting_is_undone_when_the_outer_quote_never_closes():
    # The straight mark was left open: the curly quotation is a quotation of its own.
    text = 'He wrote "the plan. “We will win,” Jo Poe said.\n\nNext.'
    assert "We will win," in [q.text for q in extract_quotes(text)]
    # A doubled opening mark is one mark, not a quotation inside another.
    (q,) = extract_quotes('"“We will win,” Jo Poe said.')
    assert q.text == "We will win," and q.speaker == "Jo Poe"


def test_nesting_in_a_quotation_that_runs_over_paragraphs_degrades_to_pieces():
    # Nesting is kept only when the outer quotation closes in its paragraph (a
    # long excerpt of another outlet's text is not swallowed whole); here the
    # quoted words are still found, in pieces.
    text = 'Jo Poe wrote:\n\n"The rule is not about “fairness” at all.\n\n"It is about power."\n\nAfter.'
    texts = [q.text for q in extract_quotes(text)]
    assert "The rule is not about" in texts and "It is about power." in texts


def test_opening_curly_mark_typed_for_a_closing_one():
    qs = extract_quotes("“We will not back down,“ said Jo Poe, the mayor. “Never again, not once.”")
    assert [(q.text, q.speaker) for q in qs] == [("We will not back down,", "Jo Poe"), ("Never again, not once.", "Jo Poe")]


def test_multi_paragraph_quote_opens_each_paragraph():
    text = "They wrote:\n\n“First part of the quote.\n\n“Second part ends here.”\n\nAfter."
    qs = extract_quotes(text)
    assert len(qs) == 1
    assert qs[0].text.startswith("First part") and qs[0].text.endswith("ends here.")
    assert qs[0].kind == "direct"


def test_interrupted_quote_shares_speaker():
    text = "Anthony Romero spoke. “All these people,” he continued. “That’s an operation they can do.”"
    qs = extract_quotes(text)
    assert [q.speaker for q in qs] == ["Anthony Romero", "Anthony Romero"]
    assert [q.cue for q in qs] == ["continued", "continued"]


@pytest.mark.parametrize("text", ['“Unclosed and runs on', 'Stray close” here', '“a” “', '‘’“”', '"' * 7, "''''"])
def test_unbalanced_marks_degrade(text):
    qs = extract_quotes(text)
    for q in qs:
        assert text[q.start : q.end] == q.text


def test_unclosed_mark_runs_to_paragraph_end():
    qs = extract_quotes("He said: “We will not stop here\n\nNext paragraph.")
    assert [q.text for q in qs] == ["We will not stop here"]


def test_block_quote_after_said_colon_strips_editor_note():
    text = "Jane Roe said:\n\nWe will keep the shelters open all winter. [Emphasis added]\n\nShe left."
    (q,) = extract_quotes(text)
    assert (q.kind, q.text, q.speaker, q.cue) == ("block", "We will keep the shelters open all winter.", "Jane Roe", "said")


def test_colon_without_cue_is_not_a_block():
    assert extract_quotes("Ingredients:\n\nFlour, water and salt in a bowl.") == []


def test_a_colon_after_a_verb_of_thought_or_a_plural_noun_is_not_a_block():
    # The writer's own paragraph or list follows, not someone's words.
    assert extract_quotes("That is what the party hopes is happening:\n\nVoters are tired of it all.") == []
    assert extract_quotes("The poll raises three questions:\n\nWhy did turnout fall so far?") == []
    # Another cue in the colon's sentence: her words follow.
    text = "Ann Lee explains that, for her, what Lee believes is abuse:\n\nI am sickened by what they did."
    assert [(q.kind, q.speaker) for q in extract_quotes(text)] == [("block", "Ann Lee")]
    # A thought verb before a speech verb: 'felt he had to comment, saying:'
    text = "Jo Poe felt he had to comment, saying:\n\nIt is right for me to say a word here."
    assert [(q.kind, q.speaker) for q in extract_quotes(text)] == [("block", "Jo Poe")]


def test_an_excerpt_introduced_by_its_source_is_a_block():
    body = "\n\nThe measure would require checks for anyone who buys ammunition in the state."
    for intro, source in [("Newsom has a plan. More from the Daily Planet:", "Daily Planet"),
                          ("From Reuters:", "Reuters"), ("Here’s Jo Poe with more on that:", "Jo Poe"),
                          ("It is politics as usual, via the Courier:", "Courier"), ("The Courier has more:", "Courier")]:
        assert [(q.kind, q.speaker) for q in extract_quotes(intro + body)] == [("block", source)], intro
    # No source: a place the subject came from, a lower-case word, a pronoun.
    # Nor does a source that is followed by more of the sentence.
    for intro in ("Jo Poe came from Texas:", "From there:", "It has more:", "Here is the list:",
                  "From Monday until the end of June:", "From Jo Poe to the mayor, the list is long:"):
        assert extract_quotes(intro + body) == [], intro


def test_a_paragraph_ending_in_a_colon_is_no_block():
    # The first line introduced something the page no longer holds (an embedded post).
    text = "From the Daily Planet:\n\nFrom the Democratic candidate Jo Poe:\n\nWe will cut the tax on homes."
    assert [(q.text, q.speaker) for q in extract_quotes(text)] == [("We will cut the tax on homes.", "Jo Poe")]


def test_a_block_needs_its_cue_in_the_colons_sentence():
    # The cue of an earlier sentence does not make "There's more:" an intro.
    text = "Only a few voters agree with him. There’s more:\n\nThe plan would cost ten billion dollars a year."
    assert extract_quotes(text) == []
    text = "Jo Poe said something similar. He thinks the senator will win:\n\nHe is where the base is right now."
    assert extract_quotes(text) == []
    # "He continued:" is its own sentence, and the speaker is still the earlier one's.
    text = "“We are close,” Jo Poe said at the meeting. He continued:\n\nWe want more money for the schools."
    assert [(q.kind, q.speaker) for q in extract_quotes(text)] == [("direct", "Jo Poe"), ("block", "Jo Poe")]
    # Within one sentence the reporting clause decides: a fragment after "said he believes" is partial.
    text = "Jo Poe said on Monday that he believes “the whole plan is a grave mistake” and left."
    assert [(q.kind, q.speaker) for q in extract_quotes(text)] == [("partial", "Jo Poe")]
    # "No. 49" and "v. Lynch" are abbreviations, not sentence ends.
    text = "As Ann Lee wrote in Federalist No. 49:\n\nThe experiments are of too ticklish a nature."
    assert [(q.kind, q.speaker) for q in extract_quotes(text)] == [("block", "Ann Lee")]
    text = "Judge Ann Lee wrote in Smith v. Jones:\n\nThere is an elephant in the room with us today."
    assert [(q.kind, q.speaker) for q in extract_quotes(text)] == [("block", "Ann Lee")]


def test_scare_quotes_and_titles():
    assert kinds("The so-called ‘sanctuary’ jurisdictions, and the “safety” of all.") == [
        ("sanctuary", "scare"), ("safety", "scare")]
    assert kinds("She spoke on “The Rachel Maddow Show” last week.") == [("The Rachel Maddow Show", "scare")]
    assert quote_share("The ‘sanctuary’ rule.") == 0.0


def test_partial_quote_after_framing_cue():
    text = "The ACLU called the deal “one of the worst programs” in the state."
    (q,) = extract_quotes(text)
    assert q.kind == "partial" and q.speaker == "ACLU"
    assert extract_quotes("Critics called it “a disaster” on Monday.")[0].kind == "partial"


def test_titles_after_titled_or_a_broadcast_of_are_scare_quotes():
    assert extract_quotes("The ad, titled “Arrogant,” says Jo Poe is rich.")[0].kind == "scare"
    text = "On this week’s broadcast of “Fox News Sunday,” Gov. Jo Poe said it was over."
    assert extract_quotes(text)[0].kind == "scare"
    # A quotation after a comma and a cue is still one.
    assert extract_quotes("“Arrogant and rich,” Jo Poe said of the ad.")[0].kind == "direct"


def test_short_fragment_in_reported_speech_is_partial():
    text = "Jo Poe said the mayor was reduced to “taunts and insults” after the vote."
    (q,) = extract_quotes(text)
    assert q.kind == "partial" and q.speaker == "Jo Poe"
    # "according to" reports too; a cue in the previous sentence does not reach the fragment.
    assert extract_quotes("According to Jo Poe, the deal is “a dud” now.")[0].kind == "partial"
    assert extract_quotes("Jo Poe said so. The “reform” is new.")[0].kind == "scare"
    # A title stays a title even in reported speech.
    assert extract_quotes("Jo Poe said she reads “The Daily Planet” at home.")[0].kind == "scare"


def test_double_apostrophe_archive_marks_are_opt_in():
    text = "''Jobs, jobs, jobs,'' Mrs. Clinton said. It's the ''crisis,'' he said."
    (q, _) = extract_quotes(text, apostrophe_pairs=True)
    assert q.text == "Jobs, jobs, jobs," and q.kind == "direct" and q.speaker == "Clinton"
    # By default a '' pair is no mark, and never two single quotes either.
    assert extract_quotes(text) == []
    assert quote_share("''Go,'' she said. ‘Stop,’ he said.") == pytest.approx(1 / 6)


def test_quote_share_and_stats():
    text = "“We will act now,” Jane Roe said. “Not me,” said Tim Poe. The end came."
    qs = extract_quotes(text)
    assert quote_share(text, qs) == pytest.approx(6 / 15)
    stats = article_quote_stats(text, qs)
    assert stats["n_quotes"] == 2 and stats["n_speakers"] == 2
    assert article_quote_stats(text, qs, n_words=15) == stats  # a known word count is used as it is
    assert article_quote_stats(text, qs, n_words=30)["quote_share"] == pytest.approx(6 / 30)
    assert stats["top_speaker_share"] == pytest.approx(4 / 6)
    assert math.isnan(article_quote_stats("No quotes here.")["top_speaker_share"])
    assert quote_share("") == 0.0 and quote_share("“…”") == 0.0


def test_quote_share_counts_only_words_inside_spans():
    text = "ab cd ef"
    assert quote_share(text, [Quote(1, 5, "b cd", "direct")]) == pytest.approx(1 / 3)


# ---- seeds ---------------------------------------------------------------


def test_seed_000_two_block_quotes_without_editor_note():
    text = seed("000")
    blocks = [q for q in extract_quotes(text) if q.kind == "block"]
    assert len(blocks) == 2
    assert all("Emphasis added" not in q.text and q.speaker == "Anthony Romero" for q in blocks)
    assert blocks[0].text.startswith("For instance") and blocks[1].text.endswith("game plan for this.")


def test_seed_002_multi_paragraph_quote():
    text = seed("002")
    qs = [q for q in extract_quotes(text) if q.text.startswith("ICE cultivated")]
    assert len(qs) == 1
    assert "Rather than providing" in qs[0].text and qs[0].text.endswith("deport them.")
    assert qs[0].speaker == "ACLU"
    safety = [q for q in extract_quotes(text) if q.text == "safety"]
    assert safety and safety[0].kind == "scare"


def test_seed_003_scare_and_inverted_said():
    qs = extract_quotes(seed("003"))
    assert [q.kind for q in qs if q.text == "sanctuary"] == ["scare"]
    (q,) = [q for q in qs if q.text.startswith("The left-wing politicians")]
    assert (q.speaker, q.cue) == ("Reed D. Rubenstein", "said")
    letter = [q for q in qs if q.text.startswith("We have identified")][0]
    assert letter.speaker == "the letter"


def test_seed_001_pronouns_resolve():
    text = seed("001")
    qs = extract_quotes(text)
    first = qs[0]
    assert first.speaker == "Anthony Romero" and text[first.speaker_start : first.speaker_end] == "he"
    assert qs[-1].speaker == "Tom Homan"


# ---- properties ----------------------------------------------------------

MARKY = st.lists(
    st.sampled_from(list("ab ’'‘“”\"«».,:\n[]") + ["said", "He ", " Jo Roe ", "''", ":\n\n", " said:\n"]), max_size=60
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200), MARKY))
def test_never_raises_and_spans_are_consistent(text):
    qs = extract_quotes(text)
    last_end = -1
    for q in qs:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.start >= last_end
        last_end = q.end
        assert q.kind in {"direct", "partial", "block", "scare"}
        if q.speaker_start is not None:
            assert 0 <= q.speaker_start < q.speaker_end <= len(text)
    assert 0.0 <= quote_share(text, qs) <= 1.0


def test_odd_inputs():
    for text in ["", "   ", "🙂“😀”🙂", "\u202eمرحبا “سلام” said he", "\x00\x01“\x02”", "word " * 5000 + "“" + "x " * 1000]:
        qs = extract_quotes(text)
        assert 0.0 <= quote_share(text, qs) <= 1.0


def test_titles_of_shows_and_books_are_not_quotations_even_with_a_cue():
    text = "Speaking on ABC’s “Meet the Voters,” Jo Roe said the plan was good."
    assert kinds(text) == [("Meet the Voters,", "scare")]
    text = "She is the author of “The Long Road Home” and said little."
    assert kinds(text) == [("The Long Road Home", "scare")]
    # Title Case words that someone is quoted as saying are still a quotation
    assert kinds("“Stop The Vote Now,” Jo Roe said.") == [("Stop The Vote Now,", "direct")]


def test_a_title_after_a_word_naming_a_work_and_a_comma_or_called_is_not_a_quotation():
    assert kinds("In her 2018 book, “Becoming,” she recounted the work.") == [("Becoming,", "scare")]
    assert kinds("The campaign released a video called “Your Turn” on Monday.") == [("Your Turn", "scare")]
    # a final ? or !, a subtitle after a colon, small words kept lower case
    assert kinds("His new study, “Is Solar the Next Shale?”, says costs fall.")[0][1] == "scare"
    text = "In his book, “Inventing Victims: Why campuses stage hate,” Al Roe argues it is rare."
    assert kinds(text)[0][1] == "scare"
    assert kinds("Her Atlantic piece, “The Crime against America,” drew replies.")[0][1] == "scare"
    # words quoted in sentence case after such a word are still a quotation, or a partial one
    assert kinds("In his speech, “we will not stop until we win,” Jo Roe said.")[0][1] == "direct"
    assert kinds("Jo Roe called the book “a disgrace” on Monday.")[0][1] == "partial"
    # the work as the topic of a question, then a reply said by someone (found by fuzzing)
    assert kinds("Asked about the report, “Nonsense,” Al Poe said.")[0][1] == "direct"
    assert kinds("Of the ad, “Disgusting,” the senator said.")[0][1] == "direct"


def test_words_named_as_words_are_scare_quotes_unless_someone_used_them():
    assert kinds("Jo Roe is wrong. The term “anchor baby” is a slur.") == [("anchor baby", "scare")]
    assert kinds("Search terms like “AR-15” and “revolver” give nothing.") == [("AR-15", "scare"), ("revolver", "scare")]
    # someone's words: a possessive, a verb of using, or a sentence that reports speech
    assert kinds("He was, in Roe’s words, “a man of the people.”")[0][1] == "partial"
    assert kinds("It is a slow job — in other words, “a long haul for everyone.”")[0][1] != "scare"
    assert kinds("Critics faulted Al Poe for using the term “superpredator” in 1996.")[0][1] == "partial"
    assert kinds("Jo Roe said the words “radical change” twice.")[0][1] == "partial"
    # a short fragment whose owner is named is someone's words, even with no cue in its sentence
    assert kinds("In his words, “we are done.”")[0][1] == "partial"
    assert kinds("He used the phrase “deep state” at the rally.")[0][1] == "partial"
    # "short-term" is no noun for words
    from analysis.quotes import _words_owned
    from analysis.speakers import DEFAULT_CUES

    assert _words_owned("A short-term “", 13, DEFAULT_CUES) is None


def test_a_title_after_titled_and_a_comma_is_a_title_whatever_its_case():
    text = "The Post ran a piece titled, “The plan is over and done with,” on Monday."
    assert kinds(text) == [("The plan is over and done with,", "scare")]


# Credit lines: the speaker's name on its own line under (or over) a quotation paragraph.

def _speakers(text):
    return [(q.text[:12], q.speaker) for q in extract_quotes(text) if q.kind in ("direct", "partial", "block")]


def test_a_round_up_credits_each_quotation_on_the_line_under_it():
    text = ("From the Right\n\nThe right welcomes the ruling and criticizes the agency.\n\n"
            "“The agency overreached, and the court said so plainly.”\n\nAnn Vole, Harbor Review\n\n"
            "“This is a win for every small farmer in the state.”\n\nEditorial Board, Daily Planet\n\n"
            "From the Left\n\nThe left worries about the water supply.")
    assert _speakers(text) == [("The agency o", "Ann Vole"), ("This is a wi", "Daily Planet")]


def test_a_list_with_the_name_over_each_quotation_reads_downwards():
    text = ("We asked two analysts what comes next.\n\n"
            "Tad Hollis, former Senate aide\n\n\"The deal will pass, but only just, and late.\"\n\n"
            "Mira Quan, policy analyst, Guggenheim\n\n\"Nobody wants a second shutdown this winter.\"\n\n"
            "The vote is on Friday.")
    assert _speakers(text) == [("The deal wil", "Tad Hollis"), ("Nobody wants", "Mira Quan")]


def test_a_dashed_credit_under_an_epigraph_names_its_speaker():
    text = ("“They are only the best of what exists, and that is enough.”\n\n"
            "— Jonah Safran, Everything Is Lit\n\nEvery year the prizes come round.")
    assert _speakers(text) == [("They are onl", "Jonah Safran")]


def test_a_single_undashed_name_line_after_a_quotation_is_not_read_as_its_credit():
    # One quotation and one line: a heading of what follows as likely as a credit.
    text = ("Mayor Ann Lee spoke at noon about the bridge.\n\n"
            "“Nobody will pay more for it.”\n\nDavid Pecker, Barry Levine and others\n\nThe tabloid deal came later.")
    assert [s for _, s in _speakers(text)] != ["David Pecker"]


def test_a_live_blog_byline_does_not_take_the_quotation_from_its_speaker():
    text = ("Tlaib sparred with Meadows on Wednesday.\n\n"
            "\"Just because someone works for you does not mean you are fair,\" Tlaib said.\n\n"
            "\"And it is insensitive that someone would even do that here.\"\n\n— Tal Axel, The Hill\n\nNext entry.")
    assert [s for _, s in _speakers(text)] == ["Tlaib", "Tlaib"]


def test_a_round_up_paragraph_led_by_others_note_takes_the_credit_under_it():
    # "Others" stands for the writer the credit line names; a credit above belongs to the quotation above.
    text = ("From the Left\n\n“The bill fixes what the courts left broken.”\n\nAnn Vole, Harbor Review\n\n"
            "Others note that “the bill leaves the hardest cases to the states.”\n\nCara Moss, Daily Planet\n\n"
            "Some, however, argue, “It changes nothing for the voters who need it most.”\n\n"
            "Ted Lark, Weekly Ledger\n\n"
            "Still others wait for the vote.")
    expected = [("The bill fix", "Ann Vole"), ("the bill lea", "Cara Moss"), ("It changes n", "Ted Lark")]
    assert _speakers(text) == expected


def test_a_lead_in_paragraph_reads_downwards_whatever_the_run_starts_with():
    # The run starts with a credit (of the paragraph above, which holds more than its quotation)
    # and ends with a quotation: without a lead-in it would read upwards.
    text = ("Analysts differ.\n\nAs one put it, “the cost is real,” and “the gain is small” too.\n\n"
            "Ann Vole, Harbor Review\n\nMany argue that “the tariff will cost farmers their best market.”\n\n"
            "Cara Moss, Daily Planet\n\nOthers note that “the tariff is the only lever left.”\n\n"
            "The vote is on Friday.")
    speakers = dict(_speakers(text))
    assert speakers["the tariff w"] == "Cara Moss"
    assert speakers["the tariff i"] != "Cara Moss"


def test_a_lead_in_that_names_its_speaker_keeps_it():
    text = ("“The bill fixes what the courts left broken.”\n\nAnn Vole, Harbor Review\n\n"
            "Jo Poe said that “the bill leaves the hardest cases to the states.”\n\nCara Moss, Daily Planet")
    assert dict(_speakers(text))["the bill lea"] == "Jo Poe"


def test_a_sentence_about_a_person_is_no_credit_line_and_no_credit_passes_on():
    text = ("“It is totally unrelated to the campaign and always was.”\n\n"
            "Rudy Giuliani, the lawyer, echoed that.\n\n"
            "“We reject this.”\n\nAnn Vole, Harbor Review\n\n“It changes nothing for the voters.”\n\nCara Moss, Daily Planet")
    speakers = dict(_speakers(text))
    assert speakers["It is totall"] != "Rudy Giuliani"
    assert speakers["We reject th"] == "Ann Vole" and speakers["It changes n"] == "Cara Moss"
