"""retrieval/corpus.py `Corpus.printed_text` in the planner's year checks and the answerer's
identifier check, end to end on a small hand-built corpus with the real bundled model: a year
no report is dated but a later report tells of only in a key fact's footnote ("First-time
entrants per 100,000 … | 212", its note "January to December 2021") is printed by that key fact:
the question is answered with it, not abstained on."""

from __future__ import annotations

import pytest

from retrieval.answer import ExtractiveAnswerer
from retrieval.corpus import build_corpus
from retrieval.hybrid import HybridRetriever
from retrieval.plan import QuestionPlanner

REPORTS = [
    {"report_id": "l16", "area": "Lanby", "year": 2016, "inspection_type": "sqs"},
    {"report_id": "l22", "area": "Lanby", "year": 2022, "inspection_type": "unknown"},
]
ROWS = [
    ("l16", "Reducing reoffending", "Case managers knew the children well.", []),
    (
        "l22",
        "Key facts",
        "First-time entrants per 100,000 children aged 10 to 17, Lanby³ | 212",
        ["³ First-time entrants to the youth justice system, January to December 2021."],
    ),
    ("l22", "Key facts", "Total YJS budget 2022/23 | £2,846,000", []),
    ("l22", "Staff", "The service has 47 staff, equivalent to 39.6 full-time posts.", []),
]


@pytest.fixture(scope="module")
def ask(embedder):
    texts = [t for _, _, t, _ in ROWS]
    corpus = build_corpus(
        REPORTS,
        {
            "ids": [f"r{i}" for i in range(len(ROWS))],
            "texts": texts,
            "metadatas": [
                {"report_id": r, "section": s, "ordinal": 1, "kind": "table_row", "footnotes": n}
                for r, s, _, n in ROWS
            ],
            "embeddings": embedder.embed(texts),
        },
    )
    retriever = HybridRetriever(store=None, embedder=embedder)  # type: ignore[arg-type]
    answerer = ExtractiveAnswerer(embedder=embedder)

    def run(question):
        plan = QuestionPlanner().plan(question, None, None, corpus)
        return answerer.answer(plan, retriever.retrieve(plan, corpus, 4), corpus)

    return run


def test_a_year_told_only_by_a_key_fact_s_note_is_answered_by_the_key_fact(ask):
    draft = ask("lanby first-time entrants per 100,000 2021")
    assert draft.abstained is False
    assert draft.cited[0].hit.text == ROWS[1][2]
    assert "212" in draft.text


def test_a_year_no_paragraph_or_note_tells_of_is_still_abstained_on(ask):
    draft = ask("lanby first-time entrants per 100,000 2019")
    assert draft.abstained is True
    assert draft.cited == []
