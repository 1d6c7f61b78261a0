"""kit.claims: claims and counter-claims from opposing camps, ranked."""
from __future__ import annotations

import pandas as pd

from conftest import CLAIMS, articles_frame, statements_frame
from kit import claims, pipeline, themes
from kit.table import who_said_what


def test_claims_fixtures_say_they_are_fictional():
    for path in sorted(CLAIMS.iterdir()):
        assert "FICTIONAL" in path.read_text(encoding="utf-8")[:300], path.name


def test_talks_progressed_against_no_contact_is_ranked_first(claims_tables, nlp):
    statements, articles = claims_tables
    tables = pipeline.build_tables(statements, articles, claim_days=7, nlp=nlp)
    top = tables.claims.iloc[0]
    assert top["rank"] == 1
    assert {top["claim_camp"], top["counter_camp"]} == {"White House", "Kremlin"}
    assert "progress" in top["claim_quote"]
    # "rejected Washington's account" (the act rejects) and "no talks and no contact" (a negation) both oppose it.
    assert top["how"] == "denies" and "Washington's account" in top["counter_quote"]
    assert tables.claims.head(4)["counter_quote"].str.contains("no contact").any()
    assert top["claim_speaker"] == "Harriet Calloway" and top["counter_speaker"] == "Pavel Ostrogin"
    assert "Peace talks" in top["themes"]
    assert top["days_apart"] == 1
    assert tables.claims["score"].is_monotonic_decreasing
    # The near-identical denial seven weeks later is outside the 7-day window...
    assert not tables.claims["counter_said_on"].eq(pd.Timestamp("2031-04-20")).any()
    # ...and a widened window does not make the same spokesman's repeated denial of the same claims a
    # second exchange...
    wide = pipeline.build_tables(statements, articles, claim_days=60, nlp=nlp).claims
    assert not wide["counter_said_on"].eq(pd.Timestamp("2031-04-20")).any()
    assert len(wide) == len(tables.claims)
    # ...but without his first answers, the later denial comes in when the window is widened.
    later = statements[statements["said_on"] != pd.Timestamp("2031-03-03")]
    assert not pipeline.build_tables(later, articles, claim_days=7, nlp=nlp).claims["counter_said_on"].eq(
        pd.Timestamp("2031-04-20")).any()
    assert pipeline.build_tables(later, articles, claim_days=60, nlp=nlp).claims["counter_said_on"].eq(
        pd.Timestamp("2031-04-20")).any()


def test_claims_pair_only_opposing_camps_within_the_window(nlp):
    rows = [
        {"article_id": "a1", "said_on": "2031-01-01", "camp": "White House", "speaker": "Harriet Calloway",
         "quote": "The ceasefire talks are going well."},
        {"article_id": "a1", "said_on": "2031-01-01", "camp": "White House", "speaker": "Dan Testman",
         "quote": "We never stopped the ceasefire talks."},
        {"article_id": "a2", "said_on": "2031-01-02", "camp": "Other", "speaker": "Lena Reader",
         "quote": "Ceasefire talks are a rumour, a reader wrote."},
        {"article_id": "a3", "said_on": "2031-01-20", "camp": "Kremlin", "speaker": "Pavel Ostrogin",
         "quote": "There are no ceasefire talks at all."},
    ]
    table = who_said_what(statements_frame(rows), articles_frame({"a1": "2031-01-01", "a2": "2031-01-02",
                                                                     "a3": "2031-01-20"}))
    tags = themes.tag_themes(table, nlp=nlp)
    assert claims.claims_and_counterclaims(table, tags, days=7, nlp=nlp).empty
    pairs = claims.claims_and_counterclaims(table, tags, days=30, nlp=nlp)
    # "going well" against "no ... at all"; "We never stopped" and "no talks" both negate: no pair.
    assert len(pairs) == 1 and pairs.iloc[0]["counter_camp"] == "Kremlin"
    assert pairs.iloc[0]["claim_quote"] == "The ceasefire talks are going well."


def acts_table(rows: list[dict]):
    """who_said_what from fictional rows, each in its own article unless it names one, with ``act`` set."""
    for i, r in enumerate(rows):
        r.setdefault("article_id", f"x{i}")
    table = who_said_what(statements_frame(rows), articles_frame({r["article_id"]: r["said_on"] for r in rows}))
    by_quote = {r["quote"]: r.get("act", "says") for r in rows}
    table["act"] = [by_quote[q] for q in table["quote"]]
    return table


def pairs_of(table, nlp, **kw):
    return claims.claims_and_counterclaims(table, themes.tag_themes(table, nlp=nlp), nlp=nlp, **kw)


def test_a_denial_by_its_act_opposes_a_plain_claim_and_outranks_a_negated_wording(nlp):
    table = acts_table([
        {"said_on": "2031-06-01", "camp": "White House", "speaker": "Harriet Calloway",
         "quote": "The two leaders held a long phone call on Sunday about the ceasefire."},
        {"said_on": "2031-06-02", "camp": "Kremlin", "speaker": "Pavel Ostrogin", "act": "denies",
         "quote": "Reports of a phone call about the ceasefire were invented in Washington."},
        {"said_on": "2031-06-02", "camp": "Kremlin", "speaker": "Irina Testova",
         "quote": "There was no phone call, and the ceasefire is not on the agenda."},
    ])
    pairs = pairs_of(table, nlp)
    assert list(pairs["how"]) == ["denies", "negates"]
    assert pairs.iloc[0]["counter_speaker"] == "Pavel Ostrogin" and pairs.iloc[0]["opposition"] == 1.0
    assert set(pairs["claim_speaker"]) == {"Harriet Calloway"}, "the claim is the side that asserts"


def test_never_a_statement_with_its_own_sentence_or_its_own_speaker(nlp):
    sentence = "Ostrogin said the ceasefire talks had failed, while Kyiv says there are no talks."
    table = acts_table([
        {"article_id": "t1", "said_on": "2031-06-01", "camp": "Kremlin", "speaker": "Pavel Ostrogin",
         "quote": "the ceasefire talks had failed", "sentence": sentence},
        {"article_id": "t1", "said_on": "2031-06-01", "camp": "Ukraine", "speaker": "Kyiv",
         "quote": "there are no ceasefire talks at all", "sentence": sentence},
        {"said_on": "2031-06-02", "camp": "White House", "speaker": "Pavel Ostrogin",
         "quote": "We have not stopped the ceasefire talks and never will."},
    ])
    assert pairs_of(table, nlp).empty, "one sentence, and one speaker in two camps, make no pair"


def test_a_refusal_to_comment_and_a_guess_claim_nothing(nlp):
    table = acts_table([
        {"said_on": "2031-06-01", "camp": "White House", "speaker": "Harriet Calloway",
         "quote": "I better not say how many ceasefire talks there were."},
        {"said_on": "2031-06-01", "camp": "White House", "speaker": "Dan Testman",
         "quote": "The envoys agreed a ceasefire text in the talks on Monday."},
        {"said_on": "2031-06-01", "camp": "White House", "speaker": "Ann Testwood",
         "quote": "We will probably agree a ceasefire text in the talks next week."},
        {"said_on": "2031-06-01", "camp": "White House", "speaker": "Carl Testhope",
         "quote": "I hope the envoys agree a ceasefire text in the talks.", "act": "says"},
        {"said_on": "2031-06-01", "camp": "White House", "speaker": "Bea Testbelief", "act": "believes",
         "quote": "The envoys agreed the ceasefire text in the talks, she believes."},
        {"said_on": "2031-06-02", "camp": "Kremlin", "speaker": "Pavel Ostrogin",
         "quote": "Nobody agreed any ceasefire text in these talks."},
    ])
    pairs = pairs_of(table, nlp)
    assert list(pairs["claim_speaker"]) == ["Dan Testman"], "a refusal, a guess, a hope and a belief claim nothing"


def test_a_negation_counts_only_on_the_main_verb(nlp):
    claim = {"said_on": "2031-06-01", "camp": "White House", "speaker": "Harriet Calloway",
             "quote": "The sanctions on the oil exports took effect on Monday, as agreed."}
    counters = [
        ("a preposition", "The sanctions on oil exports will be lifted without taking any money away from the fund."),
        ("a relative clause", "The sanctions hit the oil exports of companies that had not broken any rule."),
        ("the main verb", "The sanctions on the oil exports haven't taken effect, whatever Washington says."),
        ("an argument of the main verb", "There are no sanctions on the oil exports in effect this week."),
    ]
    for what, quote in counters:
        table = acts_table([dict(claim), {"said_on": "2031-06-02", "camp": "Kremlin", "speaker": "Pavel Ostrogin",
                                          "quote": quote}])
        negates = not pairs_of(table, nlp).empty
        assert negates == (what in ("the main verb", "an argument of the main verb")), what


def test_a_negation_is_compared_on_what_it_denies_not_on_a_clause_beside_it(nlp):
    # The refusal denies negotiating; the humanitarian corridors sit in a relative clause with a
    # negation of its own, which opposes nothing, so the claim about corridors is another subject.
    claim = {"said_on": "2031-06-01", "camp": "Kremlin", "speaker": "Pavel Ostrogin",
             "quote": "Our forces are doing everything to protect civilians, including by opening humanitarian corridors."}
    beside = {"said_on": "2031-06-02", "camp": "White House", "speaker": "Harriet Calloway",
              "quote": "We are here to help them, but we are not going to negotiate about talks that have not "
                       "produced even one humanitarian corridor for civilians."}
    denies = {"said_on": "2031-06-02", "camp": "White House", "speaker": "Dan Testman",
              "quote": "No humanitarian corridor for civilians has been opened by their forces."}
    assert pairs_of(acts_table([dict(claim), beside]), nlp).empty
    pairs = pairs_of(acts_table([dict(claim), denies]), nlp)
    assert list(pairs["counter_speaker"]) == ["Dan Testman"] and list(pairs["how"]) == ["negates"]


def test_a_refusal_answers_only_a_claim_about_the_side_that_refuses(nlp):
    # "We are not going to negotiate" refuses what the White House is asked or said to do; a claim
    # that Westland drags out the talks is about a third party, and nobody contradicts it.
    refusal = {"said_on": "2031-06-02", "camp": "White House", "speaker": "Harriet Calloway",
               "quote": "We are not going to negotiate about a negotiation with Moscow."}
    about_westland = {"said_on": "2031-06-01", "camp": "Kremlin", "speaker": "Pavel Ostrogin",
                      "quote": "Westland was seeking to prolong the negotiation process with new proposals."}
    about_washington = {"said_on": "2031-06-01", "camp": "Kremlin", "speaker": "Irina Testova",
                        "quote": "The White House is ready for a negotiation with Moscow."}
    assert pairs_of(acts_table([about_westland, dict(refusal)]), nlp).empty
    pairs = pairs_of(acts_table([about_washington, dict(refusal)]), nlp)
    assert list(pairs["claim_speaker"]) == ["Irina Testova"] and list(pairs["how"]) == ["negates"]


def test_only_statements_in_their_own_sides_words_are_paired(nlp):
    rows = [
        {"article_id": "wh", "said_on": "2031-06-01", "camp": "White House", "speaker": "Harriet Calloway",
         "quote": "Our envoys held ceasefire talks with Moscow on Monday in Geneva."},
        # A White House text telling what the Kremlin said is the White House's account, not the Kremlin's words.
        {"article_id": "wh", "said_on": "2031-06-01", "camp": "Kremlin", "speaker": "Pavel Ostrogin",
         "quote": "there were no ceasefire talks with Washington in Geneva this week"},
    ]
    table = acts_table(rows)
    table["source"] = "White House / statements"
    assert pairs_of(table, nlp).empty
    # Told by the Kremlin itself, or by a news story that names him at a speech verb, it is his claim.
    for source in ("Kremlin (fictional)", "The Test Courier (fictional)"):
        table["source"] = ["White House / statements", source]
        table["article_id"] = ["wh", "other"]
        pairs = pairs_of(table, nlp)
        assert len(pairs) == 1 and pairs.iloc[0]["counter_speaker"] == "Pavel Ostrogin", source
    table["cue"] = ["said", ""]
    assert pairs_of(table, nlp).empty, "news without a speech verb naming the speaker"


def test_the_seed_pairs_trumps_talks_with_peskovs_no_initial_contact(seed_articles, nlp):
    import kit

    statements = kit.attribute_statements(kit.extract_quotes(seed_articles, nlp=nlp), seed_articles)
    pairs = pipeline.build_tables(statements, seed_articles, nlp=nlp).claims
    top = pairs.iloc[0]
    assert top["claim_speaker"] == "Donald Trump" and "spoken with" in top["claim_quote"]
    assert top["counter_speaker"] == "Dmitry Peskov" and "initial contact" in top["counter_quote"]
    # Nothing else in the story is a claim met by a counter-claim: "good.", "made a lot of progress."
    # and "I will probably be talking to President Putin" assert nothing firm.
    assert len(pairs) == 1


AGREED = "The envoys agreed a ceasefire text in the talks on Monday."


def pair_count(claim: str, answer: str, nlp) -> int:
    """How many pairs a White House claim and a Kremlin answer the next day make (0 or 1)."""
    return len(pairs_of(acts_table([
        {"said_on": "2031-06-01", "camp": "White House", "speaker": "Harriet Calloway", "quote": claim},
        {"said_on": "2031-06-02", "camp": "Kremlin", "speaker": "Pavel Ostrogin", "quote": answer}]), nlp))


def test_a_non_answer_written_with_a_contraction_opposes_nothing(nlp):
    for answer in ("I haven't had a chance to talk to our team about the ceasefire text in the talks.",
                   "I wouldn't say the ceasefire text in the talks has changed our position.",
                   "I will not go into detail about the ceasefire text in the talks."):
        assert pair_count(AGREED, answer, nlp) == 0, answer
    assert pair_count(AGREED, "The envoys haven't agreed any ceasefire text in the talks.", nlp) == 1, \
        "a contraction that negates still does"


def test_an_interjection_a_question_and_a_courtesy_change_nothing(nlp):
    for answer in ("No, no, please, tell us about the ceasefire text in the talks and its status.",
                   "Have the envoys not agreed any ceasefire text in the talks?"):
        assert pair_count(AGREED, answer, nlp) == 0, answer
    denial = "No, the envoys agreed no ceasefire text in the talks."
    assert pair_count(AGREED, denial, nlp) == 1, "a 'no' inside the clause still negates"
    assert pair_count("Did the envoys agree a ceasefire text in the talks on Monday?", denial, nlp) == 0, \
        "a question claims nothing"
    polite = "Thank you, Mr President. The envoys would like to agree a ceasefire text in the talks."
    assert pair_count(polite, denial, nlp) == 0, "a wish after a courtesy is still a wish"


def test_a_negation_answers_a_claim_only_on_what_both_are_about(nlp):
    # The words the two share must be what each clause is about (its verb, subject, object, complement
    # or prepositional phrase), not a word of a relative clause or of a clause the negation does not reach.
    situation = "We are in a situation where we find ourselves with supply chain problems and a gas tax."
    assert pair_count(situation, "The new ventilator does not have to be supplied with special gases.", nlp) == 0
    assert pair_count("Our families pay a gas tax at every pump.",
                      "There is no gas tax at any pump in Westland.", nlp) == 1
    price = "The price of gas has gone up by a dollar since the convoy was stopped at the border."
    assert pair_count(price, "This cannot continue, especially considering that gas payments in dollars "
                             "could be blocked.", nlp) == 0, "the adverbial clause is not what 'cannot continue' denies"


def test_a_shared_general_word_is_no_shared_subject(nlp):
    claim = "De-escalation means moving the troops away from the ceasefire line."
    assert pair_count(claim, "Consultations do not mean direct ceasefire talks with the rebels.", nlp) == 0
    assert pair_count(claim, "Nobody is moving the troops away from the ceasefire line.", nlp) == 1


def test_two_sides_telling_each_its_own_deeds_do_not_contradict(nlp):
    claim = "We have sanctioned the Ostrogin banks and their owners for the blockade."
    assert pair_count(claim, "We have never announced sanctions against Westland or its banks.", nlp) == 0
    assert pair_count(claim, "Nobody has sanctioned the Ostrogin banks.", nlp) == 1, "a denial of the deed answers it"
