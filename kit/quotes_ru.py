"""Stage 2 for Russian and Ukrainian articles: statements with the same columns as English.

``kit.quotes.extract_quotes`` sends every article whose ``language`` is ``ru`` or ``uk`` here
(``kit.language``); the rows have the ``statements`` contract of ``kit.quotes`` (offsets into the
text as given, ``text[quote_start:quote_end] == quote``) plus ``act``, the speech act of the cue.

What it reads, with natasha's morphology and UD dependency parse (``kit.nlp_ru.load_russian``):

* quotations in « » and „ “ (the shared scan in ``kit.quotes_marks``) with their cue:
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
from functools import lru_cache
from typing import Iterator

from .coref_ru import DATE_LINE, RuResolver
from .cues import Lexicon, RuLexicon, load_ru_lexicon
from .language import fold_case_endings
from .quotes_marks import Quotation
from .quotes_paragraph import statements_in_paragraph
from .quotes_plan import Plan, plan_article
from .quotes_implicit import implicit_speakers
from .quotes_rows import _inherit, _row, _turn_row, finished_rows
from .quotes_ru_colon import colon_statement
from .quotes_ru_cues import RUSSIAN, RuCue
from .quotes_ru_subject import SUBJECT_DEPS, _feat, they_antecedents
from .quotes_turns import Turn
from .spans import Spans

log = logging.getLogger(__name__)


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


def _oblique_starts(doc, names: dict) -> set[int]:
    """Where each name in a case other than the nominative starts ('принял главу района Виктора
    Лузина', 'с агрономом Иваном Сеченовым'): a later 'он' is more likely the subject than them."""
    first_word = {tok.idx: tok for tok in doc}
    return {s for s, _ in names if s in first_word and _feat(first_word[s], "Case") not in {"Nom", ""}}


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
    own words, which the turn's row already holds. Outside a turn, the writer's aside
    ('Напомним, что …') is no one's statement either."""
    if in_turn:
        return cue.impersonal or (cue.passive and cue.source is None)
    verb = next((t for t in cue.tokens if t.pos_ in {"VERB", "AUX"}), cue.tokens[0])
    infinitive = (_feat(verb, "VerbForm") == "Inf" and verb.dep_ not in {"xcomp", "conj"}) or verb.dep_ == "csubj"
    return cue.impersonal or (cue.source is None and infinitive and not cue.passive) or _writers_aside(cue, verb)


def _writers_aside(cue: RuCue, verb) -> bool:
    """'Напомним, что выборы пройдут в сентябре', 'Отметим, что …': outside a transcript, a
    first-person plural cue with no subject is the writer's own aside, nobody's statement."""
    # the plural by its ending: the tagger reads "Отмечу, что …" as a plural too
    return cue.source is None and cue.person == "1" and verb.lower_.endswith("м")


def statements_for_article(plan: Plan, docs: dict, lex: RuLexicon) -> list[dict]:
    """Statement rows for one Russian article whose paragraphs natasha has parsed."""
    names, oblique = [], set()
    for k, doc in docs.items():
        off = plan.paras[k][0]
        found = doc.user_data.get("names", {})
        names += [(off + s, off + e, name, gender) for (s, e), (name, gender) in found.items()]
        oblique |= {off + s for s in _oblique_starts(doc, found)}
    names += _named_subjects(docs, plan, names, lex)
    quoted = [tuple(p) for q in plan.quotations for p in q.pieces]
    # a label with the page's tooltip and note, up to its colon: never a cue, a content or a name
    labels = [(t.label_start, max(t.label_end, plan.text.rfind(":", t.label_end, max(t.mark_end, t.label_end))))
              for t in plan.turns]
    resolver = RuResolver(plan.text, names, quoted + labels, lex, oblique)
    blocked = Spans(labels + quoted)  # sorted once, not once per paragraph
    for k, doc in docs.items():
        previous = (docs[k - 1], plan.paras[k - 1][0]) if k - 1 in docs else None
        resolver.they.update(they_antecedents(doc, plan.paras[k][0], lex, resolver_names(resolver), previous))
    rows, cues, claimed = [], {}, (-1, -1)
    for k in sorted(plan.parse):
        doc = docs[k]
        if len(doc) and not doc.has_annotation("SENT_START"):
            for tok in doc:
                tok.is_sent_start = tok.i == 0
        found = statements_in_paragraph(plan, k, doc, lex, blocked, RUSSIAN, quotes_in_turns=True)
        # "… ответила так:" ending a paragraph: what was said is the next paragraph, not a
        # quotation of nobody's there
        found = [st for st in found if st.cue is not None or not (claimed[0] <= st.pieces[0][0] < claimed[1])]
        ahead = colon_statement(plan, k, doc, lex, blocked)
        claimed = (ahead.pieces[0][0], ahead.pieces[-1][1]) if ahead is not None else (-1, -1)
        for st in found + ([ahead] if ahead is not None else []):
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
    return finished_rows(rows, plan.article_id, drop_unattributed_partials=False)


# "Заявление Президента Российской Федерации 28 апреля 2025 года 09:00 <body>": a title naming a
# statement and its author, then the date line. The author's words run to the page's footer.
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


def _is_name(text: str, q, lex: RuLexicon) -> bool:
    """«Россия 1», «Артек», «Газпромбанк»: a short capitalised quotation after a word is a name, not
    speech; so is one of any length, closed or not, after a title noun ('подписал Указ «О генеральном директоре …»',
    'форум «Арктика – территория диалога»') or a preposition ('ещё в «Слове о полку Игореве» было
    сказано') or given by a naming verb earlier in its clause
    ('назвав его «Папа, я жду тебя дома»'; 'назвал слухи «выдумкой»' starts in lower case and
    is a statement)."""
    if not (text[q.start:q.start + 1].isupper() or text[q.start:q.start + 1].isdigit()):
        return False
    before = text[:q.start - 1].rstrip()  # the text before the opening mark
    after_word = bool(before) and before[-1].isalnum()  # "директор «Артека»", not "«Это провокация», — …"
    if after_word and q.closed and len(text[q.start:q.end].split()) < 4:
        return True
    clause = CLAUSE_BREAK.split(before[-120:])[-1]
    words = RU_WORD.findall(clause)[-10:]
    if after_word and words and (_lemmas(words[-1]) & lex.title_nouns or words[-1].lower() in NAME_PREPOSITIONS):
        return True  # "подписал Указ «О …»"; "ещё в «Слове о полку Игореве» было сказано": a work, not speech
    return any(_lemmas(w) & lex.naming for w in words)


# prepositions before a capitalised quotation that make it a name: in or from a work, an outlet, a place
NAME_PREPOSITIONS = {"в", "во", "на", "из", "о", "об"}


# what ends the clause a quotation's name-giving words must be in; a dash does not ("назвали
# эскадрилью – «Нормандия – Неман»")
CLAUSE_BREAK = re.compile(r"[.!?:;\n«»“„\"]")
RU_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)?")


@lru_cache(maxsize=8192)
def _lemmas(word: str) -> frozenset[str]:
    """Every dictionary lemma of a Russian word form ('назвав' -> назвать, 'Указ' -> указ)."""
    from .nlp_ru import load_russian

    return frozenset(f.normal for f in load_russian().morph_vocab.parse(word.lower()))


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


def iter_statements_ru(items: list[tuple[str, ...]], lex_en: Lexicon) -> Iterator[list[dict]]:
    """Statement rows for each (article_id, text) or (article_id, text, title), in order. Every
    paragraph is parsed: a Kremlin text is one paragraph, and a news story's paragraphs nearly all
    hold a cue."""
    from .nlp_ru import load_russian

    lex = load_ru_lexicon()
    plans = [plan_article(item[0], item[1], lex_en, fast=False, title=item[2] if len(item) > 2 else "")
             for item in items]
    for plan in plans:
        plan.quotations = [q for q in plan.quotations if not _is_name(plan.text, q, lex)]
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
