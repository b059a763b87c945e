"""The question-answering chain: plan → retrieve → answer → verified citations.

`Assistant.ask(question, history=None, filters=None) -> Answer` is the Python API; the same
steps are a LangChain Runnable (`Assistant.chain`), so they compose with any LangChain code
(`ask` runs them directly, so a cold `findings ask` need not import LangChain).
Citations are built from stored metadata only, and every quote is checked to be verbatim in its
stored paragraph before it is returned: a citation that fails the check is dropped.
With FINDINGS_LLM set, the answer step is `retrieval.llm.LLMAnswerer` (follow-ups rewritten
before planning; its citations checked for support); `Assistant.stream` yields its tokens first.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, TypeVar

from findings import lexicon
from findings.errors import InvalidQuestion, StoreError
from findings.records import Abstention, Answer, Citation, citation_label
from findings.settings import BUNDLED_MODEL_SHA256, Settings, cache_dir
from findings.text import normalise_space
from findings.vocab import AbstainReason
from retrieval.adapter import QueryAdapter
from retrieval.answer import Draft, ExtractiveAnswerer
from retrieval.corpus import Corpus, CorpusLoader
from retrieval.draft import MARKER
from retrieval.hybrid import Hit, HybridRetriever
from retrieval.intents import IntentClassifier
from retrieval.llm import LLMDraft, build_llm_answerer
from retrieval.plan import Plan, QuestionPlanner, Side, follows_up
from retrieval.protocols import Answerer
from retrieval.text import Cue, content_terms, person_span, words
from store.embed import BUNDLED_SLUG
from store.factory import build_embedder, build_store
from store.protocols import Embedder, ParagraphStore

if TYPE_CHECKING:
    from langchain_core.runnables import Runnable

MAX_QUESTION_CHARS = 2000
# answers re-run when a report they show changed while they were made (then give up, saying so)
STALE_RETRIES = 5


def check_question(question: object, field: str = "question") -> str:
    if not isinstance(question, str) or not question.strip():
        raise InvalidQuestion(
            f'{field}: is empty. Ask a question in words, e.g. "What did inspectors say about planning?"'
            if question is None or isinstance(question, str)
            else f"{field}: must be text, not {type(question).__name__}. Ask a question in words."
        )
    if len(question) > MAX_QUESTION_CHARS:
        raise InvalidQuestion(
            f"{field}: {len(question):,} characters is over the {MAX_QUESTION_CHARS:,}-character limit. "
            "Ask a shorter question; to search for a passage, quote a sentence or two of it."
        )
    try:
        question.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InvalidQuestion(
            f"{field}: holds a character that is not valid text ({question[exc.start]!a} at "
            f"position {exc.start}, an unpaired surrogate). Send the question as UTF-8 text."
        ) from None
    return question.strip()


def check_history(history: object) -> list[str]:
    """Earlier questions of the conversation, oldest first (CONTRACT `history`)."""
    if history is None:
        return []
    if not isinstance(history, list):
        raise InvalidQuestion(
            f"history: must be a list of earlier questions (strings), not {type(history).__name__}."
        )
    return [check_question(turn, f"history[{i}]") for i, turn in enumerate(history)]


FILTER_TYPES: dict[str, type] = {
    "area": str,
    "inspection_type": str,
    "year_from": int,
    "year_to": int,
    "report_ids": list,
}


def check_filters(filters: object) -> dict:
    """The CONTRACT filters, checked: `area`, `inspection_type` (text), `year_from`, `year_to`
    (years), `report_ids` (a list of report ids)."""
    if filters is None:
        return {}
    if not isinstance(filters, dict):
        raise InvalidQuestion(
            f'filters: must be an object such as {{"area": "Thurrock", "year_from": 2014}}, '
            f"not {type(filters).__name__}."
        )
    out: dict = {}
    for key, value in filters.items():
        if key not in FILTER_TYPES:
            raise InvalidQuestion(f"filters.{key}: is not a filter. Use {', '.join(FILTER_TYPES)}.")
        if value is None:
            continue
        if FILTER_TYPES[key] is int:
            if isinstance(value, bool) or not (
                isinstance(value, int) or (isinstance(value, str) and value.strip().isdigit())
            ):
                raise InvalidQuestion(f"filters.{key}: must be a year such as 2016, not {value!r}.")
            value = int(value)
        elif key == "report_ids":
            if not isinstance(value, list) or not all(isinstance(r, str) for r in value):
                raise InvalidQuestion(
                    f'filters.report_ids: must be a list of report ids such as ["thurrock_sqs_2015"], '
                    f"not {value!r}."
                )
        elif not isinstance(value, str):
            raise InvalidQuestion(f"filters.{key}: must be text, not {value!r}.")
        out[key] = value
    return out


@dataclass
class ChainState:
    """What the chain's steps hand on: each step fills in its part."""

    question: str
    history: list[str]
    filters: dict
    top_k: int
    started: float = field(default_factory=time.perf_counter)
    timings: dict[str, float] = field(default_factory=dict)
    corpus: Corpus | None = None
    plan: Plan | None = None
    hits: list[Hit] = field(default_factory=list)
    draft: Draft | None = None
    extractive: bool = False  # this question only: the offline extractive answer, no LLM
    standalone: str | None = None  # a follow-up rewritten by the LLM answerer before planning
    scope_note: str | None = None  # which area a question naming none was asked of, and why


# How many earlier turns a follow-up is traced back through to find what was last shown.
FOLLOW_UP_DEPTH = 2
PERSON_PRONOUNS = Cue(lexicon.PERSON_PRONOUNS)


class Assistant:
    """Answers questions over the stored reports. Cheap to build; loads on first question."""

    def __init__(
        self,
        store: ParagraphStore,
        embedder: Embedder,
        top_k: int = 8,
        answerer: Answerer | None = None,
        loader: CorpusLoader | None = None,
        home_area: str | None = None,
        adapter: QueryAdapter | None = None,
    ):
        self.store = store
        self.home_area = (home_area or "").strip() or None  # FINDINGS_AREA
        self.embedder = embedder
        self.top_k = top_k
        self.loader = loader or CorpusLoader(store)
        self.planner = QuestionPlanner(IntentClassifier(embedder, cache_dir()))
        self.retriever = HybridRetriever(
            store, embedder, adapter=adapter if adapter is not None else bundled_adapter(embedder)
        )
        self.answerer: Answerer = answerer or ExtractiveAnswerer(embedder=embedder)
        # for `ask(..., extractive=True)`
        self.offline: Answerer = ExtractiveAnswerer(embedder=embedder)
        self._chain: Runnable[ChainState, Answer] | None = None

    @property
    def chain(self) -> Runnable[ChainState, Answer]:
        """The steps as a LangChain Runnable, `plan | retrieve | answer | verify_citations`,
        to compose with LangChain code: `assistant.chain.invoke(ChainState(question, [], {}, 8))`
        gives what `ask` gives. Built on first use: importing LangChain costs ~0.8 s, which a
        cold `findings ask` (running the same steps in the same order) does without."""
        if self._chain is None:
            from langchain_core.runnables import RunnableLambda

            self._chain = (
                RunnableLambda(self._plan_step, name="plan")
                | RunnableLambda(self._retrieve_step, name="retrieve")
                | RunnableLambda(self._answer_step, name="answer")
                | RunnableLambda(self._verify_step, name="verify_citations")
            )
        return self._chain

    def run(self, state: ChainState) -> Answer:
        """The chain's steps, in order, on one state (what `chain.invoke` runs)."""
        return self._verify_step(self._answer_step(self._retrieve_step(self._plan_step(state))))

    @property
    def mode(self) -> str:
        return self.answerer.mode

    @property
    def model_name(self) -> str | None:
        """The LLM that answers (`openai:gpt-4o-mini`), or None in the offline mode."""
        return getattr(self.answerer, "model_name", None)

    def warm_up(self) -> None:
        self.embedder.warm_up()
        self.loader.load()

    def refresh(self) -> None:
        """Read the store again on the next question (after this process changed it)."""
        self.loader.invalidate()

    def ask(
        self,
        question: str,
        history: list[str] | None = None,
        filters: dict | None = None,
        top_k: int | None = None,
        id: str | int | None = None,
        extractive: bool = False,
    ) -> Answer:
        """`extractive=True`: the offline extractive answer for this question, whatever the
        configured answerer."""
        checked = self._state(question, history, filters, top_k)
        checked.extractive = extractive
        for _attempt in range(STALE_RETRIES + 1):
            state = replace(checked, timings={}, started=time.perf_counter())  # fresh per attempt
            answer = self.run(state)
            if self._still_stored(answer, _ready(state.corpus)):
                break
            self.loader.invalidate()  # another process changed a report it shows: answer again
        else:
            raise StoreError(
                f"{self.store.location}: the reports kept changing while the question was "
                "answered. Ask again when the ingest or remove in progress has finished."
            )
        answer.id = id
        return answer

    def stream(
        self,
        question: str,
        history: list[str] | None = None,
        filters: dict | None = None,
        top_k: int | None = None,
        id: str | int | None = None,
    ) -> AnswerStream:
        """`ask`, streamed: iterate for the answerer's text as it is written (an LLM's tokens,
        before any check; the extractive answer comes in one piece), then read `.answer`: the
        checked Answer, which is what to show in place of the streamed text."""
        state = self._state(question, history, filters, top_k)  # InvalidQuestion now, not later
        return AnswerStream(self._stream(state, id))

    def _stream(self, state: ChainState, id: str | int | None) -> Generator[str, None, Answer]:
        state = self._retrieve_step(self._plan_step(state))
        t = time.perf_counter()
        stream = getattr(self.answerer, "stream", None)
        plan, corpus = _ready(state.plan), _ready(state.corpus)
        if stream is None:
            state.draft = self.answerer.answer(plan, state.hits, corpus)
            yield state.draft.text
        else:
            state.draft = yield from stream(plan, state.hits, corpus)
        state.timings["answer"] = _ms(t)
        answer = self._verify_step(state)
        if not self._still_stored(answer, corpus):  # a report changed meanwhile: ask again
            self.loader.invalidate()
            answer = self.ask(state.question, state.history, state.filters, state.top_k)
        answer.id = id
        return answer

    def _still_stored(self, answer: Answer, corpus: Corpus) -> bool:
        """Is every report the answer quotes (citations, and the related paragraphs it shows)
        still stored in the version it was read from? A report removed or replaced after the
        corpus was loaded must not be cited."""
        shown = {c.report_id for c in answer.citations} | {r["report_id"] for r in answer.related}
        if not shown:
            return True
        token = self.store.change_token()
        if token is not None and token == self.loader.token:
            return True  # the embedded store has not been written since the corpus was read
        expected = {rid: corpus.versions.get(rid) for rid in shown}
        return self.store.versions_of(sorted(shown)) == expected

    def retrieve(
        self,
        question: str,
        history: list[str] | None = None,
        filters: dict | None = None,
        top_k: int | None = None,
    ) -> tuple[list[Hit], Corpus]:
        """The paragraphs that answer the question, best first (none when the plan abstains),
        and the corpus they index (for citation labels): the plan and retrieval alone."""
        state = self._plan_step(self._state(question, history, filters, top_k))
        corpus = _ready(state.corpus)
        return self.retriever.retrieve(_ready(state.plan), corpus, state.top_k), corpus

    def _state(self, question, history, filters, top_k: int | None) -> ChainState:
        """A chain state from checked input (InvalidQuestion names a bad field)."""
        return ChainState(
            question=check_question(question),
            history=check_history(history),
            filters=check_filters(filters),
            top_k=top_k or self.top_k,
        )

    # --- chain steps (ChainState in, ChainState out; the last makes the Answer) --------------

    def _plan_step(self, state: ChainState) -> ChainState:
        corpus = self.loader.load()
        state.corpus = corpus
        rewrite = getattr(self.answerer, "rewrite", None)
        if state.history and rewrite is not None and not state.extractive:
            t = time.perf_counter()
            standalone = rewrite(state.question, state.history)
            state.standalone = standalone if standalone != state.question else None
            state.timings["rewrite"] = _ms(t)
        question = state.standalone or state.question
        state.plan = self._plan(question, state.history, state.filters, corpus)
        if self.home_area and _names_no_area(state):
            state.plan = self._in_home_area(state, question, corpus)
        return state

    def _in_home_area(self, state: ChainState, question: str, corpus: Corpus) -> Plan:
        """A question that names no area asked of the user's own (FINDINGS_AREA), as if filtered
        to it; when no stored report is about that area, asked of every report. Either way
        `state.scope_note` says so."""
        home = _ready(self.home_area).lower()
        if home not in corpus.areas:
            known = ", ".join(
                sorted(corpus.reports[ids[0]]["area"] for ids in corpus.areas.values())
            )
            state.scope_note = (
                f"FINDINGS_AREA is {self.home_area!r}, which no stored report is about, so the "
                f"question was asked of every report. Set it to one of: {known or 'none stored'}."
            )
            return _ready(state.plan)
        name = corpus.reports[corpus.areas[home][0]]["area"]
        state.scope_note = f"Asked of {name}, your area (FINDINGS_AREA): the question names none."
        return self._plan(question, state.history, {**state.filters, "area": name}, corpus)

    def _plan(
        self, question: str, history: list[str], filters: dict | None, corpus: Corpus
    ) -> Plan:
        """The planner's plan; for a follow-up that names no report and whose earlier turns
        named none either ("Who led it?" after "Which service brought in a one-page plan?"),
        the reports the previous answer cited: what the user was just shown. The previous
        turn is answered at most once, and only when a follow-up needs it."""
        answered: list[tuple[Plan, Draft | None]] = []

        def previous() -> tuple[Plan, Draft | None]:
            if not answered:
                answered.append(self._previous_answer(history, filters, corpus))
            return answered[0]

        named = self._person_named_before(question, history, corpus, previous)
        if named:
            question = f"{question} ({named})"
        plan = self.planner.plan(question, history, filters, corpus)
        if named and plan.report_ids == previous()[0].report_ids:
            # asked of the report the earlier question picked (not "now", "afterwards")
            plan = _of_every_report_naming(plan, named, corpus)
        if named and not plan.yes_no and not plan.abstain:
            # "When was she appointed?" of the head of service named before: the passage that
            # answers names her ("Did she also lead the 2015 one?" may be answered "No" by a
            # passage naming someone else)
            plan = replace(plan, identifiers=[*plan.identifiers, named.split()[-1]])
        if (
            not history
            or plan.inherited
            or plan.areas
            or plan.abstain
            or set(plan.report_ids or plan.scope or []) != set(plan.scope or [])  # narrowed
            or plan.collection
            or not follows_up(question, corpus)
        ):
            return plan
        _, draft = previous()
        shown = sorted({c.hit.report_id for c in draft.cited}) if draft else []
        if not shown:
            return plan
        narrowed = self.planner.plan(
            question, None, {**(filters or {}), "report_ids": shown}, corpus
        )
        if not content_terms(question) or {"it", "them"} & set(words(question)):
            # "Why did they say that?", "Who chairs it?", "When did it start, and which agency
            # do we run it with?": what they point back to is in the earlier words
            narrowed.search_text = f"{question} {history[-1]}"
        narrowed.inherited = True
        narrowed.scope = plan.scope
        return narrowed

    def _previous_answer(
        self, history: list[str], filters: dict | None, corpus: Corpus
    ) -> tuple[Plan, Draft | None]:
        """The previous turn's plan and its offline answer (None when it abstains): what the
        user was just shown."""
        previous = self._plan(history[-1], history[:-1][-FOLLOW_UP_DEPTH:], filters, corpus)
        if previous.abstain:
            return previous, None
        hits = self.retriever.retrieve(previous, corpus, self.top_k)
        return previous, verify(self.offline.answer(previous, hits, corpus), corpus)

    def _person_named_before(
        self,
        question: str,
        history: list[str],
        corpus: Corpus,
        previous: Callable[[], tuple[Plan, Draft | None]],
    ) -> str | None:
        """The person a follow-up's "he" or "her" means: the one the previous answer named, when
        the previous question asked who ("Who was the YOT manager…?" then "What happened to him
        afterwards?"), or the only one its quote names ("What did the letter say about MAPPA?"
        then "What is his role?"). None when the follow-up names a person itself or asks no
        such thing."""
        places = set(corpus.areas)
        if not history or not PERSON_PRONOUNS.search(question) or person_span(question, places):
            return None
        asked, draft = previous()
        if draft is None or not draft.cited:
            return None
        named = _people_named(draft.cited[0].quote, places)
        if asked.wants == "person" or len(set(named)) == 1:
            return named[0] if named else None
        return None

    def _retrieve_step(self, state: ChainState) -> ChainState:
        t = time.perf_counter()
        plan, corpus = _ready(state.plan), _ready(state.corpus)
        if plan.abstain:
            # Nothing answers, but show what comes closest ("possibly related"): the areas the
            # question names, else every report.
            allowed = plan.scope if plan.scope is not None else list(corpus.reports)
            named = {r for a in plan.areas for r in corpus.areas.get(a.lower(), [])}
            scope = sorted(named & set(allowed)) or sorted(allowed)
            plan = replace(plan, abstain=None, sides=[Side("related", scope)], comparison=False)
        state.hits = self.retriever.retrieve(plan, corpus, state.top_k)
        state.timings["retrieve"] = _ms(t)
        return state

    def _answer_step(self, state: ChainState) -> ChainState:
        t = time.perf_counter()
        answerer = self.offline if state.extractive else self.answerer
        state.draft = answerer.answer(_ready(state.plan), state.hits, _ready(state.corpus))
        state.timings["answer"] = _ms(t)
        return state

    def _verify_step(self, state: ChainState) -> Answer:
        corpus = _ready(state.corpus)
        draft = verify(_ready(state.draft), corpus)
        citations = [
            _citation(n, c.hit, c.quote, corpus) for n, c in enumerate(draft.cited, start=1)
        ]
        retrieved = [
            {
                "rank": i,
                "report_id": h.report_id,
                "section": h.section,
                "paragraph": h.paragraph,
                "ordinal": h.ordinal,
                "score": h.score,
            }
            for i, h in enumerate(state.hits, start=1)
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
        llm = draft if isinstance(draft, LLMDraft) else None
        if llm is not None:
            state.timings.update(llm.timings)

        state.timings["total"] = _ms(state.started)
        return Answer(
            question=state.question,
            answer=draft.text,
            abstained=draft.abstained,
            mode=llm.mode if llm else self.offline.mode if state.extractive else self.mode,
            citations=citations,
            retrieved=retrieved,
            timings_ms=state.timings,
            related=related,
            abstention=draft.abstention,
            model=self.model_name,
            removed_citations=llm.removed if llm else 0,
            notice=llm.notice if llm else None,
            scope_note=state.scope_note or _one_area_of_many(state, draft, corpus),
            standalone_question=state.standalone,
        )


class AnswerStream:
    """What `Assistant.stream` returns: iterate for text chunks as they are written; then
    `answer` is the checked Answer (None until the chunks are all read)."""

    def __init__(self, steps: Generator[str, None, Answer]):
        self._steps = steps
        self.answer: Answer | None = None

    def __iter__(self) -> Iterator[str]:
        if self.answer is None:  # a second loop resumes the first (or yields nothing)
            self.answer = yield from self._steps

    def result(self) -> Answer:
        """The checked Answer, reading whatever chunks are still unread."""
        for _chunk in self:
            pass
        return _ready(self.answer)


def build_assistant(settings: Settings, embedder: Embedder | None = None) -> Assistant:
    """The assistant over the configured store: with the LLM answerer when FINDINGS_LLM is set
    (its prompts are checked now), else the offline extractive answerer."""
    embedder = embedder or build_embedder(settings)
    answerer = build_llm_answerer(settings) if settings.llm else None
    return Assistant(
        build_store(settings, embedder),
        embedder,
        top_k=settings.top_k,
        answerer=answerer,
        home_area=settings.area,
        adapter=None if settings.query_adapter else QueryAdapter(path=None),
    )


def bundled_adapter(embedder: Embedder) -> QueryAdapter:
    """The query adapter fitted for the bundled model (`retrieval.adapter`); none for another."""
    if getattr(embedder, "model_slug", None) == BUNDLED_SLUG:
        return QueryAdapter(model_sha256=BUNDLED_MODEL_SHA256)
    return QueryAdapter(path=None)


def _names_no_area(state: ChainState) -> bool:
    """Was the question asked without an area: none named in it or any earlier turn, none
    filtered, no reports chosen, and not about the collection itself ("Which reports do you
    hold?")? A follow-up of an area-less question is area-less too ("And in 2014?")."""
    plan, corpus = _ready(state.plan), _ready(state.corpus)
    return not (
        state.filters.get("area")
        or state.filters.get("report_ids")
        or plan.areas
        or plan.collection
        or any(corpus.areas_in(turn.lower()) for turn in [state.question, *state.history])
    )


def _one_area_of_many(state: ChainState, draft: Draft, corpus: Corpus) -> str | None:
    """For a question that names no area, answered from one area's reports while the store
    holds several: which area the answer is about, and how to ask about another. The user
    may have meant their own ("our planning"), which the reports cannot tell."""
    if draft.abstained or not draft.cited or len(corpus.areas) < 2 or not _names_no_area(state):
        return None
    reports = {c.hit.report_id for c in draft.cited}
    areas = {corpus.reports.get(r, {}).get("area") for r in reports}
    if len(areas) != 1:
        return None
    area = areas.pop()
    if area is None and len(reports) > 1:
        return None
    source = f"{area}'s reports" if area else corpus.label(reports.pop())
    return (
        f"The question names no area: this answer draws on {source} only, and the store holds "
        f"reports on {len(corpus.areas)} areas. To ask about another, name it or choose it "
        "under Area (`--area`); set FINDINGS_AREA to make your own the default."
    )


def _people_named(text: str, places: set[str]) -> list[str]:
    """Every person's name the text prints, in order."""
    out: list[str] = []
    at = 0
    while (span := person_span(text[at:], places)) is not None:
        out.append(text[at + span[0] : at + span[1]])
        at += max(span[1], 1)
    return out


def _of_every_report_naming(plan: Plan, person: str, corpus: Corpus) -> Plan:
    """A follow-up about the person the previous answer named ("And when did he retire?"
    after "Who was the YOT manager at the 2018 screening?"), asked of the report the earlier
    question picked, asks of every report of that area that names them: what became of
    someone is told by a later report."""
    if plan.abstain or plan.comparison or len(plan.sides) != 1 or not plan.report_ids:
        return plan
    areas = {corpus.reports.get(r, {}).get("area") for r in plan.report_ids}
    allowed = plan.scope if plan.scope is not None else list(corpus.reports)
    naming = sorted(
        r
        for r in allowed
        if corpus.reports.get(r, {}).get("area") in areas and corpus.printed([r], person)
    )
    if not naming or set(naming) == set(plan.report_ids):
        return plan
    # the earlier report is what the previous answer quoted: a later one tells what followed
    asked = max((corpus.reports[r].get("year") or 0) for r in plan.report_ids)
    later = [r for r in naming if (corpus.reports[r].get("year") or 0) > asked]
    return replace(plan, sides=[Side(plan.sides[0].label, later or naming)])


def quotations(text: str) -> list[tuple[str, int, str]]:
    """Each quotation followed by its marker, `“…” [n]`: (the quoted words, n, the whole)."""
    out = []
    start = text.find("“")
    while start >= 0:
        end = text.find("”", start + 1)
        if end < 0:
            break
        close = text.find("]", end)
        number = text[end + 3 : close] if text[end + 1 : end + 3] == " [" else ""
        if close > 0 and number.isdigit():
            out.append((text[start + 1 : end], int(number), text[start : close + 1]))
        start = text.find("“", end + 1)
    return out


def verify(draft: Draft, corpus: Corpus) -> Draft:
    """Keep only citations whose quote is verbatim in the stored paragraph, renumber the
    `[n]` markers to match, and make sure every marker has a citation and every citation a marker."""
    text = draft.text
    kept = []
    mapping: dict[int, int] = {}
    stored = [
        normalise_space(corpus.texts[c.hit.row]) if 0 <= c.hit.row < len(corpus) else ""
        for c in draft.cited
    ]
    # a quotation in the text must be in the paragraph its marker cites: one that is not (an
    # answerer's bug) goes, with its marker, rather than be shown under another paragraph's label
    for quoted, n, whole in quotations(text):
        if 1 <= n <= len(stored) and normalise_space(quoted) not in stored[n - 1]:
            text = text.replace(whole, "")
    for old, c in enumerate(draft.cited, start=1):
        if c.quote and normalise_space(c.quote) in stored[old - 1] and f"[{old}]" in text:
            kept.append(c)
            mapping[old] = len(kept)
    text = MARKER.sub(
        lambda m: f"[{mapping[int(m.group(1))]}]" if int(m.group(1)) in mapping else "",
        text,
    )
    if draft.cited and not kept:
        return Draft.abstain(
            Abstention(AbstainReason.UNVERIFIED), related=[c.hit for c in draft.cited]
        )
    return replace(draft, text=text.strip(), cited=kept)


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


T = TypeVar("T")


def _ready(value: T | None) -> T:
    """A part an earlier chain step sets (the chain runs its steps in order)."""
    if value is None:
        raise RuntimeError("chain step run out of order: an earlier step's result is missing")
    return value
