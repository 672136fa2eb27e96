"""The word tables the language package reads: the stopword list, month and weekday names, number words.

Each is written once, as a plain literal a maintainer can read and extend; the readers build their expressions
and sets from them."""

from __future__ import annotations


def wordset(text: str) -> frozenset[str]:
    """A word list written as whitespace-separated text."""
    return frozenset(text.split())


MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")
"""The month table: every stage reads and writes month names from it."""
MONTH_ABBREVIATIONS = {**{name[:3]: number for number, name in enumerate(MONTH_NAMES, 1) if name[:3] != name},
                       "Sept": 9}
"""Month abbreviations and their numbers: the first three letters of the names ("May" is its own), and "Sept"."""
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
"""The days of the week, Monday first (as `datetime.date.weekday` counts them)."""

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
"""The number-word table: whole numbers written as one word ("ten troops", "three years ago")."""
ROUND_NUMBERS = {"dozen": 12, "hundred": 100, "thousand": 1000}
"""Round numbers, which count on their own after "a" ("a dozen people"); their plurals are rough counts, read as
two of them ("dozens of people", "thousands")."""

STOPWORDS = wordset("""
a about above across after again against all along also although am amid among an and any are around
as at be because been before behind being below between beyond both but by can could despite did do does doing
down during each either else even ever every few for from further had has have having he her here hers herself
him himself his how however i if in into is it its itself just least less like made make many may me might more
most much must my myself neither no nor not now of off on once one only onto or other our ours ourselves out over
own per perhaps rather really said same say says she should since so some still such than that the their
theirs them themselves then there these they this those though through thus to too toward towards under until up
upon us very via was we were what whatever when where whether which while who whom whose why will with within
without would yet you your yours
""")
"""The stopword list: function words, and the "said" every news sentence has. They say nothing about which
fact a sentence states."""

FILLER = wordset("""
saying told tell stated state states according added adding noted including included new part recent recently
current currently already several two three four five six seven eight nine ten first second last next time times
day days week weeks month months year years ago today yesterday approximately nearly almost roughly
""")
"""Reporting, counting and time words: filler to a reader looking for what a sentence is about, though two
sentences that share them may still report one fact."""

TERM_STOPWORDS = STOPWORDS | FILLER
"""What the detectors' content terms leave out (`tokens.content_terms`, `tokens.lower_terms`)."""
KEY_STOPWORDS = STOPWORDS | {name.lower() for name in (*MONTH_NAMES, *WEEKDAY_NAMES)}
"""What the comparable keys leave out (`tokens.content_tokens`): stopwords, and month and weekday names, since the
dates they write are compared as dates."""
