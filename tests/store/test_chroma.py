"""store/chroma.py against a real embedded Chroma in tmp_path, with the real bundled model."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import DATA, ROOT, store_snapshot

from findings.errors import ReportNotFound, StoreError, StoreLocked, StoreUnavailable
from findings.hashing import text_sha
from findings.records import Paragraph, ParsedReport, ReportMeta
from ingest.parse import report_version
from ingest.pipeline import embedding_input
from store.chroma import ChromaStore, paragraph_id

SLUG = "all_minilm_l6_v2"
V1 = "1" * 64
V2 = "2" * 64
R1 = report_version(V1)[:16]  # the version in paragraph ids: file content and parser
R2 = report_version(V2)[:16]


def make_report(
    version=V1,
    texts=("Plans were written late.", "Risk of harm was assessed well."),
    rid="alderton_sqs_2015",
):
    meta = ReportMeta(
        report_id=rid,
        title="Report of SQS in Alderton",
        area="Alderton",
        inspection_type="short quality screening",
        publication_date="2015-03-11",
        year=2015,
        source_sha256=version,
        format="txt",
        paragraphs=len(texts),
    )
    paragraphs = [
        Paragraph(rid, "Reducing reoffending", f"1.{i + 1}", i + 1, None, t, kind="numbered")
        for i, t in enumerate(texts)
    ]
    paragraphs.append(
        Paragraph(
            rid,
            "Summary",
            None,
            1,
            3,
            "Overall the work was sound¹.",
            kind="prose",
            footnotes=["¹ Source: Ministry of Justice", "² Second note"],
            section_path="Letter > Summary",
        )
    )
    return ParsedReport(meta=meta, paragraphs=paragraphs, version=report_version(version))


def commit(store, report, embedder):
    inputs = [embedding_input(report.meta, p) for p in report.paragraphs]
    store.commit(report, embedder.embed(inputs), [text_sha(s) for s in inputs])


@pytest.fixture
def store(tmp_path):
    return ChromaStore(tmp_path / "store", model_slug=SLUG, lock_timeout_s=1)


class TestCommitAndRead:
    def test_paragraph_rows(self, store, embedder):
        report = make_report()
        commit(store, report, embedder)
        rows = store.get_paragraphs("alderton_sqs_2015")
        assert [r["id"] for r in rows] == [
            f"alderton_sqs_2015:{R1}:00000",
            f"alderton_sqs_2015:{R1}:00001",
            f"alderton_sqs_2015:{R1}:00002",
        ]
        assert [r["text"] for r in rows] == [
            "Plans were written late.",
            "Risk of harm was assessed well.",
            "Overall the work was sound¹.",
        ]
        sha = text_sha(
            "Alderton 2015 short quality screening. Summary. Overall the work was sound¹."
        )
        assert {k: v for k, v in rows[2].items() if k not in ("id", "text")} == {
            "report_id": "alderton_sqs_2015",
            "section": "Summary",
            "paragraph": None,
            "ordinal": 1,
            "page": 3,
            "kind": "prose",
            "footnotes": ["¹ Source: Ministry of Justice", "² Second note"],
            "section_path": "Letter > Summary",
            "columns": [],
            "records": [],
            "order": 2,
            "version": report_version(V1),
            "text_sha": sha,
            "area": "Alderton",
            "year": 2015,
            "inspection_type": "short quality screening",
            "publication_date": "2015-03-11",
        }
        assert (
            rows[0]["paragraph"] == "1.1" and rows[0]["page"] is None and rows[0]["footnotes"] == []
        )

    def test_raw_metadata_omits_none_and_empty(self, store, embedder):
        commit(store, make_report(), embedder)
        raw = store_snapshot(store)[f"paragraphs_{SLUG}"][
            paragraph_id("alderton_sqs_2015", report_version(V1), 0)
        ][1]
        assert "page" not in raw and "footnotes" not in raw and "section_path" not in raw
        assert raw["paragraph"] == "1.1"

    def test_manifest(self, store, embedder):
        commit(store, make_report(), embedder)
        expected = {
            "report_id": "alderton_sqs_2015",
            "title": "Report of SQS in Alderton",
            "inspectorate": None,
            "area": "Alderton",
            "inspection_type": "short quality screening",
            "publication_date": "2015-03-11",
            "year": 2015,
            "fieldwork_start": None,
            "fieldwork_end": None,
            "lead_inspector": None,
            "source_path": None,
            "source_sha256": V1,
            "format": "txt",
            "pages": None,
            "paragraphs": 3,
            "version": report_version(V1),
        }
        assert store.get_report("alderton_sqs_2015") == expected
        assert store.list_reports() == [expected]
        assert store.committed_versions() == {"alderton_sqs_2015": report_version(V1)}

    def test_new_version_replaces_the_old_wholly(self, store, embedder):
        commit(store, make_report(V1, texts=("a one", "a two", "a three", "a four")), embedder)
        commit(store, make_report(V2, texts=("b one",)), embedder)
        assert [r["text"] for r in store.get_paragraphs("alderton_sqs_2015")] == [
            "b one",
            "Overall the work was sound¹.",
        ]
        snap = store_snapshot(store)[f"paragraphs_{SLUG}"]
        assert sorted(snap) == [
            f"alderton_sqs_2015:{R2}:00000",
            f"alderton_sqs_2015:{R2}:00001",
        ]
        assert store.get_report("alderton_sqs_2015")["paragraphs"] == 2

    def test_query_all_paragraphs_and_cache(self, store, embedder):
        commit(store, make_report(), embedder)
        commit(
            store,
            make_report(rid="brackwater_sqs_2016", texts=("The canteen was closed.",)),
            embedder,
        )
        [q] = embedder.embed(["Was the risk of harm assessed well?"])
        rows = store.query(q, 2)
        assert [r["text"] for r in rows] == [
            "Risk of harm was assessed well.",
            "Plans were written late.",
        ]
        assert 0 <= rows[0]["distance"] < rows[1]["distance"]
        only = store.query(q, 5, where={"report_id": "brackwater_sqs_2016"})
        assert sorted(r["text"] for r in only) == [
            "Overall the work was sound¹.",
            "The canteen was closed.",
        ]

        everything = store.all_paragraphs()
        assert everything["ids"] == [
            f"alderton_sqs_2015:{R1}:00000",
            f"alderton_sqs_2015:{R1}:00001",
            f"alderton_sqs_2015:{R1}:00002",
            f"brackwater_sqs_2016:{R1}:00000",
            f"brackwater_sqs_2016:{R1}:00001",
        ]
        assert everything["texts"][3] == "The canteen was closed."
        assert everything["metadatas"][3]["report_id"] == "brackwater_sqs_2016"

        inputs = [embedding_input(make_report().meta, p) for p in make_report().paragraphs]
        cached = store.cached_embeddings([text_sha(inputs[1]), "0" * 64])
        assert list(cached) == [text_sha(inputs[1])]
        [direct] = embedder.embed([inputs[1]])
        assert sum(a * b for a, b in zip(cached[text_sha(inputs[1])], direct, strict=True)) > 0.9999

    def test_remove(self, store, embedder):
        commit(store, make_report(), embedder)
        commit(store, make_report(rid="brackwater_sqs_2016"), embedder)
        assert store.remove(["alderton_sqs_2015"]) == {"alderton_sqs_2015": 3}
        assert store.committed_versions() == {"brackwater_sqs_2016": report_version(V1)}
        assert all(i.startswith("brackwater") for i in store_snapshot(store)[f"paragraphs_{SLUG}"])

    def test_remove_unknown_changes_nothing(self, store, embedder, tmp_path):
        commit(store, make_report(), embedder)
        before = store_snapshot(store)
        with pytest.raises(ReportNotFound) as err:
            store.remove(["alderton_sqs_2015", "nope"])
        assert str(err.value) == (
            f"no stored report 'nope' in {tmp_path / 'store'}. `findings reports` lists the stored reports."
        )
        assert store_snapshot(store) == before

    def test_get_unknown_report(self, store):
        with pytest.raises(ReportNotFound, match="`findings reports` lists the stored reports"):
            store.get_report("nope")
        with pytest.raises(ReportNotFound):
            store.get_paragraphs("nope")

    def test_reading_a_missing_store_creates_nothing(self, store, tmp_path):
        assert store.list_reports() == []
        assert store.committed_versions() == {}
        assert store.all_paragraphs() == {"ids": [], "texts": [], "metadatas": []}
        assert store.query([0.1] * 384, 3) == []
        assert not (tmp_path / "store").exists()


class _Killed(BaseException):
    """Stands in for SIGKILL: nothing after it runs, not even `except Exception`."""


class _Crashing:
    """A collection that dies at the n-th call of one method (after doing it when `after`)."""

    def __init__(self, col, method, after):
        self._col, self._method, self._after = col, method, after

    def __getattr__(self, name):
        real = getattr(self._col, name)
        if name != self._method:
            return real

        def call(*a, **kw):
            if self._after:
                real(*a, **kw)
            raise _Killed

        return call


class TestCrashRecovery:
    """A writer killed at any step: the next write session's recover() leaves exactly the state
    a clean run gives, and readers never see the half-written version meanwhile."""

    @pytest.mark.parametrize(
        "where, method, after, visible",
        [
            ("paragraphs", "upsert", True, "a one"),  # new rows written, manifest not yet
            ("manifest", "upsert", False, "a one"),  # killed just before the commit point
            ("manifest", "upsert", True, "b one"),  # committed, old rows not yet deleted
            ("paragraphs", "delete", False, "b one"),  # same, killed inside the delete
        ],
    )
    def test_killed_commit(self, tmp_path, embedder, where, method, after, visible):
        clean = ChromaStore(tmp_path / "clean", model_slug=SLUG)
        commit(clean, make_report(V1, texts=("a one", "a two", "a three")), embedder)
        commit(clean, make_report(V2, texts=("b one",)), embedder)

        store = ChromaStore(tmp_path / "store", model_slug=SLUG)
        commit(store, make_report(V1, texts=("a one", "a two", "a three")), embedder)
        paragraphs, manifest = store._collections()
        store._cols = (
            _Crashing(paragraphs, method, after) if where == "paragraphs" else paragraphs,
            _Crashing(manifest, method, after) if where == "manifest" else manifest,
        )
        with pytest.raises(_Killed):
            commit(store, make_report(V2, texts=("b one",)), embedder)
        store._cols = (paragraphs, manifest)

        assert store.get_paragraphs("alderton_sqs_2015")[0]["text"] == visible
        assert len(store.all_paragraphs()["ids"]) == (2 if visible == "b one" else 4)

        rerun = ChromaStore(tmp_path / "store", model_slug=SLUG)
        commit(rerun, make_report(V2, texts=("b one",)), embedder)
        assert store_snapshot(rerun) == store_snapshot(clean)

    def test_recover_removes_uncommitted_rows(self, store, embedder):
        commit(store, make_report(V1), embedder)
        report = make_report(V2, rid="brackwater_sqs_2016")
        paragraphs, _ = store._collections()
        paragraphs.upsert(
            ids=["brackwater_sqs_2016:x:00000"],
            embeddings=embedder.embed(["stray"]),
            documents=["stray"],
            metadatas=[{"report_id": report.meta.report_id, "version": V2}],
        )
        assert store.all_paragraphs()["ids"] == [
            paragraph_id("alderton_sqs_2015", report_version(V1), i) for i in range(3)
        ]
        [q] = embedder.embed(["stray"])
        assert "stray" not in [r["text"] for r in store.query(q, 3)]
        assert len(store.query(q, 3)) == 3
        with store.writing():
            pass
        assert sorted(store_snapshot(store)[f"paragraphs_{SLUG}"]) == [
            paragraph_id("alderton_sqs_2015", report_version(V1), i) for i in range(3)
        ]

    def test_interrupted_remove_is_finished_by_recover(self, store, embedder):
        commit(store, make_report(), embedder)
        paragraphs, manifest = store._collections()
        store._cols = (_Crashing(paragraphs, "delete", False), manifest)
        with pytest.raises(_Killed):
            store.remove(["alderton_sqs_2015"])
        store._cols = (paragraphs, manifest)
        assert store.list_reports() == [] and store.all_paragraphs()["ids"] == []
        assert store.recover() == 3
        assert store_snapshot(store)[f"paragraphs_{SLUG}"] == {}


HOLD_LOCK = """
import sys, time
from pathlib import Path
from store.chroma import ChromaStore
with ChromaStore(Path(sys.argv[1]), model_slug="all_minilm_l6_v2").writing():
    print("locked", flush=True)
    time.sleep(60)
"""


class TestSingleWriter:
    @pytest.mark.slow
    def test_second_writer_gets_store_locked_within_seconds(self, tmp_path):
        path = tmp_path / "store"
        holder = subprocess.Popen(
            [sys.executable, "-c", HOLD_LOCK, str(path)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert holder.stdout.readline() == "locked\n"
            store = ChromaStore(path, model_slug=SLUG, lock_timeout_s=1)
            started = time.monotonic()
            with pytest.raises(StoreLocked) as err:
                with store.writing():
                    pytest.fail("got the lock")
            assert 1 <= time.monotonic() - started < 3
            assert str(err.value) == (
                f"{path}: the store is in use by another findings process (pid {holder.pid}). "
                "Wait for it to finish, or point FINDINGS_STORE at another folder."
            )
        finally:
            holder.kill()
            holder.wait()
        with ChromaStore(path, model_slug=SLUG, lock_timeout_s=1).writing():
            pass  # the lock died with its holder

    def test_lock_is_reentrant_and_released(self, store, tmp_path):
        with store.writing():
            with store.writing():
                pass
            assert (tmp_path / "store" / ".write.lock").read_text() == str(os.getpid())
        with ChromaStore(tmp_path / "store", model_slug=SLUG, lock_timeout_s=0).writing():
            pass


class TestUnavailable:
    def test_server_not_running(self):
        import socket

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        store = ChromaStore(url=f"http://127.0.0.1:{port}", model_slug=SLUG)
        with pytest.raises(StoreUnavailable) as err:
            store.list_reports()
        assert str(err.value).startswith(
            f"http://127.0.0.1:{port}: cannot reach the Chroma server ("
        )
        assert str(err.value).endswith(
            "Start it (`chroma run --path DIR`), check FINDINGS_CHROMA_URL, or unset it to use the embedded store."
        )

    def test_store_path_is_a_file(self, tmp_path):
        (tmp_path / "file").write_text("x")
        store = ChromaStore(tmp_path / "file", model_slug=SLUG)
        with pytest.raises(StoreUnavailable) as err:
            store.list_reports()
        assert str(err.value) == (
            f"{tmp_path / 'file'}: cannot open the store folder (it is a file, not a folder). "
            "Check the folder and its permissions, or point FINDINGS_STORE at another folder."
        )
        with pytest.raises(StoreUnavailable, match="cannot open the store folder"):
            with store.writing():
                pass


def test_real_report_round_trip(store, embedder):
    from ingest.parse import parse_file

    report = parse_file(DATA / "alderton_sqs_2015.txt")
    commit(store, report, embedder)
    rows = store.get_paragraphs("alderton_sqs_2015")
    assert [(r["section"], r["paragraph"], r["ordinal"], r["text"]) for r in rows] == [
        (p.section, p.paragraph, p.ordinal, p.text) for p in report.paragraphs
    ]
    assert rows[6]["footnotes"] == [
        "¹ Published October 2014, proven reoffending within 12 months for the 2011-2012 cohort. "
        "Source: Ministry of Justice"
    ]


class TestWriteSessionAcrossThreads:
    """The app shares one store object between sessions: two uploads must take turns, and the
    lock must be free (for a CLI ingest) when both are done."""

    @pytest.mark.slow
    def test_a_second_thread_waits_for_the_session(self, store, tmp_path):
        import threading

        inside = threading.Event()
        release = threading.Event()
        order: list[str] = []

        def first():
            with store.writing():
                order.append("first in")
                inside.set()
                release.wait(5)
                order.append("first out")

        def second():
            inside.wait(5)
            with store.writing():
                order.append("second in")

        threads = [threading.Thread(target=first), threading.Thread(target=second)]
        for t in threads:
            t.start()
        inside.wait(5)
        time.sleep(0.3)  # the second thread is blocked on the lock by now
        assert order == ["first in"]
        release.set()
        for t in threads:
            t.join(10)
        assert order == ["first in", "first out", "second in"]
        assert not store.is_writing
        # free for another process now: nothing leaked
        probe = subprocess.run(
            [sys.executable, "-c", HOLD_LOCK.replace("time.sleep(60)", "pass"), str(store.path)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert (probe.returncode, probe.stdout) == (0, "locked\n")

    def test_a_thread_that_waits_too_long_gets_store_locked(self, tmp_path):
        import threading

        store = ChromaStore(tmp_path / "store", model_slug=SLUG, lock_timeout_s=0.2)
        errors: list[Exception] = []
        with store.writing():

            def other():
                try:
                    with store.writing():
                        pass
                except StoreLocked as exc:
                    errors.append(exc)

            t = threading.Thread(target=other)
            t.start()
            t.join(5)
        assert [str(e) for e in errors] == [
            f"{tmp_path / 'store'}: the store is in use by another upload or ingest in this "
            "process. Wait for it to finish, then try again."
        ]

    def test_joining_needs_a_session(self, store):
        with pytest.raises(RuntimeError):
            with store.joining():
                pass


class TestChromaErrorsBecomeStoreErrors:
    def test_a_collection_dropped_under_a_writer(self, store, embedder, tmp_path):
        commit(store, make_report(), embedder)
        store._client.delete_collection(f"paragraphs_{SLUG}")  # as another client could
        with pytest.raises(StoreError) as err:
            commit(store, make_report(V2), embedder)
        message = str(err.value)
        assert message.startswith(f"{tmp_path / 'store'}: could not ")
        assert message.endswith(
            "Try again; if it persists, the store may be damaged: ingest the reports into a new "
            "folder (FINDINGS_STORE)."
        )

    @pytest.mark.slow
    def test_a_read_only_database(self, embedder):
        """Run as an unprivileged user (root ignores file modes): the database file is
        read-only; the write fails with one clear message, and what was stored stays."""
        import shutil
        import tempfile

        if os.geteuid() == 0 and not shutil.which("setpriv"):
            pytest.skip("needs setpriv to drop root (root ignores file modes)")
        folder = Path(tempfile.mkdtemp(prefix="findings-ro-"))
        try:
            folder.chmod(0o777)
            store = ChromaStore(folder / "store", model_slug=SLUG)
            commit(store, make_report(), embedder)
            before = store_snapshot(store)
            for p in (folder / "store").rglob("*"):
                p.chmod(0o777 if p.is_dir() else 0o666)
            (folder / "store").chmod(0o777)
            (folder / "store" / "chroma.sqlite3").chmod(0o444)
            drop = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
            proc = subprocess.run(
                [
                    *(drop if os.geteuid() == 0 else []),
                    sys.executable,
                    "-c",
                    WRITE_ONE,
                    str(folder / "store"),
                ],
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert proc.stdout == (
                f"StoreUnavailable: {folder / 'store'}: cannot open the store folder (error "
                "returned from database: (code: 8) attempt to write a readonly database). Check "
                "the folder and its permissions, or point FINDINGS_STORE at another folder.\n"
            ), proc.stderr
            (folder / "store" / "chroma.sqlite3").chmod(0o644)
            assert store_snapshot(ChromaStore(folder / "store", model_slug=SLUG)) == before
        finally:
            shutil.rmtree(folder, ignore_errors=True)


WRITE_ONE = """
import sys
from pathlib import Path
from findings.errors import FindingsError
from findings.records import Paragraph, ParsedReport, ReportMeta
from store.chroma import ChromaStore
meta = ReportMeta(report_id="other", source_sha256="3" * 64)
report = ParsedReport(meta, [Paragraph("other", "S", "1", 1, None, "Text.")], version="v3")
try:
    ChromaStore(Path(sys.argv[1]), model_slug="all_minilm_l6_v2").commit(report, [[0.1] * 384], ["x"])
    print("stored")
except FindingsError as exc:
    print(f"{type(exc).__name__}: {exc}")
"""


class TestServerRecoverSparesConcurrentWriters:
    """On a Chroma server there is no lock: another process's rows, not committed yet, must
    survive this process's recover(); a crash's leftovers (over an hour old) are removed."""

    def test_young_uncommitted_rows_stay_old_ones_go(self, embedder, chroma_server):
        store = ChromaStore(url=chroma_server, model_slug=SLUG)
        existing = [r["report_id"] for r in store.list_reports()]
        if existing:
            store.remove(existing)
        commit(store, make_report(), embedder)
        paragraphs, _ = store._collections()
        row = {
            "report_id": "inflight",
            "version": "v-new",
            "order": 0,
            "section": "S",
            "ordinal": 1,
            "kind": "prose",
            "text_sha": "x",
        }
        paragraphs.upsert(  # what a concurrent writer has stored before its manifest row
            ids=["inflight:young", "inflight:old"],
            embeddings=[[0.1] * 384, [0.1] * 384],
            documents=["Young.", "Old."],
            metadatas=[
                {**row, "written_at": int(time.time())},
                {**row, "written_at": int(time.time()) - 7200},
            ],
        )
        other = ChromaStore(url=chroma_server, model_slug=SLUG)
        with other.writing():  # its recover() runs here
            pass
        left = paragraphs.get(where={"report_id": "inflight"}, include=[])["ids"]
        assert left == ["inflight:young"]
        assert store.committed_versions() == {"alderton_sqs_2015": report_version(V1)}
        assert len(store.get_paragraphs("alderton_sqs_2015")) == 3


@pytest.mark.slow
def test_processes_opening_a_new_store_at_once_all_open_it(tmp_path):
    """Chroma creates its tables on first open: several processes opening a new store at the
    same moment must not race ("table collections already exists")."""
    go = tmp_path / "go"
    code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from store.chroma import ChromaStore\n"
        "import chromadb\n"  # imported before waiting, so that the opens coincide
        "while not Path(sys.argv[1]).exists():\n"
        "    time.sleep(0.005)\n"
        f"print(ChromaStore(Path(sys.argv[2]), model_slug={SLUG!r}).list_reports())\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ANONYMIZED_TELEMETRY": "False"}
    for trial in range(2):
        store = tmp_path / f"store{trial}"
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", code, str(go), str(store)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
            )
            for _ in range(4)
        ]
        time.sleep(4)  # every child has imported chromadb and waits
        go.touch()
        results = [p.communicate(timeout=120) for p in procs]
        go.unlink()
        assert [(p.returncode, out) for p, (out, _) in zip(procs, results, strict=True)] == [
            (0, "[]\n")
        ] * 4, [err[-500:] for _, err in results]


def _vectors(n: int, seed: int) -> list[list[float]]:
    """Unit vectors of the model's width (the store keeps whatever vectors it is given)."""
    import numpy as np

    v = np.random.default_rng(seed).standard_normal((n, 384)).astype("float32")
    return (v / np.linalg.norm(v, axis=1, keepdims=True)).tolist()


def _reingest(store, version: str, n: int = 1200, seed: int = 0) -> ParsedReport:
    """Commit a new version of one long report, as an upgrade's re-parse does."""
    report = make_report(
        version, texts=tuple(f"Paragraph {i} of {version[:1]}." for i in range(n)), rid="wide_2021"
    )
    texts = [p.text for p in report.paragraphs]
    store.commit(report, _vectors(len(texts), seed), [text_sha(t) for t in texts])
    return report


def _bytes(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def _index_folders(folder: Path) -> list[str]:
    return sorted(d.name for d in folder.iterdir() if d.is_dir())


def _collection_names(store) -> set[str]:
    return {c.name for c in store._client.list_collections()}


def _copies_die_at(store, method: str, after: bool) -> None:
    """The store's next new collection (a compaction's copy) dies at its first `method` call."""
    client = store._client

    class Dying:
        def __getattr__(self, name):
            real = getattr(client, name)
            if name != "create_collection":
                return real
            return lambda *a, **kw: _Crashing(real(*a, **kw), method, after)

    store._client = Dying()


class TestCompaction:
    """Re-ingesting every report (a parser upgrade) replaces every row: Chroma keeps the dead
    slots, so without compaction the store grows by a copy of its vectors each time."""

    def test_repeated_full_reingests_keep_the_store_bounded(self, tmp_path):
        store = ChromaStore(tmp_path / "store", model_slug=SLUG)
        _reingest(store, V1)
        first = _bytes(tmp_path / "store")
        sizes = []
        for i, version in enumerate("3456789"):
            last = _reingest(store, version * 64, seed=i + 1)
            sizes.append(_bytes(tmp_path / "store"))
        # 1,201 rows replaced seven times: about 2.3 MB of index each, kept by Chroma
        assert max(sizes) < 2.5 * first, (first, sizes)
        rows = store.get_paragraphs("wide_2021")
        assert len(rows) == 1201
        assert {r["version"] for r in rows} == {last.version}
        assert rows[7]["text"] == "Paragraph 7 of 9."
        vector = _vectors(1201, 7)[7]
        assert store.query(vector, 1)[0]["id"] == paragraph_id("wide_2021", last.version, 7)
        assert store._read_wear() < 2000
        with store.writing():
            pass  # the next session drops what the last compaction replaced
        assert _collection_names(store) == {f"paragraphs_{SLUG}", f"reports_{SLUG}"}
        assert len(_index_folders(tmp_path / "store")) == 2  # one index per collection

    def test_no_compaction_below_the_minimum(self, tmp_path):
        store = ChromaStore(tmp_path / "store", model_slug=SLUG)
        _reingest(store, V1, n=300)
        _reingest(store, V2, n=300)
        assert store._read_wear() == 301
        assert _collection_names(store) == {f"paragraphs_{SLUG}", f"reports_{SLUG}"}

    def test_a_reader_of_the_same_process_follows_the_swap(self, tmp_path):
        writer = ChromaStore(tmp_path / "store", model_slug=SLUG, compact_min_rows=1)
        reader = ChromaStore(tmp_path / "store", model_slug=SLUG)
        _reingest(writer, V1, n=50)
        assert len(reader.get_paragraphs("wide_2021")) == 51
        last = _reingest(writer, V2, n=50, seed=1)  # compacts: the reader holds the old one
        assert {r["version"] for r in reader.get_paragraphs("wide_2021")} == {last.version}
        with writer.writing():
            pass  # drops the collection the reader had opened
        assert {r["version"] for r in reader.get_paragraphs("wide_2021")} == {last.version}
        vector = _vectors(51, 1)[3]
        assert reader.query(vector, 1)[0]["id"] == paragraph_id("wide_2021", last.version, 3)

    def test_killed_between_the_two_renames(self, tmp_path):
        store = ChromaStore(tmp_path / "store", model_slug=SLUG, compact_min_rows=1)
        _reingest(store, V1, n=50)
        _copies_die_at(store, "modify", False)  # the copy's rename into place never happens
        with pytest.raises(_Killed):
            _reingest(store, V2, n=50, seed=1)
        assert _collection_names(store) == {
            f"paragraphs_{SLUG}_compacting",
            f"reports_{SLUG}",
            *(n for n in _collection_names(store) if "_retired_" in n),
        }
        reader = ChromaStore(tmp_path / "store", model_slug=SLUG)  # as the next process
        rows = reader.get_paragraphs("wide_2021")
        assert len(rows) == 51 and rows[0]["version"] == report_version(V2)
        with reader.writing():
            pass
        assert _collection_names(reader) == {f"paragraphs_{SLUG}", f"reports_{SLUG}"}
        assert len(_index_folders(tmp_path / "store")) == 2
        assert len(reader.get_paragraphs("wide_2021")) == 51

    def test_killed_while_copying(self, tmp_path):
        store = ChromaStore(tmp_path / "store", model_slug=SLUG, compact_min_rows=1)
        _reingest(store, V1, n=50)
        _copies_die_at(store, "upsert", True)  # after the copy's first rows
        with pytest.raises(_Killed):
            _reingest(store, V2, n=50, seed=1)
        reader = ChromaStore(tmp_path / "store", model_slug=SLUG)
        assert [r["version"] for r in reader.get_paragraphs("wide_2021")] == [
            report_version(V2)
        ] * 51
        with reader.writing():
            pass
        assert _collection_names(reader) == {f"paragraphs_{SLUG}", f"reports_{SLUG}"}
        assert len(reader.get_paragraphs("wide_2021")) == 51
