"""Stage 2, Russian grammar: the cues of a parsed Russian paragraph (``cues_in``) and to whom each
was said (``venue``), on natasha's morphology and UD parse: cue verbs ("заявил", "отмечалось"), a verb
with its object ("выразил обеспокоенность"), a statement noun ("Заявление министра о том, что …"),
phrases ("по словам Пескова") and a first-person cue set off by commas ("а это, подчеркну, …"), each
with its source. What each one reports lives in
``kit.quotes_ru_clause``, the cue words that report nothing in ``kit.quotes_ru_not_said``, who each
one's subject is in ``kit.quotes_ru_subject``. The Russian counterpart of ``kit.quotes_cues``;
``kit.quotes_ru`` reads articles with it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .cues import RuLexicon
from .quotes_cues import Cue, _clause_tokens
from .quotes_paragraph import Grammar
from .quotes_ru_clause import (RELATIVE_TOPICS, _about_this, _after_colon, _after_dash, _aside_clause, _aside_end,
                               _clause_like, _colon_content, _content_deps, _crossed_tail, _host_before,
                               _own_aside_at, _own_voice_after, _previous_sentence,
                               _rest_of_sentence, _split_conjoined, _stance_phrase, _surface_topic, _that_clause,
                               _topic_content)
from .quotes_ru_not_said import (_adds_a_thing, _celebrates, _dashed_aside, _describes, _greeting, _indirect_question,
                                 _negated, _nobody_named, _noun_infinitive, _refused, _relative_object, _saying,
                                 _recognizes, _relative_what, _set_phrase, _summons, _unsaid, _lets_say,
                                 _what_was_talked_about)
from .quotes_ru_subject import (SUBJECT_DEPS, _between_dashes, _can_be_subject, _feat, _passive, _phrase, _subject,
                                _thing_subject, mention)

# Words a cue's content may start with that are not part of what was said ("что", "чтобы").
TRIM_LEFT = frozenset({"что", "чтобы", "как", "ли", ",", ":", "-", "—", "–", ";", "и", "а", "но"})
GLUE = frozenset({"что", "чтобы", "о", "об", "том"})
# Subjects that make a cue verb mean something else: "это говорит о том" (this shows); "кто"
# outside a relative clause asks who ("Кто сказал, что школу закроют?") and names nobody.
NOT_SPEAKERS = {"это", "что", "всё", "все", "весь", "то", "кто"}
MONTHS = {"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"}
TIME_NOUNS = {"год", "месяц", "неделя", "день", "время", "период", "век", "квартал", "полугодие", "начало", "конец"}
# What a content made only of these words holds: a pronoun and its preposition ("на это", "на неё").
POINTING = {"ADP", "PRON", "DET", "PUNCT", "PART", "CCONJ"}
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
        if any(g.dep_ == "case" and any(f.dep_ == "fixed" for f in g.children) for g in child.children):
            continue  # "В ходе беседы был подчёркнут …": a compound preposition tells when, not who
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


def _is_cue_verb(tok, lex: RuLexicon) -> bool:
    """A cue verb on its own ('добавил') or with its object ('выразил готовность')."""
    return bool(_cue_lemma(tok, lex)) or any((tok.lemma_.lower(), c.lemma_.lower()) in lex.verb_objects
                                             for c in tok.children)


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


def _verb_cue(tok, lex: RuLexicon, blocked: set) -> RuCue | None:
    found = _cue_lemma(tok, lex)
    if tok.i in blocked or found is None:
        return None
    act, belief, passive = found
    if passive and tok.lemma_.lower() in lex.passive_facts and _feat(tok, "Aspect") == "Perf" \
            and not any(c.dep_ in {"ccomp", "parataxis"} or c.text == ":" for c in tok.children) and _aside_end(tok) is None:
        return None  # "каждая восьмая ипотека как бы нами гарантирована", "Объявлен конкурс": a fact, whatever the parse hangs on it
    if _set_phrase(tok) or _saying(tok, lex) or _dashed_aside(tok) or _lets_say(tok):
        return None  # "собственно говоря", "так сказать", "как говорится", "скажем": a comment on one's own words
    if _what_was_talked_about(tok):
        return None  # "это то, о чём говорил X": words said elsewhere
    if _noun_infinitive(tok):
        return None  # "необходимость ежегодно подтверждать": what is needed, not said
    if _adds_a_thing(tok, lex) or _celebrates(tok, lex) or _summons(tok, lex) or _recognizes(tok, lex) or _describes(tok) \
            or (passive and tok.lemma_.lower() in lex.naming):
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
    # a colon after the cue points ahead to what was said ("я скажу без всякой иронии: …", "Вы
    # сейчас об этом сказали: …"): what the parser hung on the cue is not read
    ahead = _colon_content(tok)
    clause_deps = {"ccomp"} if belief else {"ccomp", "parataxis"}
    own_aside = tok.i + 1 < tok.sent.end and _own_aside_at(tok.doc, tok.i + 1)  # "сказал – думаю, …"
    heads = [] if ahead or own_aside else [c for c in tok.children if c.i != tok.i
                              and (c.dep_ in clause_deps or _unmarked_conj(tok, c) or not belief and _second_root_after_comma(tok, c))
                              and (c.dep_ == "ccomp" or (_clause_like(c) and not _is_cue_verb(c, lex)))]  # not "Как передает X, …"
    if _this_before(tok) and not any(c.dep_ == "mark" and c.lower_ in {"что", "чтобы"} for h in heads for c in h.children):
        heads = []  # "Могу это твёрдо сказать, потому что я видел, как он говорил": "это" is what was said
    if any(h.i > tok.i for h in heads):
        # a clause after the cue is what was said; one the parser hung on it before is a circumstance
        # ("Но, прежде чем начать работу, хотел бы сказать, что …") or an address ("Анна Михайловна, Вы
        # правильно сказали, …")
        heads = [h for h in heads if h.i > tok.i]
    for h in heads:
        cue.content |= _clause_tokens(h, source_ids | {tok.i})
        cue.content -= _after_its_colon(h)
    if any(h.i > tok.i for h in heads) and cue.source is not None and cue.source.i < tok.i:
        # "…я прочитал новость: Президент Трамп заявил, что …" parsed with the words before the
        # speaker hung on the clause after the cue: they are not what was said
        cue.content = {i for i in cue.content if i > tok.i}
    cue.content |= _crossed_tail(tok, cue.content)
    if not heads:
        cue.content = ahead or _that_clause(tok)
    elif cue.content and not any(c.dep_ == "mark" for h in heads for c in h.children):
        cue.content -= _own_voice_after(tok, cue.content, cue.person)
    if ahead and cue.content == ahead:
        cue.content -= _own_voice_after(tok, cue.content, cue.person)
    if (cue.source is not None and cue.source.i < tok.i or _aside_before_its_words(tok, cue.source, lex)) \
            and not cue.person and _feat(tok, "VerbForm") == "Fin" and not any(c.dep_ == "obj" for c in tok.children):
        # "сказала прямо — льгот больше не будет"; "…, в том числе – в прошлый раз Вам говорил – есть …"
        cue.content = _after_dash(tok) or cue.content
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
                cue.content |= _after_the_cue(tok, child) - source_ids
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
            # "Об этом заявил X." points back to the sentence before; "Вы сейчас об этом сказали:
            # <content>" points ahead, to what the colon opens
            host = _host_before(tok)  # "Мы предлагаем …, – Вы тоже об этом говорили": a statement of its own
            host = set() if any(_is_cue_verb(tok.doc[i], lex) for i in host) else host
            cue.content = _after_colon(tok) or _previous_sentence(tok) or host
        elif aside:
            cue.content = aside
        elif not cue.content and tok.dep_ in {"parataxis", "advcl", "conj", "ROOT"} and tok.head.i != tok.i \
                and (tok.dep_ in {"parataxis", "ROOT"} or any(c.lower_ == "как" for c in tok.children)) \
                and tok.lemma_.lower() not in lex.naming:  # "в Мариуполе уже его назвали": a name given
            cue.content = _clause_tokens(tok.head, {t.i for t in tok.subtree})  # "«…», — заявил X"
    opening = [t for t in (tok.doc[i] for i in sorted(cue.content)) if not t.is_punct][:2]
    if len(opening) == 2 and opening[0].pos_ == "ADP" and _relative_what(opening[1]):
        return None  # "как он говорил, о чём говорил", "сообщил, о чём договорились": a question or a pointer, not a claim
    if (not heads or tok.dep_ == "acl:relcl") and _relative_object(tok):
        # "быки, о которых Вы говорите, …, они у нас есть?": a clause the parser hung on a
        # relative clause's cue is the sentence's, not what the relative clause reports
        return None  # "проект «Иннополис», который Вы тогда тоже поддержали": the clause describes the thing
    cue.subtree = {t.i for c in tok.children if c.dep_ in {"obj", "ccomp", "parataxis", "xcomp", "obl"}
                   for t in c.subtree} - source_ids
    return cue


def _this_before(verb) -> bool:
    """'Могу это твёрдо сказать', 'Я это говорил': an 'это' object before the cue (or before the verb
    it hangs on) points to words said elsewhere; a clause after it without 'что' is no content."""
    holders = [verb] + ([verb.head] if verb.dep_ == "xcomp" else [])
    return any(c.dep_ == "obj" and c.lower_ == "это" and c.i < verb.i for h in holders for c in h.children)


def _aside_before_its_words(verb, source, lex: RuLexicon) -> bool:
    """'…, в том числе – в прошлый раз Вам говорил – есть заинтересованность …': a cue with no
    subject set between dashes says the rest of the sentence, unless another cue there speaks
    ('– Владимиру Владимировичу рассказывал – с американцами …, я им всегда говорю: …')."""
    if source is not None or not _between_dashes(verb):
        return False
    return not any(_is_cue_verb(t, lex) for t in verb.doc[verb.i + 1:verb.sent.end])


def _after_its_colon(clause) -> set:
    """The words after a colon inside an unmarked reported clause ('промышленность у нас растёт:
    если взять с 2010 года, …'): the speaker explains, in their own voice, what the other said."""
    if any(c.dep_ == "mark" for c in clause.children):
        return set()
    colon = next((t.i for t in clause.subtree if t.text == ":" and t.i > clause.i), None)
    return set() if colon is None else {t.i for t in clause.subtree if t.i >= colon}


def _second_root_after_comma(verb, clause) -> bool:
    """'Вы правильно сказали, обрабатывающая промышленность у нас растёт: …': natasha marks a second
    main clause ROOT and hangs it on the cue; when it opens right after the comma that follows the
    cue, it is what was said (elsewhere in a long turn it is often the speaker's next thought)."""
    return clause.dep_ == "ROOT" and clause.i > verb.i \
        and verb.i + 2 < len(verb.doc) and verb.doc[verb.i + 1].text == "," and clause.left_edge.i == verb.i + 2


def _unmarked_conj(verb, clause) -> bool:
    """'Вы правильно сказали, этот мост построили ещё до войны': a clause after a comma, with no
    conjunction and its own subject or object before its verb, that the parser made a conjunct of
    a finite cue is what was said (not 'сказал и ушёл', 'пришёл, сказал, ушёл', nor after the set
    phrase 'Сказать по правде, …')."""
    if clause.dep_ != "conj" or clause.i < verb.i or clause.pos_ not in {"VERB", "AUX"} \
            or _feat(verb, "VerbForm") != "Fin" \
            or any(c.dep_ in {"cc", "mark"} for c in clause.children):
        return False
    opens = clause.left_edge.i
    return opens > verb.i and verb.doc[opens - 1].text == "," \
        and any(c.dep_ in SUBJECT_DEPS | {"obj"} and c.i < clause.i for c in clause.children)


def _after_the_cue(verb, child) -> set:
    """The words of a dependent that follows the cue, without any the parser hung on it from before
    the cue ('С учётом проведённых … контактов X отметил важность …': the circumstance is not what
    was said); a dependent before the cue ('Удовлетворение было выражено') keeps all its words, and
    so does the object of an infinitive set before the cue ('25 процентов мест предлагаем выносить на
    конкурс')."""
    fronted = {t.i for g in child.children if g.dep_ == "obj" and g.i < verb.i for t in g.subtree} \
        if child.dep_ == "xcomp" else set()
    return {t.i for t in child.subtree if t.i > verb.i or child.i < verb.i} | fronted


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


def _object_cue(tok, lex: RuLexicon, blocked: set) -> RuCue | None:
    """'выразил обеспокоенность эскалацией': a verb and its object make the cue."""
    if tok.i in blocked or not (tok.pos_ == "VERB" or _passive(tok)):
        return None
    lemma = tok.lemma_.lower()
    passive = _passive(tok)
    # "выразил обеспокоенность …"; passive "Выражено удовлетворение …" has the noun for its subject
    object_deps = {"obj", "obl", "nsubj:pass"} if passive else {"obj", "obl"}
    if _refused(tok, lex) or _unsaid(tok, lex) or (tok.dep_ == "acl:relcl" and _relative_object(tok)):
        return None  # "блок вопросов, на который хотел обратить внимание": the clause describes the noun
    for obj in tok.children:
        act = lex.verb_objects.get((lemma, obj.lemma_.lower())) if obj.dep_ in object_deps else None
        if act is None:
            continue
        cue = RuCue(sorted([tok, obj], key=lambda t: t.i), tok.sent, act=act)
        cue.source = _subject(tok)
        cue.person = _person(tok, cue.source)
        cue.passive = passive
        cue.content = (_after_the_cue(tok, obj) - {obj.i}) | _topic_content(tok)
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
        if cue.content and all(tok.doc[i].pos_ in POINTING for i in cue.content):
            return None  # "Спасибо, что обратили на это внимание": a pronoun points to words said elsewhere
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


ASIDE_MARKS = {",", "–", "—"}
CLAUSE_MARKS = {"–", "—", ":", ";"}


@lru_cache(maxsize=4096)
def _first_person_cue(word: str, lex: RuLexicon) -> tuple[str, bool] | None:
    """(act, belief) when ``word`` can be a cue verb in the first person singular ("подчеркну",
    "думаю"), by the morphology dictionary whatever the tagger made of it."""
    from .nlp_ru import load_russian

    for form in load_russian().morph_vocab.parse(word):
        if form.pos == "VERB" and form.feats.get("Person") == "1" and form.feats.get("Number") == "Sing":
            if form.normal in lex.verbs:
                return lex.verbs[form.normal], False
            if form.normal in lex.belief:
                return lex.belief[form.normal], True
    return None


def _parenthetical_cue(tok, lex: RuLexicon, blocked: set) -> RuCue | None:
    """'а это, подчеркну, ключевые составляющие …', 'Движение, подчеркну, должно быть везде',
    'Коллега сказал – думаю, у многих проскочила эта информация: …': a first-person cue word set
    off by commas or a dash inside the clause it comments on (the tagger often reads it as an
    adverb) says that clause."""
    doc = tok.doc
    first_person_verb = tok.pos_ == "VERB" and _feat(tok, "Person") == "1"  # "– думаю, …"
    if tok.i in blocked or tok.dep_ != "parataxis" or not 0 < tok.i < len(doc) - 1 \
            or tok.pos_ == "VERB" and not first_person_verb \
            or doc[tok.i - 1].text not in ASIDE_MARKS or doc[tok.i + 1].text not in ASIDE_MARKS \
            or any(not c.is_punct for c in tok.children) or _lets_say(tok):
        return None
    found = _first_person_cue(tok.lower_, lex)
    if found is None:
        return None
    # the clause it sits in, read off the surface: from a dash, a colon or a semicolon before it (or the
    # sentence's start; right after a dash that sets it off, itself) to one after it (or the sentence's end)
    sent = tok.sent
    start = max((t.i + 1 for t in doc[sent.start:tok.i] if t.text in CLAUSE_MARKS), default=sent.start)
    end = min((t.i for t in doc[tok.i + 2:sent.end] if t.text in CLAUSE_MARKS), default=sent.end)
    cue = RuCue([tok], tok.sent, act=found[0], belief=found[1], person="1")
    cue.content = {t.i for t in doc[start:end] if not t.is_space} - {tok.i - 1, tok.i, tok.i + 1}
    cue.subtree = set(cue.content)
    return cue


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
        cue = _object_cue(tok, lex, blocked) or _verb_cue(tok, lex, blocked)
        if cue is not None and cue.belief and not cue.content:
            cue = _parenthetical_cue(tok, lex, blocked) or cue  # "– думаю, у многих проскочила …"
        cue = cue or _noun_cue(tok, lex, blocked) or _parenthetical_cue(tok, lex, blocked)
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
