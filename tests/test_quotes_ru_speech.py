"""Russian reported speech, readouts and transcripts: the round of the eighth dev set
(benchmarks/russian_speech_dev.jsonl). Fictional people and sentences only."""
from __future__ import annotations

from test_quotes_ru_interview import rows_of, statements  # one article per text, rows of the k-th


def test_a_word_the_dictionary_never_reads_as_a_nominative_is_no_speaker():
    rows = statements("В.Сомов: Прошу министерство пересмотреть прогноз. "
                      "Я так, мазком только сказал об этом – нужно разобраться подробнее.")
    assert set(rows["speaker"]) == {"В.Сомов"}


def test_a_surname_left_in_the_dative_by_a_stage_direction_does_not_name_the_next_speaker():
    rows = statements("В.Сомов: (Обращаясь к Е.Кондратову.) Ефим Петрович, прошу Вас доложить о ходе работ.\n"
                      "Е.Кондратов: Хочу доложить, что мост будет сдан в срок.")
    said = rows[rows["quote"] == "мост будет сдан в срок"]
    assert list(said["speaker"]) == ["Е.Кондратов"]
    assert not rows["speaker"].str.contains("Кондратову").any()


def test_what_someone_talked_about_elsewhere_is_no_statement():
    rows = statements("И третье – это то, о чём говорил Рустам Ильич.",
                      "Надеюсь, что Вере Павловне удастся всё, о чём она говорила, реализовать в области.",
                      "Министерство вернуло физику в программу – то, о чём постоянно эксперты говорили.",
                      "А.Гребнев: Самое важное, о чём хочу сказать, что все мощности завода сохранились.")
    assert rows_of(rows, 0).empty and rows_of(rows, 2).empty
    assert list(rows_of(rows, 1)["cue"]) == ["Надеюсь"]  # the hope is said; what she talked about is not
    said = rows_of(rows, 3)
    assert "все мощности завода сохранились" in list(said["quote"])


def test_lets_say_is_an_example_not_a_statement():
    rows = statements("Новые материалы позволят, скажем, фермам работать круглый год.",
                      "Это наши, так скажем, партнёры отказались от встречи.",
                      "Подрядчики, прямо скажем, работают медленно.")
    assert rows.empty


def test_a_relative_clause_on_whom_we_asked_to_comment_is_no_statement():
    rows = statements("Эксперт Захар Мельников, которого мы попросили прокомментировать ситуацию, "
                      "на звонки не ответил.")
    assert rows.empty


def test_an_infinitive_judged_wrong_after_its_clause_is_unsaid_but_a_clause_judging_is_said():
    rows = statements("Сказать, что переговоры провалились, было бы неправильно.",
                      "Министр Олег Лунин сказал, что это было бы неправильно.")
    assert rows_of(rows, 0).empty
    assert list(rows_of(rows, 1)["speaker"]) == ["Олег Лунин"]


def test_asking_someone_whether_they_can_speak_is_no_statement():
    rows = statements("Можете вспомнить – вы уже отправили письмо, но можете ещё раз пару слов сказать об этом человеке?")
    assert rows.empty


def test_in_the_course_of_a_talk_is_when_not_who():
    rows = statements("В ходе беседы был подчёркнут стратегический характер отношений двух стран.")
    assert list(rows["quote"]) == ["стратегический характер отношений двух стран"]
    assert list(rows["speaker"]) == [""]


def test_insisting_that_something_be_done_is_a_demand():
    rows = statements("Директор школы Валентина Гусарова настояла на том, чтобы родители присутствовали на собрании.")
    assert list(rows["speaker"]) == ["Валентина Гусарова"] and list(rows["act"]) == ["demands"]
    assert "родители присутствовали на собрании" in rows.iloc[0]["quote"]


def test_a_relative_pronoun_after_the_cue_is_not_its_subject():
    rows = statements("А.Гребнев: Все эти меры мы предлагаем отразить в программе, которая сейчас разрабатывается.")
    proposed = rows[rows["cue"] == "предлагаем"]
    assert list(proposed["speaker"]) == ["А.Гребнев"]


def test_a_conditional_particle_right_before_the_cue_makes_it_unsaid():
    rows = statements("Им тогда дали все козыри – и не было бы этого, и по границе бы договорились, я уверен.")
    assert "договорились" not in set(rows["cue"])


def test_a_counted_noun_is_no_subject_of_a_first_person_cue():
    rows = statements("Е.Кондратов: Господин министр, извините, несколько слов скажу – на английском не говорю так хорошо, но понимаю всё.")
    assert not rows["speaker"].str.contains("слов").any()


def test_the_word_before_a_speaker_is_not_part_of_the_mention():
    rows = statements("Как главный герой «Старого дома» говорил, «деньги карман жгут».")
    assert list(rows["speaker"]) == ["главный герой «Старого дома»"]


def test_a_first_person_relative_clause_is_not_spoken_by_its_noun():
    rows = statements("Е.Кондратов: Мы с банком сформировали рабочую группу, где обсуждаем долги отдельных заводов.")
    assert "рабочую группу" not in set(rows["speaker"])


def test_a_cue_between_dashes_is_the_speakers_aside_and_says_what_follows():
    rows = statements("Е.Кондратов: Сейчас готовится соглашение, в том числе – в прошлый раз Вам говорил – "
                      "есть интерес у наших партнёров к этому проекту.")
    said = rows[rows["cue"] == "говорил"]
    assert list(said["speaker"]) == ["Е.Кондратов"]
    assert said.iloc[0]["quote"].startswith("есть интерес у наших партнёров")


def test_this_before_the_cue_is_what_was_said_not_the_reason_after_it():
    rows = statements("Могу это твёрдо сказать, потому что я видел, как он работал.",
                      "Я был свидетелем того, как он мыслил, как он говорил, о чём говорил.",
                      "Я это уже говорил: налоги не вырастут.")
    assert rows_of(rows, 0).empty and rows_of(rows, 1).empty
    assert list(rows_of(rows, 2)["quote"]) == ["налоги не вырастут"]


def test_a_guarantee_in_the_passive_and_a_date_that_reminds_are_no_statements():
    rows = statements("Где-то восемь процентов кредитов сейчас выкуплено, каждая восьмая ипотека как бы нами гарантирована.",
                      "Священная дата Победы объединяет всех нас и в очередной раз напоминает о времени, когда мы смогли сплотиться.",
                      "Министерство напоминает, что подать заявление можно до пятницы.")
    assert rows_of(rows, 0).empty and rows_of(rows, 1).empty
    assert list(rows_of(rows, 2)["speaker"]) == ["Министерство"]
