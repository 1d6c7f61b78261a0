"""Stage 2, English grammar: where a reported clause begins and ends, and what goes on after it.

A cue's content (``kit.quotes_cues``) is the clause it governs, less the writer's aside at its end
(``trailing_aside``: ", who was his chief of staff", ", citing ..."), plus the statements that go on
from it in the clause's own form (``next_statements``: "said she was tired of X and wanted Y"); a
clause the parser hung elsewhere is taken back when it is the sentence's own predicate or a sibling
statement of the cue.
"""
from __future__ import annotations

from .cues import Lexicon, cue_lemma
from .quotes_readouts import ADJUNCT_MARKS, REASON_MARKS, verb_list


CONTENT_DEPS = {"ccomp", "xcomp", "parataxis"}


CLOSING_MARKS = {"”", '"', "’", "'", "»", "''"}


# Relative words that open the writer's background on a named person, a place or a time.
PERSON_RELATIVES = {"who", "whom", "whose"}


PLACE_RELATIVES = {"where", "when"}


def _background(relcl) -> bool:
    """True for a relative clause that tells who a named person is or what happened at a place or
    time (", who was his chief of staff", ", where Republicans will select a nominee"), not what a
    people or a thing does (", who must know that they are not alone", ", which impedes talks")."""
    word = relcl.doc[relcl.left_edge.i].lower_
    return word in PLACE_RELATIVES or (word in PERSON_RELATIVES and relcl.head.pos_ == "PROPN")


def trailing_aside(doc, ids: set, lex: Lexicon, proposal: bool = False) -> set:
    """The aside that ends a reported clause after a comma, which is the writer's, not the
    speaker's: ", citing the strategic importance of ...", ", although it may take days",
    ", and rights groups warned that ..." (another speaker). In a ``proposal`` (an agreement, a
    pledge, a readout's impersonal "It was noted that") a participle may say how the act would be
    done (:func:`manner_of_proposal`) and stays."""
    if not ids:
        return set()
    last = max(i for i in ids if not doc[i].is_punct) if any(not doc[i].is_punct for i in ids) else max(ids)
    for t in sorted((doc[i] for i in ids), key=lambda t: t.i):
        start = t.left_edge.i
        comma = doc[start - 1] if doc[start - 1].dep_ != "cc" else doc[start - 2]
        if comma.text in CLOSING_MARKS and comma.i > 0 and doc[comma.i - 1].text == ",":
            comma = doc[comma.i - 1]  # '“That makes me smart,” when Clinton blasted him'
        if t.right_edge.i < last or start == min(ids) or comma.text not in {",", ";", "—", "–", "--", "("}:
            continue
        # a relative clause (", which impedes talks") is left in: in a readout it is the speaker's;
        # one that tells who a person is or what happened at a place (", who was his chief of
        # staff", ", where Republicans will select a nominee") is the writer's background
        # a gerund after a gerund is the next item of a list ("by helping ..., mounting ..."), not an aside
        aside = (t.dep_ == "advcl" and ((t.tag_ == "VBG" and t.head.tag_ != "VBG"
                                         and not (proposal and manner_of_proposal(t, lex))
                                         and not gerund_list_item(t, ids))
                                        or when_clause(t) or any(
            c.dep_ == "mark" and c.lower_ in ADJUNCT_MARKS - REASON_MARKS for c in t.children))) or \
            (t.dep_ == "conj" and t.lemma_.lower() in lex.acts and any(c.dep_ == "nsubj" for c in t.children)) or \
            (t.dep_ == "relcl" and _background(t))
        if aside:
            return {x.i for x in t.subtree} | set(range(comma.i, start))
    return set()


def gerund_list_item(participle, ids: set) -> bool:
    """True for a participle the parser hung on the cue verb although it is the middle item of a
    list of gerunds begun inside what was said and closed with "and": "reaffirmed the commitment
    to continue providing Ukraine with assistance, [holding] Russia accountable ..., and imposing
    costs on Russia" (a writer's aside, ", citing X", opens no such list)."""
    doc = participle.doc
    closed = any(c.dep_ == "conj" and c.tag_ == "VBG" and any(a.dep_ == "cc" and a.lower_ == "and" for a in participle.children)
                 for c in participle.children)
    begun = any(doc[i].tag_ == "VBG" and doc[i].dep_ in {"xcomp", "pcomp"} and i < participle.left_edge.i for i in ids)
    return closed and begun


def manner_of_proposal(participle, lex: Lexicon) -> bool:
    """True for a participle that says how a proposed or possible act would be done, inside what
    was said: "agreed to expand cooperation ..., [taking] into account the situation", "It was
    noted that Brussels could influence the Kiev authorities, [compelling] them to stop ..." (its
    verb is bare: an infinitive or after a modal). A speech verb's participle (", citing weak
    demand") is still the writer's aside, and so is one after a fact ("profits fell, prompting ...")."""
    return participle.head.tag_ == "VB" and cue_lemma(participle, lex) not in lex.acts


def has_subject(verb) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


def next_statements(cue_tok, clause, lex: Lexicon) -> set:
    """Inside a reported clause, the next statement coordinated with it, which is a statement of
    its own: the speaker's ("said he would order a review [and warned against hackers]": a cue
    verb in the cue's own form, with no subject of its own) or another speaker's ("One in three
    said the party does not care [and one in four said it was hostile]": a speech verb with its
    own subject and clause and no "that", coordinated with the reported clause itself)."""
    out = set()
    for t in clause.subtree:
        if t.dep_ != "conj" or t.i <= clause.i:
            continue
        # (not a verb in the form of the one it is coordinated with, which goes on the reported
        # clause: "said she [was] tired of the status quo and [wanted] a candidate who ...")
        speech = t.lemma_.lower() in lex.acts or any(  # "and [spoke about] Y"
            c.dep_ == "prep" and (t.lemma_.lower(), c.lower_) in lex.preps for c in t.children)
        same_speaker = (t.tag_ in cue_forms(cue_tok) and speech and not has_subject(t) and t.head.tag_ != t.tag_) \
            or (speech and plural_present_goes_on(cue_tok, t, lex))
        other_speaker = t.head.i == clause.i and t.lemma_.lower() in lex.verbs and has_subject(t) \
            and not introduced(t) and any(c.dep_ == "ccomp" for c in t.children)
        if same_speaker or other_speaker:
            out |= {x.i for x in t.subtree} | {c.i for c in t.head.children if c.dep_ == "cc" and c.i < t.i}
    return out


def plural_present_goes_on(cue_tok, verb, lex: Lexicon) -> bool:
    """True for a speech verb in the base form coordinated into a present plural cue's clause
    whose subject can hold no view: in "The U.S. and Italy underscore that the war must end, and
    fully [endorse] the President's leadership" the war endorses nothing; the verb is the cue's
    own next statement ("underscore" and "endorse" look alike in the present plural)."""
    from .quotes_not_said import holds_views  # quotes_not_said reads this module's neighbours
    subject = next((c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return cue_tok.tag_ == "VBP" and verb.tag_ == "VB" and verb.head.tag_ == "VB" and not has_subject(verb) \
        and subject is not None and not holds_views(subject, lex)


def cue_forms(cue_tok) -> set:
    """The verb forms a statement coordinated with a cue's reported clause may take to be the
    cue speaker's own next statement: the cue's, and for a participle set off after a finite verb
    ("informed them about X, [noting] that the army is observing the law, and [spoke] about Y")
    that verb's too."""
    forms = {cue_tok.tag_}
    if cue_tok.tag_ == "VBG" and cue_tok.dep_ == "advcl" and cue_tok.head.tag_ in {"VBD", "VBZ"}:
        forms.add(cue_tok.head.tag_)
    return forms


PRESENT_TAGS = {"VBP", "VBZ"}


def goes_on_with_clause(cue_tok, clause, conj, lex: Lexicon) -> bool:
    """True for a present-tense verb with no subject that the parser coordinated with a past-tense
    cue although it goes on with the cue's present-tense clause: "It was emphasised that Russia
    and China have overlapping positions, [uphold] the principles of international law, [seek]
    to build ..." (a verb in the present never shares the subject of a past one)."""
    present = lambda v: v.tag_ in PRESENT_TAGS or any(c.dep_ in {"aux", "auxpass"} and c.tag_ in PRESENT_TAGS
                                                     for c in v.children)
    return cue_tok.tag_ in {"VBD", "VBN"} and conj.tag_ in PRESENT_TAGS | {"VB"} and not has_subject(conj) \
        and not any(c.dep_ == "aux" for c in conj.children) \
        and has_subject(clause) and present(clause) and cue_lemma(conj, lex) not in lex.acts


def opened_by_that(clause) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def introduced(clause) -> bool:
    """True for a clause opened by "that", "whether", "if" ... (a reported clause, not a sentence)."""
    return any(c.dep_ == "mark" for c in clause.children)


def opened_by_wh(clause) -> bool:
    """True for a clause opened by "why", "how", "where" ("That is why USDA announced X"): it
    tells the reason or manner of what it hangs on, and does not report it."""
    return any(c.tag_ == "WRB" and c.i < clause.i for c in clause.children)


def first_of_list(cue_tok, head, lex: Lexicon) -> bool:
    """True for the first verb of a list the parser hung under a later one ("thanked X ..." under
    "welcomed Y" in "Biden thanked X, welcomed Y"): a statement of its own, not what it says."""
    listed = verb_list(cue_tok, lex)
    return listed is not None and listed.first.i == head.i


def predicate_of_the_sentence(cue_tok, clause) -> bool:
    """True for a clause with a modal and no subject, after a comma, that the parser hangs on a
    past form right after its noun, which is really a participle describing that noun: in "the
    national emergency declared in Executive Order 12957 on March 15, 1995, must continue in
    effect", "must continue" is the sentence's own predicate and nothing was declared in it."""
    doc = cue_tok.doc
    subject = next((c for c in cue_tok.children if c.dep_ == "nsubj"), None)
    return clause.dep_ == "ccomp" and clause.i > cue_tok.i and cue_tok.tag_ in {"VBD", "VBN"} \
        and subject is not None and subject.pos_ == "NOUN" and subject.i == cue_tok.i - 1 \
        and not any(c.dep_ in {"aux", "auxpass"} for c in cue_tok.children) \
        and not has_subject(clause) and not any(c.dep_ in {"expl", "csubj"} for c in clause.children) \
        and any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children) \
        and doc[clause.left_edge.i - 1].text == ","


def fronted_infinitive(cue_tok, head) -> bool:
    """True for a subjectless infinitive the parser hangs before a cue that has its content after
    it: "In view of the anniversary, [to be observed in April], Putin invited Pashinyan to pay a
    visit" (a phrase of the sentence's opening, not what was said)."""
    return head.dep_ == "ccomp" and head.i < cue_tok.i and not has_subject(head) \
        and any(c.dep_ in {"aux", "auxpass"} and c.lower_ == "to" for c in head.children) \
        and any(c.dep_ in CONTENT_DEPS and c.i > cue_tok.i for c in cue_tok.children)


def sibling_statement(cue_tok, head, lex: Lexicon) -> bool:
    """True for a clause the parser hangs on a cue that is a statement of its own: a parenthetical
    attribution ("Instead, she said, her boss told her ..."), a bare speech verb ("One in three
    said A and [one in four said] B", its subject lost to the list before it), or a speech verb
    with its own subject, before the cue with a semicolon between ("[Six in 10 said A]; 46
    percent said B") or a comma when the cue has its own clause ("[Reyes asked for X], Brook
    agreed to ..."), or after the cue's clause and "and" ("Six in 10 said A, and [three-quarters
    said the same of B]")."""
    if head.dep_ not in {"ccomp", "parataxis"} or head.lemma_.lower() not in lex.verbs or introduced(head):
        return False
    if head.dep_ == "parataxis" and has_subject(head) and not any(c.dep_ in CONTENT_DEPS for c in head.children):
        return True  # "Instead, [she said], her boss told her ...": the attribution of the clause
    if not has_subject(head):
        return head.i > cue_tok.i and any(c.dep_ in CONTENT_DEPS for c in head.children)
    doc = head.doc
    if head.i > cue_tok.i:
        return head.left_edge.i > cue_tok.i + 1 and doc[head.left_edge.i - 1].dep_ == "cc"
    # "[Reyes asked for air defense systems], President Brook agreed to work with him ...": two
    # statements spliced with a comma, when the cue has its own content after it
    spliced = doc[head.right_edge.i + 1].text == "," and any(c.dep_ in CONTENT_DEPS and c.i > cue_tok.i
                                                             for c in cue_tok.children)
    return spliced or any(doc[i].text == ";" for i in range(head.right_edge.i + 1, cue_tok.i))


WHEN_WORDS = {"when", "whenever", "while", "where", "once"}


def when_clause(verb) -> bool:
    """ "He avoided criticism of Trump until recent days, [when he expressed concern that ...]": a
    cue in a clause of time or place reports its own content, not the sentence it hangs on."""
    return any(c.dep_ == "advmod" and c.lower_ in WHEN_WORDS for c in verb.children)
