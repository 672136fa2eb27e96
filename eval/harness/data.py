"""Where the evaluation data lives, and reading it: `../shared/eval` (read-only, never copied) and our own annotations.

The development corpus sits beside the repository, not in it. Where it is absent (a GitHub runner), the
evaluation says so in one line and measures nothing.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("DIGEST_EVAL_SHARED", REPO.parent / "shared"))
"""The read-only shared folder: `eval/` (score.py, seed-gold.yml, dev/) and `seeds/`."""
OWN_ANNOTATIONS = REPO / "eval" / "annotations"
"""Annotations the team wrote itself, in the formats of the shared ones."""

OUTLETS = {"bbc": "BBC", "guardian": "The Guardian", "reuters": "Reuters", "washingtonpost": "The Washington Post"}
"""Timeline17 folder suffixes and the outlets' names as they name themselves."""
_DATE_LINE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SEPARATOR = re.compile(r"^-{5,}$")


def dev_dir() -> Path:
    return SHARED / "eval" / "dev"


def missing_reason() -> str | None:
    """Why the evaluation cannot run here, or None when the data is present."""
    for needed in (dev_dir(), SHARED / "eval" / "score.py", SHARED / "seeds"):
        if not needed.exists():
            return f"{needed} is absent (the development corpus lives beside the repository, not in it)"
    return None


@dataclass(frozen=True, slots=True)
class Document:
    """One Timeline17 article: already extracted from its page, one sentence per line, PTB-tokenised."""

    path: Path
    outlet: str
    published: date
    number: int
    """The document's number within its day folder; the lowest is the day's first article."""

    @property
    def name(self) -> str:
        """`<Story>_<outlet>-<YYYY-MM-DD>-<number>.txt`, as the shared gold files and `t17_raw.py` name it."""
        return f"{self.path.parent.parent.parent.name}-{self.published.isoformat()}-{self.number}.txt"

    def raw_text(self) -> str:
        """The text as a maintainer would paste it: tokenisation undone, one paragraph per line."""
        from harness.t17 import detokenise

        text = self.path.read_text(encoding="utf-8", errors="replace")
        lines = (detokenise(line.strip()) for line in text.splitlines())
        return "\n\n".join(line for line in lines if line) + "\n"

    def lead_sentence(self) -> str:
        """The document's first sentence (its first line), tokenisation undone."""
        from harness.t17 import detokenise

        for line in self.path.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.strip():
                return detokenise(line.strip())
        return ""


@dataclass(frozen=True, slots=True)
class ReferenceTimeline:
    """A timeline written by an outlet's journalists: day -> the sentences they wrote for it."""

    name: str
    days: dict[date, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class Story:
    """A Timeline17 story: all its outlets' articles together, as one topic of a digest site would hold them."""

    name: str
    documents: tuple[Document, ...]
    references: tuple[ReferenceTimeline, ...]


def read_reference(path: Path) -> ReferenceTimeline:
    """Blocks of a `YYYY-MM-DD` line and the day's sentences, separated by dashes; a day given twice is merged."""
    from harness.t17 import detokenise

    days: dict[date, list[str]] = {}
    current: list[str] | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.strip()
        if _DATE_LINE.match(line):
            current = days.setdefault(date.fromisoformat(line), [])
        elif _SEPARATOR.match(line):
            current = None
        elif line and current is not None:
            current.append(detokenise(line))
    return ReferenceTimeline(name=f"{path.parent.parent.name}/{path.name}",
                             days={day: tuple(sentences) for day, sentences in sorted(days.items())})


def stories(names: tuple[str, ...] | None = None) -> list[Story]:
    """The Timeline17 stories of the development corpus (all, or those named), each with its reference timelines."""
    root = dev_dir() / "Timeline17"
    by_story: dict[str, list[Path]] = {}
    for folder in sorted(root.iterdir()):
        if folder.is_dir() and "_" in folder.name:
            by_story.setdefault(folder.name.split("_", 1)[0], []).append(folder)
    found = []
    for name, folders in sorted(by_story.items()):
        if names and name not in names:
            continue
        documents = []
        references = []
        for folder in folders:
            outlet = OUTLETS[folder.name.split("_", 1)[1]]
            for day in sorted((folder / "InputDocs").iterdir()):
                for doc in day.iterdir():
                    number = doc.name.split(".")[0]
                    if doc.name.endswith(".txt") and number.isdigit() and doc.stat().st_size > 1:
                        documents.append(Document(doc, outlet, date.fromisoformat(day.name), int(number)))
            references += [read_reference(path) for path in sorted((folder / "timelines").glob("*.txt"))]
        documents.sort(key=lambda d: (d.published, d.outlet, d.number))
        found.append(Story(name, tuple(documents), tuple(references)))
    return found


@dataclass(frozen=True, slots=True)
class Collected:
    """What a part of the evaluation found: flat figures and notes on what went wrong."""

    figures: dict[str, float | str]
    notes: list[str]
    citations: tuple[Any, ...] = ()
    """Judged citation pairs looked up in the topics this part analysed (`harness.citations.Outcome`), scored
    together once every part is done."""


@dataclass(frozen=True, slots=True)
class Section:
    """A part of the evaluation: `work` (a module-level function, run in a worker) on each item, then `collect`."""

    name: str
    work: Callable[[Any], Any]
    items: list[Any]
    collect: Callable[[list[Any], list[Any]], Collected]
