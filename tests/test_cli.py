"""The ``kit`` command: every command has help, is documented in the README, and its README examples parse."""
from __future__ import annotations

import subprocess
import sys

import pandas as pd

from conftest import SAMPLE, shared_path
from kit.cli import normalise_param_args
from kit.quotes import STATEMENT_COLUMNS
from kit.schemas import WHO_SAID_WHAT_COLUMNS

KIT = [sys.executable, "-m", "kit.cli"]


def test_papermill_style_and_equals_style_parameters_both_parse():
    assert normalise_param_args(["report", "d", "-p", "period", "month", "-p", "start_date=2025-02-01"]) == \
        ["report", "d", "-p", "period=month", "-p", "start_date=2025-02-01"]
    assert normalise_param_args(["report", "d", "--parameters", "title", "A = B"]) == \
        ["report", "d", "--parameters", "title=A = B"]


def test_cli_exits_2_with_the_message_for_bad_parameters(tmp_path):
    for args, message in [(["-p", "no_such", "1"], "unknown parameter(s) no_such"),
                          (["-p", "github_token", "abc"], "looks like a secret"),
                          (["-p", "start_date", "yesterday"], "must be an ISO date")]:
        proc = subprocess.run([*KIT, "report", str(SAMPLE), "-o", str(tmp_path), *args],
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode == 2, proc.stderr
        assert message in proc.stderr
    assert not any(tmp_path.iterdir()), "a refused run must not create a run folder"


def test_kit_quotes_writes_who_said_what_with_actor_camp_role_and_date(tmp_path):
    seed = shared_path("seed", "trump-putin-talks.jsonl")
    out = tmp_path / "quotes.csv"
    proc = subprocess.run([*KIT, "quotes", str(seed), "--cache-dir", str(tmp_path / "cache"), "--processes", "1",
                           "-o", str(out)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    table = pd.read_csv(out, keep_default_na=False)
    assert list(table.columns) == WHO_SAID_WHAT_COLUMNS + ["camp_id"]
    peskov = table[table["actor"] == "Dmitry Peskov"]
    assert len(peskov) >= 1 and set(peskov["camp"]) == {"Kremlin"} and peskov["said_on"].str.match(r"2025-02-\d\d").all()
    assert (peskov["role"] != "").all()
    raw = tmp_path / "engine.csv"
    proc = subprocess.run([*KIT, "quotes", str(seed), "--no-attribute", "--cache-dir", str(tmp_path / "cache"),
                           "-o", str(raw)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    engine = pd.read_csv(raw, keep_default_na=False)
    assert list(engine.columns) == STATEMENT_COLUMNS and sorted(engine["quote_id"]) == sorted(table["quote_id"])
