"""Who said, claimed or denied what: reporting verbs, the speakers they name, and the words quoted from them.

News sentences carry their source in a few fixed shapes: "The Pentagon stated that ...",
"..., the ministry said.", "according to officials, ...", "a claim Baghdad denied".
Knowing the speaker and the verb's stance (statement, claim, denial) lets later stages
tell a fact from an assertion and put a claim next to its denial.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.language.lexicon import WEEKDAY_NAMES
from digest.language.sentences import text_after, text_before
from digest.language.tokens import lower_words
from digest.memo import per_topic

# Reporting verbs by stance, as base forms; `_forms` adds the inflections.
VERBS = {
    "statement": ("say", "state", "announce", "add", "tell", "note", "explain", "confirm", "report", "write",
                  "declare", "emphasise", "emphasize", "stress", "reiterate", "describe", "express", "convey",
                  "assert", "acknowledge", "admit", "indicate"),
    "claim": ("claim", "allege", "insist", "argue", "maintain", "contend", "accuse", "charge", "suggest", "estimate"),
    "denial": ("deny", "dispute", "reject", "refute", "dismiss", "rebuff", "contradict"),
    "warning": ("warn", "caution", "threaten", "criticise", "criticize", "condemn", "denounce", "complain", "object"),
    "position": ("welcome", "praise", "defend", "endorse", "urge", "call", "vow", "demand", "pledge", "blame"),
}
CLAIMING = frozenset({"claim", "allege", "accuse", "charge", "insist", "say", "state", "announce", "report",
                      "declare", "assert"})
"""Verbs that put something on record as true: what a denial can answer."""
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
"""Speakers that stand for someone named earlier."""
_IRREGULAR = {"say": ("said",), "tell": ("told",), "write": ("wrote", "written")}
_OTHER_CUES = frozenset({"according", "put", "puts"})
"""Words other than the reporting verbs that open an attribution ("according to", "put the toll at")."""
_PUTTING = {"put": ("claim", "estimate"), "puts": ("claim", "estimate")}
"""'Put the toll at': an estimate, read only in that shape (`_PATTERNS`)."""


def _forms(verb: str) -> set[str]:
    """Base, -s, past and -ing forms of a reporting verb ("deny" -> denies, denied, denying)."""
    if verb.endswith("y") and verb[-2] not in "aeiou":
        regular = {f"{verb[:-1]}ies", f"{verb[:-1]}ied", f"{verb}ing"}
    elif verb.endswith("e"):
        regular = {f"{verb}s", f"{verb}d", f"{verb[:-1]}ing"}
    else:
        ending = "es" if verb.endswith(("s", "sh", "ch")) else "s"
        regular = {f"{verb}{ending}", f"{verb}ed", f"{verb}ing"}
    irregular = _IRREGULAR.get(verb)
    if irregular:
        regular = {form for form in regular if not form.endswith("ed")} | set(irregular)
    return {verb, *regular}


_FORMS = {form: (stance, verb) for stance, verbs in VERBS.items() for verb in verbs for form in _forms(verb)}
_VERB = "|".join(sorted(_FORMS, key=lambda form: (-len(form), form)))

# A speaker: a name (a run of capitalised words), or a role ("officials", "the ministry") with up to
# three modifiers before it ("a senior U.S. official", "Iraqi security sources"). Its words are possessive
# runs (`*+`, `++`): what follows a word is always a space, a comma or the end, never a letter it gave back,
# so the engine need not try giving any back.
_ROLE = (r"(?:officials?|spokes(?:man|woman|person)|ministry|ministries|government|minister|military|office|army|"
         r"sources?|analysts?|experts?|critics?|lawmakers?|diplomats?|police|residents?|witnesses?|commanders?|"
         r"leaders?|groups?|militias?|forces|authorities|statement|report|agency|embassy|administration|rebels?|"
         r"insurgents?|protesters?|company|court|parliament|party|union|council|committee|president|chief|"
         r"correspondents?|reporters?|journalists?|workers?|agencies|doctors?|editorial|prosecutors?|lawyers?|"
         r"campaigners?|economists?|senators?|scientists?|researchers?|organi[sz]ations?|newspapers?|charity|"
         r"charities|Democrats|Republicans|teams?|panels?|commissions?|inquiry|board|study)")
_NAME_RUN = r"[A-Z][\w.'\u2019-]*+(?:\s+(?:of\s+|for\s+|and\s+|the\s+|al-|de\s+|von\s+)?[A-Z][\w.'\u2019-]*+)*"
_SPEAKER = (rf"(?P<speaker>\b(?:(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+)?"
            rf"(?:(?:(?!(?:[Bb]ut|[Aa]nd|[Yy]et|[Hh]owever|[Ww]hile)\s)[\w.'\u2019-]++\s+){{0,3}}?{_ROLE}(?:['\u2019]s\s+{_ROLE})?\b(?:\s+(?:of|for|in|at)\s+(?:the\s+)?{_NAME_RUN}|\s+on\s+the\s+ground)?|{_NAME_RUN}))")
_ADVERBS = r"(?:has|have|had|also|later|again|repeatedly|publicly|strongly)"
_WHEN = (rf"(?:on\s+(?:{'|'.join(WEEKDAY_NAMES)})|yesterday|today|tonight|earlier|last\s+(?:night|week|month)|"
         r"this\s+week|now|then)")
"""A time phrase that may stand between a speaker and the verb ("Sarkozy on Tuesday said")."""
# A speaker named by a role the list above does not hold ("The mayor said", "However, the farmers had
# claimed"): only at the head of the sentence, where a noun before a reporting verb is its subject.
_ROLE_AT_START = (rf"^(?:[A-Z][\w.'\u2019-]*,?\s+)?(?P<speaker>[Tt]he\s+(?:[a-z]+\s+)?(?!{_ADVERBS}\b)[a-z]+)\s+"
                  rf"(?:{_ADVERBS}\s+)*")
_PRONOUN = r"(?P<speaker>\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|I))"
_APPOSITION_VERB = rf",\s+(?:(?:has|have|had|also)\s+)*(?P<verb>{_VERB})\b"
# Each expression with what a sentence must hold for it to match: one of `words` (lower-case words of the
# sentence), and a match of `clue`, a cheap expression for its tail. Both are tried first: most sentences
# hold none of them, and the expressions cost far more.
_PATTERNS: tuple[tuple[re.Pattern[str], frozenset[str] | None, re.Pattern[str] | None], ...] = (
    (re.compile(rf"\b(?i:according to) (?:(?:a|the|an) )?(?:(?:report|statement|data|figures)s? (?:by|from) )?"
                rf"{_SPEAKER}"), None, None),
    (re.compile(rf"\b(?:a|the) (?:claim|allegation|report|accusation)s? (?:that )?{_SPEAKER}\s+(?P<verb>{_VERB})\b"),
     frozenset({"claim", "claims", "allegation", "allegations", "report", "reports", "accusation", "accusations"}),
     None),
    (re.compile(rf"{_SPEAKER}\s+(?:(?:has|have|had|also|later|again|repeatedly|publicly|strongly|initially|originally|allegedly|reportedly|"
                rf"first|previously|was|were|{_WHEN})\s+)*"
                rf"(?P<verb>{_VERB})\b"), None, None),
    (re.compile(rf"\b(?:as )?(?P<verb>stated|said|announced|reported|confirmed|claimed|denied|disputed) by "
                rf"{_SPEAKER}"),
     frozenset({"stated", "said", "announced", "reported", "confirmed", "claimed", "denied", "disputed"}), None),
    (re.compile(rf"{_SPEAKER},\s+[^,]{{2,60}}+{_APPOSITION_VERB}"), None, re.compile(_APPOSITION_VERB)),
    (re.compile(rf",\s+(?P<verb>said|says|added|stated|claimed|noted|told reporters)\s+{_SPEAKER}"),
     frozenset({"said", "says", "added", "stated", "claimed", "noted", "told"}), None),
    (re.compile(rf"{_SPEAKER}\s+(?:(?:has|have|had)\s+)?(?P<verb>put|puts)\s+(?:the|its|their)\s+(?:[a-z-]+\s+){{0,2}}?"
                r"(?:toll|number|figure|total|estimate|cost|count)\s+at\b"),
     frozenset({"put", "puts"}), None),
    (re.compile(rf"{_ROLE_AT_START}(?P<verb>{_VERB})\b"), None, None),
    (re.compile(rf"(?:^|[,;]\s+){_PRONOUN}\s+(?:(?:has|have|had|also|later|again)\s+)*(?P<verb>{_VERB})\b"),
     PRONOUNS, None),
)
_STATES_THAT = re.compile(r"\s+(?:that|:)")
_NAMING = re.compile(r"\s+(?:[A-Z]|itself\b|themselves\b)")
_LEADING_THAT = re.compile(r"^(?:\s*(?:that|,|:|on \w+ that))+\s*")
_TRAILING_ARTICLE = re.compile(r"(?:\bas|\ba|\bthe)\s*$")
_NEXT_CLAIM = re.compile(r",\s+(?:a|the|an)\s+(?:claim|allegation|accusation|charge|report)\b")
MIN_CONTENT_WORDS = 3
"""Fewer words than this after or before the verb is not a statement ("he said on Monday")."""
CONTENT_REACH = 4000
"""Characters read after (or before) the verb for what is reported: more than a sentence of news runs to, and
the same few for each of the thousands of attributions a text that is no news could pack into one "sentence"."""
_NOT_SPEAKERS = {"this", "that", "these", "those", "it", "there", "which", "who", "what", "when", "while",
                 "report", "reports", "a report", "the report", "the statement", "this statement"}


@dataclass(frozen=True, slots=True)
class Attribution:
    """A speaker and what the sentence says they did with words."""

    speaker: str
    """Who speaks, as written ("The Pentagon", "al-Sudani", "officials"; a pronoun when that is all there is)."""
    verb: str
    """The reporting verb's base form ("say", "claim", "deny"; "according to" for that phrase)."""
    stance: str
    """'statement', 'claim', 'denial', 'warning' or 'position' (welcoming, urging, blaming)."""
    start: int
    """Offset of the speaker in the sentence."""
    content: str
    """What they said, claimed or denied, as written ('' when the sentence does not say)."""

    @property
    def claims(self) -> bool:
        """Whether a named speaker puts something on record as true (a claim a denial can answer)."""
        return self.speaker.lower() not in PRONOUNS and (self.stance == "claim" or self.verb in CLAIMING)


def find_attributions(text: str) -> tuple[Attribution, ...]:
    """The attributions of a sentence, in text order, one per speaker position."""
    found: dict[int, Attribution] = {}
    words = lower_words(text)
    if words.isdisjoint(_FORMS) and words.isdisjoint(_OTHER_CUES):
        return ()  # no reporting verb: most sentences, ruled out before the expressions run
    for pattern, needed_words, clue in _PATTERNS:
        if needed_words is not None and words.isdisjoint(needed_words):
            continue
        if clue is not None and not clue.search(text):
            continue
        for match in pattern.finditer(text):
            speaker = match.group("speaker").strip()
            if speaker.lower() in _NOT_SPEAKERS or match.start("speaker") in found:
                continue
            verb_text = match.groupdict().get("verb")
            if verb_text is None:
                stance, verb = "statement", "according to"
            else:
                first_word = verb_text.lower().split()[0]
                stance, verb = _FORMS.get(first_word) or _PUTTING.get(first_word, ("statement", "say"))
                if verb == "call" and _NAMING.match(text, match.end()):
                    continue  # "a town called Marden" names, it does not speak
                if verb_text == "states" and not _STATES_THAT.match(text, match.end()):
                    continue  # "EU states have ruled out": the noun, not the verb
            found[match.start("speaker")] = Attribution(speaker, verb, stance, match.start("speaker"),
                                                        _content(text, match))
    return tuple(found[start] for start in sorted(found))


def claimant(text: str) -> tuple[str, str]:
    """Who makes the claim a sentence reports, and the claim: from the verb on when the speaker
    leads ("Iran", "claimed responsibility for ..."), what is said when the speaker comes after it
    ("witnesses", "Police fired on the crowd"); ("", text) when no named speaker claims it."""
    for attribution in find_attributions(text):
        if attribution.claims:
            rest = text[attribution.start + len(attribution.speaker):].strip()
            if len(rest.split()) <= MIN_CONTENT_WORDS and attribution.content:
                return attribution.speaker, attribution.content
            return attribution.speaker, rest
    return "", text


def _content(text: str, match: re.Match[str]) -> str:
    """What is reported: the clause after the verb ("said that X"), else the one before (""X," he said").

    A claim that ends where its denial starts ("..., a claim Baghdad denied") is the part before.
    """
    after = _LEADING_THAT.sub("", text_after(text, match.end(), CONTENT_REACH)).strip()
    after = _NEXT_CLAIM.split(after, maxsplit=1)[0].rstrip(" .;")
    if len(after.split()) >= MIN_CONTENT_WORDS and not after.startswith(("by ", "to ")):
        return after.strip("\"'\u201c\u201d ")
    before = text_before(text, match.start(), CONTENT_REACH)
    before = _TRAILING_ARTICLE.sub("", before.rstrip(" ,;:\u2014-")).rstrip(" ,;:")
    before = before.strip("\"'\u201c\u201d ,")
    return before if len(before.split()) >= MIN_CONTENT_WORDS else ""


# -- quotations -----------------------------------------------------------------------------

_QUOTED = re.compile(r"\"[^\"]{1,400}\"|\u201c[^\u201d]{1,400}\u201d|(?<![A-Za-z])'[^']{1,200}'(?![A-Za-z])"
                     r"|\u2018[^\u2019]{1,200}\u2019(?![A-Za-z])")


@per_topic(65536)
def unquoted(text: str) -> str:
    """The text with every quoted passage blanked out: words in quotes are someone else's. Cached: the
    framing, stance and loaded-language readers all ask for the same sentences."""
    return _QUOTED.sub(lambda match: " " * len(match.group(0)), text)
