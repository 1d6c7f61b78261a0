"""Stage 2, English grammar: the cues of a parsed paragraph (``cues_in``), what each one reports
and to whom (``venue_of``); who each one's subject is lives in ``kit.quotes_subject``.

A cue is a verb from ``data/speech_verbs.yml`` that governs a clause, an infinitive or a
quotation, a speech verb or a light verb with a noun-phrase object (the readout forms of
``kit.quotes_readouts``), a speech adjective ("made clear that") or a phrase ("according to").
``kit.quotes`` turns cues and quotations into statements.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .coref import ROLE_SYNONYMS
from .cues import Lexicon, cue_lemma
from .quotes_readouts import (ADJUNCT_MARKS, bare_noun, content_act, focus_frame, inclusion_after, opens_topic,
                              infinitive_of_prep_object, listed_after_object, noun_said_by, object_content, object_frame,
                              object_statement, participle_read_as_adjective, refers_back, verb_list)
from .quotes_subject import (PASSIVE_DEPS, SUBJECT_DEPS, _lost_subject, _subject, clause_read_from_name,
                             subject_read_as_apposition)

CONTENT_DEPS = {"ccomp", "xcomp", "parataxis"}
# What a cue verb says something about: "called [half of his supporters] [“deplorables.”]",
# "described [their relationship] [as “good.”]" (adjuncts such as "at a rally" are left out).
ARGUMENT_DEPS = {"dobj", "oprd", "xcomp", "ccomp", "acomp", "attr", "dative", "parataxis", "npadvmod"}
ARGUMENT_PREPS = {"as", "about", "of", "for", "on", "with"}


@dataclass
class Cue:
    """A cue found in the parse: the verb (or phrase), its speaker mention and its content."""
    tokens: list
    sent: object
    source: object = None
    content: set = field(default_factory=set)
    subtree: set = field(default_factory=set)
    belief: bool = False
    act: str = "says"
    quote_only: bool = False   # a cue only for a quotation beside it ('"...," he continued')
    answer: bool = False       # a short answer ("said no"), a statement however short


def _clause_tokens(head, exclude: set) -> set:
    return {t.i for t in head.subtree} - exclude


def _not_said(tok, lex: Lexicon) -> bool:
    """True for a cue word that reports no statement of its own: a participle or infinitive that
    names or describes a noun ("a group called X", "attempts to blame Russia"), the sense of a
    word ("a term Rubio has used to describe Trump"; ``word_use_verbs``), a participle used as an
    adjective ("pledged delegates"), a duty laid down in an order ("shall inform"), the infinitive of
    another cue ("asked him to convey our wishes": the asking is the statement), a stance a thing
    is said to take ("tariffs that support jobs") or the purpose of a deed ("$20 million to support
    research"), a verb nobody is the subject of (a list of
    deeds: "21. Announced new tariffs ..."; a participle: "for supporting Hamas"), a statement
    still to come ("will be announced later"), a thing withheld ("denies Russia access") or a bid
    to the reader ("Call it viral fundraising.")."""
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in (lex.verbs | lex.belief) - lex.quote_only:
        return True
    if _so_called(tok) or _thing_with_infinitive(tok, lex) or _duty_to_say(tok) or _thing_holds_stance(tok, lex) \
            or _stance_as_purpose(tok, lex) or _nobody_speaks(tok) or _yet_to_be_said(tok) or _withheld(tok, lex) \
            or _told_to_the_reader(tok):
        return True
    while tok.dep_ in {"xcomp", "advcl"} and tok.tag_ == "VB" and tok.head.i != tok.i:
        tok = tok.head  # "used [to describe]"
        if tok.lemma_.lower() in lex.word_use:
            return True
    return (tok.dep_ == "acl" and tok.tag_ in {"VBN", "VB"} and not noun_said_by(tok, lex)) or tok.dep_ == "amod"  # "271 pledged delegates"


def _told_to_the_reader(tok) -> bool:
    """ "Call it viral fundraising.", "Or support Paul Ryan, who will lead the opposition": a bare
    verb that opens its sentence (after "and", "or", "so" at most) bids the reader do something;
    it is the writer's voice, nobody's statement."""
    if tok.tag_ != "VB" or tok.dep_ != "ROOT" or any(c.dep_ in {"nsubj", "aux"} for c in tok.children):
        return False
    before = [t for t in tok.doc[tok.sent.start:tok.i] if not (t.is_punct or t.is_space)]
    return all(t.dep_ in {"cc", "advmod"} and t.head.i == tok.i for t in before)


def _so_called(tok) -> bool:
    """The "called" of "so-called": an adjective for a name the writer doubts, not a report."""
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text in {"-", "‐", "‑"} and doc[tok.i - 2].lower_ == "so"


PERSONAL = {"i", "we", "you", "he", "she", "they", "who"}
SPEAKER_ENTS = {"PERSON", "ORG", "GPE", "NORP"}


def _yet_to_be_said(tok) -> bool:
    """ "the date and location of which will be announced later", "Details will be released":
    a passive speech verb in the future reports a statement still to come, not one made."""
    return any(c.dep_ in PASSIVE_DEPS for c in tok.children) and any(
        c.dep_ == "aux" and c.lower_ in {"will", "shall", "'ll"} for c in tok.children)


def _withheld(tok, lex: Lexicon) -> bool:
    """ "It denies Russia access to key markets", "denied him a visa": a verb of denying whose
    object is a thing withheld (``withheld_nouns``) or a person it is withheld from, not a claim."""
    if lex.acts.get(cue_lemma(tok, lex)) != "denies":
        return False
    return any(c.dep_ == "dative" or (c.dep_ == "dobj" and c.lemma_.lower() in lex.withheld) for c in tok.children)


def _duty_to_say(tok) -> bool:
    """ "The Secretary shall inform the President of ...", "shall develop and publish an update":
    an order's duty to report later, not anything said."""
    verbs = [tok, tok.head] if tok.dep_ == "conj" else [tok]
    return any(c.dep_ == "aux" and c.lower_ == "shall" for v in verbs for c in v.children)


def _thing_with_infinitive(tok, lex: Lexicon) -> bool:
    """ "imports that threaten to impair national security": a ``person_infinitive_verbs`` verb
    with an infinitive whose subject is a thing (no name, organisation, place or personal
    pronoun or office; a relative pronoun stands for the noun it follows)."""
    if tok.lemma_.lower() not in lex.person_infinitive or not any(c.dep_ == "xcomp" for c in tok.children):
        return False
    subject = _subject(tok)
    if subject is not None and subject.lower_ in {"that", "which"} and subject.head.dep_ == "relcl":
        subject = subject.head.head
    if subject is None:
        return False
    return not (subject.lower_ in PERSONAL or subject.ent_type_ in SPEAKER_ENTS or subject.pos_ == "PROPN"
                or subject.lower_ in ROLE_SYNONYMS)  # "the minister threatened to resign"


# Endings of nouns for people who do something ("voters", "residents", "critics", "participants",
# "employees", "representatives"); "-ment" ("investment") names a thing.
AGENT_ENDINGS = ("er", "or", "ist", "ian", "ent", "ant", "ee", "ive", "ite", "ic", "crat", "ary", "yst")
# ... and compounds of a noun for people ("businessman", "spokeswoman", "chairperson", "townspeople").
PEOPLE_ENDINGS = ("man", "men", "woman", "women", "person", "people", "folk")


def _holds_views(tok, lex: Lexicon) -> bool:
    """True for a subject that can hold a stance: a personal pronoun ("it" too: a newspaper, a
    party), a name, organisation, place or people, an office, a share of people ("76%", "most"),
    a noun for people or a body of people (``people_nouns``), or an agent noun ("residents");
    not a sum of money or a thing ("no taxpayer dollars", "these import volumes")."""
    if tok.lower_ in {"that", "which"} and tok.head.dep_ == "relcl":
        tok = tok.head.head
    lemma = tok.lemma_.lower()
    if tok.lower_ in PERSONAL | {"it"} or tok.ent_type_ in SPEAKER_ENTS or tok.pos_ == "PROPN" \
            or tok.lower_ in ROLE_SYNONYMS or lemma in ROLE_SYNONYMS:
        return True
    if tok.ent_type_ in {"MONEY", "QUANTITY"}:
        return False
    if tok.pos_ == "NUM" or tok.ent_type_ == "PERCENT" or tok.text == "%":
        return True
    return lemma in lex.people_nouns or tok.lower_ in lex.people_nouns or lemma.endswith(PEOPLE_ENDINGS) or (
        lemma.endswith(AGENT_ENDINGS) and not lemma.endswith("ment"))


def _thing_holds_stance(tok, lex: Lexicon) -> bool:
    """ "no taxpayer dollars support foreign organizations": a ``person_stance_verbs`` verb whose
    subject cannot hold a view (see :func:`_holds_views`), unlike "Most residents oppose it"; an
    ``evidence_verbs`` verb whose subject is neither someone nor a text ("this indicates that ...",
    "these triumphs underscore ...", unlike "the report shows"); a ``deed_verbs`` verb whose
    subject is a people, a nation or a body ("a proud people have repeatedly shown that ...", "the
    army demonstrated that ...": what they did)."""
    lemma = cue_lemma(tok, lex)
    if lemma not in lex.person_stance and lemma not in lex.evidence_verbs and lemma not in lex.deeds:
        return False
    subject = _subject(tok)
    if lemma in lex.deeds and subject is not None and (subject.lemma_.lower() in lex.people_nouns
                                                      or subject.lower_ in lex.people_nouns):
        return True  # "a proud people have shown that they will not tolerate ...": a deed
    if subject is None or _holds_views(subject, lex):
        return False
    return lemma in lex.person_stance or not is_text(subject, lex)


def _stance_as_purpose(tok, lex: Lexicon) -> bool:
    """ "provides $20 million to support youth suicide prevention", "a program to support farmers",
    "To further support children's success, I encourage ...": a ``person_stance_verbs`` verb in a
    to-infinitive that tells what a deed or a thing is for says what the money or the work does,
    not a view anyone stated ("The senator wants to support the bill" is the wanting's)."""
    return cue_lemma(tok, lex) in lex.person_stance and tok.tag_ == "VB" and tok.dep_ in {"advcl", "acl"} \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def is_text(tok, lex: Lexicon) -> bool:
    """A text, count or gathering that speaks without being a person ("the report", "polls",
    "the talks"; ``text_nouns``, ``medium_nouns``); a relative pronoun stands for its noun."""
    if tok.lower_ in {"that", "which"} and tok.head.dep_ == "relcl":
        tok = tok.head.head
    return tok.lemma_.lower() in lex.text_nouns or tok.lower_ in lex.text_nouns


def _opens_item(tok) -> bool:
    """A capitalised word that opens its sentence or list item ("21. Announced ...", "- Declared ...")."""
    return tok.text[:1].isupper() and not any(
        not (t.is_punct or t.like_num or t.is_space) for t in tok.doc[tok.sent.start:tok.i])


def _nobody_speaks(tok) -> bool:
    """A verb nobody is the subject of, in the active: one that opens an item of a list of deeds
    ("19. Laid out a plan to ...", "- Declared May 8 as ..."), or a participle or infinitive inside
    another phrase ("designated as terrorists for supporting Hamas", "a station, encouraging
    children to ...", "12. Directed the Secretary to declare that ..."). A participle that opens
    a paragraph of a memorandum ("Affirming the common desire ...") is left to its signatories."""
    if any(c.dep_ in PASSIVE_DEPS for c in tok.children) or _subject(tok) is not None:
        return False
    return (tok.tag_ in {"VBD", "VBN"} and tok.dep_ == "ROOT" and _opens_item(tok)) or \
        (tok.tag_ in {"VBG", "VB"} and tok.dep_ != "ROOT")


CLOSING_MARKS = {"”", '"', "’", "'", "»", "''"}
# The reason a speaker gives is part of the claim ("said Vale is unfit, because he put lives at
# risk"), not the writer's aside, however a comma sets it off.
REASON_MARKS = {"because"}
# Relative words that open the writer's background on a named person, a place or a time.
PERSON_RELATIVES = {"who", "whom", "whose"}
PLACE_RELATIVES = {"where", "when"}


def _background(relcl) -> bool:
    """True for a relative clause that tells who a named person is or what happened at a place or
    time (", who was his chief of staff", ", where Republicans will select a nominee"), not what a
    people or a thing does (", who must know that they are not alone", ", which impedes talks")."""
    word = relcl.doc[relcl.left_edge.i].lower_
    return word in PLACE_RELATIVES or (word in PERSON_RELATIVES and relcl.head.pos_ == "PROPN")


def _trailing_aside(doc, ids: set, lex: Lexicon, proposal: bool = False) -> set:
    """The aside that ends a reported clause after a comma, which is the writer's, not the
    speaker's: ", citing the strategic importance of ...", ", although it may take days",
    ", and rights groups warned that ..." (another speaker). In a ``proposal`` (an agreement, a
    pledge, a readout's impersonal "It was noted that") a participle may say how the act would be
    done (:func:`_manner_of_proposal`) and stays."""
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
                                         and not (proposal and _manner_of_proposal(t, lex)))
                                        or _when_clause(t) or any(
            c.dep_ == "mark" and c.lower_ in ADJUNCT_MARKS - REASON_MARKS for c in t.children))) or \
            (t.dep_ == "conj" and t.lemma_.lower() in lex.acts and any(c.dep_ == "nsubj" for c in t.children)) or \
            (t.dep_ == "relcl" and _background(t))
        if aside:
            return {x.i for x in t.subtree} | set(range(comma.i, start))
    return set()


FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}


def _subject_hung_on_the_cue(cue_tok, clause, lex: Lexicon) -> set | None:
    """ "said the way the council treated the workers “would be disqualifying” nowadays": the
    parser may hang a long subject of the reported clause on the cue (as an object or an
    adverbial noun) and leave the clause without one. Its tokens are the noun phrase (with the
    phrases hung beside it) that ends right before a finite reported clause with no subject of
    its own; None when there is none (a verb of telling keeps its addressee: "told reporters ...")."""
    if clause.dep_ != "ccomp" or _has_subject(clause) or clause.i < cue_tok.i or cue_tok.lemma_.lower() in lex.addressee \
            or not any(t.tag_ in FINITE_TAGS for t in [clause, *(c for c in clause.children if c.dep_ == "aux")]):
        return None
    doc, start = clause.doc, clause.left_edge.i
    while start > 0 and doc[start - 1].is_quote:
        start -= 1
    noun = next((c for c in cue_tok.children if c.dep_ in {"npadvmod", "dobj"} and cue_tok.i < c.i
                 and c.pos_ in {"NOUN", "PROPN", "PRON"}), None)
    if noun is None:
        return None
    # the noun and what the parser hung beside it on the cue ("“Fellization” [in the form of
    # “slander”] had started to ...") fill the words up to the clause
    words = {t.i for c in cue_tok.children if c.i >= noun.i and c.i < start and c.dep_ in {"npadvmod", "dobj", "prep"}
             for t in c.subtree}
    return words if set(range(noun.left_edge.i, start)) <= words else None


def _manner_of_proposal(participle, lex: Lexicon) -> bool:
    """True for a participle that says how a proposed or possible act would be done, inside what
    was said: "agreed to expand cooperation ..., [taking] into account the situation", "It was
    noted that Brussels could influence the Kiev authorities, [compelling] them to stop ..." (its
    verb is bare: an infinitive or after a modal). A speech verb's participle (", citing weak
    demand") is still the writer's aside, and so is one after a fact ("profits fell, prompting ...")."""
    return participle.head.tag_ == "VB" and cue_lemma(participle, lex) not in lex.acts


def _has_subject(verb) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


def _next_statements(cue_tok, clause, lex: Lexicon) -> set:
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
        same_speaker = t.tag_ == cue_tok.tag_ and t.lemma_.lower() in lex.acts and not _has_subject(t) \
            and t.head.tag_ != t.tag_
        other_speaker = t.head.i == clause.i and t.lemma_.lower() in lex.verbs and _has_subject(t) \
            and not _introduced(t) and any(c.dep_ == "ccomp" for c in t.children)
        if same_speaker or other_speaker:
            out |= {x.i for x in t.subtree} | {c.i for c in t.head.children if c.dep_ == "cc" and c.i < t.i}
    return out


PRESENT_TAGS = {"VBP", "VBZ"}


def _goes_on_with_clause(cue_tok, clause, conj, lex: Lexicon) -> bool:
    """True for a present-tense verb with no subject that the parser coordinated with a past-tense
    cue although it goes on with the cue's present-tense clause: "It was emphasised that Russia
    and China have overlapping positions, [uphold] the principles of international law, [seek]
    to build ..." (a verb in the present never shares the subject of a past one)."""
    present = lambda v: v.tag_ in PRESENT_TAGS or any(c.dep_ in {"aux", "auxpass"} and c.tag_ in PRESENT_TAGS
                                                     for c in v.children)
    return cue_tok.tag_ in {"VBD", "VBN"} and conj.tag_ in PRESENT_TAGS | {"VB"} and not _has_subject(conj) \
        and not any(c.dep_ == "aux" for c in conj.children) \
        and _has_subject(clause) and present(clause) and cue_lemma(conj, lex) not in lex.acts


def _opened_by_that(clause) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _introduced(clause) -> bool:
    """True for a clause opened by "that", "whether", "if" ... (a reported clause, not a sentence)."""
    return any(c.dep_ == "mark" for c in clause.children)


def _first_of_list(cue_tok, head, lex: Lexicon) -> bool:
    """True for the first verb of a list the parser hung under a later one ("thanked X ..." under
    "welcomed Y" in "Biden thanked X, welcomed Y"): a statement of its own, not what it says."""
    listed = verb_list(cue_tok, lex)
    return listed is not None and listed.first.i == head.i


def _predicate_of_the_sentence(cue_tok, clause) -> bool:
    """True for a clause with a modal and no subject, after a comma, that the parser hangs on a
    past form right after its noun, which is really a participle describing that noun: in "the
    national emergency declared in Executive Order 12957 on March 15, 1995, must continue in
    effect", "must continue" is the sentence's own predicate and nothing was declared in it."""
    doc = cue_tok.doc
    subject = next((c for c in cue_tok.children if c.dep_ == "nsubj"), None)
    return clause.dep_ == "ccomp" and clause.i > cue_tok.i and cue_tok.tag_ in {"VBD", "VBN"} \
        and subject is not None and subject.pos_ == "NOUN" and subject.i == cue_tok.i - 1 \
        and not any(c.dep_ in {"aux", "auxpass"} for c in cue_tok.children) \
        and not _has_subject(clause) and not any(c.dep_ in {"expl", "csubj"} for c in clause.children) \
        and any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children) \
        and doc[clause.left_edge.i - 1].text == ","


def _fronted_infinitive(cue_tok, head) -> bool:
    """True for a subjectless infinitive the parser hangs before a cue that has its content after
    it: "In view of the anniversary, [to be observed in April], Putin invited Pashinyan to pay a
    visit" (a phrase of the sentence's opening, not what was said)."""
    return head.dep_ == "ccomp" and head.i < cue_tok.i and not _has_subject(head) \
        and any(c.dep_ in {"aux", "auxpass"} and c.lower_ == "to" for c in head.children) \
        and any(c.dep_ in CONTENT_DEPS and c.i > cue_tok.i for c in cue_tok.children)


def _sibling_statement(cue_tok, head, lex: Lexicon) -> bool:
    """True for a clause the parser hangs on a cue that is a statement of its own: a parenthetical
    attribution ("Instead, she said, her boss told her ..."), a bare speech verb ("One in three
    said A and [one in four said] B", its subject lost to the list before it), or a speech verb
    with its own subject, before the cue with a semicolon between ("[Six in 10 said A]; 46
    percent said B") or a comma when the cue has its own clause ("[Reyes asked for X], Brook
    agreed to ..."), or after the cue's clause and "and" ("Six in 10 said A, and [three-quarters
    said the same of B]")."""
    if head.dep_ not in {"ccomp", "parataxis"} or head.lemma_.lower() not in lex.verbs or _introduced(head):
        return False
    if head.dep_ == "parataxis" and _has_subject(head) and not any(c.dep_ in CONTENT_DEPS for c in head.children):
        return True  # "Instead, [she said], her boss told her ...": the attribution of the clause
    if not _has_subject(head):
        return head.i > cue_tok.i and any(c.dep_ in CONTENT_DEPS for c in head.children)
    doc = head.doc
    if head.i > cue_tok.i:
        return head.left_edge.i > cue_tok.i + 1 and doc[head.left_edge.i - 1].dep_ == "cc"
    # "[Reyes asked for air defense systems], President Brook agreed to work with him ...": two
    # statements spliced with a comma, when the cue has its own content after it
    spliced = doc[head.right_edge.i + 1].text == "," and any(c.dep_ in CONTENT_DEPS and c.i > cue_tok.i
                                                             for c in cue_tok.children)
    return spliced or any(doc[i].text == ";" for i in range(head.right_edge.i + 1, cue_tok.i))


def _clause_under_venue(verb):
    """The reported clause the parser hung on the place or time of speaking as a relative clause:
    "said during a news conference [that he may wait until February]", "told reporters at an
    event on Friday [that the bill would pass]". Its "that" opens a clause, not a relative one
    (it is neither the subject nor the object of the clause), and the clause has its own
    subject; None when the verb has no such clause ("spoke at a rally that drew thousands")."""
    stack = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in VENUE_PREPS | {"to", "after"}]
    while stack:
        tok = stack.pop()
        for c in tok.children:
            if c.dep_ in {"pobj", "prep"}:
                stack.append(c)
            elif c.dep_ in {"relcl", "acl"} and c.i > verb.i and _opened_by_that(c) and _has_subject(c) \
                    and c.pos_ in {"VERB", "AUX"}:
                return c
    return None


def _short_answer(verb, lex: Lexicon):
    """The word a verb of saying or thinking gives as its whole answer, right after it: "the
    candidate said [no]", "half said [so] in December", "three-quarters said [the same] of Sanders",
    "Vale apparently thinks [so]" (``answer_words`` in ``data/speech_verbs.yml``); None for any
    other object ("said a prayer")."""
    for c in verb.children:
        if c.dep_ in {"intj", "dobj", "advmod"} and c.lower_ in lex.answer_words and c.left_edge.i == verb.i + 1 \
                and not any(g.dep_ in {"acl", "relcl"} for g in c.children):
            return c
    return None


def _asked(verb, clause, lex: Lexicon) -> bool:
    """ "asked the students if they were always so serious": the parser hangs the question after
    a verb of asking (``question_verbs``) as an adverbial clause; it is what was asked."""
    return clause.dep_ == "advcl" and clause.i > verb.i and verb.lemma_.lower() in lex.question and any(
        c.dep_ == "mark" and c.lower_ in {"if", "whether"} for c in clause.children)


WHEN_WORDS = {"when", "whenever", "while", "where", "once"}


def _when_clause(verb) -> bool:
    """ "He avoided criticism of Trump until recent days, [when he expressed concern that ...]": a
    cue in a clause of time or place reports its own content, not the sentence it hangs on."""
    return any(c.dep_ == "advmod" and c.lower_ in WHEN_WORDS for c in verb.children)


def _stance_in_passing(tok, lemma: str, lex: Lexicon) -> bool:
    """"a group backing Bush", "Black voters ..., supporting her by a wide margin", "his judgment
    in supporting the war": a stance verb (a thought act with a noun-phrase object: support,
    back, oppose) in its -ing form describes a side taken, not a position anyone stated."""
    return tok.tag_ == "VBG" and lemma in lex.belief and (lemma, "") in lex.objects and not any(
        c.dep_ in {"aux", "auxpass"} for c in tok.children)


EDITORIAL_NOUNS = {"story", "article", "post", "report", "piece", "version", "column", "page"}


def _editors_note(tok, passive: bool) -> bool:
    """"This story has been updated to include comments from ...": an editor's note about the
    text itself, not anything said."""
    return passive and any(c.dep_ == "nsubjpass" and c.lemma_.lower() in EDITORIAL_NOUNS for c in tok.children)


def _verb_cue(tok, lex: Lexicon, blocked: set) -> Cue | None:
    """A cue headed by a verb: a speech or thought verb with its clause or infinitive, a speech
    verb with a noun-phrase object ("reaffirmed Russia's readiness to ..."), a light verb with a
    speech noun ("expressed concern about X"), or a verb and a preposition ("called for X")."""
    if tok.i in blocked or tok.pos_ not in {"VERB", "AUX"}:
        return None
    lemma = cue_lemma(tok, lex)
    belief, speech = lemma in lex.belief, lemma in lex.verbs
    frame = object_frame(tok, lex)
    if not (speech or belief or frame.takes_object or frame.preps or frame.for_clause is not None
            or lemma in lex.light or lemma in lex.naming) \
            or _not_said(tok, lex):
        return None
    passive = any(c.dep_ in PASSIVE_DEPS for c in tok.children)
    if _stance_in_passing(tok, lemma, lex) or _editors_note(tok, passive):
        return None
    cue = Cue([tok], tok.sent, belief=belief, act=lex.acts.get(lemma, "says"), quote_only=lemma in lex.quote_only)
    cue.source = _subject(tok)
    source_ids = {t.i for t in cue.source.subtree} if cue.source is not None and cue.source.head.i == tok.i else set()
    aside = clause_read_from_name(tok) if cue.source is not None and cue.source.head.i != tok.i else None
    if aside is not None and cue.source.head.i == aside.i:  # '"...," said Ivo Okafor, asked about ...'
        source_ids = {t.i for t in aside.subtree}
    exclude = source_ids | {tok.i}
    if speech or belief:
        # a thought counts with a clause, or an infinitive in the active ("wants to meet", not
        # "is thought to be")
        heads = [c for c in tok.children if (c.dep_ in CONTENT_DEPS or _asked(tok, c, lex)) and not (
            belief and (c.dep_ == "parataxis" or (c.dep_ == "xcomp" and (passive or c.pos_ not in {"VERB", "AUX"}))))
            and not _sibling_statement(tok, c, lex) and not _fronted_infinitive(tok, c)
            and not infinitive_of_prep_object(c, frame) and not _first_of_list(tok, c, lex)
            and not _predicate_of_the_sentence(tok, c) and not listed_after_object(c)]
        venue_clause = _clause_under_venue(tok) if speech and not heads and not passive else None
        if venue_clause is not None:
            heads = [venue_clause]
        for c in tok.children:  # a sibling statement's lost subject is not what this cue reports
            if _sibling_statement(tok, c, lex) and _lost_subject(c) is not None:
                exclude = exclude | {t.i for t in _lost_subject(c).subtree}
        for h in heads:
            cue.content |= _clause_tokens(h, exclude) - _next_statements(tok, h, lex)
            cue.content |= _subject_hung_on_the_cue(tok, h, lex) or set()
            for c in tok.children:  # "it was emphasised that X have ..., consistently uphold ..., seek to ..."
                if c.dep_ == "conj" and c.i > h.i and _goes_on_with_clause(tok, h, c, lex):
                    cue.content |= _clause_tokens(c, exclude) | set(range(h.right_edge.i + 1, c.left_edge.i))
            if h.dep_ == "xcomp" and h.tag_ == "VB":  # "wants to triple X, grow Y and create Z"
                for c in tok.children:
                    if c.dep_ == "conj" and c.tag_ == "VB" and c.i > h.i:
                        cue.content |= _clause_tokens(c, exclude) | {t.i for t in tok.children if t.dep_ == "cc" and h.i < t.i < c.i}
        if not heads and not belief and (tok.dep_ == "parataxis" or (
                tok.dep_ == "advcl" and tok.i > tok.head.i and not _introduced(tok) and _has_subject(tok)
                and not _when_clause(tok))):
            # "X, he said, is Y", "X is Y, she said" (which the parser may hang as an adverbial);
            # also over a clause read as a noun phrase ("In both cases, Eric Trump said, those
            # donations paid for ...")
            cue.content = _clause_tokens(tok.head, {t.i for t in tok.subtree})
        elif not heads and not belief and cue.source is not None:
            cue.content = _as_attributed(tok, lex) or _closing_attribution(tok, cue.source, lex)
    answer = _short_answer(tok, lex) if not cue.content and cue.act in {"says", "believes"} else None
    if answer is not None:
        cue.content, cue.answer = object_content(tok, answer, exclude), True
    object_statement(tok, cue, frame, lex, exclude, passive)
    if not (speech or belief) and not cue.content:
        return None
    cue.act = content_act(tok, cue, lex)
    proposal = cue.act in {"agrees", "promises"} or (passive and cue.source is None)
    cue.content -= _trailing_aside(tok.doc, cue.content, lex, proposal)
    cue.subtree = set()
    for child in tok.children:  # the verb's arguments, not its time, place or other clauses
        if child.dep_ in ARGUMENT_DEPS or (child.dep_ == "prep" and child.lower_ in ARGUMENT_PREPS):
            cue.subtree |= {t.i for t in child.subtree}
    cue.subtree -= source_ids
    return cue


# What a cue that reports a clause elsewhere in its sentence may hold besides its subject: time,
# place, manner and its agent ("as first reported by the Post", "as I mentioned above").
BARE_CUE_DEPS = {"nsubj", "nsubjpass", "aux", "auxpass", "mark", "advmod", "npadvmod", "agent", "punct"}
VENUE_PREPS = {"in", "on", "at", "during"}


def _bare(tok, lex: Lexicon, start: int = 0, also: frozenset | set = frozenset()) -> bool:
    """True for a cue verb with no argument of its own (from token ``start`` on) but its subject
    and where, when and how it spoke; its addressee too for a verb of telling ("told The
    Huffington Post"); the tokens ``also`` (a speech adjective's "clear") count as the cue's own."""
    # "the teams can agree on all aspects": a cue's own preposition ("agree on") is what it says, no venue
    return all(c.i < start or c.i in also or c.dep_ in BARE_CUE_DEPS or (
        c.dep_ == "prep" and c.lower_ in VENUE_PREPS and (tok.lemma_.lower(), c.lower_) not in lex.preps)
               or (c.dep_ in {"dobj", "dative"} and tok.lemma_.lower() in lex.addressee and c.i > tok.i)
               for c in tok.children)


def _ends_sentence(tok) -> bool:
    sent = tok.sent
    return all(t.is_punct or t.is_space for t in tok.doc[tok.right_edge.i + 1:sent.end])


def _as_attributed(tok, lex: Lexicon, also: frozenset | set = frozenset()) -> set:
    """ "As POLITICO has reported, cases that led to charges included ...", "as reported by the
    Post, ...", "..., as I mentioned above.": a bare cue in an "as" clause that opens or ends its
    sentence reports the clause it hangs on (not "as she angrily said, “...”", where "as" is
    "while"), when it names its source ("as agreed during the call" names nobody: the clause is
    the readout's own)."""
    if tok.dep_ != "advcl" or tok.head.i == tok.i or not _bare(tok, lex, also=also) or not any(
            c.dep_ == "mark" and c.lower_ == "as" for c in tok.children) \
            or not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "agent" for c in tok.children):
        return set()
    before = tok.i < tok.head.i
    if not before and not _ends_sentence(tok):
        return set()
    clause = _clause_tokens(tok.head, {t.i for t in tok.subtree})
    # what stands on the other side of the "as" clause from the clause's words ("However, as ...")
    return {i for i in clause if i > tok.right_edge.i} if before else {i for i in clause if i < tok.left_edge.i}


def _closing_attribution(tok, source, lex: Lexicon) -> set:
    """ "Clinton marched in the parade, CNN reported.", "..., his top aide, Tad Devine, told The
    Huffington Post.": a bare cue whose subject follows a comma and that ends its sentence
    reports the clause before the comma, wherever the parser hung that clause."""
    sent, doc = tok.sent, tok.doc
    comma = source.left_edge.i - 1
    if comma <= sent.start or doc[comma].text != "," or source.i > tok.i or not _bare(tok, lex, comma) \
            or not _ends_sentence(tok) or any(t.is_quote for t in doc[tok.i + 1:sent.end]):
        return set()  # ('..., Tom Dale replied, “Well, maybe so.”' reports the quotation)
    before = range(sent.start, comma)
    clause = any(doc[i].tag_ in FINITE_TAGS and any(c.dep_ in SUBJECT_DEPS for c in doc[i].children)
                 for i in before)
    return set(before) if clause else set()


def _adjective_cue(tok, lex: Lexicon, blocked: set) -> Cue | None:
    """'President Biden was clear that ...', 'made clear that ...': a speech adjective after "be"
    or "make" with a clause; "It is clear that ..." is the writer's own voice, not a cue."""
    head = tok.head
    if tok.i in blocked or tok.pos_ != "ADJ" or tok.lower_ not in lex.adjectives \
            or tok.dep_ not in {"acomp", "oprd", "ccomp", "xcomp"} or head.lemma_.lower() not in {"be", "make"}:
        return None
    source = _subject(head)
    if source is None or source.lower_ == "it":
        return None
    # "made it clear that she has concerns": the parser may hang the that-clause as an adverbial,
    # and "voiced X and made clear that ..." as the adjective's subject
    clause = [c for c in tok.children if c.dep_ == "ccomp" or (c.dep_ in {"advcl", "csubj"} and _opened_by_that(c))] or \
        [c for c in head.children if c.dep_ == "ccomp" and c.i > tok.i]
    # "As President Biden made clear, Russia will pay ...": the clause the "as" clause hangs on
    attributed = _as_attributed(head, lex, also={tok.i}) if not clause else set()
    if not clause and not attributed:
        return None
    cue = Cue(sorted([head, tok], key=lambda t: t.i), tok.sent, source=source)
    source_ids = {t.i for t in source.subtree} if source.head.i == head.i else set()
    cue.content = _clause_tokens(clause[0], source_ids | {head.i, tok.i}) if clause else attributed
    cue.subtree = set(cue.content)
    cue.act = content_act(head, cue, lex)
    return cue


def _stance_adjective_cue(tok, lex: Lexicon, blocked: set) -> Cue | None:
    """"The leaders were supportive of maintaining the JCPOA": a ``stance_adjectives`` adjective
    after "be", with its preposition, whose subject can hold a view; the stance is the
    preposition's object (act ``believes``, as for "supported"). "President Reyes was grateful
    for X" (``feeling_adjectives``) is a feeling a readout reports as expressed (act ``says``, as
    for "expressed gratitude for X")."""
    stance = tok.lower_ in lex.stance_adjectives
    wanted = lex.stance_adjectives.get(tok.lower_, lex.feeling_adjectives.get(tok.lower_))
    if wanted is None or tok.i in blocked or tok.pos_ != "ADJ" or tok.dep_ != "acomp" or tok.head.lemma_ != "be":
        return None
    source = _subject(tok.head)
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == wanted), None)
    if source is None or prep is None or not _holds_views(source, lex):
        return None
    cue = Cue(sorted([tok.head, tok], key=lambda t: t.i), tok.sent, source=source, belief=stance,
              act="believes" if stance else "says")
    cue.content = {t.i for t in prep.subtree} - {prep.i}
    cue.subtree = set(cue.content)
    return cue if cue.content else None


def _noun_cue(tok, lex: Lexicon, blocked: set) -> Cue | None:
    """"Trump's claim that Mexico will pay", "his promise to build a wall", "a call by the mayor
    to end the strike": a noun that is also a cue verb (same word: claim, promise, call, demand ...),
    with the clause or infinitive it introduces and whose it is (a possessive, or "by X")."""
    lemma = tok.lemma_.lower()
    if tok.i in blocked or tok.pos_ != "NOUN" or lemma not in (lex.verbs | lex.belief) - lex.quote_only:
        return None
    clause = next((c for c in tok.children if c.dep_ in {"acl", "ccomp"} and (
        _opened_by_that(c) or (c.tag_ == "VB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)))), None)
    source = next((c for c in tok.children if c.dep_ == "poss"), None)
    if source is None:
        agent = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    # "Pence's call for a special prosecutor": the noun of a verb-and-preposition cue with that
    # preposition ("call for", ``preposition_cues``) says what was asked for
    prep = next((c for c in tok.children if c.dep_ == "prep" and (lemma, c.lower_) in lex.preps), None)
    if (clause is None and prep is None) or source is None:
        return None
    act = lex.acts.get(lemma, "says") if clause is not None else lex.preps[(lemma, prep.lower_)]
    cue = Cue([tok], tok.sent, source=source, belief=lemma in lex.belief, act=act)
    cue.content = _clause_tokens(clause, {tok.i}) if clause is not None else {t.i for t in prep.subtree} - {prep.i}
    # "Responding to X's call for contact with Y, [the President] reaffirmed ...": not Y's title
    subject = subject_read_as_apposition(tok.sent.root)
    if subject is not None:
        cue.content -= {t.i for t in subject.subtree} | {subject.left_edge.i - 1}
    cue.subtree = set(cue.content)
    return cue


def _whose_weight(noun, content_prep, lex: Lexicon):
    """Who put the weight a passive or "be" names: "the emphasis [on both sides] was on X",
    "emphasis by the two leaders was laid on X" (a person or a joint subject); None when nobody."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.i != content_prep.i and prep.lower_ in {"on", "by", "from", "of"}:
            who = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if who is not None and (who.lemma_.lower() in lex.joint_subjects or who.lower_ in lex.joint_subjects
                                    or who.ent_type_ == "PERSON"):
                return who
    return None


def _focus_cue(tok, lex: Lexicon, blocked: set) -> Cue | None:
    """"Attention was drawn to X", "Putin drew attention to X", "The emphasis was on X": a noun
    of weight with its verb (``focus_nouns``), whose preposition's object is what was said. The
    speaker is the active verb's subject; a passive or "The emphasis was on" names nobody, so the
    text's main speaker is taken later, as for "It was emphasised that"."""
    # the tagger may read a capitalised noun that opens the sentence as a name ("Emphasis was placed on X")
    noun = tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.i == tok.sent.start)
    frame = focus_frame(tok, lex) if noun and tok.i not in blocked else None
    if frame is None or frame[0].i in blocked:
        return None
    verb, prep = frame
    # the cue is the noun and its verb ("Attention was drawn", "drew attention"), the noun alone beside "be"
    cue = Cue([tok] if verb.lemma_.lower() == "be" else sorted([tok, verb], key=lambda t: t.i), tok.sent)
    cue.source = _subject(verb) if tok.dep_ == "dobj" else _whose_weight(tok, prep, lex)
    source_ids = {t.i for t in cue.source.subtree} if cue.source is not None and cue.source.head.i == verb.i else set()
    # what the preposition governs, and what the verb adds after it: "emphasis was laid on [further
    # cooperation ..., including in the Arctic]"
    cue.content = {t.i for t in prep.subtree} - {prep.i} - source_ids
    if not cue.content:
        return None
    if prep.head.i == verb.i:
        cue.content |= inclusion_after(verb, cue.content) - source_ids
    cue.subtree = set(cue.content)
    return cue


def _participle_cue(tok, lex: Lexicon, blocked: set) -> Cue | None:
    """"The importance of a constructive dialogue was underscored" where the parser reads the
    participle as an adjective: a passive object verb, whose subject is what was said and whose
    speaker the text's main speaker, as for "It was emphasised that"."""
    found = participle_read_as_adjective(tok, lex) if tok.i not in blocked else None
    if found is None or refers_back(found[1]) or found[1].i in blocked:
        return None
    lemma, subject = found
    cue = Cue([tok], tok.sent, act=lex.acts.get(lemma, "says"))
    cue.content = {t.i for t in subject.subtree}
    if tok.dep_ == "acomp":  # "..., in particular, in the context of the upcoming summit": what about
        cue.content |= {t.i for c in tok.head.children if c.dep_ == "prep" and c.i > tok.i and opens_topic(c)
                        for t in c.subtree}
    if not cue.content - bare_noun(subject):  # "The issue was raised": a bare subject says nothing
        return None
    cue.subtree = set(cue.content)
    return cue


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


def _phrase_cues(doc, lex: Lexicon, blocked: set) -> list[Cue]:
    """'according to X': the source is X, the content the clause the phrase modifies."""
    cues = []
    lower = [t.lower_ for t in doc]
    for phrase in lex.phrases:
        n = len(phrase)
        for i in range(len(doc) - n + 1):
            if tuple(lower[i:i + n]) != phrase or i in blocked:
                continue
            toks = list(doc[i:i + n])
            last = toks[-1]
            pobj = next((c for c in last.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            anchor = toks[0].head
            while anchor.pos_ not in {"VERB", "AUX"} and anchor.head.i != anchor.i:
                anchor = anchor.head
            phrase_ids = {t.i for tk in toks for t in tk.subtree} | {t.i for t in toks}
            cue = Cue(toks, toks[0].sent, source=pobj)
            cue.content = _phrase_content(toks[0].sent, phrase_ids) or {t.i for t in anchor.subtree} - phrase_ids
            cue.subtree = set(cue.content)
            cues.append(cue)
    return cues


# Marks that close a quotation a verb may follow; not the straight apostrophe, which ends words ("Jones'").
QUOTATION_CLOSERS = {"”", "\"", "''", "»", "’"}
QUOTATION_ENDS = {",", "?", "!", "—", "–", "--", "...", "…"}
# what may stand between the speaker and the verb: "Trump then shot back", "he had replied"
BETWEEN_SPEAKER_AND_VERB = {"ADV", "AUX", "PART"}


def _verb_after_quotation(tok, lex: Lexicon, blocked: set) -> Cue | None:
    """ '“Jane wants to be a tough guy,” Tom Fell shot back.', '“Enough,” an angry Doe
    retaliated.', '“You know?” Roe went on.': a verb outside the lexicon is a cue for the
    quotation it follows when the quotation ends with a comma, a question or an exclamation mark
    and only its speaker (someone who can speak) stands between the closing mark and the verb.
    That shape is an attribution whatever the verb; the verb takes no object of its own."""
    if tok.i in blocked or tok.pos_ != "VERB" or cue_lemma(tok, lex) in lex.cue_verbs:
        return None
    speaker = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
    if speaker is None or not _holds_views(speaker, lex) or speaker.lower_ in {"it", "that", "this", "which"} \
            or any(c.dep_ in {"dobj", "ccomp", "xcomp", "attr", "dative"} and c.i > speaker.i for c in tok.children):
        return None
    left, doc = speaker.left_edge.i, tok.doc
    if left < 2 or doc[left - 1].text not in QUOTATION_CLOSERS or doc[left - 2].text not in QUOTATION_ENDS \
            or any(t.pos_ not in BETWEEN_SPEAKER_AND_VERB for t in doc[speaker.right_edge.i + 1:tok.i]):
        return None
    particle = [c for c in tok.children if c.i == tok.i + 1 and (c.dep_ == "prt" or c.lower_ == "back")]
    cue = Cue([tok] + particle, tok.sent, act="says", quote_only=True)
    cue.source = speaker
    return cue


def cues_in(doc, lex: Lexicon, blocked: set) -> list[Cue]:
    """Every cue in a parsed paragraph, skipping tokens inside quotations and turns."""
    if not doc.has_annotation("DEP"):
        # Without a dependency parse there is no cue to find, and spaCy 3.8 can crash the
        # process (SIGSEGV) when Token.children is read on such a doc.
        return []
    cues = [c for t in doc for c in (_verb_cue(t, lex, blocked), _adjective_cue(t, lex, blocked),
                                     _noun_cue(t, lex, blocked), _focus_cue(t, lex, blocked),
                                     _participle_cue(t, lex, blocked), _stance_adjective_cue(t, lex, blocked),
                                     _verb_after_quotation(t, lex, blocked))
             if c is not None]
    return cues + _phrase_cues(doc, lex, blocked)


# ---------------------------------------------------------------- venue

def _venue_np(tok) -> str:
    """The words of a venue noun phrase without relative clauses or a leading article."""
    skip = {t.i for c in tok.children if c.dep_ in {"relcl", "acl", "appos"} for t in c.subtree}
    toks = [t for t in tok.subtree if t.i not in skip]
    text = "".join(t.text_with_ws for t in toks).strip().rstrip(",.;:")
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
            if pobj is None or pobj.ent_type_ in {"DATE", "TIME"}:
                continue
            if child.lower_ == "to" and h.i == tok.i and pobj.pos_ in {"PROPN", "NOUN"}:
                return _venue_np(pobj)
            if child.lower_ == "on" and pobj.pos_ == "PROPN":
                return _venue_np(pobj)
            if pobj.lemma_.lower() in lex.medium:
                for gc in pobj.children:
                    if gc.dep_ == "prep" and gc.lower_ in {"with", "on", "to"}:
                        target = next((c for c in gc.children if c.dep_ == "pobj"), None)
                        if target is not None:
                            return _venue_np(target)
    return ""


def _english_venue(cue: Cue, lex: Lexicon) -> str:
    return venue_of(cue, lex) if len(cue.tokens) == 1 else ""


FOLLOWING_WORDS = {"following", "below"}


def _following_statement(sent, lex: Lexicon) -> Cue | None:
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


def _introducing_cue(doc, lex: Lexicon) -> Cue | None:
    """The cue of a paragraph that ends with a colon to introduce the quotation below it:
    "Caddell continued:", "President Clinton released the following statement:", "He said:"
    (a cue verb, or a light verb with a speech noun, in the paragraph's last sentence)."""
    toks = [t for t in doc if not t.is_space]
    if not toks or not doc.has_annotation("DEP"):
        return None
    if toks[-1].text != ":":
        return _following_statement(toks[-1].sent, lex)
    for tok in reversed(list(toks[-1].sent)):
        lemma = tok.lemma_.lower()
        noun = next((c.lemma_.lower() for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in lex.nouns), None)
        if tok.pos_ in {"VERB", "AUX"} and (lemma in lex.verbs or (lemma in lex.light and noun)) \
                and not _not_said(tok, lex):
            act = lex.nouns[noun] if noun and lemma in lex.light else lex.acts.get(lemma, "says")
            return Cue([tok], tok.sent, source=_subject(tok), act=act)
    return None
