"""Speed and memory of quote extraction against a plain spaCy parse and textacy, run by hand.

    .venv/bin/python benchmarks/speed.py --limit 2000          # PolNeAR dev + first 2,000 docs
    .venv/bin/python benchmarks/speed.py --inputs corpus        # the whole 14,380-document file
    .venv/bin/python benchmarks/speed.py --inputs dev --configs engine,engine-full

By default dev runs baseline, textacy, engine and engine-full (F1 of the fast path against a
full parse) and the corpus runs baseline, textacy, engine, dask-1 and dask-2.

In one run and on the same input (PolNeAR dev from ../shared/gold, and the White House benchmark
corpus from ../shared/corpus or its first ``--limit`` documents), each configuration runs in a
fresh child process that loads the pipeline, starts the clock, and works through every article:

    baseline     a full ``nlp.pipe`` parse (same pipeline, n_process, batch_size), nothing else
    textacy      the same parse plus ``textacy.extract.triples.direct_quotations`` per doc
                 (skipped where textacy is not installed; ``--textacy-python`` runs it from
                 another venv)
    engine       ``kit.quotes.extract_quotes`` with its fast path (parse only paragraphs that
                 can hold a statement), same n_process and batch_size
    engine-full  the same engine parsing every paragraph (fast=False): the fast path's F1 must
                 equal this one
    dask-1/-2    ``kit.scale.extract_quotes_dask`` on a LocalCluster of 1 / 2 workers (cluster
                 start and pipeline load are set-up, reported apart and not in words/s)

Words are whitespace-separated tokens of the input text (the same count for every
configuration). Peak memory ("peak GB") is the largest sum of PSS (proportional set size) of the
child and all its descendants (spaCy's n_process workers, Dask's nanny and worker processes),
sampled every 50 ms: pages forked workers share with their parent count once. "RSS sum" adds
plain RSS instead, counting shared pages once per process, so it overstates what is used. On dev, overlap and end-to-end F1 come from ../shared/tools/score_quotes.py (the
engine's statements through benchmarks/gold_scores.py's adapter; textacy's triples through the
adapter below). Nothing is written into the repository.
"""
from __future__ import annotations

import argparse
import gzip
import inspect
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
GOLD = SHARED / "gold" / "polnear-dev.jsonl"
CORPUS = SHARED / "corpus" / "bench_whitehouse_all_2021_2026.jsonl.gz"
SCORER = SHARED / "tools" / "score_quotes.py"
DEV_CONFIGS = ["baseline", "textacy", "engine", "engine-full"]
CORPUS_CONFIGS = ["baseline", "textacy", "engine", "dask-1", "dask-2"]
CONFIGS = DEV_CONFIGS + ["dask-1", "dask-2"]
sys.path.insert(0, str(REPO))


# ---------------------------------------------------------------- input

def read_articles(path: Path, limit: int | None) -> list[dict]:
    """``id`` and ``text`` of the first ``limit`` JSON lines of a (gzipped) file."""
    opener = gzip.open if path.suffix == ".gz" else open
    out = []
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if limit is not None and len(out) >= limit:
                break
            if line.strip():
                doc = json.loads(line)
                out.append({"article_id": str(doc["id"]), "text": doc.get("text") or ""})
    return out


# ---------------------------------------------------------------- peak memory

class PeakRSS:
    """Largest total memory of this process and its descendants, sampled in a thread.

    ``peak`` sums PSS (proportional set size): a page that forked workers share with their
    parent counts once, split between them, so the total is what the machine really holds.
    ``peak_rss`` sums plain RSS, which counts every shared page once per process (kept for
    comparison with earlier runs; it overstates memory once workers are forked from a large
    parent)."""

    def __init__(self, every: float = 0.05):
        import psutil

        self._proc = psutil.Process()
        self._every = every
        self._stop = threading.Event()
        self.peak = 0
        self.peak_rss = 0
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _total(self) -> tuple[int, int]:
        import psutil

        pss = rss = 0
        for proc in [self._proc] + self._proc.children(recursive=True):
            try:
                info = proc.memory_full_info()
            except psutil.Error:  # a child that just ended
                continue
            pss += getattr(info, "pss", info.rss)
            rss += info.rss
        return pss, rss

    def _sample(self) -> None:
        pss, rss = self._total()
        self.peak = max(self.peak, pss)
        self.peak_rss = max(self.peak_rss, rss)

    def _run(self):
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(self._every)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self._sample()


# ---------------------------------------------------------------- configurations (child side)

def textacy_predictions(doc) -> list[dict]:
    """textacy's direct quotations in the scorer's shape."""
    from textacy.extract.triples import direct_quotations

    out = []
    for triple in direct_quotations(doc):
        speaker = [t for t in triple.speaker]
        out.append({
            "quote_start": triple.content.start_char, "quote_end": triple.content.end_char,
            "quote_spans": [[triple.content.start_char, triple.content.end_char]],
            "speaker": " ".join(t.text for t in speaker) or None,
            "speaker_start": min(t.idx for t in speaker) if speaker else None,
            "speaker_end": max(t.idx + len(t) for t in speaker) if speaker else None,
        })
    return out


def engine_options(fast: bool, n_process: int, batch_size: int) -> dict:
    """The keywords this version of ``extract_quotes`` accepts, of fast, n_process, batch_size."""
    from kit.quotes import extract_quotes

    wanted = {"fast": fast, "n_process": n_process, "batch_size": batch_size}
    accepted = inspect.signature(extract_quotes).parameters
    return {k: v for k, v in wanted.items() if k in accepted}


def run_config(config: str, articles: list[dict], n_process: int, batch_size: int, pred: Path | None) -> dict:
    """Run one configuration on ``articles``; seconds exclude loading the pipeline."""
    import pandas as pd

    from kit.nlp import load_pipeline

    texts = [a["text"] for a in articles]
    ids = [a["article_id"] for a in articles]
    frame = pd.DataFrame({"article_id": ids, "text": texts})
    result = {"statements": None, "setup_s": 0.0}
    t_setup = time.perf_counter()
    if config.startswith("dask-"):
        from distributed import Client, LocalCluster

        from kit.nlp import pipeline_name
        from kit.scale import extract_quotes_dask, worker_pipeline

        cluster = LocalCluster(n_workers=int(config.split("-")[1]), threads_per_worker=1,
                               processes=True, dashboard_address=None, silence_logs=40)
        client = Client(cluster)
        client.run(worker_pipeline, pipeline_name())
    else:
        nlp = load_pipeline()
        nlp("warm up")
    result["setup_s"] = time.perf_counter() - t_setup

    with PeakRSS() as memory:
        t0 = time.perf_counter()
        if config == "baseline":
            for _ in nlp.pipe(texts, n_process=n_process, batch_size=batch_size):
                pass
        elif config == "textacy":
            predictions, bailed = {}, 0
            for aid, doc in zip(ids, nlp.pipe(texts, n_process=n_process, batch_size=batch_size)):
                try:
                    predictions[aid] = textacy_predictions(doc)
                except ValueError:  # textacy gives up on a document with an unclosed quotation
                    predictions[aid], bailed = [], bailed + 1
            result["statements"] = sum(len(p) for p in predictions.values())
            result["note"] = f"textacy gave up on {bailed} of {len(ids)} docs (unclosed quotation)"
        elif config in ("engine", "engine-full"):
            from kit.quotes import extract_quotes

            statements = extract_quotes(frame, nlp, **engine_options(config == "engine", n_process, batch_size))
            result["statements"] = len(statements)
        elif config.startswith("dask-"):
            statements = extract_quotes_dask(frame, scheduler=client, **engine_options(True, 1, batch_size))
            result["statements"] = len(statements)
        else:
            raise SystemExit(f"unknown configuration {config}")
        result["seconds"] = time.perf_counter() - t0
    result["peak_rss"] = memory.peak
    result["peak_rss_sum"] = memory.peak_rss
    if config.startswith("dask-"):
        client.close()
        cluster.close()
    if pred is not None and config == "textacy":
        write_jsonl(pred, [{"id": aid, "quotes": predictions[aid]} for aid in ids])
    elif pred is not None and result["statements"] is not None:
        write_engine_predictions(ids, statements, pred)
    return result


def write_engine_predictions(ids: list[str], statements, pred: Path) -> None:
    """The engine's statements in the scorer's shape: benchmarks/gold_scores.py's adapter where it
    exists, else the quoted pieces and the resolved speaker."""
    try:
        from gold_scores import write_predictions
    except ImportError:
        rows = {aid: [] for aid in ids}
        for st in statements.itertuples():
            spans = [[int(s), int(e)] for s, e in st.quote_spans]
            has_mention = st.speaker_start >= 0
            rows[st.article_id].append({
                "quote_start": spans[0][0], "quote_end": spans[-1][1], "quote_spans": spans,
                "speaker": st.speaker or st.speaker_mention or None,
                "speaker_start": int(st.speaker_start) if has_mention else None,
                "speaker_end": int(st.speaker_end) if has_mention else None})
        write_jsonl(pred, [{"id": aid, "quotes": rows[aid]} for aid in ids])
        return
    write_predictions([{"id": aid} for aid in ids], statements, pred)


def write_jsonl(path: Path, rows: list[dict]) -> None:
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as out:
        out.writelines(json.dumps(r) + "\n" for r in rows)
    os.replace(tmp, path)


def child_main(args) -> int:
    articles = read_articles(Path(args.input), args.limit)
    result = run_config(args.child, articles, args.n_process, args.batch_size,
                        Path(args.pred) if args.pred else None)
    result.update(docs=len(articles), words=sum(len(a["text"].split()) for a in articles),
                  chars=sum(len(a["text"]) for a in articles))
    print("RESULT " + json.dumps(result))
    return 0


# ---------------------------------------------------------------- parent side

def has_textacy(python: str) -> bool:
    return subprocess.run([python, "-c", "import textacy.extract.triples"], capture_output=True).returncode == 0


def run_child(config: str, input_path: Path, limit: int | None, args, pred: Path | None, python: str) -> dict:
    cmd = [python, str(Path(__file__).resolve()), "--child", config, "--input", str(input_path),
           "--n-process", str(args.n_process), "--batch-size", str(args.batch_size)]
    if limit is not None:
        cmd += ["--limit", str(limit)]
    if pred is not None:
        cmd += ["--pred", str(pred)]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO), str(REPO / "benchmarks")]))
    done = subprocess.run(cmd, capture_output=True, text=True, env=env)
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("RESULT ")]
    if done.returncode != 0 or not lines:
        tail = "\n".join(done.stderr.strip().splitlines()[-6:])
        return {"error": f"exit {done.returncode}: {tail}"}
    return json.loads(lines[-1][len("RESULT "):])


def f1_scores(gold: Path, pred: Path) -> tuple[float, float]:
    """Overlap F1 and end-to-end F1 (quote and speaker right), all kinds."""
    out = subprocess.run([sys.executable, str(SCORER), str(gold), str(pred)], check=True,
                         capture_output=True, text=True).stdout
    res = json.loads(out)
    return res["overlap"]["F1"], res["e2e"]["F1"]


def fmt_row(label: str, config: str, r: dict) -> str:
    if "error" in r:
        return f"{label:<8} {config:<12} ERROR {r['error']}"
    wps = r["words"] / r["seconds"]
    aps = r["docs"] / r["seconds"]
    f1 = f"{r['f1']:>6.1f} {r['e2e']:>6.1f}" if "f1" in r else f"{'-':>6} {'-':>6}"
    stm = "-" if r.get("statements") is None else str(r["statements"])
    return (f"{label:<8} {config:<12} {r['docs']:>6} {r['words']:>10,} {r['seconds']:>8.1f} {wps:>10,.0f} "
            f"{aps:>8.2f} {r['peak_rss'] / 2**30:>8.2f} {r.get('peak_rss_sum', 0) / 2**30:>7.2f} "
            f"{r['setup_s']:>7.1f} {stm:>8} {f1}")


def ratio(results: dict, a: str, b: str) -> str:
    ra, rb = results.get(a), results.get(b)
    if not ra or not rb or "error" in ra or "error" in rb:
        return "n/a"
    return f"{(ra['words'] / ra['seconds']) / (rb['words'] / rb['seconds']):.2f}x"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--inputs", default="dev,corpus", help="comma list of: dev, corpus")
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents of the corpus")
    ap.add_argument("--configs", default=None, help=f"comma list of {', '.join(CONFIGS)}")
    ap.add_argument("--n-process", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--textacy-python", default=sys.executable,
                    help="the Python that has textacy (another venv), for the textacy configuration")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--input", help=argparse.SUPPRESS)
    ap.add_argument("--pred", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        return child_main(args)

    inputs = [("dev", GOLD, None), ("corpus", CORPUS, args.limit)]
    inputs = [i for i in inputs if i[0] in args.inputs.split(",")]
    for _, path, _ in inputs:
        if not path.exists():
            print(f"{path} is not present on this machine", file=sys.stderr)
            return 2
    textacy_ok = has_textacy(args.textacy_python)
    import platform

    import psutil

    print(f"# benchmarks/speed.py  {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}  "
          f"python {platform.python_version()}  cores {psutil.cpu_count()}  "
          f"n_process {args.n_process}  batch_size {args.batch_size}  "
          f"load average {os.getloadavg()[0]:.1f} (other work on this machine slows every row alike)")
    print(f"# textacy: {'installed (' + args.textacy_python + ')' if textacy_ok else 'not installed: skipped'}")
    header = (f"{'input':<8} {'config':<12} {'docs':>6} {'words':>10} {'seconds':>8} {'words/s':>10} "
              f"{'arts/s':>8} {'peak GB':>8} {'RSS sum':>7} {'setup s':>7} {'stmts':>8} {'F1ovl':>6} {'F1e2e':>6}")
    print(header)
    print("-" * len(header))
    tmp = Path(tempfile.mkdtemp(prefix="kit-speed-"))
    for label, path, limit in inputs:
        configs = (args.configs.split(",") if args.configs else (DEV_CONFIGS if label == "dev" else CORPUS_CONFIGS))
        results = {}
        for config in configs:
            if config == "textacy" and not textacy_ok:
                continue
            pred = tmp / f"{label}-{config}.jsonl" if label == "dev" else None
            python = args.textacy_python if config == "textacy" else sys.executable
            r = run_child(config, path, limit, args, pred, python)
            if pred is not None and "error" not in r and pred.exists():
                r["f1"], r["e2e"] = f1_scores(path, pred)
            results[config] = r
            print(fmt_row(label, config, r), flush=True)
            if r.get("note"):
                print(f"{'':<8} {'':<12} ({r['note']})", flush=True)
        print(f"{label}: engine/baseline {ratio(results, 'engine', 'baseline')}   "
              f"engine/textacy {ratio(results, 'engine', 'textacy')}   "
              f"engine/engine-full {ratio(results, 'engine', 'engine-full')}   "
              f"dask-2/dask-1 {ratio(results, 'dask-2', 'dask-1')}   (words/s)")
        if "engine" in results and "engine-full" in results and "f1" in results["engine"] and "f1" in results["engine-full"]:
            same = (results["engine"]["f1"], results["engine"]["e2e"]) == (results["engine-full"]["f1"], results["engine-full"]["e2e"])
            print(f"{label}: fast path F1 {'equals' if same else 'DIFFERS FROM'} the full parse's")
        print(flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
