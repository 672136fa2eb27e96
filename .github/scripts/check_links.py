"""Check every link of a built site without the network: internal targets and anchors must exist.

Usage: python .github/scripts/check_links.py SITE_DIR [SITE_URL]
Prints `page: link: problem` for each broken link and exits 1 if there is any. External http(s)
links are not fetched (the build is offline); `javascript:` and `data:` links are always errors.
SITE_URL (default: $SITE_URL) is the address the site is built for: links under it, and root-relative
links under its path (a project's Pages site lives at /<repository>/), are checked as internal ones.
"""

from __future__ import annotations

import os
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINK_ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src", "iframe": "src", "source": "src"}
EXTERNAL_SCHEMES = {"http", "https", "mailto", "tel"}
UNSAFE_SCHEMES = {"javascript", "data", "vbscript", "file"}


class PageLinks(HTMLParser):
    """The links and element ids of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("id", "name"):
            if values.get(key):
                self.ids.add(values[key] or "")
        wanted = LINK_ATTRIBUTES.get(tag)
        if wanted and values.get(wanted) is not None:
            self.links.append(values[wanted] or "")


def _read(path: Path) -> PageLinks:
    page = PageLinks()
    page.feed(path.read_text(encoding="utf-8", errors="replace"))
    return page


def _target(site: Path, page: Path, link_path: str) -> Path | None:
    """The file a relative or root-relative link points to, or None when it leaves the site."""
    base = site if link_path.startswith("/") else page.parent
    target = (base / unquote(link_path.lstrip("/"))).resolve()
    if not target.is_relative_to(site):
        return None
    return target / "index.html" if target.is_dir() else target


def check_site(site: Path, site_url: str = "") -> list[str]:
    """Every broken or unsafe link of the site, as `page: link: problem`."""
    site = site.resolve()
    base = site_url.rstrip("/") + "/" if site_url else ""
    prefix = urlsplit(base).path or "/"
    pages = {path: _read(path) for path in sorted(site.rglob("*.html"))}
    problems = []
    for path, page in pages.items():
        where = path.relative_to(site)
        for link in page.links:
            if base and link.strip().startswith(base):
                link = "/" + link.strip()[len(base):]  # an absolute link into the site itself
            elif link.startswith(prefix) and prefix != "/":
                link = "/" + link[len(prefix):]  # root-relative, under the site's path
            elif link.startswith("/") and not link.startswith("//") and prefix != "/":
                problems.append(f"{where}: {link[:80]!r}: root-relative link outside the site's path {prefix!r}")
                continue
            parts = urlsplit(link.strip())
            scheme = parts.scheme.lower()
            if scheme in UNSAFE_SCHEMES:
                problems.append(f"{where}: {link[:80]!r}: {scheme}: links are not allowed")
                continue
            if scheme in EXTERNAL_SCHEMES or parts.netloc:
                continue
            if scheme:
                problems.append(f"{where}: {link[:80]!r}: unknown link scheme {scheme!r}")
                continue
            target = _target(site, path, parts.path) if parts.path else path
            if target is None:
                problems.append(f"{where}: {link[:80]!r}: points outside the site")
            elif not target.is_file():
                problems.append(f"{where}: {link[:80]!r}: no such file in the site")
            elif parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _read(target).ids
                if unquote(parts.fragment) not in ids:
                    problems.append(f"{where}: {link[:80]!r}: no element with id {parts.fragment!r}")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) not in (1, 2) or not Path(argv[0]).is_dir():
        print("usage: check_links.py SITE_DIR [SITE_URL]", file=sys.stderr)
        return 2
    problems = check_site(Path(argv[0]), argv[1] if len(argv) == 2 else os.environ.get("SITE_URL", ""))
    for problem in problems:
        print(problem)
    pages = sum(1 for _ in Path(argv[0]).rglob("*.html"))
    print(f"links: {pages} page(s), {len(problems)} broken link(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
