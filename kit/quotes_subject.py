"""Stage 2, English grammar: who a cue's speaker phrase is in the parse.

``_subject(verb)`` finds the token a cue verb's speaker hangs on (its subject, the agent of a
passive, a name after the quotation: "...," said Peskov), ``_antecedent`` reads "who" and
"which" back to the noun they stand for, ``_mention`` gives the mention's character span and
words ("Kremlin spokesperson Dmitry Peskov"), and ``_content_pieces`` the character pieces of a
reported clause. ``kit.quotes_cues`` finds the cues these read; ``kit.coref`` later turns the
mention into a name.
"""
from __future__ import annotations

from .cues import cue_lemma, load_lexicon
from .quotes_clause import cue_forms, finite_form, plural_present_goes_on
from .quotes_readouts import DOUBLE_QUOTES, finite_under_bare, listed_after_object, passive_participle, verb_list


SUBJECT_DEPS = {"nsubj", "nsubjpass"}
PASSIVE_DEPS = {"nsubjpass", "auxpass", "csubjpass"}
RELATIVE = {"who", "that", "which", "whom"}
NOT_MENTION_DEPS = {"relcl", "acl", "advcl", "punct", "cc", "conj", "prep"}
NOT_SPEAKER_WORDS = {"it", "this", "that", "there", "what", "which", "itself"}
CONTROL_NOUN_POS = {"NOUN", "PROPN", "PRON"}
# verbs of causing someone to do something: their object is the one who does it
CAUSE_TO_SPEAK = {"lead", "prompt", "cause", "leave", "force", "drive", "spur", "inspire", "provoke", "move", "get"}


def _quoted(tok) -> bool:
    """A token between an opening and a closing double quotation mark of its sentence."""
    return sum(t.text in DOUBLE_QUOTES for t in tok.doc[tok.sent.start:tok.i]) % 2 == 1


def _chant(verb) -> bool:
    """A participle that is a cue only beside a quotation ("chanting", "crying"; ``quotation_only_verbs``)."""
    return verb.tag_ == "VBG" and cue_lemma(verb, load_lexicon()) in load_lexicon().quote_only


def _relative_clause_before(verb):
    """The relative clause that ends at the comma right before a participle that is a cue only beside
    a quotation ("chanting", "crying", "singing"; ``quotation_only_verbs``), when the parser hung the
    participle on a verb before that clause; None otherwise. A chant is the crowd's, not the speaker's
    of the sentence ("We recall the Berliners who gathered at the wall, chanting “…”")."""
    doc = verb.doc
    if verb.dep_ != "advcl" or not _chant(verb) or verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    for clause in doc[verb.i - 2].ancestors if doc[verb.i - 2].dep_ != "relcl" else [doc[verb.i - 2]]:
        if clause.i <= verb.head.i:
            return None
        if clause.dep_ == "relcl":
            return clause if clause.right_edge.i == verb.i - 2 else None
    return None


def _subject(verb, depth: int = 0):
    """The speaker token of a cue verb: its subject, the subject of the verb it hangs from
    ("..., adding that", "responded by calling"), the relative pronoun ("who" in "Peskov, who
    said", resolved to the noun it stands for by :func:`_antecedent`), the noun a relative clause
    without one describes, the agent of a passive ("was raised by Putin"), or the noun of "with"
    before a participle ("with one aide saying that ..."). The subject of a passive is never the
    speaker: it is what was said ("X was pointed out") or who was told ("He was told that"); nor is
    a heading that opens the sentence ("FACT: Senator Doe declared ...").

    Of two subjects the parser hangs on one verb, the one outside quotation marks speaks: in
    "“Nothing about Ukraine without Ukraine,” Kovalchuk told reporters" the quote's first word
    is a subject too."""
    retitled = title_after_fronted_name(verb)
    if retitled is not None:
        return retitled
    listed = verb_list(verb, load_lexicon())  # the lexicon kit.quotes reads with
    if listed is not None:  # "Biden thanked X, welcomed Y, and ...": the list's first subject
        return listed.speaker
    children = list(verb.children)
    if sum(c.dep_ in SUBJECT_DEPS for c in children) > 1:
        children.sort(key=lambda c: c.dep_ in SUBJECT_DEPS and _quoted(c))  # stable: quoted subjects last
    for child in children:
        if depth and child.lower_ == "it" and verb.dep_ == "ccomp" and child.dep_ in SUBJECT_DEPS:
            # "Putin emphasised that it is unacceptable ... and outlined ...": a cue the parser
            # hung on the reported clause is still the reporting subject's
            return _subject(verb.head, depth + 1)
        if _heading_label(child):
            continue
        # "Trump was asked about it and said ...": who was asked is who then spoke
        if child.dep_ == "nsubj" or (depth and child.dep_ == "nsubjpass" and child.lower_ != "it"):
            # "NOW, THEREFORE, I, DONALD J. TRUMP, ... do hereby proclaim": the parser takes the
            # capitalised adverb for the subject and hangs the "I" on it
            return next((c for c in child.children if c.dep_ == "appos" and c.lower_ in {"i", "we"}
                         and c.i + 1 < len(c.doc) and c.nbor(-1).text == c.nbor(1).text == ","), child)
    inverted = _named_after_quote(verb) or subject_read_as_apposition(verb)
    if inverted is not None:
        return inverted
    if not depth and (passive_participle(verb) or any(c.dep_ in PASSIVE_DEPS or (c.dep_ == "agent" and verb.tag_ == "VBN")
                                                   for c in verb.children)):
        # "was raised by Putin", and "as reported by the Post" with no auxiliary
        for child in verb.children:
            if child.dep_ == "agent":
                return next((gc for gc in child.children if gc.dep_ == "pobj"), None)
        return _sides_of_passive(verb)
    if verb.dep_ == "relcl":
        if depth < 3 and _infinitive(verb) and _adjunct_after_object(verb, verb.head, depth):
            return _subject(verb.head.head, depth + 1)  # "Brandt found ways [to cast] herself as ..."
        return verb.head
    reporting = verb.head.head if verb.dep_ == "conj" and verb.head.dep_ == "ccomp" else None
    if depth < 3 and reporting is not None and finite_form(verb) in cue_forms(reporting) and _speech_verb(verb) \
            and _speech_verb(reporting):
        # "Babushkin reported that the construction had resumed and also noted that ...": the
        # parser hung "noted" on the reported clause; it goes with the reporting verb
        return _subject(reporting, depth + 1)
    if depth < 3 and reporting is not None and plural_present_goes_on(reporting, verb, load_lexicon()):
        # "The U.S. and Italy underscore that the war must end, and fully endorse X": the cue's subject
        return _subject(reporting, depth + 1)
    if depth < 3 and listed_after_object(verb):  # "expressed X, [condemned] Y, and ...": the list's subject
        return _subject(verb.head, depth + 1)
    if depth < 3 and verb.dep_ == "conj" and finite_under_bare(verb):
        # "reaffirmed Russia's readiness to ensure supplies, and also expressed satisfaction":
        # the parser hung "expressed" on "ensure"; it goes with the finite verb above
        above = next((a for a in verb.ancestors if a.tag_ == verb.tag_), None)
        if above is not None:
            return _subject(above, depth + 1)
    if verb.dep_ == "xcomp":
        told = _told_to(verb)
        if told is not None:
            return told
    if verb.dep_ == "acl" and _chant(verb):
        return verb.head  # "the workers who gathered at the harbour, chanting “…”": the workers chanted
    chorus = _relative_clause_before(verb)
    if depth < 3 and chorus is not None:
        # "thanked the volunteers who gathered at the harbour, chanting “…”": the parser hangs the
        # chant on "thanked"; those who gathered chanted
        return _subject(chorus, depth + 1)
    if depth < 3 and _aside_after_reported_clause(verb):
        # "Quell said the levy would end by spring, adding that ...": the parser hangs the aside on
        # the reported clause, whose subject ("the levy") is not the one who added anything
        return _subject(verb.head.head, depth + 1)
    # "Caucus-goers were more likely [to say] ...": through the adjective to the verb it describes
    if depth < 3 and (verb.dep_ in {"conj", "advcl", "xcomp"} or (depth and verb.dep_ == "acomp")) \
            and verb.head.i != verb.i:
        return _subject(verb.head, depth + 1)
    if verb.dep_ == "pcomp" and verb.head.lower_ == "with" and verb.tag_ == "VBG":
        noun = next((c for c in verb.head.children if c.dep_ == "pobj"), None)
        if noun is not None:  # "with far-left journalist Jane Doe claiming ...": the absolute's noun
            return noun
    if depth < 3 and verb.dep_ == "pcomp":
        # "Trump responded by calling him ...", "stopped short of calling", "aside from saying":
        # the subject of the verb the preposition hangs from, however far up
        above = next((a for a in verb.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        return _subject(above, depth + 1) if above is not None else None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and agent is not None:  # "the concern expressed by Mario Draghi"
        return next((c for c in agent.children if c.dep_ == "pobj"), None)
    if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
        noun = verb.head
        if depth < 3 and _adjunct_after_object(verb, noun, depth):
            return _subject(noun.head, depth + 1)
        return noun  # "a statement saying ..."
    return _lost_subject(verb) or _counted_subject(verb) or _formula_i(verb)


def person_in_apposition(source):
    """The person a subject names in apposition when the parser took a common noun before them
    for the subject: in "On a panel on elections, the rule of law and a free press, Ambassador
    Jane Roe, opened by noting ..." the speaker is Jane Roe, not "the rule of law"; ``source`` as
    it is otherwise (or None)."""
    if source is None or source.pos_ != "NOUN" or source.ent_type_:
        return source
    return next((c for c in source.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), source)


def _aside_after_reported_clause(verb) -> bool:
    """True for a speech participle set off by a comma or a dash at the end of a clause another
    speech verb reports ("said the levy would end by spring, [adding] that ...", "said Kiev was
    shelling towns, [accusing] it of ...", "..., [referring] to the convention", 'told Newsmax that
    Romney “had a crazy policy,” [adding], “...”'): it goes on the reporting verb's statement."""
    clause = verb.head
    before = [t for t in verb.doc[clause.i:verb.left_edge.i] if not t.is_quote]
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > clause.i and bool(before) \
        and before[-1].text in {",", "—", "–", "--"} and clause.dep_ == "ccomp" and clause.head.i < clause.i \
        and _speech_verb(clause.head) and (_speech_verb(verb) or _prepositional_cue(verb))


def _sides_of_passive(verb):
    """The sides a passive names after "on" or "from": "Dissatisfaction ... was expressed [on both
    sides]", "Hope was voiced from both parties"; None when it names none (the text's main speaker
    is taken later, as for "It was emphasised that")."""
    joint = load_lexicon().joint_subjects
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in {"on", "from"}:
            side = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if side is not None and side.lower_ in joint and any(c.lower_ == "both" for c in side.children):
                return side
    return None


def _prepositional_cue(verb) -> bool:
    """A verb with the preposition that makes it a cue ("referring [to]", "warning [against]")."""
    preps = load_lexicon().preps
    return any(c.dep_ == "prep" and (verb.lemma_.lower(), c.lower_) in preps for c in verb.children)


def subject_read_as_apposition(verb):
    """The subject the parser hung as an apposition on the last noun of an opening participle
    clause: in "Responding to Lena Ost's call for contact with Jon Brook, [the President of
    Arland] reaffirmed his position" it is the verb's subject, not another name for Jon Brook;
    None when the verb has its subject or the sentence opens otherwise."""
    doc = verb.doc
    if verb.i == 0 or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    opening = next((c for c in verb.children if c.dep_ in {"csubj", "advcl"} and c.tag_ == "VBG"
                    and c.left_edge.i == verb.sent.start and c.right_edge.i == verb.i - 1), None)
    last = doc[verb.i - 1] if opening is not None else None
    appos = next((a for a in [last, *last.ancestors] if a.dep_ == "appos" and a.right_edge.i == verb.i - 1), None) \
        if last is not None else None
    return appos if appos is not None and doc[appos.left_edge.i - 1].text == "," else None


def title_after_fronted_name(verb):
    """The subject the parser hung as an apposition on a name inside a phrase that opens the
    sentence: in "Addressing Prime Minister of Japan Fumio Kishida, [the President of the Russian
    Federation] noted ..." or "In greetings to President Ram Nath Kovind and Prime Minister
    Narendra Modi, [the Russian President] noted ..." the title right before the verb is who
    speaks, not another name for the one greeted; None when the verb's subject opens the sentence
    ("Jane Roe, the treasurer, said") or no such title stands before it."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or verb.i == 0 or subject.left_edge.i == verb.sent.start:
        return None
    doc = verb.doc
    last = doc[verb.i - 1]
    title = next((a for a in [last, *last.ancestors] if a.dep_ == "appos" and a.right_edge.i == verb.i - 1), None)
    if title is None or title.head.ent_type_ != "PERSON" or not (subject.left_edge.i <= title.i <= subject.right_edge.i):
        return None
    opens = doc[title.left_edge.i]
    return title if opens.lower_ == "the" and doc[opens.i - 1].text == "," else None


def _speech_verb(tok) -> bool:
    """A verb of one of the speech acts in the lexicon kit.quotes reads with."""
    lex = load_lexicon()
    return cue_lemma(tok, lex) in lex.acts


def _formula_i(verb):
    """ "NOW, THEREFORE, I, DONALD J. TRUMP, President of ..., by the authority vested in me ...,
    do hereby proclaim": the "I, NAME," that opens a proclamation's or an order's operative
    sentence is the subject of its verb, however the parser hung the long apposition."""
    before = verb.doc[verb.sent.start:verb.i]
    return next((t for t in before if t.text == "I" and t.dep_ not in SUBJECT_DEPS
                 and t.i > 0 and t.nbor(-1).text == "," and t.i + 1 < len(t.doc) and t.nbor(1).text == ","), None)


def _named_after_quote(verb):
    """ "“...,” asserted First Lady Jane Doe.": a verb right after a closing quotation mark,
    with the person who said it after it, which the parser may take for its object."""
    before = verb.doc[verb.i - 1] if verb.i else None
    # a mark that closes a quotation (the parser may cut the sentence before it, so a straight
    # mark is checked within its sentence and a curly one by its shape)
    if before is None or not (before.text in {"”", "»"} or (before.text == '"' and _quoted(before))):
        return None
    named = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i and c.ent_type_ == "PERSON"), None)
    if named is None:
        clause = clause_read_from_name(verb)
        named = next(c for c in clause.children if c.dep_ == "nsubj") if clause is not None else None
    return named


def clause_read_from_name(verb):
    """'"...," said retired surgeon Ivo Okafor, asked about his claims': the participle after the
    name that the parser reads as a clause of the cue's own with the name for its subject
    ("Okafor asked about ..."); the name is who spoke, and the participle is no part of what was
    said. None for any other shape."""
    for c in verb.children:
        subject = next((s for s in c.children if s.dep_ == "nsubj"), None) if c.dep_ == "ccomp" and c.i > verb.i else None
        if subject is not None and subject.left_edge.i == verb.i + 1 and c.tag_ in {"VBD", "VBN", "VBG"} \
                and (subject.ent_type_ == "PERSON" or subject.pos_ == "PROPN") \
                and any(t.text == "," for t in verb.doc[subject.i + 1:c.i]):
            return c
    return None


def _told_to(verb):
    """The object of a verb of causing that an infinitive cue hangs from, who is the one who then
    spoke: "The victory led Priebus [to declare] him the nominee", "left many [to wonder]",
    "prompted Cooper [to accuse] ..."; None for any other verb: what one urges or pushes others
    to say is one's own demand ("pushes Democrats to reject the deal"), and "emailed Brafman to
    thank him" is the writer's thanks."""
    if verb.head.lemma_.lower() not in CAUSE_TO_SPEAK:
        return None
    return next((c for c in verb.head.children if c.dep_ in {"dobj", "dative"} and c.i < verb.i
                 and c.pos_ in CONTROL_NOUN_POS and c.lower_ not in NOT_SPEAKER_WORDS), None)


def _infinitive(verb) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _adjunct_after_object(verb, noun, depth: int) -> bool:
    """ "The presidents reaffirmed their commitment to the partnership, noting their readiness to
    ...", "... their commitment to develop the partnership, noting ...": a participle set off by a
    comma after the object of a verb that has a subject, or one that hangs on an infinitive after
    that object, is said by that subject; the parser hangs it on the object, which is a thing, not
    a speaker (unlike "a statement saying ..." or "protesters chanting ...")."""
    after_comma = verb.i > 0 and verb.doc[verb.i - 1].text == ","
    return (after_comma or ((depth or _infinitive(verb)) and verb.tag_ == "VB")) and noun.dep_ == "dobj" and noun.pos_ == "NOUN" \
        and not noun.ent_type_ and noun.head.pos_ in {"VERB", "AUX"} \
        and any(c.dep_ in SUBJECT_DEPS for c in noun.head.children)


def _counted_subject(verb):
    """ "About 4 in 10 say they want ...": the parser hangs a share of a poll on the verb as a
    number, not as its subject."""
    return next((c for c in verb.children if c.dep_ in {"nummod", "npadvmod"} and c.pos_ == "NUM"
                 and c.i < verb.i), None)


def _heading_label(tok) -> bool:
    """A word the sentence opens with and a colon follows: the heading of a fact sheet's line
    ("FACT: ...", "HOAX: ..."), which the parser may take for the subject of the verb after it."""
    doc = tok.doc
    return tok.i + 1 < len(doc) and doc[tok.i + 1].text == ":" and tok.i < tok.head.i \
        and not any(not t.is_punct for t in doc[tok.sent.start:tok.i])


def _lost_subject(verb):
    """"One in three said A and [one in four] said B": the parser makes the second subject a
    conjunct of the first clause's last noun; it is the noun phrase that ends right before the
    verb, coordinated with "and"."""
    if verb.dep_ != "ccomp" or verb.i == 0:
        return None
    last = verb.doc[verb.i - 1]
    for tok in [last, *last.ancestors]:
        if tok.dep_ == "conj" and tok.right_edge.i == verb.i - 1 and tok.pos_ in {"NOUN", "PROPN", "NUM", "PRON"}:
            return tok
        if tok.i == verb.head.i:
            break
    return None


def _antecedent(source):
    """The noun a relative pronoun stands for ("Peskov" for "who" in "Peskov, who said"), else the
    speaker token itself: the speaker is resolved from it, while the mention stays the pronoun."""
    if source.lower_ in RELATIVE and source.head.dep_ == "relcl" and source.head.head.i != source.head.i:
        noun = source.head.head
        # "Will Smith, Patti LaBelle and Stevie Wonder, who joked": the parser hangs the clause on
        # the list's first name, yet it describes the one just before it
        before = next((t for t in reversed(source.doc[noun.i:source.i]) if not t.is_punct), noun)
        noun = max((c for c in (noun, *noun.conjuncts) if c.i <= before.i), key=lambda c: c.i, default=noun)
        return _predicated_of(noun) or noun
    return source


def _predicated_of(noun):
    """"Trump is a serial liar, xenophobe and bully who has pledged to ...": a noun (or a list
    of them) said of a subject with "be" describes that subject, who is the one who spoke."""
    first = noun
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.dep_ != "attr" or first.head.lemma_ != "be":
        return None
    be = first.head
    # "Trump regularly incites violence and is a serial liar ... who": "is" shares the subject of
    # the verb it is coordinated with
    while be.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in be.children) and be.head.i != be.i:
        be = be.head
    return next((c for c in be.children if c.dep_ == "nsubj" and c.pos_ in {"PROPN", "PRON", "NOUN"}
                 and c.lower_ not in {"it", "this", "that", "there"}), None)


TRIM_LEFT = {"that", "to", ",", ":", "-", "—", "–", ";", "and", "but", "if", "for"}  # "for": "called for [X to ...]"


def _condition_inside(mark, ids: set) -> bool:
    """True for an "if" that opens a condition inside what was said ("said that [if] the council
    votes no, the plan dies"), not the "if" of what was asked ("asked if they were serious"), which
    marks the reported clause itself."""
    return mark.lower_ == "if" and mark.head.head.i in ids and mark.head.head.i != mark.head.i


CLOSING_BRACKETS = {")": "(", "]": "["}


def _bracket_open(doc, order: list[int], closing: str) -> bool:
    """True when the tokens ``order`` leave a bracket open that ``closing`` closes."""
    opening = CLOSING_BRACKETS[closing]
    depth = 0
    for i in order:
        depth += (doc[i].text == opening) - (doc[i].text == closing)
    return depth > 0


def _content_pieces(doc, ids: set, off: int, trim_left: frozenset | set = TRIM_LEFT) -> list[list[int]]:
    """Contiguous pieces of a clause, trimmed of 'that', 'to' and edge punctuation."""
    order = sorted(ids)
    # "сказать, что мы ознакомились": a conjunction the parser took for the clause's object is still no content
    while order and (doc[order[0]].lower_ in trim_left and (doc[order[0]].dep_ in {"mark", "aux", "punct", "cc"}
                                                            or doc[order[0]].pos_ == "SCONJ" and doc[order[0]].dep_ == "obj")
                     and not _condition_inside(doc[order[0]], ids)
                     or doc[order[0]].is_punct and doc[order[0]].text not in "“\"‘'«„"):
        order.pop(0)
    while order and (doc[order[-1]].is_punct and doc[order[-1]].text not in "”\"’'»" or doc[order[-1]].dep_ == "cc"):
        if doc[order[-1]].text in CLOSING_BRACKETS and _bracket_open(doc, order[:-1], doc[order[-1]].text):
            break  # "the Global Positioning System (GPS)": the bracket the content opened closes in it
        order.pop()
    pieces: list[list[int]] = []
    for i in order:
        s, e = off + doc[i].idx, off + doc[i].idx + len(doc[i])
        if pieces and i - 1 in ids and pieces[-1][2] == i - 1:
            pieces[-1][1], pieces[-1][2] = e, i
        else:
            pieces.append([s, e, i])
    return [[s, e] for s, e, _ in pieces]


def _mention(source, off: int, quote_ids: set) -> tuple[int, int, str]:
    """Character span and head word of the speaker mention ("Kremlin spokesperson Dmitry Peskov")."""
    doc = source.doc
    keep = {source.i}
    stack = [source]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if child.dep_ in NOT_MENTION_DEPS and not (child.dep_ == "prep" and child.lower_ == "of"):
                continue
            if child.i in quote_ids:
                continue
            keep.add(child.i)
            stack.append(child)
    # "the two-term president": a hyphen inside a word the parser split is part of the mention
    if "-" in doc.text or "–" in doc.text:  # reading every token is most of this function's time
        keep |= {t.i for t in doc[1:-1] if t.text in {"-", "–"} and not t.whitespace_ and not doc[t.i - 1].whitespace_
                 and t.i - 1 in keep and t.i + 1 in keep}
    lo, hi = source.i, source.i
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].dep_ == "case"):
        hi -= 1
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    return off + doc[lo].idx, off + doc[hi].idx + len(doc[hi]), source
