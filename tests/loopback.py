"""Test helpers for anything that needs a server or a browser: both stay on this machine."""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
"""Headless Chromium as root in a closed network: no sandbox, no calls home."""


def chromium_executable() -> str | None:
    """$CHROMIUM if set, else Debian's chromium (or a Chrome) on the PATH."""
    if os.environ.get("CHROMIUM"):
        return os.environ["CHROMIUM"]
    return next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)


@contextlib.contextmanager
def serve(handler: Callable[..., BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serve `handler` on a free port of 127.0.0.1; yield the base URL (no trailing slash)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


class QuietFiles(SimpleHTTPRequestHandler):
    """Serves a folder without logging every request to the test output."""

    def log_message(self, format: str, *args: object) -> None:
        pass


def serve_folder(folder: Path) -> contextlib.AbstractContextManager[str]:
    """Serve the files of `folder` (a built site) on loopback."""
    return serve(functools.partial(QuietFiles, directory=str(folder)))
