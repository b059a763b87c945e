"""Report metadata read from the report's own text (ingest.metadata), on hand-built paragraphs:
what is printed is taken, what is not stays None."""

from __future__ import annotations

from findings.records import Paragraph
from ingest.metadata import MAX_NAME_CHARS, extract_metadata


def para(text: str, kind: str = "prose", section: str = "Header", n: int = 1) -> Paragraph:
    return Paragraph("r", section, None, n, None, text, kind=kind)


SQS_TITLE = "Report of Short Quality Screening (SQS) of youth offending work in Ashby Vale"


def test_a_letter_header_gives_every_field():
    meta = extract_metadata(
        "r",
        SQS_TITLE,
        [
            para("Publication date: 14 June 2016", kind="field"),
            para("The inspection was conducted from 27-29 April 2016 as part of a programme.", n=2),
            para(
                "Please contact the lead inspector, who was Mary Ellen Okoro, with any questions.",
                section="Closing",
                n=3,
            ),
        ],
    )
    assert (
        meta.title,
        meta.area,
        meta.inspection_type,
        meta.publication_date,
        meta.year,
        meta.fieldwork_start,
        meta.fieldwork_end,
        meta.lead_inspector,
    ) == (
        SQS_TITLE,
        "Ashby Vale",
        "short quality screening",
        "2016-06-14",
        2016,
        "2016-04-27",
        "2016-04-29",
        "Mary Ellen Okoro",
    )


def test_fieldwork_across_two_months_and_years():
    meta = extract_metadata(
        "r",
        "Inspection of youth offending services in Lowmoor",
        [para("Fieldwork took place from 30 December 2019 to 3 January 2020.")],
    )
    assert (meta.fieldwork_start, meta.fieldwork_end, meta.year) == (
        "2019-12-30",
        "2020-01-03",
        2020,  # no publication date: the year the fieldwork ended
    )
    assert meta.inspection_type == "youth offending service inspection"


def test_front_matter_is_taken_before_the_text():
    meta = extract_metadata(
        "r",
        "A thematic inspection of education",
        [para("Published: 2 March 2021", kind="field"), para("Lead inspector: Someone Else")],
        front={
            "title": "Education across Pellshire",
            "lead_inspector": "Ada Brook",
            "area": "Pellshire",
        },
    )
    assert (meta.title, meta.lead_inspector, meta.area, meta.inspection_type) == (
        "Education across Pellshire",
        "Ada Brook",
        "Pellshire",
        "thematic",
    )
    assert meta.publication_date == "2021-03-02"


def test_nothing_printed_nothing_guessed():
    meta = extract_metadata("r", None, [para("Case managers saw children weekly.")])
    assert (
        meta.title,
        meta.area,
        meta.publication_date,
        meta.year,
        meta.fieldwork_start,
        meta.lead_inspector,
        meta.inspectorate,
    ) == (None, None, None, None, None, None, None)
    assert meta.inspection_type == "unknown"


def test_an_impossible_date_is_not_taken():
    meta = extract_metadata(
        "r", SQS_TITLE, [para("Publication date: 31 February 2016", kind="field")]
    )
    assert (meta.publication_date, meta.year) == (None, None)


def test_a_paragraph_that_starts_like_a_field_is_not_a_name():
    long_text = "Lead inspector: " + "the inspection found that " * (MAX_NAME_CHARS // 20)
    meta = extract_metadata("r", SQS_TITLE, [para(long_text, kind="field")])
    assert meta.lead_inspector is None


def test_the_inspectorate_by_any_of_its_names():
    meta = extract_metadata("r", SQS_TITLE, [para("HMI Probation thanks the staff.")])
    assert meta.inspectorate == "HM Inspectorate of Probation"


def test_the_area_from_the_service_name_when_the_title_has_none():
    meta = extract_metadata(
        "r",
        "Inspection report",
        [para("We looked at 20 cases supervised by Brackenford Youth Offending Service (YOS).")],
    )
    assert meta.area == "Brackenford"


def test_a_cover_s_lines_run_on_after_the_place_are_no_part_of_it():
    """A cover saved as text by Acrobat, its lines run on into one ("An inspection of youth
    justice services in Ravensholt HM Inspectorate of Probation December 2022": the tune60
    inspection was filed under the area "Ravensholt HM Inspectorate of Probation December")."""
    for cover, area in [
        ("An inspection of youth justice services in Ravensholt HM Inspectorate of Probation "
         "December 2022", "Ravensholt"),
        ("An inspection of youth justice services in Ravensholt Published 13 June 2023",
         "Ravensholt"),
        ("An inspection of youth justice services in Stoke on Trent", "Stoke on Trent"),
    ]:  # fmt: skip
        meta = extract_metadata("r", None, [para(cover)])
        assert meta.area == area


def test_a_youth_justice_service_inspection_by_its_title():
    """Services are called youth justice services since about 2020: the title names the type,
    even where the text goes on to mention the earlier screening."""
    meta = extract_metadata(
        "r",
        "An inspection of youth justice services in Corrindale",
        [
            para("HM Inspectorate of Probation | Published 19 August 2021"),
            para("Our short quality screening in 2018 found weak planning.", section="Summary"),
        ],
    )
    assert (meta.inspection_type, meta.area) == ("youth offending service inspection", "Corrindale")
    assert (meta.publication_date, meta.year) == ("2021-08-19", 2021)


def test_a_letters_date_line_and_a_lead_inspector_in_a_sentence():
    meta = extract_metadata(
        "r",
        SQS_TITLE,
        [
            para("To: Ann Lee", kind="field"),
            para("Date: 23 March 2018", kind="field"),
            para("Fieldwork took place from 6 to 8 March 2018. Lead inspector: Rowena Tallis."),
        ],
    )
    assert meta.publication_date == "2018-03-23"
    assert (meta.fieldwork_start, meta.fieldwork_end) == ("2018-03-06", "2018-03-08")
    assert meta.lead_inspector == "Rowena Tallis"


def test_inspectors_visited_and_the_lead_inspector_for_this_screening():
    meta = extract_metadata(
        "r",
        SQS_TITLE,
        [
            para(
                "Three inspectors visited Ashby Vale YOT from 8 to 10 October 2019 for a screening."
            ),
            para("The lead inspector for this screening was Hester Tolliver, HM Inspector.", n=2),
        ],
    )
    assert (meta.fieldwork_start, meta.fieldwork_end) == ("2019-10-08", "2019-10-10")
    assert meta.lead_inspector == "Hester Tolliver"


def test_a_year_from_one_fieldwork_date_or_a_month_in_the_front_block():
    """A report printing neither a publication date nor a range of fieldwork dates had no
    year, and every question naming its year said no stored report covered it."""
    title = "An inspection of youth justice services in Fallowmere"
    week = "The fieldwork took place during the week of 4 March 2024. We thank the staff."
    meta = extract_metadata("r", title, [para(week, section="Acknowledgements")])
    assert (meta.year, meta.fieldwork_start, meta.fieldwork_end) == (2024, "2024-03-04", None)
    front = para("HM Inspectorate of Probation, July 2024")
    meta = extract_metadata("r", title, [front, para("Case managers saw children weekly.", n=2)])
    assert (meta.year, meta.publication_date, meta.fieldwork_start) == (2024, None, None)
    # a month and year in the text below the front block is no report's year
    later = para("In July 2021 the service moved.", section="Background")
    assert extract_metadata("r", title, [later]).year is None


def test_a_letters_bare_date_line_and_fieldwork_dates_before_the_cue():
    # "8 December 2017" on a line of its own above "Dear …" is the letter's date; the fieldwork
    # dates open the sentence that says the screening was carried out
    meta = extract_metadata(
        "r",
        "Short Quality Screening of youth offending work in Ferncombe",
        [
            para("HM Inspectorate of Probation"),
            para("8 December 2017", n=2),
            para("Dear Ms Kettle", n=3),
            para(
                "Between 13 and 15 November 2017, HM Inspectorate of Probation carried out a "
                "Short Quality Screening of youth offending work in Ferncombe.",
                section="Introduction",
            ),
        ],
    )
    assert (meta.publication_date, meta.year) == ("2017-12-08", 2017)
    assert (meta.fieldwork_start, meta.fieldwork_end) == ("2017-11-13", "2017-11-15")


def test_a_lead_inspector_field_that_runs_on_gives_its_first_sentence():
    """The field's second sentence is about the team, not the lead inspector; an initial or a
    title with a full stop ends no sentence."""
    runs_on = "Lead inspector: Helen Marchbank, HMI Probation. The team included Ofsted inspectors."
    meta = extract_metadata("a", "Full joint inspection in Wenlow", [para(runs_on, "field")])
    assert meta.lead_inspector == "Helen Marchbank, HMI Probation"
    initial = "Lead inspector: Dr. Amira J. Shah."
    meta = extract_metadata("a", "Full joint inspection in Wenlow", [para(initial, "field")])
    assert meta.lead_inspector == "Dr. Amira J. Shah"


def test_a_title_naming_no_type_takes_the_kind_the_text_names_first():
    """A rated inspection titled by its service alone ("Pellmoor Youth Justice Service") says
    what it is ("our programme of youth offending service inspections") before the screening
    it follows up: it was typed a screening (the screening's words are tried first). A
    screening that names the full joint inspection before itself is still a screening."""
    rated = extract_metadata(
        "r",
        "Pellmoor Youth Justice Service",
        [
            para(
                "This inspection is part of our programme of youth offending service inspections."
            ),
            para("The service has come a long way since our Short Quality Screening in 2014."),
        ],
    )
    assert rated.inspection_type == "youth offending service inspection"
    screening = extract_metadata(
        "r",
        "Pellmoor Youth Offending Service",
        [
            para("Following our full joint inspection in 2012, we returned in May 2015."),
            para("This short quality screening looked at 18 cases."),
        ],
    )
    assert screening.inspection_type == "short quality screening"
