"""Many users at once: answers/s and latency for 1, 4 and 8 concurrent askers, against a Chroma
server (`chroma run`) and the embedded store in the same run.

    python -m bench.load [--sizes 100 1000] [--seconds 15]

For each size, the generated corpus (bench.generate) is ingested once into an embedded store;
a copy of that folder is served by `chroma run` on a free loopback port (the server's data
folder has the embedded store's format), so both hold exactly the same rows. Then, for each
backend, one shared assistant (as the app shares one between its sessions) is asked by 1, 4
and 8 threads for `--seconds` each, questions from bench.query. Also measured: the in-process
index (BM25 and the corpus) — its pickled size and load time per 100k paragraphs.
"""

from __future__ import annotations

import argparse
import pickle
import shutil
import statistics
import tempfile
import threading
import time
from pathlib import Path

from bench.common import header, machine, offline, percentile, table, write_section


def hammer(assistant, qs: list[dict], threads: int, seconds: float) -> tuple[float, float, float]:
    """(answers/s, p50 ms, p95 ms) of `threads` askers for `seconds`."""
    latencies: list[float] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds
    errors: list[BaseException] = []

    def worker(k: int) -> None:
        i = k
        try:
            while time.monotonic() < stop:
                q = qs[i % len(qs)]
                t = time.perf_counter()
                assistant.ask(q["question"], history=q.get("history"))
                with lock:
                    latencies.append((time.perf_counter() - t) * 1000)
                i += threads
        except BaseException as exc:
            errors.append(exc)

    started = time.monotonic()
    pool = [threading.Thread(target=worker, args=(k,)) for k in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    if errors:
        raise errors[0]
    wall = time.monotonic() - started
    return len(latencies) / wall, percentile(latencies, 50), percentile(latencies, 95)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    ap.add_argument("--seconds", type=float, default=15.0, help="per concurrency level")
    args = ap.parse_args(argv)
    offline()

    from bench.generate import generate_corpus
    from bench.query import questions
    from findings.settings import get_settings
    from ingest.pipeline import build_ingester
    from retrieval.assistant import Assistant
    from store.chroma import ChromaStore
    from store.factory import build_embedder
    from store.server import start_chroma_server, stop

    info = machine("cpu")
    print(header(info))
    rows, index_rows = [], []
    embedder = build_embedder(get_settings(device="cpu"))
    with tempfile.TemporaryDirectory(prefix="findings-bench-load-") as tmp:
        tmp_path = Path(tmp)
        for size in args.sizes:
            paths = generate_corpus(tmp_path / f"reports-{size}", size, seed=1)
            store_dir = tmp_path / f"store-{size}"
            t = time.perf_counter()
            settings = get_settings(store=store_dir, device="cpu")
            summary = build_ingester(settings, embedder).run(paths)
            print(
                f"{size} reports: {summary.paragraphs} paragraphs ingested in "
                f"{time.perf_counter() - t:.0f} s",
                flush=True,
            )
            served = tmp_path / f"served-{size}"
            shutil.copytree(store_dir, served)
            import socket

            with socket.socket() as s:
                s.bind(("127.0.0.1", 0))
                port = s.getsockname()[1]
            server, url = start_chroma_server(served, port=port)
            try:
                backends = {
                    "embedded": ChromaStore(store_dir, model_slug=embedder.model_slug),
                    "server": ChromaStore(url=url, model_slug=embedder.model_slug),
                }
                qs = questions(backends["embedded"].list_reports(), 200, seed=size)
                for name, store in backends.items():
                    assistant = Assistant(store, embedder)
                    assistant.warm_up()
                    for q in qs[:3]:
                        assistant.ask(q["question"], history=q.get("history"))
                    if name == "embedded":
                        corpus = assistant.loader.load()
                        blob = pickle.dumps(corpus, protocol=pickle.HIGHEST_PROTOCOL)
                        t = time.perf_counter()
                        pickle.loads(blob)
                        load_s = time.perf_counter() - t
                        per = 100_000 / max(len(corpus), 1)
                        index_rows.append(
                            [
                                size,
                                len(corpus),
                                f"{len(blob) / 1e6 * per:.0f} MB",
                                f"{load_s * per:.1f} s",
                            ]
                        )
                    for threads in (1, 4, 8):
                        rate, p50, p95 = hammer(assistant, qs, threads, args.seconds)
                        print(
                            f"{size} reports, {name}, {threads} askers: {rate:.1f}/s, "
                            f"p50 {p50:.0f} ms, p95 {p95:.0f} ms",
                            flush=True,
                        )
                        rows.append(
                            [size, name, threads, f"{rate:.1f}", f"{p50:.0f}", f"{p95:.0f}"]
                        )
            finally:
                stop(server)
    body = "\n".join(
        [
            "## Many users: concurrent askers, Chroma server and embedded store",
            "",
            header(info),
            "",
            f"One shared assistant per backend (as the app shares one between sessions), asked by "
            f"1, 4 and 8 threads for {args.seconds:g} s each; generated questions (bench.query). "
            "The server is `chroma run` on loopback, serving a copy of the embedded store's folder.",
            "",
            table(["reports", "store", "askers", "answers/s", "p50 ms", "p95 ms"], rows),
            "",
            "The in-process index (BM25, corpus and the stored vectors) each process holds, "
            "scaled to 100,000 paragraphs:",
            "",
            table(
                ["reports", "paragraphs", "index size per 100k ¶", "load time per 100k ¶"],
                index_rows,
            ),
            "",
            f"Median answer rate over all rows: {statistics.median(float(r[3]) for r in rows):.1f}/s.",
        ]
    )
    write_section("load", body)
    print(body)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
