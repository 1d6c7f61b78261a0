"""Reporters' corrections to the machine: wrong speaker, not a quote, wrong camp.

A reporter marks a statement in the explorer (``kit.explore``) or by hand; each mark becomes one
row of a small CSV kept in the project folder (``corrections.csv`` beside the notebooks by
default, or the path in ``KIT_CORRECTIONS_FILE``). The file is never written into an input
folder, and the articles are never touched. The next report run applies it with
``apply_corrections(statements, path)`` and lists it, with its sha256 and the number of
corrections applied, in the manifest.

``corrections.csv`` columns (one row per correction; a later row for the same quote and
correction replaces an earlier one):
    quote_id      the statement's stable id (``article_id:offset``)
    correction    wrong_speaker | not_a_quote | wrong_camp
    value         the right speaker, or the right camp (label or id); "" for not_a_quote
    quote         the first words of the quote, so the file reads on its own
    was           what the machine said (speaker or camp) when the reporter corrected it
    note          the reporter's note ("" when none)
    corrected_at  UTC time of the correction (ISO 8601)

``apply_corrections`` returns the statements with:
    not_a_quote rows removed;
    wrong_speaker: ``speaker`` set to the value; ``actor``, ``camp`` (and ``camp_id``, ``role``
        where present) looked up again in the actor registry as for any speaker (an unknown
        speaker gets actor "" and the "other" camp, unless a wrong_camp correction for the
        same statement says otherwise);
    wrong_camp: ``camp`` set to the camp's label;
    a ``corrected`` column describing what changed ("" for untouched rows);
and ``.attrs["corrections"]`` = {path, sha256, rows, applied, unmatched} (unmatched: quote ids
no longer found, e.g. after the articles changed).
"""
from __future__ import annotations

import csv
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable

import pandas as pd

from .files import atomic_path, read_spreadsheet_text, refuse_inside_inputs, sha256_file, spreadsheet_text
from .registry import Registry, load_registry

CORRECTION_COLUMNS = ["quote_id", "correction", "value", "quote", "was", "note", "corrected_at"]
CORRECTIONS = {
    "wrong_speaker": "wrong speaker",
    "not_a_quote": "not a quote",
    "wrong_camp": "wrong camp",
}
DEFAULT_FILE = "corrections.csv"
QUOTE_EXCERPT = 80


class CorrectionsError(ValueError):
    """A corrections file that cannot be used; the message names the file and the reason."""


def default_corrections_path() -> Path:
    """``KIT_CORRECTIONS_FILE`` if set, else ``corrections.csv`` in the current folder (the notebooks')."""
    return Path(os.environ.get("KIT_CORRECTIONS_FILE") or DEFAULT_FILE)


def read_corrections(path: str | Path) -> pd.DataFrame:
    """The corrections in ``path`` (all columns as text), checked; a clear error names the bad line."""
    path = Path(path)
    try:
        frame = read_spreadsheet_text(pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8"))
    except FileNotFoundError:
        raise CorrectionsError(f"{path}: corrections file not found") from None
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise CorrectionsError(f"{path}: not a readable CSV ({exc})") from None
    except pd.errors.EmptyDataError:
        return pd.DataFrame(columns=CORRECTION_COLUMNS)
    missing = [c for c in ("quote_id", "correction") if c not in frame.columns]
    if missing:
        raise CorrectionsError(f"{path}: missing column(s) {', '.join(missing)}; "
                               f"expected {', '.join(CORRECTION_COLUMNS)}")
    for col in CORRECTION_COLUMNS:
        if col not in frame.columns:
            frame[col] = ""
    frame["correction"] = frame["correction"].str.strip()
    for i, row in frame.iterrows():
        line = i + 2  # header is line 1
        if not row["quote_id"].strip():
            raise CorrectionsError(f"{path}: line {line}: empty quote_id")
        if row["correction"] not in CORRECTIONS:
            raise CorrectionsError(f"{path}: line {line}: unknown correction {row['correction']!r} "
                                   f"(use {', '.join(CORRECTIONS)})")
        if row["correction"] == "wrong_camp" and not row["value"].strip():
            raise CorrectionsError(f"{path}: line {line}: wrong_camp needs the right camp in 'value'")
    return frame[CORRECTION_COLUMNS + [c for c in frame.columns if c not in CORRECTION_COLUMNS]]


def latest_corrections(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per (quote_id, correction): the last one written wins."""
    return frame.drop_duplicates(["quote_id", "correction"], keep="last").reset_index(drop=True)


def _camp_labels(registry: Registry) -> dict[str, str]:
    """Lower-cased camp id or label -> label."""
    labels = {}
    for camp_id, camp in registry.camps.items():
        label = camp.get("label", camp_id)
        labels[camp_id.lower()] = label
        labels[label.lower()] = label
    return labels


def _who_is(name: str, registry: Registry, when: Any = None) -> tuple[str, str, str]:
    """(actor, camp id, role) of the speaker a reporter named.

    Only the registry's exact name or alias counts (case and spacing aside): a reporter who types
    "Melania Trump" means her, not the actor the machine would find by the surname "Trump".
    """
    key = " ".join(name.split()).lower()
    when = when if isinstance(when, pd.Timestamp) and not pd.isna(when) else None
    for actor in registry.actors:
        if key in {" ".join(a.split()).lower() for a in [actor["name"], *actor.get("aliases", [])]}:
            role = registry.match(actor["name"], when).role if hasattr(registry, "match") else ""
            return actor["name"], actor["camp"], role
    return "", "other", ""


def _set(frame: pd.DataFrame, i: int, column: str, value: Any) -> None:
    """Set one cell by position, only where the column exists (tables differ in their columns)."""
    if column in frame.columns:
        frame.iat[i, frame.columns.get_loc(column)] = value


def corrections_file_entry(path: str | Path) -> dict:
    """Path, size and sha256 of a corrections file, for a manifest (an "error" when unreadable)."""
    path = Path(path)
    try:
        return {"path": str(path.resolve()), "bytes": path.stat().st_size, "sha256": sha256_file(path)}
    except OSError as exc:
        return {"path": str(path.resolve()), "error": exc.strerror or str(exc)}


def correction_summary(path: str | Path, applied: int = 0, unmatched: list[str] | None = None) -> dict:
    """What the manifest records about a corrections file once it has been applied."""
    rows = len(read_corrections(path)) if Path(path).exists() else 0
    return {**corrections_file_entry(path), "rows": rows, "applied": int(applied),
            "unmatched": list(unmatched or [])}


def apply_corrections(statements: pd.DataFrame, path: str | Path,
                      registry: Registry | None = None) -> pd.DataFrame:
    """The statements with a reporter's corrections from ``path`` applied (see module docstring)."""
    path = Path(path)
    fixes = latest_corrections(read_corrections(path))
    registry = registry or load_registry()
    camps = _camp_labels(registry)
    ids = {camp.get("label", camp_id): camp_id for camp_id, camp in registry.camps.items()}
    out = statements.copy()
    if "corrected" not in out.columns:
        out["corrected"] = ""
    position = {qid: i for i, qid in enumerate(out["quote_id"].astype(str))}
    unmatched, applied, drop = [], 0, set()
    by_quote = fixes.groupby("quote_id", sort=False)
    for qid, group in by_quote:
        if qid not in position:
            unmatched.append(qid)
            continue
        i = position[qid]
        kinds = dict(zip(group["correction"], group["value"].str.strip()))
        notes = []
        if "not_a_quote" in kinds:
            drop.add(i)
            applied += len(kinds)
            continue
        if "wrong_speaker" in kinds:
            name = kinds["wrong_speaker"]
            before = out.iat[i, out.columns.get_loc("speaker")]
            when = out.iat[i, out.columns.get_loc("said_on")] if "said_on" in out.columns else None
            actor, camp_id, role = _who_is(name, registry, when) if name else ("", "other", "")
            _set(out, i, "speaker", name)
            _set(out, i, "actor", actor)
            _set(out, i, "camp", camps.get(camp_id.lower(), camp_id))
            _set(out, i, "camp_id", camp_id)
            _set(out, i, "role", role)
            notes.append(f"speaker {before!r} -> {name!r}")
        if "wrong_camp" in kinds:
            value = kinds["wrong_camp"]
            label = camps.get(value.lower())
            if label is None:
                raise CorrectionsError(f"{path}: quote {qid}: unknown camp {value!r} "
                                       f"(camps: {', '.join(sorted(set(camps.values())))})")
            before = out.iat[i, out.columns.get_loc("camp")] if "camp" in out.columns else ""
            if "camp" not in out.columns:
                out["camp"] = ""
            _set(out, i, "camp", label)
            _set(out, i, "camp_id", ids.get(label, value))
            notes.append(f"camp {before!r} -> {label!r}")
        applied += len(kinds)
        out.iat[i, out.columns.get_loc("corrected")] = "; ".join(notes)
    keep = [i for i in range(len(out)) if i not in drop]
    out = out.iloc[keep].reset_index(drop=True)
    out.attrs["corrections"] = correction_summary(path, applied, unmatched)
    return out


class Corrections:
    """The corrections file a reporter writes to from the explorer.

    ``Corrections("corrections.csv", inputs=input_paths)`` refuses a path inside the inputs.
    Each ``mark`` is saved at once (atomically), so nothing is lost if the kernel dies.
    """

    def __init__(self, path: str | Path | None = None, inputs: Iterable[str | Path] = ()):
        self.path = Path(path) if path else default_corrections_path()
        refuse_inside_inputs(self.path, inputs, error=CorrectionsError)
        self.table = read_corrections(self.path) if self.path.exists() else pd.DataFrame(columns=CORRECTION_COLUMNS)

    def __len__(self) -> int:
        return len(self.table)

    def for_quote(self, quote_id: str) -> pd.DataFrame:
        """The corrections recorded for one statement (latest per kind)."""
        return latest_corrections(self.table[self.table["quote_id"] == quote_id])

    def mark(self, statement: dict | pd.Series, correction: str, value: str = "", note: str = "") -> dict:
        """Record that ``statement`` (a row with quote_id, quote, speaker, camp) is wrong; returns the row saved."""
        if correction not in CORRECTIONS:
            raise ValueError(f"unknown correction {correction!r} (use {', '.join(CORRECTIONS)})")
        value = (value or "").strip()
        if correction == "wrong_camp" and not value:
            raise ValueError("wrong camp: say which camp is right")
        was = {"wrong_speaker": "speaker", "wrong_camp": "camp"}.get(correction)
        row = {
            "quote_id": str(statement["quote_id"]), "correction": correction, "value": value,
            "quote": " ".join(str(statement.get("quote", "")).split())[:QUOTE_EXCERPT],
            "was": str(statement.get(was, "")) if was else "", "note": note,
            "corrected_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }
        self.table = pd.concat([self.table, pd.DataFrame([row])], ignore_index=True)
        self.save()
        return row

    def undo(self, quote_id: str, correction: str | None = None) -> int:
        """Remove the corrections of one statement (of one kind, if given); returns how many went."""
        hit = self.table["quote_id"] == quote_id
        if correction:
            hit &= self.table["correction"] == correction
        self.table = self.table[~hit].reset_index(drop=True)
        self.save()
        return int(hit.sum())

    def save(self) -> Path:
        """Write the file atomically (temporary file, then rename); text that starts like a spreadsheet
        formula gets a ``'`` in front (``kit.files.spreadsheet_cell``), taken off again when read."""
        with atomic_path(self.path) as tmp:
            spreadsheet_text(self.table).to_csv(tmp, index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL, encoding="utf-8")
        return self.path
