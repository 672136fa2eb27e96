"""The analysis cache: same digests with or without it, and only changed topics re-analysed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import digest.cache
from digest.analysis import analyse
from digest.cache import TopicJobs, analyse_topics, code_fingerprint, topic_key
from digest.content import load_content
from digest.export import to_json
from digest.model import Digest, Topic

FIXTURE = Path(__file__).parent / "fixtures" / "cache" / "content"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(FIXTURE, folder)
    return folder


def _topics(content: Path) -> tuple[Topic, ...]:
    loaded = load_content(content)
    assert not loaded.problems
    return loaded.topics


def _json(digests: dict[str, Digest]) -> dict[str, str]:
    return {slug: to_json(result) for slug, result in digests.items()}


@pytest.fixture
def analysed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Slugs of the topics the cache sends to the analysis, in order."""
    calls: list[str] = []

    def counting(topic: Topic) -> Digest:
        calls.append(topic.slug)
        return analyse(topic)

    monkeypatch.setattr(digest.cache, "analyse", counting)
    return calls


def test_cached_and_uncached_results_are_byte_identical(content: Path, tmp_path: Path, analysed: list[str]) -> None:
    topics = _topics(content)
    fresh = _json(analyse_topics(topics, cache_dir=None, jobs=1))
    first = _json(analyse_topics(topics, cache_dir=tmp_path / "cache", jobs=1))
    analysed.clear()
    second = _json(analyse_topics(_topics(content), cache_dir=tmp_path / "cache", jobs=1))
    assert analysed == []
    assert first == fresh
    assert second == fresh
    assert list(second) == [topic.slug for topic in topics]


def _edit_article(topic_dir: Path) -> None:
    article = sorted(topic_dir.glob("*.md"))[1]
    article.write_text(article.read_text(encoding="utf-8") + "\nThe talks resumed on Friday in a new venue.\n",
                       encoding="utf-8")


def _add_article(topic_dir: Path) -> None:
    source = sorted(topic_dir.glob("*.md"))[0]
    text = source.read_text(encoding="utf-8").replace("url: https://", "url: https://copy.", 1)
    (topic_dir / "9999-added-article.md").write_text(text, encoding="utf-8")


def _remove_article(topic_dir: Path) -> None:
    articles = sorted(topic_dir.glob("*.md"))
    texts = "".join(article.read_text(encoding="utf-8") for article in articles)
    next(article for article in articles if f"syndicated_from: {article.stem}" not in texts).unlink()


def _edit_topic_file(topic_dir: Path) -> None:
    topic_file = topic_dir / "topic.yml"
    topic_file.write_text(topic_file.read_text(encoding="utf-8") + "settings:\n  summary_words: 60\n",
                          encoding="utf-8")


@pytest.mark.parametrize("change", [_edit_article, _add_article, _remove_article, _edit_topic_file])
def test_a_change_re_analyses_only_its_topic(change, content: Path, tmp_path: Path, analysed: list[str]) -> None:
    cache = tmp_path / "cache"
    analyse_topics(_topics(content), cache_dir=cache, jobs=1)
    changed = sorted(path.name for path in content.iterdir())[1]
    change(content / changed)
    analysed.clear()
    topics = _topics(content)
    result = _json(analyse_topics(topics, cache_dir=cache, jobs=1))
    assert analysed == [changed]
    assert result == _json(analyse_topics(topics, cache_dir=None, jobs=1))
    assert sorted(path.name.split(".")[0] for path in cache.iterdir()) == sorted(result), "one entry per topic"


@pytest.mark.parametrize("damage", [
    "",
    '{"key": "',
    "[1, 2, 3]",
    '{"key": "not the key", "digest": {}}',
    '{"key": "KEY", "digest": {"topic": {}}}',
    '{"key": "KEY", "digest": {"topic": {"slug": "x"}, "articles": 5}}',
    "\udcff not utf-8",
])
def test_a_corrupt_entry_is_ignored_and_rewritten(damage: str, content: Path, tmp_path: Path,
                                                  analysed: list[str]) -> None:
    cache = tmp_path / "cache"
    topics = _topics(content)[:1]
    expected = _json(analyse_topics(topics, cache_dir=cache, jobs=1))
    victim = topics[0]
    key = topic_key(victim)
    entry = cache / f"{victim.slug}.{key}.json"
    entry.write_bytes(damage.replace("KEY", key).encode("utf-8", "surrogateescape"))
    analysed.clear()
    assert _json(analyse_topics(topics, cache_dir=cache, jobs=1)) == expected
    assert analysed == [victim.slug]
    analysed.clear()
    assert _json(analyse_topics(topics, cache_dir=cache, jobs=1)) == expected
    assert analysed == []


def test_writes_leave_no_temporary_files(content: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    topics = _topics(content)
    analyse_topics(topics, cache_dir=cache, jobs=1)
    assert sorted(path.name for path in cache.iterdir()) == sorted(
        f"{topic.slug}.{topic_key(topic)}.json" for topic in topics)


def test_the_key_changes_with_the_analysis_code(content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "package"
    shutil.copytree(Path(digest.cache.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(digest.cache, "_PACKAGE_DIR", package)

    def fingerprint() -> str:
        code_fingerprint.cache_clear()
        return code_fingerprint()

    try:
        original = fingerprint()
        (package / "render" / "views.py").write_text("# presentation only\n", encoding="utf-8")
        assert fingerprint() == original, "editing the page templates keeps the cache"
        topic = _topics(content)[0]
        key = topic_key(topic)
        with (package / "analysis" / "timeline.py").open("a", encoding="utf-8") as source:
            source.write("\n# a change to the analysis\n")
        assert fingerprint() != original
        assert topic_key(topic) != key
    finally:
        code_fingerprint.cache_clear()


def _title_unless_second(topic: Topic, digest: Digest) -> str:
    """A stand-in for page rendering (module level, so worker processes can run it) that fails on one topic."""
    if topic.slug == sorted(path.name for path in FIXTURE.iterdir())[1]:
        raise RuntimeError(f"cannot render {topic.slug}")
    return digest.title


@pytest.mark.parametrize("jobs", [1, 2])
def test_jobs_report_each_topic_alone_and_count_what_they_analysed(content: Path, tmp_path: Path, jobs: int) -> None:
    topics = _topics(content)
    first, failing, last = (topic.slug for topic in topics)
    with TopicJobs(topics, _title_unless_second, cache_dir=tmp_path / "cache", jobs=jobs) as running:
        assert running.result(last)[1] == topics[2].title
        with pytest.raises(KeyError):
            running.result(last)  # handed out once: rendered pages are not kept
        with pytest.raises(RuntimeError, match=f"cannot render {failing}"):
            running.result(failing)
        digest, title = running.result(first)
        assert (digest.slug, title) == (first, topics[0].title)
        assert running.analysed == 2
        assert running.analysis_seconds > 0
    with TopicJobs(topics, _title_unless_second, cache_dir=tmp_path / "cache", jobs=jobs) as running:
        assert running.result(first)[1] == topics[0].title
        assert running.analysed == 0, "cached by the first jobs"


def test_each_topic_starts_with_empty_text_caches(content: Path) -> None:
    # Caches of one topic's texts would only grow across the hundreds of topics a worker analyses.
    from digest.language.attribution import unquoted
    from digest.language.sentences import blocks
    from digest.memo import start_topic

    blocks("A body nobody else has.")
    unquoted("A sentence nobody else has.")
    start_topic()
    assert blocks.cache_info().currsize == unquoted.cache_info().currsize == 0
    first = _topics(content)[0]
    analyse(first)
    assert blocks.cache_info().currsize == len(first.articles)
