"""How far a readout statement's content reaches past the phrase its cue governs, for the readout
forms (``kit.quotes_readouts``): what the parser hung on the cue verb although it belongs to what
was said, "reaffirmed their mutual interest [in further developing X]", "..., [including the
provision of a new package]", "[from economic growth to security]", "support for Ukraine's defense
[as Russia continues its assaults]", "grateful to X, [as well as to Y]"; and what stays out, the
time and place of saying ("said X as he left the building").
"""
from __future__ import annotations

# Prepositions that add to what was said rather than say where or when: "..., including X".
INCLUSION_PREPS = {"including", "notably", "especially", "particularly"}
# ... and a condition the parser hangs on the cue verb: "commented that it could be a good idea,
# [provided that] it be considered whether ..." is what was said, on that condition.
CONDITION_PREPS = {"provided", "providing"}
# Who may be the speaker of an "as" clause about the time of saying ("as he left").
PERSONAL_PRONOUNS = {"i", "we", "you", "he", "she", "they"}


def complements_object(prep, target) -> bool:
    """True for "in" and a gerund right after a speech noun object, hung on the verb by the
    parser: "reaffirmed their mutual interest [in further developing the partnership]" (what the
    interest is in; "in Moscow", "in 2021" stay out as the place and time of the verb, and "had
    shown bad judgment in using X" is no speech noun's)."""
    return prep.lower_ == "in" and target.pos_ == "NOUN" and prep.i == target.right_edge.i + 1 \
        and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in prep.children)


def restates_object(child, target) -> bool:
    """True for a noun after the object and a comma that the parser hung on the verb although it
    restates the object with a clause of its own: "underscored the futility of any attempts to
    drag out the process, [something] the security forces are doing to regroup" (an apposition,
    part of what was said; "last week", "today" are no such nouns: they carry no clause)."""
    doc = child.doc
    # ... or with "a" and a phrase of its own: "congratulated the formation of X, [a vital step
    # forward in implementing Y]" ("a day after the vote" is a date: its noun is a time)
    described = child.ent_type_ not in {"DATE", "TIME"} and any(c.dep_ == "det" and c.lower_ in {"a", "an"}
                                                               for c in child.children) \
        and any(c.dep_ == "prep" for c in child.children)
    return child.dep_ == "npadvmod" and child.pos_ in {"PRON", "NOUN"} and child.i > target.i \
        and doc[child.left_edge.i - 1].text == "," \
        and (described or any(c.dep_ == "relcl" for c in child.children))


def range_after_content(prep, content: set) -> bool:
    """True for a range right after what was said that lists what it names: "underscored the
    importance of the Alliance in addressing global challenges, [from economic growth to global
    stability], and for standing for democratic principles" (a "from" with its "to")."""
    doc = prep.doc
    return prep.lower_ == "from" and bool(content) and prep.i > max(content) \
        and all(doc[i].is_punct for i in range(max(content) + 1, prep.i)) and any(
            g.dep_ == "pobj" and any(x.dep_ == "prep" and x.lower_ == "to" for x in g.children) for g in prep.children)


def ongoing_context(clause) -> bool:
    """True for an "as" clause in the present tense right after what was said, with a subject of its
    own, which tells what what was said bears on, not when it was said: "underscore ongoing U.S.
    support for Ukraine's defense [as Russia continues its assaults on ...]" ("said X as he left
    the building", a past and the speaker, stays the time of saying)."""
    doc = clause.doc
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "as"), None)
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    return mark is not None and subject is not None and clause.tag_ in {"VBZ", "VBP"} \
        and doc[mark.i - 1].text != "," and subject.lower_ not in PERSONAL_PRONOUNS


def added_alike(verb, prep) -> set:
    """The "as well as" with the same preposition that the parser hung on the verb after what was
    said: "grateful to the coalition of 50 countries ..., [as well as to the Initiative]" (what the
    gratitude is also for)."""
    out = set()
    for c in verb.children:
        if c.dep_ == "cc" and c.lower_ == "as" and c.i > prep.right_edge.i and any(
                g.dep_ == "prep" and g.lower_ == prep.lower_ for g in c.children):
            out |= {t.i for t in c.subtree}
    return out


def inclusion_after(verb, content: set) -> set:
    """What a cue verb carries after its content that still belongs to it: "pledged to continue
    supporting Ukraine ..., [including the provision today of a new package]", "commented that it
    could be a good idea, [provided that it be considered whether ...]"."""
    doc = verb.doc
    out = set()
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in INCLUSION_PREPS | CONDITION_PREPS and c.i > max(content) \
                and all(doc[i].is_punct for i in range(max(content) + 1, c.i)):
            out |= {t.i for t in c.subtree}
    return out


def list_run_on(verb, prep) -> set:
    """The rest of a list the preposition's object opens, which the parser hung on the verb as an
    object of its own: "told the President about housing construction, [the development of
    agriculture and the construction of social facilities]" (a noun right after the comma that
    closes the list with "and"; "briefed him on X, the President said" has no such noun)."""
    doc = verb.doc
    after = prep.right_edge.i + 1
    if after + 1 >= len(doc) or doc[after].text != ",":
        return set()
    for c in verb.children:
        if c.dep_ == "dobj" and c.left_edge.i == after + 1 and any(
                g.dep_ == "conj" for g in c.children) and any(g.dep_ == "cc" and g.lower_ in {"and", "or"} for g in c.children):
            return {t.i for t in c.subtree}
    return set()
