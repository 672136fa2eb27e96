"""Blocks and sentences of an article body: the one numbering shared by analysis and pages.

A sentence's 1-based index is its address: the analysis cites `SentenceRef(article, index)`
and the article page gives that sentence the anchor `#s<index>`. Both sides call
`sentences()` on the same body, so the numbers always agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt

from digest.language.lexicon import MONTH_ABBREVIATIONS
from digest.memo import per_topic


@dataclass(frozen=True, slots=True)
class TextBlock:
    """A paragraph, heading, list item or quotation of the body."""

    kind: str
    """'paragraph', 'heading', 'item' or 'quote'."""
    text: str
    """Plain text (inline Markdown reduced to its words)."""
    level: int = 0
    """Heading level (1-6) for headings, else 0."""


@dataclass(frozen=True, slots=True)
class NumberedSentence:
    """One sentence of an article."""

    index: int
    """1-based position in the article; the page anchor is `s<index>`."""
    text: str
    """The sentence as written."""
    block: int
    """Index of the block it belongs to."""
    heading: bool
    """True for a heading (a label, not a statement)."""
    section: str
    """Text of the nearest heading above it ('' before the first heading)."""


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # HTML off: article text is untrusted and never becomes markup.
    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})


def _inline_text(token) -> str:
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            continue
    return _collapse("".join(parts))


# What only markdown-it reads right: inline syntax (escapes, code, emphasis, links, autolinks, entities) and
# characters its normaliser rewrites (CR, NUL); and, at the start of a line, blocks other than paragraphs and
# ATX headings (indented lines, quotes, lists, rules, fences, setext underlines, '#' runs that are no heading).
# Brackets alone are text: a link needs "](" and a reference link needs a definition, "[label]: ...".
_INLINE_MARKUP = re.compile(r"[\\`*_<&\r\x00]|\](?=[(:])")
_BLOCK_MARKUP = re.compile(r"\n(?:[ \t]+[^ \t\n]|[>+=~-]|[0-9]+[.)]|#(?!#{0,5}(?:[ \t]|$)))", re.MULTILINE)
_ATX_HEADING = re.compile(r"#{1,6}(?=[ \t]|$)")


def _is_plain(body: str) -> bool:
    """Whether the body is only paragraphs and ATX headings of plain text: `_plain_blocks` reads it.
    (Two expressions, and a line break put before the first line: the engine scans for their literals fast.)"""
    return not _INLINE_MARKUP.search(body) and not _BLOCK_MARKUP.search("\n" + body)


def _collapse(text: str) -> str:
    """Whitespace runs as single spaces, none at the ends."""
    return " ".join(text.split())


@per_topic(8192)
def blocks(body: str) -> tuple[TextBlock, ...]:
    """The body's text blocks, in order (cached: the analysis and the pages both read every body). The cache
    holds a long story whole: the analysis reads its bodies twice in turn (sentences, then word counts), and a
    cache smaller than the story would drop each body just before its second reading."""
    return _plain_blocks(body) if _is_plain(body) else _parsed_blocks(body)


def _parsed_blocks(body: str) -> tuple[TextBlock, ...]:
    """`blocks` of any body, through markdown-it."""
    result: list[TextBlock] = []
    tokens = _parser().parse(body)
    context: list[str] = []
    for index, token in enumerate(tokens):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            context.append("item")
        elif token.type == "blockquote_open":
            context.append("quote")
        elif token.type in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
            context.pop()
        elif token.type == "inline":
            opener = tokens[index - 1]
            text = _inline_text(token)
            if not text:
                continue
            if opener.type == "heading_open":
                result.append(TextBlock("heading", text, int(opener.tag[1])))
            else:
                result.append(TextBlock(context[-1] if context else "paragraph", text))
        elif token.type in ("code_block", "fence"):
            text = _collapse(token.content)
            if text:
                result.append(TextBlock("paragraph", text))
    return tuple(result)


def _plain_blocks(body: str) -> tuple[TextBlock, ...]:
    """`blocks` of a plain body (see `_is_plain`), read line by line as markdown-it reads it: most bodies are
    plain, and parsing them with markdown-it costs several times as much."""
    result: list[TextBlock] = []
    paragraph: list[str] = []

    def end_paragraph() -> None:
        text = _collapse("\n".join(paragraph))
        if text:
            result.append(TextBlock("paragraph", text))
        paragraph.clear()

    for line in body.split("\n"):
        heading = _ATX_HEADING.match(line) if line.startswith("#") else None
        if heading is None and line.strip(" \t"):
            paragraph.append(line)
            continue
        end_paragraph()  # a blank line or a heading ends the paragraph
        if heading is not None:
            # markdown-it drops a closing run of '#' that follows a space ("## Title ##" -> "Title").
            content = line[heading.end():].rstrip(" \t")
            unclosed = content.rstrip("#")
            if unclosed[-1:] in (" ", "\t"):
                content = unclosed
            text = _collapse(content)
            if text:
                result.append(TextBlock("heading", text, heading.end()))
    end_paragraph()
    return tuple(result)


# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "cmdr", "gov",
    "sen", "rep", "pres", "st", "jr", "sr", "rev", "hon", "no", "nos", "vs", "etc", "e.g", "i.e", "inc",
    "corp", "ltd", "co", "mt", "ft", "approx", "est", "a.m", "p.m", "fig", "vol", "al", "dept", "univ", "assn",
    *(name.lower() for name in MONTH_ABBREVIATIONS),
}
# Abbreviations that also end sentences often ("... troops from the U.S. The talks ...").
_TERMINAL_ABBREVIATIONS = {"u.s", "u.k", "u.n", "e.u", "u.s.a", "etc", "a.m", "p.m", "inc", "co", "ltd", "corp"}
_SENTENCE_STARTERS = {
    "the", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "in", "on",
    "at", "a", "an", "but", "and", "however", "meanwhile", "after", "before", "while", "when", "as",
    "there", "his", "her", "their", "our", "officials", "some", "many", "both", "since", "according",
    "last", "earlier", "later", "for", "if", "one", "two", "no", "yet", "still", "also", "then",
}

# A run of sentence-ending marks, closing quotes or brackets, then space before what may start a sentence. The
# look-behind starts a match only at the first mark of a run and the runs never give back what they took, so the
# scan is linear however long a run of marks ("!!!!...") is.
_BOUNDARY = re.compile(r"""(?<![.!?\u2026])([.!?\u2026]++)(["'\u201d\u2019)\]]*+)(\s++)"""
                       r"""(?=["'\u201c\u2018(\[]?[A-Z0-9\u00c0-\u024f])""")

_WORD_RUN = re.compile(r"[A-Za-z.]*$")
_WORD_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")
_LONGEST_WORD = 32
"""Longer than any abbreviation or run of initials the rules below know: only this much text before a full stop
is read, so the work per full stop stays the same however long the word before it is."""
_NEXT_WORD = re.compile(r"""["'\u201c\u2018(\[]?([A-Za-z]+)""")
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")


def _word_before(text: str, start: int, end: int) -> str | None:
    """The word (letters and full stops, from its first letter) that ends at `end`, '' when there is none, None
    when its letters and full stops run on for more than `_LONGEST_WORD` characters (no abbreviation does)."""
    low = max(start, end - _LONGEST_WORD - 1)
    run = _WORD_RUN.search(text, low, end)
    assert run is not None, "the expression matches an empty run"
    if run.start() == low > start and text[low - 1] in _WORD_CHARACTERS:
        return None
    return run.group().lstrip(".")


def _ends_sentence(text: str, start: int, end: int, after: int) -> bool:
    """Whether the full stop at `end` ends the sentence that began at `start`; the next one begins at `after`."""
    last = _word_before(text, start, end)
    if last is None:
        return True
    word = last.lower().rstrip(".")
    next_word = _NEXT_WORD.match(text, after)
    starter = next_word.group(1).lower() if next_word else ""
    if word in _TERMINAL_ABBREVIATIONS or _INITIALS.fullmatch(word):
        # "U.S.", "D.C.", "J.R.R.": an ending only when a usual sentence opener follows.
        return starter in _SENTENCE_STARTERS
    if word in _ABBREVIATIONS:
        return False
    is_initial = len(last) == 1 and last.isupper()  # "George W. Bush"
    return not is_initial


def split_sentences(text: str) -> list[str]:
    """Split a block of prose into sentences, keeping each one's wording exactly (the ingest reads a page's
    paragraphs with it; `sentences` numbers a body's)."""
    return list(_split(text))


@per_topic(16384)
def _split(text: str) -> tuple[str, ...]:
    """`split_sentences`, once per distinct paragraph: news copies repeat paragraphs word for word."""
    result = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.group(1) == "." and not _ends_sentence(text, start, match.start(), match.end()):
            continue
        end = match.end(2)
        piece = text[start:end].strip()
        if piece:
            result.append(piece)
        start = match.end()
    tail = text[start:].strip()
    if tail:
        result.append(tail)
    return tuple(result)


def sentences(body: str) -> list[NumberedSentence]:
    """Every sentence of the body, headings included, numbered from 1."""
    result: list[NumberedSentence] = []
    section = ""
    for block_index, block in enumerate(blocks(body)):
        if block.kind == "heading":
            section = block.text
            result.append(NumberedSentence(len(result) + 1, block.text, block_index, True, section))
            continue
        for piece in _split(block.text):
            result.append(NumberedSentence(len(result) + 1, piece, block_index, False, section))
    return result


def word_count(body: str) -> int:
    """Words of the body's text (Markdown syntax not counted)."""
    return sum(len(block.text.split()) for block in blocks(body))


def words_before(text: str, end: int, count: int) -> list[str]:
    """`text[:end].split()[-count:]`, read back only as far as those words go: a reader of the few words before
    each of many places in a long text would otherwise copy and split the text before every one of them."""
    reach = 64
    while True:
        start = max(0, end - reach)
        words = text[start:end].split()
        if start == 0 or len(words) > count:  # more words than asked: the first, maybe cut, is not among them
            return words[len(words) - count:] if count < len(words) else words
        reach *= 2


def words_after(text: str, start: int, count: int) -> list[str]:
    """`text[start:].split()[:count]`, read on only as far as those words go."""
    reach = 64
    while True:
        words = text[start : start + reach].split()
        if start + reach >= len(text) or len(words) > count:  # the last word, maybe cut, is not among them
            return words[:count]
        reach *= 2


def text_before(text: str, end: int, reach: int) -> str:
    """`text[:end]`, or when that is longer than `reach`, its last `reach` characters from the first whole word
    on: what a reader of the clause before a place needs, the same few for each of many places in a long text."""
    if end <= reach:
        return text[:end]
    return text[end - reach : end].split(None, 1)[-1]


def text_after(text: str, start: int, reach: int) -> str:
    """`text[start:]`, or when that is longer than `reach`, its first `reach` characters up to the last whole word."""
    if len(text) - start <= reach:
        return text[start:]
    return text[start : start + reach].rsplit(None, 1)[0]

