"""The findings summary the report opens with, computed from the tables (article text is only escaped, never changed)."""
from __future__ import annotations

import html

import pandas as pd

from .table import NEUTRAL_CAMPS, by_camp_and_period, excerpt, speakers_by_camp

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
    facts["top_echo"] = echo_table.iloc[0].to_dict() if echo_table is not None and len(echo_table) else None
    return facts


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
