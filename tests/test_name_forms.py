"""One person's name forms merged across a corpus (analysis.name_forms), from quote counts."""
from __future__ import annotations

import pandas as pd

from analysis.name_forms import MAIN_SHARE, name_forms
from analysis.voices import normalise_speakers, top_speakers


def test_a_word_taken_into_the_mention_before_a_more_quoted_name_is_dropped():
    forms = name_forms({"Mitt Romney": 40, "Republican Mitt Romney": 3, "United Nations Nikki Haley": 2,
                        "Nikki Haley": 9})
    assert forms == {"Republican Mitt Romney": "Mitt Romney", "United Nations Nikki Haley": "Nikki Haley"}


def test_leading_words_with_a_given_name_are_part_of_the_name():
    # "John Paul Jones" is not Paul Jones, however often Paul Jones is quoted.
    assert name_forms({"Paul Jones": 50, "John Paul Jones": 4}) == {}
    # A less-quoted tail is not the main form either.
    assert name_forms({"Paul Jones": 1, "Senator Paul Jones": 4}) == {}


def test_middle_initials_and_short_given_names_join_the_main_form():
    forms = name_forms({"Chuck Schumer": 30, "Charles E. Schumer": 10, "Charles Schumer": 8,
                        "Donald Trump": 90, "Donald J. Trump": 5, "Donald John Trump": 1})
    assert forms == {"Charles E. Schumer": "Chuck Schumer", "Charles Schumer": "Chuck Schumer",
                     "Donald J. Trump": "Donald Trump", "Donald John Trump": "Donald Trump"}


def test_a_name_that_can_be_two_people_stays():
    # "George Bush" can be either; "George H.W. Bush" is not the plain form's main person.
    counts = {"George W. Bush": 50, "George H.W. Bush": 20, "George Bush": 10}
    assert name_forms(counts) == {}
    counts = {"George Bush": 100, "George W. Bush": 20, "George H.W. Bush": 30}
    assert name_forms(counts) == {}
    # Different given names are different people.
    assert name_forms({"Eric Trump": 5, "Erica Trump": 3}) == {}


def test_a_rare_rival_does_not_block_the_main_form():
    counts = {"Paul Ryan": 100, "Paul D. Ryan": 10, "Paul S. Ryan": 2}
    assert name_forms(counts)["Paul D. Ryan"] == "Paul Ryan"


def test_a_bare_surname_joins_the_name_that_holds_most_of_its_namesakes_quotes():
    counts = {"Donald Trump": 90, "Melania Trump": 5, "Ivanka Trump": 4, "Trump": 60,
              "Hillary Clinton": 60, "Bill Clinton": 30, "Clinton": 9}
    forms = name_forms(counts)
    assert forms["Trump"] == "Donald Trump"
    assert "Clinton" not in forms  # Bill Clinton holds a third of the Clintons' quotes


def test_the_share_threshold_decides():
    just_below = round(100 * (1 - MAIN_SHARE) / MAIN_SHARE) + 2  # rivals' quotes that take the main form under it
    assert name_forms({"Ann Vole": 100, "Bo Vole": just_below, "Vole": 5}) == {}
    assert name_forms({"Ann Vole": 100, "Bo Vole": 1, "Vole": 5}) == {"Vole": "Ann Vole"}


def test_words_that_are_not_surnames_stay():
    counts = {
        "HHS": 8, "Bush HHS": 5,  # an acronym is an organisation
        "one": 12, "The question one": 1,  # lower case: no name
        "Pew": 56, "Penny Pew": 1,  # far more quoted than the one name ending in it
        "Post": 20, "Washington Post": 40,  # not a person
    }
    assert name_forms(counts) == {}


def test_a_unique_full_name_still_takes_its_surname():
    assert name_forms({"Anthony Romero": 3, "Romero": 2}) == {"Romero": "Anthony Romero"}


def test_forms_chain_to_the_main_form():
    forms = name_forms({"Donald Trump": 50, "Donald J. Trump": 5, "Republican Donald J. Trump": 2, "Trump": 9})
    assert forms == {"Donald J. Trump": "Donald Trump", "Republican Donald J. Trump": "Donald Trump",
                     "Trump": "Donald Trump"}


def test_top_speakers_count_one_person_once():
    speakers = ["Donald Trump"] * 6 + ["Trump", "Donald J. Trump", "Melania Trump", None]
    quotes = pd.DataFrame({"outlet": "X", "kind": "direct", "speaker": speakers, "n_words": [5] * 8 + [2, 3]})
    top = top_speakers(normalise_speakers(quotes))
    assert top[["speaker", "n_quotes", "n_words"]].values.tolist() == [["Donald Trump", 8, 40], ["Melania Trump", 1, 2]]


def test_descriptions_that_differ_only_in_their_article_case_are_one_form():
    forms = name_forms({"the report": 30, "The report": 12, "A senior official": 4, "a senior official": 9,
                        "The Report Card": 2, "the": 1})
    assert forms == {"The report": "the report", "A senior official": "a senior official"}
    # the case of the words after the article still tells forms apart ("The Report Card" is a title)
    assert name_forms({"The Times": 5, "the Times": 2, "the times": 1}) == {"the Times": "The Times"}
