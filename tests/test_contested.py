"""Contested points on small invented stories, one folder per kind (tests/fixtures/contested/).

Each story is written so that exactly one kind of disagreement is in it; `agreement/`
has outlets that agree, and must give no point at all.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from digest.analysis import analyse
from digest.analysis.contested import find_contested
from digest.analysis.contested.framing import framing_of
from digest.analysis.contested.stance import Position, positions
from digest.analysis.corpus import build_corpus
from digest.analysis.cues import STRONG_ACT, WEAK_ACT
from digest.analysis.grouping import group_facts
from digest.content import load_topic
from digest.language.tokens import fold
from digest.model import ContestedPoint

FIXTURES = Path(__file__).parent / "fixtures" / "contested"


def contested(case: str) -> tuple[ContestedPoint, ...]:
    topic, problems = load_topic(FIXTURES / case)
    assert not problems, problems
    corpus = build_corpus(topic)
    return find_contested(corpus, group_facts(corpus))


def side_texts(point: ContestedPoint) -> list[str]:
    return [side.claim.text for side in point.sides]


def sources(point: ContestedPoint) -> list[set[str]]:
    return [set(side.claim.sources) for side in point.sides]


# What each story must give: kind, words the point's title and sides must hold, and the
# articles each side must cite (in order of the sides).
EXPECTED = [
    ("number", "number", ["400 inspectors", "Norland", "member states"],
     [{"a-courier", "c-post"}, {"b-ledger"}]),
    ("number", "number", ["families in Eastport", "1,200", "3,000"], [{"b-ledger"}, {"c-post"}]),
    ("date", "date", ["1991-03", "1992-06", "bridge"], [{"a-courier"}, {"b-ledger"}]),
    ("denial", "denial", ["rebels claimed", "the army denied"], [{"a-courier"}, {"a-courier"}]),
    ("denial", "denial", ["Mayor Tomas Brenn said", "rejected the claim"], [{"b-ledger"}, {"c-post"}]),
    ("denial", "denial", ["farmers had claimed", "denied the farmers' claim"], [{"d-times"}, {"e-wire"}]),
    ("stance", "stance", ["curfew", "response to looting", "violation of civil rights"],
     [{"a-courier"}, {"b-ledger"}]),
    ("framing", "framing", ["non-binding motion", "vote to ban"], [{"a-courier"}, {"b-ledger"}]),
    ("framing", "framing", ["useless project", "vital for regional trade"], [{"c-post"}, {"b-ledger"}]),
]


@pytest.mark.parametrize(("case", "kind", "words", "cited"), EXPECTED,
                         ids=[f"{case}-{words[0]}" for case, _, words, _ in EXPECTED])
def test_each_kind_is_found_with_its_sides_and_sources(case, kind, words, cited):
    points = contested(case)
    matching = [point for point in points
                if point.kind == kind and all(fold(word) in fold(" ".join([point.title, *side_texts(point)]))
                                              for word in words)]
    assert len(matching) == 1, [(point.kind, point.title) for point in points]
    assert sources(matching[0]) == cited


@pytest.mark.parametrize("case", ["number", "date", "denial", "stance", "framing"])
def test_each_story_gives_only_its_own_kind(case):
    points = contested(case)
    assert points
    assert {point.kind for point in points} == {case}


def test_sources_that_agree_give_no_point():
    assert contested("agreement") == ()


# Stories with distractors around their disagreements: every point of each, and nothing else.
MIXED = {
    # "Some 3,000 dockworkers stopped work" (no one said to give it) against "about 4,000 ..., the union said":
    # one figure has no speaker and nothing says the two compete, so no number point (precision first).
    "mixed-port": [("denial", [{"b-meridian"}, {"b-meridian"}])],
    "mixed-court": [("denial", [{"a-courier"}, {"b-ledger"}])],
}


@pytest.mark.parametrize("case", sorted(MIXED))
def test_stories_with_distractors_give_exactly_their_points(case):
    assert [(point.kind, sources(point)) for point in contested(case)] == MIXED[case]


def test_near_misses_give_no_point():
    """`near-misses/` holds what only looks like disagreement: a count updated six weeks later,
    a running tally with four values, one mayor changing her mind, a recurring rate rise at
    three dates, two events of one sentence at two dates, an advisory and a decisive act
    tied by no name or year, and a denial of something the previous sentence does not claim."""
    assert contested("near-misses") == ()


# Each edit turns one near miss of `near-misses/` into a real disagreement of its kind.
TURNED = [
    ("number", "b-ledger", "published: '2003-04-15'", "published: '2003-03-02'"),
    ("number", "e-wire", "Rescuers said 27 people in Velm", "The mayor said 45 people in Velm"),
    ("stance", "b-ledger", "Mayor Ilse Dorn later condemned", "Opposition leader Ana Roe condemned"),
    ("date", "c-post", "for the third time this year", "for the second time this year"),
    ("framing", "b-ledger", "ban the chemical plant from the valley", "ban the Hollin chemical plant from Marden"),
    ("denial", "b-ledger", "denied it had cut the budget for schools.", "denied it on Tuesday."),
    ("date", "d-times", "without compensation and paid for in 1971", "in 1971 without compensation"),
]


@pytest.mark.parametrize(("kind", "article", "old", "new"), TURNED, ids=[f"{row[0]}-{row[1]}" for row in TURNED])
def test_each_near_miss_turned_real_is_found(tmp_path, kind, article, old, new):
    folder = tmp_path / "near-misses"
    shutil.copytree(FIXTURES / "near-misses", folder)
    path = folder / f"{article}.md"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    if kind == "framing":
        a_path = folder / "a-courier.md"
        a_path.write_text(a_path.read_text(encoding="utf-8").replace(
            "closure of the chemical plant", "closure of the Hollin chemical plant in Marden"), encoding="utf-8")
    topic, problems = load_topic(folder)
    assert not problems
    corpus = build_corpus(topic)
    assert [point.kind for point in find_contested(corpus, group_facts(corpus))] == [kind]


def test_sides_quote_their_sources_verbatim():
    for case in ("number", "date", "denial", "stance", "framing"):
        topic, _ = load_topic(FIXTURES / case)
        bodies = {article.id: fold(article.body) for article in topic.articles}
        for point in contested(case):
            assert len(point.sides) >= 2
            for side in point.sides:
                assert side.claim.refs and side.claim.sources
                assert fold(side.claim.text) in bodies[side.claim.refs[0].article]


def test_a_claim_and_its_denial_in_one_sentence_are_split_into_two_sides():
    (point,) = [point for point in contested("denial") if "rebels" in point.title.lower()]
    claim, denial = side_texts(point)
    assert claim == "The rebels claimed they had captured the airport at Velm on Sunday"
    assert denial == "a claim the army denied."
    assert point.sides[0].claim.refs == point.sides[1].claim.refs


def test_points_are_ranked_cross_outlet_first():
    points = contested("denial")
    cross = next(point for point in points if "Brenn" in point.title)
    single = next(point for point in points if "rebels" in point.title.lower())
    assert points.index(cross) < points.index(single)
    assert cross.score > single.score
    assert [point.score for point in points] == sorted((point.score for point in points), reverse=True)


def test_ids_are_stable_and_distinct():
    first = [point.id for case in ("number", "denial", "framing") for point in contested(case)]
    second = [point.id for case in ("number", "denial", "framing") for point in contested(case)]
    assert first == second
    assert len(set(first)) == len(first)
    assert all(point_id.startswith("c-") for point_id in first)


def test_the_digest_keeps_every_point_strongest_first():
    topic, _ = load_topic(FIXTURES / "framing")
    digest = analyse(topic)
    assert [point.kind for point in digest.contested] == ["framing", "framing"]


@pytest.mark.parametrize(("text", "context", "expected"), [
    ("The ministry said the curfew was a response to looting.", "", [(1, {"curfew"})]),
    ("Ms Venn condemned the curfew as a violation of civil rights.", "", [(-1, {"curfew"})]),
    ("The governor said the inspectors are no longer needed.", "", [(-1, {"inspector"})]),
    ("They warned against a hasty withdrawal of the peacekeepers.", "", [(1, {"peacekeeper"})]),
    ("They cautioned against a premature departure.", "The mission has 900 peacekeepers.",
     [(1, {"mission", "peacekeeper"})]),
    ("She welcomed the agreement with the union.", "", [(1, {"agreement"})]),
    ("The director said the strike was illegal.", "", [(-1, {"strike"})]),
    ("The court ruled that the blockade was not unlawful.", "", [(1, {"blockade"})]),
    ("The minister visited the port on Monday.", "", []),
    # Words in quotation marks are somebody else's and take no position for the speaker.
    ('He said critics had called it "a violation of the treaty".', "", []),
])
def test_positions_a_sentence_takes(text, context, expected):
    assert [(position.sign, set(position.target)) for position in positions(text, context)] == expected
    assert all(isinstance(position, Position) for position in positions(text, context))


@pytest.mark.parametrize(("text", "sign"), [
    ("The assembly passed a non-binding resolution urging new elections.", -1),
    ("The resolution does not have legal binding power.", -1),
    ("The assembly voted to expel the envoy.", 1),
    ("The court ordered the company out of the building.", 1),
    ("The assembly met on Tuesday to discuss the budget.", None),
    ("The assembly recommended that the court expel the envoy.", None),
])
def test_advisory_or_decisive_wording(text, sign):
    framing = framing_of(text, WEAK_ACT, STRONG_ACT)
    assert (framing.sign if framing else None) == sign


# Wire-style stories (tests/fixtures/contested/wire-*/) mixing a real disagreement with what only
# looks like one: a death toll that rose weeks later, a range of stalls against one figure, one sum
# written two ways; the first and the second round of talks; a denial of what nobody claimed.
# Every point of each wire story: kind, the side labels, words each quoted side holds, and the articles each side cites.
WIRE = {
    "wire-casualties": [
        # The wire's "at least 42 people" is not cited for "About 40 people": another figure.
        ("number", ["27 people (police)", "40 people (health officials)"], ["killed 27 people", "About 40 people"],
         [{"b-ledger"}, {"c-post"}]),
    ],
    "wire-dates": [
        ("date", ["2003-03-04", "2003-03-06"], ["took effect on March 4", "took effect on March 6"],
         [{"a-wire"}, {"b-ledger"}]),
    ],
    "wire-report": [
        ("denial", ["witnesses", "Interior Ministry (denial)"], ["Police fired tear gas", "denied a report"],
         [{"a-wire"}, {"b-ledger"}]),
        ("stance", ["governor", "Ana Roe"], ["a response to looting", "condemned the curfew"],
         [{"a-wire"}, {"b-ledger"}]),
        ("denial", ["Militia commanders", "Baghdad (denial)"], ["shot down a government drone", "Baghdad denied it."],
         [{"a-wire"}, {"a-wire"}]),
    ],
}


@pytest.mark.parametrize("case", sorted(WIRE))
def test_every_point_of_a_wire_story_and_nothing_else(case):
    found = [(point.kind, [side.label for side in point.sides],
              [set(side.claim.sources) for side in point.sides]) for point in contested(case)]
    assert found == [(kind, labels, cited) for kind, labels, _, cited in WIRE[case]]


@pytest.mark.parametrize("case", sorted(WIRE))
def test_each_side_of_a_wire_story_quotes_its_sentence(case):
    for point, (_, _, words, _) in zip(contested(case), WIRE[case], strict=True):
        for side, word in zip(point.sides, words, strict=True):
            assert fold(word) in fold(side.claim.text)


def test_a_short_denial_answers_the_claim_before_it():
    (point,) = [point for point in contested("wire-report") if "Baghdad" in point.title]
    claim, denial = point.sides
    assert denial.claim.text == "Baghdad denied it."
    assert claim.claim.refs[0].index + 1 == denial.claim.refs[0].index


def test_a_title_names_the_claim_before_its_speaker_when_the_speaker_comes_last():
    (point,) = [point for point in contested("wire-report") if "Interior Ministry" in point.title]
    assert point.title.startswith("Police fired tear gas and live rounds at protesters in Velm")
    assert "(witnesses)" in point.title


@pytest.mark.parametrize("case", ["wire-report", "wire-dates", "mixed-port"])
def test_many_outlets_printing_the_same_articles_give_the_same_points_citing_every_copy(tmp_path, case):
    """Each article reprinted word for word by 60 more outlets (not marked as syndicated): the
    points are those of the story itself, each side citing every copy of its sentences."""
    folder = tmp_path / case
    shutil.copytree(FIXTURES / case, folder)
    copies = 60
    for path in sorted((FIXTURES / case).glob("*.md")):
        text = path.read_text(encoding="utf-8")
        outlet = next(line for line in text.splitlines() if line.startswith("outlet:"))
        url = next(line for line in text.splitlines() if line.startswith("url:"))
        for number in range(copies):
            reprint = text.replace(outlet, f"outlet: Reprint {number}").replace(url, f"{url}?r={number}")
            (folder / f"{path.stem}-r{number:02d}.md").write_text(reprint, encoding="utf-8")
    topic, problems = load_topic(folder)
    assert not problems
    corpus = build_corpus(topic)
    points = find_contested(corpus, group_facts(corpus))
    original = contested(case)
    assert [(point.kind, point.title) for point in points] == [(point.kind, point.title) for point in original]
    for point, alone in zip(points, original, strict=True):
        for side, side_alone in zip(point.sides, alone.sides, strict=True):
            assert side.claim.text == side_alone.claim.text
            expected = {f"{source}-r{number:02d}" for source in side_alone.claim.sources for number in range(copies)}
            assert expected | set(side_alone.claim.sources) <= set(side.claim.sources)


def _fixture_sentences() -> list[str]:
    """Every sentence of every article in the test fixtures and the seed content."""
    from digest.language.sentences import sentences

    root = Path(__file__).parent
    bodies = [path.read_text(encoding="utf-8").partition("\n---\n")[2]
              for folder in (root / "fixtures", root.parent / "content") for path in sorted(folder.rglob("*.md"))]
    return sorted({sentence.text for body in bodies for sentence in sentences(body)})


_CUE_PHRASES = [
    "The council recommended a pullout.", "It issued a recommendation on troops.", "Urging the army to leave.",
    "The vote is non-binding.", "A nonbinding motion.", "It is not legally binding.", "The motion lacks binding force.",
    "A vote without any legal binding effect.", "A symbolic vote.", "An advisory vote.", "They called for an exit.",
    "He appealed for calm.", "The cabinet requested a withdrawal.", "Parliament expelled the troops.",
    "A vote for expulsion.", "The court ordered the foreign troops out.", "A law mandating withdrawal.",
    "It compelled the force to go.", "Forcing the soldiers out.", "Flights were banned.", "Evicting the garrison.",
    "A legally binding law.", "A binding resolution.", "A useless war.", "A vital mission.",
    "Ministers condemned the strike.", "It was a violation of sovereignty.", "Officials welcomed the decision.",
    "The strike was in self-defence.", "They protested against the raid.", "Leaders praised the deal.",
]


def test_framing_prefilter_lets_every_cued_sentence_through() -> None:
    # `_may_frame` skips sentences lacking any piece of a scale's cues; a cue added without its piece would
    # silently stop framing points.
    from digest.analysis.contested.framing import SCALES, _may_frame

    texts = _fixture_sentences() + _CUE_PHRASES
    for _, _, low_cue, high_cue, pieces in SCALES:
        cued = [text for text in texts if low_cue.search(text) or high_cue.search(text)]
        assert len(cued) >= 10
        assert [text for text in cued if not _may_frame(text, pieces)] == []


def test_stance_prefilter_lets_every_position_through(monkeypatch: pytest.MonkeyPatch) -> None:
    import digest.analysis.contested.stance as stance

    texts = _fixture_sentences() + _CUE_PHRASES
    has_cue = stance._has_cue
    monkeypatch.setattr(stance, "_has_cue", lambda text: True)
    taking = [text for text in texts if positions(text)]
    assert len(taking) >= 10
    assert [text for text in taking if not has_cue(text)] == []
