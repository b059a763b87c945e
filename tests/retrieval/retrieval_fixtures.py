"""Shared fixtures for tests/retrieval: real stores and assistants, built once per session.

Loaded by each test module with `pytest_plugins = ["retrieval_fixtures"]` rather than from a
`tests/retrieval/conftest.py`: the test folders have no `__init__.py`, so a second module named
`conftest` would replace tests/conftest.py in `sys.modules` during collection and break every
later `from conftest import …` (tests/test_cli.py among them).

- `thurrock_store`: a real embedded Chroma store in a session tmp dir holding the real report
  ../shared/corpus/thurrock_sqs_2015.txt, ingested with the session embedder.
- `sample_store`: the five sample reports of data/reports plus Thurrock.
- `thurrock_assistant`, `sample_assistant`, `sample_corpus`: built on them.

Helpers that test modules import (contract checks, report ids) live in answer_checks.py, so this
plugin is never imported before pytest registers it (and rewrites its asserts).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from findings.settings import get_settings
from ingest.pipeline import Ingester
from retrieval.assistant import Assistant
from retrieval.corpus import CorpusLoader
from store.chroma import ChromaStore

ROOT = Path(__file__).resolve().parents[2]
THURROCK = ROOT.parent / "shared" / "corpus" / "thurrock_sqs_2015.txt"
SAMPLE_REPORTS = ROOT / "data" / "reports"


def _ingest(folder: Path, embedder, sources: list[Path]) -> ChromaStore:
    """Ingest `sources` into a new store in `folder`, with no FINDINGS_* setting or `.env`
    leaking in (the autouse `isolate` fixture is function-scoped and not active yet)."""
    with pytest.MonkeyPatch.context() as mp:
        for name in list(os.environ):
            if name.startswith("FINDINGS_"):
                mp.delenv(name)
        mp.chdir(folder)
        store = ChromaStore(folder / "store", model_slug=embedder.model_slug)
        summary = Ingester(store, embedder, get_settings()).run(sources)
    assert summary.failed == [], summary.failed
    return store


@pytest.fixture(scope="session")
def thurrock_store(tmp_path_factory, embedder) -> ChromaStore:
    return _ingest(tmp_path_factory.mktemp("thurrock"), embedder, [THURROCK])


@pytest.fixture(scope="session")
def thurrock_store_path(thurrock_store) -> Path:
    return thurrock_store.path


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory, embedder) -> ChromaStore:
    return _ingest(tmp_path_factory.mktemp("samples"), embedder, [SAMPLE_REPORTS, THURROCK])


@pytest.fixture(scope="session")
def thurrock_assistant(thurrock_store, embedder) -> Assistant:
    return Assistant(thurrock_store, embedder)


@pytest.fixture(scope="session")
def sample_assistant(sample_store, embedder) -> Assistant:
    return Assistant(sample_store, embedder)


@pytest.fixture(scope="session")
def sample_corpus(sample_store):
    return CorpusLoader(sample_store).load()
