"""`mkdocs serve` with a content error keeps serving the last good site, shows the problems on the page and in
the log, and goes back to the normal site once they are fixed; no request waits for a fix."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from site_build import FIXTURE_CONTENT, article_text

MKDOCS_YML = """\
site_name: Preview
theme:
  name: material
plugins:
  - search
  - digest:
      cache_dir: ""
      jobs: 1
"""
BROKEN = "---\ntitle: [unclosed\n---\nBody.\n"
REQUEST_SECONDS = 10
"""No request may take longer: before, every request hung until the content was fixed."""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=REQUEST_SECONDS) as response:
        return str(response.read().decode("utf-8"))


def _until(condition: Callable[[], bool], seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the preview did not change in time"
        time.sleep(0.3)


class Preview:
    """`mkdocs serve` of a project in a temporary folder, its log in a file."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.url = f"http://127.0.0.1:{_free_port()}"
        self.log = folder / "serve.log"
        with self.log.open("w", encoding="utf-8") as log:
            self.process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", self.url[7:]],
                                            cwd=folder, stdout=log, stderr=subprocess.STDOUT)

    def page(self, path: str) -> str:
        return _get(f"{self.url}/{path}")

    def started(self) -> bool:
        assert self.process.poll() is None, self.log.read_text(encoding="utf-8")[-3000:]
        try:
            self.page("")
        except OSError:
            return False
        return True

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE_CONTENT, tmp_path / "content")
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    return tmp_path


@pytest.fixture
def preview(project: Path) -> Iterator[Callable[[], Preview]]:
    started: list[Preview] = []

    def start() -> Preview:
        started.append(Preview(project))
        _until(started[-1].started)
        return started[-1]

    yield start
    for running in started:
        running.stop()


def _topic(project: Path) -> Path:
    return next(path for path in sorted((project / "content").iterdir()) if path.is_dir())


def test_a_content_error_keeps_the_last_good_site_with_the_problems_shown(project: Path, preview) -> None:
    topic = _topic(project)
    running = preview()
    page = f"topics/{topic.name}/"
    assert "digest-problems" not in running.page(page)
    broken = topic / "broken.md"
    broken.write_text(BROKEN, encoding="utf-8")
    _until(lambda: "digest-problems" in running.page(page))
    shown = running.page(page)
    assert "class=\"digest-summary\"" in shown  # the last good topic page, under the problems
    assert f"{broken}:3: invalid YAML" in shown
    assert "digest-problems" in running.page("")  # every digest page says so, not only the broken topic's
    assert f"{broken}:3: invalid YAML" in running.log.read_text(encoding="utf-8")

    broken.write_text(article_text("Now fine", "The council approved the plan on 1 May 2024.\n"), encoding="utf-8")
    _until(lambda: "digest-problems" not in running.page(page))
    assert "Now fine" in running.page(f"topics/{topic.name}/broken/")


def test_a_preview_that_starts_with_a_content_error_shows_it(project: Path, preview) -> None:
    broken = _topic(project) / "broken.md"
    broken.write_text(BROKEN, encoding="utf-8")
    running = preview()
    home = running.page("")
    assert "digest-problems" in home and f"{broken}:3: invalid YAML" in home
    broken.unlink()
    _until(lambda: "digest-problems" not in running.page(""))
    assert "digest-topic-card" in running.page("")
