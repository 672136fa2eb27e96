"""Metadata hidden in a page's visible text: datelines, bylines, credits, title suffixes, self-naming (the lines
themselves are recognised in `digest.language.furniture`)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from datetime import date

from digest.language import furniture
from digest.language.times import MONTHS, find_day

_DATE_PREFIX = re.compile(r"^(?:(?:first\s+)?published|posted|updated|last updated|modified|date|dated)"
                          r"(?:\s+(?:on|at))?\s*:?\s*", re.I)
_TIME = re.compile(r"\b(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[a-z]{2,4}\b)?|\b\d{1,2}\s*[ap]\.?m\.?\b"
                   r"|\b(?:gmt|utc|[a-z]{1,2}[sd]t)\b(?:[+-]\d{1,2})?", re.I)
_HANDLE = re.compile(r"(?<![\w@.])@([A-Za-z0-9_]{2,30})\b")
_SELF_NAMED = (
    re.compile(r"^(?i:more\s+(?:from|on|at))\s+(?P<name>(?:the\s+)?[A-Z][\w&'’.]*(?:\s+[A-Z][\w&'’.]*){0,5})\s*(?:[–—:|-]|$)"),
    re.compile(r"^(?i:subscribe\s+to)\s+(?P<name>[A-Z][\w&'’.]*(?:\s+[A-Z][\w&'’.]*){0,5})"
               r"(?:'s)?\s+(?i:for|to|and|newsletter|on)\b"),
    re.compile(r"^(?:©|\(c\)|(?i:copyright)\s*(?=©|(?:19|20)\d{2}))\s*(?:©\s*)?"
               r"(?:(?:19|20)\d{2}\s*(?:[-–]\s*(?:19|20)\d{2})?\s*)?,?\s*"
               r"(?P<name>[A-Z][\w&'’.]*(?:\s+[A-Z][\w&'’.]*){0,5}?)\s*(?:\.|,|(?i:all rights)|$)"),
    re.compile(furniture.SITE_BLURB),
)
_FUTURE = re.compile(r"\b(?:will|would|expected|expects|expecting|plans?|planned|planning|scheduled|set to|could|may|"
                     r"might|aims?|aiming|targets?|by|until|through|forecasts?|projected|deadline|due|should|"
                     r"intends?|hopes?|before)\b", re.I)
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_TIME_PHRASE = re.compile(r"\b(?:in|during|since|on|early|late|mid|of)\b[^.;]*$", re.I)
_PAST = re.compile(r"\b(?:was|were|had|did|said|killed|won|lost|took|began|came|went|became|left|held|met|saw|"
                   r"made|gave|fell|rose|fought|struck|\w{3,}ed)\b", re.I)


def dateline(line: str) -> date | None:
    """The date of a line that says little but a date ("DECEMBER 9, 2022", "Published: 9 Dec 2022 10:00 GMT")."""
    found = find_day(line)
    if found is None or found.value is None:
        return None
    rest = line[: found.start] + " " + line[found.end:]
    rest = _TIME.sub(" ", _DATE_PREFIX.sub("", rest.strip()))
    rest = re.sub(r"(?:^|\s)by\s+.*$", " ", rest, flags=re.I) if byline_after_date(line) else rest
    words = re.findall(r"[A-Za-z]{2,}", rest)
    return date(found.value.year, found.value.month, found.value.day) if len(words) <= 2 else None


def byline_after_date(line: str) -> str | None:
    """The author of a "Posted on March 3, 2023 by Sam Writer" line."""
    match = re.search(r"(?:^|\s)(by\s+.*)$", line, flags=re.I)
    return furniture.byline(match.group(1)) if match and find_day(line[: match.start()]) else None


_CONTRIBUTED = re.compile(r"^\(?((?:[A-Z][\w'’.-]*\s+){0,12}[\w'’.-]*\s*(?:contributed|also contributed)"
                          r"(?: reporting)?(?: to this (?:report|story|article))?)[.)]*$")
_BIO = re.compile(r"^(?:[A-Z][\w'’.-]+\s+){1,4}(?:is|was|has been)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,5}"
                  r"(?:reporter|correspondent|writer|editor|journalist|columnist|contributor|producer|analyst|intern|"
                  r"author|freelancer|fellow)\b")


def contributed(line: str) -> str | None:
    """A closing "X and Y contributed to this report." credit."""
    match = _CONTRIBUTED.match(line.strip())
    return match.group(1).strip() if match and len(line.split()) <= 40 else None


def author_bio(line: str) -> bool:
    """A closing note about the writer ("Jane Doe is a reporter covering ...")."""
    return bool(_BIO.match(line.strip())) and len(line.split()) <= 80


def self_named_outlet(line: str) -> str | None:
    """The outlet when a line names the site it sits on ("More from X – ...", "Subscribe to X for ...", "© X")."""
    text = line.strip()
    for pattern in _SELF_NAMED:
        match = pattern.match(text)
        if match:
            name = re.sub(r"['’]s$", "", (match.groupdict().get("name") or match["blurb"]).strip(" .,"))
            if name and not re.fullmatch(r"(?:the\s+)?(?:us|our|this|news|author|site|page|newsletter)", name, re.I):
                return name
    return None


def handles(line: str) -> list[str]:
    """Social handles ("@name") named in a follow-us line."""
    return _HANDLE.findall(line)


def pick_handle(found: list[str]) -> str | None:
    """The site's own handle: the one written most often, then the one other handles extend (nya360 over nya360_)."""
    if not found:
        return None
    counts = Counter(found)
    cores = {name: name.strip("_").lower() for name in counts}
    ordered = sorted(cores.values())

    def extended(core: str) -> int:
        """Other handles whose core starts with this one (cores are ASCII: all such sort below core + DEL)."""
        return bisect_left(ordered, core + "\x7f") - bisect_left(ordered, core) - 1

    best = max(counts, key=lambda name: (counts[name] + extended(cores[name]), -len(name)))
    return "@" + best


def strip_outlet(title: str, outlet: str) -> str:
    """Drop a trailing " - Outlet" (or –, —, |) from a headline when the page names that outlet."""
    match = re.match(r"^(.{8,}?)\s+[-–—|:]\s+@?" + re.escape(outlet.lstrip("@")) + r"\s*$", title, flags=re.I)
    return match.group(1) if match else title


def split_title(title: str) -> tuple[str, str | None, str | None]:
    """Strip a site suffix: "Headline | Section | Outlet" -> (headline, section, outlet); "Opinion | Headline" too."""
    parts = [part.strip() for part in re.split(r"\s+[|•·]\s+|\s+::\s+", title) if part.strip()]
    if len(parts) == 2 and len(parts[0].split()) <= 2 < len(parts[1].split()):
        return parts[1], parts[0], None
    if len(parts) < 2 or any(len(part.split()) > 6 for part in parts[1:]):
        return title.strip(), None, None
    if len(parts) == 2:
        return parts[0], parts[1], None
    return parts[0], parts[1], parts[-1]


def date_contradicted(published: date, sentences: list[str]) -> str | None:
    """Why the story's own text cannot date from `published`, or None.

    A year later than the dateline counts when the sentence reports it as past, or when a month is named
    with a year two or more years ahead (papers rarely forecast to the month that far).
    """
    for sentence in sentences:
        past: bool | None = None  # whether the sentence reads as past: one reading, however many years it names
        for match in _YEAR.finditer(sentence):
            year = int(match.group(1))
            if year <= published.year:
                continue
            before = sentence[max(0, match.start() - 12): match.start()].lower()
            month_named = any(name in before for name in MONTHS if len(name) > 3 or name == "may")
            when = _TIME_PHRASE.search(sentence[max(0, match.start() - 25): match.start()])
            if when and past is None:
                past = bool(_PAST.search(sentence)) and not _FUTURE.search(sentence)
            if when and past:
                return f"the text reports {year} as past, after the dateline {published.isoformat()}"
            if month_named and year >= published.year + 2:
                return f"the text names a month of {year}, years after the dateline {published.isoformat()}"
    return None
