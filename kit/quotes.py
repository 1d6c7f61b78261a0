"""Stage 2: find quotations in articles and the speaker each is attributed to.

``extract_quotes(articles)`` returns the ``statements`` table, one row per statement:
    article_id, quote_id         stable ids (quote_id = article_id + ":" + start offset)
    quote, quote_start, quote_end  the quoted words and character offsets into the article's text
    quote_spans                  list of [start, end] pieces (a quote split by its attribution)
    kind                         direct | partial | indirect | turn
    speaker                      resolved name or description within the article ("" if none)
    speaker_mention, speaker_start, speaker_end   the words the cue attaches to (may be "he")
    cue, cue_start, cue_end      the speech verb or phrase
    venue                        addressee or medium ("CNN", "reporters"), "" if none
    sentence                     the sentence around the quote, for a reporter to read
    confidence                   0..1, how sure the engine is of the attribution
"""
from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from .config import load_yaml
from .nlp import load_pipeline

STATEMENT_COLUMNS = [
    "article_id", "quote_id", "quote", "quote_start", "quote_end", "quote_spans", "kind",
    "speaker", "speaker_mention", "speaker_start", "speaker_end",
    "cue", "cue_start", "cue_end", "venue", "sentence", "confidence",
]
QUOTE_PAIRS = re.compile(r"“[^“”\n]+”|\"[^\"\n]+\"|«[^«»\n]+»")
PRONOUNS = {"he", "she", "they", "i", "we"}


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    """Lemmas of cue verbs from ``data/speech_verbs.yml``."""
    return frozenset(load_yaml("speech_verbs.yml")["verbs"])


def quote_spans_in(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paired quotation, marks included."""
    return [m.span() for m in QUOTE_PAIRS.finditer(text)]


def _inside(i: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= i < e for s, e in spans)


def _mention(token) -> tuple[int, int]:
    """Character span of a subject noun phrase (compounds, titles, appositions)."""
    left = min(t.idx for t in token.subtree)
    right = max(t.idx + len(t) for t in token.subtree)
    return left, right


def _cue_for(doc, start: int, end: int, spans) -> object | None:
    """The speech verb that governs the quote at [start, end), searched in its sentence."""
    sent = doc.char_span(start, end, alignment_mode="expand")
    if sent is None:
        return None
    candidates = [t for t in sent.sent if t.lemma_ in speech_verbs() and t.pos_ in {"VERB", "AUX"}
                  and not _inside(t.idx, spans)]
    if not candidates:
        return None
    return min(candidates, key=lambda t: min(abs(t.idx - start), abs(t.idx - end)))


def _subject(cue):
    for child in cue.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            return child
    return None


def _venue(cue) -> str:
    for child in cue.children:
        if child.dep_ in {"dobj", "dative"} and child.ent_type_ in {"ORG", "PERSON", "NORP"} or child.lower_ == "reporters":
            return doc_span_text(child)
    return ""


def doc_span_text(token) -> str:
    return "".join(t.text_with_ws for t in token.subtree).strip()


def _resolve(doc, mention_tok, before: int) -> str:
    """A pronoun to the nearest PERSON named before it; a name to itself."""
    if mention_tok is None:
        return ""
    text = doc_span_text(mention_tok)
    if mention_tok.lower_ in PRONOUNS:
        people = [e for e in doc.ents if e.label_ == "PERSON" and e.end_char <= before]
        return people[-1].text if people else ""
    return text


def statements_in_doc(article_id: str, doc) -> list[dict]:
    """Statement rows for one parsed article."""
    text = doc.text
    spans = quote_spans_in(text)
    rows = []
    for start, end in spans:
        cue = _cue_for(doc, start, end, spans)
        subj = _subject(cue) if cue is not None else None
        s_start, s_end = _mention(subj) if subj is not None else (-1, -1)
        sentence = doc.char_span(start, end, alignment_mode="expand")
        rows.append(dict(
            article_id=article_id,
            quote_id=f"{article_id}:{start}",
            quote=text[start + 1:end - 1],
            quote_start=start + 1,
            quote_end=end - 1,
            quote_spans=[[start + 1, end - 1]],
            kind="direct",
            speaker=_resolve(doc, subj, start),
            speaker_mention=text[s_start:s_end] if subj is not None else "",
            speaker_start=s_start,
            speaker_end=s_end,
            cue=cue.text if cue is not None else "",
            cue_start=cue.idx if cue is not None else -1,
            cue_end=cue.idx + len(cue) if cue is not None else -1,
            venue=_venue(cue) if cue is not None else "",
            sentence=sentence.sent.text if sentence is not None else "",
            confidence=0.8 if subj is not None else 0.2,
        ))
    return rows


def extract_quotes(articles: pd.DataFrame, nlp=None, batch_size: int = 32) -> pd.DataFrame:
    """The ``statements`` table for every article in ``articles`` (see module docstring)."""
    nlp = nlp or load_pipeline()
    rows: list[dict] = []
    docs = nlp.pipe(articles["text"].tolist(), batch_size=batch_size)
    for article_id, doc in zip(articles["article_id"], docs):
        rows.extend(statements_in_doc(article_id, doc))
    return pd.DataFrame(rows, columns=STATEMENT_COLUMNS)
