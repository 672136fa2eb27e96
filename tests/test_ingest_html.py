"""HTML pages and URLs: trafilatura finds the article; URLs are fetched from a loopback server only."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import ClassVar

import pytest
from loopback import serve

from digest.ingest import IngestError, Overrides, clean_source, fetch, source
from digest.language.tokens import fold

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
PAGE = (FIXTURES / "article.html").read_bytes()


def test_html_file_keeps_article_and_drops_navigation_comments_footer() -> None:
    article = clean_source(str(FIXTURES / "article.html"))
    body = fold(article.body)
    for kept in ("The rail line between the valley and the coast will reopen", "## Fares frozen for a year",
                 "Engineers have rebuilt the embankment", "Local businesses in the coastal towns"):
        assert fold(kept) in body, kept
    for dropped in ("Home", "Subscribe", "We use cookies", "Bus routes cut", "About time!", "quarry halt",
                    "All rights reserved", "Privacy policy", "Rail line to the coast will reopen in June"):
        assert fold(dropped) not in body, dropped
    meta = article.meta
    assert (meta.title, meta.outlet, meta.author, meta.section) == (
        "Rail line to the coast will reopen in June", "The Valley Gazette", "Priya Shah", "Transport")
    assert meta.published == date(2024, 2, 14)
    assert meta.url == "https://gazette.example/transport/rail-line-reopens"
    assert meta.language == "en-GB"
    assert meta.flags == ()


def test_blog_post_drops_share_bar_teaser_newsletter_bio_related_and_comments() -> None:
    article = clean_source(str(FIXTURES / "blog-post.html"))
    body = fold(article.body)
    for kept in ("The harbour board approved the dredging plan", "Board chair Maria Okafor said",
                 "## Fleet plans appeal", "The fishermen's association said", "The agency usually takes"):
        assert fold(kept) in body, kept
    for dropped in ("Share this", "Facebook", "Read more", "Fishermen march", "low tide", "newsletter",
                    "is a reporter at", "Posted in", "Oyster farmers fear", "disgrace", "Leave a Reply",
                    "WordPress"):
        assert fold(dropped) not in body, dropped
    assert (article.meta.title, article.meta.outlet, article.meta.author) == (
        "Harbour dredging approved after long fight", "Bay Courier", "Sam Writer")
    assert article.meta.published == date(2023, 6, 1)


def test_html_without_article_text_is_an_error(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<!doctype html><html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    with pytest.raises(IngestError, match=r"empty\.html"):
        clean_source(str(page))


class _Handler(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[int, str, bytes]]] = {
        "/article": (200, "text/html; charset=utf-8", PAGE),
        "/plain": (200, "text/plain; charset=utf-8", (FIXTURES / "wire-style.txt").read_bytes()),
        "/image": (200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
        "/big": (200, "text/html", b"<html><body>" + b"x" * 2048 + b"</body></html>"),
    }

    def do_GET(self) -> None:
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/article")
            self.end_headers()
            return
        if self.path == "/to-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
            return
        status, kind, content = self.routes.get(self.path, (404, "text/plain", b"not here"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serve(_Handler) as base_url:
        yield base_url


def test_url_import(server: str) -> None:
    article = clean_source(f"{server}/article")
    assert article.meta.title == "Rail line to the coast will reopen in June"
    assert article.meta.url == f"{server}/article"
    assert article.meta.source == f"{server}/article"
    assert "Engineers have rebuilt the embankment" in article.body


def test_url_serving_plain_text(server: str) -> None:
    article = clean_source(f"{server}/plain", Overrides(outlet="Harbour Daily"))
    assert article.meta.title == "Port authority approves dredging of the northern channel"
    assert article.meta.outlet == "Harbour Daily"


def test_redirect_is_followed(server: str) -> None:
    assert clean_source(f"{server}/moved").meta.title == "Rail line to the coast will reopen in June"


@pytest.mark.parametrize(("path", "message"), [
    ("/missing", "HTTP 404"),
    ("/image", "image/png"),
    ("/to-file", "file:///etc/passwd"),
])
def test_url_errors_name_the_url(server: str, path: str, message: str) -> None:
    with pytest.raises(IngestError) as error:
        clean_source(server + path)
    assert server + path in str(error.value)
    assert message in str(error.value)


def test_url_size_limit(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source, "MAX_SOURCE_BYTES", 1024)
    with pytest.raises(IngestError, match="MB"):
        clean_source(f"{server}/big")


def test_unreachable_server_is_a_clear_error() -> None:
    with pytest.raises(IngestError, match=r"could not connect|no answer"):
        fetch.fetch("http://127.0.0.1:9/none", max_bytes=1000, timeout=2)


def test_short_first_paragraph_and_heading_of_an_html_article_are_kept() -> None:
    article = clean_source(str(FIXTURES / "short-first.html"))
    assert article.body.startswith("Fewer boats from May.\n\n## Why the timetable changes\n\n")
    assert article.meta.title == "Ferry service cut to two sailings a day"
    assert article.meta.outlet == "The Island Times"


def test_short_list_items_of_an_html_article_are_kept(tmp_path: Path) -> None:
    page = tmp_path / "list.html"
    page.write_text(
        "<!doctype html><html><head><title>Three towns vote to merge</title></head><body><article>"
        "<h1>Three towns vote to merge</h1>"
        "<p>Voters in three neighbouring towns agreed on Sunday to merge into a single council from next year, "
        "ending more than a century of separate local government in the valley.</p>"
        "<p>The towns that will merge are:</p><ul><li>Ashford</li><li>Belmont</li><li>Carrow</li></ul>"
        "<p>Turnout was higher than at any local vote in the past twenty years, the returning officer said.</p>"
        "</article></body></html>", encoding="utf-8")
    body = clean_source(str(page)).body
    assert "The towns that will merge are:\n\n- Ashford\n- Belmont\n- Carrow" in body


@pytest.mark.parametrize("page", [
    "<html><body>" + "<div>" * 20000 + "<p>Deep.</p>" + "</div>" * 20000 + "</body></html>",
    "<html><head><script>" + "var a = 1;" * 10000 + "</script></head><body></body></html>",
    "<html><body>" + "<p>" * 5000 + "</body></html>",
    "<!doctype html><html><body><table><tr><td>1</td></tr></table></body></html>",
])
def test_hostile_html_is_reported_not_crashed(tmp_path: Path, page: str) -> None:
    path = tmp_path / "hostile.html"
    path.write_text(page, encoding="utf-8")
    with pytest.raises(IngestError, match=r"hostile\.html"):
        clean_source(str(path))


def test_cleaned_article_over_the_size_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    from digest.ingest import clean

    monkeypatch.setattr(clean, "MAX_ARTICLE_BYTES", 500)
    with pytest.raises(IngestError, match="limit of an article file"):
        clean_source(str(FIXTURES / "article.html"))
