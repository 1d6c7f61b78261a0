"""What the loader works out from a text alone, kept between runs in the extraction cache.

Every load reads every text again, and used to work out, for each, its ``content_hash`` (the text
normalised, then hashed), its ``language`` (letters counted) and its near-duplicate signature
(MinHash of its first words): about 2 CPU seconds per 4,000 White House texts, paid on every re-run
whatever it added. A :class:`TextMemo` keeps these per text, found again by a digest of the text's
exact characters (blake2b, 16 bytes; the exact text, so any change at all is a new text), in one entry
of the extraction cache (``kit.cache_store``), and stores it again only when the load met a text it
did not hold. The values are the ones the functions give (they key the entry with their own source
code), so a load from the memo gives the same articles table as one without it.

    memo = TextMemo.open(cache_dir)          # no_memo() instead: nothing kept, everything worked out
    facts = memo.facts(text)                 # (content_hash, language, digest; "" when nothing is kept)
    memo.save()
"""
from __future__ import annotations

import hashlib
import json
import warnings
import zlib
from pathlib import Path

import numpy as np

from . import article_duplicates, language
from .article_duplicates import content_hash, signatures_of
from .language import detect_language

# Part of the entry's key: bumped when what a text's facts hold changes.
MEMO_VERSION = "1"
STAGE, ITEM = "text facts", "last load"


def text_digest(text: str) -> str:
    """The key of a text's facts: a digest of its exact characters (lone surrogates kept as they are)."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def memo_engine() -> str:
    """What the kept facts depend on besides the text: this format and the code that works them out."""
    digest = hashlib.sha256(MEMO_VERSION.encode())
    for module in (article_duplicates, language):
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()


class TextMemo:
    """Each text's content hash, language and near-duplicate signature, from the cache where it holds
    the text, else worked out (and kept for :meth:`save`)."""

    def __init__(self, store=None, engine: str = "", kept: dict | None = None):
        self.store, self.engine = store, engine
        self.kept: dict[str, list] = kept or {}  # digest -> [content_hash, language, signature hex or None]
        self.used: dict[str, list] = {}
        self.new = 0

    @classmethod
    def open(cls, cache_dir: str | Path | None) -> TextMemo:
        """The memo kept in the extraction cache at ``cache_dir`` (an empty one when there is none or it
        cannot be read: everything is then worked out)."""
        from .cache_store import ExtractionCache

        store = ExtractionCache(cache_dir)
        engine = memo_engine()
        payload = store.get(STAGE, engine, [ITEM]).get(ITEM)
        kept = {}
        if payload is not None:
            try:
                kept = json.loads(zlib.decompress(payload).decode("utf-8"))
            except (zlib.error, ValueError):
                kept = {}
        return cls(store, engine, kept if isinstance(kept, dict) else {})

    def facts(self, text: str) -> tuple[str, str, str]:
        """``(content_hash, language, digest)`` of ``text`` (digest "" when nothing is kept: a load
        without a cache holds no more per text than it did before the memo)."""
        if self.store is None:
            return content_hash(text), detect_language(text), ""
        digest = text_digest(text)
        entry = self.used.get(digest) or self.kept.get(digest)
        if not (isinstance(entry, list) and len(entry) == 3):
            entry = [content_hash(text), detect_language(text), None]
            self.new += 1
        self.used[digest] = entry
        return entry[0], entry[1], digest

    def signatures(self, texts: list[str], digests: list[str]) -> list[np.ndarray | None]:
        """The near-duplicate signature of each text (``kit.article_duplicates.signatures_of``), worked
        out together for the texts the memo does not hold."""
        if self.store is None:
            return signatures_of(texts) if texts else []
        entries = [self.used.get(d) for d in digests]
        missing = [i for i, e in enumerate(entries) if e is None or e[2] is None]
        for i, signature in zip(missing, signatures_of([texts[i] for i in missing]) if missing else []):
            if entries[i] is None:
                entries[i] = self.used[digests[i]] = [content_hash(texts[i]), detect_language(texts[i]), None]
            entries[i][2] = "" if signature is None else signature.tobytes().hex()
            self.new += 1
        return [np.frombuffer(bytes.fromhex(e[2]), dtype=np.uint64) if e[2] else None for e in entries]

    def save(self) -> None:
        """Keep the facts of this load's texts (only when it met texts the memo did not hold, or left some out)."""
        if self.store is None or (not self.new and set(self.used) == set(self.kept)):
            return
        blob = zlib.compress(json.dumps(self.used, separators=(",", ":")).encode("utf-8"), 1)
        with warnings.catch_warnings():  # a read-only cache is told of by the quotes stage, in its words
            warnings.simplefilter("ignore")
            self.store.put(STAGE, self.engine, {ITEM: (blob, len(self.used))})


def no_memo() -> TextMemo:
    """A memo that keeps nothing: every text's facts are worked out."""
    return TextMemo()
