"""Source cards: what each article brings to the story, and what a reader should know about it.

A card counts the article's statements, how many of them another outlet also reports,
picks the claims only this article makes, and raises the flags of `digest.flags`.
"""

from __future__ import annotations

from digest.analysis.corpus import Corpus, Sentence
from digest.analysis.cues import loaded_words
from digest.analysis.grouping import FactGroup
from digest.flags import RECORDED_FLAGS
from digest.model import Article, Cited, SourceCard

ONLY_HERE_SHOWN = 3
"""How many claims of its own a card lists: the most informative ones."""
"""Flags the importer records in front matter and the card carries over."""


def _informativeness(sentence: Sentence) -> float:
    """Claims with figures, dates, named sources and names tell a reader the most."""
    return (1.5 * bool(sentence.quantities) + 1.2 * bool(sentence.dates) + 1.0 * bool(sentence.attributions)
            + 0.3 * min(3, len(sentence.names)) + min(1.0, sentence.words / 30))


def article_flags(article: Article, sentences: tuple[Sentence, ...]) -> tuple[str, ...]:
    """The flags of one article, in the order of `digest.flags.FLAGS`."""
    meta = article.meta
    raised = {flag for flag in RECORDED_FLAGS if flag in meta.flags}
    if meta.syndicated_from:
        raised.add("syndicated")
    if loaded_words(meta.title) or any(loaded_words(sentence.text) for sentence in sentences):
        raised.add("loaded_language")
    if meta.published is None:
        raised.add("no_date")
    if meta.url is None:
        raised.add("no_url")
    if meta.outlet is None:
        raised.add("no_outlet")
    order = ("syndicated", "date_anomaly", "loaded_language", "no_date", "no_url", "no_outlet")
    return tuple(flag for flag in order if flag in raised)


def _facts(sentence: Sentence) -> set[str]:
    """The checkable particulars of a sentence: its counted figures, and each date with each name."""
    facts = {f"#{quantity.key}" for quantity in sentence.quantities if quantity.counts}
    facts |= {f"{expression.value}|{name}" for expression in sentence.dates if expression.value
              and not expression.relative for name in sentence.names}
    return facts


def _echoes(corpus: Corpus) -> dict[str, set[str]]:
    """Which outlets state each particular."""
    outlets: dict[str, set[str]] = {}
    for sentence in corpus.sentences:
        if not sentence.furniture:
            for fact in _facts(sentence):
                outlets.setdefault(fact, set()).add(sentence.outlet)
    return outlets


def _echoed(sentence: Sentence, echoes: dict[str, set[str]]) -> bool:
    """A sentence whose figure, or whose date and name, another outlet also gives is no exclusive,
    even when the grouping found the two wordings too different to be one fact."""
    return any(echoes[fact] - {sentence.outlet} for fact in _facts(sentence))


def build_cards(corpus: Corpus, groups: tuple[FactGroup, ...]) -> tuple[SourceCard, ...]:
    """One card per article, in id order."""
    outlets_of: dict[tuple[str, int], frozenset[str]] = {}
    for group in groups:
        outlets = frozenset(group.outlets)
        for sentence in group.sentences:
            outlets_of[(sentence.article, sentence.ref.index)] = outlets
    echoes = _echoes(corpus)
    cards = []
    for article_id, article in corpus.articles.items():
        sentences = corpus.by_article[article_id]
        statements = [sentence for sentence in sentences if not sentence.furniture]
        outlet = corpus.outlets[article_id]
        corroborated = [sentence for sentence in statements
                        if outlets_of.get((article_id, sentence.ref.index), frozenset()) - {outlet}
                        or _echoed(sentence, echoes)]
        # A syndicated copy brings nothing of its own: its original already stands for it.
        confirmed = {sentence.ref for sentence in corroborated}
        own = [] if article_id in corpus.syndicated else [statement for statement in statements
                                                          if statement.ref not in confirmed]
        ranked = sorted(own, key=lambda sentence: (-_informativeness(sentence), sentence.position))[:ONLY_HERE_SHOWN]
        only_here = tuple(Cited(text=sentence.text, sources=(article_id,), refs=(sentence.ref,))
                          for sentence in sorted(ranked, key=lambda sentence: sentence.position))
        cards.append(SourceCard(
            article=article_id,
            sentences=len(statements),
            corroborated=len(corroborated),
            only_here=only_here,
            flags=article_flags(article, sentences),
        ))
    return tuple(cards)

