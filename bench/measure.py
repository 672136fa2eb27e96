"""One measurement in a fresh process, so that its peak memory is its own.

    python bench/measure.py analyse CONTENT_DIR JOBS [CACHE_DIR]
    python bench/measure.py build MKDOCS_YML
    python bench/measure.py stages CONTENT_DIR
    python bench/measure.py profile CONTENT_DIR

prints one JSON object on its last line of output (profile prints a cProfile table instead).
Peak memory is the resident set size the kernel reports (`getrusage`), the larger of this
process and its worker processes. `stages` analyses and renders every topic in this process and
reports each step's CPU seconds and the peak memory reached by the end of it, so a step whose cost
grows faster than the articles shows.
"""

from __future__ import annotations

import cProfile
import functools
import hashlib
import json
import pstats
import resource
import sys
import time
from pathlib import Path
from typing import Any


def _cpu_seconds() -> float:
    """CPU time of this process and its finished workers: unlike wall time, not stretched by a busy machine."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _peak_mib() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024  # Linux reports KiB


def analyse(content: Path, jobs: int, cache_dir: Path | None) -> dict[str, Any]:
    from digest.cache import analyse_topics
    from digest.content import load_content
    from digest.export import to_json

    cpu, start = _cpu_seconds(), time.perf_counter()
    loaded = load_content(content)
    loaded_at = time.perf_counter()
    digests = analyse_topics(loaded.topics, cache_dir=cache_dir, jobs=jobs)
    end = time.perf_counter()
    fingerprint = hashlib.sha256("".join(to_json(d) for d in digests.values()).encode()).hexdigest()
    return {"seconds": end - start, "cpu_seconds": _cpu_seconds() - cpu, "load_seconds": loaded_at - start,
            "analysis_seconds": end - loaded_at, "peak_mib": _peak_mib(), "output_sha256": fingerprint,
            "articles": sum(len(topic.articles) for topic in loaded.topics), "problems": len(loaded.problems)}


def stages(content: Path) -> dict[str, Any]:
    import contextlib

    from digest.analysis import analyse as analyse_topic
    from digest.build import SiteOptions
    from digest.content import load_content
    from digest.render import Layout, TopicRenderer

    cpu: dict[str, float] = {}
    peak: dict[str, float] = {}

    @contextlib.contextmanager
    def meter(stage: str):
        start = time.process_time()
        try:
            yield
        finally:
            cpu[stage] = cpu.get(stage, 0.0) + time.process_time() - start
            peak[stage] = max(peak.get(stage, 0.0), _peak_mib())

    render = TopicRenderer(SiteOptions().theme_dirs, Layout())
    topics = load_content(content).topics
    for topic in topics:
        digest = analyse_topic(topic, meter=meter)
        with meter("render"):
            render(topic, digest)
    return {"stage_cpu_seconds": cpu, "stage_peak_mib": peak, "peak_mib": _peak_mib(),
            "articles": sum(len(topic.articles) for topic in topics)}


def build(config_file: Path) -> dict[str, Any]:
    import digest.plugin
    from digest.site import build_site

    spent = {"plugin": 0.0}
    built: list[Any] = []
    step = digest.plugin.build

    def recorded(*args, **kwargs):
        built.append(step(*args, **kwargs))
        return built[-1]

    def timed(function, bucket: str):
        @functools.wraps(function)  # keeps mkdocs' event priority
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[bucket] += time.perf_counter() - start
        return wrapper

    digest.plugin.build = recorded
    for name in dir(digest.plugin.DigestPlugin):
        if name.startswith("on_"):
            setattr(digest.plugin.DigestPlugin, name, timed(getattr(digest.plugin.DigestPlugin, name), "plugin"))
    cpu, start = _cpu_seconds(), time.perf_counter()
    site = build_site(config_file)
    seconds, cpu = time.perf_counter() - start, _cpu_seconds() - cpu
    files = [path for path in site.rglob("*") if path.is_file()]
    index = site / "search" / "search_index.json"
    return {"seconds": seconds, "cpu_seconds": cpu, "plugin_seconds": spent["plugin"],
            "analysis_seconds": sum(generated.analysis_seconds for generated in built),
            "topics_analysed": sum(generated.analysed for generated in built),
            "peak_mib": _peak_mib(), "site_bytes": sum(path.stat().st_size for path in files), "files": len(files),
            "search_index_bytes": index.stat().st_size if index.is_file() else 0}


def profile(content: Path) -> None:
    from digest.analysis import analyse as analyse_topic
    from digest.content import load_content

    topics = load_content(content).topics
    profiler = cProfile.Profile()
    profiler.enable()
    for topic in topics:
        analyse_topic(topic)
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("tottime").print_stats(25)
    stats.sort_stats("cumulative").print_stats(40)


def main(argv: list[str]) -> int:
    command, *rest = argv
    if command == "analyse":
        result = analyse(Path(rest[0]), int(rest[1]), Path(rest[2]) if len(rest) > 2 else None)
    elif command == "stages":
        result = stages(Path(rest[0]))
    elif command == "build":
        result = build(Path(rest[0]))
    elif command == "profile":
        profile(Path(rest[0]))
        return 0
    else:
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
