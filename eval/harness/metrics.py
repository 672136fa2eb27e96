"""The figures the field reports: token F1 for cleaning, Date-F1 and ROUGE for timelines and summaries.

ROUGE is `rouge-score`'s (Porter stemming on), never one of our own: concatenated ROUGE scores the whole
timeline's text as one document; date-aligned ROUGE (Martschat & Markert 2017, "agreement") counts only the
n-grams an entry shares with the reference text of the same day.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float

    @staticmethod
    def of(matched: float, predicted: float, expected: float) -> PRF:
        precision = matched / predicted if predicted else 0.0
        recall = matched / expected if expected else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return PRF(precision, recall, f1)


def tokens(text: str) -> Counter[str]:
    """A bag of lower-cased word tokens, as the cleaning benchmarks count them."""
    return Counter(_WORD.findall(text.lower()))


def token_prf(predicted: str, gold: str) -> PRF:
    """Token-level precision, recall and F1 of an extracted body against the gold text."""
    got, want = tokens(predicted), tokens(gold)
    return PRF.of(sum((got & want).values()), sum(got.values()), sum(want.values()))


def date_prf(predicted: Iterable[date], reference: Iterable[date]) -> PRF:
    got, want = set(predicted), set(reference)
    return PRF.of(len(got & want), len(got), len(want))


@cache
def _scorer():
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)


@cache
def _tokenizer():
    from rouge_score import tokenizers

    return tokenizers.DefaultTokenizer(use_stemmer=True)


def rouge(predicted: str, reference: str) -> tuple[float, float]:
    """ROUGE-1 and ROUGE-2 F1 of one text against one reference."""
    scores = _scorer().score(reference, predicted)
    return scores["rouge1"].fmeasure, scores["rouge2"].fmeasure


def _ngrams(text: str, n: int) -> Counter[tuple[str, ...]]:
    words = _tokenizer().tokenize(text)
    return Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


def aligned_rouge(predicted: Mapping[date, str], reference: Mapping[date, str]) -> tuple[float, float]:
    """Date-aligned ROUGE-1 and ROUGE-2 F1: n-grams count as matched only against the same day's reference text."""
    figures = []
    for n in (1, 2):
        got = {day: _ngrams(text, n) for day, text in predicted.items()}
        want = {day: _ngrams(text, n) for day, text in reference.items()}
        matched = sum(sum((grams & want[day]).values()) for day, grams in got.items() if day in want)
        figures.append(PRF.of(matched, sum(sum(g.values()) for g in got.values()),
                              sum(sum(g.values()) for g in want.values())).f1)
    return figures[0], figures[1]


def truncate_words(sentences: Iterable[str], words: int) -> str:
    """Whole sentences in order until `words` words, the last one cut: baselines at the digest's own length."""
    taken: list[str] = []
    for sentence in sentences:
        taken += sentence.split()
        if len(taken) >= words:
            break
    return " ".join(taken[:words])


def mean(values: Iterable[float]) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0
