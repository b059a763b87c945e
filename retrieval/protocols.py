"""The answerer seam: the assistant runs any object with this shape as its answer step (the
offline extractive answerer today; a checked LLM answerer can take its place)."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from retrieval.answer import Draft
from retrieval.corpus import Corpus
from retrieval.hybrid import Hit
from retrieval.plan import Plan


@runtime_checkable
class Answerer(Protocol):
    mode: str  # `extractive`, or the LLM mode's name, as reported in Answer.mode

    def answer(self, plan: Plan, hits: list[Hit], corpus: Corpus) -> Draft: ...
