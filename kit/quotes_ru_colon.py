"""Stage 2, Russian: a cue whose paragraph ends with a colon, and what was said in the next paragraph.

News stories and interviews set the words on a paragraph of their own::

    Министр финансов области ответила на вопрос о долгах так:
    «Мы рассчитаемся со всеми подрядчиками до конца года».

The reporter gets one row: direct when the next paragraph is one quotation, indirect when it is
plain prose (``Глава управления заявил:`` then ``Эпидемия гриппа пошла на спад.``), with the cue
and speaker of the paragraph before. A new line of dialogue (``— …``) or a label is not taken.
"""
from __future__ import annotations

from .quotes_attach import Statement, token_ids_in
from .quotes_plan import Plan
from .quotes_ru_cues import RUSSIAN, RuCue
from .quotes_ru_subject import _feat
from .spans import Spans

# what opens a paragraph that is not the words announced: a line of dialogue, a list
NOT_CONTENT_OPENERS = ("—", "–", "-", "•")


def _points_past_paragraph(cue: RuCue) -> bool:
    """The cue's clause runs to a colon that ends its paragraph, with only the cue's own
    circumstances between them ('ответила на вопрос о долгах так:'), no second clause."""
    verb = cue.tokens[-1]
    doc = verb.doc
    words = [t for t in doc if not t.is_space]
    if not words or words[-1].text != ":" or verb.sent.end < len(doc) and any(not t.is_space for t in doc[verb.sent.end:]):
        return False
    between = doc[verb.i + 1:words[-1].i]
    return not any(t.text in {".", ";", "—", "–", "«", "»"} or t.pos_ in {"VERB", "AUX"} and _feat(t, "VerbForm") == "Fin"
                   for t in between)


def _next_paragraph(plan: Plan, k: int) -> tuple[int, int] | None:
    """The next paragraph's span without its surrounding spaces and closing full stop; None when
    there is none, or it opens a line of dialogue."""
    if k + 1 >= len(plan.paras):
        return None
    s, e = plan.paras[k + 1]
    text = plan.text
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] == "."):
        e -= 1
    if s >= e or text[s] in NOT_CONTENT_OPENERS:
        return None
    return s, e


def colon_statement(plan: Plan, k: int, doc, lex, blocked: Spans) -> Statement | None:
    """The statement of the last cue of paragraph ``k`` when a colon ending the paragraph hands
    what was said to the next one, else None."""
    if not plan.text[plan.paras[k][0]:plan.paras[k][1]].rstrip().endswith(":"):
        return None
    off, end = plan.paras[k]
    cues = RUSSIAN.cues(doc, lex, token_ids_in(doc, blocked.overlapping(off, end), off, end))
    cue = cues[-1] if cues else None
    if cue is None or cue.content or not _points_past_paragraph(cue):
        return None
    span = _next_paragraph(plan, k)
    if span is None or plan.spans().spoken.covering(*span):
        return None  # a transcript turn's words are its speaker's
    off = plan.paras[k][0]
    sent = (off + cue.sent.start_char, span[1])
    whole = next((q for q in plan.quotations if q.start <= span[0] + 1 and q.end >= span[1] - 2), None)
    if whole is not None:
        return Statement([list(p) for p in whole.pieces], "direct", cue, off, None, sent, 0.9, whole.closed, para=k)
    return Statement([list(span)], "indirect", cue, off, [list(span)], sent, 0.7, para=k)
