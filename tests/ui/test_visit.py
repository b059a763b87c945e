"""ui/visit.py: an area's prior reports, newest first, with their visit sections."""

from __future__ import annotations

from ui.visit import VisitParagraph, VisitSection, areas, before_visit

REPORTS = [
    {
        "report_id": "marshbury_sqs_2014",
        "title": "Old",
        "area": "Marshbury",
        "inspection_type": "short quality screening",
        "year": 2014,
        "publication_date": "2014-04-09",
    },
    {
        "report_id": "marshbury_sqs_2016",
        "title": "New",
        "area": "Marshbury",
        "inspection_type": "short quality screening",
        "year": 2016,
        "publication_date": "2016-05-18",
    },
    {
        "report_id": "northfield_yos_2019",
        "area": "Northfield",
        "inspection_type": "youth offending service inspection",
        "year": 2019,
        "publication_date": "2019-06-14",
    },
]


def para(section, ordinal, text, paragraph=None, kind="bullet"):
    return {
        "section": section,
        "ordinal": ordinal,
        "paragraph": paragraph,
        "text": text,
        "kind": kind,
    }


PARAGRAPHS = {
    "marshbury_sqs_2014": [
        para("Summary", 1, "Not shown."),
        para("RECOMMENDATIONS", 1, "Improve planning.", paragraph="5.1", kind="numbered"),
        para("Key strengths", 1, "Good assessment."),
        para("Areas requiring improvement", 1, "Late MAPPA referrals."),
    ],
    "marshbury_sqs_2016": [
        para("Key strengths", 1, "MAPPA understood."),
        para("Key strengths", 2, "Oversight."),
    ],
    "northfield_yos_2019": [],
}


def test_areas():
    assert areas(REPORTS + [{"report_id": "x"}]) == ["Marshbury", "Northfield"]


def test_newest_first_with_sections_in_order():
    got = before_visit(REPORTS, "marshbury", PARAGRAPHS.__getitem__)
    assert [r.report_id for r in got] == ["marshbury_sqs_2016", "marshbury_sqs_2014"]
    assert [(r.label, r.title, r.publication_date) for r in got] == [
        ("Marshbury SQS 2016", "New", "2016-05-18"),
        ("Marshbury SQS 2014", "Old", "2014-04-09"),
    ]
    assert got[0].sections == [
        VisitSection(
            "Key strengths",
            [
                VisitParagraph("Marshbury SQS 2016 · Key strengths ¶1", "MAPPA understood."),
                VisitParagraph("Marshbury SQS 2016 · Key strengths ¶2", "Oversight."),
            ],
        )
    ]
    assert got[1].sections == [
        VisitSection(
            "Key strengths",
            [VisitParagraph("Marshbury SQS 2014 · Key strengths ¶1", "Good assessment.")],
        ),
        VisitSection(
            "Areas requiring improvement",
            [
                VisitParagraph(
                    "Marshbury SQS 2014 · Areas requiring improvement ¶1", "Late MAPPA referrals."
                )
            ],
        ),
        VisitSection(
            "RECOMMENDATIONS", [VisitParagraph("Marshbury SQS 2014 ¶5.1", "Improve planning.")]
        ),
    ]


def test_report_without_visit_sections_and_unknown_area():
    got = before_visit(REPORTS, "Northfield", PARAGRAPHS.__getitem__)
    assert [(r.report_id, r.sections) for r in got] == [("northfield_yos_2019", [])]
    assert before_visit(REPORTS, "Nowhere", PARAGRAPHS.__getitem__) == []
