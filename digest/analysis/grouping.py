"""Cross-source grouping: sentences of different articles that report the same fact.

Two sentences are candidates only when they share a rare word, a quantity or a date
(an inverted index, so the work grows with the corpus, not with its square). Candidates
are scored by weighted word overlap plus shared numbers, dates and names, and the best
pairs are merged first; a group never takes two sentences of one article, which keeps
a chain of loose matches from swallowing a whole story.
"""

from __future__ import annotations

import hashlib
import math
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace

from digest.analysis.corpus import Corpus, Unit
from digest.content import fold

SIMILARITY_THRESHOLD = 0.42
"""Score from which two sentences are taken to report the same fact."""
BLOCKING_KEYS = 8
"""How many of a sentence's rarest words serve to look up candidates."""
MAX_POSTING = 300
"""Words used by more sentences than this are too common to find candidates with."""
ECHO_FLOOR = 0.15
"""Pairs from this score count as a partial echo of a sentence in another outlet (see `FactGroup.echo`)."""
NEIGHBOURS = 24
"""Each sentence is scored against at most this many candidates (those sharing the most keys): groups grow
by chains of near neighbours, so the full list is never needed."""
QUANTITY_BONUS = 0.25
DATE_BONUS = 0.12
NAME_BONUS = 0.04


@dataclass(frozen=True, slots=True)
class FactGroup:
    """Sentences from one or more articles that state the same fact."""

    id: str
    """Stable id: hash of the representative sentence's folded text."""
    units: tuple[Unit, ...]
    """The sentences, representative first, then in article order; at most one per article."""
    outlets: tuple[str, ...]
    """Distinct outlet keys reporting it, sorted (a syndicated copy counts for its original)."""
    representative: Unit
    """The sentence that states the fact best for the whole group (closest to the group's centre)."""
    numbers: tuple[str, ...]
    """Quantity keys ("2500 troop") that the group's outlets share (all of them for one outlet)."""
    dates: tuple[str, ...]
    """Resolved dates the group's outlets share (all of them for one outlet), in date-text order."""
    names: tuple[str, ...]
    """Names the group's outlets share (all of them for one outlet), sorted."""
    centrality: float
    """0-1: how much of the group's vocabulary the topic's outlets share (the story's core, not an aside)."""
    echo: float
    """Soft corroboration: over the other outlets, how closely each one's nearest sentence restates it
    (1 per outlet that says the same, a share for a partial restatement); the best of the group's sentences."""


def _vectors(corpus: Corpus, statements: list[Unit]) -> list[dict[str, float]]:
    idf: dict[str, float] = {}
    vectors = []
    for unit in statements:
        vector = {}
        for token in unit.tokens:
            weight = idf.get(token)
            if weight is None:
                weight = idf[token] = corpus.idf(token)
            vector[token] = weight
        vectors.append(vector)
    return vectors


def _cosine(left: dict[str, float], right: dict[str, float], norms: tuple[float, float]) -> float:
    if len(left) > len(right):
        left, right = right, left
    dot = sum(weight * right[token] for token, weight in left.items() if token in right)
    return dot / (norms[0] * norms[1]) if dot else 0.0


def _keys(unit: Unit, frequency: Counter[str]) -> list[str]:
    rare = sorted((token for token in unit.tokens if frequency[token] > 1), key=lambda t: (frequency[t], t))
    keys = rare[:BLOCKING_KEYS]
    keys += [f"#q:{quantity.key}" for quantity in unit.quantities if quantity.counts]
    keys += [f"#d:{expression.value}" for expression in unit.dates if expression.value]
    return keys


def _number_evidence(value: float) -> float:
    """How much a shared figure says: "40,000 vehicles" in two sentences is telling, "two supports" is not."""
    if value >= 100 or value != int(value):
        return QUANTITY_BONUS
    return QUANTITY_BONUS / 2 if value >= 10 else QUANTITY_BONUS / 5


def _name_words(unit: Unit) -> set[str]:
    return {word for name in unit.names for word in name.split()}


def similarity(first: Unit, second: Unit, cosine: float) -> float:
    """Word overlap plus evidence that both state the same numbers, dates and names."""
    values = {q.key: q.value for q in first.quantities if q.counts}
    shared_numbers = sorted({q.key for q in second.quantities if q.counts} & values.keys())
    shared_dates = {d.value for d in first.dates if d.value} & {d.value for d in second.dates if d.value}
    shared_names = _name_words(first) & _name_words(second)
    return (cosine + sum(_number_evidence(values[key]) for key in shared_numbers[:2])
            + DATE_BONUS * min(2, len(shared_dates)) + NAME_BONUS * min(3, len(shared_names)))


def candidate_pairs(corpus: Corpus, statements: list[Unit], floor: float = SIMILARITY_THRESHOLD,
                    vectors: list[dict[str, float]] | None = None) -> list[tuple[float, int, int]]:
    """Scored pairs (score >= `floor`) of sentences from different articles that may state one fact, best first."""
    frequency: Counter[str] = Counter(token for unit in statements for token in unit.tokens)
    vectors = vectors if vectors is not None else _vectors(corpus, statements)
    norms = [math.sqrt(sum(weight * weight for weight in vector.values())) or 1.0 for vector in vectors]
    postings: dict[str, list[int]] = {}
    unit_keys = [_keys(unit, frequency) for unit in statements]
    for index, keys in enumerate(unit_keys):
        for key in keys:
            postings.setdefault(key, []).append(index)
    pairs = []
    for index, keys in enumerate(unit_keys):
        hits: dict[int, int] = {}
        for key in keys:
            posting = postings[key]
            if len(posting) < 2 or len(posting) > MAX_POSTING:
                continue
            bump = 2 if key[0] == "#" else 1
            for other in posting[bisect_right(posting, index):]:  # postings ascend: only later sentences
                hits[other] = hits.get(other, 0) + bump
        if not hits:
            continue
        unit = statements[index]
        nearest = sorted((other for other, count in hits.items()
                          if count >= 2 and statements[other].article != unit.article),
                         key=lambda other: (-hits[other], other))[:NEIGHBOURS]
        for other in nearest:
            cosine = _cosine(vectors[index], vectors[other], (norms[index], norms[other]))
            score = similarity(unit, statements[other], cosine)
            if score >= floor:
                pairs.append((score, index, other))
    pairs.sort(key=lambda pair: (-pair[0], pair[1], pair[2]))
    return pairs


def _centralities(corpus: Corpus, statements: list[Unit]) -> list[float]:
    outlets = corpus.outlet_count
    if outlets == 1:
        return [0.0 for _ in statements]
    share = {token: (count - 1) / (outlets - 1) for token, count in corpus.token_articles.items()}
    raw = [sum(share.get(token, 0.0) for token in unit.tokens) / math.sqrt(len(unit.tokens) or 1)
           for unit in statements]
    top = max(raw, default=0.0) or 1.0
    return [value / top for value in raw]


def _shared(values_by_outlet: dict[str, set[str]]) -> tuple[str, ...]:
    counts = Counter(value for values in values_by_outlet.values() for value in values)
    needed = 2 if len(values_by_outlet) > 1 else 1
    return tuple(sorted(value for value, count in counts.items() if count >= needed))


def _echoes(statements: list[Unit], pairs: list[tuple[float, int, int]]) -> list[float]:
    """Each sentence's soft corroboration: the sum over other outlets of its best match there."""
    best: list[dict[str, float]] = [{} for _ in statements]
    for score, first, second in pairs:
        for this, other in ((first, second), (second, first)):
            outlet = statements[other].outlet
            if outlet != statements[this].outlet:
                best[this][outlet] = max(best[this].get(outlet, 0.0), min(1.0, score / SIMILARITY_THRESHOLD))
    return [sum(values.values()) for values in best]


def _group(members: list[int], statements: list[Unit], vectors: list[dict[str, float]],
           centralities: list[float], echoes: list[float]) -> FactGroup:
    units = [statements[index] for index in members]
    centre: Counter[str] = Counter()
    for index in members:
        centre.update(vectors[index])
    centre_norm = math.sqrt(sum(weight * weight for weight in centre.values())) or 1.0

    def closeness(index: int) -> tuple[float, int]:
        vector = vectors[index]
        norm = math.sqrt(sum(weight * weight for weight in vector.values())) or 1.0
        return (_cosine(vector, dict(centre), (norm, centre_norm)) + 0.2 * centralities[index], -index)

    best = max(members, key=closeness) if len(members) > 1 else members[0]
    representative = statements[best]
    ordered = [representative, *(unit for unit in units if unit is not representative)]
    by_outlet_numbers: dict[str, set[str]] = {}
    by_outlet_dates: dict[str, set[str]] = {}
    by_outlet_names: dict[str, set[str]] = {}
    for unit in units:
        by_outlet_numbers.setdefault(unit.outlet, set()).update(q.key for q in unit.quantities if q.counts)
        by_outlet_dates.setdefault(unit.outlet, set()).update(d.value for d in unit.dates if d.value)
        by_outlet_names.setdefault(unit.outlet, set()).update(unit.names)
    return FactGroup(
        id=hashlib.sha1(fold(representative.text).encode()).hexdigest()[:12],
        units=tuple(ordered),
        outlets=tuple(sorted({unit.outlet for unit in units})),
        representative=representative,
        numbers=_shared(by_outlet_numbers),
        dates=_shared(by_outlet_dates),
        names=_shared(by_outlet_names),
        centrality=round(max(centralities[index] for index in members), 6),
        echo=round(max(echoes[index] for index in members), 6),
    )


def group_facts(corpus: Corpus) -> tuple[FactGroup, ...]:
    """Every statement of the topic in exactly one group; groups ordered by first sentence."""
    statements = [unit for unit in corpus.units if not unit.furniture]
    parent = list(range(len(statements)))
    articles: list[set[str]] = [{unit.article} for unit in statements]

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    vectors = _vectors(corpus, statements)
    pairs = candidate_pairs(corpus, statements, ECHO_FLOOR, vectors)
    for score, first, second in pairs:
        if score < SIMILARITY_THRESHOLD:
            break
        left, right = root(first), root(second)
        if left == right or articles[left] & articles[right]:
            continue
        keep, gone = min(left, right), max(left, right)
        parent[gone] = keep
        articles[keep] |= articles[gone]
    members: dict[int, list[int]] = {}
    for index in range(len(statements)):
        members.setdefault(root(index), []).append(index)
    centralities = _centralities(corpus, statements)
    echoes = _echoes(statements, pairs)
    groups = [_group(members[key], statements, vectors, centralities, echoes) for key in sorted(members)]
    return tuple(_unique_ids(groups))


def _unique_ids(groups: list[FactGroup]) -> list[FactGroup]:
    """A sentence repeated word for word in one article gives two groups of one text: the later one's id
    also hashes where it stands, so every id is distinct and still stable."""
    seen: set[str] = set()
    result = []
    for group in groups:
        if group.id in seen:
            ref = group.representative.ref
            group = replace(group, id=hashlib.sha1(f"{group.id} {ref.article} {ref.index}".encode()).hexdigest()[:12])
        seen.add(group.id)
        result.append(group)
    return result
