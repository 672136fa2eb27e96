"""The page as numbered lines, each judged on its own form: prose, sentence, short line, list item, or a
known kind of furniture (dateline, byline, credit, share bar...)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from digest.ingest import metadata
from digest.ingest.model import IngestError
from digest.language import furniture

TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”’]$")
"""How a line that ends like a sentence ends (closing quotes and brackets allowed)."""
PROSE_WORDS = 12
"""A line of at least this many words that ends like a sentence is article prose."""
HEADING_WORDS = 20
"""Longer lines without final punctuation are paragraphs, not subheadings."""
LONGEST_WORD = 1_000
"""Characters without a space that no article has in a row (the longest in the dev corpora is a 249-character
address): a longer run is pasted data, not text."""
LONGEST_LINE = 100_000
"""Characters of one line that no article has (the longest paragraph in the dev corpora has 1,858)."""


@dataclass(slots=True)
class PageLine:
    """A line of the page while it is being judged (mutable working state, never returned)."""

    number: int
    text: str
    heading_hint: bool = False
    words: int = 0
    reason: str | None = None
    kind: str = ""


def fold_line(text: str) -> str:
    """A line reduced to its letters and digits, to spot repeats."""
    text = unicodedata.normalize("NFKC", text).lower()
    return " ".join(re.findall(r"\w+", text))


def _wrap_width(lines: list[str]) -> int | None:
    """The column at which a hard-wrapped text breaks its lines, or None when paragraphs are one line each."""
    long_lines = [i for i, line in enumerate(lines[:-1]) if len(line.strip()) >= 40]
    if len(long_lines) < 3 or max(len(line.strip()) for line in lines) > 120:
        return None
    continued = [i for i in long_lines if lines[i + 1].strip() and not TERMINAL.search(lines[i].strip())]
    return max(len(line.strip()) for line in lines) if len(continued) >= len(long_lines) / 2 else None


def refuse_unreadable(text: str, source: str, *, extracted: bool = False) -> None:
    """Raise IngestError, naming the source and the line, for a line or a "word" that no article has: the cleaner
    never reads them, and the message says what to delete. `extracted`: the text was found in an HTML page, whose
    lines it does not keep."""
    for number, line in enumerate(text.split("\n"), 1):
        where = f"{source} (in the article text found in the page)" if extracted else f"{source}:{number}"
        if len(line) > LONGEST_LINE:
            raise IngestError(f"{where}: a line of {len(line):,} characters; no article has one (the limit is "
                              f"{LONGEST_LINE:,}): save only the article's text, a paragraph per line")
        longest = max(line.split(), key=len, default="")
        if len(longest) > LONGEST_WORD:
            raise IngestError(f"{where}: a 'word' of {len(longest):,} characters ({longest[:40]!r}...); no article "
                              f"has one (the limit is {LONGEST_WORD:,}): delete it from the text")


def split_lines(text: str) -> list[tuple[int, str]]:
    """Non-blank lines with their 1-based numbers; hard-wrapped paragraph lines are joined."""
    # Each line's number and its parts: a paragraph wrapped over thousands of lines is joined once, at the end.
    result: list[tuple[int, list[str]]] = []
    raw_lines = text.split("\n")
    width = _wrap_width(raw_lines)
    previous_blank, previous_length, previous_words = True, 0, 0
    for number, raw in enumerate(raw_lines, 1):
        line = re.sub(r"\s+", " ", raw).strip()
        if not line:
            previous_blank = True
            continue
        whole = len(line.split()) >= PROSE_WORDS and bool(TERMINAL.search(line))  # "iPhone sales fell ..."
        wrapped = (line[0].islower() and not (whole and previous_words < PROSE_WORDS)) \
            or (width is not None and previous_length >= 0.6 * width)
        # How the line so far ends is how its last part ends (TERMINAL looks at the end only).
        if (result and not previous_blank and wrapped and not TERMINAL.search(result[-1][1][-1])
                and not result[-1][1][-1].endswith(":")):
            result[-1][1].append(line)
        else:
            result.append((number, [line]))
        previous_blank, previous_length, previous_words = False, len(line), len(line.split())
    return [(number, " ".join(parts)) for number, parts in result]


def classify(block: PageLine, boilerplate: frozenset[str]) -> None:
    text = block.text
    block.reason = furniture.furniture_reason(text)
    sentence = bool(TERMINAL.search(text))
    if furniture.is_terminator(text):
        block.kind = "terminator"
    elif block.words <= 14 and metadata.dateline(text):
        block.kind, block.reason = "date", "dateline"
    elif block.words <= 12 and furniture.byline(text):
        block.kind, block.reason = "byline", "byline"
    elif furniture.wire_credit(text):
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


def mark_repeats(blocks: list[PageLine]) -> None:
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


def note(block: PageLine, reason: str) -> str:
    text = block.text if len(block.text) <= 70 else block.text[:67] + "..."
    return f"line {block.number}: dropped ({reason}): {text}"
