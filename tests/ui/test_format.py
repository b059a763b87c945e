"""ui/format.py: labels, metadata lines and the filters passed to Assistant.ask."""

from __future__ import annotations

import pytest

from findings.records import Abstention, Answer, Citation
from findings.vocab import AbstainReason
from ui.format import (
    abstention_note,
    answer_mode_note,
    build_filters,
    citation_details,
    filter_options,
    filters_summary,
    mode_label,
    report_details,
)

REPORTS = [
    {
        "report_id": "marshbury_sqs_2014",
        "area": "Marshbury",
        "inspection_type": "short quality screening",
        "year": 2014,
        "publication_date": "2014-04-09",
        "paragraphs": 46,
        "pages": None,
    },
    {
        "report_id": "marshbury_sqs_2016",
        "area": "Marshbury",
        "inspection_type": "short quality screening",
        "year": 2016,
        "publication_date": "2016-05-18",
        "paragraphs": 48,
        "pages": 4,
    },
    {
        "report_id": "northfield_yos_2019",
        "area": "Northfield",
        "inspection_type": "youth offending service inspection",
        "year": 2019,
        "publication_date": "2019-06-14",
        "paragraphs": 64,
        "pages": None,
    },
    {
        "report_id": "untitled_note",
        "title": "A note",
        "inspection_type": "unknown",
        "paragraphs": 3,
    },
]


def _abstaining(abstention: Abstention | None) -> Answer:
    text = abstention.text if abstention else "An answer."
    return Answer("Q?", text, abstention is not None, "extractive", abstention=abstention)


def test_abstention_note():
    assert abstention_note(_abstaining(Abstention(AbstainReason.NO_SUPPORTING_PASSAGE))) == ""
    covered = Abstention(
        AbstainReason.NO_REPORT_FOR_TIME, "No stored report covers Kestrel Vale in 2016."
    )
    assert abstention_note(_abstaining(covered)) == "No stored report covers Kestrel Vale in 2016."
    assert abstention_note(_abstaining(None)) == ""


def test_mode_label():
    assert mode_label("extractive") == "Offline extractive"
    assert mode_label("qwen2.5-7b-instruct") == "qwen2.5-7b-instruct"


def test_report_details():
    assert (
        report_details(REPORTS[1])
        == "Short quality screening · published 2016-05-18 · 4 pages · 48 paragraphs"
    )
    assert report_details(REPORTS[3]) == "Unknown type · no publication date · 3 paragraphs"


def test_filter_options():
    opts = filter_options(REPORTS)
    assert opts.areas == ["Marshbury", "Northfield"]
    assert opts.years == (2014, 2019)
    assert opts.inspection_types == [
        "short quality screening",
        "unknown",
        "youth offending service inspection",
    ]
    assert opts.reports == {
        "northfield_yos_2019": "Northfield YOS inspection 2019",
        "marshbury_sqs_2016": "Marshbury SQS 2016",
        "marshbury_sqs_2014": "Marshbury SQS 2014",
        "untitled_note": "A note",
    }
    assert list(opts.reports) == [
        "northfield_yos_2019",
        "marshbury_sqs_2016",
        "marshbury_sqs_2014",
        "untitled_note",
    ]


def test_filter_options_empty_store():
    opts = filter_options([])
    assert (opts.areas, opts.years, opts.inspection_types, opts.reports) == ([], None, [], {})


@pytest.mark.parametrize(
    ("kwargs", "filters"),
    [
        ({}, {}),
        ({"years": (2014, 2019)}, {}),
        (
            {"area": "Marshbury", "years": (2015, 2016)},
            {"area": "Marshbury", "year_from": 2015, "year_to": 2016},
        ),
        (
            {"inspection_type": "short quality screening"},
            {"inspection_type": "short quality screening"},
        ),
        ({"report_ids": ["marshbury_sqs_2016"]}, {"report_ids": ["marshbury_sqs_2016"]}),
    ],
)
def test_build_filters(kwargs, filters):
    assert build_filters(filter_options(REPORTS), **kwargs) == filters


def test_filters_summary():
    opts = filter_options(REPORTS)
    assert filters_summary({}) == ""
    assert (
        filters_summary(
            {
                "area": "Marshbury",
                "year_from": 2015,
                "year_to": 2016,
                "inspection_type": "short quality screening",
                "report_ids": ["marshbury_sqs_2016", "gone"],
            },
            opts.reports,
        )
        == "area Marshbury · 2015–2016 · short quality screening · reports Marshbury SQS 2016, gone"
    )


def test_citation_details():
    c = Citation(
        n=1,
        report_id="r",
        report_title="Title",
        area="Marshbury",
        year=2016,
        section="Key strengths",
        paragraph=None,
        ordinal=2,
        page=3,
        label="Marshbury SQS 2016 · Key strengths ¶2",
        quote="q",
        score=1.0,
        publication_date="2016-05-18",
    )
    assert citation_details(c) == [
        ("Report", "Title"),
        ("Area", "Marshbury"),
        ("Published", "2016-05-18"),
        ("Section", "Key strengths"),
        ("Paragraph", "unnumbered (2nd in its section)"),
        ("Page", "3"),
    ]


def test_mode_label_and_note_in_the_llm_mode():
    from findings.records import Answer

    assert mode_label("llm", "openai:gpt-4o-mini") == "LLM openai:gpt-4o-mini (citations checked)"
    offline = Answer(question="q", answer="a", abstained=False, mode="extractive")
    assert answer_mode_note(offline) == ""
    checked = Answer("q", "a", False, "llm", model="ollama:gemma3:270m", removed_citations=2)
    assert answer_mode_note(checked) == (
        "Written by ollama:gemma3:270m; every citation checked against the reports "
        "(2 unsupported citations removed)."
    )
    fell_back = Answer("q", "a", False, "extractive", model="m", notice="The LLM m timed out.")
    assert answer_mode_note(fell_back) == "The LLM m timed out."
