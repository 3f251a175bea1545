"""Tests for analysis.clean (with analysis.boilerplate and analysis.comments)."""
from __future__ import annotations

import datetime
import gzip
import itertools
import json
import re
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import config
from analysis.boilerplate import ALL_REASONS
from analysis.clean import CleanArticle, Comment, clean_article, normalize_text
from analysis.tokens import WORD_RE

SEEDS_DIR = config.SHARED_DIR / "seeds"
if not SEEDS_DIR.exists():
    SEEDS_DIR = config.RAW_DIR
needs_seeds = pytest.mark.skipif(not (SEEDS_DIR / "000_67424bb034ea768d.txt").exists(),
                                 reason="seed articles not present in ../shared/seeds or data/raw")
ALLSIDES = config.CORPORA_DIR / "allsides.jsonl.gz"
needs_allsides = pytest.mark.skipif(not ALLSIDES.exists(),
                                    reason="../shared/corpora/allsides.jsonl.gz not present")


def seed(prefix: str) -> str:
    return next(SEEDS_DIR.glob(prefix + "_*.txt")).read_text(encoding="utf-8")


def chars_of(text: str) -> Counter[str]:
    return Counter(c for c in text if not c.isspace())


def assert_nothing_lost(raw: str, art: CleanArticle) -> None:
    """Every non-space character of the (normalised) input is in text, removed, title, kicker or
    comments (characters, not words: a glued kicker "FIRSTA" is split into two pieces)."""
    kept = [art.text, art.title or "", art.kicker or "", *(seg for seg, _ in art.removed),
            *(c.text for c in art.comments)]
    missing = chars_of(normalize_text(raw)) - chars_of("\n".join(kept))
    assert not missing, f"characters lost: {list(missing.items())[:10]}"


def assert_invariants(raw: str) -> CleanArticle:
    art = clean_article(raw)
    assert isinstance(art.text, str)
    assert clean_article(art.text).text == art.text, "not idempotent"
    assert "\n\n\n" not in art.text and art.text == art.text.strip()
    assert "  " not in art.text and "\u200b" not in art.text and "\u00a0" not in art.text
    assert all(why in ALL_REASONS for _, why in art.removed)
    assert_nothing_lost(raw, art)
    return art


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", normalize_text(s)).strip()


# ---------------------------------------------------------------- seeds
SEED_BODY = {
    "000": ["The far-left American Civil Liberties Union (ACLU) is advising cities and states",
            "Some 11 to 22 million illegal aliens reside in the United States today — almost 1.5 million",
            "where are you going to house all of these folks. [Emphasis added]",
            "“It’s not okay to hire an illegal alien.”"],
    "001": ["The far-left American Civil Liberties Union stated they have a plan",
            "Romero proceed to outline how Trump’s administration would try to deport illegal aliens.",
            "“He’s willing to go to jail, I’m willing to put him in jail.”"],
    "002": ["The ACLU is making a push with Democratic Joe Biden",
            "“ICE cultivated relationships with local law enforcement agencies across the nation – using",
            "enable [illegal aliens] to navigate the immigration system"],
    "003": ["A conservative legal group is putting US ‘sanctuary’ jurisdictions on notice",
            "But a number of Democratic officials in Arizona, Colorado, California and Massachusetts",
            "message from AFL A letter to the 249 officials",
            "Fox News reported this month on new data provided to Congress"],
    "004": ["Writing to the Department of Homeland Security, the American Civil Liberties Union",
            "ACLU policy counsel Chris Rickerd argues that “287(g) has long been",
            "It is worth noting that the ACLU has not made any legal challenges"],
}
SEED_BOILERPLATE = {
    "000": ["date 2024-12-19", "is a reporter for Breitbart News", "Email him", "Follow him on Twitter"],
    "001": ["date 2024-12-20", "(Maire Clayton, Headline USA)", "pic.twitter.com", "@ArchKennedy",
            "shielding them from…"],
    "002": ["ACLU making push to free", "WASHINGTON, DC", "private family of first responders",
            "LET Unity", "Submit a Correction", "Related Posts", "Click to check it out"],
    "003": ["ON FOX FIRST", "AP Photo", "Rick Scooteri", "REVERE, MA.", "Staff photo by",
            "CLICK HERE", "FOX NEWS APP"],
    "004": ["ACLU Requests Federal Government", "Robert A'Beuy", "November 13, 2017", "webkilla",
            "perps", "Alien Center for Law Undermining"],
}
# Lines of the raw seeds that are boilerplate (matched by a fragment of each line).
SEED_BOILERPLATE_LINES = {k: v + ["shielding them from"] for k, v in SEED_BOILERPLATE.items()}


@needs_seeds
@pytest.mark.parametrize("key", sorted(SEED_BODY))
def test_seed_body_kept_and_boilerplate_removed(key: str) -> None:
    raw = seed(key)
    art = assert_invariants(raw)
    for sentence in SEED_BODY[key]:
        assert sentence in art.text, sentence
    for fragment in SEED_BOILERPLATE[key]:
        assert fragment not in art.text, fragment


@needs_seeds
@pytest.mark.parametrize("key", sorted(SEED_BODY))
def test_seed_every_prose_paragraph_survives(key: str) -> None:
    raw = seed(key)
    art = clean_article(raw)
    prefixes = [seg for seg, why in art.removed if why in ("header", "byline", "dateline", "kicker")]
    body = raw.split("\n  1. ")[0]  # seed 004's comment thread starts at the first numbered item
    for line in body.split("\n"):
        line = norm(line)
        if not line or any(frag in line for frag in SEED_BOILERPLATE_LINES[key]
                           if frag not in ("date 2024-12-19", "date 2024-12-20", "WASHINGTON, DC",
                                           "ON FOX FIRST", "(Maire Clayton, Headline USA)")):
            continue
        for prefix in prefixes:
            if line.startswith(prefix):
                line = line[len(prefix):].strip()
        assert line in art.text.split("\n\n"), line


@needs_seeds
def test_seed_metadata() -> None:
    a0, a1, a2, a3, a4 = (clean_article(seed(k)) for k in ("000", "001", "002", "003", "004"))
    assert a0.date == datetime.date(2024, 12, 19) and a0.author == "John Binder"
    assert a1.date == datetime.date(2024, 12, 20) and a1.author == "Maire Clayton"
    assert a2.title and a2.title.startswith("ACLU making push to free 30 thousand")
    assert a2.text.startswith("The ACLU is making a push")
    assert a3.kicker == "ON FOX FIRST" and a3.text.startswith("A conservative legal group")
    assert a4.title == "ACLU Requests Federal Government To End Cooperation Between Local Police And ICE"
    reasons = {why for _, why in a1.removed}
    assert {"header", "byline", "embedded tweet"} <= reasons
    assert Counter(why for _, why in a3.removed)["photo caption"] == 2
    assert {"membership pitch", "correction link", "related links"} <= {w for _, w in a2.removed}


@needs_seeds
def test_seed_comment_thread() -> None:
    art = clean_article(seed("004"))
    cs = art.comments
    assert len(cs) == 16
    assert all(isinstance(c, Comment) for c in cs)
    assert cs[0].author == "Robert A'Beuy" and cs[0].depth == 0
    assert cs[0].timestamp == datetime.datetime(2017, 11, 13, 12, 52)
    assert cs[0].text.startswith("Fine, have the local police")
    assert [c.depth for c in cs[:4]] == [0, 0, 1, 2]
    assert cs[3].timestamp == datetime.datetime(2017, 11, 14, 15, 53)  # 3:53 pm
    assert sum(c.text == "" for c in cs) == 3  # three comments have no text
    assert "And this is no longer solely a Democrat platform" in cs[9].text  # two-line comment
    assert [why for _, why in art.removed].count("comment thread") == 1
    assert art.text.endswith("it is simply a request.")


@needs_seeds
def test_seed_no_paragraph_repeated() -> None:
    for key in SEED_BODY:
        paras = clean_article(seed(key)).text.split("\n\n")
        assert len(paras) == len(set(paras))


# ---------------------------------------------------------------- short cases
@pytest.mark.parametrize("raw, date, body", [
    ("date 2021-03-04 The board met on Monday.\n\nIt voted.", datetime.date(2021, 3, 4),
     "The board met on Monday."),
    ("date 2021-02-30 Odd date here.", None, "Odd date here."),
])
def test_header(raw: str, date: datetime.date | None, body: str) -> None:
    art = assert_invariants(raw)
    assert art.date == date and art.text.startswith(body)
    assert art.removed[0][1] == "header"


@pytest.mark.parametrize("raw, body", [
    ("CHICAGO, IL – The mayor spoke.", "The mayor spoke."),
    ("WASHINGTON, DC — Congress adjourned.", "Congress adjourned."),
    ("SPRINGFIELD, Mass. — A fire broke out.", "A fire broke out."),
    ("NEW YORK (Reuters) - Stocks fell.", "Stocks fell."),
    ("EL PASO, Texas (AP) — Crowds gathered.", "Crowds gathered."),
    ("CHICAGO — Schools reopened.", "Schools reopened."),
])
def test_dateline_dropped_sentence_kept(raw: str, body: str) -> None:
    art = assert_invariants(raw)
    assert art.text == body
    assert [why for _, why in art.removed] == ["dateline"]


@pytest.mark.parametrize("raw", [
    "ICE — the agency — said it would comply.",
    "ACLU — a rights group — sued.",
    "FILE - In this photo the mayor speaks.",
])
def test_short_acronym_is_not_a_dateline(raw: str) -> None:
    assert clean_article(raw).text == raw


@pytest.mark.parametrize("raw, kicker, body", [
    ("ON AIR FIRSTA judge ruled on Friday.", "ON AIR FIRST", "A judge ruled on Friday."),
    ("EXCLUSIVEThe senator said no.", "EXCLUSIVE", "The senator said no."),
    ("BREAKING NEWSIt was late.", "BREAKING NEWS", "It was late."),
    ("EXCLUSIVE: The senator said no.", "EXCLUSIVE", "The senator said no."),
    ("EXCLUSIVE — The senator said no.", "EXCLUSIVE", "The senator said no."),
    ("UPDATE: Police have reopened the road.", "UPDATE", "Police have reopened the road."),
])
def test_kicker(raw: str, kicker: str, body: str) -> None:
    art = assert_invariants(raw)
    assert (art.kicker, art.text) == (kicker, body)


@pytest.mark.parametrize("raw", [
    "ACLU policy counsel Jane Roe argued the point.",
    "ICE agents arrested 12 people.",
    "FBI Director Jane Roe said no.",
    "NASA officials said the launch slipped.",
    "US NASA officials said the launch slipped.",
    "MSNBCs host said so.",
    "USAToday reported it.",
    "AMY GOODMAN: Welcome to the show.",
    "I think this is right.",
])
def test_acronym_openings_untouched(raw: str) -> None:
    art = clean_article(raw)
    assert art.text == raw and art.kicker is None


def test_title_first_line() -> None:
    art = assert_invariants("Council Approves New Budget After Long Debate\n\nThe council voted 7-2.")
    assert art.title == "Council Approves New Budget After Long Debate"
    assert art.text == "The council voted 7-2."


def test_story_highlights_box_removed_up_to_the_first_sentence() -> None:
    raw = ("Story highlights Mayor: the budget deal is “bad news” for the city\n\n"
           "Council members say cuts will hit parks first\n\n"
           "The council voted 7-2 on Monday to cut the parks budget.\n\nIt takes effect in May.")
    art = assert_invariants(raw)
    assert art.text == "The council voted 7-2 on Monday to cut the parks budget.\n\nIt takes effect in May."
    assert [why for _, why in art.removed] == ["story highlights", "story highlights"]
    # The label opens prose, or nothing follows it: kept.
    assert clean_article("Story highlights are a feature of the page.").text == "Story highlights are a feature of the page."
    raw = "Story highlights Mayor wins the vote\n\nThe council voted 7-2 on Monday."
    assert clean_article(raw).text == "The council voted 7-2 on Monday."


def test_a_caption_run_into_the_highlights_box_is_split_from_it() -> None:
    raw = ("Voters line up at a school in Reno. (Photo: Jo Poe, Getty Images) Story Highlights Turnout is "
           "up in the west\n\nPolls close at eight in the evening\n\nThe county opened 40 more polling places on Tuesday.")
    art = assert_invariants(raw)
    assert art.text == "The county opened 40 more polling places on Tuesday."
    assert [why for _, why in art.removed] == ["photo caption", "story highlights", "story highlights"]
    # prose that mentions the label after a parenthesis stays one paragraph, and stays
    prose = "The page (see photo: the rally) lists Story Highlights at the top of every article."
    assert clean_article(prose).text == prose


def test_title_not_taken_from_prose_or_single_line() -> None:
    assert clean_article("The council voted on Monday.\n\nIt passed.").title is None
    assert clean_article("Council Approves New Budget Today").title is None  # nothing follows


def test_byline_paragraph_and_parenthesised() -> None:
    art = assert_invariants("Jane Q. Roe\n\nThe council voted 7-2 on the plan.")
    assert art.author == "Jane Q. Roe" and art.text == "The council voted 7-2 on the plan."
    art = assert_invariants("(Sam Lee, Daily Star) The council voted 7-2.")
    assert art.author == "Sam Lee" and art.text == "The council voted 7-2."
    art = assert_invariants("By Sam Lee and Ann Ray\n\nThe council voted.")
    assert art.author == "Sam Lee and Ann Ray"


@pytest.mark.parametrize("caption", [
    "The mayor speaks in Boston, Monday, May 4, 2020. (AP Photo/Jane Doe)",
    "PORTLAND, ME. – MAY 5: Officers at the scene on May 5, 2020. (Staff photo by Ann Lee/Daily Press)",
    "Protesters outside the court. (Getty Images)",
    "The senator at a rally. (Photo by Jo Park/Getty Images)",
    "A voter casts a ballot in Miami, November 2, 2010. REUTERS/Hans Doe/File Photo",
    "Judge Roe in court, July 9, 2018. (Jim Doe/Reuters)",
    "Enlarge this image toggle caption Jo Doe/AP Jo Doe/AP",
    "Sen. Al Roe said he would file a resolution. | J. Scott Doe/AP Photo",  # the photographer first
    "Migrants wait at a shelter in Ciudad Juárez. Jose Luis Doe / Reuters",
    "Jo Doe/AP Photo",
])
def test_photo_captions_removed(caption: str) -> None:
    raw = f"The hearing began at noon.\n{caption}\nThe judge adjourned it."
    art = assert_invariants(raw)
    assert art.text == "The hearing began at noon.\n\nThe judge adjourned it."
    assert art.removed == [(caption, "photo caption")]


@pytest.mark.parametrize("prose", [
    "The poll, conducted by Reuters/Ipsos, was released on Tuesday.",
    "The figures come from a new poll by Ipsos/Reuters",
    "Both networks aired it, and so did NBC/AP",
    "The report (published by the Associated Press) was long.",
    "She took the photo herself.",
])
def test_prose_with_credit_words_kept(prose: str) -> None:
    assert clean_article(prose).text == prose


@pytest.mark.parametrize("tweet", [
    "Big crowd today! pic.twitter.com/AbC123xyz — Jo Doe (@jodoe) May 2, 2019",
    "We will not back down. — Senator Roe (@SenRoe) January 4, 2019",
    "Read the full statement https://t.co/XyZ987 — City Hall (@CityHall) Dec. 1, 2018",
])
def test_embedded_tweets(tweet: str) -> None:
    art = assert_invariants(f"The senator spoke Monday.\n\n{tweet}\n\nShe left at noon.")
    assert art.text == "The senator spoke Monday.\n\nShe left at noon."
    assert art.removed == [(tweet, "embedded tweet")]


@pytest.mark.parametrize("line, reason", [
    ("Jane Roe is a reporter for the Daily Star. Email her at jroe@example.com.", "bio"),
    ("Sam Lee is a senior editor at Example News.", "bio"),
    ("Follow Jane Roe on Twitter @janeroe", "contact"),
    ("Write to Sam Lee at sam.lee@example.com", "contact"),
    ("CLICK HERE TO GET THE EXAMPLE NEWS APP", "call to action"),
    ("Click here for more coverage.", "call to action"),
    ("Follow us on Facebook", "call to action"),
    ("Sign up for our Morning Brief newsletter and get the news in your inbox.", "newsletter pitch"),
    ("Want to join our community of supporters? Get exclusive access to our reporting. Click to check it out.",
     "membership pitch"),
    ("Submit a Correction", "correction link"),
    ("Related Posts", "related links"),
    ("Read more: Why the council voted no", "related links"),
    ("Copyright © 2019 Example Media, LLC. All rights reserved.", "copyright"),
    ("The Associated Press contributed to this report.", "credit"),
    ("Advertisement", "advertisement"),
    ("The opinions expressed by columnists are their own.", "disclaimer"),
    ("Content created by the Example News Foundation is available without charge to any publisher.",
     "disclaimer"),
    ("The Ledger is a weekly column by Sam Lee on state politics.", "disclaimer"),
    ("Ann Lee and Bo Kim contributed.", "credit"),
    ("Example News' Ann Lee, Bo Kim and The Associated Press contributed to this report.", "credit"),
    ("Data journalist Ann Lee contributed reporting from Chicago.", "credit"),
    ("Kim reported from Flagstaff, Arizona.", "credit"),
    ("— With assistance by Ann T. Lee, and Bo Kim Jr.", "credit"),
    ("Additional reporting by Ann Lee in Kabul", "credit"),
    ("With Post wires", "credit"),
    ("• This article is based in part on wire service reports.", "credit"),
    ("This story has been updated with comments from the mayor.", "editor's note"),
    ("--This report was updated at 11:48 a.m.", "editor's note"),
    ("Updated: 10:23 p.m.", "page furniture"),
    ("Send letters to letters@example.com.", "contact"),
    ("Got a question? Ask Sam Lee: sam@example.com", "contact"),
    ("Let us know what you’re thinking at politics@example.com.", "contact"),
    ("Follow The Example Times Opinion section on Facebook and Twitter.", "contact"),
    ("Subscribe to our YouTube channel.", "call to action"),
    ("NOW WATCH: ‘The Council Votes’", "call to action"),
    ("Get news from Example in your inbox, each weekday morning", "newsletter pitch"),
    ("• Sam Lee is editor emeritus of the Daily Star.", "bio"),
    ("(This post was last updated at 11:09 p.m. ET.)", "editor's note"),
    ("Updated at 3 p.m. ET.", "page furniture"),
    ("This article originally appeared in the Daily Star.", "disclaimer"),
    ("This is a rush transcript. Copy may not be in its final form.", "disclaimer"),
    ("Example News is a nonprofit newsroom. Sign up to receive our biggest stories as they come.",
     "newsletter pitch"),
    ("The news that matters, delivered weekday mornings. Get it free.", "newsletter pitch"),
    ("— Sam Lee is the Review’s Senior Editor-at-Large.", "bio"),
    ("You can read diverse opinions from our Board of Contributors on the Opinion front page.",
     "call to action"),
    ("“The Daily Brief” shows you diverse perspectives on the day’s top stories.", "page furniture"),
    ("Register Opinion contributor", "page furniture"),
])
def test_closing_boilerplate(line: str, reason: str) -> None:
    art = assert_invariants(f"The council met on Monday and voted 7-2.\n\n{line}")
    assert art.text == "The council met on Monday and voted 7-2."
    assert art.removed == [(line, reason)]


def test_fragment_between_pitches_removed_but_not_after_prose() -> None:
    art = assert_invariants("The council voted.\n\nSupport our journalism: become a member today. "
                            "Click here.\n\nExample Plus\n\nSubmit a correction")
    assert art.text == "The council voted."
    assert ("Example Plus", "membership pitch") in art.removed
    assert clean_article("The council voted.\n\nExample Plus").text == "The council voted.\n\nExample Plus"


def test_editors_insertions_stay() -> None:
    raw = "“We will act,” she said. [Emphasis added]"
    assert clean_article(raw).text == raw


@pytest.mark.parametrize("line", [
    "The company contributed.",
    "Democrats said the report was unfair.",
    "Lee said she contributed.",
    "Ann Lee voted no. Bo Kim contributed.",
    "Kim reported in March that the fund was empty.",
    "Update: the council voted again on Tuesday.",
    "Voters who sign up to get absentee ballots must do so by Friday.",
    "The ballots were delivered every morning, and voters get them early.",
    "You can read opinions from our readers in the letters, the editor said.",
    "The new opinion contributor wrote that the plan fails.",
    "The program shows you diverse perspectives, its host said.",
])
def test_sentences_like_credit_lines_stay(line: str) -> None:
    raw = f"The council met on Monday and voted 7-2.\n\n{line}"
    assert clean_article(raw).text == raw


def test_title_case_headline_with_two_sentences_is_the_title() -> None:
    raw = ("Budget Vote Is Coming Thursday. Here's What You Need To Know\n\n"
           "The council will vote on the budget on Thursday, officials said.")
    art = assert_invariants(raw)
    assert art.title == "Budget Vote Is Coming Thursday. Here's What You Need To Know"
    assert art.text == "The council will vote on the budget on Thursday, officials said."
    # prose has lower-case long words; a salutation ends in a colon
    for lead in ("The Council Voted. Then it went home to Denver and Boston.", "Dear Mayor Sam Lee and Council:"):
        assert clean_article(f"{lead}\n\nThe council met.").text.startswith(lead)


def test_tag_list_removed_with_its_tags() -> None:
    art = assert_invariants("The council voted.\n\nThis article tagged under: Budget\n\nAnn Lee\n\nTaxes")
    assert art.text == "The council voted."
    assert [why for _, why in art.removed] == ["page furniture"] * 3
    # a sentence after the tags is prose again
    art = assert_invariants("The council voted.\n\nThis article tagged under: Budget\n\nTaxes\n\nIt met again.")
    assert art.text == "The council voted.\n\nIt met again."


def test_section_rule_kept_in_the_body_removed_in_the_closing_run() -> None:
    raw = "The council voted.\n\n* * *\n\nIt met again.\n\n___\n\nAnn Lee contributed.\n\n___"
    art = assert_invariants(raw)
    assert art.text == "The council voted.\n\n* * *\n\nIt met again."
    assert art.removed == [("___", "page furniture"), ("Ann Lee contributed.", "credit"), ("___", "page furniture")]


def test_bio_only_in_the_closing_run() -> None:
    raw = "Jane Roe is a reporter for the Star who broke the story.\n\nShe won an award for it."
    assert clean_article(raw).text == raw


THREAD = """The council voted.

  1. Ann Lee

    March 3, 2020 at 9:05 am

    I agree with this.
    Second line.

    • Bo Ray

      March 3, 2020 at 10:15 pm

    • Cy Doe

      March 4, 2020 at 12:01 am

      Replying here.

        • Di Fox

          2020-03-05 08:00

          Deep reply.

  2. Ed Moe

    4 March 2020 at 13:30

    Last one."""


def test_comment_thread_nesting() -> None:
    art = assert_invariants(THREAD)
    assert art.text == "The council voted."
    got = [(c.author, c.depth, c.timestamp, c.text) for c in art.comments]
    assert got == [
        ("Ann Lee", 0, datetime.datetime(2020, 3, 3, 9, 5), "I agree with this.\nSecond line."),
        ("Bo Ray", 1, datetime.datetime(2020, 3, 3, 22, 15), ""),
        ("Cy Doe", 1, datetime.datetime(2020, 3, 4, 0, 1), "Replying here."),
        ("Di Fox", 2, datetime.datetime(2020, 3, 5, 8, 0), "Deep reply."),
        ("Ed Moe", 0, datetime.datetime(2020, 3, 4, 13, 30), "Last one."),
    ]


def test_numbered_list_with_plain_date_is_not_a_thread() -> None:
    raw = "Timeline:\n\n1. First vote\n\nMarch 3, 2020\n\nThe council voted again."
    art = clean_article(raw)
    assert art.comments == [] and "The council voted again." in art.text


def test_normal_article_unchanged_except_whitespace() -> None:
    raw = ("  The council met on Monday,\u00a0and\tvoted 7–2 “to proceed.”  \r\n\r\n\r\n"
           "It’s the mayor’s plan — she said so.\u200b\n")
    art = assert_invariants(raw)
    assert art.text == "The council met on Monday, and voted 7–2 “to proceed.”\n\nIt’s the mayor’s plan — she said so."
    assert art.removed == [] and art.title is None and art.comments == []


def test_nfc_and_control_characters() -> None:
    art = clean_article("Cafe\u0301 owner\x07 spoke.\u2028Second\x00 line.")
    assert art.text == "Café owner spoke.\n\nSecond line."


# ---------------------------------------------------------------- robustness
@pytest.mark.parametrize("raw", ["", " ", "\n\n\n", "\x00\x01", "\ufeff", "\ud800abc", "“", "(",
                                 "1.", "• x\n May 1, 2020 at 1:00 pm", "A" * 5000, "date 2024-01-01"])
def test_odd_inputs(raw: str) -> None:
    assert_invariants(raw)


def test_large_inputs_finish() -> None:
    no_punct = ("word " * 400_000)  # 2 MB, one line, no punctuation
    assert clean_article(no_punct).text == no_punct.strip()
    capitals = "ABC DEF " * 250_000
    assert len(clean_article(capitals).text) > 0
    paras = "The council voted 7-2 on Monday after a long debate.\n\n" * 400_000  # ~20 MB
    assert clean_article(paras).text.count("\n\n") == 400_000 - 1


def test_non_str_input_degrades() -> None:
    assert clean_article(None).text == ""  # type: ignore[arg-type]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text())
def test_property_arbitrary_unicode(raw: str) -> None:
    assert_invariants(raw)


PIECES = [
    "The council voted 7-2 on Monday.", "It passed.", "Council Approves New Budget Plan",
    "Jane Roe", "By Jane Roe", "USA TODAY", "WASHINGTON, DC – The mayor spoke.",
    "EXCLUSIVEThe senator said no.", "ON AIR FIRSTA judge ruled.", "Advertisement",
    "CLICK HERE TO GET THE APP", "Submit a Correction", "Example Plus",
    "Jane Roe is a reporter for the Star.", "date 2020-01-02 The board met.",
    "Crowd at the rally. (AP Photo/Jo Doe)", "Hi pic.twitter.com/x1 — Jo (@jo) May 1, 2019",
    "  1. Ann", "    May 1, 2019 at 1:05 pm", "    • Bo", "Nice.", "(Sam Lee, Daily Star) Text here.",
    "Related Posts", "SENATE PASSES THE BILL AFTER LONG NIGHT", "",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12), st.sampled_from(["\n", "\n\n", " "]))
def test_property_structured(pieces: list[str], sep: str) -> None:
    assert_invariants(sep.join(pieces))


# ---------------------------------------------------------------- real articles
def allsides_texts(n: int) -> list[str]:
    with gzip.open(ALLSIDES, "rt", encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in itertools.islice(f, n)]


@needs_allsides
def test_allsides_invariants_and_low_removal() -> None:
    texts = allsides_texts(400)
    total = removed = 0
    for raw in texts:
        art = assert_invariants(raw)
        total += len(WORD_RE.findall(raw))
        removed += sum(len(WORD_RE.findall(seg)) for seg, why in art.removed if why != "comment thread")
        # cleaning never repeats a paragraph the source did not repeat
        out_counts = Counter(art.text.split("\n\n"))
        in_counts = Counter(norm(line) for line in raw.split("\n"))
        assert all(n == 1 or n <= in_counts[p] for p, n in out_counts.items())
    assert removed / total < 0.05, removed / total


def test_thread_revealed_by_a_removal_is_still_found() -> None:
    raw = "  1. Ann\nCrowd at the rally. (AP Photo/Jo Doe)\n    May 1, 2019 at 1:05 pm\n    Nice."
    art = assert_invariants(raw)
    assert [c.author for c in art.comments] == ["Ann"] and art.text == ""


def test_inline_link_cards_are_cut_from_the_text_and_listed_as_removed():
    raw = ("The bill passed after Sen. Ada Quill Adaline (Ada) Mae QuillSenate passes budget deal "
           "Quill: 'We will not wait' Overnight Health: Drug prices fall MORE (D-Ore.) changed her vote.\n\n"
           "Speaker Bo Marsh Robert Bo Marsh Retirees say no to Social Security plan MORE’s office agreed.\n\n"
           "Marsh called it MORE than fair, and Bo Marsh said the vote was close.")
    art = clean_article(raw)
    assert "Sen. Ada Quill (D-Ore.) changed her vote." in art.text
    assert "Speaker Bo Marsh’s office agreed." in art.text
    assert "Marsh called it MORE than fair, and Bo Marsh said the vote was close." in art.text  # prose stays
    cards = [seg for seg, why in art.removed if why == "link card"]
    assert len(cards) == 2 and cards[0].startswith("Adaline (Ada) Mae QuillSenate") and cards[0].endswith("MORE")


def test_link_cards_with_no_headlines_or_a_headline_ending_in_capitals_are_cut_too():
    raw = ("Chief of staff Bo Marsh Robert Bo MarshMORE called the senator on Friday.\n\n"
           "Sen. Ada Quill Adaline Mae QuillQuill: We will win Budget talks stall in the GOP MORE (D-Ore.) said no.")
    art = clean_article(raw)
    assert "Chief of staff Bo Marsh called the senator on Friday." in art.text
    assert "Sen. Ada Quill (D-Ore.) said no." in art.text
    assert [seg for seg, why in art.removed if why == "link card"] == [
        "Robert Bo MarshMORE", "Adaline Mae QuillQuill: We will win Budget talks stall in the GOP MORE"]


def test_a_link_card_whose_full_name_repeats_the_first_name_keeps_the_surname():
    # The card's full name starts with the visible first name: the surname must stay.
    raw = "Sen. Dana Fine Dana Emma FineFine: We will act Senate talks stall MORE (D-Calif.) said no."
    assert clean_article(raw).text == "Sen. Dana Fine (D-Calif.) said no."
    # text in capitals repeats words, and its "A MORE" ends no card
    from analysis.boilerplate import strip_link_cards

    caps = "SOME OF THE FEARS IN THE FAMILY REMAIN. A MORE FORCEFUL STEP WOULD HELP."
    assert strip_link_cards(caps) == (caps, [])


def test_read_more_lines_are_not_link_cards():
    from analysis.boilerplate import strip_link_cards

    text = "Jo Poe Joanna Poe Smith wrote a column on it. READ MORE"  # a name twice, then a page's link
    assert strip_link_cards(text) == (text, [])
    for link in ("SEE MORE", "LEARN MORE", "VIEW MORE"):
        assert strip_link_cards(text.replace("READ MORE", link))[1] == []
    assert strip_link_cards(text.replace(" ", "  ")) == (text.replace(" ", "  "), [])


def test_a_link_card_is_found_whatever_the_spaces_so_cleaning_twice_changes_nothing():
    # Cleaning collapses runs of spaces after it cuts the cards: a card set off by two
    # spaces was kept, then cut when the cleaned text was cleaned again.
    raw = "Sen. Ada Quill  Adaline Quill  QuillSenate passes budget deal  MORE (D-Ore.) changed her vote."
    once = clean_article(raw)
    assert once.text == "Sen. Ada Quill (D-Ore.) changed her vote."
    assert clean_article(once.text).text == once.text


def test_scraped_video_players_and_photo_galleries_are_removed() -> None:
    # A page's video player and photo gallery, scraped as paragraphs of text; the gallery's
    # captions quote people, which would otherwise count as the article's quotations.
    raw = ("Lawmakers met on Monday to discuss the bill, officials said.\n\n"
           "JUST WATCHED Poe on the vote Replay More Videos ... MUST WATCH Poe on the vote 01:51\n\n"
           "JUST WATCHED Roe speaks Replay More Videos ... MUST WATCH\n\n"
           "Photos: Who is running? Jo Poe in Iowa. “We will win,” Poe said. Hide Caption 1 of 2 "
           "Photos: Who is running? Al Roe waves to supporters.\n\n"
           "The vote is expected next week, the aide said.")
    art = clean_article(raw)
    assert art.text == ("Lawmakers met on Monday to discuss the bill, officials said.\n\n"
                        "The vote is expected next week, the aide said.")
    assert [r for _, r in art.removed] == ["page furniture", "page furniture", "photo caption"]


def test_prose_about_watching_or_photos_stays() -> None:
    for par in ("She just watched the vote and said nothing.",
                "JUST WATCHED: the senator’s speech drew a crowd of 400 people in Des Moines.",
                "Photos: the city released 20 images of the damage on Monday, officials said."):
        raw = f"Lawmakers met on Monday to discuss the bill.\n\n{par}\n\nThe vote is next week, the aide said."
        assert par in clean_article(raw).text


def test_a_lead_loses_at_most_a_few_prefixes_so_a_degenerate_one_stays_cheap():
    # Each cut rescans the paragraph: thousands of prefixes would cost their square.
    from analysis.clean import _MAX_LEAD_PREFIXES

    art = clean_article("EXCLUSIVE: " * 20 + "The council met on Monday.")
    assert art.kicker == "EXCLUSIVE" and len(art.removed) == _MAX_LEAD_PREFIXES
    assert art.text == "EXCLUSIVE: " * (20 - _MAX_LEAD_PREFIXES) + "The council met on Monday."
    assert clean_article("EXCLUSIVE: NEW YORK (AP) — The council met.").text == "The council met."


@pytest.mark.parametrize("par, reason", [
    ("[pullquote]", "page furniture"),  # a page's placeholder left as text
    ("[Emphasis added]", None),  # the writer's note under a quotation stays
    ("- Follow the Desk on Twitter: @DeskNews", "contact"),  # a bullet before the usual start
    ("Support Daily Planet’s independent journalism", "membership pitch"),
    ("Visit Daily Planet's homepage for more stories.", "call to action"),
    ("Newsletter Sign-up", "newsletter pitch"),
    ("Sign up for the evening briefing", "newsletter pitch"),
    ("Interested in Budget Talks? Add Budget Talks as an interest to follow the story.", "call to action"),
    ("( PHOTOS: Ten moments from the debate)", "related links"),
    ("Full Coverage: Storm season", "related links"),
    ("(Note: the figures leave out Alaska.)", None),
    ("Advertisement Advertisement", "advertisement"),
    ("Can't see the chart? Click here.", "call to action"),
    ("Do you back the plan? Vote now in our reader poll", "call to action"),
    ("“Vote now,” she told the crowd.", None),
    ("Who will win? Nobody knows yet.", None),
    ("Media playback is unsupported on your device Media caption The mayor spoke at noon", "photo caption"),
    ("Image source: a screenshot from the broadcast", "photo caption"),
    ("Jo Roe at the hearing Photographer: Al Poe/Daily Planet", "photo caption"),
    ("[embedtweet id=123456789]", "page furniture"),
    ('poster="http://video.example.com/still.jpg"', "page furniture"),
    ("Play Video 2:41 The debate in two minutes – video", "page furniture"),
    ("Your browser doesn't support HTML5 audio. Here is a link to the audio instead.", "page furniture"),
    ("Related Coverage Storm nears the coast", "related links"),
    ("Jo Roe is a mayor. The views expressed in this commentary are her own.", "disclaimer"),
    ("The Planet gives readers the news. Get inside access by becoming a member.", "membership pitch"),
    ("He said the views expressed in the memo were his own.", None),
    ("Jo Roe disagreed. The views expressed in this letter are shared by 40 senators.", None),
])
def test_more_kinds_of_page_furniture_are_recognised(par, reason):
    from analysis.boilerplate import classify_paragraph

    assert classify_paragraph(par) == reason


def test_link_card_edge_cases_found_by_fuzzing():
    from analysis.boilerplate import strip_link_cards

    # a headline opening with an apostrophe, glued to the full name: the surname stays
    assert strip_link_cards("Leader Jo Poe Jo Ann Poe'Squad' rallies MORE said.")[0] == "Leader Jo Poe said."
    # a slogan or a page's link in capitals before MORE ends no card
    text = 'Fans chanted "Roe Roe" then "FOUR MORE YEARS" as she spoke.'
    assert strip_link_cards(text) == (text, [])
    assert strip_link_cards("Poe Poe SHOW MORE") == ("Poe Poe SHOW MORE", [])
    # a card hiding another is cut in the same call, so cleaning twice changes nothing
    assert strip_link_cards("Kell KellMORE KellMORE said.")[0] == "Kell said."
    # runs of capitalised pieces cost their length: these took seconds to minutes
    run = "-".join(f"Ab{i}" for i in range(300)) + " MORE"
    assert strip_link_cards(run) == (run, [])
    many = "Abc " * 20_000 + "MORE"
    out, cards = strip_link_cards(many)  # read as one card within reach of the MORE
    assert len(cards) == 1 and cards[0].endswith(" MORE")
    assert "MORE" not in out and len(out) > len(many) - 1200


@pytest.mark.parametrize("par, reason", [
    # a caption set apart by " | " and its credit; a page may glue the story's headline after it
    ("Sen. Jo Poe speaks at a hearing. | Al Roe/AP Photo", "photo caption"),
    ("“We will win,” Jo Poe said. | Al Roe/AFP/Getty Images 2020 elections Poe leads the field "
     "The senator raised $12 million in the quarter.", "photo caption"),
    ("A worker at the plant in Ohio, June 24, 2019. Al Roe | Reuters", "photo caption"),
    ("Al Roe | Getty Images. The senator said on Monday that the bill would pass.", None),  # prose glued after
    ("The poll | AP found that most voters backed the plan, and the count " + "went on " * 30, None),
    # AP's long captions of file photos
    ("FILE - In this June 22, 2020, file photo, Sen. Jo Poe speaks in Ohio. " + "The senator said more. " * 20
     + "(AP Photo/Al Roe, File)", "photo caption"),
    # a gallery's captions, its marker anywhere in the paragraph
    ("“These are our stories,” Poe told the crowd in Iowa. Hide Caption 3 of 6 Photos: Who is running?",
     "photo caption"),
    ("Quick guide Why are families separated? Show Hide In April the policy began. " + "It grew. " * 100,
     "page furniture"),
    ("Facebook Twitter Pinterest Protesters outside the court on Monday.", "photo caption"),
    # links to other stories
    ("Schiff will use subpoena powers if the report is quashed Read more", "related links"),
    ("Tear up the rule book | Jo Poe Read more", "related links"),
    ("(For graphic on the delegate race, click tmsnrt.rs/2LfKug6)", "related links"),
    ("For more on the candidates, see: tmsnrt.rs/2LeoO8z", "related links"),
    ("Follow AP coverage of the pandemic at https://apnews.com/VirusOutbreak", "call to action"),
    ("She said voters can read more about the plan online.", None),
    ("Cases topped 3 million, Reuters calculations show tmsnrt.rs/3cBeEYg.", None),  # a sentence with its link
    ("Follow the money, the senator told AP reporters in a long interview.", None),
    # live blogs' stamps and polls' calls
    ("Update 1411 BST (0911 EST)", "page furniture"),
    ("UPDATE: 10:27 EDT", "page furniture"),
    ("Update 8:17PM EDT", "page furniture"),
    ("UPDATE 11:08 AM ET: Jo Poe is reported to have left the hospital.", None),
    ("Urgent Poll:", "call to action"),
    ("Who Won the Presidential Debate? Vote Here!", "call to action"),
    ("Do You Back the Bill? Vote in Urgent Poll", "call to action"),
    ("Is Jo Poe a Hero or a Traitor – Vote in Urgent Poll", "call to action"),
    ("Do You Back the Bill? Vote Here Now", "call to action"),
    ("Latest:", "page furniture"),
    # shortcodes left as text, with what they wrap
    ('[jwplayer file="http://media.example.com/v.mp4" image="http://media.example.com/v.png"][/jwplayer]',
     "page furniture"),
    ('[sharequote align="center"]Character is a trait.[/sharequote]', "page furniture"),
    ('[caption id="attachment_1" align="aligncenter" width="620"] A cartoon from 1898[/caption]',
     "photo caption"),
    ("[Emphasis added]", None),
    # a sign-up form with its country list, share buttons, a section's blurb, a page break
    ("Get The Brief. Sign up to receive the top stories. Choose your country United States of America "
     + "Afghanistan Albania " * 60 + "Click the link to confirm your subscription.", "newsletter pitch"),
    ("Jo Poe is a Bloomberg Opinion columnist. Read more opinion SHARE THIS ARTICLE Share Tweet Post Email",
     "page furniture"),
    ("Columnists In-depth political coverage, sports analysis, entertainment reviews and cultural commentary.",
     "page furniture"),
    ("Story continues", "advertisement"),
    ('"Florence Federal Prison" photo credit: Jo Poe/Chicago Tribune/TNS/Newscom', "photo caption"),
    ("Get real-time updates as this story unfolds. Download ABC News for iPhone here.", "call to action"),
    ("The story continues to unfold, officials said.", None),
    # a broadcaster's schedule, a player's id, a links label
    ("Tune into Channel 9 at 1 p.m. ET and Nine Live at 4 p.m. ET every weekday for special coverage.",
     "call to action"),
    ("Tune in to Nine News Live at noon ET every weekday for the latest news and analysis.", "call to action"),
    ("TUNE IN: Don't miss our live coverage of the vote at 2 p.m. ET Wednesday.", "call to action"),
    ("Tune in to Thursday's debate (9 p.m. EST) and you will notice one big elephant not in the room.", None),
    ("media: 19297257", "page furniture"),
    ("media:18892049", "page furniture"),
    ("What to know about the flu season:", "related links"),
    ("Here's what to know about the declaration:", None),
    # a site's appeal for money, its TV channel's numbers, asks after a headline
    ("Every day at Example News, we aim to answer your questions. Our journalism takes resources. "
     "Your financial contribution will not constitute a donation, but it will keep our articles free. "
     "Please consider making a contribution to Example News today.", "membership pitch"),
    ("The senator made a contribution to the fund, and urged others to consider one, aides said.", None),
    ("The pitch reads: “If you can afford a contribution of $100 or more JUST CLICK HERE.”", None),
    ("Note: Watch Example TV now on DIRECTV Ch. 349 and DISH Ch. 223", "call to action"),
    ("Important: Example TV is available on DIRECTV Ch. 349, DISH 223 and Fios 615.", "call to action"),
    ("Get Example TV on your cable system – Click Here Now", "call to action"),
    ("Like this story? Subscribe to Example Money on YouTube!", "call to action"),
    ("Don't miss: Ten ways the new budget changes your taxes", "related links"),
    ("Jo Poe is a columnist. To read more of her reports — Click Here Now.", None),  # a bio: the tail's rule
    # a video player's summary, link labels and lines, an embedded video's title, a correction's label
    ("CLOSE A trade expert says the tariff hikes will be painful for consumers. Example Today", "page furniture"),
    ("CLOSE President Jo Poe is ripping a proposal to curb warming. Poe, at a rally, claimed it fails.",
     "page furniture"),
    ("CLOSE CALL: THE VOTE THAT NEARLY FAILED", "related links"),  # a shouted headline, not a player
    ("Close to 40 people waited outside, officials said.", None),
    ("SPECIAL COVERAGE: Benghazi Attack Under Microscope", "related links"),
    ("Why the Trade Deal Is a Big Deal: QuickTake", "related links"),
    ("Read a QuickTake on what you need to know about sanctions", "related links"),
    ("Chicago Tonight full episode: Aug. 19, 2019 www.youtube.com", "page furniture"),
    ("Corrections & Amplifications", "editor's note"),
    ("The Example News Foundation is working hard. For as little as $3, you can help us. Make a one-time "
     "donation to support our journalism.", "membership pitch"),
    ("The mayor urged residents to make a donation to the food bank, aides said.", None),
    ("Support Progressive Journalism Example News is reader supported: Chip in $10 or more to help us.",
     "membership pitch"),
    ("Travel With Example News Be the first to hear about our travel destinations, and explore the world.",
     "call to action"),
    ("Sign up for our Wine Club today. Did you know you can support us by drinking wine?", "call to action"),
    ("If you have a claim you would like to see us fact check, please send us an email at facts@example.com.",
     "correction link"),
    ("Reprinted from Energywire with permission from Example Media. It covers energy news daily.", "credit"),
    ("Close video Poe makes a careful calculation Jo Roe talks with Al Lee about the nomination.", "page furniture"),
    ("Jo Poe is a journalist in New York. Follow her on Twitter. The opinions expressed in this commentary are "
     "solely her own. View more opinion articles.", "disclaimer"),
    ("Reporters were the first to hear about the plan, officials said.", None),
])
def test_captions_boxes_and_links_scraped_into_paragraphs(par, reason):
    from analysis.boilerplate import classify_paragraph

    assert classify_paragraph(par) == reason


def test_bracketed_links_inside_paragraphs_are_cut_and_kept_as_removed():
    raw = ("Polls closed at noon in Des Moines, officials said. (RELATED: Poe Wins Iowa Caucus) Counting began.\n\n"
           "“We are ready,” Jo Poe said. (WATCH: Poe Speaks To Supporters)\n\n"
           "The count (as of Monday: 40%) is slow, she said.")
    art = clean_article(raw)
    assert art.text == ("Polls closed at noon in Des Moines, officials said. Counting began.\n\n"
                        "“We are ready,” Jo Poe said.\n\nThe count (as of Monday: 40%) is slow, she said.")
    assert ("(RELATED: Poe Wins Iowa Caucus)", "related links") in art.removed
    assert clean_article(art.text).text == art.text


@pytest.mark.parametrize("par, kept", [
    ("UPDATE 11:08 AM ET: Jo Poe is reported to have left the hospital.",
     "Jo Poe is reported to have left the hospital."),
    ("UPDATE 11: 00 A.M. The war room is up and running.", "The war room is up and running."),
    ("UPDATE II - The campaign sends out this statement.", "The campaign sends out this statement."),
    ("UPDATES 5:50 p.m. ET: The carrier has been ordered out.", "The carrier has been ordered out."),
    ("Update 1411 BST (0911 EST): Footage has emerged.", "Footage has emerged."),
    ("UPDATE 2-Stocks fall as the Fed meets.", "UPDATE 2-Stocks fall as the Fed meets."),  # a wire headline
    ("Updated polls show a close race, aides said.", "Updated polls show a close race, aides said."),
])
def test_live_blog_stamps_are_cut_from_the_story_s_paragraphs(par, kept):
    art = clean_article(f"The council met on Monday, officials said.\n\n{par}\n\nThe vote is next week, aides said.")
    assert art.text.split("\n\n")[1] == kept
    assert clean_article(art.text).text == art.text


@pytest.mark.parametrize("middle, kept, reason, removed", [
    # a links label and the "<prompt>: <link>" lines under it; prose after them stays
    ("What to know about the flu season:\n\nHow it spreads and how to protect yourself: Flu explained\n\n"
     "Tracking cases across the state: Flu map\n\nClinics: they open late this week, officials said.",
     ["Clinics: they open late this week, officials said."], "related links",
     ["What to know about the flu season:", "How it spreads and how to protect yourself: Flu explained",
      "Tracking cases across the state: Flu map"]),
    # a page template's labels (its heading and prose kept) and a player's id
    ("quicklist: 4 title: Budget Talks Stall text: Most of the work will happen behind the scenes.\n\n"
     "quicklist:title: 7. Jo Poe text: The mayor said no. media: 19297257",
     ["Budget Talks Stall", "Most of the work will happen behind the scenes.", "7. Jo Poe", "The mayor said no."],
     "page furniture", ["quicklist: 4 title:", "text:", "quicklist:title:", "text:", "media: 19297257"]),
])
def test_labels_and_what_they_label_are_cut_and_the_story_kept(middle, kept, reason, removed):
    art = clean_article(f"The council met on Monday, officials said.\n\n{middle}\n\nThe vote is next week, aides said.")
    assert art.text.split("\n\n") == ["The council met on Monday, officials said.", *kept,
                                         "The vote is next week, aides said."]
    assert [seg for seg, why in art.removed if why == reason] == removed
    assert clean_article(art.text).text == art.text


def test_a_corrections_label_takes_the_notes_under_it_and_nothing_else():
    raw = ("The council met on Monday, officials said.\n\nThe vote is next week, aides said.\n\n"
           "Corrections & Amplifications\n\n"
           "The plan cuts $370 million over ten years. An earlier version of this article incorrectly "
           "gave the sum as $370 billion.\n\nPhoto: a council meeting")
    art = clean_article(raw)
    assert art.text == "The council met on Monday, officials said.\n\nThe vote is next week, aides said."
    assert [seg for seg, why in art.removed if why == "editor's note"] == [
        "Corrections & Amplifications",
        "The plan cuts $370 million over ten years. An earlier version of this article incorrectly "
        "gave the sum as $370 billion."]
    kept = clean_article("Corrections & Amplifications\n\nThe council met on Monday, officials said.")
    assert kept.text == "The council met on Monday, officials said."


@pytest.mark.parametrize("dateline, lead", [("WASHINGTON –", "What is at stake for the party in the vote?"),
                                            ("SAN FRANCISCO —", "Is the company censoring conservative articles?"),
                                            ("NEW YORK (Wire) --", "Could more stimulus be on the way?")])
def test_a_lead_with_a_dateline_is_never_taken_for_the_title(dateline, lead):
    art = clean_article(f"CLOSE A video about the vote. Example Today\n\n{dateline} {lead}\n\n"
                        "The council met on Monday, officials said.")
    assert art.title is None and (dateline, "dateline") in art.removed
    assert art.text.split("\n\n")[0] == lead


def test_a_hyphenated_word_in_capitals_is_not_a_dateline():
    art = clean_article("COVID-19’s latest symptom: angry briefings\n\nThe council met on Monday, officials said.")
    assert art.title == "COVID-19’s latest symptom: angry briefings"
    assert not [seg for seg, why in art.removed if why == "dateline"]
    art = clean_article("HANAHAN, S.C.-Vice President Jo Poe spoke on Monday, officials said.")
    assert ("HANAHAN, S.C.-", "dateline") in art.removed


def test_a_closing_bio_that_ends_in_a_disclaimer_is_still_the_bio_and_gives_the_author():
    art = clean_article("The council met on Monday, officials said.\n\nThe vote is next week, aides said.\n\n"
                        "Jo Poe is a political commentator for Example News. She worked in the White House "
                        "from 2005 to 2009. The views expressed in this commentary are her own.")
    assert art.text == "The council met on Monday, officials said.\n\nThe vote is next week, aides said."
    assert art.removed[-1][1] == "bio" and art.author == "Jo Poe"
