"""Sentence splitting of news prose, from a fixture table."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from digest.language.sentences import sentences, split_sentences

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


_PLAIN_EDGES = [
    "One line.", "Para one.\n\nPara two.", "Soft\nbreak inside.", "  Leading spaces.\n\n\tTab.",
    "# Title\nText after.", "## Closed ##\n\nBody.", "### Closed###", "#Not a heading", "####### Seven",
    "# \n\nEmpty heading.", "#\tTabbed heading", "Trailing spaces  \nhard break.", "\u00a0\n\nNBSP line.",
    "Line one.\n   \nLine two.", "End #", "# A # B #", "A\n\n\n\nB", "", "\n\n", "Price 5 # 3 items.",
    "Numbers 1. and 2) mid-line.", "Say (this) and {that}!", "Ends with hash #\n#", "Mixed\u2003space\u3000runs.",
    "He said [sic] it.", "[[[nested]]] brackets", "[a] [b][c] [d][]", "![not an image]", "[x]\n(y)", "[x] (y)",
    "[a]: https://x.example\n\n[a]", "[link](https://x.example)", "]( alone", "[label]:", "[\n]", "# [Heading]",
]


def _random_plain_bodies(count: int) -> list[str]:
    import random

    rng = random.Random(20261122)
    pieces = ["word", "Words.", " ", "  ", "\t", "\n", "\n\n", "#", "## ", "# ", " #", "é", "\u00a0", "1", "x)",
              "!", "?", "'", '"', "(a)", "%", "$", "~", "|", "=", "+", "-", "9.", "[", "]", "[a]", "(", ")", ":",
              "!["]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))) for _ in range(count)]


@pytest.mark.parametrize("bodies", [
    pytest.param(_PLAIN_EDGES, id="edge-cases"),
    pytest.param(_random_plain_bodies(5000), id="random"),
    pytest.param([path.read_text(encoding="utf-8").partition("\n---\n")[2]
                  for path in sorted((Path(__file__).parent / "fixtures").rglob("*.md"))], id="fixtures"),
])
def test_the_plain_text_reader_agrees_with_markdown_it(bodies: list[str]) -> None:
    # Plain bodies skip markdown-it (most articles are plain prose); what it reads must be what markdown-it reads,
    # or sentence anchors would move.
    from digest.language.sentences import _is_plain, _parsed_blocks, _plain_blocks

    plain = [body for body in bodies if _is_plain(body)]
    assert len(plain) >= len(bodies) // 5
    assert [body for body in plain if _plain_blocks(body) != _parsed_blocks(body)] == []
