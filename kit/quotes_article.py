"""Stage 2, one article: the statement rows of a planned and parsed article, paragraph by paragraph.

``statements_for_article(plan, docs, lex)`` turns the cues (``kit.quotes_cues``) and quotations
(``kit.quotes_attach``) of each parsed paragraph into statements (``statements_in_paragraph``),
resolves their speakers (``kit.coref``) and gives a quotation without a cue the speaker of its
neighbour (``_inherit``); ``_row`` is one row of the ``statements`` table (see ``kit.quotes``).
The Russian engine (``kit.quotes_ru``) reads its paragraphs with the same functions and its own
``Grammar``. ``kit.quotes`` streams the articles through the parser and calls this.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Callable

from .coref import Resolver, office_holders, persons_inside
from .coref_document import DOCUMENT_WORDS
from .cues import Lexicon
from .quotes_attach import (Statement, _attach, _dash_signature, _is_partial, _quote_token_ids, _reported_within,
                            _statements_of_others, _too_short, _unsaid, _whole_sentence, sentence_subject)
from .quotes_clause import opened_by_that
from .quotes_cues import Cue, _english_venue, _introducing_cue, cues_in
from .quotes_not_said import holds_views, is_text
from .quotes_marks import Turn
from .quotes_plan import Plan, _check, _deadline, _title_case, not_prose_line, not_prose_spans
from .quotes_readouts import implicit_speakers, person_told
from .quotes_subject import SUBJECT_DEPS, TRIM_LEFT, _antecedent, _content_pieces, _mention
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
    blocked = set()
    blocked_spans = blocked_spans if isinstance(blocked_spans, Spans) else Spans(blocked_spans)
    for s, e in blocked_spans.overlapping(off, end):
        span = doc.char_span(max(s, off) - off, min(e, end) - off, alignment_mode="expand")
        if span is not None:
            blocked |= set(range(span.start, span.end))
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
            st.mention = _dash_signature(plan.text, q.end, _signed_to(plan, k, q.end, end))
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
            region = (cue.content if how == "content" else cue.subtree) - others
            region = region - _aside_after_quotations(doc, region, quoted)
            content = _content_pieces(doc, region, off, grammar.trim_left)
            if content and content[0][0] <= q.start <= content[-1][1] \
                    and any(ch.isalnum() for ch in plan.text[content[-1][1]:q.end]):
                # 'said that “ethanol people” “do a fantastic job. And it’s so important.”': the
                # quotation runs on past the clause the parse gives, and the statement with it
                content[-1][1] = q.end
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


def _signed_to(plan: Plan, k: int, quote_end: int, para_end: int) -> int:
    """Where a dash and a signer's name after a quotation may end: its paragraph's end, or, when
    the quotation closes its paragraph, the end of the next one ('“...”' / '– National Security
    Advisor Jane Doe': a statement signed on the line below)."""
    if k + 1 < len(plan.paras) and not plan.text[quote_end:plan.paras[k + 1][0]].strip(" \t\n”\"»’'"):
        return plan.paras[k + 1][1]
    return para_end


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
            if grammar is ENGLISH and not (holds_views(named, lex) or is_text(named, lex)):
                row["_thing"] = True  # "the speech awakened the “spirit of ambition”": no speaker to pass on
        else:
            row["confidence"] = round(row["confidence"] * 0.6, 2)
            row["_told"] = person_told(cue.tokens[0])
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


# Fewer words than this, and no question, from an unnamed label is a shout, not a statement.
SHOUT_WORDS = 5


def _shout_from_the_floor(text: str, turn: Turn, lex: Lexicon) -> bool:
    """ "AUDIENCE: USA! USA! USA!", "AUDIENCE: Booo —": a chant or a cry under a label that names
    nobody (``anonymous_labels``), which ends the speaker's turn before it but says nothing; a
    question from the floor, or a remark of some length, stays a statement."""
    if (turn.name or turn.label).strip().lower() not in lex.anonymous_labels:
        return False
    words = " ".join(text[s:e] for s, e in turn.pieces)
    return "?" not in words and len(words.split()) < SHOUT_WORDS


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


def _has_words(text: str, pieces: list) -> bool:
    """True when the pieces hold a letter."""
    return any(ch.isalpha() for s, e in pieces for ch in text[s:e])


def _inherit(rows: list[dict]) -> None:
    """A quote with no cue takes the speaker of the statement before it (same or previous
    paragraph), else of the next one in its paragraph, when that speaker is someone or a text
    (not a thing, as in "the speech awakened the “spirit of ambition”"); a statement with no
    venue takes the venue of the one before it when the same speaker is quoted on in the same or
    next paragraph (indirect speech often reports an earlier occasion, so it inherits no venue)."""
    with_speaker: dict[int, list[int]] = {}  # paragraph -> rows with a speaker, for the one after
    for i, r in enumerate(rows):
        if r["speaker"] and not r.get("_thing"):
            with_speaker.setdefault(r["_para"], []).append(i)
    prev = None  # the last row so far with a speaker who can speak, not a turn
    for i, r in enumerate(rows):
        thing = r.pop("_thing", False)
        if not (r["cue"] or r["kind"] == "turn" or r["speaker"]):
            later = with_speaker.get(r["_para"], [])
            j = bisect_right(later, i)
            nxt = rows[later[j]] if j < len(later) else None
            src = prev if prev is not None and r["_para"] - prev["_para"] <= 2 else nxt
            if src is not None:
                r["speaker"] = src["speaker"]
                if r["speaker_start"] < 0:
                    r["_named_by"] = src.get("_named_by") if src["speaker_start"] < 0 else (
                        src["speaker_mention"], src["speaker_start"], src["speaker_end"])
                r["confidence"] = round(min(r["confidence"], 0.5), 2)
        if r["speaker"] and r["kind"] != "turn" and not thing:
            prev = r
    for i, r in enumerate(rows[1:], start=1):
        prev = rows[i - 1]
        if not r["venue"] and prev["venue"] and r["speaker"] and r["speaker"] == prev["speaker"] \
                and r["_para"] - prev["_para"] <= 1 and r["kind"] in {"direct", "partial"}:
            r["venue"] = prev["venue"]


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
        cue = _introducing_cue(doc, lex)
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


def finished_rows(rows: list[dict], article_id: str, drop_unattributed_partials: bool = True) -> list[dict]:
    """The article's rows, each with its ``quote_id`` and each once, without a closed quotation
    nobody in the article can be said to have said: a scare quote, a name ("an honor called
    “Patriot of the Year”"). An unclosed one is kept, for its words may be all the text has
    ("“We will never give up, said ..."); so is an unattributed partial quotation when
    ``drop_unattributed_partials`` is False. A quotation that took its speaker from a neighbour
    (``_inherit``) gets that neighbour's speaker mention, so a reader sees who named the speaker."""
    seen = set()
    out = []
    for r in rows:
        if not r["speaker"] and not r["cue"] and (
                drop_unattributed_partials and r["kind"] == "partial"
                or r["kind"] == "direct" and r["confidence"] > 0.35):
            continue
        named_by = r.pop("_named_by", None)
        if named_by is not None and r["speaker_start"] < 0:
            # '“A,” he said. / “B.”': B took its speaker from A, and A's mention names it
            r["speaker_mention"], r["speaker_start"], r["speaker_end"] = named_by
        r["quote_id"] = f"{article_id}:{r['quote_start']}-{r['quote_end']}"
        if r["quote_id"] in seen:
            continue
        seen.add(r["quote_id"])
        r.pop("_para")
        r.pop("_told", None)
        out.append(r)
    return out
