"""When two texts are one article: the content hash of exact copies, and MinHash near-duplicates.

``content_hash(text)`` is the same for texts that differ only in Unicode form, zero-width characters
or whitespace; ``near_duplicates(texts, ids)`` names, for each text, an earlier one it nearly repeats.
"""
from __future__ import annotations

import hashlib
import unicodedata

import numpy as np
import pandas as pd


ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
DROP_ZERO_WIDTH = str.maketrans("", "", ZERO_WIDTH)


def normalised_text(text: str) -> str:
    """Text folded for identity: Unicode NFKC, zero-width characters dropped, whitespace collapsed, case kept."""
    if not text.isascii():
        if not unicodedata.is_normalized("NFKC", text):
            text = unicodedata.normalize("NFKC", text)
        if any(ch in text for ch in ZERO_WIDTH):
            text = text.translate(DROP_ZERO_WIDTH)
    return " ".join(text.split())


def content_hash(text: str) -> str:
    """sha256 hex digest of the normalised text."""
    return hashlib.sha256(normalised_text(text).encode("utf-8")).hexdigest()


SHINGLE = 5
SKETCH_WORDS = 400
MINHASH_BANDS, MINHASH_ROWS = 16, 4
NEAR_DUPLICATE_JACCARD = 0.7


def near_duplicates(texts: list[str], ids: list[str], threshold: float = NEAR_DUPLICATE_JACCARD,
                    signatures: list[np.ndarray | None] | None = None) -> list[str]:
    """For each text, the id of an earlier text it nearly repeats (word 5-gram Jaccard ≥ threshold), else ''.

    Cheap by design: only the first 400 words are compared, MinHash signatures are computed for all
    texts at once with numpy (or given, as :func:`signatures_of` made them: ``kit.article_memo`` keeps
    them between runs), and banding picks the few candidate pairs worth comparing exactly.
    """
    out = [""] * len(texts)
    signatures = signatures_of(texts) if signatures is None else signatures
    docs = [i for i, signature in enumerate(signatures) if signature is not None]
    if len(docs) < 2:
        return out
    shingles: dict[int, np.ndarray] = {}

    def shingles_of(i: int) -> np.ndarray:
        # Only a candidate pair is compared exactly: its texts' shingles are worked out when one is met.
        if i not in shingles:
            shingles[i] = shingle_hashes([first_words(texts[i])])[0]
        return shingles[i]

    buckets: dict[tuple, int] = {}
    for n, i in enumerate(docs):
        signature = signatures[i]
        keys = [(b, signature[b * MINHASH_ROWS:(b + 1) * MINHASH_ROWS].tobytes()) for b in range(MINHASH_BANDS)]
        for key in keys:
            m = buckets.get(key)
            if m is not None and jaccard(shingles_of(i), shingles_of(docs[m])) >= threshold:
                out[i] = out[docs[m]] or ids[docs[m]]
                break
        for key in keys:
            buckets.setdefault(key, n)
    return out


def first_words(text: str) -> list[str]:
    """The words a text is compared on: its first 400, lower-cased."""
    return text[: SKETCH_WORDS * 8].lower().split()[:SKETCH_WORDS]


def signatures_of(texts: list[str]) -> list[np.ndarray | None]:
    """Each text's MinHash signature (bands x rows values), None for a text of fewer than 50 words
    (short texts share boilerplate, not stories). A text's signature does not depend on the others."""
    out: list[np.ndarray | None] = [None] * len(texts)
    docs, words = [], []
    for i, text in enumerate(texts):
        found = first_words(text)
        if len(found) >= 50:
            docs.append(i)
            words.append(found)
    if docs:
        signatures = minhash_signatures(*shingle_hashes(words))
        for n, i in enumerate(docs):
            out[i] = signatures[n]
    return out


def shingle_hashes(word_lists: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
    """Word 5-gram hashes of every text, concatenated in text order, and where each text's run starts."""
    lengths = np.array([len(w) for w in word_lists])
    flat = np.empty(int(lengths.sum()), dtype=object)
    flat[:] = [word for words in word_lists for word in words]
    hashes = pd.util.hash_array(flat, categorize=False)  # siphash with a fixed key: the same on every run
    doc = np.repeat(np.arange(len(word_lists)), lengths)
    rng = np.random.default_rng(20250209)
    weights = rng.integers(1, 2**63, SHINGLE, dtype=np.uint64) | np.uint64(1)
    n = len(hashes) - SHINGLE + 1
    with np.errstate(over="ignore"):
        shingles = sum(hashes[j:n + j] * weights[j] for j in range(SHINGLE))
    doc_of = doc[:n]
    inside = doc_of == doc[SHINGLE - 1:]  # drop 5-grams that straddle two texts
    shingles, doc_of = shingles[inside], doc_of[inside]
    return shingles, np.searchsorted(doc_of, np.arange(len(word_lists)))


def minhash_signatures(shingles: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """One MinHash signature row (bands × rows values) per text."""
    rng = np.random.default_rng(20250210)
    perms = MINHASH_BANDS * MINHASH_ROWS
    mult = rng.integers(1, 2**63, perms, dtype=np.uint64) | np.uint64(1)
    add = rng.integers(0, 2**63, perms, dtype=np.uint64)
    signatures = np.empty((len(starts), perms), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(perms):
            signatures[:, k] = np.minimum.reduceat((shingles * mult[k] + add[k]) >> np.uint64(32), starts)
    return signatures


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Jaccard similarity of the sets of values in two arrays."""
    a, b = np.unique(a), np.unique(b)
    common = len(np.intersect1d(a, b, assume_unique=True))
    return common / (len(a) + len(b) - common)
