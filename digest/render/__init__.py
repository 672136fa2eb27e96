"""The render stage: Digest + Topic -> the site's generated files (pages, feed, JSON), in memory.

Nothing here knows about mkdocs; the plugin hands each `Output` to mkdocs as a generated file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from jinja2 import Environment

from digest.export import to_json
from digest.language.times import show_date
from digest.model import Digest, Topic
from digest.render import urls
from digest.render.dates import atom_time
from digest.render.pages import environment, markdown_page, nav_title, render
from digest.render.urls import Layout
from digest.render.views import (
    Selection,
    TopicCard,
    TopicSentences,
    article_views,
    newest_first,
    select,
    tag_anchors,
    tag_groups,
    topic_card,
    topic_view,
)
from digest.render.views.common import article_heading, source_name

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
    feed: str | None = None
    """Path of the page's own Atom feed in the site (a topic's), announced in its head by the theme's main.html."""

    def page(self, body: str) -> str:
        """The page as Markdown for mkdocs: this page's front matter, then `body`."""
        return markdown_page(self.title, body, self.hide, self.tags, {"digest_feed": self.feed} if self.feed else {})


NEWS_PAGE = ("navigation", "toc")
"""What material's layout hides on the digest's pages: they are news pages, not documentation (no sidebars)."""


def topic_plan(topic: Topic) -> tuple[PlannedPage, ...]:
    """The topic page, then its article pages in the topic's order."""
    return (
        PlannedPage(urls.topic_page(topic.slug), nav_title(topic.title, topic.slug), hide=NEWS_PAGE,
                    tags=tuple(dict.fromkeys(nav_title(tag, "tag") for tag in topic.tags)),
                    feed=urls.topic_feed(topic.slug)),
        *(PlannedPage(urls.article_page(topic.slug, article.id),
                      nav_title(article_heading(article.meta.title, article.meta.outlet,
                                                article.meta.published.isoformat() if article.meta.published
                                                else None), article.id),
                      hide=NEWS_PAGE, in_nav=False) for article in topic.articles),
    )


LISTINGS = (PlannedPage(urls.HOME_PAGE, "Home", hide=NEWS_PAGE), PlannedPage(urls.TAGS_PAGE, "Tags",
                                                                              hide=("navigation",)))
"""The pages that list every topic."""


def render_topic(env: Environment, topic: Topic, digest: Digest, layout: Layout,
                 shared: tuple[Selection, TopicSentences] | None = None) -> str:
    """The topic page as Markdown for mkdocs (`shared`: what the topic's pages share, when worked out already)."""
    view = topic_view(topic, digest, layout, *(shared or ()))
    return topic_plan(topic)[0].page(render(env, "topic.html", view=view))


def render_articles(env: Environment, topic: Topic, digest: Digest, layout: Layout,
                    shared: tuple[Selection, TopicSentences] | None = None) -> dict[str, str]:
    """Every article page of a topic as Markdown for mkdocs, by article id."""
    views = article_views(topic, digest, layout, *(shared or ()))
    return {article.id: plan.page(render(env, "article.html", view=views[article.id]))
            for article, plan in zip(topic.articles, topic_plan(topic)[1:], strict=True)}


def topic_outputs(env: Environment, topic: Topic, digest: Digest, layout: Layout) -> tuple[Output, ...]:
    """A topic's page, its article pages, its Atom feed and its digest JSON."""
    # What the topic page shows decides the article pages' back-links; both split each article's sentences once.
    shared = (select(topic, digest), TopicSentences(topic))
    pages = [render_topic(env, topic, digest, layout, shared),
             *render_articles(env, topic, digest, layout, shared).values()]
    return (*(Output(plan.path, page, plan.in_nav) for plan, page in zip(topic_plan(topic), pages, strict=True)),
            Output(urls.topic_feed(topic.slug), _topic_feed(env, topic, digest, layout)),
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
    """An entry of an Atom feed: a topic in the site's feed, an article in a topic's."""

    title: str
    """The topic's title, or the article's heading."""
    href: str
    """Its page: absolute under site_url, else relative to the feed."""
    id: str
    """Permanent id: the page's absolute URL, or a URN when no site_url is configured."""
    updated: str
    """Newest article date (the article's own date) as an RFC 3339 instant."""
    summary: str
    """What the entry says: the topic's lead and coverage, or the article's outlet and date."""
    author: str | None = None
    """The article's outlet (topic feeds)."""


def _summary(card: TopicCard) -> str:
    """A topic in a feed: its lead, quoted and attributed, then its coverage and description."""
    parts = [f"“{card.lead}” ({card.lead_source})" if card.lead and card.lead_source else card.lead,
             card.counts + (f", {card.dates}" if card.dates else ""), card.description]
    return " ".join(part if part.endswith((".", "!", "?", "”", ")")) else part + "."
                    for part in filter(None, parts))


def _feed(env: Environment, pairs: Sequence[tuple[Topic, Digest]], layout: Layout, site_name: str) -> str:
    anchors = tag_anchors(topic for topic, _ in pairs)
    cards = newest_first(topic_card(topic, digest, layout, urls.FEED_FILE, anchors) for topic, digest in pairs)
    entries = []
    for card in cards:
        if card.updated_iso:
            href = layout.absolute(layout.page_url(urls.topic_page(card.slug)))
            entries.append(FeedEntry(card.title, href, href if layout.site_url else f"urn:digest:topic:{card.slug}",
                                     atom_time(card.updated_iso), _summary(card)))
    updated = max((entry.updated for entry in entries), default=atom_time("1970-01-01"))
    return render(
        env, "feed.html", title=f"{site_name}: topic updates", subtitle=None, author=site_name, entries=entries,
        updated=updated, feed_id=layout.absolute(urls.FEED_FILE) if layout.site_url else "urn:digest:feed",
        self_href=layout.absolute(urls.FEED_FILE), home_href=layout.absolute(layout.page_url(urls.HOME_PAGE)) or "./",
    )


TOPIC_FEED_ENTRIES = 50
"""Newest articles a topic's feed lists."""


def _topic_feed(env: Environment, topic: Topic, digest: Digest, layout: Layout) -> str:
    """A topic's own feed: its newest articles, the lead as the feed's subtitle."""
    feed = urls.topic_feed(topic.slug)
    card = topic_card(topic, digest, layout, feed, tag_anchors([topic]))
    story = f" The story so far: “{card.lead}” ({card.lead_source})." if card.lead and card.lead_source else ""
    dated = sorted((info for info in digest.articles if info.published), key=lambda info: info.id)
    dated.sort(key=lambda info: info.published or "", reverse=True)
    entries = []
    for info in dated[:TOPIC_FEED_ENTRIES]:
        page = layout.page_url(urls.article_page(topic.slug, info.id))
        href = layout.absolute(page) if layout.site_url else urls.relative(page, feed)
        heading = article_heading(info.title, info.outlet, info.published)
        entries.append(FeedEntry(
            heading, href, href if layout.site_url else f"urn:digest:article:{topic.slug}:{info.id}",
            atom_time(info.published or ""), f"{source_name(info)}, {show_date(info.published or '')}.{story}",
            source_name(info)))
    topic_href = layout.page_url(urls.topic_page(topic.slug))
    return render(
        env, "feed.html", title=topic.title, subtitle=_summary(card), author=None, entries=entries,
        updated=entries[0].updated if entries else atom_time("1970-01-01"),
        feed_id=layout.absolute(feed) if layout.site_url else f"urn:digest:topic:{topic.slug}:feed",
        self_href=layout.absolute(feed) if layout.site_url else "feed.xml",
        home_href=layout.absolute(topic_href) if layout.site_url else "./",
    )
