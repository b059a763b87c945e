"""Query latency as the store grows, and the cold start of `findings ask`.

    python -m bench.query [--sizes 10,100,1000] [--questions 50] [--device auto] [--no-profile]

Generates the largest corpus once (bench.generate; a corpus of N reports is the first N of a
larger one) and grows one tmp store through the sizes. At each size it builds the assistant
(`retrieval.assistant.build_assistant`), warms it up, and times `Assistant.ask` over generated
questions about the stored areas, years and topics (facts, topics, change between inspections,
follow-ups with history, and a few the reports cannot answer). Goal at 1,000 reports: p50 ≤ 150
ms, p95 ≤ 300 ms. Then, on the largest store, the cold start of `findings ask "…" --json` as a
subprocess (median of 3, goal ≤ 4 s), broken down by step and by import.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from bench.common import (
    cell,
    header,
    machine,
    offline,
    percentile,
    resolve_device,
    table,
    write_section,
)

P50_GOAL, P95_GOAL, COLD_GOAL = 150.0, 300.0, 4.0
TOPICS = [
    "MAPPA",
    "planning",
    "risk of harm",
    "safeguarding",
    "victims",
    "education, training and employment",
    "substance misuse",
    "pre-sentence reports",
    "enforcement",
    "management oversight",
]


def questions(reports: list[dict], n: int, seed: int = 0) -> list[dict]:
    """`n` questions (with `history` for follow-ups) about the given stored reports."""
    rng = random.Random(seed)
    by_area: dict[str, list[dict]] = defaultdict(list)
    for r in reports:
        if r.get("area") and r.get("year"):
            by_area[r["area"]].append(r)
    areas = sorted(by_area)
    revisited = [a for a in areas if len(by_area[a]) > 1] or areas
    out = []
    for i in range(n):
        area = rng.choice(areas)
        year = rng.choice(by_area[area])["year"]
        topic, other = rng.sample(TOPICS, 2)
        kind = i % 8
        if kind == 0:
            out.append({"question": f"What was the reoffending rate in {area} in {year}?"})
        elif kind in (1, 2):
            out.append({"question": f"What did inspectors say about {topic} in {area}?"})
        elif kind == 3:
            area = rng.choice(revisited)
            out.append({"question": f"Did {topic} improve in {area} between its inspections?"})
        elif kind == 4:
            out.append({"question": f"How good was {topic} in the {year} inspection of {area}?"})
        elif kind == 5:
            first = f"What did inspectors say about {topic} in {area}?"
            out.append({"question": f"And what about {other}?", "history": [first]})
        elif kind == 6:
            first = f"What was the reoffending rate in {area} in {year}?"
            out.append({"question": "Who led that inspection?", "history": [first]})
        else:
            out.append({"question": f"How many drones did {area} buy for its youth court?"})
    return out


def time_asks(assistant, qs: list[dict]) -> tuple[list[float], dict[str, float]]:
    """Wall ms per `ask`, and the mean ms of each chain step (`plan+verify` = the rest)."""
    walls, steps = [], defaultdict(float)
    for q in qs:
        t = time.perf_counter()
        a = assistant.ask(q["question"], history=q.get("history"))
        walls.append((time.perf_counter() - t) * 1000)
        steps["retrieve"] += a.timings_ms["retrieve"]
        steps["answer"] += a.timings_ms["answer"]
        steps["plan+verify"] += (
            a.timings_ms["total"] - a.timings_ms["retrieve"] - a.timings_ms["answer"]
        )
    return walls, {k: v / len(qs) for k, v in steps.items()}


def profile_asks(assistant, qs: list[dict]) -> str:
    prof = cProfile.Profile()
    prof.enable()
    for q in qs:
        assistant.ask(q["question"], history=q.get("history"))
    prof.disable()
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out).strip_dirs()
    stats.sort_stats("cumulative").print_stats(r"retrieval|store\.py|embed\.py|chromadb|bm25s", 25)
    stats.sort_stats("tottime").print_stats(15)
    return out.getvalue()


STEPS = """
import json, sys, time
t = [time.perf_counter()]
import cli  # typer, rich, settings, wiring
t.append(time.perf_counter())
from findings.settings import get_settings
from retrieval.assistant import build_assistant
from store.embed import bundled_model_path
assistant = build_assistant(get_settings(store=sys.argv[1]))
t.append(time.perf_counter())
bundled_model_path()
t.append(time.perf_counter())
assistant.embedder.warm_up()
t.append(time.perf_counter())
assistant.loader.load()
t.append(time.perf_counter())
assistant.ask(sys.argv[2])
t.append(time.perf_counter())
names = ["import cli (typer, rich, settings, wiring)", "build_assistant()",
         "bundled_model_path() (sha256 of the weights)", "embedder.warm_up()",
         "loader.load() (open Chroma, read every paragraph, build BM25)", "first ask"]
print(json.dumps({n: round((b - a) * 1000) for n, a, b in zip(names, t, t[1:])}))
"""


def cli_failure(store: Path, question: str, cwd: Path) -> str:
    """The exit status and first error line of `findings ask` on `store`."""
    findings = Path(sys.executable).with_name("findings")
    done = subprocess.run(
        [str(findings), "ask", question, "--json", "--store", str(store)],
        capture_output=True,
        text=True,
        cwd=cwd,
    )
    lines = done.stderr.strip().splitlines()
    return f"exit {done.returncode}: {lines[-1][:300] if lines else '(no message)'}"


def cold_start(store: Path, question: str, cwd: Path) -> tuple[list[float], dict, list]:
    """Three `findings ask` wall times (s), a per-step breakdown (ms), and top imports (ms)."""
    env = dict(os.environ)
    findings = Path(sys.executable).with_name("findings")
    walls = []
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run(
            [str(findings), "ask", question, "--json", "--store", str(store)],
            check=True,
            capture_output=True,
            env=env,
            cwd=cwd,
        )
        walls.append(time.perf_counter() - t)
    run = subprocess.run(
        [sys.executable, "-c", STEPS, str(store), question],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
    )
    steps = json.loads(run.stdout.strip().splitlines()[-1])
    imp = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "cli", "ask", question, "--json"]
        + ["--store", str(store)],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
    )
    return walls, steps, top_imports(imp.stderr)


def onnx_note() -> str:
    """Whether `findings ask` could embed the question without PyTorch (ONNX export cached)."""
    try:
        from findings.settings import BUNDLED_MODEL_SHA256
        from store.onnx_encoder import onnx_path

        cached = onnx_path(BUNDLED_MODEL_SHA256).exists()
    except ImportError:
        return ""
    return f" ONNX query encoder cached: {'yes' if cached else 'no'}."


def top_imports(stderr: str, n: int = 12) -> list[tuple[str, float]]:
    """Packages by import time (ms) from `python -X importtime`: for each top-level package
    name, the summed cumulative time of its outermost imports (those not inside another import
    of the same package), largest first. A nested package also counts in its importer."""
    total: dict[str, float] = defaultdict(float)
    stack: list[tuple[int, str]] = []  # (depth, package) of enclosing imports
    for line in reversed(stderr.splitlines()):  # importers come after what they imported
        if not line.startswith("import time:") or "|" not in line:
            continue
        _, cumulative, name = line.split("|", 2)
        if not cumulative.strip().isdigit():
            continue
        depth, root = len(name) - len(name.lstrip()), name.strip().split(".")[0]
        while stack and stack[-1][0] >= depth:
            stack.pop()
        if not stack or stack[-1][1] != root:
            total[root] += int(cumulative) / 1000
        stack.append((depth, root))
    return sorted(total.items(), key=lambda kv: -kv[1])[:n]


def measure(size: int, paths: list[Path], store: Path, device: str, n_questions: int, profile):
    """One table row for a store of the first `size` reports (ingested if not there yet), the
    timed questions, and the cProfile text when `profile`."""
    from findings.settings import get_settings
    from ingest.pipeline import build_ingester
    from retrieval.assistant import build_assistant

    settings = get_settings(store=store, device=device)
    print(f"{size} reports: ingest …", flush=True)
    t = time.perf_counter()
    summary = build_ingester(settings).run(paths[:size])
    ingest_s = time.perf_counter() - t
    assistant = build_assistant(settings)
    assistant.embedder.warm_up()
    t = time.perf_counter()
    corpus = assistant.loader.load()
    load_ms = (time.perf_counter() - t) * 1000
    qs = questions(assistant.store.list_reports(), n_questions)
    for q in qs[:3]:  # warm-up, not timed
        assistant.ask(q["question"], history=q.get("history"))
    print(f"{size} reports: {len(qs)} questions …", flush=True)
    walls, steps = time_asks(assistant, qs)
    ingested = f"{ingest_s:.0f}" if summary.ingested else "reused"
    row = [
        size,
        f"{len(corpus):,}",
        ingested,
        round(load_ms),
        round(percentile(walls, 50), 1),
        round(percentile(walls, 95), 1),
        None,
        " / ".join(f"{steps[k]:.1f}" for k in ("plan+verify", "retrieve", "answer")),
    ]
    return row, qs, (profile_asks(assistant, qs) if profile else "")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.query", description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10,100,1000", help="store sizes in reports")
    ap.add_argument("--questions", type=int, default=50, help="timed questions per size")
    ap.add_argument("--device", default="auto", help="auto, cpu, cuda, mps (default auto)")
    ap.add_argument("--no-profile", action="store_true", help="skip the cProfile at the top size")
    ap.add_argument(
        "--work", type=Path, help="keep the corpus and stores here and reuse them (default: tmp)"
    )
    args = ap.parse_args(argv)
    offline()

    from bench.generate import generate_corpus

    sizes = sorted(int(s) for s in args.sizes.split(","))
    device = resolve_device(args.device)
    info = machine(device)
    print(header(info))
    rows, failures, profile, ok_size, qs = [], [], "", None, []
    with tempfile.TemporaryDirectory(prefix="findings-bench-query-") as tmp:
        work = args.work or Path(tmp)
        paths = generate_corpus(work / "reports", sizes[-1])
        for size in sizes:
            profiling = size == sizes[-1] and not args.no_profile
            try:
                row, qs, prof = measure(
                    size, paths, work / f"store-{size}", device, args.questions, profiling
                )
            except Exception as exc:  # report it and go on: a failure at one size is a finding
                message = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
                print(f"{size} reports: FAILED: {message}", flush=True)
                failures.append((size, message))
                rows.append([size, None, None, None, None, None, None, f"❌ {message}"])
                continue
            rows.append(row)
            ok_size, profile = size, prof or profile
            print(table(HEADS, rows[-1:]), flush=True)
        base = next((r[4] for r in rows if r[4]), None)
        for r in rows:
            r[6] = round(r[4] / base, 2) if r[4] and base else None
        if profile:
            print(profile)
        question = qs[1]["question"] if qs else "What did inspectors say about MAPPA?"
        cold_size = ok_size or sizes[-1]
        print(f"cold start of `findings ask` on {cold_size} reports …", flush=True)
        walls, cold_steps, imports = cold_start(work / f"store-{cold_size}", question, work)
        if failures and failures[-1][0] == sizes[-1]:
            cli_error = cli_failure(work / f"store-{sizes[-1]}", question, work)

    cold = statistics.median(walls) if walls else float("nan")
    top = rows[-1]
    goals = [
        ["size", "p50 (ms)", "p95 (ms)", f"cold start at {cold_size} reports (s)"],
        [
            f"{top[0]} reports",
            f"{cell(top[4])} (goal ≤ {P50_GOAL:.0f}) {_ok(top[4] is not None and top[4] <= P50_GOAL)}",
            f"{cell(top[5])} (goal ≤ {P95_GOAL:.0f}) {_ok(top[5] is not None and top[5] <= P95_GOAL)}",
            f"{cold:.2f} (goal ≤ {COLD_GOAL:.0f}) {_ok(cold <= COLD_GOAL)}",
        ],
    ]
    parts = [table(HEADS, rows), table(goals[0], goals[1:])]
    if failures and failures[-1][0] == sizes[-1]:
        parts.append(
            f"At {sizes[-1]} reports the assistant could not load the store "
            f"(`{failures[-1][1]}`), and `findings ask` fails the same way: `{cli_error}`. "
            "The cold start below is at the largest size that worked."
        )
    parts += [
        f'Cold start: `findings ask "{question}" --json --store STORE` on {cold_size} '
        f"reports, 3 runs: {', '.join(f'{w:.2f}' for w in walls)} s (median {cold:.2f} s)."
        f"{onnx_note()} Its steps, timed in a fresh interpreter:",
        table(["step", "ms"], [[k, v] for k, v in cold_steps.items()]),
        "Packages by import time (`python -X importtime -m cli ask …`; each package's outermost "
        "import, so nested packages also count in the one that imported them):",
        table(["package", "ms"], [[f"`{k}`", round(v)] for k, v in imports]),
    ]
    out = "\n\n".join(parts)
    print(out)
    notes = (
        f"\n{args.questions} questions per size, timed after 3 warm-up questions, the model "
        "already loaded; wall time of `Assistant.ask`. Step columns are the mean of the "
        "answer's `timings_ms` (`plan+verify` = total − retrieve − answer). Each size has its "
        "own store holding the first N generated reports (ingest column: seconds to ingest "
        "them, or `reused` when `--work` already had them).\n"
    )
    write_section("query", f"## Query latency\n\n{header(info)}\n{out}\n{notes}")
    return 0


HEADS = [
    "reports",
    "paragraphs",
    "ingest (s)",
    "corpus/BM25 build (ms)",
    "p50 (ms)",
    "p95 (ms)",
    "p50 ÷ p50 at smallest",
    "mean plan+verify / retrieve / answer (ms)",
]


def _ok(good: bool) -> str:
    return "✅" if good else "❌"


if __name__ == "__main__":
    sys.exit(main())
