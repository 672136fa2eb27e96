"""Support: does a sentence of another article report the fact a shown sentence states?

Grouping chains near neighbours into clusters, which is good for ranking (how widely a fact is told) but not
for citing: a chain links sentences that share a name to sentences that share a figure to sentences about
something else. A citation claims more, so it is tested pair by pair against the sentence the page shows:

- **quoted**: the other sentence has the same wording (the shown sentence inside it, or nearly word for word);
- **same fact**: its own words report the same fact: no conflicting date, figure or quotation, the same
  stance (a claim is not its denial), every figure it shares counting the same thing; it states at least half
  of what the shown sentence states (rare words, names, figures and dates, weighed by how rare each is in the
  topic), something besides names among it (the same people doing something else is another fact), and that
  is a good part of what it says itself (a sentence that tells it only as an aside is about something else).

When in doubt there is no support: a missing citation costs a little coverage, a wrong one the reader's trust.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from digest.analysis.corpus import Corpus, Sentence
from digest.analysis.cues import DENIAL_WORDS
from digest.analysis.grouping.evidence import Evidence, date_values_conflict, quotes_differ
from digest.analysis.grouping.pairs import Vocabulary
from digest.language.similarity import postings, rarest
from digest.language.times import PartialDate
from digest.language.tokens import content_tokens, fold, lower_words
from digest.model import QUOTED, SAME_FACT, Cited, SentenceRef

if TYPE_CHECKING:
    from digest.analysis.grouping import FactGroup

SAME_WORDING = 0.9
"""Word-sequence similarity (difflib's ratio over folded words) from which two sentences are one wording."""
COVERED = 0.5
"""Share of the shown sentence's weighed content (words, names, figures, dates) the other must state."""
ON_POINT = 0.35
"""Share of the other sentence's weighed content that the shown sentence states too: it may add detail, but
a sentence that mentions the fact only as an aside to something else is about that something else.
Both were chosen by leave-one-story-out on the judged citation pairs of `make eval` (the highest recall at a
precision of 0.95 on five of the six stories, checked on the sixth): 0.5 and 0.35 in five folds of six."""
WIDE = 64
"""A summary sentence is also tested against this many sentences sharing the most of its rarest words (see
`Support.wide`): it is worth a wider look than the thousands of timeline entries."""
WIDE_KEYS = 8
"""How many of a sentence's rarest words `Support.wide` looks up."""
CHECKED = 24
"""A sentence is checked against at most this many members of its group from other outlets to know whether
another outlet reports it: enough to find one, and linear in the topic however large a group grows."""
MIN_SHARED = 2
"""Pieces of content (words, names, figures, dates) the two must share: one shared word is a coincidence."""
SPEAKER_LETTERS = 5
"""Speakers' name words are compared by their first letters: a country and its adjective name one speaker."""
_WORD = re.compile(r"[^\W_]+")
_NEGATIONS = frozenset({"not", "never", "no", "none", "nobody", "nothing", "cannot", *DENIAL_WORDS})
"""Words that deny or negate, the denial verbs of `cues` among them."""


@dataclass(frozen=True, slots=True)
class Reading:
    """What the support test compares of one sentence, read once per sentence."""

    words: tuple[str, ...]
    """The folded words, in order: the wording."""
    terms: frozenset[str]
    """Content words (`Sentence.tokens`) that are not part of a name."""
    names: tuple[frozenset[str], ...]
    """Each name's content words (a name is found when any of them is)."""
    name_terms: frozenset[str]
    """All of its names' words."""
    figures: tuple[tuple[float, str], ...]
    """Each figure's value and what it counts ('' when unknown)."""
    evidence: Evidence
    """Its dates, counts and quotations (see `Evidence`)."""
    negative: bool
    """It denies or negates: a claim and its denial are two facts."""
    tokens: frozenset[str]
    """Every content word, names included."""
    speakers: frozenset[str]
    """The words of the names it quotes or reports as speaking ("Omar Costa said"), their first
    `SPEAKER_LETTERS` letters ("Haiti's government", "the Haitian Government"): the same words from another
    speaker are another statement."""
    said: frozenset[str]
    """The content words of what it reports someone said (`terms` when it reports no one, or not what): a role or a
    description of the speaker ("a local resident") shared by two quotes does not make them one statement."""

    @classmethod
    def of(cls, sentence: Sentence, evidence: Evidence) -> Reading:
        # A single capitalised word opening the sentence ("Flames tore through...") is capitalised by position.
        names = tuple(words for name in sentence.names
                      if (words := frozenset(content_tokens(name)))
                      and not (" " not in name and sentence.text.lstrip("\u201c\"' ").startswith(name)))
        name_terms = frozenset().union(*names)
        return cls(
            words=tuple(_WORD.findall(fold(sentence.text))),
            terms=frozenset(sentence.tokens) - name_terms,
            names=names,
            name_terms=name_terms,
            figures=tuple(sorted({(q.value, q.counts) for q in sentence.quantities
                                  if q.counts or q.value >= 10 or q.value != int(q.value)})),
            evidence=evidence,
            negative=not _NEGATIONS.isdisjoint(lower_words(sentence.text)) or "n't" in sentence.text
            or "n\u2019t" in sentence.text,
            tokens=frozenset(sentence.tokens),
            speakers=frozenset(token[:SPEAKER_LETTERS] for attribution in sentence.attributions
                               if any(word[:1].isupper() for word in attribution.speaker.split())
                               for token in content_tokens(attribution.speaker) if token in name_terms),
            said=(frozenset(token for attribution in sentence.attributions
                            for token in content_tokens(attribution.content)) - name_terms
                  or frozenset(sentence.tokens) - name_terms),
        )


def same_wording(shown: Reading, other: Reading) -> bool:
    """The other sentence repeats the shown one: it holds all of its words in order, or nearly the same words
    (`support` asks the second only of sentences that give no other figure or date)."""
    if not shown.words or not other.words:
        return False
    short, long = sorted((len(shown.words), len(other.words)))
    if _contains(other.words, shown.words):
        return True
    if short < SAME_WORDING * long or len(shown.tokens & other.tokens) < SAME_WORDING * len(shown.tokens):
        return False  # cheap bounds first: difflib runs only where the ratio can reach the mark
    return difflib.SequenceMatcher(None, shown.words, other.words, autojunk=False).ratio() >= SAME_WORDING


def _contains(words: tuple[str, ...], part: tuple[str, ...]) -> bool:
    return bool(part) and len(part) <= len(words) and f" {' '.join(part)} " in f" {' '.join(words)} "


def support(shown: Reading, other: Reading, weights: dict[str, float], top: float) -> str | None:
    """How `other` supports the shown sentence (`QUOTED` or `SAME_FACT`), or None when it does not.
    `weights` gives each content word's weight in the topic (rarer words weigh more), `top` the greatest."""
    if _contains(other.words, shown.words):
        return QUOTED
    if conflict(shown, other):
        return None  # nearly the same words with another figure or date are another fact
    if same_wording(shown, other):
        return QUOTED
    shared, share = coverage(shown, other, weights, top)
    if shared < MIN_SHARED or share < COVERED:
        return None
    return SAME_FACT if coverage(other, shown, weights, top)[1] >= ON_POINT else None


def conflict(shown: Reading, other: Reading) -> str:
    """Why the two cannot report one fact ('' when nothing says so): a denial against a claim, two named
    speakers, dates that cannot name one day, different quotations, different figures."""
    first, second = shown.evidence, other.evidence
    if shown.negative != other.negative:
        return "stance"
    if shown.speakers and other.speakers and shown.speakers.isdisjoint(other.speakers):
        return "speaker"
    if date_values_conflict(_finest(first.dates), _finest(second.dates)):
        return "dates"
    if quotes_differ(first, second):
        return "quotes"
    if _figures_differ(shown.figures, other.figures):
        return "figures"
    return ""


def _finest(dates: frozenset[PartialDate]) -> frozenset[PartialDate]:
    """The most precise of a sentence's dates: "on May 5, 2003, for the third time this year" is dated May 5,
    which "this year" would not tell from March 3."""
    finest = max((date.parts for date in dates), default=0)
    return frozenset(date for date in dates if date.parts == finest)


def coverage(shown: Reading, other: Reading, weights: dict[str, float], top: float) -> tuple[int, float]:
    """How many pieces of the shown sentence's content the other states, and their weighed share: words (not
    counted when they are all the two share besides names), names, figures and dates."""
    stated = covered = 0.0
    shared = 0
    for term in shown.terms:
        weight = weights.get(term, top)
        stated += weight
        if term in other.tokens:
            covered += weight
            shared += 1
    if shown.said.isdisjoint(other.tokens):
        return 0, 0.0  # only names (or who speaks) in common: the same people, another fact
    for words in shown.names:
        weight = max(weights.get(term, top) for term in words)
        stated += weight
        if not words.isdisjoint(other.tokens):
            covered += weight
            shared += 1
    # A figure or a date is as telling as the rarest word.
    for value, counts in shown.figures:
        stated += top
        if any(value == other_value and (counts == other_counts or not counts or not other_counts)
               for other_value, other_counts in other.figures):
            covered += top
            shared += 1
    for date in shown.evidence.dates if other.evidence.dates else ():  # a date the other leaves out is a detail
        stated += top
        if any(date.compatible(other_date) for other_date in other.evidence.dates):
            covered += top
            shared += 1
    return shared, covered / stated if stated else 0.0


def _figures_differ(first: tuple[tuple[float, str], ...], second: tuple[tuple[float, str], ...]) -> bool:
    """Both give figures and none of them agree; or they count one thing with no figure in common ("77 million
    people", "80 million people"); or they give one figure for two things ("5,000 barrels", "5,000 feet"). Hedges
    leave no room here: the reader would find another number."""
    if not first or not second:
        return False
    values, other_values = {value for value, _ in first}, {value for value, _ in second}
    if values.isdisjoint(other_values):
        return True
    things, other_things = _by_thing(first), _by_thing(second)
    if any(things[thing].isdisjoint(other_things[thing]) for thing in things.keys() & other_things.keys()):
        return True
    for value in values & other_values:
        counted = {thing for thing, found in things.items() if value in found}
        other_counted = {thing for thing, found in other_things.items() if value in found}
        if counted and other_counted and counted.isdisjoint(other_counted):
            return True
    return False


def _by_thing(figures: tuple[tuple[float, str], ...]) -> dict[str, set[float]]:
    """The figures of each counted thing."""
    found: dict[str, set[float]] = {}
    for value, counts in figures:
        if counts:
            found.setdefault(counts, set()).add(value)
    return found


class Support:
    """The support test over one topic: each sentence read once, candidates taken from its fact group (the
    grouping's blocking keeps the comparisons linear in the topic)."""

    def __init__(self, weights: dict[str, float], groups: tuple[FactGroup, ...],
                 neighbours: dict[SentenceRef, tuple[Sentence, ...]] | None = None,
                 statements: Sequence[Sentence] = ()) -> None:
        self._weights = weights
        self._top = max(weights.values(), default=1.0)
        self._readings: dict[tuple, Reading] = {}
        self._group_of = {sentence.ref: group for group in groups for sentence in group.sentences}
        self._neighbours = neighbours or {}
        self._statements = statements
        self._index: dict[str, list[int]] | None = None
        self._frequency: Counter[str] = Counter()

    @classmethod
    def of(cls, corpus: Corpus, groups: tuple[FactGroup, ...]) -> Support:
        """The test over given groups, without near neighbours (`grouping.group_and_support` gives both)."""
        statements = [sentence for sentence in corpus.sentences if not sentence.furniture]
        return cls(Vocabulary.of(corpus, statements).weights, groups)

    def reading(self, sentence: Sentence) -> Reading:
        """The sentence read once per wording and dates (news copies repeat sentences)."""
        key = (sentence.text, sentence.quantities, tuple(d.value for d in sentence.dates), sentence.attributions)
        found = self._readings.get(key)
        if found is None:
            found = self._readings[key] = Reading.of(sentence, Evidence.of(sentence))
        return found

    def kind(self, shown: Sentence, other: Sentence) -> str | None:
        """How `other` supports `shown` (see `support`)."""
        return support(self.reading(shown), self.reading(other), self._weights, self._top)

    def group(self, sentence: Sentence) -> tuple[Sentence, ...]:
        """The sentences grouped with this one (itself included)."""
        group = self._group_of.get(sentence.ref)
        return group.sentences if group else (sentence,)

    def wide(self, sentence: Sentence) -> list[Sentence]:
        """Up to `WIDE` statements that share at least two of this sentence's `WIDE_KEYS` rarest words, most
        shared first: an inverted index of every statement's rarest words, built on first use."""
        if self._index is None:
            self._frequency = Counter(token for statement in self._statements for token in statement.tokens)
            self._index = postings([rarest(statement.tokens, self._frequency, WIDE_KEYS)
                                    for statement in self._statements])
        keys = rarest(sentence.tokens, self._frequency, WIDE_KEYS) if self._frequency else []
        hits = Counter(other for key in keys for other in self._index.get(key, ()))
        ranked = sorted((-count, other) for other, count in hits.items() if count >= 2)
        return [self._statements[other] for _, other in ranked[:WIDE]]

    def near(self, sentence: Sentence) -> tuple[Sentence, ...]:
        """The sentences the grouping's blocking compared with this one and found close (a bounded list)."""
        return self._neighbours.get(sentence.ref, ())

    def cite(self, shown: Sentence, candidates: Iterable[Sentence] | None = None) -> Cited:
        """The shown sentence cited to its own article (quoted) and to each other article one of whose
        `candidates` (by default its group) or near neighbours supports it, the first such sentence of each,
        in article order."""
        cited: dict[str, tuple[Sentence, str]] = {shown.article: (shown, QUOTED)}
        pool = [*(self.group(shown) if candidates is None else candidates), *self.near(shown)]
        for other in sorted(pool, key=lambda sentence: (sentence.article, sentence.ref.index)):
            if other.article in cited:
                continue
            found = self.kind(shown, other)
            if found:
                cited[other.article] = (other, found)
        ordered = [cited.pop(shown.article), *cited.values()]
        return Cited(text=shown.text, sources=tuple(sentence.article for sentence, _ in ordered),
                     refs=tuple(sentence.ref for sentence, _ in ordered), support=tuple(kind for _, kind in ordered))

    def corroborated(self, sentence: Sentence) -> bool:
        """Another outlet reports it: a sentence of its group from another outlet supports it (the first
        `CHECKED` of them are tried)."""
        others = [other for other in self.group(sentence) if other.outlet != sentence.outlet][:CHECKED]
        others += [other for other in self.near(sentence) if other.outlet != sentence.outlet]
        return any(self.kind(sentence, other) for other in others)
