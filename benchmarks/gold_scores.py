"""Quote engine vs. PolNeAR (Newell et al., LREC 2018): quality and speed, run by hand.

    .venv/bin/python benchmarks/gold_scores.py                    # dev split, all three scores
    .venv/bin/python benchmarks/gold_scores.py --split train --limit 100 --errors 30
    .venv/bin/python benchmarks/gold_scores.py --split train --skip 600 --limit 120   # unstudied slice

Runs ``kit.quotes.extract_quotes`` on ``../shared/gold/polnear-<split>.jsonl``, writes the
predictions in the scorer's shape (one article per line: id, quotes with quote_start/end,
quote_spans, speaker, speaker_start/end) to ``--out``, and calls
``../shared/tools/score_quotes.py`` for all kinds (every row), direct (the engine's direct
quotes and turns) and direct+mixed (direct, turns and partial quotes), then the strict variant
of the last two with every row scored. Prints the scorer's JSON, a summary (overlap P/R/F1,
end-to-end F1 and speaker accuracy on matched rows per selection, recall per gold kind), the
engine's rows per kind and act with the share that matches a gold attribution, and the
engine's words per second.

The adapter maps a statement to PolNeAR's notion of content: the quoted pieces for a direct
quote or turn, the whole reported clause (``content_start``/``content_end``) for a partial
quote or indirect speech. The speaker is the resolved speaker, else the mention as written;
its span is the mention the cue attaches to. PolNeAR has no licence: nothing from it is kept
in the repository, and the engine is rules and lexicons only.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO))

from kit.nlp import load_pipeline  # noqa: E402
from kit.quotes import extract_quotes  # noqa: E402


def load_gold(path: Path, limit: int | None = None, skip: int = 0) -> list[dict]:
    """Gold articles from a PolNeAR JSONL file (after the first ``skip``, then the first
    ``limit`` when given)."""
    out = []
    with open(path, encoding="utf-8") as fh:
        lines = (line for line in fh if line.strip())
        for i, line in enumerate(lines):
            if i < skip:
                continue
            out.append(json.loads(line))
            if limit and len(out) >= limit:
                break
    return out


def prediction(row) -> dict:
    """One statement in the scorer's shape."""
    if row.kind in ("partial", "indirect"):
        spans = [[int(row.content_start), int(row.content_end)]] if row.kind == "partial" else row.quote_spans
    else:
        spans = row.quote_spans
    spans = [[int(s), int(e)] for s, e in spans]
    has_mention = row.speaker_start >= 0
    return {
        "quote_start": spans[0][0], "quote_end": spans[-1][1], "quote_spans": spans,
        "speaker": row.speaker or row.speaker_mention or None,
        "speaker_start": int(row.speaker_start) if has_mention else None,
        "speaker_end": int(row.speaker_end) if has_mention else None,
        "kind": row.kind,
    }


def write_predictions(gold: list[dict], statements: pd.DataFrame, path: Path) -> None:
    """Predictions as JSONL, one line per gold article (articles without statements included)."""
    by_article = {aid: grp for aid, grp in statements.groupby("article_id", sort=False)}
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        for art in gold:
            grp = by_article.get(art["id"])
            quotes = [prediction(r) for r in grp.itertuples()] if grp is not None else []
            fh.write(json.dumps({"id": art["id"], "quotes": quotes}) + "\n")
    os.replace(tmp, path)


def score(gold_path: Path, pred_path: Path, kinds: str | None) -> dict:
    """The scorer's result for one kind selection."""
    cmd = [sys.executable, str(SHARED / "tools" / "score_quotes.py"), str(gold_path), str(pred_path)]
    if kinds:
        cmd += ["--kinds", kinds]
    return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)


def overlaps(gold: list[dict], statements: pd.DataFrame):
    """For each article: its text, gold attributions with their best overlap with any row, and
    rows (with their prediction) with their best overlap with any gold attribution."""
    import re
    word = re.compile(r"\w+")
    by_article = {aid: grp for aid, grp in statements.groupby("article_id", sort=False)}
    for art in gold:
        text = art["text"]
        rows = list(by_article[art["id"]].itertuples()) if art["id"] in by_article else []
        preds = [prediction(r) for r in rows]
        toks = lambda spans: {m.start() for s, e in spans for m in word.finditer(text, s, e)}
        ptoks = [toks(p["quote_spans"]) for p in preds]
        gtoks = [toks(g.get("quote_spans") or [[g["quote_start"], g["quote_end"]]]) for g in art["quotes"]]
        best = lambda a, others: max((len(a & b) / max(len(a), len(b), 1) for b in others), default=0)
        yield (text, [(g, best(gt, ptoks)) for g, gt in zip(art["quotes"], gtoks)],
               [(r, p, best(pt, gtoks)) for r, p, pt in zip(rows, preds, ptoks)])


def show_errors(gold: list[dict], statements: pd.DataFrame, n: int) -> None:
    """Print missed gold attributions and unmatched predictions for study (not saved anywhere)."""
    shown = 0
    for text, golds, rows in overlaps(gold, statements):
        for g, best in golds:
            if best < 0.5 and shown < n:
                shown += 1
                print(f"MISS {g['kind']:8} cue={g.get('cue')!r:16} src={g.get('speaker')!r:20} "
                      f"best={best:.2f} | {text[g['quote_start']:g['quote_end']][:150]!r}")
        for r, p, best in rows:
            if best < 0.5 and shown < n:
                shown += 1
                print(f"FP   {p['kind']:8} spk={p['speaker']!r:20} best={best:.2f} | "
                      f"{text[p['quote_start']:p['quote_end']][:150]!r}")


def by_act(gold: list[dict], statements: pd.DataFrame) -> pd.DataFrame:
    """Engine rows per kind and act, and the share that matches a PolNeAR attribution (overlap
    >= 0.5, any gold kind): PolNeAR has no acts, so this is precision per act, not recall."""
    rows = [(r.kind, r.act, best >= 0.5) for _, _, found in overlaps(gold, statements) for r, _, best in found]
    frame = pd.DataFrame(rows, columns=["kind", "act", "matched"])
    table = frame.groupby(["kind", "act"]).agg(rows=("matched", "size"), matched=("matched", "sum"))
    table["precision"] = (100 * table["matched"] / table["rows"]).round(1)
    return table.reset_index()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--skip", type=int, default=0,
                    help="leave out the first N articles (a slice of train nobody studied: --skip 600)")
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "kit-polnear-pred.jsonl")
    ap.add_argument("--slow", action="store_true", help="parse every paragraph (fast=False)")
    ap.add_argument("--n-process", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--errors", type=int, default=0, help="print N misses and false positives")
    args = ap.parse_args(argv)

    gold_path = SHARED / "gold" / f"polnear-{args.split}.jsonl"
    if not gold_path.exists():
        print(f"{gold_path} is not present on this machine", file=sys.stderr)
        return 2
    gold = load_gold(gold_path, args.limit, args.skip)
    if args.limit or args.skip:
        subset = Path(tempfile.gettempdir()) / f"kit-polnear-{args.split}-{args.skip}-{args.limit}.jsonl"
        with open(subset, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(a) + "\n" for a in gold)
        gold_path = subset
    articles = pd.DataFrame({"article_id": [a["id"] for a in gold], "text": [a["text"] for a in gold]})
    words = sum(len(t.split()) for t in articles["text"])
    nlp = load_pipeline()
    nlp("warm up")
    t0 = time.perf_counter()
    statements = extract_quotes(articles, nlp, batch_size=args.batch_size, fast=not args.slow,
                                n_process=args.n_process)
    seconds = time.perf_counter() - t0
    write_predictions(gold, statements, args.out)
    if args.errors:
        show_errors(gold, statements, args.errors)
    # Each selection of gold kinds is scored twice: with the engine's rows of the matching kinds
    # (a direct-quote extractor such as textacy is measured this way), and with every row the
    # engine writes (strict: an indirect row that matches no gold counts against direct quotes).
    own_kinds = {"direct": {"direct", "turn"}, "direct,mixed": {"direct", "turn", "partial"}}
    strict, summary = {}, {}
    for label, kinds in (("all", None), ("direct", "direct"), ("direct+mixed", "direct,mixed")):
        pred_path = args.out
        if kinds:
            strict[label] = score(gold_path, args.out, kinds)
            pred_path = args.out.with_name(args.out.stem + "-" + kinds.replace(",", "-") + ".jsonl")
            write_predictions(gold, statements[statements["kind"].isin(own_kinds[kinds])], pred_path)
        summary[label] = score(gold_path, pred_path, kinds)
        print(f"== {label} ==")
        print(json.dumps(summary[label], indent=1))
    for label, res in strict.items():
        print(f"strict {label} (every row scored): overlap {res['overlap']}, e2e F1 {res['e2e']['F1']}")
    print("\n== summary: overlap P / R / F1, end-to-end F1, speaker right on matched rows ==")
    for label, res in summary.items():
        o = res["overlap"]
        print(f"{label:13} {o['P']:5} / {o['R']:5} / {o['F1']:5}   e2e {res['e2e']['F1']:5}   "
              f"speaker {res['speaker_acc_on_matched']['all']['acc']}%")
    print("\n== recall per gold kind (all rows scored) ==")
    for kind, r in summary["all"]["recall_by_kind"].items():
        print(f"{kind:9} {r['found']:5} of {r['gold']:5}  {r['R']}")
    print("\n== engine rows per kind and act, share matching a gold attribution ==")
    print(by_act(gold, statements).to_string(index=False))
    print(f"engine: {len(articles)} articles, {words} words, {len(statements)} statements in "
          f"{seconds:.1f} s: {words / seconds:,.0f} words/s, {len(articles) / seconds:.1f} articles/s "
          f"(fast={not args.slow}, batch_size={args.batch_size}, n_process={args.n_process})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
