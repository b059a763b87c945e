"""Child-process PDF reader: `python -m ingest.pdftext FILE` prints the text blocks as JSON.

Run by `ingest.load` under a time limit, so a PDF that makes the parser spin is stopped
without taking the ingesting process down with it.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

from findings.vocab import TO_SUPERSCRIPT

# the widest space between two words of a justified line, of the font size (a line of a few
# long words set to the column's width); cells of a table stand further apart
JUSTIFIED = 2.5
# a digit set at most this fraction of its line's type size is a footnote marker (a PDF writer
# that sets superscripts as small raised text, without the superscript flag)
SUPERSCRIPT_SIZE = 0.7
# the widest gap, of the font size, between a block's first line and the end of the line before
# it on the same baseline for the two to be one line (a writer that starts a new block at a
# footnote marker: "… disposals" ¹ ". Around 27% of …")
SAME_LINE_GAP = 0.5
# a wrapped table cell's next line stands under the last at a line's spacing (a gap under a
# quarter of its height), a table's next row lower, past the cells' padding
WRAP_GAP = 0.25
CELL_ALIGN = 3.0  # points: a wrapped cell's lines start where the cell starts
# points a heading's type stands above its paragraph's, where a writer puts both in one block
HEADING_STEP = 1.0
# a figure and nothing else: "17,450", "36.9%", "£1,583,000"
BARE_FIGURE = re.compile(r"^[£$€]?\d[\d,]*(?:\.\d+)?%?$")
MIN_TABLE_ROWS = 2  # rows read in a block before a wrapped cell's line: it is a table
# an infographic's figure stands in type at least this many times its label's
GRID_FIGURE_STEP = 1.5


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
    blocks: list[dict] = []
    try:
        for pno, page in enumerate(doc, start=1):
            height = page.rect.height or 1
            on_page = len(blocks)
            raw = _drop_caps_joined(_climbs_apart(page.get_text("dict", flags=flags)["blocks"]))
            for b in _headings_apart(_lines_rejoined(raw)):
                if b.get("type") != 0:
                    continue
                lines: list[str] = []
                cells: list[dict] = []  # the text set apart on the page, each with its box
                sizes: list[tuple[float, int]] = []
                bold = True
                prev_y = None
                prev_box = None
                prev_x = 0.0
                prev_piece = ""  # the text of the line read before, as drawn
                row_x = 0.0  # where the row being read starts
                for ln in _markers_first(b["lines"]):
                    parts: list[str] = []
                    last_x = None
                    starts = len(cells)
                    line_size = max(
                        (s["size"] for s in ln["spans"] if s["text"].strip()), default=0
                    )
                    for s in ln["spans"]:
                        t = s["text"]
                        if last_x is not None and s["bbox"][0] - last_x > 2 * s["size"]:
                            # a wide gap between spans: table cells; a span that opens with a
                            # space goes on with the words before it (a justified line)
                            justified = s["bbox"][0] - last_x < JUSTIFIED * s["size"]
                            parts.append(" " if t[:1].isspace() and justified else "\t")
                        last_x = s["bbox"][2]
                        small = s["size"] <= SUPERSCRIPT_SIZE * line_size and bool(parts)
                        if (s["flags"] & 1 or small) and t.strip().isdigit():  # a footnote marker
                            t = t.strip().translate(TO_SUPERSCRIPT)
                        elif t.strip():
                            sizes.append((s["size"], len(t)))
                            bold = bold and bool(s["flags"] & 16)
                        if parts[-1:] == ["\t"] or len(cells) == starts:
                            cells.append({"t": "", "box": list(s["bbox"])})
                        _grow(cells[-1], t, s["bbox"])
                        parts.append(t)
                    parts = [_unspaced("".join(parts))] if len(parts) == 1 else parts
                    y = round(ln["bbox"][1])
                    if (
                        lines
                        and prev_y is not None
                        and (
                            abs(y - prev_y) <= 2
                            # a margin number moved up beside its line (`_markers_first`)
                            or (MARKER.match(lines[-1].strip()) and _level(prev_box, ln["bbox"]))
                        )
                    ):
                        # same row: another cell, or the next word of a justified line (it
                        # opens with the space that went before it, a word space away)
                        piece = "".join(parts)
                        size = ln["spans"][0]["size"] if ln["spans"] else 10.0
                        # (or the word before ends with that space: a layout program's
                        # justified line set a word at a time, "substances " then "are "; a
                        # number so set stays the paragraph's, "3.1 " in the margin)
                        spaced = piece[:1].isspace() or (
                            prev_piece[-1:].isspace() and not any(map(str.isdigit, prev_piece))
                        )
                        word = spaced and ln["bbox"][0] - prev_x < JUSTIFIED * size
                        if not word and ln["bbox"][2] <= row_x:
                            # drawn after the row but standing to its left (a number set in
                            # the margin after its paragraph's first line): it comes first
                            lines[-1] = piece.strip() + "\t" + lines[-1]
                            row_x = ln["bbox"][0]
                        else:
                            lines[-1] = lines[-1].rstrip(" ") + (" " if word else "\t")
                            lines[-1] += piece.strip()
                        if word and 0 < starts < len(cells):
                            _grow(cells[starts - 1], cells[starts]["t"], cells[starts]["box"])
                            del cells[starts]
                    elif (
                        k := _wrapped_cell(lines, cells, starts, prev_box, ln["bbox"])
                    ) is not None:
                        # a table cell's next line, under the row it wrapped in: that cell's
                        cut = lines[-1].split("\t")
                        cut[k] += " " + "".join(parts).strip()
                        lines[-1] = "\t".join(cut)
                        del cells[starts:]
                    else:
                        lines.append("".join(parts))
                        row_x = ln["bbox"][0]
                    prev_y = y
                    prev_box = ln["bbox"]
                    prev_x = ln["bbox"][2]
                    prev_piece = "".join(parts)
                text = "\n".join(lines)
                grid = _grid_text(cells)
                if grid is not None:
                    text = grid  # a table row whose cells wrapped: one line, a cell a column
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
                        "low": y0 > FOOT * height,  # in the page's foot
                        "top": round(y0, 1),
                        "bottom": round(y1, 1),
                        "left": round(b["bbox"][0], 1),
                        "right": round(b["bbox"][2], 1),
                        "cells": cells,
                    }
                )
            blocks[on_page:] = _top_down(
                _rows_joined(_late_cells_placed(_margin_markers_placed(blocks[on_page:])))
            )
            for block in blocks[on_page:]:
                block.pop("cells", None)  # read here only
    except Exception as exc:
        return {"error": f"the PDF is damaged ({exc}). Export it again."}
    return {"pages": doc.page_count, "blocks": blocks}


# a heading set letter-spaced ("C O U R T   D I S P O S A L S"): single letters a space apart,
# words a wider space apart
LETTER_SPACED = re.compile(r"\s*\S(?: \S){2,}(?: {2,}\S(?: \S)*)*\s*")


def _unspaced(text: str) -> str:
    """A letter-spaced line as its words ("COURT DISPOSALS"); any other line as it is."""
    if not LETTER_SPACED.fullmatch(text):
        return text
    return " ".join(w.replace(" ", "") for w in re.split(r" {2,}", text.strip()))


def _wrapped_cell(lines: list[str], cells: list[dict], starts: int, above, box) -> int | None:
    """Which cell of the row above (`lines[-1]`, its cells tab-separated) a line of one cell
    continues: a cell's text wrapped in a table drawn as one block ("Farida Lowther (Deputy
    Chief Executive," over "Morrowfell Borough Council)"). The line starts where that cell
    starts, right under the line above (a line's spacing, no row's padding), and goes on with
    it: it opens in lower case, or the cell leaves a bracket open or ends in a comma. None when
    it is no such line."""
    if not lines or "\t" not in lines[-1] or len(cells) - starts != 1 or above is None:
        return None
    if sum("\t" in line for line in lines[-MIN_TABLE_ROWS:]) < MIN_TABLE_ROWS:
        return None  # (rows above it: a table, not a line set beside a label)
    size = box[3] - box[1]
    if box[1] - above[3] > WRAP_GAP * size:
        return None
    texts = lines[-1].split("\t")
    row = [c for c in cells[:starts] if c["t"].strip()][-len(texts) :]
    text = cells[starts]["t"].strip()
    for k, (cell, said) in enumerate(zip(row, texts, strict=False)):
        if abs(cell["box"][0] - box[0]) <= CELL_ALIGN and (
            text[:1].islower() or said.count("(") > said.count(")") or said.rstrip().endswith(",")
        ):
            return k
    return None


def _markers_first(lines: list[dict]) -> list[dict]:
    """A block's lines, a paragraph number or bullet that the writer drew in the margin after
    its paragraph's lines (it stands level with the first of them, to its left) moved up beside
    that line, so that it opens the paragraph rather than ending it ("… the inspection." /
    "1.2.3")."""
    out = list(lines)
    for ln in lines:
        text = "".join(s["text"] for s in ln["spans"]).strip()
        if not MARKER.match(text):
            continue
        i = next(i for i, o in enumerate(out) if o is ln)
        level = next(
            (
                j
                for j, o in enumerate(out[:i])
                if _level(ln["bbox"], o["bbox"]) and ln["bbox"][2] <= o["bbox"][0]
            ),
            None,
        )
        if level is not None:
            out.insert(level, out.pop(i))
    return out


def _level(marker, line) -> bool:
    """Does the marker's box (x0, y0, x1, y1) stand level with the line's: its middle within
    the line's height (a raised footnote marker makes a line reach higher than its words)?"""
    return line[1] - 1 <= (marker[1] + marker[3]) / 2 <= line[3] + 1


FOOT = 0.85  # of the page's height: where its foot area (footnotes, a footer) starts


def _top_down(blocks: list[dict]) -> list[dict]:
    """A page's blocks in reading order, top down, where it was drawn headings first: some
    writers (WeasyPrint) draw a page's headings, then its body text, then the paragraph
    numbers and footnotes, and read in that order every heading of the page stands above all
    of its paragraphs. Their sign: a heading (bold, in a type larger than the page's most
    common) drawn before body text that stands above it; and the page sets its text in one
    column (no two blocks side by side at the same height). Any other page keeps the order it
    was drawn in."""
    shown = [b for b in blocks if b["text"].strip()]
    sizes = sorted(b["size"] for b in shown)
    if len(shown) < 3:
        return blocks
    body = sizes[len(sizes) // 2]
    heads = [b["bold"] and b["size"] > body + 0.5 for b in shown]
    # a heading drawn before body text that stands above it on the page
    drawn_apart = any(
        heads[i] and not heads[k] and shown[k]["bottom"] <= shown[i]["top"]
        for i in range(len(shown))
        for k in range(i + 1, len(shown))
    )
    if not drawn_apart:
        return blocks
    for i, a in enumerate(shown):
        for b in shown[i + 1 :]:
            side_by_side = a["right"] <= b["left"] or b["right"] <= a["left"]
            if side_by_side and a["top"] < b["bottom"] and b["top"] < a["bottom"]:
                return blocks
    return sorted(blocks, key=lambda b: b["top"])


def _margin_markers_placed(blocks: list[dict]) -> list[dict]:
    """A page's blocks, a paragraph number set in the margin as a block of its own ("1.1.1",
    level with its paragraph's first line, left of it) joined to the front of that paragraph's
    block, wherever the writer drew it (often after the paragraph)."""
    out = list(blocks)
    for m in blocks:
        if "\n" in m["text"] or not MARKER.match(m["text"].strip()):
            continue
        beside = next(
            (
                b
                for b in out
                if b is not m
                and _level(
                    (m["left"], m["top"], m["right"], m["bottom"]),
                    (0, b["top"], 0, b["top"] + m["bottom"] - m["top"]),
                )
                and b["left"] >= m["right"]
                and not MARKER.match(b["text"].strip())
            ),
            None,
        )
        if beside is None:
            continue
        joined = {
            **beside,
            "text": f"{m['text'].strip()}\t{beside['text']}",
            "left": m["left"],
            "cells": [*(m.get("cells") or []), *(beside.get("cells") or [])],
        }
        out = [joined if b is beside else b for b in out if b is not m]
    return out


DROP_CAP = 2.0  # of the text's size, the least size of a drop cap (an opening letter set large)


def _drop_caps_joined(blocks: list[dict]) -> list[dict]:
    """A drop cap given back to its word: a capital drawn alone, at least `DROP_CAP` times the
    size of the lines beside it, whose first line beside it opens in lower case ("T", then
    "his inspection is part of …"), opens that line ("This inspection …"). It would head the
    paragraph ("Foreword T") and cut its first word."""
    lines = [ln for b in blocks if b.get("type") == 0 for ln in b["lines"]]
    for cap in lines:
        text = "".join(s["text"] for s in cap["spans"]).strip()
        if len(text) != 1 or not text.isupper() or not cap["spans"]:
            continue
        size, (_, y0, x1, y1) = max(s["size"] for s in cap["spans"]), cap["bbox"]
        beside = [
            ln
            for ln in lines
            if ln is not cap
            and ln["spans"]
            and x1 - 1 <= ln["bbox"][0] <= x1 + size
            and y0 - 1 <= ln["bbox"][1] <= y1
            and max(s["size"] for s in ln["spans"]) * DROP_CAP <= size
        ]
        first = min(beside, key=lambda ln: ln["bbox"][1], default=None)
        opening = first["spans"][0]["text"] if first is not None else ""
        if first is None or not opening[:1].islower():
            continue
        first["spans"][0] = {**first["spans"][0], "text": text + opening}
        cap["spans"] = []
    for b in blocks:
        if b.get("type") == 0:
            b["lines"] = [ln for ln in b["lines"] if ln["spans"]]
    return [b for b in blocks if b.get("type") != 0 or b["lines"]]


def _type_size(line: dict) -> float:
    return max((s["size"] for s in line["spans"] if s["text"].strip()), default=0.0)


def _climbs_apart(blocks: list[dict]) -> list[dict]:
    """pymupdf's text blocks, each cut where a line in type of another size (GRID_FIGURE_STEP)
    stands to the right of the line before it and higher up the page: the next card of an
    infographic (its "£2,318,400" beside the "187" over "children supervised …", which pymupdf
    put in that label's block). A table's cells, in one type, stay one block."""
    out: list[dict] = []
    for b in blocks:
        lines = b.get("lines") or []
        if b.get("type") != 0 or len(lines) < 2:
            out.append(b)
            continue
        start = 0
        for i in range(1, len(lines) + 1):
            if i < len(lines):
                before, line = lines[i - 1]["bbox"], lines[i]["bbox"]
                sizes = sorted(_type_size(lines[k]) for k in (i - 1, i))
                if not (
                    line[0] > before[2]
                    and line[1] < before[1] - 2
                    and sizes[1] >= GRID_FIGURE_STEP * sizes[0]
                ):
                    continue
            part = lines[start:i]
            box = part[0]["bbox"]
            for ln in part[1:]:
                box = _union(box, ln["bbox"])
            out.append({**b, "lines": part, "bbox": box})
            start = i
    return out


def _lines_rejoined(blocks: list[dict]) -> list[dict]:
    """pymupdf's text blocks, a block that goes on along the last line of the block before it
    joined to it: a footnote marker set as small raised text starts a block of its own
    ("… were subject to out-of-court disposals" then "¹. Around 27%" and the lines below it),
    which would read as a paragraph numbered 1. Cells of a table stand further apart."""
    out: list[dict] = []
    for b in blocks:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.get("type") == 0
            and b.get("type") == 0
            and prev["lines"]
            and b["lines"]
            and _goes_on(prev["lines"][-1], b["lines"][0])
        ):
            last, first = prev["lines"][-1], b["lines"][0]
            last["spans"] = last["spans"] + first["spans"]
            last["bbox"] = _union(last["bbox"], first["bbox"])
            prev["lines"] = prev["lines"] + b["lines"][1:]
            prev["bbox"] = _union(prev["bbox"], b["bbox"])
            continue
        out.append(b)
    return out


def _headings_apart(blocks: list[dict]) -> list[dict]:
    """A block whose first lines are set bold in a larger type than the lines under them is a
    heading over its paragraph: two blocks. Some writers (LibreOffice's PDF export) put a heading
    and the paragraph after it in one block ("Introduction" over "We recently conducted …")."""
    out: list[dict] = []
    for b in blocks:
        lines = b.get("lines") or []
        looks = [_look(ln) for ln in lines]
        cut = next((i for i, lk in enumerate(looks) if lk != looks[0]), 0)
        first, rest = looks[0] if looks else None, looks[cut] if cut else None
        if (
            b.get("type") == 0
            and first is not None
            and rest is not None
            and first[1]  # bold
            # over plain lines, or over bold ones in smaller type (a table's bold header row
            # under "Key facts")
            and first[0] - rest[0] >= HEADING_STEP
            # (a key fact's figure in large bold type beside its label, "17,450" left of
            # "Children aged 10 to 17 …" on its line, is the fact's value, no heading: one row)
            and not (
                BARE_FIGURE.match(
                    " ".join("".join(s["text"] for s in ln["spans"]) for ln in lines[:cut]).strip()
                )
                and lines[cut]["bbox"][0] > lines[cut - 1]["bbox"][2]
                and lines[cut]["bbox"][1] < lines[cut - 1]["bbox"][3]
            )
        ):
            out.append({**b, "lines": lines[:cut], "bbox": _box(lines[:cut])})
            out.append({**b, "lines": lines[cut:], "bbox": _box(lines[cut:])})
            continue
        out.append(b)
    return out


def _look(line: dict) -> tuple[float, bool] | None:
    """A line's type size and whether all its words are bold (None: no words)."""
    spans = [s for s in line["spans"] if s["text"].strip()]
    if not spans:
        return None
    return max(s["size"] for s in spans), all(s["flags"] & 16 for s in spans)


def _box(lines: list[dict]) -> tuple:
    box = tuple(lines[0]["bbox"])
    for ln in lines[1:]:
        box = _union(box, ln["bbox"])
    return box


def _goes_on(last: dict, first: dict) -> bool:
    """Does line `first` start where line `last` ends, on its baseline?"""
    spans = [s for s in last["spans"] if s["text"].strip()]
    if not spans:
        return False
    size = max(s["size"] for s in spans)
    gap = first["bbox"][0] - last["bbox"][2]
    return abs(first["bbox"][3] - last["bbox"][3]) <= 2 and -1 <= gap < SAME_LINE_GAP * size


def _union(a, b) -> tuple:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


# a paragraph number or bullet set in a margin column ("1.2.1", "•")
MARKER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[•▪●◦·*\-–])$")
ROW_CELL_LINES = 3  # a table cell wraps over a few lines; a block of more is a paragraph
ROW_WINDOW = 6  # blocks looked ahead for the rest of a row


def _rows_joined(blocks: list[dict]) -> list[dict]:
    """A table row whose cell wrapped over lines, the other cells set beside it as blocks of
    their own ("Speech and language" / "therapist" with "1<TAB>1<TAB>0" set between them):
    one row again, each column's lines joined ("Speech and language therapist<TAB>1<TAB>1<TAB>0").
    Blocks are one row when each reaches into the rows' height so far, stands beside the last
    (or under a block of its own column), and each has at most ROW_CELL_LINES lines; only inside
    a table: one of them, or the block before or after them, has cells."""
    out: list[dict] = []
    i = 0
    while i < len(blocks):
        group = [blocks[i]]
        window = blocks[i + 1 : i + 1 + ROW_WINDOW]
        joined = True
        while joined:  # (a cell's second line may come before the cells beside its first)
            joined = False
            for b in window:
                if not any(b is g for g in group) and _same_row(group, b):
                    group.append(b)
                    joined = True
        j = i + 1
        while j < len(blocks) and any(blocks[j] is g for g in group):
            j += 1
        group = blocks[i:j]  # the blocks that follow on: one row holds no block read later
        near = blocks[i - 1 : i] + blocks[j : j + 1]
        if (
            len(group) > 1
            and all(b["text"].count("\n") < ROW_CELL_LINES for b in group)
            and any("\t" in b["text"] for b in group + near)
        ):
            out.append(_one_row(group))
        else:
            out.extend(group[:1])
            j = i + 1
        i = j
    return out


def _late_cells_placed(blocks: list[dict]) -> list[dict]:
    """A table's last row whose first cell wrapped ("3.4 Out-of-court disposal policy and" /
    "provision") and whose other cell the writer drew after the table, as a block of its own
    level with the row's first line ("Good", LibreOffice's PDF export): that cell joins its
    row, the wrapped cell's lines joined, one row again. Only a one-line block standing right
    of the cells it is level with, among the last few lines of a block with table rows."""
    out: list[dict] = []
    for b in blocks:
        prev = out[-1] if out else None
        joined = _with_late_cell(prev, b) if prev is not None else None
        if joined is None:
            out.append(b)
        else:
            out[-1] = joined
    return out


def _with_late_cell(table: dict, b: dict) -> dict | None:
    if "\n" in b["text"] or "\t" in b["text"] or not b["text"].strip():
        return None
    lines = table["text"].split("\n")
    cells = [c for c in table.get("cells") or () if c["t"].strip()]
    if sum("\t" in line for line in lines) < MIN_TABLE_ROWS or not cells:
        return None
    middle = (b["top"] + b["bottom"]) / 2
    tail = cells[-ROW_CELL_LINES:]
    k = next((i for i, c in enumerate(tail) if c["box"][1] - 1 <= middle <= c["box"][3] + 1), None)
    if k is None:
        return None
    run = tail[k:]
    # the cell's lines, one under the other in one column, each a line of the block's own
    if any(abs(c["box"][0] - run[0]["box"][0]) > CELL_ALIGN for c in run) or any(
        c["box"][2] >= b["left"] for c in run
    ):
        return None
    said = [c["t"].strip() for c in run]
    if [line.strip() for line in lines[-len(run) :]] != said:
        return None
    row = " ".join(said) + "\t" + b["text"].strip()
    return {
        **table,
        "text": "\n".join(lines[: -len(run)] + [row]),
        "bottom": max(table["bottom"], b["bottom"]),
        "right": max(table["right"], b["right"]),
        "cells": [*(table.get("cells") or []), *(b.get("cells") or [])],
    }


def _same_row(group: list[dict], b: dict) -> bool:
    """Does block `b` reach into the height of the row `group` sets, in its type size?"""
    top = min(g["top"] for g in group)
    bottom = max(g["bottom"] for g in group)
    return b["size"] == group[0]["size"] and b["top"] < bottom - 0.5 and b["bottom"] > top + 0.5


def _grow(cell: dict, text: str, box) -> None:
    cell["t"] += text
    cell["box"] = list(_union(cell["box"], box))


def _columns(cells: list[dict]) -> list[list[dict]]:
    """Cells in columns: a cell whose width overlaps a column's joins it (a wrapped cell's
    lines stand one under the other), left to right."""
    columns: list[list[dict]] = []
    for cell in sorted(cells, key=lambda c: c["box"][0]):
        if columns and cell["box"][0] < max(c["box"][2] for c in columns[-1]) - 1.0:
            columns[-1].append(cell)
        else:
            columns.append([cell])
    return columns


def _column_texts(columns: list[list[dict]]) -> str:
    return "\t".join(
        " ".join(c["t"].strip() for c in sorted(col, key=lambda c: c["box"][1])) for col in columns
    )


def _grid_text(cells: list[dict]) -> str | None:
    """The text of a table row whose cells wrapped ("1.3 Partnerships and services" beside
    "Requires" / "improvement"): each column's lines joined, top to bottom, the columns
    tab-separated. None when the cells are no such row: one column (a paragraph), columns
    line for line (each line a row already, or a list's markers beside its items), no column
    of a single line, or a column of more lines than a cell wraps over."""
    columns = _columns([c for c in cells if c["t"].strip()])
    counts = {len(col) for col in columns}
    if len(columns) < 2 or len(counts) < 2 or min(counts) != 1 or max(counts) > ROW_CELL_LINES:
        return None
    if len(columns[0]) == 1 and MARKER.match(columns[0][0]["t"].strip()):
        return None  # a paragraph's number or bullet in the margin beside its lines
    return _column_texts(columns)


def _one_row(group: list[dict]) -> dict:
    cells = [c for b in group for c in b.get("cells") or () if c["t"].strip()]
    first = group[0]
    return {
        **first,
        "text": _column_texts(_columns(cells)),
        "bold": all(b["bold"] for b in group),
        "top": min(b["top"] for b in group),
        "bottom": max(b["bottom"] for b in group),
        "left": min(b["left"] for b in group),
        "right": max(b["right"] for b in group),
    }


if __name__ == "__main__":
    sys.stdout.write(json.dumps(extract(sys.argv[1])))
