#!/usr/bin/env python3
"""Draw the citation pairs to judge (pairs.yml beside this script) from the digests `make eval` wrote, or show them.

    python eval/annotations/citations/draw.py [--commit HASH]   # draw; pairs.yml keeps its pairs, adds new ones
    python eval/annotations/citations/draw.py --show [ID ...] [--unjudged]   # print pairs with their sentences

Run `make eval` first: it writes each Timeline17 story's digest to eval/out/digests/<story>.json and keeps its
imported articles in eval/out/stories/<story>/content/; the seed topic is content/us-led-coalition-iraq and its
digest eval/out/digests/seeds.json. The draw is deterministic (fixed seed, everything sorted), so the same digests
give the same pairs. Per story, from the digest's citations (a claim: the quoted sentence of a citation):
- linked pairs: the claim and one of the other sentences the citation refs, summary first, then the timeline
  entries the page shows (the heaviest), then other timeline entries, then contested sides;
- near misses for the same claims: a sentence of an article the claim is not cited to, sharing with the claim a
  date expression, a number or capitalised names; among those, one of the three with most content words in common
  (the near misses a grouping is most likely to take for support).
Nothing of the corpus is written: pairs name sentences by locators into ../shared (see harness/citations.py).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from harness.citations import (  # noqa: E402
    PAIRS_FILE,
    SEED_STORY,
    SEED_TOPIC,
    Locating,
    Locator,
    Pair,
    load_pairs,
    locator_text,
    overlap,
    raw_path,
    words,
)
from harness.data import REPO  # noqa: E402

SEED = 14
"""The random seed (the issue's number)."""
OUT = REPO / "eval" / "out"
LINKED = {"summary": 16, "timeline": 24, "contested": 8}
"""Linked pairs per Timeline17 story, by where the claim is shown; a short share is made up by the next."""
NEAR = 32
"""Near misses per Timeline17 story."""
SEED_NEAR = 20
"""Near misses of the seed topic (its linked pairs are all taken: it has few)."""
SHOWN_TIMELINE = 12
"""Timeline entries the page shows (the heaviest), drawn before the others."""
KINDS = ("same-number", "same-date", "same-names")
MIN_WORDS = 6
"""Shorter sentences (datelines, captions, headings) are not drawn as near misses."""

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|" \
         r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})\b|\b(\d{{1,2}})\s+{_MONTH}\b")
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(?:\d{{1,2}},?\s+)?((?:19|20)\d\d)\b")
_YEAR = re.compile(r"\b((?:19|20)\d\d)s?\b")
_NUMBER = re.compile(r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)")
_NAME = re.compile(r"\b([A-Z][\w'\u2019-]*[a-z][\w'\u2019-]*|[A-Z]{2,})\b")
_STOP = {"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "is",
         "are", "was", "were", "be", "been", "being", "has", "have", "had", "it", "its", "this", "that", "these",
         "those", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "not", "no", "said", "says",
         "say", "will", "would", "could", "should", "may", "might", "can", "also", "than", "then", "there", "here",
         "who", "whom", "which", "what", "when", "where", "while", "after", "before", "about", "over", "into", "up",
         "out", "more", "most", "some", "any", "all", "one", "two", "three", "new", "last", "first", "year", "years",
         "day", "days", "week", "month", "per", "cent", "percent", "mr", "mrs", "ms"}
_NOT_NAMES = {"The", "A", "An", "In", "On", "At", "But", "And", "It", "He", "She", "They", "We", "I", "This", "That",
              "Mr", "Mrs", "Ms", "Dr", "If", "As", "For", "Of", "To", "By", "With", "After", "When", "There", "His",
              "Her", "Their", "Its", "Our", "Some", "One", "BST", "GMT", "AM", "PM", "ET", "EST", "EDT"}


def date_keys(text: str) -> set[str]:
    lower = text.lower()
    keys = {f"weekday {m}" for m in _WEEKDAY.findall(lower)}
    for match in _MONTH_DAY.finditer(lower):
        month = next(name for name in _MONTHS if name.startswith(match.group(0).strip(" .0123456789")[:3]))
        keys.add(f"{month} {int(match.group(1) or match.group(2))}")
    keys |= {f"year {year}" for year in _YEAR.findall(lower)}
    keys |= {f"month {m.group(0).split()[0].rstrip('.')[:3]} {m.group(1)}" for m in _MONTH_YEAR.finditer(lower)}
    return keys


def number_keys(text: str) -> set[str]:
    found = set()
    for number in _NUMBER.findall(text):
        value = number.replace(",", "").rstrip(".")
        if not re.fullmatch(r"(?:19|20)\d\d", value):  # years are date expressions
            found.add(value)
    return found


def name_keys(text: str) -> set[str]:
    """Capitalised words and acronyms, but the sentence's first word, months and weekdays."""
    return {match.group(1) for match in _NAME.finditer(text) if match.start() > 2 and match.group(1) not in _NOT_NAMES
            and match.group(1).lower() not in _MONTHS and not _WEEKDAY.fullmatch(match.group(1).lower())}


def content(text: str) -> Counter[str]:
    return Counter(word for word, count in words(text).items() for _ in range(count) if word not in _STOP)


def cosine(first: Counter[str], second: Counter[str]) -> float:
    common = sum(first[word] * second[word] for word in first.keys() & second.keys())
    norm = math.sqrt(sum(v * v for v in first.values()) * sum(v * v for v in second.values()))
    return common / norm if norm else 0.0


@dataclass(frozen=True, slots=True)
class Features:
    """What a near miss may share with a claim, and its content words for ranking."""

    dates: frozenset[str]
    numbers: frozenset[str]
    names: frozenset[str]
    bag: Counter[str]

    @staticmethod
    def of(text: str) -> Features:
        return Features(frozenset(date_keys(text)), frozenset(number_keys(text)), frozenset(name_keys(text)),
                        content(text))

    def shares(self, kind: str, other: Features) -> bool:
        if kind == "same-date":
            return bool(self.dates & other.dates)
        if kind == "same-number":
            return bool(self.numbers & other.numbers)
        return len(self.names & other.names) >= min(2, len(self.names)) > 0


Key = tuple[str, int]
"""A sentence of the topic: (article id, 1-based index)."""


@dataclass(slots=True)
class Story:
    name: str
    data: dict[str, Any]
    text: dict[Key, str]
    """Our sentences: what the analysis sees."""
    heading: set[Key]
    source: dict[str, str]
    """Each article's raw file."""
    locating: Locating
    features: dict[Key, Features]
    _locators: dict[Key, Locator | None]

    def locator(self, key: Key) -> Locator | None:
        """The sentence's locator in its raw file; None when it does not map back to the same sentence."""
        if key not in self._locators:
            make = _seed_locator if self.name == SEED_STORY else _t17_locator
            self._locators[key] = make(self.source[key[0]], self.text[key], key[1], self.locating)
        return self._locators[key]


@cache
def _line_words(doc: str) -> tuple[tuple[int, Counter[str]], ...]:
    lines = raw_path(doc).read_text(encoding="utf-8", errors="replace").splitlines()
    return tuple((number, words(locator_text(Locator(doc, number))))
                 for number, line in enumerate(lines, start=1) if line.strip())


def _t17_locator(doc: str, sentence: str, index: int, locating: Locating) -> Locator | None:
    """The line of the raw file that holds the sentence; None unless it maps back to the same sentence."""
    target = words(sentence)
    scored = [(overlap(target, bag), number) for number, bag in _line_words(doc)]
    if not scored:
        return None
    best = max(scored, key=lambda item: (item[0], -item[1]))[1]
    locator = Locator(doc, best)
    located = locating.locate(locator)
    return locator if located and index in located.parts else None


def _seed_locator(doc: str, sentence: str, index: int, locating: Locating) -> Locator | None:
    for number, line in enumerate(raw_path(doc).read_text(encoding="utf-8").splitlines(), start=1):
        start = line.find(sentence)
        if start >= 0:
            locator = Locator(doc, number, (start, start + len(sentence)))
            located = locating.locate(locator)
            return locator if located and index in located.parts else None
    return None


def load_story(name: str) -> Story:
    from digest.content import load_topic
    from digest.language.sentences import sentences

    folder = SEED_TOPIC if name == SEED_STORY else OUT / "stories" / name / "content" / name.lower()
    digest_file = OUT / "digests" / f"{name}.json"
    if not folder.is_dir() or not digest_file.exists():
        raise SystemExit(f"{folder} or {digest_file} is missing: run `make eval` first")
    topic, problems = load_topic(folder)
    if problems:
        raise SystemExit(f"{folder}: {problems[0]}")
    text, heading = {}, set()
    for article in topic.articles:
        for sentence in sentences(article.body):
            text[(article.id, sentence.index)] = sentence.text
            if sentence.heading:
                heading.add((article.id, sentence.index))
    return Story(name, json.loads(digest_file.read_text(encoding="utf-8")), text, heading,
                 {article.id: article.meta.source or "" for article in topic.articles}, Locating(topic.articles),
                 {key: Features.of(sentence) for key, sentence in text.items()}, {})


def claims(story: Story) -> Iterator[tuple[str, list[Key]]]:
    """(section, refs) of every citation, in the order readers meet them: summary, the timeline entries the page
    shows, the other timeline entries, contested sides."""
    data = story.data
    for cited in data["summary"]:
        yield "summary", [(r["article"], r["sentence"]) for r in cited["refs"]]
    ranked = sorted(range(len(data["timeline"])), key=lambda i: (-data["timeline"][i]["weight"], i))
    shown = set(ranked[:SHOWN_TIMELINE])
    for position in [*sorted(shown), *(i for i in range(len(data["timeline"])) if i not in shown)]:
        yield "timeline" if position in shown else "timeline-other", \
            [(r["article"], r["sentence"]) for r in data["timeline"][position]["refs"]]
    for point in data["contested"]:
        for side in point["sides"]:
            yield "contested", [(r["article"], r["sentence"]) for r in side["refs"]]


@dataclass(frozen=True, slots=True)
class Drawn:
    story: str
    section: str
    drawn: str
    claim: Locator
    candidate: Locator


def _linked(story: Story, rng: random.Random) -> list[tuple[str, Key, Key]]:
    """(section, claim, candidate): per section its quota of claims, each with one of the sentences it cites."""
    pools: dict[str, list[tuple[Key, list[Key]]]] = {}
    seen: set[Key] = set()
    for section, refs in claims(story):
        claim = refs[0]
        others = [ref for ref in refs[1:] if ref[0] != claim[0]]
        if others and claim not in seen:
            seen.add(claim)
            pools.setdefault(section, []).append((claim, others))

    def one_of(others: list[Key]) -> Key | None:
        """One of the cited sentences at random (one that can be located)."""
        return next((ref for ref in rng.sample(others, len(others)) if story.locator(ref) is not None), None)

    if story.name == SEED_STORY:
        return [(section, claim, other) for section, pool in pools.items() for claim, others in pool
                for other in others if story.locator(claim) and story.locator(other)]
    rest = [("timeline-other", claim, others) for claim, others in pools.get("timeline-other", [])]
    rng.shuffle(rest)
    order = {section: [(section, claim, others) for claim, others in pools.get(section, [])] for section in LINKED}
    order["timeline"] += rest
    chosen: list[tuple[str, Key, Key]] = []
    taken: set[Key] = set()
    spare = 0
    for section, quota in [*LINKED.items(), ("timeline", 0)]:  # a short last share is made up from the timeline
        want = quota + spare
        for shown_in, claim, others in order[section]:
            if want == 0:
                break
            other = one_of(others) if claim not in taken and story.locator(claim) is not None else None
            if other is not None:
                chosen.append((shown_in, claim, other))
                taken.add(claim)
                want -= 1
        spare = want
    return chosen


def _near(story: Story, claims_drawn: list[tuple[str, Key]], wanted: int, rng: random.Random,
          taken: set[tuple[Key, Key]]) -> list[tuple[str, str, Key, Key]]:
    """(section, kind, claim, candidate): for the claims in turn (shuffled), a sentence of an article the claim
    is not cited to that shares the kind's feature, one of the three with most content words in common; the
    kind drawn least so far is tried first."""
    cited_with: dict[Key, set[Key]] = {}
    for _, refs in claims(story):
        for ref in refs:
            cited_with.setdefault(ref, set()).update(refs)
    candidates = [key for key in sorted(story.text) if key not in story.heading
                  and len(story.text[key].split()) >= MIN_WORDS]
    order = list(range(len(claims_drawn)))
    rng.shuffle(order)
    found: list[tuple[str, str, Key, Key]] = []
    for round_ in range(3):
        for turn, position in enumerate(order):
            if len(found) >= wanted:
                return found
            section, claim = claims_drawn[position]
            mine = story.features[claim]
            cited_articles = {ref[0] for ref in cited_with.get(claim, {claim})} | {claim[0]}
            so_far = Counter(kind for _, kind, _, _ in found)
            rotated = [KINDS[(turn + round_ + step) % len(KINDS)] for step in range(len(KINDS))]
            for kind in sorted(rotated, key=lambda kind: so_far[kind]):  # the scarcest kind first
                matches = [key for key in candidates if key[0] not in cited_articles and (claim, key) not in taken
                           and mine.shares(kind, story.features[key])]
                ranked = sorted(matches, key=lambda key: (-cosine(mine.bag, story.features[key].bag), key))
                ranked = [key for key in ranked[:10] if story.locator(key) is not None][:3]
                if ranked:
                    pick = rng.choice(ranked)
                    taken.add((claim, pick))
                    found.append((section, kind, claim, pick))
                    break
    return found


def draw_story(story: Story, rng: random.Random) -> list[Drawn]:
    linked = _linked(story, rng)
    taken = {(claim, other) for _, claim, other in linked}
    if story.name == SEED_STORY:  # it links few: near misses for every claim the digest quotes
        claims_drawn = [(section, refs[0]) for section, refs in claims(story) if story.locator(refs[0]) is not None]
        near = _near(story, list(dict.fromkeys(claims_drawn)), SEED_NEAR, rng, taken)
    else:
        near = _near(story, list(dict.fromkeys((section, claim) for section, claim, _ in linked)), NEAR, rng, taken)

    def at(key: Key) -> Locator:
        locator = story.locator(key)
        assert locator is not None
        return locator

    return ([Drawn(story.name, section, "linked", at(claim), at(other)) for section, claim, other in linked]
            + [Drawn(story.name, section, kind, at(claim), at(other)) for section, kind, claim, other in near])


def _flow(locator: Locator) -> str:
    chars = f", chars: [{locator.chars[0]}, {locator.chars[1]}]" if locator.chars else ""
    return f"{{doc: {json.dumps(locator.doc)}, line: {locator.line}{chars}}}"


def _entry(pid: str, story: str, section: str, drawn: str, claim: Locator, candidate: Locator,
           supports: bool | None, why: str) -> list[str]:
    return [f"- id: {pid}", f"  story: {story}", f"  section: {section}", f"  drawn: {drawn}",
            f"  claim: {_flow(claim)}", f"  candidate: {_flow(candidate)}",
            f"  supports: {'null' if supports is None else str(supports).lower()}",
            f"  why: {json.dumps(why, ensure_ascii=False)}"]


def write(kept: list[Pair], new: list[Drawn], path: Path, commit: str) -> None:
    """The pairs already in the file as they are, then the new ones, unjudged, numbered on from each story's
    last id; each draw that added pairs is named in a `# batch` line of the header."""
    batches = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("# batch ")] \
        if path.exists() else []
    if new:
        batches.append(f"# batch {len(batches) + 1}: {len(new)} pairs drawn by draw.py at commit {commit}, "
                       f"seed {SEED}")
    lines = ["# Citation pairs judged by reading (see README.md beside this file): a digest sentence (claim) and a",
             "# sentence of another article of the same topic (candidate), located in ../shared's raw files.",
             *batches, "pairs:"]
    last: Counter[str] = Counter()
    for pair in kept:
        number = pair.id.rsplit("-", 1)[-1]
        last[pair.story] = max(last[pair.story], int(number) if number.isdigit() else 0)
        lines += _entry(pair.id, pair.story, pair.section, pair.drawn, pair.claim, pair.candidate, pair.supports,
                        pair.why)
    for item in new:
        last[item.story] += 1
        lines += _entry(f"{item.story}-{last[item.story]:03d}", item.story, item.section, item.drawn, item.claim,
                        item.candidate, None, "")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def show(ids: list[str], unjudged: bool) -> None:
    for pair in load_pairs():
        if (ids and pair.id not in ids) or (unjudged and pair.supports is not None):
            continue
        print(f"== {pair.id} [{pair.drawn}] supports={pair.supports} {pair.why}")
        for role, locator in (("CLAIM", pair.claim), ("CAND ", pair.candidate)):
            print(f"  {role} {locator}: {locator_text(locator)}")
        for label, step in (("before", -1), ("after", 1)):
            print(f"        ({label}: {_neighbour(pair.candidate, step)[:160]})")


def _neighbour(locator: Locator, step: int) -> str:
    """The nearest non-blank line before (step -1) or after (step 1) the located one."""
    last = len(raw_path(locator.doc).read_text(encoding="utf-8", errors="replace").splitlines())
    lines = range(locator.line + step, 0 if step < 0 else last + 1, step)
    return next((text for line in lines if (text := locator_text(Locator(locator.doc, line)))), "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", nargs="*", metavar="ID", help="print the pairs (all, or those named) to judge them")
    parser.add_argument("--unjudged", action="store_true", help="with --show: only pairs not judged yet")
    parser.add_argument("--commit", default="", help="the commit of this script, recorded in pairs.yml")
    args = parser.parse_args(argv)
    if args.show is not None:
        show(args.show, args.unjudged)
        return 0
    kept = load_pairs() if PAIRS_FILE.exists() else []
    known = {(pair.story, pair.claim, pair.candidate) for pair in kept}
    rng = random.Random(SEED)
    new: list[Drawn] = []
    for name in ("Finan", "H1N1", "IraqWar", "MJ", "haiti", SEED_STORY):
        picked = draw_story(load_story(name), rng)
        fresh = [item for item in picked if (item.story, item.claim, item.candidate) not in known]
        kinds = Counter(item.drawn for item in picked)
        print(f"{name}: {len(picked)} pairs drawn {dict(sorted(kinds.items()))}, {len(fresh)} of them new")
        new += fresh
    PAIRS_FILE.parent.mkdir(parents=True, exist_ok=True)
    write(kept, new, PAIRS_FILE, args.commit or "(uncommitted)")
    print(f"{PAIRS_FILE}: {len(kept)} pairs kept as they were, {len(new)} new ones to judge")
    return 0


if __name__ == "__main__":
    sys.exit(main())
