"""The LLM mode's prompt files (`prompts/`), loaded and checked once, and the sources they carry.

`load_prompts(folder) -> Prompts` reads `system.txt`, `answer.txt` and `rewrite.txt` and checks
that each template uses exactly the variables the code fills in (a `PromptError` names the file,
what it must use and what it uses). `format_sources(hits, corpus)` writes the retrieved
paragraphs as numbered, labelled, delimited sources: the `[n]` markers the model writes refer to
those numbers only.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from pathlib import Path

from findings.errors import PromptError
from findings.records import citation_label
from findings.text import normalise_space
from retrieval.corpus import Corpus
from retrieval.hybrid import Hit
from retrieval.support import WITHHELD, without_instructions

# file -> the variables its template must use (all of them, and no other)
TEMPLATES: dict[str, frozenset[str]] = {
    "system.txt": frozenset(),
    "answer.txt": frozenset({"question", "sources"}),
    "rewrite.txt": frozenset({"history", "question"}),
}
# A source's delimiters, as written inside a report, could close one source and open a forged
# one: they are defanged in report text (the angle brackets become look-alikes).
_DELIMITER = re.compile(r"<(/?\s*source\b)", re.I)


def default_prompts_dir() -> Path:
    """The project's own `prompts/` folder (beside `retrieval/`)."""
    return Path(__file__).resolve().parent.parent / "prompts"


@dataclass(frozen=True)
class Prompts:
    system: str
    answer: str
    rewrite: str
    folder: Path

    def answer_messages(self, question: str, sources: str) -> list[tuple[str, str]]:
        """(role, text) messages for one answer: the rules, then the sources and the question."""
        return [
            ("system", self.system.format()),
            ("human", self.answer.format(question=question, sources=sources)),
        ]

    def rewrite_messages(self, question: str, history: list[str]) -> list[tuple[str, str]]:
        earlier = "\n".join(f"- {normalise_space(q)}" for q in history)
        return [("human", self.rewrite.format(question=question, history=earlier))]


def load_prompts(folder: Path | None = None) -> Prompts:
    """Read and check the three templates in `folder` (default: the project's `prompts/`)."""
    folder = Path(folder) if folder is not None else default_prompts_dir()
    texts = {name: _read(folder / name, required) for name, required in TEMPLATES.items()}
    return Prompts(
        system=texts["system.txt"],
        answer=texts["answer.txt"],
        rewrite=texts["rewrite.txt"],
        folder=folder,
    )


def template_variables(text: str) -> list[str]:
    """The `{name}` fields a `str.format` template uses, in order of first use."""
    return list(
        dict.fromkeys(
            field for _, field, _, _ in string.Formatter().parse(text) if field is not None
        )
    )


def _read(path: Path, required: frozenset[str]) -> str:
    hint = "Set FINDINGS_PROMPTS_DIR to a folder that has it, or unset FINDINGS_LLM."
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PromptError(f"{path}: prompt file not found. {hint}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PromptError(f"{path}: cannot be read ({exc}). Save it as UTF-8 text.") from None
    try:
        used = template_variables(text)
    except ValueError as exc:  # a lone brace
        raise PromptError(
            f"{path}: is not a valid template ({exc}). Write a literal brace as {{{{ or }}}}."
        ) from None
    if set(used) != required:
        missing = sorted(required - set(used))
        unknown = sorted(set(used) - required)
        problem = "; ".join(
            part
            for part in (
                f"missing {_names(missing)}" if missing else "",
                f"unknown {_names(unknown)}" if unknown else "",
            )
            if part
        )
        raise PromptError(
            f"{path}: the template must use {_names(sorted(required)) or 'no variables'}; "
            f"it uses {_names(used) or 'none'} ({problem}). Fix the file "
            "(write a literal brace as {{ or }})."
        )
    return text.strip()


def _names(names: list[str]) -> str:
    return ", ".join(f"{{{n}}}" for n in names)


def source_label(hit: Hit, corpus: Corpus) -> str:
    meta = corpus.reports.get(hit.report_id) or {"report_id": hit.report_id}
    return citation_label(meta, hit.section, hit.paragraph, hit.ordinal)


def format_sources(hits: list[Hit], corpus: Corpus) -> str:
    """The retrieved paragraphs as numbered sources, best first: `<source n="1" label="…">`,
    the paragraph's text, `</source>`. Nothing else from the store is sent; a sentence that
    addresses a model ("ignore previous instructions") is withheld."""
    blocks = []
    for n, hit in enumerate(hits, start=1):
        label = _defang(source_label(hit, corpus)).replace('"', "'")
        text = _defang(without_instructions(normalise_space(hit.text), WITHHELD))
        blocks.append(f'<source n="{n}" label="{label}">\n{text}\n</source>')
    return "\n\n".join(blocks)


def _defang(text: str) -> str:
    return _DELIMITER.sub(lambda m: "‹" + m.group(1), text).replace("</", "‹/")
