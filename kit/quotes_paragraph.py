"""Stage 2, one paragraph: the statements of a parsed paragraph, from its cues and quotations.

``statements_in_paragraph(plan, k, doc, lex)`` joins the cues the grammar finds in paragraph ``k``
(``kit.quotes_cues``, or ``kit.quotes_ru_cues`` through its ``Grammar``) with the quotations that
start there (``kit.quotes_attach``): a quotation its cue governs is direct or partial, a cue with no
quotation an indirect statement, and a quotation with no cue keeps its place for a speaker named
beside it or inherited later ('"A," he said. "B."' is one statement in two pieces). A partial
quotation's statement ends where the reported clause ends, before the writer's aside after it.
``Grammar`` is what reading a paragraph needs to know about its language; ``ENGLISH`` is English's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from .quotes_attach import (Statement, _attach, _dash_signature, _is_partial, _quote_token_ids, _reported_within,
                            _statements_of_others, _too_short, _unsaid, _whole_sentence, sentence_subject, token_ids_in)
from .quotes_clause import opened_by_that
from .quotes_cues import Cue, _english_venue, cues_in
from .quotes_plan import Plan, _title_case, not_prose_line
from .quotes_subject import SUBJECT_DEPS, TRIM_LEFT, _content_pieces, _mention
from .spans import Spans


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


MARKUP_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>\n]{0,500})?>")


def statements_in_paragraph(plan: Plan, k: int, doc, lex, blocked_spans, grammar: Grammar | None = None,
                            quotes_in_turns: bool = False) -> list[Statement]:
    """Statements whose quotation starts in, or whose cue sits in, paragraph k. Quotations
    inside transcript turns are left out unless ``quotes_in_turns``."""
    grammar = grammar or ENGLISH
    off, end = plan.paras[k]
    blocked_spans = blocked_spans if isinstance(blocked_spans, Spans) else Spans(blocked_spans)
    blocked = token_ids_in(doc, blocked_spans.overlapping(off, end), off, end)
    # '<tweet id="67213" author="@someone">': the attributes of markup left in a text are no
    # prose, and their quotation marks hold no quotation
    tags = [m.span() for m in MARKUP_TAG.finditer(plan.text, off, end)]
    in_tags = set()
    for s, e in tags:
        span = doc.char_span(s - off, e - off, alignment_mode="contract")
        if span is not None:
            in_tags |= set(range(span.start, span.end))
    spans = plan.spans()
    quotes = [plan.quotations[i] for i in spans.quotations_starting(off, end)]
    quotes = [q for q in quotes if not any(s <= q.start and q.end <= e for s, e in tags)]
    if not quotes_in_turns:
        quotes = [q for q in quotes if not spans.spoken.covering(q.start, q.end)]
    if grammar is ENGLISH and not_prose_line(plan.text[off:end], k == 0, lex.link_openers):
        return []
    cues = grammar.cues(doc, lex, blocked | in_tags)
    out: list[Statement] = []
    by_cue: dict[int, Statement] = {}
    q_tokens = [_quote_token_ids(doc, q, off, end) for q in quotes]
    quoted = set().union(*q_tokens)
    for cue in cues:
        if cue.source is not None and cue.source.i in quoted:
            cue.source = _speaker_outside_quotations(cue, quoted)
    for q, q_ids in zip(quotes, q_tokens):
        if _named_show(plan.text, q) or _bylined_title(plan.text, q):
            continue
        cue, how = _attach(q_ids, cues, doc, quoted)
        sent = (off + doc[min(q_ids)].sent.start_char, off + doc[max(q_ids)].sent.end_char) if q_ids else (off, end)
        words = len(plan.text[q.start:q.end].split())
        if cue is None:
            prev = out[-1] if out else None
            if prev is not None and prev.kind == "direct" and prev.cue is not None and prev.pieces[-1][1] < q.start \
                    and _only_attribution_between(prev, q.start, doc):
                prev.pieces = prev.pieces + q.pieces  # '"A," he said. "B."': B goes on A's statement
                prev.sentence = (prev.sentence[0], max(prev.sentence[1], sent[1]))
                continue
            if prev is not None and prev.kind == "partial" and prev.cue is not None and prev.content \
                    and prev.pieces[-1][1] < q.start < off + prev.cue.sent.end_char \
                    and _same_clause_runs_on(plan.text, prev.pieces[-1][1], q.start, prev.cue, cues, off):
                # 'said that her family "came out broke," and "struggled to pay the bills."': a
                # second quotation in the clause the cue reports is more of that partial statement
                prev.pieces = prev.pieces + q.pieces
                prev.content[-1][1] = max(prev.content[-1][1], q.end)
                continue
            if prev is not None and prev.kind == "partial" and prev.cue is not None and prev.content \
                    and prev.pieces[-1][1] < q.start and words >= 4 and _has_words(plan.text, [[prev.content[0][0], prev.pieces[0][0]]]) \
                    and _bare_attribution_between(prev, q.start, doc):
                # 'The benefit is “ten times the losses,” he said. “Free trade helps.”': the quotation
                # that follows goes on, by the same cue, and is more of the same statement (PolNeAR
                # annotates the two as one attribution three times in four); not after a quotation
                # that opens the clause, which may be a whole sentence the parse cut short
                prev.pieces = prev.pieces + q.pieces
                prev.content = prev.content + [list(p) for p in q.pieces]
                prev.sentence = (prev.sentence[0], max(prev.sentence[1], sent[1]))
                continue
            if prev is not None and prev.kind == "partial" and prev.cue is not None and prev.pieces[-1][1] < q.start \
                    and words >= 4:
                # 'It was "A," she said. Then she smiled. "B."': B is her quotation, by the same cue
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
            st.mention = _dash_signature(plan.text, q.end, _signed_to(plan, k, q.end, end)) \
                or _byline_before(plan.text, q.start, off)
            subject = sentence_subject(doc, q_ids, quoted) if st.mention is None and q_ids and grammar is ENGLISH else None
            if subject is not None:
                st.mention = grammar.mention(subject, off, quoted)[:2]
            out.append(st)
            continue
        key = id(cue)
        if key in by_cue and _title_in_attribution(plan.text, by_cue[key].pieces[-1][1], q):
            continue
        if key in by_cue:
            st = by_cue[key]  # '"A," he said, "B."': one statement in several pieces
            st.pieces = sorted(st.pieces + q.pieces)
            st.sentence = (min(st.sentence[0], sent[0]), max(st.sentence[1], sent[1]))
            continue
        others = _statements_of_others(cue, cues, q_ids)
        partial = _is_partial(cue, how, q_ids, doc, grammar.glue, quoted, others)
        if partial and how == "near" and words < 4:
            continue  # a short quote the cue does not govern: a scare quote or a title
        content = None
        if partial:
            region = (cue.content if how in {"content", "colon"} else cue.subtree) - others
            region = region - _aside_after_quotations(doc, region, quoted)
            content = _content_pieces(doc, region, off, grammar.trim_left)
            if content and how == "colon":
                content[-1][1] = q.end  # the clause goes on through the colon to the quotation's end
            if content and content[0][0] <= q.start <= content[-1][1] \
                    and any(ch.isalnum() for ch in plan.text[content[-1][1]:q.end]):
                # 'said that “ethanol people” “do a fantastic job. And it’s so important.”': the
                # quotation runs on past the clause the parse gives, and the statement with it
                content[-1][1] = q.end
        cue_sent = cue.tokens[0].sent
        sent = (min(sent[0], off + cue_sent.start_char), max(sent[1], off + cue_sent.end_char))
        conf = {"content": 0.9, "colon": 0.9, "adjacent": 0.9, "subtree": 0.8, "near": 0.75}[how] * (1.0 if q.closed else 0.8)
        st = Statement(q.pieces, "partial" if partial else "direct", cue, off, content, sent, conf, q.closed, para=k)
        by_cue[key] = st
        out.append(st)
    for cue in cues:
        objects = lex.objects if grammar is ENGLISH else frozenset()
        if id(cue) in by_cue or cue.quote_only or _too_short(cue, doc, objects):
            continue
        # a cue whose statement is a direct quotation reports that, not the clause it hangs on
        reporting = [c for c in cues if not (id(c) in by_cue and by_cue[id(c)].kind == "direct")]
        if _unsaid(cue, doc) or _reported_within(cue, reporting):
            continue
        content = cue.content
        if content & blocked:
            content = _before_quoted_statement(cue, [c for c in cues if id(c) in by_cue], blocked)
            if not content:
                continue
        pieces = _content_pieces(doc, content, off, grammar.trim_left)
        if not pieces:
            continue
        sent = (off + cue.sent.start_char, off + cue.sent.end_char)
        out.append(Statement(pieces, "indirect", cue, off, pieces, sent, 0.6 if cue.belief else 0.7, para=k))
    return out


def _before_quoted_statement(cue: Cue, quoted_cues: list[Cue], blocked: set) -> set:
    """What a cue reports before an aside of its own that carries a quotation, a participle after a
    comma: in "Carson said [he saw no need to change anything], telling Stephanopolous that “we
    tell the truth”" the clause up to "telling" is Carson's indirect statement and the quotation
    the participle's (not so for "said he would resign because critics called him “weak”": the
    quotation is inside what he said).
    Empty when no such statement cuts the clause short, or what is left holds a quotation too
    or not the clause's own verb."""
    verb = cue.tokens[0]
    for other in quoted_cues:
        at = other.tokens[0]
        if other is cue or at.i not in cue.content or at.i < min(cue.content) or at.tag_ != "VBG" \
                or verb.doc[at.left_edge.i - 1].text != ",":
            continue
        part = {i for i in cue.content if i < at.left_edge.i}
        if part and not part & blocked and any(
                verb.doc[i].head.i == verb.i and verb.doc[i].pos_ in {"VERB", "AUX"} for i in part):
            return part
    return set()


def _speaker_outside_quotations(cue: Cue, quoted: set):
    """The speaker of a cue whose parsed subject lies inside a quotation ("“That, unfortunately,”
    he said", "“A good speech, Mr. President,” Representative Jane Doe told him"): the verb's
    other subject outside every quotation, else a name in apposition to the quoted one; the
    words of a quotation are never who said it. None when there is neither."""
    verb, source = cue.tokens[0], cue.source
    others = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i not in quoted]
    others += [c for c in source.children if c.dep_ == "appos" and c.i not in quoted]
    return others[0] if others else None


# How a clause that hangs after a partial quotation begins when it is an aside of the writer's
# ("..., which raised concerns", "— a play on words", ", a swipe at ...") or another statement
# ("while Sanders suggests ...", "but did not suggest ..."), not more of what was reported.
ASIDE_DEPS = {"relcl", "appos", "npadvmod", "acl", "advcl", "conj", "parataxis"}
# of these, the ones that start an aside only after a comma or a dash, or (an adverbial clause) a
# subordinator, or (a clause coordinated with the reported one) "but"
ASIDE_AFTER_BREAK = {"relcl", "appos", "npadvmod", "acl", "advcl", "conj"}
BREAKS = {",", "—", "–", "--", "-", ";"}
# (not "because" or "since": the reason a speaker gives is part of the claim)
SUBORDINATORS = {"as", "while", "whereas", "before", "after", "although", "though", "when"}


def _aside_after_quotations(doc, region: set, quoted: set) -> set:
    """The tokens of ``region`` (a clause a partial quotation sits in) from the first aside that
    follows its last quotation on: 'he was being “sarcastic” in his comments, which raised
    concerns among intelligence experts', 'Clinton says X and “there’s nothing wrong with that” —
    asserting that ...', 'he’s “excited where we stand” as he faces a test'. PolNeAR's mixed
    attributions and a reader's eye end the statement where the reported clause ends."""
    inside = sorted(region & quoted)
    if not inside:
        return set()
    last = inside[-1]
    cut = None
    for i in sorted(region):
        t = doc[i]
        if t.left_edge.i <= last:
            continue  # not a piece that lies wholly after the quotation
        before = doc[t.left_edge.i - 1].text if t.left_edge.i > 0 else ""
        broken = before in BREAKS or (before in QUOTE_EDGE and t.left_edge.i > 1 and doc[t.left_edge.i - 2].text in BREAKS)
        opens = t.dep_ == "advcl" and doc[t.left_edge.i].lower_ in SUBORDINATORS or t.dep_ == "conj" and (
            t.pos_ in {"VERB", "AUX"} and doc[t.left_edge.i - 1].lower_ == "but")
        if t.dep_ == "conj" and t.pos_ not in {"VERB", "AUX"} or opened_by_that(t):
            continue  # "“a champion” and a friend", "that X “...” and that Y": more of the same report
        if t.dep_ in ASIDE_DEPS and (broken or opens or t.dep_ not in ASIDE_AFTER_BREAK):
            cut = t.left_edge.i if cut is None else min(cut, t.left_edge.i)
    return {i for i in region if cut is not None and i >= cut}


def _same_clause_runs_on(text: str, start: int, end: int, cue, cues: list, off: int) -> bool:
    """True when nothing between two quotations of one sentence [start, end) starts a statement of
    its own: no other cue (', noting the nominee “makes you retch”'), no verb coordinated with the
    cue ('called the merger “a terrible deal” and ranked Fiorina “the worst”') and no colon ('but
    he gave a compliment: “You ...”')."""
    verb = cue.tokens[0]
    return ":" not in text[start:end] and not any(start <= off + c.tokens[0].idx < end for c in cues) \
        and not any(c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} and start <= off + c.idx < end for c in verb.children)


SENTENCE_STOP = re.compile(r"[.!?:;,]$")
QUOTE_EDGE = " \t\n\"“”‘’'«»`"


def _title_in_attribution(text: str, after: int, q) -> bool:
    """True for a title in quotation marks inside the attribution that follows a quotation ('"A,"
    she said on Harbour Radio's "Morning Tide." "B."', "said Jane Doe, author of “Tides”"): a
    show's or a book's name, not a piece of what was said. A quotation that opens a sentence of
    its own ('"A," she said. "Yes."') is one."""
    gap = text[after:q.start].strip(QUOTE_EDGE)
    return q.start > after and bool(gap) and not SENTENCE_STOP.search(gap) \
        and _title_case(text[q.start:q.end], 1, 12)


# What stands right before a show's, a book's or a film's name: "on CNN’s “New Day,”", "Later on
# ''This Week,''", "analysis on ''Monday Night Baseball,''".
BEFORE_A_NAME = re.compile(r"(?:[’']s|\b[Oo]n|\b[Ii]n)\s*(?:“|\"|''|‘|«)$")


def _named_show(text: str, q) -> bool:
    """True for a short title in quotation marks right after a possessive or "on"/"in" ('Speaking
    Sunday on ABC’s “Harbour Week,” Carson admitted ...'): the name of a show, a book or a film,
    never a piece of what anyone said, though a cue may follow it as if it were ('“A,” she said')."""
    return len(q.pieces) == 1 and BEFORE_A_NAME.search(text, max(0, q.start - 8), q.start) is not None \
        and _title_case(text[q.start:q.end], 1, 5)


# A byline: "by DNAinfo's Eddie Small", "by T.R. Fehrenbach" (the author's name is its last words).
BYLINE = r"\bby\s+(?:[A-Z][\w.’'\-]*\s)*?(?:[A-Z][\w.’'\-]*[’']s\s+)?(?P<author>(?:[A-Z][\w.’'\-]*\s?){1,3})"
BYLINE_AFTER = re.compile(r"[\s,\"”’'»]*" + BYLINE)
BYLINE_BEFORE = re.compile(BYLINE + r"\s*:\s*[\"“'‘]*$")


def _bylined_title(text: str, q) -> bool:
    """True for a quotation followed by "by" and a name ('“Pop-up art show opens in the Bronx,” by
    DNAinfo's Jo Roe:', "''This Kind of War,'' by T.R. Fehrenbach"): the title of an article, a
    book or a film and its author, whatever case it is written in; nobody says it."""
    return len(q.pieces) == 1 and BYLINE_AFTER.match(text, q.end) is not None


def _byline_before(text: str, start: int, para_start: int) -> tuple | None:
    """'“Headline,” by DNAinfo's Jo Roe: “The excerpt ...”': the author a byline and a colon
    right before a quotation name, whose words the excerpt is; None when no byline stands there."""
    m = BYLINE_BEFORE.search(text, max(para_start, start - 120), start)
    return (m.start("author"), m.start("author") + len(m.group("author").rstrip())) if m else None


def _only_attribution_between(prev: Statement, start: int, doc) -> bool:
    """True when nothing but the sentence of ``prev``'s cue stands between ``prev``'s quotation
    and a quotation at ``start`` with no cue of its own ('"A," he said. "B."', '"A," she said,
    pointing to the map. It is "B."'), so B goes on A's statement; another sentence between
    them ('"A," Tom said, pointing to his ears. Betsy shook her head. "B."') leaves B a
    quotation of its own."""
    off, gap = prev.off, (prev.pieces[-1][1], start)
    span = doc.char_span(gap[0] - off, gap[1] - off, alignment_mode="contract")
    if span is None:
        return True
    cue_sent, own_sent = prev.cue.tokens[0].sent, span[-1].sent
    return all(t.is_space or t.is_quote or cue_sent.start <= t.i < cue_sent.end or own_sent.start <= t.i
               for t in span)


# how a verb hung on the cue starts a statement of its own: "she said, referencing ...", "and added"
OWN_STATEMENT_DEPS = {"advcl", "xcomp", "conj", "ccomp", "parataxis"}


def _bare_attribution_between(prev: Statement, start: int, doc) -> bool:
    """True when only the sentence of ``prev``'s cue, saying who spoke, where and when, stands
    between ``prev``'s quotation and a quotation at ``start`` that opens a sentence of its own
    ('... is “ten times the losses,” he said on Tuesday. “Free trade helps.”'). Not when the
    attribution goes on with a verb of its own ('she said, referencing the bank's drive'), or
    the quotation is woven into the writer's next sentence ('The choice was “...”')."""
    off, verb = prev.off, prev.cue.tokens[0]
    span = doc.char_span(prev.pieces[-1][1] - off, start - off, alignment_mode="contract")
    if span is None:
        return True
    sent = verb.sent
    return all(t.is_space or t.is_quote or (sent.start <= t.i < sent.end and not (
        t.head.i == verb.i and t.dep_ in OWN_STATEMENT_DEPS and t.pos_ in {"VERB", "AUX"})) for t in span)


def _has_words(text: str, pieces: list) -> bool:
    """True when the pieces hold a letter."""
    return any(ch.isalpha() for s, e in pieces for ch in text[s:e])


ENGLISH = Grammar(cues_in, _mention, _english_venue, frozenset({"that", "to"}), frozenset(TRIM_LEFT))


def _signed_to(plan: Plan, k: int, quote_end: int, para_end: int) -> int:
    """Where a dash and a signer's name after a quotation may end: its paragraph's end, or, when
    the quotation closes its paragraph, the end of the next one ('“...”' / '– National Security
    Advisor Jane Doe': a statement signed on the line below)."""
    if k + 1 < len(plan.paras) and not plan.text[quote_end:plan.paras[k + 1][0]].strip(" \t\n”\"»’'"):
        return plan.paras[k + 1][1]
    return para_end
