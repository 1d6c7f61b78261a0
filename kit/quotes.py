"""Stage 2: find every statement in the articles and who made it.

``extract_quotes(articles)`` returns the ``statements`` table, one row per statement:

    article_id, quote_id         quote_id = article_id + ":" + start + "-" + end (stable)
    quote, quote_start, quote_end  the statement's words and character offsets into the article's
                                 ``text`` exactly as given: text[quote_start:quote_end] == quote.
                                 A quote split by its attribution ("A," he said, "B.") is one
                                 row whose quote runs from A to B.
    quote_spans                  list of [start, end]: the quoted pieces themselves
    quote_text                   the pieces joined with spaces (what was said, without "he said")
    kind                         direct | partial | indirect | turn
    speaker                      the speaker resolved within the article: a full name
                                 ("Donald Trump" for "he"), or a description kept as written
                                 ("a senior Russian lawmaker"); "" if none
    speaker_mention, speaker_start, speaker_end   the words the cue attaches to ("he", "who"), -1 if none
    cue, cue_start, cue_end      the speech verb or phrase ("told", "according to"), -1 if none
    act                          the speech act of the cue (says, denies, rejects, warns, accuses,
                                 demands, promises, agrees, concerned, believes); "says" for
                                 a quotation without a cue and a transcript turn
    venue                        addressee or medium ("CNN", "reporters", "New York Post"), or ""
    sentence                     the sentence(s) around the statement, for a reporter to read
    content, content_start, content_end  the whole reported content: for a partial quote the
                                 clause around it ("peace talks had “made a lot of progress.”"),
                                 otherwise the quote's cover
    confidence                   0..1, how sure the engine is of the attribution

How it works (rules, no trained model beyond spaCy's parser):

* quotation marks of every style are paired cheaply (``kit.quotes_marks``), robust to a missing
  closing mark; a quote that runs over paragraphs is one statement;
* only paragraphs that can hold a statement (a quotation starts there, or a word the
  pipeline's lemmatizer can read as a cue verb) get the full parse (``fast=True``); the rest
  get only named entities, which speaker resolution needs, and paragraphs whose every letter
  is quoted or spoken in a transcript get nothing;
* a cue is a verb from ``data/speech_verbs.yml`` (matched on its lemma) that governs a clause,
  an infinitive or a quotation; a speech verb with a noun-phrase object ("reaffirmed Russia's
  readiness to ..."), a light verb with a speech noun ("expressed concern about X"), a verb and
  a preposition ("called for X"), "was clear that", or a phrase such as "according to"; its
  subject is the speaker mention, and a passive or impersonal cue ("It was emphasised that")
  takes the text's main speaker (the readout forms live in ``kit.quotes_readouts``);
* what is not speech is left out: a negated cue over a question ("has not stated whether"),
  action verbs, naming participles and word senses, link lines, captions and headlines, and
  a cue inside what another cue reports ("Critics charged that the hearing failed to
  [provide] any new information" is the critics' one statement);
* a quotation is direct when it is the whole content of its cue, partial when it sits inside a
  longer reported clause; a cue's clause without quotation marks is indirect speech;
* transcript lines that open with a speaker label are turns;
* speakers are resolved within the article by ``kit.coref`` ("who" in "Peskov, who said" is
  the mention, Peskov the speaker); a quotation that opens its paragraph below one ending
  "He said:" takes that cue; any other quote without a cue takes the speaker of the quote
  before it (or after it in the same paragraph).

The engine never raises for one odd article: an article that fails is reported as a warning
and yields no rows.
"""
from __future__ import annotations

import itertools
import logging
import re
import time
import warnings
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterable, Iterator

import pandas as pd

from .coref import ROLE_SYNONYMS, Resolver, office_holders, persons_inside
from .cues import Lexicon, cue_lemma, load_lexicon
from .language import detect_language, is_cyrillic_language
from .nlp import default_n_process, load_pipeline
from .quotes_marks import (LabelWords, Quotation, Turn, cut_at_sentences, find_quotations, find_turns, label_words,
                           paragraphs)
from .quotes_readouts import ADJUNCT_MARKS, implicit_speakers, object_frame, object_statement
from .spans import Spans

log = logging.getLogger(__name__)

# Bump when the engine's rows change, so kit.cache re-extracts instead of reusing old rows.
ENGINE_VERSION = "30"

STATEMENT_COLUMNS = [
    "article_id", "quote_id", "quote", "quote_start", "quote_end", "quote_spans", "quote_text",
    "kind", "speaker", "speaker_mention", "speaker_start", "speaker_end",
    "cue", "cue_start", "cue_end", "act", "venue", "sentence",
    "content", "content_start", "content_end", "confidence",
]
CONTENT_DEPS = {"ccomp", "xcomp", "parataxis"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
PASSIVE_DEPS = {"nsubjpass", "auxpass", "csubjpass"}
RELATIVE = {"who", "that", "which", "whom"}
NOT_MENTION_DEPS = {"relcl", "acl", "advcl", "punct", "cc", "conj", "prep"}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}
# What a cue verb says something about: "called [half of his supporters] [“deplorables.”]",
# "described [their relationship] [as “good.”]" (adjuncts such as "at a rally" are left out).
ARGUMENT_DEPS = {"dobj", "oprd", "xcomp", "ccomp", "acomp", "attr", "dative", "parataxis", "npadvmod"}
ARGUMENT_PREPS = {"as", "about", "of", "for", "on", "with"}
FULL_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
# A paragraph longer than this is read in parts (spaCy refuses texts over nlp.max_length, 1,000,000
# characters by default, and its parser needs memory in proportion); the longest paragraph of the
# 14,380 White House texts has 28,422 characters.
MAX_PARAGRAPH_CHARS = 100_000
# The engine's own work on one article (planning and rules, not spaCy's parse, which the caps on
# paragraphs and runs of marks keep linear) may take this long; then the article is skipped with a
# note: a net for input nobody foresaw, far above what a real article needs.
ARTICLE_SECONDS = 300.0
# spaCy's tokenizer peels a run of marks without a space ("====…", "“”“”…") one mark at a time, in
# time that grows with the square of the run; a longer run reaches the parser with its middle blanked.
MAX_MARK_RUN = 100
MARK_RUN = re.compile(r"[^\w\s]{%d,}" % (MAX_MARK_RUN + 1))
_clock = time.perf_counter


# ---------------------------------------------------------------- planning (no parsing)

@dataclass
class Plan:
    """What one article needs: its paragraphs, marks, turns and which paragraphs to parse."""
    article_id: str
    text: str
    paras: list
    quotations: list
    turns: list
    parse: list       # paragraph indexes that get the full pipeline
    ents_only: list   # paragraph indexes that get named entities only
    title: str = ""   # the headline, which may name who speaks in an unlabelled speech
    notes: list = field(default_factory=list)  # what a reporter should know (a paragraph read in parts)
    skipped: str = ""                           # why the article gives no rows (over its time budget)
    seconds: float = 0.0                        # the time planning took, counted in the budget
    _spans: tuple = field(default=(), repr=False, compare=False)

    def spans(self) -> "PlanSpans":
        """The plan's quotations and turns as sorted spans, built once (again only if a reader
        replaced the lists, as the Russian one does), so no paragraph scans the whole article."""
        key = (id(self.quotations), id(self.turns))
        if not self._spans or self._spans[0] != key:
            self._spans = (key, PlanSpans.of(self.quotations, self.turns))
        return self._spans[1]


@dataclass(frozen=True)
class PlanSpans:
    """Where an article's quotations and turns are, for lookups by paragraph."""
    spoken: Spans             # what the turns say
    marked: Spans             # what the turns say and the quotations' pieces
    first_pieces: list        # (start of a quotation's first piece, its index in plan.quotations), sorted

    @classmethod
    def of(cls, quotations: list[Quotation], turns: list[Turn]) -> "PlanSpans":
        spoken = [tuple(p) for t in turns for p in t.pieces]
        quoted = [tuple(p) for q in quotations for p in q.pieces]
        return cls(Spans(spoken), Spans(spoken + quoted), sorted((q.pieces[0][0], i) for i, q in enumerate(quotations)))

    def quotations_starting(self, start: int, end: int) -> list[int]:
        """Indexes (in plan order) of the quotations whose first piece starts in ``[start, end)``."""
        lo = bisect_left(self.first_pieces, (start, -1))
        hi = bisect_left(self.first_pieces, (end, -1))
        return sorted(i for _, i in self.first_pieces[lo:hi])


def lemma_forms(nlp, lemmas: Iterable[str], pos: str = "verb") -> frozenset[str] | None:
    """Every lower-case word the pipeline can lemmatise to one of ``lemmas`` as a ``pos`` (verb
    or noun), read from its rule lemmatizer's own tables; None when the pipeline lemmatises
    some other way (then the cheap test falls back to the lexicon's broad stem pattern)."""
    if nlp is None or "lemmatizer" not in nlp.pipe_names:
        return None
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule":
        return None
    rules = lemmatizer.lookups.get_table("lemma_rules", {}).get(pos, [])
    exceptions = lemmatizer.lookups.get_table("lemma_exc", {}).get(pos, {})
    lemmas = {str(w).lower() for w in lemmas}
    forms = set(lemmas)  # base forms, and auxiliaries (lemmatised as their own lower case)
    for lemma in lemmas:
        forms.update(lemma[:len(lemma) - len(new)] + old for old, new in rules if lemma.endswith(new))
    forms.update(form for form, found in exceptions.items() if lemmas.intersection(found))
    if "attribute_ruler" in nlp.pipe_names:
        for pattern in nlp.get_pipe("attribute_ruler").patterns:
            if str(pattern["attrs"].get("LEMMA", "")).lower() not in lemmas:
                continue
            for tokens in pattern["patterns"]:
                words = [t.get("LOWER") or t.get("ORTH") for t in tokens]
                if not all(isinstance(w, str) for w in words):
                    return None  # a lemma set by a rule the test cannot read
                forms.update(w.lower() for w in words)
    return frozenset(forms)


def common_words(nlp) -> frozenset[str]:
    """Lower-case nouns and adjectives the pipeline's rule lemmatizer knows (its WordNet lists):
    the words a title-case heading is made of ("Fact Sheet", "Joint Statement"). Empty when the
    pipeline has no such tables; then every name-shaped label counts (see ``find_turns``)."""
    if nlp is None or "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index", {})
    return frozenset(w for pos in ("noun", "adj") for w in index.get(pos, []) if w.isalpha())


def turn_label_words(nlp) -> LabelWords:
    """The label lexicon of ``data/speech_verbs.yml`` with the pipeline's common words."""
    return label_words(common_words(nlp))


@lru_cache(maxsize=8)
def _exact_forms_pattern(forms: frozenset, phrases: tuple) -> re.Pattern:
    words = sorted((re.escape(f) for f in forms), key=len, reverse=True)
    # tokens of a phrase may touch ("according(to"), so their gap may be empty
    joined = [r"\W*".join(re.escape(w) for w in p) for p in phrases]
    return re.compile(r"\b(?:" + "|".join(words + joined) + r")\b", re.I)


@dataclass(frozen=True)
class CueTest:
    """The fast path's cheap test for a paragraph that can hold a cue: a word the pipeline can
    read as a cue verb, a phrase or a speech adjective ("clear" in "made clear that"); or a
    light verb ("gave") with a speech noun ("assessment"), for a light verb is a cue only with one."""
    words: re.Pattern
    light: re.Pattern
    nouns: re.Pattern

    def search(self, text: str) -> bool:
        return bool(self.words.search(text) or (self.light.search(text) and self.nouns.search(text)))


def cue_pattern(nlp, lex: Lexicon) -> CueTest | re.Pattern:
    """The cheap test for a cue (see :class:`CueTest`), from the pipeline's own lemmatizer
    tables; the lexicon's broad stem pattern when they cannot be read."""
    forms = lemma_forms(nlp, lex.cue_verbs - lex.light_only)
    light = lemma_forms(nlp, lex.light_only)
    nouns = lemma_forms(nlp, lex.nouns, "noun")
    if forms is None or light is None or nouns is None:
        return lex.forms
    words = lex.phrases + tuple((a,) for a in sorted(lex.adjectives))
    return CueTest(_exact_forms_pattern(forms, words), _exact_forms_pattern(light, ()),
                   _exact_forms_pattern(nouns, ()))


def _outside(s: int, e: int, spans: list) -> list[tuple[int, int]]:
    """The parts of [s, e) outside every span of ``spans`` (best given only the spans that overlap it)."""
    parts, at = [], s
    for a, b in sorted(spans):
        if b <= at or a >= e:
            continue
        if a > at:
            parts.append((at, a))
        at = max(at, b)
    if at < e:
        parts.append((at, e))
    return parts


def not_prose_spans(quotations: list[Quotation], turns: list[Turn]) -> list[tuple[int, int]]:
    """Quoted text, turns' spoken text and turn labels: a name there is never a mention in the
    article's prose, so speaker resolution leaves it out and the fast path need not find it."""
    return [tuple(p) for q in quotations for p in q.pieces] + [tuple(p) for t in turns for p in t.pieces] + \
        [(t.label_start, max(t.label_end, t.mark_end)) for t in turns]


def _headline_turn(turn: Turn, text: str, paras: list) -> bool:
    """True for a "turn" that is the article's headline: "Sanders: ‘It Is Not A Radical Idea’ To
    Ask For A $15 Minimum Wage." on the first line, its words in Title Case, which nobody speaks
    (a person's claim in a headline is read by :func:`_headline_claim`)."""
    if not paras or turn.label_start >= paras[0][1]:
        return False
    s, e = turn.pieces[0][0], min(turn.pieces[0][1], paras[0][1])
    return _title_case(text[s:e], 3, 30)


def read_paragraphs(text: str, max_chars: int = MAX_PARAGRAPH_CHARS) -> tuple[list[tuple[int, int]], list[str]]:
    """The paragraphs the engine reads, and a note for each one too long to parse at once: a
    paragraph over ``max_chars`` characters (a file of one 2 MB line, which spaCy refuses whole)
    is read in parts cut at sentence ends."""
    paras, notes = [], []
    for s, e in paragraphs(text):
        if e - s <= max_chars:
            paras.append((s, e))
            continue
        parts = cut_at_sentences(text, s, e, max_chars)
        paras += [tuple(p) for p in parts]
        notes.append(f"a paragraph of {e - s:,} characters (at offset {s:,}) was read in {len(parts)} parts of at "
                     f"most {max_chars:,} characters, cut at sentence ends")
    return paras, notes


class OverBudget(Exception):
    """An article took the engine longer than its time budget (``article_seconds``)."""


def _deadline(seconds: float | None, spent: float = 0.0) -> float:
    return float("inf") if not seconds or seconds <= 0 else _clock() + seconds - spent


def _check(deadline: float, seconds: float | None) -> None:
    if _clock() > deadline:
        raise OverBudget(f"skipped: the quote engine took longer than its budget of {seconds:g} seconds for this "
                         f"article (article_seconds); no statements were kept from it")


def plan_article(article_id: str, text: str, lex: Lexicon, fast: bool = True,
                 cues: CueTest | re.Pattern | None = None, labels: LabelWords | None = None, title: str = "",
                 max_chars: int = MAX_PARAGRAPH_CHARS, seconds: float | None = None) -> Plan:
    """Paragraphs, quotations and turns of one article, and what each paragraph needs.

    With ``fast`` a paragraph gets the full parse only when it can hold a statement: a
    quotation starts in it, or a word outside the turns' spoken text can be a cue (``cues``,
    see :func:`cue_pattern`); a paragraph with no letter outside quotations, turns and turn
    labels needs nothing, since no named person there is ever used (``kit.coref``); the rest
    get named entities only. Both ways give the same rows.

    A paragraph over ``max_chars`` is read in parts (:func:`read_paragraphs`); planning that takes
    longer than ``seconds`` gives a plan with nothing to parse and ``skipped`` set.
    """
    started = _clock()
    deadline = _deadline(seconds)
    text = text if isinstance(text, str) else ""
    title = title if isinstance(title, str) else ""
    cues = cues or lex.forms
    paras, notes = read_paragraphs(text, max_chars)
    try:
        quotations = find_quotations(text)
        _check(deadline, seconds)
        turns = [t for t in find_turns(text, labels) if not _headline_turn(t, text, paras)]
        _check(deadline, seconds)
        spoken = Spans(tuple(p) for t in turns for p in t.pieces)
        not_prose = Spans(not_prose_spans(quotations, turns))
        starts = sorted(q.start for q in quotations if not spoken.covering(q.start, q.end))
        parse, ents_only = [], []
        for k, (s, e) in enumerate(paras):
            _check(deadline, seconds)
            if not fast or bisect_left(starts, s) < bisect_left(starts, e) or \
                    any(cues.search(text[a:b]) for a, b in _outside(s, e, spoken.overlapping(s, e))):
                parse.append(k)
            elif any(ch.isalpha() for a, b in _outside(s, e, not_prose.overlapping(s, e)) for ch in text[a:b]):
                ents_only.append(k)
    except OverBudget as exc:
        return Plan(article_id, text, paras, [], [], [], [], title, notes=notes, skipped=str(exc))
    return Plan(article_id, text, paras, quotations, turns, parse, ents_only, title, notes=notes,
                seconds=_clock() - started)


# ---------------------------------------------------------------- cues in a parsed paragraph

@dataclass
class Cue:
    """A cue found in the parse: the verb (or phrase), its speaker mention and its content."""
    tokens: list
    sent: object
    source: object = None
    content: set = field(default_factory=set)
    subtree: set = field(default_factory=set)
    belief: bool = False
    act: str = "says"
    quote_only: bool = False   # a cue only for a quotation beside it ('"...," he continued')


_DOUBLE_MARKS = {'"', "“", "”", "«", "»", "„", "''", "``"}


def _quoted(tok) -> bool:
    """A token between an opening and a closing double quotation mark of its sentence."""
    return sum(t.text in _DOUBLE_MARKS for t in tok.doc[tok.sent.start:tok.i]) % 2 == 1


def _subject(verb, depth: int = 0):
    """The speaker token of a cue verb: its subject, the subject of the verb it hangs from
    ("..., adding that", "responded by calling"), the relative pronoun ("who" in "Peskov, who
    said", resolved to the noun it stands for by :func:`_antecedent`), the noun a relative clause
    without one describes, or the agent of a passive ("was raised by Putin"). The subject of a
    passive is never the speaker: it is what was said ("X was pointed out") or who was told ("He
    was told that").

    Of two subjects the parser hangs on one verb, the one outside quotation marks speaks: in
    "“Nothing about Ukraine without Ukraine,” Kovalchuk told reporters" the quote's first word
    is a subject too."""
    children = list(verb.children)
    if sum(c.dep_ in SUBJECT_DEPS for c in children) > 1:
        children.sort(key=lambda c: c.dep_ in SUBJECT_DEPS and _quoted(c))  # stable: quoted subjects last
    for child in children:
        if depth and child.lower_ == "it" and verb.dep_ == "ccomp" and child.dep_ in SUBJECT_DEPS:
            # "Putin emphasised that it is unacceptable ... and outlined ...": a cue the parser
            # hung on the reported clause is still the reporting subject's
            return _subject(verb.head, depth + 1)
        # "Trump was asked about it and said ...": who was asked is who then spoke
        if child.dep_ == "nsubj" or (depth and child.dep_ == "nsubjpass" and child.lower_ != "it"):
            return child
    if not depth and any(c.dep_ in PASSIVE_DEPS for c in verb.children):
        for child in verb.children:
            if child.dep_ == "agent":
                return next((gc for gc in child.children if gc.dep_ == "pobj"), None)
        return None
    if verb.dep_ == "relcl":
        return verb.head
    if depth < 3 and verb.dep_ in {"conj", "advcl", "xcomp"} and verb.head.i != verb.i:
        return _subject(verb.head, depth + 1)
    if depth < 3 and verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in {"VERB", "AUX"}:
        return _subject(verb.head.head, depth + 1)  # "Trump responded by calling him ...", "after questioning"
    if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
        return verb.head  # "a statement saying ..."
    return _lost_subject(verb)


def _lost_subject(verb):
    """"One in three said A and [one in four] said B": the parser makes the second subject a
    conjunct of the first clause's last noun; it is the noun phrase that ends right before the
    verb, coordinated with "and"."""
    if verb.dep_ != "ccomp" or verb.i == 0:
        return None
    last = verb.doc[verb.i - 1]
    for tok in [last, *last.ancestors]:
        if tok.dep_ == "conj" and tok.right_edge.i == verb.i - 1 and tok.pos_ in {"NOUN", "PROPN", "NUM", "PRON"}:
            return tok
        if tok.i == verb.head.i:
            break
    return None


def _antecedent(source):
    """The noun a relative pronoun stands for ("Peskov" for "who" in "Peskov, who said"), else the
    speaker token itself: the speaker is resolved from it, while the mention stays the pronoun."""
    if source.lower_ in RELATIVE and source.head.dep_ == "relcl" and source.head.head.i != source.head.i:
        noun = source.head.head
        # "Will Smith, Patti LaBelle and Stevie Wonder, who joked": the parser hangs the clause on
        # the list's first name, yet it describes the one just before it
        before = next((t for t in reversed(source.doc[noun.i:source.i]) if not t.is_punct), noun)
        return max((c for c in (noun, *noun.conjuncts) if c.i <= before.i), key=lambda c: c.i, default=noun)
    return source


def _clause_tokens(head, exclude: set) -> set:
    return {t.i for t in head.subtree} - exclude


def _not_said(tok, lex: Lexicon) -> bool:
    """True for a cue word that reports no statement of its own: a participle or infinitive that
    names or describes a noun ("a group called X", "attempts to blame Russia"), the sense of a
    word ("a term Rubio has used to describe Trump"; ``word_use_verbs``), a participle used as an
    adjective ("pledged delegates"), a duty laid down in an order ("shall inform"), or the infinitive of
    another cue ("asked him to convey our wishes": the asking is the statement)."""
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in (lex.verbs | lex.belief) - lex.quote_only:
        return True
    if _so_called(tok) or _thing_with_infinitive(tok, lex) or _duty_to_say(tok):
        return True
    while tok.dep_ in {"xcomp", "advcl"} and tok.tag_ == "VB" and tok.head.i != tok.i:
        tok = tok.head  # "used [to describe]"
        if tok.lemma_.lower() in lex.word_use:
            return True
    return (tok.dep_ == "acl" and tok.tag_ in {"VBN", "VB"}) or tok.dep_ == "amod"  # "271 pledged delegates"


def _so_called(tok) -> bool:
    """The "called" of "so-called": an adjective for a name the writer doubts, not a report."""
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text in {"-", "‐", "‑"} and doc[tok.i - 2].lower_ == "so"


PERSONAL = {"i", "we", "you", "he", "she", "they", "who"}
SPEAKER_ENTS = {"PERSON", "ORG", "GPE", "NORP"}


def _duty_to_say(tok) -> bool:
    """ "The Secretary shall inform the President of ...": an order's duty to report later, not
    anything said."""
    return any(c.dep_ == "aux" and c.lower_ == "shall" for c in tok.children)


def _thing_with_infinitive(tok, lex: Lexicon) -> bool:
    """ "imports that threaten to impair national security": a ``person_infinitive_verbs`` verb
    with an infinitive whose subject is a thing (no name, organisation, place or personal
    pronoun or office; a relative pronoun stands for the noun it follows)."""
    if tok.lemma_.lower() not in lex.person_infinitive or not any(c.dep_ == "xcomp" for c in tok.children):
        return False
    subject = _subject(tok)
    if subject is not None and subject.lower_ in {"that", "which"} and subject.head.dep_ == "relcl":
        subject = subject.head.head
    if subject is None:
        return False
    return not (subject.lower_ in PERSONAL or subject.ent_type_ in SPEAKER_ENTS or subject.pos_ == "PROPN"
                or subject.lower_ in ROLE_SYNONYMS)  # "the minister threatened to resign"


def _trailing_aside(doc, ids: set, lex: Lexicon) -> set:
    """The aside that ends a reported clause after a comma, which is the writer's, not the
    speaker's: ", citing the strategic importance of ...", ", although it may take days",
    ", and rights groups warned that ..." (another speaker)."""
    if not ids:
        return set()
    last = max(i for i in ids if not doc[i].is_punct) if any(not doc[i].is_punct for i in ids) else max(ids)
    for t in sorted((doc[i] for i in ids), key=lambda t: t.i):
        start = t.left_edge.i
        comma = doc[start - 1] if doc[start - 1].dep_ != "cc" else doc[start - 2]
        if t.right_edge.i < last or start == min(ids) or comma.text not in {",", ";", "—", "–", "--", "("}:
            continue
        first = doc[start]
        # a relative clause (", which impedes talks") is left in: in a readout it is the speaker's
        aside = (t.dep_ == "advcl" and (t.tag_ == "VBG" or any(
            c.dep_ == "mark" and c.lower_ in ADJUNCT_MARKS for c in t.children))) or \
            (t.dep_ == "conj" and t.lemma_.lower() in lex.acts and any(c.dep_ == "nsubj" for c in t.children))
        if aside:
            return {x.i for x in t.subtree} | set(range(comma.i, start))
    return set()


def _has_subject(verb) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


def _next_statements(cue_tok, clause, lex: Lexicon) -> set:
    """Inside a reported clause, the next statement coordinated with it, which is a statement of
    its own: the speaker's ("said he would order a review [and warned against hackers]": a cue
    verb in the cue's own form, with no subject of its own) or another speaker's ("One in three
    said the party does not care [and one in four said it was hostile]": a speech verb with its
    own subject and clause and no "that", coordinated with the reported clause itself)."""
    out = set()
    for t in clause.subtree:
        if t.dep_ != "conj" or t.i <= clause.i:
            continue
        same_speaker = t.tag_ == cue_tok.tag_ and t.lemma_.lower() in lex.acts and not _has_subject(t)
        other_speaker = t.head.i == clause.i and t.lemma_.lower() in lex.verbs and _has_subject(t) \
            and not _introduced(t) and any(c.dep_ == "ccomp" for c in t.children)
        if same_speaker or other_speaker:
            out |= {x.i for x in t.subtree} | {c.i for c in t.head.children if c.dep_ == "cc" and c.i < t.i}
    return out


def _opened_by_that(clause) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _introduced(clause) -> bool:
    """True for a clause opened by "that", "whether", "if" ... (a reported clause, not a sentence)."""
    return any(c.dep_ == "mark" for c in clause.children)


def _sibling_statement(cue_tok, head, lex: Lexicon) -> bool:
    """True for a clause the parser hangs on a cue that is a statement of its own: a parenthetical
    attribution ("Instead, she said, her boss told her ..."), a bare speech verb ("One in three
    said A and [one in four said] B", its subject lost to the list before it), or a speech verb
    with its subject before the cue and a semicolon between ("[Six in 10 said A]; 46 percent
    said B")."""
    if head.dep_ not in {"ccomp", "parataxis"} or head.lemma_.lower() not in lex.verbs or _introduced(head):
        return False
    if head.dep_ == "parataxis" and _has_subject(head) and not any(c.dep_ in CONTENT_DEPS for c in head.children):
        return True  # "Instead, [she said], her boss told her ...": the attribution of the clause
    if not _has_subject(head):
        return head.i > cue_tok.i and any(c.dep_ in CONTENT_DEPS for c in head.children)
    doc = head.doc
    return head.i < cue_tok.i and any(doc[i].text == ";" for i in range(head.right_edge.i + 1, cue_tok.i))


def _verb_cue(tok, lex: Lexicon, blocked: set) -> Cue | None:
    """A cue headed by a verb: a speech or thought verb with its clause or infinitive, a speech
    verb with a noun-phrase object ("reaffirmed Russia's readiness to ..."), a light verb with a
    speech noun ("expressed concern about X"), or a verb and a preposition ("called for X")."""
    if tok.i in blocked or tok.pos_ not in {"VERB", "AUX"}:
        return None
    lemma = cue_lemma(tok, lex)
    belief, speech = lemma in lex.belief, lemma in lex.verbs
    frame = object_frame(tok, lex)
    if not (speech or belief or frame.takes_object or frame.preps or lemma in lex.light or lemma in lex.naming) \
            or _not_said(tok, lex):
        return None
    passive = any(c.dep_ in PASSIVE_DEPS for c in tok.children)
    cue = Cue([tok], tok.sent, belief=belief, act=lex.acts.get(lemma, "says"), quote_only=lemma in lex.quote_only)
    cue.source = _subject(tok)
    source_ids = {t.i for t in cue.source.subtree} if cue.source is not None and cue.source.head.i == tok.i else set()
    exclude = source_ids | {tok.i}
    if speech or belief:
        # a thought counts with a clause, or an infinitive in the active ("wants to meet", not
        # "is thought to be")
        heads = [c for c in tok.children if c.dep_ in CONTENT_DEPS and not (
            belief and (c.dep_ == "parataxis" or (c.dep_ == "xcomp" and (passive or c.pos_ not in {"VERB", "AUX"}))))
            and not _sibling_statement(tok, c, lex)]
        for c in tok.children:  # a sibling statement's lost subject is not what this cue reports
            if _sibling_statement(tok, c, lex) and _lost_subject(c) is not None:
                exclude = exclude | {t.i for t in _lost_subject(c).subtree}
        for h in heads:
            cue.content |= _clause_tokens(h, exclude) - _next_statements(tok, h, lex)
            if h.dep_ == "xcomp" and h.tag_ == "VB":  # "wants to triple X, grow Y and create Z"
                for c in tok.children:
                    if c.dep_ == "conj" and c.tag_ == "VB" and c.i > h.i:
                        cue.content |= _clause_tokens(c, exclude) | {t.i for t in tok.children if t.dep_ == "cc" and h.i < t.i < c.i}
        if not heads and not belief and (tok.dep_ == "parataxis" or (
                tok.dep_ == "advcl" and tok.i > tok.head.i and not _introduced(tok) and _has_subject(tok))):
            # "X, he said, is Y", "X is Y, she said" (which the parser may hang as an adverbial);
            # also over a clause read as a noun phrase ("In both cases, Eric Trump said, those
            # donations paid for ...")
            cue.content = _clause_tokens(tok.head, {t.i for t in tok.subtree})
    object_statement(tok, cue, frame, lex, exclude, passive)
    if not (speech or belief) and not cue.content:
        return None
    cue.content -= _trailing_aside(tok.doc, cue.content, lex)
    cue.subtree = set()
    for child in tok.children:  # the verb's arguments, not its time, place or other clauses
        if child.dep_ in ARGUMENT_DEPS or (child.dep_ == "prep" and child.lower_ in ARGUMENT_PREPS):
            cue.subtree |= {t.i for t in child.subtree}
    cue.subtree -= source_ids
    return cue


def _adjective_cue(tok, lex: Lexicon, blocked: set) -> Cue | None:
    """'President Biden was clear that ...', 'made clear that ...': a speech adjective after "be"
    or "make" with a clause; "It is clear that ..." is the writer's own voice, not a cue."""
    head = tok.head
    if tok.i in blocked or tok.pos_ != "ADJ" or tok.lower_ not in lex.adjectives \
            or tok.dep_ not in {"acomp", "oprd", "ccomp", "xcomp"} or head.lemma_.lower() not in {"be", "make"}:
        return None
    source = _subject(head)
    if source is None or source.lower_ == "it":
        return None
    # "made it clear that she has concerns": the parser may hang the that-clause as an adverbial
    clause = [c for c in tok.children if c.dep_ == "ccomp" or (c.dep_ == "advcl" and _opened_by_that(c))] or \
        [c for c in head.children if c.dep_ == "ccomp" and c.i > tok.i]
    if not clause:
        return None
    cue = Cue(sorted([head, tok], key=lambda t: t.i), tok.sent, source=source)
    source_ids = {t.i for t in source.subtree} if source.head.i == head.i else set()
    cue.content = _clause_tokens(clause[0], source_ids | {head.i, tok.i})
    cue.subtree = set(cue.content)
    return cue


def _noun_cue(tok, lex: Lexicon, blocked: set) -> Cue | None:
    """"Trump's claim that Mexico will pay", "his promise to build a wall", "a call by the mayor
    to end the strike": a noun that is also a cue verb (same word: claim, promise, call, demand ...),
    with the clause or infinitive it introduces and whose it is (a possessive, or "by X")."""
    lemma = tok.lemma_.lower()
    if tok.i in blocked or tok.pos_ != "NOUN" or lemma not in (lex.verbs | lex.belief) - lex.quote_only:
        return None
    clause = next((c for c in tok.children if c.dep_ in {"acl", "ccomp"} and (
        _opened_by_that(c) or (c.tag_ == "VB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)))), None)
    source = next((c for c in tok.children if c.dep_ == "poss"), None)
    if source is None:
        agent = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if clause is None or source is None:
        return None
    cue = Cue([tok], tok.sent, source=source, belief=lemma in lex.belief, act=lex.acts.get(lemma, "says"))
    cue.content = _clause_tokens(clause, {tok.i})
    cue.subtree = set(cue.content)
    return cue


def _phrase_content(sent, phrase_ids: set) -> set:
    """What 'according to X' reports when it ends or opens its sentence (or the parenthesis it
    sits in): everything before it ("Trump received 37 percent and Bloomberg 13 percent, according
    to the results"), or everything after it ("According to recent polling, the candidate is once
    again leading"), not just the clause the parser hangs it on; empty when it sits mid-sentence."""
    first, last = min(phrase_ids), max(phrase_ids)
    words = lambda ids: [sent.doc[i] for i in ids if not sent.doc[i].is_punct]
    start = sent.start
    for i in range(first - 1, sent.start - 1, -1):
        if sent.doc[i].text == ")":
            break
        if sent.doc[i].text == "(":
            start = i + 1
            break
    before, after = range(start, first), range(last + 1, sent.end)
    if not words(after) or (start > sent.start and sent.doc[last + 1: last + 2].text == ")"):
        return set(before)
    if not [t for t in words(before) if t.dep_ not in {"cc", "advmod"}]:
        return set(after)
    return set()


def _phrase_cues(doc, lex: Lexicon, blocked: set) -> list[Cue]:
    """'according to X': the source is X, the content the clause the phrase modifies."""
    cues = []
    lower = [t.lower_ for t in doc]
    for phrase in lex.phrases:
        n = len(phrase)
        for i in range(len(doc) - n + 1):
            if tuple(lower[i:i + n]) != phrase or i in blocked:
                continue
            toks = list(doc[i:i + n])
            last = toks[-1]
            pobj = next((c for c in last.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            anchor = toks[0].head
            while anchor.pos_ not in {"VERB", "AUX"} and anchor.head.i != anchor.i:
                anchor = anchor.head
            phrase_ids = {t.i for tk in toks for t in tk.subtree} | {t.i for t in toks}
            cue = Cue(toks, toks[0].sent, source=pobj)
            cue.content = _phrase_content(toks[0].sent, phrase_ids) or {t.i for t in anchor.subtree} - phrase_ids
            cue.subtree = set(cue.content)
            cues.append(cue)
    return cues


def cues_in(doc, lex: Lexicon, blocked: set) -> list[Cue]:
    """Every cue in a parsed paragraph, skipping tokens inside quotations and turns."""
    if not doc.has_annotation("DEP"):
        # Without a dependency parse there is no cue to find, and spaCy 3.8 can crash the
        # process (SIGSEGV) when Token.children is read on such a doc.
        return []
    cues = [c for t in doc for c in (_verb_cue(t, lex, blocked), _adjective_cue(t, lex, blocked),
                                     _noun_cue(t, lex, blocked)) if c is not None]
    return cues + _phrase_cues(doc, lex, blocked)


# ---------------------------------------------------------------- spans and text

def _span_of(doc, ids: Iterable[int], off: int) -> tuple[int, int]:
    ids = sorted(ids)
    return off + doc[ids[0]].idx, off + doc[ids[-1]].idx + len(doc[ids[-1]])


TRIM_LEFT = {"that", "to", ",", ":", "-", "—", "–", ";", "and", "but", "if"}


def _content_pieces(doc, ids: set, off: int, trim_left: frozenset | set = TRIM_LEFT) -> list[list[int]]:
    """Contiguous pieces of a clause, trimmed of 'that', 'to' and edge punctuation."""
    order = sorted(ids)
    while order and (doc[order[0]].lower_ in trim_left and doc[order[0]].dep_ in {"mark", "aux", "punct", "cc"}
                     or doc[order[0]].is_punct and doc[order[0]].text not in "“\"‘'«„"):
        order.pop(0)
    while order and (doc[order[-1]].is_punct and doc[order[-1]].text not in "”\"’'»" or doc[order[-1]].dep_ == "cc"):
        order.pop()
    pieces: list[list[int]] = []
    for i in order:
        s, e = off + doc[i].idx, off + doc[i].idx + len(doc[i])
        if pieces and i - 1 in ids and pieces[-1][2] == i - 1:
            pieces[-1][1], pieces[-1][2] = e, i
        else:
            pieces.append([s, e, i])
    return [[s, e] for s, e, _ in pieces]


def _mention(source, off: int, quote_ids: set) -> tuple[int, int, str]:
    """Character span and head word of the speaker mention ("Kremlin spokesperson Dmitry Peskov")."""
    doc = source.doc
    keep = {source.i}
    stack = [source]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if child.dep_ in NOT_MENTION_DEPS and not (child.dep_ == "prep" and child.lower_ == "of"):
                continue
            if child.i in quote_ids:
                continue
            keep.add(child.i)
            stack.append(child)
    lo, hi = source.i, source.i
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].dep_ == "case"):
        hi -= 1
    while lo < hi and doc[lo].is_punct:
        lo += 1
    return off + doc[lo].idx, off + doc[hi].idx + len(doc[hi]), source


def _venue_np(tok) -> str:
    """The words of a venue noun phrase without relative clauses or a leading article."""
    skip = {t.i for c in tok.children if c.dep_ in {"relcl", "acl", "appos"} for t in c.subtree}
    toks = [t for t in tok.subtree if t.i not in skip]
    text = "".join(t.text_with_ws for t in toks).strip().rstrip(",.;:")
    return re.sub(r"^(the|a|an)\s+", "", text, flags=re.I)


def venue_of(cue: Cue, lex: Lexicon) -> str:
    """The addressee or medium of a cue: "told CNN", "in an interview with the New York Post"."""
    tok = cue.tokens[0]
    heads = [tok] + ([tok.head] if tok.dep_ in {"conj", "advcl", "xcomp"} else [])
    for child in tok.children:
        if child.dep_ in {"dobj", "dative", "iobj"} and tok.lemma_.lower() in lex.addressee \
                and child.pos_ in {"PROPN", "NOUN"}:
            return _venue_np(child)
    for h in heads:
        for child in h.children:
            if child.dep_ != "prep" or child.lower_ not in {"in", "during", "on", "to"}:
                continue
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is None or pobj.ent_type_ in {"DATE", "TIME"}:
                continue
            if child.lower_ == "to" and h.i == tok.i and pobj.pos_ in {"PROPN", "NOUN"}:
                return _venue_np(pobj)
            if child.lower_ == "on" and pobj.pos_ == "PROPN":
                return _venue_np(pobj)
            if pobj.lemma_.lower() in lex.medium:
                for gc in pobj.children:
                    if gc.dep_ == "prep" and gc.lower_ in {"with", "on", "to"}:
                        target = next((c for c in gc.children if c.dep_ == "pobj"), None)
                        if target is not None:
                            return _venue_np(target)
    return ""


# ---------------------------------------------------------------- statements in one article

@dataclass
class Statement:
    pieces: list
    kind: str
    cue: Cue | None = None
    off: int = 0
    content: list | None = None
    sentence: tuple = (0, 0)
    confidence: float = 0.5
    closed: bool = True
    turn: Turn | None = None
    para: int = 0
    mention: tuple | None = None  # (start, end) of a speaker named without a cue verb


DASH_SIGNATURE = re.compile(r"[”\"»’']?\s*[―—–]\s*([A-Z][^,;()\n]{1,60})")


def _dash_signature(text: str, quote_end: int, para_end: int) -> tuple | None:
    """'“...” ― Maria Lopez, Phoenix': the name after a dash that closes a quotation's paragraph."""
    m = DASH_SIGNATURE.match(text, quote_end, para_end)
    if m is None or len(text[m.end():para_end].strip()) > 60:
        return None
    return m.span(1)


def _quote_token_ids(doc, q: Quotation, off: int, end: int) -> set:
    ids = set()
    for s, e in q.pieces:
        if s >= end or e <= off:
            continue
        span = doc.char_span(max(s, off) - off, min(e, end) - off, alignment_mode="expand")
        if span is not None:
            ids |= set(range(span.start, span.end))
    # the marks themselves belong to the quotation too
    return ids


def _attach(q_ids: set, cues: list[Cue], doc, quoted: set = frozenset()) -> tuple[Cue | None, str]:
    """The cue a quotation belongs to, and how ('content', 'adjacent', 'subtree' or 'near');
    ``quoted`` holds the tokens of every quotation in the paragraph."""
    if not q_ids:
        return None, ""
    best = [c for c in cues if c.content & q_ids]
    if best:
        return min(best, key=lambda c: len(c.content)), "content"
    # '“If you look back,” Scott said, “I could have ...”': the parser hangs the first piece on
    # the cue as an adverbial clause, yet only the speaker and commas stand between them
    best = [c for c in cues if not c.belief and _split_piece(c, q_ids, doc, quoted)]
    if best:
        return min(best, key=lambda c: min(abs(c.tokens[0].i - min(q_ids)), abs(c.tokens[0].i - max(q_ids)))), "adjacent"
    best = [c for c in cues if c.subtree & q_ids and not c.belief]
    if best:
        return min(best, key=lambda c: len(c.subtree)), "subtree"
    first, last = min(q_ids), max(q_ids)
    sents = {doc[first].sent.start, doc[last].sent.start}
    near = [c for c in cues if c.tokens[0].sent.start in sents and not c.belief and not c.content]
    if not near:
        # '“...” \n he said.': the cue sentence right after the quote, or 'X said:' right before
        nxt = doc[last].sent.end
        near = [c for c in cues if c.tokens[0].sent.start == nxt and not c.belief
                and not c.content and c.tokens[0].i - nxt <= 6]
        prev = doc[first].sent
        if not near and prev.start > 0:
            before = doc[prev.start - 1]
            if before.text == ":" or (first > 0 and doc[first - 1].text == ":"):
                near = [c for c in cues if c.tokens[0].sent.start == before.sent.start and not c.belief]
    if near:
        return min(near, key=lambda c: min(abs(c.tokens[0].i - first), abs(c.tokens[0].i - last))), "near"
    return None, ""


def _split_piece(cue: Cue, q_ids: set, doc, quoted: set) -> bool:
    """True for a quotation that is a piece of what its neighbouring cue reports: next to the
    cue, ended by a comma, question or exclamation mark when it comes first ('“A,” she said'),
    and the cue reports nothing but quotations ('“A,” she said, “B.”'); not for a title or a
    sentence of its own ('“Face the Nation,” Ryan said the ...', '“... neighbourhood.” Russia
    insisted that ...')."""
    if [i for i in cue.content - quoted if doc[i].is_alpha] or not _adjacent(cue, q_ids, doc):
        return False
    last = max(q_ids)
    if last > cue.tokens[0].i:
        return True
    ends = [doc[i].text for i in range(last, min(last + 3, len(doc))) if doc[i].is_punct]
    return any(p in {",", "?", "!", "—", "–", "-", "--", "...", "…"} for p in ends)


def _adjacent(cue: Cue, q_ids: set, doc) -> bool:
    """True when only punctuation (and the speaker) stands between the quotation and its cue:
    '“A,” Trump said' or 'Trump responded, “A”' (a direct quote, not a partial one)."""
    first, last = min(q_ids), max(q_ids)
    near = {t.i for t in cue.tokens}
    if cue.source is not None:
        source = cue.source
        if source.lower_ in RELATIVE and source.head.dep_ == "relcl":
            source = source.head.head  # the noun phrase the relative clause (and the cue) sits in
        near |= {t.i for t in source.subtree}
        near |= {t.i for t in source.subtree for t in t.ancestors if t.i in near}
    lo, hi = min(near), max(near)
    between = range(last + 1, lo) if last < lo else range(hi + 1, first) if hi < first else None
    if between is None:
        return False
    return all(doc[i].is_punct or doc[i].is_space or doc[i].i in near for i in between)


def _whole_sentence(q_ids: set, doc) -> bool:
    """True when the quotation holds most words of the sentence(s) it sits in."""
    sent_ids = {t.i for i in (min(q_ids), max(q_ids)) for t in doc[i].sent}
    words = [i for i in sent_ids if doc[i].is_alpha]
    return len([i for i in words if i in q_ids]) >= 0.8 * len(words)


def _is_partial(cue: Cue, how: str, q_ids: set, doc, glue: frozenset = frozenset({"that", "to"}),
                quoted: set = frozenset()) -> bool:
    """True for a quotation that is only part of what its cue reports: "Clinton, though, would
    have to “go more to center,” Cuban said" (the reported clause holds words outside every
    quotation, even when the quotation stands next to the cue), "described it as “good”"."""
    region = cue.content if how == "content" else cue.subtree
    words = lambda ids: [doc[i] for i in ids if doc[i].is_alpha and doc[i].lower_ not in glue]
    outside = words(region - q_ids)
    first = min(q_ids)
    # 'X will use it, Kall said: “I feel ...”' is Kall's quotation whole
    after_colon = first > cue.tokens[-1].i and any(doc[i].text == ":" for i in range(max(first - 2, 0), first))
    if how == "content" and len(words(region - q_ids - quoted)) >= 2 and not after_colon:
        return True
    if _adjacent(cue, q_ids, doc):
        return False
    if how == "near":
        return not _whole_sentence(q_ids, doc)
    return len(outside) >= 2 or (how == "subtree" and len(outside) >= 1)


def _too_short(cue: Cue, doc, objects: frozenset = frozenset()) -> bool:
    """True for content of fewer than two words, except a name as the object of a verb that
    takes one (``objects``: "endorsed [Trump]", "opposes [Obamacare]")."""
    words = [doc[i] for i in cue.content if doc[i].is_alpha]
    if len(words) >= 2:
        return False
    verb = cue.tokens[0]
    return not (words and words[0].pos_ == "PROPN" and (verb.lemma_.lower(), "") in objects)


WH_WORDS = {"whether", "if", "what", "when", "why", "how", "who", "which", "where"}


def _unsaid(cue: Cue, doc) -> bool:
    """A statement not made: a negated cue over a question ("he has not explicitly stated
    whether he would continue aid", "would not say when"). Other negated speech stays: "did not
    deny that ..." reports a position, and PolNeAR annotates it (dropping every negated cue
    loses more true attributions on its dev split than it removes false ones)."""
    if not any(c.dep_ == "neg" for t in cue.tokens for c in t.children):
        return False
    return doc[min(cue.content)].lower_ in WH_WORDS


def _reported_within(cue: Cue, cues: list[Cue]) -> bool:
    """True for a cue inside what another cue reports: "Critics charged that the hearing failed to
    [provide] any new information", "officials said the meeting was aimed at [explaining] the
    actions", "Ms. Sherry said her editors took out a scene where he [invites] her to ...". It is
    part of the outer statement, not a statement of its own (PolNeAR annotates a few such nested
    attributions; news quote trackers annotate the outer one)."""
    at = cue.tokens[0].i
    return any(at in other.content and other.tokens[0].i not in cue.content
               for other in cues if other is not cue and not other.quote_only)


# Words a headline leaves in lower case; every other word of a headline is capitalised.
HEADLINE_SMALL = {"a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "nor", "but", "at", "by",
                  "with", "as", "from", "into", "vs", "via", "per"}


def not_prose_line(line: str, first: bool, openers: frozenset) -> bool:
    """True for a line that is not the article's prose, so no statement is read from it: a link
    to another story or a caption for embedded media ("READ MORE: ...", "Watch the full
    interview below:"; the openers are ``link_openers`` in ``data/speech_verbs.yml``), or,
    below the first line, a headline alone on a line (every word that is not a small word
    capitalised: "Emails Reveal Aide Conspired With Reporter")."""
    line = line.strip()
    low = line.lower()
    for word in openers:
        after = low[len(word):len(word) + 1]
        if low.startswith(word) and (after == ":" or (after == " " and line.endswith(":"))):
            return True
    if first:
        return False  # the article's own headline: "Trump says ..." is a statement
    return _title_case(line, 3, 20)


def _title_case(text: str, least: int, most: int) -> bool:
    """True for words written as a title: every word but the small ones capitalised ("Emails
    Reveal Aide Conspired With Reporter", "The Nightly Show with Larry Wilmore")."""
    words = re.findall(r"[^\W\d_][\w’'\-]*", text)
    content = [w for w in words if w.lower() not in HEADLINE_SMALL]
    return least <= len(words) <= most and all(w[0].isupper() for w in content)


def _english_venue(cue: Cue, lex: Lexicon) -> str:
    return venue_of(cue, lex) if len(cue.tokens) == 1 else ""


@dataclass(frozen=True)
class Grammar:
    """What reading a parsed paragraph needs to know about its language: how cues are found in
    the parse, how a speaker mention and a venue are read off it, and the small words a
    reported clause may hold around a quotation without making it partial ("that", "to")."""
    cues: Callable
    mention: Callable
    venue: Callable
    glue: frozenset
    trim_left: frozenset


def statements_in_paragraph(plan: Plan, k: int, doc, lex, blocked_spans, grammar: Grammar | None = None,
                            quotes_in_turns: bool = False) -> list[Statement]:
    """Statements whose quotation starts in, or whose cue sits in, paragraph k. Quotations
    inside transcript turns are left out unless ``quotes_in_turns``."""
    grammar = grammar or ENGLISH
    off, end = plan.paras[k]
    blocked = set()
    blocked_spans = blocked_spans if isinstance(blocked_spans, Spans) else Spans(blocked_spans)
    for s, e in blocked_spans.overlapping(off, end):
        span = doc.char_span(max(s, off) - off, min(e, end) - off, alignment_mode="expand")
        if span is not None:
            blocked |= set(range(span.start, span.end))
    spans = plan.spans()
    quotes = [plan.quotations[i] for i in spans.quotations_starting(off, end)]
    if not quotes_in_turns:
        quotes = [q for q in quotes if not spans.spoken.covering(q.start, q.end)]
    if grammar is ENGLISH and not_prose_line(plan.text[off:end], k == 0, lex.link_openers):
        return []
    cues = grammar.cues(doc, lex, blocked)
    out: list[Statement] = []
    by_cue: dict[int, Statement] = {}
    q_tokens = [_quote_token_ids(doc, q, off, end) for q in quotes]
    quoted = set().union(*q_tokens)
    for q, q_ids in zip(quotes, q_tokens):
        cue, how = _attach(q_ids, cues, doc, quoted)
        sent = (off + doc[min(q_ids)].sent.start_char, off + doc[max(q_ids)].sent.end_char) if q_ids else (off, end)
        words = len(plan.text[q.start:q.end].split())
        if cue is None:
            prev = out[-1] if out else None
            if prev is not None and prev.kind == "direct" and prev.cue is not None and prev.pieces[-1][1] < q.start:
                prev.pieces = prev.pieces + q.pieces  # '"A," he said. "B."': B goes on A's statement
                prev.sentence = (prev.sentence[0], max(prev.sentence[1], sent[1]))
                continue
            if prev is not None and prev.kind == "partial" and prev.cue is not None and prev.pieces[-1][1] < q.start \
                    and words >= 4:
                # 'It was "A," she said. "B."': B is her quotation, by the same cue
                out.append(Statement(q.pieces, "direct", prev.cue, off, None, sent, prev.confidence, q.closed, para=k))
                continue
            if words < 4 and not q.pieces[-1][1] - q.pieces[0][0] > 40 or _title_case(plan.text[q.start:q.end], 1, 12):
                continue  # a scare quote, a nickname, or the title of a show, a book, a group, a slogan
            # 'to see if they could “look like Donald Trump.”': words woven into the writer's
            # sentence are a partial quotation, not a direct one
            woven = q.pieces[0][0] < len(plan.text) and plan.text[q.pieces[0][0]].islower() and q_ids \
                and not _whole_sentence(q_ids, doc)
            st = Statement(q.pieces, "partial" if woven else "direct", None, off, None, sent,
                           0.5 if q.closed else 0.35, q.closed, para=k)
            st.mention = _dash_signature(plan.text, q.end, end)
            out.append(st)
            continue
        key = id(cue)
        if key in by_cue:
            st = by_cue[key]  # '"A," he said, "B."': one statement in several pieces
            st.pieces = sorted(st.pieces + q.pieces)
            st.sentence = (min(st.sentence[0], sent[0]), max(st.sentence[1], sent[1]))
            continue
        partial = _is_partial(cue, how, q_ids, doc, grammar.glue, quoted)
        if partial and how == "near" and words < 4:
            continue  # a short quote the cue does not govern: a scare quote or a title
        content = None
        if partial:
            region = cue.content if how == "content" else cue.subtree
            content = _content_pieces(doc, region, off, grammar.trim_left)
        cue_sent = cue.tokens[0].sent
        sent = (min(sent[0], off + cue_sent.start_char), max(sent[1], off + cue_sent.end_char))
        conf = {"content": 0.9, "adjacent": 0.9, "subtree": 0.8, "near": 0.75}[how] * (1.0 if q.closed else 0.8)
        st = Statement(q.pieces, "partial" if partial else "direct", cue, off, content, sent, conf, q.closed, para=k)
        by_cue[key] = st
        out.append(st)
    for cue in cues:
        objects = lex.objects if grammar is ENGLISH else frozenset()
        if id(cue) in by_cue or cue.quote_only or _too_short(cue, doc, objects):
            continue
        if _unsaid(cue, doc) or _reported_within(cue, cues):
            continue
        if cue.content & blocked:
            continue
        pieces = _content_pieces(doc, cue.content, off, grammar.trim_left)
        if not pieces:
            continue
        sent = (off + cue.sent.start_char, off + cue.sent.end_char)
        out.append(Statement(pieces, "indirect", cue, off, pieces, sent, 0.6 if cue.belief else 0.7, para=k))
    return out


def _row(plan: Plan, st: Statement, resolver: Resolver, doc, lex, grammar: Grammar | None = None) -> dict:
    grammar = grammar or ENGLISH
    text = plan.text
    start, end = st.pieces[0][0], st.pieces[-1][1]
    row = dict(article_id=plan.article_id, quote=text[start:end], quote_start=start, quote_end=end,
               quote_spans=[list(p) for p in st.pieces],
               quote_text=" ".join(text[s:e] for s, e in st.pieces), kind=st.kind,
               speaker="", speaker_mention="", speaker_start=-1, speaker_end=-1,
               cue="", cue_start=-1, cue_end=-1, act="says", venue="",
               sentence=text[st.sentence[0]:st.sentence[1]].strip(),
               content_start=(st.content or st.pieces)[0][0], content_end=(st.content or st.pieces)[-1][1],
               confidence=round(st.confidence, 2), _para=st.para)
    row["content"] = text[row["content_start"]:row["content_end"]]
    cue = st.cue
    if cue is not None:
        off = st.off
        c0, c1 = cue.tokens[0], cue.tokens[-1]
        row.update(cue_start=off + c0.idx, cue_end=off + c1.idx + len(c1))
        row["cue"] = text[row["cue_start"]:row["cue_end"]]
        row["act"] = cue.act
        row["venue"] = grammar.venue(cue, lex)
        if cue.source is not None:
            q_ids = set()
            s, e, head = grammar.mention(cue.source, off, q_ids)
            # '">Sanders said': markup left in the text glued to the name is not part of it
            while s < e - 1 and not (text[s].isalnum() or text[s] in "@#"):
                s += 1
            row.update(speaker_mention=text[s:e], speaker_start=s, speaker_end=e)
            named = _antecedent(cue.source)
            if named is not cue.source:
                s, e, head = grammar.mention(named, off, q_ids)
            row["speaker"] = resolver.resolve(text[s:e], s, head.text, off + head.idx)
        else:
            row["confidence"] = round(row["confidence"] * 0.6, 2)
    elif st.mention is not None:
        s, e = st.mention
        head = text[s:e].split()[-1]
        row.update(speaker_mention=text[s:e], speaker_start=s, speaker_end=e,
                   speaker=resolver.resolve(text[s:e], s, head, e - len(head)))
        row["confidence"] = 0.7
    return row


ENGLISH = Grammar(cues_in, _mention, _english_venue, frozenset({"that", "to"}), frozenset(TRIM_LEFT))


def _turn_row(plan: Plan, turn: Turn, resolver: Resolver) -> dict:
    text = plan.text
    start, end = turn.pieces[0][0], turn.pieces[-1][1]
    label, name = turn.label, turn.name or turn.label
    if name == "Q":
        speaker = "a reporter"
    else:
        bare = re.sub(r"^(THE|MR\.?|MS\.?|MRS\.?|DR\.?)\s+", "", name).strip()
        titled = bare.title() if bare.isupper() else bare
        # "MR. MUSK" -> the full name the text gives him; a name written out ("Vladimir Putin",
        # "В.Путин") is the speaker as it stands
        one_word = titled and len(titled.split()) == 1 and "." not in titled
        speaker = resolver.surname(titled, turn.label_start) if one_word else ""
        speaker = speaker or (name.title() if name.isupper() else name)
    colon = text.rfind(":", turn.label_end, max(turn.mark_end, turn.label_end))
    colon = turn.label_end if colon < 0 else colon
    return dict(article_id=plan.article_id, quote=text[start:end], quote_start=start, quote_end=end,
                quote_spans=[list(p) for p in turn.pieces],
                quote_text=" ".join(text[s:e] for s, e in turn.pieces), kind="turn",
                speaker=speaker, speaker_mention=label, speaker_start=turn.label_start,
                speaker_end=turn.label_end, cue=":", cue_start=colon, cue_end=colon + 1, act="says", venue="",
                sentence=text[turn.pieces[0][0]:turn.pieces[0][1]][:400],
                content=text[start:end], content_start=start, content_end=end, confidence=0.95,
                _para=-1)


def _inherit(rows: list[dict]) -> None:
    """A quote with no cue takes the speaker of the statement before it (same or previous
    paragraph), else of the next one in its paragraph; a statement with no venue takes the
    venue of the one before it when the same speaker is quoted on in the same or next paragraph
    (indirect speech often reports an earlier occasion, so it inherits no venue)."""
    with_speaker: dict[int, list[int]] = {}  # paragraph -> rows with a speaker, for the one after
    for i, r in enumerate(rows):
        if r["speaker"]:
            with_speaker.setdefault(r["_para"], []).append(i)
    prev = None  # the last row so far with a speaker, not a turn
    for i, r in enumerate(rows):
        if not (r["cue"] or r["kind"] == "turn" or r["speaker"]):
            later = with_speaker.get(r["_para"], [])
            j = bisect_right(later, i)
            nxt = rows[later[j]] if j < len(later) else None
            src = prev if prev is not None and r["_para"] - prev["_para"] <= 2 else nxt
            if src is not None:
                r["speaker"] = src["speaker"]
                r["confidence"] = round(min(r["confidence"], 0.5), 2)
        if r["speaker"] and r["kind"] != "turn":
            prev = r
    for i, r in enumerate(rows[1:], start=1):
        prev = rows[i - 1]
        if not r["venue"] and prev["venue"] and r["speaker"] and r["speaker"] == prev["speaker"] \
                and r["_para"] - prev["_para"] <= 1 and r["kind"] in {"direct", "partial"}:
            r["venue"] = prev["venue"]


def _introducing_cue(doc, lex: Lexicon) -> Cue | None:
    """The cue of a paragraph that ends with a colon to introduce the quotation below it:
    "Caddell continued:", "President Clinton released the following statement:", "He said:"
    (a cue verb, or a light verb with a speech noun, in the paragraph's last sentence)."""
    toks = [t for t in doc if not t.is_space]
    if not toks or toks[-1].text != ":" or not doc.has_annotation("DEP"):
        return None
    for tok in reversed(list(toks[-1].sent)):
        lemma = tok.lemma_.lower()
        noun = next((c.lemma_.lower() for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in lex.nouns), None)
        if tok.pos_ in {"VERB", "AUX"} and (lemma in lex.verbs or (lemma in lex.light and noun)) \
                and not _not_said(tok, lex):
            act = lex.nouns[noun] if noun and lemma in lex.light else lex.acts.get(lemma, "says")
            return Cue([tok], tok.sent, source=_subject(tok), act=act)
    return None


def _introduced_quotation(statements: list[Statement], para_start: int, cue: Cue, cue_off: int, text: str) -> None:
    """A quotation that opens its paragraph with no cue of its own takes the cue of the paragraph
    before, when that one ends with a colon ('He said:' / '“...”'): it is that speaker's."""
    for st in statements:
        opens = not text[para_start:st.pieces[0][0]].strip(" \t\"'“‘«„`")
        if st.kind == "direct" and st.cue is None and st.mention is None and opens:
            st.cue, st.off, st.confidence = cue, cue_off, 0.8 * (1.0 if st.closed else 0.8)
            return


HEADLINE_CLAIM = re.compile(r"(?P<label>[A-Z][\w.’'\-]*(?: [A-Z][\w.’'\-]*){0,3}): +(?P<claim>\S[^\n]*)")


def _headline_claim(plan: Plan, resolver: Resolver, lex: Lexicon) -> dict | None:
    """"Graham: Trump’s Rhetoric Destroying GOP’s Chance": a headline on the text's first line
    that gives a person's claim after their name and a colon. The name must be a person the
    article names (so "The Latest: ..." and "Stealth Over Health: ..." are no statements)."""
    if not plan.paras or any(t.label_start < plan.paras[0][1] for t in plan.turns):
        return None
    s, e = plan.paras[0]
    m = HEADLINE_CLAIM.fullmatch(plan.text, s, e)
    if m is None or m.group("label").lower() in lex.not_labels or len(m.group("claim").split()) < 3:
        return None
    label = m.group("label")
    person = resolver.person_in(m.start("label"), m.end("label"))
    speaker = person.full if person is not None else resolver.surname(label, m.start("label")) \
        if " " not in label else ""
    if not speaker:
        return None
    claim = _trimmed(plan.text, m.start("claim"), m.end("claim"))
    colon = m.end("label")
    return dict(article_id=plan.article_id, quote=plan.text[claim[0]:claim[1]], quote_start=claim[0],
                quote_end=claim[1], quote_spans=[list(claim)], quote_text=plan.text[claim[0]:claim[1]],
                kind="indirect", speaker=speaker, speaker_mention=label, speaker_start=m.start("label"),
                speaker_end=colon, cue=":", cue_start=colon, cue_end=colon + 1, act="says", venue="",
                sentence=plan.text[s:e].strip(), content=plan.text[claim[0]:claim[1]], content_start=claim[0],
                content_end=claim[1], confidence=0.6, _para=0)


def _trimmed(text: str, s: int, e: int) -> tuple[int, int]:
    """[s, e) without a closing full stop and surrounding spaces."""
    while e > s and text[e - 1] in " .\t":
        e -= 1
    return s, e


def statements_for_article(plan: Plan, docs: dict, lex: Lexicon, seconds: float | None = None) -> list[dict]:
    """Statement rows for one article whose paragraphs have been run through spaCy; raises
    :class:`OverBudget` once planning and this have taken more than ``seconds``."""
    deadline = _deadline(seconds, plan.seconds)
    persons, others = [], []
    for k, doc in docs.items():
        off = plan.paras[k][0]
        for e in doc.ents:
            (persons if e.label_ == "PERSON" else others).append((off + e.start_char, off + e.end_char))
    persons += persons_inside(plan.text, persons, others)
    persons += office_holders(plan.text, lex.label_roles, persons)
    resolver = Resolver(plan.text, persons, not_prose_spans(plan.quotations, plan.turns), lex.female, lex.male,
                        title=plan.title)
    marked = plan.spans().marked
    rows = []
    intro: tuple[int, Cue] | None = None  # (paragraph, cue) of a paragraph that ends 'He said:'
    for k in sorted(plan.parse):
        _check(deadline, seconds)
        doc = docs[k]
        if len(doc) and not doc.has_annotation("SENT_START"):
            for tok in doc:  # a pipeline without parser or sentencizer: one sentence per paragraph
                tok.is_sent_start = tok.i == 0
        statements = statements_in_paragraph(plan, k, doc, lex, marked)
        if intro is not None and intro[0] == k - 1:
            _introduced_quotation(statements, plan.paras[k][0], intro[1], plan.paras[k - 1][0], plan.text)
        for st in statements:
            rows.append(_row(plan, st, resolver, doc, lex))
        cue = _introducing_cue(doc, lex)
        intro = (k, cue) if cue is not None else None
    _check(deadline, seconds)
    rows += [_turn_row(plan, t, resolver) for t in plan.turns]
    headline = _headline_claim(plan, resolver, lex)
    if headline is not None:
        # what the claim itself holds ("Ask For A $15 Minimum Wage") is part of it, not a statement
        inside = lambda r: headline["quote_start"] <= r["quote_start"] and r["quote_end"] <= headline["quote_end"]
        if not any(r["quote_start"] < headline["quote_end"] and headline["quote_start"] < r["quote_end"]
                   and not inside(r) for r in rows):
            rows = [r for r in rows if not inside(r)] + [headline]
    rows.sort(key=lambda r: (r["quote_start"], r["quote_end"], r["kind"]))
    _inherit(rows)
    implicit_speakers(rows, resolver)
    _check(deadline, seconds)
    seen = set()
    out = []
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


# ---------------------------------------------------------------- streaming over articles

def _texts(plans: Iterable[Plan], which: str) -> Iterator[str]:
    for plan in plans:
        for k in getattr(plan, which):
            s, e = plan.paras[k]
            yield marks_capped(plan.text[s:e])


def marks_capped(text: str) -> str:
    """``text`` with the middle of every run of over ``MAX_MARK_RUN`` marks without a space
    turned into spaces, one for one, so every character offset still points into the source."""
    return MARK_RUN.sub(_blank_middle, text) if MARK_RUN.search(text) else text


def _blank_middle(m: re.Match) -> str:
    run, keep = m.group(), MAX_MARK_RUN // 2
    return run[:keep] + " " * (len(run) - 2 * keep) + run[-keep:]


class ExtractionWarning(UserWarning):
    """What the quote engine did about an article it could not read whole (also in ``frame.attrs["notes"]``)."""


# spaCy's worker processes keep every string they have seen, so one pool that parses a whole
# archive grows without bound; a fresh pool for each chunk of articles keeps memory flat.
CHUNK_ARTICLES = 1000


def iter_statements(articles: pd.DataFrame, nlp=None, *, fast: bool = True, batch_size: int = 32,
                    n_process: int = 1, chunk_size: int = CHUNK_ARTICLES, article_seconds: float | None = ARTICLE_SECONDS,
                    notes: list | None = None) -> Iterator[list[dict]]:
    """Statement rows article by article, streaming: only one batch of parses is held at a time,
    and with ``n_process`` > 1 the worker processes are renewed every ``chunk_size`` articles.

    An article whose planning and rules take longer than ``article_seconds`` (None or 0: no limit)
    gives no rows; ``notes``, if given, gets ``(article_id, message, skipped)`` for it and for each
    paragraph read in parts.

    Each article goes by its ``language`` (``kit.language``; worked out from the text when the
    table has no such column): Russian and Ukrainian to ``kit.quotes_ru`` (natasha), everything
    else to the spaCy pipeline. The rows come back in the articles' order either way."""
    lex = load_lexicon()
    cues = labels = None
    chunk_size = max(1, chunk_size)
    for start in range(0, len(articles), chunk_size):
        part = articles.iloc[start:start + chunk_size]  # texts become Python strings a chunk at a time
        ids, texts = part["article_id"].astype(str).tolist(), part["text"].tolist()
        titles = part["title"].tolist() if "title" in part else [""] * len(texts)
        given = part["language"].tolist() if "language" in part else [None] * len(texts)
        russian = [is_cyrillic_language(lang if isinstance(lang, str) and lang else detect_language(text))
                   for lang, text in zip(given, texts)]
        english_items = [(a, t, h) for a, t, h, ru in zip(ids, texts, titles, russian) if not ru]
        russian_items = [(a, t) for a, t, ru in zip(ids, texts, russian) if ru]
        english = iter(())
        if english_items:
            nlp = nlp or load_pipeline()
            cues = cues or cue_pattern(nlp, lex)
            labels = labels or turn_label_words(nlp)
            max_chars = min(MAX_PARAGRAPH_CHARS, nlp.max_length)
            plans = (plan_article(a, t, lex, fast, cues, labels, h, max_chars, article_seconds) for a, t, h in english_items)
            english = _statements_of_plans(plans, nlp, lex, batch_size, n_process, article_seconds,
                                           notes if notes is not None else [])
        from .quotes_ru import iter_statements_ru

        russian_rows = iter_statements_ru(russian_items, lex) if russian_items else iter(())
        for ru in russian:
            yield next(russian_rows) if ru else next(english)
        for _ in english:  # lets the worker pool finish before the next chunk starts one
            pass


def _statements_of_plans(plans: Iterator[Plan], nlp, lex: Lexicon, batch_size: int, n_process: int,
                         seconds: float | None, notes: list) -> Iterator[list[dict]]:
    p_main, p_full, p_ner = itertools.tee(plans, 3)
    full = nlp.pipe(_texts(p_full, "parse"), batch_size=batch_size, n_process=n_process)
    keep = {"ner"} if _ner_own_tok2vec(nlp) else {"ner", "tok2vec"}
    not_ner = [p for p in nlp.pipe_names if p not in keep]
    # names only, for the few paragraphs left: in this process, so a run holds one pool of
    # n_process workers and one pipeline per worker, not two
    ner = nlp.pipe(_texts(p_ner, "ents_only"), batch_size=batch_size, disable=not_ner)
    for plan in p_main:
        docs = {k: next(full) for k in plan.parse}
        docs.update({k: next(ner) for k in plan.ents_only})
        notes += [(plan.article_id, note, False) for note in plan.notes]
        try:
            if plan.skipped:
                raise OverBudget(plan.skipped)
            yield statements_for_article(plan, docs, lex, seconds)
        except OverBudget as exc:
            notes.append((plan.article_id, str(exc), True))
            yield []
        except Exception as exc:  # one odd article must not stop the run
            log.warning("article %s: quote extraction failed (%s: %s)", plan.article_id, type(exc).__name__, exc)
            yield []
    for _ in full:  # let the pool finish and exit before the next chunk starts one
        pass


def _ner_own_tok2vec(nlp) -> bool:
    """True when the NER has its own embedding layer, so it runs correctly without tok2vec."""
    if "ner" not in nlp.pipe_names:
        return True
    arch = nlp.get_pipe_config("ner").get("model", {}).get("tok2vec", {}).get("@architectures", "")
    return "Listener" not in arch


def extract_quotes(articles: pd.DataFrame, nlp=None, batch_size: int = 32, *, fast: bool = True,
                   n_process: int | None = None, progress=None,
                   article_seconds: float | None = ARTICLE_SECONDS) -> pd.DataFrame:
    """The ``statements`` table for every article in ``articles`` (see the module docstring).

    ``fast=True`` parses only paragraphs that can hold a statement and gives the same rows as
    ``fast=False`` (a full parse of every paragraph). ``n_process`` processes parse (default:
    the usable cores, ``kit.nlp.default_n_process()``); the rows do not depend on it.
    ``progress(n)`` is told how many articles are done, every few articles and at the end.

    A paragraph over ``MAX_PARAGRAPH_CHARS`` (or the pipeline's ``max_length``) is read in parts
    cut at sentence ends; an article on which the engine's own work (planning and rules, not the
    parse) takes longer than ``article_seconds`` (None or 0: no limit) is skipped. Each is an
    :class:`ExtractionWarning` naming the article, listed in ``frame.attrs["notes"]``;
    ``frame.attrs["skipped"]`` lists the skipped articles' ids.
    """
    n_process = default_n_process() if n_process is None else int(n_process)
    frames, rows, notes, said = [], [], [], []
    chunk = CHUNK_ARTICLES
    files = dict(zip(articles["article_id"].astype(str), articles["path"])) if "path" in articles else {}
    named = lambda a: f"article {a} ({files[a]})" if files.get(a) else f"article {a}"  # noqa: E731
    for n, article_rows in enumerate(iter_statements(articles, nlp, fast=fast, batch_size=batch_size,
                                                     n_process=n_process, chunk_size=chunk,
                                                     article_seconds=article_seconds, notes=notes), start=1):
        for article_id, note, _ in notes[len(said):]:
            said.append(f"{named(article_id)}: {note}")
            warnings.warn(said[-1], ExtractionWarning, stacklevel=2)
        rows += article_rows
        if progress is not None and (n % 10 == 0 or n == len(articles)):
            progress(n)
        if n % chunk == 0:  # rows as a table a chunk at a time: far smaller than dicts
            frames.append(statements_frame(rows))
            rows = []
    frames = [f for f in frames if len(f)] + [statements_frame(rows)]
    frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    frame.attrs.update(notes=said, skipped=list(dict.fromkeys(a for a, _, skipped in notes if skipped)))
    return frame


def statements_frame(rows: list[dict]) -> pd.DataFrame:
    """Statement rows (dicts) as a ``statements`` table with its column types."""
    frame = pd.DataFrame(rows, columns=STATEMENT_COLUMNS)
    for col in ("quote_start", "quote_end", "speaker_start", "speaker_end", "cue_start", "cue_end",
                "content_start", "content_end"):
        frame[col] = frame[col].astype("int64")
    frame["confidence"] = frame["confidence"].astype("float64")
    return frame
