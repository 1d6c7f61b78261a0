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
* who said what a cue names nobody for (``kit.quotes_implicit``), and the act a statement's
  content gives it (``kit.quotes_acts``), are read downstream of this module.
"""
from __future__ import annotations

from dataclasses import dataclass

from .cues import Lexicon, cue_lemma, load_lexicon
from .quotes_acts import support_renewed
from .quotes_extent import (added_alike, complements_object, inclusion_after, list_run_on, ongoing_context, range_after_content,
                            restates_object)

# Prepositions whose object says what a statement was about ("expressed concern [over X]").
CONTENT_PREPS = {"about", "of", "on", "over", "regarding", "concerning", "against", "for", "as", "with"}
DEMONSTRATIVES = {"this", "these", "that", "those", "such"}
# What a statement's predicate may carry that is not what was said: where, when, why.
ADJUNCT_MARKS = {"after", "before", "when", "while", "because", "since", "although", "though", "as",
                 "until", "once", "whereas", "whilst"}
# The reason a speaker gives is part of the claim ("said Vale is unfit, because he put lives at
# risk"), not the writer's aside, however a comma sets it off (in a reported clause; after a
# noun-phrase object, PolNeAR leaves it out: "speaks about race [because ...]").
REASON_MARKS = {"because"}
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
    phrase_act: str = ""  # "spoke [in support of] X": the act of a stance phrase, whose last word is ``preps[0]``


def object_frame(tok, lex: Lexicon) -> ObjectFrame:
    """The object and cue prepositions of a verb token."""
    lemma = cue_lemma(tok, lex)
    particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), "")
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children)
    takes_object = (lemma, particle) in lex.objects or (lemma, "") in lex.objects or (passive and lemma in lex.passive_objects)
    listed = verb_list(tok, lex)
    target = next((c for c in tok.children if c.dep_ == "dobj"), listed.target if listed else None)
    if lemma in lex.light_nouns and target is not None and target.lemma_.lower() not in lex.light_nouns[lemma]:
        # "wished [Tom Berg] a happy birthday": the parser may make the person a second object
        target = next((c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in lex.light_nouns[lemma]), target)
    if target is None and lemma in lex.light_nouns:  # "wished [him good luck]": read as a small clause
        target = next((c for c in tok.children if c.dep_ in {"ccomp", "xcomp", "oprd"} and c.pos_ == "NOUN"
                       and c.lemma_.lower() in lex.light_nouns[lemma]), None)
    # "updated President Zelenskyy [on U.S. efforts]": the parser may hang the preposition on the
    # addressee, or on the last of several ("congratulated Mahmoud Abbas and all Palestinian people
    # [on the holiday]")
    addressees = [target, *(c for c in target.children if c.dep_ == "conj")] \
        if target is not None and lemma in lex.addressee else []
    # ... and so it may on the last of several objects ("accused the media and the campaign [of]
    # distorting her message"), and on the one object of an accusation ("blamed the delay [on]
    # hackers"; not on another verb's: "called the demand [for] a hearing a ploy")
    objects = [c for c in target.children if c.dep_ == "conj"] if target is not None and not addressees else []
    if objects or (target is not None and not addressees and lex.acts.get(lemma) == "accuses"):
        objects.append(target)
    near = list(tok.children) + [c for a in addressees + objects for c in a.children]
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
    phrase = stance_phrase(tok, lex) if not asked_by_nobody else None
    if phrase is not None:
        return ObjectFrame(takes_object, target, [phrase[0]], None, phrase[1])
    return ObjectFrame(takes_object, target, preps, for_clause)


def stance_phrase(verb, lex: Lexicon):
    """(the phrase's last preposition, its act) for a verb of speaking with a ``stance_phrases``
    phrase: "spoke [in support of] continuing the dialogue", "spoke [in favour of] discussing
    these problems" (the parser hangs the "of" on the noun or on the verb); None otherwise."""
    if cue_lemma(verb, lex) not in lex.verbs | lex.conversation:
        return None
    doc = verb.doc
    for words, act in lex.stance_phrases.items():
        n = len(words)
        for c in verb.children:
            if c.dep_ == "prep" and c.i + n <= len(doc) and tuple(t.lower_ for t in doc[c.i:c.i + n]) == words \
                    and doc[c.i + n - 1].dep_ == "prep" and doc[c.i + n - 1].head.i in {verb.i, c.i + 1}:
                return doc[c.i + n - 1], act
    return None


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
    goes with "the operation", inside what was said, and is not the verb's own clause; so does
    the next infinitive of a list begun inside the object ("updated his counterpart on the
    measures being taken to comply with the ceasefire, [to have] refugees return home, and to
    restore ...")."""
    if clause.tag_ != "VB" or not any(p.i < clause.i for p in frame.preps):
        return False
    doc = clause.doc
    listed = clause.dep_ == "advcl" and doc[clause.left_edge.i - 1].text == "," and any(
        t.tag_ == "VB" and any(a.lower_ == "to" for a in t.children) for p in frame.preps for t in p.subtree) \
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children)
    return clause.dep_ == "xcomp" or listed


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
    # a progressive cue ("is announcing measures to ban X, and [impose] Y") is finite too
    finite = verb.tag_ in {"VBD", "VBZ", "VBP"} or (verb.tag_ == "VBG" and any(c.dep_ == "aux" for c in verb.children))
    # ... but "is announcing sanctions to hold X to account, and [to demand] that ..." is a demand of its own
    finite = finite and (verb.tag_ != "VBG" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in conj.children))
    return conj.tag_ in {"VB", "VBP"} and conj.tag_ != verb.tag_ and finite \
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
    next verb of a list, a statement of its own by the same speaker, not what was expressed; so is
    one hung as the verb's complement ("informed X on Y, [set forth] Z, and outlined W": a past
    tense with no "to" is never an infinitive)."""
    verb, doc = clause.head, clause.doc
    target = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return clause.dep_ in {"ccomp", "xcomp"} and clause.tag_ in {"VBD", "VBZ"} and target is not None \
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
                and not _what_it_is_described_as(child) and not ongoing_context(child):
            continue
        if (child.dep_ in {"advmod", "npadvmod"} and not restates_object(child, target)) or (child.dep_ == "prep" and (
                about_time(child) or (child.lower_ in ADJUNCT_PREPS and not opens_topic(child)
                                      and not doer_of_object(verb, target, child)
                                      and not earlier_event(verb, child)))):
            continue
        ids |= {t.i for t in child.subtree}
    # "cited X [as an example]" even when it comes before the object, not a phrase before the verb
    # ("With regard to the question ..., the President spoke in favour of X")
    for child in verb.children:
        if child.i > verb.i and (child.dep_ == "oprd" or (
                child.dep_ == "prep" and child.lower_ in CONTENT_PREPS and not about_time(child))):
            ids |= {t.i for t in child.subtree}
    return ids - exclude


def doer_of_object(verb, target, prep) -> bool:
    """True for a "by" phrase the parser hung on an active verb right after its object, naming who
    did what the object names: "provided specific examples of violations [by Kiev] of the Minsk
    agreements" (not "gave his assessment by telephone", a means, nor "by Friday", a time)."""
    return prep.lower_ == "by" and prep.i == target.right_edge.i + 1 and target.pos_ == "NOUN" \
        and not any(c.dep_ == "auxpass" for c in verb.children) \
        and any(c.dep_ == "pobj" and (c.ent_type_ in {"GPE", "ORG", "NORP", "PERSON"}) for c in prep.children)


PAST_MARKERS = {"recent", "last", "previous", "earlier", "past"}


def earlier_event(verb, prep) -> bool:
    """True for a "during" phrase the parser hung on a verb of telling that names an earlier event
    of what was told, not the time of telling: "told Vladimir Putin about his contacts with the
    Ukrainian leadership [during his recent visit to Kiev]" (not "during the conversation", a
    medium, nor "supported Democrats during his time on MSNBC", no telling)."""
    lex = load_lexicon()
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return prep.lower_ == "during" and obj is not None and cue_lemma(verb, lex) in lex.addressee \
        and obj.lemma_.lower() not in lex.medium \
        and any(c.dep_ == "poss" or (c.dep_ == "amod" and c.lower_ in PAST_MARKERS) for c in obj.children)


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


def audience_of(noun, lex: Lexicon) -> set:
    """Who a speech noun was for, which says nothing of what was said: "gave statements [for the
    press]", "made remarks [to reporters]" (``audience_nouns``): with nothing else, a statement
    referred to, not made."""
    return {t.i for c in noun.children if c.dep_ == "prep" and c.lower_ in {"for", "to"}
            and any(g.dep_ == "pobj" and g.lemma_.lower() in lex.audience_nouns for g in c.children)
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
    # "consider the avoidance of war and the reduction of risks [as our foremost responsibilities]":
    # hung on the object, or on the last of several
    objects = [target, *(c for c in target.children if c.dep_ == "conj")] if target is not None else []
    return next((c for o in objects for c in o.children if c.dep_ == "prep" and c.lower_ == "as"), None)


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


def nothing_shown(verb, noun, lex: Lexicon) -> bool:
    """True for a negated verb over "any" ("Kiev, which does not show any interest in dialogue",
    "did not express any concern") or a negated light verb ("will not raise demand for barrels",
    "never gave an assessment"): nothing was said."""
    negated = any(c.dep_ == "neg" for c in verb.children)
    return negated and (cue_lemma(verb, lex) in lex.light or any(c.dep_ == "det" and c.lower_ == "any" for c in noun.children))


def _people(noun, lex: Lexicon) -> bool:
    """A person or people named as such ("Ukrainians", "him", "the delegation")."""
    return noun.ent_type_ in {"PERSON", "NORP"} or noun.lower_ in {"him", "her", "them", "you", "us"} \
        or noun.lemma_.lower() in lex.guest_nouns


def guests_received(verb, noun, lex: Lexicon) -> bool:
    """True for a verb of receiving people over people ("to welcome Ukrainians to the United
    States", "greeted the delegation"): who was received, not what was said ("welcomed Italy's G7
    Presidency", a body's office, is speech)."""
    return cue_lemma(verb, lex) in lex.greeting_verbs and _people(noun, lex)


def person_addressed(verb, noun, lex: Lexicon) -> bool:
    """True for the object of a verb of speaking to someone (``addressed_object_verbs``) that is
    whom it spoke to, not what was said: "encouraged [the students]", "congratulated [him] on his
    victory", where "encouraged continued work to X" and "congratulated the formation of X" say
    what. What else the verb governs ("on his victory", "to turn out") is still read."""
    from .quotes_not_said import holds_views  # it reads this module
    lemma = cue_lemma(verb, lex)
    return lemma in lex.addressee and lemma in lex.content_acts.get("addressed_object_verbs", frozenset()) \
        and (_people(noun, lex) or holds_views(noun, lex))


def refers_back(noun) -> bool:
    """True for a pronoun or a noun with a demonstrative ("this", "these facts"): what it names
    was said before, not here; or with "following" ("is announcing the following actions:"),
    which names what the text lists next, not what was said."""
    return noun.pos_ == "PRON" or any(c.dep_ in {"det", "predet"} and c.lower_ in DEMONSTRATIVES for c in noun.children) \
        or any(c.dep_ in {"amod", "det"} and c.lower_ == "following" for c in noun.children)


def object_statement(tok, cue, frame: ObjectFrame, lex: Lexicon, exclude: set, passive: bool) -> None:
    """Give ``cue`` (headed by verb ``tok``) the content and act of a readout form when it has
    no clause: the object of an object verb or of a light verb with a speech noun, else what a
    cue preposition governs. ``exclude`` holds the speaker's and the verb's tokens."""
    lemma, target, belief = cue_lemma(tok, lex), frame.target, cue.belief
    if not any(tok.doc[i].is_alpha for i in cue.content):  # a clause the parser made of a stray hyphen
        cue.content = set()
    if not cue.content and still_to_come(tok, lex):
        return
    if target is None and passive and not belief:  # "was backed by liberals" is no stance taken
        target = next((c for c in tok.children if c.dep_ == "nsubjpass" and c.lower_ != "it"), None)
    elif target is None and passive and lemma in lex.person_stance:
        # ... but "The expediency of stepping up the efforts of X was supported" is a readout's stance
        subject = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if subject is not None and subject.lemma_.lower() in lex.content_acts.get("supported_nouns", ()):
            target, cue.act = subject, "agrees"
    if target is None and not belief and noun_said_by(tok, lex):
        target = tok.head  # what was expressed, without who expressed it
        exclude = exclude | {t.i for c in tok.children if c.dep_ == "agent" for t in c.subtree}
    if target is not None and (nothing_shown(tok, target, lex) or guests_received(tok, target, lex)):
        return
    if target is not None and person_addressed(tok, target, lex):
        target = None
    # "reaffirmed their mutual [striving] to ...": a noun the parser tagged a verb, lemma and all
    noun_act = lex.nouns.get(target.lemma_.lower(), lex.nouns.get(target.lower_)) if target is not None else None
    if lemma in lex.light_nouns and (target is None or target.lemma_.lower() not in lex.light_nouns[lemma]):
        noun_act = None  # "exchanged views on X" is a topic line; "exchanged greetings" a statement
    wished = lemma in lex.light_nouns and lemma not in lex.light and noun_act is None and target is not None \
        and target.lemma_.lower() in lex.light_nouns[lemma]
    if wished:  # "wished him good luck": a courtesy said, whole in its noun (`light_verb_nouns` of a verb of its own)
        noun_act = "says"
    # "expressed concern" is concerned; "reiterated their condemnation of X" accuses and "reaffirmed
    # Russia's commitment to ..." promises, as the noun says, where the verb only repeats or stresses.
    # A stance noun after such a verb ("underscored support for X") says, as the verb does.
    if noun_act and (lemma in lex.light or (lemma in lex.restating and cue.act == "says" and noun_act != "agrees")):
        cue.act = noun_act
    elif noun_act == "agrees" and cue.act == "says" and support_renewed(lemma, target, lex):
        cue.act = "promises"
    if target is None and frame.takes_object:  # "described as counterproductive the intentions of ..."
        target = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    thing = cue.source is not None and cue.source.lower_ == "which"  # "institutions, which will give confidence to investors"
    if not cue.content and target is not None and (frame.takes_object or wished or (
            not belief and not thing and lemma in lex.light and noun_act)):
        alone = target.i == tok.head.i or (target.dep_ == "nsubjpass" and lemma in lex.passive_objects)
        cue.content = said_noun_content(tok, target, exclude) if alone else object_content(tok, target, exclude)
        if noun_act and not alone:  # "reaffirmed their mutual interest [in further developing X]"
            cue.content |= {t.i for c in tok.children if c.dep_ == "prep" and complements_object(c, target)
                            for t in c.subtree} - exclude
        cue.content |= {t.i for c in tok.children if c.dep_ == "prep" and range_after_content(c, cue.content)
                        for t in c.subtree} - exclude
        if wished:  # "wished [him] good luck": whom, not what
            cue.content -= {t.i for c in target.children if c.dep_ == "nsubj" for t in c.subtree}
        if not wished and not cue.content - bare_noun(target) - audience_of(target, lex) and (
                not frame.takes_object or refers_back(target) or lemma in lex.passive_objects):
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
    if not cue.content and not belief and frame.preps and not promised_state(tok, frame, lex, passive) \
            and (frame.phrase_act or not talked_with(tok, lex)):
        prep = frame.preps[0]
        cue.act = frame.phrase_act or lex.preps[(lemma, prep.lower_)]
        cue.content = object_content(tok, prep, exclude | {prep.i}) if prep.head.i == tok.i else \
            ({t.i for t in prep.subtree} - {prep.i} - exclude) | {
                t.i for c in tok.children if infinitive_of_prep_object(c, frame) for t in c.subtree}
        if target is not None and lemma not in lex.addressee:  # "accused X of Y", not "briefed X on Y"
            cue.content |= {t.i for t in target.subtree} - exclude
        if prep.head.i == tok.i:  # "told him about X, [the development of Y and the construction of Z]"
            cue.content |= list_run_on(tok, prep) - exclude
    if cue.content:
        cue.content |= inclusion_after(tok, cue.content) - exclude


def promised_infinitive(verb, clause, lex: Lexicon) -> bool:
    """True for the to-infinitive right after a verb of promising or agreeing that the parser read
    as a purpose: "The private sector and the Administration committed [to close] communication
    and coordination going forward" ("close" read as a verb) is what they committed to."""
    from .quotes_not_said import holds_views  # it reads this module
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return clause.dep_ == "advcl" and clause.tag_ == "VB" and clause.left_edge.i == verb.i + 1 \
        and lex.acts.get(cue_lemma(verb, lex)) in {"promises", "agrees"} \
        and any(c.dep_ == "aux" and c.lower_ == "to" and c.i == verb.i + 1 for c in clause.children) \
        and subject is not None and holds_views(subject, lex)  # not "$10 billion committed to build new mills"


FUTURE_AUX = {"will", "shall", "'ll"}


def still_to_come(verb, lex: Lexicon) -> bool:
    """True for a stance a thing or a third party will take, with a noun-phrase object: "He will
    [support] the Board's oversight", "The Program will support farmers", "The Board will help
    [support] effective governance", "will lead security operations, [support] X" (the future
    may be the verb's own or that of the verb it goes on, without a subject of its own): a task,
    not a view. A pledge the speakers make of themselves ("We will continue to support Ukraine")
    is a statement, and so is a speech verb's statement to come ("She'll present her proposals
    Friday", "will visit a farm to announce actions"), which PolNeAR counts."""
    if cue_lemma(verb, lex) not in lex.person_stance:
        return False
    for _ in range(4):
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children):
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            return subject is None or subject.lower_ not in {"we", "i"}
        own = any(c.dep_ in {"aux", "nsubj", "nsubjpass"} and c.lower_ != "to" for c in verb.children)
        if own or verb.head.i == verb.i or not (verb.dep_ == "conj" or (verb.dep_ in {"xcomp", "advcl"} and verb.tag_ == "VB")):
            return False
        verb = verb.head
    return False


def promised_state(verb, frame: ObjectFrame, lex: Lexicon, passive: bool) -> bool:
    """True for a verb and preposition of promising (``preposition_cues`` of act ``promises``) that
    promises nothing: with an object it binds others ("formally committed their two nations to
    the Paris accord", "the accord committing every country to reducing emissions"), and in the
    passive or as the participle after "be", with nobody named, it is a state ("the United States
    is committed to bolstering ..."). "The leaders committed to a ceasefire" is a promise."""
    if not frame.preps or frame.phrase_act or lex.preps.get((cue_lemma(verb, lex), frame.preps[0].lower_)) != "promises":
        return False
    state = (passive or (verb.tag_ == "VBN" and verb.dep_ == "acomp")) and not any(c.dep_ == "agent" for c in verb.children)
    # ... but "We are committed to providing Ukraine with ...", "We remain committed to our
    # obligations": the speakers pledge it of themselves, as a joint statement writes it
    holder = verb.head if verb.dep_ == "acomp" else verb
    pledged = any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in {"we", "i"} for c in holder.children)
    return (state and not pledged) or frame.target is not None


FOCUS_PREPS = {"on", "upon", "to"}


def focus_frame(noun, lex: Lexicon):
    """(verb, preposition) of a noun of weight that makes a cue (``focus_nouns``): "Attention was
    [drawn] [to] X", "Putin drew attention to X", "emphasis was [laid] [on] X", "The emphasis [was]
    [on] X"; (verb, what was said) for "X was [brought] to notice"; None when the noun is no such
    cue ("paid attention to", "the emphasis of the talk")."""
    verb = noun.head
    verbs = lex.focus.get(noun.lemma_.lower())
    if verbs and noun.dep_ == "pobj" and verb.lower_ == "to" and verb.head.lemma_.lower() in verbs:
        # "X was brought to notice", "brought X to the attention of": what was said is the verb's
        # subject in the passive, its object in the active
        said = next((c for c in verb.head.children if c.dep_ in {"nsubjpass", "dobj"}), None)
        return (verb.head, said) if said is not None else None
    if not verbs or noun.dep_ not in {"nsubjpass", "dobj", "nsubj"} or verb.lemma_.lower() not in verbs \
            or (noun.dep_ == "nsubj" and verb.lemma_.lower() != "be"):
        return None
    prep = next((c for c in list(verb.children) + list(noun.children)
                 if c.dep_ == "prep" and c.lower_ in FOCUS_PREPS and c.i > noun.i
                 and any(g.dep_ == "pobj" for g in c.children)), None)
    return (verb, prep) if prep is not None else None


def present_read_as_adjective(tok, lex: Lexicon) -> bool:
    """True for a speech verb in the present tense, as joint statements write them, that the
    tagger read as an adjective or a noun: "We [affirm] that a nuclear war cannot be won", "The
    leaders [affirm] that ...". The word must be the verb's own base form with a subject and a
    that-clause of its own, so "an affirm vote" or "the reaffirm button" stay what they are."""
    if tok.pos_ not in {"ADJ", "NOUN", "PROPN"} or tok.lower_ not in lex.verbs:
        return False
    children = list(tok.children)
    return any(c.dep_ == "nsubj" and c.i < tok.i for c in children) and any(
        c.dep_ == "ccomp" and c.i > tok.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in children)


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
    about ways to mend relations" reports what was said to a group, as news does); and for a
    talk among the sides themselves ("They also talked about efforts to increase energy
    generation", "The leaders spoke about X", "Putin and Macron spoke about X"), a topic line as
    "discussed" is; so is the passive
    ("Certain bilateral agenda items were touched upon")."""
    if cue_lemma(verb, lex) not in lex.conversation:
        return False
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
        return True  # "Some aspects of cooperation were touched upon": a topic line, as "were discussed"
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    # "Vladimir Putin and Emmanuel Macron also spoke about X": the two sides named together
    among_themselves = subject is not None and (subject.lower_ in {"they", "both"} or (
        subject.lower_ in lex.joint_subjects and not any(c.dep_ in {"amod", "poss", "compound"} for c in subject.children))
        or any(c.dep_ == "conj" for c in subject.children) and any(c.dep_ == "cc" and c.lower_ == "and" for c in subject.children))
    return among_themselves or any(
        c.dep_ == "prep" and c.lower_ == "with" and any(g.dep_ == "pobj" and g.ent_type_ == "PERSON" for g in c.children)
        for c in verb.children)


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

