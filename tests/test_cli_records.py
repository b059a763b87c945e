"""`findings records`: JSON, CSV and table output, filters, and its errors' exit codes and texts,
against a real store holding the real report and two samples."""

from __future__ import annotations

import csv
import io
import json

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from cli import RECORD_COLUMNS, app

THURROCK = ROOT.parent / "shared" / "corpus" / "thurrock_sqs_2015.txt"
SAMPLES = [
    THURROCK,
    ROOT / "data" / "reports" / "northfield_yos_2019.html",
    ROOT / "data" / "reports" / "marshbury_sqs_2014.txt",
]


@pytest.fixture(scope="module")
def store(tmp_path_factory, embedder):
    folder = tmp_path_factory.mktemp("records") / "store"
    result = CliRunner().invoke(app, ["ingest", *map(str, SAMPLES), "--store", str(folder)])
    assert result.exit_code == 0, result.output
    return folder


@pytest.fixture
def run(store):
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, ["records", *args, "--store", str(store)])

    return invoke


def test_json_lists_every_record_with_the_stable_fields(run):
    result = run("--json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert all(list(r) == list(RECORD_COLUMNS) for r in rows)
    assert [r["report_id"] for r in rows] == sorted(r["report_id"] for r in rows)
    assert {r["report_id"] for r in rows} == {
        "marshbury_sqs_2014",
        "northfield_yos_2019",
        "thurrock_sqs_2015",
    }
    assert {
        "report_id": "thurrock_sqs_2015",
        "kind": "fact",
        "subject": "lead_inspector",
        "value": "Jane Attwood",
        "owner": None,
        "text": "If you have any further questions about the inspection please contact the lead "
        "inspector, who was Jane Attwood.",
        "section": "Closing",
        "paragraph": None,
        "ordinal": 2,
        "label": "Thurrock SQS 2015 · Closing ¶2",
    } in rows


def test_kind_and_report_filters(run):
    result = run("--kind", "improvement", "--report", "thurrock_sqs_2015", "--json")
    assert result.exit_code == 0
    assert [(r["label"], r["text"][:28]) for r in json.loads(result.stdout)] == [
        ("Thurrock SQS 2015 · Areas requiring improvement ¶1", "Intervention planning should"),
        ("Thurrock SQS 2015 · Areas requiring improvement ¶2", "Multi-Agency Public Protecti"),
    ]
    ratings = json.loads(run("--kind", "rating", "--json").stdout)
    assert len(ratings) == 13
    assert ratings[0]["subject"] == "Overall rating" and ratings[0]["value"] == "Good"
    both = json.loads(run("--kind", "strength", "--kind", "improvement", "--json").stdout)
    assert len(both) == 3 + 2 + 4 + 4 + 3 + 3


def test_area_filter_is_case_insensitive(run):
    rows = json.loads(run("--area", "marshbury", "--kind", "strength", "--json").stdout)
    assert [r["label"] for r in rows] == [
        f"Marshbury SQS 2014 · Key strengths ¶{i}" for i in (1, 2, 3)
    ]
    assert json.loads(run("--area", "Nowhere", "--json").stdout) == []


def test_csv_has_the_same_columns(run):
    result = run("--report", "thurrock_sqs_2015", "--kind", "fact", "--csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert result.stdout.splitlines()[0] == ",".join(RECORD_COLUMNS)
    assert rows[-1] == {
        "report_id": "thurrock_sqs_2015",
        "kind": "fact",
        "subject": "service_manager",
        "value": "James Waud",
        "owner": "",
        "text": "YOS Manager | James Waud",
        "section": "Copy to",
        "paragraph": "",
        "ordinal": "1",
        "label": "Thurrock SQS 2015 · Copy to ¶1",
    }
    assert len(rows) == 9


def test_table_by_default(run):
    result = run("--report", "marshbury_sqs_2014", "--kind", "improvement")
    assert result.exit_code == 0
    assert result.stdout.split()[:6] == ["label", "kind", "subject", "value", "owner", "text"]
    assert result.stdout.count("improvement") >= 3


def test_unknown_kind_exit_2_naming_the_kinds(run):
    result = run("--kind", "weakness")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: --kind: unknown kind 'weakness'. The kinds are: strength, improvement, "
        "recommendation, rating, fact.\n"
    )


def test_unknown_report_exit_1_saying_how_to_list_them(run, store):
    result = run("--report", "nowhere_sqs_2015")
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: no stored report 'nowhere_sqs_2015' in {store}. "
        "`findings reports` lists the stored reports.\n"
    )


def test_json_and_csv_together_is_a_usage_error(run):
    result = run("--json", "--csv")
    assert result.exit_code == 2
    assert result.stderr == "error: give --json or --csv, not both.\n"


def test_an_empty_store(tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["records", "--json", "--store", str(tmp_path / "empty")])
    assert (result.exit_code, result.stdout) == (0, "[]\n")
    result = runner.invoke(app, ["records", "--store", str(tmp_path / "empty")])
    assert (result.exit_code, result.stdout) == (0, "No records match.\n")
