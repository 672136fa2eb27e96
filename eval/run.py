#!/usr/bin/env python3
"""`make eval`: the digest pipeline on the development corpus of real news, each figure beside its baselines.

    python eval/run.py [--quick] [--json FILE] [--no-check] [--update-floors] [--jobs N] [--notes]

Parts: cleaning (`digest clean` on real pages, as HTML and as pasted text), timelines and summaries (the
Timeline17 stories against journalists' reference timelines), contested points (annotated topics), the seed
figures of `score.py`, citation precision and recall on our judged pairs (not floored yet), and CPU seconds per
pipeline stage. `--quick` measures a small subset in seconds (it runs
inside `make test`); both kinds have floors in eval/floors.yml, checked at the end (exit 1 on a breach). Where the
shared corpus is absent, it says so in one line and exits 0 without measuring.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import citations, cleaning, contested, floors, timelines
from harness.data import REPO, Collected, Section, missing_reason

QUICK_PAGES = 10
QUICK_STORIES = ("MJ",)
OUT = REPO / "eval" / "out"


PARTS = {"timelines": ("timeline.", "summary.", "cpu.", "citations."), "contested": ("contested.", "seeds."),
         "cleaning": ("cleaning.",)}
"""Each part of the run and the prefixes of the floored figures it measures."""


def sections(quick: bool, parts: tuple[str, ...]) -> list[Section]:
    """The parts of the run, the costliest first, so that the workers finish together."""
    chosen = []
    if "timelines" in parts:  # with the citation pairs, which are looked up in the stories' digests and the seeds'
        chosen += [timelines.section(QUICK_STORIES, OUT) if quick else timelines.section(out=OUT),
                   citations.section(OUT)]
    if "contested" in parts:
        chosen.append(contested.section())
    if "cleaning" in parts:
        chosen.append(cleaning.section(QUICK_PAGES if quick else None))
    return chosen


def measure(quick: bool, jobs: int, names: tuple[str, ...]) -> tuple[dict[str, float | str], dict[str, list[str]],
                                                                     float]:
    start = time.perf_counter()
    parts = sections(quick, names)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures: list[tuple[Section, list[Future]]] = [
            (part, [pool.submit(part.work, item) for item in part.items]) for part in parts]
        figures: dict[str, float | str] = {}
        notes: dict[str, list[str]] = {}
        judged: list[citations.Outcome] = []
        for part, pending in futures:
            collected: Collected = part.collect(part.items, [future.result() for future in pending])
            figures.update(collected.figures)
            notes[part.name] = collected.notes
            judged += collected.citations
    scored = citations.collect(judged)  # the judged pairs of every topic analysed above, scored together
    figures.update(scored.figures)
    notes["citations"] = notes.get("citations", []) + scored.notes
    return figures, notes, time.perf_counter() - start


def _fmt(value: float | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def table(figures: dict[str, float | str]) -> list[str]:
    """One table: each figure of the digest beside the baselines measured in the same run."""
    rows: list[tuple[str, str, str, str]] = []

    def row(label: str, value: str | float | None, *baselines: str) -> None:
        first, second = [*baselines, "", ""][:2]
        rows.append((label, _fmt(value), first, second))

    def get(name: str) -> float | str | None:
        return figures.get(name)

    def prf(prefix: str) -> str:
        return (f"{_fmt(get(prefix + '.f1'))} (P {_fmt(get(prefix + '.precision'))}, R {_fmt(get(prefix + '.recall'))}"
                f", {_fmt(get(prefix + '.failures'))} failed)")

    if "cleaning.dragnet.pages" in figures:
        rows.append(("CLEANING: token F1 of the article body (P, R, failed pages)", "digest clean", "baseline", ""))
        for corpus, label in (("dragnet", "Dragnet"), ("aeb", "article-extraction benchmark")):
            pages = get(f"cleaning.{corpus}.pages")
            rows.append((f"  {label} ({pages} pages), saved HTML", prf(f"cleaning.{corpus}.html"),
                         "trafilatura " + prf(f"baseline.trafilatura.cleaning.{corpus}"), ""))
            rows.append((f"  {label}, visible text pasted", prf(f"cleaning.{corpus}.text"),
                         "uncleaned " + prf(f"baseline.uncleaned.cleaning.{corpus}"), ""))
    if "timeline.references" in figures:
        rows.append((f"TIMELINE: l heaviest entries vs {get('timeline.references')} reference timelines "
                     f"({get('timeline.articles')} articles)", "digest", "pubcount(-lead)", ""))
        for figure, label in (("date_f1", "Date-F1"), ("date_precision", "  date precision"),
                              ("date_recall", "  date recall"), ("rouge1", "concat ROUGE-1"),
                              ("rouge2", "concat ROUGE-2"), ("aligned_rouge1", "date-aligned ROUGE-1"),
                              ("aligned_rouge2", "date-aligned ROUGE-2")):
            row("  " + label, get(f"timeline.{figure}"), _fmt(get(f"baseline.pubcount.{figure}")))
        for name in sorted(figures):
            if name.startswith("timeline.") and name.endswith(".date_f1") and name.count(".") == 2:
                story = name.split(".")[1]
                row(f"  {story}: Date-F1 / concat ROUGE-2",
                    f"{_fmt(get(name))} / {_fmt(get(f'timeline.{story}.rouge2'))}",
                    f"{_fmt(get(f'baseline.pubcount.{story}.date_f1'))} / "
                    f"{_fmt(get(f'baseline.pubcount.{story}.rouge2'))}")
        rows.append(("SUMMARY: ROUGE vs the reference timelines, same length", "digest", "busiest-day leads",
                     "LexRank"))
        for figure in ("rouge1", "rouge2"):
            row(f"  ROUGE-{figure[-1]}", get(f"summary.{figure}"), _fmt(get(f"baseline.leads.summary.{figure}")),
                _fmt(get(f"baseline.lexrank.summary.{figure}")))
    if "contested.recall" in figures:
        rows.append(("CONTESTED POINTS (score.py's matching rule)", "recall", "precision", "points"))
        row("  all annotated topics", get("contested.recall"), _fmt(get("contested.precision")),
            f"{get('contested.points')} reported, {get('contested.required')} required")
        for name in sorted(figures):
            if name.startswith("contested.") and name.endswith(".recall") and name.count(".") == 2:
                topic = name.split(".")[1]
                row(f"  {topic}", get(name), _fmt(get(f"contested.{topic}.precision")),
                    f"{get(f'contested.{topic}.points')} reported")
        rows.append(("SEEDS (score.py)", "", "", ""))
        for name in sorted(figures):
            if name.startswith("seeds."):
                row(f"  {name[6:]}", get(name))
    if get("citations.pairs"):
        rows.append((f"CITATIONS: {get('citations.pairs')} judged pairs, {get('citations.located')} located, "
                     f"{get('citations.shown')} claims shown", "precision", "recall", "pairs"))
        row("  all pairs", get("citations.precision"), _fmt(get("citations.recall")),
            f"{get('citations.cited')} cited, {get('citations.supports')} support")
        for group in ("story", "drawn"):
            for name in sorted(figures):
                if name.startswith(f"citations.{group}.") and name.endswith(".pairs"):
                    key = name[:-len(".pairs")]
                    row(f"  {key.split('.', 2)[2]}", get(f"{key}.precision"), _fmt(get(f"{key}.recall")),
                        _fmt(get(name)))
    cpu = {name[4:]: value for name, value in figures.items() if name.startswith("cpu.")}
    if cpu:
        rows.append(("CPU SECONDS per stage (timeline stories)", "", "", ""))
        for stage, seconds in cpu.items():
            row(f"  {stage}", f"{float(seconds):.1f} s")
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    return ["  ".join(cell.ljust(width) for cell, width in zip(r, widths, strict=True)).rstrip() for r in rows]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="a small subset, in seconds (what `make test` runs)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures and notes as JSON")
    parser.add_argument("--no-check", action="store_true", help="do not check the figures against eval/floors.yml")
    parser.add_argument("--update-floors", action="store_true", help="raise the floors to the figures measured")
    parser.add_argument("--notes", action="store_true", help="print what went wrong, item by item")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: cores)")
    parser.add_argument("--parts", default=",".join(PARTS),
                        help=f"comma list of the parts to measure (default: all of {', '.join(PARTS)}); floors of "
                             "the other parts are not checked")
    args = parser.parse_args(argv)
    names = tuple(part.strip() for part in args.parts.split(",") if part.strip())
    if not names or set(names) - set(PARTS):
        parser.error(f"--parts takes a comma list of {', '.join(PARTS)}")
    reason = missing_reason()
    if reason:
        print(f"evaluation skipped: {reason}")
        return 0
    kind = "quick" if args.quick else "full"
    figures, notes, seconds = measure(args.quick, max(1, args.jobs), names)
    print("\n".join(table(figures)))
    print(f"({kind} evaluation, {seconds:.0f} s wall on {args.jobs} worker(s); digests in {OUT / 'digests'}, "
          f"the stories' articles in {OUT / 'stories'})")
    if args.notes:
        for part, lines in notes.items():
            for line in lines:
                print(f"  [{part}] {line}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"kind": kind, "figures": figures, "notes": notes}, indent=2, sort_keys=True)
                             + "\n", encoding="utf-8")
    if args.update_floors:
        for line in floors.update(figures, kind) or ["no floor moved"]:
            print(f"floor raised: {line}" if "->" in line else line)
    if args.no_check:
        return 0
    measured = tuple(prefix for name in names for prefix in PARTS[name])
    breaches = [breach for breach in floors.check(figures, kind) if breach.figure.startswith(measured)]
    for breach in breaches:
        print(f"FLOOR BROKEN: {breach}")
    print(f"floors ({kind}): {'all held' if not breaches else f'{len(breaches)} broken'}")
    return 1 if breaches else 0


if __name__ == "__main__":
    sys.exit(main())
