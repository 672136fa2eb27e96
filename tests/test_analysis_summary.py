"""The summary's choice of sentences (tests/fixtures/analysis/summary, and small stories written here).

Four outlets report a flood in their own words. One rescue is told twice, by two outlets in
different words; there are dated plans, figures, a long generic remark and a paraphrase of the
main fact. The summary tells each episode once, keeps to its word budget with a mix of long and
short sentences, and prefers a distinct dated fact to a sentence that retells the news.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from digest.analysis.corpus import build_corpus
from digest.analysis.grouping import group_facts
from digest.analysis.summary import OVERSHOOT, build_summary
from digest.content import load_topic
from digest.model import TopicSettings

FIXTURE = Path(__file__).parent / "fixtures" / "analysis" / "summary"
RESCUE = "A helicopter crew from the Kestrel Rescue Service lifted Mayor Ilse Varga"
RESCUE_RETOLD = "Varga, who has run the council for six years, was among dozens of people the Kestrel service"
PLAN = "The regional water board said repairs to the broken wall would be finished by March 2027."
PARAPHRASE = "Hundreds of households in the town woke to find water"
LONG_REMARK = "Residents who had lived for decades in the low streets near the river"


@pytest.fixture(scope="module")
def story():
    topic, problems = load_topic(FIXTURE)
    assert not problems
    return topic


def _summary(topic, words: int) -> list[str]:
    corpus = build_corpus(topic)
    return [cited.text for cited in build_summary(corpus, group_facts(corpus), TopicSettings(summary_words=words))]


def _has(summary: list[str], start: str) -> bool:
    return any(text.startswith(start) for text in summary)


def test_one_episode_told_by_two_outlets_in_other_words_is_summarised_once(story) -> None:
    corpus = build_corpus(story)
    groups = group_facts(corpus)
    holders = {group.id for group in groups for member in group.sentences
               if member.text.startswith((RESCUE, RESCUE_RETOLD))}
    assert len(holders) == 2  # two fact groups: grouping alone does not see the repetition
    summary = _summary(story, 400)  # room for every sentence: only redundancy leaves one out
    assert _has(summary, RESCUE) != _has(summary, RESCUE_RETOLD)
    without_first_teller = dataclasses.replace(
        story, articles=tuple(article for article in story.articles if article.id != "northgate-herald"))
    assert _has(_summary(without_first_teller, 400), RESCUE_RETOLD)  # alone, the retelling is worth its place


@pytest.mark.parametrize("words", [30, 45, 60, 80, 120, 160])
def test_budget_is_kept_and_filled_with_long_and_short_sentences(story, words: int) -> None:
    corpus = build_corpus(story)
    summary = build_summary(corpus, group_facts(corpus), TopicSettings(summary_words=words))
    used = sum(len(cited.text.split()) for cited in summary)
    assert used <= words + int(words * OVERSHOOT)
    assert used >= 0.75 * words  # a sentence too long for what is left gives way to shorter ones
    bodies = {article.id: article.body for article in story.articles}
    assert all(cited.text in bodies[source] for cited in summary for source in cited.sources[:1])


@pytest.mark.parametrize("words", [60, 120, 160])
def test_a_long_generic_remark_does_not_crowd_out_shorter_facts(story, words: int) -> None:
    summary = _summary(story, words)
    assert not _has(summary, LONG_REMARK)
    assert len(summary) >= words // 20


@pytest.mark.parametrize("words", [50, 60, 80])
def test_a_distinct_dated_fact_beats_a_paraphrase_of_the_news(story, words: int) -> None:
    summary = _summary(story, words)
    assert PLAN in summary and not _has(summary, PARAPHRASE)


def test_deterministic(story) -> None:
    assert _summary(story, 120) == _summary(story, 120)


NEWS = "The Corvel dam on the Lisk river failed on May 7, 2024, flooding the valley below it."


def _write(folder: Path, reports: dict[str, tuple[str, str, list[str]]]) -> None:
    folder.mkdir()
    (folder / "topic.yml").write_text("title: Test\n", encoding="utf-8")
    for name, (outlet, published, sentences) in reports.items():
        body = "\n\n".join(sentences)
        (folder / f"{name}.md").write_text(f"---\ntitle: {name}\noutlet: {outlet}\npublished: {published}\n---\n"
                                           f"{body}\n", encoding="utf-8")


@pytest.mark.parametrize(("first", "second", "both"), [
    # One episode: the same rare names (a person, a rescue service), one sentence dated, in other words.
    ("Crews of the Ostrava Mountain Rescue winched the engineer Tomas Bielik from the spillway gallery.",
     "On May 7, 2024, Bielik was one of nine workers that Ostrava helicopters lifted out as the water rose.",
     False),
    # One episode: a rare name and the same date.
    ("Inspectors from the Halden Safety Board reached the dam on May 9, 2024, and sealed the site.",
     "Arriving on May 9, 2024, after two days of driving rain, Halden investigators put fences and guards "
     "around what was left of the structure.",
     False),
    # One person, two events on different days: both are news.
    ("Tomas Bielik, the dam's chief engineer, warned the operator about cracks in the wall on March 2, 2024.",
     "Bielik resigned from his post on May 20, 2024, saying his warnings had been ignored.", True),
    # One name in common, two undated matters: both are news.
    ("The Halden Safety Board will publish its findings within six months.",
     "Insurers said the Halden region faces repair costs of more than 90 million euros.", True),
])
def test_same_episode_from_two_outlets(tmp_path: Path, first: str, second: str, both: bool) -> None:
    _write(tmp_path / "dam", {
        "a": ("Alpha News", "2024-05-10", [NEWS, first]),
        "b": ("Beta Post", "2024-05-10", ["The Lisk river flooded the valley after the Corvel dam failed on May 7, "
                                         "2024.", second]),
        "c": ("Gamma Daily", "2024-05-11", ["Water from the failed Corvel dam flooded the Lisk valley on May 7, "
                                           "2024."]),
    })
    topic, problems = load_topic(tmp_path / "dam")
    assert not problems
    corpus = build_corpus(topic)
    groups = group_facts(corpus)
    holders = {group.id for group in groups for sentence in group.sentences if sentence.text in (first, second)}
    assert len(holders) == 2  # the pair is two fact groups: the summary must see the repetition itself
    summary = [cited.text for cited in build_summary(corpus, groups, TopicSettings(summary_words=400))]
    assert (first in summary and second in summary) is both
    assert first in summary or second in summary
