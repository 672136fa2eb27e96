"""What the detectors share: the point under construction and small text helpers."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from digest.analysis.corpus import Corpus, Unit
from digest.analysis.cues import STOPWORDS, stem

Item = TypeVar("Item")

MAX_POSTING = 400
"""A word shared by more candidates than this is too common to pair them by."""


@dataclass(slots=True)
class Side:
    """One side while a point is being built: its label, its sentences and the text it quotes."""

    label: str
    """Short description (the figure, the actor, the date)."""
    units: list[Unit]
    """The sentences that state this side, the quoted one first."""
    text: str = ""
    """The quoted text when it is part of a sentence (a claim and its denial in one sentence)."""


@dataclass(slots=True)
class Candidate:
    """A point a detector proposes, before ranking."""

    kind: str
    """number, date, denial, stance or framing."""
    title: str
    """What is in dispute, from the sentences' own words."""
    sides: list[Side]
    """Two or more sides."""
    evidence: float
    """0-1: how much the sides share beyond the cue (terms, names, figures)."""
    expand: bool = True
    """Whether sentences that other outlets report the same way may join a side."""


def statements(corpus: Corpus) -> list[Unit]:
    """The sentences that state something (no headings, datelines or labels)."""
    return [unit for unit in corpus.units if not unit.furniture]


def previous(corpus: Corpus, unit: Unit) -> Unit | None:
    """The statement before this one in the same article (for "they" and "this presence")."""
    units = corpus.by_article[unit.article]
    for index in range(unit.position - 1, -1, -1):  # no copy of the units before: an article may have thousands
        if not units[index].furniture:
            return units[index]
    return None


_LOWER_WORD = re.compile(r"(?<![\w.'-])[a-z][a-z-]+")


def terms(text: str) -> set[str]:
    """Lower-case content words of a text as written, stemmed (names are matched separately)."""
    return {stem(word) for word in _LOWER_WORD.findall(text) if word not in STOPWORDS and len(word) > 2}


def copies(units: Iterable[Unit], key: Callable[[Unit], Hashable] = lambda unit: unit.text) -> list[list[Unit]]:
    """The units grouped by `key` (by default their text), in first-seen order.

    Many outlets print one sentence word for word: a detector compares one sentence of each
    group and gives a side every copy, so a claim repeated by a thousand sources costs one
    comparison rather than one per pair of copies.
    """
    groups: dict[Hashable, list[Unit]] = {}
    for unit in units:
        groups.setdefault(key(unit), []).append(unit)
    return list(groups.values())


def unique(units: list[Unit]) -> list[Unit]:
    """The units without repeats, in first-seen order."""
    seen: dict[tuple[str, int], Unit] = {}
    for unit in units:
        seen.setdefault((unit.article, unit.ref.index), unit)
    return list(seen.values())


def outlets(units: list[Unit]) -> set[str]:
    """Distinct outlets of some sentences (a syndicated copy counts for its original)."""
    return {unit.outlet for unit in units}


def clean_actor(actor: str) -> str:
    """An actor as a label: "the interior ministry" -> "interior ministry"."""
    return re.sub(r"^(?:the|The)\s+", "", actor.strip())


def pairs_sharing(items: Sequence[Item], keys: Callable[[Item], set[str] | frozenset[str]],
                  minimum: int = 1, rarest: int | None = None) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) of items that share at least `minimum` keys (of their `rarest` keys, if given).

    An inverted index over each item's rarest keys (as blocking does in record linkage)
    keeps the work growing with the matches rather than with the square of the items.
    """
    item_keys = [keys(item) for item in items]
    frequency: Counter[str] = Counter(key for found in item_keys for key in found)
    if rarest is not None:
        item_keys = [set(sorted(found, key=lambda key: (frequency[key], key))[:rarest]) for found in item_keys]
    postings: dict[str, list[int]] = {}
    for index, found in enumerate(item_keys):
        for key in found:
            postings.setdefault(key, []).append(index)
    for index, found in enumerate(item_keys):
        hits: Counter[int] = Counter()
        for key in found:
            posting = postings[key]
            if len(posting) <= MAX_POSTING:
                hits.update(posting[bisect_right(posting, index):])  # postings are in index order
        yield from ((index, other) for other in sorted(hits) if hits[other] >= minimum)


def terms_in_order(text: str, wanted: set[str] | frozenset[str], limit: int = 4) -> str:
    """The sentence's own words that are among `wanted`, as written, in order ("Iraqi Parliament, 2020")."""
    words: dict[str, str] = {}
    for word in re.findall(r"[\w\u2019'.-]+", text):
        cleaned = re.sub(r"[\u2019']s?$", "", word).strip(".'")
        if stem(cleaned.lower()) in wanted or cleaned in wanted:
            words.setdefault(stem(cleaned.lower()), cleaned)
    return ", ".join(list(words.values())[:limit])


def shared_phrase(text: str, shared: set[str] | frozenset[str]) -> str:
    """The longest run of the sentence's words that are shared terms (joined by function words)."""
    best: list[str] = []
    run: list[str] = []
    for word in [*text.split(), ""]:
        cleaned = word.strip(".,;:\"'()")
        token = stem(cleaned.lower())
        if word and (token in shared or (run and token in STOPWORDS and token not in {"and", "but"})):
            run.append(cleaned)
            continue
        while run and stem(run[-1].lower()) in STOPWORDS:
            run.pop()
        if len(run) > len(best):
            best = run
        run = []
    return " ".join(best)
