"""Text helpers every layer shares."""

from __future__ import annotations


def normalise_space(text: str) -> str:
    """Runs of whitespace (newlines included) as one space, no leading or trailing space."""
    return " ".join(str(text).split())
