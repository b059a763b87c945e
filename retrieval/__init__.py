"""Retrieval and answering: hybrid search, the extractive answerer and the assistant chain.

`from retrieval import get_retriever` gives a LangChain retriever; `Assistant` answers with
verified citations. Importing this package is cheap: nothing loads until first use.
"""

from __future__ import annotations


def get_retriever(store=None, chroma_url=None, k: int = 8):
    from retrieval.langchain import get_retriever as _get

    return _get(store=store, chroma_url=chroma_url, k=k)


__all__ = ["get_retriever"]
