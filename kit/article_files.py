"""Which files a load reads: paths, globs and folders walked, and every path that is not read with why.

``find_inputs(paths)`` yields a :class:`Found` per file to read, and per path that cannot be read or is
left out (documentation files named README*, NOTICE*…; the kit's own output folders; links that loop).
A file that turns out unreadable later raises :class:`SkipFile` with the reason a reporter sees.
"""
from __future__ import annotations

import errno
import glob
import json
import os
import stat
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path
from typing import Iterable, Iterator


# Files found inside a folder whose names match these are documentation, not articles. Naming such
# a file directly still loads it; pass ignore=() to load everything.
DEFAULT_IGNORE = ("README*", "NOTICE*", "LICENSE*", "LICENCE*", "COPYING*", "CHANGELOG*", "CONTRIBUTING*")
IGNORED = "ignored"


class SkipFile(Exception):
    """A file (or record) that cannot be loaded; the message is the reason shown to the user."""


@dataclass
class Found:
    """A file to read, or a path that is not read with the reason why (``status`` for the inputs table)."""

    path: Path
    problem: str = ""
    status: str = "skipped"


def find_inputs(paths: Iterable[str | Path], ignore: Iterable[str] = DEFAULT_IGNORE) -> Iterator[Found]:
    """Every file named, matched by a glob, or found under a folder; and every path that cannot be read.

    A folder is read once however many ways lead to it (symbolic links, or naming it twice). The
    kit's own output (report runs, report folders, the extraction cache) is never an input: such a
    folder, or a path inside one, is listed as ignored with the reason.
    """
    ignore = tuple(ignore)
    folders_read: dict[tuple[int, int], Path] = {}
    seen: dict[Path, str] = {}
    for raw in paths:
        path = Path(raw)
        if os.path.lexists(path):
            yield from expand_unless_kit_output(path, ignore, folders_read, seen, root=True)
        elif glob.has_magic(str(raw)):
            try:
                matches = sorted(glob.glob(str(raw), recursive=True))
            except RecursionError:  # glob's ** recurses once per folder level
                yield Found(path, "folders under this pattern nest too deeply for a glob; name the top folder "
                                  "instead (a folder is searched to any depth)")
                continue
            if not matches:
                yield Found(path, "no files match this pattern")
            for match in matches:
                yield from expand_unless_kit_output(Path(match), ignore, folders_read, seen, root=False)
        else:
            yield Found(path, "no such file or folder")


# Files by which the kit knows its own output folders, and the keys they hold.
KIT_OUTPUT_MARKS = (("manifest.json", ("kit_version", "status"), "a report run folder"),
                    ("latest.json", ("run", "path"), "a report folder"))
CACHE_MARK = "extraction.sqlite"


def kit_output(folder: Path) -> str:
    """Why ``folder`` is the kit's own output (a report run, a report folder, the extraction cache),
    as an ``ignored: …`` reason; "" when it is not."""
    what = "the extraction cache" if (folder / CACHE_MARK).is_file() else ""
    for name, keys, kind in KIT_OUTPUT_MARKS:
        if what or not (folder / name).is_file():
            continue
        try:
            with open(folder / name, "rb") as fh:
                doc = json.loads(fh.read(64 << 20))
        except (OSError, ValueError):
            continue
        if isinstance(doc, dict) and all(k in doc for k in keys):
            what = f"{kind} ({name})"
    return f"{IGNORED}: the kit's own output, {what}; never read as articles" if what else ""


def expand_unless_kit_output(path: Path, ignore: tuple[str, ...], folders_read: dict[tuple[int, int], Path],
                             seen: dict[Path, str], *, root: bool) -> Iterator[Found]:
    """:func:`expand`, unless ``path`` is inside the kit's own output (``seen`` remembers folders looked at)."""
    for folder in [path, *path.absolute().parents]:
        if folder not in seen:
            seen[folder] = kit_output(folder) if folder.is_dir() else ""
        if seen[folder]:
            yield Found(path, seen[folder])
            return
    yield from expand(path, ignore, folders_read, root=root)


def expand(path: Path, ignore: tuple[str, ...], folders_read: dict[tuple[int, int], Path], *,
           root: bool) -> Iterator[Found]:
    """``path`` itself if a file, else every file under it, depth first in name order.

    The walk keeps its own stack rather than recursing, so folders may nest to any depth. A symbolic
    link back to a folder being walked is a loop, reported and not followed; a folder already read
    (``folders_read``, by device and inode) is reported as a duplicate naming the first path to it.
    """
    first = look_at(path, ignore, set(), folders_read, root=root)
    if isinstance(first, Found):
        yield first
        return
    walking = {first[0]}  # the folders from ``path`` down to the one being read: a link to one is a loop
    stack = [(first[0], iter(first[1]))]
    found_any = False
    while stack:
        key, entries = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            walking.discard(key)
        elif not entry.name.startswith("."):
            item = look_at(Path(entry.path), ignore, walking, folders_read, root=False)
            if isinstance(item, Found):
                found_any = True
                yield item
            else:
                walking.add(item[0])
                stack.append((item[0], iter(item[1])))
    if root and not found_any:
        yield Found(path, "folder holds no files")


def look_at(path: Path, ignore: tuple[str, ...], walking: set, folders_read: dict, *,
            root: bool) -> Found | tuple[tuple[int, int], list[os.DirEntry]]:
    """A Found for a file or a path that cannot be read, or ``(key, entries)`` for a folder to walk."""
    try:
        st = path.stat()
    except OSError as exc:
        return Found(path, os_problem(exc, path))
    if stat.S_ISREG(st.st_mode):
        if not root and any(fnmatch(path.name.upper(), pat.upper()) for pat in ignore):
            return Found(path, f"{IGNORED}: documentation file, not an article (its name matches {', '.join(ignore)})")
        return Found(path)
    if not stat.S_ISDIR(st.st_mode):
        return Found(path, "not a regular file (a device, pipe or socket)")
    own = kit_output(path)
    if own:
        return Found(path, own)
    key = (st.st_dev, st.st_ino)
    if key in walking:
        return Found(path, f"symbolic link loop: leads back to the folder {display_path(folders_read[key])}")
    if key in folders_read:
        return Found(path, f"same folder as {display_path(folders_read[key])}, already read", status="duplicate")
    try:
        with os.scandir(path) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        return Found(path, "cannot open folder: " + os_reason(exc))
    folders_read[key] = path
    return key, entries


def os_reason(exc: OSError) -> str:
    """An OSError in plain English."""
    if isinstance(exc, PermissionError):
        return "permission denied"
    return (exc.strerror or str(exc)).lower()


def os_problem(exc: OSError, path: Path) -> str:
    """Why a path cannot be read: a symlink loop, a broken link, missing permission…"""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop: the link points back to itself"
    if exc.errno == errno.ENOENT and path.is_symlink():
        return f"broken symbolic link (points to {display_path(os.readlink(path))}, which does not exist)"
    return "cannot read file: " + os_reason(exc)


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Every readable file named, matched or found recursively under a named folder, in sorted order."""
    for found in find_inputs(paths, ignore=()):
        if not found.problem:
            yield found.path


def display_path(path: Path | str) -> str:
    """The path as text that any table format can hold (undecodable bytes in names become U+FFFD)."""
    return os.fsencode(str(path)).decode("utf-8", "replace")


def safe_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
