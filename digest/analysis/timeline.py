"""The timeline: dated events, one entry per event, merged across sources.

An event is a fact group whose sentences carry a resolved date. Each date a group's
sentences give becomes an entry (the date most of its outlets give weighs most); entries
of one date that share their wording are merged, so an event reported in different
words by different groups still appears once. `weight` ranks entries for a page that
shows only the heaviest: how many outlets report the event, how central it is to the
story, and how many outlets mention that date at all (the story's significant dates).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from digest.analysis.corpus import Corpus, Unit, content_tokens
from digest.analysis.dates import date_sort_key
from digest.analysis.grouping import FactGroup
from digest.content import fold
from digest.model import Cited, TimelineEntry

DATE_WINDOW = (45, 25)
"""Characters before and after a date that make up "the clause about the date" (the subject and verb
of "X happened in DATE" come before it)."""
CLAUSE_OVERLAP = 0.4
"""Share of common words (of the shorter clause) from which two clauses about one date tell one event."""
MERGE_OVERLAP = 0.3
"""Share of common words (of the shorter sentence) from which two entries of one date are one event."""
NEAR_OVERLAP = 0.5
"""Share of common words from which entries of near dates (a day apart, or a day and its month) are one event."""
SECONDARY_DATE = 0.6
"""Weight factor of a date that is not the group's main date (a sentence that names two dates)."""
DATE_SALIENCE = 0.5
"""Weight per outlet that mentions the entry's date anywhere: a date many outlets name, in whatever words,
is one of the story's significant dates."""
PRECISION_FACTOR = (0.7, 0.85, 1.0)
"""Weight factor by precision (year, month, day): "in 2014" is often background, a day is an event."""
ARTICLE_WEIGHT = 1.0
"""Weight per doubling of the articles reporting the event: on a long story every key event has all the outlets,
and the articles tell which events the story kept coming back to."""
BACKGROUND = 0.6
"""Weight factor of a date that ended more than `BACKGROUND_AGE` before the first article: history that explains
the story, rarely one of its events."""
BACKGROUND_AGE = timedelta(days=365)
SPEECH_DATE = 0.5
"""Weight factor of a date that only says when someone spoke ("..., she said on Tuesday")."""
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|told\s+[\w\s]{0,30}?|stated|added|wrote|commented|remarked|"
                            r"tweeted|posted)\s+(?:on\s+|late\s+|early\s+)?$", re.IGNORECASE)
_SPEECH_REACH = 64
"""Characters before a date that `_SPEECH_BEFORE` reads: more than its longest match in a sentence (spaces are
single), and the same few for each of the many dates a long text may have."""
SAME_DATE_DECAY = 0.5
"""Each further entry of the same date weighs this much less, so the heaviest entries span many dates."""


@dataclass(slots=True)
class _Event:
    """An entry being assembled: a date and the sentences that place an event on it."""

    date: str
    """YYYY, YYYY-MM or YYYY-MM-DD."""
    units: list[Unit]
    """Sentences reporting it, those that state the date first; at most one per article."""
    centrality: float
    """The group's centrality (see `FactGroup.centrality`)."""
    factor: float
    """1 for a group's main date, `SECONDARY_DATE` for another date its sentences give."""
    clause: set[str]
    """Words of the clause about the date in the first sentence (see `_around_date`), computed once."""


def _date_votes(group: FactGroup) -> Counter[str]:
    """How many outlets of the group give each date."""
    by_outlet: dict[str, set[str]] = {}
    for unit in group.units:
        by_outlet.setdefault(unit.outlet, set()).update(d.value for d in unit.dates if d.value)
    return Counter(value for values in by_outlet.values() for value in values)


def _events(group: FactGroup) -> list[_Event]:
    """The group's dated events: its main date, which takes every sentence that gives it at any precision
    ("in 2020", "January 2020" and "January 3, 2020" tell one event, dated by the finest), then each date
    that conflicts with it, as a secondary event."""
    votes = _date_votes(group)
    if not votes:
        return []
    support = {value: sum(count for other, count in votes.items() if _compatible(value, other)) for value in votes}
    ranked = sorted(votes, key=lambda value: (-support[value], -votes[value], -value.count("-"),
                                              date_sort_key(value), value))
    main = ranked[0]
    while finer := [value for value in votes if len(value) > len(main) and value.startswith(main)]:
        # "March 2023" gathers the support of its days: the event is dated by the day most of them give.
        main = min(finer, key=lambda value: (-support[value], -votes[value], len(value), value))
    events = []
    for value in [main, *(value for value in ranked[1:] if not _compatible(value, main))]:
        dated = [unit for unit in group.units if any(d.value == value for d in unit.dates)]
        if value == main:
            # A sentence is told apart by its reference (article, index): cheaper than comparing whole units.
            taken = {unit.ref for unit in dated}
            dated += [unit for unit in group.units if unit.ref not in taken
                      and any(d.value and _compatible(d.value, value) for d in unit.dates)]
            taken = {unit.ref for unit in dated}
            # The main date also takes the sentences that give no date, when the date is the group's point
            # (at least half its outlets give it): they report the same fact. When only an aside dates the
            # fact ("... the coalition, set up in 2014"), the others say nothing about that date.
            # A sentence that gives a conflicting date is not a source for this one.
            dated_outlets = {unit.outlet for unit in dated}
            others = [unit for unit in group.units if unit.ref not in taken and _supports(unit, value)] \
                if 2 * len(dated_outlets) >= len(group.outlets) else []
        else:
            others = []
        units = dated + others  # the sentences that state the date come first: one of them is quoted
        events.append(_Event(value, units, group.centrality, 1.0 if value == main else SECONDARY_DATE,
                             _around_date(units[0], value)))
    return events


def _overlap(first: Unit, second: Unit) -> float:
    shared = len(set(first.tokens) & set(second.tokens))
    return shared / max(1, min(len(first.tokens), len(second.tokens)))


def _around_date(unit: Unit, value: str) -> set[str]:
    """The words of the clause that holds the date: what happened then, without the rest of the sentence."""
    for expression in unit.dates:
        if expression.value and _compatible(expression.value, value):
            before = unit.text[max(0, expression.start - DATE_WINDOW[0]) : expression.start]
            after = unit.text[expression.end : expression.end + DATE_WINDOW[1]]
            # Whole words only: drop the pieces the window cut.
            before = before.split(None, 1)[-1] if expression.start > DATE_WINDOW[0] else before
            after = after.rsplit(None, 1)[0] if len(unit.text) - expression.end > DATE_WINDOW[1] else after
            return set(content_tokens(f"{before} {after}"))
    return set()


def _same_event(first: _Event, second: _Event) -> bool:
    """Two entries tell one event when their sentences share most words, or their clauses about the date
    share at least two words and most of them."""
    if _overlap(first.units[0], second.units[0]) >= MERGE_OVERLAP:
        return True
    shared = len(first.clause & second.clause)
    return shared >= 2 and shared >= CLAUSE_OVERLAP * min(len(first.clause), len(second.clause))


def _merge_same_date(events: list[_Event]) -> list[_Event]:
    by_date: dict[str, list[_Event]] = {}
    for event in events:
        by_date.setdefault(event.date, []).append(event)
    # A sentence that already tells one entry's event, naming another date that has an entry of its own, points
    # back at that entry ("... leading to their return in 2014" beside "The coalition was established in 2014"):
    # it supports that entry rather than repeat itself on the timeline.
    headlines = {event.units[0].ref for event in events if event.factor == 1}
    merged: list[_Event] = []
    for value in sorted(by_date, key=date_sort_key):
        kept: list[_Event] = []
        for event in sorted(by_date[value], key=lambda event: event.factor < 1):
            repeated = event.factor < 1 and event.units[0].ref in headlines and kept and kept[0].factor == 1
            target = kept[0] if repeated else next((other for other in kept if _same_event(other, event)), None)
            if target is None:
                kept.append(_Event(event.date, list(event.units), event.centrality, event.factor, event.clause))
                continue
            _absorb(target, event)
        merged.extend(kept)
    return merged


def _absorb(target: _Event, event: _Event) -> None:
    articles = {unit.article for unit in target.units}
    target.units.extend(unit for unit in event.units if unit.article not in articles)
    target.centrality = max(target.centrality, event.centrality)
    target.factor = max(target.factor, event.factor)


def _merge_near_dates(events: list[_Event]) -> list[_Event]:
    """One event told as "on March 3" by some sources, "March 4" (a late report, a time zone), "in March" or
    "in 2021" by others: entries of near or compatible dates in the same words merge. Finer dates are taken
    first, so a coarse mention joins the finest entry it fits; between two days, the one most outlets give."""
    ranked = sorted(events, key=lambda event: (-len(event.date), -len({unit.outlet for unit in event.units}),
                                               event.date, event.units[0].ref.article, event.units[0].ref.index))
    kept: list[_Event] = []
    # Where kept entries are, by their date and by each coarser form of it ("2021-03-05" under "2021-03" and
    # "2021" too): a long story has hundreds of entries a year, and each is compared with its near ones only.
    # Near dates may name one event: one contains the other ("2021-03", "2021-03-03"), or they are a day apart.
    dated: dict[str, list[int]] = {}
    within: dict[str, list[int]] = {}
    for event in ranked:
        near = {position for value in _near_values(event.date) for position in dated.get(value, ())}
        near.update(within.get(event.date, ()))
        target = next((kept[position] for position in sorted(near)  # first kept first, as without the index
                       if _same_near(kept[position], event)), None)
        if target is None:
            dated.setdefault(event.date, []).append(len(kept))
            parts = event.date.split("-")
            for length in range(1, len(parts) + 1):
                within.setdefault("-".join(parts[:length]), []).append(len(kept))
            kept.append(event)
        else:
            _absorb(target, event)
    # Within a year, entries stay in the order they were kept (the sort is stable).
    return sorted(kept, key=lambda event: event.date[:4])


def _near_values(value: str) -> list[str]:
    """Dates near `value` that do not start with it: each coarser form of it, and for a day the days either
    side in the same year (entries of different years are never compared)."""
    parts = value.split("-")
    near = ["-".join(parts[:length]) for length in range(1, len(parts))]
    if len(parts) == 3:
        day = date.fromisoformat(value)
        near += [other.isoformat() for other in (day - timedelta(days=1), day + timedelta(days=1))
                 if other.year == day.year]
    return near


def _same_near(first: _Event, second: _Event) -> bool:
    """Entries of near dates tell one event when their sentences share most words, or their clauses about the
    date share most words and a name."""
    if _overlap(first.units[0], second.units[0]) >= NEAR_OVERLAP:
        return True
    shared = first.clause & second.clause
    names = {word.lower() for name in first.units[0].names for word in name.split()}
    named = any(token[:4] in {name[:4] for name in names} for token in shared)
    return named and len(shared) >= 2 and len(shared) >= CLAUSE_OVERLAP * min(len(first.clause), len(second.clause))


def _date_salience(corpus: Corpus) -> Counter[str]:
    """How many outlets mention each date (any precision) in their statements."""
    by_outlet: dict[str, set[str]] = {}
    for unit in corpus.units:
        by_outlet.setdefault(unit.outlet, set()).update(d.value for d in unit.dates if d.value)
    return Counter(value for values in by_outlet.values() for value in values)


def _supports(unit: Unit, value: str) -> bool:
    """A sentence supports a date when it gives that date, or gives no conflicting one."""
    given = [d.value for d in unit.dates if d.value]
    return not given or any(_compatible(value, other) for other in given)


def _compatible(first: str, second: str) -> bool:
    """"2021" and "2021-03-05" can name the same day; "2021-03-05" and "2021-03-20" cannot."""
    return first.startswith(second) or second.startswith(first)


def _entry(event: _Event, salience: Counter[str], story_start: date | None) -> TimelineEntry:
    outlets = {unit.outlet for unit in event.units}
    units = sorted(event.units, key=lambda unit: (-_centrality_of(unit, event), unit.ref.article, unit.ref.index))
    quoted = units[0]
    others = sorted((unit for unit in units[1:]), key=lambda unit: (unit.article, unit.ref.index))
    ordered = [quoted, *others]
    articles = len({unit.article for unit in event.units})
    weight = (len(outlets) + ARTICLE_WEIGHT * math.log2(1 + articles) + event.centrality
              + DATE_SALIENCE * salience[event.date]) * event.factor
    weight *= PRECISION_FACTOR[event.date.count("-")]
    if story_start is not None and _date_end(event.date) < story_start - BACKGROUND_AGE:
        weight *= BACKGROUND
    dated = [unit for unit in event.units if any(d.value == event.date for d in unit.dates)]
    if dated and all(_speech_date(unit, event.date) for unit in dated):
        weight *= SPEECH_DATE
    return TimelineEntry(
        id=hashlib.sha1(f"{event.date} {fold(quoted.text)}".encode()).hexdigest()[:12],
        date=event.date,
        event=Cited(
            text=quoted.text,
            sources=tuple(unit.article for unit in ordered),
            refs=tuple(unit.ref for unit in ordered),
        ),
        weight=weight,
    )


def _date_end(value: str) -> date:
    """The last day a date (of any precision) covers."""
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        return date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1) - timedelta(days=1)
    return date(parts[0], 12, 31)


def _speech_date(unit: Unit, value: str) -> bool:
    """The date only says when someone spoke ("..., the minister said on Tuesday"), not when something happened."""
    return any(d.value == value and _SPEECH_BEFORE.search(unit.text, max(0, d.start - _SPEECH_REACH), d.start)
               for d in unit.dates)


def _story_start(corpus: Corpus) -> date | None:
    """The first publication date of the topic's articles (None when none is known)."""
    return min((unit.published for unit in corpus.units if unit.published), default=None)


def _centrality_of(unit: Unit, event: _Event) -> float:
    """Quote a sentence that states the date, plainly (absolute) if possible, with the date early in it
    (the event is its main point, not an aside), early in its article."""
    dated = [d for d in unit.dates if d.value == event.date]
    if not dated:
        return (1.0 - unit.share) * 0.5
    early = 1.0 - dated[0].start / max(1, len(unit.text))
    return 2.0 + (1.0 if any(not d.relative for d in dated) else 0.0) + early + (1.0 - unit.share) * 0.5


def build_timeline(corpus: Corpus, groups: tuple[FactGroup, ...]) -> tuple[TimelineEntry, ...]:
    """Every dated event of the topic, in date order, each with its weight."""
    events = [event for group in groups for event in _events(group)]
    salience = _date_salience(corpus)
    start = _story_start(corpus)
    entries = [_entry(event, salience, start) for event in _merge_near_dates(_merge_same_date(events))]
    by_date: dict[str, list[TimelineEntry]] = {}
    for entry in entries:
        by_date.setdefault(entry.date, []).append(entry)
    result = []
    for value in sorted(by_date, key=date_sort_key):
        ranked = sorted(by_date[value], key=lambda entry: (-entry.weight, entry.id))
        for rank, entry in enumerate(ranked):
            result.append(TimelineEntry(entry.id, entry.date, entry.event,
                                        round(entry.weight * SAME_DATE_DECAY ** rank, 4)))
    return tuple(sorted(result, key=lambda entry: (date_sort_key(entry.date), -entry.weight, entry.id)))
