"""Fit the reranker's weights (`retrieval.hybrid.RERANK_WEIGHTS`) on tuning questions.

    FINDINGS_STORE=DIR python -m bench.rerank [QA.jsonl ...]

DIR must hold the reports the questions are about (default: the dev, blind tune and records tune
sets, never a held-out set). For every answerable question, each side of its plan that a gold
paragraph belongs to gives one ranking problem: the fused dense and BM25 candidates with their
`rerank_features`, and which of them are gold. A listwise softmax (the probability that the top
candidate is gold, L2 on the weights, plain numpy) is fitted; the printout gives the weights to
paste, and top-1 accuracy with today's weights and the fitted ones, in-sample and crossed: fitted
on every set but one, scored on that one. A change of weights is taken only when the crossed
numbers improve.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import numpy as np

DEFAULT = (
    "data/eval/dev_qa.jsonl",
    "data/eval/blind_tune.jsonl",
    "data/eval/blind_records_tune.jsonl",
)


def ranking_sides(path: Path, assistant, vectors: bool = False):
    """Per answerable question of a QA file and each side of its plan: `(plan, corpus, side,
    candidates, rows, gold)` — the side's fused candidates (`HybridRetriever._candidates`, their
    `rerank_features`), their rows and which of them the question's gold cites. Questions the
    planner refuses are skipped, and with `vectors` those of a corpus without its embeddings."""
    from retrieval.evaluate import load_qa, matches

    for q in load_qa(path):
        if not q.get("gold"):
            continue
        state = assistant._plan_step(
            assistant._state(q["question"], q.get("history"), q.get("filters"), 8)
        )
        plan, corpus = state.plan, state.corpus
        if plan is None or corpus is None or plan.abstain:
            continue
        if vectors and corpus.vectors is None:
            continue
        sides = assistant.retriever._candidates(plan, corpus, 8)
        for side, candidates in zip(plan.sides, sides, strict=True):
            rows = list(candidates)
            gold = []
            for row in rows:
                md = corpus.metas[row]
                cite = {
                    "report_id": md["report_id"],
                    "section": md["section"],
                    "paragraph": md.get("paragraph"),
                    "ordinal": md["ordinal"],
                }
                gold.append(any(matches(cite, g) for g in q["gold"]))
            yield plan, corpus, side, candidates, rows, gold


def problems(path: Path, assistant) -> list[tuple[np.ndarray, np.ndarray]]:
    """(features, is_gold) per ranking problem, features in RERANK_WEIGHTS order."""
    from retrieval.hybrid import RERANK_WEIGHTS

    names = list(RERANK_WEIGHTS)
    out = []
    for _plan, _corpus, _side, candidates, rows, gold in ranking_sides(path, assistant):
        if any(gold) and not all(gold):
            X = np.array([[candidates[r][n] for n in names] for r in rows], dtype=np.float64)
            out.append((X, np.array(gold, dtype=bool)))
    return out


def fit(
    data: list[tuple[np.ndarray, np.ndarray]],
    prior: np.ndarray,
    l2: float = 0.1,
    steps: int = 3000,
) -> np.ndarray:
    """Weights maximising the softmax probability of the gold candidates, per problem, with an
    L2 pull towards `prior` (today's weights)."""
    dim = data[0][0].shape[1]
    scale = np.maximum(np.concatenate([X for X, _ in data]).std(axis=0), 1e-6)
    w0 = prior * scale
    w0 = w0 / np.linalg.norm(w0)
    # w = a * w0 + d: the scale `a` (a softmax temperature) is free, the change `d` is pulled
    # towards zero, so a strong pull keeps today's ranking
    a, d = 1.0, np.zeros(dim)
    for _ in range(steps):
        grad = np.zeros(dim)
        w = a * w0 + d
        for X, y in data:
            Z = X / scale
            s = Z @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            grad += Z.T @ (p - y / y.sum())
        grad /= len(data)
        a -= 0.5 * float(grad @ w0)
        d -= 0.5 / (1.0 + l2) * (grad + l2 * d)
    return (a * w0 + d) / scale


def top1(data: list[tuple[np.ndarray, np.ndarray]], w: np.ndarray) -> float:
    return float(np.mean([y[int(np.argmax(X @ w))] for X, y in data])) if data else 0.0


def main() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    from findings.settings import get_settings
    from retrieval.assistant import build_assistant
    from retrieval.hybrid import RERANK_WEIGHTS

    paths = [Path(p) for p in sys.argv[1:]] or [Path(p) for p in DEFAULT]
    assistant = build_assistant(get_settings())
    sets = {f"{p.parent.name}/{p.name}": problems(p, assistant) for p in paths}
    names = list(RERANK_WEIGHTS)
    today = np.array([RERANK_WEIGHTS[n] for n in names])
    everything = [d for data in sets.values() for d in data]
    l2 = float(os.environ.get("RERANK_L2", "0.1"))
    fitted = fit(everything, today, l2)
    print(f"{len(everything)} ranking problems")
    print("RERANK_WEIGHTS =", {n: round(float(v), 4) for n, v in zip(names, fitted, strict=True)})
    print(f"{'set':<32} {'today':>6} {'fitted (in-sample)':>19} {'fitted (crossed)':>17}")
    for name, data in sets.items():
        crossed = fit([d for other, ds in sets.items() if other != name for d in ds], today, l2)
        print(
            f"{name:<32} {top1(data, today):>6.3f} {top1(data, fitted):>19.3f} "
            f"{top1(data, crossed):>17.3f}"
        )


if __name__ == "__main__":
    main()
