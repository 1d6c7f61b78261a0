"""What each side did in words, for the findings summary: its denials, accusations, warnings ... (the
``act`` column of who-said-what, told as ``data/findings.yml`` names them), counted per camp, each act
with a representative example and that statement's receipts (speaker, the verb the text used, the day said,
statement id)."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Callable

import pandas as pd

from .config import data_path, load_yaml
from .table import NEUTRAL_CAMPS, excerpt, speaker_name, text_column
from .themes import light_stem

UNATTRIBUTED = "(unattributed)"
# How many acts of a camp get an example in the summary (the first ones in data/findings.yml's order).
EXAMPLES = 3
# An example of this many words stands alone; fewer is a fragment ("many of the points"), more a speech.
EXAMPLE_WORDS = (6, 60)


def load_act_words(path: str | Path | None = None) -> dict[str, tuple[str, str]]:
    """Act -> (the word for one, for several), in the order the summary tells them (``speech_acts`` in
    ``data/findings.yml``, or ``path``); a clear error names a bad entry."""
    path = Path(path) if path else data_path("findings.yml")
    acts = (load_yaml(path) or {}).get("speech_acts") or {}
    out = {}
    for act, words in acts.items():
        if not isinstance(words, list) or len(words) != 2 or not all(isinstance(w, str) and w for w in words):
            raise ValueError(f"{path}: speech_acts '{act}' needs two words: [one, several], got {words!r}")
        out[str(act)] = (words[0], words[1])
    return out


def acts_by_camp(table: pd.DataFrame, words: dict[str, tuple[str, str]] | None = None) -> list[dict]:
    """Per camp that is a side (not the press, "Other" or "Several camps"), most statements first, the acts
    of ``words`` its statements in its own words carry (:func:`kit.claims.own_words`: a White House text
    telling what Putin "refuted" is the White House's account, not a Kremlin denial):
    {"camp", "statements", "acts": [{"act", "count", "example"}]}, acts in ``words`` order. The example
    is the act's most representative statement (:func:`_example`), as a dict of said_on, speaker, cue,
    quote, quote_id."""
    from .claims import own_words

    words = load_act_words() if words is None else words
    if not len(table) or "act" not in table:
        return []
    table = table[own_words(table)]
    frame = pd.DataFrame({"camp": text_column(table, "camp").values, "act": text_column(table, "act").values,
                          "said_on": pd.to_datetime(table["said_on"], errors="coerce").values,
                          "speaker": speaker_name(table).values, "cue": text_column(table, "cue").values,
                          "actor": text_column(table, "actor").values, "kind": text_column(table, "kind").values,
                          "sentence": text_column(table, "sentence").values,
                          "quote": text_column(table, "quote").values,
                          "quote_id": text_column(table, "quote_id").values})
    sides = frame[~frame["camp"].isin(NEUTRAL_CAMPS) & (frame["camp"] != "")]
    told = sides[sides["act"].isin(list(words))]
    out = []
    for camp, n in sides["camp"].value_counts().sort_index().sort_values(ascending=False, kind="stable").items():
        mine = told[told["camp"] == camp]
        acts = [{"act": act, "count": len(rows), "example": _example(rows, act)}
                for act in words for rows in [mine[mine["act"] == act]] if len(rows)]
        if acts:
            out.append({"camp": camp, "statements": int(n), "acts": acts})
    return out


def _example(rows: pd.DataFrame, act: str = "") -> dict:
    """The statement of ``rows`` that shows the act best, so a reporter reads a representative one, not
    merely the latest: a speaker the registry knows (an ``actor``) before a name as written, a name before
    none; then a statement whose sentence names its speaker as a person (:func:`_named_in`); then a
    statement long enough to stand alone (``EXAMPLE_WORDS``) before a fragment ("many of the points");
    then a verb that itself says the act ("denied", "warned") before an act read from what was said
    ("stressed that Kiev must ..."); then the latest dated, ties broken by statement id."""
    words = rows["quote"].str.split().str.len()
    ranked = rows.assign(_actor=rows["actor"].str.strip() != "", _named=rows["speaker"] != UNATTRIBUTED,
                         _named_here=[_named_in(s, kind, speaker) for s, kind, speaker in
                                      zip(rows["sentence"], rows["kind"], rows["speaker"])],
                         _says_it=[_verb_says(cue, act) for cue in rows["cue"]],
                         _whole=words.between(*EXAMPLE_WORDS), _dated=rows["said_on"].notna())
    ranked = ranked.sort_values(["_actor", "_named", "_named_here", "_whole", "_says_it", "_dated", "said_on",
                                 "quote_id"], ascending=[False, False, False, False, False, False, False, True],
                                kind="stable", na_position="last")
    first = ranked.iloc[0]
    return {k: first[k] for k in ("said_on", "speaker", "cue", "quote", "quote_id")}


def _named_in(sentence: str, kind: str, speaker: str) -> bool:
    """Whether the reader sees who speaks where the statement is: a transcript turn under its speaker's
    label, or a sentence that names the speaker ("Putin was critical of ..."), not one whose subject is
    a document or a thing the speaker is credited with ("This Statement will ...", "In Proclamation
    9705, the President concurred ...")."""
    if kind == "turn":
        return True
    words = speaker.split()
    if not words or not all(w[:1].isupper() for w in words):  # "Government of the United States": a body, not a person
        return False
    surname, low = words[-1].lower(), sentence.lower().replace("’", "'")
    return surname in re.findall(r"[\w-]+", low)


def _verb_says(cue: str, act: str) -> bool:
    """Whether a cue's words include a verb or noun that ``data/speech_verbs.yml`` files under ``act``
    ("denied", "a warning"), compared on their light stems."""
    return bool(act) and bool({light_stem(w) for w in cue.lower().split()} & _act_stems().get(act, frozenset()))


@lru_cache(maxsize=1)
def _act_stems() -> dict[str, frozenset[str]]:
    from .cues import load_lexicon

    lex = load_lexicon()
    stems: dict[str, set[str]] = {}
    for word, act in [*lex.acts.items(), *lex.nouns.items()]:
        stems.setdefault(act, set()).add(light_stem(word))
    return {act: frozenset(found) for act, found in stems.items()}


def acts_markdown(found: list[dict], words: dict[str, tuple[str, str]], escape: Callable[[str], str],
                  find_link: Callable[[str, str], str]) -> list[str]:
    """One finding line per camp of :func:`acts_by_camp`: each act counted, linked to its rows on the page
    (``camp: X; act: Y``), and a representative example with the words the text used and its statement id."""
    lines = []
    for side in found:
        camp = side["camp"]
        counts = ", ".join(_counted(camp, a, words, find_link) for a in side["acts"])
        examples = "; ".join(_told(a, words, escape) for a in side["acts"][:EXAMPLES])
        lines.append(f"- {escape(camp)} in its own words, by speech act (of {side['statements']:,} statements): {counts}. "
                     f"{examples[0].upper()}{examples[1:]}.")
    return lines


def _counted(camp: str, act: dict, words: dict[str, tuple[str, str]], find_link: Callable[[str, str], str]) -> str:
    """"12 denials", linked to those rows of the page's who-said-what table."""
    query = f"camp: {camp}; act: {act['act']}"
    return f"[{act['count']:,} {words[act['act']][0 if act['count'] == 1 else 1]}]({find_link('who-said-what', query)})"


def _told(act: dict, words: dict[str, tuple[str, str]], escape: Callable[[str], str]) -> str:
    """An act's example as the text told it: "denial, for example: Dmitry Peskov denied (14 Feb 2022): “…”
    (statement id)"."""
    e = act["example"]
    when = f"{e['said_on']:%d %b %Y}" if pd.notna(e["said_on"]) else "undated"
    who = escape(str(e["speaker"])) if e["speaker"] != UNATTRIBUTED else "unattributed"
    verb = f" {escape(e['cue'].strip())}" if e["cue"].strip() else ""
    return (f"{words[act['act']][0]}, for example: {who}{verb} ({when}): “{escape(excerpt(e['quote']))}” "
            f"(statement {escape(str(e['quote_id']))})")
