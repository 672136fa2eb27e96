"""Read and validate the content folder: topics, their settings and their articles.

Everything here is untrusted (it arrives by pull request), so every value is checked
against a schema and every problem is reported with its file and line, all in one run.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from digest import yamlsafe
from digest.flags import FLAGS
from digest.model import (
    Article,
    ArticleMeta,
    CuratedEvent,
    CuratedPoint,
    Problem,
    Quote,
    Topic,
    TopicSettings,
)

TOPIC_FILE = "topic.yml"
ARTICLE_SUFFIX = ".md"
MAX_ARTICLE_BYTES = 2_000_000
"""An article file larger than this is refused: no news article is that long."""
SLUG_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$")
CONTESTED_KINDS = ("number", "date", "denial", "stance", "framing")
_DATE_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_LANG_RE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class ContentError(Exception):
    """Content that cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class ContentLoad:
    """What reading a content folder gave: usable topics and the problems found."""

    topics: tuple[Topic, ...]
    """Topics that loaded, sorted by slug (articles with errors are left out)."""
    problems: tuple[Problem, ...]
    """Errors, in file order."""


# -- front matter -----------------------------------------------------------------------------

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


# -- field validators -------------------------------------------------------------------------

class _Fields:
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
                return date.fromisoformat(value)
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


# -- articles -----------------------------------------------------------------------------------

ARTICLE_KEYS = ("title", "outlet", "url", "published", "author", "credit", "section", "language",
                "syndicated_from", "similar_to", "flags", "source")


def parse_article(path: Path, text: str) -> Article:
    """Build an Article from a file's text; raise ContentError listing every problem."""
    head, body, body_line = split_front_matter(text)
    if head is None:
        raise ContentError([Problem(path, 1, "no front matter: the file must start with '---'")])
    if head == "" and body == "":
        raise ContentError([Problem(path, 1, "front matter is not closed by a '---' line")])
    try:
        data = yamlsafe.load(head)
    except yamlsafe.YamlError as error:
        raise ContentError([Problem(path, error.line + 1, str(error))]) from None
    if not isinstance(data, yamlsafe.LineDict):
        raise ContentError([Problem(path, 2, "front matter must be a mapping of keys to values")])
    fields = _Fields(path, data, line_offset=1)
    fields.unknown(ARTICLE_KEYS, "article front matter")
    article_id = path.stem
    if not SLUG_RE.match(article_id):
        fields.problems.append(Problem(path, 1, "article file names must be lower-case letters, digits "
                                       "and hyphens (e.g. 2024-01-reuters-talks.md)"))
    flags = fields.texts("flags")
    for flag in flags:
        if flag not in FLAGS:
            fields.error("flags", f"unknown flag {flag!r} (known: {', '.join(sorted(FLAGS))})")
    language = fields.text("language", limit=35) or "en"
    if not _LANG_RE.match(language):
        fields.error("language", f"'language' must be a language tag such as 'en', got {language!r}")
    meta = ArticleMeta(
        title=fields.text("title", required=True, limit=500) or "",
        outlet=fields.text("outlet", limit=200),
        url=fields.url("url"),
        published=fields.iso_date("published"),
        author=fields.text("author", limit=500),
        credit=fields.text("credit", limit=500),
        section=fields.text("section", limit=200),
        language=language,
        syndicated_from=fields.text("syndicated_from", limit=80),
        similar_to=fields.texts("similar_to", pattern=SLUG_RE),
        flags=tuple(flag for flag in flags if flag in FLAGS),
        source=fields.text("source", limit=2000),
    )
    if not body.strip():
        fields.problems.append(Problem(path, body_line, "the article has no body text"))
    if fields.problems:
        raise ContentError(fields.problems)
    return Article(id=article_id, path=path, meta=meta, body=body, body_line=body_line)


def read_article(path: Path) -> Article:
    """Read and validate one article file."""
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise ContentError([Problem(path, 1, f"file is {size / 1e6:.1f} MB; articles are limited to "
                                    f"{MAX_ARTICLE_BYTES / 1e6:.0f} MB")])
    return parse_article(path, normalise_text(path.read_bytes(), path))


# -- topics -------------------------------------------------------------------------------------

TOPIC_KEYS = ("title", "description", "tags", "settings", "hide", "summary", "timeline", "contested")
SETTINGS_KEYS = ("timeline_entries", "summary_words", "contested_shown")


def _quote(fields: _Fields, item: Any, where: str) -> Quote | None:
    if not isinstance(item, yamlsafe.LineDict):
        fields.problems.append(Problem(fields.path, fields.line(), f"{where} must be a mapping with "
                                       "'article' and 'quote'"))
        return None
    sub = _Fields(fields.path, item, fields.offset)
    sub.unknown(("article", "quote", "date", "label"), where)
    article = sub.text("article", required=True, limit=80)
    text = sub.text("quote", required=True, limit=2000)
    fields.problems.extend(sub.problems)
    if article is None or text is None:
        return None
    return Quote(article=article, text=text, line=sub.line("quote"))


def _items(fields: _Fields, key: str) -> Iterator[tuple[int, Any]]:
    value = fields.data.get(key)
    if value is None:
        return
    if not isinstance(value, yamlsafe.LineList):
        fields.error(key, f"{key!r} must be a list")
        return
    yield from enumerate(value)


def _curated_points(fields: _Fields) -> tuple[CuratedPoint, ...]:
    points = []
    for index, item in _items(fields, "contested"):
        where = f"contested point {index + 1}"
        if not isinstance(item, yamlsafe.LineDict):
            fields.error("contested", f"{where} must be a mapping")
            continue
        sub = _Fields(fields.path, item, fields.offset)
        sub.unknown(("title", "kind", "sides"), where)
        title = sub.text("title", required=True, limit=300)
        kind = sub.text("kind", limit=20) or "stance"
        if kind not in CONTESTED_KINDS:
            sub.error("kind", f"'kind' must be one of {', '.join(CONTESTED_KINDS)}")
        sides = []
        raw_sides = item.get("sides")
        if not isinstance(raw_sides, list) or len(raw_sides) < 2:
            sub.error("sides", f"{where} needs 'sides': a list of at least two sides")
            raw_sides = []
        for side in raw_sides:
            if not isinstance(side, yamlsafe.LineDict):
                sub.error("sides", "each side must be a mapping with 'article' and 'quote'")
                continue
            quote = _quote(sub, side, f"a side of {where}")
            side_fields = _Fields(sub.path, side, sub.offset)
            label = side_fields.text("label", limit=200) or ""
            sub.problems.extend(side_fields.problems)
            if quote:
                sides.append((label, (quote,)))
        fields.problems.extend(sub.problems)
        if title and kind in CONTESTED_KINDS and len(sides) >= 2:
            points.append(CuratedPoint(title=title, kind=kind, sides=tuple(sides), line=sub.line()))
    return tuple(points)


def _curated_events(fields: _Fields) -> tuple[CuratedEvent, ...]:
    events = []
    for index, item in _items(fields, "timeline"):
        quote = _quote(fields, item, f"timeline entry {index + 1}")
        if quote is None:
            continue
        when = item.get("date")
        if not isinstance(when, str) or not _DATE_RE.match(when) or not _valid_partial_date(when):
            fields.problems.append(Problem(fields.path, item.line_of("date") + fields.offset,
                                           f"timeline entry {index + 1} needs a 'date' written YYYY, "
                                           "YYYY-MM or YYYY-MM-DD (in quotes)"))
            continue
        events.append(CuratedEvent(date=when, quote=quote, line=item.line + fields.offset))
    return tuple(events)


def _valid_partial_date(value: str) -> bool:
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


def parse_topic_file(path: Path, text: str) -> tuple[Topic, list[Problem]]:
    """Read topic.yml (without its articles); problems are returned, not raised."""
    slug = path.parent.name
    try:
        data = yamlsafe.load(text)
    except yamlsafe.YamlError as error:
        return Topic(slug=slug, path=path.parent, title=slug), [Problem(path, error.line, str(error))]
    if not isinstance(data, yamlsafe.LineDict):
        return Topic(slug=slug, path=path.parent, title=slug), [
            Problem(path, 1, "topic.yml must be a mapping with at least a 'title'")]
    fields = _Fields(path, data)
    fields.unknown(TOPIC_KEYS, "topic.yml")
    settings = TopicSettings()
    raw_settings = data.get("settings")
    if raw_settings is not None:
        if isinstance(raw_settings, yamlsafe.LineDict):
            sub = _Fields(path, raw_settings)
            sub.unknown(SETTINGS_KEYS, "settings")
            settings = TopicSettings(
                timeline_entries=sub.integer("timeline_entries", settings.timeline_entries, 1, 200),
                summary_words=sub.integer("summary_words", settings.summary_words, 40, 2000),
                contested_shown=sub.integer("contested_shown", settings.contested_shown, 0, 100),
            )
            fields.problems.extend(sub.problems)
        else:
            fields.error("settings", "'settings' must be a mapping")
    summary = []
    for index, item in _items(fields, "summary"):
        quote = _quote(fields, item, f"summary line {index + 1}")
        if quote:
            summary.append(quote)
    topic = Topic(
        slug=slug,
        path=path.parent,
        title=fields.text("title", required=True, limit=300) or slug,
        description=fields.text("description", limit=1000) or "",
        tags=fields.texts("tags"),
        settings=replace(settings, hide=fields.texts("hide")),
        summary_lines=tuple(summary),
        curated_points=_curated_points(fields),
        curated_events=_curated_events(fields),
    )
    return topic, fields.problems


def quote_found(quote: str, body: str) -> bool:
    """A curated quote must appear in the article, up to spacing and typographic quotes."""
    return fold(quote) in fold(body)


_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                       "\u2014": "-", "\u00a0": " "})


def fold(text: str) -> str:
    """Compare texts the way a reader would: same letters, any spacing, straight quotes."""
    text = unicodedata.normalize("NFKC", text).translate(_FOLD)
    return re.sub(r"\s+", " ", re.sub(r"[*_`]+", "", text)).strip().lower()


def _check_topic_references(topic: Topic, problems: list[Problem]) -> None:
    topic_file = topic.path / TOPIC_FILE
    by_id = {article.id: article for article in topic.articles}
    quotes = [*topic.summary_lines, *(event.quote for event in topic.curated_events)]
    quotes += [quote for point in topic.curated_points for _, side in point.sides for quote in side]
    for quote in quotes:
        article = by_id.get(quote.article)
        if article is None:
            problems.append(Problem(topic_file, quote.line, f"article {quote.article!r} is not in this topic"))
        elif not quote_found(quote.text, article.body):
            problems.append(Problem(topic_file, quote.line, f"quote not found in {article.path.name}: "
                                    f"{quote.text[:60]!r} (quotes must be copied verbatim)"))
    urls: dict[str, Article] = {}
    for article in topic.articles:
        for ref in filter(None, (article.meta.syndicated_from, *article.meta.similar_to)):
            if ref not in by_id:
                problems.append(Problem(article.path, 1, f"refers to article {ref!r}, which is not in this topic"))
        if article.meta.url:
            key = article.meta.url.rstrip("/").lower()
            if key in urls:
                problems.append(Problem(article.path, 1, f"same url as {urls[key].path.name}: "
                                        "the article is in the topic twice"))
            urls[key] = article


def load_topic(folder: Path, read: Callable[[Path], Article] = read_article) -> tuple[Topic, list[Problem]]:
    """Read one topic folder; articles with errors are left out and their problems returned."""
    topic_file = folder / TOPIC_FILE
    problems: list[Problem] = []
    if not SLUG_RE.match(folder.name):
        problems.append(Problem(topic_file, 1, f"topic folder {folder.name!r} must be named with lower-case "
                                "letters, digits and hyphens"))
    try:
        if topic_file.is_symlink():
            raise ContentError([Problem(topic_file, 1, "topic.yml is a symbolic link: content must be plain files "
                                        "inside the content folder")])
        text = normalise_text(topic_file.read_bytes(), topic_file)
        topic, topic_problems = parse_topic_file(topic_file, text)
        problems += topic_problems
    except ContentError as error:
        topic = Topic(slug=folder.name, path=folder, title=folder.name)
        problems += error.problems
    except FileNotFoundError:
        topic = Topic(slug=folder.name, path=folder, title=folder.name)
        problems.append(Problem(topic_file, 1, "missing topic.yml (it needs at least a 'title')"))
    articles = []
    seen: dict[str, Path] = {}
    for path in sorted(folder.iterdir()):
        if path.name == TOPIC_FILE or path.name.startswith("."):
            continue
        if path.suffix != ARTICLE_SUFFIX or not path.is_file() or path.is_symlink():
            problems.append(Problem(path, 1, "unexpected file in a topic folder: articles are .md files"))
            continue
        if path.stem.lower() in seen:
            problems.append(Problem(path, 1, f"duplicate article id (same name as {seen[path.stem.lower()].name})"))
            continue
        seen[path.stem.lower()] = path
        try:
            articles.append(read(path))
        except ContentError as error:
            problems += error.problems
    if not articles and not problems:
        problems.append(Problem(topic_file, 1, "the topic has no articles: import at least one"))
    topic = replace(topic, articles=tuple(articles))
    _check_topic_references(topic, problems)
    return topic, problems


def load_content(content_dir: Path, read: Callable[[Path], Article] = read_article) -> ContentLoad:
    """Read every topic folder under `content_dir`."""
    if not content_dir.is_dir():
        raise ContentError([Problem(content_dir, 1, "content folder not found")])
    topics, problems = [], []
    for folder in sorted(content_dir.iterdir()):
        if folder.name.startswith("."):
            continue
        if not folder.is_dir():
            problems.append(Problem(folder, 1, "unexpected file in the content folder: articles go in a topic "
                                    "folder, content/<topic>/<article>.md"))
            continue
        if folder.is_symlink():
            problems.append(Problem(folder, 1, "topic folder is a symbolic link: content must be plain folders "
                                    "inside the content folder"))
            continue
        topic, topic_problems = load_topic(folder, read)
        topics.append(topic)
        problems += topic_problems
    return ContentLoad(topics=tuple(topics), problems=tuple(problems))


def topic_updated(topic: Topic) -> date | None:
    """The newest trustworthy publication date of the topic's articles.

    'Updated' comes from the content, never the clock; a date flagged as contradicting its own story
    (`date_anomaly`) is left out, so a wrong dateline cannot make a topic look older or newer than it is.
    """
    dates = [article.meta.published for article in topic.articles
             if article.meta.published and "date_anomaly" not in article.meta.flags]
    return max(dates) if dates else None
