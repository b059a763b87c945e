"""Per-question snapshots of the tuning questions, and per-file hashes of what the parser makes,
to compare a change against the code before it.

    FINDINGS_STORE=DIR python -m bench.snapshot answers OUT.json   # every tuning question
    python -m bench.snapshot answers-diff BEFORE.json AFTER.json  # the questions that changed
    python -m bench.snapshot parses OUT.json                      # every report file's parse
    python -m bench.snapshot parses-diff BEFORE.json AFTER.json   # the files that changed

`answers` asks every question of `bench.adapter.tuning_files()` (never a held-out set) in two
worker processes and keeps, per question (`id@set`), whether its top citation matched, whether it
abstained, its first citations and the start of its answer. `answers-diff` prints each question
whose outcome (answered right, or abstained where unanswerable) changed, `+` or `-`, and the totals.

`parses` hashes, for every report file under `data/` (and the pending sets') and the shared
Thurrock report, its paragraphs with their metadata and its records. `parses-diff` names the tune
files whose parse or records changed and only counts, per set, the held-out and pending ones: no
held-out name, text or answer is printed.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from multiprocessing import Pool
from pathlib import Path

from bench.adapter import HELD_OUT, ROOT, tuning_files

_ASSISTANT = None


def _answers_of(path: str) -> dict[str, dict]:
    global _ASSISTANT
    from findings.settings import get_settings, offline_environment
    from retrieval.assistant import build_assistant
    from retrieval.evaluate import answer_all, load_qa, matches

    if _ASSISTANT is None:
        offline_environment()
        _ASSISTANT = build_assistant(get_settings())
    p = Path(path)
    items = load_qa(p)
    tag = p.stem if p.parent.name == "eval" else p.parent.name
    out = {}
    for q, a in zip(items, answer_all(_ASSISTANT, items), strict=True):
        cites = a.get("citations", [])
        top = next((c for c in cites if c.get("n") == 1), None)
        gold = q.get("gold") or []
        out[f"{q.get('id')}@{tag}"] = {
            "q": q["question"],
            "ans": bool(gold),
            "top": bool(top and any(matches(top, g) for g in gold)),
            "abst": bool(a.get("abstained")),
            "cite": [
                f"{c.get('report_id')} {c.get('paragraph') or (c.get('section'), c.get('ordinal'))}"
                for c in cites[:3]
            ],
            "text": a.get("answer", "")[:300],
        }
    return out


def _right(v: dict) -> bool:
    return (v["top"] and not v["abst"]) if v["ans"] else v["abst"]


def answers(out: Path) -> None:
    got: dict[str, dict] = {}
    with Pool(2) as pool:
        for part in pool.imap_unordered(_answers_of, [str(f) for f in tuning_files()]):
            got.update(part)
    out.write_text(json.dumps(got))
    ans = [v for v in got.values() if v["ans"]]
    un = [v for v in got.values() if not v["ans"]]
    print(
        f"{len(got)} questions: top citation {sum(v['top'] for v in ans) / len(ans):.4f}, "
        f"false abstention {sum(v['abst'] for v in ans) / len(ans):.4f}, "
        f"abstention recall {sum(v['abst'] for v in un) / max(1, len(un)):.4f}"
    )


def answers_diff(before: Path, after: Path) -> None:
    a, b = json.loads(before.read_text()), json.loads(after.read_text())
    gained = lost = 0
    for k in sorted(set(a) & set(b)):
        if _right(a[k]) != _right(b[k]):
            sign = "+" if _right(b[k]) else "-"
            gained, lost = gained + (sign == "+"), lost + (sign == "-")
            text = b[k]["text"][:120].replace("\n", " ")
            print(sign, k, b[k]["q"][:110], "|", b[k]["cite"][:1], text)
    print(f"+{gained} -{lost}")


def _report_files() -> list[str]:
    files = [str(ROOT.parent / "shared/corpus/thurrock_sqs_2015.txt")]
    for pattern in ("data/reports/*", "data/eval/reports/*", "data/eval/*/reports/*"):
        files += [str(f) for f in sorted(ROOT.glob(pattern)) if f.is_file()]
    files += [str(f) for f in sorted(ROOT.glob("data/eval/pending/*/reports/*")) if f.is_file()]
    return [f for f in files if Path(f).is_file()]


def _hashes_of(path: str) -> tuple[str, list[str]]:
    from ingest.parse import parse_file
    from ingest.records import extract_records

    try:
        r = parse_file(path)
    except Exception as exc:  # a file the parser refuses: its error is its hash
        return path, [f"error {type(exc).__name__}"] * 2
    paragraphs = [
        (p.section, p.paragraph, p.ordinal, p.kind, p.text, p.footnotes, p.section_path, p.columns)
        for p in r.paragraphs
    ]
    meta = {k: v for k, v in r.meta.to_dict().items() if k != "source_path"}
    parsed = json.dumps([paragraphs, meta], default=str)
    records = json.dumps([repr(x) for x in extract_records(r)])
    return path, [hashlib.sha256(s.encode()).hexdigest()[:16] for s in (parsed, records)]


def parses(out: Path) -> None:
    with Pool(2) as pool:
        got = dict(pool.map(_hashes_of, _report_files()))
    out.write_text(json.dumps(got, indent=0))
    print(f"{len(got)} report files")


def parses_diff(before: Path, after: Path) -> None:
    a, b = json.loads(before.read_text()), json.loads(after.read_text())
    hidden: dict[str, dict[str, int]] = {"parse": {}, "records": {}}
    for f in sorted(set(a) | set(b)):
        m = re.search(r"data/eval/(pending/)?([^/]+)/reports/", f)
        held = m is not None and (m.group(1) is not None or m.group(2) in HELD_OUT)
        for i, kind in enumerate(("parse", "records")):
            if a.get(f, [None, None])[i] != b.get(f, [None, None])[i]:
                if held and m is not None:
                    hidden[kind][m.group(2)] = hidden[kind].get(m.group(2), 0) + 1
                else:
                    print(f"{kind} changed: {f.replace(str(ROOT) + '/', '')}")
    for kind, counts in hidden.items():
        if counts:
            print(f"held-out or pending files whose {kind} changed, counted: {counts}")


def main(argv: list[str]) -> None:
    commands = {"answers": answers, "parses": parses}
    diffs = {"answers-diff": answers_diff, "parses-diff": parses_diff}
    if len(argv) == 2 and argv[0] in commands:
        commands[argv[0]](Path(argv[1]))
    elif len(argv) == 3 and argv[0] in diffs:
        diffs[argv[0]](Path(argv[1]), Path(argv[2]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
