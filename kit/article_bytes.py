"""An input file's bytes as text: gunzipped when named .gz, size-capped, binary files refused, encoding found.

``read_text(path)`` returns ``(text, notes)`` or raises :class:`kit.article_files.SkipFile` with the
reason (empty, binary, too large, damaged gzip, no encoding found).
"""
from __future__ import annotations

import gzip
import hashlib
import io
import zlib
from pathlib import Path
from typing import Iterator

from .article_files import SkipFile, os_problem, safe_size


MAX_FILE_BYTES = 1 << 30  # 1 GB: a file (or what a .gz unpacks to) is read whole into memory


MAGIC = [
    (b"\x89PNG\r\n\x1a\n", "PNG image"), (b"PK\x03\x04", "ZIP archive"), (b"PK\x05\x06", "ZIP archive"),
    (b"%PDF-", "PDF document"), (b"GIF87a", "GIF image"), (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"), (b"\x1f\x8b", "gzip archive; name it .gz to load it"),
    (b"\x7fELF", "program"), (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Microsoft Office document"),
]
BOMS = [
    (b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"),
]


def read_bytes(path: Path, seen: dict | None = None) -> bytes | bytearray:
    """The file's bytes, gunzipped when the name ends in .gz; more than MAX_FILE_BYTES is refused.

    ``seen``, if given, receives the size and sha256 of the bytes read from disk (before unzipping):
    what a manifest records is then exactly what was read, not what a second look found.
    """
    limit = f"{MAX_FILE_BYTES / 2**20:,.0f} MB"
    if safe_size(path) > MAX_FILE_BYTES:
        raise SkipFile(f"file is larger than {limit}; split it into smaller files")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SkipFile(os_problem(exc, path)) from exc
    if seen is not None:
        seen.update(bytes=len(raw), sha256=hashlib.sha256(raw).hexdigest())
    if path.suffix.lower() != ".gz":
        return raw
    try:
        # A small file can unpack to terabytes: count what it unpacks to first, a chunk at a time,
        # and only then unpack it into a buffer of exactly that size.
        size = sum(len(chunk) for chunk in gunzipped_chunks(raw, MAX_FILE_BYTES + 1))
        if size > MAX_FILE_BYTES:
            raise SkipFile(f"gzip file unpacks to more than {limit}; split it into smaller files")
        unpacked, done = bytearray(size), 0
        for chunk in gunzipped_chunks(raw, size):
            unpacked[done:done + len(chunk)] = chunk
            done += len(chunk)
    except (OSError, EOFError, zlib.error) as exc:
        raise SkipFile(f"damaged gzip file ({exc})") from exc
    return unpacked


def gunzipped_chunks(packed: bytes, limit: int, chunk: int = 1 << 18) -> Iterator[bytes]:
    """The unpacked bytes of gzip data in chunks of up to ``chunk`` bytes, stopping once ``limit`` are out."""
    with gzip.GzipFile(fileobj=io.BytesIO(packed)) as fh:
        while limit > 0:
            piece = fh.read(min(chunk, limit))
            if not piece:
                return
            limit -= len(piece)
            yield piece


def binary_kind(raw: bytes) -> str:
    """'PNG image', 'ZIP archive', … for bytes that start like a known binary format, else ''."""
    for magic, kind in MAGIC:
        if raw.startswith(magic):
            return kind
    return ""


def sniff_binary(path: Path) -> str:
    """The binary kind of a file of an unsupported type, from its first bytes ('' when unknown or unreadable)."""
    try:
        with open(path, "rb") as fh:
            return binary_kind(fh.read(64))
    except OSError:
        return ""


def decode_bytes(raw: bytes) -> tuple[str, list[str]]:
    """``(text, notes)``: UTF-8 (BOM dropped), UTF-16/32 with a BOM, UTF-16 without one, or a detected encoding."""
    notes: list[str] = []
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom):].decode(encoding), notes
            except UnicodeDecodeError as exc:
                raise SkipFile(f"starts with a {encoding.upper()} byte-order mark but is not valid {encoding.upper()}") from exc
    if b"\x00" in raw:
        # NUL bytes are valid UTF-8, but in text files they mean UTF-16, or that the file is not text.
        utf16 = utf16_without_bom(raw)
        if not utf16:
            raise SkipFile("binary file")
        notes.append(f"decoded as {utf16.upper()} (no byte-order mark)")
        return raw.decode(utf16), notes
    try:
        return raw.decode("utf-8"), notes
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(raw) - 3:
            notes.append("file ends in the middle of a character (truncated UTF-8); the incomplete character was dropped")
            return raw[:exc.start].decode("utf-8"), notes
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise SkipFile("not valid UTF-8 and no encoding detected")
    # Western newsroom files are far more often cp1252 than cp1250 etc.; name it when it reads the same.
    encoding = "cp1252" if "cp1252" in best.could_be_from_charset else best.encoding
    notes.append(f"not valid UTF-8; decoded as {encoding}")
    return str(best), notes


def utf16_without_bom(raw: bytes) -> str:
    """'utf-16-le' or 'utf-16-be' when the bytes look like UTF-16 text without a BOM, else ''."""
    if len(raw) < 4 or len(raw) % 2:
        return ""
    sample = raw[:4096]
    even_zeros, odd_zeros = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    for zeros, other, encoding in ((odd_zeros, even_zeros, "utf-16-le"), (even_zeros, odd_zeros, "utf-16-be")):
        # Latin-script text in UTF-16 has a zero in most high bytes and almost none in low bytes.
        if zeros > 0.3 * half and other < 0.05 * half:
            try:
                raw.decode(encoding)
                return encoding
            except UnicodeDecodeError:
                return ""
    return ""


def read_text(path: Path, seen: dict | None = None) -> tuple[str, list[str]]:
    """``(text, notes)`` for a file: skips empty, blank and binary files with a reason (``seen``: see :func:`read_bytes`)."""
    raw = read_bytes(path, seen)
    if not raw:
        raise SkipFile("empty file")
    kind = binary_kind(raw)
    if kind:
        raise SkipFile(f"binary file ({kind})")
    text, notes = decode_bytes(raw)
    if text.isspace():
        raise SkipFile("file holds only whitespace")
    return text, notes
