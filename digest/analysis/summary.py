"""The summary: a few verbatim sentences that carry the story's most corroborated, central facts.

Extractive and multi-source. Each fact group is a candidate, worth more when more outlets
report it and when its words are the story's common vocabulary. Maximal marginal
relevance picks groups one at a time, discounting any that repeat what is already
chosen, until the word budget is spent. The chosen sentences are then put in reading
order: how early the sources tell them.
"""

from __future__ import annotations

import math
import re

from digest.analysis.corpus import Corpus, Unit
from digest.analysis.grouping import FactGroup
from digest.model import Cited, TopicSettings

MMR_LAMBDA = 0.7
"""Balance of relevance (1) against novelty (0) when picking the next sentence."""
MIN_WORDS = 8
"""Shorter sentences rarely state a whole fact."""
MAX_WORDS = 50
"""Longer sentences eat the budget of several facts."""
CANDIDATES = 300
"""Only the most relevant groups are considered: enough for any budget, and keeps MMR fast."""
# Openers that lean on the sentence before: out of context they read as non sequiturs.
_DEPENDENT_OPENER = re.compile(
    r"^(?:he|she|they|it|this|that|these|those|but|and|however|meanwhile|also|still|yet|so|then|"
    r"instead|moreover|furthermore|additionally|in addition|as a result|the move|the decision)\b",
    re.IGNORECASE,
)


def _suitable(unit: Unit) -> bool:
    text = unit.text.strip()
    return (MIN_WORDS <= unit.words <= MAX_WORDS and not unit.furniture and text[-1:] in ".!\"'\u201d\u2019)"
            and not text.endswith("?") and not text.startswith(("\u201c", '"', "'", "\u2018")))


def _quoted(group: FactGroup) -> Unit | None:
    """The group's sentence to quote: its representative if it reads well alone, else the first that does."""
    readable = [unit for unit in group.units if _suitable(unit)]
    if not readable:
        return None
    return min(readable, key=lambda unit: (bool(_DEPENDENT_OPENER.match(unit.text)), unit is not group.representative,
                                           unit.article, unit.ref.index))


def _relevance(group: FactGroup, unit: Unit, most_outlets: int) -> float:
    corroboration = (len(group.outlets) - 1) / max(1, most_outlets - 1)
    lead = 1.0 - min(member.share for member in group.units)
    value = 0.5 * corroboration + 0.35 * group.centrality + 0.15 * lead
    if _DEPENDENT_OPENER.match(unit.text):
        value *= 0.6
    if unit.attributions and all(a.speaker.lower() in ("he", "she", "they", "it", "we", "i")
                                 for a in unit.attributions):
        value *= 0.85
    return value


def _vector(corpus: Corpus, unit: Unit) -> tuple[dict[str, float], float]:
    vector = {token: corpus.idf(token) for token in unit.tokens}
    return vector, math.sqrt(sum(weight * weight for weight in vector.values())) or 1.0


def _similarity(first: tuple[dict[str, float], float], second: tuple[dict[str, float], float]) -> float:
    (left, left_norm), (right, right_norm) = first, second
    return sum(weight * right[token] for token, weight in left.items() if token in right) / (left_norm * right_norm)


def build_summary(corpus: Corpus, groups: tuple[FactGroup, ...], settings: TopicSettings) -> tuple[Cited, ...]:
    """About `settings.summary_words` words of cited sentences, in reading order."""
    most_outlets = max((len(group.outlets) for group in groups), default=1)
    scored = []
    for group in groups:
        unit = _quoted(group)
        if unit is not None:
            scored.append((_relevance(group, unit, most_outlets), group, unit))
    scored.sort(key=lambda item: (-item[0], item[1].id))
    pool = scored[:CANDIDATES]
    vectors = {item[1].id: _vector(corpus, item[2]) for item in pool}
    budget = settings.summary_words
    chosen: list[tuple[float, FactGroup, Unit]] = []
    words = 0
    while pool:
        best, best_score = None, -math.inf
        for item in pool:
            if words + item[2].words > budget:
                continue
            novelty = max((_similarity(vectors[item[1].id], vectors[other[1].id]) for other in chosen), default=0.0)
            score = MMR_LAMBDA * item[0] - (1 - MMR_LAMBDA) * novelty
            if score > best_score:
                best, best_score = item, score
        if best is None:
            break
        chosen.append(best)
        words += best[2].words
        pool = [item for item in pool if item is not best]
    chosen.sort(key=lambda item: (min(member.share for member in item[1].units), item[2].article, item[2].ref.index))
    return tuple(_cited(group, unit) for _, group, unit in chosen)


def _cited(group: FactGroup, unit: Unit) -> Cited:
    others = sorted((member for member in group.units if member is not unit), key=lambda m: (m.article, m.ref.index))
    ordered = [unit, *others]
    return Cited(text=unit.text, sources=tuple(m.article for m in ordered), refs=tuple(m.ref for m in ordered))
