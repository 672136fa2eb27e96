"""What the topic page shows, and where: chosen once, for the topic page and for the article pages' back-links.

The topic page quotes sentences in several places (the lead, key facts, summary paragraphs, the
timeline entries and contested points it shows, the source cards). Each place has a fragment id on
the topic page and a short label; an article page links each of its quoted sentences back to every
place that quotes it ("Summary ¶2", "Timeline, 15 Jul 2024").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from digest.language.times import show_date
from digest.model import Cited, ContestedPoint, Digest, TimelineEntry, Topic
from digest.render.views.common import lead_and_rest, outlet_key, shorten

KEY_FACTS = 5
"""Most key facts shown at the top of a topic page."""
KEY_FACT_SOURCES = 2
"""Fewest sources (outlets, or articles without one) that must report a key fact."""
LABEL_TITLE = 48
"""Longest contested title quoted in a back-link's label."""

_FIGURE = re.compile(r"\d")
"""A figure or a date written in digits: what makes a sentence a key fact rather than a remark."""


@dataclass(frozen=True, slots=True)
class Place:
    """A spot of the topic page that quotes a sentence."""

    anchor: str
    """Its fragment id on the topic page."""
    label: str
    """How an article page names it ("Summary ¶2")."""
    cited: Cited
    """The sentence quoted there, with its sources."""


@dataclass(frozen=True, slots=True)
class KeyFact:
    """A figure or date that most sources report, cited."""

    place: Place
    """Where it stands in the key-facts box."""
    date: str | None
    """The event's date (YYYY, YYYY-MM or YYYY-MM-DD) when the fact is a timeline entry."""


@dataclass(frozen=True, slots=True)
class Selection:
    """Everything the topic page quotes, each at its place."""

    lead: Place | None
    """The story in one sentence."""
    key_facts: tuple[KeyFact, ...]
    """The figures and dates most sources agree on."""
    summary: tuple[Place, ...]
    """The summary sentences after the lead, one paragraph each."""
    timeline: tuple[tuple[TimelineEntry, Place], ...]
    """The timeline entries shown (the heaviest), in date order."""
    contested: tuple[tuple[ContestedPoint, tuple[Place, ...]], ...]
    """The contested points shown, each with a place per side."""
    only_here: Mapping[str, tuple[Place, ...]]
    """By article: the claims only it reports, shown on its source card."""

    def places(self) -> Iterator[Place]:
        """Every place, in page order."""
        if self.lead:
            yield self.lead
        yield from (fact.place for fact in self.key_facts)
        yield from self.summary
        yield from (place for _, place in self.timeline)
        yield from (place for _, sides in self.contested for place in sides)
        yield from (place for places in self.only_here.values() for place in places)

    def indexed_on_topic_page(self) -> Iterator[Place]:
        """The places whose sentences the topic page's search entries hold (key facts and source cards repeat
        sentences found elsewhere and are left out of the index)."""
        if self.lead:
            yield self.lead
        yield from self.summary
        yield from (place for _, place in self.timeline)
        yield from (place for _, sides in self.contested for place in sides)

    def back_links(self) -> dict[tuple[str, int], tuple[Place, ...]]:
        """(article, sentence number) -> the places that quote or cite that sentence, in page order."""
        found: dict[tuple[str, int], dict[str, Place]] = {}
        for place in self.places():
            for ref in place.cited.refs:
                found.setdefault((ref.article, ref.index), {}).setdefault(place.anchor, place)
        return {key: tuple(places.values()) for key, places in found.items()}


def heaviest_in_date_order(digest: Digest, count: int) -> tuple[int, ...]:
    """Positions of the `count` heaviest timeline entries, back in date order."""
    ranked = sorted(range(len(digest.timeline)), key=lambda i: (-digest.timeline[i].weight, i))
    return tuple(sorted(ranked[:count]))


def key_facts(digest: Digest, lead: Cited | None, summary: tuple[Cited, ...]) -> tuple[KeyFact, ...]:
    """The summary sentences and timeline events that state a figure or a date and that the most sources
    report (at least `KEY_FACT_SOURCES`), leaving out what a contested point disputes and what the lead or
    another fact already says (they cite the same sentence). Undated facts first, then dated ones in date order."""
    outlet_of = {info.id: outlet_key(info) for info in digest.articles}
    disputed = {ref for point in digest.contested for side in point.sides for ref in side.claim.refs}
    candidates = [(cited, None) for cited in summary] + [(entry.event, str(entry.date)) for entry in digest.timeline]
    ranked = []
    for position, (cited, date) in enumerate(candidates):
        sources = len({outlet_of[ref.article] for ref in cited.refs})
        if sources >= KEY_FACT_SOURCES and _FIGURE.search(cited.text) and not disputed.intersection(cited.refs):
            ranked.append((-sources, -len({ref.article for ref in cited.refs}), position, cited, date))
    ranked.sort(key=lambda item: item[:3])
    said = set(lead.refs) if lead else set()
    chosen: list[tuple[int, Cited, str | None]] = []
    for *_, position, cited, date in ranked:
        if len(chosen) == KEY_FACTS:
            break
        if not said.intersection(cited.refs):
            chosen.append((position, cited, date))
            said.update(cited.refs)
    chosen.sort(key=lambda item: (item[2] is not None, item[2] or "", item[0]))
    return tuple(KeyFact(Place(f"fact-{number}", "Key facts", cited), date)
                 for number, (_, cited, date) in enumerate(chosen, start=1))


def select(topic: Topic, digest: Digest) -> Selection:
    """What the topic page of `topic` shows."""
    lead, rest = lead_and_rest(digest)
    timeline = tuple(
        (entry, Place(f"event-{entry.id}", f"Timeline, {show_date(entry.date)}", entry.event))
        for entry in (digest.timeline[i] for i in heaviest_in_date_order(digest, topic.settings.timeline_entries))
    )
    contested = tuple(
        (point, tuple(Place(f"contested-{point.id}-{number}", f"Contested: {shorten(point.title, LABEL_TITLE)}",
                            side.claim) for number, side in enumerate(point.sides, start=1)))
        for point in digest.contested[: topic.settings.contested_shown]
    )
    return Selection(
        lead=Place("lead", "Lead", lead) if lead else None,
        key_facts=key_facts(digest, lead, rest),
        summary=tuple(Place(f"summary-{number}", f"Summary ¶{number}", cited)
                      for number, cited in enumerate(rest, start=1)),
        timeline=timeline,
        contested=contested,
        only_here={card.article: tuple(Place(f"source-{card.article}", "Source card", claim)
                                       for claim in card.only_here) for card in digest.cards if card.only_here},
    )
