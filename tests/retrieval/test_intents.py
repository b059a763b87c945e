"""Question intents by meaning (retrieval.intents), with the real bundled model."""

from __future__ import annotations

import numpy as np
import pytest

from retrieval.intents import IntentClassifier, load_exemplars


class Counting:
    """The real embedder, counting the texts it is asked to embed."""

    def __init__(self, embedder):
        self.inner = embedder
        self.texts = 0

    @property
    def model_slug(self):
        return self.inner.model_slug

    def embed(self, texts):
        self.texts += len(texts)
        return self.inner.embed(texts)

    def warm_up(self):
        self.inner.warm_up()


@pytest.fixture(scope="module")
def classifier(embedder, tmp_path_factory):
    return IntentClassifier(embedder, tmp_path_factory.mktemp("cache"))


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("What were the key strengths?", "strength"),
        ("What did inspectors say about planning?", "topic"),
        ("How well were victims' wishes taken into account?", "topic"),
        ("Who was the lead inspector?", "fact:lead_inspector"),
    ],
)
def test_exemplar_questions_and_plain_topics(classifier, question, label):
    assert classifier.classify(question).label == label


def test_the_list_kind_and_fact_are_read_from_the_label(classifier):
    assert classifier.classify("What were the key strengths?").list_kind == "strength"
    assert classifier.classify("Who was the lead inspector?").fact == "lead_inspector"
    assert classifier.classify("What did inspectors say about planning?").fact is None


def test_exemplar_vectors_are_cached_on_disk_and_reused(embedder, tmp_path):
    first = Counting(embedder)
    IntentClassifier(first, tmp_path).classify("What were the key strengths?")
    n_exemplars = len(load_exemplars())
    assert first.texts == n_exemplars + 1
    [cached] = tmp_path.glob("intents-*.npy")
    assert np.load(cached).shape[0] == n_exemplars
    again = Counting(embedder)
    IntentClassifier(again, tmp_path).classify("What were the key strengths?")
    assert again.texts == 1  # only the question


def test_a_damaged_cache_file_is_rebuilt(embedder, tmp_path):
    IntentClassifier(embedder, tmp_path).classify("Who signed the letter?")
    [cached] = tmp_path.glob("intents-*.npy")
    cached.write_bytes(b"not numpy")
    assert IntentClassifier(embedder, tmp_path).classify("Who signed the letter?").label == (
        "fact:signatory"
    )


def test_an_exemplar_file_without_topic_is_refused():
    with pytest.raises(ValueError, match="including 'topic'"):
        load_exemplars("strength:\n  - What went well?\n")
    with pytest.raises(ValueError, match="'strength' must be a list of questions"):
        load_exemplars("topic:\n  - What about X?\nstrength: 3\n")
