"""Contested points: where the sources disagree, each side shown with the sentences behind it.

Five detectors, one module each, reading general cues of news prose (`digest.analysis.cues`):

- `numbers`: one figure described as different things, or one count given as different figures;
- `timing`: one event placed at different dates;
- `denial`: a claim reported with its denial (in one sentence, or across sentences);
- `stance`: different actors taking opposite positions on the same thing;
- `framing`: outlets characterising the same fact in opposite terms.

Each detector only proposes a point when its cue is explicit, and reads each distinct
sentence once: copies printed by many outlets are compared as one group (`base.copies`),
so a topic of near-identical articles costs no more than its distinct sentences. Here the
proposals are widened to every outlet reporting a side, ranked (kind, cross-outlet,
evidence), and a sentence serves one point of a kind only, the strongest.
"""

from __future__ import annotations

from digest.analysis.contested.base import Candidate, CandidateSide, outlets, unique
from digest.analysis.contested.denial import denial_candidates, discredited_candidates, withdrawn_candidates
from digest.analysis.contested.exchange import exchange_candidates
from digest.analysis.contested.framing import framing_candidates, naming_candidates, verdict_candidates
from digest.analysis.contested.numbers import number_candidates
from digest.analysis.contested.stance import speaker_key, stance_candidates
from digest.analysis.contested.timing import date_candidates
from digest.analysis.corpus import Corpus
from digest.analysis.grouping import FactGroup, Support
from digest.analysis.ids import point_id
from digest.model import QUOTED, Cited, ContestedPoint, ContestedSide

KIND_STRENGTH = {"denial": 1.0, "number": 0.9, "stance": 0.8, "date": 0.75, "framing": 0.7}
"""How sure each kind of evidence makes us that sources really disagree."""
CROSS_OUTLET_BONUS = 0.3
"""A disagreement between outlets weighs more than two voices quoted by one outlet."""
SOURCE_BONUS = 0.05
"""Each further outlet behind a point (up to four) adds this much."""
EVIDENCE_WEIGHT = 0.2
"""Weight of what the sides share beyond their cue."""

_Key = tuple[str, int]


def _expand(candidate: Candidate, support: Support) -> None:
    """Add to each side the other outlets' sentences that report the same fact as its quoted sentence."""
    if not candidate.expand:
        return
    taken = {(sentence.article, sentence.ref.index) for side in candidate.sides for sentence in side.sentences}
    for side in candidate.sides:
        extra = []
        quoted = side.sentences[0]
        for sentence in side.sentences:
            for member in support.group(sentence):
                key = (member.article, member.ref.index)
                if key not in taken and support.kind(quoted, member):
                    taken.add(key)
                    extra.append(member)
        side.sentences = unique(side.sentences + extra)


def score(candidate: Candidate) -> float:
    """Kind strength, plus a bonus when outlets disagree with each other, plus sources and evidence."""
    side_outlets = [outlets(side.sentences) for side in candidate.sides]
    every = set().union(*side_outlets)
    cross = len(every) > 1 and any(a != b for a in side_outlets for b in side_outlets)
    return (KIND_STRENGTH[candidate.kind] + CROSS_OUTLET_BONUS * cross + SOURCE_BONUS * min(4, len(every))
            + EVIDENCE_WEIGHT * min(1.0, candidate.evidence))


def _point(candidate: Candidate, support: Support) -> ContestedPoint:
    sides = tuple(ContestedSide(label=side.label.strip(), claim=_side_cited(side, support))
                  for side in candidate.sides)
    return ContestedPoint(
        id=point_id(candidate.kind, sorted(side.claim.text for side in sides)),
        kind=candidate.kind, title=candidate.title[:1].upper() + candidate.title[1:], sides=sides,
        score=round(score(candidate), 6))


def _side_cited(side: CandidateSide, support: Support) -> Cited:
    """A side cited to its quoted sentence and to the other sentences of the side that support it (tested
    against it as every citation is: a detector's side may hold sentences that only share its cue)."""
    quoted = side.sentences[0]
    kinds = [(quoted, QUOTED)]
    for sentence in side.sentences[1:]:
        kind = support.kind(quoted, sentence) if sentence.ref != quoted.ref else None
        if kind:
            kinds.append((sentence, kind))
    return Cited(text=side.text or quoted.text, sources=tuple(dict.fromkeys(sentence.article for sentence, _ in kinds)),
                 refs=tuple(sentence.ref for sentence, _ in kinds), support=tuple(kind for _, kind in kinds))


def _same_disagreement(kind: str, sides: list[set[_Key]], kept_kind: str, kept: list[set[_Key]]) -> bool:
    """Two points are one when they oppose the same sentences, or (but for figures, of which a
    sentence may give several) when they are of one kind and share a sentence."""
    shared = sum(any(side & other for other in kept) for side in sides)
    return shared >= 2 or (shared >= 1 and kind == kept_kind and kind != "number")


def _voices(candidate: Candidate) -> tuple[str, ...]:
    """Who speaks on each side, as the point labels them (lower-case), unless the detector says otherwise."""
    return candidate.voices or tuple(side.label.strip().lower() for side in candidate.sides)


def _one_voice_each(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    """Whether two stances' sides are the same voices, side by side: equal labels, or one label's name words within
    the other's ("Prime Minister Jean-Max Bellerive" and "Haitian Prime Minister Jean-Max Bellerive"). Not for
    denials: one man denies many claims of one accuser, each its own point."""
    if len(first) != len(second):
        return False
    for one, other in zip(first, second, strict=True):
        keys = speaker_key(one), speaker_key(other)
        if one != other and not (keys[0] and keys[1] and (keys[0] <= keys[1] or keys[1] <= keys[0])):
            return False
    return True


def find_contested(corpus: Corpus, groups: tuple[FactGroup, ...],
                   support: Support | None = None) -> tuple[ContestedPoint, ...]:
    """Every contested point of the topic, strongest first."""
    support = support if support is not None else Support.of(corpus, groups)
    candidates = (denial_candidates(corpus) + number_candidates(corpus) + stance_candidates(corpus)
                  + date_candidates(corpus) + framing_candidates(corpus) + exchange_candidates(corpus)
                  + withdrawn_candidates(corpus) + discredited_candidates(corpus) + verdict_candidates(corpus)
                  + naming_candidates(corpus))
    for candidate in candidates:
        _expand(candidate, support)
    ranked = sorted(candidates, key=lambda candidate: (-score(candidate), candidate.kind, candidate.title))
    kept: list[tuple[Candidate, list[set[_Key]]]] = []
    for candidate in ranked:
        sides = [{(sentence.article, sentence.ref.index) for sentence in side.sentences} for side in candidate.sides]
        if any(_same_disagreement(candidate.kind, sides, other.kind, other_sides) for other, other_sides in kept):
            continue
        same_voices = next((other for other, _ in kept if _voices(other) == _voices(candidate)
                            or (candidate.kind == other.kind == "stance"
                                and _one_voice_each(_voices(other), _voices(candidate)))), None)
        if same_voices is not None and candidate.kind == same_voices.kind:
            for side, other_side in zip(candidate.sides, same_voices.sides, strict=True):
                other_side.sentences = unique(other_side.sentences + side.sentences)
                if side.label.lower() not in other_side.label.lower():
                    other_side.label = f"{other_side.label}; {side.label}"  # two attackers of one remark
            continue  # the same voices again (another article's wording): one point, more sources
        kept.append((candidate, sides))
    points = [_point(candidate, support) for candidate, _ in kept]
    return tuple({point.id: point for point in points}.values())
