"""Clean the visible text of a news page: keep the story's lines, drop the page around it.

The page is read as a sequence of lines. Three general signals decide:

- form: prose paragraphs are long and end like sentences; furniture is short, link-like or
  matches a known kind (teasers, share bars, comment forms, photo credits, see `furniture`);
- position: the article starts at the first prose paragraph that more text follows (or
  after a headline and byline further down, when teasers with excerpts come first); the
  header above it gives the title (the line sharing most words with the lede), dateline and
  byline. It ends at a heading that opens the page's furniture ("Related News", "More from
  ...", a comment form), unless prose resumes right after an inline box;
- repetition: short lines repeated on the page, or recurring across the batch and topic.

Short lines inside the article are kept as `## ` subheadings when article text follows them;
lists are kept unless they are lists of links (headline-like items, or after the article).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.ingest import metadata
from digest.ingest.model import Found
from digest.ingest.text.header import Meta, drop_closing_notes, read_header, read_meta
from digest.ingest.text.layout import after_late_byline, article_spans, article_start
from digest.ingest.text.lines import (
    HEADING_WORDS,
    PROSE_WORDS,
    TERMINAL,
    PageLine,
    classify,
    fold_line,
    mark_repeats,
    note,
    refuse_unreadable,
    split_lines,
)
from digest.language import furniture

__all__ = ["PROSE_WORDS", "CleanText", "clean_lines", "clean_text", "fold_line", "refuse_unreadable", "split_lines"]

_WORD = re.compile(r"\S+")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(?=\S)")


@dataclass(frozen=True, slots=True)
class CleanText:
    """A page's text after cleaning."""

    found: Found
    """Metadata read from the page."""
    body: str
    """Markdown body."""
    paragraphs: tuple[str, ...]
    """Body paragraphs in plain text (for date checks and duplicate detection)."""
    notes: tuple[str, ...]
    """What was dropped and why, with line numbers."""


def clean_lines(lines: list[tuple[int, str, bool]], *, title_hint: str | None = None, extracted: bool = False,
                boilerplate: frozenset[str] = frozenset()) -> CleanText:
    """Clean numbered lines (number, text, marked as heading by the source) into an article.

    `extracted` says an extractor has already cut the article out of the page (HTML): lines above the first
    long paragraph and short list items are then kept unless they are furniture.
    """
    blocks = [PageLine(number, text, hint, len(_WORD.findall(text))) for number, text, hint in lines]
    notes: list[str] = []
    meta = Meta()
    for block in blocks:
        classify(block, boilerplate)
        outlet = metadata.self_named_outlet(block.text) if block.kind != "prose" else None
        if outlet:
            meta.outlets.append(outlet)
        if block.reason == "social links" or block.text.lower().startswith(("follow", "find us", "connect")):
            meta.handles += metadata.handles(block.text)
    mark_repeats(blocks)
    start = article_start(blocks)
    if start is not None:
        start = after_late_byline(blocks, start)
    if start is None:
        start = next((i for i, b in enumerate(blocks) if b.kind == "sentence"), len(blocks))
    lede = " ".join(b.text for b in blocks[start: start + 8] if b.kind in ("prose", "sentence"))
    title_line, header_keep = read_header(blocks[:start], title_hint, extracted, lede, meta, notes)
    title = title_hint or (title_line.text.lstrip("# ").strip() if title_line else None)
    spans = article_spans(blocks, start)
    kept: list[PageLine] = list(header_keep)
    title_keys = {fold_line(title)} if title else set()
    if title_line:
        title_keys.add(fold_line(title_line.text))
    in_article = {i for first, last in spans for i in range(first, last)}
    for index in range(start, len(blocks)):
        block = blocks[index]
        if index not in in_article:
            read_meta(block, meta, tail=True)
            notes.append(note(block, "after the article" if index > start else "furniture"))
            continue
        if fold_line(block.text) in title_keys:
            notes.append(note(block, "headline repeated"))
        elif block.reason:
            if not read_meta(block, meta, tail=False):
                notes.append(note(block, block.reason))
        else:
            kept.append(block)
    kept = drop_closing_notes(kept, meta, notes)
    body_blocks = _resolve_headings(kept, notes, extracted)
    section, outlet = None, None
    if title and not title_hint:
        title, section, outlet = metadata.split_title(title)
    if outlet:
        meta.outlets.append(outlet)
    outlet = meta.outlets[0] if meta.outlets else metadata.pick_handle(meta.handles)
    found = Found(
        title=metadata.strip_outlet(title, outlet) if title and outlet else title,
        outlet=outlet,
        published=meta.published,
        author=meta.author,
        credit=meta.credit,
        section=section,
    )
    paragraphs = tuple(text for kind, text in body_blocks)
    body = ""
    for index, (kind, text) in enumerate(body_blocks):
        tight = index > 0 and kind == "item" and body_blocks[index - 1][0] == "item"
        body += ("\n" if tight else "\n\n" if index else "") + _markdown(kind, text)
    return CleanText(found=found, body=body + "\n" if body else "", paragraphs=paragraphs, notes=tuple(notes))


def clean_text(text: str, *, boilerplate: frozenset[str] = frozenset()) -> CleanText:
    """Clean pasted page text (LF line ends)."""
    lines = []
    for number, line in split_lines(text.removeprefix("\ufeff")):
        heading = _MARKDOWN_HEADING.match(line)
        if heading and TERMINAL.search(line) and len(line.split()) > HEADING_WORDS // 2:
            heading = None  # "# of votes was three." is a sentence, not a Markdown heading
        lines.append((number, line[heading.end():], True) if heading else (number, line, False))
    return clean_lines(lines, boilerplate=boilerplate)


def _is_heading(block: PageLine) -> bool:
    """Subheadings are short labels; longer lines in sentence case are captions."""
    if block.heading_hint:
        return True
    if block.words < 2 or not (block.text[:1].isupper() or block.text[:1].isdigit()):
        return False
    return block.words <= 12 or block.text.endswith("?") or ":" in block.text or _title_case(block.text)


def _link_lists(kept: list[PageLine]) -> set[int]:
    """Lists that are links to other pages: headline-like items not introduced by the text, or after the article."""
    dropped: set[int] = set()
    index = 0
    while index < len(kept):
        if furniture.bullet(kept[index].text) is None:
            index += 1
            continue
        end = index
        while end < len(kept) and furniture.bullet(kept[end].text) is not None:
            end += 1
        introduced = index > 0 and kept[index - 1].text.endswith(":")
        after_article = not any(b.kind in ("prose", "sentence") and furniture.bullet(b.text) is None
                                for b in kept[end:])
        items = [furniture.bullet(b.text) or "" for b in kept[index:end]]
        headline_like = sum(1 for item in items if not TERMINAL.search(item) and _title_case(item))
        if not introduced and (after_article or headline_like >= 0.6 * len(items)):
            dropped.update(range(index, end))
        index = end
    return dropped


def _title_case(text: str) -> bool:
    long_words = [word for word in text.split() if len(word) > 3]
    return sum(word[:1].isupper() for word in long_words) >= 0.6 * len(long_words)


def _resolve_headings(kept: list[PageLine], notes: list[str], extracted: bool) -> list[tuple[str, str]]:
    """Short lines become subheadings when article text follows them, and are dropped otherwise."""
    result: list[tuple[str, str]] = []
    link_lists = _link_lists(kept)
    for index, block in enumerate(kept):
        following = kept[index + 1] if index + 1 < len(kept) else None
        text_follows = following is not None and following.kind in ("prose", "sentence", "item")
        item = furniture.bullet(block.text)
        if index in link_lists:
            notes.append(note(block, "list of links"))
        elif item is not None:
            if len(item.split()) >= 3 or extracted:
                result.append(("item", block.text))
            else:
                notes.append(note(block, "short list item"))
        elif (block.kind in ("prose", "sentence") or block.words > HEADING_WORDS
              or (text_follows and block.text.endswith(":"))):
            result.append(("paragraph", block.text))
        elif text_follows and _is_heading(block):
            result.append(("heading", block.text.lstrip("#").strip()))
        else:
            notes.append(note(block, "short line with no article text after it"))
    return result


def _markdown(kind: str, text: str) -> str:
    if kind == "heading":
        return "## " + text
    if kind == "item":
        return text
    if re.match(r"^(?:#|>|[-+*]\s|\d{1,9}[.)](?:\s|$))", text):
        return "\\" + text if not text[0].isdigit() else re.sub(r"^(\d+)([.)])", r"\1\\\2", text)
    return text
