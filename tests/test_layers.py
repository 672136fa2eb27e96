"""The package's layers, held to what CONTRIBUTING's map of the code says: each part imports only the parts
below it, the analysis reads a `Topic` and nothing of content loading, and nothing imports an adapter.

Read from the source (every import statement of every module, wherever it stands), so an import added inside a
function counts too.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "digest"
BELOW = {
    # infrastructure: imports nothing of the package
    "memo": set(),
    "yamlsafe": set(),
    "flags": set(),
    "terminal": set(),
    # the linguistics every stage shares (per-topic caches are its only need)
    "language": {"memo"},
    # the typed records between stages (a timeline date is a `language.times.PartialDate`)
    "model": {"language", "terminal"},
    # reading and checking the content folder
    "content": {"memo", "yamlsafe", "flags", "terminal", "language", "model"},
    # the stages: a Topic in, a Digest out for the analysis, which never loads content itself
    "ingest": {"memo", "yamlsafe", "flags", "terminal", "language", "model", "content"},
    "analysis": {"memo", "flags", "language", "model"},
    "export": {"language", "model"},
    "render": {"memo", "flags", "terminal", "language", "model", "content", "export"},
    # running the stages: the analysis cache and its records, the build of a content folder, atomic site builds
    "records": {"language", "model"},
    "cache": {"language", "model", "content", "analysis", "export", "records"},
    "build": {"memo", "flags", "terminal", "language", "model", "content", "analysis", "export", "render", "records",
              "cache"},
    "site": {"terminal"},
    # the adapters, which nothing imports (but the command line's own helper)
    "locate": {"terminal"},
    "cli": {"memo", "yamlsafe", "flags", "terminal", "language", "model", "content", "ingest", "analysis", "export",
            "render", "records", "cache", "build", "site", "locate"},
    "plugin": {"memo", "yamlsafe", "flags", "terminal", "language", "model", "content", "analysis", "export",
               "render", "records", "cache", "build", "site", "locate"},
    "__main__": {"cli"},
}
"""Each part of the package (a module or a subpackage of `digest`) and the parts it may import."""
ROOT_NAMES = {"__version__"}
"""What `digest/__init__.py` itself defines, which any part may import."""


def _part(path: Path) -> str:
    """The part of the package a file belongs to: `digest/analysis/timeline.py` -> "analysis"."""
    relative = path.relative_to(PACKAGE)
    return relative.parts[0].removesuffix(".py") if len(relative.parts) > 1 or relative.name != "__init__.py" else ""


def _imported_parts(path: Path, source: str | None = None) -> set[str]:
    """The parts of `digest` a module imports (names defined in `digest/__init__.py` count as none); `source` is
    the module's text when not the file's."""
    package = ["digest", *path.relative_to(PACKAGE).parent.parts]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source if source is not None else path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            modules = [module] if module != "digest" else [f"digest.{alias.name}" for alias in node.names]
        else:
            continue
        for module in modules:
            parts = module.split(".")
            if parts[0] == "digest" and len(parts) > 1 and parts[1] not in ROOT_NAMES:
                found.add(parts[1])
    return found


MODULES = sorted(path for path in PACKAGE.rglob("*.py") if _part(path))


def test_every_part_of_the_package_has_a_place() -> None:
    unplaced = sorted({_part(path) for path in MODULES} - BELOW.keys())
    assert not unplaced, f"parts of digest/ with no place (add them to BELOW and to CONTRIBUTING): {unplaced}"


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.relative_to(PACKAGE).as_posix())
def test_each_module_imports_only_the_parts_below_it(path: Path) -> None:
    part = _part(path)
    allowed = BELOW.get(part, set()) | {part}
    assert _imported_parts(path) <= allowed, f"{part} may import only {sorted(allowed)}"


def test_the_language_package_imports_no_stage() -> None:
    for path in (PACKAGE / "language").rglob("*.py"):
        assert _imported_parts(path) <= {"language", "memo"}, path


def test_importing_the_analysis_loads_neither_content_loading_nor_yaml() -> None:
    """In a fresh interpreter: what the analysis needs at import, and nothing of how content is read."""
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, digest.analysis; print(' '.join(sorted(sys.modules)))"],
        capture_output=True, text=True, check=True,
    ).stdout.split()
    assert "digest.analysis" in loaded
    assert not [name for name in loaded if name == "yaml" or name.startswith(("yaml.", "digest.content"))], loaded


def test_the_layer_rules_catch_a_forbidden_import() -> None:
    """An analysis module that imported content loading, even late and relatively, would fail."""
    module = PACKAGE / "analysis" / "timeline.py"
    source = module.read_text("utf-8") + "\n\ndef _late():\n    from ..content import load_topic\n"
    assert "content" in _imported_parts(module, source)
    assert "content" not in _imported_parts(module)
