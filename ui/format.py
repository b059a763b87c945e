"""Labels and lines the app shows, and the filters it passes to `Assistant.ask`. Plain strings
out; the app escapes them (`ui.markdown.escape_markdown`) where they carry report text."""

from __future__ import annotations

from dataclasses import dataclass

from findings.records import Answer, Citation, report_label
from findings.vocab import TYPE_BY_KEY, UNKNOWN_TYPE, UNKNOWN_TYPE_LABEL


def mode_label(mode: str, model: str | None = None) -> str:
    """`Offline extractive`, `LLM openai:gpt-4o-mini (citations checked)`, or the answer
    mode's own name."""
    if mode == "extractive":
        return "Offline extractive"
    if mode == "llm" and model:
        return f"LLM {model} (citations checked)"
    return mode


def answer_mode_note(answer: Answer) -> str:
    """Which mode produced one answer, in the LLM mode (`` in the offline mode): the model and
    the citations its check removed, or why the extractive answer was shown instead."""
    if answer.model is None:
        return ""
    if answer.mode == "llm":
        removed = answer.removed_citations
        return f"Written by {answer.model}; every citation checked against the reports" + (
            f" ({removed} unsupported {'citation' if removed == 1 else 'citations'} removed)."
            if removed
            else "."
        )
    return answer.notice or "Offline extractive answer."


def abstention_note(answer: Answer) -> str:
    """What an abstaining answer says beyond the abstention sentence (e.g. `No stored report
    covers Kestrel Vale in 2016.`), or `` when nothing."""
    return answer.abstention.detail if answer.abstention else ""


def inspection_type_label(kind: str | None) -> str:
    if not kind or kind == UNKNOWN_TYPE:
        return UNKNOWN_TYPE_LABEL
    known = TYPE_BY_KEY.get(kind)
    return known.label if known else kind.capitalize()


def report_details(meta: dict) -> str:
    """One line under a report's label: `Short quality screening · published 2016-05-18 · 48 paragraphs`."""
    parts = [inspection_type_label(meta.get("inspection_type"))]
    parts.append(
        f"published {meta['publication_date']}"
        if meta.get("publication_date")
        else "no publication date"
    )
    if meta.get("pages"):
        parts.append(f"{meta['pages']} pages")
    parts.append(f"{meta.get('paragraphs') or 0} paragraphs")
    return " · ".join(parts)


def paragraph_name(paragraph: str | None, ordinal: int) -> str:
    """`2.3`, or `unnumbered (2nd in its section)`."""
    if paragraph:
        return str(paragraph)
    return f"unnumbered ({_ordinal(ordinal)} in its section)"


def citation_details(c: Citation) -> list[tuple[str, str]]:
    """Where a citation comes from, as (name, value) rows, in reading order."""
    return [
        ("Report", c.report_title or c.report_id),
        ("Area", c.area or "not stated"),
        ("Published", c.publication_date or "not stated"),
        ("Section", c.section),
        ("Paragraph", paragraph_name(c.paragraph, c.ordinal)),
        ("Page", str(c.page) if c.page else "n/a (the source has no pages)"),
    ]


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@dataclass
class FilterOptions:
    """What the sidebar filters offer, from `store.list_reports()`."""

    areas: list[str]
    years: tuple[int, int] | None  # (oldest, newest); None when no report has a year
    inspection_types: list[str]
    reports: dict[str, str]  # report_id -> label, newest first


def filter_options(reports: list[dict]) -> FilterOptions:
    years = [r["year"] for r in reports if r.get("year")]
    newest_first = sorted(
        reports, key=lambda r: (r.get("publication_date") or "", r["report_id"]), reverse=True
    )
    return FilterOptions(
        areas=sorted({r["area"] for r in reports if r.get("area")}),
        years=(min(years), max(years)) if years else None,
        inspection_types=sorted({r.get("inspection_type") or "unknown" for r in reports}),
        reports={r["report_id"]: report_label(r) for r in newest_first},
    )


def build_filters(
    options: FilterOptions,
    area: str | None = None,
    years: tuple[int, int] | None = None,
    inspection_type: str | None = None,
    report_ids: list[str] | None = None,
) -> dict:
    """The `filters` for `Assistant.ask`: only what narrows the search (a full year range or no
    choice adds nothing)."""
    filters: dict = {}
    if area:
        filters["area"] = area
    if years and options.years and tuple(years) != options.years:
        filters["year_from"], filters["year_to"] = int(years[0]), int(years[1])
    if inspection_type:
        filters["inspection_type"] = inspection_type
    if report_ids:
        filters["report_ids"] = list(report_ids)
    return filters


def filters_summary(filters: dict, reports: dict[str, str] | None = None) -> str:
    """`area Marshbury · 2014–2016 · reports Marshbury SQS 2016`, or `` when unfiltered."""
    parts = []
    if filters.get("area"):
        parts.append(f"area {filters['area']}")
    if "year_from" in filters or "year_to" in filters:
        parts.append(f"{filters.get('year_from', '…')}–{filters.get('year_to', '…')}")
    if filters.get("inspection_type"):
        parts.append(inspection_type_label(filters["inspection_type"]).lower())
    if filters.get("report_ids"):
        names = [(reports or {}).get(r, r) for r in filters["report_ids"]]
        parts.append("reports " + ", ".join(names))
    return " · ".join(parts)
