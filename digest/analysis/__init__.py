"""The analysis stage: a topic's articles in, its digest out.

Each step is a module of its own; this function only wires them, in the order their
inputs require. Nothing here reads files, the clock or the network: the same topic
always gives the same digest.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from digest.analysis.cards import build_cards
from digest.analysis.contested import find_contested
from digest.analysis.corpus import build_corpus
from digest.analysis.curation import apply_curation
from digest.analysis.grouping import group_facts
from digest.analysis.summary import build_summary
from digest.analysis.timeline import build_timeline
from digest.content import topic_updated
from digest.memo import start_topic
from digest.model import ArticleInfo, Digest, Topic
from digest.text import word_count

T = TypeVar("T")


def analyse(topic: Topic, *, stage_seconds: dict[str, float] | None = None) -> Digest:
    """Build the digest of one topic; `stage_seconds`, if given, gains the CPU seconds each step took."""

    def timed(stage: str, step: Callable[[], T]) -> T:
        if stage_seconds is None:
            return step()
        start = time.process_time()
        result = step()
        stage_seconds[stage] = stage_seconds.get(stage, 0.0) + time.process_time() - start
        return result

    start_topic()
    corpus = timed("corpus", lambda: build_corpus(topic))
    groups = timed("grouping", lambda: group_facts(corpus))
    cards = timed("cards", lambda: build_cards(corpus, groups))
    flags = {card.article: card.flags for card in cards}
    updated = topic_updated(topic)
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
        summary=timed("summary", lambda: build_summary(corpus, groups, topic.settings)),
        timeline=timed("timeline", lambda: build_timeline(corpus, groups)),
        contested=timed("contested", lambda: find_contested(corpus, groups)),
        cards=cards,
        updated=updated.isoformat() if updated else None,
    )
    return timed("curation", lambda: apply_curation(topic, corpus, digest))
