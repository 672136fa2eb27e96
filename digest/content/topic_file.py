"""topic.yml: a topic's title, tags and settings, and what maintainers curate (summary lines, timeline
entries, contested points, hidden ids)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from digest import yamlsafe
from digest.content.fields import Fields, date_range_error
from digest.language.times import PartialDate
from digest.model import CuratedEvent, CuratedPoint, Problem, Quote, Topic, TopicSettings

TOPIC_KEYS = ("title", "description", "tags", "settings", "hide", "summary", "timeline", "contested")

SETTINGS_KEYS = ("timeline_entries", "summary_words", "contested_shown")

CONTESTED_KINDS = ("number", "date", "denial", "stance", "framing")



def _quote(fields: Fields, item: Any, where: str) -> Quote | None:
    if not isinstance(item, yamlsafe.LineDict):
        fields.problems.append(Problem(fields.path, fields.line(), f"{where} must be a mapping with "
                                       "'article' and 'quote'"))
        return None
    sub = Fields(fields.path, item, fields.offset)
    sub.unknown(("article", "quote", "date", "label"), where)
    article = sub.text("article", required=True, limit=80)
    text = sub.text("quote", required=True, limit=2000)
    fields.problems.extend(sub.problems)
    if article is None or text is None:
        return None
    return Quote(article=article, text=text, line=sub.line("quote"))


def _items(fields: Fields, key: str) -> Iterator[tuple[int, Any]]:
    value = fields.data.get(key)
    if value is None:
        return
    if not isinstance(value, yamlsafe.LineList):
        fields.error(key, f"{key!r} must be a list")
        return
    yield from enumerate(value)


def _curated_points(fields: Fields) -> tuple[CuratedPoint, ...]:
    points = []
    for index, item in _items(fields, "contested"):
        where = f"contested point {index + 1}"
        if not isinstance(item, yamlsafe.LineDict):
            fields.error("contested", f"{where} must be a mapping")
            continue
        sub = Fields(fields.path, item, fields.offset)
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
            side_fields = Fields(sub.path, side, sub.offset)
            label = side_fields.text("label", limit=200) or ""
            sub.problems.extend(side_fields.problems)
            if quote:
                sides.append((label, (quote,)))
        fields.problems.extend(sub.problems)
        if title and kind in CONTESTED_KINDS and len(sides) >= 2:
            points.append(CuratedPoint(title=title, kind=kind, sides=tuple(sides), line=sub.line()))
    return tuple(points)


def _curated_events(fields: Fields) -> tuple[CuratedEvent, ...]:
    events = []
    for index, item in _items(fields, "timeline"):
        quote = _quote(fields, item, f"timeline entry {index + 1}")
        if quote is None:
            continue
        when = item.get("date")
        line = item.line_of("date") + fields.offset
        try:
            if not isinstance(when, str):
                raise ValueError(when)
            value = PartialDate.parse(when)
        except ValueError:
            fields.problems.append(Problem(fields.path, line, f"timeline entry {index + 1} needs a 'date' written "
                                           "YYYY, YYYY-MM or YYYY-MM-DD (in quotes)"))
            continue
        error = date_range_error(value.first_day, f"timeline entry {index + 1}: 'date'")
        if error:
            fields.problems.append(Problem(fields.path, line, error.replace(value.first_day.isoformat(), when, 1)))
            continue
        events.append(CuratedEvent(date=value, quote=quote, line=item.line + fields.offset))
    return tuple(events)


def _item_lines(fields: Fields, key: str, count: int) -> tuple[int, ...]:
    """The line of each item of a list under `key` (the key's line for a list written on one line)."""
    value = fields.data.get(key)
    lines = getattr(value, "item_lines", None) or [fields.line(key)] * count
    return tuple(line + fields.offset for line in lines[:count])


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
    fields = Fields(path, data)
    fields.unknown(TOPIC_KEYS, "topic.yml")
    settings = TopicSettings()
    raw_settings = data.get("settings")
    if raw_settings is not None:
        if isinstance(raw_settings, yamlsafe.LineDict):
            sub = Fields(path, raw_settings)
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
    hide = fields.texts("hide")
    topic = Topic(
        slug=slug,
        path=path.parent,
        title=fields.text("title", required=True, limit=300) or slug,
        description=fields.text("description", limit=1000) or "",
        tags=fields.texts("tags"),
        settings=replace(settings, hide=hide, hide_lines=_item_lines(fields, "hide", len(hide))),
        summary_lines=tuple(summary),
        curated_points=_curated_points(fields),
        curated_events=_curated_events(fields),
    )
    return topic, fields.problems
