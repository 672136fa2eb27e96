"""The digest JSON: the contract other tools read (`digest analyse`, `topics/<slug>/digest.json`).

The format is versioned (`schema_version`) and described by the JSON Schema shipped in the package
(`SCHEMA_PATH`); README.md documents every key. Within a schema version a key keeps its meaning;
removing a key or changing its meaning takes a new version. Output is deterministic: the same
digest gives byte-identical text. The analysis cache keeps a format of its own (`digest.records`),
so this one can change without touching the cache, and the other way round.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from digest.model import Cited, ContestedPoint, Digest, SentenceRef, TimelineEntry

SCHEMA_VERSION = 1
"""Version of the format `to_dict` writes."""
SCHEMA_PATH = Path(__file__).resolve().parent / "schema" / "digest.schema.json"
"""The JSON Schema (draft 2020-12) of that format."""


def _refs(refs: tuple[SentenceRef, ...]) -> list[dict[str, Any]]:
    return [{"article": ref.article, "sentence": ref.index} for ref in refs]


def _cited(cited: Cited) -> dict[str, Any]:
    return {"text": cited.text, "sources": list(cited.sources), "refs": _refs(cited.refs)}


def _entry(entry: TimelineEntry) -> dict[str, Any]:
    return {"id": entry.id, "date": str(entry.date), **_cited(entry.event), "weight": round(entry.weight, 4),
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
    """The digest as plain data in the contract's shape (weights and scores rounded to 4 decimals)."""
    return {
        "schema_version": SCHEMA_VERSION,
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


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema of the digest JSON, as data."""
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return loaded


@cache
def _validator() -> Any:
    try:
        from jsonschema import Draft202012Validator
    except ImportError:
        raise ImportError("digest.export.validate needs the jsonschema package: pip install 'jsonschema>=4.18' "
                          f"(or validate against {SCHEMA_PATH} with any JSON Schema 2020-12 validator)") from None
    return Draft202012Validator(schema())


class InvalidDigest(ValueError):
    """Data that is not a digest of this schema version; the message lists every violation."""


def validate(data: Any) -> None:
    """Raise `InvalidDigest` naming every place where `data` (parsed JSON) breaks the schema.

    Needs the `jsonschema` package (installed with the test dependencies: `pip install -e ".[test]"`).
    """
    errors = sorted(_validator().iter_errors(data), key=lambda error: [str(part) for part in error.absolute_path])
    if errors:
        lines = [f"{'/'.join(str(part) for part in error.absolute_path) or '(top)'}: {error.message}"
                 for error in errors]
        raise InvalidDigest(f"not a digest of schema_version {SCHEMA_VERSION}:\n" + "\n".join(lines))
