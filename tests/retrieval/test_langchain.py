"""retrieval/langchain.py: LangChain's standard retriever tests against `FindingsRetriever` on a
real store, and the citation metadata every `Document` carries."""

from __future__ import annotations

import pytest
from conftest import CITATION_KEYS
from langchain_core.documents import Document
from langchain_tests.integration_tests import RetrieversIntegrationTests

from findings.errors import InvalidQuestion
from retrieval import get_retriever
from retrieval.langchain import FindingsRetriever

pytest_plugins = ["retrieval_fixtures"]

# the citation fields, less the answer-only ones
METADATA_KEYS = [k for k in CITATION_KEYS if k not in ("n", "quote")]


class TestFindingsRetrieverStandard(RetrieversIntegrationTests):
    @pytest.fixture(autouse=True)
    def _store(self, thurrock_store_path):
        self.store_path = str(thurrock_store_path)

    @property
    def retriever_constructor(self) -> type[FindingsRetriever]:
        return FindingsRetriever

    @property
    def retriever_constructor_params(self) -> dict:
        return {"store": self.store_path, "k": 3}

    @property
    def retriever_query_example(self) -> str:
        return "What did inspectors say about planning?"


class TestGetRetriever:
    def test_documents_carry_the_citation_metadata(self, thurrock_store_path):
        docs = get_retriever(store=thurrock_store_path, k=4).invoke(
            "What did inspectors say about MAPPA in Thurrock?"
        )
        assert len(docs) == 4 and all(isinstance(d, Document) for d in docs)
        top = docs[0]
        assert top.page_content == (
            "There was some misunderstanding of the Multi-Agency Public Protection Arrangements "
            "processes within the team although this had not affected those cases that needed "
            "to be referred."
        )
        assert list(top.metadata) == METADATA_KEYS
        assert {k: v for k, v in top.metadata.items() if k != "score"} == {
            "report_id": "thurrock_sqs_2015",
            "report_title": (
                "Report of Short Quality Screening (SQS) of youth offending work in Thurrock"
            ),
            "area": "Thurrock",
            "year": 2015,
            "section": "Protecting the public",
            "paragraph": "2.3",
            "ordinal": 3,
            "page": None,
            "label": "Thurrock SQS 2015 ¶2.3",
        }
        scores = [d.metadata["score"] for d in docs]
        assert scores == sorted(scores, reverse=True)
        assert len({d.id for d in docs}) == 4

    def test_unnumbered_paragraph_label(self, thurrock_store_path):
        docs = get_retriever(store=thurrock_store_path, k=1).invoke(
            "What was the reoffending rate in Thurrock?"
        )
        assert [
            (d.metadata["section"], d.metadata["paragraph"], d.metadata["ordinal"]) for d in docs
        ] == [("Summary", None, 1)]
        assert docs[0].metadata["label"] == "Thurrock SQS 2015 · Summary ¶1"

    def test_store_from_the_environment(self, thurrock_store_path, monkeypatch):
        monkeypatch.setenv("FINDINGS_STORE", str(thurrock_store_path))
        docs = get_retriever(k=2).invoke("Was enforcement action taken promptly in Thurrock?")
        assert [d.metadata["paragraph"] for d in docs][:1] == ["4.4"]
        assert len(docs) == 2

    def test_per_call_filters_and_k(self, sample_store):
        retriever = get_retriever(store=sample_store.path, k=5)
        docs = retriever.invoke(
            "What did inspectors say about MAPPA?", k=2, filters={"area": "Northfield"}
        )
        assert len(docs) == 2
        assert {d.metadata["report_id"] for d in docs} == {"northfield_yos_2019"}
        assert retriever.invoke("What did inspectors say?", filters={"area": "Brackenford"}) == []

    def test_empty_query_is_refused(self, thurrock_store_path):
        with pytest.raises(InvalidQuestion) as err:
            get_retriever(store=thurrock_store_path).invoke("  ")
        assert str(err.value).startswith("question: is empty.")
