"""Speed and memory of quote extraction against a plain spaCy parse and textacy, run by hand.

    .venv/bin/python benchmarks/speed.py --limit 2000          # PolNeAR dev + first 2,000 docs
    .venv/bin/python benchmarks/speed.py --inputs corpus        # the whole 14,380-document file
    .venv/bin/python benchmarks/speed.py --inputs dev --configs engine,engine-full

By default dev runs baseline, textacy, engine and engine-full (F1 of the fast path against a
full parse) and the corpus runs baseline, textacy, engine, dask-1 and dask-2.

In one run and on the same input (PolNeAR dev from ../shared/gold, and the White House benchmark
corpus from ../shared/corpus or its first ``--limit`` documents), each configuration runs in a
fresh child process that loads the pipeline, starts the clock, and works through every article:

    baseline     a full ``nlp.pipe`` parse (same pipeline, n_process, batch_size), nothing else,
                 with the pipeline as ``spacy.load`` gives it (stock components)
    baseline-kit the same full parse with the pipeline as ``kit.nlp.load_pipeline`` gives it (its
                 attribute_ruler and lemmatizer answering from memory): what the kit's own
                 pipeline gains before the fast path skips anything
    textacy      the same parse plus ``textacy.extract.triples.direct_quotations`` per doc
                 (skipped where textacy is not installed; ``--textacy-python`` runs it from
                 another venv)
    kit-quotes   what ``kit quotes FILE -o out.jsonl`` does once the articles are loaded, with its
                 defaults: ``kit.pipeline.attributed_statements`` (the quote engine on the usable
                 cores, at most 4, through a fresh extraction cache in a temporary folder, then
                 actor, camp and date) and ``who_said_what``
    engine       ``kit.quotes.extract_quotes`` with its fast path (parse only paragraphs that
                 can hold a statement), same n_process, paragraphs batched by the engine's default
    engine-full  the same engine parsing every paragraph (fast=False): the fast path's F1 must
                 equal this one
    dask-1/-2    ``kit.scale.extract_quotes_dask`` on a LocalCluster of 1 / 2 workers (cluster
                 start and pipeline load are set-up, reported apart and not in words/s)

Words are whitespace-separated tokens of the input text (the same count for every
configuration). "CPU s" is the processor time of the child and every worker it waited for (user
and system; the memory sampler's own time left out): on a machine other work shares, words per
CPU second compare configurations where words per second only measure the load. "main" is the
child's own share of it and "worker" that of its busiest worker process (as last sampled, every
100 ms); their sum, the critical path, is what the run would take on two cores of its own when
the main process waits while its workers parse (``kit quotes``), so the ratio per critical-path
second shows how well the work is spread over the cores, which words per CPU second cannot. Peak memory ("peak GB") is the largest sum of PSS (proportional set size) of the
child and all its descendants (spaCy's n_process workers, Dask's nanny and worker processes),
sampled every 100 ms: pages forked workers share with their parent count once. "RSS sum" adds
plain RSS instead, counting shared pages once per process, so it overstates what is used. On dev, overlap and end-to-end F1 come from ../shared/tools/score_quotes.py (the
engine's statements through benchmarks/gold_scores.py's adapter; textacy's triples through the
adapter below). Nothing is written into the repository but Python's own bytecode cache of the
kit (``kit/__pycache__``, which git ignores; see :func:`compile_kit`).
"""
from __future__ import annotations

import argparse
import gzip
import inspect
import json
import os
import shutil
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
DEV_CONFIGS = ["baseline", "baseline-kit", "textacy", "kit-quotes", "engine", "engine-full"]
CORPUS_CONFIGS = ["baseline", "baseline-kit", "textacy", "kit-quotes", "engine", "engine-full", "dask-1", "dask-2"]
CONFIGS = DEV_CONFIGS + ["dask-1", "dask-2"]
# issue #18: kit quotes as a user runs it, against the full two-process parse of the same texts
GOALS = {"corpus": 2.5, "dev": 1.6}
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
                out.append({"article_id": str(doc["id"]), "text": doc.get("text") or "",
                            "title": doc.get("title") or ""})
    return out


# ---------------------------------------------------------------- peak memory

class PeakRSS:
    """Largest total memory of this process and its descendants, sampled in a thread, and the
    processor time of each descendant as last seen.

    ``peak`` sums PSS (proportional set size): a page that forked workers share with their
    parent counts once, split between them, so the total is what the machine really holds.
    ``peak_rss`` sums plain RSS, which counts every shared page once per process (kept for
    comparison with earlier runs; it overstates memory once workers are forked from a large
    parent). A sample reads /proc/PID/smaps_rollup of every process (about 2.5 ms of processor
    time each), so the thread's own time is kept in ``own_cpu`` for the caller to leave out;
    ``worker_cpu`` maps each descendant's pid to its user + system seconds at its last sample."""

    def __init__(self, every: float = 0.1):
        import psutil

        self._proc = psutil.Process()
        self._every = every
        self._stop = threading.Event()
        self.peak = 0
        self.peak_rss = 0
        self.own_cpu = 0.0
        self.worker_cpu: dict[int, float] = {}
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _total(self) -> tuple[int, int]:
        import psutil

        pss = rss = 0
        for proc in [self._proc] + self._proc.children(recursive=True):
            try:
                info = proc.memory_full_info()
                if proc.pid != self._proc.pid:
                    times = proc.cpu_times()
                    self.worker_cpu[proc.pid] = times.user + times.system
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
        start = time.thread_time()
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(self._every)
        self.own_cpu = time.thread_time() - start

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

    wanted = {"fast": fast, "n_process": n_process}  # the engine batches paragraphs, by its own default
    accepted = inspect.signature(extract_quotes).parameters
    return {k: v for k, v in wanted.items() if k in accepted}


def run_config(config: str, articles: list[dict], n_process: int, batch_size: int, pred: Path | None,
               rows: Path | None = None) -> dict:
    """Run one configuration on ``articles``; seconds exclude loading the pipeline."""
    import pandas as pd

    from kit.nlp import load_pipeline

    texts = [a["text"] for a in articles]
    ids = [a["article_id"] for a in articles]
    frame = pd.DataFrame({"article_id": ids, "text": texts, "title": [a.get("title", "") for a in articles]})
    result = {"statements": None, "setup_s": 0.0}
    t_setup = time.perf_counter()
    if config == "kit-quotes":  # the input as a user has it: a JSON Lines file
        source = Path(tempfile.mkdtemp(prefix="kit-speed-")) / "articles.jsonl"
        write_jsonl(source, [{"id": a["article_id"], "title": a["title"], "text": a["text"]} for a in articles])
    if config.startswith("dask-"):
        from distributed import Client, LocalCluster

        from kit.nlp import pipeline_name
        from kit.scale import extract_quotes_dask, worker_pipeline

        cluster = LocalCluster(n_workers=int(config.split("-")[1]), threads_per_worker=1,
                               processes=True, dashboard_address=None, silence_logs=40)
        client = Client(cluster)
        client.run(worker_pipeline, pipeline_name())
    elif config in ("baseline", "textacy"):  # spaCy as it comes
        import spacy

        from kit.nlp import pipeline_name

        nlp = spacy.load(pipeline_name())
        nlp("warm up")
    else:
        nlp = load_pipeline()
        nlp("warm up")
    result["setup_s"] = time.perf_counter() - t_setup

    with PeakRSS() as memory:
        t0, cpu0, own0 = time.perf_counter(), cpu_seconds(), time.process_time()
        if config in ("baseline", "baseline-kit"):
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
        elif config == "kit-quotes":
            from kit.articles import load_articles
            from kit.nlp import default_n_process
            from kit.pipeline import attributed_statements
            from kit.table import who_said_what

            loaded = load_articles(source)
            attributed = attributed_statements(loaded.articles, cache_dir=source.parent / "cache")
            statements = who_said_what(attributed, loaded.articles)
            result["statements"] = len(statements)
            result["note"] = (f"kit quotes: load, quotes on n_process {default_n_process()} (the default) with a cold "
                              "cache, attribution")
        elif config.startswith("dask-"):
            statements = extract_quotes_dask(frame, scheduler=client, **engine_options(True, 1, batch_size))
            result["statements"] = len(statements)
        else:
            raise SystemExit(f"unknown configuration {config}")
        result["seconds"] = time.perf_counter() - t0
        own = time.process_time() - own0
        result["cpu_s"] = cpu_seconds() - cpu0
    # the sampler's reading of /proc is the benchmark's work, not the configuration's
    result["cpu_s"] -= memory.own_cpu
    result["main_cpu_s"] = own - memory.own_cpu
    result["worker_cpu_s"] = sorted(memory.worker_cpu.values(), reverse=True)
    result["peak_rss"] = memory.peak
    result["peak_rss_sum"] = memory.peak_rss
    if config == "kit-quotes":
        shutil.rmtree(source.parent, ignore_errors=True)
    if config.startswith("dask-"):
        client.close()
        cluster.close()
    if pred is not None and config == "textacy":
        write_jsonl(pred, [{"id": aid, "quotes": predictions[aid]} for aid in ids])
    elif pred is not None and result["statements"] is not None and config != "kit-quotes":  # F1 is the engine's
        write_engine_predictions(ids, statements, pred)
    if rows is not None and result["statements"] is not None:
        write_rows(statements, rows)
    return result


def cpu_seconds() -> float:
    """Processor seconds of this process and of every child it has waited for (spaCy's workers)."""
    import resource

    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


ROW_COLUMNS = ["article_id", "quote_id", "quote_start", "quote_end", "kind", "speaker", "cue_start", "cue_end",
               "act", "venue", "content_start", "content_end", "confidence"]


def write_rows(statements, path: Path) -> None:
    """The engine's rows (offsets, kind, speaker, cue, act, venue, confidence), to compare configurations."""
    statements[ROW_COLUMNS].to_parquet(path, index=False)


def same_rows(a: Path, b: Path) -> bool:
    import pandas as pd

    return pd.read_parquet(a).equals(pd.read_parquet(b))


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
                        Path(args.pred) if args.pred else None, Path(args.rows) if args.rows else None)
    result.update(docs=len(articles), words=sum(len(a["text"].split()) for a in articles),
                  chars=sum(len(a["text"]) for a in articles))
    print("RESULT " + json.dumps(result))
    return 0


# ---------------------------------------------------------------- where the time goes (--where)

def where_time_goes(articles: list[dict], batch_size: int) -> list[tuple[str, float]]:
    """Processor seconds per step of ``kit quotes`` on one process: loading, planning (marks,
    turns, the cheap cue test), each spaCy component on the paragraphs the fast path parses in
    full (batched as the engine batches them), the names-only pass, the rules on the parse, and
    attribution; then, for comparison, each component of the baseline's stock pipeline on the
    whole articles (``batch_size`` articles a batch). One process, so the steps add up to the whole."""
    import spacy

    from kit.articles import load_articles
    from kit.cues import load_lexicon
    from kit.nlp import load_pipeline, one_blas_thread, pipeline_name
    from kit.quotes import BATCH_PARAGRAPHS, _ner_own_tok2vec, _texts, statements_for_article, statements_frame
    from kit.quotes_plan import cue_pattern, plan_article, turn_label_words
    from kit.registry import load_registry
    from kit.speakers import attribute_statements

    nlp, lex = load_pipeline(), load_lexicon()
    nlp("warm up")
    cues, labels = cue_pattern(nlp, lex), turn_label_words(nlp)
    steps: list[tuple[str, float]] = []

    def timed(name: str, work):
        t0 = time.process_time()  # processor time: other work on a shared machine does not count
        out = work()
        steps.append((name, time.process_time() - t0))
        return out

    folder = Path(tempfile.mkdtemp(prefix="kit-where-"))
    write_jsonl(folder / "articles.jsonl", [{"id": a["article_id"], "title": a["title"], "text": a["text"]}
                                            for a in articles])
    frame = timed("load (kit.load_articles)", lambda: load_articles(folder / "articles.jsonl").articles)
    shutil.rmtree(folder, ignore_errors=True)
    plans = timed("plan: marks, turns, cue test", lambda: [
        plan_article(a, t, lex, True, cues, labels, h) for a, t, h in zip(frame.article_id, frame.text, frame.title)])
    full, names = list(_texts(plans, "parse")), list(_texts(plans, "ents_only"))
    total = sum(e - s for p in plans for s, e in p.paras)
    with one_blas_thread():
        docs = timed("kit: tokenizer", lambda: list(nlp.tokenizer.pipe(full, batch_size=BATCH_PARAGRAPHS)))
        for name, proc in nlp.pipeline:
            docs = timed(f"kit: {name}", lambda: list(proc.pipe(docs, batch_size=BATCH_PARAGRAPHS)))
        keep = {"ner"} if _ner_own_tok2vec(nlp) else {"ner", "tok2vec"}
        ner_docs = timed("kit: names only (ner) on the rest", lambda: list(
            nlp.pipe(names, batch_size=BATCH_PARAGRAPHS, disable=[p for p in nlp.pipe_names if p not in keep])))
        full_it, ner_it = iter(docs), iter(ner_docs)
        per_plan = [{**{k: next(full_it) for k in p.parse}, **{k: next(ner_it) for k in p.ents_only}} for p in plans]
        rows = timed("kit: rules on the parse (statements_for_article)", lambda: statements_frame(
            [r for p, d in zip(plans, per_plan) for r in statements_for_article(p, d, lex)]))
    registry = load_registry()
    timed("kit: attribution (kit.attribute_statements)", lambda: attribute_statements(rows, frame, registry))
    stock = spacy.load(pipeline_name())
    texts = [a["text"] for a in articles]
    docs = timed("baseline: tokenizer", lambda: list(stock.tokenizer.pipe(texts, batch_size=batch_size)))
    for name, proc in stock.pipeline:
        docs = timed(f"baseline: {name}", lambda: list(proc.pipe(docs, batch_size=batch_size)))
    parsed = sum(len(t) for t in full)
    steps.append((f"characters parsed in full: {parsed:,} of {total:,} ({parsed / max(total, 1):.0%}); "
                  f"names only: {sum(len(t) for t in names):,}", float("nan")))
    return steps


def print_where(label: str, path: Path, limit: int | None, batch_size: int) -> None:
    steps = where_time_goes(read_articles(path, limit), batch_size)
    timed = [(name, seconds) for name, seconds in steps if seconds == seconds]
    sides = {"kit": [(n, s) for n, s in timed if not n.startswith("baseline:")],
             "baseline": [(n, s) for n, s in timed if n.startswith("baseline:")]}
    for side, rows in sides.items():
        spent = sum(s for _, s in rows)
        print(f"# {side}: processor seconds per step on {label}, one process (sum {spent:.2f} s)")
        for name, seconds in rows:
            print(f"  {seconds:8.2f} s  {seconds / max(spent, 1e-9):5.1%}  {name}")
    print("  " + "; ".join(name for name, seconds in steps if seconds != seconds))
    print(flush=True)


# ---------------------------------------------------------------- parent side

def compile_kit() -> None:
    """Write the kit's bytecode cache (``kit/__pycache__``) before any configuration runs, as any
    earlier run of the kit would have. Where ``PYTHONDONTWRITEBYTECODE`` is set (this machine's
    sessions set it) no run ever writes it, and every ``kit-quotes`` child compiled the kit's
    modules from source inside its timed part (0.1 to 0.3 CPU s on dev) while the baseline's
    imports are all installed packages, compiled at install."""
    import compileall

    compileall.compile_dir(str(REPO / "kit"), quiet=1)


def has_textacy(python: str) -> bool:
    return subprocess.run([python, "-c", "import textacy.extract.triples"], capture_output=True).returncode == 0


def run_child(config: str, input_path: Path, limit: int | None, args, pred: Path | None, python: str,
              rows: Path | None = None) -> dict:
    cmd = [python, str(Path(__file__).resolve()), "--child", config, "--input", str(input_path),
           "--n-process", str(args.n_process), "--batch-size", str(args.batch_size)]
    if rows is not None:
        cmd += ["--rows", str(rows)]
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
            f"{r['setup_s']:>7.1f} {r.get('cpu_s', float('nan')):>7.1f} {r.get('main_cpu_s', float('nan')):>6.1f} "
            f"{busiest(r):>6.1f} {stm:>8} {f1}")


def busiest(r: dict) -> float:
    """Processor seconds of the busiest worker process (0 when the work stayed in one process)."""
    return max(r.get("worker_cpu_s") or [0.0])


def critical_path(r: dict) -> float:
    """Processor seconds of the main process plus its busiest worker: what the run would take on
    cores of its own if the main process never worked while its workers did (``kit quotes``'s
    case; spaCy's pool reads Docs back while it parses, so for the baseline it is an upper bound)."""
    return r["main_cpu_s"] + busiest(r)


def ratio(results: dict, a: str, b: str, per: str = "seconds") -> str:
    """How many times ``b``'s time (``per``: wall ``seconds`` or ``cpu_s``) ``a`` takes, inverted: words/s a over b."""
    ra, rb = results.get(a), results.get(b)
    if not ra or not rb or "error" in ra or "error" in rb or not ra.get(per) or not rb.get(per):
        return "n/a"
    return f"{(ra['words'] / ra[per]) / (rb['words'] / rb[per]):.2f}x"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--inputs", default="dev,corpus", help="comma list of: dev, corpus")
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents of the corpus")
    ap.add_argument("--configs", default=None, help=f"comma list of {', '.join(CONFIGS)}")
    ap.add_argument("--n-process", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=32,
                    help="articles per batch of the baseline's parse (the engine batches paragraphs by its own default)")
    ap.add_argument("--textacy-python", default=sys.executable,
                    help="the Python that has textacy (another venv), for the textacy configuration")
    ap.add_argument("--where", action="store_true",
                    help="print where the time of kit quotes goes (per step and spaCy component, one process) and stop")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--input", help=argparse.SUPPRESS)
    ap.add_argument("--pred", help=argparse.SUPPRESS)
    ap.add_argument("--rows", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        return child_main(args)

    inputs = [("dev", GOLD, None), ("corpus", CORPUS, args.limit)]
    inputs = [i for i in inputs if i[0] in args.inputs.split(",")]
    for _, path, _ in inputs:
        if not path.exists():
            print(f"{path} is not present on this machine", file=sys.stderr)
            return 2
    if args.where:
        for label, path, limit in inputs:
            print_where(label, path, limit, args.batch_size)
        return 0
    textacy_ok = has_textacy(args.textacy_python)
    import platform

    import psutil

    print(f"# benchmarks/speed.py  {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}  "
          f"corpus limit {args.limit}  "
          f"python {platform.python_version()}  cores {psutil.cpu_count()}  "
          f"n_process {args.n_process}  batch_size {args.batch_size}  "
          f"load average {os.getloadavg()[0]:.1f} (other work on this machine slows every row alike)")
    print(f"# textacy: {'installed (' + args.textacy_python + ')' if textacy_ok else 'not installed: skipped'}")
    header = (f"{'input':<8} {'config':<12} {'docs':>6} {'words':>10} {'seconds':>8} {'words/s':>10} "
              f"{'arts/s':>8} {'peak GB':>8} {'RSS sum':>7} {'setup s':>7} {'CPU s':>7} {'main':>6} {'worker':>6} "
              f"{'stmts':>8} {'F1ovl':>6} {'F1e2e':>6}")
    print(header)
    print("-" * len(header))
    compile_kit()
    tmp = Path(tempfile.mkdtemp(prefix="kit-speed-"))
    for label, path, limit in inputs:
        configs = (args.configs.split(",") if args.configs else (DEV_CONFIGS if label == "dev" else CORPUS_CONFIGS))
        results = {}
        for config in configs:
            if config == "textacy" and not textacy_ok:
                continue
            pred = tmp / f"{label}-{config}.jsonl" if label == "dev" else None
            python = args.textacy_python if config == "textacy" else sys.executable
            rows = tmp / f"{label}-{config}.rows.parquet" if config in ("engine", "engine-full") else None
            r = run_child(config, path, limit, args, pred, python, rows)
            if pred is not None and "error" not in r and pred.exists():
                r["f1"], r["e2e"] = f1_scores(path, pred)
            if "main_cpu_s" in r:
                r["path_s"] = critical_path(r)
            results[config] = r
            print(f"{fmt_row(label, config, r)}  load {os.getloadavg()[0]:.1f}", flush=True)
            if r.get("note"):
                print(f"{'':<8} {'':<12} ({r['note']})", flush=True)
        print(f"{label}: engine/baseline {ratio(results, 'engine', 'baseline')}   "
              f"engine/textacy {ratio(results, 'engine', 'textacy')}   "
              f"engine/engine-full {ratio(results, 'engine', 'engine-full')}   "
              f"dask-2/dask-1 {ratio(results, 'dask-2', 'dask-1')}   (words/s)")
        if "engine" in results and "engine-full" in results and "f1" in results["engine"] and "f1" in results["engine-full"]:
            same = (results["engine"]["f1"], results["engine"]["e2e"]) == (results["engine-full"]["f1"], results["engine-full"]["e2e"])
            print(f"{label}: fast path F1 {'equals' if same else 'DIFFERS FROM'} the full parse's")
        fast_rows, full_rows = tmp / f"{label}-engine.rows.parquet", tmp / f"{label}-engine-full.rows.parquet"
        if fast_rows.exists() and full_rows.exists():
            print(f"{label}: fast path rows {'identical to' if same_rows(fast_rows, full_rows) else 'DIFFER FROM'} "
                  "fast=False's")
        if "kit-quotes" in results:
            print(f"{label}: kit quotes / full two-process parse {ratio(results, 'kit-quotes', 'baseline')} "
                  f"(goal >= {GOALS[label]}x, issue #18); per CPU second "
                  f"{ratio(results, 'kit-quotes', 'baseline', 'cpu_s')}; per critical-path second "
                  f"{ratio(results, 'kit-quotes', 'baseline', 'path_s')}")
        if "baseline-kit" in results:
            print(f"{label}: full parse, kit's pipeline / spaCy's {ratio(results, 'baseline-kit', 'baseline')} "
                  f"(per CPU second {ratio(results, 'baseline-kit', 'baseline', 'cpu_s')})")
        print(flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
