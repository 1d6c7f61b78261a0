"""Stage 2, rows: a statement as a row of the ``statements`` table (see ``kit.quotes``), its speaker resolved.

``_row`` reads a statement's cue, speaker mention and venue into a row and resolves the mention to a
speaker (``kit.coref``); ``_turn_row`` does the same for a transcript turn ("MR. MUSK: …" gives the
full name the text gives him), leaving out a chant from the floor ("AUDIENCE: USA! USA!").
``_inherit`` gives a quotation without a cue the speaker of its neighbour, and the venue of the
statement before to more of the same speaker's words; ``finished_rows`` gives each row its
``quote_id``, keeps each once and leaves out quotations nobody can be said to have said. English
(``kit.quotes_article``) and Russian (``kit.quotes_ru``) articles both end here.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from .coref import Resolver
from .cues import Lexicon
from .quotes_attach import Statement
from .quotes_not_said import holds_views, is_text
from .quotes_paragraph import ENGLISH, Grammar
from .quotes_plan import Plan
from .quotes_readouts import person_told
from .quotes_subject import _antecedent
from .quotes_turns import Turn


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


def _turn_row(plan: Plan, turn: Turn, resolver: Resolver) -> dict:
    text = plan.text
    start, end = turn.pieces[0][0], turn.pieces[-1][1]
    label, name = turn.label, turn.name or turn.label
    if name == "Q":
        speaker = "a reporter"
    elif turn.nameless:
        speaker = ""  # "Remark:": a voice from the floor; the label stays the mention
    elif name == "A":
        speaker = interviewee(plan, resolver)
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


def interviewee(plan: Plan, resolver: Resolver) -> str:
    """Who answers under "A:" in an interview printed as questions and answers: of the people
    the text names before its first question (its headline and introduction say who was
    interviewed: "Harbour Weekly spoke with ferry captain Maria Lopez"), the one whose surname
    comes up most often there, the earliest named of those named as often; "" when nobody is
    named before it."""
    first_q = min((t.label_start for t in plan.turns if t.name == "Q"), default=len(plan.text))
    intro = plan.text[:first_q]
    fulls = list(dict.fromkeys(p.full for p in resolver.people if p.start < first_q and p.full.split()))
    times = {full: len(re.findall(rf"\b{re.escape(full.split()[-1])}\b", intro)) for full in fulls}
    return max(fulls, key=lambda full: times[full], default="")


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
