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
import operator
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from digest.analysis.corpus import Corpus, Unit, content_tokens
from digest.content import fold

SIMILARITY_THRESHOLD = 0.42
"""Score from which two sentences are taken to report the same fact."""
BLOCKING_KEYS = 8
"""How many of a sentence's rarest words serve to look up candidates."""
WINDOW = 20
"""A sentence is compared with at most this many later holders of each of its keys (see `candidate_pairs`)."""
ECHO_FLOOR = 0.15
"""Pairs from this score count as a partial echo of a sentence in another outlet (see `FactGroup.echo`)."""
NEIGHBOURS = 16
"""Each sentence is scored against at most this many candidates (those sharing the most keys): groups grow
by chains of near neighbours, so the full list is never needed."""
QUANTITY_BONUS = 0.25
"""Added for a shared telling figure (half for a figure under 100)."""
DATE_BONUS = 0.15
"""Added per shared resolved date (two at most)."""
NAME_BONUS = 0.05
"""Added per shared name word (three at most)."""
CONTAINMENT = 0.85
"""Discount of the containment score: a short sentence restated inside a longer one is nearly, not quite,
the same statement."""
COMMON_SHARE = 0.4
"""A word more than this share of the articles use is the story's common vocabulary: it finds no fact."""
RARE_COUNT = 3
"""A word used by this many articles or fewer is never common (small topics)."""
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


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """How telling each word of a topic is, counted over its articles."""

    weights: dict[str, float]
    """Inverse article frequency, log(1 + articles / articles using the word): a word most articles use says
    little about which fact a sentence states, a name or a verb only a few use says much. Articles, not
    outlets, are counted: a long story's ten outlets all use its vocabulary, but each event's words stay rare
    among its hundreds of articles. A syndicated copy counts as its original."""
    common: frozenset[str]
    """Words more than `COMMON_SHARE` of the articles use (and more than `RARE_COUNT`): the story's own
    vocabulary, which finds no fact."""

    @classmethod
    def of(cls, corpus: Corpus, statements: list[Unit]) -> Vocabulary:
        owners: dict[str, set[str]] = {}
        for unit in statements:
            article = corpus.syndicated.get(unit.article, unit.article)
            for token in unit.tokens:
                owners.setdefault(token, set()).add(article)
        articles = len({corpus.syndicated.get(unit.article, unit.article) for unit in statements}) or 1
        limit = max(RARE_COUNT, COMMON_SHARE * articles)
        return cls(weights={token: math.log(1 + articles / len(found)) for token, found in owners.items()},
                   common=frozenset(token for token, found in owners.items() if len(found) > limit))


def _vectors(vocabulary: Vocabulary, statements: list[Unit]) -> list[dict[str, float]]:
    return [_vector(vocabulary, unit.tokens) for unit in statements]


def _vector(vocabulary: Vocabulary, tokens: tuple[str, ...]) -> dict[str, float]:
    return {token: vocabulary.weights[token] for token in tokens}


def _norm(vector: dict[str, float]) -> float:
    return math.sqrt(sum(weight * weight for weight in vector.values())) or 1.0


def _dot(left: Mapping[str, float], right: Mapping[str, float]) -> float:
    """The dot product of two word vectors, summed over the shorter one's words in its order (the sum's order
    fixes its last bits). Built from `map` and `filter`: it runs for every compared pair of wordings."""
    if len(left) > len(right):
        left, right = right, left
    shared = list(filter(right.__contains__, left))
    return sum(map(operator.mul, map(left.__getitem__, shared), map(right.__getitem__, shared)))


def _cosine(left: Mapping[str, float], right: Mapping[str, float], norms: tuple[float, float]) -> float:
    dot = _dot(left, right)
    return dot / (norms[0] * norms[1]) if dot else 0.0


def lexical_similarity(left: dict[str, float], right: dict[str, float], norms: tuple[float, float]) -> float:
    """Weighted word overlap of two sentences: the cosine, or, when one sentence restates the other inside a
    longer one, how much of the shorter one's (squared) weight the longer one covers, a little discounted."""
    shared = _dot(left, right)
    if not shared:
        return 0.0
    # A word weighs the same in both sentences, so `shared` is also the covered share of either one's squared norm.
    return max(shared / (norms[0] * norms[1]), CONTAINMENT * shared / min(norms) ** 2)


_Counted = dict[str, frozenset[tuple[float, bool]]]
"""Figures by the thing they count (see `Evidence.counted`)."""
_CountedItems = tuple[tuple[str, frozenset[tuple[float, bool]]], ...]
"""`_Counted` as sorted items, hashable."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a sentence states beyond its words, read once: two sentences are compared on it many times."""

    figures: frozenset[float]
    """Telling figures: values from 10 up, or with decimals ("23 dead", "$1.4 billion")."""
    dates: frozenset[str]
    """Resolved dates (YYYY, YYYY-MM, YYYY-MM-DD)."""
    name_words: frozenset[str]
    """Words of its capitalised names."""
    quoted: frozenset[str]
    """Content words inside quotation marks: what a speaker is quoted as saying."""
    counted: _CountedItems
    """Figures by the thing they count ("people" -> {(23, False)}; '' for a figure from 10 up that names no
    thing, "the toll rose to 25"), each with whether it is approximate ("about 4,000")."""

    @classmethod
    def of(cls, unit: Unit) -> Evidence:
        counted: dict[str, set[tuple[float, bool]]] = {}
        for quantity in unit.quantities:
            if quantity.counts or quantity.value >= 10:
                counted.setdefault(quantity.counts, set()).add((quantity.value, quantity.approximate))
        return cls(
            figures=frozenset(q.value for q in unit.quantities if q.value >= 10 or q.value != int(q.value)),
            dates=frozenset(d.value for d in unit.dates if d.value),
            name_words=frozenset(word for name in unit.names for word in name.split()),
            quoted=frozenset(token for match in _QUOTE.finditer(unit.text)
                             for token in content_tokens(match.group(1) or match.group(2))),
            counted=tuple(sorted((noun, frozenset(values)) for noun, values in counted.items())),
        )


def _evidence(statements: list[Unit]) -> list[Evidence]:
    """Each statement's `Evidence`, read once per sentence text and dates: news copies repeat sentences."""
    read: dict[tuple, Evidence] = {}
    found = []
    for unit in statements:
        key = (unit.text, unit.quantities, frozenset(d.value for d in unit.dates if d.value))
        evidence = read.get(key)
        if evidence is None:
            evidence = read[key] = Evidence.of(unit)
        found.append(evidence)
    return found


def _rare_words(tokens: tuple[str, ...], frequency: Counter[str]) -> list[str]:
    """The `BLOCKING_KEYS` rarest words that another sentence uses too."""
    rare = sorted((token for token in tokens if frequency[token] > 1), key=lambda t: (frequency[t], t))
    return rare[:BLOCKING_KEYS]


def _evidence_keys(evidence: Evidence) -> list[str]:
    """Its figures and dates, as index keys."""
    return [*(f"#n:{value:g}" for value in sorted(evidence.figures)),
            *(f"#d:{value}" for value in sorted(evidence.dates))]


def _number_evidence(value: float) -> float:
    """How much a shared figure says: "40,000 vehicles" in two sentences is telling, "12 people" less so."""
    return QUANTITY_BONUS if value >= 100 or value != int(value) else QUANTITY_BONUS / 2


def date_values_conflict(left: AbstractSet[str], right: AbstractSet[str]) -> bool:
    """Both sentences date what they say (resolved values: YYYY, YYYY-MM, YYYY-MM-DD), and no date of one can
    name a day of the other: two events."""
    return bool(left and right) and not any(_compatible_dates(a, b) for a in left for b in right)


def _compatible_dates(first: str, second: str) -> bool:
    if first.startswith(second) or second.startswith(first):
        return True
    if len(first) == len(second) == 10:  # a day apart: a late report, a time zone, "yesterday"
        return abs((date.fromisoformat(first) - date.fromisoformat(second)).days) <= 1
    return False


@lru_cache(maxsize=65536)
def _figures_conflict(first: _CountedItems, second: _CountedItems) -> bool:
    """Both count the same thing ("23 people", "25 people") with no figure in common: not one fact as told.
    Approximate figures ("about 4,000") leave room and never conflict. Takes `Evidence.counted`, and is cached:
    news copies repeat their figures, so the same two counts meet again and again."""
    return bool(first and second) and _counts_conflict(dict(first), dict(second))


def _shared_dates(first: Evidence, second: Evidence) -> float:
    """Dates both give: 1 per date given alike, a half per date one gives coarser ("2020" and "January 2020")."""
    same = first.dates & second.dates
    coarser = {a for a in first.dates - same for b in second.dates - same if a.startswith(b) or b.startswith(a)}
    return len(same) + 0.5 * len(coarser)


def similarity(lexical: float, informative: int, facts: _Facts, dated: tuple[float, bool]) -> float:
    """Word overlap plus evidence that both state the same figures, dates and names, minus evidence that
    they do not (different dates, different counts of one thing, different quotations).

    `informative` is how many words the two share that most articles do not use. Each shared figure or date
    counts as one more; below two such pieces of evidence the sentences only share the story's common
    vocabulary, and their overlap is discounted unless it is near verbatim. `facts` is `_shared_facts` and
    `dated` is `_shared_time` of the two sentences' evidence.
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


_Facts = tuple[int, float, int, bool, bool]
"""Shared figures, their bonus (two at most), shared name words, different counts of one thing, different
quotations."""


def _shared_facts(first: Evidence, second: Evidence) -> _Facts:
    """What two sentences' figures, names and quotations say about whether they state one fact."""
    figures = first.figures & second.figures
    return (len(figures), sum(map(_number_evidence, sorted(figures)[:2])),
            len(first.name_words & second.name_words),
            bool(first.counted and second.counted) and _figures_conflict(first.counted, second.counted),
            _quotes_differ(first, second))


def _shared_time(first: Evidence, second: Evidence) -> tuple[float, bool]:
    """Dates two sentences share (see `_shared_dates`), and whether their dates cannot name one day."""
    return (_shared_dates(first, second) if first.dates and second.dates else 0.0,
            date_values_conflict(first.dates, second.dates))


def _quotes_differ(first: Evidence, second: Evidence) -> bool:
    """Both quote someone, in words they barely share: two statements, however alike the "X, the governor,
    said" around them."""
    if len(first.quoted) < 3 or len(second.quoted) < 3:
        return False
    return len(first.quoted & second.quoted) < QUOTE_OVERLAP * min(len(first.quoted), len(second.quoted))


def candidate_pairs(corpus: Corpus, statements: list[Unit], floor: float = SIMILARITY_THRESHOLD,
                    vocabulary: Vocabulary | None = None,
                    evidence: list[Evidence] | None = None) -> list[tuple[float, int, int]]:
    """Scored pairs (score >= `floor`) of sentences from different articles that may state one fact, best first.

    Candidates come from an inverted index of each sentence's rarest words, figures and dates. A key shared by
    many sentences links each one only to the next `WINDOW` holders of that key (sorted neighbourhood): groups
    grow by chains of near neighbours, so the work stays linear however common a key is. `evidence` is each
    statement's `Evidence`, when the caller has read it already.
    """
    frequency: Counter[str] = Counter(token for unit in statements for token in unit.tokens)
    vocabulary = vocabulary if vocabulary is not None else Vocabulary.of(corpus, statements)
    evidence = evidence if evidence is not None else _evidence(statements)
    # News copies repeat sentences: a wording is weighed once, and a pair of wordings, of figures and names, or
    # of dates is compared once.
    wording_ids: dict[tuple[str, ...], int] = {}
    wordings = [wording_ids.setdefault(unit.tokens, len(wording_ids)) for unit in statements]
    vectors = [_vector(vocabulary, tokens) for tokens in wording_ids]
    norms = [_norm(vector) for vector in vectors]
    token_sets = [frozenset(tokens) for tokens in wording_ids]
    rare_sets = [tokens - vocabulary.common for tokens in token_sets]
    rare_words = [_rare_words(tokens, frequency) for tokens in wording_ids]
    fact_ids: dict[tuple, int] = {}
    facts = [fact_ids.setdefault((found.figures, found.name_words, found.quoted, found.counted), len(fact_ids))
             for found in evidence]
    date_ids: dict[frozenset[str], int] = {}
    dates = [date_ids.setdefault(found.dates, len(date_ids)) for found in evidence]
    overlaps: dict[tuple[int, int], tuple[float, int]] = {}
    shared_facts: dict[tuple[int, int], _Facts] = {}
    shared_times: dict[tuple[int, int], tuple[float, bool]] = {}
    postings: dict[str, list[int]] = {}
    keys = [(rare_words[wording], _evidence_keys(found)) for wording, found in zip(wordings, evidence, strict=True)]
    for index, (words, figures_and_dates) in enumerate(keys):
        for key in words + figures_and_dates:
            postings.setdefault(key, []).append(index)
    # A figure or date key is looked up twice: it counts as two shared words.
    lookups = [[postings[key] for key in [*words, *figures_and_dates, *figures_and_dates] if len(postings[key]) > 1]
               for words, figures_and_dates in keys]
    articles = [unit.article for unit in statements]
    pairs = []
    for index, lookup in enumerate(lookups):
        later: list[int] = []
        for posting in lookup:
            start = bisect_right(posting, index)  # postings ascend: only later sentences
            later += posting[start:start + WINDOW]
        if not later:
            continue
        article = articles[index]
        nearest = sorted([(-count, other) for other, count in Counter(later).items()
                          if count >= 2 and articles[other] != article])[:NEIGHBOURS]
        wording, fact, when = wordings[index], facts[index], dates[index]
        vector, norm, rare = vectors[wording], norms[wording], rare_sets[wording]
        for _, other in nearest:
            other_wording = wordings[other]
            overlap = overlaps.get((wording, other_wording))
            if overlap is None:
                lexical = lexical_similarity(vector, vectors[other_wording], (norm, norms[other_wording]))
                overlap = overlaps[wording, other_wording] = (lexical, len(rare & token_sets[other_wording]))
            told = shared_facts.get((fact, facts[other]))
            if told is None:
                told = shared_facts[fact, facts[other]] = _shared_facts(evidence[index], evidence[other])
            dated = shared_times.get((when, dates[other]))
            if dated is None:
                dated = shared_times[when, dates[other]] = _shared_time(evidence[index], evidence[other])
            score = similarity(*overlap, told, dated)
            if score >= floor:
                pairs.append((-score, index, other))
    pairs.sort()
    return [(-negated, index, other) for negated, index, other in pairs]


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
    if len(values_by_outlet) == 1:
        (values,) = values_by_outlet.values()
        return tuple(sorted(values))
    counts = Counter(value for values in values_by_outlet.values() for value in values)
    return tuple(sorted(value for value, count in counts.items() if count >= 2))


def _echoes(statements: list[Unit], pairs: list[tuple[float, int, int]]) -> list[float]:
    """Each sentence's soft corroboration: the sum over other outlets of its best match there (pairs come best
    first, so the first match with an outlet is the best)."""
    best: list[dict[str, float]] = [{} for _ in statements]
    outlets = [unit.outlet for unit in statements]
    for score, first, second in pairs:
        left, right = outlets[first], outlets[second]
        if left != right:
            value = min(1.0, score / SIMILARITY_THRESHOLD)
            best[first].setdefault(right, value)
            best[second].setdefault(left, value)
    return [sum(values.values()) for values in best]


def _central(members: list[int], vectors: list[dict[str, float]], centralities: list[float]) -> int:
    """The member closest to the group's centre (the sum of its vectors), the story's core breaking ties."""
    centre: Counter[str] = Counter()
    for index in members:
        centre.update(vectors[index])
    centre_norm = math.sqrt(sum(weight * weight for weight in centre.values())) or 1.0
    centre_vector = dict(centre)

    def closeness(index: int) -> tuple[float, int]:
        vector = vectors[index]
        norm = math.sqrt(sum(weight * weight for weight in vector.values())) or 1.0
        return (_cosine(vector, centre_vector, (norm, centre_norm)) + 0.2 * centralities[index], -index)

    return max(members, key=closeness)


def _group(members: list[int], statements: list[Unit], vectors: list[dict[str, float]],
           centralities: list[float], echoes: list[float]) -> FactGroup:
    units = [statements[index] for index in members]
    best = _central(members, vectors, centralities) if len(members) > 1 else members[0]
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
    dates: list[Counter[str]] = [Counter(d.value for d in unit.dates if d.value) for unit in statements]
    most_given: list[str | None] = [_most_given(given) if given else None for given in dates]
    evidence = _evidence(statements)
    counted: list[_Counted] = [dict(found.counted) for found in evidence]

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    vocabulary = Vocabulary.of(corpus, statements)
    vectors = _vectors(vocabulary, statements)
    pairs = candidate_pairs(corpus, statements, ECHO_FLOOR, vocabulary, evidence)
    for score, first, second in pairs:
        if score < SIMILARITY_THRESHOLD:
            break
        left, right = root(first), root(second)
        if (left == right or not articles[left].isdisjoint(articles[right])
                or _clusters_conflict(most_given[left], most_given[right])
                or _counts_conflict(counted[left], counted[right])):
            continue
        keep, gone = min(left, right), max(left, right)
        parent[gone] = keep
        articles[keep] |= articles[gone]
        if dates[gone]:  # a cluster that gives no date or counts nothing changes neither
            dates[keep] += dates[gone]
            most_given[keep] = _most_given(dates[keep])
        if counted[gone]:
            counted[keep] = {noun: counted[keep].get(noun, frozenset()) | counted[gone].get(noun, frozenset())
                             for noun in sorted(counted[keep].keys() | counted[gone].keys())}
    members: dict[int, list[int]] = {}
    for index in range(len(statements)):
        members.setdefault(root(index), []).append(index)
    centralities = _centralities(corpus, statements)
    echoes = _echoes(statements, pairs)
    groups = [_group(members[key], statements, vectors, centralities, echoes) for key in sorted(members)]
    return tuple(_unique_ids(groups))


def _clusters_conflict(left: str | None, right: str | None) -> bool:
    """Two clusters about different days: their most given dates (None when a cluster gives none) cannot name
    one day. Pairs are checked one by one (see `similarity`), but a chain of pairs could still link "said on
    Friday" sentences of every week."""
    return left is not None and right is not None and not _compatible_dates(left, right)


def _counts_conflict(left: _Counted, right: _Counted) -> bool:
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


def _most_given(dates: Counter[str]) -> str:
    return min(dates, key=lambda value: (-dates[value], -len(value), value))


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
