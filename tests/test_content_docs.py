"""CONTRIBUTING.md documents the content format the code accepts: every key, and examples that validate."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from digest.content import ARTICLE_KEYS, CONTESTED_KINDS, SETTINGS_KEYS, TOPIC_KEYS, parse_article, parse_topic_file
from digest.flags import FLAGS
from digest.model import TopicSettings

ROOT = Path(__file__).resolve().parent.parent
GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def _table_keys(heading: str) -> list[str]:
    section = GUIDE.split(heading, 1)[1].split("\n#", 1)[0]
    return re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.M)


@pytest.mark.parametrize(("heading", "keys"), [
    ("### `topic.yml`", TOPIC_KEYS + SETTINGS_KEYS),
    ("### Article front matter", ARTICLE_KEYS),
])
def test_every_key_is_documented_and_no_other(heading, keys):
    assert sorted(_table_keys(heading)) == sorted(keys)


def test_settings_defaults_are_the_code_defaults():
    defaults = TopicSettings()
    for key in SETTINGS_KEYS:
        row = re.search(rf"^\| `{key}` \| (\d+) \|", GUIDE, flags=re.M)
        assert row and int(row.group(1)) == getattr(defaults, key), key


def test_every_flag_and_contested_kind_is_named():
    for name in (*FLAGS, *CONTESTED_KINDS):
        assert name in GUIDE, name


def _block(language: str, after: str) -> str:
    return GUIDE.split(after, 1)[1].split(f"```{language}\n", 1)[1].split("```", 1)[0]


def test_the_topic_example_is_valid(tmp_path):
    path = tmp_path / "iraq-coalition-talks" / "topic.yml"
    topic, problems = parse_topic_file(path, _block("yaml", "### `topic.yml`"))
    assert problems == []
    assert topic.summary_lines and topic.curated_events and topic.curated_points
    assert topic.settings.hide


def test_the_article_example_is_valid(tmp_path):
    article = parse_article(tmp_path / "iraq-takes-steps.md", _block("markdown", "### Article front matter"))
    assert article.meta.outlet and article.meta.published and article.meta.url
