"""The performance benchmark: `make bench` (all sizes) or `make bench SIZES=small` (a quick run).

For each corpus size it generates a realistic corpus (`bench/corpus.py`), or, for the `real-*` sizes,
imports real news into one topic (the Timeline17 stories of `../shared/eval/dev`, pooled: `real-all`, and a
half and a quarter of them drawn evenly over time; skipped, saying so, where that folder is absent), then
measures, each in a fresh process: the analysis of every topic (on one core and on all of them), a full site
build (mkdocs + material + the digest plugin, via `digest.site.build_site`, empty cache), and a
rebuild after one article is added to one topic (warm cache); for the real sizes also each analysis step's
CPU seconds and peak memory (`measure.py stages`), so a step that grows faster than the articles shows. It
prints times, peak memory,
scaling ratios and site sizes, and checks them against the targets of the performance issue.
CPU time is printed beside wall time: on a busy machine it is the steadier figure. In a build the
plugin's `on_files` runs the build step (`digest.build`): topics are analysed and rendered in worker
processes before mkdocs builds any page, so "digest plugin" time is what the build spends in the
plugin's hooks, the analysis and rendering included. The code and mkdocs.yml are
copied first, so edits made during the run do not mix versions. A full run takes about 5 minutes
on a 2-core machine; `--profile 1x375` shows where the analysis spends its time.
Everything is written under `bench/out/` (git-ignored); results also go to `bench/out/results.json`.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from corpus import write_corpus

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
REAL = {"real-quarter": 4, "real-half": 2, "real-all": 1}
"""Real-news sizes: one topic of every 4th, 2nd or every Timeline17 article, in publication order."""
PRESETS = {"small": ["1x25", "50x25"], "real": list(REAL),
           "all": ["1x25", "50x25", "200x25", "1x375", "1x1500", *REAL]}
MIB = 1024 * 1024

MKDOCS_YML = """\
# The project's own configuration (theme, features, extensions), pointed at the generated corpus.
INHERIT: {base}
site_name: Benchmark digests
docs_dir: {docs}
theme:
  custom_dir: {overrides}
hooks:
  - {hooks}
plugins:
  - search
  - digest:
      content_dir: {content}
      jobs: {jobs}
"""


def _size(name: str) -> tuple[int, int]:
    """'50x25' -> 50 topics of 25 articles; a real size -> one topic (its articles are counted on import)."""
    if name in REAL:
        return 1, 0
    topics, _, articles = name.partition("x")
    if not (topics.isdigit() and articles.isdigit() and int(topics) > 0 and int(articles) > 0):
        raise ValueError(f"{name!r} is not a size written TOPICSxARTICLES, e.g. 50x25")
    return int(topics), int(articles)


def snapshot_code(out: Path) -> Path:
    """Copy the package and the site's configuration, so that edits made during a long run do not mix versions."""
    code = out / "code"
    shutil.rmtree(code, ignore_errors=True)
    shutil.copytree(REPO / "digest", code / "digest", ignore=shutil.ignore_patterns("__pycache__"))
    for folder in ("theme_overrides", "docs", "hooks"):
        shutil.copytree(REPO / folder, code / folder)
    shutil.copy2(REPO / "mkdocs.yml", code / "mkdocs.yml")
    return code


def _measure(*args: str, code: Path, log: Path, limits: tuple[float, int]) -> dict[str, Any]:
    """Run one measurement in a fresh process, within a time limit (seconds) and a memory limit (MiB).

    A measurement that breaks a limit or fails is stopped with its workers and returned with
    a "stopped" reason instead of figures, so the other sizes still run.
    """
    timeout, memory_mib = limits

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_mib * MIB, memory_mib * MIB))

    command = [sys.executable, str(HERE / "measure.py"), *args]
    process = subprocess.Popen(command, env={**os.environ, "PYTHONPATH": str(code)}, cwd=REPO, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
                               preexec_fn=limit_memory)
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        stdout, stderr = process.communicate()
        log.write_text(stdout + stderr, encoding="utf-8")
        return {"seconds": timeout, "stopped": f"time limit of {timeout:.0f} s"}
    log.write_text(stdout + stderr, encoding="utf-8")
    if process.returncode != 0:
        with contextlib.suppress(ProcessLookupError):  # workers left behind by a crash
            os.killpg(process.pid, signal.SIGKILL)
        if "MemoryError" in stderr:
            return {"stopped": f"memory limit of {memory_mib} MiB"}
        return {"stopped": f"failed, see {log}: {(stderr.strip().splitlines() or ['?'])[-1][:200]}"}
    return json.loads(stdout.strip().splitlines()[-1])



def _add_article(content: Path) -> Path:
    """Add one article to the first topic: a new report that follows up an existing one."""
    topic = sorted(path for path in content.iterdir() if path.is_dir())[0]
    model = sorted(topic.glob("*.md"))[-1]
    text = model.read_text(encoding="utf-8").replace("url: https://", "url: https://follow-up.", 1)
    head, _, body = text.partition("\n---\n")
    body = ("Officials gave a fuller account of the events on Thursday, adding figures that had not been "
            "published before.\n\n" + body)
    added = topic / "9999-12-31-bench-follow-up.md"
    added.write_text(head + "\n---\n" + body, encoding="utf-8")
    return added


def _real_news() -> tuple[Any, Any] | str:
    """The evaluation harness's Timeline17 reader and importer, or why they cannot be used here."""
    sys.path.insert(0, str(REPO / "eval"))
    from harness.data import missing_reason, stories
    from harness.timelines import import_documents

    return missing_reason() or (stories, import_documents)


def write_real_corpus(name: str, folder: Path) -> int:
    """One topic of real articles: every Timeline17 story pooled, every `REAL[name]`-th article by date."""
    found = _real_news()
    assert not isinstance(found, str), found
    stories, import_documents = found
    documents = sorted((document for story in stories() for document in story.documents),
                       key=lambda d: (d.published, d.outlet, d.number))
    every = REAL[name]
    chosen = [documents[round(index * every)] for index in range(round(len(documents) / every))]
    topic, _ = import_documents(chosen, folder, "real-news")
    return len(topic.articles)


def run_size(name: str, out: Path, code: Path, jobs: int, limits: tuple[float, int]) -> dict[str, Any]:
    topics, articles = _size(name)
    folder = out / name
    shutil.rmtree(folder, ignore_errors=True)
    content = folder / "content"
    start = time.perf_counter()
    if name in REAL:
        count = write_real_corpus(name, folder)
    else:
        count = write_corpus(content, topics, articles, seed=topics * 10_000 + articles)
    words = sum(len(path.read_text(encoding="utf-8").split()) for path in content.rglob("*.md"))
    result: dict[str, Any] = {"topics": topics, "articles": count, "words": words,
                              "generate_seconds": time.perf_counter() - start}
    print(f"\n== {name}: {topics} topic(s), {count} articles, {words / count:.0f} words each", flush=True)

    result["analyse_1"] = _measure("analyse", str(content), "1", code=code, log=folder / "analyse-1.log",
                                   limits=limits)
    print(f"   analysis, 1 core:    {_fmt(result['analyse_1'])}", flush=True)
    if topics > 1 and jobs > 1:
        result["analyse_n"] = _measure("analyse", str(content), str(jobs), code=code, log=folder / "analyse-n.log",
                                       limits=limits)
        print(f"   analysis, {jobs} cores:   {_fmt(result['analyse_n'])}", flush=True)
        if "output_sha256" in result["analyse_n"] and "output_sha256" in result["analyse_1"]:
            result["parallel_identical"] = (result["analyse_n"]["output_sha256"]
                                            == result["analyse_1"]["output_sha256"])
    else:
        result["analyse_n"] = result["analyse_1"]
    if "stopped" in result["analyse_n"]:
        print("   site builds skipped: the analysis alone broke a limit", flush=True)
        return result
    if name in REAL:
        result["stages"] = _measure("stages", str(content), code=code,
                                    log=folder / "stages.log", limits=limits)
        print(f"   steps (CPU s / peak MiB by its end): {_fmt_stages(result['stages'])}", flush=True)
        if name != "real-all":
            return result

    site = folder / "site-src"
    site.mkdir()
    config = site / "mkdocs.yml"
    config.write_text(MKDOCS_YML.format(base=json.dumps(str(code / "mkdocs.yml")), docs=json.dumps(str(code / "docs")),
                                        overrides=json.dumps(str(code / "theme_overrides")),
                                        hooks=json.dumps(str(code / "hooks" / "material_copies.py")),
                                        content=json.dumps(str(content)), jobs=jobs), encoding="utf-8")
    result["build"] = _measure("build", str(config), code=code, log=folder / "build.log", limits=limits)
    if "stopped" in result["build"]:
        print(f"   full site build:     {_fmt(result['build'])}", flush=True)
        return result
    built = result["build"]
    print(f"   full site build:     {_fmt(built)}; digest plugin {built['plugin_seconds']:.1f} s in its hooks "
          f"(analysis and rendering included); analysis {built['analysis_seconds']:.1f} s of CPU time over all "
          "processes; "
          f"site {built['site_bytes'] / MIB:.1f} MiB in {built['files']} files, "
          f"search index {built['search_index_bytes'] / MIB:.2f} MiB", flush=True)

    _add_article(content)
    result["rebuild"] = _measure("build", str(config), code=code, log=folder / "rebuild.log", limits=limits)
    print(f"   rebuild, +1 article: {_fmt(result['rebuild'])}"
          + (f"; {result['rebuild']['topics_analysed']} topic(s) analysed, "
             f"{result['rebuild']['analysis_seconds']:.2f} s" if "analysis_seconds" in result["rebuild"] else ""),
          flush=True)
    return result


def _fmt_stages(measure: dict[str, Any]) -> str:
    if "stopped" in measure:
        return f"stopped: {measure['stopped']}"
    return ", ".join(f"{stage} {seconds:.2f} s / {measure['stage_peak_mib'][stage]:.0f}"
                     for stage, seconds in measure["stage_cpu_seconds"].items())


def _fmt(measure: dict[str, Any]) -> str:
    if "stopped" in measure:
        return f"stopped: {measure['stopped']}"
    return f"{measure['seconds']:7.2f} s (CPU {measure['cpu_seconds']:7.2f} s), peak {measure['peak_mib']:5.0f} MiB"


def _verdict(ok: bool | None) -> str:
    return "n/a " if ok is None else ("PASS" if ok else "FAIL")


def targets(results: dict[str, dict[str, Any]]) -> list[tuple[str, bool | None, str]]:
    """Each target of the performance issue: (description, passed or None when not measured, figures)."""
    rows: list[tuple[str, bool | None, str]] = []

    def get(size: str, *keys: str) -> Any:
        value: Any = results.get(size)
        for key in keys:
            value = value.get(key) if isinstance(value, dict) else None
        return value

    def check(label: str, value: float | None, limit: float, unit: str, stopped: str | None = None) -> None:
        if stopped:
            rows.append((label, False, f"stopped: {stopped}"))
        elif value is None:
            rows.append((label, None, "not measured in this run"))
        else:
            rows.append((label, value <= limit, f"{value:.2f} {unit} (limit {limit} {unit})"))

    check("analysis of 5,000 articles (200x25), all cores", get("200x25", "analyse_n", "seconds"), 30, "s",
          get("200x25", "analyse_n", "stopped"))
    check("site build of 5,000 articles (200x25), empty cache, all cores", get("200x25", "build", "seconds"), 30, "s",
          get("200x25", "build", "stopped"))
    check("analysis of one 1,500-article topic", get("1x1500", "analyse_1", "seconds"), 20, "s",
          get("1x1500", "analyse_1", "stopped"))
    check("analysis of one real topic of about 1,500 articles (real-all), CPU", get("real-all", "analyse_1",
          "cpu_seconds"), 10, "s", get("real-all", "analyse_1", "stopped"))
    real_peaks = [m["peak_mib"] for size in REAL for m in (get(size, "analyse_1") or {}, get(size, "stages") or {})
                  if "peak_mib" in m]
    check("analysis peak memory, real topics", max(real_peaks) if real_peaks else None, 1024, "MiB")
    memory_stops = [m["stopped"] for r in results.values() for m in (r["analyse_1"], r["analyse_n"])
                    if "memory" in m.get("stopped", "")]
    peaks = [m["peak_mib"] for r in results.values() for m in (r["analyse_1"], r["analyse_n"]) if "peak_mib" in m]
    check("analysis peak memory, largest of all sizes", max(peaks) if peaks else None, 2048, "MiB",
          memory_stops[0] if memory_stops else None)

    def ratio(small: str, large: str, *keys: str) -> float | None:
        if get(small, *keys[:-1], "stopped") or get(large, *keys[:-1], "stopped"):
            return None  # a size broke a limit: its own row fails
        a, b = get(small, *keys), get(large, *keys)
        return b / a if a and b else None

    for clock, key in (("time", "seconds"), ("CPU time", "cpu_seconds")):
        check(f"4x articles, analysis {clock} ratio (50x25 -> 200x25)", ratio("50x25", "200x25", "analyse_n", key),
              4.4, "x")
        check(f"4x articles, site build {clock} ratio (50x25 -> 200x25)", ratio("50x25", "200x25", "build", key),
              4.4, "x")
        check(f"4x articles in one topic, analysis {clock} ratio (1x375 -> 1x1500)",
              ratio("1x375", "1x1500", "analyse_1", key), 4.4, "x")
        check(f"4x real articles in one topic, analysis {clock} ratio (real-quarter -> real-all)",
              ratio("real-quarter", "real-all", "analyse_1", key), 4.2, "x")
    # The build step analyses and renders every topic inside the plugin's on_files (other plugins must see each
    # page's body), so the plugin's share of a build is no longer a target: the build's own wall time is (above).
    if get("real-all", "rebuild", "seconds"):
        check("real-all: rebuild after adding one article, share of the cold build",
              100 * get("real-all", "rebuild", "seconds") / get("real-all", "build", "seconds"), 10, "%")
    for size in results:
        if results[size]["topics"] == 1:
            continue  # the added article is in the only topic: everything is re-analysed, as it must be
        full, incremental = get(size, "build", "analysis_seconds"), get(size, "rebuild", "analysis_seconds")
        check(f"{size}: analysis in a rebuild after adding one article, share of a full analysis",
              100 * incremental / full if full else None, 10, "%")
    index = get("200x25", "build", "search_index_bytes")
    check("search_index.json at 5,000 articles", index / MIB if index is not None else None, 10, "MiB")
    identical = [r["parallel_identical"] for r in results.values() if "parallel_identical" in r]
    rows.append(("parallel analysis output identical to single-core", all(identical) if identical else None,
                 f"{sum(identical)} of {len(identical)} sizes compared"))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="all",
                        help="'small' (1x25,50x25: a quick run), 'all' (the default: 1x25,50x25,200x25,1x375,"
                             "1x1500), or a comma list of sizes written TOPICSxARTICLES")
    parser.add_argument("--jobs", type=int, default=2, help="processes for the parallel runs (default 2)")
    parser.add_argument("--timeout", type=float, default=1200,
                        help="seconds after which one measurement is stopped and counted as failed (default 1200)")
    parser.add_argument("--memory", type=int, default=4096,
                        help="MiB of address space one measurement may use before it is stopped (default 4096)")
    parser.add_argument("--out", type=Path, default=HERE / "out", help="work folder (default bench/out)")
    parser.add_argument("--profile", metavar="SIZE",
                        help="only profile the analysis of one size (e.g. 4x25) with cProfile; print the slowest "
                             "functions")
    args = parser.parse_args(argv)
    names = [args.profile] if args.profile else PRESETS.get(args.sizes) or args.sizes.split(",")
    if any(name in REAL for name in names) and isinstance(reason := _real_news(), str):
        print(f"real-news sizes skipped: {reason}")
        names = [name for name in names if name not in REAL]
    try:
        sizes = {name.strip(): _size(name.strip()) for name in names}
    except ValueError as error:
        parser.error(str(error))
    args.out.mkdir(parents=True, exist_ok=True)
    code = snapshot_code(args.out)
    if args.profile:
        if not sizes:
            return 1
        topics, articles = sizes[args.profile]
        folder = args.out / f"profile-{args.profile}"
        shutil.rmtree(folder, ignore_errors=True)
        content = folder / "content"
        if args.profile in REAL:
            write_real_corpus(args.profile, folder)
        else:
            write_corpus(content, topics, articles, seed=topics * 10_000 + articles)
        return subprocess.run([sys.executable, str(HERE / "measure.py"), "profile", str(content)], cwd=REPO,
                              env={**os.environ, "PYTHONPATH": str(code)}).returncode
    began = time.perf_counter()
    results = {name: run_size(name, args.out, code, args.jobs, (args.timeout, args.memory)) for name in sizes}
    print(f"\n== targets ({time.perf_counter() - began:.0f} s for the whole run)")
    rows = targets(results)
    for label, ok, figures in rows:
        print(f"   {_verdict(ok)}  {label}: {figures}")
    (args.out / "results.json").write_text(json.dumps({"results": results, "targets": [
        {"target": label, "passed": ok, "figures": figures} for label, ok, figures in rows]}, indent=2) + "\n",
        encoding="utf-8")
    return 1 if any(ok is False for _, ok, _ in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
