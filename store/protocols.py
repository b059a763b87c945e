"""What ingest and retrieval rely on from the floor below: typed seams, not concrete classes.

`store.chroma.ChromaStore` and `store.embed.SentenceEmbedder` are the implementations; tests and
other back ends can pass anything with these methods.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Protocol, runtime_checkable

from findings.records import ParsedReport


@runtime_checkable
class Embedder(Protocol):
    """Texts in, normalised vectors out, in input order."""

    @property
    def model_slug(self) -> str: ...

    def embed(self, texts: list[str]) -> list[list[float]]: ...

    def warm_up(self) -> None: ...


@runtime_checkable
class ParagraphStore(Protocol):
    """Committed paragraphs and the report manifest. Paragraph rows are plain dicts with the
    provenance keys (`report_id`, `section`, `paragraph`, `ordinal`, `page`, …) and `records`,
    the structured findings that cite the paragraph (`Record.to_json()` dicts; issue 10)."""

    @property
    def location(self) -> str: ...

    # reading
    def change_token(self) -> tuple | None: ...

    def written_token(self) -> tuple | None: ...

    def committed_versions(self) -> dict[str, str]: ...

    def versions_of(self, report_ids: list[str]) -> dict[str, str]: ...

    def list_reports(self) -> list[dict]: ...

    def get_report(self, report_id: str) -> dict: ...

    def get_paragraphs(self, report_id: str) -> list[dict]: ...

    def all_paragraphs(
        self, embeddings: bool = False, committed: dict[str, str] | None = None
    ) -> dict[str, list]: ...

    def records(
        self, report_ids: list[str] | None = None, kinds: list[str] | None = None
    ) -> list[dict]: ...

    def query(
        self,
        embedding: list[float],
        n: int,
        where: dict | None = None,
        committed: dict[str, str] | None = None,
    ) -> list[dict]: ...

    def cached_embeddings(self, text_shas: list[str]) -> dict[str, list[float]]: ...

    # writing
    def writing(self) -> AbstractContextManager[ParagraphStore]: ...

    def joining(self) -> AbstractContextManager[ParagraphStore]: ...

    def commit_many(
        self,
        items: list[tuple[ParsedReport, list[list[float]], list[str]]],
        new_reports: set[str] | None = None,
    ) -> None: ...

    def remove(self, report_ids: list[str]) -> dict[str, int]: ...
