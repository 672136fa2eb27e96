"""Write an article file: front matter in which every string is double-quoted, then the body.

Quoting every value means no YAML reader can take a title such as `no`, `2024-01-02` or `null`
for anything but text.
"""

from __future__ import annotations

from typing import Any

import yaml

from digest.ingest.model import CleanedArticle
from digest.model import ArticleMeta


class _QuotedDumper(yaml.SafeDumper):
    """Emits every string double-quoted."""


_QuotedDumper.add_representer(str, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", value,
                                                                                  style='"'))


def _scalar(value: Any) -> str:
    text = yaml.dump(value, Dumper=_QuotedDumper, allow_unicode=True, width=10**6, explicit_end=False)
    return text.strip().removesuffix("...").strip()


def front_matter(meta: ArticleMeta) -> str:
    """YAML front matter (without the `---` lines), keys in a fixed order, empty values left out."""
    values: list[tuple[str, Any]] = [
        ("title", meta.title), ("outlet", meta.outlet), ("url", meta.url),
        ("published", meta.published.isoformat() if meta.published else None), ("author", meta.author),
        ("credit", meta.credit), ("section", meta.section), ("language", meta.language),
        ("syndicated_from", meta.syndicated_from), ("similar_to", list(meta.similar_to)),
        ("flags", list(meta.flags)), ("source", meta.source),
    ]
    lines = []
    for key, value in values:
        if value is None or value == []:
            continue
        if isinstance(value, list):
            lines.append(f"{key}:")
            lines.extend(f"  - {_scalar(item)}" for item in value)
        else:
            lines.append(f"{key}: {_scalar(value)}")
    return "\n".join(lines) + "\n"


def article_file_text(article: CleanedArticle) -> str:
    """The full text of an article file."""
    body = article.body if article.body.endswith("\n") else article.body + "\n"
    return "---\n" + front_matter(article.meta) + "---\n\n" + body
