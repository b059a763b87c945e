"""Shared fixtures: every test runs against tmp_path, offline, with the real bundled model.

- `isolate` (autouse): FINDINGS_* settings point into tmp_path, the working directory is
  tmp_path (so no `.env` is read), and any network connection other than loopback raises.
- `embedder`: the real bundled model, loaded once per session.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
LOOPBACK = {"127.0.0.1", "::1", "localhost"}

# The CONTRACT's JSON keys (../shared/CONTRACT.md), in order.
CONTRACT_KEYS = [
    "id",
    "question",
    "answer",
    "abstained",
    "mode",
    "citations",
    "retrieved",
    "timings_ms",
]
CITATION_KEYS = [
    "n",
    "report_id",
    "report_title",
    "area",
    "year",
    "section",
    "paragraph",
    "ordinal",
    "page",
    "label",
    "quote",
    "score",
]
METRIC_KEYS = [
    "questions",
    "answerable",
    "unanswerable",
    "citation_precision",
    "citation_recall",
    "top_citation_accuracy",
    "must_contain_accuracy",
    "abstention_recall",
    "false_abstention_rate",
    "evidence_recall@1",
    "evidence_recall@4",
    "evidence_recall@5",
    "evidence_recall@8",
    "latency_ms_p50",
    "latency_ms_p95",
]

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["ANONYMIZED_TELEMETRY"] = "False"
# One exported ONNX query encoder per test session, never the user's cache.
CACHE_DIR = tempfile.mkdtemp(prefix="findings-test-cache-")
os.environ["FINDINGS_CACHE_DIR"] = CACHE_DIR


# Tests that use these fixtures start servers: `make test-fast` leaves them out.
SLOW_FIXTURES = {"chroma_server"}


def pytest_collection_modifyitems(items):
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


def _host(address) -> str | None:
    if isinstance(address, tuple) and address:
        return str(address[0])
    return None  # AF_UNIX paths and the like are local


@pytest.fixture(autouse=True)
def isolate(tmp_path, monkeypatch):
    for name in list(os.environ):
        if name.startswith("FINDINGS_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("FINDINGS_STORE", str(tmp_path / "store"))
    monkeypatch.setenv("FINDINGS_CACHE_DIR", CACHE_DIR)
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    monkeypatch.chdir(tmp_path)

    real_connect = socket.socket.connect
    real_create = socket.create_connection

    def guarded_connect(sock, address):
        host = _host(address)
        if host is not None and host not in LOOPBACK:
            raise OSError(f"network access blocked in tests: {address!r}")
        return real_connect(sock, address)

    def guarded_create(address, *args, **kwargs):
        if address[0] not in LOOPBACK:
            raise OSError(f"network access blocked in tests: {address!r}")
        return real_create(address, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket, "create_connection", guarded_create)


@pytest.fixture(scope="session")
def embedder():
    from store.embed import SentenceEmbedder

    e = SentenceEmbedder(device="cpu")
    e.warm_up()
    return e


@pytest.fixture
def reports_dir(tmp_path) -> Path:
    """A folder with copies of the sample reports in tests/data (safe to change or delete)."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for src in sorted(DATA.iterdir()):
        if src.is_file():
            (folder / src.name).write_bytes(src.read_bytes())
    return folder


def findings_cmd(*args: str) -> list[str]:
    """Command line running the `findings` CLI from this checkout in a subprocess."""
    return [sys.executable, "-m", "cli", *args]


def subprocess_env(**extra: str) -> dict:
    env = {k: v for k, v in os.environ.items()}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


def store_snapshot(store) -> dict:
    """Everything in a store's collections, uncommitted rows included: {collection: {id: (text, metadata)}}."""
    cols = store._collections(create=False)
    if cols is None:
        return {}
    out = {}
    for col in cols:
        got = col.get(include=["documents", "metadatas"])
        out[col.name] = {
            i: (d, m)
            for i, d, m in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
        }
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_chroma_server(
    path: Path, port: int | None = None
) -> Iterator[tuple[str, subprocess.Popen]]:
    """A real `chroma run` server on loopback, storing in `path`: (its URL, its process)."""
    port = port or free_port()
    chroma = Path(sys.executable).with_name("chroma")
    server = subprocess.Popen(
        [str(chroma), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        env=subprocess_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail("the Chroma server did not start")
                time.sleep(0.2)
        yield url, server
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory):
    """A real Chroma server on a free loopback port, for server mode (`--chroma-url`)."""
    with running_chroma_server(tmp_path_factory.mktemp("server")) as (url, _):
        yield url
