"""Speakers a text defines as a whole, for the resolver (``kit.coref.Resolver``): who "I" and "we" in
its own prose are (the author a document names at its top, the speaker of a speech printed without
a label, the author its headline names), the participants its opening names and the groups they
form ("the two leaders", "both sides"), the host of a meeting, and who sent "the message" or
wrote "the report" it mentions.

``DocumentSpeakers`` is the part of ``Resolver`` that reads the whole text rather than the words
before a mention; it works on what ``Resolver.__init__`` sets (``text``, ``title``, ``people``,
``places``, ``organisations``, ``words``, ``blocked``) and calls its ``person_in`` and
``surname``.
"""
from __future__ import annotations

import itertools
import re
import string


TITLES = {
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sen", "sen.", "rep", "rep.",
    "gov", "gov.", "gen", "gen.", "president", "senator", "representative", "governor",
    "secretary", "minister", "prime", "chancellor", "speaker", "leader", "judge", "justice",
    "ambassador", "adviser", "advisor", "spokesman", "spokeswoman", "spokesperson", "director",
    "chairman", "chairwoman", "chair", "mayor", "candidate", "nominee", "vice", "former",
    "the", "u.s.", "sir", "lord", "lady", "king", "queen", "pope", "attorney", "general",
}
FIRST_PERSON_WORD = re.compile(r"\b(?:I|[Ww]e|[Mm]y|[Oo]ur|[Uu]s)\b")
# A speech printed without a label says "I" and "we" over and over; a news story rarely does
# outside quotations. Below this many first-person words in its prose a text is not a speech.
FIRST_PERSON_MIN = 8
FIRST_PERSON_PER_1000 = 15   # first-person words per 1,000 words of prose: a speech has 30 to 60
COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5}
JOINED = "; "
# A sentence ends at . ! ? (not after an initial: "Donald J. Trump", "D.C.") or a line end.
# Nor after a title or suffix of a name ("President Joseph R. Biden, Jr. spoke today with ...").
SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\b(?:Jr|Sr|Mr|Ms|Dr|St|Lt))(?<!\bMrs)[.!?]+[\"”’')]*(?=\s|$)|\n")
# What follows the subject of a sentence that tells what someone did: a lower-case word, the verb
# (not "and": in "Jill and I are saddened" the subject is two people).
DOES = re.compile(r"\s+(?!and\b|or\b)[a-z]")
# A headline naming the author of the speech or statement under it.
HEADLINE_AUTHOR = re.compile(r"\b(?:Remarks|Address|Statement|Speech|Message|Letter|Interview|Op-Ed|Readout|Words)\b"
                             r"[^|]*?\b(?:by|of|from)\s+(?P<who>(?:the\s+)?(?:(?:[A-Z][\w.’'\-]*|and(?=\s+[A-Z])|v[ao]n|der|den|de|del|da|bin)\s?)+)")
# A headline that opens on a document and its author: "Statement by President Biden on ...".
AUTHORED_TITLE = re.compile(r"^\s*(?:A |The )?(?:Remarks|Statement|Message|Letter|Op-Ed|Address|Speech)\s+(?:by|from)\s+"
                            r"(?P<who>(?:the\s+)?(?:[A-Z][\w.’'\-]*\s?)+)")
# Title-case words that end the author's name in a headline ("President Biden Before Cabinet Meeting").
HEADLINE_LINKS = {"at", "on", "in", "before", "after", "during", "to", "for", "with", "and", "ahead", "about",
                  "announcing", "marking", "honoring", "celebrating", "regarding", "upon", "as", "following"}
# Number words that end the author's name in a headline ("... Kamala Harris Three Years After ...").
NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million"}


def _counts(word: str) -> bool:
    """True for a number written in figures or words ("75", "Three", "Twenty-Five"): no part of a name."""
    return word[:1].isdigit() or word.lower().split("-")[0] in NUMBER_WORDS


# A statement several leaders sign together: its "we" is every participant its opening names.
JOINT_TITLE = re.compile(r"\bJoint\b[^|]{0,40}\b(?:Statement|Declaration|Communiqu[eé])\b", re.I)
# A text whose authors name themselves as it opens: "We, the Leaders of the G7, met today ...",
# "we the leaders of Australia, ..., and Viet Nam launched ...", "we – Prime Minister A of X, ...
# and President B of Y – convene ...". Group nouns may be written in lower case there.
SELF_NAMED = re.compile(r"\b[Ww][Ee](?:\s*,\s*|\s+)(?=the\s)|\b[Ww][Ee]\s+[–—]\s*(?=[A-Z])")
SELF_NAMED_GLUE = {"of", "the", "and", "for", "on", "in"}
SELF_NAMED_GROUP = {"leaders", "heads", "member", "members", "governments", "representatives", "ministers",
                    "state", "states", "government", "people", "peoples", "nations", "countries", "partners", "signatories"}
# "G7 Leaders’ Statement on ...", "Leaders’ Statement on the Indo-Pacific Economic Framework": the
# group its headline names before "Leaders’" speaks as "we".
LEADERS_TITLE = re.compile(r"^\s*(?P<who>(?:[A-Z][\w\-.]*\s+)*Leaders)[’']\s+(?:Joint\s+)?(?:Statement|Declaration|Communiqu)")
# An op-ed's headline: "Jane Doe: Why We Must Act" (the author, then a colon).
HEADLINE_NAME_COLON = re.compile(r"^\s*(?P<who>[A-Z][\w.’'\-]*(?: [A-Z][\w.’'\-]*){1,5}):\s")
DOCUMENT_WORDS = re.compile(r"\b(?:Fact|Sheet|Readout|Statement|Proclamation|Order|Memorandum|Notice|Message|Update|"
                            r"Myth|Facts|Week|Day|Act|Bill|Report|Letter|Remarks|Address|Briefing|Release)\b")
# A document that names its author at the top: a proclamation ("By the President of the United
# States of America"), an order ("By the authority vested in me as President ...").
BYLINE = re.compile(r"^\s*By (?P<who>the (?:[A-Za-z]+ ?){1,10})\s*$|\bvested in me as (?P<as>President)\b",
                    re.I | re.M)
# A document its author signs: a proclamation's "NOW, THEREFORE, I, JANE Q. DOE, President of ...",
# or a letter's last lines, the signer's name in capitals on a line of its own, then perhaps where
# and when it was signed ("THE WHITE HOUSE, October 5, 2021.").
CAPITAL_NAME = r"[A-Z][A-Z'’\-]*\.?(?: [A-Z][A-Z'’\-]*\.?){1,4}"
SIGNED_I = re.compile(r"\bI, (?P<who>%s),\s+[A-Z][a-z]" % CAPITAL_NAME)
SIGNED_AT = r"(?:[A-Z][A-Z .’'\-]+,\s*)?(?:[A-Z][a-z]+ \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]+ \d{4})"
# A letter's closing with the signer's name after it, on one line or two: "Sincerely, JOSEPH R. BIDEN JR."
SIGNED_CLOSING = re.compile(r"\b(?:Sincerely|Respectfully|Sincerely yours|Yours sincerely|Yours truly),?\s+(?P<who>%s)\s*$"
                            % CAPITAL_NAME)
SIGNATURE = re.compile(r"\n[ \t]*(?P<who>%s)[ \t]*\n(?:\s*#+)*\s*(?P<at>%s)?[.,]?(?:\s*#+)*\s*$"
                       % (CAPITAL_NAME, SIGNED_AT))
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
# Offices a headline may introduce a text's guest with ("Meeting with Murmansk Region Governor
# Andrei Chibis", "Meeting with Head of Udmurtia Alexander Brechalov"), for "the Governor" and
# "the regional head" in the text; a Russian region's head is its governor whatever the title.
# "The President" is left to the registry: in a Kremlin text it is the host, not the guest.
HEADLINE_OFFICES = {"governor": "governor", "gov.": "governor", "head": "governor", "minister": "minister",
                    "ambassador": "ambassador", "mayor": "mayor", "director": "director", "chairman": "chair",
                    "chairwoman": "chair", "chair": "chair"}
HEADLINE_NAME_END = re.compile(r"[A-Z][\w’'\-]+ [A-Z][\w’'\-]+\s*$")
# What may stand between the countries of one list: "A, B, and C", "A and B", "the", and the
# words inside one item the tagger split ("of Great Britain and Northern Ireland").
LIST_GLUE = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")
# The author named right after a document: "A 2016 report from Office of Personnel Management",
# "a study by Acme Research", "A report from the first Trump Administration" (the author is the
# administration, whichever term it was).
AUTHOR_AFTER = re.compile(r"\s*(?:(?:commissioned|conducted|published|issued|released|written|produced)\s+)?"
                          r"(?:from|by)\s+(?P<the>the\s+)?(?:(?:first|second|former|previous|last)\s+)?"
                          r"(?P<who>[A-Z][\w&.’'\-]*(?:\s+(?:(?:of|for|and|on|the|&)\s+)*[A-Z][\w&.’'\-]*)*)")


def _author(found: re.Match) -> str:
    """The author an ``AUTHOR_AFTER`` match names, without the possessive of a name that owns the
    author ("A new ad from Donald Trump’s presidential campaign": Donald Trump), and without the
    full stop that ends its sentence and what follows it ("a press release from Judicial Watch.
    The group ...": Judicial Watch; "the U.S. Department of State" keeps its initials)."""
    return (found.group("the") or "") + re.sub(r"[’']s$", "", _before_full_stop(found.group("who")))


# The words before a full stop that do not end a sentence: initials ("U.S.", "J."), and a
# company's or a person's abbreviations.
NAME_ABBREVIATION = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]|Inc|Co|Corp|Ltd|Jr|Sr|St|Bros|Dept")


def _before_full_stop(words: str) -> str:
    """``words`` up to the first full stop that ends a sentence (not one after an initial or an
    abbreviation)."""
    for m in re.finditer(r"\.(?=\s|$)", words):
        if not NAME_ABBREVIATION.fullmatch(re.search(r"[\w&.’'\-]*$", words[:m.start()]).group()):
            return words[:m.start()]
    return words


# Who published a document: the subject before a sending verb, a company or agency as much as a
# person ("The Steel Manufacturers Association released a statement"); auxiliaries and "which"
# may stand between ("the Democracy Works Foundation, which has published articles").
# The text's own writer before a sending verb: "In accordance with this provision, I have [sent]".
WRITER_SENT = re.compile(r"\b(?:I|[Ww]e)(?:\s+(?:have|has|had|also|hereby|today))*\s*$")
PUBLISHER = re.compile(r"(?P<who>(?:[A-Z][\w&.’'\-]*\s+)*[A-Z][\w&.’'\-]*)(?:,?\s+which)?(?:\s+(?:has|have|had|also))*\s*$")


def _sentences(text: str):
    """(start, end) of each sentence of ``text``, in order."""
    at = 0
    for m in SENTENCE_END.finditer(text):
        if m.end() > at:
            yield at, m.end()
            at = m.end()
    if at < len(text):
        yield at, len(text)


def _worded_sentences(text: str):
    """(start, end) of each sentence of ``text`` that holds a letter (not a bare "1." or a date line)."""
    return ((s, e) for s, e in _sentences(text) if re.search(r"[^\W\d_]", text[s:e]))


def _used_as_name(word: str, text: str) -> bool:
    """True when ``text`` writes ``word`` capitalised and never in lower case: a surname, not the
    last word of a slogan ("Building Back Better Together: ..." and "come together")."""
    return bool(re.search(rf"\b{re.escape(word)}\b", text)) and not re.search(rf"\b{re.escape(word.lower())}\b", text)


def _group_end(text: str, start: int) -> int:
    """Where the group a text's authors name themselves as ends ("the Leaders of the G7" in "We,
    the Leaders of the G7, met today"): before the verb that follows it, a comma with a lower-case
    word after it (not "and", "or" or "the"), or a dash; ``start`` when no group is there."""
    words = list(re.finditer(r"[^\s,–—]+|,|[–—]", text[start:start + 800]))
    end = start
    for k, m in enumerate(words):
        w = m.group()
        nxt = words[k + 1].group() if k + 1 < len(words) else ""
        if w in "–—" or w.endswith((".", ";", ":")) and not re.fullmatch(r"(?:[A-Z]\.)+|D\.C\.", w):
            return start + m.start() if w in "–—" else start + m.end() - 1
        if w == ",":
            if nxt[:1].islower() and nxt not in {"and", "or", "the"}:
                return end
            continue
        bare = w.strip("()’'")
        if not (bare[:1].isupper() or bare[:1].isdigit() or bare.lower() in SELF_NAMED_GLUE | SELF_NAMED_GROUP):
            return end  # the verb: "... and the United States gather on ..."
        end = start + m.end()
    return end


def _outside_spans(length: int, blocked: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of a text of ``length`` characters outside every blocked span."""
    out, at = [], 0
    for s, e in sorted(blocked):
        if s > at:
            out.append((at, s))
        at = max(at, e)
    return out + ([(at, length)] if at < length else [])


def bare_name(words: str) -> str:
    """An organisation's name as a speaker: without a leading "the" or a trailing possessive."""
    return re.sub(r"^[Tt]he\s+|(’s|'s)$", "", words.strip())


class DocumentSpeakers:
    """What the resolver reads off the whole text (see the module docstring); a base of :class:`kit.coref.Resolver`."""

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
        introduces ("Below are the full remarks by ...:"), the person who signs it (:meth:`signer`),
        else, in a text written in the first person, the speaker of that speech
        (:meth:`speech_speaker`), and in a short one the author a headline opens on ("Statement by
        President Biden on ..."); "" otherwise."""
        introduced = self.introduced_speaker(at)
        if introduced:
            return introduced
        byline = BYLINE.search(self.text[:400])
        if byline:
            return "the " + re.sub(r"^the ", "", (byline.group("who") or byline.group("as")).strip(), flags=re.I)
        signer = self.signer()
        if signer:
            return signer
        named = self.self_named()
        if named:
            return named
        if JOINT_TITLE.search(self.title):  # "United States – Italy Joint Leaders' Statement": "we" is both
            found = self.opening_participants(len(self.text))
            if len(found) >= 2:
                return JOINED.join(found)
        leaders = LEADERS_TITLE.match(self.title)
        if leaders:
            return leaders.group("who")
        if self.first_person_prose():
            return self.speech_speaker()
        # A short statement says "I" only a few times, and its headline opens on who says it.
        return self.headline_author(AUTHORED_TITLE)

    def self_named(self) -> str:
        """Who "we" are in a text whose authors name themselves as it opens ("We, the Leaders of
        the G7, met ..."): the people or the countries that naming lists, "; "-joined, else the
        group as written ("the Leaders of the G7"); "" when the text opens otherwise."""
        if self._self_named is None:
            self._self_named = ""
            # only as the text opens: "Yes, we the United States of America stand with ..." deep
            # in a speech is a flourish, not who signs it
            opening = list(itertools.islice(_worded_sentences(self.text), 3))
            found = next((m for m in SELF_NAMED.finditer(self.text, 0, opening[-1][1] if opening else 0)
                          if not any(a <= m.start() < b for a, b in self.blocked)), None)  # "“We, the people ...”" is quoted
            if found is not None:
                start = found.end()
                end = _group_end(self.text, start)
                if end > start:
                    people = list(dict.fromkeys(p.full for p in self.people if start <= p.start < end))
                    countries = self.countries_listed(start, end)
                    group = self.text[start:end].strip(" ,")
                    self._self_named = (JOINED.join(people) if len(people) >= 2 else
                                        JOINED.join(countries) if len(countries) >= 2 else group)
        return self._self_named

    def signer(self) -> str:
        """The person who signs the text in capitals ("NOW, THEREFORE, I, JOSEPH R. BIDEN JR.,
        President ...", a letter's "Sincerely, JANE Q. DOE" or its name line at its end), written as a name ("Joseph R. Biden
        Jr."); "" when nobody signs. A name line at the end counts when a place and date of signing
        follow it or the text is written in the first person: a news story may end on a line in
        capitals that is no signature."""
        found = SIGNED_I.search(self.text) or SIGNED_CLOSING.search(self.text[-300:])
        if found is None:
            found = SIGNATURE.search(self.text[-300:])
            if found is not None and not found.group("at") and not self.first_person_prose():
                found = None
        return string.capwords(found.group("who")) if found else ""

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

    def protagonist(self) -> str:
        """The person the text's first naming sentence opens on, untitled, doing something
        ("Vladimir Putin extended his greetings to heads of foreign states ..."): whom an official
        text then calls "the President" however many presidents it greets; "" for any other opening."""
        s, e = self.opening()
        named = [p for p in self.people if s <= p.start < e]
        if named and not self.text[s:named[0].start].strip() and DOES.match(self.text, named[0].end):
            return named[0].full
        return ""

    def speech_speaker(self) -> str:
        """Who speaks in a text printed as a speech without a label: the subject of its first
        sentence when that sentence tells what someone did ("Vladimir Putin sent ...", "The
        President addressed ..."), else the author its headline names ("Remarks by President
        Biden at ..."); "" when neither does (a dateline, "Madam Speaker, ...")."""
        opener = self.protagonist()
        if opener:
            return opener
        s, e = self.opening()
        sentence = self.text[s:e]
        title = TITLE_SUBJECT.match(sentence)
        if title and DOES.match(sentence, title.end()):
            return title.group(1)
        return self.headline_author() or self.headline_name()

    def headline_author(self, pattern: re.Pattern = HEADLINE_AUTHOR) -> str:
        """The author a headline names after a document word ("Remarks by President Biden at ...",
        "Statement from Jane Doe on ..." -> "President Biden", "Jane Doe"; "Statement by A and B" -> both,
        "; "-joined); "" for any other headline."""
        by = pattern.search(self.title)
        if by is None:
            return ""
        authors, words = [], by.group("who").split()
        while words:
            cut = next((i for i, w in enumerate(words) if i > 0 and (w.lower() in HEADLINE_LINKS or _counts(w))),
                       len(words))
            authors.append(" ".join(words[:cut]))
            # "Joint Statement by President Biden and President von der Leyen": both are its authors
            more = words[cut + 1:] if cut < len(words) and words[cut].lower() == "and" else []
            words = more if more[:1] and more[0][:1].isupper() else []
        return JOINED.join(authors)

    def headline_name(self) -> str:
        """The author an op-ed's headline names before a colon ("Jane Doe: Why We Must Act"):
        a person the text names, words ending in a surname the text uses again after its first
        line and never writes in lower case (a headline's own paragraph is not always parsed), or a name after a title ("First
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
                         if titled or _used_as_name(surname, body) else "")

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
        for s, e in itertools.islice(_worded_sentences(self.text[:at]), 3):  # read lazily: a text may run to 100,000 characters
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
        sentence names one person or none. A person named as an owner ("to provide a briefing on
        Putin's war") is no participant."""
        owner = lambda p: re.match(r"[’']s?\b", self.text[p.end:p.end + 3]) is not None \
            or self.text[p.start:p.end].endswith(("’s", "'s"))
        for s, e in reversed([(s, min(e, at)) for s, e in _sentences(self.text[:at]) if e > para]):
            named = [p for p in self.people if max(s, para) <= p.start < e and not owner(p)]
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
            return _author(own)
        if definite:
            intro = rf"\b(?:[Aa]n?|[Tt]he)\s+(?:[\w\-’']+\s+){{0,3}}?{re.escape(noun)}(?:s|es)?\b"
            for m in reversed(list(re.finditer(intro, self.text[max(0, start - 2000):start]))):
                by = AUTHOR_AFTER.match(self.text, max(0, start - 2000) + m.end())
                if by:
                    return _author(by)
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
        if WRITER_SENT.search(self.text, start, verb):  # "I have sent ... the enclosed notice stating"
            return self.first_person(at)
        named = [p for p in self.people if start <= p.start < verb]
        if named:
            return named[-1].full
        title = TITLE_SUBJECT.match(self.text[start:verb])
        if title:
            return title.group(1)
        if noun:  # a document's publisher may be a company or an agency
            orgs = [(s, e) for s, e in self.organisations if start <= s and e <= verb]
            if orgs:
                return bare_name(self.text[orgs[-1][0]:orgs[-1][1]])
            who = PUBLISHER.search(self.text, start, verb)
            return who.group("who") if who else ""
        return ""
