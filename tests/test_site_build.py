"""Builds are reproducible (same content, same bytes) and atomic (a failed build leaves the old site as it was)."""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml
from site_build import FIXTURE_CONTENT, link_checker, write_config
from site_build import build_site as build_site_for_tests

from digest.cli import main
from digest.site import BuildFailed, build_site


def _hashes(site: Path) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(site.rglob("*")) if path.is_file()}


def _build_in_a_new_process(config_file: Path, site_dir: Path, *, hash_seed: str, clock: str) -> None:
    """`digest build --strict` with its own hash seed and build clock (mkdocs reads SOURCE_DATE_EPOCH)."""
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "SOURCE_DATE_EPOCH": clock}
    result = subprocess.run([sys.executable, "-m", "digest", "build", "--strict", "-f", str(config_file),
                             "-d", str(site_dir)], capture_output=True, text=True, env=env, timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-3000:]


def test_two_builds_of_the_same_content_are_byte_identical(tmp_path):
    """Different processes, hash seeds, clocks, output folders, and a cold then a warm analysis cache."""
    shutil.copytree(FIXTURE_CONTENT, tmp_path / "content")
    config_file = write_config(tmp_path, tmp_path / "content")
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    config["plugins"][1]["digest"]["cache_dir"] = str(tmp_path / "cache")
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    first, second = tmp_path / "first" / "site", tmp_path / "second" / "site"
    _build_in_a_new_process(config_file, first, hash_seed="1", clock="0")
    assert any((tmp_path / "cache").iterdir()), "the first build should fill the analysis cache"
    _build_in_a_new_process(config_file, second, hash_seed="2", clock="2000000000")
    one, two = _hashes(first), _hashes(second)
    assert any(name.startswith("topics/") for name in one)
    assert {name for name in one.keys() | two.keys() if one.get(name) != two.get(name)} == set()


def test_pages_built_while_worker_processes_analyse_are_the_single_process_pages(tmp_path):
    """Two workers analyse and render topics for the build step; then again from a warm cache."""
    content = Path(__file__).parent / "fixtures" / "cache" / "content"
    serial = build_site(write_config(tmp_path / "serial", content), strict=True)
    parallel = {"jobs": 2, "cache_dir": str(tmp_path / "cache")}
    cold = build_site(write_config(tmp_path / "cold", content, plugin=parallel), strict=True)
    warm = build_site(write_config(tmp_path / "warm", content, plugin=parallel), strict=True)
    expected = _hashes(serial)
    assert len([name for name in expected if name.endswith("digest.json")]) == 3
    assert _hashes(cold) == expected
    assert _hashes(warm) == expected


@pytest.fixture(scope="module")
def first_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One successful build of the fixture content, copied by each test as its 'previous site'."""
    folder = tmp_path_factory.mktemp("first-build")
    shutil.copytree(FIXTURE_CONTENT, folder / "content")
    build_site(write_config(folder, folder / "content"), strict=True)
    return folder


@pytest.fixture
def built(first_build: Path, tmp_path: Path) -> tuple[Path, Path]:
    """(mkdocs.yml, content folder) in tmp_path, with the previous build already in tmp_path/site."""
    shutil.copytree(first_build / "content", tmp_path / "content")
    shutil.copytree(first_build / "site", tmp_path / "site")
    return write_config(tmp_path, tmp_path / "content"), tmp_path / "content"


def _topic(content: Path) -> Path:
    return next(path for path in sorted(content.iterdir()) if path.is_dir())


def test_rebuilding_gives_the_same_bytes_in_another_folder(built, first_build, capsys):
    config_file, _ = built
    assert main(["build", "--strict", "-f", str(config_file)]) == 0
    assert "site built in" in capsys.readouterr().err
    assert _hashes(config_file.parent / "site") == _hashes(first_build / "site")


def test_a_content_error_leaves_the_previous_site_untouched(built, capsys):
    config_file, content = built
    site = config_file.parent / "site"
    before = _hashes(site)
    broken = _topic(content) / "broken.md"
    broken.write_text("---\ntitle: [unclosed\n---\nBody.\n", encoding="utf-8")
    assert main(["build", "--strict", "-f", str(config_file)]) == 1
    err = capsys.readouterr().err
    assert f"{broken}:3: invalid YAML" in err
    assert f"the previous site in {site} is unchanged" in err
    assert _hashes(site) == before
    assert [path.name for path in site.parent.iterdir() if path.name.startswith(".site")] == []


def test_the_failure_carries_its_problems(built):
    config_file, content = built
    (_topic(content) / "broken.md").write_text("no front matter\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as failed:
        build_site(config_file, strict=True)
    assert any("broken.md:1: no front matter" in problem for problem in failed.value.problems)


def test_a_strict_mode_warning_leaves_the_previous_site_untouched(built):
    config_file, _ = built
    before = _hashes(config_file.parent / "site")
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    config["nav"] = ["missing-page.md"]
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    with pytest.raises(BuildFailed) as failed:
        build_site(config_file, strict=True)
    assert any("missing-page.md" in problem for problem in failed.value.problems)
    assert _hashes(config_file.parent / "site") == before


def test_a_crash_during_the_build_leaves_the_previous_site_untouched(built, monkeypatch):
    config_file, _ = built
    before = _hashes(config_file.parent / "site")

    def crash(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("mkdocs.commands.build._build_page", crash)
    with pytest.raises(RuntimeError, match="disk on fire"):
        build_site(config_file, strict=True)
    assert _hashes(config_file.parent / "site") == before
    assert not (config_file.parent / ".site.building").exists()


def test_a_successful_build_replaces_the_whole_site(built):
    config_file, content = built
    site = config_file.parent / "site"
    (site / "stale.html").write_text("old page", encoding="utf-8")
    topic = _topic(content)
    article = sorted(topic.glob("*.md"))[-1]
    page = site / "topics" / topic.name / article.stem / "index.html"
    assert page.is_file()
    article.unlink()
    assert build_site(config_file, strict=True) == site
    assert not (site / "stale.html").exists()
    assert not page.exists()
    assert (site / "topics" / topic.name / "index.html").is_file()
    assert [path.name for path in site.parent.iterdir() if path.name.startswith(".site")] == []


def test_with_site_url_the_feed_links_are_absolute_and_the_sitemap_lists_every_page(tmp_path):
    site = build_site_for_tests(tmp_path, site_url="https://news.example/digest/")
    feed = ElementTree.parse(site / "feed.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    links = [link.get("href") for link in feed.iter(f"{atom}link")]
    assert links and all(href.startswith("https://news.example/digest/") for href in links), links
    sitemap = gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    pages = {str(path.parent.relative_to(site)) for path in site.rglob("index.html")} - {"404"}
    assert len(locations) >= len(pages) - 1 and "https://news.example/digest/topics/" in sitemap
    assert link_checker().check_site(site, "https://news.example/digest/") == []
    assert link_checker().check_site(site, "https://news.example/elsewhere/") != []
