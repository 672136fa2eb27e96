"""What a sentence states beyond its words (figures, dates, names, quotations), and how that evidence weighs
when two sentences are compared: shared facts raise their score, conflicting ones lower it."""

from __future__ import annotations

import math
import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from digest.analysis.corpus import Sentence, content_tokens
from digest.language.times import PartialDate
from digest.memo import per_topic

QUANTITY_BONUS = 0.25
"""Added for a shared telling figure (half for a figure under 100)."""
DATE_BONUS = 0.15
"""Added per shared resolved date (two at most)."""
NAME_BONUS = 0.05
"""Added per shared name word (three at most)."""
VERBATIM = 0.8
"""Word overlap from which two sentences match on their words alone (a repeated stock sentence)."""
WEAK_EVIDENCE = 0.6
"""Factor on the score of a pair that shares only common words, no figure, date or rare word."""
APPROXIMATE_SPREAD = 0.25
"""An approximate figure ("about 4,000") agrees with figures this close (as a share of the larger)."""
QUOTE_OVERLAP = 0.3
"""Share of quoted words (of the shorter quotation) below which two quotations say different things."""
CONFLICT_PENALTY = 0.3
"""Taken off when the two give incompatible dates, or different counts of the same thing."""
_QUOTE = re.compile(r"\u201c([^\u201d]{8,})\u201d|\"([^\"]{8,})\"")
"""A quotation: in curly or straight double quotes."""
Counted = dict[str, frozenset[tuple[float, bool]]]
"""Figures by the thing they count (see `Evidence.counted`)."""
CountedItems = tuple[tuple[str, frozenset[tuple[float, bool]]], ...]
"""`Counted` as sorted items, hashable."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a sentence states beyond its words, read once: two sentences are compared on it many times."""

    figures: frozenset[float]
    """Telling figures: values from 10 up, or with decimals ("23 dead", "$1.4 billion")."""
    dates: frozenset[PartialDate]
    """Resolved dates."""
    name_words: frozenset[str]
    """Words of its capitalised names."""
    quoted: frozenset[str]
    """Content words inside quotation marks: what a speaker is quoted as saying."""
    counted: CountedItems
    """Figures by the thing they count ("people" -> {(23, False)}; '' for a figure from 10 up that names no
    thing, "the toll rose to 25"), each with whether it is approximate ("about 4,000")."""

    @classmethod
    def of(cls, sentence: Sentence) -> Evidence:
        counted: dict[str, set[tuple[float, bool]]] = {}
        for quantity in sentence.quantities:
            if quantity.counts or quantity.value >= 10:
                counted.setdefault(quantity.counts, set()).add((quantity.value, quantity.approximate))
        return cls(
            figures=frozenset(q.value for q in sentence.quantities if q.value >= 10 or q.value != int(q.value)),
            dates=frozenset(d.value for d in sentence.dates if d.value),
            name_words=frozenset(word for name in sentence.names for word in name.split()),
            quoted=frozenset(token for match in _QUOTE.finditer(sentence.text)
                             for token in content_tokens(match.group(1) or match.group(2))),
            counted=tuple(sorted((noun, frozenset(values)) for noun, values in counted.items())),
        )


def read_evidence(statements: list[Sentence]) -> list[Evidence]:
    """Each statement's `Evidence`, read once per sentence text and dates: news copies repeat sentences."""
    read: dict[tuple, Evidence] = {}
    found = []
    for sentence in statements:
        key = (sentence.text, sentence.quantities, frozenset(d.value for d in sentence.dates if d.value))
        evidence = read.get(key)
        if evidence is None:
            evidence = read[key] = Evidence.of(sentence)
        found.append(evidence)
    return found


def _number_evidence(value: float) -> float:
    """How much a shared figure says: "40,000 vehicles" in two sentences is telling, "12 people" less so."""
    return QUANTITY_BONUS if value >= 100 or value != int(value) else QUANTITY_BONUS / 2


def date_values_conflict(left: AbstractSet[PartialDate], right: AbstractSet[PartialDate]) -> bool:
    """Both sentences date what they say, and no date of one can name a day of the other, give or take a day
    (see `PartialDate.near`): two events."""
    return bool(left and right) and not any(a.near(b) for a in left for b in right)


def counts_conflict(left: Counted, right: Counted) -> bool:
    """Two sentences or clusters that count the same thing with no figure in common ("23 people", "25 people";
    "about 3 weeks", "about 57 weeks"): one group would cite a source for a figure it does not give. A figure
    that names no thing ("rose to 25") counts what the other side counts when that side counts one thing only."""
    if any(noun in right and not _agree(values, right[noun]) for noun, values in left.items()):
        return True
    for bare, counted in ((left, right), (right, left)):
        if len(bare) != 1 or "" not in bare:
            continue
        nouns = [noun for noun in counted if noun]
        if len(nouns) == 1 and not _agree(bare[""], counted[nouns[0]]):
            return True
    return False


def _agree(left: frozenset[tuple[float, bool]], right: frozenset[tuple[float, bool]]) -> bool:
    """Some figure of one side is the other's: equal, or within `APPROXIMATE_SPREAD` when either is approximate."""
    return any(a == b or ((hedged or hedged_too) and abs(a - b) <= APPROXIMATE_SPREAD * max(a, b))
               for a, hedged in left for b, hedged_too in right)


@per_topic(65536)
def _figures_conflict(first: CountedItems, second: CountedItems) -> bool:
    """Both count the same thing ("23 people", "25 people") with no figure in common: not one fact as told.
    Approximate figures ("about 4,000") leave room and never conflict. Takes `Evidence.counted`, and is cached:
    news copies repeat their figures, so the same two counts meet again and again."""
    return bool(first and second) and counts_conflict(dict(first), dict(second))


def _shared_dates(first: Evidence, second: Evidence) -> float:
    """Dates both give: 1 per date given alike, a half per date one gives coarser ("2020" and "January 2020")."""
    same = first.dates & second.dates
    coarser = {a for a in first.dates - same for b in second.dates - same if a.compatible(b)}
    return len(same) + 0.5 * len(coarser)


SharedFacts = tuple[int, float, int, bool, bool]
"""Shared figures, their bonus (two at most), shared name words, different counts of one thing, different
quotations."""


def similarity(lexical: float, informative: int, facts: SharedFacts, dated: tuple[float, bool]) -> float:
    """Word overlap plus evidence that both state the same figures, dates and names, minus evidence that
    they do not (different dates, different counts of one thing, different quotations).

    `informative` is how many words the two share that most articles do not use. Each shared figure or date
    counts as one more; below two such pieces of evidence the sentences only share the story's common
    vocabulary, and their overlap is discounted unless it is near verbatim. `facts` is `facts_in_common` and
    `dated` is `dates_in_common` of the two sentences' evidence.
    """
    numbers, number_bonus, names, counts_differ, quotes_differ = facts
    shared_dates, dates_differ = dated
    score = lexical
    if informative + numbers + math.ceil(shared_dates) >= 2:
        score += number_bonus + DATE_BONUS * min(2.0, shared_dates) + NAME_BONUS * min(3, names)
    elif lexical < VERBATIM:
        score *= WEAK_EVIDENCE
    if dates_differ:
        score -= CONFLICT_PENALTY
    if counts_differ:
        score -= CONFLICT_PENALTY
    if quotes_differ:
        score -= CONFLICT_PENALTY
    return score


def facts_in_common(first: Evidence, second: Evidence) -> SharedFacts:
    """What two sentences' figures, names and quotations say about whether they state one fact."""
    figures = first.figures & second.figures
    return (len(figures), sum(map(_number_evidence, sorted(figures)[:2])),
            len(first.name_words & second.name_words),
            bool(first.counted and second.counted) and _figures_conflict(first.counted, second.counted),
            _quotes_differ(first, second))


def dates_in_common(first: Evidence, second: Evidence) -> tuple[float, bool]:
    """Dates two sentences share (see `_shared_dates`), and whether their dates cannot name one day."""
    return (_shared_dates(first, second) if first.dates and second.dates else 0.0,
            date_values_conflict(first.dates, second.dates))


def _quotes_differ(first: Evidence, second: Evidence) -> bool:
    """Both quote someone, in words they barely share: two statements, however alike the "X, the governor,
    said" around them."""
    if len(first.quoted) < 3 or len(second.quoted) < 3:
        return False
    return len(first.quoted & second.quoted) < QUOTE_OVERLAP * min(len(first.quoted), len(second.quoted))
