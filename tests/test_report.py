"""kit report as newsroom CI runs it: parameters, run folders, reproducibility, safety and faults."""
from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from conftest import REPO, SAMPLE, SAMPLE_ACTORS
from kit.report import ReportFailed, run_report

KIT = str(Path(sys.executable).with_name("kit"))


# ---------------------------------------------------------------- the real report, three runs

def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


NEW_ARTICLE = """---
fictional: "FICTIONAL test article written for newsroom-kit. Every person, quote and event in it is invented."
title: Kremlin answers the ceasefire plan
published: 2026-02-10T09:00:00+03:00
source: The Test Gazette (fictional)
url: https://example.org/test/kremlin-answers
---
"We have read the proposal carefully and we have questions," Kremlin spokesman Arkady Voss told reporters on Tuesday.

Voss added that "no date has been agreed."
"""


@pytest.fixture(scope="module")
def three_runs(tmp_path_factory):
    base = tmp_path_factory.mktemp("ci")
    data = base / "data"
    shutil.copytree(SAMPLE, data)
    root, cache_dir = base / "reports", base / "cache"
    params = {"actors_files": [str(SAMPLE_ACTORS)], "cache_dir": str(cache_dir)}
    first = run_report([data], title="CI test", output_root=root, parameters=params)
    first_snapshot = snapshot(first.run_dir)
    second = run_report([data], title="CI test", output_root=root, parameters=params)
    removed = sorted(data.glob("*.txt"))[0]
    removed.unlink()
    (data / "2026-02-10-kremlin-answers.md").write_text(NEW_ARTICLE, encoding="utf-8")
    third = run_report([data], title="CI test", output_root=root, parameters=params)
    return root, first, second, third, first_snapshot


def test_same_inputs_and_parameters_give_byte_identical_tables(three_runs):
    _, first, second, _, _ = three_runs
    names = sorted(p.name for p in (first.run_dir / "tables").iterdir() if p.is_file())
    assert {"who_said_what.csv", "who_said_what.parquet", "inputs.csv"} <= set(names)
    for name in names:
        assert (first.run_dir / "tables" / name).read_bytes() == (second.run_dir / "tables" / name).read_bytes(), name


def test_the_warm_run_reuses_every_article(three_runs):
    _, first, second, third, _ = three_runs
    m1, m2, m3 = (json.loads(r.manifest.read_text()) for r in (first, second, third))
    n = m1["stages"]["quotes"]["articles"]
    assert m1["stages"]["quotes"]["parsed"] == n and m1["stages"]["quotes"]["reused"] == 0
    assert m2["stages"]["quotes"]["parsed"] == 0 and m2["stages"]["quotes"]["reused"] == n
    assert m3["stages"]["quotes"]["parsed"] == 1, "only the new article is parsed"


def test_a_warm_run_with_one_added_article_writes_the_tables_of_a_cold_run(three_runs, tmp_path):
    """The third run took its other articles' quotes, attribution, table pieces and unchanged charts
    from the cache; a run on the same inputs with an empty cache writes the same bytes."""
    root, _, _, third, _ = three_runs
    cold = run_report([root.parent / "data"], title="CI test", output_root=tmp_path / "reports",
                      parameters={"actors_files": [str(SAMPLE_ACTORS)], "cache_dir": str(tmp_path / "cache")})
    assert json.loads(cold.manifest.read_text())["stages"]["quotes"]["reused"] == 0, "a cold run"
    names = sorted(p.name for p in (cold.run_dir / "tables").iterdir() if p.is_file())
    assert "who_said_what.db" in names and "echoes.csv" in names and "claims_and_counterclaims.parquet" in names
    assert names == sorted(p.name for p in (third.run_dir / "tables").iterdir() if p.is_file())
    different = [n for n in names if (cold.run_dir / "tables" / n).read_bytes() != (third.run_dir / "tables" / n).read_bytes()]
    assert not different, f"the warm run wrote other bytes than a cold run in {different}"
    charts = sorted(p.name for p in (cold.run_dir / "charts").iterdir())
    assert charts and [n for n in charts if (cold.run_dir / "charts" / n).read_bytes()
                       != (third.run_dir / "charts" / n).read_bytes()] == []


def test_manifest_records_what_a_reader_needs(three_runs):
    _, first, _, _, _ = three_runs
    m = json.loads(first.manifest.read_text())
    assert m["status"] == "ok"
    assert m["kit_version"] and len(m["kit_commit"]) == 40
    assert m["packages"]["python"] and m["packages"]["spacy"].startswith("3.8")
    assert "==" in m["spacy_pipeline"]
    from kit.nlp import default_n_process

    assert m["n_process"] == m["parameters"]["n_process"] == default_n_process(), "the processes that parsed"
    from kit.quotes import ARTICLE_SECONDS

    assert m["parameters"]["article_seconds"] == ARTICLE_SECONDS, "the quote engine's time budget per article"
    assert m["parameters"]["actors_files"] == [str(SAMPLE_ACTORS)]
    assert len(m["inputs"]) == len(list(SAMPLE.iterdir())), "every sample file"
    assert all(i["bytes"] > 0 and len(i["sha256"]) == 64 for i in m["inputs"])
    for stage in ("load", "quotes", "attribute", "tables"):
        assert m["stages"][stage]["seconds"] >= 0
    assert m["stages"]["quotes"]["statements"] > 0
    assert m["timings"]["execute_seconds"] > 0


def test_later_runs_leave_earlier_ones_untouched_and_move_latest(three_runs):
    root, first, _, third, first_snapshot = three_runs
    assert snapshot(first.run_dir) == first_snapshot
    assert json.loads((root / "ci-test" / "latest.json").read_text())["run"] == third.run_dir.name


def test_the_report_says_what_changed_since_the_last_run(three_runs):
    _, first, second, third, _ = three_runs
    assert "first run of this report" in first.html.read_text(encoding="utf-8")
    m3 = json.loads(third.manifest.read_text())
    assert m3["previous_run"] == str(second.run_dir)
    diff = m3["stages"]["diff"]
    assert diff["new_statements"] >= 2 and diff["removed_articles"] == 1 and diff["removed_statements"] >= 1
    html = third.html.read_text(encoding="utf-8")
    assert "Since the last run" in html and "We have read the proposal carefully" in html
    gone = pd.read_csv(third.run_dir / "tables" / "diff" / "removed_statements.csv")
    assert set(gone["why"]) == {"article removed"}


# ---------------------------------------------------------------- faults

FAULT_PARAMETERS = 'input_paths = []\noutput_dir = "."\ntitle = ""\nmode = "ok"\nrows = 10\n'
FAULT_BODY = '''
import errno, os, signal, time
from pathlib import Path
import pandas as pd
from kit.table import write_table

out = Path(output_dir)
if mode == "enospc-injected":
    # A writer that fills the disk halfway through the table, as a real full disk does.
    real_to_csv = pd.DataFrame.to_csv
    def full_disk(self, path, *args, **kwargs):
        Path(path).write_text("n,text\\n0,half a row", encoding="utf-8")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
    pd.DataFrame.to_csv = full_disk
table = pd.DataFrame({"n": range(int(rows)), "text": ["fictional row " * 8] * int(rows)})
write_table(table, out / "tables", "numbers", formats=("csv",))
'''
FAULT_LATER = '''
if mode == "kill":
    os.kill(os.getpid(), signal.SIGKILL)
if mode == "sleep":
    (out / "started").write_text("1")
    time.sleep(300)
if mode == "wait":  # until the test creates "release" beside the run folders
    (out / "started").write_text("1")
    while not (out.parent / "release").exists():
        time.sleep(0.2)
print("done")
'''


@pytest.fixture(scope="module")
def fault_notebook(tmp_path_factory):
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "newsroom-kit", "display_name": "newsroom-kit",
                                                           "language": "python"}})
    nb.cells = [nbformat.v4.new_code_cell(FAULT_PARAMETERS, metadata={"tags": ["parameters"]}),
                nbformat.v4.new_code_cell(FAULT_BODY), nbformat.v4.new_code_cell(FAULT_LATER)]
    path = tmp_path_factory.mktemp("nb") / "faults.ipynb"
    nbformat.write(nb, path)
    return path


def earlier_run(root: Path, notebook: Path):
    ok = run_report([SAMPLE], title="Faults", output_root=root, notebook=notebook)
    return ok, snapshot(root / "faults")


def assert_failed_cleanly(root: Path, ok, before: dict, info, words: str):
    run_dir = info.value.run_dir
    assert words in str(info.value), str(info.value)
    assert run_dir != ok.run_dir and run_dir.parent == ok.run_dir.parent
    manifest = json.loads((run_dir / "manifest.json").read_text())
    assert manifest["status"] == "failed" and words in manifest["error"]
    assert (run_dir / "report.ipynb").exists()
    after = snapshot(root / "faults")
    assert {k: v for k, v in after.items() if not k.startswith(run_dir.name)} == before, \
        "the earlier run and latest.json must be untouched"
    assert not list(run_dir.rglob(".*.tmp")), "no half-written temporary files are left"
    return manifest


def fail_after_an_earlier_run(root: Path, notebook: Path, mode: str, words: str):
    """An earlier good run, then a run in ``mode`` that must fail cleanly; returns (ReportFailed, manifest)."""
    ok, before = earlier_run(root, notebook)
    with pytest.raises(ReportFailed) as info:
        run_report([SAMPLE], title="Faults", output_root=root, notebook=notebook, parameters={"mode": mode})
    return info.value, assert_failed_cleanly(root, ok, before, info, words)


def test_a_kernel_killed_mid_run_marks_the_run_failed(tmp_path, fault_notebook):
    failure, manifest = fail_after_an_earlier_run(tmp_path, fault_notebook, "kill", "kernel died")
    assert manifest["failed_cell"]["source"] == 'if mode == "kill":'
    assert (failure.run_dir / "tables" / "numbers.csv").exists(), "work done before the crash is kept"


def test_a_full_disk_while_writing_a_table_marks_the_run_failed(tmp_path, fault_notebook):
    failure, manifest = fail_after_an_earlier_run(tmp_path, fault_notebook, "enospc-injected", "the disk is full")
    assert "No space left on device" in manifest["error"]
    assert manifest["failed_cell"]["source"] == "import errno, os, signal, time"
    assert not (failure.run_dir / "tables" / "numbers.csv").exists(), "no half-written table under its name"


@pytest.fixture()
def tiny_disk(tmp_path):
    """A real 400 kB file system (tmpfs), where root may mount one; else the test is skipped."""
    mount = tmp_path / "disk"
    mount.mkdir()
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=400k", "tmpfs", str(mount)], capture_output=True)
    if proc.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root); the injected full-disk test still runs")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_real_full_disk_marks_the_run_failed(tiny_disk, fault_notebook):
    ok, before = earlier_run(tiny_disk, fault_notebook)
    with pytest.raises(ReportFailed) as info:
        run_report([SAMPLE], title="Faults", output_root=tiny_disk, notebook=fault_notebook,
                   parameters={"rows": 20000})
    assert "disk is full" in str(info.value) or "No space left" in str(info.value)
    assert snapshot(ok.run_dir) == {k.split("/", 1)[1]: v for k, v in before.items() if k.startswith(ok.run_dir.name)}
    assert json.loads((tiny_disk / "faults" / "latest.json").read_text())["run"] == ok.run_dir.name
    manifest = json.loads((info.value.run_dir / "manifest.json").read_text())
    assert manifest["status"] == "failed" and "disk is full" in manifest["error"]


def test_ctrl_c_marks_the_run_failed_and_exits_130(tmp_path, fault_notebook):
    ok, before = earlier_run(tmp_path, fault_notebook)
    # Ctrl-C as a terminal sends it, even where this test runs from a shell that ignores SIGINT
    # (a background job of a script: the ignoring is inherited, and Python then installs no handler)
    proc = subprocess.Popen([KIT, "report", str(SAMPLE), "--title", "Faults", "-o", str(tmp_path),
                             "--notebook", str(fault_notebook), "-p", "mode", "sleep"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.time() + 240
    while not list((tmp_path / "faults").glob("*/started")) and time.time() < deadline and proc.poll() is None:
        time.sleep(0.5)
    assert list((tmp_path / "faults").glob("*/started")), "the slow cell never started"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "interrupted (Ctrl-C)" in err
    run_dir = next(p.parent for p in (tmp_path / "faults").glob("*/started"))
    manifest = json.loads((run_dir / "manifest.json").read_text())
    assert manifest["status"] == "failed" and manifest["error"].startswith("interrupted (Ctrl-C)")
    after = snapshot(tmp_path / "faults")
    assert {k: v for k, v in after.items() if not k.startswith(run_dir.name)} == before


def wait_for(condition, what: str, seconds: float = 240) -> None:
    deadline = time.time() + seconds
    while not condition() and time.time() < deadline:
        time.sleep(0.3)
    assert condition(), what


def report_in_background(root: Path, notebook: Path, mode: str) -> subprocess.Popen:
    """``kit report`` in its own process group (so the test can kill it and its kernel at once)."""
    return subprocess.Popen([KIT, "report", str(SAMPLE), "--title", "Faults", "-o", str(root),
                             "--notebook", str(notebook), "-p", "mode", mode],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def test_sigterm_marks_the_run_failed_and_exits_143(tmp_path, fault_notebook):
    proc = report_in_background(tmp_path, fault_notebook, "sleep")
    wait_for(lambda: list((tmp_path / "faults").glob("*/started")), "the slow cell never started")
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 143, err
    run_dir = next(p.parent for p in (tmp_path / "faults").glob("*/started"))
    manifest = json.loads((run_dir / "manifest.json").read_text())
    assert manifest["status"] == "failed" and manifest["error"].startswith("terminated (SIGTERM)")


def test_a_run_killed_outright_is_found_stale_and_kit_diff_refuses_it(tmp_path, fault_notebook):
    ok = run_report([SAMPLE], title="Faults", output_root=tmp_path, notebook=fault_notebook)
    proc = report_in_background(tmp_path, fault_notebook, "sleep")
    wait_for(lambda: list((tmp_path / "faults").glob("*/started")), "the slow cell never started")
    os.killpg(proc.pid, signal.SIGKILL)  # kill -9: the runner and its kernel, no chance to clean up
    proc.communicate(timeout=60)
    killed = next(p.parent for p in (tmp_path / "faults").glob("*/started"))
    manifest = json.loads((killed / "manifest.json").read_text())
    assert manifest["status"] == "running" and manifest["runner"]["pid"] == proc.pid
    result = subprocess.run([KIT, "diff", str(killed), str(ok.run_dir)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "did not finish" in result.stderr and "is gone" in result.stderr, result.stderr
    manifest = json.loads((killed / "manifest.json").read_text())
    assert manifest["status"] == "failed" and manifest["stale"] is True and "kill -9" in manifest["error"]


def test_the_next_report_marks_a_stale_run_failed(tmp_path, fault_notebook):
    dead = subprocess.Popen(["true"])
    dead.wait()
    stale = tmp_path / "faults" / "20250101T000000Z"
    stale.mkdir(parents=True)
    from kit.report import runner_identity

    (stale / "manifest.json").write_text(json.dumps({"status": "running", "started": "2025-01-01T00:00:00+00:00",
                                                     "runner": {**runner_identity(), "pid": dead.pid,
                                                                "process_started": ""}}))
    run_report([SAMPLE], title="Faults", output_root=tmp_path, notebook=fault_notebook)
    manifest = json.loads((stale / "manifest.json").read_text())
    assert manifest["status"] == "failed" and manifest["stale"] is True


def test_latest_names_the_run_started_last_not_the_one_finished_last(tmp_path, fault_notebook):
    slow = report_in_background(tmp_path, fault_notebook, "wait")
    wait_for(lambda: list((tmp_path / "faults").glob("*/started")), "the first run never started")
    first = next(p.parent for p in (tmp_path / "faults").glob("*/started"))
    second = run_report([SAMPLE], title="Faults", output_root=tmp_path, notebook=fault_notebook)
    (tmp_path / "faults" / "release").write_text("1")
    _, err = slow.communicate(timeout=240)
    assert slow.returncode == 0, err
    assert json.loads((first / "manifest.json").read_text())["status"] == "ok"
    assert json.loads((tmp_path / "faults" / "latest.json").read_text())["run"] == second.run_dir.name


def test_ctrl_c_before_the_notebook_starts_leaves_no_empty_folder(tmp_path, fault_notebook, monkeypatch):
    import kit.report

    def interrupted():
        raise KeyboardInterrupt

    monkeypatch.setattr(kit.report, "git_commit", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run_report([SAMPLE], title="Faults", output_root=tmp_path, notebook=fault_notebook)
    assert not [p for p in tmp_path.rglob("*") if p.is_dir() and not any(p.iterdir())], "no empty run folder"


def test_every_file_of_a_run_folder_has_the_umask_mode(tmp_path, fault_notebook):
    import stat

    mask = os.umask(0o022)
    os.umask(mask)
    ok = run_report([SAMPLE], title="Faults", output_root=tmp_path, notebook=fault_notebook)
    written = [p for p in [*ok.run_dir.rglob("*"), tmp_path / "faults" / "latest.json"] if p.is_file()]
    assert {p.name for p in written} >= {"report.html", "manifest.json", "latest.json", "numbers.csv", "report.ipynb"}
    assert {p.name: oct(stat.S_IMODE(p.stat().st_mode)) for p in written} == \
        {p.name: oct(0o666 & ~mask) for p in written}


def test_title_with_a_credential_is_refused_like_the_parameter(tmp_path):
    token = "ghp_" + "a1B2" * 9
    proc = subprocess.run([KIT, "report", str(SAMPLE), "--title", f"Leak {token}", "-o", str(tmp_path)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "'title' looks like a credential" in proc.stderr, proc.stderr
    assert not list(tmp_path.iterdir()), "no folder, manifest or page carries the token"


@pytest.mark.parametrize("args, message", [
    (["-p", "period", "fortnight"], "'period' must be one of day, week, month, got 'fortnight'"),
    (["-p", "key_dates", "Feb 12 call"], "'key_dates': key date 'Feb 12 call' does not start with a date"),
    (["-p", "key_dates", "2025-13-45 call"], "'key_dates': key date '2025-13-45' is not a date"),
    (["-p", "counter_claim_days", "-3"], "'counter_claim_days' must be a whole number of 0 or more"),
    (["-p", "start_date", "2025-03-01", "-p", "end_date", "2025-02-01"], "'start_date' (2025-03-01) is after"),
    (["-p", "corrections_file", "no-such-corrections.csv"], "'corrections_file': "),
])
def test_a_bad_parameter_value_stops_the_run_before_it_starts(tmp_path, args, message):
    proc = subprocess.run([KIT, "report", str(SAMPLE), "-o", str(tmp_path), *args],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and message in proc.stderr, proc.stderr
    assert not list(tmp_path.iterdir()), "nothing was started"


EDIT_THEN_LOAD = '''
from pathlib import Path
import kit
article = Path(input_paths[0]) / "a.md"
# Someone saves the article again just after kit report started, before the notebook read it.
article.write_text(article.read_text(encoding="utf-8") + "\\n\\nAn update was added later.\\n", encoding="utf-8")
loaded = kit.load_articles(input_paths)
kit.write_table(loaded.inputs, Path(output_dir) / "tables", "inputs", formats=("csv",))
'''


def test_the_manifest_describes_the_bytes_the_report_read(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "a.md").write_text("---\ntitle: A FICTIONAL note\n---\nThe first version of a fictional text.\n",
                               encoding="utf-8")
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "newsroom-kit", "display_name": "newsroom-kit",
                                                           "language": "python"}})
    nb.cells = [nbformat.v4.new_code_cell('input_paths = []\noutput_dir = "."\ntitle = ""\n',
                                          metadata={"tags": ["parameters"]}),
                nbformat.v4.new_code_cell(EDIT_THEN_LOAD)]
    nbformat.write(nb, tmp_path / "edit.ipynb")
    ok = run_report([data], title="Edited", output_root=tmp_path / "reports", notebook=tmp_path / "edit.ipynb")
    read = (data / "a.md").read_bytes()
    assert b"An update was added later." in read
    entries = json.loads(ok.manifest.read_text())["inputs"]
    assert entries == [{"path": str(data / "a.md"), "bytes": len(read), "sha256": hashlib.sha256(read).hexdigest()}]


def test_kit_report_of_its_own_folder_never_reads_its_earlier_output(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(SAMPLE, project / "articles")
    env = {**os.environ, "KIT_CACHE_DIR": str(project / "kitcache")}
    command = [KIT, "report", ".", "--title", "Self", "--actors", str(SAMPLE_ACTORS), "--processes", "1"]
    runs = []
    for _ in range(2):
        proc = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=600)
        assert proc.returncode == 0, proc.stderr
        runs.append(Path(proc.stdout.split("run: ", 1)[1].strip()))
    first, second = (json.loads((r / "manifest.json").read_text()) for r in runs)
    assert second["stages"]["quotes"]["statements"] == first["stages"]["quotes"]["statements"]
    assert second["stages"]["load"]["articles"] == first["stages"]["load"]["articles"]
    inputs = pd.read_csv(runs[1] / "tables" / "inputs.csv", keep_default_na=False)
    ignored = dict(zip(inputs["path"], inputs["reason"]))
    assert "the kit's own output" in ignored[str(project / "reports" / "self")]
    assert ignored[str(project / "kitcache")].endswith("the extraction cache; never read as articles")
    assert not inputs["path"].str.contains("report.html|manifest.json").any()


def test_secrets_in_the_environment_never_reach_the_notebook(tmp_path, fault_notebook, monkeypatch):
    monkeypatch.setenv("KIT_TEST_SECRET_TOKEN", "do-not-save-me-123")
    ok = run_report([SAMPLE], title="Env", output_root=tmp_path, notebook=fault_notebook)
    for path in ok.run_dir.rglob("*"):
        if path.is_file():
            assert b"do-not-save-me-123" not in path.read_bytes(), path


# ---------------------------------------------------------------- the example workflow for newsrooms

WORKFLOW = REPO / ".github" / "workflows" / "report.yml"


def workflow_steps() -> tuple[dict, list[dict]]:
    import yaml

    doc = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = [s for job in doc["jobs"].values() for s in job["steps"]]
    return doc, steps


def test_workflow_is_scheduled_and_manual():
    doc, _ = workflow_steps()
    triggers = doc.get("on", doc.get(True))  # YAML 1.1 reads a bare `on` as true
    assert triggers["schedule"][0]["cron"].count(" ") == 4
    assert "workflow_dispatch" in triggers


def test_workflow_caches_venv_and_extraction_and_uploads_the_run():
    doc, steps = workflow_steps()
    uses = [s.get("uses", "") for s in steps]
    assert all("@v" in u for u in uses if u), "actions are pinned to a release"
    cached = [s["with"]["path"] for s in steps if s.get("uses", "").startswith("actions/cache@")]
    assert ".venv" in cached and ".cache/kit" in cached
    assert doc["env"]["KIT_CACHE_DIR"].endswith("/.cache/kit"), "kit reads the cache the workflow restores"
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"].startswith("reports") and upload["if"] == "always()"
    commit = next(s for s in steps if "git commit" in s.get("run", ""))
    assert "git status --porcelain" in commit["run"], "commits only when the tables changed"


def test_workflow_calls_only_commands_that_exist():
    import re

    import typer

    _, steps = workflow_steps()
    script = "\n".join(line for s in steps for line in s.get("run", "").splitlines()
                       if not line.strip().startswith("#"))
    targets = set(re.findall(r"^([a-zA-Z_-]+):", (REPO / "Makefile").read_text(encoding="utf-8"), re.M))
    for target in re.findall(r"\bmake ([a-z-]+)", script):
        assert target in targets, f"make {target} is not a Makefile target"
    group = typer.main.get_command(__import__("kit.cli", fromlist=["app"]).app)
    calls = re.findall(r"\.venv/bin/kit (\w+)([^\n|]*)", script)
    assert {name for name, _ in calls} >= {"report", "diff"}
    for name, rest in calls:
        assert name in group.commands, f"kit {name} does not exist"
        options = {o for p in group.commands[name].params if p.param_type_name == "option" for o in p.opts}
        for flag in re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", rest):
            assert flag in options, f"kit {name} has no option {flag}"
    for flag in re.findall(r'args(?:\+)?=\(([^)]*)\)', script):
        for opt in re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", flag):
            assert opt in {o for p in group.commands["report"].params if p.param_type_name == "option"
                           for o in p.opts}, f"kit report has no option {opt}"
