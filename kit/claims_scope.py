"""What a statement's main verbs do, read on its parse: negated, hedged, asserting, refusing
(:func:`predicate_scope`), for the claims table (``kit.claims``)."""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Sequence

from .language import CYRILLIC
from .themes import ThemeLexicon, find_terms, lemmatise, light_stem, load_themes, term_index

# Inside a phrase: a word that belongs to the phrase its head leads ("no" and "ceasefire" in "no ceasefire talks").
_IN_A_PHRASE = frozenset({"det", "neg", "advmod", "amod", "compound", "nummod", "quantmod", "preconj", "predet",
                          "poss", "aux", "auxpass", "nmod"})
# A word governed by the main verb through one of these is inside another clause or a phrase, not on the verb.
# An interjection ("No, no, please, tell us about ...", "No, what I'm saying is ...") answers someone; it
# negates nothing the sentence says.
_NOT_ON_THE_VERB = frozenset({"prep", "advcl", "relcl", "ccomp", "xcomp", "conj", "cc", "punct", "mark", "parataxis",
                              "appos", "acl", "pcomp", "pobj", "csubj", "intj"})
# Pipeline components that parsing for negation and hedges needs.
PARSE_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
# The speaker's own side as the subject of a refusal ("we're not going to negotiate", "I will not recognise").
_FIRST_PERSON = frozenset({"i", "we"})
_OWN = frozenset({"my", "our"})
# A verb's arguments: what a clause is about ("[Kiev] is not complying", "considering [a meeting]").
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "acomp", "oprd", "dative", "agent", "expl"})
# Clauses inside a phrase that say something else about it.
_OTHER_CLAUSES = frozenset({"relcl", "advcl", "parataxis", "dep", "punct", "cc"})


def _main_verbs(doc) -> set:
    """The main verb of every sentence that is not a question, and verbs joined to it by "and" ("did not
    and will not"). A question ("Has Russia made a proposal to lift the sanctions?") asserts and denies nothing."""
    main = set()
    for sent in doc.sents:
        if sent.text.rstrip().rstrip("\"'”’»)").endswith("?"):
            continue
        main.add(sent.root)
        main.update(t for t in sent.root.children if t.dep_ == "conj" and t.pos_ in ("VERB", "AUX"))
    return main


def governs_main_verb(token, main: set) -> bool:
    """Whether a word bears on its sentence's main verb: it is that verb, belongs to the verb's own
    phrase ("have n't had", "never stopped") or to one of its arguments ("no ceasefire talks",
    "nobody"), or opens a condition on it ("if they need"); not when it sits behind a preposition or
    in another clause ("without taking", "which did not start")."""
    phrase = token
    while phrase not in main and phrase.dep_ in _IN_A_PHRASE and phrase.head is not phrase:
        phrase = phrase.head
    if phrase in main or (phrase.head in main and phrase.dep_ not in _NOT_ON_THE_VERB):
        return True
    return token.dep_ == "mark" and token.head.dep_ == "advcl" and token.head.head in main


def _spans(low: list[str], stem: list[str], index) -> list[tuple[int, int]]:
    """Token spans where a lexicon term (as written or stemmed) occurs."""
    found = []
    for i, (w, s) in enumerate(zip(low, stem)):
        for form, _ in index.get(w, []) + index.get(s, []):
            n = len(form)
            if tuple(low[i:i + n]) == form or tuple(stem[i:i + n]) == form:
                found.append((i, i + n))
    return found


_CONTRACTED = {"can't": "can not", "won't": "will not", "shan't": "shall not", "ain't": "is not"}


def written_out(text: str) -> str:
    """``text`` with English negative contractions written out ("wouldn't say" -> "would not say",
    "can't" -> "can not"), so a lexicon's "not say" matches both."""
    text = text.replace("’", "'")
    text = re.sub(r"\b(can|won|shan|ain)'t\b", lambda m: _CONTRACTED[m.group(0).lower()], text, flags=re.IGNORECASE)
    return re.sub(r"(\w)n't\b", r"\1 not", text, flags=re.IGNORECASE)


def predicate_scope(quotes: Sequence[str], lexicon: ThemeLexicon | None = None, nlp=None,
                    batch_size: int = 64, spacy_model: str | None = None) -> list[dict]:
    """Per quote, what its main verbs do: ``negated`` (a negation, from ``negations`` in
    ``data/themes.yml`` or the parser's "not", "n't", "never", bears on a main verb: see
    :func:`governs_main_verb`), ``negated_text`` (what those negations deny: :func:`negated_clause`), ``hedged`` (a wish,
    plan or guess, ``hedges``, bears on the main verb of every sentence that asserts, questions and
    "Thank you" left out; a negated wish, guess or
    duty, "should not", "don't want to", is no negation, a negated future, ``futures``, "will not",
    is), ``asserts`` (a main verb with its subject and no negation anywhere: "the successful test",
    "his stance on the war" or "continue their personal contacts" assert nothing), ``refused`` (a refusal to comment, ``refusals``: "I better not say")
    and ``refuses`` (a negated future whose subject is the speaker's side: "we're not going to negotiate");
    ``subject_text`` (the nouns, names, numbers and verbs of what the quote is about: what its negations
    deny, else what its main verbs assert, :func:`core_of`; ``general_words`` left out) and
    ``own_subject`` (that verb's subject is the speaker's side: "we", "our forces").

    English quotes are parsed (``nlp``, else the pipeline ``spacy_model``, loaded only when a quote
    needs it; see ``kit.nlp.pipeline_name``); a quote in another script is
    read word by word, where any negation or hedge counts.
    """
    lexicon = lexicon or load_themes()
    neg_index, hedge_index, refusal_index, future_index, adding_index = (
        term_index(t) for t in (lexicon.negations, lexicon.hedges, lexicon.refusals, lexicon.futures,
                                lexicon.not_denials))
    general, conditions = frozenset(lexicon.general_words), frozenset(lexicon.conditions)
    out: list[dict] = []
    to_parse: dict[str, list[int]] = defaultdict(list)
    for i, (quote, (lem, low)) in enumerate(zip(quotes, lemmatise([written_out(q) for q in quotes]))):
        negation = bool(find_terms((lem, low), neg_index)) or bool(re.search(r"n['’]t\b", quote, re.IGNORECASE))
        out.append({"negated": negation, "negated_text": quote if negation else "",
                    "hedged": bool(find_terms((lem, low), hedge_index)), "asserts": not negation,
                    "refused": bool(find_terms((lem, low), refusal_index)), "refuses": False,
                    "subject_text": quote, "own_subject": False})
        if not out[-1]["refused"] and not CYRILLIC.search(quote):
            to_parse[quote].append(i)
    if to_parse:
        if nlp is None:
            from .nlp import load_pipeline

            nlp = load_pipeline(spacy_model)
        enabled = [name for name in nlp.pipe_names if name in PARSE_COMPONENTS]
        with nlp.select_pipes(enable=enabled):
            for quote, doc in zip(to_parse, nlp.pipe(list(to_parse), batch_size=batch_size)):
                found = _scope(doc, neg_index, hedge_index, future_index, adding_index, general, conditions)
                for i in to_parse[quote]:
                    found_i = dict(found, asserts=found["asserts"] and out[i]["asserts"])
                    out[i].update(found_i)
    return out


def _scope(doc, neg_index, hedge_index, future_index, adding_index=None, general: frozenset = frozenset(),
           conditions: frozenset = frozenset()) -> dict:
    main = _main_verbs(doc)
    low = [t.lower_.replace("’", "'") for t in doc]
    stem = [light_stem(w) for w in low]
    # A negation that adds or affirms ("not only X but Y", "there is no question that", "it doesn't matter")
    # denies nothing; "n't" is read as "not", as written_out does for the quote's words.
    spelt = ["not" if w == "n't" else w for w in low]
    adding = {i for a, b in _spans(spelt, [light_stem(w) for w in spelt], adding_index or {}) for i in range(a, b)}

    def on_main(index) -> list:
        return [doc[i] for a, b in _spans(low, stem, index) for i in range(a, b) if governs_main_verb(doc[i], main)]

    negations = [t for t in on_main(neg_index) + [t for t in doc if t.dep_ == "neg" and governs_main_verb(t, main)]
                 if t.i not in adding]
    futures = {t.i for t in on_main(future_index)}
    hedged = {t.sent.start for t in on_main(hedge_index)}
    # A negated wish, guess or duty ("should not lead", "don't want to") denies nothing; a negated future
    # ("we're not going to negotiate", "will not recognise") refuses, and counts.
    wishing = {t.sent.start for t in on_main(hedge_index) if t.i not in futures}
    negated = {t.sent.start: t.sent for t in negations if t.sent.start not in wishing}
    denied = sorted({i for t in negations if t.sent.start in negated for i in negated_clause(t, main)})
    # a negated future of the speaker's own side refuses to act: "we're not going to negotiate"
    refuses = any(t.sent.start in negated and _own_future(t, main, futures) for t in negations)
    # Only sentences that assert something count: "Thank you, Mr President." neither hedges nor claims.
    clauses = [t.sent.start for t in main if _has_subject(t)]
    # What the statement is about: for a negation, what its verb denies; else what its main verbs assert.
    denying = {_verb_on_main(t, main) for t in negations if t.sent.start in negated} - {None}
    verbs = sorted(denying or main, key=lambda t: t.i)
    about = sorted({i for v in verbs for i in core_of(v, not denying, conditions)})
    return {"negated": bool(negated), "negated_text": "".join(doc[i].text_with_ws for i in denied).strip(),
            "hedged": all(start in hedged for start in clauses),
            "asserts": any(t.pos_ in ("VERB", "AUX") and _has_subject(t) for t in main)
                       and not any(t.dep_ == "neg" for t in doc), "refuses": refuses,
            "subject_text": " ".join(doc[i].text for i in about if names_something(doc[i], general)),
            "own_subject": any(_own_side(v) for v in verbs)}


def _verb_on_main(token, main: set):
    """The main verb a word bears on (itself, or the one above it), None when it reaches none."""
    verb = token
    while verb not in main and verb.head is not verb:
        verb = verb.head
    return verb if verb in main else None


def _own_side(verb) -> bool:
    """Whether a verb's subject is the speaker's own side: "we", "I", "our forces", "my government"."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in _FIRST_PERSON or any(
        p.dep_ == "poss" and p.lower_ in _OWN for p in c.children)) for c in verb.children)


def _phrase(token) -> list[int]:
    """A word with the words of its phrase, without the clauses that say something else: a relative or
    adverbial clause, a verb joined by "and", an aside ("the port at which they could take grain out"
    is about a port)."""
    out, stack = [], [token]
    while stack:
        t = stack.pop()
        out.append(t.i)
        stack.extend(c for c in t.children if not (c.dep_ in _OTHER_CLAUSES or (
            c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))))
    return out


def _infinitive(verb) -> bool:
    """An infinitive clause ("for him to meet", "to fight"), part of what its verb says, unlike an
    adverbial clause of time, cause or manner ("as Russia is taking steps", "because it would ...")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def core_of(verb, asserted: bool = True, conditions: frozenset = frozenset()) -> list[int]:
    """The word indices of what a clause is about: its verb with its subject, object, complement and
    prepositional phrases, and the clauses it reports ("know [that X made a decision]"), without the
    relative clauses inside them ("in a situation [where we find ourselves with supply chain problems]").
    For a negated verb (``asserted`` False) its adverbial clauses and the verbs joined to it are left out,
    as the negation does not reach them ("this cannot continue, [especially considering that ...]");
    an asserted verb keeps both ("it remains a priority because it would cut off Ukrainian forces"),
    but not a condition or an alternative (``conditions``: "whether it is on the oil markets"), which
    asserts nothing."""
    found: list[int] = [verb.i]
    for c in verb.children:
        if c.i < verb.i and any(t.text == ";" for t in verb.doc[c.right_edge.i + 1:verb.i]):
            continue  # a clause before a semicolon is said beside the verb, not to it ("X made Russia launch ...; that left us no choice")
        if c.dep_ in _ARGUMENTS or c.dep_ == "prep":
            found.extend(_phrase(c))
        elif c.dep_ in ("xcomp", "ccomp", "csubj") or (c.dep_ == "advcl" and (
                _infinitive(c) or asserted and not _conditional(c, conditions))) or (
                asserted and c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")):
            found.extend(core_of(c, asserted, conditions))
    return found


def _conditional(verb, conditions: frozenset) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in conditions for c in verb.children)


def names_something(token, general: frozenset) -> bool:
    """A word that says what a clause is about: a noun, a name, a number or a verb that is not one of
    the ``general`` words (stemmed: "be", "mean", "time"); an adjective only qualifies ("global")."""
    return token.pos_ in ("NOUN", "PROPN", "VERB", "NUM") and not {
        light_stem(token.lower_), light_stem(token.lemma_.lower())} & general


def _own_future(negation, main: set, futures: set) -> bool:
    """Whether a negation bears on a main verb that has a future (``futures``: "will", "going to")
    and the speaker's side ("I", "we") for subject."""
    verb = negation
    while verb not in main and verb.head is not verb:
        verb = verb.head
    own = any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _FIRST_PERSON for c in verb.children)
    return own and any(t.i in futures for t in verb.subtree)


def negated_clause(token, main: set) -> list[int]:
    """The word indices of what a negation on a main verb denies, to compare with the claim it answers:
    that verb's clause, without another clause joined to it ("We're here to support them, but we're
    not going to negotiate" denies the negotiating) and without a clause that carries a negation of
    its own, which the main verb's does not reach and which opposes nothing by itself ("not going to
    negotiate about a negotiation that has not resulted in humanitarian corridors" says nothing
    against a claim about humanitarian corridors)."""
    verb = token
    while verb not in main and verb.head is not verb:
        verb = verb.head
    if verb not in main:
        return [token.i]
    left_out: set[int] = set()
    for t in verb.subtree:
        if t is verb or t.i in left_out:
            continue
        joined = t.dep_ in ("conj", "parataxis") and t.head is verb and t.pos_ in ("VERB", "AUX")
        own_negation = t.dep_ in ("relcl", "acl", "advcl") and any(c.dep_ == "neg" for c in t.children)
        if joined or own_negation:
            left_out.update(d.i for d in t.subtree)
    return [t.i for t in verb.subtree if t.i not in left_out]


def _has_subject(verb) -> bool:
    """A verb with its subject ("he has spoken", "there is"): a clause that asserts, not a fragment
    ("continue their personal contacts", "made a lot of progress")."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children)
