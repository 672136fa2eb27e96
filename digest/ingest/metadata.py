"""Metadata hidden in a page's visible text: datelines, bylines, wire credits, title suffixes, self-naming."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from datetime import date

_MONTHS = {name: number for number, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
    ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
    ("dec", "december")), start=1) for name in names}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|urday)?\.?,?\s+)?"
_DATE_PATTERNS = (
    re.compile(_WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{2})\b", re.I),
    re.compile(_WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH
               + r",?\s+(?P<year>(?:19|20)\d{2})\b", re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d{2})[-/.](?P<monthnum>\d{1,2})[-/.](?P<day>\d{1,2})\b"),
)
_DATE_PREFIX = re.compile(r"^(?:(?:first\s+)?published|posted|updated|last updated|modified|date|dated)"
                          r"(?:\s+(?:on|at))?\s*:?\s*", re.I)
_TIME = re.compile(r"\b(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[a-z]{2,4}\b)?|\b\d{1,2}\s*[ap]\.?m\.?\b"
                   r"|\b(?:gmt|utc|[a-z]{1,2}[sd]t)\b(?:[+-]\d{1,2})?", re.I)
_BYLINE = re.compile(r"^(?:by|written by|posted by|words by|story by|author\s*:|reporter\s*:)\s+"
                     r"(?P<names>[^\d].{1,120})$", re.I)
_NAME = re.compile(r"^(?:(?:[A-Z][\w'’.-]*|al-\w+|de|van|von|bin|da|la|le)\s*){2,5}$")
_REPORTING = re.compile(r"^\(?\s*((?:additional\s+)?(?:reporting|writing|editing|compiled|produced|research)"
                        r"\s+by\b.*?)\s*\)?$", re.I)
_CREDIT = re.compile(r"^(?:(?:photo|image|picture|video|cover|header|featured image|main image)\s+)?"
                     r"credits?\s*:\s*(?P<value>.+)$", re.I)
_STOCK = re.compile(r"photo|image|picture|getty|shutterstock|deposit|istock|alamy|unsplash|pexels|pixabay|"
                    r"wikimedia|wikipedia|creative commons|\bcc[- ]by\b|\bap\b|\bafp\b|\bepa\b|/|file|handout|"
                    r"courtesy|screenshot|screengrab|twitter|x\.com|instagram|facebook|youtube", re.I)
_HANDLE = re.compile(r"(?<![\w@.])@([A-Za-z0-9_]{2,30})\b")
SITE_BLURB = (r"^(?P<blurb>(?:[A-Z][\w'’.&-]*\s+){0,4}[A-Z][\w'’.&-]*)\s+is an? (?:[\w-]+\s+){0,3}"
              r"(?:independent|non-?profit|award-winning|digital|online|daily|weekly|local|global|leading)\s+"
              r"(?:[\w-]+\s+){0,2}(?:news|newspaper|media|publication|outlet|magazine|website|site|platform|"
              r"organi[sz]ation)\b")
"""A site describing itself ("The Harbour Herald is an independent news site ...")."""
_SELF_NAMED = (
    re.compile(r"^(?i:more\s+(?:from|on|at))\s+(?P<name>(?:the\s+)?[A-Z][\w&'’.]*(?:\s+[A-Z][\w&'’.]*){0,5})\s*(?:[–—:|-]|$)"),
    re.compile(r"^(?i:subscribe\s+to)\s+(?P<name>[A-Z][\w&'’.]*(?:\s+[A-Z][\w&'’.]*){0,5})"
               r"(?:'s)?\s+(?i:for|to|and|newsletter|on)\b"),
    re.compile(r"^(?:©|\(c\)|(?i:copyright)\s*(?=©|(?:19|20)\d{2}))\s*(?:©\s*)?"
               r"(?:(?:19|20)\d{2}\s*(?:[-–]\s*(?:19|20)\d{2})?\s*)?,?\s*"
               r"(?P<name>[A-Z][\w&'’.]*(?:\s+[A-Z][\w&'’.]*){0,5}?)\s*(?:\.|,|(?i:all rights)|$)"),
    re.compile(SITE_BLURB),
)
_FUTURE = re.compile(r"\b(?:will|would|expected|expects|expecting|plans?|planned|planning|scheduled|set to|could|may|"
                     r"might|aims?|aiming|targets?|by|until|through|forecasts?|projected|deadline|due|should|"
                     r"intends?|hopes?|before)\b", re.I)
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_TIME_PHRASE = re.compile(r"\b(?:in|during|since|on|early|late|mid|of)\b[^.;]*$", re.I)
_PAST = re.compile(r"\b(?:was|were|had|did|said|killed|won|lost|took|began|came|went|became|left|held|met|saw|"
                   r"made|gave|fell|rose|fought|struck|\w{3,}ed)\b", re.I)


def parse_date(text: str) -> date | None:
    """The first calendar date written in `text` (e.g. "DECEMBER 9, 2022", "9 Dec 2022", "2022-12-09")."""
    match = find_date(text)
    return match[0] if match else None


def find_date(text: str) -> tuple[date, int, int] | None:
    """First date in `text` with its span, or None."""
    best: tuple[date, int, int] | None = None
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            parts = match.groupdict()
            month = _MONTHS[parts["month"].lower()] if parts.get("month") else int(parts["monthnum"])
            try:
                found = date(int(parts["year"]), month, int(parts["day"]))
            except ValueError:
                continue
            if best is None or match.start() < best[1]:
                best = (found, match.start(), match.end())
            break
    return best


def dateline(line: str) -> date | None:
    """The date of a line that says little but a date ("DECEMBER 9, 2022", "Published: 9 Dec 2022 10:00 GMT")."""
    found = find_date(line)
    if found is None:
        return None
    rest = line[: found[1]] + " " + line[found[2]:]
    rest = _TIME.sub(" ", _DATE_PREFIX.sub("", rest.strip()))
    rest = re.sub(r"(?:^|\s)by\s+.*$", " ", rest, flags=re.I) if byline_after_date(line) else rest
    words = re.findall(r"[A-Za-z]{2,}", rest)
    return found[0] if len(words) <= 2 else None


def byline(line: str) -> str | None:
    """Author names from a byline ("By Jane Doe and John Roe"), or None."""
    match = _BYLINE.match(line.strip())
    if not match:
        return None
    names = re.split(r"\s*(?:\||•|·|,\s*(?=(?:19|20)\d{2}|updated|published)).*$", match["names"], maxsplit=1)[0]
    names = names.strip(" ,;:-–—")
    parts = [part for part in re.split(r"\s*(?:,|;|&|\band\b)\s*", names) if part]
    if parts and all(_NAME.match(part) for part in parts):
        return names
    return None


def byline_after_date(line: str) -> str | None:
    """The author of a "Posted on March 3, 2023 by Sam Writer" line."""
    match = re.search(r"(?:^|\s)(by\s+.*)$", line, flags=re.I)
    return byline(match.group(1)) if match and find_date(line[: match.start()]) else None


def wire_credit(line: str) -> str | None:
    """A reporting credit: "Credit: A; B;C" naming people, or "Reporting by A; Editing by B"."""
    text = line.strip()
    reporting = _REPORTING.match(text)
    if reporting:
        return re.sub(r"\s*;\s*", "; ", reporting.group(1).strip())
    credit = _CREDIT.match(text)
    if not credit or re.match(r"^(?:photo|image|picture|video|cover|header|featured|main)\b", text, re.I):
        return None
    value = credit["value"].strip().rstrip(".")
    if _STOCK.search(value):
        return None
    names = [name.strip() for name in re.split(r"[;,]|\band\b", value) if name.strip()]
    if names and all(_NAME.match(name) and len(name.split()) >= 2 for name in names):
        return "; ".join(names)
    return None


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


def photo_credit(line: str) -> bool:
    """A credit line that names a photo agency or stock library rather than reporters."""
    return bool(_CREDIT.match(line.strip())) and wire_credit(line) is None


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
            month_named = any(name in before for name in _MONTHS if len(name) > 3 or name == "may")
            when = _TIME_PHRASE.search(sentence[max(0, match.start() - 25): match.start()])
            if when and past is None:
                past = bool(_PAST.search(sentence)) and not _FUTURE.search(sentence)
            if when and past:
                return f"the text reports {year} as past, after the dateline {published.isoformat()}"
            if month_named and year >= published.year + 2:
                return f"the text names a month of {year}, years after the dateline {published.isoformat()}"
    return None
