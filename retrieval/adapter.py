"""The question side of dense search, adapted to how users ask about inspection reports.

`QueryAdapter.adapt(vector) -> vector` moves a question's embedding by a small learned linear map
(`q + U (Vᵀ q)`, rank 32, renormalised) before it is compared with the paragraphs' embeddings,
which are left as the bundled model made them. The map is fitted by `python -m bench.adapter` on
the tuning questions only (never a held-out set): for each question, the paragraphs the retriever
put forward and which of them the gold cites; it learns which directions of the question's
meaning point at the paragraph that answers ("Who runs the service?" towards the manager's
line) across every report and wording of the tuning sets, not a rule for one phrasing.

It belongs to the bundled all-MiniLM-L6-v2: with any other embedding model (`FINDINGS_EMBEDDING_
MODEL`) or with `FINDINGS_QUERY_ADAPTER=false`, `adapt` returns the vector unchanged. The weights
file records the model's weights digest it was fitted for and is checked on load.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from findings.errors import ModelError

WEIGHTS = Path(__file__).with_name("query_adapter.npz")


class QueryAdapter:
    """One public method: `adapt(vector) -> vector`. Loads its weights on first use."""

    def __init__(self, path: Path | None = WEIGHTS, model_sha256: str | None = None):
        self.path = path
        self.model_sha256 = model_sha256
        self._maps: tuple[np.ndarray, np.ndarray] | None = None

    @property
    def active(self) -> bool:
        return self.path is not None

    def adapt(self, vector) -> np.ndarray:
        q = np.asarray(vector, dtype=np.float32)
        if self.path is None:
            return q
        up, down = self._load(self.path)
        if q.shape != (down.shape[0],):
            raise ModelError(
                f"{self.path.name}: fitted for {down.shape[0]}-dimensional questions, got "
                f"{q.shape}; set FINDINGS_QUERY_ADAPTER=false for another embedding model."
            )
        moved = q + up @ (down.T @ q)
        return (moved / (float(np.linalg.norm(moved)) or 1.0)).astype(np.float32)

    def _load(self, path: Path) -> tuple[np.ndarray, np.ndarray]:
        if self._maps is None:
            try:
                with np.load(path) as f:
                    up, down, sha = f["up"], f["down"], str(f["model_sha256"])
            except (OSError, KeyError, ValueError) as exc:
                raise ModelError(
                    f"{path}: the query adapter's weights cannot be read ({exc}); reinstall "
                    "findings, or set FINDINGS_QUERY_ADAPTER=false."
                ) from exc
            if self.model_sha256 and sha != self.model_sha256:
                raise ModelError(
                    f"{path.name} was fitted for model weights {sha[:12]}…, not "
                    f"{self.model_sha256[:12]}…; set FINDINGS_QUERY_ADAPTER=false or refit it "
                    "with `python -m bench.adapter`."
                )
            self._maps = (up.astype(np.float32), down.astype(np.float32))
        return self._maps
