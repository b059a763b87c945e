"""Read a report file of any supported format into a flat list of `Line`s with page numbers.

Each format keeps what it knows about structure as a `role` hint (a heading and its level, a
list item, a table row); plain text leaves `role` empty and the parser infers it. Every failure
is an `IngestError` naming the file and saying what to do — an unexpected exception inside a
reader included, so one bad file never stops a run.

Every reader takes time linear in the size of the file: no regular expression here can rescan
the rest of a line from each position (a Markdown heading of 3,000 spaces once took a minute),
and HTML is read with lxml, whose parser stays linear on malformed markup where Python's
`html.parser` does not (`<a<a<a…`, `<!--<!--…`).

PDFs are read with pymupdf: about 3x faster than pypdf here, it keeps one text block per
paragraph in reading order (pypdf emits footers and footnotes first, in content-stream order),
reports font sizes (headings, footnotes) and dehyphenates line ends. Extraction runs in a child
process with a time limit, because a malformed PDF can make any parser spin.
"""

from __future__ import annotations

import codecs
import io
import itertools
import json
import re
import shlex
import signal
import subprocess
import sys
import unicodedata
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bm25s.stopwords import STOPWORDS_EN_PLUS

from findings.errors import (
    FileTooLarge,
    IngestError,
    NoTextFound,
    UnreadableFile,
    UnsupportedFormat,
    escape_controls,
)
from findings.hashing import bytes_sha256
from findings.lexicon import GRADES
from findings.settings import Settings
from findings.vocab import SUPERSCRIPT_DIGITS, TO_SUPERSCRIPT, list_kind
from ingest.records import RATING_LINE

# A .docx may unzip to at most this many times FINDINGS_MAX_FILE_MB: text compresses about
# 10x, media not at all, so only a zip bomb or a document padded with huge members goes over.
DOCX_MAX_EXPANSION = 4


@dataclass
class Line:
    text: str
    page: int | None = None
    # None (infer) | heading | li | tr | th | p | footnote | meta | blank | column (a blank
    # where the text goes on at the top of the next column of a page set in columns)
    role: str | None = None
    level: int | None = None  # heading level where known
    # a PDF's heading set in larger type than the body's (not a bold line in the body's type)
    larger: bool = False
    # a heading over a table, just after another table's last row ("Key facts" after the
    # ratings): the next table's title, never a group of the rows above it
    titles_table: bool = False


@dataclass
class LoadedDocument:
    path: Path
    format: str
    sha256: str
    lines: list[Line]
    pages: int | None = None
    metadata: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Reader:
    """How one format is read: `read(path, data, settings) -> (lines, pages)`."""

    format: str  # stored as ReportMeta.format
    extensions: tuple[str, ...]  # lower-case, with the dot
    read: Callable[[Path, bytes, Settings], tuple[list[Line], int | None]]


def _paged_text(split: Callable[[str], list[Line]]):
    """A text format: decode, split into lines; pages only where form feeds print them."""

    def read(path: Path, data: bytes, settings: Settings) -> tuple[list[Line], int | None]:
        text = _decode(path, data)
        lines = split(text)
        paged = "\f" in text or any(ln.role == "page" for ln in lines)
        pages = max((ln.page or 1 for ln in lines), default=1) if paged else None
        lines = [ln if ln.role != "page" else Line("", ln.page, "blank") for ln in lines]
        if pages is None:
            for ln in lines:
                ln.page = None
        return lines, pages

    return read


def _read_pdf(path: Path, data: bytes, settings: Settings) -> tuple[list[Line], int | None]:
    return _pdf_lines(path, data, settings.pdf_timeout_s)


def _read_docx(path: Path, data: bytes, settings: Settings) -> tuple[list[Line], int | None]:
    return _docx_lines(path, data, settings), None


def _readers() -> tuple[Reader, ...]:
    return (
        Reader("pdf", (".pdf",), _read_pdf),
        Reader("txt", (".txt",), _paged_text(_plain_text_lines)),
        Reader("md", (".md", ".markdown"), _paged_text(_markdown_lines)),
        Reader("html", (".html", ".htm"), _paged_text(_html_lines)),
        Reader("docx", (".docx",), _read_docx),
    )


def reader_for(path: Path) -> Reader | None:
    ext = Path(path).suffix.lower()
    return next((r for r in READERS if ext in r.extensions), None)


def load_document(path: Path, settings: Settings) -> LoadedDocument:
    path = Path(path)
    reader = reader_for(path)
    if reader is None:
        raise UnsupportedFormat(
            path,
            f"unsupported file type '{escape_controls(path.suffix.lower()) or '(none)'}'. "
            "Supported: " + ", ".join(sorted(SUPPORTED)) + ". Convert the report to one of these.",
        )
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnreadableFile(
            path, f"cannot be read ({exc.strerror}). Check the path and its permissions."
        ) from exc
    if size > settings.max_file_bytes:
        raise FileTooLarge(
            path,
            f"{size / 1048576:.1f} MB is over the {settings.max_file_mb:g} MB limit. Split the "
            "report, or raise FINDINGS_MAX_FILE_MB if it really is one report.",
        )
    if size == 0:
        raise NoTextFound(path, "the file is empty. Export the report again.")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(
            path, f"cannot be read ({exc.strerror}). Check the path and its permissions."
        ) from exc
    try:
        lines, pages = reader.read(path, data, settings)
    except IngestError:
        raise
    except Exception as exc:  # a reader's own bug or a library's surprise: this file fails alone
        raise unexpected_error(path, f"reading it as {reader.format.upper()}", exc) from exc
    if not any(ln.text.strip() for ln in lines):
        raise NoTextFound(path, "no text found in the file. Export the report again with its text.")
    for ln in lines:
        ln.text = _soft_hyphens_kept_at_end(ln.text.translate(LIGATURES))
    return LoadedDocument(
        path=path, format=reader.format, sha256=bytes_sha256(data), lines=lines, pages=pages
    )


# A ligature glyph a PDF's text keeps, or a text pasted from a PDF viewer carries ("ﬁeldwork",
# "ofﬁcer"): the letters it is drawn for, as a reader reads them (search for "fieldwork" found
# no "ﬁeldwork", and the embedding model reads the glyph as an unknown token)
LIGATURES = {c: unicodedata.normalize("NFKC", chr(c)) for c in range(0xFB00, 0xFB07)}


SOFT_HYPHEN = "\u00ad"


def _soft_hyphens_kept_at_end(text: str) -> str:
    """A line without the soft hyphens inside it (a break a word processor may make there,
    shown as nothing); one that ends the line is kept, where the word was broken, for the
    parser to join the word's halves ("in\u00ad" / "spected": "inspected")."""
    if SOFT_HYPHEN not in text:
        return text
    body = text.rstrip()
    end = SOFT_HYPHEN if body.endswith(SOFT_HYPHEN) else ""
    return body.replace(SOFT_HYPHEN, "") + end if end else text.replace(SOFT_HYPHEN, "")


def unexpected_error(path: Path, doing: str, exc: BaseException) -> UnreadableFile:
    """The error for an exception no reader or parser step expected, e.g. `MemoryError`."""
    if isinstance(exc, MemoryError):
        why = "ran out of memory"
    elif isinstance(exc, RecursionError):
        why = "its structure is nested too deeply"
    else:
        why = f"{type(exc).__name__}: {_detail(exc)}"
    return UnreadableFile(
        path,
        f"{doing} failed ({why}). The file may be damaged or malformed: export the report again.",
    )


def _detail(exc: BaseException, limit: int = 200) -> str:
    """An exception's message on one line, shortened."""
    text = escape_controls(" ".join(str(exc).split())) or "no details"
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- text formats -------------------------------------------------------------------------

# byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


def _decode(path: Path, data: bytes) -> str:
    """Text as UTF-8, or as the encoding its byte-order mark names (UTF-16 or UTF-32: Windows
    "Unicode" text, whose zero bytes would otherwise read as a binary file)."""
    encoding, label = next(
        ((e, name) for bom, e, name in _BOMS if data.startswith(bom)), (None, "")
    )
    if encoding in ("utf-16", "utf-32"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise UnreadableFile(
                path,
                f"is not valid {label} (byte {exc.start}), though it starts with a {label} "
                "byte-order mark: the file is damaged. Re-save it as UTF-8.",
            ) from exc
        if "\x00" in text or _binary_ratio(text[:8192].encode("utf-8", "replace")) > 0.10:
            raise _binary(path)
        return text
    if data.count(b"\x00") > 0 or _binary_ratio(data[:8192]) > 0.10:
        raise _binary(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        declared = _declared_charset(path, data)
        if declared is not None:
            # a web page saved in the charset it declares (Outlook's and Word's "Save as Web
            # Page": `<meta … charset=windows-1252>`) is read in it, as a browser reads it
            try:
                return data.decode(declared)
            except UnicodeDecodeError as bad:
                raise UnreadableFile(
                    path,
                    f"is not valid {declared}, the character set it declares (byte "
                    f"{bad.start}). Re-save it as UTF-8.",
                ) from bad
        # quoted for a shell; a name with control characters is left for the user to type
        name = shlex.quote(path.name) if path.name.isprintable() else "FILE"
        raise UnreadableFile(
            path,
            f"is not valid UTF-8 (byte {exc.start}). Re-save it as UTF-8, e.g. "
            f"`iconv -f cp1252 -t utf-8 {name} > fixed.txt`.",
        ) from exc
    return text


def _declared_charset(path: Path, data: bytes) -> str | None:
    """The character set a web page declares in its <meta> tag, when Python knows it."""
    if path.suffix.lower() not in (".htm", ".html"):
        return None
    from bs4.dammit import EncodingDetector

    declared = EncodingDetector.find_declared_encoding(data, is_html=True)
    try:
        return codecs.lookup(declared).name if declared else None
    except LookupError:
        return None


def _binary(path: Path) -> UnreadableFile:
    return UnreadableFile(
        path,
        "looks like a binary file, not text. Check it is the report itself; for a PDF or Word "
        "file, give it the .pdf or .docx extension.",
    )


def _binary_ratio(sample: bytes) -> float:
    if not sample:
        return 0.0
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control / len(sample)


_TAG = re.compile(r"</?(?:i|b|em|strong|u|span|font|sup|sub)\b[^>]*>", re.I)


def _clean_inline(text: str) -> str:
    """Strip inline markup that PDF-to-text conversions leave (`<i>To:</i>`)."""
    # A tag ends at a `>`: past the last one nothing can match, and searching there from every
    # `<b` made a line of `<b<b<b…` quadratic.
    end = text.rfind(">") + 1
    if end:
        text = _TAG.sub("", text[:end]) + text[end:]
    return text.replace("\u00a0", " ")


def _text_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    page = 1
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        parts = raw.split("\f")
        for i, part in enumerate(parts):
            if i:
                page += 1
            clean = _clean_inline(part).rstrip()
            lines.append(Line(clean, page, "blank" if not clean.strip() else None))
    return lines


# A page footer a PDF-to-text conversion leaves on a line of its own: "Page 2", "Page 2 of 6",
# "- 2 -", "2". Capped lengths: no pattern here can backtrack over a long line.
PAGE_FOOTER = re.compile(
    r"^(?:page\s{1,3})?[-–]?\s{0,3}\d{1,4}\s{0,3}(?:of\s{1,3}\d{1,4})?\s{0,3}[-–]?$", re.I
)
# Columns laid out with spaces ("1.1 Governance and leadership       Good"): cells are split
# where three or more spaces stand between text (prose has at most two, after a full stop).
COLUMN_GAP = re.compile(r"(?<=\S) {3,}(?=\S)")
MIN_LABEL_LETTERS = 2  # a row's first cell has words; "•", "12.", "(a)", "3.2.1" mark an item
# A header field padded to a value column ("To:        Ismay Quintrell, Chair, …"): a field, not
# a table row; a line indented to the same column below it continues its value.
PADDED_FIELD = re.compile(r"^([A-Z][^:\t]{0,40}:)( {3,})(\S.*)$")
# A line drawn with characters ("____________", "-----", "======"): layout, not text.
RULE_LINE = re.compile(r"^[_=~*·.\-–—]{4,}$")
RUNNING_LINE_CHARS = 120  # a running header or footer is one short line
# A running header or footer with the page number on the same line, set apart by two or more
# spaces or a bar: "Full Joint Inspection of Youth Offending Work in Brindlecombe  7",
# "7 | Inspection of youth offending services in Saltby".
TITLED_PAGE = re.compile(
    r"^(?:(?P<n1>\d{1,4})(?: {2,}| ?\| ?)(?P<t1>\D.{2,117})|(?P<t2>.{2,117}\D)(?: {2,}| ?\| ?)(?P<n2>\d{1,4}))$"
)
MIN_PAGE_LINES = 10  # bare page numbers stand at least this many lines apart
RUNNING_TITLE_WORDS = 3  # a running title beside its page number ("HM Inspectorate of Probation")
MAX_PAGE_STEP = 3  # a running title's page numbers go up a page or so at a time
MIN_PAGE_RUN = 4  # bare numbers among others that count up page by page: at least 4 pages


# an email reply's quote marks at the start of a line ("> ", ">> " for a quote in a quote)
QUOTE_MARKS = re.compile(r"^[ \t]*>(?:[ \t]?>)*[ \t]?")
QUOTED_RUN = 5  # consecutive quoted lines that make a quoted message, not a stray ">"


def _unquoted(text: str) -> str:
    """A report quoted in an email reply ("> " before every line, ">" alone on a blank one) as
    the message it quotes: the marks taken off every quoted line, where a run of lines is
    quoted (the letter's headings, paragraphs and lists were read as one paragraph a line)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    quoted = [bool(QUOTE_MARKS.match(ln)) for ln in lines]
    run = longest = 0
    for q in quoted:
        run = run + 1 if q else 0
        longest = max(longest, run)
    if longest < QUOTED_RUN:
        return text
    return "\n".join(
        QUOTE_MARKS.sub("", ln) if q else ln for ln, q in zip(lines, quoted, strict=True)
    )


def _plain_text_lines(text: str) -> list[Line]:
    """Plain text as Lines, with what a PDF-to-text conversion leaves on the page taken off:
    a page footer line ("Page 2 of 6") becomes a page break (role `page`), and so does the
    running header or footer printed beside it on several pages (the report's title over every
    page, which would otherwise be glued into the paragraph it interrupts); columns laid out
    with spaces become tab-separated cells (a table row). A report quoted in an email reply is
    read without its quote marks."""
    paged = "\f" in text
    lines = _text_lines(_unquoted(text))
    # (pages told by form feeds and no footer: the page header's text, written again after
    # each page break, is what marks them)
    edged = paged and not _page_footers(lines)
    lines = _footers_as_pages(lines, paged)
    lines = _columns_in_turn(_running_edges_dropped(lines) if edged else lines)
    _bar_rows(lines)
    column = 0  # the value column of the padded field just read
    cells: list[int] = []  # where the cells of the row laid out with spaces just read start
    kept: list[Line] = []
    for n, ln in enumerate(lines):
        k = _wrapped_cell(ln.text, cells, kept[-1].text) if cells and ln.role is None else None
        if k is not None:
            # a cell's text wrapped onto the next line at the cell's own place ("Simon
            # Teversham, Director of" over "Children's Services", in the value column)
            parts = kept[-1].text.split("\t")
            parts[k] = f"{parts[k]} {ln.text.strip()}"
            kept[-1].text = "\t".join(parts)
            continue
        cells = []
        field = PADDED_FIELD.match(ln.text) if ln.role is None else None
        if field and len(field.group(1).split()) <= FIELD_LABEL_WORDS:
            column = len(field.group(1)) + len(field.group(2))
            ln.text = f"{field.group(1)} {field.group(3).strip()}"
        elif column and ln.role is None and _indented_to(ln.text, column):
            kept[-1].text += " " + ln.text.strip()  # "Children's Services)" below "(Director of"
            continue
        elif (collapsed := _collapsed_row(ln, kept, lines[n + 1 : n + 1 + ROW_LOOK])) is not None:
            # a row whose label filled its column, one space before its value ("Children with
            # a court disposal, 2021/22 118"), among rows laid out with spaces
            column = 0
            lead = _indent(ln.text)
            ln.text = "\t".join(collapsed)
            cells = [lead, lead + len(collapsed[0]) + 1]
        else:
            column = 0
            if ln.role is None and RULE_LINE.match(ln.text.strip()):
                ln.text, ln.role = "", "blank"  # the rule over a page's footnotes
            elif ln.role is None and "   " in ln.text.strip():
                lead, text = _indent(ln.text), ln.text.strip()
                starts = [lead] + [lead + m.end() for m in COLUMN_GAP.finditer(text)]
                ln.text = COLUMN_GAP.sub("\t", text)
                # (a row, not a list item or a numbered paragraph whose marker is set apart:
                # "•   The board …", "3.2.1   Planning for desistance …")
                first = ln.text.split("\t")[0]
                cells = starts if sum(c.isalpha() for c in first) >= MIN_LABEL_LETTERS else []
        kept.append(ln)
    return _cells_a_line_each(kept)


_TWO_SPACES = re.compile(r"(?<=\S) {2}(?=\S)")
_YEAR_FIRST = re.compile(r"^(?:19|20)\d\d\b")
FILLED_LABEL_WORDS = 3  # a label that fills its column has a few words
ROW_LOOK = 3  # lines looked at after a line (blank ones among them) for a row beside it
# a key fact's value at a line's end: "118", "30.6%", "£2,364,000", "41 (35.6)"
_VALUE_AT_END = re.compile(r"^(\S.*?[^\s.,:;])\s(£?\d[\d,]*(?:\.\d+)?%?(?:\s\(\d[\d.,]*\))?)$")


def _collapsed_row(ln: Line, kept: list[Line], after: list[Line]) -> list[str] | None:
    """(label, value) of a line that is a row of two cells set closer than a table's columns,
    the label having filled its column: two spaces between them, or one before a figure at the
    line's end; a short line, with a row of two cells laid out with spaces just before or after
    it (blank lines between). None for any other line."""
    text = ln.text.strip()
    if ln.role is not None or "   " in text or len(text.split()) > CELL_WORDS:
        return None
    gaps = _TWO_SPACES.split(text)
    m = _VALUE_AT_END.match(text)
    if len(gaps) == 2 and len(gaps[0].split()) >= FILLED_LABEL_WORDS:
        # the cells two spaces apart, the label filling its column ("Education inspector
        # (Ofsted)  Ravinder …"; not a justified heading's "Key  facts")
        cells = gaps
    elif m is not None:
        cells = [m.group(1), m.group(2)]
    else:
        return None
    label, value = cells
    if (
        sum(c.isalpha() for c in label) < MIN_LABEL_LETTERS
        or not label[:1].isupper()
        # (a line of prose: a sentence ends in it: "… in early 2023.")
        or ". " in text
        or text[-1] in ".:;,"
        or len(value.split()) > FACT_VALUE_WORDS + 2
        or _YEAR_FIRST.match(value)  # (nor a date: "24 June 2016")
    ):
        return None
    before = next((x for x in reversed(kept) if x.role != "blank"), None)
    nxt = next((x for x in after if x.role != "blank"), None)
    beside = (before is not None and _labelled_row(before.text.split("\t"))) or (
        nxt is not None and nxt.role is None and _labelled_row(COLUMN_GAP.split(nxt.text.strip()))
    )
    return cells if beside else None


def _labelled_row(cells: list[str]) -> bool:
    """A row of two cells whose first has words ("Head of service | Abigail Fennimore"), not a
    numbered paragraph's number set apart ("6.1 | Our Short Quality Screening in")."""
    return len(cells) == 2 and sum(c.isalpha() for c in cells[0]) >= MIN_LABEL_LETTERS


def _wrapped_cell(text: str, cells: list[int], row: str) -> int | None:
    """Which cell of the row above `text` (a row laid out with spaces, its cells starting at
    `cells`) the line carries on, when it is one cell's text wrapped onto a line of its own: a
    single cell, at a later cell's place (a value's last words), or at the first cell's where
    its text broke off mid-phrase ("…, England and" over "Wales (2021)") or goes on in brackets
    or lower case. None otherwise: any other line at the first cell's place is the next row's,
    with no value of its own."""
    if not text.strip() or "   " in text.strip() or _indent(text) not in cells:
        return None
    k = cells.index(_indent(text))
    if k:
        return k
    last = row.split("\t")[0].split()[-1:]
    first = text.strip()[:1]
    goes_on = bool(last) and (
        last[0].endswith(",")
        or last[0].lower() in STOPWORDS_EN_PLUS
        or first == "("
        or first.islower()
    )
    return 0 if goes_on else None


COLUMN_MIN_LINES = 6  # lines printing both columns, on a page set in two
COLUMN_FILL = 0.6  # a column's lines run most of its width; a table's first cells do not
COLUMN_MIN_WIDTH = 25  # the narrowest column a page sets prose in
# lines that may run across the gutter of a page in two columns (its running header and page
# number, a footnote, a title over both): a few, or a tenth of the page's lines
COLUMN_ACROSS = 3
COLUMN_ACROSS_SHARE = 0.1
COLUMN_MIN_GAP = 3  # spaces: the least that sets two columns apart
COLUMN_MAX_WIDTH = 250  # characters: a line longer than any page is wide is no page's line


def _columns_in_turn(lines: list[Line]) -> list[Line]:
    """A page set in two columns, as a PDF-to-text conversion keeping the layout prints it (the
    columns side by side on each line, "pdftotext -layout"): its left column, then its right,
    each line's part at the column's place. A line whose text runs across the gutter (a title
    over both columns) is read where it stands, the columns above it before it. A page of a
    table laid out with spaces (short first cells) stays as it is."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j].page == lines[i].page:
            j += 1
        page = lines[i:j]
        gutter = _gutter([ln.text if ln.role is None else "" for ln in page])
        out += _read_in_turn(page, gutter) if gutter else page
        i = j
    return out


def _gutter(texts: list[str]) -> int | None:
    """Where a page's right column starts: the end of the first run of positions at which no
    line has text (every line has a space there, or ends before it) but the few that run across
    both columns (`COLUMN_ACROSS`: the running header, a footnote, a title), with text on both
    sides on at least `COLUMN_MIN_LINES` lines, whose parts fill their columns (`COLUMN_FILL`).
    None for a page in one column."""
    width = max((len(t) for t in texts), default=0)
    if width > COLUMN_MAX_WIDTH:
        return None  # a text written a paragraph to a line: no page is that wide
    # how many lines print text at a position (one pass): lines with a gap in them (text in
    # both columns, a number and its text) must all leave the gutter free; lines without one
    # may run across it, if they are few
    gapped = [0] * (width + 1)
    taken = [0] * (width + 1)
    for t in texts:
        counts = gapped if COLUMN_GAP.search(t) else taken
        for k, c in enumerate(t):
            if c != " ":
                counts[k] += 1
    across = max(COLUMN_ACROSS, COLUMN_ACROSS_SHARE * sum(1 for t in texts if t.strip()))

    def free(k: int) -> bool:
        return gapped[k] == 0 and taken[k] <= across

    best = None
    for g in range(COLUMN_MIN_WIDTH, width - COLUMN_MIN_WIDTH):
        if free(g) or not all(free(k) for k in range(g - COLUMN_MIN_GAP, g)):
            continue  # the right column starts where a free run ends (the first one that has
            # text on both sides: not the gap after its paragraph numbers, "2.2   Four new …"),
            # a gap as wide as columns are set apart, not words' spaces that line up
        if sum(_both_sides(t, g) for t in texts) >= COLUMN_MIN_LINES:
            best = g
            break
    if best is None:
        return None
    sides = [(len(t[:best].rstrip()), len(t[best:].strip())) for t in texts if _both_sides(t, best)]
    lefts = sorted(left for left, _ in sides)
    rights = sorted(right for _, right in sides)
    # (both columns set prose: a table's first cells, or its last ("Requires improvement",
    # "Good"), do not fill theirs)
    fills = lefts[len(lefts) // 2] >= COLUMN_FILL * best and rights[
        len(rights) // 2
    ] >= COLUMN_FILL * (width - best)
    return best if fills else None


def _both_sides(text: str, gutter: int) -> bool:
    """Does the line print text in both columns, the gap between them free?"""
    return bool(
        text[:gutter].strip()
        and text[gutter:].strip()
        and not text[gutter - COLUMN_MIN_GAP : gutter].strip()
    )


def _read_in_turn(page: list[Line], gutter: int) -> list[Line]:
    """The page's lines, the columns of each stretch between full-width lines read in turn. The
    columns' lines do not line up, so a line blank in one column only (a gap beside a line of
    the other) ends that column's paragraph where its last line ended a sentence or stopped
    short of the column's width (a heading, a paragraph's last line); and a line set further
    left than the one before, which ended a sentence, starts one (the text under a hanging
    indent, a bullet's, ended)."""
    out: list[Line] = []
    left: list[Line] = []
    right: list[Line] = []
    texts = [ln.text if ln.role is None else "" for ln in page]
    widths = {id(left): gutter, id(right): max(len(t) for t in texts) - gutter}

    def flush() -> None:
        if left and right and goes_on(left, right):
            while left[-1].role == "blank":  # (the gap under the left column's last line)
                left.pop()
        elif left and right:
            left.append(Line("", left[-1].page, "blank"))
        out.extend(left)
        out.extend(right)
        left.clear()
        right.clear()

    def goes_on(left: list[Line], right: list[Line]) -> bool:
        """Does the right column's first line go on with the left column's last paragraph: the
        left one stops mid-sentence, and the right one is set in from its column's edge, as a
        paragraph's later lines are under a hanging number ("…, as they were in" / "2016.")?"""
        said = [ln for ln in left if ln.role is None and ln.text.strip()]
        last, first = (said or left)[-1], right[0]
        edge = min(_indent(ln.text) for ln in right if ln.role is None and ln.text.strip())
        return (
            last.role is None
            and first.role is None
            and bool(last.text.strip())
            and last.text.rstrip()[-1:] not in SENTENCE_ENDS
            and _indent(first.text) > edge
        )

    def ends_paragraph(column: list[Line]) -> bool:
        last = column[-1].text.rstrip() if column and column[-1].role is None else ""
        return bool(last) and (
            last[-1] in SENTENCE_ENDS or len(last) < COLUMN_FILL * widths[id(column)]
        )

    for ln, text in zip(page, texts, strict=True):
        if ln.role not in (None, "blank"):
            flush()
            out.append(ln)
            continue
        if len(text) > gutter and (
            text[gutter - 1] != " " or (text[gutter - 2] != " " and text[gutter] != " ")
        ):
            flush()  # runs across the gutter (a word's letter there, or one space between words)
            out.append(ln)
            continue
        for column, part in ((left, text[:gutter].rstrip()), (right, text[gutter:].rstrip())):
            if not part.strip():
                if (
                    column
                    and column[-1].role is None
                    and (not text.strip() or ends_paragraph(column))
                ):
                    column.append(Line("", ln.page, "blank"))
                continue
            before = column[-1].text.rstrip() if column and column[-1].role is None else ""
            if (
                before
                and (
                    # a hanging indent ended, or a label opens a list ("Areas for improvement:")
                    (
                        before[-1] in SENTENCE_ENDS
                        and (_indent(part) < _indent(before) or _label_line(part))
                    )
                    # a heading over its part's text ("1.2 Staff" over "We rated staff …")
                    # (not one wrapped: "4. Progress since the last" / "inspection")
                    or (
                        before[-1] not in SENTENCE_ENDS
                        and len(before) < COLUMN_FILL * widths[id(column)]
                        and _indent(part) <= _indent(before)
                        and not part.strip()[:1].islower()
                    )
                )
            ):
                column.append(Line("", ln.page, "blank"))
            column.append(Line(part, ln.page, None))
    flush()
    return out


SENTENCE_ENDS = ".:;!?"
LABEL_WORDS = 6  # "Areas for improvement:", a list's label; not a sentence ending in a colon


def _label_line(text: str) -> bool:
    return text.rstrip().endswith(":") and len(text.split()) <= LABEL_WORDS


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _indented_to(text: str, column: int) -> bool:
    """Does the line start at `column` (within a space), with no label of its own?"""
    lead = len(text) - len(text.lstrip(" "))
    return bool(text.strip()) and abs(lead - column) <= 1 and not _field_shaped(text.strip())


def _bar_cells(text: str) -> list[str]:
    """The cells of a line laid out with " | " between them (outer bars optional)."""
    s = text.strip()
    if " | " not in s:
        return []
    return [c.strip() for c in s.strip("|").split(" | ")]


def _bar_rows(lines: list[Line]) -> None:
    """Rows of a table typed with bars ("Organisational delivery | 1.2 Staff | Outstanding"),
    two or more lines in a row with the same number of cells, become tab-separated cells (a
    table row each), so a table typed without blank lines is not one run-on paragraph."""
    i = 0
    while i < len(lines):
        width = len(_bar_cells(lines[i].text)) if lines[i].role is None else 0
        j = i
        while (
            width
            and j < len(lines)
            and lines[j].role is None
            and len(_bar_cells(lines[j].text)) == width
        ):
            j += 1
        if j - i >= 2:
            for ln in lines[i:j]:
                ln.text = "\t".join(_bar_cells(ln.text))
        i = max(j, i + 1)


# A table whose cells a text extraction writes one to a line, each between blank lines, as
# `docx2txt` does with a Word table ("Standard" / "Rating" / "1.1 Governance and leadership" /
# "Good" / …): its head names its columns in a word or three each, and its rows follow cell by
# cell, short lines, each row's last cell a value (a grade, a figure, a name).
CELL_HEAD_WORDS = 3
CELL_WORDS = 14  # a cell's line: no longer than a short sentence
CELL_MIN_ROWS = 3
CELL_TYPED_SHARE = 0.5  # of the rows' last cells, at least this share a grade or a figure
CELL_MAX_ROWS = 60  # read no further for one table: a text of short lines stays linear
FACT_LABEL_WORDS = 25  # a key fact's label under or over its value: at most this long
FACT_VALUE_WORDS = 4  # a key fact's value: a figure, a name ("41 (35.6 FTE)", "Priyanka Loveday")
_A_DIGIT = re.compile(r"\d")


def _cells_a_line_each(lines: list[Line]) -> list[Line]:
    """A table written a cell to a line between blank lines, read back as its rows (role `tr`,
    the head a row like the rest), cells set apart by tabs: a head of two or three short
    cells, then at least `CELL_MIN_ROWS` rows of as many cells, most rows' last cell a grade or
    a figure. Before, each cell was a paragraph or a heading of its own, and the grades were
    lost."""
    stand = [
        k
        for k, ln in enumerate(lines)
        if ln.role is None
        and ln.text.strip()
        and (k == 0 or lines[k - 1].role == "blank")
        and (k + 1 == len(lines) or lines[k + 1].role == "blank")
    ]  # lines that stand alone between blank lines
    kinds = [_value_kind(lines[k].text.strip()) for k in stand]
    if not any(kinds):
        return lines  # no grade or figure stands alone: no table of values (most texts)
    # the nearest line standing alone at or after each that is a value: a table is looked
    # for only where one is near (a long text of short lines stays quick)
    nearest = [len(stand)] * (len(stand) + 1)
    for n in range(len(stand) - 1, -1, -1):
        nearest[n] = n if kinds[n] else nearest[n + 1]
    cells_of = _cells_of(lines, stand, kinds)
    out_rows: dict[int, tuple[int, str]] = {}  # first line -> (line after the row's last, text)
    ends: set[int] = set()  # each row's last line
    headings: set[int] = set()
    i = 0
    while i < len(stand):
        if nearest[i] - i > 3 * (CELL_MIN_ROWS + 1):
            i = nearest[i] - 3 * (CELL_MIN_ROWS + 1)
            continue
        sizes = _cell_table(cells_of, i)
        if sizes is None:
            pairs = _facts_value_first(cells_of, i)
            for r in range(pairs):  # each fact's label, then its value, as a row prints them
                value, label = stand[i + 2 * r], stand[i + 2 * r + 1]
                text = f"{lines[label].text.strip()}\t{lines[value].text.strip()}"
                out_rows[value] = (label + 1, text)
                ends.add(label)
            i += 2 * pairs or 1
            continue
        if i and stand[i - 1] - 2 in ends:
            # a line alone between two such tables ("Key facts" after the ratings' last row,
            # over "Measure | Pellmoor") is the next one's title, not a row's group
            headings.add(stand[i - 1])
        for size in sizes:  # the head, then the rows
            cells = stand[i : i + size]
            text = "\t".join(lines[k].text.strip() for k in cells)
            out_rows[cells[0]] = (cells[-1] + 1, text)
            ends.add(cells[-1])
            i += size
    if not out_rows:
        return lines
    out: list[Line] = []
    k = 0
    while k < len(lines):
        if k in out_rows:
            end, text = out_rows[k]
            out.append(Line(text, lines[k].page, "tr"))
            k = end
            while k < len(lines) and lines[k].role == "blank" and k + 1 in out_rows:
                k += 1  # (no blank between a table's rows: one table)
            continue
        if k in headings:
            out.append(Line(lines[k].text.strip(), lines[k].page, "heading", titles_table=True))
        else:
            out.append(lines[k])
        k += 1
    return out


@dataclass(frozen=True)
class _Cell:
    """What `_cell_table` asks of a line standing alone, read once."""

    head: bool  # a column's name: a word or three, no number, no stop
    cell: bool  # short, no stop, no "label: value" of its own
    kind: str  # "grade", "figure" or ""
    joined: bool  # only blank lines between it and the line standing alone before it
    label: bool  # a key fact's label: a capital, at most a long sentence's words, no stop
    short: bool  # a value a word or four long ("41 (35.6 FTE)", "Priyanka Loveday")
    numbered: bool  # a numbered label ("2. Court disposals", "2.1 Assessment")


# a cell that opens with a number and then names something ("1.1 Governance and leadership",
# "2. Court disposals"): a standard's or a part's label, not a figure
_NUMBERED_LABEL = re.compile(r"\d+(?:\.\d+)*\.?\s+[A-Z]")


def _value_kind(text: str) -> str:
    """A table cell's value: "grade", "figure" or ""."""
    if (text[:1].isdigit() and not _NUMBERED_LABEL.match(text)) or text[:1] in "£$€":
        return "figure"
    return "grade" if len(text) < 30 and text.rstrip(".").lower() in GRADES else ""


def _cells_of(lines: list[Line], stand: list[int], kinds: list[str]) -> list[_Cell]:
    out = []
    for n, k in enumerate(stand):
        text = lines[k].text.strip()
        words = len(text.split())
        last = text[-1]
        kind = kinds[n]
        out.append(
            _Cell(
                # (a column's name is a word or three, no number: "2. Court disposals" heads
                # a part)
                head=words <= CELL_HEAD_WORDS
                and last not in ".:;,"
                and not _A_DIGIT.search(text)
                and "\t" not in text,
                # (a line of its own "label: value", "2.1 Assessment: Good", is no cell; nor one
                # already set out in columns, a row of its own)
                cell=words <= CELL_WORDS
                and last not in ".:;"
                and ": " not in text
                and "\t" not in text,
                kind=kind,
                joined=n > 0 and all(lines[j].role == "blank" for j in range(stand[n - 1] + 1, k)),
                label=text[:1].isupper() and words <= FACT_LABEL_WORDS and last not in ".;",
                short=words <= FACT_VALUE_WORDS and last not in ".:;" and "\t" not in text,
                numbered=bool(_NUMBERED_LABEL.match(text)),
            )
        )
    return out


def _facts_value_first(cells: list[_Cell], i: int) -> int:
    """How many key facts, value over label, a cell to a line, start at the `i`th line standing
    alone ("126" / "Children supervised by …" / "33.8%" / "Proven reoffending rate …", as
    `docx2txt` writes a table of figures with no head): at least `CELL_MIN_ROWS` of them, the
    first a figure and most of them. 0 where none start there."""
    if cells[i].kind != "figure":
        return 0
    pairs = figures = 0
    at = i
    while at + 1 < len(cells) and pairs < CELL_MAX_ROWS:
        value, label = cells[at], cells[at + 1]
        if not (
            (value.joined or at == i)
            and label.joined
            and value.short
            and label.label
            and not label.kind
            and value.kind != "grade"
        ):
            break
        pairs += 1
        figures += value.kind == "figure"
        at += 2
    return pairs if pairs >= CELL_MIN_ROWS and figures >= CELL_TYPED_SHARE * pairs else 0


def _cell_table(cells: list[_Cell], i: int) -> list[int] | None:
    """The cells in each row (the head's first) of a table a cell to a line whose head starts
    at the `i`th line standing alone, or None. A line alone between rows, over a row of the
    head's width that ends in a value ("2. Court disposals" over "2.1 Assessment" / "Good"), is
    a row of its own: the group the rows under it belong to (over the first row, only a numbered
    one)."""
    for width in (3, 2):
        head = cells[i : i + width]
        if (
            len(head) < width
            or not all(c.head for c in head)
            or not all(c.joined for c in head[1:])
        ):
            continue
        sizes = [width]
        kinds: list[str] = []  # each row's last cell: "grade", "figure" or ""
        at = i + width
        while at + width <= len(cells) and len(kinds) < CELL_MAX_ROWS:
            row = cells[at : at + width]
            if not all(c.joined and c.cell for c in row):
                break
            if (
                not row[-1].kind
                and at + width < len(cells)
                and cells[at + width].kind
                and cells[at + width].joined
                and not row[0].kind
                # (over the first row, only a numbered part: "Key facts" / "Measure" /
                # "Pellmoor" is a title over a head, not a head over a group)
                and (kinds or row[0].numbered)
            ):
                sizes.append(1)  # a group's title, a row of one cell
                at += 1
                continue
            kinds.append(row[-1].kind)
            sizes.append(width)
            at += width
            if len(kinds) == CELL_MIN_ROWS and not any(kinds):
                break  # no grade or figure in its first rows: no table of values (read no more)
        if kinds[:CELL_MIN_ROWS] == ["grade"] * CELL_MIN_ROWS:
            # a table of grades ends before its first row of no grade: the heading and line
            # after it ("Key facts", "Measure") are no row of it
            kinds = kinds[: next((n for n, k in enumerate(kinds) if k != "grade"), len(kinds))]
        # the head, then the rows up to the last kept, with the groups among them
        kept, rows = [width], 0
        for size in sizes[1:]:
            if size == width:
                if rows == len(kinds):
                    break
                rows += 1
            kept.append(size)
        while len(kept) > 1 and kept[-1] != width:
            kept.pop()  # (a group's title with no row under it is no row of the table)
        typed = sum(1 for kind in kinds if kind)
        if len(kinds) >= CELL_MIN_ROWS and typed >= CELL_TYPED_SHARE * len(kinds):
            return kept
    return None


def _footers_as_pages(lines: list[Line], paged: bool) -> list[Line]:
    """The lines with what a PDF conversion leaves of each page's edge taken off: a page footer
    ("Page 2 of 6") becomes a page break (role `page`), and the running header or footer printed
    beside it on several pages (the report's title over every page, which would otherwise be
    glued into the paragraph it interrupts, or split it) goes. `paged`: form feeds have counted
    the pages already."""
    footers = _page_footers(lines)
    if not footers:
        return lines
    running: Counter[str] = Counter()
    near: dict[int, str] = {}
    for i in footers:
        for j in _neighbours(lines, i):
            key = _digits_blanked(lines[j].text)
            running[key] += 1
            near[j] = key
    # a line beside a footer on at least two pages, the same apart from its digits
    drop = {j for j, key in near.items() if running[key] >= 2 and j not in footers}
    offset = 0
    out: list[Line] = []
    for i, ln in enumerate(lines):
        if i in drop:
            continue
        if i in footers:
            offset += not paged
            out.append(Line("", (ln.page or 1) + offset - 1, "page"))
            continue
        out.append(Line(ln.text, (ln.page or 1) + offset, ln.role))
    return out


EDGE_LINES = 3  # a page's first or last lines with text: where a running header or footer is


def _running_edges_dropped(lines: list[Line]) -> list[Line]:
    """The lines of a text paged by form feeds without what each page's header or footer
    repeats (Word's "Save as Plain Text" writes the page header's "OFFICIAL" and letterhead
    again after each page break, into the paragraph the break cut or as a heading of their
    own): a line among a page's first or last `EDGE_LINES` lines with text, ending no sentence,
    the same text there on at least half the pages and two at least (a page of a few lines
    has no edge apart from its text)."""
    pages: dict[int, list[int]] = {}
    for i, ln in enumerate(lines):
        if ln.role is None and ln.text.strip():
            pages.setdefault(ln.page or 1, []).append(i)
    if len(pages) < 2:
        return lines
    seen: Counter[str] = Counter()  # on how many pages of some length a text is at the edge
    edge: dict[int, str] = {}
    full = 0
    for rows in pages.values():
        at = {
            i: " ".join(lines[i].text.split())
            for i in rows[:EDGE_LINES] + rows[-EDGE_LINES:]
            if lines[i].text.rstrip()[-1:] not in ".!?"
        }
        edge.update(at)
        if len(rows) > 2 * EDGE_LINES:
            full += 1
            seen.update(set(at.values()))
    need = max(2, (full + 1) // 2)
    drop = {i for i, text in edge.items() if seen[text] >= need}
    return [ln for i, ln in enumerate(lines) if i not in drop] if drop else lines


def _page_footers(lines: list[Line]) -> set[int]:
    """The lines that are page footers: "Page 2", "Page 2 of 6" anywhere; a bare number ("2",
    "- 2 -") only in a run of them that counts up page by page, at least `MIN_PAGE_LINES`
    apart (a number alone on a line may be a table's cell); and a running title with its page
    number ("… in Brindlecombe  7") on the same terms, the same words on every page."""
    found = [
        (i, ln.text.strip())
        for i, ln in enumerate(lines)
        if ln.role is None and ln.text.strip() and PAGE_FOOTER.match(ln.text.strip())
    ]
    worded = {i for i, t in found if not t.strip("-– ").isdigit()}
    bare = [(i, int(t.strip("-– "))) for i, t in found if i not in worded]
    titled: dict[str, list[tuple[int, int]]] = {}  # per running title, its numbered lines
    for i, ln in enumerate(lines):
        m = TITLED_PAGE.match(ln.text.strip()) if ln.role is None else None
        title = (m["t1"] or m["t2"]) if m else None
        if m and title and len(title.split()) >= RUNNING_TITLE_WORDS:
            titled.setdefault(_digits_blanked(title), []).append((i, int(m["n1"] or m["n2"])))
    out = worded | ({i for i, _ in bare} if _counts_pages(bare) else _page_run(bare))
    for run in titled.values():
        # a page each: "Total  14" in one table and "Total  22" in the next are rows, not pages
        steps = all(0 < b[1] - a[1] <= MAX_PAGE_STEP for a, b in zip(run, run[1:], strict=False))
        out |= {i for i, _ in run} if steps and _counts_pages(run) else set()
    return out


def _page_run(bare: list[tuple[int, int]]) -> set[int]:
    """Of bare numbers that do not all count up (a key-facts box prints "94" and "38" on lines
    of their own between the page numbers), the longest run that goes up a page at a time,
    each at least `MIN_PAGE_LINES` lines below the last: the page numbers, when there are at
    least `MIN_PAGE_RUN` of them (two numbers one apart are as likely cells of a table).
    Linear: per number, the longest run so far that ends in it."""
    length: list[int] = []
    parent: list[int] = []
    ending: dict[int, int] = {}  # number -> position in bare of the longest run ending in it
    for k, (i, n) in enumerate(bare):
        before = [
            ending[n - step]
            for step in range(1, MAX_PAGE_STEP + 1)
            if n - step in ending and i - bare[ending[n - step]][0] >= MIN_PAGE_LINES
        ]
        j = max(before, key=lambda j: length[j], default=-1)
        length.append(length[j] + 1 if j >= 0 else 1)
        parent.append(j)
        if n not in ending or length[k] > length[ending[n]]:
            ending[n] = k
    if not length or max(length) < MIN_PAGE_RUN:
        return set()
    k = max(range(len(length)), key=lambda k: length[k])
    out = set()
    while k >= 0:
        out.add(bare[k][0])
        k = parent[k]
    return out


def _counts_pages(run: list[tuple[int, int]]) -> bool:
    """Do these (line, number) pairs count up page by page: two or more, each number above the
    last, at least `MIN_PAGE_LINES` lines apart?"""
    return len(run) >= 2 and all(
        b[1] > a[1] and b[0] - a[0] >= MIN_PAGE_LINES for a, b in zip(run, run[1:], strict=False)
    )


def _neighbours(lines: list[Line], i: int) -> list[int]:
    """The nearest non-blank line above and below line `i` (a footer's running header)."""
    out = []
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and not lines[j].text.strip():
            j += step
        # (its length in words: a layout-keeping conversion spaces out "Title … Publisher")
        if 0 <= j < len(lines) and len(" ".join(lines[j].text.split())) <= RUNNING_LINE_CHARS:
            out.append(j)
    return out


def _digits_blanked(text: str) -> str:
    return " ".join("".join("#" if c.isdigit() else c for c in text).split()).lower()


_MD_NOTE_REF = re.compile(r"\[\^([^\]\s]{1,40})\]")
_MD_NOTE_BODY = re.compile(r"^\[\^([^\]\s]{1,40})\]:\s*(.*)$")


def _markdown_lines(text: str) -> list[Line]:
    """Markdown as Lines: `#` headings, `|` tables (the header row as `th`), YAML front matter
    as `meta` lines (report metadata, never a paragraph), and footnotes (`[^1]` in the text
    becomes a superscript marker, `[^1]: body` a footnote line the parser attaches to the
    paragraph carrying the marker)."""
    out: list[Line] = []
    header: list[str] | None = None
    lines = _text_lines(text)
    start = _front_matter(lines, out)
    _pandoc_normalised(lines, start)
    markers = _md_note_markers(text)
    deepest = 1  # the level of the last `#` heading: a bold line heads a part below it
    # a file that marks its headings with `#` uses bold for emphasis and labels, not headings
    marked = any(_md_heading(ln.text.strip()) for ln in lines[start:])
    # a Markdown file converted from a PDF keeps its page footers ("Page 3 of 14") and running
    # headers: page breaks, no text
    lines = lines[:start] + _footers_as_pages(lines[start:], "\f" in text)
    html_to = -1  # the last line of an HTML block being read
    for n, line in enumerate(lines[start:]):
        if n <= html_to:
            continue
        if line.role == "page":
            out.append(line)
            continue
        s = line.text.strip()
        if s.startswith("<!--"):
            # an HTML comment ("<!-- image -->", where a converter left a picture out) is no text;
            # it runs to its "-->"
            html_to = n
            while "-->" not in lines[start + html_to].text and html_to + 1 < len(lines) - start:
                html_to += 1
            out.append(Line("", line.page, "blank"))
            continue
        if _MD_HTML_BLOCK.match(s):
            # HTML written into the Markdown ("<table>" of an address block or copy list):
            # as a renderer shows it, read by the HTML reader; it runs to a blank line
            html_to = n
            while html_to + 1 < len(lines) - start and lines[start + html_to + 1].text.strip():
                html_to += 1
            block = "\n".join(ln.text for ln in lines[start + n : start + html_to + 1])
            # (Notion writes a callout's Markdown inside its <aside>, and shows it rendered:
            # a link shows its text)
            inline = _md_inline if s.lower().startswith("<aside") else str
            out += [Line(inline(h.text), line.page, h.role, h.level) for h in _html_lines(block)]
            header = None
            continue
        if _MD_CLOSING_TAGS.match(s) or _MD_TEMPLATE_TAGS.match(s):
            out.append(Line("", line.page, "blank"))
            continue
        if _MD_RULE.match(s) and (n == 0 or not lines[start + n - 1].text.strip()):
            out.append(Line("", line.page, "blank"))  # a thematic break ("---"): no text
            continue
        if (inner := _quoted_table_row(s)) is not None:
            s = inner  # a table inside a block quote or a callout ("> | Measure | Value |")
        if s.startswith("|") and s.endswith("|"):
            s = _MD_BREAK.sub(" ", s)  # a line break inside a table's cell
        elif _MD_BREAK.search(s):  # "Ms Ann Lee<br>Head of Service": lines of their own
            for piece in filter(None, (x.strip() for x in _MD_BREAK.split(s))):
                out.append(Line(_md_inline(piece), line.page, line.role))
            continue
        if out and out[-1].role == "footnote" and s and line.text[:1] in (" ", "\t"):
            # a footnote's next lines, indented under its first ("[^1]: A referral order is
            # …" / "    guilty at their first …")
            out[-1] = Line(f"{out[-1].text} {_md_inline(s)}", out[-1].page, "footnote")
            continue
        if markers and "[^" in s:
            body = _MD_NOTE_BODY.match(s)
            if body:
                marker = markers.get(body.group(1), body.group(1))
                out.append(Line(f"{marker} {_md_inline(body.group(2))}", line.page, "footnote"))
                continue
            s = _MD_NOTE_REF.sub(lambda m: markers.get(m.group(1), m.group(0)), s)
            line = Line(s, line.page, line.role)
        # where `#` marks the headings, a bold line standing alone between blank lines
        # heads a part below the last of them ("**Work with victims**" under "## 2. …"); over
        # grades ("1.1 Governance and leadership: Good") it names their group (`ingest.parse`)
        alone = _alone(lines, start + n) and not _over_grades(lines, start + n)
        heading = _md_heading(s) or (
            None
            if marked and not alone
            else _bold_heading(s, deepest, not marked and not any(o.text for o in out))
        )
        if heading:
            level, title = heading
            out.append(Line(_without_symbols(_md_inline(title)), line.page, "heading", level))
            header = None
            deepest = level if s.startswith("#") else deepest
        elif s.startswith("|") and s.endswith("|"):
            if _md_table_separator(s):
                continue
            cells = [_md_inline(c.strip()) for c in s.strip("|").split("|")]
            if header is None:
                header = cells
                out.append(Line("\t".join(cells), line.page, "th"))
            else:
                out.append(Line("\t".join(cells), line.page, "tr"))
        else:
            header = None if not s else header
            if s.startswith(">"):  # a block quote ("> 'Up at the railway…' (boy, aged 15)")
                # a callout's type mark ("> [!NOTE] About this page") is no text; the title of
                # a callout holding a table ("> [!info] Key facts" over "> | Measure | … |")
                # heads the table, as a heading would
                quoted = _MD_CALLOUT.sub("", s.lstrip("> "))
                titled = (
                    quoted != s.lstrip("> ") and quoted and _quoted_table_next(lines, start + n)
                )
                if titled:
                    out.append(Line(_md_inline(quoted), line.page, "heading", deepest + 1))
                    continue
                line = Line(quoted, line.page, line.role if quoted else "blank")
            text = _MD_TASK_BOX.sub(r"\1", line.text)
            out.append(Line(_md_inline(text), line.page, line.role))
    return out


def _quoted_table_row(s: str) -> str | None:
    """The table row a block-quoted line holds ("> | Measure | … |": "| Measure | … |")."""
    inner = s.lstrip("> ").strip()
    return inner if s.startswith(">") and inner[:1] == "|" == inner[-1:] else None


def _quoted_table_next(lines: list[Line], i: int) -> bool:
    """Is the line after line `i` a table row inside a block quote?"""
    return i + 1 < len(lines) and _quoted_table_row(lines[i + 1].text.strip()) is not None


# HTML blocks in Markdown (CommonMark's kind 6: they end at a blank line) and line breaks
_MD_HTML_BLOCK = re.compile(
    r"^<(?:table|div|p|ul|ol|dl|blockquote|section|center|details|figure|aside)\b[^>]*>", re.I
)
# a line of closing tags alone ("</aside>" after a Notion callout's text): no text
_MD_CLOSING_TAGS = re.compile(r"^(?:</[A-Za-z][\w-]*\s*>\s*)+$")
# a static site generator's template tags on a line of their own (Hugo's shortcodes
# "{{< callout >}}" and "{{% /note %}}", Jekyll's Liquid "{% include note.html %}"): markup
# that a renderer replaces, no text
_MD_TEMPLATE_TAGS = re.compile(r"^(?:(?:\{\{[<%].*?[%>]\}\}|\{%.*?%\})\s*)+$")
# a task list's box ("- [x] Well-established links …", a checklist of strengths): no text
_MD_TASK_BOX = re.compile(r"^(\s*[-*+]\s+)\[[ xX]\]\s+")
_MD_IMAGE = re.compile(r"!\[[^\[\]]*\]\([^()\s]*\)")  # ![signature](Untitled.png): no text
_MD_BREAK = re.compile(r"<br\s*/?>", re.I)
_MD_RULE = re.compile(r"^(?:-\s*){3,}$|^(?:\*\s*){3,}$|^(?:_\s*){3,}$")
_MD_CALLOUT = re.compile(r"^\[![A-Za-z-]+\][+-]?\s*")  # Obsidian / GitHub callouts
_WIKI_LINK = re.compile(r"\[\[([^\[\]|]*)(?:\|([^\[\]]*))?\]\]")  # [[target|label]]
_WIKI_EMBED = re.compile(r"!\[\[[^\[\]]*\]\]")  # ![[logo.png]]: a file shown, no text
_SETEXT = re.compile(r"^(=+|-+)$")
_GRID_BORDER = re.compile(r"^\+[-=:+]*\+$")
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # "2.3\." -> "2.3.", "\*" -> "*"
_PANDOC_SPAN = re.compile(r"\[([^\]\[]*)\]\{[^{}]*\}")  # "[text]{.underline}" -> "text"


def _pandoc_normalised(lines: list[Line], start: int) -> None:
    """Markdown as pandoc writes it, read as the Markdown the rest of the reader knows: a line
    underlined with `===` or `---` is a heading (levels 1 and 2), a grid table (`+---+` borders,
    a cell's text over several `|` lines) is a pipe table of one line a row, backslash escapes
    ("2.3\\. …") and a hard break's trailing backslash are text, and "[text]{.underline}"
    spans and heading attributes keep only their text. In place."""
    out = lines[:start]
    grid: list[list[str]] = []  # the cells of the grid row being read, a list per line
    in_grid = False  # past a grid table's border, among its rows
    skip = False
    opened: int | None = None  # the line before, when a span it opens is closed on this one
    for i in range(start, len(lines)):
        ln = lines[i]
        s = ln.text.strip()
        if skip:  # a setext heading's underline
            skip = False
            continue
        if _GRID_BORDER.match(s) and len(s) >= 3:
            in_grid = True
            if grid:
                out.append(Line(_grid_row(grid), ln.page, None))
                grid = []
                if "=" in s:  # the row above heads the table
                    out.append(Line("|" + "---|" * max(1, s.count("+") - 1), ln.page, None))
            continue
        if s.startswith("|") and s.endswith("|") and in_grid:
            grid.append([c.strip() for c in s.strip("|").split("|")])
            continue
        in_grid = False
        text = _PANDOC_SPAN.sub(r"\1", ln.text.rstrip())
        close = _SPAN_CLOSE.search(text)
        if close and opened is not None and _span_opener(text[: close.start()]) < 0:
            # a span wrapped onto this line ("[is not a full inspection" / "report]{.underline}")
            text = text[: close.start()] + text[close.end() :]
            held = out[opened].text
            at = _span_opener(held)
            out[opened] = Line(held[:at] + held[at + 1 :], out[opened].page, out[opened].role)
        opened = len(out) if _span_opener(text) >= 0 else None
        text = _without_attributes(text)
        if text.endswith("\\") and not text.endswith("\\\\"):
            text = text[:-1].rstrip()  # a hard line break
        text = _MD_ESCAPE.sub(r"\1", text)
        nxt = lines[i + 1].text.strip() if i + 1 < len(lines) else ""
        above = out[-1].text.strip() if len(out) > start else ""
        if (
            text.strip()
            and _SETEXT.match(nxt)
            and len(nxt) >= 3
            and not above
            and not text.lstrip().startswith(("|", "-", "*", "#", ">", "+"))
        ):
            text = ("# " if nxt[0] == "=" else "## ") + text.strip()
            skip = True
        out.append(Line(text, ln.page, ln.role))
    if grid:
        out.append(Line(_grid_row(grid), lines[-1].page, None))
    lines[:] = out


_SPAN_CLOSE = re.compile(r"\]\{[.#][^{}]*\}")  # a span's end and attributes: "]{.underline}"


def _span_opener(text: str) -> int:
    """Where the span the line leaves open starts: its last "[" (not an escaped one, "\\[")
    with no "]" after it; -1 when it leaves none open."""
    at = text.rfind("[")
    while at > 0 and text[at - 1] == "\\":
        at = text.rfind("[", 0, at - 1)
    return at if at >= 0 and "]" not in text[at:] else -1


def _without_attributes(text: str) -> str:
    """ "Foreword {#foreword .unnumbered}" -> "Foreword": a heading's pandoc attributes go (str
    methods: a regular expression opening with spaces rescans a long run of them)."""
    at = text.rfind("{")
    if (
        text.endswith("}")
        and at >= 0
        and text[at + 1 : at + 2] in ("#", ".")
        and "}" not in text[at:-1]
    ):
        return text[:at].rstrip()
    return text


def _grid_row(grid: list[list[str]]) -> str:
    """One grid-table row from its `|` lines: each cell's pieces joined, as a pipe-table line."""
    width = max(len(cells) for cells in grid)
    joined = [
        " ".join(cells[k] for cells in grid if k < len(cells) and cells[k]) for k in range(width)
    ]
    return "| " + " | ".join(joined) + " |"


def _alone(lines: list[Line], i: int) -> bool:
    """Does line `i` stand between blank lines (or the file's ends), or after a blank line
    right above a list it labels ("**Strengths**" over "- The board …")?"""
    before = i == 0 or not lines[i - 1].text.strip()
    following = lines[i + 1].text.strip() if i + 1 < len(lines) else ""
    return before and (not following or following.startswith(("- ", "* ", "+ ")))


def _over_grades(lines: list[Line], i: int) -> bool:
    """Is the next line with text after line `i` a standard's grade ("2.4 Reviewing: Good")?"""
    following = next((ln.text.strip() for ln in lines[i + 1 :] if ln.text.strip()), "")
    return RATING_LINE.match(_md_inline(following)) is not None


def _front_matter(lines: list[Line], out: list[Line]) -> int:
    """YAML front matter (`---` lines around `key: value` lines at the very top) as `meta`
    lines in `out`; returns the index of the first line after it (0 when there is none)."""
    first = next((i for i, ln in enumerate(lines) if ln.text.strip()), None)
    if first is None or lines[first].text.strip() != "---":
        return 0
    end = next(
        (i for i in range(first + 1, len(lines)) if lines[i].text.strip() in ("---", "...")), None
    )
    if end is None:
        return 0
    for ln in lines[first + 1 : end]:
        key, sep, value = ln.text.partition(":")
        if sep and key.strip() and value.strip():
            value = value.strip().strip("\"'")
            out.append(Line(f"{key.strip()}: {value}", ln.page, "meta"))
    return end + 1


def _md_note_markers(text: str) -> dict[str, str]:
    """Footnote label -> the superscript number it is shown as: numeric labels keep their
    number, others are numbered after them in order of first use."""
    if "[^" not in text:
        return {}
    labels = list(dict.fromkeys(m.group(1) for m in _MD_NOTE_REF.finditer(text)))
    numbers = [int(label) for label in labels if label.isdigit()]
    nxt = max(numbers, default=0)
    out = {}
    for label in labels:
        if not label.isdigit():
            nxt += 1
        out[label] = (label if label.isdigit() else str(nxt)).translate(TO_SUPERSCRIPT)
    return out


def _without_symbols(title: str) -> str:
    """A heading without the emoji or symbols a wiki sets at its ends ("📣 Foreword",
    "Court disposals ⚖️"): they are no words of its name."""
    words = title.split()
    kept = len(words)
    while words and all(map(_symbol, words[0])):
        words.pop(0)
    while words and all(map(_symbol, words[-1])):
        words.pop()
    # (a title with none keeps its own spacing)
    return " ".join(words) if words and len(words) < kept else title


def _symbol(c: str) -> bool:
    return unicodedata.category(c) in ("So", "Sk", "Mn", "Cf") or c == "\ufe0f"


def _md_heading(s: str) -> tuple[int, str] | None:
    """`## Title ##` -> (2, "Title"): one to six `#`, whitespace, the title, closing `#`s dropped.

    `s` is one stripped line. Written out instead of `^(#{1,6})\\s+(.*?)\\s*#*\\s*$`, which gives the
    same answer but backtracks cubically over a run of spaces inside the title."""
    level = len(s) - len(s.lstrip("#"))
    if not 1 <= level <= 6 or not s[level : level + 1].isspace():
        return None
    return level, s[level:].strip().rstrip("#").rstrip()


def _bold_heading(s: str, deepest: int, first: bool) -> tuple[int, str] | None:
    """A line that is all bold (`**Assessment**`, `__What we found__`) and short, not a
    sentence: a heading in a Markdown file that marks its headings only by weight. The first
    line of the file is its title (level 1); others sit one level below the last `#` heading."""
    for mark in ("**", "__"):
        inner = s[2:-2].strip() if s.startswith(mark) and s.endswith(mark) and len(s) > 4 else ""
        if inner and mark not in inner:
            return ((1 if first else deepest + 1), inner) if _heading_like(inner) else None
    return None


MAX_BOLD_HEADING_CHARS = 120  # a longer bold line is an emphasised sentence


_MD_CELL_RULE = re.compile(r"\s*:?-{2,}:?\s*")


def _md_table_separator(s: str) -> bool:
    """`|---|:---:|`: the rule under a Markdown table header (`s` stripped, starting and ending
    with `|`); each cell checked alone, so a long cell cannot make the check quadratic."""
    return len(s) > 1 and all(_MD_CELL_RULE.fullmatch(c) for c in s[1:-1].split("|"))


class _Finder:
    """`find(start)` for one substring with starts that never decrease: each stretch of the text
    is searched once, so scanning a line from every opener stays linear."""

    def __init__(self, text: str, sub: str):
        self.text, self.sub = text, sub
        self.start, self.found = 0, -2  # -2: nothing searched yet

    def find(self, start: int) -> int:
        if self.found == -2 or (start > self.found >= 0) or start < self.start:
            self.start, self.found = start, self.text.find(self.sub, start)
        return self.found


def _md_inline(text: str) -> str:
    """One line of Markdown without its inline marks: `**strong**`, `__strong__`,
    `==highlight==`, `*em*`, `[text](url)` keep their text, backticks go.

    The same result as applying, in turn, `\\*\\*(.+?)\\*\\*|__(.+?)__`,
    `(?<![\\w*])\\*(?!\\s)(.+?)(?<!\\s)\\*(?![\\w*])` and `\\[([^\\]]+)\\]\\([^)]+\\)` with `re.sub` —
    but in one pass each: those rescan the rest of the line from every opener that has no
    closer, so a line of `*a *a *a …` took quadratic time."""
    if "![" in text:  # an image shows no text
        text = _MD_IMAGE.sub("", text)
    if "[[" in text:  # a wiki's link shows its label, or its target without a "#"
        text = _WIKI_EMBED.sub("", text)  # an embedded file ("![[logo.png]]") shows no text
        text = _WIKI_LINK.sub(lambda m: m.group(2) or m.group(1).lstrip("#"), text)
    return _strip_links(_strip_em(_strip_strong(text))).replace("`", "")


# marks that wrap their text in pairs: strong (`**`, `__`) and a highlight (`==`, as Obsidian
# and markdown-it's mark plugin write it: "rated as ==‘Requires improvement’==")
_PAIRED_MARKS = ("**", "__", "==")


def _strip_strong(text: str) -> str:
    out: list[str] = []
    copied = pos = 0
    openers = {m: _Finder(text, m) for m in _PAIRED_MARKS}
    closers = {m: _Finder(text, m) for m in _PAIRED_MARKS}
    while True:
        found = [(at, m) for m in _PAIRED_MARKS if (at := openers[m].find(pos)) >= 0]
        if not found:
            break
        at, mark = min(found)
        end = closers[mark].find(at + 3)  # `.+?`: at least one character inside
        if end < 0:  # no closer after this opener, so none after any later one of this mark
            pos = at + 1
            continue
        out += (text[copied:at], text[at + 2 : end])
        copied = pos = end + 2
    out.append(text[copied:])
    return "".join(out)


_EM_OPEN = re.compile(r"(?<![\w*])\*(?!\s)")
_EM_CLOSE = re.compile(r"(?<!\s)\*(?![\w*])")


def _strip_em(text: str) -> str:
    if "*" not in text:
        return text
    closers = [m.start() for m in _EM_CLOSE.finditer(text)]
    out: list[str] = []
    copied = nxt = 0
    for at in (m.start() for m in _EM_OPEN.finditer(text)):
        if at < copied:
            continue
        while nxt < len(closers) and closers[nxt] < at + 2:  # `.+?`: at least one character
            nxt += 1
        if nxt == len(closers):
            break
        end = closers[nxt]
        out += (text[copied:at], text[at + 1 : end])
        copied = end + 1
    out.append(text[copied:])
    return "".join(out)


def _strip_links(text: str) -> str:
    if "[" not in text:
        return text
    opens, brackets, parens = _Finder(text, "["), _Finder(text, "]"), _Finder(text, ")")
    out: list[str] = []
    copied = pos = 0
    while (at := opens.find(pos)) >= 0:
        close = brackets.find(at + 1)
        if close < 0:
            break
        if close == at + 1 or text[close + 1 : close + 2] != "(":
            pos = at + 1
            continue
        end = parens.find(close + 2)
        if end < 0:
            break
        if end == close + 2:
            pos = at + 1
            continue
        out += (text[copied:at], text[at + 1 : close])
        copied = pos = end + 1
    out.append(text[copied:])
    return "".join(out)


# (a <details> element's <summary> is the line a browser shows over what it folds, and a
# table's <caption> the line over its rows: blocks)
_HTML_BLOCKS = frozenset(
    ["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "tr", "dt", "dd", "pre", "blockquote"]
    + ["summary", "caption"]
)
_HTML_CELLS = frozenset(["th", "td"])


def _html_lines(text: str) -> list[Line]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "lxml")
    css = " ".join(t.get_text() for t in soup("style"))
    positioned = _positioned_blocks(soup, css) or _pdf2htmlex_blocks(soup, css)
    if positioned is not None:  # a PDF converted to HTML: read as the PDF it was
        return _pdf_structure(*positioned)
    printed = _printed_line_pages(soup)
    if printed is not None:  # a PDF's printed lines, each a <p>: read as its text is
        return printed
    _inline_class_styles(soup, css)
    numbers = _html_list_numbers(soup, css)
    for tag in soup(["script", "style", "noscript", "template", "head"]):
        tag.decompose()
    soup = _without_site_chrome(soup)
    _hidden_dropped(soup)
    _permalinks_dropped(soup)
    _layout_tables_unwrapped(soup)
    _boxes_unboxed(soup)
    _paragraphs_of_paragraphs(soup)
    _anonymous_blocks(soup)
    out: list[Line] = []
    bold_lines: list[int] = []  # all-bold short blocks: headings where no h-tag marks any
    tagged = False  # any <h1>-<h6>
    chapter: str | None = None  # the number of the last heading, if it is numbered ("2. …")
    body_pt = _body_font_size(soup)
    # on a page whose parts are headed by h-tags, a <details> folds a part like them (a
    # chapter of an archived publication, "<summary>2. Court disposals</summary>"): its
    # <summary> heads it; elsewhere it is weighed with the page's other bold lines
    summary_heads = soup.find(re.compile(r"^h[1-6]$")) is not None
    spans_of = None  # the table whose cells `spans` carries down (rowspan)
    spans: dict[int, tuple[str, int]] = {}
    consumed: set[int] = set()  # a <dd> read with the <dt> before it
    first_caption = False  # the first line read is a table's caption
    for el in _outermost(soup, _HTML_BLOCKS):
        if id(el) in consumed:
            continue
        if el.name == "dt" and (field := _html_term_field(el)) is not None:
            # "<dt>Published</dt><dd>9 November 2022</dd>": a field, "Published: 9 November 2022"
            line, dd = field
            consumed.add(id(dd))
            out.append(Line(line, None, "p"))
            continue
        if el.name == "dt" and (row := _html_term_row(el)) is not None:
            # "<dt>Children supervised in the year to 31 March 2021</dt><dd>127 children</dd>":
            # a label too long for a field's, over a short value: a table's row, as a key
            # facts table sets it ("… | 127 children")
            line, dd = row
            consumed.add(id(dd))
            out.append(Line(line, None, "tr"))
            continue
        if el.name == "tr":
            cells = _outermost(el, _HTML_CELLS)
            table = el.find_parent("table")
            if table is not spans_of:
                spans_of, spans = table, {}
            texts = _row_texts(cells, spans)
            if len(texts) == 2 and len(texts[0]) == 1 and texts[0] in LIST_GLYPHS and texts[1]:
                # a list laid out as a table, its bullet in a cell of its own ("• | Good
                # quality assessment …", as an HTML email sets a list): an item
                out.append(Line(texts[1], None, "li"))
                continue
            if len(texts) == 2 and texts[0].endswith(":") and len(texts[0].split()) <= 4:
                # a letter's front block laid out as a table ("To: | Ann Lee, Chair …"): a
                # "Label: value" line
                out.append(Line(f"{texts[0]} {texts[1]}", None, "p"))
                continue
            if (
                len(texts) == 2
                and PARAGRAPH_NUMBER.fullmatch(texts[0])
                and len(texts[1].split()) >= LAID_OUT_WORDS
            ):
                # a numbered paragraph laid out as a row, its number in the left cell ("2.1.3
                # | Inspectors found …", as a council's web page sets a report): the paragraph
                out.append(Line(f"{texts[0]} {texts[1]}", None, "p"))
                continue
            role = "tr" if any(c.name == "td" for c in cells) else "th"
            out.append(Line("\t".join(texts), None, role))
            continue
        pieces = _html_broken_lines(el) if el.name in _HTML_BROKEN else []
        if sum(map(_field_shaped, pieces)) >= 2:
            # "Published: 19 August 2021<br>Fieldwork: …": a header block of fields, a line
            # each; other blocks broken into lines (a signature, an address, prose) stay one
            out += [Line(piece, None, "p") for piece in pieces]
            continue
        # (a block of line breaks only, LibreOffice's blank line `<p><br/><br/></p>`, shows
        # nothing: its breaks, already replaced, are no text)
        txt = " ".join(pieces) if pieces else _tidy(_html_text(el).replace(_BR, " "))
        if not txt:
            continue
        level = _heading_level(el)
        if el.name == "caption":  # the line over a table's rows: text of its part
            first_caption = first_caption or not out
            out.append(Line(txt, None, "p"))
        elif level:
            out.append(Line(txt, None, "heading", level))
            chapter = _chapter_number(txt)
            tagged = True
        elif el.name == "summary" and summary_heads and _heading_like(txt):
            out.append(Line(txt, None, "heading", 2))
            chapter = _chapter_number(txt)
        elif el.name == "li" and (drawn := numbers.get(id(el))) is not None:
            # an item of an <ol>: the number the browser draws, as if typed ("2.3" under the
            # chapter headed "2. …", whose paragraphs the list numbers 1, 2, 3; "2.2.1" where
            # the page's style sheet draws it so)
            number, whole = drawn
            out.append(
                Line(
                    f"{number} {txt}"
                    if whole
                    else f"{chapter}.{number} {txt}"
                    if chapter
                    else f"{number}. {txt}",
                    None,
                    "p",
                )
            )
        elif (
            el.name == "p"
            and body_pt
            and _heading_like(txt)
            and _html_bold_only(el)
            and _font_size(el) > body_pt
        ):
            # a heading set by its style alone (Google Docs: <p class="c1"><span class="c3">
            # with .c3 bold and larger than the body text), beside <h> headings
            out.append(Line(txt, None, "heading", 2))
        elif el.name == "p" and _heading_like(txt) and _font_size(el) >= TITLE_PT:
            # a document's title in its Title style, which LibreOffice's export sets as a
            # <p> in 26pt, not an <h1>: it titles the report ("Foreword" was taken as title)
            out.append(Line(txt, None, "heading", 1))
        else:
            # (a <summary> labels the part its <details> folds, however it is styled)
            if (
                el.name != "li"
                and (_html_bold_only(el) or el.name == "summary")
                and _heading_like(txt)
            ):
                bold_lines.append(len(out))
            out.append(Line(txt, None, "li" if el.name == "li" else "p"))
    if not out:  # bare text without block tags
        return _text_lines(soup.get_text("\n"))
    if not tagged:  # "<p><strong>Summary</strong></p>": headings by weight, as in Word
        # (a table's caption first is no title: an HTML table written into Markdown)
        _headings_by_weight(out, bold_lines, titled=not first_caption)
    else:
        _list_labels(out, bold_lines)
    return out


# pdftohtml (poppler) writes each page of a PDF as a div ("page1-div", …) of absolutely placed
# <p>s, one per line of text or per run of lines it broke with <br/>, sized by font classes in
# pixels at its default zoom.
# pdftohtml's page "page3-div"; PyMuPDF's `get_text("html")` page "page0" (each page's own
# output numbers it 0), its lines placed in points with their type size on the span
PAGE_DIV = re.compile(r"^page(\d+)(-div)?$")
PLACED = re.compile(r"top:\s*(-?[\d.]+)(px|pt);\s*left:\s*(-?[\d.]+)(?:px|pt)")
_INLINE_SIZE = re.compile(r"font-size:\s*([\d.]+)pt")
_INLINE_PITCH = re.compile(r"line-height:\s*([\d.]+)pt")
FONT_CLASS = re.compile(r"\.(ft\w+)\s*\{([^}]*)\}")
PX_PER_POINT = 1.5  # pdftohtml's default zoom
PAGE_HEIGHT_PX = 1262  # an A4 page at that zoom, where the div does not say
LINE_PITCH = 1.7  # of the type size: the furthest apart two lines of one paragraph start
MIN_PLACED = 0.8  # of a page's <p>s placed absolutely for the page to be a converted PDF's


def _positioned_blocks(soup, css: str) -> tuple[list[dict], int] | None:
    """The text blocks (as `ingest.pdftext` gives a PDF's) of the HTML pdftohtml makes of a
    PDF, or None for any other HTML. Lines set level on a page are one row, their texts
    tab-separated left to right (a table's cells; a paragraph number in the margin beside its
    first line); rows that follow each other a line's height apart in one type size are one
    block, as the PDF reader groups a paragraph's lines. A font class the style sheet does not
    define (pdftohtml reuses earlier pages' classes) reads as the body's size: that of most of
    the text whose class is defined, away from the page's edges."""
    divs = [d for d in soup.find_all("div", id=PAGE_DIV)]
    placed = [p for d in divs for p in d.find_all("p")]
    if not placed or sum(bool(PLACED.search(p.get("style", ""))) for p in placed) < (
        MIN_PLACED * len(placed)
    ):
        return None
    fonts: dict[str, tuple[float, float | None]] = {}
    for name, rules in FONT_CLASS.findall(css):
        sized = re.search(r"font-size:\s*([\d.]+)px", rules)
        pitched = re.search(r"line-height:\s*([\d.]+)px", rules)
        if sized:
            fonts[name] = (float(sized.group(1)), float(pitched.group(1)) if pitched else None)
    rows: list[dict] = []
    for n, div in enumerate(divs, start=1):
        numbered = PAGE_DIV.match(div["id"])
        mupdf = numbered is not None and numbered.group(2) is None  # (placed in points)
        page = n if mupdf else int(numbered.group(1)) if numbered else 1
        tall = re.search(r"height:\s*([\d.]+)(px|pt)", div.get("style", ""))
        height = (
            float(tall.group(1)) * (PX_PER_POINT if tall.group(2) == "pt" else 1)
            if tall
            else PAGE_HEIGHT_PX
        )
        for p in div.find_all("p"):
            at = PLACED.search(p.get("style", ""))
            for br in p.find_all("br"):
                br.replace_with("\n")
            lines = [" ".join(t.split()) for t in p.get_text().split("\n")]
            lines = [t for t in lines if t]
            if at is None or not lines:
                continue
            size, pitch = fonts.get((p.get("class") or [""])[0], (None, None))
            if at.group(2) == "pt":  # (PyMuPDF's: the largest type on the line, in points)
                sizes = [float(x) for x in _INLINE_SIZE.findall(str(p))]
                pitched = _INLINE_PITCH.search(p.get("style", ""))
                size = max(sizes) * PX_PER_POINT if sizes else None
                pitch = float(pitched.group(1)) * PX_PER_POINT if pitched else None
            scale = PX_PER_POINT if at.group(2) == "pt" else 1
            words = "".join(p.find_all(string=True)).strip()
            bold = bool(words) and all(
                s.find_parent(["b", "strong"]) is not None
                for s in p.find_all(string=True)
                if s.strip()
            )
            top = float(at.group(1)) * scale
            rows.append(
                {"page": page, "height": height, "top": top, "left": float(at.group(3)) * scale,
                 "lines": lines, "size": size, "pitch": pitch, "bold": bold, "text": words}
            )  # fmt: skip
    _unsized_as_body(rows)
    return _placed_rows_as_blocks(rows), max((r["page"] for r in rows), default=1)


_PDF2HTMLEX_CLASS = re.compile(r"\.(x|y|h|fs|m)([0-9a-f]+)\{([^}]*)\}")
_CSS_LENGTH = {"x": "left", "y": "bottom", "h": "height", "fs": "font-size"}


# A page of a PDF's printed lines, each its own <p> (PyMuPDF's `get_text("xhtml")`): most of
# its lines that end no sentence go on, in lower case, on the next line. Of a web page's <p>
# paragraphs few do (a paragraph ends in a stop).
PRINTED_LINES_MIN = 8
PRINTED_LINES_RUN_ON = 0.3
_PAGE_ID = re.compile(r"page\d+")


def _printed_line_pages(soup) -> list[Line] | None:
    """The lines of HTML that writes a PDF page by page, each page a `div` whose id is
    "page<n>" holding the page's printed lines as <p> and the lines set in larger type as
    <h1>-<h6> (PyMuPDF's xhtml), read as the PDF's text is (`_plain_text_lines`: a wrapped
    paragraph's lines joined, a running header and "Page N" footer taken off), its h-tags as
    headings. None for any other HTML, and for pages whose <p> are paragraphs."""
    body = soup.body or soup
    pages = [
        d for d in body.find_all("div", recursive=False) if _PAGE_ID.fullmatch(d.get("id", ""))
    ]
    if not pages or len(pages) != len(body.find_all(recursive=False)):
        return None
    texts: list[list[str]] = []
    # each text's occurrences in turn, whether each was set as a heading (a chapter's "1.
    # Organisational delivery" is one; the same words in bold over the ratings rows are not)
    heads: dict[str, list[bool]] = {}
    prose: list[str] = []
    for page in pages:
        for sup in page.find_all("sup"):  # a note's marker, as the PDF printed it
            if sup.get_text().strip().isdigit():
                sup.replace_with(sup.get_text().strip().translate(TO_SUPERSCRIPT))
        page_lines = []
        for el in page.find_all(re.compile(r"^(?:p|h[1-6])$")):
            text = " ".join(el.get_text().split())
            if text:
                page_lines.append(text)
                heads.setdefault(text, []).append(el.name != "p")
                if el.name == "p":
                    prose.append(text)
        texts.append(page_lines)
    ends = sum(not a.endswith(tuple(SENTENCE_ENDS)) for a in prose[:-1])
    runs_on = sum(_wraps(a, b) for a, b in itertools.pairwise(prose))
    if len(prose) < PRINTED_LINES_MIN or not ends or runs_on < PRINTED_LINES_RUN_ON * ends:
        return None
    lines = _plain_text_lines("\f".join("\n".join(page) for page in texts))
    seen: dict[str, int] = {}
    for ln in lines:
        text = ln.text.strip()
        if ln.role is None and text in heads:
            n = seen[text] = seen.get(text, -1) + 1
            if n < len(heads[text]) and heads[text][n]:
                ln.role = "heading"
    return lines


def _pdf2htmlex_blocks(soup, css: str) -> tuple[list[dict], int] | None:
    """The text blocks (as `ingest.pdftext` gives a PDF's) of the HTML pdf2htmlEX makes of a
    PDF, or None for any other HTML. Each printed line is a `div.t` inside a page's `div.pf`,
    placed and sized only through generated classes (`x…` left, `y…` bottom, `fs…` type size,
    `m…` a scaling matrix, `ff…` the font); the outline beside the pages is navigation. A line
    in another font than most of the body's is read as bold. The lines are then grouped as
    `_positioned_blocks` groups pdftohtml's."""
    pages = soup.select("div#page-container div.pf")
    if not pages or not any(pg.select("div.t") for pg in pages):
        return None
    sizes: dict[tuple[str, str], float] = {}
    for kind, key, rules in _PDF2HTMLEX_CLASS.findall(css):
        if kind == "m":
            matrix = re.search(r"matrix\(\s*(-?[\d.]+)", rules)
            if matrix:
                sizes.setdefault((kind, key), abs(float(matrix.group(1))) or 1.0)
            continue
        # (the screen style sheet's pixels come first; a print sheet's points after them)
        value = re.search(rf"(?<![-\w]){_CSS_LENGTH[kind]}:\s*(-?[\d.]+)px", rules)
        if value:
            sizes.setdefault((kind, key), float(value.group(1)))

    def size_of(classes: list[str], kind: str, default: float) -> float:
        for c in classes:
            if c.startswith(kind) and (kind, c[len(kind) :]) in sizes:
                return sizes[(kind, c[len(kind) :])]
        return default

    z = PX_PER_POINT  # the blocks are read back as pdftohtml's pixels
    rows: list[dict] = []
    for number, page in enumerate(pages, start=1):
        height = size_of(page.get("class") or [], "h", PAGE_HEIGHT_PX / z)
        for line in page.select("div.t"):
            text = " ".join(line.get_text().split())
            classes = line.get("class") or []
            if not text:
                continue
            scale = size_of(classes, "m", 1.0)
            type_size = size_of(classes, "fs", 10.0) * scale
            bottom = size_of(classes, "y", 0.0)
            top = height - bottom - size_of(classes, "h", type_size / scale) * scale
            font = next((c for c in classes if c.startswith("ff")), "")
            rows.append(
                {"page": number, "height": height * z, "top": top * z,
                 "left": size_of(classes, "x", 0.0) * z, "lines": [text],
                 "size": type_size * z, "pitch": type_size * 1.2 * z, "font": font, "text": text}
            )  # fmt: skip
    rows = _note_markers_placed(rows)
    body = Counter(
        r["font"]
        for r in rows
        if 0.08 * r["height"] < r["top"] < 0.92 * r["height"]
        for _ in r["text"]
    )
    body_font = body.most_common(1)[0][0] if body else ""
    for r in rows:
        r["bold"] = r.pop("font") != body_font
    return _placed_rows_as_blocks(rows), len(pages)


def _note_markers_placed(rows: list[dict]) -> list[dict]:
    """A note's number set as a line of its own in small type (pdf2htmlEX places a
    superscript apart from its line) joins the line it stands level with: after its words as
    superscript digits ("England and Wales¹"), or before a footnote's text when it stands to its
    left ("2 AssetPlus is …"), as the PDF reader reads them."""
    sized = Counter(r["size"] for r in rows for _ in r["text"])
    body = sized.most_common(1)[0][0] if sized else 0.0
    markers = [
        r for r in rows if r["text"].isdigit() and len(r["text"]) <= 2 and r["size"] < 0.9 * body
    ]
    lines = [r for r in rows if id(r) not in {id(m) for m in markers}]
    placed: set[int] = set()
    for m in markers:
        middle = m["top"] + m["size"] / 2
        level = [
            r
            for r in lines
            if r["page"] == m["page"] and r["top"] - m["size"] <= middle <= r["top"] + r["pitch"]
        ]
        if not level:
            continue  # read in its place, as before
        line = min(level, key=lambda r: abs(r["top"] + r["size"] / 2 - middle))
        if m["left"] < line["left"]:
            line["text"] = line["lines"][0] = f"{m['text']} {line['text']}"
            line["left"] = m["left"]  # (the note's next line starts under its number)
        else:
            line["text"] = line["lines"][0] = line["text"] + m["text"].translate(TO_SUPERSCRIPT)
        placed.add(id(m))
    return [r for r in rows if id(r) not in placed]


def _unsized_as_body(rows: list[dict]) -> None:
    """Placed lines whose size the file does not give are in the body's size: that of most of
    the text whose size it gives, running headers and footers aside; 10pt where none is."""
    known = Counter(
        r["size"]
        for r in rows
        if r["size"] is not None and 0.08 * r["height"] < r["top"] < 0.92 * r["height"]
        for _ in r["text"]
    )
    body_px = known.most_common(1)[0][0] if known else 10 * PX_PER_POINT
    for r in rows:
        r["size"] = r["size"] or body_px
        r["pitch"] = r["pitch"] or r["size"] * 1.2


def _placed_rows_as_blocks(items: list[dict]) -> list[dict]:
    """`_positioned_blocks`' placed <p>s (in the file's order) as PDF text blocks, in points."""
    rows: list[list[dict]] = []
    for it in items:  # level with an item of the row being read: a cell of that row
        row = rows[-1] if rows else None
        if (
            row
            and row[0]["page"] == it["page"]
            and abs(row[0]["top"] - it["top"]) <= 2
            and len(it["lines"]) == 1
            and all(len(c["lines"]) == 1 for c in row)
        ):
            row.append(it)
        else:
            rows.append([it])
    blocks: list[dict] = []
    last: dict | None = None  # the block being grown and its last line's top
    for row in rows:
        row.sort(key=lambda c: c["left"])
        first = row[0]
        last_top, bottom = _placed_extent(first)
        if (
            last is not None
            and len(row) == 1
            and not last["cells"]  # (a table row's next line is its cell's: below)
            and last["page"] == first["page"]
            and last["size_px"] == first["size"]
            and last["bold"] == first["bold"]
            and 0 < first["top"] - last["last_top"] <= LINE_PITCH * first["size"]
            and first["left"] >= last["text_left"] - 2
        ):
            last["lines"] += first["lines"]
            last["last_top"], last["bottom_px"] = last_top, bottom
            last["right_px"] = max(last["right_px"], _placed_right(first))
            continue
        cell = next(
            (
                k
                for k, left in enumerate(last["cells"] if last is not None else [])
                if abs(first["left"] - left) <= 2
            ),
            None,
        )
        if (
            cell is not None
            and last is not None
            and len(row) == 1
            and len(first["lines"]) == 1
            and last["page"] == first["page"]
            and 0 < first["top"] - last["last_top"] <= LINE_PITCH * first["size"]
        ):
            # a table cell's next line, under the cell it wrapped in ("Chair of the board |
            # Detective Chief Superintendent" over "Neil Caverley"): that cell's
            cells = last["lines"][-1].split("\t")
            cells[cell] += " " + first["lines"][0]
            last["lines"][-1] = "\t".join(cells)
            last["last_top"], last["bottom_px"] = last_top, bottom
            continue
        if (
            last is not None
            and len(row) == 1
            and len(first["lines"]) == 1
            and len(last["lines"]) <= FIGURE_LABEL_LINES
            and last["page"] == first["page"]
            and last["top_px"] - 2 <= first["top"] < last["bottom_px"]
            and first["left"] > last["text_left"] + FIGURE_APART * first["size"]
            and _a_figure(first["text"])
        ):
            # a key fact's figure set beside its label, level with the label's lines ("Children
            # supervised … in / the year to 30 September 2021" beside "214"): its value cell
            last["lines"] = [" ".join(last["lines"]) + "\t" + first["lines"][0]]
            last["cells"] = [last["text_left"], first["left"]]
            continue
        marked = len(row) == 2 and MARGIN_MARKER.match(row[0]["text"])
        # (a paragraph's number in the margin may be set a size smaller than its text: the
        # block is in its text's size, so its next line, in that size, runs on)
        last = {
            "page": first["page"], "height": first["height"],
            "size_px": row[-1]["size"] if marked else first["size"],
            "bold": all(c["bold"] for c in row), "top_px": first["top"],
            "lines": list(first["lines"]) if len(row) == 1 else ["\t".join(c["lines"][0] for c in row)],
            "last_top": last_top, "bottom_px": bottom, "left_px": first["left"],
            "text_left": row[-1]["left"] if marked else first["left"],
            "right_px": max(_placed_right(c) for c in row),
            # where a table row's cells start (a row of one is no table's)
            "cells": [c["left"] for c in row] if len(row) > 1 and not marked else [],
        }  # fmt: skip
        blocks.append(last)
    z = PX_PER_POINT
    return [
        {
            "text": "\n".join(b["lines"]),
            "page": b["page"],
            "size": b["size_px"] / z,
            "bold": b["bold"],
            # as the PDF reader marks a running header or footer: near the page's edge
            "edge": b["bottom_px"] < 0.08 * b["height"] or b["top_px"] > 0.92 * b["height"],
            "top": round(b["top_px"] / z, 1),
            "bottom": round(b["bottom_px"] / z, 1),
            "left": round(b["left_px"] / z, 1),
            "right": round(b["right_px"] / z, 1),
        }
        for b in blocks
    ]


FIGURE_LABEL_LINES = 3  # the most lines a key fact's label beside its figure runs to
FIGURE_APART = 8  # of the type size: how far right of its label's start a figure beside it is


def _a_figure(text: str) -> bool:
    """A figure standing alone: a number, a share or a sum ("214", "33.6%", "£2.7m")."""
    return bool(re.fullmatch(r"[£$€]?\d[\d,.]*\s?(?:%|m|k|bn|million)?", text.strip()))


def _placed_extent(item: dict) -> tuple[float, float]:
    """Where a placed <p>'s last line starts and where it ends below, in pixels."""
    last_top = item["top"] + (len(item["lines"]) - 1) * item["pitch"]
    return last_top, last_top + item["pitch"]


def _placed_right(item: dict) -> float:
    """Where a placed <p>'s longest line ends, in pixels (the file gives no width): its
    characters at an average width."""
    return item["left"] + max(len(t) for t in item["lines"]) * CHAR_WIDTH * item["size"]


_HIDDEN_STYLE = re.compile(r"display\s*:\s*none", re.I)


def _hidden_dropped(soup) -> None:
    """What a browser does not show is not the report's text: an element styled
    `display:none` (an email's preheader, the teaser a mail client lists beside the subject),
    or marked `hidden`."""
    for el in soup.find_all(
        lambda t: _HIDDEN_STYLE.search(t.get("style") or "") or t.has_attr("hidden")
    ):
        if not el.decomposed:
            el.decompose()


def _permalinks_dropped(soup) -> None:
    """A heading's permalink (MkDocs and Sphinx print "¶" after every heading, other sites "#"
    or "§", each a link to the heading's own anchor) is no word of the heading: a link to a
    place on the same page whose text holds no letter or digit."""
    for a in soup.find_all("a", href=True):
        said = a.get_text().strip()
        if (
            a["href"].startswith("#")
            and said
            and len(said) <= 2
            and not any(c.isalnum() for c in said)
        ):
            a.decompose()


def _layout_tables_unwrapped(soup) -> None:
    """A table used to lay a page out (as an HTML email is built: a table of one column, its
    cells holding the letter's headings, paragraphs and further tables) is no table of data:
    where any of its cells holds a heading or more than one block, or a cell of a table of one
    column holds another table, each of its cells is read as a block of the page, in order,
    and the tables inside are weighed in turn. A table of values (a label and its value, a
    bullet and its text) keeps its rows."""
    # (in document order, outermost first: unwrapping a table moves the tables inside it,
    # whole, to its place, where they are weighed next)
    for table in soup.find_all("table"):
        rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
        cells = [c for tr in rows for c in tr.find_all(["td", "th"], recursive=False)]
        # (a box of one cell is `_boxes_unboxed`'s: its title is no heading of the page)
        one_column = len(cells) == len(rows)
        if len(cells) < 2 or not any(
            (one_column and c.find("table") is not None)
            or len(c.find_all(_HTML_BLOCK_NAMES, recursive=False)) >= 2
            or c.find(re.compile(r"^h[1-6]$")) is not None
            for c in cells
        ):
            continue
        for cell in cells:
            cell.name = "div"
            table.insert_before(cell.extract())
        table.decompose()


def _boxes_unboxed(soup) -> None:
    """A table of one cell that holds paragraphs (a "Key facts" box, as Word's HTML export
    sets a shaded box) is no table: its paragraphs are read as the page's, not as one row."""
    for table in soup.find_all("table"):
        rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
        cells = rows[0].find_all(["td", "th"], recursive=False) if len(rows) == 1 else []
        blocks = (
            [c for c in cells[0].find_all(_HTML_BLOCK_NAMES, recursive=False)]
            if len(cells) == 1
            else []
        )
        if len(blocks) >= 2:
            # (its title heads the box, not the page's text after it: a line of plain text)
            title = blocks[0]
            if len(title.get_text(" ", strip=True).split()) <= BOX_TITLE_WORDS:
                plain = soup.new_tag("p")
                plain.string = " ".join(title.get_text(" ").split())
                title.replace_with(plain)
            for child in list(cells[0].contents):
                table.insert_before(child.extract())
            table.decompose()


# "Copy to", "Key facts", "Distribution list:": a label this short over a table names it; a
# longer line is a sentence's opening
TABLE_LABEL_WORDS = 4
BOX_TITLE_WORDS = 6  # "Key facts", "At a glance": a box's title, not its text
_HTML_BLOCK_NAMES = ["p", "div", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table"]
LIST_GLYPHS = "•·▪●◦–-*"  # a list item's bullet, typed into its text (Word's HTML export)


def _list_labels(out: list[Line], bold_lines: list[int]) -> None:
    """Where <h> tags (or a Word document's Heading styles) mark the headings, a bold line right
    above a list ("Strengths" over its items, as Word's HTML export sets it; "Copy to" over its
    bullets) heads that list, a level below the heading above."""
    level = 1  # the level a label takes: below the last heading, beside a list's heading
    at = 0
    for i in bold_lines:
        for line in out[at:i]:
            if line.role == "heading":
                level = (line.level or level) - (1 if list_kind(line.text.rstrip(": ")) else 0)
        at = i
        after = out[i + 1] if i + 1 < len(out) else None
        if (
            out[i].role == "p"
            and after is not None
            and (
                after.role == "li"
                or after.text.lstrip()[:1] in LIST_GLYPHS
                # (a short name over a table: "Copy to" over its rows of roles and names)
                or (after.role == "tr" and len(out[i].text.split()) <= TABLE_LABEL_WORDS)
            )
        ):
            out[i] = Line(out[i].text, None, "heading", min(level + 1, 6))


# A report saved as a whole web page brings the site's own parts: its banner, navigation,
# cookie notice, breadcrumbs and footer, marked by the roles and class names sites give them.
_CHROME_ROLES = frozenset(["navigation", "banner", "contentinfo", "search"])
_CHROME_CLASSES = ("cookie", "breadcrumb", "skip-link", "share", "tags")


def _without_site_chrome(soup):
    """The page without the site around the report: inside <main> when it has one, without
    navigation (menus, a contents list of links to its own headings), banners, cookie
    notices, breadcrumbs, and the page's own header and footer (not an article's)."""
    main = soup.find("main") or soup.find(attrs={"role": "main"})
    root = main if main is not None else soup
    chrome = [el for el in root.find_all(True) if _is_chrome(el)]
    for el in chrome:
        if not el.decomposed:
            el.decompose()
    return root


def _is_chrome(el) -> bool:
    if el.name == "nav" or el.get("role") in _CHROME_ROLES:
        return True
    marks = " ".join([el.get("id") or "", *(el.get("class") or [])]).lower()
    if any(mark in marks for mark in _CHROME_CLASSES):
        return True
    if el.name in ("header", "footer") and el.find_parent(["article", "main"]) is None:
        return el.find(["h1", "h2"]) is None  # the page's, unless it carries the title
    if el.name in ("ul", "ol"):  # a contents list: every item a link to the page's headings
        items = el.find_all("li", recursive=False)
        return bool(items) and all(_links_within_page(li) for li in items)
    if el.name == "aside":  # a sidebar of links to the page's own headings, under its title
        links = el.find_all("a")
        return len(links) >= MIN_CONTENTS_LINKS and all(_within_page(a) for a in links)
    if el.name == "p":  # "Print this page", "Back to top": a link that does something
        return _links_within_page(el)
    return False


MIN_CONTENTS_LINKS = 3


def _within_page(link) -> bool:
    """A link to a heading of the page itself, or one that runs a script ("Print")."""
    href = (link.get("href") or "").strip().lower()
    return href.startswith("#") or href.startswith("javascript:")


def _links_within_page(item) -> bool:
    links = item.find_all("a")
    text = " ".join(_shown_text(item).split())
    linked = " ".join(" ".join(_shown_text(a).split()) for a in links)
    return bool(links) and all(_within_page(a) for a in links) and text == linked


def _html_term_pair(dt) -> tuple[str, str, object] | None:
    """A description list's term, the short description after it, and that <dd>; None where
    the description is set in paragraphs or lists (prose, not a value) or is long."""
    dd = dt.find_next_sibling(["dt", "dd"])
    if dd is None or dd.name != "dd":
        return None
    inner = dd.find_all(list(_HTML_ANY_BLOCK))
    # (a value in one paragraph of its own, as docutils sets a field list's, is still a value;
    # a sentence there is a description)
    if inner and not (len(inner) == 1 and inner[0].name == "p"):
        return None
    label, value = _html_text(dt).rstrip(":").strip(), _html_text(dd)
    if inner and value.rstrip().endswith((".", "!", "?")):
        return None
    if not label or not value or len(value.split()) > FIELD_VALUE_WORDS:
        return None
    return label, value, dd


def _html_term_field(dt) -> tuple[str, object] | None:
    """A description list's term and the description after it as one "Label: value" line
    (and that <dd>), when the term is short enough to be a field's label; else None."""
    pair = _html_term_pair(dt)
    if pair is None or len(pair[0].split()) > FIELD_LABEL_WORDS:
        return None
    return f"{pair[0]}: {pair[1]}", pair[2]


def _html_term_row(dt) -> tuple[str, object] | None:
    """A description list's term too long to be a field's label, and the short description
    after it, as a row of two cells (and that <dd>); else None."""
    pair = _html_term_pair(dt)
    return (f"{pair[0]}\t{pair[1]}", pair[2]) if pair is not None else None


_HTML_BROKEN = frozenset(["p", "dd", "dt", "blockquote"])  # blocks whose <br>s end lines
FIELD_LABEL_WORDS = 6  # "Lead inspector:", "Date of publication:"
FIELD_VALUE_WORDS = 30  # a description list's value; a longer one is prose
_BR = "\x00"


def _html_text(el) -> str:
    return _tidy(_shown_text(el))


# elements that part their text from the text around them (a browser sets them apart)
_HTML_PARTING = frozenset(["br", "td", "th", "tr", "hr", "img"])


def _shown_text(el) -> str:
    """The text an element shows, as a browser lays it out: inline elements run together (an
    export from Google Docs splits words across <span>s, "Gove</span><span>rnance": it was
    read "Gove rnance"), while a block, a table cell or a line break parts its text from the
    text around it."""
    pieces: list[str] = []
    for node in el.descendants:
        name = getattr(node, "name", None)
        if name is None:
            if type(node).__name__ == "NavigableString":
                text = str(node)
                up = node.parent
                above = (
                    getattr(up, "name", None),
                    getattr(getattr(up, "parent", None), "name", None),
                )
                if text.strip().isdigit() and "sup" in above:
                    # a footnote's number set as superscript ("rate<sup>1</sup>"), as a reader
                    # sees it: "rate¹", not "rate1"
                    text = text.strip().translate(TO_SUPERSCRIPT)
                pieces.append(text)
        elif name in _HTML_ANY_BLOCK or name in _HTML_PARTING:
            pieces.append(" ")
    return "".join(pieces)


def _tidy(text: str) -> str:
    """Runs of white space as one space, none before a stop or closing bracket."""
    return re.sub(r"\s+([.,;:!?)])", r"\1", " ".join(text.split()))


def _html_broken_lines(el) -> list[str]:
    """A block's lines where <br>s break it ("Published: 19 August 2021<br>Lead inspector:
    …": a header block of fields, an address). A break inside a sentence (the line before it
    ends without a stop and the next begins in lower case) only wraps it: the two are one
    line. Replaces the block's <br>s; its text is read once. [] when it has none."""
    if el.find("br") is None:
        return []
    for br in el.find_all("br"):
        br.replace_with(_BR)
    lines: list[str] = []
    for piece in _shown_text(el).split(_BR):
        text = _tidy(piece)
        if not text:
            continue
        if lines and _wraps(lines[-1], text):
            lines[-1] += " " + text
        else:
            lines.append(text)
    return lines


def _field_shaped(line: str) -> bool:
    """ "Label: value", the label a few words."""
    label, colon, value = line.partition(":")
    return bool(colon and value.strip() and 0 < len(label.split()) <= FIELD_LABEL_WORDS)


def _chapter_number(heading: str) -> str | None:
    """ "2. Introduction" or "2 Introduction": "2"; None for an unnumbered heading."""
    first = heading.split(maxsplit=1)[0] if heading.split() else ""
    number = first.rstrip(".")
    return number if number.isdigit() and len(heading.split()) > 1 else None


# a style sheet's rules for one class (".c3{font-weight:700;font-size:14pt}"), and the number
# it draws before a list's items (".lst-kix_abc-0>li:before{content:"2.2." counter(…) " "}")
_CSS_CLASS_RULE = re.compile(r"(?<![\w>-])\.([\w-]+)\s*\{([^{}]*)\}")
_CSS_BEFORE = re.compile(r"\.([\w-]+)\s*>\s*li:before\s*\{[^{}]*?content\s*:\s*([^;{}]*)")
_CSS_INCREMENT = re.compile(r"\.([\w-]+)\s*>\s*li\s*\{[^{}]*?counter-increment\s*:\s*([\w-]+)")
_CSS_CONTENT = re.compile(r'"((?:[^"\\]|\\.)*)"|counter\(\s*([\w-]+)\s*(?:,\s*([\w-]+)\s*)?\)')
_CSS_STYLES = {"decimal": "decimal", "lower-alpha": "lowerLetter", "lower-latin": "lowerLetter"}
_CSS_STYLES |= {"upper-alpha": "upperLetter", "upper-latin": "upperLetter"}
_CSS_STYLES |= {"lower-roman": "lowerRoman", "upper-roman": "upperRoman"}
_CSS_SIZE = re.compile(r"font-size\s*:\s*(\d+(?:\.\d+)?)pt")


def _inline_class_styles(soup, css: str) -> None:
    """Write each element's class rules (a one-class selector's: `.c3{font-weight:700}`) into
    its `style`, as a browser applies them: a page exported from Google Docs sets its headings'
    weight and size by class only, and read without its style sheet it had no bold and no
    sizes."""
    rules: dict[str, str] = {}
    for m in _CSS_CLASS_RULE.finditer(css):
        rules[m.group(1)] = rules.get(m.group(1), "") + m.group(2) + ";"
    if not rules:
        return
    for el in soup.find_all(class_=True):
        styles = [rules[c] for c in el.get("class") or () if c in rules]
        if styles:
            el["style"] = "".join(styles) + (el.get("style") or "")


TITLE_PT = 20.0  # type this large sets a title: no body text or heading below it is set so


def _font_size(el) -> float:
    """The largest font size (points) the element's text is set in by an inline style."""
    sizes = [
        float(m.group(1))
        for node in [el, *el.find_all(style=True)]
        for m in _CSS_SIZE.finditer(node.get("style") or "")
    ]
    return max(sizes, default=0.0)


def _body_font_size(soup) -> float:
    """The font size (points) most of the page's text is set in, by inline styles; 0 where
    none is set."""
    by_size: Counter[float] = Counter()
    for el in soup.find_all(style=True):
        m = _CSS_SIZE.search(el.get("style") or "")
        if m:
            by_size[float(m.group(1))] += len(el.get_text())
    return by_size.most_common(1)[0][0] if by_size else 0.0


def _html_list_numbers(soup, css: str) -> dict[int, tuple[str, bool]]:
    """The number a browser draws before each <ol> item, by the item's id(): its `value`, or
    the list's `start` plus its place; a lettered or Roman `type` as the browser writes it;
    where the page's style sheet draws the number (`li:before` content, as Google Docs
    exports its lists: "2.2." and the list's counter), that whole number (True beside it). No
    entry for an item of a <ul> or of a list drawn without numbers. Items in document order,
    so that a nested list's number may print its parent's counter."""
    fmt = {"a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}
    drawn = {m.group(1): m.group(2) for m in _CSS_BEFORE.finditer(css)}
    counter_of = {m.group(1): m.group(2) for m in _CSS_INCREMENT.finditer(css)}
    values: dict[str, int] = {}  # a counter's value where the last item set it
    at: dict[int, int] = {}  # a list's last number, by the list's id()
    out: dict[int, tuple[str, bool]] = {}
    for item in soup.find_all("li"):
        ol = item.parent
        if ol is None or ol.name != "ol" or "none" in (ol.get("style") or "").replace(" ", ""):
            continue
        n = _int(item.get("value"), at.get(id(ol), _int(ol.get("start"), 1) - 1) + 1)
        at[id(ol)] = n
        css_class = next((c for c in ol.get("class") or () if c in drawn), None)
        if css_class is None:
            out[id(item)] = (_docx_number(n, fmt.get(ol.get("type") or "1", "decimal")), False)
            continue
        values[counter_of.get(css_class, f"lst-ctn-{css_class}")] = n
        number = "".join(
            literal
            if counter is None
            else _docx_number(
                values.get(counter, 0), _CSS_STYLES.get(style or "decimal", "decimal")
            )
            for literal, counter, style in (
                (m.group(1), m.group(2), m.group(3))
                for m in _CSS_CONTENT.finditer(drawn[css_class])
            )
        ).strip()
        if number and not number.startswith("\\"):  # a bullet glyph ("\25cf") draws no number
            out[id(item)] = (number, True)
    return out


_HTML_BOLD = frozenset({"strong", "b"})


def _html_bold_only(el) -> bool:
    """Is every character of the block's text inside a <strong> or <b>, or an element whose
    style sets a bold weight (`<span style="font-weight:bold">`, as webmail writes it)?"""
    for piece in el.find_all(string=True):
        if piece.strip() and not any(_bold_tag(p) for p in piece.parents if p is not el):
            return False
    return bool(el.get_text().strip())


_BOLD_WEIGHT = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)\b", re.I)


def _bold_tag(el) -> bool:
    return el.name in _HTML_BOLD or bool(_BOLD_WEIGHT.search(el.get("style") or ""))


# Text a page sets in a container of its own, outside any block tag (<div class="heading-2">
# Context</div>, <span class="para-num">2.3</span><p>…</p>): the tags that hold such text.
_HTML_CONTAINERS = frozenset(
    ["div", "section", "article", "main", "body", "header", "footer", "details", "aside"]
)
_HTML_ANY_BLOCK = _HTML_BLOCKS | _HTML_CONTAINERS | {"table", "ul", "ol", "dl", "figure", "form"}
# class names a content-management system gives headings set as <div> or <p>
_HEADING_CLASSES = ("heading", "subhead", "title")
HTML_MARKER_WORDS = 1  # "2.3", "•": the text set beside a paragraph, not a paragraph itself


def _paragraphs_of_paragraphs(soup) -> None:
    """A paragraph that holds paragraphs is their container, not one paragraph: LibreOffice's
    HTML export sets a page's text frames (a cover's title, its date, its copyright line) as
    `<span>`s of `<p>`s inside one `<p>`, and read as one they ran the title into the lines
    around it (the area was read as "Wrendleby An")."""
    for p in soup.find_all("p"):
        if p.find(_HTML_BLOCK_NAMES) is not None:
            p.name = "div"


def _anonymous_blocks(root) -> None:
    """Text set in a container outside any block tag is read as a block of its own, as a
    browser lays it out: a run of it becomes a <p> (keeping the container's class, which may
    say it is a heading), and a number or bullet set beside the block after it opens that block
    ("2.3" before "<p>Judgements…"), as if typed. A run of "Label: value" spans is a line each.
    Nothing a page prints is lost for sitting in a <div>."""
    for box in [root, *root.find_all(_HTML_CONTAINERS)]:
        run: list = []
        for child in [*box.contents, None]:
            if child is not None and not _holds_block(child):
                run.append(child)
                continue
            text = " ".join("".join(_node_text(n) for n in run).split())
            if text:
                pieces = [" ".join(_node_text(n).split()) for n in run]
                pieces = [x for x in pieces if x]
                lines = _broken_run(run, box)
                if len(lines) >= 2:
                    # "text<br><br><b>Heading</b><br>text": a webmail letter in one <div>,
                    # its lines set apart by <br>s, each a block as the browser shows it
                    for line, bold in lines:
                        run[0].insert_before(_new_p(root, line, box, bold))
                elif len(pieces) >= 2 and all(map(_field_shaped, pieces)):
                    for piece in pieces:
                        run[0].insert_before(_new_p(root, piece, box))
                elif (
                    child is not None
                    and child.name == "p"
                    and len(text.split()) <= HTML_MARKER_WORDS
                ):
                    child.insert(0, f"{text} ")
                else:
                    bold = all(_html_bold_node(n, box) for n in run if _node_text(n).strip())
                    run[0].insert_before(_new_p(root, text, box, bold))
                for n in run:
                    n.extract()
            run = []


def _broken_run(run: list, box) -> list[tuple[str, bool]]:
    """A run of inline text split where its <br>s break it: each line's text and whether all of
    it is bold. A break inside a sentence (`_wraps`) only wraps it. [] when no <br> breaks the
    run into two lines."""
    if not any(getattr(n, "name", None) == "br" for n in run):
        return []
    groups: list[list] = [[]]
    for n in run:
        if getattr(n, "name", None) == "br":
            groups.append([])
        else:
            groups[-1].append(n)
    lines: list[tuple[str, bool]] = []
    for group in groups:
        text = " ".join("".join(_node_text(n) for n in group).split())
        if not text:
            continue
        bold = all(_html_bold_node(n, box) for n in group if _node_text(n).strip())
        if lines and _wraps(lines[-1][0], text):
            lines[-1] = (f"{lines[-1][0]} {text}", lines[-1][1] and bold)
        else:
            lines.append((text, bold))
    return lines if len(lines) >= 2 else []


def _wraps(line: str, after: str) -> bool:
    """Does a <br> between these two lines only wrap a sentence (the line ends without a stop
    and the next begins in lower case)?"""
    return not line.endswith((".", "!", "?", ":", ";")) and after[:1].islower()


def _html_bold_node(node, box) -> bool:
    """Is the node's text bold: a <b> or <strong>, or a style setting a bold weight, on it or
    an element around it inside `box`?"""
    el = node if getattr(node, "name", None) else node.parent
    while el is not None and el is not box:
        if _bold_tag(el):
            return True
        el = el.parent
    return False


def _row_texts(cells: list, spans: dict[int, tuple[str, int]]) -> list[str]:
    """A table row's cell texts, a cell spanning rows above it (rowspan) repeated in its column
    ("Youth rehabilitation order | With intensive supervision … | 2" under "Youth
    rehabilitation order | Supervision only | 6"). `spans` carries them from row to row."""
    texts: list[str] = []
    queue = list(cells)
    while queue or len(texts) in spans:
        col = len(texts)
        if col in spans:
            text, left = spans.pop(col)
            if left > 1:
                spans[col] = (text, left - 1)
            texts.append(text)
            continue
        cell = queue.pop(0)
        text = " ".join(_shown_text(cell).split())
        rows = str(cell.get("rowspan") or "1")
        if rows.isdigit() and 1 < int(rows) <= MAX_ROWSPAN:
            spans[col] = (text, int(rows) - 1)
        texts.append(text)
    return texts


MAX_ROWSPAN = 1000  # a larger rowspan is no table a report prints


def _holds_block(node) -> bool:
    name = getattr(node, "name", None)
    return name is not None and (name in _HTML_ANY_BLOCK or node.find(_HTML_ANY_BLOCK) is not None)


def _node_text(node) -> str:
    """The text a node shows: none for a doctype, comment or processing instruction."""
    if getattr(node, "name", None):
        return _shown_text(node)
    return str(node) if type(node).__name__ == "NavigableString" else ""


def _new_p(root, text: str, box, bold: bool = False):
    soup = _soup_of(root)
    p = soup.new_tag("p")
    if bold:  # kept, so that a bold line may head a part
        b = soup.new_tag("b")
        b.string = text
        p.append(b)
    else:
        p.string = text
    classes = [c for c in box.get("class") or [] if any(h in c.lower() for h in _HEADING_CLASSES)]
    if classes and box.name != "body":
        p["class"] = classes
    return p


def _soup_of(node):
    while node.parent is not None:
        node = node.parent
    return node


def _heading_level(el) -> int:
    """The level of a heading tag (<h2>: 2), or of a block whose class names a heading
    ("heading-2": 2, "page-title": 1, "subhead": 3); 0 for any other block."""
    if el.name[0] == "h" and el.name[1:].isdigit():
        return int(el.name[1])
    for c in el.get("class") or []:
        c = c.lower()
        if "title" in c:
            return 1
        if "subhead" in c:
            return 3
        if "heading" in c:
            digits = "".join(ch for ch in c if ch.isdigit())
            return int(digits) if digits and 0 < int(digits) <= 6 else 2
    return 0


def _outermost(root, names: frozenset[str]) -> list:
    """The tags named `names` under `root` that sit inside no other of them, in document order.

    A block inside another block is read as part of it (a `<p>` inside an `<li>`), so every
    character of text is read once, however deeply the blocks nest. One walk down the tree."""
    found = []
    stack = list(reversed(root.contents))
    while stack:
        node = stack.pop()
        name = getattr(node, "name", None)
        if name is None:
            continue
        if name in names:
            found.append(node)
            continue
        stack.extend(reversed(node.contents))
    return found


def _docx_lines(path: Path, data: bytes, settings: Settings) -> list[Line]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    broken = (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, zlib.error, EOFError)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unzipped = sum(member.file_size for member in archive.infolist())
    except broken as exc:
        raise _not_word(path) from exc
    if unzipped > DOCX_MAX_EXPANSION * settings.max_file_bytes:
        raise FileTooLarge(
            path,
            f"unzips to {unzipped / 1048576:.1f} MB, over {DOCX_MAX_EXPANSION} times the "
            f"{settings.max_file_mb:g} MB limit (a zip bomb, or a document padded with huge "
            "embedded files). Save it again without them, or raise FINDINGS_MAX_FILE_MB if it "
            "really is one report.",
        )
    try:
        document = docx.Document(io.BytesIO(data))
        if document.element.body is None:
            raise UnreadableFile(
                path, "is not a valid Word document: it has no body. Save it again from Word."
            )
        drawn = _drawn_pages(document)
        if drawn is not None:  # a PDF imported into Word as placed text: read as the PDF
            return _pdf_structure(*drawn)
        return _docx_document_lines(document)
    except broken as exc:
        raise _not_word(path) from exc
    except etree.XMLSyntaxError as exc:
        raise UnreadableFile(
            path,
            f"is not a valid Word document: its XML is malformed ({_detail(exc)}). Save it again "
            "from Word.",
        ) from exc


def _drawn_pages(document) -> tuple[list[dict], int] | None:
    """The text blocks (as `ingest.pdftext` gives a PDF's) of a Word file whose text is set in
    frames placed on the page, a line each (LibreOffice imports a PDF so: "Open with Writer",
    then "Save as Word"), or None for any other Word file. Read as a flow, every printed line
    was a paragraph of its own and nothing had a heading. A page ends where a frame is placed
    well above the one before it; a frame's size and boldness are its runs'."""
    body = document.element.body
    anchors = [
        a
        for a in body.iter(f"{_WP}anchor")
        if not any(x.tag == f"{_MC}Fallback" for x in a.iterancestors())
    ]
    placed = [(a, t) for a in anchors if (t := _box_texts(a))]
    drawn = sum(len(" ".join(t)) for _, t in placed)
    flowing = sum(len(_docx_text(p)) for p in body.iter(f"{_W}p") if not _inside_text_box(p))
    if not placed or drawn < MIN_PLACED * (drawn + flowing):
        return None
    size = body.find(f".//{_W}sectPr/{_W}pgSz")
    height_pt = int(size.get(f"{_W}h")) / 20 if size is not None and size.get(f"{_W}h") else 842
    frames: list[dict] = []
    page, last_top = 1, None
    for anchor, lines in placed:
        top = _emu_offset(anchor, "positionV") / EMU_PER_POINT
        if last_top is not None and top < last_top - NEW_PAGE_RISE * height_pt:
            page += 1
        last_top = top
        runs = [r for r in anchor.iter(f"{_W}r") if "".join(r.itertext()).strip()]
        sizes = [
            int(v) / 2
            for r in runs
            for e in r.iter(f"{_W}sz")
            if (v := e.get(f"{_W}val") or "").isdigit()
        ]
        extent = anchor.find(f"{_WP}extent")
        left = _emu_offset(anchor, "positionH") / EMU_PER_POINT
        wide = extent.get("cx") if extent is not None else None
        frames.append(
            {"page": page, "top": top, "left": left, "lines": lines,
             "right": left + int(wide) / EMU_PER_POINT if wide and wide.isdigit() else None,
             "size": max(sizes, default=None), "bold": bool(runs) and all(map(_run_bold, runs))}
        )  # fmt: skip
    z = PX_PER_POINT
    items = [
        {"page": f["page"], "height": height_pt * z, "top": f["top"] * z, "left": f["left"] * z,
         "lines": f["lines"], "size": f["size"] * z if f["size"] else None,
         "pitch": f["size"] * z * 1.2 if f["size"] else None, "bold": f["bold"],
         "text": " ".join(f["lines"])}
        for f in _one_line_pieces(frames)
    ]  # fmt: skip
    _unsized_as_body(items)
    return _placed_rows_as_blocks(items), page


EMU_PER_POINT = 12700
# frames on one printed line this many type sizes apart or closer are pieces of one text (a
# line set in two frames where its font changes, or around a footnote's marker)
PIECE_GAP = 0.8
# a frame this much smaller than the line beside it, raised above it, is a superscript
SUPERSCRIPT_SIZE = 0.85


def _one_line_pieces(frames: list[dict]) -> list[dict]:
    """Frames that print pieces of one line, side by side, joined left to right into one: a
    PDF's line is imported as a frame per font run, so "Serious Harm screening", its footnote's
    raised "2" and "had been completed …" were three frames, read as a table's row. A raised
    smaller number is a footnote's marker, joined as superscript digits (`screening²`)."""
    out: list[dict] = []
    for f in frames:
        # (a line's other frames come just before it: its number, a marker set apart)
        at = next(
            (j for j in range(len(out) - 1, max(-1, len(out) - 1 - PIECES_BACK), -1)
             if _beside(out[j], f)),
            None,
        )  # fmt: skip
        if at is None:
            out.append(f)
            continue
        a, b = (out[at], f) if out[at]["left"] <= f["left"] else (f, out[at])
        body = a if (a["size"] or 0) >= (b["size"] or 0) else b
        out[at] = {**body, "left": a["left"], "right": b["right"], "lines": [_joined_text(a, b)]}
    return out


PIECES_BACK = 3  # how far back a line's earlier piece may be among the frames read


def _beside(a: dict, b: dict) -> bool:
    """Are two one-line frames pieces of one printed line, next to each other?"""
    if a["page"] != b["page"] or len(a["lines"]) != 1 or len(b["lines"]) != 1:
        return False
    size = max(a["size"] or 0, b["size"] or 0) or 10.0
    if abs(a["top"] - b["top"]) > 0.45 * size:
        return False
    first, second = (a, b) if a["left"] <= b["left"] else (b, a)
    return first["right"] is not None and -0.2 * size <= second["left"] - first["right"] <= (
        PIECE_GAP * size
    )


def _joined_text(a: dict, b: dict) -> str:
    """The text of two pieces of a line, `a` left of `b`; a footnote's marker as superscript."""

    def marker(f: dict, other: dict) -> bool:
        return (
            f["lines"][0].isdigit()
            and (f["size"] or 0) < SUPERSCRIPT_SIZE * (other["size"] or 0)
            and f["top"] < other["top"]
        )

    if marker(b, a):
        return a["lines"][0] + b["lines"][0].translate(TO_SUPERSCRIPT)
    if marker(a, b):
        return f"{a['lines'][0].translate(TO_SUPERSCRIPT)} {b['lines'][0]}"
    return f"{a['lines'][0]} {b['lines'][0]}"


# a frame placed this share of a page above the frame before it starts the next page
NEW_PAGE_RISE = 0.25


def _box_texts(el) -> list[str]:
    """The paragraphs' texts of the text boxes in `el` (a placed frame, a paragraph that
    anchors a box), not a box's fallback copy for older readers."""
    return [
        text
        for box in el.iter(f"{_W}txbxContent")
        if not any(a.tag == f"{_MC}Fallback" for a in box.iterancestors())
        for q in box.iter(f"{_W}p")
        if (text := " ".join(_docx_text(q).split()))
    ]


def _emu_offset(anchor, axis: str) -> float:
    at = anchor.find(f"{_WP}{axis}/{_WP}posOffset")
    try:
        return float(at.text) if at is not None and at.text else 0.0
    except ValueError:
        return 0.0


def _run_bold(run) -> bool:
    """Is a run bold (`<w:b/>`, not `<w:b w:val="false"/>`)?"""
    b = run.find(f"{_W}rPr/{_W}b")
    return b is not None and (b.get(f"{_W}val") or "true").lower() not in ("false", "0", "off")


def _not_word(path: Path) -> UnreadableFile:
    return UnreadableFile(
        path, "is not a valid Word document (corrupt or truncated). Save it again from Word."
    )


_PAGE_NUMBER = re.compile(r"(?:page\s*)?\d+(?:\s*of\s*\d+)?", re.I)


def _letterhead_lines(document) -> list[Line]:
    """A letter's letterhead set in its first page's own header (Word's "Different first
    page": the sender's address, the date, a reference, the addressee), read before the body,
    as it is printed above it. Other pages' running headers are no text of the report."""
    from docx.table import Table

    sections = document.sections
    if not len(sections) or not sections[0].different_first_page_header_footer:
        return []
    header = sections[0].first_page_header
    if header.is_linked_to_previous:
        return []
    out: list[Line] = []
    for child in header._element.iterchildren():
        if child.tag == f"{_W}p":
            text = " ".join(_docx_text(child).split())
            if text and not _PAGE_NUMBER.fullmatch(text):
                out.append(Line(text, None, "p"))
        elif child.tag == f"{_W}tbl":
            out += _docx_table_lines(Table(child, header))
    return out


def _docx_document_lines(document) -> list[Line]:
    """The body in reading order: paragraphs and tables where they stand, each Word footnote
    after the paragraph that references it (its marker a superscript number in the text)."""
    from docx.table import Table

    out: list[Line] = _letterhead_lines(document)
    style_names: dict[str | None, str] = {}  # style id -> name: a lookup scans every style
    notes = _docx_footnotes(document)
    numbers = _DocxNumbers(document)
    listed: list[tuple[int, str, int, bool]] = []  # (line, list, level, heading-like) numbered
    bold_lines: list[int] = []  # all-bold short paragraphs: headings where no style marks any
    styled = False  # any paragraph in a Heading or Title style
    # a document converted from a PDF sets each printed line as a paragraph, with space after
    # only a paragraph's last line: a line with none after it runs on into the next
    spaced = _sets_space_after(document)
    runs_on = False  # the last paragraph read has no space after it
    running = _running_frames(document)
    edges = _running_edges(document)
    paged = False  # a page ended (a section break, a running footer) since the last paragraph
    for block in _docx_blocks(document):
        if isinstance(block, Table):
            out += _docx_table_lines(block)
            # the notes its cells reference ("Reoffending rate¹"), after it
            out += _docx_footnote_lines(
                block._tbl.xpath(".//w:footnoteReference/@w:id") if notes else [], notes
            )
            runs_on = False
            continue
        para = block
        if para._p in edges:  # a PDF's running header or page number, converted: no text
            paged = True
            continue
        boxed = _text_box_lines(para._p)
        if boxed:  # a text box anchored here (a sidebar): its paragraphs, before the anchor's
            out += boxed
            runs_on = False
        refs = para._p.xpath(".//w:footnoteReference/@w:id") if notes else []
        txt = _number_set_apart(para._p, " ".join(_docx_text(para._p, markers=bool(refs)).split()))
        if not txt:
            paged = paged or para._p.pPr is not None and para._p.pPr.sectPr is not None
            continue
        if _framed(para._p):
            # a frame placed on the page by itself (a cover's title, a page's footer): a
            # running footer is no text (the paragraph it interrupts runs on past it), any
            # other frame a line of its own, nothing joined to it
            if _digits_blanked(txt) not in running:
                out.append(Line(txt, None, "p"))
                runs_on = False
            paged = True
            continue
        joined, runs_on = (
            runs_on
            and out
            and out[-1].role in ("p", "li")
            # a heading at the top of a page starts there ("Ratings" under the foreword's
            # signature on the page before)
            and not (paged and _bold_only(para) and _heading_like(txt))
            # space set before it starts a paragraph: a converter that marks paragraphs so
            # (pdf2docx: space before each, none after any) joins none of its lines
            and not _space_before(para),
            (spaced and _no_space_after(para)),
        )
        paged = False
        if joined:
            out[-1] = Line(f"{out[-1].text} {txt}", None, out[-1].role)
            out += _docx_footnote_lines(refs, notes)
            continue
        found = numbers.label(para)
        drawn = found[0] if found else None
        if drawn == "•":  # a bullet Word draws: a list item
            out.append(Line(txt, None, "li"))
            continue
        if found and drawn:  # "2.3": the number Word draws before it, as if typed
            listed.append((len(out), found[1], found[2], _heading_like(txt)))
            txt = f"{drawn} {txt}"
        style_id = para._p.style
        if style_id not in style_names:
            style_names[style_id] = (
                (para.style.name or "").lower() if para.style is not None else ""
            )
        style = style_names[style_id]
        if style.startswith("heading") or style == "title":
            level = int(style.split()[-1]) if style.split()[-1].isdigit() else 1
            out.append(Line(txt, None, "heading", level))
            styled = True
        elif "list" in style and not drawn:  # a numbered one reads as if its number were typed
            out.append(Line(txt, None, "li"))
        else:
            if _bold_only(para) and _heading_like(txt):
                bold_lines.append(len(out))
            out.append(Line(txt, None, "p"))
        out += _docx_footnote_lines(refs, notes)
    if not styled:
        _headings_by_weight(out, bold_lines)
    else:  # a bold label over a list ("Copy to" over its bullets) heads it beside the styles
        _list_labels(out, bold_lines)
    _numbered_headings(out, listed)
    return out


# a key fact's figure: "£1,612,400", "34.8%", "27,400" (not a standard's number, "1.1")
FIGURE_FIRST = re.compile(
    r"^[£$€]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^[£$€]?\d+(?:\.\d+)?%$|^[£$€]\d|^\d+$"
)


def _text_box_lines(p) -> list[Line]:
    """The paragraphs of the text boxes anchored in a paragraph ("In brief" with its key
    figures, floating beside the letter), each a line: text Word shows, which `_docx_text`
    leaves out of the anchoring paragraph's (a box's fallback copy for older readers once).
    A box's paragraph set out in cells at tab stops ("1.1<TAB>Governance and leadership<TAB>
    Good", "Score<TAB>20/36") is a table's row, as a ratings box lays them out; a number at a
    tab stop before its text ("1.<TAB>Organisational delivery") is no cell, nor a key fact's
    figure before its label ("£1,612,400<TAB>Total YJS budget"): one line, as printed."""
    out: list[Line] = []
    for box in p.iter(f"{_W}txbxContent"):
        if any(a.tag == f"{_MC}Fallback" for a in box.iterancestors()):
            continue
        lines: list[Line] = []
        for q in box.iter(f"{_W}p"):
            raw = _docx_text(q)
            cells = [" ".join(c.split()) for c in raw.split("\t") if c.strip()]
            if not cells:
                continue
            if _set_in_cells("\t".join(cells)) and not (
                len(cells) == 2 and FIGURE_FIRST.match(cells[0])
            ):
                lines.append(Line("\t".join(cells), None, "tr"))
            else:
                lines.append(Line(" ".join(cells), None, "p"))
        for n, line in enumerate(lines):
            if (
                line.role == "p"
                and NUMBERED_TITLE.match(line.text)
                and n + 1 < len(lines)
                and lines[n + 1].role == "tr"
            ):
                # a numbered title over rows ("3. Out-of-court disposals" over "3.1<TAB>
                # Assessment<TAB>Outstanding"): the rows' group, as a table's heading row
                lines[n] = Line(line.text, None, "heading", BOX_GROUP_LEVEL)
        out += lines
    return out


# a numbered title: "3. Out-of-court disposals" (a number, a few words, no full stop)
NUMBERED_TITLE = re.compile(r"^\d{1,2}\.?\s+[A-Z][^.]{2,60}$")
BOX_GROUP_LEVEL = 3  # a box's group title heads its rows, under the heading the box sits in


def _docx_footnote_lines(refs: list[str], notes: dict[str, str]) -> list[Line]:
    """The Word footnotes a paragraph references, each after it, its marker superscript."""
    return [
        Line(f"{ref.translate(TO_SUPERSCRIPT)} {notes[ref]}", None, "footnote")
        for ref in refs
        if notes.get(ref)
    ]


def _number_set_apart(p, txt: str) -> str:
    """A paragraph's number set in a run of its own, placed apart from its text by a tab stop
    with no tab (pdf2docx: "1." then "improve planning …"), reads "1. improve …", as printed;
    glued, it was no number ("1.improve")."""
    first = next((t.text.strip() for t in p.iter(f"{_W}t") if (t.text or "").strip()), "")
    if first and PARAGRAPH_NUMBER.fullmatch(first) and txt[len(first) : len(first) + 1].isalpha():
        return f"{first} {txt[len(first) :]}"
    return txt


def _space_before(para) -> bool:
    before = para.paragraph_format.space_before
    return before is not None and before > 0


def _no_space_after(para) -> bool:
    after = para.paragraph_format.space_after
    return after is not None and after == 0


def _framed(p) -> bool:
    """Is this paragraph a frame (`w:framePr`), placed on the page apart from the text's flow?"""
    return p.pPr is not None and p.pPr.find(f"{_W}framePr") is not None


def _running_frames(document) -> set[str]:
    """The texts (digits blanked) of the frames printed on two or more pages: a running header
    or footer with its page number ("Inspection of youth justice services: Cranmoor 4"), as a
    PDF exported to Word places them."""
    seen: Counter[str] = Counter(
        _digits_blanked(" ".join(_docx_text(p).split()))
        for p in document.element.body.iter(f"{_W}p")
        if _framed(p)
    )
    return {text for text, n in seen.items() if n >= 2 and text}


RUNNING_EDGE_WORDS = 12  # a running header or footer is a line, not a paragraph


def _running_edges(document) -> set:
    """The paragraphs that open or close a section of the body with the same text (digits
    blanked) as another section's opening or closing one: a PDF's running header and page
    number, which a converter (pdf2docx) sets in the body, a section per page."""
    pages: list[list] = [[]]
    for p in document.element.body.iter(f"{_W}p"):
        if _docx_text(p).strip() and not any(a.tag == f"{_W}tbl" for a in p.iterancestors()):
            pages[-1].append(p)
        if p.pPr is not None and p.pPr.sectPr is not None:
            pages.append([])
    ends = [p for page in pages if page for p in {id(x): x for x in (page[0], page[-1])}.values()]
    keys = Counter(_running_key(_docx_text(p)) for p in ends)
    return {
        p
        for p in ends
        if keys[_running_key(_docx_text(p))] >= 2
        and len(_docx_text(p).split()) <= RUNNING_EDGE_WORDS
    }


def _sets_space_after(document) -> bool:
    """Does the document set space after some paragraphs and none after others, by hand (a
    converter's way of telling a paragraph's last line from its others)?"""
    afters = {p.paragraph_format.space_after for p in document.paragraphs}
    return 0 in afters and any(a is not None and a > 0 for a in afters)


def _docx_table_lines(table) -> list[Line]:
    """A table's rows, a line each with its cells set apart by tabs; but a table laid out
    only to place text (a paragraph's number in the left cell, its text in the right; list
    items in a cell beside an empty one) is read as the paragraphs it holds, and a front
    block's "To: | Ann Lee" row as the field "To: Ann Lee"."""
    rows = [_distinct_cells(row) for row in table.rows]
    side_by_side = _lists_side_by_side(rows)
    if side_by_side is not None:
        return side_by_side
    if _laid_out_text(rows):
        out: list[Line] = []
        for cells in rows:
            if len(cells) == 1:  # a row merged across the table: the part's heading
                out.append(Line(" ".join(_cell_text(cells[0]).split()), None, "heading", 2))
                continue
            left, right = cells
            number = " ".join(_cell_text(left).split())
            for i, para in enumerate(p for p in right.paragraphs if _docx_text(p._p).strip()):
                text = " ".join(_docx_text(para._p).split())
                style = (para.style.name or "").lower() if para.style is not None else ""
                if "list" in style:
                    out.append(Line(text, None, "li"))
                else:
                    out.append(Line(f"{number} {text}" if number and i == 0 else text, None, "p"))
        return out
    lines = []
    for cells in rows:
        texts = [" ".join(_cell_text(c).split()) for c in cells]
        if len(texts) == 2 and texts[0].endswith(":") and len(texts[0].split()) <= 4:
            lines.append(Line(f"{texts[0]} {texts[1]}", None, "p"))
        else:
            lines.append(Line("\t".join(texts), None, "tr"))
    return lines


def _lists_side_by_side(rows: list[list]) -> list[Line] | None:
    """A table whose head row names lists ("Key strengths | Areas requiring improvement") and
    whose cells below hold their items, a paragraph each: the lists set side by side, read one
    after the other, each under its heading, an item a bullet. None for any other table."""
    if len(rows) < 2 or len(rows[0]) < 2:
        return None
    heads = [" ".join(_cell_text(c).split()) for c in rows[0]]
    if not all(list_kind(h.rstrip(":")) for h in heads):
        return None
    if any(len(cells) != len(heads) for cells in rows[1:]):
        return None
    out: list[Line] = []
    for column, head in enumerate(heads):
        out.append(Line(head.rstrip(":"), None, "heading", 2))
        for cells in rows[1:]:
            for para in cells[column].paragraphs:
                text = " ".join(_docx_text(para._p).split())
                if text:
                    out.append(Line(text, None, "li"))
    return out


def _distinct_cells(row) -> list:
    """A row's cells, a cell merged across columns once."""
    seen: set[int] = set()
    cells = []
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            cells.append(cell)
    return cells


PARAGRAPH_NUMBER_OPENS = re.compile(r"^\d{1,2}(?:\.\d{1,2}){1,3}\.?\s")  # "1.2.2 Staff …"
LAID_OUT_WORDS = 8  # a paragraph's text runs longer than a table's value ("1.1 | Staff")


def _laid_out_text(rows: list[list]) -> bool:
    """Is a table only a way of placing paragraphs: two cells a row, the left one empty or a
    paragraph's number, the right one sentences (or list items)? A row merged across both,
    short and no sentence ("2. Protecting the public"), heads the rows below it."""
    if not rows or any(len(cells) not in (1, 2) for cells in rows):
        return False
    merged = [cells[0] for cells in rows if len(cells) == 1]
    if any(not _merged_heading(" ".join(_cell_text(c).split())) for c in merged):
        return False
    rows = [cells for cells in rows if len(cells) == 2]
    if not rows:
        return False
    lefts = [" ".join(_cell_text(cells[0]).split()) for cells in rows]
    if not all(not t or PARAGRAPH_NUMBER.fullmatch(t) for t in lefts):
        return False
    rights = [cells[1] for cells in rows]
    return any(len(_cell_text(c).split()) >= LAID_OUT_WORDS for c in rights) and (
        any(lefts)
        or any(len([p for p in c.paragraphs if _docx_text(p._p).strip()]) > 1 for c in rights)
    )


PARAGRAPH_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2}){0,3}\.?")
LAID_OUT_HEADING_WORDS = 10  # a part's title in a merged row, not a sentence


def _merged_heading(text: str) -> bool:
    return 0 < len(text.split()) <= LAID_OUT_HEADING_WORDS and not text.endswith((".", ":"))


def _numbered_headings(out: list[Line], listed: list[tuple[int, str, int, bool]]) -> None:
    """A numbered item of a Word list whose next numbered item is a level below it ("1.
    Reducing reoffending" over "1.1", "1.2") heads them, when it reads as a heading."""
    for (line, list_id, level, heading_like), after in zip(listed, listed[1:], strict=False):
        if heading_like and after[1] == list_id and after[2] > level and out[line].role == "p":
            out[line] = Line(out[line].text, None, "heading", 2)


class _DocxNumbers:
    """The numbers and bullets Word draws before paragraphs of its automatic lists, which are
    not in a paragraph's text: "2.3" for the third paragraph under the second numbered heading
    of a multi-level list (`w:numPr` on the paragraph or its style; each level's format, text
    and start from the numbering part; a level's count restarts under a new item of the level
    above, as Word's does by default)."""

    def __init__(self, document):
        self._levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self._counts: dict[str, list[int]] = {}
        self._style_num: dict[str | None, tuple[str, int] | None] = {}
        try:
            numbering = document.part.numbering_part.element
        except (NotImplementedError, KeyError):
            return  # no numbering part: nothing is numbered automatically
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for a in numbering.findall(qn("w:abstractNum")):
            abstract[a.get(qn("w:abstractNumId"))] = {
                int(lvl.get(qn("w:ilvl"), "0")): _docx_level(lvl) for lvl in a.findall(qn("w:lvl"))
            }
        for num in numbering.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            levels = dict(abstract.get(ref.get(qn("w:val")) if ref is not None else None, {}))
            for override in num.findall(qn("w:lvlOverride")):
                ilvl = int(override.get(qn("w:ilvl"), "0"))
                start = override.find(qn("w:startOverride"))
                if start is not None and ilvl in levels:
                    fmt, text, _ = levels[ilvl]
                    levels[ilvl] = (fmt, text, _int(start.get(qn("w:val")), 1))
            self._levels[num.get(qn("w:numId"))] = levels

    def label(self, para) -> tuple[str | None, str, int] | None:
        """The number Word draws before the paragraph ("1.", "2.3"; "•" for a bullet), with
        its list and level; None when it is in no list."""
        found = self._num_pr(para._p.pPr) or self._style_numbering(para.style)
        if found is None or found[0] not in self._levels:
            return None
        num_id, ilvl = found
        levels = self._levels[num_id]
        if ilvl not in levels:
            return None
        fmt, text, _ = levels[ilvl]
        if fmt == "bullet":
            return "•", num_id, ilvl
        counts = self._counts.setdefault(num_id, [])
        while len(counts) <= ilvl:
            counts.append(levels.get(len(counts), ("", "", 1))[2] - 1)
        counts[ilvl] += 1
        for deeper in range(ilvl + 1, len(counts)):  # a new item restarts the levels below
            counts[deeper] = levels.get(deeper, ("", "", 1))[2] - 1
        out = text
        for level in range(ilvl + 1):
            value = counts[level] if level < len(counts) else 1
            out = out.replace(
                f"%{level + 1}", _docx_number(value, levels.get(level, ("", "", 1))[0])
            )
        return out.strip() or None, num_id, ilvl

    def _style_numbering(self, style) -> tuple[str, int] | None:
        key = style.style_id if style is not None else None
        if key not in self._style_num:
            found, seen = None, 0
            while style is not None and found is None and seen < 10:  # its base styles too
                found = self._num_pr(style.element.pPr)
                style, seen = style.base_style, seen + 1
            self._style_num[key] = found
        return self._style_num[key]

    @staticmethod
    def _num_pr(ppr) -> tuple[str, int] | None:
        pr = ppr.find(qn("w:numPr")) if ppr is not None else None
        if pr is None:
            return None
        num, ilvl = pr.find(qn("w:numId")), pr.find(qn("w:ilvl"))
        num_id = num.get(qn("w:val")) if num is not None else None
        if not num_id or num_id == "0":  # numId 0: numbering switched off
            return None
        return num_id, _int(ilvl.get(qn("w:val")) if ilvl is not None else None, 0)


def qn(tag: str) -> str:
    """A "w:tag" name in Clark notation, as python-docx (imported when a .docx is read) spells it."""
    from docx.oxml.ns import qn as clark

    return clark(tag)


def _docx_level(lvl) -> tuple[str, str, int]:
    fmt = lvl.find(qn("w:numFmt"))
    text = lvl.find(qn("w:lvlText"))
    start = lvl.find(qn("w:start"))
    return (
        fmt.get(qn("w:val"), "decimal") if fmt is not None else "decimal",
        text.get(qn("w:val"), "") if text is not None else "",
        _int(start.get(qn("w:val")) if start is not None else None, 1),
    )


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _docx_number(value: int, fmt: str) -> str:
    """A count as a list level writes it: 3, c, C, iii, III."""
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26) if value > 0 else "a"
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.upper() if fmt == "upperRoman" else roman
    return str(value)


def _roman(value: int) -> str:
    out = ""
    for n, s in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):  # fmt: skip
        while value >= n:
            out, value = out + s, value - n
    return out or str(value)


def _headings_by_weight(out: list[Line], bold_lines: list[int], titled: bool = True) -> None:
    """A Word document that uses no Heading style marks its headings by weight alone, as the
    Markdown files with bold-line headings do: each short all-bold paragraph is a heading one
    level below the title, and the first paragraph, when it is short and no sentence, is the
    title (level 1), bold or not ("Published: 4 March 2020", a field, is not). A document that
    has Heading styles uses bold for emphasis and labels."""
    if titled and out and out[0].role == "p" and _heading_like(out[0].text):
        label, colon, _ = out[0].text.partition(":")
        if not (colon and len(label.split()) <= 3):
            out[0] = Line(out[0].text, None, "heading", 1)
    for i in bold_lines:
        if out[i].role == "p":
            out[i] = Line(out[i].text, None, "heading", 2)


def _bold_only(para) -> bool:
    """Every run that prints something is bold, by its own setting or its style's."""
    runs = [r for r in para.runs if r.text.strip()]
    # (compared without white space: a run of a tab alone, between a standard's name and its
    # grade, prints nothing)
    if not runs or "".join("".join(r.text for r in runs).split()) != "".join(
        _docx_text(para._p).split()
    ):
        return False  # text outside plain runs (a hyperlink, a field, an insertion): not all known bold
    style_bold = bool(para.style is not None and para.style.font.bold)
    return all(
        r.bold or (r.bold is None and (style_bold or bool(r.style and r.style.font.bold)))
        for r in runs
    )


def _heading_like(text: str) -> bool:
    """Short, and no sentence or list item: what a bold line must be to head a part."""
    s = text.strip()
    return (
        0 < len(s) <= MAX_BOLD_HEADING_CHARS
        and s[-1] not in ".;,!?"
        and not (s.endswith(":") and len(s.split()) > 6)
        and not s.startswith(("•", "-", "–", "*"))
    )


def _docx_footnotes(document) -> dict[str, str]:
    """Footnote id -> its text, from the document's footnotes part (none: {})."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from lxml import etree

    part = next(
        (
            r.target_part
            for r in document.part.rels.values()
            if r.reltype == RT.FOOTNOTES and not r.is_external
        ),
        None,
    )
    if part is None:
        return {}
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    root = etree.fromstring(part.blob, parser)
    notes = {}
    for note in root.iter(f"{_W}footnote"):
        text = " ".join(" ".join(_docx_text(p) for p in note.iter(f"{_W}p")).split())
        if text and (note.get(f"{_W}id") or "").isdigit():
            notes[note.get(f"{_W}id")] = text
    return _numbered_as_shown(document, notes)


def _numbered_as_shown(document, notes: dict[str, str]) -> dict[str, str]:
    """Word numbers footnotes 1, 2, 3 … in the order the body references them, whatever their
    ids (pandoc's start at 10 and go up by two): each reference's id becomes the number it
    shows, and the notes are keyed by it."""
    refs = [
        r
        for r in document.element.body.iter(f"{_W}footnoteReference")
        if r.get(f"{_W}customMarkFollows") not in ("1", "true")
    ]
    shown: dict[str, str] = {}
    for r in refs:
        shown.setdefault(r.get(f"{_W}id") or "", str(len(shown) + 1))
    if all(k == v for k, v in shown.items()):
        return notes
    for r in refs:
        r.set(f"{_W}id", shown[r.get(f"{_W}id") or ""])
    return {shown[k]: v for k, v in notes.items() if k in shown}


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
# What a paragraph's or a cell's text does not include: text a tracked change deleted or moved
# away (it is struck through on screen, and gone once the changes are accepted), a text box's
# own paragraphs (laid out apart from the line they are anchored in) and the copy of a drawing
# kept for older readers
_NOT_SHOWN = frozenset(
    {f"{_W}del", f"{_W}moveFrom", f"{_W}txbxContent", f"{_MC}Fallback", f"{_W}instrText"}
)
# The characters a few elements stand for in the text
_SHOWN_AS = {f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}


def _docx_text(element, markers: bool = False) -> str:
    """The text an element (a paragraph, a cell) shows, as the document reads with its tracked
    changes accepted: a tracked insertion's words and the text of a content control, a field's
    result or a smart tag are kept (python-docx's `.text` reads only a paragraph's own runs, so
    "sufficient in <ins>14</ins> of the cases" lost its 14), a tracked deletion's are not. With
    `markers`, each footnote reference is a superscript number where it stands (`rate¹ for`)."""
    parts: list[str] = []

    def walk(el) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _NOT_SHOWN:
                continue
            if tag == f"{_W}t":
                parts.append(child.text or "")
            elif tag in _SHOWN_AS:
                parts.append(_SHOWN_AS[tag])
            elif tag == f"{_W}footnoteReference":
                if markers:
                    parts.append((child.get(f"{_W}id") or "").translate(TO_SUPERSCRIPT))
            else:
                walk(child)

    walk(element)
    return "".join(parts)


def _cell_text(cell) -> str:
    """A table cell's text, its paragraphs a line each (`_docx_text`)."""
    return "\n".join(
        _docx_text(p, markers=True) for p in cell._tc.iter(f"{_W}p") if not _inside_text_box(p)
    )


def _inside_text_box(p) -> bool:
    return any(a.tag == f"{_W}txbxContent" for a in p.iterancestors())


def _docx_blocks(document):
    """The body's paragraphs and tables in reading order, those inside a content control (a
    template's block of text wrapped in `w:sdt`: python-docx yields only the body's own) too."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    def walk(el):
        for child in el:
            if child.tag == f"{_W}p":
                yield Paragraph(child, document._body)
            elif child.tag == f"{_W}tbl":
                cells = _layout_cells(child)
                if cells:
                    for cell in cells:
                        yield from walk(cell)
                else:
                    yield Table(child, document._body)
            elif child.tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"):
                yield from walk(child)

    yield from walk(document.element.body)


LAYOUT_CELL_PARAGRAPHS = 2  # a cell of a one-row layout table holds a block, not a value


def _layout_cells(tbl) -> list:
    """The cells of a table that only lays a page out, in reading order, or [] for a table
    of data. A letter template sets its whole body in one borderless cell, or its address
    beside its letterhead in a row of two: a table of one cell, or of one row whose every cell
    holds paragraphs (a data table has rows, and a value a paragraph). Each such cell reads
    as the document would without the table: its paragraphs, headings and lists."""
    rows = tbl.findall(f"{_W}tr")
    if len(rows) != 1:
        return []
    cells = rows[0].findall(f"{_W}tc")
    if len(cells) == 1:
        return cells

    def shown(tc) -> int:
        return sum(1 for p in tc.findall(f"{_W}p") if _docx_text(p).strip())

    if all(shown(tc) >= LAYOUT_CELL_PARAGRAPHS for tc in cells):
        return cells
    return []


# --- PDF ------------------------------------------------------------------------------------


def _pdf_lines(path: Path, data: bytes, timeout_s: float) -> tuple[list[Line], int]:
    if not data.startswith(b"%PDF"):
        raise UnreadableFile(
            path,
            "is not a PDF (no %PDF header): the file is corrupt or misnamed. Export the report again.",
        )
    try:
        proc = subprocess.run(
            # absolute: the reader runs in the project folder, not the caller's
            [sys.executable, "-m", "ingest.pdftext", str(path.absolute())],
            capture_output=True,
            timeout=timeout_s,
            cwd=str(Path(__file__).resolve().parent.parent),
        )
    except subprocess.TimeoutExpired as exc:
        raise UnreadableFile(
            path,
            f"reading the PDF took longer than {timeout_s:g} s and was stopped. The PDF may be "
            "malformed: re-export it, or raise FINDINGS_PDF_TIMEOUT_S.",
        ) from exc
    try:
        result = json.loads(proc.stdout)
    except ValueError:
        result = {
            "error": f"the PDF reader stopped without a result ({exit_reason(proc.returncode)}). "
            "The PDF may be malformed: export it again."
        }
    if "error" in result:
        raise UnreadableFile(path, escape_controls(" ".join(result["error"].split())))
    pages = result["pages"]
    blocks = result["blocks"]
    if not any(b["text"].strip() for b in blocks):
        raise NoTextFound(
            path,
            "no extractable text (scanned image?). OCR is not supported; export the report as "
            "text or a tagged PDF.",
        )
    return _pdf_structure(blocks, pages), pages


def exit_reason(returncode: int | None) -> str:
    """How a child process ended, in words: `killed by SIGKILL`, `exit code 1`."""
    if returncode is not None and returncode < 0:
        try:
            return f"killed by {signal.Signals(-returncode).name}"
        except ValueError:
            return f"killed by signal {-returncode}"
    return f"exit code {returncode}"


def _key_fact_in_grid(b: dict, blocks: list[dict], body_size: float) -> bool:
    """Is a block set large the value of a key fact in a grid of them ("48 staff" over "equal
    to 41.5 full-time equivalent posts", another fact's value level with it beside it): a block
    in its size and weight stands beside it at the same height, and the line right under it is
    a label in type smaller than the body's? A heading has body text under it."""
    if not _labelled(b, blocks, body_size):
        return False
    return any(
        o["page"] == b["page"]
        and o is not b
        and "top" in o
        and abs(o["size"] - b["size"]) < 0.5
        and o["bold"] == b["bold"]
        and o["top"] < b["bottom"]
        and b["top"] < o["bottom"]
        and (o["right"] <= b["left"] or b["right"] <= o["left"])
        and _labelled(o, blocks, body_size)
        for o in blocks
    )


def _labelled(b: dict, blocks: list[dict], body_size: float) -> bool:
    """Does a label in type smaller than the body's start right under block `b`, at its left
    edge (a key fact's value over its label in a box)?"""
    return "top" in b and any(
        o is not b
        and _right_under(b, o)
        and abs(o["left"] - b["left"]) <= 2
        and o["size"] < body_size - 0.5
        and not o["bold"]
        for o in blocks
    )


def _right_under(upper: dict, o: dict) -> bool:
    """Does block `o` start right under block `upper`, on its page, no further below it than
    a line's height in `upper`'s type?"""
    return (
        o["page"] == upper["page"]
        and "top" in o
        and 0 <= o["top"] - upper["bottom"] <= upper["bottom"] - upper["top"]
    )


def _at_foot(b: dict, blocks: list[dict], body_size: float) -> bool:
    """Is block `b` in its page's foot area, where footnotes stand, below every line of body
    text on the page?"""
    same = [
        o
        for o in blocks
        if o["page"] == b["page"]
        and o is not b
        and not o["edge"]
        and "top" in o
        and o["size"] >= body_size - 0.5
        and o["text"].strip()
    ]
    # (a note run over to a page with no body text is at its foot too)
    return bool(b.get("low")) and all(o["top"] < b["top"] for o in same)


def _pdf_structure(blocks: list[dict], pages: int) -> list[Line]:
    """Turn pymupdf text blocks into Lines: drop running headers/footers, mark headings and
    footnotes by font size, keep one block per paragraph."""
    body: Counter[float] = Counter()
    for b in blocks:
        if not b["edge"]:  # a running header or footer is no body text, however long
            body[round(b["size"], 1)] += len(b["text"])
    body_size = body.most_common(1)[0][0] if body else 10.0
    # running headers/footers: the same text (digits ignored) near the page edge on many pages
    edge: Counter[str] = Counter()
    for b in blocks:
        if b["edge"]:
            edge[_running_key(b["text"])] += 1
    repeated = {k for k, n in edge.items() if n >= max(2, pages // 2)}
    # (and a line set at one place near the top or foot of most pages, just inside the edge:
    # a scanned letter's letterhead address under its logo, which ran into the paragraph a
    # page break cut)
    repeated |= _running_inside(blocks, pages)
    _running_bands(blocks, body_size, pages)
    edges = _column_edges(blocks)
    out: list[Line] = []
    prev_body: dict | None = None  # the last block read as body text
    last_body: dict | None = None  # the last body block, whatever came after it
    heading_block: dict | None = None  # the block just read, when it was a heading
    numbered = False  # the paragraph being read opens with a number ("1.2.2 Staff …")
    for b in blocks:
        text = " ".join(b["text"].split())
        if not text:
            continue
        fact = False  # a key fact's value in a grid of them
        after_heading, heading_block = heading_block, None
        body_block = prev_body
        prev_body = None
        norm = _running_key(text)
        if (b["edge"] or b.get("near_edge")) and (
            norm in repeated or re.fullmatch(r"(page )?#( of #)?|- ?# ?-", norm)
        ):
            continue
        if b.get("running"):
            continue
        marker = re.match(rf"^([\d{SUPERSCRIPT_DIGITS}]+)\s", text)
        if b["size"] < body_size - 1.0 and not marker and _at_foot(b, blocks, body_size):
            # a note numbered "4." in the page's foot area, as CSS paged media sets footnotes
            marker = re.match(r"^(\d{1,3})\.\s", text)
        if b["size"] < body_size - 1.0 and marker and not _set_beside(b, blocks, body_size):
            num = marker.group(1)
            out.append(
                Line(
                    f"{num.translate(TO_SUPERSCRIPT)} {text[marker.end() :].strip()}",
                    b["page"],
                    "footnote",
                )
            )
        elif (
            not _set_in_cells(b["text"])
            and not CAPTION.match(text)
            and (
                b["size"] >= body_size + 1.5
                or (b["bold"] and len(text) < 90 and not text.endswith("."))
            )
            and not (fact := _key_fact_in_grid(b, blocks, body_size))
        ):
            level = 1 if b["size"] >= body_size + 5 else 2
            # (a heading in larger type than the body's ranks over a bold line in the body's
            # type: "Key facts" in 14 pt is no group of the ratings table above it, "Court
            # disposals" in bold 11 pt between its rows is)
            larger = b["size"] >= body_size + 1.5
            if (
                after_heading is not None
                and _next_line_of(after_heading, b, edges)
                and _wrapped_at_edge(after_heading, b, edges)
                and len(out) > 1
            ):
                # a heading set over two lines, each a block ("The Head of Service, …," /
                # "should:"): one heading
                out.pop()  # the blank after its first line
                out[-1] = Line(
                    f"{out[-1].text} {text}", b["page"], "heading", out[-1].level, out[-1].larger
                )
            else:
                out.append(Line(text, b["page"], "heading", level, larger))
            heading_block = b
            out.append(Line("", b["page"], "blank"))
            continue
        else:  # body text: its lines go to the parser like plain text (bullets, table rows)
            if (
                (_next_line_of(body_block, b, edges, numbered) or _label_under(body_block, b))
                and out
                and out[-1].role == "blank"
            ):
                out.pop()  # one paragraph's lines, each set as a block of its own
            else:
                numbered = bool(PARAGRAPH_NUMBER_OPENS.match(text))
                # (a key fact beside another in a grid starts a paragraph of its own)
                if not fact and _next_column(last_body, b) and out and out[-1].role == "blank":
                    out[-1] = Line("", b["page"], "column")
            last_body = b
            for raw in b["text"].split("\n"):
                # (a line of nothing but a bar is a speck a scan's text layer read: no text)
                if raw.strip(" \t|"):
                    out.append(Line(_margin_marker_joined(raw.strip(" ")), b["page"], None))
            prev_body = {**b, "fact": True} if fact else b
        out.append(Line("", b["page"], "blank"))
    return out


def _label_under(value: dict | None, b: dict) -> bool:
    """Is `b` the label right under a key fact's value in a grid (`value` marked `fact`)?"""
    return (
        value is not None
        and bool(value.get("fact"))
        and _right_under(value, b)
        and b["left"] < value["right"]
        and value["left"] < b["right"]
    )


PAGE_EDGE_BLOCKS = 2  # the blocks of a page, from its top or foot, a running line may be
RUNNING_SHIFT = 3.0  # points: how far a running line's place may move from page to page


def _set_beside(b: dict, blocks: list[dict], body_size: float) -> bool:
    """Does a block stand in a sidebar beside the body text ("142 children supervised" in a key
    facts box at the side of the page), not under it as a footnote does: no body text of its
    page above it in its column, and the page's body text going on below its top?"""
    body = [
        o
        for o in blocks
        if o["page"] == b["page"]
        and not o["edge"]
        and not o["bold"]  # (the box's own heading is none)
        and abs(o["size"] - body_size) <= 1.0
    ]
    if not body or max(o["bottom"] for o in body) <= b["top"]:
        return False  # under all the body text of its page: where footnotes stand
    return not any(
        o["left"] < b["right"] and b["left"] < o["right"] and o["bottom"] <= b["top"] for o in body
    )


RUNNING_BAND_WORDS = 12  # the most words of a running header naming the chapter


def _running_bands(blocks: list[dict], body_size: float, pages: int) -> None:
    """A running header that names each page's chapter ("Foreword" on the foreword's page,
    "Organisational delivery" on that chapter's): its text changes with the chapter, its place
    does not. Short lines in type smaller than the body's, the top or foot line of a page in
    the page's edge, at one height (within RUNNING_SHIFT) and one size on at least half the
    pages (two at least), are running lines whatever they say: marked `running`. Body text set
    close to the page's edge is in the body's size, and stays."""
    by_page: dict[int, list[dict]] = {}
    for b in blocks:
        if "top" in b and b["text"].strip():
            by_page.setdefault(b["page"], []).append(b)
    places: dict[tuple[str, float, float], list[dict]] = {}
    for page_blocks in by_page.values():
        page_blocks.sort(key=lambda b: b["top"])
        for end, b in (("top", page_blocks[0]), ("foot", page_blocks[-1])):
            if (
                b["edge"]
                and b["size"] < body_size - 1.0
                and len(b["text"].split()) <= RUNNING_BAND_WORDS
            ):
                key = (end, round(b["size"], 1), b["top"])
                near = next(
                    (
                        k
                        for k in places
                        if k[:2] == key[:2] and abs(k[2] - b["top"]) <= RUNNING_SHIFT
                    ),
                    key,
                )
                places.setdefault(near, []).append(b)
    for found in places.values():
        if len({b["page"] for b in found}) >= max(2, pages // 2):
            for b in found:
                b["running"] = True


def _running_inside(blocks: list[dict], pages: int) -> set[str]:
    """The running lines set just inside a page's edge: the very same text among the first or
    last PAGE_EDGE_BLOCKS blocks of at least half the pages (two at least), at one height on
    each (within RUNNING_SHIFT); a paragraph that differs by its number from page to page is
    body text. Marks those blocks `near_edge`; their keys (`_running_key`)."""
    by_page: dict[int, list[dict]] = {}
    for b in blocks:
        if "top" in b and not b["edge"] and b["text"].strip():
            by_page.setdefault(b["page"], []).append(b)
    places: dict[str, list[dict]] = {}
    for page_blocks in by_page.values():
        page_blocks.sort(key=lambda b: b["top"])
        ends = page_blocks[:PAGE_EDGE_BLOCKS] + page_blocks[-PAGE_EDGE_BLOCKS:]
        for b in {id(b): b for b in ends}.values():
            places.setdefault(" ".join(b["text"].split()), []).append(b)
    running: set[str] = set()
    for text, found in places.items():
        tops = [b["top"] for b in found]
        if (
            len({b["page"] for b in found}) >= max(2, pages // 2)
            and max(tops) - min(tops) <= RUNNING_SHIFT
        ):
            running.add(_running_key(text))
            for b in found:
                b["near_edge"] = True
    return running


def _set_in_cells(raw: str) -> bool:
    """Is a block's text set apart by tabs, as a table's cells are? A number set at a tab stop
    before its heading ("1.<TAB>Reducing reoffending") is no cell."""
    parts = raw.split("\t")
    return len(parts) > 1 and not (len(parts) == 2 and MARGIN_MARKER.match(parts[0].strip()))


def _running_key(text: str) -> str:
    """A page-edge line as it repeats from page to page: digits (page numbers, dates) and the
    spacing between its parts (a tab in "14/06/2022<TAB>Title") set aside."""
    return re.sub(r"\d+", "#", " ".join(text.split()).lower())


# A paragraph number, list number or bullet set in a margin column of its own ("1.1", "3.",
# "•"), which the text extraction puts a cell apart from its paragraph's first line.
MARGIN_MARKER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[•▪●◦\-–·*])$")
MARGIN_TEXT_WORDS = 4  # the cell beside it is a sentence, not a table's value ("1.2 | 23")
# A table's or figure's caption ("Table 1: Cases inspected") names no part of the report.
CAPTION = re.compile(r"^(?:table|figure|chart|graph)\s+\d{1,3}\s*[:.–-]", re.I)


LINE_GAP = 0.5  # of the font size: the most space between two lines of one paragraph


def _next_column(prev: dict | None, b: dict) -> bool:
    """Does body block `b` start a new column of the page `prev` was on (it stands above
    `prev`: the text went back up, as it does at the top of the next column)?"""
    if prev is None or prev["page"] != b["page"] or "top" not in b or "top" not in prev:
        return False
    return b["top"] < prev["top"] - 1.0


def _next_line_of(
    prev: dict | None, b: dict, edges: dict[tuple[int, float], float], numbered: bool = False
) -> bool:
    """Is block `b` the next line of the body block `prev` (same page and type size, less than
    LINE_GAP of a line's height below it, `prev` left mid-sentence, or, in a numbered
    paragraph, ended a sentence on a line it filled)? Some PDF writers set every line as a
    block of its own; paragraphs stand further apart than their lines, and list items drawn
    without a bullet character stand as close but end their sentences."""
    if prev is None or prev["page"] != b["page"] or "top" not in b or "bottom" not in prev:
        return False
    gap = b["top"] - prev["bottom"]
    if not (abs(b["size"] - prev["size"]) < 0.5 and -1.0 <= gap < LINE_GAP * b["size"]):
        return False
    if prev["text"].rstrip().endswith((".", "!", "?", ":", ";")):
        # (a block opening with a list's label or a bullet after an ended sentence starts a new
        # part, however full the line above it)
        return numbered and _wrapped_at_edge(prev, b, edges) and not _opens_a_part(b["text"])
    return True


LABEL_WORDS = 4  # a list's label line ("Areas for improvement:") is a few words
BULLET_MARKS = "•▪●◦"  # a bullet drawn as a character


def _opens_a_part(text: str) -> bool:
    """Does a block open with a list's label line ("Strengths:") or a bullet?"""
    first = text.lstrip().split("\n", 1)[0].strip()
    return (bool(first) and first[0] in BULLET_MARKS) or (
        first.endswith(":") and 0 < len(first.split()) <= LABEL_WORDS
    )


# A character's width, on average, in a proportional typeface: of the font size.
CHAR_WIDTH = 0.5


def _wrapped_at_edge(prev: dict, b: dict, edges: dict[tuple[int, float], float]) -> bool:
    """Did `prev`'s line end only because the text reached the column's edge: would the first
    word of `b` not have fitted after it? A paragraph's or item's last line stops short."""
    if "right" not in prev or "left" not in b:
        return False
    edge = edges.get((prev["page"], round(prev["left"])))
    first = b["text"].split()[0] if b["text"].split() else ""
    if edge is None or abs(b["left"] - prev["left"]) > 2.0:
        return False
    room = edge - prev["right"]
    return room < (len(first) + 1) * CHAR_WIDTH * prev["size"]


MIN_COLUMN_WIDTH = 100.0  # points: a column to the right starts at least this far over
MIN_COLUMN_LINES = 3  # blocks starting at one left edge that make it a column's


def _column_edges(blocks: list[dict]) -> dict[tuple[int, float], float]:
    """The right edge of each column of text, by page and left edge: the furthest right a
    block starting there reaches without crossing into the next column to its right (a
    chapter heading or a table set across the whole page does)."""
    by_start: dict[tuple[int, float], list[float]] = {}
    for b in blocks:
        if "left" in b and "right" in b:
            by_start.setdefault((b["page"], round(b["left"])), []).append(b["right"])
    starts: dict[int, list[float]] = {}
    for (page, left), rights in by_start.items():
        if len(rights) >= MIN_COLUMN_LINES:
            starts.setdefault(page, []).append(left)
    edges: dict[tuple[int, float], float] = {}
    for (page, left), rights in by_start.items():
        beyond = [x for x in starts.get(page, []) if x > left + MIN_COLUMN_WIDTH]
        within = [r for r in rights if not beyond or r < min(beyond)]
        edges[(page, left)] = max(within or rights)
    return edges


def _margin_marker_joined(line: str) -> str:
    """ "1.1<TAB>Thornbeck is a unitary authority…": the marker set in the margin before its
    paragraph's text, one line again ("1.1 Thornbeck is…"), so that the paragraph is numbered
    (or a bullet) and its next lines run on, rather than a two-cell table row."""
    cells = line.split("\t")
    if len(cells) == 2:
        cells[0] = _read_as_digits(cells[0].strip())
    if (
        len(cells) == 2
        and MARGIN_MARKER.match(cells[0].strip())
        and len(cells[1].split()) >= MARGIN_TEXT_WORDS
    ):
        return f"{cells[0].strip()} {cells[1].strip()}"
    return line


# A paragraph number as a scan's text layer may read it, "1" as "l" or "I" ("l.3", "3.I")
OCR_NUMBER = re.compile(r"^(?=.*\d)[\dlI]{1,2}(?:\.[\dlI]{1,2}){1,3}\.?$")


def _read_as_digits(marker: str) -> str:
    """A margin number a scan's text layer misread ("l.3") as printed ("1.3"); else as is."""
    return marker.replace("l", "1").replace("I", "1") if OCR_NUMBER.match(marker) else marker


# The one list of formats findings reads: `findings ingest` and the app's upload widget use it.
READERS: tuple[Reader, ...] = _readers()
SUPPORTED = frozenset(ext for r in READERS for ext in r.extensions)
