"""Speech acts the engine must not read into a text: a thing that threatens, a list item taken for a
cue's content, the purpose of an amount, the reason a text gives for a deed. The sentences are
FICTIONAL, made up for these tests."""
from __future__ import annotations

import pandas as pd

from kit.quotes import extract_quotes


def run(nlp, *texts: str) -> pd.DataFrame:
    return extract_quotes(pd.DataFrame({"article_id": [f"t{i}" for i in range(len(texts))], "text": list(texts)}), nlp)


def test_an_infinitive_of_result_threatens_nothing(nlp):
    found = run(nlp, "In Order 12 of May 3, 2030 (Adjusting Imports of Widgets Into Fairhaven), the Governor "
                     "concurred in the Secretary's finding that widgets, as defined in clause 1 of Order 12, as "
                     "amended by clause 8 of Order 14 of May 22, 2030 (Adjusting Imports of Widgets Into "
                     "Fairhaven), are being imported into Fairhaven in such quantities and under such "
                     "circumstances as to threaten to impair the industry of Fairhaven, and decided to adjust "
                     "the imports of those widgets by imposing a tariff on them.",
                "Tobias Fenn left the meeting, threatening to resign over the plan.")
    assert not (found["act"] == "warns").loc[found["article_id"] == "t0"].any()
    fenn = found[found["cue"] == "threatening"]
    assert list(fenn["act"]) == ["warns"] and list(fenn["speaker_mention"]) == ["Tobias Fenn"]


def test_a_list_item_before_a_semicolon_is_not_the_cues_content(nlp):
    found = run(nlp, "This Charter will amplify the shared values of the valley towns; condemn Westland's "
                     "blockade of the river as an attack on trade; and affirm the importance of free ferries.")
    condemned = found[found["cue"] == "condemn"]
    assert list(condemned["quote"]) == ["Westland's blockade of the river as an attack on trade"]


def test_the_purpose_of_an_amount_is_no_stance(nlp):
    found = run(nlp, "The Fairhaven Recovery Plan includes nearly $25 billion dollars to support small farm "
                     "lending and technical assistance, including those in valley towns, to ensure that farmers "
                     "have the resources they need to grow.",
                "The council persuaded the farmers to support the recovery plan.")
    assert not (found["cue"] == "support").loc[found["article_id"] == "t0"].any()


def test_the_reason_a_text_gives_for_a_deed_is_not_the_doers_statement(nlp):
    found = run(nlp, "Recognizing that the town spends more than $65 million each year on buying goods, "
                     "Mayor Tobias Fenn has directed offices to buy from local farms.",
                "Noting that the river was closed, Mayor Tobias Fenn said the ferries would stop.")
    assert found.loc[found["article_id"] == "t0", "cue"].tolist() == []
    assert {"Noting", "said"} <= set(found.loc[found["article_id"] == "t1", "cue"])


def test_a_thing_that_lies_ahead_is_no_accusation(nlp):
    found = run(nlp, "In previous years, Mr Ostrogin said, much had been accomplished in Veloria, but even more "
                     "activities and objectives lie ahead as part of state programmes and investment projects.",
                "Mr Ostrogin said that Westland lied to its neighbours about the convoy.")
    acts = dict(zip(found["article_id"], found["act"]))
    assert acts == {"t0": "says", "t1": "accuses"}


def test_a_thing_that_wrongs_people_still_accuses(nlp):
    found = run(nlp, "“The plan is discriminating against fathers and mothers who adopt,” Irina Testova said.")
    assert list(found["act"]) == ["accuses"]
