"""Stage 2 for Russian and Ukrainian articles: statements with the same columns as English.

``kit.quotes.extract_quotes`` sends every article whose ``language`` is ``ru`` or ``uk`` here
(``kit.language``); the rows have the ``statements`` contract of ``kit.quotes`` (offsets into the
text as given, ``text[quote_start:quote_end] == quote``) plus ``act``, the speech act of the cue.

What it reads, with natasha's morphology and UD dependency parse (``kit.nlp.load_russian``):

* quotations in « » and „ “ (the shared scans in ``kit.quotes_marks``) with their cue:
  ``«…», — заявил X``, ``X заявил: «…»``; a quotation inside a longer clause is partial;
* reported speech: a cue verb from ``data/speech_verbs.yml`` (``ru: verbs``, matched on its
  lemma) governing a clause (``X заявил, что …``), or standing aside from one
  (``как отметил X, …``); ``по словам X, …``; ``Об этом сообщил X`` (the sentence before);
  a verb with its object (``выразил обеспокоенность …``); a topic verb's object
  (``Стороны обсудили ситуацию …``); impersonal forms (``Было отмечено, что …``,
  ``Отмечалось, что …``) have no speaker;
* transcript turns (``В.Путин: …``) as in English, and reported speech inside a turn too:
  a first-person cue there (``Хочу подчеркнуть, что …``) is the turn's speaker, ``Вы`` the
  person the speaker is talking with;
* the venue: a dative addressee (``журналистам``, ``телеканалу CNN``) or a medium noun
  (``в интервью ТАСС`` -> ТАСС).

Speakers are resolved within the article on the names' nominative forms: ``Пескова`` ->
``Дмитрий Песков``, ``он``/``она`` -> the nearest earlier person of that gender,
``В.Путин`` -> ``Владимир Путин`` when the article names him in full. Titles (``Президент``,
``глава государства``) stay as written for the actor registry's titles to decide.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Iterator

from .cues import Lexicon, RuLexicon, load_ru_lexicon
from .language import fold_case_endings
from .spans import Spans
from .quotes import (Cue, Grammar, Plan, _clause_tokens, _inherit, _row, _turn_row, plan_article,
                     statements_in_paragraph)

log = logging.getLogger(__name__)

# Words a cue's content may start with that are not part of what was said ("что", "чтобы").
TRIM_LEFT = frozenset({"что", "чтобы", "как", "ли", ",", ":", "-", "—", "–", ";", "и", "а", "но"})
GLUE = frozenset({"что", "чтобы", "о", "об", "том"})
SUBJECT_DEPS = {"nsubj", "nsubj:pass"}
NOT_MENTION_DEPS = {"acl", "acl:relcl", "punct", "parataxis", "advcl", "conj", "cc", "ccomp", "xcomp", "obl"}
RELATIVE = {"который", "которая", "кто"}
# Words that make a name an address ("Уважаемый Владимир Владимирович"), never a speaker.
ADDRESS_WORDS = {"уважаемый", "глубокоуважаемый", "дорогой"}
# Subjects that make a cue verb mean something else: "это говорит о том" (this shows).
NOT_SPEAKERS = {"это", "что", "всё", "все", "то"}
# "о чём я говорил", "о котором хочется сказать": the topic is a pronoun pointing elsewhere.
RELATIVE_TOPICS = {"что", "который", "это", "то"}
TOPIC_CASES = {"о", "об", "обо", "насчёт", "насчет", "про"}
INITIALS = re.compile(r"(?:[А-ЯЁA-Z]\.\s?){1,2}$")
LEADING_INITIALS = re.compile(r"^(?:[А-ЯЁA-Z]\.\s?){1,2}(?=[А-ЯЁA-Z])")
@dataclass
class RuCue(Cue):
    """A Russian cue, with what the engine needs to resolve its speaker later."""
    person: str = ""       # "1" for a first-person cue (подчеркну, мы договорились), "2" for вы
    passive: bool = False  # отмечалось, было отмечено: said by nobody named
    impersonal: bool = False  # "как говорят": a third-person plural with no subject, said by people at large


# ---------------------------------------------------------------- cues in a parsed paragraph

def _feat(tok, name: str) -> str:
    values = tok.morph.get(name)
    return values[0] if values else ""


def _cue_lemma(tok, lex: RuLexicon) -> tuple[str, bool, bool] | None:
    """(act, belief, passive) when ``tok`` is a cue verb, else None. An imperfective reflexive
    form of a cue verb (отмечалось, подчёркивается, говорится) is its impersonal passive."""
    lemma = tok.lemma_.lower()
    if _feat(tok, "Mood") == "Imp":
        return None  # "Скажите, пожалуйста, …" asks, it reports nothing
    if tok.pos_ in {"VERB", "AUX"}:
        passive = _feat(tok, "Voice") == "Pass" or any(c.dep_ == "aux:pass" for c in tok.children)
        if lemma in lex.verbs:
            return lex.verbs[lemma], False, passive
        if lemma in lex.object_verbs:
            return "says", False, passive
        if lemma in lex.belief:
            return lex.belief[lemma], True, passive
        base = lemma[:-2] if lemma.endswith(("ся", "сь")) else ""
        if base in lex.verbs and _feat(tok, "Aspect") == "Imp":
            return lex.verbs[base], False, True
    if tok.pos_ == "ADJ" and lemma in lex.belief and _feat(tok, "Variant") == "Short":
        return lex.belief[lemma], True, False  # "я уверен, что …"
    return None


def _subject(verb, depth: int = 0):
    """The speaker token of a Russian cue: its subject (the last, so "С . Лавров" gives Лавров),
    the agent of a passive, the noun a relative clause or participle describes, or the subject
    of the verb it hangs from ("… и подчеркнул", "хочу подчеркнуть", "отметив")."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and not c.is_punct and not _vocative(c, verb)]
    if subjects:
        subject = _after_initial(subjects[-1])
        if subject.lemma_.lower() in RELATIVE and verb.dep_ == "acl:relcl":
            return verb.head
        return subject
    agent = next((c for c in verb.children if c.dep_ == "obl:agent"), None)
    if agent is not None:
        return agent
    named = _stray_nominative(verb)
    if named is not None:
        return named
    if verb.dep_ in {"acl", "acl:relcl"} and verb.head.pos_ in {"NOUN", "PROPN"}:
        return verb.head  # "заявивший журналистам министр"
    if depth < 3 and verb.dep_ in {"conj", "xcomp", "advcl"} and verb.head.i != verb.i \
            and (verb.dep_ != "advcl" or _feat(verb, "VerbForm") == "Conv"):
        return _subject(verb.head, depth + 1)
    return None


def _stray_nominative(verb):
    """'Об этом сообщил журналистам Евгений Корнилов': a person's name in the nominative that the
    parser hung on the addressee is the subject all the same (a Russian verb's subject is the
    nominative it agrees with)."""
    for child in verb.children:
        if child.dep_ not in {"iobj", "obl", "obj"}:
            continue
        for grand in child.children:
            if grand.dep_ in {"appos", "nmod"} and grand.pos_ == "PROPN" and _feat(grand, "Case") == "Nom" \
                    and _feat(grand, "Animacy") == "Anim" and _feat(child, "Case") != "Nom":
                return grand
    return None


def _vocative(subject, verb) -> bool:
    """'Уважаемый Владимир Владимирович, хочу сказать …': an address, not the subject (a verb in
    the first or second person cannot have a noun for its subject)."""
    if any(t.lemma_.lower() in ADDRESS_WORDS for t in subject.subtree):
        return True
    return subject.pos_ in {"NOUN", "PROPN"} and _feat(verb, "Person") in {"1", "2"}


def _after_initial(tok):
    """'В . Путин' parsed with the initial as the subject: the surname after it is."""
    doc = tok.doc
    if len(tok.text) == 1 and tok.text.isupper() and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "." \
            and doc[tok.i + 2].text[:1].isupper():
        return doc[tok.i + 2]
    return tok


def _person(verb, source) -> str:
    """'1' or '2' when the cue speaks in the first or second person, else ''."""
    if source is not None:
        return _feat(source, "Person") if source.pos_ == "PRON" and _feat(source, "Person") in {"1", "2"} else ""
    for tok in (verb, verb.head if verb.dep_ == "xcomp" else verb):
        if _feat(tok, "Person") in {"1", "2"}:
            return _feat(tok, "Person")
    return ""


def _indefinite(verb) -> bool:
    """'говорят', 'как в таких случаях говорят': a present-tense third-person plural without a
    subject speaks for people at large, not for anyone in the text."""
    return _feat(verb, "Person") == "3" and _feat(verb, "Number") == "Plur"


def _topic_content(verb) -> set:
    """'рассказал о планах', 'сообщил о том, что …': the obl with о/об is what was said."""
    ids = set()
    for child in verb.children:
        if child.dep_ == "obl" and any(g.dep_ == "case" and g.lower_ in TOPIC_CASES for g in child.children) \
                and child.lemma_.lower() not in RELATIVE_TOPICS:
            ids |= {t.i for t in child.subtree}
    return ids


def _previous_sentence(verb) -> set:
    """'Об этом заявил X': the content is the sentence before the cue's, in the same paragraph."""
    sent = verb.sent
    if sent.start == 0:
        return set()
    before = verb.doc[sent.start - 1].sent
    return {t.i for t in before if not t.is_space}


def _after_colon(verb) -> set:
    """'о чём я говорил: <content>': the words after a colon that follows the cue."""
    doc, sent = verb.doc, verb.sent
    colon = next((t.i for t in doc[verb.i + 1:min(sent.end, verb.i + 4)] if t.text == ":"), None)
    return {t.i for t in doc[colon + 1:sent.end] if not t.is_space and not t.is_punct or t.i < sent.end - 1} \
        if colon is not None else set()


def _that_clause(verb) -> set:
    """'договорились с Президентом, что …': a что-clause the parser hung on a noun still is the
    content, read off the surface (", что" within a few words of the cue)."""
    doc, sent = verb.doc, verb.sent
    for t in doc[verb.i + 1:min(sent.end - 1, verb.i + 8)]:
        if t.lower_ in {"что", "чтобы"} and doc[t.i - 1].text == ",":
            return {x.i for x in doc[t.i + 1:sent.end] if not x.is_space}
        if t.text in {".", ":", "«", ";"}:
            break
    return set()


def _about_this(verb) -> bool:
    for child in verb.children:
        if child.dep_ == "obl" and child.lemma_.lower() == "это" and \
                any(g.dep_ == "case" and g.lower_ in TOPIC_CASES for g in child.children):
            return True
    return False


def _aside_clause(verb) -> set:
    """'Как отметил X, <content>.': the words after the comma that closes the aside, to the
    sentence's end (read off the surface: the parser often hangs this clause oddly)."""
    sent, doc = verb.sent, verb.doc
    opener = next((doc[j] for j in range(verb.i - 1, max(sent.start, verb.i - 5) - 1, -1) if doc[j].lower_ == "как"), None)
    if opener is None or (opener.i > sent.start and doc[opener.i - 1].text not in {",", "—", "–", "("}
                          and doc[opener.i - 1].lower_ not in {"и", "а", "но", "однако"}):
        return set()
    comma = next((t.i for t in verb.doc[verb.i:sent.end] if t.text == ","), None)
    if comma is None:
        return set()
    return {t.i for t in verb.doc[comma + 1:sent.end] if not t.is_space}


def _verb_cue(tok, lex: RuLexicon, blocked: set) -> RuCue | None:
    found = _cue_lemma(tok, lex)
    if tok.i in blocked or found is None:
        return None
    act, belief, passive = found
    cue = RuCue([tok], tok.sent, act=act, belief=belief, passive=passive)
    cue.source = _subject(tok)
    if cue.source is not None and cue.source.lemma_.lower() in NOT_SPEAKERS:
        return None
    cue.person = _person(tok, cue.source)
    cue.impersonal = cue.source is None and _indefinite(tok)
    source_ids = {t.i for t in cue.source.subtree} if cue.source is not None and cue.source.head.i == tok.i else set()
    heads = [c for c in tok.children if c.dep_ in ({"ccomp"} if belief else {"ccomp", "parataxis"})]
    for h in heads:
        cue.content |= _clause_tokens(h, source_ids | {tok.i})
    if not heads:
        cue.content = _that_clause(tok)
    if not cue.content and not belief:
        objects = {"obj"} if tok.lemma_.lower() in lex.topic_verbs else \
            {"obj", "obl", "iobj"} if tok.lemma_.lower() in lex.object_verbs else \
            {"obj", "xcomp", "obl"} if act in lex.object_acts else set()
        for child in tok.children:  # "опроверг слухи", "призвал правительство ускорить реформу"
            if child.dep_ in objects and child.lemma_.lower() not in RELATIVE_TOPICS and child.i > tok.i:
                cue.content |= {t.i for t in child.subtree} - source_ids
        cue.content |= _topic_content(tok)
        cue.content = cue.content or _after_colon(tok)
        aside = _aside_clause(tok)
        if _about_this(tok):
            cue.content = _previous_sentence(tok)
        elif aside:
            cue.content = aside
        elif not cue.content and tok.dep_ in {"parataxis", "advcl", "conj"} and tok.head.i != tok.i \
                and (tok.dep_ == "parataxis" or any(c.lower_ == "как" for c in tok.children)):
            cue.content = _clause_tokens(tok.head, {t.i for t in tok.subtree})  # "«…», — заявил X"
    cue.subtree = {t.i for c in tok.children if c.dep_ in {"obj", "ccomp", "parataxis", "xcomp", "obl"}
                   for t in c.subtree} - source_ids
    return cue


def _object_cue(tok, lex: RuLexicon, blocked: set) -> RuCue | None:
    """'выразил обеспокоенность эскалацией': a verb and its object make the cue."""
    if tok.i in blocked or tok.pos_ != "VERB":
        return None
    lemma = tok.lemma_.lower()
    for obj in tok.children:
        act = lex.verb_objects.get((lemma, obj.lemma_.lower())) if obj.dep_ in {"obj", "obl"} else None
        if act is None:
            continue
        cue = RuCue(sorted([tok, obj], key=lambda t: t.i), tok.sent, act=act)
        cue.source = _subject(tok)
        cue.person = _person(tok, cue.source)
        cue.passive = _feat(tok, "Voice") == "Pass"
        cue.content = ({t.i for t in obj.subtree} - {obj.i}) | _topic_content(tok)
        for child in tok.children:  # "… признательность Дональду Трампу за стремление …"
            if child.dep_ == "ccomp" or (child.i > obj.i and child.dep_ not in {"punct", "conj", "cc", "parataxis"}):
                cue.content |= {t.i for t in child.subtree}
        cue.subtree = set(cue.content)
        return cue
    return None


def _phrase_cues(doc, lex: RuLexicon, blocked: set) -> list[RuCue]:
    """'по словам Пескова, …': the source is the name after the phrase, the content its clause."""
    cues = []
    lower = [t.lower_ for t in doc]
    for phrase, act in lex.phrases.items():
        n = len(phrase)
        for i in range(len(doc) - n + 1):
            if tuple(lower[i:i + n]) != phrase or i in blocked:
                continue
            toks = list(doc[i:i + n])
            last = toks[-1]
            source = next((c for c in last.children if c.dep_ in {"nmod", "appos"} and c.i > last.i), None)
            if source is None:
                continue
            anchor = last.head
            while anchor.pos_ not in {"VERB", "AUX", "ADJ"} and anchor.head.i != anchor.i:
                anchor = anchor.head
            phrase_ids = {t.i for t in last.subtree} | {t.i for t in toks}
            cue = RuCue(toks, toks[0].sent, source=source, act=act, belief=act == "believes")
            cue.content = {t.i for t in anchor.subtree} - phrase_ids
            cue.subtree = set(cue.content)
            cues.append(cue)
    return cues


def cues_in(doc, lex: RuLexicon, blocked: set) -> list[RuCue]:
    """Every cue in a parsed Russian paragraph, skipping tokens inside quotations and labels."""
    if not doc.has_annotation("DEP"):
        return []
    cues = []
    for tok in doc:
        cue = _object_cue(tok, lex, blocked) or _verb_cue(tok, lex, blocked)
        if cue is not None:
            cues.append(cue)
    return cues + _phrase_cues(doc, lex, blocked)


# ---------------------------------------------------------------- mention and venue

def mention(source, off: int, quote_ids: set) -> tuple[int, int, object]:
    """Character span and head of the speaker mention ("пресс-секретарь президента Дмитрий Песков",
    "С.Лавров": initials written before a surname belong to it)."""
    doc = source.doc
    keep, stack = {source.i}, [source]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if child.dep_ in NOT_MENTION_DEPS or child.i in quote_ids:
                continue
            keep.add(child.i)
            stack.append(child)
    lo, hi = source.i, source.i
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    while lo < hi and doc[lo].is_punct:
        lo += 1
    start = doc[lo].idx
    initials = INITIALS.search(doc.text[max(0, start - 6):start])
    if initials and (start - 6 <= 0 or not doc.text[start - 6 + initials.start() - 1:][:1].isalpha()):
        start -= len(initials.group())
    return off + start, off + doc[hi].idx + len(doc[hi]), source


def _phrase(tok) -> str:
    skip = {t.i for c in tok.children if c.dep_ in {"acl", "acl:relcl", "punct", "parataxis"}
            or (c.dep_ == "appos" and _feat(c, "Case") == "Nom" and _feat(c, "Animacy") == "Anim"
                and _feat(tok, "Case") != "Nom") for t in c.subtree}
    toks = [t for t in tok.subtree if t.i not in skip and t.dep_ != "case"]
    text = "".join(t.text_with_ws for t in toks).strip().strip(",.;:").strip()
    return text[1:-1] if text.startswith("«") and text.endswith("»") else text


def venue(cue: RuCue, lex: RuLexicon) -> str:
    """The addressee or medium: "заявил журналистам", "в интервью ТАСС", "телеканалу CNN"."""
    verb = cue.tokens[0]
    for child in verb.children:
        has_case = any(g.dep_ == "case" for g in child.children)
        if child.dep_ in {"iobj", "obl"} and not has_case and _feat(child, "Case") == "Dat" \
                and child.pos_ in {"NOUN", "PROPN"}:
            return _phrase(child)
    for child in verb.children:
        if child.dep_ == "obl" and child.lemma_.lower() in lex.medium:
            target = next((c for c in child.children if c.dep_ in {"nmod", "iobj", "appos", "flat"}
                           and c.pos_ in {"NOUN", "PROPN"}), None)
            return _phrase(target) if target is not None else child.lemma_.lower()
    return ""


RUSSIAN = Grammar(cues_in, mention, venue, GLUE, TRIM_LEFT)


# ---------------------------------------------------------------- speakers within the article

@dataclass
class RuPerson:
    start: int
    end: int
    name: str      # nominative form ("Дмитрий Песков")
    gender: str    # "m", "f" or ""
    full: str = ""


class RuResolver:
    """Speaker mentions resolved within one Russian article (the same API as ``kit.coref.Resolver``)."""

    def __init__(self, text: str, names: list[tuple[int, int, str, str]], blocked: list[tuple[int, int]],
                 lex: RuLexicon):
        self.text, self.lex = text, lex
        people = [RuPerson(s, e, LEADING_INITIALS.sub("", name).strip() if " " not in name else name, g)
                  for s, e, name, g in sorted(names) if not any(bs <= s < be for bs, be in blocked)]
        self.people = [p for p in people if p.name and p.name[0].isupper()]
        for p in self.people:
            p.full = self.full_name(p.name)
        genders: dict[str, str] = {}
        for p in self.people:
            if p.gender:
                genders.setdefault(p.full, p.gender)
        for p in self.people:
            p.gender = p.gender or genders.get(p.full, "")

    def full_name(self, name: str) -> str:
        """The fullest name in the article sharing this name's surname."""
        key = fold_case_endings(name.split()[-1]) if name.split() else ""
        best = name
        for p in self.people:
            words = p.name.split()
            if words and fold_case_endings(words[-1]) == key and len(words) > len(best.split()):
                best = p.name
        return best

    def surname(self, word: str, at: int = -1) -> str:
        """A surname, in any case or with initials ("В.Путин", "Пескова") -> the full name, '' when unknown."""
        key = fold_case_endings(LEADING_INITIALS.sub("", word.strip()))
        for p in reversed(self.people):
            if fold_case_endings(p.name.split()[-1]) == key:
                return p.full
        return ""

    def pronoun(self, word: str, at: int) -> str:
        gender = "m" if word in self.lex.male else "f" if word in self.lex.female else ""
        for p in reversed(self.people):
            if p.end <= at and (not gender or not p.gender or p.gender == gender):
                if p.gender == gender:
                    return p.full
        return ""

    def resolve(self, mention: str, start: int, head: str, head_at: int = -1) -> str:
        """The speaker for a mention starting at ``start`` whose head word is ``head``."""
        if not mention:
            return ""
        lhead = head.lower()
        if lhead in self.lex.male or lhead in self.lex.female:
            return self.pronoun(lhead, start)
        if lhead in self.lex.first or lhead in self.lex.second or lhead == "они":
            return ""
        end = start + len(mention)
        inside = [p for p in self.people if p.start < end and start < p.end]
        if inside:
            holding = [p for p in inside if p.start <= head_at < p.end]
            return (holding or inside)[0].full
        words = mention.split()
        if head[:1].isupper() and len(words) <= 3:
            found = self.surname(words[-1], start)
            if found:
                return found
        return mention


# ---------------------------------------------------------------- one article

def _turn_at(turns, at: int):
    return next((t for t in turns if any(s <= at < e for s, e in t.pieces)), None)


def _addressee(turns, turn, speaker_of) -> str:
    """Who 'Вы' is in a turn: the nearest other speaker before it, else after it."""
    k = turns.index(turn)
    own = speaker_of(turn)
    for other in list(reversed(turns[:k])) + turns[k + 1:]:
        if speaker_of(other) != own:
            return speaker_of(other)
    return ""


def _named_subjects(docs: dict, plan: Plan, names: list) -> list[tuple[int, int, str, str]]:
    """Proper-noun subjects naming a person that the name tagger missed ("Туманов заявил"): a
    later "он" can refer to them. Their gender is the verb's or the noun's."""
    found = []
    for k, doc in docs.items():
        off = plan.paras[k][0]
        for tok in doc:
            at = off + tok.idx
            if tok.pos_ != "PROPN" or tok.dep_ not in SUBJECT_DEPS or _feat(tok, "Animacy") != "Anim" \
                    or any(s <= at < e for s, e, _, _ in names):
                continue
            gender = {"Masc": "m", "Fem": "f"}.get(_feat(tok, "Gender") or _feat(tok.head, "Gender"), "")
            found.append((at, at + len(tok), tok.text, gender))
    return found


def statements_for_article(plan: Plan, docs: dict, lex: RuLexicon) -> list[dict]:
    """Statement rows for one Russian article whose paragraphs natasha has parsed."""
    names = []
    for k, doc in docs.items():
        off = plan.paras[k][0]
        names += [(off + s, off + e, name, gender) for (s, e), (name, gender) in doc.user_data.get("names", {}).items()]
    names += _named_subjects(docs, plan, names)
    quoted = [tuple(p) for q in plan.quotations for p in q.pieces]
    labels = [(t.label_start, t.label_end) for t in plan.turns]
    resolver = RuResolver(plan.text, names, quoted + labels, lex)
    blocked = Spans(labels + quoted)  # sorted once, not once per paragraph
    rows, cues = [], {}
    for k in sorted(plan.parse):
        doc = docs[k]
        if len(doc) and not doc.has_annotation("SENT_START"):
            for tok in doc:
                tok.is_sent_start = tok.i == 0
        for st in statements_in_paragraph(plan, k, doc, lex, blocked, RUSSIAN, quotes_in_turns=True):
            row = _row(plan, st, resolver, doc, lex, RUSSIAN)
            cues[id(row)] = st.cue
            rows.append(row)
    turn_rows = {id(t): _turn_row(plan, t, resolver) for t in plan.turns}
    speaker_of = lambda t: turn_rows[id(t)]["speaker"]
    kept = []
    for row in rows:
        turn = _turn_at(plan.turns, row["quote_start"])
        cue = cues[id(row)]
        if turn is not None and cue is None:
            continue  # a quotation inside a turn without a cue is part of what the turn says
        if turn is not None and not row["speaker"] and cue is not None and not cue.passive:
            # inside a turn, a cue in the first person, or with no subject at all ("хотел бы
            # сказать", "нужно отметить"), is the turn's speaker; "Вы" is whom they are talking to
            if cue.person == "2":
                row["speaker"] = _addressee(plan.turns, turn, speaker_of)
            elif cue.person == "1" or (cue.source is None and not cue.impersonal):
                row["speaker"] = speaker_of(turn)
        kept.append(row)
    rows = kept + list(turn_rows.values())
    rows.sort(key=lambda r: (r["quote_start"], r["quote_end"], r["kind"]))
    _inherit(rows)
    seen, out = set(), []
    for r in rows:
        if not r["speaker"] and not r["cue"] and r["kind"] == "direct" and r["confidence"] > 0.35:
            continue  # a closed quotation nobody in the article can be said to have said
        r["quote_id"] = f"{plan.article_id}:{r['quote_start']}-{r['quote_end']}"
        if r["quote_id"] in seen:
            continue
        seen.add(r["quote_id"])
        r.pop("_para")
        out.append(r)
    return out


# «A, — сказал он. — B»: an attribution set off by dashes inside one pair of marks.
INNER_ATTRIBUTION = re.compile(r"(?<=[,.!?…])\s*[—–]\s+[а-яё][^—–«»\n]{1,80}?[.,:]?\s*[—–]\s+(?=\S)")


def _split_inner_attribution(text: str, q) -> None:
    """Cut the inner attribution out of a quotation's pieces, so its cue is read as a cue."""
    pieces = []
    for s, e in q.pieces:
        at = s
        for m in INNER_ATTRIBUTION.finditer(text, s, e):
            pieces.append([at, m.start()])
            at = m.end()
        pieces.append([at, e])
    q.pieces = [p for p in pieces if p[1] > p[0]]


def _is_name(text: str, q) -> bool:
    """«Россия 1», «Артек», «Газпромбанк»: a short capitalised quotation is a name, not speech."""
    words = text[q.start:q.end].split()
    if len(words) >= 4 or not q.closed or not (text[q.start:q.start + 1].isupper() or text[q.start:q.start + 1].isdigit()):
        return False
    before = text[:q.start - 1].rstrip()  # the text before the opening mark
    return bool(before) and before[-1].isalnum()  # "директор «Артека»", not "«Это провокация», — …"


def iter_statements_ru(items: list[tuple[str, str]], lex_en: Lexicon) -> Iterator[list[dict]]:
    """Statement rows for each (article_id, text), in order. Every paragraph is parsed: a
    Kremlin text is one paragraph, and a news story's paragraphs nearly all hold a cue."""
    from .nlp import load_russian

    lex = load_ru_lexicon()
    plans = [plan_article(a, t, lex_en, fast=False) for a, t in items]
    for plan in plans:
        plan.quotations = [q for q in plan.quotations if not _is_name(plan.text, q)]
        for q in plan.quotations:
            _split_inner_attribution(plan.text, q)
    texts = (plan.text[plan.paras[k][0]:plan.paras[k][1]] for plan in plans for k in plan.parse)
    parsed = load_russian().pipe(texts)
    for plan in plans:
        docs = {k: next(parsed) for k in plan.parse}
        try:
            yield statements_for_article(plan, docs, lex)
        except Exception as exc:  # one odd article must not stop the run
            log.warning("article %s: quote extraction failed (%s: %s)", plan.article_id, type(exc).__name__, exc)
            yield []
