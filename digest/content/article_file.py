"""Article files: `---` front matter (title, outlet, dates, flags...) and the cleaned body."""

from __future__ import annotations

import re
from pathlib import Path

from digest import yamlsafe
from digest.content.fields import SLUG_RE, ContentError, Fields, normalise_text, split_front_matter
from digest.content.outlets import clean_name
from digest.flags import FLAGS
from digest.model import Article, ArticleMeta, Problem

ARTICLE_SUFFIX = ".md"

MAX_ARTICLE_BYTES = 2_000_000
"""An article file larger than this is refused: no news article is that long."""

_LANG_RE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")

ARTICLE_KEYS = ("title", "outlet", "url", "published", "author", "credit", "section", "language",
                "syndicated_from", "similar_to", "flags", "source")


def parse_article(path: Path, text: str) -> Article:
    """Build an Article from a file's text; raise ContentError listing every problem."""
    head, body, body_line = split_front_matter(text)
    article_id = path.stem
    bare = Article(id=article_id, path=path, meta=ArticleMeta(title=""), body=body, body_line=body_line)
    if head is None:
        raise ContentError([Problem(path, 1, "no front matter: the file must start with '---'")], bare)
    if head == "" and body == "":
        raise ContentError([Problem(path, 1, "front matter is not closed by a '---' line")])
    try:
        data = yamlsafe.load(head)
    except yamlsafe.YamlError as error:
        raise ContentError([Problem(path, error.line + 1, str(error))], bare) from None
    if not isinstance(data, yamlsafe.LineDict):
        raise ContentError([Problem(path, 2, "front matter must be a mapping of keys to values")], bare)
    fields = Fields(path, data, line_offset=1)
    fields.unknown(ARTICLE_KEYS, "article front matter")
    if not SLUG_RE.match(article_id):
        fields.problems.append(Problem(path, 1, "article file names must be lower-case letters, digits "
                                       "and hyphens (e.g. 2024-01-reuters-talks.md)"))
    flags = fields.texts("flags")
    for flag in flags:
        if flag not in FLAGS:
            fields.error("flags", f"unknown flag {flag!r} (known: {', '.join(sorted(FLAGS))})")
    language = fields.text("language", limit=35) or "en"
    if not _LANG_RE.match(language):
        fields.error("language", f"'language' must be a language tag such as 'en', got {language!r}")
    outlet = fields.text("outlet", limit=200)
    meta = ArticleMeta(
        title=fields.text("title", required=True, limit=500) or "",
        outlet=(clean_name(outlet) or None) if outlet else None,
        url=fields.url("url"),
        published=fields.iso_date("published"),
        author=fields.text("author", limit=500),
        credit=fields.text("credit", limit=500),
        section=fields.text("section", limit=200),
        language=language,
        syndicated_from=fields.text("syndicated_from", limit=80),
        similar_to=fields.texts("similar_to", pattern=SLUG_RE),
        flags=tuple(flag for flag in flags if flag in FLAGS),
        source=fields.text("source", limit=2000),
    )
    if not body.strip():
        fields.problems.append(Problem(path, body_line, "the article has no body text"))
    article = Article(id=article_id, path=path, meta=meta, body=body, body_line=body_line)
    if fields.problems:
        raise ContentError(fields.problems, article)
    return article


def read_article(path: Path) -> Article:
    """Read and validate one article file."""
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise ContentError([Problem(path, 1, f"file is {size / 1e6:.1f} MB; articles are limited to "
                                    f"{MAX_ARTICLE_BYTES / 1e6:.0f} MB")])
    return parse_article(path, normalise_text(path.read_bytes(), path))
