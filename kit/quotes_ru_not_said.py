"""Stage 2, Russian grammar: Russian cue words that report no statement, on natasha's parse.

A cue verb the lexicon knows says nothing when it is negated, under a condition, in someone else's
future, intended or declined (``_unsaid``: "не сказал, когда …", "Если министр скажет …", "объявит
решение завтра", "не стала уточнять"); when it adds a thing ("добавила в меню три блюда"), refuses
("отказался назвать"), welcomes a person, asks ("поинтересовался, сколько …"), comments on the speaker's
own words ("собственно говоря", "как говорится", "– я сейчас коротко скажу –"), describes a noun (a
participle, a clause on "который"), or has people at large for its subject ("Люди говорят").
``kit.quotes_ru_cues`` asks these before it makes a cue. The Russian counterpart of ``kit.quotes_not_said``.
"""
from __future__ import annotations

from functools import lru_cache

from .cues import RuLexicon
from .quotes_ru_subject import SUBJECT_DEPS, _feat, _passive


def _greeting(verb, lex: RuLexicon) -> bool:
    """'Рады приветствовать Вас в Москве': welcoming a person is a courtesy; welcoming a decision
    ('приветствуют добрые услуги третьих стран') is a position."""
    return verb.lemma_.lower() in lex.greeting and not any(
        c.dep_ == "obj" and c.pos_ == "NOUN" and _feat(c, "Animacy") == "Inan" for c in verb.children)


def _refused(verb, lex: RuLexicon) -> bool:
    """'отказался назвать число пострадавших': a cue verb under a verb of refusal says nothing."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lex.refusal


def _negated(tok) -> bool:
    """'не сказал', not 'не только сказал, но и …'; a 'не' after the verb negates something else
    ('говорил: не забывайте …', 'заявил не о повышении, а о снижении')."""
    return any(c.lower_ == "не" and c.i < tok.i and not (c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_ == "только")
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
    if _judged_after(verb, lex):
        return True  # "Сказать, что переговоры провалились, было бы неправильно"
    if head is not None and head.lemma_.lower() in lex.duty_words and any(
            c.dep_ in SUBJECT_DEPS and (c.pos_ in {"NOUN", "PROPN"} or _feat(c, "Person") == "3") for c in head.children):
        return True  # "организации обязаны информировать …": someone's duty, not speech ("Должен сказать, что …" is)
    holders = [verb] + ([head] if head is not None else [])
    if any(c.dep_ == "mark" and c.lower_ in {"если", "ежели"} for h in holders for c in h.children):
        return True
    person = _feat(verb, "Person") or (_feat(head, "Person") if head is not None else "")
    first = person == "1" or any(c.dep_ in SUBJECT_DEPS and _feat(c, "Person") == "1" for h in holders for c in h.children)
    # "бы" on the verb, or right before it where the parser hung it on another ("и не было бы этого, и по
    # Донбассу бы договорились")
    conditional = any(c.lower_ == "бы" for h in holders for c in h.children) \
        or (verb.i > 0 and verb.doc[verb.i - 1].lower_ == "бы")
    future = any(_future_of(h) in {"2", "3"} for h in holders)  # "Министр скажет", "Вы скажете", "будет говорить"
    intent = head is not None and head.lemma_.lower() in lex.intent_words  # "собирается рассказать о реформе"
    if first and _asks_to_speak(verb, holders):
        return True  # "А можно я расскажу про свой путь?": leave asked to speak, nothing said yet
    if _ends_in_question(verb) and any(_feat(h, "Person") == "2" and h.lemma_.lower() in {"мочь", "хотеть"}
                                       for h in _xcomp_heads(verb)):
        return True  # "можете ещё раз пару слов сказать об этом человеке?": someone is asked to speak
    return not first and (conditional and (head is None or head.lemma_.lower() == "мочь") or future or intent)


def _judged_after(verb, lex: RuLexicon) -> bool:
    """'Сказать, что переговоры провалились, было бы неправильно': an infinitive opening the sentence
    that a predicative denying it judges after its clause, which the parser hung under the infinitive
    (with its copula, no subject and no 'что' of its own: 'сказал, что это было бы неправильно' is said)."""
    infinitive = verb.lower_.endswith(("ть", "ти", "чь")) and verb.i == verb.sent.start
    return infinitive and any(
        c.i > verb.i and c.lower_ in lex.unsaid_predicatives and any(g.dep_ == "cop" for g in c.children)
        and not any(g.dep_ in SUBJECT_DEPS | {"mark"} for g in c.children) for c in verb.children)


def _asks_to_speak(verb, holders: list) -> bool:
    """A first-person future in a question: the speaker asks leave to speak ('Можно я расскажу …?',
    'Скажу ещё об одном?'); 'Скажу прямо: …' is said."""
    return _ends_in_question(verb) and any(_future_of(h) == "1" for h in holders)


def _xcomp_heads(verb, most: int = 3) -> list:
    """The verbs an infinitive hangs under, nearest first ('можете вспомнить … сказать' parsed as a
    chain)."""
    heads = []
    while verb.dep_ == "xcomp" and verb.head.i != verb.i and len(heads) < most:
        verb = verb.head
        heads.append(verb)
    return heads


def _ends_in_question(verb) -> bool:
    """True when the sentence of ``verb`` ends with a question mark."""
    last = next((t for t in reversed(verb.sent) if not t.is_space), None)
    return last is not None and last.text == "?"


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
    from .nlp_ru import load_russian  # natasha's dictionary (pymorphy2), loaded with the Russian pipeline

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


def _celebrates(verb, lex: RuLexicon) -> bool:
    """'мы отмечаем День Великой Победы', 'отметили 80-летие завода': a verb of noting with an
    occasion for its object (or passive subject) celebrates it; 'отметил успехи' notes them."""
    if verb.lemma_.lower() not in lex.celebrating:
        return False
    endings = tuple(w[1:] for w in lex.occasions if w.startswith("-"))
    occasion = lambda c: c.lemma_.lower() in lex.occasions or c.lemma_.lower().endswith(endings)  # noqa: E731
    passive = _passive(verb) or verb.lemma_.lower().endswith("ся")  # "Праздник отмечается 12 июня"
    deps = {"obj", "nsubj:pass"} | ({"nsubj"} if passive else set())
    return any(c.dep_ in deps and c.pos_ in {"NOUN", "PROPN"} and occasion(c) for c in verb.children)


def _recognizes(verb, lex: RuLexicon) -> bool:
    """'Российская империя признала независимость Венесуэлы': recognising a state or its standing is
    an act, not a statement ('признал ошибку' is one)."""
    return verb.lemma_.lower() in lex.recognizing and any(
        c.dep_ in {"obj", "nsubj:pass"} and c.lemma_.lower() in lex.recognized for c in verb.children)


def _summons(verb, lex: RuLexicon) -> bool:
    """'призвали в армию', 'призвал его в иной мир': a verb of calling on someone with a place and
    nothing asked for summons them; 'призвал к спокойствию', 'призвал не выходить' demand."""
    if verb.lemma_.lower() not in lex.summoning:
        return False
    asked = any(c.dep_ in {"xcomp", "ccomp", "advcl", "csubj"} or (c.dep_ in {"obl", "nmod"} and any(
        g.dep_ == "case" and g.lower_ in {"к", "ко"} for g in c.children)) for c in verb.children)
    # the place read off the surface, the first word after the verb and whom it calls ("призвал его в
    # иной мир"): the parser often hangs it on a later noun
    doc = verb.doc
    called = {t.i for c in verb.children if c.dep_ == "obj" for t in c.subtree}
    after = next((t for t in doc[verb.i + 1:verb.sent.end] if t.i not in called and t.pos_ != "ADV"), None)
    return after is not None and after.lower_ in {"в", "во", "на"} and not asked


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


def _set_phrase(verb) -> bool:
    """'собственно говоря', 'честно говоря', 'так сказать': a gerund or infinitive set aside with an
    adverb and nothing else comments on the speaker's own words; it reports nothing ('Хочу сказать
    прямо: …', an infinitive under a verb, is a cue)."""
    return _feat(verb, "VerbForm") in {"Conv", "Inf"} and verb.dep_ not in {"xcomp", "csubj"} \
        and any(c.dep_ == "advmod" for c in verb.children) and all(c.dep_ in {"advmod", "punct"} for c in verb.children)


def _lets_say(verb) -> bool:
    """'позволят, скажем, коровам …', 'люди, прямо скажем, героические', 'наши, так скажем, партнёры':
    a first-person plural future set off inside a clause with nothing of its own but an adverb is
    "let us say", an example or a hedge; it reports nothing ('Скажем прямо: …' and 'Отметим, что …'
    have what they say after them)."""
    doc = verb.doc
    if not (_feat(verb, "Person") == "1" and _feat(verb, "Number") == "Plur" and _feat(verb, "Tense") == "Fut"):
        return False
    if not all(c.dep_ in {"advmod", "punct"} for c in verb.children) or verb.dep_ not in {"parataxis", "advmod", "discourse"}:
        return False
    before = next((t for t in reversed(doc[verb.sent.start:verb.i]) if t.dep_ != "advmod" or t.head.i != verb.i), None)
    after = next((t for t in doc[verb.i + 1:verb.sent.end] if t.dep_ != "advmod" or t.head.i != verb.i), None)
    return before is not None and before.text in {",", "–", "—"} and after is not None and after.text in {",", "–", "—"}


def _what_was_talked_about(verb) -> bool:
    """'это то, о чём говорил Рустам Нургалиевич', 'всё, о чём она говорила', 'связанные с тем, о
    чём Вы сказали', 'всё, о чём мы говорили, о чём сказал руководитель': a clause on 'то' or 'всё'
    opened by 'о чём' points to words said elsewhere; it says nothing here ('мы договорились, о чём
    сказал Президент' reports the clause before it, and 'о чём хочу сказать, что …' and 'то, о чём я
    говорил: …' say what follows)."""
    if verb.dep_ == "conj" and verb.head.i < verb.i and _what_was_talked_about(verb.head):
        return True  # "то, о чём эксперты говорили и на прошлом совете обсуждали"
    doc = verb.doc
    relative = next((c for c in verb.children if c.i < verb.i and _relative_what(c)), None)
    for tok in reversed(doc[verb.sent.start:verb.i]):
        if relative is not None or tok.is_punct:
            break
        relative = tok if _relative_what(tok) else None
    if relative is None or relative.i < verb.sent.start + 3 or doc[relative.i - 2].text != ",":
        return False
    follows = any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children) \
        or any(t.text == ":" for t in doc[verb.i + 1:verb.sent.end])
    antecedent = doc[relative.i - 3]
    pointed = antecedent.lemma_.lower() in {"тот", "весь", "это"} \
        or (antecedent.pos_ == "VERB" and _what_was_talked_about(antecedent))
    return pointed and not follows


def _relative_what(tok) -> bool:
    """'чём' in 'о чём', 'чем' in 'с чем': the pronoun 'что' after a preposition."""
    return tok.lemma_.lower() == "что" and tok.pos_ == "PRON" and tok.i > 0 and tok.doc[tok.i - 1].pos_ == "ADP"


def _noun_infinitive(verb) -> bool:
    """'вызывает необходимость ежегодно подтверждать', 'возможность сказать правду': an infinitive
    that a noun takes names what is needed or possible; nobody says anything by it (in 'подчеркнул
    необходимость говорить о мире' the statement is 'подчеркнул')."""
    while verb.dep_ == "conj" and _feat(verb, "VerbForm") == "Inf" and verb.head.i != verb.i:
        verb = verb.head  # 'возможность поговорить о X и обсудить Y': the second infinitive is the noun's too
    return _feat(verb, "VerbForm") == "Inf" and verb.dep_ in {"nmod", "acl"} and verb.head.pos_ == "NOUN"


def _relative_object(verb) -> bool:
    """'который Вы поддержали', 'о котором говорили': the relative word is what the verb takes, so
    the clause describes the noun it hangs on and reports nothing said about it; also when the
    parser hung 'о которых' elsewhere ('быки, о которых Вы говорите, которые …, они есть?')."""
    if any(c.lemma_.lower() == "который" and c.dep_ not in SUBJECT_DEPS for c in verb.children):
        return True
    doc = verb.doc
    for tok in reversed(doc[verb.sent.start:verb.i]):
        if tok.is_punct:
            return False
        if tok.lemma_.lower() == "который" and tok.i > verb.sent.start and verb.dep_ == "acl:relcl" \
                and (doc[tok.i - 1].lower_ in {"о", "об", "обо", "про"} or _feat(tok, "Case") not in {"Nom", ""}):
            return True  # also "эксперт, которого мы попросили прокомментировать …" with «которого» hung elsewhere
    return False
