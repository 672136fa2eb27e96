"""What the detectors share: the point under construction and small text helpers."""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from digest.analysis.corpus import Corpus, Sentence
from digest.language.lexicon import TERM_STOPWORDS
from digest.language.tokens import stem

Item = TypeVar("Item")

MAX_POSTING = 400
"""A word shared by more candidates than this is too common to pair them by."""


@dataclass(slots=True)
class CandidateSide:
    """One side while a point is being built: its label, its sentences and the text it quotes."""

    label: str
    """Short description (the figure, the actor, the date)."""
    sentences: list[Sentence]
    """The sentences that state this side, the quoted one first."""
    text: str = ""
    """The quoted text when it is part of a sentence (a claim and its denial in one sentence)."""


@dataclass(slots=True)
class Candidate:
    """A point a detector proposes, before ranking."""

    kind: str
    """number, date, denial, stance or framing."""
    title: str
    """What is in dispute, from the sentences' own words."""
    sides: list[CandidateSide]
    """Two or more sides."""
    evidence: float
    """0-1: how much the sides share beyond the cue (terms, names, figures)."""
    expand: bool = True
    """Whether sentences that other outlets report the same way may join a side."""
    voices: tuple[str, ...] = ()
    """Who the sides are, when not their labels: points of one kind with the same voices are one point (one
    person attacked by two others over one remark)."""


def statements(corpus: Corpus) -> list[Sentence]:
    """The sentences that state something (no headings, datelines or labels)."""
    return [sentence for sentence in corpus.sentences if not sentence.furniture]


def previous(corpus: Corpus, sentence: Sentence) -> Sentence | None:
    """The statement before this one in the same article (for "they" and "this presence")."""
    sentences = corpus.by_article[sentence.article]
    for index in range(sentence.position - 1, -1, -1):  # no copy of the sentences before: an article may have thousands
        if not sentences[index].furniture:
            return sentences[index]
    return None


def copies(sentences: Iterable[Sentence],
           key: Callable[[Sentence], Hashable] = lambda sentence: sentence.text) -> list[list[Sentence]]:
    """The sentences grouped by `key` (by default their text), in first-seen order.

    Many outlets print one sentence word for word: a detector compares one sentence of each
    group and gives a side every copy, so a claim repeated by a thousand sources costs one
    comparison rather than one per pair of copies.
    """
    groups: dict[Hashable, list[Sentence]] = {}
    for sentence in sentences:
        groups.setdefault(key(sentence), []).append(sentence)
    return list(groups.values())


def unique(sentences: list[Sentence]) -> list[Sentence]:
    """The sentences without repeats, in first-seen order."""
    seen: dict[tuple[str, int], Sentence] = {}
    for sentence in sentences:
        seen.setdefault((sentence.article, sentence.ref.index), sentence)
    return list(seen.values())


def outlets(sentences: list[Sentence]) -> set[str]:
    """Distinct outlets of some sentences (a syndicated copy counts for its original)."""
    return {sentence.outlet for sentence in sentences}


def clean_actor(actor: str) -> str:
    """An actor as a label: "the interior ministry" -> "interior ministry", "But Mr Holmes" -> "Mr Holmes"."""
    return re.sub(r"^(?:(?:But|And|Yet|However,?|So)\s+)?(?:the|The)?\s*", "", actor.strip())


def terms_in_order(text: str, wanted: set[str] | frozenset[str], limit: int = 4) -> str:
    """The sentence's own words that are among `wanted`, as written, in order ("Iraqi Parliament, 2020")."""
    words: dict[str, str] = {}
    for word in re.findall(r"[\w\u2019'.-]+", text):
        cleaned = re.sub(r"[\u2019']s?$", "", word).strip(".'")
        if stem(cleaned.lower()) in wanted or cleaned in wanted:
            words.setdefault(stem(cleaned.lower()), cleaned)
    return ", ".join(list(words.values())[:limit])


def shared_phrase(text: str, shared: set[str] | frozenset[str]) -> str:
    """The longest run of the sentence's words that are shared terms (joined by function words)."""
    best: list[str] = []
    run: list[str] = []
    for word in [*text.split(), ""]:
        cleaned = word.strip(".,;:\"'()")
        token = stem(cleaned.lower())
        if word and (token in shared or (run and token in TERM_STOPWORDS and token not in {"and", "but"})):
            run.append(cleaned)
            continue
        while run and stem(run[-1].lower()) in TERM_STOPWORDS:
            run.pop()
        if len(run) > len(best):
            best = run
        run = []
    return " ".join(best)
