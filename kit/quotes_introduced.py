"""The cue of a paragraph that introduces the quotation printed below it.

"Caddell continued:" or "The following is a statement from the First Lady, Jane Doe:" names who
speaks in the next paragraph, which holds the words alone; the article pass gives those words
this cue.
"""
from __future__ import annotations

from .cues import Lexicon
from .quotes_cues import Cue
from .quotes_not_said import not_said
from .quotes_subject import _subject


FOLLOWING_WORDS = {"following", "below"}


def following_statement(sent, lex: Lexicon) -> Cue | None:
    """The cue of a paragraph whose last sentence announces the quotation below it without a colon:
    "The following is a statement from the First Lady, Jane Doe, regarding ..." (a ``medium_nouns``
    noun said to be "the following", with "from" or "by" and who made it)."""
    for tok in sent:
        if tok.lemma_.lower() not in lex.medium or tok.dep_ not in {"attr", "nsubj"} or tok.head.lemma_ != "be" \
                or not any(c.lower_ in FOLLOWING_WORDS and c.dep_ in {"nsubj", "attr", "advmod"} for c in tok.head.children):
            continue
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"from", "by"}), None)
        source = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if source is not None:
            return Cue([tok], sent, source=source)
    return None


def introducing_cue(doc, lex: Lexicon) -> Cue | None:
    """The cue of a paragraph that ends with a colon to introduce the quotation below it:
    "Caddell continued:", "President Clinton released the following statement:", "He said:"
    (a cue verb, or a light verb with a speech noun, in the paragraph's last sentence)."""
    last = next((t for t in reversed(doc) if not t.is_space), None)
    if last is None or not doc.has_annotation("DEP"):
        return None
    if last.text != ":":
        return following_statement(last.sent, lex)
    for tok in reversed(list(last.sent)):
        lemma = tok.lemma_.lower()
        noun = next((c.lemma_.lower() for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in lex.nouns), None)
        if tok.pos_ in {"VERB", "AUX"} and (lemma in lex.verbs or (lemma in lex.light and noun)) \
                and not not_said(tok, lex):
            act = lex.nouns[noun] if noun and lemma in lex.light else lex.acts.get(lemma, "says")
            return Cue([tok], tok.sent, source=_subject(tok), act=act)
    return None
