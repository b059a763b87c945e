"""ingest/pipeline.py: real files, real parser, real Chroma in tmp_path, the real bundled model."""

from __future__ import annotations

import shutil

import pytest
from conftest import DATA, store_snapshot

from findings.hashing import file_sha256
from findings.records import Paragraph, ReportMeta
from findings.settings import get_settings
from ingest import pipeline
from ingest.parse import parse_file, report_version
from ingest.pipeline import Ingester, Progress, embedding_input
from store.chroma import ChromaStore
from store.embed import SentenceEmbedder

SAMPLES = ["alderton_sqs_2015.txt", "alderton_sqs_2017.txt", "brackwater_fji_2014.md"]
PARAGRAPHS = {"alderton_sqs_2015": 21, "alderton_sqs_2017": 12, "brackwater_fji_2014": 13}


class CountingEmbedder(SentenceEmbedder):
    """The real bundled model, counting what it is asked to embed."""

    def __init__(self):
        super().__init__(device="cpu")
        self.calls: list[list[str]] = []

    def embed(self, texts):
        self.calls.append(list(texts))
        return super().embed(texts)


@pytest.fixture
def counting(embedder):  # `embedder` loads the shared model once per session
    return CountingEmbedder()


@pytest.fixture
def store(tmp_path):
    return ChromaStore(tmp_path / "store", model_slug="all_minilm_l6_v2", lock_timeout_s=1)


def ingester(store, embedder, **settings):
    return Ingester(store, embedder, get_settings(**settings))


class TestIngest:
    def test_first_run_ingests_every_report(self, reports_dir, store, counting):
        summary = ingester(store, counting).run([reports_dir])
        assert summary.ingested == [str(reports_dir / n) for n in SAMPLES]
        assert summary.unchanged == [] and summary.failed == [] and summary.removed == []
        assert summary.paragraphs == 46 == summary.embedded
        assert len(counting.calls) == 1  # one batched call across the files
        assert {r["report_id"]: r["paragraphs"] for r in store.list_reports()} == PARAGRAPHS
        assert store.get_report("alderton_sqs_2015")["version"] == report_version(
            file_sha256(reports_dir / SAMPLES[0])
        )
        assert store.get_report("alderton_sqs_2015")["source_path"] == str(reports_dir / SAMPLES[0])
        parsed = parse_file(reports_dir / SAMPLES[0])
        rows = store.get_paragraphs("alderton_sqs_2015")
        assert [(r["section"], r["paragraph"], r["ordinal"], r["text"]) for r in rows] == [
            (p.section, p.paragraph, p.ordinal, p.text) for p in parsed.paragraphs
        ]
        assert rows[8]["paragraph"] == "1.1" and rows[8]["section"] == "Reducing reoffending"

    def test_rerun_is_unchanged_without_parsing_or_embedding(
        self, reports_dir, store, counting, monkeypatch
    ):
        ingester(store, counting).run([reports_dir])
        before = store_snapshot(store)
        counting.calls.clear()
        monkeypatch.setattr(
            pipeline.ParseWorker, "parse", lambda *a: pytest.fail("parsed an unchanged file")
        )
        summary = ingester(store, counting).run([reports_dir])
        assert summary.unchanged == [str(reports_dir / n) for n in SAMPLES]
        assert summary.ingested == [] and summary.failed == [] and summary.paragraphs == 0
        assert counting.calls == []
        assert summary.timings_ms["total"] < 1000
        assert store_snapshot(store) == before

    def test_changed_file_replaces_the_report_and_reuses_vectors(
        self, reports_dir, store, counting
    ):
        ingester(store, counting).run([reports_dir])
        path = reports_dir / "alderton_sqs_2015.txt"
        text = path.read_text()
        text = text.replace(
            "- 1.2. Pre-sentence reports were clear and well argued in nine of the twelve cases.\n",
            "",
        )
        text = text.replace(
            "Links with the local secondary schools were strong.",
            "Links with the local colleges were strong.",
        )
        path.write_text(text)
        counting.calls.clear()
        summary = ingester(store, counting).run([reports_dir])
        assert summary.ingested == [str(path)]
        assert summary.unchanged == [str(reports_dir / n) for n in SAMPLES[1:]]
        assert summary.paragraphs == 20 and summary.embedded == 1
        assert counting.calls == [
            [
                "Alderton 2015 short quality screening. Key strengths. Links with the local colleges were strong."
            ]
        ]
        rows = store.get_paragraphs("alderton_sqs_2015")
        assert [r["paragraph"] for r in rows if r["section"] == "Reducing reoffending"] == [
            "1.1",
            "1.3",
        ]
        assert "Links with the local colleges were strong." in [r["text"] for r in rows]
        version = report_version(file_sha256(path))[:16]
        ids = [
            i
            for i in store_snapshot(store)["paragraphs_all_minilm_l6_v2"]
            if i.startswith("alderton_sqs_2015:")
        ]
        assert len(ids) == 20 and all(i.split(":")[1] == version for i in ids)

    def test_recurring_paragraphs_are_embedded_once(self, reports_dir, store, counting):
        ingester(store, counting).run([reports_dir])
        shutil.copy(
            reports_dir / "alderton_sqs_2017.txt", reports_dir / "alderton_sqs_2017_copy.txt"
        )
        counting.calls.clear()
        summary = ingester(store, counting).run([reports_dir])
        assert summary.ingested == [str(reports_dir / "alderton_sqs_2017_copy.txt")]
        assert summary.paragraphs == 12 and summary.embedded == 0 and counting.calls == []

    def test_prune_removes_reports_whose_file_is_gone(self, reports_dir, store, counting):
        ingester(store, counting).run([reports_dir])
        (reports_dir / "alderton_sqs_2017.txt").unlink()
        kept = ingester(store, counting).run([reports_dir])
        assert kept.removed == [] and "alderton_sqs_2017" in store.committed_versions()
        pruned = ingester(store, counting).run([reports_dir], prune=True)
        assert pruned.removed == ["alderton_sqs_2017"]
        assert sorted(store.committed_versions()) == ["alderton_sqs_2015", "brackwater_fji_2014"]
        assert not [i for i in store.all_paragraphs()["ids"] if i.startswith("alderton_sqs_2017")]

    def test_prune_is_skipped_when_a_path_is_missing(self, reports_dir, store, counting, tmp_path):
        ingester(store, counting).run([reports_dir])
        summary = ingester(store, counting).run([tmp_path / "nowhere"], prune=True)
        assert summary.failed == [
            {
                "path": str(tmp_path / "nowhere"),
                "error": f"{tmp_path / 'nowhere'}: no such file or folder. Check the path.",
            }
        ]
        assert summary.removed == [] and len(store.committed_versions()) == 3

    def test_two_files_with_one_report_id(self, tmp_path, store, counting):
        (tmp_path / "a").mkdir()
        (tmp_path / "b").mkdir()
        first = tmp_path / "a" / "Alderton SQS 2015.txt"
        second = tmp_path / "b" / "alderton_sqs_2015.txt"
        shutil.copy(DATA / "alderton_sqs_2015.txt", first)
        shutil.copy(DATA / "alderton_sqs_2017.txt", second)
        summary = ingester(store, counting).run([tmp_path / "a", tmp_path / "b"])
        assert summary.ingested == [str(first)]
        assert summary.failed == [
            {
                "path": str(second),
                "error": f"{second}: has the same report id 'alderton_sqs_2015' as {first}. Rename one "
                "of them (the report id is the file name, lower-cased).",
            }
        ]
        assert store.get_report("alderton_sqs_2015")["publication_date"] == "2015-03-11"

    def test_hidden_files_skipped_files_deduplicated_progress_reported(
        self, reports_dir, store, counting
    ):
        (reports_dir / ".notes.txt").write_text("private notes")
        (reports_dir / ".cache").mkdir()
        (reports_dir / ".cache" / "x.txt").write_text("cached")
        events: list[Progress] = []
        summary = ingester(store, counting).run(
            [reports_dir, reports_dir / "alderton_sqs_2015.txt"], progress=events.append
        )
        assert summary.ingested == [str(reports_dir / n) for n in SAMPLES]
        assert [(e.files_done, e.files_total, e.paragraphs) for e in events] == [
            (1, 3, 21),
            (2, 3, 33),
            (3, 3, 46),
        ]

    def test_a_saved_web_page_s_folder_of_images_is_no_report(self, reports_dir, store, counting):
        """Outlook and browsers save a page as `letter.htm` beside `letter_files/` (its images
        and a file list): the tune59 folder failed twice for them ("unsupported file type
        '.png'"). The folder belongs to the page, which is read; a `_files` folder with no page
        beside it is read as any folder, its files failing as they would anywhere."""
        (reports_dir / "alderton_letter.htm").write_text(
            "<html><body><h1>Short Quality Screening of youth offending work in Alderton</h1>"
            "<p>1.1 Inspectors found that plans were clear and well written.</p></body></html>"
        )
        (reports_dir / "alderton_letter_files").mkdir()
        (reports_dir / "alderton_letter_files" / "image001.png").write_bytes(b"\x89PNG\r\n")
        (reports_dir / "alderton_letter_files" / "filelist.xml").write_text("<xml/>")
        (reports_dir / "orphan_files").mkdir()
        (reports_dir / "orphan_files" / "image002.png").write_bytes(b"\x89PNG\r\n")
        # (the folder given by itself too, as a listing of the report folder gives it)
        summary = ingester(store, counting).run(
            [reports_dir, reports_dir / "alderton_letter_files"]
        )
        assert summary.ingested == [str(reports_dir / n) for n in ["alderton_letter.htm", *SAMPLES]]
        assert [f["path"] for f in summary.failed] == [
            str(reports_dir / "orphan_files" / "image002.png")
        ]


class TestBadInputs:
    """Each bad file fails alone, with a message naming it; the good ones are ingested."""

    def write_bad_files(self, folder):
        (folder / "empty.txt").write_bytes(b"")
        (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
        (folder / "latin1.txt").write_bytes(
            "Report of Short Quality Screening\n\nCaf\xe9 r\xe9sum\xe9 text.".encode("cp1252")
        )
        (folder / "big.txt").write_text("A paragraph of filler text for size.\n\n" * 2000)
        (folder / "corrupt.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ntruncated")
        (folder / "ratings.xlsx").write_bytes(b"PK\x03\x04 not read")

    def test_each_bad_file_fails_alone(self, reports_dir, store, counting):
        self.write_bad_files(reports_dir)
        summary = ingester(store, counting, max_file_mb=0.05).run([reports_dir])
        assert summary.ingested == [str(reports_dir / n) for n in SAMPLES]
        failed = {f["path"].rsplit("/", 1)[1]: f["error"] for f in summary.failed}
        assert sorted(failed) == [
            "big.txt",
            "binary.txt",
            "corrupt.pdf",
            "empty.txt",
            "latin1.txt",
            "ratings.xlsx",
        ]
        for name, error in failed.items():
            assert error.startswith(f"{reports_dir / name}: ")
        assert failed["empty.txt"].endswith("the file is empty. Export the report again.")
        assert "looks like a binary file, not text" in failed["binary.txt"]
        assert "is not valid UTF-8 (byte 38)" in failed["latin1.txt"]
        assert "MB is over the 0.05 MB limit" in failed["big.txt"]
        assert "FINDINGS_MAX_FILE_MB" in failed["big.txt"]
        assert "unsupported file type '.xlsx'" in failed["ratings.xlsx"]
        assert sorted(store.committed_versions()) == sorted(PARAGRAPHS)

    def test_a_broken_new_version_leaves_the_stored_report_alone(
        self, reports_dir, store, counting
    ):
        ingester(store, counting).run([reports_dir])
        before = store_snapshot(store)
        (reports_dir / "alderton_sqs_2015.txt").write_bytes(b"\x00\x01\x02" * 100)
        summary = ingester(store, counting).run([reports_dir])
        assert [f["path"] for f in summary.failed] == [str(reports_dir / "alderton_sqs_2015.txt")]
        assert summary.unchanged == [str(reports_dir / n) for n in SAMPLES[1:]]
        assert store_snapshot(store) == before


def test_embedding_inputs_carry_report_context(reports_dir):
    report = parse_file(reports_dir / "brackwater_fji_2014.md")
    assert embedding_input(report.meta, report.paragraphs[-1]) == (
        "Brackwater 2014 full joint inspection. Risk of harm. Risk of harm assessments were "
        "accurate and reviewed after every significant change."
    )


class TestEmbeddingInput:
    meta = ReportMeta(
        report_id="alderton_sqs_2015",
        area="Alderton",
        year=2015,
        inspection_type="short quality screening",
    )

    def para(self, **kw):
        base = dict(
            report_id="alderton_sqs_2015",
            section="Protecting the public",
            paragraph="2.1",
            ordinal=1,
            page=None,
            text="Risk of harm was assessed on time.",
        )
        return Paragraph(**{**base, **kw})

    def test_full_context(self):
        assert embedding_input(self.meta, self.para()) == (
            "Alderton 2015 short quality screening. Protecting the public. Risk of harm was assessed on time."
        )

    def test_missing_parts_are_skipped_and_dicts_accepted(self):
        meta = {"report_id": "x", "area": None, "year": 2019, "inspection_type": "unknown"}
        assert (
            embedding_input(meta, self.para(section="").to_dict())
            == "2019. Risk of harm was assessed on time."
        )
        bare = {"report_id": "x"}
        assert embedding_input(bare, {"section": "Summary", "text": "T."}) == "Summary. T."
