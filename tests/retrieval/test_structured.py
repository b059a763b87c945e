"""Answers from records (retrieval.structured) on small hand-built corpora: no sample report,
no store; `build_corpus` takes plain rows with their `records` metadata."""

from __future__ import annotations

import pytest

from findings.records import Abstention
from findings.vocab import LIST_SECTIONS, AbstainReason
from retrieval.corpus import build_corpus
from retrieval.hybrid import hit_from_row
from retrieval.intents import Intent
from retrieval.plan import Plan, Side
from retrieval.structured import (
    StructuredAnswerer,
    cite_statement,
    gives_grade,
    rating_statement,
    stated_grade_quote,
    unrated_standard,
)


def _row(rid, section, ordinal, text, records=(), paragraph=None, kind="prose"):
    return {
        "text": text,
        "meta": {
            "report_id": rid,
            "section": section,
            "paragraph": paragraph,
            "ordinal": ordinal,
            "page": None,
            "kind": kind,
            "footnotes": [],
            "section_path": section,
            "records": [
                {
                    "report_id": rid,
                    "section": section,
                    "paragraph": paragraph,
                    "ordinal": ordinal,
                    **r,
                }
                for r in records
            ],
        },
    }


def corpus_of(rows, reports):
    return build_corpus(
        reports,
        {
            "ids": [f"p{i}" for i in range(len(rows))],
            "texts": [r["text"] for r in rows],
            "metadatas": [r["meta"] for r in rows],
        },
    )


REPORTS = [
    {"report_id": "a", "area": "Avonby", "year": 2016, "inspection_type": "unknown"},
    {"report_id": "b", "area": "Brill", "year": 2018, "inspection_type": "unknown"},
]
REC_A1 = "The YOS Manager should review every plan within a month."
REC_A2 = "The Management Board should receive a quarterly report on education."
ROWS = [
    _row(
        "a",
        "Recommendations",
        1,
        REC_A1,
        [{"kind": "recommendation", "text": REC_A1, "owner": "YOS Manager"}],
        kind="numbered",
    ),
    _row(
        "a",
        "Recommendations",
        2,
        REC_A2,
        [{"kind": "recommendation", "text": REC_A2, "owner": "Management Board"}],
        kind="numbered",
    ),
    _row(
        "a",
        "Ratings",
        1,
        "Assessment | Good",
        [{"kind": "rating", "text": "Assessment | Good", "subject": "Assessment", "value": "Good"}],
    ),
    _row(
        "a",
        "Ratings",
        2,
        "Planning | Inadequate",
        [
            {
                "kind": "rating",
                "text": "Planning | Inadequate",
                "subject": "Planning",
                "value": "Inadequate",
            }
        ],
    ),
    _row(
        "b",
        "Ratings",
        1,
        "Assessment | Inadequate",
        [
            {
                "kind": "rating",
                "text": "Assessment | Inadequate",
                "subject": "Assessment",
                "value": "Inadequate",
            }
        ],
    ),
    _row(
        "a",
        "Summary",
        1,
        "The reoffending rate was 40.1% against 36.2% nationally.",
        [
            {
                "kind": "fact",
                "subject": "reoffending_rate",
                "value": "40.1%",
                "text": "The reoffending rate was 40.1% against 36.2% nationally.",
            },
            {
                "kind": "fact",
                "subject": "national_reoffending_rate",
                "value": "36.2%",
                "text": "The reoffending rate was 40.1% against 36.2% nationally.",
            },
        ],
    ),
    _row(
        "b",
        "Summary",
        1,
        "Its reoffending rate of 30.0% was below the 36.2% for England.",
        [
            {
                "kind": "fact",
                "subject": "reoffending_rate",
                "value": "30.0%",
                "text": "Its reoffending rate of 30.0% was below the 36.2% for England.",
            },
            {
                "kind": "fact",
                "subject": "national_reoffending_rate",
                "value": "36.2%",
                "text": "Its reoffending rate of 30.0% was below the 36.2% for England.",
            },
        ],
    ),
]


def plan(question, report_ids, areas=(), **kw):
    p = Plan(question, question, [Side("x", report_ids)], areas=list(areas), **kw)
    p.scope = ["a", "b"]
    return p


def where(draft, corpus):
    return [(c.hit.report_id, c.hit.section, c.hit.ordinal, c.quote) for c in draft.cited]


class TestLists:
    def test_every_recommendation_is_listed_counted_and_cited(self):
        corpus = corpus_of(ROWS, REPORTS)
        p = plan(
            "What did they recommend in Avonby?",
            ["a"],
            ["Avonby"],
            list_kind="recommendation",
            list_sections=LIST_SECTIONS["recommendation"],
        )
        draft = StructuredAnswerer().answer(p, [], corpus)
        assert draft.text == (
            f"Avonby 2016 lists 2 recommendations:\n- “{REC_A1}” [1]\n- “{REC_A2}” [2]"
        )
        assert where(draft, corpus) == [
            ("a", "Recommendations", 1, REC_A1),
            ("a", "Recommendations", 2, REC_A2),
        ]

    def test_a_count_asked_for_leads_with_the_report_s_sentence_giving_it(self):
        """ "How many recommendations?": the report's "we have made two recommendations" leads;
        without such a sentence, the list alone answers."""
        told = "As a result of our findings, we have made two recommendations."
        rows = [_row("a", "Foreword", 1, told), *ROWS]
        corpus = corpus_of(rows, REPORTS)
        p = plan(
            "How many recommendations were made in Avonby?",
            ["a"],
            ["Avonby"],
            list_kind="recommendation",
            quantity=True,
        )
        draft = StructuredAnswerer().answer(p, [], corpus)
        assert draft.text == (
            f"“{told}” [1]\n\nAvonby 2016 lists 2 recommendations:\n- “{REC_A1}” [2]\n"
            f"- “{REC_A2}” [3]"
        )
        assert where(draft, corpus)[0] == ("a", "Foreword", 1, told)
        # a sentence giving another count is not the list's
        rows = [_row("a", "Foreword", 1, "We made three recommendations in 2013."), *ROWS]
        draft = StructuredAnswerer().answer(p, [], corpus_of(rows, REPORTS))
        assert draft.text.startswith("Avonby 2016 lists 2 recommendations:")

    def test_an_owner_named_by_the_one_word_no_other_owner_has(self):
        """ "the board itself": "Management Board" is the only owner with "board" (it shares
        no two words with the question); a word every owner has names none."""
        corpus = corpus_of(ROWS, REPORTS)

        def asked(question):
            p = plan(question, ["a"], ["Avonby"], list_kind="recommendation")
            return where(StructuredAnswerer().answer(p, [], corpus), corpus)

        assert asked("What did inspectors ask of the board itself in Avonby?") == [
            ("a", "Recommendations", 2, REC_A2)
        ]
        assert len(asked("What recommendations were made in Avonby?")) == 2

    def test_an_owner_named_by_the_acronym_the_report_defines(self):
        """ "the YJS itself": the report defines YJS as Wenlow Youth Justice Service, so the
        question names that owner by all its words; the board, whose name prints "YJS" too, is
        named by one word only."""
        recs = [
            ("Wenlow Youth Justice Service", "review cases promptly after an arrest"),
            ("The Wenlow YJS Management Board", "receive reports on school attendance"),
        ]
        rows = [
            _row("a", "Foreword", 1, "Wenlow Youth Justice Service (YJS) was rated Good."),
            *(
                _row(
                    "a",
                    "Recommendations",
                    n,
                    text,
                    [{"kind": "recommendation", "text": text, "owner": owner}],
                    kind="bullet",
                )
                for n, (owner, text) in enumerate(recs, 1)
            ),
        ]
        corpus = corpus_of(rows, [{**REPORTS[0], "area": "Wenlow"}])
        p = plan(
            "What did the 2016 report tell the YJS itself to do?",
            ["a"],
            ["Wenlow"],
            list_kind="recommendation",
        )
        draft = StructuredAnswerer().answer(p, [], corpus)
        assert where(draft, corpus) == [
            ("a", "Recommendations", 1, "review cases promptly after an arrest")
        ]

    def test_an_owner_named_in_the_question_narrows_the_list(self):
        corpus = corpus_of(ROWS, REPORTS)
        p = plan(
            "Which recommendations were for the management board in Avonby?",
            ["a"],
            ["Avonby"],
            list_kind="recommendation",
        )
        draft = StructuredAnswerer().answer(p, [], corpus)
        assert where(draft, corpus) == [("a", "Recommendations", 2, REC_A2)]
        assert draft.text.startswith("Avonby 2016: 1 of its 2 recommendations:")

    def test_an_owner_named_by_its_role_without_its_places(self):
        """The question names the role ("the directors of children's services"); the report's
        owner adds the places ("… in Avonby City, Lowmoor and Pell"), and a single shared word
        ("services") does not name another owner."""
        owners = [
            "The directors of children's services in Avonby City, Lowmoor and Pell",
            "YOT heads of service",
            "The Department for Education",
        ]
        rows = [
            _row(
                "a",
                "Recommendations",
                n,
                f"Recommendation {n} text.",
                [{"kind": "recommendation", "text": f"Recommendation {n} text.", "owner": o}],
                kind="numbered",
            )
            for n, o in enumerate(owners, start=1)
        ]
        corpus = corpus_of(rows, REPORTS)
        p = plan(
            "Which recommendations fall to the directors of children's services?",
            ["a"],
            ["Avonby"],
            list_kind="recommendation",
        )
        draft = StructuredAnswerer().answer(p, [], corpus)
        assert where(draft, corpus) == [("a", "Recommendations", 1, "Recommendation 1 text.")]
        p = plan(
            "Which recommendations are for the service?",
            ["a"],
            ["Avonby"],
            list_kind="recommendation",
        )
        assert len(StructuredAnswerer().answer(p, [], corpus).cited) == 3  # nobody named

    def test_the_manager_is_not_the_management_board(self):
        corpus = corpus_of(ROWS, REPORTS)
        p = plan(
            "Which recommendations were for the YOS manager?",
            ["a"],
            ["Avonby"],
            list_kind="recommendation",
        )
        assert where(StructuredAnswerer().answer(p, [], corpus), corpus) == [
            ("a", "Recommendations", 1, REC_A1)
        ]

    def test_what_an_owner_is_expected_to_do_is_its_recommendations(self):
        """ "What is the YOS manager expected to do?" asks for actions of an owner the report's
        recommendations name: those are listed; with no owner named, no list."""
        corpus = corpus_of(ROWS, REPORTS)
        p = plan("What is the YOS manager expected to do?", ["a"], ["Avonby"], wants_actions=True)
        draft = StructuredAnswerer().answer(p, [], corpus)
        assert where(draft, corpus) == [("a", "Recommendations", 1, REC_A1)]
        assert draft.text.startswith("Avonby 2016: 1 of its 2 recommendations:")
        nobody = plan("What should be done about plans?", ["a"], ["Avonby"], wants_actions=True)
        assert StructuredAnswerer().answer(nobody, [], corpus) is None

    def test_no_owner_printed_the_items_opening_with_the_one_named(self):
        """Items written "X should …" have no owner record; the question's owner is found as
        the X the item opens with, of every item that names it ("… and the management board
        should" too), and "The YOS Manager" is not "the YOS management board"."""
        texts = [
            "The YOS Manager should review every plan within a month.",
            "The YOS Management Board should receive a report on education.",
            "The health trust and the YOS Management Board should fund speech therapy.",
            "Education records should be shared with case managers.",
        ]
        rows = [
            _row(
                "a",
                "Recommendations",
                n,
                t,
                [{"kind": "recommendation", "text": t, "owner": None}],
                kind="numbered",
            )
            for n, t in enumerate(texts, start=1)
        ]
        corpus = corpus_of(rows, REPORTS)

        def asked(question):
            p = plan(question, ["a"], ["Avonby"], list_kind="recommendation")
            return [c[2] for c in where(StructuredAnswerer().answer(p, [], corpus), corpus)]

        assert asked("Which Avonby recommendations are for the YOS management board?") == [2, 3]
        assert asked("Which recommendations fell to the YOS manager?") == [1]
        assert asked("What were the recommendations in Avonby?") == [1, 2, 3, 4]

    def test_one_areas_reports_give_its_latest_list(self):
        """ "What were Avonby's strengths?" of two Avonby reports lists the newer's, whichever
        the search ranked first; the one of them that has a list, if only one does."""
        reports = [
            {"report_id": "a14", "area": "Avonby", "year": 2014, "inspection_type": "sqs"},
            {"report_id": "a19", "area": "Avonby", "year": 2019, "inspection_type": "sqs"},
        ]
        rows = [
            _row(rid, "Key strengths", 1, t, [{"kind": "strength", "text": t}], kind="bullet")
            for rid, t in (("a14", "Plans were good in 2014."), ("a19", "Plans were good."))
        ]
        corpus = corpus_of(rows, reports)
        p = plan("What were Avonby's strengths?", ["a14", "a19"], ["Avonby"], list_kind="strength")
        first_ranked = [hit_from_row(corpus, 0)]  # the 2014 item
        assert where(StructuredAnswerer().answer(p, first_ranked, corpus), corpus) == [
            ("a19", "Key strengths", 1, "Plans were good.")
        ]
        only_2014 = corpus_of(rows[:1] + [_row("a19", "Summary", 1, "Fine.")], reports)
        assert where(StructuredAnswerer().answer(p, [], only_2014), only_2014) == [
            ("a14", "Key strengths", 1, "Plans were good in 2014.")
        ]

    def test_a_report_without_records_of_the_kind_leaves_it_to_search(self):
        corpus = corpus_of(ROWS, REPORTS)
        p = plan("What were the strengths in Brill?", ["b"], ["Brill"], list_kind="strength")
        assert StructuredAnswerer().answer(p, [], corpus) is None


class TestGrades:
    def test_a_grade_line_in_the_standard_s_part_does_not_repeat_the_table_row(self):
        """ "Our rating for planning is: Inadequate" under "Planning" is the table's "Planning |
        Inadequate" again: one entry. A line under a standard the table grades otherwise, or
        the table's own rows sharing a name, stay."""
        line = "Our rating for planning is: Inadequate"
        rows = [
            *ROWS,
            _row(
                "a",
                "Planning",
                1,
                line,
                [{"kind": "rating", "text": line, "subject": "Our rating for planning is", "value": "Inadequate"}],
                kind="rating",
            ),
        ]  # fmt: skip
        corpus = corpus_of(rows, REPORTS)
        p = plan("Which standards were rated inadequate?", ["a"], ["Avonby"], rating=True)
        draft = StructuredAnswerer().answer(p, [], corpus)
        assert draft.text == "Avonby 2016:\n- **Planning**: Inadequate [1]"

    def test_a_grade_named_lists_every_rating_with_it_across_reports(self):
        corpus = corpus_of(ROWS, REPORTS)
        p = plan("Which standards were rated inadequate?", None, rating=True, enumerate=True)
        draft = StructuredAnswerer().answer(p, [], corpus)
        assert draft.text == (
            "Avonby 2016:\n- **Planning**: Inadequate [1]\n"
            "Brill 2018:\n- **Assessment**: Inadequate [2]"
        )
        assert where(draft, corpus) == [
            ("a", "Ratings", 2, "Planning | Inadequate"),
            ("b", "Ratings", 1, "Assessment | Inadequate"),
        ]

    def test_a_grade_named_in_another_form(self):
        """ "judged as requiring improvement" names the grade printed "Requires improvement"."""
        rows = [
            _row(
                "b",
                "Ratings",
                1,
                "Reviewing | Requires improvement",
                [
                    {
                        "kind": "rating",
                        "text": "Reviewing | Requires improvement",
                        "subject": "Reviewing",
                        "value": "Requires improvement",
                    }
                ],
            )
        ]
        corpus = corpus_of(rows, REPORTS)
        p = plan(
            "List the standards judged as requiring improvement in Brill.",
            ["b"],
            ["Brill"],
            rating=True,
        )
        draft = StructuredAnswerer().answer(p, [], corpus)
        assert draft.text == "Brill 2018:\n- **Reviewing**: Requires improvement [1]"

    def test_a_grade_word_in_a_plain_question_is_not_a_filter(self):
        corpus = corpus_of(ROWS, REPORTS)
        p = plan("What share of plans were good enough?", None)
        assert StructuredAnswerer().answer(p, [], corpus) is None


def _rating(rid, ordinal, subject, grade, sep=" | "):
    text = f"{subject}{sep}{grade}"
    return _row(
        rid,
        "Ratings",
        ordinal,
        text,
        [{"kind": "rating", "text": text, "subject": subject, "value": grade}],
        kind="table_row",
    )


class TestRatingStatement:
    """The report's own sentence stating a grade from its ratings table, found by structure:
    the standard's number leading the paragraph's, or its heading and part."""

    ROWS = [
        _rating("a", 1, "2.1 Assessment", "Good"),
        _rating("a", 2, "3.1 Assessment", "Requires improvement"),
        _rating("a", 3, "3.4 Joint working", "Outstanding"),
        _row("a", "Assessment", 1, "Case managers did a good job. Assessment was rated Good.", paragraph="2.1.1"),
        _row("a", "Assessment", 1, "Out-of-court assessment was rated Requires improvement. Plans were late. Nothing else.", paragraph="3.1.1"),
        _row("a", "Joint working", 1, "The police gave a good range of help.", paragraph="3.4.1"),
        _rating("b", 1, "Out-of-court disposals: Planning", "Inadequate", ": "),
        _row("b", "Planning", 1, "Planning was rated Good in court cases."),
        _row("b", "Planning", 1, "We rated planning as Inadequate. Few plans existed."),
    ]  # fmt: skip

    def _corpus(self):
        corpus = corpus_of(self.ROWS, REPORTS)
        for row in (7, 8):  # the second "Planning" sits in the out-of-court part
            part = "Court disposals" if row == 7 else "Out-of-court disposals"
            corpus.metas[row]["section_path"] = f"{part} > Planning"
        return corpus

    def test_the_standard_number_finds_its_paragraph_not_a_namesake(self):
        corpus = self._corpus()
        assert rating_statement(corpus, 0) == 3
        assert rating_statement(corpus, 1) == 4  # not 2.1.1 under the other "Assessment"
        assert stated_grade_quote(corpus, 4) == (
            "Out-of-court assessment was rated Requires improvement. Plans were late."
        )

    def test_a_grade_word_in_another_sense_states_no_grade(self):
        assert rating_statement(self._corpus(), 2) is None  # "a good range of help"

    def test_an_unnumbered_standard_is_found_by_heading_and_part(self):
        corpus = self._corpus()
        assert rating_statement(corpus, 6) == 8
        assert (
            stated_grade_quote(corpus, 8) == "We rated planning as Inadequate. Few plans existed."
        )

    def test_else_the_one_sentence_that_names_the_standard_and_states_its_grade(self):
        """Body numbers not the standards' ("1.3" states "1.2 Staff"): the paragraph whose
        sentence names the standard and states the grade, when only one does."""
        rows = [
            _rating("a", 1, "1.2 Organisational delivery: Staff", "Outstanding"),
            _rating("a", 2, "2.1 Court work: Assessment", "Good"),
            _row("a", "Delivery", 1, "Nobody left. We rated staffing as Outstanding.", paragraph="1.3"),
            _row("a", "Court", 1, "We rated assessment as Good in court.", paragraph="2.2"),
            _row("a", "Court", 2, "Assessment was Good after release too.", paragraph="2.3"),
        ]  # fmt: skip
        corpus = corpus_of(rows, REPORTS)
        assert rating_statement(corpus, 0) == 2
        assert rating_statement(corpus, 1) is None  # two sentences could be it: neither

    def test_of_two_sentences_stating_the_grade_the_one_naming_the_standard_is_quoted(self):
        """A foreword's paragraph states two Outstanding grades; the grade line "Our rating for
        assessment in out-of-court disposals is: Outstanding" is stated by the second (the
        staffing sentence was quoted for it)."""
        rows = [
            _rating("a", 1, "Our rating for assessment in out-of-court disposals is", "Outstanding", ": "),
            _row("a", "Foreword", 1, "The staff group is stable, and we rated staffing as Outstanding. "
                 "The board meets often. Work with children who receive an out-of-court disposal is a "
                 "strength, and we rated the assessment of out-of-court disposals as Outstanding."),
        ]  # fmt: skip
        corpus = corpus_of(rows, REPORTS)
        cited = cite_statement(corpus, 0, 1.0)
        assert cited is not None and cited.hit.row == 1
        assert cited.quote == (
            "Work with children who receive an out-of-court disposal is a strength, and we rated "
            "the assessment of out-of-court disposals as Outstanding."
        )

    def test_a_grade_given_as_a_rating_of_it(self):
        rows = [
            _rating("a", 1, "Overall rating", "Requires improvement", ": "),
            _row("a", "Overall rating", 2, "Avonby YOS has been given an overall rating of Requires improvement."),
        ]  # fmt: skip
        corpus = corpus_of(rows, REPORTS)
        corpus.metas[0]["section"] = "Overall rating"
        assert rating_statement(corpus, 0) == 1

    def test_a_sentence_giving_several_things_grades_states_none_of_them(self):
        """ "eight were rated Good …, three were rated Requires improvement" under a heading named
        like the grade's record is no statement of the overall grade; a sentence giving that
        grade is its own statement (it is one already: no other is put before it)."""
        rows = [
            _rating("a", 1, "Avonby Youth Justice Service", "Requires improvement", ": "),
            _row("a", "Overall rating", 2, "We inspect 13 standards. In Avonby eight were rated Good, while three were rated Requires improvement."),
            _row("a", "Foreword", 1, "Our overall rating for Avonby Youth Justice Service is Requires improvement.",
                 [{"kind": "rating", "subject": "Overall rating", "value": "Requires improvement"}]),
        ]  # fmt: skip
        corpus = corpus_of(rows, REPORTS)
        corpus.metas[0]["section"] = "Overall rating"
        assert rating_statement(corpus, 0) is None
        assert rating_statement(corpus, 2) is None
        assert stated_grade_quote(corpus, 1, "Requires improvement") == (
            "In Avonby eight were rated Good, while three were rated Requires improvement."
        )

    def test_a_grade_of_two_words_is_stated_as_a_verb_but_not_by_a_rating_line(self):
        rows = [
            _rating("a", 1, "3.2 Planning", "Requires improvement"),
            _row("a", "Planning", 1, "Rating: Requires improvement", paragraph=None, kind="field"),
            _row("a", "Planning", 2, "Out-of-court planning requires improvement. Few plans existed.", paragraph="3.2.1"),
        ]  # fmt: skip
        corpus = corpus_of(rows, REPORTS)
        assert rating_statement(corpus, 0) == 2
        assert stated_grade_quote(corpus, 2) == (
            "Out-of-court planning requires improvement. Few plans existed."
        )

    def test_grades_below_or_above_a_grade_named(self):
        """ "Which standards came out below Good?" listed the Good ones."""
        corpus = self._corpus()
        below = plan("Which standards came out below Good?", ["a"], ["Avonby"], rating=True)
        above = plan("Was anything rated better than Good?", ["a"], ["Avonby"], rating=True)
        assert StructuredAnswerer().answer(below, [], corpus).text.splitlines()[1] == (
            "- **3.1 Assessment**: Requires improvement — “Out-of-court assessment was rated "
            "Requires improvement. Plans were late.” [1]"
        )
        assert StructuredAnswerer().answer(above, [], corpus).text == (
            "Avonby 2016:\n- **3.4 Joint working**: Outstanding [1]"
        )
        # read as asking for strengths by its words ("which bits came out …"), it asks for grades
        bits = plan(
            "which bits came out better than good?", ["a"], ["Avonby"], list_kind="strength"
        )
        assert StructuredAnswerer().answer(bits, [], corpus).text == (
            "Avonby 2016:\n- **3.4 Joint working**: Outstanding [1]"
        )

    def test_a_grade_listed_is_quoted_from_its_statement_where_there_is_one(self):
        corpus = self._corpus()
        p = plan("Which standard was rated Outstanding?", ["a"], ["Avonby"], rating=True)
        p2 = plan("Which standard was rated Inadequate?", ["b"], ["Brill"], rating=True)
        p3 = plan("Which standards were rated Good or Outstanding?", ["a"], ["Avonby"], rating=True)
        # 3.4.1 states no grade: the table row is quoted
        assert StructuredAnswerer().answer(p, [], corpus).text == (
            "Avonby 2016:\n- **3.4 Joint working**: Outstanding [1]"
        )
        draft = StructuredAnswerer().answer(p2, [], corpus)
        assert draft.text == (
            "Brill 2018:\n- **Out-of-court disposals: Planning**: Inadequate — "
            "“We rated planning as Inadequate. Few plans existed.” [1]"
        )
        assert [c.hit.row for c in draft.cited] == [8]
        both = StructuredAnswerer().answer(p3, [], corpus)
        assert both.text == (
            "Avonby 2016:\n"
            "- **2.1 Assessment**: Good — “Assessment was rated Good.” [1]\n"
            "- **3.4 Joint working**: Outstanding [2]"
        )
        assert [c.hit.row for c in both.cited] == [3, 2]


class TestFactAcross:
    def _plan(self, question):
        return plan(
            question,
            None,
            fact="reoffending_rate",
            intent=Intent("fact:reoffending_rate", probability=0.9, similarity=0.8),
        )

    @staticmethod
    def _printing_it(corpus):
        """The search's best passages: the rows that print a reoffending rate, best first."""
        rows = [
            i
            for i, m in enumerate(corpus.metas)
            if any(r.get("subject") == "reoffending_rate" for r in m.get("records") or ())
        ]
        return [hit_from_row(corpus, i, score=1.0) for i in rows]

    def test_above_the_national_rate_keeps_only_the_reports_above_it(self):
        corpus = corpus_of(ROWS, REPORTS)
        draft = StructuredAnswerer().answer(
            self._plan("Where was reoffending above the national rate?"),
            self._printing_it(corpus),
            corpus,
        )
        assert [c.hit.report_id for c in draft.cited] == ["a"]
        assert draft.text == (
            "- **Avonby 2016**: 40.1% — “The reoffending rate was 40.1% against 36.2% "
            "nationally.” [1]"
        )

    def test_below_keeps_the_others(self):
        corpus = corpus_of(ROWS, REPORTS)
        draft = StructuredAnswerer().answer(
            self._plan("Where was reoffending lower than nationally?"),
            self._printing_it(corpus),
            corpus,
        )
        assert [c.hit.report_id for c in draft.cited] == ["b"]

    def test_a_rate_set_against_the_national_one_is_asked_of_each_report(self):
        """Wording far from the exemplars (similarity 0.6) still asks it of every report when
        it sets the rate against the national one; without that, it is left to search."""
        corpus = corpus_of(ROWS, REPORTS)
        weak = Intent("fact:reoffending_rate", probability=0.6, similarity=0.6)
        p = self._plan("Which areas beat the national reoffending average?")
        p.intent = weak
        draft = StructuredAnswerer().answer(p, self._printing_it(corpus), corpus)
        assert [c.hit.report_id for c in draft.cited] == ["b"]
        p = self._plan("Which areas printed a reoffending figure?")
        p.intent = weak
        assert StructuredAnswerer().answer(p, self._printing_it(corpus), corpus) is None

    def test_not_when_the_best_passages_do_not_print_the_fact(self):
        # read like a question for the fact by meaning, but the search found other passages
        corpus = corpus_of(ROWS, REPORTS)
        others = [
            hit_from_row(corpus, i, score=1.0)
            for i, m in enumerate(corpus.metas)
            if not any(r.get("kind") == "fact" for r in m.get("records") or ())
        ]
        p = self._plan("Which service brought in a new plan with a rate card?")
        assert StructuredAnswerer().answer(p, others, corpus) is None

    def test_a_question_naming_an_area_is_left_to_search(self):
        corpus = corpus_of(ROWS, REPORTS)
        p = self._plan("What was the reoffending rate in Avonby?")
        p.areas = ["Avonby"]
        assert StructuredAnswerer().answer(p, [], corpus) is None

    def test_a_plan_that_abstains_is_not_answered(self):
        corpus = corpus_of(ROWS, REPORTS)
        p = self._plan("Where was reoffending above the national rate?")
        p.abstain = Abstention(AbstainReason.NAME_NOT_PRINTED, "")
        assert StructuredAnswerer().answer(p, [], corpus) is None


class TestCollection:
    """Questions about the stored reports themselves, answered from their metadata."""

    DATED = [
        _row(
            "a",
            "Header",
            1,
            "Publication date: 3 May 2016",
            [
                {
                    "kind": "fact",
                    "subject": "publication_date",
                    "value": "3 May 2016",
                    "text": "Publication date: 3 May 2016",
                }
            ],
        ),
        _row("b", "Introduction", 1, "This report is about Brill. It was written in 2018."),
        _row("c", "Introduction", 1, "A second look at Avonby. Inspectors returned in 2019."),
    ]
    REPORTS3 = REPORTS + [
        {"report_id": "c", "area": "Avonby", "year": 2019, "inspection_type": "unknown"}
    ]

    def ask(self, kind, areas=(), report_ids=None):
        corpus = corpus_of(self.DATED, self.REPORTS3)
        p = plan("?", report_ids, areas, collection=kind)
        p.scope = ["a", "b", "c"]
        return StructuredAnswerer().answer(p, [], corpus), corpus

    def test_the_latest_report_is_cited_by_its_first_paragraph_without_a_date_record(self):
        draft, corpus = self.ask("latest")
        assert draft.text == (
            "The most recent of the 3 reports stored is **Avonby 2019**: "
            "“A second look at Avonby.” [1]"
        )
        assert where(draft, corpus) == [("c", "Introduction", 1, "A second look at Avonby.")]

    def test_the_earliest_of_an_area_is_cited_by_its_publication_date(self):
        draft, corpus = self.ask("earliest", areas=["Avonby"], report_ids=["c"])
        assert draft.text.startswith("The earliest of the 2 reports stored is **Avonby 2016**")
        assert where(draft, corpus) == [("a", "Header", 1, "Publication date: 3 May 2016")]

    def test_areas_with_more_than_one_inspection_cite_each_report(self):
        draft, corpus = self.ask("repeated")
        assert draft.text.splitlines()[:2] == [
            "1 area has more than one inspection:",
            "- **Avonby** (2):",
        ]
        assert [c[0] for c in where(draft, corpus)] == ["a", "c"]

    def test_all_reports_oldest_first_each_cited(self):
        draft, corpus = self.ask("all")
        assert draft.text.splitlines()[0] == "3 reports are stored:"
        assert [c[0] for c in where(draft, corpus)] == ["a", "b", "c"]


def test_better_and_worse_reoffending_are_below_and_above_the_national_rate():
    from retrieval.structured import _direction

    assert _direction("Which areas had reoffending worse than the national figure?") == 1
    assert _direction("Which areas beat the national reoffending average?") == -1
    assert _direction("Where was reoffending better than in England and Wales?") == -1
    assert _direction("What was the reoffending rate?") == 0


@pytest.mark.parametrize(
    ("text", "records", "gives"),
    [
        ("We rated planning as Inadequate because plans rarely addressed risk.", [], True),
        ("Planning was good enough in 17 of the 24 cases.", [], False),  # a share, no grade
        (
            "3.2 Planning | Good",
            [{"kind": "rating", "subject": "3.2 Planning", "value": "Good"}],
            True,
        ),
    ],
)
def test_a_passage_gives_a_grade_as_reports_print_one(text, records, gives):
    from retrieval.corpus import build_corpus
    from retrieval.structured import gives_grade

    corpus = build_corpus(
        [{"report_id": "p", "area": "Pellmoor", "year": 2022, "inspection_type": "unknown"}],
        {
            "ids": ["p0"],
            "texts": [text],
            "metadatas": [
                {
                    "report_id": "p",
                    "section": "Planning",
                    "ordinal": 1,
                    "kind": "prose",
                    "records": records,
                }
            ],
        },
    )
    assert gives_grade(corpus, 0) is gives


def test_one_item_is_counted_in_the_singular():
    from retrieval.structured import _number

    assert _number("recommendations", 1) == "recommendation"
    assert _number("key strengths", 1) == "key strength"
    assert _number("areas requiring improvement", 1) == "area requiring improvement"
    assert _number("areas for improvement", 2) == "areas for improvement"


def _graded_rows(graded: list[tuple[str, str]]) -> list[dict]:
    """Brill's ratings table: a row per (standard, grade), each carrying its rating record."""
    return [
        _row(
            "b",
            "Ratings",
            n,
            f"{subject} | {value}",
            [
                {
                    "kind": "rating",
                    "text": f"{subject} | {value}",
                    "subject": subject,
                    "value": value,
                }
            ],
        )
        for n, (subject, value) in enumerate(graded, start=1)
    ]


def test_a_count_of_a_grade_leads_with_the_report_s_sentence_giving_it():
    graded = [("Assessment", "Good"), ("Planning", "Good"), ("Reviewing", "Inadequate")]
    summary = _row("b", "Summary", 1, "Brill received two Good ratings and one Inadequate.")
    corpus = corpus_of([summary, *_graded_rows(graded)], REPORTS)
    asked = plan("How many standards did Brill get Good for?", ["b"], ["Brill"], rating=True)
    asked.quantity = True
    assert StructuredAnswerer().answer(asked, [], corpus).text == (
        "**2** — “Brill received two Good ratings and one Inadequate.” [1]\n\n"
        "Brill 2018:\n- **Assessment**: Good [2]\n- **Planning**: Good [3]"
    )


def test_marked_down_names_the_grades_below_good_or_the_standard_named():
    """ "Did Brill get marked down on anything?" lists what was graded below Good; "… on
    reviewing?" gives reviewing's grade alone."""
    graded = [
        ("Assessment", "Inadequate"),
        ("Planning", "Good"),
        ("Reviewing", "Requires improvement"),
    ]
    corpus = corpus_of(_graded_rows(graded), REPORTS)
    anything = plan("Did Brill get marked down on anything?", ["b"], ["Brill"], rating=True)
    assert StructuredAnswerer().answer(anything, [], corpus).text == (
        "Brill 2018:\n- **Assessment**: Inadequate [1]\n- **Reviewing**: Requires improvement [2]"
    )
    reviewing = plan("Did Brill get marked down on reviewing?", ["b"], ["Brill"], rating=True)
    assert StructuredAnswerer().answer(reviewing, [], corpus).text == (
        "Brill 2018:\n- **Reviewing**: Requires improvement [1]"
    )
    # a standard named that was not marked down: its grade, not the others'
    planning = plan("Did Brill get marked down on planning?", ["b"], ["Brill"], rating=True)
    assert StructuredAnswerer().answer(planning, [], corpus).text == (
        "Brill 2018:\n- **Planning**: Good [1]"
    )


def test_the_best_or_worst_grade_asked_for_is_the_reports_own_best_or_worst():
    """ "Which parts got the very top grade?" lists the standards given the best grade the
    report printed (Good here: nothing was Outstanding); "What was rated worst?" the worst; a
    standard named by most of its words is asked about itself."""
    graded = [
        ("Assessment", "Inadequate"),
        ("Planning", "Good"),
        ("Partnerships and services", "Good"),
        ("Reviewing", "Requires improvement"),
    ]
    corpus = corpus_of(_graded_rows(graded), REPORTS)
    top = plan("Which parts of the service got the very top grade?", ["b"], ["Brill"], rating=True)
    assert StructuredAnswerer().answer(top, [], corpus).text == (
        "Brill 2018:\n- **Planning**: Good [1]\n- **Partnerships and services**: Good [2]"
    )
    for asked in ("What was rated worst at Brill?", "Which part came out worst at Brill?"):
        worst = plan(asked, ["b"], ["Brill"], rating=True)
        assert StructuredAnswerer().answer(worst, [], corpus).text == (
            "Brill 2018:\n- **Assessment**: Inadequate [1]"
        ), asked
    # every standard's grade, asked for in the plural; one grade asked for is no list
    every = plan("What were Brill's ratings?", ["b"], ["Brill"], rating=True)
    assert StructuredAnswerer().answer(every, [], corpus).text == (
        "Brill 2018:\n- **Assessment**: Inadequate [1]\n- **Planning**: Good [2]\n"
        "- **Partnerships and services**: Good [3]\n- **Reviewing**: Requires improvement [4]"
    )
    assert (
        StructuredAnswerer().answer(
            plan("What rating did Brill get?", ["b"], ["Brill"], rating=True), [], corpus
        )
        is None
    )
    # the standard named: no list of the best grades (the question is about reviewing), but
    # reviewing's own grade
    named = plan("Did reviewing at Brill get top marks?", ["b"], ["Brill"], rating=True)
    assert StructuredAnswerer().answer(named, [], corpus).text == (
        "Brill 2018:\n- **Reviewing**: Requires improvement [1]"
    )


def test_a_yes_no_grade_question_gives_the_named_standard_s_grade_told_by_its_domain():
    """ "Did Brill's court disposal planning get a Good rating?" asks the grade of one
    standard: "2.2 Planning" under the table's "2. Court disposals" row, not "3.2 Planning"
    under "3. Out-of-court disposals" (graded Good), nor every standard graded Good."""
    rows = _graded_rows(
        [
            ("2.1 Assessment", "Good"),
            ("2.2 Planning", "Requires improvement"),
            ("3.1 Assessment", "Good"),
            ("3.2 Planning", "Good"),
        ]
    )
    for i, domain in ((0, "2. Court disposals"), (3, "3. Out-of-court disposals")):
        rows.insert(i, _row("b", "Ratings", 0, domain))
    for order, r in enumerate(rows):
        r["meta"]["ordinal"] = r["meta"]["order"] = order + 1
    corpus = corpus_of(rows, REPORTS)
    court = plan(
        "Did Brill's court disposal planning get a Good rating?", ["b"], ["Brill"], rating=True
    )
    court.yes_no = True
    draft = StructuredAnswerer().answer(court, [], corpus)
    assert draft.text == "Brill 2018:\n- **2.2 Planning**: Requires improvement [1]"
    assert where(draft, corpus) == [("b", "Ratings", 3, "2.2 Planning | Requires improvement")]
    # two standards alike (planning of either kind): the one the passages rank first
    either = plan("Was Brill's planning rated Good?", ["b"], ["Brill"], rating=True)
    either.yes_no = True
    hits = [hit_from_row(corpus, 5, score=0.9), hit_from_row(corpus, 2, score=0.8)]
    assert StructuredAnswerer().answer(either, hits, corpus).text == (
        "Brill 2018:\n- **3.2 Planning**: Good [1]"
    )
    # not asked as a yes/no question: which standards were rated Good
    which = plan("Which of Brill's standards were rated Good?", ["b"], ["Brill"], rating=True)
    which.enumerate = True
    assert StructuredAnswerer().answer(which, [], corpus).text.count("Good") == 3


@pytest.mark.parametrize(
    ("text", "gives"),
    [
        ("We rated this standard Outstanding.", True),
        ("We rated governance and leadership Good.", True),
        ("The standard is rated Inadequate.", True),
        ("The police gave a good range of help.", False),
        ("Good work was rated highly by the board.", False),
    ],
)
def test_a_grade_is_given_after_rated_and_what_was_rated(text, gives):
    corpus = corpus_of([_row("a", "Staff", 1, text)], REPORTS)
    assert gives_grade(corpus, 0) is gives


def test_a_question_writing_a_printed_compound_with_spaces_is_read_as_the_compound():
    """ "out of court" is the reports' "out-of-court", one word of the index: split, the
    question kept only "court", which every court paragraph prints too."""
    rows = [
        _row("a", "Court disposals", 1, "We inspected 24 cases that had received a court disposal."),
        _row("a", "Out-of-court disposals", 1, "We inspected 18 cases that had received an out-of-court disposal."),
    ]  # fmt: skip
    corpus = corpus_of(rows, REPORTS)
    assert corpus.fold_acronyms("How many out of court cases?") == "how many out-of-court cases?"
    terms = corpus.question_terms("How many out of court cases did they look at?")
    assert "out-of-court" in terms and "court" not in terms
    assert corpus.coverage(terms, 1) > corpus.coverage(terms, 0)
    # a phrase no report prints hyphenated stays as it is
    assert corpus.fold_acronyms("time out of school") == "time out of school"


def test_a_compound_at_the_end_of_a_question_is_read_as_printed():
    rows = [_row("a", "Out-of-court disposals", 1, "We inspected 18 out-of-court cases.")]
    corpus = corpus_of(rows, REPORTS)
    assert corpus.fold_acronyms("Cases dealt with out of court") == "cases dealt with out-of-court"
    assert corpus.fold_acronyms("out of") == "out of"


class TestProgress:
    """ "How much progress has been made since the screening?" is answered by the later
    report's own follow-up of the earlier findings, in order, whichever reports it targets."""

    REPORTS = [
        {"report_id": "s", "area": "Pellmoor", "year": 2016, "inspection_type": "sqs"},
        {"report_id": "y", "area": "Pellmoor", "year": 2023, "inspection_type": "yjs"},
    ]
    ROWS = [
        _row("s", "Areas requiring improvement", 1, "Plans should address risk of harm."),
        _row("s", "Areas requiring improvement", 2, "MAPPA referrals should be made on time."),
        _row("y", "Foreword", 1, "Much has changed since our 2016 screening."),
        _row("y", "Progress since the 2016 screening", 1, "Our 2016 letter set out two areas."),
        _row("y", "Progress since the 2016 screening", 2, "Planning for risk: improved."),
        _row("y", "Progress since the 2016 screening", 3, "MAPPA referrals: not improved."),
        _row("y", "Reviewing", 1, "Reviews were not always timely."),
    ]

    @pytest.mark.parametrize(
        "question, targets",
        [
            ("Overall, how much progress has Pellmoor made since 2016?", ["s", "y"]),
            ("How far has Pellmoor come since the screening?", ["s"]),
            ("Progress against the Pellmoor SQS improvement areas?", ["s"]),
        ],
    )
    def test_the_later_reports_follow_up_answers(self, question, targets):
        corpus = corpus_of(self.ROWS, self.REPORTS)
        draft = StructuredAnswerer().answer(plan(question, targets, ["Pellmoor"]), [], corpus)
        assert where(draft, corpus) == [
            ("y", "Progress since the 2016 screening", 1, "Our 2016 letter set out two areas."),
            ("y", "Progress since the 2016 screening", 2, "Planning for risk: improved."),
            ("y", "Progress since the 2016 screening", 3, "MAPPA referrals: not improved."),
        ]
        assert draft.text.startswith("Pellmoor")
        assert "“Progress since the 2016 screening”:" in draft.text

    def test_progress_read_by_meaning_answers_in_any_words(self):
        """ "Did we fix everything the 2016 letter flagged?" prints no word of PROGRESS_ASK:
        the planner's `progress` reading is enough."""
        corpus = corpus_of(self.ROWS, self.REPORTS)
        q = "Did we fix everything the 2016 letter flagged?"
        draft = StructuredAnswerer().answer(
            plan(q, ["s"], ["Pellmoor"], intent=Intent("progress", 0.8, 0.7)), [], corpus
        )
        assert [c[:3] for c in where(draft, corpus)] == [
            ("y", "Progress since the 2016 screening", n) for n in (1, 2, 3)
        ]
        assert StructuredAnswerer().answer(plan(q, ["s"], ["Pellmoor"]), [], corpus) is None

    def test_progress_since_an_earlier_report_named_by_its_kind_is_the_follow_up(self):
        """ "What did the 2023 report say about progress since the screening?" targets the
        latest report alone, but names the earlier by its kind: the follow-up answers (fresh50's
        tune miss quoted the foreword)."""
        corpus = corpus_of(self.ROWS, self.REPORTS)
        q = "What did the 2023 Pellmoor report say about progress since the screening?"
        draft = StructuredAnswerer().answer(plan(q, ["y"], ["Pellmoor"]), [], corpus)
        assert [c[:3] for c in where(draft, corpus)] == [
            ("y", "Progress since the 2016 screening", n) for n in (1, 2, 3)
        ]

    def test_progress_asked_of_the_latest_report_alone_is_a_topic(self):
        """ "In 2023, how was children's progress reviewed?" asks of one report, itself the
        latest: no follow-up of another is asked for."""
        corpus = corpus_of(self.ROWS, self.REPORTS)
        p = plan("In 2023, how was children's progress reviewed in Pellmoor?", ["y"], ["Pellmoor"])
        assert StructuredAnswerer().answer(p, [], corpus) is None


class TestListReadUnsurely:
    """A list read from the question's meaning alone, unsurely ("What are the priorities in the
    youth justice strategy?" recalls the recommendations), answers only when one of the list's
    items is among the closest passages; named or read surely, it needs no evidence."""

    STRATEGY = "The youth justice strategy sets three priorities: diversion, education, custody."
    ROWS = [*ROWS, _row("a", "Governance", 1, STRATEGY, kind="numbered")]

    def _plan(self, sure):
        return plan(
            "What are the priorities in Avonby's youth justice strategy?",
            ["a"],
            ["Avonby"],
            list_kind="recommendation",
            list_sections=LIST_SECTIONS["recommendation"],
            list_sure=sure,
        )

    def test_no_item_among_the_closest_passages_leaves_the_topic_to_the_search(self):
        corpus = corpus_of(self.ROWS, REPORTS)
        strategy = len(self.ROWS) - 1
        hits = [hit_from_row(corpus, i, score=1.0) for i in (strategy, 5, 2, 0)]
        assert StructuredAnswerer().answer(self._plan(False), hits, corpus) is None

    def test_an_item_among_the_closest_passages_bears_the_list_out(self):
        corpus = corpus_of(self.ROWS, REPORTS)
        strategy = len(self.ROWS) - 1
        hits = [hit_from_row(corpus, i, score=1.0) for i in (strategy, 1, 2)]
        draft = StructuredAnswerer().answer(self._plan(False), hits, corpus)
        assert [c[3] for c in where(draft, corpus)] == [REC_A1, REC_A2]

    def test_a_sure_reading_needs_no_evidence(self):
        corpus = corpus_of(self.ROWS, REPORTS)
        strategy = len(self.ROWS) - 1
        hits = [hit_from_row(corpus, strategy, score=1.0)]
        draft = StructuredAnswerer().answer(self._plan(True), hits, corpus)
        assert [c[3] for c in where(draft, corpus)] == [REC_A1, REC_A2]


def test_progress_findings_under_their_own_headings_are_each_cited_with_the_verdict():
    """A follow-up part whose findings sit under headings of their own that give the verdict
    ("MAPPA: improved", a Word file's Heading 3): every finding is the part's, and its heading
    leads its item (tune51's progress question cited only the part's first paragraph)."""
    reports = TestProgress.REPORTS
    part = "Progress since the 2016 screening"

    def row(ordinal, heading, text):
        r = _row("y", heading, ordinal, text)
        r["meta"]["section_path"] = f"{part} > {heading}" if heading != part else part
        return r

    rows = [
        *TestProgress.ROWS[:2],
        row(1, part, "Our 2016 letter set out two areas."),
        row(1, "Planning for risk: improved", "Plans now address risk of harm."),
        row(1, "MAPPA referrals: not improved", "Two eligible children were not referred."),
        _row("y", "Acknowledgements", 1, "We thank the staff."),
    ]
    corpus = corpus_of(rows, reports)
    q = "How much progress has Pellmoor made since the screening?"
    draft = StructuredAnswerer().answer(plan(q, ["s"], ["Pellmoor"]), [], corpus)
    assert draft.text == (
        f"Pellmoor 2023, “{part}”:\n"
        "- “Our 2016 letter set out two areas.” [1]\n"
        "- Planning for risk: improved — “Plans now address risk of harm.” [2]\n"
        "- MAPPA referrals: not improved — “Two eligible children were not referred.” [3]"
    )


def test_the_grade_of_the_one_standard_named_by_every_word_of_its_name():
    """ "brill 2018 reviewing standard rating": the ratings table's row for the standard the
    question names wholly, wherever it ranks below the standard's paragraphs (the report's
    overall grade had been given); a standard named in part, or a why-question, is left to
    the passages."""
    graded = [
        ("1.2 Staff", "Outstanding"),
        ("2.4 Reviewing", "Requires improvement"),
        ("1.3 Partnerships and services", "Good"),
    ]
    corpus = corpus_of(_graded_rows(graded), REPORTS)
    named = plan("brill 2018 reviewing standard rating", ["b"], ["Brill"], rating=True)
    draft = StructuredAnswerer().answer(named, [], corpus)
    assert draft.text == "Brill 2018:\n- **2.4 Reviewing**: Requires improvement [1]"
    assert [(c.hit.section, c.hit.ordinal) for c in draft.cited] == [("Ratings", 2)]
    part = plan("brill 2018 partnerships rating", ["b"], ["Brill"], rating=True)
    assert StructuredAnswerer().answer(part, [], corpus) is None
    why = plan("Why was Brill's staff standard rated that?", ["b"], ["Brill"], rating=True)
    assert StructuredAnswerer().answer(why, [], corpus) is None


def test_a_rate_set_against_the_national_one_cites_the_national_row_beside_it():
    """ "Is our reoffending rate lower than the national one?" of a key facts table whose
    national rate is a row of its own: both rows are the answer (only the service's had been
    cited)."""
    own = "Reoffending rate, children in Brill (12-month cohort) | 29.6%"
    national = "Reoffending rate, England and Wales | 32.2%"
    rows = [
        _row(
            "b",
            "Key facts",
            1,
            own,
            [{"kind": "fact", "subject": "reoffending_rate", "value": "29.6%", "text": own}],
            kind="table_row",
        ),
        _row(
            "b",
            "Key facts",
            2,
            national,
            [
                {
                    "kind": "fact",
                    "subject": "national_reoffending_rate",
                    "value": "32.2%",
                    "text": national,
                }
            ],
            kind="table_row",
        ),
    ]
    reports = [
        *REPORTS,
        {"report_id": "c", "area": "Brill", "year": 2015, "inspection_type": "sqs"},
    ]
    corpus = corpus_of(rows, reports)
    p = plan(
        "Is our reoffending rate lower than the national one?",
        ["b", "c"],
        fact="reoffending_rate",
        intent=Intent("fact:reoffending_rate", probability=0.94, similarity=0.88),
    )
    hits = [hit_from_row(corpus, 0, score=0.78), hit_from_row(corpus, 1, score=0.49)]
    draft = StructuredAnswerer().answer(p, hits, corpus)
    assert draft.text == (
        f"- **Brill 2018**: 29.6% — “{own}” [1]; the national rate 32.2% — “{national}” [2]"
    )
    assert [c.hit.ordinal for c in draft.cited] == [1, 2]


def test_needing_improvement_names_the_grade_requires_improvement():
    """ "Which standards were marked as needing improvement?": the standards graded Requires
    improvement (every standard's grade had been listed)."""
    graded = [
        ("1.1 Governance and leadership", "Good"),
        ("1.3 Partnerships and services", "Requires improvement"),
        ("2.4 Reviewing", "Requires improvement"),
    ]
    corpus = corpus_of(_graded_rows(graded), REPORTS)
    p = plan(
        "Which standards were marked as needing improvement at Brill in 2018?",
        ["b"],
        ["Brill"],
        rating=True,
        enumerate=True,
    )
    assert StructuredAnswerer().answer(p, [], corpus).text == (
        "Brill 2018:\n- **1.3 Partnerships and services**: Requires improvement [1]\n"
        "- **2.4 Reviewing**: Requires improvement [2]"
    )


def _domained_rows() -> list[dict]:
    """A ratings table without domain rows, and the report's parts: each standard's heading
    under its domain's, as a rated report sets them out ("Out-of-court disposals > Standard
    3.2: Planning"), the second "Planning" the out-of-court one."""
    graded = [
        ("2.1 Assessment", "Good"),
        ("2.2 Planning", "Requires improvement"),
        ("3.1 Assessment", "Good"),
        ("3.2 Planning", "Outstanding"),
        ("4.1 Resettlement policy and provision", "Inadequate"),
    ]
    rows = [_rating("b", n, subject, grade) for n, (subject, grade) in enumerate(graded, 1)]
    parts = [
        ("Court disposals > Standard 2.1: Assessment", "2.1"),
        ("Court disposals > Standard 2.2: Planning", "2.2"),
        ("Out-of-court disposals > Standard 3.1: Assessment", "3.1"),
        ("Out-of-court disposals > Standard 3.2: Planning", "3.2"),
        ("Resettlement > Standard 4.1: Resettlement policy and provision", "4.1"),
    ]
    for path, number in parts:
        row = _row("b", path.split(" > ")[-1], 1, f"Findings of standard {number}.", (), number)
        row["meta"]["section_path"] = path
        rows.append(row)
    return rows


def test_a_standard_shared_by_name_is_the_one_of_the_domain_the_question_names():
    """ "out-of-court planning rating": "3.2 Planning", whose part sits under "Out-of-court
    disposals", not the court "2.2 Planning" (the table prints no domain rows); "court
    planning" the other; "planning" alone is left to the passages."""
    corpus = corpus_of(_domained_rows(), REPORTS)
    ask = StructuredAnswerer().answer
    draft = ask(
        plan("brill 2018 out-of-court planning rating", ["b"], ["Brill"], rating=True), [], corpus
    )
    assert draft.text == "Brill 2018:\n- **3.2 Planning**: Outstanding [1]"
    draft = ask(plan("brill 2018 court planning rating", ["b"], ["Brill"], rating=True), [], corpus)
    assert draft.text == "Brill 2018:\n- **2.2 Planning**: Requires improvement [1]"
    assert (
        ask(plan("brill 2018 planning rating", ["b"], ["Brill"], rating=True), [], corpus) is None
    )


def test_a_grade_asked_of_a_standard_the_report_does_not_grade_is_not_another_s():
    """ "out-of-court disposal policy and provision" of a report whose out-of-court domain
    grades assessment and planning, and whose policy and provision standard is resettlement's:
    the report grades no such standard. A standard of the domain named, or a domain named
    whole, is graded."""
    corpus = corpus_of(_domained_rows(), REPORTS)
    asked = plan(
        "What rating did Brill get for out-of-court disposal policy and provision?",
        ["b"],
        ["Brill"],
        rating=True,
    )
    assert unrated_standard(asked, corpus) == (
        "Brill 2018 grades no standard by the name the question gives."
    )
    for question in (
        "What rating did Brill get for resettlement policy and provision?",
        "What rating did Brill get for out-of-court disposal planning?",
        "Brill out-of-court disposals ratings",
    ):
        assert unrated_standard(plan(question, ["b"], ["Brill"], rating=True), corpus) is None
