"""Every runtime dependency is there for a reason the code shows.

A package that nothing imports (nh3 once was one) still costs every install and audit, and it is part of the
analysis cache's fingerprint (`digest.cache.code_fingerprint`), so its every release would throw the cache away.
"""

from __future__ import annotations

import ast
import re
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOT_IMPORTED = {
    "mkdocs-material": "the theme mkdocs.yml names (`name: material`)",
    "pymdown-extensions": "material's own dependency, pinned above its known advisories (tests/test_workflows.py)",
    "lxml-html-clean": "lxml.html.clean, split out of lxml, which trafilatura imports",
}
"""Dependencies the package does not import, and what needs them."""


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _imported_modules() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "digest").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module.split(".")[0])
    return found


def test_every_dependency_is_imported_or_used_where_named() -> None:
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["dependencies"]
    names = {_normal(re.split(r"[^A-Za-z0-9._-]", requirement, maxsplit=1)[0]) for requirement in declared}
    distributions: dict[str, set[str]] = {}
    for module, owners in metadata.packages_distributions().items():
        for owner in owners:
            distributions.setdefault(_normal(owner), set()).add(module)
    imported = _imported_modules()
    unused = sorted(name for name in names
                    if not distributions.get(name, set()) & imported and name not in NOT_IMPORTED)
    assert not unused, f"dependencies nothing imports (remove them, or say in NOT_IMPORTED what uses them): {unused}"
    stale = sorted(name for name in NOT_IMPORTED if name not in names)
    assert not stale, f"no dependency any more: drop them from NOT_IMPORTED: {stale}"
    assert "name: material" in (ROOT / "mkdocs.yml").read_text("utf-8")


def test_lxml_html_clean_is_what_trafilatura_needs() -> None:
    import sys

    import trafilatura  # noqa: F401  (imports lxml.html.clean, which imports lxml_html_clean)

    assert "lxml_html_clean" in sys.modules
