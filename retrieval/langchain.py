"""A LangChain `BaseRetriever` over the same hybrid retrieval the assistant uses.

    from retrieval import get_retriever
    docs = get_retriever(store=".findings/store", k=4).invoke("What was found about MAPPA in Thurrock?")

Each `Document` carries the paragraph's verbatim text and, in `metadata`, the citation fields
(`report_id`, `section`, `paragraph`, `ordinal`, `page`, `label`, report title, area, year,
score), so it composes with any LangChain chain and every answer can still cite exactly.
`k`, `filters` and `history` can also be given per call: `retriever.invoke(q, k=3)`.
"""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict, PrivateAttr

from findings.records import citation_label
from findings.settings import get_settings
from retrieval.assistant import Assistant, build_assistant


class FindingsRetriever(BaseRetriever):
    """Hybrid (Chroma dense + BM25) retrieval over the stored inspection reports."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    store: str | None = None
    chroma_url: str | None = None
    k: int = 8
    filters: dict | None = None
    _assistant: Any = PrivateAttr(default=None)

    def _parts(self) -> Assistant:
        if self._assistant is None:
            self._assistant = build_assistant(
                get_settings(store=self.store, chroma_url=self.chroma_url)
            )
        return self._assistant

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun, **kwargs: Any
    ) -> list[Document]:
        k = int(kwargs.get("k", self.k))
        hits, corpus = self._parts().retrieve(
            query, kwargs.get("history"), kwargs.get("filters", self.filters), top_k=k
        )
        hits = hits[:k]
        docs = []
        for h in hits:
            meta = corpus.reports.get(h.report_id) or {"report_id": h.report_id}
            docs.append(
                Document(
                    id=h.id,
                    page_content=h.text,
                    metadata={
                        "report_id": h.report_id,
                        "report_title": meta.get("title"),
                        "area": meta.get("area"),
                        "year": meta.get("year"),
                        "section": h.section,
                        "paragraph": h.paragraph,
                        "ordinal": h.ordinal,
                        "page": h.page,
                        "label": citation_label(meta, h.section, h.paragraph, h.ordinal),
                        "score": h.score,
                    },
                )
            )
        return docs


def get_retriever(
    store: str | None = None, chroma_url: str | None = None, k: int = 8
) -> FindingsRetriever:
    """The retriever over `store` (a folder) or `chroma_url`, else FINDINGS_STORE/FINDINGS_CHROMA_URL."""
    return FindingsRetriever(
        store=None if store is None else str(store), chroma_url=chroma_url, k=k
    )
