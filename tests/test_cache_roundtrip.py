"""`from_dict` gives back exactly the digest `to_dict` wrote: the analysis cache depends on it."""

from __future__ import annotations

import json

import pytest

from digest.export import from_dict, to_dict, to_json
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


def _cited(text: str, *sources: str) -> Cited:
    return Cited(text=text, sources=sources, refs=tuple(SentenceRef(source, n + 3) for n, source in enumerate(sources)))


DIGEST = Digest(
    slug="harbour-strike",
    title="Harbour strike",
    articles=(
        ArticleInfo(id="a-wire", path="a-wire.md", title="Dockers walk out", outlet="Capital Wire",
                    url="https://wire.example/a", published="2024-03-02", author="J. Doe", words=512,
                    flags=("thin",)),
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
                   only_here=(_cited("The port lost $4 million a day.", "a-wire"),), flags=("thin",)),
        SourceCard(article="b-ledger", sentences=0, corroborated=0, only_here=(), flags=()),
    ),
    updated="2024-03-02",
)


def test_exact_round_trip_gives_an_equal_digest() -> None:
    data = json.loads(json.dumps(to_dict(DIGEST, exact=True)))
    assert from_dict(data) == DIGEST


def test_contract_round_trip_gives_the_same_json() -> None:
    assert to_json(from_dict(json.loads(to_json(DIGEST)))) == to_json(DIGEST)


def test_exact_only_changes_the_rounding() -> None:
    rounded, exact = to_dict(DIGEST), to_dict(DIGEST, exact=True)
    assert rounded["timeline"][0]["weight"] == 0.6667
    assert exact["timeline"][0]["weight"] == 2.0 / 3.0
    exact["timeline"][0]["weight"] = rounded["timeline"][0]["weight"]
    exact["contested"][0]["score"] = rounded["contested"][0]["score"]
    assert exact == rounded


@pytest.mark.parametrize("broken", [
    {},
    {"topic": {"slug": "x", "title": "x", "updated": None}},
    {**to_dict(DIGEST), "summary": [{"text": "no sources"}]},
    {**to_dict(DIGEST), "articles": "not a list"},
])
def test_data_of_another_shape_is_refused(broken: dict) -> None:
    with pytest.raises((KeyError, TypeError)):
        from_dict(broken)
