"""Untrusted text on a terminal: control characters shown as escapes, never obeyed.

A pasted page can carry ANSI and OSC sequences (colour, cursor moves, a new window title, hyperlinks) and bidi
controls that reorder what follows; printed raw in an error or a note, they would act on the maintainer's
terminal. Everything the command line prints about content goes through `terminal_safe`.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""C0 and C1 controls but for tab and line feed, DEL, bidi marks, embeddings, overrides and isolates, and the
Unicode line and paragraph separators."""


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """`text` with every character that could steer a terminal written as an escape (ESC as `\\x1b`)."""
    return _UNSAFE.sub(_escape, text)
