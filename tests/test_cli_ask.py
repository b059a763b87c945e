"""cli.py `ask` and `eval`: the CONTRACT's JSON, batch files, error texts and exit codes, run as a
real process (and in-process with CliRunner where many answers are compared) on a real store
holding the real Thurrock report."""

from __future__ import annotations

import json
import os
import re
import subprocess

import pytest
from conftest import CONTRACT_KEYS, METRIC_KEYS, ROOT, findings_cmd, subprocess_env
from typer.testing import CliRunner

from cli import app
from findings.settings import get_settings
from findings.text import normalise_space
from ingest.pipeline import Ingester
from retrieval.assistant import Assistant
from retrieval.evaluate import answer_all, load_qa, score
from store.chroma import ChromaStore

THURROCK = ROOT.parent / "shared" / "corpus" / "thurrock_sqs_2015.txt"
SEED_QA = ROOT.parent / "shared" / "eval" / "seed_dev_qa.jsonl"
REOFFENDING = "What was the reoffending rate in Thurrock?"
EMPTY = 'error: question: is empty. Ask a question in words, e.g. "What did inspectors say about planning?"'


def too_long(n: int) -> str:
    return (
        f"error: question: {n:,} characters is over the 2,000-character limit. Ask a shorter "
        "question; to search for a passage, quote a sentence or two of it."
    )


@pytest.fixture(scope="module")
def store(tmp_path_factory, embedder) -> ChromaStore:
    """A real embedded store with the real Thurrock report, ingested once for this module."""
    folder = tmp_path_factory.mktemp("ask")
    with pytest.MonkeyPatch.context() as mp:  # `isolate` is function-scoped: not active yet
        mp.chdir(folder)
        for name in [n for n in os.environ if n.startswith("FINDINGS_")]:
            mp.delenv(name)
        store = ChromaStore(folder / "store", model_slug=embedder.model_slug)
        assert Ingester(store, embedder, get_settings()).run([THURROCK]).failed == []
    return store


def findings(*args, timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run(
        findings_cmd(*[str(a) for a in args]),
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture
def run(embedder):  # the session fixture loads the model that the CLI's embedder then reuses
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)

    return invoke


def without_timings(answer: dict) -> dict:
    return {k: v for k, v in answer.items() if k != "timings_ms"}


def check_markers(answer: dict) -> None:
    """Every [n] in the answer has a citation, and every citation is used."""
    markers = sorted({int(n) for n in re.findall(r"\[(\d+)\]", answer["answer"])})
    assert markers == [c["n"] for c in answer["citations"]]
    assert markers == list(range(1, len(markers) + 1))


class TestAskOne:
    @pytest.mark.slow
    def test_reoffending_rate_as_json(self, store):
        """The issue's "Done when": one process, one JSON object, the Summary ¶1 citation."""
        done = findings("ask", REOFFENDING, "--json", "--store", store.path)
        assert (done.returncode, done.stderr) == (0, "")
        assert done.stdout.count("\n") == 1
        answer = json.loads(done.stdout)
        assert list(answer) == CONTRACT_KEYS
        assert (answer["id"], answer["question"], answer["abstained"], answer["mode"]) == (
            None,
            REOFFENDING,
            False,
            "extractive",
        )
        quote = (
            "The published reoffending rate¹ for Thurrock was 39.6% against the England and "
            "Wales average of 36.1%."
        )
        first = answer["citations"][0]
        assert {k: v for k, v in first.items() if k != "score"} == {
            "n": 1,
            "report_id": "thurrock_sqs_2015",
            "report_title": (
                "Report of Short Quality Screening (SQS) of youth offending work in Thurrock"
            ),
            "area": "Thurrock",
            "year": 2015,
            "section": "Summary",
            "paragraph": None,
            "ordinal": 1,
            "page": None,
            "label": "Thurrock SQS 2015 · Summary ¶1",
            "quote": quote,
        }
        assert isinstance(first["score"], float)
        assert "39.6%" in answer["answer"] and "36.1%" in answer["answer"]
        check_markers(answer)
        stored = {
            (p["section"], p["ordinal"]): p["text"]
            for p in store.get_paragraphs("thurrock_sqs_2015")
        }
        for c in answer["citations"]:
            assert normalise_space(c["quote"]) in normalise_space(
                stored[(c["section"], c["ordinal"])]
            )
        assert len(answer["retrieved"]) >= 8  # the default --top-k
        assert answer["retrieved"][0] == {
            "rank": 1,
            "report_id": "thurrock_sqs_2015",
            "section": "Summary",
            "paragraph": None,
            "ordinal": 1,
            "score": answer["retrieved"][0]["score"],
        }
        assert [r["rank"] for r in answer["retrieved"]] == list(
            range(1, len(answer["retrieved"]) + 1)
        )
        assert list(answer["timings_ms"]) == ["retrieve", "answer", "total"]

    def test_top_k_and_history_options(self, run, store):
        out = run(
            "ask",
            "What did it say about pre-sentence reports?",
            "--history",
            REOFFENDING,
            "--top-k",
            "3",
            "--json",
            "--store",
            store.path,
        )
        assert out.exit_code == 0
        answer = json.loads(out.stdout)
        assert len(answer["retrieved"]) == 3
        assert [(c["paragraph"], c["label"]) for c in answer["citations"]] == [
            ("1.2", "Thurrock SQS 2015 ¶1.2")
        ]

    def test_abstains_with_related_paragraphs(self, run, store):
        out = run(
            "ask", "How many staff did the Thurrock YOS employ?", "--json", "--store", store.path
        )
        assert out.exit_code == 0
        answer = json.loads(out.stdout)
        assert list(answer) == [*CONTRACT_KEYS, "related"]
        assert (answer["abstained"], answer["citations"]) == (True, [])
        assert answer["answer"] == (
            "The reports do not answer this question. Thurrock SQS 2015 does not give how many "
            "staff the service employed."
        )
        assert len(answer["related"]) == 3
        assert list(answer["related"][0]) == [
            "report_id",
            "section",
            "paragraph",
            "ordinal",
            "label",
            "text",
        ]

    def test_area_filter_option(self, run, store):
        out = run(
            "ask",
            "What did inspectors say about planning?",
            "--area",
            "Northfield",
            "--json",
            "--store",
            store.path,
        )
        assert out.exit_code == 0
        answer = json.loads(out.stdout)
        assert answer["abstained"] is True and answer["citations"] == []
        assert answer["answer"] == (
            "The reports do not answer this question. No stored report matches the filters."
        )

    def test_text_output(self, run, store):
        out = run(
            "ask", "Was enforcement action taken promptly in Thurrock?", "--store", store.path
        )
        assert out.exit_code == 0
        # the answer, a blank line, then each citation: its label, and its quote indented
        # (rich wraps long lines at the console width, so compare words, not line breaks)
        answer, citation = out.stdout.split("\n\n")
        assert normalise_space(answer) == (
            "“Where necessary, enforcement action was taken promptly.” [1]"
        )
        assert citation == (
            "[1] Thurrock SQS 2015 ¶4.4\n"
            "    “Where necessary, enforcement action was taken promptly.”\n"
        )

    @pytest.mark.parametrize(
        ("area", "note"),
        [
            (
                "thurrock",
                "note: Asked of Thurrock, your area (FINDINGS_AREA): the question names none.",
            ),
            (
                "Atlantis",
                "note: FINDINGS_AREA is 'Atlantis', which no stored report is about, so the "
                "question was asked of every report. Set it to one of: Thurrock.",
            ),
        ],
    )
    def test_your_area_setting_is_noted_on_stderr(self, embedder, store, monkeypatch, area, note):
        monkeypatch.setenv("FINDINGS_AREA", area)
        out = CliRunner().invoke(
            app, ["ask", "Was enforcement action taken promptly?", "--store", str(store.path)]
        )
        assert out.exit_code == 0
        assert out.stderr == note + "\n"
        assert normalise_space(out.stdout.split("\n\n")[0]) == (
            "“Where necessary, enforcement action was taken promptly.” [1]"
        )


class TestBadQuestions:
    @pytest.mark.slow
    @pytest.mark.parametrize(
        ("question", "stderr"),
        [
            ("", EMPTY),
            ("   ", EMPTY),
            ("w" * 2001, too_long(2001)),
            ("w" * 100_000, too_long(100_000)),
        ],
        ids=["empty", "blank", "2001-chars", "100-kB"],
    )
    def test_exit_1_with_the_message_and_no_traceback(self, store, question, stderr):
        done = findings("ask", question, "--json", "--store", store.path)
        assert done.returncode == 1
        assert done.stdout == ""
        assert done.stderr == stderr + "\n"

    def test_question_at_the_limit_is_answered(self, run, store):
        out = run("ask", "planning " * 222 + "pl", "--json", "--store", store.path)
        assert len("planning " * 222 + "pl") == 2000
        assert out.exit_code == 0

    @pytest.mark.parametrize(
        "args",
        [["ask", "--json"], ["ask", "Q", "--questions", "qa.jsonl"]],
        ids=["neither", "both"],
    )
    def test_question_and_questions_file_usage_error(self, run, args):
        out = run(*args)
        assert out.exit_code == 2
        assert "Invalid value for QUESTION: give a QUESTION or --questions FILE" in out.stderr
        assert "Traceback" not in out.stderr


class TestAskBatch:
    ITEMS = [
        {"id": "rate", "question": REOFFENDING},
        {"id": 2, "question": "Were emotional and mental health needs recognised in Thurrock?"},
        {"question": "What were the key strengths in Thurrock?"},
        {
            "id": "follow-up",
            "question": "What did it say about pre-sentence reports?",
            "history": [REOFFENDING],
        },
        {"id": "none", "question": "How many staff did the Thurrock YOS employ?"},
        {
            "id": "area",
            "question": "What did inspectors say about planning?",
            "filters": {"area": "Thurrock"},
        },
        {
            "id": "later",
            "question": "What did inspectors say about planning?",
            "filters": {"year_from": 2016},
        },
    ]
    SINGLE_ARGS = [
        [],
        [],
        [],
        ["--history", REOFFENDING],
        [],
        ["--area", "Thurrock"],
        ["--year-from", "2016"],
    ]

    @pytest.mark.slow
    def test_batch_equals_single_questions_in_input_order(self, run, store, tmp_path):
        path = tmp_path / "questions.jsonl"
        path.write_text("".join(json.dumps(item) + "\n" for item in self.ITEMS), encoding="utf-8")
        done = findings("ask", "--questions", path, "--json", "--store", store.path)
        assert (done.returncode, done.stderr) == (0, "")
        batch = [json.loads(line) for line in done.stdout.splitlines()]
        assert [a["id"] for a in batch] == ["rate", 2, None, "follow-up", "none", "area", "later"]
        assert [a["question"] for a in batch] == [i["question"] for i in self.ITEMS]
        for item, extra, got in zip(self.ITEMS, self.SINGLE_ARGS, batch, strict=True):
            out = run("ask", item["question"], *extra, "--json", "--store", store.path)
            assert out.exit_code == 0
            single = json.loads(out.stdout)
            assert without_timings(got) == {**without_timings(single), "id": item.get("id")}
            check_markers(got)
        assert [[c["label"] for c in a["citations"]] for a in batch[:4]] == [
            ["Thurrock SQS 2015 · Summary ¶1"],
            ["Thurrock SQS 2015 ¶3.3"],
            [f"Thurrock SQS 2015 · Key strengths ¶{n}" for n in (1, 2, 3)],
            ["Thurrock SQS 2015 ¶1.2"],
        ]
        assert [a["abstained"] for a in batch] == [False, False, False, False, True, False, True]

    @pytest.mark.slow
    def test_bad_lines_get_an_error_object_and_the_rest_are_answered(self, store, tmp_path):
        path = tmp_path / "questions.jsonl"
        path.write_text(
            "\n".join(
                [
                    json.dumps({"id": "a", "question": REOFFENDING}),
                    "{not json",
                    json.dumps({"id": "b"}),
                    json.dumps(["a list"]),
                    "",
                    json.dumps({"id": "c", "question": ""}),
                    json.dumps({"id": "d", "question": "x" * 2001}),
                    json.dumps(
                        {
                            "id": "e",
                            "question": "Was enforcement action taken promptly in Thurrock?",
                        }
                    ),
                ]
            )
            + "\n",
            encoding="utf-8",
        )
        done = findings("ask", "--questions", path, "--json", "--store", store.path)
        assert done.returncode == 1
        assert done.stderr == ""
        lines = [json.loads(line) for line in done.stdout.splitlines()]
        assert len(lines) == 7
        assert lines[1:6] == [
            {
                "id": None,
                "question": None,
                "error": f"{path}, line 2: not valid JSON (Expecting property name enclosed in "
                "double quotes). Each line must be one JSON object.",
            },
            {"id": "b", "question": None, "error": f'{path}, line 3: needs a "question" string.'},
            {"id": None, "question": None, "error": f'{path}, line 4: needs a "question" string.'},
            {"id": "c", "question": "", "error": EMPTY.removeprefix("error: ")},
            {"id": "d", "question": "x" * 2001, "error": too_long(2001).removeprefix("error: ")},
        ]
        assert (lines[0]["id"], lines[0]["citations"][0]["label"]) == (
            "a",
            "Thurrock SQS 2015 · Summary ¶1",
        )
        assert (lines[6]["id"], lines[6]["citations"][0]["label"]) == (
            "e",
            "Thurrock SQS 2015 ¶4.4",
        )

    @pytest.mark.slow
    def test_lines_with_wrong_types_get_error_objects_in_order(self, store, tmp_path):
        path = tmp_path / "questions.jsonl"
        lines = [
            {
                "id": 1,
                "question": "What did inspectors say about Thurrock?",
                "filters": {"year_from": "abc"},
            },
            {"id": 2, "question": "What did inspectors say about Thurrock?", "history": 5},
            {"id": 3, "question": "What did inspectors say about Thurrock?", "filters": "x"},
            {"id": 4, "question": "What was found \ud800?"},
            {"id": 5, "question": "Was enforcement action taken promptly in Thurrock?"},
        ]
        # json.dumps escapes the lone surrogate as \ud800, as a JSON file would carry it
        path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
        done = findings("ask", "--questions", path, "--json", "--store", store.path)
        assert (done.returncode, done.stderr) == (1, "")
        out = [json.loads(line) for line in done.stdout.splitlines()]
        question = "What did inspectors say about Thurrock?"
        assert out[:4] == [
            {
                "id": 1,
                "question": question,
                "error": "filters.year_from: must be a year such as 2016, not 'abc'.",
            },
            {
                "id": 2,
                "question": question,
                "error": "history: must be a list of earlier questions (strings), not int.",
            },
            {
                "id": 3,
                "question": question,
                "error": 'filters: must be an object such as {"area": "Thurrock", "year_from": 2014}, not str.',
            },
            {
                "id": 4,
                "question": "What was found \\ud800?",
                "error": "question: holds a character that is not valid text ('\\ud800' at position "
                "15, an unpaired surrogate). Send the question as UTF-8 text.",
            },
        ]
        assert (out[4]["id"], out[4]["citations"][0]["label"]) == (5, "Thurrock SQS 2015 ¶4.4")

    def test_unreadable_questions_file(self, run, store, tmp_path):
        missing = tmp_path / "nowhere.jsonl"
        out = run("ask", "--questions", missing, "--json", "--store", store.path)
        assert out.exit_code == 1
        assert out.stdout == ""
        assert out.stderr == (
            f"error: {missing}: no such file. Give a JSONL file in the CONTRACT's format, "
            "one question per line.\n"
        )


class TestEval:
    @pytest.mark.slow
    def test_seed_file_as_json(self, store, embedder):
        done = findings("eval", SEED_QA, "--json", "--store", store.path)
        assert (done.returncode, done.stderr) == (0, "")
        metrics = json.loads(done.stdout)
        assert list(metrics) == METRIC_KEYS
        assert (metrics["questions"], metrics["answerable"], metrics["unanswerable"]) == (12, 10, 2)
        # the same numbers as scoring the same answers in this process (latency aside)
        items = load_qa(SEED_QA)
        expected = score(items, answer_all(Assistant(store, embedder), items))
        latency = ("latency_ms_p50", "latency_ms_p95")
        assert {k: v for k, v in metrics.items() if k not in latency} == {
            k: v for k, v in expected.items() if k not in latency
        }
        assert 0 < metrics["latency_ms_p50"] <= metrics["latency_ms_p95"]

    def test_table_output(self, run, store):
        out = run("eval", SEED_QA, "--store", store.path)
        assert out.exit_code == 0
        assert "seed_dev_qa.jsonl: 12 questions" in out.stdout
        for key in METRIC_KEYS:
            assert key in out.stdout

    def test_missing_file(self, run, store, tmp_path):
        out = run("eval", tmp_path / "qa.jsonl", "--json", "--store", store.path)
        assert out.exit_code == 1
        assert out.stderr == (
            f"error: {tmp_path / 'qa.jsonl'}: no such file. Give a JSONL file in the CONTRACT's "
            "format, one question per line.\n"
        )

    def test_bad_line(self, run, store, tmp_path):
        path = tmp_path / "qa.jsonl"
        path.write_text('{"question": "Q", "gold": []}\n{"gold": []}\n', encoding="utf-8")
        out = run("eval", path, "--json", "--store", store.path)
        assert out.exit_code == 1
        assert out.stdout == ""
        assert out.stderr == f'error: {path}, line 2: needs a "question" string.\n'


def test_help_names_the_batch_and_filter_options(run):
    out = run("ask", "--help")
    assert out.exit_code == 0
    for option in (
        "--questions",
        "--history",
        "--top-k",
        "--area",
        "--year-from",
        "--year-to",
        "--store",
        "--chroma-url",
        "--json",
    ):
        assert option in out.stdout


@pytest.mark.slow
def test_server_stopping_mid_batch_gives_one_clear_line(tmp_path, embedder):
    """`ask --questions` against a Chroma server killed after the first answers: the answers so
    far, then one line on stderr naming the server, exit 1, no traceback."""
    from conftest import running_chroma_server

    with running_chroma_server(tmp_path / "server") as (url, server):
        store = ChromaStore(url=url, model_slug=embedder.model_slug)
        assert Ingester(store, embedder, get_settings()).run([THURROCK]).failed == []
        path = tmp_path / "questions.jsonl"
        path.write_text(
            "".join(json.dumps({"id": i, "question": REOFFENDING}) + "\n" for i in range(300))
        )
        proc = subprocess.Popen(
            findings_cmd("ask", "--questions", str(path), "--json", "--chroma-url", url),
            env=subprocess_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        first = proc.stdout.readline()
        assert json.loads(first)["id"] == 0
        server.kill()
        server.wait(timeout=30)
        rest, err = proc.communicate(timeout=120)
    answered = [json.loads(line) for line in [first, *rest.splitlines()]]
    assert proc.returncode == 1
    assert [a["id"] for a in answered] == list(range(len(answered)))
    assert len(answered) < 300
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(
        f"error: {url}: could not read the report list: the Chroma server stopped answering or "
        "failed ("
    )
    assert err.endswith(
        "Check that it is running (`chroma run --path DIR`) and that FINDINGS_CHROMA_URL points "
        "at it, then try again.\n"
    )
