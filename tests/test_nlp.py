"""kit.nlp: the spaCy pipeline setting: default, environment override, clear error when missing."""
from __future__ import annotations

import numpy
import pytest

from kit import nlp as kit_nlp


def test_default_pipeline_loads_once(nlp):
    assert "parser" in nlp.pipe_names and "ner" in nlp.pipe_names
    assert kit_nlp.load_pipeline() is nlp


def test_environment_variable_picks_the_pipeline(monkeypatch):
    monkeypatch.setenv("KIT_SPACY_MODEL", "en_core_web_md")
    assert kit_nlp.pipeline_name() == "en_core_web_md"
    assert kit_nlp.pipeline_name("custom_pipe") == "custom_pipe"


def test_missing_pipeline_names_the_install_command():
    with pytest.raises(kit_nlp.PipelineMissing, match=r"Install it with: python -m spacy download en_core_web_nope"):
        kit_nlp.load_pipeline("en_core_web_nope")


# ---------------------------------------------------------------- remembered attribute_ruler and lemmatizer

# Fictional sentences touching what the attribute_ruler's patterns read: one-token rules by tag and
# word, rules of two tokens ("gon na", "let 's", "ai n't", "y' all", "there is"), whitespace tokens,
# and words that come back (answered from memory the second time).
REMEMBERED_TEXTS = [
    "Mayor Ilse Brandt said the tram plan was \"finished\" and she's gonna sign it, let's see.",
    "\"We ain't done,\" said councillor Tomas Reyes. \"Y'all will see.\"\n\nThere is a vote on Friday.",
    "The councillors were voting; the mayor had voted, and the voters vote again in 2027.",
    "  Brandt  told   reporters:  \"There are   no   delays.\"  ",
    "Mayor Ilse Brandt said the tram plan was \"finished\" and she's gonna sign it, let's see.",
]


def test_remembered_components_give_the_stock_pipelines_docs(nlp):
    import spacy

    stock = spacy.load(kit_nlp.pipeline_name())
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "RememberedAttributeRuler"
    assert type(nlp.get_pipe("lemmatizer")).__name__ == "RememberedLemmatizer"
    for n_pass in range(2):  # the second pass answers from memory
        ours, theirs = list(nlp.pipe(REMEMBERED_TEXTS)), list(stock.pipe(REMEMBERED_TEXTS))
        assert [annotation(d) for d in ours] == [annotation(d) for d in theirs], f"pass {n_pass}"
        assert all(numpy.allclose(a.tensor, b.tensor, rtol=1e-4, atol=1e-4) for a, b in zip(ours, theirs))
    assert annotation(nlp("She's gonna sign.")) == annotation(stock("She's gonna sign."))


def annotation(doc) -> bytes:
    """Everything a Doc holds but the tok2vec's vectors (numpy's matrix products round their last
    bits otherwise than thinc's BLIS: see ``kit.nlp.numpy_matrix_products``)."""
    return doc.to_bytes(exclude=["tensor"])


def test_matrix_products_go_through_numpy_and_a_paragraph_parses_alike_alone_or_in_a_batch(nlp):
    nodes = [node for _, component in nlp.pipeline if hasattr(getattr(component, "model", None), "walk")
             for node in component.model.walk()]
    assert nodes and all(not node.ops.use_blis for node in nodes)
    alone = [annotation(nlp(text)) for text in REMEMBERED_TEXTS]
    for batch_size in (2, 256):
        assert [annotation(d) for d in nlp.pipe(REMEMBERED_TEXTS, batch_size=batch_size)] == alone


def test_nlp_pipe_goes_through_the_remembered_components(nlp):
    ruler, lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    ruler.memory.clear(), lemmatizer.memory.clear()
    list(nlp.pipe(["Councillor Reyes repeated the figures to the committee."]))
    assert ruler.memory and lemmatizer.memory
    assert nlp.get_pipe("lemmatizer").mode == "rule" and nlp.get_pipe("attribute_ruler").patterns


def test_a_ruler_reading_more_than_the_key_keeps_its_own_component():
    import spacy

    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([[{"NORM": "colour"}]], {"LEMMA": "color"})  # NORM is not in the memory's key
    kit_nlp.remembering_lookups(blank)
    assert type(blank.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"


def test_the_remembering_pipeline_survives_pickling(nlp):
    import pickle

    copy = pickle.loads(pickle.dumps(nlp))  # Dask and spawned workers receive it pickled
    text = "Councillor Reyes said she's gonna vote."
    assert copy(text).to_bytes() == nlp(text).to_bytes()


def test_words_no_pattern_names_share_one_memory_key(nlp):
    ruler = nlp.get_pipe("attribute_ruler")
    list(nlp.pipe(["Councillor Reyes praised the ferry timetable."]))
    before = len(ruler.memory)
    list(nlp.pipe(["Councillor Brandt praised the tram timetable."]))  # new words, same tags
    assert len(ruler.memory) == before
    assert ruler.word_class[nlp.vocab.strings["tram"]] == ruler.OTHER_WORD


# ---------------------------------------------------------------- freed memory kept in a worker

def _parse_keeping_freed_memory(texts: list[str]) -> tuple[bool, list[bytes]]:
    told = kit_nlp.keep_freed_memory()
    return told, [annotation(d) for d in kit_nlp.load_pipeline().pipe(texts)]


def test_a_worker_keeping_freed_memory_parses_alike(nlp):
    import multiprocessing
    import platform

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork on this platform")
    expected = [annotation(d) for d in nlp.pipe(REMEMBERED_TEXTS)]
    with multiprocessing.get_context("fork").Pool(1) as pool:  # malloc's settings stay in the worker
        told, parsed = pool.apply(_parse_keeping_freed_memory, (REMEMBERED_TEXTS,))
    assert parsed == expected
    assert told or platform.libc_ver()[0] != "glibc"
