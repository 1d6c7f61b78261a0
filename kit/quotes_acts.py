"""The act a statement's content gives it, for the quote engine (``kit.quotes``): "stressed that Kiev
must ..." demands, "warned that ... would face consequences" warns, "said X had violated ..."
accuses (``content_acts`` in ``data/speech_verbs.yml``); see :func:`content_act`.
"""
from __future__ import annotations

from .cues import Lexicon, cue_lemma


def support_renewed(lemma: str, noun, lex: Lexicon) -> bool:
    """True for support someone renews as their own: "reaffirmed [President Biden's] unwavering
    support for Israel", "reaffirmed the unwavering support [of the United States] for Ukraine",
    "reaffirmed [our] support in resuming the dialogue" promise it (``renewal_verbs`` under
    ``content_acts``); "reaffirmed the strong bipartisan support in the U.S. government" (nobody's
    own) and "underscored the United States' support" (stressed, not renewed) say."""
    if lemma not in lex.content_acts.get("renewal_verbs", frozenset()):
        return False
    return any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for c in noun.children)


def _content_head(doc, content: set):
    """The token of a statement's content the rest hangs from (the first whose head lies outside);
    in "urged [him] to [resign]" the infinitive, not the one who is to carry it out."""
    roots = [doc[i] for i in sorted(content) if doc[i].head.i not in content or doc[i].head.i == i]
    if len(roots) > 1 and roots[0].dep_ == "dobj" and roots[1].dep_ == "xcomp" and roots[0].head.i == roots[1].head.i:
        return roots[1]
    return roots[0] if roots else None


def _predicate_chain(head) -> list:
    """A content clause's verb and the verbs it goes on with: coordinated verbs, infinitives
    ("continues to [refuse] to [implement]") and an object's infinitive ("its efforts to
    [sabotage]"). Empty when the content is a noun phrase."""
    chain, seen, stack = [], set(), [head]
    while stack:
        tok = stack.pop()
        if tok.pos_ not in {"VERB", "AUX"} or tok.i in seen:
            continue
        seen.add(tok.i)
        chain.append(tok)
        for c in tok.children:
            if c.dep_ in {"xcomp", "conj"}:
                stack.append(c)
            elif c.dep_ == "dobj":
                stack.extend(g for g in c.children if g.dep_ == "acl")
    return chain


def _threatens(chain, words) -> bool:
    """A punishment under a condition or a "will": "if Russia invades, the United States will
    [respond] decisively and [impose] severe costs"."""
    threat = [t for t in chain if t.lemma_.lower() in words]
    return bool(threat) and any(c.dep_ == "aux" and c.lower_ in {"will", "would", "'ll"} or (
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "if" for m in c.children))
        for t in chain for c in t.children)


def _wrongdoing(head, chain, words, lex: Lexicon) -> bool:
    """A clause that says someone did wrong: its verbs ("Kiev continues to [refuse]"), its subject
    ("[provocations] from militants were the reason") or an "in ..." phrase ("in [violation] of
    the agreements, the authorities are ..."); not when the clause denies it ("do not threaten"), nor
    a thing that does something to nothing (:func:`_thing_does`: "more activities [lie] ahead")."""
    if not chain or any(c.dep_ == "neg" for t in chain for c in t.children):
        return False
    verbs, nouns = words.get("wrongdoing_verbs", frozenset()), words.get("wrongdoing_nouns", frozenset())
    return any(t.lemma_.lower() in verbs and not _thing_does(t, lex) for t in chain) or any(
        (c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in nouns)
        or (c.dep_ == "prep" and c.lower_ == "in" and any(g.dep_ == "pobj" and g.lemma_.lower() in nouns for g in c.children))
        for c in head.children)


def _thing_does(verb, lex: Lexicon) -> bool:
    """A verb whose subject is a thing and which is done to nobody: "more activities and objectives
    [lie] ahead as part of state programmes" (where they are), unlike "Kiev lied", "the decision
    undermines the agreements" (a wrong done to something, which accuses whoever decided) or "the plan
    is discriminating against fathers" (a wrong done to people)."""
    from .quotes_not_said import holds_views  # it reads the modules this one is read by
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or holds_views(subject, lex) or any(c.dep_ == "dobj" for c in verb.children):
        return False
    return not any(c.dep_ == "prep" and any(g.dep_ == "pobj" and holds_views(g, lex) for g in c.children)
                   for c in verb.children)


def _wrong_named(head, words, lex: Lexicon) -> bool:
    """A noun phrase that names a wrong as what was said: "[gross violations] of the agreements",
    "the [provocative] nature of the exercises", "a principled assessment of Kiev's [destructive]
    actions", "a [critical] assessment of X" (``wrongdoing_nouns``, ``wrongdoing_adjectives``; a
    criticism adjective only on a noun of judgement: "the critical need for X" is no criticism)."""
    nouns, adjectives = words.get("wrongdoing_nouns", frozenset()), words.get("wrongdoing_adjectives", frozenset())

    def wrong(noun) -> bool:
        return noun.lemma_.lower() in nouns or any(
            c.dep_ == "amod" and c.lemma_.lower() in adjectives for c in noun.children)

    if head.pos_ not in {"NOUN", "PROPN"}:
        return False
    if head.lemma_.lower() in words.get("judgement_nouns", frozenset()) and any(
            c.dep_ == "amod" and c.lower_ in lex.criticism_adjectives for c in head.children):
        return True
    return wrong(head) or any(p.dep_ == "prep" and p.lower_ == "of" and any(
        g.dep_ == "pobj" and wrong(g) for g in p.children) for p in head.children)


def _urged(head, words) -> bool:
    """What was said stresses something someone must do: "the importance of [immediately] starting
    talks", "the critical need for [immediate] Congressional action" (``urgency_words``), "the
    importance of [Kiev's] strict compliance with X", "the complete fulfilment [by Kiev] of X" (a
    ``compliance_nouns`` noun with whoever is to comply). "the importance of consistently
    implementing the agreements" and "the importance of Russia's mediation" only say."""
    if head.lemma_.lower() not in words.get("duty_nouns", frozenset()):
        return False
    urgent, compliance = words.get("urgency_words", frozenset()), words.get("compliance_nouns", frozenset())
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"of", "for"}:
            continue
        for act in prep.children:
            if act.dep_ not in {"pobj", "pcomp"}:
                continue
            if any(c.dep_ in {"advmod", "amod"} and c.lower_ in urgent for c in act.children):
                return True
            if act.lemma_.lower() in compliance and any(
                    c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by") for c in act.children):
                return True
    return False


def _duty_laid(verb, modal, lex: Lexicon) -> bool:
    """True for a modal of duty that asks something of someone: "Kiev [must] abandon ...", "the war
    [must] end", "the Ukrainian side [should] demine the ports". Not a "should" over a thing, which
    expects ("the decision should not lead to ...", "nuclear weapons should serve defensive
    purposes"), nor a passive with nobody named to carry it out ("a nuclear war must never be
    fought", "the further spread of such weapons must be prevented"): a principle stated."""
    from .quotes_not_said import holds_views  # it reads the modules this one is read by
    if any(c.dep_ == "auxpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return modal.lower_ != "should" or subject is None or holds_views(subject, lex)


def _asks_to(verb, lemma: str, entries) -> bool:
    """True for a verb of ``demand_infinitive_verbs`` with its preposition, if the entry has one
    ("ask", "call on": "called on NATO to ...", not "called Zelenskyy to discuss")."""
    preps = {c.lower_ for c in verb.children if c.dep_ == "prep"}
    return any(e.split()[0] == lemma and set(e.split()[1:]) <= preps for e in entries)


def content_act(verb, cue, lex: Lexicon) -> str:
    """The act of a statement whose cue verb only says (``content_acts`` in
    ``data/speech_verbs.yml``): "stressed that Kiev must ..." and "the need for Kiev to ..."
    demand, "noted that Kiev was sabotaging the talks" accuses, "X were groundless" rejects, a
    punishment promised ("readiness to impose severe costs", "if ..., we will respond") warns,
    supporting someone's initiative agrees. Any other statement keeps the cue's act."""
    words = lex.content_acts
    doc = verb.doc
    head = _content_head(doc, cue.content) if cue.content and words else None
    if head is None:
        return cue.act
    get = lambda key: words.get(key, frozenset())
    lemma, noun = cue_lemma(verb, lex), head.lemma_.lower()
    if cue.act == "believes" and lemma in lex.person_stance and noun in get("proposal_nouns"):
        return "agrees"
    if cue.act == "believes" and lemma in get("intention_verbs") and cue.source is not None \
            and cue.source.lower_ in {"we", "i"}:  # "We intend to maintain X": the speakers' own undertaking
        return "promises"
    if cue.act == "promises" and head.pos_ == "NOUN" and any(  # "readiness of the US [along with its allies] to impose"
            doc[i].dep_ in {"acl", "xcomp", "advcl"} and doc[i].head.i in {head.i, verb.i}
            and doc[i].lemma_.lower() in get("threat_verbs") for i in cue.content):
        return "warns"
    if cue.act != "says" or cue.belief:
        return cue.act
    chain = _predicate_chain(head)
    if (_asks_to(verb, lemma, get("demand_infinitive_verbs")) and head.dep_ == "xcomp" and head.tag_ == "VB") \
            or any(_duty_laid(t, c, lex) for t in chain for c in t.children
                   if c.dep_ == "aux" and c.lower_ in get("demand_modals")) \
            or (noun in get("need_nouns") and any(c.dep_ in {"acl", "advcl", "relcl"} and any(
                g.dep_ == "nsubj" for g in c.children) for c in head.children)) or _urged(head, words):
        return "demands"
    if _threatens(chain, get("threat_verbs")):
        return "warns"
    if head.lemma_.lower() in get("intention_verbs") and any(c.dep_ == "xcomp" for c in head.children) and any(
            c.dep_ == "nsubj" and c.lower_ in {"he", "she", "we", "i"} for c in head.children):
        return "promises"  # "said he intended to sign a corresponding executive order soon": his own undertaking
    if _wrongdoing(head, chain, words, lex) or _wrong_named(head, words, lex):
        return "accuses"
    if any(doc[i].dep_ == "acomp" and doc[i].lemma_.lower() in get("rejection_adjectives") and doc[i].head.lemma_ == "be"
           and not any(c.dep_ == "neg" for c in doc[i].head.children) for i in cue.content):
        return "rejects"
    return cue.act
