"""The word tables the language package reads: stopwords, month and weekday names. Each is written once, as a
plain literal a maintainer can read and extend; the readers build their expressions and sets from them."""

from __future__ import annotations


def wordset(text: str) -> frozenset[str]:
    """A word list written as whitespace-separated text."""
    return frozenset(text.split())


STOPWORDS = wordset("""
a about above after again against all also although am an and any are as at be because been before being
between both but by can could did do does doing during each either few for from further had has have having
he her here hers him his how i if in into is it its itself just may me might more most much must my no nor
not now of off on once only or other our out over own same she should so some such than that the their them
then there these they this those through thus to too under until up upon us very was we were what when where
whether which while who whom whose why will with would yet you your also however still already even ever
said says say saying told tell stated state states according added adding noted including included new
one two three four five six seven eight nine ten first second last next year years month months day days
week weeks time times since ago amid among around approximately nearly almost roughly about some several
many part further recent recently currently current now today yesterday
""")
"""Function words and reporting filler that say nothing about what a sentence is about."""


MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")
"""The month table: every stage reads and writes month names from it."""
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
"""The days of the week, Monday first (as `datetime.date.weekday` counts them)."""

_KEY_STOPWORD_TEXT = """
a about above after again against all also although am among an and any are as at be because been before
being below between both but by can could did do does doing down during each either else even ever every few
for from further had has have having he her here hers herself him himself his how however i if in into is it
its itself just least less like made make many may me might more most much must my myself neither no nor not
now of off on once one only or other our ours ourselves out over own per perhaps rather really said same
say says she should since so some still such than that the their theirs them themselves then there these
they this those though through thus to too under until up upon us very was we were what whatever when
where whether which while who whom whose why will with within without would yet you your yours
amid among toward towards onto across along around behind beyond despite via
"""
KEY_STOPWORDS = (frozenset(_KEY_STOPWORD_TEXT.split()) | {name.lower() for name in MONTH_NAMES}
                 | {name.lower() for name in WEEKDAY_NAMES})
"""Words too common to tell one fact from another; month and weekday names too, since the dates they write
are compared as dates."""
