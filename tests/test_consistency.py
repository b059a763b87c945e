"""Random interleavings of ingest, change, remove and ask leave the store equal to a model of
what was committed, and no answer cites a report that was removed before it was asked.

Run with threads in one process (the app: uploads racing each other while people ask) and with
two processes (a CLI writing while another process answers), against the embedded store and a
real `chroma run` server. Real Chroma, the real model, reports written here.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import DATA, findings_cmd, store_snapshot, subprocess_env

from findings.settings import get_settings
from ingest.pipeline import Ingester
from retrieval.assistant import Assistant
from store.chroma import ChromaStore

pytestmark = pytest.mark.slow

AREAS = ["Ashcombe", "Brindle", "Corvale", "Dunmore"]
SOURCE = (DATA / "alderton_sqs_2015.txt").read_text()


def report_text(area: str, variant: int) -> str:
    """A screening letter about `area`; each variant prints its own reoffending rate."""
    return SOURCE.replace("Alderton", area).replace("41.2%", f"{40 + variant}.5%")


def write_report(folder: Path, area: str, variant: int) -> Path:
    path = folder / f"{area.lower()}_sqs_2015.txt"
    path.write_text(report_text(area, variant))
    return path


@dataclass
class Model:
    """What has been committed: report id -> variant, and each report's history of presence
    (time, present) so an ask can be checked against what was stored while it ran."""

    stored: dict[str, int] = field(default_factory=dict)
    history: dict[str, list[tuple[float, bool]]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, rid: str, variant: int | None, at: float | None = None) -> None:
        """`at`: for an ingest, a time before its write began (it may be seen from then on);
        for a removal, a time after its write session ended (it is gone from then on)."""
        at = time.time() if at is None else at
        with self.lock:
            if variant is None:
                self.stored.pop(rid, None)
            else:
                self.stored[rid] = variant
            self.history.setdefault(rid, []).append((at, variant is not None))

    def present_during(self, rid: str, start: float, end: float) -> bool:
        """Was `rid` stored at some moment between `start` and `end`?"""
        with self.lock:
            events = sorted(self.history.get(rid, []))
        state = False
        for t, present in events:
            if t > end:
                break
            if t < start:
                state = present
            elif present:
                return True
        return state


class LogReplay:
    """Brings a Model up to date with another process's log of commits (`[time, id, variant]`
    lines, variant null for a removal); callable from several threads."""

    def __init__(self, log: Path, model: Model):
        self.log, self.model, self.seen = log, model, 0
        self.lock = threading.Lock()

    def __call__(self) -> None:
        with self.lock:
            lines = self.log.read_text().splitlines()
            for line in lines[self.seen :]:
                t, rid, variant = json.loads(line)
                with self.model.lock:
                    if variant is None:
                        self.model.stored.pop(rid, None)
                    else:
                        self.model.stored[rid] = variant
                    self.model.history.setdefault(rid, []).append((t, variant is not None))
            self.seen = len(lines)


@dataclass
class Asked:
    """What one answer cited, and when it was asked: checked once the whole history is known."""

    labels: list[tuple[str, str]]  # (report id, citation label)
    start: float
    end: float


def ask(assistant: Assistant, area: str, asked: list[Asked]) -> None:
    start = time.time()
    answer = assistant.ask(f"What was the reoffending rate in {area}?")
    asked.append(Asked([(c.report_id, c.label) for c in answer.citations], start, time.time()))


def stale(asked: list[Asked], model: Model) -> list[str]:
    """Citations of a report that was removed before the question was asked and could not
    have been stored again before it was answered."""
    return [
        f"cited {label} though it was removed before the question"
        for a in asked
        for rid, label in a.labels
        if not model.present_during(rid, a.start, a.end)
    ]


def final_state_matches(store: ChromaStore, model: Model) -> None:
    reports = {r["report_id"] for r in store.list_reports()}
    assert reports == set(model.stored)
    for rid, variant in model.stored.items():
        texts = [p["text"] for p in store.get_paragraphs(rid)]
        assert any(f"{40 + variant}.5%" in t for t in texts), rid
    # no orphan rows: every stored paragraph belongs to a committed version
    committed = store.committed_versions()
    snap = store_snapshot(store)
    paragraphs = next(v for k, v in snap.items() if k.startswith("paragraphs_"))
    assert all(committed.get(md["report_id"]) == md["version"] for _, md in paragraphs.values())


@pytest.fixture(params=["embedded", "server"])
def store(request, tmp_path, embedder):
    if request.param == "embedded":
        return ChromaStore(tmp_path / "store", model_slug=embedder.model_slug, lock_timeout_s=60)
    url = request.getfixturevalue("chroma_server")
    store = ChromaStore(url=url, model_slug=embedder.model_slug, lock_timeout_s=60)
    existing = [r["report_id"] for r in store.list_reports()]
    if existing:
        store.remove(existing)
    return store


def test_threads_in_one_process(store, embedder, tmp_path):
    """Two writer threads (uploads) and an asking thread share one store object."""
    model = Model()
    asked: list[Asked] = []
    errors: list[BaseException] = []
    ingester = Ingester(store, embedder, get_settings())
    assistant = Assistant(store, embedder)
    in_order = threading.Lock()

    def writer(seed: int) -> None:
        rng = random.Random(seed)
        folder = tmp_path / f"w{seed}"
        folder.mkdir()
        try:
            for _ in range(8):
                area = rng.choice(AREAS)
                rid = f"{area.lower()}_sqs_2015"
                # `in_order`: the model records writes in the order they happened (the store
                # serialises the writes themselves anyway)
                if rng.random() < 0.3:
                    with in_order:
                        with store.writing():
                            removed = rid in store.committed_versions()
                            if removed:
                                store.remove([rid])
                        if removed:  # a remove is complete when its write session has ended
                            model.record(rid, None)
                    continue
                variant = rng.randrange(3)
                path = write_report(folder, area, variant)
                with in_order:
                    began = time.time()
                    with store.writing():
                        summary = ingester.run([path], replace=True)
                        assert summary.failed == [], summary.failed
                    model.record(rid, variant, at=began)
        except BaseException as exc:  # reported below
            errors.append(exc)

    def asker() -> None:
        rng = random.Random(99)
        try:
            while any(t.is_alive() for t in writers):
                ask(assistant, rng.choice(AREAS), asked)
        except BaseException as exc:
            errors.append(exc)

    writers = [threading.Thread(target=writer, args=(seed,)) for seed in (1, 2)]
    for t in writers:
        t.start()
    reader = threading.Thread(target=asker)
    reader.start()
    for t in [*writers, reader]:
        t.join(600)
    assert not errors, "\n".join(f"{type(e).__name__}: {e}" for e in errors)
    assert stale(asked, model) == []
    final_state_matches(store, model)


WRITER = """
import json, random, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[4])
from test_consistency import AREAS, write_report
from findings.settings import get_settings
from ingest.pipeline import build_ingester
from store.factory import build_store

settings = get_settings(**json.loads(sys.argv[1]))
store = build_store(settings)
ingester = build_ingester(settings, store=store)
folder, log = Path(sys.argv[2]), open(sys.argv[3], "a")
rng = random.Random(7)
for _ in range(10):
    area = rng.choice(AREAS)
    rid = f"{area.lower()}_sqs_2015"
    if rng.random() < 0.35:
        with store.writing():
            removed = rid in store.committed_versions()
            if removed:
                store.remove([rid])
        if removed:  # complete once the write session has ended, as `findings remove` returns
            log.write(json.dumps([time.time(), rid, None]) + "\\n")
            log.flush()
        continue
    variant = rng.randrange(3)
    path = write_report(folder, area, variant)
    began = time.time()  # it may be seen from here on
    with store.writing():
        summary = ingester.run([path], replace=True)
        assert summary.failed == [], summary.failed
    log.write(json.dumps([began, rid, variant]) + "\\n")
    log.flush()
print("done")
"""


def start_writer(store: ChromaStore, folder: Path, log: Path, steps: int) -> subprocess.Popen:
    """Another process running WRITER for `steps` random ingests and removes on `store`."""
    where = {"chroma_url": store.url} if store.url else {"store": str(store.path)}
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            WRITER.replace("range(10)", f"range({steps})"),
            json.dumps({**where, "lock_timeout_s": 60}),
            str(folder),
            str(log),
            str(Path(__file__).parent),
        ],
        env=subprocess_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_processes(store, embedder, tmp_path):
    """Another process ingests, changes and removes while this one answers."""
    folder = tmp_path / "writer"
    folder.mkdir()
    log = tmp_path / "log.jsonl"
    log.touch()
    proc = start_writer(store, folder, log, steps=10)
    assistant = Assistant(store, embedder)
    model = Model()
    rng = random.Random(3)
    replay = LogReplay(log, model)

    asked: list[Asked] = []
    while proc.poll() is None:
        ask(assistant, rng.choice(AREAS), asked)
    out, err = proc.communicate(timeout=600)
    assert (proc.returncode, out) == (0, "done\n"), err
    replay()  # the writer's whole history, then every answer against it
    assert len(asked) >= 3
    assert stale(asked, model) == []
    final_state_matches(store, model)


def test_two_uploads_and_a_cli_ingest_race(tmp_path, embedder):
    """The app's two overlapping uploads and a CLI ingest on the same embedded store: they take
    turns (no lock left behind) and every report is committed exactly once."""
    from ui.uploads import add_uploads, uploads_folder

    store = ChromaStore(tmp_path / "store", model_slug=embedder.model_slug, lock_timeout_s=120)
    ingester = Ingester(store, embedder, get_settings())

    @dataclass
    class Sent:
        name: str
        data: bytes

        @property
        def size(self) -> int:
            return len(self.data)

        def getvalue(self) -> bytes:
            return self.data

    batches = [
        [Sent(f"{a.lower()}_sqs_2015.txt", report_text(a, 1).encode()) for a in AREAS[:2]],
        [Sent(f"{a.lower()}_sqs_2015.txt", report_text(a, 2).encode()) for a in AREAS[2:]],
    ]
    cli_folder = tmp_path / "cli"
    cli_folder.mkdir()
    (cli_folder / "ely_sqs_2016.txt").write_text(report_text("Ely", 0))
    outcomes = []
    threads = [
        threading.Thread(
            target=lambda b=b: outcomes.append(
                add_uploads(b, uploads_folder(store.path), ingester, 10**7, 50)
            )
        )
        for b in batches
    ]
    cli = subprocess.Popen(
        findings_cmd("ingest", str(cli_folder), "--store", str(store.path), "--json"),
        env=subprocess_env(FINDINGS_LOCK_TIMEOUT_S="120"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    for t in threads:
        t.start()
    for t in threads:
        t.join(600)
    out, err = cli.communicate(timeout=600)
    assert cli.returncode == 0, err
    assert sorted(o.ingested for o in outcomes) == [
        ["ashcombe_sqs_2015.txt", "brindle_sqs_2015.txt"],
        ["corvale_sqs_2015.txt", "dunmore_sqs_2015.txt"],
    ]
    assert [o.failed for o in outcomes] == [[], []]
    assert sorted(r["report_id"] for r in store.list_reports()) == [
        "ashcombe_sqs_2015",
        "brindle_sqs_2015",
        "corvale_sqs_2015",
        "dunmore_sqs_2015",
        "ely_sqs_2016",
    ]
    with ChromaStore(store.path, model_slug=embedder.model_slug, lock_timeout_s=0).writing():
        pass  # nobody holds the lock any more


def test_eight_askers_against_a_server_while_another_process_writes(
    embedder, tmp_path, chroma_server
):
    """Eight threads ask for as long as another process ingests, changes and removes reports
    on the same Chroma server: no errors, no answer citing a report removed before it was
    asked, and the final store is exactly what the writer committed."""
    store = ChromaStore(url=chroma_server, model_slug=embedder.model_slug, lock_timeout_s=60)
    existing = [r["report_id"] for r in store.list_reports()]
    if existing:
        store.remove(existing)
    folder = tmp_path / "writer"
    folder.mkdir()
    log = tmp_path / "log.jsonl"
    log.touch()
    proc = start_writer(store, folder, log, steps=24)
    model = Model()
    errors: list[BaseException] = []
    asked: list[Asked] = []
    replay = LogReplay(log, model)

    def asker(seed: int) -> None:
        assistant = Assistant(store, embedder)
        rng = random.Random(seed)
        try:
            while proc.poll() is None:
                ask(assistant, rng.choice(AREAS), asked)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=asker, args=(seed,)) for seed in range(8)]
    for t in threads:
        t.start()
    out, err = proc.communicate(timeout=900)
    for t in threads:
        t.join(120)
    assert (proc.returncode, out) == (0, "done\n"), err
    replay()
    assert not errors, "\n".join(f"{type(e).__name__}: {e}" for e in errors)
    assert len(asked) >= 8
    assert stale(asked, model) == []
    final_state_matches(store, model)
