"""Claims inside long statements: a briefing answer or an interview turn is cut into its sentences, each
paired on its own and given with its characters in the article's text (FICTIONAL text, written for
newsroom-kit; the people, places and events are invented)."""
from __future__ import annotations

import pandas as pd

from conftest import articles_frame, statements_frame
from kit import claims, findings, themes
from kit.claim_units import sentence_spans, statement_units
from kit.claims_scope import predicate_scope
from kit.table import who_said_what

FILLER = ("We discussed the spring sowing and the new timetable of the northern railway with the governors. "
          "The regional budgets were approved in good time this year, and the hospitals received new equipment. ")
DENIAL = "The grain convoy has not been stopped at the Veloria border by our forces."
TURN = (FILLER * 3 + "\n\n" + "As for what was said in Washington, let me be clear. " + DENIAL + "\n\n"
        + FILLER * 2 + "It is not only a question of the harvest, but also of the railway.")
CLAIM = "The Kremlin stopped the grain convoy at the Veloria border on Monday."


def briefing(claim: str = CLAIM):
    """A Kremlin transcript whose one long turn holds a denial, and a White House claim the day before.
    The turn's quote joins its paragraphs with a space, as the quote engine gives a transcript turn."""
    label = "Pavel Ostrogin: "
    text = "Meeting with the governors\n\n" + label + TURN
    start = text.index(label) + len(label)
    rows = [{"article_id": "w1", "said_on": "2031-05-09", "camp": "White House", "speaker": "Harriet Calloway",
             "quote": claim},
            {"article_id": "k1", "said_on": "2031-05-10", "camp": "Kremlin", "speaker": "Pavel Ostrogin",
             "kind": "turn", "cue": ":", "quote": " ".join(TURN.split())}]
    table = who_said_what(statements_frame(rows), articles_frame({"w1": "2031-05-09", "k1": "2031-05-10"}))
    turn = table["article_id"] == "k1"
    table.loc[turn, "quote_start"] = start
    table.loc[turn, "quote_end"] = start + len(TURN)
    table.loc[~turn, "quote_start"], table.loc[~turn, "quote_end"] = 0, len(claim)
    return table, {"k1": text, "w1": claim}


def test_a_denial_inside_a_long_turn_is_paired_with_the_claim_it_answers(nlp):
    table, texts = briefing()
    pairs = claims.claims_and_counterclaims(table, themes.tag_themes(table), nlp=nlp, texts=texts)
    assert len(pairs) == 1, "one denial answers one claim; the rest of the turn opposes nothing"
    pair = pairs.iloc[0]
    assert pair["claim_quote"] == CLAIM and pair["counter_quote"] == DENIAL
    assert pair["counter_speaker"] == "Pavel Ostrogin" and pair["how"] == "negates"
    # The receipts: the statement the sentence belongs to, and where the sentence stands in the source.
    assert pair["counter_quote_id"] == table.loc[table["article_id"] == "k1", "quote_id"].iloc[0]
    assert texts["k1"][pair["counter_start"]:pair["counter_end"]] == DENIAL
    assert texts["w1"][pair["claim_start"]:pair["claim_end"]] == CLAIM


def test_a_sentence_is_never_set_against_a_whole_answer_of_several(nlp):
    """A briefing answer of a few sentences is one statement: its one claim among others is no claim the
    long turn's sentence can be set against on its own."""
    table, texts = briefing(CLAIM + " We are watching the Veloria border with our partners every day.")
    assert claims.claims_and_counterclaims(table, themes.tag_themes(table), nlp=nlp, texts=texts).empty


def test_a_long_statement_is_cut_at_sentence_ends_and_paragraph_breaks_with_offsets_into_the_source():
    table, texts = briefing()
    units = statement_units(table, texts)
    turn = units[units["split"]]
    assert len(turn) == 13 and not units.loc[~units["split"], "text"].ne(CLAIM).any()
    for start, end, text in zip(turn["start"], turn["end"], turn["text"]):
        assert " ".join(texts["k1"][start:end].split()) == text and text == text.strip()
    assert "As for what was said in Washington, let me be clear." in set(turn["text"])
    assert sentence_spans("Mr. Ostrogin spoke.\n\nNo.  Yes!") == [(0, 19), (21, 24), (26, 30)]


def test_a_negation_that_adds_denies_nothing(nlp):
    negated = [s["negated"] for s in predicate_scope(
        ["It is not only a question of the harvest, but also of the railway.",
         "There is no question that the convoy reached Veloria.",
         "Railway or road, it doesn't matter.",
         "The convoy has not reached Veloria."], nlp=nlp)]
    assert negated == [False, False, False, True]


def test_findings_tell_each_sides_speech_acts_with_receipts():
    rows = [{"article_id": "k1", "said_on": "2031-05-10", "camp": "Kremlin", "speaker": "Pavel Ostrogin",
             "kind": "indirect", "cue": "denied", "quote": "that the convoy had been stopped"},
            {"article_id": "k2", "said_on": "2031-05-12", "camp": "Kremlin", "speaker": "Irina Testova",
             "kind": "indirect", "cue": "denied", "quote": "any plan to close the Veloria border"},
            {"article_id": "w1", "said_on": "2031-05-11", "camp": "White House", "speaker": "Harriet Calloway",
             "kind": "indirect", "cue": "warned", "quote": "of costs if the convoy is stopped again"},
            {"article_id": "w1", "said_on": "2031-05-11", "camp": "Press", "speaker": "A reporter",
             "quote": "Is the convoy stopped?"}]
    table = who_said_what(statements_frame(rows), articles_frame({"k1": "2031-05-10", "k2": "2031-05-12",
                                                                   "w1": "2031-05-11"}))
    acts = {"Pavel Ostrogin": "denies", "Irina Testova": "denies", "Harriet Calloway": "warns", "A reporter": "says"}
    table["act"] = table["speaker"].map(acts)
    text = findings.findings_markdown(findings.findings(table), "Acts")
    kremlin = next(line for line in text.splitlines() if line.startswith("- Kremlin in its own words, by speech act"))
    assert "[2 denials](#find=who-said-what:camp%3A%20Kremlin%3B%20act%3A%20denies)" in kremlin
    # A denial told with the verb the text used, its day and its statement id (of two alike, the latest).
    assert "Irina Testova denied (12 May 2031): “any plan to close the Veloria border”" in kremlin
    assert "(statement k2:1)" in kremlin
    assert "[1 warning](" in text and "Harriet Calloway warned (11 May 2031)" in text
    assert "Press in its own words" not in text, "the press is no side"


def test_the_example_of_an_act_is_a_representative_one_not_merely_the_latest():
    rows = [{"article_id": "k1", "said_on": "2031-05-10", "camp": "Kremlin", "speaker": "Pavel Ostrogin",
             "kind": "indirect", "cue": "warned", "quote": "that Westland would pay for any new convoy blockade",
             "sentence": "Pavel Ostrogin warned that Westland would pay for any new convoy blockade."},
            # later, but a document is the subject the sentence gives, not the person credited with it
            {"article_id": "k4", "said_on": "2031-05-11", "camp": "Kremlin", "speaker": "Irina Testova",
             "kind": "indirect", "cue": "warned", "quote": "that the river would close to every ferry from Westland",
             "sentence": "The Charter warned that the river would close to every ferry from Westland."},
            # later, but an act read from what was said ("stressed") and a fragment of a few words
            {"article_id": "k2", "said_on": "2031-05-12", "camp": "Kremlin", "speaker": "Irina Testova",
             "kind": "indirect", "cue": "stressed", "quote": "the severe costs"},
            # later still, but nobody named says it
            {"article_id": "k3", "said_on": "2031-05-14", "camp": "Kremlin", "speaker": "",
             "kind": "indirect", "cue": "warned", "quote": "that the border would close to every convoy from Westland"}]
    table = who_said_what(statements_frame(rows), articles_frame({"k1": "2031-05-10", "k2": "2031-05-12",
                                                                   "k3": "2031-05-14", "k4": "2031-05-11"}))
    table["act"] = "warns"
    text = findings.findings_markdown(findings.findings(table), "Acts")
    assert "Warning, for example: Pavel Ostrogin warned (10 May 2031)" in text
