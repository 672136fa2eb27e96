"""Timelines and summaries on the Timeline17 stories, scored as the field scores them, beside baselines.

Each story becomes one topic: its articles are imported with `digest import` (each with its outlet and publication
date, as a maintainer would give them) and analysed. Against each reference timeline (l dates):
- the digest's timeline: its l heaviest entries; Date-F1 of their day dates (entries dated only to a month or year
  match no day); ROUGE-1/2 of their text, concatenated and date-aligned;
- pubcount: the l days on which most articles were published; pubcount-lead: the lead sentence of each such day's
  first article;
- the digest's summary: ROUGE-1/2 against the whole reference text; beside it, at the same length, the lead
  sentences of the busiest publication days and LexRank over all the articles' sentences.
Figures are means over reference timelines (a story with three references counts three times).
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from harness import citations, lexrank
from harness.data import Collected, Document, ReferenceTimeline, Section, Story, stories
from harness.metrics import aligned_rouge, date_prf, mean, rouge, truncate_words

if TYPE_CHECKING:
    from digest.language.times import PartialDate

TIMELINE_FIGURES = ("date_f1", "date_precision", "date_recall", "rouge1", "rouge2", "aligned_rouge1", "aligned_rouge2")
SUMMARY_FIGURES = ("rouge1", "rouge2")


def import_documents(documents: Sequence[Document], folder: Path, slug: str):
    """Import Timeline17 documents into `folder/content/<slug>` and load the topic, as `digest import` would.

    The raw files are written to `folder/raw/`, named as the shared gold files name them; each article's `source`
    names its raw file. Returns the topic and the import's result."""
    from digest.content import load_topic
    from digest.ingest import Overrides, import_sources

    raw = folder / "raw"
    raw.mkdir(parents=True)
    overrides = {}
    for document in documents:
        path = raw / document.name
        path.write_text(document.raw_text(), encoding="utf-8")
        overrides[str(path)] = Overrides(outlet=document.outlet, published=document.published)
    result = import_sources(list(overrides), folder / "content", slug, overrides)
    topic, problems = load_topic(folder / "content" / slug)
    if problems:
        raise RuntimeError(f"{slug}: the imported topic has problems: {[str(p) for p in problems[:3]]}")
    return topic, result


def cpu_meter(seconds: dict[str, float]):
    """A stage meter for `analyse`: adds each step's CPU seconds to `seconds`."""

    @contextlib.contextmanager
    def measure(stage: str) -> Iterator[None]:
        start = time.process_time()
        try:
            yield
        finally:
            seconds[stage] = seconds.get(stage, 0.0) + time.process_time() - start

    return measure


def _day(value: PartialDate) -> date | None:
    """The day a timeline entry is dated, None when only its month or year is."""
    return value.last_day if value.precision == "day" else None


def _timeline_figures(entries: Sequence[tuple[date | None, str]], reference: ReferenceTimeline) -> dict[str, float]:
    """Date-F1 and ROUGE of a timeline already cut to the reference's length, in date order."""
    dates = date_prf((day for day, _ in entries if day), reference.days)
    reference_text = " ".join(sentence for sentences in reference.days.values() for sentence in sentences)
    rouge1, rouge2 = rouge(" ".join(text for _, text in entries), reference_text)
    by_day: dict[date, list[str]] = {}
    for day, text in entries:
        if day:
            by_day.setdefault(day, []).append(text)
    aligned1, aligned2 = aligned_rouge({day: " ".join(texts) for day, texts in by_day.items()},
                                       {day: " ".join(sentences) for day, sentences in reference.days.items()})
    return {"date_f1": dates.f1, "date_precision": dates.precision, "date_recall": dates.recall,
            "rouge1": rouge1, "rouge2": rouge2, "aligned_rouge1": aligned1, "aligned_rouge2": aligned2}


def score_story(item: tuple[Story, Path | None]) -> dict[str, Any]:
    """Import, analyse and score one story against each of its reference timelines (runs in a worker).

    With a folder, the story's raw files and content are kept in `<folder>/<story>/` for reading."""
    story, keep = item
    from digest.analysis import analyse
    from digest.export import to_dict, to_json
    from digest.language.sentences import sentences as split_sentences

    cpu: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="digest-eval-") as scratch:
        folder = Path(scratch) if keep is None else keep / story.name
        if keep is not None:
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
        start = time.process_time()
        topic, imported = import_documents(story.documents, folder, story.name.lower())
        cpu["import"] = time.process_time() - start
        digest = analyse(topic, meter=cpu_meter(cpu))
    judged = citations.story_outcomes(story.name, topic.articles, to_dict(digest))
    heaviest = sorted(digest.timeline, key=lambda entry: (-entry.weight, entry.date, entry.event.text))
    per_day = Counter(document.published for document in story.documents)
    busiest = sorted(per_day, key=lambda day: (-per_day[day], day))
    first_of_day: dict[date, Document] = {}
    for document in sorted(story.documents, key=lambda d: (d.published, d.outlet, d.number)):
        first_of_day.setdefault(document.published, document)
    summary = " ".join(sentence.text for sentence in digest.summary)
    words = len(summary.split())
    leads = truncate_words((first_of_day[day].lead_sentence() for day in busiest), words)
    pool = [sentence.text for article in topic.articles for sentence in split_sentences(article.body)]
    central = truncate_words(lexrank.summarise(pool, words), words)
    references = []
    for reference in story.references:
        length = len(reference.days)
        chosen = sorted(heaviest[:length], key=lambda entry: entry.date)
        digest_entries = [(_day(entry.date), entry.event.text) for entry in chosen]
        pubcount = [(day, first_of_day[day].lead_sentence()) for day in sorted(busiest[:length])]
        reference_text = " ".join(sentence for sentences in reference.days.values() for sentence in sentences)
        references.append({
            "name": reference.name,
            "timeline": _timeline_figures(digest_entries, reference),
            "pubcount": _timeline_figures(pubcount, reference),
            "summary": dict(zip(SUMMARY_FIGURES, rouge(summary, reference_text), strict=True)),
            "summary_leads": dict(zip(SUMMARY_FIGURES, rouge(leads, reference_text), strict=True)),
            "summary_lexrank": dict(zip(SUMMARY_FIGURES, rouge(central, reference_text), strict=True)),
        })
    return {"story": story.name, "articles": len(topic.articles), "summary_words": words, "cpu": cpu,
            "skipped": len(imported.skipped),
            "failed": [error.replace(f"{folder}/raw/", "") for _, error in imported.failed],
            "references": references, "digest": to_json(digest), "citations": judged}


def section(names: tuple[str, ...] | None = None, out: Path | None = None) -> Section:
    """The stories, longest first (so the workers finish together); with `out`, each digest is written to
    `out/digests/<story>.json` and its raw files and content kept in `out/stories/<story>/`. The judged citation
    pairs of each story are looked up in its digest there (`harness.citations`)."""
    chosen = sorted(stories(names), key=lambda story: -len(story.documents))
    keep = out / "stories" if out is not None else None
    return Section("timelines", score_story, [(story, keep) for story in chosen],
                   lambda todo, results: _collect(results, out / "digests" if out is not None else None))


def _collect(results: list[dict[str, Any]], out: Path | None) -> Collected:
    """Figures `timeline.*`, `baseline.pubcount.*`, `summary.*`, `baseline.leads.*`, `baseline.lexrank.*`, `cpu.*`."""
    results = sorted(results, key=lambda result: result["story"])
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        for result in results:
            (out / f"{result['story']}.json").write_text(result["digest"], encoding="utf-8")
    references = [reference for result in results for reference in result["references"]]
    figures: dict[str, float | str] = {"timeline.references": len(references),
                                       "timeline.articles": sum(result["articles"] for result in results),
                                       "timeline.import_failures": sum(len(result["failed"]) for result in results)}
    for figure in TIMELINE_FIGURES:
        figures[f"timeline.{figure}"] = mean(reference["timeline"][figure] for reference in references)
        figures[f"baseline.pubcount.{figure}"] = mean(reference["pubcount"][figure] for reference in references)
    for figure in SUMMARY_FIGURES:
        figures[f"summary.{figure}"] = mean(reference["summary"][figure] for reference in references)
        figures[f"baseline.leads.summary.{figure}"] = mean(ref["summary_leads"][figure] for ref in references)
        figures[f"baseline.lexrank.summary.{figure}"] = mean(ref["summary_lexrank"][figure] for ref in references)
    for result in results:
        story = result["story"]
        for figure in ("date_f1", "rouge2"):
            figures[f"timeline.{story}.{figure}"] = mean(ref["timeline"][figure] for ref in result["references"])
            figures[f"baseline.pubcount.{story}.{figure}"] = mean(ref["pubcount"][figure]
                                                                  for ref in result["references"])
        figures[f"summary.{story}.rouge2"] = mean(ref["summary"]["rouge2"] for ref in result["references"])
    for stage in sorted({stage for result in results for stage in result["cpu"]}):
        figures[f"cpu.{stage}"] = sum(result["cpu"].get(stage, 0.0) for result in results)
    notes = [f"{result['story']}: import failed: {failure}" for result in results for failure in result["failed"]]
    notes += [f"{result['story']}: {result['skipped']} articles skipped as duplicates" for result in results
              if result["skipped"]]
    return Collected(figures, notes, tuple(outcome for result in results for outcome in result["citations"]))
