"""Clean an HTML page: trafilatura finds the article and its metadata, then the text cleaner tidies it.

trafilatura is imported lazily so that cleaning a text file stays fast.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date

from digest.ingest import metadata
from digest.ingest.model import Found, IngestError
from digest.ingest.text import CleanText, clean_lines, refuse_unreadable

_LANG = re.compile(r"<html\b[^<>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)", re.I)
_TITLE_OPEN = re.compile(r"<title[^<>]*>", re.I)
_TITLE_CLOSE = re.compile(r"</title>", re.I)
_EMPHASIS_MARKS = ("**", "__", "*", "_")
_EMPHASIS_MARK = re.compile(r"[*_]")


def page_language(html: str) -> str | None:
    """The language the page declares on its <html> element."""
    match = _LANG.search(html[:20000])
    return match.group(1) if match else None


def _title_element_section(html: str, headline: str) -> str | None:
    """The section named in the <title> suffix ("Headline | Section | Site") when the headline comes first."""
    head = html[:200000]
    opening = _TITLE_OPEN.search(head)
    closing = _TITLE_CLOSE.search(head, opening.end()) if opening else None
    if not opening or not closing:
        return None
    import html as html_entities

    element = re.sub(r"\s+", " ", head[opening.end() : closing.start()])
    title, section, _ = metadata.split_title(html_entities.unescape(element))
    return section if section and title.lower() == headline.lower() else None


def strip_emphasis(line: str) -> str:
    r"""The line without Markdown emphasis marks around text ("**bold**" -> "bold"), as the expression
    `(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1` replaced by its second group would give it, in linear time: that expression
    reads to the end of the line for every mark nothing closes, so a line of thousands of lone marks took minutes.
    The closing mark is the first one after the opening text that follows a non-space."""
    if "*" not in line and "_" not in line:
        return line
    closers = {mark: [match.start() for match in re.finditer(f"(?={re.escape(mark)})", line)
                      if match.start() > 0 and not line[match.start() - 1].isspace()] for mark in _EMPHASIS_MARKS}
    parts: list[str] = []
    copied = 0
    for opening in _EMPHASIS_MARK.finditer(line):
        at = opening.start()
        if at < copied:
            continue
        for mark in _EMPHASIS_MARKS:
            text = at + len(mark)
            if not line.startswith(mark, at) or text >= len(line) or line[text].isspace():
                continue
            candidates = closers[mark]
            found = bisect_left(candidates, text + 1)
            if found < len(candidates):
                closing = candidates[found]
                parts += [line[copied:at], line[text:closing]]
                copied = closing + len(mark)
                break
    return "".join(parts) + line[copied:]


def clean_html(html: str, source: str, url: str | None = None,
               boilerplate: frozenset[str] = frozenset()) -> CleanText:
    """The article of an HTML page, with its metadata; raise IngestError if the page holds no article text."""
    import trafilatura

    def extract(favor_recall: bool) -> str | None:
        return trafilatura.extract(html, url=url, output_format="markdown", include_formatting=True,
                                   include_comments=False, include_links=False, include_images=False,
                                   include_tables=False, deduplicate=False, favor_recall=favor_recall)

    try:
        extracted = extract(favor_recall=False) or extract(favor_recall=True)
        info = trafilatura.extract_metadata(html, default_url=url)
    except Exception as error:  # a third-party parser on untrusted input: report, never crash
        raise IngestError(f"{source}: the HTML page could not be parsed ({type(error).__name__}: {error}); "
                          "copy the article's text into a .txt file and import that") from None
    if not extracted:
        raise IngestError(f"{source}: no article text found in the HTML page; "
                          "copy the article's text into a .txt file and import that")
    refuse_unreadable(extracted, source, extracted=True)
    title = section = outlet = None
    if info is not None and info.title:
        title, section, outlet = metadata.split_title(info.title)
        if info.sitename:
            title = _strip_site(title, info.sitename)
        if section is None:
            section = _title_element_section(html, title)
        if section and info.sitename and section.lower() == info.sitename.lower():
            section = None
    lines = []
    for number, line in enumerate(extracted.split("\n"), 1):
        text = strip_emphasis(line.strip())
        if text:
            heading = text.startswith("#")
            lines.append((number, text.lstrip("#").strip() if heading else text, heading))
    clean = clean_lines(lines, title_hint=title, extracted=True, boilerplate=boilerplate)
    published = _published(html, info.date if info else None, url)
    found = clean.found
    return CleanText(
        found=Found(
            title=found.title,
            outlet=(info.sitename if info and info.sitename and "." not in info.sitename else None)
            or found.outlet or outlet,
            url=url or (info.url if info else None),
            published=published or found.published,
            author=(info.author if info and info.author else None) or found.author,
            credit=found.credit,
            section=section or found.section,
        ),
        body=clean.body,
        paragraphs=clean.paragraphs,
        notes=clean.notes,
    )


def _strip_site(title: str, sitename: str) -> str:
    """Drop a trailing " - Site" that trafilatura left on the headline."""
    for separator in (" - ", " – ", " — ", " | "):
        suffix = separator + sitename
        if title.lower().endswith(suffix.lower()):
            return title[: -len(suffix)].strip()
    return title


def _published(html: str, found: str | None, url: str | None) -> date | None:
    if not found:
        import htmldate

        found = htmldate.find_date(html, extensive_search=False, original_date=True, url=url)
    if found:
        try:
            return date.fromisoformat(found[:10])
        except ValueError:
            return None
    return None
