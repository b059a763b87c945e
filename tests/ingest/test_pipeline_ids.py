"""ingest/pipeline.py: a stored report is replaced only by a new version of the file it was
read from (or with `replace=True`), never silently by another file whose name maps to its id."""

from __future__ import annotations

import pytest
from conftest import DATA

from findings.settings import get_settings
from ingest.pipeline import Ingester
from store.chroma import ChromaStore


@pytest.fixture
def store(tmp_path, embedder):
    return ChromaStore(tmp_path / "store", model_slug=embedder.model_slug, lock_timeout_s=1)


def run(store, embedder, paths, **kw):
    return Ingester(store, embedder, get_settings()).run(paths, **kw)


def two_files(tmp_path):
    """The stored report's file, and another file whose name maps to the same report id."""
    first = tmp_path / "a" / "alderton_sqs_2015.txt"
    first.parent.mkdir()
    first.write_bytes((DATA / "alderton_sqs_2015.txt").read_bytes())
    other = tmp_path / "b" / "Alderton SQS 2015.txt"
    other.parent.mkdir()
    other.write_text((DATA / "alderton_sqs_2015.txt").read_text().replace("41.2%", "12.0%"))
    return first, other


def texts(store, rid):
    return [r["text"] for r in store.get_paragraphs(rid)]


class TestCollidingIds:
    def test_another_file_with_the_same_id_is_refused_and_the_report_kept(
        self, store, embedder, tmp_path
    ):
        first, other = two_files(tmp_path)
        assert run(store, embedder, [first]).failed == []
        before = texts(store, "alderton_sqs_2015")
        summary = run(store, embedder, [other])
        assert summary.ingested == []
        assert summary.failed == [
            {
                "path": str(other),
                "error": f"{other}: its report id 'alderton_sqs_2015' is taken by the stored "
                f"report read from {first}, which it would replace. Rename the file, or, if it "
                "really is a new version of that report, ingest it with --replace (or run "
                "`findings remove alderton_sqs_2015` first).",
            }
        ]
        assert texts(store, "alderton_sqs_2015") == before
        assert store.get_report("alderton_sqs_2015")["source_path"] == str(first.resolve())

    def test_replace_lets_it_replace(self, store, embedder, tmp_path):
        first, other = two_files(tmp_path)
        run(store, embedder, [first])
        summary = run(store, embedder, [other], replace=True)
        assert (summary.ingested, summary.failed) == ([str(other)], [])
        assert any("12.0%" in t for t in texts(store, "alderton_sqs_2015"))
        assert store.get_report("alderton_sqs_2015")["source_path"] == str(other.resolve())

    def test_a_new_version_of_the_same_file_replaces_its_report(self, store, embedder, tmp_path):
        path = tmp_path / "alderton_sqs_2015.txt"
        path.write_bytes((DATA / "alderton_sqs_2015.txt").read_bytes())
        run(store, embedder, [path])
        path.write_text(path.read_text().replace("41.2%", "12.0%"))
        summary = run(store, embedder, [path])
        assert (summary.ingested, summary.failed) == ([str(path)], [])
        assert any("12.0%" in t for t in texts(store, "alderton_sqs_2015"))

    def test_an_identical_copy_elsewhere_is_unchanged_not_refused(self, store, embedder, tmp_path):
        first = tmp_path / "a" / "alderton_sqs_2015.txt"
        first.parent.mkdir()
        first.write_bytes((DATA / "alderton_sqs_2015.txt").read_bytes())
        run(store, embedder, [first])
        copy = tmp_path / "b" / "alderton_sqs_2015.txt"
        copy.parent.mkdir()
        copy.write_bytes(first.read_bytes())
        summary = run(store, embedder, [copy])
        assert (summary.unchanged, summary.failed) == ([str(copy)], [])

    def test_names_without_ascii_letters_no_longer_collide(self, store, embedder, tmp_path):
        text = (DATA / "alderton_sqs_2015.txt").read_text()
        (tmp_path / "r").mkdir()
        (tmp_path / "r" / "日本.txt").write_text(text)
        (tmp_path / "r" / "中国.md").write_text(text.replace("41.2%", "12.0%"))
        summary = run(store, embedder, [tmp_path / "r"])
        assert summary.failed == [] and len(summary.ingested) == 2
        assert sorted(r["report_id"] for r in store.list_reports()) == [
            "report_cf2abf0c",
            "report_f0e95216",
        ]
