"""Render a plain-text report (the `.txt` layout of `data/reports/`) as a real paginated PDF.

Used to build the sample PDF in `data/reports/` and the PDFs the tests ingest. The PDF has what
published reports have: a running header, `Page N of M` footers, bold headings, footnotes in
small type at the foot of the page that references them, and paragraphs that flow across page
breaks.

    python -m bench.pdfgen data/reports/marshbury_sqs_2016.txt out.pdf
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pymupdf

A4 = pymupdf.paper_rect("a4")
MARGIN, BODY, HEAD, NOTE, LEADING = 56, 10.5, 13.0, 7.5, 1.35
FOOTNOTE = re.compile(r"^([¹²³⁴⁵⁶⁷⁸⁹]+)\s")


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    lines, cur = [], ""
    for word in text.split():
        trial = f"{cur} {word}".strip()
        if pymupdf.get_text_length(trial, fontname=font, fontsize=size) <= width or not cur:
            cur = trial
        else:
            lines.append(cur)
            cur = word
    return lines + ([cur] if cur else [])


def render_pdf(text: str, out: Path, header: str = "", lines_per_page: int | None = None) -> Path:
    """Lay `text` out on A4 pages. Blocks are separated by blank lines; a short line with no
    final full stop is a heading; a block starting with a superscript digit is a footnote."""
    text = re.sub(r"</?[a-z]+>", "", text).replace("\t", "    ")
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    notes = {FOOTNOTE.match(b).group(1): b for b in blocks if FOOTNOTE.match(b)}
    doc = pymupdf.open()
    width = A4.width - 2 * MARGIN
    bottom_limit = A4.height - MARGIN - 20
    page, y, pending = None, 0.0, []

    def new_page():
        nonlocal page, y
        page = doc.new_page(width=A4.width, height=A4.height)
        y = MARGIN + 20
        if header:
            page.insert_text((MARGIN, MARGIN - 16), header, fontname="helv", fontsize=8)

    def flush_notes():
        nonlocal pending
        ny = bottom_limit - 12 * len(pending) + 8
        for n in pending:
            for ln in _wrap(n, "helv", NOTE, width):
                page.insert_text((MARGIN, ny), ln, fontname="helv", fontsize=NOTE)
                ny += NOTE * LEADING
        pending = []

    new_page()
    for block in blocks:
        if FOOTNOTE.match(block):
            continue
        for row in block.split("\n"):
            cells = row.split("    ")
            heading = (
                len(row) < 90
                and len(cells) == 1
                and not row.rstrip().endswith((".", ",", ";"))
                and not row.startswith("-")
                and not re.match(r"^[\w ]+:\s+\S", row)
            )
            font, size = ("hebo", HEAD) if heading else ("helv", BODY)
            if len(cells) > 1:  # a table row: cells at column positions, like a real table
                if y + size * LEADING > bottom_limit - 14 * (len(pending) + 1):
                    flush_notes()
                    new_page()
                x = MARGIN
                for cell in (c.strip() for c in cells if c.strip()):
                    page.insert_text((x, y), cell, fontname=font, fontsize=size)
                    x = max(
                        x + width / 2,
                        x + pymupdf.get_text_length(cell, fontname=font, fontsize=size) + 30,
                    )
                y += size * LEADING + size * 0.5
                continue
            room = bottom_limit - 14 * (len(pending) + 1)
            for ln in _wrap(row, font, size, width):
                if y + size * LEADING > room:
                    flush_notes()
                    new_page()
                    room = bottom_limit - 14 * (len(pending) + 1)
                page.insert_text((MARGIN, y), ln, fontname=font, fontsize=size)
                y += size * LEADING
                for mark, note in notes.items():
                    if mark in ln and note not in pending:
                        pending.append(note)
            y += size * 0.5
        y += BODY * 0.8
    flush_notes()
    total = doc.page_count
    for i, pg in enumerate(doc, start=1):
        pg.insert_text(
            (A4.width / 2 - 20, A4.height - MARGIN + 10),
            f"Page {i} of {total}",
            fontname="helv",
            fontsize=8,
        )
    out = Path(out)
    doc.save(str(out))
    return out


if __name__ == "__main__":
    src, dst = Path(sys.argv[1]), Path(sys.argv[2])
    header = sys.argv[3] if len(sys.argv) > 3 else ""
    render_pdf(src.read_text(encoding="utf-8"), dst, header)
