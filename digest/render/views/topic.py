"""What a topic page shows: summary, timeline, contested points, source cards and coverage matrix.

Every decision (which entries, in what order, which words) is made here, where it can be
tested without HTML; the template only lays the values out.
"""

from __future__ import annotations

from dataclasses import dataclass

from digest.language.times import show_date
from digest.model import Digest, Topic
from digest.render import urls
from digest.render.urls import Layout
from digest.render.views.common import (
    Flag,
    Source,
    Statement,
    TagLink,
    TopicLinks,
    byline,
    coverage_line,
    explain_flags,
    safe_url,
    tag_anchors,
)

KIND_LABELS = {
    "number": "The figures differ",
    "date": "The dates differ",
    "denial": "Claimed and denied",
    "stance": "The sources take different positions",
    "framing": "The sources frame it differently",
}


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """One entry of the visual timeline."""

    date: str
    """Machine date (YYYY, YYYY-MM or YYYY-MM-DD) for `<time datetime>`."""
    label: str
    """The date in words, at the precision the sources give."""
    event: Statement
    """What happened."""


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a contested point."""

    label: str
    """Short description of the side."""
    claim: Statement
    """The sentence that states it."""


@dataclass(frozen=True, slots=True)
class Contest:
    """A contested point as a callout."""

    title: str
    """What is in dispute."""
    kind: str
    """Kind key (number, date, denial, stance, framing)."""
    kind_label: str
    """The kind in words."""
    sides: tuple[Side, ...]
    """Each side, shown side by side."""


@dataclass(frozen=True, slots=True)
class Card:
    """A source card."""

    source: Source
    """The numbered source."""
    title: str
    """Headline."""
    date: str
    """Publication date in words, or "date not stated"."""
    date_iso: str | None
    """YYYY-MM-DD when known."""
    byline: str | None
    """Author and wire credit."""
    url: str | None
    """The original page (http or https only)."""
    words: int
    """Length of the cleaned article."""
    sentences: int
    """Sentences that state something."""
    corroborated: int
    """How many of them another outlet also reports."""
    only_here: tuple[Statement, ...]
    """Claims no other source reports."""
    flags: tuple[Flag, ...]
    """Warnings, explained."""
    outlet_articles: int = 1
    """How many articles of the topic come from this card's outlet (cards of one outlet stand together)."""


MATRIX_OUTLETS = 12
"""Most outlets the coverage matrix compares side by side; more would not fit a screen."""


@dataclass(frozen=True, slots=True)
class MatrixColumn:
    """One outlet of the coverage matrix (all its articles in the topic)."""

    name: str
    """The outlet (or a short headline when the outlet is not known)."""
    sources: tuple[Source, ...]
    """Its articles, in source order."""


@dataclass(frozen=True, slots=True)
class MatrixRow:
    """One key fact of the coverage matrix."""

    number: int
    """Position in the summary."""
    text: str
    """The summary sentence."""
    cells: tuple[str | None, ...]
    """Per column: link to the sentence in the outlet's first article that reports the fact, else None."""


@dataclass(frozen=True, slots=True)
class TopicView:
    """Everything on a topic page."""

    title: str
    """Topic title."""
    description: str
    """One-line description."""
    coverage: str
    """"5 articles from 5 outlets, updated 9 Dec 2022"."""
    tags: tuple[TagLink, ...]
    """The topic's tags."""
    sources: tuple[Source, ...]
    """Every article, numbered."""
    summary: tuple[Statement, ...]
    """Summary sentences in reading order."""
    timeline: tuple[TimelineItem, ...]
    """The heaviest entries, in date order."""
    timeline_total: int
    """Entries in the digest (the JSON has them all)."""
    contested: tuple[Contest, ...]
    """The strongest contested points."""
    contested_total: int
    """Contested points in the digest."""
    cards: tuple[Card, ...]
    """One per source, in source order."""
    matrix_columns: tuple[MatrixColumn, ...]
    """The outlets compared, in source order."""
    matrix: tuple[MatrixRow, ...]
    """Summary sentences against those outlets."""
    matrix_left_out: int
    """Outlets not in the matrix (they report fewer of the summary's sentences)."""
    json_href: str
    """Link to the topic's digest JSON."""


def heaviest_in_date_order(digest: Digest, count: int) -> tuple[int, ...]:
    """Positions of the `count` heaviest timeline entries, back in date order."""
    ranked = sorted(range(len(digest.timeline)), key=lambda i: (-digest.timeline[i].weight, i))
    return tuple(sorted(ranked[:count]))


def articles_by_outlet(digest: Digest) -> dict[str, list[str]]:
    """Article ids of each outlet, outlets in source order; an article without an outlet stands alone."""
    outlets: dict[str, list[str]] = {}
    for info in digest.articles:
        outlets.setdefault(info.outlet.casefold() if info.outlet else f"#{info.id}", []).append(info.id)
    return outlets


def _coverage(digest: Digest, links: TopicLinks) -> tuple[tuple[MatrixColumn, ...], tuple[MatrixRow, ...], int]:
    """Which outlet reports which summary sentence: the outlets that report the most of them."""
    outlets = articles_by_outlet(digest)
    reporting = [{ref.article: ref for ref in reversed(sentence.refs)} for sentence in digest.summary]
    covered = {key: sum(any(a in refs for a in ids) for refs in reporting) for key, ids in outlets.items()}
    ranked = sorted(outlets, key=lambda key: (-covered[key], links.sources[outlets[key][0]].number))
    kept = sorted(ranked[:MATRIX_OUTLETS], key=lambda key: links.sources[outlets[key][0]].number)
    columns = tuple(MatrixColumn(links.sources[outlets[key][0]].name,
                                 tuple(links.sources[a] for a in outlets[key])) for key in kept)
    rows = []
    for number, (sentence, refs) in enumerate(zip(digest.summary, reporting, strict=True), start=1):
        cells = []
        for key in kept:
            article = next((a for a in outlets[key] if a in refs), None)
            cells.append(links.citation(refs[article]).href if article else None)
        rows.append(MatrixRow(number, sentence.text, tuple(cells)))
    return columns, tuple(rows), len(outlets) - len(kept)


def topic_view(topic: Topic, digest: Digest, layout: Layout) -> TopicView:
    """The topic page's content."""
    current = layout.page_url(urls.topic_page(topic.slug))
    links = TopicLinks(digest, layout, current)
    info_by_id = {info.id: info for info in digest.articles}
    credits = {article.id: article.meta.credit for article in topic.articles}
    timeline = tuple(
        TimelineItem(str(entry.date), show_date(entry.date), links.statement(entry.event))
        for entry in (digest.timeline[i] for i in heaviest_in_date_order(digest, topic.settings.timeline_entries))
    )
    contested = tuple(
        Contest(point.title, point.kind, KIND_LABELS.get(point.kind, point.kind),
                tuple(Side(side.label, links.statement(side.claim)) for side in point.sides))
        for point in digest.contested[: topic.settings.contested_shown]
    )
    outlet_of = {article: ids for ids in articles_by_outlet(digest).values() for article in ids}
    card_of = {card.article: card for card in digest.cards}
    cards = []
    for card in (card_of[a] for ids in articles_by_outlet(digest).values() for a in ids if a in card_of):
        info = info_by_id[card.article]
        cards.append(Card(
            source=links.sources[card.article],
            title=info.title,
            date=show_date(info.published) if info.published else "date not stated",
            date_iso=info.published,
            byline=byline(info, credits.get(info.id)),
            url=safe_url(info.url),
            words=info.words,
            sentences=card.sentences,
            corroborated=card.corroborated,
            only_here=tuple(links.statement(claim) for claim in card.only_here),
            flags=explain_flags(card.flags),
            outlet_articles=len(outlet_of[card.article]),
        ))
    columns, matrix, left_out = _coverage(digest, links)
    anchors = tag_anchors([topic])
    tags_url = layout.page_url(urls.TAGS_PAGE)
    return TopicView(
        title=topic.title,
        description=topic.description,
        coverage=coverage_line(digest),
        tags=tuple(TagLink(tag, urls.relative(f"{tags_url}#{anchors[tag]}", current)) for tag in topic.tags),
        sources=tuple(links.sources[info.id] for info in digest.articles),
        summary=tuple(links.statement(sentence) for sentence in digest.summary),
        timeline=timeline,
        timeline_total=len(digest.timeline),
        contested=contested,
        contested_total=len(digest.contested),
        cards=tuple(cards),
        matrix_columns=columns,
        matrix=matrix,
        matrix_left_out=left_out,
        json_href=urls.relative(urls.digest_file(topic.slug), current),
    )
