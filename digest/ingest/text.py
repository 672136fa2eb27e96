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
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from digest.ingest import furniture, metadata
from digest.ingest.model import Found

_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”’]$")
_WORD = re.compile(r"\S+")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(?=\S)")
PROSE_WORDS = 12
"""A line of at least this many words that ends like a sentence is article prose."""
HEADING_WORDS = 20
"""Longer lines without final punctuation are paragraphs, not subheadings."""
RESUME_WINDOW = 8
"""After a furniture heading, article prose may resume within this many lines (an inline "Related" box)."""


@dataclass(slots=True)
class _Block:
    """A line of the page while it is being judged (mutable working state, never returned)."""

    number: int
    text: str
    heading_hint: bool = False
    words: int = 0
    reason: str | None = None
    kind: str = ""


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


@dataclass(slots=True)
class _Meta:
    """Metadata collected while walking the lines; the first value found wins."""

    published: date | None = None
    author: str | None = None
    credit: str | None = None
    outlets: list[str] = field(default_factory=list)
    handles: list[str] = field(default_factory=list)


def fold_line(text: str) -> str:
    """A line reduced to its letters and digits, to spot repeats."""
    text = unicodedata.normalize("NFKC", text).lower()
    return " ".join(re.findall(r"\w+", text))


def _wrap_width(lines: list[str]) -> int | None:
    """The column at which a hard-wrapped text breaks its lines, or None when paragraphs are one line each."""
    long_lines = [i for i, line in enumerate(lines[:-1]) if len(line.strip()) >= 40]
    if len(long_lines) < 3 or max(len(line.strip()) for line in lines) > 120:
        return None
    continued = [i for i in long_lines if lines[i + 1].strip() and not _TERMINAL.search(lines[i].strip())]
    return max(len(line.strip()) for line in lines) if len(continued) >= len(long_lines) / 2 else None


def split_lines(text: str) -> list[tuple[int, str]]:
    """Non-blank lines with their 1-based numbers; hard-wrapped paragraph lines are joined."""
    result: list[tuple[int, str]] = []
    raw_lines = text.split("\n")
    width = _wrap_width(raw_lines)
    previous_blank, previous_length, previous_words = True, 0, 0
    for number, raw in enumerate(raw_lines, 1):
        line = re.sub(r"\s+", " ", raw).strip()
        if not line:
            previous_blank = True
            continue
        whole = len(line.split()) >= PROSE_WORDS and bool(_TERMINAL.search(line))  # "iPhone sales fell ..."
        wrapped = (line[0].islower() and not (whole and previous_words < PROSE_WORDS)) \
            or (width is not None and previous_length >= 0.6 * width)
        if (result and not previous_blank and wrapped and not _TERMINAL.search(result[-1][1])
                and not result[-1][1].endswith(":")):
            result[-1] = (result[-1][0], result[-1][1] + " " + line)
        else:
            result.append((number, line))
        previous_blank, previous_length, previous_words = False, len(line), len(line.split())
    return result


def clean_lines(lines: list[tuple[int, str, bool]], *, title_hint: str | None = None, extracted: bool = False,
                boilerplate: frozenset[str] = frozenset()) -> CleanText:
    """Clean numbered lines (number, text, marked as heading by the source) into an article.

    `extracted` says an extractor has already cut the article out of the page (HTML): lines above the first
    long paragraph and short list items are then kept unless they are furniture.
    """
    blocks = [_Block(number, text, hint, len(_WORD.findall(text))) for number, text, hint in lines]
    notes: list[str] = []
    meta = _Meta()
    for block in blocks:
        _classify(block, boilerplate)
        outlet = metadata.self_named_outlet(block.text) if block.kind != "prose" else None
        if outlet:
            meta.outlets.append(outlet)
        if block.reason == "social links" or block.text.lower().startswith(("follow", "find us", "connect")):
            meta.handles += metadata.handles(block.text)
    _mark_repeats(blocks)
    start = _article_start(blocks)
    if start is not None:
        start = _after_late_byline(blocks, start)
    if start is None:
        start = next((i for i, b in enumerate(blocks) if b.kind == "sentence"), len(blocks))
    lede = " ".join(b.text for b in blocks[start: start + 8] if b.kind in ("prose", "sentence"))
    title_line, header_keep = _read_header(blocks[:start], title_hint, extracted, lede, meta, notes)
    title = title_hint or (title_line.text.lstrip("# ").strip() if title_line else None)
    spans = _article_spans(blocks, start)
    kept: list[_Block] = list(header_keep)
    title_keys = {fold_line(title)} if title else set()
    if title_line:
        title_keys.add(fold_line(title_line.text))
    in_article = {i for first, last in spans for i in range(first, last)}
    for index in range(start, len(blocks)):
        block = blocks[index]
        if index not in in_article:
            _read_meta(block, meta, tail=True)
            notes.append(_note(block, "after the article" if index > start else "furniture"))
            continue
        if fold_line(block.text) in title_keys:
            notes.append(_note(block, "headline repeated"))
        elif block.reason:
            if not _read_meta(block, meta, tail=False):
                notes.append(_note(block, block.reason))
        else:
            kept.append(block)
    kept = _drop_closing_notes(kept, meta, notes)
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
        if heading and _TERMINAL.search(line) and len(line.split()) > HEADING_WORDS // 2:
            heading = None  # "# of votes was three." is a sentence, not a Markdown heading
        lines.append((number, line[heading.end():], True) if heading else (number, line, False))
    return clean_lines(lines, boilerplate=boilerplate)


def _classify(block: _Block, boilerplate: frozenset[str]) -> None:
    text = block.text
    block.reason = furniture.furniture_reason(text)
    sentence = bool(_TERMINAL.search(text))
    if furniture.is_terminator(text):
        block.kind = "terminator"
    elif block.words <= 14 and metadata.dateline(text):
        block.kind, block.reason = "date", "dateline"
    elif block.words <= 12 and metadata.byline(text):
        block.kind, block.reason = "byline", "byline"
    elif metadata.wire_credit(text):
        block.kind, block.reason = "credit", "credit line"
    elif block.reason:
        block.kind = "furniture"
    elif block.words < PROSE_WORDS and fold_line(text) in boilerplate:
        block.kind, block.reason = "furniture", "recurs across the batch"
    elif (sentence and block.words >= PROSE_WORDS) or block.words >= 2 * PROSE_WORDS:
        block.kind = "prose"
    elif furniture.bullet(text) is not None:
        block.kind = "item"
    elif sentence:
        block.kind = "sentence"
    else:
        block.kind = "short"


def _article_start(blocks: list[_Block]) -> int | None:
    """The first prose paragraph that more article text follows closely (a lone promo above the headline is not)."""
    prose = [i for i, b in enumerate(blocks) if b.kind == "prose"]
    first_short = next((i for i, b in enumerate(blocks) if b.kind == "short" and b.words >= 2), len(blocks))
    for index in prose:
        following: list[_Block] = []
        for block in blocks[index + 1:]:
            if block.kind not in ("furniture", "date", "byline", "credit"):
                following.append(block)
                if len(following) == 2:
                    break
        headline_above = first_short < index
        if following and (_text_like(following[0]) or (headline_above and any(map(_text_like, following)))):
            return index
    return prose[0] if prose else None


def _after_late_byline(blocks: list[_Block], start: int) -> int:
    """Teasers with excerpts can sit above the article: a headline then a byline or dateline below `start`,
    with most of the prose after them, marks where the article really begins."""
    prose_total = sum(b.words for b in blocks if b.kind == "prose")
    prose_before = 0
    for index in range(start, len(blocks)):
        block = blocks[index]
        if block.kind == "terminator" or prose_before > prose_total / 2:
            break
        if block.kind == "prose":
            prose_before += block.words
        if block.kind in ("byline", "date") and prose_before:
            above = index - 1
            while above > start and blocks[above].kind in ("byline", "date", "furniture"):
                above -= 1
            if blocks[above].kind == "short" and blocks[above].words >= 4:
                later = _article_start(blocks[index + 1:])
                if later is not None:
                    return index + 1 + later
    return start


def _text_like(block: _Block) -> bool:
    return block.kind in ("prose", "sentence", "item") or block.text.endswith(":")


def _mark_repeats(blocks: list[_Block]) -> None:
    counts: dict[str, int] = {}
    for block in blocks:
        if block.kind in ("short", "item", "sentence") and block.words < PROSE_WORDS:
            key = fold_line(block.text)
            counts[key] = counts.get(key, 0) + 1
    seen: set[str] = set()
    for block in blocks:
        key = fold_line(block.text)
        if block.kind in ("short", "item", "sentence") and counts.get(key, 0) > 1:
            if block.kind != "sentence" or key in seen:  # a pull quote echoes a sentence: keep the first
                block.reason = block.reason or "repeated on the page"
            seen.add(key)


def _content_words(text: str) -> set[str]:
    return {word for word in fold_line(text).split() if len(word) > 3 or word.isdigit()}


def _pick_title(header: list[_Block], lede: str) -> _Block | None:
    """The headline: the header line that shares most words with the opening paragraphs (later lines win ties)."""
    candidates = [b for b in header if b.kind in ("short", "sentence")
                  and not b.text.endswith(("...", "…", "—", "–", "-", ":", "|", ","))
                  and len(b.text) >= 8 and b.words <= 40 and b.reason in (None, "repeated on the page")]
    if not candidates:
        return None
    lede_words = _content_words(lede)

    def score(position: int) -> tuple[float, int]:
        block = candidates[position]
        words = _content_words(block.text)
        shared = len(words & lede_words) / max(1, len(words)) if words else 0.0
        return shared + (0.3 if block.words >= 4 else 0.0) - (0.2 if block.kind == "sentence" else 0.0), position

    best = candidates[max(range(len(candidates)), key=score)]
    if best.words < 4 and not _content_words(best.text) & lede_words:
        return None
    return next(b for b in candidates if fold_line(b.text) == fold_line(best.text))


def _read_header(header: list[_Block], title_hint: str | None, extracted: bool, lede: str, meta: _Meta,
                 notes: list[str]) -> tuple[_Block | None, list[_Block]]:
    """Pick the headline from the lines above the article; keep a standfirst that follows it."""
    title_line = None if title_hint else _pick_title(header, lede)
    keep: list[_Block] = []
    after_title = title_line is None
    title_key = fold_line(title_line.text) if title_line else fold_line(title_hint or "")
    for block in header:
        if block is title_line:
            after_title = True
            continue
        if _read_meta(block, meta, tail=False):
            continue
        if fold_line(block.text) == title_key:
            notes.append(_note(block, "headline repeated"))
        elif _standfirst(block, after_title) or (extracted and not block.reason
                                                  and (block.kind in ("sentence", "item") or block.heading_hint)):
            keep.append(block)
        else:
            notes.append(_note(block, block.reason or "page header"))
    return title_line, keep


def _standfirst(block: _Block, after_title: bool) -> bool:
    """A sentence between the headline and the article: a standfirst or a short opening paragraph."""
    return (after_title and block.kind == "sentence" and not block.reason and block.words >= 5
            and not block.text.rstrip("\"'”’)").endswith(("?", "!")))


def _article_spans(blocks: list[_Block], start: int) -> list[tuple[int, int]]:
    """Ranges of blocks that belong to the article: from `start` to a furniture heading, resumed if prose follows."""
    spans: list[tuple[int, int]] = []
    first = start
    index = start
    while index < len(blocks):
        if blocks[index].kind != "terminator" or index == first:
            index += 1
            continue
        spans.append((first, index))
        kind = furniture.box_kind(blocks[index].text)
        resume = _resume_after(blocks, index, sidebar=kind == "sidebar", before=_prose_words(blocks, spans)) \
            if kind else None
        if resume is None:
            return spans
        first = index = resume
    spans.append((first, len(blocks)))
    return spans


def _prose_words(blocks: list[_Block], spans: list[tuple[int, int]]) -> int:
    return sum(blocks[i].words for first, last in spans for i in range(first, last) if blocks[i].kind == "prose")


def _resume_after(blocks: list[_Block], cut: int, *, sidebar: bool, before: int) -> int | None:
    """Where article prose resumes after a box: prose close by, and more of it before the next box
    (after a list of other stories, more than the article had before it)."""
    for index in range(cut + 1, min(len(blocks), cut + 1 + RESUME_WINDOW)):
        if blocks[index].kind == "terminator":
            return None
        if blocks[index].kind == "prose":
            following = []
            for block in blocks[index:]:
                if block.kind == "terminator":
                    break
                if block.kind == "prose":
                    following.append(block.words)
            if sidebar:
                return index if sum(following) > before else None
            return index if len(following) >= 2 or sum(following) >= 2 * PROSE_WORDS + 16 else None
    return None


def _read_meta(block: _Block, meta: _Meta, *, tail: bool) -> bool:
    """Take a dateline, byline or credit into the metadata; True when the line was one."""
    if block.kind == "credit":
        meta.credit = meta.credit or metadata.wire_credit(block.text)
        return True
    if block.kind == "byline" and not tail:
        meta.author = meta.author or metadata.byline(block.text)
        return True
    if block.kind == "date" and not tail:
        meta.published = meta.published or metadata.dateline(block.text)
        meta.author = meta.author or metadata.byline_after_date(block.text)
        return True
    return False


def _drop_closing_notes(kept: list[_Block], meta: _Meta, notes: list[str]) -> list[_Block]:
    """At the end of the article: "X contributed to this report" is a credit, a note about the writer is dropped."""
    while kept:
        last = kept[-1]
        credit = metadata.contributed(last.text)
        if credit:
            meta.credit = meta.credit or credit
        elif metadata.author_bio(last.text):
            notes.append(_note(last, "about the writer"))
        else:
            break
        kept = kept[:-1]
    return kept


def _is_heading(block: _Block) -> bool:
    """Subheadings are short labels; longer lines in sentence case are captions."""
    if block.heading_hint:
        return True
    if block.words < 2 or not (block.text[:1].isupper() or block.text[:1].isdigit()):
        return False
    return block.words <= 12 or block.text.endswith("?") or ":" in block.text or _title_case(block.text)


def _link_lists(kept: list[_Block]) -> set[int]:
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
        headline_like = sum(1 for item in items if not _TERMINAL.search(item) and _title_case(item))
        if not introduced and (after_article or headline_like >= 0.6 * len(items)):
            dropped.update(range(index, end))
        index = end
    return dropped


def _title_case(text: str) -> bool:
    long_words = [word for word in text.split() if len(word) > 3]
    return sum(word[:1].isupper() for word in long_words) >= 0.6 * len(long_words)


def _resolve_headings(kept: list[_Block], notes: list[str], extracted: bool) -> list[tuple[str, str]]:
    """Short lines become subheadings when article text follows them, and are dropped otherwise."""
    result: list[tuple[str, str]] = []
    link_lists = _link_lists(kept)
    for index, block in enumerate(kept):
        following = kept[index + 1] if index + 1 < len(kept) else None
        text_follows = following is not None and following.kind in ("prose", "sentence", "item")
        item = furniture.bullet(block.text)
        if index in link_lists:
            notes.append(_note(block, "list of links"))
        elif item is not None:
            if len(item.split()) >= 3 or extracted:
                result.append(("item", block.text))
            else:
                notes.append(_note(block, "short list item"))
        elif (block.kind in ("prose", "sentence") or block.words > HEADING_WORDS
              or (text_follows and block.text.endswith(":"))):
            result.append(("paragraph", block.text))
        elif text_follows and _is_heading(block):
            result.append(("heading", block.text.lstrip("#").strip()))
        else:
            notes.append(_note(block, "short line with no article text after it"))
    return result


def _markdown(kind: str, text: str) -> str:
    if kind == "heading":
        return "## " + text
    if kind == "item":
        return text
    if re.match(r"^(?:#|>|[-+*]\s|\d{1,9}[.)](?:\s|$))", text):
        return "\\" + text if not text[0].isdigit() else re.sub(r"^(\d+)([.)])", r"\1\\\2", text)
    return text


def _note(block: _Block, reason: str) -> str:
    text = block.text if len(block.text) <= 70 else block.text[:67] + "..."
    return f"line {block.number}: dropped ({reason}): {text}"

