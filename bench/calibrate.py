"""Fit the answerer's evidence score (`retrieval.answer.EVIDENCE_WEIGHTS`) on tuning questions.

    FINDINGS_STORE=DIR python -m bench.calibrate data/eval/dev_qa.jsonl data/eval/blind_tune.jsonl

DIR must hold the reports those questions are about. For each question that the planner does not
refuse outright (unknown area, year or name), the passage the answerer would quote and its
features come from `retrieval.answer.candidate`, which the answerer uses: cosine similarity,
coverage of the question's terms, whether it prints the kind of thing asked for, and whether the
question names a topic the targeted reports never print. A logistic regression (L2, plain numpy)
predicts "the question is answerable" from them; the printout gives the weights to paste into
`retrieval/answer.py` and, for each threshold, the false-abstention rate and abstention recall on
the questions fitted. Never fit on held-out questions: their numbers are measured, not tuned.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import numpy as np

FEATURES = ("dense", "coverage", "typed", "missing")


def features(paths: list[Path]) -> tuple[np.ndarray, np.ndarray]:
    from findings.settings import get_settings
    from retrieval import answer as A
    from retrieval.assistant import build_assistant
    from retrieval.evaluate import load_qa

    assistant = build_assistant(get_settings())
    X, y = [], []
    for path in paths:
        for q in load_qa(path):
            state = assistant._state(q["question"], q.get("history"), q.get("filters"), 8)
            state = assistant._retrieve_step(assistant._plan_step(state))
            plan, hits, corpus = state.plan, state.hits, state.corpus
            if plan is None or corpus is None or plan.abstain or not hits:
                continue
            terms = A._question_terms(plan, corpus)
            missing = bool(A.missing_terms(plan, corpus, terms)) and not plan.comparison
            found = A.candidate(plan, [h for h in hits if h.side == 0], terms, corpus, missing)
            if found is None:
                continue  # no passage prints the identifier asked about: a hard abstention
            X.append([float(found[1][f]) for f in FEATURES])
            y.append(float(bool(q.get("gold"))))
    return np.asarray(X), np.asarray(y)


def fit(X: np.ndarray, y: np.ndarray, l2: float = 0.001, steps: int = 20000) -> np.ndarray:
    Z = np.c_[X, np.ones(len(X))]
    w = np.zeros(Z.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-Z @ w))
        w -= Z.T @ (p - y) / len(y) + l2 * np.r_[w[:-1], 0.0]
    return w


def main() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # FINDINGS_STORE is kept: it names the store
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    paths = [Path(p) for p in sys.argv[1:]] or [
        Path("data/eval/dev_qa.jsonl"),
        Path("data/eval/blind_tune.jsonl"),
        Path("data/eval/blind_records_tune.jsonl"),
    ]
    X, y = features(paths)
    w = fit(X, y)
    print(f"{len(y)} questions, {int(y.sum())} answerable")
    print("EVIDENCE_WEIGHTS =", {f: round(float(v), 3) for f, v in zip(FEATURES, w, strict=False)})
    print("EVIDENCE_BIAS =", round(float(w[-1]), 3))
    p = 1 / (1 + np.exp(-np.c_[X, np.ones(len(X))] @ w))
    for t in (0.3, 0.4, 0.5, 0.6, 0.7):
        out = p < t
        fa = (out & (y == 1)).sum() / max((y == 1).sum(), 1)
        ar = (out & (y == 0)).sum() / max((y == 0).sum(), 1)
        print(f"threshold {t}: false abstention {fa:.3f}, abstention recall (soft) {ar:.3f}")


if __name__ == "__main__":
    main()
