"""Rule-based, in-article speaker resolution for the quote engine (kit.quotes).

No offline coreference model works with this stack, so the kit resolves speakers with rules a
reporter can follow:

* a pronoun (he, she) -> the nearest named person before it that fits its gender (titles
  "Mr."/"Ms.", first names in ``data/speech_verbs.yml``), never a name inside a quotation;
* a surname or title ("Trump", "Mr. Trump", "President Trump") -> the full name used in the
  article ("Donald Trump");
* a role ("the spokesman", "the Russian leader") -> the nearest earlier person introduced with
  that role ("Kremlin spokesperson Dmitry Peskov", "Russian President Vladimir Putin");
* "I", "we", "my government" outside quotations and turns -> the author a document names at its
  top ("By the President of the United States of America"), else, in a text written in the
  first person (a speech printed without a label), the subject of its first sentence ("Vladimir
  Putin sent ...", "The President addressed ...") or the author its headline names ("Remarks by
  ...", "Jane Doe: Why We Must Act"); in a joint statement, every participant its opening names;
* a bare title ("the Secretary") with no person introduced with it -> the office the text spelt
  out ("the Secretary of Commerce"), for the registry to name its holder;
* "the message", "the statement", "the letter" -> whoever the text says sent it ("Vladimir
  Putin sent a message of greetings ..."); the lexicon's ``medium_nouns`` and ``sender_verbs``;
* "the leaders", "the two presidents", "both sides" (``joint_subjects``), and "they" right after
  such a subject -> every participant the text introduced, "; "-joined ("Vladimir Putin;
  Emmanuel Macron"): the people its first sentence names, and a title that opens it; so is a
  statement that names nobody ("It was agreed that ...") in a readout where no person is the
  subject of a cue;
* anything else (an unnamed source, an institution) stays as the article describes it, and
  the registry (``kit.speakers``) decides what a title or place stands for.

The resolver sees only named entities and plain text, so the fast path (which parses only
paragraphs that can hold a quote) resolves exactly like a full parse. What it reads off the whole
text (the first person, the opening's participants and groups, a document's sender) is its base
class, ``kit.coref_document.DocumentSpeakers``.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .coref_document import COUNTS, SENTENCE_END, TITLES, DocumentSpeakers, bare_name
from .cues import load_lexicon
from .spans import Spans

MALE_TITLES = {"mr", "mr.", "sir", "lord", "king"}
FEMALE_TITLES = {"mrs", "mrs.", "ms", "ms.", "miss", "lady", "queen", "chairwoman", "spokeswoman"}
# possessives too: a claim noun's owner ("his promise to ...", "their plan to ...") is its speaker
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
PERSONAL_PRONOUNS = {"he", "she", "him", "his", "her", "they", "them", "their", "we", "us", "i", "me", "it", "you"}
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
FIRST_PERSON = {"i", "we", "me", "us", "my", "our", "myself", "ourselves"}
# "my government", "our side": the speaker's own side speaking, not someone else ("our partners").
SPEAKER_BODIES = {"government", "administration", "side", "delegation", "country", "office", "team", "state"}
# What may stand before a joint subject's noun: "the two leaders", "both sides", not "European
# leaders" (someone else's leaders).
JOINT_DETERMINERS = {"the", "both", "all", "their", *COUNTS}
# What may follow it: names, and "heads of state / government"
JOINT_AFTER = {"of", "and", "the", "state", "government"}
# A share of the people a poll asked ("76%", "54 percent", "two-thirds", "a plurality"), and the
# poll the text names ("a new poll by Acme Research", "the latest Acme survey").
SHARE = re.compile(r"(?i:(?:\d[\d.,]*\s?(?:%|percent)?|(?:\w+-)?(?:thirds|quarters|fifths)"
                   r"|(?:a |the )?(?:majority|plurality)|most|half))")
POLL = re.compile(r"\b(?:poll|survey)\s+(?:by|from|of|conducted by)\s+(?:the\s+)?"
                  r"(?P<by>[A-Z][\w&.’'\-]*(?:[ \-][A-Z][\w&.’'\-]*)*)"
                  r"|(?P<named>[A-Z][\w&.’'\-]*(?: [A-Z][\w&.’'\-]*)*) (?:poll|survey)\b")
# "the network", "the company": an organisation the text named just before.
ORGANISATION_NOUNS = {"network", "company", "firm", "newspaper", "paper", "broadcaster", "channel", "station",
                      "outlet", "bank", "agency", "bureau"}
# Bodies a text names once in full and then by their head word: "The Department of Education ...
# The Department has committed to ...".
BODY_HEADS = {"department", "ministry", "commission", "committee", "council", "office", "service"}
# A gathering that "showed" or "underscored" something stands for who took part in it ("The talks
# were constructive, underscoring the shared commitment ...", "The discussions showed progress").
GATHERING_NOUNS = {"talks", "discussions", "consultations", "negotiations", "meeting", "session", "summit"}
POLL_WORDS = {"the", "a", "an", "this", "that", "new", "latest", "recent", "one", "another"}
# What opens a mention of a document: "the report", "A 2016 report", "One article".
DOCUMENT_DETERMINERS = {"the", "a", "an", "one", "this", "that", "another"}
# A capitalised title as the subject of a verb in a document's prose ("the Secretary recommended
# ..., and he recommended ...", "the President of Russia noted. He expressed ..."): what "he" or
# "she" after it stands for when no person comes after it. Not a name's title ("the President
# Donald Trump"), a possessive ("the President's remark") or an object ("reported to the President").
BARE_TITLE = re.compile(r"\b[Tt]he (?P<title>[A-Z][a-z]+)(?: of (?:the )?[A-Z][\w\-]*(?: [A-Z][\w\-]*)*)?(?=\s+[a-z])")
# What a clause's subject follows: the start of a sentence or clause, a quotation's end, "and".
CLAUSE_OPENS = re.compile(r"(?:^|[.,;:!?”\"]|\band)\s*$")
OFFICE_RUN = re.compile(r"(?:[A-Z][\w'’\-]*|of|the|and)(?: (?:[A-Z][\w'’\-]*|of|the|and))*")


@dataclass(frozen=True)
class CorefWords:
    """The resolver's lexicon, from ``data/speech_verbs.yml``: plural nouns for the sides of a
    meeting (``joint_subjects``), nouns for what is sent (``medium_nouns``) and the forms of
    verbs that send it (``sender_verbs``), and nouns for documents that speak without being a
    person (``text_nouns``: "report", "study"), whose author is their speaker."""
    joint: frozenset = frozenset()
    media: frozenset = frozenset()
    senders: frozenset = frozenset()
    documents: frozenset = frozenset()


def coref_words() -> CorefWords:
    """The resolver's lexicon (see :class:`CorefWords`), from ``kit.cues``."""
    lex = load_lexicon()
    return CorefWords(lex.joint_subjects, lex.medium, lex.sender_verbs, lex.text_nouns - lex.medium)


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
    window = text[max(0, start - 120):start]
    parts = re.split(r"[,;:()\n“”\"]", window)
    words = WORD.findall(parts[-1])
    if not words and len(parts) > 1 and window.rstrip().endswith(","):
        words = _role_in_apposition(WORD.findall(parts[-2]))
    k = max(0, len(words) - n)
    # "Governor of the Yamalo-Nenets Autonomous Area Dmitry Artyukhov": an office written out in
    # capitals runs further left than four words
    while 0 < k and len(words) - k < 10 and all(_in_office(w) for w in words[k - 1:]):
        k -= 1
    return words[k:]


APPOSITION_BREAKS = {"to", "with", "after", "before", "about", "from", "by", "at", "in", "on", "said", "says", "told", "and"}


def _role_in_apposition(words: list[str]) -> list[str]:
    """The words of a role set before a name in apposition ("Brandt's spokesman, Paul Ortega",
    "the council's chief spokeswoman, ..."): the last few words before the comma when they end
    in a role noun and hold no word that starts a phrase of its own ("After talking to the mayor,
    Paul Ortega said" gives Ortega no office); else none."""
    words = words[-4:]
    if not words or words[-1].lower() not in ROLE_SYNONYMS or any(w.lower() in APPOSITION_BREAKS for w in words):
        return []
    return words


def _title_run(words: list[str]) -> list[str]:
    """The words right before a name that can be its title ("Governor of the Astrakhan Region",
    "the Russian leader", "Republican presidential nominee"): those after the last word that is
    neither part of an office, nor a role word, nor a lower-case word before a lower-case word of
    the title ("the Governor thanked [Vladimir Putin]" gives Putin no title)."""
    k = len(words)
    while k and (_in_office(words[k - 1]) or words[k - 1].lower() in ROLE_SYNONYMS
                 or (k < len(words) and words[k - 1].islower() and words[k].islower())):
        k -= 1  # a lower-case word only before a lower-case one of the title ("presidential nominee")
    return words[k:]


def _in_office(word: str) -> bool:
    return word[:1].isupper() or word.lower() in {"of", "the", "and", "for", "on"}


# Words that may follow a role noun inside an apposition ("a spokesman for the campaign").
ROLE_CONNECTORS = {"of", "for", "at", "to", "in", "on", "the", "and", "with", "from"}
# Words that make what follows a name's comma a clause, not an apposition (with past forms in -ed).
CLAUSE_WORDS = {"said", "says", "told", "wrote", "him", "her", "them", "that", "is", "was", "has", "had", "will"}


def _words_after(text: str, end: int) -> list[str]:
    """The words of an apposition after a name ("Paul Ortega, the city's treasurer, said"); none
    when a verb follows the role noun, or comes without one, which makes them the next clause
    ("greetings to Prime Minister Justin Trudeau, the Russian President wished him ..." gives
    Trudeau no role, nor "Russia" to a president greeted in "..., Vladimir Putin noted that Russia ...")."""
    m = re.match(r",\s+(?:the|a|an)?\s*([^,;\n]{0,60}?)(?:,|\.|;|$)", text[end:end + 80])
    words = WORD.findall(m.group(1)) if m else []
    roles = [k for k, w in enumerate(words) if w.lower() in ROLE_SYNONYMS]
    after = words[roles[-1] + 1:] if roles else words
    if (roles and after and after[0].islower() and after[0] not in ROLE_CONNECTORS) or any(
            w.islower() and (w.endswith("ed") or w in CLAUSE_WORDS) for w in after):
        # "..., the President of Russia emphasised that ...", and with no role at all "greetings to
        # President Joseph Biden, Vladimir Putin noted that Russia ...": the next clause's words
        return []
    return words


def _roles(words: list[str]) -> frozenset:
    out = set()
    for w in words:
        lw = w.lower()
        if lw in ROLE_SYNONYMS:
            out.add(ROLE_SYNONYMS[lw])
        elif w[:1].isupper() and lw not in TITLES:
            out.add(lw)  # "Russian", "Kremlin", "White House"
    return frozenset(out)


def persons_inside(text: str, persons: list[tuple[int, int]], others: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Names the tagger merged into a longer entity ("Kamchatka Territory Vladimir Solodov", an
    ORG): the end of such an entity that is, word for word, a person named elsewhere in the text."""
    names = {clean_name(text[s:e]) for s, e in persons}
    names = {n for n in names if len(n.split()) >= 2}
    found = []
    for s, e in others:
        span = text[s:e]
        # the longest name the entity ends with, after a space: its suffixes, not every name
        name = next((span[i + 1:] for i, ch in enumerate(span) if ch == " " and span[i + 1:] in names), None)
        if name is not None:
            found.append((e - len(name), e))
    return found


def office_holders(text: str, roles: frozenset[str], persons: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """People named after their office the way official readouts write them ("a telephone
    conversation with President of the People's Republic of China Xi Jinping", "Prime Minister
    Ishiba Shigeru"), where the tagger found no person: the two capitalised words that end a run
    opening with an office word (``label_roles``), when at least one more word of the place
    stands between them and "of"; or the two or three words right after an office. The run may
    open with another name and "and" ("Vladimir Putin and Prime Minister of ... Nikol Pashinyan")."""
    found = []
    named = Spans(persons)
    for m in OFFICE_RUN.finditer(text):
        words = m.group().split(" ")
        first = next((i for i, w in enumerate(words[:3]) if w.lower() in roles), None)  # "Federal Chancellor of ..."
        if first is None:  # "Vladimir Putin and Prime Minister of the Republic of Armenia Nikol Pashinyan discussed"
            office = next((i for i in range(1, len(words)) if words[i].lower() in roles and "and" in words[max(0, i - 2):i]), None)
            first = None if office is None else max(j for j in range(office) if words[j] == "and") + 1
        words = words[first:] if first is not None else []
        if "of" not in words and 2 <= len(words) - 1 <= 3 and all(w.lower() not in roles for w in words[1:]):
            start = m.end() - len(" ".join(words[1:]))  # "Prime Minister Ishiba Shigeru": the name after the office
            if not named.overlapping(start, m.end()):
                found.append((start, m.end()))
            continue
        if len(words) < 5 or "of" not in words:
            continue
        if named.overlapping(m.end() - len(" ".join(words)), m.end() - len(" ".join(words[words.index("of"):]))):
            continue  # "Prime Minister Jacinda Ardern of Aotearoa New Zealand": named before the place
        place = words[len(words) - 1 - words[::-1].index("of") + 1:]
        place = place[1:] if place and place[0] == "the" else place
        if len(place) < 3 or not all(w[:1].isupper() for w in place[-2:]):
            continue
        start = m.end() - len(" ".join(words[-2:]))
        if not named.overlapping(start, m.end()):
            found.append((start, m.end()))
    return found


class Resolver(DocumentSpeakers):
    """Resolves speaker mentions within one article (see module docstring)."""

    def __init__(self, text: str, person_spans: list[tuple[int, int]], blocked: list[tuple[int, int]],
                 female_names: frozenset[str] = frozenset(), male_names: frozenset[str] = frozenset(),
                 words: CorefWords | None = None, title: str = "",
                 organisations: list[tuple[int, int]] | None = None,
                 places: list[tuple[int, int]] | None = None):
        self.text = text
        self.organisations = sorted(organisations or [])
        self.places = sorted(places or [])
        self.title = title or ""
        self.female, self.male = female_names, male_names
        self.words = words or coref_words()
        self.blocked = blocked
        self._first_person: bool | None = None
        self._intros: list[re.Match] | None = None
        self._host: tuple[str, list[str]] | None = None
        self._self_named: str | None = None
        self._offices: dict[str, tuple[re.Pattern, list[re.Match], list[int]]] = {}
        people = []
        not_prose = self._not_prose = Spans(blocked)
        for s, e in sorted(set(person_spans)):
            s += len(text[s:e]) - len(text[s:e].lstrip())
            if not_prose.holding(s):
                continue
            name = clean_name(text[s:e])
            if not name or not name[0].isupper():
                continue
            if len(name.split()) > 2 and re.search(r"\b[A-Z][\w\-]* of (?:the )?$", text[max(0, s - 40):s]):
                # "President of Belarus Alexander Lukashenko", tagged from "Belarus" on
                s += len(name.split()[0]) + 1
                name = name.split(" ", 1)[1]
            before = _words_before(text, s)
            people.append(Person(s, e, name, name, self._gender(name, before),
                                 _roles(_title_run(before) + _words_after(text, e))))
        self.people = people
        self._spans = Spans((p.start, p.end) for p in people)
        # per surname, in order of start: where each mention starts and the fullest name so far (the
        # earliest of the longest), so full_name looks up one surname instead of every person
        self._by_surname: dict[str, tuple[list[int], list[str]]] = {}
        for p in people:
            if p.name.split():
                starts, fullest = self._by_surname.setdefault(p.name.split()[-1], ([], []))
                best = fullest[-1] if fullest else ""
                starts.append(p.start)
                fullest.append(p.name if len(p.name.split()) > len(best.split()) else best)
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
        starts, fullest = getattr(self, "_by_surname", {}).get(words[-1], ([], []))
        before = bisect_left(starts, at)
        for best in ([fullest[before - 1]] if before else []) + fullest[-1:]:
            if len(best.split()) > len(words):
                return best
        return name

    def person_in(self, start: int, end: int, head_at: int = -1) -> Person | None:
        """The named person a mention [start, end) is about: the one holding its head word,
        else the first that is not a possessive ("Fairhaven's treasurer, Paul Ortega")."""
        inside = [self.people[i] for i in self._spans.overlapping_positions(start, end)]
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

    def title_before(self, at: int) -> re.Match | None:
        """A capitalised title as a subject ("the Secretary") earlier in the sentence of ``at``,
        with no person named between it and ``at``: what "he" at ``at`` stands for in an official
        document ("the Secretary recommended that I ..., and he recommended ..."); None when there
        is none or a person comes later. Only within one sentence: across sentences a readout
        passes from host to guest and back ("The President suggested ... He noted ...")."""
        para = self.text.rfind("\n", 0, at) + 1
        para = max([para] + [m.end() for m in SENTENCE_END.finditer(self.text, para, at)])
        titles = [m for m in BARE_TITLE.finditer(self.text, para, at)
                  if m.group("title").lower() in ROLE_SYNONYMS and not self._not_prose.holding(m.start())
                  and CLAUSE_OPENS.search(self.text[max(para, m.start() - 40):m.start()])]
        if not titles:
            return None
        last = titles[-1]
        if any(last.end() <= p.start < at for p in self.people):
            return None
        return last

    def organisation(self, at: int, sentences: int = 1) -> str:
        """The organisation "it" at ``at`` speaks for: the last one named before it in its own
        sentence ("NPR ran a feature in which it suggested ...", "Acme opened a plant as it plans
        to ..."), or in the last ``sentences`` of its paragraph ("the network agreed"); "" when
        none is (an "it" a sentence opens is as often a poll or a video)."""
        para = self.text.rfind("\n", 0, at) + 1
        ends = [m.end() for m in SENTENCE_END.finditer(self.text, para, at)]
        since = ends[-sentences] if len(ends) >= sentences else para
        named = [(s, e) for s, e in self.organisations if since <= s and e <= at]
        if not named:
            return ""
        return bare_name(self.text[named[-1][0]:named[-1][1]])

    def body_named(self, head: str, at: int) -> str:
        """The body "the Department" or "the Ministry" at ``at`` stands for: the last organisation
        named before it whose name holds that word ("the Department of Education"); "" when none does."""
        names = (bare_name(self.text[s:e]) for s, e in self.organisations if e <= at)
        named = [n for n in names if head in n.lower().split() and len(n.split()) > 1]  # not "the Department" again
        return named[-1] if named else ""

    def polled(self, mention: str, at: int) -> str:
        """A share of people ("76", "a plurality") in a text that reports a poll before it: the
        share and the poll ("76% (Acme Research poll)"); a poll named by nothing but its
        determiner ("A new poll by Acme Research", "the poll"): the poll it names, or the text
        named before; "" when the text names no poll, and for a poll that has a name."""
        end = at + len(mention)
        share = SHARE.fullmatch(mention.strip()) is not None
        if not share and any(w[:1].isupper() for w in mention.split()[1:]):
            return ""  # "the Los Angeles Times tracking poll" names itself
        own = None if share else POLL.search(self.text, at, end + 60)
        polls = [own] if own is not None and own.start() < end else \
            [m for m in POLL.finditer(self.text, 0, at)
             if (m.group("by") or m.group("named")).lower() not in POLL_WORDS]
        if not polls:
            return ""
        name = f"{polls[-1].group('by') or polls[-1].group('named')} poll"
        if not share:
            return name
        return f"{mention.strip()}{'%' if self.text[end:end + 1] == '%' else ''} ({name})"

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

    def office(self, words: list[str], at: int) -> str:
        """A bare title ("the Secretary") -> the office the text spelt out before it ("the
        Secretary of Commerce"), for the registry to name its holder; "" when none."""
        if len(words) != 1 or words[0].lower() not in ROLE_SYNONYMS:
            return ""
        pattern, matches, ends = self._offices_spelt(words[0])
        before = bisect_right(ends, at)
        found = [m.group() for m in matches[:before]]
        if before < len(matches) and matches[before].start() < at:  # one spelt across the mention: its part before
            cut = pattern.match(self.text[:at], matches[before].start())
            found += [cut.group()] if cut else []
        if not found:
            return ""
        # the office the text speaks of most (a proclamation defines "the Secretary of Commerce
        # (Secretary)" and names others in passing); the first of equals
        counts = {f: found.count(f) for f in found}
        return "the " + max(counts, key=lambda f: (counts[f], -found.index(f)))

    def _offices_spelt(self, title: str) -> tuple[re.Pattern, list[re.Match], list[int]]:
        """Every "<title> of <Place>" in the text, found once per title word (a text says "the
        mayor" thousands of times: searching the text before each would grow with its square)."""
        key = title.lower()
        if key not in self._offices:
            pattern = re.compile(rf"\b(?i:{re.escape(title)}) of (?:the )?[A-Z][\w\-]*(?: (?:and )?[A-Z][\w\-]*)*")
            matches = list(pattern.finditer(self.text))
            self._offices[key] = (pattern, matches, [m.end() for m in matches])
        return self._offices[key]

    def introduced_as(self, noun: str, at: int) -> str:
        """"The editor" -> the unnamed person the text introduced with that noun in the last
        paragraphs before ``at`` ("a 25-year veteran NPR reporter and editor"), when that
        introduction says whose they are (a capitalised word: "NPR", "Russian"), so the registry's
        rules can place them; "" otherwise."""
        since = max(0, at - 1500)
        intro = re.compile(rf"\b[Aa]n? ((?:[\w\-’']+ ){{0,6}}?){re.escape(noun)}\b")
        for m in reversed(list(intro.finditer(self.text, since, at))):
            if self._not_prose.holding(m.start()):
                continue
            if any(w[:1].isupper() for w in m.group(1).split()):
                return m.group()
            return ""
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
        words = WORD.findall(mention)
        if lhead in FIRST_PERSON or (words and words[0].lower() in {"my", "our"} and lhead in SPEAKER_BODIES):
            return self.first_person(start)  # "I", "we", "my government" outside quotes and turns
        if lhead.rstrip(".") in {"jr", "sr"}:  # "President Joseph R. Biden, Jr., spoke": the name it ends
            return next((p.full for p in reversed(self.people) if p.end <= start and not self.text[p.end:start].strip(" ,")), mention)
        if lhead in {"they", "them", "their"}:
            return self.joint_before(start)
        if lhead == "it":
            return self.organisation(start)
        if lhead in ORGANISATION_NOUNS and len(words) == 2 and words[0].lower() == "the":
            found = self.organisation(start, sentences=2)  # "NPR ran ... The network agreed to settle"
            if found:
                return found
        if lhead in BODY_HEADS and len(words) == 2 and words[0].lower() == "the":
            found = self.body_named(lhead, start)  # "The Department of Education ... The Department has committed"
            if found:
                return found
        if SHARE.fullmatch(mention.strip()) or lhead in {"poll", "survey"}:
            found = self.polled(mention, start)
            if found:
                return found
        if lhead in PERSONAL_PRONOUNS:
            if lhead not in PRONOUN_GENDER:
                return ""
            title = self.title_before(start)
            if title is None:
                return self.pronoun(lhead, start)
            # "the President of Russia": an office spelt out is the registry's to name
            return title.group() if " of " in title.group() else self.resolve(title.group(), title.start(), title.group("title"))
        lower = [w.lower() for w in words]
        before = lower[:lower.index(lhead)] if lhead in lower else ["?"]
        after = words[lower.index(lhead) + 1:] if lhead in lower else []
        if lhead in self.words.joint and len(words) <= 8 and before and set(before) <= JOINT_DETERMINERS \
                and all(w[:1].isupper() or w in JOINT_AFTER or w in COUNTS or w in self.words.joint for w in after):
            # "The presidents of Russia and Belarus", "The heads of state", "the presidents of the two
            # countries", not "the leaders of more than 30 countries"
            found = self.joint(words, start)
            if found:
                return found
        if lhead in GATHERING_NOUNS and lower[:1] == ["the"] and len(words) <= 3:
            found = self.unnamed_sides(start)  # "The talks underscored ...": every side of them
            if found:
                return found
        noun = self.document_noun(lhead)
        if noun and words and words[0].lower() in DOCUMENT_DETERMINERS and len(words) <= 4:
            # "the message", "A 2016 report from Office of Personnel Management", "One article"
            found = self.document_author(noun, start, start + len(mention), lower[0] == "the")
            if not found and noun in self.words.media and lower[0] in {"the", "a", "an"}:
                found = self.sender(start)
            if found:
                return found
        listed = self.listed_from(start)
        if listed:  # "Russia and China agreed", "The People's Republic of China, the French Republic, ... consider"
            return listed
        person = self.person_in(start, start + len(mention), head_at)
        if person is None:  # "Fairhaven's treasurer, Paul Ortega, told ...": the name in apposition
            end = start + len(mention)
            person = next((p for p in self.people if end < p.start <= end + 3
                           and self.text[end:p.start].strip() == ","), None)
        if person is not None:
            return person.full
        host, title = self.host()
        if host and len(words) > 1 and lower[0] == "the" and (lower[1:] == title or (lower[1:] == ["president"] and not title)):
            # "The President" in a readout opened by "President Joseph R. Biden, Jr. met ..." or,
            # untitled, by "Vladimir Putin had a telephone conversation with ..."
            return host
        if not host and lower == ["the", "president"] and words[1][0].isupper() and self.protagonist():
            # an official text's capitalised "the President" with no name is the person it opens on
            # ("Vladimir Putin extended his greetings to ... In his greetings to President of the
            # Argentine Republic Alberto Fernandez, Vladimir Putin noted ... The President expressed
            # confidence"), not the last president it greets; news writes "the president"
            return self.protagonist()
        if words and words[0].lower() == "the" and len(words) <= 6:  # "The Head of the Republic"
            found = (self.role(words[1:], start) if len(words) <= 4 else "") or self.headline_guest(words[1:])
            if not found and len(words) <= 4:
                found = self.office(words[1:], start)
            if not found and len(words) == 2 and words[1].islower():
                found = self.introduced_as(words[1], start)
            if found:
                return found
        if head[:1].isupper() and len(words) <= 3:
            found = self.surname(head, start)
            if found:
                return found
        return mention
