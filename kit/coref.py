"""Rule-based, in-article speaker resolution for the quote engine (kit.quotes).

No offline coreference model works with this stack, so the kit resolves speakers with rules a
reporter can follow:

* a pronoun (he, she) -> the nearest named person before it that fits its gender (titles
  "Mr."/"Ms.", first names in ``data/speech_verbs.yml``), never a name inside a quotation;
* a surname or title ("Trump", "Mr. Trump", "President Trump") -> the full name used in the
  article ("Donald Trump");
* a role ("the spokesman", "the Russian leader") -> the nearest earlier person introduced with
  that role ("Kremlin spokesperson Dmitry Peskov", "Russian President Vladimir Putin");
* anything else (an unnamed source, an institution) stays as the article describes it.

The resolver sees only named entities and plain text, so the fast path (which parses only
paragraphs that can hold a quote) resolves exactly like a full parse.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

TITLES = {
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sen", "sen.", "rep", "rep.",
    "gov", "gov.", "gen", "gen.", "president", "senator", "representative", "governor",
    "secretary", "minister", "prime", "chancellor", "speaker", "leader", "judge", "justice",
    "ambassador", "adviser", "advisor", "spokesman", "spokeswoman", "spokesperson", "director",
    "chairman", "chairwoman", "chair", "mayor", "candidate", "nominee", "vice", "former",
    "the", "u.s.", "sir", "lord", "lady", "king", "queen", "pope", "attorney", "general",
}
MALE_TITLES = {"mr", "mr.", "sir", "lord", "king"}
FEMALE_TITLES = {"mrs", "mrs.", "ms", "ms.", "miss", "lady", "queen", "chairwoman", "spokeswoman"}
PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
PERSONAL_PRONOUNS = {"he", "she", "him", "her", "they", "them", "we", "us", "i", "me", "it", "you"}
# Role nouns that name the same office; "the Russian leader" finds "Russian President ... Putin".
ROLE_SYNONYMS = {
    "spokesperson": "spokes", "spokesman": "spokes", "spokeswoman": "spokes",
    "leader": "leader", "president": "leader", "premier": "leader", "chancellor": "leader",
    "prime": "leader", "king": "leader", "senator": "senator", "sen.": "senator",
    "congressman": "lawmaker", "congresswoman": "lawmaker", "lawmaker": "lawmaker",
    "rep.": "lawmaker", "representative": "lawmaker", "secretary": "secretary",
    "minister": "minister", "governor": "governor", "gov.": "governor", "candidate": "candidate",
    "nominee": "candidate", "mayor": "mayor", "ambassador": "ambassador", "adviser": "adviser",
    "advisor": "adviser", "director": "director", "chairman": "chair", "chairwoman": "chair",
}
WORD = re.compile(r"[\w.'’\-]+")


@dataclass
class Person:
    """A named person seen in the article."""
    start: int
    end: int
    name: str          # as written, without title or possessive
    full: str          # the fullest form of the name used in the article
    gender: str        # "m", "f" or ""
    roles: frozenset   # role classes and nationality words before or after the name


def clean_name(name: str) -> str:
    """A person's name without leading titles and a trailing possessive."""
    name = re.sub(r"(’s|'s|’|')$", "", name.strip())
    words = name.split()
    while len(words) > 1 and words[0].lower() in TITLES:
        words = words[1:]
    return " ".join(words)


def _words_before(text: str, start: int, n: int = 4) -> list[str]:
    window = text[max(0, start - 60):start]
    window = re.split(r"[,;:()\n“”\"]", window)[-1]
    return WORD.findall(window)[-n:]


def _words_after(text: str, end: int) -> list[str]:
    m = re.match(r",\s+(?:the|a|an)?\s*([^,;\n]{0,60}?)(?:,|\.|;|$)", text[end:end + 80])
    return WORD.findall(m.group(1)) if m else []


def _roles(words: list[str]) -> frozenset:
    out = set()
    for w in words:
        lw = w.lower()
        if lw in ROLE_SYNONYMS:
            out.add(ROLE_SYNONYMS[lw])
        elif w[:1].isupper() and lw not in TITLES:
            out.add(lw)  # "Russian", "Kremlin", "White House"
    return frozenset(out)


class Resolver:
    """Resolves speaker mentions within one article (see module docstring)."""

    def __init__(self, text: str, person_spans: list[tuple[int, int]], blocked: list[tuple[int, int]],
                 female_names: frozenset[str] = frozenset(), male_names: frozenset[str] = frozenset()):
        self.text = text
        self.female, self.male = female_names, male_names
        people = []
        for s, e in sorted(set(person_spans)):
            s += len(text[s:e]) - len(text[s:e].lstrip())
            if any(bs <= s < be for bs, be in blocked):
                continue
            name = clean_name(text[s:e])
            if not name or not name[0].isupper():
                continue
            before = _words_before(text, s)
            people.append(Person(s, e, name, name, self._gender(name, before), _roles(before + _words_after(text, e))))
        self.people = people
        for p in people:
            p.full = self.full_name(p.name, p.start)
            if not p.gender:
                p.gender = self._gender(p.full, [])
        self.mentions: dict[str, int] = {}
        for p in people:
            self.mentions[p.full] = self.mentions.get(p.full, 0) + 1
        # a person's gender is the one any mention of the same full name shows
        genders: dict[str, str] = {}
        for p in people:
            if p.gender:
                genders.setdefault(p.full, p.gender)
        for p in people:
            p.gender = p.gender or genders.get(p.full, "")

    def _gender(self, name: str, before: list[str]) -> str:
        titles = {w.lower() for w in before[-2:]}
        if titles & MALE_TITLES:
            return "m"
        if titles & FEMALE_TITLES:
            return "f"
        first = name.split()[0] if name else ""
        if len(name.split()) > 1:
            if first in self.female:
                return "f"
            if first in self.male:
                return "m"
        return ""

    def full_name(self, name: str, at: int) -> str:
        """The fullest name in the article that ends with this name's surname (earlier first)."""
        words = name.split()
        if not words:
            return name
        surname = words[-1]
        best_before, best_any = None, None
        for p in getattr(self, "people", []):
            pw = p.name.split()
            if pw and pw[-1] == surname and len(pw) > len(words):
                if p.start < at and (best_before is None or len(pw) > len(best_before.split())):
                    best_before = p.name
                if best_any is None or len(pw) > len(best_any.split()):
                    best_any = p.name
        return best_before or best_any or name

    def person_in(self, start: int, end: int, head_at: int = -1) -> Person | None:
        """The named person a mention [start, end) is about: the one holding its head word,
        else the first that is not a possessive ("Fairhaven's treasurer, Paul Ortega")."""
        inside = [p for p in self.people if p.start < end and start < p.end]
        for p in inside:
            if p.start <= head_at < p.end:
                return p
        for p in inside:
            if not re.match(r"\s*(’s|'s)\b", self.text[p.end:p.end + 3]) and not self.text[p.start:p.end].endswith(("'s", "’s")):
                return p
        return inside[0] if inside else None

    def pronoun(self, word: str, at: int) -> str:
        """The nearest earlier person a he/she can refer to, '' when none. A person whose gender
        is known, or who is named more than once, is preferred to a one-off name of unknown
        gender (often a place the tagger took for a person)."""
        gender = PRONOUN_GENDER.get(word.lower(), "")
        fallback = ""
        for p in reversed(self.people):
            if p.end > at or (gender and p.gender and p.gender != gender):
                continue
            if p.gender or self.mentions.get(p.full, 0) > 1:
                return p.full
            fallback = fallback or p.full
        return fallback

    def role(self, words: list[str], at: int) -> str:
        """The nearest earlier person introduced with this role ("the Russian leader")."""
        wanted = _roles(words)
        classes = {ROLE_SYNONYMS[w.lower()] for w in words if w.lower() in ROLE_SYNONYMS}
        if not classes:
            return ""
        for p in reversed(self.people):
            if p.end <= at and wanted <= p.roles:
                return p.full
        return ""

    def surname(self, word: str, at: int) -> str:
        """A bare surname the parser left untagged -> the full name, '' when unknown."""
        for p in reversed(self.people):
            if p.name.split()[-1] == word:
                return p.full
        return ""

    def resolve(self, mention: str, start: int, head: str, head_at: int = -1) -> str:
        """The speaker for a mention starting at ``start`` whose head word is ``head``
        (at character ``head_at``)."""
        if not mention:
            return ""
        lhead = head.lower()
        if lhead in PERSONAL_PRONOUNS:
            return self.pronoun(lhead, start) if lhead in PRONOUN_GENDER else ""
        person = self.person_in(start, start + len(mention), head_at)
        if person is None:  # "Fairhaven's treasurer, Paul Ortega, told ...": the name in apposition
            end = start + len(mention)
            person = next((p for p in self.people if end < p.start <= end + 3
                           and self.text[end:p.start].strip() == ","), None)
        if person is not None:
            return person.full
        words = WORD.findall(mention)
        if words and words[0].lower() == "the" and len(words) <= 4:
            found = self.role(words[1:], start)
            if found:
                return found
        if head[:1].isupper() and len(words) <= 3:
            found = self.surname(head, start)
            if found:
                return found
        return mention
