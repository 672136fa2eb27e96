"""Exchange points: the reporter sets two named voices against each other.

News marks a disagreement it reports with a contrast between attributed statements, in one
sentence ("The US insists distribution is well under way, but BBC correspondents say many have
seen no aid") or in two that follow each other ("Joyandet suggested the US was 'occupying'
Haiti." / "However, a statement from President Sarkozy said France was 'very satisfied'"). The
contrast word alone is common; what makes a point is that both statements have a named
speaker, the speakers differ, and the two statements share what they are about. Only
neighbouring sentences are compared: one pass over the topic, never all pairs.
"""

from __future__ import annotations

import re

from digest.analysis.contested.base import Candidate, CandidateSide, clean_actor, copies, previous, statements
from digest.analysis.contested.numbers import COMPETING
from digest.analysis.contested.stance import speaker_key, speaker_of
from digest.analysis.corpus import Corpus, Sentence
from digest.analysis.cues import NEGATIVE_TERMS, POSITIVE_TERMS
from digest.language.attribution import PRONOUNS, Attribution, find_attributions, unquoted
from digest.language.lexicon import TERM_STOPWORDS
from digest.language.tokens import content_terms

CONTRAST_OPENING = re.compile(r"^(?:However,?|But|Yet|In contrast,?|By contrast,?|On the other hand,?)\s+")
"""How a sentence sets itself against the one before it."""
CONTRAST_JOINT = re.compile(r",\s+(?:but|while|whereas|although)\s+|\s+(?:although|even\s+though)\s+")
"""How one sentence sets its second clause against its first."""
ACTING_SUBJECT = re.compile(r"(?P<actor>(?:[A-Z][\w'\u2019-]*|[Ss]everal|[Mm]any|[Ss]ome)(?:\s+[\w'\u2019-]+){0,3}?)\s+"
                            r"(?:has|have|had)\s+(?:already\s+)?[a-z]+ed\b")
"""The subject of an act at the head of a clause ("Several countries have banned ...")."""
MIN_SHARED_TERMS = 2
"""Content words two neighbouring statements share (a speaker's name among them), or one beyond the speakers'
names: what ties them to one matter (within one sentence, the reporter's contrast ties them)."""
MIN_WORDS_BEYOND_NAMES = 1
"""Or this many shared words that are not the speakers' names (chosen by leave-one-topic-out, eval notes)."""
QUOTE_REACH = 3
"""Sentences walked back from a quotation standing alone to the one that says whose it is."""
MATTER_WORDS = 12
"""Words of the first statement that name the matter when the two share none."""
MAX_WORDS_BEFORE_SPEAKER = 3
"""Within one sentence, the second voice is named at the head of its clause (", but BBC correspondents say")."""
AGREEING = re.compile(r"\b(?:also|too|agreed?|agrees|echoed|echoing|similarly|likewise|as\s+well)\b", re.I)
"""Words with which the second voice joins the first rather than opposing it ("But X also said ...")."""
TAKING_A_POSITION = re.compile(
    r"(?:n't\b|\b(?:not|no|never|nothing|none|neither|nor|little|hardly|"
    rf"{'|'.join(sorted(POSITIVE_TERMS | NEGATIVE_TERMS))}|"
    r"satisfied|dissatisfied|wrong|false|untrue|calm|exaggerated|overstated|underestimated|far\s+(?:higher|lower)|"
    r"praised|praises|dismissed|dismisses|rejected|rejects|denied|denies|disputed|disputes|objected|opposed|"
    r"resisted|disagreed)\b)", re.I)
"""What makes a statement that follows a contrast a position against the one before: a negation or a word of
judgement. Without one, "But X said ..." more often adds a detail than disputes."""
ANSWERING = re.compile(r"\b(?:(?:being|been|now)\s+resolved|improv(?:ing|ed)|under\s+control|on\s+track|"
                       r"doing\s+everything|working\s+(?:hard|well))\b", re.I)
"""How an answer to a complaint says the matter is in hand ("But Mr Holmes said the issues were now being resolved"):
after a named complaint and "But", this is a position as much as a negation."""
_FIGURE = re.compile(r"\d[\d,.]*")
_BOUND = re.compile(r"\b(?:minimum|maximum|at\s+least|at\s+most|conservative|too\s+(?:high|low))\b", re.I)
"""Words with which a figure is set as a bound on another ("100,000 would seem a minimum")."""
_VAGUE = frozenset({"said", "say", "told", "statement", "official", "people", "time", "day", "week", "year",
                    "also", "new", "would", "could", "one", "two", "last", "first", "report", "bbc"})
"""Words two statements share without being about one matter."""


def _named(attribution: Attribution) -> bool:
    return attribution.speaker.lower() not in PRONOUNS and bool(speaker_key(attribution.speaker))


def _about(text: str, first_speaker: str, second_speaker: str) -> set[str]:
    """What a statement is about: its content words, without those its two speakers share (their title)."""
    both = content_terms(first_speaker) & content_terms(second_speaker)
    return content_terms(text) - both - _VAGUE - TERM_STOPWORDS


def _shared_in_order(text: str, shared: set[str]) -> str:
    """The shared words as the first statement writes them, in order ("aid, airport")."""
    seen: dict[str, str] = {}
    for word in re.findall(r"[A-Za-z][\w'\u2019-]*", text):
        term = content_terms(word)
        if term and next(iter(term)) in shared:
            seen.setdefault(next(iter(term)), word.strip("'\u2019"))
    return ", ".join(list(seen.values())[:3])


def _what(text: str, speaker: str) -> str:
    """What the first voice says, shortened: the matter when the two statements share no word."""
    content = next((a.content for a in find_attributions(text) if a.speaker == speaker and a.content), text)
    words = content.split()
    return " ".join(words[:MATTER_WORDS]).rstrip(" ,.;:\"'") + ("\u2026" if len(words) > MATTER_WORDS else "")


def _point(first_text: str, first_speaker: str, first: list[Sentence],
           second_text: str, second_speaker: str, second: list[Sentence], minimum: int,
           answer: bool = False) -> Candidate | None:
    if speaker_key(first_speaker) & speaker_key(second_speaker) or AGREEING.search(unquoted(second_text)):
        return None
    positioned = TAKING_A_POSITION.search(second_text) or (answer and ANSWERING.search(second_text))
    if (minimum or answer) and not positioned:
        return None  # two sentences: the second must take a position (one sentence: the reporter's contrast does)
    shared = _about(first_text, first_speaker, second_speaker) & _about(second_text, first_speaker, second_speaker)
    beyond_names = shared - content_terms(first_speaker) - content_terms(second_speaker)
    if (minimum or answer) and len(shared) < MIN_SHARED_TERMS and len(beyond_names) < minimum:
        return None  # two sentences tied by nothing but a speaker's name are not about one matter
    one, other = clean_actor(first_speaker), clean_actor(second_speaker)
    matter = _shared_in_order(first_text, shared)
    if len(shared) < MIN_SHARED_TERMS:  # one word ("Michael") does not name the matter: the first voice's words do
        matter = _what(first_text, first_speaker)
    return Candidate(
        kind="stance", title=f"{matter}: {one} and {other} disagree",
        sides=[CandidateSide(label=one, sentences=first, text=first_text if first_text != first[0].text else ""),
               CandidateSide(label=other, sentences=second,
                             text=second_text if second_text != second[0].text else "")],
        evidence=min(1.0, len(shared) / 4), expand=False)


def _competing_figures(first: str, second: str) -> bool:
    """Both clauses give a figure, and the second sets its own against the first ("PAHO put the toll at
    50,000-100,000, while the prime minister said 100,000 would seem a minimum"; not "New York led the tally with
    50, while Texas reported 26")."""
    return bool(_FIGURE.search(first) and _FIGURE.search(second) and (COMPETING.search(second)
                                                                       or _BOUND.search(second)))


def _within(group: list[Sentence]) -> Candidate | None:
    """"A says X, but B says Y": one sentence, two voices."""
    text = group[0].text
    joint = CONTRAST_JOINT.search(text)
    if joint is None:
        return None
    first_text, second_text = text[: joint.start()].strip(), text[joint.end():].strip()
    first = [a.speaker for a in find_attributions(first_text) if _named(a)]
    second = [a for a in find_attributions(second_text) if _named(a)]
    if not second or len(second_text[: second[0].start].split()) > MAX_WORDS_BEFORE_SPEAKER:
        return None
    if not first:  # "Several countries have banned pork imports although the WHO has said ...": an act and a voice
        actor = ACTING_SUBJECT.match(first_text)
        if actor is None or not TAKING_A_POSITION.search(unquoted(second_text)):
            return None
        first = [actor.group("actor")]
    if not TAKING_A_POSITION.search(unquoted(second_text)) and not _competing_figures(first_text, second_text):
        return None  # "Thomas Cook said it was cancelling flights, while British Airways said it would continue"
    return _point(first_text, first[0], group, second_text, second[0].speaker, group, 0)


OPPOSING = re.compile(r"\b(?:(?:has|have|had)\s+)?(?:objected\s+to|opposed|resisted|disagreed\s+with)\b")
"""A statement that opposes what the one before it asks for ("Democrats have argued that executives should not
pocket millions" / "Paulson and the White House have objected to limits on executive compensation")."""
MAX_SUBJECT_WORDS = 8
"""The opposing verb follows its subject at the head of the sentence."""


def _quoted_speaker(corpus: Corpus, sentence: Sentence) -> str:
    """Who a quotation standing alone is from: the named speaker of the sentence that opened it, a few before."""
    if not sentence.text.rstrip().endswith(("'", '"', "\u201d", "\u2019")):
        return ""
    current: Sentence | None = sentence
    for _ in range(QUOTE_REACH):
        current = previous(corpus, current) if current is not None else None
        if current is None:
            return ""
        named = [a for a in current.attributions if _named(a)]
        if named:
            return named[0].speaker
    return ""


def _across(corpus: Corpus, group: list[Sentence], resolved: dict) -> Candidate | None:
    """"A said X." / "However, B said Y.": two neighbouring sentences, two voices."""
    text = group[0].text
    opening = CONTRAST_OPENING.match(text)
    opposing = OPPOSING.search(text) if opening is None else None
    if opening is None and (opposing is None or len(text[: opposing.start()].split()) > MAX_SUBJECT_WORDS):
        return None
    second = [a for a in find_attributions(text) if _named(a)]
    before = previous(corpus, group[0])
    if not second or before is None:
        return None
    first_speaker = speaker_of(corpus, before, resolved) or _quoted_speaker(corpus, before)
    if not first_speaker or first_speaker.lower() in PRONOUNS:
        return None
    earlier = [sentence for member in group if (sentence := previous(corpus, member)) is not None]
    complaint = opening is not None and any(a.stance in ("warning", "position") for a in before.attributions)
    return _point(before.text, first_speaker, earlier, text, second[0].speaker, list(group),
                  0 if complaint else MIN_WORDS_BEYOND_NAMES, answer=complaint)


_ATTACK_VERB = r"(?:accused|branded|criticised|criticized|condemned|attacked|denounced|blasted|slammed|rebuked)"
ATTACKED_FOR = re.compile(
    rf"\b{_ATTACK_VERB}\s+(?P<target>(?:[A-Z][\w.'\u2019-]*\s+)*[A-Z][\w.'\u2019-]*)\b[^.;]{{0,60}}?\s+(?:for|of)\s+"
    r"(?P<act>(?:saying|questioning|claiming|suggesting|arguing|calling|describing|comparing|declaring|blaming)\b"
    r"[^;]*)")
"""A named voice attacking another for what it said ("The Sun branded George Galloway a 'traitor' for questioning
the role of the war"): the target's words and the attack are the two sides."""
ATTACKED_BY = re.compile(
    rf",\s+(?:he|she|they|it)\s+(?:was|were|has\s+been|had\s+been)\s+{_ATTACK_VERB}\s+by\s+(?P<attacker>[^,;]+?)"
    r"\s+(?:of|for|as)\b")
"""A statement answered by an attack in the same sentence ("X declared that ..., he was accused by the defence minister
Adam Ingram of ...")."""


_SUBJECT_WHO = re.compile(r"((?:[A-Z][\w.'\u2019-]*\s+){1,3}[A-Z][\w.'\u2019-]*)\s+[-,\u2014]\s+who\b")
"""A named subject with a relative clause after it ("George Galloway - who ... - declared")."""


IN_A_MOVE = re.compile(
    r",\s+(?:in\s+)?a\s+(?:move|decision|step)\s+(?:that\s+|which\s+)?(?P<judge>(?:the\s+)?[A-Z][\w.'\u2019-]*"
    r"(?:\s+[A-Z][\w.'\u2019-]*)*)\s+(?:has\s+|had\s+)?(?:said|called|described|condemned|criticised|criticized|"
    r"denounced|welcomed|praised)\b")
"""An act and a named voice's judgement of it in one sentence ("Egypt ordered the slaughter of all its pigs, in a
move the United Nations said was 'a real mistake'")."""
_ACTOR_AT_START = re.compile(r"(?:The\s+)?[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*)*(?=[\s,])")


def _attacked(group: list[Sentence]) -> Candidate | None:
    """A voice attacked for what it said or did, both in one sentence."""
    text = group[0].text
    free = unquoted(text)
    move = IN_A_MOVE.search(free)
    actor = _ACTOR_AT_START.match(text)
    if move is not None and actor is not None and not speaker_key(actor.group(0)) & speaker_key(move.group("judge")):
        return _sides(actor.group(0), text[: move.start()].strip(), move.group("judge"),
                      text[move.start() + 1:].strip(), group, text[: move.start()], "judged")
    found = ATTACKED_FOR.search(free)
    if found is not None:
        attackers = [a for a in find_attributions(text[: found.start()] + "said") if _named(a)]
        if not attackers and (head := re.match(r"(?:The\s+)?(?:[A-Z][\w.'\u2019-]*\s+){1,3}(?=" + _ATTACK_VERB + ")",
                                                  text)):
            attackers = [Attribution(head.group(0).strip(), "accuse", "claim", 0, "")]
        if attackers and not speaker_key(attackers[0].speaker) & speaker_key(found.group("target")):
            return _sides(found.group("target"), text[found.start("act"):].rstrip(" ."), attackers[0].speaker, text,
                          group, found.group("act"))
    passive = ATTACKED_BY.search(free)
    if passive is not None:
        first = [a.speaker for a in find_attributions(text[: passive.start()]) if _named(a)]
        first += [found.group(1) for found in _SUBJECT_WHO.finditer(text[: passive.start()])]
        if first and not speaker_key(first[0]) & speaker_key(passive.group("attacker")):
            return _sides(first[0], text[: passive.start()].strip(), passive.group("attacker").strip(),
                          text[passive.start() + 1:].strip(), group, text[: passive.start()])
    return None


def _sides(target: str, target_text: str, attacker: str, attack_text: str, group: list[Sentence],
           matter: str, how: str = "attacked", judged: list[Sentence] | None = None) -> Candidate:
    one, other = clean_actor(target), clean_actor(attacker)
    words = matter.split()
    title = " ".join(words[:MATTER_WORDS]).rstrip(" ,.;:") + ("\u2026" if len(words) > MATTER_WORDS else "")
    return Candidate(kind="stance", title=f"{title}: {one} {how} by {other}",
                     sides=[CandidateSide(label=one, sentences=list(group), text=target_text),
                            CandidateSide(label=other, sentences=judged or list(group), text=attack_text)],
                     evidence=0.5, expand=False, voices=("attacked", target.split()[-1].lower()))


_CAMP_VERB = (r"\b(?:say|says|said|argue|argues|argued|contend|contends|insist|insists|claim|claims|maintain|"
              r"maintains)\b")
_OPENER = r"^(?:(?:But|However|Yet),?\s+)?"
"""A camp's sentence may open on a contrast ("But critics say ...")."""
CRITICS = re.compile(rf"{_OPENER}(?:[A-Z][\w-]*\s+)?(?:[Cc]ritics|[Oo]pponents|[Dd]etractors|"
                     rf"[Ss]keptics)\b[^.]{{0,60}}?{_CAMP_VERB}")
SUPPORTERS = re.compile(rf"{_OPENER}(?:[A-Z][\w-]*\s+)?(?:[Ss]upporters|[Dd]efenders|"
                        rf"[Pp]roponents|[Aa]dvocates|[Tt]hose\s+who\s+(?:praise|support|defend|back))\b[^.]{{0,60}}?{_CAMP_VERB}")
PROSECUTION = re.compile(rf"{_OPENER}(?:[Tt]he\s+)?(?:[Pp]rosecutors?|[Pp]rosecution|"
                         rf"[Ll]ead\s+prosecutor\b[^.]{{0,40}}?)\b[^.]{{0,60}}?(?:{_CAMP_VERB}|\balleged\b)")
DEFENCE = re.compile(rf"{_OPENER}(?:[Tt]he\s+|[Hh]is\s+|[Hh]er\s+|[A-Z][\w.'\u2019-]*(?:\s+[A-Z]"
                     rf"[\w.'\u2019-]*)*['\u2019]s\s+)?(?:[Dd]efen[cs]e(?:\s+lawyers?|\s+attorneys?|\s+team)?|"
                     rf"lawyers)\b[^.]{{0,60}}?{_CAMP_VERB}")
CAMPS = ((CRITICS, SUPPORTERS, "critics", "supporters"), (PROSECUTION, DEFENCE, "prosecution", "defence"))
"""The two camps of a matter, as reporters name them: what critics say against what supporters say, what the
prosecution says against what the defence says."""
CAMP_REACH = 3
"""Statements after one camp's within which the other camp's answer is looked for."""


def _camps(corpus: Corpus, group: list[Sentence]) -> Candidate | None:
    """"Critics say X." ... "Those who praise the men say Y.": the two camps of one matter, a few sentences apart."""
    first = group[0]
    for one, other, one_label, other_label in CAMPS:
        for wanted, labels in ((other, (one_label, other_label)), (one, (other_label, one_label))):
            if not (one if wanted is other else other).match(first.text):
                continue
            later = [sentence for sentence in corpus.by_article[first.article][first.position + 1:]
                     if not sentence.furniture][:CAMP_REACH]
            answer = next((sentence for sentence in later if wanted.match(sentence.text)), None)
            if answer is not None:
                return Candidate(kind="stance", title=f"{_what(first.text, '')}: {labels[0]} and {labels[1]} disagree",
                                 sides=[CandidateSide(label=labels[0], sentences=list(group)),
                                        CandidateSide(label=labels[1], sentences=[answer])],
                                 evidence=0.6, expand=False, voices=labels)
    return None


THE_MOVE = re.compile(r"\b[Tt]he\s+(?:move|plan|plans|decision|measure|proposal|policy|order)\b")
"""A judgement that names the act it judges by a noun ("the move could be dangerous")."""
OWNED_ACT = re.compile(r"(?P<owner>(?:[A-Z][\w'\u2019-]*\s+)+(?:government\s+|ministry\s+|authorities\s+)?)"
                       r"(?:plans?|decision|proposal|order|move)\s+to\s+")
"""An act and whose it is ("Haitian government plans to relocate ..."): what "the move" of the next sentence is."""
MOVE_REACH = 2
"""Statements walked back from "the move" to the sentence that says what the move is."""


def _the_move(corpus: Corpus, group: list[Sentence]) -> Candidate | None:
    """"X plans to relocate people to camps." / "Y said the move could be dangerous.": an act and a named voice's
    judgement of it, in neighbouring sentences."""
    text = group[0].text
    if not THE_MOVE.search(text) or not TAKING_A_POSITION.search(unquoted(text)):
        return None
    judges = [a for a in find_attributions(text) if _named(a)]
    if not judges:
        return None
    current: Sentence | None = group[0]
    for _ in range(MOVE_REACH):
        current = previous(corpus, current) if current is not None else None
        owned = OWNED_ACT.search(current.text) if current is not None else None
        if current is not None and owned is not None:
            owner = owned.group("owner").strip()
            if speaker_key(owner) & speaker_key(judges[0].speaker):
                return None
            return _sides(owner, current.text, judges[0].speaker, text, [current], current.text[owned.start():],
                          "judged", judged=list(group))
    return None


_CAMP_HINT = re.compile(r"critics|opponents|detractors|skeptics|supporters|defenders|proponents|advocates|"
                        r"those who|prosecut|defen|lawyers")
_ATTACK_HINT = re.compile(r"accused|branded|critici|condemned|attacked|denounced|blasted|slammed|rebuked| move |"
                          r"decision| step ")
_CONTRAST_HINT = re.compile(r"but|while|whereas|although|however|yet|contrast|other hand|objected|opposed|resisted|"
                            r"disagreed|the (?:move|plan|decision|measure|proposal|policy|order)")
"""Pieces of the cues above, lower-case, tried first: a sentence with none of them is no exchange."""


def exchange_candidates(corpus: Corpus) -> list[Candidate]:
    """A point for each contrast the reporter draws between two named voices on one matter."""
    candidates = []
    resolved: dict = {}
    for group in copies(statements(corpus)):
        lowered = group[0].text.lower()
        if _CAMP_HINT.search(lowered) and (camps := _camps(corpus, group)) is not None:
            candidates.append(camps)
        attack = bool(_ATTACK_HINT.search(lowered))
        if not attack and not _CONTRAST_HINT.search(lowered):
            continue
        for found in (_within(group), _across(corpus, group, resolved), _attacked(group) if attack else None,
                      _the_move(corpus, group) if "the " in lowered else None):
            if found is not None:
                candidates.append(found)
    return candidates
