"""The actors registry: who is who, in which camp, holding which office when.

``data/actors.yml`` (plus any files a reporter adds, see ``load_registry``) lists camps, actors with
their aliases and dated roles, titles that stand for an office holder ("THE PRESIDENT", "the Russian
president") and rules for unnamed sources ("a senior Russian lawmaker" -> Kremlin). ``Registry.match``
finds the actor a speaker's name stands for (alias, place, title on a date, role, fuzzy match, rule);
a file with mistakes is refused with every problem named by file and line (:class:`RegistryError`;
the files are read and checked by ``kit.registry_files``, names folded by ``kit.names``).
``kit.speakers`` uses it to attribute statements.
"""
from __future__ import annotations

import re
import unicodedata
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd
from rapidfuzz import fuzz, process

from .config import data_path
from .coref import ROLE_SYNONYMS, TITLES
from .cues import load_lexicon
from .language import CYRILLIC, fold_case_endings
from .names import INITIALS, LEADING_INITIALS, bare_place, initials_fit, normalise, without_controls
from .table import web_site
from .registry_files import DEFAULT_MATCHING, FALLBACK_CAMP, Problem, RegistryError, checked_registry

# The camp of a joint statement whose participants are not all of one camp ("the two leaders"
# after a Putin-Macron call); the registry may give it its own label and colour.
JOINT_CAMP = "joint"
JOINED = "; "
PRONOUNS = {"he", "she", "they", "i", "we", "it", "you", "me", "us", "them", "him", "her"}
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
# A Russian first name and patronymic ("Эльвира Сахипзадовна", "Александр Иванович"): the Kremlin's
# pages repeat a person's tooltip ("Набиуллина Эльвира Сахипзадовна", then an office) in a label.
PATRONYMIC = re.compile(r"[а-яё](?:вич|вна|ична|инична|ьич)$")
FIRST_AND_PATRONYMIC = re.compile(r"(?:^|\s)[а-яё]+\s+[а-яё]+(?:вич|вна|ична|инична|ьич)\b\.?")


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
    # camp id -> patterns on a text's source or web site: where that camp publishes in its own name
    publishers: list[tuple[str, tuple[re.Pattern, ...]]] = field(default_factory=list)
    # bodies and officials a publisher leaves unnamed ("The Task Force"), who speak for it
    house_speakers: list[dict] = field(default_factory=list)
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
            self._places = {bare_place(p): a for a in self.actors for p in a.get("places", [])}
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

    def publishing_camp(self, source: str, url: str) -> str:
        """The camp id that published a text in its own name (``publishers`` in ``data/actors.yml``,
        matched on the source and on the link's web site, e.g. en.kremlin.ru); "" for a text of no
        camp (news)."""
        site = web_site(url)
        for camp, patterns in self.publishers:
            if any(p.search(source or "") or (site and p.search(site)) for p in patterns):
                return camp
        return ""

    def house_speaker(self, speaker: str) -> bool:
        """True when ``speaker`` is one of the bodies or officials a publisher leaves unnamed
        ("The Task Force", "a senior administration official", "Infrastructure Coordinator X"), and
        naming no other country ("unless": "the Turkish Foreign Ministry" is not the Kremlin's)."""
        speaker = speaker or ""
        return any(h["_regex"].search(speaker) and not (h["_unless"] and h["_unless"].search(speaker))
                   for h in self.house_speakers)

    def match(self, speaker: str, when: pd.Timestamp | None = None, context: str = "", publisher: str = "") -> Match:
        """Who ``speaker`` is: a registered actor, an office holder on ``when``, or a camp by rule.

        ``context`` is the article's source and url; titles with a ``where`` pattern only apply
        when it matches (so "THE PRESIDENT" is the US president only in a White House document).
        ``publisher`` is the camp id that published the text (``publishing_camp``): a body or
        official it leaves unnamed and no rule places ("The Task Force agreed") is that camp's.
        """
        speaker = without_controls(speaker)
        key = normalise(speaker)
        if not key:
            return Match()
        place = self.place_index().get(bare_place(key))
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
        if camp is None and publisher and self.house_speaker(speaker):
            return Match(None, publisher, "", "publisher")
        return Match(None, camp or FALLBACK_CAMP, "", "rule" if camp else "")

    def match_joint(self, names: list[str], when: pd.Timestamp | None = None, context: str = "",
                    publisher: str = "") -> tuple[Match, str]:
        """A statement several people made together ("the two leaders"): a Match whose camp is
        the one they share, else ``joint``, and every participant "; "-joined (registry names
        where known). Its actor is set only when the registry knows every participant."""
        found = [(n, self.match(n, when, context, publisher)) for n in names]
        actors = [m.actor for _, m in found]
        credited = JOINED.join(dict.fromkeys(m.actor["name"] if m.actor else n for n, m in found))
        camps = {m.camp for _, m in found}
        camp = camps.pop() if len(camps) == 1 and all(actors) else JOINT_CAMP
        if all(actors):
            joint = {"name": JOINED.join(dict.fromkeys(a["name"] for a in actors)), "camp": camp, "roles": []}
            return Match(joint, camp, "", "joint"), credited
        return Match(None, camp, "", "joint"), credited

    def office_match(self, name: str, text: str, when: pd.Timestamp | None = None, context: str = "",
                     publisher: str = "") -> Match:
        """The camp of a person the registry does not know, from the office the text names them
        with ("Head of the Federal Taxation Service Daniil Yegorov" -> kremlin, by the rule for
        Russian federal bodies), that office as the role, matched by "office"; an empty Match
        when the text gives no office or no rule places it."""
        office = introduced_office(text, name)
        if not office:
            return Match()
        found = self.match(office, when, context, publisher)
        if found.actor is not None or found.matched_by not in {"rule", "publisher"}:
            return Match()  # an office someone holds is that person's, not this one's
        return Match(None, found.camp, office, "office")

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
                if len(index[alias]) > 1 or not self._surnames_alike(query, alias):
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

    def _surnames_alike(self, query: str, alias: str) -> bool:
        """Whether the last words are close on their own: a title or first name both share
        ("president lincoln", "president clinton") must not carry two different surnames over."""
        bar = self.matching.get("surname_threshold", DEFAULT_MATCHING["surname_threshold"])
        return fuzz.ratio(query.split(" ")[-1], alias.split(" ")[-1]) >= bar

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


# Title-case words and the small words inside an office ("Head of the Federal Taxation Service").
OFFICE_WORDS = r"(?:[A-Z][\w’'\-]*|of|the|for|and|on)"
OFFICE_BEFORE = re.compile(rf"(?<![\w’'])((?:{OFFICE_WORDS} ){{2,12}})$")


@lru_cache(maxsize=4096)
def introduced_office(text: str, name: str) -> str:
    """The office written right before the first mention of ``name`` in ``text`` that has one
    ("... a working meeting with Head of the Federal Taxation Service Daniil Yegorov" -> "Head of
    the Federal Taxation Service"), from its first capitalised word; "" when none is."""
    if not name or len(name.split()) < 2 or not text:
        return ""
    at = text.find(name)
    while at >= 0:
        m = OFFICE_BEFORE.search(text, max(0, at - 200), at)
        words = _from_role_word(m.group(1).split() if m else [])
        while words and words[-1] in {"of", "the", "for", "and", "on"}:
            words = words[:-1]
        if len(words) >= 3 and "of" in words:
            return " ".join(words)
        at = text.find(name, at + len(name))
    return ""


def _from_role_word(words: list[str]) -> list[str]:
    """The words of an office from its first role word (``label_roles``: "Head", "Director",
    "Prime Minister"), so that what stands before it ("in the Kremlin President of the Republic
    of Finland") is no part of it; [] when no role word is there."""
    roles = load_lexicon().label_roles
    first = next((i for i, w in enumerate(words) if w.lower().split("-")[0] in roles), None)
    if first is None:
        return []
    while first and " ".join(words[first - 1:first + 1]).lower() in roles:
        first -= 1  # "Prime Minister"
    return words[first:]


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


def load_registry(paths: list[str | Path] | None = None, strict: bool = False) -> Registry:
    """The actor registry from ``data/actors.yml`` plus any further files given (merged in order).

    A later file may add camps, titles, rules and actors; an actor with the same name as an
    earlier one replaces it. A malformed entry is left out and reported (as a warning, and in
    ``registry.problems``) with its file and line; ``strict=True`` raises RegistryError instead.
    A file that is not YAML at all always raises RegistryError.
    """
    parts = checked_registry([data_path("actors.yml"), *(Path(p) for p in (paths or []))])
    problems = parts["problems"]
    if problems and strict:
        raise RegistryError("\n".join(str(p) for p in problems))
    for problem in problems:
        warnings.warn(f"actor registry: {problem}", stacklevel=2)
    return Registry(**parts)


# -- attributing statements --------------------------------------------------------------------
def _written_first_name(word: str) -> bool:
    """A word before a surname that can only be a first name: Latin letters only, neither a
    title, rank or role ("sen.", "admiral", "secretary-general", "aide"), nor a nationality
    ("russian"), nor a possessive ("hungary's"): "todd" in "Sen. Todd Young" (not Shalanda Young)."""
    if not re.fullmatch(r"[a-z]{2,}", word):
        return False
    return word not in NOT_FIRST_NAMES and not re.search(r"(?:an|ese|ish|i)$", word)


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


def _fold(name: str) -> str:
    return " ".join(fold_case_endings(w) for w in name.split(" "))
