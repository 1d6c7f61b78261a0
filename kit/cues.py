"""The cue lexicon a reporter edits, ``data/speech_verbs.yml``, read by one function.

``load_lexicon()`` gives the quote engine its speech verbs grouped by the speech act they report
(``acts``), thought verbs, the verbs with a noun-phrase object, light verbs and speech nouns,
verb-and-preposition cues, speech adjectives, phrases ("according to"), venue words, link-line
openers, the labels that name no speaker, the office words of transcript labels, the
first-name lists, and the words speaker resolution uses (anonymous labels, joint subjects, the
verbs that send a message); ``cue_form_pattern`` turns the verbs into a broad regex of their
inflections, the cheap cue test for a pipeline whose lemmatizer ``kit.quotes`` cannot read.
``load_ru_lexicon()`` gives the Russian reader (``kit.quotes_ru``) the ``ru:`` part: cue verbs
with their speech acts, verb + object cues, phrases and medium nouns.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from .config import load_yaml


@dataclass
class Lexicon:
    """The cue lexicon from ``data/speech_verbs.yml``."""
    verbs: frozenset          # speech verbs: a cue with a clause, an infinitive or a quotation
    belief: frozenset         # thought verbs: a cue with a clause or an infinitive only
    phrases: tuple
    addressee: frozenset
    medium: frozenset
    not_labels: frozenset
    label_roles: frozenset
    female: frozenset
    male: frozenset
    forms: re.Pattern
    acts: dict = field(default_factory=dict)           # verb lemma -> act
    quote_only: frozenset = frozenset()                # cues only beside a quotation
    objects: frozenset = frozenset()                   # (lemma, particle or "") with an object as content
    light: frozenset = frozenset()                     # verbs that need a speech noun as object
    nouns: dict = field(default_factory=dict)          # speech noun -> act
    preps: dict = field(default_factory=dict)          # (verb lemma, preposition) -> act
    adjectives: frozenset = frozenset()                # "was clear that", "made clear that"
    link_openers: frozenset = frozenset()              # "READ MORE:", "Watch below:" lines
    word_use: frozenset = frozenset()                  # "a term used [to describe] X"
    anonymous_labels: frozenset = frozenset()          # "Question:", "Реплика:": a speaker nobody names
    joint_subjects: frozenset = frozenset()            # "the leaders", "both sides": every participant
    sender_verbs: frozenset = frozenset()              # "sent", "addressed": who sent "the message"
    naming: frozenset = frozenset()                    # "called him divisive": object and complement
    person_infinitive: frozenset = frozenset()         # "threaten to": speech only when a person threatens
    passive_objects: frozenset = frozenset()           # "X was raised": said only in the passive
    restating: frozenset = frozenset()                 # "reaffirmed [Russia's commitment]": the noun's act
    person_stance: frozenset = frozenset()             # "support": a stance only when people hold it
    people_nouns: frozenset = frozenset()              # "people", "majority", "union": who can hold a stance
    evidence_verbs: frozenset = frozenset()            # "indicate", "show": a statement only from a person or a text
    text_nouns: frozenset = frozenset()                # "report", "poll", "talks": what speaks without being a person
    regard: frozenset = frozenset()                    # "sees X as Y": a stance, with object and complement
    question: frozenset = frozenset()                  # "asked them if ...": the if-clause is the question
    focus: dict = field(default_factory=dict)          # "Attention was drawn to X": noun -> its verbs
    light_nouns: dict = field(default_factory=dict)    # "exchanged greetings": light verb -> its only nouns
    content_acts: dict = field(default_factory=dict)   # "stressed that Kiev must": word list name -> words
    conversation: frozenset = frozenset()              # "spoke with X about Y": a topic, not a statement
    deeds: frozenset = frozenset()                     # "have shown that": a deed, unless a text shows it
    withheld: frozenset = frozenset()                  # "denies Russia access": withheld, not refuted
    stance_adjectives: dict = field(default_factory=dict)  # "were supportive [of] X": adjective -> preposition
    answer_words: frozenset = frozenset()              # "said no", "said the same of X": a short answer
    as_it_verbs: frozenset = frozenset()               # "as Ames put it, “...”"
    in_words_nouns: frozenset = frozenset()            # "in her words, “...”"
    view_nouns: frozenset = frozenset()                # "in her view, X": a view given in passing
    feeling_adjectives: dict = field(default_factory=dict)  # "was grateful [for] X": adjective -> preposition
    criticism_adjectives: dict = field(default_factory=dict)  # "was critical [of] X": adjective -> preposition
    stance_phrases: dict = field(default_factory=dict)  # "spoke [in support of] X": (words) -> act
    cause_verbs: frozenset = frozenset()               # "hosted X, [raising] concerns": what a deed causes
    help_nouns: frozenset = frozenset()                # "support the defensive needs of X": help, not a view
    gatherings: frozenset = frozenset()                # "the talks": speak for who took part, show no evidence
    course_nouns: frozenset = frozenset()              # "according to plan": a course kept, no source
    greeting_verbs: frozenset = frozenset()            # "welcome refugees": guests received, nothing said
    guest_nouns: frozenset = frozenset()               # "refugees", "the delegation": who is received
    reason_verbs: frozenset = frozenset()              # "this explained X": a reason, nobody's statement
    provision_verbs: frozenset = frozenset()           # "sets forth", "stipulates": what an instrument lays down
    instrument_nouns: frozenset = frozenset()          # "decree", "order": a legal instrument, no speaker
    rite_nouns: frozenset = frozenset()                # "said a prayer", "say goodbye": words of a rite, no statement
    # (new fields go last: ``load_lexicon`` gives the first ones by position)
    nameless_labels: frozenset = frozenset()           # "Remark:": nobody one could name, no speaker at all
    pledge_adjectives: frozenset = frozenset()         # "we are resolved [to X]": a resolve stated of oneself
    audience_nouns: frozenset = frozenset()            # "gave statements [for the press]": who, not what
    person_only: frozenset = frozenset()               # "attack", "defend": words only when a person does it
    person_target: frozenset = frozenset()             # "attack": words only against someone, or for or as something

    # Worked out once: the rules ask for it at every verb of every parsed paragraph, and the
    # sets it joins are all given when the lexicon is made (``load_lexicon``).
    @cached_property
    def cue_verbs(self) -> frozenset:
        """Every verb lemma that can head a cue, for the fast path's cheap test."""
        return self.verbs | self.belief | self.light | self.naming | {v for v, _ in self.objects} | \
            {v for v, _ in self.preps} | self.passive_objects | set(self.light_nouns)

    @property
    def light_only(self) -> frozenset:
        """Light verbs that are cues only with a speech noun ("gave an assessment")."""
        return self.light - self.verbs - self.belief - self.naming - {v for v, _ in self.objects} - \
            {v for v, _ in self.preps} - self.passive_objects


# Endings the rule lemmatizer may strip one letter too far ("hoping", "hopes", "hoped" -> "hop"),
# with what puts the cue verb back ("hope").
E_ENDINGS = (("ing", "e"), ("ed", "e"), ("es", "e"))


def cue_lemma(tok, lex: Lexicon) -> str:
    """The cue lemma of a verb token: spaCy's lemma, or, when that is no cue, the cue verb an
    inflection could also come from ("hoping" is lemmatised "hop", yet is a form of "hope")."""
    lemma = tok.lemma_.lower()
    if lemma in lex.cue_verbs or tok.pos_ not in {"VERB", "AUX"}:
        return lemma
    low = tok.lower_
    for ending, base in E_ENDINGS:
        if low.endswith(ending) and low[:-len(ending)] + base in lex.cue_verbs:
            return low[:-len(ending)] + base
    return lemma


def _grouped(raw: dict, key: str) -> dict[str, str]:
    """{word: group} from a mapping of group -> list of words (``acts``, ``speech_nouns``)."""
    out = {}
    for group, words in (raw.get(key) or {}).items():
        for word in words or []:
            out[str(word).lower()] = str(group)
    return out


def _listed(raw: dict, key: str) -> dict[str, frozenset]:
    """{word: frozenset of words} from a mapping of word -> list (``focus_nouns``, ``content_acts``)."""
    return {str(k).lower(): frozenset(str(w).lower() for w in v or []) for k, v in (raw.get(key) or {}).items()}


@lru_cache(maxsize=4)
def load_lexicon(path: str = "speech_verbs.yml") -> Lexicon:
    """The cue verbs and their acts, phrases, venue words and name lists a reporter edits in ``data/``."""
    raw = load_yaml(path) or {}
    low = lambda key: frozenset(str(w).lower() for w in raw.get(key) or [])
    acts = _grouped(raw, "acts")
    thought = low("thought_acts")
    verbs = frozenset(v for v, a in acts.items() if a not in thought)
    belief = frozenset(v for v, a in acts.items() if a in thought)
    phrases = tuple(tuple(str(p).lower().split()) for p in raw.get("phrases") or [])
    objects = frozenset((w.split()[0], " ".join(w.split()[1:])) for w in low("object_verbs"))  # "point out"
    preps = {tuple(str(k).lower().split()): str(v) for k, v in (raw.get("preposition_cues") or {}).items()}
    adjectives = low("speech_adjectives")
    lex = Lexicon(verbs, belief, phrases, low("addressee_verbs"), low("medium_nouns"),
                  low("not_speaker_labels"), low("label_roles"), frozenset(raw.get("female_names") or []),
                  frozenset(raw.get("male_names") or []), re.compile("$^"), acts, low("quotation_only_verbs"),
                  objects, low("light_verbs"), _grouped(raw, "speech_nouns"), preps, adjectives,
                  low("link_openers"), low("word_use_verbs"), low("anonymous_labels"), low("joint_subjects"),
                  low("sender_verbs"), low("naming_verbs") | low("regard_verbs"), low("person_infinitive_verbs"),
                  low("passive_object_verbs"), low("restating_verbs"),
                  low("person_stance_verbs"), low("people_nouns"), low("evidence_verbs"),
                  low("text_nouns") | low("medium_nouns") | low("gathering_nouns"), low("regard_verbs"),
                  low("question_verbs"))
    lex.focus = _listed(raw, "focus_nouns")
    lex.light_nouns = _listed(raw, "light_verb_nouns")
    lex.content_acts = _listed(raw, "content_acts")
    lex.conversation = low("conversation_verbs")
    lex.person_only = low("person_only_verbs")
    lex.person_target = low("person_target_verbs")
    lex.deeds = low("deed_verbs")
    lex.cause_verbs = low("cause_verbs")
    lex.help_nouns = low("help_nouns")
    lex.gatherings = low("gathering_nouns")
    lex.course_nouns = low("course_nouns")
    lex.greeting_verbs = low("greeting_verbs")
    lex.guest_nouns = low("guest_nouns")
    lex.reason_verbs = low("reason_verbs")
    lex.provision_verbs = low("provision_verbs")
    lex.instrument_nouns = low("instrument_nouns")
    lex.rite_nouns = low("rite_nouns")
    lex.withheld = low("withheld_nouns")
    lex.answer_words = low("answer_words")
    lex.as_it_verbs = low("as_it_verbs")
    lex.in_words_nouns = low("in_words_nouns")
    lex.view_nouns = low("view_nouns")
    lex.stance_adjectives = {str(k).lower(): str(v).lower() for k, v in (raw.get("stance_adjectives") or {}).items()}
    # "grateful: [for, to]": the prepositions, space-joined
    lex.feeling_adjectives = {str(k).lower(): " ".join(map(str, v if isinstance(v, list) else [v])).lower()
                              for k, v in (raw.get("feeling_adjectives") or {}).items()}
    lex.stance_phrases = {tuple(str(k).lower().split()): str(v) for k, v in (raw.get("stance_phrases") or {}).items()}
    lex.criticism_adjectives = {str(k).lower(): str(v).lower() for k, v in (raw.get("criticism_adjectives") or {}).items()}
    lex.nameless_labels = low("nameless_labels")
    lex.pledge_adjectives = low("pledge_adjectives")
    lex.audience_nouns = low("audience_nouns")
    lex.forms = cue_form_pattern(lex.cue_verbs, [" ".join(p) for p in phrases] + sorted(adjectives)
                                 + sorted(lex.focus) + sorted(lex.stance_adjectives) + sorted(lex.feeling_adjectives)
                                 + sorted(lex.criticism_adjectives) + sorted(lex.pledge_adjectives) + sorted(lex.view_nouns))
    return lex


# Cue-verb surface forms, for the cheap candidate test.
IRREGULAR_FORMS = {"say": ["said"], "tell": ["told"], "write": ["wrote", "written"],
             "speak": ["spoke", "spoken"], "think": ["thought"], "find": ["found"],
             "know": ["knew", "known"], "see": ["saw", "seen"], "read": ["read"],
             "hear": ["heard"], "mean": ["meant"], "teach": ["taught"]}


def cue_form_pattern(lemmas, phrases) -> re.Pattern:
    """A regex that matches any inflected form of the lexicon's cue verbs and phrases."""
    alts = set()
    for lemma in lemmas:
        lemma = lemma.lower()
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        stem = re.escape(stem[:-1]) + "[yi]" if stem.endswith("y") and len(stem) > 3 else re.escape(stem)
        alts.add(stem + r"\w*")
        alts.update(re.escape(f) for f in IRREGULAR_FORMS.get(lemma, []))
    alts.update(re.escape(p.lower()).replace(r"\ ", r"\s+") for p in phrases)
    return re.compile(r"\b(?:" + "|".join(sorted(alts, key=len, reverse=True)) + r")\b", re.I)


# ---------------------------------------------------------------- Russian (kit/quotes_ru.py)

@dataclass(frozen=True)
class RuLexicon:
    """The ``ru:`` part of ``data/speech_verbs.yml``."""
    verbs: dict
    belief: dict
    verb_objects: dict
    topic_verbs: frozenset
    object_acts: frozenset
    object_verbs: frozenset
    phrases: dict
    medium: frozenset
    male: frozenset
    female: frozenset
    first: frozenset
    second: frozenset
    stance: frozenset = frozenset()
    refusal: frozenset = frozenset()
    narrative: frozenset = frozenset()
    passive_facts: frozenset = frozenset()
    documents: frozenset = frozenset()
    statement_documents: frozenset = frozenset()
    greeting: frozenset = frozenset()
    negated: dict = field(default_factory=dict)
    possessive: frozenset = frozenset()
    naming: frozenset = frozenset()
    evaluation: frozenset = frozenset()
    evaluation_adverbs: frozenset = frozenset()
    joint: frozenset = frozenset()
    inanimate_sense: frozenset = frozenset()
    bodies: frozenset = frozenset()
    roles: frozenset = frozenset()
    people_at_large: frozenset = frozenset()
    unsaid_predicatives: frozenset = frozenset()
    adding: frozenset = frozenset()
    title_nouns: frozenset = frozenset()
    duty_words: frozenset = frozenset()
    clause_only: frozenset = frozenset()
    question_verbs: frozenset = frozenset()
    question_words: frozenset = frozenset()
    intent_words: frozenset = frozenset()
    generic_subjects: frozenset = frozenset()
    quoting: frozenset = frozenset()
    saying: frozenset = frozenset()
    statement_nouns: dict = field(default_factory=dict)
    celebrating: frozenset = frozenset()
    occasions: frozenset = frozenset()
    summoning: frozenset = frozenset()
    recognizing: frozenset = frozenset()
    recognized: frozenset = frozenset()

    def __hash__(self) -> int:
        return id(self)


@lru_cache(maxsize=4)
def load_ru_lexicon(path: str = "speech_verbs.yml") -> RuLexicon:
    """Russian cue verbs (lemma -> act), phrases and venue nouns a reporter edits in ``data/``."""
    raw = (load_yaml(path) or {}).get("ru") or {}
    acts = lambda key: {str(k).lower(): str(v) for k, v in (raw.get(key) or {}).items()}
    words = lambda key: frozenset(str(w).lower() for w in raw.get(key) or [])
    pairs = {tuple(str(k).lower().split()): str(v) for k, v in (raw.get("verb_objects") or {}).items()}
    phrases = {tuple(str(k).lower().split()): str(v) for k, v in (raw.get("phrases") or {}).items()}
    return RuLexicon(acts("verbs"), acts("belief_verbs"), pairs, words("topic_verbs"), words("object_acts"),
                     words("object_verbs"), phrases,
                     words("medium_nouns"), words("pronouns_male"), words("pronouns_female"),
                     words("first_person"), words("second_person"), words("stance_verbs"),
                     words("refusal_verbs"), words("narrative_subjects"), words("passive_facts"),
                     words("document_nouns"), words("statement_documents"),
                     words("greeting_verbs"), acts("negated_verbs"), words("possessive_pronouns"),
                     words("naming_verbs"), words("evaluation_verbs"), words("evaluation_adverbs"),
                     words("joint_subjects"), words("inanimate_sense_verbs"), words("speaking_bodies"),
                     words("role_nouns"), words("people_at_large"), words("unsaid_predicatives"),
                     words("adding_verbs"), words("title_nouns"),
                     words("duty_words"), words("clause_only_verbs"),
                     question_verbs=words("question_verbs"), question_words=words("question_words"),
                     intent_words=words("intent_words"), generic_subjects=words("generic_subjects"),
                     quoting=words("quoting_verbs"), saying=words("saying_verbs"), statement_nouns=acts("statement_nouns"),
                     celebrating=words("celebrating_verbs"), occasions=words("occasion_nouns"),
                     summoning=words("summoning_verbs"), recognizing=words("recognizing_verbs"),
                     recognized=words("recognized_things"))
