"""Cross-source grouping: sentences of different articles that report the same fact.

Two sentences are candidates only when they share a rare word, a quantity or a date
(an inverted index, so the work grows with the corpus, not with its square). Candidates
are scored by weighted word overlap plus shared numbers, dates and names, and the best
pairs are merged first; a group never takes two sentences of one article, which keeps
a chain of loose matches from swallowing a whole story.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, replace
from typing import TypeVar

from digest.analysis.corpus import Corpus, Sentence
from digest.analysis.grouping.evidence import (
    Counted,
    counts_conflict,
    date_values_conflict,
    read_evidence,
)
from digest.analysis.grouping.pairs import SIMILARITY_THRESHOLD, Vocabulary, candidate_pairs, word_vectors
from digest.analysis.ids import group_id, repeated_group_id
from digest.language.similarity import DisjointSet, cosine, norm
from digest.language.times import PartialDate

__all__ = ["ECHO_FLOOR", "FactGroup", "date_values_conflict", "group_facts"]

Value = TypeVar("Value", str, PartialDate)

ECHO_FLOOR = 0.15
"""Pairs from this score count as a partial echo of a sentence in another outlet (see `FactGroup.echo`)."""


@dataclass(frozen=True, slots=True)
class FactGroup:
    """Sentences from one or more articles that state the same fact."""

    id: str
    """Stable id: hash of the representative sentence's folded text."""
    sentences: tuple[Sentence, ...]
    """The sentences, representative first, then in article order; at most one per article."""
    outlets: tuple[str, ...]
    """Distinct outlet keys reporting it, sorted (a syndicated copy counts for its original)."""
    representative: Sentence
    """The sentence that states the fact best for the whole group (closest to the group's centre)."""
    numbers: tuple[str, ...]
    """Quantity keys ("2500 troop") that the group's outlets share (all of them for one outlet)."""
    dates: tuple[PartialDate, ...]
    """Resolved dates the group's outlets share (all of them for one outlet), in date order."""
    names: tuple[str, ...]
    """Names the group's outlets share (all of them for one outlet), sorted."""
    centrality: float
    """0-1: how much of the group's vocabulary the topic's outlets share (the story's core, not an aside)."""
    echo: float
    """Soft corroboration: over the other outlets, how closely each one's nearest sentence restates it
    (1 per outlet that says the same, a share for a partial restatement); the best of the group's sentences."""


def group_facts(corpus: Corpus) -> tuple[FactGroup, ...]:
    """Every statement of the topic in exactly one group; groups ordered by first sentence."""
    statements = [sentence for sentence in corpus.sentences if not sentence.furniture]
    clusters = DisjointSet(len(statements))
    articles: list[set[str]] = [{sentence.article} for sentence in statements]
    dates: list[Counter[PartialDate]] = [Counter(d.value for d in sentence.dates if d.value)
                                         for sentence in statements]
    most_given: list[PartialDate | None] = [_most_given(given) if given else None for given in dates]
    evidence = read_evidence(statements)
    counted: list[Counted] = [dict(found.counted) for found in evidence]

    vocabulary = Vocabulary.of(corpus, statements)
    vectors = word_vectors(vocabulary, statements)
    pairs = candidate_pairs(corpus, statements, ECHO_FLOOR, vocabulary, evidence)
    for score, first, second in pairs:
        if score < SIMILARITY_THRESHOLD:
            break
        left, right = clusters.find(first), clusters.find(second)
        if (left == right or not articles[left].isdisjoint(articles[right])
                or _clusters_conflict(most_given[left], most_given[right])
                or counts_conflict(counted[left], counted[right])):
            continue
        keep, gone = clusters.union(left, right)
        # The larger cluster's set and counts take in the smaller's: merging stays linear in a long story.
        if len(articles[gone]) > len(articles[keep]):
            articles[keep], articles[gone] = articles[gone], articles[keep]
        articles[keep] |= articles[gone]
        if dates[gone]:  # a cluster that gives no date or counts nothing changes neither
            if len(dates[gone]) > len(dates[keep]):
                dates[keep], dates[gone] = dates[gone], dates[keep]
            dates[keep].update(dates[gone])
            most_given[keep] = _most_given(dates[keep])
        if counted[gone]:
            counted[keep] = {noun: counted[keep].get(noun, frozenset()) | counted[gone].get(noun, frozenset())
                             for noun in sorted(counted[keep].keys() | counted[gone].keys())}
    centralities = _centralities(corpus, statements)
    echoes = _echoes(statements, pairs)
    groups = [_group(members, statements, vectors, centralities, echoes) for members in clusters.sets()]
    return tuple(_unique_ids(groups))


def _clusters_conflict(left: PartialDate | None, right: PartialDate | None) -> bool:
    """Two clusters about different days: their most given dates (None when a cluster gives none) cannot name
    one day. Pairs are checked one by one (see `similarity`), but a chain of pairs could still link "said on
    Friday" sentences of every week."""
    return left is not None and right is not None and not left.near(right)


def _most_given(dates: Counter[PartialDate]) -> PartialDate:
    return min(dates, key=lambda value: (-dates[value], -value.parts, value))


def _unique_ids(groups: list[FactGroup]) -> list[FactGroup]:
    """A sentence repeated word for word in one article gives two groups of one text: the later one's id
    also hashes where it stands, so every id is distinct and still stable."""
    seen: set[str] = set()
    result = []
    for group in groups:
        if group.id in seen:
            ref = group.representative.ref
            group = replace(group, id=repeated_group_id(group.id, ref))
        seen.add(group.id)
        result.append(group)
    return result


def _centralities(corpus: Corpus, statements: list[Sentence]) -> list[float]:
    outlets = corpus.outlet_count
    if outlets == 1:
        return [0.0 for _ in statements]
    share = {token: (count - 1) / (outlets - 1) for token, count in corpus.token_outlets.items()}
    raw = [sum(share.get(token, 0.0) for token in sentence.tokens) / math.sqrt(len(sentence.tokens) or 1)
           for sentence in statements]
    top = max(raw, default=0.0) or 1.0
    return [value / top for value in raw]


def _shared(values_by_outlet: dict[str, set[Value]]) -> tuple[Value, ...]:
    if len(values_by_outlet) == 1:
        (values,) = values_by_outlet.values()
        return tuple(sorted(values))
    counts = Counter(value for values in values_by_outlet.values() for value in values)
    return tuple(sorted(value for value, count in counts.items() if count >= 2))


def _echoes(statements: list[Sentence], pairs: list[tuple[float, int, int]]) -> list[float]:
    """Each sentence's soft corroboration: the sum over other outlets of its best match there (pairs come best
    first, so the first match with an outlet is the best)."""
    best: list[dict[str, float]] = [{} for _ in statements]
    outlets = [sentence.outlet for sentence in statements]
    for score, first, second in pairs:
        left, right = outlets[first], outlets[second]
        if left != right:
            value = min(1.0, score / SIMILARITY_THRESHOLD)
            best[first].setdefault(right, value)
            best[second].setdefault(left, value)
    return [sum(values.values()) for values in best]


def _central(members: list[int], vectors: list[dict[str, float]], centralities: list[float]) -> int:
    """The member closest to the group's centre (the sum of its vectors), the story's core breaking ties."""
    centre: Counter[str] = Counter()
    for index in members:
        centre.update(vectors[index])
    centre_vector = dict(centre)
    centre_norm = norm(centre_vector)

    def closeness(index: int) -> tuple[float, int]:
        vector = vectors[index]
        return (cosine(vector, centre_vector, (norm(vector), centre_norm)) + 0.2 * centralities[index], -index)

    return max(members, key=closeness)


def _group(members: list[int], statements: list[Sentence], vectors: list[dict[str, float]],
           centralities: list[float], echoes: list[float]) -> FactGroup:
    sentences = [statements[index] for index in members]
    best = _central(members, vectors, centralities) if len(members) > 1 else members[0]
    representative = statements[best]
    ordered = [representative, *(sentence for sentence in sentences if sentence is not representative)]
    by_outlet_numbers: dict[str, set[str]] = {}
    by_outlet_dates: dict[str, set[PartialDate]] = {}
    by_outlet_names: dict[str, set[str]] = {}
    for sentence in sentences:
        by_outlet_numbers.setdefault(sentence.outlet, set()).update(q.key for q in sentence.quantities if q.counts)
        by_outlet_dates.setdefault(sentence.outlet, set()).update(d.value for d in sentence.dates if d.value)
        by_outlet_names.setdefault(sentence.outlet, set()).update(sentence.names)
    return FactGroup(
        id=group_id(representative.text),
        sentences=tuple(ordered),
        outlets=tuple(sorted({sentence.outlet for sentence in sentences})),
        representative=representative,
        numbers=_shared(by_outlet_numbers),
        dates=_shared(by_outlet_dates),
        names=_shared(by_outlet_names),
        centrality=round(max(centralities[index] for index in members), 6),
        echo=round(max(echoes[index] for index in members), 6),
    )
