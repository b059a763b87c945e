"""The Compare view: chosen reports side by side on one kind of record, every cell cited.

`compare(reports, kind, records, get_paragraphs) -> CompareTable`, plain data in and out:

- `rating`: one row per standard or theme. Subjects match across reports by `subject_key`
  (case, spacing and punctuation aside; a printed standard number such as `2.4` is part of the
  key, and a subject printed without a number joins the one numbered subject of that name, when
  there is just one). The row shows the subject as printed, numbered where a report numbers it.
- `fact`: one row per `FACT_SUBJECTS` entry that some chosen report states, in that order.
- `strength`, `improvement`, `recommendation`: row i holds each report's i-th item, in reading
  order.

Columns are the chosen reports, oldest first. A cell is the value as printed (a grade, a fact's
value, an item; a recommendation's owner where the report names one), its citation label and the
cited paragraph's full text. A report with no such record leaves its cell empty: nothing is
guessed. Where a report states one subject twice, its first (in reading order) is kept.

CSV (`CompareTable.to_csv`): the first column `subject` (the subject as printed, the fact's name
as `findings records` spells it, or the item's number), then for each report `<label>` (the
value), `<label> citation` (the cell's citation label) and, for recommendations only,
`<label> owner`. An empty cell is an empty string.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from findings.errors import FindingsError
from findings.records import FACT_SUBJECTS, citation_label, report_label
from findings.text import normalise_space
from ui.markdown import escape_markdown, highlighted

# What the Compare view offers, in the order shown, with the name it shows.
COMPARE_KINDS: dict[str, str] = {
    "rating": "Ratings",
    "fact": "Key facts",
    "strength": "Strengths",
    "improvement": "Areas for improvement",
    "recommendation": "Recommendations",
}
LIST_KINDS = ("strength", "improvement", "recommendation")

# `2.4 Reviewing`, `2.4. Reviewing`, `Standard 2.4: Reviewing`
_NUMBERED = re.compile(r"^\s*(?:standard\s+)?(?P<number>\d+(?:\.\d+)*)\.?[):]?\s+", re.I)

ParagraphKey = tuple[str, str, str | None, int]  # report_id, section, paragraph, ordinal


@dataclass(frozen=True)
class Cell:
    value: str  # as printed: the grade, the fact's value, or the item
    label: str  # CONTRACT citation label of the paragraph it comes from
    quote: str  # the record's words: a verbatim piece of `paragraph`
    paragraph: str  # the cited paragraph's full stored text
    owner: str | None = None  # a recommendation's owner, as printed

    @property
    def shown(self) -> str:
        """The value, with a recommendation's owner after it."""
        return f"{self.value} (owner: {self.owner})" if self.owner else self.value


@dataclass
class CompareRow:
    subject: str  # as printed, a fact's name (`lead_inspector`), or the item's number
    name: str  # what the table shows in its first column
    cells: list[Cell | None]  # one per column; None where the report has none


@dataclass
class CompareTable:
    kind: str
    report_ids: list[str]  # oldest first
    columns: list[str]  # the reports' labels, one per report id
    rows: list[CompareRow] = field(default_factory=list)

    @property
    def first_column(self) -> str:
        return "Item" if self.kind in LIST_KINDS else "Subject"

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        header = ["subject"]
        for column in self.columns:
            header += [column, f"{column} citation"]
            header += [f"{column} owner"] if self.kind == "recommendation" else []
        writer.writerow(header)
        for row in self.rows:
            line = [row.subject]
            for cell in row.cells:
                line += [cell.value, cell.label] if cell else ["", ""]
                if self.kind == "recommendation":
                    line.append((cell.owner or "") if cell else "")
            writer.writerow(line)
        return out.getvalue()

    def markdown_grid(self) -> dict[str, list[str]]:
        """The table for `st.table`, which renders Markdown: {header: column of cells}, every
        header and cell escaped so report text shows as printed."""
        grid = {self.first_column: [escape_markdown(r.name) for r in self.rows]}
        for i, column in enumerate(self.columns):
            grid[escape_markdown(column)] = [
                escape_markdown(normalise_space(c.shown)) if (c := r.cells[i]) else ""
                for r in self.rows
            ]
        return grid

    def cells(self) -> list[tuple[str, str, Cell]]:
        """Every filled cell as (key, one-line description, cell), row by row: the key stays
        the same cell's while the table is rebuilt (a widget can hold it)."""
        out = []
        for row in self.rows:
            name = f"Item {row.name}" if self.kind in LIST_KINDS else row.name
            for rid, column, cell in zip(self.report_ids, self.columns, row.cells, strict=True):
                if cell:
                    key = f"{self.kind}\t{rid}\t{row.subject}"
                    out.append((key, f"{name} · {column}: {_short(cell.shown)}", cell))
        return out


def compare(
    reports: list[dict],
    kind: str,
    records: list[dict],
    get_paragraphs: Callable[[str], list[dict]],
) -> CompareTable:
    """`reports`: the chosen reports' metadata (`store.list_reports()` rows); `records`: their
    records (`store.records(ids, [kind])`; other kinds and reports are ignored);
    `get_paragraphs(report_id)`: stored paragraphs (`store.get_paragraphs`)."""
    if kind not in COMPARE_KINDS:
        raise FindingsError(
            f"compare: unknown kind '{kind}'. The kinds are: {', '.join(COMPARE_KINDS)}."
        )
    chosen = sorted(reports, key=_oldest_first)
    ids = [m["report_id"] for m in chosen]
    table = CompareTable(kind, ids, _column_labels(chosen))
    by_report: dict[str, list[dict]] = {rid: [] for rid in ids}
    for r in records:
        if r["kind"] == kind and r["report_id"] in by_report:
            by_report[r["report_id"]].append(r)
    columns = [by_report[rid] for rid in ids]
    if not any(columns):
        return table
    texts = paragraph_texts(
        [rid for rid, col in zip(ids, columns, strict=True) if col], get_paragraphs
    )
    metas = dict(zip(ids, chosen, strict=True))

    def cell(r: dict | None) -> Cell | None:
        return record_cell(r, metas[r["report_id"]], texts) if r else None

    if kind == "rating":
        rows = [
            CompareRow(name, name, [cell(r) for r in found])
            for name, found in align_ratings(columns)
        ]
    elif kind == "fact":
        rows = []
        for subject in FACT_SUBJECTS:
            found = [next((r for r in col if r["subject"] == subject), None) for col in columns]
            if any(found):
                rows.append(CompareRow(subject, fact_name(subject), [cell(r) for r in found]))
    else:
        rows = [
            CompareRow(
                str(i + 1), str(i + 1), [cell(col[i]) if i < len(col) else None for col in columns]
            )
            for i in range(max(len(col) for col in columns))
        ]
    table.rows = rows
    return table


def fact_name(subject: str) -> str:
    """`reoffending_rate` -> `Reoffending rate`."""
    return subject.replace("_", " ").capitalize()


def subject_key(subject: str) -> tuple[str, str]:
    """(printed standard number or ``, the name's words in lower case): `2.4 Reviewing`,
    `2.4. reviewing` and `Standard 2.4: Reviewing` all give (`2.4`, `reviewing`)."""
    m = _NUMBERED.match(subject)
    number, name = (m["number"], subject[m.end() :]) if m else ("", subject)
    return number, " ".join(re.findall(r"\w+", name.replace("&", " and ").lower()))


def align_ratings(columns: list[list[dict]]) -> list[tuple[str, list[dict | None]]]:
    """Rating records of several reports (one list each, reading order) matched by subject:
    (the subject as printed, numbered where some report numbers it; each report's record or
    None), in order of first appearance."""
    keys = {subject_key(r["subject"] or "") for col in columns for r in col}
    numbered: dict[str, list[tuple[str, str]]] = {}
    for k in keys:
        if k[0]:
            numbered.setdefault(k[1], []).append(k)
    alias = {k: numbered[k[1]][0] for k in keys if not k[0] and len(numbered.get(k[1], [])) == 1}
    rows: dict[tuple[str, str], list[dict | None]] = {}
    names: dict[tuple[str, str], str] = {}
    for c, col in enumerate(columns):
        for r in col:
            key = subject_key(r["subject"] or "")
            row = alias.get(key, key)
            found = rows.setdefault(row, [None] * len(columns))
            if found[c] is None:
                found[c] = r
            if row not in names or (key == row and subject_key(names[row]) != row):
                names[row] = r["subject"] or ""
    return [(names[k], found) for k, found in rows.items()]


def same_value(a: str | None, b: str | None) -> bool:
    """Grades as printed, compared regardless of case, spacing and a closing full stop."""
    return (
        normalise_space(a or "").rstrip(".").lower() == normalise_space(b or "").rstrip(".").lower()
    )


def paragraph_texts(
    report_ids: list[str], get_paragraphs: Callable[[str], list[dict]]
) -> dict[ParagraphKey, str]:
    """Each stored paragraph's text of these reports, by (report_id, section, paragraph, ordinal)."""
    return {
        (rid, p["section"], p.get("paragraph"), p["ordinal"]): p["text"]
        for rid in report_ids
        for p in get_paragraphs(rid)
    }


def record_cell(r: dict, meta: dict, texts: dict[ParagraphKey, str]) -> Cell:
    """One record (`Record.to_json()`) as a cell: its value, label and cited paragraph."""
    key = (r["report_id"], r["section"], r.get("paragraph"), r["ordinal"])
    label = r.get("label") or citation_label(meta, r["section"], r.get("paragraph"), r["ordinal"])
    value = r["text"] if r["kind"] in LIST_KINDS else (r.get("value") or "")
    return Cell(value, label, r["text"], texts.get(key, r["text"]), r.get("owner"))


def cited_markdown(paragraph: str, quote: str) -> str:
    """The cited paragraph as escaped Markdown, the record's words in bold when they are only
    part of it."""
    if quote and normalise_space(quote) != normalise_space(paragraph):
        return highlighted(paragraph, quote)
    return escape_markdown(normalise_space(paragraph))


def reports_in_area(reports: list[dict], area: str | None) -> list[str]:
    """The ids of `area`'s reports (case-insensitive), oldest first."""
    mine = [r for r in reports if area and (r.get("area") or "").lower() == area.lower()]
    return [r["report_id"] for r in sorted(mine, key=_oldest_first)]


def by_area(reports: list[dict]) -> list[str]:
    """Every report id, grouped by area (A to Z; reports without one last), oldest first."""
    return [
        r["report_id"]
        for r in sorted(
            reports, key=lambda r: (not r.get("area"), r.get("area") or "", *_oldest_first(r))
        )
    ]


def _oldest_first(meta: dict) -> tuple:
    return (meta.get("publication_date") or "", meta.get("year") or 0, meta["report_id"])


def _column_labels(reports: list[dict]) -> list[str]:
    """Report labels; two reports with one label are told apart by their ids."""
    labels = [report_label(m) for m in reports]
    return [
        f"{label} ({m['report_id']})" if labels.count(label) > 1 else label
        for label, m in zip(labels, reports, strict=True)
    ]


def _short(text: str, limit: int = 80) -> str:
    text = normalise_space(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
