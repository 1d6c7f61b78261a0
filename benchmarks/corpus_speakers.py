"""Who said what on the shared corpus: how much of it is tied to a person and a camp. Run by hand.

    .venv/bin/python benchmarks/corpus_speakers.py                  # the three corpora of issue 14
    .venv/bin/python benchmarks/corpus_speakers.py --all            # every file in ../shared/corpus
    .venv/bin/python benchmarks/corpus_speakers.py a.jsonl b.jsonl  # other files
    .venv/bin/python benchmarks/corpus_speakers.py --markdown       # the README table as well

Runs the kit as a reporter would: ``kit.load_articles`` -> ``kit.extract_quotes`` ->
``kit.attribute_statements``. The engine's rows are kept in ``--cache`` (default a folder in
/tmp), keyed on the engine's code and lexicon, so a second run that changed only the registry
or ``kit.speakers`` skips spaCy. Prints, per corpus:

* statements, and the share in each camp;
* the unresolved share: statements with no actor, left in camp Other, whose speaker is empty,
  a pronoun, a bare title ("The Secretary"), a generic noun ("The message", "Audience": words
  the corpus itself writes in lower case inside sentences) or an all-caps heading; and the
  most frequent of those speakers;
* the unknown speakers left (named, but not in the registry), most frequent first;
* transcript turns: how many, how many still hold another label (``Firstname Lastname:``
  inside the spoken text), and the longest;
* texts with a speaker label that give no statement at all;
* ``THE PRESIDENT:`` labels: the share that became turns and the share of those resolved to
  the president in office on that day.
"""
from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections import Counter
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import kit  # noqa: E402
from kit.coref import ROLE_SYNONYMS, TITLES  # noqa: E402
from kit.registry import PRONOUNS  # noqa: E402
from kit.speakers import unknown_speakers  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"
FILES = ["kremlin_en_2021_2022.jsonl", "whitehouse_trump_2025_2026.jsonl", "kremlin_ru_2025.jsonl"]
# Every file of the quote engine (a module split off later is in by its name), for the cache's key.
ENGINE_FILES = sorted(f"kit/{p.name}" for pattern in ("quotes*.py", "coref*.py") for p in (REPO / "kit").glob(pattern)) \
    + ["kit/cues.py", "data/speech_verbs.yml"]
TITLE_WORDS = set(TITLES) | set(ROLE_SYNONYMS) | {"of", "and", "state", "general", "deputy", "head"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our",
               "my", "your", "both", "all", "some", "one", "another", "each"}
# A turn that still holds someone else's label: "... Mr President. Emmanuel Macron: Thank you".
INNER_LABEL = re.compile(r"(?:^|[.!?…\"”)]\s+)([A-ZА-ЯЁ][a-zа-яё]+(?:[ \-][A-ZА-ЯЁ][a-zа-яё]+){1,2})\s?(?:\([^)]{0,40}\))?:\s")
PRESIDENT_LABEL = re.compile(r"^THE PRESIDENT:", re.M)
# Labels the benchmark counts on its own, to find texts with a label but no statement.
ANY_LABEL = re.compile(r"(?:^|[.!?]\s)(?:[A-ZА-ЯЁ]\.){1,2}\s?[A-ZА-ЯЁ][a-zа-яё]+\s?:"
                       r"|^(?:THE|MR\.|MS\.|MRS\.|DR\.|SECRETARY|PRESIDENT|AMBASSADOR) [A-Z .'\-]{2,30}:|^Q[:.]? ", re.M)


def engine_key() -> str:
    digest = hashlib.sha256()
    for name in ENGINE_FILES:
        digest.update((REPO / name).read_bytes())
    return digest.hexdigest()[:16]


def statements_for(articles: pd.DataFrame, path: Path, cache: Path) -> pd.DataFrame:
    """The engine's rows for one corpus, from the /tmp cache when the engine has not changed."""
    cache.mkdir(parents=True, exist_ok=True)
    stored = cache / f"{path.name}.{engine_key()}.parquet"
    if stored.exists():
        frame = pd.read_parquet(stored)
        frame["quote_spans"] = frame["quote_spans"].map(lambda spans: [list(map(int, p)) for p in spans])
        return frame
    statements = kit.extract_quotes(articles)
    statements.to_parquet(stored)
    return statements


def lowercase_words(texts) -> frozenset[str]:
    """Words the corpus writes in lower case at least as often as capitalised inside a sentence
    ("audience", "message", "claim"), unlike names ("Putin", "Johnson")."""
    lower, upper = Counter(), Counter()
    for text in texts:
        for m in re.finditer(r"(?<=[\w,;)] )[^\W\d_][\w'’\-]*", text or ""):  # not a sentence's first word
            w = m.group()
            (lower if w.islower() else upper)[w.lower()] += 1
    return frozenset(w for w, n in lower.items() if n >= upper.get(w, 0))


def unresolved_shape(speaker: str, common: frozenset[str]) -> bool:
    """True for a speaker the engine did not resolve: empty, a pronoun, a bare title ("The
    Secretary"), a generic noun ("The message", "Audience") or an all-caps heading."""
    s = re.sub(r"\s+", " ", str(speaker or "")).strip(" :,.")
    if not s or s.lower() in PRONOUNS:
        return True
    if s.upper() == s and len(s.split()) > 1:
        return True  # an all-caps heading or an unmatched title label
    words = re.findall(r"[^\W\d_][\w'’\-.]*", s)
    determiner = bool(words) and words[0].lower() in DETERMINERS
    words = [w for w in words if w.lower() not in DETERMINERS]
    if not words:
        return True
    generic = [w.islower() or w.lower().rstrip(".") in TITLE_WORDS or w.lower() in common for w in words]
    return all(generic) and (determiner or len(words) == 1 or all(w.islower() for w in words))


def unresolved_mask(out: pd.DataFrame, common: frozenset[str]) -> pd.Series:
    no_actor = out["actor"].fillna("") == ""
    in_other = out["camp_id"].fillna("other") == "other"
    shape = out["speaker"].fillna("").map(lambda s: unresolved_shape(s, common))
    return no_actor & in_other & shape


def turn_report(out: pd.DataFrame) -> dict:
    turns = out[out["kind"] == "turn"]
    holding = turns["quote_text"].map(lambda t: bool(INNER_LABEL.search(t)))
    longest = turns.loc[turns["quote"].str.len().idxmax()] if len(turns) else None
    return {"turns": len(turns), "holding": int(holding.sum()),
            "longest": 0 if longest is None else len(longest["quote"]),
            "longest_id": "" if longest is None else longest["quote_id"],
            "longest_speaker": "" if longest is None else longest["speaker"],
            "examples": turns[holding]["quote_id"].head(5).tolist()}


def labelled_silent(articles: pd.DataFrame, out: pd.DataFrame) -> list[str]:
    """Texts that hold a speaker label but gave no statement."""
    spoke = set(out["article_id"])
    return [a for a, t in zip(articles["article_id"], articles["text"])
            if a not in spoke and ANY_LABEL.search(t or "")]


def president_report(articles: pd.DataFrame, out: pd.DataFrame, registry) -> dict:
    """``THE PRESIDENT:`` labels in the texts, how many became turns, how many of those resolved
    to the president in office on the article's date."""
    labels = 0
    for text in articles["text"]:
        labels += len(PRESIDENT_LABEL.findall(text or ""))
    turns = out[(out["kind"] == "turn") & (out["speaker_mention"].str.upper() == "THE PRESIDENT")]
    turns = turns.drop_duplicates(["article_id", "speaker_start"])  # a long turn may be cut in parts
    ok = 0
    for row in turns.itertuples():
        held = registry.holder("us_president", row.published)
        ok += held is not None and held[0]["name"] == row.actor
    return {"labels": labels, "turns": len(turns), "resolved": ok}


def describe(name: str, articles: pd.DataFrame, out: pd.DataFrame, registry, common, top: int) -> dict:
    n = len(out)
    unresolved = unresolved_mask(out, common)
    camps = out["camp"].value_counts()
    print(f"\n== {name}: {len(articles)} texts, {n} statements")
    print("camps: " + ", ".join(f"{c} {k / max(n, 1):.1%} ({k})" for c, k in camps.items()))
    top_unres = out[unresolved]["speaker"].fillna("").value_counts().head(top)
    print(f"unresolved: {unresolved.mean():.1%} ({int(unresolved.sum())}); top: "
          + ", ".join(f"{s!r} {k}" for s, k in top_unres.items()))
    unknown = unknown_speakers(out).head(top)
    print("unknown named speakers: " + ", ".join(f"{r.speaker!r} {r.statements}" for r in unknown.itertuples()))
    turns = turn_report(out)
    print(f"turns: {turns['turns']}, holding another label: {turns['holding']} "
          f"({turns['holding'] / max(turns['turns'], 1):.1%}) e.g. {turns['examples'][:3]}; longest: "
          f"{turns['longest']} chars ({turns['longest_speaker']!r}, {turns['longest_id']})")
    silent = labelled_silent(articles, out)
    print(f"texts with a speaker label and no statement: {len(silent)} {silent[:5]}")
    pres = president_report(articles, out, registry)
    if pres["labels"]:
        print(f"THE PRESIDENT: labels {pres['labels']}, turns {pres['turns']} "
              f"({pres['turns'] / pres['labels']:.1%}), resolved to the president in office "
              f"{pres['resolved']} ({pres['resolved'] / max(pres['turns'], 1):.1%})")
    return {"corpus": name, "texts": len(articles), "statements": n,
            "camps": {c: k / max(n, 1) for c, k in camps.items()},
            "unresolved": unresolved.mean() if n else 0.0, "top_unresolved": top_unres.head(5).to_dict(),
            "turns": turns, "silent": len(silent), "president": pres}


def markdown(rows: list[dict]) -> str:
    lines = ["| corpus | texts | statements | share per camp | unresolved | top unresolved speakers | turns (holding "
             "another label) | longest turn | texts with a label, no statement | THE PRESIDENT: turns, resolved |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        camps = ", ".join(f"{c} {v:.0%}" for c, v in r["camps"].items() if v >= 0.005)
        top = ", ".join(f"\"{s}\" {k}" for s, k in r["top_unresolved"].items())
        turns, pres = r["turns"], r["president"]
        said = (f"{pres['turns'] / pres['labels']:.1%} of {pres['labels']:,}, {pres['resolved'] / max(pres['turns'], 1):.1%}"
                if pres["labels"] else "-")
        lines.append(f"| {r['corpus']} | {r['texts']:,} | {r['statements']:,} | {camps} | {r['unresolved']:.1%} | {top} "
                     f"| {turns['turns']:,} ({turns['holding']}) | {turns['longest']:,} | {r['silent']} | {said} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--all", action="store_true", help="every file in ../shared/corpus")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/newsroom-kit-corpus-speakers"))
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--markdown", action="store_true", help="print the README table too")
    args = parser.parse_args()
    files = args.files or (sorted((p for p in CORPUS.iterdir() if ".jsonl" in p.name), key=lambda p: p.stat().st_size) if args.all
                           else [CORPUS / f for f in FILES])
    registry = kit.load_registry()
    rows = []
    for path in files:
        articles = kit.load_articles(path).articles
        common = lowercase_words(articles["text"])
        statements = statements_for(articles, path, args.cache)
        out = kit.attribute_statements(statements, articles, registry)
        rows.append(describe(path.name.split(".")[0], articles, out, registry, common, args.top))
    if args.markdown:
        print("\n" + markdown(rows))


if __name__ == "__main__":
    main()
