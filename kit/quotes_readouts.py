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

from bisect import bisect_left
from dataclasses import dataclass

from .coref import Resolver
from .cues import Lexicon, cue_lemma

# Prepositions whose object says what a statement was about ("expressed concern [over X]").
CONTENT_PREPS = {"about", "of", "on", "over", "regarding", "concerning", "against", "for", "as", "with"}
# What a statement's predicate may carry that is not what was said: where, when, why.
ADJUNCT_MARKS = {"after", "before", "when", "while", "because", "since", "although", "though", "as",
                 "until", "once", "whereas", "whilst"}
ADJUNCT_PREPS = {"at", "in", "during", "after", "before", "since", "amid", "amidst", "following", "by",
                 "through", "via", "from"}


@dataclass
class ObjectFrame:
    """What a verb governs that can be said content: its object, and the prepositions that make
    it a cue with the verb ("called [for]", "accused X [of]")."""
    takes_object: bool
    target: object
    preps: list


def object_frame(tok, lex: Lexicon) -> ObjectFrame:
    """The object and cue prepositions of a verb token."""
    lemma = cue_lemma(tok, lex)
    particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), "")
    takes_object = (lemma, particle) in lex.objects or (lemma, "") in lex.objects
    target = next((c for c in tok.children if c.dep_ == "dobj"), None)
    # "updated President Zelenskyy [on U.S. efforts]": the parser may hang the preposition on the addressee
    near = list(tok.children) + (list(target.children) if target is not None and lemma in lex.addressee else [])
    preps = [c for c in near if c.dep_ == "prep" and (lemma, c.lower_) in lex.preps]
    return ObjectFrame(takes_object, target, preps)


def about_time(tok) -> bool:
    """A preposition or noun that dates or places in time ("on Thursday", "last week")."""
    return tok.ent_type_ in {"DATE", "TIME"} or any(
        c.ent_type_ in {"DATE", "TIME"} for c in tok.children if c.dep_ == "pobj")


def object_content(verb, target, exclude: set) -> set:
    """What was said as a noun phrase: the object (or a passive's subject, or a preposition's
    object), and the rest of the verb's predicate to its right ("reaffirmed [the readiness of the
    United States along with its allies to respond decisively]"), without a coordinated verb
    (its own statement), a clause of time or cause ("after ..."), or a date."""
    ids = {t.i for t in target.subtree}
    for child in verb.children:
        if child.i < target.i or child.i in ids or child.dep_ in {"punct", "cc", "mark", "prt"}:
            continue
        if child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"}:
            continue
        if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ADJUNCT_MARKS for c in child.children):
            continue
        if child.dep_ in {"advmod", "npadvmod"} or (child.dep_ == "prep" and (
                about_time(child) or child.lower_ in ADJUNCT_PREPS)):
            continue
        ids |= {t.i for t in child.subtree}
    for child in verb.children:  # "cited X [as an example]" even when it comes first
        if child.dep_ == "oprd" or (child.dep_ == "prep" and child.lower_ in CONTENT_PREPS and not about_time(child)):
            ids |= {t.i for t in child.subtree}
    return ids - exclude


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


def object_statement(tok, cue, frame: ObjectFrame, lex: Lexicon, exclude: set, passive: bool) -> None:
    """Give ``cue`` (headed by verb ``tok``) the content and act of a readout form when it has
    no clause: the object of an object verb or of a light verb with a speech noun, else what a
    cue preposition governs. ``exclude`` holds the speaker's and the verb's tokens."""
    lemma, target, belief = cue_lemma(tok, lex), frame.target, cue.belief
    if target is None and passive and not belief:  # "was backed by liberals" is no stance taken
        target = next((c for c in tok.children if c.dep_ == "nsubjpass" and c.lower_ != "it"), None)
    noun_act = lex.nouns.get(target.lemma_.lower()) if target is not None else None
    if lemma in lex.light and noun_act:
        cue.act = noun_act
    if target is None and frame.takes_object:  # "described as counterproductive the intentions of ..."
        target = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    if not cue.content and target is not None and (frame.takes_object or (not belief and lemma in lex.light and noun_act)):
        cue.content = object_content(tok, target, exclude)
        if not frame.takes_object and not cue.content - bare_noun(target):
            cue.content = set()  # "made the comments on Friday": a statement referred to, not made
    complement = naming_complement(tok, target)
    # "Trump is seen as the front-runner": a view nobody in particular holds is no one's stance
    # nor is "what Mr. Trump considers “smart”": the view is of a thing the sentence does not name
    regarded = lemma in lex.regard and (passive or (target is not None and target.tag_ in {"WP", "WDT"}))
    if not cue.content and lemma in lex.naming and complement is not None and not regarded:
        target_ids = {t.i for t in target.subtree} if target is not None else set()
        cue.content = (target_ids | {t.i for t in complement.subtree}) - exclude
        if lemma in lex.regard:
            cue.act = "believes"
    if not cue.content and not belief and frame.preps:
        prep = frame.preps[0]
        cue.act = lex.preps[(lemma, prep.lower_)]
        cue.content = object_content(tok, prep, exclude | {prep.i}) if prep.head.i == tok.i else \
            {t.i for t in prep.subtree} - {prep.i} - exclude
        if target is not None and lemma not in lex.addressee:  # "accused X of Y", not "briefed X on Y"
            cue.content |= {t.i for t in target.subtree} - exclude


PERSONAL_PRONOUNS = {"i", "we", "you", "he", "she", "they"}


def person_told(verb) -> bool:
    """True for a passive cue whose subject is a person with no agent: "Sanders was asked to
    name a decision", "President Obama is briefed on the situation", "I was told that ...". The
    person was spoken to; who spoke, the text does not say."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None or any(c.dep_ == "agent" for c in verb.children):
        return False
    return subject.lower_ in PERSONAL_PRONOUNS or subject.ent_type_ == "PERSON"


def _main_speaker(rows: list[dict], people: set[str]) -> None:
    """A statement whose cue names nobody ("It was emphasised that ...", "Specific examples ...
    were cited", "The President of France was asked to ...") is the text's main speaker's, as
    in a readout: the person who is the subject of the nearest earlier cue, else the first
    person who is the subject of a cue anywhere in the text. Joint subjects ("The leaders") and
    institutions do not count; a text with no person speaking leaves the speaker empty."""
    by_person = sorted((r["cue_start"], r["speaker"]) for r in rows
                       if r["speaker_start"] >= 0 and r["cue_start"] >= 0 and r["speaker"] in people)
    if not by_person:
        return
    cue_starts = [at for at, _ in by_person]
    for r in rows:
        if r["speaker"] or not r["cue"] or r["kind"] == "turn" or r["speaker_start"] >= 0 or r.get("_told"):
            continue
        earlier = bisect_left(cue_starts, r["cue_start"])
        r["speaker"] = by_person[earlier - 1][1] if earlier else by_person[0][1]
        r["confidence"] = round(min(r["confidence"], 0.5), 2)


def implicit_speakers(rows: list[dict], resolver: Resolver) -> None:
    """Speakers for the rows whose cue names nobody: the text's main speaker (see
    :func:`_main_speaker`), else, in a readout with no person speaking ("The presidents ... It
    was agreed"), every side the text introduced."""
    _main_speaker(rows, {p.full for p in resolver.people})
    for r in rows:
        if not r["speaker"] and r["cue"] and r["kind"] != "turn" and r["speaker_start"] < 0 and not r.get("_told"):
            r["speaker"] = resolver.unnamed_sides(r["cue_start"])
