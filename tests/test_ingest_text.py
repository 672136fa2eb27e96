"""Cleaning pasted page text: furniture dropped by general signals, every sentence of the story kept."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from digest.ingest import clean_source
from digest.ingest.text import clean_text
from digest.language import furniture
from digest.language.tokens import fold

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def _body(name: str) -> tuple[str, object]:
    article = clean_source(str(FIXTURES / name))
    return fold(article.body), article


@pytest.mark.parametrize(("name", "kept", "dropped"), [
    ("wire-style.txt",
     ["The port authority on Friday approved a plan", "The vote was 7-2.",
      "Officials said the work would begin in March",
      "Fishermen's groups have opposed the plan for two years",
      "The authority said it would move the oyster beds",  # after an inline "Related Articles" box
      '"We heard the fishermen, and we changed the plan to protect the beds,"',
      "## What happens next", "The state environment agency must still sign off"],
     ["Skip to main content", "Sign In", "Advertisement", "FILE - Cranes stand", "Port strike ends",
      "City budget vote delayed", "Reporting by", "Our Standards", "Most Read", "Ferry fares", "All rights reserved",
      "Updated 2 hours ago", "By Jane Doe"]),
    ("blog-style.txt",
     ["The city council voted on Tuesday night", "## Why it took so long", "Plans for the library were first drawn",
      "Council member Ana Ruiz said", "Construction is expected to start next spring."],
     ["We use cookies", "Accept", "Home »", "Posted on", "Share on Facebook", "Tweet", "Image caption",
      "delivered to your inbox", "Share this", "Like this", "Leave a Reply", "Great news, my kids",
      "I don't think we need another building", "Your email address", "Subscribe to"]),
    ("standfirst-style.txt",
     ["Dozens of fishing boats stayed in harbour", "The cuts, announced by the fisheries ministry",
      "“We can’t pay the crews on these numbers,” said Tom Berg", "“Half of us will be gone by Christmas.”",
      "The ministry said the cuts were needed"],
     ["Skip to", "Print subscriptions", "Back to home", "more than 1 year old", "Photograph", "Share",
      "Explore more", "Reuse this content", "Most viewed", "Ferry fares", "Mayor names", "Fishing fleet ties up"]),
    ("reading-list-style.txt",
     ["Skippers say new limits will force half the boats out of business.", "Dozens of fishing boats",
      "The cuts, announced by", "The ministry said the cuts were needed"],
     ["Show navigation menu", "News|Politics", "Published On", "Save articles", "Listen to this article",
      "Source:", "By Jane Doe"]),
    ("video-box-style.txt",
     ["Dozens of fishing boats", "The cuts, announced by", "The ministry said", "Tom Berg, a skipper, said"],
     ["Harbour Network —", "Ad Feedback", "Link Copied", "Skippers block the harbour mouth", "01:42", "Source:",
      "Most Read", "Ferry fares"]),
    ("lists.txt",
     ["The plan has three parts:\n\n- moving the oyster beds to the south shore before work starts\n"
      "- dredging only between October and March, outside the spawning season\n"
      "- testing the water every month and publishing the results",
      "The board said the work would cost about 40 million dollars.", "The first dredger is due to arrive"],
     ["Fishermen march on the town hall", "Ferry Fares", "Police Chief", "About Us", "Terms of Service"]),
    ("teasers-above.txt",
     ["The city council approved a 1.2 billion budget", "Council members agreed to raise school funding",
      "The mayor is expected to sign the budget on Friday."],
     ["Top Stories", "Storm batters coast", "Thousands of homes lost power", "Election results delayed",
      "Counting in three districts", "City council approves budget", "Staff Reporter", "March 3, 2023"]),
    ("blog-post-visible.txt",  # the visible text of blog-post.html: a share bar sits inside the article
     ["The harbour board approved the dredging plan", "Board chair Maria Okafor said", "## Fleet plans appeal",
      "The fishermen's association said", "The agency usually takes about eight weeks to decide."],
     ["Bay Courier", "since 1901", "Posted on", "Share this", "Facebook", "Read more", "low tide", "newsletter",
      "is a reporter at", "Posted in", "Oyster farmers fear", "thoughts on", "disgrace", "Leave a Reply",
      "WordPress"]),
    ("article-visible.txt",  # the visible text of article.html
     ["The rail line between the valley", "Engineers have rebuilt", "## Fares frozen for a year",
      "Tickets will cost the same", "Local businesses in the coastal towns"],
     ["Subscribe", "We use cookies", "Workers clear the tracks", "Related stories", "Bus routes", "2 comments",
      "About time", "quarry halt", "All rights reserved", "Privacy policy", "By Priya Shah"]),
    ("crlf-bom.txt",
     ["The old river bridge reopened to traffic on Monday", "Drivers had used a detour"],
     ["Scroll to Top", "Bridge reopens after repairs"]),
])
def test_keeps_the_story_and_drops_the_page(name: str, kept: list[str], dropped: list[str]) -> None:
    body, article = _body(name)
    for text in kept:
        assert fold(text) in body, text
        assert "\n" not in text or text in article.body
    for text in dropped:
        assert fold(text) not in body, text


@pytest.mark.parametrize(("name", "expected"), [
    ("wire-style.txt", dict(title="Port authority approves dredging of the northern channel",
                            outlet="Harbour Daily News", published=date(2024, 1, 5), author="Jane Doe and John Roe",
                            credit="Reporting by Jane Doe; Editing by Paul Smith", section=None)),
    ("blog-style.txt", dict(title="Council approves new library for the east side", outlet="The East Side Courier",
                            published=date(2023, 3, 3), author="Sam Writer", credit=None, section="Local News")),
    ("teasers-above.txt", dict(title="City council approves budget after marathon session", outlet=None,
                               published=date(2023, 3, 3), author="Staff Reporter", credit=None, section=None)),
    ("crlf-bom.txt", dict(title="Bridge reopens after repairs", outlet=None, published=None, author=None,
                          credit=None, section=None)),
])
def test_metadata_found_in_the_text(name: str, expected: dict) -> None:
    _, article = _body(name)
    for key, value in expected.items():
        assert getattr(article.meta, key) == value, key


def test_a_lone_promo_above_the_headline_is_not_the_start_of_the_article() -> None:
    page = "\n".join([
        "The harbour board will hold an extra meeting on Monday to discuss the ferry timetable, officials said.",
        "Menu",
        "Oyster farmers win delay to harbour dredging",
        "Oyster farmers won a three-month delay to the harbour dredging on Thursday, after a judge said the "
        "board had not studied the effect on their beds.",
        "The board said it would appeal against the ruling.",
    ])
    clean = clean_text(page)
    assert clean.found.title == "Oyster farmers win delay to harbour dredging"
    assert "## Oyster farmers" not in clean.body
    assert "extra meeting" not in clean.body


def test_article_resumes_after_an_inline_related_box() -> None:
    page = "\n".join([
        "Harbour board backs dredging plan",
        "The harbour board backed the dredging plan on Friday, despite protests from the fishing fleet outside.",
        "Related",
        "Fleet threatens strike",
        "Board chair under pressure",
        "The fleet's leader said the fight would go on in the courts and in the streets.",
        "The board expects to win any case the fishermen's association brings against it.",
        "Comments",
        "I think the board is wrong and should listen to the people who fish the bay every day of the year.",
    ])
    body = clean_text(page).body
    assert "The fleet's leader said" in body and "The board expects to win" in body
    assert "Fleet threatens strike" not in body and "I think the board is wrong" not in body


@pytest.mark.parametrize(("box", "resumes"), [("Trending", True), ("Most Read", True), ("Comments", False)])
def test_a_sidebar_inside_the_article_before_most_of_its_text(box: str, resumes: bool) -> None:
    paragraph = ("The harbour board will meet again next month to decide how the work is paid for, and the fleet "
                 "says it will send a delegation to argue its case in person.")
    page = "\n".join(["Harbour board backs dredging plan",
                       "The harbour board backed the dredging plan on Friday, despite protests from the fleet.",
                       "The vote was seven to two, with the two members from the fishing villages against.",
                       box, "Ferry fares to rise", "Mayor names police chief", paragraph, paragraph + " Again.",
                       paragraph + " Once more."])
    body = clean_text(page).body
    assert "The vote was seven to two" in body and "Ferry fares" not in body
    assert ("The harbour board will meet again" in body) is resumes


def test_a_sidebar_after_the_article_with_excerpts_is_dropped() -> None:
    page = "\n".join([
        "Harbour board backs dredging plan",
        "The harbour board backed the dredging plan on Friday, despite protests from the fishing fleet outside.",
        "The fleet's leader said the fight would go on in the courts, and warned the board of a long battle.",
        "The board said it expected to win any case brought against it by the fishermen's association.",
        "Most Read",
        "Ferry fares to rise",
        "The ferry company will raise its fares by a tenth in April, blaming the rising cost of its fuel.",
    ])
    assert "ferry company" not in clean_text(page).body


def test_notes_name_the_dropped_lines() -> None:
    _, article = _body("wire-style.txt")
    assert any(note.startswith("line 1: dropped") and "Skip to main content" in note for note in article.notes)
    assert article.meta.flags == ()  # a missing url is flagged by the analysis, from the front matter
    assert any(note.startswith("not found in the page: url") for note in article.notes)


def test_repeated_headline_and_unrelated_headlines_under_a_more_from_block() -> None:
    page = "\n\n".join([
        "Menu", "Harbour dredging approved after long fight", "Harbour dredging approved after long fight",
        "The harbour board approved the dredging plan on Friday after a long fight with the fishing fleet over it.",
        "Harbour board members said the work would start soon and end before the winter storms arrive this year.",
        "More from The Bay Post – Ferry fares to rise", "Ferry fares to rise",
        "More from The Bay Post – School roof repaired", "School roof repaired",
    ])
    clean = clean_text(page)
    assert clean.found.title == "Harbour dredging approved after long fight"
    assert clean.found.outlet == "The Bay Post"
    assert "Harbour dredging approved" not in clean.body
    assert "Ferry fares" not in clean.body and "School roof" not in clean.body
    assert clean.body.count("\n\n") == 1


def test_dateline_contradicted_by_the_story_is_flagged(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("MARCH 2, 2019\n\nTown hall reopens after the fire\n\nThe town hall reopened on Monday, "
                    "four years after the fire of 2021 destroyed its roof and most of the old council chamber.\n",
                    encoding="utf-8")
    article = clean_source(str(page))
    assert article.meta.published == date(2019, 3, 2)
    assert "date_anomaly" in article.meta.flags
    assert any("date_anomaly" in note for note in article.notes)


def test_dateline_consistent_with_the_story_is_not_flagged(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("MARCH 2, 2023\n\nTown hall reopens after the fire\n\nThe town hall reopened on Monday, "
                    "two years after the fire of 2021 destroyed its roof, and will host meetings from 2024.\n",
                    encoding="utf-8")
    assert "date_anomaly" not in clean_source(str(page)).meta.flags


def test_wire_credit_is_metadata_and_photo_credits_are_dropped() -> None:
    page = "\n\n".join([
        "Council backs harbour plan",
        "Credit: Shutterstock",
        "The council backed the harbour plan on Friday, after a debate that lasted most of the afternoon.",
        "Photo Credit: Getty Images",
        "Members said the work would start in spring and take about two years to finish in full.",
        "Credit: Ana Ruiz; Tom Berg;Lee Park",
    ])
    clean = clean_text(page)
    assert clean.found.credit == "Ana Ruiz; Tom Berg; Lee Park"
    assert "Credit" not in clean.body


def test_subheading_needs_text_after_it() -> None:
    page = "\n\n".join([
        "Storm closes ferry routes",
        "Ferries between the islands were cancelled on Sunday as a storm brought winds of more than 100 km/h.",
        "Schools stay open",
        "Schools on the main island will open as usual on Monday, the education office said in a statement.",
        "Instagram",
        "Trending now in the islands",
    ])
    clean = clean_text(page)
    assert "## Schools stay open" in clean.body
    assert "Instagram" not in clean.body and "Trending" not in clean.body


@pytest.mark.parametrize("line", [
    "AdBlock Detected", "It looks like you're using an ad-blocker!", "Please disable your ad blocker to support us.",
    "We use cookies to improve your experience on our site.", "Follow us on Twitter @example",
    "Subscribe to our newsletter", "Sign up for free", "Scroll to Top", "Back to top", "Skip to content",
    "Please enter your comment!", "Please enter your name here", "Leave a Reply", "Required fields are marked *",
    "Read More: Something Else Entirely", "Also Read: Another Headline", "Read Next: Yet Another One",
    "RELATED: Ten things to know", "Credit: DepositPhotos", "Photo: Reuters", "Image source, Getty Images",
    "(Photo by Jane Doe/Getty Images)", "Advertisement", "5 min read", "© 2024 Example Media",
    "All rights reserved.", "Share this article", "Facebook", "Twitter", "WhatsApp", "Privacy Policy",
    "Story continues below advertisement", "Photograph: Sam Lee/AFP", "12 Comments",
    "Tags: Harbour, Fishing, Council", "Posted in Local News", "Filed under: Politics", "Previous Post",
    "Next article", "Continue reading", "Click to share on Twitter (Opens in new window)", "Like this:",
    "Like Loading...", "Image 3 of 12", "Your browser does not support the video tag.", "Comments are closed.",
    "Ad Feedback", "Link Copied!", "Save articles to read later and create your own reading list.",
    "This article is more than 2 years old", "Listen to this article", "Have a news tip? Email us at tips@example.com",
    "The views expressed in this article are the author's own.", "Source: Al Jazeera and news agencies",
    "By using this site, you agree to our Terms of Use and Privacy Policy.", "Accept all", "Manage preferences",
    "You have 2 free articles left this month.", "This story is for subscribers only.",
    "The Harbour Herald is an independent news site owned by its readers since 1901.",
    "Proudly powered by WordPress",
    "The prime minister speaks in Baghdad, January 15, 2024. REUTERS/Sam Lee/File Photo Purchase Licensing Rights",
    "Harbour cranes at dawn. AFP/Jane Doe", "Story continues", "Sign up here., opens new tab",
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.",
    "This is dummy text that the theme shows until the site owner writes an introduction of their own.",
])
def test_furniture_lines(line: str) -> None:
    assert furniture.furniture_reason(line) is not None or furniture.is_terminator(line)


@pytest.mark.parametrize("line", [
    "The council voted 7-2 to approve the plan on Friday.",
    "Background: U.S. Strike and Escalating Tensions",
    "\"We will not leave,\" the minister told reporters in the capital.",
    "Readers of the report said the figures were wrong, and asked the agency to share its data.",
    "Sign language interpreters will be present at every public meeting, the council said.",
    "The company said it had followed the rules on cookies and advertising for years.",
    "Tags are attached to every crate before it leaves the port, the manager explained.",
    "Next year the board will review the plan again.",
    "The image: a city that had run out of patience with its leaders, and said so at the polls in May.",
    "Posted guards stood at every gate of the harbour through the night, witnesses said.",
    "Members only got to vote once, the chair said.",
    "The board and its AP/EU partners said the deal was done.",
    "Maria Okafor is a local fisherman who has worked the bay for thirty years.",
    "The harbour board is a local body with nine elected members and a paid chair.",
    "He said the free articles in the archive would stay online for now.",
    "By using the new dredger, the board said it would agree a faster timetable with the fleet.",
])
def test_article_lines_are_not_furniture(line: str) -> None:
    assert furniture.furniture_reason(line) is None
    assert not furniture.is_terminator(line)


@pytest.mark.parametrize("line", [
    "Related News", "Related Articles", "More Posts", "About Us", "On this day", "Comments", "You may also like",
    "Most Popular", "Latest News", "Leave a comment",
])
def test_furniture_headings_end_the_article(line: str) -> None:
    assert furniture.is_terminator(line)


def test_hard_wrapped_paragraphs_are_joined() -> None:
    page = ("Flood warning lifted\n\nThe flood warning for the lower valley was lifted on\n"
            "Tuesday morning after the river fell below the danger mark for\nthe first time in a week.\n\n"
            "Farmers in the valley said the water had covered their fields for\n"
            "nine days and that most of the spring crop was lost, although\n"
            "Officials from the county promised help with the cost of seed.\n")
    clean = clean_text(page)
    assert clean.found.title == "Flood warning lifted"
    assert ("The flood warning for the lower valley was lifted on Tuesday morning after the river fell below "
            "the danger mark for the first time in a week.") in clean.body
    assert "spring crop was lost, although Officials from the county" in clean.body


def test_markdown_lookalikes_are_escaped() -> None:
    page = ("Budget passes\n\n2024. That is the year the council finally passed a budget on time, members said.\n\n"
            "# of votes against was three, far fewer than the year before, the clerk told the meeting.\n")
    body = clean_text(page).body
    assert "2024\\. That is the year" in body
    assert "\\# of votes" in body


def test_a_pull_quote_keeps_its_sentence_once() -> None:
    page = "\n\n".join([
        "Harbour board backs dredging plan",
        "The harbour board backed the dredging plan on Friday, despite protests from the fishing fleet outside.",
        "“We will not give up.”",
        "The fleet's leader said the fight would go on in the courts, and warned the board of a long battle.",
        "“We will not give up.”",
        "The board said it expected to win any case brought against it by the fishermen's association.",
    ])
    body = clean_text(page).body
    assert body.count("“We will not give up.”") == 1


def test_a_paragraph_starting_in_lower_case_is_not_joined_to_the_headline() -> None:
    page = ("Phone maker reports falling sales\n"
            "iPhone sales fell by a fifth in the last quarter, the company said on Thursday, blaming weak demand.\n"
            "The company expects sales to recover next year.\n")
    clean = clean_text(page)
    assert clean.found.title == "Phone maker reports falling sales"
    assert clean.body.startswith("iPhone sales fell by a fifth")
