"""What the ingest stage takes and gives: overrides from the command line, cleaned articles, import results."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from digest.model import ArticleMeta


class IngestError(Exception):
    """A source that cannot be turned into an article; the message names the source and says what to do."""


@dataclass(frozen=True, slots=True)
class Overrides:
    """Command-line options: they win over what was found in the page."""

    outlet: str | None = None
    """Publication name to record instead of the one the page names."""
    url: str | None = None
    """Original address of the article."""
    published: date | None = None
    """Publication date to record instead of the page's dateline."""


NO_OVERRIDES = Overrides()
"""The default: keep what the page says."""


@dataclass(frozen=True, slots=True)
class CleanedArticle:
    """One source after cleaning: front matter, body and what was done to get there."""

    meta: ArticleMeta
    """Front matter found in the page (and overridden from the command line)."""
    body: str
    """Cleaned Markdown body: paragraphs, and in-article subheadings as `## ` headings."""
    notes: tuple[str, ...]
    """What was dropped or flagged, for the maintainer to review."""


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What a batch import did with each input."""

    written: tuple[Path, ...]
    """Article files created, in input order."""
    skipped: tuple[tuple[str, str], ...]
    """(source, reason) for inputs left out on purpose, e.g. duplicates of an existing article."""
    failed: tuple[tuple[str, str], ...]
    """(source, error message) for inputs that could not be read or cleaned."""


@dataclass(frozen=True, slots=True)
class Found:
    """Metadata read from a page before the command line has its say."""

    title: str | None = None
    """Headline, without a site or section suffix."""
    outlet: str | None = None
    """The publication as the page names itself."""
    url: str | None = None
    """Canonical address given by the page or the fetch."""
    published: date | None = None
    """Dateline or publication date."""
    author: str | None = None
    """Byline."""
    credit: str | None = None
    """Wire or reporting credit line."""
    section: str | None = None
    """Site section, e.g. from a "| Section" title suffix."""
