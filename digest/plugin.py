"""The mkdocs plugin: a thin shell over the build step (`digest.build`).

`on_config` adds the package's theme below the site's own `custom_dir` (which overrides any of its
templates), the stylesheet and the Markdown extension for the pages' HTML blocks. `on_files` adds every
page, the feed and each topic's digest JSON as generated files, which mkdocs and every plugin then
treat like any other. Under `mkdocs serve`, content with problems keeps the last good site on show.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

from digest.build import ContentProblems, GeneratedSite, SiteOptions, build, with_problems
from digest.cache import DEFAULT_CACHE_DIR
from digest.render import Layout
from digest.render.pages import STYLESHEET, THEME_DIR
from digest.render.prerendered import PrerenderedHtml

log = get_plugin_logger(__name__)


class _WholeNumber(c.Type[int]):
    def __init__(self, low: int, high: int) -> None:
        super().__init__(int)
        self.low, self.high = low, high

    def run_validation(self, value: object) -> int:
        number = super().run_validation(value)
        if isinstance(number, bool) or not self.low <= number <= self.high:
            raise c.ValidationError(f"expected a whole number from {self.low} to {self.high}, got {value!r}")
        return number


class DigestConfig(Config):
    """The `digest` entry under `plugins:` in mkdocs.yml (README.md documents each option)."""

    enabled = c.Type(bool, default=True)
    content_dir = c.Type(str, default="content")
    content = c.Deprecated(moved_to="content_dir")
    cache_dir = c.Type(str, default=str(DEFAULT_CACHE_DIR))
    jobs = c.Optional(_WholeNumber(1, 64))


class DigestPlugin(BasePlugin[DigestConfig]):
    """Generates the home, tags, topic and article pages, the Atom feed and each topic's digest JSON."""

    def __init__(self) -> None:
        self.serving = False
        self.site: GeneratedSite | None = None  # this build's files; page dates and section titles come from it
        self.last_good: GeneratedSite | None = None  # what `mkdocs serve` shows while the content has problems

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps this plugin object across the rebuilds of `mkdocs serve`.
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.config.enabled:
            dirs = config.theme.dirs
            if str(THEME_DIR) not in dirs:
                dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
            if STYLESHEET not in config.extra_css:
                config.extra_css.append(STYLESHEET)
            if not any(isinstance(extension, PrerenderedHtml) for extension in config.markdown_extensions):
                config.markdown_extensions.append(PrerenderedHtml())  # type: ignore[arg-type]
        return config

    @event_priority(-50)  # after other plugins have collected the docs folder's own files
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        if not self.config.enabled:
            return files
        root, content_dir = self._folders(config)
        options = SiteOptions(config.site_name, Layout(config.use_directory_urls, config.site_url or ""),
                              tuple(config.theme.dirs))
        try:
            self.site = self.last_good = build(
                content_dir, options, cache_dir=root / self.config.cache_dir if self.config.cache_dir else None,
                jobs=self.config.jobs, progress=log.info)
        except ContentProblems as problems:
            if not self.serving:
                raise PluginError(str(problems)) from None
            log.error("%s\nThe preview shows the last good build until they are fixed.", problems)
            self.site = with_problems(self.last_good, problems, options)
        else:
            log.info(self.site.summary(content_dir))
        taken = {file.dest_uri: file.abs_src_path or file.src_uri for file in files}
        for output in self.site.outputs:  # generated pages own their URLs: no file may take one's place
            inclusion = InclusionLevel.UNDEFINED if output.in_nav else InclusionLevel.NOT_IN_NAV
            generated = File.generated(config, output.path, content=output.content, inclusion=inclusion)
            if generated.dest_uri in taken:
                raise PluginError(f"{taken[generated.dest_uri]}: this file would be built as {generated.dest_uri}, "
                                  f"which is generated from the content ({output.path}): remove or rename the file")
            taken[generated.dest_uri] = output.path
            files.append(generated)
        return files

    def on_pre_page(self, page: Page, /, *, config: MkDocsConfig, files: Files) -> Page:
        # mkdocs stamps pages (sitemap, gzip header) with today's date; use the content's dates instead.
        if self.site is not None and (date := self.site.dates.get(page.file.src_uri, self.site.newest)):
            page.update_date = date
        return page

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        # mkdocs names a folder's section after the folder (the slug); name a topic's section after its page.
        generated = {output.path for output in self.site.outputs} if self.site is not None else set()
        for file in files.documentation_pages():
            page = file.page
            if file.src_uri in generated and page is not None and page.is_index and isinstance(page.parent, Section):
                page.parent.title = page.title
        return env

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        if self.config.enabled and (content_dir := self._folders(config)[1]).is_dir():
            server.watch(str(content_dir))
        return server

    def _folders(self, config: MkDocsConfig) -> tuple[Path, Path]:
        """The site's folder (where mkdocs.yml is) and the content folder."""
        root = Path(config.config_file_path or ".").resolve().parent
        return root, root / self.config.content_dir
