"""Actors, camps and roles: the registry a reporter edits, and how speakers are matched to it."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from conftest import SAMPLE_ACTORS, shared_path
from kit.registry import RegistryError, load_registry
from kit.speakers import actors_table, attribute_statements, unknown_speakers

WHITE_HOUSE = "White House (whitehouse.gov) / remarks https://www.whitehouse.gov/remarks/2025/01/x/"
NEWS = "Example News https://news.example/story"


@pytest.fixture(scope="module")
def registry():
    return load_registry(strict=True)


def actor(registry, speaker: str, when: str | None = "2025-02-09T12:00Z", context: str = NEWS) -> str:
    found = registry.match(speaker, pd.Timestamp(when) if when else None, context)
    return found.actor["name"] if found.actor else ""


# -- the registry --------------------------------------------------------------------------------
def test_shipped_registry_is_valid_and_merges_the_sample(registry):
    merged = load_registry([SAMPLE_ACTORS], strict=True)
    assert len(merged.actors) == len(registry.actors) + 3
    assert merged.actor_named("Dana Whitcombe")["camp"] == "white_house"
    assert {"Donald Trump", "Vladimir Putin", "Volodymyr Zelensky", "Dmitry Peskov", "Mike Waltz",
            "Karoline Leavitt", "Steve Witkoff", "Emmanuel Macron", "Mark Rutte"} <= {a["name"] for a in registry.actors}


def test_camp_colours_are_distinct_and_keyed_by_label(registry):
    colours = registry.camp_colours()
    assert set(colours) == {"White House", "Kremlin", "Ukraine", "Europe / NATO", "Press", "Other", "Several camps"}
    assert len(set(colours.values())) == 7
    assert all(re.fullmatch(r"#[0-9A-F]{6}", c) for c in colours.values())


def test_every_camp_used_by_an_actor_exists(registry):
    assert {a["camp"] for a in registry.actors} <= set(registry.camps)


def write(tmp_path, text: str, name: str = "extra.yml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_malformed_entries_are_reported_with_file_line_and_reason(tmp_path):
    path = write(tmp_path, "actors:\n"
                           "  - name: Ann Example\n"
                           "    camp: kremlinn\n"
                           "  - name: Bob Example\n"
                           "    camp: ukraine\n"
                           "    roles:\n"
                           "      - {role: minister, from: 2025-13-01}\n"
                           "  - camp: press\n"
                           "  - name: Cy Example\n"
                           "    camp: kremlin\n"
                           "    aliases: [Peskov]\n")
    with pytest.warns(UserWarning):
        loaded = load_registry([path])
    messages = [str(p) for p in loaded.problems]
    assert any(m.startswith(f"{path}:2: ") and "camp 'kremlinn'" in m for m in messages)
    assert any(m.startswith(f"{path}:7: ") and "'2025-13-01' is not a date" in m for m in messages)
    assert any(m.startswith(f"{path}:8: ") and "no name" in m for m in messages)
    assert any(m.startswith(f"{path}:9: ") and "alias 'peskov' already names 'Dmitry Peskov'" in m for m in messages)
    # The rest still runs: the good shipped actors are all there, the bad ones are left out.
    assert loaded.actor_named("Dmitry Peskov") and not loaded.actor_named("Ann Example")
    with pytest.raises(RegistryError, match=re.escape(f"{path}:2: ")):
        load_registry([path], strict=True)


def test_a_role_that_ends_before_it_starts_is_an_error(tmp_path):
    path = write(tmp_path, "actors:\n  - name: Di Example\n    camp: press\n    roles:\n"
                           "      - role: editor\n        from: 2025-05-01\n        to: 2024-01-01\n")
    with pytest.raises(RegistryError, match=re.escape(f"{path}:5: ") + ".*ends .*before it starts"):
        load_registry([path], strict=True)


def test_a_file_that_is_not_yaml_names_its_line(tmp_path):
    path = write(tmp_path, "actors:\n  - name: [unclosed\n")
    with pytest.raises(RegistryError, match=re.escape(str(path)) + r":\d+: not valid YAML"):
        load_registry([path])


# -- matching names ------------------------------------------------------------------------------
@pytest.mark.parametrize("speaker, expected", [
    ("Zelensky", "Volodymyr Zelensky"),
    ("Zelenskyy", "Volodymyr Zelensky"),
    ("Zelenskiy", "Volodymyr Zelensky"),
    ("Ukrainian President Volodymyr Zelenskyy", "Volodymyr Zelensky"),
    ("PRESIDENT ZELENSKYY", "Volodymyr Zelensky"),
    ("Зеленский", "Volodymyr Zelensky"),
    ("Путин", "Vladimir Putin"),
    ("В.Путин", "Vladimir Putin"),
    ("Russian President Vladimir Putin", "Vladimir Putin"),
    ("Kremlin spokesperson Dmitry Peskov", "Dmitry Peskov"),
    ("Peskov, the Kremlin spokesman", "Dmitry Peskov"),
    ("Dmitri Peskov", "Dmitry Peskov"),
    ("MS. LEAVITT", "Karoline Leavitt"),
    ("MS. PSAKI", "Jen Psaki"),
    ("Trump's", "Donald Trump"),
    ("U.S. Vice President JD Vance", "JD Vance"),
    ("Ursula von der Leyen", "Ursula von der Leyen"),
])
def test_aliases_titles_and_transliterations(registry, speaker, expected):
    assert actor(registry, speaker) == expected


@pytest.mark.parametrize("speaker, expected", [
    ("Volodymir Zelenskyi", "Volodymyr Zelensky"),
    ("Karoline Levitt", "Karoline Leavitt"),
    ("Dmitry Peskow", "Dmitry Peskov"),
    ("Sergei Lavrow", "Sergei Lavrov"),
])
def test_misspelt_names_are_matched_fuzzily(registry, speaker, expected):
    found = registry.match(speaker, pd.Timestamp("2025-02-09", tz="UTC"))
    assert (found.actor["name"], found.matched_by) == (expected, "fuzzy")


@pytest.mark.parametrize("speaker", ["John Smith", "a senior official", "he", "Moderator", "Mr. Jones",
                                     "Ed Smithers", "Speaker Ed Smithers", "President Lincoln"])
def test_unknown_speakers_are_not_guessed(registry, speaker):
    assert actor(registry, speaker) == ""


def test_a_first_name_tells_two_people_with_one_surname_apart(registry):
    assert actor(registry, "Speaker Mike Johnson") == "Mike Johnson"   # not Boris Johnson
    assert actor(registry, "Prime Minister Johnson", "2021-06-01T12:00Z") == "Boris Johnson"


def test_a_fuzzy_tie_between_two_actors_is_left_unknown(tmp_path):
    path = write(tmp_path, "actors:\n  - {name: Anna Kowalska, camp: press}\n  - {name: Anna Kowalski, camp: other}\n")
    loaded = load_registry([path], strict=True)
    assert actor(loaded, "Anna Kowalska") == "Anna Kowalska"
    assert actor(loaded, "Ana Kowalski") == "Anna Kowalski"
    assert actor(loaded, "Anna Kowalsky") == ""  # one letter from each: a tie


def test_a_shared_surname_is_told_apart_by_who_held_office(registry):
    assert actor(registry, "MR. MILLER", "2024-06-01T12:00Z") == "Matthew Miller"
    assert actor(registry, "MR. MILLER", "2025-06-01T12:00Z") == "Stephen Miller"
    assert actor(registry, "MR. MILLER", "2019-06-01T12:00Z") == ""


def test_a_speaker_written_as_a_role_is_whoever_held_it_that_day(tmp_path):
    # fictional people and a fictional country
    path = write(tmp_path, "camps: {north: {label: North, colour: '#000000'}}\nactors:\n"
                 "  - {name: Ada Brel, camp: north, roles: [{role: President of Norland, from: 2020-01-01, to: 2024-01-01}]}\n"
                 "  - {name: Ivo Sand, camp: north, roles: [{role: President of Norland, from: 2024-01-01}]}\n"
                 "  - {name: Lea Moor, camp: north, roles: [{role: Prime Minister of Norland}]}\n"
                 "  - {name: Kai Moor, camp: north, roles: [{role: Prime Minister of Norland}]}\n")
    loaded = load_registry([path])
    assert actor(loaded, "The President of Norland", "2022-03-01T12:00Z") == "Ada Brel"
    assert actor(loaded, "the president of Norland", "2025-03-01T12:00Z") == "Ivo Sand"
    assert loaded.match("The President of Norland", pd.Timestamp("2025-03-01T12:00Z")).matched_by == "role"
    assert actor(loaded, "The President of Norland", None) == ""          # no date, no holder
    assert actor(loaded, "The Prime Minister of Norland", "2025-03-01T12:00Z") == ""  # two hold it: not guessed


# -- roles over time -----------------------------------------------------------------------------
def test_waltz_was_national_security_adviser_until_may_2025(registry):
    waltz = registry.match("Mike Waltz", pd.Timestamp("2025-03-01T12:00Z"))
    assert waltz.role == "national security adviser"
    assert registry.match("Mike Waltz", pd.Timestamp("2025-06-01T12:00Z")).role == ""
    assert actor(registry, "the national security adviser", "2025-03-01T12:00Z") == "Mike Waltz"
    assert actor(registry, "the national security adviser", "2025-06-01T12:00Z") == "Marco Rubio"
    assert actor(registry, "the national security adviser", "2023-06-01T12:00Z") == "Jake Sullivan"


@pytest.mark.parametrize("when, president, vice_president", [
    ("2025-01-19T12:00Z", "Joe Biden", "Kamala Harris"),
    ("2025-01-20T16:59Z", "Joe Biden", "Kamala Harris"),
    ("2025-01-20T17:01Z", "Donald Trump", "JD Vance"),
    ("2025-01-21T12:00Z", "Donald Trump", "JD Vance"),
])
def test_the_president_in_a_white_house_transcript_is_the_one_in_office(registry, when, president, vice_president):
    assert actor(registry, "THE PRESIDENT", when, WHITE_HOUSE) == president
    assert actor(registry, "THE VICE PRESIDENT", when, WHITE_HOUSE) == vice_president
    assert registry.match("THE PRESIDENT", pd.Timestamp(when), WHITE_HOUSE).role == "President of the United States"


def test_the_president_outside_a_white_house_document_is_not_guessed(registry):
    assert actor(registry, "THE PRESIDENT", "2025-01-21T12:00Z", NEWS) == ""
    assert actor(registry, "the Russian president", "2025-01-21T12:00Z", NEWS) == "Vladimir Putin"
    assert actor(registry, "the Ukrainian president", "2022-03-01T12:00Z", NEWS) == "Volodymyr Zelensky"


@pytest.mark.parametrize("speaker, camp", [
    ("a senior Russian lawmaker", "kremlin"),
    ("Russian officials", "kremlin"),
    ("Q", "press"),
    ("a reporter", "press"),
    ("SENIOR ADMINISTRATION OFFICIAL", "white_house"),
    ("Senior Administration officials", "white_house"),
    ("NSC Spokesperson", "white_house"),
    ("the Leaders of the G7", "joint"),
    ("Leaders", "joint"),
    ("European leaders", "europe_nato"),
    ("a Ukrainian official", "ukraine"),
    ("NATO diplomats", "europe_nato"),
    ("a Kremlin critic", "other"),
    ("a passer-by", "other"),
    ("The Department of Agriculture", "white_house"),
    ("HHS", "white_house"),
    ("the Secretary of Commerce", "white_house"),
    ("the Secretary of State for Defence", "other"),
    ("Japan", "other"),
])
def test_unnamed_sources_get_a_camp_but_no_actor(registry, speaker, camp):
    found = registry.match(speaker, pd.Timestamp("2025-02-09T12:00Z"))
    assert (found.actor, found.camp) == (None, camp)


def test_unnamed_rules_are_the_reporters_to_change(tmp_path):
    path = write(tmp_path, "unnamed_rules:\n  - {pattern: '^a senior russian lawmaker$', camp: other}\n")
    base = load_registry(strict=True)
    changed = load_registry([path], strict=True)
    changed.unnamed_rules = changed.unnamed_rules[-1:] + changed.unnamed_rules[:-1]  # the new rule first
    assert base.match("a senior Russian lawmaker").camp == "kremlin"
    assert changed.match("a senior Russian lawmaker").camp == "other"


# -- statements ------------------------------------------------------------------------------------
def statements_frame(rows):
    base = {"speaker": "", "speaker_mention": "", "cue_start": -1, "cue_end": -1, "quote_start": 0,
            "kind": "turn", "quote": "Thank you."}
    return pd.DataFrame([{**base, **r} for r in rows])


def test_attribute_statements_adds_actor_camp_role_and_dates(registry):
    articles = pd.DataFrame({"article_id": ["wh1", "wh2"], "text": ["THE PRESIDENT: Thank you."] * 2,
                             "published": pd.to_datetime(["2025-01-19T15:00Z", "2025-01-21T15:00Z"], utc=True),
                             "source": ["White House (whitehouse.gov) / remarks"] * 2, "url": ""})
    statements = statements_frame([
        {"article_id": "wh1", "speaker": "The President", "speaker_mention": "THE PRESIDENT"},
        {"article_id": "wh2", "speaker": "The President", "speaker_mention": "THE PRESIDENT"},
        {"article_id": "wh2", "speaker": "a reporter", "speaker_mention": "Q"},
    ])
    before = statements.copy()
    out = attribute_statements(statements, articles, registry)
    pd.testing.assert_frame_equal(statements, before)  # the input is not modified
    assert list(out["actor"]) == ["Joe Biden", "Donald Trump", ""]
    assert list(out["camp"]) == ["White House", "White House", "Press"]
    assert list(out["camp_id"]) == ["white_house", "white_house", "press"]
    assert list(out["role"])[:2] == ["President of the United States"] * 2
    assert [f"{d:%Y-%m-%d}" for d in out["said_on"]] == ["2025-01-19", "2025-01-21", "2025-01-21"]
    assert str(out["published"].dt.tz) == "UTC"

    table = actors_table(out)
    assert list(table.columns) == ["actor", "camps", "statements", "first_said_on", "last_said_on"]
    assert set(table["actor"]) == {"Joe Biden", "Donald Trump"}
    assert table.set_index("actor").loc["Donald Trump", "camps"] == "White House"


def test_unknown_speakers_are_counted_with_an_example(registry):
    articles = pd.DataFrame({"article_id": ["x"], "text": ["x"], "published": pd.to_datetime(["2025-02-09"], utc=True)})
    statements = statements_frame([
        {"article_id": "x", "speaker": "Zorvan Pellik", "quote": "First words."},
        {"article_id": "x", "speaker": "Zorvan Pellik", "quote": "Second words."},
        {"article_id": "x", "speaker": "Putin", "quote": "Known."},
        {"article_id": "x", "speaker": "a reporter", "quote": "Question?"},
        {"article_id": "x", "speaker": "he", "quote": "Unresolved."},
    ])
    table = unknown_speakers(attribute_statements(statements, articles, registry))
    assert table.to_dict("records") == [{"speaker": "Zorvan Pellik", "statements": 2, "camp": "Other",
                                         "examples": "First words."}]


# -- the command -----------------------------------------------------------------------------------


# -- the seed article (../shared) ------------------------------------------------------------------
@pytest.fixture(scope="module")
def seed_attributed(seed_articles, nlp):
    from kit.quotes import extract_quotes

    return attribute_statements(extract_quotes(seed_articles, nlp), seed_articles, load_registry(strict=True))


def expected_seed_rows():
    table = pd.read_csv(shared_path("seed", "expected_quotes.csv"), keep_default_na=False)
    return [r for r in table.to_dict("records") if str(r["required"]) == "1"]


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", str(text)).strip().strip("“”\"").strip()


def test_every_required_seed_row_gets_its_camp_and_date(seed_attributed):
    rows = expected_seed_rows()
    assert rows
    names = [a["name"] for a in load_registry(strict=True).actors]
    missing = []
    for row in rows:
        found = seed_attributed[seed_attributed["quote"].map(_clean) == _clean(row["quote"])]
        if found.empty and "quote_text" in seed_attributed:
            found = seed_attributed[seed_attributed["quote_text"].map(_clean) == _clean(row["quote"])]
        if found.empty:
            missing.append(row["quote"])  # the quote engine's miss, not attribution's: test_seed.py fails for it
            continue
        got = found.iloc[0]
        label = row["quote"][:40]
        assert got["camp"] == row["camp"], label
        # A named speaker is its registry actor; a description ("a senior Russian lawmaker") has none.
        named = row["speaker"] in set(names)
        assert got["actor"] == (row["speaker"] if named else ""), label
        if row["said_on"]:
            assert got["said_on_range"] == row["said_on"], label
        if row["when_text"]:
            assert got["when_text"].lower() == row["when_text"].lower(), label
    assert len(missing) < len(rows), "attribution had no seed row to check"


# -- the White House corpus (../shared): every president's turn is the president in office ---------
PRESIDENTIAL_TURN = re.compile(r"(?m)^(THE PRESIDENT|THE VICE PRESIDENT):")
INAUGURATION_2025 = pd.Timestamp("2025-01-20T17:00:00Z")  # noon in Washington


@pytest.mark.slow
@pytest.mark.parametrize("name", ["whitehouse_trump_2025_2026.jsonl", "whitehouse_biden_2022_2025.jsonl"])
def test_every_president_turn_in_the_white_house_files_is_the_one_in_office(name, registry):
    from kit.articles import load_articles

    articles = load_articles(shared_path("corpus", name)).articles
    turns = [{"article_id": a, "speaker": m.group(1).title(), "speaker_mention": m.group(1), "kind": "turn",
              "cue_start": m.end() - 1, "cue_end": m.end(), "quote_start": m.end() + 1, "quote": ""}
             for a, text in zip(articles["article_id"], articles["text"]) for m in PRESIDENTIAL_TURN.finditer(text)]
    out = attribute_statements(pd.DataFrame(turns), articles, registry)
    before = out["published"] < INAUGURATION_2025
    president = out["speaker_mention"] == "THE PRESIDENT"
    expected = pd.Series("", index=out.index)
    expected[president] = before[president].map({True: "Joe Biden", False: "Donald Trump"})
    expected[~president] = before[~president].map({True: "Kamala Harris", False: "JD Vance"})
    wrong = out[out["actor"] != expected]
    assert president.sum() > 20
    assert wrong.empty, wrong[["article_id", "published", "speaker_mention", "actor"]].head().to_string()
    assert set(out["camp"]) == {"White House"}


@pytest.mark.parametrize("disguised", ["\u202aDmitry Peskov\u202c", "Pes\u2066k\u2069ov", "Dmitry Pes\u200ekov",
                                       "\u2067Peskov\u2069"])
def test_names_are_matched_with_bidi_controls_removed(registry, disguised):
    found = registry.match(disguised, pd.Timestamp("2025-02-09T12:00Z"), NEWS)
    assert found.actor and found.actor["name"] == "Dmitry Peskov" and found.matched_by != "fuzzy"


# -- initials, patronymics and tooltip labels (fictional people) ---------------------------------
FICTIONAL_RU = ("actors:\n"
                "  - {name: Pyotr Zaretsky, aliases: [Пётр Зарецкий, Зарецкий, Зарецкого], camp: kremlin}\n"
                "  - {name: Olga Verbina, aliases: [Ольга Вербина, Вербина], camp: other}\n")


def test_initials_that_are_not_the_actors_rule_the_actor_out(tmp_path):
    registry = load_registry([write(tmp_path, FICTIONAL_RU)], strict=True)
    assert registry.match("П.Зарецкий").actor["name"] == "Pyotr Zaretsky"
    assert registry.match("Н.Зарецкий").actor is None  # another Zaretsky, not in the registry
    assert registry.match("О.Вербина").actor["name"] == "Olga Verbina"
    assert registry.match("P. Zaretsky").actor["name"] == "Pyotr Zaretsky"
    assert registry.match("K. Zaretsky").actor is None


def test_a_tooltip_label_with_first_name_and_patronymic_finds_the_surname(tmp_path):
    registry = load_registry([write(tmp_path, FICTIONAL_RU)], strict=True)
    label = "Зарецкий Зарецкий Пётр Ильич министр чего-то Российской Федерации"
    assert registry.match(label).actor["name"] == "Pyotr Zaretsky"
    assert registry.match("Ольга Сергеевна. О.Вербина Вербина Ольга Сергеевна").actor["name"] == "Olga Verbina"


def test_a_first_name_before_a_patronymic_tells_namesakes_apart(tmp_path):
    registry = load_registry([write(tmp_path, FICTIONAL_RU)], strict=True)
    assert registry.match("Петру Ильичу Зарецкому").actor["name"] == "Pyotr Zaretsky"
    assert registry.match("Антон Павлович Зарецкий").actor is None  # a writer of the same surname


NAMESAKES_RU = ("actors:\n"
                "  - {name: Kirill Zorin, aliases: [Кирилл Зорин, Зорин, Зорина, Зорину], camp: kremlin,\n"
                "     roles: [{role: minister, from: 2020-01-01}]}\n"
                "  - {name: А.Зорин, auto_surname: false, camp: other}\n"
                "  - {name: Dana Lebedeva, aliases: [Дана Лебедева, Д.Лебедева], camp: other}\n"
                "  - {name: Pavel Lebedev, aliases: [Павел Лебедев, Лебедев, Лебедева], camp: kremlin}\n")


def test_initials_pick_one_of_two_namesakes_and_a_bare_surname_the_fully_named_one(tmp_path):
    registry = load_registry([write(tmp_path, NAMESAKES_RU)], strict=True)  # strict: no alias problem
    assert registry.match("А.Зорин").actor["name"] == "А.Зорин"
    assert registry.match("К.Зорин").actor["name"] == "Kirill Zorin"
    assert registry.match("Зорин").actor["name"] == "Kirill Zorin"
    assert registry.match("Д.Лебедева").actor["name"] == "Dana Lebedeva"


def test_a_womans_name_is_never_the_man_whose_genitive_is_spelt_the_same(tmp_path):
    registry = load_registry([write(tmp_path, NAMESAKES_RU)], strict=True)
    rows = pd.DataFrame({"article_id": ["a"] * 4, "speaker": ["А.Зорина", "Анна Зорина", "Кирилла Зорина", "Зорина"],
                         "speaker_mention": ["А.Зорина", "Анна Зорина", "Кирилла Зорина", "Зорина"],
                         "kind": ["turn", "indirect", "indirect", "indirect"]})
    articles = pd.DataFrame({"article_id": ["a"], "text": [""], "published": [pd.Timestamp("2025-02-09T12:00Z")]})
    found = attribute_statements(rows, articles, registry)
    assert found["actor"].tolist() == ["", "", "Kirill Zorin", "Kirill Zorin"]


def test_a_russian_surname_one_letter_away_is_another_person(tmp_path):
    registry = load_registry([write(tmp_path, NAMESAKES_RU)], strict=True)
    assert registry.match("Зорова").actor is None and registry.match("Елена Зорова").actor is None


def test_a_name_the_pages_tooltip_repeats_in_running_text_is_found(tmp_path):
    registry = load_registry([write(tmp_path, NAMESAKES_RU)], strict=True)
    assert registry.match("Кирилл Зорин Зорин Кирилл министр чего-то").actor["name"] == "Kirill Zorin"


def test_they_after_a_sentence_naming_two_people_is_both(nlp):
    from kit.quotes import extract_quotes
    texts = ["President Alma Rusk and Prime Minister Tobias Fenn held their first meeting today in Fairhaven, "
             "where they affirmed their determination to pursue a new era of relations.",
             "President Alma Rusk spoke with President Tobias Fenn by phone. They agreed that all parties must "
             "continue the effort to make a ceasefire work.",
             "Mayor Alma Rusk met the voters of Fairhaven. They said that the roads are bad."]  # one person: not her
    found = extract_quotes(pd.DataFrame({"article_id": ["a", "b", "c"], "text": texts}), nlp)
    said = dict(zip(found["article_id"], found["speaker"]))
    assert said["a"] == said["b"] == "Alma Rusk; Tobias Fenn"
    assert said["c"] == ""


def test_an_op_ed_headline_names_its_author_and_a_joint_statement_is_both_leaders(nlp):
    from kit.quotes import extract_quotes
    op = ("Alma Rusk: Libraries are Fairhaven’s strength\nA library is where a town learns. I have visited every "
          "branch in our county, and I believe that we owe our librarians more than thanks. I know they carry our "
          "children. I invite you to join me. We must fund them. My own children grew up in them. We should be "
          "proud. Our town is better for them. I am grateful. We will do more. I thank them.\n"
          "Alma Rusk is the mayor of Fairhaven.")
    joint = ("President Alma Rusk and Prime Minister Tobias Fenn held their first official meeting yesterday in "
             "Fairhaven. We agreed that a fair tax environment is necessary to enable investment.")
    sheet = ("Fact Sheet: Fairhaven Acts\nThe council met. We believe that the ferries will run. I know that they will. "
             "We think we can. I hope we do. We expect that we will. I said that we would. Our town is ready. Fairhaven Acts.")
    found = extract_quotes(pd.DataFrame({"article_id": ["op", "joint", "sheet"], "text": [op, joint, sheet],
                                         "title": ["Alma Rusk: Libraries are Fairhaven’s strength",
                                                   "Fairhaven – Vellmark Joint Leaders’ Statement", "Fact Sheet: Fairhaven Acts"]}), nlp)
    first = found[found["speaker_mention"].isin(["I", "We"])]
    said = first.groupby("article_id")["speaker"].agg(set).to_dict()
    assert said["op"] == {"Alma Rusk"}
    assert said["joint"] == {"Alma Rusk; Tobias Fenn"}
    assert "Fact Sheet" not in said.get("sheet", set())


def test_a_different_first_name_before_a_registered_surname_is_someone_else(registry):
    when = "2025-06-01T12:00Z"
    # members of Congress quoted in round-ups, not the registry's people of the same surname
    for speaker in ["Sen. Todd Young", "Rep. Carol Miller", "Chicago Mayor Brandon Johnson", "Eric Trump"]:
        assert actor(registry, speaker, when) == "", speaker
    # titles, ranks and nationalities before a surname are no first names
    for speaker, expected in [("Admiral Kirby", "John Kirby"), ("Speaker Johnson", "Mike Johnson"),
                              ("Russian President Putin", "Vladimir Putin"), ("Kremlin aide Ushakov", "Yuri Ushakov"),
                              ("Secretary-General Guterres", "António Guterres")]:
        assert actor(registry, speaker, when) == expected, speaker


def test_a_publishers_unnamed_bodies_and_officials_speak_for_it(registry):
    """In a text a camp publishes (``publishers``), a body or official it leaves unnamed
    (``house_speakers``) is that camp's; in news, or naming another country or an international
    body, it is not (FICTIONAL speakers)."""
    wh = registry.publishing_camp("White House (bidenwhitehouse.archives.gov) / statements-releases",
                                  "https://bidenwhitehouse.archives.gov/briefing-room/x/")
    kremlin = registry.publishing_camp("Kremlin (en.kremlin.ru)", "http://en.kremlin.ru/events/president/news/1")
    assert (wh, kremlin, registry.publishing_camp("Example News", "https://news.example/story")) == \
        ("white_house", "kremlin", "")
    for speaker in ["The Task Force", "A new Harbour Resilience Working Group", "Harbour Coordinator Ruiz",
                    "the Council"]:
        assert registry.match(speaker, None, WHITE_HOUSE, wh).camp == "white_house", speaker
        assert registry.match(speaker, None, NEWS, "").camp == "other", speaker
    assert registry.match("The Governor", None, "", kremlin).camp == "kremlin"
    for speaker in ["the Arlandian Foreign Ministry", "the UN Security Council", "Ana Ruiz"]:
        assert registry.match(speaker, None, WHITE_HOUSE, wh).camp == "other", speaker


def test_attribution_reads_the_publisher_from_the_articles_source(registry):
    articles = pd.DataFrame({"article_id": ["wh", "news"], "text": ["x"] * 2,
                             "published": pd.to_datetime(["2022-04-18T15:00Z"] * 2, utc=True),
                             "source": ["White House (bidenwhitehouse.archives.gov) / statements-releases", "Example News"],
                             "url": ["https://bidenwhitehouse.archives.gov/briefing-room/x/", "https://news.example/x"]})
    statements = statements_frame([{"article_id": a, "speaker": "The Task Force", "kind": "indirect"} for a in ("wh", "news")])
    assert list(attribute_statements(statements, articles, registry)["camp"]) == ["White House", "Other"]
