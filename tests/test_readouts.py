"""Readouts and reported speech as governments and newsrooms write them, and what is not speech.

Real passages are read from ../shared at test time (skipped where absent); the hand-written
articles are FICTIONAL, made up for these tests: the people, places and statements are invented.
"""
from __future__ import annotations

import json

import pandas as pd
import pytest

from conftest import shared_path
from kit.quotes import extract_quotes


def run(nlp, *texts: str, fast: bool = True) -> pd.DataFrame:
    articles = pd.DataFrame({"article_id": [f"t{i}" for i in range(len(texts))], "text": list(texts)})
    return extract_quotes(articles, nlp, fast=fast)


def records(name: str, ids: set[str]) -> dict[str, dict]:
    found = {}
    with open(shared_path(*name.split("/")), encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"] in ids:
                found[rec["id"]] = rec
    return found


def articles_of(recs: dict[str, dict]) -> pd.DataFrame:
    return pd.DataFrame({"article_id": list(recs), "text": [r["text"] for r in recs.values()]})


def statements_of(nlp, text: str):
    """The statements of one text, and a function giving the one whose content holds a phrase."""
    found = run(nlp, text)
    return found, lambda content: row_at(found, text, content)


def row_at(found: pd.DataFrame, text: str, content_starts: str) -> pd.Series:
    at = text.index(content_starts)
    rows = found[(found["content_start"] <= at) & (at < found["content_end"])]
    assert len(rows) >= 1, f"no statement over {content_starts!r}"
    return rows.sort_values("content_start", ascending=False).iloc[0]


JOHNSON = "kremlin-en-50e9bb23a2d7"   # Telephone conversation with British Prime Minister Boris Johnson
MACRON = "kremlin-en-e4e894f17f6f"    # Telephone conversation with President of France Emmanuel Macron


@pytest.fixture(scope="module")
def kremlin(nlp):
    recs = records("corpus/kremlin_en_2021_2022.jsonl", {JOHNSON, MACRON})
    return {aid: (rec["text"], extract_quotes(articles_of({aid: rec}), nlp)) for aid, rec in recs.items()}


def test_noun_phrase_objects_passives_and_joint_subjects_in_a_readout(kremlin):
    text, found = kremlin[JOHNSON]
    concern = row_at(found, text, "concern about Russia's alleged large-scale troop movements")
    assert (concern["speaker"], concern["cue"], concern["act"]) == ("Boris Johnson", "expressed", "concerned")
    need = row_at(found, text, "the need to immediately begin talks")
    assert (need["speaker"], need["cue"]) == ("Vladimir Putin", "stated")
    joint = row_at(found, text, "satisfaction with the outcome of the 26th session")
    assert joint["speaker_mention"] == "Both leaders"
    # passive and impersonal forms: the readout's main speaker, named in no mention
    for content in ("Specific examples of Kiev's destructive course",
                    "Ukraine's policy of discrimination against Russian-speaking people",
                    "all this is happening amid the active military"):
        row = row_at(found, text, content)
        assert (row["speaker"], row["speaker_mention"], row["speaker_start"]) == ("Vladimir Putin", "", -1), content
    agreed = row_at(found, text, "continue to discuss the issues raised")
    assert (agreed["speaker_mention"], agreed["act"]) == ("The leaders", "agrees")


def test_an_action_verb_is_not_speech(kremlin):
    """"Kiev continues to refuse to act on agreements" is Putin's claim about Kiev, not Kiev's."""
    text, found = kremlin[MACRON]
    assert not (found["cue"].str.lower().str.startswith("continu")).any()
    claim = row_at(found, text, "Kiev continues to refuse to act on agreements")
    assert (claim["speaker"], claim["cue"]) == ("Vladimir Putin", "pointed")
    asked = row_at(found, text, "be more active in persuading the Kiev authorities")  # asked X to: a demand
    assert (asked["speaker"], asked["speaker_mention"], asked["act"]) == ("Vladimir Putin", "", "demands")


def test_a_quoted_headline_alone_on_a_line_is_no_statement(nlp):
    recs = records("gold/polnear-dev.jsonl", {"polnear/dev/nyt_2016-09-08_obama-on-climate-change-the-tren"})
    text = next(iter(recs.values()))["text"]
    found = extract_quotes(articles_of(recs), nlp)
    line = text.index("All Bets Are Off.")
    assert not ((found["quote_start"] <= line) & (line < found["quote_end"])).any()
    assert len(found) > 10  # the article's real quotations are all still there


def test_a_word_used_to_describe_someone_is_no_statement(nlp):
    recs = records("gold/polnear-train.jsonl", {"polnear/train/politico_2016-08-23_top-senate-candidates-pointing-f"})
    text = next(iter(recs.values()))["text"]
    found = extract_quotes(articles_of(recs), nlp)
    at = text.index("has used to describe Donald Trump")
    near = found[(found["cue_start"] >= at) & (found["cue_start"] < at + 40)]
    assert near.empty, near[["speaker", "cue", "quote"]].to_string()


FICTIONAL = (
    "Mayor says Fairhaven bridge will reopen by winter\n\n"
    "FICTIONAL article, made up for the newsroom-kit tests.\n\n"
    "Mayor Sarah Ellison denied that the bridge repairs had run over budget.\n\n"
    "READ MORE: Ellison says ferry fares will rise in March\n\n"
    "Harbour Board Says Ferry Fares Will Rise Again\n\n"
    "Ellison warned that the ferries could stop in January and called for a new harbour levy.\n\n"
    "Watch Ellison explain the plan below:\n\n"
    "Councillor Tom Brandt expressed concern about the cost of the levy. He thinks that the "
    "council should wait.\n\n"
    "It was agreed to meet again on Friday. Ellison was clear that the levy would not pass "
    "without a vote. It is clear that the council is split.\n\n"
    "Brandt has not said whether he will vote for the levy.\n"
)


def test_speech_acts_and_lines_that_are_not_prose(nlp):
    found = run(nlp, FICTIONAL)
    text = FICTIONAL
    acts = {c: row_at(found, text, c)["act"] for c in (
        "the bridge repairs had run over budget", "the ferries could stop in January", "a new harbour levy",
        "concern about the cost of the levy", "the council should wait", "Fairhaven bridge will reopen")}
    assert acts == {"the bridge repairs had run over budget": "denies", "the ferries could stop in January": "warns",
                    "a new harbour levy": "demands", "concern about the cost of the levy": "concerned",
                    "the council should wait": "believes", "Fairhaven bridge will reopen": "says"}
    # a link line, another story's headline and a caption hold no statement
    for line in ("READ MORE:", "Harbour Board Says", "Watch Ellison explain"):
        at = text.index(line)
        end = text.index("\n", at)
        assert not ((found["cue_start"] >= at) & (found["cue_start"] < end)).any(), line
    agreed = row_at(found, text, "meet again on Friday")
    assert (agreed["speaker"], agreed["act"]) == ("Tom Brandt", "agrees")
    clear = row_at(found, text, "the levy would not pass without a vote")
    assert (clear["speaker"], clear["cue"]) == ("Sarah Ellison", "was clear")
    assert not (found["content"].str.contains("the council is split")).any()  # the writer's own voice
    assert not (found["content"].str.contains("he will vote for the levy")).any()  # said nothing


def test_fast_path_gives_the_same_rows_on_readouts(nlp):
    picked = []
    with open(shared_path("corpus", "kremlin_en_2021_2022.jsonl"), encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["title"].startswith("Telephone conversation"):
                picked.append(rec)
            if len(picked) == 30:
                break
    articles = pd.DataFrame({"article_id": [r["id"] for r in picked], "text": [r["text"] for r in picked]})
    fast = extract_quotes(articles, nlp, fast=True)
    assert len(fast) > 100
    pd.testing.assert_frame_equal(fast, extract_quotes(articles, nlp, fast=False))


FICTIONAL_READOUT = (
    "Readout of the Governor's call with the Mayor of Fairhaven\n\n"
    "FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
    "Governor Anna Lind spoke today with Mayor Sarah Ellison of Fairhaven. Governor Lind "
    "reiterated her condemnation of the harbour closure and reaffirmed the state's readiness to "
    "fund the ferry service. She put forth a plan to share the cost of the bridge. Governor Lind "
    "told her counterpart about the new ferry timetable. Governor Lind spoke about the state's "
    "efforts to repair the bridge, widen the coast road and open a night ferry. She pledged to "
    "keep the ferries running, including a new service to the islands. These figures were "
    "confirmed by the harbour board. Both sides expressed the resolve to finish the bridge by "
    "winter.\n\n"
    "The Fairhaven delegation affirmed that the talks had been useful. They expressed "
    "appreciation for the Governor's support. The leaders committed to meet again in March.\n\n"
    "Governor Lind congratulated Mayor Ellison on her re-election. She reaffirmed the state's "
    "support for the harbour. Mayor Ellison expressed gratitude for the state's help. It was "
    "agreed to hold the next call in the spring.\n"
)


def test_readout_objects_acts_and_groups(nlp):
    """Noun-phrase objects and their acts, what a cue carries after its content, a 'they' after a
    group, and a statement only referred to (a FICTIONAL readout)."""
    found, said = statements_of(nlp, FICTIONAL_READOUT)
    assert said("her condemnation of the harbour closure")["act"] == "accuses"   # the noun's act
    assert said("the state's readiness to fund")["act"] == "promises"
    assert said("a plan to share the cost")["cue"] == "put"                     # "put forth"
    told = said("the new ferry timetable")
    assert (told["cue"], told["speaker"]) == ("told", "Anna Lind")
    efforts = said("the state's efforts to repair the bridge")
    assert efforts["content"].endswith("open a night ferry")                    # not cut at "widen"
    assert said("keep the ferries running")["content"].endswith("a new service to the islands")
    resolve = said("the resolve to finish the bridge")
    assert (resolve["speaker_mention"], resolve["act"]) == ("Both sides", "promises")
    assert not found["content"].str.contains("These figures").any()            # referred to, not said
    they = said("appreciation for the Governor's support")
    assert (they["speaker_mention"], they["speaker"]) == ("They", "The Fairhaven delegation")
    committed = said("meet again in March")
    assert (committed["speaker_mention"], committed["act"]) == ("The leaders", "promises")
    # "She" after Lind congratulated Ellison is Lind, the subject, not Ellison, named last
    assert said("the state's support for the harbour")["speaker"] == "Anna Lind"
    # an impersonal statement in a readout is its host's, whoever spoke just before
    agreed = said("hold the next call in the spring")
    assert (agreed["speaker"], agreed["speaker_mention"], agreed["act"]) == ("Anna Lind", "", "agrees")


FICTIONAL_CALL = (
    "FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
    "Governor Anna Lind had a telephone conversation with Mayor Sarah Ellison of Fairhaven. Governor "
    "Lind conveyed her congratulations to Mayor Ellison who was re-elected to this office on May 3, 2026. "
    "Governor Lind gave an assessment of the budget in the context of the recent storm damage. She "
    "raised the importance of repairing the pier before winter. Governor Lind reaffirmed the state's "
    "readiness to further fund the ferries, and also expressed satisfaction with the new timetable. "
    "Governor Lind observed that the harbour has changed in two years by helping the fishing fleet, "
    "mounting a repair plan for the pier, and opening a night ferry. The county council, which does "
    "not show any interest in the plan, was not on the call. The need for the council to publish "
    "its accounts was also addressed. The matter was raised. In connection with the concern "
    "expressed by Mayor Ellison about the ferry fares, Governor Lind gave an appraisal of the "
    "fare review. A 40-page harbour analysis released by the county last month was not discussed.\n"
)


def test_readout_clause_edges_and_parser_slips(nlp):
    """A clause made of a stray hyphen, a topic opened by 'in the context of', a finite verb the
    parser hung on an infinitive, a list of gerunds, and 'does not show any interest' (FICTIONAL)."""
    found, said = statements_of(nlp, FICTIONAL_CALL)
    assert said("her congratulations to Mayor Ellison")["cue"] == "conveyed"
    assert said("an assessment of the budget")["content"].endswith("the recent storm damage")
    assert said("the importance of repairing the pier")["cue"] == "raised"
    readiness = said("the state's readiness to further fund")
    assert "satisfaction" not in readiness["content"]
    satisfied = said("satisfaction with the new timetable")
    assert (satisfied["cue"], satisfied["speaker"]) == ("expressed", "Anna Lind")
    assert said("the harbour has changed")["content"].endswith("opening a night ferry")
    assert not found["content"].str.contains("interest in the plan").any()
    # readout passives that say something only as passives, with a subject that says what
    addressed = said("The need for the council to publish its accounts")
    assert (addressed["speaker"], addressed["speaker_mention"]) == ("Anna Lind", "")
    assert not found["content"].str.startswith("The matter").any()             # a bare subject says nothing
    concern = said("about the ferry fares")
    assert (concern["speaker"], concern["act"], concern["quote_spans"][0][0]) == (
        "Sarah Ellison", "concerned", FICTIONAL_CALL.index("the concern expressed by"))
    assert not found["content"].str.contains("harbour analysis").any()         # a document named, not quoted


FICTIONAL_WH_READOUT = (
    "FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
    "President Alan Brook, Jr., spoke today with President Tom Reyes of Norland to underscore the "
    "value of the fisheries pact. The leaders discussed trade. They reaffirmed their commitment to "
    "the ferry link. The President announced a new fund for the harbour. President Brook and "
    "President Reyes agreed to meet again in June. The leaders of more than 30 towns agreed to sign "
    "the coast charter.\n\n"
    "The three NSAs reaffirmed the importance of the pact. They noted that the harbour must stay open.\n"
)


def test_who_speaks_in_a_white_house_style_readout(nlp):
    """'Jr.' is no sentence end and no speaker; 'The President' is the readout's host, not the
    president named last; 'X and Y agreed' is both; 'they' is the group that spoke before it
    (a FICTIONAL readout)."""
    found, said = statements_of(nlp, FICTIONAL_WH_READOUT)
    assert said("the value of the fisheries pact")["speaker"] == "Alan Brook"
    assert said("their commitment to the ferry link")["speaker"] == "Alan Brook; Tom Reyes"
    assert said("a new fund for the harbour")["speaker"] == "Alan Brook"
    assert said("meet again in June")["speaker"] == "Alan Brook; Tom Reyes"
    assert said("sign the coast charter")["speaker"] == "The leaders of more than 30 towns"
    assert said("the harbour must stay open")["speaker"] == "The three NSAs"


FICTIONAL_HOST_READOUT = (
    "FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
    "Anna Lind had a telephone conversation with President of Norland Tom Reyes. The President "
    "underscored that the ferries had run all winter. Anna Lind welcomed President Reyes's commitment "
    "to a fair fisheries deal and reaffirmed her commitment to the ferry link. She praised the new "
    "harbour rules, which will give confidence to investors.\n"
)


def test_the_president_of_an_untitled_host_and_acts_of_welcomed_nouns(nlp):
    """'The President' in a readout whose host is named without a title is the host; a welcome of
    someone's commitment is a welcome, a reaffirmed commitment a promise; a thing that 'gives
    confidence' says nothing (a FICTIONAL readout)."""
    found, said = statements_of(nlp, FICTIONAL_HOST_READOUT)
    assert said("the ferries had run all winter")["speaker"] == "Anna Lind"
    assert said("President Reyes's commitment")["act"] == "says"
    assert said("her commitment to the ferry link")["act"] == "promises"
    assert said("the new harbour rules")["cue"] == "praised"
    assert not (found["cue"] == "give").any()                                  # the rules give confidence


def test_a_participle_after_the_object_is_said_by_the_verbs_subject_not_by_the_object():
    """'The presidents reaffirmed their commitment to develop the partnership, noting their
    readiness to ...': the parser hangs 'noting' on the object; the presidents note it."""
    text = ("Mara Quell and Tomas Brandt held a telephone conversation. The presidents reaffirmed their "
            "commitment to further develop the bilateral partnership, noting, in particular, their readiness "
            "to expand trade and cultural cooperation.")
    rows = extract_quotes(pd.DataFrame([{"article_id": "a", "text": text}]), n_process=1)
    noting = rows[rows.cue == "noting"]
    assert len(noting) == 1 and noting.iloc[0].speaker == "Mara Quell; Tomas Brandt"


# ------------------------------------------------------ readout forms found on the fourth dev set

WEIGHT_READOUT = (
    "FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
    "President Ivan Petrov had a telephone conversation with President Lena Ost of Norland. The main "
    "attention was paid to the situation on the border. President Ivan Petrov told Lena Ost about the "
    "results of his talks with President Boris Krall on Monday. He emphasised the importance of the "
    "complete fulfilment by the rebels of the truce. Attention was drawn to the weapons being sent to "
    "the rebels by neighbouring countries. In addition, emphasis was laid on further cooperation in "
    "regional affairs, including in the north. Regarding the river, the emphasis on both sides was on "
    "the importance of keeping the dams safe. Petrov also drew attention to the growth of trade. The "
    "leaders exchanged views on the fishing quotas. The leaders exchanged greetings in connection "
    "with the approaching holidays.\n"
)


def test_nouns_of_weight_and_exchanged_greetings_in_a_readout(nlp):
    """"Attention was drawn to X", "emphasis was laid on X", "the emphasis on both sides was on X",
    "drew attention to X" are statements; "attention was paid to" and "exchanged views on" are topic
    lines, "exchanged greetings" a joint statement (a FICTIONAL readout)."""
    found, said = statements_of(nlp, WEIGHT_READOUT)
    for content in ("the weapons being sent to the rebels", "further cooperation in regional affairs, including in the north"):
        row = said(content)
        assert (row["speaker"], row["speaker_start"]) == ("Ivan Petrov", -1), content
        assert row["content"].startswith(content)
    both = said("the importance of keeping the dams safe")
    assert (both["speaker_mention"], both["cue"], both["content"]) == (
        "both sides", "emphasis", "the importance of keeping the dams safe")
    assert said("the growth of trade")[["speaker_mention", "cue"]].tolist() == ["Petrov", "drew attention"]
    greetings = said("greetings in connection with the approaching holidays")
    assert greetings["speaker_mention"] == "The leaders" and "Lena Ost" in greetings["speaker"]
    assert not found["content"].str.contains("the situation on the border|fishing quotas").any()
    pd.testing.assert_frame_equal(found, run(nlp, WEIGHT_READOUT, fast=False))


def test_a_he_after_told_about_someone_is_the_teller(nlp):
    """"X told Y about his talks with Z. He emphasised ...": "he" is X, not Z, although Z is named
    last (a FICTIONAL readout)."""
    found, said = statements_of(nlp, WEIGHT_READOUT)
    row = said("the importance of the complete fulfilment")
    assert (row["speaker_mention"], row["speaker"]) == ("He", "Ivan Petrov")


ACTS_READOUT = (
    "FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
    "President Ivan Petrov had a telephone conversation with President Lena Ost of Norland. Ivan Petrov "
    "stressed that the rebels must abandon all attempts to seize the dams. He emphasised the need for "
    "the river authority to open the locks. He stated the need to begin talks at once. He asked Lena "
    "Ost to be more active in persuading the rebels. Petrov noted that the rebels continue to refuse "
    "to implement the truce. He pointed out that provocations from the rebels were the reason for the "
    "flooding. He noted that, in violation of the truce, the rebels are placing their bets on force. "
    "He noted that the border guards do not threaten civilians. He emphasised that attempts to blame "
    "Petria for the floods were groundless. Lena Ost reaffirmed the readiness of Norland to impose "
    "severe costs on any raiders. She was clear that if the raids go on, Norland will respond "
    "decisively. Ivan Petrov supported President Ost's initiative to convene a river summit. He "
    "called on the river authority to be receptive to these concerns. They reaffirmed their mutual "
    "striving to develop the river trade. In this context, Ivan Petrov confirmed that the floods "
    "have been complicating this issue and noted the importance of keeping the ports open.\n"
)


def test_the_act_a_readout_statements_content_gives_it(nlp):
    """A cue that only says gets the act of what it says: "must" and "the need for X to" demand,
    a wrong done accuses, "groundless" rejects, a punishment promised warns, supporting an
    initiative agrees (``content_acts``; a FICTIONAL readout)."""
    found, said = statements_of(nlp, ACTS_READOUT)
    expected = {"the rebels must abandon": "demands", "the need for the river authority": "demands",
                "the need to begin talks": "says", "be more active in persuading": "demands",
                "the rebels continue to refuse": "accuses", "provocations from the rebels": "accuses",
                "the rebels are placing their bets": "accuses", "the border guards do not threaten": "says",
                "attempts to blame Petria": "rejects", "the readiness of Norland to impose": "warns",
                "Norland will respond": "warns", "President Ost's initiative": "agrees",
                "be receptive to these concerns": "demands", "their mutual striving": "promises"}
    assert {content: said(content)["act"] for content in expected} == expected
    # a finite verb the parser coordinated with the participle of the clause before it
    assert said("the importance of keeping the ports open")["speaker"] == "Ivan Petrov"


def test_supporting_a_request_agrees(nlp):
    """"The President supported the request" agrees to it, as supporting an initiative does; it
    is not a belief (a FICTIONAL readout)."""
    text = ("FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
            "President Ivan Petrov met with Governor Anton Kessler of the Lakeland Region. The Governor "
            "asked that a ferry line to the islands be opened. The President supported the request.\n")
    found, said = statements_of(nlp, text)
    assert said("the request")["act"] == "agrees"


def test_heads_of_state_and_a_participle_read_as_an_adjective(nlp):
    """"The heads of state" are every participant, and so is the "they" after them; "The
    importance of X was underscored" is a passive statement even where the parser reads the
    participle as an adjective (a FICTIONAL readout)."""
    text = ("FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
            "President Ivan Petrov had a telephone conversation with President of Norland Lena Ost.\n\n"
            "The heads of state exchanged greetings on a landmark event. They exchanged views on the "
            "bilateral agenda, reaffirming their resolve to strengthen the partnership. The importance of "
            "a constructive inter-faith dialogue was underscored.\n")
    found, said = statements_of(nlp, text)
    assert said("greetings on a landmark event")["speaker"] == "Ivan Petrov; Lena Ost"
    assert said("their resolve to strengthen")["speaker"] == "Ivan Petrov; Lena Ost"
    dialogue = said("The importance of a constructive inter-faith dialogue")
    assert (dialogue["cue"], dialogue["speaker_start"]) == ("underscored", -1)
    assert not found["content"].str.contains("bilateral agenda").any()


def test_a_talk_with_someone_is_a_topic_and_a_fronted_infinitive_is_not_content(nlp):
    """"X spoke with Y about Z" is a topic line, "X spoke about Z" a statement; an opening
    "..., to be observed in April," is not part of the invitation that follows (FICTIONAL)."""
    text = ("FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
            "President Joe Doe spoke with President Ivan Petrov about the military buildup on the border. "
            "Petrov spoke about the proposals. In view of the anniversary of relations, to be observed in "
            "April of this year, Ivan Petrov invited Joe Doe to pay an official visit to our country.\n")
    found, said = statements_of(nlp, text)
    assert not found["content"].str.contains("military buildup").any()
    assert said("the proposals")["cue"] == "spoke"
    # the one invited belongs to the invitation ("urged him to resign": tests/test_reported_clauses.py)
    assert said("pay an official visit")["content"].startswith("Joe Doe to pay an official visit")


def test_an_infinitive_after_the_object_of_informed_about_is_part_of_it(nlp):
    """"informed X about/on the progress of the operation to protect Y": the parser hangs "to
    protect" on the verb; it is part of what X was told (a FICTIONAL readout)."""
    text = ("FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
            "President Ivan Petrov had a telephone conversation with President Lena Ost. Ivan Petrov "
            "informed his counterpart about the progress of the special operation to protect the river "
            "towns, including the evacuation of Dorp. He informed her on the progress of the operation "
            "to protect the dams as well as on the talks with the rebels.\n")
    found, said = statements_of(nlp, text)
    assert said("the progress of the special operation")["content"] == (
        "the progress of the special operation to protect the river towns, including the evacuation of Dorp")
    assert said("the progress of the operation to protect the dams")["cue"] == "informed"
    pd.testing.assert_frame_equal(found, run(nlp, text, fast=False))


def test_a_list_of_verbs_the_parser_hangs_under_a_later_one(nlp):
    """"President Doe thanked X ..., welcomed Canada's G7 Presidency ..., and encouraged Y": the
    parser makes "thanked" a clause of "welcomed" and "Canada's G7 Presidency" its subject; all
    three are Doe's statements, the second about its object (a FICTIONAL readout)."""
    text = ("FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
            "President Joe Doe spoke with Prime Minister Lena Ost. President Doe thanked Prime Minister "
            "Ost for her leadership of the G7 over the past year, welcomed Canada’s G7 Presidency next "
            "year under Prime Minister Trudeau, and encouraged the G7 to continue its vital work.\n")
    found, said = statements_of(nlp, text)
    assert said("her leadership of the G7")["cue"] == "thanked"
    welcomed = said("Canada’s G7 Presidency")
    assert (welcomed["cue"], welcomed["speaker"]) == ("welcomed", "Joe Doe")
    assert set(found["speaker"]) == {"Joe Doe"}


def test_commending_and_articulating_report_what_was_said(nlp):
    """"commended X" praises X; "went on to articulate X" states X: both are statements with a
    noun-phrase object (a FICTIONAL readout)."""
    text = ("FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
            "President Lena Ost met with President Ivan Petrov. President Ost condemned the shelling of "
            "the dams, and she commended the skill and bravery of the engineers who kept them safe. "
            "Ivan Petrov went on to articulate the principled approaches to the talks with the rebels.\n")
    found, said = statements_of(nlp, text)
    commended = said("the skill and bravery")
    assert (commended["cue"], commended["act"], commended["speaker"]) == ("commended", "says", "Lena Ost")
    assert commended["content"] == "the skill and bravery of the engineers who kept them safe"
    articulated = said("the principled approaches")
    assert (articulated["cue"], articulated["speaker"]) == ("articulate", "Ivan Petrov")


def test_made_clear_in_an_as_clause_or_after_and_reports_the_clause(nlp):
    """"As President Doe made clear, Eastland will pay ...": the clause the "as" clause hangs on
    is what Doe made clear; "voiced X and made clear that ..." is a second statement of Doe's,
    whose clause the parser hangs as the adjective's subject (a FICTIONAL fact sheet)."""
    text = ("FICTIONAL fact sheet, made up for the newsroom-kit tests.\n\n"
            "As President Joe Doe and our allies have made clear, we will impose significant costs on "
            "Eastland. As President Doe made clear, Eastland will pay an even steeper price if it "
            "continues its aggression. President Doe voiced the deep concerns of the United States about "
            "Eastland’s actions and made clear that the United States would respond with strong economic "
            "measures in the event of a further military intervention.\n")
    found, said = statements_of(nlp, text)
    costs = said("we will impose significant costs")
    assert (costs["cue"], costs["speaker"], costs["act"]) == ("made clear", "Joe Doe", "warns")
    assert costs["content"] == "we will impose significant costs on Eastland"
    assert said("Eastland will pay")["content"] == "Eastland will pay an even steeper price if it continues its aggression"
    respond = said("the United States would respond")
    assert (respond["cue"], respond["speaker"]) == ("made clear", "Joe Doe")
    assert said("the deep concerns")["cue"] == "voiced"


def test_a_passives_topic_and_a_clause_the_parser_split_stay_whole(nlp):
    """"The importance of X was underscored, in particular, in the context of Y": Y says what
    about; "it was emphasised that A and B have ..., uphold ..., seek to ..." is one clause, the
    present-tense verbs after the past cue going on with it (a FICTIONAL readout)."""
    text = ("FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
            "Ivan Petrov had a telephone conversation with President Lena Ost. The importance of "
            "cooperation within the river council was underscored, in particular, in the context of the "
            "upcoming council summit to be hosted by Northland on June 23. During the discussion, it was "
            "emphasised that Eastland and Northland, as before, have overlapping or very close positions, "
            "consistently uphold the principles of international law, seek to build a fair system of "
            "relations.\n")
    found, said = statements_of(nlp, text)
    assert said("The importance of cooperation")["content"].endswith("in the context of the upcoming council summit "
                                                                  "to be hosted by Northland on June 23")
    assert said("Eastland and Northland")["content"].endswith("seek to build a fair system of relations")
    pd.testing.assert_frame_equal(found, run(nlp, text, fast=False))


def test_a_second_cue_the_parser_hung_on_the_reported_clause_is_the_reporters(nlp):
    """"Testov reported that the construction had resumed and also noted that ...": the parser
    hangs "noted" on "resumed"; "the construction" is not its speaker (a FICTIONAL readout)."""
    text = ("FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
            "Regarding the road sector, Boris Testov reported that the construction of the eastern bypass "
            "motorway had resumed and also noted that the length of another bypass would be about 20 "
            "kilometres.\n")
    found, said = statements_of(nlp, text)
    noted = said("the length of another bypass")
    assert (noted["cue"], noted["speaker"]) == ("noted", "Boris Testov")
    assert said("the construction")["content"] == "the construction of the eastern bypass motorway had resumed"


def test_a_title_comes_from_the_words_right_before_a_name_not_the_clause_before_it(nlp):
    """"the Governor thanked Ivan Petrov for his help" gives Petrov no title: "said the Governor"
    afterwards is still the governor's (a FICTIONAL readout)."""
    text = ("FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
            "Ivan Petrov held a working meeting with Governor of the Westmark Region Boris Testov. In this "
            "context, the Governor thanked Ivan Petrov for his help in stabilising the shipyard. The "
            "portfolio of the region's shipyards amounts to 50 billion rubles, said the Governor.\n")
    found, said = statements_of(nlp, text)
    assert said("The portfolio")["speaker"] == "Boris Testov"
    assert said("his help")["speaker"] == "Boris Testov"


def test_being_supportive_of_something_is_a_stance(nlp):
    """"The leaders were supportive of maintaining X" is the leaders' stance on X; "the data are
    supportive of the finding" is nobody's (a FICTIONAL readout)."""
    text = ("FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
            "Ivan Petrov had a telephone conversation with Prime Minister Lena Ost. The leaders were "
            "supportive of maintaining the river treaty, which is an important factor in ensuring security. "
            "The data are supportive of the finding.\n")
    found, said = statements_of(nlp, text)
    stance = said("maintaining the river treaty")
    assert (stance["cue"], stance["act"], stance["speaker"]) == ("were supportive", "believes", "Ivan Petrov; Lena Ost")
    assert len(found) == 1
    pd.testing.assert_frame_equal(found, run(nlp, text, fast=False))


def test_sixth_set_readout_forms(nlp):
    """The forms the sixth readouts set showed (a FICTIONAL readout): a list of verbs the parser
    hangs after the first verb's object ("expressed X, condemned Y, and emphasised Z": three
    statements), "set forth", "expressed understanding", "Emphasis was placed on" opening a sentence
    (the tagger reads "Emphasis" as a name), and a participle that says how a
    proposed or possible act would be done, which stays in an agreement or an impersonal "It was
    noted that" (", citing ..." after a statement stays the writer's aside)."""
    text = ("FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
            "Ivan Petrov had a telephone conversation with Prime Minister of Arland Lena Ost.\n\n"
            "Lena Ost expressed her firm support for Westmark's decisive measures, condemned the reckless "
            "policy of the Borduria government, and emphasised the importance of countering the campaign of "
            "rumours. Ivan Petrov set forth his fundamental assessments of the situation in the region. The "
            "Prime Minister of Arland expressed understanding with respect to Westmark's concerns. Emphasis was "
            "placed on the need for a full implementation of the agreements by the Bordurian authorities. "
            "It was noted that Arland could influence the Bordurian authorities, compelling them to stop the "
            "shelling of villages. The leaders agreed to expand cooperation in energy and transport, taking "
            "into account the difficult economic situation. Ivan Petrov asked Lena Ost about the fishermen "
            "who had gone missing near the coast. Lena Ost said the shipyard would cut jobs, citing weak "
            "demand.\n")
    found, said = statements_of(nlp, text)
    listed = [said(c) for c in ("her firm support", "the reckless policy", "the importance of countering")]
    assert [(r["cue"], r["speaker"], r["act"]) for r in listed] == [
        ("expressed", "Lena Ost", "agrees"), ("condemned", "Lena Ost", "accuses"), ("emphasised", "Lena Ost", "says")]
    assert listed[0]["content"] == "her firm support for Westmark's decisive measures"
    assert said("his fundamental assessments")["speaker"] == "Ivan Petrov"
    assert said("understanding with respect")[["cue", "act"]].tolist() == ["expressed", "agrees"]
    assert said("the need for a full implementation")["cue"] == "Emphasis was placed"
    assert said("Arland could influence")["content"].endswith("compelling them to stop the shelling of villages")
    assert said("expand cooperation")["content"].endswith("taking into account the difficult economic situation")
    assert said("the shipyard would cut jobs")["content"] == "the shipyard would cut jobs"
    pd.testing.assert_frame_equal(found, run(nlp, text, fast=False))


def test_a_statement_printed_whole_in_quotation_marks_is_read_as_prose(nlp):
    """A text that is one quotation from its first character to its last, signed by nobody, is the
    publisher's statement in quotation marks: the readout inside gives its statements and there is
    no direct quotation of nobody's; signed below, it stays the signer's quotation (FICTIONAL)."""
    text = ("“Today, President Jon Brook and President Ana Reyes had a productive phone conversation. President "
            "Reyes thanked President Brook for the support of the Republic of Arland.\n\n"
            "President Brook promised to work closely with both parties to help return the fishermen home. "
            "The Presidents emphasized that the teams can meet again next week.”")
    found, said = statements_of(nlp, text)
    assert set(found["kind"]) == {"indirect"}
    assert said("the support of the Republic")["speaker"] == "Ana Reyes"
    assert said("work closely")["speaker"] == "Jon Brook"
    signed = run(nlp, "“Today, President Jon Brook announced that the fishermen are home.”\n\n– National Security "
                      "Advisor Lena Ost")
    assert "announced" not in set(signed["cue"])  # the signer's quotation, not prose
    pd.testing.assert_frame_equal(found, run(nlp, text, fast=False))


def test_the_following_is_a_statement_from_someone(nlp):
    """"The following is a statement from X." before a quotation, with no colon, makes the
    quotation X's (a FICTIONAL release)."""
    text = ("Seven fishermen have been reunited with their families. The following is a statement from the "
            "First Lady of Arland, Lena Ost.\n\n"
            "“My dedication to the safe return of the fishermen is unwavering.\n\n"
            "“I commend the persistent diplomacy of all parties in the pursuit of their return.”")
    found = run(nlp, text)
    assert found[["kind", "speaker", "cue"]].values.tolist() == [["direct", "Lena Ost", "statement"]]
    assert found["quote"].iloc[0].endswith("in the pursuit of their return.")
    pd.testing.assert_frame_equal(found, run(nlp, text, fast=False))


def test_a_curly_apostrophe_and_a_subject_read_as_an_apposition(nlp):
    """"President Brook’s and President Reyes’s agreement" with curly apostrophes stays in what
    was agreed (the tagger read "’s" as a closing quotation mark); in "Responding to X's call for
    contact with Y, the President of Westmark reaffirmed ..." the President is the subject, not
    Y's title, and the "He" that opens the next sentence is the President (a FICTIONAL readout)."""
    text = ("FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
            "Ivan Petrov had a telephone conversation with President of Arland Lena Ost.\n\n"
            "Arland and Westmark agreed to develop measures for implementing President Brook’s and "
            "President Reyes’s agreement to ban strikes against energy facilities of both countries. "
            "Responding to Lena Ost's call for direct contact with Jon Brook, the President of Westmark "
            "reaffirmed his well-known position on this issue. He noted this opportunity depends on the "
            "results of the talks.\n")
    found, said = statements_of(nlp, text)
    assert said("develop measures")["content"].endswith("agreement to ban strikes against energy facilities of both countries")
    assert said("direct contact")["content"] == "direct contact with Jon Brook"
    assert said("his well-known position")["speaker_mention"] == "the President of Westmark"
    assert said("this opportunity depends")["speaker"] == said("his well-known position")["speaker"]
    pd.testing.assert_frame_equal(found, run(nlp, text, fast=False))


def test_help_given_and_the_purpose_of_money_are_no_statement(nlp):
    found = run(nlp, "The agency will provide support to families in Dalmor County.",
                "The ministry provided early warning of the storms to the coastal towns.",
                "The law provides $20 million to support youth programs in Dalmor.",
                "To further support the schools, Governor Lena Vasko encouraged parents to volunteer.",
                "Governor Lena Vasko provided an explanation regarding the delays.",
                "Senator Ola Brenn supports the harbour bill.")
    assert list(found["cue"]) == ["encouraged", "provided", "supports"]


def test_one_he_is_one_speaker_and_a_cue_with_its_preposition_is_no_closing_attribution(nlp):
    """"He noted A and thanked B": both statements are the same man's, the one the sentence before
    spoke of; "The Presidents emphasized that in further meetings, the teams can agree on X" is
    one statement, not "the teams" saying the words before the comma (a FICTIONAL readout)."""
    text = ("President Jon Brook and President Ivo Reyes had a phone conversation.\n\n"
            "President Reyes also thanked President Brook for continuing to push humanitarian concerns. He "
            "noted they had just had a successful exchange and thanked the President for his leadership. The "
            "Presidents emphasized that in further meetings, the teams can agree on all necessary aspects of "
            "advancing toward lasting peace.\n")
    found, said = statements_of(nlp, text)
    assert said("they had just had")["speaker"] == said("his leadership")["speaker"] == "Ivo Reyes"
    assert found["cue"].tolist() == ["thanked", "noted", "thanked", "emphasized"]
    pd.testing.assert_frame_equal(found, run(nlp, text, fast=False))


def test_two_statements_spliced_with_a_comma_and_a_feeling_expressed(nlp):
    """"Reyes asked for X, Brook agreed to work with him ...": two statements, each its speaker's
    (the parser hangs the first as the clause of the second); "Reyes was grateful for X" is a
    statement, "The town is grateful for rain" none (a FICTIONAL readout)."""
    text = ("President Jon Brook and President Ivo Reyes had a phone conversation.\n\n"
            "President Reyes asked for additional air defense systems to protect his civilians, particularly "
            "long-range systems, President Brook agreed to work with him to find what was available. "
            "President Reyes was grateful for the President's leadership in this effort. The town is "
            "grateful for rain.\n")
    found, said = statements_of(nlp, text)
    grateful = said("the President's leadership")
    assert (grateful["cue"], grateful["act"], grateful["speaker"]) == ("was grateful", "says", "Ivo Reyes")
    assert not found["content"].str.contains("rain").any()
    asked, agreed = said("additional air defense"), said("work with him")
    assert (asked["speaker"], asked["act"]) == ("Ivo Reyes", "demands")
    assert (agreed["speaker"], agreed["content"]) == ("Jon Brook", "work with him to find what was available")
    pd.testing.assert_frame_equal(found, run(nlp, text, fast=False))


SEVENTH = ("FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
           "Ivan Petrov had a telephone conversation with Prime Minister Lena Ost.\n\n"
           "The President informed the other party at length about the latest events on the river border, "
           "noting that the border guards are strictly observing the norms of the river treaty, and spoke "
           "about the work being carried out to restore the ferry links. The President was critical of the "
           "continued practice of closing the locks, cautioning against the risks of a further flood. "
           "The leaders spoke in support of continuing the dialogue on fishing quotas. With regard to the "
           "question raised by Lena Ost, the President spoke in favour of discussing these problems during "
           "direct contacts between the two ministries. Ivan Petrov provided specific examples of violations "
           "by Arland of the river treaty, which is the only basis for a settlement. He updated his "
           "counterpart on the measures being taken to open the locks, to have the barges return home, and "
           "to restore the ferry service. Dissatisfaction with the lack of progress on the dam was expressed "
           "on both sides. The leaders committed to a joint survey of the delta. They also talked about the "
           "weather in the delta.\n")


@pytest.fixture(scope="module")
def seventh(nlp):
    found, said = statements_of(nlp, SEVENTH)
    return found, said


def test_a_participle_and_a_verb_after_it_are_two_statements(seventh, nlp):
    """"informed X about A, noting that B, and spoke about C": the parser hangs "spoke" on the
    participle's clause; it is the subject's third statement, not part of what was noted."""
    found, said = seventh
    noted = said("the border guards are strictly observing")
    assert noted["cue"] == "noting" and noted["content"].endswith("norms of the river treaty")
    spoke = said("the work being carried out")
    assert (spoke["cue"], spoke["speaker"]) == ("spoke", "Ivan Petrov")
    pd.testing.assert_frame_equal(found, run(nlp, SEVENTH, fast=False))


def test_being_critical_of_something_accuses_and_cautioning_against_warns(seventh, nlp):
    """"The President was critical of X, cautioning against Y" (``criticism_adjectives``, "caution
    against"); "The next week is critical for the talks" says nothing."""
    _, said = seventh
    critical = said("the continued practice of closing the locks")
    assert (critical["cue"], critical["act"], critical["speaker"]) == ("was critical", "accuses", "Ivan Petrov")
    caution = said("the risks of a further flood")
    assert (caution["cue"], caution["act"]) == ("cautioning", "warns")
    assert run(nlp, "The next week is critical for the talks, the town is critical of nothing.").empty


def test_speaking_in_support_or_in_favour_of_something_agrees(seventh):
    """"spoke in support of X", "spoke in favour of X" (``stance_phrases``): X, without a phrase that
    opens the sentence ("With regard to the question ...")."""
    _, said = seventh
    support = said("continuing the dialogue on fishing quotas")
    assert (support["act"], support["speaker"], support["content"]) == (
        "agrees", "Ivan Petrov; Lena Ost", "continuing the dialogue on fishing quotas")
    favour = said("discussing these problems")
    assert favour["act"] == "agrees" and favour["content"].startswith("discussing these problems")


def test_an_object_keeps_its_doer_and_a_list_of_infinitives(seventh):
    """"provided examples of violations by Arland of the treaty": the parser hangs "by Arland" on
    the verb; "updated X on the measures taken to A, to have B, and to C": the list goes on."""
    _, said = seventh
    examples = said("specific examples of violations")
    assert examples["content"].endswith("the only basis for a settlement")
    measures = said("the measures being taken to open the locks")
    assert measures["content"].endswith("to restore the ferry service")


def test_a_passive_on_both_sides_is_both_sides(seventh):
    """"Dissatisfaction with X was expressed on both sides": a feeling expressed (``speech_nouns``),
    whose speaker the "on both sides" names, and whose content is X."""
    _, said = seventh
    row = said("Dissatisfaction with the lack of progress")
    assert (row["act"], row["speaker_mention"], row["content"]) == (
        "concerned", "both sides", "Dissatisfaction with the lack of progress on the dam")


def test_committing_to_a_thing_promises_but_being_committed_is_a_state(seventh, nlp):
    """"The leaders committed to X" promises X; "the agency is committed to Y" is a state, and
    "committed their two towns to the accord" binds others."""
    _, said = seventh
    row = said("a joint survey of the delta")
    assert (row["cue"], row["act"]) == ("committed", "promises")
    assert run(nlp, "In addition, the river agency is committed to bolstering the dikes in the long term.").empty
    assert run(nlp, "Mayor Jane Doe and Mayor John Roe formally committed their two towns to the river accord.").empty


def test_the_sides_talking_about_something_is_a_topic_line(seventh):
    """"They also talked about X" between the two sides is a topic line, as "discussed" is."""
    found, _ = seventh
    assert not found["content"].str.contains("weather").any()


def test_a_statement_in_marks_signed_on_the_line_below(nlp):
    """'“…”' / '– National Security Advisor Jane Doe': a quotation that fills its paragraph, signed
    with a dash on the next line, is the signer's (a FICTIONAL statement)."""
    text = ("“Today the ferry between Arland and Borduria runs again, and both towns will see the benefit "
            "of the talks that made it possible.”\n\n– National Security Advisor Jane Doe")
    found = run(nlp, text)
    assert len(found) == 1
    row = found.iloc[0]
    assert (row["kind"], row["speaker_mention"]) == ("direct", "National Security Advisor Jane Doe")
    assert row["speaker"] == "Jane Doe"


def test_a_fact_sheets_section_headings_are_no_speakers(nlp):
    """'ACHIEVING RECIPROCAL TRADE: Last Friday, ...', 'THE PROSPEROUS PATH FORWARD: ...': an all-caps
    heading of common words (a gerund, "our", plurals) before a colon opens a section of a fact
    sheet, not a speaker's turn; 'PENCE: ...' in a transcript stays a speaker (a FICTIONAL fact sheet)."""
    text = ("ACHIEVING RECIPROCAL TRADE: Last Friday, President Anton Varga announced a ferry deal between "
            "Arland and Borduria.\n\nSTRENGTHENING OUR HARBOUR FIRMS: The deal opens the harbour to Arland "
            "ships.\n\nTHE PROSPEROUS PATH FORWARD: President Varga continues to advance the interests of "
            "the people.")
    found = run(nlp, text)
    assert (found["kind"] != "turn").all()
    assert (found["cue"] == "announced").any()
    debate = run(nlp, "PENCE: We will win the harbour vote.\n\nKAINE: We will not.")
    assert list(debate["kind"]) == ["turn", "turn"]


def test_help_given_is_no_stance(nlp):
    """"support" with what it is done with, what it enables its object to do, or how it is done is
    help given, not a view stated ("supports the bill" is one; a FICTIONAL fact sheet)."""
    text = ("The Arland government is supporting the Ministry of Health with technical assistance on "
            "immunization. The fund supports more than a million farmers in Borduria to adapt to the "
            "drought. The youth exchange supports the relationship by fostering academic opportunities. "
            "Senator Jane Doe supports the harbour bill.")
    found = run(nlp, text)
    assert list(found["content"]) == ["the harbour bill"]


def test_things_that_give_or_raise_say_nothing(nlp):
    """"the fixed-price contracts give the assurance to invest", "will not raise demand for barrels":
    a light verb whose subject is neither someone nor a text, or that is negated, says nothing (a
    FICTIONAL fact sheet)."""
    text = ("The fixed-price contracts give the assurance to make investments today. The repurchase "
            "plans will not raise demand for barrels now. The minister gave an assessment of the harbour. "
            "The minister did not give an assessment of the dam.")
    found = run(nlp, text)
    assert list(found["content"]) == ["an assessment of the harbour"]


def test_denying_someone_something_and_being_found_to_be_say_nothing(nlp):
    """"denying Arland carriers the ability to conduct business" withholds (two objects); "in case a
    component is later found to have a flaw" tells what it turned out to be: neither is a statement
    (a FICTIONAL fact sheet)."""
    text = ("Borduria stands with 30 markets in denying Arland carriers the ability to conduct business. "
            "Keep a bill of materials in case one of the components is later found to have a flaw. "
            "The minister denied the report.")
    found = run(nlp, text)
    assert list(found["content"]) == ["the report"]


def test_a_prefixed_verb_stays_one_word(nlp):
    """"called on Borduria to de-escalate tensions": the tokenizer would split "de-escalate" into three
    words the parser reads as three verbs; the engine parses it whole (the text keeps its hyphen)."""
    text = ("FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
            "President Anton Varga spoke with Prime Minister Lena Ost. The leaders called on Borduria to "
            "de-escalate tensions on the river.\n")
    found, said = statements_of(nlp, text)
    called = said("de-escalate tensions")
    assert (called["act"], called["content"]) == ("demands", "de-escalate tensions on the river")
    pd.testing.assert_frame_equal(found, run(nlp, text, fast=False))


def test_an_earlier_event_told_about_is_part_of_what_was_told(nlp):
    """"told X about his contacts with Y during his recent visit to Z": the visit is when the contacts
    took place, not when the telling did ("during the conversation" is; a FICTIONAL readout)."""
    text = ("FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
            "Ivan Petrov had a telephone conversation with Lena Ost. Lena Ost told Ivan Petrov about her "
            "contacts with the Arland leadership during her recent visit to Harbourtown.\n")
    found, said = statements_of(nlp, text)
    assert said("her contacts")["content"].endswith("during her recent visit to Harbourtown")


def test_issuing_a_ruling_is_an_act_and_issuing_a_warning_a_statement(nlp):
    """"issue" reports speech only with the nouns listed for it (``light_verb_nouns``): "issued a
    warning" is a statement, "issuing a determination to prohibit imports" an official act (a
    FICTIONAL fact sheet)."""
    text = ("The Arland Treasury is issuing a determination to prohibit the import of new gold. The "
            "Borduria ministry issued a warning to the harbour pilots.")
    found = run(nlp, text)
    assert list(found["content"]) == ["a warning to the harbour pilots"]


def test_he_after_a_sentence_is_the_one_who_opened_it(nlp):
    """"Ivan Petrov gave a response to the mention by Anton Varga of sanctions. He suggested that
    ...": the "he" stands for the sentence's opener, not for the person named last in it (a
    FICTIONAL readout)."""
    text = ("FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
            "Ivan Petrov had a telephone conversation with President Anton Varga. Ivan Petrov gave an "
            "exhaustive response to the mention once again by Anton Varga of the possibility of new river "
            "tolls. He suggested that this would be a grave error.\n")
    found, said = statements_of(nlp, text)
    assert said("this would be a grave error")["speaker"] == "Ivan Petrov"


def test_they_are_the_people_named_not_an_owner(nlp):
    """"Minister Jane Doe and Minister John Roe met the mayors to brief them on Anton Varga's river
    tolls. They conveyed ...": "they" are the two ministers, not Varga, named as the tolls' owner
    (a FICTIONAL readout)."""
    text = ("FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
            "Today, Minister Jane Doe and Minister John Roe met with 16 mayors to provide a briefing on "
            "Anton Varga’s river tolls. They conveyed the government’s commitment to keep the ferries running.\n")
    found, said = statements_of(nlp, text)
    assert "Varga" not in said("the government’s commitment")["speaker"]


def test_one_speaker_touching_on_a_matter_states_it_and_a_talk_touching_on_one_names_a_topic(nlp):
    """"the Governor touched on X" reports what he said; "The conversation also touched upon X",
    "The leaders touched upon X" and "X were touched upon" name a topic, as "discussed" does (a
    FICTIONAL readout)."""
    text = ("FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
            "Ivan Petrov met with Governor of Lakeshire Territory Dmitry Orlov. In addition, the Governor "
            "touched on shipbuilding issues of the Harbourtown yards. The conversation also touched upon a number "
            "of practical issues on the regional agenda. The leaders also touched upon certain aspects of trade. "
            "Some aspects of river transport were touched upon as well.\n")
    found = run(nlp, text)
    assert list(found["content"]) == ["shipbuilding issues of the Harbourtown yards"]
    assert found.iloc[0]["speaker"] == "Dmitry Orlov"


def test_greetings_sent_are_said_and_an_impersonal_agreement_is_the_hosts(nlp):
    """"sent birthday greetings to X" says them (as "extended greetings" does; "sent troops" does
    not); "It was agreed to maintain contact" is the readout's host's even where only joint
    subjects spoke before it (a FICTIONAL readout)."""
    text = ("FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
            "Ivan Petrov had a telephone conversation with President of Borduria Anton Varga.\n\n"
            "Both leaders reaffirmed their intention to further promote integration. Ivan Petrov and Anton "
            "Varga also exchanged opinions on the situation at the border. It was agreed to maintain contact. "
            "Earlier, Ivan Petrov sent birthday greetings to Anton Varga. The ministry sent troops to the border.\n")
    found, said = statements_of(nlp, text)
    assert said("maintain contact")["speaker"] == "Ivan Petrov"
    assert said("birthday greetings")["speaker"] == "Ivan Petrov"
    assert not found["content"].str.contains("troops").any()


def test_a_list_that_goes_on_after_the_object_is_what_was_said(nlp):
    """"reaffirmed the commitment to continue providing X, holding Y accountable, and imposing
    costs on Z": the gerunds are the list begun inside what was said, not the writer's aside; "is
    announcing measures to ban X, and impose Y": the bare verb goes on the infinitive (a
    FICTIONAL readout and fact sheet)."""
    text = ("FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
            "Anton Varga reaffirmed the Arland commitment to continue providing Borduria with security and "
            "humanitarian assistance, holding Ruritania accountable for its war crimes, and imposing costs on "
            "Ruritania for its aggression. As part of this effort, the Arland government is announcing new "
            "measures to ban investment in Ruritania, and impose the most severe sanctions on its largest bank.\n")
    found, said = statements_of(nlp, text)
    assert said("the Arland commitment")["content"].endswith("imposing costs on Ruritania for its aggression")
    assert said("new measures")["content"].endswith("sanctions on its largest bank")


def test_a_task_to_come_and_what_a_deed_raised_are_not_statements(nlp):
    """A stance a third party or a thing will take ("Jasper Orr will support the Board's
    oversight", "The Board will help support X": a task), people in need supported ("cities that
    have been supporting asylum seekers"), "the following actions:" (what the text lists next) and
    "raising concerns" after a deed say nothing; "We will continue to support X" is the speakers'
    pledge, "She'll present her proposals" a statement to come, and "spoke at the rally, raising
    concerns" voiced them (a FICTIONAL statement and fact sheet)."""
    text = ("FICTIONAL statement, made up for the newsroom-kit tests.\n\n"
            "Jasper Orr will support the Board’s oversight of all aspects of governance. The Board will help "
            "support effective governance in the harbour district. It will ease the strain on the cities that "
            "have been supporting asylum seekers. We will continue to support the river commission’s plan. "
            "Today, the Arland government is announcing the following actions:\n\n"
            "Full blocking sanctions on the largest bank of Ruritania.\n\n"
            "Orlan LLP hosted a workspace for the agency, raising concerns about misuse of sensitive data. "
            "Senator Jane Roe spoke at the rally, raising concerns about the new levy. She’ll present her "
            "proposals in a speech Friday in Harbourtown.\n")
    found = run(nlp, text)
    assert sorted(found["content"]) == ["concerns about the new levy", "her proposals in a speech Friday in Harbourtown",
                                        "the river commission’s plan"]


def test_a_preview_of_work_is_a_statement(nlp):
    """"Energy Secretary Jane Roe previewed upcoming work to make schools more efficient" (a
    FICTIONAL readout of a task force meeting)."""
    text = ("FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
            "Energy Secretary Jane Roe previewed upcoming work to make schools more energy efficient.\n")
    found = run(nlp, text)
    assert list(found["content"]) == ["upcoming work to make schools more energy efficient"]


def test_a_supported_course_of_action_a_commitment_read_as_a_purpose_and_needs_supported(nlp):
    """"The expediency of X was supported" (a course of action, ``supported_nouns``) is the host's
    stance, "The idea of a summit was supported by both sides" both sides'; "committed to close
    communication" is a promise even where the parser reads "close" as a verb of purpose; "Allies
    support the defensive needs of X" gives help, and "The bill was supported by 60 senators" is a
    vote (a FICTIONAL readout and fact sheet)."""
    text = ("FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
            "Ivan Petrov had a telephone conversation with President of Borduria Anton Varga. The expediency "
            "of stepping up the efforts of the river commission was supported. The idea of a joint summit was "
            "supported by both sides. The harbour board and the ministry committed to close communication and "
            "coordination going forward. Arland's Allies support the defensive needs of Borduria. The bill was "
            "supported by 60 senators.\n")
    found, said = statements_of(nlp, text)
    expediency = said("The expediency of stepping up")
    assert (expediency["speaker"], expediency["act"]) == ("Ivan Petrov", "agrees")
    assert said("The idea of a joint summit")["speaker"] == "Ivan Petrov; Anton Varga"
    assert said("close communication")["act"] == "promises"
    assert not found["content"].str.contains("defensive needs|The bill").any()


def test_supporting_operations_in_a_career_is_work_done_and_supporting_a_plan_is_a_stance(nlp):
    """A nominee's biography: "he supported space launch operations" is work he did, not a view;
    "She supports the harbour plan" is a stance (a FICTIONAL announcement)."""
    text = ("FICTIONAL announcement, made up for the newsroom-kit tests.\n\n"
            "Earlier in his career, Colonel Tomas Brek supported launch operations for the Eastland "
            "satellite network and led flight safety activities. Governor Ana Lind supports the harbour plan.\n")
    found, said = statements_of(nlp, text)
    assert not found["content"].str.contains("launch operations").any()
    assert said("the harbour plan")["act"] == "believes"


def test_a_second_verb_of_a_joint_statement_a_condition_and_what_talks_showed(nlp):
    """"The Arland Republic and Borduria underscore that the war must end, and fully endorse X":
    the war endorses nothing, so "endorse" is the two sides' next statement; "commented that it
    could be a good idea, provided that ..." keeps its condition; "The discussions showed
    meaningful progress" tells what happened, while "the talks underscored X" speaks for who took
    part (a FICTIONAL joint statement and readout)."""
    text = ("FICTIONAL joint statement, made up for the newsroom-kit tests.\n\n"
            "The Arland Republic and Borduria underscore that the war in Ruritania must end, and fully endorse "
            "President Varga’s leadership in brokering a ceasefire. Ivan Petrov commented that he feels it could "
            "be a good idea, provided that it be considered whether the meeting should be held online. The "
            "discussions showed meaningful progress toward aligning positions. The talks underscored the "
            "commitment to peace.\n")
    found, said = statements_of(nlp, text)
    assert said("the war in Ruritania must end")["content"] == "the war in Ruritania must end"
    endorse = said("President Varga’s leadership")
    assert (endorse["speaker"], endorse["act"]) == ("The Arland Republic; Borduria", "agrees")
    assert said("he feels it could be a good idea")["content"].endswith("should be held online")
    assert not found["content"].str.contains("meaningful progress").any()
    assert said("the commitment to peace")["cue"] == "underscored"


def test_wishing_someone_luck_is_said_and_wishing_oneself_something_is_not(nlp):
    """"Ivan Petrov wished him good luck" says the courtesy (whom it was wished to is not what was
    said); "I wish I could go" and "She wished for rain" say nothing (a FICTIONAL readout)."""
    text = ("FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
            "Ivan Petrov wished him good luck. I wish I could go. She wished for rain.\n")
    found = run(nlp, text)
    assert list(found["content"]) == ["good luck"]


def test_a_list_of_cue_verbs_after_an_object_is_one_statement_each(nlp):
    """"informed X on Y, set forth Z, and outlined W": the parser may hang "set" as the first
    verb's complement; a past tense with no "to" is the next verb of the list, a statement of its
    own, as is "underlined a mutual commitment" (a FICTIONAL readout)."""
    text = ("FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
            "Ivan Petrov informed Ana Ruiz on the progress of the harvest operation to defend the valley, set "
            "forth the underlying approaches and assessments in this context, and outlined the main goals and "
            "objectives of the operation. The parties underlined a mutual commitment to continue bilateral trade.\n")
    found, said = statements_of(nlp, text)
    assert said("the progress of the harvest")["content"].endswith("to defend the valley")
    assert said("the underlying approaches")["content"] == "the underlying approaches and assessments in this context"
    assert said("the main goals")["cue"] == "outlined"
    assert said("a mutual commitment")["act"] == "promises"
    assert len(found) == 4
    pd.testing.assert_frame_equal(found, run(nlp, text, fast=False))


def test_an_apposition_after_the_object_stays_in_what_was_said(nlp):
    """"underscored the futility of any attempts to delay X, something the companies are doing
    to gain time": the noun after the comma restates the object with its own clause (the parser
    hangs it on the verb); "last week" after an object carries no clause and stays out (a
    FICTIONAL readout)."""
    text = ("FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
            "At the same time, Ivan Petrov underscored the futility of any attempts to delay the canal project, "
            "something the other companies are doing to gain time. Ana Ruiz welcomed the new port rules, last week.\n")
    _, said = statements_of(nlp, text)
    assert said("the futility")["content"].endswith("something the other companies are doing to gain time")
    assert said("the new port rules")["content"] == "the new port rules"


def test_two_sides_named_together_who_spoke_about_x_name_a_topic(nlp):
    """"Ivan Petrov and Ana Ruiz also spoke about X" is what the talk was about, as "The leaders
    spoke about X" is; "Ivan Petrov spoke about X" alone is his statement (a FICTIONAL readout)."""
    text = ("FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
            "Ivan Petrov and Ana Ruiz also spoke about the state of the canal talks. Ivan Petrov spoke about the "
            "reasons for the new harbour fees.\n")
    found = run(nlp, text)
    assert list(found["content"]) == ["about the reasons for the new harbour fees"] or \
        list(found["content"]) == ["the reasons for the new harbour fees"]


def test_a_course_kept_and_a_thing_updated_are_not_statements(nlp):
    """"The harvest was proceeding according to plan" names no source; "The microsite has been
    updated to reflect X" is an edit, where "The committee was briefed on X" and "the
    negotiators were told that X" are statements to people (a FICTIONAL readout)."""
    text = ("FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
            "Ivan Petrov emphasised that the harvest was proceeding according to plan. The Harbour Task Force "
            "microsite has been updated to reflect these accomplishments. The harbour committee was briefed on "
            "the new rules. The negotiators were told that the port would close.\n")
    found = run(nlp, text)
    assert list(found["cue"]) == ["emphasised", "briefed", "told"]


def test_supporting_efforts_agrees(nlp):
    """"The President of Arland supported the ongoing political and diplomatic efforts": a stance
    over a course of action (``proposal_nouns``) agrees (a FICTIONAL readout)."""
    text = ("FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
            "The President of Arland supported the ongoing political and diplomatic efforts.\n")
    assert list(run(nlp, text)["act"]) == ["agrees"]


def test_accepting_an_invitation_and_the_writers_judgement(nlp):
    """"accepted Ost’s invitation to visit" is a statement (``light_verb_nouns``), where "accepted
    the award" is none; "It was revealing that Tom Berg gave a critical assessment of X" is the
    writer's judgement around Berg's statement (a FICTIONAL readout)."""
    text = ("FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
            "President Varga accepted Prime Minister Ost’s invitation to pay an official visit to Arland in the "
            "near future. The mayor accepted the award. It was revealing that Tom Berg gave a critical assessment "
            "of the campaign against fishermen.\n")
    found = run(nlp, text)
    assert list(found["cue"]) == ["accepted", "gave"]
    assert found["content"].iloc[1] == "a critical assessment of the campaign against fishermen"
    pd.testing.assert_frame_equal(found, run(nlp, text, fast=False))


def test_an_interest_in_doing_and_a_birthday_wished(nlp):
    """"reaffirmed their mutual interest in further developing X": the parser hangs "in" and the
    gerund on the verb, but they say what the interest is in; "wished Tom Berg a happy birthday"
    and "sent a message wishing Ana Ruiz a happy birthday" say the courtesy, where the person
    can be read as a first object (a FICTIONAL readout)."""
    text = ("FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
            "Both leaders reaffirmed their mutual interest in further developing the partnership. Earlier, Ivan "
            "Petrov sent a message wishing Ana Ruiz a happy birthday. Ivan Petrov wished Tom Berg a happy "
            "birthday. I wish it were my birthday.\n")
    found = run(nlp, text)
    assert list(found["content"]) == ["their mutual interest in further developing the partnership",
                                      "a happy birthday", "a happy birthday"]
    pd.testing.assert_frame_equal(found, run(nlp, text, fast=False))


def test_receiving_guests_says_nothing_and_a_why_clause_reports_its_own_object(nlp):
    """A fact sheet: "to welcome refugees from Eastland" and "greeted the delegation" tell who
    was received; "welcomed the decision" is a statement; "That is why the Farm Agency announced
    $100 million ..." reports the money, not "That is" (a FICTIONAL fact sheet)."""
    text = ("FICTIONAL fact sheet, made up for the newsroom-kit tests.\n\n"
            "And we will do our part to welcome refugees from Eastland to Westland. Mayor Anna Berg greeted the "
            "delegation from Eastland. The minister welcomed the decision and Westland's Presidency of the "
            "union next year. That is why the Westland Farm "
            "Agency announced $100 million in new funding for grain silos.\n")
    found, said = statements_of(nlp, text)
    assert not found["content"].str.contains("refugees|delegation").any()
    assert said("the decision")["act"] == "says"
    assert said("Westland's Presidency")["speaker"] == "The minister"
    money = said("$100 million")
    assert text[money["content_start"]:money["content_end"]].startswith("$100 million in new funding")


def test_courtesies_thoughts_lent_to_the_listener_and_postings_say_nothing(nlp):
    """A speech and a nominee's biography: "Thank you for celebrating with us" is the speaker's
    courtesy, "you know that showing up matters" a thought lent to the audience, "Mr. Varga was
    detailed as a trial attorney" a posting, "The cruelty of the attack reaffirms why the gang must
    be denied the ability to regroup" the writer's inference; "Eastland's readiness for dialogue has
    been reaffirmed", "The talks reaffirmed the importance of trade" and a delegation's reaffirmed
    gratitude stay (FICTIONAL)."""
    text = ("FICTIONAL remarks, made up for the newsroom-kit tests.\n\n"
            "Thank you for celebrating this moment with us. But you came because you know that showing up "
            "matters. From 2009 to 2010, Mr. Anton Varga was detailed as a Trial Attorney to the Integrity "
            "Section of the Eastland Justice Office. The cruelty of the attack reaffirms why the gang must be "
            "denied the ability to regroup. Eastland's readiness for dialogue has been reaffirmed. The talks "
            "reaffirmed the importance of trade. The Eastland delegation reaffirmed its gratitude for the aid.\n")
    found, said = statements_of(nlp, text)
    assert not found["content"].str.contains("celebrating|showing up|Trial Attorney|regroup").any()
    assert said("Eastland's readiness")["act"] == "promises"
    assert said("the importance of trade")["act"] == "says"
    assert said("its gratitude")["speaker"] == "The Eastland delegation"


def test_joint_statements_in_the_present_tense(nlp):
    """A joint statement of several governments: "We affirm that ..." (the tagger may read the verb
    as an adjective), "We are committed to providing ..." (the speakers' own pledge, where "the
    Agency is committed to X" is a state), a principle in the passive ("must never be fought") and
    a "should" over a thing ("trade should serve peace") that demand nothing (FICTIONAL)."""
    text = ("FICTIONAL joint statement, made up for the newsroom-kit tests.\n\n"
            "Eastland, Westland and Northland consider the avoidance of war as their foremost responsibility. "
            "We affirm that a trade war cannot be won and must never be fought. We also affirm that trade "
            "should serve peace. We are committed to providing Westland with additional grain silos. "
            "The Eastland Farm Agency is committed to bolstering the harvest.\n")
    found, said = statements_of(nlp, text)
    assert said("the avoidance of war")["act"] == "believes"  # "as" hung on the object
    assert said("a trade war cannot be won")["act"] == "says"
    assert said("trade should serve peace")["act"] == "says"
    assert said("providing Westland")["act"] == "promises"
    assert not found["content"].str.contains("bolstering").any()


def test_readiness_indicated_and_congratulations_to_several(nlp):
    """"expressed disappointment ..., while also indicating readiness to continue contacts" (a light
    verb with a speech noun) and "congratulated Anna Berg and all the Westland people on the
    holiday" (the parser hangs the "on" on the last addressee) (FICTIONAL)."""
    text = ("FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
            "Ivo Okafor had a telephone conversation with President of Westland Anna Berg. The President of "
            "Westland expressed disappointment over the developments, while also indicating readiness to "
            "continue contacts. Ivo Okafor congratulated Anna Berg and all the Westland people on the national "
            "harvest festival.\n")
    found, said = statements_of(nlp, text)
    assert said("readiness to continue contacts")["act"] == "promises"
    assert said("the national harvest festival")["act"] == "says"


def test_a_duty_laid_on_someone_is_a_demand(nlp):
    """"stressed that Eastland must abandon X" and "the Westland side should demine the ports"
    demand; "noted that the decision should not lead to X" expects (FICTIONAL)."""
    text = ("FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
            "Ivo Okafor stressed that Eastland must abandon all attempts to block the river. He pointed out "
            "that the Westland side should demine the ports. He noted that the decision should not lead to "
            "higher grain prices.\n")
    found, said = statements_of(nlp, text)
    assert said("Eastland must abandon")["act"] == "demands"
    assert said("should demine")["act"] == "demands"
    assert said("should not lead")["act"] == "says"


def test_support_renewed_intentions_and_a_range_after_what_was_said(nlp):
    """"reaffirmed President Ames's unwavering support for X" promises, where "reaffirmed the strong
    bipartisan support in the Congress" (nobody's own) and "underscored Westland's support" say; "We
    each intend to X" promises, a third party's intention stays a belief; "a mutual desire to
    continue" promises; a range after the object ("from economic growth to security, and for
    standing for X") is part of what was said; "brought X to the attention of" states X (FICTIONAL)."""
    text = ("FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
            "Ivo Okafor met Anna Berg. Mr. Okafor reaffirmed President Ames's unwavering support for "
            "Westland's right to defend itself. He reaffirmed the strong bipartisan support in the Congress for "
            "Westland. He underscored Eastland's unwavering support for the people of Westland. The leaders "
            "reaffirmed a mutual desire to continue developing friendly ties. Anna Berg underscored the vital "
            "importance of the alliance in addressing global challenges, from economic growth to global "
            "stability and security, and for standing for democratic principles around the world. She brought "
            "the plight of the farmers to the attention of her counterpart.\n\n"
            "We each intend to maintain our national measures. Northland intends to raise tariffs, officials "
            "believe.\n")
    found, said = statements_of(nlp, text)
    assert said("President Ames's unwavering support")["act"] == "promises"
    assert said("the strong bipartisan support")["act"] == "says"
    assert said("Eastland's unwavering support")["act"] == "says"
    assert said("a mutual desire")["act"] == "promises"
    alliance = said("the vital importance")
    assert text[alliance["content_start"]:alliance["content_end"]].endswith("around the world")
    assert said("the plight of the farmers")["speaker"] == "Anna Berg"
    assert said("maintain our national measures")["act"] == "promises"
    assert said("Northland intends")["act"] == "believes"


def test_acts_of_wrongs_named_and_urgent_duties(nlp):
    """"gave a principled assessment of Eastland's destructive actions", "cited facts of gross
    violations" and "Attention was drawn to the provocative nature of X" accuse; "stressed the
    importance of immediately starting talks" and "the importance of Eastland's strict compliance
    with X" demand, where "the importance of Westland's mediation" and "the critical need for X"
    without urgency do not (FICTIONAL)."""
    text = ("FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
            "Ivo Okafor had a telephone conversation with Anna Berg. Ivo Okafor gave a principled assessment "
            "of Eastland's destructive actions. He cited multiple facts of gross violations of the accords. "
            "Attention was drawn to the provocative nature of the river exercises. Ivo Okafor stressed the "
            "importance of immediately starting talks with Eastland. He emphasised the importance of "
            "Eastland's strict compliance with the accords. Anna Berg noted the importance of Westland's "
            "mediation.\n")
    found, said = statements_of(nlp, text)
    assert said("a principled assessment")["act"] == "accuses"
    assert said("multiple facts of gross violations")["act"] == "accuses"
    assert said("the provocative nature")["act"] == "accuses"
    assert said("the importance of immediately")["act"] == "demands"
    assert said("the importance of Eastland's strict")["act"] == "demands"
    assert said("the importance of Westland's mediation")["act"] == "says"


def test_they_after_a_meeting_is_its_sides(nlp):
    """"National Security Advisor X met today with Minister Y ... They shared their concerns about
    Z": a "they" with no group before it is the meeting's two sides (FICTIONAL)."""
    text = ("FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
            "National Security Advisor Ivo Okafor met today in Riverton with Westland Minister of Defense "
            "Anna Berg to discuss recent developments in the region. Mr. Okafor reaffirmed President Ames’s "
            "unwavering support for Westland. They shared their concerns about the threat posed by Northland.\n")
    found, said = statements_of(nlp, text)
    assert said("their concerns")["speaker"] == "Ivo Okafor; Anna Berg"


def test_work_encouraged_and_support_as_an_assault_goes_on(nlp):
    """"encouraged continued work to counter corruption" asks for the work, where "encouraged the
    students" names whom it spoke to; "underscore ongoing support for X's defense as Eastland
    continues its assaults" keeps the "as" clause (present, its own subject), where "reaffirmed his
    support for the plan as he left the building" does not (FICTIONAL)."""
    text = ("FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
            "The Vice President welcomed Westland’s progress, and encouraged continued work to counter "
            "corruption. She encouraged the students. President Ames spoke today with President Anna Berg "
            "of Westland to underscore ongoing support for Westland’s defense as Eastland continues its "
            "assaults on Westland’s power plants. The mayor reaffirmed his support for the plan as he left "
            "the building.\n")
    found, said = statements_of(nlp, text)
    assert said("continued work to counter")["act"] == "demands"
    assert not found["content"].str.contains("the students").any()
    support = said("ongoing support")
    assert text[support["content_start"]:support["content_end"]].endswith("power plants")
    assert not found["content"].str.contains("he left").any()


def test_gratitude_to_several_and_an_intention_announced(nlp):
    """"We are grateful to the coalition ..., as well as to the Initiative" (the "as well as" hung on
    the verb) and "said he intended to sign a decree soon" (his own undertaking: promises) (FICTIONAL)."""
    text = ("FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
            "We are grateful to the coalition of more than 50 countries that continues to provide help, as "
            "well as to the Grain Initiative. Ivo Okafor had a telephone conversation with Anna Berg. The "
            "President of Westland said he intended to sign a corresponding decree soon.\n")
    found, said = statements_of(nlp, text)
    grateful = said("the coalition")
    assert text[grateful["content_start"]:grateful["content_end"]].endswith("Grain Initiative")
    assert said("he intended to sign")["act"] == "promises"


def test_congratulations_on_a_thing_and_to_a_person(nlp):
    """"congratulated the formation of the Committee, a vital step forward in X" states the
    formation (and what it is called after the comma); "congratulated him on his victory" the
    victory, not him; "The President congratulated Anna Berg" alone names nobody's words (FICTIONAL)."""
    text = ("FICTIONAL readout, made up for the newsroom-kit tests.\n\n"
            "President Ames congratulated the formation of the Riverland Harvest Committee, a vital step "
            "forward in implementing the grain plan. He congratulated Ivo Okafor on his victory. The "
            "President congratulated Anna Berg. The minister welcomed the decision, a day after the vote.\n")
    found, said = statements_of(nlp, text)
    formation = said("the formation")
    assert text[formation["content_start"]:formation["content_end"]].endswith("the grain plan")
    assert said("his victory")["act"] == "says"
    assert not found["content"].str.contains("Anna Berg|a day after").any()


def test_a_resolve_stated_of_oneself_is_a_promise(nlp):
    """A joint statement's "we are resolved to X" and "we are prepared to X" promise X; a thing's
    readiness says nothing."""
    text = ("We, the ministers of Nordland and Westmark, are resolved to keep the river ports open to every "
            "ship. Even beyond today's steps, we are prepared to take further measures to protect the ports. "
            "The new ferry is prepared to sail next week.")
    found, at = statements_of(nlp, text)
    resolved = at("keep the river ports")
    assert resolved["act"] == "promises" and text[resolved["content_start"]:].startswith("keep the river ports")
    assert at("take further measures")["act"] == "promises"
    assert not ((found["content_start"] >= text.index("The new ferry")) & (found["cue"] != "")).any()


def test_a_message_made_clear_a_notice_a_report_and_a_list_run_on(nlp):
    """"Our message to X is clear: Y" states Y; "X were brought to notice" (read by the parser as
    a verb) is a statement of X; "remain committed to supporting X" promises; "reporting to him on
    X" and "expressed admiration for X" say; a list after "about" runs on past its first item."""
    text = ("We, the ministers of Nordland and Westmark, met today. Our message to the smugglers is clear: "
            "the river ports will stay closed to them. We also remain committed to supporting the families "
            "of the flooded valley. President Anton Varga had a telephone conversation with Prime Minister "
            "Lida Kors. The numerous violations committed each day by the border guards, in particular the "
            "closure of the river crossings, were brought to notice. Minister Pavel Orsk has been regularly "
            "reporting to the President on the progress of the rescue work. Governor Ivo Dalmat told the "
            "President about housing construction, the development of agriculture and the construction of "
            "schools. Lida Kors expressed her admiration for the bravery of the rescuers.")
    found, at = statements_of(nlp, text)
    assert text[at("the river ports")["content_start"]:].startswith("the river ports will stay closed")
    assert at("supporting the families")["act"] == "promises"
    notice = at("The numerous violations")
    assert notice["speaker"] == "Anton Varga" and notice["act"] == "accuses"
    assert text[notice["content_end"] - len("river crossings"):notice["content_end"]] == "river crossings"
    assert at("the progress of the rescue")["speaker"] == "Pavel Orsk"
    listed = at("housing construction")
    assert text[listed["content_start"]:listed["content_end"]].endswith("the construction of schools")
    assert at("the bravery of the rescuers")["act"] == "says"


def test_statements_given_for_the_press_are_no_statement(nlp):
    """"gave statements for the press" names statements made elsewhere (``audience_nouns``);
    "gave an assessment of X for the press" still says X."""
    text = ("Following the talks, Anton Varga and Lida Kors gave statements for the press and replied to "
            "questions. Anton Varga gave an assessment of the talks for the press.")
    found, at = statements_of(nlp, text)
    assert len(found) == 1 and at("an assessment of the talks")["speaker"] == "Anton Varga"
