"""The render stage: Digest + Topic -> the site's generated files (pages, feed, JSON), in memory.

Nothing here knows about mkdocs; the plugin hands each `Output` to mkdocs as a generated file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

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

__all__ = ["LISTINGS", "Layout", "Output", "PlannedPage", "TopicRenderer", "environment", "render_articles",
           "render_listings", "render_site", "render_topic", "shared_environment", "topic_outputs", "topic_plan"]


@dataclass(frozen=True, slots=True)
class Output:
    """One generated file of the site."""

    path: str
    """Path inside the docs folder mkdocs pretends it has (e.g. `topics/a/index.md`)."""
    content: str
    """The file's text."""
    in_nav: bool = True
    """False for article pages, which are reached from their topic page only."""


@dataclass(frozen=True, slots=True)
class PlannedPage:
    """A page the site will have, known from the content alone: where it goes and its front matter."""

    path: str
    """Path inside the docs folder (e.g. `topics/a/index.md`)."""
    title: str
    """Title for mkdocs (nav, <title>, search), already made safe by `nav_title`."""
    hide: tuple[str, ...] = ()
    """Parts of material's layout the page hides."""
    tags: tuple[str, ...] = ()
    """Tags for mkdocs' page metadata (material's tags and search plugins read them), made safe by `nav_title`."""
    in_nav: bool = True
    """False for article pages, which are reached from their topic page only."""

    def page(self, body: str) -> str:
        """The page as Markdown for mkdocs: this page's front matter, then `body`."""
        return markdown_page(self.title, body, self.hide, self.tags)


def topic_plan(topic: Topic) -> tuple[PlannedPage, ...]:
    """The topic page, then its article pages in the topic's order."""
    return (
        PlannedPage(urls.topic_page(topic.slug), nav_title(topic.title, topic.slug),
                    tags=tuple(dict.fromkeys(nav_title(tag, "tag") for tag in topic.tags))),
        *(PlannedPage(urls.article_page(topic.slug, article.id), nav_title(article.meta.title, article.id),
                      hide=("toc",), in_nav=False) for article in topic.articles),
    )


LISTINGS = (PlannedPage(urls.HOME_PAGE, "Home"), PlannedPage(urls.TAGS_PAGE, "Tags"))
"""The pages that list every topic."""


def render_topic(env: Environment, topic: Topic, digest: Digest, layout: Layout) -> str:
    """The topic page as Markdown for mkdocs."""
    return topic_plan(topic)[0].page(render(env, "topic.html", view=topic_view(topic, digest, layout)))


def render_articles(env: Environment, topic: Topic, digest: Digest, layout: Layout) -> dict[str, str]:
    """Every article page of a topic as Markdown for mkdocs, by article id."""
    views = article_views(topic, digest, layout)
    return {article.id: plan.page(render(env, "article.html", view=views[article.id]))
            for article, plan in zip(topic.articles, topic_plan(topic)[1:], strict=True)}


def topic_outputs(env: Environment, topic: Topic, digest: Digest, layout: Layout) -> tuple[Output, ...]:
    """A topic's page, its article pages and its digest JSON."""
    pages = [render_topic(env, topic, digest, layout), *render_articles(env, topic, digest, layout).values()]
    return (*(Output(plan.path, page, plan.in_nav) for plan, page in zip(topic_plan(topic), pages, strict=True)),
            Output(urls.digest_file(topic.slug), to_json(digest)))


@dataclass(frozen=True, slots=True)
class TopicRenderer:
    """`topic_outputs` as a picklable callable, so the process that analyses a topic can render it too."""

    theme_dirs: tuple[str, ...]
    """The theme's template folders, in lookup order."""
    layout: Layout
    """The site's URL scheme."""

    def __call__(self, topic: Topic, digest: Digest) -> tuple[Output, ...]:
        return topic_outputs(shared_environment(self.theme_dirs), topic, digest, self.layout)


@lru_cache(maxsize=4)
def shared_environment(theme_dirs: tuple[str, ...]) -> Environment:
    """One template environment per process and theme: it caches the compiled templates."""
    return environment(theme_dirs)


def render_listings(env: Environment, pairs: Sequence[tuple[Topic, Digest]], layout: Layout,
                    site_name: str) -> tuple[Output, ...]:
    """The home page, the tags page and the Atom feed, which list every topic."""
    anchors = tag_anchors(topic for topic, _ in pairs)
    home, tags = LISTINGS
    home_url = layout.page_url(home.path)
    tags_url = layout.page_url(tags.path)
    home_cards = newest_first(topic_card(topic, digest, layout, home_url, anchors) for topic, digest in pairs)
    tag_cards = [topic_card(topic, digest, layout, tags_url, anchors) for topic, digest in pairs]
    return (
        Output(home.path, home.page(render(
            env, "home.html", site_name=site_name, cards=home_cards,
            feed_href=urls.relative(urls.FEED_FILE, home_url), tags_href=urls.relative(tags_url, home_url)))),
        Output(tags.path, tags.page(render(
            env, "tags.html", groups=tag_groups(tag_cards, (topic for topic, _ in pairs))))),
        Output(urls.FEED_FILE, _feed(env, pairs, layout, site_name)),
    )


def render_site(env: Environment, pairs: Sequence[tuple[Topic, Digest]], layout: Layout,
                site_name: str) -> tuple[Output, ...]:
    """Every generated file: home, tags, feed, and per topic its page, JSON and article pages."""
    return (*render_listings(env, pairs, layout, site_name),
            *(output for topic, digest in pairs for output in topic_outputs(env, topic, digest, layout)))


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
