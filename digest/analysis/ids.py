"""The ids of what a digest lists, all made here.

A maintainer names timeline entries and contested points in topic.yml (`hide`), and the analysis tells
its fact groups apart by id: every id depends only on what it names (folded text, date, kind), never on
the order of the work, so it is the same in every build.
"""

from __future__ import annotations

import hashlib

from digest.language.times import PartialDate
from digest.language.tokens import fold
from digest.model import SentenceRef


def _hash(text: str, length: int) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:length]


def entry_id(date: PartialDate, text: str) -> str:
    """An automatic timeline entry: its date and quoted sentence."""
    return _hash(f"{date} {fold(text)}", 12)


def curated_entry_id(date: PartialDate, text: str) -> str:
    """A timeline entry written in topic.yml."""
    return _stable_id("t", str(date), text)


def point_id(kind: str, texts: list[str] | tuple[str, ...]) -> str:
    """A contested point: its kind and the sentences of its sides."""
    return _stable_id("c", kind, *texts)


def group_id(text: str) -> str:
    """A fact group: its representative sentence."""
    return _hash(fold(text), 12)


def repeated_group_id(first: str, ref: SentenceRef) -> str:
    """A second group of the same text (a sentence repeated in one article): where it stands makes it distinct."""
    return _hash(f"{first} {ref.article} {ref.index}", 12)


def _stable_id(prefix: str, *parts: str) -> str:
    joined = "\x1f".join(fold(part) for part in parts)
    return f"{prefix}-{_hash(joined, 10)}"
