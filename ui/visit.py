"""The "Before a visit" view: an area's prior reports, newest first, each with what it found
strong, what it asked to improve and what it recommended, paragraph by paragraph with labels."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from findings.records import citation_label, report_label
from findings.vocab import LIST_SECTIONS, VISIT_KINDS


@dataclass
class VisitParagraph:
    label: str  # CONTRACT citation label, e.g. `Marshbury SQS 2016 · Key strengths ¶1`
    text: str


@dataclass
class VisitSection:
    heading: str  # as printed in the report
    paragraphs: list[VisitParagraph]


@dataclass
class VisitReport:
    report_id: str
    label: str
    title: str | None
    publication_date: str | None
    sections: list[VisitSection] = field(default_factory=list)


def areas(reports: list[dict]) -> list[str]:
    return sorted({r["area"] for r in reports if r.get("area")})


def before_visit(
    reports: list[dict], area: str, get_paragraphs: Callable[[str], list[dict]]
) -> list[VisitReport]:
    """The reports on `area` (case-insensitive), newest first, with their visit sections.

    `get_paragraphs(report_id)` returns stored paragraphs in reading order (`store.get_paragraphs`).
    """
    # list headings as reports print them (any case), in the order shown
    wanted = {
        name: rank
        for rank, name in enumerate(n for kind in VISIT_KINDS for n in LIST_SECTIONS[kind])
    }
    mine = [r for r in reports if (r.get("area") or "").lower() == area.lower()]
    mine.sort(
        key=lambda r: (r.get("publication_date") or "", r.get("year") or 0, r["report_id"]),
        reverse=True,
    )
    out = []
    for meta in mine:
        sections: dict[str, VisitSection] = {}
        for p in get_paragraphs(meta["report_id"]):
            name = (p.get("section") or "").strip()
            if name.lower() not in wanted:
                continue
            section = sections.setdefault(name.lower(), VisitSection(name, []))
            label = citation_label(meta, p["section"], p.get("paragraph"), p["ordinal"])
            section.paragraphs.append(VisitParagraph(label, p["text"]))
        ordered = sorted(sections.items(), key=lambda kv: wanted[kv[0]])
        out.append(
            VisitReport(
                report_id=meta["report_id"],
                label=report_label(meta),
                title=meta.get("title"),
                publication_date=meta.get("publication_date"),
                sections=[s for _, s in ordered],
            )
        )
    return out
