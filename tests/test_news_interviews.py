"""Interviews printed in news as questions and answers ("Q: ..." / "A: ..."): each answer is the
interviewee's statement, not more of the question before it.

The hand-written articles are FICTIONAL, made up for these tests; the PolNeAR passage is read
from ../shared at test time (skipped where absent) and nothing from it is kept here.
"""
from __future__ import annotations

import json

import pandas as pd
import pytest

from conftest import shared_path
from kit.quotes import extract_quotes
from kit.quotes_turns import find_turns

INTERVIEW = ("Ferry captain Maria Lopez steered the night boat for twenty years. Harbour Weekly's "
             "Tom Berry spoke with Lopez about the new timetable.\n\n"
             "Q: Why did the council change the timetable?\n\n"
             "A: The old one never worked. Boats left empty at noon and full at dawn.\n\n"
             "Q: Will fares go up?\n\n"
             "A: Not this year. We promised riders that.")


def run(nlp, text: str) -> pd.DataFrame:
    return extract_quotes(pd.DataFrame({"article_id": ["t"], "text": [text]}), nlp)


def test_an_answer_is_the_interviewees_turn_not_part_of_the_question(nlp):
    found = run(nlp, INTERVIEW).sort_values("quote_start")
    turns = found[found["kind"] == "turn"]
    assert list(turns["speaker"]) == ["a reporter", "Maria Lopez", "a reporter", "Maria Lopez"]
    assert turns.iloc[0]["quote"] == "Why did the council change the timetable?"
    assert turns.iloc[1]["quote"].startswith("The old one never worked.")
    assert turns.iloc[1]["speaker_mention"] == "A"


def test_a_colon_after_a_capital_a_is_no_label_without_questions():
    text = ("The plan has two parts.\n\nA: a new pier at the north end.\n\n"
            "B: a second ferry for the night run.")
    assert find_turns(text) == []


def test_answers_in_a_polnear_interview_are_turns_of_their_own(nlp):
    path = shared_path("gold", "polnear-train.jsonl")
    recs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    rec = next((r for r in recs if r["id"].endswith("immigration-debate-hits-home-for")), None)
    if rec is None:
        pytest.skip("the PolNeAR interview is not in ../shared")
    found = run(nlp, rec["text"])
    answers = found[(found["kind"] == "turn") & (found["speaker_mention"] == "A")]
    assert len(answers) >= 5
    assert set(answers["speaker"]) == {"Diane Guerrero"}
