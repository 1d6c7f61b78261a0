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
paragraphs that can hold a quote) resolves exactly like a full parse.
"""
from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .cues import load_lexicon
from .spans import Spans

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
FIRST_PERSON_WORD = re.compile(r"\b(?:I|[Ww]e|[Mm]y|[Oo]ur|[Uu]s)\b")
# A speech printed without a label says "I" and "we" over and over; a news story rarely does
# outside quotations. Below this many first-person words in its prose a text is not a speech.
FIRST_PERSON_MIN = 8
FIRST_PERSON_PER_1000 = 15   # first-person words per 1,000 words of prose: a speech has 30 to 60
# "my government", "our side": the speaker's own side speaking, not someone else ("our partners").
SPEAKER_BODIES = {"government", "administration", "side", "delegation", "country", "office", "team", "state"}
COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5}
# What may stand before a joint subject's noun: "the two leaders", "both sides", not "European
# leaders" (someone else's leaders).
JOINT_DETERMINERS = {"the", "both", "all", "their", *COUNTS}
# What may follow it: names, and "heads of state / government"
JOINT_AFTER = {"of", "and", "the", "state", "government"}
JOINED = "; "
# A sentence ends at . ! ? (not after an initial: "Donald J. Trump", "D.C.") or a line end.
# Nor after a title or suffix of a name ("President Joseph R. Biden, Jr. spoke today with ...").
SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\b(?:Jr|Sr|Mr|Ms|Dr|St|Lt))(?<!\bMrs)[.!?]+[\"”’')]*(?=\s|$)|\n")
# What follows the subject of a sentence that tells what someone did: a lower-case word, the verb.
DOES = re.compile(r"\s+[a-z]")
# A headline naming the author of the speech or statement under it.
HEADLINE_AUTHOR = re.compile(r"\b(?:Remarks|Address|Statement|Speech|Message|Letter|Interview|Op-Ed|Readout|Words)\b"
                             r"[^|]*?\b(?:by|of|from)\s+(?P<who>(?:the\s+)?(?:[A-Z][\w.’'\-]*\s?)+)")
# Title-case words that end the author's name in a headline ("President Biden Before Cabinet Meeting").
HEADLINE_LINKS = {"at", "on", "in", "before", "after", "during", "to", "for", "with", "and", "ahead", "about",
                  "announcing", "marking", "honoring", "celebrating", "regarding", "upon", "as", "following"}
# A statement several leaders sign together: its "we" is every participant its opening names.
JOINT_TITLE = re.compile(r"\bJoint\b[^|]{0,40}\b(?:Statement|Declaration|Communiqu[eé])\b", re.I)
# An op-ed's headline: "Jane Doe: Why We Must Act" (the author, then a colon).
HEADLINE_NAME_COLON = re.compile(r"^\s*(?P<who>[A-Z][\w.’'\-]*(?: [A-Z][\w.’'\-]*){1,5}):\s")
DOCUMENT_WORDS = re.compile(r"\b(?:Fact|Sheet|Readout|Statement|Proclamation|Order|Memorandum|Notice|Message|Update|"
                            r"Myth|Facts|Week|Day|Act|Bill|Report|Letter|Remarks|Address|Briefing|Release)\b")
# A document that names its author at the top: a proclamation ("By the President of the United
# States of America"), an order ("By the authority vested in me as President ...").
BYLINE = re.compile(r"^\s*By (?P<who>the (?:[A-Za-z]+ ?){1,10})\s*$|\bvested in me as (?P<as>President)\b",
                    re.I | re.M)
# How a readout opens after its host's name: "had a telephone conversation with", ", Jr. spoke
# today with", "met with", "held talks with" (a news story's "has come up with one" is not a meeting).
MEETING = re.compile(r".{0,14}?\b(?:(?:spoke|speaks|talked|talks|met|meets)\b[^.]{0,40}?"
                     r"|(?:had|has|held|holds)\b[^.]{0,40}?\b(?:conversation|call|talks|meeting|discussion)s?\s+)with\b")
# A title that opens a text and stands for a person: "The President held talks with ...".
TITLE_SUBJECT = re.compile(r"^\s*((?:the|The)(?: [A-Z][a-z]+){1,3})\b")
# A line that introduces the speech printed below it: "Below are the full remarks by First Lady
# Jane Doe, as prepared for delivery:"; its "I" and "we" are the speaker's from there on.
SPEECH_INTRO = re.compile(r"^[^\n]*\b(?i:remarks|speech|address|statement)\b[^\n:]{0,40}?\b(?:by|of|from)\s+"
                          r"(?P<who>[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,5})[^\n]*:[ \t]*(?=\n)", re.M)
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
# A gathering that "showed" or "underscored" something stands for who took part in it ("The talks
# were constructive, underscoring the shared commitment ...", "The discussions showed progress").
GATHERING_NOUNS = {"talks", "discussions", "consultations", "negotiations", "meeting", "session", "summit"}
# Offices a headline may introduce a text's guest with ("Meeting with Murmansk Region Governor
# Andrei Chibis", "Meeting with Head of Udmurtia Alexander Brechalov"), for "the Governor" and
# "the regional head" in the text; a Russian region's head is its governor whatever the title.
# "The President" is left to the registry: in a Kremlin text it is the host, not the guest.
HEADLINE_OFFICES = {"governor": "governor", "gov.": "governor", "head": "governor", "minister": "minister",
                    "ambassador": "ambassador", "mayor": "mayor", "director": "director", "chairman": "chair",
                    "chairwoman": "chair", "chair": "chair"}
HEADLINE_NAME_END = re.compile(r"[A-Z][\w’'\-]+ [A-Z][\w’'\-]+\s*$")
POLL_WORDS = {"the", "a", "an", "this", "that", "new", "latest", "recent", "one", "another"}
# What may stand between the countries of one list: "A, B, and C", "A and B", "the", and the
# words inside one item the tagger split ("of Great Britain and Northern Ireland").
LIST_GLUE = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")
# The author named right after a document: "A 2016 report from Office of Personnel Management",
# "a study by Acme Research", "A report from the first Trump Administration" (the author is the
# administration, whichever term it was).
AUTHOR_AFTER = re.compile(r"\s*(?:(?:commissioned|conducted|published|issued|released|written|produced)\s+)?"
                          r"(?:from|by)\s+(?P<the>the\s+)?(?:(?:first|second|former|previous|last)\s+)?"
                          r"(?P<who>[A-Z][\w&.’'\-]*(?:\s+(?:(?:of|for|and|on|the|&)\s+)*[A-Z][\w&.’'\-]*)*)")
# What opens a mention of a document: "the report", "A 2016 report", "One article".
DOCUMENT_DETERMINERS = {"the", "a", "an", "one", "this", "that", "another"}
# A capitalised bare title in a document's prose ("the Secretary recommended ..., and he
# recommended ..."): what "he" or "she" after it stands for when no person comes after it.
BARE_TITLE = re.compile(r"\b[Tt]he (?P<title>[A-Z][a-z]+)\b(?! [A-Z])")
# Who published a document: the subject before a sending verb, a company or agency as much as a
# person ("The Steel Manufacturers Association released a statement"); auxiliaries and "which"
# may stand between ("the Democracy Works Foundation, which has published articles").
PUBLISHER = re.compile(r"(?P<who>(?:[A-Z][\w&.’'\-]*\s+)*[A-Z][\w&.’'\-]*)(?:,?\s+which)?(?:\s+(?:has|have|had|also))*\s*$")
OFFICE_RUN = re.compile(r"(?:[A-Z][\w'’\-]*|of|the|and)(?: (?:[A-Z][\w'’\-]*|of|the|and))*")


def _sentences(text: str):
    """(start, end) of each sentence of ``text``, in order."""
    at = 0
    for m in SENTENCE_END.finditer(text):
        if m.end() > at:
            yield at, m.end()
            at = m.end()
    if at < len(text):
        yield at, len(text)


def _outside_spans(length: int, blocked: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of a text of ``length`` characters outside every blocked span."""
    out, at = [], 0
    for s, e in sorted(blocked):
        if s > at:
            out.append((at, s))
        at = max(at, e)
    return out + ([(at, length)] if at < length else [])


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
    words = WORD.findall(re.split(r"[,;:()\n“”\"]", window)[-1])
    k = max(0, len(words) - n)
    # "Governor of the Yamalo-Nenets Autonomous Area Dmitry Artyukhov": an office written out in
    # capitals runs further left than four words
    while 0 < k and len(words) - k < 10 and all(_in_office(w) for w in words[k - 1:]):
        k -= 1
    return words[k:]


def _in_office(word: str) -> bool:
    return word[:1].isupper() or word.lower() in {"of", "the", "and", "for", "on"}


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
        place = words[len(words) - 1 - words[::-1].index("of") + 1:]
        place = place[1:] if place and place[0] == "the" else place
        if len(place) < 3 or not all(w[:1].isupper() for w in place[-2:]):
            continue
        start = m.end() - len(" ".join(words[-2:]))
        if not named.overlapping(start, m.end()):
            found.append((start, m.end()))
    return found


class Resolver:
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
            people.append(Person(s, e, name, name, self._gender(name, before), _roles(before + _words_after(text, e))))
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
        """A capitalised bare title ("the Secretary") in the prose of ``at``'s paragraph before
        it, with no person named between it and ``at``: what "he" at ``at`` stands for in an
        official document ("the Secretary recommended ..., and he recommended ..."); None when
        there is none or a person comes later."""
        para = self.text.rfind("\n", 0, at) + 1
        titles = [m for m in BARE_TITLE.finditer(self.text, para, at)
                  if m.group("title").lower() in ROLE_SYNONYMS and not self._not_prose.holding(m.start())]
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
        return re.sub(r"^[Tt]he\s+|(’s|'s)$", "", self.text[named[-1][0]:named[-1][1]].strip())

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

    def headline_guest(self, words: list[str]) -> str:
        """"The Governor", "the regional head", "the head of the republic" -> the person the headline
        introduces with that office ("Meeting with Murmansk Region Governor Andrei Chibis"), as the
        text names them; "" when the headline names nobody so or the text never names them."""
        wanted = {HEADLINE_OFFICES[w.lower()] for w in words if w.lower() in HEADLINE_OFFICES}
        name = HEADLINE_NAME_END.search(self.title.split("|")[0])
        if not wanted or name is None:
            return ""
        offices = {HEADLINE_OFFICES[w.lower()] for w in self.title[:name.start()].split()
                   if w[:1].isupper() and w.lower() in HEADLINE_OFFICES}
        return self.surname(name.group().split()[-1], len(self.text)) if wanted & offices else ""

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

    def first_person_prose(self) -> bool:
        """True when the text's own prose (outside quotations and turns) speaks in the first
        person often enough to be a speech, not a news story with a stray "I" or "we"."""
        if self._first_person is None:
            prose = _outside_spans(len(self.text), self.blocked)
            words = sum(len(self.text[a:b].split()) for a, b in prose)
            found = sum(len(FIRST_PERSON_WORD.findall(self.text[a:b])) for a, b in prose)
            self._first_person = found >= FIRST_PERSON_MIN and found * 1000 >= FIRST_PERSON_PER_1000 * words
        return self._first_person

    def first_person(self, at: int = -1) -> str:
        """Who "I" and "we" (at ``at``) in the text's own prose are: the author a document names at
        its top ("By the President of the United States of America"), the speaker a line before
        introduces ("Below are the full remarks by ...:"), else, in a text written in the first
        person, the speaker of that speech (:meth:`speech_speaker`); "" otherwise."""
        introduced = self.introduced_speaker(at)
        if introduced:
            return introduced
        byline = BYLINE.search(self.text[:400])
        if byline:
            return "the " + re.sub(r"^the ", "", (byline.group("who") or byline.group("as")).strip(), flags=re.I)
        if JOINT_TITLE.search(self.title):  # "United States – Italy Joint Leaders' Statement": "we" is both
            found = self.opening_participants(len(self.text))
            if len(found) >= 2:
                return JOINED.join(found)
        return self.speech_speaker() if self.first_person_prose() else ""

    def introduced_speaker(self, at: int) -> str:
        """The person the last line before ``at`` that introduces a speech names ("Below are the
        full remarks by First Lady Jane Doe, as prepared for delivery:"), as the text names them
        in full; "" when no such line comes before ``at`` or it names nobody."""
        if self._intros is None:
            self._intros = list(SPEECH_INTRO.finditer(self.text))
        found = [m for m in self._intros if m.end() <= at]
        if not found:
            return ""
        who = found[-1]
        person = self.person_in(who.start("who"), who.end("who"))
        return person.full if person is not None else ""

    def opening(self) -> tuple[int, int]:
        """The text's first sentence that names someone (a person or an opening title); a
        headline (most words capitalised, names aside: "President Joseph R. Biden, Jr. spoke
        today with President Volodymyr Zelenskyy of Ukraine." is a sentence) is not a sentence."""
        for s, e in _sentences(self.text):
            sentence = self.text[s:e]
            named = [(p.start - s, p.end - s) for p in self.people if s <= p.start < e]
            words = [m.group() for m in re.finditer(r"[^\W\d_]+", sentence)
                     if not any(a <= m.start() < b for a, b in named)]
            if not words or sum(w[0].isupper() for w in words) > 0.6 * len(words):
                continue
            if TITLE_SUBJECT.match(sentence) or any(s <= p.start < e for p in self.people):
                return s, e
        return 0, 0

    def host(self) -> tuple[str, list[str]]:
        """The person a readout is written for, and the title words before their name: the one
        its opening sentence starts with, after title words only, meeting someone ("Vladimir
        Putin had a telephone conversation with ...", "President Joseph R. Biden, Jr. spoke
        today with ..." -> ("Joseph R. Biden", ["president"])); ("", []) for any other opening."""
        if self._host is None:
            s, e = self.opening()
            named = [p for p in self.people if s <= p.start < e]
            before = self.text[s:named[0].start].split() if named else []
            if named and all(w[:1].isupper() for w in before) and MEETING.match(self.text, named[0].end, e):
                self._host = (named[0].full, [w.lower() for w in before])
            else:
                self._host = ("", [])
        return self._host

    def speech_speaker(self) -> str:
        """Who speaks in a text printed as a speech without a label: the subject of its first
        sentence when that sentence tells what someone did ("Vladimir Putin sent ...", "The
        President addressed ..."), else the author its headline names ("Remarks by President
        Biden at ..."); "" when neither does (a dateline, "Madam Speaker, ...")."""
        s, e = self.opening()
        sentence = self.text[s:e]
        named = [p for p in self.people if s <= p.start < e]
        if named and not self.text[s:named[0].start].strip() and DOES.match(self.text, named[0].end):
            return named[0].full
        title = TITLE_SUBJECT.match(sentence)
        if title and DOES.match(sentence, title.end()):
            return title.group(1)
        by = HEADLINE_AUTHOR.search(self.title)
        if by is None:
            return self.headline_name()
        words = by.group("who").split()
        cut = next((i for i, w in enumerate(words) if w.lower() in HEADLINE_LINKS and i > 0), len(words))
        return " ".join(words[:cut])

    def headline_name(self) -> str:
        """The author an op-ed's headline names before a colon ("Jane Doe: Why We Must Act"):
        a person the text names, words ending in a surname the text uses again after its first
        line (a headline's own paragraph is not always parsed), or a name after a title ("First
        Lady Jane Doe: Mothers Are Our Strength"); "" for a document type ("Fact Sheet: ...") or
        anything else."""
        found = HEADLINE_NAME_COLON.match(self.title)
        if found is None or HEADLINE_AUTHOR.search(found.group("who") + " by X") or DOCUMENT_WORDS.search(found.group("who")):
            return ""
        who = found.group("who")
        named = next((p.full for p in self.people if who.endswith(p.full) or who.endswith(p.name)), "")
        body = self.text[self.text.find("\n") + 1:] if "\n" in self.text[:len(self.title) + 5] else self.text[len(self.title):]
        surname = who.split()[-1]
        titled = who.split()[0].lower() in TITLES - {"the"} or who.lower().startswith("first lady ")
        return named or (" ".join(w for w in who.split() if w.lower() not in TITLES and w.lower() != "first" and w.lower() != "lady")
                         if titled or re.search(rf"\b{re.escape(surname)}\b", body) else "")

    def opening_participants(self, at: int) -> list[str]:
        """The participants the text's first naming sentence introduces before ``at``: a title
        that opens it ("The President") and the people it names."""
        s, e = self.opening()
        title = TITLE_SUBJECT.match(self.text[s:e])
        found = [title.group(1)] if title and not any(s <= p.start < s + title.end() for p in self.people) else []
        found += [p.full for p in self.people if s <= p.start < e and p.start < at]
        found = list(dict.fromkeys(found))
        if len(found) < 2:  # "The People's Republic of China, the French Republic, ... consider": the states
            found = self.opening_countries(at) or found
        return found

    def listed_from(self, start: int) -> str:
        """Every country of a list that opens at ``start`` and ends in its sentence, "; "-joined;
        "" when no list of two or more opens there."""
        if not any(s == start for s, _ in self.places):
            return ""
        end = next((m.end() for m in SENTENCE_END.finditer(self.text, start)), len(self.text))
        listed = self.countries_listed(start, end)
        return JOINED.join(listed) if len(listed) >= 2 and self.text.startswith(listed[0], start) else ""

    def opening_countries(self, at: int) -> list[str]:
        """The countries the first of the text's first three sentences that lists two or more
        names, before ``at`` (a joint statement of states, talks between delegations)."""
        sentences = ((s, e) for s, e in _sentences(self.text[:at]) if re.search(r"[^\W\d_]", self.text[s:e]))
        for s, e in itertools.islice(sentences, 3):  # read lazily: a text may run to 100,000 characters
            countries = self.countries_listed(s, e)
            if len(countries) >= 2:
                return countries
        return []

    def countries_listed(self, start: int, end: int) -> list[str]:
        """The countries a sentence names in one list ("representatives of the United States and
        Ukraine met ...", "The People's Republic of China, the French Republic, ..., and the United
        States of America consider ..."): the first run of place names the tagger found in
        [start, end) joined only by commas and "and", its last two by "and", one item per comma (an
        Oxford list: "the United Kingdom of Great Britain and Northern Ireland" is one item), else
        per "and"."""
        places = [(s, e) for s, e in self.places if start <= s and e <= end]
        run: list[tuple[int, int]] = []
        for s, e in places:
            if run and not LIST_GLUE.fullmatch(self.text[run[-1][1]:s]):
                if len(run) >= 2:
                    break
                run = []
            run.append((s, e))
        # a list ends with "and" ("A, B, and C"); "Washington, D.C." or "Paris, France" is one place
        if len(run) < 2 or not re.search(r"\band\b", self.text[run[-2][1]:run[-1][0]]):
            return []
        listed = self.text[run[0][0]:run[-1][1]]
        items = re.split(r"\s*,\s*(?:and\s+)?", listed) if "," in listed else re.split(r"\s+and\s+", listed)
        return list(dict.fromkeys(i.strip() for i in items if i.strip()))

    def unnamed_sides(self, at: int) -> str:
        """Who stands behind a statement that names nobody ("It was agreed that ...") in a text
        where no person is the subject of a cue: the participants its opening introduces,
        "; "-joined, when it introduces two or more (a meeting or a call); else ""."""
        found = self.opening_participants(at)
        return JOINED.join(found) if len(found) >= 2 else ""

    def joint(self, words: list[str], at: int) -> str:
        """The participants a plural subject ("the two leaders", "both sides") stands for,
        "; "-joined; "" when the text introduced fewer than two."""
        count = next((COUNTS[w.lower()] for w in words if w.lower() in COUNTS), 0)
        found = self.opening_participants(at)
        found = found[:count] if count else found
        return JOINED.join(found) if len(found) >= 2 else ""

    def joint_before(self, at: int) -> str:
        """"They" right after a plural subject in the same paragraph: that subject's participants;
        else the people the nearest sentence before it names, when it names two or more ("President
        X and Prime Minister Y held talks, where they affirmed ..."; "... They agreed ...")."""
        para = self.text.rfind("\n", 0, at) + 1
        nouns = "|".join(re.escape(w) for w in sorted(self.words.joint))
        found = list(re.finditer(rf"\b(?:the|both|two|all)\s+(?:\w+\s+)?(?:{nouns})\b", self.text[para:at], re.I)) \
            if nouns else []
        if found:
            return self.joint(found[-1].group().split(), para + found[-1].start())
        return self.named_together(para, at)

    def named_together(self, para: int, at: int) -> str:
        """The people the nearest sentence of the paragraph before ``at`` (or the part of ``at``'s
        own sentence before it) names, "; "-joined, when they are two or more; "" when that
        sentence names one person or none."""
        for s, e in reversed([(s, min(e, at)) for s, e in _sentences(self.text[:at]) if e > para]):
            named = [p for p in self.people if max(s, para) <= p.start < e]
            if named:
                names = list(dict.fromkeys(p.full for p in named))
                return JOINED.join(names) if len(names) >= 2 else ""
        return ""

    def document_noun(self, word: str) -> str:
        """The document noun ("report", "article") a mention's head is, singular; "" for any other."""
        nouns = self.words.media | self.words.documents
        return next((n for n in (word, word[:-1], word[:-2]) if n in nouns), "") if word else ""

    def document_author(self, noun: str, start: int, end: int, definite: bool) -> str:
        """Who speaks through a document a mention [start, end) names: the author written right
        after it ("A 2016 report from Office of Personnel Management"); for "the report", the
        author of the last report the text introduced with one; else whoever published it in
        the words before ("The Steel Manufacturers Association released a statement applauding",
        "PBS produced a documentary making", "... which has published articles ... One article
        claims"); "" when the text names nobody (a reporter then sees "a study" as it is)."""
        own = AUTHOR_AFTER.match(self.text, end)
        if own:
            return (own.group("the") or "") + own.group("who")
        if definite:
            intro = rf"\b(?:[Aa]n?|[Tt]he)\s+(?:[\w\-’']+\s+){{0,3}}?{re.escape(noun)}(?:s|es)?\b"
            for m in reversed(list(re.finditer(intro, self.text[max(0, start - 2000):start]))):
                by = AUTHOR_AFTER.match(self.text, max(0, start - 2000) + m.end())
                if by:
                    return (by.group("the") or "") + by.group("who")
        return self.sender(start, end, noun, fallback=False)

    def sender(self, at: int, end: int = -1, noun: str = "", fallback: bool = True) -> str:
        """Who sent "the message" (or statement, letter) a mention at ``at`` speaks of: the
        person, or opening title, before the last sending verb with such a noun in the text;
        without one, whoever the text's first sentence names."""
        if not (self.words.senders and (noun or self.words.media)):
            return ""
        verbs = "|".join(re.escape(w) for w in sorted(self.words.senders))
        nouns = re.escape(noun) if noun else "|".join(re.escape(w) for w in sorted(self.words.media))
        # the mention itself may be what was sent: "released a statement applauding ..."
        sent = list(re.finditer(rf"\b(?:{verbs})\b[^.!?\n]{{0,120}}?\b(?:{nouns})(?:s|es)?\b", self.text[:max(at, end)], re.I))
        if not sent:  # "Vladimir Putin congratulated ... The message reads": the text's own author
            return self.speech_speaker() if fallback else ""
        verb = sent[-1].start()
        start = max(self.text.rfind(c, 0, verb) for c in ".!?\n") + 1
        named = [p for p in self.people if start <= p.start < verb]
        if named:
            return named[-1].full
        title = TITLE_SUBJECT.match(self.text[start:verb])
        if title:
            return title.group(1)
        if noun:  # a document's publisher may be a company or an agency
            orgs = [(s, e) for s, e in self.organisations if start <= s and e <= verb]
            if orgs:
                return re.sub(r"^[Tt]he\s+|(’s|'s)$", "", self.text[orgs[-1][0]:orgs[-1][1]].strip())
            who = PUBLISHER.search(self.text, start, verb)
            return who.group("who") if who else ""
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
        if SHARE.fullmatch(mention.strip()) or lhead in {"poll", "survey"}:
            found = self.polled(mention, start)
            if found:
                return found
        if lhead in PERSONAL_PRONOUNS:
            if lhead not in PRONOUN_GENDER:
                return ""
            title = self.title_before(start)
            return self.resolve(title.group(), title.start(), title.group("title")) if title else self.pronoun(lhead, start)
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
