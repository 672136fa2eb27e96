"""Build a real site for the tests: the repository's mkdocs.yml, theme and docs, over a given content folder."""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_CONTENT = ROOT / "tests" / "fixtures" / "site" / "content"


def write_config(folder: Path, content: Path) -> Path:
    """An mkdocs.yml in `folder` that is the repository's, pointed at `content` and building into folder/site."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(ROOT / "docs")
    config["site_dir"] = str(folder / "site")
    config["theme"]["custom_dir"] = str(ROOT / "theme_overrides")
    config["plugins"] = ["search", {"digest": {"content": str(content), "cache_dir": "", "jobs": 1}}]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def build_site(folder: Path, content: Path = FIXTURE_CONTENT) -> Path:
    """Build with `--strict`; return the site folder."""
    config = load_config(str(write_config(folder, content)), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return folder / "site"
