"""README and `findings --help` stay in step: every command the README shows exists, and every
command the CLI has is shown in the README."""

from __future__ import annotations

import re

from conftest import ROOT
from typer.testing import CliRunner

from cli import app


def cli_commands() -> set[str]:
    out = CliRunner().invoke(app, ["--help"]).output
    return set(re.findall(r"^│ (\w+)\s", out, flags=re.M))


def test_readme_and_help_name_the_same_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = set(re.findall(r"^findings (\w+)", readme, flags=re.M))
    assert cli_commands() == {
        "ingest",
        "reports",
        "show",
        "remove",
        "records",
        "ask",
        "eval",
        "serve",
    }
    assert shown == cli_commands()


def test_readme_settings_match_the_settings_class():
    from findings.settings import Settings

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`FINDINGS_([A-Z_]+)`", readme))
    fields = {name.upper() for name in Settings.model_fields}
    assert documented <= fields, documented - fields
    assert {
        "STORE",
        "CHROMA_URL",
        "EMBEDDING_MODEL",
        "DEVICE",
        "BATCH_SIZE",
        "MAX_FILE_MB",
        "TOP_K",
    } <= documented


def test_readme_promises_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text()
