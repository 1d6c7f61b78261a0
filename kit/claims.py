"""Claims and counter-claims: statements on a shared theme from opposing camps, days apart.

``claim_features(table, lemmas)`` -> per statement what pairing reads (own words, negated, hedged, ...);
``claims_and_counterclaims(table, tags)`` -> rank, score, days_apart, wording, opposition, how,
themes, claim_*, counter_* (the score is explained in the function's docstring and the report).
"""
from __future__ import annotations

import importlib.util
import math
import re
import sys
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from .echoes import normalise_quote
from .schemas import CLAIM_FIELDS, CLAIMS_COLUMNS, CLAIMS_SCHEMA, empty_table
from .table import NEUTRAL_CAMPS, speaker_name, text_column, web_site
from .claims_scope import predicate_scope
from .themes import ThemeLexicon, find_terms, lemmatise, load_themes, statement_text, term_index, theme_terms

UNATTRIBUTED = "(unattributed)"
# How the score weighs its parts; explained in the report notebook.
CLAIM_WEIGHTS = {"time": 0.30, "wording": 0.40, "opposition": 0.30}
# A claim is a sentence or two; a whole speech given as one transcript turn is not paired.
CLAIM_MAX_WORDS = 120
# A fragment this short ("invasion", "the successful test") asserts nothing by itself; a denial the
# speech verb carries ("dismissed the reports as 'pure fiction'") is paired whatever its length.
CLAIM_MIN_WORDS = 4
# Speech acts (the ``act`` column of kit.quotes) that oppose what another side said.
DENIAL_ACTS = frozenset({"denies", "rejects"})
# Speech acts that assert nothing firm about what is so: a belief, a concern, an agreement or a promise
# to do something, a demand, a warning of what may come. Neither a claim nor a counter-claim.
NOT_FIRM_ACTS = frozenset({"believes", "concerned", "agrees", "promises", "demands", "warns"})
# How plainly the counter-claim opposes the claim: a denial or rejection, else a negation of its main verb;
# a claim about the other side (naming its camp or one of its actors) is a stronger one to oppose.
OPPOSITION = {"act": 1.0, "negation": 0.7}
ABOUT_THE_OTHER_SIDE = 0.3
# Two statements share a subject when their wording is at least this close ("Minsk agreements",
# "humanitarian corridors"), or when one story reports both: a reporter who sets Trump's "I have
# spoken with Putin" beside the Kremlin's "no initial contact" links them.
MIN_WORDING = 0.1
FEATURE_COLUMNS = ["quote_id", "candidate", "words", "negated", "hedged", "asserts", "negated_themes", "tokens",
                   "negated_tokens", "names", "refuses"]


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """spaCy's English stop words. Read from their module's file while spaCy is not imported:
    ``import spacy.lang.en.stop_words`` imports all of spaCy first (a second or more), which a
    re-run that parses no article does not otherwise need."""
    module = sys.modules.get("spacy.lang.en.stop_words")
    if module is None and "spacy" not in sys.modules:
        try:
            spec = importlib.util.find_spec("spacy")  # finds the package without importing it
            path = Path(spec.origin).parent / "lang" / "en" / "stop_words.py"
            module = importlib.util.module_from_spec(importlib.util.spec_from_file_location("_spacy_en_stop_words", path))
            module.__spec__.loader.exec_module(module)
        except (AttributeError, ImportError, OSError, TypeError):  # a spaCy laid out otherwise: import it
            module = None
    if module is None:
        from spacy.lang.en import stop_words as module
    return frozenset(module.STOP_WORDS)


def tfidf_vectors(token_lists: Sequence[Sequence[str]],
                  also: Sequence[Sequence[str]] = ()) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors (word -> weight) over content words; idf = log((1+n)/(1+df)) + 1,
    counted over ``token_lists``. Vectors of ``also`` (parts of those texts) follow, weighed the same way."""
    stop = _stop_words()
    docs = [[t for t in tokens if t.isalpha() and len(t) > 1 and t not in stop] for tokens in token_lists]
    df: dict[str, int] = defaultdict(int)
    for tokens in docs:
        for t in set(tokens):
            df[t] += 1
    n = len(docs)
    vectors = []
    for tokens in docs + [[t for t in tokens if t in df] for tokens in also]:
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
    first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
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


# ---------------------------------------------------------------- whose words, and what they assert

def publishing_camp(source: str, url: str, lexicon: ThemeLexicon) -> str:
    """The camp that published a text in its own name (``camp_sources`` in ``data/themes.yml``,
    matched on the source and on the link's web site), "" for a text of no camp (news)."""
    site = web_site(url)
    for camp, patterns in lexicon.camp_sources:
        for pattern in patterns:
            if re.search(pattern, source or "", re.IGNORECASE) or (site and re.search(pattern, site, re.IGNORECASE)):
                return camp
    return ""


def own_words(table: pd.DataFrame, lexicon: ThemeLexicon | None = None) -> list[bool]:
    """Per statement, whether it is in its speaker's own words as far as the text can tell: published
    by the speaker's own camp, or in a text of no camp with the speaker named at a speech verb or a
    transcript label. A statement by one camp inside another camp's text (a White House fact sheet
    quoting Putin), or inside the transcript turn of a speaker of another camp (a president's speech
    telling what Putin said), is that camp's account of it, and False."""
    lexicon = lexicon or load_themes()
    published_by: dict[tuple[str, str], str] = {}
    out = []
    columns = ("source", "url", "camp", "cue", "actor", "speaker")
    for source, url, camp, cue, actor, speaker in zip(*(text_column(table, c) for c in columns)):
        key = (source, url)
        if key not in published_by:
            published_by[key] = publishing_camp(source, url, lexicon)
        publisher = published_by[key]
        out.append(camp == publisher if publisher else bool(cue.strip() and (actor.strip() or speaker.strip())))
    inside = _inside_another_camps_turn(table)
    return [own and not nested for own, nested in zip(out, inside)]


def _inside_another_camps_turn(table: pd.DataFrame) -> list[bool]:
    """Per statement, whether it lies within a transcript turn of another camp in the same article."""
    frame = pd.DataFrame({"article": table["article_id"].astype(str).values, "camp": text_column(table, "camp").values,
                          "kind": text_column(table, "kind").values,
                          "start": pd.to_numeric(table["quote_start"], errors="coerce").fillna(-1).astype("int64").values,
                          "end": pd.to_numeric(table["quote_end"], errors="coerce").fillna(-1).astype("int64").values})
    turns = frame[frame["kind"] == "turn"]
    if turns.empty:
        return [False] * len(frame)
    spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for article, start, end, camp in zip(turns["article"], turns["start"], turns["end"], turns["camp"]):
        spans[article].append((start, end, camp))
    return [kind != "turn" and start >= 0 and any(s <= start and end <= e and c != camp for s, e, c in spans.get(article, ()))
            for article, camp, kind, start, end in frame.itertuples(index=False)]


def claim_features(table: pd.DataFrame, tags: pd.DataFrame | None = None, lemmas: list | None = None,
                   lexicon: ThemeLexicon | None = None, nlp=None, registry=None, method: str = "stem",
                   max_words: int = CLAIM_MAX_WORDS, spacy_model: str | None = None) -> pd.DataFrame:
    """Per statement (one row per row of ``table``), what claims and counter-claims are read from:

    quote_id; ``candidate``: a statement of a side (a camp other than the press and "Other") in its own words
    (:func:`own_words`), on a theme (``tags``), neither a belief nor a concern, of
    ``CLAIM_MIN_WORDS`` to ``max_words`` words (fewer when its speech verb denies) and no refusal to
    comment; for candidates, ``negated``, ``hedged``, ``asserts`` (:func:`predicate_scope`) and
    ``negated_themes`` (the theme ids found in what the negations deny, "; "-joined); ``tokens``
    (the content lemmas its wording is compared on, negations left out); ``names`` (the camps it
    names: a camp's label or one of its actors in ``registry``, "; "-joined). Each row depends on its
    statement and article alone, so the rows can be kept per article (``kit.pipeline``).
    ``lemmas`` are :func:`kit.themes.lemmatise` of each statement's text (computed when not given).
    """
    lexicon = lexicon or load_themes()
    if registry is None:
        from .registry import load_registry

        registry = load_registry()
    quotes = text_column(table, "quote").tolist()
    texts = [statement_text(q, s) for q, s in zip(quotes, text_column(table, "sentence"))]
    lemmas = lemmatise(texts, method=method) if lemmas is None else lemmas
    # The camps a statement may name; which camps oppose each other is decided when pairing.
    sides = sorted({registry.camp_label(c) for c in registry.camps} - set(NEUTRAL_CAMPS))
    words = [len(q.split()) for q in quotes]
    acts = text_column(table, "act")
    on_theme = set(tags["quote_id"]) if tags is not None else set(table["quote_id"])
    n_words = pd.Series(words, index=table.index)
    candidate = (~table["camp"].isin(NEUTRAL_CAMPS) & ~acts.isin(NOT_FIRM_ACTS) & table["quote_id"].isin(on_theme)
                 & (n_words <= max_words) & ((n_words >= CLAIM_MIN_WORDS) | acts.isin(DENIAL_ACTS))
                 & pd.Series(own_words(table, lexicon), index=table.index))
    picked = [i for i, c in enumerate(candidate) if c]
    scope = dict(zip(picked, predicate_scope([quotes[i] for i in picked], lexicon, nlp, spacy_model=spacy_model)))
    none = {"negated": False, "negated_text": "", "hedged": False, "asserts": False, "refused": False, "refuses": False}
    scopes = [scope.get(i, none) for i in range(len(quotes))]
    negated_lemmas = lemmatise([s["negated_text"].replace("’", "'") for s in scopes])
    negated_themes = theme_terms(negated_lemmas, lexicon)
    stop = _stop_words()
    neg_index = term_index(lexicon.negations)

    def content(lem, low) -> list[str]:
        return [k for k, w in zip(lem, low) if w not in stop and not find_terms(((w,),), neg_index)]

    names = _names_by_camp(registry, sides)
    phrases = [_words(t) for t in texts]
    return pd.DataFrame({
        "quote_id": table["quote_id"].astype(str).tolist(),
        "candidate": [bool(c) and not s["refused"] for c, s in zip(candidate, scopes)],
        "words": words,
        **{key: [s[key] for s in scopes] for key in ("negated", "hedged", "asserts")},
        "negated_themes": ["; ".join(found) for found in negated_themes],
        "tokens": [content(lem, low) for lem, low in lemmas],
        "negated_tokens": [content(lem, low) for lem, low in negated_lemmas],
        "names": ["; ".join(c for c in sides if _mentions(p, names[c])) for p in phrases],
        "refuses": [s["refuses"] for s in scopes],
    }, columns=FEATURE_COLUMNS)


# ---------------------------------------------------------------- pairing

def claims_and_counterclaims(table: pd.DataFrame, tags: pd.DataFrame, days: int = 7,
                             camps: Sequence[tuple[str, str]] | None = None, lexicon: ThemeLexicon | None = None,
                             nlp=None, lemmas: list | None = None, limit: int | None = 200,
                             method: str = "stem", max_words: int = CLAIM_MAX_WORDS, registry=None,
                             features: pd.DataFrame | None = None) -> pd.DataFrame:
    """Claims and the counter-claims that oppose them, best first.

    A pair is two statements from opposing camps on a shared theme at most ``days`` apart, each in
    its speaker's own words (:func:`own_words`: not one camp's account of what the other said), in
    which one side, the counter-claim, denies or rejects (its ``act``) or negates its main verb
    ("They haven't had any initial contact"), and the other, the claim, asserts: it neither denies
    nor negates, and its main verb is not a wish, plan or guess (``hedges``). Never paired: a
    statement with itself, two statements from one sentence or one inside the other, two statements
    of the same speaker, a belief or a concern (acts ``believes``, ``concerned``), a refusal to
    comment ("I better not say"), a fragment of fewer than ``CLAIM_MIN_WORDS`` words (unless its
    speech verb denies) or a speech of more than ``max_words``.

    score = 0.30 x closeness in time (1 on the same day, falling to 0 past ``days``)
          + 0.40 x closeness in wording (TF-IDF cosine of the two statements' content lemmas)
          + 0.30 x opposition: 1 for a denial or rejection, 0.7 for a negation, raised by 0.3 (up
            to 1) when the claim names the counter-claim's side (its camp or one of its actors in
            ``registry``).
    A quotation repeated in several articles is paired once; a counter-claim appears in its best pair
    only, and a claim once per speaker who opposed it. ``camps`` lists the opposing camp
    pairs; by default ``opposing_camps`` in ``data/themes.yml``, else every two camps other than the
    press and unattributed speakers. ``features`` (from :func:`claim_features`) may be passed in.
    """
    lexicon = lexicon or load_themes()
    days = int(days)
    if features is None:
        features = claim_features(table, tags, lemmas, lexicon, nlp, registry, method, max_words)
    base = table.assign(**{c: features[c].values for c in FEATURE_COLUMNS if c != "quote_id"})
    pairs_allowed = camps if camps is not None else (lexicon.opposing or opposing_pairs(base["camp"].unique()))
    allowed = {frozenset(p) for p in pairs_allowed}
    base = base[base["candidate"] & base["said_on"].notna() & base["camp"].isin({c for p in allowed for c in p})
                & base["quote_id"].isin(set(tags["quote_id"]))].copy()
    base["_who"] = speaker_name(base)
    base["_norm"] = [normalise_quote(q) for q in base["quote"].tolist()]
    base = base.sort_values(["said_on", "published", "quote_id"], kind="stable", na_position="last")
    base = base.drop_duplicates(["camp", "_norm"]).reset_index(drop=True)
    if base.empty:
        return empty_table(CLAIMS_COLUMNS, CLAIMS_SCHEMA)
    vectors = tfidf_vectors(base["tokens"].tolist(), base["negated_tokens"].tolist())
    vectors, negated_vectors = vectors[:len(base)], vectors[len(base):]
    denies = text_column(base, "act").isin(DENIAL_ACTS).tolist()
    opposes = [d or n for d, n in zip(denies, base["negated"])]
    asserts = [a and not o and not h for a, o, h in zip(base["asserts"], opposes, base["hedged"])]
    negated_themes = [set(t.split("; ")) if t else set() for t in base["negated_themes"]]
    named = [set(n.split("; ")) if n else set() for n in base["names"]]
    refuses = base["refuses"].tolist()
    themes_of: dict[str, set[str]] = defaultdict(set)
    for q, theme in zip(tags["quote_id"].tolist(), tags["theme"].tolist()):
        themes_of[q].add(theme)
    day_numbers = base["said_on"].values.astype("datetime64[D]").astype("int64")
    camp_of = base["camp"].tolist()
    records = base[["article_id", "sentence", "quote_start", "quote_end", "_who"]].to_dict("records")
    found: dict[tuple[int, int], set[str]] = defaultdict(set)
    for theme in lexicon.labels:
        by_camp: dict[str, list[int]] = defaultdict(list)
        for i, q in enumerate(base["quote_id"]):
            if theme in themes_of[q]:
                by_camp[camp_of[i]].append(i)
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
                    found[(min(int(i), int(j)), max(int(i), int(j)))].add(theme)
    rows = []
    for (i, j), shared in found.items():
        if opposes[i] and asserts[j]:
            claim, counter = j, i
        elif opposes[j] and asserts[i]:
            claim, counter = i, j
        else:
            continue  # both assert, both deny, or one only guesses: nobody contradicts anybody
        if not denies[counter]:
            shared = shared & negated_themes[counter]  # what is negated must be what the claim is about
            if not shared:
                continue
            if refuses[counter] and camp_of[counter] not in named[claim]:
                continue  # a side refuses what is asked of it or said of it, not a claim about a third party
        a, b = records[claim], records[counter]
        if (a["_who"] == b["_who"] != UNATTRIBUTED) or _same_place(a, b):
            continue
        # A negation is compared with what it denies: "I don't have details" beside a long answer is no reply.
        wording = cosine(vectors[claim], vectors[counter] if denies[counter] else negated_vectors[counter])
        if wording < MIN_WORDING and a["article_id"] != b["article_id"]:
            continue  # a shared theme alone ("talks", "contacts") is no shared subject
        gap = abs(int(day_numbers[i]) - int(day_numbers[j]))
        opposition = OPPOSITION["act" if denies[counter] else "negation"]
        if camp_of[counter] in named[claim]:
            opposition = min(1.0, opposition + ABOUT_THE_OTHER_SIDE)
        score = (CLAIM_WEIGHTS["time"] * (1 - gap / (days + 1)) + CLAIM_WEIGHTS["wording"] * wording
                 + CLAIM_WEIGHTS["opposition"] * opposition)
        rows.append((round(score, 4), gap, round(wording, 4), "; ".join(lexicon.labels[t] for t in lexicon.labels
                                                                         if t in shared),
                     claim, counter, "denies" if denies[counter] else "negates", round(opposition, 4)))
    if not rows:
        return empty_table(CLAIMS_COLUMNS, CLAIMS_SCHEMA)
    ids = base["quote_id"].tolist()
    rows.sort(key=lambda r: (-r[0], ids[r[4]], ids[r[5]]))
    # A counter-claim in its best pair only (one briefing answer is not ten exchanges), and a claim once per
    # speaker who opposed it (a spokesman answering it at three briefings is one exchange).
    used: set = set()
    best = []
    for r in rows:
        answered = (r[4], records[r[5]]["_who"])
        if r[5] not in used and answered not in used:
            best.append(r)
            used.update((r[5], answered))
    rows = best
    if limit:
        rows = rows[:int(limit)]
    out = pd.DataFrame({
        "rank": np.arange(1, len(rows) + 1, dtype="int64"),
        "score": [r[0] for r in rows], "days_apart": np.array([r[1] for r in rows], dtype="int64"),
        "wording": [r[2] for r in rows], "opposition": [r[7] for r in rows], "how": [r[6] for r in rows],
        "themes": [r[3] for r in rows],
    })
    for prefix, pos in (("claim", 4), ("counter", 5)):
        picked = base.loc[[r[pos] for r in rows]].reset_index(drop=True)
        for field in CLAIM_FIELDS:
            out[f"{prefix}_{field}"] = picked["_who" if field == "speaker" else field].values
    return out[CLAIMS_COLUMNS]
