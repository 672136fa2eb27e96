"""The timeline: dated events, one entry per event, merged across sources.

An event is a fact group whose sentences carry a resolved date. Each date a group's
sentences give becomes an entry (the date most of its outlets give weighs most); entries
of one date that share their wording are merged, so an event reported in different
words by different groups still appears once. `weight` ranks entries for a page that
shows only the heaviest: how many outlets report the event, how central it is to the
story, and how many outlets mention that date at all (the story's significant dates).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from digest.analysis.corpus import Corpus, Sentence, content_tokens
from digest.analysis.grouping import FactGroup
from digest.analysis.ids import entry_id
from digest.language.times import PartialDate
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
class _EntryDraft:
    """An entry being assembled: a date and the sentences that place an event on it."""

    date: PartialDate
    """The date of the entry."""
    sentences: list[Sentence]
    """Sentences reporting it, those that state the date first; at most one per article."""
    centrality: float
    """The group's centrality (see `FactGroup.centrality`)."""
    factor: float
    """1 for a group's main date, `SECONDARY_DATE` for another date its sentences give."""
    clause: set[str]
    """Words of the clause about the date in the first sentence (see `_around_date`), computed once."""


def _date_votes(group: FactGroup) -> Counter[PartialDate]:
    """How many outlets of the group give each date."""
    by_outlet: dict[str, set[PartialDate]] = {}
    for sentence in group.sentences:
        by_outlet.setdefault(sentence.outlet, set()).update(d.value for d in sentence.dates if d.value)
    return Counter(value for values in by_outlet.values() for value in values)


def _events(group: FactGroup) -> list[_EntryDraft]:
    """The group's dated events: its main date, which takes every sentence that gives it at any precision
    ("in 2020", "January 2020" and "January 3, 2020" tell one event, dated by the finest), then each date
    that conflicts with it, as a secondary event."""
    votes = _date_votes(group)
    if not votes:
        return []
    support = {value: sum(count for other, count in votes.items() if value.compatible(other)) for value in votes}
    ranked = sorted(votes, key=lambda value: (-support[value], -votes[value], -value.parts, value))
    main = ranked[0]
    while finer := [value for value in votes if value.parts > main.parts and main.covers(value)]:
        # "March 2023" gathers the support of its days: the event is dated by the day most of them give.
        main = min(finer, key=lambda value: (-support[value], -votes[value], value.parts, value))
    events = []
    for value in [main, *(value for value in ranked[1:] if not value.compatible(main))]:
        dated = [sentence for sentence in group.sentences if any(d.value == value for d in sentence.dates)]
        if value == main:
            # A sentence is told apart by its reference (article, index): cheaper than comparing whole sentences.
            taken = {sentence.ref for sentence in dated}
            dated += [sentence for sentence in group.sentences if sentence.ref not in taken
                      and any(d.value and d.value.compatible(value) for d in sentence.dates)]
            taken = {sentence.ref for sentence in dated}
            # The main date also takes the sentences that give no date, when the date is the group's point
            # (at least half its outlets give it): they report the same fact. When only an aside dates the
            # fact ("... the coalition, set up in 2014"), the others say nothing about that date.
            # A sentence that gives a conflicting date is not a source for this one.
            dated_outlets = {sentence.outlet for sentence in dated}
            others = [sentence for sentence in group.sentences
                      if sentence.ref not in taken and _supports(sentence, value)] \
                if 2 * len(dated_outlets) >= len(group.outlets) else []
        else:
            others = []
        sentences = dated + others  # the sentences that state the date come first: one of them is quoted
        events.append(_EntryDraft(value, sentences, group.centrality, 1.0 if value == main else SECONDARY_DATE,
                             _around_date(sentences[0], value)))
    return events


def _overlap(first: Sentence, second: Sentence) -> float:
    shared = len(set(first.tokens) & set(second.tokens))
    return shared / max(1, min(len(first.tokens), len(second.tokens)))


def _around_date(sentence: Sentence, value: PartialDate) -> set[str]:
    """The words of the clause that holds the date: what happened then, without the rest of the sentence."""
    for expression in sentence.dates:
        if expression.value and expression.value.compatible(value):
            before = sentence.text[max(0, expression.start - DATE_WINDOW[0]) : expression.start]
            after = sentence.text[expression.end : expression.end + DATE_WINDOW[1]]
            # Whole words only: drop the pieces the window cut.
            before = before.split(None, 1)[-1] if expression.start > DATE_WINDOW[0] else before
            after = after.rsplit(None, 1)[0] if len(sentence.text) - expression.end > DATE_WINDOW[1] else after
            return set(content_tokens(f"{before} {after}"))
    return set()


def _same_event(first: _EntryDraft, second: _EntryDraft) -> bool:
    """Two entries tell one event when their sentences share most words, or their clauses about the date
    share at least two words and most of them."""
    if _overlap(first.sentences[0], second.sentences[0]) >= MERGE_OVERLAP:
        return True
    shared = len(first.clause & second.clause)
    return shared >= 2 and shared >= CLAUSE_OVERLAP * min(len(first.clause), len(second.clause))


def _merge_same_date(events: list[_EntryDraft]) -> list[_EntryDraft]:
    by_date: dict[PartialDate, list[_EntryDraft]] = {}
    for event in events:
        by_date.setdefault(event.date, []).append(event)
    # A sentence that already tells one entry's event, naming another date that has an entry of its own, points
    # back at that entry ("... leading to their return in 2014" beside "The coalition was established in 2014"):
    # it supports that entry rather than repeat itself on the timeline.
    headlines = {event.sentences[0].ref for event in events if event.factor == 1}
    merged: list[_EntryDraft] = []
    for value in sorted(by_date):
        kept: list[_EntryDraft] = []
        for event in sorted(by_date[value], key=lambda event: event.factor < 1):
            repeated = event.factor < 1 and event.sentences[0].ref in headlines and kept and kept[0].factor == 1
            target = kept[0] if repeated else next((other for other in kept if _same_event(other, event)), None)
            if target is None:
                kept.append(_EntryDraft(event.date, list(event.sentences), event.centrality, event.factor,
                                        event.clause))
                continue
            _absorb(target, event)
        merged.extend(kept)
    return merged


def _absorb(target: _EntryDraft, event: _EntryDraft) -> None:
    articles = {sentence.article for sentence in target.sentences}
    target.sentences.extend(sentence for sentence in event.sentences if sentence.article not in articles)
    target.centrality = max(target.centrality, event.centrality)
    target.factor = max(target.factor, event.factor)


def _merge_near_dates(events: list[_EntryDraft]) -> list[_EntryDraft]:
    """One event told as "on March 3" by some sources, "March 4" (a late report, a time zone), "in March" or
    "in 2021" by others: entries of near or compatible dates in the same words merge. Finer dates are taken
    first, so a coarse mention joins the finest entry it fits; between two days, the one most outlets give."""
    ranked = sorted(events, key=lambda event: (-event.date.parts, -len({member.outlet for member in event.sentences}),
                                               event.date, event.sentences[0].ref.article,
                                               event.sentences[0].ref.index))
    kept: list[_EntryDraft] = []
    # Where kept entries are, by their date and by each coarser form of it ("2021-03-05" under "2021-03" and
    # "2021" too): a long story has hundreds of entries a year, and each is compared with its near ones only.
    # Near dates may name one event: one contains the other ("2021-03", "2021-03-03"), or they are a day apart.
    dated: dict[PartialDate, list[int]] = {}
    within: dict[PartialDate, list[int]] = {}
    for event in ranked:
        near = {position for value in _near_values(event.date) for position in dated.get(value, ())}
        near.update(within.get(event.date, ()))
        target = next((kept[position] for position in sorted(near)  # first kept first, as without the index
                       if _same_near(kept[position], event)), None)
        if target is None:
            dated.setdefault(event.date, []).append(len(kept))
            for value in (*event.date.coarser(), event.date):
                within.setdefault(value, []).append(len(kept))
            kept.append(event)
        else:
            _absorb(target, event)
    # Within a year, entries stay in the order they were kept (the sort is stable).
    return sorted(kept, key=lambda event: event.date.year)


def _near_values(value: PartialDate) -> list[PartialDate]:
    """Dates near `value` that it does not cover: each coarser form of it, and for a day the days either side in
    the same year (entries of different years are never compared)."""
    near = list(value.coarser())
    if value.parts == 3:
        near += [other for other in (value.day_after(-1), value.day_after(1)) if other.year == value.year]
    return near


def _same_near(first: _EntryDraft, second: _EntryDraft) -> bool:
    """Entries of near dates tell one event when their sentences share most words, or their clauses about the
    date share most words and a name."""
    if _overlap(first.sentences[0], second.sentences[0]) >= NEAR_OVERLAP:
        return True
    shared = first.clause & second.clause
    names = {word.lower() for name in first.sentences[0].names for word in name.split()}
    named = any(token[:4] in {name[:4] for name in names} for token in shared)
    return named and len(shared) >= 2 and len(shared) >= CLAUSE_OVERLAP * min(len(first.clause), len(second.clause))


def _date_salience(corpus: Corpus) -> Counter[PartialDate]:
    """How many outlets mention each date (any precision) in their statements."""
    by_outlet: dict[str, set[PartialDate]] = {}
    for sentence in corpus.sentences:
        by_outlet.setdefault(sentence.outlet, set()).update(d.value for d in sentence.dates if d.value)
    return Counter(value for values in by_outlet.values() for value in values)


def _supports(sentence: Sentence, value: PartialDate) -> bool:
    """A sentence supports a date when it gives that date, or gives no conflicting one."""
    given = [d.value for d in sentence.dates if d.value]
    return not given or any(value.compatible(other) for other in given)


def _entry(event: _EntryDraft, salience: Counter[PartialDate], story_start: date | None) -> TimelineEntry:
    outlets = {sentence.outlet for sentence in event.sentences}
    sentences = sorted(event.sentences, key=lambda sentence: (-_centrality_of(sentence, event), sentence.ref.article,
                                                              sentence.ref.index))
    quoted = sentences[0]
    others = sorted(sentences[1:], key=lambda sentence: (sentence.article, sentence.ref.index))
    ordered = [quoted, *others]
    articles = len({sentence.article for sentence in event.sentences})
    weight = (len(outlets) + ARTICLE_WEIGHT * math.log2(1 + articles) + event.centrality
              + DATE_SALIENCE * salience[event.date]) * event.factor
    weight *= PRECISION_FACTOR[event.date.parts - 1]
    if story_start is not None and event.date.last_day < story_start - BACKGROUND_AGE:
        weight *= BACKGROUND
    dated = [sentence for sentence in event.sentences if any(d.value == event.date for d in sentence.dates)]
    if dated and all(_speech_date(sentence, event.date) for sentence in dated):
        weight *= SPEECH_DATE
    return TimelineEntry(
        id=entry_id(event.date, quoted.text),
        date=event.date,
        event=Cited(
            text=quoted.text,
            sources=tuple(sentence.article for sentence in ordered),
            refs=tuple(sentence.ref for sentence in ordered),
        ),
        weight=weight,
    )


def _speech_date(sentence: Sentence, value: PartialDate) -> bool:
    """The date only says when someone spoke ("..., the minister said on Tuesday"), not when something happened."""
    return any(d.value == value and _SPEECH_BEFORE.search(sentence.text, max(0, d.start - _SPEECH_REACH), d.start)
               for d in sentence.dates)


def _story_start(corpus: Corpus) -> date | None:
    """The first publication date of the topic's articles (None when none is known)."""
    return min((sentence.published for sentence in corpus.sentences if sentence.published), default=None)


def _centrality_of(sentence: Sentence, event: _EntryDraft) -> float:
    """Quote a sentence that states the date, plainly (absolute) if possible, with the date early in it
    (the event is its main point, not an aside), early in its article."""
    dated = [d for d in sentence.dates if d.value == event.date]
    if not dated:
        return (1.0 - sentence.share) * 0.5
    early = 1.0 - dated[0].start / max(1, len(sentence.text))
    return 2.0 + (1.0 if any(not d.relative for d in dated) else 0.0) + early + (1.0 - sentence.share) * 0.5


def build_timeline(corpus: Corpus, groups: tuple[FactGroup, ...]) -> tuple[TimelineEntry, ...]:
    """Every dated event of the topic, in date order, each with its weight."""
    events = [event for group in groups for event in _events(group)]
    salience = _date_salience(corpus)
    start = _story_start(corpus)
    entries = [_entry(event, salience, start) for event in _merge_near_dates(_merge_same_date(events))]
    by_date: dict[PartialDate, list[TimelineEntry]] = {}
    for entry in entries:
        by_date.setdefault(entry.date, []).append(entry)
    result = []
    for value in sorted(by_date):
        ranked = sorted(by_date[value], key=lambda entry: (-entry.weight, entry.id))
        for rank, entry in enumerate(ranked):
            result.append(TimelineEntry(entry.id, entry.date, entry.event,
                                        round(entry.weight * SAME_DATE_DECAY ** rank, 4)))
    return tuple(sorted(result, key=lambda entry: (entry.date, -entry.weight, entry.id)))
