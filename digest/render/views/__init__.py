"""Page views: what each page shows, worked out from a Digest and its Topic (numbers, labels, links)."""

from digest.render.views.article import ArticleView, article_views
from digest.render.views.common import coverage_line, source_name, tag_anchors
from digest.render.views.listing import TagGroup, TopicCard, newest_first, tag_groups, topic_card
from digest.render.views.topic import TopicView, heaviest_in_date_order, topic_view

__all__ = [
    "ArticleView",
    "TagGroup",
    "TopicCard",
    "TopicView",
    "article_views",
    "coverage_line",
    "heaviest_in_date_order",
    "newest_first",
    "source_name",
    "tag_anchors",
    "tag_groups",
    "topic_card",
    "topic_view",
]
