"""Page text for mkdocs: a safe title in front matter, then HTML blocks rendered by the theme's templates.

Untrusted text is escaped by Jinja's autoescape before Python-Markdown sees the page, and it
only ever sits inside raw HTML blocks, so Markdown never interprets it. Templates ship in the
package's theme folder (`digest/theme/fragments/digest/`); a site's `custom_dir` overrides any of them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from digest.render.prerendered import MARK

THEME_DIR = Path(__file__).resolve().parents[1] / "theme"
"""The package's theme folder: the digest templates, the stylesheet and `main.html` (the feed link)."""
STYLESHEET = "assets/stylesheets/digest.css"
"""The stylesheet in that folder, as a path in the site."""
TEMPLATES = "fragments/digest"
"""Folder of the digest templates inside a theme directory."""
PAGE_TEMPLATES = ("topic.html", "article.html", "home.html", "tags.html", "feed.html", "problems.html")
"""The templates in that folder that render a file each."""

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_TITLE_LOOKALIKES = (
    (re.compile(r"[\x00-\x1f\x7f]"), " "),
    (re.compile(r"<"), "‹"),
    (re.compile(r">"), "›"),
    (re.compile(r"&"), "＆"),
    (re.compile(r"(?<=\w)'"), "’"),
    (re.compile(r"'(?=\w)"), "‘"),
    (re.compile(r"'"), "’"),
    (re.compile(r"\"(?=\w)"), "“"),
    (re.compile(r"\""), "”"),
)
"""Characters that could form markup or an entity, and the harmless typographic ones shown instead."""


def _plain(value: Any) -> Any:
    """Drop control characters from source text (Python-Markdown uses some as placeholders)."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return _CONTROL.sub("", value)
    return value


def environment(theme_dirs: Sequence[str | Path]) -> Environment:
    """A template environment over the theme directories; everything printed is escaped."""
    return Environment(
        loader=FileSystemLoader([str(path) for path in theme_dirs]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_plain,
    )


def nav_title(title: str, fallback: str) -> str:
    """The title handed to mkdocs (nav, <title>, search), which material prints unescaped:
    `<>&"'` are replaced by look-alike characters that cannot form markup or entities."""
    for pattern, replacement in _TITLE_LOOKALIKES:
        title = pattern.sub(replacement, title)
    return " ".join(title.split()) or fallback


def markdown_page(title: str, body: str, hide: Sequence[str] = (), tags: Sequence[str] = (),
                  extra: Mapping[str, str] = MappingProxyType({})) -> str:
    """A Markdown page: front matter with the (already safe) title, tags and `extra` keys, then the rendered body,
    marked as made of complete HTML blocks (`digest.render.prerendered`)."""
    meta: dict[str, Any] = {"title": title}
    if hide:
        meta["hide"] = list(hide)
    if tags:
        meta["tags"] = list(tags)
    meta.update(extra)
    # JSON is valid YAML; with ensure_ascii every value is a plain double-quoted scalar.
    head = "\n".join(f"{key}: {json.dumps(value)}" for key, value in meta.items())
    return f"---\n{head}\n---\n\n{MARK}\n\n{body.rstrip()}\n"


def load_templates(env: Environment) -> None:
    """Compile every digest template now, so a theme that lacks one fails before any work starts.

    Raises jinja2's `TemplateNotFound`.
    """
    for template in PAGE_TEMPLATES:
        env.get_template(f"{TEMPLATES}/{template}")


def render(env: Environment, template: str, **values: Any) -> str:
    """Render one of the digest templates."""
    return env.get_template(f"{TEMPLATES}/{template}").render(**values)
