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
from typing import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from .echoes import normalise_quote
from .schemas import CLAIM_FIELDS, CLAIMS_COLUMNS, CLAIMS_SCHEMA, empty_table
from .table import NEUTRAL_CAMPS, speaker_name, text_column, web_site
from .claim_units import CLAIM_MAX_WORDS, PACKED, sentence_spans, statement_units
from .claims_scope import predicate_scope
from .themes import ThemeLexicon, find_terms, lemmatise, light_stem, load_themes, statement_text, term_index, theme_terms

UNATTRIBUTED = "(unattributed)"
# How the score weighs its parts; explained in the report notebook.
CLAIM_WEIGHTS = {"time": 0.30, "wording": 0.40, "opposition": 0.30}
# A fragment this short ("invasion", "the successful test") asserts nothing by itself; a denial the
# speech verb carries ("dismissed the reports as 'pure fiction'") is paired whatever its length.
CLAIM_MIN_WORDS = 4
# Speech acts (the ``act`` column of kit.quotes) that oppose what another side said.
DENIAL_ACTS = frozenset({"denies", "rejects"})
# Speech acts that assert nothing firm about what is so: a belief, a concern, an agreement or a promise
# to do something, a demand, a warning of what may come. Neither a claim nor a counter-claim.
NOT_FIRM_ACTS = frozenset({"believes", "concerned", "agrees", "promises", "demands", "warns"})
# How plainly the counter-claim opposes the claim: a denial or rejection, else a negation of its main verb;
# a claim about the other side (naming its camp or one of its actors) is a stronger one to oppose, and a
# counter-claim that names the claim's side ("because of Putin's invasion and a blockade of the port") answers it.
OPPOSITION = {"act": 1.0, "negation": 0.7}
ABOUT_THE_OTHER_SIDE = 0.3
# Two statements share a subject when their wording is at least this close ("Minsk agreements",
# "humanitarian corridors"), or when one story reports both: a reporter who sets Trump's "I have
# spoken with Putin" beside the Kremlin's "no initial contact" links them.
MIN_WORDING = 0.1
# A sentence cut from a long statement shares one word with half the other side's sentences ("sanctions",
# "NATO"): it answers another only when they share this many content words, one of them not a side's name,
# and one of the two names the other's side ("they want to set up a meeting between President Biden and
# President Putin" against "we're not considering a meeting with President Putin").
SENTENCE_SHARED_WORDS = 2
FEATURE_COLUMNS = ["quote_id", "candidate", *PACKED]


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
    """Two claim units from one sentence, or one inside the other, in the same article."""
    if a["article_id"] != b["article_id"]:
        return False
    if a["sentence"] and a["sentence"] == b["sentence"]:
        return True
    return a["start"] < b["end"] and b["start"] < a["end"]


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
    # Columns as lists: iterating an Arrow-backed column converts it a cell at a time.
    for source, url, camp, cue, actor, speaker in zip(*(text_column(table, c).tolist() for c in columns)):
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
    for article, start, end, camp in zip(*(turns[c].tolist() for c in ("article", "start", "end", "camp"))):
        spans[article].append((start, end, camp))
    # Columns as lists: itertuples over Arrow-backed text converts a cell at a time.
    return [kind != "turn" and start >= 0 and any(s <= start and end <= e and c != camp for s, e, c in spans.get(article, ()))
            for article, camp, kind, start, end in zip(*(frame[c].tolist() for c in frame.columns))]


def claim_features(table: pd.DataFrame, tags: pd.DataFrame | None = None, lemmas: list | None = None,
                   lexicon: ThemeLexicon | None = None, nlp=None, registry=None, method: str = "stem",
                   max_words: int = CLAIM_MAX_WORDS, spacy_model: str | None = None,
                   texts: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Per claim unit (:func:`kit.claim_units.statement_units`: a statement, or each sentence of a
    statement of more than ``max_words`` words, with its offsets in its article's text, ``texts``
    mapping article id -> text), what claims and counter-claims are read from:

    quote_id (the statement), ``start``, ``end``, ``text``, ``split``; ``candidate``: a unit of a side
    (a camp other than the press and "Other") in its own words (:func:`own_words`), on a theme
    (``themes``: the statement's ``tags``, or for a sentence the themes of its own words), of at least
    ``CLAIM_MIN_WORDS`` words (fewer when its speech verb denies), no question and no refusal to
    comment; a whole statement also neither a belief nor a concern (its ``act``) and of at most
    ``max_words`` words. For candidates, ``negated``, ``hedged``, ``asserts``
    (:func:`kit.claims_scope.predicate_scope`) and ``negated_themes`` (the theme ids found in what the
    negations deny, "; "-joined); ``tokens`` (the content lemmas its wording is compared on, negations
    left out); ``names`` (the camps it names: a camp's label or one of its actors in ``registry``,
    "; "-joined); ``subject_tokens`` (the content lemmas of what it is about: what its negation denies,
    else what its main verbs assert, :func:`kit.claims_scope.core_of`) and ``own_subject`` (that verb's
    subject is the speaker's side: "we", "our forces"). Each row depends on its statement and article alone, so the rows can be kept per
    article (``kit.pipeline``). ``lemmas`` are :func:`kit.themes.lemmatise` of each statement's text
    (computed when not given).
    """
    lexicon = lexicon or load_themes()
    if registry is None:
        from .registry import load_registry

        registry = load_registry()
    units = statement_units(table, texts, max_words)
    row_of = {q: i for i, q in enumerate(text_column(table, "quote_id"))}
    rows = [row_of[q] for q in units["quote_id"]]
    split = units["split"].tolist()
    quotes = text_column(table, "quote").tolist()
    # A whole statement is parsed and counted as quoted; a sentence of a long one as it stands.
    said = [t if cut else quotes[r] for t, cut, r in zip(units["text"], split, rows)]
    if lemmas is None:
        lemmas = lemmatise([statement_text(q, s) for q, s in zip(quotes, text_column(table, "sentence"))], method=method)
    cut_lemmas = iter(lemmatise([t for t, cut in zip(units["text"], split) if cut], nlp, method=method))
    unit_lemmas = [next(cut_lemmas) if cut else lemmas[r] for cut, r in zip(split, rows)]
    tagged: dict[str, list[str]] = defaultdict(list)
    for q, theme in zip(tags["quote_id"], tags["theme"]) if tags is not None else ():
        tagged[q].append(theme)
    found = iter(theme_terms([lem for lem, cut in zip(unit_lemmas, split) if cut or tags is None], lexicon))
    themes = [list(next(found)) if cut or tags is None else tagged.get(q, []) for q, cut in zip(units["quote_id"], split)]
    # The camps a unit may name; which camps oppose each other is decided when pairing.
    sides = sorted({registry.camp_label(c) for c in registry.camps} - set(NEUTRAL_CAMPS))
    words = [len(t.split()) for t in said]
    camps, acts = text_column(table, "camp").tolist(), text_column(table, "act").tolist()
    own = own_words(table, lexicon)
    candidate = [camps[r] not in NEUTRAL_CAMPS and own[r] and bool(th)
                 and (n >= CLAIM_MIN_WORDS and not t.rstrip().endswith("?") if cut else
                      acts[r] not in NOT_FIRM_ACTS and n <= max_words and (n >= CLAIM_MIN_WORDS or acts[r] in DENIAL_ACTS))
                 for r, cut, n, t, th in zip(rows, split, words, said, themes)]
    picked = [i for i, c in enumerate(candidate) if c]
    scope = dict(zip(picked, predicate_scope([said[i] for i in picked], lexicon, nlp, spacy_model=spacy_model)))
    none = {"negated": False, "negated_text": "", "hedged": False, "asserts": False, "refused": False, "refuses": False}
    scopes = [scope.get(i, none) for i in range(len(said))]
    negated_lemmas = lemmatise([s["negated_text"].replace("’", "'") for s in scopes])
    subject_lemmas = lemmatise([s.get("subject_text", t).replace("’", "'") for s, t in zip(scopes, said)])
    negated_themes = theme_terms(negated_lemmas, lexicon)
    stop = _stop_words()
    neg_index = term_index(lexicon.negations)

    def content(lem, low) -> list[str]:
        return [k for k, w in zip(lem, low) if w not in stop and not find_terms(((w,),), neg_index)]

    names = _names_by_camp(registry, sides)
    return units.assign(
        candidate=[c and not s["refused"] for c, s in zip(candidate, scopes)],
        words=words,
        **{key: [s[key] for s in scopes] for key in ("negated", "hedged", "asserts")},
        negated_themes=["; ".join(f) for f in negated_themes],
        tokens=[content(lem, low) for lem, low in unit_lemmas],
        negated_tokens=[content(lem, low) for lem, low in negated_lemmas],
        names=["; ".join(c for c in sides if _mentions(_words(t), names[c])) for t in units["text"]],
        refuses=[s["refuses"] for s in scopes],
        themes=["; ".join(th) for th in themes],
        subject_tokens=[content(lem, low) for lem, low in subject_lemmas],
        own_subject=[bool(s.get("own_subject")) for s in scopes])[FEATURE_COLUMNS]


# ---------------------------------------------------------------- pairing

def claims_and_counterclaims(table: pd.DataFrame, tags: pd.DataFrame, days: int = 7,
                             camps: Sequence[tuple[str, str]] | None = None, lexicon: ThemeLexicon | None = None,
                             nlp=None, lemmas: list | None = None, limit: int | None = 200,
                             method: str = "stem", max_words: int = CLAIM_MAX_WORDS, registry=None,
                             features: pd.DataFrame | None = None,
                             texts: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Claims and the counter-claims that oppose them, best first.

    A pair is two claim units (a statement, or one sentence of a statement of more than ``max_words``
    words: :func:`kit.claim_units.statement_units`) from opposing camps on a shared theme at most
    ``days`` apart, each in its speaker's own words (:func:`own_words`: not one camp's account of what
    the other said), in which one side, the counter-claim, denies or rejects (the ``act`` of a whole
    statement) or negates its main verb ("They haven't had any initial contact"), and the other, the
    claim, asserts: it neither denies nor negates, and its main verb is not a wish, plan or guess
    (``hedges``). Never paired: a unit with itself, two units from one sentence or one inside the
    other, two units of the same speaker, a belief or a concern (acts ``believes``, ``concerned``), a
    question, a refusal to comment ("I better not say"), a fragment of fewer than
    ``CLAIM_MIN_WORDS`` words (unless its speech verb denies); from two articles, also two units that share
    no word of what each is about (``subject_tokens``: :func:`kit.claims_scope.core_of`, the sides' names
    and ``general_words`` left out: "it does not have to be supplied with special gases" shares "gas" with
    "a situation where we find ourselves with ... Putin's gas tax" only in a relative clause), and two
    units in which each side tells of its own deeds ("We've sanctioned Russian oligarchs" against "we have
    never announced sanctions against Ukraine") unless the counter-claim names the claim's side.

    score = 0.30 x closeness in time (1 on the same day, falling to 0 past ``days``)
          + 0.40 x closeness in wording (TF-IDF cosine of the two units' content lemmas)
          + 0.30 x opposition: 1 for a denial or rejection, 0.7 for a negation, raised by 0.3 (up
            to 1) when the claim names the counter-claim's side (its camp or one of its actors in
            ``registry``) or the counter-claim names the claim's.
    A sentence cut from a long statement is set against a sentence (of a long statement, or a statement
    of one sentence), never against a whole answer of several. A quotation repeated in several articles
    is paired once; a counter-claim appears in its best pair only, a claim once per speaker who opposed
    it, and two statements in one pair at most (their best sentences). ``camps`` lists the opposing camp pairs; by default ``opposing_camps`` in
    ``data/themes.yml``, else every two camps other than the press and unattributed speakers.
    ``features`` (from :func:`claim_features`) may be passed in; else they are computed, cutting long
    statements in their articles' ``texts`` (article id -> text) when given, else in their quotes.
    Each side's ``start`` and ``end`` are the unit's characters in its article's text.
    """
    lexicon = lexicon or load_themes()
    days = int(days)
    if features is None:
        features = claim_features(table, tags, lemmas, lexicon, nlp, registry, method, max_words, texts=texts)
    pairs_allowed = camps if camps is not None else (lexicon.opposing or opposing_pairs(table["camp"].unique()))
    allowed = {frozenset(p) for p in pairs_allowed}
    base = _claim_units(table, features, {c for p in allowed for c in p})
    if base.empty:
        return empty_table(CLAIMS_COLUMNS, CLAIMS_SCHEMA)
    vectors = tfidf_vectors(base["tokens"].tolist(), base["negated_tokens"].tolist())
    vectors, negated_vectors = vectors[:len(base)], vectors[len(base):]
    denies = (text_column(base, "act").isin(DENIAL_ACTS) & ~base["split"]).tolist()
    opposes = [d or n for d, n in zip(denies, base["negated"])]
    asserts = [a and not o and not h for a, o, h in zip(base["asserts"], opposes, base["hedged"])]
    named = [set(n.split("; ")) if n else set() for n in base["names"]]
    refuses, split = base["refuses"].tolist(), base["split"].tolist()
    several = [not cut and len(sentence_spans(q)) > 1 for cut, q in zip(split, base["quote"])]
    tokens, negated_tokens = [set(t) for t in base["tokens"]], [set(t) for t in base["negated_tokens"]]
    day_numbers = base["said_on"].values.astype("datetime64[D]").astype("int64")
    camp_of = base["camp"].tolist()
    name_words = _name_words(registry, sorted(set(camp_of)))
    # What each unit is about (kit.claims_scope.core_of), its words compared without the sides' names and
    # the words that name nothing in particular (``general_words``).
    subjects = [{w for w in t if w.isalpha() and len(w) > 1} for t in base["subject_tokens"]]
    unnamed = name_words | set(lexicon.general_words)
    own = base["own_subject"].tolist()
    records = base[["article_id", "sentence", "start", "end", "_who", "quote_id"]].to_dict("records")
    rows = []
    for (claim, counter), shared in _opposed_on_a_theme(base, allowed, days, day_numbers, opposes, asserts,
                                                        denies).items():
        if not denies[counter] and refuses[counter] and camp_of[counter] not in named[claim]:
            continue  # a side refuses what is asked of it or said of it, not a claim about a third party
        a, b = records[claim], records[counter]
        if (a["_who"] == b["_who"] != UNATTRIBUTED) or _same_place(a, b):
            continue
        if (split[claim] or split[counter]) and (several[claim] or several[counter]):
            continue  # a sentence is set against a sentence, not against a whole answer of several
        if (split[claim] or split[counter]) and not _one_answers_the_other(
                claim, counter, tokens, negated_tokens if not denies[counter] else tokens, named, camp_of, name_words):
            continue
        # A negation is compared with what it denies: "I don't have details" beside a long answer is no reply.
        wording = cosine(vectors[claim], vectors[counter] if denies[counter] else negated_vectors[counter])
        if a["article_id"] != b["article_id"]:
            if wording < MIN_WORDING:
                continue  # a shared theme alone ("talks", "contacts") is no shared subject
            if not (subjects[claim] & subjects[counter]) - unnamed:
                continue  # words shared only in asides: "with special gases" answers no "gas tax"
            if own[claim] and own[counter] and camp_of[claim] not in named[counter]:
                continue  # each side tells of its own deeds: "we have never announced sanctions against Ukraine"
        gap = abs(int(day_numbers[claim]) - int(day_numbers[counter]))
        opposition = OPPOSITION["act" if denies[counter] else "negation"]
        if camp_of[counter] in named[claim] or camp_of[claim] in named[counter]:
            opposition = min(1.0, opposition + ABOUT_THE_OTHER_SIDE)
        score = (CLAIM_WEIGHTS["time"] * (1 - gap / (days + 1)) + CLAIM_WEIGHTS["wording"] * wording
                 + CLAIM_WEIGHTS["opposition"] * opposition)
        rows.append((round(score, 4), gap, round(wording, 4), "; ".join(lexicon.labels[t] for t in lexicon.labels
                                                                         if t in shared),
                     claim, counter, "denies" if denies[counter] else "negates", round(opposition, 4)))
    rows = _best_pairs(rows, records, limit)
    if not rows:
        return empty_table(CLAIMS_COLUMNS, CLAIMS_SCHEMA)
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


def _one_answers_the_other(claim: int, counter: int, tokens: list[set], counter_tokens: list[set],
                           named: list[set], camp_of: list[str], name_words: set[str]) -> bool:
    """Whether a sentence pair shares ``SENTENCE_SHARED_WORDS`` words (the counter-claim's: what a
    negation denies), one of them not a side's name ("President Putin" is in half of what either side
    says), and one of the two names the other's side."""
    shared = {w for w in tokens[claim] & counter_tokens[counter] if w.isalpha() and len(w) > 1}
    return (len(shared) >= SENTENCE_SHARED_WORDS and bool(shared - name_words)
            and (camp_of[counter] in named[claim] or camp_of[claim] in named[counter]))


def _name_words(registry, camps: list[str]) -> set[str]:
    """The words (as lemmatised for wording) of every name that points at one of ``camps``."""
    if registry is None:
        from .registry import load_registry

        registry = load_registry()
    names = _names_by_camp(registry, camps)
    return {light_stem(w) for found in names.values() for name in found for w in name} | {
        w for found in names.values() for name in found for w in name}


def _claim_units(table: pd.DataFrame, features: pd.DataFrame, camps: set[str]) -> pd.DataFrame:
    """The candidate units of ``features`` with their statement's date, camp, speaker (``_who``), act,
    article, title and link, dated and of one of ``camps``; ``quote`` is what the unit says (a
    sentence of a long statement, else the statement's quote). A unit said again in the same words by
    its camp (a repeated quotation, a boilerplate line) is kept once, the earliest."""
    wanted = ["said_on", "published", "camp", "_who", "act", "article_id", "sentence", "title", "url", "quote"]
    # Only the columns wanted are copied (the rest of a who-said-what table is most of its bytes).
    statements = table.assign(_who=speaker_name(table))
    statements = statements[["quote_id", *(c for c in wanted if c in statements.columns)]]
    statements = statements.drop_duplicates("quote_id").set_index("quote_id")
    units = features[features["candidate"]].drop(columns=["candidate"])
    base = units.join(statements, on="quote_id")
    base = base[base["said_on"].notna() & base["camp"].isin(camps)].copy()
    base["quote"] = base["text"].where(base["split"], text_column(base, "quote"))
    base["sentence"] = text_column(base, "sentence").where(~base["split"], "")
    base["_norm"] = [normalise_quote(q) for q in base["quote"].tolist()]
    base = base.sort_values(["said_on", "published", "quote_id", "start"], kind="stable", na_position="last")
    return base.drop_duplicates(["camp", "_norm"]).reset_index(drop=True)


def _opposed_on_a_theme(base: pd.DataFrame, allowed: set, days: int, day_numbers, opposes: list[bool],
                        asserts: list[bool], denies: list[bool]) -> dict[tuple[int, int], set[str]]:
    """(claim, counter) unit positions -> the themes they share: a counter-claim against every claim of
    an opposing camp within ``days`` on one of its themes (for a negation, one found in what it denies)."""
    themes = [set(t.split("; ")) if t else set() for t in base["themes"]]
    negated_themes = [set(t.split("; ")) if t else set() for t in base["negated_themes"]]
    claims_of: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, (camp, claim) in enumerate(zip(base["camp"], asserts)):
        if claim:
            for theme in themes[i]:
                claims_of[(camp, theme)].append(i)
    by_day = {key: (np.array(rows, dtype=np.int64)[np.argsort(day_numbers[rows], kind="stable")]) for key, rows in
              claims_of.items()}
    opposite = defaultdict(set)
    for pair in allowed:
        a, b = sorted(pair)
        opposite[a].add(b)
        opposite[b].add(a)
    found: dict[tuple[int, int], set[str]] = defaultdict(set)
    for counter, camp in enumerate(base["camp"]):
        if not opposes[counter]:
            continue
        for theme in themes[counter] if denies[counter] else themes[counter] & negated_themes[counter]:
            for other in sorted(opposite[camp]):
                rows = by_day.get((other, theme))
                if rows is None:
                    continue
                row_days = day_numbers[rows]
                lo = np.searchsorted(row_days, day_numbers[counter] - days, side="left")
                hi = np.searchsorted(row_days, day_numbers[counter] + days, side="right")
                for claim in rows[lo:hi]:
                    found[(int(claim), counter)].add(theme)
    return found


def _best_pairs(rows: list[tuple], records: list[dict], limit: int | None) -> list[tuple]:
    """The pairs kept, best first: a counter-claim in its best pair only (one briefing answer is not ten
    exchanges), a claim once per speaker who opposed it (a spokesman answering it at three briefings is
    one exchange), and two statements once (the best of their sentences)."""
    key = [f"{r['quote_id']}@{r['start']:012d}" for r in records]
    rows = sorted(rows, key=lambda r: (-r[0], key[r[4]], key[r[5]]))
    used: set = set()
    best = []
    for r in rows:
        claim, counter = r[4], r[5]
        answered = ("answered", claim, records[counter]["_who"])
        statements = ("statements", records[claim]["quote_id"], records[counter]["quote_id"])
        if counter not in used and answered not in used and statements not in used:
            best.append(r)
            used.update((counter, answered, statements))
    return best[:int(limit)] if limit else best
