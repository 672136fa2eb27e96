"""Framing points: outlets characterising the same fact in opposite terms.

Two scales: an act made advisory ("a non-binding resolution that recommended") against
the same act made decisive ("a vote to expel"); and a fact damned ("useless") against the
same fact praised ("vital"). Two sentences of different outlets at opposite ends of one
scale, sharing words around their cues, make a point.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.analysis.contested.base import (
    MAX_POSTING,
    Candidate,
    CandidateSide,
    copies,
    outlets,
    statements,
    terms_in_order,
)
from digest.analysis.corpus import Corpus, Sentence
from digest.analysis.cues import (
    NEGATIVE_TERMS,
    POSITIVE_TERMS,
    STRONG_ACT,
    WEAK_ACT,
)
from digest.language.attribution import PRONOUNS, unquoted
from digest.language.lexicon import TERM_STOPWORDS
from digest.language.sentences import words_after, words_before
from digest.language.similarity import pairs_sharing
from digest.language.tokens import stem, tokens

MIN_SHARED_FRAMING_TERMS = 2
"""Around their cues, sentences framing the same fact share at least this many words (names, years included)."""
CUE_WINDOW = 8
"""Words either side of a cue that say what the cue is about."""
MIN_HEADING_WORDS = 6
"""A heading this long is a headline-like statement whose wording can frame a fact."""
PRAISING = frozenset({"vital", "crucial", "essential", "indispensable", "beneficial", "successful",
                      "legitimate", "justified", "effective", "valuable"})
"""Words with which an outlet itself speaks for what it describes."""
DAMNING = frozenset({"useless", "pointless", "futile", "senseless", "needless", "illegal", "illegitimate",
                     "disastrous", "failed", "reckless", "unjustified", "ruinous"})
"""Words with which an outlet itself speaks against what it describes."""
_PRAISE = re.compile(rf"\b(?:{'|'.join(sorted(PRAISING))})\b", re.I)
_DAMN = re.compile(rf"\b(?:{'|'.join(sorted(DAMNING))})\b", re.I)
SCALES = (
    ("advisory", "decisive", WEAK_ACT, STRONG_ACT,
     ("recommend", "urged", "urges", "urging", "binding", "symbolic", "advisory", "call", "appeal", "requested",
      "expel", "expulsion", "order", "mandat", "compel", "forc", "ban", "evict")),
    ("damning", "favourable", _DAMN, _PRAISE, tuple(sorted(DAMNING | PRAISING))),
)
"""Scales on which outlets may place one fact at opposite ends: (low label, high label, low cue, high cue,
a piece of every cue, lower-case). Most sentences have none of the pieces, and are neutral without the
expressions running."""
_CASE_TWINS = re.compile("[\u0130\u0131\u017f\u212a]")
"""The non-ASCII letters that case-insensitive expressions match to ASCII ones (dotted and dotless i, long s,
the Kelvin sign)."""
_IGNORED = ({stem(word) for word in POSITIVE_TERMS | NEGATIVE_TERMS | PRAISING | DAMNING}
            | {"u.s", "us", "strongly", "also", "which", "would", "could", "premature", "recent", "possible"})


@dataclass(frozen=True, slots=True)
class Framing:
    """How a sentence characterises what it reports, and the words around that characterisation."""

    sign: int
    """-1 advisory or damning, +1 decisive or favourable (within one scale)."""
    cue: str
    """The characterising words as written ("recommended", "vote to expel")."""
    near: frozenset[str]
    """Words (lower-case, stemmed; names and years included) within `CUE_WINDOW` of the cues."""
    specific: frozenset[str]
    """The names and years among `near`: what ties two sentences to one fact rather than one theme."""


def framing_of(text: str, low: re.Pattern[str], high: re.Pattern[str]) -> Framing | None:
    """The sentence's place on one scale (low vs high wording), outside quotations; None when neutral or mixed."""
    free = unquoted(text)
    lows, highs = list(low.finditer(free)), list(high.finditer(free))
    if bool(lows) == bool(highs):
        return None
    near: set[str] = set()
    specific: set[str] = set()
    for match in lows or highs:
        before, after = words_before(free, match.start(), CUE_WINDOW), words_after(free, match.end(), CUE_WINDOW)
        window = " ".join(before + after)
        near |= {stem(word) for word in tokens(window) if word not in TERM_STOPWORDS}
        specific |= set(re.findall(r"\b(?:19|20)\d\d\b", window))
        names = re.findall(r"(?<=[\w,;] )[A-Z][a-z]+", window)
        specific |= {stem(name.lower()) for name in names}
    near |= specific
    return Framing(-1 if lows else 1, (lows or highs)[0].group(0), frozenset(near - _IGNORED),
                   frozenset(specific - _IGNORED))


def _may_frame(text: str, pieces: tuple[str, ...]) -> bool:
    """False when the sentence surely has no cue of a scale: none of the cues' pieces is in it, lower-cased.

    Lower-casing finds every case-insensitive match but for the letters of `_CASE_TWINS`."""
    lowered = text.lower()
    return any(piece in lowered for piece in pieces) or bool(_CASE_TWINS.search(text))


def framing_candidates(corpus: Corpus) -> list[Candidate]:
    """A point for each pair of outlets at opposite ends of a scale about the same fact.

    Copies of one sentence are compared once, as a group that speaks for all their outlets.
    """
    sentences = [sentence for sentence in corpus.sentences
             if not sentence.furniture or (sentence.heading and sentence.words >= MIN_HEADING_WORDS)]
    groups = copies(sentences)
    candidates = []
    for low_label, high_label, low_cue, high_cue, pieces in SCALES:
        framed = [(group, framing) for group in groups
                  if _may_frame(group[0].text, pieces) and (framing := framing_of(group[0].text, low_cue, high_cue))]
        for first, second in pairs_sharing([framing.near for _, framing in framed], MIN_SHARED_FRAMING_TERMS,
                                           max_posting=MAX_POSTING):
            (group, framing), (other, other_framing) = framed[first], framed[second]
            if framing.sign == other_framing.sign or len(outlets(group) | outlets(other)) < 2:
                continue
            shared = framing.near & other_framing.near
            if not shared & framing.specific & other_framing.specific:
                continue
            (low, low_framing), (high, high_framing) = sorted(
                (framed[first], framed[second]), key=lambda item: item[1].sign)
            candidates.append(Candidate(
                kind="framing",
                title=f"{terms_in_order(low[0].text, shared)}: \u201c{low_framing.cue}\u201d or "
                      f"\u201c{high_framing.cue}\u201d?",
                sides=[CandidateSide(label=low_label, sentences=list(low)),
                       CandidateSide(label=high_label, sentences=list(high))],
                evidence=len(shared) / min(len(framing.near), len(other_framing.near))))
    return candidates


WON = re.compile(r"\b(?P<winner>[A-Z][\w'\u2019-]+)\s+(?:clearly\s+|narrowly\s+)?won\s+(?:on\s+points|the\s+debate|"
                 r"the\s+argument|the\s+exchange|hands\s+down)\b")
"""Who won a contest of words, as a writer judges it ("Galloway won on points")."""
MAX_VERDICT_DAYS = 7
"""Verdicts on one contest are written within days of it."""


def verdict_candidates(corpus: Corpus) -> list[Candidate]:
    """Two articles naming different winners of one contest ("Galloway won on points" / "from where I sat
    Hitchens won on points"): the winners must each be named in the other's article, so that both judge the same
    two contenders."""
    verdicts = [(group, match.group("winner")) for group in copies(statements(corpus))
                if " won " in group[0].text and (match := WON.search(group[0].text))]
    candidates = []
    for index, (group, winner) in enumerate(verdicts):
        for other, other_winner in verdicts[index + 1:]:
            first, second = group[0], other[0]
            if winner == other_winner or first.article == second.article:
                continue
            apart = abs((first.published - second.published).days) if first.published and second.published else 0
            if apart > MAX_VERDICT_DAYS:
                continue
            if not (_names(corpus, first.article) >= {winner, other_winner}
                    and _names(corpus, second.article) >= {winner, other_winner}):
                continue
            candidates.append(Candidate(
                kind="framing", title=f"Who won: {winner} or {other_winner}?",
                sides=[CandidateSide(label=winner, sentences=list(group)),
                       CandidateSide(label=other_winner, sentences=list(other))],
                evidence=1.0, expand=False))
    return candidates


def _names(corpus: Corpus, article: str) -> set[str]:
    return {word for sentence in corpus.by_article[article] for name in sentence.names for word in name.split()}


NAMING = re.compile(r"\b(?:call(?:s|ed|ing)?\s+(?:it|them)|refer(?:s|red|ring)?\s+to\s+(?:it|them|the\s+[\w-]+)\s+as|"
                    r"describ(?:e|es|ed|ing)\s+(?:it|them|the\s+[\w-]+)\s+as|(?:re)?nam(?:e|es|ed|ing)\s+it)\s+"
                    r"(?:the\s+)?[\"\u201c](?P<name>[^\"\u201d]{2,40}?)[.,]?[\"\u201d]")
"""A name given to a thing ("opted to call it 'Mexico flu'", "refer to the flu as the 'H1N1 virus'")."""
_NAMING_WORDS = re.compile(r"\b(?:call|calls|called|calling|refer|refers|referred|referring|describ\w*|name|names|"
                           r"named|"
                           r"naming|rename\w*)\b")
"""A word every naming has, looked for before the full expression runs."""
NAMING_REACH = 3
"""Statements after a name within which another voice's other name for the thing is looked for."""


def naming_candidates(corpus: Corpus) -> list[Candidate]:
    """Two named voices of one article calling one thing by different names, a few sentences apart."""
    candidates = []
    for group in copies(statements(corpus)):
        first = group[0]
        named = NAMING.search(first.text) if ('"' in first.text or "\u201c" in first.text) and _NAMING_WORDS.search(
            first.text) else None
        voice = _voice(first)
        if named is None or not voice:
            continue
        later = [sentence for sentence in corpus.by_article[first.article][first.position + 1:]
                 if not sentence.furniture][:NAMING_REACH]
        for other in later:
            other_named = NAMING.search(other.text)
            other_voice = _voice(other)
            if (other_named is None or not other_voice or other_named["name"].lower() == named["name"].lower()
                    or other_voice == voice):
                continue
            candidates.append(Candidate(
                kind="framing",
                title=f"What to call it: \u201c{named['name']}\u201d or \u201c{other_named['name']}\u201d?",
                sides=[CandidateSide(label=voice, sentences=list(group)),
                       CandidateSide(label=other_voice, sentences=[other])],
                evidence=1.0, expand=False))
            break
    return candidates


def _voice(sentence: Sentence) -> str:
    """Who gives a name: the first named speaker, else the first name that is a subject ("Israel has ...")."""
    for attribution in sentence.attributions:
        if attribution.speaker.lower() not in PRONOUNS:
            return attribution.speaker
    opening = re.search(r"(?:[A-Z][\w.'\u2019-]*\s+)*[A-Z][\w.'\u2019-]*(?=\s+(?:has|have|had|is|are|was|were|and|"
                       r"took|opted|prefers?|insists?)\b)", sentence.text)
    return opening.group(0) if opening else ""
