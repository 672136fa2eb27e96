"""Spot duplicates and copies: word 5-gram shingles compared by resemblance and containment.

Resemblance (Jaccard) near 1 means the same article twice; high containment of a new article in an
existing one means a copy (a wire story run again, lightly rewritten) that later stages count once.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

SHINGLE_WORDS = 5
DUPLICATE = 0.9
"""Resemblance from which two texts are the same article."""
SYNDICATED = 0.5
"""Share of the new article's shingles found in an older one, from which it is a copy of it."""
SIMILAR = 0.2
"""Share from which the two are worth pointing at each other."""


@dataclass(frozen=True, slots=True)
class Match:
    """How a new article relates to one already known."""

    other: str
    """Id of the known article."""
    resemblance: float
    """Shared shingles over all shingles of both (Jaccard)."""
    containment: float
    """Share of the new article's shingles found in the known one."""


def shingles(text: str) -> frozenset[str]:
    """Overlapping runs of words, after folding case, accents and punctuation away."""
    text = unicodedata.normalize("NFKD", text.lower())
    words = re.findall(r"\w+", "".join(c for c in text if not unicodedata.combining(c)))
    if len(words) < SHINGLE_WORDS:
        return frozenset([" ".join(words)]) if words else frozenset()
    return frozenset(" ".join(words[i: i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1))


def compare(new: frozenset[str], known: dict[str, frozenset[str]]) -> list[Match]:
    """Known articles sharing text with `new`, most contained first."""
    matches = []
    for other, theirs in known.items():
        shared = len(new & theirs)
        if not shared:
            continue
        matches.append(Match(other, shared / len(new | theirs), shared / len(new)))
    return sorted(matches, key=lambda match: (-match.containment, match.other))


def duplicate_of(matches: list[Match]) -> Match | None:
    """The known article that `new` repeats, if any."""
    return next((m for m in matches if m.resemblance >= DUPLICATE), None)


def relations(matches: list[Match]) -> tuple[str | None, tuple[str, ...]]:
    """(the article it copies, other articles it shares much text with)."""
    copied = next((m.other for m in matches if m.containment >= SYNDICATED), None)
    similar = tuple(sorted(m.other for m in matches if m.containment >= SIMILAR and m.other != copied))
    return copied, similar
