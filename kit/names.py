"""A person's name as the kit compares it: folded for lookup, and whether written initials can be a person's.

Used by the actors registry both to check its files (two actors given one alias) and to match speakers.
"""
from __future__ import annotations

import re
import unicodedata

from .files import BIDI_CONTROLS
from .language import CYRILLIC

# Words a transcript or an article puts before a name: "MS. PSAKI", "Kremlin spokesman Dmitry Peskov".
# Only used to cut a speaker down to the name at its end; they never identify anyone by themselves.
LEADING_INITIALS = re.compile(r"^(?:[^\W\d_]{1,2}\.\s*)+(?=[^\W\d_]{2})")
POSSESSIVE = re.compile(r"['’]s$")
# Initials written right before a surname that ends the speaker ("Н.Иванов", "J.D. Vance").
INITIALS = re.compile(r"^\s*((?:[^\W\d_]\.\s*)+)(?=[^\W\d_]{2}[\w'’\-]*\s*$)")


def without_controls(name: str) -> str:
    """A speaker's name as it reads: bidirectional controls (U+202E …), which can disguise a name
    on screen, removed before matching."""
    return BIDI_CONTROLS.sub("", str(name or ""))


def normalise(name: str) -> str:
    """A name folded for lookup: NFKC, case-folded, initials and possessive dropped, spaces collapsed.

    "В.Путин" -> "путин", "MS. PSAKI" -> "ms. psaki", "Trump's" -> "trump".
    """
    text = unicodedata.normalize("NFKC", str(name or "")).replace("’", "'").strip(" \t\n\"“”«»:;-—")
    text = re.sub(r"\s+", " ", text)
    text = LEADING_INITIALS.sub("", text)
    text = POSSESSIVE.sub("", text)
    return text.casefold()


def initials_fit(actor: dict, speaker: str) -> bool:
    """False when the initials written before a surname ("Н.Иванов") cannot be the actor's: none
    of the registry's spellings of the actor in that alphabet starts its first name with them.
    True when the speaker has no initials or the registry gives no first name to compare."""
    found = INITIALS.match(unicodedata.normalize("NFKC", str(speaker or "")))
    if not found:
        return True
    initial = found.group(1).strip()[0].casefold()
    cyrillic = bool(CYRILLIC.match(initial))
    firsts = set()
    for alias in [actor["name"], *actor.get("aliases", [])]:
        words = alias.split()
        if len(words) >= 2 and len(words[0].rstrip(".")) >= 2 and bool(CYRILLIC.match(words[0])) == cyrillic:
            firsts.add(words[0][0].casefold())
        held = INITIALS.match(alias)
        if held and bool(CYRILLIC.match(held.group(1))) == cyrillic:
            firsts.add(held.group(1).strip()[0].casefold())
    return not firsts or initial in firsts


def bare_place(name: str) -> str:
    """A place or institution folded for lookup: "The Kremlin" -> "kremlin"."""
    return re.sub(r"^the ", "", normalise(name))
