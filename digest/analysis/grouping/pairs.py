"""Candidate pairs: an inverted index of each sentence's rarest words, figures and dates finds the sentences
worth comparing, and weighted word overlap plus `evidence` scores them."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from digest.analysis.corpus import Corpus, Sentence
from digest.analysis.grouping.evidence import (
    Evidence,
    SharedFacts,
    dates_in_common,
    facts_in_common,
    read_evidence,
    similarity,
)
from digest.language.similarity import dot, later_holders, norm, postings, rarest
from digest.language.times import PartialDate

SIMILARITY_THRESHOLD = 0.42
"""Score from which two sentences are taken to report the same fact."""
BLOCKING_KEYS = 8
"""How many of a sentence's rarest words serve to look up candidates."""
WINDOW = 20
"""A sentence is compared with at most this many later holders of each of its keys (see `candidate_pairs`)."""
NEIGHBOURS = 16
"""Each sentence is scored against at most this many candidates (those sharing the most keys): groups grow
by chains of near neighbours, so the full list is never needed."""
CONTAINMENT = 0.85
"""Discount of the containment score: a short sentence restated inside a longer one is nearly, not quite,
the same statement."""
COMMON_SHARE = 0.4
"""A word more than this share of the articles use is the story's common vocabulary: it finds no fact."""
RARE_COUNT = 3
"""A word used by this many articles or fewer is never common (small topics)."""


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
    def of(cls, corpus: Corpus, statements: list[Sentence]) -> Vocabulary:
        owners: dict[str, set[str]] = {}
        for sentence in statements:
            article = corpus.syndicated.get(sentence.article, sentence.article)
            for token in sentence.tokens:
                owners.setdefault(token, set()).add(article)
        articles = len({corpus.syndicated.get(sentence.article, sentence.article) for sentence in statements}) or 1
        limit = max(RARE_COUNT, COMMON_SHARE * articles)
        return cls(weights={token: math.log(1 + articles / len(found)) for token, found in owners.items()},
                   common=frozenset(token for token, found in owners.items() if len(found) > limit))


def word_vectors(vocabulary: Vocabulary, statements: list[Sentence]) -> list[dict[str, float]]:
    return [_vector(vocabulary, sentence.tokens) for sentence in statements]


def _vector(vocabulary: Vocabulary, tokens: tuple[str, ...]) -> dict[str, float]:
    return {token: vocabulary.weights[token] for token in tokens}


def lexical_similarity(left: dict[str, float], right: dict[str, float], norms: tuple[float, float]) -> float:
    """Weighted word overlap of two sentences: the cosine, or, when one sentence restates the other inside a
    longer one, how much of the shorter one's (squared) weight the longer one covers, a little discounted."""
    shared = dot(left, right)
    if not shared:
        return 0.0
    # A word weighs the same in both sentences, so `shared` is also the covered share of either one's squared norm.
    return max(shared / (norms[0] * norms[1]), CONTAINMENT * shared / min(norms) ** 2)


def _rare_words(tokens: tuple[str, ...], frequency: Counter[str]) -> list[str]:
    """The `BLOCKING_KEYS` rarest words that another sentence uses too."""
    return rarest(tokens, frequency, BLOCKING_KEYS)


def _evidence_keys(evidence: Evidence) -> list[str]:
    """Its figures and dates, as index keys."""
    return [*(f"#n:{value:g}" for value in sorted(evidence.figures)),
            *(f"#d:{value}" for value in sorted(evidence.dates))]


def candidate_pairs(corpus: Corpus, statements: list[Sentence], floor: float = SIMILARITY_THRESHOLD,
                    vocabulary: Vocabulary | None = None,
                    evidence: list[Evidence] | None = None) -> list[tuple[float, int, int]]:
    """Scored pairs (score >= `floor`) of sentences from different articles that may state one fact, best first.

    Candidates come from an inverted index of each sentence's rarest words, figures and dates. A key shared by
    many sentences links each one only to the next `WINDOW` holders of that key (sorted neighbourhood): groups
    grow by chains of near neighbours, so the work stays linear however common a key is. `evidence` is each
    statement's `Evidence`, when the caller has read it already.
    """
    frequency: Counter[str] = Counter(token for sentence in statements for token in sentence.tokens)
    vocabulary = vocabulary if vocabulary is not None else Vocabulary.of(corpus, statements)
    evidence = evidence if evidence is not None else read_evidence(statements)
    # News copies repeat sentences: a wording is weighed once, and a pair of wordings, of figures and names, or
    # of dates is compared once.
    wording_ids: dict[tuple[str, ...], int] = {}
    wordings = [wording_ids.setdefault(sentence.tokens, len(wording_ids)) for sentence in statements]
    vectors = [_vector(vocabulary, tokens) for tokens in wording_ids]
    norms = [norm(vector) for vector in vectors]
    token_sets = [frozenset(tokens) for tokens in wording_ids]
    rare_sets = [tokens - vocabulary.common for tokens in token_sets]
    rare_words = [_rare_words(tokens, frequency) for tokens in wording_ids]
    fact_ids: dict[tuple, int] = {}
    facts = [fact_ids.setdefault((found.figures, found.name_words, found.quoted, found.counted), len(fact_ids))
             for found in evidence]
    date_ids: dict[frozenset[PartialDate], int] = {}
    dates = [date_ids.setdefault(found.dates, len(date_ids)) for found in evidence]
    overlaps: dict[tuple[int, int], tuple[float, int]] = {}
    shared_facts: dict[tuple[int, int], SharedFacts] = {}
    shared_times: dict[tuple[int, int], tuple[float, bool]] = {}
    keys = [(rare_words[wording], _evidence_keys(found)) for wording, found in zip(wordings, evidence, strict=True)]
    index_of = postings([words + figures_and_dates for words, figures_and_dates in keys])
    # A figure or date key is looked up twice: it counts as two shared words.
    lookups = [[index_of[key] for key in [*words, *figures_and_dates, *figures_and_dates] if len(index_of[key]) > 1]
               for words, figures_and_dates in keys]
    articles = [sentence.article for sentence in statements]
    pairs = []
    for index, lookup in enumerate(lookups):
        later = later_holders(lookup, index, WINDOW)
        if not later:
            continue
        article = articles[index]
        nearest = sorted([(-count, other) for other, count in Counter(later).items()
                          if count >= 2 and articles[other] != article])[:NEIGHBOURS]
        wording, fact, when = wordings[index], facts[index], dates[index]
        vector, length, rare = vectors[wording], norms[wording], rare_sets[wording]
        for _, other in nearest:
            other_wording = wordings[other]
            overlap = overlaps.get((wording, other_wording))
            if overlap is None:
                lexical = lexical_similarity(vector, vectors[other_wording], (length, norms[other_wording]))
                overlap = overlaps[wording, other_wording] = (lexical, len(rare & token_sets[other_wording]))
            told = shared_facts.get((fact, facts[other]))
            if told is None:
                told = shared_facts[fact, facts[other]] = facts_in_common(evidence[index], evidence[other])
            dated = shared_times.get((when, dates[other]))
            if dated is None:
                dated = shared_times[when, dates[other]] = dates_in_common(evidence[index], evidence[other])
            score = similarity(*overlap, told, dated)
            if score >= floor:
                pairs.append((-score, index, other))
    pairs.sort()
    return [(-negated, index, other) for negated, index, other in pairs]
