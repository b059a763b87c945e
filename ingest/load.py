"""Read a report file of any supported format into a flat list of `Line`s with page numbers.

Each format keeps what it knows about structure as a `role` hint (a heading and its level, a
list item, a table row); plain text leaves `role` empty and the parser infers it. Every failure
is an `IngestError` naming the file and saying what to do.

PDFs are read with pymupdf: about 3x faster than pypdf here, it keeps one text block per
paragraph in reading order (pypdf emits footers and footnotes first, in content-stream order),
reports font sizes (headings, footnotes) and dehyphenates line ends. Extraction runs in a child
process with a time limit, because a malformed PDF can make any parser spin.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from findings.errors import FileTooLarge, NoTextFound, UnreadableFile, UnsupportedFormat
from findings.hashing import bytes_sha256
from findings.settings import Settings
from findings.vocab import SUPERSCRIPT_DIGITS, TO_SUPERSCRIPT


@dataclass
class Line:
    text: str
    page: int | None = None
    role: str | None = None  # None (infer) | heading | li | tr | p | footnote | blank
    level: int | None = None  # heading level where known


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
        pages = max((ln.page or 1 for ln in lines), default=1) if "\f" in text else None
        if pages is None:
            for ln in lines:
                ln.page = None
        return lines, pages

    return read


def _read_pdf(path: Path, data: bytes, settings: Settings) -> tuple[list[Line], int | None]:
    return _pdf_lines(path, data, settings.pdf_timeout_s)


def _read_docx(path: Path, data: bytes, settings: Settings) -> tuple[list[Line], int | None]:
    return _docx_lines(path), None


def _readers() -> tuple[Reader, ...]:
    return (
        Reader("pdf", (".pdf",), _read_pdf),
        Reader("txt", (".txt",), _paged_text(_text_lines)),
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
            f"unsupported file type '{path.suffix.lower() or '(none)'}'. Supported: "
            + ", ".join(sorted(SUPPORTED))
            + ". Convert the report to one of these.",
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
    data = path.read_bytes()
    lines, pages = reader.read(path, data, settings)
    if not any(ln.text.strip() for ln in lines):
        raise NoTextFound(path, "no text found in the file. Export the report again with its text.")
    return LoadedDocument(
        path=path, format=reader.format, sha256=bytes_sha256(data), lines=lines, pages=pages
    )


# --- text formats -------------------------------------------------------------------------


def _decode(path: Path, data: bytes) -> str:
    if data.count(b"\x00") > 0 or _binary_ratio(data[:8192]) > 0.10:
        raise UnreadableFile(
            path,
            "looks like a binary file, not text. Check it is the report itself; for a PDF or Word "
            "file, give it the .pdf or .docx extension.",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(
            path,
            f"is not valid UTF-8 (byte {exc.start}). Re-save it as UTF-8, e.g. "
            f"`iconv -f cp1252 -t utf-8 '{path.name}' > fixed.txt`.",
        ) from exc
    return text


def _binary_ratio(sample: bytes) -> float:
    if not sample:
        return 0.0
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control / len(sample)


_TAG = re.compile(r"</?(?:i|b|em|strong|u|span|font|sup|sub)\b[^>]*>", re.I)


def _clean_inline(text: str) -> str:
    """Strip inline markup that PDF-to-text conversions leave (`<i>To:</i>`)."""
    return _TAG.sub("", text).replace("\u00a0", " ")


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


_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def _markdown_lines(text: str) -> list[Line]:
    out: list[Line] = []
    header: list[str] | None = None
    for line in _text_lines(text):
        s = line.text.strip()
        m = _MD_HEADING.match(s)
        if m:
            out.append(Line(_md_inline(m.group(2)), line.page, "heading", len(m.group(1))))
            header = None
        elif s.startswith("|") and s.endswith("|"):
            if _MD_TABLE_SEP.match(s):
                continue
            cells = [_md_inline(c.strip()) for c in s.strip("|").split("|")]
            if header is None:
                header = cells
                out.append(Line("\t".join(cells), line.page, "th"))
            else:
                out.append(Line("\t".join(cells), line.page, "tr"))
        else:
            header = None if not s else header
            out.append(Line(_md_inline(line.text), line.page, line.role))
    return out


def _md_inline(text: str) -> str:
    text = re.sub(r"\*\*(.+?)\*\*|__(.+?)__", lambda m: m.group(1) or m.group(2), text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)
    return text.replace("`", "")


def _html_lines(text: str) -> list[Line]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "head"]):
        tag.decompose()
    out: list[Line] = []
    blocks = soup.find_all(
        ["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "tr", "dt", "dd", "pre", "blockquote"]
    )
    for el in blocks:
        # only innermost blocks: a <p> inside an <li> is read as part of the <li>
        if el.find_parent(["li", "tr", "p", "pre", "blockquote"]) is not None:
            continue
        if el.name == "tr":
            cells = [" ".join(c.get_text(" ").split()) for c in el.find_all(["th", "td"])]
            role = "th" if el.find("td") is None else "tr"
            out.append(Line("\t".join(cells), None, role))
            continue
        txt = re.sub(r"\s+([.,;:!?)])", r"\1", " ".join(el.get_text(" ").split()))
        if not txt:
            continue
        if el.name[0] == "h" and el.name[1:].isdigit():
            out.append(Line(txt, None, "heading", int(el.name[1])))
        else:
            out.append(Line(txt, None, "li" if el.name == "li" else "p"))
    if not out:  # bare text without block tags
        return _text_lines(soup.get_text("\n"))
    return out


def _docx_lines(path: Path) -> list[Line]:
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise UnreadableFile(
            path, "is not a valid Word document (corrupt or truncated). Save it again from Word."
        ) from exc
    out: list[Line] = []
    for para in document.paragraphs:
        txt = " ".join(para.text.split())
        if not txt:
            continue
        style = (para.style.name or "").lower() if para.style is not None else ""
        if style.startswith("heading") or style == "title":
            level = int(style.split()[-1]) if style.split()[-1].isdigit() else 1
            out.append(Line(txt, None, "heading", level))
        elif "list" in style:
            out.append(Line(txt, None, "li"))
        else:
            out.append(Line(txt, None, "p"))
    for table in document.tables:
        for row in table.rows:
            out.append(Line("\t".join(" ".join(c.text.split()) for c in row.cells), None, "tr"))
    return out


# --- PDF ------------------------------------------------------------------------------------


def _pdf_lines(path: Path, data: bytes, timeout_s: float) -> tuple[list[Line], int]:
    if not data.startswith(b"%PDF"):
        raise UnreadableFile(
            path,
            "is not a PDF (no %PDF header): the file is corrupt or misnamed. Export the report again.",
        )
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "ingest.pdftext", str(path)],
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
    result = json.loads(proc.stdout or b'{"error": "the PDF reader crashed"}')
    if "error" in result:
        raise UnreadableFile(path, result["error"])
    pages = result["pages"]
    blocks = result["blocks"]
    if not any(b["text"].strip() for b in blocks):
        raise NoTextFound(
            path,
            "no extractable text (scanned image?). OCR is not supported; export the report as "
            "text or a tagged PDF.",
        )
    return _pdf_structure(blocks, pages), pages


def _pdf_structure(blocks: list[dict], pages: int) -> list[Line]:
    """Turn pymupdf text blocks into Lines: drop running headers/footers, mark headings and
    footnotes by font size, keep one block per paragraph."""
    body: Counter[float] = Counter()
    for b in blocks:
        body[round(b["size"], 1)] += len(b["text"])
    body_size = body.most_common(1)[0][0] if body else 10.0
    # running headers/footers: the same text (digits ignored) near the page edge on many pages
    edge: Counter[str] = Counter()
    for b in blocks:
        if b["edge"]:
            edge[re.sub(r"\d+", "#", b["text"].strip().lower())] += 1
    repeated = {k for k, n in edge.items() if n >= max(2, pages // 2)}
    out: list[Line] = []
    for b in blocks:
        text = " ".join(b["text"].split())
        if not text:
            continue
        norm = re.sub(r"\d+", "#", text.lower())
        if b["edge"] and (norm in repeated or re.fullmatch(r"(page )?#( of #)?|- ?# ?-", norm)):
            continue
        marker = re.match(rf"^([\d{SUPERSCRIPT_DIGITS}]+)\s", text)
        if b["size"] < body_size - 1.0 and marker:
            num = marker.group(1)
            out.append(
                Line(num.translate(TO_SUPERSCRIPT) + text[len(num) :], b["page"], "footnote")
            )
        elif "\t" not in b["text"] and (
            b["size"] >= body_size + 1.5
            or (b["bold"] and len(text) < 90 and not text.endswith("."))
        ):
            level = 1 if b["size"] >= body_size + 5 else 2
            out.append(Line(text, b["page"], "heading", level))
        else:  # body text: its lines go to the parser like plain text (bullets, table rows)
            for raw in b["text"].split("\n"):
                if raw.strip():
                    out.append(Line(raw.strip(" "), b["page"], None))
        out.append(Line("", b["page"], "blank"))
    return out


# The one list of formats findings reads: `findings ingest` and the app's upload widget use it.
READERS: tuple[Reader, ...] = _readers()
SUPPORTED = frozenset(ext for r in READERS for ext in r.extensions)
