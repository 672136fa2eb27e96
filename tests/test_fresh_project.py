"""digest in someone else's mkdocs site: a fresh project with the material theme, material's tags plugin and
nothing from this repository but the installed package (no theme_overrides/, no hooks, no docs)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from site_build import ROOT

from digest.export import validate

TOPICS = ROOT / "tests" / "fixtures" / "cache" / "content"
TWO = ("belmark-troop-withdrawal-from-tarvik-3", "data-breach-at-the-coalition-command-1")

MKDOCS_YML = """\
site_name: Someone else's news
theme:
  name: material
plugins:
  - search
  - tags
  - digest
hooks:
  - count_markdown.py
"""

COUNTING_HOOK = '''\
"""Counts each page's on_page_markdown event and keeps the Markdown it was given."""
import json
from pathlib import Path

seen = {}


def on_page_markdown(markdown, page, config, files):
    seen.setdefault(page.file.src_uri, []).append(markdown)


def on_post_build(config):
    Path(config.config_file_path).with_name("seen.json").write_text(json.dumps(seen), encoding="utf-8")
'''


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project after `mkdocs build --strict`, run as a user would."""
    folder = tmp_path_factory.mktemp("fresh-project")
    for slug in TWO:
        shutil.copytree(TOPICS / slug, folder / "content" / slug)
    (folder / "docs").mkdir()
    (folder / "docs" / "topics-by-tag.md").write_text("# Topics by tag\n\n<!-- material/tags -->\n", encoding="utf-8")
    (folder / "count_markdown.py").write_text(COUNTING_HOOK, encoding="utf-8")
    (folder / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=folder, capture_output=True,
                            text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr[-4000:]
    return folder


def test_the_topic_pages_feed_and_json_are_built(project: Path) -> None:
    site = project / "site"
    for slug in TWO:
        page = (site / "topics" / slug / "index.html").read_text(encoding="utf-8")
        assert 'class="digest-summary"' in page and 'class="digest-timeline' in page
        assert '<link rel="stylesheet" href="../../assets/stylesheets/digest.css">' in page
        assert 'type="application/atom+xml"' in page
        data = json.loads((site / "topics" / slug / "digest.json").read_text(encoding="utf-8"))
        validate(data)
        assert data["topic"]["slug"] == slug
    assert (site / "assets" / "stylesheets" / "digest.css").is_file()
    feed = ElementTree.parse(site / "feed.xml").getroot()
    assert len(feed.findall("{http://www.w3.org/2005/Atom}entry")) == 2
    assert "Someone else&#39;s news" in (site / "index.html").read_text(encoding="utf-8")


def test_materials_tags_plugin_lists_the_topics_tags(project: Path) -> None:
    listing = (project / "site" / "topics-by-tag" / "index.html").read_text(encoding="utf-8")
    for tag, slug in (("country", TWO[0]), ("Data", TWO[1])):
        assert f">{tag}<" in listing
        assert f'href="../topics/{slug}/"' in listing
    topic_page = (project / "site" / "topics" / TWO[1] / "index.html").read_text(encoding="utf-8")
    assert 'class="md-tags"' in topic_page  # the tags plugin shows the page's tags too


def test_other_plugins_see_each_generated_page_once_with_its_body(project: Path) -> None:
    seen: dict[str, list[str]] = json.loads((project / "seen.json").read_text(encoding="utf-8"))
    for slug in TWO:
        calls = seen[f"topics/{slug}/index.md"]
        assert len(calls) == 1
        assert "## Summary" in calls[0] and '<div class="digest-summary">' in calls[0]
        article_pages = [path for path in seen if path.startswith(f"topics/{slug}/") and not path.endswith("index.md")]
        assert len(article_pages) == len(list((TOPICS / slug).glob("*.md")))
        assert all(len(seen[path]) == 1 and 'class="digest-article-body"' in seen[path][0] for path in article_pages)
    assert len(seen["index.md"]) == 1 and "digest-topic-card" in seen["index.md"][0]


def test_the_package_data_covers_the_theme_and_the_schema() -> None:
    # A site that installs the package (not this source tree) needs every template, the stylesheet and the schema.
    import tomllib

    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"]["digest"]
    package = ROOT / "digest"
    shipped = {path for pattern in patterns for path in package.glob(pattern) if path.is_file()}
    needed = {path for folder in ("theme", "schema") for path in (package / folder).rglob("*") if path.is_file()}
    assert needed and needed <= shipped
