"""The cue lexicon a reporter edits, ``data/speech_verbs.yml``, read by one function.

``load_lexicon()`` gives the quote engine its speech verbs, belief verbs, phrases ("according
to"), venue words, the labels that name no speaker, the office words of transcript labels and
the first-name lists; ``cue_form_pattern`` turns the verbs into a broad regex of their
inflections, the cheap cue test for a pipeline whose lemmatizer ``kit.quotes`` cannot read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .config import load_yaml


@dataclass
class Lexicon:
    """The cue lexicon from ``data/speech_verbs.yml``."""
    verbs: frozenset
    belief: frozenset
    phrases: tuple
    addressee: frozenset
    medium: frozenset
    not_labels: frozenset
    label_roles: frozenset
    female: frozenset
    male: frozenset
    forms: re.Pattern


@lru_cache(maxsize=4)
def load_lexicon(path: str = "speech_verbs.yml") -> Lexicon:
    """The cue verbs, phrases, venue words and name lists a reporter edits in ``data/``."""
    raw = load_yaml(path) or {}
    low = lambda key: frozenset(str(w).lower() for w in raw.get(key) or [])
    verbs, belief = low("verbs"), low("belief_verbs")
    phrases = tuple(tuple(str(p).lower().split()) for p in raw.get("phrases") or [])
    return Lexicon(verbs, belief, phrases, low("addressee_verbs"), low("medium_nouns"),
                   low("not_speaker_labels"), low("label_roles"), frozenset(raw.get("female_names") or []),
                   frozenset(raw.get("male_names") or []),
                   cue_form_pattern(verbs | belief, [" ".join(p) for p in phrases]))


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
