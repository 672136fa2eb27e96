"""Batch import: a file per article, nothing overwritten, duplicates skipped, copies flagged, bad inputs reported."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from digest.content import load_topic, parse_article
from digest.ingest import (
    CleanedArticle,
    IngestError,
    Overrides,
    article_file_text,
    clean_source,
    import_sources,
)
from digest.ingest.importer import slugify
from digest.model import ArticleMeta

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
TEXTS = ["wire-style.txt", "blog-style.txt", "crlf-bom.txt"]


def _copy(tmp_path: Path, *names: str) -> list[str]:
    folder = tmp_path / "inbox"
    folder.mkdir(exist_ok=True)
    return [str(shutil.copy(FIXTURES / name, folder / name)) for name in names]


def test_import_writes_articles_that_load_cleanly(tmp_path: Path) -> None:
    messages: list[str] = []
    sources = _copy(tmp_path, *TEXTS)
    result = import_sources(sources, tmp_path / "content", "harbour-news", progress=messages.append)
    assert [path.name for path in result.written] == [
        "port-authority-approves-dredging-of-the-northern-channel.md",
        "council-approves-new-library-for-the-east-side.md", "bridge-reopens-after-repairs.md"]
    assert result.skipped == () and result.failed == ()
    assert len(messages) == 3 and messages[1].startswith("[2/3] ") and " -> " in messages[1]
    topic, problems = load_topic(tmp_path / "content" / "harbour-news")
    assert problems == []
    assert topic.title == "Harbour news"
    assert len(topic.articles) == 3


def test_each_source_can_have_its_own_overrides(tmp_path: Path) -> None:
    wire, blog = _copy(tmp_path, "wire-style.txt", "blog-style.txt")
    own = {wire: Overrides(outlet="Harbour Wire", published=date(2024, 3, 4)),
           blog: Overrides(outlet="Town Blog", published=date(2024, 3, 9))}
    result = import_sources([wire, blog], tmp_path / "content", "harbour-news", own)
    metas = [parse_article(path, path.read_text(encoding="utf-8")).meta for path in result.written]
    assert [(meta.outlet, meta.published) for meta in metas] == [("Harbour Wire", date(2024, 3, 4)),
                                                                 ("Town Blog", date(2024, 3, 9))]


def test_second_import_of_the_same_article_is_skipped_and_nothing_overwritten(tmp_path: Path) -> None:
    sources = _copy(tmp_path, "wire-style.txt")
    content = tmp_path / "content"
    first = import_sources(sources, content, "port")
    before = first.written[0].read_bytes()
    second = import_sources(sources, content, "port")
    assert second.written == ()
    assert second.skipped[0][0] == sources[0] and "near-identical" in second.skipped[0][1]
    assert first.written[0].read_bytes() == before


def test_same_url_is_a_duplicate_even_with_other_text(tmp_path: Path) -> None:
    content = tmp_path / "content"
    import_sources(_copy(tmp_path, "wire-style.txt"), content, "port", Overrides(url="https://news.example/a"))
    result = import_sources(_copy(tmp_path, "blog-style.txt"), content, "port", Overrides(url="https://news.example/a/"))
    assert result.written == () and "same url" in result.skipped[0][1]


def test_duplicate_within_one_batch(tmp_path: Path) -> None:
    sources = _copy(tmp_path, "wire-style.txt")
    twin = Path(sources[0]).with_name("again.txt")
    shutil.copy(sources[0], twin)
    result = import_sources([sources[0], str(twin)], tmp_path / "content", "port")
    assert len(result.written) == 1 and result.skipped[0][0] == str(twin)


def test_rewritten_copy_is_flagged_as_syndicated(tmp_path: Path) -> None:
    content = tmp_path / "content"
    original = import_sources(_copy(tmp_path, "wire-style.txt"), content, "port").written[0]
    text = (FIXTURES / "wire-style.txt").read_text(encoding="utf-8")
    copy = tmp_path / "copy.txt"
    copy.write_text(text.replace("Port authority approves dredging of the northern channel",
                                 "Dredging of northern channel gets the green light")
                    .replace("The vote was 7-2.", "Board members split seven votes to two on the plan in the end.")
                    .replace("Most Read", "Popular"), encoding="utf-8")
    written = import_sources([str(copy)], content, "port").written[0]
    article = parse_article(written, written.read_text(encoding="utf-8"))
    assert article.meta.syndicated_from == original.stem
    assert "syndicated" in article.meta.flags
    assert load_topic(content / "port")[1] == []


def test_title_clash_gets_a_numbered_name(tmp_path: Path) -> None:
    content = tmp_path / "content"
    first = import_sources(_copy(tmp_path, "crlf-bom.txt"), content, "bridges").written[0]
    other = tmp_path / "other.txt"
    other.write_text("Bridge reopens after repairs\n\nThe ferry company said it would cut its winter timetable now "
                     "that drivers can again use the river crossing to reach the town.\n", encoding="utf-8")
    second = import_sources([str(other)], content, "bridges").written[0]
    assert second.name == first.stem + "-2.md"


def test_existing_topic_file_is_never_touched(tmp_path: Path) -> None:
    folder = tmp_path / "content" / "port"
    folder.mkdir(parents=True)
    (folder / "topic.yml").write_text("title: My own title\ndescription: kept as is\n", encoding="utf-8")
    import_sources(_copy(tmp_path, "wire-style.txt"), tmp_path / "content", "port")
    assert (folder / "topic.yml").read_text(encoding="utf-8") == "title: My own title\ndescription: kept as is\n"


@pytest.mark.parametrize("topic", ["../escape", "Upper", "a/b", "", "-dash", "x" * 100, "."])
def test_topic_must_be_a_slug(tmp_path: Path, topic: str) -> None:
    with pytest.raises(IngestError, match="slug"):
        import_sources(_copy(tmp_path, "crlf-bom.txt"), tmp_path / "content", topic)
    assert not (tmp_path / "content").exists()


def _hostile(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / f"{kind}.txt"
    if kind == "binary":
        path.write_bytes(bytes(range(256)) * 40)
    elif kind == "huge":
        with path.open("wb") as handle:
            handle.truncate(50_000_000)
    elif kind == "latin1":
        path.write_bytes("Caf\u00e9 reopens\n\nThe caf\u00e9 on the square reopened on Monday after the "
                         "repairs to its roof were finished.\n".encode("latin-1"))
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "blank":
        path.write_bytes(b"\r\n  \n\t\n")
    elif kind == "furniture":
        path.write_text("Menu\nHome\nSubscribe\nScroll to Top\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("kind", "message"), [
    ("binary", "binary"), ("huge", "MB"), ("latin1", "UTF-8"), ("empty", "empty"), ("blank", "empty"),
    ("furniture", "no article text"),
])
def test_unreadable_inputs_are_reported_and_the_rest_imported(tmp_path: Path, kind: str, message: str) -> None:
    bad = _hostile(tmp_path, kind)
    good = _copy(tmp_path, "crlf-bom.txt")
    messages: list[str] = []
    result = import_sources([str(bad), *good], tmp_path / "content", "mixed", progress=messages.append)
    assert [path.name for path in result.written] == ["bridge-reopens-after-repairs.md"]
    assert result.failed[0][0] == str(bad)
    assert str(bad) in result.failed[0][1] and message in result.failed[0][1]
    assert messages[0].startswith("[1/2] ") and "failed" in messages[0]
    with pytest.raises(IngestError, match=message):
        clean_source(str(bad))


def test_invalid_utf8_error_names_the_line(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r"latin1\.txt:1:"):
        clean_source(str(_hostile(tmp_path, "latin1")))


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="no such file"):
        clean_source(str(tmp_path / "nope.txt"))
    with pytest.raises(IngestError, match="is a folder"):
        clean_source(str(tmp_path))


def test_overrides_win_over_the_page(tmp_path: Path) -> None:
    article = clean_source(str(FIXTURES / "wire-style.txt"),
                           Overrides(outlet="Bay Wire", url="https://bay.example/x", published=date(2024, 1, 6)))
    assert (article.meta.outlet, article.meta.url, article.meta.published) == (
        "Bay Wire", "https://bay.example/x", date(2024, 1, 6))
    assert any("2024-01-05" in note for note in article.notes)
    assert article.meta.flags == ()


@pytest.mark.parametrize("title", ["no", "yes", "null", "2024-01-02", "on", "~", "a: b", "#hash", "'quoted'",
                                   '"double"', "- dash", "[list]", "{map}", "100", "1e3", "tab\tinside", "ünïcødé",
                                   "back\\slash", "line\u2028sep"])
def test_front_matter_reads_back_exactly(tmp_path: Path, title: str) -> None:
    meta = ArticleMeta(title=title.replace("\u2028", " "), outlet=title, author="no", credit="2024-01-02",
                       section="null", published=date(2024, 1, 2), flags=("no_url",), similar_to=("other-article",),
                       source="file.txt")
    text = article_file_text(CleanedArticle(meta=meta, body="Body text here.", notes=()))
    path = tmp_path / "x.md"
    article = parse_article(path, text)
    expected_outlet = title if "\t" not in title and "\u2028" not in title else article.meta.outlet
    assert article.meta.title == meta.title
    assert article.meta.outlet == expected_outlet
    assert (article.meta.author, article.meta.credit, article.meta.section) == ("no", "2024-01-02", "null")
    assert article.meta.published == date(2024, 1, 2)
    assert article.body.strip() == "Body text here."


@pytest.mark.parametrize(("title", "slug"), [
    ("Iraq’s Prime Minister Calls for Departure", "iraqs-prime-minister-calls-for-departure"),
    ("Ünïcödé — Title!", "unicode-title"),
    ("../../etc/passwd", "etc-passwd"),
    ("IRAQ PM ends coalition with the U.S.", "iraq-pm-ends-coalition-with-the-us"),
    ("U.S.-led talks: 3.5% growth", "us-led-talks-35-growth"),
    ("日本語", "article"),
    ("word " * 30, "word-word-word-word-word-word-word-word-word-word-word-word"),
])
def test_slugify(title: str, slug: str) -> None:
    assert slugify(title) == slug
    assert len(slugify(title)) <= 60


def test_short_lines_recurring_across_a_batch_are_dropped(tmp_path: Path) -> None:
    stories = [("Ferry timetable changes in spring", "The ferry company will change its timetable in spring, "
                "adding two sailings a day to the islands during the busy months."),
               ("School roof repaired before winter", "Builders finished repairing the roof of the village school "
                "on Friday, a week before the first winter storms were forecast."),
               ("Market square to close for repairs", "The market square will close for six weeks from May while "
                "the council replaces its broken paving stones and drains.")]
    sources = []
    for index, (title, paragraph) in enumerate(stories):
        page = tmp_path / f"page{index}.txt"
        page.write_text(f"{title}\n\n{paragraph}\n\nSupport local journalism today\n\n"
                        "Readers like you keep the newsroom open, and we thank every one of them for it.\n",
                        encoding="utf-8")
        sources.append(str(page))
    alone = clean_source(sources[0])
    assert "## Support local journalism today" in alone.body
    result = import_sources(sources, tmp_path / "content", "village")
    for path in result.written:
        text = path.read_text(encoding="utf-8")
        assert "Support local journalism" not in text


def test_utf16_text_and_xhtml_are_read(tmp_path: Path) -> None:
    text = (FIXTURES / "crlf-bom.txt").read_text(encoding="utf-8-sig")
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(text.encode("utf-16"))
    assert clean_source(str(utf16)).meta.title == "Bridge reopens after repairs"
    xhtml = tmp_path / "page.xhtml"
    xhtml.write_bytes(b'<?xml version="1.0" encoding="utf-8"?>\n' + (FIXTURES / "article.html").read_bytes()
                      .replace(b"<!DOCTYPE html>\n", b""))
    assert clean_source(str(xhtml)).meta.outlet == "The Valley Gazette"


def test_an_article_file_is_imported_as_it_is(tmp_path: Path) -> None:
    first = import_sources(_copy(tmp_path, "wire-style.txt"), tmp_path / "one", "port").written[0]
    moved = import_sources([str(first)], tmp_path / "two", "harbour").written[0]
    assert moved.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")
    again = clean_source(str(first), Overrides(url="https://bay.example/dredging"))
    assert again.meta.url == "https://bay.example/dredging"


def test_markdown_headings_in_pasted_text() -> None:
    from digest.ingest.text import clean_text

    page = ("# Ferry fares to rise\n\nThe ferry company will raise fares by a tenth in April, blaming the price "
            "of fuel and the cost of repairs.\n\n## Islanders object\n\nIslanders said the rise would hit those who "
            "travel to the main island for work every day.\n")
    clean = clean_text(page)
    assert clean.found.title == "Ferry fares to rise"
    assert "## Islanders object\n\nIslanders said" in clean.body


def test_short_lines_recurring_across_the_topic_are_dropped(tmp_path: Path) -> None:
    folder = tmp_path / "content" / "village"
    folder.mkdir(parents=True)
    (folder / "topic.yml").write_text("title: Village\n", encoding="utf-8")
    for index in range(2):
        (folder / f"old-{index}.md").write_text(
            f'---\ntitle: "Old story {index}"\n---\n\nThe village fete raised {index + 2} hundred pounds for the '
            "church roof this summer, the organisers said.\n\n## Support local journalism today\n\nThe parish "
            "council thanked everyone who baked, sold and bought cakes on the day.\n", encoding="utf-8")
    page = tmp_path / "new.txt"
    page.write_text("Market square to close for repairs\n\nThe market square will close for six weeks from May "
                    "while the council replaces its broken paving stones.\n\nSupport local journalism today\n\n"
                    "Traders will move to the car park behind the church until the work is finished.\n",
                    encoding="utf-8")
    written = import_sources([str(page)], tmp_path / "content", "village").written[0]
    assert "Support local journalism" not in written.read_text(encoding="utf-8")
