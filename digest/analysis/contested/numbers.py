"""Number points: one figure described as different things, or one count given as different figures.

"900 troops in Syria" against "approximately 900 troops from multiple countries" is the
same figure described differently; "1,200 families in Eastport" against "3,000 families in
Eastport" is one count given differently. A count that changes over weeks is an update,
not a dispute, so differing counts are only compared between articles published close
together, and a count with many values is taken for a running tally.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import date

from digest.analysis.contested.base import MAX_POSTING, Candidate, Side, copies, outlets, statements, unique
from digest.analysis.corpus import Corpus, Unit
from digest.language.quantities import Figure, Quantity, figures
from digest.language.similarity import DisjointSet, pairs_sharing

MAX_DAYS_APART = 7
"""Counts from articles published further apart than this may both be right, at their time."""
MAX_VALUES = 3
"""A count reported with more distinct values than this is a running tally, not a dispute."""
MIN_VALUE = 10
"""Smaller numbers ("two people", "five days") are too common to compare."""
TOLERANCE = 0.1
"""Hedged figures ("about 2,500") within this share of each other agree."""
_MONEY = ("dollar", "pound", "euro", "percent")
def number_candidates(corpus: Corpus) -> list[Candidate]:
    """Both kinds of number point, for every counted noun of the topic."""
    mentions: dict[str, list[tuple[Figure, Unit]]] = {}
    read: dict[str, tuple[tuple[Quantity, ...], list[Figure]]] = {}  # copies of a sentence are read once
    for unit in statements(corpus):
        if not unit.quantities:
            continue
        quantities, found = read.get(unit.text, ((), []))
        if quantities != unit.quantities:
            found = figures(unit.text, unit.quantities)
            read[unit.text] = (unit.quantities, found)
        for figure in found:
            if figure.terms and (figure.value >= MIN_VALUE or figure.counts in _MONEY):
                mentions.setdefault(figure.counts, []).append((figure, unit))
    candidates = []
    for counts in sorted(mentions):
        candidates += _described_differently(mentions[counts])
        candidates += _counted_differently(mentions[counts])
    return candidates


def _clusters(items: list[tuple[Figure, Unit]]) -> list[list[tuple[Figure, Unit]]]:
    """Mentions whose descriptive phrases share a word, chained together.

    Mentions with the same phrase words go together at once; only distinct phrases are paired.
    """
    phrases: dict[frozenset[str], list[int]] = {}
    for index, (figure, _) in enumerate(items):
        phrases.setdefault(figure.terms, []).append(index)
    keys = list(phrases)
    clusters = DisjointSet(len(keys))
    for first, second in pairs_sharing(keys, max_posting=MAX_POSTING):
        clusters.union(first, second)
    members = [[index for key in found for index in phrases[keys[key]]] for found in clusters.sets()]
    return [[items[index] for index in sorted(found)] for found in sorted(members, key=min)]


def _related(first: Unit, second: Unit, counts: str) -> bool:
    """Two sentences about the same matter: another figure or two other words in common."""
    figures_shared = {q.key for q in first.quantities if q.counts} & {q.key for q in second.quantities if q.counts}
    words_shared = set(first.tokens) & set(second.tokens) - {counts}
    return len(figures_shared) >= 2 or len(words_shared) >= 2 or bool(figures_shared and words_shared)


def _described_differently(items: list[tuple[Figure, Unit]]) -> list[Candidate]:
    by_value: dict[float, list[tuple[Figure, Unit]]] = {}
    for figure, unit in items:
        by_value.setdefault(figure.value, []).append((figure, unit))
    candidates = []
    for value in sorted(by_value):
        clusters = _clusters(by_value[value])
        if not 2 <= len(clusters) <= MAX_VALUES:
            continue
        side_units = [unique([unit for _, unit in cluster]) for cluster in clusters]
        if len(set().union(*(outlets(units) for units in side_units))) < 2:
            continue
        if all(outlets(side_units[0]) == outlets(units) for units in side_units[1:]):
            continue  # one outlet using both phrasings may just be saying both
        if not any(_related(a, b, clusters[0][0][0].counts) for a in _distinct(side_units[0], _text)
                   for units in side_units[1:] for b in _distinct(units, _text)):
            continue
        heads = [cluster[0][0] for cluster in clusters]
        candidates.append(Candidate(
            kind="number",
            title=f"{heads[0].number} {heads[0].noun}: {' or '.join(head.phrase for head in heads)}?",
            sides=[Side(label=f"{head.number} {head.noun} {head.phrase}", units=units)
                   for head, units in zip(heads, side_units, strict=True)],
            evidence=1.0, expand=False))
    return candidates


def _counted_differently(items: list[tuple[Figure, Unit]]) -> list[Candidate]:
    candidates = []
    for cluster in _clusters(items):
        values: list[list[tuple[Figure, Unit]]] = []
        for figure, unit in sorted(cluster, key=lambda item: item[0].value):
            if values and not _differ(values[-1][0][0], figure):
                values[-1].append((figure, unit))
            else:
                values.append([(figure, unit)])
        if not 2 <= len(values) <= MAX_VALUES:
            continue
        # A value only reported at another time (a toll that rose later) is an update, not a side.
        values = [group for group in values
                  if any(_at_one_time(group, other) for other in values if other is not group)]
        if len(values) < 2:
            continue
        heads = [group[0][0] for group in values]
        phrase = heads[0].phrase
        candidates.append(Candidate(
            kind="number", title=f"{heads[0].noun} {phrase}: {' or '.join(head.number for head in heads)}?",
            sides=[Side(label=f"{head.number} {head.noun}", units=unique([unit for _, unit in group]))
                   for head, group in zip(heads, values, strict=True)],
            evidence=1.0, expand=False))
    return candidates


def _distinct(units: list[Unit], key: Callable[[Unit], Hashable]) -> list[Unit]:
    """One unit of each kind that matters to a comparison (copies of a sentence compare alike)."""
    return [group[0] for group in copies(units, key)]


def _text(unit: Unit) -> str:
    return unit.text


def _when(unit: Unit) -> tuple[str, date | None, frozenset[str]]:
    """What `_comparable` reads of a unit: its outlet, publication date and years named."""
    return unit.outlet, unit.published, frozenset(_years(unit))


def _at_one_time(first: list[tuple[Figure, Unit]], second: list[tuple[Figure, Unit]]) -> bool:
    """Whether two outlets give the two values at the same time."""
    return any(_comparable(a, b) for a in _distinct([unit for _, unit in first], _when)
               for b in _distinct([unit for _, unit in second], _when))


def _differ(first: Figure, second: Figure) -> bool:
    tolerance = TOLERANCE if first.approximate or second.approximate else 0.0
    return abs(first.value - second.value) > tolerance * max(first.value, second.value)


def _comparable(first: Unit, second: Unit) -> bool:
    """Two outlets giving a count at the same time (same years named, published within days)."""
    if first.outlet == second.outlet:
        return False
    if first.published and second.published and abs((first.published - second.published).days) > MAX_DAYS_APART:
        return False
    return _years(first) == _years(second)


def _years(unit: Unit) -> set[str]:
    return {expression.value[:4] for expression in unit.dates if expression.value and not expression.relative}
