"""Dates as feeds need them (dates in words are `digest.language.times.show_date`)."""

from __future__ import annotations


def atom_time(value: str) -> str:
    """A YYYY-MM-DD date as an RFC 3339 instant (midnight UTC), as Atom feeds need."""
    return f"{value}T00:00:00Z"
