"""A synthetic multi-outlet story, generated at test time from a seed: does the analysis generalise?

The story (a fictional dam failure) has a few major events that many outlets report in
their own words and date formats, minor facts that one outlet reports, background dates,
syndicated copies and page furniture carrying dates of its own. The timeline's heaviest
entries must be the major events; furniture dates must never appear.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from digest.analysis.corpus import build_corpus
from digest.analysis.grouping import group_facts
from digest.analysis.summary import build_summary
from digest.analysis.timeline import build_timeline
from digest.content import load_topic
from digest.language.tokens import fold
from digest.model import TopicSettings

OUTLETS = ("Valley Courier", "The Northern Ledger", "Harbour Post", "Riverside Times", "Daily Meridian",
           "Coastline News", "The Upland Herald", "Metro Wire", "Plainsman Journal", "Eastgate Observer",
           "Granite Gazette", "Lakeside Record")


@dataclass(frozen=True)
class Event:
    when: date
    precision: str
    coverage: float
    templates: tuple[str, ...]


EVENTS = (
    Event(date(2019, 6, 1), "year", 0.5, (
        "The dam was last inspected in {when}, when engineers reported no serious faults.",
        "Inspectors had examined the structure in {when} and found it sound.",
        "A {when} inspection of the dam found only minor cracks in the spillway.",
    )),
    Event(date(2021, 3, 3), "day", 0.95, (
        "The Velmora dam was breached {on} after days of heavy rain.",
        "Heavy rain broke through the Velmora dam {on}, flooding the lower town.",
        "{On}, the dam above Velmora gave way after heavy rainfall, sending water into the lower town.",
    )),
    Event(date(2021, 3, 5), "day", 0.8, (
        "About {evacuees} residents of the lower town were evacuated {on}.",
        "Emergency crews moved some {evacuees} residents out of the lower town {on}.",
        "{On}, authorities ordered the evacuation of roughly {evacuees} people from the lower town.",
    )),
    Event(date(2021, 3, 12), "day", 0.7, (
        "Water minister Ilse Marrow announced a public inquiry into the dam failure {on}.",
        "{On}, minister Ilse Marrow ordered an independent inquiry into why the dam failed.",
        "An inquiry into the failure of the dam was announced by minister Ilse Marrow {on}.",
    )),
    Event(date(2021, 4, 1), "month", 0.5, (
        "Kestrel Engineering, which built the dam, denied in {when} that its design was at fault.",
        "In {when}, the builder Kestrel Engineering rejected claims that the dam design was flawed.",
    )),
    Event(date(2021, 6, 30), "day", 0.6, (
        "The inquiry report, published {on}, blamed poor maintenance of the spillway.",
        "{On}, the inquiry concluded that the spillway had been poorly maintained for years.",
        "Poor upkeep of the spillway caused the failure, the inquiry found in its report {on}.",
    )),
    Event(date(2022, 1, 10), "month", 0.45, (
        "Reconstruction of the dam began in {when} under a new contractor.",
        "Work to rebuild the Velmora dam started in {when}.",
    )),
)
BACKGROUND = (
    "The dam was completed in 1974 to protect the valley from spring floods.",
    "Velmora is a market town of about 12,000 people on the river Tarn.",
    "Residents have long complained about the state of the roads into the valley.",
    "Local officials said the cost of repairs was still being assessed.",
    "Insurance companies have received hundreds of claims from home owners.",
    "The regional water authority manages eleven dams across the province.",
)
MINOR = (
    "A bakery on the main square reopened on {when}, its owner said.",
    "The town's football club postponed its match of {when}.",
    "A charity concert for flood victims took place on {when}.",
    "The local school held its lessons in a church hall until {when}.",
)
FURNITURE_DATE = date(2020, 2, 29)
"""A date that appears only in page furniture (headings, datelines): it must never reach the timeline."""


def _say(event: Event, published: date, rng: random.Random) -> str:
    """One sentence reporting `event`, in a date format a news writer might pick relative to `published`."""
    template = rng.choice(event.templates)
    when = event.when
    if event.precision == "year":
        return template.format(when=when.year)
    if event.precision == "month":
        return template.format(when=f"{when:%B} {when.year}")
    age = (published - when).days
    forms = [f"on {when:%B} {when.day}, {when.year}", f"on {when.day} {when:%B} {when.year}"]
    if 0 < age < 120:
        forms.append(f"on {when:%B} {when.day}")
    if 0 < age < 6:
        forms.append(f"on {when:%A}")
    on = rng.choice(forms)
    text = template.format(on=on, On=on[0].upper() + on[1:], evacuees=rng.choice(["4,000", "4000"]))
    return text[0].upper() + text[1:]


def write_story(folder: Path, articles: int, seed: int) -> None:
    """Generate a topic folder of `articles` Markdown articles (about 5% syndicated copies)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "topic.yml").write_text("title: Velmora dam failure\n", encoding="utf-8")
    start, span = date(2021, 3, 4), 400
    bodies: list[tuple[str, str]] = []
    for number in range(articles):
        name = f"a{number:04d}"
        if bodies and rng.random() < 0.05:
            original_name, original_body = rng.choice(bodies)
            meta = f"title: Copy {number}\noutlet: {rng.choice(OUTLETS)}\nsyndicated_from: {original_name}\n"
            (folder / f"{name}.md").write_text(f"---\n{meta}---\n{original_body}", encoding="utf-8")
            continue
        published = start + timedelta(days=rng.randrange(span))
        outlet = rng.choice(OUTLETS)
        lines = [f"Updated {FURNITURE_DATE:%B} {FURNITURE_DATE.day}, {FURNITURE_DATE.year}", ""]
        known = [event for event in EVENTS if event.when < published and rng.random() < event.coverage]
        for event in known:
            lines += [_say(event, published, rng), ""]
            if rng.random() < 0.4:
                lines += [rng.choice(BACKGROUND), ""]
        if rng.random() < 0.5:
            lines += [f"## Events of {FURNITURE_DATE:%B} {FURNITURE_DATE.day}, {FURNITURE_DATE.year}", ""]
        minor_day = start + timedelta(days=rng.randrange(span))
        lines += [rng.choice(MINOR).format(when=f"{minor_day:%B} {minor_day.day}, {minor_day.year}"), ""]
        body = "\n".join(lines)
        bodies.append((name, body))
        meta = f"title: Story {number}\noutlet: {outlet}\npublished: {published.isoformat()}\n"
        (folder / f"{name}.md").write_text(f"---\n{meta}---\n{body}", encoding="utf-8")


def _event_value(event: Event) -> str:
    return {"year": f"{event.when.year}", "month": f"{event.when:%Y-%m}", "day": event.when.isoformat()}[
        event.precision]


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("synthetic") / "velmora-dam"
    write_story(folder, articles=300, seed=7)
    topic, problems = load_topic(folder)
    assert not problems
    started = time.process_time()
    corpus = build_corpus(topic)
    groups = group_facts(corpus)
    timeline = build_timeline(corpus, groups)
    summary = build_summary(corpus, groups, TopicSettings())
    return topic, corpus, groups, timeline, summary, time.process_time() - started


def test_heaviest_entries_are_the_major_events(story) -> None:
    _, _, _, timeline, _, _ = story
    heaviest = sorted(timeline, key=lambda entry: -entry.weight)[: TopicSettings().timeline_entries]
    shown = {str(entry.date) for entry in heaviest}
    assert {_event_value(event) for event in EVENTS} <= shown


def test_major_events_cite_many_outlets(story) -> None:
    _, corpus, _, timeline, _, _ = story
    for event in EVENTS:
        best = max((e for e in timeline if str(e.date) == _event_value(event)), key=lambda e: e.weight)
        outlets = {corpus.outlets[source] for source in best.event.sources}
        assert len(outlets) >= 5, (event.when, best.event.text)


def test_furniture_dates_never_reach_the_timeline(story) -> None:
    _, _, _, timeline, _, _ = story
    assert not [entry for entry in timeline if str(entry.date).startswith(f"{FURNITURE_DATE.year}")]


def test_minor_dates_weigh_less_than_major_events(story) -> None:
    _, _, _, timeline, _, _ = story
    major = {_event_value(event) for event in EVENTS}
    lightest_major = min(max(e.weight for e in timeline if str(e.date) == value) for value in major)
    minor = [entry.weight for entry in timeline if str(entry.date) not in major and len(str(entry.date)) == 10]
    assert minor and max(minor) < lightest_major


def test_summary_is_verbatim_cited_and_within_budget(story) -> None:
    topic, _, _, _, summary, _ = story
    bodies = {article.id: article.body for article in topic.articles}
    words = sum(len(sentence.text.split()) for sentence in summary)
    assert 100 <= words <= TopicSettings().summary_words * 1.1
    for sentence in summary:
        assert fold(sentence.text) in fold(bodies[sentence.sources[0]])
    assert max(len(sentence.sources) for sentence in summary) >= 10


def test_syndicated_copies_count_for_their_original(story) -> None:
    topic, corpus, _, _, _, _ = story
    copies = [article for article in topic.articles if article.meta.syndicated_from]
    assert copies
    for copy in copies:
        assert corpus.outlets[copy.id] == corpus.outlets[copy.meta.syndicated_from]


def test_deterministic(story, tmp_path: Path) -> None:
    _, _, _, timeline, summary, _ = story
    folder = tmp_path / "velmora-dam"
    write_story(folder, articles=300, seed=7)
    topic, _ = load_topic(folder)
    corpus = build_corpus(topic)
    groups = group_facts(corpus)
    assert build_timeline(corpus, groups) == timeline
    assert build_summary(corpus, groups, TopicSettings()) == summary


def test_fast(story) -> None:
    *_, seconds = story
    assert seconds < 10  # CPU seconds for 300 articles: the analysis grows about linearly
