"""Typed data passed between the pipeline stages.

Every stage is a function from these dataclasses to these dataclasses; nothing here
knows about mkdocs, files on disk or the command line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from digest.language.times import PartialDate
from digest.terminal import terminal_safe


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """An article's front matter, validated."""

    title: str
    """Headline, without any site or section suffix."""
    outlet: str | None = None
    """The publication as it names itself."""
    url: str | None = None
    """Where the article was published (http or https only)."""
    published: date | None = None
    """Publication date when known."""
    author: str | None = None
    """Byline."""
    credit: str | None = None
    """Wire or reporting credit, kept apart from the byline."""
    section: str | None = None
    """Section of the site the page sat in (e.g. "Military News")."""
    language: str = "en"
    """BCP 47 language tag of the body."""
    syndicated_from: str | None = None
    """Id of an article in the same topic that this one largely copies."""
    similar_to: tuple[str, ...] = ()
    """Ids of articles in the same topic that share much of this one's text."""
    flags: tuple[str, ...] = ()
    """Warnings recorded at import (see `digest.flags`)."""
    source: str | None = None
    """What the article was imported from (file name or URL), for provenance."""


@dataclass(frozen=True, slots=True)
class Article:
    """One article file of a topic."""

    id: str
    """File stem; unique within the topic and stable across builds."""
    path: Path
    """The Markdown file."""
    meta: ArticleMeta
    """Validated front matter."""
    body: str
    """Cleaned Markdown body."""
    body_line: int = 1
    """1-based line of the file on which the body starts (for error messages)."""


@dataclass(frozen=True, slots=True)
class Quote:
    """A maintainer's citation: a verbatim passage of one article."""

    article: str
    """Article id."""
    text: str
    """Verbatim text that must occur in the article body."""
    line: int
    """Line of topic.yml that holds the quote."""


@dataclass(frozen=True, slots=True)
class CuratedPoint:
    """A contested point written by a maintainer in topic.yml."""

    title: str
    """What the sources disagree on."""
    kind: str
    """One of the contested kinds (number, date, denial, stance, framing)."""
    sides: tuple[tuple[str, tuple[Quote, ...]], ...]
    """Each side: a label and the quotes that support it."""
    line: int
    """Line of topic.yml where the point starts."""


@dataclass(frozen=True, slots=True)
class CuratedEvent:
    """A timeline entry written by a maintainer in topic.yml."""

    date: PartialDate
    """The date of the entry, as precise as the maintainer wrote it."""
    quote: Quote
    """The sentence the entry shows."""
    line: int
    """Line of topic.yml where the entry starts."""


@dataclass(frozen=True, slots=True)
class TopicSettings:
    """Editorial settings of a topic, with defaults that suit a topic of any size."""

    timeline_entries: int = 12
    """How many timeline entries the page shows (the JSON keeps them all)."""
    summary_words: int = 200
    """Target length of the summary, in words."""
    contested_shown: int = 5
    """How many contested points the page shows (the JSON keeps them all)."""
    hide: tuple[str, ...] = ()
    """Ids of automatic timeline entries or contested points to leave out."""
    hide_lines: tuple[int, ...] = ()
    """Line of topic.yml of each id in `hide` (for the error when one names nothing)."""


@dataclass(frozen=True, slots=True)
class Topic:
    """A story: a folder with topic.yml and one Markdown file per article."""

    slug: str
    """Folder name; also the page's URL segment."""
    path: Path
    """The topic folder."""
    title: str
    """Display title."""
    description: str = ""
    """One line shown on the home page."""
    tags: tuple[str, ...] = ()
    """Free tags for the tags page."""
    settings: TopicSettings = field(default_factory=TopicSettings)
    """Editorial settings."""
    summary_lines: tuple[Quote, ...] = ()
    """Hand-picked summary sentences, shown first."""
    curated_points: tuple[CuratedPoint, ...] = ()
    """Hand-written contested points."""
    curated_events: tuple[CuratedEvent, ...] = ()
    """Hand-written timeline entries."""
    articles: tuple[Article, ...] = ()
    """Articles, sorted by id."""


def topic_updated(topic: Topic) -> date | None:
    """The newest trustworthy publication date of the topic's articles.

    'Updated' comes from the content, never the clock; a date flagged as contradicting its own story
    (`date_anomaly`) is left out, so a wrong dateline cannot make a topic look older or newer than it is.
    """
    dates = [article.meta.published for article in topic.articles
             if article.meta.published and "date_anomaly" not in article.meta.flags]
    return max(dates) if dates else None


TOPIC_FILE = "topic.yml"
"""The file that makes a folder a topic: its title, settings and curation."""


@dataclass(frozen=True, slots=True)
class Problem:
    """A content error or warning, located in a file."""

    path: Path
    """File at fault."""
    line: int
    """1-based line (1 when the whole file is at fault)."""
    message: str
    """What is wrong and what to do."""

    def __str__(self) -> str:
        return terminal_safe(f"{self.path}:{self.line}: {self.message}")


class ContentError(Exception):
    """Content that cannot be used; carries every problem found (raised by the content checks, and by the analysis
    for what only a digest shows: a curated quote not in its article, a hidden id that names nothing)."""

    def __init__(self, problems: list[Problem], article: Article | None = None) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems
        self.article = article
        """The article as far as it could be read (fields in error left out), for the checks that compare it with
        the rest of its topic: a bad field is reported once, not again as an article missing from the topic."""


# -- what the analysis produces --------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class SentenceRef:
    """Where a sentence stands: the article page anchors it as `#s<index>`."""

    article: str
    """Article id."""
    index: int
    """1-based position of the sentence in the article (see `digest.language.sentences.sentences`)."""


@dataclass(frozen=True, slots=True)
class Cited:
    """A sentence taken verbatim from the articles, with every article that reports it."""

    text: str
    """Verbatim sentence from the first source in `refs`."""
    sources: tuple[str, ...]
    """Ids of the articles that report it, most trusted first."""
    refs: tuple[SentenceRef, ...]
    """The matching sentence in each source (first one is the one quoted)."""


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One dated event, merged across sources."""

    id: str
    """Stable id (hash of date and quoted sentence), used to hide the entry in topic.yml."""
    date: PartialDate
    """The date, as precise as the sources give it (YYYY, YYYY-MM or YYYY-MM-DD in the JSON)."""
    event: Cited
    """The sentence that states the event."""
    weight: float
    """Importance: distinct outlets reporting it, and how central it is to the story."""
    curated: bool = False
    """Written by a maintainer in topic.yml."""


@dataclass(frozen=True, slots=True)
class ContestedSide:
    """One side of a disagreement."""

    label: str
    """Short description of the side (e.g. the figure or the actor)."""
    claim: Cited
    """The sentence that states this side."""


@dataclass(frozen=True, slots=True)
class ContestedPoint:
    """A point on which sources disagree, or a claim reported with its denial."""

    id: str
    """Stable id, used to hide the point in topic.yml."""
    kind: str
    """number, date, denial, stance or framing."""
    title: str
    """What is in dispute, in our words built from the sentences' own terms."""
    sides: tuple[ContestedSide, ...]
    """Two or more sides."""
    score: float
    """Ranking: stronger and better-sourced disagreements first."""
    curated: bool = False
    """Written by a maintainer in topic.yml."""


@dataclass(frozen=True, slots=True)
class SourceCard:
    """What one article brings to the story."""

    article: str
    """Article id."""
    sentences: int
    """Sentences of the article that state something (headings excluded)."""
    corroborated: int
    """How many of them another outlet also reports."""
    only_here: tuple[Cited, ...]
    """Notable claims that no other source reports."""
    flags: tuple[str, ...]
    """Warnings (keys of `digest.flags.FLAGS`)."""


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """An article as the digest lists it."""

    id: str
    """Article id."""
    path: str
    """File name, relative to the topic folder."""
    title: str
    """Headline."""
    outlet: str | None
    """Publication."""
    url: str | None
    """Original page."""
    published: str | None
    """YYYY-MM-DD."""
    author: str | None
    """Byline or credit."""
    words: int
    """Length of the cleaned body."""
    flags: tuple[str, ...]
    """Warnings (keys of `digest.flags.FLAGS`)."""


@dataclass(frozen=True, slots=True)
class Digest:
    """Everything the topic page shows, and more (the page shows the top of each list)."""

    slug: str
    """Topic slug."""
    title: str
    """Topic title."""
    articles: tuple[ArticleInfo, ...]
    """Every article, in id order."""
    summary: tuple[Cited, ...]
    """Summary sentences in reading order."""
    timeline: tuple[TimelineEntry, ...]
    """Dated events in date order (all of them; the page shows the heaviest)."""
    contested: tuple[ContestedPoint, ...]
    """Contested points, strongest first."""
    cards: tuple[SourceCard, ...]
    """One card per article, in id order."""
    updated: str | None = None
    """Newest publication date among the articles (YYYY-MM-DD)."""
