"""The forms official readouts report speech in, for the English quote engine (``kit.quotes``).

Governments write "The President of Russia reaffirmed Russia's readiness to ...", "He expressed
serious concern about Kiev's actions", "called for talks", "It was emphasised that ...", "The
leaders agreed on ...". None of these is a verb with a clause, the form news quotes take; here
is what reads them off the dependency parse:

* a speech verb whose noun-phrase object is what was said (``object_verbs`` in
  ``data/speech_verbs.yml``): "underscored [the futility of any attempts to ...]"; in the passive
  the subject is what was said ("Ukraine's policy ... was pointed out as well");
* a light verb with a speech noun (``light_verbs``, ``speech_nouns``): "expressed [concern about
  X]", whose act is the noun's ("concerned");
* a verb and a preposition (``preposition_cues``): "called for [talks]", "accused X [of Y]";
* the speaker of a cue that names nobody ("It was emphasised that ...") is the text's main
  speaker, and of one with a joint subject ("The presidents agreed ...") every participant
  (see :func:`implicit_speakers`).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from .coref import SPEAKER_BODIES, Resolver
from .coref_document import JOINED, SENTENCE_END
from .cues import Lexicon, cue_lemma, load_lexicon

# Prepositions whose object says what a statement was about ("expressed concern [over X]").
CONTENT_PREPS = {"about", "of", "on", "over", "regarding", "concerning", "against", "for", "as", "with"}
# Between two people the cue's subject joins: "and", then title words only ("and President").
AND_TITLES = re.compile(r"\s+and\s+(?:[A-Z][\w.’'\-]*\s+){0,4}")
# "Jill and I extend ...": the writer joins the person named before.
AND_I = re.compile(r"\s+and\s+I\b")
# Prepositions that add to what was said rather than say where or when: "..., including X".
INCLUSION_PREPS = {"including", "notably", "especially", "particularly"}
DEMONSTRATIVES = {"this", "these", "that", "those", "such"}
# What a statement's predicate may carry that is not what was said: where, when, why.
ADJUNCT_MARKS = {"after", "before", "when", "while", "because", "since", "although", "though", "as",
                 "until", "once", "whereas", "whilst"}
ADJUNCT_PREPS = {"at", "in", "during", "after", "before", "since", "amid", "amidst", "following", "by", "from"}
# ... unless "in" opens what the statement is about: "an assessment of the situation [in the context
# of the operation]", "[in connection with] the talks".
TOPIC_IN_NOUNS = {"context", "connection", "light", "relation", "respect", "regard", "view", "framework"}


@dataclass
class ObjectFrame:
    """What a verb governs that can be said content: its object, and the prepositions that make
    it a cue with the verb ("called [for]", "accused X [of]")."""
    takes_object: bool
    target: object
    preps: list
    for_clause: object = None  # "called [for the coalition to increase its efforts]": a clause opened by the preposition


def object_frame(tok, lex: Lexicon) -> ObjectFrame:
    """The object and cue prepositions of a verb token."""
    lemma = cue_lemma(tok, lex)
    particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), "")
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children)
    takes_object = (lemma, particle) in lex.objects or (lemma, "") in lex.objects or (passive and lemma in lex.passive_objects)
    listed = verb_list(tok, lex)
    target = next((c for c in tok.children if c.dep_ == "dobj"), listed.target if listed else None)
    # "updated President Zelenskyy [on U.S. efforts]": the parser may hang the preposition on the addressee
    near = list(tok.children) + (list(target.children) if target is not None and lemma in lex.addressee else [])
    # "When asked about the situation in Mariupol, the President noted ...": a question nobody is
    # said to have put; "Hewitt asked Trump about his statements" is Hewitt's question
    asked_by_nobody = lemma in lex.question and (passive or (tok.tag_ == "VBN" and not any(
        c.dep_ in {"aux", "nsubj"} for c in tok.children)))  # "Brandt, when asked about X, said"
    preps = [] if asked_by_nobody else [c for c in near if c.dep_ == "prep" and (lemma, c.lower_) in lex.preps]
    # "is calling for the United States to take a stronger role": the parser reads "for" as what
    # opens the infinitive's clause, whose subject and verb are what was asked for
    for_clause = next((c for c in tok.children if c.dep_ in {"advcl", "ccomp"} and c.i > tok.i and c.tag_ in {"VB", "VBN"}
                       and any(m.dep_ == "mark" and m.lower_ == "for" and m.i == c.left_edge.i for m in c.children)
                       and (lemma, "for") in lex.preps), None) if not preps else None
    return ObjectFrame(takes_object, target, preps, for_clause)


# Double quotation marks (the ones that open and close a quotation, not an apostrophe).
DOUBLE_QUOTES = {'"', "“", "”", "«", "»", "„", "''", "``"}


@dataclass
class VerbList:
    """A cue verb the parser made the head of a list of verbs: in "President Biden thanked X for
    Y, welcomed Canada's G7 Presidency, and encouraged Z" it hangs "thanked" (with the speaker)
    as a clause under "welcomed" and takes "Canada's G7 Presidency" for its subject."""
    speaker: object   # the first verb's subject ("President Biden")
    target: object    # what the parser took for this verb's subject: its object
    first: object     # the first verb ("thanked"), a statement of its own


def verb_list(verb, lex: Lexicon):
    """The :class:`VerbList` a cue verb heads by a parser slip; None when it heads none: the
    first verb, a speech verb with a subject before it, must end in a comma right before this
    one, whose "subject" comes after it, names no person and stands outside any quotation ('...,
    said Putin', '..., said Mr. Barrett' are real subjects, the clause before them what was said)."""
    doc = verb.doc
    late = next((c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i), None)
    first = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i and c.tag_ in {"VBD", "VBZ"}
                  and cue_lemma(c, lex) in lex.verbs), None)
    if late is None or first is None or verb.i == 0 or doc[verb.i - 1].text != "," \
            or any(t.ent_type_ == "PERSON" or t.pos_ == "PRON" for t in late.subtree) \
            or first.right_edge.i not in {verb.i - 2, verb.i - 1} or any(t.text in DOUBLE_QUOTES for t in verb.sent):
        return None
    speaker = next((c for c in first.children if c.dep_ == "nsubj" and c.i < first.i), None)
    return VerbList(speaker, late, first) if speaker is not None else None


def infinitive_of_prep_object(clause, frame: ObjectFrame) -> bool:
    """True for an infinitive the parser hangs on a cue verb after its cue preposition's object:
    in "informed his counterpart about the progress of the operation [to protect] Donbass" it
    goes with "the operation", inside what was said, and is not the verb's own clause."""
    return clause.dep_ == "xcomp" and clause.tag_ == "VB" and any(p.i < clause.i for p in frame.preps)


def about_time(tok) -> bool:
    """A preposition or noun that dates or places in time ("on Thursday", "last week")."""
    return tok.ent_type_ in {"DATE", "TIME"} or any(
        c.ent_type_ in {"DATE", "TIME"} for c in tok.children if c.dep_ == "pobj")


def continues_infinitive(verb, conj, ids: set) -> bool:
    """True for a bare verb the parser coordinated with a finite cue verb although it goes on an
    infinitive inside the object: "spoke about Russia's measures to ensure the ceasefire,
    [unblock] transport links and establish peaceful life" (a finite verb is never coordinated
    with a bare one)."""
    doc = verb.doc
    # the parser may tag the bare verb VBP ("widen the road"): a tense unlike the cue's tells it apart
    return conj.tag_ in {"VB", "VBP"} and conj.tag_ != verb.tag_ and verb.tag_ in {"VBD", "VBZ", "VBP"} \
        and not any(c.dep_.startswith("nsubj") for c in conj.children) \
        and any(doc[i].tag_ == "VB" and doc[i].dep_ in {"acl", "xcomp", "advcl", "relcl"} for i in ids)


def finite_under_bare(tok) -> bool:
    """True for a past or present-tense verb the parser coordinated with a bare infinitive or a
    participle: "to ensure supplies ..., and also [expressed] satisfaction", "confirmed that the
    sanctions have been complicating this issue and [noted] the importance of ..." are statements
    of their own (a finite verb is never coordinated with a bare one or a participle)."""
    return tok.dep_ == "conj" and tok.tag_ in {"VBD", "VBZ"} and tok.head.tag_ in {"VB", "VBG"} \
        and not any(c.dep_.startswith("nsubj") for c in tok.children)


def listed_after_object(clause) -> bool:
    """True for a past or present-tense verb with no subject and no "that" that the parser hung as
    a clause under a verb after the verb's object and a comma: in "Maduro expressed his strong
    support for Russia's actions, [condemned] the activity of NATO, and emphasised ..." it is the
    next verb of a list, a statement of its own by the same speaker, not what was expressed."""
    verb, doc = clause.head, clause.doc
    target = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return clause.dep_ == "ccomp" and clause.tag_ in {"VBD", "VBZ"} and target is not None \
        and target.i < clause.i and clause.left_edge.i == clause.i and doc[clause.i - 1].text == "," \
        and not any(c.dep_ in {"nsubj", "nsubjpass", "mark", "expl"} for c in clause.children)


def object_content(verb, target, exclude: set) -> set:
    """What was said as a noun phrase: the object (or a passive's subject, or a preposition's
    object), and the rest of the verb's predicate to its right ("reaffirmed [the readiness of the
    United States along with its allies to respond decisively]"), without a coordinated verb
    (its own statement), a clause of time or cause ("after ..."), or a date."""
    ids = {t.i for t in target.subtree}
    for t in target.subtree:
        if finite_under_bare(t) and t.tag_ == verb.tag_:
            ids -= {x.i for x in t.subtree} | {c.i for c in t.head.children if c.dep_ in {"cc", "punct"} and c.i < t.i}
    for child in verb.children:
        if child.i < target.i or child.i in ids or child.dep_ in {"punct", "cc", "mark", "prt", "aux", "auxpass", "agent"}:
            continue
        if (child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"} and not continues_infinitive(verb, child, ids)) \
                or listed_after_object(child):
            continue
        if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ADJUNCT_MARKS for c in child.children) \
                and not _what_it_is_described_as(child):
            continue
        if child.dep_ in {"advmod", "npadvmod"} or (child.dep_ == "prep" and (
                about_time(child) or (child.lower_ in ADJUNCT_PREPS and not opens_topic(child)))):
            continue
        ids |= {t.i for t in child.subtree}
    for child in verb.children:  # "cited X [as an example]" even when it comes first
        if child.dep_ == "oprd" or (child.dep_ == "prep" and child.lower_ in CONTENT_PREPS and not about_time(child)):
            ids |= {t.i for t in child.subtree}
    return ids - exclude


def _what_it_is_described_as(clause) -> bool:
    """True for an "as" clause without a tense, which says what the object was made out to be:
    "described the dinner [as Washington celebrating itself]" (not "as she enters the race", a
    time)."""
    return clause.tag_ in {"VBG", "VBN"} and any(c.dep_ == "mark" and c.lower_ == "as" for c in clause.children) \
        and not any(c.dep_ in {"aux", "auxpass"} for c in clause.children)


def opens_topic(prep) -> bool:
    """True for "in the context of ...", "in connection with ...": a preposition that says what
    about, not where or when."""
    return prep.lower_ == "in" and any(c.dep_ == "pobj" and c.lemma_.lower() in TOPIC_IN_NOUNS for c in prep.children)


def bare_noun(noun) -> set:
    """The noun with its determiners and modifiers only ("this statement", "the comments")."""
    return {noun.i} | {t.i for c in noun.children if c.dep_ in {"det", "poss", "amod", "compound", "nummod", "predet"}
                       for t in c.subtree}


def naming_complement(verb, target):
    """What a naming verb's object is called or seen as: "called him [divisive]", "sees Cruz [as a
    uniter]", "cast her victory [as a sign that ...]" (the parser may hang "as ..." as a clause),
    or, with no object, a verbless clause that holds both ("considers [Mr. Obama naive]"); None
    when there is none ("called a press conference", "saw the film")."""
    for c in verb.children:
        if target is None:
            if c.dep_ == "ccomp" and c.pos_ in {"ADJ", "NOUN"} and any(g.dep_ == "nsubj" for g in c.children):
                return c
            continue
        if c.i < target.i:
            continue
        if c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as") or (
                c.dep_ in {"advcl", "ccomp", "xcomp"} and c.left_edge.lower_ == "as"):
            return c
    return None


def noun_said_by(tok, lex: Lexicon) -> bool:
    """True for a participle that tells who made a speech noun's statement: "the concern
    [expressed] by Mario Draghi about the developments", "the proposal [put] forward by Russia
    to hold talks" (a participle with no "by", "a group called X", says nothing)."""
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.lemma_.lower() in lex.nouns \
        and any(c.dep_ == "agent" for c in tok.children)


def said_noun_content(verb, noun, exclude: set) -> set:
    """What was said when it is the passive subject of a ``passive_object_verbs`` verb (the subject
    alone: "The need for Kiev to end its policy ... was also addressed") or the noun a participle
    describes ("the concern expressed by X [about the developments]": the noun and what the
    participle says it was about, not when or by whom)."""
    ids = {t.i for t in noun.subtree}
    if noun.i == verb.head.i:  # "the concern [expressed by X about Y]"
        ids = (ids - {t.i for t in verb.subtree}) | {t.i for c in verb.children
                                                     if c.dep_ == "prep" and c.lower_ in CONTENT_PREPS for t in c.subtree}
    return ids - exclude


def nothing_shown(verb, noun) -> bool:
    """True for a negated verb over "any" ("Kiev, which does not show any interest in dialogue",
    "did not express any concern"): nothing was said."""
    return any(c.dep_ == "neg" for c in verb.children) and any(c.dep_ == "det" and c.lower_ == "any" for c in noun.children)


def refers_back(noun) -> bool:
    """True for a pronoun or a noun with a demonstrative ("this", "these facts"): what it names
    was said before, not here."""
    return noun.pos_ == "PRON" or any(c.dep_ in {"det", "predet"} and c.lower_ in DEMONSTRATIVES for c in noun.children)


def object_statement(tok, cue, frame: ObjectFrame, lex: Lexicon, exclude: set, passive: bool) -> None:
    """Give ``cue`` (headed by verb ``tok``) the content and act of a readout form when it has
    no clause: the object of an object verb or of a light verb with a speech noun, else what a
    cue preposition governs. ``exclude`` holds the speaker's and the verb's tokens."""
    lemma, target, belief = cue_lemma(tok, lex), frame.target, cue.belief
    if not any(tok.doc[i].is_alpha for i in cue.content):  # a clause the parser made of a stray hyphen
        cue.content = set()
    if target is None and passive and not belief:  # "was backed by liberals" is no stance taken
        target = next((c for c in tok.children if c.dep_ == "nsubjpass" and c.lower_ != "it"), None)
    if target is None and not belief and noun_said_by(tok, lex):
        target = tok.head  # what was expressed, without who expressed it
        exclude = exclude | {t.i for c in tok.children if c.dep_ == "agent" for t in c.subtree}
    if target is not None and nothing_shown(tok, target):
        return
    # "reaffirmed their mutual [striving] to ...": a noun the parser tagged a verb, lemma and all
    noun_act = lex.nouns.get(target.lemma_.lower(), lex.nouns.get(target.lower_)) if target is not None else None
    if lemma in lex.light_nouns and (target is None or target.lemma_.lower() not in lex.light_nouns[lemma]):
        noun_act = None  # "exchanged views on X" is a topic line; "exchanged greetings" a statement
    # "expressed concern" is concerned; "reiterated their condemnation of X" accuses and "reaffirmed
    # Russia's commitment to ..." promises, as the noun says, where the verb only repeats or stresses.
    # A stance noun after such a verb ("underscored support for X") says, as the verb does.
    if noun_act and (lemma in lex.light or (lemma in lex.restating and cue.act == "says" and noun_act != "agrees")):
        cue.act = noun_act
    if target is None and frame.takes_object:  # "described as counterproductive the intentions of ..."
        target = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    thing = cue.source is not None and cue.source.lower_ == "which"  # "institutions, which will give confidence to investors"
    if not cue.content and target is not None and (frame.takes_object or (not belief and not thing and lemma in lex.light and noun_act)):
        alone = target.i == tok.head.i or (target.dep_ == "nsubjpass" and lemma in lex.passive_objects)
        cue.content = said_noun_content(tok, target, exclude) if alone else object_content(tok, target, exclude)
        if not cue.content - bare_noun(target) and (not frame.takes_object or refers_back(target) or lemma in lex.passive_objects):
            # "made the comments on Friday", "these facts have been confirmed by X": a statement
            # referred to, not made
            cue.content = set()
    complement = naming_complement(tok, target)
    # "Trump is seen as the front-runner": a view nobody in particular holds is no one's stance
    # nor is "what Mr. Trump considers “smart”": the view is of a thing the sentence does not name
    regarded = lemma in lex.regard and (passive or (target is not None and target.tag_ in {"WP", "WDT"}))
    if not cue.content and lemma in lex.naming and complement is not None and not regarded:
        target_ids = {t.i for t in target.subtree} if target is not None else set()
        cue.content = (target_ids | {t.i for t in complement.subtree}) - exclude
        if lemma in lex.regard:
            cue.act = "believes"
    if not cue.content and not belief and frame.for_clause is not None:
        cue.act = lex.preps[(lemma, "for")]
        cue.content = {t.i for t in frame.for_clause.subtree} - exclude
    if not cue.content and not belief and frame.preps and not talked_with(tok, lex):
        prep = frame.preps[0]
        cue.act = lex.preps[(lemma, prep.lower_)]
        cue.content = object_content(tok, prep, exclude | {prep.i}) if prep.head.i == tok.i else \
            ({t.i for t in prep.subtree} - {prep.i} - exclude) | {
                t.i for c in tok.children if infinitive_of_prep_object(c, frame) for t in c.subtree}
        if target is not None and lemma not in lex.addressee:  # "accused X of Y", not "briefed X on Y"
            cue.content |= {t.i for t in target.subtree} - exclude
    if cue.content:
        cue.content |= inclusion_after(tok, cue.content) - exclude


FOCUS_PREPS = {"on", "upon", "to"}


def focus_frame(noun, lex: Lexicon):
    """(verb, preposition) of a noun of weight that makes a cue (``focus_nouns``): "Attention was
    [drawn] [to] X", "Putin drew attention to X", "emphasis was [laid] [on] X", "The emphasis [was]
    [on] X"; None when the noun is no such cue ("paid attention to", "the emphasis of the talk")."""
    verb = noun.head
    verbs = lex.focus.get(noun.lemma_.lower())
    if not verbs or noun.dep_ not in {"nsubjpass", "dobj", "nsubj"} or verb.lemma_.lower() not in verbs \
            or (noun.dep_ == "nsubj" and verb.lemma_.lower() != "be"):
        return None
    prep = next((c for c in list(verb.children) + list(noun.children)
                 if c.dep_ == "prep" and c.lower_ in FOCUS_PREPS and c.i > noun.i
                 and any(g.dep_ == "pobj" for g in c.children)), None)
    return (verb, prep) if prep is not None else None


def participle_read_as_adjective(tok, lex: Lexicon):
    """(object verb, subject) of a past participle of an ``object_verbs`` verb the parser read as an
    adjective: "The importance of a constructive dialogue was [underscored]" is a passive whose
    subject is what was said; None for any other token ("was tired", "was concerned")."""
    low = tok.lower_
    if tok.pos_ != "ADJ" or not low.endswith("ed"):
        return None
    base = next((b for b in (low[:-1], low[:-2]) if (b, "") in lex.objects), "")
    after_be = tok.dep_ == "acomp" and tok.head.lemma_ == "be"
    subject = next((c for c in (tok.head if after_be else tok).children
                    if c.dep_ in ({"nsubj"} if after_be else {"nsubjpass"})), None)
    return (base, subject) if base and subject is not None else None


def talked_with(verb, lex: Lexicon) -> bool:
    """True for "spoke with President Putin about X" (``conversation_verbs``): a talk between two
    named people and its topic, as a readout opens, not a statement ("spoke with police leaders
    about ways to mend relations" reports what was said to a group, as news does)."""
    return cue_lemma(verb, lex) in lex.conversation and any(
        c.dep_ == "prep" and c.lower_ == "with" and any(g.dep_ == "pobj" and g.ent_type_ == "PERSON" for g in c.children)
        for c in verb.children)


def inclusion_after(verb, content: set) -> set:
    """What a cue verb carries after its content that still belongs to it: "pledged to continue
    supporting Ukraine ..., [including the provision today of a new package]"."""
    doc = verb.doc
    out = set()
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in INCLUSION_PREPS and c.i > max(content) \
                and all(doc[i].is_punct for i in range(max(content) + 1, c.i)):
            out |= {t.i for t in c.subtree}
    return out


def readout_host(resolver) -> str:
    """The readout's host (:meth:`kit.coref.Resolver.host`); "" for a Russian text, whose
    resolver has no English opening to read."""
    return resolver.host()[0] if isinstance(resolver, Resolver) else ""


PERSONAL_PRONOUNS = {"i", "we", "you", "he", "she", "they"}


def passive_participle(verb) -> bool:
    """True for a past participle that stands for a passive clause of its own, with no subject
    and no auxiliary, hung on the verb of the sentence: "Asked whether the plan would survive,
    the mayor said ...", "Brandt, pressed on the cuts, declined", "when asked about it". The
    subject of that verb is who was asked, not who asked. Not a participle of a thought ("Worried
    that the plan might fail, the council proposed ..."), which describes the subject."""
    return verb.tag_ == "VBN" and verb.dep_ == "advcl" and verb.lemma_.lower() not in load_lexicon().belief \
        and not any(c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass", "csubj"} for c in verb.children)


def person_told(verb) -> bool:
    """True for a passive cue whose subject is a person with no agent: "Sanders was asked to
    name a decision", "President Obama is briefed on the situation", "I was told that ...", and
    a participle with no subject before the one who answered ("Asked whether ..., Brandt said").
    The person was spoken to; who spoke, the text does not say."""
    if passive_participle(verb):
        return not any(c.dep_ == "agent" for c in verb.children)
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None or any(c.dep_ == "agent" for c in verb.children):
        return False
    return subject.lower_ in PERSONAL_PRONOUNS or subject.ent_type_ == "PERSON"


def _main_speaker(rows: list[dict], people: set[str], host: str) -> None:
    """A statement whose cue names nobody ("It was emphasised that ...", "Specific examples ...
    were cited", "It was agreed to ...") is the text's main speaker's, as in a readout: the
    readout's host (:func:`readout_host`) when the text is a readout, else the person who
    is the subject of the nearest earlier cue, else the first person who is the subject of a cue
    anywhere in the text. Joint subjects ("The leaders") and institutions do not count; a text
    with no person speaking leaves the speaker empty."""
    by_person = sorted((r["cue_start"], r["speaker"]) for r in rows
                       if r["speaker_start"] >= 0 and r["cue_start"] >= 0 and r["speaker"] in people)
    if not by_person:
        return
    cue_starts = [at for at, _ in by_person]
    for r in rows:
        if r["speaker"] or not r["cue"] or r["kind"] == "turn" or r["speaker_start"] >= 0 or r.get("_told"):
            continue
        earlier = bisect_left(cue_starts, r["cue_start"])
        r["speaker"] = host or (by_person[earlier - 1][1] if earlier else by_person[0][1])
        r["confidence"] = round(min(r["confidence"], 0.5), 2)


def group_mention(mention: str, sentence: str = "") -> bool:
    """True for a mention of several people or a body: "Ukrainian representatives", "the
    leaders", "The three NSAs", "The Ukrainian delegation", or one of several joined by "and" in ``sentence``
    ("Secretary Rubio [and his team] reiterated")."""
    words = mention.split()
    last = words[-1] if words else ""
    plural = last.endswith("s") and not last.endswith("ss") and (last.islower() or last[:-1].isupper())  # "NSAs"
    return " and " in mention or f"{mention} and " in sentence or last.lower() in SPEAKER_BODIES or plural


def _they_after_a_group(rows: list[dict]) -> None:
    """"The Ukrainian delegation affirmed that ... They expressed appreciation for ...": a "they"
    is the group whose statement comes right before it in the paragraph (a person speaking in
    between breaks the chain), whoever else the resolver found named nearby ("The three NSAs
    reaffirmed ... They noted ..." after an opening that also names Putin and Kim)."""
    last = None
    for r in sorted((r for r in rows if r["cue_start"] >= 0 and r["speaker_start"] >= 0), key=lambda r: r["cue_start"]):
        if r["speaker_mention"].lower() == "they" and last is not None and last["_para"] == r["_para"]:
            r["speaker"] = last["speaker"]
            r["confidence"] = round(min(r["confidence"], 0.6), 2)
        as_group = group_mention(r["speaker_mention"], r["sentence"]) or r["speaker_mention"].lower() == "they"
        last = r if r["speaker"] and as_group else None


def _pronoun_after_a_subject(rows: list[dict], resolver: Resolver) -> None:
    """"The President of Russia congratulated Daniel Ortega on ... He reaffirmed Russia's
    support ...": a "he" or "she" that opens the sentence after a statement is that statement's
    speaker, not the person it was addressed to or told about ("told X about his talks with Y"),
    whom the resolver took for being named last, nor someone named in a clause that opens the
    statement's sentence ("Responding to X's call for ..., the President reaffirmed ... He noted").
    Only when the resolver's choice was named after the earlier speaker or before it in its
    sentence, and the earlier speaker is not known to be of the other gender."""
    gender = {p.full: p.gender for p in resolver.people}
    wanted = {"he": "m", "she": "f"}
    spoken = sorted((r for r in rows if r["cue_start"] >= 0 and r["speaker_start"] >= 0), key=lambda r: r["cue_start"])
    for prev, r in zip(spoken, spoken[1:]):
        pronoun = r["speaker_mention"].lower()
        if pronoun not in wanted or not r["sentence"].startswith(r["speaker_mention"]) or prev["_para"] != r["_para"] \
                or not prev["speaker"] or prev["speaker"] == r["speaker"] or group_mention(prev["speaker_mention"], prev["sentence"]) \
                or gender.get(prev["speaker"], "") not in {"", wanted[pronoun]} \
                or len(SENTENCE_END.findall(resolver.text, prev["cue_end"], r["speaker_start"])) != 1:
            continue
        # named after the earlier speaker, or before it in the same sentence ("Responding to X's call
        # for ..., the President reaffirmed ... He noted ...": a clause that opens the sentence)
        opens = resolver.text.rfind(prev["sentence"], 0, prev["cue_end"] + len(prev["sentence"]))
        if any(p.full == r["speaker"] and (prev["speaker_end"] <= p.start < r["speaker_start"]
                                           or 0 <= opens <= p.start < prev["speaker_start"]) for p in resolver.people):
            # every statement of that "he" ("He noted A and thanked B") is the same person's
            for same in rows:
                if (same["speaker_start"], same["speaker_end"]) == (r["speaker_start"], r["speaker_end"]):
                    same["speaker"] = prev["speaker"]


def _coordinated_people(rows: list[dict], resolver) -> None:
    """"Vladimir Putin and Miguel Diaz-Canel Bermudez reaffirmed their commitment ...": the parser
    gives the cue the first name only; the statement is both people's. "Jill and I extend our
    warmest wishes" is that person's and the text's own "I"'s."""
    for r in rows:
        if r["speaker_start"] < 0 or r["cue_start"] < 0 or not r["speaker"] or JOINED in r["speaker"]:
            continue
        end = r["speaker_end"]
        if AND_I.match(resolver.text, end, r["cue_start"]):
            author = resolver.first_person(r["speaker_start"])
            if author and author != r["speaker"]:
                r["speaker"] = JOINED.join([r["speaker"], author])
            continue
        other = next((p for p in resolver.people if end < p.start and p.end <= r["cue_start"]), None)
        if other is None or not AND_TITLES.fullmatch(resolver.text, end, other.start):  # "and [President] Reyes"
            continue
        if other.full != r["speaker"] and not SENTENCE_END.search(resolver.text, other.end, r["cue_start"]):
            r["speaker"] = JOINED.join([r["speaker"], other.full])


def implicit_speakers(rows: list[dict], resolver: Resolver) -> None:
    """Speakers for the rows whose cue names nobody: the text's main speaker (see
    :func:`_main_speaker`), else, in a readout with no person speaking ("The presidents ... It
    was agreed"), every side the text introduced; and for a "they" the resolver left unnamed,
    the group that spoke just before (:func:`_they_after_a_group`); a "he" that opens the
    sentence after a statement is its speaker (:func:`_pronoun_after_a_subject`)."""
    _coordinated_people(rows, resolver)
    _they_after_a_group(rows)
    _pronoun_after_a_subject(rows, resolver)
    _main_speaker(rows, {p.full for p in resolver.people}, readout_host(resolver))
    for r in rows:
        if not r["speaker"] and r["cue"] and r["kind"] != "turn" and r["speaker_start"] < 0 and not r.get("_told"):
            r["speaker"] = resolver.unnamed_sides(r["cue_start"])


# ------------------------------------------------------ the act a statement's content gives it

def _content_head(doc, content: set):
    """The token of a statement's content the rest hangs from (the first whose head lies outside)."""
    return next((doc[i] for i in sorted(content) if doc[i].head.i not in content or doc[i].head.i == i), None)


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


def _wrongdoing(head, chain, words) -> bool:
    """A clause that says someone did wrong: its verbs ("Kiev continues to [refuse]"), its subject
    ("[provocations] from militants were the reason") or an "in ..." phrase ("in [violation] of
    the agreements, the authorities are ..."); not when the clause denies it ("do not threaten")."""
    if not chain or any(c.dep_ == "neg" for t in chain for c in t.children):
        return False
    verbs, nouns = words.get("wrongdoing_verbs", frozenset()), words.get("wrongdoing_nouns", frozenset())
    return any(t.lemma_.lower() in verbs for t in chain) or any(
        (c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in nouns)
        or (c.dep_ == "prep" and c.lower_ == "in" and any(g.dep_ == "pobj" and g.lemma_.lower() in nouns for g in c.children))
        for c in head.children)


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
    if cue.act == "promises" and head.pos_ == "NOUN" and any(  # "readiness of the US [along with its allies] to impose"
            doc[i].dep_ in {"acl", "xcomp", "advcl"} and doc[i].head.i in {head.i, verb.i}
            and doc[i].lemma_.lower() in get("threat_verbs") for i in cue.content):
        return "warns"
    if cue.act != "says" or cue.belief:
        return cue.act
    chain = _predicate_chain(head)
    if (_asks_to(verb, lemma, get("demand_infinitive_verbs")) and head.dep_ == "xcomp" and head.tag_ == "VB") \
            or any(c.dep_ == "aux" and c.lower_ in get("demand_modals") for t in chain for c in t.children) \
            or (noun in get("need_nouns") and any(c.dep_ in {"acl", "advcl", "relcl"} and any(
                g.dep_ == "nsubj" for g in c.children) for c in head.children)):
        return "demands"
    if _threatens(chain, get("threat_verbs")):
        return "warns"
    if _wrongdoing(head, chain, words):
        return "accuses"
    if any(doc[i].dep_ == "acomp" and doc[i].lemma_.lower() in get("rejection_adjectives") and doc[i].head.lemma_ == "be"
           and not any(c.dep_ == "neg" for c in doc[i].head.children) for i in cue.content):
        return "rejects"
    return cue.act
