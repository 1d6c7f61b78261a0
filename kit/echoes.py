"""Quotes that echoed: the same quotation carried by several articles.

``echo_clusters(table)`` -> quote_id, echo_id, similarity;  ``echoes(table, clusters)`` -> one row
per quotation found in two or more articles, most outlets first; ``add_echoes`` gives the
who-said-what table its ``echo_id`` and ``echo_articles`` columns. Quotations are compared
without their formulas of courtesy (``data/courtesies.yml``) and must keep 8 words or more.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .config import data_path, load_yaml
from .schemas import ECHO_COLUMNS, ECHOES_SCHEMA, empty_table
from .table import speaker_name

_QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'",
                              "–": "-", "—": "-"})


def normalise_quote(text: str) -> str:
    """Quote text for comparison: Unicode-normalised, case-folded, punctuation dropped, spaces collapsed."""
    text = unicodedata.normalize("NFKC", str(text or "")).translate(_QUOTE_MARKS).casefold()
    text = re.sub(r"[^\w\s]", " ", text, flags=re.UNICODE)
    return " ".join(text.split())


# A quotation shorter than this (after courtesies are taken out) is too common to be an echo.
ECHO_MIN_WORDS = 8


def load_courtesies(path: str | Path | None = None) -> tuple[str, ...]:
    """The formulas of courtesy from ``data/courtesies.yml`` (or ``path``), normalised like quotes."""
    path = Path(path) if path else data_path("courtesies.yml")
    return _courtesies(str(path.resolve()), path.stat().st_mtime_ns)


@lru_cache(maxsize=4)
def _courtesies(path: str, mtime_ns: int) -> tuple[str, ...]:
    doc = load_yaml(path) or {}
    phrases = doc.get("courtesies") if isinstance(doc, dict) else None
    if not isinstance(phrases, list):
        raise ValueError(f"{path}: no 'courtesies' list of phrases")
    return tuple(sorted({normalise_quote(p) for p in phrases if str(p).strip()}, key=lambda p: (-len(p), p)))


def without_courtesies(normalised: str, courtesies: tuple[str, ...]) -> str:
    """A normalised quote with every formula of courtesy taken out ("thank you very much ...")."""
    text = f" {normalised} "
    for phrase in courtesies:
        while f" {phrase} " in text:
            text = text.replace(f" {phrase} ", " ")
    return " ".join(text.split())


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def echo_clusters(table: pd.DataFrame, threshold: float = 90, min_words: int = ECHO_MIN_WORDS,
                  shingle: int = 3, common: int = 50, courtesies: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Which statements repeat the same quotation: quote_id, echo_id, similarity.

    Quotes are normalised (:func:`normalise_quote`) and their formulas of courtesy taken out
    (``courtesies``, default ``data/courtesies.yml``); two count as the same when rapidfuzz's
    ``ratio`` is at least ``threshold`` or the shorter one (``min_words`` words or more) sits
    word for word inside the longer. Only quotes that share a run of ``shingle`` words are
    compared, skipping runs found in more than ``common`` distinct quotes ("we are going to").
    Only clusters spanning two or more articles are kept; ``echo_id`` is the ``quote_id``
    of the first appearance (earliest publication, then date said).
    """
    from rapidfuzz import fuzz

    frame = table[["quote_id", "article_id", "quote"]].copy()
    frame["_order_pub"] = pd.to_datetime(table["published"], utc=True, errors="coerce") if "published" in table else pd.NaT
    frame["_order_said"] = pd.to_datetime(table["said_on"], errors="coerce")
    courtesies = load_courtesies() if courtesies is None else courtesies
    frame["_norm"] = [without_courtesies(normalise_quote(q), courtesies) for q in frame["quote"]]
    frame = frame[frame["_norm"].str.count(" ") + 1 >= min_words]
    keys = sorted(frame["_norm"].unique())
    uf = _UnionFind(len(keys))
    key_id = {k: i for i, k in enumerate(keys)}
    words = [k.split() for k in keys]
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, w in enumerate(words):
        for s in dict.fromkeys(tuple(w[p:p + shingle]) for p in range(max(1, len(w) - shingle + 1))):
            index[s].append(i)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for members in index.values():
        if 2 <= len(members) <= common:
            for x, i in enumerate(members):
                for j in members[x + 1:]:
                    shared[(i, j)] += 1
    runs = [max(1, len(w) - shingle + 1) for w in words]
    for (i, j), n in sorted(shared.items()):
        # The same quotation shares most of its word runs; two speeches sharing a stock phrase do not.
        if n < 0.5 * min(runs[i], runs[j]) or uf.find(i) == uf.find(j):
            continue
        short, long_ = sorted((keys[i], keys[j]), key=len)
        similar = len(short) >= 0.8 * len(long_) and fuzz.ratio(keys[i], keys[j]) >= threshold
        if similar or f" {short} " in f" {long_} ":
            uf.union(i, j)
    frame["_cluster"] = [uf.find(key_id[k]) for k in frame["_norm"]]
    spread = frame.groupby("_cluster")["article_id"].nunique()
    frame = frame[frame["_cluster"].map(spread) >= 2]
    frame = frame.sort_values(["_cluster", "_order_pub", "_order_said", "quote_id"], kind="stable", na_position="last")
    first = frame.groupby("_cluster", sort=False).head(1).set_index("_cluster")
    frame["echo_id"] = frame["_cluster"].map(first["quote_id"]).astype(str)
    first_norm = frame["_cluster"].map(first["_norm"])
    frame["similarity"] = [round(fuzz.ratio(a, b), 1) for a, b in zip(frame["_norm"], first_norm)]
    out = frame[["quote_id", "echo_id", "similarity"]].sort_values(["echo_id", "quote_id"], kind="stable")
    return out.reset_index(drop=True).astype({"quote_id": str, "echo_id": str, "similarity": "float64"})


def echoes(table: pd.DataFrame, clusters: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per quotation found in two or more articles: where it first appeared and every article that repeated it."""
    clusters = echo_clusters(table) if clusters is None else clusters
    if clusters.empty:
        return empty_table(ECHO_COLUMNS, ECHOES_SCHEMA)
    base = table.drop(columns=[c for c in ("echo_id", "echo_articles", "similarity") if c in table.columns])
    merged = clusters.merge(base.assign(_who=speaker_name(base)), on="quote_id", how="left")
    merged = merged.sort_values(["echo_id", "published", "said_on", "quote_id"], kind="stable", na_position="last")
    rows = []
    for echo_id, group in merged.groupby("echo_id", sort=True):
        head = group[group["quote_id"] == echo_id].iloc[0]
        later = group[group["article_id"] != head["article_id"]].drop_duplicates("article_id")
        outlets = group["source"].fillna("").astype(str).where(lambda v: v != "", group["article_id"])
        rows.append({
            "echo_id": echo_id, "outlets": int(outlets.nunique()), "articles": int(group["article_id"].nunique()),
            "statements": len(group),
            "quote": head["quote"], "speaker": head["_who"], "camp": head["camp"],
            "first_published": head["published"], "first_said_on": head["said_on"],
            "first_title": head["title"], "first_source": head["source"], "first_url": head["url"],
            "first_article_id": head["article_id"], "last_published": group["published"].max(),
            "repeated_in": "; ".join(later["article_id"]), "repeated_urls": "; ".join(u for u in later["url"] if u),
        })
    out = pd.DataFrame(rows, columns=ECHO_COLUMNS)
    out = out.sort_values(["outlets", "articles", "first_published", "echo_id"], ascending=[False, False, True, True],
                          kind="stable", na_position="last").reset_index(drop=True)
    out["first_published"] = pd.to_datetime(out["first_published"], utc=True)
    out["last_published"] = pd.to_datetime(out["last_published"], utc=True)
    out["first_said_on"] = pd.to_datetime(out["first_said_on"])
    return out.astype({"outlets": "int64", "articles": "int64", "statements": "int64"})


def add_echoes(table: pd.DataFrame, clusters: pd.DataFrame) -> pd.DataFrame:
    """The table with ``echo_id`` ("" when the quote was not repeated) and ``echo_articles`` (articles carrying it)."""
    out = table.copy()
    echo_of = dict(zip(clusters["quote_id"], clusters["echo_id"]))
    out["echo_id"] = pd.Series([echo_of.get(q, "") for q in out["quote_id"]], index=out.index, dtype=str)
    spread = out[out["echo_id"] != ""].groupby("echo_id")["article_id"].nunique()
    out["echo_articles"] = out["echo_id"].map(spread).fillna(1).astype("int64")
    return out
