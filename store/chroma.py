"""The paragraph store: Chroma collections for one embedding model, written all-or-nothing.

Two collections per embedding model (`<slug>` from `store.embed.model_slug`):

- `paragraphs_<slug>` (cosine): one row per paragraph, id `{report_id}:{version[:16]}:{order:05d}`,
  the verbatim text as document, provenance and report-level filter fields as metadata. The
  report's records (`findings.records.Record`, issue 10) ride on the row of the paragraph each
  cites, as a JSON list under `records` (and `has_records: true`), so they are written in the
  same upserts as the paragraphs, committed by the same manifest row, removed with them, and
  read with no extra query by whoever reads the paragraphs.
- `reports_<slug>`: the manifest, one row per *committed* report (its metadata and `version`,
  the source file's sha256), with a 1-dim dummy vector.

A report is committed in three steps: upsert the new version's paragraphs, upsert the manifest
row naming the new version, delete the report's rows of any other version. The manifest row is
the commit point; `recover()` (run at the start of every write session) deletes rows the
manifest does not name, so a process killed at any step leaves a store that the next run
completes. Readers filter on the committed versions and never see a half-written report.

Replacing rows leaves their slots in Chroma's vector index (it never reuses them) and a deleted
collection leaves its folder: an upgrade that re-parses every report would grow the embedded
store by a copy of its vectors each time. So the embedded store counts the rows it deletes
(`<store>/.wear`), and when they pass half the live rows (and COMPACT_MIN_ROWS) a write session
ends by compacting: the committed rows are copied into a new collection, which is renamed into
place; the old one is renamed aside and dropped, with every segment folder no collection uses,
at the start of the next write session (a reader still holding it meanwhile reads the same
rows). The paragraphs collection exists, complete, at every step: a run killed between the two
renames leaves only the copy, which readers use and the next writer renames.

One writer at a time: the embedded store takes an exclusive `flock` on `<store>/.write.lock`
for each write session (and threads of one process take turns on a lock of their own). A Chroma
server serialises writes itself. Every write session rewrites `<store>/.generation` when it
starts and ends: readers in any process compare it (microseconds) to know when to look again.
"""

from __future__ import annotations

import fcntl
import functools
import json
import logging
import os
import shutil
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import fields
from pathlib import Path
from typing import Any, TypeVar, cast
from urllib.parse import urlparse

from findings.errors import (
    FindingsError,
    ReportNotFound,
    StoreError,
    StoreLocked,
    StoreUnavailable,
)
from findings.records import Paragraph, ParsedReport, Record, ReportMeta
from store.state import DATABASE, GENERATION, generation_token

REPORT_FIELDS = [f.name for f in fields(ReportMeta)]
FILTER_FIELDS = ("area", "year", "inspection_type", "publication_date")
_IN_CHUNK = 500  # ids/values per `$in` filter
F = TypeVar("F", bound=Callable[..., Any])
log = logging.getLogger("findings.store")


# Opening an embedded store sets Chroma's tables up (migrations). Two processes opening a new
# store at once both try ("table collections already exists"), and one opening while another
# writes can meet SQLite's "database is locked": opening is serialised across processes by a
# lock file in the store folder, and a locked database is waited for, a bounded time.
OPEN_LOCK = ".open.lock"
WEAR = ".wear"  # rows deleted from the embedded store since it was last compacted
COMPACT_MIN_ROWS = 2000  # below this many deleted rows the dead slots cost a few MB: leave them
COMPACT_SHARE = 0.5  # compact once the deleted rows pass this share of the live rows
STAGING = "_compacting"  # suffix of the collection a compaction copies into
RETIRED = "_retired_"  # infix of a collection a compaction replaced, dropped at the next write
OPEN_RETRIES = 8  # 0.05 s doubling: about 6 s in all


def _open_persistent(chromadb: Any, path: str, settings: Any) -> Any:
    with open(os.path.join(path, OPEN_LOCK), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        for attempt in range(OPEN_RETRIES + 1):
            try:
                return chromadb.PersistentClient(path=path, settings=settings)
            except Exception as exc:
                if "database is locked" not in str(exc) or attempt == OPEN_RETRIES:
                    raise
                time.sleep(min(0.05 * 2**attempt, 2.0))
    raise AssertionError("unreachable")


def paragraph_id(report_id: str, version: str, order: int) -> str:
    return f"{report_id}:{version[:16]}:{order:05d}"


def _chroma(action: str, retries: int = 0) -> Callable[[F], F]:
    """Chroma's own errors (SQLite, HTTP, internal) become a StoreError naming the store and the
    action. Reads are retried a few times first: a Chroma server answering while another process
    removes or re-ingests can fail a read once (`Error finding id`)."""

    def decorate(method: F) -> F:
        @functools.wraps(method)
        def guarded(self: ChromaStore, *args: Any, **kwargs: Any) -> Any:
            for attempt in range(retries + 1):
                try:
                    return method(self, *args, **kwargs)
                except FindingsError:
                    raise
                except Exception as exc:
                    if attempt < retries:
                        time.sleep(0.05 * 2**attempt)
                        continue
                    raise self._failed(action, exc) from exc

        return cast(F, guarded)

    return decorate


def _written_by(token: tuple | None, pid: int) -> bool:
    """Was the generation in `token` written by process `pid`?"""
    return bool(token and isinstance(token[1], str) and token[1].startswith(f"{pid}:"))


def _one_line(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 300 else text[:297] + "..."


class ChromaStore:
    """Paragraphs and report manifest in Chroma (embedded folder, or a server when `url`)."""

    def __init__(
        self,
        path: Path | None = None,
        url: str | None = None,
        *,
        model_slug: str,
        lock_timeout_s: float = 5,
        headers: dict[str, str] | None = None,
        compact_min_rows: int = COMPACT_MIN_ROWS,
    ):
        if (path is None) == (url is None):
            raise ValueError("give exactly one of path (embedded store) or url (Chroma server)")
        self.path = Path(path) if path is not None else None
        self.url = url
        self.model_slug = model_slug
        self.lock_timeout_s = lock_timeout_s
        self.headers = dict(headers or {})  # sent with every request to a server
        self.compact_min_rows = compact_min_rows
        self._client: Any = None  # chromadb's client, made on first use
        self._cols: tuple[Any, Any] | None = None  # (paragraphs, manifest) collections
        self._local = threading.local()  # this thread's nesting of writing(), last token
        self._session_open = False  # a thread of this process holds the write session
        self._seen: tuple | None = None  # change_token() as this process last left the folder
        self._layout = 0  # _layout() when the collections were opened
        self._where = _location_key(self.location)  # resolved once: read on every read
        self._reopening = threading.RLock()

    @property
    def location(self) -> str:
        return self.url or str(self.path)

    # --- write session ------------------------------------------------------------------------

    @contextmanager
    def writing(self) -> Iterator[ChromaStore]:
        """One write session: hold the single-writer lock, then recover. Re-entrant within a
        thread; another thread of this process (a second upload in the app) waits for the lock
        like another process does, up to `lock_timeout_s`, then gets StoreLocked."""
        depth = getattr(self._local, "depth", 0)
        if depth:
            self._local.depth = depth + 1
            try:
                yield self
            finally:
                self._local.depth = depth
            return
        in_process = _process_lock(self.location)
        if not in_process.acquire(timeout=self.lock_timeout_s):
            raise StoreLocked(
                f"{self.location}: the store is in use by another upload or ingest in this "
                "process. Wait for it to finish, then try again."
            )
        try:
            fd = self._lock(self.path) if self.path is not None else None
            try:
                token = self.change_token()
                if self._cols is not None and token != self._seen:
                    if _written_by(token, os.getpid()):
                        self._seen = token
                    else:
                        self._reopen()  # another process wrote since this one last looked
                self._local.depth = 1
                self._local.written = None  # until this session has ended
                self._session_open = True
                # a new generation at the start and at the end: a writer killed half-way still
                # tells readers to look again, and everything done is seen once it returns
                self._bump_generation()
                self.recover()
                yield self
                self._compact_quietly()  # only after a session that ended without error
            finally:
                self._local.depth = 0
                self._local.written = None
                try:
                    self._bump_generation()
                    self._local.written = self.change_token()  # still under the lock
                finally:
                    if self.path is not None and self._cols is not None:
                        self._seen = self.change_token()  # our own writes: nothing to reload
                    self._session_open = False
                if fd is not None:
                    os.close(fd)  # releases the flock
        finally:
            in_process.release()

    @contextmanager
    def joining(self) -> Iterator[ChromaStore]:
        """Let a helper thread write inside the session its owner holds (the ingester commits
        on a writer thread while its main thread parses and embeds)."""
        if not self._session_open:
            raise RuntimeError("joining() needs a write session held by another thread")
        depth = getattr(self._local, "depth", 0)
        self._local.depth = depth + 1
        try:
            yield self
        finally:
            self._local.depth = depth

    @property
    def is_writing(self) -> bool:
        """Does this thread hold the write session?"""
        return bool(getattr(self._local, "depth", 0))

    @_chroma("clean up after an interrupted write")
    def recover(self) -> int:
        """Delete paragraph rows whose (report_id, version) is not committed; return how many.

        On a Chroma server another process may be writing at this very moment (the server has
        no lock we could hold): its rows are not committed *yet*. There, only rows older than
        SERVER_ORPHAN_AGE_S are orphans (a writer commits each group within seconds); younger
        ones are left alone, invisible to readers until their manifest row commits them."""
        if self.path is not None:
            self._finish_compaction()
        paragraphs, _ = self._collections()
        committed = self.committed_versions()
        got = _get_all(paragraphs, include=["metadatas"])
        old = time.time() - SERVER_ORPHAN_AGE_S
        orphans = [
            pid
            for pid, md in zip(got["ids"], got["metadatas"], strict=True)
            if committed.get(md.get("report_id")) != md.get("version")
            and (self.url is None or float(md.get("written_at") or 0) < old)
        ]
        self._delete_ids(paragraphs, orphans)
        self._wear(len(orphans))
        return len(orphans)

    def commit(
        self, report: ParsedReport, vectors: list[list[float]], text_shas: list[str]
    ) -> None:
        """Store one parsed report, replacing any earlier version of it, all-or-nothing."""
        self.commit_many([(report, vectors, text_shas)])

    @_chroma("store the reports")
    def commit_many(
        self,
        items: list[tuple[ParsedReport, list[list[float]], list[str]]],
        new_reports: set[str] | None = None,
    ) -> None:
        """Store several parsed reports, each all-or-nothing, in as few writes as possible:
        every new paragraph row first, then the manifest rows (the commit point of each report),
        then the rows of versions now replaced. `new_reports` names reports known to have no
        committed version (nothing to delete); by default every report is cleaned up."""
        rows: list[tuple[str, list[float], str, dict]] = []
        manifest_rows: list[tuple[str, dict]] = []
        for report, vectors, text_shas in items:
            meta = report.meta
            version = report.version
            if not version:
                raise ValueError(f"{meta.report_id}: ParsedReport.version is not set")
            if not (len(vectors) == len(text_shas) == len(report.paragraphs)):
                raise ValueError(f"{meta.report_id}: one vector and one text_sha per paragraph")
            report_fields = {k: getattr(meta, k) for k in FILTER_FIELDS}
            records = _records_by_paragraph(report)
            for order, p in enumerate(report.paragraphs):
                md = {
                    "report_id": meta.report_id,
                    "section": p.section,
                    "paragraph": p.paragraph,
                    "ordinal": p.ordinal,
                    "page": p.page,
                    "kind": p.kind,
                    "footnotes": "\n".join(p.footnotes) or None,
                    "section_path": p.section_path or None,
                    "columns": "\t".join(p.columns) if p.columns else None,
                    "records": json.dumps(records[order], ensure_ascii=False)
                    if order in records
                    else None,
                    "has_records": True if order in records else None,
                    "order": order,
                    "version": version,
                    "text_sha": text_shas[order],
                    # on a server, when it was written: recover() spares a concurrent writer's
                    "written_at": int(time.time()) if self.url is not None else None,
                    **report_fields,
                }
                rows.append(
                    (
                        paragraph_id(meta.report_id, version, order),
                        vectors[order],
                        p.text,
                        _clean(md),
                    )
                )
            row = _clean(
                {**meta.to_dict(), "paragraphs": len(report.paragraphs), "version": version}
            )
            manifest_rows.append((meta.report_id, row))
        with self.writing():
            paragraphs, manifest = self._collections()
            step = self._batch_size()
            for s in range(0, len(rows), step):
                chunk = rows[s : s + step]
                paragraphs.upsert(
                    ids=[r[0] for r in chunk],
                    embeddings=[r[1] for r in chunk],
                    documents=[r[2] for r in chunk],
                    metadatas=[r[3] for r in chunk],
                )
            manifest.upsert(
                ids=[rid for rid, _ in manifest_rows],
                embeddings=[[1.0]] * len(manifest_rows),
                documents=[rid for rid, _ in manifest_rows],
                metadatas=[row for _, row in manifest_rows],
            )
            before = paragraphs.count()
            for rid, row in manifest_rows:
                if new_reports is not None and rid in new_reports:
                    continue
                paragraphs.delete(
                    where={"$and": [{"report_id": rid}, {"version": {"$ne": row["version"]}}]}
                )
            self._wear(before - paragraphs.count())

    @_chroma("remove the reports")
    def remove(self, report_ids: list[str]) -> dict[str, int]:
        """Remove reports and their paragraphs; return paragraphs removed per report."""
        with self.writing():
            paragraphs, manifest = self._collections()
            committed = self.committed_versions()
            unknown = [r for r in report_ids if r not in committed]
            if unknown:
                raise ReportNotFound(
                    f"no stored report {', '.join(repr(r) for r in unknown)} in {self.location}. "
                    "`findings reports` lists the stored reports."
                )
            removed = {}
            for rid in dict.fromkeys(report_ids):
                removed[rid] = len(paragraphs.get(where={"report_id": rid}, include=[])["ids"])
                manifest.delete(
                    ids=[rid]
                )  # uncommit first: recover() finishes an interrupted remove
                paragraphs.delete(where={"report_id": rid})
            self._wear(sum(removed.values()))
            return removed

    # --- compaction (embedded store) ---------------------------------------------------------

    @property
    def _folder(self) -> Path:
        """The embedded store's folder (compaction is the embedded store's alone)."""
        if self.path is None:
            raise RuntimeError("a Chroma server's store has no folder here")
        return self.path

    @property
    def _paragraphs_name(self) -> str:
        return f"paragraphs_{self.model_slug}"

    def _wear(self, deleted: int) -> None:
        """Add rows just deleted to the embedded store's count of dead index slots."""
        if self.path is None or deleted <= 0:
            return
        self._write_wear(self._read_wear() + deleted)

    def _read_wear(self) -> int:
        try:
            return int(json.loads((self._folder / WEAR).read_text(encoding="ascii"))["deleted"])
        except (OSError, ValueError, KeyError, TypeError):
            return 0  # none yet, or unreadable: it only times the next compaction

    def _write_wear(self, deleted: int) -> None:
        target = self._folder / WEAR
        tmp = target.with_name(f"{WEAR}.{os.getpid()}.tmp")
        try:
            tmp.write_text(json.dumps({"deleted": deleted}), encoding="ascii")
            tmp.replace(target)
        except OSError as exc:
            raise self._failed("record the rows replaced", exc) from exc

    def _compact_quietly(self) -> None:
        """Compact when due; a failure leaves the store as it was and is only reported: what
        the session wrote is committed, and the next write session tries again."""
        try:
            if self._compact_if_worn():
                log.info("%s: compacted the store (rows replaced had filled its index)", self.path)
        except StoreError as exc:
            log.warning("%s", exc)

    @_chroma("compact the store")
    def _compact_if_worn(self) -> bool:
        """At the end of a write session on the embedded store: when the rows deleted since the
        last compaction pass COMPACT_SHARE of the live rows (and `compact_min_rows`), copy the
        committed rows into a new collection and rename it into place. Returns whether it did."""
        if self.path is None or self._cols is None:
            return False
        deleted = self._read_wear()
        paragraphs, manifest = self._cols
        live = paragraphs.count()
        if deleted < max(self.compact_min_rows, COMPACT_SHARE * live):
            return False
        client, main = self._client, self._paragraphs_name
        _drop(client, main + STAGING)  # a copy an earlier run did not finish
        fresh = client.create_collection(
            main + STAGING, embedding_function=None, configuration={"hnsw": {"space": "cosine"}}
        )
        committed = self.committed_versions()
        copied = 0
        step = self._batch_size()
        offset = 0
        while True:
            got = paragraphs.get(
                include=["embeddings", "documents", "metadatas"], limit=GET_PAGE, offset=offset
            )
            keep = [
                i
                for i, md in enumerate(got["metadatas"])
                if committed.get(md.get("report_id")) == md.get("version")
            ]
            for s in range(0, len(keep), step):
                part = keep[s : s + step]
                fresh.upsert(
                    ids=[got["ids"][i] for i in part],
                    embeddings=[got["embeddings"][i] for i in part],
                    documents=[got["documents"][i] for i in part],
                    metadatas=[got["metadatas"][i] for i in part],
                )
            copied += len(keep)
            if len(got["ids"]) < GET_PAGE:
                break
            offset += GET_PAGE
        if fresh.count() != copied:
            raise StoreError(
                f"{self.path}: compacting the store copied {fresh.count()} of {copied} rows. "
                "Nothing was replaced; run the ingest again to retry."
            )
        # the two renames: between them only the complete copy exists, under its staging name
        paragraphs.modify(name=f"{main}{RETIRED}{uuid.uuid4().hex[:12]}")
        fresh.modify(name=main)
        self._cols = (fresh, manifest)
        self._layout = _layout(self._where, changed=True)
        self._write_wear(0)
        return True

    def _finish_compaction(self) -> None:
        """Start of a write session on the embedded store: rename a complete copy left between
        a compaction's two renames into place, drop an unfinished copy and the collections
        compactions replaced, and remove the segment folders that no collection uses."""
        cols = self._collections()
        client, main = self._client, self._paragraphs_name
        names = {c.name for c in client.list_collections()}
        if main + STAGING in names:
            if main in names:
                _drop(client, main + STAGING)  # cut before its renames: the original stands
            else:  # cut between them: the copy is complete (and is what _open opened)
                copy = client.get_collection(main + STAGING, embedding_function=None)
                copy.modify(name=main)
                self._cols = (copy, cols[1])
                self._layout = _layout(self._where, changed=True)
        for name in names:
            if name.startswith(main + RETIRED):
                _drop(client, name)
        self._remove_unused_segments()

    def _remove_unused_segments(self) -> None:
        """Chroma leaves a dropped collection's vector-index folder behind: remove every
        segment folder of the store that its database no longer names."""
        try:
            db = sqlite3.connect(f"file:{self._folder / DATABASE}?mode=ro", uri=True, timeout=5)
            try:
                used = {row[0] for row in db.execute("SELECT id FROM segments")}
            finally:
                db.close()
        except sqlite3.Error:
            return  # a layout this code does not know: remove nothing
        for entry in self._folder.iterdir():
            if entry.is_dir() and _is_uuid(entry.name) and entry.name not in used:
                if (entry / "header.bin").exists() or not any(entry.iterdir()):
                    shutil.rmtree(entry, ignore_errors=True)

    # --- reading ------------------------------------------------------------------------------

    def change_token(self) -> tuple | None:
        """Something that changes whenever a write session on the embedded store starts or
        ends (in any process), or its database file is deleted or replaced, read in
        microseconds; None for a server, which readers must ask. It is the store's generation
        file, which only writers touch (Chroma itself writes to its SQLite file whenever any
        process opens it, reading or not), and the identity of that SQLite file."""
        return None if self.path is None else generation_token(self.path)

    def written_token(self) -> tuple | None:
        """The change token that this thread's last write session on the embedded store ended
        with, read while the session still held the write lock: it names exactly the state that
        session left, so whoever later finds the same `change_token()` knows nothing was written
        since. None for a server, or before this thread's first session."""
        return getattr(self._local, "written", None)

    def _bump_generation(self) -> None:
        """A new generation: readers that cached what they read must look again."""
        if self.path is None:
            return
        target = self.path / GENERATION
        tmp = target.with_name(f"{GENERATION}.{os.getpid()}.{threading.get_ident()}.tmp")
        try:
            tmp.write_text(f"{os.getpid()}:{uuid.uuid4().hex}", encoding="ascii")
            tmp.replace(target)
        except OSError as exc:
            raise self._failed("record the change", exc) from exc

    @_chroma("read the report list", retries=3)
    def versions_of(self, report_ids: list[str]) -> dict[str, str]:
        """The committed version of each of these reports that is still stored (a quick
        check before an answer leaves: one read of a few manifest rows)."""
        cols = self._collections(create=False)
        if cols is None or not report_ids:
            return {}
        got = cols[1].get(ids=list(dict.fromkeys(report_ids)), include=["metadatas"])
        return {rid: md["version"] for rid, md in zip(got["ids"], got["metadatas"], strict=True)}

    @_chroma("read the report list", retries=3)
    def committed_versions(self) -> dict[str, str]:
        cols = self._collections(create=False)
        if cols is None:
            return {}
        got = _get_all(cols[1], include=["metadatas"])
        return {rid: md["version"] for rid, md in zip(got["ids"], got["metadatas"], strict=True)}

    @_chroma("read the report list", retries=3)
    def list_reports(self) -> list[dict]:
        cols = self._collections(create=False)
        if cols is None:
            return []
        got = _get_all(cols[1], include=["metadatas"])
        return sorted((_report(md) for md in got["metadatas"]), key=lambda r: r["report_id"])

    @_chroma("read the report", retries=3)
    def get_report(self, report_id: str) -> dict:
        cols = self._collections(create=False)
        got = cols[1].get(ids=[report_id], include=["metadatas"]) if cols else {"ids": []}
        if not got["ids"]:
            raise ReportNotFound(
                f"no stored report '{report_id}' in {self.location}. "
                "`findings reports` lists the stored reports."
            )
        return _report(got["metadatas"][0])

    @_chroma("read the paragraphs", retries=3)
    def get_paragraphs(self, report_id: str) -> list[dict]:
        """The committed version's paragraphs in reading order (ReportNotFound if not stored)."""
        version = self.get_report(report_id)["version"]
        paragraphs, _ = self._collections()
        got = paragraphs.get(
            where={"$and": [{"report_id": report_id}, {"version": version}]},
            include=["documents", "metadatas"],
        )
        rows = map(_row, got["ids"], got["documents"], got["metadatas"])
        return sorted(rows, key=lambda r: r["order"])

    @_chroma("read the paragraphs", retries=3)
    def all_paragraphs(
        self, embeddings: bool = False, committed: dict[str, str] | None = None
    ) -> dict[str, list]:
        """Every committed paragraph (for BM25): `{"ids", "texts", "metadatas"}` (and
        `"embeddings"` when asked), in reading order. `committed` (report id -> version, e.g.
        from `list_reports()`) picks exactly those versions, so that paragraphs and report
        metadata read one after the other describe the same state."""
        empty: dict[str, list] = {
            "ids": [],
            "texts": [],
            "metadatas": [],
            **({"embeddings": []} if embeddings else {}),
        }
        cols = self._collections(create=False)
        if cols is None:
            return empty
        if committed is None:
            committed = self.committed_versions()
        include = ["documents", "metadatas"] + (["embeddings"] if embeddings else [])
        got = _get_all(cols[0], include=include)
        vectors = got["embeddings"] if embeddings else [None] * len(got["ids"])
        rows = [
            r
            for r in zip(got["ids"], got["documents"], got["metadatas"], vectors, strict=True)
            if committed.get(r[2]["report_id"]) == r[2]["version"]
        ]
        rows.sort(key=lambda r: (r[2]["report_id"], r[2]["order"]))
        out = {
            "ids": [r[0] for r in rows],
            "texts": [r[1] for r in rows],
            "metadatas": [_paragraph_meta(r[2]) for r in rows],
        }
        if embeddings:
            out["embeddings"] = [r[3] for r in rows]
        return out

    @_chroma("read the records", retries=3)
    def records(
        self, report_ids: list[str] | None = None, kinds: list[str] | None = None
    ) -> list[dict]:
        """The committed records (`Record.to_json()` dicts), in reading order of each report,
        reports by id; only those of `report_ids` and of `kinds` when given."""
        cols = self._collections(create=False)
        if cols is None:
            return []
        committed = self.committed_versions()
        wanted = set(committed) if report_ids is None else set(report_ids) & set(committed)
        if not wanted:
            return []
        where: dict = {"has_records": True}
        if report_ids is not None:
            ids = sorted(wanted)
            where = (
                {"$and": [where, {"report_id": {"$in": ids}}]} if len(ids) <= _IN_CHUNK else where
            )
        got = _get_all(cols[0], include=["metadatas"], where=where)
        rows = sorted(
            (
                md
                for md in got["metadatas"]
                if md["report_id"] in wanted and committed[md["report_id"]] == md["version"]
            ),
            key=lambda md: (md["report_id"], md["order"]),
        )
        kept = set(kinds) if kinds is not None else None
        return [
            r for md in rows for r in json.loads(md["records"]) if kept is None or r["kind"] in kept
        ]

    @_chroma("search the paragraphs", retries=3)
    def query(
        self,
        embedding: list[float],
        n: int,
        where: dict | None = None,
        committed: dict[str, str] | None = None,
    ) -> list[dict]:
        """The `n` committed paragraphs nearest to `embedding` (cosine distance), nearest first.
        `committed` (report id -> version) spares reading the manifest when the caller knows it."""
        cols = self._collections(create=False)
        if cols is None or n <= 0:
            return []
        paragraphs = cols[0]
        if committed is None:
            committed = self.committed_versions()
        total = None
        fetch = n
        while True:
            got = paragraphs.query(
                query_embeddings=[embedding],
                n_results=max(fetch, 1),
                where=where,
                include=["documents", "metadatas", "distances"],
            )
            hits = list(
                zip(
                    got["ids"][0],
                    got["documents"][0],
                    got["metadatas"][0],
                    got["distances"][0],
                    strict=True,
                )
            )
            fresh = [
                h for h in hits if committed.get(h[2].get("report_id")) == h[2].get("version")
            ][:n]
            # uncommitted rows (a write in progress or interrupted) took places: ask for more
            if len(fresh) == n or len(hits) < fetch:
                return [_row(*hit) for hit in fresh]
            total = paragraphs.count() if total is None else total
            if fetch >= total:
                return [_row(*hit) for hit in fresh]
            fetch = min(total, fetch * 2)

    @_chroma("read stored vectors", retries=3)
    def cached_embeddings(self, text_shas: list[str]) -> dict[str, list[float]]:
        """Vectors already stored for these embedding-input hashes (any report, any version)."""
        cols = self._collections(create=False)
        if cols is None:
            return {}
        wanted = list(dict.fromkeys(text_shas))
        found: dict[str, list[float]] = {}
        for s in range(0, len(wanted), _IN_CHUNK):
            got = cols[0].get(
                where={"text_sha": {"$in": wanted[s : s + _IN_CHUNK]}},
                include=["metadatas", "embeddings"],
            )
            for md, vec in zip(got["metadatas"], got["embeddings"], strict=True):
                found.setdefault(md["text_sha"], [float(x) for x in vec])
        return found

    # --- plumbing -----------------------------------------------------------------------------

    def _lock(self, folder: Path) -> int:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd = os.open(folder / ".write.lock", os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise self._unavailable(exc) from exc
        deadline = time.monotonic() + self.lock_timeout_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
                    os.close(fd)
                    raise StoreLocked(
                        f"{self.path}: the store is in use by another findings process "
                        f"(pid {holder}). Wait for it to finish, or point FINDINGS_STORE at "
                        "another folder."
                    ) from None
                time.sleep(0.05)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        return fd

    def _collections(self, create: bool = True):
        """(paragraphs, manifest) collections; None when reading a store folder not yet made."""
        if self._cols is not None and self.path is not None and not self._session_open:
            # Chroma's embedded client keeps indexes in memory and does not see what another
            # process wrote: when another process changed the folder, open it afresh (the
            # first read after its ingest or remove). Our own writes need nothing.
            token = self.change_token()
            if token != self._seen:
                if _written_by(token, os.getpid()):
                    self._seen = token
                else:
                    self._reopen()
            if self._cols is not None and self._layout != _layout(self._where):
                with self._reopening:  # a compaction in this process swapped the collection
                    self._cols = None
        cols = self._cols
        if cols is not None:
            return cols
        with self._reopening:  # one thread opens; the others use what it opened
            if self._cols is not None:
                return self._cols
            return self._open(create)

    def _open(self, create: bool):
        if not create and self.path is not None and not self.path.is_file():
            if not (self.path / DATABASE).exists():
                return None  # nothing stored yet: don't create a folder just to read it
        client = self._client or self._connect()
        try:
            main = self._paragraphs_name
            names = {c.name for c in client.list_collections()} if self.path is not None else set()
            if main not in names and main + STAGING in names:
                # a compaction cut between its two renames: its copy is complete, read it
                paragraphs = client.get_collection(main + STAGING, embedding_function=None)
            else:
                paragraphs = client.get_or_create_collection(
                    main, embedding_function=None, configuration={"hnsw": {"space": "cosine"}}
                )
            manifest = client.get_or_create_collection(
                f"reports_{self.model_slug}", embedding_function=None
            )
        except Exception as exc:
            raise self._unavailable(exc) from exc
        self._cols = (paragraphs, manifest)
        self._seen = self.change_token()
        self._layout = _layout(self._where)
        return self._cols

    def _reopen(self) -> None:
        with self._reopening:
            client, self._client, self._cols = self._client, None, None
            if client is not None:
                try:
                    client.close()  # releases Chroma's cached system, so the next open reads disk
                except Exception:
                    pass

    def _connect(self):
        os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        settings = ChromaSettings(anonymized_telemetry=False)
        try:
            if self.url is not None:
                u = urlparse(self.url if "://" in self.url else f"http://{self.url}")
                if not u.hostname:
                    raise ValueError("no host in the URL")
                ssl = u.scheme == "https"
                self._client = chromadb.HttpClient(
                    host=u.hostname,
                    port=u.port or (443 if ssl else 8000),
                    ssl=ssl,
                    headers=self.headers or None,
                    settings=settings,
                )
            else:
                if self.path.exists() and not self.path.is_dir():
                    raise NotADirectoryError("it is a file, not a folder")
                self.path.mkdir(parents=True, exist_ok=True)
                self._client = _open_persistent(chromadb, str(self.path), settings)
        except Exception as exc:
            raise self._unavailable(exc) from exc
        return self._client

    def _failed(self, action: str, exc: Exception) -> StoreError:
        """A Chroma error as our own, saying what we were doing and what to do."""
        detail = f"{type(exc).__name__}: {_one_line(exc)}"
        if self.url is not None:
            return StoreUnavailable(
                f"{self.url}: could not {action}: the Chroma server stopped answering or failed "
                f"({detail}). Check that it is running (`chroma run --path DIR`) and that "
                "FINDINGS_CHROMA_URL points at it, then try again."
            )
        if "readonly" in detail.lower() or "read-only" in detail.lower():
            return StoreUnavailable(
                f"{self.path}: could not {action}: the store folder cannot be written ({detail}). "
                "Check its permissions and free disk space, or point FINDINGS_STORE at a "
                "writable folder. What was stored before is unchanged."
            )
        return StoreError(
            f"{self.path}: could not {action} ({detail}). Try again; if it persists, the store "
            "may be damaged: ingest the reports into a new folder (FINDINGS_STORE)."
        )

    def _unavailable(self, exc: Exception) -> StoreUnavailable:
        if self.url is not None:
            return StoreUnavailable(
                f"{self.url}: cannot reach the Chroma server ({exc}). Start it (`chroma run "
                "--path DIR`), check FINDINGS_CHROMA_URL, or unset it to use the embedded store."
            )
        return StoreUnavailable(
            f"{self.path}: cannot open the store folder ({exc}). Check the folder and its "
            "permissions, or point FINDINGS_STORE at another folder."
        )

    def _batch_size(self) -> int:
        return max(1, min(self._client.get_max_batch_size(), 1000))

    def _delete_ids(self, collection, ids: list[str]) -> None:
        step = self._batch_size() if ids else 1
        for s in range(0, len(ids), step):
            collection.delete(ids=ids[s : s + step])


SERVER_ORPHAN_AGE_S = 3600  # uncommitted rows on a server older than this are a crash's leftovers


_PROCESS_LOCKS: dict[str, threading.Lock] = {}
_PROCESS_LOCKS_GUARD = threading.Lock()
# Which paragraphs collection a store's name stands for changes when a compaction renames its
# copy into place. Another process learns of it from the generation (it reopens the store after
# every write session it did not make); ChromaStore objects of the writing process, which skip
# that reopening, compare this count per store location instead.
_LAYOUTS: dict[str, int] = {}


def _location_key(location: str) -> str:
    return location if "://" in location else str(Path(location).resolve())


def _process_lock(location: str) -> threading.Lock:
    """One lock per store location in this process, shared by every ChromaStore object on it."""
    with _PROCESS_LOCKS_GUARD:
        return _PROCESS_LOCKS.setdefault(_location_key(location), threading.Lock())


def _layout(key: str, changed: bool = False) -> int:
    """This process's count of collection swaps at a store location (`_location_key`), one
    more when `changed`."""
    with _PROCESS_LOCKS_GUARD:
        _LAYOUTS[key] = _LAYOUTS.get(key, 0) + (1 if changed else 0)
        return _LAYOUTS[key]


GET_PAGE = 5000  # rows per read: one `get` of every row fails past SQLite's variable limit


def _get_all(collection, include: list[str], where: dict | None = None) -> dict:
    """Every row of a collection (or those matching `where`), read a page at a time."""
    out: dict[str, list] = {"ids": [], **{k: [] for k in include}}
    offset = 0
    while True:
        got = collection.get(include=include, where=where, limit=GET_PAGE, offset=offset)
        out["ids"] += got["ids"]
        for k in include:
            out[k] += list(got[k]) if got[k] is not None else []
        if len(got["ids"]) < GET_PAGE:
            return out
        offset += GET_PAGE


def _drop(client, name: str) -> None:
    try:
        client.delete_collection(name)
    except Exception as exc:
        if type(exc).__name__ != "NotFoundError":
            raise


def _is_uuid(name: str) -> bool:
    try:
        return str(uuid.UUID(name)) == name
    except ValueError:
        return False


def _records_by_paragraph(report: ParsedReport) -> dict[int, list[dict]]:
    """Each record as JSON, under the position of the paragraph it cites (the first with its
    section, number and ordinal whose text holds the record's text)."""
    if not report.records:
        return {}
    places: dict[tuple, list[int]] = {}
    for order, p in enumerate(report.paragraphs):
        places.setdefault(_place(p), []).append(order)
    out: dict[int, list[dict]] = {}
    for r in report.records:
        orders = places.get(_place(r), [])
        found = next((o for o in orders if r.text in report.paragraphs[o].text), None)
        if found is None:
            raise ValueError(
                f"{report.meta.report_id}: a {r.kind} record cites no stored paragraph "
                f"({r.section} ¶{r.paragraph or r.ordinal})"
            )
        out.setdefault(found, []).append(r.to_json())
    return out


def _place(p: Paragraph | Record) -> tuple:
    return (p.section, p.paragraph, p.ordinal)


def _clean(md: dict) -> dict:
    """Chroma metadata: no None values (read back with .get -> None)."""
    return {k: v for k, v in md.items() if v is not None}


def _report(md: dict) -> dict:
    out = {k: md.get(k) for k in REPORT_FIELDS}
    out["version"] = md["version"]
    return out


def _paragraph_meta(md: dict) -> dict:
    return {
        "report_id": md["report_id"],
        "section": md["section"],
        "paragraph": md.get("paragraph"),
        "ordinal": md["ordinal"],
        "page": md.get("page"),
        "kind": md["kind"],
        "footnotes": md["footnotes"].split("\n") if md.get("footnotes") else [],
        "section_path": md.get("section_path", ""),
        "columns": md["columns"].split("\t") if md.get("columns") else [],
        "records": json.loads(md["records"]) if md.get("records") else [],
        "order": md["order"],
        "version": md["version"],
        "text_sha": md["text_sha"],
        **{k: md.get(k) for k in FILTER_FIELDS},
    }


def _row(pid: str, doc: str, md: dict, distance: float | None = None) -> dict:
    row = {"id": pid, "text": doc, **_paragraph_meta(md)}
    if distance is not None:
        row["distance"] = float(distance)
    return row
