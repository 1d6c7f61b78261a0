"""Time and peak memory of hostile inputs at doubling sizes, run by hand (issue #19, items 22-23).

    .venv/bin/python benchmarks/hostile_scale.py                          # every case at N, 2N, 4N
    .venv/bin/python benchmarks/hostile_scale.py --cases csv-rows,jsonl-keys
    .venv/bin/python benchmarks/hostile_scale.py --cases symlink-fanout --sizes 6,8,10
    .venv/bin/python benchmarks/hostile_scale.py --scale 0.25             # quicker: every N divided by 4

Each case writes its input of size n into a fresh temporary folder (nothing is written into the
repository), then runs one kit command on it (``kit load PATH`` or ``kit quotes PATH``) in a fresh
process and reports its wall time, its CPU time (user + system, from ``wait4``: on a shared machine the
wall time also counts waiting for a core, so the time ratio is taken on CPU time) and its peak memory
(the child's maximum resident set size). The same command on one small article, run first, is the baseline: "extra MB" is the
peak above it, so the ratio per doubling compares what the input costs, not Python's own start-up.
A ratio near 2 per doubling is linear; the goal is <= 2.3 for time and for extra memory.

The quote engine's cases (item 22: many quoted paragraphs, transcript turns, labels inside one
paragraph, long runs of one quotation mark or symbol, alternating marks, a single line of megabytes)
run ``kit quotes`` on one process with a fresh extraction cache.

Adding a case: write a function
``writer(folder: Path, n: int) -> list[Path]`` that creates an input of size n under ``folder``
and returns the paths to pass, and add ``Case(name, writer, command, base_n, unit)`` to CASES,
with ``command`` "load" or "quotes".
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parent.parent
FICTIONAL = "FICTIONAL benchmark text: every person and quote in it is invented."
RATIO_GOAL = 2.3


@dataclass
class Case:
    """One kind of hostile input: how to write it at size n, and which kit command reads it."""

    name: str
    write: Callable[[Path, int], list[Path]]
    command: str  # "load" or "quotes"
    base_n: int
    unit: str


# ---------------------------------------------------------------- writers


def csv_rows(folder: Path, n: int) -> list[Path]:
    """A CSV of n rows of about 125 bytes each (1,000,000 rows: 125 MB)."""
    path = folder / "rows.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write("id,published,title,text\n")
        for i in range(n):
            fh.write(f'r{i:07d},2025-02-{i % 28 + 1:02d},Row {i},"FICTIONAL. Row {i}: the mayor said ""yes"" '
                     f'to the tram plan, again."\n')
    return [path]


def jsonl_distinct_keys(folder: Path, n: int) -> list[Path]:
    """JSON Lines of n records, each carrying one field name no other record has."""
    path = folder / "keys.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"k{i}", "text": f"{FICTIONAL} Record {i}.", f"field_{i}": "x"}) + "\n")
    return [path]


def nested_folders(folder: Path, n: int) -> list[Path]:
    """n folders, each inside the one before, with one article at the bottom."""
    root = deepest = folder / "nested"
    root.mkdir()
    for _ in range(n):  # one by one: os.makedirs itself recurses
        deepest = deepest / "d"
        deepest.mkdir()
    (deepest / "article.txt").write_text(f"{FICTIONAL}\n\nThe bottom of {n} folders.\n", encoding="utf-8")
    return [root]


def symlink_fanout(folder: Path, n: int) -> list[Path]:
    """n levels of folders, each holding an article and two symbolic links to the next level.

    Followed naively, the last level is reached through 2**n paths.
    """
    root = folder / "fanout"
    levels = [root / f"level{k}" for k in range(n + 1)]
    for k, level in enumerate(levels):
        level.mkdir(parents=True)
        (level / f"article{k}.txt").write_text(f"{FICTIONAL}\n\nLevel {k} of {n}.\n", encoding="utf-8")
        if k:
            (levels[k - 1] / "a").symlink_to(level, target_is_directory=True)
            (levels[k - 1] / "b").symlink_to(level, target_is_directory=True)
    return [levels[0]]


def gzip_bomb(folder: Path, n: int) -> list[Path]:
    """A .jsonl.gz of a few MB that unpacks to n MB of newlines (n over 1,024: past the load limit)."""
    path = folder / "bomb.jsonl.gz"
    chunk = b"\n" * (1 << 20)
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9) as fh:
        for _ in range(n):
            fh.write(chunk)
    return [path]


def gzip_jsonl(folder: Path, n: int) -> list[Path]:
    """A .jsonl.gz of n ordinary records (a legitimate compressed export)."""
    path = folder / "records.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"g{i}", "published": "2025-02-12",
                                 "text": f"{FICTIONAL} Record {i}: “We will see,” the mayor said."}) + "\n")
    return [path]


def one_article(folder: Path, n: int) -> list[Path]:
    """The baseline input: one short article."""
    path = folder / "2025-02-12-one.txt"
    path.write_text(f"{FICTIONAL}\n\n“We will see,” the mayor said.\n", encoding="utf-8")
    return [path]


def article(folder: Path, name: str, paragraphs: list[str]) -> list[Path]:
    """One fictional article of these paragraphs, dated in its file name."""
    path = folder / f"2025-02-12-{name}.txt"
    path.write_text("\n\n".join([FICTIONAL, *paragraphs]) + "\n", encoding="utf-8")
    return [path]


def quoted_paragraphs(folder: Path, n: int) -> list[Path]:
    """One article of n paragraphs, each a quotation with its cue (paragraphs x quotations)."""
    return article(folder, "quoted", [f"“Tram line {i} opens in spring,” Mayor Anna Berg said." for i in range(n)])


def transcript_turns(folder: Path, n: int) -> list[Path]:
    """One transcript of n turns, each a paragraph that opens with a speaker label."""
    return article(folder, "briefing", [f"MAYOR BERG: Line {i} opens in spring." if i % 2 else f"Q: And line {i}?"
                                        for i in range(n)])


def inline_labels(folder: Path, n: int) -> list[Path]:
    """One paragraph holding n speaker labels after sentence ends ("... Fine. Anna Berg: Thank you.")."""
    names = ("Anna Berg", "Piet Smit")
    return article(folder, "inline", [" ".join(f"{names[i % 2]}: Line {i} opens in spring." for i in range(n))])


def mark_runs(folder: Path, n: int) -> list[Path]:
    """One article whose paragraphs are runs of n '"', '“', '=' and '*' (a separator gone wrong)."""
    return article(folder, "runs", [f"The mayor said it was fine. {mark * n} Then she left." for mark in '"“=*'])


def alternating_marks(folder: Path, n: int) -> list[Path]:
    """One paragraph of n characters alternating “ and ” (3 bytes each in UTF-8)."""
    return article(folder, "alternating", [f"The mayor said {'“”' * (n // 2)} and left."])


def long_paragraph(folder: Path, n: int) -> list[Path]:
    """One single-line article of n characters of prose (over 1,000,000: past spaCy's max_length)."""
    path = folder / "2025-02-12-one-line.txt"
    sentence = "The mayor said line {i} opens in spring. "
    parts, size, i = [FICTIONAL, " "], len(FICTIONAL) + 1, 0
    while size < n:
        parts.append(sentence.format(i=i))
        size += len(parts[-1])
        i += 1
    path.write_text("".join(parts), encoding="utf-8")
    return [path]


CASES = [
    Case("csv-rows", csv_rows, "load", 250_000, "rows"),
    Case("jsonl-keys", jsonl_distinct_keys, "load", 4_000, "records"),
    Case("nested-folders", nested_folders, "load", 250, "levels"),
    Case("symlink-fanout", symlink_fanout, "load", 8, "levels"),
    Case("gzip-bomb", gzip_bomb, "load", 2_048, "MB unpacked"),
    Case("gzip-jsonl", gzip_jsonl, "load", 100_000, "records"),
    Case("quoted-paragraphs", quoted_paragraphs, "quotes", 2_000, "paragraphs"),
    Case("transcript-turns", transcript_turns, "quotes", 10_000, "turns"),
    Case("inline-labels", inline_labels, "quotes", 5_000, "labels"),
    Case("mark-runs", mark_runs, "quotes", 4_000, "marks per run"),
    Case("alternating-marks", alternating_marks, "quotes", 40_000, "characters"),
    Case("long-paragraph", long_paragraph, "quotes", 500_000, "characters"),
]


# ---------------------------------------------------------------- running


def run_kit(command: str, paths: list[Path], timeout: float) -> tuple[float, float, float, int]:
    """``(wall seconds, CPU seconds, peak MB, exit status)`` of ``kit COMMAND PATHS`` in a fresh process.

    ``kit quotes`` runs on one process (its peak memory is then the whole run's) with an extraction cache
    in a temporary folder of its own, so nothing is reused and nothing is written into the repository."""
    extra = ["--processes", "1"] if command == "quotes" else []
    with tempfile.TemporaryDirectory(prefix="kit-cache-") as cache:
        return _run(command, paths, timeout, extra, {**os.environ, "PYTHONPATH": str(REPO), "KIT_CACHE_DIR": cache})


def _run(command: str, paths: list[Path], timeout: float, extra: list[str], env: dict) -> tuple[float, float, float, int]:
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "kit.cli", command, *extra, *map(str, paths)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            return float("inf"), float("inf"), usage.ru_maxrss / 1024, -9
        time.sleep(0.02)
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return time.perf_counter() - start, cpu, usage.ru_maxrss / 1024, proc.returncode  # ru_maxrss is in KB on Linux


def input_megabytes(paths: list[Path]) -> float:
    """Bytes on disk under the paths (symbolic links not followed), in MB."""
    total = 0
    for path in paths:
        if path.is_file():
            total += path.stat().st_size
        for dirpath, _, files in os.walk(path):
            total += sum(os.lstat(os.path.join(dirpath, f)).st_size for f in files)
    return total / 1e6


NOISE_MB, NOISE_SECONDS = 20.0, 0.5  # below these a ratio measures noise, not growth


def ratio(now: float, before: float | None, noise: float) -> str:
    """``now / before`` as text; '~' when both are too small to compare, '' for the first size."""
    if before is None or now == float("inf"):
        return ""
    if max(now, before) < noise:
        return "~"
    return f"{now / max(before, noise):.2f}"


def measure(case: Case, sizes: list[int], timeout: float) -> list[dict]:
    """One row per size: time, peak memory, and the growth over the size before."""
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="kit-baseline-") as tmp:
        _, _, base_mb, _ = run_kit(case.command, one_article(Path(tmp), 1), timeout)
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix=f"kit-{case.name}-") as tmp:
            paths = case.write(Path(tmp), n)
            seconds, cpu, peak, status = run_kit(case.command, paths, timeout)
            rows.append(dict(case=case.name, n=n, unit=case.unit, input_mb=input_megabytes(paths), seconds=seconds,
                             cpu=cpu, peak_mb=peak, extra_mb=max(peak - base_mb, 0.0), status=status, base_mb=base_mb))
        before = rows[-2] if len(rows) > 1 else None
        row = rows[-1]
        row["time_ratio"] = ratio(row["cpu"], before and before["cpu"], NOISE_SECONDS)
        row["memory_ratio"] = ratio(row["extra_mb"], before and before["extra_mb"], NOISE_MB)
        print_row(row)
    return rows


HEADER = ("| case | n | input MB | exit | wall s | CPU s | peak MB | extra MB | CPU time x | memory x |\n"
          "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")


def print_row(row: dict) -> None:
    seconds = "timeout | timeout" if row["seconds"] == float("inf") else f"{row['seconds']:.1f} | {row['cpu']:.1f}"
    print(f"| {row['case']} | {row['n']:,} {row['unit']} | {row['input_mb']:.1f} | {row['status']} | {seconds} | "
          f"{row['peak_mb']:,.0f} | {row['extra_mb']:,.0f} | {row['time_ratio']} | {row['memory_ratio']} |", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", default=",".join(c.name for c in CASES), help="comma-separated case names")
    parser.add_argument("--sizes", help="comma-separated sizes for every chosen case (default: N,2N,4N)")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every case's N by this")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds before one run is stopped")
    args = parser.parse_args(argv)
    sys.setrecursionlimit(20_000)  # shutil.rmtree, cleaning up the nested-folders case, recurses once per level
    chosen = args.cases.split(",")
    unknown = set(chosen) - {c.name for c in CASES}
    if unknown:
        parser.error(f"unknown case(s): {', '.join(sorted(unknown))}")
    print(HEADER)
    worst, baselines = 0.0, {}
    for case in (c for c in CASES if c.name in chosen):
        base = max(1, round(case.base_n * args.scale))
        sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else [base, 2 * base, 4 * base]
        for row in measure(case, sizes, args.timeout):
            baselines[case.command] = max(baselines.get(case.command, 0.0), row["base_mb"])
            for key in ("time_ratio", "memory_ratio"):
                if row[key] not in ("", "~"):
                    worst = max(worst, float(row[key]))
    shown = ", ".join(f"kit {command} {mb:,.0f} MB" for command, mb in sorted(baselines.items()))
    print(f"\npeak MB of the same command on one short article (the baseline): {shown}")
    print(f"worst ratio per doubling: {worst:.2f} (goal <= {RATIO_GOAL})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
