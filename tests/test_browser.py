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
from site_build import (
    BIG_TOPIC,
    FIXTURE_CONTENT,
    HOSTILE,
    ROOT,
    build_site,
    link_checker,
    write_big_topic,
    write_hostile_content,
)

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


def _is_highlighted(element) -> bool:
    return element.evaluate("element => getComputedStyle(element).backgroundColor") not in ("rgba(0, 0, 0, 0)",
                                                                                           "transparent")


@pytest.mark.browser
@needs_chromium
def test_a_source_list_opens_and_its_links_land_on_the_highlighted_sentence(browser, base_url: str, topic) -> None:
    page = _open(browser, _pages(base_url, topic)["topic"])
    sources = page.locator(".digest-summary details.digest-sources").first
    listed = sources.locator(".digest-source-list")
    assert not listed.is_visible()
    sources.locator("summary").click()
    assert listed.is_visible() and sources.get_attribute("open") is not None
    link = listed.locator("li > a").first
    target = link.get_attribute("href")
    assert target and "#s" in target
    link.click()
    page.wait_for_url(f"**{target.lstrip('.')}")
    hit = page.locator(":target")
    assert hit.get_attribute("id") == target.rsplit("#", 1)[1]
    assert "digest-sentence" in (hit.get_attribute("class") or "") and _is_highlighted(hit)
    box = hit.bounding_box()
    assert box is not None and 0 <= box["y"] < 900
    page.go_back()  # the reader comes back to where they were
    page.wait_for_url(_pages(base_url, topic)["topic"])
    assert page.evaluate("window.scrollY") == 0 or sources.bounding_box()["y"] < 900
    assert page.problems == []
    page.close()


@pytest.mark.browser
@needs_chromium
def test_source_lists_open_from_the_keyboard_and_without_javascript(browser, base_url: str, topic) -> None:
    page = _open(browser, _pages(base_url, topic)["topic"])
    toggle = page.locator(".digest-summary details.digest-sources > summary").first
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.locator("xpath=..").get_attribute("open") is not None
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.close()
    context = browser.new_context(java_script_enabled=False)
    bare = context.new_page()
    bare.goto(_pages(base_url, topic)["topic"])
    bare.locator(".digest-summary details.digest-sources > summary").first.click()
    assert bare.locator(".digest-summary .digest-source-list").first.is_visible()
    context.close()


@pytest.mark.browser
@needs_chromium
def test_an_article_page_s_back_links_land_on_the_digest_sentence(browser, base_url: str, topic) -> None:
    page = _open(browser, _pages(base_url, topic)["topic"])
    quoted = page.locator(".digest-summary .digest-paragraph").first
    paragraph, text = quoted.get_attribute("id"), quoted.locator(".digest-statement").inner_text()
    with page.expect_navigation():
        quoted.locator(".digest-source-list li > a").first.evaluate("link => link.click()")  # opens the article there
    back = page.locator(f":target + .digest-backlinks a[href$='#{paragraph}']")
    assert back.count() == 1 and back.is_visible()
    assert page.locator(".digest-legend").is_visible()
    back.click()
    page.wait_for_url(f"**/topics/{topic.slug}/#{paragraph}")
    hit = page.locator(":target")
    assert hit.get_attribute("id") == paragraph and _is_highlighted(hit)
    assert hit.locator(".digest-statement").inner_text() == text
    box = hit.bounding_box()
    assert box is not None and 0 <= box["y"] < 900
    assert page.problems == []
    page.close()


@pytest.mark.browser
@needs_chromium
@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pages_fit_the_screen_with_everything_open(browser, base_url: str, topic, width: int, scheme: str) -> None:
    for name in ("home", "topic", "article"):
        page = _open(browser, _pages(base_url, topic)[name], width, scheme)
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == (
            "slate" if scheme == "dark" else "default")
        page.evaluate("document.querySelectorAll('details').forEach(details => details.open = true)")
        assert page.evaluate("document.documentElement.scrollWidth") <= width, name
        assert page.evaluate(PAST_THE_EDGE, width) == [], name
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{name}-{width}-{scheme}.png"), full_page=True)
        assert page.problems == []
        page.close()


@pytest.mark.browser
@needs_chromium
def test_the_dark_mode_toggle_switches_and_is_remembered(browser, base_url: str, topic) -> None:
    page = _open(browser, _pages(base_url, topic)["topic"], scheme="light")
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    background = "getComputedStyle(document.body).backgroundColor"
    light = page.evaluate(background)
    page.locator("label.md-header__button[title='Switch to dark mode']").click()
    assert page.evaluate(scheme) == "slate" and page.evaluate(background) != light
    page.goto(_pages(base_url, topic)["article"])  # the reader's choice holds on the next page
    assert page.evaluate(scheme) == "slate"
    page.locator("label.md-header__button[title='Switch to light mode']").click()
    assert page.evaluate(scheme) == "default" and page.evaluate(background) == light
    assert page.problems == []
    page.close()


@pytest.mark.browser
@needs_chromium
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", ["home", "topic", "article", "tags"])
def test_axe_finds_no_serious_accessibility_violation(browser, base_url: str, topic, name: str, scheme: str) -> None:
    page = _open(browser, _pages(base_url, topic)[name], scheme=scheme)
    assert _serious_violations(page) == []
    page.close()


def _serious_violations(page) -> list[str]:
    """axe-core's serious and critical violations on the page as it stands."""
    page.add_script_tag(path=str(AXE))
    # target-size (WCAG 2.2's 24 px targets) is off by default in axe-core: turn it on
    result = page.evaluate("axe.run(document, {resultTypes: ['violations'], rules: {'target-size': {enabled: true}}})")
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']}: "
        + "; ".join(node["target"][0] if isinstance(node["target"][0], str) else str(node["target"])
                    for node in violation["nodes"][:3])
        for violation in result["violations"] if violation["impact"] in ("serious", "critical")
    ]


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
    # The real content/ (the seed topic), as readers get it.
    topics = load_content(ROOT / "content").topics
    assert topics
    for topic in topics:
        page = _open(browser, f"{content_url}topics/{topic.slug}/", until="networkidle")
        for section in ("summary", "timeline", "contested-points", "sources"):
            assert page.locator(f"h2#{section}").is_visible(), section
        assert page.locator(".digest-lead details.digest-sources").count() == 1
        assert page.locator("ol.digest-timeline > li").count() > 0
        assert page.locator(".digest-source-item").count() == len(topic.articles)
        assert page.problems == []
        page.close()
        for url in [f"{content_url}topics/{topic.slug}/", *(f"{content_url}topics/{topic.slug}/{article.id}/"
                                                           for article in topic.articles)]:
            phone = _open(browser, url, 390)  # real articles: long headings, labels and names fit a phone
            phone.evaluate("document.querySelectorAll('details').forEach(details => details.open = true)")
            assert phone.evaluate(PAST_THE_EDGE, 390) == [], url
            assert phone.evaluate(TAP_TARGETS) == [], url
            phone.close()


# -- a topic of 150 articles ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Iterator[tuple[str, str]]:
    """The site of one 150-article topic from five outlets: its address and the topic page's."""
    root = tmp_path_factory.mktemp("big")
    folder = write_big_topic(root / "content")
    for base in _serve(build_site(root, root / "content")):
        yield base, f"{base}topics/{folder.name}/"


HEIGHTS = {1280: 12_000, 390: 25_000}
"""The tallest the 150-article topic page may be at each width (its sources folded, as it opens)."""


@pytest.mark.browser
@needs_chromium
@pytest.mark.parametrize("width", sorted(HEIGHTS))
def test_a_150_article_topic_page_stays_short(browser, big, width: int) -> None:
    page = _open(browser, big[1], width)
    height = page.evaluate("document.documentElement.scrollHeight")
    print(f"150-article topic page at {width} px: {height} px tall")
    assert height <= HEIGHTS[width]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.close()


@pytest.mark.browser
@needs_chromium
def test_every_source_is_two_clicks_away(browser, big) -> None:
    articles, outlets = BIG_TOPIC
    page = _open(browser, big[1])
    groups = page.locator("details.digest-outlet")
    assert groups.count() == outlets
    links = page.locator("details.digest-outlet > ol .digest-source-headline a")
    assert links.count() == articles
    assert not links.first.is_visible()
    for index in range(outlets):  # one click opens an outlet: all its articles are there, each one link
        group = groups.nth(index)
        group.locator("> summary").click()
        items = group.locator(".digest-source-headline a")
        assert all(items.nth(i).is_visible() for i in range(items.count()))
        assert group.locator("details.digest-card[open]").count() == 0
    hrefs = set(links.evaluate_all("links => links.map(link => link.href)"))
    assert len(hrefs) == articles
    last = links.nth(articles - 1)
    href = last.get_attribute("href")
    last.click()  # the second click
    page.wait_for_url(f"**/{href}")
    assert page.locator("h1").is_visible()
    assert page.problems == []
    page.close()


@pytest.mark.browser
@needs_chromium
def test_cards_expand_on_demand(browser, big) -> None:
    page = _open(browser, big[1])
    group = page.locator("details.digest-outlet").first
    group.locator("> summary").click()
    card = group.locator("details.digest-card").first
    body = card.locator(".digest-card-body")
    assert not body.is_visible()
    card.locator("> summary").click()
    assert body.is_visible() and "words" in body.inner_text()
    page.close()


@pytest.mark.browser
@needs_chromium
def test_a_link_to_a_source_opens_its_outlet(browser, big) -> None:
    # Search results and article pages link to #source-<id>: the browser unfolds the outlet around it.
    page = _open(browser, big[1])
    anchor = page.locator(".digest-source-headline").last.get_attribute("id")
    page.goto(f"{big[1]}#{anchor}")
    assert page.locator(f"[id='{anchor}']").is_visible()
    page.close()


PAST_THE_EDGE = """width => {
  // Content that reaches past the right edge of the screen (and would be cut off), save what scrolls sideways
  // on purpose (the coverage matrix).
  return [...document.querySelectorAll('.md-content *')].filter(element => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.right > width + 1 && !element.closest('.digest-matrix-scroll');
  }).map(element => `${element.tagName}.${element.className} ${Math.round(element.getBoundingClientRect().right)}`);
}"""


TAP_TARGETS = """() => {
  // Every control of the content at least 24 x 24 px (WCAG 2.5.8), save links inline in a line of text.
  const small = [];
  for (const element of document.querySelectorAll('.md-content a[href], .md-content summary, .md-content button')) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || element.classList.contains('headerlink')) continue;
    const inline = getComputedStyle(element).display === 'inline' && [...element.parentElement.childNodes].some(
      node => node !== element && node.textContent.trim() !== '');
    if (!inline && (box.width < 24 || box.height < 24)) {
      small.push(`${element.tagName} ${element.className} "${element.textContent.trim().slice(0, 30)}" `
                 + `${Math.round(box.width)}x${Math.round(box.height)}`);
    }
  }
  return small;
}"""


@pytest.mark.browser
@needs_chromium
def test_tap_targets_are_at_least_24_px_on_a_phone(browser, big, base_url: str, topic) -> None:
    article = big[1] + _open(browser, big[1]).locator(".digest-source-headline a").first.get_attribute("href")
    for url in (big[0], big[1], article, _pages(base_url, topic)["article"]):
        page = _open(browser, url, 390)
        page.evaluate("document.querySelectorAll('details').forEach(details => details.open = true)")
        small = page.evaluate(TAP_TARGETS)
        assert small == [], (url, len(small), small[:20])
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, url
        assert page.evaluate(PAST_THE_EDGE, 390) == [], url
        page.close()


@pytest.mark.browser
@needs_chromium
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violation_on_the_150_article_topic_opened(browser, big, scheme: str) -> None:
    page = _open(browser, big[1], scheme=scheme)
    page.evaluate("document.querySelectorAll('details').forEach(details => details.open = true)")
    assert _serious_violations(page) == []
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
