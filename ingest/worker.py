"""Parse report files in a child process, each under a time limit.

`ParseWorker(settings).parse(path) -> ParsedReport` reads and parses one file (`parse_file`) in
a child process, `python -m ingest.worker`, and waits at most `settings.parse_timeout_s` for it
(plus `settings.pdf_timeout_s` for a PDF, whose text extraction has a limit of its own). A file
that runs past the limit, or makes the child crash or run out of memory, fails alone with an
`UnreadableFile` naming it: the child is stopped, the next file gets a fresh one, and the
ingesting process never holds a giant or malformed file's memory or spins with it.

One child serves a whole ingest run, started at the first file it is given, so a run pays one
interpreter start, not one per file. `close()` ends it (or use `with`). The child dies with its
parent: it stops at the end of its input, which a parent killed outright closes too.

Protocol, over the child's stdin and stdout: frames of an 8-byte big-endian length and a
pickle. The parent sends its `Settings` once and the child answers `("ready",)`; then for each
file the parent sends its path and the child answers `("ok", ParsedReport)` or `("failed",
error class name, reason)`. Only this parent and its own child ever read these pickles.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO, Any

from findings.errors import (
    FileTooLarge,
    FindingsError,
    IngestError,
    NoTextFound,
    UnreadableFile,
    UnsupportedFormat,
    escape_controls,
)
from findings.records import ParsedReport
from findings.settings import Settings
from ingest.load import exit_reason
from ingest.parse import parse_file

_HEADER = struct.Struct(">Q")
_ERRORS: dict[str, type[IngestError]] = {
    cls.__name__: cls
    for cls in (IngestError, UnsupportedFormat, UnreadableFile, NoTextFound, FileTooLarge)
}
_START_TIMEOUT_S = 60.0  # an interpreter start and a few imports; far less unless swapping
_ROOT = Path(__file__).resolve().parent.parent


class _TimedOut(Exception):
    pass


class _Gone(Exception):
    """The child closed its end: it exited or was killed."""


class ParseWorker:
    """One public method: `parse(path) -> ParsedReport`; `close()` when done (or use `with`)."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._proc: subprocess.Popen[bytes] | None = None
        self._stderr: IO[bytes] | None = None
        self._busy = False  # a file is being read (so `close` must not wait for it)

    def __enter__(self) -> ParseWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def parse(self, path: str | os.PathLike[str]) -> ParsedReport:
        """Read and parse one file in the child. Raises the `IngestError` it raised, or an
        `UnreadableFile` when the file took too long or the child died reading it."""
        path = Path(path)
        proc = self._started()
        limit = self.settings.parse_timeout_s
        if path.suffix.lower() == ".pdf":
            limit += self.settings.pdf_timeout_s
        self._busy = True
        try:
            _send(proc, str(path))
            reply = _receive(proc, time.monotonic() + limit)
            self._busy = False
        except _TimedOut:
            self._stop()
            raise UnreadableFile(
                path,
                f"reading took longer than {limit:g} s and was stopped. The file may be "
                "malformed: re-export it, or raise FINDINGS_PARSE_TIMEOUT_S.",
            ) from None
        except (_Gone, OSError, pickle.UnpicklingError, EOFError):
            why = self._stop()
            raise UnreadableFile(
                path,
                f"the reader process stopped while reading it ({why}). The file may be "
                "malformed, or too big to read in the memory there is: export the report again.",
            ) from None
        if reply[0] == "ok":
            return reply[1]
        _, kind, reason = reply
        raise _ERRORS.get(kind, UnreadableFile)(path, reason)

    def close(self) -> None:
        """End the child: it finishes at the end of its input, or is stopped if it does not,
        or is still reading a file (the parse was interrupted, e.g. by Ctrl-C)."""
        if self._busy:
            self._stop()
        proc, self._proc = self._proc, None
        if proc is None:
            return
        try:
            if proc.stdin is not None:
                proc.stdin.close()
            proc.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            _kill(proc)
        self._close_files(proc)

    def _started(self) -> subprocess.Popen[bytes]:
        if self._proc is not None:
            return self._proc
        self._stderr = tempfile.TemporaryFile()
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(_ROOT), env.get("PYTHONPATH")]))
        proc = subprocess.Popen(
            [sys.executable, "-m", "ingest.worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            env=env,
            bufsize=0,
            start_new_session=True,  # one process group: stopping it stops a PDF reader it runs
        )
        self._proc = proc
        try:
            _send(proc, self.settings)
            if _receive(proc, time.monotonic() + _START_TIMEOUT_S) == ("ready",):
                return proc
            why = "it answered out of turn"
        except _TimedOut:
            why = f"it did not answer within {_START_TIMEOUT_S:g} s"
        except (_Gone, OSError):
            why = "it exited"
        why += f"; {self._stop()}"
        raise FindingsError(
            f"The file reader process (python -m ingest.worker) could not start: {why}. "
            "Reinstall findings (`make install`) and try again."
        )

    def _stop(self) -> str:
        """Stop the child and its own children; how it ended, and the last line it wrote to
        stderr, in words."""
        proc, self._proc = self._proc, None
        self._busy = False
        if proc is None:
            return "not running"
        _kill(proc)
        why = exit_reason(proc.returncode)
        last = self._last_stderr_line()
        self._close_files(proc)
        return f"{why}: {last}" if last else why

    def _last_stderr_line(self) -> str:
        if self._stderr is None:
            return ""
        try:
            self._stderr.seek(0, os.SEEK_END)
            self._stderr.seek(max(0, self._stderr.tell() - 4096))
            tail = self._stderr.read().decode("utf-8", "replace")
        except OSError:
            return ""
        lines = [ln.strip() for ln in tail.splitlines() if ln.strip()]
        last = escape_controls(lines[-1]) if lines else ""
        return last if len(last) <= 200 else last[:199] + "…"

    def _close_files(self, proc: subprocess.Popen[bytes]) -> None:
        for f in (proc.stdin, proc.stdout, self._stderr):
            if f is not None:
                try:
                    f.close()
                except OSError:
                    pass
        self._stderr = None


def _kill(proc: subprocess.Popen[bytes]) -> None:
    """Kill the child's process group (the child and a PDF reader it may be running)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        proc.kill()
    except OSError:
        pass
    proc.wait()


def _send(proc: subprocess.Popen[bytes], message: Any) -> None:
    if proc.stdin is None:
        raise _Gone
    _write_frame(proc.stdin, message)


def _write_frame(out: IO[bytes], message: Any) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    out.write(_HEADER.pack(len(data)))
    out.write(data)
    out.flush()


def _receive(proc: subprocess.Popen[bytes], deadline: float) -> Any:
    if proc.stdout is None:
        raise _Gone
    fd = proc.stdout.fileno()
    (size,) = _HEADER.unpack(_read_exactly(fd, _HEADER.size, deadline))
    return pickle.loads(_read_exactly(fd, size, deadline))


def _read_exactly(fd: int, size: int, deadline: float) -> bytes:
    chunks: list[bytes] = []
    left = size
    while left:
        wait = deadline - time.monotonic()
        poller = select.poll()  # not select(): it cannot watch a descriptor numbered over 1023
        poller.register(fd, select.POLLIN | select.POLLHUP | select.POLLERR)
        if wait <= 0 or not poller.poll(wait * 1000):
            raise _TimedOut
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            raise _Gone
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


# --- the child ------------------------------------------------------------------------------


def _read_frame(inp: IO[bytes]) -> Any:
    """The next message from the parent; None at the end of the input."""
    header = inp.read(_HEADER.size)
    if len(header) < _HEADER.size:
        return None
    (size,) = _HEADER.unpack(header)
    data = inp.read(size)
    if len(data) < size:
        return None
    return pickle.loads(data)


def main() -> None:
    """The child: answer each path with its parsed report or its error, until the input ends."""
    replies = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # a library's print must not garble them
    requests = sys.stdin.buffer
    settings = _read_frame(requests)
    if not isinstance(settings, Settings):
        return
    _write_frame(replies, ("ready",))
    while (path := _read_frame(requests)) is not None:
        try:
            reply: tuple = ("ok", parse_file(path, settings))
        except IngestError as exc:
            reply = ("failed", type(exc).__name__, exc.reason)
        _write_frame(replies, reply)


if __name__ == "__main__":
    main()
