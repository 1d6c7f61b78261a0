"""Stage 3: tie each statement to a canonical actor, a camp and a date.

The registry (``kit.registry``: ``data/actors.yml``, plus any files a reporter adds) lists camps, actors with their
aliases and dated roles, titles that stand for an office holder ("THE PRESIDENT", "the Russian
president") and rules for unnamed sources ("a senior Russian lawmaker" -> Kremlin).

``attribute_statements(statements, articles)`` returns the statements with extra columns:
    actor       canonical name from the registry ("" when the speaker is not in it); for a
                joint statement ("the two leaders") every participant, "; "-joined, when the
                registry knows them all
    actors      every actor the statement is credited to, "; "-joined: the registry name where
                there is one, else the name as written (one name for most statements)
    camp        camp label (White House, Kremlin, Ukraine, Europe / NATO, Press, Other, and
                Several camps for a joint statement whose participants are not all of one camp)
    camp_id     camp id from the registry (white_house, kremlin, ...; "other" when unknown)
    role        the actor's role on the statement's date ("" when unknown)
    matched_by  how the speaker was recognised: alias | place | title | role | fuzzy | rule | joint |
                office (a person the registry does not know, placed by the office the text names
                them with: "Head of the Federal Taxation Service Daniil Yegorov"; ``role`` is that
                office) | "" (not at all)
    published   the article's publication time (UTC)
    said_on, said_on_precision, said_on_range, when_text   when it was said (see ``kit.when``)

``actors_table(statements)`` -> one row per actor seen: actor, camps, statements, first_said_on,
last_said_on.
"""
from __future__ import annotations

import re

import pandas as pd

from .registry import JOINED, PRONOUNS, Match, Registry, load_registry, woman_named_for_man
from .when import statement_dates

# Bump when a change to this module changes its output (kit.cache re-attributes everything then).
ENGINE_VERSION = "12"
ATTRIBUTION_COLUMNS = ["actor", "actors", "camp", "camp_id", "role", "matched_by", "published",
                       "said_on", "said_on_precision", "said_on_range", "when_text"]
ACTORS_TABLE_COLUMNS = ["actor", "camps", "statements", "first_said_on", "last_said_on"]


def _context(articles: pd.DataFrame) -> pd.Series:
    """Article id -> its source and url, the text a title's ``where`` pattern is tested on."""
    parts = [articles[c].fillna("").astype(str) for c in ("source", "url") if c in articles]
    joined = parts[0].str.cat(parts[1:], sep=" ") if parts else pd.Series("", index=articles.index)
    return pd.Series(joined.values, index=articles["article_id"].values)


def _publishers(articles: pd.DataFrame, registry: Registry) -> pd.Series:
    """Article id -> the camp id that published it in its own name ("" for news)."""
    column = lambda c: articles[c].fillna("").astype(str) if c in articles else pd.Series("", index=articles.index)
    camps = [registry.publishing_camp(s, u) for s, u in zip(column("source"), column("url"))]
    return pd.Series(camps, index=articles["article_id"].values)


def attribute_statements(statements: pd.DataFrame, articles: pd.DataFrame,
                         registry: Registry | None = None) -> pd.DataFrame:
    """Statements with actor, camp, role and dates added (see module docstring).

    Each statement's speaker (else the words the cue attaches to) is looked up in the registry on
    the date it was said, or the article's publication time for transcript turns and undated
    statements. The input table is not modified.
    """
    registry = registry or load_registry()
    out = statements.copy()
    dates = statement_dates(out, articles)
    for col in dates.columns:
        out[col] = dates[col]
    context = out["article_id"].map(_context(articles)).fillna("")
    publisher = out["article_id"].map(_publishers(articles, registry)).fillna("")
    texts = dict(zip(articles["article_id"], articles["text"])) if "text" in articles else {}
    matches = [_match_statement(registry, row, ctx, pub, texts.get(aid, ""))
               for row, ctx, pub, aid in zip(out.reindex(columns=["speaker", "speaker_mention", "kind", "published", "said_on", "said_on_precision"])
                                             .itertuples(index=False), context, publisher, out["article_id"])]
    credited = [c for _, c in matches]
    matches = _journalists_introduced(out, [m for m, _ in matches], registry)
    columns = {"actor": [m.actor["name"] if m.actor else "" for m in matches], "actors": credited,
               "camp_id": [m.camp for m in matches], "camp": [registry.camp_label(m.camp) for m in matches],
               "role": [m.role for m in matches], "matched_by": [m.matched_by for m in matches]}
    for name, values in columns.items():
        # typed as text, so a table with nothing said is still text where later stages read it
        out[name] = pd.Series(values, index=out.index, dtype=object)
    return out


def _match_statement(registry: Registry, row, context: str, publisher: str = "", text: str = "") -> tuple[Match, str]:
    """How a statement's speaker was recognised, and every actor it is credited to; a speaker
    nobody knows is placed by the office ``text`` (the article) names them with."""
    speaker = row.speaker if isinstance(row.speaker, str) else ""
    if JOINED in speaker:  # "Vladimir Putin; Emmanuel Macron": the engine's joint subject
        return registry.match_joint([n.strip() for n in speaker.split(JOINED) if n.strip()],
                                    _statement_time(row), context, publisher)
    found = _match_one(registry, row, context, publisher)
    if found.actor is None and not found.matched_by and text:
        found = _office_match(registry, speaker, text, _statement_time(row), context, publisher) or found
    return found, found.actor["name"] if found.actor else ""


# "Ksenia Golovanova, Interfax news agency. I have a question ...": a turn that opens (after a
# short greeting: "Hello, Mr President.") with a name and, after a comma, where its bearer works.
SELF_INTRODUCTION = re.compile(
    r"^(?:[^.!?\n]{0,40}[.!?]\s+)?"
    r"(?P<name>[A-ZА-ЯЁ][\w'’\-]+(?:\s[A-ZА-ЯЁ][\w'’\-]+){1,2}),\s(?P<where>[^.!?\n]{2,80})[.!?]")
PRESS = "press"


def _journalists_introduced(out: pd.DataFrame, matches: list[Match], registry: Registry) -> list[Match]:
    """The matches, with the press camp for a transcript's journalists the registry does not
    know: one who gives their name in a question from the floor ("Question: Ksenia Golovanova,
    Interfax news agency. ...") or gives their own name with a news outlet an unnamed-source
    rule places in the press ("Artem Vilovatykh: Hello, Mr President. Artem Vilovatykh, Krasny
    Sever newspaper, Vologda Region. ...")
    speaks for the press in every turn of that text, as at a news conference."""
    rows = out.reindex(columns=["article_id", "kind", "speaker", "quote"]).itertuples(index=False)
    turns = [(n, r) for n, r in enumerate(rows) if r.kind == "turn"]
    press = set()
    for n, row in turns:
        intro = SELF_INTRODUCTION.match(str(row.quote or ""))
        if intro is None:
            continue
        name = intro.group("name")
        if matches[n].camp == PRESS and matches[n].actor is None:
            press.add((row.article_id, name))  # named inside a question from the floor
        elif name == row.speaker and any(registry.match(part.strip()).camp == PRESS
                                         for part in intro.group("where").split(",")):
            press.add((row.article_id, name))  # named in their own turn, with their outlet
    mended = list(matches)
    for n, row in turns:
        if matches[n].actor is None and (row.article_id, row.speaker) in press:
            mended[n] = Match(camp=PRESS, matched_by="rule")
    return mended


def _office_match(registry: Registry, speaker: str, text: str, when, context: str, publisher: str) -> Match | None:
    found = registry.office_match(speaker, text, when, context, publisher)
    return found if found.matched_by else None


def _statement_time(row) -> pd.Timestamp | None:
    # A dated statement is matched on its date (roles change); else on the publication time,
    # which also carries the hour that decides "THE PRESIDENT" on inauguration day.
    when = row.published
    if row.said_on_precision == "day" and not pd.isna(row.said_on):
        when = pd.Timestamp(row.said_on).tz_localize("UTC") + pd.Timedelta(hours=12)
    if not isinstance(when, pd.Timestamp) or pd.isna(when):
        return None
    return when


def _match_one(registry: Registry, row, context: str, publisher: str = "") -> Match:
    when = _statement_time(row)
    speaker = row.speaker if isinstance(row.speaker, str) else ""
    mention = row.speaker_mention if isinstance(row.speaker_mention, str) else ""
    # A transcript's label ("THE PRESIDENT", "MS. PSAKI") is what the document itself says: it
    # goes first; elsewhere the engine's resolved speaker does ("Donald Trump" for "he").
    order = [mention, speaker] if row.kind == "turn" else [speaker, mention]
    found = Match()
    for name in dict.fromkeys(n for n in order if n):
        match = registry.match(name, when, context, publisher)
        if match.actor is not None and woman_named_for_man(match.actor, name, row.kind == "turn"):
            match = Match()  # "Д.Дмитриева:", "Дарья Дмитриева" are a woman, not Кирилл Дмитриев
        if match.actor is not None:
            return match
        if not found.matched_by:  # the first name a rule knows decides the camp: "they" knows none
            found = match
    return found


def actors_table(statements: pd.DataFrame) -> pd.DataFrame:
    """One row per registered actor seen: camps, number of statements, first and last date said."""
    seen = statements[statements["actor"].fillna("") != ""]
    # a joint statement ("the two leaders") counts for each of its participants
    seen = seen.assign(actor=seen["actor"].str.split(JOINED)).explode("actor")
    if seen.empty:  # typed, so an empty table still matches its schema when written
        return pd.DataFrame({"actor": pd.Series([], dtype="str"), "camps": pd.Series([], dtype="str"),
                             "statements": pd.Series([], dtype="int64"),
                             "first_said_on": pd.Series([], dtype="datetime64[us]"),
                             "last_said_on": pd.Series([], dtype="datetime64[us]")})
    said = pd.to_datetime(seen["said_on"])
    table = (seen.assign(_said=said).groupby("actor")
             .agg(camps=("camp", lambda c: "; ".join(sorted(set(c)))), statements=("actor", "size"),
                  first_said_on=("_said", "min"), last_said_on=("_said", "max"))
             .reset_index().sort_values(["statements", "actor"], ascending=[False, True], kind="stable"))
    return table[ACTORS_TABLE_COLUMNS].reset_index(drop=True)


def unknown_speakers(statements: pd.DataFrame, examples: int = 1, with_rules: bool = False) -> pd.DataFrame:
    """Speakers the registry did not recognise: speaker, statements, camp, example quotes.

    Speakers an unnamed-source rule placed in a camp ("a reporter", "a senior Russian lawmaker")
    are left out unless ``with_rules``; so are pronouns and empty speakers (the quote engine's
    to resolve).
    """
    unknown = statements[(statements["actor"].fillna("") == "") & (statements["speaker"].fillna("").str.strip() != "")]
    if not with_rules and "matched_by" in unknown:
        unknown = unknown[unknown["matched_by"] != "rule"]
    unknown = unknown[~unknown["speaker"].str.strip().str.lower().isin(PRONOUNS)]
    if unknown.empty:
        return pd.DataFrame(columns=["speaker", "statements", "camp", "examples"])
    grouped = unknown.groupby(unknown["speaker"].str.strip())
    table = pd.DataFrame({
        "statements": grouped.size(),
        "camp": grouped["camp"].agg(lambda c: c.mode().iloc[0]),
        "examples": grouped["quote"].agg(lambda q: " | ".join(_shorten(x) for x in q.head(examples))),
    }).rename_axis("speaker").reset_index()
    return table.sort_values(["statements", "speaker"], ascending=[False, True], kind="stable").reset_index(drop=True)


def _shorten(text, width: int = 70) -> str:
    text = re.sub(r"\s+", " ", str(text)).strip()
    return text if len(text) <= width else text[: width - 1] + "…"
