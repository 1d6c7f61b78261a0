"""The quote engine on hard cases a reporter meets.

Every article below is FICTIONAL, written for these tests: the people, outlets and quotes are
invented.
"""
from __future__ import annotations

import json

import pandas as pd
import pytest

from conftest import shared_path
from kit.quotes import STATEMENT_COLUMNS, extract_quotes
from kit.quotes_marks import find_quotations
from kit.quotes_turns import find_turns


def run(nlp, *texts: str, fast: bool = True) -> pd.DataFrame:
    articles = pd.DataFrame({"article_id": [f"t{i}" for i in range(len(texts))], "text": list(texts)})
    return extract_quotes(articles, nlp, fast=fast)


def one(found: pd.DataFrame, quote: str) -> pd.Series:
    rows = found[found["quote_text"] == quote]
    assert len(rows) == 1, f"{quote!r} not found once in {found['quote_text'].tolist()}"
    return rows.iloc[0]


def assert_offsets_exact(found: pd.DataFrame, texts: dict[str, str]) -> None:
    for r in found.itertuples():
        text = texts[r.article_id]
        assert text[r.quote_start:r.quote_end] == r.quote
        for s, e in r.quote_spans:
            assert r.quote_start <= s < e <= r.quote_end
        if r.speaker_start >= 0:
            assert text[r.speaker_start:r.speaker_end] == r.speaker_mention
        if r.cue_start >= 0:
            assert text[r.cue_start:r.cue_end] == r.cue


# ------------------------------------------------------------------ quotation styles

STYLES = [
    ("“", "”"), ("‘", "’"), ('"', '"'), ("'", "'"), ("''", "''"), ("«", "»"), ("„", "“"),
]


@pytest.mark.parametrize("open_mark,close_mark", STYLES)
def test_every_quotation_style_is_a_direct_quote_with_its_speaker(nlp, open_mark, close_mark):
    text = (f"Mayor Sarah Ellison of Fairhaven spoke on Monday.\n"
            f"{open_mark}We will rebuild the bridge before winter,{close_mark} Ellison said.")
    found = run(nlp, text)
    row = one(found, "We will rebuild the bridge before winter,")
    assert row["kind"] == "direct"
    assert row["speaker"] == "Sarah Ellison"
    assert row["speaker_mention"] == "Ellison"
    assert row["cue"] == "said"
    assert_offsets_exact(found, {"t0": text})


def test_apostrophes_are_not_quotation_marks():
    text = "The council’s plan isn’t final, and the members' vote is 'not yet' scheduled."
    pieces = [text[q.start:q.end] for q in find_quotations(text)]
    assert pieces == ["not yet"]


# ------------------------------------------------------------------ quotes over paragraphs, split quotes

def test_quote_running_over_paragraphs_is_one_statement(nlp):
    text = ("“The budget is balanced for the first time in a decade,” said Sarah Ellison, the "
            "fictional mayor of Fairhaven. “We made hard choices.\n\n"
            "“Some of them hurt. All of them were necessary,” she added.")
    found = run(nlp, text)
    spans = [q.pieces for q in find_quotations(text)]
    assert [[text[s:e] for s, e in p] for p in spans][1] == ["We made hard choices.",
                                                              "Some of them hurt. All of them were necessary,"]
    # the continued quotation goes on the statement of the speaker who opened it
    row = found[found["quote_text"].str.contains("We made hard choices. Some of them hurt.")].iloc[0]
    assert [text[s:e] for s, e in row["quote_spans"]][-2:] == ["We made hard choices.",
                                                               "Some of them hurt. All of them were necessary,"]
    assert row["speaker"] == "Sarah Ellison"
    assert_offsets_exact(found, {"t0": text})


def test_split_quote_is_one_statement_with_two_pieces(nlp):
    text = ("Fairhaven's harbour master, Tom Brandt, spoke after the storm. "
            "“The pier held,” Brandt said, “but the boats did not.”")
    found = run(nlp, text)
    row = one(found, "The pier held, but the boats did not.")
    assert [text[s:e] for s, e in row["quote_spans"]] == ["The pier held,", "but the boats did not."]
    assert row["speaker"] == "Tom Brandt"
    assert row["kind"] == "direct"
    assert row["quote"] == text[row["quote_start"]:row["quote_end"]]


# ------------------------------------------------------------------ partial and indirect speech

def test_partial_quotes_inside_reported_speech(nlp):
    text = ("Sarah Ellison, the fictional mayor of Fairhaven, described the new toll as “fair.” "
            "She claimed that the talks with the county had “made real progress.”")
    found = run(nlp, text)
    fair = one(found, "fair.")
    assert (fair["kind"], fair["cue"], fair["speaker"]) == ("partial", "described", "Sarah Ellison")
    progress = one(found, "made real progress.")
    assert (progress["kind"], progress["cue"], progress["speaker"]) == ("partial", "claimed", "Sarah Ellison")
    assert progress["speaker_mention"] == "She"
    assert progress["content"].startswith("the talks with the county")


def test_indirect_speech_with_told_and_according_to(nlp):
    text = ("Fairhaven's treasurer, Paul Ortega, told the Harbour Gazette that the city would "
            "borrow less next year.\n"
            "According to the county board, the levy will rise by two percent.")
    found = run(nlp, text)
    told = one(found, "the city would borrow less next year")
    assert (told["kind"], told["cue"], told["venue"]) == ("indirect", "told", "Harbour Gazette")
    assert told["speaker"] == "Paul Ortega"
    levy = one(found, "the levy will rise by two percent")
    assert (levy["kind"], levy["cue"], levy["speaker"]) == ("indirect", "According to", "the county board")


def test_venue_told_reporters_and_in_an_interview_with(nlp):
    text = ("Paul Ortega told reporters on Tuesday that the audit was complete.\n"
            "In an interview with the Harbour Gazette, Ortega said that no money was missing.")
    found = run(nlp, text)
    assert one(found, "the audit was complete")["venue"] == "reporters"
    assert one(found, "no money was missing")["venue"] == "Harbour Gazette"


def test_a_bracket_the_content_opens_closes_in_it(nlp):
    """"announced the plan for the Eastland Positioning System (EPS)": the content keeps the
    closing bracket it opened, at its end as inside it (FICTIONAL)."""
    text = ("Anna Berg announced a new plan for the Eastland Positioning System (EPS).\n"
            "Paul Ortega said the levy would fall (by two percent).")
    found = run(nlp, text)
    eps = one(found, "a new plan for the Eastland Positioning System (EPS)")
    assert text[eps["content_start"]:eps["content_end"]].endswith("(EPS)")
    one(found, "the levy would fall (by two percent)")


def test_a_venue_is_who_heard_it_not_what_was_talked_about(nlp):
    """The addressee of "congratulated X, the First President of Y – Leader of the Nation, on ..."
    is X without the commas of the titles after it; "commented on the mayor's address to the
    council" and "greetings on the New Year" name a topic and a holiday, so no venue; "this
    explained ..." is a cause, no one's statement
    (FICTIONAL people)."""
    text = ("Anton Varga congratulated Bela Sidorova, the First President of Eastland – Leader of the Nation, "
            "on her 70th birthday.\n"
            "Anton Varga commented on Mayor Lind's address to the council, which she delivered yesterday, "
            "disputing many of its points.\n"
            "Varga noted that Eastland was the southernmost republic, and that this explained its large wine sector.\n"
            "The leaders exchanged greetings on the forthcoming New Year and Christmas.")
    found = run(nlp, text)
    assert one(found, "her 70th birthday")["venue"] == "Bela Sidorova"
    assert one(found, "many of its points")["venue"] == ""
    assert one(found, "greetings on the forthcoming New Year and Christmas")["venue"] == ""
    # the second that-clause is more of what Varga noted (tests/test_reported_clauses.py), never a row of its own
    assert list(found.loc[found["quote"].str.contains("wine sector"), "cue"]) == ["noted"]


# ------------------------------------------------------------------ transcripts

TRANSCRIPT = """Remarks at a fictional press briefing

THE PRESIDENT: Thank you all for coming. We have a lot to talk about today.

The harbour is open again.

Q Mr. President, when will the bridge reopen?

THE PRESIDENT: Very soon. Next month, I think.

MS. HARTWELL: We will take two more questions.

Ivan Petrenko: Our delegation agrees with the plan.
"""


def test_transcript_turns(nlp):
    found = run(nlp, TRANSCRIPT)
    turns = found[found["kind"] == "turn"]
    assert turns["speaker_mention"].tolist() == ["THE PRESIDENT", "Q", "THE PRESIDENT", "MS. HARTWELL",
                                                 "Ivan Petrenko"]
    first = turns.iloc[0]
    assert [TRANSCRIPT[s:e] for s, e in first["quote_spans"]] == [
        "Thank you all for coming. We have a lot to talk about today.", "The harbour is open again."]
    assert turns.iloc[4]["speaker"] == "Ivan Petrenko"
    assert not (found["kind"] != "turn").any(), "words inside a turn are not separate statements"


def test_a_note_line_is_not_a_turn():
    assert find_turns("UPDATE: The vote was moved to Friday.\n\nRead More: the budget") == []


def test_one_label_with_an_office_is_a_turn_and_one_headline_is_not():
    speech = ("The President of Freedonia sent greetings to the harbour pilots.\n\n"
              "President of Freedonia Anton Varga: Friends, I congratulate you on your holiday.\n\n"
              "Your work keeps the harbour safe.")
    turns = find_turns(speech)
    assert [t.label for t in turns] == ["President of Freedonia Anton Varga"]
    # a speech under a single label runs to the end of the text
    assert [speech[s:e] for s, e in turns[0].pieces] == ["Friends, I congratulate you on your holiday.",
                                                         "Your work keeps the harbour safe."]
    assert turns[0].name == "Anton Varga"
    assert find_turns("Stealth Over Health: the budget hides a tax.\n\nThe vote is on Friday.") == []


def test_labels_inside_a_flattened_transcript_split_the_turns(nlp):
    flat = ("Встреча с губернатором Приморского края (вымышленный текст) 3 марта 2025 года "
            "А.Варга: Добрый день! Как идёт ремонт порта? Б.Сидорова: Ремонт идёт по плану. "
            "Мы закончим к лету. А.Варга: Хорошо, спасибо.")
    turns = find_turns(flat)
    assert [(t.label, [flat[s:e] for s, e in t.pieces]) for t in turns] == [
        ("А.Варга", ["Добрый день! Как идёт ремонт порта?"]),
        ("Б.Сидорова", ["Ремонт идёт по плану. Мы закончим к лету."]),
        ("А.Варга", ["Хорошо, спасибо."]),
    ]
    found = run(nlp, flat)
    assert found["speaker"].tolist() == ["А.Варга", "Б.Сидорова", "А.Варга"]
    # one "U.S. Army:" in a sentence is not a transcript
    assert find_turns("The notice read. U.S. Army: the base is closed on Friday.") == []


# ------------------------------------------------------------------ speaker resolution

def test_pronoun_resolves_to_the_nearest_person_of_that_gender(nlp):
    text = ("Sarah Ellison met Tom Brandt at the harbour on Friday.\n"
            "“The pier needs work,” she said.\n"
            "“The budget is tight,” he said.")
    found = run(nlp, text)
    assert one(found, "The pier needs work,")["speaker"] == "Sarah Ellison"
    assert one(found, "The budget is tight,")["speaker"] == "Tom Brandt"


def test_surname_title_and_role_resolve_to_the_full_name(nlp):
    text = ("City spokesman Paul Ortega said on Monday that the ferry would run on weekends.\n"
            "Mr. Ortega said the timetable was final.\n"
            "The spokesman added that tickets would cost less.")
    found = run(nlp, text)
    assert set(found["speaker"]) == {"Paul Ortega"}
    assert one(found, "the timetable was final")["speaker_mention"] == "Mr. Ortega"
    assert one(found, "tickets would cost less")["speaker_mention"] == "The spokesman"


def test_unnamed_source_stays_as_described(nlp):
    text = "A senior harbour official told the Harbour Gazette that repairs would take a year."
    row = one(run(nlp, text), "repairs would take a year")
    assert row["speaker"] == "A senior harbour official"


def test_quote_without_a_cue_takes_the_speaker_of_the_quote_before(nlp):
    text = ("“We are ready,” said Tom Brandt, Fairhaven's fictional harbour master.\n"
            "“The boats are tied down and the crews are rested.”")
    row = one(run(nlp, text), "The boats are tied down and the crews are rested.")
    assert row["speaker"] == "Tom Brandt"
    assert row["cue"] == ""


# ------------------------------------------------------------------ never crash

NEVER_CRASH = {
    "missing closing mark": "“We will never give up, said Sarah Ellison.\n\nThe council met later.",
    "nested quotes": "Tom Brandt said, “She told me ‘wait’ and I said “why” twice.” Then he left.",
    "stray closing mark": "The plan” was approved, Paul Ortega said.”",
    "empty": "",
    "blank": "   \n\n  \t ",
    "no sentences": "— — — *** ---",
    "other language": "«Мы готовы к переговорам», — сказал Иван Петренко журналистам. „Das ist gut“, sagte er.",
    "only marks": "“”‘’\"\"''«»„“",
}


@pytest.mark.parametrize("case", sorted(NEVER_CRASH))
def test_never_crash(nlp, case):
    text = NEVER_CRASH[case]
    found = run(nlp, text)
    assert list(found.columns) == STATEMENT_COLUMNS
    assert_offsets_exact(found, {"t0": text})


def test_missing_closing_mark_still_gives_the_quote(nlp):
    found = run(nlp, NEVER_CRASH["missing closing mark"])
    assert found["quote"].str.startswith("We will never give up").any()


def test_five_thousand_word_quote(nlp):
    long_quote = " ".join(["The harbour will be rebuilt and the boats will come back."] * 455)
    text = f"Sarah Ellison spoke for an hour. “{long_quote}” she said."
    found = run(nlp, text)
    assert len(long_quote.split()) >= 5000
    row = one(found, long_quote)
    assert row["speaker"] == "Sarah Ellison"


def test_none_text_is_skipped_not_raised(nlp):
    articles = pd.DataFrame({"article_id": ["a", "b"], "text": [None, "Tom Brandt said the pier held."]})
    found = extract_quotes(articles, nlp)
    assert found["article_id"].tolist() == ["b"]


# ------------------------------------------------------------------ determinism and the fast path

FIXTURES = [
    TRANSCRIPT,
    "Sarah Ellison met Tom Brandt.\n\nThe weather was cold.\n\n“The pier needs work,” she said.",
    "The harbour reopened on Monday after a week of storms.\n\nTom Brandt, who runs it, was pleased.\n\n"
    "He said the damage was less than feared.",
]


def test_same_input_same_rows(nlp):
    assert run(nlp, *FIXTURES).equals(run(nlp, *FIXTURES))


def test_rows_do_not_depend_on_chunks_or_worker_processes(nlp, monkeypatch):
    """Long runs go a chunk of articles at a time, with fresh spaCy workers per chunk."""
    import kit.quotes

    whole = run(nlp, *FIXTURES)
    monkeypatch.setattr(kit.quotes, "CHUNK_ARTICLES", 2)
    articles = pd.DataFrame({"article_id": [f"t{i}" for i in range(len(FIXTURES))], "text": FIXTURES})
    pd.testing.assert_frame_equal(extract_quotes(articles, nlp), whole)
    pd.testing.assert_frame_equal(extract_quotes(articles, nlp, n_process=2), whole)


def test_fast_path_gives_the_same_rows_on_fixtures(nlp):
    assert run(nlp, *FIXTURES, fast=True).equals(run(nlp, *FIXTURES, fast=False))


def test_fast_path_parses_a_paragraph_whose_only_cue_is_an_adjective(nlp):
    """"I am grateful for the chance to serve", "were supportive of the plan", "was critical of the
    levy": an adjective that makes a cue is found by the fast path's cheap test too (FICTIONAL)."""
    text = ("Governor Lena Vasko spoke in Portwell.\n\nI am grateful for the chance to serve the harbour.\n\n"
            "The mayors were supportive of the ferry plan.\n\nThe unions were critical of the new levy.\n")
    fast = run(nlp, text, fast=True)
    assert len(fast) == 3 and fast.equals(run(nlp, text, fast=False))


def test_fast_path_gives_the_same_rows_on_seed_and_polnear_sample(nlp, seed_articles):
    path = shared_path("gold", "polnear-dev.jsonl")
    with open(path, encoding="utf-8") as fh:
        sample = [json.loads(line) for _, line in zip(range(10), fh)]
    polnear = pd.DataFrame({"article_id": [a["id"] for a in sample], "text": [a["text"] for a in sample]})
    for articles in (seed_articles, polnear):
        fast = extract_quotes(articles, nlp, fast=True)
        slow = extract_quotes(articles, nlp, fast=False)
        assert len(fast) > 0
        pd.testing.assert_frame_equal(fast, slow)


# ---------------------------------------------------------------- the fast path's cheap tests

def _verb_lemma(nlp, word: str, pos: str) -> str:
    token = nlp.make_doc(word)[0]
    token.pos_ = pos
    return nlp.get_pipe("lemmatizer").rule_lemmatize(token)[0].lower()



def test_cue_test_finds_every_word_the_lemmatizer_reads_as_a_cue_verb(nlp):
    """A paragraph skipped by the fast path must hold no cue: every word the pipeline's own
    lemmatizer turns into a cue lemma (as a verb or auxiliary) passes the cheap test."""
    from kit.cues import load_lexicon
    from kit.quotes_plan import cue_pattern

    lex = load_lexicon()
    cues = lex.cue_verbs - lex.light_only  # light verbs: see the next test
    pattern = cue_pattern(nlp, lex)
    assert pattern is not lex.forms, "the default pipeline's lemmatizer should be read"
    lookups = nlp.get_pipe("lemmatizer").lookups
    rules = lookups.get_table("lemma_rules").get("verb")
    words = set(lookups.get_table("lemma_exc").get("verb")) | set(lookups.get_table("lemma_index").get("verb"))
    words |= {w[:len(w) - len(new)] + old for w in list(words) for old, new in rules if w.endswith(new)}
    words |= {w.upper() for w in cues} | {w.title() + "ed" for w in cues}
    missed, read_as_cue = [], 0
    for word in sorted(words):
        if not word.isalpha():
            continue
        for pos in ("VERB", "AUX"):
            if _verb_lemma(nlp, word, pos) in cues:
                read_as_cue += 1
                if not pattern.search(f"They {word} it."):
                    missed.append((word, pos))
    assert read_as_cue > 300
    assert missed == []
    # and it is tight: words that only share a stem are not cues
    for word in ("statistics", "addition", "nothing", "station", "calligraphy"):  # not "address": a cue in the passive
        if _verb_lemma(nlp, word, "VERB") not in cues:
            assert not pattern.search(f"the {word} of it"), word


def test_cue_test_finds_every_light_verb_with_every_speech_noun_form(nlp):
    """A light verb ("gave", "made") is a cue only with a speech noun as its object or passive
    subject, so the cheap test wants both: every form of each, and nothing for one alone."""
    from kit.cues import load_lexicon
    from kit.quotes_plan import cue_pattern

    lex = load_lexicon()
    pattern = cue_pattern(nlp, lex)
    lookups = nlp.get_pipe("lemmatizer").lookups
    nouns = set(lookups.get_table("lemma_exc").get("noun")) | set(lookups.get_table("lemma_index").get("noun"))
    rules = lookups.get_table("lemma_rules").get("noun")
    nouns |= {w[:len(w) - len(new)] + old for w in list(nouns) for old, new in rules if w.endswith(new)}
    noun_forms = [w for w in sorted(nouns) if w.isalpha() and _verb_lemma(nlp, w, "NOUN") in lex.nouns]
    verb_forms = [w for w in ("gave", "given", "makes", "made", "provided", "offering", "issued")
                  if _verb_lemma(nlp, w, "VERB") in lex.light_only]
    assert len(noun_forms) > 100 and len(verb_forms) == 7
    for noun in noun_forms:
        assert pattern.search(f"They {verb_forms[0]} the {noun} here."), noun
        # alone, a noun counts only when it is also a cue verb's form ("appeal")
        assert pattern.search(f"The {noun} is here.") == bool(pattern.words.search(noun)), noun
    for verb in verb_forms:
        assert pattern.search(f"An {noun_forms[0]} was {verb}."), verb
        assert not pattern.search(f"They {verb} up."), verb


def test_cue_test_sees_cue_words_the_tokenizer_splits_out_of_longer_strings(nlp):
    """Special cases such as "cannot" split a word without a space; any cue word split out
    that way must still be found in the unsplit string."""
    from kit.cues import load_lexicon
    from kit.quotes_plan import cue_pattern, lemma_forms

    lex = load_lexicon()
    forms = lemma_forms(nlp, lex.cue_verbs - lex.light_only)
    pattern = cue_pattern(nlp, lex)
    for string in nlp.tokenizer.rules:
        for token in nlp.tokenizer(string):
            if token.lower_ in forms:
                assert pattern.search(string), (string, token.text)



def test_cue_forms_as_a_trie_match_where_a_plain_alternation_of_them_does(nlp):
    """The cheap test writes the cue forms as a trie ("sa(?:id|y(?:s)?)") for speed; it must find a
    form exactly where the plain alternation of the same forms does: whole, cut short, glued to
    letters, digits or marks, in any case."""
    import random
    import re

    from kit.cues import load_lexicon
    from kit.quotes_plan import lemma_forms, word_trie

    lex = load_lexicon()
    forms = sorted(lemma_forms(nlp, lex.cue_verbs - lex.light_only) | {"co-operate", "o'clock", "a", "ab"})
    plain = re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")\b", re.I)
    trie = re.compile(r"\b(?:" + word_trie(forms) + r")\b", re.I)
    rnd = random.Random(18)
    texts = ["", "a", "abc", "co-operated", "CO-OPERATE it", "said", "sa", "saidx", "x said"]
    for _ in range(5000):
        form = rnd.choice(forms)
        form = form[:rnd.randint(1, len(form))] if rnd.random() < .3 else form.upper() if rnd.random() < .2 else form
        texts.append(rnd.choice(["", "x", "_", "1", "-", " ", "'"]) + form + rnd.choice(["", "s", "_", "1", "-", " ", "’", "ing"]))
    assert [bool(trie.search(t)) for t in texts] == [bool(plain.search(t)) for t in texts]
    assert sum(bool(plain.search(t)) for t in texts) > 1000
    assert word_trie(["say", "said", "says"]) == "sa(?:id|y(?:s)?)"

BRIEFING = (
    "FICTIONAL transcript, made up for the newsroom-kit tests.\n\n"
    "Harbour Commissioner Sarah Ellison met reporters in Fairhaven on Monday.\n\n"
    "MS. ELLISON: Good morning. Tom Brandt asked me to say the pier reopens on Friday.\n\n"
    "The ferries will run again. Mayor Paul Ortega agrees with that plan.\n\n"
    "Q: Did Mr. Ortega sign it?\n\n"
    "MS. ELLISON: He did, on Sunday.\n\n"
    "(Laughter.)\n\n"
    "After the briefing, Ellison said the budget was “tight but fair.”\n\n"
    "She told the Fairhaven Gazette that repairs would take a month.\n\n"
    "The weather in Fairhaven stayed cold all week.\n"
)


def test_fast_path_gives_the_same_rows_on_a_transcript(nlp):
    assert run(nlp, BRIEFING, fast=True).equals(run(nlp, BRIEFING, fast=False))


def test_fast_path_plans_a_parse_only_where_a_statement_can_be(nlp):
    from kit.cues import load_lexicon
    from kit.quotes_plan import cue_pattern, plan_article

    lex = load_lexicon()
    plan = plan_article("t", BRIEFING, lex, True, cue_pattern(nlp, lex))
    line = {k: BRIEFING[s:e] for k, (s, e) in enumerate(plan.paras)}
    parsed = {line[k] for k in plan.parse}
    ents_only = {line[k] for k in plan.ents_only}
    assert parsed == {"After the briefing, Ellison said the budget was “tight but fair.”",
                      "She told the Fairhaven Gazette that repairs would take a month."}
    # prose without a cue: names only, for "he" and "the mayor" later on
    assert "Harbour Commissioner Sarah Ellison met reporters in Fairhaven on Monday." in ents_only
    assert "The weather in Fairhaven stayed cold all week." in ents_only
    # every letter spoken in a turn or written in its label: nothing at all
    assert not any(text.startswith(("MS. ELLISON:", "Q:", "The ferries")) for text in parsed | ents_only)
    full = plan_article("t", BRIEFING, lex, False)
    assert full.parse == list(range(len(plan.paras))) and full.ents_only == []


def test_fast_path_gives_the_same_rows_on_white_house_transcripts(nlp):
    """Press briefings: labels, long turns, and prose around them."""
    import gzip

    path = shared_path("corpus", "bench_whitehouse_all_2021_2026.jsonl.gz")
    picked = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            doc = json.loads(line)
            text = doc.get("text") or ""
            if "THE PRESIDENT:" in text and len(text) < 20_000:
                picked.append({"article_id": str(doc["id"]), "text": text})
            if len(picked) == 6:
                break
    articles = pd.DataFrame(picked)
    fast = extract_quotes(articles, nlp, fast=True)
    assert (fast["kind"] == "turn").sum() >= 10
    pd.testing.assert_frame_equal(fast, extract_quotes(articles, nlp, fast=False))


def test_a_quotes_first_word_is_never_its_speaker(nlp):
    # The parser hangs both "Nobody" (inside the quote) and "Testova" on "told" as subjects.
    found = run(nlp, "“Nobody decides for us without us,” Irina Testova, the deputy minister, told reporters.",
                "“Nothing about Freedonia without Freedonia,” Marta Testenko told the committee.")
    assert one(found, "Nobody decides for us without us,")["speaker"] == "Irina Testova"
    assert one(found, "Nothing about Freedonia without Freedonia,")["speaker"] == "Marta Testenko"
