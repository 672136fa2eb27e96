"""The render stage: Digest + Topic -> the site's generated files (pages, feed, JSON), in memory.

Nothing here knows about mkdocs; the plugin hands each `Output` to mkdocs as a generated file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from jinja2 import Environment

from digest.export import to_json
from digest.model import Digest, Topic
from digest.render import urls
from digest.render.dates import atom_time
from digest.render.pages import environment, markdown_page, nav_title, render
from digest.render.urls import Layout
from digest.render.views import (
    TopicCard,
    article_views,
    newest_first,
    tag_anchors,
    tag_groups,
    topic_card,
    topic_view,
)

__all__ = ["Layout", "Output", "environment", "render_articles", "render_site", "render_topic"]


@dataclass(frozen=True, slots=True)
class Output:
    """One generated file of the site."""

    path: str
    """Path inside the docs folder mkdocs pretends it has (e.g. `topics/a/index.md`)."""
    content: str
    """The file's text."""
    in_nav: bool = True
    """False for article pages, which are reached from their topic page only."""


def render_topic(env: Environment, topic: Topic, digest: Digest, layout: Layout) -> str:
    """The topic page as Markdown for mkdocs."""
    view = topic_view(topic, digest, layout)
    return markdown_page(nav_title(topic.title, topic.slug), render(env, "topic.html", view=view))


def render_articles(env: Environment, topic: Topic, digest: Digest, layout: Layout) -> dict[str, str]:
    """Every article page of a topic as Markdown for mkdocs, by article id."""
    return {
        article: markdown_page(nav_title(view.title, article), render(env, "article.html", view=view), hide=("toc",))
        for article, view in article_views(topic, digest, layout).items()
    }


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """A topic in the Atom feed (topics without any dated article are left out)."""

    card: TopicCard
    """The topic."""
    href: str
    """Its page: absolute under site_url, else relative to the feed at the site root."""
    id: str
    """Permanent id: the page's absolute URL, or a URN when no site_url is configured."""
    updated: str
    """Newest article date as an RFC 3339 instant."""


def _feed(env: Environment, pairs: Sequence[tuple[Topic, Digest]], layout: Layout, site_name: str) -> str:
    anchors = tag_anchors(topic for topic, _ in pairs)
    cards = newest_first(topic_card(topic, digest, layout, urls.FEED_FILE, anchors) for topic, digest in pairs)
    entries = []
    for card in cards:
        if card.updated_iso:
            href = layout.absolute(layout.page_url(urls.topic_page(card.slug)))
            entries.append(FeedEntry(card, href, href if layout.site_url else f"urn:digest:topic:{card.slug}",
                                     atom_time(card.updated_iso)))
    updated = max((entry.updated for entry in entries), default=atom_time("1970-01-01"))
    return render(
        env, "feed.html", site_name=site_name, entries=entries, updated=updated,
        feed_id=layout.absolute(urls.FEED_FILE) if layout.site_url else "urn:digest:feed",
        self_href=layout.absolute(urls.FEED_FILE), home_href=layout.absolute(layout.page_url(urls.HOME_PAGE)) or "./",
    )


def render_site(env: Environment, pairs: Sequence[tuple[Topic, Digest]], layout: Layout,
                site_name: str) -> tuple[Output, ...]:
    """Every generated file: home, tags, feed, and per topic its page, JSON and article pages."""
    anchors = tag_anchors(topic for topic, _ in pairs)
    home_url = layout.page_url(urls.HOME_PAGE)
    tags_url = layout.page_url(urls.TAGS_PAGE)
    home_cards = newest_first(topic_card(topic, digest, layout, home_url, anchors) for topic, digest in pairs)
    tag_cards = [topic_card(topic, digest, layout, tags_url, anchors) for topic, digest in pairs]
    outputs = [
        Output(urls.HOME_PAGE, markdown_page("Home", render(
            env, "home.html", site_name=site_name, cards=home_cards,
            feed_href=urls.relative(urls.FEED_FILE, home_url), tags_href=urls.relative(tags_url, home_url)))),
        Output(urls.TAGS_PAGE, markdown_page("Tags", render(
            env, "tags.html", groups=tag_groups(tag_cards, (topic for topic, _ in pairs))))),
        Output(urls.FEED_FILE, _feed(env, pairs, layout, site_name)),
    ]
    for topic, digest in pairs:
        outputs.append(Output(urls.topic_page(topic.slug), render_topic(env, topic, digest, layout)))
        outputs.append(Output(urls.digest_file(topic.slug), to_json(digest)))
        outputs.extend(
            Output(urls.article_page(topic.slug, article), page, in_nav=False)
            for article, page in render_articles(env, topic, digest, layout).items()
        )
    return tuple(outputs)
