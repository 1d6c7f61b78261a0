"""Stage 2, English grammar: cue words that report no statement of their own, and who can hold a view.

``not_said`` answers for a cue word the parse found (``kit.quotes_cues``): a participle that names a
thing ("a group called X"), a word's sense, a duty an order lays down, a stance a thing is said to
take or the purpose of a deed, a verb nobody is the subject of, a statement still to come, a thing
withheld. ``holds_views`` says whether a subject can hold a stance at all; ``is_text`` whether it is a
document, count or gathering that speaks without being a person.
"""
from __future__ import annotations

from .coref import ROLE_SYNONYMS
from .cues import Lexicon, cue_lemma
from .quotes_readouts import DEMONSTRATIVES, listed_after_object, noun_said_by
from .quotes_subject import PASSIVE_DEPS, _subject


def not_said(tok, lex: Lexicon) -> bool:
    """True for a cue word that reports no statement of its own: a participle or infinitive that
    names or describes a noun ("a group called X", "attempts to blame Russia"), the sense of a
    word ("a term Rubio has used to describe Trump"; ``word_use_verbs``), a participle used as an
    adjective ("pledged delegates"), a duty laid down in an order ("shall inform"), the infinitive of
    another cue ("asked him to convey our wishes": the asking is the statement), a stance a thing
    is said to take ("tariffs that support jobs") or the purpose of a deed ("$20 million to support
    research"), a verb nobody is the subject of (a list of
    deeds: "21. Announced new tariffs ..."; a participle: "for supporting Hamas"), a statement
    still to come ("will be announced later"), one under a condition ("unless the Minister publishes a
    notice stating ..."), a thing withheld ("denies Russia access"), a bid
    to the reader ("Call it viral fundraising."), a thought lent to the listener ("you know that")
    or a person an object verb is done to ("Mr. Restaino was detailed as ...")."""
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in (lex.verbs | lex.belief) - lex.quote_only \
            and not listed_after_object(tok):  # "informed X on Y, [set forth] Z": the next verb of a list
        return True
    if _so_called(tok) or _thing_with_infinitive(tok, lex) or _duty_to_say(tok) or _thing_holds_stance(tok, lex) \
            or _stance_as_purpose(tok, lex) or _material_support(tok, lex) or _nobody_speaks(tok) \
            or _yet_to_be_said(tok) or _withheld(tok, lex) or _found_to_be(tok, lex) or _told_to_the_reader(tok) \
            or _caused_by_a_deed(tok, lex) or _under_condition(tok) or _done_in_a_document(tok, lex) \
            or _listener_thinks(tok, lex) or _person_as_object(tok, lex) or _thing_told(tok, lex) \
            or _judged_by_the_writer(tok, lex) or _provided_by_an_instrument(tok, lex) or _rite_said(tok, lex) \
            or _reason_for_a_deed(tok, lex) or _deed_of_no_person(tok, lex) or _that_said(tok):
        return True
    while tok.dep_ in {"xcomp", "advcl"} and tok.tag_ == "VB" and tok.head.i != tok.i:
        tok = tok.head  # "used [to describe]"
        if tok.lemma_.lower() in lex.word_use:
            return True
    return (tok.dep_ == "acl" and tok.tag_ in {"VBN", "VB"} and not noun_said_by(tok, lex)
            and not naming_read_as_participle(tok, lex)) or tok.dep_ == "amod"  # "271 pledged delegates"


def naming_read_as_participle(tok, lex: Lexicon) -> bool:
    """True for a naming verb's past the tagger read as a participle after its subject: "one
    lawmaker called Trump “the orange prince of American self-publicity.”", "Beruff, a Scott ally,
    called Florida's standards “strong.”": with a person or group before it, and an object of
    its own before a quotation, someone named something in their words ("a group called the “We
    the People Foundation”" names the group, with no object before the quotation)."""
    if tok.dep_ != "acl" or tok.tag_ != "VBN" or tok.lemma_.lower() not in lex.naming:
        return False
    head, doc = tok.head, tok.doc
    if head.i > tok.i or not holds_views(head, lex) or any(t.pos_ in {"VERB", "AUX"} for t in doc[head.i + 1:tok.i]):
        return False
    mark = next((t for t in doc[tok.i + 1:tok.sent.end] if t.is_quote), None)
    between = doc[tok.i + 1:mark.i] if mark is not None else []
    # the object, then the quotation: no clause or comma between them ("a group called Citizens
    # for Trump, which expects ..." is a name, whatever quotation comes later)
    return mark is not None and any(t.pos_ in {"NOUN", "PROPN", "PRON"} for t in between) \
        and not any(t.text == "," or t.pos_ in {"VERB", "AUX"} or t.tag_ in {"WDT", "WP"} for t in between)


def _told_to_the_reader(tok) -> bool:
    """ "Call it viral fundraising.", "Or support Paul Ryan, who will lead the opposition": a bare
    verb that opens its sentence (after "and", "or", "so" at most) bids the reader do something;
    it is the writer's voice, nobody's statement; in a speech, "Thank you for celebrating with us"
    is the speaker's own courtesy, which reports nothing."""
    # the parser tags a sentence-opening "Thank you for coming" VBP: an imperative all the same
    if tok.tag_ not in {"VB", "VBP"} or tok.dep_ != "ROOT" or any(c.dep_ in {"nsubj", "aux"} for c in tok.children):
        return False
    before = [t for t in tok.doc[tok.sent.start:tok.i] if not (t.is_punct or t.is_space)]
    return all(t.dep_ in {"cc", "advmod"} and t.head.i == tok.i for t in before)


def _caused_by_a_deed(tok, lex: Lexicon) -> bool:
    """ "Perkins hosted an FBI workspace, raising concerns about misuse of data": a ``cause_verbs``
    participle set off after a verb that reports no speech tells what the deed caused; nobody
    voiced the concerns ("The senator spoke at the rally, raising concerns about X" voiced them)."""
    head = tok.head
    return cue_lemma(tok, lex) in lex.cause_verbs and tok.tag_ == "VBG" and tok.dep_ == "advcl" and head.i < tok.i \
        and not any(c.dep_ == "nsubj" for c in tok.children) and cue_lemma(head, lex) not in lex.cue_verbs and not any(
            c.dep_ == "prep" and (cue_lemma(head, lex), c.lower_) in lex.preps for c in head.children)


# Dependencies that keep a word inside the clause it belongs to: climbing through them from a cue
# reaches the verb of the clause that holds the cue ("publishes a notice [stating]").
SAME_CLAUSE_DEPS = {"acl", "dobj", "pobj", "prep", "xcomp", "conj", "dative", "attr", "oprd"}


def _under_condition(tok) -> bool:
    """ "the emergency terminates unless the Minister publishes a notice stating that ...", "If the
    council says no, the plan dies": a cue in a clause of condition ("if", "unless") tells what
    would follow were it said, not what was said."""
    while tok.dep_ in SAME_CLAUSE_DEPS and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in tok.children)


def _done_in_a_document(tok, lex: Lexicon) -> bool:
    """ "the national emergency with respect to Iran declared in Executive Order 12170", "the
    emergency declared in Executive Order 13611 on May 16, 2012, to deal with that threat must
    continue": a past form followed by "in" or "by" and a document (``text_nouns``), whose subject,
    if the parser gave it one, is a thing, is a participle naming the act that document did
    ("The President declared in Proclamation 10144 that ..." is still a statement)."""
    if tok.tag_ not in {"VBD", "VBN"}:
        return False
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if after is None or after.lower_ not in {"in", "by"} or after.head.i != tok.i:
        return False
    document = next((c for c in after.children if c.dep_ == "pobj"), None)
    if document is None or not is_text(document, lex):
        return False
    subject = _subject(tok)
    return subject is None or not holds_views(subject, lex)


def _provided_by_an_instrument(tok, lex: Lexicon) -> bool:
    """ "A Decree ... that sets forth the Guidelines for ...", "This order sets forth the Council's
    membership", "the treaty stipulates that ...": a ``provision_verbs`` verb whose subject is a
    legal instrument (``instrument_nouns``; a relative pronoun stands for its noun) lays down the
    instrument's provisions, which nobody states ("The Governor set forth his plans" does)."""
    particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), "")
    lemma = cue_lemma(tok, lex)
    if f"{lemma} {particle}".strip() not in lex.provision_verbs:
        return False
    subject = _subject(tok)
    if subject is not None and subject.lower_ in {"that", "which"} and subject.head.dep_ == "relcl":
        subject = subject.head.head
    return subject is not None and (subject.lemma_.lower() in lex.instrument_nouns
                                    or subject.lower_ in lex.instrument_nouns)


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


def _found_to_be(tok, lex: Lexicon) -> bool:
    """ "in case one of those components is later found to have a vulnerability", "those ... are
    ultimately found to have a valid asylum claim": a passive cue with an infinitive and nobody
    who found or said it tells what something turned out to be, no one's statement ("The President
    of France was asked to ...", a verb of telling, is the asking; "It was agreed to meet again",
    with no subject but "it", is a readout's impersonal statement)."""
    subject = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    return subject is not None and subject.lower_ != "it" and not any(c.dep_ == "agent" for c in tok.children) \
        and cue_lemma(tok, lex) not in lex.addressee and any(
            c.dep_ == "xcomp" and c.tag_ == "VB" and any(a.lower_ == "to" for a in c.children) for c in tok.children)


def _listener_thinks(tok, lex: Lexicon) -> bool:
    """ "you came because you know that showing up matters": a thought the speaker lends the
    listener, which nobody stated."""
    if tok.lemma_.lower() not in lex.belief:  # before the subject, which takes far longer to find
        return False
    subject = _subject(tok)
    return subject is not None and subject.lower_ == "you"


def _person_as_object(tok, lex: Lexicon) -> bool:
    """ "Mr. Restaino was detailed as a Trial Attorney to the Department": a passive object verb
    (whose passive subject is what was said) with a person as subject and nobody who said it tells
    what happened to the person ("It was pointed out that ..." and "Biden was criticised by X" stay)."""
    subject = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    return subject is not None and subject.ent_type_ == "PERSON" and tok.tag_ == "VBN" \
        and any(v == cue_lemma(tok, lex) for v, _ in lex.objects) and not any(c.dep_ == "agent" for c in tok.children)


def _withheld(tok, lex: Lexicon) -> bool:
    """ "It denies Russia access to key markets", "denied him a visa", "denying Russian carriers the
    ability to conduct business": a verb of denying whose object is a thing withheld
    (``withheld_nouns``) or a person it is withheld from (two objects), not a claim."""
    if lex.acts.get(cue_lemma(tok, lex)) != "denies":
        return False
    objects = [c for c in tok.children if c.dep_ in {"dobj", "dative"}]
    return len(objects) > 1 or any(c.dep_ == "dative" or (c.dep_ == "dobj" and c.lemma_.lower() in lex.withheld)
                                   for c in objects)


def _duty_to_say(tok, depth: int = 0) -> bool:
    """ "The Secretary shall inform the President of ...", "shall develop and publish an update":
    an order's duty to report later, not anything said; so is what a duty is for ("shall develop
    guidance and provide technical assistance to encourage State agencies to ...")."""
    verbs = [tok, tok.head] if tok.dep_ == "conj" else [tok]
    if any(c.dep_ == "aux" and c.lower_ == "shall" for v in verbs for c in v.children):
        return True
    purpose = tok.dep_ in {"advcl", "acl"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    if not purpose or depth >= 2:
        return False
    above = tok.head.head if tok.dep_ == "acl" else tok.head  # "guidance [to encourage]": the verb the noun hangs on
    return above.pos_ in {"VERB", "AUX"} and _duty_to_say(above, depth + 1)


def _judged_by_the_writer(tok, lex: Lexicon) -> bool:
    """ "It was revealing that X gave a critical assessment of Y": an ``evidence_verbs``
    participle after "it" and "be", the writer's judgement of what follows, not a statement (X's
    own words inside it are; "it was reporting that", a newspaper's, stays)."""
    return tok.tag_ == "VBG" and cue_lemma(tok, lex) in lex.evidence_verbs \
        and any(c.dep_ in {"nsubj", "expl"} and c.lower_ == "it" for c in tok.children) \
        and any(c.dep_ == "aux" and c.lemma_ == "be" for c in tok.children) \
        and any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) for c in tok.children)


def _thing_told(tok, lex: Lexicon) -> bool:
    """ "The Task Force microsite has been updated to reflect these accomplishments": a verb of
    telling (``addressee_verbs``) in the passive, with no agent, whose subject is the one told and
    can hear nothing (a thing: see :func:`holds_views`) is an edit or a deed, not a statement
    ("The committee was briefed on X", "the negotiators were informed" keep their hearers)."""
    if tok.lemma_.lower() not in lex.addressee or any(c.dep_ == "agent" for c in tok.children):
        return False
    subject = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.pos_ != "NOUN" or subject.ent_type_ or is_text(subject, lex):
        return False
    lemma = subject.lemma_.lower()
    # a common noun that is neither people nor a body nor someone's office ("microsite", "the guidance")
    return not (lemma in lex.people_nouns or subject.lower_ in lex.people_nouns or lemma in lex.joint_subjects
                or lemma in ROLE_SYNONYMS or lemma.endswith(PEOPLE_ENDINGS + HEARER_ENDINGS))


def _thing_with_infinitive(tok, lex: Lexicon) -> bool:
    """ "imports that threaten to impair national security": a ``person_infinitive_verbs`` verb
    with an infinitive whose subject is a thing (no name, organisation, place or personal
    pronoun or office; a relative pronoun stands for the noun it follows)."""
    if tok.lemma_.lower() not in lex.person_infinitive or not any(c.dep_ == "xcomp" for c in tok.children):
        return False
    if _infinitive_of_result(tok, lex):
        return True
    subject = _subject(tok)
    if subject is not None and subject.lower_ in {"that", "which"} and subject.head.dep_ == "relcl":
        subject = subject.head.head
    if subject is None:
        return False
    return not (subject.lower_ in PERSONAL or subject.ent_type_ in SPEAKER_ENTS or subject.pos_ == "PROPN"
                or subject.lower_ in ROLE_SYNONYMS)  # "the minister threatened to resign"


def _infinitive_of_result(tok, lex: Lexicon) -> bool:
    """ "imported in such quantities [as to threaten] to impair national security": a to-infinitive of
    result or purpose has no subject of its own; what it tells is done by its clause's subject, and when
    that clause is passive (what is imported) or its subject is a thing, nobody threatens or promises."""
    # the parser hangs "as to threaten" on its verb as an adverbial or as a verb joined to it
    if tok.dep_ not in {"advcl", "conj"} or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    head = tok.head
    if any(c.dep_ in PASSIVE_DEPS for c in head.children):
        return True
    subject = _subject(head)
    return subject is None or not holds_views(subject, lex)


def _reason_for_a_deed(tok, lex: Lexicon) -> bool:
    """ "Recognizing that the town spends $65 million a year, the Mayor has directed offices to buy
    locally": a participle that opens the sentence with a that-clause, before a deed (a verb that is no
    cue), gives the text's reason for the deed, not a statement of the doer's ("Noting that the river
    was closed, the Mayor said ..." leaves the saying to the cue)."""
    head = tok.head
    if tok.tag_ != "VBG" or tok.dep_ != "advcl" or tok.i > head.i or tok.i != tok.sent.start:
        return False
    if cue_lemma(head, lex) in lex.verbs | lex.belief:
        return False
    return any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
               for c in tok.children)


# Endings of nouns for people who do something ("voters", "residents", "critics", "participants",
# "employees", "representatives"); "-ment" ("investment") names a thing.
AGENT_ENDINGS = ("er", "or", "ist", "ian", "ent", "ant", "ee", "ive", "ite", "ic", "crat", "ary", "yst")


# The endings of AGENT_ENDINGS that name people who can be told something ("the negotiators were
# briefed"): not "-ite", "-ive", "-ic" ("the microsite was updated", "the directive", "the graphic").
HEARER_ENDINGS = ("er", "or", "ist", "ian", "ent", "ant", "ee", "crat", "ary")


# ... and compounds of a noun for people ("businessman", "spokeswoman", "chairperson", "townspeople").
PEOPLE_ENDINGS = ("man", "men", "woman", "women", "person", "people", "folk")


def holds_views(tok, lex: Lexicon) -> bool:
    """True for a subject that can hold a stance: a personal pronoun ("it" too: a newspaper, a
    party), a name, organisation, place or people, an office, a share of people ("76%", "most"),
    a noun for people or a body of people (``people_nouns``), the sides of a meeting ("the heads
    of state", "the parties": ``joint_subjects``) or an agent noun ("residents"); not a sum of
    money or a thing ("no taxpayer dollars", "these import volumes")."""
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
    return lemma in lex.people_nouns or tok.lower_ in lex.people_nouns or tok.lower_ in lex.joint_subjects \
        or lemma.endswith(PEOPLE_ENDINGS) or (lemma.endswith(AGENT_ENDINGS) and not lemma.endswith("ment"))


def _thing_holds_stance(tok, lex: Lexicon) -> bool:
    """ "no taxpayer dollars support foreign organizations": a ``person_stance_verbs`` verb whose
    subject cannot hold a view (see :func:`holds_views`), unlike "Most residents oppose it"; an
    ``evidence_verbs`` verb whose subject is neither someone nor a text ("this indicates that ...",
    "these triumphs underscore ...", unlike "the report shows"); a ``reason_verbs`` verb under
    "this" or "that" ("this explained its wine sector"); a ``deed_verbs`` verb whose
    subject is a people, a nation or a body ("a proud people have repeatedly shown that ...", "the
    army demonstrated that ...": what they did), or a gathering ("The discussions showed meaningful
    progress": what happened at them), or with a person or a pronoun as subject and an object that
    is no speech noun ("Obama shows “great charm”": a quality shown; "showed support for X" speaks); a light verb whose subject is neither someone nor
    a text ("the fixed-price contracts give the assurance to invest", unlike "the report gives an
    assessment"); a verb of a conversation whose subject is a thing, a talk included ("The
    conversation also touched upon X" names a topic; "the Governor touched on X" is a statement)."""
    lemma = cue_lemma(tok, lex)
    if lemma in lex.reason_verbs:  # "... and this explained its wine sector": a reason
        subject = _subject(tok)
        return subject is not None and subject.lower_ in DEMONSTRATIVES
    if lemma not in lex.person_stance | lex.evidence_verbs | lex.deeds | lex.light | lex.conversation:
        return False
    subject = _subject(tok)
    if lemma in lex.deeds and subject is not None and (subject.lemma_.lower() in lex.people_nouns | lex.gatherings
                                                      or subject.lower_ in lex.people_nouns | lex.gatherings):
        return True  # "a proud people have shown that they will not tolerate ...", "the talks showed progress": a deed
    shown = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if lemma in lex.deeds and subject is not None and shown is not None and shown.lemma_.lower() not in lex.nouns \
            and (subject.ent_type_ == "PERSON" or subject.lower_ in PERSONAL | {"it"}):
        return True  # "Obama shows “great charm”", "it showed “intent”": a quality shown ("showed support": words)
    if subject is None or holds_views(subject, lex):
        return False
    return lemma in lex.person_stance | lex.conversation or not is_text(subject, lex)


def _that_said(tok) -> bool:
    """ "That said, the council cannot fund a second boat", "That being said, ...", "This said,
    ...": a sentence opened by a demonstrative and a verb of saying set off by a comma is the
    writer's turn of phrase ("even so"), not a statement of anyone's."""
    doc = tok.doc
    start = tok.sent.start
    words = [t for t in doc[start:tok.i] if not t.is_punct and t.lower_ != "being"]
    return len(words) == 1 and words[0].lower_ in DEMONSTRATIVES and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ","


def _deed_of_no_person(tok, lex: Lexicon) -> bool:
    """ "the militia attacked the town", "we will defend our borders", "to defend the Constitution":
    a ``person_only_verbs`` verb whose subject is not a person (a name the parser takes for a
    person or for nothing else, an office such as "the governor", "he" or "she"; a relative
    "who" stands for the noun before it) is a deed, not a statement; "Trump attacked Romney for
    ..." and "she defended her decision" are words."""
    if cue_lemma(tok, lex) not in lex.person_only:
        return False
    subject = _subject(tok)
    if subject is not None and subject.lower_ in {"who", "that"} and subject.head.dep_ == "relcl":
        subject = subject.head.head
    if subject is None or any(c.dep_ in PASSIVE_DEPS for c in tok.children) or not (
            subject.ent_type_ == "PERSON" or subject.lower_ in {"he", "she"} or subject.lemma_.lower() in ROLE_SYNONYMS
            or (subject.pos_ == "PROPN" and not subject.ent_type_)):
        return True
    target = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if target is None or target.ent_type_ in PLACE_ENTS:
        return target is not None  # "defended Kyiv", "attacked Ukraine": a place
    if cue_lemma(tok, lex) not in lex.person_target:
        return False
    # "attacked Romney", "attacked the media for ...": someone, or what for or as
    someone = target.ent_type_ in {"PERSON", "ORG", "NORP"} or target.pos_ == "PROPN" or target.lower_ in OBJECT_PRONOUNS \
        or target.lemma_.lower() in ROLE_SYNONYMS or target.lemma_.lower().endswith(HEARER_ENDINGS + PEOPLE_ENDINGS)
    reason = any(c.dep_ == "prep" and c.lower_ in {"for", "as", "over"} for c in (*tok.children, *target.children))
    return not (someone or reason or any(t.is_quote for t in target.subtree))


# Entities that are places: what a person's words never attack or defend.
PLACE_ENTS = {"GPE", "LOC", "FAC"}
OBJECT_PRONOUNS = {"him", "her", "them", "me", "us", "you", "each", "one", "himself", "herself", "themselves"}


def _rite_said(tok, lex: Lexicon) -> bool:
    """ "saying an extra prayer every morning that their spouse returns home safely", "said goodbye
    to the crew": a speech verb whose object is a rite or a courtesy (``rite_nouns``) reports words
    of a rite, not what someone stated ("said the plan was dead" has no such object)."""
    return cue_lemma(tok, lex) in lex.verbs and any(
        c.dep_ in {"dobj", "npadvmod", "intj"} and c.lemma_.lower() in lex.rite_nouns for c in tok.children)


def _material_support(tok, lex: Lexicon) -> bool:
    """ "supporting the Ministry of Health with technical assistance", "supports countries to adapt
    to climate change", "supports the relationship by fostering exchanges", "support the defensive
    needs of X" (``help_nouns``): a ``person_stance_verbs`` verb with what it is done with, what it
    enables its object to do, how it is done, or a need it meets, is help given, not a view stated
    ("supports the bill", "supports Ukraine's right to defend itself")."""
    if cue_lemma(tok, lex) not in lex.person_stance:
        return False
    target = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if target is None:
        return False
    if target.lemma_.lower() in lex.help_nouns and not any(  # "support the defensive needs of X" (not "the need for talks")
            (c.dep_ == "prep" and c.lower_ == "for") or c.dep_ in {"acl", "relcl"} for c in target.children):
        return True
    # "states who have been supporting asylum seekers", "to support themselves and their families":
    # people in need, or oneself, are kept, not agreed with ("voters support Democrats", a party,
    # and "support the people of Ukraine", solidarity with a nation, are stances)
    if target.tag_ == "PRP" and target.lower_.endswith(("self", "selves")) or (
            target.tag_ == "NNS" and target.pos_ == "NOUN" and holds_views(target, lex)
            and target.ent_type_ not in SPEAKER_ENTS and target.lemma_.lower() not in {"people", "person"}):
        return True
    for c in tok.children:
        if c.i < target.i:
            continue
        if c.dep_ == "prep" and c.lower_ == "with" and any(
                g.dep_ == "pobj" and g.pos_ == "NOUN" and not holds_views(g, lex) for g in c.children):
            return True
        if c.dep_ in {"xcomp", "advcl", "ccomp"} and c.tag_ == "VB" and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children) and c.left_edge.i == target.right_edge.i + 1:
            return True  # "supports [people] to adapt": the parser may hang the infinitive on the verb
        if c.dep_ == "prep" and c.lower_ == "by" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children):
            return True
    # "supports [more than half a billion people to adapt]": people enabled to act (not "supports
    # Israel's right to defend itself", a stance on a right)
    enabled = holds_views(target, lex) and (target.tag_ in {"NNS", "NNPS"} or target.ent_type_ in SPEAKER_ENTS)
    return enabled and any(c.dep_ == "acl" and c.tag_ == "VB" and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in target.children)


def _stance_as_purpose(tok, lex: Lexicon) -> bool:
    """ "provides $20 million to support youth suicide prevention", "a program to support farmers",
    "To further support children's success, I encourage ...": a ``person_stance_verbs`` verb in a
    to-infinitive that tells what a deed or a thing is for says what the money or the work does,
    not a view anyone stated ("The senator wants to support the bill" is the wanting's)."""
    if cue_lemma(tok, lex) not in lex.person_stance or tok.tag_ != "VB" \
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    if tok.dep_ in {"advcl", "acl"}:
        return True
    # "includes nearly $25 billion [to support] small business lending": the parser may hang the purpose
    # on the verb; after an amount or a thing as the object, the infinitive says what it is for
    # ("persuaded voters to support him" keeps people who can take a stance)
    amount = next((c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i), None)
    return tok.dep_ == "xcomp" and amount is not None and not holds_views(amount, lex)


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
    opening = tok.tag_ in {"VBD", "VBN"} and tok.dep_ == "ROOT"
    inside = tok.tag_ in {"VBG", "VB"} and tok.dep_ != "ROOT"
    if not (opening or inside) or any(c.dep_ in PASSIVE_DEPS for c in tok.children) or _subject(tok) is not None:
        return False  # (the tags first: finding the subject takes far longer)
    return inside or _opens_item(tok)
