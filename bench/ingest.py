"""Ingest throughput: the full pipeline against a bare `SentenceTransformer.encode` of the same texts.

    python -m bench.ingest [--reports 200] [--device auto] [--batch-size N] [--profile]

On a generated corpus (bench.generate), in one process and order-balanced (raw, pipeline, raw;
the raw figure is the mean of the two) so a noisy machine moves both sides alike:

- raw: `SentenceTransformer.encode` of exactly the texts the pipeline embeds
  (`ingest.embed.embedding_input` of every parsed paragraph), same model, same batch size;
- pipeline: `Ingester.run` into a fresh embedded store (scan, parse, embed, commit), goal
  ≥ 0.85 × raw paragraphs/s;
- re-ingest of the unchanged corpus, goal ≥ 50× faster than the first ingest;
- peak memory (`ru_maxrss`) of this process after each step; with `--cli`, also of a
  `findings ingest` subprocess on a fresh store (one more full ingest).

The batch size is the settings' (64) on CPU and 512 on CUDA unless `--batch-size` says.
`--profile` (automatic when the ratio misses its goal) prints where the pipeline's time goes.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import subprocess
import sys
import tempfile
import time
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


def ingest(settings, paths: list[Path], warm: list[str]):
    """(summary, seconds) of one `Ingester.run`, the embedding model already loaded and warmed
    on `warm` (a batch of texts)."""
    from findings.wiring import build_ingester

    ingester = build_ingester(settings)
    ingester.embedder.embed(warm)  # load the model and warm it, as the raw side is
    t = time.perf_counter()
    summary = ingester.run(paths)
    return summary, time.perf_counter() - t


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
    from findings.wiring import build_ingester

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
    ap.add_argument("--profile", action="store_true", help="print a cProfile of the pipeline")
    ap.add_argument("--cli", action="store_true", help="also time `findings ingest` (subprocess)")
    args = ap.parse_args(argv)
    offline()

    from sentence_transformers import SentenceTransformer

    from bench.generate import generate_corpus
    from findings.settings import get_settings
    from ingest.embed import bundled_model_path, embedding_input
    from ingest.parse import parse_file

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
        model.encode(texts[:batch], batch_size=batch)  # warm-up: kernels, allocator, threads
        load_s = time.perf_counter() - t
        rss = {"model loaded, corpus parsed": peak_rss_mb()}

        print(f"{len(paths)} reports, {n} paragraphs; raw encode 1/2 …", flush=True)
        raw1 = raw_encode(model, texts, batch)
        rss["raw encode"] = peak_rss_mb()
        print("pipeline (fresh store) …", flush=True)
        first, first_s = ingest(settings("store"), [tmp / "reports"], texts[:batch])
        rss["pipeline"] = peak_rss_mb()
        print("raw encode 2/2 …", flush=True)
        raw2 = raw_encode(model, texts, batch)
        print("re-ingest (unchanged) …", flush=True)
        again, again_s = ingest(settings("store"), [tmp / "reports"], texts[:batch])

        fp16 = None
        if device == "cuda":  # what an fp16 option in the Embedder would buy
            model.half()
            raw_encode(model, texts[: batch * 2], batch)
            fp16 = raw_encode(model, texts, batch)

        cli = None
        if args.cli:
            print("`findings ingest` subprocess (fresh store) …", flush=True)
            cli = cli_ingest(tmp / "reports", tmp / "store-cli", device, batch)

        raw_s = (raw1 + raw2) / 2
        raw_rate, pipe_rate = n / raw_s, first.paragraphs / first_s
        ratio = pipe_rate / raw_rate
        speedup = first_s / again_s
        parts = ", ".join(f"{k} {v / 1000:.2f}" for k, v in first.timings_ms.items())
        rows = [
            [
                "corpus",
                f"{len(paths)} reports, {n:,} paragraphs ({len(set(texts)):,} distinct embedding inputs, mean {sum(map(len, texts)) / n:.0f} chars)",
                "",
            ],
            ["batch size / fp16", f"{batch} / fp32 (the Embedder has no fp16 option)", ""],
            ["model load + warm-up (s)", round(load_s, 2), ""],
            ["parse only, `parse_file` (paragraphs/s)", round(n / parse_s), ""],
            [
                "raw `encode`, run 1 / run 2 (paragraphs/s)",
                f"{n / raw1:,.0f} / {n / raw2:,.0f}",
                "",
            ],
            ["raw `encode`, mean time (paragraphs/s)", round(raw_rate), ""],
            ["pipeline `Ingester.run`, fresh store (paragraphs/s)", round(pipe_rate), ""],
            ["pipeline time (s) and its steps (s)", f"{first_s:.2f} ({parts})", ""],
            [
                "**pipeline ÷ raw**",
                f"**{ratio:.2f}**",
                f"≥ {RATIO_GOAL} {'✅' if ratio >= RATIO_GOAL else '❌'}",
            ],
            ["re-ingest unchanged (s)", round(again_s, 3), ""],
            [
                "**re-ingest speed-up**",
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
        if fp16 is not None:
            rows.insert(
                6, ["raw `encode` fp16, `model.half()` (paragraphs/s)", round(n / fp16), ""]
            )
        out = table(["measure", "value", "goal"], rows)
        print(out)

        notes = (
            "\nRaw = `SentenceTransformer.encode(texts, batch_size, normalize_embeddings=True)` "
            "on the same texts the pipeline embeds; it excludes parsing and storing, which the "
            "pipeline rate includes (so the ratio is the pipeline's whole overhead). The model is "
            "loaded and warmed before either is timed; the process holds two copies of the model "
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
