"""What each page shows, worked out from a Digest and its Topic: numbers, labels and links.

Templates only lay these values out; every decision (which entries, in what order, which
words) is made here, where it can be tested without HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from digest.content import is_safe_url
from digest.flags import FLAGS
from digest.model import ArticleInfo, Cited, Digest, SentenceRef, Topic
from digest.render import urls
from digest.render.dates import show_date
from digest.render.urls import Layout
from digest.text import blocks, sentences

KIND_LABELS = {
    "number": "The figures differ",
    "date": "The dates differ",
    "denial": "Claimed and denied",
    "stance": "The sources take different positions",
    "framing": "The sources frame it differently",
}
"""What each kind of contested point means, as a reader's heading."""


# -- shared pieces ------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Source:
    """An article as the topic page numbers it."""

    number: int
    """1-based position in the topic's source list; citation marks use it."""
    id: str
    """Article id."""
    name: str
    """Outlet, or the headline when the outlet is not known."""
    href: str
    """Link to the article page."""


@dataclass(frozen=True, slots=True)
class Citation:
    """A numbered mark linking a statement to the sentence it was taken from."""

    number: int
    """The source's number."""
    name: str
    """The source's name (for the tooltip and badges)."""
    href: str
    """Link to the sentence on the article page."""


@dataclass(frozen=True, slots=True)
class Statement:
    """A verbatim sentence with its citations."""

    text: str
    """The sentence."""
    citations: tuple[Citation, ...]
    """One per source that reports it."""


# -- topic page ---------------------------------------------------------------------------------

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
class Flag:
    """A warning on a source card."""

    key: str
    """Key in `digest.flags.FLAGS`."""
    text: str
    """What it means, in plain words."""


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


@dataclass(frozen=True, slots=True)
class MatrixRow:
    """One key fact of the coverage matrix."""

    number: int
    """Position in the summary."""
    text: str
    """The summary sentence."""
    cells: tuple[str | None, ...]
    """Per source (in source order): link to its sentence when it reports the fact, else None."""


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
    matrix: tuple[MatrixRow, ...]
    """Summary sentences against sources."""
    json_href: str
    """Link to the topic's digest JSON."""


# -- article page -------------------------------------------------------------------------------

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
    flags: tuple[Flag, ...]
    """Warnings, explained."""
    topic_title: str
    """The topic it belongs to."""
    topic_href: str
    """Link back to the topic page."""
    body: tuple[BodyBlock, ...]
    """The article, sentence by sentence."""


# -- home, tags, feed ---------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class TagLink:
    """A tag pointing at its entry on the tags page."""

    name: str
    """The tag as written in topic.yml."""
    href: str
    """Link to the tag's section of the tags page."""


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
    updated: str | None
    """Newest article date in words."""
    updated_iso: str | None
    """Newest article date, YYYY-MM-DD."""
    outlets: int
    """Distinct outlets."""
    articles: int
    """Articles."""
    coverage: str
    """The coverage line."""
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


# -- helpers ------------------------------------------------------------------------------------

def safe_url(value: str | None) -> str | None:
    """Only http(s) addresses become links; anything else is dropped."""
    return value if value and is_safe_url(value) else None


SHORT_NAME = 40
"""Longest source name on a badge; longer headlines are cut at a word."""


def source_name(info: ArticleInfo) -> str:
    """How a source is named on badges: its outlet, else its headline, shortened."""
    name = info.outlet or info.title
    if len(name) <= SHORT_NAME:
        return name
    head = name[:SHORT_NAME]
    cut = head.rsplit(" ", 1)[0] if " " in head else head[: SHORT_NAME - 1]
    return cut.rstrip(" ,;:-") + "…"


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def outlet_count(infos: Iterable[ArticleInfo]) -> int:
    """Distinct named outlets (articles without an outlet are not counted)."""
    return len({info.outlet.casefold() for info in infos if info.outlet})


def coverage_line(digest: Digest) -> str:
    """"5 articles from 5 outlets, updated 9 Dec 2022" (parts left out when unknown)."""
    line = plural(len(digest.articles), "article")
    outlets = outlet_count(digest.articles)
    if outlets:
        line += f" from {plural(outlets, 'outlet')}"
    if digest.updated:
        line += f", updated {show_date(digest.updated)}"
    return line


def byline(info: ArticleInfo, credit: str | None) -> str | None:
    parts = [part for part in (info.author, credit) if part]
    return " · ".join(dict.fromkeys(parts)) or None


def tag_anchor(tag: str, taken: set[str]) -> str:
    """A fragment id for a tag: its letters and digits, made unique."""
    base = "tag-" + (re.sub(r"[^a-z0-9]+", "-", tag.casefold()).strip("-") or "x")
    anchor, count = base, 1
    while anchor in taken:
        count += 1
        anchor = f"{base}-{count}"
    taken.add(anchor)
    return anchor


def tag_anchors(topics: Iterable[Topic]) -> dict[str, str]:
    """One stable anchor per distinct tag, in sorted tag order."""
    taken: set[str] = set()
    names = sorted({tag for topic in topics for tag in topic.tags}, key=lambda tag: (tag.casefold(), tag))
    return {tag: tag_anchor(tag, taken) for tag in names}


def _flags(keys: Iterable[str]) -> tuple[Flag, ...]:
    return tuple(Flag(key, FLAGS.get(key, key)) for key in dict.fromkeys(keys))


def cited_sentences(digest: Digest) -> set[tuple[str, int]]:
    """(article, sentence) pairs the digest quotes anywhere."""
    cited: list[Cited] = [*digest.summary, *(entry.event for entry in digest.timeline)]
    cited += [side.claim for point in digest.contested for side in point.sides]
    cited += [claim for card in digest.cards for claim in card.only_here]
    return {(ref.article, ref.index) for claim in cited for ref in claim.refs}


# -- builders -----------------------------------------------------------------------------------

class _TopicLinks:
    """Links from one page of a topic to the topic's articles and sentences."""

    def __init__(self, digest: Digest, layout: Layout, current: str) -> None:
        self.slug, self.layout, self.current = digest.slug, layout, current
        self.sources = {
            info.id: Source(number, info.id, source_name(info), self.article(info.id))
            for number, info in enumerate(digest.articles, start=1)
        }

    def article(self, article: str, fragment: str = "") -> str:
        url = self.layout.page_url(urls.article_page(self.slug, article))
        return urls.relative(url + fragment, self.current)

    def citation(self, ref: SentenceRef) -> Citation:
        source = self.sources[ref.article]
        return Citation(source.number, source.name, self.article(ref.article, f"#s{ref.index}"))

    def statement(self, cited: Cited) -> Statement:
        first = {ref.article: ref for ref in reversed(cited.refs)}
        refs = [first[article] for article in dict.fromkeys(ref.article for ref in cited.refs)]
        return Statement(cited.text, tuple(sorted((self.citation(ref) for ref in refs), key=lambda c: c.number)))


def heaviest_in_date_order(digest: Digest, count: int) -> tuple[int, ...]:
    """Positions of the `count` heaviest timeline entries, back in date order."""
    ranked = sorted(range(len(digest.timeline)), key=lambda i: (-digest.timeline[i].weight, i))
    return tuple(sorted(ranked[:count]))


def topic_view(topic: Topic, digest: Digest, layout: Layout) -> TopicView:
    """The topic page's content."""
    current = layout.page_url(urls.topic_page(topic.slug))
    links = _TopicLinks(digest, layout, current)
    info_by_id = {info.id: info for info in digest.articles}
    credits = {article.id: article.meta.credit for article in topic.articles}
    timeline = tuple(
        TimelineItem(entry.date, show_date(entry.date), links.statement(entry.event))
        for entry in (digest.timeline[i] for i in heaviest_in_date_order(digest, topic.settings.timeline_entries))
    )
    contested = tuple(
        Contest(point.title, point.kind, KIND_LABELS.get(point.kind, point.kind),
                tuple(Side(side.label, links.statement(side.claim)) for side in point.sides))
        for point in digest.contested[: topic.settings.contested_shown]
    )
    cards = []
    for card in digest.cards:
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
            flags=_flags(card.flags),
        ))
    order = [info.id for info in digest.articles]
    matrix = []
    for number, sentence in enumerate(digest.summary, start=1):
        first = {ref.article: ref for ref in reversed(sentence.refs)}
        cells = tuple(links.citation(first[article]).href if article in first else None for article in order)
        matrix.append(MatrixRow(number, sentence.text, cells))
    anchors = tag_anchors([topic])
    tags_url = layout.page_url(urls.TAGS_PAGE)
    return TopicView(
        title=topic.title,
        description=topic.description,
        coverage=coverage_line(digest),
        tags=tuple(TagLink(tag, urls.relative(f"{tags_url}#{anchors[tag]}", current)) for tag in topic.tags),
        sources=tuple(links.sources[article] for article in order),
        summary=tuple(links.statement(sentence) for sentence in digest.summary),
        timeline=timeline,
        timeline_total=len(digest.timeline),
        contested=contested,
        contested_total=len(digest.contested),
        cards=tuple(cards),
        matrix=tuple(matrix),
        json_href=urls.relative(urls.digest_file(topic.slug), current),
    )


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


def article_view(topic: Topic, digest: Digest, article_id: str, layout: Layout) -> ArticleView:
    """An article page's content."""
    current = layout.page_url(urls.article_page(topic.slug, article_id))
    article = next(article for article in topic.articles if article.id == article_id)
    info = next(info for info in digest.articles if info.id == article_id)
    number = [a.id for a in digest.articles].index(article_id) + 1
    card_flags = next((card.flags for card in digest.cards if card.article == article_id), ())
    return ArticleView(
        title=info.title,
        number=number,
        outlet=info.outlet,
        date=show_date(info.published) if info.published else "date not stated",
        date_iso=info.published,
        byline=byline(info, article.meta.credit),
        section=article.meta.section,
        url=safe_url(info.url),
        words=info.words,
        flags=_flags((*info.flags, *card_flags)),
        topic_title=topic.title,
        topic_href=urls.relative(layout.page_url(urls.topic_page(topic.slug)), current),
        body=_body(article.body, article_id, cited_sentences(digest)),
    )


def topic_card(topic: Topic, digest: Digest, layout: Layout, current: str, anchors: dict[str, str]) -> TopicCard:
    """A topic as the home page, tags page and feed list it."""
    tags_url = layout.page_url(urls.TAGS_PAGE)
    return TopicCard(
        slug=topic.slug,
        title=topic.title,
        href=urls.relative(layout.page_url(urls.topic_page(topic.slug)), current),
        description=topic.description,
        updated=show_date(digest.updated) if digest.updated else None,
        updated_iso=digest.updated,
        outlets=outlet_count(digest.articles),
        articles=len(digest.articles),
        coverage=coverage_line(digest),
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
