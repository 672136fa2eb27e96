"""The evaluation harness (`make eval`): its metrics, its floors, and the quick run that `make test` includes.

The quick run reads the development corpus beside the repository (`../shared/eval`); where it is absent (a GitHub
runner) those tests are skipped with the reason, never failed and never silently passed.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / "eval"
sys.path.insert(0, str(EVAL))

from harness import citations, floors, lexrank  # noqa: E402
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


def test_per_story_figures_are_reported_not_floored(floors_file: Path) -> None:
    figures = {"timeline.date_f1": 0.5, "timeline.H1N1.date_f1": 0.4, "contested.seeds.recall": 1.0,
               "contested.recall": 0.2, "cleaning.dragnet.html.f1": 0.8}
    floors.update(figures, "full", floors_file)
    assert floors.load("full", floors_file)["at_least"] == {"timeline.date_f1": 0.5, "contested.recall": 0.2,
                                                           "cleaning.dragnet.html.f1": 0.8}
    floors.update(figures, "quick", floors_file)  # the quick run's one story is a smoke test of the timeline
    assert floors.load("quick", floors_file)["at_least"] == {"contested.recall": 0.2, "cleaning.dragnet.html.f1": 0.8}


def test_every_floored_figure_is_a_figure_of_the_digest() -> None:
    for kind in ("full", "quick"):
        for limits in floors.load(kind).values():
            assert limits, f"eval/floors.yml has no {kind} floors"
            assert all(floors.floored(name, kind) for name in limits), kind


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
                 "contested.recall", "seeds.summary_faithful", "cpu.grouping", "citations.precision",
                 "citations.recall", "citations.pairs", "citations.located"):
        assert name in figures, name
    assert figures["citations.pairs"] > 0 and figures["citations.located"] == \
        f"{figures['citations.pairs']}/{figures['citations.pairs']}"


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


# Citation pairs (eval/annotations/citations): a tiny shared folder of our own, one Timeline17-style document
# (one sentence per line) and one seed file (paragraphs), and two imported articles.

TOY_DOC = "Toy_bbc-2010-01-02-3.txt"
TOY_LINES = ["The dam burst on Tuesday , flooding 300 homes .",
             "",
             "Officials said 12 people died. Rescue teams arrived from the capital .",
             "The mayor declined to comment ."]
SEED_LINE = ("Menu. The river rose by two metres overnight. Twelve people died in the flood. "
             "The mayor declined to comment.")


@pytest.fixture
def toy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """(shared folder, articles): the T17 lines become one article, the seed paragraph another."""
    from digest.model import Article, ArticleMeta

    shared = tmp_path / "shared"
    doc = shared / "eval" / "dev" / "Timeline17" / "Toy_bbc" / "InputDocs" / "2010-01-02" / "3.htm.txt"
    doc.parent.mkdir(parents=True)
    doc.write_text("\n".join(TOY_LINES) + "\n", encoding="utf-8")
    (shared / "seeds").mkdir()
    (shared / "seeds" / "000_seed.txt").write_text("Home\n\n" + SEED_LINE + "\n", encoding="utf-8")
    monkeypatch.setattr(citations, "_detokenise", lambda line: line.replace(" ,", ",").replace(" .", "."))
    body_t17 = ("The dam burst on Tuesday, flooding 300 homes.\n\nOfficials said 12 people died.\n\n"
                "Rescue teams arrived from the capital.\n\nThe mayor declined to comment.\n")
    body_seed = SEED_LINE.removeprefix("Menu. ") + "\n"
    articles = [Article("dam", tmp_path / "dam.md", ArticleMeta(title="Dam", source=TOY_DOC), body_t17),
                Article("river", tmp_path / "river.md", ArticleMeta(title="River", source="000_seed.txt"), body_seed)]
    return shared, articles


def _seed(text: str) -> citations.Locator:
    """The seed line's characters that hold the text."""
    return citations.Locator("000_seed.txt", 3, (SEED_LINE.index(text), SEED_LINE.index(text) + len(text)))


def _pair(pid: str, claim: citations.Locator, candidate: citations.Locator, supports: bool | None,
          drawn: str = "linked") -> citations.Pair:
    return citations.Pair(pid, "Toy", claim, candidate, drawn, supports, "")


def test_locators_land_on_our_sentences_and_a_cut_line_on_both_parts(toy) -> None:
    shared, articles = toy
    locating = citations.Locating(articles, shared)
    assert citations.locator_text(citations.Locator(TOY_DOC, 1), shared) == \
        "The dam burst on Tuesday, flooding 300 homes."
    assert locating.locate(citations.Locator(TOY_DOC, 1)) == citations.Located("dam", 1, (1,))
    cut = locating.locate(citations.Locator(TOY_DOC, 3))  # our splitter made two sentences of this line
    assert cut is not None and cut.article == "dam" and cut.parts == (2, 3) and cut.best in (2, 3)
    river = _seed("The river rose by two metres overnight.")
    assert citations.locator_text(river, shared) == "The river rose by two metres overnight."
    assert locating.locate(river) == citations.Located("river", 1, (1,))
    both = locating.locate(_seed("The river rose by two metres overnight. Twelve people died in the flood."))
    assert both is not None and both.parts == (1, 2)
    for missing in (citations.Locator(TOY_DOC, 2), citations.Locator(TOY_DOC, 40),
                    citations.Locator("Toy_bbc-2010-01-02-4.txt", 1), citations.Locator("000_seed.txt", 1)):
        assert locating.locate(missing) is None, missing  # blank, past the end, not imported, not in the body


def test_precision_and_recall_count_the_predicate_against_the_judgements(toy) -> None:
    shared, articles = toy
    dam, deaths, comment = (citations.Locator(TOY_DOC, line) for line in (1, 3, 4))
    river = _seed("The river rose by two metres overnight.")
    pairs = [_pair("cited-right", _seed("The mayor declined to comment."), comment, True),
             _pair("cited-wrong", river, dam, False),
             _pair("missed", deaths, _seed("Twelve people died in the flood."), True, "same-names"),
             _pair("left-alone", deaths, river, False, "same-number"),
             _pair("lost", citations.Locator(TOY_DOC, 40), river, True),
             _pair("unjudged", dam, deaths, None)]
    digest = {"summary": [{"text": "", "sources": [], "refs": [{"article": "river", "sentence": 3},
                                                              {"article": "dam", "sentence": 4}]}],
              "timeline": [{"text": "", "sources": [], "refs": [{"article": "river", "sentence": 1},
                                                               {"article": "dam", "sentence": 1}]}],
              "contested": [{"sides": [{"text": "", "sources": [], "refs": [{"article": "dam", "sentence": 3}]}]}],
              "cards": []}
    predicate = citations.DigestPredicate(digest)
    found = citations.outcomes(pairs, citations.Locating(articles, shared), predicate.cited, predicate.shown)
    by_id = {outcome.pair.id: outcome for outcome in found}
    assert by_id["cited-right"].cited and by_id["cited-wrong"].cited and not by_id["missed"].cited
    assert by_id["missed"].shown  # a part of the cut line is quoted
    assert predicate.shown(("river", 1)) and not predicate.shown(("dam", 1))
    assert predicate.cited(("dam", 1), ("river", 1)) and not predicate.cited(("dam", 1), ("dam", 1))
    assert by_id["lost"].located.startswith("claim Toy_bbc-2010-01-02-3.txt:40") and not by_id["lost"].cited
    scores = citations.score(found)
    assert (scores.pairs, scores.located, scores.cited, scores.supports) == (5, 4, 2, 2)
    assert (scores.precision, scores.recall) == (0.5, 0.5)
    collected = citations.collect(found)
    assert collected.figures["citations.precision"] == 0.5 and collected.figures["citations.located"] == "4/5"
    assert collected.figures["citations.drawn.same-number.precision"] == "-"  # none of them cited
    assert collected.figures["citations.story.Toy.recall"] == 0.5
    notes = "\n".join(collected.notes)
    for pid in ("cited-wrong", "missed", "lost", "unjudged"):
        assert pid in notes
    assert "cited-right" not in notes and "left-alone" not in notes
    floored = {name for name in collected.figures if floors.floored(name)}
    assert floored == {"citations.precision", "citations.recall"}  # pooled only, never per story or kind
    assert not any(floors.floored(name, "quick") for name in collected.figures)  # the quick run has one story


@pytest.mark.parametrize(("change", "message"), [
    ({"supports": "yes"}, "supports must be true, false or null"),
    ({"claim": {"doc": "x.txt"}}, "a locator is"),
    ({"candidate": {"doc": "x.txt", "line": 2, "chars": [5, 3]}}, "chars must be"),
    ({"suports": True}, "unknown keys ['suports']"),
    ({"id": "p1"}, "duplicate id"),
])
def test_malformed_pairs_are_refused_naming_the_file_and_the_pair(tmp_path: Path, change: dict, message: str) -> None:
    import yaml

    good = {"id": "p1", "story": "Toy", "drawn": "linked", "claim": {"doc": TOY_DOC, "line": 1},
            "candidate": {"doc": "000_seed.txt", "line": 3, "chars": [6, 45]}, "supports": True, "why": "same"}
    second = {**good, "id": "p2", **change}
    path = tmp_path / "pairs.yml"
    path.write_text(yaml.safe_dump({"pairs": [good, second]}), encoding="utf-8")
    with pytest.raises(citations.PairsError, match=re.escape(message)) as raised:
        citations.load_pairs(path)
    assert str(path) in str(raised.value) and "'p" in str(raised.value)


def test_the_judged_pairs_are_all_judged_and_spread_over_every_story() -> None:
    pairs = citations.load_pairs()
    assert len(pairs) >= 400 and all(pair.supports is not None and pair.why for pair in pairs)
    assert {pair.story for pair in pairs} == {"Finan", "H1N1", "IraqWar", "MJ", "haiti", citations.SEED_STORY}
    linked = sum(pair.drawn == "linked" for pair in pairs)
    assert 0.5 <= linked / len(pairs) <= 0.7
    assert {pair.drawn for pair in pairs} == {"linked", "same-date", "same-number", "same-names"}


@needs_corpus
def test_every_judged_sentence_is_found_in_the_shared_corpus() -> None:
    for pair in citations.load_pairs():
        for locator in (pair.claim, pair.candidate):
            assert citations.locator_text(locator), f"{pair.id}: {locator} is empty or missing"
