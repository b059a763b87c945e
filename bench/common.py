"""Shared pieces of the benchmarks: offline set-up, machine facts, tables, BENCHMARKS.md sections.

Each benchmark writes only its own section of BENCHMARKS.md, between `<!-- bench:NAME -->` and
`<!-- /bench:NAME -->`, so the scripts can run in any order (or at once) without clobbering
each other's numbers.
"""

from __future__ import annotations

import fcntl
import os
import platform
import re
import resource
import shlex
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT / "BENCHMARKS.md"
INTRO = """# Benchmarks

Numbers measured by `make bench` (`python -m bench.ingest`, `python -m bench.quality`,
`python -m bench.query`). Each section says the machine, the date and the exact command that
produced it; rerun that command to refresh the section. The machines are shared and noisy, so
the benchmarks measure their baselines in the same run and report ratios next to raw numbers.
"""


def offline() -> None:
    """No model hub, no Chroma telemetry: everything runs from the bundled model on disk."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ["ANONYMIZED_TELEMETRY"] = "False"
    os.environ["HF_HUB_DISABLE_PROGRESS_BARS"] = "1"
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    for name in [n for n in os.environ if n.startswith("FINDINGS_")]:
        del os.environ[name]  # the benchmarks say every setting they use explicitly


def resolve_device(device: str) -> str:
    if device != "auto":
        return device
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def machine(device: str) -> dict:
    """CPU model, cores, RAM, torch version and the device actually used."""
    import psutil
    import torch

    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    dev = resolve_device(device)
    if dev == "cuda":
        dev = f"cuda ({torch.cuda.get_device_name(0)})"
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "torch": torch.__version__,
        "torch_threads": torch.get_num_threads(),
        "python": platform.python_version(),
        "device": dev,
        "load": os.getloadavg()[0],
    }


def command() -> str:
    """The command line that ran this benchmark, as one would type it."""
    module = Path(sys.argv[0]).stem
    return " ".join(["python -m", f"bench.{module}", *map(shlex.quote, sys.argv[1:])])


def header(info: dict) -> str:
    date = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        f"Command: `{command()}` · {date}  \n"
        f"Machine: {info['cpu']}, {info['cores']} cores, {info['ram_gb']} GB RAM · "
        f"torch {info['torch']} ({info['torch_threads']} threads) · Python {info['python']} · "
        f"device {info['device']}  \n"
        f"Load average (1 min) at start / end: {info['load']:.1f} / {os.getloadavg()[0]:.1f} "
        "(other work shares this machine)\n"
    )


def table(headers: list[str], rows: list[list]) -> str:
    """A Markdown table (also what the scripts print)."""
    cells = [[cell(v) for v in row] for row in rows]
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in cells]
    return "\n".join(lines)


def cell(v) -> str:
    if v is None:
        return "—"
    if isinstance(v, float):
        return f"{v:.3f}".rstrip("0").rstrip(".") if abs(v) < 10 else f"{v:,.1f}"
    if isinstance(v, int) and not isinstance(v, bool):
        return f"{v:,}"
    return str(v)


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (ru_maxrss is KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values: list[float], q: float) -> float:
    import numpy as np

    return float(np.percentile(values, q)) if values else float("nan")


def write_section(name: str, body: str, path: Path = BENCHMARKS) -> None:
    """Replace (or append) the `<!-- bench:NAME -->` section of BENCHMARKS.md, under a lock."""
    start, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    block = f"{start}\n{body.strip()}\n{end}"
    with open(path, "a+", encoding="utf-8") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        fh.seek(0)
        text = fh.read() or INTRO
        pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.S)
        if pattern.search(text):
            text = pattern.sub(lambda _: block, text)
        else:
            text = text.rstrip("\n") + "\n\n" + block + "\n"
        fh.seek(0)
        fh.truncate()
        fh.write(text)
    print(f"\nwrote the '{name}' section of {path}")
