"""The date resolver, from a fixture table of sentences, anchors and expected dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from digest.language.times import date_sort_key, find_dates

CASES = yaml.safe_load((Path(__file__).parent / "fixtures" / "analysis" / "dates.yml").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[f"{case['text']} @{case['anchor']}" for case in CASES])
def test_resolve(case: dict) -> None:
    anchor = case["anchor"] if isinstance(case["anchor"], date) or case["anchor"] is None else None
    found = [[expression.text, expression.value] for expression in find_dates(case["text"], anchor)]
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


def test_sort_key_puts_a_year_before_its_months() -> None:
    assert sorted(["2020-01-05", "2019", "2020", "2020-01"], key=date_sort_key) == ["2019", "2020", "2020-01",
                                                                                  "2020-01-05"]
