"""Plain data passed between the steps: a parsed report, its paragraphs, and how to label them.

Provenance (`report_id`, `section`, `paragraph`, `ordinal`, `page`) is stamped on every
paragraph by the parser and travels unchanged into the store and onto every citation.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path

from findings.vocab import ABSTAIN_SENTENCE, TYPE_BY_KEY, AbstainReason


def report_id_for(path: str | Path) -> str:
    """CONTRACT: the file's stem, lower-cased, each run outside [a-z0-9] replaced by `_`.

    A stem that is not plain ASCII is first transliterated (`Ñandú` -> `nandu`); characters
    with no ASCII spelling (`日本`, `中国`) would all become `_`, so such a stem also gets a short
    hash of itself, keeping ids readable and distinct (`日本 2016` -> `2016_1d3f…`, `日本` ->
    `report_3e8c…`)."""
    stem = Path(path).stem
    if stem.isascii():
        return re.sub(r"[^a-z0-9]+", "_", stem.lower())
    spelled = unicodedata.normalize("NFKD", stem)
    kept = "".join(c for c in spelled if c.isascii() or not unicodedata.combining(c))
    base = re.sub(r"[^a-z0-9]+", "_", kept.encode("ascii", "ignore").decode().lower()).strip("_")
    if kept.isascii():
        return base or "report"
    digest = hashlib.sha256(stem.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{base}_{digest}" if base else f"report_{digest}"


@dataclass
class Paragraph:
    report_id: str
    section: str
    paragraph: str | None
    ordinal: int
    page: int | None
    text: str
    # numbered | prose | bullet | table_row | field | note; lists ("what were the key
    # strengths") cite bullets only
    kind: str = "prose"
    footnotes: list[str] = field(default_factory=list)
    section_path: str = ""  # the headings above it, outermost first, joined by " > "
    columns: list[str] = field(default_factory=list)  # a table row's header cells, if printed

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class ReportMeta:
    report_id: str
    title: str | None = None
    inspectorate: str | None = None
    area: str | None = None
    inspection_type: str = "unknown"
    publication_date: str | None = None  # ISO yyyy-mm-dd
    year: int | None = None
    fieldwork_start: str | None = None  # ISO
    fieldwork_end: str | None = None  # ISO
    lead_inspector: str | None = None
    source_path: str | None = None
    source_sha256: str | None = None
    format: str | None = None
    pages: int | None = None
    paragraphs: int = 0

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class ParsedReport:
    meta: ReportMeta
    paragraphs: list[Paragraph]
    records: list[Record] = field(default_factory=list)
    # what the store records as this report's version: the file's content and the parser that
    # read it (`ingest.parse.report_version`), so a parser change re-ingests an unchanged file
    version: str = ""


# The kinds of record a report yields (issue 10), and the fixed subjects of `fact` records.
RECORD_KINDS = ("strength", "improvement", "recommendation", "rating", "fact")
FACT_SUBJECTS = (
    "lead_inspector",
    "fieldwork_dates",
    "addressee",
    "signatory",
    "service_manager",
    "cases_inspected",
    "children_supervised",
    "reoffending_rate",
    "national_reoffending_rate",
    "overall_rating",
    "overall_score",
    "publication_date",
    "letter_date",
    "staff_employed",
    "improvement_plan_due",
)
# What kind of thing each fact is: a question asking for another kind ("How many staff…?" is
# not asking who manages the service, however near its meaning) is not asking for that fact.
FACT_KINDS = {
    "lead_inspector": "person",
    "addressee": "person",
    "signatory": "person",
    "service_manager": "person",
    "fieldwork_dates": "date",
    "publication_date": "date",
    "letter_date": "date",
    "cases_inspected": "number",
    "children_supervised": "number",
    "reoffending_rate": "number",
    "national_reoffending_rate": "number",
    "overall_rating": "grade",
    "overall_score": "number",
    "staff_employed": "number",
    "improvement_plan_due": "date",
}

# Facts a report prints, when it prints them, in a form `ingest.records` always reads (a
# graded inspection's overall grade and score; a letter's or report's staff headcount): a
# report with no record of one does not give it ("What overall grade did the 2016 screening
# give us?" of a letter, which grades nothing). Each with what the answer says is missing.
# (Chosen on the tune sets: of 19 questions asking these of a report without the record,
# 18 were unanswerable; the other facts' records miss too many printed facts to say so. At
# stop 55, by the same measure on 6,055 tune questions asked surely of one fact: of those
# asked of a report without the record, 7 of 10 were unanswerable for the staff headcount and
# 8 of 11 for the children supervised, whose record the reports that print it hold in 17 of
# 20 answerable questions; reoffending rates (20 of 40) and cases inspected (2 of 5) stay out.
# Once the lead inspector's record was read from a letter's closing lines too (ingest 127), 10
# of 11 asked of a report without it were unanswerable, and the reports that name one hold
# the record in 99 of 100 answerable questions.)
RECORDED_WHEN_TOLD = {
    "overall_rating": "an overall rating",
    "overall_score": "an overall score",
    "staff_employed": "how many staff the service employed",
    "children_supervised": "how many children the service supervised",
    "lead_inspector": "who led the inspection",
    # (stop 63: of the tune questions asking when an improvement plan was due, the 3 asked of a
    # report without the record were unanswerable; the letters that set a deadline hold it)
    "improvement_plan_due": "when an improvement plan was due",
}


@dataclass
class Record:
    """One structured finding, pointing at the paragraph it came from.

    `strength`/`improvement`/`recommendation`: one per item, `text` the item as printed (`owner`
    on a recommendation where the report names one). `rating`: `subject` the standard or theme
    as printed, `value` the grade as printed. `fact`: `subject` from FACT_SUBJECTS, `value` as
    printed. `value`/`owner`/`subject` are None when not printed: never guessed. Provenance
    (`report_id`, `section`, `paragraph`, `ordinal`) is the source paragraph's; `label` is its
    citation label (filled where report metadata is known)."""

    report_id: str
    kind: str
    text: str
    section: str
    paragraph: str | None
    ordinal: int
    subject: str | None = None
    value: str | None = None
    owner: str | None = None
    label: str = ""

    def to_json(self) -> dict:
        """CONTRACT-style: stable field names, in this order."""
        return {
            "report_id": self.report_id,
            "kind": self.kind,
            "subject": self.subject,
            "value": self.value,
            "owner": self.owner,
            "text": self.text,
            "section": self.section,
            "paragraph": self.paragraph,
            "ordinal": self.ordinal,
            "label": self.label,
        }


@dataclass(frozen=True)
class Abstention:
    """Why an answer abstains: a reason from the vocabulary and a detail sentence (may be
    empty), e.g. `No stored report covers Marshbury in 2018 (stored: 2014, 2016).`"""

    reason: AbstainReason
    detail: str = ""

    @property
    def text(self) -> str:
        """What the answer says: the abstention sentence, then the detail."""
        return f"{ABSTAIN_SENTENCE} {self.detail}".strip()


def report_label(meta: ReportMeta | dict) -> str:
    """`Thurrock SQS 2015` from area, type and year; falls back to the report id."""
    m = meta if isinstance(meta, dict) else meta.to_dict()
    kind = TYPE_BY_KEY.get(m.get("inspection_type") or "")
    short = kind.short if kind else None
    parts = [p for p in (m.get("area"), short, m.get("year")) if p]
    if m.get("area") and m.get("year"):
        return " ".join(str(p) for p in parts)
    if m.get("title") and m.get("year"):
        # a thematic of several areas: its title, short ("Speaking and being heard thematic
        # 2024"), so that every citation does not carry a sentence-long name
        return " ".join(str(p) for p in (_short_title(m["title"]), short, m["year"]) if p)
    return str(m.get("title") or m["report_id"])


SHORT_TITLE_WORDS = 6


def _short_title(title: str) -> str:
    """The part of a title before its colon, or its first words, at most SHORT_TITLE_WORDS."""
    head = title.split(":")[0].strip()
    ws = head.split()
    return head if len(ws) <= SHORT_TITLE_WORDS else " ".join(ws[:SHORT_TITLE_WORDS]) + "…"


def citation_label(
    meta: ReportMeta | dict, section: str, paragraph: str | None, ordinal: int
) -> str:
    """CONTRACT: `Thurrock SQS 2015 ¶1.3`, or `Thurrock SQS 2015 · Key strengths ¶2`."""
    base = report_label(meta)
    if paragraph:
        return f"{base} ¶{paragraph}"
    return f"{base} · {section} ¶{ordinal}"


@dataclass
class Citation:
    """CONTRACT: one entry of `citations`; every field comes from stored paragraph metadata."""

    n: int
    report_id: str
    report_title: str | None
    area: str | None
    year: int | None
    section: str
    paragraph: str | None
    ordinal: int
    page: int | None
    label: str
    quote: str
    score: float
    text: str = ""  # the whole stored paragraph (for the app); not part of the JSON contract
    publication_date: str | None = None

    def to_json(self) -> dict:
        d = asdict(self)
        d.pop("text")
        d.pop("publication_date")
        return d


@dataclass
class Answer:
    """CONTRACT: what `findings ask --json` prints for one question."""

    question: str
    answer: str
    abstained: bool
    mode: str
    citations: list[Citation] = field(default_factory=list)
    retrieved: list[dict] = field(default_factory=list)
    timings_ms: dict = field(default_factory=dict)
    related: list[dict] = field(default_factory=list)
    id: str | int | None = None
    abstention: Abstention | None = None  # why, when `abstained` (not part of the JSON contract)
    # LLM mode only (`model` set): the configured model, the citations the check removed, the
    # one-line notice when the extractive answer replaced the model's, the rewritten follow-up
    model: str | None = None
    removed_citations: int = 0
    notice: str | None = None
    standalone_question: str | None = None
    # which area a question that names none was asked of or answered from (FINDINGS_AREA)
    scope_note: str | None = None

    def to_json(self) -> dict:
        out = {
            "id": self.id,
            "question": self.question,
            "answer": self.answer,
            "abstained": self.abstained,
            "mode": self.mode,
            "citations": [c.to_json() for c in self.citations],
            "retrieved": self.retrieved,
            "timings_ms": self.timings_ms,
        }
        if self.abstained:
            out["related"] = self.related
        if self.scope_note:  # after the CONTRACT keys, only when there is one
            out["scope_note"] = self.scope_note
        if self.model is not None:  # LLM mode: after the CONTRACT keys, which stay as they are
            out["model"] = self.model
            out["removed_citations"] = self.removed_citations
            out["notice"] = self.notice
            out["standalone_question"] = self.standalone_question
        return out
