"""Golden digests: the analysis output of the seed topic and of every fixture topic, as reviewed JSON.

Any change to the analysis that changes what a page shows changes one of these files, so it is
visible in the diff and explained in its commit. After a deliberate change, regenerate them with
`.venv/bin/pytest tests/test_golden_digests.py --force-regen` and read the diff before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.analysis import analyse
from digest.content import TOPIC_FILE, load_topic
from digest.export import to_json

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "digests"
BROKEN_ON_PURPOSE = ROOT / "tests" / "fixtures" / "hostile" / "trial"
"""Content made to fail `digest check`: it has no digest."""
TOPIC_FOLDERS = sorted(
    path.parent for base in (ROOT / "content", ROOT / "tests" / "fixtures") for path in base.rglob(TOPIC_FILE)
    if not path.is_relative_to(BROKEN_ON_PURPOSE)
)


def _name(folder: Path) -> str:
    """A golden file's name: the topic folder's path below content/ or tests/fixtures/, joined by '--'."""
    base = ROOT / "content" if folder.is_relative_to(ROOT / "content") else ROOT / "tests" / "fixtures"
    return "--".join(folder.relative_to(base).parts)


def test_every_golden_file_has_its_topic() -> None:
    names = {_name(folder) for folder in TOPIC_FOLDERS}
    stale = sorted(path.stem for path in GOLDEN.glob("*.json") if path.stem not in names)
    assert not stale, f"golden digests without a topic (delete them): {stale}"


@pytest.mark.parametrize("folder", TOPIC_FOLDERS, ids=_name)
def test_digest_matches_golden_file(folder: Path, file_regression) -> None:
    topic, problems = load_topic(folder)
    assert not problems, [str(problem) for problem in problems]
    file_regression.check(to_json(analyse(topic)), fullpath=GOLDEN / f"{_name(folder)}.json")
