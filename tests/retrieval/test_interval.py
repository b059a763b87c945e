"""The time between two dated events (retrieval.interval) on a small hand-built corpus: no
sample report, no store; `build_corpus` takes plain rows with their `records` metadata."""

from __future__ import annotations

from datetime import date

import pytest

from retrieval.corpus import build_corpus
from retrieval.interval import IntervalAnswerer, date_span
from retrieval.plan import Plan, Side


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("17 to 19 October 2017", (date(2017, 10, 17), date(2017, 10, 19))),
        ("Fieldwork: 21–23 May 2018", (date(2018, 5, 21), date(2018, 5, 23))),
        ("28 February to 2 March 2023", (date(2023, 2, 28), date(2023, 3, 2))),
        ("14 November 2017", (date(2017, 11, 14), date(2017, 11, 14))),
        ("September and October 2015", (date(2015, 9, 1), date(2015, 10, 31))),
        ("Published: April 2024", (date(2024, 4, 1), date(2024, 4, 30))),
        ("3 Oct 2016", (date(2016, 10, 3), date(2016, 10, 3))),
        # an ordinal day (tune60: "Published: 17th November 2015" was read as all November)
        ("Published: 17th November 2015", (date(2015, 11, 17), date(2015, 11, 17))),
        ("1st–3rd March 2021", (date(2021, 3, 1), date(2021, 3, 3))),
        # the month first (tune62: Notion's "Date: April 14, 2016" was read as all April)
        ("Date: April 14, 2016", (date(2016, 4, 14), date(2016, 4, 14))),
        # no month or no year: no date
        ("in the autumn", None),
        ("17 to 19 October", None),
        ("31 February 2019", None),
    ],
)
def test_a_printed_date_is_read_as_its_first_and_last_day(text, span):
    assert date_span(text) == span


def _row(rid, section, ordinal, text, subject, value):
    return {
        "text": text,
        "meta": {
            "report_id": rid,
            "section": section,
            "paragraph": None,
            "ordinal": ordinal,
            "page": None,
            "kind": "field",
            "footnotes": [],
            "section_path": section,
            "records": [
                {
                    "report_id": rid,
                    "section": section,
                    "paragraph": None,
                    "ordinal": ordinal,
                    "kind": "fact",
                    "subject": subject,
                    "value": value,
                    "text": text,
                }
            ],
        },
    }


REPORTS = [
    {
        "report_id": "s",
        "area": "Avonby",
        "year": 2017,
        "inspection_type": "short quality screening",
    },
    {
        "report_id": "y",
        "area": "Avonby",
        "year": 2022,
        "inspection_type": "youth offending service inspection",
    },
]
ROWS = [
    _row("s", "Header", 1, "Date: 14 November 2017", "letter_date", "14 November 2017"),
    _row("s", "Header", 2, "Fieldwork dates | 17 to 19 October 2017", "fieldwork_dates",
         "17 to 19 October 2017"),
    _row("s", "Header", 3, "Publication date: 28 November 2017", "publication_date",
         "28 November 2017"),
    _row("y", "Header", 1, "Published: 9 August 2022", "publication_date", "9 August 2022"),
    _row("y", "Introduction", 1, "Fieldwork took place between 9 and 13 May 2022.",
         "fieldwork_dates", "9 and 13 May 2022"),
]  # fmt: skip


def corpus():
    return build_corpus(
        REPORTS,
        {
            "ids": [f"p{i}" for i in range(len(ROWS))],
            "texts": [r["text"] for r in ROWS],
            "metadatas": [r["meta"] for r in ROWS],
        },
    )


def answer(question, report_ids):
    plan = Plan(question, question, [Side("x", report_ids)], areas=["Avonby"])
    plan.scope = ["s", "y"]
    return IntervalAnswerer().answer(plan, corpus())


class TestTheTimeBetween:
    def test_two_dates_of_one_letter(self):
        """The fieldwork's last day to the date the letter bears, both quoted, earlier first."""
        draft = answer("How long after the Avonby screening fieldwork was the letter dated?", ["s"])
        assert draft is not None
        assert draft.text == (
            "**26 days** passed between them:\n"
            "- Avonby SQS 2017, fieldwork: “Fieldwork dates | 17 to 19 October 2017” [1]\n"
            "- Avonby SQS 2017, letter dated: “Date: 14 November 2017” [2]"
        )
        assert [(c.hit.report_id, c.hit.ordinal) for c in draft.cited] == [("s", 2), ("s", 1)]

    def test_the_date_on_the_letter_is_the_date_it_bears(self):
        """ "the date on the letter" names the letter's date as a noun (tune62: only its
        publication had been read, and no answer given)."""
        draft = answer(
            "How long was the gap between the date on the Avonby 2017 letter and the fieldwork?",
            ["s"],
        )
        assert draft is not None
        assert draft.text.splitlines()[0] == "**26 days** passed between them:"

    def test_one_event_of_each_report(self):
        """One event named ("fieldwork") of two reports named: that event of each; the
        planner narrowed to the screening, the inspection is still found by its word."""
        draft = answer(
            "How much time passed between our SQS fieldwork and the fieldwork for the rated "
            "inspection?",
            ["s"],
        )
        assert draft is not None
        assert draft.text.splitlines()[0] == "**About 4 years and 7 months** passed between them:"
        assert [(c.hit.report_id, c.quote) for c in draft.cited] == [
            ("s", "Fieldwork dates | 17 to 19 October 2017"),
            ("y", "Fieldwork took place between 9 and 13 May 2022."),
        ]

    def test_each_report_by_its_year_and_the_words_for_publishing(self):
        draft = answer(
            "How long after the Avonby letter was published did the 2022 report come out?",
            ["s", "y"],
        )
        assert draft is not None
        assert draft.text.splitlines()[0] == "**About 4 years and 8 months** passed between them:"
        assert [c.hit.row for c in draft.cited] == [2, 3]

    def test_from_one_event_to_one_of_another_report_named_after_of(self):
        """ "How long was it from the date on the screening letter to the publication of the
        2022 inspection?": the publication "of" the inspection named after it, not of the
        letter named before it."""
        draft = answer(
            "How long was it from the date on the Avonby screening letter to the publication of"
            " the 2022 inspection?",
            ["y"],
        )
        assert draft is not None
        assert draft.text.splitlines()[0] == "**About 4 years and 9 months** passed between them:"
        assert [c.hit.row for c in draft.cited] == [0, 3]

    @pytest.mark.parametrize(
        "question",
        [
            # not the time between two events
            "When was the Avonby screening fieldwork?",
            "How long had the head of service been in post by the 2022 inspection?",
            # one event only, of one report: nothing to measure between
            "How long after sentence are Avonby children first seen?",
        ],
    )
    def test_no_two_dated_events_no_answer(self, question):
        assert answer(question, ["s", "y"]) is None
