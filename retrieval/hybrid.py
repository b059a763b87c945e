"""Hybrid retrieval: dense search in Chroma and BM25 over the same paragraphs, fused by
reciprocal rank, run once for each side of the question (each area or inspection compared)."""

from __future__ import annotations

import itertools
from dataclasses import asdict, dataclass, field, replace

import numpy as np

from findings.lexicon import (
    OVERALL_RATING_SUBJECT,
    SUMMARY_FALLBACK_HEADINGS,
    SUMMARY_HEADINGS,
)
from findings.vocab import ACTION_SECTIONS, LIST_SECTIONS
from retrieval.adapter import QueryAdapter
from retrieval.corpus import Corpus
from retrieval.plan import Plan
from retrieval.text import (
    DATE,
    DATE_RANGE,
    content_terms,
    money_span,
    prints_person,
    synonyms,
    tokens,
)
from store.protocols import Embedder, ParagraphStore

RRF_K = 60
RECOMMENDATION_SECTIONS = frozenset(LIST_SECTIONS["recommendation"])
# a compared side's template twin of the surest side's numbered finding (`_align_twins`): set
# by hand, 0.3 of the cosine's weight (0.2 moved nothing on the tune sets, 0.4 no more than 0.3)
TWIN_WEIGHT = 0.3
# Sides compared speak of one topic: each side's lead is chosen among its best AGREE_DEPTH so
# that the sum of their scores plus AGREE_WEIGHT times the mean cosine between the chosen
# paragraphs is highest (`_agree`), when the chosen agree by AGREE_MIN_GAIN more than the leads
# did (a smaller gain is noise: two near-tied MAPPA findings swapped for the sides' MAPPA
# guidance lines). Set on the tune sets' comparison and change questions: 0.5 and 0.05 led six
# more sides with a gold paragraph, none fewer (0.3 and no gain: +6, and the swap above; 0.8
# and 0.05: +9, -1)
AGREE_WEIGHT = 0.5
AGREE_MIN_GAIN = 0.05
AGREE_DEPTH = 3
LOCAL_DENSE_MAX = 20_000  # paragraphs scored exactly in memory rather than by a filtered query


def _prints_wanted(plan: Plan, corpus: Corpus, row: int) -> bool:
    if plan.wants == "date":
        if "publish" not in plan.question.lower():  # when it happened: a date range
            return bool(DATE_RANGE.search(corpus.texts[row]))
        return bool(DATE.search(corpus.texts[row]))
    if plan.wants == "person":
        return prints_person(corpus.texts[row], set(corpus.areas), corpus.lower_words)
    if plan.money:  # "How much money does it have to spend?": a sum of money
        return money_span(corpus.texts[row]) is not None
    return False


NOT_TOLD = frozenset({"field", "table_row", "rating"})  # a value in a cell or line, not a sentence
SHORT = 120  # characters: a header line, a table row, a one-line bullet
# What speaks for a candidate paragraph (`rerank_features`), weighted. The first weights were set
# by hand on the dev set (cosine 1, coverage 0.5, heading 0.03 a word, numbered 0.08, actions and
# date/name 0.1, summary/fact/grades 0.15, fused rank 1); these are `python -m bench.rerank` fitted
# on the dev, blind tune and records tune questions with a pull towards those (L2 1, scaled so the
# cosine weighs 1). Fitted on two sets and scored on the third, top-1 rose or stayed on each
# (dev 0.827 -> 0.840, blind tune 0.609 -> 0.609, records tune 0.630 -> 0.667).
RERANK_WEIGHTS = {
    "dense": 1.0,  # meaning: the cosine of question and paragraph
    "coverage": 0.471,  # the question's terms it prints, IDF-weighted
    "section": 0.066,  # per heading word the question names (at most 2)
    "numbered": 0.078,  # numbered paragraphs carry the detailed findings (not for "overall")
    "actions": 0.149,  # recommendations, for "what should be done"
    "wanted": 0.166,  # prints the date, name or sum of money the question's form asks for
    "summary": 0.242,  # a summary heading, for an overall-verdict question
    "fact": 0.3,  # the record of the one fact asked for
    "rating": 0.181,  # a grade record, for a question about grades
    "fused": 0.632,  # reciprocal-rank fusion of the dense and BM25 rankings
    # for an overall-verdict question, a summary paragraph close to its whole report's meaning
    # (`Corpus.centrality`): the verdict, not the statistics line beside it. Set by hand (the
    # cosine's weight), not fitted: checked on the tune sets' summary questions
    "central": 1.0,
    # a recommendation says what should be done, not what was found: for a question that
    # asks for neither actions nor recommendations. Set by hand on the tune sets (-0.2: +6
    # top citations, -1; -0.3: +8, -1)
    "unasked_action": -0.3,
    "bullet": 0.008,
    "table_row": -0.002,
    "short": -0.006,
    "bm25_share": 0.016,  # BM25 score over the best candidate's
}


def rerank_features(
    plan: Plan,
    corpus: Corpus,
    row: int,
    dense: float,
    fused: float,
    terms: dict[str, float],
    bm25_share: float = 0.0,
) -> dict[str, float]:
    """What speaks for a candidate paragraph: its meaning (cosine), how much of what the question
    names it prints (IDF-weighted), a heading that names it, its kind, and whether it is the
    kind of passage the question's form and intent ask for (a date or name, the actions, the
    summary, the fact's or the grades' record), and its fused rank."""
    md = corpus.metas[row]
    section = md["section"].lower()
    heading = set(content_terms(md.get("section_path") or md["section"]))
    # the overall picture is told in sentences: a table row or field under a summary heading
    # ("Total | 40") sums nothing up
    summing = summary_weight(section) if plan.overall and md["kind"] not in NOT_TOLD else 0.0
    summary = bool(summing)
    fact = not summary and prints_fact(md, plan.fact)
    return {
        "dense": dense,
        "coverage": corpus.coverage(terms, row),
        "section": float(min(len(heading & set(terms)), 2)),
        "numbered": float(not plan.overall and md["kind"] == "numbered"),
        "actions": float(plan.wants_actions and section in ACTION_SECTIONS),
        "wanted": float(_prints_wanted(plan, corpus, row)),
        "summary": summing,
        "fact": float(fact),
        "rating": float(
            plan.rating
            and not summary
            and not fact
            and any(
                r.get("kind") == "rating" and r.get("subject") != OVERALL_RATING_SUBJECT
                for r in md.get("records") or ()
            )
        ),
        "fused": fused,
        "central": corpus.centrality(row) if summary and not plan.list_kind else 0.0,
        "unasked_action": float(
            section in RECOMMENDATION_SECTIONS
            and not plan.wants_actions
            and plan.list_kind != "recommendation"
        ),
        "bullet": float(md["kind"] == "bullet"),
        "table_row": float(md["kind"] == "table_row"),
        "short": float(len(corpus.texts[row]) < SHORT),
        "bm25_share": bm25_share,
    }


def summary_weight(section: str) -> float:
    """How surely a heading sums its report up: 1 for a summary heading, 0.5 for a foreword (a
    thematic with both sums up in its summary), else 0."""
    heading = section.strip().lower()
    return (
        1.0 if heading in SUMMARY_HEADINGS else 0.5 if heading in SUMMARY_FALLBACK_HEADINGS else 0.0
    )


def facts_of(corpus: Corpus, report_id: str, subject: str | None) -> list[tuple[int, dict]]:
    """(row, record) for each of the report's records of the fact `subject`, in reading order."""
    return [
        (row, r)
        for row, r in corpus.records.get(report_id, ())
        if r.get("kind") == "fact" and r.get("subject") == subject
    ]


def prints_fact(meta: dict, subject: str | None) -> bool:
    """Is this paragraph where its report prints the fact `subject` (its record,
    `ingest.records`)? False when no fact is asked for."""
    return bool(subject) and any(
        r.get("kind") == "fact" and r.get("subject") == subject for r in meta.get("records") or ()
    )


def rerank_score(features: dict[str, float]) -> float:
    """The weighted sum of the features that have a weight (the rest are kept for `Hit`)."""
    return sum(w * features[name] for name, w in RERANK_WEIGHTS.items())


@dataclass
class Hit:
    id: str
    report_id: str
    section: str
    paragraph: str | None
    ordinal: int
    page: int | None
    kind: str
    text: str
    footnotes: list[str] = field(default_factory=list)
    section_path: str = ""
    score: float = 0.0
    dense: float = 0.0  # cosine similarity to the question
    bm25: float = 0.0
    coverage: float = 0.0  # IDF-weighted share of the question's terms it prints
    side: int = 0
    row: int = -1

    def to_dict(self) -> dict:
        return asdict(self)


def reciprocal_rank_fusion(
    rankings: list[list[int]], weights: list[float] | None = None
) -> dict[int, float]:
    """Fuse ranked lists of row numbers: each contributes weight / (RRF_K + rank)."""
    fused: dict[int, float] = {}
    for ranking, weight in zip(rankings, weights or [1.0] * len(rankings), strict=True):
        for rank, row in enumerate(ranking, start=1):
            fused[row] = fused.get(row, 0.0) + weight / (RRF_K + rank)
    return fused


class HybridRetriever:
    """One public method: `retrieve(plan, corpus, top_k) -> list[Hit]`, best first.

    Dependencies come in: the paragraph store (dense search) and the embedder (the question
    vector). The corpus (BM25 and report lists) is passed per call, as the store may change.
    """

    def __init__(
        self,
        store: ParagraphStore,
        embedder: Embedder,
        candidates: int = 60,
        adapter: QueryAdapter | None = None,
    ):
        self.store = store
        self.embedder = embedder
        self.candidates = candidates
        self.adapter = adapter or QueryAdapter(path=None)

    def retrieve(self, plan: Plan, corpus: Corpus, top_k: int = 8) -> list[Hit]:
        if plan.abstain or not len(corpus):
            return []
        per_side: list[list[Hit]] = []
        sides = self._candidates(plan, corpus, top_k)
        finals = [{row: rerank_score(f) for row, f in c.items()} for c in sides]
        if plan.comparison and len(finals) > 1 and not any(s.query for s in plan.sides):
            # (sides asked of one report have no twins but themselves, and agree in nothing)
            _align_twins(finals, corpus)
            _agree(finals, corpus)
        for side_no, candidates in enumerate(sides):
            final = finals[side_no]
            best = sorted(final, key=lambda r: -final[r])[: max(top_k, 1)]
            per_side.append(
                [
                    hit_from_row(
                        corpus,
                        r,
                        final[r],
                        candidates[r]["cosine"],
                        candidates[r]["bm25"],
                        side_no,
                        candidates[r]["coverage"],
                    )
                    for r in best
                ]
            )
        return _interleave(per_side, top_k)

    def _candidates(self, plan: Plan, corpus: Corpus, top_k: int) -> list[dict[int, dict]]:
        """For each side of the plan, the fused dense and BM25 candidates and their
        `rerank_features` (what `bench.rerank` fits `RERANK_WEIGHTS` on)."""
        raw_vec = np.asarray(self.embedder.embed([plan.search_text])[0], dtype=np.float32)
        query_vec = self.adapter.adapt(raw_vec)
        bm25_all, terms = _lexical(plan, corpus)
        committed = corpus.versions
        out: list[dict[int, dict]] = []
        for side in plan.sides:
            side_raw, side_vec, side_bm25, side_terms = raw_vec, query_vec, bm25_all, terms
            if side.query:
                # one of two alternatives asked of one report: searched as asked of it
                side_raw = np.asarray(self.embedder.embed([side.query])[0], dtype=np.float32)
                side_vec = self.adapter.adapt(side_raw)
                side_bm25, side_terms = _lexical(replace(plan, search_text=side.query), corpus)
            rows = (
                [i for rid in side.report_ids for i in corpus.by_report.get(rid, [])]
                if side.report_ids is not None
                else list(range(len(corpus)))
            )
            if side.focus:
                rows = [i for i in rows if side.focus in corpus.row_terms[i]] or rows
            if not rows:
                out.append({})
                continue
            n = min(len(rows), max(self.candidates, top_k * 4))
            dense_rank, sims = self._dense(side_vec, rows, side.report_ids, n, corpus, committed)
            side_rows = np.asarray(rows)
            scores = side_bm25[side_rows]
            order = np.argsort(-scores, kind="stable")[:n]
            bm25_rank = [int(side_rows[j]) for j in order if scores[j] > 0]
            fused = reciprocal_rank_fusion([dense_rank, bm25_rank])
            floor = min(sims.values(), default=0.0)
            if plan.overall and side.report_ids is not None:
                # the overall picture: the report's summary is a candidate however far its words
                # are from the question's ("Give me the gist of the Northfield inspection")
                query = np.asarray(side_vec, dtype=np.float32)
                for row in rows:
                    if row not in fused and summary_weight(corpus.metas[row]["section"]):
                        fused[row] = 0.0
                        if corpus.vectors is not None:
                            sims[row] = float(corpus.vectors[row] @ query)
            top_bm25 = float(scores.max()) if len(scores) else 0.0
            out.append(
                {
                    row: {
                        **rerank_features(
                            plan,
                            corpus,
                            row,
                            sims.get(row, floor),
                            fused[row],
                            side_terms,
                            float(side_bm25[row]) / top_bm25 if top_bm25 > 0 else 0.0,
                        ),
                        "bm25": float(side_bm25[row]),
                        "cosine": _cosine(corpus, row, side_raw, sims.get(row, floor))
                        if self.adapter.active
                        else sims.get(row, floor),
                    }
                    for row in fused
                }
            )
        return out

    def _dense(self, query_vec, rows, report_ids, n, corpus, committed):
        """Nearest paragraphs by cosine: the exact scores of the stored vectors when there are
        at most LOCAL_DENSE_MAX of them (a filtered Chroma query costs ~50 ms, the dot products
        a few; and a question needs no Chroma connection), else Chroma's HNSW index."""
        if corpus.vectors is not None and len(rows) <= LOCAL_DENSE_MAX:
            scores = corpus.vectors[rows] @ np.asarray(query_vec, dtype=np.float32)
            best = np.argsort(-scores, kind="stable")[:n]
            ranked = [rows[j] for j in best]
            return ranked, {rows[j]: float(scores[j]) for j in best}
        where = None
        if report_ids is not None and len(report_ids) < len(corpus.reports):
            where = (
                {"report_id": report_ids[0]}
                if len(report_ids) == 1
                else {"report_id": {"$in": report_ids}}
            )
        found = self.store.query(query_vec, n, where=where, committed=committed)
        ranked = [corpus.row_of[r["id"]] for r in found if r["id"] in corpus.row_of]
        sims = {
            corpus.row_of[r["id"]]: 1.0 - r["distance"] for r in found if r["id"] in corpus.row_of
        }
        return ranked, sims


def _cosine(corpus: Corpus, row: int, raw_vec: np.ndarray, adapted: float) -> float:
    """The paragraph's cosine with the question as the model embedded it (the evidence score,
    `retrieval.answer.evidence`, was calibrated on it), when the search used the adapted
    question; the adapted one where the vectors are not in memory."""
    return float(corpus.vectors[row] @ raw_vec) if corpus.vectors is not None else adapted


def _lexical(plan: Plan, corpus: Corpus) -> tuple[np.ndarray, dict[str, float]]:
    """Every paragraph's BM25 score for the question's words (with their synonyms) and the
    question's IDF-weighted terms. Area names and years choose the reports; inside them they
    only add noise to BM25 (`Plan.lexical_text`)."""
    lexical = plan.lexical_text
    q_tokens = tokens(corpus.fold_acronyms(lexical))
    q_tokens += [syn for t in q_tokens for syn in sorted(synonyms(t))]
    return corpus.bm25_scores(q_tokens), corpus.question_terms(lexical)


def _twin_key(corpus: Corpus, row: int) -> tuple[str, str] | None:
    """A finding's place in its report's template: heading and paragraph number ("1.2"; a
    list item's "3" is no place in a template)."""
    md = corpus.metas[row]
    number = md.get("paragraph") or ""
    return (md["section"].strip().lower(), number) if "." in number else None


def _align_twins(finals: list[dict[int, float]], corpus: Corpus) -> None:
    """Sides compared (two inspections of an area, two areas' letters) whose reports share a
    template: the numbered paragraph that leads its side (the surest such side) has a twin in
    the others, the paragraph of the same number under the same heading (the 2016 letter's
    "Reducing reoffending 1.2" and the 2014 letter's say how planning was), which gains
    TWIN_WEIGHT on a side led by a summary line or a bullet rather than a numbered finding."""
    leads = [max(final, key=final.__getitem__) if final else None for final in finals]
    numbered = [
        (finals[i][row], i, row)
        for i, row in enumerate(leads)
        if row is not None and _twin_key(corpus, row) is not None
    ]
    if not numbered:
        return
    _, anchor_side, anchor_row = max(numbered)
    key = _twin_key(corpus, anchor_row)
    for i, final in enumerate(finals):
        lead = leads[i]
        # a side led by a numbered finding of its own keeps it
        if i != anchor_side and lead is not None and _twin_key(corpus, lead) is None:
            for row in final:
                if _twin_key(corpus, row) == key:
                    final[row] += TWIN_WEIGHT


def _agree(finals: list[dict[int, float]], corpus: Corpus) -> None:
    """Lead each compared side with the paragraph, among its best AGREE_DEPTH, that agrees
    clearly better (by AGREE_MIN_GAIN) with the other sides' leads in meaning: "the size of the
    workforce" in two reports is one topic, so a side whose best-scored paragraph is its reoffending rate gives way to its
    staffing paragraph when the other side leads with staffing. The chosen lead gets its side's
    top score (plus a hair), so the rest of each side keeps its order."""
    if corpus.vectors is None or len(finals) > 4 or any(not f for f in finals):
        return
    vectors = corpus.vectors

    def agreement(rows: tuple[int, ...]) -> float:  # the mean cosine between the rows
        vecs = vectors[list(rows)]
        sims = vecs @ vecs.T
        return (float(sims.sum()) - float(np.trace(sims))) / (len(rows) * (len(rows) - 1))

    tops = [sorted(f, key=lambda r: -f[r])[:AGREE_DEPTH] for f in finals]
    leads = tuple(top[0] for top in tops)
    agreed_now = agreement(leads)
    best = (
        sum(f[r] for f, r in zip(finals, leads, strict=True)) + AGREE_WEIGHT * agreed_now,
        leads,
    )
    for combo in itertools.product(*tops):
        agreed = agreement(combo)
        if combo == leads or agreed < agreed_now + AGREE_MIN_GAIN:
            continue
        score = sum(f[r] for f, r in zip(finals, combo, strict=True)) + AGREE_WEIGHT * agreed
        if score > best[0]:
            best = (score, combo)
    for final, top, row in zip(finals, tops, best[1], strict=True):
        if row != top[0]:
            final[row] = final[top[0]] + 1e-6


def hit_from_row(
    corpus: Corpus,
    row: int,
    score: float = 0.0,
    dense: float = 0.0,
    bm25: float = 0.0,
    side: int = 0,
    coverage: float = 0.0,
) -> Hit:
    """A retrieved paragraph, with its provenance straight from the stored metadata."""
    md = corpus.metas[row]
    return Hit(
        id=corpus.ids[row],
        report_id=md["report_id"],
        section=md["section"],
        paragraph=md.get("paragraph"),
        ordinal=md["ordinal"],
        page=md.get("page"),
        kind=md["kind"],
        text=corpus.texts[row],
        footnotes=list(md.get("footnotes") or []),
        section_path=md.get("section_path") or "",
        score=round(float(score), 6),
        dense=round(float(dense), 4),
        bm25=round(float(bm25), 4),
        coverage=round(float(coverage), 4),
        side=side,
        row=row,
    )


def _interleave(per_side: list[list[Hit]], top_k: int) -> list[Hit]:
    """Best of each side first, then the second of each, … so every side is represented."""
    out: list[Hit] = []
    seen: set[str] = set()
    depth = max((len(h) for h in per_side), default=0)
    for i in range(depth):
        for hits in per_side:
            if i < len(hits) and hits[i].id not in seen:
                out.append(hits[i])
                seen.add(hits[i].id)
    return (
        out[: max(top_k, len(per_side))]
        if len(per_side) == 1
        else out[: max(top_k, 2 * len(per_side))]
    )
