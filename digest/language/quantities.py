"""Quantities in news sentences: a number and what it counts ("2,500 troops", "$300 million").

Two sources that give the same count of the same thing probably report the same fact;
two that give different counts of the same thing may disagree. Both comparisons need
the number as a value and the thing it counts as a normalised word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.language.lexicon import MONTH_NAMES, NUMBER_WORDS, ROUND_NUMBERS, WEEKDAY_NAMES
from digest.language.times import find_dates
from digest.language.tokens import content_terms, lower_words, stem

_ROUGH = {f"{word}s": 2 * value for word, value in ROUND_NUMBERS.items()}
"""Rough counts: "dozens" as 24, "thousands" as 2,000."""
_NUMBER_WORDS = NUMBER_WORDS.keys() | ROUND_NUMBERS.keys() | _ROUGH.keys()
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6, "bn": 1e9}
CURRENCIES = {"$": "dollar", "£": "pound", "€": "euro"}
APPROXIMATE = ("about", "around", "approximately", "roughly", "nearly", "almost", "some", "over", "more than",
               "fewer than", "less than", "up to", "at least", "an estimated", "estimated")
# Words between a number and the thing it counts that say nothing about what is counted.
_SKIP = {
    "u.s.", "us", "american", "more", "additional", "other", "new", "foreign", "international", "coalition",
    "of", "the", "its", "their", "his", "her", "active", "remaining", "extra", "armed", "military", "local",
}
_NOT_COUNTED = {"and", "or", "to", "in", "on", "at", "by", "for", "with", "from", "as", "that", "which", "who",
                "was", "were", "is", "are", "had", "have", "has", "a", "an", "it", "they", "he", "she", "when",
                "them", "us", "those", "these", "whom", "you", "we", "i"}

_NUMBER = re.compile(
    # First a quick look at what can open a number (currency, digit, first letter of a number word), so that
    # the expression fails fast at the many positions where none can start.
    r"(?=[$£€]|\s?(?:\d|\b[otfsenhda]))"
    r"(?P<currency>[$£€])?\s?"
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|"
    rf"\b(?:{'|'.join(NUMBER_WORDS)}|a\s+(?:{'|'.join(ROUND_NUMBERS)})|{'|'.join(_ROUGH)})\b)"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|k|m)\b)?"
    r"(?P<percent>\s?(?:%|percent\b|per\s+cent\b))?",
    re.IGNORECASE,
)
_NEXT_WORD = re.compile(r"\s*([A-Za-z][A-Za-z.'-]*)")
_HEDGED = re.compile(rf"\b(?:{'|'.join(re.escape(hedge) for hedge in APPROXIMATE)})\s*$")
"""A hedge ending the text before a number: one expression for all of `APPROXIMATE`."""
_CODE_BEFORE = re.compile(r"[A-Za-z]-?$")
_DIGIT = re.compile(r"\d")
_SPACES = re.compile(r"\s+")
_FIGURE_NUMBER = re.compile(r"\d[\d,.]*")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number of a sentence and the thing it counts."""

    text: str
    """The number as written, with its currency, scale and unit words ("$300 million", "2,500 troops")."""
    start: int
    """Offset of the number in the sentence."""
    end: int
    """Offset just past the counted word (or the number when nothing is counted)."""
    value: float
    """The number's value, scales applied (300 million -> 3e8)."""
    counts: str
    """What is counted, as a lower-case singular word ("troop", "dollar", "percent"); '' when unknown."""
    approximate: bool
    """True when the text hedges it ("about", "nearly", "some", "dozens")."""

    @property
    def key(self) -> str:
        """Value and counted thing in one comparable token ("2500 troop")."""
        return f"{self.value:g} {self.counts}".strip()


def _value(number: str) -> float:
    number = _SPACES.sub(" ", number.lower())
    if number[0].isdigit():
        return float(number.replace(",", ""))
    if number.startswith("a "):
        return float(ROUND_NUMBERS[number[2:]])
    return float(NUMBER_WORDS.get(number) or _ROUGH[number])


def find_quantities(text: str, skip: tuple[tuple[int, int], ...] = ()) -> tuple[Quantity, ...]:
    """The quantities of a sentence, leaving out the spans in `skip` (dates already read)."""
    found: list[Quantity] = []
    if not _DIGIT.search(text) and _NUMBER_WORDS.isdisjoint(lower_words(text)):
        return ()  # no digit and no number word: most sentences, ruled out before the full expression runs
    spans, next_span = sorted(skip), 0
    for match in _NUMBER.finditer(text):
        start = match.start("currency") if match.group("currency") else match.start("number")
        # Matches come in text order: a span that ends before this one cannot overlap a later one either.
        while next_span < len(spans) and spans[next_span][1] <= start:
            next_span += 1
        if next_span < len(spans) and spans[next_span][0] < match.end():
            continue
        if match.group("number")[0].isdigit() and _CODE_BEFORE.search(text[max(0, start - 2) : start]):
            continue  # part of a code or name ("F-16", "COVID19")
        value = _value(match.group("number"))
        scale = (match.group("scale") or "").lower()
        if scale in ("k", "m") and not match.group("currency"):
            continue
        value *= SCALES.get(scale, 1.0)
        end = match.end()
        if match.group("currency"):
            counts = CURRENCIES[match.group("currency")]
        elif match.group("percent"):
            counts = "percent"
        else:
            counts, end = _counted(text, match.end())
            if not counts and found and found[-1].counts not in ("", "dollar", "pound", "euro", "percent"):
                counts = found[-1].counts  # "2,500 troops in Iraq and 900 in Syria": 900 troops
        if not counts and not match.group("number")[0].isdigit():
            continue  # "one" alone is a pronoun far more often than a count
        before = text[max(0, start - 20) : start].lower()
        approximate = match.group("number").lower() in _ROUGH or bool(
            _HEDGED.search(before)
        )
        found.append(Quantity(text[start:end].strip(), start, end, value, counts, approximate))
    return tuple(found)


def _counted(text: str, offset: int) -> tuple[str, int]:
    """The noun a number counts: the first meaningful word within the next few words."""
    position = offset
    for _ in range(4):
        word = _NEXT_WORD.match(text, position)
        if word is None:
            return "", offset
        written = word.group(1)
        lowered = written.lower()
        position = word.end()
        if written[0].isupper() or lowered in _SKIP or lowered.endswith("-led"):
            continue  # "2,500 US troops", "900 American troops": the noun comes later
        if lowered in _NOT_COUNTED or lowered.rstrip(".") in _NOT_COUNTED:
            return "", offset
        return stem(lowered.strip(".'")), word.end() - (1 if written.endswith(".") else 0)
    return "", offset


# -- figures: a counted number with the phrase that says what it is --------------------------------

_PREPOSITIONS = ("in", "from", "at", "across", "inside", "within", "on", "into")
_PREPOSITION_STEMS = frozenset(stem(preposition) for preposition in _PREPOSITIONS)
_DESCRIPTOR_STOP = {"and", "or", "but", "with", "as", "to", "which", "that", "who", "while", "alongside",
                    "is", "are", "was", "were", "had", "has", "have", "been", "will", "would", "remain", "remains",
                    "after", "before", "since", "by", "for", "of", "in", "from", "at", "on", "including",
                    "amid", "during", "following", "according", "when"}
_ARTICLES = {"a", "an", "the", "its", "their", "his", "her"}
_WORDS_AHEAD = re.compile(r"(?:\s*\S+){0,9}")
"""The most of a text `descriptor` reads: its first nine words (four, then four more after a preposition)."""
_CLAUSE_END = re.compile(r"[,;:()\u2014]|(?<![A-Z])\.(?=\s|$)")
_TIME_WORDS = re.compile(rf"\b(?:{'|'.join(WEEKDAY_NAMES)}|today|yesterday|week|weekend|month|year|morning|evening|"
                         rf"night|days?|hours?|{'|'.join(MONTH_NAMES)})\b", re.I)


@dataclass(frozen=True, slots=True)
class Figure:
    """A number, what it counts, and the phrase that says where or what it is ("in Syria")."""

    value: float
    """The number's value."""
    number: str
    """The number as written, with currency and scale but without the noun ("2,500", "4.1 million", "$20 billion")."""
    counts: str
    """Counted noun, singular ("troop")."""
    noun: str
    """Counted noun as written ("troops")."""
    phrase: str
    """The descriptive phrase after it, as written ("in Syria"), or ''."""
    terms: frozenset[str]
    """Content words of the phrase."""
    approximate: bool
    """Hedged ("about", "approximately")."""


def figures(text: str, quantities: tuple[Quantity, ...]) -> list[Figure]:
    """The counted figures of a sentence (its `quantities`, as `find_quantities` reads them), with
    their descriptive phrases.

    A number with no noun of its own ("an additional 900 in Syria") counts what the
    sentence's previous figure counts.
    """
    found: list[Figure] = []
    for quantity in quantities:
        counts = quantity.counts
        noun = quantity.text.split()[-1] if counts else ""
        if found and (not counts or (counts == found[-1].counts and not noun[:1].isalpha())):
            counts, noun = found[-1].counts, found[-1].noun  # "900 in Syria" counts the troops before it
        if not counts:
            continue
        phrase = descriptor(_words_ahead(text, quantity.end))
        found.append(Figure(quantity.value, _written_number(quantity.text, noun), counts, noun,
                            phrase, frozenset(content_terms(phrase) - _PREPOSITION_STEMS),
                            quantity.approximate))
    return found


def _written_number(text: str, noun: str) -> str:
    """The number as written with its currency and scale, without the counted noun: "4.1 million" of "4.1 million
    barrels", "$20 billion", "hundreds of" of "hundreds of miles" (a title adds the noun once)."""
    if noun and text.endswith(noun) and len(text) > len(noun):
        return text[: -len(noun)].strip().rstrip(".,")
    number = _FIGURE_NUMBER.search(text)
    return number.group(0).rstrip(".,") if number and not noun else text.rstrip(".,")


def _words_ahead(text: str, offset: int) -> str:
    """What `descriptor` needs of the text after `offset`, without copying the rest of a long sentence."""
    ahead = _WORDS_AHEAD.match(text, offset)
    return ahead.group() if ahead else ""


def descriptor(after: str) -> str:
    """The prepositional phrase that places or qualifies a figure: "in Syria", "from multiple countries", or what
    its unit measures ("of oil").

    A time phrase ("on Monday", "in June 2021") says when, not what: it is no descriptor.
    """
    end = _CLAUSE_END.search(after)
    clause = after[: end.start()] if end else after
    words = clause.split()
    if words and words[0].lower() == "of":  # "barrels of oil": what the unit measures
        taken = ["of"]
        for following in words[1:3]:
            if following.lower() in _DESCRIPTOR_STOP or following.lower() in _ARTICLES or not following.isalpha():
                break
            taken.append(following)
        return " ".join(taken) if len(taken) > 1 else ""
    for index, word in enumerate(words[:4]):
        lowered = word.lower()
        if lowered in _PREPOSITIONS:
            taken = [word]
            for following in words[index + 1 : index + 5]:
                # After a name, a lower-case word starts the predicate ("at Eastport stopped work").
                if following.lower() in _DESCRIPTOR_STOP or (following.islower() and taken[-1][:1].isupper()):
                    break
                taken.append(following)
            phrase = " ".join(taken) if len(taken) > 1 else ""
            if find_dates(phrase) or _TIME_WORDS.search(phrase) or _DIGIT.search(phrase):
                return ""
            return phrase
        if lowered in _DESCRIPTOR_STOP or not lowered.isalpha():
            return ""
    return ""
