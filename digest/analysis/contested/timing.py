"""Date points: one event placed at different dates by different outlets.

Sentences are taken to state the same event when they share most of their words and
every figure: a rate raised "to 12 percent on June 1" and "to 22 percent on July 17" are
two events, not one event at two dates.
"""

from __future__ import annotations

from dataclasses import dataclass

from digest.analysis.contested.base import (
    MAX_POSTING,
    Candidate,
    CandidateSide,
    copies,
    outlets,
    shared_phrase,
    statements,
)
from digest.analysis.corpus import Corpus, Sentence
from digest.analysis.cues import ORDINALS
from digest.language.sentences import words_after, words_before
from digest.language.similarity import DisjointSet, pairs_sharing
from digest.language.times import PartialDate
from digest.language.tokens import lower_terms

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


def absolute_dates(sentence: Sentence) -> tuple[PartialDate, ...]:
    """The calendar dates a sentence names outright (not "last year"), in order."""
    return tuple(sorted({expression.value for expression in sentence.dates
                         if expression.value and not expression.relative}))


def _counted(sentence: Sentence) -> dict[str, frozenset[float]]:
    """The values a sentence gives for each thing it counts."""
    values: dict[str, set[float]] = {}
    for quantity in sentence.quantities:
        if quantity.counts:
            values.setdefault(quantity.counts, set()).add(quantity.value)
    return {counts: frozenset(found) for counts, found in values.items()}


def _figures_agree(first: dict[str, frozenset[float]], second: dict[str, frozenset[float]]) -> bool:
    """What both sentences count, they count alike ("22 percent" is not "21 percent")."""
    return all(first[counts] == second[counts] for counts in first.keys() & second.keys())


@dataclass(frozen=True, slots=True)
class _DatedReport:
    """What a dated sentence says happened: its words, its figures, and the words around its date."""

    words: set[str]
    figures: dict[str, frozenset[float]]
    near_date: set[str]
    ordinals: frozenset[str]


def _describe(sentence: Sentence) -> _DatedReport:
    near: set[str] = set()
    for expression in sentence.dates:
        if expression.value and not expression.relative:
            before = words_before(sentence.text, expression.start, DATE_WINDOW)
            after = words_after(sentence.text, expression.end, DATE_WINDOW)
            near |= lower_terms(" ".join(before + after))
    ordinals = frozenset(word.lower() for word in ORDINALS.findall(sentence.text))
    return _DatedReport(_event_terms(sentence), _counted(sentence), near, ordinals)


def _same_event(first: _DatedReport, second: _DatedReport) -> bool:
    """Most words and every figure in common, the date of each attached to shared words
    ("taken in 1998" and "taken ... paid in 1999" are two events), and the same ordinals
    (the first and the second round of talks are two events)."""
    shared = first.words & second.words
    smaller = min(len(first.words), len(second.words))
    return (len(shared) >= MIN_SHARED_EVENT_TERMS and len(shared) >= MIN_OVERLAP * smaller
            and first.ordinals == second.ordinals and not shared.isdisjoint(first.near_date)
            and not shared.isdisjoint(second.near_date) and _figures_agree(first.figures, second.figures))


def _event_terms(sentence: Sentence) -> set[str]:
    return lower_terms(sentence.text) - {"year", "month", "day"}


def _events(described: list[_DatedReport]) -> list[list[int]]:
    """Sentences that state the same event (most of their words, and the same figures), chained together."""
    events = DisjointSet(len(described))
    for first, second in pairs_sharing([event.words for event in described], MIN_SHARED_EVENT_TERMS,
                                       rarest_keys=BLOCKING_KEYS, max_posting=MAX_POSTING):
        if events.find(first) != events.find(second) and _same_event(described[first], described[second]):
            events.union(first, second)
    return events.sets()


def _facing(first: list[int], second: list[int], described: list[_DatedReport],
            dates: list[PartialDate]) -> tuple[int, int] | None:
    """A sentence of each date (incompatible dates) that state the same event themselves: the two to quote. A chain
    can join two dates through sentences in between; then the dates' own reports may be of two
    events, and there is no point. The search stops after `MAX_FACING_CHECKS` comparisons."""
    checks = 0
    for one in first:
        for other in second:
            if not dates[one].compatible(dates[other]) and _same_event(described[one], described[other]):
                return one, other
            checks += 1
            if checks >= MAX_FACING_CHECKS:
                return None
    return None


def _by_date(values: list[PartialDate]) -> list[list[PartialDate]]:
    """Dates that can all be right together ("2020", "2020-01"), in clusters."""
    clusters: list[list[PartialDate]] = []
    for value in sorted(set(values)):
        home = next((cluster for cluster in clusters if all(value.compatible(other) for other in cluster)), None)
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
    groups = copies((sentence for sentence in statements(corpus) if len(absolute_dates(sentence)) == 1),
                    key=lambda sentence: (sentence.text, absolute_dates(sentence)))
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
        first_sentences, second_sentences = (
            list(groups[head]) + [copy for _, copy in sorted(((dates[index], copy.article, copy.position), copy)
                                                             for index in side if index != head
                                                             for copy in groups[index])]
            for head, side in zip(quoted, sides, strict=True))
        if outlets(first_sentences) == outlets(second_sentences):
            continue
        shared = _event_terms(first_sentences[0]) & _event_terms(second_sentences[0])
        when = [max(cluster, key=lambda value: value.parts) for cluster in values]
        subject = shared_phrase(first_sentences[0].text, shared) or " ".join(sorted(shared)[:3])
        candidates.append(Candidate(
            kind="date", title=f"When {subject}: {when[0]} or {when[1]}?",
            sides=[CandidateSide(label=str(when[0]), sentences=first_sentences),
                   CandidateSide(label=str(when[1]), sentences=second_sentences)],
            evidence=len(shared) / min(len(_event_terms(first_sentences[0])), len(_event_terms(second_sentences[0]))),
            expand=False))
    return candidates
