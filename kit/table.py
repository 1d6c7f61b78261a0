"""Stage 4: the tables a reporter publishes from.

Every table below has a pandera schema (``SCHEMAS``) that :func:`write_table` checks before
writing, and a data dictionary in the README. Same input, same bytes: rows are sorted on
stable keys, ties broken by ``quote_id``.

``who_said_what(statements, articles)`` -> one row per statement, sorted by date:
    said_on, actor, speaker, camp, role, kind, quote, cue, venue, when_text, said_on_precision,
    published, title, source, url, article_id, quote_id, quote_start, quote_end, sentence, context
    (plus ``themes`` after :func:`add_themes` and ``echo_id``, ``echo_articles`` after :func:`add_echoes`)
``by_camp_and_period(table, period)`` -> period, camp, statements
``speakers_by_camp(table)`` -> camp, speaker, statements, first_said_on, last_said_on
``tag_themes(table)`` -> quote_id, theme, label, terms  (one row per statement and theme)
``themes_by_camp(table, tags)`` -> theme, label, camp, statements, share
``themes_by_period(table, tags, period)`` -> period, camp, theme, label, statements
``claims_and_counterclaims(table, tags)`` -> rank, score, ..., claim_*, counter_*
``echo_clusters(table)`` -> quote_id, echo_id;  ``echoes(table, clusters)`` -> one row per echo
"""
from __future__ import annotations

import html
import math
import os
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
import pandas as pd
import pandera.pandas as pa

from .config import data_path, load_yaml

WHO_SAID_WHAT_COLUMNS = [
    "said_on", "actor", "speaker", "camp", "role", "kind", "act", "quote", "cue", "venue", "when_text",
    "said_on_precision", "published", "title", "source", "url", "article_id", "quote_id",
    "quote_start", "quote_end", "sentence", "context",
]
PERIODS = {"day": "D", "week": "W-SUN", "month": "M"}
# Camps that are not a side in a dispute: the press and unattributed speakers.
NEUTRAL_CAMPS = ("Other", "Press")
CONTEXT_CHARS = 240
# Lemmatising needs POS tags, so these are the only components switched on for themes.
LEMMA_COMPONENTS = ("tok2vec", "tagger", "attribute_ruler", "lemmatizer")
# A fragment this short ("made real progress") names no theme by itself: its sentence is read instead.
FRAGMENT_WORDS = 6


# --------------------------------------------------------------------------- who said what

def _text_column(frame: pd.DataFrame, name: str) -> pd.Series:
    if name in frame.columns:
        return frame[name].fillna("").astype(str)
    return pd.Series([""] * len(frame), index=frame.index, dtype=str)


def short_context(sentence: str, quote: str, max_chars: int = CONTEXT_CHARS) -> str:
    """The sentence around a quote, cut to ``max_chars`` around the quote with ellipses."""
    sentence = " ".join((sentence or "").split())
    if len(sentence) <= max_chars:
        return sentence
    at = sentence.find(" ".join((quote or "").split())[:40]) if quote else -1
    at = max(at, 0)
    start = max(0, min(at - max_chars // 4, len(sentence) - max_chars))
    piece = sentence[start:start + max_chars]
    return ("…" if start > 0 else "") + piece.strip() + ("…" if start + max_chars < len(sentence) else "")


def who_said_what(statements: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """One row per statement with its article's title, source and url, sorted by date.

    Columns a stage has not filled (``role`` before attribution, say) come out empty rather
    than failing; ``camp_id`` is kept when the statements carry it.
    """
    meta_cols = ["article_id"] + [c for c in ("title", "source", "url", "published") if c in articles.columns
                                  and not (c == "published" and c in statements.columns)]
    meta = articles[meta_cols].drop_duplicates("article_id")
    stmts = statements.drop(columns=[c for c in meta_cols[1:] if c in statements.columns])
    table = stmts.merge(meta, on="article_id", how="left")
    for col in ("actor", "speaker", "camp", "role", "kind", "act", "quote", "cue", "venue", "when_text",
                "said_on_precision", "title", "source", "url", "sentence"):
        table[col] = _text_column(table, col)
    table["camp"] = table["camp"].replace("", "Other")
    for col in ("said_on", "published"):
        if col not in table.columns:
            table[col] = pd.NaT
    table["said_on"] = pd.to_datetime(table["said_on"], errors="coerce")
    table["published"] = pd.to_datetime(table["published"], errors="coerce", utc=True)
    for col in ("quote_start", "quote_end"):
        table[col] = pd.to_numeric(table[col], errors="coerce").fillna(-1).astype("int64")
    table["context"] = [short_context(s, q) for s, q in zip(table["sentence"], table["quote"])]
    table = table.sort_values(["said_on", "published", "article_id", "quote_start", "quote_id"],
                              kind="stable", na_position="last")
    columns = WHO_SAID_WHAT_COLUMNS + (["camp_id"] if "camp_id" in table.columns else [])
    return table[columns].reset_index(drop=True)


def within_dates(frame: pd.DataFrame, start: str = "", end: str = "", column: str = "published") -> pd.DataFrame:
    """Rows whose ``column`` falls between ISO dates ``start`` and ``end`` (both days included; "" = open)."""
    when = pd.to_datetime(frame[column], errors="coerce", utc=True)
    keep = pd.Series(True, index=frame.index)
    if start:
        keep &= when >= pd.Timestamp(start, tz="UTC")
    if end:
        keep &= when < pd.Timestamp(end, tz="UTC") + pd.Timedelta(days=1)
    return frame[keep]


def articles_by_source_and_month(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles per source per month of publication (undated articles counted under NaT)."""
    month = pd.to_datetime(articles["published"], errors="coerce", utc=True).dt.tz_localize(None).dt.to_period("M")
    frame = pd.DataFrame({"source": _text_column(articles, "source").replace("", "(no source)"),
                          "month": month.dt.start_time})
    counts = frame.groupby(["month", "source"], dropna=False).size().rename("articles").reset_index()
    return counts.sort_values(["month", "source"], kind="stable", na_position="last").reset_index(drop=True)


def speaker_name(table: pd.DataFrame) -> pd.Series:
    """The registry name where there is one, else the speaker as the article gave it."""
    actor = _text_column(table, "actor")
    speaker = _text_column(table, "speaker").str.strip().str.rstrip(",")
    named = actor.where(actor != "", speaker)
    return named.where(named != "", "(unattributed)")


def _period_start(dates: pd.Series, period: str) -> pd.Series:
    if period not in PERIODS:
        # KeyError, because a wrong parameter name is what a reporter has to fix.
        raise KeyError(f"unknown period {period!r}: use one of {', '.join(PERIODS)}")
    return pd.to_datetime(dates).dt.to_period(PERIODS[period]).dt.start_time.astype("datetime64[us]")


def by_camp_and_period(table: pd.DataFrame, period: str = "week") -> pd.DataFrame:
    """Statements per camp per day, week (starting Monday) or month; undated statements are left out."""
    dated = table.dropna(subset=["said_on"])
    start = _period_start(dated["said_on"], period)
    counts = dated.assign(period=start).groupby(["period", "camp"]).size().rename("statements")
    out = counts.reset_index().sort_values(["period", "camp"], kind="stable").reset_index(drop=True)
    out["statements"] = out["statements"].astype("int64")
    return out


def speakers_by_camp(table: pd.DataFrame, top: int | None = None) -> pd.DataFrame:
    """Statements per speaker within each camp, most prolific first (``top`` per camp if given)."""
    frame = pd.DataFrame({"camp": table["camp"], "speaker": speaker_name(table), "said_on": table["said_on"]})
    grouped = frame.groupby(["camp", "speaker"]).agg(statements=("speaker", "size"),
                                                     first_said_on=("said_on", "min"),
                                                     last_said_on=("said_on", "max")).reset_index()
    grouped = grouped.sort_values(["camp", "statements", "speaker"], ascending=[True, False, True], kind="stable")
    if top:
        grouped = grouped.groupby("camp", sort=False).head(top)
    grouped["statements"] = grouped["statements"].astype("int64")
    return grouped.reset_index(drop=True)


# --------------------------------------------------------------------------- themes

@dataclass(frozen=True)
class Lexicon:
    """Themes (id -> label, terms as token tuples) and negation terms, from ``data/themes.yml``."""

    labels: dict[str, str]
    terms: dict[str, tuple[tuple[str, ...], ...]]
    negations: tuple[tuple[str, ...], ...]
    opposing: tuple[tuple[str, str], ...] = ()


# Split like spaCy does for hyphens ("cease-fire" -> cease - fire) so terms and statements meet halfway.
_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)
# Word forms the suffix rules below cannot undo; enough for the verbs in data/themes.yml.
IRREGULAR = {"spoke": "speak", "spoken": "speak", "met": "meet", "brought": "bring", "held": "hold",
             "froze": "freeze", "frozen": "freeze", "fought": "fight", "told": "tell", "sought": "seek",
             "children": "child", "men": "man", "women": "woman"}
_SUFFIXES = (("ies", "y"), ("ied", "y"), ("ings", ""), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("e", ""))


@lru_cache(maxsize=200_000)
def light_stem(word: str) -> str:
    """A cheap stand-in for a lemma: "sanctions", "sanctioned", "sanctioning" -> "sanction";
    "negotiate", "negotiated" -> "negotiat"; "allies", "allied" -> "ally".

    Terms and statements go through the same function, so both sides land on the same stem
    even where the stem is not a word.
    """
    w = IRREGULAR.get(word.lower(), word.lower())
    for suffix, replacement in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            if suffix == "s" and w.endswith(("ss", "us", "is")):
                break
            w = w[:-len(suffix)] + replacement
            break
    if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]  # stopped -> stopp -> stop
    return w


_TERM_TOKEN = re.compile(r"\w+\*?|[^\w\s]", re.UNICODE)
PREFIX_KEY = 4  # a word ending in * matches every word starting with it; it needs this many letters


def _term_tokens(term: str) -> tuple[str, ...]:
    tokens = tuple(_TERM_TOKEN.findall(str(term).lower()))
    for t in tokens:
        if t.endswith("*") and len(t) - 1 < PREFIX_KEY:
            raise ValueError(f"term {term!r}: a prefix ending in * needs at least {PREFIX_KEY} letters")
    return tokens


def _matches(seq: tuple[str, ...], i: int, form: tuple[str, ...]) -> bool:
    if i + len(form) > len(seq):
        return False
    return all(seq[i + k].startswith(f[:-1]) if f.endswith("*") else seq[i + k] == f for k, f in enumerate(form))


def load_themes(path: str | Path | None = None) -> Lexicon:
    """The theme lexicon from ``data/themes.yml`` (or ``path``); a clear error names a bad file."""
    path = Path(path) if path else data_path("themes.yml")
    doc = load_yaml(path) or {}
    themes = doc.get("themes")
    if not isinstance(themes, dict) or not themes:
        raise ValueError(f"{path}: no 'themes' mapping (theme id -> label and terms)")
    labels, terms = {}, {}
    words = [t for spec in themes.values() if isinstance(spec, dict) for key in spec if str(key).startswith("terms")
             for t in spec[key] or []]
    booleans = [t for t in words + list(doc.get("negations") or []) if isinstance(t, bool)]
    if booleans:
        # YAML turns an unquoted no/yes/on/off into a boolean: the reporter meant the word.
        raise ValueError(f"{path}: a term was read as {booleans[0]}; put quotes around words like \"no\" or \"on\"")
    for theme_id, spec in themes.items():
        if not isinstance(spec, dict) or not spec.get("terms"):
            raise ValueError(f"{path}: theme '{theme_id}' needs a list of terms")
        labels[theme_id] = str(spec.get("label") or theme_id)
        # "terms", "terms_ru", "terms_de", ...: every list of terms counts.
        words = [w for key in spec if str(key).startswith("terms") for w in spec[key] or []]
        try:
            terms[theme_id] = tuple(dict.fromkeys(_term_tokens(w) for w in words if str(w).strip()))
        except ValueError as exc:
            raise ValueError(f"{path}: theme '{theme_id}': {exc}") from exc
    negations = tuple(dict.fromkeys(_term_tokens(t) for t in doc.get("negations") or []))
    opposing = []
    for pair in doc.get("opposing_camps") or []:
        if not isinstance(pair, list) or len(pair) != 2:
            raise ValueError(f"{path}: opposing_camps entries are pairs of camp labels, got {pair!r}")
        opposing.append((str(pair[0]), str(pair[1])))
    return Lexicon(labels=labels, terms=terms, negations=negations, opposing=tuple(opposing))


def statement_text(quote: str, sentence: str) -> str:
    """What a statement is matched on: the quote, or its sentence when the quote is a short fragment."""
    quote = quote or ""
    if len(quote.split()) < FRAGMENT_WORDS and sentence:
        return sentence
    return quote


LEMMA_METHODS = ("stem", "spacy")


def lemmatise(texts: Sequence[str], nlp=None, batch_size: int = 128,
              method: str = "stem") -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(lemmas, lower-case words) per text, aligned token for token.

    ``method="stem"`` (the default) uses :func:`light_stem`; ``method="spacy"`` runs the spaCy
    pipeline with only the tagger and lemmatizer switched on. benchmarks/themes_lemmas.py
    measured both on real statements: the stems give the same themes for nearly every
    statement at a small fraction of the time. Distinct texts are processed once.
    """
    if method not in LEMMA_METHODS:
        raise ValueError(f"unknown lemma method {method!r}: use {' or '.join(LEMMA_METHODS)}")
    if method == "stem":
        done_stem = {}
        for text in dict.fromkeys(texts):
            lowers = tuple(_TOKEN.findall(text.lower()))
            done_stem[text] = (tuple(light_stem(w) for w in lowers), lowers)
        return [done_stem[t] for t in texts]
    if nlp is None:
        from .nlp import load_pipeline

        nlp = load_pipeline()
    unique = list(dict.fromkeys(texts))
    enabled = [name for name in nlp.pipe_names if name in LEMMA_COMPONENTS]
    done: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    with nlp.select_pipes(enable=enabled):
        for text, doc in zip(unique, nlp.pipe(unique, batch_size=batch_size)):
            lemmas = tuple((t.lemma_ or t.text).lower() for t in doc if not t.is_space)
            lowers = tuple(t.lower_ for t in doc if not t.is_space)
            done[text] = (lemmas, lowers)
    return [done[t] for t in texts]


def _term_index(terms: Iterable[tuple[str, ...]]) -> dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]]:
    """First token -> [(form to look for, term as written)]; each term is looked for as written and stemmed."""
    index = defaultdict(list)
    for term in terms:
        if term:
            stemmed = tuple(t if t.endswith("*") else light_stem(t) for t in term)
            for form in dict.fromkeys((term, stemmed)):
                key = form[0][:PREFIX_KEY] + "*" if form[0].endswith("*") else form[0]
                index[key].append((form, term))
    return index


def _find_terms(sequences: Iterable[tuple[str, ...]], index) -> set[tuple[str, ...]]:
    found = set()
    for seq in sequences:
        for i, token in enumerate(seq):
            for form, term in index.get(token, ()):
                if term not in found and seq[i:i + len(form)] == form:
                    found.add(term)
            for form, term in index.get(token[:PREFIX_KEY] + "*", ()):
                if term not in found and _matches(seq, i, form):
                    found.add(term)
    return found


def tag_themes(table: pd.DataFrame, lexicon: Lexicon | None = None, nlp=None,
               lemmas: list | None = None, method: str = "stem") -> pd.DataFrame:
    """One row per statement and theme it touches: quote_id, theme, label, terms (the words that matched).

    A term matches the statement's lemmas or its words, so "talks", "talked" and "peace talks"
    all count for the term "talk". ``lemmas`` may be passed in from :func:`lemmatise` to reuse them.
    """
    lexicon = lexicon or load_themes()
    texts = [statement_text(q, s) for q, s in zip(_text_column(table, "quote"), _text_column(table, "sentence"))]
    lemmas = lemmas if lemmas is not None else lemmatise(texts, nlp, method=method)
    rows = []
    # One index over every theme's terms, so each statement is scanned once.
    theme_of: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for theme, terms in lexicon.terms.items():
        for term in terms:
            theme_of[term].append(theme)
    index = _term_index(theme_of)
    for quote_id, (lem, low) in zip(table["quote_id"], lemmas):
        found = _find_terms((lem, low), index)
        by_theme: dict[str, list[str]] = defaultdict(list)
        for term in found:
            for theme in theme_of[term]:
                by_theme[theme].append(" ".join(term))
        for theme in lexicon.labels:
            if theme in by_theme:
                rows.append((quote_id, theme, lexicon.labels[theme], "; ".join(sorted(by_theme[theme]))))
    tags = pd.DataFrame(rows, columns=["quote_id", "theme", "label", "terms"])
    return tags.astype({c: str for c in tags.columns})


def add_themes(table: pd.DataFrame, tags: pd.DataFrame) -> pd.DataFrame:
    """The table with a ``themes`` column: the labels of every theme a statement carries, "; "-joined."""
    joined = tags.groupby("quote_id", sort=False)["label"].agg("; ".join)
    out = table.copy()
    out["themes"] = out["quote_id"].map(joined).fillna("").astype(str)
    return out


def themes_by_camp(table: pd.DataFrame, tags: pd.DataFrame, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """Statements per camp per theme (every theme and camp, zeros included) and the share of the camp's statements."""
    lexicon = lexicon or load_themes()
    camps = sorted(table["camp"].dropna().unique())
    merged = tags.merge(table[["quote_id", "camp"]], on="quote_id", how="inner")
    counts = merged.groupby(["theme", "camp"]).size()
    totals = table.groupby("camp").size()
    rows = []
    for theme, label in lexicon.labels.items():
        for camp in camps:
            n = int(counts.get((theme, camp), 0))
            total = int(totals.get(camp, 0))
            rows.append((theme, label, camp, n, round(n / total, 4) if total else 0.0))
    out = pd.DataFrame(rows, columns=["theme", "label", "camp", "statements", "share"])
    return out.astype({"theme": str, "label": str, "camp": str, "statements": "int64", "share": "float64"})


def themes_by_period(table: pd.DataFrame, tags: pd.DataFrame, period: str = "month") -> pd.DataFrame:
    """Statements per period, camp and theme (only the combinations that occur)."""
    merged = tags.merge(table[["quote_id", "camp", "said_on"]], on="quote_id", how="inner").dropna(subset=["said_on"])
    merged["period"] = _period_start(merged["said_on"], period)
    counts = merged.groupby(["period", "camp", "theme", "label"]).size().rename("statements").reset_index()
    counts["statements"] = counts["statements"].astype("int64")
    return counts.sort_values(["period", "camp", "theme"], kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------- claims vs counter-claims

CLAIM_FIELDS = ["said_on", "camp", "speaker", "quote", "title", "url", "quote_id"]
CLAIMS_COLUMNS = (["rank", "score", "days_apart", "wording", "polarity_differs", "themes"]
                  + [f"claim_{c}" for c in CLAIM_FIELDS] + [f"counter_{c}" for c in CLAIM_FIELDS])
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
                             camps: Sequence[tuple[str, str]] | None = None, lexicon: Lexicon | None = None,
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
        return _empty(CLAIMS_COLUMNS, CLAIMS_SCHEMA)
    texts = [statement_text(q, s) for q, s in zip(base["quote"], base["sentence"])]
    if lemmas is None:
        lemmas = lemmatise(texts, nlp, method=method)
    else:
        by_id = dict(zip(table["quote_id"], lemmas))
        lemmas = [by_id[q] for q in base["quote_id"]]
    stop = _stop_words()
    vectors = tfidf_vectors([[k for k, w in zip(lem, low) if w not in stop] for lem, low in lemmas])
    neg_index = _term_index(lexicon.negations)
    negated = [bool(_find_terms((lem, low), neg_index)) for lem, low in lemmas]
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
        return _empty(CLAIMS_COLUMNS, CLAIMS_SCHEMA)
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


# --------------------------------------------------------------------------- echoes

_QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'",
                              "–": "-", "—": "-"})


def normalise_quote(text: str) -> str:
    """Quote text for comparison: Unicode-normalised, case-folded, punctuation dropped, spaces collapsed."""
    text = unicodedata.normalize("NFKC", str(text or "")).translate(_QUOTE_MARKS).casefold()
    text = re.sub(r"[^\w\s]", " ", text, flags=re.UNICODE)
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


def echo_clusters(table: pd.DataFrame, threshold: float = 90, min_words: int = 5,
                  shingle: int = 3, common: int = 50) -> pd.DataFrame:
    """Which statements repeat the same quotation: quote_id, echo_id, similarity.

    Quotes are normalised (:func:`normalise_quote`); two count as the same when rapidfuzz's
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
    frame["_norm"] = [normalise_quote(q) for q in frame["quote"]]
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


ECHO_COLUMNS = ["echo_id", "articles", "statements", "quote", "speaker", "camp", "first_published",
                "first_said_on", "first_title", "first_source", "first_url", "first_article_id",
                "last_published", "repeated_in", "repeated_urls"]


def echoes(table: pd.DataFrame, clusters: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per quotation found in two or more articles: where it first appeared and every article that repeated it."""
    clusters = echo_clusters(table) if clusters is None else clusters
    if clusters.empty:
        return _empty(ECHO_COLUMNS, ECHOES_SCHEMA)
    base = table.drop(columns=[c for c in ("echo_id", "echo_articles", "similarity") if c in table.columns])
    merged = clusters.merge(base.assign(_who=speaker_name(base)), on="quote_id", how="left")
    merged = merged.sort_values(["echo_id", "published", "said_on", "quote_id"], kind="stable", na_position="last")
    rows = []
    for echo_id, group in merged.groupby("echo_id", sort=True):
        head = group[group["quote_id"] == echo_id].iloc[0]
        later = group[group["article_id"] != head["article_id"]].drop_duplicates("article_id")
        rows.append({
            "echo_id": echo_id, "articles": int(group["article_id"].nunique()), "statements": len(group),
            "quote": head["quote"], "speaker": head["_who"], "camp": head["camp"],
            "first_published": head["published"], "first_said_on": head["said_on"],
            "first_title": head["title"], "first_source": head["source"], "first_url": head["url"],
            "first_article_id": head["article_id"], "last_published": group["published"].max(),
            "repeated_in": "; ".join(later["article_id"]), "repeated_urls": "; ".join(u for u in later["url"] if u),
        })
    out = pd.DataFrame(rows, columns=ECHO_COLUMNS)
    out = out.sort_values(["articles", "first_published", "echo_id"], ascending=[False, True, True],
                          kind="stable", na_position="last").reset_index(drop=True)
    out["first_published"] = pd.to_datetime(out["first_published"], utc=True)
    out["last_published"] = pd.to_datetime(out["last_published"], utc=True)
    out["first_said_on"] = pd.to_datetime(out["first_said_on"])
    return out.astype({"articles": "int64", "statements": "int64"})


def add_echoes(table: pd.DataFrame, clusters: pd.DataFrame) -> pd.DataFrame:
    """The table with ``echo_id`` ("" when the quote was not repeated) and ``echo_articles`` (articles carrying it)."""
    out = table.copy()
    echo_of = dict(zip(clusters["quote_id"], clusters["echo_id"]))
    out["echo_id"] = pd.Series([echo_of.get(q, "") for q in out["quote_id"]], index=out.index, dtype=str)
    spread = out[out["echo_id"] != ""].groupby("echo_id")["article_id"].nunique()
    out["echo_articles"] = out["echo_id"].map(spread).fillna(1).astype("int64")
    return out


# --------------------------------------------------------------------------- findings

def findings(table: pd.DataFrame, counts: pd.DataFrame | None = None, claims: pd.DataFrame | None = None,
             echo_table: pd.DataFrame | None = None, period: str = "week") -> dict:
    """The facts the report opens with, computed from the tables (no text from the articles is changed).

    ``table`` may be a :class:`Tables`, whose parts then fill the other arguments.
    """
    if isinstance(table, Tables):
        table, counts, claims, echo_table, period = (table.who_said_what, table.by_period, table.claims,
                                                     table.echoes, table.period)
    counts = by_camp_and_period(table, period) if counts is None else counts
    dated = table.dropna(subset=["said_on"])
    facts: dict = {"statements": len(table), "articles": int(table["article_id"].nunique()),
                   "dated": len(dated), "by_camp": table["camp"].value_counts().sort_index().to_dict()}
    facts["by_camp"] = dict(sorted(facts["by_camp"].items(), key=lambda kv: (-kv[1], kv[0])))
    facts["first"] = dated["said_on"].min() if len(dated) else None
    facts["last"] = dated["said_on"].max() if len(dated) else None
    published = pd.to_datetime(table["published"], utc=True, errors="coerce").dropna() if "published" in table else []
    facts["published_first"] = published.min() if len(published) else None
    facts["published_last"] = published.max() if len(published) else None
    top = speakers_by_camp(table[table["camp"].isin(set(table["camp"]) - set(NEUTRAL_CAMPS))], top=1)
    facts["top_speakers"] = list(top[["camp", "speaker", "statements"]].itertuples(index=False, name=None))
    facts["top_speakers"].sort(key=lambda r: (-r[2], r[0]))
    if len(counts):
        per_period = counts.groupby("period")["statements"].sum()
        busiest = per_period.sort_values(ascending=False, kind="stable").index[0]
        in_period = counts[counts["period"] == busiest].sort_values(["statements", "camp"], ascending=[False, True])
        facts["busiest"] = {"period": busiest, "statements": int(per_period[busiest]),
                            "leader": in_period.iloc[0]["camp"], "leader_statements": int(in_period.iloc[0]["statements"])}
    else:
        facts["busiest"] = None
    facts["top_claim"] = claims.iloc[0].to_dict() if claims is not None and len(claims) else None
    facts["top_echo"] = echo_table.iloc[0].to_dict() if echo_table is not None and len(echo_table) else None
    return facts


def excerpt(text: str, max_chars: int = 90) -> str:
    """The first ``max_chars`` characters of a quote, cut at a word, with an ellipsis when cut."""
    text = " ".join(str(text or "").split())
    if len(text) <= max_chars:
        return text
    return text[:max_chars].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def findings_markdown(facts: dict, title: str, period: str = "week", escape=html.escape) -> str:
    """The findings summary as Markdown; every piece of article-derived text goes through ``escape``
    (HTML-escaping by default; the report passes ``kit.report.escape_md``, which also defuses Markdown)."""
    e = escape
    lines = [f"# {e(title)}", ""]
    if facts.get("published_first") is not None:
        span = f"published between {facts['published_first']:%d %B %Y} and {facts['published_last']:%d %B %Y}"
    else:
        span = "with no publication date"
    undated = facts["statements"] - facts["dated"]
    lines.append(f"- **{facts['statements']:,} statements** in {facts['articles']:,} articles {span}"
                 + (f" ({undated:,} statements could not be dated)." if undated else "."))
    if facts["by_camp"]:
        lines.append("- By camp: " + ", ".join(f"{e(str(c))} {n:,}" for c, n in facts["by_camp"].items()) + ".")
    for camp, speaker, n in facts["top_speakers"][:5]:
        lines.append(f"- {e(str(camp))}: most quoted was **{e(str(speaker))}** ({n:,} statement{'s' if n != 1 else ''}).")
    if facts["busiest"]:
        b = facts["busiest"]
        label = {"day": "day", "week": "week of", "month": "month of"}.get(period, period)
        when = f"{b['period']:%B %Y}" if period == "month" else f"{b['period']:%d %B %Y}"
        lines.append(f"- Busiest {label} {when}: {b['statements']:,} statements, most from "
                     f"{e(str(b['leader']))} ({b['leader_statements']:,}).")
    c = facts["top_claim"]
    if c:
        lines.append(
            f"- Top claim and counter-claim ({e(c['themes'])}, "
            f"{'the same day' if c['days_apart'] == 0 else str(c['days_apart']) + ' day(s) apart'}): "
            f"{e(str(c['claim_camp']))} ({e(str(c['claim_speaker']))}, {c['claim_said_on']:%d %b %Y}): "
            f"“{e(excerpt(c['claim_quote']))}” — {e(str(c['counter_camp']))} ({e(str(c['counter_speaker']))}, "
            f"{c['counter_said_on']:%d %b %Y}): “{e(excerpt(c['counter_quote']))}”")
    else:
        lines.append("- No claim and counter-claim pair was found.")
    echo = facts.get("top_echo")
    if echo:
        lines.append(f"- Most repeated quotation ({echo['articles']} articles, first by {e(str(echo['speaker']))}): "
                     f"“{e(excerpt(echo['quote']))}”")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- schemas and writing

def _str(nullable: bool = False, **kw) -> pa.Column:
    return pa.Column(str, nullable=nullable, **kw)


def _utc_time(nullable: bool = True) -> pa.Column:
    # Any unit (us from pandas 3, ns from older files), but always UTC.
    return pa.Column(None, nullable=nullable, checks=pa.Check(
        lambda s: isinstance(s.dtype, pd.DatetimeTZDtype) and str(s.dtype.tz) == "UTC",
        error="a time in UTC"))


WHO_SAID_WHAT_SCHEMA = pa.DataFrameSchema({
    "said_on": pa.Column(pa.DateTime, nullable=True),
    "actor": _str(), "speaker": _str(),
    "camp": _str(checks=pa.Check.str_length(min_value=1)),
    "role": _str(), "kind": _str(), "act": _str(), "quote": _str(), "cue": _str(), "venue": _str(),
    "when_text": _str(),
    "said_on_precision": _str(), "published": _utc_time(),
    "title": _str(), "source": _str(), "url": _str(), "article_id": _str(),
    "quote_id": _str(unique=True), "quote_start": pa.Column("int64"), "quote_end": pa.Column("int64"),
    "sentence": _str(), "context": _str(),
    "themes": _str(required=False), "echo_id": _str(required=False),
    "echo_articles": pa.Column("int64", pa.Check.ge(1), required=False),
}, strict=False)

BY_CAMP_AND_PERIOD_SCHEMA = pa.DataFrameSchema({
    "period": pa.Column(pa.DateTime), "camp": _str(), "statements": pa.Column("int64", pa.Check.gt(0)),
}, strict=True, unique=["period", "camp"])

SPEAKERS_SCHEMA = pa.DataFrameSchema({
    "camp": _str(), "speaker": _str(), "statements": pa.Column("int64", pa.Check.gt(0)),
    "first_said_on": pa.Column(pa.DateTime, nullable=True), "last_said_on": pa.Column(pa.DateTime, nullable=True),
}, strict=True, unique=["camp", "speaker"])

THEMES_SCHEMA = pa.DataFrameSchema({
    "theme": _str(), "label": _str(), "camp": _str(), "statements": pa.Column("int64", pa.Check.ge(0)),
    "share": pa.Column("float64", pa.Check.in_range(0, 1)),
}, strict=True, unique=["theme", "camp"])

THEMES_BY_PERIOD_SCHEMA = pa.DataFrameSchema({
    "period": pa.Column(pa.DateTime), "camp": _str(), "theme": _str(), "label": _str(),
    "statements": pa.Column("int64", pa.Check.gt(0)),
}, strict=True, unique=["period", "camp", "theme"])

ACTORS_SCHEMA = pa.DataFrameSchema({
    "actor": _str(unique=True), "camps": _str(checks=pa.Check.str_length(min_value=1)),
    "statements": pa.Column("int64", pa.Check.gt(0)),
    "first_said_on": pa.Column(pa.DateTime, nullable=True), "last_said_on": pa.Column(pa.DateTime, nullable=True),
}, strict=True)

THEME_TAGS_SCHEMA = pa.DataFrameSchema({
    "quote_id": _str(), "theme": _str(), "label": _str(), "terms": _str(checks=pa.Check.str_length(min_value=1)),
}, strict=True, unique=["quote_id", "theme"])

_side = {f"{p}_{f}": (pa.Column(pa.DateTime) if f == "said_on" else _str()) for p in ("claim", "counter")
         for f in CLAIM_FIELDS}
CLAIMS_SCHEMA = pa.DataFrameSchema({
    "rank": pa.Column("int64", pa.Check.ge(1), unique=True), "score": pa.Column("float64", pa.Check.in_range(0, 1)),
    "days_apart": pa.Column("int64", pa.Check.ge(0)), "wording": pa.Column("float64", pa.Check.in_range(0, 1.0001)),
    "polarity_differs": pa.Column(bool), "themes": _str(checks=pa.Check.str_length(min_value=1)), **_side,
}, strict=True, checks=pa.Check(lambda df: (df["claim_camp"] != df["counter_camp"]).all(),
                                 error="a claim and its counter-claim come from different camps"))

ECHOES_SCHEMA = pa.DataFrameSchema({
    "echo_id": _str(unique=True), "articles": pa.Column("int64", pa.Check.ge(2)),
    "statements": pa.Column("int64", pa.Check.ge(2)), "quote": _str(), "speaker": _str(), "camp": _str(),
    "first_published": _utc_time(), "first_said_on": pa.Column(pa.DateTime, nullable=True),
    "first_title": _str(), "first_source": _str(), "first_url": _str(), "first_article_id": _str(),
    "last_published": _utc_time(), "repeated_in": _str(checks=pa.Check.str_length(min_value=1)),
    "repeated_urls": _str(),
}, strict=True)

SCHEMAS: dict[str, pa.DataFrameSchema] = {
    "who_said_what": WHO_SAID_WHAT_SCHEMA,
    **{f"by_camp_and_{p}": BY_CAMP_AND_PERIOD_SCHEMA for p in PERIODS},
    "speakers_by_camp": SPEAKERS_SCHEMA,
    "actors": ACTORS_SCHEMA,
    "themes_by_camp": THEMES_SCHEMA,
    **{f"themes_by_{p}": THEMES_BY_PERIOD_SCHEMA for p in PERIODS},
    "theme_tags": THEME_TAGS_SCHEMA,
    "claims_and_counterclaims": CLAIMS_SCHEMA,
    "echoes": ECHOES_SCHEMA,
}


def _empty(columns: list[str], schema: pa.DataFrameSchema) -> pd.DataFrame:
    dtypes = {}
    for col in columns:
        dtype = schema.columns[col].dtype if col in schema.columns else "str"
        name = str(dtype).lower()
        dtypes[col] = ("datetime64[us, UTC]" if dtype is None else "datetime64[us]" if "datetime" in name
                       else "str" if name in ("str", "string") else name)
    return pd.DataFrame({c: pd.Series([], dtype=d) for c, d in dtypes.items()})


def check_table(table: pd.DataFrame, name: str, schema: pa.DataFrameSchema | None = None) -> pd.DataFrame:
    """Validate ``table`` against its schema (by name, or the one given); raise with the table's name on failure."""
    schema = schema or SCHEMAS.get(name)
    if schema is None:
        return table
    try:
        return schema.validate(table, lazy=True)
    except (pa.errors.SchemaErrors, pa.errors.SchemaError) as exc:
        raise ValueError(f"table '{name}' does not match its schema:\n{exc}") from exc


def _for_excel(table: pd.DataFrame) -> pd.DataFrame:
    out = table.copy()
    for col in out.columns:
        if isinstance(out[col].dtype, pd.DatetimeTZDtype):
            out[col] = out[col].dt.tz_convert("UTC").dt.tz_localize(None)
        elif out[col].dtype == object:
            out[col] = out[col].map(lambda v: "; ".join(map(str, v)) if isinstance(v, (list, tuple)) else v)
    return out


def write_table(table: pd.DataFrame, folder: str | Path, name: str, formats=("csv",),
                schema: pa.DataFrameSchema | None = None) -> list[Path]:
    """Check the table's schema, then write ``name.csv`` / ``.parquet`` / ``.xlsx`` atomically; returns the paths.

    Tables the kit knows (see ``SCHEMAS``) are validated by name; pass ``schema`` for others.
    """
    check_table(table, name, schema)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        path = folder / f"{name}.{fmt}"
        tmp = path.with_name(f".{path.name}.tmp")
        if fmt == "csv":
            table.to_csv(tmp, index=False, lineterminator="\n")
        elif fmt == "parquet":
            table.to_parquet(tmp, index=False)
        elif fmt == "xlsx":
            _for_excel(table).to_excel(tmp, index=False, sheet_name=name[:31], engine="openpyxl")
        else:
            raise ValueError(f"unknown table format '{fmt}': use csv, parquet or xlsx")
        os.replace(tmp, path)
        written.append(path)
    return written


# --------------------------------------------------------------------------- every table at once

def truthy(value) -> bool:
    """A notebook parameter as a yes/no: True, 1, "true", "yes", "on" (command-line values are strings)."""
    if isinstance(value, str):
        return value.strip().lower() in {"1", "true", "yes", "on", "y"}
    return bool(value)


def source_line(articles: pd.DataFrame, top: int = 3) -> str:
    """'2,210 articles (whitehouse.gov, kremlin.ru)' for a chart's source line."""
    sources = _text_column(articles, "source").replace("", pd.NA).dropna().value_counts()
    names = ", ".join(sources.index[:top]) + (", …" if len(sources) > top else "")
    return f"{len(articles):,} articles" + (f" ({names})" if names else "")


@dataclass
class Tables:
    """Every table of a report, built by :func:`build_tables`; ``write`` puts them in a folder."""

    who_said_what: pd.DataFrame
    by_period: pd.DataFrame
    speakers: pd.DataFrame
    theme_tags: pd.DataFrame
    themes_by_camp: pd.DataFrame
    themes_by_period: pd.DataFrame
    claims: pd.DataFrame
    echoes: pd.DataFrame
    period: str = "week"
    theme_period: str = "month"
    claim_days: int = 7

    def named(self) -> dict[str, pd.DataFrame]:
        """File name -> table, as written under ``tables/``."""
        return {
            "who_said_what": self.who_said_what,
            f"by_camp_and_{self.period}": self.by_period,
            "speakers_by_camp": self.speakers,
            "theme_tags": self.theme_tags,
            "themes_by_camp": self.themes_by_camp,
            f"themes_by_{self.theme_period}": self.themes_by_period,
            "claims_and_counterclaims": self.claims,
            "echoes": self.echoes,
        }

    def write(self, folder: str | Path, formats=("csv", "parquet")) -> list[Path]:
        """Check every table's schema and write it in each format; returns the paths."""
        return [p for name, t in self.named().items() for p in write_table(t, folder, name, formats)]


def statements_on_theme(tables: Tables, theme: str = "", lexicon: Lexicon | None = None) -> tuple[str, pd.DataFrame]:
    """(label, statements) for a theme id from ``data/themes.yml``; "" picks the most discussed theme."""
    lexicon = lexicon or load_themes()
    if not theme:
        totals = tables.themes_by_camp.groupby("theme")["statements"].sum()
        theme = totals.idxmax() if totals.sum() else next(iter(lexicon.labels))
    if theme not in lexicon.labels:
        raise ValueError(f"unknown theme {theme!r}: data/themes.yml has {', '.join(lexicon.labels)}")
    on_theme = set(tables.theme_tags.loc[tables.theme_tags["theme"] == theme, "quote_id"])
    table = tables.who_said_what
    return lexicon.labels[theme], table[table["quote_id"].isin(on_theme)].reset_index(drop=True)


def theme_period_for(table: pd.DataFrame, period: str) -> str:
    """Months for themes over time when the statements span more than four months, else ``period``."""
    dates = table["said_on"].dropna()
    if len(dates) and (dates.max() - dates.min()) > pd.Timedelta(days=120):
        return "month"
    return period


def build_tables(statements: pd.DataFrame, articles: pd.DataFrame, period: str = "week", claim_days: int = 7,
                 nlp=None, lexicon: Lexicon | None = None, claim_limit: int | None = 200,
                 method: str = "stem") -> Tables:
    """Every report table from attributed statements: who said what (with themes and echoes),
    counts per camp and period, speakers, themes, claims vs counter-claims and echoes.

    Statements are lemmatised once (``method``: "stem" or "spacy", see :func:`lemmatise`) for themes and claims.
    """
    lexicon = lexicon or load_themes()
    _period_start(pd.Series([], dtype="datetime64[us]"), period)  # a wrong period fails before the slow part
    table = who_said_what(statements, articles)
    texts = [statement_text(q, s) for q, s in zip(table["quote"], table["sentence"])]
    lemmas = lemmatise(texts, nlp, method=method) if len(table) else []
    tags = tag_themes(table, lexicon, lemmas=lemmas)
    clusters = echo_clusters(table)
    table = add_echoes(add_themes(table, tags), clusters)
    theme_period = theme_period_for(table, period)
    return Tables(
        who_said_what=table,
        by_period=by_camp_and_period(table, period),
        speakers=speakers_by_camp(table),
        theme_tags=tags,
        themes_by_camp=themes_by_camp(table, tags, lexicon),
        themes_by_period=themes_by_period(table, tags, theme_period),
        claims=claims_and_counterclaims(table, tags, days=int(claim_days), lexicon=lexicon, lemmas=lemmas,
                                        limit=claim_limit),
        echoes=echoes(table, clusters),
        period=period, theme_period=theme_period, claim_days=int(claim_days),
    )
