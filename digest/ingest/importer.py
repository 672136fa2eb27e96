"""Import a batch of sources into a topic folder: one new file per article, nothing overwritten, duplicates skipped."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from digest import yamlsafe
from digest.content import ARTICLE_SUFFIX, SLUG_RE, TOPIC_FILE, ContentError, read_article
from digest.ingest import dedupe
from digest.ingest.clean import clean_page
from digest.ingest.frontmatter import article_file_text
from digest.ingest.model import NO_OVERRIDES, CleanedArticle, ImportResult, IngestError, Overrides
from digest.ingest.source import Page, read_source
from digest.ingest.text import PROSE_WORDS, fold_line, split_lines

SLUG_CHARS = 60
BATCH_BOILERPLATE = 3
"""A short line found in this many texts of a batch and its topic is the site's furniture, not article text."""
BOILERPLATE_MIN_WORDS = 3
"""Shorter recurring lines may be ordinary subheadings ("Background"), so they are left to the other signals."""


def slugify(title: str) -> str:
    """A file-name slug from a headline: ASCII letters and digits joined by hyphens, at most 60 characters."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", re.sub(r"(?<=\w)[.'](?=\w)|(?<=\b\w)\.", "", ascii_title.lower())).strip("-")
    if len(slug) > SLUG_CHARS:
        slug = slug[:SLUG_CHARS + 1].rsplit("-", 1)[0] if "-" in slug[:SLUG_CHARS + 1] else slug[:SLUG_CHARS]
    return slug.strip("-") or "article"


def _url_key(url: str | None) -> str | None:
    return url.strip().rstrip("/").lower() if url else None


def batch_boilerplate(texts: Sequence[str]) -> frozenset[str]:
    """Short lines that recur in several texts of the batch and the topic (the same site's menus and footers)."""
    if len(texts) < BATCH_BOILERPLATE:
        return frozenset()
    seen: dict[str, int] = {}
    for text in texts:
        keys = {fold_line(line.lstrip("#")) for _, line in split_lines(text)
                if BOILERPLATE_MIN_WORDS <= len(line.lstrip("#").split()) < PROSE_WORDS}
        for key in keys:
            seen[key] = seen.get(key, 0) + 1
    return frozenset(key for key, count in seen.items() if count >= BATCH_BOILERPLATE)


def _refuse_links(content_dir: Path, folder: Path) -> None:
    """Writes stay inside the content folder: refuse, before anything is written, a topic folder or topic.yml that
    is a symbolic link (or anything else that resolves outside the content folder)."""
    for path in (folder, folder / TOPIC_FILE):
        if path.is_symlink():
            raise IngestError(f"{path} is a symbolic link: digest writes only into plain folders and files inside "
                              f"the content folder ({content_dir}); replace the link with a folder")
    if folder.exists() and folder.resolve().parent != content_dir.resolve():
        raise IngestError(f"{folder} is not a folder inside the content folder ({content_dir}): refusing to write")


def _ensure_topic(folder: Path, topic: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    topic_file = folder / TOPIC_FILE
    if topic_file.exists():
        return
    title = topic.replace("-", " ").capitalize()
    try:
        with topic_file.open("x", encoding="utf-8") as handle:
            handle.write(yamlsafe.dump({"title": title}))
    except FileExistsError:
        pass


def _write_new(folder: Path, article: CleanedArticle) -> Path:
    """Write under a free name derived from the title (-2, -3 ... on a clash); never replace a file."""
    stem = slugify(article.meta.title)
    taken = {path.stem.lower() for path in folder.iterdir()}
    for attempt in range(1, 1000):
        suffix = "" if attempt == 1 else f"-{attempt}"
        name = stem[: SLUG_CHARS - len(suffix)].rstrip("-") + suffix
        if name.lower() in taken or not SLUG_RE.match(name):
            continue
        path = folder / (name + ARTICLE_SUFFIX)
        if path.resolve().parent != folder.resolve():
            raise IngestError(f"{article.meta.source}: refusing to write outside {folder}")
        try:
            with path.open("x", encoding="utf-8", newline="\n") as handle:
                handle.write(article_file_text(article))
        except FileExistsError:
            continue
        return path
    raise IngestError(f"{article.meta.source}: no free file name for {stem!r} in {folder}")


def import_sources(sources: Sequence[str], content_dir: Path, topic: str,
                   overrides: Overrides | Mapping[str, Overrides] = NO_OVERRIDES,
                   progress: Callable[[str], None] = lambda message: None) -> ImportResult:
    """Clean each source and write it as a new article of `content_dir/topic`.

    `overrides` applies to every source, or maps each source to its own (a batch of pages whose dates or outlets
    the maintainer knows: one call, so the topic's articles are read once, not once per source).
    """
    if not SLUG_RE.match(topic):
        raise IngestError(f"topic {topic!r} is not a valid slug: use lower-case letters, digits and hyphens "
                          "(e.g. iraq-coalition-talks)")
    if isinstance(overrides, Overrides) and overrides.url and len(sources) > 1:
        raise IngestError("--url names one article's address: import one source at a time when you give it")
    folder = content_dir / topic
    _refuse_links(content_dir, folder)
    _ensure_topic(folder, topic)
    known: dict[str, frozenset[str]] = {}
    urls: dict[str, str] = {}
    bodies: list[str] = []
    for path in sorted(folder.glob("*" + ARTICLE_SUFFIX)):
        try:
            existing = read_article(path)
        except ContentError:
            continue
        known[existing.id] = dedupe.shingles(existing.body)
        bodies.append(existing.body)
        if existing.meta.url:
            urls[_url_key(existing.meta.url) or ""] = existing.id
    pages: list[Page | None] = []
    failed: list[tuple[str, str]] = []
    for source in sources:
        try:
            pages.append(read_source(source))
        except IngestError as error:
            pages.append(None)
            failed.append((source, str(error)))
    boilerplate = batch_boilerplate(bodies + [page.text for page in pages if page and not page.html])
    written: list[Path] = []
    skipped: list[tuple[str, str]] = []
    total = len(sources)
    for number, (source, page) in enumerate(zip(sources, pages, strict=True), 1):
        prefix = f"[{number}/{total}] {source}"
        if page is None:
            message = next(message for failed_source, message in failed if failed_source == source)
            progress(f"{prefix}: failed: {message}")
            continue
        try:
            own = overrides if isinstance(overrides, Overrides) else overrides.get(source, NO_OVERRIDES)
            article = clean_page(page, own, boilerplate)
        except IngestError as error:
            failed.append((source, str(error)))
            progress(f"{prefix}: failed: {error}")
            continue
        reason = _duplicate_reason(article, known, urls)
        if reason:
            skipped.append((source, reason))
            progress(f"{prefix}: skipped: {reason}")
            continue
        article = _with_relations(article, known)
        try:
            path = _write_new(folder, article)
        except (IngestError, OSError) as error:
            failed.append((source, str(error)))
            progress(f"{prefix}: failed: {error}")
            continue
        written.append(path)
        known[path.stem] = dedupe.shingles(article.body)
        if article.meta.url:
            urls[_url_key(article.meta.url) or ""] = path.stem
        warnings = [flag for flag in article.meta.flags if flag in ("syndicated", "date_anomaly")]
        progress(f"{prefix} -> {path}" + (f" (flagged: {', '.join(warnings)})" if warnings else ""))
    order = {source: index for index, source in enumerate(sources)}
    return ImportResult(written=tuple(written), skipped=tuple(skipped),
                        failed=tuple(sorted(failed, key=lambda item: order.get(item[0], 0))))


def _duplicate_reason(article: CleanedArticle, known: dict[str, frozenset[str]], urls: dict[str, str]) -> str | None:
    key = _url_key(article.meta.url)
    if key and key in urls:
        return f"same url as article {urls[key]!r}, already in the topic"
    duplicate = dedupe.duplicate_of(dedupe.compare(dedupe.shingles(article.body), known))
    if duplicate:
        return f"near-identical to article {duplicate.other!r} ({duplicate.resemblance:.0%} of the text in common)"
    return None


def _with_relations(article: CleanedArticle, known: dict[str, frozenset[str]]) -> CleanedArticle:
    matches = dedupe.compare(dedupe.shingles(article.body), known)
    copied, similar = dedupe.relations(matches)
    if not copied and not similar:
        return article
    notes = list(article.notes)
    flags = article.meta.flags
    if copied:
        share = next(m.containment for m in matches if m.other == copied)
        notes.append(f"flagged syndicated: {share:.0%} of its text is in article {copied!r}")
        flags = tuple(sorted({*flags, "syndicated"}, key=_flag_order))
    meta = replace(article.meta, syndicated_from=copied, similar_to=similar, flags=flags)
    return replace(article, meta=meta, notes=tuple(notes))


def _flag_order(flag: str) -> int:
    from digest.flags import FLAGS

    return list(FLAGS).index(flag)
