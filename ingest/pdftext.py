"""Child-process PDF reader: `python -m ingest.pdftext FILE` prints the text blocks as JSON.

Run by `ingest.load` under a time limit, so a PDF that makes the parser spin is stopped
without taking the ingesting process down with it.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from findings.vocab import TO_SUPERSCRIPT


def extract(path: str) -> dict:
    import pymupdf

    try:
        doc: Any = pymupdf.open(path)  # pymupdf's stubs don't type iteration over pages
    except Exception as exc:  # pymupdf raises its own FileDataError and friends
        return {
            "error": f"cannot be opened as a PDF ({exc}). The file is corrupt or truncated: export it again."
        }
    if doc.page_count == 0:
        return {"error": "the PDF has no pages: the file is corrupt or truncated. Export it again."}
    if doc.needs_pass:
        return {
            "error": "the PDF is encrypted (password protected). Save an unprotected copy and ingest that."
        }
    flags = pymupdf.TEXT_DEHYPHENATE | pymupdf.TEXT_PRESERVE_WHITESPACE
    blocks = []
    try:
        for pno, page in enumerate(doc, start=1):
            height = page.rect.height or 1
            for b in page.get_text("dict", flags=flags)["blocks"]:
                if b.get("type") != 0:
                    continue
                lines: list[str] = []
                sizes: list[tuple[float, int]] = []
                bold = True
                prev_y = None
                for ln in b["lines"]:
                    parts = []
                    last_x = None
                    for s in ln["spans"]:
                        t = s["text"]
                        if last_x is not None and s["bbox"][0] - last_x > 2 * s["size"]:
                            parts.append("\t")  # a wide gap between spans: table cells
                        last_x = s["bbox"][2]
                        if s["flags"] & 1 and t.strip().isdigit():  # superscript: footnote marker
                            t = t.strip().translate(TO_SUPERSCRIPT)
                        elif t.strip():
                            sizes.append((s["size"], len(t)))
                            bold = bold and bool(s["flags"] & 16)
                        parts.append(t)
                    y = round(ln["bbox"][1])
                    if lines and prev_y is not None and abs(y - prev_y) <= 2:
                        lines[-1] += "\t" + "".join(parts).strip()  # same row: another cell
                    else:
                        lines.append("".join(parts))
                    prev_y = y
                text = "\n".join(lines)
                if not text.strip():
                    continue
                total = sum(n for _, n in sizes) or 1
                size = sum(sz * n for sz, n in sizes) / total if sizes else 0.0
                y0, y1 = b["bbox"][1], b["bbox"][3]
                edge = y1 < 0.08 * height or y0 > 0.92 * height
                blocks.append(
                    {
                        "text": text,
                        "page": pno,
                        "size": size,
                        "bold": bold and bool(sizes),
                        "edge": edge,
                        "top": round(y0, 1),
                        "bottom": round(y1, 1),
                        "left": round(b["bbox"][0], 1),
                        "right": round(b["bbox"][2], 1),
                    }
                )
    except Exception as exc:
        return {"error": f"the PDF is damaged ({exc}). Export it again."}
    return {"pages": doc.page_count, "blocks": blocks}


if __name__ == "__main__":
    sys.stdout.write(json.dumps(extract(sys.argv[1])))
