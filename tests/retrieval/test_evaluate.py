"""retrieval/evaluate.py: the CONTRACT's citation match rule and metrics on hand-built QA items
and answers (exact values), QA file reading, and answering a real QA file in one process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import METRIC_KEYS

from findings.errors import QuestionsFileError
from retrieval.evaluate import answer_all, load_qa, matches, score

pytest_plugins = ["retrieval_fixtures"]

SEED_QA = Path(__file__).resolve().parents[3] / "shared" / "eval" / "seed_dev_qa.jsonl"


def gold(report, section, paragraph=None, ordinal=None) -> dict:
    return {"report": report, "section": section, "paragraph": paragraph, "ordinal": ordinal}


def cite(n, report_id, section, paragraph=None, ordinal=1) -> dict:
    return {
        "n": n,
        "report_id": report_id,
        "section": section,
        "paragraph": paragraph,
        "ordinal": ordinal,
    }


def found(report_id, section, paragraph=None, ordinal=1) -> dict:
    return {"report_id": report_id, "section": section, "paragraph": paragraph, "ordinal": ordinal}


class TestMatches:
    @pytest.mark.parametrize(
        ("citation", "expected"),
        [
            (found("r1", "Reducing reoffending", "1.1", 1), True),
            (found("r1", "Another heading", "1.1", 9), True),  # the number decides
            (found("r2", "Reducing reoffending", "1.1", 1), False),
            (found("r1", "Reducing reoffending", "1.10", 1), False),
            (found("r1", "Reducing reoffending", None, 1), False),
        ],
    )
    def test_numbered_gold(self, citation, expected):
        assert matches(citation, gold("r1", "Reducing reoffending", "1.1")) is expected

    @pytest.mark.parametrize(
        ("citation", "expected"),
        [
            (found("r1", "Key strengths", None, 2), True),
            (found("r1", "KEY STRENGTHS", None, 2), True),  # section is case-insensitive
            (found("r1", "Key strengths", "7", 2), True),  # only section and ordinal compared
            (found("r1", "Key strengths", None, 3), False),
            (found("r1", "Areas requiring improvement", None, 2), False),
            (found("r2", "Key strengths", None, 2), False),
        ],
    )
    def test_unnumbered_gold(self, citation, expected):
        assert matches(citation, gold("r1", "key strengths", None, 2)) is expected

    def test_number_compared_as_text(self):
        assert matches(found("r1", "Grades", "3", 1), gold("r1", "Grades", 3)) is True


def _answer(citations, text, abstained=False, retrieved=(), total=0.0) -> dict:
    return {
        "answer": text,
        "abstained": abstained,
        "citations": citations,
        "retrieved": list(retrieved),
        "timings_ms": {"total": total},
    }


class TestScore:
    @pytest.fixture
    def items(self):
        return [
            {
                "question": "q1",
                "gold": [
                    gold("r1", "Reducing reoffending", "1.1"),
                    gold("r1", "Key strengths", None, 2),
                ],
                "must_contain": ["39.6%"],
            },
            {
                "question": "q2",
                "gold": [gold("r2", "Summary", None, 1)],
                "must_contain": ["good", "all"],
            },
            {"question": "q3", "gold": []},
            {"question": "q4", "gold": []},
            {
                "question": "q5",
                "gold": [gold("r1", "Protecting the public", "2.1")],
                "must_contain": ["x"],
            },
        ]

    @pytest.fixture
    def answers(self):
        return [
            _answer(
                [
                    cite(1, "r1", "Reducing reoffending", "1.1", 1),
                    cite(2, "r1", "key strengths", None, 2),
                    cite(3, "r1", "Reducing reoffending", "1.2", 2),
                ],
                "The rate was 39.6% [1] [2] [3]",
                retrieved=[
                    found("r1", "Reducing reoffending", "1.2", 2),
                    found("r1", "Reducing reoffending", "1.1", 1),
                ],
                total=10.0,
            ),
            _answer(
                [cite(1, "r2", "Summary", None, 2), cite(2, "r2", "Summary", None, 1)],
                "GOOD in ALL cases [1] [2]",
                retrieved=[found("r2", "Summary", None, 1)],
                total=20.0,
            ),
            _answer([], "The reports do not answer this question.", abstained=True, total=30.0),
            _answer([cite(1, "r1", "Summary", None, 1)], "A wrong answer [1]", total=40.0),
            _answer(
                [],
                "The reports do not answer this question.",
                abstained=True,
                retrieved=[found("r1", "Context", None, n) for n in range(1, 5)]
                + [found("r1", "Protecting the public", "2.1", 1)],
                total=50.0,
            ),
        ]

    def test_exact_metrics(self, items, answers):
        assert score(items, answers) == {
            "questions": 5,
            "answerable": 3,
            "unanswerable": 2,
            "citation_precision": 0.6,  # 3 of the 5 citations on answerable questions match
            "citation_recall": 0.75,  # 3 of 4 gold entries found
            "top_citation_accuracy": 0.3333,  # only q1's [1] matches
            "must_contain_accuracy": 0.6667,  # q1, q2 (case-insensitive); not q5
            "abstention_recall": 0.5,  # q3 abstained, q4 did not
            "false_abstention_rate": 0.3333,  # q5
            "evidence_recall@1": 0.3333,  # q2
            "evidence_recall@4": 0.6667,  # q1, q2
            "evidence_recall@5": 1.0,  # q5's gold is 5th
            "evidence_recall@8": 1.0,
            "latency_ms_p50": 30.0,
            "latency_ms_p95": 48.0,
        }
        assert list(score(items, answers)) == METRIC_KEYS

    def test_custom_k(self, items, answers):
        out = score(items, answers, ks=(2, 5))
        assert (out["evidence_recall@2"], out["evidence_recall@5"]) == (0.6667, 1.0)
        assert "evidence_recall@8" not in out

    def test_only_answerable_questions(self, items, answers):
        out = score(items[:2], answers[:2])
        assert out["abstention_recall"] is None
        assert (out["citation_precision"], out["citation_recall"]) == (0.6, 1.0)
        assert out["latency_ms_p50"] == 15.0

    def test_no_citations_at_all(self):
        out = score([{"question": "q", "gold": [gold("r1", "S", "1")]}], [_answer([], "no")])
        assert (out["citation_precision"], out["citation_recall"]) == (0.0, 0.0)
        assert out["top_citation_accuracy"] == 0.0
        assert out["must_contain_accuracy"] == 1.0  # nothing to contain

    def test_unpaired_lists_are_refused(self, items, answers):
        with pytest.raises(ValueError):
            score(items, answers[:-1])


class TestLoadQa:
    def test_reads_every_object_skipping_blank_lines(self, tmp_path):
        path = tmp_path / "qa.jsonl"
        path.write_text('{"id": "a", "question": "Q1"}\n\n  \n{"question": "Q2", "gold": []}\n')
        assert load_qa(path) == [{"id": "a", "question": "Q1"}, {"question": "Q2", "gold": []}]

    def test_seed_file(self):
        items = load_qa(SEED_QA)
        assert len(items) == 12
        assert items[0]["id"] == "d001"

    def test_bad_json_names_the_line(self, tmp_path):
        path = tmp_path / "qa.jsonl"
        path.write_text('{"question": "Q1"}\n{"question": \n')
        with pytest.raises(QuestionsFileError) as err:
            load_qa(path)
        assert str(err.value) == (
            f"{path}, line 2: not valid JSON (Expecting value). Each line must be one JSON object."
        )

    @pytest.mark.parametrize("line", ['{"id": 1}', '["Q"]', '{"question": 5}'])
    def test_missing_question_names_the_line(self, tmp_path, line):
        path = tmp_path / "qa.jsonl"
        path.write_text(f'{{"question": "Q1"}}\n{line}\n')
        with pytest.raises(QuestionsFileError) as err:
            load_qa(path)
        assert str(err.value) == f'{path}, line 2: needs a "question" string.'


class TestAnswerAll:
    def test_answers_in_order_as_ask_json(self, thurrock_assistant, tmp_path):
        path = tmp_path / "qa.jsonl"
        rows = [
            {"id": "x1", "question": "Was enforcement action taken promptly in Thurrock?"},
            {
                "id": "x2",
                "question": "What did it say about pre-sentence reports?",
                "history": ["What was the reoffending rate in Thurrock?"],
            },
            {"id": "x3", "question": "How many staff did the Thurrock YOS employ?"},
        ]
        path.write_text("".join(json.dumps(r) + "\n" for r in rows))
        out = answer_all(thurrock_assistant, load_qa(path))
        assert [a["id"] for a in out] == ["x1", "x2", "x3"]
        assert [[c["paragraph"] for c in a["citations"]] for a in out] == [["4.4"], ["1.2"], []]
        assert [a["abstained"] for a in out] == [False, False, True]
        single = thurrock_assistant.ask(rows[1]["question"], history=rows[1]["history"]).to_json()
        assert {**out[1], "timings_ms": None, "id": None} == {**single, "timings_ms": None}

    def test_seed_metrics_have_the_contract_keys(self, thurrock_assistant):
        items = load_qa(SEED_QA)
        metrics = score(items, answer_all(thurrock_assistant, items))
        assert list(metrics) == METRIC_KEYS
        assert (metrics["questions"], metrics["answerable"], metrics["unanswerable"]) == (12, 10, 2)
