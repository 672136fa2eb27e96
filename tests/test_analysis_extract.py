"""Quantities and attributions read from sentences, from fixture tables."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from digest.analysis.attribution import claimant, find_attributions
from digest.analysis.corpus import build_corpus
from digest.analysis.quantities import find_quantities
from digest.model import Article, ArticleMeta, Topic

FIXTURES = Path(__file__).parent / "fixtures" / "analysis"
QUANTITIES = yaml.safe_load((FIXTURES / "quantities.yml").read_text("utf-8"))
ATTRIBUTIONS = yaml.safe_load((FIXTURES / "attributions.yml").read_text("utf-8"))


@pytest.mark.parametrize("case", QUANTITIES, ids=[case["text"] for case in QUANTITIES])
def test_quantities(case: dict) -> None:
    found = [[quantity.value, quantity.counts, quantity.approximate] for quantity in find_quantities(case["text"])]
    assert found == [[float(value), counts, approximate] for value, counts, approximate in case["expected"]]


def test_quantities_leave_dates_alone() -> None:
    text = "Hundreds of troops will leave by September 2025."
    assert [q.counts for q in find_quantities(text, skip=((text.index("September"), len(text) - 1),))] == ["troop"]


def test_quantity_key_compares_values_and_things() -> None:
    first, second = find_quantities("It sent 2,500 troops."), find_quantities("It sent 2500 troops.")
    assert first[0].key == second[0].key == "2500 troop"


@pytest.mark.parametrize("case", ATTRIBUTIONS, ids=[case["text"] for case in ATTRIBUTIONS])
def test_attributions(case: dict) -> None:
    found = [[a.speaker, a.verb, a.stance, a.content] for a in find_attributions(case["text"])]
    assert found == [list(row) for row in case["expected"]]


FURNITURE = yaml.safe_load((FIXTURES / "furniture.yml").read_text("utf-8"))


@pytest.mark.parametrize(("line", "expected"), [(line, True) for line in FURNITURE["furniture"]]
                         + [(line, False) for line in FURNITURE["statements"]])
def test_furniture_lines(line: str, expected: bool) -> None:
    body = f"Lead paragraph of the article, which states something.\n\n{line}\n"
    topic = Topic(slug="t", path=Path("."), title="T",
                  articles=(Article(id="a", path=Path("a.md"), meta=ArticleMeta(title="A"), body=body),))
    unit = build_corpus(topic).units[-1]
    assert unit.text == line and unit.furniture is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The farmers had claimed that the river was poisoned.",
     ("The farmers", "had claimed that the river was poisoned.")),
    ("Iran claimed responsibility for the attack, a claim Baghdad denied.",
     ("Iran", "claimed responsibility for the attack, a claim Baghdad denied.")),
    ("They said the river was poisoned.", ("", "They said the river was poisoned.")),
    ("The army denied the report.", ("", "The army denied the report.")),
])
def test_who_makes_a_claim(text: str, expected: tuple[str, str]) -> None:
    assert claimant(text) == expected
