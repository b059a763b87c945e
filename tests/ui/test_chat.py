"""ui/chat.py: the history a follow-up question carries."""

from __future__ import annotations

from findings.records import Answer
from ui.chat import Turn, history


def test_history_is_earlier_answered_questions_oldest_first():
    turns = [
        Turn(
            "What was the reoffending rate in Kestrel Vale in 2016?",
            Answer("q", "a", False, "extractive"),
        ),
        Turn("", error="question: is empty."),
        Turn("How many staff?", Answer("q", "no", True, "extractive")),
    ]
    assert history(turns) == [
        "What was the reoffending rate in Kestrel Vale in 2016?",
        "How many staff?",
    ]
    assert history([]) == []
