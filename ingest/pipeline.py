"""Ingest report files into the store: skip unchanged ones, parse, embed, commit each report.

`Ingester(store, embedder, settings).run(paths, prune=False, progress=None) -> IngestSummary`.

- A file whose sha256 equals the committed version of its report id is skipped without parsing.
- A file whose report id belongs to a stored report read from another file is refused (it
  would silently replace that report) unless `replace=True`; a changed version of the same file
  replaces its report.
- Changed and new files are parsed and then embedded in groups across files (one batched call
  per group), reusing stored vectors for every embedding input seen before (`text_sha`), and
  committed one report at a time, all-or-nothing (see `ingest.store`).
- A file that cannot be ingested (any `IngestError`) is recorded in `failed` with its message;
  the others go on, and the store keeps what it had for that report.
- On an embedded store, the summary's `state` holds every report's committed version as the
  run's write session left them, and the change token it left (`ingest.unchanged` keeps them,
  so that the next unchanged re-ingest needs no Chroma).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from findings.errors import IngestError, StoreError, escape_controls
from findings.hashing import file_sha256, text_sha
from findings.records import Paragraph, ParsedReport, ReportMeta, report_id_for
from findings.settings import Settings
from ingest.files import find_files
from ingest.summary import IngestSummary, StoreState
from ingest.version import report_version
from ingest.worker import ParseWorker
from store.factory import build_embedder, build_store
from store.protocols import Embedder, ParagraphStore

log = logging.getLogger("findings.ingest")


def embedding_input(meta: ReportMeta | dict, p: Paragraph | dict) -> str:
    """The text embedded for a paragraph: `"{area} {year} {inspection_type}. {section}. {text}"`,
    leaving out the parts not known, because a bare "Planning was adequate" is the same sentence
    in every report."""

    def get(obj, name):  # plain attribute reads: asdict() deep-copies every paragraph
        return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)

    kind = get(meta, "inspection_type")
    head = " ".join(
        str(v)
        for v in (get(meta, "area"), get(meta, "year"), kind if kind != "unknown" else None)
        if v
    )
    parts = [head, (get(p, "section") or "").strip().rstrip("."), get(p, "text")]
    return ". ".join(part for part in parts if part)


@dataclass
class Progress:
    """What a progress display needs; passed to the callback after every file is settled."""

    files_done: int
    files_total: int
    paragraphs: int
    current: str


ProgressCallback = Callable[[Progress], None]


class Ingester:
    """One public method: `run(paths, prune=False, progress=None, replace=False) -> IngestSummary`."""

    def __init__(self, store: ParagraphStore, embedder: Embedder, settings: Settings):
        self.store = store
        self.embedder = embedder
        self.settings = settings
        # per run: the writer thread, the write in flight, the versions committed at the start
        self._writer: ThreadPoolExecutor | None = None
        self._inflight: tuple | None = None
        self._committed: dict[str, str] = {}
        self._replace = False

    def run(
        self,
        paths: list[Path],
        prune: bool = False,
        progress: ProgressCallback | None = None,
        replace: bool = False,
    ) -> IngestSummary:
        """Ingest the files under `paths`. A file whose report id belongs to a report read from
        another file is refused unless `replace`; `prune` removes stored reports whose file is
        not among `paths`."""
        started = time.perf_counter()
        summary = IngestSummary()
        timings = {"scan": 0.0, "parse": 0.0, "embed": 0.0, "store": 0.0}
        files, missing = find_files(paths)
        summary.failed = list(missing)
        done = 0

        def settled(path: Path) -> None:
            nonlocal done
            done += 1
            if progress is not None:
                progress(Progress(done, len(files), summary.paragraphs, str(path)))

        # The run's state (writer thread, write in flight, parse worker, options) is set only
        # inside the write session, so a second thread running this Ingester (two uploads in
        # the app) waits for the session instead of swapping it. Files are read in a child
        # process, each under FINDINGS_PARSE_TIMEOUT_S.
        versions = None
        with self.store.writing():
            self._replace = replace
            self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="findings-store")
            self._inflight = None
            try:
                with ParseWorker(self.settings) as self._parser:
                    self._run(files, missing, prune, summary, timings, settled)
                    self._wait_for_write()
                if self.store.change_token() is not None:  # an embedded store: what it now holds
                    versions = self._committed_now()
            finally:
                self._writer.shutdown(wait=True)
        token = self.store.written_token()
        if versions is not None and token is not None:
            summary.state = StoreState(token=token, versions=versions)
        timings["total"] = time.perf_counter() - started
        summary.timings_ms = {k: round(v * 1000, 1) for k, v in timings.items()}
        return summary

    def _committed_now(self) -> dict[str, str] | None:
        """Every report's committed version, read at the end of the write session (None if
        that read fails: it only spares the next unchanged re-ingest the store, and the
        ingest itself is done)."""
        try:
            return self.store.committed_versions()
        except StoreError as exc:
            log.warning("%s", exc)
            return None

    def _run(self, files, missing, prune, summary: IngestSummary, timings: dict, settled) -> None:
        """The write session: skip unchanged files, parse, embed and commit group by group."""
        stored = {r["report_id"]: r for r in self.store.list_reports()}
        committed = {rid: r["version"] for rid, r in stored.items()}
        self._committed = committed
        owners: dict[str, Path] = {}
        pending: list[tuple[Path, ParsedReport]] = []
        for path in files:
            t = time.perf_counter()
            rid = report_id_for(path)
            if rid in owners:
                summary.failed.append(
                    _failure(
                        path,
                        f"{path}: has the same report id '{rid}' as {owners[rid]}. Rename one "
                        "of them (the report id is the file name, lower-cased).",
                    )
                )
                settled(path)
                continue
            owners[rid] = path
            other = _other_source(stored.get(rid), path)
            if other and not self._replace and not self._unchanged(path, committed.get(rid)):
                summary.failed.append(
                    _failure(
                        path,
                        f"{escape_controls(str(path))}: its report id '{rid}' is taken by the "
                        f"stored report read from {escape_controls(other)}, which it would replace. Rename the file, or, if it really is "
                        f"a new version of that report, ingest it with --replace (or run "
                        f"`findings remove {rid}` first).",
                    )
                )
                settled(path)
                continue
            if self._unchanged(path, committed.get(rid)):
                summary.unchanged.append(str(path))
                timings["scan"] += time.perf_counter() - t
                settled(path)
                continue
            timings["scan"] += time.perf_counter() - t
            t = time.perf_counter()
            try:
                pending.append((path, self._parser.parse(path)))
            except IngestError as exc:
                summary.failed.append(_failure(path, str(exc)))
                settled(path)
            timings["parse"] += time.perf_counter() - t
            if sum(len(r.paragraphs) for _, r in pending) >= self.settings.ingest_group:
                self._commit(pending, summary, timings, settled)
                pending = []
        self._commit(pending, summary, timings, settled)
        self._wait_for_write()
        if prune and missing:
            log.warning("not pruning: a given path does not exist")
        elif prune:
            self._prune(committed, owners, summary)

    def _unchanged(self, path: Path, committed_version: str | None) -> bool:
        """Is the file's content what the store holds for its report (so nothing to do)?"""
        if committed_version is None:
            return False
        try:
            if path.stat().st_size > self.settings.max_file_bytes:
                return False  # let the loader say why
            return report_version(file_sha256(path)) == committed_version
        except OSError:
            return False

    def _commit(self, pending, summary: IngestSummary, timings: dict, settled) -> None:
        if not pending:
            return
        for path, report in pending:  # the file it came from, whatever folder we run in
            report.meta.source_path = str(Path(path).resolve())
        t = time.perf_counter()
        inputs = {
            id(report): [embedding_input(report.meta, p) for p in report.paragraphs]
            for _, report in pending
        }
        shas = {key: [text_sha(s) for s in texts] for key, texts in inputs.items()}
        vectors = self.store.cached_embeddings([s for v in shas.values() for s in v])
        todo: dict[str, str] = {}
        for key, texts in inputs.items():
            for sha, text in zip(shas[key], texts, strict=True):
                if sha not in vectors:
                    todo.setdefault(sha, text)
        if todo:
            vectors.update(zip(todo, self.embedder.embed(list(todo.values())), strict=True))
        summary.embedded += len(todo)
        timings["embed"] += time.perf_counter() - t
        items = [
            (report, [vectors[s] for s in shas[id(report)]], shas[id(report)])
            for _, report in pending
        ]
        new = {report.meta.report_id for _, report in pending} - set(self._committed)

        def write() -> float:
            t = time.perf_counter()
            with self.store.joining():  # the run's write session, held by the calling thread
                self.store.commit_many(items, new_reports=new)
            return time.perf_counter() - t

        # Chroma writes this group on the writer thread while the next group is parsed and
        # embedded; one write at a time, in order, so each report is still all-or-nothing.
        self._wait_for_write()
        if self._writer is None:
            raise RuntimeError("Ingester._commit runs only inside run()")
        self._inflight = (self._writer.submit(write), list(pending), summary, timings, settled)

    def _wait_for_write(self) -> None:
        """Finish the write in flight (re-raising its error) and report its reports as done."""
        if self._inflight is None:
            return
        future, pending, summary, timings, settled = self._inflight
        self._inflight = None
        timings["store"] += future.result()
        for path, report in pending:
            summary.ingested.append(str(path))
            summary.paragraphs += len(report.paragraphs)
            log.info(
                "%s: ingested as %s (%d paragraphs)",
                path,
                report.meta.report_id,
                len(report.paragraphs),
            )
            settled(path)

    def _prune(self, committed: dict, owners: dict, summary: IngestSummary) -> None:
        stale = sorted(set(committed) - set(owners))
        if stale:
            self.store.remove(stale)
            summary.removed = stale
            for rid in stale:
                log.info("%s: removed (its file is gone)", rid)


def _other_source(stored: dict | None, path: Path) -> str | None:
    """The file a stored report was read from, when it is not `path` (the same file at a new
    version replaces its report; another file with a colliding id must not)."""
    if stored is None or not stored.get("source_path"):
        return None
    source = str(stored["source_path"])
    if not Path(source).is_absolute():  # stored by an older version, relative to an unknown
        return None if Path(source).name == path.name else source  # folder: trust the name
    try:
        if Path(source) == path.resolve():
            return None
    except OSError:
        pass
    return source


def _failure(path: Path, message: str) -> dict:
    log.info("%s", message)
    return {"path": str(path), "error": message}


def build_ingester(
    settings: Settings, embedder: Embedder | None = None, store: ParagraphStore | None = None
) -> Ingester:
    """The ingester for the configured store and embedding model (or the ones given, e.g. the
    app's, already loaded)."""
    embedder = embedder or build_embedder(settings)
    return Ingester(store or build_store(settings, embedder), embedder, settings)
