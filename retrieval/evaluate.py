"""`findings eval`: answer every question of a QA file and compute the CONTRACT metrics."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from findings.errors import InvalidQuestion


def load_qa(path: Path) -> list[dict]:
    items = []
    for lineno, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InvalidQuestion(
                f"{path}, line {lineno}: not valid JSON ({exc.msg}). Each line must be one JSON object."
            ) from exc
        if not isinstance(item, dict) or not isinstance(item.get("question"), str):
            raise InvalidQuestion(f'{path}, line {lineno}: needs a "question" string.')
        items.append(item)
    return items


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


def score(items: list[dict], answers: list[dict], ks: tuple[int, ...] = (1, 4, 8)) -> dict:
    """Metrics over paired QA items and `findings ask --json` objects (same order)."""
    answerable = [(q, a) for q, a in zip(items, answers, strict=True) if q.get("gold")]
    unanswerable = [(q, a) for q, a in zip(items, answers, strict=True) if not q.get("gold")]
    cited = matched = gold_total = gold_found = top_ok = must_ok = false_abstain = 0
    recall_at = {k: 0 for k in ks}
    for q, a in answerable:
        cites = a["citations"]
        cited += len(cites)
        matched += sum(1 for c in cites if any(matches(c, g) for g in q["gold"]))
        gold_total += len(q["gold"])
        gold_found += sum(1 for g in q["gold"] if any(matches(c, g) for c in cites))
        top = next((c for c in cites if c["n"] == 1), None)
        top_ok += bool(top and any(matches(top, g) for g in q["gold"]))
        text = a["answer"].lower()
        must_ok += all(s.lower() in text for s in q.get("must_contain") or [])
        false_abstain += bool(a["abstained"])
        for k in ks:
            recall_at[k] += any(matches(r, g) for r in a["retrieved"][:k] for g in q["gold"])
    n_ans = len(answerable) or 1
    latencies = [a["timings_ms"].get("total", 0.0) for a in answers]
    out = {
        "questions": len(items),
        "answerable": len(answerable),
        "unanswerable": len(unanswerable),
        "citation_precision": round(matched / cited, 4) if cited else 0.0,
        "citation_recall": round(gold_found / gold_total, 4) if gold_total else 0.0,
        "top_citation_accuracy": round(top_ok / n_ans, 4),
        "must_contain_accuracy": round(must_ok / n_ans, 4),
        "abstention_recall": round(
            sum(a["abstained"] for _, a in unanswerable) / len(unanswerable), 4
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
    out = []
    for item in items:
        ans = assistant.ask(
            item["question"],
            history=item.get("history"),
            filters=item.get("filters"),
            id=item.get("id"),
        )
        out.append(ans.to_json())
    return out
