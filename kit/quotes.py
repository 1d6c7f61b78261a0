"""Stage 2: find every statement in the articles and who made it.

``extract_quotes(articles)`` returns the ``statements`` table, one row per statement:

    article_id, quote_id         quote_id = article_id + ":" + start + "-" + end (stable)
    quote, quote_start, quote_end  the statement's words and character offsets into the article's
                                 ``text`` exactly as given: text[quote_start:quote_end] == quote.
                                 A quote split by its attribution ("A," he said, "B.") is one
                                 row whose quote runs from A to B.
    quote_spans                  list of [start, end]: the quoted pieces themselves
    quote_text                   the pieces joined with spaces (what was said, without "he said")
    kind                         direct | partial | indirect | turn
    speaker                      the speaker resolved within the article: a full name
                                 ("Donald Trump" for "he"), or a description kept as written
                                 ("a senior Russian lawmaker"); "" if none
    speaker_mention, speaker_start, speaker_end   the words the cue attaches to ("he", "who"), or
                                 for a quotation that takes its speaker from a neighbour, that
                                 neighbour's mention; -1 if none
    cue, cue_start, cue_end      the speech verb or phrase ("told", "according to"), -1 if none
    act                          the speech act of the cue (says, denies, rejects, warns, accuses,
                                 demands, promises, agrees, concerned, believes); "says" for
                                 a quotation without a cue and a transcript turn
    venue                        addressee or medium ("CNN", "reporters", "New York Post"), or ""
    sentence                     the sentence(s) around the statement, for a reporter to read
    content, content_start, content_end  the whole reported content: for a partial quote the
                                 clause around it ("peace talks had “made a lot of progress.”"),
                                 otherwise the quote's cover
    confidence                   0..1, how sure the engine is of the attribution

How it works (rules, no trained model beyond spaCy's parser):

* quotation marks of every style are paired cheaply (``kit.quotes_marks``), robust to a missing
  closing mark; a quote that runs over paragraphs is one statement; transcript turns are found
  at their speaker labels, also without a parser (``kit.quotes_turns``);
* only paragraphs that can hold a statement (a quotation starts there, or a word the
  pipeline's lemmatizer can read as a cue verb) get the full parse (``fast=True``); the rest
  get only named entities, which speaker resolution needs, and paragraphs whose every letter
  is quoted or spoken in a transcript get nothing (``kit.quotes_plan``);
* a cue (``kit.quotes_cues``) is a verb from ``data/speech_verbs.yml`` (matched on its lemma)
  that governs a clause, an infinitive or a quotation; a speech verb with a noun-phrase object ("reaffirmed Russia's
  readiness to ..."), a light verb with a speech noun ("expressed concern about X"), a verb and
  a preposition ("called for X"), "was clear that", or a phrase such as "according to"; its
  subject is the speaker mention, and a passive or impersonal cue ("It was emphasised that")
  takes the text's main speaker (the readout forms live in ``kit.quotes_readouts``);
* what is not speech is left out: a negated cue over a question ("has not stated whether"),
  action verbs, naming participles and word senses, link lines, captions and headlines, and
  a cue inside what another cue reports ("Critics charged that the hearing failed to
  [provide] any new information" is the critics' one statement);
* a quotation is direct when it is the whole content of its cue, partial when it sits inside a
  longer reported clause (``kit.quotes_attach``); a cue's clause without quotation marks is
  indirect speech;
* transcript lines that open with a speaker label are turns;
* speakers are resolved within the article by ``kit.coref`` ("who" in "Peskov, who said" is
  the mention, Peskov the speaker); a quotation that opens its paragraph below one ending
  "He said:" takes that cue; any other quote without a cue takes the speaker of the quote
  before it (or after it in the same paragraph).

The engine never raises for one odd article: an article that fails is reported as a warning
and yields no rows.
"""
from __future__ import annotations

import gc
import itertools
import logging
import multiprocessing
import re
import warnings
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Iterable, Iterator

import pandas as pd

from .config import ARTICLE_SECONDS
from .cues import Lexicon, load_lexicon
from .language import detect_language, is_cyrillic_language
from .nlp import default_n_process, keep_freed_memory, load_pipeline, one_blas_thread
from .quotes_article import statements_for_article
from .quotes_plan import MAX_PARAGRAPH_CHARS, OverBudget, Plan, cue_pattern, plan_article, turn_label_words

log = logging.getLogger(__name__)

# Bump when the engine's rows change, so kit.cache re-extracts instead of reusing old rows.
ENGINE_VERSION = "116"

STATEMENT_COLUMNS = [
    "article_id", "quote_id", "quote", "quote_start", "quote_end", "quote_spans", "quote_text",
    "kind", "speaker", "speaker_mention", "speaker_start", "speaker_end",
    "cue", "cue_start", "cue_end", "act", "venue", "sentence",
    "content", "content_start", "content_end", "confidence",
]
# spaCy's tokenizer peels a run of marks without a space ("====…", "“”“”…") one mark at a time, in
# time that grows with the square of the run; a longer run reaches the parser with its middle blanked.
MAX_MARK_RUN = 100
MARK_RUN = re.compile(r"[^\w\s]{%d,}" % (MAX_MARK_RUN + 1))


# ---------------------------------------------------------------- streaming over articles

def _texts(plans: Iterable[Plan], which: str) -> Iterator[str]:
    for plan in plans:
        for k in getattr(plan, which):
            s, e = plan.paras[k]
            yield prefixes_joined(apostrophes_straight(without_dateline(marks_capped(plan.text[s:e]))))


# "WASHINGTON (AP) — ", "MACAU (Reuters) – ", "PHILADELPHIA, July 25 (UPI) — ", "FAIRHAVEN, Maine — "
DATELINE = re.compile(r"[A-Z][A-Z.'’\- ]+[A-Z.](?:,[^\n—–()]{1,40})?(?:\s*\([A-Za-z .&]{1,25}\))?\s*(?:—|–|--|-)\s")


def without_dateline(text: str) -> str:
    """``text`` with a dateline at its start turned into spaces, one for one: the parser reads
    "MACAU (Reuters) – Top donor Sheldon Adelson said ..." with the place as the subject of
    "said"; the words stay in the article, only the parse does not see them."""
    m = DATELINE.match(text)
    return " " * m.end() + text[m.end():] if m else text


# A curly apostrophe inside a word ("Trump’s", "don’t"), not a closing single quotation mark.
CURLY_APOSTROPHE = re.compile(r"(?<=\w)’(?=\w)")


def apostrophes_straight(text: str) -> str:
    """``text`` with a curly apostrophe inside a word made straight, one for one: the tagger reads
    the "’s" of "President Trump’s and President Putin’s agreement" as a closing quotation mark
    and the parser then cuts the sentence there; the article keeps its own characters."""
    return CURLY_APOSTROPHE.sub("'", text) if "’" in text else text


# A prefix the tokenizer would split from its word: "de-escalate", "de-mine". ("co-host" is not
# joined: "told co-host Joe Scarborough that ..." then reads the noun as a verb.)
SPLIT_PREFIX = re.compile(r"\b([Dd]e)-(?=[a-z])")


def prefixes_joined(text: str) -> str:
    """``text`` with the hyphen after "de" at the start of a word made a non-breaking one, one for
    one: the tokenizer splits "to de-escalate tensions" into three words the parser reads as three
    verbs (and "called on Russia to de-escalate tensions" lost its infinitive), where
    "de\u2011escalate" is read as the verb it is; the article keeps its own characters."""
    return SPLIT_PREFIX.sub("\\1\u2011", text) if "-" in text else text


def marks_capped(text: str) -> str:
    """``text`` with the middle of every run of over ``MAX_MARK_RUN`` marks without a space
    turned into spaces, one for one, so every character offset still points into the source."""
    return MARK_RUN.sub(_blank_middle, text) if MARK_RUN.search(text) else text


def _blank_middle(m: re.Match) -> str:
    run, keep = m.group(), MAX_MARK_RUN // 2
    return run[:keep] + " " * (len(run) - 2 * keep) + run[-keep:]


class ExtractionWarning(UserWarning):
    """What the quote engine did about an article it could not read whole (also in ``frame.attrs["notes"]``)."""


# spaCy's worker processes keep every string they have seen, so one pool that parses a whole
# archive grows without bound; a fresh pool for each chunk of articles keeps memory flat.
CHUNK_ARTICLES = 1000
# Paragraphs per batch the parser gets: the engine parses paragraphs, not articles, and spaCy's
# models work batch by batch, so 32 paragraphs (about 1,300 words) left most of each step's cost
# to overhead; 256 took about 40 % less processor time per word on PolNeAR dev, the same docs.
BATCH_PARAGRAPHS = 256
# With several processes each one reads whole runs of articles (plan, parse, rules) and sends back
# rows. A chunk is cut into about this many runs per process, so that a process that finishes
# early takes another and both cores stay busy to the end ...
RUNS_PER_PROCESS = 4
# ... and a run holds at most this many characters (about 40 news stories), so a chunk of long
# transcripts still splits into enough runs.
RUN_CHARS = 200_000


def iter_statements(articles: pd.DataFrame, nlp=None, *, fast: bool = True, batch_size: int = BATCH_PARAGRAPHS,
                    n_process: int = 1, chunk_size: int = CHUNK_ARTICLES, article_seconds: float | None = ARTICLE_SECONDS,
                    notes: list | None = None) -> Iterator[list[dict]]:
    """Statement rows article by article, streaming: only one batch of parses is held at a time,
    and with ``n_process`` > 1 the worker processes are renewed every ``chunk_size`` articles.

    An article whose planning and rules take longer than ``article_seconds`` (None or 0: no limit)
    gives no rows; ``notes``, if given, gets ``(article_id, message, skipped)`` for it and for each
    paragraph read in parts.

    Each article goes by its ``language`` (``kit.language``; worked out from the text when the
    table has no such column): Russian and Ukrainian to ``kit.quotes_ru`` (natasha), everything
    else to the spaCy pipeline. The rows come back in the articles' order either way."""
    lex = load_lexicon()
    reader = None
    notes = notes if notes is not None else []
    chunk_size = max(1, chunk_size)
    for start in range(0, len(articles), chunk_size):
        part = articles.iloc[start:start + chunk_size]  # texts become Python strings a chunk at a time
        ids, texts = part["article_id"].astype(str).tolist(), part["text"].tolist()
        titles = part["title"].tolist() if "title" in part else [""] * len(texts)
        given = part["language"].tolist() if "language" in part else [None] * len(texts)
        russian = [is_cyrillic_language(lang if isinstance(lang, str) and lang else detect_language(text))
                   for lang, text in zip(given, texts)]
        english_items = [(a, t, h) for a, t, h, ru in zip(ids, texts, titles, russian) if not ru]
        russian_items = [(a, t, h) for a, t, h, ru in zip(ids, texts, titles, russian) if ru]
        english = iter(())
        if english_items:
            reader = reader or EnglishReader.of(nlp or load_pipeline(), lex, fast, batch_size, article_seconds)
            english = reader.rows(english_items, notes) if n_process <= 1 else \
                _rows_in_processes(reader, english_items, n_process, notes)
        from .quotes_ru import iter_statements_ru

        russian_rows = iter_statements_ru(russian_items, lex) if russian_items else iter(())
        for ru in russian:
            yield next(russian_rows) if ru else next(english)
        for _ in english:  # lets the worker pool finish before the next chunk starts one
            pass


@dataclass(frozen=True)
class EnglishReader:
    """What a process needs to turn English articles into statement rows: the pipeline, the
    lexicon, the fast path's cheap tests and the engine's settings."""
    nlp: object
    lex: Lexicon
    cues: object
    labels: object
    fast: bool
    batch_size: int
    max_chars: int
    seconds: float | None

    @classmethod
    def of(cls, nlp, lex: Lexicon, fast: bool, batch_size: int, seconds: float | None) -> "EnglishReader":
        return cls(nlp, lex, cue_pattern(nlp, lex), turn_label_words(nlp), fast, batch_size,
                   min(MAX_PARAGRAPH_CHARS, nlp.max_length), seconds)

    def rows(self, items: list[tuple[str, str, str]], notes: list) -> Iterator[list[dict]]:
        """Rows of each (article_id, text, title), in order, parsed in this process; ``notes`` gets
        each article's notes before its rows come."""
        plans = (plan_article(a, t, self.lex, self.fast, self.cues, self.labels, h, self.max_chars, self.seconds)
                 for a, t, h in items)
        return _statements_of_plans(plans, self.nlp, self.lex, self.batch_size, self.seconds, notes)


# ---------------------------------------------------------------- several processes
#
# Each process reads whole runs of articles: it plans them, parses the paragraphs that need it (full
# parse and names only), runs the rules and sends back rows and notes. The parse never leaves the
# process that made it (a spaCy pool would send every Doc back to be read by the rules in this one
# process, serially, while the workers wait), and the runs go out longest first, so the two cores
# finish together.

_READER: EnglishReader | None = None


def _start_worker(reader: EnglishReader) -> None:
    global _READER
    _READER = reader
    keep_freed_memory()  # a worker parses batch after batch, then ends (kit.nlp)


def _rows_of_run(items: list[tuple[str, str, str]]) -> list[tuple[list[dict], list]]:
    """In a worker process: (rows, notes) of each article of a run."""
    out, notes = [], []
    for rows in _READER.rows(items, notes):
        out.append((rows, list(notes)))
        notes.clear()
    return out


def article_runs(items: list[tuple[str, str, str]], n_process: int) -> list[list[tuple[str, str, str]]]:
    """``items`` cut, in order, into runs of about equal length in characters: about
    ``RUNS_PER_PROCESS`` per process, none over ``RUN_CHARS`` unless one article is longer."""
    sizes = [_length(text) for _, text, _ in items]
    target = max(1, min(RUN_CHARS, sum(sizes) // max(1, n_process * RUNS_PER_PROCESS)))
    runs, run, size = [], [], 0
    for item, n in zip(items, sizes):
        run.append(item)
        size += n
        if size >= target:
            runs.append(run)
            run, size = [], 0
    return runs + [run] if run else runs


def _length(text) -> int:
    return len(text) if isinstance(text, str) else 0


def _rows_in_processes(reader: EnglishReader, items: list[tuple[str, str, str]], n_process: int,
                       notes: list) -> Iterator[list[dict]]:
    """Rows of each article, in order, read by ``n_process`` processes (see above)."""
    runs = article_runs(items, n_process)
    # fork shares the loaded pipeline with the workers; elsewhere each worker gets a pickled copy
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    # A forked worker shares this process's memory until it writes a page; Python's garbage collector
    # in the worker writes on every object it walks, so the objects already here are kept out of its
    # walks (0.3 to 0.6 s less system time on the 84 PolNeAR dev texts).
    gc.freeze()
    pool = ProcessPoolExecutor(min(n_process, len(runs)), mp_context=context, initializer=_start_worker,
                               initargs=(reader,))
    try:
        longest_first = sorted(range(len(runs)), key=lambda i: -sum(_length(text) for _, text, _ in runs[i]))
        futures = {i: pool.submit(_rows_of_run, runs[i]) for i in longest_first}
        for i in range(len(runs)):
            for rows, found in futures[i].result():
                notes += found
                yield rows
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        gc.unfreeze()


def _statements_of_plans(plans: Iterator[Plan], nlp, lex: Lexicon, batch_size: int, seconds: float | None,
                         notes: list) -> Iterator[list[dict]]:
    p_main, p_full, p_ner = itertools.tee(plans, 3)
    full = nlp.pipe(_texts(p_full, "parse"), batch_size=batch_size)
    keep = {"ner"} if _ner_own_tok2vec(nlp) else {"ner", "tok2vec"}
    not_ner = [p for p in nlp.pipe_names if p not in keep]
    ner = nlp.pipe(_texts(p_ner, "ents_only"), batch_size=batch_size, disable=not_ner)
    with one_blas_thread():  # the models' matrix products (kit.nlp); the processes already fill the cores
        yield from _rows_of_plans(p_main, full, ner, lex, seconds, notes)


def _rows_of_plans(plans: Iterator[Plan], full: Iterator, ner: Iterator, lex: Lexicon, seconds: float | None,
                   notes: list) -> Iterator[list[dict]]:
    for plan in plans:
        docs = {k: next(full) for k in plan.parse}
        docs.update({k: next(ner) for k in plan.ents_only})
        notes += [(plan.article_id, note, False) for note in plan.notes]
        try:
            if plan.skipped:
                raise OverBudget(plan.skipped)
            yield statements_for_article(plan, docs, lex, seconds)
        except OverBudget as exc:
            notes.append((plan.article_id, str(exc), True))
            yield []
        except Exception as exc:  # one odd article must not stop the run
            log.warning("article %s: quote extraction failed (%s: %s)", plan.article_id, type(exc).__name__, exc)
            yield []


def _ner_own_tok2vec(nlp) -> bool:
    """True when the NER has its own embedding layer, so it runs correctly without tok2vec."""
    if "ner" not in nlp.pipe_names:
        return True
    arch = nlp.get_pipe_config("ner").get("model", {}).get("tok2vec", {}).get("@architectures", "")
    return "Listener" not in arch


def extract_quotes(articles: pd.DataFrame, nlp=None, batch_size: int = BATCH_PARAGRAPHS, *, fast: bool = True,
                   n_process: int | None = None, progress=None,
                   article_seconds: float | None = ARTICLE_SECONDS) -> pd.DataFrame:
    """The ``statements`` table for every article in ``articles`` (see the module docstring).

    ``fast=True`` parses only paragraphs that can hold a statement and gives the same rows as
    ``fast=False`` (a full parse of every paragraph). ``n_process`` processes parse (default:
    the usable cores, ``kit.nlp.default_n_process()``); the rows do not depend on it.
    ``progress(n)`` is told how many articles are done, every few articles and at the end.

    A paragraph over ``MAX_PARAGRAPH_CHARS`` (or the pipeline's ``max_length``) is read in parts
    cut at sentence ends; an article on which the engine's own work (planning and rules, not the
    parse) takes longer than ``article_seconds`` (None or 0: no limit) is skipped. Each is an
    :class:`ExtractionWarning` naming the article, listed in ``frame.attrs["notes"]``;
    ``frame.attrs["skipped"]`` lists the skipped articles' ids.
    """
    n_process = default_n_process() if n_process is None else int(n_process)
    frames, rows, notes, said = [], [], [], []
    chunk = CHUNK_ARTICLES
    files = dict(zip(articles["article_id"].astype(str), articles["path"])) if "path" in articles else {}
    named = lambda a: f"article {a} ({files[a]})" if files.get(a) else f"article {a}"  # noqa: E731
    for n, article_rows in enumerate(iter_statements(articles, nlp, fast=fast, batch_size=batch_size,
                                                     n_process=n_process, chunk_size=chunk,
                                                     article_seconds=article_seconds, notes=notes), start=1):
        for article_id, note, _ in notes[len(said):]:
            said.append(f"{named(article_id)}: {note}")
            warnings.warn(said[-1], ExtractionWarning, stacklevel=2)
        rows += article_rows
        if progress is not None and (n % 10 == 0 or n == len(articles)):
            progress(n)
        if n % chunk == 0:  # rows as a table a chunk at a time: far smaller than dicts
            frames.append(statements_frame(rows))
            rows = []
    frames = [f for f in frames if len(f)] + [statements_frame(rows)]
    frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    frame.attrs.update(notes=said, skipped=list(dict.fromkeys(a for a, _, skipped in notes if skipped)))
    return frame


def statements_frame(rows: list[dict]) -> pd.DataFrame:
    """Statement rows (dicts) as a ``statements`` table with its column types."""
    frame = pd.DataFrame(rows, columns=STATEMENT_COLUMNS)
    for col in ("quote_start", "quote_end", "speaker_start", "speaker_end", "cue_start", "cue_end",
                "content_start", "content_end"):
        frame[col] = frame[col].astype("int64")
    frame["confidence"] = frame["confidence"].astype("float64")
    return frame
