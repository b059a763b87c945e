"""`findings` command line: wiring and rendering only (the work lives in `ingest/`, `retrieval/`).

Exit codes (CONTRACT): 0 success, 1 when something failed (a file, the store, the model),
2 on a usage error.
"""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from findings.errors import ConfigError, FindingsError
from findings.records import citation_label, report_label

if TYPE_CHECKING:
    from findings.settings import Settings

# The heavy modules (the settings library, Chroma, rich, the embedders) are imported by the
# commands that use them: an unchanged re-ingest needs none of them (`ingest.unchanged`).

app = typer.Typer(
    help="Answers questions about inspection reports, citing the reports' own paragraph numbers.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

StoreOpt = Annotated[
    Path | None,
    typer.Option(
        "--store",
        help="Embedded store folder (default: env FINDINGS_STORE, else .findings/store).",
        show_default=False,
    ),
]
UrlOpt = Annotated[
    str | None,
    typer.Option(
        "--chroma-url",
        help="Chroma server URL (default: env FINDINGS_CHROMA_URL; unset means the embedded store).",
        show_default=False,
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def _settings(store: Path | None, chroma_url: str | None) -> Settings:
    from findings.settings import get_settings

    if store is not None and chroma_url is not None:
        raise typer.BadParameter("give --store or --chroma-url, not both", param_hint="--store")
    try:
        settings = get_settings(store=store, chroma_url=chroma_url)
    except ConfigError as exc:
        typer.echo(f"error: {exc}", err=True)
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
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help="Let a file replace a stored report of the same report id that was read from "
            "another file (without it, such a file is refused).",
        ),
    ] = False,
    as_json: JsonOpt = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Log each file on stderr.")
    ] = False,
) -> None:
    """Ingest report files (PDF, text, Markdown, HTML, Word); unchanged files are skipped."""
    from ingest.pipeline import build_ingester
    from ingest.unchanged import UnchangedCheck

    check = UnchangedCheck(store=store, chroma_url=chroma_url)  # its inputs, before they're read
    settings = _settings(store, chroma_url)
    if verbose:
        import logging

        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger = logging.getLogger("findings")
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    ingester = build_ingester(settings)
    with _errors():
        if sys.stdout.isatty() and not as_json:
            summary = _with_progress(ingester, paths, prune, replace)
        else:
            summary = ingester.run(paths, prune=prune, replace=replace)
    check.remember(settings, summary)  # so that an unchanged re-ingest can skip all this
    raise typer.Exit(_print_ingest_summary(summary, prune, as_json))


def _print_ingest_summary(summary, prune: bool, as_json: bool) -> int:
    """Print the failures on stderr and the summary (JSON or a table); the exit status."""
    for failure in summary.failed:
        typer.echo(f"error: {failure['error']}", err=True)
    if as_json:
        typer.echo(json.dumps(summary.to_json(), ensure_ascii=False))
    else:
        from rich.console import Console
        from rich.table import Table

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
    return 1 if summary.failed else 0


def _with_progress(ingester, paths, prune, replace):
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

        return ingester.run(paths, prune=prune, progress=update, replace=replace)


@app.command()
def reports(store: StoreOpt = None, chroma_url: UrlOpt = None, as_json: JsonOpt = False) -> None:
    """List the stored reports with their metadata."""
    from rich.console import Console
    from rich.table import Table

    from store.factory import build_store

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
    from rich.console import Console

    from store.factory import build_store

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
    from store.factory import build_store

    settings = _settings(store, chroma_url)
    with _errors():
        removed = build_store(settings).remove(report_ids)
    for rid, count in removed.items():
        typer.echo(f"Removed {rid} ({count} paragraphs).")


RECORD_COLUMNS = (
    "report_id",
    "kind",
    "subject",
    "value",
    "owner",
    "text",
    "section",
    "paragraph",
    "ordinal",
    "label",
)


TopKOpt = Annotated[
    int | None,
    typer.Option(
        "--top-k",
        min=1,
        max=100,
        help="Paragraphs to retrieve (default: env FINDINGS_TOP_K, else 8).",
        show_default=False,
    ),
]
AreaOpt = Annotated[
    str | None, typer.Option("--area", help="Only reports about this area.", show_default=False)
]
YearFromOpt = Annotated[
    int | None,
    typer.Option("--year-from", help="Only reports from this year on.", show_default=False),
]
YearToOpt = Annotated[
    int | None, typer.Option("--year-to", help="Only reports up to this year.", show_default=False)
]
ReportOpt = Annotated[
    list[str] | None,
    typer.Option("--report", help="Only this report id (repeatable).", show_default=False),
]


@app.command()
def records(
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            help="Only records of this kind (repeatable): strength, improvement, "
            "recommendation, rating, fact.",
            show_default=False,
        ),
    ] = None,
    report: ReportOpt = None,
    area: AreaOpt = None,
    store: StoreOpt = None,
    chroma_url: UrlOpt = None,
    as_json: JsonOpt = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV instead of a table.")] = False,
) -> None:
    """List the reports' structured findings (strengths, improvements, recommendations,
    ratings, facts), each with the paragraph it cites."""
    from rich.console import Console
    from rich.table import Table

    from findings.errors import ReportNotFound
    from findings.records import RECORD_KINDS
    from store.factory import build_store

    if as_json and as_csv:
        typer.echo("error: give --json or --csv, not both.", err=True)
        raise typer.Exit(2)
    unknown = [k for k in kind or [] if k not in RECORD_KINDS]
    if unknown:
        typer.echo(
            f"error: --kind: unknown kind '{unknown[0]}'. The kinds are: "
            + ", ".join(RECORD_KINDS)
            + ".",
            err=True,
        )
        raise typer.Exit(2)
    settings = _settings(store, chroma_url)
    with _errors():
        paragraph_store = build_store(settings)
        stored = {r["report_id"]: r for r in paragraph_store.list_reports()}
        missing = [rid for rid in report or [] if rid not in stored]
        if missing:
            raise ReportNotFound(
                f"no stored report {', '.join(repr(r) for r in missing)} in "
                f"{paragraph_store.location}. `findings reports` lists the stored reports."
            )
        ids = list(report) if report else list(stored)
        if area:
            ids = [rid for rid in ids if (stored[rid]["area"] or "").lower() == area.lower()]
        rows = paragraph_store.records(ids, kind or None) if ids else []
    for r in rows:
        r["label"] = r.get("label") or citation_label(
            stored[r["report_id"]], r["section"], r["paragraph"], r["ordinal"]
        )
    rows = [{k: r.get(k) for k in RECORD_COLUMNS} for r in rows]
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False))
    elif as_csv:
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=RECORD_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    elif not rows:
        typer.echo("No records match.")
    else:
        shown = ("label", "kind", "subject", "value", "owner", "text")
        table = Table(*shown, box=None)
        for r in rows:
            table.add_row(*(str(r[k]) if r[k] is not None else "" for k in shown))
        Console().print(table, markup=False)


def _filters(area, year_from, year_to, report_ids=None) -> dict:
    out = {
        "area": area,
        "year_from": year_from,
        "year_to": year_to,
        "report_ids": report_ids or None,
    }
    return {k: v for k, v in out.items() if v is not None}


@app.command()
def ask(
    question: Annotated[
        str | None, typer.Argument(help="The question.", show_default=False)
    ] = None,
    questions: Annotated[
        Path | None,
        typer.Option(
            "--questions",
            help="A JSONL file of questions: answer all, one JSON line each.",
            show_default=False,
        ),
    ] = None,
    history: Annotated[
        list[str] | None,
        typer.Option(
            "--history",
            help="An earlier question of the conversation (repeat, oldest first).",
            show_default=False,
        ),
    ] = None,
    report: ReportOpt = None,
    area: AreaOpt = None,
    year_from: YearFromOpt = None,
    year_to: YearToOpt = None,
    top_k: TopKOpt = None,
    store: StoreOpt = None,
    chroma_url: UrlOpt = None,
    as_json: Annotated[
        bool,
        typer.Option("--json", help="Print the answer as CONTRACT JSON instead of formatted text."),
    ] = False,
) -> None:
    """Answer a question, citing the reports' paragraphs (or say plainly that they don't)."""
    if (question is None) == (questions is None):
        raise typer.BadParameter(
            "give a QUESTION or --questions FILE (one of them)", param_hint="QUESTION"
        )
    settings = _settings(store, chroma_url)
    if top_k:
        settings.top_k = top_k
    cli_filters = _filters(area, year_from, year_to, report)
    from retrieval.assistant import build_assistant
    from retrieval.evaluate import answer_batch, read_questions

    with _errors():
        assistant = build_assistant(settings)
        if question is not None:
            if assistant.model_name and not as_json and sys.stdout.isatty():
                answer = _streamed(assistant.stream(question, history=history, filters=cli_filters))
            else:
                answer = assistant.ask(question, history=history, filters=cli_filters)
            if as_json:
                typer.echo(json.dumps(answer.to_json(), ensure_ascii=False))
            else:
                _print_answer(answer)
            return
        failed = 0
        for out in answer_batch(assistant, read_questions(questions), cli_filters):
            if isinstance(out, dict):  # this line could not be asked: its error object
                failed += 1
                typer.echo(json.dumps(out, ensure_ascii=False))
            elif as_json:
                typer.echo(json.dumps(out.to_json(), ensure_ascii=False))
            else:
                _print_answer(out)
        if failed:
            raise typer.Exit(1)


def _streamed(stream):
    """Show an LLM's tokens as they arrive (a terminal only), then clear them: the checked
    answer, printed next, takes their place."""
    from rich.console import Console
    from rich.live import Live
    from rich.text import Text

    text = Text(style="dim")
    with Live(text, console=Console(highlight=False), transient=True, auto_refresh=False) as live:
        for chunk in stream:
            text.append(chunk)
            live.refresh()
    return stream.result()


def _print_answer(answer) -> None:
    from rich.console import Console

    console = Console(highlight=False)
    if answer.notice:  # the LLM's answer was replaced by the extractive one: say why, once
        typer.echo(f"note: {answer.notice}", err=True)
    if answer.scope_note:  # which area a question naming none was about
        typer.echo(f"note: {answer.scope_note}", err=True)
    style = "yellow" if answer.abstained else None
    console.print(answer.answer, style=style, markup=False)
    for c in answer.citations:
        console.print()
        console.print(
            f"[{c.n}] {c.label}" + (f" (page {c.page})" if c.page else ""),
            style="bold",
            markup=False,
        )
        console.print(f"    “{c.quote}”", markup=False)
    if answer.abstained and answer.related:
        console.print()
        console.print("Possibly related (not an answer):", style="dim", markup=False)
        for r in answer.related:
            console.print(f"  {r['label']}", style="dim", markup=False)
    if answer.mode == "llm":
        removed = answer.removed_citations
        console.print()
        console.print(
            f"Written by {answer.model}; every citation checked against the reports"
            + (f" ({removed} unsupported removed)." if removed else "."),
            style="dim",
            markup=False,
        )


@app.command("eval")
def evaluate(
    qa_file: Annotated[
        Path, typer.Argument(help="QA file (JSONL, CONTRACT format).", show_default=False)
    ],
    top_k: TopKOpt = None,
    store: StoreOpt = None,
    chroma_url: UrlOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Answer every question of a QA file and print the CONTRACT metrics."""
    from rich.console import Console
    from rich.table import Table

    from retrieval.assistant import build_assistant
    from retrieval.evaluate import answer_all, load_qa, score

    settings = _settings(store, chroma_url)
    if top_k:
        settings.top_k = top_k
    with _errors():
        items = load_qa(qa_file)
        assistant = build_assistant(settings)
        assistant.warm_up()
        metrics = score(items, answer_all(assistant, items))
    if as_json:
        typer.echo(json.dumps(metrics))
        return
    table = Table("metric", "value", title=f"{qa_file.name}: {metrics['questions']} questions")
    for name, value in metrics.items():
        table.add_row(name, "n/a" if value is None else f"{value:g}")
    Console().print(table)


@app.command()
def serve(
    path: Annotated[
        Path,
        typer.Option("--path", help="The Chroma server's data folder.", show_default=True),
    ] = Path(".findings/server"),
    host: Annotated[
        str, typer.Option("--host", help="Address the Chroma server listens on.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="The Chroma server's port.")] = 8000,
    with_app: Annotated[
        bool,
        typer.Option("--app/--no-app", help="Also run the browser app against the server."),
    ] = True,
) -> None:
    """Run a Chroma server (and the app against it) for a team: see README "A team"."""
    import os
    import signal
    import subprocess

    from store.server import start_chroma_server, stop

    with _errors():
        server, url = start_chroma_server(path, host, port)
    # `kill` (SIGTERM) stops the server too, like Ctrl-C
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    typer.echo(f"Chroma server at {url} (data in {path}); stop with Ctrl-C.")
    typer.echo(f"Point every command and app at it: FINDINGS_CHROMA_URL={url}")
    try:
        if with_app:
            app_py = Path(__file__).resolve().with_name("app.py")
            env = {**os.environ, "FINDINGS_CHROMA_URL": url}
            subprocess.run([sys.executable, "-m", "streamlit", "run", str(app_py)], env=env)
        else:
            server.wait()
    except KeyboardInterrupt:
        pass
    finally:
        stop(server)


def main() -> None:
    if not _unchanged_ingest(sys.argv[1:]):
        app()


def _unchanged_ingest(args: list[str]) -> bool:
    """Answer `findings ingest PATHS [--store DIR] [--prune] [--json] [-v]` before typer (which
    imports pydantic) when every file is unchanged since the last ingest with the same settings
    (`ingest.unchanged`): a tenth of a second, where the full ingest needs a second and a half
    to start. The output is the `ingest` command's. Any other command line, or any doubt, is
    left to typer and the `ingest` command; False then."""
    if args[:1] != ["ingest"]:
        return False
    paths: list[Path] = []
    store: str | None = None
    flags: set[str] = set()
    rest = iter(args[1:])
    for arg in rest:
        if arg in ("--json", "--prune", "--verbose", "-v"):
            flags.add(arg)
        elif arg == "--store" or arg.startswith("--store="):
            value = arg.partition("=")[2] if "=" in arg else next(rest, "")
            if store is not None or not value or value.startswith("-"):
                return False  # given twice, or a value typer may read otherwise: let it
            store = value
        elif arg.startswith("-"):
            return False  # --replace, --chroma-url, --help, ...: the command decides
        else:
            paths.append(Path(arg))
    if not paths:
        return False
    from ingest.unchanged import UnchangedCheck

    check = UnchangedCheck(store=Path(store) if store else None, chroma_url=None)
    summary = check.run(paths, prune="--prune" in flags)
    if summary is None:
        return False
    _print_ingest_summary(summary, "--prune" in flags, "--json" in flags)  # 0: nothing failed
    return True


if __name__ == "__main__":
    main()
