"""Stage 2, English grammar: the cues of a parsed paragraph (``cues_in``), what each one reports
and to whom (``kit.quotes_venue.venue_of``); who each one's subject is lives in ``kit.quotes_subject``, where
its clause ends in ``kit.quotes_clause``, and which cue words report nothing in ``kit.quotes_not_said``.

A cue is a verb from ``data/speech_verbs.yml`` that governs a clause, an infinitive or a
quotation, a speech verb or a light verb with a noun-phrase object (the readout forms of
``kit.quotes_readouts``), a speech adjective ("made clear that") or a phrase ("according to").
``kit.quotes`` turns cues and quotations into statements.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from .cues import Lexicon, cue_lemma
from .quotes_acts import content_act
from .quotes_clause import (CONTENT_DEPS, first_of_list, fronted_infinitive, goes_on_with_clause, has_subject,
                            introduced, name_rest, next_statements, opened_by_that, opened_by_wh, phrase_clause,
                            predicate_of_the_sentence, second_that_clause, sibling_statement, trailing_aside,
                            verb_above, view_owner, when_clause, who_is_to_act)
from .quotes_not_said import holds_views, not_said
from .quotes_extent import added_alike, inclusion_after
from .quotes_misread import misread_form
from .quotes_readouts import (bare_noun, focus_frame, infinitive_of_prep_object, listed_after_object, object_content,
                              object_frame, object_statement, opens_topic, participle_read_as_adjective,
                              present_read_as_adjective, promised_infinitive, refers_back)
from .quotes_subject import (PASSIVE_DEPS, SUBJECT_DEPS, _lost_subject, _subject, clause_read_from_name,
                             person_in_apposition, subject_read_as_apposition)

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
    aside: bool = False        # named in passing ("as he put it, “...”"): its comma hands nothing over


def _clause_tokens(head, exclude: set) -> set:
    return {t.i for t in head.subtree} - exclude


FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}



def _subject_hung_on_the_cue(cue_tok, clause, lex: Lexicon) -> set | None:
    """ "said the way the council treated the workers “would be disqualifying” nowadays": the
    parser may hang a long subject of the reported clause on the cue (as an object or an
    adverbial noun) and leave the clause without one. Its tokens are the noun phrase (with the
    phrases hung beside it) that ends right before a finite reported clause with no subject of
    its own; None when there is none (a verb of telling keeps its addressee: "told reporters ...")."""
    if clause.dep_ != "ccomp" or has_subject(clause) or clause.i < cue_tok.i or cue_tok.lemma_.lower() in lex.addressee \
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
            elif c.dep_ in {"relcl", "acl"} and c.i > verb.i and opened_by_that(c) and has_subject(c) \
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
    if tok.i in blocked or (tok.pos_ not in {"VERB", "AUX"} and not present_read_as_adjective(tok, lex)):
        return None
    lemma = cue_lemma(tok, lex)
    if lemma not in lex.cue_verbs and lemma not in lex.conversation:
        # No list names the verb, so neither can its object frame (most verbs of a news story):
        # the test below would fail, and reading the frame first took a tenth of the rules' time.
        return None
    belief, speech = lemma in lex.belief, lemma in lex.verbs
    frame = object_frame(tok, lex)
    if not (speech or belief or frame.takes_object or frame.preps or frame.for_clause is not None
            or lemma in lex.light or lemma in lex.light_nouns or lemma in lex.naming) \
            or not_said(tok, lex):
        return None
    passive = any(c.dep_ in PASSIVE_DEPS for c in tok.children)
    if _stance_in_passing(tok, lemma, lex) or _editors_note(tok, passive):
        return None
    cue = Cue([tok], tok.sent, belief=belief, act=lex.acts.get(lemma, "says"), quote_only=lemma in lex.quote_only)
    cue.source = person_in_apposition(_subject(tok))
    source_ids = {t.i for t in cue.source.subtree} if cue.source is not None and cue.source.head.i == tok.i else set()
    if cue.source is not None and cue.source.dep_ == "pobj" and cue.source.head.head.i == tok.i:
        source_ids = {t.i for t in cue.source.head.subtree}  # "was expressed [on both sides]", "[by X]"
    aside = clause_read_from_name(tok) if cue.source is not None and cue.source.head.i != tok.i else None
    if aside is not None and cue.source.head.i == aside.i:  # '"...," said Ivo Okafor, asked about ...'
        source_ids = {t.i for t in aside.subtree}
    exclude = source_ids | {tok.i}
    within = False  # the cue stands inside the sentence it reports ("X, he said, is Y")
    if speech or belief:
        # a thought counts with a clause, or an infinitive in the active ("wants to meet", not
        # "is thought to be")
        heads = [c for c in tok.children if (c.dep_ in CONTENT_DEPS or _asked(tok, c, lex)
                                             or promised_infinitive(tok, c, lex)) and not (
            belief and (c.dep_ == "parataxis" or (c.dep_ == "xcomp" and (passive or c.pos_ not in {"VERB", "AUX"}))))
            and not sibling_statement(tok, c, lex) and not fronted_infinitive(tok, c)
            and not infinitive_of_prep_object(c, frame) and not first_of_list(tok, c, lex)
            and not predicate_of_the_sentence(tok, c) and not listed_after_object(c)
            and not _item_before_semicolon(tok, c)]
        venue_clause = _clause_under_venue(tok) if speech and not heads and not passive else None
        if venue_clause is not None:
            heads = [venue_clause]
        for c in tok.children:  # a sibling statement's lost subject is not what this cue reports
            if sibling_statement(tok, c, lex) and _lost_subject(c) is not None:
                exclude = exclude | {t.i for t in _lost_subject(c).subtree}
        for h in heads:
            cue.content |= _clause_tokens(h, exclude) - next_statements(tok, h, lex)
            cue.content |= _subject_hung_on_the_cue(tok, h, lex) or set()
            for c in tok.children:  # "it was emphasised that X have ..., consistently uphold ..., seek to ..."
                if c.dep_ == "conj" and c.i > h.i and (goes_on_with_clause(tok, h, c, lex) or second_that_clause(c)):
                    cue.content |= _clause_tokens(c, exclude) | set(range(h.right_edge.i + 1, c.left_edge.i))
            cue.content |= who_is_to_act(tok, h, exclude)
            if h.dep_ == "xcomp" and h.tag_ == "VB":  # "wants to triple X, grow Y and create Z"
                for c in tok.children:
                    if c.dep_ == "conj" and c.tag_ == "VB" and c.i > h.i:
                        cue.content |= _clause_tokens(c, exclude) | {t.i for t in tok.children if t.dep_ == "cc" and h.i < t.i < c.i}
        if not heads and not belief and (tok.dep_ == "parataxis" or (
                tok.dep_ == "advcl" and tok.i > tok.head.i and not introduced(tok) and not opened_by_wh(tok)
                and has_subject(tok)
                and not when_clause(tok))):
            # "X, he said, is Y", "X is Y, she said" (which the parser may hang as an adverbial);
            # also over a clause read as a noun phrase ("In both cases, Eric Trump said, those
            # donations paid for ...")
            cue.content = _clause_tokens(tok.head, {t.i for t in tok.subtree})
            within = True
        elif not heads and not belief and cue.source is not None:
            cue.content = _as_attributed(tok, lex) or _closing_attribution(tok, cue.source, lex)
    answer = _short_answer(tok, lex) if not cue.content and cue.act in {"says", "believes"} else None
    if answer is not None:
        cue.content, cue.answer = object_content(tok, answer, exclude), True
    object_statement(tok, cue, frame, lex, exclude, passive)
    cue.content |= name_rest(tok.doc, cue.content)
    if not (speech or belief) and not cue.content:
        return None
    cue.act = content_act(tok, cue, lex)
    proposal = cue.act in {"agrees", "promises"} or (passive and cue.source is None)
    cue.content -= trailing_aside(tok.doc, cue.content, lex, proposal, within)
    cue.subtree = set()
    for child in tok.children:  # the verb's arguments, not its time, place or other clauses
        if child.dep_ in ARGUMENT_DEPS or (child.dep_ == "prep" and child.lower_ in ARGUMENT_PREPS):
            cue.subtree |= {t.i for t in child.subtree}
    cue.subtree -= source_ids
    return cue


def _item_before_semicolon(tok, clause) -> bool:
    """ "This Statement will amplify X; condemn Y as Z; and affirm W": a clause before the cue with a
    semicolon between is an earlier item of a list the parser hung on the cue, not what the cue
    reports (a reported clause set before its cue is joined by a comma or a dash: "X, he said")."""
    return clause.i < tok.i and any(t.text == ";" for t in tok.doc[clause.right_edge.i + 1:tok.i])


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
    if tok.i in blocked or tok.pos_ != "ADJ" or tok.lower_ not in lex.adjectives \
            or tok.dep_ not in {"acomp", "oprd", "ccomp", "xcomp"}:
        return None
    head = tok.head
    if head.lemma_.lower() not in {"be", "make"}:
        return None
    source = _subject(head)
    if source is None or source.lower_ == "it":
        return None
    # "made it clear that she has concerns": the parser may hang the that-clause as an adverbial,
    # and "voiced X and made clear that ..." as the adjective's subject
    clause = [c for c in tok.children if c.dep_ == "ccomp" or (c.dep_ in {"advcl", "csubj"} and opened_by_that(c))] or \
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
    for "expressed gratitude for X"), and "The President was critical of X"
    (``criticism_adjectives``) a criticism voiced (act ``accuses``)."""
    stance, critical = tok.lower_ in lex.stance_adjectives, tok.lower_ in lex.criticism_adjectives
    wanted = lex.stance_adjectives.get(tok.lower_) or lex.feeling_adjectives.get(tok.lower_) \
        or lex.criticism_adjectives.get(tok.lower_)
    if wanted is None or tok.i in blocked or tok.pos_ != "ADJ" or tok.dep_ != "acomp" or tok.head.lemma_ != "be":
        return None
    source = _subject(tok.head)
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in wanted.split()), None)
    if source is None or prep is None or not holds_views(source, lex):
        return None
    cue = Cue(sorted([tok.head, tok], key=lambda t: t.i), tok.sent, source=source, belief=stance,
              act="believes" if stance else "accuses" if critical else "says")
    cue.content = {t.i for t in prep.subtree} - {prep.i} | added_alike(tok.head, prep)
    cue.subtree = set(cue.content)
    return cue if cue.content else None


def _misread_form_cue(tok, lex: Lexicon, blocked: set) -> Cue | None:
    """"We are resolved to X", "Our message to Moscow is clear: X", "X were brought to notice":
    a readout form the parser misreads (``kit.quotes_misread``), with the act its content gives."""
    form = None if tok.i in blocked else misread_form(tok, lex)
    if form is None or any(w.i in blocked for w in form.words):
        return None
    cue = Cue(form.words, tok.sent, source=form.source, act=form.act)
    cue.content = set(form.content)
    cue.subtree = set(form.content)
    cue.act = content_act(form.verb, cue, lex)
    return cue


def _noun_cue(tok, lex: Lexicon, blocked: set) -> Cue | None:
    """"Trump's claim that Mexico will pay", "his promise to build a wall", "a call by the mayor
    to end the strike": a noun that is also a cue verb (same word: claim, promise, call, demand ...),
    with the clause or infinitive it introduces and whose it is (a possessive, or "by X")."""
    lemma = tok.lemma_.lower()
    if tok.i in blocked or tok.pos_ != "NOUN" or not (lemma in lex.verbs or lemma in lex.belief) \
            or lemma in lex.quote_only:
        return None
    clause = next((c for c in tok.children if c.dep_ in {"acl", "ccomp"} and (
        opened_by_that(c) or (c.tag_ == "VB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)))), None)
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
    brought = prep.dep_ != "prep"  # "[X] was brought to notice": what was said is the verb's own
    # the cue is the noun and its verb ("Attention was drawn", "drew attention"), the noun alone
    # beside "be", the verb alone around what it brought to notice
    words = [tok] if verb.lemma_.lower() == "be" else [verb] if brought else sorted([tok, verb], key=lambda t: t.i)
    cue = Cue(words, tok.sent)
    cue.source = _subject(verb) if tok.dep_ == "dobj" or (brought and prep.dep_ == "dobj") else \
        None if brought else _whose_weight(tok, prep, lex)
    source_ids = {t.i for t in cue.source.subtree} if cue.source is not None and cue.source.head.i == verb.i else set()
    # what the preposition governs, and what the verb adds after it: "emphasis was laid on [further
    # cooperation ..., including in the Arctic]"
    cue.content = {t.i for t in prep.subtree} - ({prep.i} if not brought else set()) - source_ids
    if not cue.content:
        return None
    if prep.head.i == verb.i:
        cue.content |= inclusion_after(verb, cue.content) - source_ids
    cue.subtree = set(cue.content)
    cue.act = content_act(verb, cue, lex)  # "Attention was drawn to the provocative nature of X" accuses
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


def _in_passing_cue(tok, lex: Lexicon, blocked: set) -> Cue | None:
    """ "That's because, as he puts it, “the best thing we have” is ...", "because, in her words,
    “he knows how to do it”": a speaker named in passing, in an "as" clause with "it" or after "in"
    with "words", hands over the quotation in the clause the phrase hangs on. A cue only for a
    quotation there (nothing is reported without marks)."""
    if tok.i in blocked:
        return None
    if tok.pos_ == "VERB" and tok.lemma_.lower() in lex.as_it_verbs:
        it = next((c for c in tok.children if c.dep_ == "dobj" and c.lower_ == "it"), None)
        source = _subject(tok)
        content = _as_attributed(tok, lex, also={it.i}) if it is not None and source is not None else set()
        return _quotation_cue([tok, it], source, content) if content else None
    if tok.lower_ in lex.in_words_nouns and tok.dep_ == "pobj" and tok.head.lower_ == "in":
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is None:
            return None
        phrase_ids = {t.i for t in tok.head.subtree}
        anchor = tok.head.head
        content = phrase_clause(tok.sent, phrase_ids, anchor)
        return _quotation_cue([tok.head, *tok.subtree], owner, content)
    return None


def _view_cue(tok, lex: Lexicon, blocked: set) -> Cue | None:
    """ "In Professor Ames's view, the bridge should be closed", "The only way out, in her opinion,
    is a new tax": a view given in passing (``view_nouns`` after "in", with whose view it is) is a
    statement of that view (act ``believes``): the clause the phrase opens, ends or sits in."""
    if tok.i in blocked or tok.lower_ not in lex.view_nouns or tok.dep_ != "pobj" or tok.head.lower_ != "in":
        return None
    owner = view_owner(tok)
    if owner is None or (owner.pos_ == "PRON" and owner.lower_ in {"my", "our"}):
        return None  # the writer's own view is no statement
    phrase_ids = {t.i for t in tok.head.subtree}
    content = phrase_clause(tok.sent, phrase_ids, verb_above(tok.head))
    if not any(tok.doc[i].pos_ in {"VERB", "AUX"} for i in content):
        return None
    cue = Cue(sorted([tok.head, tok, *(c for c in tok.children if c.dep_ == "det")], key=lambda t: t.i),
              tok.sent, source=owner, belief=True, act="believes")
    cue.content, cue.subtree = set(content), set(content)
    return cue


def _quotation_cue(tokens: list, source, content: set) -> Cue | None:
    """A cue only for the quotation in ``content`` (None when there is none)."""
    doc = tokens[0].doc
    if not any(doc[i].is_quote for i in content):
        return None
    cue = Cue(sorted(tokens, key=lambda t: t.i), tokens[0].sent, source=source, quote_only=True, aside=True)
    cue.content, cue.subtree = set(content), set(content)
    return cue


def _phrase_cues(doc, lex: Lexicon, blocked: set) -> list[Cue]:
    """'according to X': the source is X, the content the clause the phrase modifies."""
    cues = []
    lower = [t.lower_ for t in doc]
    present = set(lower)
    for phrase in lex.phrases:
        if not present.issuperset(phrase):  # cannot match unless each of its words is in the paragraph
            continue
        n = len(phrase)
        for i in range(len(doc) - n + 1):
            if tuple(lower[i:i + n]) != phrase or i in blocked:
                continue
            toks = list(doc[i:i + n])
            last = toks[-1]
            pobj = next((c for c in last.children if c.dep_ == "pobj"), None)
            if pobj is None or (pobj.lemma_.lower() in lex.course_nouns and not any(c.dep_ in {"det", "poss"} for c in pobj.children)):
                continue  # "proceeding according to plan": a course kept, no one's words
            phrase_ids = {t.i for tk in toks for t in tk.subtree} | {t.i for t in toks}
            cue = Cue(toks, toks[0].sent, source=pobj)
            cue.content = phrase_clause(toks[0].sent, phrase_ids, verb_above(toks[0]))
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
    if speaker is None or not holds_views(speaker, lex) or speaker.lower_ in {"it", "that", "this", "which"} \
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
    cues = []
    for t in doc:
        for find in _finders_for(t.pos_, t.dep_ == "pobj"):
            cue = find(t, lex, blocked)
            if cue is not None:
                cues.append(cue)
    return cues + _phrase_cues(doc, lex, blocked)


# Every cue finder, in the order ``cues_in`` asks them, with the tokens it can find a cue at: its
# part of speech, and whether it is a preposition's object ("in her [view]"); each returns None for
# any other token. Asking all of them at every token was a quarter of the rules' time.
CUE_FINDERS = (
    # a verb, or a present-tense speech verb the tagger read as an adjective or a noun ("We [affirm]
    # that ...": ``present_read_as_adjective``, which turns any other word away at its first test)
    (_verb_cue, lambda pos, pobj: pos in {"VERB", "AUX", "ADJ", "NOUN", "PROPN"}),
    (_adjective_cue, lambda pos, pobj: pos == "ADJ"),
    (_noun_cue, lambda pos, pobj: pos == "NOUN"),
    (_focus_cue, lambda pos, pobj: pos in {"NOUN", "PROPN"}),
    (_participle_cue, lambda pos, pobj: pos == "ADJ"),
    (_stance_adjective_cue, lambda pos, pobj: pos == "ADJ"),
    (_misread_form_cue, lambda pos, pobj: pos in {"ADJ", "VERB", "NOUN"}),
    (_verb_after_quotation, lambda pos, pobj: pos == "VERB"),
    (_in_passing_cue, lambda pos, pobj: pos == "VERB" or pobj),
    (_view_cue, lambda pos, pobj: pobj),
)


@lru_cache(maxsize=None)
def _finders_for(pos: str, pobj: bool) -> tuple:
    """The cue finders that can find a cue at a token of part of speech ``pos`` (see ``CUE_FINDERS``)."""
    return tuple(find for find, can in CUE_FINDERS if can(pos, pobj))
