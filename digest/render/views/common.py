"""Pieces every page view shares: numbered sources, citations, flags, tags and the coverage line."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from digest.content import is_safe_url
from digest.flags import FLAGS
from digest.language.times import show_date
from digest.model import QUOTED, ArticleInfo, Cited, Digest, SentenceRef, Topic
from digest.render import urls
from digest.render.urls import Layout


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
    support: str = QUOTED
    """How that sentence supports the statement (`digest.model.SUPPORT_KINDS`)."""


@dataclass(frozen=True, slots=True)
class Statement:
    """A verbatim sentence with its citations."""

    text: str
    """The sentence."""
    citations: tuple[Citation, ...]
    """One per source that reports it."""


@dataclass(frozen=True, slots=True)
class Flag:
    """A warning on a source card."""

    key: str
    """Key in `digest.flags.FLAGS`."""
    text: str
    """What it means, in plain words."""


@dataclass(frozen=True, slots=True)
class TagLink:
    """A tag pointing at its entry on the tags page."""

    name: str
    """The tag as written in topic.yml."""
    href: str
    """Link to the tag's section of the tags page."""


def safe_url(value: str | None) -> str | None:
    """Only http(s) addresses become links; anything else is dropped."""
    return value if value and is_safe_url(value) else None


SHORT_NAME = 40


def source_name(info: ArticleInfo) -> str:
    """How a source is named on badges: its outlet, else its headline, shortened."""
    name = info.outlet or info.title
    if len(name) <= SHORT_NAME:
        return name
    head = name[:SHORT_NAME]
    cut = head.rsplit(" ", 1)[0] if " " in head else head[: SHORT_NAME - 1]
    return cut.rstrip(" ,;:-") + "…"


def plural(count: int, word: str) -> str:
    """"1 article", "2 articles"."""
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
    """Author and wire credit, each once."""
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


def explain_flags(keys: Iterable[str]) -> tuple[Flag, ...]:
    """Each flag once, with its plain-word explanation."""
    return tuple(Flag(key, FLAGS.get(key, key)) for key in dict.fromkeys(keys))


class TopicLinks:
    """Links from one page of a topic to the topic's articles and sentences."""

    def __init__(self, digest: Digest, layout: Layout, current: str) -> None:
        self.pages = {
            info.id: urls.relative(layout.page_url(urls.article_page(digest.slug, info.id)), current)
            for info in digest.articles
        }
        self.sources = {
            info.id: Source(number, info.id, source_name(info), self.pages[info.id])
            for number, info in enumerate(digest.articles, start=1)
        }

    def article(self, article: str, fragment: str = "") -> str:
        """Link to an article page (and a fragment of it)."""
        return self.pages[article] + fragment

    def citation(self, ref: SentenceRef, support: str = QUOTED) -> Citation:
        """The numbered mark for one cited sentence."""
        source = self.sources[ref.article]
        return Citation(source.number, source.name, self.article(ref.article, f"#s{ref.index}"), support)

    def statement(self, cited: Cited) -> Statement:
        """A sentence with one mark per source that reports it (its first supporting sentence), in source order."""
        first = {ref.article: (ref, kind) for ref, kind in reversed(list(zip(cited.refs, cited.support, strict=True)))}
        refs = [first[article] for article in dict.fromkeys(ref.article for ref in cited.refs)]
        return Statement(cited.text, tuple(sorted((self.citation(ref, kind) for ref, kind in refs),
                                                  key=lambda c: c.number)))
