"""Claims and counter-claims: statements on a shared theme from opposing camps, days apart.

``claims_and_counterclaims(table, tags)`` -> rank, score, days_apart, wording, polarity_differs,
themes, claim_*, counter_* (the score is explained in the function's docstring and the report).
"""
from __future__ import annotations

import math
from collections import defaultdict
from functools import lru_cache
from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from .echoes import normalise_quote
from .schemas import CLAIM_FIELDS, CLAIMS_COLUMNS, CLAIMS_SCHEMA, empty_table
from .table import NEUTRAL_CAMPS, speaker_name
from .themes import ThemeLexicon, find_terms, lemmatise, load_themes, statement_text, term_index

# How the score weighs its parts; explained in the report notebook.
CLAIM_WEIGHTS = {"time": 0.35, "wording": 0.45, "polarity": 0.20}
# A claim is a sentence or two; a whole speech given as one transcript turn is not paired.
CLAIM_MAX_WORDS = 120


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    try:
        from spacy.lang.en.stop_words import STOP_WORDS
    except ImportError:  # pragma: no cover - spaCy is a hard dependency
        return frozenset()
    return frozenset(STOP_WORDS)


def tfidf_vectors(token_lists: Sequence[Sequence[str]]) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors (word -> weight) over content words; idf = log((1+n)/(1+df)) + 1."""
    stop = _stop_words()
    docs = [[t for t in tokens if t.isalpha() and len(t) > 1 and t not in stop] for tokens in token_lists]
    df: dict[str, int] = defaultdict(int)
    for tokens in docs:
        for t in set(tokens):
            df[t] += 1
    n = len(docs)
    vectors = []
    for tokens in docs:
        tf: dict[str, int] = defaultdict(int)
        for t in tokens:
            tf[t] += 1
        vec = {t: c * (math.log((1 + n) / (1 + df[t])) + 1) for t, c in tf.items()}
        norm = math.sqrt(sum(w * w for w in vec.values()))
        vectors.append({t: w / norm for t, w in vec.items()} if norm else {})
    return vectors


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine similarity of two unit-length sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def opposing_pairs(camps: Iterable[str], neutral: Iterable[str] = NEUTRAL_CAMPS) -> list[tuple[str, str]]:
    """Every pair of distinct camps that are sides (not the press, not unattributed)."""
    sides = sorted(set(camps) - set(neutral))
    return [(a, b) for i, a in enumerate(sides) for b in sides[i + 1:]]


def claims_and_counterclaims(table: pd.DataFrame, tags: pd.DataFrame, days: int = 7,
                             camps: Sequence[tuple[str, str]] | None = None, lexicon: ThemeLexicon | None = None,
                             nlp=None, lemmas: list | None = None, limit: int | None = 200,
                             method: str = "stem", max_words: int = CLAIM_MAX_WORDS) -> pd.DataFrame:
    """Pairs of statements on a shared theme from opposing camps at most ``days`` apart, best first.

    score = 0.35 x closeness in time (1 on the same day, falling to 0 past ``days``)
          + 0.45 x closeness in wording (TF-IDF cosine of the two statements' content lemmas)
          + 0.20 if exactly one of the two denies or negates ("no contact", "not true").
    The earlier statement is the claim, the later the counter-claim. A quotation repeated in
    several articles is paired once (its first appearance), and statements longer than
    ``max_words`` (whole speeches) are left out. ``camps`` lists the opposing camp pairs; by
    default ``opposing_camps`` in ``data/themes.yml``, else every two camps other than the press
    and unattributed speakers.
    """
    lexicon = lexicon or load_themes()
    days = int(days)
    base = table.dropna(subset=["said_on"]).copy()
    base["_who"] = speaker_name(base)
    base["_norm"] = [normalise_quote(q) for q in base["quote"]]
    base = base.sort_values(["said_on", "published", "quote_id"], kind="stable", na_position="last")
    base = base.drop_duplicates(["camp", "_norm"]).reset_index(drop=True)
    base = base[base["quote_id"].isin(set(tags["quote_id"]))]
    base = base[base["quote"].str.split().str.len() <= max_words].reset_index(drop=True)
    if base.empty:
        return empty_table(CLAIMS_COLUMNS, CLAIMS_SCHEMA)
    texts = [statement_text(q, s) for q, s in zip(base["quote"], base["sentence"])]
    if lemmas is None:
        lemmas = lemmatise(texts, nlp, method=method)
    else:
        by_id = dict(zip(table["quote_id"], lemmas))
        lemmas = [by_id[q] for q in base["quote_id"]]
    stop = _stop_words()
    vectors = tfidf_vectors([[k for k, w in zip(lem, low) if w not in stop] for lem, low in lemmas])
    neg_index = term_index(lexicon.negations)
    negated = [bool(find_terms((lem, low), neg_index)) for lem, low in lemmas]
    themes_of: dict[str, set[str]] = defaultdict(set)
    for q, theme in zip(tags["quote_id"], tags["theme"]):
        themes_of[q].add(theme)
    row_of = {q: i for i, q in enumerate(base["quote_id"])}
    pairs_allowed = camps if camps is not None else (lexicon.opposing or opposing_pairs(base["camp"].unique()))
    allowed = {frozenset(p) for p in pairs_allowed}
    day_numbers = (base["said_on"].values.astype("datetime64[D]").astype("int64"))
    found: dict[tuple[int, int], set[str]] = defaultdict(set)
    for theme in lexicon.labels:
        members = sorted(i for q, i in row_of.items() if theme in themes_of[q])
        by_camp: dict[str, list[int]] = defaultdict(list)
        for i in members:
            by_camp[base.at[i, "camp"]].append(i)
        for pair in allowed:
            a_camp, b_camp = sorted(pair)
            a_rows = np.array(by_camp.get(a_camp, []), dtype=np.int64)
            b_rows = np.array(by_camp.get(b_camp, []), dtype=np.int64)
            if not len(a_rows) or not len(b_rows):
                continue
            b_days = day_numbers[b_rows]
            order = np.argsort(b_days, kind="stable")
            b_rows, b_days = b_rows[order], b_days[order]
            for i in a_rows:
                lo = np.searchsorted(b_days, day_numbers[i] - days, side="left")
                hi = np.searchsorted(b_days, day_numbers[i] + days, side="right")
                for j in b_rows[lo:hi]:
                    found[(min(i, int(j)), max(i, int(j)))].add(theme)
    rows = []
    for (i, j), shared in found.items():
        gap = abs(int(day_numbers[i]) - int(day_numbers[j]))
        wording = cosine(vectors[i], vectors[j])
        polarity = negated[i] != negated[j]
        score = (CLAIM_WEIGHTS["time"] * (1 - gap / (days + 1)) + CLAIM_WEIGHTS["wording"] * wording
                 + CLAIM_WEIGHTS["polarity"] * polarity)
        first, second = (i, j) if (day_numbers[i], i) <= (day_numbers[j], j) else (j, i)
        rows.append((round(score, 4), gap, round(wording, 4), polarity,
                     "; ".join(lexicon.labels[t] for t in lexicon.labels if t in shared), first, second))
    if not rows:
        return empty_table(CLAIMS_COLUMNS, CLAIMS_SCHEMA)
    rows.sort(key=lambda r: (-r[0], base.at[r[5], "quote_id"], base.at[r[6], "quote_id"]))
    if limit:
        rows = rows[:int(limit)]
    out = pd.DataFrame({
        "rank": np.arange(1, len(rows) + 1, dtype="int64"),
        "score": [r[0] for r in rows], "days_apart": np.array([r[1] for r in rows], dtype="int64"),
        "wording": [r[2] for r in rows], "polarity_differs": [bool(r[3]) for r in rows],
        "themes": [r[4] for r in rows],
    })
    for prefix, pos in (("claim", 5), ("counter", 6)):
        picked = base.loc[[r[pos] for r in rows]].reset_index(drop=True)
        for field in CLAIM_FIELDS:
            source = "_who" if field == "speaker" else field
            out[f"{prefix}_{field}"] = picked[source].values
    return out[CLAIMS_COLUMNS]
