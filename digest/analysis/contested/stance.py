"""Stance points: different actors taking opposite positions on the same thing.

A position is read from general cues: justifying an act ("a response to", "in retaliation
for"), opposing one ("cautioned against", "no longer required"), condemning or welcoming
it, or ruling on it ("the strike was illegal"). Opposing the undoing of something (warning
against a withdrawal) is favouring it. Two attributed sentences whose speakers differ and
whose positions on a shared target word have opposite signs make a point."""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.analysis.contested.base import (
    MAX_POSTING,
    Candidate,
    CandidateSide,
    clean_actor,
    previous,
    shared_phrase,
    statements,
)
from digest.analysis.corpus import Corpus, Sentence
from digest.analysis.cues import (
    JUSTIFICATION,
    NEGATIVE_TERMS,
    OPPOSITION,
    POSITIVE_TERMS,
    REVERSAL_NOUNS,
    SPEECH_VERBS,
)
from digest.language.attribution import PRONOUNS, unquoted
from digest.language.sentences import text_after, text_before
from digest.language.similarity import pairs_sharing
from digest.language.tokens import lower_terms, stem, tokens
from digest.model import SentenceRef

_CLAUSE_END = re.compile(r"[,;:()\u2014]|(?<![A-Z])\.(?=\s|$)")
_CONDEMN = re.compile(r"\b(?:condemn|denounc|criticiz|criticis|decr(?:y|ie)|slam|blast|protest)\w*\s+"
                      r"(?:(?:against|over)\s+)?", re.I)
_DISCONTENT = re.compile(r"\b(?:discontent|anger|outrage|frustration|dissatisfaction|complaints?)\s+"
                         r"(?:over|about|at|with|of|regarding)\s+", re.I)
_SUPPORT = re.compile(r"(?<!-)\b(?:welcomed|welcomes|welcoming|praised|praises|praising|defended|defends|defending|"
                      r"endorsed|endorses|endorsing|backed|backs|backing|supported|supports|supporting)\s+"
                      r"(?!(?:for|by|up|down|out|away)\b)", re.I)
_AS_VIOLATION = re.compile(r"\bas\s+(?:a|an)\s+(?:clear\s+|flagrant\s+|blatant\s+)?(?:violation|breach|"
                           r"infringement|act\s+of\s+aggression|attack)\b", re.I)
_VERDICT = re.compile(r"\b(?:is|was|are|were|be|been)\s+(?P<negation>not\s+)?(?:an?\s+)?(?:\w+ly\s+)?"
                      r"(?P<verdict>illegal|unlawful|illegitimate|unjustified|unacceptable|unnecessary|"
                      r"legal|lawful|legitimate|justified|necessary|acceptable)\b", re.I)
CLAUSE_REACH = 4000
"""Characters read before or after a cue for its clause: more than a sentence of news runs to, and the same few
for each of the many cues a text that is no news could pack into one "sentence"."""
_AGAINST_VERDICTS = {"illegal", "unlawful", "illegitimate", "unjustified", "unacceptable", "unnecessary"}
_REPORTING = re.compile(rf"\b(?:that|whether|{'|'.join(sorted(SPEECH_VERBS))}|condemn\w*|denounc\w*|"
                        r"critici[sz]\w*)\s+")
_CUES = ("response", "retaliation", "self-defen", "protect", "defend", "against", "longer", "not",
         "condemn", "denounc", "critici", "decr", "slam", "blast", "protest", "discontent", "anger", "outrage",
         "frustration", "dissatisfaction", "complaint", "welcom", "prais", "endors", "back", "support", "legal",
         "lawful", "legitimate", "justified", "necessary", "acceptable", "violation", "breach", "infringement",
         "aggression", "attack")
"""A piece of every cue above, lower-case: a sentence with none of them takes no position."""
_EVALUATIVE = {stem(word) for word in POSITIVE_TERMS | NEGATIVE_TERMS} | {"premature", "recent", "possible"}
_GENERIC_SPEAKER_WORDS = {"the", "a", "an", "prime", "minister", "president", "official", "office", "government",
                          "spokesman", "spokeswoman", "spokesperson", "of", "and", "mr", "ms", "mrs", "dr"}


@dataclass(frozen=True, slots=True)
class Position:
    """A position a sentence takes: for (+1) or against (-1) what its target words name."""

    sign: int
    """+1 for, -1 against."""
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


def _subject_before(text: str, limit: int = 8) -> str:
    """The subject of the clause that ends where a predicate cue starts."""
    clause = _REPORTING.split(text)[-1]
    clause = re.split(r"[;:]", clause)[-1]
    subject = clause.split(",")[0]
    subject = re.sub(r"\s+(?:is|was|are|were|has\s+been|had\s+been|have\s+been|remains?|would\s+be|will\s+be)"
                     r"\s*(?:a|an|the)?\s*$", "", subject.strip())
    return " ".join(subject.split()[-limit:])


def _has_cue(text: str) -> bool:
    lowered = text.lower()
    return any(cue in lowered for cue in _CUES)


def positions(text: str, context: str = "") -> list[Position]:
    """The positions a sentence takes, with the words they bear on.

    Opposing the undoing of something (warning against a withdrawal) is favouring it:
    the sign flips and the target becomes what would be undone (named after "of", or
    taken from the previous sentence, `context`).
    """
    if not _has_cue(text):
        return []  # no cue word, even quoted: most sentences, ruled out before quotations are blanked
    free = unquoted(text)
    if not _has_cue(free):
        return []  # no cue word: ruled out before the expressions run
    found: list[tuple[int, str]] = []
    for match in JUSTIFICATION.finditer(free):
        found.append((1, _subject_before(text_before(free, match.start(), CLAUSE_REACH))))
    for match in OPPOSITION.finditer(free):
        if re.search(r"\b(?:no\s+longer|not)\b", match.group(0), re.I):
            found.append((-1, _subject_before(text_before(free, match.start(), CLAUSE_REACH))))
        else:
            found.append((-1, _words_after(text_after(free, match.end(), CLAUSE_REACH))))
    for pattern, sign in ((_CONDEMN, -1), (_DISCONTENT, -1), (_SUPPORT, 1)):
        found += [(sign, _words_after(text_after(free, match.end(), CLAUSE_REACH))) for match in pattern.finditer(free)]
    for match in _VERDICT.finditer(free):
        sign = -1 if match.group("verdict").lower() in _AGAINST_VERDICTS else 1
        subject = _subject_before(text_before(free, match.start(), CLAUSE_REACH))
        found.append((-sign if match.group("negation") else sign, subject))
    for match in _AS_VIOLATION.finditer(free):
        found.append((-1, _subject_before(text_before(free, match.start(), CLAUSE_REACH).split(",")[-1])))
    result: dict[tuple[int, frozenset[str]], Position] = {}
    for sign, phrase in found:
        words = [word.lower().strip(".,\"'") for word in phrase.split()]
        if any(word in REVERSAL_NOUNS for word in words):
            sign = -sign
            after = re.search(r"\bof\s+(.+)$", phrase)
            phrase = after.group(1) if after else context
        target = frozenset(lower_terms(phrase) - {stem(word) for word in REVERSAL_NOUNS} - _EVALUATIVE)
        if target:
            result.setdefault((sign, target), Position(sign, target, phrase))
    return list(result.values())


def speaker_of(corpus: Corpus, sentence: Sentence, resolved: dict[SentenceRef, str] | None = None) -> str:
    """Who takes the sentence's position; a pronoun is resolved to the previous sentence's speaker.

    A loop, not a recursion: an article may run thousands of "he said" sentences. `resolved` keeps what earlier
    calls found, so a long run of pronouns is walked once."""
    resolved = {} if resolved is None else resolved
    walked: list[SentenceRef] = []
    speaker = ""
    current: Sentence | None = sentence
    while current is not None and current.attributions:
        if current.ref in resolved:
            speaker = resolved[current.ref]
            break
        walked.append(current.ref)
        first = current.attributions[0].speaker
        if first.lower() not in PRONOUNS:
            speaker = first
            break
        current = previous(corpus, current)
    for ref in walked:
        resolved[ref] = speaker
    return speaker


def speaker_key(speaker: str) -> frozenset[str]:
    words = {stem(word) for word in tokens(speaker)} - _GENERIC_SPEAKER_WORDS
    words |= {word.split("-")[-1] for word in words if "-" in word}
    return frozenset(words)


def stance_candidates(corpus: Corpus) -> list[Candidate]:
    """A point for each pair of speakers taking opposite positions on a shared target.

    Copies of one sentence with one speaker and one context are compared once, as a group.
    """
    spoken: dict[tuple[str, str, str], list[Sentence]] = {}
    resolved: dict[SentenceRef, str] = {}
    for sentence in statements(corpus):
        speaker = speaker_of(corpus, sentence, resolved)
        if speaker:
            before = previous(corpus, sentence)
            spoken.setdefault((sentence.text, speaker, before.text if before else ""), []).append(sentence)
    stated: list[tuple[list[Sentence], str, Position]] = []
    for (text, speaker, context), sentences in spoken.items():
        stated += [(sentences, speaker, position) for position in positions(text, context)]
    candidates = []
    targets = [position.target for _, _, position in stated]
    for first_index, second_index in pairs_sharing(targets, max_posting=MAX_POSTING):
        first, second = stated[first_index], stated[second_index]
        if first[0] is second[0] or first[2].sign == second[2].sign:
            continue
        if speaker_key(first[1]) & speaker_key(second[1]):
            continue
        if first[2].sign < 0:
            first, second = second, first
        shared = first[2].target & second[2].target
        subject = shared_phrase(first[2].phrase, shared) or sorted(shared)[0]
        supporter, opponent = clean_actor(first[1]), clean_actor(second[1])
        candidates.append(Candidate(
            kind="stance", title=f"{subject}: {supporter} and {opponent} take opposite positions",
            sides=[CandidateSide(label=supporter, sentences=list(first[0])),
                   CandidateSide(label=opponent, sentences=list(second[0]))],
            evidence=len(shared) / min(len(first[2].target), len(second[2].target))))
    return candidates
