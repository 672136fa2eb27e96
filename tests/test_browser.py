"""The built site in a real browser: Debian's headless Chromium driven by Playwright, pages served on loopback.

axe-core is vendored as tests/fixtures/site/axe/axe.min.js (npm package axe-core 4.14.1, MPL-2.0,
licence alongside) so the tests never touch the network.
"""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from loopback import CHROMIUM_ARGS, chromium_executable, serve_folder
from site_build import FIXTURE_CONTENT, HOSTILE, ROOT, build_site, link_checker, write_hostile_content

from digest.content import load_content

CHROMIUM = chromium_executable()
AXE = ROOT / "tests" / "fixtures" / "site" / "axe" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"
needs_chromium = pytest.mark.skipif(CHROMIUM is None,
                                    reason="Chromium not found: install Debian's chromium (`make browser`) "
                                           "or set $CHROMIUM")


def _serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on a free loopback port for the duration of a fixture."""
    with serve_folder(folder) as base_url:
        yield base_url + "/"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory) -> Iterator[str]:
    yield from _serve(build_site(tmp_path_factory.mktemp("browser")))


@pytest.fixture(scope="module")
def topic():
    return load_content(FIXTURE_CONTENT).topics[0]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


def _open(browser, url: str, width: int = 1280, scheme: str = "light", until: str = "load"):
    """A fresh page at `url`, collecting console errors, uncaught exceptions and dialogs."""
    page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page.problems = []
    page.on("console", lambda message: message.type == "error" and page.problems.append(message.text))
    page.on("pageerror", lambda error: page.problems.append(str(error)))

    def dialog(dialog) -> None:
        page.problems.append(f"dialog opened: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", dialog)
    page.goto(url, wait_until=until)
    return page


def _pages(base_url: str, topic) -> dict[str, str]:
    return {
        "home": base_url,
        "topic": f"{base_url}topics/{topic.slug}/",
        "article": f"{base_url}topics/{topic.slug}/{topic.articles[0].id}/",
        "tags": f"{base_url}tags/",
        "about": f"{base_url}about/",
    }


@pytest.mark.browser
@needs_chromium
@pytest.mark.parametrize("name", ["home", "topic", "article", "tags", "about"])
def test_pages_load_without_console_errors(browser, base_url: str, topic, name: str) -> None:
    page = _open(browser, _pages(base_url, topic)[name], until="networkidle")  # the search index loads too
    assert page.problems == []
    page.close()


@pytest.mark.browser
@needs_chromium
def test_citation_click_lands_on_the_highlighted_sentence(browser, base_url: str, topic) -> None:
    page = _open(browser, _pages(base_url, topic)["topic"])
    mark = page.locator(".digest-summary a.digest-cite").first
    target = mark.get_attribute("href")
    assert target and "#s" in target
    mark.click()
    page.wait_for_url(f"**{target.lstrip('.')}")
    hit = page.locator(":target")
    assert hit.get_attribute("id") == target.rsplit("#", 1)[1]
    assert "digest-sentence" in (hit.get_attribute("class") or "")
    assert hit.evaluate("element => getComputedStyle(element).backgroundColor") not in ("rgba(0, 0, 0, 0)",
                                                                                        "transparent")
    box = hit.bounding_box()
    assert box is not None and 0 <= box["y"] < 900
    assert page.problems == []
    page.close()


# Each citation mark with the text it cites: summary and card sentences (the mark's `sup` follows the text),
# timeline entries and contested sides (badges under the text); the coverage matrix's cells cite summary rows.
_CITATIONS = """() => {
  const found = [];
  const add = (text, marks) => marks.forEach(mark => found.push({
    text: text.trim().replace(/\\s+/g, " "), href: mark.getAttribute("href"), url: mark.href,
    support: mark.dataset.support || ""}));
  document.querySelectorAll(".digest-statement").forEach(statement =>
    add(statement.textContent, [...statement.nextElementSibling.querySelectorAll("a.digest-cite")]));
  document.querySelectorAll(".digest-only-here > li").forEach(item =>
    add(item.firstChild.textContent, [...item.querySelectorAll("a.digest-cite")]));
  document.querySelectorAll(".digest-timeline-entry").forEach(entry =>
    add(entry.querySelector(".digest-timeline-event").textContent, [...entry.querySelectorAll("a.digest-badge")]));
  document.querySelectorAll(".digest-side").forEach(side =>
    add(side.querySelector("blockquote").textContent, [...side.querySelectorAll("a.digest-badge")]));
  document.querySelectorAll(".digest-matrix tbody a").forEach(cell =>
    found.push({text: "", href: cell.getAttribute("href"), url: cell.href, support: ""}));
  return found;
}"""


def _check_citations(browser, topic_url: str) -> int:
    """Every citation mark of a topic page lands on a sentence of an article page; a mark labelled quoted lands
    on the cited words, one labelled same fact on a sentence without them. Returns how many marks there are."""
    page = _open(browser, topic_url)
    marks = page.evaluate(_CITATIONS)
    assert page.problems == []
    page.close()
    sentences: dict[str, dict[str, str]] = {}
    quoted: set[str] = set()
    for mark in marks:
        target, fragment = urldefrag(mark["url"])
        assert fragment.startswith("s"), mark
        if target not in sentences:
            article = _open(browser, target)
            sentences[target] = article.evaluate(
                "() => Object.fromEntries([...document.querySelectorAll('.digest-sentence[id]')]"
                ".map(s => [s.id, s.textContent.trim().replace(/\\s+/g, ' ')]))")
            article.close()
        assert fragment in sentences[target], f"{mark['href']}: no sentence #{fragment}"
        landed = sentences[target][fragment]
        if mark["support"] == "quoted":  # the sentence quoted, or another source's copy of its wording
            assert mark["text"] in landed, mark
            quoted.add(mark["text"])
        elif mark["support"] == "same fact":  # another sentence: never the quoted one's own copy
            assert mark["text"] not in landed, mark
    assert {mark["text"] for mark in marks if mark["support"]} <= quoted  # every cited text is quoted somewhere
    return len(marks)


@pytest.mark.browser
@needs_chromium
def test_every_citation_lands_on_its_sentence(browser, base_url: str, content_url: str, topic) -> None:
    assert _check_citations(browser, _pages(base_url, topic)["topic"]) > 10
    for seed in load_content(ROOT / "content").topics:
        assert _check_citations(browser, f"{content_url}topics/{seed.slug}/") > 10


@pytest.mark.browser
@needs_chromium
@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_topic_page_fits_the_screen(browser, base_url: str, topic, width: int, scheme: str) -> None:
    page = _open(browser, _pages(base_url, topic)["topic"], width, scheme)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    for selector in ("ol.digest-timeline > li", ".digest-cards li.digest-card", ".digest-summary .digest-cite"):
        assert page.locator(selector).first.is_visible(), selector
    cards = page.locator(".digest-cards li.digest-card")
    columns = {round(cards.nth(i).bounding_box()["x"]) for i in range(cards.count())}
    assert len(columns) == 1 if width == 360 else len(columns) > 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"topic-{width}-{scheme}.png"), full_page=True)
    article = _open(browser, _pages(base_url, topic)["article"], width, scheme)
    assert article.evaluate("document.documentElement.scrollWidth") <= width
    article.screenshot(path=str(ARTIFACTS / f"article-{width}-{scheme}.png"), full_page=True)
    assert page.problems == [] and article.problems == []
    page.close()
    article.close()


@pytest.mark.browser
@needs_chromium
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", ["home", "topic", "article", "tags"])
def test_axe_finds_no_serious_accessibility_violation(browser, base_url: str, topic, name: str, scheme: str) -> None:
    page = _open(browser, _pages(base_url, topic)[name], scheme=scheme)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    serious = [
        f"{violation['id']} ({violation['impact']}): {violation['help']}: "
        + "; ".join(node["target"][0] if isinstance(node["target"][0], str) else str(node["target"])
                    for node in violation["nodes"][:3])
        for violation in result["violations"] if violation["impact"] in ("serious", "critical")
    ]
    assert serious == []
    page.close()


def _search(browser, base_url: str, word: str) -> set[str]:
    """Pages material's search lists for `word`, without the ?h= highlight query it adds."""
    page = _open(browser, base_url, until="networkidle")  # the search worker has loaded its index
    page.click("input.md-search__input")
    page.keyboard.type(word, delay=20)  # material searches on key events, not on a filled value
    page.wait_for_selector(".md-search-result__item")
    links = page.locator(".md-search-result__item a").evaluate_all("links => links.map(link => link.href)")
    assert page.problems == []
    page.close()
    return {urlsplit(link)._replace(query="", fragment="").geturl() for link in links}


@pytest.mark.browser
@needs_chromium
def test_search_finds_topics_and_articles(browser, base_url: str, topic) -> None:
    assert f"{base_url}topics/{topic.slug}/town-radio-bridge/" in _search(browser, base_url, "lorries")
    assert f"{base_url}topics/{topic.slug}/" in _search(browser, base_url, "riverside")  # in the topic's title


@pytest.fixture(scope="module")
def content_url(tmp_path_factory) -> Iterator[str]:
    yield from _serve(build_site(tmp_path_factory.mktemp("content"), ROOT / "content"))


@pytest.mark.browser
@needs_chromium
def test_every_topic_of_the_content_folder_shows_its_four_sections(browser, content_url: str) -> None:
    # The real content/ (the seed topic), as readers get it; the screenshot is the README's picture.
    topics = load_content(ROOT / "content").topics
    assert topics
    for topic in topics:
        page = _open(browser, f"{content_url}topics/{topic.slug}/", until="networkidle")
        page.set_viewport_size({"width": 1280, "height": 1500})
        for section in ("summary", "timeline", "contested-points", "sources", "coverage"):
            assert page.locator(f"h2#{section}").is_visible(), section
        assert page.locator(".digest-summary a.digest-cite").count() > 0
        assert page.locator("ol.digest-timeline > li").count() > 0
        assert page.locator(".digest-cards li.digest-card").count() == len(topic.articles)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"content-{topic.slug}.png"))
        assert page.problems == []
        page.close()


# -- links ----------------------------------------------------------------------------------------

def _crawl(start: str) -> tuple[set[str], list[str]]:
    """Follow every internal link from `start` over HTTP; return the pages seen and the broken links."""
    seen: dict[str, Any] = {}
    queue, broken, fragments = [start], [], []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        try:
            with urllib.request.urlopen(url, timeout=10) as response:  # loopback only
                body = response.read()
                kind = response.headers.get_content_type()
        except OSError as error:
            broken.append(f"{url}: {error}")
            seen[url] = None
            continue
        seen[url] = None
        if kind != "text/html":
            continue
        page = link_checker().PageLinks()
        page.feed(body.decode("utf-8"))
        seen[url] = page
        for link in page.links:
            absolute = urljoin(url, link)
            if urlsplit(absolute).netloc != urlsplit(start).netloc:
                continue
            target, fragment = urldefrag(absolute)
            if fragment:
                fragments.append((url, target, fragment))
            queue.append(target)
    for source, target, fragment in fragments:
        page = seen.get(target)
        if page is not None and fragment not in page.ids:
            broken.append(f"{source}: #{fragment} not found in {target}")
    return set(seen), broken


def test_every_internal_link_resolves(base_url: str, topic) -> None:
    pages, broken = _crawl(base_url)
    assert broken == []
    assert set(_pages(base_url, topic).values()) <= pages
    for article in topic.articles:
        assert f"{base_url}topics/{topic.slug}/{article.id}/" in pages
    assert f"{base_url}feed.xml" in pages and f"{base_url}topics/{topic.slug}/digest.json" in pages


def test_links_resolve_without_directory_urls(tmp_path: Path, topic) -> None:
    for base_url in _serve(build_site(tmp_path, use_directory_urls=False)):
        pages, broken = _crawl(f"{base_url}index.html")
        assert broken == []
        assert f"{base_url}topics/{topic.slug}/{topic.articles[0].id}.html" in pages


# -- hostile content --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("hostile-browser")
    write_hostile_content(root / "content")
    yield from _serve(build_site(root, root / "content"))


@pytest.mark.browser
@needs_chromium
def test_no_injected_script_runs(browser, hostile_url: str) -> None:
    urls = [hostile_url, f"{hostile_url}tags/"]
    for index in range(len(HOSTILE)):
        urls += [f"{hostile_url}topics/hostile-{index:02d}/", f"{hostile_url}topics/hostile-{index:02d}/article-1/"]
    page = _open(browser, hostile_url)
    for url in urls:
        page.goto(url, wait_until="load")
        page.mouse.move(200, 300)
        injected = page.evaluate("document.querySelectorAll('svg[onload], img[onerror], [onmouseover]').length")
        assert injected == 0, url
    assert page.problems == []
    page.close()
