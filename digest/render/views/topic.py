"""What a topic page shows: the lead and key facts, summary, timeline, contested points and the sources.

Every decision (which entries, in what order, which words) is made here or in `places`, where it can be
tested without HTML; the template only lays the values out.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from digest.language.times import show_date
from digest.model import ArticleInfo, Digest, SentenceRef, Topic
from digest.render import urls
from digest.render.urls import Layout
from digest.render.views.common import (
    Flag,
    Statement,
    TagLink,
    TopicLinks,
    TopicSentences,
    anchor_id,
    article_heading,
    byline,
    counts_line,
    date_range,
    explain_flags,
    outlet_key,
    safe_url,
    show_range,
    source_name,
    tag_anchors,
)
from digest.render.views.places import Place, Selection, select

KIND_LABELS = {
    "number": "The figures differ",
    "date": "The dates differ",
    "denial": "Claimed and denied",
    "stance": "The sources take different positions",
    "framing": "The sources frame it differently",
}
FLAG_COUNTS = {
    "syndicated": ("copy of another article", "copies of other articles"),
    "date_anomaly": ("date in doubt", "dates in doubt"),
    "loaded_language": ("with loaded language", "with loaded language"),
    "no_date": ("undated", "undated"),
    "no_url": ("no link to the original", "no links to the originals"),
    "no_outlet": ("no outlet named", "no outlet named"),
}
"""How an outlet's heading counts its articles' flags, for one and for more ("1 date in doubt", "2 undated")."""
MATRIX_OUTLETS = 12
"""Most outlets the coverage matrix compares side by side; more would not fit a screen."""


@dataclass(frozen=True, slots=True)
class Quoted:
    """A statement at its place on the page."""

    anchor: str
    """Fragment id (article pages link back to it)."""
    statement: Statement
    """The sentence and its reports."""


@dataclass(frozen=True, slots=True)
class KeyFactItem:
    """A line of the key-facts box."""

    date: str | None
    """The event's date in words, when the fact is a dated event."""
    date_iso: str | None
    """That date for `<time datetime>`."""
    fact: Quoted
    """The sentence."""


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """One entry of the visual timeline."""

    date: str
    """Machine date (YYYY, YYYY-MM or YYYY-MM-DD) for `<time datetime>`."""
    label: str
    """The date in words, at the precision the sources give."""
    event: Quoted
    """What happened."""


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a contested point."""

    label: str
    """Short description of the side (a figure, a date, an actor); may be empty."""
    claim: Quoted
    """The sentence that states it."""
    outlet: str
    """Who published the quoted sentence."""
    date: str | None
    """When, in words."""
    date_iso: str | None
    """When, YYYY-MM-DD."""


@dataclass(frozen=True, slots=True)
class Contest:
    """A contested point as a callout."""

    anchor: str
    """Fragment id of the point."""
    title: str
    """What is in dispute."""
    kind: str
    """Kind key (number, date, denial, stance, framing)."""
    kind_label: str
    """The kind in words."""
    sides: tuple[Side, ...]
    """Each side, shown side by side."""


@dataclass(frozen=True, slots=True)
class SourceItem:
    """An article in its outlet's group: one compact line, and its full card on demand."""

    id: str
    """Article id."""
    anchor: str
    """Fragment id (`source-<article id>`)."""
    headline: str
    """The article's headline (or its outlet and date when the title is no headline)."""
    href: str
    """Its page on this site."""
    date: str
    """Publication date in words, or "undated"."""
    date_iso: str | None
    """YYYY-MM-DD when known."""
    point: Quoted | None
    """Its most distinctive point: the first claim only it reports."""
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
    only_here: tuple[Quoted, ...]
    """Claims no other source reports."""
    flags: tuple[Flag, ...]
    """Warnings, explained."""


@dataclass(frozen=True, slots=True)
class OutletGroup:
    """An outlet and its articles, under one collapsible heading."""

    name: str
    """The outlet (or a short headline when the article names none)."""
    anchor: str
    """Fragment id of the group."""
    articles: tuple[SourceItem, ...]
    """Its articles, newest first (undated last)."""
    dates: str | None
    """Date range of its articles in words."""
    flag_counts: tuple[str, ...]
    """"2 undated", one per flag its articles carry."""


@dataclass(frozen=True, slots=True)
class MatrixColumn:
    """One outlet of the coverage matrix (all its articles in the topic)."""

    name: str
    """The outlet (or a short headline when the outlet is not known)."""
    href: str
    """Link to the outlet's group of sources."""


@dataclass(frozen=True, slots=True)
class MatrixRow:
    """One summary sentence of the coverage matrix."""

    label: str
    """Where the sentence stands ("Lead", "¶2")."""
    href: str
    """Link to it on this page."""
    text: str
    """The sentence."""
    cells: tuple[str | None, ...]
    """Per column: link to the sentence in the outlet's first article that reports it, else None."""


@dataclass(frozen=True, slots=True)
class TopicView:
    """Everything on a topic page."""

    title: str
    """Topic title."""
    description: str
    """One-line description."""
    home_href: str
    """Link to the home page (every topic)."""
    dates: str | None
    """The story's date range in words (its articles' publication dates)."""
    coverage: str
    """"150 articles from 5 outlets"."""
    updated: str | None
    """Newest article date in words."""
    updated_iso: str | None
    """Newest article date, YYYY-MM-DD."""
    tags: tuple[TagLink, ...]
    """The topic's tags."""
    lead: Quoted | None
    """The story in one sentence."""
    key_facts: tuple[KeyFactItem, ...]
    """Figures and dates most sources report."""
    summary: tuple[Quoted, ...]
    """Summary sentences after the lead, one paragraph each."""
    timeline: tuple[TimelineItem, ...]
    """The heaviest entries, in date order."""
    timeline_total: int
    """Entries in the digest (the JSON has them all)."""
    contested: tuple[Contest, ...]
    """The strongest contested points."""
    contested_total: int
    """Contested points in the digest."""
    outlets: tuple[OutletGroup, ...]
    """Every article, grouped by outlet, the outlets with most articles first."""
    unnamed: int
    """Articles that name no outlet (each is a source of its own)."""
    matrix_columns: tuple[MatrixColumn, ...]
    """The outlets compared, in the order of `outlets`."""
    matrix: tuple[MatrixRow, ...]
    """Summary sentences against those outlets."""
    matrix_left_out: int
    """Outlets not in the matrix (they report fewer of the summary's sentences)."""
    json_href: str
    """Link to the topic's digest JSON."""
    feed_href: str
    """Link to the topic's Atom feed."""


def _quoted(place: Place, links: TopicLinks) -> Quoted:
    return Quoted(place.anchor, links.statement(place.cited))


def _newest_first(infos: list[ArticleInfo]) -> list[ArticleInfo]:
    by_id = sorted(infos, key=lambda info: info.id)
    return sorted(by_id, key=lambda info: info.published or "", reverse=True)


def _outlets(topic: Topic, digest: Digest, links: TopicLinks, selection: Selection) -> tuple[OutletGroup, ...]:
    credits = {article.id: article.meta.credit for article in topic.articles}
    cards = {card.article: card for card in digest.cards}
    grouped: dict[str, list[ArticleInfo]] = {}
    for info in digest.articles:
        grouped.setdefault(outlet_key(info), []).append(info)
    order = sorted(grouped, key=lambda key: (-len(grouped[key]), source_name(grouped[key][0]).casefold(), key))
    taken: set[str] = set()
    groups = []
    for key in order:
        items = []
        flags: Counter[str] = Counter()
        for info in _newest_first(grouped[key]):
            card = cards.get(info.id)
            only_here = tuple(_quoted(place, links) for place in selection.only_here.get(info.id, ()))
            item_flags = explain_flags((*info.flags, *(card.flags if card else ())))
            flags.update(flag.key for flag in item_flags)
            items.append(SourceItem(
                id=info.id,
                anchor=f"source-{info.id}",
                headline=article_heading(info.title, info.outlet, info.published),
                href=links.article(info.id),
                date=show_date(info.published) if info.published else "undated",
                date_iso=info.published,
                point=only_here[0] if only_here else None,
                byline=byline(info, credits.get(info.id)),
                url=safe_url(info.url),
                words=info.words,
                sentences=card.sentences if card else 0,
                corroborated=card.corroborated if card else 0,
                only_here=only_here,
                flags=item_flags,
            ))
        name = source_name(grouped[key][0])
        groups.append(OutletGroup(
            name=name,
            anchor=anchor_id("outlet", name, taken),
            articles=tuple(items),
            dates=show_range(date_range(grouped[key])),
            flag_counts=tuple(_count_flag(flag, count) for flag, count in sorted(flags.items())),
        ))
    return tuple(groups)


def _count_flag(flag: str, count: int) -> str:
    one, more = FLAG_COUNTS.get(flag, (flag, flag))
    return f"{count} {one if count == 1 else more}"


def _coverage(groups: tuple[OutletGroup, ...], selection: Selection,
              links: TopicLinks) -> tuple[tuple[MatrixColumn, ...], tuple[MatrixRow, ...], int]:
    """Which outlet reports which sentence of the lead and summary: the outlets that report the most of them."""
    group_of = {item.id: group.anchor for group in groups for item in group.articles}
    places = [place for place in (selection.lead, *selection.summary) if place is not None]
    reporting = []
    for place in places:
        first: dict[str, SentenceRef] = {}  # per outlet, its most trusted article that reports the sentence
        for cited in place.cited.refs:
            first.setdefault(group_of[cited.article], cited)
        reporting.append(first)
    covered = {group.anchor: sum(group.anchor in refs for refs in reporting) for group in groups}
    ranked = sorted(range(len(groups)), key=lambda number: (-covered[groups[number].anchor], number))
    kept = [groups[number] for number in sorted(ranked[:MATRIX_OUTLETS])]
    columns = tuple(MatrixColumn(group.name, f"#{group.anchor}") for group in kept)
    rows = tuple(
        MatrixRow("Lead" if place is selection.lead else place.label.removeprefix("Summary "), f"#{place.anchor}",
                  place.cited.text,
                  tuple(links.article(refs[group.anchor].article, f"#s{refs[group.anchor].index}")
                        if group.anchor in refs else None for group in kept))
        for place, refs in zip(places, reporting, strict=True))
    return columns, rows, len(groups) - len(kept)


def topic_view(topic: Topic, digest: Digest, layout: Layout, selection: Selection | None = None,
               texts: TopicSentences | None = None) -> TopicView:
    """The topic page's content (`selection` and `texts` are worked out here when not given)."""
    current = layout.page_url(urls.topic_page(topic.slug))
    links = TopicLinks(digest, layout, current, texts or TopicSentences(topic))
    selection = selection or select(topic, digest)
    timeline = tuple(TimelineItem(str(entry.date), show_date(entry.date), _quoted(place, links))
                     for entry, place in selection.timeline)
    contested = []
    for point, places in selection.contested:
        sides = []
        for side, place in zip(point.sides, places, strict=True):
            quoted = _quoted(place, links)
            first = quoted.statement.first
            sides.append(Side(side.label, quoted, quoted.statement.outlets[0].name, first.date, first.date_iso))
        contested.append(Contest(f"contested-{point.id}", point.title, point.kind,
                                 KIND_LABELS.get(point.kind, point.kind), tuple(sides)))
    groups = _outlets(topic, digest, links, selection)
    columns, matrix, left_out = _coverage(groups, selection, links)
    anchors = tag_anchors([topic])
    tags_url = layout.page_url(urls.TAGS_PAGE)
    return TopicView(
        title=topic.title,
        description=topic.description,
        home_href=urls.relative(layout.page_url(urls.HOME_PAGE), current),
        dates=show_range(date_range(digest.articles)),
        coverage=counts_line(digest),
        updated=show_date(digest.updated) if digest.updated else None,
        updated_iso=digest.updated,
        tags=tuple(TagLink(tag, urls.relative(f"{tags_url}#{anchors[tag]}", current)) for tag in topic.tags),
        lead=_quoted(selection.lead, links) if selection.lead else None,
        key_facts=tuple(KeyFactItem(show_date(fact.date) if fact.date else None, fact.date,
                                    _quoted(fact.place, links)) for fact in selection.key_facts),
        summary=tuple(_quoted(place, links) for place in selection.summary),
        timeline=timeline,
        timeline_total=len(digest.timeline),
        contested=tuple(contested),
        contested_total=len(digest.contested),
        outlets=groups,
        unnamed=sum(not info.outlet for info in digest.articles),
        matrix_columns=columns,
        matrix=matrix,
        matrix_left_out=left_out,
        json_href=urls.relative(urls.digest_file(topic.slug), current),
        feed_href=urls.relative(urls.topic_feed(topic.slug), current),
    )
