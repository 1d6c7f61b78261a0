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


def _comment_on_the_clause(t) -> bool:
    """True for a noun phrase after a comma that the parser took for a second object of the
    clause's verb: "would pay “slightly more” in taxes, an acknowledgment that ...", "would not
    support him, the highest for any candidate": the writer's comment on what was said."""
    return t.dep_ == "dobj" and any(c.dep_ == "dobj" and c.i < t.i for c in t.head.children) \
        and any(c.dep_ == "det" and c.lower_ in {"a", "an", "the"} for c in t.children) \
        and not any(c.dep_ == "cc" and c.lower_ in {"and", "or"} for c in t.children)
    # not a list: "X, each other's Y"; nor the rest of one closed by "and" ("told him about X, [the
    # development of Y and the construction of Z]", ``kit.quotes_extent.list_run_on``)


def trailing_aside(doc, ids: set, lex: Lexicon, proposal: bool = False, within: bool = False) -> set:
    """The aside that ends a reported clause after a comma, which is the writer's, not the
    speaker's: ", citing the strategic importance of ...", ", although it may take days",
    ", and rights groups warned that ..." (another speaker), ", an acknowledgment that ..." (a
    comment on the clause). In a ``proposal`` (an agreement, a
    pledge, a readout's impersonal "It was noted that") a participle may say how the act would be
    done (:func:`manner_of_proposal`) and stays. When the cue stands ``within`` the sentence it
    reports ("Lenox was a juggernaut, Pike said, until it went bankrupt"), the sentence is the
    speaker's to its end: a clause of time, place or concession and a relative clause on a name
    stay (PolNeAR's train and dev splits end such attributions at the sentence's end)."""
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
                                        or (not within and when_clause(t)) or (not within and any(
            c.dep_ == "mark" and c.lower_ in ADJUNCT_MARKS - REASON_MARKS for c in t.children)))) or \
            (t.dep_ == "conj" and t.lemma_.lower() in lex.acts and any(c.dep_ == "nsubj" for c in t.children)
             and not opened_by_that(t)) or \
            (t.dep_ == "relcl" and ((_background(t) and not within) or _attributed_relative(t, lex))) or \
            _comment_on_the_clause(t)
        if aside:
            return {x.i for x in t.subtree} | set(range(comma.i, start))
    return set()


def _attributed_relative(relcl, lex: Lexicon) -> bool:
    """True for a relative clause that is someone's statement of its own: "cited an internal
    investigation as naming X, [which the probe said were covered up]", "urged the judge to give
    me a fair sentence, [which I said was not a prison sentence]" (a speech verb with a subject
    that is not the relative word); what it says is that speaker's, not part of the clause before.
    One with a quotation in it (", which he called “an evil act”") is left to the quotation rules."""
    return relcl.lemma_.lower() in lex.verbs and not any(t.is_quote for t in relcl.subtree) and any(
        c.dep_ == "nsubj" and c.lower_ not in {"which", "that", "who"} for c in relcl.children)


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
        if same_speaker or other_speaker or speakers_next_deed(cue_tok, clause, t) or (speech and after_comma_and(t)) \
                or opens_a_quotation(cue_tok, t, lex):
            out |= {x.i for x in t.subtree} | {c.i for c in t.head.children if c.dep_ == "cc" and c.i < t.i}
    return out


def finite_form(verb) -> str:
    """The tag of the word that carries a verb's tense: its first auxiliary ("[has] championed",
    "[must] be"), else the verb itself."""
    aux = next((c for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.i < verb.i), None)
    return aux.tag_ if aux is not None else verb.tag_


def speakers_next_deed(cue_tok, clause, verb) -> bool:
    """True for a verb the parser coordinated with the reported clause's verb that is what the
    speaker went on to do, not part of what was said: "insists the party must be a party of ideas,
    and [has championed] an agenda ...", "denies that the crime was a genocide and [goes] to great
    lengths to ...". It has no subject of its own, takes the cue's tense and not the clause's ("said
    she was tired of X and [wanted] Y" goes on with the clause), and something sets it apart from
    the clause: a comma before its "and", an auxiliary of its own, or a "that" opening the clause
    (without one, "said he believes Obama was born here and [was] qualified" is the parser's
    slip). A clause with a quotation in it is left to the rules of quotations, which read a partial
    quotation's kind off the words around it."""
    doc = verb.doc
    if any(t.is_quote for t in clause.subtree):
        return False
    cc = next((c for c in clause.children if c.dep_ == "cc" and c.i < verb.i), None)
    apart = (cc is not None and doc[cc.i - 1].text == ",") or finite_form(verb) != verb.tag_ or opened_by_that(clause)
    return verb.dep_ == "conj" and verb.head.i == clause.i and verb.pos_ in {"VERB", "AUX"} and not has_subject(verb) \
        and cue_tok.tag_ in FINITE_FORMS and finite_form(verb) == cue_tok.tag_ \
        and finite_form(clause) != cue_tok.tag_ and finite_form(clause) in FINITE_FORMS and apart


FINITE_FORMS = {"VBD", "VBZ", "VBP", "MD"}


def opens_a_quotation(cue_tok, verb, lex: Lexicon) -> bool:
    """True for a speech verb in the cue's own form, with no subject of its own, that the parser
    coordinated into the reported clause and that opens a quotation ("said it was too early to
    celebrate but [added], “I think ...”", "said he welcomed the audit and [added], “I'll sign
    ...”"): the speaker's next statement, the quotation's cue, not more of the clause, which is
    an indirect statement of its own (PolNeAR's train and dev splits)."""
    doc = verb.doc
    at = verb.i + 1
    while at < len(doc) and doc[at].text in {",", ":"}:
        at += 1
    return verb.dep_ == "conj" and cue_lemma(verb, lex) in lex.verbs and not has_subject(verb) \
        and verb.tag_ in cue_forms(cue_tok) and at < len(doc) and doc[at].is_quote and at > verb.i + 1


def after_comma_and(verb) -> bool:
    """True for a verb with its own subject that a comma and "and" or "but" join to the verb
    before it ("said the problem is the ferry company, and [he railed] against the council"): a
    sentence of its own, not more of the reported clause ("said A, but that B" is introduced)."""
    doc = verb.doc
    cc = next((c for c in verb.head.children if c.dep_ == "cc" and c.i < verb.i), None)
    return verb.dep_ == "conj" and has_subject(verb) and not introduced(verb) and cc is not None \
        and cc.i > 0 and doc[cc.i - 1].text == ","


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


def second_that_clause(conj) -> bool:
    """True for a clause opened by "that" with its own subject that the parser coordinated with the
    cue itself: "said the town needs to fix the bridge, but [that he would not support a new tax]"
    reports a second clause of the same statement."""
    return conj.dep_ == "conj" and opened_by_that(conj) and has_subject(conj)


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


def _phrase_content(sent, phrase_ids: set) -> set:
    """What 'according to X' reports when it ends or opens its sentence (or the parenthesis it
    sits in): everything before it ("Trump received 37 percent and Bloomberg 13 percent, according
    to the results"), or everything after it ("According to recent polling, the candidate is once
    again leading"), not just the clause the parser hangs it on; empty when it sits mid-sentence."""
    first, last = min(phrase_ids), max(phrase_ids)
    words = lambda ids: [sent.doc[i] for i in ids if not sent.doc[i].is_punct]
    start = sent.start
    for i in range(first - 1, sent.start - 1, -1):
        if sent.doc[i].text == ")":
            break
        if sent.doc[i].text == "(":
            start = i + 1
            break
    before, after = range(start, first), range(last + 1, sent.end)
    if not words(after) or (start > sent.start and sent.doc[last + 1: last + 2].text == ")"):
        return set(before)
    if not [t for t in words(before) if t.dep_ not in {"cc", "advmod"}]:
        return set(after)
    return set()


def verb_above(tok):
    """The verb a phrase hangs on, climbing from ``tok`` (the root when there is none)."""
    anchor = tok.head
    while anchor.pos_ not in {"VERB", "AUX"} and anchor.head.i != anchor.i:
        anchor = anchor.head
    return anchor


def phrase_clause(sent, phrase_ids: set, anchor) -> set:
    """What a phrase of attribution ("according to X", "in her words", "in his view") reports:
    the rest of its sentence when it opens or ends it (:func:`_phrase_content`), else the clause of
    the verb it hangs on, less the phrase."""
    return _phrase_content(sent, phrase_ids) or {t.i for t in anchor.subtree} - phrase_ids


def who_is_to_act(verb, clause, exclude: set) -> set:
    """ "urged [him] to resign", "asked [her supporters] to run for office": the object of a cue
    whose infinitive it is to carry out is the subject of what was asked, so it belongs to the
    reported words as "that he resign" would; empty for any other clause."""
    if clause.dep_ != "xcomp" or clause.tag_ != "VB" or clause.i < verb.i \
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return set()
    obj = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.i), None)
    if obj is None or obj.right_edge.i >= clause.left_edge.i:
        return set()
    return set(range(obj.left_edge.i, clause.left_edge.i)) - exclude


def view_owner(noun):
    """Whose view a "view" noun after "in" gives: its possessive ("in Professor Ames's view", "in
    her opinion") or, after "the", its "of" ("in the view of the committee"); None otherwise ("in
    view of the anniversary", "in the view from the bridge", and "in his estimation of the market",
    which says what the view is of rather than handing a clause over)."""
    if any(c.dep_ == "prep" and c.lower_ != "of" for c in noun.children):
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None and any(c.dep_ == "prep" for c in noun.children):
        return None
    if owner is None and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return owner


def name_rest(doc, content: set) -> set:
    """The words of a name that runs on after the last word of ``content``: in "also support
    Build Back Better" the parser reads "Back Better" as adverbs of the verb, yet the named
    entity, the bill's title, is what is supported."""
    if not content:
        return set()
    last = max(content)
    if not doc[last].ent_type_:
        return set()
    rest = set()
    for t in doc[last + 1:]:
        if t.ent_iob_ != "I":
            break
        rest.add(t.i)
    return rest
