"""Contested points in the shapes real news gives them (issue 16), and the noise real news gave before.

Each story is written in a temporary folder, one article per (outlet, date, text). The noise cases each failed
before the change that fixed them: a stock phrase made a point ("Hundreds of miles miles"), one sum described twice
made a point ("20 billion: in an escrow fund or in U.S.?"), a figure lost its scale ("4.1 barrels"), and an
official estimate against several independent ones was dismissed as a running tally.
"""

from __future__ import annotations

from pathlib import Path

from digest.analysis.contested import find_contested
from digest.analysis.corpus import build_corpus
from digest.analysis.grouping import group_facts
from digest.content import load_topic
from digest.model import ContestedPoint

Article = tuple[str, str, str]
"""(outlet, publication date, body)."""


def contested(folder: Path, articles: list[Article]) -> tuple[ContestedPoint, ...]:
    folder = folder / "story"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "topic.yml").write_text("title: A story\n", encoding="utf-8")
    for number, (outlet, published, body) in enumerate(articles):
        (folder / f"a{number}.md").write_text(
            f"---\ntitle: Report {number} of {outlet}\noutlet: {outlet}\nurl: https://example.org/{number}\n"
            f"published: '{published}'\n---\n\n{body}\n", encoding="utf-8")
    topic, problems = load_topic(folder)
    assert not problems, problems
    corpus = build_corpus(topic)
    return find_contested(corpus, group_facts(corpus))


def text_of(point: ContestedPoint) -> str:
    return " ".join([point.title, *(side.claim.text for side in point.sides), *(side.label for side in point.sides)])


def test_an_official_estimate_against_several_independent_ones_is_a_dispute(tmp_path):
    points = contested(tmp_path, [
        ("Gulf Times", "2010-05-20", "BP said 5,000 barrels of oil a day were leaking from the well in the Gulf."),
        ("Coast Post", "2010-05-21", "Independent scientists estimate 25,000 barrels of oil a day are leaking into "
                                     "the Gulf, far higher than the company's figure."),
        ("Bay Herald", "2010-05-21", "Researchers at Purdue said 70,000 barrels of oil a day were escaping into the "
                                     "Gulf."),
        ("River News", "2010-05-22", "A government panel said 12,000 barrels of oil a day were leaking into the "
                                     "Gulf."),
    ])
    numbers = [point for point in points if point.kind == "number"]
    assert len(numbers) == 1, [point.title for point in points]
    assert {"5,000 barrels", "25,000 barrels", "70,000 barrels", "12,000 barrels"} <= {
        side.label.split(" (")[0] for side in numbers[0].sides}
    assert "BP" in text_of(numbers[0])


def test_one_source_updating_its_count_is_no_dispute(tmp_path):
    points = contested(tmp_path, [
        ("Gulf Times", "2010-05-20", "Police said 12 people in Velm were missing after the flood."),
        ("Gulf Times", "2010-05-20", "Doctors in Alberta said 14 people in the province were missing after the flood."),
        ("Coast Post", "2010-05-21", "Police said 19 people in Velm were missing after the flood."),
        ("Bay Herald", "2010-05-22", "Police said 31 people in Velm were missing after the flood."),
        ("River News", "2010-05-23", "Police said 40 people in Velm were missing after the flood."),
    ])
    assert [point for point in points if point.kind == "number"] == []


def test_a_figure_keeps_its_scale_in_the_title(tmp_path):
    points = contested(tmp_path, [
        ("Gulf Times", "2010-06-10", "BP estimated that 4.1 million barrels of oil had spilled into the Gulf."),
        ("Coast Post", "2010-06-11", "Government scientists said 4.9 million barrels of oil had spilled into the "
                                     "Gulf, disputing the company's figure."),
    ])
    assert len(points) == 1
    assert "4.1 million barrels" in points[0].title and "4.9 million barrels" in points[0].title
    assert "4.1 barrels" not in text_of(points[0])


def test_a_stock_phrase_makes_no_point(tmp_path):
    points = contested(tmp_path, [
        ("Gulf Times", "2010-06-10", "The oil has spread hundreds of miles across the ocean, officials said."),
        ("Coast Post", "2010-06-11", "Engineers flew in from hundreds of miles in Houston, the company said."),
        ("Bay Herald", "2010-06-12", "Tar balls washed up hundreds of miles from the currently affected areas."),
    ])
    assert points == ()


def test_one_sum_described_twice_makes_no_point(tmp_path):
    points = contested(tmp_path, [
        ("Gulf Times", "2010-06-17", "BP agreed to put $20 billion in an escrow fund for the victims of the spill."),
        ("Coast Post", "2010-06-17", "The White House said BP would set aside $20 billion in U.S. claims for the "
                                     "spill."),
    ])
    assert points == ()


def test_a_criticism_answered_by_a_dismissal(tmp_path):
    points = contested(tmp_path, [
        ("Daily Wire", "2010-01-25",
         "Venezuelan President Hugo Chavez criticised the US for sending too many soldiers but not enough medical "
         "supplies.\n\nJohn Caulfield, a US diplomat in Caracas, dismissed the allegations, saying Washington "
         "wanted to provide aid to the Haitian people."),
    ])
    assert [point.kind for point in points] == ["denial"]
    assert "Hugo Chavez" in points[0].sides[0].label and "dismissed the allegations" in points[0].sides[1].claim.text


def test_a_claim_called_untrue_by_a_named_voice(tmp_path):
    points = contested(tmp_path, [
        ("Daily Wire", "2010-01-24",
         "On Friday, the medical journal The Lancet accused aid agencies of competing against each other.\n\n"
         "An editorial in the journal said the agencies were jostling for position in Haiti.\n\n"
         "However, aid workers on the ground say that claim is unjust."),
    ])
    assert [point.kind for point in points] == ["denial"]
    assert "Lancet" in points[0].title and "unjust" in points[0].sides[1].claim.text


def test_a_denial_that_states_the_claim_itself(tmp_path):
    points = contested(tmp_path, [
        ("Daily Wire", "2005-10-25",
         "The MP George Galloway angrily rejected fresh allegations last night from a US senate investigation "
         "that he lied under oath about the oil-for-food programme."),
    ])
    assert [point.kind for point in points] == ["denial"]
    assert points[0].sides[0].claim.text.startswith("fresh allegations") and "lied under oath" in points[0].title


def test_two_voices_set_against_each_other_in_one_sentence(tmp_path):
    points = contested(tmp_path, [
        ("Daily Wire", "2010-01-22",
         "The US and the UN World Food Programme insist the distribution of food and water is well under way, but "
         "BBC correspondents in Port-au-Prince say many people have still seen no international aid at all."),
    ])
    assert len(points) == 1
    labels = [side.label for side in points[0].sides]
    assert labels == ["UN World Food Programme", "BBC correspondents in Port-au-Prince"]
    assert "well under way" in points[0].title


def test_two_voices_set_against_each_other_in_two_sentences(tmp_path):
    points = contested(tmp_path, [
        ("Daily Wire", "2010-01-19",
         "France's co-operation minister, Alain Joyandet, had suggested on Monday that the US was \"occupying\" "
         "Haiti.\n\nHowever, a statement from President Nicolas Sarkozy on Tuesday said France was \"very "
         "satisfied\" with the US co-operation in Haiti."),
    ])
    assert len(points) == 1
    assert [side.label for side in points[0].sides][1] == "President Nicolas Sarkozy"


def test_a_second_voice_that_agrees_or_adds_a_detail_makes_no_point(tmp_path):
    points = contested(tmp_path, [
        ("Daily Wire", "2010-01-19",
         "Mr Peachy of Christian Aid said it had been impossible to contact his colleagues in Haiti for days.\n\n"
         "But Mr Chauzy of the IOM said the lack of communications also made it hard to reach people in Haiti.\n\n"
         "Defence lawyer Ed Chernoff said Jackson had been tired at rehearsals in June.\n\n"
         "But in the last days before June 25 Mr Ortega said the star seemed full of energy at rehearsals."),
    ])
    assert points == ()


def test_a_dismissed_report_named_in_the_next_sentence(tmp_path):
    points = contested(tmp_path, [
        ("Daily Wire", "2005-07-19",
         "The foreign secretary, Jack Straw, dismissed a thinktank report which argued that there was a link "
         "between the invasion and the bombings.\n\nThe report by Chatham House said: \"There is no doubt that "
         "the situation has imposed particular difficulties for the UK.\""),
    ])
    assert [point.kind for point in points] == ["denial"]
    assert "Chatham House" in points[0].sides[0].claim.text and points[0].sides[1].label.startswith("Jack Straw")


def test_he_denied_the_committees_claim(tmp_path):
    points = contested(tmp_path, [
        ("Daily Wire", "2005-05-18",
         "Mr Galloway deflected every charge against him at the hearing.\n\nFor example, he denied the "
         "committee's claim that he had met Saddam many times, claiming there had only been two such meetings."),
    ])
    assert [point.kind for point in points] == ["denial"]
    assert points[0].sides[0].claim.text == "the committee's claim that he had met Saddam many times"
    assert points[0].sides[1].label.startswith("Mr Galloway")


def test_a_claim_and_a_speakers_disagreement_in_one_sentence(tmp_path):
    points = contested(tmp_path, [
        ("Daily Wire", "2005-05-16",
         "\"Some people found Jeremy Paxman's line of questioning insensitive but, having reviewed the interview, "
         "I do not agree,\" Ms Inglish said."),
    ])
    assert [point.kind for point in points] == ["denial"]
    assert points[0].sides[0].claim.text == "Some people found Jeremy Paxman's line of questioning insensitive"


def test_worries_played_down(tmp_path):
    points = contested(tmp_path, [
        ("Daily Wire", "2010-01-20",
         "There have been reports of widespread violence and looting.\n\nBut the UN has played down worries over "
         "security, saying that despite violent incidents, the overall situation is calm."),
    ])
    assert [point.kind for point in points] == ["denial"]
    assert "looting" in points[0].sides[0].claim.text and "calm" in points[0].sides[1].claim.text


def test_worries_played_down_that_the_sentence_before_does_not_raise_make_no_point(tmp_path):
    points = contested(tmp_path, [
        ("Daily Wire", "2010-01-18",
         "\"More than 70 people have been pulled from the wreckage in the last few days,\" he said.\n\n"
         "The UN has played down worries over security, saying the overall situation was one of calm."),
    ])
    assert points == ()


def test_a_first_account_and_the_sentence_that_contradicts_it(tmp_path):
    points = contested(tmp_path, [
        ("Daily Wire", "2005-07-28",
         "Jean Charles de Menezes was not wearing a heavy jacket and did not jump the ticket barrier, his family "
         "said.\n\nThe electrician was shot at Stockwell station on Friday.\n\nScotland Yard initially claimed he "
         "wore a bulky jacket and jumped the barrier when police identified themselves."),
    ])
    assert [point.kind for point in points] == ["denial"]
    assert points[0].sides[0].label == "Scotland Yard (first account)"
    assert "not wearing a heavy jacket" in points[0].sides[1].claim.text


def test_a_claim_stated_and_called_a_lie_in_one_sentence(tmp_path):
    points = contested(tmp_path, [
        ("Daily Wire", "2008-10-03",
         "Morial, a former mayor of New Orleans, said in an interview yesterday that the effort \"to pin the "
         "subprime crisis on African Americans and Latinos\" is a \"big lie.\""),
    ])
    assert [point.kind for point in points] == ["denial"]
    assert points[0].sides[0].claim.text.startswith("the effort")
    assert points[0].sides[1].label == "Morial (denial)"


def test_a_claim_put_to_a_speaker_who_says_it_is_not_so(tmp_path):
    points = contested(tmp_path, [
        ("Daily Wire", "2008-09-23",
         "Treasury Secretary Paulson, asked about conservative complaints that his rescue program amounts to "
         "socialism, said, essentially: This is not socialism, this is necessary."),
        ("Daily Wire", "2008-09-24",
         "Treasury Secretary Paulson, asked about complaints that his rescue program is too large, said he would "
         "ask Congress for the whole sum."),
    ])
    assert [point.sides[0].claim.text for point in points] == [
        "conservative complaints that his rescue program amounts to socialism"]


def test_critics_and_supporters_a_sentence_apart(tmp_path):
    points = contested(tmp_path, [
        ("Daily Wire", "2008-09-19",
         "Critics say they have been inconsistent, letting Lehman Brothers collapse but bailing out AIG.\n\n"
         "Those who praise the men say the rescues go only to firms whose demise would cause broad distress."),
    ])
    assert [(point.kind, [side.label for side in point.sides]) for point in points] == [
        ("stance", ["critics", "supporters"])]


def test_an_act_and_a_named_voices_judgement_of_it(tmp_path):
    points = contested(tmp_path, [
        ("Daily Wire", "2009-05-12",
         "Egypt, already hit hard by bird flu, ordered the slaughter of all its pigs on April 29, in a move the "
         "United Nations said was \"a real mistake\"."),
    ])
    assert [(point.kind, [side.label for side in point.sides]) for point in points] == [
        ("stance", ["Egypt", "United Nations"])]
    assert "judged by United Nations" in points[0].title


def test_a_plan_and_a_named_voice_judging_the_move(tmp_path):
    points = contested(tmp_path, [
        ("Daily Wire", "2010-01-26",
         "Aid workers have also criticised Haitian government plans to relocate hundreds of thousands of people "
         "to large camps outside the city.\n\nCaroline Gluck, from Oxfam, told the BBC the move could be dangerous "
         "for the survivors."),
        ("Daily Wire", "2010-01-27",
         "The city council plans to open a new market in the spring.\n\nThe mayor said the move would bring "
         "shoppers back to the centre."),
    ])
    assert [(point.kind, [side.label for side in point.sides]) for point in points] == [
        ("stance", ["Haitian government", "Caroline Gluck"])]


def test_prosecution_and_defence_a_sentence_apart(tmp_path):
    points = contested(tmp_path, [
        ("Daily Wire", "2011-09-27",
         "Prosecutors said he acted with gross negligence and gave Jackson a lethal dose of propofol.\n\n"
         "The defense said Jackson gave himself too much of the drug."),
    ])
    assert [(point.kind, [side.label for side in point.sides]) for point in points] == [
        ("stance", ["prosecution", "defence"])]


def test_two_writers_naming_different_winners_of_one_debate(tmp_path):
    points = contested(tmp_path, [
        ("Daily Wire", "2005-09-16", "Galloway and Hitchens met in New York.\n\nGalloway won on points."),
        ("Evening Post", "2005-09-18", "Hitchens faced Galloway before a noisy crowd.\n\nOpinion was divided over "
                                       "who triumphed, though from where I sat Hitchens won on points."),
        ("Morning Star", "2005-09-18", "Smith won the debate at the union, judges said."),
    ])
    assert [(point.kind, point.title) for point in points] == [("framing", "Who won: Galloway or Hitchens?")]


def test_a_challenge_to_statements_made_by_named_witnesses(tmp_path):
    points = contested(tmp_path, [
        ("Daily Wire", "2005-10-25",
         "\"Galloway needed money to pay for his actions,\" Mr Ramadan allegedly told investigators.\n\n"
         "The report was published on Monday.\n\n"
         "Mr McKay challenged the validity of the statements made by Mr Aziz and Mr Ramadan."),
    ])
    assert [point.kind for point in points] == ["denial"]
    assert points[0].sides[0].label == "Mr Ramadan" and points[0].sides[1].label.startswith("Mr McKay")


def test_an_account_and_a_voice_saying_its_teller_changed_his_story(tmp_path):
    points = contested(tmp_path, [
        ("Daily Wire", "2011-10-24",
         "Mr Alvarez said that Dr Murray told him to place vials into a bag before calling 911.\n\n"
         "The defense has contended that Mr Alvarez may have changed his story after the coroner's report."),
    ])
    assert [(point.kind, [side.label for side in point.sides]) for point in points] == [
        ("denial", ["Mr Alvarez", "defense (challenge)"])]


def test_a_voice_objecting_to_what_the_sentence_before_demands(tmp_path):
    points = contested(tmp_path, [
        ("Daily Wire", "2008-09-24",
         "Democrats have argued that chief executives whose companies accept taxpayer money should not pocket "
         "millions in bonuses.\n\nPaulson and the White House have objected to limits on executive compensation, "
         "saying limits would discourage successful firms from participating."),
    ])
    assert [(point.kind, [side.label for side in point.sides]) for point in points] == [
        ("stance", ["Democrats", "White House"])]


def test_two_voices_calling_one_thing_by_different_names(tmp_path):
    points = contested(tmp_path, [
        ("Daily Wire", "2009-04-28",
         "At a press briefing, Agriculture Secretary Tom Vilsack took pains to refer to the flu as the \"H1N1 "
         "virus.\"\n\nIsrael has rejected the name swine flu, and opted to call it \"Mexico flu.\""),
    ])
    assert [(point.kind, point.title) for point in points] == [
        ("framing", "What to call it: \u201cH1N1 virus\u201d or \u201cMexico flu\u201d?")]


def test_an_act_against_what_a_named_voice_says_in_one_sentence(tmp_path):
    points = contested(tmp_path, [
        ("Daily Wire", "2009-04-30",
         "Several countries have banned pork imports although the World Health Organisation has said swine flu is "
         "not spread by eating pork.\n\nSeveral countries have opened new clinics although the ministry has said "
         "more are planned."),
    ])
    assert [(point.kind, [side.label for side in point.sides]) for point in points] == [
        ("stance", ["Several countries", "World Health Organisation"])]


def test_a_complaint_answered_after_but(tmp_path):
    points = contested(tmp_path, [
        ("Daily Wire", "2010-01-18",
         "Medecins Sans Frontieres urged commanders to speed up the landing of planes carrying medical supplies, "
         "after one was turned away on Saturday night.\n\nBut Mr Holmes said that initial issues were now being "
         "resolved with a slot system to prioritise humanitarian flights.\n\n"
         "Medecins Sans Frontieres urged donors to give more to the appeal.\n\n"
         "But Mr Holmes said the next meeting would be held in Geneva."),
    ])
    assert [(point.kind, [side.label for side in point.sides]) for point in points] == [
        ("stance", ["Medecins Sans Frontieres", "Mr Holmes"])]


def test_parallel_clauses_are_no_dispute(tmp_path):
    points = contested(tmp_path, [
        ("Daily Wire", "2009-04-28",
         "Thomas Cook said it was cancelling all flights to Mexico until May 5, while British Airways said it would "
         "continue to operate its services.\n\nThe Centers for Disease Control said New York led the case tally "
         "with 50, while Texas officials reported 26 in Texas."),
    ])
    assert points == ()


def test_one_figure_in_two_descriptions_that_may_both_be_true_makes_no_point(tmp_path):
    points = contested(tmp_path, [
        ("Gulf Times", "2009-04-27", "Mexican officials have confirmed 20 deaths from the virus in Mexico City."),
        ("Coast Post", "2009-04-27", "Mexico has confirmed 20 deaths from the flu and 40 other possible deaths in "
                                     "Mexico City."),
    ])
    assert points == ()
