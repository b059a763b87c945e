"""Hybrid retrieval (retrieval.hybrid) on a small hand-built corpus: plain rows with the real
bundled model's vectors, so dense search runs in memory (no Chroma needed for so few rows)."""

from __future__ import annotations

import pytest

from retrieval.corpus import build_corpus
from retrieval.hybrid import (
    AGREE_WEIGHT,
    RERANK_WEIGHTS,
    TWIN_WEIGHT,
    HybridRetriever,
    _agree,
    _align_twins,
    reciprocal_rank_fusion,
    rerank_features,
    rerank_score,
)
from retrieval.plan import QuestionPlanner, Side

REPORTS = [
    {"report_id": "a", "area": "Avonby", "year": 2016, "inspection_type": "unknown"},
    {"report_id": "b", "area": "Brill", "year": 2018, "inspection_type": "unknown"},
]
# (report, section, paragraph number, kind, text, records)
ROWS = [
    (
        "a",
        "Header",
        None,
        "field",
        "YOS Manager: Ann Lee",
        [{"kind": "fact", "subject": "service_manager", "value": "Ann Lee"}],
    ),
    (
        "a",
        "Planning",
        "1.1",
        "numbered",
        "Plans were reviewed every three months and after any significant change.",
        [],
    ),
    (
        "a",
        "Health",
        "1.2",
        "numbered",
        "Children waited eleven weeks for a first appointment with the mental health team.",
        [],
    ),
    (
        "a",
        "Protecting the public",
        "2.1",
        "numbered",
        "MAPPA referrals were made on time in all four cases.",
        [],
    ),
    (
        "b",
        "Health",
        "1.1",
        "numbered",
        "No child waited more than two weeks to see a child psychologist.",
        [],
    ),
    (
        "b",
        "Planning",
        "1.2",
        "numbered",
        "Plans were rarely reviewed when a child's circumstances changed.",
        [],
    ),
]


@pytest.fixture(scope="module")
def corpus(embedder):
    metas = []
    counts: dict[tuple[str, str], int] = {}
    for rid, section, number, kind, _text, records in ROWS:
        counts[(rid, section)] = counts.get((rid, section), 0) + 1
        metas.append(
            {
                "report_id": rid,
                "section": section,
                "paragraph": number,
                "ordinal": counts[(rid, section)],
                "kind": kind,
                "section_path": section,
                "records": records,
            }
        )
    texts = [r[4] for r in ROWS]
    return build_corpus(
        REPORTS,
        {
            "ids": [f"p{i}" for i in range(len(ROWS))],
            "texts": texts,
            "metadatas": metas,
            "embeddings": embedder.embed(texts),
        },
    )


@pytest.fixture(scope="module")
def search(corpus, embedder):
    retriever = HybridRetriever(store=None, embedder=embedder)  # type: ignore[arg-type]
    planner = QuestionPlanner()

    def run(question, top_k=3, **changes):
        plan = planner.plan(question, None, None, corpus)
        for name, value in changes.items():
            setattr(plan, name, value)
        return retriever.retrieve(plan, corpus, top_k)

    return run


def where(hits):
    return [(h.report_id, h.paragraph or h.section) for h in hits]


def test_reciprocal_rank_fusion():
    fused = reciprocal_rank_fusion([[7, 8], [8, 9]])
    assert fused == pytest.approx({7: 1 / 61, 8: 1 / 62 + 1 / 61, 9: 1 / 62})


def test_a_paraphrase_with_no_shared_word_is_found_by_meaning(search):
    # "wait … appointment … mental health" vs "queue … counselling": meaning, not words
    hits = search("How long was the queue for counselling in Avonby?")
    assert where(hits)[0] == ("a", "1.2")


def test_the_search_stays_inside_the_reports_the_question_names(search):
    hits = search("How long did children wait for mental health help in Brill?")
    assert {h.report_id for h in hits} == {"b"}
    assert where(hits)[0] == ("b", "1.1")


def test_a_comparison_gets_each_side_first(search):
    sides = [Side("Avonby 2016", ["a"]), Side("Brill 2018", ["b"])]
    hits = search("Were plans reviewed?", top_k=4, sides=sides, comparison=True)
    assert [(h.side, h.report_id) for h in hits[:2]] == [(0, "a"), (1, "b")]
    assert where(hits[:2]) == [("a", "1.1"), ("b", "1.2")]


def test_a_fact_asked_for_favours_the_paragraph_that_prints_it(corpus, search):
    question = "Who is in charge in Avonby?"
    plain = search(question)
    asked = search(question, fact="service_manager")
    header = next(h for h in asked if h.section == "Header")
    before = next(h for h in plain if h.section == "Header")
    assert where(asked)[0] == ("a", "Header")
    assert header.score == pytest.approx(before.score + RERANK_WEIGHTS["fact"], abs=1e-5)


def test_features_of_a_candidate(corpus):
    plan = QuestionPlanner().plan("Were plans reviewed in Avonby?", None, None, corpus)
    terms = corpus.question_terms(plan.lexical_text)
    features = rerank_features(plan, corpus, 1, 0.5, 0.03, terms)
    assert features["coverage"] == pytest.approx(1.0)  # prints "plans" and "reviewed"
    assert features["section"] == 1.0  # the "Planning" heading names "plans"
    assert features["numbered"] == 1.0
    assert (features["fact"], features["summary"], features["wanted"]) == (0.0, 0.0, 0.0)
    assert rerank_score(features) == pytest.approx(
        sum(RERANK_WEIGHTS[k] * features[k] for k in RERANK_WEIGHTS)
    )


def test_hits_carry_their_provenance(search):
    [hit] = search("MAPPA referrals in Avonby", top_k=1)
    assert (hit.id, hit.report_id, hit.section, hit.paragraph, hit.ordinal, hit.kind) == (
        "p3",
        "a",
        "Protecting the public",
        "2.1",
        1,
        "numbered",
    )
    assert hit.text == "MAPPA referrals were made on time in all four cases."
    assert hit.bm25 > 0 and hit.dense > 0.3


class TestTemplateTwins:
    """Compared sides whose reports share a template: a side led by a summary line or a bullet
    takes the twin (same heading, same number) of the surest side's numbered finding."""

    @pytest.fixture(scope="class")
    @classmethod
    def twins(cls):
        rows = [  # (report, section, number, kind)
            ("a", "Summary", None, "prose"),
            ("a", "Health", "3.2", "numbered"),
            ("a", "Health", "3.3", "numbered"),
            ("b", "Health", "3.2", "numbered"),
            ("b", "Key strengths", None, "bullet"),
            ("a", "Recommendations", "3", "numbered"),
            ("b", "Recommendations", "3", "numbered"),
        ]
        return build_corpus(
            REPORTS,
            {
                "ids": [f"p{i}" for i in range(len(rows))],
                "texts": ["text"] * len(rows),
                "metadatas": [
                    {"report_id": r, "section": s, "paragraph": n, "ordinal": 1, "kind": k}
                    for r, s, n, k in rows
                ],
            },
        )

    def test_a_side_led_by_a_summary_takes_the_twin(self, twins):
        finals = [{0: 1.0, 1: 0.8, 2: 0.75}, {3: 0.9, 4: 0.85}]
        _align_twins(finals, twins)
        assert finals == [
            {0: 1.0, 1: pytest.approx(0.8 + TWIN_WEIGHT), 2: 0.75},
            {3: 0.9, 4: 0.85},
        ]
        assert max(finals[0], key=finals[0].__getitem__) == 1  # Health 3.2, as in report b

    def test_a_side_led_by_its_own_numbered_finding_keeps_it(self, twins):
        finals = [{2: 1.0, 1: 0.9}, {3: 0.95, 4: 0.5}]
        _align_twins(finals, twins)
        assert finals == [{2: 1.0, 1: 0.9}, {3: 0.95, 4: 0.5}]

    def test_list_items_of_one_number_are_no_twins(self, twins):
        finals = [{0: 1.0, 5: 0.8}, {6: 0.9}]
        _align_twins(finals, twins)
        assert finals == [{0: 1.0, 5: 0.8}, {6: 0.9}]


class TestSidesAgree:
    """Compared sides speak of one topic: a side's lead gives way, among its best three, to the
    paragraph that agrees in meaning with the other side's lead, when its score is close."""

    TEXTS = [
        ("a", "The proven reoffending rate for children was 40.3%."),
        ("a", "There are 31 people on the payroll, among them 11 case managers."),
        ("a", "Children waited six weeks for a first mental health appointment."),
        ("b", "The service employs 27 people, including nine case managers."),
        ("b", "Plans were reviewed after every significant change."),
    ]

    @pytest.fixture(scope="class")
    @classmethod
    def sides(cls, embedder):
        texts = [t for _, t in cls.TEXTS]
        return build_corpus(
            REPORTS,
            {
                "ids": [f"p{i}" for i in range(len(texts))],
                "texts": texts,
                "metadatas": [
                    {
                        "report_id": r,
                        "section": "Findings",
                        "paragraph": None,
                        "ordinal": i,
                        "kind": "prose",
                    }
                    for i, (r, _) in enumerate(cls.TEXTS, start=1)
                ],
                "embeddings": embedder.embed(texts),
            },
        )

    def test_a_close_second_on_the_same_topic_leads(self, sides):
        finals = [{0: 1.0, 1: 0.98, 2: 0.9}, {3: 1.0, 4: 0.7}]
        _agree(finals, sides)
        assert max(finals[0], key=finals[0].__getitem__) == 1  # the payroll, as side b's staff
        assert finals[0][1] == pytest.approx(1.0 + 1e-6)
        assert finals[0][0] == 1.0 and finals[0][2] == 0.9  # the rest keep their scores
        assert finals[1] == {3: 1.0, 4: 0.7}

    def test_a_lead_far_ahead_keeps_its_place(self, sides):
        finals = [{0: 1.0, 1: 1.0 - AGREE_WEIGHT, 2: 0.2}, {3: 1.0, 4: 0.7}]
        _agree(finals, sides)
        assert finals == [{0: 1.0, 1: 1.0 - AGREE_WEIGHT, 2: 0.2}, {3: 1.0, 4: 0.7}]

    def test_a_side_with_no_candidates_changes_nothing(self, sides):
        finals = [{0: 1.0, 1: 0.98}, {}]
        _agree(finals, sides)
        assert finals == [{0: 1.0, 1: 0.98}, {}]


def test_a_recommendation_counts_against_it_unless_actions_are_asked_for():
    """ "Were plans reviewed?" asks what was found: a recommendation ("Plans should be reviewed
    …") only says what should be done; "What is Avonby expected to do?" asks for it."""
    corpus = build_corpus(
        REPORTS,
        {
            "ids": ["p0"],
            "texts": ["Managers should make sure that plans are reviewed every three months."],
            "metadatas": [
                {
                    "report_id": "a",
                    "section": "Recommendations",
                    "paragraph": "1",
                    "ordinal": 1,
                    "kind": "numbered",
                }
            ],
        },
    )
    planner = QuestionPlanner()

    def feature(question):
        plan = planner.plan(question, None, None, corpus)
        terms = corpus.question_terms(plan.lexical_text)
        return rerank_features(plan, corpus, 0, 0.5, 0.03, terms)["unasked_action"]

    assert feature("Were plans reviewed in Avonby?") == 1.0
    assert feature("What is Avonby expected to do about plans?") == 0.0
    assert feature("What were the recommendations in Avonby?") == 0.0
    assert RERANK_WEIGHTS["unasked_action"] < 0


def test_the_overall_picture_always_has_the_summary_among_its_candidates(embedder):
    """For an overall-verdict question about a report, its summary is a candidate however far its
    words and meaning are from the question's (a bare "Give me the gist of …" is nearer a header
    field than the verdict); other questions search the nearest paragraphs only."""
    texts = [
        "Overall, the service did well for children.",
        *[
            f"Planning in the {w} cases was reviewed every month."
            for w in ("court", "custody", "remand", "caution", "referral")
        ],
    ]
    metas = [{"report_id": "c", "section": "Summary", "ordinal": 1, "kind": "prose"}] + [
        {
            "report_id": "c",
            "section": "Planning",
            "paragraph": f"1.{i}",
            "ordinal": i,
            "kind": "numbered",
        }
        for i in range(1, 6)
    ]
    corpus = build_corpus(
        [{"report_id": "c", "area": "Cardale", "year": 2020, "inspection_type": "unknown"}],
        {
            "ids": [f"c{i}" for i in range(6)],
            "texts": texts,
            "metadatas": metas,
            "embeddings": embedder.embed(texts),
        },
    )
    retriever = HybridRetriever(store=None, embedder=embedder, candidates=1)  # type: ignore[arg-type]
    plan = QuestionPlanner().plan(
        "Give me the gist of planning reviews in Cardale", None, None, corpus
    )
    # one paragraph asked for: the four nearest are its candidates (`_candidates`, what the
    # reranker scores), which the summary is not among
    assert 0 not in retriever._candidates(plan, corpus, 1)[0]
    assert retriever.retrieve(plan, corpus, 1)[0].section == "Planning"
    plan.overall = True
    assert 0 in retriever._candidates(plan, corpus, 1)[0]


def test_a_foreword_sums_up_half_as_surely_as_a_summary(corpus):
    from dataclasses import replace

    plan = QuestionPlanner().plan("Sum up the Avonby inspection", None, None, corpus)
    plan.overall = True
    for heading, value in [("Summary", 1.0), ("Foreword", 0.5), ("Planning", 0.0)]:
        metas = [dict(m) for m in corpus.metas]
        metas[1]["section"] = heading
        changed = replace(corpus, metas=metas)
        assert rerank_features(plan, changed, 1, 0.5, 0.0, {})["summary"] == value, heading


def test_a_table_row_or_grade_line_under_a_summary_heading_sums_nothing_up(corpus):
    """ "Total | 40" in a summary's table led "Summarise the inspection" ahead of its verdict."""
    from dataclasses import replace

    plan = QuestionPlanner().plan("Sum up the Avonby inspection", None, None, corpus)
    plan.overall = True
    for kind, value in [("prose", 1.0), ("table_row", 0.0), ("field", 0.0), ("rating", 0.0)]:
        metas = [dict(m) for m in corpus.metas]
        metas[1]["section"], metas[1]["kind"] = "Summary", kind
        changed = replace(corpus, metas=metas)
        assert rerank_features(plan, changed, 1, 0.5, 0.0, {})["summary"] == value, kind


def test_a_sum_of_money_asked_for_favours_a_paragraph_that_prints_one(embedder):
    texts = [
        "The service employs 41 staff at Talbot House. Its budget for 2022 was £2.4 million.",
        "Money was tight, and the council kept cutting what the service could spend on staff.",
    ]
    corpus = build_corpus(
        [REPORTS[0]],
        {
            "ids": ["m0", "m1"],
            "texts": texts,
            "metadatas": [
                {
                    "report_id": "a",
                    "section": "Background",
                    "paragraph": None,
                    "ordinal": n,
                    "kind": "prose",
                    "section_path": "Background",
                    "records": [],
                }
                for n in (1, 2)
            ],
            "embeddings": embedder.embed(texts),
        },
    )
    plan = QuestionPlanner().plan(
        "How much money does the service have to spend?", None, None, corpus
    )
    terms = corpus.question_terms(plan.lexical_text)
    assert plan.money
    assert [rerank_features(plan, corpus, row, 0.5, 0.03, terms)["wanted"] for row in (0, 1)] == [
        1.0,
        0.0,
    ]
    retriever = HybridRetriever(store=None, embedder=embedder)  # type: ignore[arg-type]
    asked = {h.ordinal: h.score for h in retriever.retrieve(plan, corpus, 2)}
    plan.money = False
    plain = {h.ordinal: h.score for h in retriever.retrieve(plan, corpus, 2)}
    assert asked[1] == pytest.approx(plain[1] + RERANK_WEIGHTS["wanted"], abs=1e-5)
    assert asked[2] == pytest.approx(plain[2], abs=1e-5)
