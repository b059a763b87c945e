"""What an ingest run hands back: `IngestSummary` (plain data, cheap to import)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class StoreState:
    """The committed version of every report of an embedded store, and the change token the
    write session that left them ended with (`ParagraphStore.written_token()`)."""

    token: tuple
    versions: dict[str, str]


@dataclass
class IngestSummary:
    ingested: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[dict] = field(default_factory=list)  # {"path": ..., "error": ...}
    removed: list[str] = field(default_factory=list)
    paragraphs: int = 0  # paragraphs stored by this run
    embedded: int = 0  # of which newly embedded (the rest reused stored vectors)
    timings_ms: dict = field(default_factory=dict)
    state: StoreState | None = None  # an embedded store's state after the run (not in JSON)

    def to_json(self) -> dict:
        """CONTRACT shape of `findings ingest --json`."""
        return {
            "ingested": self.ingested,
            "unchanged": self.unchanged,
            "failed": self.failed,
            "paragraphs": self.paragraphs,
        }
