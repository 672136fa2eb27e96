"""The analysis cache's own format: every field of a `Digest`, exactly, as JSON-ready data.

Apart from the public digest JSON (`digest.export`) on purpose: the cache must give back a digest
equal to the one the analysis made (weights and scores unrounded, or ties could reorder on the
page), and either format can change without the other. The cache key covers this module's source,
so entries written in an older format are never read.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

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


def to_record(digest: Digest) -> dict[str, Any]:
    """The digest as plain data: the dataclasses' fields, nested as in `digest.model`."""
    return asdict(digest)


def _cited(data: dict[str, Any]) -> Cited:
    return Cited(text=data["text"], sources=tuple(data["sources"]),
                 refs=tuple(SentenceRef(article=ref["article"], index=ref["index"]) for ref in data["refs"]))


def from_record(data: dict[str, Any]) -> Digest:
    """The digest back from `to_record`'s data; raises KeyError or TypeError on data of another shape."""
    return Digest(
        slug=data["slug"],
        title=data["title"],
        updated=data["updated"],
        articles=tuple(ArticleInfo(**{**info, "flags": tuple(info["flags"])}) for info in data["articles"]),
        summary=tuple(_cited(sentence) for sentence in data["summary"]),
        timeline=tuple(TimelineEntry(id=e["id"], date=PartialDate(*e["date"]), event=_cited(e["event"]),
                                     weight=e["weight"], curated=e["curated"]) for e in data["timeline"]),
        contested=tuple(
            ContestedPoint(id=p["id"], kind=p["kind"], title=p["title"],
                           sides=tuple(ContestedSide(label=s["label"], claim=_cited(s["claim"])) for s in p["sides"]),
                           score=p["score"], curated=p["curated"])
            for p in data["contested"]
        ),
        cards=tuple(
            SourceCard(article=c["article"], sentences=c["sentences"], corroborated=c["corroborated"],
                       only_here=tuple(_cited(claim) for claim in c["only_here"]), flags=tuple(c["flags"]))
            for c in data["cards"]
        ),
    )
