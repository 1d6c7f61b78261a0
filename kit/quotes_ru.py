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
from .quotes import Grammar, _inherit, _row, _turn_row, statements_in_paragraph
from .quotes_cues import Cue, _clause_tokens
from .quotes_plan import Plan, plan_article
from .quotes_marks import Quotation, Turn
from .quotes_readouts import implicit_speakers
from .coref import JOINED

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
NOT_SPEAKERS = {"это", "что", "всё", "все", "весь", "то"}
# "о чём я говорил", "о котором хочется сказать": the topic is a pronoun pointing elsewhere.
RELATIVE_TOPICS = {"что", "который", "это", "то"}
TOPIC_CASES = {"о", "об", "обо", "насчёт", "насчет", "про"}
TIME_NOUNS = {"год", "месяц", "неделя", "день", "время", "период", "век", "квартал", "полугодие", "начало", "конец"}
INITIALS = re.compile(r"(?:[А-ЯЁA-Z]\.\s?){1,2}$")
RU_PATRONYMIC = re.compile(r"(?:ович|евич|ьич|овна|евна|ична|инична)(?:а|у|ем|ом|е|ы|ой)?$")
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


# Endings of a short passive participle ("констатирован", "подчёркнута", "отмечены").
SHORT_PARTICIPLE = ("ан", "ана", "ано", "аны", "ян", "яна", "яно", "яны", "ен", "ена", "ено", "ены", "ён",
                    "ут", "ута", "уто", "уты", "ит", "ита", "ито", "иты")


def _passive(tok) -> bool:
    """A passive cue: by its features, a passive auxiliary, or the form of a short passive
    participle the tagger read as an adjective or an infinitive ("Подчёркнута значимость …",
    "констатирован высокий уровень …")."""
    if _feat(tok, "Voice") == "Pass" or any(c.dep_ == "aux:pass" for c in tok.children):
        return True
    lemma, word = tok.lemma_.lower(), tok.lower_.replace("ё", "е")
    return tok.pos_ in {"ADJ", "VERB"} and lemma.endswith(("ть", "ти")) and word != lemma \
        and word.endswith(SHORT_PARTICIPLE) and _feat(tok, "VerbForm") != "Fin"


def _cue_lemma(tok, lex: RuLexicon) -> tuple[str, bool, bool] | None:
    """(act, belief, passive) when ``tok`` is a cue verb, else None. An imperfective reflexive
    form of a cue verb (отмечалось, подчёркивается, говорится) is its impersonal passive."""
    lemma = tok.lemma_.lower()
    if _feat(tok, "Mood") == "Imp":
        return None  # "Скажите, пожалуйста, …" asks, it reports nothing
    misread = tok.pos_ == "PROPN" and any(c.dep_ == "ccomp" for c in tok.children)
    participle = tok.pos_ == "ADJ" and _passive(tok)
    if tok.pos_ in {"VERB", "AUX"} or misread or participle:  # "Подчёркивалось, что …" can be tagged a proper noun
        passive = _passive(tok)
        if lemma in lex.verbs:
            return lex.verbs[lemma], False, passive
        if lemma in lex.object_verbs:
            return "says", False, passive
        if lemma in lex.belief:
            return lex.belief[lemma], True, passive
        if lemma in lex.negated and any(c.lower_ == "не" for c in tok.children):
            return lex.negated[lemma], False, passive  # "не исключил повышения налогов"
        base = lemma[:-2] if lemma.endswith(("ся", "сь")) else ""
        if base in lex.verbs and (_feat(tok, "Aspect") == "Imp" or misread) \
                and any(c.dep_ in {"ccomp", "parataxis"} for c in tok.children):
            return lex.verbs[base], False, True  # "Отмечалось, что …"; not "добавляются примеры"
    if tok.pos_ == "ADJ" and lemma in lex.belief and _feat(tok, "Variant") == "Short":
        return lex.belief[lemma], True, False  # "я уверен, что …"
    return None


def _subject(verb, depth: int = 0):
    """The speaker token of a Russian cue: its subject (the last, so "С . Лавров" gives Лавров),
    the agent of a passive, the noun a relative clause or participle describes, or the subject
    of the verb it hangs from ("… и подчеркнул", "хочу подчеркнуть", "отметив")."""
    passive = _passive(verb)
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and not c.is_punct and not _vocative(c, verb)
                and c.pos_ not in {"VERB", "AUX"}  # "Хотел Вас поблагодарить" misparsed: a verb is nobody
                and not passive  # "Отмечены рост …": a passive's subject is what was said, not who
                and not _past_conjunction(verb, c)]
    if subjects:
        subject = _after_initial(subjects[-1])
        if subject.lemma_.lower() in RELATIVE and verb.dep_ == "acl:relcl":
            return verb.head
        return subject
    agent = next((c for c in verb.children if c.dep_ == "obl:agent"), None)
    if agent is not None:
        return agent
    side = next((c for c in verb.children if c.dep_ == "obl" and c.lemma_.lower() == "сторона"
                 and any(g.lower_ in {"с", "со"} for g in c.children)), None)
    if passive and side is not None:
        return side  # "С китайской стороны выражена поддержка …"
    named = _stray_nominative(verb)
    if named is not None:
        return named
    fronted = next((c for c in verb.children if c.dep_ in {"obj", "nmod"} and c.i < verb.i and c.pos_ == "PROPN"
                    and _feat(c, "Animacy") == "Anim" and not any(g.dep_ == "case" for g in c.children)
                    and any(o.dep_ == "obj" and o.i > verb.i for o in verb.children)), None)
    if fronted is not None:
        return fronted  # "Звягинцева обвинила министерство …": a name before the verb, its object after
    if verb.dep_ in {"acl", "acl:relcl"} and verb.head.pos_ in {"NOUN", "PROPN"}:
        return _after_initial(verb.head)  # "заявивший журналистам министр"; "В.Путин: Я хочу …" misparsed
    beside = verb.dep_ in {"parataxis", "ROOT"}  # natasha marks a second main clause ROOT with a head
    if depth < 3 and (verb.dep_ in {"conj", "xcomp", "advcl"} or beside) and verb.head.i != verb.i \
            and (verb.dep_ != "advcl" or _feat(verb, "VerbForm") == "Conv") and not _first_or_second_person(verb) \
            and (not beside or (verb.head.i < verb.i and _cue_verb_form(verb.head))):
        return _subject(verb.head, depth + 1)
    return None


def _first_or_second_person(verb) -> bool:
    """'Работа ведётся, но прошу её не затягивать': a verb in the first or second person has its own
    unspoken subject (я, мы, вы), never the subject of the verb it is conjoined to."""
    return _feat(verb, "Person") in {"1", "2"}


def _cue_verb_form(tok) -> bool:
    """'высоко оценил усилия, поблагодарил за …': a finite verb whose subject a verb set beside it shares."""
    return tok.pos_ == "VERB" and _feat(tok, "VerbForm") == "Fin"


def _past_conjunction(verb, subject) -> bool:
    """'опасаются, что новый завод …': a subject after 'что' belongs to the reported clause."""
    if subject.i < verb.i:
        return False
    return any(t.lower_ in {"что", "чтобы", "ли"} or t.text == ":" for t in verb.doc[verb.i + 1:subject.i])


def _place_source(verb, lex: RuLexicon):
    """'В заявлении компании отмечается, что …' (the document says it) and 'Как отметили в
    пресс-службе мэрии', 'В Кремле заявили' (the people there): the place a cue with no subject
    names is its source."""
    impersonal = _passive(verb) or _feat(verb, "Number") == "Plur"
    for child in verb.children:
        if not impersonal or child.dep_ != "obl" or child.pos_ not in {"NOUN", "PROPN"} \
                or not any(g.dep_ == "case" and g.lower_ in {"в", "во", "на"} for g in child.children):
            continue
        if any(g.dep_ == "det" for g in child.children) or child.lemma_.lower() in TIME_NOUNS:
            continue  # "в этой связи", "как в таких случаях говорят", "в прошлом году": a circumstance, not a place
        document = child.lemma_.lower() in lex.medium or child.lemma_.lower() in lex.documents
        if document and _passive(verb):
            return child
        if not document and _feat(verb, "Number") == "Plur" and _feat(child, "Case") == "Loc" \
                and child.lemma_.lower() not in lex.medium:
            return child
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
    # "Единственное могу сказать", "по-моему, … согласился": not a subject a first-person verb can have
    return subject.pos_ in {"NOUN", "PROPN", "ADJ", "DET", "ADV"} and _feat(verb, "Person") in {"1", "2"}


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


def _topic_content(verb, cases=TOPIC_CASES) -> set:
    """'рассказал о планах', 'сообщил о том, что …': the phrase with о/об is what was said, on
    the verb or on its addressee ('проинформировал Председателя о контактах'). A bare pronoun
    ('заявил о себе', 'рассказал о нём') names no content."""
    ids = set()
    holders = [verb] + [c for c in verb.children if c.dep_ in {"obj", "iobj"}]
    for holder in holders:
        for child in holder.children:
            if child.dep_ in {"obl", "nmod"} and child.i > verb.i \
                    and any(g.dep_ == "case" and g.lower_ in cases for g in child.children) \
                    and child.lemma_.lower() not in RELATIVE_TOPICS and child.pos_ != "PRON":
                ids |= {t.i for t in child.subtree}
    return ids


def _greeting(verb, lex: RuLexicon) -> bool:
    """'Рады приветствовать Вас в Москве': welcoming a person is a courtesy; welcoming a decision
    ('приветствуют добрые услуги третьих стран') is a position."""
    return verb.lemma_.lower() in lex.greeting and not any(
        c.dep_ == "obj" and c.pos_ == "NOUN" and _feat(c, "Animacy") == "Inan" for c in verb.children)


def _is_cue_verb(tok, lex: RuLexicon) -> bool:
    """A cue verb on its own ('добавил') or with its object ('выразил готовность')."""
    return bool(_cue_lemma(tok, lex)) or any((tok.lemma_.lower(), c.lemma_.lower()) in lex.verb_objects
                                             for c in tok.children)


def _refused(verb, lex: RuLexicon) -> bool:
    """'отказался назвать число пострадавших': a cue verb under a verb of refusal says nothing."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lex.refusal


def _split_conjoined(cues: list) -> None:
    """'сообщил, что A, и добавил, что B': what the two conjoined cues report is cut at the second
    cue's verb, A for the first and B for the second (the parser hangs either clause on either verb)."""
    by_verb = {c.tokens[0].i: c for c in cues}
    for second in cues:
        verb = second.tokens[0]
        first = by_verb.get(verb.head.i) if verb.dep_ == "conj" and verb.head.i < verb.i else None
        if first is None or first is second:
            continue
        pool = first.content | second.content
        first.content = {i for i in pool if i < verb.i}
        second.content = {i for i in pool if i > verb.i}


def _surface_topic(verb) -> set:
    """'проинформировал Председателя о состоявшихся … контактах' parsed with the preposition on the
    verb and its noun elsewhere: the words after the preposition, to the end of the sentence."""
    prep = next((c for c in verb.children if c.dep_ == "case" and c.lower_ in TOPIC_CASES and c.i > verb.i), None)
    if prep is None:
        return set()
    return {t.i for t in verb.doc[prep.i:verb.sent.end] if not t.is_space} - {verb.sent.end - 1}


def _clause_like(tok) -> bool:
    """A parataxis that can be what was said: not a connective aside ('Кроме того, …')."""
    return tok.pos_ not in {"PRON", "ADV", "ADP", "CCONJ", "SCONJ", "PART", "DET"} \
        or any(t.pos_ in {"VERB", "AUX"} for t in tok.subtree)


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
    colon = None
    for t in doc[verb.i + 1:min(sent.end, verb.i + 12)]:
        if t.text == ":":
            colon = t.i
            break
        if t.pos_ in {"VERB", "AUX"} and _feat(t, "VerbForm") == "Fin" or t.text in {".", ";", "—", "–"}:
            break  # another clause starts: the colon is not this cue's
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


def _content_deps(tok, act: str, passive: bool, no_source: bool, lex: RuLexicon) -> set:
    """The dependents of a cue verb with no clause after it that hold what was said."""
    lemma = tok.lemma_.lower()
    forms = {lemma, lemma[:-2]}  # the verb and, for a reflexive, the verb it is the passive of
    if (passive or (tok.dep_ != "xcomp" and _feat(tok, "Number") == "Plur" and no_source)) \
            and forms & lex.passive_facts or passive and forms & lex.topic_verbs:
        return set()  # "Программа называется …", "Объявлен конкурс", "Обсуждён ряд идей": facts
    if lemma in lex.naming:  # "назвал ситуацию сложной"; not "назову имена"
        return {"obj", "xcomp"} if any(c.dep_ == "xcomp" and c.pos_ in {"ADJ", "NOUN"} for c in tok.children) else set()
    if lemma in lex.evaluation:  # "высоко оценил усилия"; not "жители оценят"
        return {"obj"} if any(c.lower_ in lex.evaluation_adverbs for c in tok.children) else set()
    deps = {"obj"} if lemma in lex.topic_verbs else \
        {"obj", "obl", "iobj", "xcomp"} if lemma in lex.object_verbs | set(lex.negated) else \
        {"obj", "xcomp", "obl"} if act in lex.object_acts else {"xcomp"}
    if act == "agrees":
        deps = deps - {"obl"}  # "поддержали несколько лет назад": a time, not a position
    if passive:
        deps = deps | {"nsubj:pass", "nsubj", "obj"}  # "Отмечены рост товарооборота, …": what was noted
    return deps


def _negated(tok) -> bool:
    """'не сказал', not 'не только сказал, но и …'."""
    return any(c.lower_ == "не" and not (c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_ == "только")
               for c in tok.children)


def _unsaid(verb, lex: RuLexicon) -> bool:
    """A cue verb that reports nothing said: negated ('не сказал, когда …', 'никто не подтвердил'),
    under a condition ('Если министр скажет, что …', 'мог бы заявить'), or in the future of
    someone else ('объявит решение завтра', 'выступит с заявлением'). 'не исключил' (a negation
    the lexicon lists) and 'не могу не отметить', 'нельзя не сказать' (two negations) are said;
    'Скажу прямо' and 'я бы сказал' speak for the speaker."""
    head = verb.head if verb.dep_ == "xcomp" else None
    if _negated(verb) and verb.lemma_.lower() not in lex.negated:
        if head is None or not (_negated(head) or head.lemma_.lower() == "нельзя"):
            return True
    holders = [verb] + ([head] if head is not None else [])
    if any(c.dep_ == "mark" and c.lower_ in {"если", "ежели"} for h in holders for c in h.children):
        return True
    person = _feat(verb, "Person") or (_feat(head, "Person") if head is not None else "")
    first = person == "1" or any(c.dep_ in SUBJECT_DEPS and _feat(c, "Person") == "1" for h in holders for c in h.children)
    conditional = any(c.lower_ == "бы" for h in holders for c in h.children)
    future = any(_feat(h, "Tense") == "Fut" and _feat(h, "Person") == "3" for h in holders)
    return not first and (conditional and (head is None or head.lemma_.lower() == "мочь") or future)


def _antecedent(pronoun):
    """The nearest noun before a third-person pronoun in the paragraph that agrees with it in the
    nominative ('Вопросы сложные. Они непростые, требуют …' -> Вопросы), else None."""
    number, gender = _feat(pronoun, "Number"), _feat(pronoun, "Gender")
    for tok in reversed(pronoun.doc[:pronoun.i]):
        if tok.pos_ not in {"NOUN", "PROPN"} or _feat(tok, "Case") != "Nom" or tok.dep_ == "conj":
            continue
        joined = number == "Plur" and any(c.dep_ == "conj" for c in tok.children)  # "Туманов и Ракитина"
        if joined or _feat(tok, "Number") == number and (number == "Plur" or not gender or _feat(tok, "Gender") == gender):
            return tok
    return None


def _thing_subject(verb, source, lex: RuLexicon) -> bool:
    """A thing for subject says nothing: with a verb that only means speech with a speaker
    ('ситуация требует внимания', 'документы подтверждают …', 'Они (вопросы) требуют …'), and 'они'
    standing for things with any verb ('производства … они добавили 8,5 процента')."""
    if source is None or not (verb.lemma_.lower() in lex.inanimate_sense or source.lower_ == "они"):
        return False
    if source.pos_ == "PRON" and _feat(source, "Person") == "3":
        source = _antecedent(source)
    return source is not None and _is_thing(source, lex)


def _is_thing(tok, lex: RuLexicon) -> bool:
    """An inanimate common noun that is not a body speaking for people, a document or a medium."""
    if tok.pos_ != "NOUN" or _feat(tok, "Animacy") != "Inan" or tok.ent_type_:
        return False
    lemma = tok.lemma_.lower()
    return lemma not in lex.bodies | lex.medium | lex.documents and not lemma.startswith("пресс-")


def they_antecedents(doc, off: int, lex: RuLexicon, names: list) -> dict[int, str]:
    """Offset of each 'они' that is a subject -> the people it stands for, when the paragraph
    names them before it: a person's full name, else the words for them ('коллеги из регионов',
    'Bloomberg и CNN')."""
    found = {}
    for tok in doc:
        if tok.lower_ != "они" or tok.dep_ not in SUBJECT_DEPS:
            continue
        antecedent = _antecedent(tok)
        if antecedent is None or _is_thing(antecedent, lex):
            continue
        people = [antecedent] + [c for c in antecedent.children if c.dep_ == "conj"]
        named = [next((name for s, e, name, _ in names if s <= off + p.idx < e), "") for p in people]
        if len(people) > 1 and all(named):
            found[off + tok.idx] = JOINED.join(dict.fromkeys(named))
            continue
        phrase = _phrase(antecedent)
        found[off + tok.idx] = named[0] or (phrase if len(phrase) <= 60 else antecedent.text)
    return found


def _verb_cue(tok, lex: RuLexicon, blocked: set) -> RuCue | None:
    found = _cue_lemma(tok, lex)
    if tok.i in blocked or found is None:
        return None
    act, belief, passive = found
    if act == "agrees" and _negated(tok):
        act = "rejects"  # "не согласился с критикой", "не поддержал инициативу": a position all the same
    elif _unsaid(tok, lex):
        return None
    cue = RuCue([tok], tok.sent, act=act, belief=belief, passive=passive)
    cue.source = _subject(tok)
    if cue.source is not None and (cue.source.lemma_.lower() in NOT_SPEAKERS | lex.narrative
                                   or cue.source.lower_ in NOT_SPEAKERS):
        return None  # "это говорит о том", "об этом говорят все", "фильм рассказывает о …"
    if _refused(tok, lex) or _greeting(tok, lex) or _thing_subject(tok, cue.source, lex):
        return None
    if cue.source is None:
        cue.source = _place_source(tok, lex)
    cue.person = _person(tok, cue.source)
    cue.impersonal = cue.source is None and _indefinite(tok)
    source_ids = {t.i for t in cue.source.subtree} if cue.source is not None and cue.source.head.i == tok.i else set()
    heads = [c for c in tok.children if c.dep_ in ({"ccomp"} if belief else {"ccomp", "parataxis"})
             and (c.dep_ == "ccomp" or _clause_like(c))]
    for h in heads:
        cue.content |= _clause_tokens(h, source_ids | {tok.i})
    if not heads:
        cue.content = _that_clause(tok)
    if not cue.content and not belief:
        objects = _content_deps(tok, act, passive, cue.source is None, lex)
        for child in tok.children:  # "опроверг слухи", "призвал правительство ускорить реформу", "пообещала восстановить"
            if child.dep_ in objects and child.lemma_.lower() not in RELATIVE_TOPICS \
                    and (child.i > tok.i or child.dep_ == "nsubj:pass") \
                    and (child.dep_ != "xcomp" or _feat(child, "VerbForm") == "Inf" or child.pos_ in {"ADJ", "NOUN"}) \
                    and not (act == "agrees" and _feat(child, "Animacy") == "Anim"):  # "поддержал тезис", not "… коллег"
                cue.content |= {t.i for t in child.subtree} - source_ids
        cue.content |= _topic_content(tok)
        if tok.lemma_.lower() in lex.stance:
            cue.content |= _topic_content(tok, {"за", "против"})  # "высказался за остановку"
        cue.content = cue.content or _surface_topic(tok)
        cue.content = cue.content or _after_colon(tok)
        aside = _aside_clause(tok)
        if _about_this(tok):
            cue.content = _previous_sentence(tok)
        elif aside:
            cue.content = aside
        elif not cue.content and tok.dep_ in {"parataxis", "advcl", "conj", "ROOT"} and tok.head.i != tok.i \
                and (tok.dep_ in {"parataxis", "ROOT"} or any(c.lower_ == "как" for c in tok.children)):
            cue.content = _clause_tokens(tok.head, {t.i for t in tok.subtree})  # "«…», — заявил X"
    cue.subtree = {t.i for c in tok.children if c.dep_ in {"obj", "ccomp", "parataxis", "xcomp", "obl"}
                   for t in c.subtree} - source_ids
    return cue


def _object_cue(tok, lex: RuLexicon, blocked: set) -> RuCue | None:
    """'выразил обеспокоенность эскалацией': a verb and its object make the cue."""
    if tok.i in blocked or not (tok.pos_ == "VERB" or _passive(tok)):
        return None
    lemma = tok.lemma_.lower()
    passive = _passive(tok)
    # "выразил обеспокоенность …"; passive "Выражено удовлетворение …" has the noun for its subject
    object_deps = {"obj", "obl", "nsubj:pass"} if passive else {"obj", "obl"}
    if _refused(tok, lex) or _unsaid(tok, lex):
        return None
    for obj in tok.children:
        act = lex.verb_objects.get((lemma, obj.lemma_.lower())) if obj.dep_ in object_deps else None
        if act is None:
            continue
        cue = RuCue(sorted([tok, obj], key=lambda t: t.i), tok.sent, act=act)
        cue.source = _subject(tok)
        cue.person = _person(tok, cue.source)
        cue.passive = passive
        cue.content = ({t.i for t in obj.subtree} - {obj.i}) | _topic_content(tok)
        for child in tok.children:  # "… признательность Дональду Трампу за стремление …"
            if child.dep_ == "ccomp" or (child.i > obj.i and child.dep_ not in {"punct", "conj", "cc", "parataxis"}
                                         and not _is_cue_verb(child, lex)):  # "…, отметив, что …" is a cue of its own
                cue.content |= {t.i for t in child.subtree}
        second = [c.i for c in tok.children if c.i > obj.i and _is_cue_verb(c, lex)]
        if second:  # "дал оценку подвигу, отметив, что в России …": what the second cue says is its own
            cue.content = {i for i in cue.content if i < min(second)}
        if not cue.content and cue.source is not None:
            # "X выразил готовность и далее способствовать …" with the infinitive hung elsewhere
            cue.content = {t.i for t in tok.doc[obj.i + 1:tok.sent.end - 1] if not t.is_space}
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
            if i in blocked:
                continue
            if tuple(lower[i:i + n]) == phrase:
                toks = list(doc[i:i + n])
                source = next((c for c in toks[-1].children if c.dep_ in {"nmod", "appos"} and c.i > toks[-1].i), None)
            elif tuple(lower[i:i + 1] + lower[i + 2:i + n + 1]) == phrase and lower[i + 1] in lex.possessive:
                toks = [doc[i]] + list(doc[i + 2:i + n + 1])  # "по его словам", "по её мнению"
                source = doc[i + 1]
            else:
                continue
            last = toks[-1]
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
    _split_conjoined(cues)
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
        self.they: dict[int, str] = {}  # offset of an "они" -> whom it stands for (``they_antecedents``)
        self._caps: list | None = None  # capitalised words, for ``by_patronymic``
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
        if lhead == "они":
            return self.they.get(head_at, "")
        if lhead in self.lex.first or lhead in self.lex.second:
            return ""
        if lhead in self.lex.joint and (sides := self.unnamed_sides(start)):
            return sides  # "Лидеры подчеркнули …": every participant of the call
        end = start + len(mention)
        inside = [p for p in self.people if p.start < end and start < p.end]
        if inside:
            holding = [p for p in inside if p.start <= head_at < p.end]
            full = (holding or inside)[0].full
            return self.by_patronymic(full) or full
        words = mention.split()
        if head[:1].isupper() and len(words) <= 3:
            found = self.surname(words[-1], start)
            if found:
                return found
        return self.holder_of(mention, start) or self.by_patronymic(mention) or mention

    def by_patronymic(self, mention: str) -> str:
        """'Как сказал Марат Шакирзянович', 'Александр Николаевич обратил внимание': a first name and
        patronymic the text also writes with the surname ('Хуснуллин Марат Шакирзянович' in a
        label's tooltip, 'Марат Шакирзянович Хуснуллин') -> first name and surname; else ''."""
        words = mention.split()
        if len(words) != 2 or not RU_PATRONYMIC.search(words[1].lower()):
            return ""
        key = (fold_case_endings(words[0]), fold_case_endings(words[1]))
        if self._caps is None:
            self._caps = list(re.finditer(r"[А-ЯЁ][а-яё\-]+", self.text))
        caps = self._caps
        found: dict[str, str] = {}  # folded surname -> first name and surname as written
        for k, (a, b) in enumerate(zip(caps, caps[1:])):
            if b.start() != a.end() + 1 or (fold_case_endings(a.group()), fold_case_endings(b.group())) != key:
                continue
            before = caps[k - 1] if k > 0 and caps[k - 1].end() + 1 == a.start() else None
            after = caps[k + 2] if k + 2 < len(caps) and caps[k + 2].start() == b.end() + 1 else None
            for surname in (before, after):
                if surname is not None and self._known_surname(surname.group(), a.group()[0]):
                    name = f"{a.group()} {surname.group()}"
                    found.setdefault(fold_case_endings(surname.group()), name)
                    if a.group() == words[0]:
                        found[fold_case_endings(surname.group())] = name  # the mention's own case
        if not found:  # "Пожалуйста, Ирина Михайловна. И.Гусева: …": the address just before a label
            stem = rf"(?i:{re.escape(key[0][:4])}\w*\s+{re.escape(key[1][:5])}\w*)"
            for m in re.finditer(stem + rf"[.!,]?\s+{words[0][0]}\.\s?([А-ЯЁ][а-яё\-]+)\s?:", self.text):
                found.setdefault(fold_case_endings(m.group(1)), f"{words[0][0]}.{m.group(1)}")
        return next(iter(found.values())) if len(found) == 1 else ""

    def _known_surname(self, word: str, initial: str) -> bool:
        """A word the text also uses as a surname: after the initial ('М.Хуснуллин') or as the last
        word of a person's name; not an office written with a capital ('Заместитель')."""
        if f"{initial}.{word}" in self.text or f"{initial}. {word}" in self.text:
            return True
        return any(fold_case_endings(p.name.split()[-1]) == fold_case_endings(word) for p in self.people
                   if len(p.name.split()) > 1 and not RU_PATRONYMIC.search(p.name.split()[-1].lower()))

    def holder_of(self, mention: str, at: int) -> str:
        """'Губернатор рассказал …' after 'губернатором Тверской области Игорем Руденей': the
        nearest earlier person the text introduced with that office, '' when none was."""
        words = mention.lower().split()
        if not words or len(words) > 2 or words[0] not in self.lex.roles:
            return ""
        for p in reversed(self.people):
            before = self.text[max(0, p.start - 80):p.start].lower().split()[-6:]
            if p.end <= at and words[0] in {fold_case_endings(w) for w in before} | set(before):
                return p.full
        return ""

    def unnamed_sides(self, at: int) -> str:
        """Who stands behind a readout's statement that names nobody ("Условлено …", "Выражена
        обоюдная заинтересованность …") when no person is the subject of a cue: the people its
        opening names (up to the date line, else its first sentence), "; "-joined, when they are
        two or more (a call or a meeting); else ""."""
        dated = DATE_LINE.search(self.text)
        first = self.text.find(". ")
        end = dated.start() if dated else first if first >= 0 else len(self.text)
        found: dict[str, str] = {}  # one name per surname: "Шавкат Мирзиёев" and "Шавкатом Мирзиёевым"
        for p in self.people:
            if p.start < min(end, at):
                found.setdefault(fold_case_endings(p.full.split()[-1]), p.full)
        return JOINED.join(found.values()) if len(found) >= 2 else ""


# ---------------------------------------------------------------- one article

def _turn_at(turns, at: int):
    return next((t for t in turns if any(s <= at < e for s, e in t.pieces)), None)


def resolver_names(resolver: RuResolver) -> list[tuple[int, int, str, str]]:
    return [(p.start, p.end, p.full, p.gender) for p in resolver.people]


def _addressee(turns, turn, speaker_of) -> str:
    """Who 'Вы' is in a turn: the nearest other speaker before it, else after it."""
    k = turns.index(turn)
    own = speaker_of(turn)
    for other in list(reversed(turns[:k])) + turns[k + 1:]:
        if speaker_of(other) != own:
            return speaker_of(other)
    return ""


def _named_subjects(docs: dict, plan: Plan, names: list, lex: RuLexicon) -> list[tuple[int, int, str, str]]:
    """Proper-noun subjects naming a person that the name tagger missed ("Туманов заявил"): a
    later "он" can refer to them. Their gender is the verb's or the noun's. An office written
    with a capital ("Губернатор доложил") is not a name."""
    found = []
    for k, doc in docs.items():
        off = plan.paras[k][0]
        for tok in doc:
            at = off + tok.idx
            if tok.pos_ != "PROPN" or tok.dep_ not in SUBJECT_DEPS or _feat(tok, "Animacy") != "Anim" \
                    or any(s <= at < e for s, e, _, _ in names) or fold_case_endings(tok.text) in lex.roles:
                continue
            gender = {"Masc": "m", "Fem": "f"}.get(_feat(tok, "Gender") or _feat(tok.head, "Gender"), "")
            found.append((at, at + len(tok), tok.text, gender))
    return found


def _with_office(row: dict) -> dict:
    """'Патриарх Кирилл:', 'Митрополит Ириней:': a person known by one name keeps the office the
    label gives it, or the speaker would be a bare first name anybody could bear."""
    speaker, label = row["speaker"], row["speaker_mention"]
    if speaker and " " not in speaker and "." not in speaker and label != speaker and label.endswith(" " + speaker):
        row["speaker"] = label
    return row


def _nobodys(cue: RuCue, in_turn: bool) -> bool:
    """'говорят, что …' (people at large) and, outside a transcript turn, 'Сказать, чем это
    кончится, трудно' (an infinitive nobody speaks) report no one's statement. Inside a turn a
    passive that names nobody ('как уже было сказано', 'предлагается …') is the turn's speaker's
    own words, which the turn's row already holds."""
    if in_turn:
        return cue.impersonal or (cue.passive and cue.source is None)
    verb = next((t for t in cue.tokens if t.pos_ in {"VERB", "AUX"}), cue.tokens[0])
    infinitive = (_feat(verb, "VerbForm") == "Inf" and verb.dep_ not in {"xcomp", "conj"}) or verb.dep_ == "csubj"
    return cue.impersonal or (cue.source is None and infinitive and not cue.passive)


def statements_for_article(plan: Plan, docs: dict, lex: RuLexicon) -> list[dict]:
    """Statement rows for one Russian article whose paragraphs natasha has parsed."""
    names = []
    for k, doc in docs.items():
        off = plan.paras[k][0]
        names += [(off + s, off + e, name, gender) for (s, e), (name, gender) in doc.user_data.get("names", {}).items()]
    names += _named_subjects(docs, plan, names, lex)
    quoted = [tuple(p) for q in plan.quotations for p in q.pieces]
    # a label with the page's tooltip and note, up to its colon: never a cue, a content or a name
    labels = [(t.label_start, max(t.label_end, plan.text.rfind(":", t.label_end, max(t.mark_end, t.label_end))))
              for t in plan.turns]
    resolver = RuResolver(plan.text, names, quoted + labels, lex)
    blocked = Spans(labels + quoted)  # sorted once, not once per paragraph
    for k, doc in docs.items():
        resolver.they.update(they_antecedents(doc, plan.paras[k][0], lex, resolver_names(resolver)))
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
    turn_rows = {id(t): _with_office(_turn_row(plan, t, resolver)) for t in plan.turns}
    document = document_turn(plan.text, lex) if not plan.turns else None
    if document is not None:  # "Заявление Президента …": the body is the author's, the noun its cue
        turn, (cs, ce) = document
        plan.turns = [turn]
        turn_rows = {id(turn): {**_turn_row(plan, turn, resolver), "cue": plan.text[cs:ce], "cue_start": cs,
                                "cue_end": ce}}
    speaker_of = lambda t: turn_rows[id(t)]["speaker"]
    kept = []
    for row in rows:
        turn = _turn_at(plan.turns, row["quote_start"])
        cue = cues[id(row)]
        if turn is not None and cue is None:
            continue  # a quotation inside a turn without a cue is part of what the turn says
        if cue is not None and _nobodys(cue, turn is not None):
            continue
        if turn is not None and not row["speaker"] and cue is not None and not cue.passive:
            # inside a turn, a cue in the first person, or with no subject at all ("хотел бы
            # сказать", "нужно отметить"), is the turn's speaker; "Вы" is whom they are talking to
            if cue.person == "2":
                row["speaker"] = _addressee(plan.turns, turn, speaker_of)
            elif cue.person == "1" or (cue.source is None and not cue.impersonal):
                row["speaker"] = speaker_of(turn)
        kept.append(row)
    implicit_speakers(kept, resolver)  # "Было отмечено, что …" in a readout: its subject's words
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
        r.pop("_told", None)
        out.append(r)
    return out


# "Заявление Президента Российской Федерации 28 апреля 2025 года 09:00 <body>": a title naming a
# statement and its author, then the date line. The author's words run to the page's footer.
DATE_LINE = re.compile(r"\s\d{1,2}\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|"
                       r"ноября|декабря)\s+\d{4}\s+года(?:,?\s+\d{1,2}:\d{2})?\s")
FOOTER = re.compile(r"\s(?:География|Темы|Статус материала|Дата публикации)\s")
AUTHOR_ENDS = re.compile(r"\s(?:к|в связи|по случаю|о|об|на|в|с|по)\s|$")


def document_turn(text: str, lex: RuLexicon) -> tuple[Turn, tuple[int, int]] | None:
    """A text that is one person's statement without a speaker label ("Заявление Президента
    Российской Федерации", "Обращение Президента к гражданам"): the author named in its title as
    a turn over the body, and the span of the document noun (the cue). None for any other text."""
    words = text[:80].split(maxsplit=1)
    if len(words) < 2 or words[0].lower() not in lex.statement_documents:
        return None
    date = DATE_LINE.search(text, 0, 400)
    if date is None:
        return None
    cue_end = len(words[0])
    title_rest = text[cue_end:date.start()]
    author = title_rest[:AUTHOR_ENDS.search(title_rest, 1).start()].strip()
    if not author or not author[:1].isupper():
        return None
    start = text.index(author, cue_end)
    footer = FOOTER.search(text, date.end())
    body_end = footer.start() if footer else len(text.rstrip())
    if body_end - date.end() < 20:
        return None
    turn = Turn(author, start, start + len(author), [[date.end(), body_end]], name=author, mark_end=start + len(author))
    return turn, (0, cue_end)


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


# A line of dialogue: "— Мы будем бороться, — заявила Белова. — Закон нарушает права граждан."
DIALOGUE_DASH = re.compile(r"[ \t]*[—–][ \t]+(?=\S)")
DIALOGUE_ATTRIBUTION = re.compile(r"(?<=[,!?…])[ \t]+[—–][ \t]+(?=[а-яё])")
DIALOGUE_RESUMES = re.compile(r"[.,:][ \t]+[—–][ \t]+(?=\S)")


def dialogue_quotations(text: str, paras: list, quotations: list) -> list[Quotation]:
    """The spoken part of each paragraph written as a line of dialogue (opening with a dash and
    holding an attribution set off by a dash), as quotations: the words before the attribution
    and, after it, the words the speaker goes on with. A paragraph that holds a quotation in
    marks is left to the marks."""
    found = []
    for start, end in paras:
        opening = DIALOGUE_DASH.match(text, start, end)
        if opening is None or any(start <= q.start < end for q in quotations):
            continue
        line_end = len(text[:end].rstrip())
        said = DIALOGUE_ATTRIBUTION.search(text, opening.end(), line_end)
        if said is None:
            continue  # a dash without an attribution may be a list's bullet
        first_end = said.start() - (text[said.start() - 1] == ",")
        pieces = [[opening.end(), first_end]]
        resumes = DIALOGUE_RESUMES.search(text, said.end(), min(line_end, said.end() + 120))
        if resumes is not None and resumes.end() < line_end:
            pieces.append([resumes.end(), line_end])
        found.append(Quotation(pieces=pieces))
    return found


def iter_statements_ru(items: list[tuple[str, str]], lex_en: Lexicon) -> Iterator[list[dict]]:
    """Statement rows for each (article_id, text), in order. Every paragraph is parsed: a
    Kremlin text is one paragraph, and a news story's paragraphs nearly all hold a cue."""
    from .nlp import load_russian

    lex = load_ru_lexicon()
    plans = [plan_article(a, t, lex_en, fast=False) for a, t in items]
    for plan in plans:
        plan.quotations = [q for q in plan.quotations if not _is_name(plan.text, q)]
        plan.quotations = sorted(plan.quotations + dialogue_quotations(plan.text, plan.paras, plan.quotations),
                                 key=lambda q: q.start)
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
