"""The query adapter (retrieval.adapter): the bundled weights, their checks, and what it changes
in retrieval. The real bundled model and a real Chroma store (the sample reports)."""

from __future__ import annotations

import numpy as np
import pytest

from findings.errors import ModelError
from findings.settings import BUNDLED_MODEL_SHA256, Settings
from retrieval.adapter import WEIGHTS, QueryAdapter
from retrieval.assistant import Assistant, build_assistant, bundled_adapter

pytest_plugins = ["retrieval_fixtures"]


class TestQueryAdapter:
    def test_bundled_weights_move_a_question(self, embedder):
        raw = np.asarray(embedder.embed(["Who manages the youth offending service?"])[0])
        moved = QueryAdapter(model_sha256=BUNDLED_MODEL_SHA256).adapt(raw)
        assert moved.shape == (384,)
        assert float(np.linalg.norm(moved)) == pytest.approx(1.0, abs=1e-5)
        assert float(moved @ raw) < 0.99
        # the same question is always moved the same way
        assert np.array_equal(QueryAdapter().adapt(raw), moved)

    def test_without_weights_the_vector_is_unchanged(self):
        raw = np.linspace(-1, 1, 384, dtype=np.float32)
        assert np.array_equal(QueryAdapter(path=None).adapt(raw), raw)
        assert not QueryAdapter(path=None).active

    def test_weights_for_other_model_weights_are_refused(self):
        with pytest.raises(ModelError) as err:
            QueryAdapter(model_sha256="0" * 64).adapt(np.ones(384, dtype=np.float32))
        assert str(err.value) == (
            f"query_adapter.npz was fitted for model weights {BUNDLED_MODEL_SHA256[:12]}…, not "
            "000000000000…; set FINDINGS_QUERY_ADAPTER=false or refit it with "
            "`python -m bench.adapter`."
        )

    def test_another_dimension_is_refused(self):
        with pytest.raises(ModelError, match=r"fitted for 384-dimensional questions, got \(768,\)"):
            QueryAdapter().adapt(np.ones(768, dtype=np.float32))

    def test_an_unreadable_weights_file_says_what_to_do(self, tmp_path):
        broken = tmp_path / "query_adapter.npz"
        broken.write_bytes(b"not an npz file")
        with pytest.raises(ModelError, match="cannot be read .*set FINDINGS_QUERY_ADAPTER=false"):
            QueryAdapter(path=broken).adapt(np.ones(384, dtype=np.float32))

    def test_the_shipped_file_names_the_bundled_model(self):
        with np.load(WEIGHTS) as f:
            assert str(f["model_sha256"]) == BUNDLED_MODEL_SHA256
            assert f["up"].shape == f["down"].shape == (384, 32)


class TestWiring:
    def test_the_bundled_model_gets_the_adapter_another_does_not(self, embedder):
        assert bundled_adapter(embedder).active

        class Other:
            model_slug = "some_other_model"

        assert not bundled_adapter(Other()).active  # type: ignore[arg-type]

    def test_setting_turns_it_off(self, tmp_path, embedder):
        on = build_assistant(Settings(store=tmp_path / "s"), embedder)
        off = build_assistant(Settings(store=tmp_path / "s", query_adapter=False), embedder)
        assert on.retriever.adapter.active and not off.retriever.adapter.active


class TestRetrieval:
    QUESTION = "How good were Marshbury's intervention plans at the first screening?"

    def test_a_paraphrase_finds_the_paragraph_that_judges_the_plans(self, sample_store, embedder):
        answer = Assistant(sample_store, embedder).ask(self.QUESTION).to_json()
        top = answer["citations"][0]
        assert (top["report_id"], top["paragraph"]) == ("marshbury_sqs_2014", "1.2")
        assert answer["answer"].startswith(
            "“Planning to reduce reoffending was weak. Intervention plans were sufficient in only "
            "7 of the 16 cases"
        )

    def test_unadapted_the_same_question_finds_the_one_on_taking_part(self, sample_store, embedder):
        plain = Assistant(sample_store, embedder, adapter=QueryAdapter(path=None))
        top = plain.ask(self.QUESTION).to_json()["citations"][0]
        assert (top["report_id"], top["paragraph"]) == ("marshbury_sqs_2014", "1.3")


class TestFitting:
    """bench.adapter: what it fits on, and that the fit learns a ranking the cosine gets wrong."""

    def test_tuning_files_never_include_a_held_out_set(self):
        from bench.adapter import HELD_OUT, ROOT, tuning_files

        files = tuning_files()
        assert not [f for f in files if f.parent.name in HELD_OUT]
        assert ROOT / "data/eval/tune24/tune.jsonl" in files
        assert ROOT / "data/eval/dev_qa.jsonl" in files
        assert {"fresh25", "fresh26"} <= HELD_OUT

    def test_the_fit_ranks_the_gold_paragraph_first(self):
        from bench.adapter import fit, top1

        rng = np.random.default_rng(0)

        def unit(v):
            return (v / np.linalg.norm(v)).astype(np.float32)

        # each question sits nearer a distractor than its gold paragraph, the gold always lying
        # along one direction the question lacks: a map that adds that direction mends them all
        direction = unit(rng.normal(size=384))
        items = []
        for _ in range(40):
            q = unit(rng.normal(size=384))
            distractor = unit(q + 0.6 * unit(rng.normal(size=384)))
            gold = unit(q + 1.2 * direction + 0.6 * unit(rng.normal(size=384)))
            items.append(
                {
                    "q": q,
                    "P": np.stack([distractor, gold]),
                    "rest": np.zeros(2, dtype=np.float32),
                    "gold": np.array([False, True]),
                }
            )
        assert top1(items, None) == 0.0
        assert top1(items, fit(items)) == 1.0
