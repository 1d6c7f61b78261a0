"""Readout and joint-statement forms the parser misreads, for the quote engine's cue finders
(``kit.quotes_cues``): each gives the speaker, the cue words and what was said where the ordinary
verb rules find nothing.

* a resolve the speakers state of themselves: "we are [resolved] to continue imposing costs",
  "we remain [committed] to supporting X" (``pledge_adjectives`` in ``data/speech_verbs.yml``);
* a message made clear before a colon: "Our message to Moscow is clear: X";
* "X were brought to notice", read by the parser as a verb "to notice".
"""
from __future__ import annotations

from dataclasses import dataclass

from .cues import Lexicon


@dataclass
class MisreadForm:
    """What one such form says: who (None for a passive naming nobody), the cue words, the verb
    whose sentence it is, what was said (token indices) and the act before the content's."""
    source: object
    words: list
    verb: object
    content: set
    act: str = "says"


def misread_form(tok, lex: Lexicon) -> MisreadForm | None:
    """The form at token ``tok``, if one of this module's is there."""
    pledged = pledged_infinitive(tok, lex)
    if pledged is not None:
        source, holder, infinitive = pledged
        content = {t.i for t in infinitive.subtree} - ({infinitive.i} if infinitive.dep_ == "prep" else set())
        return MisreadForm(source, sorted({holder, tok}, key=lambda t: t.i), holder, content, "promises")
    made_clear = message_made_clear(tok, lex)
    if made_clear is not None:
        owner, verb, adjective, content = made_clear
        return MisreadForm(owner, sorted({tok, verb, adjective}, key=lambda t: t.i), verb, content)
    noticed = brought_to_notice(tok, lex)
    if noticed is not None:
        verb, content = noticed
        return MisreadForm(None, [verb, tok], verb, content)
    return None


def pledged_infinitive(tok, lex: Lexicon):
    """(subject, "be" or "remain", infinitive) of a resolve the speakers state of themselves: "we
    are [resolved] to continue imposing costs", "we are [prepared] to take further measures"
    (``pledge_adjectives``, read as an adjective or as a passive participle); None for any other
    token, and for a subject not in the first person ("the city is prepared to open")."""
    if tok.lower_ not in lex.pledge_adjectives:
        return None
    if tok.dep_ == "acomp" and tok.head.lemma_.lower() in {"be", "remain", "stand"}:
        holder = tok.head
    elif tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children):
        holder = tok
    else:
        return None
    subject = next((c for c in holder.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    infinitive = next((c for c in tok.children if c.dep_ == "xcomp" and c.tag_ == "VB"
                       and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    if infinitive is None and tok.tag_ == "JJ":
        # "We remain [committed] to supporting X", the participle read as an adjective (the verb
        # rules read "committed to" where it is tagged a verb): the preposition's object
        infinitive = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"
                           and any(g.dep_ in {"pcomp", "pobj"} for g in c.children)), None)
    if subject is None or subject.lower_ not in {"we", "i"} or infinitive is None:
        return None
    return subject, holder, infinitive


def message_made_clear(tok, lex: Lexicon):
    """(owner, "be", adjective, content tokens) of a speech noun whose owner "is clear" about
    what follows a colon: "Our message to Moscow and the world is [clear]: our support for
    Ukraine is strong" (a speech noun, ``speech_nouns``, with a possessive owner; the adjective is
    one of ``speech_adjectives``); None for any other token."""
    if tok.dep_ != "nsubj" or tok.lemma_.lower() not in lex.nouns or tok.head.lemma_.lower() != "be":
        return None
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    adjective = next((c for c in tok.head.children if c.dep_ == "acomp" and c.lower_ in lex.adjectives), None)
    if owner is None or adjective is None:
        return None
    doc, sent = tok.doc, tok.sent
    colon = adjective.right_edge.i + 1
    if colon >= sent.end - 1 or doc[colon].text != ":":
        return None
    content = {i for i in range(colon + 1, sent.end) if not doc[i].is_punct or i < sent.end - 1}
    return owner, tok.head, adjective, content


def brought_to_notice(tok, lex: Lexicon):
    """(verb, content tokens) of "X were brought to notice" where the parser read "to notice" as
    an infinitive (``focus_nouns`` with the verb that brings it) and hung the long subject X on a
    verb inside it ("The numerous war crimes committed each day by ... were brought to notice"):
    what was said is everything before the passive's "were"; None for any other token."""
    verbs = lex.focus.get(tok.lower_)
    verb = tok.head
    if not verbs or tok.tag_ != "VB" or verb.lemma_.lower() not in verbs \
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return None
    auxpass = next((c for c in verb.children if c.dep_ == "auxpass"), None)
    if auxpass is None or any(c.dep_ == "nsubjpass" for c in verb.children):
        return None
    content = [i for i in range(tok.sent.start, auxpass.i)]
    while content and tok.doc[content[-1]].is_punct:
        content.pop()
    return (verb, set(content)) if content else None
