"""The digest as JSON: the contract other tools read (`digest analyse`, `<topic>/digest.json`).

Keys named in the README's contract never change meaning; new keys may be added.
Output is deterministic: same digest, byte-identical text.
"""

from __future__ import annotations

import json
from typing import Any

from digest.model import Cited, ContestedPoint, Digest, SentenceRef, TimelineEntry


def _refs(refs: tuple[SentenceRef, ...]) -> list[dict[str, Any]]:
    return [{"article": ref.article, "sentence": ref.index} for ref in refs]


def _cited(cited: Cited) -> dict[str, Any]:
    return {"text": cited.text, "sources": list(cited.sources), "refs": _refs(cited.refs)}


def _entry(entry: TimelineEntry) -> dict[str, Any]:
    return {"id": entry.id, "date": entry.date, **_cited(entry.event), "weight": round(entry.weight, 4),
            "curated": entry.curated}


def _point(point: ContestedPoint) -> dict[str, Any]:
    return {
        "id": point.id,
        "kind": point.kind,
        "title": point.title,
        "sides": [{"label": side.label, **_cited(side.claim)} for side in point.sides],
        "score": round(point.score, 4),
        "curated": point.curated,
    }


def to_dict(digest: Digest) -> dict[str, Any]:
    """Plain data in the contract's shape."""
    return {
        "topic": {"slug": digest.slug, "title": digest.title, "updated": digest.updated},
        "articles": [
            {"id": a.id, "path": a.path, "title": a.title, "outlet": a.outlet, "url": a.url,
             "published": a.published, "author": a.author, "words": a.words, "flags": list(a.flags)}
            for a in digest.articles
        ],
        "summary": [_cited(sentence) for sentence in digest.summary],
        "timeline": [_entry(entry) for entry in digest.timeline],
        "contested": [_point(point) for point in digest.contested],
        "cards": [
            {"article": card.article, "sentences": card.sentences, "corroborated": card.corroborated,
             "only_here": [_cited(claim) for claim in card.only_here], "flags": list(card.flags)}
            for card in digest.cards
        ],
    }


def to_json(digest: Digest) -> str:
    """The digest as indented JSON text, ending in a newline."""
    return json.dumps(to_dict(digest), ensure_ascii=False, indent=2) + "\n"
