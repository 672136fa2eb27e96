"""Metadata read from a page's visible text: datelines, bylines, credits, outlets, title suffixes."""

from __future__ import annotations

from datetime import date

import pytest

from digest.ingest import metadata
from digest.language import furniture


@pytest.mark.parametrize(("line", "expected"), [
    ("DECEMBER 9, 2022", date(2022, 12, 9)),
    ("December 9, 2022", date(2022, 12, 9)),
    ("Dec. 9, 2022 at 5:04 p.m. ET", date(2022, 12, 9)),
    ("Friday, December 9, 2022", date(2022, 12, 9)),
    ("9 December 2022", date(2022, 12, 9)),
    ("Mon 9 Jan 2023 10.00 GMT", date(2023, 1, 9)),
    ("Published On 12 Jan 2024", date(2024, 1, 12)),
    ("Published: 2024-01-12", date(2024, 1, 12)),
    ("Updated 2024/01/12 14:00", date(2024, 1, 12)),
    ("Posted on March 3, 2023 by Sam Writer", date(2023, 3, 3)),
    ("The talks began on December 9, 2022 in Baghdad with both delegations present.", None),
    ("February 30, 2023", None),
    ("Iraq News USA News", None),
])
def test_dateline(line: str, expected: date | None) -> None:
    assert metadata.dateline(line) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("By Jane Doe", "Jane Doe"),
    ("By Jane Doe and John Roe", "Jane Doe and John Roe"),
    ("Written by Ana de la Cruz", "Ana de la Cruz"),
    ("By Sam Lee | Reuters", "Sam Lee"),
    ("Posted by Ana Ruiz", "Ana Ruiz"),
    ("By JANE DOE", "JANE DOE"),
    ("By the end of the year, the troops will have left.", None),
    ("by 2025", None),
])
def test_byline(line: str, expected: str | None) -> None:
    assert furniture.byline(line) == expected


@pytest.mark.parametrize(("line", "wire", "photo"), [
    ("Credit: Ahmed Rasheed; Tala Ramadan;Nick Macfie", "Ahmed Rasheed; Tala Ramadan; Nick Macfie", False),
    ("Reporting by Jane Doe; Editing by Paul Smith", "Reporting by Jane Doe; Editing by Paul Smith", False),
    ("(Reporting by Jane Doe in Kestrel Bay)", "Reporting by Jane Doe in Kestrel Bay", False),
    ("Credit: DepositPhotos", None, True),
    ("Credits: DepositPhotos", None, True),
    ("Photo Credit: Jane Doe", None, True),
    ("Credit: Getty Images", None, True),
    ("Credit: AP Photo/Sam Lee", None, True),
    ("The credit: it goes to the team.", None, False),
])
def test_credits(line: str, wire: str | None, photo: bool) -> None:
    assert furniture.wire_credit(line) == wire
    assert furniture.photo_credit(line) is photo


@pytest.mark.parametrize(("line", "expected"), [
    ("More from The Stock Dork – Trump Unveils Bold Policy", "The Stock Dork"),
    ("More from Harbour Daily: the week in pictures", "Harbour Daily"),
    ("Subscribe to Follow Global Trends for daily global news.", "Follow Global Trends"),
    ("Subscribe to The Bay Post's newsletter", "The Bay Post"),
    ("© 2024 The Valley Gazette. All rights reserved.", "The Valley Gazette"),
    ("Copyright 2021-2024 Example Media, all rights reserved", "Example Media"),
    ("Subscribe to our newsletter for updates", None),
    ("More from the author", None),
    ("Copyright law experts said the rule was unclear.", None),
    ("The Harbour Herald is an independent news site owned by its readers.", "The Harbour Herald"),
])
def test_self_named_outlet(line: str, expected: str | None) -> None:
    assert metadata.self_named_outlet(line) == expected


def test_site_handle_is_the_one_others_extend() -> None:
    found = metadata.handles("Follow us: Instagram, Threads & X @nya360_  YouTube & Facebook @nya360.")
    assert metadata.pick_handle(found) == "@nya360"
    assert metadata.handles("Mail desk@example.com") == []


@pytest.mark.parametrize(("title", "outlet", "expected"), [
    ("Harbour dredging approved - Bay Courier", "Bay Courier", "Harbour dredging approved"),
    ("Harbour dredging approved – bay courier", "Bay Courier", "Harbour dredging approved"),
    ("Harbour dredging approved - Bay Courier", "The Herald", "Harbour dredging approved - Bay Courier"),
    ("Bay Courier", "Bay Courier", "Bay Courier"),
])
def test_strip_outlet(title: str, outlet: str, expected: str) -> None:
    assert metadata.strip_outlet(title, outlet) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Headline about talks | Military News", ("Headline about talks", "Military News", None)),
    ("Headline | World | The Gazette", ("Headline", "World", "The Gazette")),
    ("Iraq: what the vote means", ("Iraq: what the vote means", None, None)),
    ("Opinion | Why the harbour needs dredging", ("Why the harbour needs dredging", "Opinion", None)),
    ("Harbour votes counted today | results due in the morning, officials say", (
        "Harbour votes counted today | results due in the morning, officials say", None, None)),
])
def test_split_title(title: str, expected: tuple) -> None:
    assert metadata.split_title(title) == expected


@pytest.mark.parametrize(("published", "sentences", "contradicted"), [
    (date(2022, 12, 9), ["Hundreds of troops are expected to leave by September 2025."], True),
    (date(2022, 12, 9), ["The strike in 2024 killed a commander."], True),
    (date(2022, 12, 9), ["The parliament voted in 2020 to expel foreign forces."], False),
    (date(2022, 12, 9), ["The ministry will publish its plan in 2023."], False),
    (date(2022, 12, 9), ["The target is to cut emissions by 2030."], False),
    (date(2023, 5, 1), ["The 2024 election campaign has begun in earnest."], False),
    (date(2023, 5, 1), ["The 2024 budget, which was approved last week, is the largest yet."], False),
    (date(2023, 5, 1), ["Talks collapsed in March 2024 after the strike."], True),
])
def test_date_contradicted(published: date, sentences: list[str], contradicted: bool) -> None:
    assert (metadata.date_contradicted(published, sentences) is not None) is contradicted
