"""What each statement is about: themes from the lexicon a reporter edits, ``data/themes.yml``.

``tag_themes(table)`` -> quote_id, theme, label, terms  (one row per statement and theme)
``themes_by_camp(table, tags)`` -> theme, label, camp, statements, share
``themes_by_period(table, tags, period)`` -> period, camp, theme, label, statements
``add_themes(table, tags)`` gives the who-said-what table its ``themes`` column.
Terms match every inflection: statements and terms both go through :func:`lemmatise`.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

import pandas as pd

from .config import data_path, load_yaml
from .table import period_start, text_column

# Lemmatising needs POS tags, so these are the only components switched on for themes.
LEMMA_COMPONENTS = ("tok2vec", "tagger", "attribute_ruler", "lemmatizer")
# A fragment this short ("made real progress") names no theme by itself: its sentence is read instead.
FRAGMENT_WORDS = 6


@dataclass(frozen=True)
class ThemeLexicon:
    """Themes (id -> label, terms as token tuples) and negation terms, from ``data/themes.yml``."""

    labels: dict[str, str]
    terms: dict[str, tuple[tuple[str, ...], ...]]
    negations: tuple[tuple[str, ...], ...]
    opposing: tuple[tuple[str, str], ...] = ()
    refusals: tuple[tuple[str, ...], ...] = ()
    hedges: tuple[tuple[str, ...], ...] = ()
    futures: tuple[tuple[str, ...], ...] = ()
    # Negations that add or affirm, not deny ("not only", "no doubt"): ``not_denials`` in the themes file.
    not_denials: tuple[tuple[str, ...], ...] = ()
    # Camp label -> regular expressions on an article's source or web site: where that camp speaks
    # itself (``publishers`` in data/actors.yml, unless a themes file gives its own camp_sources).
    camp_sources: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Words too common to show that two statements speak of one thing ("be", "mean", "time"), stemmed:
    # ``general_words`` in the themes file.
    general_words: tuple[str, ...] = ()
    # Words that open a clause asserting nothing ("if", "whether"): ``conditions`` in the themes file.
    conditions: tuple[str, ...] = ()


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


# Lexicons read, by the bytes of their file and of the actor registry: a report asks for the lexicon several
# times (tables, claims, findings), and reading the registry for the publishers each time cost about a second.
_READ: dict[tuple[str, bytes, bytes], ThemeLexicon] = {}


def _file_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def load_themes(path: str | Path | None = None) -> ThemeLexicon:
    """The theme lexicon from ``data/themes.yml`` (or ``path``); a clear error names a bad file."""
    path = Path(path) if path else data_path("themes.yml")
    own, registry = _file_bytes(path), _file_bytes(data_path("actors.yml"))
    if own is None or registry is None:
        return _read_themes(path)
    key = (str(path.resolve()), own, registry)
    if key not in _READ:
        _READ.clear()  # one lexicon is kept: the files' bytes are its key
        _READ[key] = _read_themes(path)
    return _READ[key]


def _read_themes(path: Path) -> ThemeLexicon:
    doc = load_yaml(path) or {}
    themes = doc.get("themes")
    if not isinstance(themes, dict) or not themes:
        raise ValueError(f"{path}: no 'themes' mapping (theme id -> label and terms)")
    labels, terms = {}, {}
    words = [t for spec in themes.values() if isinstance(spec, dict) for key in spec if str(key).startswith("terms")
             for t in spec[key] or []]
    booleans = [t for t in words + [w for key in ("negations", "refusals", "hedges", "futures", "not_denials")
                                 for w in doc.get(key) or []]
                if isinstance(t, bool)]
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
    negations, refusals, hedges, futures, not_denials = (
        tuple(dict.fromkeys(_term_tokens(t) for t in doc.get(key) or []))
        for key in ("negations", "refusals", "hedges", "futures", "not_denials"))
    opposing = []
    for pair in doc.get("opposing_camps") or []:
        if not isinstance(pair, list) or len(pair) != 2:
            raise ValueError(f"{path}: opposing_camps entries are pairs of camp labels, got {pair!r}")
        opposing.append((str(pair[0]), str(pair[1])))
    return ThemeLexicon(labels=labels, terms=terms, negations=negations, opposing=tuple(opposing),
                        refusals=refusals, hedges=hedges, futures=futures, not_denials=not_denials,
                        conditions=tuple(str(w).lower() for w in doc.get("conditions") or []),
                        general_words=tuple(sorted({light_stem(str(w).lower()) for w in doc.get("general_words") or []})),
                        camp_sources=_camp_sources(doc["camp_sources"], path) if "camp_sources" in doc else _registry_publishers())


def _registry_publishers() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Where each camp publishes in its own name, from the actor registry (``publishers`` in
    ``data/actors.yml``, the data attribution also reads), by camp label."""
    from .registry import load_registry  # the registry is read only when themes.yml names no camp_sources

    registry = load_registry()
    return tuple((registry.camp_label(camp), tuple(p.pattern for p in patterns)) for camp, patterns in registry.publishers)


def _camp_sources(spec, path) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if spec is None:
        return ()
    if not isinstance(spec, dict):
        raise ValueError(f"{path}: camp_sources maps a camp label to patterns, got {type(spec).__name__}")
    out = []
    for camp, patterns in spec.items():
        patterns = [patterns] if isinstance(patterns, str) else patterns
        if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
            raise ValueError(f"{path}: camp_sources '{camp}' needs a pattern or a list of patterns")
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"{path}: camp_sources '{camp}': {pattern!r} is not a regular expression ({exc})") from exc
        out.append((str(camp), tuple(patterns)))
    return tuple(out)


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


def term_index(terms: Iterable[tuple[str, ...]]) -> dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]]:
    """First token -> [(form to look for, term as written)]; each term is looked for as written and stemmed."""
    index = defaultdict(list)
    for term in terms:
        if term:
            stemmed = tuple(t if t.endswith("*") else light_stem(t) for t in term)
            for form in dict.fromkeys((term, stemmed)):
                key = form[0][:PREFIX_KEY] + "*" if form[0].endswith("*") else form[0]
                index[key].append((form, term))
    return index


def find_terms(sequences: Iterable[tuple[str, ...]], index) -> set[tuple[str, ...]]:
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


def theme_terms(lemmas: Sequence[tuple[tuple[str, ...], tuple[str, ...]]],
                lexicon: ThemeLexicon | None = None) -> list[dict[str, list[str]]]:
    """Per text (as :func:`lemmatise` gives it), theme id -> the lexicon terms found in it, in the
    lexicon's theme order."""
    lexicon = lexicon or load_themes()
    # One index over every theme's terms, so each text is scanned once.
    theme_of: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for theme, terms in lexicon.terms.items():
        for term in terms:
            theme_of[term].append(theme)
    index = term_index(theme_of)
    out = []
    for lem, low in lemmas:
        by_theme: dict[str, list[str]] = defaultdict(list)
        for term in find_terms((lem, low), index):
            for theme in theme_of[term]:
                by_theme[theme].append(" ".join(term))
        out.append({theme: sorted(by_theme[theme]) for theme in lexicon.labels if theme in by_theme})
    return out


def tag_themes(table: pd.DataFrame, lexicon: ThemeLexicon | None = None, nlp=None,
               lemmas: list | None = None, method: str = "stem") -> pd.DataFrame:
    """One row per statement and theme it touches: quote_id, theme, label, terms (the words that matched).

    A term matches the statement's lemmas or its words, so "talks", "talked" and "peace talks"
    all count for the term "talk". ``lemmas`` may be passed in from :func:`lemmatise` to reuse them.
    """
    lexicon = lexicon or load_themes()
    texts = [statement_text(q, s) for q, s in zip(text_column(table, "quote"), text_column(table, "sentence"))]
    lemmas = lemmas if lemmas is not None else lemmatise(texts, nlp, method=method)
    rows = [(quote_id, theme, lexicon.labels[theme], "; ".join(terms))
            for quote_id, found in zip(table["quote_id"], theme_terms(lemmas, lexicon)) for theme, terms in found.items()]
    tags = pd.DataFrame(rows, columns=["quote_id", "theme", "label", "terms"])
    return tags.astype({c: str for c in tags.columns})


def add_themes(table: pd.DataFrame, tags: pd.DataFrame) -> pd.DataFrame:
    """The table with a ``themes`` column: the labels of every theme a statement carries, "; "-joined."""
    # Joined in one pass over the tags (a groupby joining each group in Python costs seconds on 200,000 tags).
    labels: dict[str, list[str]] = {}
    for quote_id, label, known in zip(tags["quote_id"].tolist(), tags["label"].tolist(), tags["quote_id"].notna().tolist()):
        if known:  # as groupby, which leaves out a missing id
            labels.setdefault(quote_id, []).append(label)
    joined = pd.Series({q: "; ".join(found) for q, found in labels.items()}, dtype=object)
    out = table.copy()
    out["themes"] = out["quote_id"].map(joined).fillna("").astype(str)
    return out


def themes_by_camp(table: pd.DataFrame, tags: pd.DataFrame, lexicon: ThemeLexicon | None = None) -> pd.DataFrame:
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
    merged["period"] = period_start(merged["said_on"], period)
    counts = merged.groupby(["period", "camp", "theme", "label"]).size().rename("statements").reset_index()
    counts["statements"] = counts["statements"].astype("int64")
    return counts.sort_values(["period", "camp", "theme"], kind="stable").reset_index(drop=True)


def theme_period_for(table: pd.DataFrame, period: str) -> str:
    """Months for themes over time when the statements span more than four months, else ``period``."""
    dates = table["said_on"].dropna()
    if len(dates) and (dates.max() - dates.min()) > pd.Timedelta(days=120):
        return "month"
    return period


def statements_on_theme(tables, theme: str = "", lexicon: ThemeLexicon | None = None) -> tuple[str, pd.DataFrame]:
    """(label, statements) for a theme id from ``data/themes.yml`` in a ``kit.pipeline.Tables``;
    "" picks the most discussed theme."""
    lexicon = lexicon or load_themes()
    if not theme:
        totals = tables.themes_by_camp.groupby("theme")["statements"].sum()
        theme = totals.idxmax() if totals.sum() else next(iter(lexicon.labels))
    if theme not in lexicon.labels:
        raise ValueError(f"unknown theme {theme!r}: data/themes.yml has {', '.join(lexicon.labels)}")
    on_theme = set(tables.theme_tags.loc[tables.theme_tags["theme"] == theme, "quote_id"])
    table = tables.who_said_what
    return lexicon.labels[theme], table[table["quote_id"].isin(on_theme)].reset_index(drop=True)
