"""The render stage on a hand-made digest: golden pages, the numbers and labels pages show, and links."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree

import pytest

from digest.content import load_content
from digest.language.times import show_date
from digest.model import (
    QUOTED,
    SAME_FACT,
    ArticleInfo,
    Cited,
    ContestedPoint,
    ContestedSide,
    Digest,
    SentenceRef,
    SourceCard,
    TimelineEntry,
    Topic,
    TopicSettings,
)
from digest.render import (
    LISTINGS,
    Layout,
    environment,
    render_articles,
    render_site,
    render_topic,
    topic_plan,
    urls,
)
from digest.render.pages import THEME_DIR, nav_title
from digest.render.views import coverage_line, heaviest_in_date_order, topic_view

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "site"
GOLDEN = FIXTURES / "golden"
THEME = THEME_DIR


def cited(text: str, *refs: tuple[str, int]) -> Cited:
    return Cited(text, tuple(dict.fromkeys(article for article, _ in refs)),
                 tuple(SentenceRef(article, index) for article, index in refs),
                 tuple(QUOTED if n == 0 else SAME_FACT for n in range(len(refs))))


def handmade(topic: Topic) -> Digest:
    """A digest of the fixture topic written by hand, so these tests do not depend on the analysis."""
    courier, post, radio = "valley-courier-bridge-opens", "river-post-repairs-done", "town-radio-bridge"
    infos = tuple(
        ArticleInfo(a.id, a.path.name, a.meta.title, a.meta.outlet, a.meta.url,
                    a.meta.published.isoformat() if a.meta.published else None, a.meta.author, 40, a.meta.flags)
        for a in topic.articles
    )
    reopened = cited("The Riverside bridge reopened to traffic on 13 March 2023 after two years of repairs.",
                     (post, 1), (courier, 1), (radio, 1))
    closed = cited("The bridge was closed in March 2021 when inspectors found cracks in its steel beams.",
                   (post, 2), (courier, 2))
    return Digest(
        slug=topic.slug,
        title=topic.title,
        articles=infos,
        summary=(reopened, closed, cited("Lorries heavier than 12 tonnes must still use the ring road.",
                                         (radio, 2), (post, 6))),
        timeline=(
            TimelineEntry("t1", "2021-03", closed, 2.0),
            TimelineEntry("t2", "2023", cited("Shop owners near the bridge said the closure had cut their "
                                              "sales by a third.", (post, 4)), 0.5),
            TimelineEntry("t3", "2023-03-13", reopened, 3.0),
            TimelineEntry("t4", "2023-04", cited("Buses will return to the bridge route in April 2023.",
                                                 (courier, 7)), 1.0),
        ),
        contested=(
            ContestedPoint("c1", "number", "Cost of the repairs", (
                ContestedSide("4.2 million euros", cited("The repairs cost 4.2 million euros, according to the "
                                                         "town council.", (courier, 3))),
                ContestedSide("5 million euros", cited("The town council said the repairs cost 5 million euros.",
                                                       (post, 3))),
            ), 2.0),
            ContestedPoint("c2", "denial", "Whether the repairs went over budget", (
                ContestedSide("", cited("The council denied reports that the repairs had gone over budget.",
                                        (radio, 4))),
                ContestedSide("", cited("The town council said the repairs cost 5 million euros.", (post, 3))),
            ), 1.0),
        ),
        cards=(
            SourceCard(post, 6, 3, (cited("Cyclists get a new protected lane on the east side.", (post, 5)),), ()),
            SourceCard(radio, 4, 2, (), ("no_url",)),
            SourceCard(courier, 6, 2, (), ()),
        ),
        updated="2023-03-15",
    )


@pytest.fixture(scope="module")
def topic() -> Topic:
    loaded = load_content(FIXTURES / "content")
    assert not loaded.problems
    return loaded.topics[0]


@pytest.fixture(scope="module")
def env():
    return environment([THEME])


def test_topic_page_matches_golden_file(topic, env, file_regression) -> None:
    page = render_topic(env, topic, handmade(topic), Layout())
    file_regression.check(page, fullpath=GOLDEN / "topic.md")


def test_article_page_matches_golden_file(topic, env, file_regression) -> None:
    page = render_articles(env, topic, handmade(topic), Layout())["valley-courier-bridge-opens"]
    file_regression.check(page, fullpath=GOLDEN / "article.md")


@pytest.mark.parametrize(("value", "shown"), [
    ("2020", "2020"),
    ("2020-01", "Jan 2020"),
    ("2022-12-09", "9 Dec 2022"),
    ("1999-11-30", "30 Nov 1999"),
])
def test_dates_show_only_the_precision_given(value: str, shown: str) -> None:
    assert show_date(value) == shown


def test_coverage_line_counts_articles_and_distinct_outlets(topic) -> None:
    digest = handmade(topic)
    assert coverage_line(digest) == "3 articles from 3 outlets, updated 15 Mar 2023"
    one = replace(digest, articles=digest.articles[:1], updated=None)
    assert coverage_line(one) == "1 article from 1 outlet"
    unnamed = replace(one, articles=(replace(one.articles[0], outlet=None),))
    assert coverage_line(unnamed) == "1 article"


def test_timeline_shows_the_heaviest_entries_in_date_order(topic) -> None:
    digest = handmade(topic)
    assert heaviest_in_date_order(digest, 2) == (0, 2)
    few = replace(topic, settings=TopicSettings(timeline_entries=3, contested_shown=1))
    view = topic_view(few, digest, Layout())
    assert [item.label for item in view.timeline] == ["Mar 2021", "13 Mar 2023", "Apr 2023"]
    assert [point.title for point in view.contested] == ["Cost of the repairs"]
    assert view.timeline_total == 4 and view.contested_total == 2


def test_cards_of_one_outlet_stand_together(topic) -> None:
    digest = handmade(topic)
    first, second, third = digest.articles
    same = replace(digest, articles=(first, second, replace(third, outlet=first.outlet)))
    view = topic_view(topic, same, Layout())
    assert [card.source.name for card in view.cards][:2] == [first.outlet, first.outlet]
    assert [card.outlet_articles for card in view.cards] == [2, 2, 1]
    assert [card.outlet_articles for card in topic_view(topic, digest, Layout()).cards] == [1, 1, 1]


@pytest.mark.parametrize(("directory_urls", "href"), [
    (True, "valley-courier-bridge-opens/#s1"),
    (False, "valley-courier-bridge-opens.html#s1"),
])
def test_citations_link_to_the_sentence_on_the_article_page(topic, directory_urls: bool, href: str) -> None:
    view = topic_view(topic, handmade(topic), Layout(directory_urls=directory_urls))
    first = view.summary[0]
    assert [c.number for c in first.citations] == [1, 2, 3]  # sources numbered in id order
    assert first.citations[2].href == href


@pytest.mark.parametrize(("target", "current", "link"), [
    ("topics/a/b/#s3", "topics/a/", "b/#s3"),
    ("", "topics/a/", "../../"),
    ("topics/a/", "topics/a/b/", "../"),
    ("tags/#tag-x", "", "tags/#tag-x"),
    ("feed.xml", "", "feed.xml"),
    ("topics/a/b.html#s1", "topics/a/index.html", "b.html#s1"),
    ("index.html", "topics/a/b.html", "../../index.html"),
])
def test_relative_links(target: str, current: str, link: str) -> None:
    assert urls.relative(target, current) == link


@pytest.mark.parametrize(("title", "shown"), [
    ("Plain title", "Plain title"),
    ('</title><script>alert("x")</script>', "‹/title›‹script›alert(“x”)‹/script›"),
    ("Tom & Jerry's &amp; <b>", "Tom ＆ Jerry’s ＆amp; ‹b›"),
    ("'quoted' \"words\"", "‘quoted’ “words”"),
    ("\x00\n\t", "fallback"),
])
def test_titles_given_to_mkdocs_cannot_form_markup(title: str, shown: str) -> None:
    assert nav_title(title, "fallback") == shown
    assert not set("<>&\"'") & set(shown)


def test_site_outputs_every_page_feed_and_data(topic, env) -> None:
    outputs = {out.path: out for out in render_site(env, [(topic, handmade(topic))], Layout(), "Digests")}
    slug = topic.slug
    assert set(outputs) == {"index.md", "tags.md", "feed.xml", f"topics/{slug}/index.md",
                            f"topics/{slug}/digest.json"} | {f"topics/{slug}/{a.id}.md" for a in topic.articles}
    assert [out.in_nav for out in outputs.values()].count(False) == len(topic.articles)
    feed = ElementTree.fromstring(outputs["feed.xml"].content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert feed.findtext("a:updated", namespaces=ns) == "2023-03-15T00:00:00Z"
    assert feed.find("a:entry/a:link", ns).get("href") == f"topics/{slug}/"
    assert 'href="tags/#tag-transport"' in outputs["index.md"].content
    assert 'id="tag-transport"' in outputs["tags.md"].content


def test_pages_planned_from_the_content_alone_match_the_rendered_pages(topic, env) -> None:
    # mkdocs builds its nav from the planned pages before the analysis ends: titles and places must not change.
    planned = {plan.path: plan for plan in (*topic_plan(topic), *LISTINGS)}
    outputs = {out.path: out for out in render_site(env, [(topic, handmade(topic))], Layout(), "Digests")}
    pages = {path: out for path, out in outputs.items() if path.endswith(".md")}
    assert set(pages) == set(planned)
    for path, out in pages.items():
        front_matter = planned[path].page("")
        assert out.content.startswith(front_matter.rstrip("\n") + "\n"), path
        assert out.in_nav == planned[path].in_nav, path


def test_home_lists_topics_newest_first(topic, env) -> None:
    older = replace(topic, slug="older-story", title="An older story")
    digest = handmade(topic)
    pairs = [(older, replace(digest, slug="older-story", updated="2020-01-01")), (topic, digest)]
    home = render_site(env, pairs, Layout(), "Digests")[0].content
    assert home.index(topic.title) < home.index("An older story")


def test_control_characters_never_reach_the_page(topic, env) -> None:
    # Python-Markdown uses STX/ETX around its placeholders: source text must not be able to forge one.
    digest = handmade(topic)
    forged = replace(digest.summary[0], text="Said \x02wzxhzdk:0\x03 today.")
    page = render_topic(env, topic, replace(digest, summary=(forged,)), Layout())
    assert "\x02" not in page and "\x03" not in page
    assert "Said wzxhzdk:0 today." in page


@pytest.mark.parametrize(("outlet", "title", "name"), [
    ("Valley Courier", "Any headline", "Valley Courier"),
    (None, "Short headline", "Short headline"),
    (None, "US-Iraq Agreement Signals End of a Long Presence: A Step Towards Ending It",
     "US-Iraq Agreement Signals End of a Long…"),
])
def test_sources_are_named_by_outlet_else_a_short_headline(outlet, title: str, name: str) -> None:
    from digest.render.views.common import SHORT_NAME, source_name

    info = ArticleInfo("a", "a.md", title, outlet, None, None, None, 10, ())
    assert source_name(info) == name
    assert len(name) <= SHORT_NAME


def test_a_digest_with_nothing_found_still_renders_every_section(topic, env) -> None:
    digest = replace(handmade(topic), summary=(), timeline=(), contested=(), updated=None)
    page = render_topic(env, topic, digest, Layout())
    for heading in ("## Summary", "## Timeline", "## Contested points", "## Sources", "## Coverage"):
        assert heading in page
    assert "The sources give no dated events." in page
    assert "do not contradict each other" in page
    assert '<ol class="digest-timeline">' not in page


def test_coverage_matrix_has_one_column_per_outlet(topic) -> None:
    digest = handmade(topic)
    radio = next(info for info in digest.articles if info.id == "town-radio-bridge")
    same_outlet = replace(digest, articles=tuple(
        replace(info, outlet=radio.outlet) if info.id == "valley-courier-bridge-opens" else info
        for info in digest.articles))
    view = topic_view(topic, same_outlet, Layout())
    assert [column.name for column in view.matrix_columns] == ["The River Post", "Town Radio"]
    assert [[s.number for s in column.sources] for column in view.matrix_columns] == [[1], [2, 3]]
    # The second summary sentence is reported by the courier article only among Town Radio's two.
    assert view.matrix[1].cells == ("river-post-repairs-done/#s2", "valley-courier-bridge-opens/#s2")
    assert view.matrix_left_out == 0


def test_coverage_matrix_keeps_the_outlets_that_report_most(topic) -> None:
    from digest.render.views.topic import MATRIX_OUTLETS

    digest = handmade(topic)
    extra = tuple(replace(digest.articles[0], id=f"extra-{n:02d}", outlet=f"Extra {n:02d}") for n in range(15))
    many = replace(digest, articles=digest.articles + extra)
    view = topic_view(topic, many, Layout())
    names = [column.name for column in view.matrix_columns]
    assert len(names) == MATRIX_OUTLETS and view.matrix_left_out == 3 + 15 - MATRIX_OUTLETS
    assert {"The River Post", "Town Radio", "Valley Courier"} <= set(names)  # the ones that report something


def test_many_sources_are_summed_up_after_six_marks(topic, env) -> None:
    digest = handmade(topic)
    infos = tuple(replace(digest.articles[0], id=f"wire-{n}", outlet=f"Wire {n}") for n in range(8))
    many = cited("The Riverside bridge reopened.", *((f"wire-{n}", 1) for n in range(8)))
    page = render_topic(env, topic, replace(digest, articles=infos, summary=(many,), timeline=(
        TimelineEntry("t", "2023", many, 1.0),), contested=(), cards=()), Layout())
    assert page.count('class="digest-cite"') == 6 and "+2</span>" in page
    assert page.count('class="digest-badge"') == 6 and "and 2 more sources" in page


def test_a_theme_folder_earlier_in_the_list_overrides_a_fragment(topic, tmp_path: Path) -> None:
    custom = tmp_path / "fragments" / "digest"
    custom.mkdir(parents=True)
    (custom / "article.html").write_text("<p class=\"mine\">{{ view.title }}</p>\n", encoding="utf-8")
    pages = render_articles(environment([tmp_path, THEME]), topic, handmade(topic), Layout())
    assert pages["town-radio-bridge"].endswith('<p class="mine">Bridge open again, but not for lorries</p>\n')
