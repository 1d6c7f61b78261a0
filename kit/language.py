"""Which language an article is written in, from its letters alone (no model, no network).

``detect_language(text)`` returns an ISO 639-1 code the quote engine routes on:

    ru    at least half the letters are Cyrillic and Ukrainian-only letters (і ї є ґ) are rare
    uk    Cyrillic, with Ukrainian-only letters making up at least 1% of the Cyrillic letters
          and outnumbering the Russian-only ones (ы э ъ ё)
    en    mostly Latin letters, with English function words ("the", "and", "said") among the words
    und   undetermined: Latin letters that do not read as English (German, French, Russian
          written in Latin letters), or too few letters to tell
    ""    no letters at all

Mixed text goes by its majority: a Russian article quoting a sentence of English is ``ru``.
"""
from __future__ import annotations

import re

import numpy as np

CYRILLIC = re.compile(r"[\u0400-\u04FF]")
LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
# Letters are counted by runs (a word's letters in one match), not one match per letter: the same
# counts for less time, paid for every article on every run.
CYRILLIC_RUN = re.compile(r"[\u0400-\u04FF]+")
LATIN_RUN = re.compile(r"[A-Za-z\u00C0-\u024F]+")
UKRAINIAN_ONLY = re.compile(r"[іїєґІЇЄҐ]")
RUSSIAN_ONLY = re.compile(r"[ыэъёЫЭЪЁ]")
LATIN_WORD = re.compile(r"[A-Za-z]+")
ENGLISH_WORDS = frozenset({"the", "and", "of", "to", "in", "a", "is", "that", "for", "on", "with", "was",
                           "said", "he", "she", "it", "as", "by", "at", "from", "his", "her", "are", "be",
                           "has", "have", "not", "this", "we", "i", "you", "they", "will", "would", "an"})
# How many letters a text needs before its share of Latin words can say "English".
MIN_LETTERS = 3
CYRILLIC_LANGUAGES = ("ru", "uk")
# Only part of a long text is needed to tell its language; reading it all would cost time for nothing.
SAMPLE_CHARS = 20_000


def detect_language(text: str) -> str:
    """``ru``, ``uk``, ``en``, ``und`` or ``""`` for one text (see the module docstring)."""
    if not isinstance(text, str):
        return ""
    sample = text[:SAMPLE_CHARS]
    cyrillic, latin = _letter_counts(sample)
    if cyrillic + latin == 0:
        return ""
    if cyrillic >= latin:
        ukrainian = len(UKRAINIAN_ONLY.findall(sample))
        russian = len(RUSSIAN_ONLY.findall(sample))
        return "uk" if ukrainian >= 0.01 * cyrillic and ukrainian > russian else "ru"
    words = LATIN_WORD.findall(sample)
    if latin < MIN_LETTERS or not words:
        return "und"
    english = sum(map(ENGLISH_WORDS.__contains__, map(str.lower, words)))
    return "en" if english >= max(1, 0.08 * len(words)) else "und"


def _letters(runs: re.Pattern, text: str) -> int:
    return sum(map(len, runs.findall(text)))


def _letter_counts(text: str) -> tuple[int, int]:
    """How many letters of ``text`` are Cyrillic (``CYRILLIC``) and how many Latin (``LATIN``), counted on
    the code points at once: the same counts as matching them, in a fraction of the time, for every
    article of every run."""
    if text.isascii():
        codes = np.frombuffer(text.encode("ascii"), dtype=np.uint8)
        return 0, int(np.count_nonzero((codes | 0x20) - ord("a") <= ord("z") - ord("a")))
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    cyrillic = np.count_nonzero(codes - 0x400 <= 0x4FF - 0x400)
    latin = np.count_nonzero(((codes | 0x20) - ord("a") <= ord("z") - ord("a")) | (codes - 0xC0 <= 0x24F - 0xC0))
    return int(cyrillic), int(latin)


# Endings a Russian name takes in its cases (and a surname in its feminine form), longest first.
CASE_ENDINGS = ("ыми", "ими", "ому", "ему", "ого", "его", "ой", "ую", "ым", "им", "ом", "ем", "ая",
                "яя", "ий", "ый", "а", "я", "у", "ю", "е", "ы", "и")


def fold_case_endings(word: str) -> str:
    """A Cyrillic word with its case ending cut, for comparing a name's cases:
    "Путина", "Путину", "Путиным" -> "путин"; "Захаровой", "Захарова" -> "захаров".
    Other words are only lower-cased."""
    w = word.lower().replace("ё", "е").strip(".,:;«»\"'")
    if not CYRILLIC.search(w):
        return w
    for ending in CASE_ENDINGS:
        if w.endswith(ending) and len(w) - len(ending) >= 3:
            return w[:-len(ending)]
    return w


def is_cyrillic_language(code: str) -> bool:
    """True for the languages the Russian pipeline reads (Russian and Ukrainian)."""
    return code in CYRILLIC_LANGUAGES
