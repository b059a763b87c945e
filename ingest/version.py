"""Report versions: `report_version(file_sha256)`, what the store keeps for each report.

Cheap to import (the parser itself is not), so a process can tell an unchanged file without it.
"""

from __future__ import annotations

import hashlib

# Bump when parsing changes what is stored: every report is then re-ingested on the next run,
# though its file is unchanged.
PARSER_VERSION = "146"


def report_version(file_sha256: str) -> str:
    """The stored version of a report: its file's content and the parser that read it."""
    return hashlib.sha256(f"{file_sha256}:{PARSER_VERSION}".encode()).hexdigest()
