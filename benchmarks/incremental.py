"""Incremental re-runs: the full report cold, after 1% new articles, and with nothing new.

    .venv/bin/python benchmarks/incremental.py              # every non-benchmark file of ../shared/corpus
    .venv/bin/python benchmarks/incremental.py --limit 200  # a quick prefix while developing

The corpus files are copied into a temporary folder (../shared is never modified); the "new"
articles are copies of existing ones with a new id, a new title and an added paragraph, written to
one more JSONL file beside them. Each run is a real ``kit.report.run_report`` with its own fresh
extraction cache. Prints, for each run, the wall time, the extraction (quotes stage) time and the
number of articles parsed and reused, then the 1%-new run's extraction time as a share of the
cold run's (target: at most 5%).
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kit.report import ReportFailed, run_report  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"


def corpus_files() -> list[Path]:
    """The corpus's JSONL files except the large benchmark-only ones (``bench_*``)."""
    return sorted(p for p in CORPUS.glob("*.jsonl") if not p.name.startswith("bench_"))


def copy_corpus(folder: Path, limit: int | None) -> list[dict]:
    """Copy the corpus (or its first ``limit`` documents, spread over the files) into ``folder``."""
    folder.mkdir(parents=True)
    files = corpus_files()
    docs: list[dict] = []
    per_file = None if limit is None else max(1, limit // len(files))
    for path in files:
        lines = path.read_text(encoding="utf-8").splitlines()
        if per_file is not None:
            lines = lines[:per_file]
        (folder / path.name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        docs.extend(json.loads(line) for line in lines if line.strip())
    return docs


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


def timed_run(label: str, data: Path, root: Path, cache: Path) -> dict:
    start = time.perf_counter()
    try:
        run_dir = run_report([data], title="Incremental benchmark", output_root=root,
                             parameters={"cache_dir": str(cache)}).run_dir
        failed = ""
    except ReportFailed as exc:
        # A later stage (tables, charts) failing does not change what extraction did and took.
        run_dir, failed = exc.run_dir, str(exc).split(". Executed")[0]
    wall = time.perf_counter() - start
    stages = json.loads((run_dir / "manifest.json").read_text(encoding="utf-8"))["stages"]
    if "quotes" not in stages or "parsed" not in stages["quotes"]:
        sys.exit(f"{label}: the report failed before extraction finished: {failed}")
    row = {"run": label, "wall_s": round(wall, 1), "extract_s": stages["quotes"]["seconds"],
           "attribute_s": stages.get("attribute", {}).get("seconds", float("nan")), "articles": stages["quotes"]["articles"],
           "parsed": stages["quotes"]["parsed"], "reused": stages["quotes"]["reused"]}
    print(f"{row['run']:<12} wall {row['wall_s']:>8.1f} s   extraction {row['extract_s']:>8.2f} s   "
          f"attribution {row['attribute_s']:>6.2f} s   articles {row['articles']:>5}   parsed {row['parsed']:>5}   "
          f"reused {row['reused']:>5}" + (f"\n             (the run then failed: {failed})" if failed else ""), flush=True)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="use only about this many documents")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print where it is")
    args = parser.parse_args()
    if not CORPUS.exists():
        sys.exit(f"{CORPUS} is not present on this machine")
    tmp = Path(tempfile.mkdtemp(prefix="kit-incremental-"))
    try:
        data, root, cache = tmp / "corpus", tmp / "reports", tmp / "cache"
        docs = copy_corpus(data, args.limit)
        print(f"{len(docs)} documents from {', '.join(p.name for p in corpus_files())}", flush=True)
        cold = timed_run("cold", data, root, cache)
        added = add_new_documents(data, docs)
        print(f"added {added} new documents (1%)", flush=True)
        one = timed_run("1% new", data, root, cache)
        same = timed_run("nothing new", data, root, cache)
        share = one["extract_s"] / cold["extract_s"] if cold["extract_s"] else float("nan")
        print(f"\n1%-new extraction time / cold extraction time = {share:.1%} (target <= 5%: "
              f"{'met' if share <= 0.05 else 'NOT met'}); nothing-new: {same['extract_s'] / cold['extract_s']:.1%}")
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
