"""What a question is about, by meaning rather than by phrase lists.

`IntentClassifier.classify(question) -> Intent` compares the question's embedding with labelled
exemplar questions (`retrieval/intents.yaml`, data, not code) using the same model that embeds
the paragraphs. A label is taken only when its nearest exemplar is similar enough (`MIN_SIMILARITY`)
and clearly nearer than the nearest plain `topic` exemplar (`MARGIN`); otherwise the question is a
`topic` question, answered by search. Both thresholds were fitted on the tuning questions
(`data/eval/dev_qa.jsonl`, `data/eval/blind_tune.jsonl`), never on held-out ones.

The exemplar vectors are computed once per model and exemplar file and cached on disk beside the
ONNX encoder (`findings.settings.cache_dir()`), so a cold `findings ask` embeds only the question.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

from store.protocols import Embedder

MIN_SIMILARITY = 0.6
MARGIN = 0.1
TOPIC = "topic"


@dataclass(frozen=True)
class Intent:
    """`label` (`strength`, `rating`, `fact:lead_inspector`, … or `topic`), the similarity of
    the nearest exemplar of that label, and the margin over the nearest `topic` exemplar."""

    label: str = TOPIC
    similarity: float = 0.0
    margin: float = 0.0

    @property
    def list_kind(self) -> str | None:
        """`strength`, `improvement` or `recommendation` when the question asks for a list."""
        return self.label if self.label in ("strength", "improvement", "recommendation") else None

    @property
    def collection(self) -> str | None:
        """`latest`, `earliest`, `repeated` or `all` (the nearest exemplars' guess; the planner
        reads which from the question's words) when the question is about the stored reports
        themselves ("What is our most recent report?"), not what they say."""
        return self.label.split(":", 1)[1] if self.label.startswith("collection:") else None

    @property
    def fact(self) -> str | None:
        """The fact subject (`lead_inspector`, …) when the question asks for one printed fact."""
        return self.label.split(":", 1)[1] if self.label.startswith("fact:") else None


def load_exemplars(text: str | None = None) -> list[tuple[str, str]]:
    """(label, question) pairs from the YAML file (or `text`); raises ValueError naming the
    problem when the file is not a mapping of label -> list of questions or has no `topic`."""
    import yaml

    raw = text if text is not None else _exemplar_text()
    data = yaml.safe_load(raw)
    if not isinstance(data, dict) or TOPIC not in data:
        raise ValueError("retrieval/intents.yaml: expected a mapping of labels, including 'topic'")
    pairs = []
    for label, questions in data.items():
        if not isinstance(questions, list) or not all(isinstance(q, str) for q in questions):
            raise ValueError(f"retrieval/intents.yaml: '{label}' must be a list of questions")
        pairs += [(str(label), q) for q in questions]
    return pairs


def _exemplar_text() -> str:
    return resources.files("retrieval").joinpath("intents.yaml").read_text(encoding="utf-8")


class IntentClassifier:
    """One public method: `classify(question) -> Intent`. Cheap to construct; the exemplar
    vectors are loaded (or computed and cached) on first use."""

    def __init__(self, embedder: Embedder, cache: Path | None = None):
        self.embedder = embedder
        self.cache = cache
        self._lock = threading.Lock()
        self._labels: list[str] | None = None
        self._vectors: np.ndarray | None = None

    def classify(self, question: str, vector: list[float] | None = None) -> Intent:
        labels, vectors = self._exemplars()
        q = np.asarray(
            vector if vector is not None else self.embedder.embed([question])[0], dtype=np.float32
        )
        sims = vectors @ q
        best: dict[str, float] = {}
        for label, s in zip(labels, sims.tolist(), strict=True):
            best[label] = max(best.get(label, -1.0), s)
        topic = best.pop(TOPIC, -1.0)
        if not best:
            return Intent(TOPIC, topic, 0.0)
        label = max(best, key=lambda k: best[k])
        margin = best[label] - topic
        if best[label] >= MIN_SIMILARITY and margin >= MARGIN:
            return Intent(label, round(best[label], 4), round(margin, 4))
        return Intent(TOPIC, round(topic, 4), round(margin, 4))

    def _exemplars(self) -> tuple[list[str], np.ndarray]:
        with self._lock:
            if self._labels is None or self._vectors is None:
                text = _exemplar_text()
                pairs = load_exemplars(text)
                self._labels = [label for label, _ in pairs]
                self._vectors = self._vectors_for(text, [q for _, q in pairs])
            return self._labels, self._vectors

    def _vectors_for(self, text: str, questions: list[str]) -> np.ndarray:
        key = hashlib.sha256(f"{self.embedder.model_slug}\n{text}".encode()).hexdigest()[:16]
        path = self.cache / f"intents-{key}.npy" if self.cache else None
        if path is not None and path.is_file():
            try:
                vectors = np.load(path)
                if vectors.shape[0] == len(questions):
                    return vectors
            except (OSError, ValueError):
                pass  # a damaged cache file is rebuilt below
        vectors = np.asarray(self.embedder.embed(questions), dtype=np.float32)
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_suffix(f".{threading.get_ident()}.tmp.npy")
                np.save(tmp, vectors)
                tmp.replace(path)
            except OSError:
                pass  # a read-only cache only costs the exemplars' embedding next time
        return vectors
