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
from typing import NamedTuple

from digest.language.lexicon import MONTH_ABBREVIATIONS, MONTH_NAMES, NUMBER_WORDS, WEEKDAY_NAMES
from digest.language.tokens import lower_words
from digest.memo import per_topic

MONTHS = {name.lower(): number for names in (dict(zip(MONTH_NAMES, range(1, 13), strict=True)), MONTH_ABBREVIATIONS)
          for name, number in names.items()}
"""Month numbers by lower-case name or abbreviation ("january", "jan", "sept")."""
WEEKDAYS = tuple(name.lower() for name in WEEKDAY_NAMES)
YEAR_RANGE = (1900, 2100)
"""Four-digit numbers outside this range are not read as years."""

_ABBREVIATED = "|".join(rf"{name}\.?" for name in sorted(MONTH_ABBREVIATIONS, key=lambda name: (-len(name), name)))
MONTH_NAME = rf"{'|'.join(MONTH_NAMES)}|{_ABBREVIATED}"
"""An expression for a month's name or abbreviation, as written in prose ("January", "Jan.", "Sept")."""
_MONTH = rf"(?P<month>{MONTH_NAME})"
_ANY_CASE_MONTH = rf"(?P<month>(?i:{MONTH_NAME}))"
"""A month in any case ("DECEMBER"): before a day and a year it can be nothing else ("may" and "march" can)."""
_WEEKDAY_NAME = "|".join(sorted({*WEEKDAY_NAMES, *(name[:3] for name in WEEKDAY_NAMES), "Tues", "Thur", "Thurs"},
                                key=lambda name: (-len(name), name)))
_WEEKDAY_BEFORE = rf"(?:(?i:{_WEEKDAY_NAME})\.?,?\s+)?"
"""The day of the week before a full date ("Tuesday, March 3, 2023"): part of that date, not a date of its own."""
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
COUNT_WORDS = tuple(word for word, value in NUMBER_WORDS.items() if value <= 12 or value in (15, 20, 30))
"""The number words the relative forms read ("six months ago", "a decade after"): those up to twelve and 15, 20
and 30. Reading every word of the table ("eighteen months ago", "fifty years after") changes which sentences the
MJ summary of `make eval` quotes and lowers its ROUGE, so the wider reading waits for an issue of its own."""
_COUNT = rf"(?P<count>\d{{1,3}}|a|an|{'|'.join(COUNT_WORDS)})"


def _full_dates(dateline: bool) -> tuple[tuple[str, str], ...]:
    """The forms of a date written out to the day. Prose reads them strictly (a day and a year after a capitalised
    month, or YYYY-MM-DD); a line that only dates a page also has a weekday before them, capitals and numeric
    dates with slashes or dots ("Tue 9 DEC 2022", "2022/12/09")."""
    weekday = _WEEKDAY_BEFORE if dateline else ""
    month = _ANY_CASE_MONTH if dateline else _MONTH
    numeric = (r"(?P<year>(?:19|20)\d\d)(?P<separator>[-/.])(?P<month>1[0-2]|0?[1-9])(?P=separator)(?P<day>[0-3]?\d)"
               if dateline else r"(?P<year>(?:19|20)\d\d)-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-3]\d)")
    return (("iso", rf"\b{weekday}{numeric}\b"),
            ("month_day_year", rf"\b{weekday}{month}\s+{_DAY},?\s+{_YEAR}\b"),
            ("day_month_year", rf"\b{weekday}{_DAY}\s+(?:of\s+)?{month},?\s+{_YEAR}\b"))


_DATELINE_PATTERNS = tuple((name, re.compile(pattern)) for name, pattern in _full_dates(dateline=True))
# Order matters: longer, more precise forms are tried first and claim their span.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE if name.startswith("rel") else 0))
    for name, pattern in (
        *_full_dates(dateline=False),
        ("month_year", rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b"),
        ("month_day", rf"\b{_MONTH}\s+{_DAY}\b(?!\s*(?:%|percent|million|billion))"),
        ("day_month", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b"),
        ("year", rf"(?<![\d,.$£€]){_YEAR}(?:s\b)?(?!\d|,\d{{3}}|\.\d|\s*(?:%|percent))"),
        ("rel_ago", rf"\b{_COUNT}\s+(?P<unit>day|week|month|year|decade)s?\s+ago\b"),
        ("rel_last", r"\b(?P<which>last|this|next)\s+(?P<unit>week|month|year)\b"),
        ("rel_day", r"\b(?P<word>yesterday|today|tomorrow)\b"),
        ("rel_weekday", rf"\b(?:(?P<which>last|next|this|on)\s+)?(?P<weekday>{'|'.join(WEEKDAY_NAMES)})\b"),
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


class PartialDate(NamedTuple):
    """A calendar date known to the year, the month or the day, as news gives it: "2010", "2010-05",
    "2010-05-27". Dates order as their ISO texts do (a year before its months, a month before its days);
    `str` gives that text, which is how pages and JSON write them. A named tuple rather than a dataclass: the
    analysis hashes and compares dates by the million, and a tuple does both in C."""

    year: int
    """The year."""
    month: int = 0
    """1-12; 0 when only the year is known."""
    day: int = 0
    """1-31; 0 when only the year or the month is known."""

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """A date written YYYY, YYYY-MM or YYYY-MM-DD; ValueError for anything else, or a day that does not exist."""
        match = _ISO_PARTIAL.fullmatch(text)
        if match is None:
            raise ValueError(f"{text!r} is not a date written YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(part) if part else 0 for part in match.groups())
        if (match.group(2) and not month) or (match.group(3) and not day):
            raise ValueError(f"{text!r} has a month or day 00")
        date(year, month or 1, day or 1)  # raises ValueError for "2023-13", "2023-02-30"
        return cls(year, month, day)

    def __str__(self) -> str:
        if not self.month:
            return f"{self.year:04d}"
        if not self.day:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def parts(self) -> int:
        """How many parts are known: 1 (the year), 2 (and the month) or 3 (and the day)."""
        return 1 if not self.month else 2 if not self.day else 3

    @property
    def precision(self) -> str:
        """'year', 'month' or 'day'."""
        return ("year", "month", "day")[self.parts - 1]

    @property
    def first_day(self) -> date:
        """The first day the date covers."""
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> date:
        """The last day the date covers."""
        if self.day:
            return date(self.year, self.month, self.day)
        if self.month:
            return date(self.year + self.month // 12, self.month % 12 + 1, 1) - timedelta(days=1)
        return date(self.year, 12, 31)

    def covers(self, other: PartialDate) -> bool:
        """Whether every day of `other` is a day of this date ("2021" covers "2021-03-05")."""
        return (self.year == other.year and (not self.month or self.month == other.month)
                and (not self.day or self.day == other.day))

    def compatible(self, other: PartialDate) -> bool:
        """Whether both can name the same day: one covers the other ("2021" and "2021-03-05"; not "2021-03-05"
        and "2021-03-20"). One expression: the grouping asks it of every pair of dates it compares."""
        return self.year == other.year and (not self.month or not other.month or (self.month == other.month
                                            and (not self.day or not other.day or self.day == other.day)))

    def near(self, other: PartialDate) -> bool:
        """Whether both can name the same day, or two days a day apart (a late report, a time zone, "yesterday")."""
        if self.compatible(other):
            return True
        return bool(self.day and other.day) and abs((self.last_day - other.last_day).days) <= 1

    def coarser(self) -> tuple[PartialDate, ...]:
        """The coarser dates that cover this one, coarsest first ("2021", "2021-03" for "2021-03-05")."""
        return tuple(PartialDate(self.year, self.month if parts > 1 else 0) for parts in range(1, self.parts))

    def day_after(self, days: int) -> PartialDate:
        """The day `days` days later (earlier when negative); only for a date known to the day."""
        moved = self.last_day + timedelta(days=days)
        return PartialDate(moved.year, moved.month, moved.day)


_ISO_PARTIAL = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A date or time phrase of a sentence, and the calendar date it stands for."""

    text: str
    """The phrase as written."""
    start: int
    """Offset of the phrase in the sentence."""
    end: int
    """Offset just past the phrase."""
    value: PartialDate | None
    """The date it names; None when it cannot be resolved (no anchor, or relative to another event)."""
    relative: bool
    """True when the phrase needed the anchor ("last year", "on Tuesday")."""

    @property
    def precision(self) -> str | None:
        """'year', 'month' or 'day' (None when unresolved)."""
        return self.value.precision if self.value is not None else None


def _format(year: int, month: int | None = None, day: int | None = None) -> PartialDate | None:
    if not YEAR_RANGE[0] <= year < YEAR_RANGE[1]:
        return None
    if month is None:
        return PartialDate(year)
    if day is None:
        return PartialDate(year, month)
    try:
        date(year, month, day)
    except ValueError:
        return None
    return PartialDate(year, month, day)


def _format_day(anchor: date, days: int) -> PartialDate | None:
    """The day `days` after the anchor (None past the ends of the calendar Python knows)."""
    try:
        value = anchor + timedelta(days=days)
    except OverflowError:
        return None
    return _format(value.year, value.month, value.day)


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _count(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else 1 if word in ("a", "an") else NUMBER_WORDS[word]


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


def _resolve(kind: str, match: re.Match[str], text: str, anchor: date | None) -> tuple[PartialDate | None, bool] | None:
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


def find_day(text: str) -> TimeExpression | None:
    """The first date of a text written out to the day, whatever the anchor ("DECEMBER 9, 2022", "Tue 9 Dec 2022",
    "2022/12/09"): the date a dateline or a "Posted on" line gives."""
    found: list[TimeExpression] = []
    for kind, pattern in _DATELINE_PATTERNS:
        for match in pattern.finditer(text):
            resolved = _resolve(kind, match, text, None)
            if resolved is not None and resolved[0] is not None:
                found.append(TimeExpression(match.group(0), match.start(), match.end(), resolved[0], False))
                break  # the first day each form gives
    return min(found, key=lambda expression: expression.start, default=None)


def show_date(value: PartialDate | str) -> str:
    """A date in words, never more precise than written ("2020", "Jan 2020", "9 Dec 2022"); takes the date or
    its YYYY, YYYY-MM or YYYY-MM-DD text."""
    when = value if isinstance(value, PartialDate) else PartialDate.parse(value)
    if not when.month:
        return str(when.year)
    month = MONTH_NAMES[when.month - 1][:3]
    return f"{month} {when.year}" if not when.day else f"{when.day} {month} {when.year}"
