"""What a question is about, by meaning rather than by phrase lists.

`IntentClassifier.classify(question) -> Intent` reads the question's embedding (the model that
embeds the paragraphs) with a softmax regression fitted on labelled exemplar questions
(`retrieval/intents.yaml`, data, not code). Nearest-exemplar similarity was tried first: every
question shaped "What did inspectors … about X?" is near every label's exemplars, so the frame,
not the ask, decided ("What did inspectors recommend about mental health?" came out a
strength). A regression learns which directions of the embedding tell the labels apart. A label
is taken when its probability is at least `MIN_PROBABILITY`; otherwise, or when `topic` is the
most probable, the question is a `topic` question, answered by search. `MIN_PROBABILITY` and
`L2` were chosen on the tuning questions' list, rating and topic questions (labels read from
their gold sections: data/eval/dev_qa.jsonl, blind_tune.jsonl, blind_records_tune.jsonl),
never on held-out ones.

The exemplar vectors and the fitted weights are computed once per model and exemplar file and
cached on disk beside the ONNX encoder (`findings.settings.cache_dir()`), so a cold
`findings ask` embeds only the question (the fit takes about a second).
"""

from __future__ import annotations

import functools
import hashlib
import threading
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

from retrieval.text import stem, words
from store.protocols import Embedder

MIN_PROBABILITY = 0.3
L2 = 1e-4
FIT_STEPS = 3000
FIT_RATE = 2.0
TOPIC = "topic"
# how far an earlier inspection's findings as a whole were acted on (retrieval/structured.py)
PROGRESS = "progress"


@dataclass(frozen=True)
class Intent:
    """`label` (`strength`, `rating`, `fact:lead_inspector`, … or `topic`); `probability`, the
    regression's probability of that label; `similarity`, the question's cosine similarity to
    the nearest exemplar of the label (how closely it is phrased like one)."""

    label: str = TOPIC
    probability: float = 0.0
    similarity: float = 0.0

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


@functools.lru_cache(maxsize=1)
def asking_words() -> frozenset[str]:
    """The stems of every word the exemplar questions of the labels other than `topic` use:
    how questions are asked ("number", "dates", "grade", "sum up", "lead inspector"), not the
    topics a report may or may not cover ("first-time entrants", "sickness absence", "knife
    crime", which the `topic` exemplars name)."""
    return frozenset(stem(w) for label, q in load_exemplars() if label != TOPIC for w in words(q))


def _exemplar_text() -> str:
    return resources.files("retrieval").joinpath("intents.yaml").read_text(encoding="utf-8")


class IntentClassifier:
    """One public method: `classify(question) -> Intent`. Cheap to construct; the exemplar
    vectors and weights are loaded (or computed and cached) on first use."""

    def __init__(self, embedder: Embedder, cache: Path | None = None):
        self.embedder = embedder
        self.cache = cache
        self._lock = threading.Lock()
        self._model: _Model | None = None
        self._last: tuple[str, np.ndarray] | None = None  # the last question and its embedding

    def classify(
        self,
        question: str,
        vector: list[float] | None = None,
        ruled_out: str | tuple[str, ...] | None = None,
    ) -> Intent:
        """`ruled_out`: a label prefix (`"collection:"`), or several, the question cannot mean;
        the label is then read among the others, its probability given that it is none of
        those."""
        model = self._exemplars()
        q = np.asarray(vector, dtype=np.float32) if vector is not None else self._vector(question)
        probs = _softmax(np.r_[q, 1.0] @ model.weights)
        if ruled_out:
            probs = np.where([n.startswith(ruled_out) for n in model.names], 0.0, probs)
            probs = probs / probs.sum()
        best = int(np.argmax(probs))
        label = model.names[best]
        if label == TOPIC or probs[best] < MIN_PROBABILITY:
            label = TOPIC
        sims = model.vectors @ q
        nearest = max(
            (float(s) for s, lab in zip(sims, model.labels, strict=True) if lab == label),
            default=0.0,
        )
        return Intent(label, round(float(probs[model.names.index(label)]), 4), round(nearest, 4))

    def _vector(self, question: str) -> np.ndarray:
        """The question's embedding; the last one is kept, as a question read again among the
        other labels (`ruled_out`) is the same text."""
        last = self._last
        if last is not None and last[0] == question:
            return last[1]
        q = np.asarray(self.embedder.embed([question])[0], dtype=np.float32)
        self._last = (question, q)
        return q

    def _exemplars(self) -> _Model:
        with self._lock:
            if self._model is None:
                text = _exemplar_text()
                pairs = load_exemplars(text)
                self._model = self._model_for(text, pairs)
            return self._model

    def _model_for(self, text: str, pairs: list[tuple[str, str]]) -> _Model:
        labels = [label for label, _ in pairs]
        names = sorted(set(labels))
        settings = f"{L2} {FIT_STEPS} {FIT_RATE}"
        key = hashlib.sha256(f"{self.embedder.model_slug}\n{settings}\n{text}".encode())
        path = self.cache / f"intents-{key.hexdigest()[:16]}.npz" if self.cache else None
        if path is not None and path.is_file():
            try:
                with np.load(path) as saved:
                    vectors, weights = saved["vectors"], saved["weights"]
                if vectors.shape[0] == len(pairs) and weights.shape[1] == len(names):
                    return _Model(labels, names, vectors, weights)
            except (OSError, ValueError, KeyError):
                pass  # a damaged cache file is rebuilt below
        vectors = np.asarray(self.embedder.embed([q for _, q in pairs]), dtype=np.float32)
        weights = fit_softmax(vectors, [names.index(label) for label in labels], len(names))
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_suffix(f".{threading.get_ident()}.tmp.npz")
                np.savez(tmp, vectors=vectors, weights=weights)
                tmp.replace(path)
            except OSError:
                pass  # a read-only cache only costs the exemplars' embedding next time
        return _Model(labels, names, vectors, weights)


@dataclass(frozen=True)
class _Model:
    labels: list[str]  # each exemplar's label, in file order
    names: list[str]  # the labels, sorted: the weights' columns
    vectors: np.ndarray  # the exemplars' embeddings
    weights: np.ndarray  # (dimension + 1) x labels; the last row is the bias


def fit_softmax(vectors: np.ndarray, classes: list[int], n_classes: int) -> np.ndarray:
    """Multinomial logistic regression (L2 on the weights, not the bias) by plain gradient
    descent from zeros: deterministic, a second for a few hundred exemplars."""
    z = np.c_[vectors.astype(np.float64), np.ones(len(vectors))]
    y = np.zeros((len(vectors), n_classes))
    y[np.arange(len(vectors)), classes] = 1.0
    w = np.zeros((z.shape[1], n_classes))
    no_bias = np.r_[np.ones(z.shape[1] - 1), 0.0][:, None]
    for _ in range(FIT_STEPS):
        p = _softmax(z @ w)
        w -= FIT_RATE * (z.T @ (p - y) / len(z) + L2 * w * no_bias)
    return w.astype(np.float32)


def _softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)
