"""Topics as the home page, the tags page and the feed list them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from digest.language.times import show_date
from digest.model import Digest, Topic
from digest.render import urls
from digest.render.urls import Layout
from digest.render.views.common import (
    TagLink,
    counts_line,
    coverage_line,
    date_range,
    lead_and_rest,
    outlet_count,
    show_range,
    source_name,
    tag_anchors,
)


@dataclass(frozen=True, slots=True)
class TopicCard:
    """A topic on the home page, the tags page and the feed."""

    slug: str
    """Topic slug."""
    title: str
    """Topic title."""
    href: str
    """Link to the topic page (relative to the page showing the card)."""
    description: str
    """One-line description."""
    lead: str | None
    """The story in one sentence, quoted from a source."""
    lead_source: str | None
    """Who published that sentence."""
    dates: str | None
    """The story's date range in words (its articles' publication dates)."""
    updated: str | None
    """Newest article date in words."""
    updated_iso: str | None
    """Newest article date, YYYY-MM-DD."""
    outlets: int
    """Distinct outlets."""
    articles: int
    """Articles."""
    coverage: str
    """The coverage line ("5 articles from 5 outlets, updated 9 Dec 2022")."""
    counts: str
    """Its counts alone ("5 articles from 5 outlets")."""
    tags: tuple[TagLink, ...]
    """Tags."""


@dataclass(frozen=True, slots=True)
class TagGroup:
    """A tag and the topics that carry it."""

    name: str
    """The tag."""
    anchor: str
    """Fragment id on the tags page."""
    topics: tuple[TopicCard, ...]
    """Topics with the tag, newest first."""


def topic_card(topic: Topic, digest: Digest, layout: Layout, current: str, anchors: dict[str, str]) -> TopicCard:
    """A topic as the home page, tags page and feed list it."""
    tags_url = layout.page_url(urls.TAGS_PAGE)
    lead = lead_and_rest(digest)[0]
    infos = {info.id: info for info in digest.articles}
    return TopicCard(
        slug=topic.slug,
        title=topic.title,
        href=urls.relative(layout.page_url(urls.topic_page(topic.slug)), current),
        description=topic.description,
        lead=lead.text if lead else None,
        lead_source=source_name(infos[lead.refs[0].article]) if lead and lead.refs else None,
        dates=show_range(date_range(digest.articles)),
        updated=show_date(digest.updated) if digest.updated else None,
        updated_iso=digest.updated,
        outlets=outlet_count(digest.articles),
        articles=len(digest.articles),
        coverage=coverage_line(digest),
        counts=counts_line(digest),
        tags=tuple(TagLink(tag, urls.relative(f"{tags_url}#{anchors[tag]}", current)) for tag in topic.tags),
    )


def newest_first(cards: Iterable[TopicCard]) -> tuple[TopicCard, ...]:
    """Most recently updated first; undated topics last; ties by title then slug."""
    ordered = sorted(cards, key=lambda card: (card.title.casefold(), card.slug))
    return tuple(sorted(ordered, key=lambda card: card.updated_iso or "", reverse=True))


def tag_groups(cards: Iterable[TopicCard], topics: Iterable[Topic]) -> tuple[TagGroup, ...]:
    """Every tag with its topics (newest first), in tag order."""
    topics = list(topics)
    anchors = tag_anchors(topics)
    tags_of = {topic.slug: set(topic.tags) for topic in topics}
    cards = newest_first(cards)
    return tuple(
        TagGroup(tag, anchor, tuple(card for card in cards if tag in tags_of[card.slug]))
        for tag, anchor in anchors.items()
    )
