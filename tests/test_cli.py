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


@pytest.mark.parametrize("command", ["ask", "eval", "ingest"])
def test_option_help_names_its_environment_variable(run, command):
    """Help texts in square brackets were read as rich markup and vanished ("Paragraphs to
    retrieve ."): each option's default source must be printed."""
    out = " ".join(run(command, "--help").stdout.replace("│", " ").split())
    assert "Embedded store folder (default: env FINDINGS_STORE, else .findings/store)." in out
    assert " . " not in out + " "
    if command != "ingest":
        assert "Paragraphs to retrieve (default: env FINDINGS_TOP_K, else 8)." in out
    if command == "ask":
        assert "Print the answer as CONTRACT JSON instead of formatted text." in out


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


# A `findings` process that says, last on stderr, which heavy modules it imported.
PROBE = """
import sys
sys.argv = ["findings", *sys.argv[1:]]
import cli
try:
    cli.main()
finally:
    heavy = ("chromadb", "onnxruntime", "pydantic", "numpy", "torch")
    print("imported:", *sorted(m for m in heavy if m in sys.modules), file=sys.stderr)
"""


def findings_process(*args, cwd):
    """(exit status, stdout, stderr without the probe's line, heavy modules it imported)."""
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, *map(str, args)],
        env=subprocess_env(),
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )
    *stderr, probe = proc.stderr.splitlines(keepends=True)
    assert probe.startswith("imported:"), proc.stderr
    return proc.returncode, proc.stdout, "".join(stderr), probe.split()[1:]


def table_rows(stdout):
    """The summary table's rows, but the time it took."""
    return [line.split() for line in stdout.splitlines() if not line.split()[:1] == ["Time"]]


@pytest.mark.slow
class TestUnchangedReingest:
    """An unchanged re-ingest answers without the settings library, Chroma or the model
    (`ingest.unchanged`), exactly as the full ingest would; anything else gets the full one."""

    def test_answers_without_chroma_as_the_full_ingest_would(self, run, reports_dir, tmp_path):
        rc, out, err, heavy = findings_process("ingest", reports_dir, "--json", cwd=tmp_path)
        assert (rc, err, json.loads(out)["ingested"]) == (0, "", paths(reports_dir))
        assert "chromadb" in heavy

        rc, out, err, heavy = findings_process("ingest", reports_dir, "--json", cwd=tmp_path)
        assert (rc, err, heavy) == (0, "", [])
        expected = {"ingested": [], "unchanged": paths(reports_dir), "failed": [], "paragraphs": 0}
        assert json.loads(out) == expected
        # --replace always takes the full ingest, which says the same of unchanged files
        rc_full, out_full, err_full, heavy = findings_process(
            "ingest", "--replace", reports_dir, "--json", cwd=tmp_path
        )
        assert (rc_full, out_full, err_full) == (rc, out, err) and "chromadb" in heavy

        args = ("ingest", reports_dir, "-v", "--prune", "--store", tmp_path / "store")
        full = run(*args)  # in this process: the full ingest (and a record for these inputs)
        assert (full.exit_code, full.stderr) == (0, "")
        rc, out, err, heavy = findings_process(*args, cwd=tmp_path)
        assert (rc, err, heavy) == (0, "", [])
        assert (
            table_rows(out)
            == table_rows(full.stdout)
            == [
                ["Ingested", "0"],
                ["Unchanged", "3"],
                ["Failed", "0"],
                ["Removed", "0"],
                ["Paragraphs", "stored", "0", "(0", "newly", "embedded)"],
            ]
        )

    def test_anything_else_takes_the_full_ingest(self, run, reports_dir, tmp_path):
        def ingest(*args):
            rc, out, err, heavy = findings_process("ingest", *args, "--json", cwd=tmp_path)
            assert (rc, err) == (0, "")
            return json.loads(out), "chromadb" in heavy

        ingest(reports_dir)
        changed = reports_dir / "alderton_sqs_2017.txt"
        changed.write_text(changed.read_text().replace("good", "poor"))
        summary, full = ingest(reports_dir)
        assert full and summary["ingested"] == [str(changed)] and summary["paragraphs"] == 12
        assert ingest(reports_dir) == (
            {**summary, "ingested": [], "paragraphs": 0, "unchanged": paths(reports_dir)},
            False,
        )

        new = reports_dir / "thornby_sqs_2019.txt"
        new.write_bytes((DATA / "alderton_sqs_2015.txt").read_bytes())
        summary, full = ingest(reports_dir)
        assert full and summary["ingested"] == [str(new)]

        removed = findings_process("remove", "thornby_sqs_2019", cwd=tmp_path)
        assert removed[:2] == (0, "Removed thornby_sqs_2019 (21 paragraphs).\n")
        summary, full = ingest(reports_dir)
        assert full and summary["ingested"] == [str(new)]
        assert ingest(reports_dir)[1] is False

        other = tmp_path / "other"  # another process writes to the store (this one, with
        other.mkdir()  # other inputs: it names the same folder by --store)
        (other / "ashby_sqs_2020.txt").write_bytes((DATA / "alderton_sqs_2017.txt").read_bytes())
        assert run("ingest", other, "--store", tmp_path / "store").exit_code == 0
        summary, full = ingest(reports_dir)
        assert full and summary["ingested"] == [] and len(summary["unchanged"]) == 4

        summary, full = ingest(reports_dir, "--store", tmp_path / "new")
        assert full and len(summary["ingested"]) == 4
        assert sorted(open_store(tmp_path / "store").committed_versions()) == [
            "alderton_sqs_2015",
            "alderton_sqs_2017",
            "ashby_sqs_2020",
            "brackwater_fji_2014",
            "thornby_sqs_2019",
        ]
