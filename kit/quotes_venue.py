"""Where a statement was made, or to whom: the venue of a cue ("told CNN", "in an interview with
the New York Post", "said on Fox News"), read from the cue verb's objects and prepositions."""
from __future__ import annotations

import re

from .cues import Lexicon
from .quotes_cues import Cue


def _venue_np(tok) -> str:
    """The words of a venue noun phrase without relative clauses or a leading article."""
    skip = {t.i for c in tok.subtree if c.dep_ == "relcl" or (c.head.i == tok.i and c.dep_ in {"acl", "appos"})
            for t in c.subtree}  # "the Nation on the War, which he delivered yesterday": the relative clause is no venue
    toks = [t for t in tok.subtree if t.i not in skip]
    text = re.sub(r"[\s,.;:–—]+$", "", "".join(t.text_with_ws for t in toks).strip())
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
            if pobj is None or pobj.ent_type_ in {"DATE", "TIME", "EVENT"}:  # "greetings on the New Year"
                continue
            if child.lower_ == "to" and h.i == tok.i and pobj.pos_ in {"PROPN", "NOUN"}:
                return _venue_np(pobj)
            if child.lower_ == "on" and any(c.dep_ == "poss" for c in pobj.children):
                continue  # "commented on Macron's address to the nation": what was talked about, not where
            if child.lower_ == "on" and pobj.pos_ == "PROPN":
                return _venue_np(pobj)
            if pobj.lemma_.lower() in lex.medium:
                for gc in pobj.children:
                    if gc.dep_ == "prep" and gc.lower_ in {"with", "on", "to"}:
                        target = next((c for c in gc.children if c.dep_ == "pobj"), None)
                        if target is not None:
                            return _venue_np(target)
    return ""


def english_venue(cue: Cue, lex: Lexicon) -> str:
    """The venue of a one-word English cue ("told CNN"); a cue of several words names none."""
    return venue_of(cue, lex) if len(cue.tokens) == 1 else ""
