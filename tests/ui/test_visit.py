"""ui/visit.py: Before a visit from records, against a real store of the sample reports
(tests/test_app_records.py: data/reports, a 2021 Northfield report with two grades changed, and
Fernley SQS 2018, whose key strength is prose and whose first recommendation names its owner)."""

from __future__ import annotations

import pytest
from test_app_records import build_records_store

from ui.visit import (
    RatingChange,
    VisitBrief,
    VisitChange,
    VisitLine,
    VisitReport,
    VisitSection,
    areas,
    before_visit,
    line_markdown,
    ratings_note,
    side_by_side,
)

M14, M16 = "Marshbury SQS 2014", "Marshbury SQS 2016"
N19, N21 = "Northfield YOS inspection 2019", "Northfield YOS inspection 2021"


@pytest.fixture(scope="module")
def store(tmp_path_factory, embedder):
    return build_records_store(tmp_path_factory.mktemp("visit"), embedder)


@pytest.fixture(scope="module")
def brief(store):
    reports = store.list_reports()
    return lambda area: before_visit(reports, area, store.records, store.get_paragraphs)


def item(text: str, label: str, owner: str | None = None) -> VisitLine:
    """A bullet item: its record's words are the whole paragraph."""
    return VisitLine(text, label, text, text, owner)


def test_areas(store):
    assert areas(store.list_reports() + [{"report_id": "x"}]) == [
        "Fernley",
        "Kestrel Vale",
        "Marshbury",
        "Northfield",
    ]


class TestMarshbury:
    def test_reports_newest_first_with_their_cited_items(self, brief):
        got = brief("marshbury")
        assert [(r.report_id, r.label, r.publication_date) for r in got.reports] == [
            ("marshbury_sqs_2016", M16, "2016-05-18"),
            ("marshbury_sqs_2014", M14, "2014-04-09"),
        ]
        strengths = "Key strengths"
        improvements = "Areas requiring improvement"
        assert got.reports[0].sections == [
            VisitSection(
                "strength",
                strengths,
                [
                    item(
                        "Planning had improved, with fewer, prioritised objectives and plans "
                        "written with children and young people.",
                        f"{M16} · {strengths} ¶1",
                    ),
                    item(
                        "MAPPA was well understood, and all eligible cases were referred on time.",
                        f"{M16} · {strengths} ¶2",
                    ),
                    item(
                        "Case managers had good relationships with children and young people and "
                        "their families.",
                        f"{M16} · {strengths} ¶3",
                    ),
                    item(
                        "Management oversight of plans was now effective.",
                        f"{M16} · {strengths} ¶4",
                    ),
                ],
            ),
            VisitSection(
                "improvement",
                improvements,
                [
                    item(
                        "The CAMHS worker post should be filled, and interim arrangements should "
                        "be made so that case managers can get specialist mental health advice.",
                        f"{M16} · {improvements} ¶1",
                    ),
                    item(
                        "Case managers should be supported to identify emotional and mental "
                        "health needs, and to refer children and young people to CAMHS where "
                        "necessary.",
                        f"{M16} · {improvements} ¶2",
                    ),
                ],
            ),
        ]
        old = got.reports[1]
        assert [(s.kind, s.heading, len(s.lines)) for s in old.sections] == [
            ("strength", strengths, 3),
            ("improvement", improvements, 3),
        ]
        assert old.section("recommendation") is None  # none printed: none shown

    def test_what_changed_is_a_juxtaposition_without_ratings(self, brief):
        got = brief("Marshbury")
        [change] = got.changes
        assert (change.earlier.label, change.later.label) == (M14, M16)
        assert (change.rated_in_both, change.ratings) == (0, [])
        assert ratings_note(change) == (
            "Neither report has ratings in its records, so no grades are compared."
        )
        [earlier], [strengths, improvements] = side_by_side(change)
        assert earlier == (
            f"{M14} · Areas requiring improvement",
            change.earlier.section("improvement"),
        )
        assert [line.label for line in earlier[1].lines] == [
            f"{M14} · Areas requiring improvement ¶{i}" for i in (1, 2, 3)
        ]
        assert strengths == (f"{M16} · Key strengths", change.later.section("strength"))
        assert improvements == (
            f"{M16} · Areas requiring improvement",
            change.later.section("improvement"),
        )


class TestNorthfield:
    def test_ratings_lines_open_their_rows(self, brief):
        newest, oldest = brief("Northfield").reports
        assert [(s.kind, s.heading, len(s.lines)) for s in newest.sections] == [
            ("rating", "Ratings", 13),
            ("strength", "Key strengths", 4),
            ("improvement", "Areas for improvement", 4),
            ("recommendation", "Recommendations", 5),
        ]
        overall = "Northfield Youth Offending Service (YOS) is rated: Good."
        assert oldest.section("rating").lines[:3] == [
            VisitLine(
                "Overall rating: Good", f"{N19} · Overall rating ¶1", overall, overall, value="Good"
            ),
            VisitLine(
                "1.1 Governance and leadership: Good",
                f"{N19} · Ratings ¶2",
                "1.1 Governance and leadership | Good",
                "1.1 Governance and leadership | Good",
                value="Good",
            ),
            VisitLine(
                "1.2 Staff: Outstanding",
                f"{N19} · Ratings ¶3",
                "1.2 Staff | Outstanding",
                "1.2 Staff | Outstanding",
                value="Outstanding",
            ),
        ]
        assert [line.owner for line in newest.section("recommendation").lines] == [None] * 5

    def test_changed_grades_old_to_new_with_both_citations(self, brief):
        [change] = brief("Northfield").changes
        assert (change.earlier.label, change.later.label) == (N19, N21)
        assert change.rated_in_both == 13
        assert change.ratings == [
            RatingChange(
                "1.3 Partnerships and services",
                VisitLine(
                    "1.3 Partnerships and services: Requires improvement",
                    f"{N19} · Ratings ¶4",
                    "1.3 Partnerships and services | Requires improvement",
                    "1.3 Partnerships and services | Requires improvement",
                    value="Requires improvement",
                ),
                VisitLine(
                    "1.3 Partnerships and services: Good",
                    f"{N21} · Ratings ¶4",
                    "1.3 Partnerships and services | Good",
                    "1.3 Partnerships and services | Good",
                    value="Good",
                ),
            ),
            RatingChange(
                "2.4 Reviewing",  # matched with 2021's `2.4 reviewing`
                VisitLine(
                    "2.4 Reviewing: Good",
                    f"{N19} · Ratings ¶10",
                    "2.4 Reviewing | Good",
                    "2.4 Reviewing | Good",
                    value="Good",
                ),
                VisitLine(
                    "2.4 reviewing: Inadequate",
                    f"{N21} · Ratings ¶10",
                    "2.4 reviewing | Inadequate",
                    "2.4 reviewing | Inadequate",
                    value="Inadequate",
                ),
            ),
        ]
        assert ratings_note(change) == ""


def test_section_text_stands_in_where_no_item_is_recognised(brief):
    [fernley] = brief("Fernley").reports
    strengths = "Case managers knew their children well. They visited them at home and at school."
    assert fernley.sections == [
        VisitSection(
            "strength",
            "Key strengths",
            [VisitLine(strengths, "Fernley SQS 2018 · Key strengths ¶1", strengths)],
            from_section_text=True,
        ),
        VisitSection(
            "improvement",
            "Areas requiring improvement",
            [
                item(
                    "Plans must be written within 15 working days.",
                    "Fernley SQS 2018 · Areas requiring improvement ¶1",
                )
            ],
        ),
        VisitSection(
            "recommendation",
            "Recommendations",
            [
                item(
                    "Every eligible case should be referred to MAPPA on time (YOS Management "
                    "Board).",
                    "Fernley SQS 2018 · Recommendations ¶1",
                    owner="YOS Management Board",
                ),
                item(
                    "Reviews should follow every change in a child's circumstances.",
                    "Fernley SQS 2018 · Recommendations ¶2",
                ),
            ],
        ),
    ]
    assert brief("Fernley").changes == []


def test_recommendations_of_an_older_inspection(brief):
    got = brief("Kestrel Vale")
    assert [r.label for r in got.reports] == ["Kestrel Vale SQS 2016", "Kestrel Vale FJI 2013"]
    assert got.reports[0].section("recommendation") is None
    assert [line.label for line in got.reports[1].section("recommendation").lines] == [
        f"Kestrel Vale FJI 2013 ¶{i}" for i in range(1, 7)
    ]


def test_unknown_area(brief):
    assert brief("Nowhere") == VisitBrief([], [])


def test_ratings_note_when_one_report_is_unrated():
    rated = VisitReport(
        "a", "A 2019", None, None, [VisitSection("rating", "Ratings", [item("x: Good", "A ¶1")])]
    )
    unrated = VisitReport("b", "B 2021", None, None, [])
    change = VisitChange(rated, unrated, rated_in_both=0)
    assert ratings_note(change) == "No grades to compare: B 2021 has no ratings in its records."
    assert side_by_side(change) == [
        [("A 2019: no areas for improvement", None)],
        [("B 2021: no strengths", None), ("B 2021: no areas for improvement", None)],
    ]
    same = VisitChange(rated, rated, rated_in_both=1)
    assert ratings_note(same) == "The one subject rated in both reports has the same grade in both."
    both = VisitChange(rated, rated, rated_in_both=13)
    assert ratings_note(both) == (
        "The 13 subjects rated in both reports have the same grade in both."
    )


def test_line_markdown_escapes_report_text():
    shown = VisitLine("**Good** <b>x</b>", "A 2016 · Key strengths ¶1", "p", owner="YOS [Board]")
    assert line_markdown(shown) == (
        "\\*\\*Good\\*\\* \\<b\\>x\\</b\\>  \nOwner\\: YOS \\[Board\\]  \n"
        ":gray[A 2016 · Key strengths ¶1]"
    )
    assert line_markdown(VisitLine("1. Staff: Good", "A ¶2", "p")) == (
        "1\\. Staff\\: Good  \n:gray[A ¶2]"
    )
