"""The mkdocs plugin in real builds: pages generated, reproducible output, content errors, hostile text."""

from __future__ import annotations

import html
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort, PluginError
from site_build import FIXTURE_CONTENT, HOSTILE, ROOT, article_text, build_site, write_hostile_content

from digest.analysis import analyse
from digest.content import load_content
from digest.export import to_json
from digest.language.sentences import sentences


class _Html(HTMLParser):
    """Elements, attributes and visible text of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []
        self.scripts: list[str] = []
        self.title = ""
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append(tag)
        self.attrs += [(tag, name, value or "") for name, value in attrs]

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        where = self.stack[-1] if self.stack else ""
        if where == "script":
            self.scripts.append(data)
        elif where == "title":
            self.title += data
        else:
            self.text.append(data)


def parse(path: Path) -> _Html:
    page = _Html()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_site(tmp_path_factory.mktemp("build"))


def test_build_generates_every_page_feed_and_data(site: Path) -> None:
    topic = load_content(FIXTURE_CONTENT).topics[0]
    root = site / "topics" / topic.slug
    for path in ("index.html", "tags/index.html", "about/index.html", "feed.xml", "sitemap.xml"):
        assert (site / path).is_file(), path
    assert (root / "index.html").is_file()
    assert (root / "digest.json").read_text(encoding="utf-8") == to_json(analyse(topic))
    for article in topic.articles:
        page = parse(root / article.id / "index.html")
        ids = [value for _, name, value in page.attrs if name == "id" and re.fullmatch(r"s\d+", value)]
        assert ids == [f"s{s.index}" for s in sentences(article.body)]
        assert article.meta.title in page.title


def test_article_pages_stay_out_of_the_navigation(site: Path) -> None:
    topic = load_content(FIXTURE_CONTENT).topics[0]
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f'href="topics/{topic.slug}/"' in home
    for article in topic.articles:
        assert f"{topic.slug}/{article.id}/" not in home


def test_topic_page_has_one_title_and_every_section(site: Path) -> None:
    topic = load_content(FIXTURE_CONTENT).topics[0]
    html = (site / "topics" / topic.slug / "index.html").read_text(encoding="utf-8")
    assert html.count("<h1") == 1
    for section in ("summary", "timeline", "contested-points", "sources"):
        assert f'id="{section}"' in html
    assert '<ol class="digest-timeline">' in html and 'class="digest-outlets"' in html


def test_generated_html_reaches_the_page_unchanged(site: Path) -> None:
    # Python-Markdown passes the pages' HTML blocks through (digest.render.prerendered) and drops the mark.
    topic = load_content(FIXTURE_CONTENT).topics[0]
    html = (site / "topics" / topic.slug / "index.html").read_text(encoding="utf-8")
    assert '<div class="digest-summary">' in html and '<ol class="digest-timeline">' in html
    assert not [page for page in site.rglob("*.html") if "digest: prerendered" in page.read_text(encoding="utf-8")]


def test_page_dates_come_from_the_content(site: Path) -> None:
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>(.*?)</lastmod>", sitemap)) <= {"2023-03-13", "2023-03-14", "2023-03-15"}


def _files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_two_builds_are_byte_identical(site: Path, tmp_path: Path) -> None:
    again = _files(build_site(tmp_path))
    first = _files(site)
    assert sorted(again) == sorted(first)
    assert [name for name in first if first[name] != again[name]] == []


@pytest.mark.parametrize(("name", "text", "line"), [
    ("bad-date", article_text("T", "Body.\n", published="2023-13-45"), 3),
    ("bad-url", article_text("T", "Body.\n", url="javascript:alert(1)"), 3),
    ("no-title", "---\noutlet: X\n---\nBody.\n", 2),
])
def test_content_errors_fail_the_build_naming_file_and_line(tmp_path: Path, name: str, text: str, line: int) -> None:
    content = tmp_path / "content" / "story"
    content.mkdir(parents=True)
    (content / "topic.yml").write_text("title: A story\n", encoding="utf-8")
    (content / "fine.md").write_text(article_text("Fine", "A sentence.\n"), encoding="utf-8")
    (content / f"{name}.md").write_text(text, encoding="utf-8")
    with pytest.raises(Abort) as failure:
        build_site(tmp_path / "out", tmp_path / "content")
    cause = failure.value.__context__
    assert isinstance(cause, PluginError)
    assert f"{content / name}.md:{line}: " in str(cause)
    assert not (tmp_path / "out" / "site" / "index.html").exists()


# -- hostile text -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    write_hostile_content(root / "content")
    return build_site(root, root / "content")


def _pages(site: Path, index: int) -> list[Path]:
    topic = site / "topics" / f"hostile-{index:02d}"
    return [*sorted(topic.rglob("*.html")), site / "index.html", site / "tags" / "index.html"]


@pytest.mark.parametrize(("index", "payload"), [(i, p) for i, (_, p) in enumerate(HOSTILE)],
                         ids=[name for name, _ in HOSTILE])
def test_hostile_text_is_shown_as_text_never_as_markup(hostile_site: Path, index: int, payload: str) -> None:
    pages = _pages(hostile_site, index)
    assert len(pages) == 5
    for path in pages:
        page = parse(path)
        assert not [a for a in page.attrs if a[1].startswith("on")], path
        assert not [a for a in page.attrs if a[1] in ("href", "src") and re.match(r"\s*(javascript|data):", a[2])]
        assert not [s for s in page.scripts if "alert" in s], path
        assert "<" not in page.title and ">" not in page.title
        assert not [a for a in page.attrs if a[0] in ("script", "svg", "img") and "alert" in a[2]]
        assert not any(tag == "div" and name == "markdown" for tag, name, _ in page.attrs)
    topic_page = parse(hostile_site / "topics" / f"hostile-{index:02d}" / "index.html")
    shown = "".join(topic_page.text)
    assert f"Topic {payload}" in shown and f"About {payload}" in shown
    folder = hostile_site.parent / "content" / f"hostile-{index:02d}"
    article = parse(hostile_site / "topics" / folder.name / "article-1" / "index.html")
    shown = " ".join("".join(article.text).split())
    for field in ("Article 1", "Outlet 1", "Author", "Credit", "Section"):
        assert f"{field} {payload}" in shown, field
    body = load_content(folder.parent).topics[index].articles[0].body
    for sentence in sentences(body):  # the body as Markdown reads it: inline syntax reduced to its words
        assert sentence.text in shown


def test_hostile_feed_is_well_formed_and_escaped(hostile_site: Path) -> None:
    from xml.etree import ElementTree

    feed = ElementTree.fromstring((hostile_site / "feed.xml").read_bytes())
    titles = [node.text for node in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert {f"Topic {payload}" for _, payload in HOSTILE} <= set(titles)


def test_hostile_digest_json_keeps_text_verbatim(hostile_site: Path) -> None:
    data = json.loads((hostile_site / "topics" / "hostile-00" / "digest.json").read_text(encoding="utf-8"))
    assert data["articles"][0]["title"] == f"Article 1 {HOSTILE[0][1]}"


def test_search_finds_every_article_s_full_text_and_each_source_card(site: Path) -> None:
    topic = load_content(FIXTURE_CONTENT).topics[0]
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    entries: dict[str, list[dict]] = {}
    for doc in index["docs"]:
        entries.setdefault(doc["location"], []).append(doc)
    pages = [f"topics/{topic.slug}/{article.id}/" for article in topic.articles]
    assert all(len(entries[page]) == 1 for page in pages)  # one entry per article: its whole text
    assert all(entries[page][0]["title"] == article.meta.title for page, article in zip(pages, topic.articles,
                                                                                          strict=True))
    cards = [entries[f"topics/{topic.slug}/#source-{article.id}"] for article in topic.articles]
    assert all(len(card) == 1 and card[0]["title"] == article.meta.title
               for card, article in zip(cards, topic.articles, strict=True))  # each source card, an entry
    topic_page = [doc for location, docs in entries.items() if location.startswith(f"topics/{topic.slug}/#")
                  or location == f"topics/{topic.slug}/" for doc in docs]
    shown = " ".join(doc["text"] for doc in topic_page)
    text = " ".join(entries[page][0]["text"] for page in pages)
    for article in topic.articles:
        for sentence in sentences(article.body):
            # every wording is found, once: on the topic page when it shows it, else in the first article with it
            wording = html.escape(sentence.text, quote=False)
            assert text.count(wording) == (0 if wording in shown else 1), sentence.text


def test_serve_watches_the_content_folder(tmp_path: Path) -> None:
    from mkdocs.config import load_config
    from site_build import write_config

    config = load_config(str(write_config(tmp_path, FIXTURE_CONTENT)))
    plugin = config.plugins["digest"]
    plugin.on_config(config)
    watched: list[str] = []

    class Server:
        def watch(self, path: str) -> None:
            watched.append(path)

    server = Server()
    assert plugin.on_serve(server, config=config, builder=lambda: None) is server
    assert watched == [str(FIXTURE_CONTENT)]


def test_a_docs_page_in_the_way_of_a_generated_page_fails_the_build(tmp_path: Path) -> None:
    from mkdocs.config import load_config
    from mkdocs.structure.files import File, Files
    from site_build import write_config

    (tmp_path / "tags.md").write_text("# My tags\n", encoding="utf-8")
    config = load_config(str(write_config(tmp_path, FIXTURE_CONTENT)))
    config.plugins.on_config(config)
    files = Files([File("tags.md", str(tmp_path), config.site_dir, config.use_directory_urls)])
    with pytest.raises(PluginError, match=re.escape("tags.md: this file would be built as tags/index.html, which "
                                                    "is generated from the content (tags.md)")):
        config.plugins.on_files(files, config=config)


def test_pages_fetch_nothing_from_other_hosts(site: Path) -> None:
    # No web fonts, CDN scripts or remote images: the site works offline and tells no third party who reads it.
    element = re.compile(r"<(script|link|img|iframe|source)\b[^>]*>", re.I)
    for path in site.rglob("*.html"):
        for tag in element.finditer(path.read_text(encoding="utf-8")):
            if re.search(r'rel="(canonical|alternate)"', tag.group(0)):
                continue  # names a page, fetches nothing
            assert not re.search(r'(src|href)="(https?:)?//', tag.group(0)), (path, tag.group(0))


def test_a_template_in_the_sites_custom_dir_replaces_the_packaged_one(tmp_path: Path) -> None:
    custom = tmp_path / "overrides"
    shutil.copytree(ROOT / "theme_overrides", custom)
    (custom / "fragments" / "digest").mkdir(parents=True)
    (custom / "fragments" / "digest" / "tags.html").write_text('<p class="my-tags">Our own tags page</p>\n',
                                                                 encoding="utf-8")
    site = build_site(tmp_path, theme={**_repository_theme(), "custom_dir": str(custom)})
    assert '<p class="my-tags">Our own tags page</p>' in (site / "tags" / "index.html").read_text(encoding="utf-8")
    assert 'class="digest-summary"' in next((site / "topics").glob("*/index.html")).read_text(encoding="utf-8")


def _repository_theme() -> dict[str, object]:
    from mkdocs.utils.yaml import get_yaml_loader, yaml_load

    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), loader=get_yaml_loader())  # !ENV tags
    theme: dict[str, object] = config["theme"]
    return theme


def test_a_long_build_reports_progress_then_a_summary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    import digest.build

    monkeypatch.setattr(digest.build, "PROGRESS_EVERY", 0.0)
    content = ROOT / "tests" / "fixtures" / "cache" / "content"
    with caplog.at_level("INFO"):
        build_site(tmp_path, content)
    lines = [record.getMessage().removeprefix("digest: ") for record in caplog.records
             if record.name.endswith("digest.plugin")]
    assert [line for line in lines if line.endswith("topics built")] == ["1 of 3 topics built", "2 of 3 topics built"]
    assert re.fullmatch(rf"3 topic\(s\) from {re.escape(str(content))}: 3 analysed \([0-9.]+ s of CPU time\), "
                        r"0 unchanged since the last build \(cache\)", lines[-1])


def test_hostile_tags_stay_text_with_materials_tags_plugin(tmp_path: Path) -> None:
    # Topic pages carry their tags in front matter, and material prints tag names unescaped: they arrive made safe.
    import yaml
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from site_build import write_config

    write_hostile_content(tmp_path / "content")
    config_file = write_config(tmp_path, tmp_path / "content")
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    config["plugins"].insert(1, "tags")
    config_file.write_text(yaml.safe_dump(config), encoding="utf-8")
    build(load_config(str(config_file), strict=True))
    for index in range(len(HOSTILE)):
        page = parse(tmp_path / "site" / "topics" / f"hostile-{index:02d}" / "index.html")
        assert not [a for a in page.attrs if a[1].startswith("on")]
        assert not [s for s in page.scripts if "alert" in s]
        assert not [a for a in page.attrs if a[0] in ("script", "svg", "img") and "alert" in a[2]]
        assert ("span", "class", "md-tag") in page.attrs or ("a", "class", "md-tag") in page.attrs
