"""The storage floor: the Chroma paragraph store and the embedders, used by ingest and retrieval.

`store.protocols` names what the floors above rely on (`ParagraphStore`, `Embedder`);
`store.factory` builds the configured ones from `Settings`. Importing this package is cheap.
"""
