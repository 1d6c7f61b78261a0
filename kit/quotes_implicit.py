"""Speakers a readout leaves implicit, for the quote engine (``kit.quotes``): a cue that names nobody
("It was emphasised that ...") is the text's main speaker's, the readout's host when it is a
readout; a joint subject ("The presidents agreed ...", "Vladimir Putin and X reaffirmed ...",
"Jill and I extend ...") is every participant; a "they" or a "he" the resolver left to the wrong
person goes to the group or the subject that spoke just before (see :func:`implicit_speakers`).
"""
from __future__ import annotations

import re
from bisect import bisect_left

from .coref import SPEAKER_BODIES, Resolver
from .coref_document import JOINED, SENTENCE_END

# Between two people the cue's subject joins: "and", then title words only ("and President").
AND_TITLES = re.compile(r"\s+and\s+(?:[A-Z][\w.’'\-]*\s+){0,4}")
# "Jill and I extend ...": the writer joins the person named before.
AND_I = re.compile(r"\s+and\s+I\b")


def readout_host(resolver) -> str:
    """The readout's host (:meth:`kit.coref.Resolver.host`); "" for a Russian text, whose
    resolver has no English opening to read."""
    return resolver.host()[0] if isinstance(resolver, Resolver) else ""


def _main_speaker(rows: list[dict], people: set[str], host: str) -> None:
    """A statement whose cue names nobody ("It was emphasised that ...", "Specific examples ...
    were cited", "It was agreed to ...") is the text's main speaker's, as in a readout: the
    readout's host (:func:`readout_host`) when the text is a readout, else the person who
    is the subject of the nearest earlier cue, else the first person who is the subject of a cue
    anywhere in the text. Joint subjects ("The leaders") and institutions do not count; a
    readout's host speaks for it even where only joint subjects speak ("Both leaders reaffirmed
    ... It was agreed to maintain contact" is the host's, as its publisher words it); any other
    text with no person speaking leaves the speaker empty."""
    by_person = sorted((r["cue_start"], r["speaker"]) for r in rows
                       if r["speaker_start"] >= 0 and r["cue_start"] >= 0 and r["speaker"] in people)
    if not by_person and not host:
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


def _pronoun_after_an_opener(rows: list[dict], resolver: Resolver) -> None:
    """"Vladimir Putin gave an exhaustive response to the mention once again by Joseph Biden of
    sanctions. He suggested that ...": a "he" or "she" that opens its sentence stands for the person
    who opens the sentence before it (its subject), not for one named later in it, whom the
    resolver took for being named last; only when that sentence holds no statement (see
    :func:`_pronoun_after_a_subject`) and the opener is not known to be of the other gender."""
    wanted = {"he": "m", "she": "f"}
    text = resolver.text
    for r in rows:
        pronoun = r["speaker_mention"].lower()
        if pronoun not in wanted or not r["sentence"].startswith(r["speaker_mention"]) or r["speaker_start"] < 1:
            continue
        ends = [m.end() for m in SENTENCE_END.finditer(text, 0, r["speaker_start"])]
        if not ends or text[ends[-1]:r["speaker_start"]].strip():
            continue  # the pronoun does not open a sentence right after another one
        start = ends[-2] if len(ends) > 1 else 0
        if any(start <= o["cue_start"] < ends[-1] for o in rows if o is not r):
            continue
        people = [p for p in resolver.people if start <= p.start < ends[-1]]
        opener = people[0] if people else None
        if opener is None or text[start:opener.start].strip() or opener.full == r["speaker"] \
                or opener.gender not in {"", wanted[pronoun]} or not any(p.full == r["speaker"] for p in people[1:]):
            continue
        r["speaker"] = opener.full


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
    the group that spoke just before (:func:`_they_after_a_group`), else the sides the opening
    introduced; a "he" that opens the sentence after a statement is its speaker
    (:func:`_pronoun_after_a_subject`)."""
    _coordinated_people(rows, resolver)
    _they_after_a_group(rows)
    _pronoun_after_a_subject(rows, resolver)
    _pronoun_after_an_opener(rows, resolver)
    _main_speaker(rows, {p.full for p in resolver.people}, readout_host(resolver))
    for r in rows:
        if not r["speaker"] and r["cue"] and r["kind"] != "turn" and not r.get("_told") and (
                r["speaker_start"] < 0 or r["speaker_mention"].lower() == "they"):
            # "National Security Advisor X met today with Minister Y ... They shared their concerns
            # about Z": a "they" no group or pair before it stands for is the meeting's sides
            r["speaker"] = resolver.unnamed_sides(r["cue_start"])
