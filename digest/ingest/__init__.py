"""The ingest stage: turn pasted page text, saved HTML pages and URLs into clean article files.

`clean_source` cleans one source; `import_sources` writes a batch into a topic folder,
skipping duplicates and flagging copies. The command line is a thin shell over these.
"""

from __future__ import annotations

from digest.ingest.clean import clean_page
from digest.ingest.frontmatter import article_file_text
from digest.ingest.importer import import_sources
from digest.ingest.model import NO_OVERRIDES, CleanedArticle, ImportResult, IngestError, Overrides
from digest.ingest.source import read_source

__all__ = [
    "CleanedArticle",
    "ImportResult",
    "IngestError",
    "Overrides",
    "article_file_text",
    "clean_source",
    "import_sources",
]


def clean_source(source: str, overrides: Overrides = NO_OVERRIDES) -> CleanedArticle:
    """Clean one file (plain text or HTML, sniffed) or http(s) URL into an article."""
    return clean_page(read_source(source), overrides)
