"""newsroom-kit: who said what, and when, from a folder of news articles.

The flow, one module per stage (``kit.pipeline`` runs it; the README's Layout lists every module):
    kit.articles  load files into the ``articles`` table
    kit.quotes    find quotations and their speakers -> ``statements``
    kit.speakers  tie statements to actors, camps and dates (with kit.when)
    kit.table     the who-said-what table and counts; kit.themes, kit.claims, kit.echoes, kit.findings
    kit.charts    the messaging charts; kit.chart_set draws the report's set of them (or takes them from the cache)
    kit.report    run the report notebook with papermill
Beside the flow: kit.explore (the quote browser for notebooks) and kit.corrections (reporters' fixes).
"""
from .articles import Loaded, load_articles
from .charts import (claims_chart, messaging_timeline, quote_timeline, save_figure, theme_heatmap, themes_over_time,
                     top_speakers)
from .chart_set import report_charts
from .corrections import Corrections, apply_corrections
from .explore import context, explore, show_article
from .nlp import load_pipeline
from .quotes import extract_quotes
from .registry import load_registry
from .speakers import actors_table, attribute_statements
from .claims import claims_and_counterclaims
from .echoes import echo_clusters
from .pipeline import Tables, attributed_statements, build_tables, select_articles
from .table import by_camp_and_period, speakers_by_camp, who_said_what, write_table
from .themes import tag_themes, themes_by_camp, themes_by_period

__version__ = "0.1.0"

__all__ = [
    "Loaded", "load_articles", "select_articles", "load_pipeline", "extract_quotes", "attribute_statements",
    "attributed_statements",
    "load_registry", "actors_table", "who_said_what", "by_camp_and_period", "write_table",
    "messaging_timeline", "save_figure",
    "Tables", "build_tables", "speakers_by_camp", "tag_themes", "themes_by_camp", "themes_by_period",
    "claims_and_counterclaims", "echo_clusters",
    "report_charts", "theme_heatmap", "themes_over_time", "top_speakers", "quote_timeline", "claims_chart",
    "explore", "context", "show_article", "Corrections", "apply_corrections",
]
