"""Page furniture (digest.language.furniture): the cue test that lets most lines skip the expressions is held to
the expressions themselves, on every line of the fixtures and, where it is present, of the shared pages."""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from digest.language import furniture

FIXTURES = Path(__file__).parent / "fixtures"
SHARED_PAGES = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "cleaning"
_TAG = re.compile(r"<[^>]+>")


def _lines(text: str) -> Iterator[str]:
    for line in _TAG.sub("\n", text).splitlines():
        line = " ".join(line.split())
        if line:
            yield line


def _fixture_lines() -> list[str]:
    lines: list[str] = []
    for path in sorted(FIXTURES.rglob("*")):
        if path.suffix in (".txt", ".md", ".html", ".yml") and path.is_file():
            lines += _lines(path.read_text("utf-8", errors="replace"))
    return lines


def _shared_lines() -> list[str]:
    lines: list[str] = []
    for path in sorted((SHARED_PAGES / "dragnet" / "input").glob("*.html"))[:120]:
        lines += _lines(path.read_text("utf-8", errors="replace"))
    for path in sorted((SHARED_PAGES / "dragnet" / "GoldStandard").glob("*.txt"))[:120]:
        lines += _lines(path.read_text("utf-8", errors="replace"))
    for path in sorted((SHARED_PAGES / "aeb" / "html").glob("*.html.gz"))[:40]:
        lines += _lines(gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace"))
    return lines


def _reasons_with_and_without_the_cue_test(lines: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[list, list]:
    with_cues = [furniture.furniture_reason(line) for line in lines]
    monkeypatch.setattr(furniture, "_may_be_furniture", lambda line: True)
    return with_cues, [furniture.furniture_reason(line) for line in lines]


def test_the_cue_test_hides_no_furniture_of_the_fixtures(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = _fixture_lines()
    assert len(lines) > 1000
    with_cues, without = _reasons_with_and_without_the_cue_test(lines, monkeypatch)
    assert with_cues == without
    assert sum(reason is not None for reason in without) > 50  # the fixtures hold furniture of many kinds


def test_the_cue_test_hides_no_furniture_of_real_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    if not SHARED_PAGES.is_dir():
        pytest.skip(f"{SHARED_PAGES} is absent (the shared pages live beside the repository)")
    lines = _shared_lines()
    with_cues, without = _reasons_with_and_without_the_cue_test(lines, monkeypatch)
    missed = [(line, reason) for line, gated, reason in zip(lines, with_cues, without, strict=True) if gated != reason]
    assert not missed, missed[:10]


@pytest.mark.parametrize("line", ["\u0130LLEGAL COPY? SUBSCRIBE", "Advert\u0131sement", "All\u00a0rights reserved"])
def test_letters_and_spaces_the_cues_cannot_read_go_to_the_expressions(line: str) -> None:
    assert furniture._may_be_furniture(line)


def test_most_prose_skips_the_expressions() -> None:
    prose = ("The council voted to approve the harbour plan on Friday after a long debate.",
             "Officials said the storm had damaged more than forty homes along the coast.")
    assert not any(furniture._may_be_furniture(line) for line in prose)
