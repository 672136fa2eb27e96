"""The mkdocs plugin: a thin shell that reads the content, analyses it and hands mkdocs the generated pages.

Pages exist in memory only (`File.generated`), never in the docs folder, so `mkdocs serve`
does not rebuild forever; the content folder is watched instead.
"""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import TemplateNotFound
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from digest.cache import DEFAULT_CACHE_DIR, analyse_topics
from digest.content import ContentError, load_content
from digest.model import Digest, Topic
from digest.render import Layout, environment, render_site, urls
from digest.render.pages import nav_title

log = get_plugin_logger(__name__)
_STASHED = re.compile(r"<!--digest-stash-(\d+)-->")


class DigestConfig(Config):
    """The `digest` entry under `plugins:` in mkdocs.yml."""

    content = c.Type(str, default="content")
    """Folder of topics, relative to mkdocs.yml."""
    cache_dir = c.Type(str, default=str(DEFAULT_CACHE_DIR))
    """Where analysed topics are cached, relative to mkdocs.yml; empty to analyse every build afresh."""
    jobs = c.Optional(c.Type(int))
    """Processes that analyse topics at once (default: one per core)."""


class DigestPlugin(BasePlugin[DigestConfig]):
    """Generates the home, tags, topic and article pages, the Atom feed and each topic's digest JSON."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path or ".").resolve().parent
        self.content_dir = self.root / self.config.content
        self.updated: dict[str, str] = {}
        """Page source path -> date shown as the page's update date (from content, never the clock)."""
        self.newest: str | None = None
        self.section_titles: dict[str, str] = {}
        """Topic page source path -> title for the nav section mkdocs makes of the topic's folder."""
        self.generated: set[str] = set()
        """Source paths of the pages this plugin generated."""
        self.stashed: dict[str, list[str]] = {}
        """Page source path -> its HTML blocks, kept away from Python-Markdown while it renders the page."""
        return config

    def _load(self) -> list[tuple[Topic, Digest]]:
        try:
            loaded = load_content(self.content_dir)
        except ContentError as error:
            raise PluginError(str(error)) from None
        if loaded.problems:
            lines = "\n".join(str(problem) for problem in loaded.problems)
            raise PluginError(f"the content has {len(loaded.problems)} problem(s); fix them "
                              f"(`digest check` lists the same):\n{lines}")
        cache_dir = self.root / self.config.cache_dir if self.config.cache_dir else None
        digests = analyse_topics(loaded.topics, cache_dir=cache_dir, jobs=self.config.jobs)
        return [(topic, digests[topic.slug]) for topic in loaded.topics]

    @event_priority(-50)  # after other plugins have collected the docs folder's own files
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        pairs = self._load()
        layout = Layout(directory_urls=config.use_directory_urls, site_url=config.site_url or "")
        env = environment(config.theme.dirs)
        try:
            outputs = render_site(env, pairs, layout, config.site_name)
        except TemplateNotFound as error:
            raise PluginError(f"template {error.name!r} not found in the theme folders ({', '.join(config.theme.dirs)})"
                              ": the digest templates live in theme_overrides/fragments/digest/; set "
                              "theme.custom_dir to a folder that has them") from None
        for output in outputs:
            if files.get_file_from_path(output.path) is not None:
                raise PluginError(f"{Path(config.docs_dir) / output.path}: this page is generated from the "
                                  "content; remove the file from the docs folder")
            inclusion = InclusionLevel.UNDEFINED if output.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, output.path, content=output.content, inclusion=inclusion))
            self.generated.add(output.path)
        for topic, digest in pairs:
            self.section_titles[urls.topic_page(topic.slug)] = nav_title(topic.title, topic.slug)
            if digest.updated:
                self.updated[urls.topic_page(topic.slug)] = digest.updated
                for info in digest.articles:
                    self.updated[urls.article_page(topic.slug, info.id)] = info.published or digest.updated
        self.newest = max(self.updated.values(), default=None)
        log.info("generated pages for %d topic(s) from %s", len(pairs), self.content_dir)
        return files

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        # mkdocs names a folder's section after the folder (the slug); show the topic's title instead.
        sections = [item for item in nav.items if isinstance(item, Section)]
        while sections:
            section = sections.pop()
            for child in section.children:
                if isinstance(child, Section):
                    sections.append(child)
                elif isinstance(child, Page) and child.file.src_uri in self.section_titles:
                    section.title = self.section_titles[child.file.src_uri]
        return nav

    def on_pre_page(self, page: Page, /, *, config: MkDocsConfig, files: Files) -> Page:
        # mkdocs stamps pages (sitemap, gzip header) with today's date; use the content's dates instead.
        date = self.updated.get(page.file.src_uri, self.newest)
        if date:
            page.update_date = date
        return page

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Our pages are HTML blocks (already escaped) between Markdown headings. Python-Markdown only needs the
        # headings (for the table of contents); re-parsing thousands of HTML blocks would cost a quarter of a build.
        if page.file.src_uri not in self.generated:
            return markdown
        stash = self.stashed[page.file.src_uri] = []
        chunks = markdown.split("\n\n")
        for index, chunk in enumerate(chunks):
            if chunk.startswith("<") and not chunk.startswith("<!--"):
                block = chunk.rstrip("\n")
                chunks[index] = f"<!--digest-stash-{len(stash)}-->" + chunk[len(block):]
                stash.append(block)
        return "\n\n".join(chunks)

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        stash = self.stashed.pop(page.file.src_uri, None)
        if stash is None:
            return html
        return _STASHED.sub(lambda match: stash[int(match.group(1))], html)

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder) -> LiveReloadServer:
        if self.content_dir.is_dir():
            server.watch(str(self.content_dir))
        return server
