"""Incremental re-runs: the whole ``kit report`` cold, after 1% new articles, and with nothing new.

    .venv/bin/python benchmarks/incremental.py                        # the 816-text Kremlin English file
    .venv/bin/python benchmarks/incremental.py --large                # ... and the 14,380-text White House file
    .venv/bin/python benchmarks/incremental.py --file us_sotu_2021_2026.jsonl --limit 200   # while developing
    # the White House file's two-hour cold run once, kept; the warm runs later, on the code of the day:
    .venv/bin/python benchmarks/incremental.py --file bench_whitehouse_all_2021_2026.jsonl.gz --workdir W --cold-only
    .venv/bin/python benchmarks/incremental.py --file bench_whitehouse_all_2021_2026.jsonl.gz --workdir W --prime

Each file of ../shared/corpus is copied into a temporary folder (../shared is never modified); the
"new" articles are copies of 1% of its documents with a new id, a new title and an added paragraph,
written to one more JSONL file beside it. Each run is a real ``kit report`` as a user runs it: a new
process (``python -m kit.cli report``: its imports, the kernel, every cell, the HTML export) with the
benchmark's own extraction cache, which the cold run starts empty.
Prints, per run, the wall time, the CPU time of the run's processes (``kit report``, the kernel and its
parse workers: on a shared machine it moves far less with other work than the wall time does) and
where the wall time went: every stage the notebook records (``load``, ``quotes``, ``attribute``,
``tables``, ``charts``, ``findings``, ``diff``, ``page``), the rest of the notebook's execution
(kernel start, imports, small cells), the HTML export and ``process``, what ``kit report`` did
before and after the notebook (starting Python, its imports, checking the parameters); on a second
line, the kernel's CPU time per stage; then warm+1% as a share of cold, in wall
and in CPU time (goals: at most 10% on the Kremlin file, at most 5% on the White House file).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
KREMLIN, WHITE_HOUSE = "kremlin_en_2021_2022.jsonl", "bench_whitehouse_all_2021_2026.jsonl.gz"
GOALS = {KREMLIN: 0.10, WHITE_HOUSE: 0.05}
STAGES = ("load", "quotes", "attribute", "tables", "charts", "findings", "diff", "page")


def read_lines(path: Path) -> list[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return [line for line in fh.read().splitlines() if line.strip()]


def copy_file(path: Path, folder: Path, limit: int | None) -> list[dict]:
    """Copy a corpus file (or its first ``limit`` documents) into ``folder`` as plain JSONL."""
    folder.mkdir(parents=True)
    lines = read_lines(path)[:limit]
    (folder / path.name.removesuffix(".gz")).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [json.loads(line) for line in lines]


def add_new_documents(folder: Path, docs: list[dict], share: float = 0.01) -> int:
    """Write ``share`` of the documents again as new, altered articles; returns how many."""
    n = max(1, round(len(docs) * share))
    step = max(1, len(docs) // n)
    new = []
    for i, doc in enumerate(docs[::step][:n]):
        altered = dict(doc, id=f"{doc.get('id', i)}-update-{i}", title=f"{doc.get('title', '')} (updated)",
                       text=doc["text"] + "\n\nThis paragraph was added by the incremental benchmark.")
        new.append(json.dumps(altered, ensure_ascii=False))
    (folder / "zz_new_documents.jsonl").write_text("\n".join(new) + "\n", encoding="utf-8")
    return n


def cpu_seconds() -> float:
    """CPU time of every process this one started and waited for (kit report, its kernel and parse workers)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_run(label: str, data: Path, root: Path, cache: Path) -> dict:
    command = [sys.executable, "-m", "kit.cli", "report", str(data), "--title", "Incremental benchmark",
               "-o", str(root), "--cache-dir", str(cache)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(REPO), os.environ.get("PYTHONPATH"))))}
    start, cpu = time.perf_counter(), cpu_seconds()
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    wall, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    if done.returncode:
        sys.exit(f"{label}: the report failed ({done.returncode}): {done.stderr[-2000:]}")
    run_dir = Path(json.loads((root / "incremental-benchmark" / "latest.json").read_text(encoding="utf-8"))["path"])
    manifest = json.loads((run_dir / "manifest.json").read_text(encoding="utf-8"))
    stages, timings = manifest["stages"], manifest["timings"]
    seconds = {s: stages.get(s, {}).get("seconds", 0.0) for s in STAGES}
    row = {"run": label, "wall": wall, "cpu": cpu, **seconds,
           "rest": timings["execute_seconds"] - sum(seconds.values()), "html": timings["html_seconds"],
           "process": wall - timings["execute_seconds"] - timings["html_seconds"],
           "parsed": stages["quotes"]["parsed"], "articles": stages["quotes"]["articles"],
           "statements": stages.get("tables", {}).get("rows", 0)}
    parts = "  ".join(f"{k} {row[k]:.1f}" for k in (*STAGES, "rest", "html", "process"))
    row["line"] = (f"{label:<12} wall {wall:7.1f} s (CPU {cpu:6.1f} s) = {parts}   (articles {row['articles']}, parsed {row['parsed']}, "
          f"statements {row['statements']})")
    # The kernel's own processor time per stage (parse workers aside), where the run recorded it.
    cpu_parts = {s: stages[s]["cpu_seconds"] for s in STAGES if "cpu_seconds" in stages.get(s, {})}
    if cpu_parts:
        row["cpu_stages"] = cpu_parts
        row["line"] += "\n" + " " * 13 + "kernel CPU by stage: " + "  ".join(f"{k} {v:.1f}" for k, v in cpu_parts.items())
    print(row["line"], flush=True)
    return row


def cold_run(name: str, limit: int | None, tmp: Path) -> tuple[dict, list[dict]]:
    """The cold run in ``tmp``, or, when ``tmp`` holds a cold run kept earlier (``--workdir``), that run's
    numbers and a fresh copy of its corpus, cache and reports, so a warm run can be timed again later."""
    data, root, cache = tmp / "corpus", tmp / "reports", tmp / "cache"
    kept, record = tmp / "after-cold", tmp / "cold.json"
    if record.exists():
        for folder in (data, root, cache):
            shutil.rmtree(folder, ignore_errors=True)
            shutil.copytree(kept / folder.name, folder)
        cold = json.loads(record.read_text(encoding="utf-8"))
        print(f"\n{name}: the cold run kept in {tmp} (measured {cold['when']}, load average {cold['load']:.1f}):",
              flush=True)
        print(cold["line"], flush=True)
        return cold, [json.loads(line) for line in read_lines(data / name.removesuffix(".gz"))]
    docs = copy_file(CORPUS / name, data, limit)
    print(f"\n{name}: {len(docs)} documents (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)",
          flush=True)
    load = os.getloadavg()[0]
    cold = timed_run("cold", data, root, cache)
    cold.update(when=time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), load=load)
    for folder in (data, root, cache):
        shutil.copytree(folder, kept / folder.name)
    record.write_text(json.dumps(cold), encoding="utf-8")
    return cold, docs


def benchmark(name: str, limit: int | None, keep: bool, workdir: Path | None = None, cold_only: bool = False,
              prime: bool = False) -> None:
    tmp = workdir or Path(tempfile.mkdtemp(prefix="kit-incremental-"))
    keep = keep or workdir is not None
    try:
        data, root, cache = tmp / "corpus", tmp / "reports", tmp / "cache"
        cold, docs = cold_run(name, limit, tmp)
        if cold_only:
            return
        if prime:
            timed_run("primed", data, root, cache)
        print(f"added {add_new_documents(data, docs)} new documents (1%)", flush=True)
        warm = timed_run("warm +1%", data, root, cache)
        timed_run("nothing new", data, root, cache)
        share, goal = warm["wall"] / cold["wall"], GOALS.get(name, 0.10)
        print(f"{name}: warm+1% / cold = {warm['wall']:.1f} / {cold['wall']:.1f} s = {share:.1%} "
              f"(goal <= {goal:.0%}: {'met' if share <= goal else 'NOT met'}; "
              f"load average now {os.getloadavg()[0]:.1f}); in CPU time {warm['cpu']:.1f} / {cold['cpu']:.1f} s "
              f"= {warm['cpu'] / cold['cpu']:.1%}", flush=True)
    finally:
        if keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", action="append", help=f"a file of ../shared/corpus (default {KREMLIN})")
    parser.add_argument("--large", action="store_true", help=f"also {WHITE_HOUSE} (a cold run takes one to two hours)")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N documents of each file")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folders and print where they are")
    parser.add_argument("--workdir", type=Path, help="work in this folder and keep it; a cold run kept there "
                        "earlier is reused (its numbers and a fresh copy of its cache), so the warm runs can be "
                        "timed later, on other code, without a second cold run")
    parser.add_argument("--cold-only", action="store_true", help="stop after the cold run (with --workdir)")
    parser.add_argument("--prime", action="store_true", help="before the warm runs, run once with nothing new: "
                        "when the code changed since the kept cold run, this fills what the new code caches "
                        "(as its own cold run would have), and its time is printed as 'primed'")
    args = parser.parse_args()
    names = args.file or [KREMLIN] + ([WHITE_HOUSE] if args.large else [])
    for name in names:
        if not (CORPUS / name).exists():
            sys.exit(f"{CORPUS / name} is not present on this machine")
    if args.workdir and len(names) > 1:
        sys.exit("--workdir takes one file (--file NAME or --large alone)")
    for name in names:
        benchmark(name, args.limit, args.keep, args.workdir, args.cold_only, args.prime)


if __name__ == "__main__":
    main()
