"""Stage 2, Russian grammar: who a Russian cue's speaker phrase is, on natasha's morphology and UD parse.

``_subject(verb)`` finds the token a cue verb's speaker hangs on (its subject, never an address
such as "Уважаемый Владимир Владимирович" or a stray nominative), ``_antecedent`` and
``they_antecedents`` read "который" and "они" back to what they stand for, and ``mention`` gives the
mention's character span and head ("пресс-секретарь президента Дмитрий Песков"). The Russian
counterpart of ``kit.quotes_subject``; ``kit.quotes_ru_cues`` finds the cues these read.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .coref_document import JOINED
from .cues import RuLexicon

SUBJECT_DEPS = {"nsubj", "nsubj:pass"}
NOT_MENTION_DEPS = {"acl", "acl:relcl", "punct", "parataxis", "advcl", "conj", "cc", "ccomp", "xcomp", "obl"}
RELATIVE = {"который", "которая", "кто"}
NAME_MARKS = {"«", "»", "„", "“"}
# Words that make a name an address ("Уважаемый Владимир Владимирович"), never a speaker.
# Nouns of quantity a plural verb agrees with ("Большинство респондентов считают …").
QUANTITY_NOUNS = {"большинство", "меньшинство", "часть", "ряд", "половина", "треть", "четверть", "множество",
                  "масса", "группа"}
ADDRESS_WORDS = {"уважаемый", "глубокоуважаемый", "дорогой"}
INITIALS = re.compile(r"(?:[А-ЯЁA-Z]\.\s?){1,2}$")


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


def _subject(verb, depth: int = 0):
    """The speaker token of a Russian cue: its subject (the last, so "С . Лавров" gives Лавров),
    the agent of a passive, the noun a relative clause or participle describes, or the subject
    of the verb it hangs from ("… и подчеркнул", "хочу подчеркнуть", "отметив")."""
    passive = _passive(verb)
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and not c.is_punct and not _vocative(c, verb)
                and c.pos_ not in {"VERB", "AUX"}  # "Хотел Вас поблагодарить" misparsed: a verb is nobody
                and not passive  # "Отмечены рост …": a passive's subject is what was said, not who
                and not _past_conjunction(verb, c) and not _beyond_a_break(verb, c) and _can_be_subject(c, verb)
                and not _relative_of_another_clause(c, verb)]
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
    named = _stray_nominative(verb) or _stray_pronoun(verb) or _subject_lent_to_the_clause(verb)
    if named is not None:
        return named
    fronted = next((c for c in verb.children if c.dep_ in {"obj", "nmod"} and c.i < verb.i and c.pos_ == "PROPN"
                    and _feat(c, "Animacy") == "Anim" and not any(g.dep_ == "case" for g in c.children)
                    and any(o.dep_ == "obj" and o.i > verb.i for o in verb.children)), None)
    if fronted is not None:
        return fronted  # "Звягинцева обвинила министерство …": a name before the verb, its object after
    if verb.dep_ in {"acl", "acl:relcl"} and verb.head.pos_ in {"NOUN", "PROPN"} and not _first_or_second_person(verb):
        # "заявивший журналистам министр"; "В.Путин: Я хочу …" misparsed; not "сформировали рабочую группу,
        # где обсуждаем …", whose verb has its own unspoken subject
        return _after_initial(verb.head)
    # natasha marks a second main clause ROOT with a head; a passive beside a clause ("Рост
    # продолжится, отмечается в докладе") reports that clause and shares nothing with its subject
    beside = verb.dep_ in {"parataxis", "ROOT"}
    if depth < 3 and not (beside and (passive or _between_dashes(verb))) and (verb.dep_ in {"conj", "xcomp", "advcl"} or beside) \
            and verb.head.i != verb.i \
            and (verb.dep_ != "advcl" or _feat(verb, "VerbForm") == "Conv") and not _first_or_second_person(verb) \
            and (not beside or (verb.head.i < verb.i and _cue_verb_form(verb.head))) and _same_number(verb, verb.head):
        return _subject(verb.head, depth + 1)
    return None


def _relative_of_another_clause(subject, verb) -> bool:
    """'мы предлагаем отразить в Стратегии, которая сейчас разрабатывается': a relative pronoun after
    the cue, with a comma between, opens a clause of its own on the noun before it; the parser hung it
    on the cue, whose subject it is not."""
    return subject.lemma_.lower() in RELATIVE and verb.dep_ != "acl:relcl" and subject.i > verb.i \
        and any(t.text == "," for t in verb.doc[verb.i + 1:subject.i])


def _between_dashes(verb) -> bool:
    """'…, в том числе – в прошлый раз Вам говорил – есть заинтересованность …': a cue whose words
    a dash opens and a dash closes is an aside of the one speaking; it borrows no subject from the
    clause around it."""
    doc, dashes = verb.doc, {"—", "–"}
    before = next((t for t in reversed(doc[verb.sent.start:verb.i]) if t.is_punct), None)
    after = next((t for t in doc[verb.i + 1:verb.sent.end] if t.is_punct), None)
    return before is not None and after is not None and before.text in dashes and after.text in dashes


def _can_be_subject(subject, verb) -> bool:
    """A Russian subject is in the nominative and a finite verb agrees with it in number. A noun in
    another case ("Пострадавших нет, отметили …", "Как заявил «Вестнику» депутат …") or one the verb
    disagrees with ("в Мариуполе его назвали" on "Енакиево") is a misparse, unless a numeral
    counts it ("40 процентов граждан считают"), it is joined to another ("Туманов и Ракитина
    заявили", "Минпромторг вместе с правительством поддержали") or it is a quantity ("Большинство
    считают")."""
    counted = subject.pos_ == "NUM" or any(c.dep_.startswith("nummod") or c.pos_ == "NUM" for c in subject.children)
    if counted or subject.lemma_.lower() in RELATIVE:
        return True
    # the tagger misreads a sentence's first word ("Синоптики", "Миронова") and the dictionary does not
    # know every surname ("Рыбин"): a nominative by either is one
    numbers = set(_nominative_numbers(subject.lower_))
    # a common word in lower case the dictionary declines and never as a nominative ("Я так, мазком
    # только сказал об этом") is an instrumental or other case the tagger misread: the dictionary decides
    misread = not numbers and subject.is_lower and _has_cases(subject.lower_)
    if (_feat(subject, "Case") == "Nom" and not misread) or not (_feat(subject, "Case") or _has_cases(subject.lower_)):
        numbers.add(_feat(subject, "Number"))  # a word the tagger reads as a nominative, or one nobody declines
    if not numbers:
        return False  # "Как заявил «Вестнику Заречья» депутат …": a dative is no subject
    number = _feat(verb, "Number")
    # "Туманов и Ракитина заявили", "Минпромторг вместе с правительством поддержали", "Большинство считают"
    joined = any(c.dep_ == "conj" or (c.dep_ in {"nmod", "obl"} and any(g.lower_ in {"с", "со"} for g in c.children))
                 for c in subject.children) or subject.lemma_.lower() in QUANTITY_NOUNS \
        or any(t.lower_ == "вместе" for t in subject.doc[subject.i + 1:verb.i])  # "X вместе с Y поддержали"
    return joined or not number or "" in numbers or number in numbers


@lru_cache(maxsize=16384)
def _has_cases(word: str) -> bool:
    """True when the dictionary declines the word (not for 'Bloomberg' or an unknown foreign name)."""
    from .nlp_ru import load_russian

    return any(f.feats.get("Case") for f in load_russian().morph_vocab.parse(word))


@lru_cache(maxsize=16384)
def _nominative_numbers(word: str) -> frozenset[str]:
    """The numbers ('Sing', 'Plur'; '' when untold) of every nominative reading of a word form in the
    dictionary; empty when it cannot be a nominative ('Пострадавших', 'Вестнику', 'мазком')."""
    from .nlp_ru import load_russian  # natasha's dictionary (pymorphy2), loaded with the Russian pipeline

    return frozenset(f.feats.get("Number", "") for f in load_russian().morph_vocab.parse(word)
                     if f.feats.get("Case") == "Nom")


def _same_number(a, b) -> bool:
    """False only when both are tagged for number and the tags differ (a finite verb and its subject,
    or two verbs sharing one: "Пострадавших нет, отметили в пресс-службе" share nothing)."""
    na, nb = _feat(a, "Number"), _feat(b, "Number")
    return not (na and nb and na != nb)


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


def _beyond_a_break(verb, subject) -> bool:
    """'Коллега сейчас сказал – думаю, у многих проскочила эта информация: …': a nominative after
    the cue with a dash or a colon between them is another clause's subject; so is one before a cue
    set between dashes ('появляется декларация о намерениях, в том числе – в прошлый раз Вам
    говорил – есть заинтересованность …')."""
    doc, dashes = verb.doc, {"—", "–"}
    if subject.i < verb.i:
        return any(t.text in dashes for t in doc[subject.i + 1:verb.i]) \
            and any(t.text in dashes for t in doc[verb.i + 1:verb.sent.end])
    return any(t.text in dashes | {":", ";"} for t in doc[verb.i + 1:subject.i])


def _subject_lent_to_the_clause(verb):
    """'…новость из США: Президент Трамп заявил, что США и Россия обсуждают …': a nominative right
    before the cue, in its own clause, that the parser made the subject of the clause the cue
    reports («обсуждают») or of a verb before a colon that has its own («я прочитал новость:
    министр заявил …») is the cue's subject."""
    doc = verb.doc
    for tok in reversed(doc[verb.sent.start:verb.i]):
        if tok.is_punct:
            return None
        if tok.dep_ not in SUBJECT_DEPS or tok.pos_ not in {"NOUN", "PROPN", "PRON"} or not _can_be_subject(tok, verb) \
                or _vocative(tok, verb) \
                or tok.pos_ == "PRON" and not _feat(tok, "Person"):  # "вот что хочу подчеркнуть": a relative is nobody
            continue
        head = tok.head
        reported = head.i > verb.i and verb.is_ancestor(head)
        other = head.i < tok.i and any(t.is_punct for t in doc[head.i + 1:tok.i]) \
            and any(c.dep_ in SUBJECT_DEPS and c.i != tok.i for c in head.children)
        if reported or other:
            return _after_initial(tok)
    return None


def _stray_pronoun(verb):
    """'Повторю ещё раз, Вы сейчас об этом сказали: …' with «Вы» hung on «Повторю»: a personal
    pronoun in the nominative between the comma before the cue and the cue, whose own head is a
    verb that disagrees with it in person, is the cue's subject."""
    doc = verb.doc
    for tok in reversed(doc[max(verb.sent.start, verb.i - 6):verb.i]):
        if tok.is_punct:
            return None  # the pronoun must stand in the cue's own clause
        person, head = _feat(tok, "Person"), tok.head
        if tok.pos_ == "PRON" and person and _feat(tok, "Case") == "Nom" and head.i != verb.i \
                and head.pos_ in {"VERB", "AUX"} and _feat(head, "Person") not in {"", person}:
            return tok
    return None


def _vocative(subject, verb) -> bool:
    """'Уважаемый Владимир Владимирович, хочу сказать …': an address, not the subject (a verb in
    the first or second person cannot have a noun for its subject)."""
    if any(t.lemma_.lower() in ADDRESS_WORDS for t in subject.subtree):
        return True
    # "Единственное могу сказать", "по-моему, … согласился": not a subject a first-person verb can have
    # "несколько слов скажу": nor a numeral
    return subject.pos_ in {"NOUN", "PROPN", "ADJ", "DET", "ADV", "NUM"} and _feat(verb, "Person") in {"1", "2"}


def _after_initial(tok):
    """'В . Путин' parsed with the initial as the subject: the surname after it is."""
    doc = tok.doc
    if len(tok.text) == 1 and tok.text.isupper() and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "." \
            and doc[tok.i + 2].text[:1].isupper():
        return doc[tok.i + 2]
    return tok


def _antecedent(pronoun, before=None):
    """The nearest noun before a third-person pronoun in the paragraph (or in ``before``, the
    tokens of the paragraph before it) that agrees with it in the nominative ('Вопросы сложные.
    Они непростые, требуют …' -> Вопросы), else None."""
    number, gender = _feat(pronoun, "Number"), _feat(pronoun, "Gender")
    for tok in reversed(pronoun.doc[:pronoun.i] if before is None else before):
        if tok.pos_ not in {"NOUN", "PROPN"} or _feat(tok, "Case") != "Nom" or tok.dep_ == "conj":
            continue
        joined = number == "Plur" and any(c.dep_ == "conj" for c in tok.children)  # "Туманов и Ракитина"
        if joined or _feat(tok, "Number") == number and (number == "Plur" or not gender or _feat(tok, "Gender") == gender):
            return tok
    return None


def _thing_subject(verb, source, lex: RuLexicon) -> bool:
    """A thing for subject says nothing: with a verb that only means speech with a speaker
    ('ситуация требует внимания', 'документы подтверждают …', 'Они (вопросы) требуют …'), and 'они'
    standing for things with any verb ('производства … они добавили 8,5 процента'), as does a relative
    pronoun standing for a thing, a document included ('объектов, которые напоминают о Победе',
    'документов, которые подтверждают …': a document a clause describes shows, it does not speak)."""
    if source is not None and source.pos_ == "NOUN" and _feat(source, "Animacy") == "Inan" \
            and source.lemma_.lower() not in lex.bodies and not source.lemma_.lower().startswith("пресс-") \
            and any(c.dep_ in SUBJECT_DEPS and c.lemma_.lower() in RELATIVE for c in verb.children):
        return True
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


def they_antecedents(doc, off: int, lex: RuLexicon, names: list, previous=None) -> dict[int, str]:
    """Offset of each 'они' that is a subject -> the people it stands for, when the paragraph
    names them before it, or else the paragraph before it (``previous``: its parse and offset)
    does: a person's full name, else the words for them ('коллеги из регионов', 'Bloomberg и CNN')."""
    found = {}
    for tok in doc:
        if tok.lower_ != "они" or tok.dep_ not in SUBJECT_DEPS:
            continue
        antecedent, at = _antecedent(tok), off
        if antecedent is None and previous is not None:
            antecedent, at = _antecedent(tok, previous[0]), previous[1]  # "Спасатели … прибыли.\n\nОни рассказали …"
        if antecedent is None or _is_thing(antecedent, lex):
            continue
        people = [antecedent] + [c for c in antecedent.children if c.dep_ == "conj"]
        named = [next((name for s, e, name, _ in names if s <= at + p.idx < e), "") for p in people]
        if len(people) > 1 and all(named):
            found[off + tok.idx] = JOINED.join(dict.fromkeys(named))
            continue
        phrase = _phrase(antecedent)
        found[off + tok.idx] = named[0] or (phrase if len(phrase) <= 60 else antecedent.text)
    return found


def mention(source, off: int, quote_ids: set) -> tuple[int, int, object]:
    """Character span and head of the speaker mention ("пресс-секретарь президента Дмитрий Песков",
    "С.Лавров": initials written before a surname belong to it)."""
    doc = source.doc
    keep, stack = {source.i}, [source]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if child.i in quote_ids or (child.dep_ in NOT_MENTION_DEPS and child.text not in NAME_MARKS):
                continue  # "Госкорпорация «Ростех»": the marks around a name belong to it
            if tok is source and child.dep_ in {"case", "mark"} and child.lower_ == "как" and child.i < source.i:
                continue  # "Как главный герой фильма говорил": the "как" of the aside is not the speaker's
            keep.add(child.i)
            stack.append(child)
    lo, hi = source.i, source.i
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    while hi > lo and doc[hi].is_punct and doc[hi].text not in NAME_MARKS:
        hi -= 1
    while lo < hi and doc[lo].is_punct and doc[lo].text not in NAME_MARKS:
        lo += 1
    # a mark whose partner is outside the mention ('АО «Почта России»' from 'Почта') goes
    while lo < hi and doc[hi].text in NAME_MARKS and not any(doc[k].text in NAME_MARKS for k in range(lo, hi)):
        hi -= 1
    while lo < hi and doc[lo].text in NAME_MARKS and not any(doc[k].text in NAME_MARKS for k in range(lo + 1, hi + 1)):
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
