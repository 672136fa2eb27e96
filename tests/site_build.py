"""Build a real site for the tests: the repository's mkdocs.yml, theme and docs, over a given content folder."""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.utils.yaml import get_yaml_loader, yaml_load

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_CONTENT = ROOT / "tests" / "fixtures" / "site" / "content"
LINK_CHECKER = ROOT / ".github" / "scripts" / "check_links.py"
CORPUS = ROOT / "bench" / "corpus.py"


def _script(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@cache
def link_checker() -> ModuleType:
    """The offline link checker CI runs on the built site (a script, not part of the package)."""
    return _script("check_links", LINK_CHECKER)


BIG_TOPIC = (150, 5)
"""Articles and outlets of the large topic: a story as a busy week of news tells it."""


def write_big_topic(content: Path) -> Path:
    """One topic of 150 generated articles from five outlets (the benchmark's seeded generator, so the same every
    time, and nothing copied from ../shared); returns its folder."""
    articles, outlets = BIG_TOPIC
    before = set(content.iterdir()) if content.is_dir() else set()
    _script("corpus", CORPUS).write_corpus(content, 1, articles, seed=1, outlets=outlets)
    (folder,) = set(content.iterdir()) - before
    return folder


def write_config(folder: Path, content: Path, plugin: dict[str, object] | None = None, **overrides: object) -> Path:
    """An mkdocs.yml in `folder` that is the repository's, pointed at `content` and building into folder/site.

    The digest plugin analyses in this process with no cache, unless `plugin` says otherwise."""
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), loader=get_yaml_loader())  # !ENV tags
    config.update(overrides)
    config["docs_dir"] = str(ROOT / "docs")
    config["site_dir"] = str(folder / "site")
    config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])  # an absolute path stays as it is
    config["hooks"] = [str(ROOT / hook) for hook in config.get("hooks", [])]
    config["plugins"] = ["search", {"digest": {"content_dir": str(content), "cache_dir": "", "jobs": 1,
                                               **(plugin or {})}}]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def build_site(folder: Path, content: Path = FIXTURE_CONTENT, plugin: dict[str, object] | None = None,
               **overrides: object) -> Path:
    """Build with `--strict`; return the site folder."""
    config = load_config(str(write_config(folder, content, plugin, **overrides)), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return folder / "site"


def article_text(title: str, body: str, **meta: str) -> str:
    """An article file: YAML front matter (safely dumped) and a body."""
    return "---\n" + yaml.safe_dump({"title": title, **meta}, allow_unicode=True, sort_keys=False) + "---\n" + body


HOSTILE = [
    ("script", "<script>alert(1)</script>"),
    ("img-onerror", "<img src=x onerror=alert(1)>"),
    ("attribute-breakout", "\"><svg onload=alert(1)>"),
    ("single-quote-breakout", "' onmouseover='alert(1)"),
    ("title-breakout", "</title><script>alert(1)</script>"),
    ("div-breakout", "</div></div></li></ul><script>alert(1)</script>"),
    ("jinja-expression", "{{ 7*7 }}"),
    ("jinja-statement", "{% if true %}JINJA{% endif %}"),
    ("javascript-link", "[click](javascript:alert(1))"),
    ("data-image", "![x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
    ("raw-entity", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("html-comment", "<!-- hidden --> shown"),
    ("admonition", '!!! danger "Injected"'),
    ("markdown-attr", '<div markdown="1">*md*</div>'),
]
"""Payloads placed in every text field of a topic and its articles (title, outlet, author, body...)."""


def write_hostile_content(root: Path) -> None:
    """One topic per payload, the payload in every text field of the topic and of its two articles."""
    for index, (_, payload) in enumerate(HOSTILE):
        folder = root / f"hostile-{index:02d}"
        folder.mkdir(parents=True)
        (folder / "topic.yml").write_text(yaml.safe_dump(
            {"title": f"Topic {payload}", "description": f"About {payload}", "tags": [payload]},
            allow_unicode=True), encoding="utf-8")
        for number, day in ((1, "2024-05-01"), (2, "2024-05-02")):
            body = (f"# Heading {payload}\n\nThe council approved the plan on 1 May 2024 after a long debate. "
                    f"Officials said {payload} in a statement on Monday.\n\n- Item {payload}\n\n> Quote {payload}\n")
            text = article_text(f"Article {number} {payload}", body, outlet=f"Outlet {number} {payload}",
                                author=f"Author {payload}", credit=f"Credit {payload}", section=f"Section {payload}",
                                published=day, url=f"https://example.org/{index}/{number}")
            (folder / f"article-{number}.md").write_text(text, encoding="utf-8")
