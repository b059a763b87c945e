"""retrieval/corpus.py: the corpus index, learned acronyms, and its on-disk cache."""

from __future__ import annotations

import pytest

from findings.settings import Settings
from ingest.pipeline import Ingester
from retrieval import corpus as corpus_mod
from retrieval.corpus import CorpusLoader, learn_acronyms
from store.chroma import ChromaStore


@pytest.fixture
def store(tmp_path, embedder, reports_dir):
    s = ChromaStore(path=tmp_path / "store", model_slug=embedder.model_slug)
    Ingester(s, embedder, Settings()).run([reports_dir])
    return s


def test_learns_acronyms_the_reports_define():
    assert learn_acronyms(
        [
            "Referrals to Multi-Agency Public Protection Arrangements (MAPPA) were late.",
            "Child and Adolescent Mental Health Services (CAMHS) had a waiting list.",
        ]
    ) == {
        "mappa": "multi-agency public protection arrangements",
        "camhs": "child and adolescent mental health services",
    }


def test_a_second_process_loads_the_cached_index(store, monkeypatch):
    first = CorpusLoader(store).load()
    assert len(first) == sum(r["paragraphs"] for r in store.list_reports())

    def no_rebuild(*args):
        raise AssertionError("the index was rebuilt although the store did not change")

    monkeypatch.setattr(corpus_mod, "build_corpus", no_rebuild)
    again = CorpusLoader(store).load()
    assert again.ids == first.ids and again.texts == first.texts


def test_a_changed_store_is_indexed_anew(store, reports_dir, embedder):
    before = CorpusLoader(store).load()
    store.remove(["alderton_sqs_2017"])
    after = CorpusLoader(store).load()
    assert "alderton_sqs_2017" in before.reports and "alderton_sqs_2017" not in after.reports
    assert not any(i.startswith("alderton_sqs_2017:") for i in after.ids)


def test_a_cache_of_an_older_corpus_format_is_rebuilt(store, monkeypatch):
    first = CorpusLoader(store).load()
    # the next release changes the Corpus: its loader must not unpickle this one's
    monkeypatch.setattr(corpus_mod, "CORPUS_FORMAT", corpus_mod.CORPUS_FORMAT + 1)
    built = []
    real = corpus_mod.build_corpus

    def counting(*args):
        built.append(1)
        return real(*args)

    monkeypatch.setattr(corpus_mod, "build_corpus", counting)
    again = CorpusLoader(store).load()
    assert built == [1]
    assert again.ids == first.ids
