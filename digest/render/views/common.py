"""Pieces every page view shares: the lead, statements with the reports behind them, flags, tags, coverage."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from digest.content import is_safe_url
from digest.flags import FLAGS
from digest.language.sentences import NumberedSentence, sentences
from digest.language.times import show_date
from digest.model import ArticleInfo, Cited, Digest, SentenceRef, Topic
from digest.render import urls
from digest.render.urls import Layout


@dataclass(frozen=True, slots=True)
class Report:
    """One article's sentence behind a statement: where it stands and how it reads there."""

    href: str
    """Link to the sentence on the article page."""
    headline: str
    """The article's headline, naming the link for screen readers."""
    date: str | None
    """Publication date in words."""
    date_iso: str | None
    """Publication date, YYYY-MM-DD."""
    excerpt: str | None
    """The article's own sentence, when its words differ from the statement's."""
    support: str | None
    """How the sentence supports the statement ("quoted", "same fact"), when the analysis says."""


@dataclass(frozen=True, slots=True)
class OutletReports:
    """The articles of one outlet that report a statement."""

    name: str
    """The outlet, or the article's short headline when the outlet is not known."""
    reports: tuple[Report, ...]
    """Its reports, earliest first."""


@dataclass(frozen=True, slots=True)
class Statement:
    """A verbatim sentence with every report of it, grouped by outlet."""

    text: str
    """The sentence."""
    outlets: tuple[OutletReports, ...]
    """The outlets that report it: the quoted article's first, then by their first report."""
    articles: int
    """How many articles report it."""

    @property
    def first(self) -> Report:
        """The report whose words the statement quotes."""
        return self.outlets[0].reports[0]


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


def lead_and_rest(digest: Digest) -> tuple[Cited | None, tuple[Cited, ...]]:
    """The story's lead and the summary sentences that follow it. Every page that shows a lead (topic page, home
    page, feed, article back-links) takes it from here: for now the summary's first sentence."""
    if not digest.summary:
        return None, ()
    return digest.summary[0], digest.summary[1:]


def safe_url(value: str | None) -> str | None:
    """Only http(s) addresses become links; anything else is dropped."""
    return value if value and is_safe_url(value) else None


SHORT_NAME = 40


def shorten(text: str, limit: int) -> str:
    """`text` cut at a word before `limit` characters, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    cut = head.rsplit(" ", 1)[0] if " " in head else head[: limit - 1]
    return cut.rstrip(" ,;:-") + "…"


def source_name(info: ArticleInfo) -> str:
    """How a source is named on badges: its outlet, else its headline, shortened."""
    return shorten(info.outlet or info.title, SHORT_NAME)


_HEADLINE_WORD = re.compile(r"[^\W\d_]{2,}")


def looks_like_headline(title: str) -> bool:
    """A title that can stand as a headline: a few words, not a leftover label such as "Apr." or "Home"."""
    words = _HEADLINE_WORD.findall(title)
    return len(words) >= 3 and sum(map(len, words)) >= 12


def article_heading(title: str, outlet: str | None, published: str | None) -> str:
    """What an article page and its source line are called: the article's title when it looks like a headline,
    else its outlet and date ("Harbor Daily, 3 Jan 2024")."""
    if looks_like_headline(title):
        return title
    parts = [part for part in (outlet, show_date(published) if published else None) if part]
    return ", ".join(parts) or title


def plural(count: int, word: str) -> str:
    """"1 article", "2 articles"."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def outlet_key(info: ArticleInfo) -> str:
    """What makes articles one source: their outlet (any case); an article without an outlet stands alone."""
    return info.outlet.casefold() if info.outlet else f"#{info.id}"


def outlet_count(infos: Iterable[ArticleInfo]) -> int:
    """Distinct named outlets (articles without an outlet are not counted)."""
    return len({info.outlet.casefold() for info in infos if info.outlet})


def date_range(infos: Iterable[ArticleInfo]) -> tuple[str, str] | None:
    """The first and last publication dates (YYYY-MM-DD) of the articles that have one."""
    dates = sorted(info.published for info in infos if info.published)
    return (dates[0], dates[-1]) if dates else None


def show_range(span: tuple[str, str] | None) -> str | None:
    """"3 Jan – 12 Apr 2024", "3 Jan 2024" (one day), None without dates."""
    if span is None:
        return None
    first, last = (show_date(value) for value in span)
    if first == last:
        return first
    if span[0][:7] == span[1][:7]:
        first = first.split(" ", 1)[0]
    elif span[0][:4] == span[1][:4]:
        first = first.rsplit(" ", 1)[0]
    return f"{first} – {last}"


def counts_line(digest: Digest) -> str:
    """"5 articles from 5 outlets" (articles only when no outlet is named)."""
    outlets = outlet_count(digest.articles)
    return plural(len(digest.articles), "article") + (f" from {plural(outlets, 'outlet')}" if outlets else "")


def coverage_line(digest: Digest) -> str:
    """"5 articles from 5 outlets, updated 9 Dec 2022" (parts left out when unknown)."""
    line = counts_line(digest)
    if digest.updated:
        line += f", updated {show_date(digest.updated)}"
    return line


def byline(info: ArticleInfo, credit: str | None) -> str | None:
    """Author and wire credit, each once."""
    parts = [part for part in (info.author, credit) if part]
    return " · ".join(dict.fromkeys(parts)) or None


def anchor_id(prefix: str, name: str, taken: set[str]) -> str:
    """A fragment id: `prefix` and the letters and digits of `name`, made unique among `taken`."""
    base = f"{prefix}-" + (re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "x")
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
    return {tag: anchor_id("tag", tag, taken) for tag in names}


def explain_flags(keys: Iterable[str]) -> tuple[Flag, ...]:
    """Each flag once, with its plain-word explanation."""
    return tuple(Flag(key, FLAGS.get(key, key)) for key in dict.fromkeys(keys))


def support_of(ref: SentenceRef) -> str | None:
    """How a cited sentence supports its statement, once the analysis records it on the reference (the citation
    rework gives `SentenceRef` a `support` field, "quoted" or "same fact"); None while it does not."""
    support = getattr(ref, "support", None)
    return support if isinstance(support, str) and support else None


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


class TopicSentences:
    """The numbered sentences of a topic's articles, split once per article when first asked for."""

    def __init__(self, topic: Topic) -> None:
        self._bodies = {article.id: article.body for article in topic.articles}
        self._split: dict[str, list[NumberedSentence]] = {}

    def of(self, article: str) -> list[NumberedSentence]:
        """Every sentence of the article, numbered from 1 (none for an article the topic does not have)."""
        if article not in self._split:
            self._split[article] = sentences(self._bodies.get(article, ""))
        return self._split[article]

    def text(self, ref: SentenceRef) -> str | None:
        """The sentence a reference points at (None if the article has no such sentence)."""
        found = self.of(ref.article)
        return found[ref.index - 1].text if 0 < ref.index <= len(found) else None


class TopicLinks:
    """Links from one page of a topic to the topic's articles and sentences, and the reports behind statements."""

    def __init__(self, digest: Digest, layout: Layout, current: str, texts: TopicSentences) -> None:
        self.texts = texts
        self.infos = {info.id: info for info in digest.articles}
        self.pages = {
            info.id: urls.relative(layout.page_url(urls.article_page(digest.slug, info.id)), current)
            for info in digest.articles
        }
        # Worked out once per article: a topic page lists each article behind many statements.
        self.headlines = {info.id: article_heading(info.title, info.outlet, info.published) for info in digest.articles}
        self.dates = {info.id: show_date(info.published) for info in digest.articles if info.published}
        self.names = {info.id: source_name(info) for info in digest.articles}

    def article(self, article: str, fragment: str = "") -> str:
        """Link to an article page (and a fragment of it)."""
        return self.pages[article] + fragment

    def report(self, ref: SentenceRef, quoted: str) -> Report:
        """One article's sentence behind a statement (`quoted`: the statement's words, folded)."""
        text = self.texts.text(ref)
        return Report(
            href=self.article(ref.article, f"#s{ref.index}"),
            headline=self.headlines[ref.article],
            date=self.dates.get(ref.article),
            date_iso=self.infos[ref.article].published,
            excerpt=text if text is not None and _folded(text) != quoted else None,
            support=support_of(ref),
        )

    def statement(self, cited: Cited) -> Statement:
        """A sentence with its reports, one per article (its first matching sentence), grouped by outlet: the
        quoted article and its outlet first, then the earliest reports first."""
        first: dict[str, SentenceRef] = {}
        for ref in cited.refs:
            first.setdefault(ref.article, ref)
        quoted = cited.refs[0].article if cited.refs else None

        def order(ref: SentenceRef) -> tuple[bool, str, str]:
            return ref.article != quoted, self.infos[ref.article].published or "9999", ref.article

        grouped: dict[str, list[SentenceRef]] = {}
        for ref in sorted(first.values(), key=order):
            grouped.setdefault(outlet_key(self.infos[ref.article]), []).append(ref)
        quoted_words = _folded(cited.text)
        return Statement(cited.text, tuple(
            OutletReports(self.names[refs[0].article], tuple(self.report(ref, quoted_words) for ref in refs))
            for refs in grouped.values()), len(first))
