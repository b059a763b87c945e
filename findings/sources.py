"""Where settings come from, known without reading them: importing this is cheap (no pydantic).

`findings.settings.Settings` reads every `FINDINGS_<NAME>` environment variable and the `.env`
file of the working folder (`ENV_PREFIX`, `ENV_FILE`, named once here). `settings_fingerprint()`
hashes exactly those inputs, so a command can reuse what an earlier run with the same inputs
worked out from its settings without importing the settings library (about 0.12 s): the
unchanged re-ingest (`ingest.unchanged`) does. `cache_dir()` is where such things are kept.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

ENV_PREFIX = "FINDINGS_"
ENV_FILE = ".env"


def cache_dir() -> Path:
    """Where findings keeps what it can rebuild: the ONNX query encoder, corpus indexes.
    FINDINGS_CACHE_DIR, else $XDG_CACHE_HOME/findings, else ~/.cache/findings."""
    base = os.environ.get("FINDINGS_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "findings"
    )
    return Path(base)


def settings_fingerprint(**overrides: object) -> str | None:
    """A hash of everything `get_settings(**overrides)` reads: the overrides, every
    `FINDINGS_*` environment variable (in any case, as the settings match them), the bytes of
    `.env` in the working folder, the working folder itself (a relative path means a folder
    there) and this version of the settings code. Equal fingerprints mean equal settings.
    None when an input cannot be read (then nothing may be reused)."""
    try:
        cwd = os.getcwd()
        code = Path(__file__).with_name("settings.py").stat()
        dotenv = (
            hashlib.sha256(Path(ENV_FILE).read_bytes()).hexdigest()
            if os.path.lexists(ENV_FILE)
            else None
        )
    except OSError:
        return None
    inputs = {
        "overrides": sorted((k, None if v is None else str(v)) for k, v in overrides.items()),
        "env": sorted((k, v) for k, v in os.environ.items() if k.upper().startswith(ENV_PREFIX)),
        "dotenv": dotenv,
        "cwd": cwd,
        "code": [code.st_size, code.st_mtime_ns],
    }
    return hashlib.sha256(json.dumps(inputs, sort_keys=True).encode()).hexdigest()
