"""The findings summary the report opens with, computed from the tables (article text is only escaped, never changed)."""
from __future__ import annotations

import html

import pandas as pd

from .findings_acts import acts_by_camp, acts_markdown, load_act_words
from .language import CYRILLIC
from .table import NEUTRAL_CAMPS, by_camp_and_period, excerpt, speakers_by_camp
from .themes import load_themes

# A camp "speaks" a script here when at least this share of its statements is written in it.
ONE_SCRIPT = 0.8
# How many claim and counter-claim pairs the summary tells, best first (every pair is in the table).
TOLD_PAIRS = 3

def findings(table: pd.DataFrame, counts: pd.DataFrame | None = None, claims: pd.DataFrame | None = None,
             echo_table: pd.DataFrame | None = None, period: str = "week") -> dict:
    """The facts the report opens with, computed from the tables (no text from the articles is changed).

    ``table`` may be a ``kit.pipeline.Tables``, whose parts then fill the other arguments.
    """
    if hasattr(table, "who_said_what"):
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
    facts["claims"] = claims.head(TOLD_PAIRS).to_dict("records") if claims is not None else []
    facts["claim_pairs"] = len(claims) if claims is not None else 0
    facts["act_words"] = load_act_words()
    facts["acts"] = acts_by_camp(table, facts["act_words"])
    facts["top_echo"] = echo_table.iloc[0].to_dict() if echo_table is not None and len(echo_table) else None
    facts["apart_by_language"] = camps_apart_by_language(table)
    return facts


def camps_apart_by_language(table: pd.DataFrame, opposing=None) -> list[tuple[str, str, str, str]]:
    """Opposing camps (``opposing_camps`` in ``data/themes.yml``) whose statements here are written in two
    languages, as (camp, "Russian", camp, "English"): the claims table compares wording, so it can never pair
    them, and a reporter reading "no claim met a counter-claim" must know why."""
    opposing = load_themes().opposing if opposing is None else opposing
    if not len(table) or not opposing:
        return []
    quotes = table["quote"].fillna("").astype(str).tolist()  # a list: an Arrow-backed column maps a cell at a time
    cyrillic = pd.Series([bool(CYRILLIC.search(q)) for q in quotes], index=table.index, dtype=bool)
    share = cyrillic.groupby(table["camp"]).mean()
    language = {camp: "Russian" if v >= ONE_SCRIPT else "English" if v <= 1 - ONE_SCRIPT else ""
                for camp, v in share.items()}
    return [(a, language[a], b, language[b]) for a, b in opposing
            if language.get(a) and language.get(b) and language[a] != language[b]]


def _side(c: dict, prefix: str, e) -> str:
    """One side of a pair with its receipts: who, camp, day, words, statement id and characters."""
    where = (f"statement {e(str(c[prefix + '_quote_id']))}"
             + (f", characters {c[prefix + '_start']}–{c[prefix + '_end']}" if prefix + "_start" in c else ""))
    return (f"{e(str(c[prefix + '_speaker']))} ({e(str(c[prefix + '_camp']))}, {c[prefix + '_said_on']:%d %b %Y}): "
            f"“{e(excerpt(c[prefix + '_quote'], 160))}” ({where})")


def _pair(c: dict, e) -> str:
    """A claim and its counter-claim as the summary tells them, linked to its row of the claims table."""
    gap = "the same day" if c["days_apart"] == 0 else f"{c['days_apart']} day{'s' if c['days_apart'] != 1 else ''} apart"
    how = "set against a denial" if c.get("how") == "denies" else "set against a negation"
    row = f"#claim-{c['rank']}"
    return (f"{_link(e(c['themes']), row)} ({gap}): "
            f"{_side(c, 'claim', e)} — {how} by {_side(c, 'counter', e)}.")


def _link(text: str, target: str) -> str:
    """A Markdown link to a place in the page (``#claim-1``, ``#find=...``) or a file of the run."""
    return f"[{text}]({target})"


def findings_markdown(facts: dict, title: str, period: str = "week", escape=html.escape,
                      table_period: str | None = None) -> str:
    """The findings summary as Markdown; every piece of article-derived text goes through ``escape``
    (HTML-escaping by default; the report passes ``kit.report.escape_md``, which also defuses Markdown).

    Every finding links to the rows behind it: the page's who-said-what table filtered to a camp or
    a speaker (``#find=who-said-what:...``), a row of the counts, claims or echoes table
    (``#period-20250203``, ``#claim-1``, ``#echo-1``), and the table file it comes from.
    ``table_period`` is the period of the page's messaging table when it differs from ``period`` (a
    long timeline is summed into months): the busiest week then links to the month that holds it.
    """
    from .page import find_link

    e = escape
    lines = [f"# {e(title)}", ""]
    if facts.get("published_first") is not None:
        span = f"published between {facts['published_first']:%d %B %Y} and {facts['published_last']:%d %B %Y}"
    else:
        span = "with no publication date"
    undated = facts["statements"] - facts["dated"]
    lines.append(f"- **{facts['statements']:,} statements** in {facts['articles']:,} articles {span}"
                 + (f" ({undated:,} statements could not be dated)" if undated else "")
                 + f": {_link('every statement', '#who-said-what')} "
                 f"({_link('tables/who_said_what.csv', 'tables/who_said_what.csv')}).")
    if facts["by_camp"]:
        lines.append("- By camp: " + ", ".join(
            _link(f"{e(str(c))} {n:,}", find_link("who-said-what", f"camp: {c}")) for c, n in facts["by_camp"].items())
            + ".")
    for camp, speaker, n in facts["top_speakers"][:5]:
        rows = _link(f"{n:,} statement{'s' if n != 1 else ''}", find_link("who-said-what", f"speaker: {speaker}"))
        lines.append(f"- {e(str(camp))}: most quoted was **{e(str(speaker))}** ({rows}; "
                     f"{_link('tables/speakers_by_camp.csv', 'tables/speakers_by_camp.csv')}).")
    if facts["busiest"]:
        b = facts["busiest"]
        label = {"day": "day", "week": "week of", "month": "month of"}.get(period, period)
        when = f"{b['period']:%B %Y}" if period == "month" else f"{b['period']:%d %B %Y}"
        row = b["period"].to_period("M").start_time if table_period == "month" != period else b["period"]
        anchor = f"#period-{row:%Y%m%d}"
        lines.append(f"- Busiest {label} {_link(when, anchor)}: "
                     f"{b['statements']:,} statements, most from {e(str(b['leader']))} ({b['leader_statements']:,}).")
    lines.extend(acts_markdown(facts.get("acts") or [], facts.get("act_words") or {}, e, find_link))
    pairs = facts.get("claims") or ([facts["top_claim"]] if facts.get("top_claim") else [])
    if pairs:
        n = facts.get("claim_pairs") or len(pairs)
        leads = f"{n:,} possible claim and counter-claim pair{'s' if n != 1 else ''}"
        lines.append(f"- {_link(leads, '#claim-1')}: a statement set against an opposing camp's denial or "
                     f"negation on the same subject within the window, matched on shared words; leads to check "
                     f"against the source, not proven contradictions "
                     f"({_link('tables/claims_and_counterclaims.csv', 'tables/claims_and_counterclaims.csv')}). "
                     f"The best {len(pairs)}, each with its statement id and characters in the article:")
        lines.extend(f"  {i}. {_pair(c, e)}" for i, c in enumerate(pairs, 1))
    else:
        lines.append("- No claim met a counter-claim from an opposing camp within the window.")
    apart = facts.get("apart_by_language") or []
    if apart:
        camps_in: dict[str, list[str]] = {}
        for a, lang_a, b, lang_b in apart:
            for camp, lang in ((a, lang_a), (b, lang_b)):
                camps_in.setdefault(lang, [])
                if camp not in camps_in[lang]:
                    camps_in[lang].append(camp)
        spoken = " and ".join(f"in {lang} ({', '.join(e(c) for c in camps)})" for lang, camps in sorted(camps_in.items()))
        lines.append(f"- Opposing camps' statements here are {spoken}: claims are paired on their wording, so "
                     f"statements in two languages are never set against each other.")
    echo = facts.get("top_echo")
    if echo:
        outlets = echo.get("outlets", 0)
        lines.append(f"- {_link('Most repeated quotation', '#echo-1')} ({echo['articles']} articles"
                     + (f" from {outlets} outlet{'s' if outlets != 1 else ''}" if outlets else "")
                     + (f", said by {e(str(echo['speaker']))}" if echo["speaker"] != "(unattributed)"
                        else ", speaker not identified")
                     + f"): “{e(excerpt(echo['quote']))}” "
                     f"({_link('tables/echoes.csv', 'tables/echoes.csv')}, statement {e(str(echo['echo_id']))}).")
    else:
        lines.append("- No quotation of 8 words or more ran in articles from more than one outlet.")
    return "\n".join(lines) + "\n"
