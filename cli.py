"""`findings` command line: wiring and rendering only (the work lives in `ingest/`, `retrieval/`).

Exit codes (CONTRACT): 0 success, 1 when something failed (a file, the store, the model),
2 on a usage error.
"""

from __future__ import annotations

import json
import logging
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.table import Table

from findings.errors import FindingsError
from findings.records import citation_label, report_label
from findings.settings import Settings, get_settings
from findings.wiring import build_embedder, build_store

app = typer.Typer(
    help="Answers questions about inspection reports, citing the reports' own paragraph numbers.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

StoreOpt = Annotated[
    Path | None,
    typer.Option("--store", help="Embedded store folder [env FINDINGS_STORE].", show_default=False),
]
UrlOpt = Annotated[
    str | None,
    typer.Option(
        "--chroma-url", help="Chroma server URL [env FINDINGS_CHROMA_URL].", show_default=False
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def _settings(store: Path | None, chroma_url: str | None) -> Settings:
    if store is not None and chroma_url is not None:
        raise typer.BadParameter("give --store or --chroma-url, not both", param_hint="--store")
    try:
        settings = get_settings(store=store, chroma_url=chroma_url)
    except ValidationError as exc:
        err = exc.errors()[0]
        name = "FINDINGS_" + str(err["loc"][0]).upper()
        typer.echo(f"error: {name}: {err['msg']}. Fix or unset it.", err=True)
        raise typer.Exit(2) from None
    if store is not None:  # an explicit --store wins over FINDINGS_CHROMA_URL
        settings.chroma_url = None
    return settings


@contextmanager
def _errors():
    """A FindingsError becomes its message on stderr and exit status 1."""
    try:
        yield
    except FindingsError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None


@app.command()
def ingest(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Report files and folders (recursively).", show_default=False),
    ],
    store: StoreOpt = None,
    chroma_url: UrlOpt = None,
    prune: Annotated[
        bool, typer.Option("--prune", help="Remove stored reports whose file is not among PATHS.")
    ] = False,
    as_json: JsonOpt = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Log each file on stderr.")
    ] = False,
) -> None:
    """Ingest report files (PDF, text, Markdown, HTML, Word); unchanged files are skipped."""
    from ingest.pipeline import Ingester

    settings = _settings(store, chroma_url)
    if verbose:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger = logging.getLogger("findings")
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    embedder = build_embedder(settings)
    ingester = Ingester(build_store(settings, embedder), embedder, settings)
    with _errors():
        if sys.stdout.isatty() and not as_json:
            summary = _with_progress(ingester, paths, prune)
        else:
            summary = ingester.run(paths, prune=prune)
    for failure in summary.failed:
        typer.echo(f"error: {failure['error']}", err=True)
    if as_json:
        typer.echo(json.dumps(summary.to_json(), ensure_ascii=False))
    else:
        table = Table("", "", show_header=False, box=None)
        table.add_row("Ingested", str(len(summary.ingested)))
        table.add_row("Unchanged", str(len(summary.unchanged)))
        table.add_row("Failed", str(len(summary.failed)))
        if prune:
            table.add_row("Removed", str(len(summary.removed)))
        table.add_row(
            "Paragraphs stored", f"{summary.paragraphs} ({summary.embedded} newly embedded)"
        )
        table.add_row("Time", f"{summary.timings_ms['total'] / 1000:.1f} s")
        Console().print(table)
    raise typer.Exit(1 if summary.failed else 0)


def _with_progress(ingester, paths, prune):
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("files · {task.fields[paragraphs]} paragraphs"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task("Ingesting", total=None, paragraphs=0)

        def update(p):
            bar.update(task, completed=p.files_done, total=p.files_total, paragraphs=p.paragraphs)

        return ingester.run(paths, prune=prune, progress=update)


@app.command()
def reports(store: StoreOpt = None, chroma_url: UrlOpt = None, as_json: JsonOpt = False) -> None:
    """List the stored reports with their metadata."""
    settings = _settings(store, chroma_url)
    with _errors():
        rows = build_store(settings).list_reports()
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False))
        return
    if not rows:
        typer.echo(
            f"No reports stored in {settings.chroma_url or settings.store}. Add some with `findings ingest PATH`."
        )
        return
    table = Table(box=None)
    table.add_column("report_id", no_wrap=True)
    table.add_column("report", no_wrap=True)
    table.add_column("published", no_wrap=True)
    table.add_column("paragraphs", justify="right")
    for r in rows:
        table.add_row(
            r["report_id"], report_label(r), r["publication_date"] or "", str(r["paragraphs"])
        )
    Console().print(table, markup=False)


@app.command()
def show(
    report_id: Annotated[
        str, typer.Argument(help="A report id (see `findings reports`).", show_default=False)
    ],
    store: StoreOpt = None,
    chroma_url: UrlOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Print a report's metadata and every stored paragraph in reading order."""
    settings = _settings(store, chroma_url)
    with _errors():
        paragraph_store = build_store(settings)
        meta = paragraph_store.get_report(report_id)
        rows = paragraph_store.get_paragraphs(report_id)
    keys = ("section", "paragraph", "ordinal", "page", "kind", "text", "footnotes")
    paragraphs = [{k: r[k] for k in keys} for r in rows]
    if as_json:
        typer.echo(json.dumps({"report": meta, "paragraphs": paragraphs}, ensure_ascii=False))
        return
    console = Console(highlight=False, soft_wrap=True)  # one line per paragraph when piped
    console.print(report_label(meta), style="bold", markup=False)
    for key, value in meta.items():
        if value is not None:
            console.print(f"  {key}: {value}", markup=False)
    for p in paragraphs:
        label = citation_label(meta, p["section"], p["paragraph"], p["ordinal"])
        console.print()
        console.print(label, style="bold", markup=False)
        console.print(p["text"], markup=False)
        for note in p["footnotes"]:
            console.print(f"  {note}", style="dim", markup=False)


@app.command()
def remove(
    report_ids: Annotated[
        list[str], typer.Argument(help="Report ids (see `findings reports`).", show_default=False)
    ],
    store: StoreOpt = None,
    chroma_url: UrlOpt = None,
) -> None:
    """Remove reports and all their paragraphs."""
    settings = _settings(store, chroma_url)
    with _errors():
        removed = build_store(settings).remove(report_ids)
    for rid, count in removed.items():
        typer.echo(f"Removed {rid} ({count} paragraphs).")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
