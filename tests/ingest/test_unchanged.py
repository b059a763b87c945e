"""ingest/unchanged.py: an unchanged re-ingest is told without Chroma, and only when it is so.

Real files, real Chroma in tmp_path, the real bundled model. `full` ingests as the `ingest`
command does (the check made before the settings are read, the record kept after the run);
`check` is what the command asks before anything else. Whether a process that asks imports
Chroma at all is tested in tests/test_cli.py (a real process).
"""

from __future__ import annotations

import os

import pytest

from findings.settings import get_settings
from ingest import version
from ingest.pipeline import build_ingester
from ingest.unchanged import UnchangedCheck
from store.chroma import ChromaStore

SAMPLES = ["alderton_sqs_2015.txt", "alderton_sqs_2017.txt", "brackwater_fji_2014.md"]


def paths(folder, names=SAMPLES):
    return [str(folder / n) for n in names]


@pytest.fixture
def full(embedder):
    def run(folder, store=None, **options):
        check = UnchangedCheck(store=store, chroma_url=None)
        settings = get_settings(store=store)
        summary = build_ingester(settings, embedder).run([folder], **options)
        check.remember(settings, summary)
        return summary

    return run


def check(*given, store=None, **options):
    """What the `ingest` command asks first, with the options it passes on."""
    return UnchangedCheck(store=store, chroma_url=None).run(list(given), **options)


def open_store(path):
    return ChromaStore(path, model_slug="all_minilm_l6_v2")


class TestUnchanged:
    def test_the_summary_of_a_full_reingest(self, full, reports_dir):
        full(reports_dir)
        fast = check(reports_dir)
        assert fast is not None
        assert fast.to_json() == full(reports_dir).to_json()
        assert fast.to_json() == {
            "ingested": [],
            "unchanged": paths(reports_dir),
            "failed": [],
            "paragraphs": 0,
        }
        assert (fast.removed, fast.embedded, fast.state) == ([], 0, None)

    def test_prune_with_nothing_to_prune(self, full, reports_dir):
        full(reports_dir)
        fast = check(reports_dir, prune=True)
        assert fast is not None and fast.unchanged == paths(reports_dir) and fast.removed == []

    def test_a_file_touched_but_not_changed(self, full, reports_dir):
        full(reports_dir)
        os.utime(reports_dir / SAMPLES[0])  # its stat is no longer the recorded one: hashed
        fast = check(reports_dir)
        assert fast is not None and fast.unchanged == paths(reports_dir)

    def test_a_file_given_by_another_path(self, full, reports_dir, tmp_path):
        full(reports_dir)
        (tmp_path / "link").symlink_to(reports_dir)
        fast = check(tmp_path / "link")
        assert fast is not None and fast.unchanged == paths(tmp_path / "link")


class TestInDoubt:
    """Every case the full ingest must see to, and that it then records afresh."""

    def test_a_changed_file_of_the_same_size_and_time(self, full, reports_dir):
        full(reports_dir)
        target = reports_dir / SAMPLES[1]
        before = target.stat()
        text = target.read_bytes()
        target.write_bytes(text.replace(b"good", b"poor", 1))
        os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
        assert target.stat().st_size == before.st_size
        assert target.stat().st_mtime_ns == before.st_mtime_ns
        assert check(reports_dir) is None
        again = full(reports_dir)
        assert again.ingested == [str(target)] and again.failed == []
        fast = check(reports_dir)
        assert fast is not None and fast.unchanged == paths(reports_dir)

    def test_a_new_file(self, full, reports_dir):
        full(reports_dir)
        (reports_dir / "thornby_sqs_2019.txt").write_bytes((reports_dir / SAMPLES[0]).read_bytes())
        assert check(reports_dir) is None
        assert full(reports_dir).ingested == [str(reports_dir / "thornby_sqs_2019.txt")]

    def test_a_removed_report(self, full, reports_dir, tmp_path):
        full(reports_dir)
        open_store(tmp_path / "store").remove(["alderton_sqs_2017"])
        assert check(reports_dir) is None
        again = full(reports_dir)
        assert again.ingested == paths(reports_dir, [SAMPLES[1]])
        assert set(open_store(tmp_path / "store").committed_versions()) == {
            "alderton_sqs_2015",
            "alderton_sqs_2017",
            "brackwater_fji_2014",
        }
        assert check(reports_dir) is not None

    def test_a_store_written_since(self, full, reports_dir, tmp_path, embedder):
        full(reports_dir)
        other = tmp_path / "other"
        other.mkdir()
        (other / "thornby_sqs_2019.txt").write_bytes((reports_dir / SAMPLES[0]).read_bytes())
        # another writer (the app, another process) that keeps no record of its own
        assert build_ingester(get_settings(), embedder).run([other]).ingested != []
        assert check(reports_dir) is None
        again = full(reports_dir)
        assert again.unchanged == paths(reports_dir) and again.ingested == []
        assert check(reports_dir) is not None

    def test_a_writer_at_work(self, full, reports_dir, tmp_path):
        full(reports_dir)
        store = open_store(tmp_path / "store")
        with store.writing():
            assert check(reports_dir) is None
        assert check(reports_dir) is None  # its session ended: a new generation

    def test_other_settings(self, full, reports_dir, tmp_path, monkeypatch):
        full(reports_dir)
        assert check(reports_dir, store=tmp_path / "store") is None  # the same folder, but
        # named by another input: not known to be the same settings
        monkeypatch.setenv("FINDINGS_MAX_FILE_MB", "0.001")
        assert check(reports_dir) is None
        monkeypatch.delenv("FINDINGS_MAX_FILE_MB")
        (tmp_path / ".env").write_text("FINDINGS_STORE=elsewhere\n")
        assert check(reports_dir) is None
        (tmp_path / ".env").unlink()
        assert check(reports_dir) is not None

    def test_another_store(self, full, reports_dir, tmp_path):
        full(reports_dir)
        assert check(reports_dir, store=tmp_path / "new") is None
        assert full(reports_dir, store=tmp_path / "new").ingested == paths(reports_dir)

    def test_a_new_parser(self, full, reports_dir, monkeypatch):
        full(reports_dir)
        monkeypatch.setattr(version, "PARSER_VERSION", version.PARSER_VERSION + "-next")
        assert check(reports_dir) is None

    def test_prune_that_would_remove(self, full, reports_dir):
        full(reports_dir)
        (reports_dir / SAMPLES[2]).unlink()
        assert check(reports_dir) is not None  # without --prune: nothing to do
        assert check(reports_dir, prune=True) is None

    def test_a_missing_path_and_a_failed_file(self, full, reports_dir, tmp_path):
        full(reports_dir)
        assert check(reports_dir, tmp_path / "nowhere") is None
        (reports_dir / "empty.txt").write_bytes(b"")
        assert full(reports_dir).failed != []
        assert check(reports_dir) is None  # the failed file is not stored

    def test_two_files_of_one_report_id(self, full, reports_dir):
        full(reports_dir)
        (reports_dir / "alderton_sqs_2015.md").write_bytes((reports_dir / SAMPLES[0]).read_bytes())
        assert check(reports_dir) is None

    def test_replace_and_a_server(self, full, reports_dir):
        full(reports_dir)
        assert check(reports_dir, replace=True) is None
        assert UnchangedCheck(chroma_url="http://127.0.0.1:9").run([reports_dir]) is None

    def test_a_file_over_the_size_limit_is_left_to_the_full_ingest(
        self, full, reports_dir, monkeypatch
    ):
        monkeypatch.setenv("FINDINGS_MAX_FILE_MB", "0.0015")  # 1,572 bytes
        full(reports_dir)
        assert check(reports_dir) is None  # alderton_sqs_2015.txt (2,466 bytes) failed
        assert full(reports_dir).failed[0]["path"] == str(reports_dir / SAMPLES[0])
