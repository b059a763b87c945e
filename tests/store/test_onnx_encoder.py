"""store/onnx_encoder.py: the exported query encoder gives the PyTorch model's vectors."""

from __future__ import annotations

import numpy as np

from findings.settings import BUNDLED_MODEL_SHA256
from store import onnx_encoder as onnx_query
from store.embed import SentenceEmbedder, bundled_model_path

TEXTS = [
    "Did planning improve in Marshbury between its two inspections?",
    "CAMHS",
    "Referrals to MAPPA were late in 3 of the 5 cases that met the criteria. " * 3,
]


def test_exported_encoder_matches_pytorch(embedder):
    path = onnx_query.onnx_path(BUNDLED_MODEL_SHA256)
    assert path.is_file() and path.with_suffix(".json").is_file()  # made when the model loaded
    encoder = onnx_query.load_encoder(str(bundled_model_path()), BUNDLED_MODEL_SHA256)
    assert encoder is not None
    reference = embedder._model().encode(TEXTS, normalize_embeddings=True)
    cosines = (encoder.encode(TEXTS) * reference).sum(axis=1)
    assert np.all(cosines > 0.9999)


def test_a_fresh_embedder_answers_questions_without_pytorch(embedder):
    fresh = SentenceEmbedder()
    vector = fresh.embed(["What was the reoffending rate in Thurrock?"])[0]
    assert fresh._st is None  # the ONNX path answered
    reference = embedder.embed(["What was the reoffending rate in Thurrock?"])[0]
    assert float(np.dot(vector, reference)) > 0.9999


def test_a_damaged_export_is_ignored(embedder, tmp_path, monkeypatch):
    monkeypatch.setenv("FINDINGS_CACHE_DIR", str(tmp_path))
    onnx_query.load_encoder.cache_clear()
    good = onnx_query.onnx_path(BUNDLED_MODEL_SHA256)
    assert (
        onnx_query.export(embedder._model(), str(bundled_model_path()), BUNDLED_MODEL_SHA256)
        == good
    )
    with open(good, "r+b") as fh:  # flip bytes in the middle of the file
        fh.seek(1000)
        fh.write(b"\x00\x01\x02\x03")
    onnx_query.load_encoder.cache_clear()
    assert onnx_query.load_encoder(str(bundled_model_path()), BUNDLED_MODEL_SHA256) is None
    assert SentenceEmbedder().embed(["MAPPA"])  # falls back to PyTorch
    onnx_query.load_encoder.cache_clear()
