"""Contested points and the seed figures, scored by the shared `score.py` itself, run in this process.

`score.py` drives the command line as a black box (`digest clean`, `digest import`, `digest analyse`); here its
`run` calls `digest.cli.main` in-process instead of a subprocess, so the figures are the script's own, with its
matching rule, at a fraction of the start-up cost. Topics: the seeds, the shared annotated development topics
(`dev/<slug>/gold.yml`) and our own (`eval/annotations/contested/<slug>/gold.yml`), whose raw files `t17_raw.py`
writes from Timeline17.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from harness.data import OWN_ANNOTATIONS, SHARED, Collected, Section, dev_dir
from harness.t17 import write_raw


@dataclass(frozen=True, slots=True)
class GoldTopic:
    name: str
    gold: Path
    raw: Path | None
    """Folder of the raw files; None for Timeline17 topics, whose raw files are written first."""


def topics() -> list[GoldTopic]:
    found = [GoldTopic("seeds", SHARED / "eval" / "seed-gold.yml", SHARED / "seeds")]
    for base in (dev_dir(), OWN_ANNOTATIONS / "contested"):
        found += [GoldTopic(path.parent.name, path, None) for path in sorted(base.glob("*/gold.yml"))]
    return found


def _in_process(cmd: list[str], timeout: int = 600) -> tuple[int, str, str, float]:
    """score.py's `run`, calling the command line in this process: (exit code, stdout, stderr, seconds)."""
    from digest.cli import main

    out, err = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(cmd[1:])
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 2
    return code, out.getvalue(), err.getvalue(), time.perf_counter() - start


def _score_module():
    spec = importlib.util.spec_from_file_location("digest_eval_score", SHARED / "eval" / "score.py")
    assert spec and spec.loader, "missing score.py"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.run = _in_process
    return module


def score_topic(topic: GoldTopic) -> dict[str, Any]:
    """score.py's metrics and notes for one annotated topic (runs in a worker)."""
    score = _score_module()
    gold = yaml.safe_load(topic.gold.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="digest-eval-") as folder:
        raw = topic.raw
        if raw is None:
            raw = Path(folder) / "raw"
            write_raw(str(topic.gold), str(raw))
        scorer = score.Scorer(["digest"], raw, gold)
        start = time.process_time()
        scorer.score_all()
        seconds = time.process_time() - start
    required = sum(1 for point in gold.get("contested", []) if not point.get("optional"))
    return {"name": topic.name, "metrics": scorer.metrics, "notes": scorer.notes, "required": required,
            "cpu": seconds}


def section(names: tuple[str, ...] | None = None) -> Section:
    return Section("contested", score_topic, [topic for topic in topics() if not names or topic.name in names],
                   lambda todo, results: _collect(results))


def _collect(results: list[dict[str, Any]]) -> Collected:
    """Figures `contested.*` pooled over the annotated topics, `contested.<topic>.*`, and `seeds.*` (score.py's)."""
    figures: dict[str, float | str] = {}
    found = reported = matched = required = 0
    notes = []
    for result in results:
        metrics = result["metrics"]
        name = result["name"]
        points = int(metrics.get("contested_points", 0))
        recall, precision = float(metrics.get("contested_recall", 0.0)), float(metrics.get("contested_precision", 0.0))
        found += round(recall * result["required"])
        required += result["required"]
        reported += points
        matched += round(precision * points)
        figures[f"contested.{name}.recall"] = recall
        figures[f"contested.{name}.precision"] = precision
        figures[f"contested.{name}.points"] = points
        if name == "seeds":
            figures.update({f"seeds.{key}": value for key, value in metrics.items() if not key.endswith("_s")})
        notes += [f"{name}: {note}" for note in result["notes"]
                  if note.startswith(("contested", "summary", "timeline", "import", "analyse"))
                  or name == "seeds"]
    figures["contested.recall"] = found / required if required else 0.0
    figures["contested.precision"] = matched / reported if reported else 0.0
    figures["contested.points"] = reported
    figures["contested.required"] = required
    return Collected(figures, notes)
