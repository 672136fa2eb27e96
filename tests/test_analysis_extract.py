"""Quantities and attributions read from sentences, from fixture tables."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from digest.analysis.corpus import build_corpus
from digest.language.attribution import claimant, find_attributions
from digest.language.quantities import descriptor, figures, find_quantities
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
    sentence = build_corpus(topic).sentences[-1]
    assert sentence.text == line and sentence.furniture is expected


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


@pytest.mark.parametrize(("after", "phrase"), [
    (" in Norland to watch the border.", "in Norland"),
    (" from several member states, has been extended.", "from several member states"),
    (" still stationed in the north as part of the mission.", "in the north"),
    (" in Eastport had been moved to shelters.", "in Eastport"),
    (" at Eastport stopped work on Friday.", "at Eastport"),
    (", officials said.", ""),
    (" and 900 more.", ""),
    (" to rebuild the town.", ""),
])
def test_the_phrase_that_says_what_a_figure_is(after, phrase):
    assert descriptor(after) == phrase


@pytest.mark.parametrize(("text", "expected"), [
    ("The force has 400 inspectors in Norland and 900 in Tessaly.",
     [("400", "inspectors", "in Norland"), ("900", "inspectors", "in Tessaly")]),
    ("About 3,000 families in Eastport were moved on Friday.", [("3,000", "families", "in Eastport")]),
    ("The flood forced 1,200 families from their homes on Friday.", [("1,200", "families", "from their homes")]),
    ("Officials counted 27 people on Monday.", [("27", "people", "")]),
])
def test_figures_with_what_they_count(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(f.number, f.noun, f.phrase) for f in figures(text, find_quantities(text))] == expected
