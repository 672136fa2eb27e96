"""The header above the article (headline, standfirst) and the metadata lines around it (dateline, byline,
credit, closing notes)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from digest.ingest import metadata
from digest.ingest.text.lines import PageLine, fold_line, note
from digest.language import furniture


@dataclass(slots=True)
class Meta:
    """Metadata collected while walking the lines; the first value found wins."""

    published: date | None = None
    author: str | None = None
    credit: str | None = None
    outlets: list[str] = field(default_factory=list)
    handles: list[str] = field(default_factory=list)


def _content_words(text: str) -> set[str]:
    return {word for word in fold_line(text).split() if len(word) > 3 or word.isdigit()}


def _pick_title(header: list[PageLine], lede: str) -> PageLine | None:
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


def read_header(header: list[PageLine], title_hint: str | None, extracted: bool, lede: str, meta: Meta,
                 notes: list[str]) -> tuple[PageLine | None, list[PageLine]]:
    """Pick the headline from the lines above the article; keep a standfirst that follows it."""
    title_line = None if title_hint else _pick_title(header, lede)
    keep: list[PageLine] = []
    after_title = title_line is None
    title_key = fold_line(title_line.text) if title_line else fold_line(title_hint or "")
    for block in header:
        if block is title_line:
            after_title = True
            continue
        if read_meta(block, meta, tail=False):
            continue
        if fold_line(block.text) == title_key:
            notes.append(note(block, "headline repeated"))
        elif _standfirst(block, after_title) or (extracted and not block.reason
                                                  and (block.kind in ("sentence", "item") or block.heading_hint)):
            keep.append(block)
        else:
            notes.append(note(block, block.reason or "page header"))
    return title_line, keep


def _standfirst(block: PageLine, after_title: bool) -> bool:
    """A sentence between the headline and the article: a standfirst or a short opening paragraph."""
    return (after_title and block.kind == "sentence" and not block.reason and block.words >= 5
            and not block.text.rstrip("\"'”’)").endswith(("?", "!")))


def read_meta(block: PageLine, meta: Meta, *, tail: bool) -> bool:
    """Take a dateline, byline or credit into the metadata; True when the line was one."""
    if block.kind == "credit":
        meta.credit = meta.credit or furniture.wire_credit(block.text)
        return True
    if block.kind == "byline" and not tail:
        meta.author = meta.author or furniture.byline(block.text)
        return True
    if block.kind == "date" and not tail:
        meta.published = meta.published or metadata.dateline(block.text)
        meta.author = meta.author or metadata.byline_after_date(block.text)
        return True
    return False


def drop_closing_notes(kept: list[PageLine], meta: Meta, notes: list[str]) -> list[PageLine]:
    """At the end of the article: "X contributed to this report" is a credit, a note about the writer is dropped."""
    while kept:
        last = kept[-1]
        credit = metadata.contributed(last.text)
        if credit:
            meta.credit = meta.credit or credit
        elif metadata.author_bio(last.text):
            notes.append(note(last, "about the writer"))
        else:
            break
        kept = kept[:-1]
    return kept
