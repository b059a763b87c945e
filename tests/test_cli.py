"""cli.py: exit codes, JSON shapes and messages, in-process (CliRunner) and as a real process."""

from __future__ import annotations

import json
import signal
import subprocess
import sys

import pytest
from conftest import DATA, ROOT, findings_cmd, store_snapshot, subprocess_env
from typer.testing import CliRunner

from cli import app
from findings.hashing import file_sha256
from store.chroma import ChromaStore

SAMPLES = ["alderton_sqs_2015.txt", "alderton_sqs_2017.txt", "brackwater_fji_2014.md"]


@pytest.fixture
def run(embedder):  # the session fixture loads the model that the CLI's embedder then reuses
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)

    return invoke


def paths(folder, names=SAMPLES):
    return [str(folder / n) for n in names]


def open_store(path):
    return ChromaStore(path, model_slug="all_minilm_l6_v2")


class TestIngest:
    def test_json_summary_then_unchanged(self, run, reports_dir, tmp_path):
        first = run("ingest", reports_dir, "--store", tmp_path / "s", "--json")
        assert first.exit_code == 0
        assert json.loads(first.stdout) == {
            "ingested": paths(reports_dir),
            "unchanged": [],
            "failed": [],
            "paragraphs": 46,
        }
        assert first.stderr == ""
        again = run("ingest", reports_dir, "--store", tmp_path / "s", "--json")
        assert again.exit_code == 0
        assert json.loads(again.stdout) == {
            "ingested": [],
            "unchanged": paths(reports_dir),
            "failed": [],
            "paragraphs": 0,
        }

    def test_store_from_environment_and_table_summary(self, run, reports_dir, tmp_path):
        result = run(
            "ingest", reports_dir / "alderton_sqs_2017.txt"
        )  # FINDINGS_STORE from conftest
        assert result.exit_code == 0
        lines = [line.split() for line in result.stdout.splitlines()]
        assert lines[:4] == [
            ["Ingested", "1"],
            ["Unchanged", "0"],
            ["Failed", "0"],
            ["Paragraphs", "stored", "12", "(12", "newly", "embedded)"],
        ]
        assert open_store(tmp_path / "store").committed_versions().keys() == {"alderton_sqs_2017"}

    def test_failed_file_exit_1_one_line_each_on_stderr(self, run, reports_dir, tmp_path):
        (reports_dir / "empty.txt").write_bytes(b"")
        (reports_dir / "notes.rtf").write_text("{\\rtf1 hello}")
        result = run("ingest", reports_dir, "--store", tmp_path / "s", "--json")
        assert result.exit_code == 1
        out = json.loads(result.stdout)
        assert out["ingested"] == paths(reports_dir) and out["paragraphs"] == 46
        assert [f["path"] for f in out["failed"]] == paths(reports_dir, ["empty.txt", "notes.rtf"])
        assert (
            out["failed"][0]["error"]
            == f"{reports_dir / 'empty.txt'}: the file is empty. Export the report again."
        )
        assert result.stderr.splitlines() == [f"error: {f['error']}" for f in out["failed"]]

    def test_prune(self, run, reports_dir, tmp_path):
        run("ingest", reports_dir, "--store", tmp_path / "s")
        (reports_dir / "brackwater_fji_2014.md").unlink()
        result = run("ingest", reports_dir, "--store", tmp_path / "s", "--prune")
        assert result.exit_code == 0
        assert ["Removed", "1"] in [line.split() for line in result.stdout.splitlines()]
        assert sorted(open_store(tmp_path / "s").committed_versions()) == [
            "alderton_sqs_2015",
            "alderton_sqs_2017",
        ]

    @pytest.mark.parametrize(
        "args",
        [
            ["ingest"],
            ["ingest", "x", "--store", "a", "--chroma-url", "http://127.0.0.1:9"],
            ["ingest", "x", "--no-such-option"],
            ["show"],
            ["remove"],
        ],
    )
    def test_usage_errors_exit_2(self, run, args):
        assert run(*args).exit_code == 2

    def test_bad_setting_exits_2(self, run, monkeypatch):
        monkeypatch.setenv("FINDINGS_BATCH_SIZE", "0")
        result = run("ingest", "x")
        assert result.exit_code == 2
        assert (
            result.stderr
            == "error: FINDINGS_BATCH_SIZE: Input should be greater than or equal to 1. Fix or unset it.\n"
        )

    def test_unreachable_server_exit_1(self, run, reports_dir):
        result = run("ingest", reports_dir, "--chroma-url", "http://127.0.0.1:9")
        assert result.exit_code == 1
        assert result.stderr.startswith(
            "error: http://127.0.0.1:9: cannot reach the Chroma server ("
        )
        assert len(result.stderr.splitlines()) == 1

    @pytest.mark.slow
    def test_locked_store_exit_1(self, run, reports_dir, tmp_path, monkeypatch):
        monkeypatch.setenv("FINDINGS_LOCK_TIMEOUT_S", "0.5")
        hold = (
            "import sys, time; from pathlib import Path; from store.chroma import ChromaStore\n"
            "with ChromaStore(Path(sys.argv[1]), model_slug='all_minilm_l6_v2').writing():\n"
            "    print('locked', flush=True); time.sleep(60)\n"
        )
        holder = subprocess.Popen(
            [sys.executable, "-c", hold, str(tmp_path / "s")],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert holder.stdout.readline() == "locked\n"
            result = run("ingest", reports_dir, "--store", tmp_path / "s")
        finally:
            holder.kill()
            holder.wait()
        assert result.exit_code == 1
        assert result.stderr == (
            f"error: {tmp_path / 's'}: the store is in use by another findings process (pid {holder.pid}). "
            "Wait for it to finish, or point FINDINGS_STORE at another folder.\n"
        )


class TestReportsShowRemove:
    @pytest.fixture
    def ingested(self, run, reports_dir):
        assert run("ingest", reports_dir).exit_code == 0
        return reports_dir

    def test_reports_json(self, run, ingested):
        result = run("reports", "--json")
        assert result.exit_code == 0
        rows = json.loads(result.stdout)
        assert [r["report_id"] for r in rows] == [
            "alderton_sqs_2015",
            "alderton_sqs_2017",
            "brackwater_fji_2014",
        ]
        assert rows[2] == {
            "report_id": "brackwater_fji_2014",
            "title": "Full Joint Inspection of youth offending work in Brackwater",
            "inspectorate": "HM Inspectorate of Probation",
            "area": "Brackwater",
            "inspection_type": "full joint inspection",
            "publication_date": "2014-10-22",
            "year": 2014,
            "fieldwork_start": "2014-09-15",
            "fieldwork_end": "2014-09-19",
            "lead_inspector": None,
            "source_path": str(ingested / "brackwater_fji_2014.md"),
            "source_sha256": file_sha256(ingested / "brackwater_fji_2014.md"),
            "format": "md",
            "pages": None,
            "paragraphs": 13,
            "version": rows[2]["version"],
        }

    def test_reports_table_and_empty_store(self, run, ingested, tmp_path):
        table = [line.split() for line in run("reports").stdout.splitlines()]
        assert table == [
            ["report_id", "report", "published", "paragraphs"],
            ["alderton_sqs_2015", "Alderton", "SQS", "2015", "2015-03-11", "21"],
            ["alderton_sqs_2017", "Alderton", "SQS", "2017", "2017-07-04", "12"],
            ["brackwater_fji_2014", "Brackwater", "FJI", "2014", "2014-10-22", "13"],
        ]
        empty = run("reports", "--store", tmp_path / "empty")
        assert empty.exit_code == 0
        assert empty.stdout == (
            f"No reports stored in {tmp_path / 'empty'}. Add some with `findings ingest PATH`.\n"
        )

    def test_show_json(self, run, ingested):
        result = run("show", "alderton_sqs_2015", "--json")
        assert result.exit_code == 0
        out = json.loads(result.stdout)
        assert out["report"]["report_id"] == "alderton_sqs_2015"
        assert len(out["paragraphs"]) == 21
        assert out["paragraphs"][6] == {
            "section": "Summary",
            "paragraph": None,
            "ordinal": 1,
            "page": None,
            "kind": "prose",
            "text": "The published reoffending rate¹ for Alderton was 41.2% against the England and Wales average of 35.8%.",
            "footnotes": [
                "¹ Published October 2014, proven reoffending within 12 months for the 2011-2012 cohort. Source: Ministry of Justice"
            ],
        }
        assert out["paragraphs"][10]["paragraph"] == "1.3"

    def test_show_text(self, run, ingested):
        out = run("show", "brackwater_fji_2014").stdout
        assert out.splitlines()[0] == "Brackwater FJI 2014"
        assert (
            "Brackwater FJI 2014 ¶2.1.1\nRisk of harm assessments were accurate and reviewed after every significant change.\n"
            in out
        )

    def test_show_unknown(self, run, ingested, tmp_path):
        result = run("show", "nope")
        assert result.exit_code == 1
        assert result.stderr == (
            f"error: no stored report 'nope' in {tmp_path / 'store'}. `findings reports` lists the stored reports.\n"
        )

    def test_remove(self, run, ingested, tmp_path):
        result = run("remove", "alderton_sqs_2017", "brackwater_fji_2014")
        assert result.exit_code == 0
        assert (
            result.stdout
            == "Removed alderton_sqs_2017 (12 paragraphs).\nRemoved brackwater_fji_2014 (13 paragraphs).\n"
        )
        assert list(open_store(tmp_path / "store").committed_versions()) == ["alderton_sqs_2015"]

    def test_remove_unknown_removes_nothing(self, run, ingested, tmp_path):
        result = run("remove", "alderton_sqs_2017", "nope")
        assert result.exit_code == 1
        assert "`findings reports` lists the stored reports" in result.stderr
        assert len(open_store(tmp_path / "store").committed_versions()) == 3


@pytest.fixture(scope="module")
def many_reports(tmp_path_factory):
    """Eight report files (the samples under several names), ingested once by a clean run."""
    folder = tmp_path_factory.mktemp("many") / "reports"
    folder.mkdir()
    for i in range(3):
        for name in SAMPLES:
            if len(list(folder.iterdir())) < 8:
                text = (DATA / name).read_text().replace("Alderton", f"Alderton{i}")
                (folder / f"{name.split('.')[0]}_{i}.{name.split('.')[1]}").write_text(text)
    clean = folder.parent / "clean"
    proc = subprocess.run(
        findings_cmd("ingest", str(folder), "--store", str(clean), "--json"),
        env=subprocess_env(),
        cwd=folder.parent,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout)["ingested"]) == 8
    return folder, clean


@pytest.mark.slow
@pytest.mark.parametrize("commits_before_kill", [1, 5])
def test_sigkill_mid_ingest_then_rerun_equals_a_clean_run(
    many_reports, tmp_path, commits_before_kill
):
    folder, clean = many_reports
    store = tmp_path / "killed"
    proc = subprocess.Popen(
        findings_cmd("ingest", str(folder), "--store", str(store), "-v"),
        env=subprocess_env(FINDINGS_INGEST_GROUP="1"),  # commit report by report
        cwd=tmp_path,
        stderr=subprocess.PIPE,
        text=True,
    )
    seen = 0
    try:
        for line in proc.stderr:
            seen += "ingested as" in line
            if seen == commits_before_kill:
                proc.send_signal(signal.SIGKILL)
                break
    finally:
        proc.kill()
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    partial = open_store(store).committed_versions()
    assert commits_before_kill <= len(partial) < 8

    rerun = subprocess.run(
        findings_cmd("ingest", str(folder), "--store", str(store), "--json"),
        env=subprocess_env(),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert rerun.returncode == 0, rerun.stderr
    summary = json.loads(rerun.stdout)
    assert len(summary["unchanged"]) == len(partial) and len(summary["ingested"]) == 8 - len(
        partial
    )
    assert store_snapshot(open_store(store)) == store_snapshot(open_store(clean))
    assert len(store_snapshot(open_store(store))["paragraphs_all_minilm_l6_v2"]) > 100


def test_help_lists_the_commands(run):
    out = run("--help").stdout
    for command in ("ingest", "reports", "show", "remove"):
        assert command in out


@pytest.mark.slow
def test_runs_as_a_module(tmp_path):
    proc = subprocess.run(
        findings_cmd("reports", "--json", "--store", str(tmp_path / "s")),
        env=subprocess_env(),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (proc.returncode, proc.stdout) == (0, "[]\n")


def test_server_mode(run, chroma_server, reports_dir, tmp_path, monkeypatch):
    first = run("ingest", reports_dir, "--chroma-url", chroma_server, "--json")
    assert first.exit_code == 0, first.stderr
    assert json.loads(first.stdout)["paragraphs"] == 46
    monkeypatch.setenv("FINDINGS_CHROMA_URL", chroma_server)
    again = run("ingest", reports_dir, "--json")
    assert json.loads(again.stdout)["unchanged"] == paths(reports_dir)
    listed = json.loads(run("reports", "--json").stdout)
    assert [r["report_id"] for r in listed] == [
        "alderton_sqs_2015",
        "alderton_sqs_2017",
        "brackwater_fji_2014",
    ]
    assert run("remove", "alderton_sqs_2017").exit_code == 0
    assert len(json.loads(run("reports", "--json").stdout)) == 2
    assert not (tmp_path / "store").exists()  # nothing was written to the embedded store
    assert json.loads(run("reports", "--json", "--store", tmp_path / "store").stdout) == []
