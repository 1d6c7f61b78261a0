"""Where a reported clause ends, and views given in passing: forms the error study of indirect
speech on PolNeAR's train split found (issue 15). Every article here is FICTIONAL, made up for
these tests.
"""
from __future__ import annotations

import pandas as pd

from kit.quotes import extract_quotes


def run(nlp, text: str) -> pd.DataFrame:
    return extract_quotes(pd.DataFrame({"article_id": ["t"], "text": [text]}), nlp)


def test_what_the_speaker_went_on_to_do_is_no_part_of_the_reported_clause(nlp):
    """A verb coordinated into the reported clause in the cue's own tense, with no subject of its
    own, is the speaker's next deed ("insists X, and has championed Y", "denies that X and goes
    to great lengths to Y"); a verb in the tense of the clause goes on with it ("said she was
    tired of X and wanted Y")."""
    text = ("Quill insists the council must be a body of ideas, and has championed a plan to widen the bridge. "
            "The ministry denies that the spill was a disaster and goes to great lengths to hide the reports. "
            "Brandt said she was tired of the delays and wanted a new contractor.")
    found = run(nlp, text)
    assert list(found["quote"]) == [
        "the council must be a body of ideas",
        "the spill was a disaster",
        "she was tired of the delays and wanted a new contractor"]


def test_a_sentence_joined_by_a_comma_and_and_is_a_statement_of_its_own(nlp):
    """"said A, and he railed against B": the second verb has its own subject after a comma and
    "and", so it is the speaker's next statement, not more of what was said; "said A, but that B"
    is a second clause of the same statement, with no row of its own."""
    text = ("Joe Brandt said the real problem on the harbour is the ferry company, and he railed against the "
            "council for failing to act. The governor said the town needs to fix the bridge, but that he would "
            "not support a new tax.")
    found = run(nlp, text)
    assert list(zip(found["cue"], found["quote"])) == [
        ("said", "the real problem on the harbour is the ferry company"),
        ("railed", "the council for failing to act"),
        ("said", "the town needs to fix the bridge, but that he would not support a new tax")]
    assert found["speaker"].iloc[1] == "Joe Brandt"


def test_a_view_given_in_passing_is_a_statement_of_that_view(nlp):
    """"In Professor Ames's view, X", "X, in her opinion, is Y", "in the view of the committee":
    whose view it is believes the clause; "in my view" is the writer's, "in view of" names no one."""
    text = ("Professor Nia Ames has studied the harbour for years. In Professor Ames's view, the bridge should "
            "be closed for a year.\n\n"
            "In the view of the harbour committee, the fares are too high.\n\n"
            "In my view, the bridge is safe. In view of the storm, the ferry was cancelled.")
    found = run(nlp, text)
    assert list(zip(found["act"], found["speaker"], found["quote"])) == [
        ("believes", "Nia Ames", "the bridge should be closed for a year"),
        ("believes", "the harbour committee", "the fares are too high")]


def test_the_one_urged_to_act_belongs_to_what_was_urged(nlp):
    """"urged him to resign", "asked her supporters to run for office": the object is the subject of
    the infinitive, so the reported words hold it, as "that he resign" would; the act stays the
    cue's (a demand), and "wants the council to act" is as before."""
    text = ("The harbour board urged him to resign. Quill asked her supporters to run for office. "
            "Brandt wants the council to act.")
    found = run(nlp, text)
    assert list(zip(found["act"], found["quote"])) == [
        ("demands", "him to resign"), ("demands", "her supporters to run for office"),
        ("believes", "the council to act")]


def test_an_editors_note_is_not_the_storys_reporting(nlp):
    """A paragraph opening "Editor's note:" is about the story (a standing note an outlet sets
    under its stories), so no statement is read from it; the same words in the story are one."""
    note = ("Tessa Quill regularly visits the harbour and is a serial critic and skeptic who has "
            "repeatedly pledged to ban all ferries from entering the harbour.")
    found = run(nlp, f"Quill spoke at the harbour on Monday.\n\nEditor’s note: {note}")
    assert found.empty
    found = run(nlp, note)
    assert list(zip(found["speaker"], found["quote"])) == [
        ("Tessa Quill", "ban all ferries from entering the harbour")]


def test_a_resolution_or_an_ad_speaks_for_whoever_passed_or_ran_it(nlp):
    """"The council approved a resolution condemning X": the council condemns; "Brandt is releasing
    an ad that urges voters to ...": Brandt urges; "an ad from Brandt's campaign" is Brandt's (a
    name, not its possessive)."""
    text = ("The Harbour City Council on Wednesday approved a resolution condemning Mayor Tessa Quill's plan "
            "to sell the ferry.\n\nJoe Brandt is releasing a new ad that urges voters to save the ferry.\n\n"
            "A new ad from Joe Brandt’s campaign is out. The ad calls the ferry sale “a betrayal of the town.”")
    found = run(nlp, text)
    assert list(zip(found["cue"], found["speaker"])) == [
        ("condemning", "The Harbour City Council"), ("urges", "Joe Brandt"), ("calls", "Joe Brandt")]


def test_a_relative_clause_with_a_speaker_of_its_own_is_that_speakers_statement(nlp):
    """", which the review said had been hidden" after a reported clause is the review's statement,
    not more of the Courier's; ", which was a surprise to the crew" stays in what Quill said."""
    text = ("The Courier cited an internal review as naming the mayor, which the review said had been hidden. "
            "Quill said the ferry would be sold in March, which was a surprise to the crew.")
    found = run(nlp, text)
    assert list(zip(found["speaker"], found["quote"])) == [
        ("The Courier", "an internal review as naming the mayor"),
        ("the review", "which the review said had been hidden"),
        ("Quill", "the ferry would be sold in March, which was a surprise to the crew")]


def test_a_sentence_with_its_attribution_inside_is_the_speakers_to_its_end(nlp):
    """"X, Pike said, until Y": with the cue inside the sentence it reports, a clause of time or
    reason after a comma is still the speaker's (PolNeAR's train and dev splits end such
    attributions at the sentence's end); a participle hung on the cue ("Holt said, citing ...")
    is the writer's aside still, and its own statement."""
    text = ("Lenox was a juggernaut, Pike said, until it went bankrupt in 1999. "
            "The pier will open in May, Holt said, citing the builders' schedule.")
    found = run(nlp, text)
    said = found[found["cue"] == "said"]
    content = [" ".join(text[s:e] for s, e in spans) for spans in said["quote_spans"]]
    assert content == ["Lenox was a juggernaut until it went bankrupt in 1999", "The pier will open in May"]


def test_attacking_or_defending_is_a_statement_only_when_a_person_does_it(nlp):
    """"Holt attacked Berry for his vote", "the governor defended his chief of staff as ..." report
    words; "the militia attacked the harbour town", "we will defend our borders" and "he attacked
    the largest ferry terminal" (a thing, with nothing it was attacked for or as) are deeds."""
    text = ("Mayor Jane Holt attacked Tom Berry for his vote on the ferry budget. "
            "The governor defended his chief of staff as a \"very decent man.\" "
            "The militia attacked the harbour town at dawn. "
            "We will defend our borders and our ferries. "
            "Last week, he attacked the largest ferry terminal in Velmar with artillery.")
    found = run(nlp, text)
    assert list(zip(found["cue"], found["speaker"], found["act"])) == [
        ("attacked", "Jane Holt", "accuses"), ("defended", "The governor", "says")]
    assert found.iloc[0]["quote"] == "Tom Berry for his vote on the ferry budget"
    assert found.iloc[1]["kind"] == "partial"


def test_said_a_and_added_a_quotation_is_two_statements(nlp):
    """"said A but added, “B”": the parser hangs "added" on A's verb, but it is the speaker's next
    statement and the quotation's cue; A is an indirect statement of its own."""
    text = ("Speaking to supporters on Monday, Holt said it was too early to celebrate but added, "
            "\"I think you all know the results.\"")
    found = run(nlp, text)
    assert list(zip(found["kind"], found["cue"], found["quote"])) == [
        ("indirect", "said", "it was too early to celebrate"),
        ("direct", "added", "I think you all know the results.")]


def test_that_said_is_the_writers_turn_of_phrase(nlp):
    """"That said, ..." and "That being said, ..." mean "even so": nobody says what follows."""
    text = ("The ferry is late again. That said, the council cannot fund a second boat this year. "
            "The pier is old. That being said, the harbour board will repair it.")
    assert run(nlp, text).empty


def test_an_accusation_of_several_and_a_blame_put_on_someone(nlp):
    """"accused the media and the campaign of distorting her message": the parser hangs "of" on the
    last object, and it is still the accusation's; "blamed the incident on hackers" accuses."""
    text = ("In the news conference, Holt accused the media and the Berry campaign of distorting her message. "
            "Holt blamed the ferry incident on hackers.")
    found = run(nlp, text)
    assert list(zip(found["cue"], found["act"], found["quote"])) == [
        ("accused", "accuses", "the media and the Berry campaign of distorting her message"),
        ("blamed", "accuses", "the ferry incident on hackers")]
