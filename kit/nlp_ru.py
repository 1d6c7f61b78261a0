"""The Russian pipeline: natasha's analysis of a Russian or Ukrainian text as a spaCy ``Doc``.

Russian and Ukrainian articles are read with natasha (MIT): razdel tokens and sentences, slovnet
morphology, UD dependency syntax and PER/LOC/ORG names, pymorphy2 lemmas. Its models ship inside
the installed wheels (navec embeddings and slovnet weights), so it works offline. Each paragraph
comes back as a spaCy ``Doc`` carrying natasha's analysis (UD labels, lemmas, morphology,
names as ``PERSON``/``LOC``/``ORG`` entities), so the quote engine reads both languages through
one API. ``doc.user_data["names"]`` maps each person's (start, end) character span to its
nominative form and grammatical gender ("Дмитрию Пескову" -> ("Дмитрий Песков", "m")).
"""
from __future__ import annotations

from functools import lru_cache

from .nlp import PipelineMissing, one_blas_thread

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

        # fresh per call (a vocabulary keeps every string it sees), with spaCy's Russian word
        # attributes (is_alpha, is_punct, like_num) that the quote engine reads
        vocab = create_vocab("ru", Russian.Defaults)
        # natasha's models multiply small matrices: BLAS threads only fight over the cores
        # (measured 2-15x slower under load), so one thread it is.
        with one_blas_thread():
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
