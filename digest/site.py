"""Atomic site builds: build into a temporary folder, swap it in only when the build succeeded.

A failed build (bad content, a strict-mode warning, a crash) leaves the previous `site/`
exactly as it was, so a deploy step that runs after a failure can never publish half a site.
"""

from __future__ import annotations

import logging
import shutil
import sys
from pathlib import Path

from digest.terminal import terminal_safe


class BuildFailed(Exception):
    """The site could not be built; the previous site is untouched."""

    def __init__(self, message: str, problems: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems
        """The warnings and errors mkdocs logged during the failed build (content problems among them)."""


class _Problems(logging.Handler):
    """Collects what mkdocs logs at warning level or above during one build: the reasons it failed."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class _Stderr(logging.StreamHandler):
    """Writes to the current `sys.stderr`, even when a caller (a test, a shell) has replaced it since."""

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr
        super().emit(record)

    def format(self, record: logging.LogRecord) -> str:
        return terminal_safe(super().format(record))  # messages quote content: never let it steer the terminal


def _log_to_stderr() -> None:
    logger = logging.getLogger("mkdocs")
    if not any(getattr(handler, "_digest", False) for handler in logger.handlers):
        handler = _Stderr()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler._digest = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False


def build_site(config_file: Path, *, strict: bool = False, site_dir: Path | None = None) -> Path:
    """Build the mkdocs site described by `config_file`; return the folder it is in."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    _log_to_stderr()
    if not config_file.is_file():
        raise BuildFailed(f"{config_file}: no such mkdocs configuration (run from the site's folder)")
    try:
        config = load_config(str(config_file), strict=strict,
                             **({"site_dir": str(site_dir)} if site_dir else {}))
    except (MkDocsException, Abort) as error:
        raise BuildFailed(f"{config_file}: {error}") from None
    final = Path(config.site_dir).resolve()
    staging = final.with_name(f".{final.name}.building")
    previous = final.with_name(f".{final.name}.previous")
    for leftover in (staging, previous):
        shutil.rmtree(leftover, ignore_errors=True)
    config["site_dir"] = str(staging)
    problems = _Problems()
    logging.getLogger("mkdocs").addHandler(problems)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    except (MkDocsException, Abort) as error:
        shutil.rmtree(staging, ignore_errors=True)
        logged = f" ({len(problems.messages)} problem(s) logged above)" if problems.messages else ""
        raise BuildFailed(f"{error}{logged}; the previous site in {final} is unchanged",
                          tuple(problems.messages)) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        logging.getLogger("mkdocs").removeHandler(problems)
        config.plugins.on_shutdown()
    if final.exists():
        final.rename(previous)
    staging.rename(final)
    shutil.rmtree(previous, ignore_errors=True)
    return final
