"""Where each generated page lives, and how one page links to another.

The layout mirrors mkdocs' own rule (`use_directory_urls`) so that links written into the
page HTML, which mkdocs never rewrites, point at the files mkdocs writes.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from digest.model import Problem, Topic


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

    def page_file(self, src_uri: str) -> str:
        """The file mkdocs writes for `src_uri`: a page's (`topics/a/index.html`), or any other file's own path."""
        if not src_uri.endswith(".md"):
            return src_uri
        folder, _, name = src_uri.rpartition("/")
        if name == "README.md":  # mkdocs builds a README as its folder's index
            src_uri = f"{folder}/index.md" if folder else "index.md"
        url = self.page_url(src_uri)
        return url + "index.html" if not url or url.endswith("/") else url

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


def topic_feed(slug: str) -> str:
    """Path of the topic's Atom feed, published next to its page."""
    return f"topics/{slug}/feed.xml"


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


def url_collisions(topics: Sequence[Topic], site_files: Mapping[str, Path], layout: Layout) -> list[Problem]:
    """Generated pages own their URLs: an error for each file that would be built where a generated page or file
    is, so that no file can silently take the place of a topic page.

    `site_files` maps what mkdocs writes for each file of the docs folder (`Layout.page_file`) to that file. An
    article whose page would land on another generated page (an article named `index.md` on its topic page) is
    reported at the article.
    """
    generated: dict[str, str] = {layout.page_file(HOME_PAGE): "the home page", layout.page_file(TAGS_PAGE):
                                 "the tags page", FEED_FILE: "the Atom feed"}
    problems: list[Problem] = []
    for topic in topics:
        generated[layout.page_file(topic_page(topic.slug))] = f"the page of topic {topic.slug!r}"
        generated[digest_file(topic.slug)] = f"the digest JSON of topic {topic.slug!r}"
        generated[topic_feed(topic.slug)] = f"the Atom feed of topic {topic.slug!r}"
        for article in topic.articles:
            built = layout.page_file(article_page(topic.slug, article.id))
            if built in generated:
                problems.append(Problem(article.path, 1, f"this article's page would be {built}, which is "
                                        f"{generated[built]}: rename the file"))
            else:
                generated[built] = f"the page of article {article.id!r} of topic {topic.slug!r}"
    for built, source in sorted(site_files.items()):
        if built in generated:
            problems.append(Problem(source, 1, f"this file would be built as {built}, which is {generated[built]} "
                                    "(generated from the content): remove or rename the file"))
    return problems
