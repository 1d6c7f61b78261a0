"""Stage 3: tie each statement to a canonical actor, a camp and a date.

``attribute_statements(statements, articles)`` returns the statements with extra columns:
    actor      canonical name from the registry ("" when the speaker is not in it)
    camp       camp id from the registry (white_house, kremlin, ...; "other" when unknown)
    role       the actor's role on that date ("" when unknown)
    published  the article's publication time (UTC)
    said_on, said_on_precision, when_text   when the statement was made (see ``kit.when``)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .config import data_path, load_yaml
from .when import statement_dates

ATTRIBUTION_COLUMNS = ["actor", "camp", "role", "published", "said_on", "said_on_precision", "when_text"]


@dataclass
class Registry:
    """Actors, camps and the rules for unnamed sources, as read from ``data/actors.yml``."""

    camps: dict[str, dict]
    actors: list[dict]
    unnamed_rules: list[dict] = field(default_factory=list)

    def alias_index(self) -> dict[str, dict]:
        index = {}
        for actor in self.actors:
            for alias in [actor["name"], *actor.get("aliases", [])]:
                index[alias.lower()] = actor
        return index

    def camp_label(self, camp: str) -> str:
        return self.camps.get(camp, {}).get("label", camp)

    def camp_colours(self) -> dict[str, str]:
        """Camp label -> chart colour."""
        return {c["label"]: c["colour"] for c in self.camps.values()}


def load_registry(paths: list[str | Path] | None = None) -> Registry:
    """The actor registry from ``data/actors.yml`` plus any further files given."""
    files = [data_path("actors.yml"), *(paths or [])]
    camps, actors, rules = {}, [], []
    for f in files:
        doc = load_yaml(f) or {}
        camps.update(doc.get("camps") or {})
        actors.extend(doc.get("actors") or [])
        rules.extend(doc.get("unnamed_rules") or [])
    return Registry(camps=camps, actors=actors, unnamed_rules=rules)


def actor_for(speaker: str, registry: Registry) -> dict | None:
    """The registry entry whose name or alias is the speaker, or None."""
    return registry.alias_index().get((speaker or "").strip().lower())


def camp_for(speaker: str, actor: dict | None, registry: Registry) -> str:
    """Camp id: the actor's, else the first unnamed-source rule that matches, else other."""
    if actor:
        return actor["camp"]
    for rule in registry.unnamed_rules:
        if re.search(rule["pattern"], speaker or "", re.I):
            return rule["camp"]
    return "other"


def attribute_statements(statements: pd.DataFrame, articles: pd.DataFrame,
                         registry: Registry | None = None) -> pd.DataFrame:
    """Statements with actor, camp, role and dates added (see module docstring)."""
    registry = registry or load_registry()
    out = statements.copy()
    actors = [actor_for(s, registry) for s in out["speaker"]]
    out["actor"] = [a["name"] if a else "" for a in actors]
    out["camp"] = [registry.camp_label(camp_for(s, a, registry)) for s, a in zip(out["speaker"], actors)]
    out["role"] = ""
    published = articles.set_index("article_id")["published"]
    out["published"] = out["article_id"].map(published)
    dates = statement_dates(out, articles)
    for col in ("said_on", "said_on_precision", "when_text"):
        out[col] = dates[col].values
    return out
