"""Stage 2, Russian grammar: the cues of a parsed Russian paragraph (``cues_in``) and to whom each
was said (``venue``), on natasha's morphology and UD parse; who each one's subject is lives in
``kit.quotes_ru_subject``. The Russian counterpart of ``kit.quotes_cues``; ``kit.quotes_ru`` reads
articles with it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .cues import RuLexicon
from .quotes_article import Grammar
from .quotes_cues import Cue, _clause_tokens
from .quotes_ru_subject import SUBJECT_DEPS, _can_be_subject, _feat, _passive, _phrase, _subject, _thing_subject, mention

# Words a cue's content may start with that are not part of what was said ("что", "чтобы").
TRIM_LEFT = frozenset({"что", "чтобы", "как", "ли", ",", ":", "-", "—", "–", ";", "и", "а", "но"})
GLUE = frozenset({"что", "чтобы", "о", "об", "том"})
# Subjects that make a cue verb mean something else: "это говорит о том" (this shows); "кто"
# outside a relative clause asks who ("Кто сказал, что школу закроют?") and names nobody.
NOT_SPEAKERS = {"это", "что", "всё", "все", "весь", "то", "кто"}
# "добавить то, что коллеги посчитают …", "сказал всё, что думал": a что-clause on a pronoun is
# the thing the verb takes, not what was said.
THING_PRONOUNS = {"то", "тот", "всё", "все", "весь", "это"}
# "о чём я говорил", "о котором хочется сказать": the topic is a pronoun pointing elsewhere.
RELATIVE_TOPICS = {"что", "который", "это", "то"}
TOPIC_CASES = {"о", "об", "обо", "насчёт", "насчет", "про"}
MONTHS = {"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"}
TIME_NOUNS = {"год", "месяц", "неделя", "день", "время", "период", "век", "квартал", "полугодие", "начало", "конец"}
# Nouns of compound prepositions: "в рамках недель обсуждали", "в ходе переговоров обсудили" name a
# circumstance, not a place whose people speak.
PREPOSITION_NOUNS = {"рамка", "рамки", "ход", "течение", "связь", "случай", "результат", "соответствие", "целое"}


@dataclass
class RuCue(Cue):
    """A Russian cue, with what the engine needs to resolve its speaker later."""
    person: str = ""       # "1" for a first-person cue (подчеркну, мы договорились), "2" for вы
    passive: bool = False  # отмечалось, было отмечено: said by nobody named
    impersonal: bool = False  # "как говорят": a third-person plural with no subject, said by people at large


# ---------------------------------------------------------------- cues in a parsed paragraph

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
        after_content = tok.dep_ in {"parataxis", "ROOT"} and tok.head.i < tok.i and _feat(tok, "Voice") == "Pass"
        if base in lex.verbs and base not in lex.naming and (_feat(tok, "Aspect") == "Imp" or misread) \
                and (any(c.dep_ in {"ccomp", "parataxis"} for c in tok.children) or after_content
                     or _topic_content(tok) or _about_this(tok) or _aside_clause(tok)):
            # "Ранее сообщалось о …", "Об этом говорится в …", "Как отмечается в докладе палаты, …"
            # "Отмечалось, что …" and "…, говорится в заявлении компании"; not "добавляются примеры"
            return lex.verbs[base], False, True
    if tok.pos_ == "ADJ" and lemma in lex.belief and _feat(tok, "Variant") == "Short":
        return lex.belief[lemma], True, False  # "я уверен, что …"
    return None


def _place_source(verb, lex: RuLexicon, passive: bool = False):
    """'В заявлении компании отмечается, что …' (the document says it) and 'Как отметили в
    пресс-службе мэрии', 'В Кремле заявили' (the people there): the place a cue with no subject
    names is its source. ``passive``: the cue is a reflexive passive the tagger left active
    ('Как отмечается в докладе палаты, …')."""
    passive = passive or _passive(verb)
    impersonal = passive or (_feat(verb, "Number") == "Plur" and _feat(verb, "Person") != "1")  # not "мы называем"
    for child in verb.children:
        named = child.pos_ in {"NOUN", "PROPN"} or child.lemma_.lower() in lex.documents  # "в отчёте" tagged ADJ
        if not impersonal or child.dep_ != "obl" or not named \
                or not any(g.dep_ == "case" and g.lower_ in {"в", "во", "на"} for g in child.children):
            continue
        if any(g.dep_ == "det" for g in child.children) \
                or child.lemma_.lower() in TIME_NOUNS | MONTHS | PREPOSITION_NOUNS | lex.people_at_large | lex.narrative:
            continue  # "в этой связи", "в июне", "как в народе говорят", "в фильме": a circumstance, people at large, a story
        document = child.lemma_.lower() in lex.medium or child.lemma_.lower() in lex.documents
        if document and passive:
            return child
        if not document and _feat(verb, "Number") == "Plur" and _feat(child, "Case") == "Loc" \
                and child.lemma_.lower() not in lex.medium:
            return child
    return None


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
                    and not any(g.lower_ == "как" for g in child.children) \
                    and child.lemma_.lower() not in RELATIVE_TOPICS and child.pos_ != "PRON":  # "как о …" compares
                ids |= {t.i for t in child.subtree}
    return ids


STANCE_NOUNS = {"поддержка", "защита", "польза"}


def _stance_phrase(verb) -> set:
    """'высказался в поддержку действий властей', 'выступил в защиту …': the phrase is the position."""
    return {t.i for c in verb.children if c.dep_ in {"obl", "nmod"} and c.i > verb.i and c.lemma_.lower() in STANCE_NOUNS
            and any(g.dep_ == "case" and g.lower_ == "в" for g in c.children) for t in c.subtree}


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
    return _rest_of_sentence(doc, colon + 1, sent) if colon is not None else set()


def _that_clause(verb) -> set:
    """'договорились с Президентом, что …': a что-clause the parser hung on a noun still is the
    content, read off the surface (", что" within a few words of the cue)."""
    doc, sent = verb.doc, verb.sent
    for t in doc[verb.i + 1:min(sent.end - 1, verb.i + 8)]:
        if t.lower_ in {"что", "чтобы"} and doc[t.i - 1].text == ",":
            if t.i >= 2 and doc[t.i - 2].lower_ in THING_PRONOUNS:
                break  # "…, то, что коллеги посчитают": a relative clause on the thing
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


def _aside_end(verb) -> int | None:
    """The comma closing the aside 'Как отметил X, …' a cue verb opens, else None."""
    if not _aside_clause(verb):
        return None
    return next(t.i for t in verb.doc[verb.i:verb.sent.end] if t.text == ",")


def _aside_subject(verb):
    """'Как заявил «Вестнику» депутат Сергей Колосов, …': a subject between the cue and the comma
    closing its aside, which the parser hung on the clause after it."""
    end = _aside_end(verb)
    if end is None:
        return None
    return next((t for t in verb.doc[verb.i + 1:end] if t.dep_ in SUBJECT_DEPS and t.pos_ in {"NOUN", "PROPN"}
                 and not verb.i < t.head.i < end and _can_be_subject(t, verb)), None)


def _relays(verb, lex: RuLexicon) -> bool:
    """'Как передает корреспондент агентства, глава района заявил, что …': an aside on a cue with its
    own subject only relays that cue's statement."""
    head = verb.head
    # not "Как сообщила ТАСС представитель прокуратуры, дело передано в суд": a passive's subject is
    # a thing, and "передано" hands it over
    hands_over = head.lemma_.lower() in lex.clause_only and not any(c.dep_ == "ccomp" for c in head.children)
    return _aside_end(verb) is not None and head.i > verb.i and _is_cue_verb(head, lex) and not hands_over \
        and any(c.dep_ in SUBJECT_DEPS - {"nsubj:pass"} for c in head.children)


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
    someone else ('объявит решение завтра', 'выступит с заявлением'), intended ('собирается рассказать'),
    declined ('не стала уточнять') or under a predicative that denies it ('Невозможно говорить о …', 'Трудно сказать, когда …').
    'не исключил' (a negation the lexicon lists) and 'не могу не отметить', 'нельзя не сказать'
    (two negations) are said; 'Скажу прямо' and 'я бы сказал' speak for the speaker."""
    head = verb.head if verb.dep_ in {"xcomp", "csubj"} else None  # "хочу сказать", "нельзя не сказать"
    if _negated(verb) and verb.lemma_.lower() not in lex.negated:
        if head is None or not (_negated(head) or head.lemma_.lower() == "нельзя"):
            return True
    elif head is not None and _negated(head):
        return True  # "не стала уточнять, о какой сумме …", "не хочу говорить о …": declined
    if verb.dep_ in {"csubj", "xcomp"} and verb.head.lower_ in lex.unsaid_predicatives and not _negated(verb):
        return True  # "Невозможно говорить о рождаемости, …", "Трудно сказать, когда …"
    if head is not None and head.lemma_.lower() in lex.duty_words and any(
            c.dep_ in SUBJECT_DEPS and (c.pos_ in {"NOUN", "PROPN"} or _feat(c, "Person") == "3") for c in head.children):
        return True  # "организации обязаны информировать …": someone's duty, not speech ("Должен сказать, что …" is)
    holders = [verb] + ([head] if head is not None else [])
    if any(c.dep_ == "mark" and c.lower_ in {"если", "ежели"} for h in holders for c in h.children):
        return True
    person = _feat(verb, "Person") or (_feat(head, "Person") if head is not None else "")
    first = person == "1" or any(c.dep_ in SUBJECT_DEPS and _feat(c, "Person") == "1" for h in holders for c in h.children)
    conditional = any(c.lower_ == "бы" for h in holders for c in h.children)
    future = any(_future_of(h) in {"2", "3"} for h in holders)  # "Министр скажет", "Вы скажете", "будет говорить"
    intent = head is not None and head.lemma_.lower() in lex.intent_words  # "собирается рассказать о реформе"
    return not first and (conditional and (head is None or head.lemma_.lower() == "мочь") or future or intent)


def _future_of(verb) -> str:
    """The person ('1', '2', '3') of a verb in the future, '' for any other tense: as tagged, the
    auxiliary of a compound future ('будет отмечать'), or a perfective verb's non-past form that the
    tagger read as a present in context ('Вы скажете, что это дорого'), by the dictionary."""
    aux = next((c for c in verb.children if c.dep_ == "aux" and c.lemma_.lower() == "быть"
                and c.lower_.startswith("буд")), None)
    if aux is not None:
        return _feat(aux, "Person")
    tense = _feat(verb, "Tense")
    future = tense == "Fut" or (tense == "Pres" and _dictionary_future(verb.lower_))
    return _feat(verb, "Person") if future else ""


@lru_cache(maxsize=8192)
def _dictionary_future(word: str) -> bool:
    """True when every verb reading of ``word`` in the dictionary is a future ('скажете', 'заявите')."""
    from .nlp import load_russian  # natasha's dictionary (pymorphy2), loaded with the Russian pipeline

    forms = [f for f in load_russian().morph_vocab.parse(word) if f.pos == "VERB" and f.feats.get("Tense")]
    return bool(forms) and all(f.feats["Tense"] == "Fut" for f in forms)


def _adds_a_thing(verb, lex: RuLexicon) -> bool:
    """'добавила в меню три блюда', 'В список добавлены пять регионов': a verb of adding with a
    thing for its object (or passive subject) adds it; 'Добавлю следующее: …' introduces speech."""
    if verb.lemma_.lower() not in lex.adding:
        return False
    doc = verb.doc
    counted = lambda c: c.pos_ == "NUM" or any(g.pos_ == "NUM" for g in c.children)  # "Я округлил, 400 тысяч добавил"
    return any((c.dep_ in {"obj", "nsubj:pass"} or (c.dep_ == "nsubj" and counted(c)))
               and c.pos_ in {"NOUN", "PRON", "NUM", "PROPN", "DET", "ADJ"}
               and not (c.i + 1 < len(doc) and doc[c.i + 1].text == ":") for c in verb.children)


def _verb_cue(tok, lex: RuLexicon, blocked: set) -> RuCue | None:
    found = _cue_lemma(tok, lex)
    if tok.i in blocked or found is None:
        return None
    act, belief, passive = found
    if _set_phrase(tok) or _saying(tok, lex) or _dashed_aside(tok):
        return None  # "собственно говоря", "так сказать", "как говорится": a comment on one's own words
    if _adds_a_thing(tok, lex) or (passive and tok.lemma_.lower() in lex.naming) or _describes(tok):
        return None  # "добавила в меню три блюда"; "так называемых партнёров": a thing added, a name given
    if act == "agrees" and _negated(tok):
        act = "rejects"  # "не согласился с критикой", "не поддержал инициативу": a position all the same
    elif _unsaid(tok, lex):
        return None
    cue = RuCue([tok], tok.sent, act=act, belief=belief, passive=passive)
    cue.source = _quoted_person(tok, lex) or _subject(tok)
    aside_end = _aside_end(tok)
    if cue.source is not None and aside_end is not None and cue.source.i > aside_end:
        # "Как я уже отметил, это иностранные акционеры": the subject after the aside is the clause's
        cue.source = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS and c.i < aside_end), None)
    generic = any(_nobody_named(c, lex) for c in tok.children if c.dep_ == "nsubj")  # "кто-то называл его …, он …"
    if generic or cue.source is not None and (cue.source.lemma_.lower() in NOT_SPEAKERS | lex.narrative
                                              or cue.source.lower_ in NOT_SPEAKERS or _nobody_named(cue.source, lex)):
        return None  # "это говорит о том", "об этом говорят все", "фильм рассказывает о …", "Люди говорят"
    if _indirect_question(tok, lex):
        return None  # "поинтересовался, сколько стоил ремонт": a question asserts nothing
    if _refused(tok, lex) or _greeting(tok, lex) or _thing_subject(tok, cue.source, lex):
        return None
    if cue.source is None:
        cue.source = _place_source(tok, lex, passive) or _aside_subject(tok)
    if _relays(tok, lex) or (tok.lemma_.lower() in lex.clause_only and not (
            _aside_end(tok) is not None or any(c.dep_ == "ccomp" for c in tok.children))):
        return None  # "Как передает корреспондент, X заявил, что …"; "передал здания" hands things over
    cue.person = _person(tok, cue.source)
    cue.impersonal = cue.source is None and _indefinite(tok)
    source_ids = {t.i for t in cue.source.subtree} if cue.source is not None and cue.source.head.i == tok.i else set()
    heads = [c for c in tok.children if c.dep_ in ({"ccomp"} if belief else {"ccomp", "parataxis"})
             and (c.dep_ == "ccomp" or (_clause_like(c) and not _is_cue_verb(c, lex)))]  # not "Как передает X, …"
    for h in heads:
        cue.content |= _clause_tokens(h, source_ids | {tok.i})
    cue.content |= _crossed_tail(tok, cue.content)
    if not heads:
        cue.content = _that_clause(tok)
    if cue.source is not None and cue.source.i < tok.i and not cue.person and _feat(tok, "VerbForm") == "Fin" \
            and not any(c.dep_ == "obj" for c in tok.children):
        cue.content = _after_dash(tok) or cue.content  # "сказала прямо — льгот больше не будет"
    if not cue.content and not belief:
        objects = _content_deps(tok, act, passive, cue.source is None, lex)
        # "Хочу поблагодарить прокуроров за профессионализм": what the parse hangs on the modal verb
        # after the cue is the cue's
        lent = [c for c in tok.head.children if c.i > tok.i and c.dep_ == "obl"] if tok.dep_ == "xcomp" else []
        for child in list(tok.children) + lent:  # "опроверг слухи", "призвал правительство ускорить реформу", "пообещала восстановить"
            if child.dep_ in objects and child.lemma_.lower() not in RELATIVE_TOPICS \
                    and (child.i > tok.i or child.dep_ == "nsubj:pass") \
                    and (child.dep_ != "xcomp" or _feat(child, "VerbForm") == "Inf" or child.pos_ in {"ADJ", "NOUN"}) \
                    and not (act == "agrees" and _feat(child, "Animacy") == "Anim"):  # "поддержал тезис", not "… коллег"
                cue.content |= {t.i for t in child.subtree} - source_ids
        if cue.content:
            cue.content |= _rest_of_clause(tok, min(cue.content), objects, lex) - source_ids
        cue.content |= _topic_content(tok)
        if tok.lemma_.lower() in lex.stance:
            cue.content |= _topic_content(tok, {"за", "против"})  # "высказался за остановку"
            cue.content |= _stance_phrase(tok)  # "высказался в поддержку действий властей"
        cue.content = cue.content or _surface_topic(tok)
        cue.content = cue.content or _after_colon(tok)
        aside = _aside_clause(tok)
        if _about_this(tok):
            cue.content = _previous_sentence(tok)
        elif aside:
            cue.content = aside
        elif not cue.content and tok.dep_ in {"parataxis", "advcl", "conj", "ROOT"} and tok.head.i != tok.i \
                and (tok.dep_ in {"parataxis", "ROOT"} or any(c.lower_ == "как" for c in tok.children)) \
                and tok.lemma_.lower() not in lex.naming:  # "в Мариуполе уже его назвали": a name given
            cue.content = _clause_tokens(tok.head, {t.i for t in tok.subtree})  # "«…», — заявил X"
    if not heads and _relative_object(tok):
        return None  # "проект «Иннополис», который Вы тогда тоже поддержали": the clause describes the thing
    cue.subtree = {t.i for c in tok.children if c.dep_ in {"obj", "ccomp", "parataxis", "xcomp", "obl"}
                   for t in c.subtree} - source_ids
    return cue


def _dashed_aside(verb) -> bool:
    """'мы по всем направлениям – я сейчас коротко скажу – открываем школы': a cue set between two
    dashes with only its subject and adverbs comments on the speaker's words; it reports nothing."""
    doc, dashes = verb.doc, {"—", "–"}
    own = lambda t: t.pos_ in {"PRON", "ADV", "PART"}  # read off the surface: the parser splits such asides
    lo = verb.i - 1
    while lo >= 0 and own(doc[lo]):
        lo -= 1
    hi = verb.i + 1
    while hi < len(doc) and own(doc[hi]):
        hi += 1
    return lo >= 0 and hi < len(doc) and doc[lo].text in dashes and doc[hi].text in dashes


def _describes(verb) -> bool:
    """'поэт, призывавший нас к добру', 'программа, поддержанная вами', 'законодатель, предлагавший
    идеи': a participle on a noun with no clause of what was said describes the noun; it reports
    no statement ('заявивший, что …' does)."""
    return _feat(verb, "VerbForm") == "Part" and verb.dep_ in {"acl", "amod"} \
        and not any(c.dep_ == "ccomp" or c.text == ":" for c in verb.children)


def _saying(verb, lex: RuLexicon) -> bool:
    """'Как говорится, лучше поздно, чем никогда': a passive aside naming no document or place
    introduces a saying."""
    return verb.lemma_.lower() in lex.saying and any(c.lower_ == "как" for c in verb.children) \
        and not any(c.dep_ in {"obl", "nsubj", "nsubj:pass"} for c in verb.children)


def _crossed_tail(verb, content: set) -> set:
    """'… будут способствовать дальнейшему развитию российско-мьянманского партнёрства': words after
    the end of what was said, to the sentence's end, that the parser hung on words before the cue
    (across it, which no Russian clause does) continue what was said."""
    if not content or max(content) < verb.i:
        return set()
    sent = verb.sent
    tail = [t for t in verb.doc[max(content) + 1:sent.end] if not t.is_space and not (t.is_punct and t.i == sent.end - 1)]
    ids = {t.i for t in tail}
    crossed = [t for t in tail if t.head.i < verb.i]
    if tail and crossed and all(t.head.i in ids or t.head.i < verb.i for t in tail):
        return ids
    return set()


def _rest_of_clause(verb, start: int, objects: set, lex: RuLexicon) -> set:
    """'согласились разработать меры … о запрете ударов …, начиная с 18 марта': what the parser hung
    on the cue verb after the start of its content (a noun's complement, a gerund) still belongs to
    what was said, so the content runs to the end of the clause."""
    deps = {"nmod", "advcl"} | (objects & {"obl"})
    return {t.i for c in verb.children if c.i > start and c.dep_ in deps and not _is_cue_verb(c, lex)
            for t in c.subtree}


def _quoted_person(verb, lex: RuLexicon):
    """'«…», — цитирует издание директора школы Тамару Лукину': the person a verb of quoting takes
    as its object is the speaker; the outlet only relays them."""
    if verb.lemma_.lower() not in lex.quoting:
        return None
    return next((c for c in verb.children if c.dep_ == "obj" and c.pos_ in {"NOUN", "PROPN"}), None)


def _nobody_named(source, lex: RuLexicon) -> bool:
    """'Люди говорят, что …', 'многие говорят', 'кто-то скажет': a subject that stands alone for
    people at large or a hypothetical someone names no speaker ('многие эксперты', 'люди в зале'
    are a group the text describes)."""
    return source.lower_ in lex.generic_subjects and all(c.is_punct for c in source.children)


def _indirect_question(verb, lex: RuLexicon) -> bool:
    """'поинтересовался, сколько стоил ремонт', 'спросила, не собирается ли мэр в отставку': a verb
    of asking with a question clause after its comma (a question word, or 'ли' among its first words)."""
    if verb.lemma_.lower() not in lex.question_verbs:
        return False
    words = [t for t in verb.doc[verb.i + 1:verb.sent.end] if not t.is_space]
    comma = next((k for k, t in enumerate(words[:6]) if t.text == ","), None)
    after = words[comma + 1:comma + 4] if comma is not None else []
    if after and after[0].pos_ == "ADP":
        after = after[1:]  # "во сколько обошлась реконструкция"
    return bool(after) and (after[0].lower_ in lex.question_words or any(t.lower_ == "ли" for t in after))


def _after_dash(verb) -> set:
    """'сказала прямо — льгот больше не будет': a dash right after the cue (and an adverb or two)
    opens what was said, to the end of the sentence; a quotation after the dash is read by the
    quotation scan, and a second dash makes the words between an aside ('мы – я сейчас буду
    коротко говорить – запускаем …')."""
    doc, sent = verb.doc, verb.sent
    j = verb.i + 1
    while j < sent.end and j - verb.i <= 2 and doc[j].pos_ == "ADV":
        j += 1
    if j + 1 >= sent.end or doc[j].text not in {"—", "–"} or doc[j + 1].text in {"«", "„", '"', "“"} \
            or any(t.text in {"—", "–"} for t in doc[j + 1:sent.end]):
        return set()
    return _rest_of_sentence(doc, j + 1, sent)


def _rest_of_sentence(doc, start: int, sent) -> set:
    """The words from ``start`` to the sentence's end, without its closing punctuation."""
    return {t.i for t in doc[start:sent.end] if not t.is_space and not (t.is_punct and t.i == sent.end - 1)}


def _set_phrase(verb) -> bool:
    """'собственно говоря', 'честно говоря', 'так сказать': a gerund or infinitive set aside with an
    adverb and nothing else comments on the speaker's own words; it reports nothing ('Хочу сказать
    прямо: …', an infinitive under a verb, is a cue)."""
    return _feat(verb, "VerbForm") in {"Conv", "Inf"} and verb.dep_ not in {"xcomp", "csubj"} \
        and any(c.dep_ == "advmod" for c in verb.children) and all(c.dep_ in {"advmod", "punct"} for c in verb.children)


def _relative_object(verb) -> bool:
    """'который Вы поддержали', 'о котором говорили': the relative word is what the verb takes, so
    the clause describes the noun it hangs on and reports nothing said about it."""
    return any(c.lemma_.lower() == "который" and c.dep_ not in SUBJECT_DEPS for c in verb.children)


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
            aside = _phrase_aside(toks)
            if source is None and aside is not None:
                source = _aside_noun(last, aside)  # "Как стало известно «Вестнику Заречья», …"
            if source is None:
                continue
            anchor = last.head
            own = {t.i for t in toks}
            # "Как следует из сообщения X, …": the phrase's own verb hangs on the clause it reports
            while (anchor.pos_ not in {"VERB", "AUX", "ADJ"} or anchor.i in own) and anchor.head.i != anchor.i:
                anchor = anchor.head
            phrase_ids = {t.i for t in last.subtree} | own | {t.i for t in source.subtree}
            cue = RuCue(toks, toks[0].sent, source=source, act=act, belief=act == "believes")
            cue.content = {t.i for t in anchor.subtree} - phrase_ids
            if aside is not None:
                cue.content = _rest_of_sentence(doc, aside + 1, toks[0].sent)
            elif toks[0].i > anchor.i:
                # "За год родилось 12 тысяч детей, по данным ЗАГСа, а пришли за выплатой 15 тысяч":
                # a source set after its clause's words vouches for that clause, not for the next
                cue.content -= {t.i for c in anchor.children if c.dep_ == "conj" and c.i > last.i for t in c.subtree}
            cue.subtree = set(cue.content)
            cues.append(cue)
    return cues


def _noun_cue(tok, lex: RuLexicon, blocked: set) -> RuCue | None:
    """'Заявление министра Олега Брагина о том, что цены снизятся, вызвало скепсис': a statement
    noun whose genitive names who made it and whose 'о том, что' clause says what it said."""
    act = lex.statement_nouns.get(tok.lemma_.lower())
    if act is None or tok.i in blocked or tok.pos_ != "NOUN":
        return None
    source = next((c for c in tok.children if c.dep_ in {"nmod", "appos"} and c.i > tok.i
                   and c.pos_ in {"NOUN", "PROPN"} and _feat(c, "Case") == "Gen"), None)
    that = next((c for c in tok.children if c.lemma_.lower() == "тот" and c.i > tok.i
                 and any(g.lower_ in {"о", "об"} for g in c.children)), None)
    clause = next((c for c in that.children if c.dep_ in {"acl", "ccomp", "acl:relcl"}
                   and any(g.lower_ == "что" for g in c.children)), None) if that is not None else None
    if source is None or clause is None:
        return None  # "Заявление было опубликовано": nobody and nothing said
    cue = RuCue([tok], tok.sent, source=source, act=act)
    end = next((t.i for t in tok.doc[clause.i + 1:tok.sent.end] if _predicate_of(t, tok)), tok.sent.end)
    cue.content = {t.i for t in clause.subtree if t.i < end}
    cue.subtree = set(cue.content)
    return cue


def _predicate_of(verb, noun) -> bool:
    """'Заявление мэра о том, что мост откроют, удивило горожан': the finite verb after a comma that
    agrees with the noun and has no subject of its own is the noun's predicate, where its clause
    ends (the parser often hangs it inside the clause)."""
    doc = verb.doc
    agrees = all(_feat(verb, f) in {"", _feat(noun, f)} for f in ("Number", "Gender"))
    return verb.pos_ == "VERB" and _feat(verb, "VerbForm") == "Fin" and doc[verb.i - 1].text == "," and agrees \
        and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _phrase_aside(toks) -> int | None:
    """The comma closing 'Как стало известно X, …', a phrase opened by 'как', else None."""
    doc, sent = toks[0].doc, toks[0].sent
    if toks[0].i == sent.start or doc[toks[0].i - 1].lower_ != "как":
        return None
    return next((t.i for t in doc[toks[-1].i + 1:sent.end] if t.text == ","), None)


def _aside_noun(last, comma: int):
    """The first noun between a phrase and the comma closing its aside: the source the parser hung
    elsewhere ('Как стало известно «Вестнику Заречья», …', '… из документов суда, …')."""
    return next((t for t in last.doc[last.i + 1:comma] if t.pos_ in {"NOUN", "PROPN"}), None)


def cues_in(doc, lex: RuLexicon, blocked: set) -> list[RuCue]:
    """Every cue in a parsed Russian paragraph, skipping tokens inside quotations and labels."""
    if not doc.has_annotation("DEP"):
        return []
    cues = []
    for tok in doc:
        cue = _object_cue(tok, lex, blocked) or _verb_cue(tok, lex, blocked) or _noun_cue(tok, lex, blocked)
        if cue is not None:
            cues.append(cue)
    _split_conjoined(cues)
    return cues + _phrase_cues(doc, lex, blocked)


# ---------------------------------------------------------------- venue

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
