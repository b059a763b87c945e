"""The LLM answer mode: a chat model writes the answer, and only what the reports back is shown.

`LLMAnswerer(make_model, model_name, prompts)` is an `Answerer` (`answer(plan, hits, corpus) ->
Draft`) that also streams (`stream(...)` yields the model's tokens, then returns the checked
Draft) and rewrites follow-ups (`rewrite(question, history) -> str`). The model sees only the
question and the retrieved paragraphs, as numbered sources (`retrieval.prompts`). Its answer
goes through `retrieval.support.check_answer`: a marker that names no retrieved paragraph, or
one whose paragraph does not back its sentence, is removed, and so is a sentence left with no
marker; quotes come from the store. When nothing the model wrote is backed, or the endpoint is
down, slow or answers garbage, the offline extractive answer is given instead, with a one-line
notice saying why. Nothing here raises for a failing endpoint.

`build_llm_answerer(settings)` makes one from `FINDINGS_LLM` through LangChain's standard
chat-model integrations (`langchain-openai`, `langchain-ollama`), imported on first use only.
"""

from __future__ import annotations

import os
import time
import warnings
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from findings.errors import ConfigError, LLMError
from findings.settings import Settings
from findings.text import normalise_space
from retrieval.answer import Draft, ExtractiveAnswerer
from retrieval.corpus import Corpus
from retrieval.hybrid import Hit
from retrieval.plan import Plan
from retrieval.prompts import Prompts, format_sources, load_prompts
from retrieval.support import CheckedAnswer, SupportChecker, check_answer

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

MAX_REWRITE_CHARS = 500
FALLBACK = "this is the offline extractive answer"


@dataclass
class LLMDraft(Draft):
    """A Draft with what the LLM mode reports: who wrote the text (`llm`, or `extractive` when
    the extractive answer replaced the model's), the citations removed, and why it fell back."""

    mode: str = "llm"
    model: str = ""
    removed: int = 0
    notice: str | None = None
    timings: dict[str, float] = field(default_factory=dict)


def parse_llm(spec: str) -> tuple[str, str]:
    """`openai:gpt-4o-mini` -> (`openai`, `gpt-4o-mini`); `ollama:gemma3:270m` -> (`ollama`,
    `gemma3:270m`). The setting is checked when read (findings.settings)."""
    provider, _, model = spec.partition(":")
    return provider, model


def endpoint(spec: str) -> str:
    """Where the model is served, for notices: OPENAI_BASE_URL / OLLAMA_HOST or the default."""
    provider, _ = parse_llm(spec)
    if provider == "ollama":
        return os.environ.get("OLLAMA_HOST") or "http://127.0.0.1:11434"
    return os.environ.get("OPENAI_BASE_URL") or "https://api.openai.com/v1"


def chat_model_factory(spec: str, timeout_s: float) -> Callable[[], BaseChatModel]:
    """A function that builds the chat model (importing its LangChain integration then)."""
    provider, model = parse_llm(spec)

    def make() -> BaseChatModel:
        if provider == "ollama":
            from langchain_ollama import ChatOllama

            return ChatOllama(
                model=model,
                base_url=os.environ.get("OLLAMA_HOST") or None,
                temperature=0,
                client_kwargs={"timeout": timeout_s},
            )
        from langchain_openai import ChatOpenAI
        from pydantic import SecretStr

        # a garbled reply is answered offline with a notice; pydantic's warning about its shape
        # would only add noise on stderr
        warnings.filterwarnings(
            "ignore", message="Pydantic serializer warnings", category=UserWarning
        )
        return ChatOpenAI(
            model=model,
            # a local server needs no key, but the client insists on one
            api_key=SecretStr(os.environ.get("OPENAI_API_KEY") or "not-needed"),
            base_url=os.environ.get("OPENAI_BASE_URL") or None,
            timeout=timeout_s,
            max_retries=0,  # a retry would double the wait before the extractive fallback
            temperature=0,
        )

    return make


def build_llm_answerer(settings: Settings) -> LLMAnswerer:
    """The answerer for `FINDINGS_LLM` (prompts checked now; the model built on first use)."""
    if not settings.llm:
        raise ConfigError("FINDINGS_LLM is not set: there is no LLM to answer with.")
    provider, _ = parse_llm(settings.llm)
    if provider == "openai" and not (
        os.environ.get("OPENAI_API_KEY") or os.environ.get("OPENAI_BASE_URL")
    ):
        raise ConfigError(
            f"FINDINGS_LLM={settings.llm}: set OPENAI_API_KEY (for api.openai.com), or "
            "OPENAI_BASE_URL for another OpenAI-compatible endpoint (vLLM, llama.cpp), or "
            "unset FINDINGS_LLM for the offline extractive mode."
        )
    return LLMAnswerer(
        chat_model_factory(settings.llm, settings.llm_timeout_s),
        settings.llm,
        load_prompts(settings.prompts_dir),
        timeout_s=settings.llm_timeout_s,
        where=endpoint(settings.llm),
    )


class LLMAnswerer:
    """See the module docstring. Cheap to build; the chat model is made on first use."""

    mode = "llm"

    def __init__(
        self,
        make_model: Callable[[], BaseChatModel],
        model_name: str,
        prompts: Prompts,
        checker: SupportChecker | None = None,
        fallback: ExtractiveAnswerer | None = None,
        timeout_s: float = 60.0,
        where: str = "",
    ):
        self.make_model = make_model
        self.model_name = model_name
        self.prompts = prompts
        self.checker = checker
        self.fallback = fallback or ExtractiveAnswerer()
        self.timeout_s = timeout_s
        self.where = where
        self._model: BaseChatModel | None = None

    # --- the Answerer protocol, streaming, follow-ups ------------------------------------

    def answer(self, plan: Plan, hits: list[Hit], corpus: Corpus) -> Draft:
        steps = self.stream(plan, hits, corpus)
        while True:
            try:
                next(steps)
            except StopIteration as done:
                return done.value

    def stream(self, plan: Plan, hits: list[Hit], corpus: Corpus) -> Generator[str, None, Draft]:
        """Yield the model's text as it arrives; return the checked Draft (what to show)."""
        if plan.abstain or not hits:  # the plan already knows: no model call
            return self._offline(plan, hits, corpus, notice=None)
        started = time.perf_counter()
        messages = self.prompts.answer_messages(plan.question, format_sources(hits, corpus))
        parts: list[str] = []
        try:
            for chunk in self._chunks(messages):
                parts.append(chunk)
                yield chunk
        except LLMError as exc:
            return self._offline(plan, hits, corpus, notice=str(exc))
        generated = _ms(started)
        t = time.perf_counter()
        checker = self.checker or SupportChecker(idf=corpus.idf)
        checked = check_answer("".join(parts), hits, corpus, checker)
        timings = {"llm": generated, "check": _ms(t)}
        if not checked.cited:
            draft = self._offline(plan, hits, corpus, notice=self._why_not(checked))
            draft.removed = checked.removed
            draft.timings = timings
            return draft
        return LLMDraft(
            text=checked.text,
            cited=checked.cited,
            model=self.model_name,
            removed=checked.removed,
            timings=timings,
        )

    def rewrite(self, question: str, history: list[str]) -> str:
        """The follow-up as a standalone question (the question itself when there is no
        history, or the model fails or replies with something that is not one question)."""
        if not history:
            return question
        try:
            reply = normalise_space(
                "".join(self._chunks(self.prompts.rewrite_messages(question, history)))
            )
        except LLMError:
            return question  # the answer step meets the same failure and says so
        reply = reply.strip().strip('"“”').strip()
        for prefix in ("Standalone question:", "Question:"):
            if reply.lower().startswith(prefix.lower()):
                reply = reply[len(prefix) :].strip()
        if not reply or len(reply) > MAX_REWRITE_CHARS or "\n" in reply:
            return question
        return reply

    # --- the parts ------------------------------------------------------------------------

    def _offline(self, plan: Plan, hits: list[Hit], corpus: Corpus, notice: str | None) -> LLMDraft:
        d = self.fallback.answer(plan, hits, corpus)
        return LLMDraft(
            text=d.text,
            cited=d.cited,
            related=d.related,
            abstention=d.abstention,
            mode="extractive",
            model=self.model_name,
            notice=notice,
        )

    def _why_not(self, checked: CheckedAnswer) -> str:
        who = f"The model ({self.model_name})"
        if checked.abstained and not checked.had_markers:
            return f"{who} found no answer in the retrieved paragraphs; {FALLBACK}."
        if not checked.had_markers:
            return f"{who} cited no paragraph, so none of its answer could be checked; {FALLBACK}."
        n = checked.removed
        return f"{who} gave no citation that the reports bear out ({n} removed); {FALLBACK}."

    def _chat(self) -> BaseChatModel:
        if self._model is None:
            self._model = self.make_model()
        return self._model

    def _chunks(self, messages: list[tuple[str, str]]) -> Iterator[str]:
        """The model's reply as text chunks. Every failure of the endpoint becomes one
        LLMError whose message is the notice shown; a reply over the time limit is cut off."""
        got_any = False
        try:
            model = self._chat()
            deadline = time.monotonic() + self.timeout_s
            for chunk in model.stream(messages):
                text = _text(chunk.content)
                if text:
                    got_any = True
                    yield text
                if time.monotonic() > deadline:
                    raise LLMError(self._notice("timed out"))
        except LLMError:
            raise
        except Exception as exc:  # an outside service: any failure means "answer offline"
            raise LLMError(self._notice(_kind(exc), exc)) from exc
        if not got_any:
            raise LLMError(self._notice("empty"))

    def _notice(self, kind: str, exc: BaseException | None = None) -> str:
        """One line: what went wrong with which endpoint, that the extractive answer is shown,
        and what to do."""
        who = f"The LLM {self.model_name}" + (f" at {self.where}" if self.where else "")
        what, todo = {
            "timed out": (
                f"did not answer within {self.timeout_s:g} s",
                "raise FINDINGS_LLM_TIMEOUT_S or use a faster model",
            ),
            "unreachable": (
                "could not be reached",
                "start it, or fix OPENAI_BASE_URL / OLLAMA_HOST",
            ),
            "http": (
                f"returned HTTP {getattr(exc, 'status_code', None) or 'error'}",
                "check the server's log and the model name in FINDINGS_LLM",
            ),
            "empty": ("sent an empty reply", "check the model name in FINDINGS_LLM"),
        }.get(
            kind,
            (
                "sent a reply that could not be read",
                "check that it speaks the OpenAI (or Ollama) chat API",
            ),
        )
        return f"{who} {what}; {FALLBACK} ({todo})."


def _kind(exc: BaseException) -> str:
    """timed out | unreachable | http | garbage, from the exception's class names (openai,
    httpx and ollama each raise their own; none of them is imported here)."""
    names = " ".join(c.__name__ for c in type(exc).__mro__)
    if "Timeout" in names or isinstance(exc, TimeoutError):
        return "timed out"
    if "Connect" in names or isinstance(exc, ConnectionError):
        return "unreachable"
    if getattr(exc, "status_code", None) or "StatusError" in names or "ResponseError" in names:
        return "http"
    return "garbage"


def _text(content: Any) -> str:
    """A chunk's text: a string, or the text parts of a list of content blocks."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(
            b if isinstance(b, str) else str(b.get("text", "")) if isinstance(b, dict) else ""
            for b in content
        )
    return ""


def _ms(t0: float) -> float:
    return round((time.perf_counter() - t0) * 1000, 1)
