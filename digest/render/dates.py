"""Dates as feeds need them (dates in words are `digest.language.times.show_date`)."""

from __future__ import annotations


def atom_time(value: str) -> str:
    """A YYYY-MM-DD date as an RFC 3339 instant (midnight UTC), as Atom feeds need."""
    return f"{value}T00:00:00Z"


PAGE_DATES = ("1970-01-01", "2106-02-07")
"""The dates mkdocs can stamp on a page: it writes the newest into the sitemap's gzip header, whose 32-bit
Unix time starts in 1970 and ends in 2106."""


def page_date(value: str) -> str:
    """A content date (YYYY-MM-DD) as a page's update date for mkdocs, brought into `PAGE_DATES`: a site whose
    articles are all older than 1970 would otherwise fail to build."""
    return min(max(value, PAGE_DATES[0]), PAGE_DATES[1])
