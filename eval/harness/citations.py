"""Citation quality on a judged set of our own: does the sentence a citation lands on say what the cited sentence says?

`eval/annotations/citations/pairs.yml` holds pairs of sentences of one topic (a digest sentence, the "claim", and a
sentence of another article, the "candidate"), each judged by reading: supports, or not (the README beside it says
how they were drawn and judged). Sentences are located in the raw files of `../shared`, never by our own sentence
numbers, so the set outlives changes to the splitter and to the import:
- Timeline17: `{doc: <Story>_<outlet>-<YYYY-MM-DD>-<doc>.txt, line: N}`, the N-th line (1-based) of the InputDocs
  file, which holds one sentence (PTB-tokenised);
- seeds: `{doc: <seed file>, line: N, chars: [start, end]}`, characters start..end (0-based, end excluded) of the
  N-th line of `../shared/seeds/<seed file>`, whose lines are paragraphs.

Scoring maps each locator to our sentences of the imported article whose `source` is the doc (the best overlap of
normalised words; a line our splitter cut in two maps to both parts), asks a predicate `cited(claim, candidate)`
for each pair, and reports precision (share of cited pairs judged "supports") and recall (share of "supports" pairs
that are cited). The predicate used by `make eval` reads the digest: a pair is cited when some citation whose refs
include the claim sentence also refs the candidate sentence.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from harness.data import OWN_ANNOTATIONS, REPO, SHARED, Collected, Section

PAIRS_FILE = OWN_ANNOTATIONS / "citations" / "pairs.yml"
SEED_STORY = "seeds"
"""The story name of the seed topic's pairs."""
SEED_TOPIC = REPO / "content" / "us-led-coalition-iraq"
MIN_OVERLAP = 0.5
"""Least word F1 between a located line and our sentence: below it, the line counts as not found."""
T17_DOC = re.compile(r"^(?P<folder>(?P<story>[A-Za-z0-9]+)_[a-z]+)-(?P<date>\d{4}-\d{2}-\d{2})-(?P<doc>\d+)\.txt$")
_WORD = re.compile(r"[^\W_]+")
_REQUIRED = {"id", "story", "claim", "candidate", "drawn", "supports"}
_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


@dataclass(frozen=True, slots=True)
class Locator:
    """A sentence of a raw file of `../shared`, independent of our sentence splitter."""

    doc: str
    """The raw file: a Timeline17 document as the shared gold files name it, or a seed file."""
    line: int
    """1-based line of the file."""
    chars: tuple[int, int] | None = None
    """Seeds only: the sentence's characters within the line (0-based, end excluded); None for the whole line."""

    def __str__(self) -> str:
        where = f"{self.doc}:{self.line}"
        return f"{where}[{self.chars[0]}:{self.chars[1]}]" if self.chars else where


@dataclass(frozen=True, slots=True)
class Pair:
    """A claim and a candidate supporting sentence of another article of the same topic, judged by reading."""

    id: str
    story: str
    """A Timeline17 story (`H1N1`, `MJ`, ...) or `seeds`."""
    claim: Locator
    candidate: Locator
    drawn: str
    """How the pair was drawn: `linked` (the digest cited it) or a near miss (`same-date`, `same-number`, ...)."""
    supports: bool | None
    """The judgement: does the candidate report the claim's main fact? None while unjudged."""
    why: str
    """The reason, in a few words."""
    section: str = ""
    """Where the digest showed the claim when it was drawn (summary, timeline, timeline-other, contested)."""


class PairsError(ValueError):
    """pairs.yml is malformed: the message names the file and the pair."""


def _locator(value: Any, where: str) -> Locator:
    if not isinstance(value, dict) or not isinstance(value.get("doc"), str) or not isinstance(value.get("line"), int):
        raise PairsError(f"{where}: a locator is {{doc: <file>, line: <1-based line>}}, got {value!r}")
    chars = value.get("chars")
    if chars is not None:
        if not (isinstance(chars, list) and len(chars) == 2 and all(isinstance(c, int) for c in chars)
                and 0 <= chars[0] < chars[1]):
            raise PairsError(f"{where}: chars must be [start, end] with 0 <= start < end, got {chars!r}")
        chars = (chars[0], chars[1])
    unknown = set(value) - {"doc", "line", "chars"}
    if unknown or value["line"] < 1:
        raise PairsError(f"{where}: unknown keys {sorted(unknown)} or a line below 1 in {value!r}")
    return Locator(value["doc"], value["line"], chars)


def load_pairs(path: Path = PAIRS_FILE) -> list[Pair]:
    """The judged pairs; raises PairsError naming the file and the pair on anything malformed."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data.get("pairs"), list):
        raise PairsError(f"{path}: expected a mapping with a list under 'pairs'")
    pairs: list[Pair] = []
    seen: set[str] = set()
    for number, item in enumerate(data["pairs"], start=1):
        where = f"{path}: pair {number}"
        if not isinstance(item, dict):
            raise PairsError(f"{where}: expected a mapping, got {item!r}")
        where = f"{path}: pair {item.get('id', number)!r}"
        missing = _REQUIRED - set(item)
        unknown = set(item) - _REQUIRED - {"why", "section"}
        if missing or unknown:
            raise PairsError(f"{where}: missing keys {sorted(missing)}, unknown keys {sorted(unknown)}")
        if item["id"] in seen:
            raise PairsError(f"{where}: duplicate id")
        seen.add(item["id"])
        if item["supports"] not in (True, False, None):
            raise PairsError(f"{where}: supports must be true, false or null (unjudged), got {item['supports']!r}")
        pairs.append(Pair(str(item["id"]), str(item["story"]), _locator(item["claim"], where),
                          _locator(item["candidate"], where), str(item["drawn"]), item["supports"],
                          str(item.get("why") or ""), str(item.get("section") or "")))
    return pairs


def raw_path(doc: str, shared: Path = SHARED) -> Path:
    """The shared file a locator's doc names."""
    match = T17_DOC.match(doc)
    if match:
        folder = shared / "eval" / "dev" / "Timeline17" / match["folder"] / "InputDocs" / match["date"]
        return folder / f"{match['doc']}.htm.txt"
    return shared / "seeds" / doc


@cache
def _lines(path: Path) -> tuple[str, ...]:
    return tuple(path.read_text(encoding="utf-8", errors="replace").splitlines()) if path.is_file() else ()


def _detokenise(line: str) -> str:
    from harness.t17 import detokenise

    return detokenise(line)


def locator_text(locator: Locator, shared: Path = SHARED) -> str:
    """The located sentence as a reader sees it (Timeline17's tokenisation undone); '' for a missing file or a
    line past its end."""
    lines = _lines(raw_path(locator.doc, shared))
    if locator.line > len(lines):
        return ""
    line = lines[locator.line - 1]
    if locator.chars:
        return line[locator.chars[0]:locator.chars[1]].strip()
    return _detokenise(line.strip()) if T17_DOC.match(locator.doc) else line.strip()


def words(text: str) -> Counter[str]:
    """A bag of normalised words: case, typographic quotes and dashes, and Unicode forms folded."""
    return Counter(_WORD.findall(unicodedata.normalize("NFKC", text).translate(_FOLD).casefold()))


def overlap(first: Counter[str], second: Counter[str]) -> float:
    """Word F1 of two bags."""
    common = sum((first & second).values())
    return 2 * common / (sum(first.values()) + sum(second.values())) if common else 0.0


@dataclass(frozen=True, slots=True)
class Located:
    """Where a locator lands among our sentences of an imported article."""

    article: str
    best: int
    """Our sentence (1-based index) that overlaps the located text most."""
    parts: tuple[int, ...]
    """The run of our sentences that covers the located text (the best alone, unless our splitter cut it)."""


class Locating:
    """Maps locators to our sentences of a topic's articles, found by their `source`."""

    def __init__(self, articles: Iterable[Any], shared: Path = SHARED) -> None:
        from digest.language.sentences import sentences

        self._shared = shared
        self._by_source: dict[str, tuple[str, list[Counter[str]]]] = {}
        for article in articles:
            if article.meta.source:
                bags = [words(sentence.text) for sentence in sentences(article.body)]
                self._by_source[article.meta.source] = (article.id, bags)

    def locate(self, locator: Locator) -> Located | None:
        """The best-overlapping run of our sentences, or None when the doc was not imported or no sentence of
        its article overlaps the text by MIN_OVERLAP."""
        found = self._by_source.get(locator.doc)
        text = locator_text(locator, self._shared) if found else ""
        if not found or not text:
            return None
        article, bags = found
        target = words(text)
        scores = [overlap(target, bag) for bag in bags]
        if not scores or max(scores) < MIN_OVERLAP:
            return None
        best = scores.index(max(scores))
        low = high = best
        covered, score = Counter(bags[best]), scores[best]
        grown = True
        while grown:
            grown = False
            for side in (low - 1, high + 1):
                if 0 <= side < len(bags) and overlap(target, covered + bags[side]) > score:
                    covered += bags[side]
                    score = overlap(target, covered)
                    low, high = min(low, side), max(high, side)
                    grown = True
        return Located(article, best + 1, tuple(range(low + 1, high + 2)))


Ref = tuple[str, int]
"""A sentence of the topic: (article id, 1-based sentence index), as the digest's refs give it."""
Cites = Callable[[Ref, Ref], bool]
"""The predicate under test: does the digest cite the candidate sentence for the claim sentence?"""


def digest_citations(data: Mapping[str, Any]) -> Iterator[list[Ref]]:
    """The refs of every citation of a digest's JSON: summary, timeline, contested sides, cards' only_here."""
    cited = [*data.get("summary", []), *data.get("timeline", [])]
    cited += [side for point in data.get("contested", []) for side in point["sides"]]
    cited += [claim for card in data.get("cards", []) for claim in card["only_here"]]
    for item in cited:
        yield [(ref["article"], ref["sentence"]) for ref in item["refs"]]


class DigestPredicate:
    """The predicate the digest's JSON gives: a pair is cited when some citation whose refs include the claim
    sentence also refs the candidate sentence; a claim is shown when some citation quotes it (its first ref)."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self._with: dict[Ref, set[Ref]] = {}
        self._quoted: set[Ref] = set()
        for refs in digest_citations(data):
            if refs:
                self._quoted.add(refs[0])
            for ref in refs:
                self._with.setdefault(ref, set()).update(refs)

    def cited(self, claim: Ref, candidate: Ref) -> bool:
        return claim != candidate and candidate in self._with.get(claim, ())

    def shown(self, claim: Ref) -> bool:
        return claim in self._quoted


@dataclass(frozen=True, slots=True)
class Outcome:
    """A judged pair looked up in one analysed topic."""

    pair: Pair
    located: str
    """'' when both sentences were found, else what was not."""
    shown: bool
    """The claim sentence is quoted by some citation of the digest."""
    cited: bool
    """The predicate cites the candidate for the claim (any part for any part)."""


def outcomes(pairs: Sequence[Pair], locating: Locating, cites: Cites,
             shown: Callable[[Ref], bool] = lambda ref: False) -> list[Outcome]:
    """Each pair located and put to the predicate; a pair not located is neither shown nor cited."""
    found = []
    for pair in pairs:
        claim, candidate = locating.locate(pair.claim), locating.locate(pair.candidate)
        if claim is None or candidate is None:
            missing = " and ".join(f"{role} {locator}" for role, locator, where in
                                   (("claim", pair.claim, claim), ("candidate", pair.candidate, candidate))
                                   if where is None)
            found.append(Outcome(pair, f"{missing} not found", False, False))
            continue
        claim_refs = [(claim.article, index) for index in claim.parts]
        candidate_refs = [(candidate.article, index) for index in candidate.parts]
        found.append(Outcome(pair, "", any(shown(ref) for ref in claim_refs),
                             any(cites(c, d) for c in claim_refs for d in candidate_refs)))
    return found


def story_outcomes(story: str, articles: Iterable[Any], data: Mapping[str, Any],
                   path: Path = PAIRS_FILE) -> list[Outcome]:
    """The judged pairs of one story, put to the digest's own predicate (runs in a worker)."""
    if not path.exists():
        return []
    pairs = [pair for pair in load_pairs(path) if pair.story == story]
    predicate = DigestPredicate(data)
    return outcomes(pairs, Locating(articles), predicate.cited, predicate.shown)


@dataclass(frozen=True, slots=True)
class Scores:
    """Counts over judged pairs; precision and recall count located pairs only."""

    pairs: int
    located: int
    shown: int
    cited: int
    supports: int
    cited_supports: int

    @property
    def precision(self) -> float | None:
        return self.cited_supports / self.cited if self.cited else None

    @property
    def recall(self) -> float | None:
        return self.cited_supports / self.supports if self.supports else None


def score(found: Iterable[Outcome]) -> Scores:
    judged = [outcome for outcome in found if outcome.pair.supports is not None]
    located = [outcome for outcome in judged if not outcome.located]
    return Scores(pairs=len(judged), located=len(located), shown=sum(o.shown for o in located),
                  cited=sum(o.cited for o in located), supports=sum(bool(o.pair.supports) for o in located),
                  cited_supports=sum(o.cited and bool(o.pair.supports) for o in located))


def _seed_outcomes(story: str) -> dict[str, Any]:
    """The seed topic as the repository holds it, analysed, its pairs put to its digest (runs in a worker)."""
    from digest.analysis import analyse
    from digest.content import load_topic
    from digest.export import to_dict, to_json

    topic, problems = load_topic(SEED_TOPIC)
    if problems:
        raise RuntimeError(f"{SEED_TOPIC}: {[str(problem) for problem in problems[:3]]}")
    digest = analyse(topic)
    return {"story": story, "digest": to_json(digest),
            "citations": story_outcomes(story, topic.articles, to_dict(digest))}


def section(out: Path | None = None) -> Section:
    """The seed topic's pairs (the Timeline17 stories' pairs are looked up where `timelines` analyses them);
    with `out`, the seed digest is written to `out/digests/seeds.json` beside the stories'."""
    return Section("citations", _seed_outcomes, [SEED_STORY], lambda todo, results: _collect_seeds(results, out))


def _collect_seeds(results: list[dict[str, Any]], out: Path | None) -> Collected:
    if out is not None:
        (out / "digests").mkdir(parents=True, exist_ok=True)
        for result in results:
            (out / "digests" / f"{result['story']}.json").write_text(result["digest"], encoding="utf-8")
    return Collected({}, [], tuple(outcome for result in results for outcome in result["citations"]))


def _ratio(numerator: int, denominator: int) -> float | str:
    return numerator / denominator if denominator else "-"


def collect(found: Sequence[Outcome]) -> Collected:
    """Figures `citations.*`: over all pairs looked up, per story and per kind of draw; notes name each pair
    not located, each cited pair judged not to support and each supporting pair not cited."""
    judged = [outcome for outcome in found if outcome.pair.supports is not None]
    notes = [f"{outcome.pair.id}: not judged yet, left out" for outcome in found if outcome.pair.supports is None]
    total = score(judged)
    figures: dict[str, float | str] = {
        "citations.pairs": total.pairs,
        "citations.located": f"{total.located}/{total.pairs}",
        "citations.shown": f"{total.shown}/{total.located}",
        "citations.cited": total.cited,
        "citations.supports": total.supports,
        "citations.precision": total.precision if total.precision is not None else 0.0,
        "citations.recall": total.recall if total.recall is not None else 0.0,
    }
    groups = {f"story.{outcome.pair.story}" for outcome in judged} | {f"drawn.{o.pair.drawn}" for o in judged}
    for group in sorted(groups):
        kind, name = group.split(".", 1)
        part = score(o for o in judged if (o.pair.story if kind == "story" else o.pair.drawn) == name)
        figures[f"citations.{group}.pairs"] = part.pairs
        figures[f"citations.{group}.precision"] = _ratio(part.cited_supports, part.cited)
        figures[f"citations.{group}.recall"] = _ratio(part.cited_supports, part.supports)
    for outcome in judged:
        pair = outcome.pair
        if outcome.located:
            notes.append(f"{pair.id} ({pair.story}): {outcome.located}")
        elif outcome.cited and not pair.supports:
            notes.append(f"{pair.id} ({pair.story}, {pair.drawn}): cited, judged not to support: {pair.why}")
        elif pair.supports and not outcome.cited:
            notes.append(f"{pair.id} ({pair.story}, {pair.drawn}): supports, not cited: {pair.why}")
    return Collected(figures, notes)
