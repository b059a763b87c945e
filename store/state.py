"""State files: what a process worked out from one state of an embedded store, kept for the next.

A state file is a small JSON object stamped with the store's change token
(`generation_token(folder)`, as `ChromaStore.change_token()` reads it: the generation file
every write session rewrites, and the database file's identity) at the moment the state it
describes was current. Every write session on the store writes a new token, never seen again, so a process
that finds the store's token equal to the stamp knows the state is still the store's, without
opening Chroma. A cold `findings ask` finds its corpus this way (`retrieval.corpus`), and an
unchanged re-ingest its committed reports (`ingest.unchanged`).

`StateFile(path).read(token)` returns the object when its stamp is `token`, else None (`load()`
returns it whatever its stamp, for what it says about the past, and `stamped(state, token)`
checks one); `write(token, data)` replaces the file atomically. They only cost speed when they
fail (a missing, damaged or read-only file), never correctness.
"""

from __future__ import annotations

import json
import os
import threading
from contextlib import suppress
from pathlib import Path


def stamped(state: dict, token: tuple | None) -> bool:
    """Was `state` written under `token` (a token of a store with a generation)?"""
    if token is None or any(part is None for part in token):
        return False
    return state.get("token") == json.loads(json.dumps(token))


GENERATION = ".generation"  # in an embedded store's folder; rewritten by every write session
DATABASE = "chroma.sqlite3"  # Chroma's file in the folder; never replaced while it is in use


def generation_token(folder: Path) -> tuple:
    """An embedded store's change token (`ChromaStore.change_token()`): its generation file,
    and which file its database is (a folder emptied, or its database deleted or swapped for
    another, keeps no old token). Needs no Chroma, so a process can tell an unchanged store
    without importing it."""
    try:
        generation: str | None = (Path(folder) / GENERATION).read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError):
        generation = None
    try:
        db = os.stat(Path(folder) / DATABASE)
        database: str | None = f"{db.st_dev}:{db.st_ino}"
    except OSError:
        database = None
    return ("generation", generation, database)


class StateFile:
    """One JSON state file: `read(token) -> dict | None`, `write(token, data)`."""

    def __init__(self, path: Path):
        self.path = Path(path)

    def read(self, token: tuple | None) -> dict | None:
        """The stored object, when it was written under `token` (None when it was not, or
        cannot be read, or `token` says the store has no generation)."""
        state = self.load()
        return state if state is not None and stamped(state, token) else None

    def load(self) -> dict | None:
        """The stored object whatever its stamp; None when there is none to read."""
        try:
            state = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return state if isinstance(state, dict) else None

    def write(self, token: tuple | None, data: dict) -> None:
        """Stamp `data` with `token` and replace the file with it in one step (nothing when
        `token` says the store has no generation: no reader would take it)."""
        if token is None or any(part is None for part in token):
            return
        tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(json.dumps({**data, "token": token}), encoding="utf-8")
            tmp.replace(self.path)
        except OSError:  # a read-only cache only costs speed
            with suppress(OSError):
                tmp.unlink(missing_ok=True)
