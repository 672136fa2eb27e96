"""Cross-source grouping, timeline and summary on a small hand-written topic (tests/fixtures/analysis/grouping).

Four articles on a bridge closure: three outlets and one syndicated copy, with a dateline and a
heading that carry dates of their own (furniture), relative dates ("on Monday") and shared figures.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from digest.analysis.corpus import build_corpus, outlet_key
from digest.analysis.grouping import group_facts
from digest.analysis.summary import build_summary
from digest.analysis.timeline import build_timeline
from digest.content import load_topic
from digest.language.tokens import fold
from digest.model import Topic, TopicSettings

FIXTURE = Path(__file__).parent / "fixtures" / "analysis" / "grouping"


@pytest.fixture(scope="module")
def analysed():
    topic, problems = load_topic(FIXTURE)
    assert not problems
    corpus = build_corpus(topic)
    groups = group_facts(corpus)
    return topic, corpus, groups


def _group_of(groups, article: str, index: int):
    return next(group for group in groups if any(u.ref.article == article and u.ref.index == index
                                                 for u in group.sentences))


# (article, sentence index) pairs that report the same fact, and pairs that do not.
SAME_FACT = [
    (("north-star", 1), ("the-coast-daily", 2)),  # the closure, in other words
    (("north-star", 2), ("the-coast-daily", 3)),  # 40,000 vehicles a day
    (("north-star", 3), ("bay-wire", 1)),  # the mayor's six months
    (("bay-wire", 2), ("bay-wire-copy", 2)),  # a syndicated copy
]
DIFFERENT_FACTS = [
    (("north-star", 1), ("north-star", 2)),  # one article, two facts
    (("north-star", 4), ("the-coast-daily", 4)),  # ferries and shops
    (("bay-wire", 1), ("bay-wire", 3)),  # repairs and the council meeting
]


@pytest.mark.parametrize(("first", "second"), SAME_FACT)
def test_same_fact_grouped(analysed, first, second) -> None:
    _, _, groups = analysed
    assert _group_of(groups, *first) is _group_of(groups, *second)


@pytest.mark.parametrize(("first", "second"), DIFFERENT_FACTS)
def test_different_facts_apart(analysed, first, second) -> None:
    _, _, groups = analysed
    assert _group_of(groups, *first) is not _group_of(groups, *second)


def test_syndicated_copy_counts_once(analysed) -> None:
    _, corpus, groups = analysed
    assert corpus.outlets["bay-wire-copy"] == corpus.outlets["bay-wire"]
    mayor = _group_of(groups, "bay-wire", 1)
    assert len(mayor.sentences) == 3 and len(mayor.outlets) == 2


def test_groups_share_figures(analysed) -> None:
    _, _, groups = analysed
    assert _group_of(groups, "north-star", 2).numbers == ("40000 vehicle",)
    assert [str(value) for value in _group_of(groups, "north-star", 1).dates] == ["2023-05-08"]


def test_every_statement_in_one_group_and_ids_unique(analysed) -> None:
    _, corpus, groups = analysed
    statements = [sentence.ref for sentence in corpus.sentences if not sentence.furniture]
    grouped = [sentence.ref for group in groups for sentence in group.sentences]
    assert sorted(grouped, key=lambda r: (r.article, r.index)) == sorted(statements, key=lambda r: (r.article, r.index))
    assert len({group.id for group in groups}) == len(groups)


def test_furniture_dates_stay_out_of_the_timeline(analysed) -> None:
    _, corpus, groups = analysed
    timeline = build_timeline(corpus, groups)
    assert "2023-05-09" not in {str(entry.date) for entry in timeline}  # dateline and heading only
    closure = next(entry for entry in timeline if str(entry.date) == "2023-05-08")
    assert set(closure.event.sources) == {"north-star", "the-coast-daily"}
    assert not closure.event.text.startswith("HARBOURTON")  # quoted from a sentence without a dateline


def test_relative_dates_resolved_against_publication(analysed) -> None:
    _, corpus, groups = analysed
    dates = {str(entry.date) for entry in build_timeline(corpus, groups)}
    assert {"2023-05-08", "2023-05-10", "2023-05-15", "1962", "2004"} <= dates


def test_timeline_sorted_and_weighted(analysed) -> None:
    _, corpus, groups = analysed
    timeline = build_timeline(corpus, groups)
    keys = [tuple(int(part) for part in str(entry.date).split("-")) for entry in timeline]
    assert keys == sorted(keys)
    weights = {str(entry.date): entry.weight for entry in timeline}
    assert weights["2023-05-08"] > weights["2023-05-15"]  # two outlets against one


def test_summary_verbatim_within_budget(analysed) -> None:
    topic, corpus, groups = analysed
    bodies = {article.id: article.body for article in topic.articles}
    for budget in (30, 60, 200):
        summary = build_summary(corpus, groups, TopicSettings(summary_words=budget))
        assert sum(len(sentence.text.split()) for sentence in summary) <= budget * 1.1
        for sentence in summary:
            assert fold(sentence.text) in fold(bodies[sentence.sources[0]])
            assert len(sentence.refs) == len(sentence.sources)
    first = build_summary(corpus, groups, TopicSettings(summary_words=30))
    assert len(first[0].sources) >= 2  # the most corroborated fact comes first


def test_empty_and_single_article_topics(tmp_path: Path) -> None:
    topic, _ = load_topic(FIXTURE)
    lonely = replace(topic, articles=(replace(topic.articles[0], body="# Only a heading\n"),))
    corpus = build_corpus(lonely)
    groups = group_facts(corpus)
    assert groups == () and build_timeline(corpus, groups) == ()
    assert build_summary(corpus, groups, TopicSettings()) == ()
    assert build_corpus(Topic(slug="empty", path=tmp_path, title="Empty")).sentences == ()


@pytest.mark.parametrize(("name", "key"), [("The Associated Press", "associated-press"),
                                           ("associated press", "associated-press"),
                                           ("More from The Stock Dork", "stock-dork")])
def test_outlet_key(name: str, key: str) -> None:
    assert outlet_key(name) == key


_DUMP = """
import json, sys
from pathlib import Path
from digest.content import load_topic
from digest.analysis.corpus import build_corpus
from digest.analysis.grouping import group_facts
from digest.analysis.summary import build_summary
from digest.analysis.timeline import build_timeline
from digest.model import TopicSettings
topic, _ = load_topic(Path(sys.argv[1]))
corpus = build_corpus(topic)
groups = group_facts(corpus)
print(json.dumps([[g.id, [str(u.ref) for u in g.sentences], g.echo] for g in groups]
                 + [[e.id, str(e.date), e.weight, e.event.sources] for e in build_timeline(corpus, groups)]
                 + [[s.text, s.sources] for s in build_summary(corpus, groups, TopicSettings())]))
"""


def test_same_output_under_any_hash_seed() -> None:
    outputs = set()
    for seed in ("0", "1", "4242"):
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run([sys.executable, "-c", _DUMP, str(FIXTURE)], capture_output=True, text=True,
                                env=environment, check=True)
        outputs.add(result.stdout)
    assert len(outputs) == 1 and json.loads(outputs.pop())


def test_near_dates_in_the_same_words_are_one_event(tmp_path: Path) -> None:
    folder = tmp_path / "storm"
    folder.mkdir()
    (folder / "topic.yml").write_text("title: Storm\n", encoding="utf-8")
    reports = {
        "a": ("Alpha News", "The storm made landfall near Port Rowan on March 3, 2021, flattening the harbour."),
        "b": ("Beta Post", "The storm made landfall near Port Rowan on March 4, 2021, flattening the harbour."),
        "c": ("Gamma Daily", "The storm made landfall near Port Rowan in March 2021, flattening the harbour."),
        "d": ("Delta Wire", "The storm made landfall near Port Rowan on March 3, 2021, and flattened the harbour."),
        "e": ("Echo Times", "A separate ferry strike began on March 4, 2021 in the northern ports of the region."),
    }
    for name, (outlet, text) in reports.items():
        (folder / f"{name}.md").write_text(f"---\ntitle: {name}\noutlet: {outlet}\n---\n{text}\n", encoding="utf-8")
    topic, _ = load_topic(folder)
    corpus = build_corpus(topic)
    timeline = build_timeline(corpus, group_facts(corpus))
    landfall = [entry for entry in timeline if "landfall" in entry.event.text]
    assert len(landfall) == 1 and str(landfall[0].date) == "2021-03-03"
    assert set(landfall[0].event.sources) == {"a", "b", "c", "d"}
    assert any(str(entry.date) == "2021-03-04" and "ferry" in entry.event.text for entry in timeline)


def test_a_date_flagged_as_contradicting_the_story_anchors_nothing(analysed) -> None:
    topic, _, _ = analysed
    article = next(a for a in topic.articles if a.id == "north-star")
    flagged = replace(article, meta=replace(article.meta, flags=("date_anomaly",)))
    sentences = build_corpus(replace(topic, articles=(flagged,))).sentences
    monday = next(sentence for sentence in sentences if "on Monday" in sentence.text)
    assert [d.value for d in monday.dates] == [None] and monday.published is None


def test_a_sentence_repeated_in_one_article_keeps_distinct_group_ids(analysed) -> None:
    topic, _, _ = analysed
    article = topic.articles[0]
    line = "The harbour authority repeated its warning to all boat owners today."
    doubled = replace(article, body=f"{line}\n\nSomething else happened in between the two.\n\n{line}\n")
    groups = group_facts(build_corpus(replace(topic, articles=(doubled,))))
    assert len(groups) == 3 and len({group.id for group in groups}) == 3


def _timeline_of(tmp_path: Path, reports: dict[str, tuple[str, str]]):
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "topic.yml").write_text("title: Story\n", encoding="utf-8")
    for name, (outlet, text) in reports.items():
        (folder / f"{name}.md").write_text(f"---\ntitle: {name}\noutlet: {outlet}\n---\n{text}\n", encoding="utf-8")
    topic, _ = load_topic(folder)
    corpus = build_corpus(topic)
    return build_timeline(corpus, group_facts(corpus))


def test_one_event_in_two_differently_built_sentences_is_one_entry(tmp_path: Path) -> None:
    timeline = _timeline_of(tmp_path, {
        "a": ("Alpha News", "The relief agency was founded in 1998 to feed refugees along the river."),
        "b": ("Beta Post", "With 40 staff, the relief agency that was founded in 1998 still runs its kitchens."),
    })
    (entry,) = timeline
    assert str(entry.date) == "1998" and set(entry.event.sources) == {"a", "b"}
    assert entry.event.text.startswith("The relief agency was founded")  # the sentence about the date


def test_different_events_of_one_year_stay_apart(tmp_path: Path) -> None:
    timeline = _timeline_of(tmp_path, {
        "a": ("Alpha News", "The war in the east began in 2014 after months of unrest."),
        "b": ("Beta Post", "Peace talks with the rebels began in 2014 under a neutral mediator."),
    })
    assert len(timeline) == 2


def test_a_second_date_that_has_its_own_entry_does_not_repeat_the_sentence(tmp_path: Path) -> None:
    folder = tmp_path / "canal"
    folder.mkdir()
    (folder / "topic.yml").write_text("title: Canal\n", encoding="utf-8")
    reports = {
        "a": ("Alpha News", "The new canal lock was inaugurated by the regional governor in 2016."),
        "b": ("Beta Post", "Funding talks for the project collapsed in 2009 between the two provinces, "
                           "long before the inauguration of 2016."),
    }
    for name, (outlet, text) in reports.items():
        (folder / f"{name}.md").write_text(f"---\ntitle: {name}\noutlet: {outlet}\n---\n{text}\n", encoding="utf-8")
    topic, _ = load_topic(folder)
    corpus = build_corpus(topic)
    timeline = build_timeline(corpus, group_facts(corpus))
    assert [str(entry.date) for entry in timeline] == ["2009", "2016"]
    assert "inaugurated" in timeline[1].event.text and set(timeline[1].event.sources) == {"a", "b"}
