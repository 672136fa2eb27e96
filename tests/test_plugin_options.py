"""The plugin's options: each documented in README.md with its default, each checked when the config is loaded."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from site_build import FIXTURE_CONTENT, ROOT, build_site, write_config

from digest.plugin import DigestConfig


def readme_options() -> dict[str, str]:
    """Option -> default, from the options table of README.md's "In your own mkdocs site"."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## In your own mkdocs site", 1)[1].split("\n## ", 1)[0]
    return dict(re.findall(r"^\| `(\w+)` \| (.+?) \|", section, flags=re.M))


def test_every_option_is_documented_with_its_default() -> None:
    options = {name: option for name, option in DigestConfig._schema if name != "content"}  # the old name
    documented = readme_options()
    assert set(documented) == set(options)
    for name, option in options.items():
        default = option.default
        shown = "one per core" if default is None else f"`{json.dumps(default).strip(chr(34))}`"
        assert documented[name] == shown, name


@pytest.mark.parametrize("jobs", [0, 65, -1, "two", True, 1.5])
def test_jobs_out_of_range_is_a_config_error(tmp_path: Path, jobs: object) -> None:
    config_file = write_config(tmp_path, FIXTURE_CONTENT, plugin={"jobs": jobs})
    with pytest.raises(Abort):
        load_config(str(config_file))


@pytest.mark.parametrize("jobs", [1, 2, 64])
def test_jobs_in_range_is_accepted(tmp_path: Path, jobs: int) -> None:
    config = load_config(str(write_config(tmp_path, FIXTURE_CONTENT, plugin={"jobs": jobs})))
    assert config.plugins["digest"].config.jobs == jobs


def test_the_old_option_name_still_works_with_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    config_file = write_config(tmp_path, FIXTURE_CONTENT)
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    options = config["plugins"][1]["digest"]
    options["content"] = options.pop("content_dir")
    config_file.write_text(yaml.safe_dump(config), encoding="utf-8")
    with caplog.at_level("WARNING"):
        loaded = load_config(str(config_file))
    assert loaded.plugins["digest"].config.content_dir == str(FIXTURE_CONTENT)
    assert any("'content'" in record.getMessage() and "content_dir" in record.getMessage()
               for record in caplog.records)


def test_disabled_the_plugin_adds_nothing(tmp_path: Path) -> None:
    site = build_site(tmp_path, plugin={"enabled": False})
    assert not (site / "topics").exists() and not (site / "feed.xml").exists()
    assert not (site / "assets" / "stylesheets" / "digest.css").exists()
    assert (site / "about" / "index.html").is_file()
