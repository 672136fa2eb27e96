"""The digest as JSON: the contract other tools read (`digest analyse`, `<topic>/digest.json`).

Keys named in the README's contract never change meaning; new keys may be added.
Output is deterministic: same digest, byte-identical text.
"""

from __future__ import annotations

import json
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


def _refs(refs: tuple[SentenceRef, ...]) -> list[dict[str, Any]]:
    return [{"article": ref.article, "sentence": ref.index} for ref in refs]


def _cited(cited: Cited) -> dict[str, Any]:
    return {"text": cited.text, "sources": list(cited.sources), "refs": _refs(cited.refs)}


def _entry(entry: TimelineEntry, exact: bool) -> dict[str, Any]:
    return {"id": entry.id, "date": str(entry.date), **_cited(entry.event),
            "weight": entry.weight if exact else round(entry.weight, 4), "curated": entry.curated}


def _point(point: ContestedPoint, exact: bool) -> dict[str, Any]:
    return {
        "id": point.id,
        "kind": point.kind,
        "title": point.title,
        "sides": [{"label": side.label, **_cited(side.claim)} for side in point.sides],
        "score": point.score if exact else round(point.score, 4),
        "curated": point.curated,
    }


def to_dict(digest: Digest, *, exact: bool = False) -> dict[str, Any]:
    """Plain data in the contract's shape.

    `exact` keeps weights and scores unrounded, so that `from_dict` gives back an equal
    digest (the analysis cache needs that: rounding could reorder ties on the page).
    """
    return {
        "topic": {"slug": digest.slug, "title": digest.title, "updated": digest.updated},
        "articles": [
            {"id": a.id, "path": a.path, "title": a.title, "outlet": a.outlet, "url": a.url,
             "published": a.published, "author": a.author, "words": a.words, "flags": list(a.flags)}
            for a in digest.articles
        ],
        "summary": [_cited(sentence) for sentence in digest.summary],
        "timeline": [_entry(entry, exact) for entry in digest.timeline],
        "contested": [_point(point, exact) for point in digest.contested],
        "cards": [
            {"article": card.article, "sentences": card.sentences, "corroborated": card.corroborated,
             "only_here": [_cited(claim) for claim in card.only_here], "flags": list(card.flags)}
            for card in digest.cards
        ],
    }


def _cited_back(data: dict[str, Any]) -> Cited:
    return Cited(text=data["text"], sources=tuple(data["sources"]),
                 refs=tuple(SentenceRef(article=ref["article"], index=ref["sentence"]) for ref in data["refs"]))


def from_dict(data: dict[str, Any]) -> Digest:
    """The digest back from `to_dict`'s data; raises KeyError, TypeError or ValueError on data of another shape."""
    topic = data["topic"]
    return Digest(
        slug=topic["slug"],
        title=topic["title"],
        updated=topic["updated"],
        articles=tuple(
            ArticleInfo(id=a["id"], path=a["path"], title=a["title"], outlet=a["outlet"], url=a["url"],
                        published=a["published"], author=a["author"], words=a["words"], flags=tuple(a["flags"]))
            for a in data["articles"]
        ),
        summary=tuple(_cited_back(sentence) for sentence in data["summary"]),
        timeline=tuple(
            TimelineEntry(id=e["id"], date=PartialDate.parse(e["date"]), event=_cited_back(e), weight=e["weight"],
                          curated=e["curated"])
            for e in data["timeline"]
        ),
        contested=tuple(
            ContestedPoint(id=p["id"], kind=p["kind"], title=p["title"],
                           sides=tuple(ContestedSide(label=s["label"], claim=_cited_back(s)) for s in p["sides"]),
                           score=p["score"], curated=p["curated"])
            for p in data["contested"]
        ),
        cards=tuple(
            SourceCard(article=c["article"], sentences=c["sentences"], corroborated=c["corroborated"],
                       only_here=tuple(_cited_back(claim) for claim in c["only_here"]), flags=tuple(c["flags"]))
            for c in data["cards"]
        ),
    )


def to_json(digest: Digest) -> str:
    """The digest as indented JSON text, ending in a newline."""
    return json.dumps(to_dict(digest), ensure_ascii=False, indent=2) + "\n"
