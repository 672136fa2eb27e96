"""Analyse many topics fast: a content-hash cache, and topics spread over the machine's cores.

A topic is re-analysed only when something the analysis reads has changed: its topic.yml,
an article file (added, removed or edited), the digest version, the source of the analysis,
the Python version or a dependency's version. Everything else comes from the cache folder,
one JSON file per topic. A cache entry that cannot be read back is ignored and rewritten,
so a corrupt cache can cost time but never change a page. A well-formed entry is believed,
though: never restore into a deploy build a cache folder that an untrusted build wrote.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from functools import lru_cache
from importlib import metadata
from multiprocessing import get_context
from pathlib import Path
from typing import Generic, TypeVar

from digest import __version__
from digest.analysis import analyse
from digest.content import TOPIC_FILE
from digest.model import Digest, Topic
from digest.records import from_record, to_record

R = TypeVar("R")

DEFAULT_CACHE_DIR = Path(".cache/digest")
"""Where the cache lives, relative to the site's folder (git-ignored)."""

_PACKAGE_DIR = Path(__file__).parent
_PRESENTATION_ONLY = ("render", "theme", "plugin.py", "build.py", "export.py", "cli.py", "site.py", "__main__.py")
"""Parts of the package that only show or ship results: editing them keeps the cache."""


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of what, besides the content, decides an analysis result."""
    digest = hashlib.sha256()
    digest.update(f"digest {__version__}\npython {sys.version_info[:2]}\n".encode())
    try:
        requirements = metadata.requires("digest") or []
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        requirements = []
    for requirement in sorted(requirements):
        if "extra ==" in requirement:
            continue  # test and lint tools do not touch the analysis
        name = re.split(r"[^A-Za-z0-9._-]", requirement, maxsplit=1)[0]
        try:
            digest.update(f"{name} {metadata.version(name)}\n".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name} missing\n".encode())
    for path in sorted(_PACKAGE_DIR.rglob("*.py")):
        relative = path.relative_to(_PACKAGE_DIR)
        if relative.parts[0] in _PRESENTATION_ONLY:
            continue
        digest.update(relative.as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def topic_key(topic: Topic) -> str:
    """Content hash of a topic: its name, topic.yml and every article file it loaded, byte for byte."""
    digest = hashlib.sha256(code_fingerprint().encode())

    def add(name: str, data: bytes) -> None:
        digest.update(f"{name}\0{len(data)}\0".encode())
        digest.update(data)

    add("slug", topic.slug.encode())
    topic_file = topic.path / TOPIC_FILE
    add(TOPIC_FILE, topic_file.read_bytes() if topic_file.is_file() else b"")
    for article in topic.articles:
        add(f"article {article.id}", article.path.read_bytes())
    return digest.hexdigest()


def _entry_path(cache_dir: Path, slug: str, key: str) -> Path:
    # Slugs hold no dots, so "<slug>.<key>.json" splits back unambiguously.
    return cache_dir / f"{slug}.{key}.json"


def read_cached(cache_dir: Path, slug: str, key: str) -> Digest | None:
    """The cached digest for this key, or None when there is none or it is unreadable."""
    try:
        envelope = json.loads(_entry_path(cache_dir, slug, key).read_text(encoding="utf-8"))
        if envelope["key"] != key:
            return None
        result = from_record(envelope["digest"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return result if result.slug == slug else None


def write_cached(cache_dir: Path, key: str, digest: Digest) -> None:
    """Store a digest atomically (temporary file, then rename) and drop the topic's older entries."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"key": key, "digest": to_record(digest)}, ensure_ascii=False,
                      separators=(",", ":"))
    final = _entry_path(cache_dir, digest.slug, key)
    handle, temporary = tempfile.mkstemp(dir=cache_dir, prefix=f".{digest.slug}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(temporary, 0o644)  # mkstemp makes it private; the cache is as readable as the content
        os.replace(temporary, final)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    for stale in cache_dir.glob(f"{digest.slug}.*.json"):
        if stale != final:
            stale.unlink(missing_ok=True)


def digest_of(topic: Topic, cache_dir: Path | None) -> tuple[Digest, float | None]:
    """The topic's digest: from the cache when its key is there, else analysed (and then stored); with the
    CPU seconds the analysis took, None for a cache hit."""
    key = topic_key(topic) if cache_dir is not None else ""
    if cache_dir is not None:
        cached = read_cached(cache_dir, topic.slug, key)
        if cached is not None:
            return cached, None
    start = time.process_time()  # CPU time: the cores may be shared with mkdocs and other workers
    digest = analyse(topic)
    seconds = time.process_time() - start
    if cache_dir is not None:
        write_cached(cache_dir, key, digest)
    return digest, seconds


def _work(topic: Topic, cache_dir: Path | None,
          then: Callable[[Topic, Digest], R]) -> tuple[Digest, R, float | None]:
    digest, seconds = digest_of(topic, cache_dir)
    return digest, then(topic, digest), seconds


def _size(topic: Topic) -> int:
    return sum(len(article.body) for article in topic.articles)


def available_cores() -> int:
    """Cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


class TopicJobs(Generic[R]):
    """Topics digested (from the cache or analysed) and passed to `then`, in worker processes, while the caller
    goes on with other work; `result` waits for one topic only.

    The site's build step (`digest.build`) hands every core the analysis and the rendering of the topics, largest
    first. With one job, or one topic, there is nothing to share: each topic is worked out in this process when
    it is first asked for. Either way a topic's result depends on that topic alone.
    """

    def __init__(self, topics: Sequence[Topic], then: Callable[[Topic, Digest], R], *,
                 cache_dir: Path | None = None, jobs: int | None = None) -> None:
        self._waiting = {topic.slug: topic for topic in topics}
        """Topics whose result has not been handed out yet."""
        self._then = then
        self._cache_dir = cache_dir
        self._futures: dict[str, Future[tuple[Digest, R, float | None]]] = {}
        self.analysed = 0
        """Topics analysed so far (the others came from the cache)."""
        self.analysis_seconds = 0.0
        """CPU time their analysis took, summed over processes."""
        workers = min(available_cores() if jobs is None else max(1, jobs), len(topics))
        # Workers start as fresh interpreters ("spawn"): forking mkdocs itself, whose `serve` runs threads, could
        # copy a lock that another thread holds and hang the worker.
        self._pool = (ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"))
                      if workers > 1 else None)
        # Largest topics first, so one long story does not start last and hold up the end. The order is the same
        # whatever the number of jobs: a site that follows it (search index, sitemap) must not depend on the machine.
        self.order = tuple(topic.slug for topic in sorted(topics, key=lambda topic: -_size(topic)))
        """The topics in the order they are worked on: ask for their results in this order to wait least."""
        if self._pool is not None:
            for slug in self.order:
                self._futures[slug] = self._pool.submit(_work, self._waiting[slug], cache_dir, then)

    def result(self, slug: str) -> tuple[Digest, R]:
        """The topic's digest and what `then` made of it, once it is ready. Each topic's result is handed out
        once and not kept: a big site's rendered pages should not stay in memory after mkdocs has them."""
        topic = self._waiting.pop(slug)  # KeyError: not a topic of these jobs, or its result was taken already
        future = self._futures.pop(slug, None)
        digest, made, seconds = future.result() if future is not None else _work(topic, self._cache_dir, self._then)
        if seconds is not None:
            self.analysed += 1
            self.analysis_seconds += seconds
        return digest, made

    def close(self) -> None:
        """Stop the workers; topics not started yet are dropped (after an error, nobody wants them)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> TopicJobs[R]:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def _nothing(topic: Topic, digest: Digest) -> None:
    return None


def analyse_topics(topics: Sequence[Topic], cache_dir: Path | None = None,
                   jobs: int | None = None) -> dict[str, Digest]:
    """Digest of every topic, by slug in the given order.

    `cache_dir` None analyses everything and stores nothing. `jobs` is how many processes
    analyse at once (None: one per core; 1: all in this process). The result never depends
    on either: a cached, parallel run gives the same digests as a fresh single-core one.
    """
    with TopicJobs(topics, _nothing, cache_dir=cache_dir, jobs=jobs) as running:
        return {topic.slug: running.result(topic.slug)[0] for topic in topics}
