"""mkdocs hook: a template in the site's custom_dir that replaces one of material's must say which file it copied.

Such a copy records the sha256 of material's file it was made from (`sha256 <64 hex digits>` in its first
comment). Each build compares that with the installed material's file: when material has changed the file,
the copy would silently bring back the old markup, so the build warns (and `--strict` fails) until the
copy is brought up to date.
"""

from __future__ import annotations

import hashlib
import re
from importlib import metadata
from pathlib import Path

import material
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger("material_copies")
MATERIAL_TEMPLATES = Path(material.__file__).resolve().parent / "templates"
_RECORDED = re.compile(r"sha256 ([0-9a-f]{64})")


def check_copies(custom_dir: Path, material_templates: Path = MATERIAL_TEMPLATES) -> list[str]:
    """One message per copy whose recorded sha256 is not that of the installed material's file."""
    stale = []
    for copy in sorted(custom_dir.rglob("*.html")):
        original = material_templates / copy.relative_to(custom_dir)
        if not original.is_file():
            continue  # a template of the site's own, not a copy
        recorded = _RECORDED.search(copy.read_text(encoding="utf-8"))
        if recorded is None:
            raise PluginError(f"{copy}: replaces material's {original.relative_to(material_templates)} but does not "
                              "record the sha256 of the file it copied; add it to the first comment")
        if hashlib.sha256(original.read_bytes()).hexdigest() != recorded.group(1):
            stale.append(f"{copy}: copied from another version of material's "
                         f"{original.relative_to(material_templates)} than the installed one (mkdocs-material "
                         f"{metadata.version('mkdocs-material')}): compare the two, carry the change over, "
                         "and record the new sha256")
    return stale


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if config.theme.custom_dir:
        for message in check_copies(Path(config.theme.custom_dir)):
            log.warning(message)
    return config
