"""The evaluation harness (`make eval`): its metrics, its floors, and the quick run that `make test` includes.

The quick run reads the development corpus beside the repository (`../shared/eval`); where it is absent (a GitHub
runner) those tests are skipped with the reason, never failed and never silently passed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / "eval"
sys.path.insert(0, str(EVAL))

from harness import floors, lexrank  # noqa: E402
from harness.data import missing_reason  # noqa: E402
from harness.metrics import aligned_rouge, date_prf, token_prf, truncate_words  # noqa: E402

ABSENT = missing_reason()
needs_corpus = pytest.mark.skipif(ABSENT is not None, reason=f"evaluation skipped: {ABSENT}")


def test_token_f1_counts_a_bag_of_lower_cased_words() -> None:
    scored = token_prf("The cat sat. The END", "the cat sat on the mat")
    assert (round(scored.precision, 3), round(scored.recall, 3)) == (0.8, round(4 / 6, 3))
    assert token_prf("", "anything").f1 == 0.0


def test_date_f1_compares_sets_of_days() -> None:
    scored = date_prf([date(2010, 4, 20), date(2010, 4, 21), date(2010, 4, 21)], [date(2010, 4, 20), date(2010, 5, 1)])
    assert (scored.precision, scored.recall) == (0.5, 0.5)


def test_aligned_rouge_counts_only_words_of_the_same_day() -> None:
    reference = {date(2010, 4, 20): "the rig exploded", date(2010, 7, 15): "the well was capped"}
    assert aligned_rouge({date(2010, 4, 20): "the rig exploded"}, reference)[0] > 0.5
    assert aligned_rouge({date(2010, 4, 21): "the rig exploded"}, reference) == (0.0, 0.0)


def test_baselines_are_cut_to_the_digest_length() -> None:
    assert truncate_words(["one two three.", "four five six."], 4) == "one two three. four"


def test_lexrank_prefers_the_central_sentence_and_skips_repeats() -> None:
    sentences = ["The oil well was capped on Thursday.", "Engineers capped the oil well on Thursday.",
                 "The oil well was capped on Thursday.", "A cat sat on the mat.", "The well was capped."]
    ranked = lexrank.rank(sentences)
    assert sentences[ranked[-1]] == "A cat sat on the mat."
    chosen = lexrank.summarise(sentences, 12)
    assert len(chosen) == len(set(chosen))


@pytest.fixture
def floors_file(tmp_path: Path) -> Path:
    return tmp_path / "floors.yml"


def test_floors_only_rise_and_a_lowered_figure_breaks_them(floors_file: Path) -> None:
    figures = {"timeline.date_f1": 0.5, "cleaning.aeb.html.failures": 2, "seeds.summary_faithful": "7/7",
               "baseline.pubcount.date_f1": 0.52, "cpu.grouping": 3.0}
    floors.update(figures, "full", floors_file)
    assert floors.check(figures, "full", floors_file) == []
    assert "baseline.pubcount.date_f1" not in floors_file.read_text() and "cpu." not in floors_file.read_text()
    lowered = {**figures, "timeline.date_f1": 0.4, "cleaning.aeb.html.failures": 3, "seeds.summary_faithful": "6/7"}
    broken = {breach.figure for breach in floors.check(lowered, "full", floors_file)}
    assert broken == {"timeline.date_f1", "cleaning.aeb.html.failures", "seeds.summary_faithful"}
    floors.update(lowered, "full", floors_file)  # a worse run never lowers a floor
    assert floors.check(lowered, "full", floors_file)
    missing = {key: value for key, value in figures.items() if key != "timeline.date_f1"}
    assert [breach.figure for breach in floors.check(missing, "full", floors_file)] == ["timeline.date_f1"]


def test_every_floored_figure_is_a_figure_of_the_digest() -> None:
    for kind in ("full", "quick"):
        for limits in floors.load(kind).values():
            assert limits, f"eval/floors.yml has no {kind} floors"
            assert all(floors.floored(name) for name in limits), kind


def test_without_the_corpus_the_evaluation_says_so_and_passes() -> None:
    env = {**os.environ, "DIGEST_EVAL_SHARED": str(ROOT / "no-such-folder")}
    done = subprocess.run([sys.executable, str(EVAL / "run.py"), "--quick"], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("evaluation skipped: ") and len(done.stdout.splitlines()) == 1


@needs_corpus
def test_quick_evaluation_holds_its_floors(tmp_path: Path) -> None:
    report = tmp_path / "eval.json"
    done = subprocess.run([sys.executable, str(EVAL / "run.py"), "--quick", "--json", str(report)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    figures = json.loads(report.read_text())["figures"]
    for name in ("cleaning.dragnet.html.f1", "baseline.trafilatura.cleaning.aeb.f1", "timeline.date_f1",
                 "baseline.pubcount.date_f1", "summary.rouge2", "baseline.lexrank.summary.rouge2",
                 "contested.recall", "seeds.summary_faithful", "cpu.grouping"):
        assert name in figures, name


@needs_corpus
def test_seed_figures_agree_with_score_py_run_as_a_black_box() -> None:
    """The harness runs score.py in-process; the same script through the real command line gives the same figures."""
    from harness import contested
    from harness.data import SHARED

    in_process = contested.score_topic(contested.topics()[0])["metrics"]
    digest = f"{sys.executable} -m digest"
    done = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--raw", str(SHARED / "seeds"),
                           "--gold", str(SHARED / "eval" / "seed-gold.yml"), "--digest", digest, "--json"],
                          capture_output=True, text=True, timeout=600, cwd=ROOT)
    black_box = json.loads(done.stdout)["metrics"]
    timings = ("import_s", "analyse_s")
    assert {k: v for k, v in in_process.items() if k not in timings} == \
           {k: v for k, v in black_box.items() if k not in timings}
