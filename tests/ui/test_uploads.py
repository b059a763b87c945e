"""ui/uploads.py: untrusted upload names never leave the uploads folder; sizes and counts are checked before reading."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from conftest import DATA

from findings.errors import FileTooLarge
from ingest.pipeline import IngestSummary
from ui.uploads import UploadRejected, safe_name, save_upload, upload_outcome, uploads_folder


class TestSafeName:
    @pytest.mark.parametrize(
        ("sent", "kept"),
        [
            ("Thurrock SQS 2015.pdf", "Thurrock SQS 2015.pdf"),
            ("../../etc/passwd.txt", "passwd.txt"),
            ("/etc/cron.d/evil.md", "evil.md"),
            ("C:\\Users\\me\\report.docx", "report.docx"),
            ("..\\..\\windows\\win.ini.txt", "win.ini.txt"),
            ("re\x00port.txt", "re_port.txt"),
            ("report.txt\x00.exe.pdf", "report.txt_.exe.pdf"),
            ("<script>alert(1)</script>.html", "script_.html"),
            ("rapport d’inspection (v2).htm", "rapport d_inspection _v2_.htm"),
            (".hidden.txt", "hidden.txt"),
            ("  trailing. .txt. ", "trailing. .txt"),
            ("x" * 300 + ".pdf", "x" * 196 + ".pdf"),
        ],
    )
    def test_keeps_a_plain_basename(self, sent, kept):
        assert safe_name(sent) == kept

    @pytest.mark.parametrize(
        "sent", ["", ".", "..", "../..", "/", "a/", "...txt", "_.txt", " .pdf", "\x00"]
    )
    def test_refuses_names_with_nothing_left(self, sent):
        with pytest.raises(UploadRejected) as err:
            safe_name(sent)
        shown = sent.replace("\x00", "\\x00")  # control characters are shown escaped
        assert str(err.value) == (
            f"{shown}: has no usable file name. Rename the file (e.g. 'marshbury_sqs_2016.pdf') "
            "and upload it again."
        )

    @pytest.mark.parametrize("sent", ["../../etc/passwd", "report", "report.exe", "report.txt\x00"])
    def test_refuses_formats_findings_does_not_read(self, sent):
        with pytest.raises(UploadRejected) as err:
            safe_name(sent)
        shown = sent.replace("\x00", "\\x00")
        assert str(err.value) == (
            f"{shown}: is not a format findings reads. Upload one of: .pdf, .txt, .md, .markdown, .html, .htm, .docx."
        )


class TestSaveUpload:
    @pytest.mark.parametrize(
        "sent", ["../../outside.txt", "/tmp/outside.txt", "sub/../../outside.txt"]
    )
    def test_writes_inside_the_folder_only(self, tmp_path, sent):
        folder = uploads_folder(tmp_path / "store")
        path = save_upload(folder, sent, b"text", max_bytes=100)
        assert path == (tmp_path / "store" / "uploads" / "outside.txt").resolve()
        assert path.read_bytes() == b"text"
        assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["outside.txt"]

    def test_replaces_a_symlink_instead_of_writing_through_it(self, tmp_path):
        folder = tmp_path / "uploads"
        folder.mkdir()
        victim = tmp_path / "victim.txt"
        victim.write_text("keep")
        (folder / "report.txt").symlink_to(victim)
        path = save_upload(folder, "report.txt", b"new", max_bytes=100)
        assert victim.read_text() == "keep"
        assert not path.is_symlink() and path.read_bytes() == b"new"

    def test_refuses_a_file_over_the_limit(self, tmp_path):
        with pytest.raises(FileTooLarge) as err:
            save_upload(
                tmp_path / "uploads", "big.pdf", b"x" * 2 * 1048576 + b"x", max_bytes=2 * 1048576
            )
        assert str(err.value) == (
            "big.pdf: 2.0 MB is over the 2 MB limit. Split the report, or raise "
            "FINDINGS_MAX_FILE_MB if it really is one report."
        )
        assert not (tmp_path / "uploads").exists()


def test_upload_outcome_names_files_not_store_paths(tmp_path):
    folder = tmp_path / "uploads"
    summary = IngestSummary(
        ingested=[str(folder / "a.txt")],
        unchanged=[str(folder / "b.md")],
        failed=[
            {
                "path": str(folder / "empty.txt"),
                "error": f"{folder / 'empty.txt'}: the file is empty. Export the report again.",
            }
        ],
        paragraphs=12,
    )
    rejected = [UploadRejected("x.exe", "is not a format findings reads.")]
    out = upload_outcome(summary, rejected, folder)
    assert out.ingested == ["a.txt"]
    assert out.unchanged == ["b.md"]
    assert out.failed == [
        "x.exe: is not a format findings reads.",
        "empty.txt: the file is empty. Export the report again.",
    ]
    assert out.paragraphs == 12


class TestAddUploads:
    """`add_uploads`: sizes checked before any byte is read, a cap on files per upload, every
    refusal named, the rest ingested (a real store and the real model)."""

    @dataclass
    class Sent:
        name: str
        data: bytes
        size: int = -1
        read: bool = False

        def __post_init__(self):
            self.size = len(self.data) if self.size < 0 else self.size

        def getvalue(self) -> bytes:
            self.read = True
            return self.data

    def test_sizes_first_cap_on_files_and_the_rest_ingested(self, tmp_path, embedder):
        from findings.settings import get_settings
        from ingest.pipeline import Ingester
        from store.chroma import ChromaStore
        from ui.uploads import add_uploads

        good = (DATA / "alderton_sqs_2015.txt").read_bytes()
        huge = self.Sent("huge.txt", b"", size=3 * 1048576)  # says 3 MB: never read
        files = [
            self.Sent("alderton_sqs_2015.txt", good),
            huge,
            self.Sent("report.exe", b"MZ"),
            self.Sent("alderton_sqs_2017.txt", (DATA / "alderton_sqs_2017.txt").read_bytes()),
        ]
        store = ChromaStore(tmp_path / "store", model_slug=embedder.model_slug)
        outcome = add_uploads(
            files,
            uploads_folder(tmp_path / "store"),
            Ingester(store, embedder, get_settings()),
            max_bytes=1048576,
            max_files=3,
        )
        assert huge.read is False
        assert outcome.ingested == ["alderton_sqs_2015.txt"]
        assert outcome.failed == [  # in the order sent
            "huge.txt: 3.0 MB is over the 1 MB limit. Split the report, or raise "
            "FINDINGS_MAX_FILE_MB if it really is one report.",
            "report.exe: is not a format findings reads. Upload one of: .pdf, .txt, .md, "
            ".markdown, .html, .htm, .docx.",
            "alderton_sqs_2017.txt: was not added: at most 3 files are taken per upload. Upload "
            "it with the next batch, or ingest a folder with `findings ingest FOLDER`.",
        ]
        assert [r["report_id"] for r in store.list_reports()] == ["alderton_sqs_2015"]
