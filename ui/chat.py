"""One conversation turn, and what a follow-up question carries from the earlier ones."""

from __future__ import annotations

from dataclasses import dataclass, field

from findings.records import Answer


@dataclass
class Turn:
    question: str
    answer: Answer | None = None  # None when asking failed
    error: str | None = None  # the error message shown instead of an answer
    filters: dict = field(default_factory=dict)


def history(turns: list[Turn]) -> list[str]:
    """The earlier user questions, oldest first (CONTRACT `history`); failed turns are left out,
    so a question that was refused does not steer the next one."""
    return [t.question for t in turns if t.answer is not None]
