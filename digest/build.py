"""The build step: a content folder -> every file digest adds to a site (pages, feed, digest JSON), in memory.

One function that the mkdocs plugin and the tests call; it knows nothing of mkdocs and writes
nothing but analysis cache entries. Topics are analysed (or read from the cache) and rendered in
worker processes, largest first; the home page, the tags page and the feed, which list every
topic, are rendered once all topics are done.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from digest.cache import TopicJobs
from digest.content import ContentError, load_content, topic_updated
from digest.model import Digest, Problem, Topic
from digest.render import Layout, Output, TopicRenderer, render_listings, shared_environment, urls
from digest.render.dates import page_date
from digest.render.pages import THEME_DIR, load_templates, render
from digest.render.prerendered import MARK

PROGRESS_EVERY = 5.0
"""Seconds between progress lines while topics are built."""


@dataclass(frozen=True, slots=True)
class SiteOptions:
    """What the pages need to know about the site they are part of."""

    site_name: str = "News digests"
    """Shown on the home page and in the feed."""
    layout: Layout = field(default_factory=Layout)
    """The site's URL scheme."""
    theme_dirs: tuple[str, ...] = (str(THEME_DIR),)
    """Template folders in lookup order; the package's theme folder must be among them."""


@dataclass(frozen=True, slots=True)
class GeneratedSite:
    """Every file the digest adds to a site, and what the build found on the way."""

    outputs: tuple[Output, ...]
    """Pages (each topic's page and article pages, largest topic first, then the home and tags pages), then the
    feed and each topic's digest JSON."""
    dates: Mapping[str, str] = field(default_factory=dict)
    """Page path -> the date the page was last updated (ISO), from the articles' dates, never from the clock."""
    newest: str | None = None
    """The newest of those dates: the update date of every other page of the site."""
    topics: int = 0
    """Topics built."""
    analysed: int = 0
    """Topics analysed in this build; the others came from the cache."""
    analysis_seconds: float = 0.0
    """CPU time their analysis took, summed over processes."""

    def summary(self, content_dir: Path) -> str:
        """One line for the build log."""
        return (f"{self.topics} topic(s) from {content_dir}: {self.analysed} analysed ({self.analysis_seconds:.1f} s "
                f"of CPU time), {self.topics - self.analysed} unchanged since the last build (cache)")


class ContentProblems(Exception):
    """The content folder has problems: nothing is built."""

    def __init__(self, content_dir: Path, problems: Sequence[Problem]) -> None:
        self.problems = tuple(str(problem) for problem in problems)
        """Each problem as `file:line: message`."""
        super().__init__(f"the content in {content_dir} has {len(problems)} problem(s); fix them "
                         "(`digest check` lists the same):\n" + "\n".join(self.problems))


def read_topics(content_dir: Path) -> tuple[Topic, ...]:
    """The topics of a content folder that has no problem; raises `ContentProblems` otherwise."""
    try:
        loaded = load_content(content_dir)
    except ContentError as error:
        raise ContentProblems(content_dir, error.problems) from None
    if loaded.problems:
        raise ContentProblems(content_dir, loaded.problems)
    return loaded.topics


def page_dates(topics: Sequence[Topic]) -> dict[str, str]:
    """Update dates of the topic and article pages: a topic's newest article, else the article's own date (within
    the dates mkdocs can stamp a page with, see `page_date`)."""
    dates = {}
    for topic in topics:
        updated = topic_updated(topic)
        if updated:
            dates[urls.topic_page(topic.slug)] = page_date(updated.isoformat())
            for article in topic.articles:
                dates[urls.article_page(topic.slug, article.id)] = page_date((article.meta.published
                                                                              or updated).isoformat())
    return dates


class _Progress:
    """A line every few seconds while topics are built: a big site's first build takes a while."""

    def __init__(self, total: int, say: Callable[[str], None]) -> None:
        self.total, self.done, self.say = total, 0, say
        self.reported_at = time.monotonic()

    def topic_done(self) -> None:
        self.done += 1
        now = time.monotonic()
        if now - self.reported_at >= PROGRESS_EVERY and self.done < self.total:
            self.reported_at = now
            self.say(f"{self.done} of {self.total} topics built")


def build(content_dir: Path, options: SiteOptions = SiteOptions(), *, cache_dir: Path | None = None,
          jobs: int | None = None, progress: Callable[[str], None] = lambda line: None) -> GeneratedSite:
    """Read, check, analyse and render the content folder.

    `cache_dir` None analyses every topic and stores nothing; `jobs` is how many processes analyse at
    once (None: one per core). Neither changes the result. Raises `ContentProblems`.
    """
    topics = read_topics(content_dir)
    if collisions := urls.url_collisions(topics, {}, options.layout):  # an article named index.md, say
        raise ContentProblems(content_dir, collisions)
    env = shared_environment(options.theme_dirs)
    load_templates(env)  # a missing template fails here, before any worker starts
    progress(f"{len(topics)} topic(s) in {content_dir}: analysing those changed since the last build")
    digests: dict[str, Digest] = {}
    pages: list[Output] = []
    files: list[Output] = []
    with TopicJobs(topics, TopicRenderer(options.theme_dirs, options.layout), cache_dir=cache_dir,
                   jobs=jobs) as running:
        counter = _Progress(len(topics), progress)
        for slug in running.order:
            try:
                digests[slug], outputs = running.result(slug)
            except ContentError as error:  # found by the analysis (curation: a quote not found, a hide id unknown)
                raise ContentProblems(content_dir, error.problems) from None
            for output in outputs:
                (pages if output.path.endswith(".md") else files).append(output)
            counter.topic_done()
        analysed, seconds = running.analysed, running.analysis_seconds
    pairs = [(topic, digests[topic.slug]) for topic in topics]
    for output in render_listings(env, pairs, options.layout, options.site_name):
        (pages if output.path.endswith(".md") else files).append(output)
    dates = page_dates(topics)
    return GeneratedSite(outputs=(*pages, *files), dates=dates, newest=max(dates.values(), default=None),
                         topics=len(topics), analysed=analysed, analysis_seconds=seconds)


def with_problems(last_good: GeneratedSite | None, problems: ContentProblems,
                  options: SiteOptions = SiteOptions()) -> GeneratedSite:
    """What a preview (`mkdocs serve`) shows while the content has problems: the last good site, or a site
    without topics when there was none, every page opening with the list of problems."""
    env = shared_environment(options.theme_dirs)
    site = last_good or GeneratedSite(outputs=render_listings(env, [], options.layout, options.site_name))
    notice = render(env, "problems.html", problems=problems.problems).strip()
    opening = f"\n\n{MARK}\n\n"
    return replace(site, outputs=tuple(
        replace(output, content=output.content.replace(opening, f"{opening}{notice}\n\n", 1))
        if output.path.endswith(".md") else output for output in site.outputs))

