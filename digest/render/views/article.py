"""What an article page shows: its metadata and every sentence, addressable as `#s<index>`."""

from __future__ import annotations

from dataclasses import dataclass

from digest.language.sentences import blocks, sentences
from digest.language.times import show_date
from digest.model import Cited, Digest, Topic
from digest.render import urls
from digest.render.urls import Layout
from digest.render.views.common import Flag, byline, explain_flags, safe_url


@dataclass(frozen=True, slots=True)
class Span:
    """One addressable sentence of an article page."""

    index: int
    """1-based sentence number; the anchor is `s<index>`."""
    text: str
    """The sentence."""
    cited: bool
    """The digest quotes this sentence somewhere."""


@dataclass(frozen=True, slots=True)
class BodyBlock:
    """A run of the article body rendered as one element."""

    tag: str
    """'p', 'h2'..'h6', 'ul' (parts are list items) or 'blockquote' (parts are paragraphs)."""
    parts: tuple[tuple[Span, ...], ...]
    """The element's parts, each a run of sentences."""


@dataclass(frozen=True, slots=True)
class ArticleView:
    """Everything on an article page."""

    title: str
    """Headline."""
    number: int
    """The source's number on the topic page."""
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
    body: tuple[BodyBlock, ...]
    """The article, sentence by sentence."""


def cited_sentences(digest: Digest) -> set[tuple[str, int]]:
    """(article, sentence) pairs the digest quotes anywhere."""
    cited: list[Cited] = [*digest.summary, *(entry.event for entry in digest.timeline)]
    cited += [side.claim for point in digest.contested for side in point.sides]
    cited += [claim for card in digest.cards for claim in card.only_here]
    return {(ref.article, ref.index) for claim in cited for ref in claim.refs}


def _body(body: str, article: str, cited: set[tuple[str, int]]) -> tuple[BodyBlock, ...]:
    by_block: dict[int, list[Span]] = {}
    for sentence in sentences(body):
        by_block.setdefault(sentence.block, []).append(
            Span(sentence.index, sentence.text, (article, sentence.index) in cited))
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


def article_views(topic: Topic, digest: Digest, layout: Layout) -> dict[str, ArticleView]:
    """Every article page of a topic, by article id (what the pages share is worked out once)."""
    cited = cited_sentences(digest)
    articles = {article.id: article for article in topic.articles}
    card_flags = {card.article: card.flags for card in digest.cards}
    topic_url = layout.page_url(urls.topic_page(topic.slug))
    views = {}
    for number, info in enumerate(digest.articles, start=1):
        article = articles[info.id]
        current = layout.page_url(urls.article_page(topic.slug, info.id))
        views[info.id] = ArticleView(
            title=info.title,
            number=number,
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
            topic_href=urls.relative(topic_url, current),
            body=_body(article.body, info.id, cited),
        )
    return views
