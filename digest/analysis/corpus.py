"""A topic's articles read once into sentences: the common input of every analysis step.

Each sentence becomes a `Sentence` carrying what later steps compare: content words, names,
quantities, time expressions and attributions, plus the outlet it counts for (a
syndicated copy counts for its original, so a wire story printed twice is one voice).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

from digest.language import sentences as body_text
from digest.language.attribution import Attribution, find_attributions
from digest.language.quantities import Quantity, find_quantities
from digest.language.times import TimeExpression, find_dates
from digest.language.tokens import content_tokens, find_names
from digest.memo import per_topic
from digest.model import Article, SentenceRef, Topic

_WORDY = re.compile(r"[a-z]{3}")
_SENTENCE_END = re.compile(r"""[.!?]["'”’)]*$""")
MIN_STATEMENT_WORDS = 4
"""A sentence shorter than this is a label or a fragment, not a statement."""
LABEL_WORDS = 9
"""A line shorter than this that does not end like a sentence is a label, not a statement."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of one article, with what the analysis compares."""

    ref: SentenceRef
    """Where the sentence stands (article id and 1-based index)."""
    article: str
    """Article id."""
    outlet: str
    """Key of the outlet it counts for: normalised outlet name, or the article id when unknown;
    a syndicated copy takes its original's key."""
    text: str
    """The sentence as written (verbatim from the cleaned body)."""
    heading: bool
    """True for a heading: a label, never a statement."""
    furniture: bool
    """True for page furniture (headings, datelines, bylines, credits, short labels): not a statement,
    so none of its dates reaches the timeline."""
    section: str
    """The nearest heading above it ('' when none)."""
    dateline: str
    """The dateline opening the sentence ("HARBOURTON, May 9 (Wire) - "), '' when none; its date is furniture."""
    position: int
    """0-based position among the article's sentences."""
    share: float
    """Position as a share of the article (0 at the top, towards 1 at the end)."""
    tokens: tuple[str, ...]
    """Distinct content words as stems (lower-case, stemmed, cut to `STEM_LETTERS`), in first-seen order."""
    names: tuple[str, ...]
    """Capitalised names (people, places, bodies), as written, in first-seen order."""
    quantities: tuple[Quantity, ...]
    """Numbers and what they count."""
    dates: tuple[TimeExpression, ...]
    """Time expressions, resolved against the article's publication date when it has one."""
    attributions: tuple[Attribution, ...]
    """Who said, claimed or denied what."""
    published: date | None
    """The article's publication date, the anchor of relative dates; None when unknown, or when the import
    flagged it as contradicting the story ("date_anomaly"): "six months ago" then stays unresolved."""

    @property
    def words(self) -> int:
        """Length in words."""
        return len(self.text.split())


@dataclass(frozen=True, slots=True)
class Corpus:
    """Every sentence of a topic, with the lookups the analysis steps share."""

    topic: Topic
    """The topic as loaded."""
    articles: Mapping[str, Article]
    """Articles by id, in id order."""
    sentences: tuple[Sentence, ...]
    """Every sentence of every article, article by article, in reading order."""
    by_article: Mapping[str, tuple[Sentence, ...]]
    """Each article's sentences, in reading order."""
    outlets: Mapping[str, str]
    """Outlet key of each article id (see `Sentence.outlet`)."""
    syndicated: Mapping[str, str]
    """Article id -> id of the original it copies (only for copies)."""
    token_outlets: Mapping[str, int]
    """In how many distinct outlets each content word occurs: the topic's vocabulary weights."""
    outlet_count: int
    """Distinct outlets of the topic (syndicated copies counted once)."""

    def idf(self, token: str) -> float:
        """Inverse outlet frequency: rare words say more about which fact a sentence states."""
        return math.log((self.outlet_count + 1) / (self.token_outlets.get(token, 0) + 0.5))


def outlet_key(name: str) -> str:
    """A comparable outlet name: "The Associated Press" and "associated press" are one outlet."""
    name = unicodedata.normalize("NFKC", name).lower()
    name = re.sub(r"^(?:more from|follow|@)\s*", "", name)
    name = re.sub(r"^the\s+", "", name)
    return re.sub(r"[^a-z0-9]+", "-", name).strip("-") or name


# Sentences that are labels rather than statements, even when the cleaner kept them. The ingest's own furniture
# patterns (`digest.language.furniture`) judge whole lines; read sentence by sentence they also take a caption
# that runs into an article's first sentence ("REUTERS/Jason Lee Apr 29, 2009 ... Nevermind that ...") for
# furniture, which cost the H1N1 timeline of `make eval` Date-F1: the analysis keeps these sentence rules.
_LABEL = re.compile(
    r"^(?:published|updated|posted|last updated|last modified|modified|first published|credits?|photo(?:graph)?s?|"
    r"images?|pictures?|file photo|source|read more|read also|see also|related|advertisement|sponsored|"
    r"share this|follow us)\b(?P<tail>\s*(?:on\b|at\b|[:|\u2013\u2014-]))?",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^By\s+[A-Z][\w.'-]+(?:\s+(?:and\s+)?[A-Z][\w.'-]+)*\s*$")
# A dateline opening a paragraph: "WASHINGTON, Jan 5 (Reuters) -" or "BAGHDAD (AP) —".
_DATELINE = re.compile(r"^[A-Z][A-Z .,'\u2019-]{2,40}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
                       r"\s*(?:\([A-Za-z .]+\))?\s*[-\u2013\u2014:]\s+")


def _is_furniture(text: str, heading: bool) -> bool:
    words = len(text.split())
    label = _LABEL.match(text)
    if heading or _BYLINE.match(text) or (label and (label.group("tail") or words < LABEL_WORDS)):
        return True
    if words < MIN_STATEMENT_WORDS or not _WORDY.search(text):
        return True
    # A short line without a closing full stop is a label ("Iraq News USA News", "DECEMBER 9, 2022").
    return words < LABEL_WORDS and not _SENTENCE_END.search(text)


def _outlet_keys(articles: Mapping[str, Article]) -> tuple[dict[str, str], dict[str, str]]:
    """Outlet key per article, and the copy -> original map (followed to the first original)."""
    originals: dict[str, str] = {}
    for article_id, article in articles.items():
        original, seen = article.meta.syndicated_from, {article_id}
        while original is not None and original in articles and original not in seen:
            seen.add(original)
            originals[article_id] = original
            original = articles[original].meta.syndicated_from
    outlets = {}
    for article_id in articles:
        source = articles[originals.get(article_id, article_id)]
        outlets[article_id] = outlet_key(source.meta.outlet) if source.meta.outlet else source.id
    return outlets, originals


@per_topic(65536)
def _reading(text: str, heading: bool) -> tuple[bool, int, tuple[str, ...], tuple[str, ...], tuple[Attribution, ...]]:
    """What a sentence says whatever its article: furniture, dateline end, tokens, names, attributions.
    Read once per distinct text: news copies repeat sentences word for word."""
    is_furniture = _is_furniture(text, heading)
    dateline = _DATELINE.match(text)
    return (is_furniture, dateline.end() if dateline else 0, content_tokens(text), find_names(text),
            () if is_furniture else find_attributions(text))


@per_topic(65536)
def _quantities(text: str, date_spans: tuple[tuple[int, int], ...]) -> tuple[Quantity, ...]:
    return find_quantities(text, date_spans)


def _read(article: Article, outlet: str, numbered: body_text.NumberedSentence, count: int) -> Sentence:
    text = numbered.text
    is_furniture, dated_from, tokens, names, attributions = _reading(text, numbered.heading)
    anchor = None if "date_anomaly" in article.meta.flags else article.meta.published
    expressions = find_dates(text, anchor)
    dates = () if is_furniture else tuple(expression for expression in expressions if expression.start >= dated_from)
    date_spans = tuple((expression.start, expression.end) for expression in expressions)
    return Sentence(
        ref=SentenceRef(article.id, numbered.index),
        article=article.id,
        outlet=outlet,
        text=text,
        heading=numbered.heading,
        furniture=is_furniture,
        section=numbered.section,
        dateline=text[:dated_from],
        position=numbered.index - 1,
        share=(numbered.index - 1) / max(1, count),
        tokens=tokens,
        names=names,
        quantities=_quantities(text, date_spans),
        dates=dates,
        attributions=attributions,
        published=anchor,
    )


def build_corpus(topic: Topic) -> Corpus:
    """Read every article of the topic into sentences."""
    articles = {article.id: article for article in sorted(topic.articles, key=lambda article: article.id)}
    outlets, originals = _outlet_keys(articles)
    sentences: list[Sentence] = []
    by_article: dict[str, tuple[Sentence, ...]] = {}
    for article_id, article in articles.items():
        numbered = body_text.sentences(article.body)
        read = tuple(_read(article, outlets[article_id], sentence, len(numbered)) for sentence in numbered)
        by_article[article_id] = read
        sentences.extend(read)
    outlets_of: dict[str, set[str]] = {}
    for sentence in sentences:
        if not sentence.furniture:
            for token in sentence.tokens:
                outlets_of.setdefault(token, set()).add(sentence.outlet)
    token_counts = Counter({token: len(owners) for token, owners in outlets_of.items()})
    return Corpus(
        topic=topic,
        articles=MappingProxyType(articles),
        sentences=tuple(sentences),
        by_article=MappingProxyType(by_article),
        outlets=MappingProxyType(outlets),
        syndicated=MappingProxyType(originals),
        token_outlets=MappingProxyType(dict(sorted(token_counts.items()))),
        outlet_count=max(1, len(set(outlets.values()))),
    )
