"""Floors that never drop: the figures `make eval` has reached, checked on every run (as trafilatura gates its F1).

`eval/floors.yml` holds, per run kind (`full`, `quick`), figures that must stay at least (`at_least`) or at most
(`at_most`) a value. A change that raises a figure raises its floor in the same commit (`--update-floors`, which
only ever tightens). Figures "a/b" count as the fraction a/b.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import yaml

FLOORS_FILE = Path(__file__).resolve().parents[1] / "floors.yml"
DIGITS = 4
FLOORED_PREFIXES = ("cleaning.", "timeline.", "summary.", "contested.", "seeds.", "citations.")
"""Figures of the digest itself; baselines and CPU seconds are reported, not floored."""
AT_MOST = ("failures", "seeds.timeline_forbidden")
"""Figures where less is better."""
NOT_FLOORED = (".pages", ".points", ".required", ".references", ".articles", "seeds.timeline_entries",
               "seeds.contested_points", "seeds.summary_words", ".located", ".shown", ".cited", ".supports",
               ".pairs")
"""Counts that describe the run rather than its quality."""


def as_number(value: float | str) -> float | None:
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, int | float):
        return float(value)
    numerator, slash, denominator = str(value).partition("/")
    try:
        return float(numerator) / float(denominator) if slash and float(denominator) else float(value)
    except ValueError:
        return None


POOLED_ONLY = ("timeline.", "summary.", "contested.", "citations.")
"""Parts floored only as a whole (`timeline.date_f1`), not per story or topic (`timeline.H1N1.date_f1`): one
correct reading can swap one story's sentence or date and move its figure either way, while a method that helps
news in general shows in the pooled figure. Per-story figures are printed for reading, never floored."""
NOT_IN_QUICK = ("timeline.", "summary.", "citations.")
"""The quick run analyses one story: a smoke test of those parts, whose figures it prints but does not floor."""


def floored(name: str, kind: str = "full") -> bool:
    if not name.startswith(FLOORED_PREFIXES) or name.endswith(NOT_FLOORED) or name in NOT_FLOORED:
        return False
    if name.startswith(POOLED_ONLY) and name.count(".") > 1:
        return False
    return not (kind == "quick" and name.startswith(NOT_IN_QUICK))


@dataclass(frozen=True, slots=True)
class Breach:
    figure: str
    value: float | None
    bound: float
    at_most: bool

    def __str__(self) -> str:
        if self.value is None:
            return f"{self.figure}: not measured (floor {self.bound})"
        relation = "above its ceiling" if self.at_most else "below its floor"
        return f"{self.figure}: {self.value:.{DIGITS}f} is {relation} {self.bound}"


def load(kind: str, path: Path = FLOORS_FILE) -> dict[str, dict[str, float]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
    section = (data or {}).get(kind) or {}
    return {"at_least": dict(section.get("at_least") or {}), "at_most": dict(section.get("at_most") or {})}


def check(figures: dict[str, float | str], kind: str, path: Path = FLOORS_FILE) -> list[Breach]:
    """Every floor the figures break (a floored figure that was not measured breaks its floor too)."""
    bounds = load(kind, path)
    breaches = []
    for direction, limits in bounds.items():
        at_most = direction == "at_most"
        for name, bound in sorted(limits.items()):
            value = as_number(figures[name]) if name in figures else None
            if value is None or (value > bound if at_most else value < bound):
                breaches.append(Breach(name, value, bound, at_most))
    return breaches


def update(figures: dict[str, float | str], kind: str, path: Path = FLOORS_FILE) -> list[str]:
    """Raise (never lower) the floors to the figures measured; returns what moved."""
    data = (yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None) or {}
    bounds = load(kind, path)
    moved = []
    for limits in bounds.values():  # floors of figures no longer floored (see `floored`) go
        for name in [name for name in limits if not floored(name, kind)]:
            moved.append(f"{name}: {limits.pop(name)} -> not floored")
    for name, raw in sorted(figures.items()):
        value = as_number(raw)
        if value is None or not floored(name, kind):
            continue
        at_most = name.endswith(AT_MOST) or name in AT_MOST
        limits = bounds["at_most" if at_most else "at_least"]
        rounded = (math.ceil if at_most else math.floor)(value * 10**DIGITS) / 10**DIGITS
        old = limits.get(name)
        if old is None or (rounded < old if at_most else rounded > old):
            limits[name] = rounded
            moved.append(f"{name}: {old} -> {rounded}")
    data[kind] = {direction: dict(sorted(limits.items())) for direction, limits in bounds.items() if limits}
    header = ("# Floors of `make eval` (eval/harness/floors.py): figures reached, which no change may lower.\n"
              "# Raise them with `make eval-update` in the commit that raises a figure; never edit one down.\n")
    path.write_text(header + yaml.safe_dump(data, sort_keys=True, width=120), encoding="utf-8")
    return moved
