"""retrieval/answer.py `_told_only_in_another`, end to end on a small hand-built corpus with the
real bundled model's vectors: a thing asked of one report that only another report of its area
tells of (a figure for the other year) is answered by saying so, not by the targeted report's
closest paragraph."""

from __future__ import annotations

import pytest

from retrieval.answer import ExtractiveAnswerer
from retrieval.corpus import build_corpus
from retrieval.hybrid import HybridRetriever
from retrieval.plan import QuestionPlanner

REPORTS = [
    {"report_id": "p15", "area": "Pellmoor", "year": 2015, "inspection_type": "sqs"},
    {"report_id": "p21", "area": "Pellmoor", "year": 2021, "inspection_type": "unknown"},
    {"report_id": "a16", "area": "Avonby", "year": 2016, "inspection_type": "sqs"},
    {"report_id": "b18", "area": "Brill", "year": 2018, "inspection_type": "sqs"},
    {"report_id": "c19", "area": "Calder", "year": 2019, "inspection_type": "sqs"},
]
ROWS = [
    ("p15", "Protecting the child", "A mental health nurse gave case managers quick advice."),
    ("p15", "Staff", "Case managers were well supported and supervised each month."),
    ("p21", "Staff", "Sickness absence fell to 6.1 days per person in 2020/21."),
    ("p21", "Planning", "Plans to keep children safe were sound in most cases."),
    ("a16", "Planning", "Plans to keep children safe were sound in most cases."),
    ("b18", "Staff", "Case managers were well supported by their managers."),
    ("c19", "Planning", "Plans were reviewed when circumstances changed."),
]


@pytest.fixture(scope="module")
def ask(embedder):
    texts = [t for _, _, t in ROWS]
    corpus = build_corpus(
        REPORTS,
        {
            "ids": [f"r{i}" for i in range(len(ROWS))],
            "texts": texts,
            "metadatas": [
                {"report_id": r, "section": s, "ordinal": 1, "kind": "prose"} for r, s, _ in ROWS
            ],
            "embeddings": embedder.embed(texts),
        },
    )
    retriever = HybridRetriever(store=None, embedder=embedder)  # type: ignore[arg-type]
    answerer = ExtractiveAnswerer(embedder=embedder)

    def run(question):
        plan = QuestionPlanner().plan(question, None, None, corpus)
        return answerer.answer(plan, retriever.retrieve(plan, corpus, 4), corpus), corpus

    return run


def test_a_figure_only_the_other_report_gives_is_not_answered_from_this_one(ask):
    draft, corpus = ask("What was sickness absence at Pellmoor in 2015?")
    assert draft.abstained is True
    assert draft.cited == []
    assert (
        f"{corpus.label('p15')} does not mention “sickness absence”; "
        f"{corpus.label('p21')} does." in draft.text
    )


def test_asked_of_the_report_that_gives_it_the_figure_is_quoted(ask):
    draft, _ = ask("What was sickness absence at Pellmoor in 2021?")
    assert draft.abstained is False
    assert [(c.hit.report_id, c.quote) for c in draft.cited][:1] == [
        ("p21", "Sickness absence fell to 6.1 days per person in 2020/21.")
    ]
