"""Run Chroma's own server (`chroma run`) for a team: many app instances and command lines
share one store through it. Nothing home-made: this only starts the server bound to an address
(loopback by default), with its data folder, and waits until it answers."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from findings.errors import StoreUnavailable


def start_chroma_server(
    path: Path, host: str = "127.0.0.1", port: int = 8000, timeout_s: float = 60
) -> tuple[subprocess.Popen, str]:
    """Start `chroma run --path PATH --host HOST --port PORT`; return it and its URL once its
    heartbeat answers. StoreUnavailable (with the server's last words) when it does not."""
    Path(path).mkdir(parents=True, exist_ok=True)
    chroma = Path(sys.executable).with_name("chroma")
    proc = subprocess.Popen(
        [str(chroma), "run", "--path", str(path), "--host", host, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://{host}:{port}"
    deadline = time.monotonic() + timeout_s
    while True:
        if proc.poll() is not None:
            last = (proc.stderr.read() if proc.stderr else "").strip().splitlines()
            raise StoreUnavailable(
                f"{url}: the Chroma server exited ({last[-1] if last else proc.returncode}). "
                f"Is port {port} in use? Choose another with --port."
            )
        try:
            urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1).close()
            return proc, url
        except (urllib.error.URLError, OSError):
            if time.monotonic() > deadline:
                proc.kill()
                raise StoreUnavailable(
                    f"{url}: the Chroma server did not answer within {timeout_s:g} s. "
                    "Check the folder and the port, then try again."
                ) from None
            time.sleep(0.2)


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
