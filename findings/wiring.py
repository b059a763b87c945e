"""Build the shared objects from settings: the embedder, the store, the ingester.

The CLI, the app and the benchmarks call these instead of constructing parts themselves, so a
setting means the same thing everywhere. Every constructor here is cheap; nothing loads or
connects until first use.
"""

from __future__ import annotations

from findings.settings import Settings
from ingest.embed import Embedder
from ingest.pipeline import Ingester
from ingest.store import ParagraphStore


def build_embedder(settings: Settings) -> Embedder:
    return Embedder(
        settings.embedding_model, device=settings.device, batch_size=settings.batch_size
    )


def build_store(settings: Settings, embedder: Embedder | None = None) -> ParagraphStore:
    """The Chroma server at `chroma_url` when set, else the embedded store folder `store`."""
    slug = (embedder or build_embedder(settings)).model_slug
    if settings.chroma_url:
        return ParagraphStore(
            url=settings.chroma_url, model_slug=slug, lock_timeout_s=settings.lock_timeout_s
        )
    return ParagraphStore(
        path=settings.store, model_slug=slug, lock_timeout_s=settings.lock_timeout_s
    )


def build_ingester(settings: Settings) -> Ingester:
    embedder = build_embedder(settings)
    return Ingester(build_store(settings, embedder), embedder, settings)


def build_assistant(settings: Settings):
    """The question-answering assistant over the configured store (extractive unless an LLM
    is configured)."""
    from retrieval.assistant import Assistant

    embedder = build_embedder(settings)
    return Assistant(build_store(settings, embedder), embedder, top_k=settings.top_k)
