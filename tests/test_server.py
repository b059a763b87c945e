"""A team on one Chroma server (`chroma run`): the same ids and answers as the embedded store,
new reports seen by a running assistant within seconds, a server that stops and comes back.
Real servers on loopback, the real model, the sample reports."""

from __future__ import annotations

import json
import time

import pytest
from conftest import DATA, ROOT, free_port, running_chroma_server
from streamlit.testing.v1 import AppTest

from findings.settings import get_settings
from ingest.pipeline import Ingester
from retrieval.assistant import Assistant
from retrieval.evaluate import load_qa
from store.chroma import ChromaStore
from ui.markdown import escape_markdown

pytestmark = pytest.mark.slow

SOURCES = [ROOT / "data" / "reports", ROOT.parent / "shared" / "corpus" / "thurrock_sqs_2015.txt"]
QUESTIONS = [
    *load_qa(ROOT / "data" / "eval" / "dev_qa.jsonl"),
    *load_qa(ROOT.parent / "shared" / "eval" / "seed_dev_qa.jsonl"),
]


def fresh(url: str, embedder) -> ChromaStore:
    store = ChromaStore(url=url, model_slug=embedder.model_slug, lock_timeout_s=60)
    existing = [r["report_id"] for r in store.list_reports()]
    if existing:
        store.remove(existing)
    return store


def answers(store, embedder) -> list[dict]:
    assistant = Assistant(store, embedder)
    out = []
    for q in QUESTIONS:
        a = assistant.ask(q["question"], history=q.get("history"), id=q.get("id")).to_json()
        a.pop("timings_ms")
        out.append(a)
    return out


def test_same_ids_reports_and_answers_as_the_embedded_store(tmp_path, embedder, chroma_server):
    embedded = ChromaStore(tmp_path / "store", model_slug=embedder.model_slug)
    server = fresh(chroma_server, embedder)
    for store in (embedded, server):
        summary = Ingester(store, embedder, get_settings()).run(SOURCES)
        assert summary.failed == [] and len(summary.ingested) == 6
    assert server.list_reports() == embedded.list_reports()
    for r in embedded.list_reports():
        assert server.get_paragraphs(r["report_id"]) == embedded.get_paragraphs(r["report_id"])
    here, there = answers(embedded, embedder), answers(server, embedder)
    assert len(here) == len(QUESTIONS) == 92
    assert there == here


def test_a_running_assistant_sees_new_reports_within_its_recheck(embedder, chroma_server):
    """Another process ingests: the app's assistant (recheck every 2 s) answers from it."""
    server = fresh(chroma_server, embedder)
    Ingester(server, embedder, get_settings()).run([DATA / "alderton_sqs_2017.txt"])
    assistant = Assistant(server, embedder)
    # (Brackwater's report prints no reoffending rate: asked for one, it now rightly abstains)
    question = "What did inspectors find about assessment in Brackwater?"
    assert assistant.ask(question).abstained is True
    other = ChromaStore(url=chroma_server, model_slug=embedder.model_slug)
    Ingester(other, embedder, get_settings()).run([DATA / "brackwater_fji_2014.md"])
    added = time.monotonic()
    while True:
        started = time.monotonic()
        answer = assistant.ask(question)
        if not answer.abstained:
            break
        # an ask begun a whole recheck interval after the ingest has rechecked the store since
        # (however long an ask takes on a loaded machine): it must have seen the report
        assert started - added < assistant.loader.recheck_s, "not seen after a recheck"
        time.sleep(0.1)
    assert answer.citations[0].report_id == "brackwater_fji_2014"


def test_the_app_says_when_the_server_stops_and_recovers(tmp_path, embedder, monkeypatch):
    port = free_port()
    data = tmp_path / "server"
    with running_chroma_server(data, port) as (url, _):
        store = ChromaStore(url=url, model_slug=embedder.model_slug)
        assert Ingester(store, embedder, get_settings()).run([DATA]).failed == []
    # the server is down now
    monkeypatch.setenv("FINDINGS_CHROMA_URL", url)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.run()
    assert not at.exception
    [error] = at.error
    assert error.value.startswith(escape_markdown(f"{url}: cannot reach the Chroma server ("))
    assert error.value.endswith(
        escape_markdown(
            "Start it (`chroma run --path DIR`), check FINDINGS_CHROMA_URL, or unset it to use "
            "the embedded store."
        )
    )
    with running_chroma_server(data, port):  # back, same port and data
        at.run()
        assert not at.exception and len(at.error) == 0
        at.chat_input[0].set_value("What was the reoffending rate in Alderton in 2017?").run()
        reply = [m for m in at.chat_message if m.name == "assistant"][0]
        assert [e.label for e in reply.expander] == ["[1] Alderton SQS 2017 · Summary ¶1"]


def test_headers_reach_the_server(embedder, chroma_server, monkeypatch):
    """FINDINGS_CHROMA_HEADERS (for a server behind an authenticating proxy) is sent."""
    import httpx

    seen: list[str] = []
    real = httpx.Client.send

    def spy(self, request, *args, **kwargs):
        seen.append(request.headers.get("authorization", ""))
        return real(self, request, *args, **kwargs)

    monkeypatch.setattr(httpx.Client, "send", spy)
    monkeypatch.setenv("FINDINGS_CHROMA_URL", chroma_server)
    monkeypatch.setenv("FINDINGS_CHROMA_HEADERS", json.dumps({"Authorization": "Bearer t0k"}))
    from store.factory import build_store

    build_store(get_settings()).list_reports()
    assert seen and set(seen) == {"Bearer t0k"}


def test_findings_serve_runs_a_server_and_stops_it(tmp_path):
    """`findings serve --no-app`: a Chroma server on loopback with its data folder; SIGTERM
    (or Ctrl-C) stops it too."""
    import signal
    import socket
    import subprocess

    from conftest import findings_cmd, subprocess_env

    port = free_port()
    proc = subprocess.Popen(
        findings_cmd("serve", "--no-app", "--path", str(tmp_path / "data"), "--port", str(port)),
        env=subprocess_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        first = proc.stdout.readline()
        assert first == (
            f"Chroma server at http://127.0.0.1:{port} (data in {tmp_path / 'data'}); stop with "
            "Ctrl-C.\n"
        )
        reports = subprocess.run(
            findings_cmd("reports", "--chroma-url", f"http://127.0.0.1:{port}"),
            env=subprocess_env(),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert (reports.returncode, reports.stdout) == (
            0,
            f"No reports stored in http://127.0.0.1:{port}. Add some with `findings ingest PATH`.\n",
        )
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)
    with socket.socket() as s, pytest.raises(ConnectionRefusedError):
        s.connect(("127.0.0.1", port))  # the server is gone: nothing listens on its port


def test_findings_eval_gives_the_same_metrics_on_both(tmp_path, embedder, chroma_server):
    """`findings eval` on the dev set, against a server and against the embedded store."""
    from typer.testing import CliRunner

    from cli import app

    embedded = ChromaStore(tmp_path / "store", model_slug=embedder.model_slug)
    server = fresh(chroma_server, embedder)
    for store in (embedded, server):
        Ingester(store, embedder, get_settings()).run([ROOT / "data" / "reports"])
    qa = str(ROOT / "data" / "eval" / "dev_qa.jsonl")
    runner = CliRunner()
    here = runner.invoke(app, ["eval", qa, "--json", "--store", str(embedded.path)])
    there = runner.invoke(app, ["eval", qa, "--json", "--chroma-url", chroma_server])
    assert (here.exit_code, there.exit_code) == (0, 0)
    metrics = [json.loads(out.stdout) for out in (here, there)]
    for m in metrics:
        m.pop("latency_ms_p50"), m.pop("latency_ms_p95")
    assert metrics[0] == metrics[1]
    assert metrics[0]["questions"] == 80 and metrics[0]["top_citation_accuracy"] > 0.8
