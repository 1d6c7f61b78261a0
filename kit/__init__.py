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
import sys
from importlib import import_module
from types import ModuleType

# Name -> the module that holds it, imported on first use (PEP 562): ``kit report``'s own process needs
# a few of them, and importing every stage (pandas, matplotlib, pandera) would cost it a second or more.
_EXPORTS = {
    "articles": ("Loaded", "load_articles"),
    "charts": ("claims_chart", "messaging_timeline", "quote_timeline", "save_figure", "theme_heatmap",
               "themes_over_time", "top_speakers"),
    "chart_set": ("report_charts",),
    "corrections": ("Corrections", "apply_corrections"),
    "explore": ("context", "explore", "show_article"),
    "nlp": ("load_pipeline",),
    "quotes": ("extract_quotes",),
    "registry": ("load_registry",),
    "speakers": ("actors_table", "attribute_statements"),
    "claims": ("claims_and_counterclaims",),
    "echoes": ("echo_clusters",),
    "pipeline": ("Tables", "attributed_statements", "build_tables", "select_articles"),
    "table": ("by_camp_and_period", "speakers_by_camp", "who_said_what", "write_table"),
    "themes": ("tag_themes", "themes_by_camp", "themes_by_period"),
}
_HOME = {name: module for module, names in _EXPORTS.items() for name in names}


def __getattr__(name: str):
    if name in _HOME:
        value = getattr(import_module(f".{_HOME[name]}", __name__), name)
        globals()[name] = value
        return value
    if not name.startswith("__"):
        try:  # a stage module, as in ``kit.charts.show(...)`` after ``import kit``
            return import_module(f".{name}", __name__)
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOME})


class _Package(ModuleType):
    def __setattr__(self, name: str, value) -> None:
        # Importing the module kit.explore binds it here; ``kit.explore`` stays the quote browser function.
        if not (name in _HOME and isinstance(value, ModuleType)):
            super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


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
