"""Where the site is: the command line finds it the way git finds its repository, from any folder inside it.

The site's folder is the nearest folder, from the current one up, that holds `mkdocs.yml` or a `content`
folder; the content and cache folders are the ones its `mkdocs.yml` gives the digest plugin. Every command
resolves paths through here, so `digest import`, `digest analyse` and `digest check` agree wherever they run.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

CONFIG_FILE = "mkdocs.yml"
DEFAULT_CONTENT = "content"
DEFAULT_CACHE = ".cache/digest"


class SiteNotFound(Exception):
    """No site folder around the current one; the message says what to do."""


@dataclass(frozen=True, slots=True)
class Site:
    """A digest site's folders, absolute."""

    root: Path
    """The folder of mkdocs.yml (or of the content folder, when there is no mkdocs.yml)."""
    config: Path
    """Its mkdocs.yml (which may not exist)."""
    content: Path
    """The folder of topics."""
    cache: Path | None
    """The analysis cache the build uses (None when the site turns it off)."""
    docs: Path
    """mkdocs' docs folder, whose files must not take the place of generated pages."""
    directory_urls: bool
    """mkdocs' `use_directory_urls`."""


def _configuration(config: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """mkdocs.yml and the digest plugin's options in it (empty when it cannot be read: defaults apply)."""
    try:
        from mkdocs.utils.yaml import get_yaml_loader, yaml_load

        with config.open(encoding="utf-8") as handle:
            data = yaml_load(handle, loader=get_yaml_loader())
    except Exception:  # mkdocs reports a broken configuration when it builds; the defaults do here
        return {}, {}
    for plugin in data.get("plugins") or ():
        if isinstance(plugin, dict) and isinstance(plugin.get("digest"), dict):
            return data, plugin["digest"]
    return data, {}


def site_at(root: Path) -> Site:
    """The site whose folder is `root`."""
    root = root.resolve()
    config = root / CONFIG_FILE
    data, options = _configuration(config) if config.is_file() else ({}, {})
    content = options.get("content_dir") or options.get("content") or DEFAULT_CONTENT  # "content": the old name
    cache = options.get("cache_dir", DEFAULT_CACHE)
    return Site(root=root, config=config, content=(root / str(content)).resolve(),
                cache=(root / str(cache)).resolve() if cache else None,
                docs=(root / str(data.get("docs_dir") or "docs")).resolve(),
                directory_urls=data.get("use_directory_urls", True) is not False)


def find_site(start: Path | None = None) -> Site:
    """The site around `start` (the current folder by default); raise SiteNotFound when there is none."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_FILE).is_file() or (folder / DEFAULT_CONTENT).is_dir():
            return site_at(folder)
    raise SiteNotFound(f"no {CONFIG_FILE} or {DEFAULT_CONTENT}/ folder in {here} or any folder above it: run digest "
                       "inside the site's folder (the one with mkdocs.yml), or name the content folder with --content")
