"""From a read page to a CleanedArticle: clean the text, settle the metadata, record flags and notes."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import date
from pathlib import Path

from digest.content import MAX_ARTICLE_BYTES, ContentError, is_safe_url, parse_article
from digest.content.fields import date_range_error
from digest.content.outlets import clean_name
from digest.flags import RECORDED_FLAGS
from digest.ingest import metadata
from digest.ingest.model import NO_OVERRIDES, CleanedArticle, IngestError, Overrides
from digest.ingest.source import Page
from digest.ingest.text import CleanText, clean_text, refuse_unreadable
from digest.language.sentences import split_sentences
from digest.model import ArticleMeta

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]")
_LIMITS = {"title": 500, "outlet": 200, "author": 500, "credit": 500, "section": 200}
"""Front-matter length limits of `digest.content`; longer values are cut at a word."""


def clean_page(page: Page, overrides: Overrides = NO_OVERRIDES,
               boilerplate: frozenset[str] = frozenset()) -> CleanedArticle:
    """Clean one page and merge what it says about itself with the command-line overrides."""
    if not page.html and page.text.startswith("---\n"):
        refuse_unreadable(page.text, page.source)
        existing = _article_file(page, overrides)
        if existing is not None:
            return existing
    if page.html:
        from digest.ingest.html import clean_html, page_language

        clean: CleanText = clean_html(page.text, page.source, page.url, boilerplate)
        language = page_language(page.text) or "en"
    else:
        refuse_unreadable(page.text, page.source)
        clean = clean_text(page.text, boilerplate=boilerplate)
        language = "en"
    if not clean.body.strip():
        raise IngestError(f"{page.source}: no article text left after cleaning; check that the file holds "
                          "the article (its paragraphs end with full stops) and not only page furniture")
    size = len(clean.body.encode("utf-8"))
    if size > MAX_ARTICLE_BYTES:
        raise IngestError(f"{page.source}: the cleaned article is {size / 1e6:.1f} MB, over the "
                          f"{MAX_ARTICLE_BYTES / 1e6:.0f} MB limit of an article file; is this one article?")
    notes = list(sorted(clean.notes, key=_line_of))
    found = clean.found
    title = _field(found.title, "title") or _fallback_title(clean)
    url = overrides.url or found.url
    if url and not is_safe_url(url):
        notes.append(f"url {url[:80]!r} is not an http(s) address: left out")
        url = None
    out_of_range = date_range_error(found.published, "the date found in the page,") if found.published else None
    if out_of_range:
        notes.append(f"{out_of_range}: left out")
        found = replace(found, published=None)
    published = overrides.published or found.published
    if overrides.published and found.published and overrides.published != found.published:
        notes.append(f"the page is dated {found.published.isoformat()}; recorded {overrides.published.isoformat()} "
                     "as given on the command line")
    flags = _flags(published, clean.paragraphs, url, overrides.outlet or found.outlet, notes)
    meta = ArticleMeta(
        title=title,
        outlet=_field(clean_name(overrides.outlet or found.outlet or ""), "outlet"),
        url=url,
        published=published,
        author=_field(found.author, "author"),
        credit=_field(found.credit, "credit"),
        section=_field(found.section, "section"),
        language=language,
        flags=flags,
        source=page.name[:2000],
    )
    return CleanedArticle(meta=meta, body=_CONTROL.sub("", clean.body), notes=tuple(notes))


def _article_file(page: Page, overrides: Overrides) -> CleanedArticle | None:
    """A file that already is an article (front matter and clean body) is taken as it is, overrides applied."""
    try:
        article = parse_article(Path(page.name), page.text)
    except ContentError:
        return None
    meta = replace(article.meta, outlet=overrides.outlet or article.meta.outlet, url=overrides.url or article.meta.url,
                   published=overrides.published or article.meta.published)
    meta = replace(meta, flags=tuple(flag for flag in meta.flags if flag in RECORDED_FLAGS))
    return CleanedArticle(meta=meta, body=article.body.lstrip("\n"),
                          notes=("already an article file: front matter and body kept as they are",))


def _flags(published: date | None, paragraphs: tuple[str, ...], url: str | None, outlet: str | None,
           notes: list[str]) -> tuple[str, ...]:
    """Flags to record; what is missing goes into the notes (the analysis flags it from the front matter)."""
    missing = [what for what, value in (("date", published), ("url", url), ("outlet", outlet)) if not value]
    if missing:
        notes.append(f"not found in the page: {', '.join(missing)} (give them with --published, --url, --outlet)")
    if published is None:
        return ()
    sentences = [sentence for paragraph in paragraphs for sentence in split_sentences(paragraph)]
    why = metadata.date_contradicted(published, sentences)
    if why:
        notes.append(f"flagged date_anomaly: {why}")
        return ("date_anomaly",)
    return ()


def _field(value: str | None, key: str) -> str | None:
    if not value:
        return None
    value = re.sub(r"\s+", " ", _CONTROL.sub(" ", unicodedata.normalize("NFC", value))).strip()
    limit = _LIMITS[key]
    if len(value) > limit:
        value = value[: limit - 1].rsplit(" ", 1)[0] + "…"
    return value or None


def _fallback_title(clean: CleanText) -> str:
    """No headline on the page: the first sentence of the body, shortened at a word."""
    first = (split_sentences(clean.paragraphs[0]) or [""])[0] if clean.paragraphs else "Untitled article"
    return _field(first if len(first) <= 120 else first[:117].rsplit(" ", 1)[0] + "…", "title") or "Untitled article"


def _line_of(note: str) -> int:
    match = re.match(r"line (\d+):", note)
    return int(match.group(1)) if match else 0

