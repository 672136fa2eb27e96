"""Contested points: where the sources disagree, each side shown with the sentences behind it.

Five detectors, each reading general cues of news prose (see `digest.analysis.cues`):

- number: one figure described as different things, or one count given as different figures;
- date: one event placed at different dates;
- denial: a claim reported with its denial (in one sentence, or across sentences);
- stance: different actors taking opposite positions on the same thing;
- framing: outlets characterising the same fact in opposite terms (advisory vs decisive,
  favourable vs damning).

Each detector only proposes a point when its cue is explicit; points are then ranked
(kind, cross-outlet, evidence) and a sentence pair serves one point only, the strongest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.analysis.attribution import find_attributions
from digest.analysis.corpus import Corpus, Unit
from digest.analysis.cues import (
    ACTOR,
    CLAIM_NOUN,
    DENIAL_VERB,
    JUSTIFICATION,
    NEGATIVE_TERMS,
    OPPOSITION,
    POSITIVE_TERMS,
    REVERSAL_NOUNS,
    SPEECH_VERBS,
    STOPWORDS,
    STRONG_ACT,
    WEAK_ACT,
    content_terms,
    stem,
    tokens,
    unquoted,
)
from digest.analysis.curation import stable_id
from digest.analysis.grouping import FactGroup
from digest.model import Cited, ContestedPoint, ContestedSide

KIND_STRENGTH = {"denial": 1.0, "number": 0.9, "stance": 0.8, "date": 0.75, "framing": 0.7}
"""How sure each kind of evidence makes us that sources really disagree."""
CROSS_OUTLET_BONUS = 0.3
"""A disagreement between outlets weighs more than two voices quoted by one outlet."""


@dataclass(slots=True)
class _Side:
    """One side while a point is being built: its label, its sentences and the text it quotes."""

    label: str
    units: list[Unit]
    text: str = ""
    """The quoted text when it is part of a sentence (a claim and its denial in one sentence)."""


@dataclass(slots=True)
class _Candidate:
    kind: str
    title: str
    sides: list[_Side]
    evidence: float
    """0-1: how much the sides share beyond the cue (terms, names, figures)."""
    expand: bool = True
    """Whether sentences that other outlets report the same way may join a side."""


def _statements(corpus: Corpus) -> list[Unit]:
    return [unit for unit in corpus.units if not unit.furniture]


def _previous(corpus: Corpus, unit: Unit) -> Unit | None:
    """The statement before this one in the same article (for "they" and "this presence")."""
    earlier = [other for other in corpus.by_article[unit.article][: unit.position] if not other.furniture]
    return earlier[-1] if earlier else None


def _terms(text: str) -> set[str]:
    """Lower-case content words of a text as written (names are matched separately)."""
    return {stem(word) for word in re.findall(r"(?<![\w.'-])[a-z][a-z-]+", text)
            if word not in STOPWORDS and len(word) > 2}


# -- number ---------------------------------------------------------------------------------

_PREPOSITIONS = ("in", "from", "at", "across", "inside", "within", "on", "into")
_DESCRIPTOR_STOP = {"and", "or", "but", "with", "as", "to", "which", "that", "who", "while", "alongside",
                    "is", "are", "was", "were", "had", "has", "have", "been", "will", "would", "remain", "remains",
                    "after", "before", "since", "by", "for", "of", "in", "from", "at", "on", "including",
                    "amid", "during", "following", "according", "when"}
_CLAUSE_END = re.compile(r"[,;:()\u2014]|(?<![A-Z])\.(?=\s|$)")


@dataclass(frozen=True, slots=True)
class Figure:
    """A number, what it counts, and the phrase that says where or what it is ("in Syria")."""

    value: float
    number: str
    """The number as written ("2,500")."""
    counts: str
    """Counted noun, singular ("troop")."""
    noun: str
    """Counted noun as written ("troops")."""
    phrase: str
    """The descriptive phrase after it, as written ("in Syria"), or ''."""
    terms: frozenset[str]
    """Content words of the phrase."""
    approximate: bool


def figures(unit: Unit) -> list[Figure]:
    """The counted figures of a sentence with their descriptive phrases.

    A number with no noun of its own ("an additional 900 in Syria") counts what the
    sentence's previous figure counts.
    """
    found: list[Figure] = []
    for quantity in unit.quantities:
        counts = quantity.counts
        noun = quantity.text.split()[-1] if counts else ""
        if not counts and found:
            counts, noun = found[-1].counts, found[-1].noun
        if not counts:
            continue
        number = re.search(r"[\d][\d,.]*", quantity.text)
        phrase = _descriptor(unit.text[quantity.end:])
        found.append(Figure(quantity.value, number.group(0) if number else quantity.text, counts, noun, phrase,
                            frozenset(content_terms(phrase) - {stem(p) for p in _PREPOSITIONS}),
                            quantity.approximate))
    return found


def _descriptor(after: str) -> str:
    """The prepositional phrase that places or qualifies a figure: "in Syria", "from multiple countries"."""
    end = _CLAUSE_END.search(after)
    clause = after[: end.start()] if end else after
    words = clause.split()
    for index, word in enumerate(words[:4]):
        lowered = word.lower()
        if lowered in _PREPOSITIONS:
            taken = [word]
            for following in words[index + 1 : index + 5]:
                if following.lower() in _DESCRIPTOR_STOP:
                    break
                taken.append(following)
            return " ".join(taken) if len(taken) > 1 else ""
        if lowered in _DESCRIPTOR_STOP or not lowered.isalpha():
            return ""
    return ""


def _number_candidates(corpus: Corpus) -> list[_Candidate]:
    mentions: dict[str, list[tuple[Figure, Unit]]] = {}
    for unit in _statements(corpus):
        for figure in figures(unit):
            if figure.value >= 10 or figure.counts in ("dollar", "pound", "euro", "percent"):
                mentions.setdefault(figure.counts, []).append((figure, unit))
    candidates = []
    for counts in sorted(mentions):
        items = mentions[counts]
        candidates += _same_figure_described_differently(items)
        candidates += _same_thing_counted_differently(items)
    return candidates


def _outlets(units: list[Unit]) -> set[str]:
    return {unit.outlet for unit in units}


def _same_figure_described_differently(items: list[tuple[Figure, Unit]]) -> list[_Candidate]:
    by_value: dict[float, list[tuple[Figure, Unit]]] = {}
    for figure, unit in items:
        if figure.terms:
            by_value.setdefault(figure.value, []).append((figure, unit))
    candidates = []
    for value in sorted(by_value):
        clusters: list[tuple[set[str], list[tuple[Figure, Unit]]]] = []
        for figure, unit in by_value[value]:
            joined = [cluster for cluster in clusters if cluster[0] & figure.terms]
            merged_terms, merged_items = set(figure.terms), [(figure, unit)]
            for cluster in joined:
                merged_terms |= cluster[0]
                merged_items = cluster[1] + merged_items
                clusters.remove(cluster)
            clusters.append((merged_terms, merged_items))
        if len(clusters) < 2:
            continue
        sides = []
        for _, members in clusters:
            figure = members[0][0]
            sides.append((figure, _Side(label=f"{figure.number} {figure.noun} {figure.phrase}",
                                        units=_unique([unit for _, unit in members]))))
        outlets = [_outlets(side.units) for _, side in sides]
        if len(set().union(*outlets)) < 2 or all(len(o) == 0 for o in outlets):
            continue
        # Only outlets that disagree make a point: one outlet using both phrasings may just say both.
        if all(outlets[0] == other for other in outlets[1:]):
            continue
        first = sides[0][0]
        phrases = " or ".join(figure.phrase for figure, _ in sides)
        candidates.append(_Candidate(
            kind="number", title=f"{first.number} {first.noun}: {phrases}?",
            sides=[side for _, side in sides], evidence=1.0, expand=False))
    return candidates


def _same_thing_counted_differently(items: list[tuple[Figure, Unit]]) -> list[_Candidate]:
    candidates = []
    seen: set[tuple[float, float, str]] = set()
    for index, (figure, unit) in enumerate(items):
        for other, other_unit in items[index + 1 :]:
            if other_unit.outlet == unit.outlet or not figure.terms or not (figure.terms & other.terms):
                continue
            if not _values_differ(figure, other) or _years(unit) != _years(other_unit):
                continue
            low, high = sorted((figure, other), key=lambda f: f.value)
            key = (low.value, high.value, " ".join(sorted(figure.terms)))
            if key in seen:
                continue
            seen.add(key)
            sides = []
            for chosen in (low, high):
                units = [u for f, u in items if f.value == chosen.value and f.terms & chosen.terms]
                sides.append(_Side(label=f"{chosen.number} {chosen.noun}", units=_unique(units)))
            candidates.append(_Candidate(
                kind="number", title=f"{figure.noun} {figure.phrase}: {low.number} or {high.number}?",
                sides=sides, evidence=1.0, expand=False))
    return candidates


def _values_differ(first: Figure, second: Figure) -> bool:
    tolerance = 0.1 if first.approximate or second.approximate else 0.0
    return abs(first.value - second.value) > tolerance * max(first.value, second.value)


def _years(unit: Unit) -> set[str]:
    return {expression.value[:4] for expression in unit.dates if expression.value and not expression.relative}


# -- date -----------------------------------------------------------------------------------

MIN_SHARED_EVENT_TERMS = 3
"""Sentences must share this many content words besides the date to be about the same event."""


def _date_candidates(corpus: Corpus, groups: tuple[FactGroup, ...]) -> list[_Candidate]:
    dated = [(unit, _absolute_dates(unit)) for unit in _statements(corpus)]
    dated = [(unit, values) for unit, values in dated if len(values) == 1]
    candidates = []
    for index, (unit, (value,)) in enumerate(dated):
        for other, (other_value,) in dated[index + 1 :]:
            if other.outlet == unit.outlet or _compatible(value, other_value):
                continue
            shared = _event_terms(unit) & _event_terms(other)
            names = set(unit.names) & set(other.names)
            if len(shared) < MIN_SHARED_EVENT_TERMS or not names:
                continue
            overlap = len(shared) / min(len(_event_terms(unit)), len(_event_terms(other)))
            if overlap < 0.5:
                continue
            ordered = sorted(((value, unit), (other_value, other)), key=lambda pair: pair[0])
            subject = _shared_phrase(unit.text, shared) or " ".join(sorted(shared)[:3])
            candidates.append(_Candidate(
                kind="date", title=f"When {subject}: {ordered[0][0]} or {ordered[1][0]}?",
                sides=[_Side(label=when, units=[member]) for when, member in ordered], evidence=overlap))
    return candidates


def _absolute_dates(unit: Unit) -> tuple[str, ...]:
    return tuple(sorted({expression.value for expression in unit.dates
                         if expression.value and not expression.relative}))


def _compatible(first: str, second: str) -> bool:
    return first.startswith(second) or second.startswith(first)


def _event_terms(unit: Unit) -> set[str]:
    return _terms(unit.text) - {"year", "month", "day"}


def _shared_phrase(text: str, shared: set[str]) -> str:
    """The longest run of the sentence's words that are all shared terms (or joined by function words)."""
    words = text.split()
    best: list[str] = []
    run: list[str] = []
    for word in words:
        token = stem(word.strip(".,;:\"'()").lower())
        if token in shared or (run and token in STOPWORDS and token not in {"and", "but"}):
            run.append(word.strip(".,;:\"'()"))
        else:
            while run and stem(run[-1].lower()) in STOPWORDS:
                run.pop()
            if len(run) > len(best):
                best = run
            run = []
    while run and stem(run[-1].lower()) in STOPWORDS:
        run.pop()
    if len(run) > len(best):
        best = run
    return " ".join(best)


# -- denial ---------------------------------------------------------------------------------

_DENIAL_IN_SENTENCE = re.compile(
    rf",\s+(?:(?:a|an|the)\s+{CLAIM_NOUN}\s+(?:that\s+)?|which\s+|but\s+|though\s+|although\s+|while\s+)"
    rf"(?P<denier>{ACTOR}|(?:[A-Z]\w+\s+)?officials|(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:[a-z]+\s+)?[a-z]+)\s+"
    rf"(?:(?:has|have|had|also|strongly|flatly|quickly|later)\s+)*"
    rf"{DENIAL_VERB}\b")
_DENIES_CLAIM = re.compile(
    rf"(?P<denier>{ACTOR}|(?:[A-Z]\w+\s+)?officials|(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:[a-z]+\s+)?[a-z]+)\s+"
    rf"(?:(?:has|have|had|also|strongly|flatly|quickly|later)\s+)*"
    rf"{DENIAL_VERB}\s+(?P<object>(?:the|any|these|those|such|this|that|it|them)\b(?:\s+{CLAIM_NOUN}\b)?|{CLAIM_NOUN}\b)")
_PRONOUN_OBJECT = re.compile(rf"^(?:the|these|those|such|this|that|it|them)(?:\s+{CLAIM_NOUN})?$")
_PRONOUNS = {"he", "she", "they", "it", "we", "i"}
_CLAIM_VERBS = {"claim", "allege", "accuse", "charge", "insist", "say", "said", "state", "announce", "report",
                "declare", "assert"}


def _denial_candidates(corpus: Corpus) -> list[_Candidate]:
    candidates = []
    for unit in _statements(corpus):
        text = unit.text
        inside = _DENIAL_IN_SENTENCE.search(text)
        if inside and len(text[: inside.start()].split()) >= 4:
            claim, denial = text[: inside.start()].strip(), text[inside.start() + 1 :].strip()
            claim_sides = [_Side(label="", units=[unit], text=claim)]
            denier = inside.group("denier")
            evidence = 1.0
        else:
            match = _DENIES_CLAIM.search(text)
            claim_unit = _claim_for(corpus, unit, match) if match else None
            if match is None or claim_unit is None:
                continue
            claim, denial = claim_unit.text, text
            claim_sides = [_Side(label="", units=[claim_unit])]
            denier = match.group("denier")
            evidence = 0.8
        claimant, what = _claimant(claim)
        denier = _clean_actor(denier)
        claim_sides[0].label = claimant or "the claim"
        short = " ".join(what.split()[:14]).rstrip(" ,.;") + ("…" if len(what.split()) > 14 else "")
        candidates.append(_Candidate(
            kind="denial", title=f"{claimant} {short}: disputed by {denier}".strip(),
            sides=[*claim_sides, _Side(label=f"{denier} (denial)", units=[unit],
                                       text=denial if denial != text else "")],
            evidence=evidence))
    return candidates


def _claim_for(corpus: Corpus, unit: Unit, match: re.Match[str]) -> Unit | None:
    """The sentence stating the claim a denial answers: the one before it, or another source's."""
    obj = match.group("object").lower()
    named = re.match(r"\s+(?:that|of|by)\b", unit.text[match.end():])
    if _PRONOUN_OBJECT.match(obj) and not named:
        previous = _previous(corpus, unit)
        if previous and any(a.verb in _CLAIM_VERBS or a.stance == "claim" for a in previous.attributions):
            return previous
        return None
    denied = _terms(unit.text[match.end():])
    best, best_overlap = None, 0.0
    for other in _statements(corpus):
        if other.ref == unit.ref or re.search(DENIAL_VERB, other.text):
            continue
        if not any(a.stance == "claim" or a.verb in _CLAIM_VERBS for a in other.attributions):
            continue
        overlap = len(denied & _terms(other.text)) / max(1, len(denied))
        if overlap > best_overlap:
            best, best_overlap = other, overlap
    return best if best_overlap >= 0.5 and len(denied) >= 3 else None


def _claimant(claim: str) -> tuple[str, str]:
    """Who makes a claim, and the claim from its verb on ("Iran", "claimed responsibility for ...")."""
    for attribution in find_attributions(claim):
        if attribution.speaker.lower() in _PRONOUNS:
            continue
        if attribution.stance == "claim" or attribution.verb in _CLAIM_VERBS:
            rest = claim[attribution.start + len(attribution.speaker):]
            return _clean_actor(attribution.speaker), rest.strip()
    return "", claim


def _clean_actor(actor: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", actor.strip())


# -- stance ---------------------------------------------------------------------------------

_CONDEMN = re.compile(r"\b(?:condemn|denounc|criticiz|criticis|decr(?:y|ie)|slam|blast|protest)\w*\s+"
                      r"(?:(?:against|over)\s+)?", re.I)
_DISCONTENT = re.compile(r"\b(?:discontent|anger|outrage|frustration|dissatisfaction|complaints?)\s+"
                         r"(?:over|about|at|with|of|regarding)\s+", re.I)
_SUPPORT = re.compile(r"\b(?:welcom|prais|defend|endors|back|support)(?:e|es|ed|ing|s)?\s+(?!for\b)", re.I)
_AS_VIOLATION = re.compile(r"\bas\s+(?:a|an)\s+(?:clear\s+|flagrant\s+|blatant\s+)?(?:violation|breach|"
                           r"infringement|act\s+of\s+aggression|attack)\b", re.I)


@dataclass(frozen=True, slots=True)
class Position:
    """A position a sentence takes: for (+1) or against (-1) what its target words name."""

    sign: int
    target: frozenset[str]
    """Content words of what the position is about."""
    phrase: str
    """The target as written."""


def _words_after(text: str, limit: int = 7) -> str:
    """The noun phrase a verb acts on: up to the clause's end or the first preposition other than "of"."""
    end = _CLAUSE_END.search(text)
    clause = text[: end.start()] if end else text
    clause = re.split(r"\s+(?:as|while|because|after|before|by|on|in|at|from|to|for|with|against|over|"
                      r"and\s+(?:also\s+)?[a-z]+ed)\s+", clause)[0]
    return " ".join(clause.split()[:limit])


_REPORTING = re.compile(rf"\b(?:that|whether|{'|'.join(sorted(SPEECH_VERBS))}|condemn\w*|denounc\w*|"
                        r"critici[sz]\w*)\s+")


def _subject_before(text: str, limit: int = 8) -> str:
    """The subject of the clause that ends where a predicate cue starts."""
    clause = _REPORTING.split(text)[-1]
    clause = re.split(r"[;:]", clause)[-1]
    subject = clause.split(",")[0]
    subject = re.sub(r"\s+(?:is|was|are|were|has\s+been|had\s+been|have\s+been|remains?|would\s+be|will\s+be)"
                     r"\s*(?:a|an|the)?\s*$", "", subject.strip())
    return " ".join(subject.split()[-limit:])


def positions(text: str, context: str = "") -> list[Position]:
    """The positions a sentence takes, with the words they bear on.

    Opposing the undoing of something (warning against a withdrawal) is favouring it:
    the sign flips and the target becomes what would be undone (named after "of", or
    taken from the previous sentence, `context`).
    """
    free = unquoted(text)
    found: list[tuple[int, str]] = []
    for match in JUSTIFICATION.finditer(free):
        found.append((1, _subject_before(free[: match.start()])))
    for match in OPPOSITION.finditer(free):
        if re.search(r"\b(?:no\s+longer|not)\b", match.group(0), re.I):
            found.append((-1, _subject_before(free[: match.start()])))
        else:
            found.append((-1, _words_after(free[match.end() :])))
    for match in _CONDEMN.finditer(free):
        found.append((-1, _words_after(free[match.end() :])))
    for match in _DISCONTENT.finditer(free):
        found.append((-1, _words_after(free[match.end() :])))
    for match in _SUPPORT.finditer(free):
        found.append((1, _words_after(free[match.end() :])))
    for match in _AS_VIOLATION.finditer(free):
        found.append((-1, _subject_before(free[: match.start()].split(",")[-1])))
    result: dict[tuple[int, frozenset[str]], Position] = {}
    for sign, phrase in found:
        words = [word.lower().strip(".,\"'") for word in phrase.split()]
        if any(word in REVERSAL_NOUNS for word in words):
            sign = -sign
            after = re.search(r"\bof\s+(.+)$", phrase)
            phrase = after.group(1) if after else context
        target = frozenset(_terms(phrase) - {stem(word) for word in REVERSAL_NOUNS} - _EVALUATIVE)
        if target:
            result.setdefault((sign, target), Position(sign, target, phrase))
    return list(result.values())


_EVALUATIVE = {stem(word) for word in POSITIVE_TERMS | NEGATIVE_TERMS} | {"premature", "recent", "possible"}


def _speaker(corpus: Corpus, unit: Unit) -> str:
    """Who takes the sentence's position; a pronoun is resolved to the previous sentence's speaker."""
    for attribution in unit.attributions:
        speaker = attribution.speaker
        if speaker.lower() in ("he", "she", "they", "it", "we", "i"):
            previous = _previous(corpus, unit)
            if previous is None:
                return ""
            return _speaker(corpus, previous) if previous.attributions else ""
        return speaker
    return ""


_GENERIC_SPEAKER_WORDS = {"the", "a", "an", "prime", "minister", "president", "officials", "official", "office",
                          "government", "spokesman", "spokeswoman", "s", "of", "and", "mr", "ms", "said"}


def _speaker_key(speaker: str) -> frozenset[str]:
    words = {stem(word) for word in tokens(speaker)} - _GENERIC_SPEAKER_WORDS
    words |= {word.split("-")[-1] for word in words if "-" in word}
    return frozenset(words)


def _stance_candidates(corpus: Corpus) -> list[_Candidate]:
    stated: list[tuple[Unit, str, Position]] = []
    for unit in _statements(corpus):
        speaker = _speaker(corpus, unit)
        if not speaker:
            continue
        previous = _previous(corpus, unit)
        for position in positions(unit.text, previous.text if previous else ""):
            stated.append((unit, speaker, position))
    candidates = []
    for index, (unit, speaker, position) in enumerate(stated):
        for other, other_speaker, other_position in stated[index + 1 :]:
            if other.ref == unit.ref or position.sign == other_position.sign:
                continue
            if _speaker_key(speaker) & _speaker_key(other_speaker):
                continue
            shared = position.target & other_position.target
            if not shared:
                continue
            first, second = ((unit, speaker, position), (other, other_speaker, other_position))
            if position.sign < 0:
                first, second = second, first
            subject = _shared_phrase(first[2].phrase, shared) or sorted(shared)[0]
            evidence = len(shared) / min(len(position.target), len(other_position.target))
            candidates.append(_Candidate(
                kind="stance",
                title=f"{subject[:1].upper()}{subject[1:]}: {_clean_actor(first[1])} and "
                      f"{_clean_actor(second[1])} take opposite positions",
                sides=[_Side(label=_clean_actor(first[1]), units=[first[0]]),
                       _Side(label=_clean_actor(second[1]), units=[second[0]])],
                evidence=evidence))
    return candidates


# -- framing --------------------------------------------------------------------------------

MIN_SHARED_FRAMING_TERMS = 2
"""Around their cues, sentences framing the same fact share at least this many words (names, years included)."""
CUE_WINDOW = 8
"""Words either side of a cue that say what the cue is about."""
_EVALUATIVE_POSITIVE = frozenset({"vital", "crucial", "essential", "indispensable", "beneficial", "successful",
                                  "legitimate", "justified", "effective", "valuable"})
_EVALUATIVE_NEGATIVE = frozenset({"useless", "pointless", "futile", "senseless", "needless", "illegal",
                                  "illegitimate", "disastrous", "failed", "reckless", "unjustified", "ruinous"})
_PRAISE = re.compile(rf"\b(?:{'|'.join(sorted(_EVALUATIVE_POSITIVE))})\b", re.I)
_DAMN = re.compile(rf"\b(?:{'|'.join(sorted(_EVALUATIVE_NEGATIVE))})\b", re.I)


@dataclass(frozen=True, slots=True)
class Framing:
    """How a sentence characterises what it reports, and the words around that characterisation."""

    sign: int
    """-1 advisory or damning, +1 decisive or favourable (within one scale)."""
    near: frozenset[str]
    """Words (lower-case, stemmed; names and years included) within `CUE_WINDOW` of the cues."""


def _framing(text: str, low: re.Pattern[str], high: re.Pattern[str]) -> Framing | None:
    """The sentence's place on one scale (low vs high wording), outside quotations; None when neutral or mixed."""
    free = unquoted(text)
    lows, highs = list(low.finditer(free)), list(high.finditer(free))
    if bool(lows) == bool(highs):
        return None
    near: set[str] = set()
    for match in lows or highs:
        before = free[: match.start()].split()[-CUE_WINDOW:]
        after = free[match.end() :].split()[:CUE_WINDOW]
        near |= {stem(word) for word in tokens(" ".join(before + after)) if word not in STOPWORDS}
        near |= set(re.findall(r"\b(?:19|20)\d\d\b", " ".join(before + after)))
    return Framing(-1 if lows else 1, frozenset(near - _EVALUATIVE - _FRAMING_FILLER))


_FRAMING_FILLER = {"u.s", "us", "strongly", "also", "which", "would", "could"}
SCALES = (
    ("advisory", "decisive", WEAK_ACT, STRONG_ACT),
    ("damning", "favourable", _DAMN, _PRAISE),
)
"""Scales on which outlets may place one fact at opposite ends: (low label, high label, low cue, high cue)."""


def _terms_in_order(text: str, terms: set[str] | frozenset[str], limit: int = 4) -> str:
    """The sentence's own words that are among `terms`, as written, in order ("Iraqi Parliament, 2020")."""
    words: dict[str, str] = {}
    for word in re.findall(r"[\w\u2019'.-]+", text):
        cleaned = re.sub(r"[\u2019']s?$", "", word).strip(".'")
        if stem(cleaned.lower()) in terms or cleaned in terms:
            words.setdefault(stem(cleaned.lower()), cleaned)
    return ", ".join(list(words.values())[:limit])


def _framing_candidates(corpus: Corpus) -> list[_Candidate]:
    units = [unit for unit in corpus.units if not unit.furniture or (unit.heading and unit.words >= 6)]
    candidates = []
    for low_label, high_label, low_cue, high_cue in SCALES:
        framed = [(unit, framing) for unit in units if (framing := _framing(unit.text, low_cue, high_cue))]
        for index, (unit, framing) in enumerate(framed):
            for other, other_framing in framed[index + 1 :]:
                if other.outlet == unit.outlet or framing.sign == other_framing.sign:
                    continue
                shared = framing.near & other_framing.near
                if len(shared) < MIN_SHARED_FRAMING_TERMS:
                    continue
                low, high = (unit, other) if framing.sign < 0 else (other, unit)
                subject = _terms_in_order(low.text, shared)
                candidates.append(_Candidate(
                    kind="framing", title=f"{subject}: {low_label} or {high_label}?",
                    sides=[_Side(label=low_label, units=[low]), _Side(label=high_label, units=[high])],
                    evidence=len(shared) / min(len(framing.near), len(other_framing.near))))
    return candidates


# -- ranking --------------------------------------------------------------------------------

def _unique(units: list[Unit]) -> list[Unit]:
    seen: dict[tuple[str, int], Unit] = {}
    for unit in units:
        seen.setdefault((unit.article, unit.ref.index), unit)
    return list(seen.values())


def _expand(candidate: _Candidate, groups_of: dict[tuple[str, int], FactGroup]) -> None:
    """Add to each side the other outlets' sentences that report the same fact."""
    if not candidate.expand:
        return
    taken = {(unit.article, unit.ref.index) for side in candidate.sides for unit in side.units}
    for side in candidate.sides:
        extra = []
        for unit in side.units:
            group = groups_of.get((unit.article, unit.ref.index))
            for member in group.units if group else ():
                key = (member.article, member.ref.index)
                if key not in taken:
                    taken.add(key)
                    extra.append(member)
        side.units = _unique(side.units + extra)


def _score(candidate: _Candidate) -> float:
    outlets = [_outlets(side.units) for side in candidate.sides]
    cross = len(set().union(*outlets)) > 1 and any(a != b for a in outlets for b in outlets)
    sources = len(set().union(*outlets))
    return (KIND_STRENGTH[candidate.kind] + CROSS_OUTLET_BONUS * cross + 0.05 * min(4, sources)
            + 0.2 * min(1.0, candidate.evidence))


def _point(candidate: _Candidate) -> ContestedPoint:
    sides = []
    for side in candidate.sides:
        units = side.units
        text = side.text or units[0].text
        sides.append(ContestedSide(label=side.label.strip(), claim=Cited(
            text=text, sources=tuple(dict.fromkeys(unit.article for unit in units)),
            refs=tuple(unit.ref for unit in units))))
    return ContestedPoint(
        id=stable_id("c", candidate.kind, *sorted(side.claim.text for side in sides)),
        kind=candidate.kind, title=candidate.title[:1].upper() + candidate.title[1:], sides=tuple(sides),
        score=round(_score(candidate), 6))


def find_contested(corpus: Corpus, groups: tuple[FactGroup, ...]) -> tuple[ContestedPoint, ...]:
    """Every contested point of the topic, strongest first; a sentence pair serves one point only."""
    groups_of = {(unit.article, unit.ref.index): group for group in groups for unit in group.units}
    candidates = (_denial_candidates(corpus) + _number_candidates(corpus) + _stance_candidates(corpus)
                  + _date_candidates(corpus, groups) + _framing_candidates(corpus))
    for candidate in candidates:
        _expand(candidate, groups_of)
    ranked = sorted(candidates, key=lambda candidate: (-_score(candidate), candidate.kind, candidate.title))
    kept: list[tuple[_Candidate, list[set[tuple[str, int]]]]] = []
    for candidate in ranked:
        sides = [{(unit.article, unit.ref.index) for unit in side.units} for side in candidate.sides]
        if any(_same_disagreement(candidate.kind, sides, other.kind, other_sides) for other, other_sides in kept):
            continue
        kept.append((candidate, sides))
    points = [_point(candidate) for candidate, _ in kept]
    return tuple(dict((point.id, point) for point in points).values())


def _same_disagreement(kind: str, sides: list[set[tuple[str, int]]], kept_kind: str,
                       kept: list[set[tuple[str, int]]]) -> bool:
    """Two points are one when they oppose the same sentences, or (but for figures, of which a
    sentence may give several) when they are of one kind and share a sentence."""
    shared = sum(any(side & other for other in kept) for side in sides)
    return shared >= 2 or (shared >= 1 and kind == kept_kind and kind != "number")
