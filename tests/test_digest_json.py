"""The digest JSON is a contract: the code, the shipped JSON Schema and README.md's table say the same thing."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from conftest import VALIDATED
from jsonschema import Draft202012Validator
from site_build import FIXTURE_CONTENT, ROOT, build_site
from test_records import DIGEST

import digest.export
from digest.cli import main
from digest.content import CONTESTED_KINDS, SLUG_RE
from digest.export import SCHEMA_PATH, SCHEMA_VERSION, InvalidDigest, schema, to_dict, to_json, validate
from digest.flags import FLAGS


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = schema()["$defs"][node["$ref"].removeprefix("#/$defs/")]
    return node


def schema_paths(node: dict[str, Any], prefix: str = "") -> set[str]:
    """Every leaf key of the schema as `a.b[].c` (a list of objects adds `[]` and goes on into its items)."""
    node = _resolve(node)
    if node.get("type") == "array" and _resolve(node["items"]).get("type") == "object":
        return schema_paths(node["items"], prefix + "[]")
    if node.get("type") != "object":
        return {prefix}
    return {path for key, child in node["properties"].items()
            for path in schema_paths(child, f"{prefix}.{key}" if prefix else key)}


def data_paths(value: Any, prefix: str = "") -> set[str]:
    """The same for data: every leaf key that occurs (an empty list of objects says nothing of its keys)."""
    if isinstance(value, list) and value == []:
        return set()
    if isinstance(value, list) and all(isinstance(item, dict) for item in value):
        return {path for item in value for path in data_paths(item, prefix + "[]")}
    if not isinstance(value, dict):
        return {prefix}
    return {path for key, child in value.items() for path in data_paths(child, f"{prefix}.{key}" if prefix else key)}


def readme_paths() -> set[str]:
    """The keys listed in the table of README.md's "The digest JSON" section."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("### The digest JSON", 1)[1].split("\n#", 1)[0]
    return set(re.findall(r"^\| `([^`]+)` \|", section, flags=re.M))


def test_the_schema_is_a_valid_json_schema() -> None:
    Draft202012Validator.check_schema(schema())
    assert schema()["properties"]["schema_version"]["const"] == SCHEMA_VERSION == 1


def test_readme_schema_and_code_list_the_same_keys() -> None:
    assert readme_paths() == schema_paths(schema())
    assert data_paths(to_dict(DIGEST)) == schema_paths(schema())  # DIGEST fills every list


def test_readme_links_the_schema_file() -> None:
    relative = SCHEMA_PATH.relative_to(ROOT).as_posix()
    assert f"]({relative})" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_schemas_value_lists_are_the_codes() -> None:
    defs = schema()["$defs"]
    assert defs["flags"]["items"]["enum"] == list(FLAGS)
    contested = schema()["properties"]["contested"]["items"]["properties"]
    assert contested["kind"]["enum"] == list(CONTESTED_KINDS)
    assert defs["slug"]["pattern"] == SLUG_RE.pattern


def test_a_digest_the_schema_does_not_allow_is_refused_naming_each_place() -> None:
    data = to_dict(DIGEST)
    data["timeline"][0]["date"] = "March 2024"
    data["cards"][1]["flags"] = ["rumour"]
    del data["topic"]["title"]
    with pytest.raises(InvalidDigest) as refused:
        validate(data)
    message = str(refused.value)
    for place in ("timeline/0/date", "cards/1/flags/0", "topic: 'title' is a required property"):
        assert place in message


def test_unknown_keys_are_refused() -> None:
    with pytest.raises(InvalidDigest, match="Additional properties"):
        validate({**to_dict(DIGEST), "extra": 1})


def test_every_digest_the_suite_makes_is_validated() -> None:
    # tests/conftest.py validates inside to_dict; a digest it would refuse fails the test that makes it.
    before = len(VALIDATED)
    to_json(DIGEST)
    assert len(VALIDATED) == before + 1
    with pytest.raises(InvalidDigest):
        digest.export.to_json(replace(DIGEST, timeline=(replace(DIGEST.timeline[0], date="soon"),)))


def test_digest_analyse_prints_a_valid_digest(capsys: pytest.CaptureFixture[str]) -> None:
    topic = next(path for path in sorted(FIXTURE_CONTENT.iterdir()) if path.is_dir())
    assert main(["analyse", str(topic)]) == 0
    data = json.loads(capsys.readouterr().out)
    validate(data)
    assert data["schema_version"] == SCHEMA_VERSION


def test_every_published_digest_json_is_valid(tmp_path: Path) -> None:
    site = build_site(tmp_path, ROOT / "tests" / "fixtures" / "cache" / "content")
    published = sorted(site.glob("topics/*/digest.json"))
    assert len(published) == 3
    for path in published:
        validate(json.loads(path.read_text(encoding="utf-8")))
