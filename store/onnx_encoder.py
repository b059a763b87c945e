"""The bundled model exported once to ONNX, so that the CPU never needs PyTorch.

Importing sentence-transformers and PyTorch takes 4-11 s on a laptop and half a gigabyte of
memory, most of a cold `findings ask` or a small `findings ingest`. The first time the bundled
model is loaded with PyTorch (`make install` does it: `python -m store.embed`), it is
also exported to ONNX in the cache folder, checked to give the same vectors (cosine >= 0.9999 on
sample texts; the tests check every sample paragraph), and recorded with its sha256. Later
processes embed questions and paragraphs with onnxruntime (installed with Chroma) and the
model's own `tokenizers` tokenizer.
"""

from __future__ import annotations

import json
import os
import warnings
from functools import lru_cache
from pathlib import Path

import numpy as np

from findings.hashing import file_sha256
from findings.settings import cache_dir

CHECK_TEXTS = [
    "What was the reoffending rate in Thurrock?",
    "MAPPA",
    "There was some misunderstanding of the Multi-Agency Public Protection Arrangements processes "
    "within the team although this had not affected those cases that needed to be referred.",
]
MAX_TOKENS = 256  # all-MiniLM-L6-v2's max_seq_length


def onnx_path(weights_sha256: str) -> Path:
    return cache_dir() / f"all-minilm-l6-v2-{weights_sha256[:16]}.onnx"


class OnnxEncoder:
    """Embeds texts exactly as the sentence-transformers model does (mean pooling, normalised)."""

    def __init__(self, session, tokenizer):
        self.session = session
        self.tokenizer = tokenizer

    def encode(self, texts: list[str]) -> np.ndarray:
        enc = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in enc], dtype=np.int64)
        mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        return self.session.run(None, feeds)[0]


@lru_cache(maxsize=2)
def load_encoder(model_dir: str, weights_sha256: str) -> OnnxEncoder | None:
    """The exported encoder, or None when there is none (or it does not check out)."""
    path = onnx_path(weights_sha256)
    sidecar = path.with_suffix(".json")
    if not path.is_file() or not sidecar.is_file():
        return None
    try:
        record = json.loads(sidecar.read_text())
        if record.get("weights_sha256") != weights_sha256 or file_sha256(path) != record.get(
            "onnx_sha256"
        ):
            return None
        import onnxruntime as ort
        from tokenizers import Tokenizer

        options = ort.SessionOptions()
        options.log_severity_level = 3
        session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        tokenizer = Tokenizer.from_file(str(Path(model_dir) / "tokenizer.json"))
        tokenizer.enable_truncation(MAX_TOKENS)
        tokenizer.enable_padding()
        return OnnxEncoder(session, tokenizer)
    except Exception:  # a damaged cache file is ignored: PyTorch still works
        return None


def export(st_model, model_dir: str, weights_sha256: str) -> Path | None:
    """Export the loaded sentence-transformers model; keep it only if it gives the same vectors."""
    path = onnx_path(weights_sha256)
    if path.is_file():
        return path
    try:
        import torch

        transformer = st_model[0].auto_model.cpu().eval()

        class Pooled(torch.nn.Module):
            def __init__(self, inner):
                super().__init__()
                self.inner = inner

            def forward(self, input_ids, attention_mask, token_type_ids):
                out = self.inner(
                    input_ids=input_ids,
                    attention_mask=attention_mask,
                    token_type_ids=token_type_ids,
                ).last_hidden_state
                weights = attention_mask.unsqueeze(-1).to(out.dtype)
                pooled = (out * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
                return torch.nn.functional.normalize(pooled, dim=-1)

        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        sample = torch.ones(2, 8, dtype=torch.long)
        axes = {
            "input_ids": {0: "b", 1: "s"},
            "attention_mask": {0: "b", 1: "s"},
            "token_type_ids": {0: "b", 1: "s"},
        }
        with torch.inference_mode(), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # tracer notes about constant shapes: checked below
            torch.onnx.export(
                Pooled(transformer),
                (sample, sample, torch.zeros_like(sample)),
                str(tmp),
                input_names=list(axes),
                output_names=["embedding"],
                dynamic_axes={**axes, "embedding": {0: "b"}},
                opset_version=17,
                dynamo=False,
            )
        record = {"weights_sha256": weights_sha256, "onnx_sha256": file_sha256(tmp)}
        tmp.with_suffix(".json").write_text(json.dumps(record))
        tmp.rename(path)
        tmp.with_suffix(".json").rename(path.with_suffix(".json"))
        load_encoder.cache_clear()
        encoder = load_encoder(model_dir, weights_sha256)
        reference = st_model.encode(CHECK_TEXTS, normalize_embeddings=True, convert_to_numpy=True)
        if (
            encoder is None
            or float(np.min((encoder.encode(CHECK_TEXTS) * reference).sum(1))) < 0.9999
        ):
            path.unlink(missing_ok=True)
            path.with_suffix(".json").unlink(missing_ok=True)
            load_encoder.cache_clear()
            return None
        return path
    except Exception:  # no onnx package, no space, …: queries keep using PyTorch
        return None
