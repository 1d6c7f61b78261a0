"""Stage 2, one article: the statement rows of a planned and parsed article.

``statements_for_article(plan, docs, lex)`` reads each parsed paragraph's statements
(``kit.quotes_paragraph``), then what only the article as a whole shows: a quotation that opens its
paragraph after one ending 'He said:' is that speaker's, a round-up's entry line ("Jane Doe: Why the
Harbour Bill Matters") names who wrote the quotation below it, a name standing alone before a
quotation in a list is its speaker, the text an order inserts or edits is nobody's statement, and a
headline "Graham: Trump's Rhetoric ..." is Graham's claim. Short quotations nobody is said to have
said are left out. The rows (``kit.quotes_rows``) get their speakers resolved and carried to
quotations without a cue. ``kit.quotes`` streams the articles through the parser and calls this.
"""
from __future__ import annotations

import re

from .coref import Resolver, office_holders, persons_inside
from .coref_document import DOCUMENT_WORDS
from .cues import Lexicon
from .quotes_attach import Statement
from .quotes_cues import Cue
from .quotes_introduced import introducing_cue
from .quotes_paragraph import _has_words, statements_in_paragraph
from .quotes_plan import Plan, _check, _deadline, not_prose_spans
from .quotes_implicit import implicit_speakers
from .quotes_rows import _inherit, _row, _shout_from_the_floor, _turn_row, finished_rows


# A quotation with no cue shorter than this many words is a statement only when it stands as a
# sentence of its own beside a named speaker ('“We will win.” ― Maria Lopez').
SHORT_QUOTE_WORDS = 8


def _short_and_unsaid(st: Statement, text: str) -> bool:
    """True for a short quotation nobody is said to have said: no cue, under ``SHORT_QUOTE_WORDS``
    words, and either woven into the writer's sentence ('a tribute to “the consummate political
    skills of her husband”', 'the so-called “Cadillac tax”') or with no speaker named beside it
    (a slogan, a title, a scare quote). On PolNeAR's train split three in four such rows matched
    no attribution, and the speaker they took from the statement before was almost never right."""
    if st.cue is not None or st.kind not in {"direct", "partial"}:
        return False
    words = sum(len(text[s:e].split()) for s, e in st.pieces)
    return words < SHORT_QUOTE_WORDS and (st.kind == "partial" or st.mention is None)


def _introduced_quotation(statements: list[Statement], para_start: int, cue: Cue, cue_off: int, text: str) -> None:
    """A quotation that opens its paragraph with no cue of its own takes the cue of the paragraph
    before, when that one ends with a colon ('He said:' / '“...”'): it is that speaker's."""
    for st in statements:
        opens = not text[para_start:st.pieces[0][0]].strip(" \t\"'“‘«„`")
        if st.kind == "direct" and st.cue is None and st.mention is None and opens:
            st.cue, st.off, st.confidence = cue, cue_off, 0.8 * (1.0 if st.closed else 0.8)
            return


# A round-up's entry line: who is quoted, a colon, then the headline of what they wrote ("Rep.
# Jane Doe: The Harbour Bill Delivers for Our Town", "Secretary of the Treasury John Roe: ...").
ROUND_UP_ENTRY = re.compile(r"[ \t*_]*(?P<label>[A-Z][\w.&’'\-]*(?: (?:[A-Z0-9][\w.&’'\-]*|of|the|and|for|\([^()\n]{1,40}\)))"
                            r"{0,7}): +[^\n“”\"]{10,}")


def _round_up_label(plan: Plan, k: int, lex: Lexicon) -> tuple[int, int] | None:
    """Where the label of a round-up's entry line stands, when paragraph ``k`` is one ("Jane Doe:
    Why the Harbour Bill Matters", with the quotation of what they wrote in the paragraph
    below); None for any other paragraph, and for a document's heading ("Fact Sheet: ...")."""
    if k < 0:
        return None
    s, e = plan.paras[k]
    m = ROUND_UP_ENTRY.fullmatch(plan.text, s, e)
    if m is None or m.group("label").lower() in lex.not_labels or DOCUMENT_WORDS.search(m.group("label")):
        return None
    return m.start("label"), m.end("label")


# "striking subsection 2(c) and inserting, in lieu thereof, the following:", "is amended to read
# as follows:": an order quoting the text it puts into another, which nobody says.
INSERTED_TEXT = re.compile(r"\b(?:insert(?:ing|ed|s)?|add(?:ing|ed|s)?|amended to read)\b[^:\n]{0,60}"
                           r"\b(?:the following|as follows):\s*$")


# "by deleting “and” before “(k)”; replacing “11:59 p.m. ...” after (k) with “12:01 a.m. ...”": the
# words an order edits in another, which nobody says.
EDITED_WORDS = re.compile(r"\b(?:deleting|replacing|striking|inserting|substituting|redesignating)\b[^;!?\n]{0,100}$")


def _edited_words(st: Statement, para_start: int, text: str) -> bool:
    """A quotation with no cue or speaker of its own right after an order's editing verb."""
    at = st.pieces[0][0]
    return st.cue is None and st.mention is None and st.kind in {"direct", "partial"} and \
        EDITED_WORDS.search(text, max(para_start, at - 120), at) is not None


def _opens_paragraph(st: Statement, para_start: int, text: str) -> bool:
    """A quotation with no cue or speaker of its own that opens its paragraph."""
    return st.kind == "direct" and st.cue is None and st.mention is None and \
        not text[para_start:st.pieces[0][0]].strip(" \t\"'“‘«„`*_")


# What opens a list item or a sentence: a bullet, or the end of the sentence before.
ITEM_START = re.compile(r"(?:^|(?<=[.!?”\"])\s+|\s[-–•]\s+|^[-–•*]\s+)")


# A name, with its office, standing alone before a quotation ("NBER economist Jane Doe “...”",
# "Harbour Council CEO Jane Doe: “...”").
NAMED_LABEL = re.compile(r"[-–•*\s]*(?P<label>[A-Z][^:“”\"\n]{1,80}?)\s*:?\s*[*_“\"‘]*$")


def _named_before_quotations(statements: list[Statement], text: str, para_start: int, doc,
                             resolver: Resolver) -> None:
    """A quotation with no cue that follows nothing in its list item or sentence but a name
    ("- NBER economist Jane Doe “estimates that ...”", "- Acme CEO John Roe: “Having ...”") is
    that person's or organisation's: the words before it hold no verb and end with a person or
    organisation the parser found."""
    ends = {para_start + e.end_char for e in doc.ents if e.label_ in {"PERSON", "ORG"}}
    for st in statements:
        if st.kind not in {"direct", "partial"} or st.cue is not None or st.mention is not None:
            continue
        at = st.pieces[0][0]
        starts = [m.end() for m in ITEM_START.finditer(text, para_start, at)]
        m = NAMED_LABEL.fullmatch(text, max(starts, default=para_start), at)
        if m is None:
            continue
        start, end = m.start("label"), m.start("label") + len(m.group("label").rstrip(" :*_"))
        words = [t for t in doc if start <= para_start + t.idx < end]
        named = end in ends or (resolver.person_in(start, end) is not None and resolver.person_in(start, end).end == end)
        if named and not any(t.pos_ in {"VERB", "AUX"} for t in words):
            st.mention, st.confidence = (start, end), 0.7


def _round_up_quotation(statements: list[Statement], para_start: int, label: tuple[int, int], plan: Plan) -> None:
    """The quotation that opens the paragraph below a round-up's entry line, with no cue of its
    own, is the entry's: "National Harbour Council: Ferries Win Big" / "*“The bill ...”*"; when
    the entry's label already opens a transcript turn, the quotation is that turn's words, and
    no statement of its own."""
    for st in statements:
        if _opens_paragraph(st, para_start, plan.text):
            if any(t.label_start < label[1] and label[0] < t.label_end for t in plan.turns):
                statements.remove(st)
            else:
                st.mention, st.confidence = label, 0.7
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
    persons, others, organisations, places = [], [], [], []
    for k, doc in docs.items():
        off = plan.paras[k][0]
        for e in doc.ents:
            span = (off + e.start_char, off + e.end_char)
            (persons if e.label_ == "PERSON" else others).append(span)
            if e.label_ in ("ORG", "GPE"):
                (organisations if e.label_ == "ORG" else places).append(span)
    persons += persons_inside(plan.text, persons, others)
    persons += office_holders(plan.text, lex.label_roles, persons)
    resolver = Resolver(plan.text, persons, not_prose_spans(plan.quotations, plan.turns), lex.female, lex.male,
                        title=plan.title, organisations=organisations, places=places)
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
        entry = _round_up_label(plan, k - 1, lex)
        if entry is not None:
            _round_up_quotation(statements, plan.paras[k][0], entry, plan)
        _named_before_quotations(statements, plan.text, plan.paras[k][0], doc, resolver)
        if k and not (intro is not None and intro[0] == k - 1) and INSERTED_TEXT.search(plan.text, *plan.paras[k - 1]):
            statements = [st for st in statements if not _opens_paragraph(st, plan.paras[k][0], plan.text)]
        for st in statements:
            if not (_short_and_unsaid(st, plan.text) or _edited_words(st, plan.paras[k][0], plan.text)):
                rows.append(_row(plan, st, resolver, doc, lex))
        cue = introducing_cue(doc, lex)
        intro = (k, cue) if cue is not None else None
    _check(deadline, seconds)
    # "Hillary Clinton: 1,769." in a table of results is a count, not a turn of speech; a chant from
    # the floor ends the turn before it but says nothing
    rows += [_turn_row(plan, t, resolver) for t in plan.turns
             if _has_words(plan.text, t.pieces) and not _shout_from_the_floor(plan.text, t, lex)]
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
    return finished_rows(rows, plan.article_id)
