"""The mkdocs plugin: a thin shell that reads the content, analyses it and hands mkdocs the generated pages.

Pages exist in memory only (`File.generated`), never in the docs folder, so `mkdocs serve`
does not rebuild forever; the content folder is watched instead.

mkdocs builds pages on one core, so the analysis runs beside it: `on_files` lists every page
from the content alone (path, title, nav place) and starts the topics' analysis and rendering
in worker processes. Pages are read with their front matter only; each page gets its body
in `on_page_context`, just before its template is rendered, and the Markdown and content
events run again for it then, so other plugins see the real page. The feed and the digest
JSON files are written after the build. Listings of every topic are built last.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

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
from mkdocs.utils import write_file
from mkdocs.utils.meta import get_data

from digest.cache import DEFAULT_CACHE_DIR, TopicJobs
from digest.content import ContentError, load_content, topic_updated
from digest.model import Digest, Topic
from digest.render import (
    LISTINGS,
    Layout,
    Output,
    PlannedPage,
    TopicRenderer,
    environment,
    render_listings,
    topic_plan,
    urls,
)
from digest.render.dates import page_date
from digest.render.pages import load_templates

log = get_plugin_logger(__name__)
_STASHED = re.compile(r"<!--digest-stash-(\d+)-->")
PROGRESS_EVERY = 5.0
"""Seconds between progress lines in the build log."""


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
        self.stashed: dict[str, list[str]] = {}
        """Page source path -> its HTML blocks, kept away from Python-Markdown while it renders the page."""
        self.generated: set[str] = set()
        """Source paths of the pages this plugin generated."""
        self.planned: dict[str, PlannedPage] = {}
        """Source path -> a generated page whose body is not filled in yet."""
        self.bodies: dict[str, str] = {}
        """Source path -> a generated page (front matter and body) that is ready and not yet filled in."""
        self.extra_files: dict[str, str] = {}
        """Path in the site -> a generated file that is not a page (feed, digest JSON), written after the build."""
        self.topics: list[Topic] = []
        self.digests: dict[str, Digest] = {}
        """Slug -> digest of each topic taken from the jobs so far (the listings need them all)."""
        self.jobs: TopicJobs[tuple[Output, ...]] | None = None
        return config

    def _load(self) -> list[Topic]:
        try:
            loaded = load_content(self.content_dir)
        except ContentError as error:
            raise PluginError(str(error)) from None
        if loaded.problems:
            lines = "\n".join(str(problem) for problem in loaded.problems)
            raise PluginError(f"the content has {len(loaded.problems)} problem(s); fix them "
                              f"(`digest check` lists the same):\n{lines}")
        return list(loaded.topics)

    @event_priority(-50)  # after other plugins have collected the docs folder's own files
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        self.topics = self._load()
        self.site_name = config.site_name
        self.layout = Layout(directory_urls=config.use_directory_urls, site_url=config.site_url or "")
        self.env = environment(config.theme.dirs)
        try:
            load_templates(self.env)
        except TemplateNotFound as error:
            raise PluginError(f"template {error.name!r} not found in the theme folders ({', '.join(config.theme.dirs)})"
                              ": the digest templates live in theme_overrides/fragments/digest/; set "
                              "theme.custom_dir to a folder that has them") from None
        plans = {topic.slug: topic_plan(topic) for topic in self.topics}
        built = {file.dest_uri: Path(file.abs_src_path or file.src_uri) for file in files}
        if collisions := urls.url_collisions(self.topics, built, self.layout):
            raise PluginError("\n".join(map(str, collisions)))
        for topic in self.topics:
            page = urls.topic_page(topic.slug)
            updated = topic_updated(topic)
            if updated:
                self.updated[page] = updated.isoformat()
                for article in topic.articles:
                    published = article.meta.published
                    self.updated[urls.article_page(topic.slug, article.id)] = (published or updated).isoformat()
        self.newest = max(self.updated.values(), default=None)
        cache_dir = self.root / self.config.cache_dir if self.config.cache_dir else None
        self.topics_built, self.reported_at = 0, time.monotonic()
        self.jobs = TopicJobs(self.topics, TopicRenderer(tuple(config.theme.dirs), self.layout),
                              cache_dir=cache_dir, jobs=self.config.jobs)
        # mkdocs builds pages in the order of `files`: each topic's pages in the order the workers finish them,
        # then the listings, which need every topic.
        for plan in [plan for slug in self.jobs.order for plan in plans[slug]] + list(LISTINGS):
            inclusion = InclusionLevel.UNDEFINED if plan.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, plan.path, content=plan.page(""), inclusion=inclusion))
            self.planned[plan.path] = plan
            self.generated.add(plan.path)
            if plan.in_nav and plan.topic is not None:
                self.section_titles[plan.path] = plan.title
        self.files = files
        log.info("%d topic(s) in %s: analysing those changed since the last build", len(self.topics), self.content_dir)
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
            page.update_date = page_date(date)
        return page

    @event_priority(100)  # first: the other plugins (search among them) must see the page's real content
    def on_page_context(self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        plan = self.planned.get(page.file.src_uri)
        if plan is None:
            return context
        page.markdown, page.meta = get_data(self._page_text(plan))
        del self.planned[plan.path]
        # What mkdocs did when it read the page's front matter, now with the body.
        page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=self.files)
        page.render(config, self.files)
        assert page.content is not None
        page.content = config.plugins.on_page_content(page.content, page=page, config=config, files=self.files)
        return context

    def _page_text(self, plan: PlannedPage) -> str:
        """The page's Markdown, once its topic (or, for a listing, every topic) is analysed and rendered."""
        assert self.jobs is not None, "pages are filled in between on_files and on_post_build"
        if plan.path not in self.bodies:
            if plan.topic is not None:
                self._take_topic(plan.topic)
            else:
                self._take_listings()
        return self.bodies.pop(plan.path)

    def _take_topic(self, slug: str) -> None:
        assert self.jobs is not None, "pages are filled in between on_files and on_post_build"
        try:
            self.digests[slug], outputs = self.jobs.result(slug)
        except ContentError as error:  # found by the analysis (curation: a quote not found, a hide id unknown)
            raise PluginError(str(error)) from None
        self._take(outputs)
        self._report_progress()

    def _report_progress(self) -> None:
        """A line every few seconds while topics are being built: a big site's first build takes a while."""
        self.topics_built += 1
        now = time.monotonic()
        if now - self.reported_at >= PROGRESS_EVERY and self.topics_built < len(self.topics):
            self.reported_at = now
            log.info("%d of %d topics built", self.topics_built, len(self.topics))

    def _take_remaining_topics(self) -> None:
        for topic in self.topics:
            if topic.slug not in self.digests:
                self._take_topic(topic.slug)

    def _take_listings(self) -> None:
        self._take_remaining_topics()
        pairs = [(topic, self.digests[topic.slug]) for topic in self.topics]
        self._take(render_listings(self.env, pairs, self.layout, self.site_name))

    def _take(self, outputs: tuple[Output, ...]) -> None:
        for output in outputs:
            if output.path in self.planned:
                self.bodies[output.path] = output.content
            else:
                self.extra_files[output.path] = output.content

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.jobs is not None, "on_files started the jobs"
        # Normally all taken already, with the pages; not when `mkdocs serve --dirty` rebuilt only some pages.
        self._take_remaining_topics()
        if urls.FEED_FILE not in self.extra_files:
            self._take_listings()
        analysed, seconds = self.jobs.analysed, self.jobs.analysis_seconds
        self._close()
        for path, text in sorted(self.extra_files.items()):
            write_file(text.encode("utf-8"), str(Path(config.site_dir) / path))
        log.info("%d topic(s) from %s: %d analysed (%.1f s of CPU time), %d unchanged since the last build (cache)",
                 len(self.topics), self.content_dir, analysed, seconds, len(self.topics) - analysed)

    def on_build_error(self, *, error: Exception) -> None:
        self._close()

    def on_shutdown(self) -> None:
        self._close()

    def _close(self) -> None:
        if self.jobs is not None:
            self.jobs.close()
            self.jobs = None

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
