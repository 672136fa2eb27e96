"""Read and validate the content folder: topics, their settings and their articles.

Everything here is untrusted (it arrives by pull request), so every value is checked
against a schema and every problem is reported with its file and line, all in one run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from digest.content.article_file import (
    ARTICLE_KEYS,
    ARTICLE_SUFFIX,
    MAX_ARTICLE_BYTES,
    parse_article,
    read_article,
)
from digest.content.fields import SLUG_RE, ContentError, is_safe_url, normalise_text, split_front_matter
from digest.content.outlets import clean_name, lookalike_problems
from digest.content.topic_file import CONTESTED_KINDS, SETTINGS_KEYS, TOPIC_KEYS, parse_topic_file
from digest.language.sentences import sentences
from digest.language.tokens import find_folded, fold
from digest.model import TOPIC_FILE, Article, Problem, Quote, Topic, topic_updated

__all__ = [
    "ARTICLE_KEYS", "ARTICLE_SUFFIX", "CONTESTED_KINDS", "MAX_ARTICLE_BYTES", "SETTINGS_KEYS", "SLUG_RE", "TOPIC_FILE",
    "TOPIC_KEYS", "ContentError", "ContentLoad", "clean_name", "is_safe_url", "load_content", "load_topic",
    "normalise_text", "parse_article", "parse_topic_file", "quote_found", "read_article", "split_front_matter",
    "topic_updated",
]


@dataclass(frozen=True, slots=True)
class ContentLoad:
    """What reading a content folder gave: usable topics and the problems found."""

    topics: tuple[Topic, ...]
    """Topics that loaded, sorted by slug (articles with errors are left out)."""
    problems: tuple[Problem, ...]
    """Errors, in file order."""


def quote_found(quote: str, body: str) -> bool:
    """A curated quote must appear in the article's sentences, up to spacing, typographic quotes and emphasis:
    found the way the analysis finds it to cite it."""
    return find_folded(quote, [sentence.text for sentence in sentences(body)]) is not None


def _check_topic_references(topic: Topic, articles: tuple[Article, ...], unread: set[str],
                            problems: list[Problem]) -> None:
    """Check what refers to articles: curated quotes, copies and similar articles, urls. `articles` are all the
    topic's article files, those with errors included as far as they could be read; `unread` names the files that
    could not be read at all (their own error says why, and what quotes them is not checked again)."""
    topic_file = topic.path / TOPIC_FILE
    by_id = {article.id: article for article in articles}
    quotes = [*topic.summary_lines, *(event.quote for event in topic.curated_events)]
    quotes += [quote for point in topic.curated_points for _, side in point.sides for quote in side]
    for quote in quotes:
        article = by_id.get(quote.article)
        if quote.article in unread:
            continue
        if article is None:
            problems.append(Problem(topic_file, quote.line, f"article {quote.article!r} is not in this topic"))
        elif not quote_found(quote.text, article.body):
            problems.append(Problem(topic_file, quote.line, f"quote not found in {article.path.name}: "
                                    f"{quote.text[:60]!r} (quotes must be copied verbatim)"))
    _check_repeated_quotes(topic, problems)
    urls: dict[str, Article] = {}
    for article in articles:
        for ref in filter(None, (article.meta.syndicated_from, *article.meta.similar_to)):
            if ref not in by_id and ref not in unread:
                problems.append(Problem(article.path, 1, f"refers to article {ref!r}, which is not in this topic"))
        if article.meta.url:
            key = article.meta.url.rstrip("/").lower()
            if key in urls:
                problems.append(Problem(article.path, 1, f"same url as {urls[key].path.name}: "
                                        "the article is in the topic twice"))
            urls[key] = article
    problems += lookalike_problems(articles)


def _check_repeated_quotes(topic: Topic, problems: list[Problem]) -> None:
    """A quote given twice (as a reader compares them: spacing, typographic quotes and emphasis aside) in the
    summary, the timeline or one contested point would show twice."""
    topic_file = topic.path / TOPIC_FILE
    lists = [("summary", list(topic.summary_lines)), ("timeline", [event.quote for event in topic.curated_events])]
    lists += [(f"contested point {point.title!r}", [quote for _, side in point.sides for quote in side])
              for point in topic.curated_points]
    for where, quotes in lists:
        seen: dict[tuple[str, str], Quote] = {}
        for quote in quotes:
            first = seen.setdefault((quote.article, fold(quote.text)), quote)
            if first is not quote:
                problems.append(Problem(topic_file, quote.line, f"the {where} quotes this passage of "
                                        f"{quote.article!r} twice (first on line {first.line}): remove one"))


def load_topic(folder: Path, read: Callable[[Path], Article] = read_article) -> tuple[Topic, list[Problem]]:
    """Read one topic folder; articles with errors are left out and their problems returned."""
    topic_file = folder / TOPIC_FILE
    problems: list[Problem] = []
    if not SLUG_RE.match(folder.name):
        problems.append(Problem(topic_file, 1, f"topic folder {folder.name!r} must be named with lower-case "
                                "letters, digits and hyphens"))
    try:
        if topic_file.is_symlink():
            raise ContentError([Problem(topic_file, 1, "topic.yml is a symbolic link: content must be plain files "
                                        "inside the content folder")])
        text = normalise_text(topic_file.read_bytes(), topic_file)
        topic, topic_problems = parse_topic_file(topic_file, text)
        problems += topic_problems
    except ContentError as error:
        topic = Topic(slug=folder.name, path=folder, title=folder.name)
        problems += error.problems
    except FileNotFoundError:
        topic = Topic(slug=folder.name, path=folder, title=folder.name)
        problems.append(Problem(topic_file, 1, "missing topic.yml (it needs at least a 'title')"))
    articles: list[Article] = []
    broken: list[Article] = []  # articles with errors, as far as they could be read: still checked with the rest
    unread: set[str] = set()  # ids of article files that could not be read at all (too large, not UTF-8...)
    seen: dict[str, Path] = {}
    for path in sorted(folder.iterdir()):
        if path.name == TOPIC_FILE or path.name.startswith("."):
            continue
        if path.suffix != ARTICLE_SUFFIX or not path.is_file() or path.is_symlink():
            problems.append(Problem(path, 1, "unexpected file in a topic folder: articles are .md files"))
            continue
        if path.stem.lower() in seen:
            problems.append(Problem(path, 1, f"duplicate article id (same name as {seen[path.stem.lower()].name})"))
            continue
        seen[path.stem.lower()] = path
        try:
            articles.append(read(path))
        except ContentError as error:
            problems += error.problems
            if error.article is not None:
                broken.append(error.article)
            else:
                unread.add(path.stem)
    if not articles and not problems:
        problems.append(Problem(topic_file, 1, "the topic has no articles: import at least one"))
    topic = replace(topic, articles=tuple(articles))
    _check_topic_references(topic, tuple(sorted(articles + broken, key=lambda article: article.path)), unread,
                            problems)
    return topic, problems


def load_content(content_dir: Path, read: Callable[[Path], Article] = read_article) -> ContentLoad:
    """Read every topic folder under `content_dir`."""
    if not content_dir.is_dir():
        raise ContentError([Problem(content_dir, 1, "content folder not found")])
    topics, problems = [], []
    for folder in sorted(content_dir.iterdir()):
        if folder.name.startswith("."):
            continue
        if not folder.is_dir():
            problems.append(Problem(folder, 1, "unexpected file in the content folder: articles go in a topic "
                                    "folder, content/<topic>/<article>.md"))
            continue
        if folder.is_symlink():
            problems.append(Problem(folder, 1, "topic folder is a symbolic link: content must be plain folders "
                                    "inside the content folder"))
            continue
        topic, topic_problems = load_topic(folder, read)
        topics.append(topic)
        problems += topic_problems
    return ContentLoad(topics=tuple(topics), problems=tuple(problems))
