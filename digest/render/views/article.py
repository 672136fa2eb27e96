"""What an article page shows: its metadata and every sentence, addressable as `#s<index>`, each quoted sentence
with links back to where the topic page quotes it."""

from __future__ import annotations

from dataclasses import dataclass

from digest.language.sentences import blocks
from digest.language.times import show_date
from digest.model import Digest, Topic
from digest.render import urls
from digest.render.urls import Layout
from digest.render.views.common import Flag, TopicSentences, article_heading, byline, explain_flags, safe_url
from digest.render.views.places import Place, Selection, select


@dataclass(frozen=True, slots=True)
class BackLink:
    """A link from a sentence to a place of the topic page that quotes or cites it."""

    label: str
    """Where ("Summary ¶2", "Timeline, 15 Jul 2024")."""
    href: str
    """The place on the topic page."""


@dataclass(frozen=True, slots=True)
class Span:
    """One addressable sentence of an article page."""

    index: int
    """1-based sentence number; the anchor is `s<index>`."""
    text: str
    """The sentence."""
    back_links: tuple[BackLink, ...]
    """The places of the topic page that quote it (none: the page does not show it)."""
    searchable: bool = True
    """False when an earlier article of the topic has the same sentence: the search index holds it once."""


@dataclass(frozen=True, slots=True)
class BodyBlock:
    """A run of the article body rendered as one element."""

    tag: str
    """'p', 'h2'..'h6', 'ul' (parts are list items) or 'blockquote' (parts are paragraphs)."""
    parts: tuple[tuple[Span, ...], ...]
    """The element's parts, each a run of sentences."""

    @property
    def part_tag(self) -> str | None:
        """The element each part is wrapped in, if any."""
        return {"ul": "li", "blockquote": "p"}.get(self.tag)

    @property
    def searchable(self) -> bool:
        """Some sentence of it goes into the search index."""
        return any(span.searchable for part in self.parts for span in part)


@dataclass(frozen=True, slots=True)
class ArticleView:
    """Everything on an article page."""

    title: str
    """The page's heading: the headline, or the outlet and date when the title is no headline."""
    headline: str | None
    """The title as the article gives it, when the heading is not it."""
    outlet: str | None
    """Publication."""
    date: str
    """Publication date in words, or "date not stated"."""
    date_iso: str | None
    """YYYY-MM-DD when known."""
    byline: str | None
    """Author and wire credit."""
    section: str | None
    """Section of the original site."""
    url: str | None
    """The original page (http or https only)."""
    words: int
    """Length of the cleaned article."""
    language: str
    """BCP 47 tag of the body, for the page's `lang` attribute."""
    flags: tuple[Flag, ...]
    """Warnings, explained."""
    topic_title: str
    """The topic it belongs to."""
    topic_href: str
    """Link back to the topic page."""
    source_href: str
    """Link to the article's line among the topic page's sources."""
    quoted: int
    """How many of its sentences the topic page quotes or cites."""
    body: tuple[BodyBlock, ...]
    """The article, sentence by sentence."""


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def article_views(topic: Topic, digest: Digest, layout: Layout, selection: Selection | None = None,
                  texts: TopicSentences | None = None) -> dict[str, ArticleView]:
    """Every article page of a topic, by article id (what the pages share is worked out once)."""
    texts = texts or TopicSentences(topic)
    selection = selection or select(topic, digest)
    places = selection.back_links()
    articles = {article.id: article for article in topic.articles}
    card_flags = {card.article: card.flags for card in digest.cards}
    topic_url = layout.page_url(urls.topic_page(topic.slug))
    # The search index holds each wording once: the topic page's (its lead, summary, timeline and contested points
    # are indexed there), then each article's sentences that no earlier article of the topic has.
    seen = {_folded(place.cited.text) for place in selection.indexed_on_topic_page()}
    views = {}
    for info in digest.articles:
        article = articles[info.id]
        current = layout.page_url(urls.article_page(topic.slug, info.id))
        topic_href = urls.relative(topic_url, current)

        def back(place: Place, topic_href: str = topic_href) -> BackLink:
            return BackLink(place.label, f"{topic_href}#{place.anchor}")

        by_block: dict[int, list[Span]] = {}
        quoted = 0
        for sentence in texts.of(info.id):
            links = tuple(back(place) for place in places.get((info.id, sentence.index), ()))
            quoted += bool(links)
            folded = _folded(sentence.text)
            by_block.setdefault(sentence.block, []).append(
                Span(sentence.index, sentence.text, links, folded not in seen))
            seen.add(folded)
        heading = article_heading(info.title, info.outlet, info.published)
        views[info.id] = ArticleView(
            title=heading,
            headline=info.title if heading != info.title else None,
            outlet=info.outlet,
            date=show_date(info.published) if info.published else "date not stated",
            date_iso=info.published,
            byline=byline(info, article.meta.credit),
            section=article.meta.section,
            url=safe_url(info.url),
            words=info.words,
            language=article.meta.language,
            flags=explain_flags((*info.flags, *card_flags.get(info.id, ()))),
            topic_title=topic.title,
            topic_href=topic_href,
            source_href=f"{topic_href}#source-{info.id}",
            quoted=quoted,
            body=_blocks(article.body, by_block),
        )
    return views


def _blocks(body: str, by_block: dict[int, list[Span]]) -> tuple[BodyBlock, ...]:
    """The body's blocks, each with its sentences; list items and quotations that follow each other join."""
    result: list[BodyBlock] = []
    for index, block in enumerate(blocks(body)):
        spans = tuple(by_block.get(index, ()))
        if block.kind == "heading":
            result.append(BodyBlock(f"h{min(max(block.level, 2), 6)}", (spans,)))
            continue
        tag = {"item": "ul", "quote": "blockquote"}.get(block.kind, "p")
        if tag != "p" and result and result[-1].tag == tag:
            result[-1] = BodyBlock(tag, (*result[-1].parts, spans))
        else:
            result.append(BodyBlock(tag, (spans,)))
    return tuple(result)
