"""Editorial curation from topic.yml (tests/fixtures/curation/story/).

Curated summary lines come first, curated timeline entries and contested points join the
automatic ones, every quote is resolved to its numbered sentence, hidden ids disappear,
and a quote that is not in its article fails `digest check` (and so the build) with topic.yml:LINE.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from digest.analysis import analyse
from digest.cli import main
from digest.content import ContentError, load_topic
from digest.language.tokens import fold, folded_with_offsets
from digest.model import Digest, SentenceRef

FIXTURE = Path(__file__).parent / "fixtures" / "curation" / "story"


def copy_story(tmp_path: Path, topic_yml: str | None = None) -> Path:
    content = tmp_path / "content"
    folder = content / "story"
    shutil.copytree(FIXTURE, folder)
    if topic_yml is not None:
        (folder / "topic.yml").write_text(topic_yml, encoding="utf-8")
    return folder


def digest_of(folder: Path) -> Digest:
    topic, problems = load_topic(folder)
    assert not problems, problems
    return analyse(topic)


@pytest.fixture(scope="module")
def curated() -> Digest:
    return digest_of(FIXTURE)


def test_curated_summary_line_comes_first_and_is_not_repeated(curated):
    first = curated.summary[0]
    assert first.text == "Shops in the centre stayed closed on Friday."
    assert first.refs == (SentenceRef("a-courier", 2),)
    assert [cited.text for cited in curated.summary].count(first.text) == 1


def test_curated_timeline_entry_is_cited_to_its_sentence_in_date_order(curated):
    (entry,) = [entry for entry in curated.timeline if entry.curated]
    assert (str(entry.date), entry.event.text) == ("2021-06-28", "The curfew was declared on 28 June")
    assert entry.event.refs == (SentenceRef("b-ledger", 2),)
    assert entry.weight == max(other.weight for other in curated.timeline)
    dates = [str(other.date) for other in curated.timeline]
    assert dates == sorted(dates)


def test_curated_point_comes_first_quoting_the_article_as_written(curated):
    point = curated.contested[0]
    assert point.curated and point.kind == "stance" and point.title == "Who ordered the curfew"
    assert [side.label for side in point.sides] == ["the ministry", "the opposition"]
    # The maintainer's quote has extra spaces; the page shows the article's own wording.
    assert point.sides[1].claim.text == "Opposition leader Mara Venn condemned the curfew"
    assert [side.claim.refs for side in point.sides] == [(SentenceRef("a-courier", 1),),
                                                         (SentenceRef("b-ledger", 1),)]


def test_an_automatic_point_on_the_same_sentences_gives_way_to_the_curated_one(curated, tmp_path):
    automatic = digest_of(copy_story(tmp_path, "title: Curfew in the capital\n")).contested
    assert [point.kind for point in automatic] == ["stance"]
    assert [point.curated for point in curated.contested] == [True]


def test_hidden_ids_disappear_and_ids_are_stable_across_builds(tmp_path):
    plain = copy_story(tmp_path / "one", "title: Curfew in the capital\n")
    before = digest_of(plain)
    again = digest_of(plain)
    assert [point.id for point in before.contested] == [point.id for point in again.contested]
    assert [entry.id for entry in before.timeline] == [entry.id for entry in again.timeline]
    point_id, entry_id = before.contested[0].id, before.timeline[0].id
    hidden = copy_story(tmp_path / "two", f"title: Curfew in the capital\nhide: [{point_id}, {entry_id}]\n")
    after = digest_of(hidden)
    assert point_id not in {point.id for point in after.contested}
    assert entry_id not in {entry.id for entry in after.timeline}
    assert len(after.timeline) == len(before.timeline) - 1


WRONG_QUOTE = """\
title: Curfew in the capital
contested:
  - title: Who ordered the curfew
    kind: stance
    sides:
      - article: a-courier
        quote: "The interior ministry said the curfew was a response to looting in the capital."
      - article: b-ledger
        quote: "Opposition leader Mara Venn praised the curfew"
"""


def test_a_wrong_quote_fails_digest_check_with_topic_yml_and_line(tmp_path, capsys):
    folder = copy_story(tmp_path, WRONG_QUOTE)
    assert main(["check", str(folder.parent)]) == 1
    error = capsys.readouterr().err
    assert f"{folder / 'topic.yml'}:9: quote not found in b-ledger.md" in error


def test_a_wrong_quote_fails_the_analysis_with_topic_yml_and_line(tmp_path):
    topic, problems = load_topic(copy_story(tmp_path, WRONG_QUOTE))
    assert [problem.line for problem in problems] == [9]
    with pytest.raises(ContentError) as raised:
        analyse(topic)
    assert [(problem.path.name, problem.line) for problem in raised.value.problems] == [("topic.yml", 9)]


def test_digest_check_finds_quotes_as_the_analysis_cites_them(tmp_path):
    """A quote is checked against the article's sentences as readers see them, the text of a link and not its
    Markdown: what the check accepts, the analysis can cite, and nothing else."""
    folder = copy_story(tmp_path, """\
title: Curfew in the capital
summary:
  - article: b-ledger
    quote: "condemned the curfew as a violation"
""")
    article = folder / "b-ledger.md"
    article.write_text(article.read_text().replace("the curfew as", "the [curfew](https://example.org/c) as"))
    assert digest_of(folder).summary[0].text == "condemned the curfew as a violation"
    (folder / "topic.yml").write_text((folder / "topic.yml").read_text().replace(
        "condemned the curfew as", "condemned the [curfew](https://example.org/c) as"))
    _, problems = load_topic(folder)
    assert [problem.line for problem in problems] == [4]


def test_a_quote_may_run_across_two_sentences(tmp_path):
    folder = copy_story(tmp_path, """\
title: Curfew in the capital
summary:
  - article: b-ledger
    quote: "will last two weeks. Thousands of people marched"
""")
    first = digest_of(folder).summary[0]
    assert first.text == "will last two weeks. Thousands of people marched"
    assert first.refs == (SentenceRef("b-ledger", 2),)


@pytest.mark.parametrize("text", [
    "He said \u201cno\u201d\u00a0 to  *the* plan\u2014twice.  ",
    "  The \ufb01rst `code` and __bold__ words\t\n across lines ",
    "Caf\u00e9 \u2018quoted\u2019 \u2013 done",
])
def test_quotes_are_located_with_the_same_folding_as_digest_check(text):
    folded, origins = folded_with_offsets(text)
    assert folded == fold(text)
    assert len(origins) == len(folded) and origins == sorted(origins)
