"""Where the article is among the page's lines: where it starts, and where it ends or only pauses for a box."""

from __future__ import annotations

from digest.ingest.text.lines import PROSE_WORDS, PageLine
from digest.language import furniture

RESUME_WINDOW = 8
"""After a furniture heading, article prose may resume within this many lines (an inline "Related" box)."""


def article_start(blocks: list[PageLine]) -> int | None:
    """The first prose paragraph that more article text follows closely (a lone promo above the headline is not)."""
    prose = [i for i, b in enumerate(blocks) if b.kind == "prose"]
    first_short = next((i for i, b in enumerate(blocks) if b.kind == "short" and b.words >= 2), len(blocks))
    for index in prose:
        following: list[PageLine] = []
        for block in blocks[index + 1:]:
            if block.kind not in ("furniture", "date", "byline", "credit"):
                following.append(block)
                if len(following) == 2:
                    break
        headline_above = first_short < index
        if following and (_text_like(following[0]) or (headline_above and any(map(_text_like, following)))):
            return index
    return prose[0] if prose else None


def after_late_byline(blocks: list[PageLine], start: int) -> int:
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
                later = article_start(blocks[index + 1:])
                if later is not None:
                    return index + 1 + later
    return start


def _text_like(block: PageLine) -> bool:
    return block.kind in ("prose", "sentence", "item") or block.text.endswith(":")


def article_spans(blocks: list[PageLine], start: int) -> list[tuple[int, int]]:
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


def _prose_words(blocks: list[PageLine], spans: list[tuple[int, int]]) -> int:
    return sum(blocks[i].words for first, last in spans for i in range(first, last) if blocks[i].kind == "prose")


def _resume_after(blocks: list[PageLine], cut: int, *, sidebar: bool, before: int) -> int | None:
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
