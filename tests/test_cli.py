"""The command line: every command has --help, exit codes are 0/1/2, and nothing is written that was not asked for."""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from site_build import FIXTURE_CONTENT

from digest.cli import build_parser, main

PAGE = """Harbour bridge reopens after repairs
March 4, 2024
The harbour bridge reopened on Monday after six months of repairs, the city said.
Engineers replaced 40 steel cables and resurfaced the deck of the bridge.
The repairs cost 12 million dollars, according to the transport office.
"""


def _commands() -> list[str]:
    action = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return sorted(set(action.choices))


def _tree(folder: Path) -> dict[str, str]:
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def test_all_five_commands_exist():
    assert {"clean", "import", "analyse", "check", "build"} <= set(_commands())


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as stop:
        main([command, "--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: digest ") and "\n\n" in out  # usage, then a description


def test_python_dash_m_digest_runs():
    result = subprocess.run([sys.executable, "-m", "digest", "--version"], capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0
    assert result.stdout.startswith("digest ")


@pytest.fixture
def page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    return tmp_path / "page.txt"


def test_clean_prints_the_article_and_writes_nothing(page, capsys):
    before = _tree(page.parent)
    assert main(["clean", str(page), "--outlet", "Harbour Daily"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("---\n")
    assert 'outlet: "Harbour Daily"' in out or "outlet: Harbour Daily" in out
    assert "The repairs cost 12 million dollars" in out
    assert _tree(page.parent) == before


def test_import_writes_once_and_never_overwrites(page, capsys):
    assert main(["import", str(page), "--topic", "harbour", "--content", "content"]) == 0
    written = capsys.readouterr().out.split()
    assert len(written) == 1 and Path(written[0]).parent == Path("content/harbour")
    first = _tree(page.parent / "content")
    assert main(["import", str(page), "--topic", "harbour", "--content", "content"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "skipped" in captured.err
    assert _tree(page.parent / "content") == first
    assert main(["check", "content"]) == 0


@pytest.mark.parametrize(("option", "value"), [
    ("--url", "javascript:alert(1)"),
    ("--url", "ftp://example.org/a"),
    ("--published", "2024-13-01"),
    ("--published", "yesterday"),
])
def test_import_refuses_bad_overrides_as_usage_errors(page, capsys, option, value):
    with pytest.raises(SystemExit) as stop:
        main(["import", str(page), "--topic", "harbour", option, value])
    assert stop.value.code == 2
    assert option in capsys.readouterr().err
    assert not (page.parent / "content").exists()


@pytest.mark.parametrize("topic", ["../escape", "/tmp/escape", "Harbour Bridge", ""])
def test_import_refuses_a_bad_topic_slug(page, capsys, topic):
    assert main(["import", str(page), "--topic", topic, "--content", "content"]) == 1
    assert "not a valid slug" in capsys.readouterr().err
    assert sorted(path.name for path in page.parent.iterdir()) == ["page.txt"]


def test_import_of_a_missing_file_fails_with_its_name(page, capsys):
    assert main(["import", "missing.txt", "--topic", "harbour", "--content", "content"]) == 1
    assert "missing.txt" in capsys.readouterr().err


def test_analyse_prints_the_json_contract(capsys):
    topic = next(path for path in FIXTURE_CONTENT.iterdir() if path.is_dir())
    assert main(["analyse", str(topic)]) == 0
    digest = json.loads(capsys.readouterr().out)
    assert {"topic", "articles", "summary", "timeline", "contested"} <= set(digest)
    assert digest["topic"]["slug"] == topic.name
    assert sorted(article["id"] for article in digest["articles"]) == sorted(p.stem for p in topic.glob("*.md"))


def test_analyse_reports_content_problems_with_file_and_line(tmp_path, capsys):
    topic = tmp_path / next(path for path in FIXTURE_CONTENT.iterdir() if path.is_dir()).name
    shutil.copytree(FIXTURE_CONTENT / topic.name, topic)
    (topic / "bad.md").write_text("---\ntitle: x\ncolour: red\n---\nBody.\n", encoding="utf-8")
    assert main(["analyse", str(topic)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"{topic / 'bad.md'}:3: unknown key 'colour'" in captured.err


def test_analyse_of_a_missing_folder_fails(tmp_path, capsys):
    assert main(["analyse", str(tmp_path / "nope")]) == 1
    assert "not a topic folder" in capsys.readouterr().err


def test_check_defaults_to_the_content_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(FIXTURE_CONTENT, tmp_path / "content")
    assert main(["check"]) == 0
    assert capsys.readouterr().err.startswith("ok: ")


def test_build_without_a_config_fails_clearly(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["build"]) == 1
    assert "no mkdocs.yml or content/ folder in" in capsys.readouterr().err


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A site folder: mkdocs.yml naming its content folder, and the fixture topics in it."""
    (tmp_path / "mkdocs.yml").write_text("site_name: S\nplugins:\n  - digest:\n      content: stories\n",
                                         encoding="utf-8")
    shutil.copytree(FIXTURE_CONTENT, tmp_path / "stories")
    return tmp_path


def test_import_from_inside_the_content_folder_writes_into_the_site_content(site, monkeypatch, capsys):
    topic = next(path for path in (site / "stories").iterdir() if path.is_dir())
    (site / "page.txt").write_text("Ferry returns\nMarch 4, 2024\nThe ferry returned to the harbour on Monday after a "
                                   "month of repairs to its engines, the operator said.\n", encoding="utf-8")
    monkeypatch.chdir(topic)
    assert main(["import", str(site / "page.txt"), "--topic", "ferry"]) == 0
    assert (site / "stories" / "ferry" / "topic.yml").is_file()
    assert not (topic / "stories").exists() and not (topic / "content").exists()


@pytest.mark.parametrize("where", [".", "stories", "docs/deep/er"])
def test_every_command_finds_the_site_from_any_folder_inside_it(site, monkeypatch, capsys, where):
    (site / where).mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(site / where)
    slug = next(path for path in (site / "stories").iterdir() if path.is_dir()).name
    assert main(["check"]) == 0
    assert main(["analyse", slug]) == 0
    assert json.loads(capsys.readouterr().out)["topic"]["slug"] == slug


def test_commands_outside_any_site_say_so(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    for argv in (["check"], ["analyse", "harbour"], ["import", "page.txt", "--topic", "harbour"], ["build"]):
        assert main(argv) == 1
        assert "no mkdocs.yml or content/ folder in" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_make_serve_takes_a_port():
    makefile = (Path(__file__).resolve().parents[1] / "Makefile").read_text(encoding="utf-8")
    assert "PORT ?= 8000" in makefile and "mkdocs serve --dev-addr 127.0.0.1:$(PORT)" in makefile


def test_export_writes_what_the_site_generates(tmp_path, capsys):
    assert main(["export", str(FIXTURE_CONTENT), str(tmp_path / "out"), "--jobs", "1"]) == 0
    topic = next(path for path in FIXTURE_CONTENT.iterdir() if path.is_dir())
    out = tmp_path / "out"
    assert (out / "index.md").is_file() and (out / "tags.md").is_file() and (out / "feed.xml").is_file()
    assert (out / "topics" / topic.name / "index.md").read_text(encoding="utf-8").startswith("---\ntitle: ")
    assert json.loads((out / "topics" / topic.name / "digest.json").read_text(encoding="utf-8"))["schema_version"] == 1
    assert "files written in" in capsys.readouterr().err


def test_export_refuses_a_folder_with_files_and_content_with_problems(tmp_path, capsys):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "keep.txt").write_text("mine", encoding="utf-8")
    assert main(["export", str(FIXTURE_CONTENT), str(tmp_path / "out")]) == 1
    assert "not an empty folder" in capsys.readouterr().err
    assert [path.name for path in (tmp_path / "out").iterdir()] == ["keep.txt"]
    shutil.copytree(FIXTURE_CONTENT, tmp_path / "content")
    topic = next(path for path in (tmp_path / "content").iterdir() if path.is_dir())
    (topic / "bad.md").write_text("---\ntitle: x\ncolour: red\n---\nBody.\n", encoding="utf-8")
    assert main(["export", str(tmp_path / "content"), str(tmp_path / "new")]) == 1
    assert f"{topic / 'bad.md'}:3: unknown key 'colour'" in capsys.readouterr().err
    assert not (tmp_path / "new").exists()
