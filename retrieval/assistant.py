"""The question-answering chain: plan → retrieve → answer → verified citations.

`Assistant.ask(question, history=None, filters=None) -> Answer` is the Python API; the same
steps are a LangChain Runnable (`Assistant.chain`), so they compose with any LangChain code.
Citations are built from stored metadata only, and every quote is checked to be verbatim in its
stored paragraph before it is returned: a citation that fails the check is dropped.
"""

from __future__ import annotations

import re
import time
from dataclasses import replace

from langchain_core.runnables import Runnable, RunnableLambda

from findings.errors import InvalidQuestion
from findings.records import Answer, Citation, citation_label
from retrieval.answer import Draft, ExtractiveAnswerer
from retrieval.corpus import Corpus, CorpusLoader
from retrieval.hybrid import Hit, HybridRetriever
from retrieval.plan import QuestionPlanner, Side
from retrieval.text import normalise_space

MAX_QUESTION_CHARS = 2000


def check_question(question: object, field: str = "question") -> str:
    if not isinstance(question, str) or not question.strip():
        raise InvalidQuestion(
            f'{field}: is empty. Ask a question in words, e.g. "What did inspectors say about planning?"'
        )
    if len(question) > MAX_QUESTION_CHARS:
        raise InvalidQuestion(
            f"{field}: {len(question):,} characters is over the {MAX_QUESTION_CHARS:,}-character limit. "
            "Ask a shorter question; to search for a passage, quote a sentence or two of it."
        )
    return question.strip()


class Assistant:
    """Answers questions over the stored reports. Cheap to build; loads on first question."""

    def __init__(
        self, store, embedder, top_k: int = 8, answerer=None, loader: CorpusLoader | None = None
    ):
        self.store = store
        self.embedder = embedder
        self.top_k = top_k
        self.loader = loader or CorpusLoader(store)
        self.planner = QuestionPlanner()
        self.retriever = HybridRetriever(store, embedder)
        self.answerer = answerer or ExtractiveAnswerer()
        self.chain: Runnable = (
            RunnableLambda(self._plan_step, name="plan")
            | RunnableLambda(self._retrieve_step, name="retrieve")
            | RunnableLambda(self._answer_step, name="answer")
            | RunnableLambda(self._verify_step, name="verify_citations")
        )

    @property
    def mode(self) -> str:
        return getattr(self.answerer, "mode", "extractive")

    def warm_up(self) -> None:
        self.embedder.warm_up()
        self.loader.load()

    def ask(
        self,
        question: str,
        history: list[str] | None = None,
        filters: dict | None = None,
        top_k: int | None = None,
        id: str | int | None = None,
    ) -> Answer:
        question = check_question(question)
        for i, turn in enumerate(history or []):
            check_question(turn, f"history[{i}]")
        state = {
            "question": question,
            "history": list(history or []),
            "filters": dict(filters or {}),
            "top_k": top_k or self.top_k,
            "timings": {},
            "t0": time.perf_counter(),
        }
        answer: Answer = self.chain.invoke(state)
        answer.id = id
        return answer

    # --- chain steps (plain dicts in and out) ------------------------------------------------

    def _plan_step(self, state: dict) -> dict:
        corpus = self.loader.load()
        state["corpus"] = corpus
        state["plan"] = self.planner.plan(
            state["question"], state["history"], state["filters"], corpus
        )
        return state

    def _retrieve_step(self, state: dict) -> dict:
        t = time.perf_counter()
        plan, corpus = state["plan"], state["corpus"]
        if plan.abstain:
            # Nothing answers, but show what comes closest ("possibly related"): the areas the
            # question names, else every report.
            allowed = plan.scope if plan.scope is not None else list(corpus.reports)
            named = {r for a in plan.areas for r in corpus.areas.get(a.lower(), [])}
            scope = sorted(named & set(allowed)) or sorted(allowed)
            plan = replace(plan, abstain=None, sides=[Side("related", scope)], comparison=False)
        state["hits"] = self.retriever.retrieve(plan, corpus, state["top_k"])
        state["timings"]["retrieve"] = _ms(t)
        return state

    def _answer_step(self, state: dict) -> dict:
        t = time.perf_counter()
        state["draft"] = self.answerer.answer(state["plan"], state["hits"], state["corpus"])
        state["timings"]["answer"] = _ms(t)
        return state

    def _verify_step(self, state: dict) -> Answer:
        corpus: Corpus = state["corpus"]
        draft: Draft = verify(state["draft"], corpus)
        citations = [
            _citation(n, c.hit, c.quote, corpus) for n, c in enumerate(draft.cited, start=1)
        ]
        hits: list[Hit] = state["hits"]
        retrieved = [
            {
                "rank": i,
                "report_id": h.report_id,
                "section": h.section,
                "paragraph": h.paragraph,
                "ordinal": h.ordinal,
                "score": h.score,
            }
            for i, h in enumerate(hits, start=1)
        ]
        related = [
            {
                "report_id": h.report_id,
                "section": h.section,
                "paragraph": h.paragraph,
                "ordinal": h.ordinal,
                "label": citation_label(
                    corpus.reports.get(h.report_id) or {"report_id": h.report_id},
                    h.section,
                    h.paragraph,
                    h.ordinal,
                ),
                "text": h.text,
            }
            for h in draft.related
        ]
        state["timings"]["total"] = _ms(state["t0"])
        return Answer(
            question=state["question"],
            answer=draft.text,
            abstained=draft.abstained,
            mode=self.mode,
            citations=citations,
            retrieved=retrieved,
            timings_ms=state["timings"],
            related=related,
        )


def verify(draft: Draft, corpus: Corpus) -> Draft:
    """Keep only citations whose quote is verbatim in the stored paragraph, renumber the
    `[n]` markers to match, and make sure every marker has a citation and every citation a marker."""
    text = draft.text
    kept = []
    mapping: dict[int, int] = {}
    for old, c in enumerate(draft.cited, start=1):
        stored = normalise_space(corpus.texts[c.hit.row]) if 0 <= c.hit.row < len(corpus) else ""
        if c.quote and normalise_space(c.quote) in stored and f"[{old}]" in text:
            kept.append(c)
            mapping[old] = len(kept)
    text = re.sub(
        r"\[(\d+)\]",
        lambda m: f"[{mapping[int(m.group(1))]}]" if int(m.group(1)) in mapping else "",
        text,
    )
    if draft.cited and not kept:
        return Draft(
            text="The reports do not answer this question.",
            abstained=True,
            related=[c.hit for c in draft.cited],
        )
    return Draft(text=text.strip(), abstained=draft.abstained, cited=kept, related=draft.related)


def _citation(n: int, hit: Hit, quote: str, corpus: Corpus) -> Citation:
    meta = corpus.reports.get(hit.report_id) or {"report_id": hit.report_id}
    return Citation(
        n=n,
        report_id=hit.report_id,
        report_title=meta.get("title"),
        area=meta.get("area"),
        year=meta.get("year"),
        section=hit.section,
        paragraph=hit.paragraph,
        ordinal=hit.ordinal,
        page=hit.page,
        label=citation_label(meta, hit.section, hit.paragraph, hit.ordinal),
        quote=quote,
        score=round(hit.score, 4),
        text=hit.text,
        publication_date=meta.get("publication_date"),
    )


def _ms(t0: float) -> float:
    return round((time.perf_counter() - t0) * 1000, 1)
