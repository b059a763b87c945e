"""Ingest throughput: the full pipeline against a bare `SentenceTransformer.encode` of the same texts.

    python -m bench.ingest [--reports 200] [--rounds 10] [--device auto] [--batch-size N]
                           [--profile] [--cli]

On a generated corpus (bench.generate), in one process, in paired rounds (each slice of
consecutive reports embedded raw and ingested back to back, alternating which goes first) so a
busy spell on the shared machine slows both sides alike:

- raw: `SentenceTransformer.encode` of exactly the texts the pipeline embeds
  (`ingest.pipeline.embedding_input` of every parsed paragraph), same model, same batch size;
- pipeline: `Ingester.run` into a fresh embedded store (scan, parse, embed, commit), goal
  ≥ 0.85 × raw paragraphs/s;
- re-ingest of the unchanged corpus, goal ≥ 50× faster than the first ingest;
- peak memory (`ru_maxrss`) of this process after each step; with `--cli`, also of a
  `findings ingest` subprocess on a fresh store (one more full ingest).

The batch size is the settings' (64) on CPU and 512 on CUDA unless `--batch-size` says; the raw
side runs at the precision of the Embedder's loaded model (fp16 where it halves it on CUDA).
`--profile` (automatic when the ratio misses its goal) prints where the pipeline's time goes.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench.common import (
    header,
    machine,
    offline,
    peak_rss_mb,
    resolve_device,
    table,
    write_section,
)

RATIO_GOAL = 0.85
REINGEST_GOAL = 50.0


def raw_encode(model, texts: list[str], batch_size: int) -> float:
    """Seconds for one bare encode of `texts` (what the pipeline's embed step does, unwrapped)."""
    t = time.perf_counter()
    model.encode(
        texts,
        batch_size=batch_size,
        normalize_embeddings=True,
        show_progress_bar=False,
        convert_to_numpy=True,
    )
    _sync(model)
    return time.perf_counter() - t


def _sync(model) -> None:
    if str(model.device).startswith("cuda"):
        import torch

        torch.cuda.synchronize()


def precision(embedder) -> str:
    """The dtype of the Embedder's loaded model (it halves it on CUDA), for the report only."""
    st = getattr(embedder, "_st", None)
    try:
        return str(next(st.parameters()).dtype).removeprefix("torch.")
    except (AttributeError, StopIteration, TypeError):
        return "unknown"


def cli_ingest(folder: Path, store: Path, device: str, batch_size: int) -> tuple[float, float]:
    """(wall seconds, peak RSS MB) of `findings ingest FOLDER --store STORE --json`, run in a
    fresh interpreter that reports its own VmHWM (a child's ru_maxrss would include the
    parent's pages from before the exec)."""
    code = (
        "import sys, cli\n"
        "sys.argv = ['findings', 'ingest', sys.argv[1], '--store', sys.argv[2], '--json']\n"
        "try:\n    cli.main()\n"
        "finally:\n"
        "    hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')]\n"
        "    print(hwm[0].split()[1], file=sys.stderr)\n"
    )
    env = {**os.environ, "FINDINGS_DEVICE": device, "FINDINGS_BATCH_SIZE": str(batch_size)}
    t = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, str(folder), str(store)],
        capture_output=True,
        text=True,
        env=env,
        cwd=store.parent,  # no stray .env
    )
    wall = time.perf_counter() - t
    if done.returncode != 0:
        raise RuntimeError(f"findings ingest failed ({done.returncode}): {done.stderr[-2000:]}")
    return wall, int(done.stderr.split()[-1]) / 1024


def profile_ingest(settings, paths: list[Path], warm: list[str]) -> str:
    """cProfile of one more pipeline run: the top functions by cumulative and own time."""
    from ingest.pipeline import build_ingester

    ingester = build_ingester(settings)
    ingester.embedder.embed(warm)
    prof = cProfile.Profile()
    prof.enable()
    ingester.run(paths)
    prof.disable()
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out).strip_dirs()
    stats.sort_stats("cumulative").print_stats(
        r"pipeline|store\.py|embed\.py|parse\.py|load\.py|encode|upsert|_get|delete", 25
    )
    stats.sort_stats("tottime").print_stats(15)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.ingest", description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=200, help="generated reports (default 200)")
    ap.add_argument("--device", default="auto", help="auto, cpu, cuda, mps (default auto)")
    ap.add_argument("--batch-size", type=int, help="default: settings on CPU, 512 on CUDA")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--rounds", type=int, default=10, help="paired raw/pipeline rounds")
    ap.add_argument("--profile", action="store_true", help="print a cProfile of the pipeline")
    ap.add_argument("--cli", action="store_true", help="also time `findings ingest` (subprocess)")
    args = ap.parse_args(argv)
    offline()

    from sentence_transformers import SentenceTransformer

    from bench.generate import generate_corpus
    from findings.settings import get_settings
    from ingest.parse import parse_file
    from ingest.pipeline import build_ingester, embedding_input
    from store.embed import bundled_model_path
    from store.factory import build_embedder

    device = resolve_device(args.device)
    batch = args.batch_size or (512 if device == "cuda" else get_settings().batch_size)
    info = machine(device)
    print(header(info))

    with tempfile.TemporaryDirectory(prefix="findings-bench-ingest-") as tmp:
        tmp = Path(tmp)
        paths = generate_corpus(tmp / "reports", args.reports, seed=args.seed)

        def settings(store: str):
            return get_settings(store=tmp / store, device=device, batch_size=batch)

        t = time.perf_counter()
        parsed = [parse_file(p, settings("unused")) for p in paths]
        parse_s = time.perf_counter() - t
        texts = [embedding_input(r.meta, p) for r in parsed for p in r.paragraphs]
        n = len(texts)

        t = time.perf_counter()
        model = SentenceTransformer(str(bundled_model_path()), device=device)
        embedder = build_embedder(settings("unused"))
        embedder.embed(texts[:batch])  # load the pipeline's model too, to see its precision
        dtype = precision(embedder)
        if dtype == "float16":
            model.half()  # the raw side runs at the Embedder's precision
        model.encode(texts[:batch], batch_size=batch)  # warm-up: kernels, allocator, threads
        load_s = time.perf_counter() - t
        rss = {"model loaded, corpus parsed": peak_rss_mb()}

        # Paired rounds: consecutive slices of the corpus, each embedded raw and ingested by
        # the pipeline back to back (alternating which goes first), so load on the shared
        # machine hits both sides alike; one store grows through the rounds.
        ingester = build_ingester(settings("store"))
        ingester.embedder.embed(texts[:batch])
        per_report = [[embedding_input(r.meta, p) for p in r.paragraphs] for r in parsed]
        rounds = max(1, min(args.rounds, len(paths)))
        cut = [round(i * len(paths) / rounds) for i in range(rounds + 1)]
        raw_t, pipe_t, steps, stored = [], [], Counter(), 0
        for k in range(rounds):
            lo, hi = cut[k], cut[k + 1]
            chunk = [t for report in per_report[lo:hi] for t in report]
            print(f"round {k + 1}/{rounds}: reports {lo + 1}-{hi}, {len(chunk)} ¶", flush=True)
            for side in ("raw", "pipeline") if k % 2 == 0 else ("pipeline", "raw"):
                t = time.perf_counter()
                if side == "raw":
                    raw_encode(model, chunk, batch)
                    raw_t.append(time.perf_counter() - t)
                else:
                    summary = ingester.run(paths[lo:hi])
                    pipe_t.append(time.perf_counter() - t)
                    steps.update(summary.timings_ms)
                    stored += summary.paragraphs
        rss["paired rounds"] = peak_rss_mb()
        print("re-ingest (unchanged) …", flush=True)
        t = time.perf_counter()
        again = build_ingester(settings("store")).run(paths)
        again_s = time.perf_counter() - t

        cli = None
        if args.cli:
            print("`findings ingest` subprocess (fresh store) …", flush=True)
            cli = cli_ingest(tmp / "reports", tmp / "store-cli", device, batch)

        raw_s, first_s = sum(raw_t), sum(pipe_t)
        ratio = raw_s / first_s  # (n / first_s) / (n / raw_s)
        per_round = sorted(r / p for r, p in zip(raw_t, pipe_t, strict=True))
        speedup = first_s / again_s
        fixed = 2 * steps["total"] - sum(steps.values())  # ms outside scan/parse/embed/store
        steps["other (lock, recovery scan, manifest read)"] = fixed
        fixed /= 1000
        parts = ", ".join(f"{k} {v / 1000:.1f}" for k, v in steps.items() if k != "total")
        rows = [
            [
                "corpus",
                f"{len(paths)} reports, {n:,} paragraphs ({len(set(texts)):,} distinct "
                f"embedding inputs, mean {sum(map(len, texts)) / n:.0f} chars)",
                "",
            ],
            ["batch size / precision (raw and pipeline)", f"{batch} / {dtype}", ""],
            ["model load + warm-up (s)", round(load_s, 2), ""],
            ["parse only, `parse_file` (paragraphs/s)", round(n / parse_s), ""],
            ["raw `encode` (paragraphs/s; total s)", f"{n / raw_s:,.0f} ({raw_s:.1f} s)", ""],
            [
                "pipeline `Ingester.run` (paragraphs/s; total s)",
                f"{stored / first_s:,.0f} ({first_s:.1f} s)",
                "",
            ],
            ["pipeline steps, summed over the rounds (s)", parts, ""],
            [
                f"**pipeline ÷ raw** (per round, {rounds} rounds: min / median / max)",
                f"**{ratio:.2f}** ({per_round[0]:.2f} / {statistics.median(per_round):.2f} / "
                f"{per_round[-1]:.2f})",
                f"≥ {RATIO_GOAL} {'✅' if ratio >= RATIO_GOAL else '❌'}",
            ],
            [
                "pipeline ÷ raw, the fixed per-run cost ('other') counted once, as in one run",
                round(raw_s / (first_s - fixed * (rounds - 1) / rounds), 2),
                "",
            ],
            ["re-ingest, all unchanged (s)", round(again_s, 3), ""],
            [
                "**re-ingest speed-up** (first ingest ÷ re-ingest)",
                f"**{speedup:,.0f}×** ({len(again.unchanged)} unchanged)",
                f"≥ {REINGEST_GOAL:.0f}× {'✅' if speedup >= REINGEST_GOAL else '❌'}",
            ],
            [
                "peak RSS of this process after: " + ", ".join(rss) + " (MB)",
                " / ".join(f"{v:,.0f}" for v in rss.values()),
                "",
            ],
        ]
        if cli is not None:
            rows.append(
                [
                    "`findings ingest` subprocess: wall (s) / peak RSS (MB)",
                    f"{cli[0]:.1f} / {cli[1]:,.0f}",
                    "",
                ]
            )
        out = table(["measure", "value", "goal"], rows)
        print(out)

        notes = (
            "\nRaw = `SentenceTransformer.encode(texts, batch_size, normalize_embeddings=True)` "
            "on the same texts the pipeline embeds; it excludes parsing and storing, which the "
            "pipeline rate includes (so the ratio is the pipeline's whole overhead). Both run in "
            f"{rounds} paired rounds of consecutive reports (raw then pipeline, then the other "
            "way round), the pipeline growing one store, so a busy spell on the shared machine "
            "slows both sides; each round's `Ingester.run` also pays the store's recovery scan. "
            "The model is loaded and warmed before either is timed; the process holds two copies of the model "
            "(the bench's and the Embedder's), about 90 MB each. A `findings ingest` row (with "
            "`--cli`) is a separate process on a fresh store, model load and imports included.\n"
        )
        profile = ""
        if args.profile or ratio < RATIO_GOAL:
            print("profiling one more pipeline run …", flush=True)
            profile = profile_ingest(settings("store-profile"), [tmp / "reports"], texts[:batch])
            print(profile)
    write_section("ingest", f"## Ingest throughput\n\n{header(info)}\n{out}\n{notes}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
