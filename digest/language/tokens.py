"""Words: folding for comparison, tokens, stems and names (the stopwords they leave out are in `lexicon`).

Every stage that compares words reads them here, so two stages never disagree on what a word is:

- `fold`: a text compared the way a reader compares it (quotes, spacing, case and emphasis aside);
- `lower_words`: the lower-cased letter runs of a text, the cheap test for cue words before an expression runs;
- `tokens`: the words of a text, lower-cased, possessives dropped;
- `stem`: the stemmer, a light suffix stripper;
- `content_terms`, `lower_terms`: the stems of a text's content words (no stopwords or filler);
- `content_tokens`: the comparable keys of a text's content words, as the analysis weighs and indexes them;
- `find_names`: the capitalised names of a sentence.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from digest.language.lexicon import KEY_STOPWORDS, TERM_STOPWORDS
from digest.memo import per_topic

_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                       "\u2014": "-", "\u00a0": " "})


def fold(text: str) -> str:
    """Compare texts the way a reader would: same letters, any spacing, straight quotes."""
    text = unicodedata.normalize("NFKC", text).translate(_FOLD)
    return re.sub(r"\s+", " ", re.sub(r"[*_`]+", "", text)).strip().lower()


def folded_with_offsets(text: str) -> tuple[str, list[int]]:
    """`fold` applied character by character, keeping each folded character's origin: where a folded match
    stands in the text as written."""
    chars: list[str] = []
    origins: list[int] = []
    for offset, char in enumerate(text):
        # fold() of one character is its folded form; it gives '' for spaces and emphasis marks.
        for folded in fold(char) or (" " if char.isspace() else ""):
            if folded == " " and (not chars or chars[-1] == " "):
                continue
            chars.append(folded)
            origins.append(offset)
    while chars and chars[-1] == " ":
        chars.pop()
        origins.pop()
    return "".join(chars), origins


def find_folded(needle: str, texts: Sequence[str]) -> tuple[str, int] | None:
    """Where `needle` stands in a run of sentences, compared folded (spacing, typographic quotes and emphasis
    aside): the passage as the sentences write it, and the index of the sentence it starts in; None when it
    is not there. The sentences are joined with a space, so a passage may run across them."""
    folded_needle = fold(needle)
    if not folded_needle:
        return None
    starts: list[int] = []
    length = 0
    for text in texts:
        starts.append(length)
        length += len(text) + 1
    joined = " ".join(texts)
    folded, origins = folded_with_offsets(joined)
    position = folded.find(folded_needle)
    if position < 0:
        return None
    begin, end = origins[position], origins[position + len(folded_needle) - 1] + 1
    first = max(index for index, start in enumerate(starts) if start <= begin)
    return re.sub(r"\s+", " ", joined[begin:end]).strip(), first


_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019.-]*[A-Za-z]|[A-Za-z]")


_POSSESSIVE = re.compile(r"'s?$")
_LOWER_WORD = re.compile(r"[a-z]+")


@per_topic(65536)
def lower_words(text: str) -> frozenset[str]:
    """The letter runs of the lower-cased text: what the date, quantity and attribution readers test for their
    cue words before their expressions run (cached: all three read every sentence)."""
    return frozenset(_LOWER_WORD.findall(text.lower()))


def tokens(text: str) -> list[str]:
    """Lower-case words of a text, possessives and trailing dots removed ("Iraq's" -> "iraq")."""
    return [token for token in map(_token, _WORD.findall(text)) if token]


@per_topic(65536)
def _token(word: str) -> str:
    """One word as `tokens` gives it ('' when nothing is left), read once per distinct word."""
    word = word.lower().replace("\u2019", "'")
    word = _POSSESSIVE.sub("", word)
    return word.strip(".'-")


@per_topic(65536)
def stem(word: str) -> str:
    """The stemmer: a light suffix stripper for lower-case words, enough to meet "strikes"/"strike",
    "taxes"/"tax", "viruses"/"virus" and "denies"/"deny" ("denied" stays itself). A stem is a key to compare, not
    a word: "cases" gives "cas" (as "-ses" plurals of "-s" words need). Cached: the readers stem the same words
    sentence after sentence."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def content_terms(text: str) -> set[str]:
    """The words that carry what a sentence is about, stemmed, without function words."""
    return {term for term in map(_term, _WORD.findall(text)) if term}


@per_topic(65536)
def _term(word: str) -> str:
    """One word as `content_terms` gives it ('' for a function word), read once per distinct word."""
    token = _token(word)
    return stem(token) if token not in TERM_STOPWORDS and len(token) > 1 else ""


_LOWER_TERM = re.compile(r"(?<![\w.'-])[a-z][a-z-]+")


def lower_terms(text: str) -> set[str]:
    """Lower-case content words of a text as written, stemmed: the words around the names (which are matched
    separately)."""
    return {stem(word) for word in _LOWER_TERM.findall(text) if word not in TERM_STOPWORDS and len(word) > 2}


# -- the analysis's comparable keys -----------------------------------------------------------------

_KEY_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'\u2019-]*|\d[\d,.]*")
_DOUBLED = re.compile(r"(\w)\1+")
STEM_LETTERS = 7
"""Words are compared by their first letters: "inspected", "inspection" and "inspectors" are one word."""


@per_topic(65536)
def content_tokens(text: str) -> tuple[str, ...]:
    """Distinct content-word stems of a text: stopwords and bare numbers left out (cached: the summary asks
    for the same names again and again)."""
    return tuple(dict.fromkeys(stem for stem in map(_key, _KEY_WORD.findall(text)) if stem))


@per_topic(131072)
def _key(word: str) -> str:
    """The comparable form of one word ('' for a stopword or a number)."""
    lowered = word.lower().replace("\u2019", "'").strip("'-.,")
    if lowered.endswith("'s"):
        lowered = lowered[:-2]
    if not lowered or lowered in KEY_STOPWORDS or lowered[0].isdigit() or len(lowered) < 2:
        return ""
    # Doubled letters are spelling, not meaning: "Qassem" and "Qasem", "travelled" and "traveled".
    return _DOUBLED.sub(r"\1", stem(lowered))[:STEM_LETTERS]


_NAME = re.compile(r"\b(?:[A-Z][a-z\u00c0-\u024f'\u2019]+|[A-Z]{2,}|[A-Z](?:\.[A-Z])+\.?)"
                   r"(?:[\s-]+(?:al-|bin\s|de\s|of\s)?(?:[A-Z][a-z\u00c0-\u024f'\u2019]+|[A-Z]{2,}))*")


def find_names(text: str) -> tuple[str, ...]:
    """Capitalised names of a sentence; a capitalised common word opening the sentence is not a name."""
    seen: dict[str, None] = {}
    for match in _NAME.finditer(text):
        name = match.group(0).strip()
        first = name.split()[0].lower()
        if match.start() == 0 and first in KEY_STOPWORDS and " " not in name:
            continue
        if first in KEY_STOPWORDS:
            name = name.split(None, 1)[1] if " " in name else ""
        if len(name) > 1:
            seen.setdefault(name, None)
    return tuple(seen)
