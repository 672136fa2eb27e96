"""Denial points: a claim reported with its denial or dispute.

Three shapes: both in one sentence ("Iran claimed ..., a claim Baghdad denied"), which is
split into a claim side and a denial side; a denial of what the previous sentence reports
("The army denied it.", "Baghdad denied it.", however short); and a denial naming what it
denies ("officials rejected the claim that ..."), matched to the sentence of any source that
makes that claim.
"""

from __future__ import annotations

import re

from digest.analysis.contested.base import (
    Candidate,
    CandidateSide,
    clean_actor,
    copies,
    previous,
    statements,
)
from digest.analysis.contested.stance import speaker_key, speaker_of
from digest.analysis.corpus import Corpus, Sentence
from digest.analysis.cues import ACTOR, CLAIM_NOUN, CLAIM_VERB, DENIAL_VERB
from digest.language.attribution import PRONOUNS, claimant
from digest.language.lexicon import STOPWORDS
from digest.language.tokens import lower_terms

_POINTING = re.compile(rf"(?:it|this|that|them|these|those|such)\b|the\s+{CLAIM_NOUN}$", re.I)
"""A denial's object that points back at the sentence before ("denied it", "dismissed the allegations", "rejected
that view"): that sentence is what it denies. Any other object ("played down worries over security") must share a
word with it."""
RELATED_LETTERS = 5
"""Letters of two words compared to tie a denial to the sentence before it."""
_REPORTS_OF = re.compile(r"\b[Rr]eports?\s+(?:of|that)\b")
MIN_CLAIM_OVERLAP = 0.5
"""Share of the denied words a sentence must state to be the claim denied."""
_DENIER = (rf"(?P<denier>{ACTOR}|(?<=, )(?:he|she|they)|^(?:He|She|They)|"
           rf"(?:[A-Z]\w+\s+)?(?:officials|advisers|advisors|aides|spokes(?:man|woman|person)|lawyers|critics|"
           rf"supporters|allies|ministers)|"
           rf"(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:[a-z]+\s+)?[a-z]+),?\s+"
           r"(?:(?:has|have|had|also|strongly|flatly|quickly|later|angrily|swiftly)\s+)*")
_DENIAL_IN_SENTENCE = re.compile(
    rf",\s+(?:(?:a|an|the)\s+{CLAIM_NOUN}\s+(?:that\s+)?|which\s+|but\s+|though\s+|although\s+|while\s+)"
    rf"{_DENIER}{DENIAL_VERB}\b")
_DENIES_CLAIM = re.compile(
    rf"{_DENIER}{DENIAL_VERB}\s+(?P<object>(?:the|a|an|any|these|those|such|this|that|[A-Z][\w-]*['\u2019]s)\s+(?:[\w'\u2019-]+\s+){{0,3}}?"
    rf"{CLAIM_NOUN}\b"
    rf"|(?:this|that|it|them)(?=\s*(?:[.,;]|$)|\s+(?:on|in|at|last|later|again|yesterday|today)\b)"
    rf"|(?:(?:fresh|new|renewed|further|repeated)\s+)?{CLAIM_NOUN}\b)")
_SHORT_DENIAL = re.compile(rf"{_DENIER}{DENIAL_VERB}\s+(?:it|this|that|them|so)\s*[.!]")
_STATED_HERE = re.compile(r"(?:\s+(?:[\w'\u2019-]+\s+){0,8}?)?\s*that\s+(?P<claim>[^,;]{12,}?)"
                          r"(?=,\s+(?:saying|adding|claiming|insisting|arguing|and)\b|[;.]|$)")
"""The claim a denial names, stated in the same sentence ("rejected allegations from the senate that he lied")."""
_CLAIM_SOURCE = re.compile(r"\b(?:from|by)\s+(?:an?\s+|the\s+)?(?:[A-Za-z]+\s+){0,2}?[A-Z]\w+|\w['\u2019]s\s")
"""Who makes a claim a denial names ("allegations from a US senate investigation", "the committee's claim")."""
_CALLED_UNTRUE = re.compile(
    rf"\b(?:the|that|this|such|these|those)\s+{CLAIM_NOUN}\s+(?:is|was|are|were)\s+(?:\w+\s+)?"
    r"(?:unjust|unfair|untrue|false|wrong|baseless|unfounded|groundless|exaggerated|misleading|nonsense|"
    r"ridiculous|absurd|a\s+(?:big\s+)?lie)\b"
    r"|\b(?:do|does|did)\s+not\s+(?:agree|recogni[sz]e)\b")
"""A claim called untrue without a denial verb ("aid workers say that claim is unjust", "I do not agree")."""
_UNTRUE = (r"(?:is|was|are|were)\s+(?:(?:a|an|\w+ly)\s+)?[\"\u201c]?(?:unjust|unfair|untrue|false|wrong|baseless|"
           r"unfounded|groundless|misleading|nonsense|(?:big\s+)?lie)\b|(?:do|does|did)\s+not\s+square\s+with")
_STATED_AND_CALLED_UNTRUE = re.compile(
    r"(?P<claim>\b(?:the\s+|that\s+|such\s+)?(?:effort|attempt|idea|notion|suggestions?|claims?|allegations?|"
    r"accusations?|complaints?|charges?)\s+(?:that|[\"\u201c]?to)\s+[^.;]{10,200}?)[\"\u201d]?\s+(?:" + _UNTRUE + ")")
"""A claim stated and called untrue in one sentence ("the effort 'to pin the crisis on ...' is a 'big lie'")."""
_ASKED_ABOUT = re.compile(r"\b[Aa]sked\s+about\s+(?P<claim>(?:[\w-]+\s+){0,3}?(?:claims?|complaints?|criticism|"
                          r"reports?|allegations?|suggestions?|accusations?)\s+that\s+[^,]{10,200}),")
"""A claim put to someone, whose answer follows ("asked about complaints that his program amounts to socialism,
said: This is not socialism")."""
_CLAIMED = re.compile(rf"\b{CLAIM_VERB}\b")
_DENIAL_SHAPES = (re.compile(DENIAL_VERB), _CALLED_UNTRUE, _STATED_AND_CALLED_UNTRUE, _ASKED_ABOUT)
"""A denial verb, or a claim called untrue, anywhere: every shape of denial has one."""
_NAMED = re.compile(r"\s+(?:that|of|by|about)\b|\s+(?:which|that)\s+(?:argued|argues|said|says|claimed|claims|"
                    r"suggested|suggests|found|finds|concluded|concludes)\b")


def _related(claim: str, denial: str) -> bool:
    """Whether a denial that names what it denies ("dismissed the allegations", "played down worries over
    security") shares a word with the sentence before it (compared by their first letters: "violence" and
    "violent", "criticised" and "criticisms"): else that sentence is not what it denies."""
    return bool(_prefixes(claim) & _prefixes(denial))


def _prefixes(text: str) -> set[str]:
    return {word[:RELATED_LETTERS] for word in lower_terms(text.lower()) if len(word) >= RELATED_LETTERS}


_DENIAL_HINT = re.compile(r"deni|deny|reject|disput|refut|rebut|dismiss|contest|contradict|repudiat|disavow|play|"
                          r"challeng|question|unjust|unfair|untrue|false|wrong|baseless|unfounded|groundless|"
                          r"misleading|nonsense|lie\b|square|agree|recogni|[Aa]sked")
"""A piece of every denial shape: most sentences have none, and the shapes' expressions do not run on them."""


def _denies(text: str) -> bool:
    return bool(_DENIAL_HINT.search(text)) and any(shape.search(text) for shape in _DENIAL_SHAPES)


def _makes_claim(sentence: Sentence) -> bool:
    """Whether a sentence puts on record something a denial can answer: a claim, a named speaker's
    criticism or charge ("Chavez criticised the US for ..."), or reports ("There have been reports of ...")."""
    return (("eport" in sentence.text and bool(_REPORTS_OF.search(sentence.text)))
            or any(attribution.claims or (attribution.stance in ("warning", "position")
                                          and attribution.speaker.lower() not in PRONOUNS)
                   for attribution in sentence.attributions)
            or bool(_CLAIMED.search(sentence.text)))


def denial_candidates(corpus: Corpus) -> list[Candidate]:
    """A point for each denial whose claim is found.

    Copies of one denial (with the same sentence before it) are read once, as a group.
    """
    candidates = []
    claims: dict[str, list[list[Sentence]]] | None = None
    for group in copies(_denials(corpus), key=lambda sentence: (sentence.text, _text(previous(corpus, sentence)))):
        text = group[0].text
        answered = _answered_in_sentence(corpus, group)
        if answered is not None:
            candidates.append(answered)
            continue
        inside = _DENIAL_IN_SENTENCE.search(text)
        inside_sentence = bool(inside and len(text[: inside.start()].split()) >= 4)
        if inside and inside_sentence:
            claim, denial = text[: inside.start()].strip(), text[inside.start() + 1 :].strip()
            claim_side = CandidateSide(label="", sentences=list(group), text=claim)
            denier, evidence = inside.group("denier"), 1.0
        else:
            match = _DENIES_CLAIM.search(text)
            untrue = _CALLED_UNTRUE.search(text) if match is None else None
            speakers = [a.speaker for a in group[0].attributions if a.speaker.lower() not in PRONOUNS]
            stated = _STATED_HERE.match(text, match.end()) if match is not None else None
            if match is not None and stated is not None and not _CLAIM_SOURCE.search(
                    text, match.start("object"), stated.start("claim")):
                stated = None  # "denied reports that ...": nobody named makes the claim, so it has no side
            if match is not None and _NAMED.match(text, match.end()):
                claim_sentences = _taken_up(corpus, group, match.group("object"))
                if not claim_sentences:
                    claims = claims if claims is not None else _claims_by_term(corpus)
                    claim_sentences = _claim_named(group, text[match.end():], claims)
                if not claim_sentences and stated is not None:
                    claim_sentences, denial = list(group), ""
            elif stated is not None:
                claim_sentences = list(group)
            elif match is not None or (untrue is not None and speakers):
                before = previous(corpus, group[0])
                pointing = match is None or bool(_POINTING.match(match.group("object")))  # "that claim is unjust"
                claim_sentences = ([sentence for member in group if (sentence := previous(corpus, member))]
                                   if before is not None and _makes_claim(before)
                                   and (pointing or _related(before.text, text)) else [])
                if match is not None and not claim_sentences:
                    claim_sentences = (_taken_up(corpus, group, match.group("object"))
                                       or _said_by(corpus, group, text[match.end():]))
            else:
                continue
            disagreeing = _BUT_DISAGREE.search(text) if untrue is not None else None
            if disagreeing is not None:  # "Some found it insensitive but ... I do not agree," she said
                claim_sentences = list(group)
            if not claim_sentences:
                continue
            claim, denial = claim_sentences[0].text, ""
            claim_side = CandidateSide(label="", sentences=claim_sentences)
            if match is not None and stated is not None and claim_sentences[0] is group[0]:  # stated in the denial
                claim = (match.group("object") + text[match.end():stated.end()]).strip()
                claim_side.text, denial = claim, text
            elif disagreeing is not None:
                claim_side.text = claim = text[: disagreeing.start()].strip(" ,\"'\u201c\u201d")
                denial = text
            denier, evidence = match.group("denier") if match is not None else speakers[0], 0.8
        claim = claim[len(claim_side.sentences[0].dateline):] if not claim_side.text else claim
        claimant_name, what = claimant(claim)
        if not claimant_name and not claim_side.text:
            claimant_name = (_first_speaker(claim_side.sentences[0], ("denial",), exclude=True)
                             or speaker_of(corpus, claim_side.sentences[0]))
            anaphoric = _ANAPHOR.match(claimant_name) if claimant_name else _ANAPHOR_SPEAKS.search(claim)
            if anaphoric and (before := previous(corpus, claim_side.sentences[0])) is not None:
                claimant_name = _first_speaker(before, ("denial",), exclude=True) or claimant_name
        if not inside_sentence:
            denier = _first_speaker(group[0], ("denial",)) or denier
        if denier.lower() in PRONOUNS:
            before = previous(corpus, group[0])
            denier = speaker_of(corpus, group[0]) or (_subject(before.text) if before is not None else "")
            if not denier or denier.lower() in PRONOUNS:
                continue  # "he denied ...": nobody named before him
        claimant_name, denier = clean_actor(claimant_name), clean_actor(denier)
        if claimant_name and speaker_key(claimant_name) & speaker_key(denier):
            continue  # one voice restating itself ("Inglish defended Paxman" / "I do not agree, Inglish said")
        claim_side.label = claimant_name or "the claim"
        words = what.split()
        short = " ".join(words[:14]).rstrip(" ,.;") + ("…" if len(words) > 14 else "")
        said = f"{claimant_name} {short}" if not claim.startswith(what) else f"{short} ({claimant_name})"
        candidates.append(Candidate(
            kind="denial", title=f"{said}: disputed by {denier}".replace(" ()", "").strip(),
            sides=[claim_side, CandidateSide(label=f"{denier} (denial)", sentences=list(group), text=denial)],
            evidence=evidence))
    return candidates


_ANAPHOR = re.compile(r"(?:[Aa]n?|[Tt]he)\s+(?:[a-z]+\s+)*[a-z]+(?:\s+(?:in|of)\s+the\s+[a-z]+)?$")
"""A speaker named by a common noun ("the journal", "an editorial in the journal"): someone named before."""
_ANAPHOR_SPEAKS = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+[a-z]+(?:\s+(?:in|of)\s+the\s+[a-z]+)?\s+"
                             r"(?:said|says|wrote|writes|argued|argues|claimed|claims)\b")


_BUT_DISAGREE = re.compile(r"\s+but\b(?=[^.]*\b(?:do|does|did)\s+not\s+(?:agree|recogni[sz]e)\b)")
"""A claim and its rejection by the speaker in one sentence ("Some found it insensitive but ... I do not agree")."""


_SUBJECT_NAME = re.compile(r"(?:(?:Mr|Mrs|Ms|Dr|Sir)\.?\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*(?=\s+[a-z]|,)")
"""A name opening a sentence as its subject ("Mr Galloway deflected every charge"): whom "he" stands for next."""


_BY_SPEAKERS = re.compile(r"\s+(?:made\s+|given\s+|issued\s+)?(?:by|from|of)\s+(?P<names>(?:(?:Mr|Mrs|Ms|Dr)\s+)?"
                          r"[A-Z][\w'\u2019-]+(?:\s+(?:and\s+)?(?:(?:Mr|Mrs|Ms|Dr)\s+)?[A-Z][\w'\u2019-]+)*)")
"""Whose words a denial challenges ("the validity of the statements made by Mr Aziz and Mr Ramadan")."""


def _said_by(corpus: Corpus, group: list[Sentence], after: str) -> list[Sentence]:
    """The statement of the denial's article by a speaker the denial names as the claim's source, nearest first."""
    named = _BY_SPEAKERS.match(after)
    if named is None:
        return []
    wanted = speaker_key(named.group("names"))
    denial = group[0]
    sentences = [sentence for sentence in corpus.by_article[denial.article] if sentence is not denial
                 and not sentence.furniture]
    for sentence in sorted(sentences, key=lambda sentence: abs(sentence.position - denial.position)):
        speaker = speaker_of(corpus, sentence) if sentence.attributions else ""
        if speaker and speaker_key(speaker) & wanted and not _denies(sentence.text):
            return [sentence]
    return []


def _subject(text: str) -> str:
    """The name opening a sentence as its subject; '' when the sentence opens with a function word ("So", "The")."""
    found = _SUBJECT_NAME.match(text)
    return found.group(0) if found and found.group(0).split()[0].lower() not in STOPWORDS else ""


def _taken_up(corpus: Corpus, group: list[Sentence], denied: str) -> list[Sentence]:
    """The sentence after a denial that takes up what it denies ("dismissed a thinktank report ..." / "The report
    by Chatham House said: ..."), with its copies: the claim, stated by a named speaker."""
    noun = denied.split()[-1].lower()
    taken = []
    for member in group:
        sentences = corpus.by_article[member.article]
        after = next((sentence for sentence in sentences[member.position + 1:] if not sentence.furniture), None)
        if (after is not None and re.match(rf"(?:The|This|That)\s+{re.escape(noun)}\b", after.text)
                and any(a.speaker.lower() not in PRONOUNS for a in after.attributions)):
            taken.append(after)
    return taken


def _answered_in_sentence(corpus: Corpus, group: list[Sentence]) -> Candidate | None:
    """A claim and its answer in one sentence: called untrue ("Morial said the effort 'to pin the crisis on ...'
    is a 'big lie'") or answered when put to the speaker ("asked about complaints that ..., Paulson said: This is
    not socialism")."""
    text = group[0].text
    stated = _STATED_AND_CALLED_UNTRUE.search(text)
    asked = _ASKED_ABOUT.search(text) if stated is None else None
    if asked is not None and not _CONTRADICTING.search(text, asked.end()):
        asked = None  # the answer must say the claim is not so
    found = stated or asked
    if found is None:
        return None
    speakers = [a.speaker for a in group[0].attributions if a.speaker.lower() not in PRONOUNS]
    speaker = speakers[0] if speakers else speaker_of(corpus, group[0]) or _subject(text)
    if not clean_actor(speaker) or speaker.lower() in PRONOUNS:
        return None
    claim = found.group("claim").strip(" \"\u201c\u201d")
    words = claim.split()
    short = " ".join(words[:14]).rstrip(" ,.;") + ("\u2026" if len(words) > 14 else "")
    answerer = clean_actor(speaker)
    return Candidate(kind="denial", title=f"{short[:1].upper()}{short[1:]}: disputed by {answerer}",
                     sides=[CandidateSide(label="the claim", sentences=list(group), text=claim),
                            CandidateSide(label=f"{answerer} (denial)", sentences=list(group))],
                     evidence=0.8)


def _first_speaker(sentence: Sentence, stances: tuple[str, ...], exclude: bool = False) -> str:
    """The first named speaker of the sentence whose verb is (or, with `exclude`, is not) of `stances`."""
    for attribution in sentence.attributions:
        if attribution.speaker.lower() not in PRONOUNS and (attribution.stance in stances) != exclude:
            return attribution.speaker
    return ""


_FIRST_ACCOUNT = re.compile(r"\b(?:initially|originally|at\s+first|first)\s+(?:claimed|said|reported|stated|insisted|"
                            r"told|announced)\b")
"""A claim told as the first account of something, which the story then corrects ("Scotland Yard initially
claimed he ... jumped the barrier")."""
_CONTRADICTING = re.compile(r"n't\b|\b(?:not|never|no|contrary\s+to|wrong|incorrect|false|untrue)\b", re.I)
MIN_CORRECTION_TERMS = 2
"""Words a correction shares with the first account it contradicts."""


DISCREDITED = re.compile(r"(?P<person>(?:(?:Mr|Mrs|Ms|Dr)\s+)?[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)?)\s+"
                         r"(?:may\s+have|might\s+have|could\s+have|had|has)\s+(?:changed\s+(?:his|her|their)\s+"
                         r"(?:story|account|testimony|evidence)|lied|fabricated|invented|made\s+up)\b")
"""A named voice said to be unreliable ("the defense has contended that Mr Alvarez may have changed his story")."""


_DISCREDITING_WORDS = re.compile(r"\b(?:story|account|testimony|evidence|lied|fabricated|invented|made\s+up)\b")
"""A word every discrediting has: most sentences have none, and the full expression is not run on them."""


def discredited_candidates(corpus: Corpus) -> list[Candidate]:
    """An account, and a named voice saying its teller changed the story or lied: the account is the nearest
    statement of its teller in the same article."""
    candidates = []
    for group in copies(statements(corpus)):
        text = group[0].text
        found = DISCREDITED.search(text) if _DISCREDITING_WORDS.search(text) else None
        if found is None:
            continue
        teller_key = speaker_key(found["person"])
        challengers = [a.speaker for a in group[0].attributions
                       if a.speaker.lower() not in PRONOUNS and not speaker_key(a.speaker) & teller_key]
        account = _said_by(corpus, group, f" by {found['person']}")
        if not challengers or not account:
            continue
        teller, challenger = clean_actor(found["person"]), clean_actor(challengers[0])
        candidates.append(Candidate(
            kind="denial", title=f"{teller}'s account: challenged by {challenger}",
            sides=[CandidateSide(label=teller, sentences=account),
                   CandidateSide(label=f"{challenger} (challenge)", sentences=list(group))],
            evidence=0.8, expand=False))
    return candidates


def withdrawn_candidates(corpus: Corpus) -> list[Candidate]:
    """A first account ("initially claimed") against the sentence of the same article that contradicts it.

    Only the first account's own article is read: a few sentences each, never all pairs of the topic."""
    candidates = []
    for group in copies(statements(corpus)):
        first = group[0]
        found = _FIRST_ACCOUNT.search(first.text)
        speaker = _first_speaker(first, ("denial",), exclude=True)
        if found is None or not speaker:
            continue
        words = lower_terms(first.text[found.end():])
        best: tuple[int, Sentence] | None = None
        for other in corpus.by_article[first.article]:
            if other.furniture or other is first or not _CONTRADICTING.search(other.text):
                continue
            shared = len(words & lower_terms(other.text))
            if shared >= MIN_CORRECTION_TERMS and (best is None or shared > best[0]):
                best = (shared, other)
        if best is None:
            continue
        what = first.text[found.end():].strip().rstrip(".")
        short = " ".join(what.split()[:12]) + ("\u2026" if len(what.split()) > 12 else "")
        label = clean_actor(speaker)
        candidates.append(Candidate(
            kind="denial", title=f"{label}'s first account ({short}): contradicted",
            sides=[CandidateSide(label=f"{label} (first account)", sentences=list(group)),
                   CandidateSide(label="the correction", sentences=[best[1]])],
            evidence=0.8, expand=False))
    return candidates


def _denials(corpus: Corpus) -> list[Sentence]:
    """The statements with a denial verb, and the sentences too short to count as statements that deny
    what came before ("Baghdad denied it."): the only sentences a denial can be read from."""
    return [sentence for sentence in corpus.sentences if _denies(sentence.text)
            and (not sentence.furniture
                 or (not sentence.heading and not sentence.dateline and _SHORT_DENIAL.fullmatch(sentence.text)))]


def _text(sentence: Sentence | None) -> str:
    return sentence.text if sentence is not None else ""


def _claims_by_term(corpus: Corpus) -> dict[str, list[list[Sentence]]]:
    """Sentences that make a claim (copies grouped), by content word."""
    index: dict[str, list[list[Sentence]]] = {}
    for group in copies(statements(corpus)):
        if _makes_claim(group[0]) and not _denies(group[0].text):
            for term in lower_terms(group[0].text):
                index.setdefault(term, []).append(group)
    return index


def _claim_named(denial: list[Sentence], denied_text: str, claims: dict[str, list[list[Sentence]]]) -> list[Sentence]:
    """The sentence (with its copies) of any source that states most of what a denial names."""
    denied = lower_terms(denied_text)
    if len(denied) < 3:
        return []
    hits: dict[tuple[str, int], int] = {}
    by_key: dict[tuple[str, int], list[Sentence]] = {}
    for term in denied:
        for group in claims.get(term, ()):
            key = (group[0].article, group[0].ref.index)
            if group[0].text != denial[0].text:
                hits[key] = hits.get(key, 0) + 1
                by_key[key] = group
    if not hits:
        return []
    best = max(sorted(hits), key=lambda key: hits[key])
    return list(by_key[best]) if hits[best] / len(denied) >= MIN_CLAIM_OVERLAP else []
