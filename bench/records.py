"""What structured findings (issue 10) add to parsing: parse time with and without
`ingest.records.extract_records`, over the sample reports, the evaluation reports and the real
report. Goal: under 10% of parse time (and parse is a small part of an ingest, which embeds).

    python -m bench.records [--rounds 30]

Each file is read once (`load_document`); then, in alternating rounds, the parser runs on it
with extraction and with extraction replaced by a no-op. Prints the median per round, for the
parser alone and for reading and parsing each file (`parse_file`, what an ingest's parse step
does; a PDF's text is extracted in a child process).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import ingest.parse as parse
from findings.settings import Settings
from ingest.load import load_document

ROOT = Path(__file__).resolve().parent.parent
FILES = [
    *sorted((ROOT / "data" / "reports").iterdir()),
    *sorted(p for p in (ROOT / "data" / "eval" / "reports").iterdir() if p.is_file()),
    ROOT.parent / "shared" / "corpus" / "thurrock_sqs_2015.txt",
]


def main(argv: list[str] | None = None) -> int:
    args = _args(argv)
    files = [p for p in FILES if p.exists()]
    docs = [load_document(p, Settings()) for p in files]
    records = len([r for doc in docs for r in parse.ReportParser().parse(doc).records])
    print(f"{len(docs)} reports, {records} records")
    parser = _paired(args.rounds, lambda: [parse.ReportParser().parse(doc) for doc in docs])
    _show("parse (in memory)", *parser)
    reading = _paired(max(3, args.rounds // 10), lambda: [parse.parse_file(p) for p in files])
    _show("read and parse each file", *reading)
    return 0


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
    return parser.parse_args(argv)


if __name__ == "__main__":
    raise SystemExit(main())
