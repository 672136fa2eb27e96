"""Editorial curation from topic.yml: hand-picked summary lines, timeline entries and contested points.

A maintainer cites an article and a verbatim quote; here each quote is found in the
article's numbered sentences, so the page links it like any automatic sentence. Automatic
entries and points whose id the maintainer listed under `hide` are left out.
"""

from __future__ import annotations

from dataclasses import replace

from digest.analysis.corpus import Corpus
from digest.analysis.ids import curated_entry_id, point_id
from digest.language.sentences import word_count
from digest.language.tokens import find_folded
from digest.model import (
    TOPIC_FILE,
    Cited,
    ContentError,
    ContestedPoint,
    ContestedSide,
    Digest,
    Problem,
    Quote,
    SentenceRef,
    TimelineEntry,
    Topic,
)


def _cited(quotes: tuple[Quote, ...], corpus: Corpus, problems: list[Problem]) -> Cited | None:
    """The quotes as their articles write them, each cited to the sentence it starts in. The content check finds
    every quote the same way (`digest.content.quote_found`); one that is not there is a problem of topic.yml."""
    texts, refs = [], []
    for quote in quotes:
        sentences = corpus.by_article.get(quote.article, ())
        found = find_folded(quote.text, [sentence.text for sentence in sentences])
        if found is None:
            problems.append(Problem(corpus.topic.path / TOPIC_FILE, quote.line,
                                    f"quote not found in article {quote.article!r}: {quote.text[:60]!r} "
                                    "(quotes must be copied verbatim)"))
            continue
        texts.append(found[0])
        refs.append(sentences[found[1]].ref)
    if not refs:
        return None
    sources = tuple(dict.fromkeys(ref.article for ref in refs))
    return Cited(text=texts[0], sources=sources, refs=tuple(refs))


def _summary(topic: Topic, corpus: Corpus, digest: Digest, problems: list[Problem]) -> tuple[Cited, ...]:
    curated = [cited for quote in topic.summary_lines if (cited := _cited((quote,), corpus, problems))]
    if not curated:
        return digest.summary
    taken = {ref for cited in curated for ref in cited.refs}
    automatic = [cited for cited in digest.summary if not taken & set(cited.refs)]
    # Curated lines come first; automatic ones give way at the end so the length stays what it was.
    budget = max(topic.settings.summary_words, sum(word_count(cited.text) for cited in digest.summary))
    words = sum(word_count(cited.text) for cited in curated)
    kept = []
    for cited in automatic:
        words += word_count(cited.text)
        if words > budget:
            break
        kept.append(cited)
    return (*curated, *kept)


def _timeline(topic: Topic, corpus: Corpus, digest: Digest, problems: list[Problem]) -> tuple[TimelineEntry, ...]:
    hidden = set(topic.settings.hide)
    entries = [entry for entry in digest.timeline if entry.id not in hidden]
    heaviest = max((entry.weight for entry in entries), default=1.0)
    for event in topic.curated_events:
        cited = _cited((event.quote,), corpus, problems)
        if cited is None:
            continue
        entries = [entry for entry in entries
                   if not (entry.date == event.date and entry.event.refs[:1] == cited.refs[:1])]
        entries.append(TimelineEntry(id=curated_entry_id(event.date, cited.text), date=event.date, event=cited,
                                     weight=heaviest, curated=True))
    return tuple(sorted(entries, key=lambda entry: entry.date))


def _contested(topic: Topic, corpus: Corpus, digest: Digest, problems: list[Problem]) -> tuple[ContestedPoint, ...]:
    hidden = set(topic.settings.hide)
    automatic = [point for point in digest.contested if point.id not in hidden]
    strongest = max((point.score for point in automatic), default=1.0)
    curated = []
    for point in topic.curated_points:
        sides = [ContestedSide(label=label, claim=cited) for label, quotes in point.sides
                 if (cited := _cited(quotes, corpus, problems))]
        if len(sides) < 2:
            continue
        curated.append(ContestedPoint(
            id=point_id(point.kind, [side.claim.text for side in sides]),
            kind=point.kind, title=point.title, sides=tuple(sides), score=strongest, curated=True))
    # An automatic point opposing the same sentences as a curated one is that point again.
    curated_sides = [[set(side.claim.refs) for side in point.sides] for point in curated]

    def restates(point: ContestedPoint, sides: list[set[SentenceRef]]) -> bool:
        return sum(any(set(side.claim.refs) & refs for refs in sides) for side in point.sides) >= 2

    return (*curated, *(point for point in automatic
                        if not any(restates(point, sides) for sides in curated_sides)))


def unknown_hidden_ids(topic: Topic, digest: Digest) -> list[Problem]:
    """An error for each id under `hide` that names no automatic timeline entry or contested point of the digest:
    a typo, or an entry the analysis no longer gives, would otherwise hide nothing, silently."""
    known = {entry.id for entry in digest.timeline} | {point.id for point in digest.contested}
    lines = topic.settings.hide_lines or (1,) * len(topic.settings.hide)
    return [Problem(topic.path / TOPIC_FILE, line, f"hide lists {hidden!r}, which is no timeline entry or contested "
                    f"point of this topic (their ids are in topics/{topic.slug}/digest.json): remove it")
            for hidden, line in zip(topic.settings.hide, lines, strict=False) if hidden not in known]


def apply_curation(topic: Topic, corpus: Corpus, digest: Digest) -> Digest:
    """The digest with topic.yml's curated lines, entries and points added and hidden ids removed.

    Raises ContentError (topic.yml and line) for what only the digest shows: a hidden id that names nothing, a quote
    not in its article (which the content check reports first), so the build fails the way `digest check` does.
    """
    problems = unknown_hidden_ids(topic, digest)
    curated = replace(
        digest,
        summary=_summary(topic, corpus, digest, problems),
        timeline=_timeline(topic, corpus, digest, problems),
        contested=_contested(topic, corpus, digest, problems),
    )
    if problems:
        raise ContentError(problems)
    return curated
