"""Date points: one event placed at different dates by different outlets.

Sentences are taken to state the same event when they share most of their words and
every figure: a rate raised "to 12 percent on June 1" and "to 22 percent on July 17" are
two events, not one event at two dates.
"""

from __future__ import annotations

from dataclasses import dataclass

from digest.analysis.contested.base import (
    Candidate,
    Side,
    copies,
    outlets,
    pairs_sharing,
    shared_phrase,
    statements,
    terms,
)
from digest.analysis.corpus import Corpus, Unit
from digest.analysis.cues import ORDINALS
from digest.text import words_after, words_before

MIN_SHARED_EVENT_TERMS = 3
"""Sentences must share this many content words besides the date to be about the same event."""
BLOCKING_KEYS = 8
"""How many of a sentence's rarest words serve to find the other reports of its event."""
MIN_OVERLAP = 0.5
"""... and this share of the shorter sentence's words."""
MAX_FACING_CHECKS = 20_000
"""How many pairs of sentences at the two dates of an event are compared to find two that face each other."""
DATE_WINDOW = 4
"""Words either side of a date that say what happened then."""


def absolute_dates(unit: Unit) -> tuple[str, ...]:
    """The calendar dates a sentence names outright (not "last year"), in order."""
    return tuple(sorted({expression.value for expression in unit.dates
                         if expression.value and not expression.relative}))


def compatible(first: str, second: str) -> bool:
    """"2020" and "2020-01" can both be right; "2019-03" and "2020-06" cannot."""
    return first.startswith(second) or second.startswith(first)


def _counted(unit: Unit) -> dict[str, frozenset[float]]:
    """The values a sentence gives for each thing it counts."""
    values: dict[str, set[float]] = {}
    for quantity in unit.quantities:
        if quantity.counts:
            values.setdefault(quantity.counts, set()).add(quantity.value)
    return {counts: frozenset(found) for counts, found in values.items()}


def _figures_agree(first: dict[str, frozenset[float]], second: dict[str, frozenset[float]]) -> bool:
    """What both sentences count, they count alike ("22 percent" is not "21 percent")."""
    return all(first[counts] == second[counts] for counts in first.keys() & second.keys())


@dataclass(frozen=True, slots=True)
class _Event:
    """What a dated sentence says happened: its words, its figures, and the words around its date."""

    words: set[str]
    figures: dict[str, frozenset[float]]
    near_date: set[str]
    ordinals: frozenset[str]


def _describe(unit: Unit) -> _Event:
    near: set[str] = set()
    for expression in unit.dates:
        if expression.value and not expression.relative:
            before = words_before(unit.text, expression.start, DATE_WINDOW)
            after = words_after(unit.text, expression.end, DATE_WINDOW)
            near |= terms(" ".join(before + after))
    ordinals = frozenset(word.lower() for word in ORDINALS.findall(unit.text))
    return _Event(_event_terms(unit), _counted(unit), near, ordinals)


def _same_event(first: _Event, second: _Event) -> bool:
    """Most words and every figure in common, the date of each attached to shared words
    ("taken in 1998" and "taken ... paid in 1999" are two events), and the same ordinals
    (the first and the second round of talks are two events)."""
    shared = first.words & second.words
    smaller = min(len(first.words), len(second.words))
    return (len(shared) >= MIN_SHARED_EVENT_TERMS and len(shared) >= MIN_OVERLAP * smaller
            and first.ordinals == second.ordinals and not shared.isdisjoint(first.near_date)
            and not shared.isdisjoint(second.near_date) and _figures_agree(first.figures, second.figures))


def _event_terms(unit: Unit) -> set[str]:
    return terms(unit.text) - {"year", "month", "day"}


def _events(described: list[_Event]) -> list[list[int]]:
    """Sentences that state the same event (most of their words, and the same figures), chained together."""
    parent = list(range(len(described)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for first, second in pairs_sharing(described, lambda event: event.words, MIN_SHARED_EVENT_TERMS,
                                       rarest=BLOCKING_KEYS):
        if root(first) != root(second) and _same_event(described[first], described[second]):
            parent[root(second)] = root(first)
    events: dict[int, list[int]] = {}
    for index in range(len(described)):
        events.setdefault(root(index), []).append(index)
    return [events[key] for key in sorted(events)]


def _facing(first: list[int], second: list[int], described: list[_Event], dates: list[str]) -> tuple[int, int] | None:
    """A sentence of each date (incompatible dates) that state the same event themselves: the two to quote. A chain
    can join two dates through sentences in between; then the dates' own reports may be of two
    events, and there is no point. The search stops after `MAX_FACING_CHECKS` comparisons."""
    checks = 0
    for one in first:
        for other in second:
            if not compatible(dates[one], dates[other]) and _same_event(described[one], described[other]):
                return one, other
            checks += 1
            if checks >= MAX_FACING_CHECKS:
                return None
    return None


def _by_date(values: list[str]) -> list[list[str]]:
    """Dates that can all be right together ("2020", "2020-01"), in clusters."""
    clusters: list[list[str]] = []
    for value in sorted(set(values)):
        home = next((cluster for cluster in clusters if all(compatible(value, other) for other in cluster)), None)
        if home is None:
            clusters.append([value])
        else:
            home.append(value)
    return clusters


def date_candidates(corpus: Corpus) -> list[Candidate]:
    """A point for each event whose sources name exactly two incompatible dates.

    Copies of one sentence giving one date are described and compared once. An event
    chained to more than two dates is one that recurs.
    """
    groups = copies((unit for unit in statements(corpus) if len(absolute_dates(unit)) == 1),
                    key=lambda unit: (unit.text, absolute_dates(unit)))
    dates = [absolute_dates(group[0])[0] for group in groups]
    candidates = []
    described = [_describe(group[0]) for group in groups]
    for members in _events(described):
        values = _by_date([dates[index] for index in members])
        if len(values) != 2:
            continue
        sides = [[index for index in members if dates[index] in cluster] for cluster in values]
        quoted = _facing(sides[0], sides[1], described, dates)
        if quoted is None:
            continue
        first_units, second_units = (
            list(groups[head]) + [unit for _, unit in sorted(((dates[index], unit.article, unit.position), unit)
                                                           for index in side if index != head
                                                           for unit in groups[index])]
            for head, side in zip(quoted, sides, strict=True))
        if outlets(first_units) == outlets(second_units):
            continue
        shared = _event_terms(first_units[0]) & _event_terms(second_units[0])
        when = [max(cluster, key=len) for cluster in values]
        subject = shared_phrase(first_units[0].text, shared) or " ".join(sorted(shared)[:3])
        candidates.append(Candidate(
            kind="date", title=f"When {subject}: {when[0]} or {when[1]}?",
            sides=[Side(label=when[0], units=first_units), Side(label=when[1], units=second_units)],
            evidence=len(shared) / min(len(_event_terms(first_units[0])), len(_event_terms(second_units[0]))),
            expand=False))
    return candidates
