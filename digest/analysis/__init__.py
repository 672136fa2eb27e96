"""The analysis stage: a topic's articles in, its digest out.

Each step is a module of its own; this function only wires them, in the order their
inputs require. Nothing here reads files, the clock or the network: the same topic
always gives the same digest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

from digest.analysis.cards import build_cards
from digest.analysis.contested import find_contested
from digest.analysis.corpus import build_corpus
from digest.analysis.curation import apply_curation
from digest.analysis.grouping import group_facts
from digest.analysis.summary import build_summary
from digest.analysis.timeline import build_timeline
from digest.language.sentences import word_count
from digest.memo import start_topic
from digest.model import ArticleInfo, Digest, Topic, topic_updated

StageMeter = Callable[[str], AbstractContextManager[object]]
"""Given a step's name, a context that measures it (the benchmark and `make eval` time and weigh each step)."""


@contextmanager
def _unmeasured(stage: str) -> Iterator[None]:
    yield


def analyse(topic: Topic, *, meter: StageMeter = _unmeasured) -> Digest:
    """Build the digest of one topic; each step runs inside `meter(step name)`."""
    start_topic()
    with meter("corpus"):
        corpus = build_corpus(topic)
    with meter("grouping"):
        groups = group_facts(corpus)
    with meter("cards"):
        cards = build_cards(corpus, groups)
    flags = {card.article: card.flags for card in cards}
    updated = topic_updated(topic)
    with meter("summary"):
        summary = build_summary(corpus, groups, topic.settings)
    with meter("timeline"):
        timeline = build_timeline(corpus, groups)
    with meter("contested"):
        contested = find_contested(corpus, groups)
    digest = Digest(
        slug=topic.slug,
        title=topic.title,
        articles=tuple(
            ArticleInfo(
                id=article.id,
                path=article.path.name,
                title=article.meta.title,
                outlet=article.meta.outlet,
                url=article.meta.url,
                published=article.meta.published.isoformat() if article.meta.published else None,
                author=article.meta.author or article.meta.credit,
                words=word_count(article.body),
                flags=flags[article.id],
            )
            for article in topic.articles
        ),
        summary=summary,
        timeline=timeline,
        contested=contested,
        cards=cards,
        updated=updated.isoformat() if updated else None,
    )
    with meter("curation"):
        return apply_curation(topic, corpus, digest)
