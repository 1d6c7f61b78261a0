"""Quotes that echoed: the same quotation carried by several outlets.

``echo_keys(table)`` -> per statement, the words it is compared on ("" when it cannot echo);
``echo_clusters(table)`` -> quote_id, echo_id, similarity;  ``echoes(table, clusters)`` -> one row
per quotation found in articles of two or more outlets (web sites), most outlets first;
``add_echoes`` gives the who-said-what table its ``echo_id`` and ``echo_articles`` columns.

What can echo: quotations of 8 words or more once their formulas of courtesy ("Thank you very
much") and the procedure of a briefing ("Our next question will go to …") are taken out
(``data/courtesies.yml``); a moderator's short procedural line and a reporter's question (a
transcript turn of the press) never echo. Every quotation of a cluster matches the cluster's
first quotation itself, so a chain of look-alikes never joins two quotations that differ.
"""
from __future__ import annotations

import itertools
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .config import data_path, load_yaml
from .schemas import ECHO_COLUMNS, ECHOES_SCHEMA, empty_table
from .table import text_column, web_site

_QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'",
                              "–": "-", "—": "-"})


def normalise_quote(text: str) -> str:
    """Quote text for comparison: Unicode-normalised, case-folded, punctuation dropped, spaces collapsed."""
    text = unicodedata.normalize("NFKC", str(text or "")).translate(_QUOTE_MARKS).casefold()
    text = re.sub(r"[^\w\s]", " ", text, flags=re.UNICODE)
    return " ".join(text.split())


# A quotation shorter than this (after courtesies and procedure are taken out) is too common to be an echo.
ECHO_MIN_WORDS = 8
# An echo is a quotation other outlets carried: a site that repeats its own line in several of its texts
# (a roundup, a proclamation re-citing an earlier one) is its own messaging, not an echo.
ECHO_MIN_OUTLETS = 2
# A shorter quotation found inside a longer one is the same quotation only when it is a large part of
# it, or the longer is a quotation of ordinary length: inside a whole transcript turn or speech, a
# sentence ("Good afternoon, everyone. I am here in …") says nothing about the rest.
CONTAINED_SHARE = 0.5
CONTAINED_MAX_WORDS = 80
# A line holding the procedure of a briefing and at most this many words is a moderator's line.
PROCEDURE_MAX_WORDS = 40
# The words shown for a speaker nobody resolved to a name.
UNATTRIBUTED = "(unattributed)"


@dataclass(frozen=True)
class EchoLexicon:
    """Phrases taken out of quotations before they are compared (``data/courtesies.yml``)."""

    courtesies: tuple[tuple[str, ...], ...]
    procedure: tuple[tuple[str, ...], ...] = ()


def load_echo_lexicon(path: str | Path | None = None) -> EchoLexicon:
    """The formulas of courtesy and of procedure from ``data/courtesies.yml`` (or ``path``), normalised like quotes."""
    path = Path(path) if path else data_path("courtesies.yml")
    return _echo_lexicon(str(path.resolve()), path.stat().st_mtime_ns)


@lru_cache(maxsize=4)
def _echo_lexicon(path: str, mtime_ns: int) -> EchoLexicon:
    doc = load_yaml(path) or {}
    if not isinstance(doc, dict) or not isinstance(doc.get("courtesies"), list):
        raise ValueError(f"{path}: no 'courtesies' list of phrases")
    procedure = doc.get("procedure") or []
    if not isinstance(procedure, list):
        raise ValueError(f"{path}: 'procedure' must be a list of phrases")

    def phrases(items: list) -> tuple[tuple[str, ...], ...]:
        return tuple(sorted({tuple(normalise_quote(p).split()) for p in items if normalise_quote(p)}))

    return EchoLexicon(courtesies=phrases(doc["courtesies"]), procedure=phrases(procedure))


def _phrase_index(phrases) -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for p in phrases:
        index[p[0]].append(p)
    return index


def _marked(words: list[str], index: dict) -> list[bool]:
    """Which words belong to one of the phrases (every occurrence, overlapping ones too)."""
    marks = [False] * len(words)
    for i, w in enumerate(words):
        for phrase in index.get(w, ()):
            if tuple(words[i:i + len(phrase)]) == phrase:
                marks[i:i + len(phrase)] = [True] * len(phrase)
    return marks


def echo_keys(table: pd.DataFrame, lexicon: EchoLexicon | None = None,
              min_words: int = ECHO_MIN_WORDS) -> list[str]:
    """Per statement, the normalised words it is compared on, or "" when it cannot echo: fewer than
    ``min_words`` distinct words once courtesies and procedure are out, a moderator's procedural line, or a
    question from the press (a transcript turn whose camp is the press)."""
    lexicon = lexicon or load_echo_lexicon()
    courtesy, procedure = _phrase_index(lexicon.courtesies), _phrase_index(lexicon.procedure)
    kinds, camps = text_column(table, "kind").tolist(), text_column(table, "camp").tolist()
    keys = []
    for quote, kind, camp in zip(text_column(table, "quote"), kinds, camps):
        words = normalise_quote(quote).split()
        procedural = any(_marked(words, procedure))
        if (kind == "turn" and camp == "Press") or (procedural and len(words) <= PROCEDURE_MAX_WORDS):
            keys.append("")
            continue
        drop = [c or p for c, p in zip(_marked(words, courtesy), _marked(words, procedure))]
        kept = [w for w, d in zip(words, drop) if not d]
        # Counted in distinct words: a chant ("Four more years! Four more years! ...") is not a quotation.
        keys.append(" ".join(kept) if len(set(kept)) >= min_words else "")
    return keys


# ---------------------------------------------------------------- which quotations are the same

# Whitespace other than one space between words: a key holding it is split by Python, not by Arrow.
_OTHER_SPACE = "".join(c for c in map(chr, range(0x110000)) if c.isspace() and c != " ")
_NOT_ONE_SPACE = "^ | $|  |[" + "".join(f"\\x{{{ord(c):x}}}" for c in _OTHER_SPACE) + "]"


def _arrow_word_ids(keys: list[str]) -> tuple[np.ndarray, np.ndarray, int] | None:
    """:func:`_word_ids` in Arrow's C code (split on the one space between words, words numbered in order
    of first appearance, as pandas numbers them), or None when a key is empty or holds other whitespace,
    where splitting on a space is not ``str.split``."""
    import pyarrow as pa
    import pyarrow.compute as pc

    array = pa.array(keys, type=pa.large_string())
    if not len(keys) or pc.any(pc.equal(array, "")).as_py() or pc.any(pc.match_substring_regex(array, _NOT_ONE_SPACE)).as_py():
        return None
    words = pc.split_pattern(array, " ")
    lengths = pc.list_value_length(words).to_numpy(zero_copy_only=False).astype(np.int64)
    encoded = pc.dictionary_encode(pc.list_flatten(words))
    return (encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64),
            np.repeat(np.arange(len(keys), dtype=np.int64), lengths), len(encoded.dictionary))


def _word_ids(keys: list[str]) -> tuple[np.ndarray, np.ndarray, int]:
    """Every word of every key as an integer id (in order of first appearance), and the key each word
    belongs to."""
    fast = _arrow_word_ids(keys)
    if fast is not None:
        return fast
    split = [key.split() for key in keys]
    lengths = np.fromiter(map(len, split), dtype=np.int64, count=len(split))
    # pandas numbers the words in C, in order of first appearance, as a dict filled word by word would.
    ids, vocab = pd.factorize(np.fromiter(itertools.chain.from_iterable(split), dtype=object, count=int(lengths.sum())))
    return ids.astype(np.int64), np.repeat(np.arange(len(keys), dtype=np.int64), lengths), len(vocab)


def _shingles(keys: list[str], size: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(shingle, key) pairs, each once, sorted by shingle then key; and each key's number of distinct shingles.

    A shingle is a run of ``size`` words (a key shorter than that is one shingle of all its words)."""
    ids, owner, n_words = _word_ids(keys)
    base = max(n_words, 1) + 1
    if float(base) ** size >= 2 ** 62:
        raise ValueError("too many distinct words to compare quotations")
    lengths = np.bincount(owner, minlength=len(keys))
    pos_in_key = np.arange(len(ids)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    room = np.repeat(lengths, lengths) - pos_in_key  # words from this one to the key's end
    # Only where a shingle starts: every word but a key's last size - 1, and a short key's first.
    at = np.flatnonzero((room >= size) | ((pos_in_key == 0) & (lengths[owner] < size)))
    padded, room, owner = np.concatenate([ids + 1, np.zeros(size, dtype=np.int64)]), room[at], owner[at]
    code = np.zeros(len(at), dtype=np.int64)
    for offset in range(size):
        code = code * base + (padded[at + offset] if offset == 0 else np.where(room > offset, padded[at + offset], 0))
    # Sorted by shingle, then key: the keys are in order already, so a stable sort on the shingle alone
    # gives lexsort's order at half its cost (lexsort sorts once per column).
    order = np.argsort(code, kind="stable")
    code, owner = code[order], owner[order]
    first = np.ones(len(code), dtype=bool)
    first[1:] = (code[1:] != code[:-1]) | (owner[1:] != owner[:-1])
    code, owner = code[first], owner[first]
    return code, owner, np.bincount(owner, minlength=len(keys))


def candidate_pairs(keys: list[str], shingle: int = 3, common: int = 50, share: float = 0.5) -> np.ndarray:
    """Pairs of keys (i < j, as an array of two columns) that share at least ``share`` of the shorter
    one's runs of ``shingle`` words, counting only runs found in at most ``common`` keys ("we are going
    to" is in thousands of speeches and says nothing about a shared quotation)."""
    if len(keys) < 2:
        return np.zeros((0, 2), dtype=np.int64)
    code, owner, runs = _shingles(keys, shingle)
    starts = np.flatnonzero(np.concatenate([[True], code[1:] != code[:-1]]))
    sizes = np.diff(np.concatenate([starts, [len(code)]]))
    found = []
    for m in np.unique(sizes[(sizes >= 2) & (sizes <= common)]):
        block = owner[starts[sizes == m][:, None] + np.arange(m)]
        a, b = np.triu_indices(int(m), 1)
        found.append(block[:, a].ravel() * len(keys) + block[:, b].ravel())
    if not found:
        return np.zeros((0, 2), dtype=np.int64)
    pairs, shared = np.unique(np.concatenate(found), return_counts=True)
    i, j = pairs // len(keys), pairs % len(keys)
    keep = shared >= share * np.minimum(runs[i], runs[j])
    return np.stack([i[keep], j[keep]], axis=1)


@lru_cache(maxsize=1)
def _fuzz():
    # Imported on first use, once: an import statement run for each of tens of thousands of pairs costs a second.
    from rapidfuzz import fuzz

    return fuzz


def same_quotation(a: str, b: str, a_turn: bool = False, b_turn: bool = False, threshold: float = 90) -> bool:
    """Whether two normalised quotations are the same: nearly the same words (rapidfuzz ratio of at
    least ``threshold``), or the shorter inside the longer when it is a large part of it or the longer
    is neither a transcript turn nor longer than ``CONTAINED_MAX_WORDS`` words."""
    fuzz = _fuzz()
    (short, _), (long_, long_turn) = sorted(((a, a_turn), (b, b_turn)), key=lambda kv: len(kv[0]))
    if len(short) >= 0.8 * len(long_) and fuzz.ratio(a, b) >= threshold:
        return True
    if f" {short} " not in f" {long_} ":
        return False
    n_short, n_long = short.count(" ") + 1, long_.count(" ") + 1
    return n_short >= CONTAINED_SHARE * n_long or (not long_turn and n_long <= CONTAINED_MAX_WORDS)


def _leaders(order: list[int], neighbours: dict[int, list[int]]) -> dict[int, int]:
    """Key -> the key that leads its cluster: in order of first appearance, each key not yet taken
    leads, and takes every key that matches it and is not yet taken."""
    leader: dict[int, int] = {}
    for k in order:
        if k in leader:
            continue
        leader[k] = k
        for n in neighbours.get(k, ()):
            leader.setdefault(n, k)
    return leader


def echo_clusters(table: pd.DataFrame, threshold: float = 90, min_words: int = ECHO_MIN_WORDS,
                  shingle: int = 3, common: int = 50, lexicon: EchoLexicon | None = None,
                  keys: list[str] | None = None, min_outlets: int = ECHO_MIN_OUTLETS) -> pd.DataFrame:
    """Which statements repeat the same quotation: quote_id, echo_id, similarity.

    Statements are compared on :func:`echo_keys` (``keys`` may be passed in), and two are the same
    by :func:`same_quotation`; only keys sharing half their runs of ``shingle`` words are compared
    (:func:`candidate_pairs`). A cluster is led by its earliest quotation (earliest publication,
    then date said, then ``quote_id``), and every other member matches that one. Only clusters
    carried by ``min_outlets`` outlets or more (:func:`outlet`: web sites) are kept; ``echo_id`` is the
    ``quote_id`` of the first appearance.
    """
    keys = echo_keys(table, lexicon, min_words) if keys is None else keys
    frame = pd.DataFrame({"quote_id": table["quote_id"].astype(str).values,
                          "article_id": table["article_id"].astype(str).values, "_norm": keys,
                          "_turn": (text_column(table, "kind") == "turn").values,
                          "_outlet": _outlets(table, keys)})  # a statement without a key is left out below
    frame["_order_pub"] = (pd.to_datetime(table["published"], utc=True, errors="coerce").dt.tz_convert(None).to_numpy()
                           if "published" in table else pd.NaT)
    frame["_order_said"] = pd.to_datetime(table["said_on"], errors="coerce").to_numpy()
    frame = frame[frame["_norm"] != ""]
    frame = frame.sort_values(["_order_pub", "_order_said", "quote_id"], kind="stable", na_position="last")
    unique = list(dict.fromkeys(frame["_norm"]))  # in order of first appearance
    position = {k: i for i, k in enumerate(unique)}
    turn = frame.groupby("_norm", sort=False)["_turn"].any().reindex(unique).to_numpy()
    neighbours: dict[int, list[int]] = defaultdict(list)
    for i, j in candidate_pairs(unique, shingle, common).tolist():
        if same_quotation(unique[i], unique[j], bool(turn[i]), bool(turn[j]), threshold):
            neighbours[i].append(j)
            neighbours[j].append(i)
    for k in neighbours:
        neighbours[k].sort()
    leader = _leaders(list(range(len(unique))), neighbours)
    frame["_cluster"] = [leader[position[k]] for k in frame["_norm"]]
    articles = frame.groupby("_cluster")["article_id"].nunique()
    outlets = frame.groupby("_cluster")["_outlet"].nunique()
    frame = frame[(frame["_cluster"].map(articles) >= 2) & (frame["_cluster"].map(outlets) >= min_outlets)]
    first = frame.groupby("_cluster", sort=False).head(1).set_index("_cluster")
    frame["echo_id"] = frame["_cluster"].map(first["quote_id"]).astype(str)
    from rapidfuzz import fuzz

    lead_norm = frame["_cluster"].map(lambda c: unique[c])
    frame["similarity"] = [round(fuzz.ratio(a, b), 1) for a, b in zip(frame["_norm"], lead_norm)]
    out = frame[["quote_id", "echo_id", "similarity"]].sort_values(["echo_id", "quote_id"], kind="stable")
    return out.reset_index(drop=True).astype({"quote_id": str, "echo_id": str, "similarity": "float64"})


# ---------------------------------------------------------------- the echoes table

def outlet(url: str, source: str, article_id: str) -> str:
    """Who published an article: the web site of its link (``www.`` dropped), else its source, else the
    article itself. The sections of one site ("White House / fact-sheets", "… / press-briefings") are one outlet."""
    return web_site(url) or source or article_id


def _outlets(table: pd.DataFrame, wanted: list | None = None) -> list[str]:
    """Each statement's outlet; with ``wanted`` (one value per statement), "" where that value is ""."""
    # Columns as lists: iterating an Arrow-backed column converts it a cell at a time.
    columns = (text_column(table, "url").tolist(), text_column(table, "source").tolist(),
               table["article_id"].astype(str).tolist())
    if wanted is None:
        return [outlet(u, s, a) for u, s, a in zip(*columns)]
    return [outlet(u, s, a) if w != "" else "" for u, s, a, w in zip(*columns, wanted)]


_NOT_A_NAME = {"a", "an", "the", "my", "our", "his", "her", "their", "its", "your", "this", "that", "these",
               "those", "one", "some", "someone", "somebody", "everyone", "everybody", "people", "he", "she",
               "they", "we", "i", "you", "it"}


def resolved_name(actor: str, speaker: str) -> str:
    """The speaker as a reader can be told it: the registry actor, else a proper name the article
    gave in two words or more ("Ms. Reposa"), else "" for a description ("my dad", "a senior official"),
    a pronoun or a single word ("Laughter" from a transcript's stage direction)."""
    if actor:
        return actor
    words = str(speaker or "").strip().rstrip(",").split()
    # One capitalised word is as often a stage direction ("Laughter") or a noun ("Studies") as a name.
    first = re.sub(r"['’]s$", "", words[0].lower().strip(".")) if words else ""
    if len(words) < 2 or first in _NOT_A_NAME:
        return ""
    return " ".join(words) if all(w[:1].isupper() for w in words if w[:1].isalpha()) else ""


def echoes(table: pd.DataFrame, clusters: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per quotation carried by two or more outlets (:func:`echo_clusters`): where it first
    appeared and every article that repeated it. ``outlets`` counts web sites (:func:`outlet`); the speaker is the name most of its
    statements carry as resolved (:func:`resolved_name`), "(unattributed)" when none is resolved."""
    clusters = echo_clusters(table) if clusters is None else clusters
    if clusters.empty:
        return empty_table(ECHO_COLUMNS, ECHOES_SCHEMA)
    base = table.drop(columns=[c for c in ("echo_id", "echo_articles", "similarity") if c in table.columns])
    # Only the statements of a cluster are looked at (a few thousand of 200,000 on the White House file).
    base = base[base["quote_id"].isin(clusters["quote_id"])]
    base = base.assign(_name=[resolved_name(a, s) for a, s in zip(text_column(base, "actor").tolist(), text_column(base, "speaker").tolist())],
                       _outlet=_outlets(base))
    merged = clusters.merge(base, on="quote_id", how="left")
    merged = merged.sort_values(["echo_id", "published", "said_on", "quote_id"], kind="stable", na_position="last")
    rows = []
    for echo_id, group in merged.groupby("echo_id", sort=True):
        head = group[group["quote_id"] == echo_id].iloc[0]
        later = group[group["article_id"] != head["article_id"]].drop_duplicates("article_id")
        named = group[group["_name"] != ""]
        # The name most members carry, so one misattributed copy does not take the credit.
        credited = named[named["_name"] == named["_name"].value_counts(sort=True).index[0]].iloc[0] if len(named) else head
        rows.append({
            "echo_id": echo_id, "outlets": int(group["_outlet"].nunique()), "articles": int(group["article_id"].nunique()),
            "statements": len(group),
            "quote": head["quote"], "speaker": credited["_name"] or UNATTRIBUTED, "camp": credited["camp"],
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
