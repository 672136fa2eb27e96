"""hooks/material_copies.py: a copy of a material partial in theme_overrides/ is checked against the installed
material at every build of this repository's site."""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path
from types import ModuleType

import pytest
from mkdocs.exceptions import PluginError
from site_build import ROOT

OVERRIDES = ROOT / "theme_overrides"


def _hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location("material_copies", ROOT / "hooks" / "material_copies.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_repositorys_copies_match_the_installed_material() -> None:
    assert _hook().check_copies(OVERRIDES) == []


def test_a_copy_of_another_material_version_is_reported(tmp_path: Path) -> None:
    shutil.copytree(OVERRIDES, tmp_path / "overrides")
    copy = tmp_path / "overrides" / "partials" / "search.html"
    copy.write_text(re.sub(r"sha256 [0-9a-f]{64}", "sha256 " + "0" * 64, copy.read_text(encoding="utf-8")),
                    encoding="utf-8")
    [message] = _hook().check_copies(tmp_path / "overrides")
    assert str(copy) in message and "partials/search.html" in message and "record the new sha256" in message


def test_a_copy_that_does_not_say_what_it_copied_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "footer.html").write_text("<footer>ours</footer>\n", encoding="utf-8")
    (tmp_path / "partials" / "our-own.html").write_text("<p>not material's</p>\n", encoding="utf-8")
    with pytest.raises(PluginError, match=re.escape("footer.html: replaces material's partials/footer.html")):
        _hook().check_copies(tmp_path)
