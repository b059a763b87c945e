"""store/chroma.py: records ride on their paragraphs' rows: committed, replaced and removed with
the report, all-or-nothing; a real embedded Chroma in tmp_path, the real bundled model."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from test_chroma import SLUG, _Crashing, _Killed, commit

from findings.errors import StoreError
from findings.settings import Settings
from ingest.parse import parse_file
from store.chroma import ChromaStore

THURROCK = ROOT.parent / "shared" / "corpus" / "thurrock_sqs_2015.txt"
NORTHFIELD = ROOT / "data" / "reports" / "northfield_yos_2019.html"


@pytest.fixture
def store(tmp_path: Path):
    return ChromaStore(tmp_path / "store", model_slug=SLUG, lock_timeout_s=1)


@pytest.fixture(scope="module")
def parsed():
    return {
        r.meta.report_id: r for r in (parse_file(p, Settings()) for p in (THURROCK, NORTHFIELD))
    }


def as_json(report):
    return [r.to_json() for r in report.records]


class TestRecordsRoundTrip:
    def test_committed_records_read_back_in_reading_order(self, store, embedder, parsed):
        for report in parsed.values():
            commit(store, report, embedder)
        thurrock, northfield = parsed["thurrock_sqs_2015"], parsed["northfield_yos_2019"]
        assert store.records() == as_json(northfield) + as_json(thurrock)
        assert store.records(["thurrock_sqs_2015"]) == as_json(thurrock)
        facts = store.records(["thurrock_sqs_2015"], ["fact"])
        assert [(r["subject"], r["value"]) for r in facts][-2:] == [
            ("lead_inspector", "Jane Attwood"),
            ("service_manager", "James Waud"),
        ]
        ratings = store.records(kinds=["rating"])
        assert len(ratings) == 13 and {r["report_id"] for r in ratings} == {"northfield_yos_2019"}
        assert store.records(["no_such_report"]) == []

    def test_paragraph_rows_carry_their_records(self, store, embedder, parsed):
        thurrock = parsed["thurrock_sqs_2015"]
        commit(store, thurrock, embedder)
        rows = store.all_paragraphs()["metadatas"]
        assert [r for row in rows for r in row["records"]] == as_json(thurrock)
        summary = next(row for row in rows if (row["section"], row["ordinal"]) == ("Summary", 1))
        assert [r["subject"] for r in summary["records"]] == [
            "reoffending_rate",
            "national_reoffending_rate",
        ]
        shown = store.get_paragraphs("thurrock_sqs_2015")
        assert sum(len(row["records"]) for row in shown) == len(thurrock.records)

    def test_table_rows_keep_their_header(self, store, embedder, parsed):
        commit(store, parsed["northfield_yos_2019"], embedder)
        rows = store.get_paragraphs("northfield_yos_2019")
        row = next(r for r in rows if r["section"] == "Ratings" and r["ordinal"] == 8)
        assert row["columns"] == ["Standard", "Rating"]


class TestAllOrNothing:
    def test_a_failed_commit_leaves_no_records(self, store, embedder, parsed):
        paragraphs, manifest = store._collections()
        store._cols = (paragraphs, _Crashing(manifest, "upsert", False))
        with pytest.raises(_Killed):
            commit(store, parsed["thurrock_sqs_2015"], embedder)
        store._cols = (paragraphs, manifest)
        assert store.records() == []
        with store.writing():  # the next write session clears the uncommitted rows
            pass
        assert store.all_paragraphs()["ids"] == [] and store.records() == []

    def test_a_failed_replacement_keeps_the_old_records(self, store, embedder, parsed, tmp_path):
        thurrock = parsed["thurrock_sqs_2015"]
        commit(store, thurrock, embedder)
        changed = tmp_path / "thurrock_sqs_2015.txt"
        changed.write_text(
            THURROCK.read_text(encoding="utf-8").replace("Jane Attwood", "Ann Other"),
            encoding="utf-8",
        )
        newer = parse_file(changed, Settings())
        paragraphs, manifest = store._collections()
        store._cols = (paragraphs, _Crashing(manifest, "upsert", False))
        with pytest.raises(_Killed):
            commit(store, newer, embedder)
        store._cols = (paragraphs, manifest)
        assert store.records() == as_json(thurrock)
        commit(store, newer, embedder)
        lead = store.records(kinds=["fact"])[-2]
        assert (lead["subject"], lead["value"]) == ("lead_inspector", "Ann Other")
        assert len(store.records()) == len(thurrock.records)

    def test_remove_removes_the_records(self, store, embedder, parsed):
        for report in parsed.values():
            commit(store, report, embedder)
        store.remove(["northfield_yos_2019"])
        assert store.records() == as_json(parsed["thurrock_sqs_2015"])
        store.remove(["thurrock_sqs_2015"])
        assert store.records() == []

    def test_a_record_that_cites_no_paragraph_is_refused(self, store, embedder, parsed):
        from dataclasses import replace

        thurrock = parsed["thurrock_sqs_2015"]
        broken = replace(
            thurrock, records=[replace(thurrock.records[0], text="Not in the report.")]
        )
        with pytest.raises(StoreError, match="a fact record cites no stored paragraph"):
            commit(store, broken, embedder)
        assert store.records() == [] and store.list_reports() == []
