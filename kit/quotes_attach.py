"""Stage 2: how a quotation attaches to a cue in its paragraph (``_attach``), whether it is the
whole of what the cue reports or part of it (``_is_partial``), and which cues' clauses are no
statement of their own (``_unsaid``, ``_reported_within``, ``_too_short``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .quotes_cues import FINITE_TAGS, Cue
from .quotes_not_said import SPEAKER_ENTS
from .quotes_marks import Quotation
from .quotes_subject import RELATIVE, SUBJECT_DEPS
from .quotes_turns import Turn

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


QUOTE_MARKS = {'"', "“", "”", "‘", "’", "'", "«", "»", "„", "``", "''"}
NOT_SPEAKERS = {"it", "this", "that", "there", "these", "those", "which", "what", "who"}


def sentence_subject(doc, q_ids: set, quoted: set):
    """The speaker of a quotation with no cue, woven into a sentence whose subject says or does
    something with it: "Hillary shot back, “I suppose ...”", "Trump groused to a crowd that CNN
    “doesn't treat me properly”", "the Board was conclusive in its findings: “...”". It is the
    subject of the sentence's main verb, outside every quotation and before this one: a person,
    a group or a pronoun that stands for one, else None."""
    root = doc[min(q_ids)].sent.root
    if root.i in quoted:  # "Quill shot back, “I could have ...”": the parser may hang the frame on the quotation
        root = next((c for c in root.children if c.dep_ in {"ccomp", "parataxis"} and c.i not in quoted
                     and c.i < min(q_ids)), None)
        if root is None:
            return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.i in quoted or subject.i > min(q_ids) or subject.lower_ in NOT_SPEAKERS:
        return None
    if subject.pos_ == "PRON" or subject.pos_ == "PROPN" or subject.ent_type_ in SPEAKER_ENTS:
        return subject
    # "The piece used one of her quotes as its headline: “...”": a colon hands the words to the subject
    before = next((t for t in reversed(doc[root.sent.start:min(q_ids)]) if t.text not in QUOTE_MARKS), None)
    return subject if subject.pos_ == "NOUN" and before is not None and before.text == ":" else None


def token_ids_in(doc, char_spans, off: int, end: int) -> set:
    """The tokens of a paragraph's ``doc`` (the text's characters ``off`` to ``end``) that the
    text's character spans ``char_spans`` cover, a token cut by a span's edge included."""
    ids = set()
    for s, e in char_spans:
        if s >= end or e <= off:
            continue
        span = doc.char_span(max(s, off) - off, min(e, end) - off, alignment_mode="expand")
        if span is not None:
            ids |= set(range(span.start, span.end))
    return ids


def _quote_token_ids(doc, q: Quotation, off: int, end: int) -> set:
    return token_ids_in(doc, q.pieces, off, end)  # the marks themselves belong to the quotation too


def _attach(q_ids: set, cues: list[Cue], doc, quoted: set = frozenset()) -> tuple[Cue | None, str]:
    """The cue a quotation belongs to, and how ('content', 'adjacent', 'subtree' or 'near');
    ``quoted`` holds the tokens of every quotation in the paragraph."""
    if not q_ids:
        return None, ""
    chant = [c for c in cues if _chanted(c, q_ids, doc, quoted)]
    if chant:
        # 'recall the Berliners who gathered at the wall, chanting “Tor auf!” — “Open the gate!”':
        # the parser hangs the cry on the sentence's verb, yet it is the chant's
        return chant[0], "adjacent"
    best = [c for c in cues if c.content & q_ids]
    if best:
        # the smallest clause that holds the quotation, unless only a cue beside a quotation
        # reports it ("Cruz said he is certain Rubio will [continue] to be “a champion ...”"), or
        # a thought reported inside a statement ("He says he [believes] his campaign has “the
        # wind at our backs”": what he says is the statement)
        inner = min(best, key=lambda c: (c.quote_only, c.belief, len(c.content)))
        return _outer_statement(inner, best, doc, quoted) or inner, "content"
    best = [c for c in cues if not c.belief and _ends_at_colon(c, q_ids, doc)]
    if best:
        return best[-1], "colon"
    cues = [c for c in cues if not _describes_a_speaker(c, cues)]
    # '“If you look back,” Scott said, “I could have ...”': the parser hangs the first piece on
    # the cue as an adverbial clause, yet only the speaker and commas stand between them
    best = [c for c in cues if not c.belief and _split_piece(c, q_ids, doc, quoted)]
    if best:
        return min(best, key=lambda c: min(abs(c.tokens[0].i - min(q_ids)), abs(c.tokens[0].i - max(q_ids)))), "adjacent"
    # 'Asked if ..., Tom Dale replied, “Well, maybe so.”': a quotation a comma or a colon hands to
    # the cue before it, whatever the parser made the cue's clause
    best = [c for c in cues if not c.belief and _handed_over(c, q_ids, doc)]
    if best:
        return max(best, key=lambda c: c.tokens[-1].i), "adjacent"
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


def _outer_statement(inner: Cue, cues: list[Cue], doc, quoted: set) -> Cue | None:
    """The outermost cue whose reported clause holds ``inner``, when the quotation is woven into
    the clause ``inner`` reports ('She said she recalls the colleague being “confused”', 'Trump
    and Ryan issued a statement describing their meeting as a “very positive step”'): the speaker
    states the whole of it, and PolNeAR marks the outer statement as the mixed attribution (train:
    direct + mixed 89.2 -> 89.4, end-to-end 83.2 -> 84.0). None when the quotation is the whole of
    what ``inner`` reports ('issued a statement saying, “...”'), which stays that cue's."""
    woven = [i for i in inner.content - quoted if doc[i].is_alpha and doc[i].lower_ not in {"that", "to"}]
    if len(woven) < 2:
        return None
    outer = [c for c in cues if c is not inner and not c.quote_only and inner.tokens[0].i in c.content]
    return max(outer, key=lambda c: len(c.content)) if outer else None


def _ends_at_colon(cue: Cue, q_ids: set, doc) -> bool:
    """True for a quotation right after a colon that closes the clause a cue reports ('said she
    has the quality the job needs: “Steadiness ...”'): the parser leaves the quotation out of the
    clause, yet it ends what the speaker said, a partial quotation with the clause."""
    if not cue.content or cue.quote_only or cue.tokens[-1].i > min(cue.content):
        return False
    at = min(q_ids) - 1
    while at >= 0 and doc[at].is_quote:
        at -= 1
    last = max(cue.content)
    return at > last and doc[at].text == ":" and doc[at].sent.start == cue.tokens[0].sent.start \
        and all(doc[i].is_punct or doc[i].is_space for i in range(last + 1, at))


def _describes_a_speaker(cue: Cue, cues: list[Cue]) -> bool:
    """True for a verb in a relative clause about another cue's speaker ('“A,” scoffed Jane Roe,
    who helped found the group. “B.”'): it tells who the speaker is and reports nothing, so a
    quotation near it is not its own."""
    verb = cue.tokens[0]
    return verb.dep_ == "relcl" and any(other is not cue and other.source is not None and other.source.i == verb.head.i
                                        for other in cues)


def _chanted(cue: Cue, q_ids: set, doc, quoted: set) -> bool:
    """True for a participle that is a cue only beside a quotation ("chanting", "crying") with
    the quotation opening right after it, or after a quotation it governs and a dash ('chanting
    “Tor auf!” — “Open the gate!”')."""
    verb = cue.tokens[-1]
    if not cue.quote_only or verb.tag_ != "VBG" or not any(t.i in quoted for t in verb.children):
        return False
    at = verb.i + 1
    while at < len(doc) and (doc[at].is_quote or (at in quoted and at not in q_ids)
                             or (doc[at].is_punct and at > verb.i + 1)):
        at += 1
    return at == min(q_ids)


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
    if hi < first and _introduced_after(cue, first, doc) and _holds_a_clause(q_ids, doc):
        # 'telling reporters, “...”', 'said of the episode, “...”': what the verb governs may stand
        # between it and the quotation it introduces
        near |= {t.i for t in cue.tokens[0].subtree} - cue.content
    return all(doc[i].is_punct or doc[i].is_space or doc[i].i in near for i in between)


def _handed_over(cue: Cue, q_ids: set, doc) -> bool:
    """True for a sentence in quotation marks that a comma or a colon hands to the cue before it,
    with nothing between them but what the verb governs ('telling reporters, “...”')."""
    first = min(q_ids)
    return cue.tokens[-1].i < first and _introduced_after(cue, first, doc) and _holds_a_clause(q_ids, doc) \
        and _adjacent(cue, q_ids, doc)


def _holds_a_clause(q_ids: set, doc) -> bool:
    """True for a quotation with a finite verb and its subject, or that opens with a verb (an
    order: "Vote for me."): a sentence, not a name, a description or the rest of a clause begun
    outside it ("in his book, “An American Son.”", "called the chief executive, Jane Roe,
    “incredibly driven”", "The club's investment, Ms. Doe said, “is a perfect example”")."""
    words = [doc[i] for i in sorted(q_ids) if doc[i].is_alpha]
    return bool(words) and (words[0].tag_ == "VB" or any(
        t.tag_ in FINITE_TAGS and any(c.dep_ in {"nsubj", "nsubjpass", "expl"} and c.i in q_ids
                                                    for c in (t.head if t.dep_ == "aux" else t).children)
        for t in words))


def _introduced_after(cue: Cue, first: int, doc) -> bool:
    """True when a comma or a colon right before the quotation's first token (its marks aside)
    hands the quotation to a cue before it."""
    at = first - 1
    while at > cue.tokens[-1].i and doc[at].is_quote:
        at -= 1
    return at > cue.tokens[-1].i and doc[at].text in {",", ":"}


OPENERS = {":", "—", "–", "-", "--", "("}
PIECE_ENDS = {",", "?", "!", "—", "–", "-", "--", "...", "…"}


def _opens_before_its_cue(cue: Cue, q_ids: set, doc) -> bool:
    """True for a quotation that opens its sentence, or follows a colon, a dash or a bracket, ends
    with a comma, a question or an exclamation mark and is followed by its cue ('“We're going to
    tax you,” Roe said in May of the firm, whose ...', 'the code it embodied: “Manners were
    assumed,” he said', '- “He would have loved it,” Doe said twice -'): it is the whole of what
    was said. What the verb governs after it (the topic, the audience, a clause about the
    speaker) and the writer's words before a colon are no part of the quotation."""
    first, last = min(q_ids), max(q_ids)
    if last >= cue.tokens[0].i or not _adjacent(cue, q_ids, doc):
        return False
    at = first - 1
    while at >= 0 and (doc[at].is_quote or doc[at].text in QUOTE_MARKS):
        at -= 1
    if at >= 0 and doc[at].text not in OPENERS | {".", "!", "?"}:
        return False
    ends = [doc[i].text for i in range(last, min(last + 3, len(doc))) if doc[i].is_punct and not doc[i].is_quote]
    return bool(ends) and ends[0] in PIECE_ENDS


def _whole_sentence(q_ids: set, doc) -> bool:
    """True when the quotation holds most words of the sentence(s) it sits in."""
    sent_ids = {t.i for i in (min(q_ids), max(q_ids)) for t in doc[i].sent}
    words = [i for i in sent_ids if doc[i].is_alpha]
    return len([i for i in words if i in q_ids]) >= 0.8 * len(words)


def _statements_of_others(cue: Cue, cues: list[Cue], q_ids: set) -> set:
    """The tokens of ``cue``'s clause that are other cues' statements, which a quotation does not
    share: in "He said he had not seen the fight, and when asked ..., he said, “I hope not.”" the
    parser makes the first statement part of what the second "said" reports, yet the quotation is
    the second one's whole."""
    at = cue.tokens[0].i
    if not q_ids or min(q_ids) < cue.tokens[-1].i:
        return set()
    region = cue.content | cue.subtree
    out = set()
    for other in cues:  # a statement with a subject of its own, before the cue that introduces the quotation
        if other is not cue and other.tokens[0].i in region and other.tokens[0].i < at and other.source is not None \
                and not other.content & q_ids:
            out |= other.content | {t.i for t in other.tokens} | {t.i for t in other.source.subtree}
    return out


def _is_partial(cue: Cue, how: str, q_ids: set, doc, glue: frozenset = frozenset({"that", "to"}),
                quoted: set = frozenset(), others: set = frozenset()) -> bool:
    """True for a quotation that is only part of what its cue reports: "Clinton, though, would
    have to “go more to center,” Cuban said" (the reported clause holds words outside every
    quotation, even when the quotation stands next to the cue), "described it as “good”"; the
    tokens ``others`` (other cues' statements inside the clause) do not count."""
    region = (cue.content if how in {"content", "colon"} else cue.subtree) - others
    words = lambda ids: [doc[i] for i in ids if doc[i].is_alpha and doc[i].lower_ not in glue]
    outside = words(region - q_ids)
    first = min(q_ids)
    # 'X will use it, Kall said: “I feel ...”' is Kall's quotation whole, and so is a sentence a comma
    # hands over, whatever the parser hung around it ('On TV Tuesday, she said, “I never said ...”')
    after_colon = first > cue.tokens[-1].i and any(doc[i].text == ":" for i in range(max(first - 2, 0), first)) \
        and not _clause_before_colon(cue, first, doc, glue, quoted)
    whole = after_colon or (_handed_over(cue, q_ids, doc) and not cue.aside) or _opens_before_its_cue(cue, q_ids, doc)
    if how in {"content", "colon"} and len(words(region - q_ids - quoted)) >= 2 and not whole:
        return True
    if how in {"content", "subtree"} and not whole and _opened_by_glue(q_ids, region, doc, glue):
        return True
    if how in {"content", "subtree"} and not whole and _fragment_beside_object(q_ids, region - q_ids - quoted, doc, glue):
        return True
    if _adjacent(cue, q_ids, doc):
        return False
    if how == "near":
        return not _whole_sentence(q_ids, doc)
    return len(outside) >= 2 or (how == "subtree" and len(outside) >= 1)


def _clause_before_colon(cue: Cue, first: int, doc, glue: frozenset, quoted: set) -> bool:
    """True when words of the reported clause stand between the cue and the colon before a
    quotation ('said she has the quality the job needs: “Steadiness ...”'): the quotation ends
    the speaker's clause, a partial quotation (PolNeAR's mixed attribution), not the whole of what
    was said, as it is after 'said:' or 'told reporters:'."""
    between = range(cue.tokens[-1].i + 1, first)
    return len([i for i in between if i in cue.content and i not in quoted and doc[i].is_alpha
                and doc[i].lower_ not in glue]) >= 2


def _opened_by_glue(q_ids: set, region: set, doc, glue: frozenset) -> bool:
    """True for a quotation right after the word that opens the reported clause ('said that “we
    tell the truth”', 'promised to “build it”'): the clause is the writer's, with the speaker's
    words inside it, a partial quotation (PolNeAR's mixed attribution, 136 of 138 times on its
    train split), not a direct one."""
    at = min(q_ids) - 1
    while at >= 0 and doc[at].is_quote:
        at -= 1
    return at in region and doc[at].lower_ in glue


def _fragment_beside_object(q_ids: set, outside: set, doc, glue: frozenset) -> bool:
    """True for quoted words that are no sentence, begin in lower case and go with a word of the
    reported clause that is not their subject: "calling them “very boring tax returns”", "called
    himself “very pro-choice”". The quotation is the speaker's description of that word, a partial
    quotation (PolNeAR's mixed attribution), not the whole of what was said, and so is the name a
    relative clause gives ("what she calls “real solutions”": PolNeAR's train split marks 11 of 14
    such quotations mixed); 'said he “maintains that ...”' keeps its subject with it and stays
    whole."""
    words = [doc[i] for i in sorted(q_ids) if doc[i].is_alpha]
    if not words or not words[0].text[0].islower() or _holds_a_clause(q_ids, doc):
        return False
    others = [doc[i] for i in outside if doc[i].is_alpha and doc[i].lower_ not in glue]
    return bool(others) and not any(t.dep_ in SUBJECT_DEPS and t.head.i in q_ids for t in others)


def _too_short(cue: Cue, doc, objects: frozenset = frozenset()) -> bool:
    """True for content of fewer than two words, except a name as the object of a verb that
    takes one (``objects``: "endorsed [Trump]", "opposes [Obamacare]")."""
    words = [doc[i] for i in cue.content if doc[i].is_alpha]
    if len(words) >= 2 or cue.answer:  # "the candidate said [no]"
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
