"""Stage 2, before any parse: an article's paragraphs, quotation marks and transcript turns, and
which paragraphs need spaCy's full parse (``plan_article``).

The fast path's cheap test for a cue word is read from the pipeline's own lemmatizer tables
(``cue_pattern``), so a paragraph is parsed only when it can hold a statement; lines that are not
the article's prose (link lines, captions, headlines) are recognised here too. Used by
``kit.quotes`` (English) and ``kit.quotes_ru`` (Russian).
"""
from __future__ import annotations

import re
import time
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from .cues import Lexicon
from .quotes_marks import Quotation, find_quotations, paragraphs
from .quotes_turns import LabelWords, Turn, cut_at_sentences, find_turns, label_words
from .spans import Spans

# A paragraph longer than this is read in parts (spaCy refuses texts over nlp.max_length, 1,000,000
# characters by default, and its parser needs memory in proportion); the longest paragraph of the
# 14,380 White House texts has 28,422 characters.
MAX_PARAGRAPH_CHARS = 100_000
_clock = time.perf_counter

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
    words = [word_trie(forms)] if forms else []
    # tokens of a phrase may touch ("according(to"), so their gap may be empty
    joined = [r"\W*".join(re.escape(w) for w in p) for p in phrases]
    return re.compile(r"\b(?:" + "|".join(words + joined) + r")\b", re.I)


def word_trie(words: Iterable[str]) -> str:
    """A regular expression that matches exactly the strings ``words``, written as a trie
    ("sa(?:id|y(?:s)?)" for said, say, says). Python's ``re`` tries a plain alternation of 1,360 cue
    forms one form after another at every position of a paragraph (three quarters of the time
    planning took on White House transcripts); a trie drops all forms that do not begin with the
    letter at hand at once. It finds a match where the plain alternation does, and only there."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(root)


def _trie_pattern(node: dict) -> str:
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    return ("(?:" + body + ")" if len(branches) == 1 else body) + "?"


@dataclass(frozen=True)
class CueTest:
    """The fast path's cheap test for a paragraph that can hold a cue: a word the pipeline can
    read as a cue verb, a phrase, a speech adjective ("clear" in "made clear that") or a noun of
    weight ("Attention was drawn to"); or a
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
    # every adjective that can make a cue ("was clear that", "was grateful for", "were supportive of",
    # "was critical of"): a paragraph with one of them must be parsed as the full parse would
    adjectives = set(lex.adjectives) | set(lex.stance_adjectives) | set(lex.feeling_adjectives) \
        | set(lex.criticism_adjectives) | set(lex.pledge_adjectives)
    # and every noun of a view given in passing ("in her view, ...")
    words = lex.phrases + tuple((a,) for a in sorted(adjectives)) + tuple((n,) for n in sorted(lex.focus)) \
        + tuple((n,) for n in sorted(lex.view_nouns))
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


SPACES = re.compile(r"[ \t]*")


def headline_apart(paras: list[tuple[int, int]], text: str, title: str) -> list[tuple[int, int]]:
    """The paragraphs with the headline made one of its own where the text repeats it at its start
    with no line break ("Встреча с Патриархом Кириллом Владимир Путин поздравил ...", as every
    Kremlin text in Russian opens): the headline is no part of the first sentence."""
    head = title.strip()
    if len(head.split()) < 3 or not paras or paras[0][0] != 0 or not text.startswith(head):
        return paras
    rest = SPACES.match(text, len(head)).end()
    if rest == len(head) or rest >= paras[0][1] or not text[rest:rest + 1].isupper():
        return paras
    return [(0, len(head)), (rest, paras[0][1])] + paras[1:]


class OverBudget(Exception):
    """An article took the engine longer than its time budget (``article_seconds``)."""


def _deadline(seconds: float | None, spent: float = 0.0) -> float:
    return float("inf") if not seconds or seconds <= 0 else _clock() + seconds - spent


def _check(deadline: float, seconds: float | None) -> None:
    if _clock() > deadline:
        raise OverBudget(f"skipped: the quote engine took longer than its budget of {seconds:g} seconds for this "
                         f"article (article_seconds); no statements were kept from it")


# Marks that close a quotation at the very end of a text.
CLOSING_DOUBLE = ("”", '"', "»")


def _statement_in_marks(q: Quotation, text: str) -> bool:
    """True for a quotation that is the whole text: a statement the publisher printed in quotation
    marks from its first character to its last, with nobody named after it ("“Today, President X
    and President Y had a phone conversation. President Y thanked ... The Presidents agreed ...”",
    its headline "Statement from ..."). It is the text itself, read as prose, so the readout it
    holds gives its statements; one signed below ("“...” – National Security Advisor Jane Doe") is
    a quotation of the signer's."""
    body = text.strip()
    return len(body) > 1 and q.start == text.index(body) + 1 and body[0] in {"“", '"', "«"} \
        and body.endswith(CLOSING_DOUBLE) and (not q.closed or q.end == len(text.rstrip()) - 1)


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
    paras = headline_apart(paras, text, title)
    try:
        quotations = [q for q in find_quotations(text) if not _statement_in_marks(q, text)]
        _check(deadline, seconds)
        turns = [t for t in find_turns(text, labels) if not _headline_turn(t, text, paras)]
        _check(deadline, seconds)
        spoken = Spans(tuple(p) for t in turns for p in t.pieces)
        not_prose = Spans(not_prose_spans(quotations, turns))
        starts = sorted(q.start for q in quotations if not spoken.covering(q.start, q.end))
        parse, ents_only = [], []
        for k, (s, e) in enumerate(paras):
            _check(deadline, seconds)
            # a paragraph right before one that opens with a quotation may introduce it ("The
            # following is a statement from X."), so it is parsed too
            opens_next = k + 1 < len(paras) and bisect_left(starts, paras[k + 1][0]) < bisect_left(starts, paras[k + 1][0] + 3)
            if not fast or bisect_left(starts, s) < bisect_left(starts, e) or opens_next or \
                    any(cues.search(text[a:b]) for a, b in _outside(s, e, spoken.overlapping(s, e))):
                parse.append(k)
            elif any(ch.isalpha() for a, b in _outside(s, e, not_prose.overlapping(s, e)) for ch in text[a:b]):
                ents_only.append(k)
    except OverBudget as exc:
        return Plan(article_id, text, paras, [], [], [], [], title, notes=notes, skipped=str(exc))
    return Plan(article_id, text, paras, quotations, turns, parse, ents_only, title, notes=notes,
                seconds=_clock() - started)


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
    # word by word, stopping at the first that rules a title out: most paragraphs are long prose
    words = 0
    for m in TITLE_WORD.finditer(text):
        word, words = m.group(), words + 1
        if words > most or (not word[0].isupper() and word.lower() not in HEADLINE_SMALL):
            return False
    return words >= least


TITLE_WORD = re.compile(r"[^\W\d_][\w’'\-]*")
