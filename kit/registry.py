"""The actors registry: who is who, in which camp, holding which office when.

``data/actors.yml`` (plus any files a reporter adds, see ``load_registry``) lists camps, actors with
their aliases and dated roles, titles that stand for an office holder ("THE PRESIDENT", "the Russian
president") and rules for unnamed sources ("a senior Russian lawmaker" -> Kremlin). ``Registry.match``
finds the actor a speaker's name stands for (alias, place, title on a date, role, fuzzy match, rule);
a file with mistakes is refused with every problem named by file and line (:class:`RegistryError`).
``kit.speakers`` uses it to attribute statements.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml
from rapidfuzz import fuzz, process

from .config import SAFE_LOADER, data_path
from .files import BIDI_CONTROLS
from .coref import ROLE_SYNONYMS, TITLES
from .language import CYRILLIC, fold_case_endings

ACTOR_KEYS = {"name", "aliases", "places", "camp", "roles", "wikidata", "auto_surname", "note"}
ROLE_KEYS = {"role", "office", "from", "to", "note"}
TOP_KEYS = {"camps", "matching", "titles", "unnamed_rules", "actors"}
DEFAULT_MATCHING = {"threshold": 88, "tie_margin": 3}
FALLBACK_CAMP = "other"
# The camp of a joint statement whose participants are not all of one camp ("the two leaders"
# after a Putin-Macron call); the registry may give it its own label and colour.
JOINT_CAMP = "joint"
JOINED = "; "
PRONOUNS = {"he", "she", "they", "i", "we", "it", "you", "me", "us", "them", "him", "her"}
# Words a transcript or an article puts before a name: "MS. PSAKI", "Kremlin spokesman Dmitry Peskov".
# Only used to cut a speaker down to the name at its end; they never identify anyone by themselves.
LEADING_INITIALS = re.compile(r"^(?:[^\W\d_]{1,2}\.\s*)+(?=[^\W\d_]{2})")
POSSESSIVE = re.compile(r"['’]s$")
# Words that stand before a surname and are no first name: titles, ranks, roles, places of work.
NOT_FIRST_NAMES = {*TITLES, *ROLE_SYNONYMS, "admiral", "colonel", "lieutenant", "sergeant", "captain", "major",
                   "commander", "marshal", "aide", "assistant", "envoy", "emir", "sheikh", "prince", "princess",
                   "crown", "metropolitan", "patriarch", "rabbi", "mufti", "father", "reverend", "bishop", "cardinal",
                   "professor", "officer", "agent", "deputy", "acting", "then", "elect", "chief", "head", "czar",
                   "tsar", "coach", "host", "anchor", "correspondent", "reporter", "editor", "economist", "author",
                   "actor", "singer", "madam", "dame", "congressman", "congresswoman", "councilman", "commissioner",
                   "administrator", "sister", "brother", "counselor", "sheriff", "premier", "kremlin", "white",
                   "house", "state", "federal", "national", "foreign", "defense", "defence", "press", "first", "lady",
                   "chairwoman", "justice", "staff", "ceo", "founder", "owner", "manager", "analyst", "expert",
                   "official", "officials", "member", "delegate", "chancellor", "vice", "former", "late", "said",
                   "says", "told", "asked", "added", "and", "with", "by", "of", "to", "from", "as", "also", "then"}
# Initials written right before a surname that ends the speaker ("Н.Иванов", "J.D. Vance").
INITIALS = re.compile(r"^\s*((?:[^\W\d_]\.\s*)+)(?=[^\W\d_]{2}[\w'’\-]*\s*$)")
# A Russian first name and patronymic ("Эльвира Сахипзадовна", "Александр Иванович"): the Kremlin's
# pages repeat a person's tooltip ("Набиуллина Эльвира Сахипзадовна", then an office) in a label.
PATRONYMIC = re.compile(r"[а-яё](?:вич|вна|ична|инична|ьич)$")
FIRST_AND_PATRONYMIC = re.compile(r"(?:^|\s)[а-яё]+\s+[а-яё]+(?:вич|вна|ична|инична|ьич)\b\.?")


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


@dataclass
class Match:
    """How a speaker string was recognised."""

    actor: dict | None = None
    camp: str = FALLBACK_CAMP
    role: str = ""
    matched_by: str = ""
    candidates: tuple = ()  # actors sharing an alias, to be told apart by who held office when


@dataclass
class Registry:
    """Actors, camps, titles and the rules for unnamed sources, as read from ``data/actors.yml``."""

    camps: dict[str, dict]
    actors: list[dict]
    unnamed_rules: list[dict] = field(default_factory=list)
    titles: list[dict] = field(default_factory=list)
    matching: dict = field(default_factory=lambda: dict(DEFAULT_MATCHING))
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._aliases: dict[str, list[dict]] | None = None
        self._places: dict[str, dict] | None = None
        self._name_cache: dict[str, Match] = {}
        self._names: tuple[set[str], dict[str, set[str]]] | None = None
        self._folded: dict[str, list[dict]] | None = None
        self._roles: dict[str, list[tuple[dict, dict]]] | None = None

    # -- lookups -----------------------------------------------------------------------------
    def alias_index(self) -> dict[str, list[dict]]:
        """Normalised alias -> the actors it names (more than one means the alias is ambiguous).

        Every actor is found by its name, its aliases and, unless ``auto_surname: false``, its
        surname (the last word of the name). A surname several actors share names them all, and
        ``match`` keeps the one holding a role on the statement's date, if only one does.
        """
        if self._aliases is None:
            index: dict[str, list[dict]] = {}
            for actor in self.actors:
                for alias in {normalise(a) for a in [actor["name"], *actor.get("aliases", [])]}:
                    bucket = index.setdefault(alias, [])
                    if actor not in bucket:
                        bucket.append(actor)
            surnames: dict[str, list[dict]] = {}
            for actor in self.actors:
                if actor.get("auto_surname", True):
                    surname = normalise(actor["name"]).split(" ")[-1]
                    surnames.setdefault(surname, []).append(actor)
            for surname, owners in surnames.items():
                # A surname two actors share ("Miller") stays ambiguous: only a date can tell them apart.
                if surname not in index and len(surname) > 2:
                    index[surname] = owners
            self._aliases = index
        return self._aliases

    def folded_index(self) -> dict[str, list[dict]]:
        """The alias index with every Cyrillic word's case ending cut (``kit.language``), so
        "Путина", "Путину", "Путиным" and "Марии Захаровой" find Путин and Мария Захарова."""
        if self._folded is None:
            folded: dict[str, list[dict]] = {}
            for alias, owners in self.alias_index().items():
                if CYRILLIC.search(alias):
                    bucket = folded.setdefault(_fold(alias), [])
                    bucket += [a for a in owners if a not in bucket]
            self._folded = folded
        return self._folded

    def camp_label(self, camp: str) -> str:
        """Display label of a camp id ("kremlin" -> "Kremlin")."""
        return self.camps.get(camp, {}).get("label", camp)

    def camp_colours(self) -> dict[str, str]:
        """Camp label -> chart colour."""
        return {c["label"]: c["colour"] for c in self.camps.values()}

    def place_index(self) -> dict[str, dict]:
        """Normalised place or institution ("kiev", "kremlin") -> the actor it stands for when it
        is the whole speaker ("Kiev said ..."); never matched inside a longer speaker, so
        "President of Ukraine" is not the Government of Ukraine."""
        if self._places is None:
            self._places = {_bare_place(p): a for a in self.actors for p in a.get("places", [])}
        return self._places

    def actor_named(self, name: str) -> dict | None:
        """The actor whose canonical name is ``name``, or None."""
        return next((a for a in self.actors if a["name"] == name), None)

    def holder(self, office: str, when: pd.Timestamp | None) -> tuple[dict, dict] | None:
        """(actor, role) holding ``office`` at time ``when``; None when nobody or several do."""
        if when is None or pd.isna(when):
            return None
        found = [(a, r) for a in self.actors for r in a.get("roles", [])
                 if r.get("office") == office and role_covers(r, when)]
        return found[0] if len(found) == 1 else None

    def role_holder(self, key: str, when: pd.Timestamp | None) -> tuple[dict, dict] | None:
        """(actor, role) for a speaker written as the role itself, the way readouts name the other
        side ("The President of France stated ...", "the Prime Minister of Italy"): the one actor
        whose registered role reads so and covers ``when``; None when nobody, or several, do."""
        if when is None or pd.isna(when):
            return None
        if self._roles is None:
            self._roles = {}
            for a in self.actors:
                for r in a.get("roles", []):
                    if r.get("role"):
                        self._roles.setdefault(normalise(r["role"]), []).append((a, r))
        found = [(a, r) for a, r in self._roles.get(re.sub(r"^the ", "", key), []) if role_covers(r, when)]
        return found[0] if len({a["name"] for a, _ in found}) == 1 else None

    def match(self, speaker: str, when: pd.Timestamp | None = None, context: str = "") -> Match:
        """Who ``speaker`` is: a registered actor, an office holder on ``when``, or a camp by rule.

        ``context`` is the article's source and url; titles with a ``where`` pattern only apply
        when it matches (so "THE PRESIDENT" is the US president only in a White House document).
        """
        speaker = without_controls(speaker)
        key = normalise(speaker)
        if not key:
            return Match()
        place = self.place_index().get(_bare_place(key))
        if place is not None:
            return Match(place, place["camp"], role_on(place, when), "place")
        found = self._match_name(key)
        if found.candidates:
            found = _by_initials(found.candidates, speaker) or self._by_date(found.candidates, when)
        if found.actor is not None and not initials_fit(found.actor, speaker):
            found = Match()  # "Н.Иванов" is not Sergei Ivanov
        if found.actor is None and CYRILLIC.search(key):
            before = before_first_name_and_patronymic(key) or before_repeated_surname(key)
            if before:
                return self.match(before, when, context)
        if found.actor is None:
            titled = self._match_title(key, when, context)
            if titled is not None:
                return titled
            held = self.role_holder(key, when)
            if held is not None:
                return Match(held[0], held[0]["camp"], held[1].get("role", ""), "role")
        if found.actor is not None:
            return Match(found.actor, found.actor["camp"], role_on(found.actor, when), found.matched_by)
        camp = self.rule_camp(speaker)
        return Match(None, camp or FALLBACK_CAMP, "", "rule" if camp else "")

    def match_joint(self, names: list[str], when: pd.Timestamp | None = None, context: str = "") -> tuple[Match, str]:
        """A statement several people made together ("the two leaders"): a Match whose camp is
        the one they share, else ``joint``, and every participant "; "-joined (registry names
        where known). Its actor is set only when the registry knows every participant."""
        found = [(n, self.match(n, when, context)) for n in names]
        actors = [m.actor for _, m in found]
        credited = JOINED.join(dict.fromkeys(m.actor["name"] if m.actor else n for n, m in found))
        camps = {m.camp for _, m in found}
        camp = camps.pop() if len(camps) == 1 and all(actors) else JOINT_CAMP
        if all(actors):
            joint = {"name": JOINED.join(dict.fromkeys(a["name"] for a in actors)), "camp": camp, "roles": []}
            return Match(joint, camp, "", "joint"), credited
        return Match(None, camp, "", "joint"), credited

    def rule_camp(self, speaker: str) -> str | None:
        """Camp id of the first unnamed-source rule matching ``speaker``, or None."""
        for rule in self.unnamed_rules:
            if rule["_regex"].search(speaker or ""):
                return rule["camp"]
        return None

    # -- matching steps ------------------------------------------------------------------------
    def _match_name(self, key: str) -> Match:
        if key not in self._name_cache:
            self._name_cache[key] = self._alias_match(key) or self._folded_match(key) or self._fuzzy_match(key) or Match()
        return self._name_cache[key]

    def _first_names(self) -> tuple[set[str], dict[str, set[str]]]:
        """The registered actors' first names, and per actor every word that names them, so a
        surname match can be checked against a first name written before it."""
        if self._names is None:
            firsts = {n.split(" ")[0] for a in self.actors for n in map(normalise, [a["name"], *a.get("aliases", [])])
                      if " " in n and not PATRONYMIC.search(n.split(" ")[0])}
            words = {a["name"]: {w for alias in [a["name"], *a.get("aliases", [])] for w in normalise(alias).split(" ")}
                     for a in self.actors}
            self._names = (firsts, words)
        return self._names

    def _other_first_name(self, words: list[str], i: int, owners: list[dict]) -> list[dict]:
        """Of ``owners`` found by the words from ``i`` on, those a first name written just
        before does not rule out: "Mike Johnson" is not Boris Johnson."""
        firsts, names = self._first_names()
        if i >= 2 and PATRONYMIC.search(words[i - 1]):
            i -= 1  # "Михаил Афанасьевич Булгаков": the first name stands before the patronymic
        if i == 0 or not (words[i - 1] in firsts or _written_first_name(words[i - 1])):
            return owners
        return [a for a in owners if words[i - 1] in names[a["name"]]]

    def _alias_match(self, key: str) -> Match | None:
        """Exact alias for the whole speaker, a part between commas, or the words at its end."""
        index = self.alias_index()
        for part in [key, *[p.strip() for p in key.split(",") if p.strip()]]:
            words = part.split(" ")
            for i in range(len(words)):
                owners = index.get(" ".join(words[i:]))
                if owners and i > 0:  # an institution is named by the whole speaker only
                    owners = [a for a in owners if not a.get("places")]
                if owners:
                    owners = self._other_first_name(words, i, owners)
                    if not owners:
                        break
                    if len(owners) == 1:
                        return Match(owners[0], matched_by="alias")
                    return Match(candidates=tuple(owners))
        return None

    def _folded_match(self, key: str) -> Match | None:
        """A Russian name in another case ("Пескову", "В.Путиным"): the words at its end, folded."""
        if not CYRILLIC.search(key):
            return None
        index = self.folded_index()
        words = _fold(key).split(" ")
        for i in range(len(words)):
            owners = index.get(" ".join(words[i:]))
            if owners:
                owners = self._other_first_name(key.split(" "), i, owners)
                if not owners:
                    return None
                return Match(owners[0], matched_by="alias") if len(owners) == 1 else Match(candidates=tuple(owners))
        return None

    @staticmethod
    def _by_date(candidates: tuple, when) -> Match:
        """Of actors sharing an alias, the only one holding a role whose dates cover ``when`` (a
        role given without dates says nothing about when); else no guess."""
        if when is None or pd.isna(when):
            return Match()
        active = [a for a in candidates
                  if any((r.get("_from") or r.get("_to")) and role_covers(r, when) for r in a.get("roles", []))]
        return Match(active[0], matched_by="alias") if len(active) == 1 else Match()

    def _fuzzy_match(self, key: str) -> Match | None:
        """Closest alias by rapidfuzz ratio, if above the threshold and clearly ahead of others."""
        threshold = self.matching["threshold"]
        margin = self.matching["tie_margin"]
        words = key.split(" ")
        queries = {key, " ".join(words[-2:]), words[-1]}
        first = words[-3] if len(words) > 2 and PATRONYMIC.search(words[-2]) else words[-2] if len(words) > 1 else ""
        if first in self._first_names()[0] or _written_first_name(first):
            queries.discard(words[-1])  # "Mike Johnson" is looked up whole, not as "Johnson"
        best: dict[int, tuple[float, dict]] = {}
        index = self.alias_index()
        for query in queries:
            if len(query) < 5 or (" " not in query and CYRILLIC.search(query)):
                continue  # a Russian surname one letter away is another surname (Белова, Беглова)
            for alias, score, _ in process.extract(query, list(index), scorer=fuzz.ratio,
                                                    score_cutoff=threshold - margin, limit=10):
                if len(index[alias]) > 1:
                    continue
                actor = index[alias][0]
                if score > best.get(id(actor), (0, None))[0]:
                    best[id(actor)] = (score, actor)
        ranked = sorted(best.values(), key=lambda s: -s[0])
        if not ranked or ranked[0][0] < threshold:
            return None
        if len(ranked) > 1 and ranked[0][0] - ranked[1][0] < margin:
            return Match()
        return Match(ranked[0][1], matched_by="fuzzy")

    def _match_title(self, key: str, when, context: str) -> Match | None:
        folded = _fold(key)
        for title in self.titles:
            if key not in title["_says"] and not (CYRILLIC.search(key) and folded in map(_fold, title["_says"])):
                continue
            if title.get("_where") is not None and not title["_where"].search(context or ""):
                continue
            held = self.holder(title["office"], when)
            if held is None:
                continue
            actor, role = held
            return Match(actor, actor["camp"], role.get("role", ""), "title")
        return None


# -- reading and checking the registry ---------------------------------------------------------
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


def role_covers(role: dict, when: pd.Timestamp) -> bool:
    """True when ``when`` falls in the role's [from, to) interval."""
    start, stop = role.get("_from"), role.get("_to")
    when = when if when.tzinfo else when.tz_localize("UTC")
    return (start is None or start <= when) and (stop is None or when < stop)


def role_on(actor: dict, when: pd.Timestamp | None) -> str:
    """The actor's role at ``when`` ("" when none is known, or when the date is unknown)."""
    if when is None or pd.isna(when):
        return ""
    held = [r.get("role", "") for r in actor.get("roles", []) if role_covers(r, when)]
    return "; ".join(held)


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
        for alias in set(spelt) | {_bare_place(p) for p in actor["places"]}:
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


def load_registry(paths: list[str | Path] | None = None, strict: bool = False) -> Registry:
    """The actor registry from ``data/actors.yml`` plus any further files given (merged in order).

    A later file may add camps, titles, rules and actors; an actor with the same name as an
    earlier one replaces it. A malformed entry is left out and reported (as a warning, and in
    ``registry.problems``) with its file and line; ``strict=True`` raises RegistryError instead.
    A file that is not YAML at all always raises RegistryError.
    """
    files = [data_path("actors.yml"), *(Path(p) for p in (paths or []))]
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
    titles, rules = [], []
    for path, doc in docs:
        titles += [t for t in (_check_title(r, path, offices, problems) for r in doc.get("titles") or []) if t]
        rules += [r for r in (_check_rule(r, path, set(camps), problems) for r in doc.get("unnamed_rules") or []) if r]
    problems += _duplicate_alias_problems(actors)
    if FALLBACK_CAMP not in camps:
        problems.append(Problem(docs[0][0], 1, f"camps: needs an '{FALLBACK_CAMP}' camp for speakers nobody recognises"))
        camps[FALLBACK_CAMP] = {"label": "Other", "colour": "#999999"}
    if problems and strict:
        raise RegistryError("\n".join(str(p) for p in problems))
    for problem in problems:
        warnings.warn(f"actor registry: {problem}", stacklevel=2)
    return Registry(camps=camps, actors=actors, unnamed_rules=rules, titles=titles, matching=matching,
                    problems=problems, files=[p for p, _ in docs])


# -- attributing statements --------------------------------------------------------------------
def without_controls(name: str) -> str:
    """A speaker's name as it reads: bidirectional controls (U+202E …), which can disguise a name
    on screen, removed before matching."""
    return BIDI_CONTROLS.sub("", str(name or ""))


def normalise(name: str) -> str:
    """A name folded for lookup: NFKC, case-folded, initials and possessive dropped, spaces collapsed.

    "В.Путин" -> "путин", "MS. PSAKI" -> "ms. psaki", "Trump's" -> "trump".
    """
    text = unicodedata.normalize("NFKC", str(name or "")).replace("’", "'").strip(" \t\n\"“”«»:;-—")
    text = re.sub(r"\s+", " ", text)
    text = LEADING_INITIALS.sub("", text)
    text = POSSESSIVE.sub("", text)
    return text.casefold()


def _written_first_name(word: str) -> bool:
    """A word before a surname that can only be a first name: Latin letters only, neither a
    title, rank or role ("sen.", "admiral", "secretary-general", "aide"), nor a nationality
    ("russian"), nor a possessive ("hungary's"): "todd" in "Sen. Todd Young" (not Shalanda Young)."""
    if not re.fullmatch(r"[a-z]{2,}", word):
        return False
    return word not in NOT_FIRST_NAMES and not re.search(r"(?:an|ese|ish|i)$", word)


def initials_fit(actor: dict, speaker: str) -> bool:
    """False when the initials written before a surname ("Н.Иванов") cannot be the actor's: none
    of the registry's spellings of the actor in that alphabet starts its first name with them.
    True when the speaker has no initials or the registry gives no first name to compare."""
    found = INITIALS.match(unicodedata.normalize("NFKC", str(speaker or "")))
    if not found:
        return True
    initial = found.group(1).strip()[0].casefold()
    cyrillic = bool(CYRILLIC.match(initial))
    firsts = set()
    for alias in [actor["name"], *actor.get("aliases", [])]:
        words = alias.split()
        if len(words) >= 2 and len(words[0].rstrip(".")) >= 2 and bool(CYRILLIC.match(words[0])) == cyrillic:
            firsts.add(words[0][0].casefold())
        held = INITIALS.match(alias)
        if held and bool(CYRILLIC.match(held.group(1))) == cyrillic:
            firsts.add(held.group(1).strip()[0].casefold())
    return not firsts or initial in firsts


def _by_initials(candidates: tuple, speaker: str) -> Match | None:
    """Of actors sharing a surname, the only one that "К.Титов" can be by its initials; for a
    speaker written without initials, the only one the registry does not know by initials alone
    (a participant the texts name "К.Титов" is not the "Титов" of a news story). None otherwise."""
    if INITIALS.match(unicodedata.normalize("NFKC", str(speaker or ""))):
        fitting = [a for a in candidates if initials_fit(a, speaker)]
    else:
        fitting = [a for a in candidates if not (INITIALS.match(a["name"]) and CYRILLIC.search(a["name"]))]
    return Match(fitting[0], matched_by="alias") if len(fitting) == 1 else None


# A Russian woman's surname in the nominative, as a transcript label writes it ("Д.Дмитриева").
FEMININE_SURNAME = re.compile(r"(?:[оеё]ва|[иы]на|ская|цкая)$")


def woman_named_for_man(actor: dict, name: str, label: bool) -> bool:
    """True when ``name`` is a woman's and ``actor`` the man of that surname ("Дмитриев", whose
    genitive "Дмитриева" is spelt like the woman's name): a transcript ``label`` ("Д.Дмитриева") is
    in the nominative, and so is a full name whose first name is not the man's ("Дарья Дмитриева",
    not "Кирилла Дмитриева")."""
    words = LEADING_INITIALS.sub("", unicodedata.normalize("NFKC", str(name or ""))).split()
    if not words or not CYRILLIC.search(words[-1]) or not FEMININE_SURNAME.search(words[-1].lower()):
        return False
    if not label:
        firsts = {fold_case_endings(a.split()[0]) for a in [actor["name"], *actor.get("aliases", [])] if " " in a}
        if len(words) < 2 or fold_case_endings(words[-2]) in firsts:
            return False
    surname = words[-1].lower().replace("ё", "е")
    masculine = {surname[:-1], surname[:-2] + "ий"}
    spelt = {w.lower().replace("ё", "е") for a in [actor["name"], *actor.get("aliases", [])] for w in a.split()[-1:]}
    return bool(spelt & masculine) and surname not in {w for a in actor.get("aliases", []) if " " in a
                                                      for w in a.lower().split()[-1:]}


def before_first_name_and_patronymic(key: str) -> str:
    """A Kremlin label that repeats the page's tooltip ("бастрыкин бастрыкин александр иванович
    председатель …"): the words before its last first name and patronymic, where the surname is;
    "" when there is no patronymic or nothing before it."""
    found = list(FIRST_AND_PATRONYMIC.finditer(key))
    return key[:found[-1].start()].strip(" .,") if found else ""


def before_repeated_surname(key: str) -> str:
    """A name the page's tooltip repeats in running text ("реджеп тайип эрдоган эрдоган реджеп
    тайип президент …", "тамим бен хамад аль тани аль тани …"): the words up to the first
    surname; "" when no word or pair of words is written twice in a row."""
    words = key.split(" ")
    for k in range(1, len(words)):
        for n in (1, 2):
            if k + 2 * n <= len(words) and words[k:k + n] == words[k + n:k + 2 * n]:
                return " ".join(words[:k + n])
    return ""


def _bare_place(name: str) -> str:
    """A place or institution folded for lookup: "The Kremlin" -> "kremlin"."""
    return re.sub(r"^the ", "", normalise(name))


def _fold(name: str) -> str:
    return " ".join(fold_case_endings(w) for w in name.split(" "))
