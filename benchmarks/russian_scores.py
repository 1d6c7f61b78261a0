"""Quote engine vs. a hand-tagged Russian development set: overlap F1 and end-to-end, run by hand.

    .venv/bin/python benchmarks/russian_scores.py             # scores, and the engine's words per second
    .venv/bin/python benchmarks/russian_scores.py --errors 40 # and the misses and false positives
    .venv/bin/python benchmarks/russian_scores.py --dev benchmarks/russian_news_dev.jsonl  # the second set
    .venv/bin/python benchmarks/russian_scores.py --dev benchmarks/russian_wire_dev.jsonl  # the third
    .venv/bin/python benchmarks/russian_scores.py --dev benchmarks/russian_agency_dev.jsonl  # the fifth
    .venv/bin/python benchmarks/russian_scores.py --dev benchmarks/russian_desk_dev.jsonl  # the sixth
    .venv/bin/python benchmarks/russian_scores.py --dev benchmarks/russian_interview_dev.jsonl --out /tmp/ru7.jsonl  # the seventh
    .venv/bin/python benchmarks/russian_scores.py --dev benchmarks/russian_speech_dev.jsonl --out /tmp/ru8.jsonl  # the eighth

Eight sets, kept apart and reported apart: ``benchmarks/russian_dev.jsonl`` (123 sentences) was
written by the author of the Russian rules; ``benchmarks/russian_news_dev.jsonl`` (189) was
written afterwards by someone else, in the style of Russian news agencies and kremlin.ru
readouts, to check that the rules were not fitted to the first; ``benchmarks/russian_wire_dev.jsonl``
(45, invented people only) was written before the next round of rules, in other outlets' phrasing
(«по данным», «как передает», «сообщила пресс-служба», «отметил в беседе с», „ “ and nested
quotes, «будто», «якобы»), with negated, conditional and future speech that is no statement;
``benchmarks/russian_fresh_dev.jsonl`` (46) and ``benchmarks/russian_agency_dev.jsonl`` (70: news-agency
phrasing, split quotations, speech words that make no statement, 14 Kremlin sentences) and
``benchmarks/russian_desk_dev.jsonl`` (82: «по данным», «как стало известно», «со слов», a dash
after the cue, «заявление X о том, что», joint subjects, quoting verbs; 43 sentences with no
statement: hypotheticals, «так называемый», titles, generic «говорят», reported questions; 10
Kremlin sentences) and ``benchmarks/russian_interview_dev.jsonl`` (74: 30 Kremlin sentences from
transcript turns and readouts, «Вы правильно сказали, …», «Коллега сейчас сказал – думаю, …», «он
сказал: …» with the content unmarked after the colon, «Лидеры/Президенты/стороны условились,
договорились»; 44 invented: a cue before a colon that ends its paragraph with the content in the
next, interview lines, «подчеркнул, что», «выразил надежду», «призвал», «предупредил о», «отверг»,
«опроверг», «было отмечено», «было заявлено», joint subjects, «он/она» after a named speaker with
someone else named as the one spoken to (their gold has no speaker span, so only the person they
stand for counts); 29 sentences with no statement: hypotheticals, «так называемый», titles,
questions, future speech, speech words for no speech) were each written and scored before the
round of rules they test, so their first scores are the closest estimate here of a held-out set.
First scores of the seventh: overlap F1 92.5, end-to-end F1 83.9 (2026-12-02 13:45 UTC, engine 74);
after the round written to its misses (engine 75) 100.0 / 100.0, with the other six sets' rows unchanged.
``benchmarks/russian_speech_dev.jsonl`` (97: 74 invented, 23 Kremlin sentences) was written the same
way for the kinds the others hold least: «ёлочки» with dashes (``«…», – сказал он. – «…»``), split
quotations, «по словам», «как отметил», «сообщил …, что», «чтобы» clauses, readouts («Стороны
обсудили», «Было подчёркнуто», «выразил соболезнования», passives with «в ходе беседы»), short
``Вопрос:``/``А.Гребнев:`` transcripts with a stage direction naming the one spoken to, the
addressee («обращаясь к министру …») and «которая» beside the speaker; 33 sentences with no
statement: negated, hypothetical and future speech, relative references («о чём говорила …»),
the parenthetical «скажем», requests to speak. First scores: overlap F1 95.2, end-to-end F1 92.5
(2026-12-02 16:36 UTC, engine 85). Two of its lines were then put in the kit's documented
conventions: a ``Вопрос:`` label is the speaker of its turn, and a passive topic verb («были
рассмотрены аспекты …») lists a topic, no statement. After the round written to its misses
(engine 86) 99.3 / 99.3, with the other seven sets' rows unchanged; at engine 89 100.0 / 100.0, and
the first set 95.2 (one false row fewer).

``benchmarks/russian_dev.jsonl`` holds one sentence per line, each read as an article of its own,
with every statement in it tagged by hand (content span, speaker span, cue, kind), in the
scorer's JSONL shape. Two kinds of line:

* news-style sentences written for this set with fictional people and places (``text`` given);
* sentences of ``../shared/corpus/kremlin_ru_2025.jsonl``, stored as the article id and the
  sentence's character offsets only: the text, the speaker and the cue words are read from
  ``../shared`` at run time (lines are left out, with a note, where it is absent).

About half the sentences hold no statement, so false positives count. The predictions are the
rows of ``kit.extract_quotes`` in the shape ``benchmarks/gold_scores.py`` writes for PolNeAR, and
``../shared/tools/score_quotes.py`` scores them (overlap: at least half the words of both spans).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
DEV = REPO / "benchmarks" / "russian_dev.jsonl"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from gold_scores import score, show_errors, write_predictions  # noqa: E402
from kit.quotes import extract_quotes  # noqa: E402

WORD = re.compile(r"\w+")


def corpus_texts(name: str = "kremlin_ru_2025.jsonl") -> dict[str, str]:
    """Article id -> text of a shared corpus file ({} where ../shared is absent)."""
    path = SHARED / "corpus" / name
    if not path.exists():
        return {}
    with open(path, encoding="utf-8") as fh:
        return {row["id"]: row["text"] for row in map(json.loads, fh)}


def load_dev(path: Path = DEV) -> tuple[list[dict], int]:
    """The dev set with every sentence's text filled in, and how many lines had to be left out."""
    texts = corpus_texts()
    gold, missing = [], 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            item = json.loads(line)
            if "text" not in item:
                article = texts.get(item["article_id"])
                if article is None:
                    missing += 1
                    continue
                item["text"] = article[item["start"]:item["end"]]
                for q in item["quotes"]:
                    q["quote"] = item["text"][q["quote_start"]:q["quote_end"]]
                    q["cue"] = " ".join(item["text"][s:e] for s, e in q.get("cue_spans", []))
                    q["speaker"] = None
                    if "speaker_start" in q:
                        q["speaker"] = item["text"][q["speaker_start"]:q["speaker_end"]]
                        words = WORD.findall(re.sub(r"\[.*?\]", "", q["speaker"]))
                        q["speaker_head"] = words[-1] if words else None
            gold.append(item)
    return gold, missing


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dev", type=Path, default=DEV)
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "kit-russian-pred.jsonl")
    ap.add_argument("--errors", type=int, default=0, help="print N misses and false positives")
    args = ap.parse_args(argv)
    gold, missing = load_dev(args.dev)
    if missing:
        print(f"{missing} corpus sentences left out: ../shared/corpus/kremlin_ru_2025.jsonl is not present",
              file=sys.stderr)
    gold_path = args.out.with_name(args.out.stem + "-gold.jsonl")
    with open(gold_path, "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(g, ensure_ascii=False) + "\n" for g in gold)
    articles = pd.DataFrame({"article_id": [g["id"] for g in gold], "text": [g["text"] for g in gold]})
    words = sum(len(t.split()) for t in articles["text"])
    extract_quotes(articles.head(1))  # loads the pipelines before the clock starts
    t0 = time.perf_counter()
    statements = extract_quotes(articles)
    seconds = time.perf_counter() - t0
    write_predictions(gold, statements, args.out)
    if args.errors:
        show_errors(gold, statements, args.errors)
    result = score(gold_path, args.out, None)
    print(json.dumps(result, indent=1, ensure_ascii=False))
    with_statement = sum(1 for g in gold if g["quotes"])
    print(f"dev set: {len(gold)} sentences ({with_statement} with a statement, {result['gold_quotes']} statements); "
          f"overlap F1 {result['overlap']['F1']}, end-to-end F1 {result['e2e']['F1']}")
    print(f"engine: {words} words, {len(statements)} statements in {seconds:.1f} s: {words / seconds:,.0f} words/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
