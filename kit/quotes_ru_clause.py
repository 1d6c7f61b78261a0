"""Stage 2, Russian grammar: what a Russian cue reports, where its content begins and ends, on natasha's parse.

A cue's content (``kit.quotes_ru_cues``) is read off the parse where it can be: a phrase with о/об
(``_topic_content``: "рассказал о планах"), a stance ("высказался в поддержку …"), the dependents a
cue verb takes (``_content_deps``: "опроверг слухи", "призвал ускорить реформу"); and off the surface
where the parser hangs it oddly: a что-clause after the cue (``_that_clause``), the words after a colon
or a dash (``_colon_content``: "Вы сейчас об этом сказали: …"), the clause after an aside "Как отметил
X, …" (``_aside_clause``), the sentence before "Об этом заявил X" (``_previous_sentence``) or the words
before ", X об этом говорил" at a sentence's end (``_host_before``). Two conjoined cues split what
they report at the second verb (``_split_conjoined``). The Russian counterpart of ``kit.quotes_clause``.
"""
from __future__ import annotations

from .cues import RuLexicon
from .quotes_ru_subject import _feat

# "добавить то, что коллеги посчитают …", "сказал всё, что думал": a что-clause on a pronoun is
# the thing the verb takes, not what was said.
THING_PRONOUNS = {"то", "тот", "всё", "все", "весь", "это"}
# "о чём я говорил", "о котором хочется сказать": the topic is a pronoun pointing elsewhere.
RELATIVE_TOPICS = {"что", "который", "это", "то"}
TOPIC_CASES = {"о", "об", "обо", "насчёт", "насчет", "про"}


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
    """'Об этом заявил X': the content is the sentence before the cue's, in the same paragraph, when
    the cue's clause is its whole sentence. Inside a longer one ('…, я сам об этом сказал во
    вступительном слове', '– ты сейчас об этом сказал –', 'поскольку Вы об этом сказали') "этом"
    is what that sentence is about, not the sentence before."""
    sent = verb.sent
    if sent.start == 0:
        return set()
    own = {t.i for t in verb.subtree}
    if any(t.i not in own and not (t.is_punct or t.is_space) for t in sent):
        return set()
    before = verb.doc[sent.start - 1].sent
    return {t.i for t in before if not t.is_space}


def _host_before(verb) -> set:
    """'Второе – это профориентация, уже Павел Викторович об этом говорил.': a clause with "об этом"
    that ends a sentence after other words points to them (not to a sentence before); not a
    subordinate one ('Я возвращаюсь, поскольку Вы об этом сказали')."""
    doc, sent = verb.doc, verb.sent
    own = sorted(t.i for t in verb.subtree)
    if own[0] <= sent.start or verb.dep_ in {"advcl", "acl", "acl:relcl", "csubj"} \
            or any(c.dep_ == "mark" for c in verb.children) \
            or any(not (t.is_punct or t.is_space) for t in doc[own[-1] + 1:sent.end]):
        return set()
    host = [t for t in doc[sent.start:own[0]] if not t.is_space]
    while host and host[-1].is_punct:
        host.pop()
    return {t.i for t in host}


def _after_colon(verb) -> set:
    """'о чём я говорил: <content>': the words after a colon that follows the cue; when the colon
    ends its sentence ('Вы сейчас об этом сказали:' read as a sentence of its own), the sentence
    after it in the paragraph."""
    doc, sent = verb.doc, verb.sent
    colon = None
    for t in doc[verb.i + 1:min(sent.end, verb.i + 12)]:
        if t.text == ":":
            colon = t.i
            break
        if t.pos_ in {"VERB", "AUX"} and _feat(t, "VerbForm") == "Fin" or t.text in {".", ";", "—", "–"}:
            break  # another clause starts: the colon is not this cue's
    if colon is None:
        return set()
    after = _rest_of_sentence(doc, colon + 1, sent)
    if after or sent.end >= len(doc):
        return after
    following = doc[sent.end].sent
    return _rest_of_sentence(doc, following.start, following)


def _colon_content(verb) -> set:
    """What a colon after the cue opens, when only the cue's circumstances stand between them ('я
    скажу без всякой иронии: …', 'Вы сейчас об этом сказали: …'); not after an object ('обсуждали
    вопросы дорожной сети: …' discussed the questions, which the colon then lists)."""
    content = _after_colon(verb)
    if content and any(c.dep_ in {"obj", "ccomp"} and verb.i < c.i < min(content) for c in verb.children):
        return set()
    return content


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


def _after_dash(verb) -> set:
    """'сказала прямо — льгот больше не будет': a dash right after the cue (and an adverb or two)
    opens what was said, to the end of the sentence; a quotation after the dash is read by the
    quotation scan, and a second dash makes the words between an aside ('мы – я сейчас буду
    коротко говорить – запускаем …'), as does a verb in the first person right after the dash."""
    doc, sent = verb.doc, verb.sent
    j = verb.i + 1
    while j < sent.end and j - verb.i <= 2 and doc[j].pos_ == "ADV":
        j += 1
    if j + 1 >= sent.end or doc[j].text not in {"—", "–"} or doc[j + 1].text in {"«", "„", '"', "“"} \
            or any(t.text in {"—", "–"} for t in doc[j + 1:sent.end]):
        return set()
    if _own_aside_at(doc, j):
        return set()
    return _rest_of_sentence(doc, j + 1, sent)


def _own_aside_at(doc, dash: int) -> bool:
    """'Коллега сейчас сказал – думаю, у многих проскочила эта информация: …': a dash followed by a
    verb in the first person opens the present speaker's own aside, not what was said."""
    return dash + 1 < len(doc) and doc[dash].text in {"—", "–"} and doc[dash + 1].pos_ in {"VERB", "AUX"} \
        and _feat(doc[dash + 1], "Person") == "1"


def _rest_of_sentence(doc, start: int, sent) -> set:
    """The words from ``start`` to the sentence's end, without its closing punctuation."""
    return {t.i for t in doc[start:sent.end] if not t.is_space and not (t.is_punct and t.i == sent.end - 1)}


def _own_voice_after(verb, content: set, person: str) -> set:
    """The words of an unmarked reported clause (after a comma or a colon, no что) from where the
    one speaking now goes on in their own voice: 'Вы правильно сказали, это направление было
    придумано …, в ковидной ситуации, чуть раньше даже мы … начали' (what 'Вы' said ends before
    'мы'), 'как я коллегам говорил: не забывайте моих ребят, имею в виду участников СВО' (a
    first-person present after a past cue of one's own). Only for a cue in the first or second
    person; a third person's words may hold their own 'мы'."""
    if person not in {"1", "2"} or not content:
        return set()
    doc = verb.doc
    ids = sorted(content)
    for t in doc[max(ids[0], verb.i) + 1:ids[-1] + 1]:  # what the cue reports after it, not an address before
        if t.text not in {",", "—", "–", ";"} or not any(i in content and not doc[i].is_punct for i in range(verb.i + 1, t.i)):
            continue  # the first words after the cue are what was said ('Вы сказали, недавно мы встречались')
        segment = []
        for u in doc[t.i + 1:ids[-1] + 1]:
            if u.is_punct:
                break
            segment.append(u)
        if any(_speaks_now(u, verb, person) for u in segment) \
                and not any(_feat(u, "Person") == "1" for u in doc[max(ids[0], verb.i + 1):t.i]):
            return {i for i in content if i >= t.i}
    return set()


def _speaks_now(tok, verb, person: str) -> bool:
    """A first-person subject or finite verb that is the present speaker's: after a second-person
    cue any ('мы начали'), after a first-person cue in the past only a present ('имею в виду')."""
    if _feat(tok, "Person") != "1":
        return False
    if tok.pos_ == "PRON" and _feat(tok, "Case") == "Nom":
        return person == "2"
    if tok.pos_ in {"VERB", "AUX"} and _feat(tok, "VerbForm") == "Fin":
        # not the auxiliary of a future ('газ будем возить' is what was said then)
        return person == "2" or (tok.pos_ == "VERB" and _feat(tok, "Tense") == "Pres" and _feat(verb, "Tense") == "Past")
    return False
