"""The conversation as a Markdown "evidence pack": every question, its answer, and each
citation with its full quote, the paragraph it sits in and the report's metadata; then the
Compare view's table, when one is shown (each cell with its citation, then every cited
paragraph in full).

Report text is escaped (`ui.markdown`), so the pack renders verbatim and inert in any Markdown
viewer; blockquotes keep quotes apart from the surrounding notes. With `plain=True` the same
pack is written without any escapes, for reading in a text editor (where `\\[1\\]` and
`2\\.3` would show their backslashes).
"""

from __future__ import annotations

from findings.records import Citation
from findings.text import normalise_space
from findings.vocab import ABSTAIN_SENTENCE
from ui.chat import Turn
from ui.compare import COMPARE_KINDS, CompareTable
from ui.format import abstention_note, answer_mode_note, citation_details, filters_summary
from ui.markdown import answer_markdown, escape_markdown


def evidence_pack(
    turns: list[Turn],
    generated: str,
    mode: str,
    store: str,
    comparison: CompareTable | None = None,
    plain: bool = False,
) -> str:
    """`generated` is a timestamp already formatted by the caller (so this stays pure);
    `comparison`, the Compare view's table, is added after the questions when it has rows;
    `plain`: text as printed, no Markdown escapes."""
    esc = _verbatim if plain else escape_markdown
    answer_text = _verbatim if plain else answer_markdown
    dot, lb, rb = (".", "[", "]") if plain else ("\\.", "\\[", "\\]")
    lines = [
        "# Evidence pack",
        "",
        f"Generated {generated} by findings ({esc(mode)}) from "
        f"{esc(store)}. Quotes are verbatim from the reports.",
    ]
    answered = [(t, t.answer) for t in turns if t.answer is not None]
    if not answered:
        lines += ["", "No questions were answered in this conversation."]
    for i, (turn, answer) in enumerate(answered, start=1):
        lines += ["", f"## {i}{dot} {esc(turn.question)}", ""]
        if turn.filters:
            lines += [f"Filters: {esc(filters_summary(turn.filters))}", ""]
        if answer_mode_note(answer):  # LLM mode: which mode produced this answer
            lines += [f"Mode: {esc(answer_mode_note(answer))}", ""]
        if answer.scope_note:
            lines += [f"Note: {esc(answer.scope_note)}", ""]
        if answer.abstained:
            lines += [f"**{ABSTAIN_SENTENCE}**"]
            if abstention_note(answer):
                lines += ["", answer_text(abstention_note(answer))]
            if answer.related:
                lines += ["", "Possibly related (not an answer):", ""]
                lines += [
                    f"- {esc(r['label'])}: {esc(normalise_space(r['text']))}"
                    for r in answer.related
                ]
            continue
        lines += ["### Answer", "", answer_text(answer.answer), "", "### Citations"]
        for c in answer.citations:
            lines += ["", *_citation(c, esc, lb, rb)]
    if comparison and comparison.rows:
        lines += ["", *_comparison(comparison, esc)]
    return "\n".join(lines) + "\n"


def _verbatim(text: str) -> str:
    return str(text)


def _comparison(table: CompareTable, esc) -> list[str]:
    """The table in Markdown (each cell: the value as printed, then its citation), then each
    cited paragraph once, in full."""
    columns = [esc(c) for c in table.columns]
    out = [
        f"## Comparison: {COMPARE_KINDS[table.kind].lower()}",
        "",
        f"Reports, oldest first: {', '.join(columns)}. Each cell is the value as printed, then "
        "its citation; an empty cell: the report has none.",
        "",
        "| " + " | ".join([table.first_column, *columns]) + " |",
        "| " + " | ".join(["---"] * (len(columns) + 1)) + " |",
    ]
    cited: dict[str, str] = {}
    for row in table.rows:
        cells = [esc(row.name)]
        for cell in row.cells:
            if cell is None:
                cells.append("")
                continue
            cited.setdefault(cell.label, cell.paragraph)
            shown = normalise_space(cell.shown)
            cells.append(f"{esc(shown)} ({esc(cell.label)})")
        out.append("| " + " | ".join(cells) + " |")
    out += ["", "### Cited paragraphs", ""]
    out += [f"- {esc(label)}: {esc(normalise_space(text))}" for label, text in cited.items()]
    return out


def _citation(c: Citation, esc, lb: str, rb: str) -> list[str]:
    out = [f"#### {lb}{c.n}{rb} {esc(c.label)}", ""]
    out += [f"- {name}: {esc(value)}" for name, value in citation_details(c)]
    out += ["", "Quote:", "", f"> {esc(normalise_space(c.quote))}"]
    if c.text and normalise_space(c.text) != normalise_space(c.quote):
        out += ["", "Full paragraph:", "", f"> {esc(normalise_space(c.text))}"]
    return out
