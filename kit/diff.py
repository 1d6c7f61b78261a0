"""What changed between two report runs (``kit diff RUN_A RUN_B`` and the report's "Since the last run").

``diff_runs(run_a, run_b)`` reads each run folder's ``tables/who_said_what`` and ``tables/inputs.csv``
and returns a :class:`RunDiff` with four tables:

``new_statements``     statements in B that A did not have (same columns as who_said_what)
``new_speakers``       speaker, actor, camp, statements, first_said_on: speakers (by actor where
                       known, else by the name in the article) that A never quoted
``camp_moves``         camp, week, before, after, change: statements per camp per week (weeks start
                       on Monday), the weeks that moved most first
``removed_statements`` statements in A that B lost, with ``why``: ``article removed`` when their
                       article is no longer among B's inputs, else ``no longer found`` (the article
                       changed, or the engine or registry did)

A statement is the same in both runs when its article, offsets and words are; a changed speaker
or camp for the same words is not a new statement. A run that failed, or was left ``running`` by a
process that is gone (marked failed on the way, see ``kit.report.run_status``), is refused: its
tables may be half made.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .files import read_spreadsheet_text, write_frame
from .notebook import escape_md
from .report import latest_run, run_status
from .table import by_camp_and_period, speaker_name

STATEMENT_KEY = ["article_id", "quote_start", "quote_end", "quote"]
DIFF_TABLES = ("new_statements", "new_speakers", "camp_moves", "removed_statements")


@dataclass
class Run:
    """The tables of one finished run."""

    path: Path
    table: pd.DataFrame
    article_ids: set[str]


@dataclass
class RunDiff:
    """The differences between an earlier run A and a later run B (see module docstring)."""

    run_a: Path
    run_b: Path
    new_statements: pd.DataFrame
    new_speakers: pd.DataFrame
    camp_moves: pd.DataFrame
    removed_statements: pd.DataFrame
    statements_a: int
    statements_b: int

    @property
    def removed_articles(self) -> int:
        removed = self.removed_statements[self.removed_statements["why"] == "article removed"]
        return removed["article_id"].nunique()

    def summary(self) -> dict[str, int]:
        """Counts per section, for a manifest or a log line."""
        return {"statements_before": self.statements_a, "statements_after": self.statements_b,
                "new_statements": len(self.new_statements), "new_speakers": len(self.new_speakers),
                "removed_statements": len(self.removed_statements), "removed_articles": self.removed_articles,
                "camp_weeks_changed": int((self.camp_moves["change"] != 0).sum())}

    def to_text(self, top: int = 10) -> str:
        """A plain-text report for the terminal."""
        s = self.summary()
        lines = [f"{self.run_a} -> {self.run_b}",
                 f"statements: {s['statements_before']} -> {s['statements_after']}", ""]
        lines.append(f"new statements: {s['new_statements']}")
        for r in self.new_statements.head(top).itertuples():
            lines.append(f"  {_day(r.said_on)}  {r.speaker or '(unknown)'} [{r.camp}]: {_short(r.quote)}")
        lines.append(f"\nnew speakers: {s['new_speakers']}")
        for r in self.new_speakers.head(top).itertuples():
            lines.append(f"  {r.speaker} [{r.camp}]: {r.statements} statements from {_day(r.first_said_on)}")
        moved = self.camp_moves[self.camp_moves["change"] != 0]
        lines.append(f"\ncamps whose weekly volume moved most: {len(moved)} camp-weeks changed")
        for r in moved.head(top).itertuples():
            lines.append(f"  {r.camp}, week of {_day(r.week)}: {r.before} -> {r.after} ({r.change:+d})")
        gone = self.removed_statements
        lines.append(f"\nstatements gone: {len(gone)} ({s['removed_articles']} articles removed)")
        for r in gone.head(top).itertuples():
            lines.append(f"  [{r.why}] {r.title or r.article_id}: {_short(r.quote)}")
        return "\n".join(lines)

    def to_markdown(self, top: int = 10) -> str:
        """The "Since the last run" summary for the report; article text is escaped."""
        s = self.summary()
        moved = self.camp_moves[self.camp_moves["change"] != 0].head(top)
        out = [f"- **{s['new_statements']} new statements** and **{s['new_speakers']} new speakers** since the "
               f"run of {escape_md(self.run_a.name)} ({s['statements_before']} -> {s['statements_after']} statements).",
               f"- **{s['removed_statements']} statements gone**, {s['removed_articles']} articles removed."]
        for r in moved.itertuples():
            out.append(f"- {escape_md(r.camp)}, week of {_day(r.week)}: {r.before} -> {r.after} ({r.change:+d})")
        return "\n".join(out) + "\n"

    def write(self, folder: str | Path) -> list[Path]:
        """Each section as ``<folder>/<section>.csv``, written atomically (text safe for a spreadsheet)."""
        return [write_frame(getattr(self, name), Path(folder) / f"{name}.csv") for name in DIFF_TABLES]


def _day(value) -> str:
    return "undated" if pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d")


def _short(text, n: int = 90) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


def resolve_run(path: str | Path) -> Path:
    """A run folder; a report folder (holding ``latest.json``) means its newest successful run."""
    path = Path(path)
    if (path / "latest.json").exists() and not (path / "manifest.json").exists():
        run = latest_run(path)
        if run is None:
            raise ValueError(f"{path}: latest.json does not point at a finished run")
        return run
    if not (path / "tables").is_dir():
        raise ValueError(f"{path}: not a report run folder (no tables/ in it)")
    return path


def unfinished(path: str | Path) -> str:
    """Why a run folder cannot be compared ("" when it can): it failed, or its process is gone."""
    manifest = run_status(path)
    if manifest.get("status") != "failed":
        return ""
    return (f"{path}: this run did not finish ({manifest.get('error') or 'status failed'}); "
            "kit diff compares finished runs")


def load_run(path: str | Path) -> Run:
    """The who-said-what table and the set of loaded article ids of a finished run folder."""
    path = resolve_run(path)
    problem = unfinished(path)
    if problem:
        raise ValueError(problem)
    tables = path / "tables"
    if (tables / "who_said_what.parquet").exists():
        table = pd.read_parquet(tables / "who_said_what.parquet")
    elif (tables / "who_said_what.csv").exists():
        table = read_spreadsheet_text(pd.read_csv(
            tables / "who_said_what.csv", keep_default_na=False, na_values=[""],
            dtype={"article_id": str, "quote": str, "speaker": str, "actor": str, "camp": str}))
    else:
        raise ValueError(f"{path}: no tables/who_said_what.parquet or .csv")
    for col in ("actor", "speaker", "camp", "title", "quote", "article_id"):
        if col in table:
            table[col] = table[col].fillna("").astype(str)
    table["said_on"] = pd.to_datetime(table.get("said_on"), errors="coerce")
    ids = set(table["article_id"])
    inputs_csv = tables / "inputs.csv"
    if inputs_csv.exists():
        inputs = read_spreadsheet_text(pd.read_csv(inputs_csv, dtype=str, keep_default_na=False))
        ids = set(inputs.loc[inputs["status"].isin(["loaded", "duplicate"]), "article_id"]) - {""}
    return Run(path=path, table=table, article_ids=ids)


def _keys(table: pd.DataFrame) -> pd.Series:
    return pd.Series(list(zip(*(table[c].astype(str).tolist() for c in STATEMENT_KEY))), index=table.index, dtype=object)


def diff_runs(run_a: str | Path, run_b: str | Path) -> RunDiff:
    """The differences between an earlier run ``run_a`` and a later run ``run_b``."""
    a, b = load_run(run_a), load_run(run_b)
    keys_a, keys_b = _keys(a.table), _keys(b.table)
    new = b.table[~keys_b.isin(set(keys_a))].reset_index(drop=True)
    gone = a.table[~keys_a.isin(set(keys_b))].copy()
    gone["why"] = ["no longer found" if art in b.article_ids else "article removed" for art in gone["article_id"]]

    known = set(speaker_name(a.table, unattributed=""))
    b_named = b.table.assign(speaker_id=speaker_name(b.table, unattributed=""))
    b_named = b_named[(b_named["speaker_id"] != "") & ~b_named["speaker_id"].isin(known)]
    speakers = (b_named.groupby("speaker_id", sort=True)
                .agg(actor=("actor", "first"), camp=("camp", "first"), statements=("quote", "size"),
                     first_said_on=("said_on", "min"))
                .reset_index().rename(columns={"speaker_id": "speaker"})
                .sort_values(["statements", "speaker"], ascending=[False, True], kind="stable")
                .reset_index(drop=True))

    before = by_camp_and_period(a.table, "week").rename(columns={"period": "week", "statements": "before"})
    after = by_camp_and_period(b.table, "week").rename(columns={"period": "week", "statements": "after"})
    moves = before.merge(after, on=["camp", "week"], how="outer").fillna({"before": 0, "after": 0})
    moves[["before", "after"]] = moves[["before", "after"]].astype(int)
    moves["change"] = moves["after"] - moves["before"]
    moves = (moves.assign(size=moves["change"].abs())
             .sort_values(["size", "camp", "week"], ascending=[False, True, True], kind="stable")
             .drop(columns="size").reset_index(drop=True))[["camp", "week", "before", "after", "change"]]

    return RunDiff(run_a=a.path, run_b=b.path, new_statements=new, new_speakers=speakers, camp_moves=moves,
                   removed_statements=gone.reset_index(drop=True), statements_a=len(a.table),
                   statements_b=len(b.table))
