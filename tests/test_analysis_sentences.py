"""Sentence splitting of news prose, from a fixture table."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from digest.text import sentences, split_sentences

CASES = yaml.safe_load((Path(__file__).parent / "fixtures" / "analysis" / "sentence_splits.yml").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[case["title"] for case in CASES])
def test_split(case: dict) -> None:
    assert split_sentences(case["text"]) == case["expected"]


def test_numbering_counts_headings_and_keeps_sections() -> None:
    body = "# Background\n\nThe talks began. They ended.\n\n## Next\n\nMore talks follow.\n"
    numbered = sentences(body)
    assert [(s.index, s.heading, s.section) for s in numbered] == [
        (1, True, "Background"), (2, False, "Background"), (3, False, "Background"), (4, True, "Next"),
        (5, False, "Next"),
    ]
