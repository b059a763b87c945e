"""The "Before a visit" view, built from the reports' records (issue 10).

`before_visit(reports, area, get_records, get_paragraphs) -> VisitBrief`:

- `reports`: the area's reports, newest first, each with its ratings, strengths, areas for
  improvement and recommendations (with their owners where printed), every line carrying its
  citation label and the paragraph it cites. Where a report yields no records of a list kind,
  the paragraphs under that kind's heading stand in (`from_section_text`), so nothing the
  report prints under the heading is lost.
- `changes`: for each two consecutive reports of the area, newest pair first, the ratings whose
  value changed (subjects matched as in the Compare view, `ui.compare.align_ratings`), old and
  new each with its citation; the earlier report's areas for improvement are shown beside the
  later one's strengths and areas for improvement by the renderer. Nothing is judged: no
  "improved" unless a grade printed in both reports differs, and then only old → new.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from findings.records import citation_label, report_label
from findings.vocab import LIST_SECTIONS, VISIT_KINDS, list_kind
from ui.compare import ParagraphKey, align_ratings, paragraph_texts, record_cell, same_value
from ui.markdown import escape_markdown

# The kinds a report's box shows, in this order.
BRIEF_KINDS = ("rating", *VISIT_KINDS)
RATINGS_HEADING = "Ratings"


@dataclass
class VisitLine:
    text: str  # as printed: the item, or `2.4 Reviewing: Good`
    label: str  # CONTRACT citation label, e.g. `Marshbury SQS 2016 · Key strengths ¶1`
    paragraph: str  # the cited paragraph's full text
    quote: str = ""  # the record's words within `paragraph` ("" for a whole paragraph)
    owner: str | None = None  # a recommendation's owner, as printed
    value: str | None = None  # a rating's grade


@dataclass
class VisitSection:
    kind: str  # rating | strength | improvement | recommendation
    heading: str  # as printed in the report (`Key strengths`); `Ratings` for ratings
    lines: list[VisitLine]
    from_section_text: bool = False  # no records of this kind: the heading's paragraphs instead


@dataclass
class VisitReport:
    report_id: str
    label: str
    title: str | None
    publication_date: str | None
    sections: list[VisitSection] = field(default_factory=list)

    def section(self, kind: str) -> VisitSection | None:
        return next((s for s in self.sections if s.kind == kind), None)


@dataclass
class RatingChange:
    subject: str  # as printed (numbered where either report numbers it)
    before: VisitLine  # the earlier report's rating
    after: VisitLine  # the later report's rating


@dataclass
class VisitChange:
    earlier: VisitReport
    later: VisitReport
    rated_in_both: int  # subjects both reports rate
    ratings: list[RatingChange] = field(default_factory=list)  # those whose grade differs


@dataclass
class VisitBrief:
    reports: list[VisitReport]  # newest first
    changes: list[VisitChange]  # consecutive pairs, newest pair first


def areas(reports: list[dict]) -> list[str]:
    return sorted({r["area"] for r in reports if r.get("area")})


def before_visit(
    reports: list[dict],
    area: str,
    get_records: Callable[[list[str]], list[dict]],
    get_paragraphs: Callable[[str], list[dict]],
) -> VisitBrief:
    """The reports on `area` (case-insensitive), newest first, and what changed between them.

    `get_records(report_ids)` returns their records (`store.records`); `get_paragraphs(report_id)`
    their stored paragraphs in reading order (`store.get_paragraphs`).
    """
    mine = [r for r in reports if (r.get("area") or "").lower() == area.lower()]
    mine.sort(
        key=lambda r: (r.get("publication_date") or "", r.get("year") or 0, r["report_id"]),
        reverse=True,
    )
    ids = [m["report_id"] for m in mine]
    records = get_records(ids) if ids else []
    paragraphs = {rid: get_paragraphs(rid) for rid in ids}
    texts = paragraph_texts(ids, paragraphs.__getitem__)
    briefs: list[VisitReport] = []
    ratings: dict[str, list[dict]] = {}
    for meta in mine:
        rid = meta["report_id"]
        own = [r for r in records if r["report_id"] == rid]
        ratings[rid] = [r for r in own if r["kind"] == "rating"]
        sections = []
        for kind in BRIEF_KINDS:
            found = [r for r in own if r["kind"] == kind]
            if found:
                sections.append(_from_records(kind, found, meta, texts))
            elif kind in LIST_SECTIONS:
                fallback = _from_headings(kind, paragraphs[rid], meta)
                if fallback:
                    sections.append(fallback)
        briefs.append(
            VisitReport(
                report_id=rid,
                label=report_label(meta),
                title=meta.get("title"),
                publication_date=meta.get("publication_date"),
                sections=sections,
            )
        )
    changes = []
    for later, earlier in zip(briefs, briefs[1:], strict=False):
        changes.append(
            _change(
                earlier, later, ratings[earlier.report_id], ratings[later.report_id], mine, texts
            )
        )
    return VisitBrief(briefs, changes)


def _line(r: dict, meta: dict, texts: dict[ParagraphKey, str]) -> VisitLine:
    cell = record_cell(r, meta, texts)
    if r["kind"] == "rating":
        return VisitLine(
            f"{r.get('subject') or ''}: {cell.value}",
            cell.label,
            cell.paragraph,
            cell.quote,
            value=cell.value,
        )
    return VisitLine(cell.value, cell.label, cell.paragraph, cell.quote, cell.owner)


def _from_records(
    kind: str, found: list[dict], meta: dict, texts: dict[ParagraphKey, str]
) -> VisitSection:
    heading = RATINGS_HEADING if kind == "rating" else found[0]["section"]
    return VisitSection(kind, heading, [_line(r, meta, texts) for r in found])


def _from_headings(kind: str, paragraphs: list[dict], meta: dict) -> VisitSection | None:
    """Every paragraph under this kind's list headings (any case), as printed."""
    under = [p for p in paragraphs if list_kind(p.get("section") or "") == kind]
    if not under:
        return None
    lines = [
        VisitLine(
            p["text"],
            citation_label(meta, p["section"], p.get("paragraph"), p["ordinal"]),
            p["text"],
        )
        for p in under
    ]
    return VisitSection(kind, under[0]["section"].strip(), lines, from_section_text=True)


def _change(
    earlier: VisitReport,
    later: VisitReport,
    before: list[dict],
    after: list[dict],
    metas: list[dict],
    texts: dict[ParagraphKey, str],
) -> VisitChange:
    by_id = {m["report_id"]: m for m in metas}
    rows = [(name, a, b) for name, (a, b) in align_ratings([before, after]) if a and b]
    change = VisitChange(earlier, later, rated_in_both=len(rows))
    for name, a, b in rows:
        if not same_value(a.get("value"), b.get("value")):
            change.ratings.append(
                RatingChange(
                    name,
                    _line(a, by_id[earlier.report_id], texts),
                    _line(b, by_id[later.report_id], texts),
                )
            )
    return change


# --- what the renderer says ---------------------------------------------------------------------

KIND_NAMES = {
    "rating": "ratings",
    "strength": "strengths",
    "improvement": "areas for improvement",
    "recommendation": "recommendations",
}
FROM_SECTION_TEXT = (
    "From the section text: no items were recognised under this heading, so its paragraphs are "
    "shown as printed."
)
SIDE_BY_SIDE = (
    "Side by side as the reports print them, each line cited; read them together: this view "
    "does not judge what improved."
)


def ratings_note(change: VisitChange) -> str:
    """What to say about two consecutive reports' ratings when no grade changed (`` when
    some did)."""
    unrated = [r.label for r in (change.earlier, change.later) if r.section("rating") is None]
    if len(unrated) == 2:
        return "Neither report has ratings in its records, so no grades are compared."
    if unrated:
        return f"No grades to compare: {unrated[0]} has no ratings in its records."
    if change.ratings:
        return ""
    if change.rated_in_both == 1:
        return "The one subject rated in both reports has the same grade in both."
    return f"The {change.rated_in_both} subjects rated in both reports have the same grade in both."


def side_by_side(change: VisitChange) -> list[list[tuple[str, VisitSection | None]]]:
    """Two columns of (title, section or None): the earlier report's areas for improvement;
    the later report's strengths and areas for improvement."""

    def part(report: VisitReport, kind: str) -> tuple[str, VisitSection | None]:
        section = report.section(kind)
        if section is None:
            return f"{report.label}: no {KIND_NAMES[kind]}", None
        return f"{report.label} · {section.heading}", section

    return [
        [part(change.earlier, "improvement")],
        [part(change.later, "strength"), part(change.later, "improvement")],
    ]


def line_markdown(line: VisitLine) -> str:
    """A line as the label of what opens its paragraph: the words as printed, the owner where
    the report names one, then the citation label in grey, each escaped."""
    parts = [escape_markdown(line.text)]
    if line.owner:
        parts.append(escape_markdown(f"Owner: {line.owner}"))
    parts.append(f":gray[{escape_markdown(line.label)}]")
    return "  \n".join(parts)
