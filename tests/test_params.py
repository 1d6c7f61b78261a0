"""kit.params: report parameters typed from the notebook's defaults, and secrets refused."""
from __future__ import annotations

import pytest

from conftest import REPO, SAMPLE_ACTORS
from kit import params as kit_params


def test_parameters_take_the_type_of_the_notebook_default(tmp_path):
    params = kit_params.parse_parameters([("start_date", "2025-02-01"), ("period", "month"),
                                      ("actors_files", "data/sample-actors.yml")], cwd=REPO)
    assert params == {"start_date": "2025-02-01", "period": "month",
                      "actors_files": [str(SAMPLE_ACTORS)]}


def test_dates_must_be_iso(tmp_path):
    with pytest.raises(ValueError, match="'start_date' must be an ISO date like 2025-02-01, got '01/02/2025'"):
        kit_params.parse_parameters([("start_date", "01/02/2025")])


def test_params_file_yaml_dates_become_iso_strings_and_paths_are_relative_to_the_file(tmp_path):
    (tmp_path / "actors.yml").write_text("actors: []\n", encoding="utf-8")
    params_file = tmp_path / "report.yml"
    params_file.write_text("start_date: 2025-02-01\nend_date: 2025-03-01\nperiod: month\n"
                           "actors_files: [actors.yml]\n", encoding="utf-8")
    params = kit_params.parse_parameters([("period", "day")], params_file)
    assert params["start_date"] == "2025-02-01" and params["end_date"] == "2025-03-01"
    assert params["period"] == "day", "-p on the command line wins over the file"
    assert params["actors_files"] == [str(tmp_path / "actors.yml")]


def test_params_file_errors_name_the_file(tmp_path):
    bad = tmp_path / "report.yml"
    bad.write_text("- just\n- a list\n", encoding="utf-8")
    with pytest.raises(ValueError, match=f"{bad}: a parameters file must be a mapping"):
        kit_params.parse_parameters([], bad)
    bad.write_text("period: [unclosed\n", encoding="utf-8")
    with pytest.raises(ValueError, match=f"{bad}: not valid YAML"):
        kit_params.parse_parameters([], bad)
    with pytest.raises(ValueError, match="cannot read the parameters file"):
        kit_params.parse_parameters([], tmp_path / "missing.yml")


def test_unknown_and_reserved_parameters_are_errors():
    with pytest.raises(ValueError, match="unknown parameter.*perod.*the report takes:.*period"):
        kit_params.parse_parameters([("perod", "week")])
    with pytest.raises(ValueError, match="'output_dir' is set by kit report"):
        kit_params.parse_parameters([("output_dir", "/tmp")])


@pytest.mark.parametrize("name", ["api_key", "API-KEY", "apiKey", "GITHUB_TOKEN", "token", "dbPassword",
                                  "passwd", "client_secret", "AWS_SECRET_ACCESS_KEY", "private_key",
                                  "credentials", "auth", "session_id", "openai_apikey"])
def test_secret_looking_names_are_refused(name):
    with pytest.raises(ValueError, match="looks like a secret.*environment variables"):
        kit_params.check_parameters({name: "x"})


@pytest.mark.parametrize("name", ["period", "title", "author", "spacy_model", "actors_files", "start_date",
                                  "key_dates", "keyword"])
def test_ordinary_names_are_not_mistaken_for_secrets(name):
    assert not kit_params.looks_like_secret_name(name)


@pytest.mark.parametrize("value", ["ghp_" + "a1B2" * 9, "AKIA" + "ABCDEFGHIJKLMNOP", "sk-" + "x" * 40,
                                   "xoxb-1234567890-abcdef", "-----BEGIN RSA PRIVATE KEY-----"])
def test_credential_shaped_values_are_refused_whatever_the_name(value):
    with pytest.raises(ValueError, match="looks like a credential"):
        kit_params.check_parameters({"title": value})


def test_a_params_file_with_nested_yaml_aliases_is_refused_quickly(tmp_path):
    import time

    laughs = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    laughs += [f"{n}: &{n} [{', '.join(['*' + p] * 9)}]" for p, n in zip("abcdefgh", "bcdefghi")]
    bomb = tmp_path / "report.yml"
    bomb.write_text("\n".join(laughs) + "\ntitle: *i\n", encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(ValueError, match=f"{bomb}: YAML aliases \\(\\*name\\) are not accepted in a parameters file"):
        kit_params.parse_parameters([], bomb)
    assert time.perf_counter() - started < 5


def test_a_huge_params_file_is_refused_unread(tmp_path):
    big = tmp_path / "report.yml"
    big.write_text("title: x\n" + "#" * (2 << 20), encoding="utf-8")
    with pytest.raises(ValueError, match="larger than 1 MB"):
        kit_params.parse_parameters([], big)


@pytest.mark.parametrize("pairs, message", [
    ([("period", "fortnight")], "'period' must be one of day, week, month"),
    ([("key_dates", "2025-02-12 call; next Tuesday summit")], "key date ' ?next Tuesday summit' does not start"),
    ([("n_process", "-1")], "'n_process' must be a whole number of 0 or more"),
    ([("article_seconds", "-1")], "'article_seconds' must be a number of seconds, 0 or more, got -1.0"),
    ([("actors_files", "no-such-actors.yml")], "'actors_files': "),
])
def test_every_value_is_checked_with_the_names(pairs, message):
    with pytest.raises(ValueError, match=message.replace("(", "\\(")):
        kit_params.parse_parameters(pairs, cwd=REPO)
