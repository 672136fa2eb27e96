"""Temporal expressions in news sentences, resolved to calendar dates.

A small regular grammar instead of a general date parser: news prose uses a handful of
forms ("December 9, 2022", "January 2020", "in 2014", "last year", "six months ago",
"on Tuesday"), and a grammar we can read is faster, cannot hang, and never guesses.
Relative expressions are resolved against the article's publication date (the anchor);
without an anchor they stay unresolved, and an unresolved expression never reaches the
timeline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from digest.analysis.cues import lower_words
from digest.memo import per_topic

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "several": None, "few": None, "a few": None,
}
YEAR_RANGE = (1900, 2100)
"""Four-digit numbers outside this range are not read as years."""

_MONTH = (r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_COUNT = r"(?P<count>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)"

# Order matters: longer, more precise forms are tried first and claim their span.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE if name.startswith("rel") else 0))
    for name, pattern in (
        ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-3]\d)\b"),
        ("month_day_year", rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),
        ("day_month_year", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b"),
        ("month_year", rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b"),
        ("month_day", rf"\b{_MONTH}\s+{_DAY}\b(?!\s*(?:%|percent|million|billion))"),
        ("day_month", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b"),
        ("year", rf"(?<![\d,.$£€]){_YEAR}(?:s\b)?(?!\d|,\d{{3}}|\.\d|\s*(?:%|percent))"),
        ("rel_ago", rf"\b{_COUNT}\s+(?P<unit>day|week|month|year|decade)s?\s+ago\b"),
        ("rel_last", r"\b(?P<which>last|this|next)\s+(?P<unit>week|month|year)\b"),
        ("rel_day", r"\b(?P<word>yesterday|today|tomorrow)\b"),
        ("rel_weekday", r"\b(?:(?P<which>last|next|this|on)\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|"
                        r"Friday|Saturday|Sunday)\b"),
        ("rel_after", rf"\b{_COUNT}\s+(?P<unit>day|week|month|year|decade)s?\s+(?:after|before|later|earlier)\b"),
    )
)

# Words before a bare number that make it a year ("in 2014", "since 2003"), and words
# after it that make it a count ("2000 troops").
_YEAR_CUE = re.compile(r"(?:\b(?:in|by|since|until|till|from|of|during|before|after|through|early|late|mid|"
                       r"end|start|beginning|spring|summer|autumn|fall|winter|year|around|to|between|and|"
                       r"circa|the)\s*|[-(\u2013]\s*)$", re.IGNORECASE)
_NAMED_BEFORE = re.compile(r"\b[A-Z][a-z]+\s$")
_COUNT_AFTER = re.compile(r"\s+(?!(?:and|or|to|when|after|before|as|with|that|which|the|a|in|on|at|for|but)\b)"
                          r"[a-z]+s\b")
_LOOK_BACK = 64
"""How far before a year the cue and name expressions look: further than any cue word or name, and the same
short reach for every year of a long text (reading all the text before each one would take quadratic time)."""


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A date or time phrase of a sentence, and the calendar date it stands for."""

    text: str
    """The phrase as written."""
    start: int
    """Offset of the phrase in the sentence."""
    end: int
    """Offset just past the phrase."""
    value: str | None
    """YYYY, YYYY-MM or YYYY-MM-DD; None when it cannot be resolved (no anchor, or relative to another event)."""
    relative: bool
    """True when the phrase needed the anchor ("last year", "on Tuesday")."""

    @property
    def precision(self) -> str | None:
        """'year', 'month' or 'day' (None when unresolved)."""
        if self.value is None:
            return None
        return ("year", "month", "day")[self.value.count("-")]


def _format(year: int, month: int | None = None, day: int | None = None) -> str | None:
    if not YEAR_RANGE[0] <= year < YEAR_RANGE[1]:
        return None
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        date(year, month, day)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _format_day(anchor: date, days: int) -> str | None:
    """The day `days` after the anchor (None past the ends of the calendar Python knows)."""
    try:
        value = anchor + timedelta(days=days)
    except OverflowError:
        return None
    return _format(value.year, value.month, value.day)


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _count(word: str) -> int | None:
    word = word.lower()
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)


def _shift_months(anchor: date, months: int) -> tuple[int, int]:
    total = anchor.year * 12 + anchor.month - 1 + months
    return total // 12, total % 12 + 1


def _nearest_year(month: int, day: int | None, anchor: date | None) -> int | None:
    """The year of "October 7" in an article published on `anchor`: the nearest such day.

    News mostly looks back, so a day more than about four months ahead of the anchor is
    taken from the year before.
    """
    if anchor is None:
        return None
    candidate = date(anchor.year, month, min(day or 1, 28))
    if candidate - anchor > timedelta(days=122):
        return anchor.year - 1
    if anchor - candidate > timedelta(days=244):
        return anchor.year + 1
    return anchor.year


def _resolve(kind: str, match: re.Match[str], text: str, anchor: date | None) -> tuple[str | None, bool] | None:
    """(value, relative) for a match, or None when the match is not a time expression after all."""
    groups = match.groupdict()
    if kind == "iso":
        return _format(int(groups["year"]), int(groups["month"]), int(groups["day"])), False
    if kind in ("month_day_year", "day_month_year"):
        return _format(int(groups["year"]), _month(groups["month"]), int(groups["day"])), False
    if kind == "month_year":
        return _format(int(groups["year"]), _month(groups["month"])), False
    if kind in ("month_day", "day_month"):
        month, day = _month(groups["month"]), int(groups["day"])
        try:
            date(2000, month, day)  # a leap year: February 29 exists
        except ValueError:
            return None
        year = _nearest_year(month, day, anchor)
        return (_format(year, month, day) if year else None), True
    if kind == "year":
        if match.group(0).endswith("s"):  # "the 1990s": a decade, not a date
            return None
        reach = (max(0, match.start() - _LOOK_BACK), match.start())
        if _COUNT_AFTER.match(text, match.end()) and not _YEAR_CUE.search(text, *reach):
            return None
        if _NAMED_BEFORE.search(text, *reach) and not _YEAR_CUE.search(text, *reach):
            return None  # "Vision 2030", "Windows 2000": part of a name
        return _format(int(groups["year"])), False
    if kind == "rel_after":  # "a decade after": relative to another event, not to the article
        return None, True
    if anchor is None:
        return None, True
    if kind == "rel_ago":
        count = _count(groups["count"])
        unit = groups["unit"].lower()
        if count is None:
            return None, True
        if unit == "day":
            return _format_day(anchor, -count), True
        if unit == "week":
            return None, True
        if unit == "month":
            year, month = _shift_months(anchor, -count)
            return _format(year, month), True
        years = count * (10 if unit == "decade" else 1)
        return _format(anchor.year - years), True
    if kind == "rel_last":
        which, unit = groups["which"].lower(), groups["unit"].lower()
        offset = {"last": -1, "this": 0, "next": 1}[which]
        if unit == "week":
            return None, True
        if unit == "month":
            year, month = _shift_months(anchor, offset)
            return _format(year, month), True
        return _format(anchor.year + offset), True
    if kind == "rel_day":
        offset = {"yesterday": -1, "today": 0, "tomorrow": 1}[groups["word"].lower()]
        return _format_day(anchor, offset), True
    if kind == "rel_weekday":
        if not groups["weekday"][0].isupper():
            return None
        target = WEEKDAYS.index(groups["weekday"].lower())
        which = (groups["which"] or "").lower()
        if which == "next":
            delta = (target - anchor.weekday()) % 7 or 7
        else:  # news reports the week just past: the latest such day up to the anchor
            delta = -((anchor.weekday() - target) % 7)
            if which == "last" and delta == 0:
                delta = -7
        return _format_day(anchor, delta), True
    return None


_MONTH_WORDS = frozenset(MONTHS)
_UNIT_WORDS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades"})


def _possible_kinds(text: str) -> set[str]:
    """The patterns a cheap test cannot rule out, before their regular expressions run: most sentences have no
    date. Each test is made once per text, whatever the number of patterns that share it."""
    words = lower_words(text)
    kinds: set[str] = set()
    if _FOUR_DIGITS.search(text) is not None:
        kinds.update(("iso", "year"))
    if not words.isdisjoint(_MONTH_WORDS):
        kinds.update(("month_day_year", "day_month_year", "month_year", "month_day", "day_month"))
    if "ago" in words:
        kinds.add("rel_ago")
    units = not words.isdisjoint(_UNIT_WORDS)
    if units and not words.isdisjoint(("last", "this", "next")):
        kinds.add("rel_last")
    if not words.isdisjoint(("yesterday", "today", "tomorrow")):
        kinds.add("rel_day")
    if not words.isdisjoint(WEEKDAYS):
        kinds.add("rel_weekday")
    if units and not words.isdisjoint(("after", "before", "later", "earlier")):
        kinds.add("rel_after")
    return kinds


_FOUR_DIGITS = re.compile(r"(?:19|20)\d\d")


@per_topic(65536)
def _matches(text: str) -> tuple[tuple[str, re.Match[str]], ...]:
    """Every match of every pattern, in the order they are tried: the same whatever the anchor, so read once
    per distinct sentence (news copies repeat sentences)."""
    kinds = _possible_kinds(text)
    return tuple((kind, match) for kind, pattern in _PATTERNS if kind in kinds for match in pattern.finditer(text))


def find_dates(text: str, anchor: date | None = None) -> tuple[TimeExpression, ...]:
    """Every time expression of a sentence, in text order, each span claimed once."""
    # 1 for each character a found expression claims: one look-up per match, however many a long text has.
    taken = bytearray(len(text)) if _matches(text) else bytearray()
    found: list[TimeExpression] = []
    for kind, match in _matches(text):
        start, end = match.span()
        if taken.find(1, start, end) >= 0:
            continue
        resolved = _resolve(kind, match, text, anchor)
        if resolved is None:
            continue
        value, relative = resolved
        if value is None and not relative:
            continue  # "February 30, 2023": not a date
        taken[start:end] = b"\x01" * (end - start)
        found.append(TimeExpression(match.group(0), start, end, value, relative))
    return tuple(sorted(found, key=lambda expression: expression.start))


def date_sort_key(value: str) -> tuple[int, int, int]:
    """Order YYYY, YYYY-MM and YYYY-MM-DD together: a year sorts before its months and days."""
    parts = [int(part) for part in value.split("-")]
    return (parts[0], parts[1] if len(parts) > 1 else 0, parts[2] if len(parts) > 2 else 0)
