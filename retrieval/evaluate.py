"""`findings eval`: answer every question of a QA file and compute the CONTRACT metrics."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np

from findings.errors import InvalidQuestion, QuestionsFileError
from findings.records import Answer


def read_questions(path: Path) -> Iterator[dict]:
    """Each line of a JSONL questions or QA file, in order: the item, or an error object
    (`{"id", "question": None, "error"}`) naming the line. Blank lines are skipped."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as exc:
        raise QuestionsFileError(
            f"{path}: no such file. Give a JSONL file in the CONTRACT's format, one question per line."
        ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise QuestionsFileError(
            f"{path}: cannot be read ({exc}). Give a UTF-8 JSONL file, one question per line."
        ) from exc
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _line_error(
                None,
                f"{path}, line {lineno}: not valid JSON ({exc.msg}). Each line must be one JSON object.",
            )
            continue
        if not isinstance(item, dict) or not isinstance(item.get("question"), str):
            yield _line_error(
                item.get("id") if isinstance(item, dict) else None,
                f'{path}, line {lineno}: needs a "question" string.',
            )
            continue
        yield item


def load_qa(path: Path) -> list[dict]:
    """Every item of a QA file; QuestionsFileError at the first line that is not one."""
    items = []
    for item in read_questions(path):
        if "error" in item and item.get("question") is None:
            raise QuestionsFileError(item["error"])
        items.append(item)
    return items


def answer_batch(
    assistant, items: Iterable[dict], filters: dict | None = None
) -> Iterator[Answer | dict]:
    """The Answer to each item, in order (the item's own filters over `filters`); an item that
    cannot be asked gets an error object (`{"id", "question", "error"}`) in its place."""
    for item in items:
        if "error" in item and item.get("question") is None:
            yield item
            continue
        own = item.get("filters")
        merged = {**(filters or {}), **own} if isinstance(own, dict) else own or filters
        try:
            answer = assistant.ask(
                item["question"], history=item.get("history"), filters=merged, id=item.get("id")
            )
        except InvalidQuestion as exc:  # this line's question, history or filters
            yield _line_error(item.get("id"), str(exc), question=item.get("question"))
            continue
        yield answer


def _line_error(id_, message: str, question: object = None) -> dict:
    """An error object for one input line; its text fields are always printable UTF-8."""

    def printable(value: object) -> object:
        if isinstance(value, str):
            return value.encode("utf-8", "backslashreplace").decode("utf-8")
        return value if isinstance(value, int | float) or value is None else str(value)

    return {"id": printable(id_), "question": printable(question), "error": printable(message)}


def matches(citation: dict, gold: dict) -> bool:
    """CONTRACT: same report, and the same paragraph number, or (gold number null) the same
    section (case-insensitive) and ordinal."""
    if citation.get("report_id") != gold.get("report"):
        return False
    if gold.get("paragraph") is not None:
        return citation.get("paragraph") is not None and str(citation["paragraph"]) == str(
            gold["paragraph"]
        )
    return str(citation.get("section", "")).lower() == str(
        gold.get("section", "")
    ).lower() and citation.get("ordinal") == gold.get("ordinal")


def score(items: list[dict], answers: list[dict], ks: tuple[int, ...] = (1, 4, 5, 8)) -> dict:
    """Metrics over paired QA items and `findings ask --json` objects (same order)."""
    answerable = [(q, a) for q, a in zip(items, answers, strict=True) if q.get("gold")]
    unanswerable = [(q, a) for q, a in zip(items, answers, strict=True) if not q.get("gold")]
    cited = matched = gold_total = gold_found = top_ok = must_ok = false_abstain = 0
    recall_at = {k: 0 for k in ks}
    for q, a in answerable:
        cites = a.get("citations", [])  # an error object (the question was refused) has none
        cited += len(cites)
        matched += sum(1 for c in cites if any(matches(c, g) for g in q["gold"]))
        gold_total += len(q["gold"])
        gold_found += sum(1 for g in q["gold"] if any(matches(c, g) for c in cites))
        top = next((c for c in cites if c["n"] == 1), None)
        top_ok += bool(top and any(matches(top, g) for g in q["gold"]))
        text = a.get("answer", "").lower()
        must_ok += all(s.lower() in text for s in q.get("must_contain") or [])
        false_abstain += bool(a.get("abstained"))
        for k in ks:
            recall_at[k] += any(
                matches(r, g) for r in a.get("retrieved", [])[:k] for g in q["gold"]
            )
    n_ans = len(answerable) or 1
    latencies = [a["timings_ms"].get("total", 0.0) for a in answers if "timings_ms" in a]
    out = {
        "questions": len(items),
        "answerable": len(answerable),
        "unanswerable": len(unanswerable),
        "citation_precision": round(matched / cited, 4) if cited else 0.0,
        "citation_recall": round(gold_found / gold_total, 4) if gold_total else 0.0,
        "top_citation_accuracy": round(top_ok / n_ans, 4),
        "must_contain_accuracy": round(must_ok / n_ans, 4),
        "abstention_recall": round(
            sum(bool(a.get("abstained")) for _, a in unanswerable) / len(unanswerable), 4
        )
        if unanswerable
        else None,
        "false_abstention_rate": round(false_abstain / n_ans, 4),
    }
    for k in ks:
        out[f"evidence_recall@{k}"] = round(recall_at[k] / n_ans, 4)
    out["latency_ms_p50"] = round(float(np.percentile(latencies, 50)), 1) if latencies else None
    out["latency_ms_p95"] = round(float(np.percentile(latencies, 95)), 1) if latencies else None
    return out


def answer_all(assistant, items: list[dict]) -> list[dict]:
    """Answer QA items in order, in one process (warm)."""
    return [a.to_json() if isinstance(a, Answer) else a for a in answer_batch(assistant, items)]
