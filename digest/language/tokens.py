"""Words: folding for comparison, tokens, stems and stopwords."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                       "\u2014": "-", "\u00a0": " "})


def fold(text: str) -> str:
    """Compare texts the way a reader would: same letters, any spacing, straight quotes."""
    text = unicodedata.normalize("NFKC", text).translate(_FOLD)
    return re.sub(r"\s+", " ", re.sub(r"[*_`]+", "", text)).strip().lower()


def folded_with_offsets(text: str) -> tuple[str, list[int]]:
    """`fold` applied character by character, keeping each folded character's origin: where a folded match
    stands in the text as written."""
    chars: list[str] = []
    origins: list[int] = []
    for offset, char in enumerate(text):
        # fold() of one character is its folded form; it gives '' for spaces and emphasis marks.
        for folded in fold(char) or (" " if char.isspace() else ""):
            if folded == " " and (not chars or chars[-1] == " "):
                continue
            chars.append(folded)
            origins.append(offset)
    while chars and chars[-1] == " ":
        chars.pop()
        origins.pop()
    return "".join(chars), origins


def find_folded(needle: str, texts: Sequence[str]) -> tuple[str, int] | None:
    """Where `needle` stands in a run of sentences, compared folded (spacing, typographic quotes and emphasis
    aside): the passage as the sentences write it, and the index of the sentence it starts in; None when it
    is not there. The sentences are joined with a space, so a passage may run across them."""
    folded_needle = fold(needle)
    if not folded_needle:
        return None
    starts: list[int] = []
    length = 0
    for text in texts:
        starts.append(length)
        length += len(text) + 1
    joined = " ".join(texts)
    folded, origins = folded_with_offsets(joined)
    position = folded.find(folded_needle)
    if position < 0:
        return None
    begin, end = origins[position], origins[position + len(folded_needle) - 1] + 1
    first = max(index for index, start in enumerate(starts) if start <= begin)
    return re.sub(r"\s+", " ", joined[begin:end]).strip(), first
