"""findings.records.report_label / citation_label: the CONTRACT's human-readable labels."""

from __future__ import annotations

import pytest

from findings.records import citation_label, report_label


@pytest.mark.parametrize(
    ("meta", "label"),
    [
        (
            {
                "report_id": "thurrock_sqs_2015",
                "area": "Thurrock",
                "year": 2015,
                "inspection_type": "short quality screening",
            },
            "Thurrock SQS 2015",
        ),
        (  # a thematic of several areas: its title before the colon
            {
                "report_id": "t",
                "title": "Speaking and being heard: a thematic inspection of "
                "speech, language and communication",
                "year": 2024,
                "inspection_type": "thematic",
            },
            "Speaking and being heard thematic 2024",
        ),
        (  # a long title without a colon: its first six words
            {
                "report_id": "w",
                "title": "Education, training and employment for children under "
                "youth justice supervision",
                "year": 2021,
                "inspection_type": "thematic",
            },
            "Education, training and employment for children… thematic 2021",
        ),
        ({"report_id": "notes_2020", "title": None}, "notes_2020"),
    ],
)
def test_report_label(meta, label):
    assert report_label(meta) == label


def test_citation_label_numbered_and_unnumbered():
    meta = {
        "report_id": "t",
        "area": "Thurrock",
        "year": 2015,
        "inspection_type": "short quality screening",
    }
    assert citation_label(meta, "Reducing reoffending", "1.3", 3) == "Thurrock SQS 2015 ¶1.3"
    assert citation_label(meta, "Key strengths", None, 2) == "Thurrock SQS 2015 · Key strengths ¶2"
