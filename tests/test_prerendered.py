"""The pass-through of the pages' HTML blocks (digest.render.prerendered) gives exactly Python-Markdown's own HTML."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from mkdocs.utils.meta import get_data
from site_build import FIXTURE_CONTENT, write_hostile_content

from digest.build import ContentProblems, build, with_problems
from digest.model import Problem
from digest.render.prerendered import MARK, PrerenderedHtml

EXTENSIONS = ["toc", "tables", "fenced_code", "admonition", "attr_list"]  # mkdocs' own, then this site's
WITH_MD_IN_HTML = [*EXTENSIONS, "md_in_html"]  # what many material sites add


def _pages(content: Path) -> list[tuple[str, str]]:
    site = build(content)
    problems = ContentProblems(content, [Problem(content / "a" / "b.md", 3, "a problem <b>&amp;</b>")])
    pages = [*site.outputs, *with_problems(site, problems).outputs]
    return [(output.path, get_data(output.content)[0]) for output in pages if output.path.endswith(".md")]


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str]]:
    hostile = tmp_path_factory.mktemp("hostile") / "content"
    write_hostile_content(hostile)
    return _pages(FIXTURE_CONTENT) + _pages(hostile)


@pytest.mark.parametrize("extensions", [EXTENSIONS, WITH_MD_IN_HTML], ids=["site", "md_in_html"])
def test_passed_through_pages_convert_to_python_markdowns_own_html(pages, extensions) -> None:
    assert len(pages) > 40
    for path, text in pages:
        assert text.startswith(MARK + "\n\n"), path
        parsed = markdown.Markdown(extensions=extensions)
        passed = markdown.Markdown(extensions=[*extensions, PrerenderedHtml()])
        assert passed.convert(text) == parsed.convert(text.removeprefix(MARK + "\n\n")), path
        assert passed.toc_tokens == parsed.toc_tokens, path


def test_a_page_without_the_mark_in_first_place_is_converted_as_usual(pages) -> None:
    text = next(text for path, text in pages if path.endswith("/index.md"))
    moved = "An announcement another plugin put first.\n\n" + text
    assert markdown.Markdown(extensions=[*EXTENSIONS, PrerenderedHtml()]).convert(moved) == \
        markdown.Markdown(extensions=EXTENSIONS).convert(moved)


def test_only_blocks_that_open_with_a_tag_pass_through() -> None:
    text = f"{MARK}\n\n<div class=\"x\">\n*kept as written*\n</div>\n\n## A heading\n\nSome *Markdown*.\n"
    html = markdown.Markdown(extensions=[*EXTENSIONS, PrerenderedHtml()]).convert(text)
    assert '<div class="x">\n*kept as written*\n</div>' in html
    assert '<h2 id="a-heading">A heading</h2>' in html and "<em>Markdown</em>" in html


def test_python_markdown_parses_no_tag_of_a_passed_through_page(pages, monkeypatch) -> None:
    # The point of the pass-through: Python-Markdown's HTML parser never walks the pages' blocks.
    from markdown.htmlparser import HTMLExtractor

    parsed: list[str] = []
    original = HTMLExtractor.handle_starttag
    monkeypatch.setattr(HTMLExtractor, "handle_starttag",
                        lambda self, tag, attrs: (parsed.append(tag), original(self, tag, attrs))[1])
    for _, text in pages:
        markdown.Markdown(extensions=[*EXTENSIONS, PrerenderedHtml()]).convert(text)
    assert parsed == []
    markdown.Markdown(extensions=EXTENSIONS).convert(pages[0][1])
    assert parsed  # the spy does see what Python-Markdown parses
