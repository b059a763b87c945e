"""store/onnx_encoder.py: the ONNX export gives the PyTorch model's vectors, on every sample
paragraph, and questions and ingests on the CPU never import PyTorch."""

from __future__ import annotations

import numpy as np
import pytest

from findings.settings import BUNDLED_MODEL_SHA256
from store import onnx_encoder
from store.embed import SentenceEmbedder, bundled_model_path

TEXTS = [
    "Did planning improve in Marshbury between its two inspections?",
    "CAMHS",
    "Referrals to MAPPA were late in 3 of the 5 cases that met the criteria. " * 3,
]


def test_exported_encoder_matches_pytorch(embedder):
    path = onnx_encoder.onnx_path(BUNDLED_MODEL_SHA256)
    assert path.is_file() and path.with_suffix(".json").is_file()  # made when the model loaded
    encoder = onnx_encoder.load_encoder(str(bundled_model_path()), BUNDLED_MODEL_SHA256)
    assert encoder is not None
    reference = embedder._model().encode(TEXTS, normalize_embeddings=True)
    cosines = (encoder.encode(TEXTS) * reference).sum(axis=1)
    assert np.all(cosines > 0.9999)


def test_a_fresh_embedder_answers_questions_without_pytorch(embedder):
    fresh = SentenceEmbedder()
    vector = fresh.embed(["What was the reoffending rate in Thurrock?"])[0]
    assert fresh._st is None  # the ONNX path answered
    reference = embedder._model().encode(
        ["What was the reoffending rate in Thurrock?"], normalize_embeddings=True
    )[0]
    assert float(np.dot(vector, reference)) > 0.9999


def test_every_sample_paragraph_embeds_as_with_pytorch(embedder):
    """Stores made with PyTorch stay valid: cosine >= 0.9999 on every paragraph we ship."""
    from conftest import DATA, ROOT

    from ingest.parse import parse_file
    from ingest.pipeline import embedding_input

    sources = [*sorted((ROOT / "data" / "reports").iterdir()), *sorted(DATA.iterdir())]
    sources.append(ROOT.parent / "shared" / "corpus" / "thurrock_sqs_2015.txt")
    inputs = [
        embedding_input(report.meta, p)
        for report in (parse_file(path) for path in sources)
        for p in report.paragraphs
    ]
    assert len(inputs) > 300
    onnx = np.asarray(SentenceEmbedder(device="cpu").embed(inputs))
    torch = embedder._model().encode(inputs, normalize_embeddings=True, batch_size=64)
    assert float(np.min((onnx * torch).sum(axis=1))) >= 0.9999


@pytest.mark.slow
def test_an_ingest_on_the_cpu_never_imports_pytorch(embedder, tmp_path):
    """A whole ingest in a fresh process (the export exists: the session made it)."""
    import subprocess
    import sys

    from conftest import DATA, ROOT, subprocess_env

    script = (
        "import sys, json\n"
        "from findings.settings import get_settings\n"
        "from ingest.pipeline import build_ingester\n"
        f"summary = build_ingester(get_settings(store={str(tmp_path / 's')!r})).run([{str(DATA)!r}])\n"
        "print(json.dumps([len(summary.ingested), summary.failed, 'torch' in sys.modules]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.stdout == "[3, [], false]\n", out.stderr


def test_a_damaged_export_is_ignored(embedder, tmp_path, monkeypatch):
    monkeypatch.setenv("FINDINGS_CACHE_DIR", str(tmp_path))
    onnx_encoder.load_encoder.cache_clear()
    good = onnx_encoder.onnx_path(BUNDLED_MODEL_SHA256)
    assert (
        onnx_encoder.export(embedder._model(), str(bundled_model_path()), BUNDLED_MODEL_SHA256)
        == good
    )
    with open(good, "r+b") as fh:  # flip bytes in the middle of the file
        fh.seek(1000)
        fh.write(b"\x00\x01\x02\x03")
    onnx_encoder.load_encoder.cache_clear()
    assert onnx_encoder.load_encoder(str(bundled_model_path()), BUNDLED_MODEL_SHA256) is None
    assert SentenceEmbedder().embed(["MAPPA"])  # falls back to PyTorch
    onnx_encoder.load_encoder.cache_clear()
