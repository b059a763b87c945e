"""Build the configured embedder and store from `Settings`, so a setting means the same thing in
the CLI, the app and the benchmarks. Every constructor here is cheap; nothing loads or connects
until first use."""

from __future__ import annotations

from findings.settings import Settings
from store.chroma import ChromaStore
from store.embed import SentenceEmbedder
from store.protocols import Embedder


def build_embedder(settings: Settings) -> SentenceEmbedder:
    return SentenceEmbedder(
        settings.embedding_model, device=settings.device, batch_size=settings.batch_size
    )


def build_store(settings: Settings, embedder: Embedder | None = None) -> ChromaStore:
    """The Chroma server at `chroma_url` when set, else the embedded store folder `store`."""
    slug = (embedder or build_embedder(settings)).model_slug
    if settings.chroma_url:
        return ChromaStore(
            url=settings.chroma_url,
            model_slug=slug,
            lock_timeout_s=settings.lock_timeout_s,
            headers=settings.chroma_headers,
        )
    return ChromaStore(path=settings.store, model_slug=slug, lock_timeout_s=settings.lock_timeout_s)
