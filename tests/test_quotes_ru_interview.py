"""Russian interviews, transcript turns and news paragraphs: the round of the seventh dev set
(benchmarks/russian_interview_dev.jsonl). Fictional people and sentences only."""
from __future__ import annotations

import pandas as pd

from kit.quotes import extract_quotes


def statements(*texts: str) -> pd.DataFrame:
    articles = pd.DataFrame({"article_id": [f"t{i}" for i in range(len(texts))], "text": list(texts)})
    return extract_quotes(articles)


def rows_of(rows: pd.DataFrame, k: int) -> pd.DataFrame:
    return rows[rows["article_id"] == f"t{k}"]


def test_he_after_a_sentence_naming_two_men_is_its_subject_not_the_one_received():
    rows = statements("Мэр Тимур Волков принял в мэрии директора школы Антона Белова. "
                      "Он пообещал отремонтировать спортзал.")
    assert list(rows["speaker"]) == ["Тимур Волков"]


def test_a_colon_ending_a_paragraph_hands_what_was_said_to_the_next():
    rows = statements("Глава района Инна Соколова ответила на вопрос о дорогах так:\n"
                      "«Ремонт начнём в мае, как только сойдёт снег».",
                      "Главный инженер Олег Титов заявил:\nВоды в посёлке не будет до четверга.")
    quoted, plain = rows_of(rows, 0), rows_of(rows, 1)
    assert list(quoted["kind"]) == ["direct"] and list(quoted["speaker"]) == ["Инна Соколова"]
    assert quoted.iloc[0]["quote"] == "Ремонт начнём в мае, как только сойдёт снег"
    assert list(plain["kind"]) == ["indirect"] and list(plain["speaker"]) == ["Олег Титов"]
    assert plain.iloc[0]["quote"] == "Воды в посёлке не будет до четверга"


def test_a_new_line_of_dialogue_after_the_colon_is_not_taken():
    rows = statements("Мэр Олег Суслов рассказал о планах:\n— Парк откроем летом.")
    assert "Парк откроем летом" not in " ".join(rows["quote"])


def test_the_speaker_named_after_a_colon_is_the_cues_not_the_readers():
    rows = statements("Вчера я прочитал новость: министр Павел Орлов заявил, что цены снизятся.")
    assert list(rows["speaker"]) == ["Павел Орлов"] and list(rows["quote"]) == ["цены снизятся"]


def test_a_не_after_the_cue_negates_what_was_said_not_the_saying():
    rows = statements("Я всегда говорил коллегам: не бойтесь ошибок.")
    assert list(rows["quote"]) == ["не бойтесь ошибок"]


def test_a_relative_clause_about_the_topic_and_leave_to_speak_say_nothing():
    rows = statements("Эти станки, о которых Вы говорите, которые так дорого стоят, они у нас уже есть?",
                      "А можно я расскажу про наш завод?")
    assert rows.empty


def test_what_the_addressee_said_ends_where_the_speaker_goes_on_in_their_own_voice():
    rows = statements("Вы правильно сказали, этот мост построили ещё до войны, в трудное время, "
                      "потом мы его только ремонтировали.")
    assert list(rows["quote"]) == ["этот мост построили ещё до войны, в трудное время"]


def test_a_first_person_aside_after_a_dash_is_the_present_speakers():
    rows = statements("Коллега сейчас сказал – думаю, многие это заметили: он говорил о новых школах.")
    assert dict(zip(rows["cue"], rows["quote"])) == {"думаю": "многие это заметили", "говорил": "о новых школах"}


def test_a_capitalised_title_before_a_name_leaves_the_name_the_speaker():
    rows = statements("Вчера я прочитал новость: Президент Ларсен заявил, что переговоры продолжатся.",
                      "Президент Ларсен заявил, что переговоры продолжатся.")
    assert list(rows["speaker"]) == ["Ларсен", "Ларсен"]
