"""Every error `findings` raises on purpose. One tree, so callers can catch at the depth they need.

    FindingsError
    ├── ConfigError                 a setting has a value we cannot use
    │   └── PromptError             a prompt file in prompts/ is missing or does not fit its variables
    ├── IngestError                 one file could not be ingested (the others still are)
    │   ├── UnsupportedFormat       extension we do not read
    │   ├── UnreadableFile          corrupt, truncated, encrypted, binary, undecodable, timed out
    │   ├── NoTextFound             empty file, scanned PDF without a text layer
    │   └── FileTooLarge            over the size limit (FINDINGS_MAX_FILE_MB)
    ├── StoreError                  the paragraph store
    │   ├── StoreLocked             another process is writing to the embedded store
    │   ├── StoreUnavailable        the Chroma server or folder cannot be reached/opened
    │   └── ReportNotFound          no stored report has that id
    ├── ModelError                  the embedding model is missing or not the expected weights
    └── AnswerError                 a question could not be answered
        ├── InvalidQuestion         empty, too long, or malformed question input
        ├── QuestionsFileError      a questions or QA file cannot be read
        └── LLMError                the LLM endpoint is down, too slow, or replied with an error
                                    or garbage (the answer falls back to the extractive one)

Every message says what happened and what to do, naming the file or setting involved.
"""

from __future__ import annotations

import os
import unicodedata


def escape_controls(text: str) -> str:
    """`text` with each control or line-separator character written as its escape (a newline as
    the two characters `\\n`), so a message that quotes it stays on one line; so is a lone
    surrogate (a file name that is not valid UTF-8), which no terminal could print."""
    if text.isprintable():
        return text
    return "".join(
        repr(c)[1:-1] if unicodedata.category(c) in ("Cc", "Cs", "Zl", "Zp") else c for c in text
    )


class FindingsError(Exception):
    """Base class of every error raised on purpose by findings."""


class ConfigError(FindingsError):
    pass


class PromptError(ConfigError):
    pass


class IngestError(FindingsError):
    """A single file could not be ingested. `path` names it; the message shows it with control
    characters escaped (`escape_controls`), so a newline in a file name cannot split the line."""

    def __init__(self, path: str | os.PathLike[str], message: str):
        self.path = str(path)
        self.reason = message
        super().__init__(f"{escape_controls(self.path)}: {message}")


class UnsupportedFormat(IngestError):
    pass


class UnreadableFile(IngestError):
    pass


class NoTextFound(IngestError):
    pass


class FileTooLarge(IngestError):
    pass


class StoreError(FindingsError):
    pass


class StoreLocked(StoreError):
    pass


class StoreUnavailable(StoreError):
    pass


class ReportNotFound(StoreError):
    pass


class ModelError(FindingsError):
    pass


class AnswerError(FindingsError):
    pass


class InvalidQuestion(AnswerError):
    pass


class QuestionsFileError(AnswerError):
    """A questions file (`ask --questions`) or QA file (`eval`) is missing or unreadable."""


class LLMError(AnswerError):
    """The LLM did not give a usable reply. The message is the one-line notice shown with the
    extractive answer that replaces it."""
