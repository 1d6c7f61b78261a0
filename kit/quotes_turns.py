"""Transcript turns, found without a parser, for the quote engine (kit.quotes).

* ``find_turns(text)``: transcript turns at every label form the official archives use
  (``THE PRESIDENT:``, ``Q``, ``MS. LEAVITT:``, ``… Thank you. Vladimir Putin: …`` inside a
  paragraph, ``President of Russia Vladimir Putin:``, page tooltips, ``(retranslated)``,
  ``В.Путин :``, ``The President.``), each turn running to the next label.
* ``cut_at_sentences(text, s, e, limit)``: a long stretch of text in parts cut at sentence ends
  (a long turn, or a paragraph too long to parse at once).

Nothing here raises on odd input: a text without labels has no turns.
"""
from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from dataclasses import dataclass

from .cues import load_lexicon
from .quotes_marks import paragraphs
from .spans import Spans

# Transcript labels: "THE PRESIDENT:", "MS. LEAVITT:", "Q", "Q:", "Vladimir Putin:".
TITLE = r"(?:MR|MS|MRS|DR|SEN|REP|GOV|GEN|SECRETARY|AMBASSADOR|ADMIRAL|PRIME MINISTER|PRESIDENT)"
LABEL = re.compile(
    r"(?P<label>Q(?=[:.]?\s)|THE [A-Z][A-Z .'\-]{1,40}?|" + TITLE + r"\.? [A-Z][A-Z'\-]+(?: [A-Z][A-Z'\-]+)?"
    r"|[A-Z][A-Z'\-]+(?: [A-Z][A-Z.'\-]+){1,3}|[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){1,3})"
    r"(?P<colon>:|(?<=Q)\.?)\s+(?=\S)"
)
# An office before a name: "President of Russia Vladimir Putin:", "ASI General Director Svetlana
# Chupsheva:". Read as a label only when it holds a role word (``label_roles`` in the lexicon).
ROLE_LABEL = re.compile(
    r"(?P<label>(?:(?:[A-Z][\w.'\-]*|of|the|and) ){1,8}[A-Z][a-z][\w'\-]*(?: [A-Z]\.)? [A-Z][a-z][\w'\-]*)"
    r"(?P<colon>:)\s+(?=\S)"
)
SHOUTED_LABEL = re.compile(r"(?P<label>[A-Z][A-Z'\-]{2,20}):\s+(?=\S)")
# An interview printed as questions and answers: "Q: ..." / "A: ...". "A:" is a label only in an
# article whose questions are labelled "Q" (elsewhere it may open a list item or a heading).
ANSWER_LABEL = re.compile(r"(?P<label>A)(?P<colon>:)\s+(?=\S)")
# A title or an unnamed speaker closed by a full stop, as the American Presidency Project writes
# its transcripts: "The President. Thank you", "Audience members. U.S.A.!".
DOT_LABEL = re.compile(r"(?P<label>[A-Z][a-z]+(?: [A-Za-z][a-z]+){0,2})(?P<colon>\.)\s+(?=\S)")

# A colon that may close a speaker label anywhere in a paragraph: "... Thank you. Vladimir Putin:
# Good afternoon", "Milorad Dodik(retranslated): Thank you", "В.Путин : Добрый день",
# "Vladimir Putin:(commenting on ...)". What may stand between the name and the colon is a short
# note in brackets ("(retranslated)", "(via interpreter)", "(in Russian)").
COLON = re.compile(r"(?P<note>\s?\([^()\n]{1,40}\))?[ \t]?:(?:[ \t]+|(?=\())(?=\S)")
# Where a label may start: the paragraph start, or after a sentence end, an omission mark "<…>",
# a "* * *" separator, a closing bracket or another colon.
BOUNDARY = re.compile(r"(?:[.!?…]+[»\"”’')\]]*|<…>|\*|\)|:)\s+")
# Russian transcripts: "В.Путин:", "В.Путин :", and the page's tooltip repeated before the colon:
# "Р.Кадыров Кадыров Рамзан Ахматович глава Чеченской Республики :".
INITIALS_NAME = re.compile(
    r"(?<![\w.])(?P<name>(?:[A-ZА-ЯЁ]\.){1,2}(?P<surname>[A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁ][a-zа-яё]+)?))"
    r"(?:\s+(?P=surname)\s(?:[^.!?:\"]|(?<=\w)\.(?=\w)){0,200}?)?\s*$")
# An unnamed speaker's label after a Kremlin page's time and place line, with no sentence end
# between: "17:05 Санкт-Петербург Вопрос: …", "16:45 Москва Ответы на вопросы журналистов Вопрос: …".
AFTER_TIME = re.compile(r"\b\d{1,2}:\d{2}\s[^.!?:]{0,80}?\s(?P<label>[^\W\d_]+)\s*$")
OFFICE_LINKS = {"of", "the", "and", "for", "on", "in", "at", "to", "de", "du", "und", "и", "по", "при", "с",
                "–", "—", "-", "&"}
NAME_PARTICLES = {"al", "el", "bin", "ibn", "ben", "de", "da", "di", "do", "dos", "du", "van", "von", "der",
                  "den", "la", "le", "y", "abu"}
# Words before an office that show it sits in running prose ("a statement from President X:"),
# not after a heading glued to a label ("Speech at the plenary session President of Russia ...").
PROSE_BEFORE = {"from", "by", "with", "to", "of", "and", "or", "for", "at", "on", "in", "as", "like",
                "said", "says", "say", "told", "wrote", "writes", "reads", "read", "asked", "added", "noted",
                "than", "that", "the", "a", "an", "between"}
QUOTE_OPENS = re.compile(r"[*_]*[“\"«„‘']")
SENTENCE_END = re.compile(r"[.!?…]+[»\"”’')\]]*(?=\s|$)")
# An unnamed speaker's label after a comma, right before the colon: "..., hello, Remark: Hello."
ANONYMOUS_AFTER_COMMA = re.compile(r",\s+(?P<label>[A-ZА-ЯЁ][a-zа-яё]+)\s*$")
EDGE_MARKS_START = re.compile(r"(?:\s|<…>|\*)*")
EDGE_MARKS_END = re.compile(r"(?:\s|<…>|\*)*$")


@dataclass
class Turn:
    """One transcript turn: the label and the pieces of what follows it.

    ``label`` is the office and name as written ("President of Russia Vladimir Putin"), at
    ``label_start``..``label_end``; ``name`` is the person it names ("Vladimir Putin");
    ``mark_end`` is where the whole label ends (a repeated page tooltip, "(retranslated)" and
    the colon included)."""
    label: str
    label_start: int
    label_end: int
    pieces: list[list[int]]
    name: str = ""
    mark_end: int = -1
    nameless: bool = False  # "Remark:": a voice from the floor, no one's name (``nameless_labels``)


@dataclass(frozen=True)
class LabelWords:
    """What tells a speaker label from other text before a colon, from ``data/speech_verbs.yml``
    (``not_speaker_labels``, ``label_roles``, ``anonymous_labels``, the first-name lists) and,
    when the quote engine has a pipeline, the lower-case nouns and adjectives its lemmatizer
    knows (``common``): "Fact Sheet:" is two common words, "Sauli Niinistö:" is a name."""
    not_labels: frozenset = frozenset()
    roles: frozenset = frozenset()
    anonymous: frozenset = frozenset()
    first_names: frozenset = frozenset()
    common: frozenset = frozenset()
    nameless: frozenset = frozenset()


def label_words(common: frozenset = frozenset()) -> LabelWords:
    """The label lexicon of ``data/speech_verbs.yml`` (``kit.cues``), with ``common`` words added."""
    lex = load_lexicon()
    return LabelWords(lex.not_labels, lex.label_roles, lex.anonymous_labels, lex.female | lex.male, frozenset(common),
                      lex.nameless_labels)


@dataclass
class _Label:
    start: int        # where the label starts (office included)
    end: int          # where the office and name end
    name: str
    speech: int       # where the spoken words start
    strong: bool      # enough to stand alone: an office, initials, a tooltip, an all-caps label


def _has_role(label: str, roles: frozenset[str]) -> bool:
    low = f" {label.lower()} "
    return any(f" {r} " in low for r in roles)


def _label_at(text: str, s: int, e: int, words: LabelWords) -> re.Match | None:
    m = LABEL.match(text, s, e)
    if m is None:
        m = ROLE_LABEL.match(text, s, e)
        if m is not None and not _has_role(m.group("label"), words.roles):
            m = None
    if m is None:  # "The President. Thank you all", "Audience members. U.S.A.!" (the Presidency Project)
        m = DOT_LABEL.match(text, s, e)
        label = m.group("label").lower() if m else ""
        if m is not None and not (label in words.anonymous or (label.startswith("the ") and _has_role(label, words.roles))):
            m = None
    if m is None or m.group("label").strip().lower() in words.not_labels:
        return None
    return m


def _paragraph_labels(text: str, paras, words: LabelWords) -> list[_Label]:
    """Labels that open a paragraph: "THE PRESIDENT:", "Q", "MS. LEAVITT:", "PENCE:" (once the
    article reads as a transcript), "President of Russia Vladimir Putin:"."""
    found = [(k, _label_at(text, s, e, words)) for k, (s, e) in enumerate(paras)]
    found = [(k, m) for k, m in found if m is not None]
    taken = {k for k, _ in found}
    shouted = [(k, SHOUTED_LABEL.match(text, s, e)) for k, (s, e) in enumerate(paras) if k not in taken]
    shouted = [(k, m) for k, m in shouted if m is not None and m.group("label").lower() not in words.not_labels]
    if len(found) + len(shouted) >= 2:  # "PENCE: ..." counts once the article reads as a transcript
        found = sorted(found + shouted, key=lambda km: km[0])
    if any(m.group("label") == "Q" for _, m in found):
        taken = {k for k, _ in found}
        answers = [(k, ANSWER_LABEL.match(text, s, e)) for k, (s, e) in enumerate(paras) if k not in taken]
        found = sorted(found + [(k, m) for k, m in answers if m is not None], key=lambda km: km[0])
    out = []
    for _, m in found:
        label, name = m.group("label"), m.group("label")
        if label == "A":  # the interviewee's answer (see ``ANSWER_LABEL``)
            out.append(_Label(m.start("label"), m.end("label"), label, m.end(), False))
            continue
        if label.isupper() and _caps_heading(label, words):
            continue  # "ACHIEVING RECIPROCAL TRADE: Last Friday, ...": a fact sheet's section heading
        if not label.isupper():  # "President of Russia Vladimir Putin": the name at its end
            toks = _tokens(text, m.start("label"), m.end("label"))
            office = _has_role(label, words.roles)
            person = office or _names_a_person(label.split(), False, words)
            if not person and not _round_up_entry(text, m.end()):
                continue  # "Fact Sheet: ...", a heading; "Heritage Foundation: “...”" speaks in a round-up
            span = _name_of(toks, words) if person else None
            name = " ".join(t[2] for t in toks[span[0]:span[1]]) if span else label
        out.append(_Label(m.start("label"), m.end("label"), name, m.end(),
                          label.isupper() or _has_role(label, words.roles)))
    return out


def _caps_heading(label: str, words: LabelWords) -> bool:
    """True for an all-caps label of several words that opens as a heading does (a gerund, "the",
    "our") and names nobody: no office, no first name, only common words ("ACHIEVING RECIPROCAL
    TRADE", "THE PROSPEROUS PATH FORWARD"); a surname alone ("PENCE", "BUSH") and an unnamed
    speaker ("SENIOR ADMINISTRATION OFFICIAL") stay speakers, as transcripts write them."""
    plain = [w.title() for w in label.split()]
    first = plain[0].lower() if plain else ""
    opens = first in HEADING_WORDS or (first.endswith("ing") and len(first) > 5)
    return len(plain) > 1 and opens and not _has_role(label, words.roles) and not _names_a_person(plain, False, words)


def _is_role(word: str, roles: frozenset[str]) -> bool:
    w = word.strip("–—-,").lower()
    return w in roles or any(w.startswith(r) and len(r) >= 5 for r in roles if " " not in r)


def _name_word(word: str) -> bool:
    w = word.strip("–—-")
    return bool(w) and w[0].isupper() and w == word and not w.isupper() or bool(re.fullmatch(r"[A-Z]\.", word))


def _tokens(text: str, s: int, e: int) -> list[tuple[int, int, str]]:
    return [(s + m.start(), s + m.end(), m.group()) for m in re.finditer(r"\S+", text[s:e])]


def _segment_start(text: str, para_start: int, at: int) -> tuple[int, bool]:
    """Where the words before a colon at ``at`` begin, and whether that is a boundary (paragraph
    start, sentence end, omission mark, separator) rather than the 300-character reach."""
    lo = max(para_start, at - 300)
    last = None
    for last in BOUNDARY.finditer(text, lo, at):
        pass
    if last is not None:
        return last.end(), True
    return lo, lo == para_start


def _name_of(toks: list, words: LabelWords) -> tuple[int, int] | None:
    """Index range [i, j) of the name at the end of ``toks`` ("Vladimir Putin" in "President of
    Russia Vladimir Putin"): two to four name words; a leading word the lexicon knows as a common
    word ("Region", "Russia") belongs to the office, not the name."""
    j = len(toks)
    i = j
    while i > 0 and j - i < 5:
        w = toks[i - 1][2]
        if _name_word(w) and not _is_role(w, words.roles) and not w.endswith(("–", "—", ",")):
            i -= 1
        elif w.lower() in NAME_PARTICLES and i - 1 > 0 and _name_word(toks[i - 2][2]) and i < j:
            i -= 1
        else:
            break
    while i < j and toks[i][2].lower() in NAME_PARTICLES:
        i += 1
    if j - i == 1 and i > 0 and _is_role(toks[i - 1][2], words.roles):
        return i, j  # "Patriarch Kirill", "Secretary Rubio": an office before one name
    if j - i < 2:
        return None
    inner = [k for k in range(i, j - 2) if toks[k][2].lower().strip("–—-") in words.common]
    if inner:
        i = inner[-1] + 1
    elif j - i > 2 and i > 0 and toks[i - 1][2].lower() in OFFICE_LINKS:
        i += 1  # "President of Freedonia Anton Varga": the word after "of" is the office's place
    return i, j


def _tooltip_name(toks: list, words: LabelWords) -> tuple[int, int] | None:
    """"Sauli Niinistö Niinistö SauliPresident of Finland": a name the page repeated, surname
    first, from a tooltip; the range of the name before the repeat."""
    for k in range(len(toks) - 2, 0, -1):
        for n in (1, 2):  # "Эрдоган Эрдоган", "Аль Тани Аль Тани": a surname of one word or two
            repeat = [t[2] for t in toks[k:k + n]]
            if k + 2 * n > len(toks) or repeat != [t[2] for t in toks[k + n:k + 2 * n]]:
                continue
            if not all(_name_word(w) or w.lower() in NAME_PARTICLES for w in repeat) or len(repeat[-1]) <= 2 \
                    or _is_role(repeat[-1], words.roles):
                continue
            i = k
            while i > 0 and k - i < 3 and _name_word(toks[i - 1][2]) and not _is_role(toks[i - 1][2], words.roles) \
                    and toks[i - 1][2].lower().strip("–—-") not in words.common:
                i -= 1
            return i, k + n
    return None


# Words a heading holds and a name does not: articles, possessives, prepositions, adverbs of direction.
HEADING_WORDS = frozenset({"the", "a", "an", "our", "your", "their", "its", "his", "her", "my", "we", "for", "to",
                           "of", "in", "on", "with", "and", "or", "at", "by", "from", "forward", "back", "ahead"})


def _names_a_person(name: list[str], office: bool, words: LabelWords) -> bool:
    """A label must name a person: an office with a name, a known first name, or a name that is
    not made of common words only ("Fact Sheet", "Joint Statement", "Next Question")."""
    plain = [w.strip("–—-") for w in name if not re.fullmatch(r"[A-Z]\.", w) and w.lower() not in NAME_PARTICLES]
    if office or (plain and plain[0] in words.first_names):
        return True
    # a heading of several words may hold words no name has ("Strengthening Our Military Edge",
    # "The Prosperous Path Forward", "Achieving Reciprocal Trade"); a name of one word may be a
    # gerund too ("Manning:")
    heading = lambda w: len(plain) > 1 and (w in HEADING_WORDS or (w.endswith("ing") and len(w) > 5)
                                            or (w.endswith("s") and w[:-1] in words.common))  # "Law Firms"
    return not all(w.lower() in words.common or heading(w.lower()) for w in plain)


def _colon_label(text: str, para_start: int, m: re.Match, words: LabelWords) -> _Label | None:
    """The speaker label ending at colon match ``m``, or None (see ``find_turns``)."""
    end = m.start()
    after = text[m.end():m.end() + 1]
    if after.islower():
        return None  # "... with President Anton Varga: the two leaders": a colon in prose
    seg_start, boundary = _segment_start(text, para_start, end)
    if seg_start >= end:
        return None
    seg = text[seg_start:end].strip()
    if seg.lower() in words.not_labels:
        return None
    if boundary and seg.lower() in words.anonymous:
        start = seg_start + len(text[seg_start:end]) - len(text[seg_start:end].lstrip())
        return _Label(start, start + len(seg), seg, m.end(), False)
    # "Good afternoon, hello, Remark: Hello.": a transcript may run a greeting into the floor's
    # answer with only a comma between; a capitalised unnamed label after it still opens a turn
    after_comma = ANONYMOUS_AFTER_COMMA.search(text, seg_start, end)
    if after_comma is not None and after_comma.group("label").lower() in words.anonymous:
        return _Label(after_comma.start("label"), after_comma.end("label"), after_comma.group("label"), m.end(), False)
    dated = AFTER_TIME.search(text, seg_start, end)
    if dated is not None and dated.group("label").lower() in words.anonymous:
        return _Label(dated.start("label"), dated.end("label"), dated.group("label"), m.end(), False)
    ru = INITIALS_NAME.search(text, seg_start, end)
    if ru is not None:
        return _Label(ru.start("name"), ru.end("name"), ru.group("name"), m.end(), True)
    toks = _tokens(text, seg_start, end)
    tooltip = _tooltip_name(toks, words)
    span = tooltip or _name_of(toks, words)
    if span is None:
        return None
    i, j = span
    k = i  # the office before the name
    while k > 0:
        w = toks[k - 1][2]
        if w.lower() in OFFICE_LINKS or w.strip("–—-") == "" or re.match(r"[A-ZА-ЯЁ0-9]", w):
            k -= 1
        else:
            break
    if k > 0 or not boundary:
        before = toks[k - 1][2].lower() if k > 0 else ""
        roles = [n for n in range(k, i) if _is_role(toks[n][2], words.roles)]
        if not roles or before in PROSE_BEFORE or before.endswith("ed"):
            return None  # a name in running prose, not a label glued to a heading
        k = roles[0]
    while k < i and toks[k][2].lower() in OFFICE_LINKS:
        k += 1
    office = any(_is_role(t[2], words.roles) for t in toks[k:i])
    name = [t[2] for t in toks[i:j]]
    # "Veto Power Impedes Peace Efforts:", "The Gap Goes On:": a heading, not a name
    heading = not office and tooltip is None and (j - k > 4 or toks[k][2].lower() in {"the", "a", "an"})
    if heading or not _names_a_person(name, office or tooltip is not None, words):
        if not (boundary and seg_start == para_start and _round_up_entry(text, m.end())):
            return None
        # "National Federation of Independent Business: headline \n “quote”": a round-up entry
        return _Label(toks[k][0], toks[j - 1][1], " ".join(t[2] for t in toks[k:j]), m.end(), False)
    return _Label(toks[k][0], toks[j - 1][1], " ".join(name), m.end(), office or tooltip is not None)


def _round_up_entry(text: str, at: int) -> bool:
    """True when a quotation opens right after a line opener's colon, or opens the next
    paragraph: "Heritage Foundation: “...”", an entry in a round-up of praise."""
    if QUOTE_OPENS.match(text, at):
        return True
    end = text.find("\n", at)
    nxt = re.compile(r"\s*").match(text, end).end() if end >= 0 else len(text)
    return end >= 0 and bool(QUOTE_OPENS.match(text, nxt))


def _colon_labels(text: str, paras, words: LabelWords, taken: list[tuple[int, int]]) -> list[_Label]:
    out = []
    taken = Spans(taken)
    for s, e in paras:
        for m in COLON.finditer(text, s, e):
            if taken.holding(m.start()):
                continue
            label = _colon_label(text, s, m, words)
            if label is not None and not taken.overlapping(label.start, label.end):
                out.append(label)
    return out


def find_turns(text: str, words: LabelWords | None = None) -> list[Turn]:
    """Transcript turns, at every label form the kit knows: labels opening a paragraph
    ("THE PRESIDENT:", "Q", "MS. LEAVITT:"), labels after a sentence end inside a paragraph
    ("... Thank you. Emmanuel Macron: Mr President, ..."), an office before the name ("President
    of Russia Vladimir Putin:", "Member of the Presidency of Bosnia and Herzegovina Milorad
    Dodik(retranslated):"), a name repeated from a page tooltip, Russian initials ("В.Путин :")
    and unnamed speakers from the lexicon ("Question:", "Реплика:").

    A label must name a person (an office with a name, a known first name, or a name not made of
    common words only), never a note or heading (``not_speaker_labels``). A turn runs from its
    label to the next label, over paragraphs (a stage direction such as "(Applause.)" is left
    out and the speaker goes on; a turn that is only one, "Q: (Inaudible.)", gives no statement), and ends at an all-caps heading or "END"; the last runs to the end of the text, without trailing page furniture (tags, dates,
    links after the last sentence). One label counts alone only when it holds an office, an
    all-caps name or initials; otherwise an article needs two labels to read as a transcript.
    ``words`` defaults to the lexicon without common words (see :func:`label_words`).
    """
    words = words or label_words()
    paras = paragraphs(text)
    labels = _paragraph_labels(text, paras, words)
    labels += _colon_labels(text, paras, words, [(x.start, x.speech) for x in labels])
    labels.sort(key=lambda x: x.start)
    if len(labels) == 1 and not labels[0].strong:
        return []  # one "Stealth Over Health:" line is a headline, not a speaker
    turns = []
    para_ends = [e for _, e in paras]
    for n, label in enumerate(labels):
        stop = labels[n + 1].start if n + 1 < len(labels) else len(text)
        turn = Turn(text[label.start:label.end], label.start, label.end, [], name=label.name, mark_end=label.speech,
                    nameless=label.name.lower() in words.nameless)
        own = _own_name(label.name, words)
        for s, e in itertools.takewhile(lambda p: p[0] < stop, paras[bisect_right(para_ends, label.speech):]):
            s, e = max(s, label.speech), min(e, stop)
            if s >= e:
                continue
            if s > label.speech and (_ends_turn(text[s:e]) or (own and own.search(text, s, e))):
                break  # a heading, "END", or narration about the speaker ("After the briefing, Ellison said")
            if s == label.speech or not STAGE_DIRECTION.fullmatch(text[s:e].strip()):  # "(Applause.)": the speaker goes on
                _add_piece(turn, text, s, e)
        if turn.pieces and not all(STAGE_DIRECTION.fullmatch(text[s:e].strip()) for s, e in turn.pieces):
            turns.append(turn)  # "Q: (Inaudible.)" says nothing a reader could quote
    if turns and labels[-1].speech < len(text):
        _trim_page_furniture(turns[-1], text)
    return [part for t in turns if t.pieces for part in _split_long(t, text)]


# "After the briefing, Ellison said ...": a speaker's surname with one of these is narration.
NARRATION_VERBS = ("said", "says", "told", "added", "asked", "replied", "noted", "explained", "stressed")


def _own_name(name: str, words: LabelWords) -> re.Pattern | None:
    """The speaker's surname before a speech verb, as a pattern: a paragraph after the label
    that says it ("Ellison said") is narration about the speaker, not more of the turn ("Trump
    tariffs" is not). None for a title ("THE PRESIDENT") or Q. The surname is matched as a name
    is written, capitalised: "as [senior administration official] said" in the turn of a
    "SENIOR ADMINISTRATION OFFICIAL" quotes a colleague."""
    last = name.split()[-1].split(".")[-1] if name.split() else ""
    if len(last) < 3 or _is_role(last, words.roles) or last.lower() in words.anonymous:
        return None
    return re.compile(rf"\b(?=[A-ZА-ЯЁ])(?i:{re.escape(last)})\b(?:\W+\w+)?\W+(?i:{'|'.join(NARRATION_VERBS)})\b")


def _add_piece(turn: Turn, text: str, s: int, e: int) -> None:
    """Add text[s:e] to the turn, without the omission marks and separators at its edges, and
    without the editor's account of what others said in between (:func:`_narration_asides`)."""
    for a, b in _narration_asides(text, s, e):
        _add_piece(turn, text, s, a)
        s = b
    piece = text[s:e]
    lead = EDGE_MARKS_START.match(piece).end()
    trail = EDGE_MARKS_END.search(piece, lead).start()
    if trail > lead:
        turn.pieces.append([s + lead, s + trail])


# A sentence in brackets after a sentence end or an omission mark: "... Thank you. <…>(Anna Marsh
# spoke about the river port and asked for funds.)" is the editor's summary of what someone else
# said while the transcript left it out, not the labelled speaker's words.
ASIDE = re.compile(r"(?:^|(?<=[.!?…>\n]))\s*\((?=[A-ZА-ЯЁ])(?P<inner>[^()]+)\)")
FIRST_PERSON_WORDS = re.compile(r"(?i)\b(?:i|me|my|we|us|our|я|мне|меня|мы|нам|нас|наш\w*)\b")


def _narration_asides(text: str, s: int, e: int, min_words: int = 5) -> list[tuple[int, int]]:
    """Spans of text[s:e] that are the editor's narration in brackets: a whole sentence of at least
    ``min_words`` words about others (no "I", "me", "we": "(Maxim Orlov reported this to me
    today)" is the speaker's own aside). A short stage direction ("(Applause.)") stays."""
    return [(m.start(), m.end()) for m in ASIDE.finditer(text, s, e)
            if len(m["inner"].split()) >= min_words and not FIRST_PERSON_WORDS.search(m["inner"])]


def _trim_page_furniture(turn: Turn, text: str, min_words: int = 6) -> None:
    """The last turn of a page ends at its last sentence: what follows it with no sentence end of
    its own ("Темы Регионы Лица ... Статус материала ...") is the page's tags, date and links."""
    s, e = turn.pieces[-1]
    ends = list(SENTENCE_END.finditer(text, s, e))
    if not ends:
        return
    tail = text[ends[-1].end():e]
    if len(tail.split()) >= min_words:
        turn.pieces[-1] = [s, ends[-1].end()]


# A spreadsheet cell holds at most 32,767 characters (Excel), and nobody reads more in one: a
# longer turn (a speech of an hour) becomes several statements, cut between paragraphs or at a
# sentence end, each under the same label.
MAX_TURN_CHARS = 20_000


def _split_long(turn: Turn, text: str, limit: int = MAX_TURN_CHARS) -> list[Turn]:
    """The turn as it is when it is short enough, else in parts of at most ``limit`` characters."""
    if turn.pieces[-1][1] - turn.pieces[0][0] <= limit:
        return [turn]
    pieces = [part for s, e in turn.pieces for part in cut_at_sentences(text, s, e, limit)]
    parts: list[list[list[int]]] = [[]]
    for piece in pieces:
        if parts[-1] and piece[1] - parts[-1][0][0] > limit:
            parts.append([])
        parts[-1].append(piece)
    return [Turn(turn.label, turn.label_start, turn.label_end, part, turn.name, turn.mark_end, turn.nameless)
            for part in parts]


def cut_at_sentences(text: str, s: int, e: int, limit: int) -> list[list[int]]:
    """``[s, e)`` in parts of at most ``limit`` characters, each cut after the last sentence end
    that fits (else at ``limit``), the whitespace between parts left out."""
    parts = []
    while e - s > limit:
        last = None
        for last in SENTENCE_END.finditer(text, s, s + limit):
            pass
        cut = last.end() if last is not None and last.end() > s else s + limit
        parts.append([s, cut])
        s = cut
        while s < e and text[s].isspace():
            s += 1
    if e > s:
        parts.append([s, e])
    return parts


# A paragraph that is one stage direction: "(Applause.)", "(A chandelier above the meeting rattles.)".
STAGE_DIRECTION = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


def _ends_turn(par: str) -> bool:
    """A paragraph no speaker says: an all-caps heading, or "END 3:45 P.M. EST"."""
    p = par.strip()
    return p.isupper() or p.startswith("END")
