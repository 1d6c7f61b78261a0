"""Claims and counter-claims: statements on a shared theme from opposing camps, days apart.

``claims_and_counterclaims(table, tags)`` -> rank, score, days_apart, wording, polarity_differs,
themes, claim_*, counter_* (the score is explained in the function's docstring and the report).
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from functools import lru_cache
from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from .echoes import normalise_quote
from .schemas import CLAIM_FIELDS, CLAIMS_COLUMNS, CLAIMS_SCHEMA, empty_table
from .table import NEUTRAL_CAMPS, speaker_name

UNATTRIBUTED = "(unattributed)"
from .themes import ThemeLexicon, find_terms, lemmatise, load_themes, statement_text, term_index

# How the score weighs its parts; explained in the report notebook.
CLAIM_WEIGHTS = {"time": 0.30, "wording": 0.40, "opposition": 0.30}
# A claim is a sentence or two; a whole speech given as one transcript turn is not paired.
CLAIM_MAX_WORDS = 120
# Speech acts (the ``act`` column of kit.quotes) that oppose what another side said.
DENIAL_ACTS = frozenset({"denies", "rejects"})
# How plainly the counter-claim opposes the claim: a denial or rejection, else a negation in its wording;
# a wish, plan or guess is a weaker claim to oppose than an assertion, a claim about the other side a stronger one.
OPPOSITION = {"act": 1.0, "negation": 0.7}
HEDGED_CLAIM = 0.5
ABOUT_THE_OTHER_SIDE = 0.3


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


def _words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+|[^\w\s]", str(text or "").lower()))


def _without(words: tuple[str, ...], phrases: dict) -> tuple[str, ...]:
    """``words`` with every occurrence of the phrases in ``phrases`` (a term index) blanked out."""
    out = list(words)
    for i in range(len(words)):
        for form, _ in phrases.get(words[i], ()):
            if tuple(words[i:i + len(form)]) == form:
                out[i:i + len(form)] = [""] * len(form)
    return tuple(out)


def _names_by_camp(registry, camps: Iterable[str]) -> dict[str, list[tuple[str, ...]]]:
    """Camp label -> the names (as word tuples) that point at it: the camp's own label and its actors'
    names, aliases and surnames from the registry."""
    names: dict[str, list[tuple[str, ...]]] = {c: [_words(c)] for c in camps}
    if registry is None:
        return names
    for alias, owners in registry.alias_index().items():
        labels = {registry.camp_label(a.get("camp", "")) for a in owners}
        if len(labels) == 1 and len(alias) > 3:
            label = labels.pop()
            if label in names:
                names[label].append(_words(alias))
    return names


def _mentions(words: tuple[str, ...], names: list[tuple[str, ...]]) -> bool:
    first = {n[0]: [] for n in names if n}
    for n in names:
        if n:
            first[n[0]].append(n)
    return any(words[i:i + len(n)] == n for i, w in enumerate(words) for n in first.get(w, ()))


def _same_place(a, b) -> bool:
    """Two statements from one sentence, or one inside the other, in the same article."""
    if a["article_id"] != b["article_id"]:
        return False
    if a["sentence"] and a["sentence"] == b["sentence"]:
        return True
    return a["quote_start"] < b["quote_end"] and b["quote_start"] < a["quote_end"]


def claims_and_counterclaims(table: pd.DataFrame, tags: pd.DataFrame, days: int = 7,
                             camps: Sequence[tuple[str, str]] | None = None, lexicon: ThemeLexicon | None = None,
                             nlp=None, lemmas: list | None = None, limit: int | None = 200,
                             method: str = "stem", max_words: int = CLAIM_MAX_WORDS, registry=None) -> pd.DataFrame:
    """Claims and the counter-claims that oppose them, best first.

    A pair is two statements from opposing camps on a shared theme at most ``days`` apart in which
    one side, the counter-claim, denies or rejects (its ``act``, where the statements carry one) or
    negates in its own words ("haven't had any initial contact"), and the other, the claim, does
    neither. Never paired: a statement with itself, two statements from one sentence or one inside
    the other, two statements of the same speaker. A refusal to comment ("I better not say",
    ``refusals`` in ``data/themes.yml``) negates nothing and claims nothing.

    score = 0.30 x closeness in time (1 on the same day, falling to 0 past ``days``)
          + 0.40 x closeness in wording (TF-IDF cosine of the two statements' content lemmas)
          + 0.30 x opposition: 1 for a denial or rejection, 0.7 for a negation in the wording, halved
            when the claim is a wish, plan or guess (``hedges``), and raised by 0.3 (up to 1) when
            the claim names the counter-claim's side (its camp or one of its actors in ``registry``).
    A quotation repeated in several articles is paired once, and statements longer than
    ``max_words`` (whole speeches) are left out. ``camps`` lists the opposing camp pairs; by
    default ``opposing_camps`` in ``data/themes.yml``, else every two camps other than the press
    and unattributed speakers.
    """
    lexicon = lexicon or load_themes()
    if registry is None:
        from .speakers import load_registry

        registry = load_registry()
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
    neg_index = term_index(lexicon.negations)
    vectors = tfidf_vectors([[k for k, w in zip(lem, low) if w not in stop and not find_terms(((w,),), neg_index)]
                             for lem, low in lemmas])
    # Negations and hedges are read in the statement's own words, never in the sentence around a fragment.
    own = lemmatise(list(base["quote"]), nlp, method=method)
    refusals = term_index(lexicon.refusals)
    negated = [bool(find_terms((_without(lem, refusals), _without(low, refusals)), neg_index)) for lem, low in own]
    refused = [bool(find_terms((lem, low), refusals)) for lem, low in own]
    hedge_index = term_index(lexicon.hedges)
    hedged = [bool(find_terms((lem, low), hedge_index)) for lem, low in own]
    acts = base["act"].fillna("").astype(str) if "act" in base.columns else pd.Series("", index=base.index)
    denies = [a in DENIAL_ACTS for a in acts]
    names = _names_by_camp(registry, base["camp"].unique())
    words = [_words(t) for t in texts]
    themes_of: dict[str, set[str]] = defaultdict(set)
    for q, theme in zip(tags["quote_id"], tags["theme"]):
        themes_of[q].add(theme)
    row_of = {q: i for i, q in enumerate(base["quote_id"])}
    pairs_allowed = camps if camps is not None else (lexicon.opposing or opposing_pairs(base["camp"].unique()))
    allowed = {frozenset(p) for p in pairs_allowed}
    day_numbers = (base["said_on"].values.astype("datetime64[D]").astype("int64"))
    records = base[["article_id", "sentence", "quote_start", "quote_end", "_who"]].to_dict("records")
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
        opposes_i, opposes_j = denies[i] or negated[i], denies[j] or negated[j]
        if opposes_i == opposes_j:
            continue  # both assert, or both deny: nobody contradicts anybody
        claim, counter = (j, i) if opposes_i else (i, j)
        a, b = records[claim], records[counter]
        if refused[claim] or (a["_who"] == b["_who"] != UNATTRIBUTED) or _same_place(a, b):
            continue
        gap = abs(int(day_numbers[i]) - int(day_numbers[j]))
        wording = cosine(vectors[i], vectors[j])
        opposition = OPPOSITION["act" if denies[counter] else "negation"]
        if hedged[claim]:
            opposition *= HEDGED_CLAIM
        if _mentions(words[claim], names.get(base.at[counter, "camp"], [])):
            opposition = min(1.0, opposition + ABOUT_THE_OTHER_SIDE)
        score = (CLAIM_WEIGHTS["time"] * (1 - gap / (days + 1)) + CLAIM_WEIGHTS["wording"] * wording
                 + CLAIM_WEIGHTS["opposition"] * opposition)
        rows.append((round(score, 4), gap, round(wording, 4), None,
                     "; ".join(lexicon.labels[t] for t in lexicon.labels if t in shared), claim, counter,
                     "denies" if denies[counter] else "negates", round(opposition, 4)))
    if not rows:
        return empty_table(CLAIMS_COLUMNS, CLAIMS_SCHEMA)
    rows.sort(key=lambda r: (-r[0], base.at[r[5], "quote_id"], base.at[r[6], "quote_id"]))
    if limit:
        rows = rows[:int(limit)]
    out = pd.DataFrame({
        "rank": np.arange(1, len(rows) + 1, dtype="int64"),
        "score": [r[0] for r in rows], "days_apart": np.array([r[1] for r in rows], dtype="int64"),
        "wording": [r[2] for r in rows],
        "opposition": [r[8] for r in rows], "how": [r[7] for r in rows],
        "themes": [r[4] for r in rows],
    })
    for prefix, pos in (("claim", 5), ("counter", 6)):
        picked = base.loc[[r[pos] for r in rows]].reset_index(drop=True)
        for field in CLAIM_FIELDS:
            source = "_who" if field == "speaker" else field
            out[f"{prefix}_{field}"] = picked[source].values
    return out[CLAIMS_COLUMNS]
