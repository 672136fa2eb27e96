"""The summary: a few verbatim sentences that carry the story's most corroborated, central facts.

Extractive and multi-source. Each fact group is a candidate, worth more when more outlets
report it (or echo it in other words), when its words are the story's common vocabulary and
its headlines', when the sources tell it early, and when it names something specific.
Maximal marginal relevance picks groups one at a time, discounting any that repeat what is
already chosen (shared words, figures, dates) and skipping any that retells a chosen episode
(the same rare names, the same date), weighing gain per word and favouring unheard sources,
speakers and years, until the word budget is spent. The chosen sentences are then put in reading order:
how early the sources tell them.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from dataclasses import dataclass

from digest.analysis.corpus import Corpus, Sentence, content_tokens
from digest.analysis.grouping import FactGroup, date_values_conflict
from digest.language.similarity import cosine, norm
from digest.language.times import PartialDate
from digest.model import Cited, TopicSettings

_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
INFORMATIVE = 0.15
"""Relevance added for a sentence dense with specifics (figures, dates, names, a named speaker)."""
FULL_SPECIFICS = 4
"""Specifics from which a sentence counts as fully informative."""
MMR_LAMBDA = 0.7
"""Balance of relevance (1) against novelty (0) when picking the next sentence."""
REDUNDANT = 0.4
"""A candidate this similar to a chosen sentence only repeats it, whatever its relevance."""
TYPICAL_WORDS = 25
LENGTH_EXPONENT = 0.5
"""Gains are divided by (words / TYPICAL_WORDS) ** LENGTH_EXPONENT, gain per root of a word: a long
sentence must carry more to take the room of two short ones, yet a whole fact still beats a fragment."""
EVERYWHERE = 0.6
"""A name used by more than this share of the outlets is the story's subject, not a specific."""
BACKGROUND = 0.7
"""Relevance factor of background: a sentence dated only years before its article was published."""
GENERIC = 0.5
"""Relevance factor of a sentence with no figure, date or specific name."""
SAME_SOURCE = 0.05
"""Penalty per sentence already taken from the same article: a digest gives every source its say."""
OVERSHOOT = 0.1
"""The last sentence may run past the word budget by this share: a whole fact rather than a short filler."""
MIN_WORDS = 8
"""Shorter sentences rarely state a whole fact."""
MAX_WORDS = 50
"""Longer sentences eat the budget of several facts."""
DIFFERENT_DAYS = 0.5
"""Factor on the overlap of two sentences dated on different days: the same people, two events."""
LONG_STORY_DAYS = 30
"""A story whose summarised sources were published over more days than this reads in the order of events."""
SAME_EPISODE = 2.0
"""Evidence (see `_same_episode`) from which two sentences tell one episode: two rare names, or a rare name
and the same date."""
RARE_SHARE = 0.05
"""A word in at most this share of the story's sentences is rare: it marks an episode, not the subject."""
RARE_LEAST = 2
"""In a short story a word in this many sentences is still rare."""
NEW_YEAR = 0.04
"""Gain for a sentence dated in a year the summary does not cover yet: the story's other periods."""
NEW_SPEAKER = 0.03
"""Gain for a sentence quoting someone the summary has not heard yet."""
CANDIDATES = 300
"""Only the most relevant groups are considered: enough for any budget, and keeps MMR fast."""
# Openers that lean on the sentence before: out of context they read as non sequiturs.
_DEPENDENT_OPENER = re.compile(
    r"^(?:he|she|they|it|this|that|these|those|but|and|however|meanwhile|also|still|yet|so|then|"
    r"instead|moreover|furthermore|additionally|in addition|as a result|the move|the decision)\b",
    re.IGNORECASE,
)

# "this resolution", "these talks": the sentence points back at something the reader has not seen.
_BACK_REFERENCE = re.compile(r"\b(?:this|these|those)\s+(?!year|week|month|time|morning|afternoon|evening)[a-z]+",
                             re.IGNORECASE)


def _suitable(sentence: Sentence) -> bool:
    text = sentence.text.strip()
    return (MIN_WORDS <= sentence.words <= MAX_WORDS and not sentence.furniture and text[-1:] in ".!\"'\u201d\u2019)"
            and not text.endswith("?") and not text.startswith(("\u201c", '"', "'", "\u2018")))


def _quoted(group: FactGroup) -> Sentence | None:
    """The group's sentence to quote: its representative if it reads well alone, else the first that does."""
    readable = [sentence for sentence in group.sentences if _suitable(sentence)]
    if not readable:
        return None
    return min(readable, key=lambda sentence: (bool(_DEPENDENT_OPENER.match(sentence.text)), bool(sentence.dateline),
                                           sentence is not group.representative, sentence.article, sentence.ref.index))


def _headline_vocabulary(corpus: Corpus) -> dict[str, int]:
    """How many outlets use each word in their headlines: editors' own summary of the story."""
    by_outlet: dict[str, set[str]] = {}
    for article_id, article in corpus.articles.items():
        by_outlet.setdefault(corpus.outlets[article_id], set()).update(content_tokens(article.meta.title))
    counts: dict[str, int] = {}
    for tokens in by_outlet.values():
        for token in tokens:
            counts[token] = counts.get(token, 0) + 1
    return counts


def _headline_affinity(sentence: Sentence, vocabulary: dict[str, int]) -> float:
    if not sentence.tokens:
        return 0.0
    return sum(vocabulary.get(token, 0) for token in sentence.tokens) / math.sqrt(len(sentence.tokens))


def _everywhere_names(corpus: Corpus) -> frozenset[str]:
    """Names most outlets use (the story's own subject, "Iraq", "the U.S."): naming them says nothing specific."""
    if corpus.outlet_count < 3:
        return frozenset()
    by_name: dict[str, set[str]] = {}
    for sentence in corpus.sentences:
        if not sentence.furniture:
            for name in sentence.names:
                by_name.setdefault(name, set()).add(sentence.outlet)
    return frozenset(name for name, outlets in by_name.items() if len(outlets) > EVERYWHERE * corpus.outlet_count)


def _specifics(sentence: Sentence, everywhere: frozenset[str]) -> int:
    """How many checkable specifics a sentence states: figures, dates written out (not "on Tuesday"),
    names beyond the story's subject, and a named speaker."""
    figures = len({q.key for q in sentence.quantities})
    dates = len({d.value for d in sentence.dates if d.value and not d.relative})
    names = len([name for name in sentence.names
                 if name not in everywhere and not _sentence_initial_word(sentence, name)])
    speaker = any(any(word[:1].isupper() for word in a.speaker.split()[1:]) for a in sentence.attributions)
    return figures + dates + names + int(speaker)


def _sentence_initial_word(sentence: Sentence, name: str) -> bool:
    """A single capitalised word opening the sentence ("Analysts said"): capitalised by position, not a name."""
    return " " not in name and sentence.text.lstrip("\u201c\"' ").startswith(name)


def _background(sentence: Sentence) -> bool:
    """A sentence whose every date lies years before its article: history the timeline tells, not the news."""
    if sentence.published is None:
        return False
    years = [d.value.year for d in sentence.dates if d.value]
    return bool(years) and max(years) < sentence.published.year - 1


def _corroboration(group: FactGroup, most: tuple[int, int]) -> float:
    """0-1: how many outlets report the fact, and (for stories whose facts all reach every outlet) how many
    articles: half each."""
    most_outlets, most_articles = most
    outlets = (len(group.outlets) - 1) / max(1, most_outlets - 1)
    articles = math.log(len(group.sentences)) / math.log(most_articles) if most_articles > 1 else 0.0
    return 0.5 * outlets + 0.5 * articles


def _relevance(group: FactGroup, sentence: Sentence, most: tuple[int, int], most_echo: float, affinity: float,
               specifics: int) -> float:
    """0-1: corroborated by many outlets, echoed by more, in the story's common vocabulary, close to the
    headlines, told early, dense with specifics; a sentence that names nothing specific is worth less
    (a generic remark)."""
    corroboration = _corroboration(group, most)
    echo = group.echo / most_echo if most_echo else 0.0
    lead = (1.0 - min(member.share for member in group.sentences)) ** 2  # news puts the main facts first
    value = (0.3 * corroboration + 0.1 * echo + 0.15 * group.centrality + 0.2 * affinity + 0.25 * lead
             + INFORMATIVE * min(1.0, specifics / FULL_SPECIFICS))
    if not specifics:
        value *= GENERIC
    if _background(sentence):
        value *= BACKGROUND
    if _DEPENDENT_OPENER.match(sentence.text):
        value *= 0.6
    elif _BACK_REFERENCE.search(sentence.text):
        value *= 0.8
    if sentence.attributions and all(a.speaker.lower() in _PRONOUNS for a in sentence.attributions):
        value *= 0.85
    return value


@dataclass(frozen=True, slots=True)
class _EpisodeMarks:
    """What marks the episode a sentence tells, compared between candidates."""

    vector: dict[str, float]
    """Content words weighted by rarity across outlets."""
    norm: float
    """The vector's norm."""
    names: tuple[frozenset[str], ...]
    """Each name's rare word stems (a name all over the story marks no episode)."""
    name_stems: frozenset[str]
    """The stems of all its names together."""
    rare: frozenset[str]
    """Rare word stems of the sentence, names included."""
    dates: frozenset[PartialDate]
    """Resolved dates."""
    years: frozenset[int]
    """Years of its dates: the timeline periods it touches."""
    speakers: frozenset[str]
    """Who it quotes, lower-cased (pronouns left out)."""
    words: frozenset[str]
    """Its content words (see `Sentence.tokens`)."""
    numbers: frozenset[str]
    """Keys of its figures that count something ("2500 troop")."""


def _rare_tokens(corpus: Corpus) -> frozenset[str]:
    """Word stems found in few of the story's sentences: a name or word that marks one episode, unlike the
    story's subject that most sentences repeat."""
    counts: Counter[str] = Counter()
    statements = 0
    for sentence in corpus.sentences:
        if not sentence.furniture:
            statements += 1
            counts.update(sentence.tokens)
    limit = max(RARE_LEAST, RARE_SHARE * statements)
    return frozenset(token for token, count in counts.items() if count <= limit)


def _evidence(corpus: Corpus, sentence: Sentence, rare: frozenset[str]) -> _EpisodeMarks:
    names = tuple(stems for name in sentence.names if (stems := frozenset(content_tokens(name)) & rare))
    dates = frozenset(d.value for d in sentence.dates if d.value)
    vector = {token: corpus.idf(token) for token in sentence.tokens}
    return _EpisodeMarks(vector=vector, norm=norm(vector), names=names, name_stems=frozenset().union(*names),
                     rare=frozenset(sentence.tokens) & rare, dates=dates,
                     years=frozenset(value.year for value in dates),
                     speakers=frozenset(a.speaker.lower() for a in sentence.attributions
                                        if a.speaker.lower() not in _PRONOUNS),
                     words=frozenset(sentence.tokens),
                     numbers=frozenset(q.key for q in sentence.quantities if q.counts))


def _same_episode(first: _EpisodeMarks, second: _EpisodeMarks) -> float:
    """How surely two sentences tell one episode: the rare names they share (a name counts once, however many
    words it has), half as much for other rare words they share, and one more when both date it alike."""
    names = max(_named(first, second), _named(second, first)) if first.names or second.names else 0
    shared_rare = first.rare & second.rare
    words = len(shared_rare - first.name_stems - second.name_stems) if shared_rare else 0
    same_date = bool(first.dates and second.dates) and any(
        a.compatible(b) for a in first.dates for b in second.dates)
    return names + 0.5 * words + int(same_date)


def _named(left: _EpisodeMarks, right: _EpisodeMarks) -> int:
    """How many of one sentence's names have a rare word the other sentence has."""
    return sum(not stems.isdisjoint(right.rare) for stems in left.names)


def _redundancy(item: tuple[float, FactGroup, Sentence], other: tuple[float, FactGroup, Sentence],
                evidence: dict[str, _EpisodeMarks]) -> float:
    """Word overlap plus shared numbers and dates: two sentences that give the same figures repeat each other.

    Words count both plainly (two sentences on the same point share the story's common words) and by rarity
    (two sentences that name the same rare things, an airport and a general, tell the same episode). Two
    sentences with the same episode's evidence are redundant outright, whatever their wording.
    """
    first, second = item[2], other[2]
    left, right = evidence[item[1].id], evidence[other[1].id]
    conflict = date_values_conflict(left.dates, right.dates)
    if not conflict and _same_episode(left, right) >= SAME_EPISODE:
        return 1.0
    numbers = left.numbers & right.numbers
    dates = left.dates & right.dates
    shared = len(left.words & right.words)
    words = max(shared / math.sqrt(max(1, len(first.tokens) * len(second.tokens))),
                cosine(left.vector, right.vector, (left.norm, right.norm)))
    overlap = words + REDUNDANT * len(numbers) + 0.15 * len(dates)
    return overlap * DIFFERENT_DAYS if conflict else overlap


def _novelty(own: _EpisodeMarks, years: set[int], speakers: set[str]) -> float:
    """Bonus for reaching what the summary does not cover yet: a year of the story's timeline, a speaker."""
    return NEW_YEAR * min(1, len(own.years - years)) + NEW_SPEAKER * min(1, len(own.speakers - speakers))


def build_summary(corpus: Corpus, groups: tuple[FactGroup, ...], settings: TopicSettings) -> tuple[Cited, ...]:
    """About `settings.summary_words` words of cited sentences, in reading order.

    Greedy budgeted MMR: each round takes the sentence of the best marginal gain per word (relevance, less
    its overlap with what is chosen, plus what it newly covers, over a root of its length), skipping any
    that would run past the limit or that retells a chosen episode."""
    most = (max((len(group.outlets) for group in groups), default=1), max((len(group.sentences) for group in groups),
                                                                          default=1))
    vocabulary = _headline_vocabulary(corpus)
    quoted = [(group, sentence) for group in groups if (sentence := _quoted(group)) is not None]
    affinities = [_headline_affinity(sentence, vocabulary) for _, sentence in quoted]
    top_affinity = max(affinities, default=0.0) or 1.0
    most_echo = max((group.echo for group in groups), default=0.0)
    everywhere = _everywhere_names(corpus)
    affinities_of = {group.id: affinity / top_affinity for (group, _), affinity in zip(quoted, affinities, strict=True)}
    scored = [(_relevance(group, sentence, most, most_echo, affinity / top_affinity,
                          _specifics(sentence, everywhere)), group, sentence)
              for (group, sentence), affinity in zip(quoted, affinities, strict=True)]
    scored.sort(key=lambda item: (-item[0], item[1].id))
    pool = scored[:CANDIDATES]
    rare = _rare_tokens(corpus)
    evidence = {item[1].id: _evidence(corpus, item[2], rare) for item in pool}
    budget = settings.summary_words
    limit = budget + int(budget * OVERSHOOT)
    sizes = [item[2].words for item in pool]
    lengths = [(size / TYPICAL_WORDS) ** LENGTH_EXPONENT for size in sizes]
    overlaps = [0.0] * len(pool)  # with the chosen sentence it repeats most
    compared = [0] * len(pool)  # how many of the chosen sentences `overlaps` has seen
    scored_at = [-1] * len(pool)  # how many sentences were chosen when the candidate's score was worked out
    chosen: list[tuple[float, FactGroup, Sentence]] = []
    chosen_articles: Counter[str] = Counter()
    years: set[int] = set()
    speakers: set[str] = set()
    words = 0
    # Lazy greedy: a candidate's score only falls as sentences are chosen (overlap, same source and
    # novelty all move one way), so a score from an earlier round bounds it. Candidates wait in a heap by
    # that bound (ties by rank); the top one is rescored, and is the best once its score is current.
    heap = [(-math.inf, index) for index in range(len(pool))]
    while heap and words < budget:
        _, index = heapq.heappop(heap)
        item = pool[index]
        if scored_at[index] == len(chosen):
            chosen.append(item)
            chosen_articles[item[2].article] += 1
            words += sizes[index]
            years |= evidence[item[1].id].years
            speakers |= evidence[item[1].id].speakers
            continue
        # Overlap only grows and room only shrinks: a candidate left out now is out for good.
        if words + sizes[index] > limit:
            continue
        for other in chosen[compared[index]:]:
            overlaps[index] = max(overlaps[index], _redundancy(item, other, evidence))
        compared[index] = len(chosen)
        if overlaps[index] >= REDUNDANT:
            continue
        gain = (MMR_LAMBDA * item[0] - (1 - MMR_LAMBDA) * overlaps[index]
                - SAME_SOURCE * chosen_articles[item[2].article] + _novelty(evidence[item[1].id], years, speakers))
        score = gain / lengths[index] if gain > 0 else gain * lengths[index]
        scored_at[index] = len(chosen)
        heapq.heappush(heap, (-score, index))
    lead_values = {item[1].id: _lead_value(item, most, affinities_of[item[1].id]) for item in chosen}
    return tuple(_cited(group, sentence) for _, group, sentence in _reading_order(chosen, lead_values))


def _lead_value(item: tuple[float, FactGroup, Sentence], most: tuple[int, int], affinity: float) -> float:
    """How well a sentence opens the summary: the story's news, as the headlines tell it, many outlets report
    it and they tell it first; a sentence that leans on one before it, or tells history, cannot open."""
    _, group, sentence = item
    if _DEPENDENT_OPENER.match(sentence.text) or _BACK_REFERENCE.search(sentence.text) or _background(sentence):
        return -1.0
    corroboration = _corroboration(group, most)
    lead = 1.0 - min(member.share for member in group.sentences)
    return 0.4 * affinity + 0.3 * corroboration + 0.3 * lead


def _reading_order(chosen: list[tuple[float, FactGroup, Sentence]],
                   lead_values: dict[str, float]) -> list[tuple[float, FactGroup, Sentence]]:
    """The opener (the best `_lead_value`), then the rest: in the order the sources tell them for a story of a
    few days, in the order things happened for a story told over weeks (by a sentence's own date, else by
    when its sources first published it)."""
    if not chosen:
        return []
    opener = max(chosen, key=lambda item: (lead_values[item[1].id], item[0], item[1].id))
    rest = [item for item in chosen if item is not opener]
    published = [sentence.published for _, group, _ in chosen for sentence in group.sentences if sentence.published]
    if published and (max(published) - min(published)).days > LONG_STORY_DAYS:
        rest.sort(key=lambda item: (_when(item), _told_at(item), item[2].article, item[2].ref.index))
    else:
        rest.sort(key=lambda item: (_told_at(item), item[2].article, item[2].ref.index))
    return [opener, *rest]


def _told_at(item: tuple[float, FactGroup, Sentence]) -> float:
    return min(member.share for member in item[1].sentences)


def _when(item: tuple[float, FactGroup, Sentence]) -> PartialDate:
    """When the sentence's fact happened: its own finest date, else the first day its sources published it
    (after every date when there is neither)."""
    _, group, sentence = item
    values = sorted((d.value for d in sentence.dates if d.value), key=lambda value: (-value.parts, value))
    if values:
        return values[0]
    published = [member.published for member in group.sentences if member.published]
    first = min(published) if published else None
    return PartialDate(first.year, first.month, first.day) if first else PartialDate(9999)


def _cited(group: FactGroup, sentence: Sentence) -> Cited:
    others = sorted((member for member in group.sentences if member is not sentence),
                    key=lambda m: (m.article, m.ref.index))
    ordered = [sentence, *others]
    return Cited(text=sentence.text, sources=tuple(m.article for m in ordered), refs=tuple(m.ref for m in ordered))
