"""Page views: what each page shows, worked out from a Digest and its Topic (labels, links, what is chosen)."""

from digest.render.views.article import ArticleView, article_views
from digest.render.views.common import TopicSentences, coverage_line, lead_and_rest, source_name, tag_anchors
from digest.render.views.listing import TagGroup, TopicCard, newest_first, tag_groups, topic_card
from digest.render.views.places import Selection, heaviest_in_date_order, select
from digest.render.views.topic import TopicView, topic_view

__all__ = [
    "ArticleView",
    "Selection",
    "TagGroup",
    "TopicCard",
    "TopicSentences",
    "TopicView",
    "article_views",
    "coverage_line",
    "heaviest_in_date_order",
    "lead_and_rest",
    "newest_first",
    "select",
    "source_name",
    "tag_anchors",
    "tag_groups",
    "topic_card",
    "topic_view",
]
