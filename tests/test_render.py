"""The render stage on a hand-made digest: golden pages, the numbers and labels pages show, and links."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree

import pytest

from digest.content import load_content
from digest.language.times import show_date
from digest.model import (
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
from digest.render.prerendered import MARK
from digest.render.views import coverage_line, heaviest_in_date_order, topic_view

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "site"
GOLDEN = FIXTURES / "golden"
THEME = THEME_DIR


def cited(text: str, *refs: tuple[str, int]) -> Cited:
    return Cited(text, tuple(dict.fromkeys(article for article, _ in refs)),
                 tuple(SentenceRef(article, index) for article, index in refs))


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


def test_sources_are_grouped_by_outlet_most_articles_first_newest_first(topic, env) -> None:
    digest = handmade(topic)
    post, radio, courier = digest.articles
    same = replace(digest, articles=(post, radio, replace(courier, outlet=radio.outlet)))
    view = topic_view(topic, same, Layout())
    assert [(group.name, [item.id for item in group.articles]) for group in view.outlets] == [
        ("Town Radio", ["town-radio-bridge", "valley-courier-bridge-opens"]),  # 15 Mar, then 14 Mar
        ("The River Post", ["river-post-repairs-done"]),
    ]
    radio_group = view.outlets[0]
    assert radio_group.anchor == "outlet-town-radio" and radio_group.dates == "14 – 15 Mar 2023"
    assert radio_group.flag_counts == ("1 no link to the original",)
    first = radio_group.articles[0]
    assert first.anchor == "source-town-radio-bridge" and first.href == "town-radio-bridge/"
    assert first.point is None and view.outlets[1].articles[0].point.statement.text.startswith("Cyclists")
    assert view.unnamed == 0
    anonymous = replace(digest, articles=(post, replace(radio, outlet=None), replace(courier, outlet=None)))
    note = re.search(r'<p class="digest-note"[^>]*>([^<]*)Open a source',
                     render_topic(env, topic, anonymous, Layout()))
    assert note and note[1] == "3 articles from 1 outlet; 2 name no outlet. "  # as many sources as the page lists
    copies = replace(same, articles=tuple(replace(info, flags=("syndicated", "no_url")) for info in same.articles))
    assert topic_view(topic, copies, Layout()).outlets[0].flag_counts == (
        "2 no links to the originals", "2 copies of other articles")


def test_an_article_is_named_by_its_title_only_when_it_looks_like_a_headline() -> None:
    from digest.render.views.common import article_heading

    assert article_heading("Bridge open again, but not for lorries", "Town Radio", None) == \
        "Bridge open again, but not for lorries"
    assert article_heading("Apr.", "Town Radio", "2023-04-02") == "Town Radio, 2 Apr 2023"
    assert article_heading("Home", None, "2023-04-02") == "2 Apr 2023"
    assert article_heading("News", None, None) == "News"


def test_article_pages_are_titled_by_headline_else_outlet_and_date(topic) -> None:
    radio = next(a for a in topic.articles if a.id == "town-radio-bridge")
    odd = replace(topic, articles=(replace(radio, meta=replace(radio.meta, title="Apr.")),))
    assert topic_plan(odd)[1].title == "Town Radio, 15 Mar 2023"
    assert topic_plan(topic)[1].title == "Repairs done, Riverside bridge open again"


@pytest.mark.parametrize(("directory_urls", "href"), [
    (True, "valley-courier-bridge-opens/#s1"),
    (False, "valley-courier-bridge-opens.html#s1"),
])
def test_citations_link_to_the_sentence_on_the_article_page(topic, directory_urls: bool, href: str) -> None:
    view = topic_view(topic, handmade(topic), Layout(directory_urls=directory_urls))
    lead = view.lead.statement
    assert [outlet.name for outlet in lead.outlets] == ["The River Post", "Valley Courier", "Town Radio"]
    assert lead.outlets[1].reports[0].href == href


def test_a_statement_lists_each_outlet_with_its_own_words_when_they_differ(topic) -> None:
    view = topic_view(topic, handmade(topic), Layout())
    lead = view.lead.statement
    assert lead.text.startswith("The Riverside bridge reopened to traffic on 13 March 2023")
    post, courier, radio = (outlet.reports[0] for outlet in lead.outlets)
    assert post.excerpt is None and courier.excerpt is None  # the same words as the statement
    assert radio.excerpt == "The Riverside bridge reopened to traffic on Monday after two years of repairs."
    assert (radio.date, radio.headline) == ("15 Mar 2023", "Bridge open again, but not for lorries")
    assert lead.articles == 3 and all(report.support is None for report in (post, courier, radio))


def test_how_a_source_supports_a_statement_is_shown_once_the_citation_says(topic) -> None:
    from dataclasses import dataclass

    from digest.model import SentenceRef

    @dataclass(frozen=True)
    class SupportedRef(SentenceRef):  # the citation rework's SentenceRef.support
        support: str = ""

    digest = handmade(topic)
    lead = digest.summary[0]
    refs = (SupportedRef(lead.refs[0].article, lead.refs[0].index, "quoted"),
            SupportedRef(lead.refs[1].article, lead.refs[1].index, "same fact"), lead.refs[2])
    view = topic_view(topic, replace(digest, summary=(replace(lead, refs=refs), *digest.summary[1:])), Layout())
    assert [outlet.reports[0].support for outlet in view.lead.statement.outlets] == ["quoted", "same fact", None]


def test_the_lead_is_the_summary_s_first_sentence_and_the_rest_are_numbered_paragraphs(topic) -> None:
    view = topic_view(topic, handmade(topic), Layout())
    assert view.lead.anchor == "lead"
    assert [(paragraph.anchor, paragraph.statement.text[:20]) for paragraph in view.summary] == [
        ("summary-1", "The bridge was close"), ("summary-2", "Lorries heavier than")]
    assert (view.dates, view.coverage, view.updated) == ("13 – 15 Mar 2023", "3 articles from 3 outlets",
                                                         "15 Mar 2023")


def test_key_facts_are_figures_and_dates_most_sources_report(topic) -> None:
    from digest.render.views.places import KEY_FACTS, key_facts

    digest = handmade(topic)
    lead, rest = digest.summary[0], digest.summary[1:]
    # "closed in March 2021" (2 outlets) and "12 tonnes" (2 outlets); not the lead, not a one-source event
    facts = key_facts(digest, lead, rest)
    assert [fact.place.cited.text[:24] for fact in facts] == ["The bridge was closed in", "Lorries heavier than 12 "]
    assert [fact.place.anchor for fact in facts] == ["fact-1", "fact-2"]
    assert facts[0].date is None  # found in the summary first; the timeline's entry cites the same sentences
    disputed = replace(digest, contested=(replace(digest.contested[0], sides=(
        replace(digest.contested[0].sides[0], claim=digest.summary[2]), *digest.contested[0].sides[1:])),))
    assert [fact.place.cited.text[:7] for fact in key_facts(disputed, lead, rest)] == ["The bri"]
    wordy = replace(digest, summary=(lead, cited("The council is pleased.", ("river-post-repairs-done", 3),
                                                 ("town-radio-bridge", 4))), timeline=())
    assert key_facts(wordy, lead, wordy.summary[1:]) == ()
    assert KEY_FACTS >= 3


def test_article_pages_link_each_quoted_sentence_back_to_its_places(topic) -> None:
    from digest.render.views import article_views

    views = article_views(topic, handmade(topic), Layout())
    post = views["river-post-repairs-done"]
    spans = {span.index: span for block in post.body for part in block.parts for span in part}
    assert [(link.label, link.href) for link in spans[1].back_links] == [
        ("Lead", "../#lead"), ("Timeline, 13 Mar 2023", "../#event-t3")]
    assert [link.label for link in spans[2].back_links] == ["Key facts", "Summary ¶1", "Timeline, Mar 2021"]
    assert [link.label for link in spans[3].back_links] == ["Contested: Cost of the repairs",
                                                             "Contested: Whether the repairs went over budget"]
    assert [link.href for link in spans[5].back_links] == ["../#source-river-post-repairs-done"]
    assert post.quoted == 6 and post.source_href == "../#source-river-post-repairs-done"
    radio = [span for block in views["town-radio-bridge"].body for part in block.parts for span in part]
    assert radio[2].back_links == () and views["town-radio-bridge"].quoted == 3  # the mayor's quote: nowhere
    few = replace(topic, settings=TopicSettings(timeline_entries=1, contested_shown=0))
    spans = {span.index: span for block in article_views(few, handmade(topic), Layout())["river-post-repairs-done"].body
             for part in block.parts for span in part}
    assert [link.label for link in spans[2].back_links] == ["Key facts", "Summary ¶1"]  # entries not shown: no link
    assert spans[3].back_links == ()


def test_the_search_index_holds_each_wording_once(topic, env) -> None:
    from digest.render.views import article_views

    views = article_views(topic, handmade(topic), Layout())
    searchable = {view.title: {span.text: span.searchable for block in view.body for part in block.parts
                               for span in part} for view in views.values()}
    post = searchable["Repairs done, Riverside bridge open again"]  # the first article in id order
    assert post["Shop owners near the bridge said the closure had cut their sales by a third."] is False  # timeline
    assert post["The Riverside bridge reopened to traffic on 13 March 2023 after two years of repairs."] is False
    assert post["A weight limit of 12 tonnes still applies."] is True  # shown only as another outlet's wording
    courier = searchable["Riverside bridge reopens to cars after two years"]
    assert courier["Mayor Lena Brandt said the work finished two weeks ahead of schedule."] is True
    radio = views["town-radio-bridge"]
    assert radio.body[0].searchable  # "...reopened to traffic on Monday...": this outlet's own words
    page = render_articles(env, topic, handmade(topic), Layout())["valley-courier-bridge-opens"]
    assert '<div class="digest-body-paragraph" role="paragraph" data-search-exclude><span id="s1" ' in page
    assert page.index('<h1 class="digest-headline" id="headline">') == page.index(MARK) + len(MARK) + 2


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
    assert set(outputs) == {"index.md", "tags.md", "feed.xml", f"topics/{slug}/index.md", f"topics/{slug}/feed.xml",
                            f"topics/{slug}/digest.json"} | {f"topics/{slug}/{a.id}.md" for a in topic.articles}
    assert [out.in_nav for out in outputs.values()].count(False) == len(topic.articles)
    feed = ElementTree.fromstring(outputs["feed.xml"].content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert feed.findtext("a:updated", namespaces=ns) == "2023-03-15T00:00:00Z"
    assert feed.find("a:entry/a:link", ns).get("href") == f"topics/{slug}/"
    assert feed.findtext("a:entry/a:summary", namespaces=ns).startswith(
        "“The Riverside bridge reopened to traffic on 13 March 2023 after two years of repairs.” (The River Post) "
        "3 articles from 3 outlets, 13 – 15 Mar 2023.")
    assert 'href="tags/#tag-transport"' in outputs["index.md"].content
    assert 'id="tag-transport"' in outputs["tags.md"].content
    assert f'digest_feed: "topics/{slug}/feed.xml"' in outputs[f"topics/{slug}/index.md"].content


@pytest.mark.parametrize(("site_url", "entry", "self_href"), [
    ("", "town-radio-bridge/", "feed.xml"),
    ("https://news.example.org/", "https://news.example.org/topics/riverside-bridge/town-radio-bridge/",
     "https://news.example.org/topics/riverside-bridge/feed.xml"),
])
def test_each_topic_has_a_feed_of_its_newest_articles_with_the_lead(topic, env, site_url: str, entry: str,
                                                                    self_href: str) -> None:
    outputs = {out.path: out for out in render_site(env, [(topic, handmade(topic))], Layout(site_url=site_url), "D")}
    feed = ElementTree.fromstring(outputs[f"topics/{topic.slug}/feed.xml"].content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert feed.findtext("a:title", namespaces=ns) == topic.title
    assert feed.findtext("a:subtitle", namespaces=ns).startswith("“The Riverside bridge reopened")
    assert feed.find("a:link[@rel='self']", ns).get("href") == self_href
    entries = feed.findall("a:entry", ns)
    assert [e.findtext("a:updated", namespaces=ns)[:10] for e in entries] == ["2023-03-15", "2023-03-14", "2023-03-13"]
    assert entries[0].find("a:link", ns).get("href") == entry
    assert entries[0].findtext("a:author/a:name", namespaces=ns) == "Town Radio"
    assert "The story so far: “The Riverside bridge reopened" in entries[0].findtext("a:summary", namespaces=ns)


def test_digest_pages_hide_material_s_documentation_sidebars(topic, env) -> None:
    outputs = {out.path: out.content for out in render_site(env, [(topic, handmade(topic))], Layout(), "Digests")}
    for path in ("index.md", f"topics/{topic.slug}/index.md", f"topics/{topic.slug}/town-radio-bridge.md"):
        assert 'hide: ["navigation", "toc"]' in outputs[path], path
    assert 'hide: ["navigation"]' in outputs["tags.md"]


def test_no_blank_line_splits_a_rendered_html_block(topic, env) -> None:
    """The pages promise (`digest.render.prerendered.MARK`) that every chunk between blank lines that starts with
    `<` is a whole HTML block: each must close every element it opens."""
    from html.parser import HTMLParser

    class Balance(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.open: list[str] = []

        def handle_starttag(self, tag, attrs) -> None:
            if tag not in {"br", "hr", "img", "input", "meta", "link", "wbr"}:
                self.open.append(tag)

        def handle_endtag(self, tag) -> None:
            assert self.open and self.open[-1] == tag, (tag, self.open)
            self.open.pop()

    empty = replace(handmade(topic), summary=(), timeline=(), contested=(), cards=())
    for digest in (handmade(topic), empty):
        for out in render_site(env, [(topic, digest)], Layout(), "Digests"):
            if not out.path.endswith(".md"):
                continue
            for chunk in out.content.split("\n\n")[2:]:  # after the front matter and the mark
                assert chunk.startswith(("<", "## ")), (out.path, chunk[:80])
                if chunk.startswith("<"):
                    balance = Balance()
                    balance.feed(chunk)
                    assert balance.open == [], (out.path, chunk[:200])


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
    for heading in ("## Summary", "## Timeline", "## Contested points", "## Sources"):
        assert heading in page
    assert "No sentence is reported by enough sources to summarise yet." in page
    assert "The sources give no dated events." in page
    assert "do not contradict each other" in page
    assert '<ol class="digest-timeline">' not in page and 'class="digest-keyfacts"' not in page


def test_coverage_matrix_has_one_column_per_outlet(topic) -> None:
    digest = handmade(topic)
    radio = next(info for info in digest.articles if info.id == "town-radio-bridge")
    same_outlet = replace(digest, articles=tuple(
        replace(info, outlet=radio.outlet) if info.id == "valley-courier-bridge-opens" else info
        for info in digest.articles))
    view = topic_view(topic, same_outlet, Layout())
    assert [(column.name, column.href) for column in view.matrix_columns] == [
        ("Town Radio", "#outlet-town-radio"), ("The River Post", "#outlet-the-river-post")]
    assert [(row.label, row.href) for row in view.matrix] == [("Lead", "#lead"), ("¶1", "#summary-1"),
                                                              ("¶2", "#summary-2")]
    # The summary's first paragraph is reported by the courier article only among Town Radio's two.
    assert view.matrix[1].cells == ("valley-courier-bridge-opens/#s2", "river-post-repairs-done/#s2")
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


def test_many_sources_make_one_control_that_lists_every_report(topic, env) -> None:
    digest = handmade(topic)
    infos = tuple(replace(digest.articles[0], id=f"wire-{n}", outlet=f"Wire {n % 3}",
                          published=f"2023-03-{n + 10:02d}") for n in range(8))
    many = cited("The Riverside bridge reopened.", *((f"wire-{n}", 1) for n in range(8)))
    page = render_topic(env, topic, replace(digest, articles=infos, summary=(many,), timeline=(), contested=(),
                                            cards=()), Layout())
    lead = page[page.index('id="lead"'):page.index("</details>", page.index('id="lead"'))]
    assert lead.count('<summary class="digest-sources-toggle">3 sources</summary>') == 1
    assert "8 articles from 3 sources" in lead
    assert lead.count("<li><a href=") == 3  # an entry per outlet, its first report linked
    also = re.findall(r'<span class="digest-also">Also: (.*?)</span>', lead)
    assert [part.count("<a href=") for part in also] == [2, 2, 1]  # and every further report
    assert '>16 Mar 2023</a>' in also[0]


def test_a_theme_folder_earlier_in_the_list_overrides_a_fragment(topic, tmp_path: Path) -> None:
    custom = tmp_path / "fragments" / "digest"
    custom.mkdir(parents=True)
    (custom / "article.html").write_text("<p class=\"mine\">{{ view.title }}</p>\n", encoding="utf-8")
    pages = render_articles(environment([tmp_path, THEME]), topic, handmade(topic), Layout())
    assert pages["town-radio-bridge"].endswith('<p class="mine">Bridge open again, but not for lorries</p>\n')
