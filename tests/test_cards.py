"""Source cards: counts, claims only one source makes, and flags (tests/fixtures/cards/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.analysis import analyse
from digest.analysis.cards import build_cards
from digest.analysis.corpus import build_corpus
from digest.analysis.cues import loaded_words
from digest.analysis.grouping import group_facts
from digest.content import load_topic
from digest.flags import FLAGS
from digest.model import SourceCard

FIXTURES = Path(__file__).parent / "fixtures" / "cards"


@pytest.fixture(scope="module")
def cards() -> dict[str, SourceCard]:
    topic, problems = load_topic(FIXTURES / "flags")
    assert not problems, problems
    corpus = build_corpus(topic)
    return {card.article: card for card in build_cards(corpus, group_facts(corpus))}


@pytest.mark.parametrize(("article", "flags"), [
    ("plain", ()),
    ("copy", ("syndicated",)),
    ("opinion", ("date_anomaly", "loaded_language", "no_url")),
    # "a disgraceful fiasco" is in quotation marks: the fishermen's words, not the outlet's.
    ("quoted", ("no_date", "no_outlet")),
])
def test_flags(cards, article, flags):
    assert cards[article].flags == flags
    assert all(flag in FLAGS for flag in cards[article].flags)


def test_one_card_per_article_in_id_order(cards):
    assert list(cards) == ["copy", "opinion", "plain", "quoted"]


def test_counts_statements_and_what_other_outlets_corroborate(cards):
    # `plain`: the reopening (opinion), the pier (quoted) and the 12 trawlers (quoted); not Ilse Ward's
    # 40 boats, which only its own syndicated copy repeats. `quoted`: the pier; its nets "worth a season of
    # catches" are more than `plain` reports (the support test runs from the sentence counted).
    assert (cards["plain"].sentences, cards["plain"].corroborated) == (4, 3)
    assert (cards["quoted"].sentences, cards["quoted"].corroborated) == (3, 1)


def test_a_figure_another_outlet_gives_too_is_corroborated_not_exclusive(cards):
    # "12 trawlers in Marden" is in `plain` and `quoted`, in different wordings.
    exclusive = [claim.text for card in cards.values() for claim in card.only_here]
    assert not [text for text in exclusive if "12 trawlers" in text]


def test_a_syndicated_copy_corroborates_nothing_and_brings_nothing_of_its_own(cards):
    # Its sentences come from `plain`, the same voice: only the opinion piece's matching line counts.
    assert cards["copy"].corroborated == 1
    assert cards["copy"].only_here == ()
    plain_only = [claim.text for claim in cards["plain"].only_here]
    assert "Harbour master Ilse Ward said 40 boats had returned to their moorings by the evening." in plain_only


def test_claims_only_here_are_cited_to_their_sentence(cards):
    topic, _ = load_topic(FIXTURES / "flags")
    corpus = build_corpus(topic)
    for card in cards.values():
        for claim in card.only_here:
            assert claim.sources == (card.article,)
            (ref,) = claim.refs
            assert corpus.by_article[card.article][ref.index - 1].text == claim.text
    corroborated = "The harbour at Marden reopened on Monday after a week of repairs."
    assert all(claim.text != corroborated for card in cards.values() for claim in card.only_here)


def test_the_digest_lists_the_cards_flags_with_each_article():
    topic, _ = load_topic(FIXTURES / "flags")
    digest = analyse(topic)
    assert {info.id: info.flags for info in digest.articles} == {card.article: card.flags for card in digest.cards}


@pytest.mark.parametrize(("text", "found"), [
    ("Two decades of useless interventionism came to an end.", ["useless", "interventionism"]),
    ("He called for an end to what he labeled as genocide.", ["genocide"]),
    ('He called for an end to what he labeled as "genocide".', []),
    ("Critics called the plan \u201ca reckless sham\u201d on Tuesday.", []),
    ("The so-called reform was a sham.", ["so-called", "sham"]),
    ("Rights groups accused the army of war crimes.", ["war crimes"]),
    ("The ministry said the bridge would reopen in May.", []),
    ("The regiment suffered heavy losses in the brutal winter campaign.", ["brutal"]),
])
def test_loaded_words_outside_quotes(text, found):
    assert loaded_words(text) == found
