"""Question intents by meaning (retrieval.intents), with the real bundled model."""

from __future__ import annotations

import numpy as np
import pytest

from retrieval.intents import IntentClassifier, fit_softmax, load_exemplars


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


def test_exemplar_vectors_and_weights_are_cached_on_disk_and_reused(embedder, tmp_path):
    first = Counting(embedder)
    IntentClassifier(first, tmp_path).classify("What were the key strengths?")
    n_exemplars = len(load_exemplars())
    assert first.texts == n_exemplars + 1
    [cached] = tmp_path.glob("intents-*.npz")
    with np.load(cached) as saved:
        assert saved["vectors"].shape == (n_exemplars, 384)
        n_labels = len({label for label, _ in load_exemplars()})
        assert saved["weights"].shape == (385, n_labels)
    again = Counting(embedder)
    IntentClassifier(again, tmp_path).classify("What were the key strengths?")
    assert again.texts == 1  # only the question


def test_a_damaged_cache_file_is_rebuilt(embedder, tmp_path):
    IntentClassifier(embedder, tmp_path).classify("Who signed the letter?")
    [cached] = tmp_path.glob("intents-*.npz")
    cached.write_bytes(b"not numpy")
    assert IntentClassifier(embedder, tmp_path).classify("Who signed the letter?").label == (
        "fact:signatory"
    )


def test_the_frame_of_a_question_does_not_decide_its_label(classifier):
    """Nearest-exemplar similarity read these by their shared frame ("What did inspectors …
    about X?"); the regression reads what is asked."""
    assert classifier.classify(
        "What did inspectors recommend about mental health services?"
    ).label in ("recommendation", "topic")
    assert classifier.classify("What did inspectors recommend?").label == "recommendation"
    assert classifier.classify("What were the weak spots?").label == "improvement"


def test_probability_and_nearest_similarity(classifier):
    intent = classifier.classify("Who was the lead inspector?")
    assert intent.probability > 0.5
    assert intent.similarity == pytest.approx(1.0, abs=1e-3)  # an exemplar, word for word
    topic = classifier.classify("How well were victims' wishes taken into account?")
    assert topic.label == "topic"


def test_the_softmax_fit_separates_two_clusters():
    rng = np.random.default_rng(0)
    a = rng.normal(size=(20, 8)) + 3.0
    b = rng.normal(size=(20, 8)) - 3.0
    w = fit_softmax(np.r_[a, b], [0] * 20 + [1] * 20, 2)
    scores = np.c_[np.r_[a, b], np.ones(40)] @ w
    assert (scores.argmax(axis=1) == np.r_[np.zeros(20), np.ones(20)]).all()


def test_an_exemplar_file_without_topic_is_refused():
    with pytest.raises(ValueError, match="including 'topic'"):
        load_exemplars("strength:\n  - What went well?\n")
    with pytest.raises(ValueError, match="'strength' must be a list of questions"):
        load_exemplars("topic:\n  - What about X?\nstrength: 3\n")


def test_a_ruled_out_kind_is_read_among_the_other_labels(classifier):
    question = "When was the latest inspection published?"
    assert classifier.classify(question).collection == "latest"
    reread = classifier.classify(question, ruled_out="collection:")
    assert reread.label == "fact:publication_date"
    # its probability is given that it is no collection question: above the plain reading's
    assert reread.probability > 0.35
