"""The one flow, from articles to the report's tables, that the command line, the report and the notebooks call.

    select_articles(loaded, start_date, end_date)    the articles published in a date range
    build_tables(statements, articles, period, claim_days) -> Tables    every report table

``start_date`` and ``end_date`` always mean the day an article was **published** (both days
included); the day a statement was said is ``said_on``, a column to filter on afterwards.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .claims import claims_and_counterclaims
from .echoes import add_echoes, echo_clusters, echoes
from .table import by_camp_and_period, period_start, speakers_by_camp, who_said_what, write_table
from .themes import (ThemeLexicon, add_themes, lemmatise, load_themes, statement_text, tag_themes, theme_period_for,
                     themes_by_camp, themes_by_period)

def select_articles(loaded, start_date: str = "", end_date: str = "") -> pd.DataFrame:
    """The articles published between ISO dates ``start_date`` and ``end_date`` (both days included;
    "" leaves that end open; with either set, articles without a publication date are left out).

    ``loaded`` is what ``kit.load_articles`` returns, or its ``articles`` table.
    """
    articles = getattr(loaded, "articles", loaded)
    when = pd.to_datetime(articles["published"], errors="coerce", utc=True)
    keep = pd.Series(True, index=articles.index)
    if start_date:
        keep &= when >= pd.Timestamp(start_date, tz="UTC")
    if end_date:
        keep &= when < pd.Timestamp(end_date, tz="UTC") + pd.Timedelta(days=1)
    return articles[keep]


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


def build_tables(statements: pd.DataFrame, articles: pd.DataFrame, period: str = "week", claim_days: int = 7,
                 nlp=None, lexicon: ThemeLexicon | None = None, claim_limit: int | None = 200,
                 method: str = "stem") -> Tables:
    """Every report table from attributed statements: who said what (with themes and echoes),
    counts per camp and period, speakers, themes, claims vs counter-claims and echoes.

    Statements are lemmatised once (``method``: "stem" or "spacy", see :func:`lemmatise`) for themes and claims.
    """
    lexicon = lexicon or load_themes()
    period_start(pd.Series([], dtype="datetime64[us]"), period)  # a wrong period fails before the slow part
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
