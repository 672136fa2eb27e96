"""Number points: one figure described as different things, or one count given as different figures.

"900 troops in Syria" against "approximately 900 troops from multiple countries" is the
same figure described differently; "officials say 1,200 families in Eastport" against
"3,000 families in Eastport, a charity estimates" is one count given differently. A count
that changes over weeks is an update, not a dispute: differing counts are only compared
between articles published close together, and only where the wording says whose figure
each is (two different speakers) or that the figures compete ("far higher than",
"underestimated", "estimates have varied"). How many values a count has says nothing
either way: an official estimate against independent ones is the commonest real dispute.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from datetime import date

from digest.analysis.contested.base import (
    MAX_POSTING,
    Candidate,
    CandidateSide,
    clean_actor,
    copies,
    outlets,
    statements,
    unique,
)
from digest.analysis.contested.stance import speaker_key
from digest.analysis.corpus import Corpus, Sentence
from digest.language.attribution import PRONOUNS
from digest.language.lexicon import MONTH_NAMES, WEEKDAY_NAMES
from digest.language.quantities import Figure, Quantity, figures
from digest.language.similarity import DisjointSet, pairs_sharing

MAX_DAYS_APART = 7
"""Counts from articles published further apart than this may both be right, at their time."""
COMPETING = re.compile(r"\b(?:far\s+(?:higher|lower|more|fewer)\s+than|(?:under|over)(?:-)?estimat\w*|"
                       r"disput\w*|conflicting|contradict\w*|(?:estimates|figures)\s+(?:have\s+)?(?:varied|vary|differ)\w*|"
                       r"exaggerat\w*|inflated|played\s+down)\b", re.I)
"""Wording that says two figures compete rather than follow one another."""
MIN_VALUE = 10
"""Smaller numbers ("two people", "five days") are too common to compare."""
TOLERANCE = 0.1
"""Hedged figures ("about 2,500") within this share of each other agree."""
_CALENDAR = frozenset(MONTH_NAMES) | frozenset(WEEKDAY_NAMES)
_MONEY = ("dollar", "pound", "euro", "percent")
def number_candidates(corpus: Corpus) -> list[Candidate]:
    """Both kinds of number point, for every counted noun of the topic."""
    mentions: dict[str, list[tuple[Figure, Sentence]]] = {}
    read: dict[str, tuple[tuple[Quantity, ...], list[Figure]]] = {}  # copies of a sentence are read once
    for sentence in statements(corpus):
        if not sentence.quantities:
            continue
        quantities, found = read.get(sentence.text, ((), []))
        if quantities != sentence.quantities:
            found = figures(sentence.text, sentence.quantities)
            read[sentence.text] = (sentence.quantities, found)
        for figure in found:
            if figure.terms and (figure.value >= MIN_VALUE or figure.counts in _MONEY):
                mentions.setdefault(figure.counts, []).append((figure, sentence))
    candidates = []
    for counts in sorted(mentions):
        candidates += _described_differently(mentions[counts])
        candidates += _counted_differently(mentions[counts])
    return candidates


_MANY = re.compile(r"\b(?:multiple|several|many|various|other|member|allied|partner|foreign)\s+"
                   r"(?:countries|nations|states|allies|partners|governments)\b|\b(?:countries|nations)\b", re.I)


def _place_against_many(first: str, second: str) -> bool:
    """Whether one phrase puts a figure in one named place and the other spreads it over many countries ("900
    troops in Syria" against "900 troops from multiple countries"): the one way of describing one figure twice that
    says two different things about it. Any other pair of descriptions ("from the virus", "from the flu") may both be
    true."""
    def named(phrase: str) -> bool:
        return any(word[:1].isupper() for word in phrase.split()[1:])
    return (named(first) and bool(_MANY.search(second))) or (named(second) and bool(_MANY.search(first)))


def _clusters(items: list[tuple[Figure, Sentence]]) -> list[list[tuple[Figure, Sentence]]]:
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


def _related(first: Sentence, second: Sentence, counts: str) -> bool:
    """Two sentences about the same matter: another figure or two other words in common."""
    figures_shared = {q.key for q in first.quantities if q.counts} & {q.key for q in second.quantities if q.counts}
    words_shared = set(first.tokens) & set(second.tokens) - {counts}
    return len(figures_shared) >= 2 or len(words_shared) >= 2 or bool(figures_shared and words_shared)


def _described_differently(items: list[tuple[Figure, Sentence]]) -> list[Candidate]:
    by_value: dict[float, list[tuple[Figure, Sentence]]] = {}
    for figure, sentence in items:
        if not figure.phrase.startswith("of "):  # "of farmland" says what is measured, not which or where
            by_value.setdefault(figure.value, []).append((figure, sentence))
    candidates = []
    for value in sorted(by_value):
        if not any(character.isdigit() for character in by_value[value][0][0].number):
            continue  # "hundreds of miles": a stock phrase, not a figure
        if by_value[value][0][0].counts in _MONEY:
            continue  # one sum said to sit in one place or go to another is one sum, not two claims about it
        clusters = _clusters(by_value[value])
        if len(clusters) != 2:
            continue  # three or more descriptions of one figure: a common number, not one fact
        side_sentences = [unique([sentence for _, sentence in cluster]) for cluster in clusters]
        if len(set().union(*(outlets(sentences) for sentences in side_sentences))) < 2:
            continue
        if all(outlets(side_sentences[0]) == outlets(sentences) for sentences in side_sentences[1:]):
            continue  # one outlet using both phrasings may just be saying both
        if not any(_related(a, b, clusters[0][0][0].counts) for a in _distinct(side_sentences[0], _text)
                   for sentences in side_sentences[1:] for b in _distinct(sentences, _text)):
            continue
        heads = [cluster[0][0] for cluster in clusters]
        if not _place_against_many(heads[0].phrase, heads[1].phrase):
            continue  # "from the virus" and "from the flu", "at colleges" and "at a school": no claim about scope
        candidates.append(Candidate(
            kind="number",
            title=f"{heads[0].number} {heads[0].noun}: {' or '.join(head.phrase for head in heads)}?",
            sides=[CandidateSide(label=f"{head.number} {head.noun} {head.phrase}", sentences=sentences)
                   for head, sentences in zip(heads, side_sentences, strict=True)],
            evidence=1.0, expand=False))
    return candidates


def _counted_differently(items: list[tuple[Figure, Sentence]]) -> list[Candidate]:
    candidates = []
    for cluster in _clusters(items):
        values: list[list[tuple[Figure, Sentence]]] = []
        for figure, sentence in sorted(cluster, key=lambda item: item[0].value):
            if values and not _differ(values[-1][0][0], figure):
                values[-1].append((figure, sentence))
            else:
                values.append([(figure, sentence)])
        # A value only reported at another time (a toll that rose later) is an update, not a side; a value
        # nobody is said to give, where nothing says the figures compete, is not a side either.
        competing = {id(group) for group in values if any(COMPETING.search(sentence.text) for _, sentence in group)}
        values = [group for group in values if _speaker(group) or id(group) in competing]
        values = [group for group in values
                  if any(_competing(group, other, competing) for other in values if other is not group)]
        latest: dict[str, list[tuple[Figure, Sentence]]] = {}
        for number, group in enumerate(values):  # one speaker's values are a tally: its latest is its figure
            key = _speaker(group) or str(number)
            if key not in latest or _published(group) >= _published(latest[key]):
                latest[key] = group
        values = [group for group in values if any(group is kept for kept in latest.values())]
        if len(values) < 2:
            continue
        heads = [group[0][0] for group in values]
        phrase = f" {heads[0].phrase}" if heads[0].phrase else ""
        candidates.append(Candidate(
            kind="number",
            title=f"{heads[0].noun.capitalize()}{phrase}: "
                  f"{' or '.join(f'{head.number} {head.noun}' for head in heads)}?",
            sides=[CandidateSide(label=_label(head, group), sentences=unique([member for _, member in group]))
                   for head, group in zip(heads, values, strict=True)],
            evidence=1.0, expand=False))
    return candidates


_Group = list[tuple[Figure, Sentence]]


def _competing(first: _Group, second: _Group, competing: set[int]) -> bool:
    """Two values given for one thing at one time by two voices (or one of them worded as competing with the other):
    different speakers, published within days, and no two different places named."""
    if not _at_one_time(first, second) or not _same_referent(first, second):
        return False
    if id(first) in competing or id(second) in competing:
        return True
    return not speaker_key(_speaker(first)) & speaker_key(_speaker(second))


def _same_referent(first: list[tuple[Figure, Sentence]], second: list[tuple[Figure, Sentence]]) -> bool:
    """Whether both values' sentences name one place ("in the Gulf"): without it, "13 cases in Alberta" and "65 cases
    in California" (or a count named nowhere) may count two things."""
    return not _places(first).isdisjoint(_places(second))


def _places(group: list[tuple[Figure, Sentence]]) -> set[str]:
    """The words of the names a value's sentences mention, its speaker's and the calendar's left out."""
    speaker = set(_speaker(group).split())
    return {word.lower() for _, sentence in group for name in sentence.names for word in name.split()
            if word.lower() not in speaker and word not in _CALENDAR}


def _speaker(group: list[tuple[Figure, Sentence]]) -> str:
    """Who gives the value: the first named speaker of its sentences ('' when none says)."""
    for _, sentence in group:
        for attribution in sentence.attributions:
            if attribution.speaker.lower() not in PRONOUNS:
                return attribution.speaker.lower()
    return ""


def _published(group: list[tuple[Figure, Sentence]]) -> date:
    return max((sentence.published for _, sentence in group if sentence.published), default=date.min)


def _label(head: Figure, group: list[tuple[Figure, Sentence]]) -> str:
    """"4.1 million barrels (BP)": the figure with its full unit, and who gives it."""
    speaker = _speaker(group)
    return f"{head.number} {head.noun}" + (f" ({clean_actor(speaker)})" if speaker else "")


def _distinct(sentences: list[Sentence], key: Callable[[Sentence], Hashable]) -> list[Sentence]:
    """One sentence of each kind that matters to a comparison (copies of a sentence compare alike)."""
    return [group[0] for group in copies(sentences, key)]


def _text(sentence: Sentence) -> str:
    return sentence.text


def _when(sentence: Sentence) -> tuple[str, date | None, frozenset[int]]:
    """What `_comparable` reads of a sentence: its outlet, publication date and years named."""
    return sentence.outlet, sentence.published, frozenset(_years(sentence))


def _at_one_time(first: list[tuple[Figure, Sentence]], second: list[tuple[Figure, Sentence]]) -> bool:
    """Whether two outlets give the two values at the same time."""
    return any(_comparable(a, b) for a in _distinct([sentence for _, sentence in first], _when)
               for b in _distinct([sentence for _, sentence in second], _when))


def _differ(first: Figure, second: Figure) -> bool:
    tolerance = TOLERANCE if first.approximate or second.approximate else 0.0
    return abs(first.value - second.value) > tolerance * max(first.value, second.value)


def _comparable(first: Sentence, second: Sentence) -> bool:
    """Two outlets giving a count at the same time (same years named, published within days)."""
    if first.outlet == second.outlet:
        return False
    if first.published and second.published and abs((first.published - second.published).days) > MAX_DAYS_APART:
        return False
    return _years(first) == _years(second)


def _years(sentence: Sentence) -> set[int]:
    return {expression.value.year for expression in sentence.dates if expression.value and not expression.relative}
