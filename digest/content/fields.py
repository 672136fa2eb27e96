"""Reading one content file safely: its text (UTF-8, LF), its front matter, and each field checked against
its schema, with every problem kept with its file and line."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from pathlib import Path

from digest import yamlsafe
from digest.model import ContentError, Problem

SLUG_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$")

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

EARLIEST_DATE = date(1800, 1, 1)
"""No news article, nor any event a topic curates, is dated before this."""


def latest_date() -> date:
    """A year after today: no article is published later (a check, never a date shown: pages take dates from the
    content alone)."""
    return date.today() + timedelta(days=366)


def date_range_error(value: date, what: str) -> str | None:
    """Why `value` cannot be the date of `what`, or None when it is in the range every stage can handle."""
    if EARLIEST_DATE <= value <= latest_date():
        return None
    return (f"{what} {value.isoformat()} is out of range: dates run from {EARLIEST_DATE.isoformat()} to a year after "
            f"today ({latest_date().isoformat()})")


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Split `---` front matter from the body: (yaml or None, body, body's first line)."""
    if not text.startswith("---\n"):
        return None, text, 1
    end = re.search(r"^---[ \t]*$", text[4:], flags=re.M)
    if end is None:
        return "", "", 1
    head = text[4 : 4 + end.start()]
    body = text[4 + end.end():]
    body = body[1:] if body.startswith("\n") else body
    return head, body, head.count("\n") + 3


def normalise_text(raw: bytes, path: Path) -> str:
    """Decode a content file: UTF-8 (BOM allowed), LF line ends, no NUL bytes."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ContentError([Problem(path, line, "not valid UTF-8 text: save the file as UTF-8")]) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ContentError([Problem(path, line, "NUL byte in the file: this looks like a binary file")])
    return text.replace("\r\n", "\n").replace("\r", "\n")


class Fields:
    """Collects problems while reading the fields of one YAML mapping."""

    def __init__(self, path: Path, data: yamlsafe.LineDict, line_offset: int = 0) -> None:
        self.path, self.data, self.offset = path, data, line_offset
        self.problems: list[Problem] = []

    def line(self, key: str | None = None) -> int:
        return (self.data.line_of(key) if key else self.data.line) + self.offset

    def error(self, key: str | None, message: str) -> None:
        self.problems.append(Problem(self.path, self.line(key), message))

    def unknown(self, allowed: tuple[str, ...], what: str) -> None:
        for key in self.data:
            if key not in allowed:
                self.error(key, f"unknown key {key!r} in {what} (allowed: {', '.join(allowed)})")

    def text(self, key: str, *, required: bool = False, limit: int = 1000) -> str | None:
        value = self.data.get(key)
        if value is None:
            if required:
                self.error(key, f"missing required key {key!r}")
            return None
        if not isinstance(value, str):
            self.error(key, f"{key!r} must be text, not {type(value).__name__} "
                       "(put it in quotes if YAML read it as something else)")
            return None
        value = unicodedata.normalize("NFC", value).strip()
        if _CONTROL_RE.search(value):
            self.error(key, f"{key!r} contains control characters")
            return None
        if len(value) > limit:
            self.error(key, f"{key!r} is longer than {limit} characters")
            return None
        if required and not value:
            self.error(key, f"{key!r} must not be empty")
            return None
        return value or None

    def integer(self, key: str, default: int, low: int, high: int) -> int:
        value = self.data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.error(key, f"{key!r} must be a whole number from {low} to {high}")
            return default
        return value

    def texts(self, key: str, *, pattern: re.Pattern[str] | None = None, limit: int = 200) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.error(key, f"{key!r} must be a list of text")
            return ()
        for item in value:
            if _CONTROL_RE.search(item) or len(item) > limit:
                self.error(key, f"{item[:40]!r} in {key!r} contains control characters or is longer than "
                           f"{limit} characters")
                return ()
        if pattern is not None:
            for item in value:
                if not pattern.match(item):
                    self.error(key, f"{item!r} in {key!r} is not a valid id")
                    return ()
        return tuple(item.strip() for item in value)

    def iso_date(self, key: str) -> date | None:
        value = self.text(key)
        if value is None:
            return None
        try:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                parsed = date.fromisoformat(value)
                error = date_range_error(parsed, repr(key))
                if error is None:
                    return parsed
                self.error(key, error)
                return None
        except ValueError:
            pass
        self.error(key, f"{key!r} must be a date written YYYY-MM-DD, got {value!r}")
        return None

    def url(self, key: str) -> str | None:
        value = self.text(key, limit=2000)
        if value is not None and not is_safe_url(value):
            self.error(key, f"{key!r} must be an http:// or https:// address, got {value[:80]!r}")
            return None
        return value


def is_safe_url(value: str) -> bool:
    """Only absolute http(s) URLs without spaces or control characters reach a page."""
    return bool(re.fullmatch(r"https?://[^\s\x00-\x1f\x7f<>\"'`\\]+", value, flags=re.I))
