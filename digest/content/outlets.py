"""Outlet names: one spelling per outlet, and no name that only looks like another.

The digest counts outlets ("3 articles from 3 outlets") and trusts a claim more when several report it, so an
outlet spelled with an invisible character, or with a Cyrillic letter that looks Latin, would count as a second
outlet. Names are normalised on reading (NFKC, zero-width and bidi controls removed) and `digest check` reports a
name of a topic that looks like another of its names but is written with other characters (Unicode's confusables,
from the confusable_homoglyphs package).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from digest import yamlsafe
from digest.content.fields import split_front_matter
from digest.model import Article, Problem

_INVISIBLE = re.compile(r"[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
                        r"\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]")
"""Zero-width characters, joiners, bidi marks and controls, variation selectors and fillers: nothing a reader sees."""


def clean_name(value: str) -> str:
    """A name as it reads: NFKC (full-width and compatibility letters as plain ones), invisible characters
    removed, runs of spaces as one space."""
    return " ".join(_INVISIBLE.sub("", unicodedata.normalize("NFKC", value)).split())


@lru_cache(maxsize=1)
def _confusables() -> dict[str, list[dict[str, str]]]:
    from confusable_homoglyphs.confusables import confusables_data

    return confusables_data  # type: ignore[no-any-return]


@lru_cache(maxsize=4096)
def _skeleton(name: str) -> str:
    """Each character as the first (lowest) of the characters it can be confused with, folded: two names with one
    skeleton look alike."""
    table = _confusables()
    return "".join(min([char] + [glyph["c"] for glyph in table.get(char, ())]) for char in name).casefold()


def _keys(name: str) -> tuple[str, str, str]:
    # Look-alikes hold in one case or the other ("ВВС"/"BBC" in capitals, "l"/"I" as written): try all three.
    return _skeleton(name), _skeleton(name.upper()), _skeleton(name.lower())


def _difference(name: str, other: str) -> str:
    odd = [char for char in dict.fromkeys(name) if char not in other and char.casefold() not in other.casefold()]
    return ", ".join(f"U+{ord(char):04X} {unicodedata.name(char, 'unnamed character')}" for char in odd[:3])


def key_line(path: Path, key: str) -> int:
    """The line of `key` in an article file's front matter (1 when it cannot be read): for problems found after
    the files were read."""
    try:
        head, _, _ = split_front_matter(path.read_text(encoding="utf-8"))
        data = yamlsafe.load(head or "")
    except (OSError, UnicodeDecodeError, yamlsafe.YamlError):
        return 1
    return data.line_of(key) + 1 if isinstance(data, yamlsafe.LineDict) else 1


def lookalike_problems(articles: Iterable[Article]) -> list[Problem]:
    """An error for each article whose outlet looks like an outlet another article of the topic names, but is
    written with other characters (names that differ only in case are one outlet: not reported)."""
    problems: list[Problem] = []
    first: list[dict[str, tuple[str, Article]]] = [{}, {}, {}]
    for article in sorted(articles, key=lambda article: article.id):
        name = article.meta.outlet
        if not name:
            continue
        for seen, key in zip(first, _keys(name), strict=True):
            other, where = seen.setdefault(key, (name, article))
            if other.casefold() != name.casefold():
                problems.append(Problem(article.path, key_line(article.path, "outlet"),
                                        f"outlet {name!r} looks like {other!r} ({where.path.name}) but is written with "
                                        f"other characters ({_difference(name, other)}): write the outlet the same "
                                        "way in every article, or give it a name that does not look alike"))
                break
    return problems
