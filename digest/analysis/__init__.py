"""The analysis stage: a topic's articles in, its digest out.

Each step is a module of its own; this function only wires them, in the order their
inputs require. Nothing here reads files, the clock or the network: the same topic
always gives the same digest.
"""

from __future__ import annotations

from digest.analysis.cards import build_cards
from digest.analysis.contested import find_contested
from digest.analysis.corpus import build_corpus
from digest.analysis.curation import apply_curation
from digest.analysis.grouping import group_facts
from digest.analysis.summary import build_summary
from digest.analysis.timeline import build_timeline
from digest.memo import start_topic
from digest.model import ArticleInfo, Digest, Topic, topic_updated
from digest.text import word_count


def analyse(topic: Topic) -> Digest:
    """Build the digest of one topic."""
    start_topic()
    corpus = build_corpus(topic)
    groups = group_facts(corpus)
    cards = build_cards(corpus, groups)
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
        summary=build_summary(corpus, groups, topic.settings),
        timeline=build_timeline(corpus, groups),
        contested=find_contested(corpus, groups),
        cards=cards,
        updated=updated.isoformat() if updated else None,
    )
    return apply_curation(topic, corpus, digest)
