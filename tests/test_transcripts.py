"""Transcript turns and in-document speakers on the official archives (issue 14).

Each rule is tested on a short passage of a real text from ``../shared/corpus`` (read at test
time, selected by article id and a search; skipped where the corpus is absent) and, where a
rule can be shown in a few lines, on a hand-written passage whose people are FICTIONAL.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache

import pandas as pd
import pytest

from conftest import shared_path
from kit.quotes import extract_quotes
from kit.quotes_plan import turn_label_words
from kit.quotes_turns import MAX_TURN_CHARS, find_turns
from kit.registry import load_registry
from kit.speakers import attribute_statements

# "Firstname Lastname:" (or "В.Фамилия:") inside a turn's words: someone else's label left in it.
INNER_LABEL = re.compile(r"(?:^|[.!?…\"”)]\s+)(?:[A-ZА-ЯЁ][a-zа-яё]+(?:[ \-][A-ZА-ЯЁ][a-zа-яё]+){1,2}"
                         r"|(?:[А-ЯЁ]\.){1,2}[А-ЯЁ][а-яё]+)\s?(?:\([^)]{0,40}\))?\s?:\s")


@lru_cache(maxsize=8)
def corpus(name: str) -> dict[str, dict]:
    path = shared_path("corpus", name)
    return {d["id"]: d for d in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def article(name: str, article_id: str) -> dict:
    found = corpus(name).get(article_id)
    if found is None:
        pytest.skip(f"{article_id} is not in ../shared/corpus/{name}")
    return found


def passage(text: str, start: str, end: str | None = None) -> str:
    """The text from the first ``start`` to the end of the first ``end`` after it."""
    at = text.find(start)
    if at < 0:
        pytest.skip(f"{start!r} is not in this version of the corpus")
    stop = text.find(end, at + len(start)) + len(end) if end else len(text)
    return text[at:stop]


@pytest.fixture(scope="module")
def words(nlp):
    return turn_label_words(nlp)


def turns_of(text: str, words) -> list[tuple[str, str]]:
    return [(t.name, " ".join(text[s:e] for s, e in t.pieces)) for t in find_turns(text, words)]


def attributed(nlp, *docs: dict) -> pd.DataFrame:
    articles = pd.DataFrame([{"article_id": d["id"], "text": d["text"], "title": d.get("title", ""),
                              "source": d["source"], "url": d["url"],
                              "published": pd.Timestamp(d["published"]).tz_convert("UTC")} for d in docs])
    return attribute_statements(extract_quotes(articles, nlp), articles, load_registry())


# ------------------------------------------------------------------ labels and turns

def test_labels_after_a_sentence_end_split_a_one_paragraph_transcript(words):
    text = article("kremlin_en_2021_2022.jsonl", "kremlin-en-c8f7b2800525")["text"]
    found = turns_of(text, words)
    assert [n for n, _ in found[:4]] == ["Vladimir Putin", "Vladimir Bulavin", "Vladimir Putin", "Vladimir Bulavin"]
    assert not any(INNER_LABEL.search(said) for _, said in found)


def test_an_office_before_the_name_and_a_retranslated_note(words):
    doc = next((d for d in corpus("kremlin_en_2021_2022.jsonl").values() if "Milorad Dodik(retranslated):" in d["text"]), None)
    if doc is None:
        pytest.skip("no Dodik transcript in this corpus")
    text = doc["text"]
    found = find_turns(text, words)
    dodik = next(t for t in found if t.name == "Milorad Dodik")
    assert text[dodik.label_start:dodik.label_end] == "Member of the Presidency of Bosnia and Herzegovina Milorad Dodik"
    assert text[dodik.pieces[0][0]:].startswith("Thank you")
    assert not any(INNER_LABEL.search(said) for _, said in turns_of(text, words))


def test_a_name_repeated_from_a_page_tooltip(words):
    doc = next((d for d in corpus("kremlin_en_2021_2022.jsonl").values()
                if "Niinistö Niinistö SauliPresident of Finland(retranslated):" in d["text"]), None)
    if doc is None:
        pytest.skip("no Niinistö transcript in this corpus")
    text = passage(doc["text"], "Mr President, welcome. President of Finland", "Thank you.")
    (putin_end, _), (name, said) = turns_of("Vladimir Putin: " + text, words)
    assert name == "Sauli Niinistö" and said == "Thank you."


def test_a_heading_run_into_the_label(words):
    text = article("kremlin_en_2021_2022.jsonl", "kremlin-en-c27927dccd06")["text"]
    first = find_turns(text, words)[0]
    assert text[first.label_start:first.label_end] == "President of Russia Vladimir Putin"
    assert text[first.pieces[0][0]:].startswith("Good afternoon")


def test_russian_labels_with_a_space_before_the_colon_and_a_tooltip(words):
    text = article("kremlin_ru_2025.jsonl", "kremlin-ru-fd6ce516eee1")["text"]
    found = turns_of(text, words)
    assert [n for n, _ in found[:3]] == ["В.Путин", "Р.Кадыров", "В.Путин"]
    assert found[1][1].startswith("Уважаемый Владимир Владимирович")
    assert "Рамзан Ахматович глава" not in " ".join(s for _, s in found)
    # the page's tags, date and link after the last sentence are nobody's words
    assert found[-1][1].endswith("Я не сомневаюсь.")


def test_a_remark_from_the_floor_ends_the_turn_before_it(words):
    doc = next((d for d in corpus("kremlin_ru_2025.jsonl").values() if " Реплика: " in d["text"]), None)
    if doc is None:
        pytest.skip("no remark from the floor in this corpus")
    found = turns_of(doc["text"], words)
    assert "Реплика" in [n for n, _ in found]
    assert not any(" Реплика: " in said for _, said in found)


def test_every_russian_text_with_a_label_gives_statements(nlp):
    docs = list(corpus("kremlin_ru_2025.jsonl").values())
    labelled = [d for d in docs if re.search(r"(?:[А-ЯЁ]\.){1,2}[А-ЯЁ][а-яё]+\s?:\s", d["text"])]
    out = attributed(nlp, *labelled[:40])
    assert set(out["article_id"]) == {d["id"] for d in labelled[:40]}


def test_a_speech_under_one_label_runs_to_the_end_of_the_text(words):
    text = article("kremlin_en_2021_2022.jsonl", "kremlin-en-5b5692170213")["text"]
    (only,) = find_turns(text, words)
    assert only.name == "Vladimir Putin" and only.pieces[-1][1] == len(text.rstrip())


def test_a_long_speech_is_cut_at_sentence_ends_into_readable_statements(words):
    text = article("kremlin_en_2021_2022.jsonl", "kremlin-en-6caf8d7bf750")["text"]
    found = find_turns(text, words)
    assert len(found) > 1 and all(t.name == "Vladimir Putin" for t in found)
    for t in found:
        assert t.pieces[-1][1] - t.pieces[0][0] <= MAX_TURN_CHARS
        assert text[t.pieces[-1][1] - 1] in ".!?…\"”»)" or t is found[-1]


def test_the_president_in_white_house_transcripts_stays_a_turn(words):
    docs = [d for d in corpus("whitehouse_trump_2025_2026.jsonl").values() if "\nTHE PRESIDENT:" in d["text"]][:15]
    for d in docs:
        labels = len(re.findall(r"^THE PRESIDENT:(?! *\([^()\n]*\) *$)", d["text"], re.M))  # not "(Inaudible.)" alone
        starts = {t.label_start for t in find_turns(d["text"], words) if t.label == "THE PRESIDENT"}
        assert len(starts) == labels, d["id"]


FICTION = ("Anton Varga held talks with Prime Minister of Eastland Bela Sidorova.\n\n"
           "Anton Varga: Madam Prime Minister, welcome. Note: the talks began late. Bela Sidorova: Thank you. "
           "We are glad to be here.\n\n"
           "Read more: the harbour agreement")


def test_notes_and_headings_are_not_labels_and_a_colon_in_prose_is_not_one(words):
    found = turns_of(FICTION, words)
    assert [n for n, _ in found] == ["Anton Varga", "Bela Sidorova"]
    assert found[0][1] == "Madam Prime Minister, welcome. Note: the talks began late."
    assert find_turns("Fact Sheet: the harbour deal.\n\nJoint Statement: both sides agree.", words) == []
    assert find_turns("The talks with President of Eastland Bela Sidorova: the two leaders met.", words) == []


# ------------------------------------------------------------------ who "I", "the message", "the leaders" are

def test_first_person_in_a_speech_printed_without_a_label(nlp):
    doc = article("kremlin_en_2021_2022.jsonl", "kremlin-en-ffdc5d7138da")
    out = attributed(nlp, doc)
    first = out[out["speaker_mention"].str.lower().isin(["i", "we"])]
    assert len(first) and (first["actor"] == "Vladimir Putin").all()


def test_the_message_is_the_senders(nlp):
    sent = article("kremlin_en_2021_2022.jsonl", "kremlin-en-c190c93f1ee4")        # "sent a message"
    congratulated = article("kremlin_en_2021_2022.jsonl", "kremlin-en-dfb33ab393b5")  # "congratulated"
    out = attributed(nlp, sent, congratulated)
    message = out[out["speaker_mention"].str.lower() == "the message"]
    assert set(message["article_id"]) == {sent["id"], congratulated["id"]}
    assert (message["actor"] == "Vladimir Putin").all()


def test_the_leaders_are_every_participant_and_they_after_them(nlp):
    xi = article("kremlin_en_2021_2022.jsonl", "kremlin-en-25a3bf4cb94c")          # "The presidents stated that"
    lukashenko = article("kremlin_en_2021_2022.jsonl", "kremlin-en-85ad59cadc42")  # "The leaders ... They agreed"
    out = attributed(nlp, xi, lukashenko)
    joint = out[out["speaker_mention"].isin(["The presidents", "They"])].set_index("article_id")
    assert set(joint.loc[[xi["id"]], "actor"]) == {"Vladimir Putin; Xi Jinping"}
    assert set(joint.loc[[lukashenko["id"]], "actors"]) == {"Vladimir Putin; Alexander Lukashenko"}
    # one row per statement, every participant listed; Kremlin and Other share no camp
    assert (joint["camp"] == "Several camps").all() and (joint["matched_by"] == "joint").all()


def test_the_governor_is_the_governor_the_text_introduced(nlp):
    merged = article("kremlin_en_2021_2022.jsonl", "kremlin-en-f0585e2fc274")   # the tagger merged his name into an ORG
    office = article("kremlin_en_2021_2022.jsonl", "kremlin-en-76e027fa79c7")   # "Governor of the Yamalo-Nenets ..."
    out = attributed(nlp, merged, office)
    governor = out[out["speaker_mention"].str.lower() == "the governor"]
    assert set(governor.loc[governor["article_id"] == merged["id"], "speaker"]) == {"Vladimir Solodov"}
    assert set(governor.loc[governor["article_id"] == office["id"], "speaker"]) == {"Dmitry Artyukhov"}


def test_the_secretary_is_the_holder_of_the_office_the_text_spelt_out(nlp):
    doc = article("whitehouse_trump_2025_2026.jsonl", "wh-f8970629c600")
    out = attributed(nlp, doc)
    secretary = out[out["speaker_mention"].str.lower() == "the secretary"]
    assert len(secretary) and (secretary["actor"] == "Howard Lutnick").all()


def test_a_place_standing_for_its_government():
    registry = load_registry()
    when = pd.Timestamp("2022-03-01T12:00Z")
    for speaker, government, camp in [("Kiev", "Government of Ukraine", "ukraine"), ("Moscow", "Government of Russia", "kremlin"),
                                      ("the Kremlin", "Government of Russia", "kremlin"),
                                      ("Washington", "Government of the United States", "white_house")]:
        found = registry.match(speaker, when)
        assert (found.actor["name"], found.camp, found.matched_by) == (government, camp, "place")
    # inside a longer speaker a place names nobody: the President of Ukraine is not Kiev
    assert registry.match("President of Ukraine", when).actor["name"] == "Volodymyr Zelensky"


def test_regular_speakers_of_the_corpus_are_in_the_registry():
    registry = load_registry()
    when = pd.Timestamp("2025-03-01T12:00Z")
    for label, actor, camp in [("И.Кобзев", "Igor Kobzev", "kremlin"), ("В.Путин", "Vladimir Putin", "kremlin"),
                               ("Путиным", "Vladimir Putin", "kremlin"), ("С.Собянин", "Sergei Sobyanin", "kremlin"),
                               ("Margarita Simonyan", "Margarita Simonyan", "press"),
                               ("President of Kazakhstan Kassym-Jomart Tokayev", "Kassym-Jomart Tokayev", "other"),
                               ("Sen. Lindsey Graham", "Lindsey Graham", "other"),
                               ("М.Шадаев", "Maxut Shadaev", "kremlin"), ("А.Щёлоков", "Alexander Shchyolokov", "kremlin"),
                               ("П.Степанов", "Pavel Stepanov", "other"), ("MR. SCHARF", "Will Scharf", "white_house"),
                               ("Dr. Fauci", "Anthony Fauci", "white_house"), ("Harris Administration",
                                                                             "Government of the United States", "white_house"),
                               # the Kremlin's labels that repeat the page's tooltip
                               ("Бастрыкин Бастрыкин Александр Иванович председатель Следственного комитета Российской Федерации",
                                "Alexander Bastrykin", "kremlin"),
                               # initials and a woman's name tell namesakes apart: the student is not Kirill
                               # Dmitriev, the young scientist not Boris Titov
                               ("Д.Дмитриева", "Darya Dmitrieva", "other"), ("К.Дмитриев", "Kirill Dmitriev", "kremlin"),
                               ("К.Титов", "К.Титов", "other"), ("Б.Титов", "Boris Titov", "kremlin")]:
        found = registry.match(label, when)
        assert (found.actor["name"] if found.actor else "", found.camp) == (actor, camp), label
    # a role given without dates never decides between two people of one surname
    assert registry.match("MR. MILLER", pd.Timestamp("2019-06-01T12:00Z")).actor is None


def test_presidency_project_labels_close_with_a_full_stop(words):
    doc = next(iter(corpus("us_sotu_2021_2026.jsonl").values()))
    found = find_turns(doc["text"], words)
    assert found and found[0].name == "The President"
    assert {t.name for t in found} <= {"The President", "Audience members", "Audience member"}
    assert not any(doc["text"][s:e].startswith("[") for t in found for s, e in t.pieces), "a bracketed stage direction is left out"
    registry = load_registry()
    context = f"{doc['source']} {doc['url']}"
    held = registry.match("The President", pd.Timestamp(doc["published"]), context)
    assert held.actor["name"] in {"Joe Biden", "Donald Trump"} and held.matched_by == "title"


def test_a_described_speaker_quoting_a_colleague_goes_on_speaking(words):
    """A background call's label describes the speaker ("SENIOR ADMINISTRATION OFFICIAL"); "as
    [senior administration official] said" in that turn quotes a colleague and is no narration
    about the speaker, which would end the turn and leave its "I think" to nobody (FICTIONAL)."""
    text = ("MODERATOR: Thanks, everyone. Over to you.\n\n"
            "SENIOR ADMINISTRATION OFFICIAL: Thanks. I will cover the first part of the trip.\n\n"
            "So, as [senior administration official] said, the President then goes to Lisbon. I think it will go well.\n\n"
            "Q: Will they agree?\n\n"
            "MS. ELLISON: Yes.\n\n"
            "After the call, Ellison said the plan was good.\n")
    found = turns_of(text, words)
    assert [n for n, _ in found] == ["MODERATOR", "SENIOR ADMINISTRATION OFFICIAL", "Q", "MS. ELLISON"]
    assert found[1][1].endswith("I think it will go well.")
    assert found[3][1] == "Yes."  # a surname with "said" is still narration


def test_a_turn_that_is_only_a_stage_direction_says_nothing(words):
    """"Q: (Inaudible.)" in a briefing transcript gives no statement; the answer after it is still
    the press secretary's turn, and "(Laughter.)" inside a turn is left out of it (FICTIONAL)."""
    text = ("MS. ELLISON: Go ahead.\n\n"
            "Q: (Inaudible.)\n\n"
            "MS. ELLISON: The harbour plan is on track.\n\n"
            "(Laughter.)\n\n"
            "We expect a vote next week.\n\n"
            "Q: Thank you.\n")
    found = turns_of(text, words)
    assert [n for n, _ in found] == ["MS. ELLISON", "MS. ELLISON", "Q"]
    assert "Laughter" not in found[1][1] and found[1][1].endswith("a vote next week.")


def test_the_editors_account_of_others_in_brackets_is_not_the_speakers_turn(words):
    """A transcript that leaves out what guests said gives the editor's summary in brackets after
    an omission mark: "<…>(Anna Marsh spoke about the river port ...)" is not the chair's words, and
    the chair's turn goes on after it. His own aside ("... reported this to me today") and a short
    stage direction stay (FICTIONAL)."""
    text = ("Anna Marsh: Good morning, colleagues.\n\n"
            "Oleg Fenn: Good. Thank you. <…>(Anna Marsh spoke about the river port and asked for funds "
            "for its repair.) We will look at it. Prices have not risen either (Ivan Dorn reported "
            "all this to me today). (Laughter.) Fine.\n\n"
            "Anna Marsh: Thank you.\n")
    found = dict(turns_of(text, words)[1:2])
    chair = found["Oleg Fenn"]
    assert "river port" not in chair and chair.startswith("Good. Thank you.")
    assert "We will look at it." in chair and "reported all this to me today" in chair


def test_the_president_of_russia_after_a_foreign_leaders_name_is_not_that_leader(nlp):
    """New Year greetings to dozens of leaders: "greetings to President of the Republic of Belarus
    Alexander Lukashenko, the President of Russia emphasised that ..." and "to Prime Minister of
    Canada Justin Trudeau, the Russian President wished him ...": the words after the comma are the
    next clause's subject, not the foreign leader's title, so the Russian office is never resolved
    to him."""
    doc = article("kremlin_en_2021_2022.jsonl", "kremlin-en-c46e04be1df3")
    found = extract_quotes(pd.DataFrame([{"article_id": doc["id"], "text": doc["text"]}]), nlp)
    russian = found[[bool(re.search(r"Russian (President|leader)|President of Russia", doc["text"][s:e]))
                     for s, e in zip(found["speaker_start"], found["speaker_end"])]]
    assert len(russian) >= 10
    assert not russian["speaker"].str.contains("Lukashenko|Trudeau|Ramaphosa|Fernandez").any()


def test_a_remark_from_the_floor_after_a_comma_is_a_turn_of_nobody(nlp):
    """A greeting run into the floor's answer with only a comma opens the floor's turn, and an
    unnamed remark is a statement with no speaker, never a person called "Remark"."""
    text = ("Governor of the Region Anna Vell: Good morning, friends, Remark: Good morning, Governor. "
            "Anna Vell: We open the new bridge today, and I thank every worker who built it. "
            "Remark: We are proud of this bridge and we will keep it safe. Anna Vell: Thank you.")
    found = extract_quotes(pd.DataFrame({"article_id": ["t"], "text": [text]}), nlp)
    first = found[found["content_start"] == text.index("Good morning, friends")].iloc[0]
    assert text[first["content_start"]:first["content_end"]] == "Good morning, friends,"
    remark = found[found["content_start"] == text.index("We are proud")].iloc[0]
    assert remark["speaker"] == "" and remark["speaker_mention"] == "Remark"
    assert not (found["speaker"] == "Remark").any()


def test_journalists_who_introduce_themselves_speak_for_the_press(nlp):
    """A journalist named in a question from the floor, or who gives their own name and outlet,
    is the press in each of their turns; a speaker who names no outlet is not."""
    text = ("Governor of the Region Anna Vell: Good afternoon. We are ready for your questions. "
            "Question: Lena Dravik, Harbor Daily newspaper. Will the new bridge open this spring? "
            "Anna Vell: It will open in May. Lena Dravik: And will the ferry keep running after that? "
            "Anna Vell: It will run until the autumn. Tom Rendell: Good afternoon. Tom Rendell, Valley TV. "
            "What will the tolls be? Anna Vell: There will be no tolls. Mira Sotkova: Hello, Governor. Mira "
            "Sotkova, Harbor Daily newspaper, River District. Who will pay for it? Anna Vell: The region will. "
            "Paul Grisham: Paul Grisham, a fisherman from the bay. Thank you for the bridge. Anna Vell: Thank you.")
    articles = pd.DataFrame({"article_id": ["t"], "text": [text], "title": ["News conference"], "source": [""],
                             "url": [""], "published": [pd.Timestamp("2022-01-01", tz="UTC")]})
    rows = attribute_statements(extract_quotes(articles, nlp), articles, load_registry())
    camp = dict(zip(rows["speaker"], rows["camp"]))
    assert camp["Lena Dravik"] == "Press" and camp["Tom Rendell"] == "Press" and camp["Mira Sotkova"] == "Press"
    assert camp["Paul Grisham"] != "Press"
