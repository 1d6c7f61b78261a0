"""Russian and Ukrainian articles: language per article, natasha offline, the Russian statement
forms, speakers, dates, bad input, and a mixed English + Russian folder through a report run.

Every sentence here is written for the test with invented people (Олег Туманов, Светлана
Ракитина, Заречье), except the shared corpus checks, which skip where ../shared is absent.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest

from conftest import REPO, SAMPLE_ACTORS, shared_path
from kit.language import detect_language, fold_case_endings
from kit.cues import load_ru_lexicon
from kit.quotes import STATEMENT_COLUMNS, extract_quotes
from kit.coref_ru import RuResolver

MIXED = REPO / "tests" / "fixtures" / "mixed"


def statements(*texts: str, **columns) -> pd.DataFrame:
    articles = pd.DataFrame({"article_id": [f"t{i}" for i in range(len(texts))], "text": list(texts), **columns})
    return extract_quotes(articles)


def only(rows: pd.DataFrame, **where) -> pd.Series:
    for key, value in where.items():
        rows = rows[rows[key] == value]
    assert len(rows) == 1, rows[["kind", "quote", "speaker", "cue"]].to_string()
    return rows.iloc[0]


# ---------------------------------------------------------------- the pipeline and languages

def test_natasha_loads_from_the_installed_package_and_parses_offline():
    import natasha

    from kit.nlp_ru import load_russian, russian_pipeline_version

    assert "site-packages" in natasha.__file__ or "dist-packages" in natasha.__file__
    doc = load_russian()("Олег Туманов заявил, что переговоры продолжатся.")
    assert doc.text == "Олег Туманов заявил, что переговоры продолжатся."
    verb = next(t for t in doc if t.lemma_ == "заявить")
    assert verb.dep_ == "ROOT" and any(c.dep_ == "ccomp" for c in verb.children)
    assert [(e.text, e.label_) for e in doc.ents] == [("Олег Туманов", "PERSON")]
    assert "natasha==1.6.0" in russian_pipeline_version()


@pytest.mark.parametrize("text, code", [
    ("Олег Туманов заявил, что переговоры продолжатся.", "ru"),
    ("Олег Туманов заявив, що переговори тривають і їх буде продовжено.", "uk"),
    ("Oleg Tumanov said the talks would go on.", "en"),
    ("Oleg Tumanov zayavil, chto peregovory prodolzhatsya.", "und"),
    ("«Перемирие возможно», — said Tumanov in Russian: «мы готовы к диалогу и к переговорам».", "ru"),
    ("2025 — 14:00", ""),
    ("", ""),
])
def test_language_from_the_share_of_letters(text, code):
    assert detect_language(text) == code


def test_articles_carry_their_language(tmp_path):
    from kit.articles import load_articles

    articles = load_articles(MIXED).articles.set_index("title")
    assert articles["language"].to_dict() == {
        "Варнавин: никакого проекта соглашения Москва не получала": "ru", "White House says the offer stands": "en"}


def test_the_cache_key_names_the_russian_pipeline(monkeypatch):
    from kit import cache

    key = cache.quotes_engine_key("en_core_web_sm==3.8.0")
    monkeypatch.setattr(cache, "russian_pipeline_version", lambda: "natasha==0.0")
    assert cache.quotes_engine_key("en_core_web_sm==3.8.0") != key


# ---------------------------------------------------------------- the forms a Russian story uses

@pytest.fixture(scope="module")
def forms():
    texts = {
        "dash": "«Переговоры идут трудно», — заявил журналистам Олег Туманов.",
        "colon": "Светлана Ракитина заявила: «Мы ждём ответа от партнёров».",
        "that": "Министр финансов Заречья Игорь Белозёров сообщил в интервью агентству «Вести-Север», что бюджет будет пересмотрен осенью.",
        "according": "По словам Белозёрова, дефицит бюджета не превысит трёх процентов.",
        "aside": "Как отметил губернатор Антон Сизов, строительство моста завершится в следующем году.",
        "passive": "Было отмечено, что стороны готовы продолжить консультации.",
        "discussed": "Стороны обсудили вопросы торгового сотрудничества.",
        "concerned": "Президент Заречья выразил обеспокоенность ростом цен на топливо.",
        "denied": "Пресс-секретарь мэрии Нина Лаврентьева опровергла слухи об отставке мэра.",
        "split": "«Это решение ошибочно, — сказал Павел Гордеев. — Мы будем его оспаривать».",
        "pronoun": "Светлана Ракитина выступила на форуме. Она добавила, что вопрос будет рассмотрен позже.",
        "about_this": "Компания не планирует сокращать сотрудников. Об этом сообщил журналистам Евгений Корнилов.",
        "none": "Делегация прибыла в столицу утром в понедельник.",
        "ask": "Скажите, пожалуйста, где находится вокзал?",
        "name": "Компания «Северный ветер» открыла филиал в Лесовске.",
    }
    rows = statements(*texts.values())
    by_form = {form: rows[rows["article_id"] == f"t{i}"] for i, form in enumerate(texts)}
    return texts, by_form, rows


def test_every_row_keeps_the_statement_contract(forms):
    texts, _, rows = forms
    text_of = {f"t{i}": t for i, t in enumerate(texts.values())}
    assert list(rows.columns) == STATEMENT_COLUMNS
    for row in rows.itertuples():
        text = text_of[row.article_id]
        assert text[row.quote_start:row.quote_end] == row.quote
        assert all(row.quote_start <= s < e <= row.quote_end for s, e in row.quote_spans)
        if row.speaker_start >= 0:
            assert text[row.speaker_start:row.speaker_end] == row.speaker_mention
        if row.cue_start >= 0:
            assert text[row.cue_start:row.cue_end] == row.cue


def test_quotations_with_their_cue_and_venue(forms):
    _, by, _ = forms
    dash = only(by["dash"])
    assert (dash.kind, dash.quote, dash.speaker, dash.cue, dash.venue) == (
        "direct", "Переговоры идут трудно", "Олег Туманов", "заявил", "журналистам")
    colon = only(by["colon"])
    assert (colon.kind, colon.quote, colon.speaker) == ("direct", "Мы ждём ответа от партнёров", "Светлана Ракитина")


def test_a_quotation_split_by_a_dash_attribution_is_one_statement(forms):
    _, by, _ = forms
    row = only(by["split"])
    assert row.kind == "direct" and row.speaker == "Павел Гордеев" and row.cue == "сказал"
    assert row.quote_text == "Это решение ошибочно, Мы будем его оспаривать"


def test_reported_speech(forms):
    _, by, _ = forms
    that = only(by["that"])
    assert (that.kind, that.quote, that.speaker) == ("indirect", "бюджет будет пересмотрен осенью", "Игорь Белозёров")
    assert that.venue == "агентству «Вести-Север»" or that.venue == "Вести-Север"
    according = only(by["according"])
    assert according.quote == "дефицит бюджета не превысит трёх процентов" and according.speaker == "Белозёров"
    aside = only(by["aside"])
    assert aside.quote == "строительство моста завершится в следующем году" and aside.speaker_mention == "губернатор Антон Сизов"


def test_readout_forms(forms):
    _, by, _ = forms
    passive = only(by["passive"])
    assert passive.quote == "стороны готовы продолжить консультации" and passive.speaker == ""
    discussed = only(by["discussed"])
    assert discussed.quote == "вопросы торгового сотрудничества" and discussed.speaker == "Стороны"
    concerned = only(by["concerned"])
    assert concerned.cue == "выразил обеспокоенность" and concerned.quote == "ростом цен на топливо"
    assert concerned.speaker == "Президент Заречья"
    denied = only(by["denied"])
    assert denied.quote == "слухи об отставке мэра" and denied.speaker == "Нина Лаврентьева"


def test_a_pronoun_and_об_этом_are_resolved_within_the_article(forms):
    _, by, _ = forms
    pronoun = only(by["pronoun"])
    assert (pronoun.speaker_mention, pronoun.speaker) == ("Она", "Светлана Ракитина")
    about = only(by["about_this"])
    assert about.quote == "Компания не планирует сокращать сотрудников" and about.speaker == "Евгений Корнилов"


def test_sentences_without_a_statement_give_no_row(forms):
    _, by, _ = forms
    assert by["none"].empty and by["ask"].empty and by["name"].empty


def test_speech_acts_come_from_the_lexicon():
    from kit.cues import load_lexicon, load_ru_lexicon
    from kit.quotes_ru import iter_statements_ru

    lex = load_ru_lexicon()
    assert lex.verbs["опровергнуть"] == "denies" and lex.verbs["предупредить"] == "warns"
    assert lex.verb_objects[("выразить", "обеспокоенность")] == "concerned" and lex.belief["считать"] == "believes"
    [rows] = iter_statements_ru([("a", "Гордеев предупредил, что цены на жильё могут вырасти.")], load_lexicon())
    assert [(r["act"], r["quote"]) for r in rows] == [("warns", "цены на жильё могут вырасти")]


def test_transcript_turns_and_first_person_inside_them():
    rows = statements("О.Туманов: Хочу подчеркнуть, что мы открыты для диалога. С.Ракитина: Спасибо. "
                      "Вы говорили о создании рабочей группы.")
    turns = rows[rows["kind"] == "turn"]
    assert turns["speaker_mention"].tolist() == ["О.Туманов", "С.Ракитина"]
    first = only(rows, cue="подчеркнуть")
    assert (first.quote, first.speaker) == ("мы открыты для диалога", "О.Туманов")
    second = only(rows, cue="говорили")
    assert second.speaker == "О.Туманов", "'Вы' is whom the turn's speaker is talking to"


@pytest.mark.parametrize("sentence, quote, speaker_word", [
    # a colon after the cue's adverbials
    ("Туманов написал в своём телеграм-канале: «Мы открыты для диалога».", "Мы открыты для диалога", "Туманов"),
    # passive readout forms: what was noted is the subject; "с … стороны" says by whom
    ("Отмечены рост товарооборота и успешная реализация проектов.",
     "рост товарооборота и успешная реализация проектов", None),
    ("С заречинской стороны выражена поддержка мирному процессу.", "мирному процессу", "стороны"),
    # an infinitive is what was promised
    ("Мэрия пообещала восстановить отопление в течение суток.", "восстановить отопление в течение суток", "Мэрия"),
    # a place or a document as the source of a cue with no subject
    ("В пресс-службе завода заявили, что выбросов не было.", "выбросов не было", "пресс-службе"),
    ("В сообщении министерства говорится, что проверка завершена.", "проверка завершена", "сообщении"),
    # the topic on the addressee; a connective aside is not what was said
    ("Кроме того, Туманов проинформировал коллег о ходе переговоров.", "о ходе переговоров", "Туманов"),
    # a cue only when negated; a possessive in the phrase; what something was called
    ("Глава минфина Олег Лунин не исключил повышения налогов.", "повышения налогов", "Лунин"),
    ("Губернатор назвал ситуацию сложной, но контролируемой.", "ситуацию сложной, но контролируемой", "Губернатор"),
    ("Как пишет «Северный вестник», правительство готовит новый налог.", "правительство готовит новый налог",
     "Северный вестник"),
    # short passive participles the tagger misreads; a position supported (a thing, not a person)
    ("С обеих сторон с удовлетворением констатирован высокий уровень сотрудничества.",
     "высокий уровень сотрудничества", "сторон"),
    ("Президент Заречья поддержал инициативу соседей о снижении пошлин.", "инициативу соседей о снижении пошлин",
     "Президент"),
])
def test_readout_and_news_forms(sentence, quote, speaker_word):
    row = only(statements(sentence), kind="direct" if sentence.rstrip(".").endswith("»") else "indirect")
    assert row.quote == quote
    if speaker_word is None:
        assert not row.speaker_mention
    else:
        assert speaker_word in row.speaker_mention


def test_a_line_of_dialogue_is_a_quotation_in_two_pieces():
    text = "Ракитина вышла к журналистам.\n— Мы будем бороться до конца, — заявила она. — Закон нарушает права граждан."
    row = only(statements(text), kind="direct")
    assert [text[s:e] for s, e in row.quote_spans] == ["Мы будем бороться до конца",
                                                       "Закон нарушает права граждан."]
    assert row.speaker == "Ракитина"


def test_a_verb_set_beside_a_cue_shares_its_speaker():
    rows = statements("Президент Заречья высоко оценил усилия посредников, поблагодарил, в частности, "
                      "за создание условий для переговоров.")
    assert rows["cue"].tolist() == ["оценил", "поблагодарил"]
    assert set(rows["speaker_mention"]) == {"Президент Заречья"}


def test_conjoined_cues_each_report_their_own_clause():
    rows = statements("Ракитина сообщила, что склад закрыт, и добавила, что проверка продолжится.")
    assert rows["quote"].tolist() == ["склад закрыт", "проверка продолжится"]


@pytest.mark.parametrize("sentence", [
    "Туманов отказался назвать сумму сделки.",             # a refusal says nothing
    "Говорят, что зима будет холодной.",                    # people at large
    "Сказать, чем закончится спор, пока трудно.",           # an infinitive nobody speaks
    "Фильм рассказывает о жизни рыбаков.",                  # a story, not a statement
    "Объявлен конкурс на строительство моста.",             # a passive that makes a fact
    "Молодой режиссёр громко заявил о себе на фестивале.",  # a bare pronoun is no topic
    "Рады приветствовать Вас в Лесовске.",                  # a courtesy
    "Новая программа называется «Чистый город».",           # naming is a fact
    "Новый стадион назвали в честь основателя города.",
    "Как в таких случаях говорят, лучше поздно, чем никогда.",  # a circumstance is no place that speaks
])
def test_speech_words_that_make_no_statement(sentence):
    assert statements(sentence).empty


def test_a_statement_document_is_its_authors_turn():
    text = ("Заявление Президента Заречья 3 марта 2025 года 10:00 Мы приняли решение продлить программу "
            "поддержки фермеров. Благодарим всех, кто участвовал в её подготовке. Темы Сельское хозяйство")
    row = only(statements(text), kind="turn")
    assert (row.cue, row.speaker_mention) == ("Заявление", "Президента Заречья")
    assert row.quote.startswith("Мы приняли решение") and row.quote.endswith("в её подготовке.")


# ---------------------------------------------------------------- bad input never crashes

@pytest.mark.parametrize("text", [
    "Oleg Tumanov said: «Переговоры идут трудно», and Светлана added that it was fine.",
    "Oleg Tumanov zayavil, chto «peregovory idut trudno».",
    "Туманов заявил: \"We are ready to talk\", — и добавил, что ответа пока нет.",
    "«»\n\n—\n\n«\n\nЗаявил, что.",
    "Туманов: \n\n   \n«Никакого",
    "Ы" * 5000,
])
def test_bad_input_gives_rows_or_nothing_and_never_raises(text):
    rows = statements(text)
    for row in rows.itertuples():
        assert text[row.quote_start:row.quote_end] == row.quote


def test_a_russian_article_quoting_english_reads_the_quote():
    rows = statements("Туманов заявил: «We are ready to talk to everyone». Он добавил, что ответа пока нет.")
    assert "We are ready to talk to everyone" in rows["quote"].tolist()
    assert set(rows["speaker"]) == {"Туманов"}


def test_mixed_script_names_and_titles_still_give_the_statement():
    rows = statements("Глава фонда Иван Sokolov заявил, что проект «Open City» будет завершён в 2026 году.")
    row = only(rows, kind="indirect")
    assert row.quote == "проект «Open City» будет завершён в 2026 году" and "Sokolov" in row.speaker


def test_an_empty_cyrillic_paragraph_between_two_statements_loses_neither():
    rows = statements("Иван Соколов заявил, что фонд работает.\n\n   \n\n«»\n\n"
                      "Лидия Карпова отметила, что бюджет сбалансирован.")
    assert rows["quote"].tolist() == ["фонд работает", "бюджет сбалансирован"]


def _loaded_note(tmp_path, text: str) -> pd.Series:
    from kit.articles import load_articles

    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    return load_articles([tmp_path]).articles.iloc[0]


def test_latin_letter_russian_is_loaded_with_a_clear_note(tmp_path):
    article = _loaded_note(tmp_path, "Ivan Sokolov zayavil, chto fond ne poluchal deneg. "
                                     "«My ne vidim osnovaniy», — skazal on.")
    assert article["language"] == "und"
    assert "language undetermined (Latin letters that do not read as English" in article["note"]
    statements(article["text"])  # read as English: no crash


def test_ukrainian_text_gives_its_quotation_and_a_clear_note(tmp_path):
    text = "«Ми не бачимо підстав для перегляду тарифів», — заявив журналістам голова фонду Іван Соколов."
    article = _loaded_note(tmp_path, text)
    assert article["language"] == "uk" and "Ukrainian: read with the Russian models" in article["note"]
    assert "Ми не бачимо підстав для перегляду тарифів" in statements(text)["quote"].tolist()


# ---------------------------------------------------------------- speakers and dates

def test_registry_names_match_in_every_case():
    from kit.registry import load_registry

    registry = load_registry([SAMPLE_ACTORS])
    when = pd.Timestamp("2026-01-15", tz="UTC")
    for name in ["Варнавин", "Варнавина", "Варнавину", "Варнавиным", "О.Варнавин", "Олегом Варнавиным"]:
        assert registry.match(name, when).actor["name"] == "Oleg Varnavin", name
    assert fold_case_endings("Захаровой") == fold_case_endings("Захарова") == "захаров"


def test_kremlin_titles_name_the_president_on_that_date():
    from kit.registry import load_registry

    registry = load_registry()
    when = pd.Timestamp("2025-03-01", tz="UTC")
    for title in ["Президент", "Глава государства", "главы государства", "Президент Российской Федерации"]:
        assert registry.match(title, when, "Kremlin (kremlin.ru, Russian)").actor["name"] == "Vladimir Putin", title
    assert registry.match("Глава государства", when, "Тестовый вестник").actor is None


@pytest.mark.parametrize("sentence, said_on, precision", [
    ("Туманов заявил в пятницу, что контактов не было.", "2026-01-16", "day"),
    ("Вчера Туманов подчеркнул, что всё готово.", "2026-01-17", "day"),
    ("Накануне Ракитина сказала, что встреча возможна.", "2026-01-17", "day"),
    ("14 января 2026 года Туманов сказал, что визит отложен.", "2026-01-14", "day"),
    ("На прошлой неделе министр заявил, что бюджет пересмотрят.", "2026-01-05", "week"),
    ("В декабре Туманов отметил, что переговоры идут.", "2025-12-01", "month"),
    ("Туманов заявил, что встреча пройдёт в пятницу.", "2026-01-18", "article"),
])
def test_russian_time_words_count_back_from_publication(sentence, said_on, precision):
    from kit.when import statement_dates

    articles = pd.DataFrame({"article_id": ["t0"], "text": [sentence],
                             "published": [pd.Timestamp("2026-01-18 10:00", tz="UTC")]})  # a Sunday
    rows = extract_quotes(articles[["article_id", "text"]])
    dated = statement_dates(rows, articles).iloc[0]
    assert (dated["said_on"].strftime("%Y-%m-%d"), dated["said_on_precision"]) == (said_on, precision)


# ---------------------------------------------------------------- one table for a mixed folder

def test_a_mixed_folder_gives_one_table_in_article_order():
    from kit.articles import load_articles

    articles = load_articles(MIXED).articles
    rows = extract_quotes(articles)
    assert list(dict.fromkeys(rows["article_id"])) == articles["article_id"].tolist()
    english = extract_quotes(articles[articles["language"] == "en"])
    pd.testing.assert_frame_equal(rows[rows["article_id"].isin(english["article_id"])].reset_index(drop=True),
                                  english)
    russian = rows[~rows["article_id"].isin(english["article_id"])]
    assert "Никакого документа мы не видели" in russian["quote"].tolist()


def test_a_report_on_a_mixed_folder_shows_russian_text_as_it_is(tmp_path):
    from kit.report import run_report

    result = run_report([MIXED], title="Mixed test", output_root=tmp_path / "reports",
                        parameters={"actors_files": [str(SAMPLE_ACTORS)], "cache_dir": str(tmp_path / "cache")})
    table = pd.read_csv(result.run_dir / "tables" / "who_said_what.csv")
    assert set(table["source"]) == {"Тестовый вестник (fictional)", "The Test Gazette (fictional)"}
    varnavin = table[table["actor"] == "Oleg Varnavin"]
    assert "Никакого документа мы не видели" in varnavin["quote"].tolist()
    assert set(varnavin["camp"]) == {"Kremlin"}
    assert "Никакого документа мы не видели" in (result.run_dir / "report.html").read_text(encoding="utf-8")


# ---------------------------------------------------------------- the Kremlin's Russian texts

def test_kremlin_russian_texts_give_reported_speech_not_only_turns():
    path = shared_path("corpus", "kremlin_ru_2025.jsonl")
    with open(path, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh][:12]
    articles = pd.DataFrame({"article_id": [r["id"] for r in rows], "text": [r["text"] for r in rows]})
    found = extract_quotes(articles)
    assert (found["kind"] != "turn").mean() >= 0.3
    for row in found.itertuples():
        text = rows[[r["id"] for r in rows].index(row.article_id)]["text"]
        assert text[row.quote_start:row.quote_end] == row.quote


def test_a_headline_the_text_repeats_at_its_start_is_a_paragraph_of_its_own():
    """Every Kremlin text in Russian opens with its headline and runs on into the lead on one line:
    the headline is no part of the first sentence, and a short turn of the transcript that follows
    ("О.Туманов: Спасибо, Владимир Владимирович.") is a turn, not a title-case heading (FICTIONAL)."""
    title = "Совещание с членами Правительства Ладоги"
    text = (title + " Владимир Путин провёл совещание с членами Правительства. 3 марта 2025 года 12:00 Москва, "
            "Кремль В.Путин: Добрый день, уважаемые коллеги! Начнём с вопроса о паводках. О.Туманов: Спасибо, "
            "Владимир Владимирович. В.Путин: Пожалуйста, Олег Петрович.")
    turns = statements(text, title=[title]).query("kind == 'turn'")
    assert turns["quote"].tolist() == ["Добрый день, уважаемые коллеги! Начнём с вопроса о паводках.",
                                       "Спасибо, Владимир Владимирович.", "Пожалуйста, Олег Петрович."]


def test_the_headline_of_a_kremlin_text_is_not_in_its_first_statement():
    path = shared_path("corpus", "kremlin_ru_2025.jsonl")
    with open(path, encoding="utf-8") as fh:
        rec = next(r for r in map(json.loads, fh) if "годовщиной интронизации" in r["text"][:300])
    found = statements(rec["text"], title=[rec["title"]])
    greeting = found[found["cue"] == "поздравил"].iloc[0]
    assert greeting["quote"].startswith("предстоятеля Русской православной церкви")


# ---------------------------------------------------------------- statements that name nobody

READOUT_OPENING = ("Телефонный разговор с Президентом Финляндии Арвидом Колоссом. Состоялся телефонный разговор "
                   "Владимира Путина с Президентом Финляндии Арвидом Колоссом. 3 марта 2025 года 12:00 ")


def test_a_readouts_sides_are_named_once_whatever_their_case():
    resolver = RuResolver("Встреча Владимира Путина с Арвидом Колоссом. 3 марта 2025 года 12:00 Текст.",
                          [(7, 23, "Владимир Путин", "m"), (26, 40, "Арвидом Колоссом", "m"),
                           (26, 40, "Арвид Колосс", "m")], [], load_ru_lexicon())
    sides = resolver.unnamed_sides(60).split("; ")
    assert len(sides) == 2 and sides[0] == "Владимир Путин" and "Колосс" in sides[1]


def test_a_readouts_passive_is_its_subjects():
    rows = statements(READOUT_OPENING + "Владимир Путин подчеркнул, что Россия открыта для диалога. "
                      "Было отмечено, что торговля между странами растёт.")
    assert only(rows, cue="отмечено").speaker == "Владимир Путин"


def test_a_joint_readouts_passive_is_both_sides():
    rows = statements(READOUT_OPENING + "Выражено удовлетворение высоким уровнем двусторонней торговли.")
    row = only(rows, kind="indirect")
    assert set(row.speaker.split("; ")) == {"Владимир Путин", "Арвид Колосс"}


def test_inside_a_turn_a_passive_or_a_saying_is_no_statement_of_its_own():
    rows = statements("И.Петренко: Как уже было сказано, мы строим новые дороги. Как говорят, лучше поздно, "
                      "чем никогда. Благодарю Вас за поддержку нашего региона.")
    assert rows["cue"].tolist() == [":", "Благодарю"], "'было сказано' and 'говорят' report nobody's words"
    assert (rows["speaker"] == "И.Петренко").all(), "a first-person cue in a turn is the turn's speaker's"


def test_a_circumstance_is_not_a_place_that_speaks():
    row = only(statements("В этой связи в мэрии Лесовска отметили, что проверка завершена."), kind="indirect")
    assert "связи" not in row.speaker_mention


def test_a_joint_subject_in_a_readout_is_both_sides():
    rows = statements(READOUT_OPENING + "Лидеры подчеркнули, что контакты будут продолжены.")
    row = only(rows, cue="подчеркнули")
    assert set(row.speaker.split("; ")) == {"Владимир Путин", "Арвид Колосс"}


# ---------------------------------------------------------------- speech that was not made

@pytest.mark.parametrize("text", [
    "Представитель компании «Заречье-Транс» не сказал, когда возобновятся поставки.",
    "Никто из чиновников Лесовска не подтвердил эту информацию.",
    "Если министр Олег Туманов скажет, что денег нет, проект закроют.",
    "Чиновник мог бы заявить о нарушениях, но промолчал.",
    "Судья Светлана Ракитина, по всей видимости, объявит решение завтра.",
    "Мэр Лесовска, как ожидается, выступит с заявлением в понедельник.",
])
def test_negated_conditional_or_future_speech_is_no_statement(text):
    assert statements(text).empty


@pytest.mark.parametrize("text, cue", [
    ("И.Петренко: Спасибо за приглашение. Не могу не отметить, что дороги в Заречье стали лучше.", "отметить"),
    ("Губернатор Олег Туманов не мог не отметить, что дороги в Заречье стали лучше.", "отметить"),
    ("Олег Туманов не исключил, что тарифы вырастут.", "исключил"),
    ("И.Петренко: Спасибо за приглашение. Скажу прямо: дорог в Заречье не хватает.", "Скажу"),
])
def test_double_negation_a_listed_negation_and_the_speakers_own_future_are_said(text, cue):
    assert len(statements(text).query("cue == @cue")) == 1


@pytest.mark.parametrize("text", [
    "Ситуация в Заречье совсем другая и требует особого внимания.",
    "Вопросы сложные. Они непростые и требуют внимания со стороны правительства.",
    "Названия новых программ говорят сами за себя.",
])
def test_a_thing_that_requires_or_shows_is_not_a_speaker(text):
    assert statements(text).empty


def test_a_body_that_speaks_still_demands():
    row = only(statements("Министерство финансов Заречья потребовало, чтобы банки раскрыли отчётность."),
               kind="indirect")
    assert "Министерство" in row.speaker


# ---------------------------------------------------------------- transcript labels

@pytest.mark.parametrize("text, speaker", [
    ("Прошу Вас. И.Ветров Ветров Иван Петрович генеральный директор госкорпорации «Заречье-Атом» : "
     "Уважаемый Владимир Владимирович! Работа идёт по плану.", "И.Ветров"),
    ("Прошу Вас. П.Ракитин Ракитин Павел Ильич генеральный директор АО «ДОМ.ЗР» : Компания работает.", "П.Ракитин"),
    ("Добро пожаловать! Хамад Бен Али Аль Зари Аль Зари Хамад Бен Али Эмир Государства Зарея (как переведено) : "
     "Большое спасибо, господин Президент.", "Хамад Бен Али Аль Зари"),
])
def test_a_label_with_a_tooltip_an_office_in_quotes_or_a_two_word_surname_is_a_turn(text, speaker):
    assert only(statements(text), kind="turn").speaker == speaker


def test_a_person_known_by_one_name_keeps_the_office_the_label_gives():
    rows = statements("Спасибо. Митрополит Феодосий Феодосий Митрополит Заречный : Благодарю Вас. "
                      "Хочу сказать, что храм восстановлен.")
    assert set(rows["speaker"]) == {"Митрополит Феодосий"}


# ---------------------------------------------------------------- "они", and words that are no subject

@pytest.mark.parametrize("text, speaker", [
    ("Жители Заречья вышли на площадь. Они потребовали, чтобы мэр ушёл в отставку.", "Жители Заречья"),
    ("Олег Туманов и Светлана Ракитина приехали в Лесовск. Они заявили, что завод откроется.",
     "Олег Туманов; Светлана Ракитина"),
])
def test_they_are_the_people_the_paragraph_named_before(text, speaker):
    assert only(statements(text), kind="indirect").speaker == speaker


def test_they_standing_for_things_say_nothing():
    assert statements("Локомотивом стали обрабатывающие производства Заречья: они добавили 8,5 процента.").empty


def test_an_adjective_before_a_first_person_verb_is_not_its_subject():
    row = only(statements("И.Петренко: Спасибо. Единственное могу сказать, что позиция у нас единая."), kind="indirect")
    assert row.speaker == "И.Петренко"


def test_a_bare_office_is_the_person_the_text_introduced_with_it():
    rows = statements("Владимир Путин провёл встречу с губернатором Заречной области Игорем Ветровым. "
                      "Губернатор рассказал, что дороги отремонтированы.")
    assert only(rows, cue="рассказал").speaker == "Игорь Ветров"
    alone = statements("Губернатор рассказал, что дороги отремонтированы.")
    assert only(alone, cue="рассказал").speaker == "Губернатор"  # nobody introduced: left as written


@pytest.mark.parametrize("text, speaker", [
    ("В.Путин: Марат Шакирзянович, пожалуйста. М.Зарецкий Зарецкий Марат Шакирзянович Заместитель Председателя Правительства : "
     "Дома построены. В.Путин: Как сказал Марат Шакирзянович, дома построены вовремя.", "Марат Зарецкий"),
    ("Вице-премьер Олег Петрович Зарецкий приехал в Лесовск. Как сказал Олег Петрович, мост откроют летом.",
     "Олег Зарецкий"),
])
def test_a_first_name_and_patronymic_is_the_person_the_text_names_in_full(text, speaker):
    assert only(statements(text), cue="сказал").speaker == speaker


def test_a_first_name_and_patronymic_is_the_label_the_speaker_addressed_just_before():
    rows = statements("В.Путин: Пожалуйста, Ирина Михайловна. И.Ветрова: Спасибо. Дороги построены. "
                      "В.Путин: Ирина Михайловна сказала, что дороги построены.")
    assert only(rows, cue="сказала").speaker == "И.Ветрова"


def test_an_unnamed_label_after_the_pages_time_and_place_is_a_turn():
    rows = statements("Ответы на вопросы СМИ. 19 февраля 2025 года 17:05 Заречье Вопрос: Агентство «Заречье-Пресс». "
                      "Я уверен, Вам доложили уже. Как Вы их оцениваете? В.Путин: Доложили.")
    assert rows["speaker"].tolist() == ["Вопрос", "Вопрос", "В.Путин"]


def test_a_labels_tooltip_and_note_are_never_what_was_said():
    rows = statements("Добро пожаловать! Д.Зарецкий-Нгоро Зарецкий-Нгоро Дени Президент Республики Зарея "
                      "(как переведено) : Благодарю Вас за приглашение. Я хотел бы подчеркнуть, что мы друзья.")
    assert (rows["quote_start"] >= rows.loc[rows["kind"] == "turn", "quote_start"].iloc[0]).all()
    assert set(rows["speaker"]) == {"Д.Зарецкий-Нгоро"}


def test_a_verb_the_parser_took_for_a_subject_is_nobody():
    row = only(statements("И.Петренко: Спасибо. Хотел Вас поблагодарить за поддержку этих проектов, они очень важны "
                          "для наших жителей."), cue="поблагодарить")
    assert row.speaker == "И.Петренко"


def test_an_office_opening_a_readout_is_the_person_its_title_names():
    rows = statements("Встреча с губернатором Заречной области Игорем Ветровым Губернатор доложил Президенту о "
                      "результатах развития области.")
    assert only(rows, cue="доложил").speaker == "Игорь Ветров"


def test_a_time_is_not_a_place_that_speaks():
    row = only(statements("В прошлом году в мэрии Лесовска заявили, что мост откроют."), kind="indirect")
    assert row.speaker_mention == "в мэрии Лесовска"


def test_a_negated_agreement_is_a_rejection():
    row = only(statements("Министр Олег Туманов не согласился с критикой депутатов."), kind="indirect")
    assert (row.speaker, row.act) == ("Олег Туманов", "rejects")


def test_a_first_person_verb_is_the_speakers_own_not_the_subject_of_the_clause_before():
    """'Работа ведётся, но прошу её не затягивать': «прошу» has its own unspoken «я», the turn's
    speaker, and never borrows the subject of the verb it is conjoined to (a thing here)."""
    rows = statements("И.Петров: Коллеги, план по дорогам готов. Работа над соответствующим законопроектом "
                      "ведётся, но прошу её не затягивать. Спасибо.")
    row = only(rows, cue="прошу")
    assert row.speaker == "И.Петров" and row.quote == "её не затягивать"


# ---------------------------------------------------------------- no statement: word senses, generic speech, questions

@pytest.mark.parametrize("text", [
    "Компания «Заречный хлеб» добавила в меню три новых блюда.",
    "В список льготников добавлены ещё пять районов Заречной области.",
    "И.Петров: Сначала нужен общий стандарт. А потом к этому стандарту можно уже ещё что-то там добавлять, то, что "
    "коллеги в районах посчитают важным.",
])
def test_adding_things_is_not_speech(text):
    """'добавить' adds things when it has a thing for its object, and a что-clause on «то» is that
    thing, not what was said; the turn's own row stays."""
    assert statements(text).query("kind != 'turn'").empty


def test_adding_with_a_clause_or_a_quotation_is_speech():
    rows = statements("Мэр Олег Рыбин добавил, что школу откроют в декабре.", "«Это ошибка», — добавил Олег Рыбин.")
    assert set(rows["quote"]) == {"школу откроют в декабре", "Это ошибка"}


@pytest.mark.parametrize("text", [
    "И.Петров: Невозможно говорить о рождаемости, если у семей нет жилья.",
    "И.Петров: Трудно сказать, когда закончится ремонт.",
    "И.Петров: Рано говорить о победе над инфляцией.",
    "Невозможно говорить о росте экономики, пока не снижена инфляция.",
    "Нельзя сказать, что ситуация в Заречье улучшилась.",
])
def test_a_generic_infinitive_under_a_denying_predicative_is_no_statement(text):
    assert statements(text).query("kind != 'turn'").empty


def test_a_doubly_negated_or_required_infinitive_in_a_turn_is_the_speakers():
    rows = statements("И.Петров: Нельзя не сказать, что рост есть. Нужно отметить, что цены стабильны.")
    said = rows.query("kind != 'turn'")
    assert set(said["quote"]) == {"рост есть", "цены стабильны"} and set(said["speaker"]) == {"И.Петров"}


@pytest.mark.parametrize("text", [
    "Как говорят в народе, семь раз отмерь — один раз отрежь.",
    "И.Петров: Каждая эпоха оставляет что-то своё, и, как в народе говорят, «хрущобы» тоже.",
])
def test_people_at_large_are_nobodys_speaker(text):
    """'как в народе говорят': «в народе» is people at large, not a place whose people spoke."""
    assert statements(text).query("kind != 'turn'").empty


def test_a_place_that_speaks_is_still_its_people():
    row = only(statements("Как пояснили в пресс-службе областного суда, заседание пройдёт в закрытом режиме."),
               kind="indirect")
    assert row.speaker_mention == "в пресс-службе областного суда"


@pytest.mark.parametrize("text", [
    "Кто сказал, что школу в Заречье закроют?",
    "Она не стала уточнять, о какой сумме идёт речь.",
    "И.Петров: Вы скажете, что это дорого. Но это необходимо.",
])
def test_questions_declined_and_anticipated_speech_are_no_statement(text):
    """An interrogative «кто» names nobody; 'не стала уточнять' declines; 'Вы скажете' in the future
    is the speaker's guess at an objection, as 'Министр скажет' is someone else's future."""
    assert statements(text).query("kind != 'turn'").empty


def test_a_question_put_in_quotation_marks_is_a_statement():
    row = only(statements("«Кто будет за это отвечать?» — спросил депутат Аркадий Фомичёв."), kind="direct")
    assert (row.quote, row.speaker) == ("Кто будет за это отвечать?", "Аркадий Фомичёв")


def test_an_impersonal_cue_after_its_content_names_the_document():
    row = only(statements("Сообщение о взрыве не подтвердилось, говорится в заявлении пресс-службы аэропорта."),
               kind="indirect")
    assert row.quote == "Сообщение о взрыве не подтвердилось" and "пресс-службы аэропорта" in row.speaker


def test_они_at_the_start_of_a_paragraph_are_the_people_the_paragraph_before_named():
    rows = statements("Спасатели Тимофей Грачёв и Ирина Маслова первыми прибыли на место.\n\n"
                      "Они рассказали, что огонь распространялся очень быстро.")
    assert only(rows, kind="indirect").speaker == "Тимофей Грачёв; Ирина Маслова"


@pytest.mark.parametrize("speaker, camp", [
    ("С российской стороны", "kremlin"),
    ("российская делегация", "kremlin"),
    ("Росстата", "kremlin"),
    ("Минфин", "kremlin"),
    ("Банк России", "kremlin"),
    ("Министерство промышленности Республики Беларусь", "other"),
    ("С украинской стороны", "ukraine"),
    # more federal services, the Government, offices given without a name, the state corporations
    ("по данным Рособрнадзора".split(" ", 2)[-1], "kremlin"),
    ("Роспотребнадзор и Росприроднадзор", "kremlin"),
    ("Правительство", "kremlin"),
    ("Правительство Индии", "other"),
    ("начальник Генштаба", "kremlin"),
    ("командующий группировкой «Север»", "kremlin"),
    ("Глава региона", "kremlin"),
    ("министр обороны США", "other"),
    ("Госкорпорация «Ростех»", "kremlin"),
    ("Ростов", "other"),
])
def test_the_russian_side_and_russian_federal_bodies_written_in_russian_are_the_kremlins(speaker, camp):
    from kit.registry import load_registry

    found = load_registry().match(speaker, pd.Timestamp("2025-03-01T12:00Z"))
    assert (found.actor, found.camp) == (None, camp)


def test_a_compound_future_of_someone_else_is_unsaid_and_ones_own_is_said():
    rows = statements("И.Петров: Министр будет говорить, что денег нет. Институт в этом году будет отмечать "
                      "юбилей. Я буду говорить прямо: денег нет.").query("kind != 'turn'")
    assert rows[["quote", "speaker_mention"]].values.tolist() == [["денег нет", "Я"]]


@pytest.mark.parametrize("text", [
    "И.Петров: Мы понимаем преимущества наших так называемых западных партнёров: технологии, капитал.",
    "И.Петров: Мы создали схему, называется «зелёный коридор».",
])
def test_a_name_given_is_not_speech(text):
    assert statements(text).query("kind != 'turn'").empty


# ---------------------------------------------------------------- issue 16, the agency dev set round

@pytest.mark.parametrize("text", [
    "Губернатор Антон Сизов подписал Указ «О порядке выплат семьям участников ликвидации паводка в Заречье».",
    "В Лесогорске открылся международный форум «Север – территория диалога и сотрудничества».",
    "Зрители посмотрели отрывок из кинофильма «Никто не уходит с поста до рассвета».",
    "Команда разработала положение о фестивале, назвав его «Папа, я жду тебя дома».",
    "Лётчики назвали свою эскадрилью – «Северный ветер над Лесогорском».",
])
def test_a_title_after_a_title_noun_or_a_naming_verb_is_no_quotation(text):
    """A capitalised quotation a title noun or a naming verb introduces is a name, however long."""
    assert statements(text).empty


def test_a_lower_case_name_given_to_a_thing_is_still_a_statement():
    row = only(statements("Депутат Тамара Ильина назвала законопроект «сырым и непродуманным»."), cue="назвала")
    assert row.speaker == "Тамара Ильина"


@pytest.mark.parametrize("text", [
    "Напомним, что выборы губернатора Заречья пройдут в сентябре.",
    "Отметим, что мост через Лесовку строится уже пятый год.",
])
def test_the_writers_aside_is_no_ones_statement(text):
    assert statements(text).empty


def test_a_first_person_aside_in_a_turn_is_the_speakers():
    row = only(statements("И.Петров: Добрый день. Напомню, что выборы пройдут в сентябре."), kind="indirect")
    assert row.speaker == "И.Петров"


@pytest.mark.parametrize("text, speaker, quote", [
    ("Глава делегации Марат Ибрагимов покинул зал. Он выразил сожаление, что переговоры не принесли результата.",
     "Марат Ибрагимов", "переговоры не принесли результата"),
    ("Источник агентства в силовых структурах подтвердил, что задержанный дал показания.",
     "Источник агентства в силовых структурах", "задержанный дал показания"),
])
def test_regret_and_an_unnamed_source_make_statements(text, speaker, quote):
    row = only(statements(text), kind="indirect")
    assert (row.speaker, row.quote) == (speaker, quote)


def test_an_athlete_entered_for_a_race_said_nothing():
    assert statements("Лыжник Антон Быков заявлен на участие в трёх гонках.").empty


def test_a_relative_clause_taking_the_thing_reports_nothing():
    """'проект …, который Вы тогда тоже поддержали' describes the project; nobody states anything."""
    rows = statements("И.Петров: Добрый день. Очень хорошо развивается наш проект «Северный технопарк», "
                      "который Вы тогда тоже поддержали. Там работает университет.")
    assert rows.query("kind != 'turn'").empty


def test_a_name_given_with_no_complement_takes_no_clause_beside_it():
    rows = statements("И.Петров: Это подшефные территории, Лесовск – 175 объектов, Северск – это Ленинградский "
                      "квартал, в Северске уже его назвали.")
    assert rows.query("kind != 'turn'").empty


def test_thanks_under_a_modal_verb_keep_what_for():
    row = only(statements("И.Петров: Добрый день. Хочу поблагодарить российских прокуроров за профессионализм и "
                          "ответственность, за такой подход к своим обязанностям."), kind="indirect")
    assert row.quote.startswith("российских прокуроров") and row.quote.endswith("за такой подход к своим обязанностям")
    assert row.speaker == "И.Петров"


@pytest.mark.parametrize("text, mention", [
    # a genitive and a dative are no subject: the place, and the nominative after the cue, speak
    ("Пострадавших нет, отметили в пресс-службе ГУ МЧС по Северной области.",
     "в пресс-службе ГУ МЧС по Северной области"),
    ("Как заявил «Вестнику Заречья» депутат облдумы Сергей Колосов, законопроект внесут в марте.",
     "депутат облдумы Сергей Колосов"),
])
def test_a_subject_is_a_nominative(text, mention):
    assert only(statements(text), kind="indirect").speaker_mention == mention


def test_a_verb_and_a_subject_that_disagree_in_number_are_a_misparse():
    """'Енакиево … его назвали': a plural verb has no singular subject; with none, nobody named it."""
    rows = statements("Глава района Олег Туманов рассказал о стройке. Лесовск – 175 объектов, в Северске уже "
                      "его назвали кварталом мастеров.")
    assert not (rows["speaker_mention"] == "Лесовск").any()


def test_an_aside_that_relays_another_cue_gives_only_the_inner_statement():
    row = only(statements("Как передает корреспондент агентства, глава района Сергей Мальцев заявил, что дорогу "
                          "откроют к пятнице."), kind="indirect")
    assert (row.speaker, row.quote) == ("Сергей Мальцев", "дорогу откроют к пятнице")


@pytest.mark.parametrize("text, quote, mention", [
    ("Как передает корреспондент «Вестника Заречья», к зданию суда пришли около двухсот человек.",
     "к зданию суда пришли около двухсот человек", "корреспондент «Вестника Заречья»"),
    ("Согласно заявлению министерства, выплаты начнутся в апреле.", "выплаты начнутся в апреле", "министерства"),
    ("Как следует из сообщения пресс-службы суда, заседание перенесено на 12 марта.",
     "заседание перенесено на 12 марта", "пресс-службы суда"),
    ("Ремонт путепровода начнётся в мае. Об этом говорится в сообщении пресс-службы городской администрации.",
     "Ремонт путепровода начнётся в мае", "в сообщении пресс-службы городской администрации"),
    ("Ранее сообщалось о закрытии двух поликлиник в Лесовске.", "о закрытии двух поликлиник в Лесовске", ""),
    ("Президент Заречья Арсений Волков высказался в поддержку действий законно избранных властей.",
     "в поддержку действий законно избранных властей", "Президент Заречья Арсений Волков"),
])
def test_news_agency_forms(text, quote, mention):
    row = only(statements(text), kind="indirect")
    assert (row.quote, row.speaker_mention.strip()) == (quote, mention)


@pytest.mark.parametrize("text", [
    "Став депутатом, он сразу на всю страну заявил о себе как о блестящем ораторе.",  # a comparison, no topic
    "И.Петров: Инициативное бюджетирование – штука состоявшаяся, как мы на канцелярском языке называем.",
])
def test_no_statement_and_no_place_that_speaks(text):
    assert statements(text).query("kind != 'turn'").empty


def test_a_month_is_no_place_that_speaks():
    rows = statements("Пока я его ждала, в 2023 году в июне мне предложили работу в фонде «Защитники».")
    assert not rows["speaker_mention"].str.contains("июне").any()


def test_someone_elses_duty_to_speak_is_no_statement_and_ones_own_is():
    rows = statements("Страховые организации обязаны информировать застрахованных о диспансеризации.",
                      "Университеты должны, так сказать, в пакете предлагать обучение специалистов.",
                      "И.Петров: Добрый день. Должен сказать, что работа идёт. Мы должны сказать прямо: денег нет.")
    said = rows.query("kind != 'turn'")
    assert said[["quote", "speaker"]].values.tolist() == [["работа идёт", "И.Петров"], ["денег нет", "И.Петров"]]


@pytest.mark.parametrize("text", [
    "Кстати говоря, отопление в Лесовске дали вовремя.",  # set phrases comment on one's own words
    "Честно говоря, мы ждали большего от этого сезона.",
    "Министр передал здания бывшего завода городу.",  # things handed over
    "В качестве жеста доброй воли будут переданы 23 раненых.",
    # a thing a relative clause describes shows, it does not speak
    "Каждое село получило грант на восстановление объектов, которые напоминают о нашей Победе.",
    "Рассекречено огромное количество документов, которые подтверждают чудовищный характер войны.",
    # an infinitive a noun takes names what is needed or possible, nobody's words
    "Озабоченность фермеров вызывает необходимость ежегодно подтверждать, причём в фиксированные сроки.",
    "У жителей Лесовска есть возможность сказать своё слово на выборах.",
    "У нас будет возможность поговорить и о состоянии отношений, и обсудить наше взаимодействие в ООН.",
])
def test_set_phrases_things_handed_over_and_things_described_are_no_statement(text):
    assert statements(text).empty


def test_a_relay_verb_with_a_clause_is_a_cue():
    row = only(statements("Директор завода Игорь Лапин просил передать, что будет рад гостям."), kind="indirect")
    assert row.quote == "будет рад гостям"


@pytest.mark.parametrize("text, mention", [
    ("Большинство опрошенных жителей считают, что автобусы ходят слишком редко.", "Большинство опрошенных жителей"),
    ("Минтранс вместе с мэрией Лесовска поддержали проект новой развязки.", "Минтранс вместе с мэрией Лесовска"),
])
def test_a_quantity_or_a_comitative_subject_takes_a_plural_verb(text, mention):
    assert only(statements(text), kind="indirect").speaker_mention.startswith(mention.split()[0])


def test_a_bare_glava_is_an_office_not_a_name():
    rows = statements("Поздравление мэру Лесовска Глава республики поздравил мэра Лесовска с юбилеем города. "
                      "20 апреля 2025 года 09:05 В поздравлении, в частности, говорится: «Город по праву гордится "
                      "своей историей»." )
    assert set(rows["speaker"]) == {"Глава республики"}


# ---------------------------------------------------------------- the round of the sixth dev set

@pytest.mark.parametrize("text, quote, mention", [
    # a source that learned it, opened by "как"
    ("Как стало известно газете «Лесовские вести», директор порта Игорь Сафонов уволен.",
     "директор порта Игорь Сафонов уволен", "газете «Лесовские вести»"),
    ("Со слов соседей, пожар начался на кухне.", "пожар начался на кухне", "соседей"),
    # a reflexive passive opening an aside names its document
    ("Как отмечается в отчёте счётной палаты района, треть субсидий не выплачена.",
     "треть субсидий не выплачена", "в отчёте счётной палаты района"),
    # a dash after the cue opens what was said
    ("Глава управления Вера Лыкова сказала прямо — выплат в этом году не будет.",
     "выплат в этом году не будет", "Глава управления Вера Лыкова"),
    # a feminine verb and a masculine office: the aside is the speaker's own, "передано" hands a thing over
    ("Как сообщила ТАСС представитель полиции Ольга Дронова, материалы проверки переданы в суд.",
     "материалы проверки переданы в суд", "представитель полиции Ольга Дронова"),
])
def test_sources_learned_from_documents_dashes_and_relayed_asides(text, quote, mention):
    row = only(statements(text), kind="indirect")
    assert (row.quote, row.speaker_mention.strip()) == (quote, mention)


def test_a_statement_noun_with_o_tom_chto_names_its_speaker_and_content():
    row = only(statements("Заявление мэра Лесовска Олега Дымова о том, что мост откроют в мае, удивило горожан."),
               kind="indirect")
    assert (row.quote, row.speaker, row.cue) == ("мост откроют в мае", "Олег Дымов", "Заявление")
    assert statements("Заявление мэра было опубликовано в пятницу.").empty  # nothing said, nobody named


def test_the_person_quoted_is_the_speaker_not_the_outlet_that_quotes():
    row = only(statements("«Денег на ремонт нет», — цитирует газета главу посёлка Ивана Костина."), kind="direct")
    assert row.speaker_mention == "главу посёлка Ивана Костина"


def test_a_source_after_its_clause_vouches_for_that_clause_only():
    row = only(statements("В прошлом году в районе открылось пять школ, по данным управления образования, "
                          "а закрылись две."), kind="indirect")
    assert row.quote == "В прошлом году в районе открылось пять школ"


def test_what_an_agreement_reports_runs_to_the_end_of_its_clause():
    text = ("Заречье и Лесовия согласились провести консультации о порядке транзита грузов по железной "
            "дороге до конца года, начиная с 1 марта.")
    row = only(statements(text), kind="indirect")
    assert row.quote == text[text.index("провести"):-1]


@pytest.mark.parametrize("text", [
    "Журналист поинтересовался, во сколько обошлась реконструкция.",  # a reported question asserts nothing
    "Корреспондент спросил, будет ли продлён контракт.",
    "Мэр собирается рассказать о новых тарифах в понедельник.",  # speech intended, not made
    "Люди говорят, что вода в реке стала чище.",  # people at large or someone hypothetical
    "Многие скажут, что это слишком дорого.",
    "Кто-то сказал, что концерт отменят.",
    "Как говорится, на вкус и цвет товарищей нет.",  # a saying
    "Писатель, призывавший читателей к милосердию, родился в Лесовске.",  # a participle describes
    "Я округлил, десять тысяч добавил.",  # a number added
])
def test_questions_intentions_sayings_and_people_at_large_are_no_statement(text):
    assert statements(text).empty


def test_a_quoted_question_and_a_described_group_still_speak():
    rows = statements("«Когда откроют мост?» — спросил журналист.", "Многие жители говорят, что вода стала чище.",
                      "Как говорится в отчёте, вода стала чище.")
    assert rows["speaker_mention"].str.strip().tolist() == ["журналист", "Многие жители", "в отчёте"]


def test_an_organisation_keeps_its_name_in_quotation_marks():
    row = only(statements("Компания «Лесовский хлеб» опровергла слухи о закрытии пекарни."), kind="indirect")
    assert row.speaker_mention == "Компания «Лесовский хлеб»"


def test_a_compound_preposition_is_no_place_that_speaks():
    rows = statements("И.Петров: В рамках форума обсуждали разные темы. Коллеги, спасибо.").query("kind != 'turn'")
    assert rows["speaker"].tolist() == ["И.Петров"] and "рамках" not in rows.iloc[0].speaker_mention


def test_a_dash_in_speech_is_an_aside_unless_it_follows_a_named_speakers_cue():
    rows = statements("И.Петров: Прежде всего я хочу поздравить – здесь присутствуют лауреаты премий.",
                      "И.Петров: Мы по всем направлениям – я сейчас коротко скажу – открываем новые школы.",
                      "Мэр Лесовска Олег Дымов ответил — денег нет.")
    said = rows.query("kind == 'indirect'")
    assert said[["quote", "speaker"]].values.tolist()[-1] == ["денег нет", "Олег Дымов"]
    assert not said["quote"].str.contains("здесь присутствуют|открываем новые школы").any()


def test_marks_whose_partner_is_outside_the_mention_are_left_out():
    row = only(statements("АО «Почта России» предлагает снизить тарифы на доставку газет."), kind="indirect")
    assert row.speaker_mention.count("«") == row.speaker_mention.count("»")


def test_a_capitalised_office_natasha_takes_for_a_name_is_left_to_the_titles():
    rows = statements("Поздравление мэру Лесовска Глава государства поздравил мэра Лесовска с юбилеем города. "
                      "20 апреля 2025 года 09:05 В поздравлении говорится: «Город гордится своей историей».")
    assert "Глава государства" in set(rows["speaker"])


def test_a_subject_after_an_aside_belongs_to_the_clause_not_the_aside():
    row = only(statements("И.Петров: Добрый день. Как я уже отметил, это в основном иностранные акционеры."),
               kind="indirect")
    assert row.speaker == "И.Петров"


def test_someone_unnamed_beside_a_pronoun_is_still_nobody():
    rows = statements("Был такой генерал Сомов. Кто-то называл его предателем, после войны он так и жил – один.")
    assert rows.empty


def test_words_the_parser_hung_across_the_cue_still_end_what_was_said():
    rows = statements("И.Петров: У господина Ивана Лесного запланирован ещё целый ряд мероприятий, в том числе "
                      "встречи с главами ведомств и регионов, но уже сейчас с уверенностью можно констатировать, что "
                      "нынешний визит Председателя Народного совета Лесовии проходит успешно, а достигнутые "
                      "договорённости, безусловно, будут способствовать дальнейшему развитию российско-лесовского "
                      "партнёрства во всех областях.")
    assert only(rows, kind="indirect").quote.endswith("развитию российско-лесовского партнёрства во всех областях")


@pytest.mark.parametrize("text, quote, speaker", [
    # the label "В.Крылов:" read as a clause hung on the cue, "Вы" hung on "Повторю"
    ("Е.Соболева: Платформа «Время мастеров» работает. По-моему, 40 человек прошли первый конкурс. "
     "В.Крылов: Повторю ещё раз, Вы сейчас об этом сказали: высшее образование и опыт работы. Спасибо.",
     "высшее образование и опыт работы", "Е.Соболева"),
    ("Е.Соболева: Платформа работает. В.Крылов: Вы сейчас об этом сказали: высшее образование и опыт работы.",
     "высшее образование и опыт работы", "Е.Соболева"),
    ("Е.Соболева: Платформа работает. В.Крылов: Я уже говорил об этом: так же, как в сельском хозяйстве, нужно "
     "защищать своих производителей.",
     "так же, как в сельском хозяйстве, нужно защищать своих производителей", "В.Крылов"),
])
def test_about_this_before_a_colon_points_ahead_to_what_the_colon_opens(text, quote, speaker):
    """'Об этом заявил X.' takes the sentence before; 'Вы сейчас об этом сказали: …' says what
    follows the colon, and 'Вы' is the person the speaker talks with."""
    row = only(statements(text), kind="indirect")
    assert (row.quote, row.speaker) == (quote, speaker)


def test_a_plea_in_quotation_marks_is_the_pleaders():
    rows = statements("В.Крылов: Я уже говорил об этом: так же, как в рыбной отрасли, когда рыбаки нас упрашивали: "
                      "«Только никого не пускайте на наш рынок, мы сами всё сделаем». Так и было.")
    row = only(rows, kind="direct")
    assert (row.speaker, row.cue, row.act) == ("рыбаки", "упрашивали", "demands")


@pytest.mark.parametrize("text, quote", [
    # only the cue's circumstances stand before the colon
    ("В.Крылов: Вы знаете что, я сейчас скажу без всякой иронии: это мы можем только вместе с вами решить.",
     "это мы можем только вместе с вами решить"),
    # a clause the parser hangs on the cue before it is a circumstance when a clause follows the cue
    ("А.Лесков: Но, прежде чем начать работу, хотел бы сказать, что мы ознакомились с обращением губернатора.",
     "мы ознакомились с обращением губернатора"),
    # an object before the colon is what was discussed; the colon lists it
    ("В.Крылов: Мы с Вами много раз обсуждали вопросы дорожной сети: чтобы по побережью можно было доехать до "
     "Лесовска.", "вопросы дорожной сети: чтобы по побережью можно было доехать до Лесовска"),
])
def test_what_a_colon_or_a_clause_after_the_cue_opens_is_what_was_said(text, quote):
    assert only(statements(text), kind="indirect").quote == quote


@pytest.mark.parametrize("text", [
    "В.Крылов: В этом году – всем хорошо известно – мы отмечаем День Победы, 80 лет, юбилей.",
    "Завод отметил 80-летие в субботу.",
    "Праздник отмечается 12 июня.",
    "В.Крылов: Спасибо, что обратили на это внимание.",  # a pronoun points to words said elsewhere
    "В.Крылов: Обязательно обратите на неё внимание.",
    # "об этом" inside a longer sentence is not about the sentence before
    "Мост откроют в мае. Я возвращаюсь, поскольку Вы об этом сказали.",
])
def test_celebrating_an_occasion_or_pointing_at_words_said_elsewhere_is_no_statement(text):
    assert statements(text).query("kind != 'turn'").empty


def test_noting_a_thing_or_drawing_attention_to_one_is_still_a_statement():
    rows = statements("Министр Олег Брагин обратил внимание на рост цен. Министр Олег Брагин отметил, что урожай "
                      "будет высоким.")
    assert set(rows["quote"]) == {"на рост цен", "урожай будет высоким"}


def test_about_this_at_the_end_of_a_sentence_points_to_the_words_before_it():
    rows = statements("Мост откроют в мае. Второе – это профориентация, уже Ирина Петровна об этом говорила.")
    row = only(rows, kind="indirect")
    assert (row.quote, row.speaker) == ("Второе – это профориентация", "Ирина Петровна")


@pytest.mark.parametrize("text, quote_text", [
    ("Это позволит поставить задачи перед наукой – а это, подчеркну, ключевые составляющие всех наших проектов.",
     "это ключевые составляющие всех наших проектов"),
    ("Движение, подчеркну, должно быть везде, где есть дети.", "Движение должно быть везде, где есть дети"),
])
def test_a_first_person_cue_set_off_by_commas_says_the_clause_it_sits_in(text, quote_text):
    """The tagger reads the parenthetical "подчеркну" as an adverb; it is a cue all the same."""
    row = only(statements(text), kind="indirect")
    assert (row.cue, row.quote_text) == ("подчеркну", quote_text)


def test_about_this_after_a_statement_of_its_own_adds_no_second_row():
    rows = statements("Мост откроют в мае. Мы предлагаем взять этот показатель за стартовый – Вы тоже об этом "
                      "говорили в своём вступительном слове.")
    row = only(rows, kind="indirect")
    assert (row.cue, row.quote) == ("предлагаем", "взять этот показатель за стартовый")


@pytest.mark.parametrize("text", [
    "Осенью Ивана Лескова призвали в армию.",  # called up, nothing asked for
    "Сейчас Господь призвал его в иной мир, но память о нём самая добрая и в плане отношения к Лесовску.",
    "И лесовцы, о которых, кстати, ещё в «Слове о полку Лесовском» было сказано.",  # a work, not speech
])
def test_summoning_someone_or_quoting_a_works_title_is_no_statement(text):
    assert statements(text).query("kind != 'turn'").empty


def test_calling_for_something_is_still_a_demand():
    rows = statements("Мэр Лесовска Олег Брагин призвал жителей к спокойствию. Министр призвал в своём обращении к "
                      "жителям сохранять спокойствие.")
    assert list(rows["act"]) == ["demands", "demands"]


def test_recognising_a_states_independence_is_an_act_not_a_statement():
    rows = statements("В середине XIX века Лесовское княжество признало независимость Заречья. Министр Олег Брагин "
                      "признал свою ошибку.")
    assert list(rows["quote"]) == ["свою ошибку"]


def test_a_circumstance_before_the_speaker_is_not_what_was_said():
    rows = statements("С учётом проведённых в Лесовске международных контактов Иван Лесков отметил важность "
                      "урегулирования кризиса.")
    assert only(rows, kind="indirect").quote == "урегулирования кризиса"
