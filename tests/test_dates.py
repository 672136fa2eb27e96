"""The date resolver, from a fixture table of sentences, anchors and expected dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from digest.language.times import PartialDate, find_dates, find_day, show_date

CASES = yaml.safe_load((Path(__file__).parent / "fixtures" / "analysis" / "dates.yml").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[f"{case['text']} @{case['anchor']}" for case in CASES])
def test_resolve(case: dict) -> None:
    anchor = case["anchor"] if isinstance(case["anchor"], date) or case["anchor"] is None else None
    found = [[expression.text, str(expression.value) if expression.value else None]
             for expression in find_dates(case["text"], anchor)]
    assert found == [[str(text), value] for text, value in case["expected"]]


@pytest.mark.parametrize(("value", "precision"), [("2014", "year"), ("2020-01", "month"), ("2022-12-09", "day")])
def test_precision(value: str, precision: str) -> None:
    year = int(value[:4])
    text = {"year": f"in {year}", "month": f"in January {year}", "day": f"on December 9, {year}"}[precision]
    (expression,) = find_dates(text)
    assert expression.precision == precision


def test_relative_flag() -> None:
    (absolute,) = find_dates("It began in 2014.", date(2024, 1, 1))
    (relative,) = find_dates("It began last year.", date(2024, 1, 1))
    assert not absolute.relative and relative.relative


def test_partial_dates_order_as_their_texts_do() -> None:
    texts = ["2020-01-05", "2019", "2020-10", "2020", "2020-01", "2019-12-31", "2020-02"]
    assert [str(value) for value in sorted(map(PartialDate.parse, texts))] == sorted(texts)


@pytest.mark.parametrize("text", ["2020", "2020-02", "2020-02-29", "1999-12-31"])
def test_partial_date_round_trips_its_text(text: str) -> None:
    assert str(PartialDate.parse(text)) == text


@pytest.mark.parametrize("text", ["20", "2020-2", "2020-13", "2021-02-29", "2020-00", "0000", "2020-01-05 ",
                                  "2020/01/05", "\uff12\uff10\uff12\uff10", ""])
def test_partial_date_refuses_what_is_no_date(text: str) -> None:
    with pytest.raises(ValueError):
        PartialDate.parse(text)


@pytest.mark.parametrize(("first", "second", "covers", "compatible", "near"), [
    ("2021", "2021-03-05", True, True, True),
    ("2021-03", "2021-03-05", True, True, True),
    ("2021-03-05", "2021-03", False, True, True),
    ("2021-03-05", "2021-03-05", True, True, True),
    ("2021-03-05", "2021-03-06", False, False, True),
    ("2021-12-31", "2022-01-01", False, False, True),
    ("2021-03-05", "2021-03-07", False, False, False),
    ("2021-03", "2021-04", False, False, False),
    ("2020", "2021", False, False, False),
])
def test_partial_dates_cover_and_meet(first: str, second: str, covers: bool, compatible: bool, near: bool) -> None:
    one, other = PartialDate.parse(first), PartialDate.parse(second)
    assert (one.covers(other), one.compatible(other), one.near(other)) == (covers, compatible, near)
    assert (other.compatible(one), other.near(one)) == (compatible, near)


@pytest.mark.parametrize(("text", "last", "coarser", "words"), [
    ("2020", date(2020, 12, 31), [], "2020"),
    ("2020-02", date(2020, 2, 29), ["2020"], "Feb 2020"),
    ("2019-12", date(2019, 12, 31), ["2019"], "Dec 2019"),
    ("2022-12-09", date(2022, 12, 9), ["2022", "2022-12"], "9 Dec 2022"),
])
def test_partial_date_span_and_words(text: str, last: date, coarser: list[str], words: str) -> None:
    value = PartialDate.parse(text)
    assert value.last_day == last
    assert [str(form) for form in value.coarser()] == coarser
    assert show_date(value) == show_date(text) == words


def test_day_after_crosses_months_and_years() -> None:
    assert str(PartialDate.parse("2021-12-31").day_after(1)) == "2022-01-01"
    assert str(PartialDate.parse("2021-03-01").day_after(-1)) == "2021-02-28"


@pytest.mark.parametrize(("line", "day"), [
    ("DECEMBER 9, 2022", "2022-12-09"),
    ("Published: Tue 9 Dec 2022 10:00 GMT", "2022-12-09"),
    ("Posted on Tuesday, March 7, 2023 by Sam Writer", "2023-03-07"),
    ("The file is dated 2022/12/09.", "2022-12-09"),
    ("Posted 2022.3.5 by the desk.", "2022-03-05"),
    ("9th of December, 2022", "2022-12-09"),
    ("It was 2022-12/09, mixed.", None),
    ("February 30, 2023, then March 1, 2023", "2023-03-01"),
    ("Updated 3 hours ago", None),
])
def test_datelines_give_the_first_day_they_name(line: str, day: str | None) -> None:
    """The same grammar reads datelines, more loosely than prose: a weekday before the date, capitals, numeric dates
    with slashes or dots."""
    found = find_day(line)
    assert (str(found.value) if found else None) == day
