"""The analysis cache's own format gives back exactly the digest it stored; it is not the public JSON."""

from __future__ import annotations

import json

import pytest

from digest.export import to_dict
from digest.language.times import PartialDate
from digest.model import (
    ArticleInfo,
    Cited,
    ContestedPoint,
    ContestedSide,
    Digest,
    SentenceRef,
    SourceCard,
    TimelineEntry,
)
from digest.records import from_record, to_record


def _cited(text: str, *sources: str) -> Cited:
    return Cited(text=text, sources=sources, refs=tuple(SentenceRef(source, n + 3) for n, source in enumerate(sources)))


DIGEST = Digest(
    slug="harbour-strike",
    title="Harbour strike",
    articles=(
        ArticleInfo(id="a-wire", path="a-wire.md", title="Dockers walk out", outlet="Capital Wire",
                    url="https://wire.example/a", published="2024-03-02", author="J. Doe", words=512,
                    flags=("loaded_language",)),
        ArticleInfo(id="b-ledger", path="b-ledger.md", title="Strike enters day two", outlet=None, url=None,
                    published=None, author=None, words=0, flags=()),
    ),
    summary=(_cited("About 2,400 dockers stopped work on Monday.", "a-wire", "b-ledger"),),
    timeline=(
        TimelineEntry(id="t1", date=PartialDate(2024, 3), event=_cited("The union voted to strike.", "a-wire"),
                      weight=2.0 / 3.0),
        TimelineEntry(id="t2", date=PartialDate(2024), event=_cited("Talks failed.", "b-ledger"), weight=1.0,
                      curated=True),
    ),
    contested=(
        ContestedPoint(id="c1", kind="number", title="How many stopped work",
                       sides=(ContestedSide("2,400", _cited("About 2,400 dockers stopped work.", "a-wire")),
                              ContestedSide("1,900", _cited("Some 1,900 dockers stopped work.", "b-ledger"))),
                       score=0.123456789),
    ),
    cards=(
        SourceCard(article="a-wire", sentences=30, corroborated=12,
                   only_here=(_cited("The port lost $4 million a day.", "a-wire"),), flags=("loaded_language",)),
        SourceCard(article="b-ledger", sentences=0, corroborated=0, only_here=(), flags=()),
    ),
    updated="2024-03-02",
)


def test_round_trip_gives_an_equal_digest() -> None:
    data = json.loads(json.dumps(to_record(DIGEST)))
    assert from_record(data) == DIGEST


def test_weights_and_scores_are_kept_exactly() -> None:
    record = to_record(DIGEST)
    assert record["timeline"][0]["weight"] == 2.0 / 3.0
    assert record["contested"][0]["score"] == 0.123456789
    assert to_dict(DIGEST)["timeline"][0]["weight"] == 0.6667  # the public JSON rounds them


def test_the_cache_format_is_not_the_public_json() -> None:
    # The cache stores the dataclasses as they are; the public JSON has a version and flattened sentences.
    assert "schema_version" not in to_record(DIGEST)
    with pytest.raises((KeyError, TypeError)):
        from_record(to_dict(DIGEST))


@pytest.mark.parametrize("broken", [
    {},
    {"slug": "x", "title": "x", "updated": None},
    {**to_record(DIGEST), "summary": [{"text": "no sources"}]},
    {**to_record(DIGEST), "articles": [{"id": "x"}]},
])
def test_data_of_another_shape_is_refused(broken: dict) -> None:
    with pytest.raises((KeyError, TypeError)):
        from_record(broken)
