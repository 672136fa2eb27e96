"""The screenshots in docs/assets/: the site as readers see it, on a desktop and on a phone (`make screenshots`).

Builds a site from content/ (the seed story) and one generated story of 150 articles from five outlets
(the benchmark's seeded generator), serves it on loopback and photographs, in headless Chromium (light
scheme, or dark with `--scheme dark`): the home page, a topic page (its top, timeline, contested points,
coverage matrix and sources) and an article page opened at a quoted sentence. Needs the test dependencies
(`make test` installs them) and Chromium.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests")]

from loopback import CHROMIUM_ARGS, chromium_executable, serve_folder  # noqa: E402
from site_build import build_site, write_big_topic  # noqa: E402

from digest.content import load_content  # noqa: E402

SCREENS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
SETTLE_MS = 700
"""Material animates the header title when the page scrolls: wait for it before each photograph."""


def _show(page, selector: str, above: int = 64) -> None:
    """Scroll down (in one move from the top: material shows its "Back to top" button on any move up) until
    `selector` stands `above` pixels below the top of the screen."""
    page.mouse.move(2, 400)  # off the text, in the margin: a link under the pointer would show its hover colour
    page.evaluate("window.scrollTo(0, 0)")
    page.locator(selector).first.evaluate(
        f"element => window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - {above})")
    page.wait_for_timeout(SETTLE_MS)


def photograph(site: Path, seed: str, big: str, out: Path, scheme: str = "light") -> list[Path]:
    """Every screenshot, for both screens, in the `scheme` ("light" or "dark"); returns the files written."""
    from playwright.sync_api import sync_playwright

    written = []
    with serve_folder(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_ARGS)
        for screen, viewport in SCREENS.items():
            page = browser.new_page(viewport=viewport, color_scheme=scheme)

            def shot(name: str, page=page, screen=screen) -> None:
                path = out / f"{name}-{screen}{'-dark' if scheme == 'dark' else ''}.png"
                page.screenshot(path=str(path))
                written.append(path)

            page.goto(f"{base}/", wait_until="networkidle")
            shot("home")
            page.goto(f"{base}/topics/{seed}/", wait_until="networkidle")
            shot("topic-top")
            _show(page, "h2#timeline")
            shot("topic-timeline")
            _show(page, "h2#contested-points")
            shot("topic-contested")
            page.goto(f"{base}/topics/{big}/", wait_until="networkidle")
            _show(page, "h2#sources")
            shot("topic-coverage")
            page.locator("details.digest-outlet > summary").first.click()
            page.locator("details.digest-outlet details.digest-card > summary").first.click()
            _show(page, ".digest-outlets", 120)
            shot("topic-sources")
            page.goto(f"{base}/topics/{seed}/", wait_until="networkidle")
            link = page.locator(".digest-summary .digest-source-list li > a").first.get_attribute("href")
            page.goto(f"{base}/topics/{seed}/{link}", wait_until="networkidle")
            _show(page, ":target", viewport["height"] // 3)  # the sentence, with some of what comes before it
            shot("article")
            page.close()
        browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "assets", help="folder (default docs/assets)")
    parser.add_argument("--scheme", choices=["light", "dark"], default="light",
                        help="the reader's colour scheme (default light; dark names the files *-dark.png)")
    args = parser.parse_args(argv)
    if chromium_executable() is None:
        print("Chromium not found: install Debian's chromium (`make browser`) or set $CHROMIUM", file=sys.stderr)
        return 1
    topics = load_content(ROOT / "content").topics
    if not topics:
        print("content/ has no topic to photograph", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        content = work / "content"
        content.mkdir()
        for topic in topics:
            shutil.copytree(topic.path, content / topic.slug)  # the content folder refuses symbolic links
        big = write_big_topic(work / "generated").rename(content / "generated-story").name
        site = build_site(work, content)
        args.out.mkdir(parents=True, exist_ok=True)
        for path in photograph(site, topics[0].slug, big, args.out, args.scheme):
            print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
