"""Time on hostile text: `make bench` runs it after bench.py, or run `python bench/hostile.py` alone.

Prints, for each adversarial pattern of tests/adversarial.py repeated over 1 MB, the CPU time of sentence
splitting (the Markdown reading included) and of the analysis of a topic holding it; then the wall and CPU time
of `digest check` and `digest build` of a site whose one topic holds a 2 MB article mixing them all (a long
"word", repeated abbreviations, nested brackets, runs of punctuation and the rest). Exits 1 when the check and
the build together take 10 s or more of wall time (the target of the hostile-input issue); on a busy machine,
read the CPU time beside it.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "tests"))

from adversarial import ANALYSIS, SPLITTING, adversarial_body, body  # noqa: E402

TARGET_SECONDS = 10.0
MKDOCS_YML = """\
INHERIT: {base}
site_name: Hostile text
docs_dir: {docs}
site_dir: {site}
theme:
  custom_dir: {overrides}
plugins:
  - search
  - digest:
      content: {content}
      cache_dir: ""
"""
VICTIM = REPO / "tests" / "fixtures" / "hostile" / "victim"


def _article(text: str) -> str:
    return f'---\ntitle: "Adversarial"\noutlet: "Bad Actor"\npublished: "2024-03-04"\n---\n{text}\n'


def _cpu(work) -> float:
    from digest.memo import start_topic

    start_topic()
    started = time.process_time()
    work()
    return time.process_time() - started


def per_pattern(out: Path, size: int) -> None:
    from digest.analysis import analyse
    from digest.content import load_topic
    from digest.language.sentences import sentences

    print(f"{'pattern':22} {'split':>8} {'analysis':>9}   (CPU seconds for {size / 1e6:g} MB)")
    for kind in (*SPLITTING, *ANALYSIS):
        text = body(kind, size)
        if len(text.encode()) > size:  # characters of several bytes: `size` is bytes, as the article limit is
            text = body(kind, size * size // len(text.encode()))
        folder = out / "topic"
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(VICTIM, folder)
        (folder / "adversarial.md").write_text(_article(text), encoding="utf-8")
        topic, problems = load_topic(folder)
        if problems:
            raise SystemExit("\n".join(map(str, problems)))
        split = _cpu(lambda text=text: sentences(text))
        analysis = _cpu(lambda topic=topic: analyse(topic))
        print(f"{kind:22} {split:8.2f} {analysis:9.2f}", flush=True)


def _run(*command: str) -> tuple[float, float]:
    """Wall and CPU seconds of a command in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def whole_site(out: Path) -> bool:
    from digest.content import MAX_ARTICLE_BYTES

    content = out / "site" / "content"
    shutil.rmtree(out / "site", ignore_errors=True)
    shutil.copytree(VICTIM, content / "victim")
    article = content / "victim" / "adversarial.md"
    article.write_text(_article(adversarial_body(MAX_ARTICLE_BYTES - 60_000)), encoding="utf-8")
    config = out / "site" / "mkdocs.yml"
    config.write_text(MKDOCS_YML.format(base=REPO / "mkdocs.yml", docs=REPO / "docs", site=out / "site" / "site",
                                        overrides=REPO / "theme_overrides", content=content), encoding="utf-8")
    digest = [sys.executable, "-m", "digest"]
    check = _run(*digest, "check", str(content))
    build = _run(*digest, "build", "--strict", "-f", str(config))
    wall, cpu = check[0] + build[0], check[1] + build[1]
    print(f"\n{article.stat().st_size / 1e6:.2f} MB adversarial article: check {check[0]:.2f} s "
          f"(CPU {check[1]:.2f} s), build {build[0]:.2f} s (CPU {build[1]:.2f} s)")
    passed = wall < TARGET_SECONDS
    print(f"{'PASS' if passed else 'FAIL'}  checked and built in {wall:.2f} s (CPU {cpu:.2f} s; "
          f"target under {TARGET_SECONDS:g} s)")
    return passed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=1_000_000, help="bytes per pattern (default 1,000,000)")
    parser.add_argument("--out", type=Path, default=HERE / "out" / "hostile", help="work folder")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    per_pattern(args.out, args.size)
    return 0 if whole_site(args.out) else 1


if __name__ == "__main__":
    sys.exit(main())
