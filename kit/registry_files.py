"""Reading and checking the actors registry's files: every mistake named by file and line.

``checked_registry(files)`` reads ``data/actors.yml`` and a reporter's own files (YAML), checks every
camp, actor, role, title and rule, and merges them in order; ``kit.registry.load_registry`` makes the
``Registry`` that matches speakers from what it returns. A malformed entry is left out and reported as
a :class:`Problem`; a file that is not YAML at all raises :class:`RegistryError`.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from .config import SAFE_LOADER
from .names import INITIALS, bare_place, initials_fit, normalise

ACTOR_KEYS = {"name", "aliases", "places", "camp", "roles", "wikidata", "auto_surname", "note"}
ROLE_KEYS = {"role", "office", "from", "to", "note"}
TOP_KEYS = {"camps", "matching", "titles", "unnamed_rules", "actors", "publishers", "house_speakers"}
DEFAULT_MATCHING = {"threshold": 88, "tie_margin": 3, "surname_threshold": 80}
FALLBACK_CAMP = "other"


class RegistryError(ValueError):
    """A registry file that cannot be used; the message names the file, the line and the problem."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a registry file."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class _LineLoader(SAFE_LOADER):
    """A YAML loader whose mappings remember the line they start on (for error messages); libyaml's
    parser marks every node with its line too."""


class _LinedDict(dict):
    line: int = 0


def _construct_lined_mapping(loader: _LineLoader, node: yaml.MappingNode):
    data = _LinedDict()
    data.line = node.start_mark.line + 1
    yield data
    data.update(loader.construct_mapping(node, deep=True))


def _construct_timestamp_or_text(loader: _LineLoader, node: yaml.ScalarNode):
    # "2025-13-01" looks like a date to YAML but is none: keep the text so the check can name it.
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_lined_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp_or_text)


def _read_registry_file(path: Path) -> dict:
    try:
        with open(path, encoding="utf-8") as fh:
            doc = yaml.load(fh, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except OSError as exc:
        raise RegistryError(f"{path}: cannot read the registry: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise RegistryError(f"{where}: not valid YAML: {getattr(exc, 'problem', exc)}") from exc
    if doc is None:
        return _LinedDict()
    if not isinstance(doc, dict):
        raise RegistryError(f"{path}:1: a registry is a mapping with camps:, actors:, ... (found a {type(doc).__name__})")
    return doc


def parse_when(value, *, end: bool = False) -> pd.Timestamp | None:
    """A role boundary as a UTC timestamp: a date (start of that day), ``YYYY-MM``, ``YYYY`` or a time.

    With ``end=True`` a month or year given alone means its end, so ``to: 2024-05`` covers May.
    Raises ValueError for anything else.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        ts = pd.Timestamp(value)
        return ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")
    if isinstance(value, dt.date):
        return pd.Timestamp(value).tz_localize("UTC")
    text = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return pd.Timestamp(text, tz="UTC")
        except ValueError:
            pass
    elif re.fullmatch(r"\d{4}", text):
        start = pd.Timestamp(f"{text}-01-01", tz="UTC")
        return start + pd.DateOffset(years=1) if end else start
    if re.fullmatch(r"\d{4}-\d{2}", text):
        start = pd.Timestamp(f"{text}-01", tz="UTC")
        return start + pd.DateOffset(months=1) if end else start
    raise ValueError(f"'{text}' is not a date (use YYYY-MM-DD, YYYY-MM, YYYY or an ISO time)")


def _check_actor(raw, path: str, camps: set[str], problems: list[Problem]) -> dict | None:
    line = getattr(raw, "line", 0)
    if not isinstance(raw, dict):
        problems.append(Problem(path, line, f"an actor must be a mapping with name: and camp: (found {raw!r})"))
        return None
    name = raw.get("name")
    label = f"actor '{name}'" if name else "actor"
    bad = len(problems)
    if not isinstance(name, str) or not name.strip():
        problems.append(Problem(path, line, "actor has no name: (the canonical name, e.g. 'Dmitry Peskov')"))
    for key in sorted(set(raw) - ACTOR_KEYS):
        problems.append(Problem(path, line, f"{label}: unknown key '{key}' (allowed: {', '.join(sorted(ACTOR_KEYS))})"))
    if raw.get("camp") not in camps:
        problems.append(Problem(path, line, f"{label}: camp '{raw.get('camp')}' is not one of the camps ({', '.join(sorted(camps))})"))
    aliases = raw.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        problems.append(Problem(path, line, f"{label}: aliases must be a list of names, e.g. [Peskov, Песков]"))
        aliases = []
    places = raw.get("places") or []
    if not isinstance(places, list) or not all(isinstance(a, str) and a.strip() for a in places):
        problems.append(Problem(path, line, f"{label}: places must be a list of names, e.g. [Kiev, Kyiv, Киев]"))
        places = []
    wikidata = raw.get("wikidata")
    if wikidata is not None and not re.fullmatch(r"Q\d+", str(wikidata)):
        problems.append(Problem(path, line, f"{label}: wikidata '{wikidata}' is not an id like Q7747"))
    roles = []
    raw_roles = raw.get("roles") or []
    if not isinstance(raw_roles, list):
        problems.append(Problem(path, line, f"{label}: roles must be a list of {{role:, from:, to:}}"))
        raw_roles = []
    for raw_role in raw_roles:
        role = _check_role(raw_role, path, line, label, problems)
        if role is not None:
            roles.append(role)
    if len(problems) > bad:
        return None
    return {"name": name.strip(), "aliases": [a.strip() for a in aliases], "places": [p.strip() for p in places],
            "camp": raw["camp"],
            "roles": roles, "wikidata": wikidata, "auto_surname": raw.get("auto_surname", True) is not False,
            "_source": f"{path}:{line}"}


def _check_role(raw, path: str, actor_line: int, label: str, problems: list[Problem]) -> dict | None:
    line = getattr(raw, "line", actor_line)
    if not isinstance(raw, dict) or not isinstance(raw.get("role"), str):
        problems.append(Problem(path, line, f"{label}: each role needs role: (its title), e.g. {{role: Kremlin spokesman, from: 2012-05-22}}"))
        return None
    for key in sorted(set(raw) - ROLE_KEYS):
        problems.append(Problem(path, line, f"{label}: role '{raw['role']}': unknown key '{key}' (allowed: {', '.join(sorted(ROLE_KEYS))})"))
    try:
        start = parse_when(raw.get("from"))
        stop = parse_when(raw.get("to"), end=True)
    except ValueError as exc:
        problems.append(Problem(path, line, f"{label}: role '{raw['role']}': {exc}"))
        return None
    if start is not None and stop is not None and stop <= start:
        problems.append(Problem(path, line, f"{label}: role '{raw['role']}' ends ({raw.get('to')}) before it starts ({raw.get('from')})"))
        return None
    return {**raw, "_from": start, "_to": stop}


def _check_title(raw, path: str, offices: set[str], problems: list[Problem]) -> dict | None:
    line = getattr(raw, "line", 0)
    if not isinstance(raw, dict) or not isinstance(raw.get("office"), str) or not isinstance(raw.get("says"), list):
        problems.append(Problem(path, line, "a title needs office: and says: [words that stand for its holder]"))
        return None
    if raw["office"] not in offices:
        problems.append(Problem(path, line, f"title: no actor's role has office '{raw['office']}'"))
        return None
    where = raw.get("where")
    try:
        where_re = re.compile(where, re.I) if where else None
    except re.error as exc:
        problems.append(Problem(path, line, f"title '{raw['office']}': where: is not a valid regular expression ({exc})"))
        return None
    # A sorted tuple, not a set: the registry's repr keys the attribution cache and must not vary.
    return {**raw, "_says": tuple(sorted({normalise(s) for s in raw["says"]})), "_where": where_re}


def _check_rule(raw, path: str, camps: set[str], problems: list[Problem]) -> dict | None:
    line = getattr(raw, "line", 0)
    if not isinstance(raw, dict) or not isinstance(raw.get("pattern"), str):
        problems.append(Problem(path, line, "an unnamed rule needs pattern: (a regular expression) and camp:"))
        return None
    if raw.get("camp") not in camps:
        problems.append(Problem(path, line, f"unnamed rule '{raw['pattern']}': camp '{raw.get('camp')}' is not one of the camps"))
        return None
    try:
        regex = re.compile(raw["pattern"], re.I)
    except re.error as exc:
        problems.append(Problem(path, line, f"unnamed rule '{raw['pattern']}' is not a valid regular expression ({exc})"))
        return None
    return {**raw, "_regex": regex}


def _check_pattern(pattern, what: str, path: str, line: int, problems: list[Problem]) -> re.Pattern | None:
    """The compiled (case-insensitive) regular expression, or None with the problem named."""
    if not isinstance(pattern, str):
        problems.append(Problem(path, line, f"{what} needs a regular expression, got {pattern!r}"))
        return None
    try:
        return re.compile(pattern, re.I)
    except re.error as exc:
        problems.append(Problem(path, line, f"{what} '{pattern}' is not a valid regular expression ({exc})"))
        return None


def _check_publishers(raw, path: str, camps: set[str], problems: list[Problem]) -> list[tuple[str, tuple[re.Pattern, ...]]]:
    """``publishers:`` camp id -> patterns on a text's source or web site, as (camp, compiled patterns)."""
    out = []
    for camp, patterns in (raw or {}).items():
        line = getattr(patterns, "line", getattr(raw, "line", 0))
        if camp not in camps:
            problems.append(Problem(path, line, f"publishers: '{camp}' is not one of the camps"))
            continue
        patterns = [patterns] if isinstance(patterns, str) else patterns if isinstance(patterns, list) else [patterns]
        compiled = [_check_pattern(p, f"publishers '{camp}'", path, line, problems) for p in patterns]
        if all(c is not None for c in compiled):
            out.append((str(camp), tuple(compiled)))
    return out


def _check_house_speaker(raw, path: str, problems: list[Problem]) -> dict | None:
    line = getattr(raw, "line", 0)
    regex = _check_pattern(raw.get("pattern") if isinstance(raw, dict) else None, "a house speaker", path, line, problems)
    unless = _check_pattern(raw.get("unless"), "a house speaker's unless:", path, line, problems) if regex and raw.get("unless") else None
    if regex is None or (raw.get("unless") and unless is None):
        return None
    return {**raw, "_regex": regex, "_unless": unless}


def _check_camps(raw, path: str, problems: list[Problem]) -> dict[str, dict]:
    camps = {}
    for camp_id, spec in (raw or {}).items():
        line = getattr(spec, "line", getattr(raw, "line", 0))
        if not isinstance(spec, dict) or not spec.get("label") or not re.fullmatch(r"#[0-9A-Fa-f]{6}", str(spec.get("colour", ""))):
            problems.append(Problem(path, line, f"camp '{camp_id}' needs label: and colour: \"#RRGGBB\""))
            continue
        camps[camp_id] = {"label": str(spec["label"]), "colour": spec["colour"]}
    return camps


def _duplicate_alias_problems(actors: list[dict]) -> list[Problem]:
    """An alias given to two different actors is a problem: the kit would not know whom it names."""
    owners: dict[str, tuple[dict, str]] = {}
    problems = []
    for actor in actors:
        spelt = {normalise(a): a for a in [actor["name"], *actor["aliases"]]}
        for alias in set(spelt) | {bare_place(p) for p in actor["places"]}:
            other, other_spelt = owners.setdefault(alias, (actor, spelt.get(alias, "")))
            if _initials_tell_apart(actor, spelt.get(alias, ""), other, other_spelt):
                continue  # "К.Титов" beside Борис Титов
            if other is not actor and other["name"] != actor["name"]:
                path, line = actor["_source"].rsplit(":", 1)
                problems.append(Problem(path, int(line), f"actor '{actor['name']}': alias '{alias}' already names "
                                                         f"'{other['name']}' ({other['_source']})"))
    return problems


def _initials_tell_apart(actor: dict, spelt: str, other: dict, other_spelt: str) -> bool:
    """Two actors sharing a surname where one is written with initials the other cannot have."""
    return any(INITIALS.match(raw) and not initials_fit(them, raw)
               for raw, them in ((spelt, other), (other_spelt, actor)))


def checked_registry(files: list[Path]) -> dict:
    """The registry files read, checked and merged in order: ``camps``, ``actors``, ``unnamed_rules``,
    ``titles``, ``matching``, ``publishers``, ``house_speakers``, every ``problems`` found and the ``files`` read (the fields of
    ``kit.registry.Registry``)."""
    docs = [(str(f), _read_registry_file(Path(f))) for f in files]
    problems: list[Problem] = []
    camps: dict[str, dict] = {}
    matching = dict(DEFAULT_MATCHING)
    for path, doc in docs:
        for key in sorted(set(doc) - TOP_KEYS):
            problems.append(Problem(path, 1, f"unknown top-level key '{key}' (allowed: {', '.join(sorted(TOP_KEYS))})"))
        camps.update(_check_camps(doc.get("camps"), path, problems))
        matching.update({k: v for k, v in (doc.get("matching") or {}).items() if k in DEFAULT_MATCHING})
    by_name: dict[str, dict] = {}
    for path, doc in docs:
        for raw in doc.get("actors") or []:
            actor = _check_actor(raw, path, set(camps), problems)
            if actor is not None:
                by_name[actor["name"]] = actor
    actors = list(by_name.values())
    offices = {r["office"] for a in actors for r in a["roles"] if r.get("office")}
    titles, rules, publishers, house = [], [], [], []
    for path, doc in docs:
        titles += [t for t in (_check_title(r, path, offices, problems) for r in doc.get("titles") or []) if t]
        rules += [r for r in (_check_rule(r, path, set(camps), problems) for r in doc.get("unnamed_rules") or []) if r]
        publishers += _check_publishers(doc.get("publishers"), path, set(camps), problems)
        house += [h for h in (_check_house_speaker(r, path, problems) for r in doc.get("house_speakers") or []) if h]
    problems += _duplicate_alias_problems(actors)
    if FALLBACK_CAMP not in camps:
        problems.append(Problem(docs[0][0], 1, f"camps: needs an '{FALLBACK_CAMP}' camp for speakers nobody recognises"))
        camps[FALLBACK_CAMP] = {"label": "Other", "colour": "#999999"}
    return dict(camps=camps, actors=actors, unnamed_rules=rules, titles=titles, matching=matching,
                publishers=publishers, house_speakers=house, problems=problems, files=[p for p, _ in docs])
