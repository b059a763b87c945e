"""What structured findings (issue 10) add to parsing: parse time with and without
`ingest.records.extract_records`, over the sample reports, the evaluation reports and the real
report, and what they add to a whole ingest (read, parse, embed, store) of the same files.
Goal (issue 10): records add under 10% to ingest time. Writes the "records" section of
BENCHMARKS.md.

    python -m bench.records [--rounds 30] [--ingest-rounds 3]

Each file is read once (`load_document`); then, in alternating rounds, the parser runs on it
with extraction and with extraction replaced by a no-op. Prints the median per round, for the
parser alone and for reading and parsing each file (`parse_file`, what an ingest's parse step
does; a PDF's text is extracted in a child process).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import ingest.parse as parse
from bench.common import header, machine, offline, table, write_section
from findings.settings import Settings, get_settings
from ingest.load import load_document

ROOT = Path(__file__).resolve().parent.parent
FILES = [
    *sorted((ROOT / "data" / "reports").iterdir()),
    *sorted(p for p in (ROOT / "data" / "eval" / "reports").iterdir() if p.is_file()),
    ROOT.parent / "shared" / "corpus" / "thurrock_sqs_2015.txt",
]


def main(argv: list[str] | None = None) -> int:
    args = _args(argv)
    offline()
    info = machine("cpu")
    print(header(info))
    files = [p for p in FILES if p.exists()]
    docs = [load_document(p, Settings()) for p in files]
    records = len([r for doc in docs for r in parse.ReportParser().parse(doc).records])
    print(f"{len(docs)} reports, {records} records")
    parser = _paired(args.rounds, lambda: [parse.ReportParser().parse(doc) for doc in docs])
    _show("parse (in memory)", *parser)
    reading = _paired(max(3, args.rounds // 10), lambda: [parse.parse_file(p) for p in files])
    _show("read and parse each file", *reading)
    ingesting = _paired(args.ingest_rounds, lambda: _ingest(files))
    _show("whole ingest (read, parse, embed, store; new store each time)", *ingesting)
    rows = [
        [
            what,
            f"{without * 1000:,.1f}",
            f"{with_ * 1000:,.1f}",
            f"{(with_ / without - 1) * 100:+.1f}%",
        ]
        for what, (without, with_) in [
            ("parse, in memory", parser),
            ("read and parse each file", reading),
            ("**whole ingest** (embed and store included)", ingesting),
        ]
    ]
    body = (
        "## Records at ingest (issue 10)\n\n"
        + header(info)
        + f"\n{len(docs)} reports (samples, evaluation reports, Thurrock), {records} records. "
        "Median of alternating rounds with `extract_records` and with it replaced by a no-op "
        f"({args.rounds} rounds in memory, {max(3, args.rounds // 10)} reading, "
        f"{args.ingest_rounds} whole ingests into a new embedded store each).\n\n"
        + table(["step", "without records (ms)", "with records (ms)", "added"], rows)
        + "\n\nGoal: records add under 10% to ingest time. Extraction is a visible share of "
        "parsing text already in memory, but reading files (a PDF's text in a child process) "
        "and embedding dominate what a user waits for.\n"
    )
    write_section("records", body)
    return 0


def _ingest(files: list[Path]) -> None:
    from ingest.pipeline import build_ingester

    with tempfile.TemporaryDirectory(prefix="findings-bench-records-") as tmp:
        summary = build_ingester(get_settings(store=Path(tmp) / "store", device="cpu")).run(files)
        if summary.failed:
            raise SystemExit(f"ingest failed: {summary.failed}")


def _paired(rounds: int, work) -> tuple[float, float]:
    """Median seconds of `work()` without and with extraction, in alternating rounds."""
    extract = parse.extract_records
    timings: dict[str, list[float]] = {"with": [], "without": []}
    try:
        for i in range(rounds):
            for side in ("with", "without") if i % 2 == 0 else ("without", "with"):
                parse.extract_records = extract if side == "with" else (lambda report: [])
                t = time.perf_counter()
                work()
                timings[side].append(time.perf_counter() - t)
    finally:
        parse.extract_records = extract
    return statistics.median(timings["without"]), statistics.median(timings["with"])


def _show(what: str, without: float, with_: float) -> None:
    print(
        f"{what}: {without * 1000:.1f} ms without records, {with_ * 1000:.1f} ms with "
        f"(+{(with_ - without) * 1000:.1f} ms, {(with_ / without - 1) * 100:+.1f}%)"
    )


def _args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--ingest-rounds", type=int, default=3)
    return parser.parse_args(argv)


if __name__ == "__main__":
    raise SystemExit(main())
