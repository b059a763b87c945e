"""Reports added from the browser: a safe file name, and a path that stays in the uploads folder.

The name a browser sends is untrusted. Only its last path component is kept (either slash),
characters outside `[A-Za-z0-9._ -]` become `_`, leading dots and trailing dots/spaces go, and a
name left empty is refused, as is a format `findings` does not read. The file is written under
the uploads folder only, through a temporary file and an atomic rename.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from findings.errors import FileTooLarge, FindingsError, IngestError
from ingest.load import READERS
from ingest.pipeline import Ingester, IngestSummary, ProgressCallback

# the formats `findings ingest` reads, from its one registry of readers
ACCEPTED = tuple(ext.lstrip(".") for reader in READERS for ext in reader.extensions)
UPLOADS_DIR = "uploads"
MAX_NAME = 200
_UNSAFE = re.compile(r"[^A-Za-z0-9._ -]")


class UploadRejected(IngestError):
    """The uploaded file's name or type cannot be used."""


def uploads_folder(store: str | Path) -> Path:
    """`<store>/uploads/` (not created here)."""
    return Path(store) / UPLOADS_DIR


def safe_name(name: str) -> str:
    """A plain file name from the name a browser sent, or UploadRejected."""
    base = _UNSAFE.sub("_", re.split(r"[\\/]", str(name))[-1]).rstrip(". ")
    stem, dot, ext = base.rpartition(".")
    if not dot:
        stem, ext = base, ""
    stem = stem.lstrip(". ")
    shown = _shown(name)
    if not stem.strip("_ ."):
        raise UploadRejected(
            shown,
            "has no usable file name. Rename the file (e.g. 'marshbury_sqs_2016.pdf') and upload it again.",
        )
    if ext.lower() not in ACCEPTED:
        raise UploadRejected(
            shown,
            f"is not a format findings reads. Upload one of: {', '.join('.' + e for e in ACCEPTED)}.",
        )
    return f"{stem[: MAX_NAME - len(ext) - 1]}.{ext}"


def save_upload(folder: Path, name: str, data: bytes, max_bytes: int) -> Path:
    """Write `data` as `folder/safe_name(name)` and return that path.

    Raises UploadRejected for a bad name and FileTooLarge over `max_bytes`; never writes
    outside `folder`.
    """
    clean = safe_name(name)
    if len(data) > max_bytes:
        raise _too_large(clean, len(data), max_bytes)
    folder.mkdir(parents=True, exist_ok=True)
    root = folder.resolve()
    target = root / clean
    if target.parent != root:  # cannot happen after safe_name; belt and braces
        raise UploadRejected(clean, "would be saved outside the uploads folder. Rename the file.")
    fd, tmp = tempfile.mkstemp(dir=root, prefix=".upload-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


@dataclass
class UploadOutcome:
    """What one "Add to the store" click did, by file name as uploaded."""

    ingested: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # one plain message per file
    paragraphs: int = 0


def upload_outcome(
    summary: IngestSummary | None, rejected: list[FindingsError], folder: Path
) -> UploadOutcome:
    """Merge files refused before ingest (`rejected`) with the Ingester's summary, naming each
    file by its saved name instead of its full path in the store."""
    out = UploadOutcome(failed=[str(exc) for exc in rejected])
    if summary is None:
        return out
    prefixes = sorted({str(folder) + os.sep, str(folder.resolve()) + os.sep}, key=len, reverse=True)

    def short(text: str) -> str:
        for prefix in prefixes:
            text = text.replace(prefix, "")
        return text

    out.ingested = [short(p) for p in summary.ingested]
    out.unchanged = [short(p) for p in summary.unchanged]
    out.failed += [short(f["error"]) for f in summary.failed]
    out.paragraphs = summary.paragraphs
    return out


class UploadedFile(Protocol):
    """What the upload widget hands over (Streamlit's UploadedFile has these)."""

    name: str
    size: int

    def getvalue(self) -> bytes: ...


def add_uploads(
    files: list[UploadedFile],
    folder: Path,
    ingester: Ingester,
    max_bytes: int,
    max_files: int,
    progress: ProgressCallback | None = None,
) -> UploadOutcome:
    """Save each uploaded file under `folder` and ingest the saved files. A file refused on the
    way (bad name, too large, beyond `max_files`, unreadable) is reported and the others go on;
    a file's size is checked before its bytes are read."""
    saved: list[Path] = []
    rejected: list[FindingsError] = []
    for n, f in enumerate(files):
        if n >= max_files:
            rejected.append(
                UploadRejected(
                    _shown(f.name),
                    f"was not added: at most {max_files} files are taken per upload. Upload it "
                    "with the next batch, or ingest a folder with `findings ingest FOLDER`.",
                )
            )
            continue
        try:
            if f.size > max_bytes:
                raise _too_large(_shown(f.name), f.size, max_bytes)
            saved.append(save_upload(folder, f.name, f.getvalue(), max_bytes))
        except IngestError as exc:
            rejected.append(exc)
    summary = None
    try:
        if saved:
            summary = ingester.run(saved, progress=progress)
    except FindingsError as exc:
        rejected.append(exc)
    return upload_outcome(summary, rejected, folder)


def _shown(name: str) -> str:
    return name if len(name) <= 80 else name[:77] + "..."


def _too_large(name: str, size: int, max_bytes: int) -> FileTooLarge:
    return FileTooLarge(
        name,
        f"{size / 1048576:.1f} MB is over the {max_bytes / 1048576:g} MB limit. Split the "
        "report, or raise FINDINGS_MAX_FILE_MB if it really is one report.",
    )
