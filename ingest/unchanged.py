"""The unchanged re-ingest, without Chroma, the embedding model or the settings library.

`findings ingest PATHS` over files that are all unchanged since they were committed has nothing
to do but say so, yet the full ingest (`ingest.pipeline`) spends about a second and a half
before it reads a file: importing pydantic-settings, Chroma and onnxruntime, opening the store.
So `findings` first asks `UnchangedCheck` (`cli.main`, before even typer is imported):

- After every full ingest into an embedded store, `remember(settings, summary)` keeps a record
  for the settings' inputs (`findings.sources.settings_fingerprint`: the command's options, the
  `FINDINGS_*` environment, `.env`, the working folder): the store folder and file size limit
  they resolved to, the committed version of every stored report and the change token the
  run's write session ended with (`IngestSummary.state`, taken under the write lock), and each
  file's content hash by its stat: a `store.state.StateFile`, `<cache>/ingest/<inputs>.json`.
- `run(paths, prune, replace)` returns the summary the full ingest would give, every file
  unchanged, when: the inputs are those of a record; the store's change token is still the
  one stamped on it (no write session since: no remove, no other ingest, no writer at work
  now; and the same database file);
  every file's content, with this parser (`ingest.version`), is its report's committed version
  (as `Ingester` tells an unchanged file); and nothing would be pruned. Anything else, or any
  doubt (no record, `replace`, a Chroma server, a new, changed, missing or unreadable file, two
  files of one report id), returns None: run the full ingest, which then records afresh.

A file's content hash comes from the record when its stat (device, inode, size, modification
and change times) is the one recorded; otherwise the file is hashed. A stat is recorded only
for a file unchanged for `RACY_S` before it was hashed, so a write within the same tick of
the file system's clock cannot go unseen, and the change time cannot be set back by a program.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, TypeGuard

from findings.hashing import file_sha256
from findings.records import report_id_for
from findings.sources import cache_dir, settings_fingerprint
from ingest.files import find_files
from ingest.summary import IngestSummary
from ingest.version import report_version
from store.state import StateFile, generation_token, stamped

if TYPE_CHECKING:
    from findings.settings import Settings

FORMAT = 1  # bump when the record's shape or meaning changes: older records are then ignored
RACY_S = 2.0  # a file written this shortly before it was hashed: its stat is not recorded
KEEP_RECORDS = 32  # the most recently written records are kept (one per settings' inputs)


class UnchangedCheck:
    """`run(paths, prune, replace) -> IngestSummary | None` (None: do the full ingest), and
    after a full ingest `remember(settings, summary)`."""

    def __init__(self, **overrides: object):
        """`overrides`: what the command passes to `get_settings` (its --store, --chroma-url)."""
        self.overrides = overrides
        self.fingerprint = settings_fingerprint(**overrides)
        self._hashes: dict | None = None  # the record's file hashes, as `run` found them

    def run(
        self, paths: list[Path], prune: bool = False, replace: bool = False
    ) -> IngestSummary | None:
        started = time.perf_counter()
        if replace or self.overrides.get("chroma_url") is not None:
            return None
        record = self._file().load() if self.fingerprint else None
        if record is None or record.get("format") != FORMAT:
            return None
        store, versions, limit, hashes = (
            record.get(k) for k in ("store", "versions", "max_file_bytes", "files")
        )
        if not (
            isinstance(store, str)
            and isinstance(versions, dict)
            and isinstance(limit, int)
            and isinstance(hashes, dict)
        ):
            return None
        self._hashes = hashes
        if not stamped(record, generation_token(Path(store))):
            return None  # written since, or being written now
        files, missing = find_files(paths)
        if missing:
            return None
        seen: set[str] = set()
        for path in files:
            rid = report_id_for(path)
            if rid in seen or rid not in versions:
                return None
            seen.add(rid)
            sha = self._content_sha(path, limit)
            if sha is None or report_version(sha) != versions[rid]:
                return None
        if prune and set(versions) - seen:
            return None
        took = round((time.perf_counter() - started) * 1000, 1)
        timings = {"scan": took, "parse": 0.0, "embed": 0.0, "store": 0.0, "total": took}
        return IngestSummary(unchanged=[str(p) for p in files], timings_ms=timings)

    def remember(self, settings: Settings, summary: IngestSummary) -> None:
        """Record what a full ingest with `settings` (read from this check's inputs) left in
        the store, for the next `run`. Nothing for a Chroma server, or when the inputs changed
        while it ran."""
        state = summary.state
        if state is None or settings.chroma_url or self.fingerprint is None:
            return
        if settings_fingerprint(**self.overrides) != self.fingerprint:
            return
        if self._hashes is None:
            self._hashes = (self._file().load() or {}).get("files")
        known = self._hashes if isinstance(self._hashes, dict) else {}
        hashes = dict(
            entry
            for name in summary.unchanged + summary.ingested
            if (entry := _hashed(name, known)) is not None
        )
        record = {
            "format": FORMAT,
            "store": os.path.abspath(settings.store),  # not resolved: a link may be re-pointed
            "model": settings.embedding_model,
            "max_file_bytes": settings.max_file_bytes,
            "versions": state.versions,
            "files": hashes,
        }
        where = self._file()
        where.write(state.token, record)
        _forget_old(where.path.parent)

    def _file(self) -> StateFile:
        return StateFile(cache_dir() / "ingest" / f"{(self.fingerprint or '')[:32]}.json")

    def _content_sha(self, path: Path, limit: int) -> str | None:
        """The file's sha256, from the record when its stat is the recorded one; None when the
        file cannot be read or is over the size limit (the full ingest says why)."""
        try:
            st = os.stat(path)
            if st.st_size > limit:
                return None
            entry = (self._hashes or {}).get(os.path.realpath(path))
            if _valid(entry) and entry[:5] == _stat_key(st):
                return entry[5]
            return file_sha256(path)
        except OSError:
            return None


def _forget_old(folder: Path) -> None:
    """Delete all but the KEEP_RECORDS most recent records (each input seen makes one)."""
    try:
        records = sorted(folder.glob("*.json"), key=lambda f: f.stat().st_mtime_ns)
        for old in records[:-KEEP_RECORDS]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # another process tidied first, or a read-only cache: only speed


def _stat_key(st: os.stat_result) -> list[int]:
    return [st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns]


def _valid(entry: object) -> TypeGuard[list]:
    return isinstance(entry, list) and len(entry) == 6 and isinstance(entry[5], str)


def _hashed(name: str, known: dict) -> tuple[str, list] | None:
    """(real path, [stat key..., sha256]) for a file, from `known` when its stat is the one
    recorded there, else hashed now; None for a file changed within `RACY_S` (or unreadable)."""
    key = os.path.realpath(name)
    try:
        before = os.stat(name)
        entry = known.get(key)
        if _valid(entry) and entry[:5] == _stat_key(before):
            return key, entry
        if max(before.st_mtime_ns, before.st_ctime_ns) > time.time_ns() - RACY_S * 1e9:
            return None
        sha = file_sha256(name)
        if _stat_key(os.stat(name)) != _stat_key(before):
            return None  # written while it was read
    except OSError:
        return None
    return key, [*_stat_key(before), sha]
