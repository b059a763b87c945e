"""app.py in the LLM mode, through Streamlit's AppTest, against the scripted OpenAI-compatible
server of tests/retrieval/scripted_llm.py (a stand-in for a real model on 127.0.0.1) and a real
store of the sample reports: the mode is shown, the stream is replaced by the checked answer,
the per-question extractive switch asks no model, and the evidence pack records the mode."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import ROOT
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from findings.settings import get_settings
from ingest.pipeline import Ingester
from store.chroma import ChromaStore
from ui.markdown import answer_markdown, escape_markdown

sys.path.insert(0, str(ROOT / "tests" / "retrieval"))
from scripted_llm import Reply, ScriptedLLM  # noqa: E402

APP = str(ROOT / "app.py")
MODEL = "openai:scripted"
KV_RATE = "What was the reoffending rate in Kestrel Vale in 2016?"
KV_QUOTE = (
    "The published reoffending rate¹ for Kestrel Vale was 34.9% against the England and Wales "
    "average of 37.7%."
)
LABEL = "Kestrel Vale SQS 2016 · Summary ¶1"


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory, embedder) -> Path:
    path = tmp_path_factory.mktemp("app-llm") / "store"
    store = ChromaStore(path=path, model_slug=embedder.model_slug)
    assert (
        Ingester(store, embedder, get_settings(store=path)).run([ROOT / "data/reports"]).failed
        == []
    )
    return path


@pytest.fixture(scope="module")
def server():
    """One server for the module: the app caches its assistant (and so the endpoint) per
    settings, across AppTest runs."""
    with ScriptedLLM() as running:
        yield running


@pytest.fixture
def llm(server, monkeypatch, sample_store):
    monkeypatch.setenv("FINDINGS_STORE", str(sample_store))
    monkeypatch.setenv("FINDINGS_LLM", MODEL)
    monkeypatch.setenv("OPENAI_BASE_URL", server.url)
    monkeypatch.setenv("OPENAI_API_KEY", "test-key")
    server.requests.clear()
    server.script()
    return server


@pytest.fixture
def app(llm) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    return at


def ask(at: AppTest, question: str) -> AppTest:
    at.chat_input[0].set_value(question).run()
    assert not at.exception
    return at


def test_the_checked_llm_answer_replaces_the_stream(app, llm):
    assert app.sidebar.markdown[0].value.startswith(
        "**Mode:** LLM openai\\:scripted (citations checked)"
    )
    llm.script(
        lambda r: Reply(
            f"Kestrel Vale's reoffending rate was 34.9% against 37.7% nationally [{r.source(LABEL)}]. "
            "It was the best in England [3]."
        )
    )
    ask(app, KV_RATE)
    [reply] = [m for m in app.chat_message if m.name == "assistant"]
    assert reply.caption[0].value == (
        "Written by openai\\:scripted; every citation checked against the reports (1 unsupported "
        "citation removed)."
    )
    assert reply.markdown[0].value == answer_markdown(
        "Kestrel Vale's reoffending rate was 34.9% against 37.7% nationally [1]."
    )
    assert [e.label for e in reply.expander] == [f"[1] {LABEL}"]
    answer = app.session_state.turns[0].answer
    assert (answer.mode, answer.citations[0].quote) == ("llm", KV_QUOTE)


def test_the_extractive_switch_and_the_evidence_pack(app, llm, monkeypatch):
    downloads: list[bytes] = []
    real = MemoryMediaFileStorage.load_and_get_id

    def recording(self, path_or_data, mimetype, kind, filename=None):
        if filename and filename.endswith(".md"):  # the Markdown pack (a .txt one follows it)
            downloads.append(path_or_data)
        return real(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", recording)
    app.toggle(key="extractive").set_value(True).run()
    ask(app, KV_RATE)
    assert llm.requests == []
    [reply] = [m for m in app.chat_message if m.name == "assistant"]
    assert reply.caption[0].value == "Offline extractive answer."
    app.toggle(key="extractive").set_value(False).run()
    llm.script(Reply("overloaded", status=500))
    ask(app, KV_RATE)
    pack = downloads[-1].decode("utf-8")
    assert "## 1\\. " in pack and "Mode: Offline extractive answer." in pack
    notice = app.session_state.turns[1].answer.notice
    assert notice == (
        f"The LLM {MODEL} at {llm.url} returned HTTP 500; this is the offline extractive "
        "answer (check the server's log and the model name in FINDINGS_LLM)."
    )
    assert f"\n\nMode: {escape_markdown(notice)}\n\n" in pack
