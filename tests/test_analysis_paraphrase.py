"""Grouping of paraphrases across outlets, and its precision guards (tests/fixtures/analysis/paraphrase).

Four outlets report a fire at a port in their own words: the same fact shares rare words, a figure or
a date, rarely a phrase. Sentences that share only the story's names, or give another day or another
count of the same thing, are different facts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.analysis.corpus import build_corpus, content_tokens
from digest.analysis.grouping import group_facts
from digest.analysis.summary import build_summary
from digest.analysis.timeline import build_timeline
from digest.content import load_topic
from digest.model import TopicSettings

FIXTURE = Path(__file__).parent / "fixtures" / "analysis" / "paraphrase"


@pytest.fixture(scope="module")
def analysed():
    topic, problems = load_topic(FIXTURE)
    assert not problems
    corpus = build_corpus(topic)
    return corpus, group_facts(corpus)


def _group_of(groups, article: str, index: int):
    return next(group for group in groups if any(u.ref.article == article and u.ref.index == index
                                                 for u in group.sentences))


SAME_FACT = [
    (("harbour-times", 1), ("coast-wire", 1)),  # the fire: shared date and a rare word, little wording
    (("harbour-times", 1), ("valley-post", 1)),  # "on Sunday", resolved against the publication date
    (("valley-post", 1), ("inland-daily", 3)),  # 12,000 tonnes of wheat
    (("harbour-times", 2), ("coast-wire", 2)),  # 14 workers and smoke, told three ways
    (("harbour-times", 2), ("valley-post", 2)),
    (("harbour-times", 3), ("valley-post", 3)),  # 40 percent of grain exports
]
DIFFERENT_FACTS = [
    (("harbour-times", 1), ("coast-wire", 3)),  # the port's names, but another day
    (("harbour-times", 2), ("coast-wire", 4)),  # workers again, but 16 evacuated, not 14 treated
    (("harbour-times", 2), ("inland-daily", 2)),  # the same speaker on another matter
    (("harbour-times", 5), ("coast-wire", 4)),  # "Shipping companies said": common words only
    (("inland-daily", 1), ("coast-wire", 3)),  # the port, partly closed and reopening berths
]


@pytest.mark.parametrize(("first", "second"), SAME_FACT)
def test_paraphrases_group(analysed, first, second) -> None:
    _, groups = analysed
    assert _group_of(groups, *first) is _group_of(groups, *second)


@pytest.mark.parametrize(("first", "second"), DIFFERENT_FACTS)
def test_different_facts_stay_apart(analysed, first, second) -> None:
    _, groups = analysed
    assert _group_of(groups, *first) is not _group_of(groups, *second)


def test_a_group_counts_every_outlet_that_reports_the_fact(analysed) -> None:
    _, groups = analysed
    fire = _group_of(groups, "harbour-times", 1)
    assert len(fire.outlets) == 4 and [str(value) for value in fire.dates] == ["2024-03-03"]


@pytest.mark.parametrize(("text", "same_as"), [
    ("Qassem Soleimani travelled", "Qasem Soleimani traveled"),  # doubled letters are spelling
    ("on March 3 the committee met", "the comittee met"),  # month names are dates, not words
])
def test_spelling_variants_compare_equal(text: str, same_as: str) -> None:
    assert content_tokens(text) == content_tokens(same_as)


def test_summary_opens_with_the_most_reported_fact(analysed) -> None:
    corpus, groups = analysed
    summary = build_summary(corpus, groups, TopicSettings(summary_words=60))
    fire = {sentence.ref for sentence in _group_of(groups, "harbour-times", 1).sentences}
    assert set(summary[0].refs) == fire and len(summary[0].sources) == 4  # every source of the fact is cited


def _write(folder: Path, reports: dict[str, tuple[str, str, str]]) -> None:
    folder.mkdir()
    (folder / "topic.yml").write_text("title: Test\n", encoding="utf-8")
    for name, (outlet, published, text) in reports.items():
        (folder / f"{name}.md").write_text(f"---\ntitle: {name}\noutlet: {outlet}\npublished: {published}\n---\n"
                                           f"{text}\n", encoding="utf-8")


def test_year_and_month_mentions_merge_into_the_day_of_the_same_event(tmp_path: Path) -> None:
    _write(tmp_path / "vote", {
        "a": ("Alpha News", "2021-02-01", "Lawmakers in Corvel voted to expel the foreign mission on January 5, 2020."),
        "b": ("Beta Post", "2021-02-02", "In January 2020, Corvel lawmakers voted to expel the foreign mission."),
        "c": ("Gamma Daily", "2021-02-03", "Corvel's parliament voted in 2020 to expel the foreign mission."),
        "d": ("Delta Wire", "2021-02-04", "Corvel signed a separate trade deal with its neighbours in 2020."),
    })
    topic, _ = load_topic(tmp_path / "vote")
    corpus = build_corpus(topic)
    timeline = build_timeline(corpus, group_facts(corpus))
    vote = [entry for entry in timeline if "expel" in entry.event.text]
    assert [str(entry.date) for entry in vote] == ["2020-01-05"]
    assert set(vote[0].event.sources) == {"a", "b", "c"}
    assert any(str(entry.date) == "2020" and "trade deal" in entry.event.text for entry in timeline)


def test_a_date_that_only_says_when_someone_spoke_weighs_less(tmp_path: Path) -> None:
    _write(tmp_path / "quotes", {
        "a": ("Alpha News", "2024-05-10", "The Corvel dam was closed to traffic on May 7, 2024."),
        "b": ("Beta Post", "2024-05-10", "\u201cWe will reopen soon,\u201d the mayor of Corvel said on May 8, 2024."),
    })
    topic, _ = load_topic(tmp_path / "quotes")
    corpus = build_corpus(topic)
    weights = {str(entry.date): entry.weight for entry in build_timeline(corpus, group_facts(corpus))}
    assert weights["2024-05-07"] > weights["2024-05-08"]


@pytest.mark.parametrize(("first", "second", "grouped"), [
    # The same speaker and frame, two different quotations: two statements.
    ("\u201cWe will rebuild the silo within a year,\u201d Anika Soren, the port director, told Coast Wire.",
     "\u201cNobody was to blame for the fire,\u201d Anika Soren, the port director, told Coast Wire.", False),
    ("\u201cWe will rebuild the silo within a year,\u201d Anika Soren, the port director, told Coast Wire.",
     "Anika Soren, the port director, said: \u201cWe will rebuild the silo within a year.\u201d", True),
    # Approximate figures far apart count different things; close ones may be one figure, hedged.
    ("The last comparable fire at the Delmar port, in 1995, burned for about 3 weeks.",
     "The last comparable fire at the Delmar port, in 1995, burned for about 57 weeks.", False),
    ("The last comparable fire at the Delmar port, in 1995, burned for about 3 weeks.",
     "The last comparable fire at the Delmar port, in 1995, burned for 3 weeks.", True),
])
def test_quotations_and_figures_guard_grouping(tmp_path: Path, first: str, second: str, grouped: bool) -> None:
    _write(tmp_path / "pair", {"a": ("Alpha News", "2024-03-04", first), "b": ("Beta Post", "2024-03-04", second)})
    topic, _ = load_topic(tmp_path / "pair")
    corpus = build_corpus(topic)
    assert (len(group_facts(corpus)) == 1) is grouped
