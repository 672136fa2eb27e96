"""Where each generated page lives, and how one page links to another.

The layout mirrors mkdocs' own rule (`use_directory_urls`) so that links written into the
page HTML, which mkdocs never rewrites, point at the files mkdocs writes.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Layout:
    """The site's URL scheme."""

    directory_urls: bool = True
    """mkdocs' `use_directory_urls`: `topics/a/` rather than `topics/a.html`."""
    site_url: str = ""
    """Absolute address of the site (mkdocs' `site_url`), used where a feed needs absolute links."""

    def page_url(self, src_uri: str) -> str:
        """The URL mkdocs gives the page built from `src_uri` (a `.md` path)."""
        stem = src_uri.removesuffix(".md")
        if stem == "index" or stem.endswith("/index"):
            folder = stem.removesuffix("index")
            return folder if self.directory_urls else folder + "index.html"
        return stem + "/" if self.directory_urls else stem + ".html"

    def absolute(self, url: str) -> str:
        """`url` under `site_url` (unchanged when no site_url is configured)."""
        return self.site_url.rstrip("/") + "/" + url if self.site_url else url


HOME_PAGE = "index.md"
TAGS_PAGE = "tags.md"
FEED_FILE = "feed.xml"


def topic_page(slug: str) -> str:
    """Source path of a topic's page."""
    return f"topics/{slug}/index.md"


def article_page(slug: str, article: str) -> str:
    """Source path of an article's page (left out of the nav)."""
    return f"topics/{slug}/{article}.md"


def digest_file(slug: str) -> str:
    """Path of the topic's digest JSON, published next to its page."""
    return f"topics/{slug}/digest.json"


def relative(target: str, current: str) -> str:
    """Link from the page at URL `current` to URL `target` (both relative to the site root)."""
    base = current if current.endswith("/") else posixpath.dirname(current)
    path, _, fragment = target.partition("#")
    link = posixpath.relpath(path or ".", base or ".")
    if path.endswith("/") or not path:
        link = link + "/" if link != "." else "./"
    return link + ("#" + fragment if fragment else "")
