"""Turn a loaded document into a report of citable paragraphs.

`ReportParser.parse(doc)` groups lines into blocks, classifies each block (heading, numbered
paragraph, bullet, table row, header field, note, footnote, prose), rejoins paragraphs that a
page break or a footnote interrupted, attaches footnote bodies to the paragraph that references
them, and stamps every paragraph with its provenance (`report_id`, `section`, `paragraph`,
`ordinal`, `page`). Report metadata comes from `ingest.metadata`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from findings.records import Paragraph, ParsedReport, report_id_for
from findings.settings import Settings, get_settings
from findings.vocab import SUPERSCRIPT_DIGITS
from ingest.load import Line, LoadedDocument, load_document
from ingest.metadata import extract_metadata

# Bump when parsing changes what is stored: every report is then re-ingested on the next run,
# though its file is unchanged.
PARSER_VERSION = "4"


def report_version(file_sha256: str) -> str:
    """The stored version of a report: its file's content and the parser that read it."""
    return hashlib.sha256(f"{file_sha256}:{PARSER_VERSION}".encode()).hexdigest()


BULLET = re.compile(r"^[-•*▪●◦–]\s+(?=\S)")
# `1.1.`, `2.1.1`, `1.1)`, `(3)`, `3.` or `3)` in front of a paragraph, optionally after a bullet
NUMBER = re.compile(
    r"^(?:[-•*▪●–]\s*)?(?:\((\d+(?:\.\d+)*|[a-z])\)|(\d+(?:\.\d+)+)[.)]?|(\d+)[.)])\s+(?=\S)"
)
NUMBERED_HEADING = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+(.+)$")
FOOTNOTE = re.compile(rf"^([{SUPERSCRIPT_DIGITS}]+)\s*(.+)$")
FIELD = re.compile(r"^([A-Z][A-Za-z ()/'&-]{1,40}):[ \t]*(.*)$")
NOTE = re.compile(r"^Note\s+(\d+)\s*[:.]\s*(.+)$", re.I)
TERMINAL = re.compile(r"[.!?:;)\"'”’]$")


@dataclass
class _Block:
    text: str
    page: int | None
    role: str | None = None
    level: int | None = None
    lines: int = 1


@dataclass
class _Para:
    section: str
    section_path: str
    kind: str
    number: str | None
    text: str
    page: int | None
    footnotes: list[str] = field(default_factory=list)
    end_page: int | None = None
    run: int = 0  # which heading instance it sits under: ordinals count within one run


class ReportParser:
    """One public method: `parse(doc) -> ParsedReport`."""

    def parse(self, doc: LoadedDocument) -> ParsedReport:
        report_id = report_id_for(doc.path)
        blocks = _blocks(doc.lines)
        # Markdown, HTML and Word mark their headings; only plain text and PDF need guessing.
        paras, title, footnotes = _structure(blocks, infer_headings=doc.format in ("txt", "pdf"))
        _attach_footnotes(paras, footnotes)
        paragraphs = _number(report_id, paras)
        meta = extract_metadata(report_id, title, paragraphs)
        meta.source_path = str(doc.path)
        meta.source_sha256 = doc.sha256
        meta.format = doc.format
        meta.pages = doc.pages
        meta.paragraphs = len(paragraphs)
        return ParsedReport(meta=meta, paragraphs=paragraphs, version=report_version(doc.sha256))


def parse_file(path: str | Path, settings: Settings | None = None) -> ParsedReport:
    settings = settings or get_settings()
    return ReportParser().parse(load_document(Path(path), settings))


# --- blocks ---------------------------------------------------------------------------------


def _starts_item(text: str) -> bool:
    s = text.strip()
    if BULLET.match(s) or NUMBER.match(s) or NOTE.match(s) or FOOTNOTE.match(s) or "\t" in text:
        return True
    m = FIELD.match(s)  # `Publication date: 20 May 2015` lines in a front block
    return bool(m and m.group(2).strip() and len(m.group(1).split()) <= 4)


def _blocks(lines: list[Line]) -> list[_Block]:
    """Group inferred (plain-text) lines into blocks; structured lines stay one block each."""
    out: list[_Block] = []
    open_block: _Block | None = None
    for ln in lines:
        if ln.role == "blank" or not ln.text.strip():
            open_block = None
            continue
        if ln.role is not None:
            out.append(_Block(ln.text.strip(), ln.page, ln.role, ln.level))
            open_block = None
            continue
        text = ln.text.rstrip()
        if (
            open_block is not None
            and "\t" not in open_block.text
            and (not _starts_item(text) or _wrapped_dash(open_block.text, text))
        ):
            open_block.text = _join(open_block.text, text.strip())
            open_block.lines += 1
            continue
        open_block = _Block(text.strip() if "\t" not in text else text.strip(" "), ln.page)
        out.append(open_block)
    return out


def _wrapped_dash(left: str, line: str) -> bool:
    """`website - <http://…>` wrapped so the new line starts with `- `: not a bullet."""
    m = BULLET.match(line.strip())
    rest = line.strip()[m.end() :] if m else ""
    return bool(m) and not TERMINAL.search(left) and not (rest[:1].isupper() or rest[:1].isdigit())


def _join(left: str, right: str) -> str:
    """Join two pieces of one paragraph, undoing line-end hyphenation (`accommo-`/`dation`)."""
    if re.search(r"[a-z]-$", left) and right[:1].islower():
        return left[:-1] + right
    return f"{left} {right}"


# --- classification -------------------------------------------------------------------------


def _looks_like_heading(b: _Block, infer: bool) -> bool:
    if b.role == "heading":
        return True
    if not infer or b.role not in (None, "p") or b.lines > 1 or "\t" in b.text:
        return False
    s = b.text.strip()
    if BULLET.match(s) or len(s) > 100 or len(s.split()) > 14:
        return False
    if re.search(r"[.;,!?]$", s) or not (s[:1].isupper() or s[:1].isdigit()):
        return False
    m_field = FIELD.match(s)
    if m_field and m_field.group(2):
        return False
    m = NUMBERED_HEADING.match(s)
    if m and not m.group(2)[:1].isupper():
        return False
    return True


def _heading_name(text: str) -> tuple[str, str | None]:
    s = text.strip().rstrip(":").strip()
    m = NUMBERED_HEADING.match(s)
    if m and m.group(2)[:1].isupper():
        return m.group(2).strip(), m.group(1)
    return s, None


def _structure(
    blocks: list[_Block], infer_headings: bool = True
) -> tuple[list[_Para], str | None, list[tuple[str, str, int]]]:
    paras: list[_Para] = []
    footnotes: list[tuple[str, str, int]] = []  # (marker, body, index of interrupted paragraph)
    title: str | None = None
    section, path = "Header", ["Header"]
    levels: list[tuple[int, str]] = []  # heading stack for formats with levels
    seen_heading = False
    table_header: list[str] | None = None
    table_group: str | None = None
    run = 0

    for b in blocks:
        s = b.text.strip()
        m_foot = FOOTNOTE.match(s)
        if b.role == "footnote" or (m_foot and b.role in (None, "p")):
            m_any = m_foot or re.match(r"^(\S+)\s*(.+)$", s)
            if m_any is not None:  # a one-word footnote block has no body to attach
                footnotes.append((m_any.group(1), m_any.group(2).strip(), len(paras) - 1))
            continue
        if b.role == "th":
            table_header = s.split("\t")
            continue
        # header fields (`To:`, `Publication date:`) before the first heading
        m_field = FIELD.match(s)
        in_front = not seen_heading or (section == title and levels == [])
        if (
            in_front
            and m_field
            and m_field.group(2).strip()
            and b.role in (None, "p")
            and len(s) < 120
        ):
            text = f"{m_field.group(1)}: {m_field.group(2).strip()}"
            paras.append(_Para(section, " > ".join(path), "field", None, text, b.page, run=run))
            continue
        m_note = NOTE.match(s)
        if m_note and b.role in (None, "p"):
            if section != "Notes":
                run += 1
            section, path = "Notes", ["Notes"]
            paras.append(_Para(section, "Notes", "note", None, s, b.page, run=run))
            continue
        if _looks_like_heading(b, infer_headings) and not _continues(paras, b):
            name, _num = _heading_name(s)
            if not name:
                continue
            level = b.level or (len(_num.split(".")) + 1 if _num else 1)
            if title is None and (
                b.level == 1
                or re.match(
                    r"^(Report|Inspection|An inspection|Full joint|Short quality)", name, re.I
                )
            ):
                title = name
            seen_heading = True
            table_header = None
            run += 1
            if name == title:  # the title heads the report, not a level of every section path
                levels, path, section = [], [name], name
                continue
            if b.level is not None or _num:
                levels = [(lv, nm) for lv, nm in levels if lv < level]
                levels.append((level, name))
                path = [nm for _, nm in levels]
            else:
                levels = [(level, name)]
                path = [name]
            section = name
            continue
        if _continues(paras, b):
            prev = paras[-1]
            prev.text = _join(prev.text, s)
            prev.end_page = b.page
            continue
        kind, number, text = _classify(b, s, table_header)
        if kind == "table_row" and not seen_heading:
            kind = "field"
        context = " > ".join(path)
        if kind == "table_row":
            if " | " not in text:  # a one-cell row ("2. Court disposals") heads the rows below it
                table_group = _heading_name(text)[0]
            elif table_group:
                context = f"{context} > {table_group}"
        else:
            table_group = None
        paras.append(_Para(section, context, kind, number, text, b.page, run=run))
    return paras, title, footnotes


def _classify(b: _Block, s: str, table_header: list[str] | None) -> tuple[str, str | None, str]:
    if b.role == "tr" or ("\t" in s and b.role is None):
        # a ratings row such as "1.1 Governance and leadership | Good" keeps its number in its text
        cells = [c.strip() for c in s.split("\t") if c.strip()]
        return "table_row", None, " | ".join(cells)
    m = NUMBER.match(s)
    if m and (m.group(1) or m.group(2) or _sentence_like(s[m.end() :])):
        number = m.group(1) or m.group(2) or m.group(3)
        return "numbered", number, s[m.end() :].strip()
    mb = BULLET.match(s)
    if mb or b.role == "li":
        return "bullet", None, s[mb.end() :].strip() if mb else s
    return "prose", None, s


def _sentence_like(text: str) -> bool:
    return len(text.split()) >= 6 or bool(re.search(r"[.!?]$", text.strip()))


def _continues(paras: list[_Para], b: _Block) -> bool:
    """A block that starts in lower case after a paragraph left mid-sentence continues it
    (the paragraph was split by a page break, a running header or a footnote)."""
    if not paras or b.role in ("heading", "tr", "th", "li"):
        return False
    prev = paras[-1]
    s = b.text.strip()
    last_page = prev.end_page or prev.page
    new_page = b.page is not None and last_page is not None and b.page > last_page
    return (
        prev.kind in ("prose", "numbered", "bullet")
        and not TERMINAL.search(prev.text)
        and (s[:1].islower() or new_page)
        and not _starts_item(s)
    )


def _attach_footnotes(paras: list[_Para], footnotes: list[tuple[str, str, int]]) -> None:
    """A footnote body belongs to the paragraph that carries its marker, never inside another."""
    for marker, body, interrupted in footnotes:
        owner = next((p for p in paras if marker in p.text), None)
        if owner is None and 0 <= interrupted < len(paras):
            owner = paras[interrupted]
        if owner is not None:
            owner.footnotes.append(f"{marker} {body}")


def _number(report_id: str, paras: list[_Para]) -> list[Paragraph]:
    out: list[Paragraph] = []
    counts: dict[tuple, int] = {}
    current: tuple | None = None
    for p in paras:
        # ordinals count within each run of a section (two "Assessment" subsections are two runs)
        run_key = (p.run, p.section)
        if run_key != current:
            counts[(run_key, "")] = 0
            current = run_key
        counts[(run_key, "")] += 1
        number = p.number.strip("().") if p.number else None
        out.append(
            Paragraph(
                report_id=report_id,
                section=p.section,
                paragraph=number,
                ordinal=counts[(run_key, "")],
                page=p.page,
                text=" ".join(p.text.split()),
                kind=p.kind,
                footnotes=p.footnotes,
                section_path=p.section_path,
            )
        )
    return out
