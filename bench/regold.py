"""Keep QA gold pointing at the same paragraphs when the parser changes.

Gold names a paragraph by `paragraph` number, or by `section` and `ordinal` when it has none;
a parser change can move an unnumbered paragraph (new section, new ordinal). So gold is
anchored by text:

    python -m bench.regold snapshot QA.jsonl... --out ANCHORS.json   # with the old parser's store
    python -m bench.regold resolve QA.jsonl...  --anchors ANCHORS.json  # with the new one

`snapshot` records, per gold entry, the stored text of the paragraph it names. `resolve` finds
each anchor's paragraph in the current store (same report; the paragraph holding the anchor,
or held by it) and rewrites `section`/`paragraph`/`ordinal`, printing every entry that moved
and failing on any it cannot place. Gold written as `{"report", "quote"}` (a verbatim excerpt,
as blind question writers give it) is resolved the same way. The store is `FINDINGS_STORE`.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from findings.settings import get_settings
from findings.text import normalise_space
from findings.vocab import SUPERSCRIPT_DIGITS
from ingest.load import LIGATURES
from store.factory import build_store


def _rows() -> list[dict]:
    got = build_store(get_settings()).all_paragraphs()
    return [{"text": t, **m} for t, m in zip(got["texts"], got["metadatas"], strict=True)]


def _names(g: dict, r: dict) -> bool:
    if r["report_id"] != g["report"]:
        return False
    if g.get("paragraph") is not None:
        return r["paragraph"] == g["paragraph"]
    return r["section"].lower() == (g.get("section") or "").lower() and r["ordinal"] == g.get(
        "ordinal"
    )


def _fold(text: str, loose: bool = False) -> str:
    """Compare text without layout: spaces, quote styles, footnote markers (a parser that
    now attaches a footnote adds its marker, `rate¹`), the bars between a table row's cells
    (a writer quotes the row as printed, `Safeguarding work 64%`) and ligature glyphs (a quote
    copied from a PDF viewer's text, `ﬁeldwork`, which the loader reads as `fieldwork`). With
    `loose` (tried only where the text is found nowhere otherwise, so that no placement found
    before moves): a word broken at a printed line's end (`suffi- cient`, which the loader
    joins) and a grade line's colon (a row quoted as printed, `2.2 Planning Good`)."""
    text = re.sub(f"[{SUPERSCRIPT_DIGITS}]+", "", text).replace(" | ", " ").translate(LIGATURES)
    if loose:
        text = re.sub(r"(?<=[a-z])- (?=[a-z])", "", text).replace(": ", " ")
    return normalise_space(text).lower().replace("’", "'").replace("“", '"').replace("”", '"')


def _place(report: str, anchor: str, rows: list[dict], g: dict, near: list[int]) -> dict | None:
    """The paragraph holding the anchor text (or held by it, or the paragraph whose footnote
    holds it). Of several (a short anchor such
    as `Rating: Good`), the one the gold names already, else the one in the gold's old section,
    then the one nearest the question's other gold paragraphs."""
    mine = [r for r in rows if r["report_id"] == report]
    hits: list[dict] = []
    for loose in (False, True):
        a = _fold(anchor, loose)
        hits = (
            [r for r in mine if a in _fold(r["text"], loose)]
            or [
                r
                for r in mine
                if len(_fold(r["text"], loose)) > 20 and _fold(r["text"], loose) in a
            ]
            # a footnote's text: the paragraph that carries the footnote is what is cited
            or [r for r in mine if any(a in _fold(n, loose) for n in r.get("footnotes") or [])]
        )
        if hits:
            break
    numbered = re.match(r"(\d+(?:\.\d+)+)\s+(?=\S)", anchor)
    if not hits and numbered:
        # a quote copied with its paragraph's number ("2.5 Two children …"): the paragraph of
        # that number holding the rest (the loader keeps the number apart from the text)
        rest = _fold(anchor[numbered.end() :], False)
        hits = [
            r
            for r in mine
            if str(r.get("paragraph")) == numbered.group(1) and rest in _fold(r["text"], False)
        ]
    if not hits:
        # a heading or an "X should:" group line quoted ("Management oversight: improved"): the
        # loader keeps it over its paragraphs (their section path), so the first paragraph
        # under it is what is cited
        a = _fold(anchor.rstrip(":").rstrip(), True)
        under = [
            r
            for r in mine
            if any(
                _fold(part.rstrip(":").rstrip(), True) == a
                for part in re.split(r" > | / ", r.get("section_path") or r["section"])
            )
        ]
        hits = sorted(under, key=lambda r: r["order"])[:1]
    if len(hits) > 1:
        # (a short anchor, "Good", held where the gold already points: it stays there)
        kept = [r for r in hits if _names(g, r)]
        if len(kept) == 1:
            return kept[0]
        same = [r for r in hits if r["section"].lower() == str(g.get("section") or "").lower()]
        hits = same or hits
        hits.sort(
            key=lambda r: (min((abs(r["order"] - o) for o in near), default=0), len(r["text"]))
        )
    return hits[0] if hits else None


def snapshot(files: list[Path], out: Path) -> None:
    """Anchor each gold entry (keyed `question id#index`) by its paragraph's text. Where a
    section and ordinal name two paragraphs (a parser that lost the domain heading above a
    repeated standard name), the one nearest the question's other gold paragraphs is meant."""
    rows = _rows()
    anchors: dict[str, str] = {}
    for f in files:
        for line in f.read_text().splitlines():
            q = json.loads(line)
            gold = q.get("gold") or []
            found = [[r for r in rows if _names(g, r)] for g in gold]
            sure = [fs[0]["order"] for fs in found if len(fs) == 1]
            for i, (g, fs) in enumerate(zip(gold, found, strict=True)):
                if "quote" in g:
                    continue
                if not fs or (len(fs) > 1 and not sure):
                    sys.exit(f"{f}: {q['id']} gold {g} names {len(fs)} stored paragraphs")
                best = min(fs, key=lambda r: min(abs(r["order"] - o) for o in sure or [0]))
                anchors[f"{q['id']}#{i}"] = best["text"]
    out.write_text(json.dumps(anchors, indent=1, ensure_ascii=False) + "\n")
    print(f"{len(anchors)} anchors -> {out}")


def resolve(files: list[Path], anchors_file: Path | None) -> None:
    rows = _rows()
    anchors = json.loads(anchors_file.read_text()) if anchors_file else {}
    failed = 0
    for f in files:
        out = []
        for line in f.read_text().splitlines():
            q = json.loads(line)
            gold = q.get("gold") or []
            texts = [g.get("quote") or anchors.get(f"{q['id']}#{i}") for i, g in enumerate(gold)]
            unique = [
                _place(g["report"], t, rows, g, []) if t else None
                for g, t in zip(gold, texts, strict=True)
            ]
            near = [
                u["order"]
                for g, t, u in zip(gold, texts, unique, strict=True)
                if u
                and t
                and sum(_fold(t) in _fold(r["text"]) for r in rows if r["report_id"] == g["report"])
                == 1
            ]
            for g, text in zip(gold, texts, strict=True):
                if text is None:
                    continue
                r = _place(g["report"], text, rows, g, near)
                if r is None:
                    print(f"{f.name} {q['id']}: cannot place {g}")
                    failed += 1
                    continue
                new = {
                    "section": r["section"],
                    "paragraph": r["paragraph"],
                    "ordinal": r["ordinal"],
                }
                old = {k: g.get(k) for k in new}
                if old != new:
                    print(f"{f.name} {q['id']}: {g['report']} {old} -> {new}")
                g.update(new)
            out.append(json.dumps(q, ensure_ascii=False))
        f.write_text("\n".join(out) + "\n")
    if failed:
        sys.exit(f"{failed} gold entries not placed")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("snapshot")
    s.add_argument("files", nargs="+", type=Path)
    s.add_argument("--out", type=Path, required=True)
    r = sub.add_parser("resolve")
    r.add_argument("files", nargs="+", type=Path)
    r.add_argument("--anchors", type=Path)
    a = ap.parse_args()
    if a.cmd == "snapshot":
        snapshot(a.files, a.out)
    else:
        resolve(a.files, a.anchors)


if __name__ == "__main__":
    main()
