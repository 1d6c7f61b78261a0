"""The ``kit`` command: every command has help, is documented in the README, and its README examples parse."""
from __future__ import annotations

import subprocess
import sys

from conftest import SAMPLE
from kit.cli import normalise_param_args

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
