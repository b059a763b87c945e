"""ingest/parse.py and ingest/metadata.py over the real report and every sample format."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.pdfgen import render_pdf
from findings.records import report_id_for
from findings.settings import Settings
from ingest.parse import parse_file

ROOT = Path(__file__).resolve().parents[2]
THURROCK = ROOT.parent / "shared" / "corpus" / "thurrock_sqs_2015.txt"
SAMPLES = ROOT / "data" / "reports"

THEMES = {
    "Reducing reoffending": ["1.1", "1.2", "1.3", "1.4", "1.5"],
    "Protecting the public": ["2.1", "2.2", "2.3"],
    "Protecting the child or young person": ["3.1", "3.2", "3.3", "3.4"],
    "Ensuring that the sentence is served": ["4.1", "4.2", "4.3", "4.4"],
}


def by_number(report):
    return {p.paragraph: p for p in report.paragraphs if p.paragraph}


def in_section(report, section, kind=None):
    return [
        p for p in report.paragraphs if p.section == section and (kind is None or p.kind == kind)
    ]


@pytest.fixture(scope="module")
def thurrock_pdf(tmp_path_factory):
    """The real report laid out as a paginated PDF, with running header and page footers."""
    out = tmp_path_factory.mktemp("pdf") / "thurrock_sqs_2015.pdf"
    return render_pdf(
        THURROCK.read_text(encoding="utf-8"), out, header="Thurrock SQS - HMI Probation"
    )


@pytest.fixture(scope="module", params=["txt", "pdf"])
def thurrock(request, thurrock_pdf):
    path = THURROCK if request.param == "txt" else thurrock_pdf
    return parse_file(path, Settings())


class TestRealReport:
    def test_eighteen_numbered_paragraphs_under_four_themes(self, thurrock):
        numbered = [p for p in thurrock.paragraphs if p.kind == "numbered"]
        assert [p.paragraph for p in numbered] == [n for ns in THEMES.values() for n in ns]
        for section, numbers in THEMES.items():
            assert [p.paragraph for p in in_section(thurrock, section)] == numbers
            assert [p.ordinal for p in in_section(thurrock, section)] == list(
                range(1, len(numbers) + 1)
            )

    def test_paragraph_1_1_is_rejoined_without_its_footnote(self, thurrock):
        p = by_number(thurrock)["1.1"]
        assert p.text.startswith(
            "There was good use of information and liaison with partner agencies"
        )
        assert (
            "understood the children and young people with whom they were working. The analysis"
            in p.text
        )
        assert p.text.endswith("not always evident in the record of assessment (Asset) however.")
        assert "Ministry of Justice" not in p.text and "Published January 2015" not in p.text
        assert p.footnotes == []

    def test_footnote_belongs_to_the_paragraph_that_references_it(self, thurrock):
        summary = in_section(thurrock, "Summary")
        assert summary[0].text == (
            "The published reoffending rate¹ for Thurrock was 39.6% against the England and Wales "
            "average of 36.1%."
        )
        assert len(summary[0].footnotes) == 1
        assert (
            summary[0]
            .footnotes[0]
            .startswith("¹ Published January 2015 based on binary reoffending")
        )
        assert summary[0].footnotes[0].endswith("Source: Ministry of Justice")

    def test_key_strengths_and_areas_for_improvement_are_separate_bullets(self, thurrock):
        strengths = in_section(thurrock, "Key strengths", "bullet")
        assert [p.ordinal for p in strengths] == [1, 2, 3]
        assert (
            strengths[1].text == "There was effective liaison and joint work with other agencies."
        )
        areas = in_section(thurrock, "Areas requiring improvement", "bullet")
        assert [p.ordinal for p in areas] == [1, 2]
        assert (
            areas[1].text
            == "Multi-Agency Public Protection Arrangements need to be fully understood by all staff and managers."
        )

    def test_closing_prose_is_not_an_area_for_improvement(self, thurrock):
        areas = in_section(thurrock, "Areas requiring improvement")
        assert [(p.kind, p.ordinal) for p in areas] == [("bullet", 1), ("bullet", 2)]
        closing = in_section(thurrock, "Closing")
        assert [(p.kind, p.ordinal, p.section_path) for p in closing] == [
            ("prose", 1, "Closing"),
            ("prose", 2, "Closing"),
        ]
        assert closing[0].text.startswith("We are grateful for the support that we received")
        assert closing[1].text.endswith("or on 07973 614573.")

    def test_the_title_is_not_a_section_heading(self, thurrock):
        assert not in_section(thurrock, thurrock.meta.title)
        intro = in_section(thurrock, "Header")[4]
        assert (intro.kind, intro.ordinal) == ("prose", 5)
        assert intro.text.startswith("The inspection was conducted from 27-29 April 2015")

    def test_header_copy_list_and_notes_match_the_dev_set(self, thurrock):
        header = in_section(thurrock, "Header")
        assert header[2].text == "From: Helen Mercer, Assistant Chief Inspector (Youth Justice)"
        assert header[2].ordinal == 3
        copy = in_section(thurrock, "Copy to")
        assert copy[2].text == "Director of Children's Services | Andrew Carter"
        assert copy[6].text == "Chair of Local Safeguarding Children Board | Dave Peplow"
        notes = in_section(thurrock, "Notes")
        assert [p.ordinal for p in notes] == [1, 2, 3]
        assert "0161 240 5336" in notes[2].text

    def test_no_markup_or_page_furniture_in_any_paragraph(self, thurrock):
        for p in thurrock.paragraphs:
            assert "<i>" not in p.text and "</i>" not in p.text
            assert "Page 1 of" not in p.text and "HMI Probation - Thurrock" not in p.text

    def test_metadata(self, thurrock):
        m = thurrock.meta
        assert (m.report_id, m.area, m.inspection_type) == (
            "thurrock_sqs_2015",
            "Thurrock",
            "short quality screening",
        )
        assert (m.publication_date, m.year) == ("2015-05-20", 2015)
        assert (m.fieldwork_start, m.fieldwork_end) == ("2015-04-27", "2015-04-29")
        assert m.lead_inspector == "Jane Attwood"
        assert m.inspectorate == "HM Inspectorate of Probation"
        assert (
            m.title == "Report of Short Quality Screening (SQS) of youth offending work in Thurrock"
        )

    def test_pages_only_where_the_source_has_pages(self, thurrock):
        if thurrock.meta.format == "txt":
            assert thurrock.meta.pages is None
            assert {p.page for p in thurrock.paragraphs} == {None}
        else:
            assert thurrock.meta.pages >= 3
            assert by_number(thurrock)["1.1"].page == 1
            assert in_section(thurrock, "Notes")[-1].page == thurrock.meta.pages


class TestSampleReports:
    def test_markdown_two_level_numbering(self):
        r = parse_file(SAMPLES / "kestrel_vale_fji_2013.md", Settings())
        p = by_number(r)["2.3.2"]
        assert p.section == "Multi-Agency Public Protection Arrangements"
        assert (
            p.section_path == "Protecting the public > Multi-Agency Public Protection Arrangements"
        )
        assert p.text.startswith(
            "MAPPA level 2 meetings were attended by YOS managers in all five cases"
        )
        assert by_number(r)["3.2.2"].text.startswith("The waiting list for CAMHS was 14 weeks")
        assert [p.paragraph for p in in_section(r, "Recommendations")] == [
            "1",
            "2",
            "3",
            "4",
            "5",
            "6",
        ]
        rows = in_section(r, "Summary", "table_row")
        assert rows[0].text == "Referral orders | 12" and rows[-1].text == "Total | 42"
        m = r.meta
        assert (m.area, m.inspection_type, m.publication_date) == (
            "Kestrel Vale",
            "full joint inspection",
            "2013-12-20",
        )
        assert (m.fieldwork_start, m.fieldwork_end, m.lead_inspector) == (
            "2013-11-04",
            "2013-11-08",
            "Graham Pellow",
        )

    def test_html_ratings_table_entities_and_numbered_paragraphs(self):
        r = parse_file(SAMPLES / "northfield_yos_2019.html", Settings())
        ratings = in_section(r, "Ratings", "table_row")
        assert "2.2 Planning | Requires improvement" in [p.text for p in ratings]
        assert "&amp;" not in " ".join(p.text for p in r.paragraphs)
        assert "&" in by_number(r)["1.1.1"].text
        assert any("–" in p.text for p in r.paragraphs)
        assert len(in_section(r, "Key strengths", "bullet")) == 4
        m = r.meta
        assert (m.area, m.inspection_type, m.year) == (
            "Northfield",
            "youth offending service inspection",
            2019,
        )
        assert (m.fieldwork_start, m.fieldwork_end, m.lead_inspector) == (
            "2019-04-08",
            "2019-04-12",
            "Marcus Delaney",
        )

    def test_html_strengths_label_lines_head_their_standards_bullets(self, tmp_path):
        # "Strengths:" and "Areas for improvement:" in plain paragraphs over a standard's bullets
        # are parts of that standard, as the same words set as headings are; prose after the
        # list goes back to the standard, and the labels themselves are no paragraphs
        path = tmp_path / "brindle_yjs_2023.html"
        path.write_text(
            "<html><body><main><h1>Inspection of youth justice services in Brindle</h1>"
            "<h2>Organisational delivery</h2><h3>1.2 Staff</h3>"
            "<p>1.2.1 The service has 36 staff.</p><p>Strengths:</p><ul><li>Morale is high.</li>"
            "</ul><p>Areas for improvement:</p><ul><li>Training is out of date.</li></ul>"
            "<p>Staff turnover has fallen.</p><h3>1.3 Partnerships and services</h3>"
            "<p>1.3.1 A nurse works in the team.</p></main></body></html>",
            encoding="utf-8",
        )
        r = parse_file(path)
        assert [(p.section_path, p.kind, p.text) for p in r.paragraphs] == [
            ("Organisational delivery > Staff", "numbered", "The service has 36 staff."),
            ("Organisational delivery > Staff > Strengths", "bullet", "Morale is high."),
            ("Organisational delivery > Staff > Areas for improvement", "bullet", "Training is out of date."),
            ("Organisational delivery > Staff", "prose", "Staff turnover has fallen."),
            ("Organisational delivery > Partnerships and services", "numbered", "A nurse works in the team."),
        ]  # fmt: skip

    def test_html_header_fields_broken_by_br_give_the_metadata(self, tmp_path):
        path = tmp_path / "brindle_yjs_2021.html"
        path.write_text(
            "<h1>An inspection of youth justice services in Brindle</h1>"
            "<p>Inspectorate: HM Inspectorate of Probation<br>Published: 19 August 2021<br>"
            "Fieldwork: 7&ndash;11 June 2021<br>Lead inspector: Tamsin Holloway<br>"
            "Service inspected: Brindle Youth Justice Service</p><h2>Summary</h2>"
            "<p>1.1 Planning was good.</p>",
            encoding="utf-8",
        )
        r = parse_file(path, Settings())
        m = r.meta
        assert (m.publication_date, m.fieldwork_start, m.lead_inspector) == (
            "2021-08-19",
            "2021-06-07",
            "Tamsin Holloway",
        )
        assert [(p.kind, p.text) for p in in_section(r, "Header")][1] == (
            "field",
            "Published: 19 August 2021",
        )

    def test_an_html_footnote_number_is_read_as_superscript(self, tmp_path):
        """ "rate<sup><a href="#fn:1">1</a></sup>": a reader sees "rate¹", not "rate1"."""
        path = tmp_path / "brindle_yjs_2021.html"
        path.write_text(
            "<h1>An inspection of youth justice services in Brindle</h1><h2>Key facts</h2>"
            '<dl><dt>Proven reoffending rate<sup class="footnote"><a href="#fn:1">1</a></sup>'
            "</dt><dd>37.8% (England and Wales: 34.2%)</dd></dl><h2>Summary</h2>"
            "<p>1.1 Planning was good.<sup>2</sup></p>",
            encoding="utf-8",
        )
        r = parse_file(path, Settings())
        assert [p.text for p in in_section(r, "Key facts")] == [
            "Proven reoffending rate\u00b9: 37.8% (England and Wales: 34.2%)"
        ]
        assert by_number(r)["1.1"].text == "Planning was good.\u00b2"

    def test_generated_pdf_has_pages_and_rejoins_split_paragraphs(self):
        r = parse_file(SAMPLES / "marshbury_sqs_2016.pdf", Settings())
        assert r.meta.pages == 4 and r.meta.format == "pdf"
        assert [p.paragraph for p in r.paragraphs if p.kind == "numbered"][:5] == [
            "1.1",
            "1.2",
            "1.3",
            "1.4",
            "1.5",
        ]
        assert {p.page for p in r.paragraphs} == {1, 2, 3, 4}
        assert all("fictional sample" not in p.text and "Page " not in p.text for p in r.paragraphs)
        summary = in_section(r, "Summary")[0]
        assert summary.footnotes and summary.footnotes[0].startswith("¹ Published January 2016")
        assert "Source: Ministry of Justice" not in by_number(r)["1.2"].text
        op = in_section(r, "Operational management")
        assert len(op) == 1  # flows from page 2 onto page 3 and stays one paragraph
        assert op[0].page == 2
        assert (r.meta.area, r.meta.year, r.meta.lead_inspector) == (
            "Marshbury",
            2016,
            "Hannah Okafor",
        )

    def test_text_letter_footnote_split(self):
        r = parse_file(SAMPLES / "marshbury_sqs_2014.txt", Settings())
        p = by_number(r)["1.2"]
        assert "did little to guide the delivery of interventions." in p.text
        assert "Ministry of Justice" not in p.text
        assert in_section(r, "Summary")[0].footnotes[0].startswith("¹ Published January 2014")

    def test_a_docx_letter_s_letterhead_in_its_first_page_header(self, tmp_path):
        """A Word letter whose letterhead (address, date, reference, addressee) is set in the
        first page's own header: it is printed above the body and read before it (tune74's
        letter lost its date and addressee); later pages' running header is no text."""
        import docx

        d = docx.Document()
        section = d.sections[0]
        section.different_first_page_header_footer = True
        first = section.first_page_header
        first.paragraphs[0].text = "HM Inspectorate of Probation"
        for line in (
            "Date: 19 April 2016",
            "Mr Malcolm Treadwell",
            "Head of Youth Offending Service",
        ):
            first.add_paragraph(line)
        section.header.paragraphs[0].text = "Tamblewick SQS letter: page 2 onwards"
        d.add_heading("Short Quality Screening of youth offending work in Tamblewick", level=1)
        d.add_paragraph("Dear Malcolm,")
        d.add_heading("Reducing reoffending", level=2)
        d.add_paragraph("1.1\tPlans were good in 12 of the 17 cases.")
        path = tmp_path / "tamblewick_sqs_2016.docx"
        d.save(path)
        r = parse_file(path, Settings())
        assert [(p.section, p.text) for p in r.paragraphs][:5] == [
            ("Header", "HM Inspectorate of Probation"),
            ("Header", "Date: 19 April 2016"),
            ("Header", "Mr Malcolm Treadwell"),
            ("Header", "Head of Youth Offending Service"),
            ("Header", "Dear Malcolm,"),
        ]
        assert r.meta.title == "Short Quality Screening of youth offending work in Tamblewick"
        assert not any("page 2 onwards" in p.text for p in r.paragraphs)
        facts = {rec.subject: rec.value for rec in r.records if rec.kind == "fact"}
        assert facts["letter_date"] == "19 April 2016"
        assert facts["addressee"] == "Mr Malcolm Treadwell"

    def test_a_docx_letter_s_lists_set_side_by_side_in_a_table(self, tmp_path):
        """Key strengths and areas requiring improvement as two columns of one table, their
        items a paragraph each in the cells below the heads: read as the two lists, each under
        its heading (tune74's were one table row under the part before)."""
        import docx

        d = docx.Document()
        d.add_heading("Short Quality Screening of youth offending work in Tamblewick", level=1)
        d.add_heading("Operational management", level=2)
        d.add_paragraph("4.1 Managers knew the service's performance.")
        table = d.add_table(rows=2, cols=2)
        table.cell(0, 0).text = "Key strengths"
        table.cell(0, 1).text = "Areas requiring improvement"
        table.cell(1, 0).text = "Case managers knew their children well."
        table.cell(1, 0).add_paragraph("Enforcement was well managed.", style="List Bullet")
        table.cell(1, 1).text = "Plans should be drawn up with children."
        d.add_heading("Next steps", level=2)
        d.add_paragraph("Please send an improvement plan by 1 June 2016.")
        path = tmp_path / "tamblewick_sqs_2016.docx"
        d.save(path)
        r = parse_file(path, Settings())
        assert [(p.section, p.kind, p.text) for p in r.paragraphs] == [
            ("Operational management", "numbered", "Managers knew the service's performance."),
            ("Key strengths", "bullet", "Case managers knew their children well."),
            ("Key strengths", "bullet", "Enforcement was well managed."),
            ("Areas requiring improvement", "bullet", "Plans should be drawn up with children."),
            ("Next steps", "prose", "Please send an improvement plan by 1 June 2016."),
        ]

    def test_docx_headings_lists_and_tables(self, tmp_path):
        import docx

        d = docx.Document()
        d.add_heading("Inspection of youth offending services in Brackenford", level=1)
        d.add_heading("Key strengths", level=2)
        d.add_paragraph("Staff knew their children well.", style="List Bullet")
        d.add_paragraph("Partnerships were strong.", style="List Bullet")
        d.add_heading("2. Protecting the public", level=2)
        d.add_paragraph("2.1 MAPPA referrals were made on time in all four cases.")
        path = tmp_path / "Brackenford YOS 2020.docx"
        d.save(path)
        r = parse_file(path, Settings())
        assert r.meta.report_id == "brackenford_yos_2020"
        assert [p.text for p in in_section(r, "Key strengths", "bullet")] == [
            "Staff knew their children well.",
            "Partnerships were strong.",
        ]
        p = by_number(r)["2.1"]
        assert (p.section, p.text) == (
            "Protecting the public",
            "MAPPA referrals were made on time in all four cases.",
        )
        assert r.meta.area == "Brackenford"


class TestCleanUp:
    def test_hyphenation_bracket_numbers_and_unknown_metadata(self, tmp_path):
        path = tmp_path / "notes.txt"
        path.write_text(
            "Findings\n\n(3) Suitable accommo-\ndation was found for every child leaving custody.\n\n"
            "- 2.1.1. Two-level numbering after a bullet is kept.\n",
            encoding="utf-8",
        )
        r = parse_file(path, Settings())
        assert [(p.paragraph, p.text) for p in r.paragraphs] == [
            ("3", "Suitable accommodation was found for every child leaving custody."),
            ("2.1.1", "Two-level numbering after a bullet is kept."),
        ]
        m = r.meta
        assert (m.area, m.year, m.publication_date, m.lead_inspector) == (None, None, None, None)
        assert m.inspection_type == "unknown"


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Thurrock SQS 2015.pdf", "thurrock_sqs_2015"),
        ("a--b  C.txt", "a_b_c"),
        ("Éire 2019.md", "eire_2019"),
    ],
)
def test_report_id(name, expected):
    assert report_id_for(name) == expected


@pytest.mark.parametrize(
    "title, text, area",
    [
        (
            "Report of Short Quality Screening (SQS) of youth offending work in Thurrock",
            "",
            "Thurrock",
        ),
        ("Thurrock Youth Offending Service Inspection", "", "Thurrock"),
        (
            "Inspection report",
            "Cases supervised by Kestrel Vale Youth Offending Service (YOS).",
            "Kestrel Vale",
        ),
        (
            None,
            "We inspected youth offending work in Barking and Dagenham. Staff said",
            "Barking and Dagenham",
        ),
        ("Annual report", "Nothing names a place here.", None),
    ],
)
def test_area_is_read_from_title_or_text_never_guessed(title, text, area):
    from ingest.metadata import _area

    assert _area(title, text) == area


class TestNothingGiant:
    def test_a_long_paragraph_is_stored_in_pieces(self, tmp_path):
        path = tmp_path / "long.txt"
        body = "The work was good. " * 2400  # 45,600 characters in one numbered paragraph
        path.write_text(f"Findings\n\n1.1 {body}\n\nShort closing paragraph.\n", encoding="utf-8")
        r = parse_file(path, Settings())
        assert [(p.paragraph, p.ordinal, len(p.text)) for p in r.paragraphs] == [
            ("1.1", 1, 20_000),
            ("1.1", 2, 19_997),
            ("1.1", 3, 5_600),
            (None, 4, 24),
        ]
        assert " ".join(p.text for p in r.paragraphs[:3]) == body.strip()
        assert r.paragraphs[1].text.startswith("good. The work")  # cut at a space, never mid-word

    def test_a_heading_longer_than_a_heading_is_a_paragraph(self, tmp_path):
        path = tmp_path / "long_heading.md"
        long_title = "Findings " * 40  # 360 characters
        path.write_text(f"# Key strengths\n\n# {long_title}\n\nStaff knew their children.\n")
        r = parse_file(path, Settings())
        assert [(p.section, p.kind, p.text) for p in r.paragraphs] == [
            ("Key strengths", "prose", long_title.strip()),
            ("Key strengths", "prose", "Staff knew their children."),
        ]

    def test_footnotes_go_to_the_first_paragraph_with_their_marker_up_to_the_cap(self, tmp_path):
        path = tmp_path / "notes.txt"
        notes = "".join(f"² Note {i} " + "x" * 990 + "\n\n" for i in range(25))  # 1,000 each
        path.write_text(
            "The rate¹² was 31%.\n\nIt fell to 25%².\n\n¹ First source.\n\n" + notes,
            encoding="utf-8",
        )
        r = parse_file(path, Settings())
        first = r.paragraphs[0]
        assert first.text == "The rate¹² was 31%."  # `²` is in `¹²`: the first to carry it
        assert first.footnotes[0] == "¹ First source."
        assert [f.split(" x")[0] for f in first.footnotes[1:]] == [f"² Note {i}" for i in range(19)]
        assert sum(len(f) for f in first.footnotes) <= 20_000
        # the rest would take the paragraph over the cap: each is a paragraph after it
        assert [p.text.split(" x")[0] for p in r.paragraphs[1:7]] == [
            f"² Note {i}" for i in range(19, 25)
        ]
        assert r.paragraphs[7].text == "It fell to 25%²." and r.paragraphs[7].footnotes == []


EVAL = ROOT / "data" / "eval" / "reports"


class TestEvalLayouts:
    """The blind-evaluation layouts (data/eval/REPORTS.md), read from their structure."""

    def test_standard_grade_lines_are_rating_paragraphs_not_headings(self):
        r = parse_file(EVAL / "ravensgarth_yos_2020.pdf", Settings())
        ratings = in_section(r, "Ratings")
        assert [p.kind for p in ratings] == ["rating"] * 12
        assert (ratings[7].text, ratings[7].paragraph, ratings[7].ordinal) == (
            "2.4 Reviewing: Inadequate",
            None,
            8,
        )
        assert ratings[7].section_path == "Ratings > Court disposals"
        reviewing = in_section(r, "Reviewing")
        assert (reviewing[0].kind, reviewing[0].text) == ("rating", "Rating: Inadequate")
        assert [p.paragraph for p in reviewing[1:]] == ["2.4.1", "2.4.2"]

    def test_should_lines_group_recommendations_without_a_heading_or_paragraph(self):
        r = parse_file(EVAL / "ravensgarth_yos_2020.pdf", Settings())
        assert not [p for p in r.paragraphs if p.text.endswith("should:")]
        assert not [p for p in r.paragraphs if "should" in p.section]
        recs = in_section(r, "Recommendations", "numbered")
        assert [p.paragraph for p in recs] == ["1", "2", "3", "4", "5", "6", "7"]
        assert recs[6].section_path == (
            "Recommendations > The Ravensgarth Clinical Commissioning Group should"
        )
        assert in_section(r, "Contextual facts")[0].section_path == "Contextual facts"
        header = in_section(r, "Header")
        assert [p.text for p in header][1:] == [
            "Published: 26 March 2020",
            "Fieldwork: 13 to 17 January 2020",
            "Lead inspector: Lorraine Fenwick",
        ]

    def test_markdown_front_matter_is_metadata_and_footnotes_attach(self):
        r = parse_file(EVAL / "wexcaster_thematic_2021.md", Settings())
        assert r.meta.title == (
            "Education, training and employment for children under youth justice supervision "
            "in the Wexcaster sub-region"
        )
        assert (r.meta.publication_date, r.meta.inspection_type) == ("2021-06-17", "thematic")
        assert r.meta.lead_inspector == "Bethan Harcourt"
        assert in_section(r, "Header")[0].text.startswith("An inspection by HM Inspectorate")
        assert not [p for p in r.paragraphs if "[^" in p.text or p.text.startswith("---")]
        p22 = by_number(r)["2.2"]
        assert p22.text.endswith("while Lanbridge's was well below it.¹")
        assert p22.footnotes[0].startswith("¹ Proven reoffending rates for the April 2018")
        assert by_number(r)["4.10"].footnotes[0].startswith("³ An EHCP must be reviewed")
        assert len(in_section(r, "Annex A: Glossary")) == 8
        rows = in_section(r, "Assessment", "table_row")
        assert rows[0].columns[0] == "Area" and rows[0].columns[-1] == "Proven reoffending rate"

    def test_word_tables_stay_where_they_stand_and_footnotes_attach(self):
        r = parse_file(EVAL / "tollmouth_sqs_2017.docx", Settings())
        assert [p.text for p in in_section(r, "Context", "table_row")][-1] == "Total | 15"
        assert len(in_section(r, "Copy to", "table_row")) == 9
        assert [p.kind for p in in_section(r, "Notes")] == ["note"] * 3
        summary = in_section(r, "Summary")[0]
        assert summary.text.startswith("The published reoffending rate¹ for Tollmouth")
        assert summary.footnotes[0].startswith("¹ Published January 2017")
        assert [p.ordinal for p in in_section(r, "Areas requiring improvement")] == [1, 2, 3, 4, 5]
        assert [p.ordinal for p in in_section(r, "Closing")] == [1, 2]


LAYOUTS = ROOT / "tests" / "ingest" / "layouts"


@pytest.fixture(scope="module")
def text():
    return parse_file(LAYOUTS / "brindlemoor_yos_2018.txt")


@pytest.fixture(scope="module")
def markdown():
    return parse_file(LAYOUTS / "fenwick_yjs_2022.md")


class TestConvertedLayouts:
    """Layouts users bring that the sample reports do not have: a PDF-to-text conversion with
    running headers, page footers, a table laid out with spaces and ALL-CAPS headings; a
    Markdown file whose headings are bold lines only."""

    def test_page_footers_are_page_breaks_and_running_headers_go(self, text):
        assert text.meta.pages == 3
        assert not any("Page 2" in p.text or "Page 3" in p.text for p in text.paragraphs)
        recs = in_section(text, "RECOMMENDATIONS")
        assert [p.text for p in recs] == [
            "make sure that plans address the risk of harm to others",
            "improve the quality of contingency planning.",
        ]

    def test_a_numbered_paragraph_runs_on_over_a_page_break(self, text):
        p = by_number(text)["1.2"]
        assert p.text.endswith(
            "since a new supervision policy was introduced. "
            "Staff told us they felt supported by their managers."
        )
        assert by_number(text)["2.1"].page == 2

    def test_columns_laid_out_with_spaces_are_table_rows(self, text):
        rows = in_section(text, "RATINGS", "table_row")
        assert [p.text for p in rows] == [
            "Standard | Rating",
            "1.1 Governance and leadership | Good",
            "1.2 Staff | Requires improvement",
            "2.1 Assessment | Good",
            "2.2 Planning | Inadequate",
        ]

    def test_header_fields_one_per_line_and_area_on_one_line(self, text):
        fields = [p.text for p in in_section(text, "Header", "field")]
        assert fields[-2:] == [
            "Head of service: Daniel Pike",
            "Chair of the management board: Cllr Joan Ferris",
        ]
        assert text.meta.area == "Brindlemoor"
        assert text.meta.lead_inspector == "Ruth Okafor"

    def test_all_caps_headings_hold_their_paragraphs(self, text):
        assert [p.paragraph for p in in_section(text, "COURT DISPOSALS")] == ["2.1", "2.2"]
        assert [p.ordinal for p in in_section(text, "PRIORITIES FOR IMPROVEMENT")] == [1, 2]

    def test_a_running_title_with_its_page_number_is_a_page_break(self):
        """A PDF-to-text conversion that prints "<report title>  <page>" at the foot of every
        page: no such line is a heading or text, the paragraphs it cuts are whole, and a
        numbered paragraph cut after its first line is not taken for a heading."""
        report = parse_file(LAYOUTS / "pexley_fji_2011.txt")
        assert report.meta.pages == 4
        sections = list(dict.fromkeys(p.section for p in report.paragraphs))
        assert sections == [
            "Header",
            "FOREWORD",
            "SCORES FROM THE INSPECTION",
            "RECOMMENDATIONS",
            "NEXT STEPS",
            "ASSESSMENT",
        ]
        assert in_section(report, "FOREWORD")[1].text == (
            "Our scores were 61% for Safeguarding work and 55% for Risk of harm to others work. "
            "The service now needs to give priority to its risk of harm work and to making sure "
            "that its managers know the quality of the work in every team."
        )
        p17 = by_number(report)["1.7"]
        assert (p17.section, p17.page, p17.text) == (
            "ASSESSMENT",
            3,
            "A victim liaison officer contacted the victims of offences committed by children "
            "under supervision, and their views were recorded in 30 of the 48 cases.",
        )
        assert [p.paragraph for p in in_section(report, "ASSESSMENT")] == [
            f"1.{n}" for n in range(1, 9)
        ]

    def test_a_row_repeated_in_two_tables_is_no_running_title(self, tmp_path):
        """The same three-word label beside a number in two tables ("Court disposals inspected
        14", then "… 22" a page later) is two rows, not a page footer: both are kept."""
        filler = [f"Sentence {n} about the work of the service in the period." for n in range(12)]
        text = "\n\n".join(
            [
                "CASES",
                "Court disposals inspected      14\nOut-of-court disposals      9",
                *filler,
                "CASES LAST TIME",
                "Court disposals inspected      22\nOut-of-court disposals      11",
            ]
        )
        path = tmp_path / "norbury_sqs_2016.txt"
        path.write_text(text, encoding="utf-8")
        rows = [p.text for p in parse_file(path).paragraphs if p.kind == "table_row"]
        assert rows == [
            "Court disposals inspected | 14",
            "Out-of-court disposals | 9",
            "Court disposals inspected | 22",
            "Out-of-court disposals | 11",
        ]

    def test_a_sentence_that_opens_a_list_is_not_a_heading(self):
        """A line "… should focus particularly on ensuring that:" leads its numbered items; they stay
        recommendations under RECOMMENDATIONS."""
        recs = in_section(parse_file(LAYOUTS / "pexley_fji_2011.txt"), "RECOMMENDATIONS")
        assert [(p.kind, p.paragraph) for p in recs] == [
            ("prose", None),
            ("numbered", "1"),
            ("numbered", "2"),
        ]
        assert recs[0].text == (
            "Post-inspection improvement work should focus particularly on ensuring that:"
        )

    def test_bold_lines_are_headings_in_markdown_without_hashes(self, markdown):
        assert markdown.meta.title == "Re-inspection of youth justice services in Fenwick"
        assert markdown.meta.area == "Fenwick"
        sections = list(dict.fromkeys(p.section for p in markdown.paragraphs))
        assert sections == [
            "Header",
            "Overall judgement",
            "What we found",
            "Assessment",
            "What must change",
        ]
        rows = in_section(markdown, "Assessment", "table_row")
        assert [p.text for p in rows] == [
            "Assessment | Requires improvement | Good",
            "Planning | Inadequate | Good",
        ]
        assert rows[0].columns == ["Standard", "2019", "2022"]

    def test_a_pdf_with_numbers_in_the_margin_and_a_block_per_line(self):
        """A PDF (fpdf2) that sets paragraph numbers, list numbers and bullets in a margin
        column and every line as a block of its own: each numbered paragraph is one paragraph,
        its lines run on (capitalised ones too), and a table's caption heads nothing."""
        pdf = parse_file(LAYOUTS / "thornbeck_yjs_2022.pdf")
        numbers = by_number(pdf)
        assert numbers["1.1"].text.startswith("Thornbeck is a unitary authority of about 176,000")
        assert numbers["1.1"].text.endswith("41 on court orders and 46 on out-of-court disposals.")
        assert "renamed Thornbeck Youth Justice Service (YJS). When we visited" in (
            numbers["1.1"].text
        )
        section_1 = "Section 1: The service and its area"
        assert [p.paragraph for p in in_section(pdf, section_1, "numbered")] == [
            "1.1", "1.2", "1.3", "1.4"
        ]  # fmt: skip
        assert in_section(pdf, section_1, "table_row")[0].text == (
            "Type of case | Inspected | Assessment | Planning"
        )
        recs = in_section(pdf, "Recommendations")
        assert [(p.kind, p.paragraph) for p in recs] == [("numbered", str(n)) for n in range(1, 7)]
        assert recs[3].text.endswith("and the Probation Service by December 2022.")
        strengths = in_section(pdf, "Strengths")
        assert [p.kind for p in strengths] == ["bullet"] * 5
        assert strengths[0].text.endswith("most of them do not offend again.")
        # bold domain lines between the ratings table's rows group its rows; the overall
        # rating after the table is the Ratings section's, not the last domain's
        ratings = in_section(pdf, "Ratings")
        assert [p.kind for p in ratings] == ["table_row"] * 14 + ["prose"]
        assert ratings[5].text == "Assessment | Good"
        assert ratings[5].section_path == "Ratings > Court disposals"
        assert ratings[-1].text.startswith(
            "Overall, Thornbeck Youth Justice Service is rated Requires improvement."
        )
        assert "Court disposals" not in {p.section for p in pdf.paragraphs}

    def test_a_pdf_whose_margin_numbers_are_drawn_after_their_paragraphs(self, tmp_path):
        """A writer that draws each paragraph first and its number in the margin after it,
        level with the paragraph's first line: as a block of its own, as the last line of the
        paragraph's block, or beside a first line raised by a footnote marker. Each number
        opens its paragraph (it was a paragraph "1.1.1" of its own, or ended the one before)."""
        pdf = parse_file(_margin_numbers_drawn_after(tmp_path / "lanbury_yjs_2023.pdf"))
        numbered = [(p.paragraph, p.text) for p in pdf.paragraphs if p.kind == "numbered"]
        assert numbered == [
            (
                "1.1.1",
                "The Lanbury partnership board has been chaired since March 2022 by the Director "
                "of Children's Services, who also chairs the safeguarding partnership and attends "
                "every meeting in person.",
            ),
            (
                "1.1.2",
                "The service receives funding from the Turnaround programme¹ and uses it to work "
                "with children on the edge of the youth justice system, mainly through the Early "
                "Help teams.",
            ),
            (
                "1.1.3",
                "Sickness absence was low, at an average of 4.2 days per employee in 2022/23, and "
                "there were no vacancies at the time of the inspection, which the board noted.",
            ),
        ]
        assert [p.text for p in pdf.paragraphs if p.text in {"1.1.1", "1.1.2", "1.1.3"}] == []

    def test_html_that_pdftohtml_made_of_a_pdf(self, tmp_path):
        """poppler's `pdftohtml -s`: every line of a page an absolutely placed <p>, a running
        header and page number on each page, paragraph numbers and bullets set apart in the
        margin, a table's cells as lines level with each other, and font classes an earlier
        page defined (or none did). Read as the PDF it was: paragraphs, not lines."""
        f = tmp_path / "lanbury_yjs_2023.html"
        f.write_text(_pdftohtml_page_pair(), encoding="utf-8")
        parsed = parse_file(f)
        assert parsed.meta.area == "Lanbury"
        got = [(p.section, p.kind, p.paragraph, p.text) for p in parsed.paragraphs]
        assert got == [
            ("Header", "prose", None, "Published September 2023"),
            ("Ratings", "table_row", None, "1.1 | Governance and leadership | Good"),
            ("Ratings", "table_row", None, "1.2 | Staff | Outstanding"),
            (
                "Governance and leadership",
                "numbered",
                "1.1.1",
                "The Lanbury board is chaired by Priya Raman, the Corporate Director of "
                "Children’s Services, who took over in September 2021.",
            ),
            (
                "Governance and leadership",
                "numbered",
                "1.1.2",
                "The board’s plan sets clear priorities. Board members visit twice a year.",
            ),
            ("Strengths", "bullet", None, "The chair holds partners to account for their work."),
        ]

    def test_html_that_pdf2htmlex_made_of_a_pdf(self, tmp_path):
        """pdf2htmlEX places each printed line by generated classes: read as the PDF it was
        (tune74's inspection was read a line a paragraph, running headers and all, a figure
        beside its label was a heading and a wrapped cell's second line a section)."""
        f = tmp_path / "lanbury_yjs_2023.html"
        f.write_text(_pdf2htmlex_page_pair(), encoding="utf-8")
        parsed = parse_file(f)
        assert parsed.meta.title == "An inspection of youth justice services in Lanbury"
        got = [(p.section, p.kind, p.paragraph, p.text) for p in parsed.paragraphs]
        assert got == [
            (
                "Key facts",
                "table_row",
                None,
                "Children supervised by the YJS in the year to 30 September 2022 | 214",
            ),
            (
                "Key facts",
                "table_row",
                None,
                "Chair of the management board | Detective Chief Superintendent Neil Caverley",
            ),
            (
                "Governance and leadership",
                "numbered",
                "1.1.1",
                "The Lanbury board is chaired by Priya Raman, the Corporate Director of "
                "Children’s Services, since 2021.¹",
            ),
            (
                "Governance and leadership",
                "numbered",
                "1.1.2",
                "The board’s plan sets clear priorities. Board members visit twice a year.",
            ),
            ("Strengths", "prose", None, "The chair holds partners to account for their work."),
        ]
        assert parsed.paragraphs[2].footnotes == [
            "¹ The chair changed in March 2021, after the previous chair retired."
        ]

    def test_an_html_letter_whose_headings_are_bold_paragraphs(self, tmp_path):
        f = tmp_path / "oakhill_sqs_2018.html"
        f.write_text(
            "<html><body><p><strong>Report of Short Quality Screening of youth offending work in "
            "Oakhill</strong></p><table><tr><td>To:</td><td>Ann Lee, Chair of the Board</td></tr>"
            "<tr><td>Publication date:</td><td>5 March 2018</td></tr></table>"
            "<p><strong>Summary</strong></p><p>The team was <strong>settled</strong>.</p>"
            "<p><strong>1. Reducing reoffending</strong></p><p>1.1. Plans were good.</p>"
            "<p><strong>Key strengths</strong></p><p>&bull; Staff knew the children.</p>"
            "</body></html>",
            encoding="utf-8",
        )
        parsed = parse_file(f)
        assert parsed.meta.title == (
            "Report of Short Quality Screening of youth offending work in Oakhill"
        )
        assert [(p.section, p.kind, p.paragraph, p.text) for p in parsed.paragraphs] == [
            ("Header", "field", None, "To: Ann Lee, Chair of the Board"),
            ("Header", "field", None, "Publication date: 5 March 2018"),
            ("Summary", "prose", None, "The team was settled."),
            ("Reducing reoffending", "numbered", "1.1", "Plans were good."),
            ("Key strengths", "bullet", None, "Staff knew the children."),
        ]
        facts = {r.subject: r.value for r in parsed.records if r.kind == "fact"}
        assert facts["addressee"] == "Ann Lee, Chair of the Board"

    def test_markdown_converted_from_a_pdf_keeps_no_page_footer(self, tmp_path):
        f = tmp_path / "oakhill_yos_2020.md"
        f.write_text(
            "# Inspection of youth offending services in Oakhill\n\n## Summary\n\n"
            "The service was well led.\n\nPage 3 of 14\n\nPlans were reviewed.\n\n"
            "## Staff\n\nPage 4\n\n1.1 Staff were supervised.\n\n| Cases | 40 |\n| --- | --- |\n"
            "| Total | 4 |\n",
            encoding="utf-8",
        )
        parsed = parse_file(f)
        assert [(p.section, p.text) for p in parsed.paragraphs if p.section != "Header"] == [
            ("Summary", "The service was well led."),
            ("Summary", "Plans were reviewed."),
            ("Staff", "Staff were supervised."),
            # a first row of values is a row, not a header that labels columns
            ("Staff", "Cases | 40"),
            ("Staff", "Total | 4"),
        ]
        # each footer ends a page, as a PDF conversion's page breaks do
        assert [p.page for p in parsed.paragraphs if p.section != "Header"] == [1, 2, 3, 3, 3]
        assert parsed.meta.pages == 3

    def test_bold_lines_stay_text_where_hashes_mark_the_headings(self, tmp_path):
        f = tmp_path / "oakhill_yos_2020.md"
        f.write_text(
            "# Inspection of youth offending services in Oakhill\n\n## Ratings\n\n"
            "**Organisational delivery**\n\n1.1 Governance and leadership: Good\n"
        )
        report = parse_file(f)
        assert [(p.section, p.section_path, p.text) for p in report.paragraphs] == [
            ("Ratings", "Ratings > Organisational delivery", "1.1 Governance and leadership: Good")
        ]

    def test_bracketed_footnote_goes_to_the_paragraph_that_prints_its_marker(self, tmp_path):
        f = tmp_path / "oakhill_sqs_2016.txt"
        f.write_text(
            "Summary\n\nThe reoffending rate [1] was 40%.\n\nReducing reoffending\n\n"
            "1.1 Intervention plans were written on time in most of the cases we read, but\n"
            "[1] Ministry of Justice figures.\nPage 2 of 3\n"
            "were not reviewed when things changed.\n"
        )
        report = parse_file(f)
        summary = in_section(report, "Summary")[0]
        assert summary.footnotes == ["[1] Ministry of Justice figures."]
        assert by_number(report)["1.1"].text == (
            "Intervention plans were written on time in most of the cases we read, but were not "
            "reviewed when things changed."
        )

    def test_a_converted_letter_keeps_its_lists_whole(self, tmp_path):
        """A rule line over a page's footnotes, `o` sub-bullets, list items without stops that
        end a page, a salutation and a letter's "Date:" line."""
        f = tmp_path / "oakhill_sqs_2018.txt"
        f.write_text(
            "To: Ann Lee, Head of Oakhill YOS\nDate: 23 March 2018\n\nDear Ms Lee\n\n"
            "We carried out a Short Quality Screening (SQS) of youth offending work in Oakhill "
            "from 6 to 8 March 2018 [1].\n\n"
            "Key strengths\n\n• Strong relationships with children\n• Good help with education\n"
            "____________________\n[1] Cases sentenced since June 2017.\n\n"
            "                                 Page 1 of 2\n"
            "Oakhill YOS -- Short Quality Screening\n\n"
            "Areas requiring improvement\n\n• Plans should include the child's views\n"
            "  o plans in the Riverside team were a concern\n• Risk plans need contingencies\n\n"
            "We would ask you to send us an action plan.\n\nYours sincerely\n\n"
            "                                 Page 2 of 2\n"
            "Oakhill YOS -- Short Quality Screening\n"
        )
        report = parse_file(f)
        assert [p.text for p in in_section(report, "Key strengths")] == [
            "Strong relationships with children",
            "Good help with education",
        ]
        assert [p.text for p in in_section(report, "Areas requiring improvement")] == [
            "Plans should include the child's views",
            "plans in the Riverside team were a concern",
            "Risk plans need contingencies",
        ]
        assert in_section(report, "Header")[-1].footnotes == [
            "[1] Cases sentenced since June 2017."
        ]
        assert not any("____" in p.text or p.section.startswith("Dear") for p in report.paragraphs)
        assert report.meta.publication_date == "2018-03-23"
        assert (report.meta.fieldwork_start, report.meta.fieldwork_end) == (
            "2018-03-06",
            "2018-03-08",
        )

    def test_addressee_headings_under_recommendations_stay_recommendations(self, tmp_path):
        f = tmp_path / "oakhill_thematic_2024.html"
        f.write_text(
            "<html><body><h1>A thematic inspection</h1><p>Published 12 March 2024.</p>"
            "<h2>Recommendations</h2><h3>The Youth Justice Board should:</h3>"
            "<ul><li>publish guidance on screening</li></ul>"
            "<h3>Heads of youth justice services should:</h3>"
            "<ul><li>train all case managers</li></ul><h2>Introduction</h2>"
            "<p>1.1 Research shows that most children in the system have a need.</p>"
            "</body></html>"
        )
        report = parse_file(f)
        assert [(p.section, p.section_path, p.text) for p in report.paragraphs[-3:]] == [
            (
                "Recommendations",
                "Recommendations > The Youth Justice Board should",
                "publish guidance on screening",
            ),
            (
                "Recommendations",
                "Recommendations > Heads of youth justice services should",
                "train all case managers",
            ),
            (
                "Introduction",
                "Introduction",
                "Research shows that most children in the system have a need.",
            ),
        ]
        assert report.meta.publication_date == "2024-03-12"

    def test_front_block_lines_and_a_title_with_a_colon(self, tmp_path):
        f = tmp_path / "oakhill_thematic_2023.txt"
        f.write_text(
            "HM INSPECTORATE OF PROBATION\n\n"
            "Children on remand: a thematic inspection in Oakhill and Brill\n\n"
            "Thematic inspection report\nPublished: 12 October 2023\n"
            "Lead inspector: Hugo Penn\n\nForeword\n\nA remand takes away a child's liberty.\n"
        )
        report = parse_file(f)
        assert report.meta.title == "Children on remand: a thematic inspection in Oakhill and Brill"
        assert [(p.section, p.kind, p.text) for p in report.paragraphs] == [
            ("Header", "prose", "HM INSPECTORATE OF PROBATION"),
            ("Header", "prose", "Thematic inspection report"),
            ("Header", "field", "Published: 12 October 2023"),
            ("Header", "field", "Lead inspector: Hugo Penn"),
            ("Foreword", "prose", "A remand takes away a child's liberty."),
        ]
        assert report.meta.lead_inspector == "Hugo Penn"


def _word_with_bold_headings(path: Path) -> Path:
    """A Word report that marks its headings only by weight: no Heading style anywhere, a plain
    title line, bold paragraphs in capitals and in sentence case, typed `•` bullets beside a
    List Bullet list, and tables of ratings and of the copy list."""
    import docx

    d = docx.Document()

    def bold(text):
        d.add_paragraph().add_run(text).bold = True

    def table(rows):
        t = d.add_table(rows=len(rows), cols=2)
        for i, (a, b) in enumerate(rows):
            t.cell(i, 0).text, t.cell(i, 1).text = a, b

    d.add_paragraph("Inspection of youth justice services in Quillby")
    for line in ("Published: 4 March 2020", "Lead inspector: Harriet Moss"):
        d.add_paragraph(line)
    bold("SUMMARY")
    d.add_paragraph("The service in Quillby has improved since the last inspection.")
    bold("Ratings")
    table([("Standard", "Rating"), ("2.2 Planning", "Requires improvement")])
    bold("Key strengths")
    d.add_paragraph("• Case managers built trusting relationships with children.")
    d.add_paragraph("• Health workers were part of the team.")
    bold("Areas requiring improvement")
    d.add_paragraph("Plans did not address risk of harm to others.", style="List Bullet")
    bold("2. Work with children in court")
    d.add_paragraph("2.1 Assessments were thorough in 14 of the 18 cases we inspected.")
    p = d.add_paragraph()
    p.add_run("Note: ").bold = True
    p.add_run("a bold label followed by plain text is not a heading.")
    bold("Copy to")
    table([("Head of Service", "Ian Blake")])
    d.save(path)
    return path


def _pdf_with_bold_headings_and_cells(path: Path) -> Path:
    """A PDF laid out like a published report: bold headings, a ratings table drawn as cells,
    bullets in a font without "•" (they come out as "·"), a running header on every page but
    the first and a bare page number at the foot of each, numbered paragraphs over three pages."""
    import pymupdf

    a4 = pymupdf.paper_rect("a4")
    doc = pymupdf.open()
    at = {"page": None, "y": 0.0}

    def new_page():
        page = doc.new_page(width=a4.width, height=a4.height)
        if doc.page_count > 1:
            page.insert_text((56, 30), "Oxley YOS inspection 2024", fontname="helv", fontsize=8)
        page.insert_text((a4.width / 2, a4.height - 25), str(doc.page_count), fontsize=8)
        at["page"], at["y"] = page, 70.0

    def write(text, font="helv", size=10.5, x=56.0):
        if at["y"] > a4.height - 60:
            new_page()
        at["page"].insert_text((x, at["y"]), text, fontname=font, fontsize=size)
        at["y"] += size * 1.35 + 8

    new_page()
    write("Inspection of youth offending services in Oxley", "hebo", 16)
    write("Lead inspector: Peter Quine")
    write("Ratings", "hebo", 12)
    for standard, rating in (("Standard", "Rating"), ("2.2 Planning", "Requires improvement")):
        y = at["y"]
        for x, w, cell in ((56, 330, standard), (386, 150, rating)):
            at["page"].draw_rect(pymupdf.Rect(x, y - 11, x + w, y + 5), width=0.5)
            at["page"].insert_text((x + 3, y), cell, fontsize=10)
        at["y"] += 16
    at["y"] += 10
    write("Key strengths", "hebo", 12)
    write("• Children knew their case managers well.")
    write("1. Organisational delivery", "hebo", 12)
    for i in range(1, 61):
        write(f"1.{i} The partnership board met every quarter (finding {i}).")
    doc.save(path)
    return path


class TestWordAndPdfLayouts:
    """Word documents and PDFs that mark headings by weight alone."""

    def test_a_word_report_without_heading_styles_reads_bold_paragraphs_as_headings(self, tmp_path):
        r = parse_file(_word_with_bold_headings(tmp_path / "quillby_yos_2020.docx"))
        assert (r.meta.title, r.meta.area, r.meta.lead_inspector) == (
            "Inspection of youth justice services in Quillby",
            "Quillby",
            "Harriet Moss",
        )
        assert [(p.section, p.paragraph, p.ordinal, p.kind, p.text) for p in r.paragraphs] == [
            ("Header", None, 1, "field", "Published: 4 March 2020"),
            ("Header", None, 2, "field", "Lead inspector: Harriet Moss"),
            ("SUMMARY", None, 1, "prose", "The service in Quillby has improved since the last inspection."),
            ("Ratings", None, 1, "table_row", "Standard | Rating"),
            ("Ratings", None, 2, "table_row", "2.2 Planning | Requires improvement"),
            ("Key strengths", None, 1, "bullet", "Case managers built trusting relationships with children."),
            ("Key strengths", None, 2, "bullet", "Health workers were part of the team."),
            ("Areas requiring improvement", None, 1, "bullet", "Plans did not address risk of harm to others."),
            ("Work with children in court", "2.1", 1, "numbered", "Assessments were thorough in 14 of the 18 cases we inspected."),
            ("Work with children in court", None, 2, "prose", "Note: a bold label followed by plain text is not a heading."),
            ("Copy to", None, 1, "table_row", "Head of Service | Ian Blake"),
        ]  # fmt: skip

    def test_bold_paragraphs_stay_text_where_heading_styles_mark_the_headings(self, tmp_path):
        import docx

        d = docx.Document()
        d.add_heading("Inspection of youth offending services in Oakhill", level=0)
        d.add_heading("Ratings", level=1)
        d.add_paragraph().add_run("Organisational delivery").bold = True
        d.add_paragraph("1.1 Governance and leadership: Good")
        d.save(tmp_path / "oakhill_yos_2020.docx")
        r = parse_file(tmp_path / "oakhill_yos_2020.docx")
        # the bold line groups the grades under it, as in Markdown with `#` headings
        assert [(p.section, p.section_path, p.text) for p in r.paragraphs] == [
            ("Ratings", "Ratings > Organisational delivery", "1.1 Governance and leadership: Good")
        ]

    def test_a_pdf_with_bold_headings_drawn_table_and_page_furniture(self, tmp_path):
        r = parse_file(_pdf_with_bold_headings_and_cells(tmp_path / "oxley_yos_2024.pdf"))
        assert (r.meta.title, r.meta.pages) == (
            "Inspection of youth offending services in Oxley",
            3,
        )
        assert [p.text for p in in_section(r, "Ratings")] == [
            "Standard | Rating",
            "2.2 Planning | Requires improvement",
        ]
        assert [(p.kind, p.text) for p in in_section(r, "Key strengths")] == [
            ("bullet", "Children knew their case managers well.")
        ]
        numbered = in_section(r, "Organisational delivery")
        assert [p.paragraph for p in numbered] == [f"1.{i}" for i in range(1, 61)]
        assert {p.page for p in numbered} == {1, 2, 3}
        assert not [p for p in r.paragraphs if "Oxley YOS inspection" in p.text]


def test_role_lines_in_plain_text_are_a_paragraph_each(tmp_path):
    """Consecutive "Role: Name" lines with no blank line between them, one with a label too long
    to open an item, then a prose line: each line ended where it did (the next line's first word
    would have fitted), so none runs on into the next, and the long label is no heading."""
    path = tmp_path / "quarrydene_yjs_2024.txt"
    path.write_text(
        "Inspection of youth justice services in Quarrydene\n\n"
        "Findings\n\n"
        "1.1 The board met every quarter and its members challenged each other well, and the "
        "minutes showed that actions agreed at one meeting were followed up at the next.\n\n"
        "Leadership and contacts\n\n"
        "Head of Service: Alys Pembridge\n"
        "Chair of the Management Board and Director of Children's Services: Tomos Varley\n"
        "Lead inspector: Ned Ashburn\n"
        "The previous chair of the board retired in March 2021.\n",
        encoding="utf-8",
    )
    r = parse_file(path)
    assert [(p.ordinal, p.text) for p in in_section(r, "Leadership and contacts")] == [
        (1, "Head of Service: Alys Pembridge"),
        (2, "Chair of the Management Board and Director of Children's Services: Tomos Varley"),
        (3, "Lead inspector: Ned Ashburn"),
        (4, "The previous chair of the board retired in March 2021."),
    ]


def test_a_field_line_wrapped_in_a_hard_wrapped_text_still_runs_on(tmp_path):
    """In a text wrapped at 60 characters, a field line whose next word would not have fitted
    was wrapped: its next line continues it."""
    path = tmp_path / "quarrydene_sqs_2016.txt"
    path.write_text(
        "Short Quality Screening of youth offending work in Quarrydene\n\n"
        "Copy to: Director of Children's Services, Quarrydene County\n"
        "Council\n\n"
        "Reducing reoffending\n\n"
        "1.1 Assessments were completed on time in most of the cases\n"
        "we looked at, and were of good quality.\n",
        encoding="utf-8",
    )
    r = parse_file(path)
    assert [p.text for p in r.paragraphs if p.text.startswith("Copy to")] == [
        "Copy to: Director of Children's Services, Quarrydene County Council"
    ]


def test_a_letter_forwarded_by_email_keeps_its_wrapped_fields_and_its_title(tmp_path):
    """A letter pasted into an email, wrapped at 72 columns under the email's headers (one of
    them, with its address, longer than the wrap): a field wrapped onto a one-word line still
    runs on (the wrap is the width most long lines reach, not the longest line); the
    recipients' "Cc:" line, naming an "Inspection Support" mailbox, is no title; the letter's
    capitalised title under the salutation heads no section, so the fields stay in the header."""
    body = (
        "We recently carried out a Short Quality Screening (SQS) of youth\n"
        "offending work in Tollmere. The screening looked at work with children\n"
        "and young people at the start of their sentence, covering the first\n"
        "three to six months of supervision, against four themes.\n"
    )
    path = tmp_path / "tollmere_sqs_2017.txt"
    path.write_text(
        "From: Calloway, Ruth [mailto:Ruth.Calloway@hmiprobation.gsi.gov.uk] \n"
        "Sent: 14 March 2017 11:02\n"
        "Cc: Marchbank, Helen (Cllr); Inspection Support\n"
        "Subject: Tollmere SQS - final letter\n\n"
        "Dear Mr Pendleford\n\n"
        "SHORT QUALITY SCREENING OF YOUTH OFFENDING WORK IN TOLLMERE\n\n"
        "Case managers interviewed: 17\n\n"
        "Chair of the Youth Offending Service Management Board: Councillor Helen\n"
        "Marchbank\n\n" + body + "\nREDUCING REOFFENDING\n\n"
        "1.1 An initial assessment of the likelihood of reoffending had been\n"
        "completed in 26 of the 28 cases, and most were of sufficient quality.\n",
        encoding="utf-8",
    )
    r = parse_file(path)
    assert r.meta.title == "SHORT QUALITY SCREENING OF YOUTH OFFENDING WORK IN TOLLMERE"
    fields = [(p.section, p.text) for p in r.paragraphs if p.kind == "field"]
    assert fields[-2:] == [
        ("Header", "Case managers interviewed: 17"),
        (
            "Header",
            "Chair of the Youth Offending Service Management Board: Councillor Helen Marchbank",
        ),
    ]
    assert [p.section for p in r.paragraphs] == ["Header"] * (len(r.paragraphs) - 1) + [
        "REDUCING REOFFENDING"
    ]


def test_header_fields_padded_to_a_value_column_are_fields_wrapping_under_it(tmp_path):
    """A PDF-to-text letter pads its header labels to a value column; a value too long for one
    line goes on under that column. Each is one field, whole (the wrapped "Children's
    Services)" was a heading over the letter, and "Copy to: | See copy list at end" a table
    row); a table laid out with spaces below stays a table."""
    path = tmp_path / "quarrydene_sqs_2017.txt"
    path.write_text(
        "Report of Short Quality Screening of youth offending work in Quarrydene\n\n"
        "To:                Ada Quell, Chair, Quarrydene YOS Management Board (Director of\n"
        "                   Children's Services)\n"
        "Copy to:           See copy list at end\n"
        "Publication date:  14 November 2017\n\n"
        "Context\n\n"
        "We examined 22 cases.\n\n"
        "Type of sentence        Cases\n"
        "Referral Order          12\n",
        encoding="utf-8",
    )
    r = parse_file(path)
    assert [(p.section, p.kind, p.text) for p in r.paragraphs] == [
        (
            "Header",
            "field",
            "To: Ada Quell, Chair, Quarrydene YOS Management Board (Director of Children's "
            "Services)",
        ),
        ("Header", "field", "Copy to: See copy list at end"),
        ("Header", "field", "Publication date: 14 November 2017"),
        ("Context", "prose", "We examined 22 cases."),
        ("Context", "table_row", "Type of sentence | Cases"),
        ("Context", "table_row", "Referral Order | 12"),
    ]
    assert r.meta.publication_date == "2017-11-14"


def test_a_table_typed_with_bars_in_plain_text_is_a_row_per_line(tmp_path):
    """A ratings table typed as "Domain | Standard | Rating" lines with no blank line between
    them is a table row per line, each grade its own record (it was one run-on paragraph, and
    the report had no grades); one line with a bar in prose stays prose."""
    path = tmp_path / "quarrydene_yjs_2024.txt"
    path.write_text(
        "Inspection of youth justice services in Quarrydene\n\n"
        "Ratings\n\n"
        "Domain | Standard | Rating\n"
        "Overall | - | Good\n"
        "Organisational delivery | 1.2 Staff | Outstanding\n"
        "Court disposals | 2.2 Planning | Requires improvement\n\n"
        "Findings\n\n"
        "Staff called the case system the 'either | or' screen, and disliked it.\n",
        encoding="utf-8",
    )
    r = parse_file(path)
    assert [(p.kind, p.text) for p in in_section(r, "Ratings")] == [
        ("table_row", "Domain | Standard | Rating"),
        ("table_row", "Overall | - | Good"),
        ("table_row", "Organisational delivery | 1.2 Staff | Outstanding"),
        ("table_row", "Court disposals | 2.2 Planning | Requires improvement"),
    ]
    grades = [(x.subject, x.value) for x in r.records if x.kind == "rating"]
    assert grades == [
        ("Overall rating", "Good"),
        ("1.2 Organisational delivery: Staff", "Outstanding"),
        ("2.2 Court disposals: Planning", "Requires improvement"),
    ]
    assert [p.kind for p in in_section(r, "Findings")] == ["prose"]


def _word_numbered_by_word(path: Path) -> Path:
    """A Word letter whose section and paragraph numbers, and bullets, Word draws itself from a
    multi-level list (numbering.xml), so the paragraphs' text holds none of them."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            '<w:lvlText w:val="%1."/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            '<w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum>'
        )
    )
    numbering.append(
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="91">'
            '<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>'
            "</w:abstractNum>"
        )
    )
    for num_id in ("90", "91"):
        numbering.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                f'<w:abstractNumId w:val="{num_id}"/></w:num>'
            )
        )

    def listed(text, num_id, level):
        p = d.add_paragraph(text, style="List Paragraph")
        p._p.get_or_add_pPr().append(
            parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
                f'<w:numId w:val="{num_id}"/></w:numPr>'
            )
        )
        assert p._p.pPr.find(qn("w:numPr")) is not None

    d.add_heading("Report of Short Quality Screening of youth offending work in Quenby", 1)
    d.add_paragraph("Publication date: 16 November 2016")
    listed("Reducing reoffending", "90", 0)
    listed("Assessments were good enough in 12 of the 16 cases.", "90", 1)
    listed("Plans were good enough in just 8 of the 16 cases.", "90", 1)
    listed("Protecting the public", "90", 0)
    listed("Risk of harm was assessed well in 9 of the 16 cases.", "90", 1)
    d.add_heading("Key strengths", 2)
    listed("Victims were contacted in nearly every case.", "91", 0)
    d.save(path)
    return path


class TestLayoutsOfTune9:
    """Word's own list numbering, a PDF cover set large, a sentence wrapped before a number, and
    a table's header row printed again on its next page."""

    def test_numbers_word_draws_are_read_as_if_typed(self, tmp_path):
        r = parse_file(_word_numbered_by_word(tmp_path / "quenby_sqs_2016.docx"))
        assert [(p.section, p.paragraph, p.ordinal, p.kind, p.text) for p in r.paragraphs] == [
            ("Header", None, 1, "field", "Publication date: 16 November 2016"),
            ("Reducing reoffending", "1.1", 1, "numbered", "Assessments were good enough in 12 of the 16 cases."),
            ("Reducing reoffending", "1.2", 2, "numbered", "Plans were good enough in just 8 of the 16 cases."),
            ("Protecting the public", "2.1", 1, "numbered", "Risk of harm was assessed well in 9 of the 16 cases."),
            ("Key strengths", None, 1, "bullet", "Victims were contacted in nearly every case."),
        ]  # fmt: skip

    def test_fields_set_large_on_a_pdf_cover_are_fields(self, tmp_path):
        import pymupdf

        doc = pymupdf.open()
        page = doc.new_page()
        lines = [
            ("Inspection of youth justice services in Quenby", "hebo", 18),
            ("Fieldwork: 3 to 7 February 2025", "hebo", 13),
            ("Publication date: 15 April 2025", "hebo", 13),
            ("Chapter 1: Introduction", "hebo", 13),
            ("The service supervised 112 children when we visited.", "helv", 10),
        ]
        for i, (text, font, size) in enumerate(lines):
            page.insert_text((56, 80 + 40 * i), text, fontname=font, fontsize=size)
        doc.save(tmp_path / "quenby_yjs_2025.pdf")
        r = parse_file(tmp_path / "quenby_yjs_2025.pdf")
        assert (r.meta.publication_date, r.meta.year, r.meta.fieldwork_start) == (
            "2025-04-15",
            2025,
            "2025-02-03",
        )
        # a label ending in a number heads a part
        assert [(p.section, p.kind, p.text) for p in r.paragraphs if p.kind != "field"] == [
            (
                "Chapter 1: Introduction",
                "prose",
                "The service supervised 112 children when we visited.",
            )
        ]

    def test_a_sentence_wrapped_before_a_number_and_a_header_row_printed_again(self, tmp_path):
        path = tmp_path / "quenby_yjs_2024.txt"
        path.write_text(
            "Inspection of youth justice services in Quenby\n\n"
            "The service\n\n"
            "Quenby has about 19,400 children aged 10 to\n"
            "17. In October 2019 the team was renamed.\n\n"
            "Role\tPosts\n"
            "Case managers\t8\n"
            "\f"
            "Role\tPosts\n"
            "Police officers\t2\n",
            encoding="utf-8",
        )
        r = parse_file(path)
        assert [(p.kind, p.paragraph, p.text) for p in in_section(r, "The service")] == [
            ("prose", None, "Quenby has about 19,400 children aged 10 to 17. In October 2019 the team was renamed."),
            ("table_row", None, "Role | Posts"),
            ("table_row", None, "Case managers | 8"),
            ("table_row", None, "Police officers | 2"),
        ]  # fmt: skip


class TestNumbersDrawnOrSetOffByATab:
    """Paragraph numbers a browser draws for an <ol>, and numbers Word saves as text followed
    by a tab."""

    def test_ol_items_are_numbered_as_drawn_under_their_chapter(self, tmp_path):
        path = tmp_path / "quenby_thematic_2022.html"
        path.write_text(
            "<html><body><h1>Health needs of children in Quenby</h1>"
            "<h2>1. Introduction</h2><ol><li>We looked at 30 cases in all.</li>"
            "<li>Children waited too long for help.</li></ol>"
            "<h2>2. Findings</h2><ol><li>Screening was done in 12 of the 30 cases.</li></ol>"
            '<ol start="2"><li>Plans were written with the child.</li></ol>'
            "<h2>Key findings</h2><ul><li>Waits were too long.</li></ul>"
            "<h2>Recommendations</h2><p>The board should:</p>"
            "<ol><li>commission a health worker for the service.</li></ol>"
            "</body></html>",
            encoding="utf-8",
        )
        r = parse_file(path)
        assert [(p.section, p.paragraph, p.kind, p.text) for p in r.paragraphs] == [
            ("Introduction", "1.1", "numbered", "We looked at 30 cases in all."),
            ("Introduction", "1.2", "numbered", "Children waited too long for help."),
            ("Findings", "2.1", "numbered", "Screening was done in 12 of the 30 cases."),
            ("Findings", "2.2", "numbered", "Plans were written with the child."),
            ("Key findings", None, "bullet", "Waits were too long."),
            ("Recommendations", "1", "numbered", "commission a health worker for the service."),
        ]

    def test_a_tab_after_a_paragraph_number_sets_it_off(self, tmp_path):
        path = tmp_path / "quenby_sqs_2019.txt"
        path.write_text(
            "Report of Short Quality Screening of youth offending work in Quenby\n"
            "=================================================================\n\n"
            "1. Reducing reoffending\n-----------------------\n\n"
            "1.1\tAssessments were good enough in 12 of the 16 cases, and the\n"
            "best drew on school records.\n\n"
            "1.2\tPlans were weak.\n\n"
            "Copy list\n---------\n\n"
            "2.1\tAssessment\tGood\n",
            encoding="utf-8",
        )
        r = parse_file(path)
        assert [(p.section, p.paragraph, p.kind, p.text) for p in r.paragraphs] == [
            ("Reducing reoffending", "1.1", "numbered", "Assessments were good enough in 12 of the 16 cases, and the best drew on school records."),
            ("Reducing reoffending", "1.2", "numbered", "Plans were weak."),
            ("Copy list", None, "table_row", "2.1 | Assessment | Good"),
        ]  # fmt: skip

    def test_a_letters_date_line_is_no_numbered_heading(self, tmp_path):
        # "8 December 2017" is the letter's date, not heading 8 "December 2017" over "Dear …"
        path = tmp_path / "quenby_sqs_2017.txt"
        path.write_text(
            "HM Inspectorate of Probation\n\n8 December 2017\n\nDear Ms Kettle\n\n"
            "Introduction\n\nBetween 13 and 15 November 2017, we carried out a screening.\n",
            encoding="utf-8",
        )
        r = parse_file(path)
        assert [(p.section, p.text) for p in r.paragraphs] == [
            ("Header", "HM Inspectorate of Probation"),
            ("Header", "8 December 2017"),
            ("Header", "Dear Ms Kettle"),
            ("Introduction", "Between 13 and 15 November 2017, we carried out a screening."),
        ]
        assert (r.meta.publication_date, r.meta.year) == ("2017-12-08", 2017)

    def test_a_tab_after_a_bullet_sets_it_off(self, tmp_path):
        # "•<TAB>text", as a letter saved from Word as text lists its strengths: a bullet, not a
        # two-cell table row that runs on past the next heading and the closing prose
        path = tmp_path / "quenby_sqs_2019.txt"
        path.write_text(
            "Key strengths\n-------------\n\n"
            "•\tCase managers knew the children well.\n"
            "•\tReparation benefited the community.\n\n"
            "Areas requiring improvement\n---------------------------\n\n"
            "•\tHealth needs must be identified at the start.\n"
            "-\tMAPPA referrals must be made on time.\n\n"
            "We are grateful to the staff who gave their time to this screening.\n",
            encoding="utf-8",
        )
        r = parse_file(path)
        assert [(p.section, p.kind, p.text) for p in r.paragraphs] == [
            ("Key strengths", "bullet", "Case managers knew the children well."),
            ("Key strengths", "bullet", "Reparation benefited the community."),
            ("Areas requiring improvement", "bullet", "Health needs must be identified at the start."),
            ("Areas requiring improvement", "bullet", "MAPPA referrals must be made on time."),
            ("Closing", "prose", "We are grateful to the staff who gave their time to this screening."),
        ]  # fmt: skip


SAVED_PAGE = """<!DOCTYPE html><html><head><title>Brindle - GOV.UK</title></head><body>
<div class="govuk-cookie-banner"><p>We use some essential cookies to make this site work.</p></div>
<header role="banner"><a href="/">GOV.UK</a><nav><ul><li><a href="/justice">Justice</a></li>
<li><a href="/search">Search</a></li></ul></nav></header>
<div class="govuk-breadcrumbs"><ol><li><a href="/">Home</a></li><li><a href="/y">Youth justice</a>
</li></ol></div>
%s
<footer><ul><li><a href="/help">Help</a></li></ul><p>All content is available under the Open
Government Licence v3.0, except where otherwise stated</p></footer></body></html>"""
SAVED_REPORT = """<h1>Full joint inspection of youth offending work in Brindle</h1>
<p>Published: 14 March 2014</p><p>Lead inspector: Ruth Calloway</p>
<nav><h2>Contents</h2><ol><li><a href="#s">Summary</a></li></ol></nav>
<ul><li><a href="#s">Summary</a></li><li><a href="#r">1. Reducing reoffending</a></li></ul>
<article><h2 id="s">Summary</h2><p>1.1 Work to reduce reoffending was good in most cases.</p>
<h2 id="r">1. Reducing reoffending</h2><p>1.2 Assessments were thorough.</p>
<ul><li>Plans were clear.</li><li>See <a href="#s">the summary</a> and the annex.</li></ul>
</article>"""


@pytest.mark.parametrize("main", [True, False], ids=["in <main>", "no <main>"])
def test_a_report_saved_as_a_whole_web_page_is_read_without_the_site(tmp_path, main):
    """The site's cookie notice, banner, menus, breadcrumbs, footer, and a contents list of
    links to the page's own headings are no part of the report; a list item that only links
    within the page along with words of its own is."""
    path = tmp_path / "brindle_fji_2014.html"
    body = f"<main>{SAVED_REPORT}</main>" if main else SAVED_REPORT
    path.write_text(SAVED_PAGE % body, encoding="utf-8")
    r = parse_file(path, Settings())
    assert [(p.section, p.paragraph, p.kind, p.text) for p in r.paragraphs] == [
        ("Header", None, "field", "Published: 14 March 2014"),
        ("Header", None, "field", "Lead inspector: Ruth Calloway"),
        ("Summary", "1.1", "numbered", "Work to reduce reoffending was good in most cases."),
        ("Reducing reoffending", "1.2", "numbered", "Assessments were thorough."),
        ("Reducing reoffending", None, "bullet", "Plans were clear."),
        ("Reducing reoffending", None, "bullet", "See the summary and the annex."),
    ]
    assert (r.meta.publication_date, r.meta.lead_inspector) == ("2014-03-14", "Ruth Calloway")


def _word_with_contents(path: Path) -> Path:
    """A Word report with a typed table of contents (tab and dot leaders, page numbers) and a
    typed list of figures of the same shape that repeats no heading."""
    import docx

    d = docx.Document()
    d.add_heading("Inspection of youth justice services in Brindle", 0)
    d.add_paragraph("Publication date: 3 June 2021")
    d.add_heading("Contents", 1)
    for line in (
        "Foreword\t3",
        "1. Organisational delivery\t6",
        "1.1 Governance and leadership\t6",
        "1.2 Staff\t8",
        "Annex 1: Methodology ........ 22",
    ):
        d.add_paragraph(line)
    d.add_heading("Foreword", 1)
    d.add_paragraph("We rated the service Good.")
    d.add_heading("1. Organisational delivery", 1)
    d.add_heading("1.1 Governance and leadership", 2)
    d.add_paragraph("1.1.1 The board met every quarter.")
    d.add_heading("1.2 Staff", 2)
    d.add_paragraph("1.2.1 The service had these staff:")
    for line in ("Case managers\t12", "Social workers\t13", "Police officers\t14"):
        d.add_paragraph(line)
    d.add_heading("Annex 1: Methodology", 1)
    d.add_paragraph("We read 40 cases.")
    d.save(path)
    return path


def test_a_typed_table_of_contents_is_no_part_of_the_report(tmp_path):
    r = parse_file(_word_with_contents(tmp_path / "brindle_yjs_2021.docx"), Settings())
    assert "Contents" not in {p.section for p in r.paragraphs}
    assert [p.paragraph for p in r.paragraphs if p.paragraph] == ["1.1.1", "1.2.1"]
    # figures typed in the same shape that repeat no heading stay
    assert [p.text for p in r.paragraphs if p.section == "Staff"][1:] == [
        "Case managers 12",
        "Social workers 13",
        "Police officers 14",
    ]


def test_a_contents_page_in_plain_text_is_dropped(tmp_path):
    path = tmp_path / "brindle_sqs_2016.txt"
    path.write_text(
        "Report of Short Quality Screening of youth offending work in Brindle\n\n"
        "Contents\n\nSummary ............ 2\nReducing reoffending ....... 3\n"
        "Protecting the public       4\n\nSummary\n\nThe work was good.\n\n"
        "Reducing reoffending\n\n1.1 Plans were clear.\n\nProtecting the public\n\n"
        "2.1 Risk was managed well.\n",
        encoding="utf-8",
    )
    r = parse_file(path, Settings())
    assert [(p.section, p.paragraph, p.text) for p in r.paragraphs] == [
        ("Summary", None, "The work was good."),
        ("Reducing reoffending", "1.1", "Plans were clear."),
        ("Protecting the public", "2.1", "Risk was managed well."),
    ]


class TestTwoColumnPdfAndTableLaidWord:
    """tune10's reports (Gildersham): a PDF set in two columns, every line a block of its own,
    and a Word letter whose numbered paragraphs sit in borderless two-column tables."""

    @pytest.fixture(scope="class")
    @classmethod
    def pdf(cls):
        return parse_file(LAYOUTS / "gildersham_yjs_2023.pdf", Settings())

    @pytest.fixture(scope="class")
    @classmethod
    def word(cls):
        return parse_file(LAYOUTS / "gildersham_sqs_2018.docx", Settings())

    def test_the_cover_under_the_title_is_the_header(self, pdf):
        assert [(p.kind, p.text) for p in in_section(pdf, "Header")] == [
            ("prose", "Gildersham Youth Justice Service"),
            ("prose", "Published by HM Inspectorate of Probation"),
            ("field", "Fieldwork: 13 to 17 March 2023"),
            ("field", "Publication date: 20 June 2023"),
            ("field", "Lead inspector: Beatrix Quartermaine, HM Inspector of Probation"),
        ]
        assert (pdf.meta.publication_date, pdf.meta.fieldwork_start) == (
            "2023-06-20",
            "2023-03-13",
        )

    def test_a_numbered_paragraph_is_whole_over_sentence_ends_years_and_columns(self, pdf):
        numbers = by_number(pdf)
        # its first sentence ended at the column's edge
        assert numbers["1.2.2"].text == (
            "Staff told us that they felt valued and well supported. Supervision took place "
            "monthly, and 27 of the 29 staff completed trauma-informed practice training in 2022."
        )
        # wrapped before "2020." (it was a paragraph numbered 2020)
        assert "in post three days a week since January 2020. She had screened 21" in (
            numbers["1.3.3"].text
        )
        assert "2020" not in numbers
        # from the foot of the left column to the top of the right
        assert numbers["3.4.1"].text.startswith(
            "Out-of-court disposal policy and provision is Outstanding. The Milestone panel, set "
            "up with Wreyshire Constabulary in October 2020, meets twice a week."
        )
        staff = in_section(pdf, "Staff")
        assert [p.kind for p in staff][:4] == ["numbered"] * 4

    def test_an_owner_set_over_two_bold_lines_groups_the_recommendations(self, pdf):
        recs = in_section(pdf, "Recommendations")
        assert [(p.kind, p.paragraph) for p in recs[1:]] == [
            ("numbered", str(n)) for n in range(1, 8)
        ]
        assert recs[1].section_path == (
            "Recommendations > The Head of Service, Gildersham Youth Justice Service, should"
        )
        assert recs[-1].section_path == (
            "Recommendations > The Director of Education, Gildersham Borough Council, should"
        )

    def test_numbered_paragraphs_laid_out_in_tables_are_paragraphs(self, word):
        numbers = by_number(word)
        assert list(numbers)[:5] == ["1.1", "1.2", "1.3", "1.4", "2.1"]
        assert numbers["2.1"].section == "Protecting the public"
        assert numbers["2.1"].text.startswith("The risk a child posed to others was judged")
        assert [p.kind for p in in_section(word, "Key strengths")] == ["bullet"] * 5
        assert [p.kind for p in in_section(word, "Areas requiring improvement")] == ["bullet"] * 6
        assert [p.text for p in in_section(word, "Header", "field")][0] == (
            "To: Eulalia Barnard, Director of Children's Services and Chair of Gildersham YOT "
            "Management Board"
        )
        # a table of figures stays a table
        assert [p.text for p in in_section(word, "Context", "table_row")][:2] == [
            "Order type | Cases in sample",
            "Referral order | 8",
        ]


def test_a_word_heading_between_two_tables_heads_the_second(tmp_path):
    """In a PDF a bold line between a table's rows groups them; in Word a heading between two
    tables ends the one and heads the other."""
    import docx

    d = docx.Document()
    d.add_heading("Inspection of youth justice services in Brindle", 0)
    for heading, rows in (
        ("Staffing", [("Case managers", "12")]),
        ("Caseloads", [("Court", "40")]),
    ):
        d.add_heading(heading, 2)
        t = d.add_table(rows=len(rows), cols=2)
        for i, (a, b) in enumerate(rows):
            t.cell(i, 0).text, t.cell(i, 1).text = a, b
    d.save(tmp_path / "brindle_yjs_2021.docx")
    r = parse_file(tmp_path / "brindle_yjs_2021.docx", Settings())
    assert [(p.section, p.text) for p in r.paragraphs] == [
        ("Staffing", "Case managers | 12"),
        ("Caseloads", "Court | 40"),
    ]


def test_a_contents_sidebar_and_a_list_of_particulars_on_a_saved_page(tmp_path):
    """A sidebar of links to the page's own headings (and its "Print this page" link) is no
    part of the report; "Published: …" items in a list under the title are its fields."""
    path = tmp_path / "brindle_fji_2014.html"
    path.write_text(
        "<main><aside><h2>Contents</h2><ul><li><a href='#f'>Foreword</a></li><li>"
        "<a href='#s'>Summary</a><ul><li><a href='#k'>Key strengths</a></li></ul></li></ul>"
        "<p><a href='#' onclick='window.print()'>Print this page</a></p></aside><article>"
        "<h1>Full joint inspection of youth offending work in Brindle</h1><ul>"
        "<li>Published: 14 March 2014</li><li>Lead inspector: Ruth Calloway</li></ul>"
        "<h2 id='f'>Foreword</h2><p>The service was stretched.</p></article></main>",
        encoding="utf-8",
    )
    r = parse_file(path, Settings())
    assert [(p.section, p.kind, p.text) for p in r.paragraphs] == [
        ("Header", "field", "Published: 14 March 2014"),
        ("Header", "field", "Lead inspector: Ruth Calloway"),
        ("Foreword", "prose", "The service was stretched."),
    ]


def test_a_word_file_converted_from_a_pdf_reads_a_paragraph_per_paragraph(tmp_path):
    """Word's PDF conversion sets each printed line as a paragraph, with space after only a
    paragraph's last line: the lines of one paragraph are one paragraph again, wherever the
    line broke (after a full stop, before a capital)."""
    import docx
    from docx.shared import Pt

    d = docx.Document()

    def line(text, last):
        d.add_paragraph(text).paragraph_format.space_after = Pt(8) if last else Pt(0)

    line("Report of Short Quality Screening of youth offending work in Brindle", True)
    d.paragraphs[-1].runs[0].bold = True
    line("Summary", True)
    d.paragraphs[-1].runs[0].bold = True
    line("2.2 Two children met the threshold for MAPPA, the Multi-Agency Public", False)
    line("Protection Arrangements. One had been referred promptly.", True)
    line("3.1 Case managers recognised safeguarding needs in 12 of the 15 cases.", False)
    line("They kept in close touch with social workers.", True)
    d.save(tmp_path / "brindle_sqs_2019.docx")
    r = parse_file(tmp_path / "brindle_sqs_2019.docx", Settings())
    assert [(p.paragraph, p.text) for p in r.paragraphs] == [
        ("2.2", "Two children met the threshold for MAPPA, the Multi-Agency Public Protection "
         "Arrangements. One had been referred promptly."),
        ("3.1", "Case managers recognised safeguarding needs in 12 of the 15 cases. They kept "
         "in close touch with social workers."),
    ]  # fmt: skip


def test_a_word_file_converted_by_pdf2docx_keeps_its_paragraphs_apart(tmp_path):
    """pdf2docx sets each paragraph apart by space before it (none after any) and each page as
    a section opening with the PDF's running header and closing with its page number (the
    tune59 inspection): every paragraph of a page had run on into one, the foreword's heading
    and the title inside it, and the running lines were text. Each paragraph is its own, and
    the running header and page numbers are no text."""
    import docx
    from docx.enum.section import WD_SECTION
    from docx.shared import Pt

    d = docx.Document()

    def para(text, before, bold=False, size=10):
        p = d.add_paragraph()
        run = p.add_run(text)
        run.bold, run.font.size = bold, Pt(size)
        p.paragraph_format.space_before, p.paragraph_format.space_after = Pt(before), Pt(0)

    pages = [
        [("An inspection of youth justice services in Brindle", 30, True, 24),
         ("Foreword", 19, True, 16),
         ("We inspected Brindle Youth Justice Service in March 2023.", 8, False, 10),
         ("Overall, the service was rated as Good.", 7, False, 10)],
        [("1. Introduction", 8, True, 16),
         ("1.1 Fieldwork took place in the week of 6 March 2023.", 8, False, 10),
         ("1.2 The service sits within the council's children's services.", 7, False, 10)],
    ]  # fmt: skip
    for n, page in enumerate(pages, start=1):
        if n > 1:
            d.add_section(WD_SECTION.NEW_PAGE)
        para("Inspection of youth justice services: Brindle", 0, size=8)
        for text, before, bold, size in page:
            para(text, before, bold, size)
        para(str(n), 270, size=8)
    d.save(tmp_path / "brindle_yjs_2023.docx")
    r = parse_file(tmp_path / "brindle_yjs_2023.docx", Settings())
    assert r.meta.area == "Brindle"
    assert [(p.section, p.paragraph, p.text) for p in r.paragraphs] == [
        ("Foreword", None, "We inspected Brindle Youth Justice Service in March 2023."),
        ("Foreword", None, "Overall, the service was rated as Good."),
        ("Introduction", "1.1", "Fieldwork took place in the week of 6 March 2023."),
        ("Introduction", "1.2", "The service sits within the council's children's services."),
    ]


def test_a_list_number_in_a_run_of_its_own_is_set_apart_from_its_text(tmp_path):
    """pdf2docx sets a recommendation's number in a run of its own and places its text at a
    tab stop with no tab: "1.improve planning …" was no numbered item (tune59: the owner over
    each group of recommendations was lost, and the list counted the sentence before it)."""
    import docx

    d = docx.Document()
    d.add_heading("Recommendations", 1)
    d.add_paragraph("As a result of our inspection findings, we have made two recommendations.")
    d.add_paragraph().add_run("The Brindle YJS management board should:").bold = True
    items = [
        "improve planning so that every plan sets out how to keep others safe",
        "review cases promptly when a child's circumstances change",
    ]
    for n, text in enumerate(items, 1):
        p = d.add_paragraph()
        p.add_run(f"{n}.")
        p.add_run(text)
    d.save(tmp_path / "brindle_yjs_2023.docx")
    r = parse_file(tmp_path / "brindle_yjs_2023.docx", Settings())
    assert [(p.paragraph, p.kind, p.text) for p in r.paragraphs][1:] == [
        ("1", "numbered", items[0]),
        ("2", "numbered", items[1]),
    ]
    assert [(x.owner, x.text) for x in r.records if x.kind == "recommendation"] == [
        ("The Brindle YJS management board", text) for text in items
    ]


def test_a_short_line_at_the_top_of_a_page_heads_what_follows(tmp_path):
    """Acrobat's "Save as Text": the foreword's signature ends a page and the next opens with
    "Ratings": the heading had run on into the signature ("… HM Chief Inspector of Probation
    Ratings"), and the ratings were filed under the foreword."""
    body = (
        "We inspected the service in March 2023 and found it well led. Staff were\r\n"
        "skilled and well supported, and the board knew the service well.\r\n\r\n"
    )
    text = (
        f"Foreword\r\n\r\n{body}Jane Holt\r\nHM Chief Inspector of Probation\r\n"
        f"\fRatings\r\n\r\nOverall rating: Good\r\n\r\n\fIntroduction\r\n\r\n{body}"
    )
    (tmp_path / "brindle_yjs_2023.txt").write_bytes(text.encode())
    r = parse_file(tmp_path / "brindle_yjs_2023.txt", Settings())
    assert [(p.section, p.text[:40]) for p in r.paragraphs] == [
        ("Foreword", "We inspected the service in March 2023 a"),
        ("Foreword", "Jane Holt HM Chief Inspector of Probatio"),
        ("Ratings", "Overall rating: Good"),
        ("Introduction", "We inspected the service in March 2023 a"),
    ]


def test_a_running_header_set_in_two_parts_is_dropped_from_every_page(tmp_path):
    """A browser's print header (the date and time at the left, the page's title at the
    right) and footer (the address and "n/m"), read as two cells of one line."""
    import pymupdf

    doc = pymupdf.open()
    for n in range(1, 4):
        page = doc.new_page(width=595, height=842)
        page.insert_text((40, 20), "14/06/2022, 09:47", fontsize=8)
        page.insert_text((300, 20), "Brindle inspection 2022 | HM Inspectorate", fontsize=8)
        page.insert_text((40, 825), "https://example.org/inspections/brindle-2022/", fontsize=8)
        page.insert_text((540, 825), f"{n}/3", fontsize=8)
        if n == 1:
            page.insert_text((56, 60), "Inspection of youth justice in Brindle", fontsize=18)
            page.insert_text((56, 80), "Findings", fontname="hebo", fontsize=13)
        page.insert_text((56, 100), f"1.{n} Finding number {n} of the inspection.", fontsize=10)
    doc.save(tmp_path / "brindle_yjs_2022.pdf")
    r = parse_file(tmp_path / "brindle_yjs_2022.pdf", Settings())
    assert [p.text for p in r.paragraphs] == [
        f"Finding number {n} of the inspection." for n in range(1, 4)
    ]


def _fpdf2_report(path: Path) -> Path:
    """A report as fpdf2 sets one: a bold title line above the front block's fields, text set
    justified (a line of a few long words spreads them out, and each word comes out as a line
    of its own), and a table whose long first cells wrap over two lines while the cells beside
    them sit at the row's middle, each a block of its own."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", "B", 14)
    pdf.multi_cell(0, 8, "Quenby Youth Justice Service", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "", 10)
    for line in ("Fieldwork: 8 to 12 March 2021", "Publication date: 27 May 2021"):
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "B", 12)
    pdf.multi_cell(0, 8, "Staff", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "", 10)
    pdf.multi_cell(
        0,
        5,
        "1.2.1 Interdisciplinary, multiagency, intergovernmental arrangements notwithstanding, "
        "the service had kept every case manager post filled since 2019.",
        align="J",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    # a number in the margin, its paragraph's lines indented beside it (a hanging indent)
    y = pdf.get_y() + 2
    pdf.set_xy(10, y)
    pdf.cell(12, 5, "1.2.2")
    pdf.set_xy(24, y)
    pdf.multi_cell(
        0,
        5,
        "We last visited Quenby in March 2019, when we screened the work of its youth offending "
        "team. This inspection finds a service that has grown in confidence since then.",
        align="J",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(3)
    pdf.set_font("helvetica", "", 9)
    rows = [
        ("Role", "Funded posts", "In post", "Vacant"),
        ("Case managers", "11", "11", "0"),
        ("Speech and language therapist", "1", "1", "0"),
        ("Education, training and employment workers", "2", "1", "1"),
        ("Victim worker", "1", "1", "0"),
    ]
    with pdf.table(col_widths=(30, 24, 24, 22), first_row_as_headings=True) as table:
        for cells in rows:
            row = table.row()
            for cell in cells:
                row.cell(cell)
    pdf.ln(4)
    pdf.set_font("helvetica", "", 10)
    pdf.multi_cell(
        0, 5, "Every post was filled by the time of our visit.", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.set_font("helvetica", "B", 12)
    pdf.multi_cell(0, 8, "Ratings", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "", 9)
    # a narrow grade column: "Requires improvement" wraps onto two lines, beside one line
    grades = [
        ("Standard", "Rating", "Note"),
        ("1.2 Staff", "Good", "-"),
        ("1.3 Partnerships and services", "Requires improvement", "Waits for CAMHS are long"),
    ]
    with pdf.table(width=120, col_widths=(60, 22, 38), first_row_as_headings=True) as table:
        for cells in grades:
            row = table.row()
            for cell in cells:
                row.cell(cell)
    pdf.output(str(path))
    return path


def test_an_fpdf2_report_keeps_its_title_fields_justified_lines_and_wrapped_cells(tmp_path):
    report = parse_file(_fpdf2_report(tmp_path / "quenby_yjs_2021.pdf"))
    header = in_section(report, "Header")
    assert [(p.kind, p.text) for p in header] == [
        ("field", "Fieldwork: 8 to 12 March 2021"),
        ("field", "Publication date: 27 May 2021"),
    ]
    assert by_number(report)["1.2.1"].text == (
        "Interdisciplinary, multiagency, intergovernmental arrangements notwithstanding, the "
        "service had kept every case manager post filled since 2019."
    )
    assert by_number(report)["1.2.2"].text == (
        "We last visited Quenby in March 2019, when we screened the work of its youth offending "
        "team. This inspection finds a service that has grown in confidence since then."
    )
    assert [p.text for p in in_section(report, "Staff", "table_row")] == [
        "Role | Funded posts | In post | Vacant",
        "Case managers | 11 | 11 | 0",
        "Speech and language therapist | 1 | 1 | 0",
        "Education, training and employment workers | 2 | 1 | 1",
        "Victim worker | 1 | 1 | 0",
    ]
    assert [p.text for p in in_section(report, "Ratings", "table_row")] == [
        "Standard | Rating | Note",
        "1.2 Staff | Good | -",
        "1.3 Partnerships and services | Requires improvement | Waits for CAMHS are long",
    ]


def test_a_first_level_heading_after_the_letters_opening_sentences_is_a_part_not_the_title(
    tmp_path,
):
    """A Word letter with no title heading: its front block's fields and opening sentence, then
    "Context" set in Heading 1, which heads the paragraph under it."""
    import docx

    d = docx.Document()
    d.add_paragraph("To: Jo Blake, Chair of the Quenby YOS Management Board")
    d.add_paragraph("Publication date: 23 November 2016")
    d.add_paragraph(
        "The screening took place over three days in October 2016, within our programme of "
        "youth offending inspections."
    )
    d.add_heading("Context", level=1)
    d.add_paragraph("Quenby is a coastal borough of about 140,000 people.")
    d.add_heading("Summary", level=1)
    d.add_paragraph("The YOS knew its children well.")
    path = tmp_path / "quenby_sqs_2016.docx"
    d.save(path)
    report = parse_file(path)
    assert [(p.section, p.kind) for p in report.paragraphs] == [
        ("Header", "field"),
        ("Header", "field"),
        ("Header", "prose"),
        ("Context", "prose"),
        ("Summary", "prose"),
    ]


def test_a_text_written_a_paragraph_to_a_line_keeps_its_title_items_and_groups(tmp_path):
    """A word processor's plain-text export: one line per paragraph (no wrapping), headings in
    capitals, "o " and "–" bullets on consecutive lines, "X should:" lines over recommendations,
    and a heading in capitals over the overall grade."""
    long = " ".join(["The service has kept its staff and its partners close."] * 6)
    path = tmp_path / "quenby_yjs_2025.txt"
    path.write_text(
        "An inspection of youth justice services in Quenby\n"
        "HM Inspectorate of Probation\n"
        "Published: 19 March 2025\n"
        "\n"
        "FOREWORD\n"
        "\n"
        f"{long}\n"
        "\n"
        "OVERALL RATING\n"
        "\n"
        "Quenby Youth Justice Service: Requires improvement\n"
        "\n"
        "We inspect 13 standards across four domains, and eight were rated Good.\n"
        "\n"
        "Strengths\n"
        "\n"
        "o The partnership board is well attended and asks hard questions.\n"
        "o Children who need help with their mental health are seen within three weeks.\n"
        "\n"
        "RECOMMENDATIONS\n"
        "\n"
        "Quenby Youth Justice Service should:\n"
        "– make sure every plan says what will be done if the risk to others increases\n"
        "– review plans whenever a child's circumstances change\n"
        "The Probation Service should:\n"
        "– fill the vacant seconded probation officer post\n",
        encoding="utf-8",
    )
    report = parse_file(path)
    assert report.meta.title == "An inspection of youth justice services in Quenby"
    assert report.meta.area == "Quenby"
    assert [(p.kind, p.text) for p in in_section(report, "Header")] == [
        ("prose", "HM Inspectorate of Probation"),
        ("field", "Published: 19 March 2025"),
    ]
    assert [(p.kind, p.text) for p in in_section(report, "OVERALL RATING")] == [
        ("rating", "Quenby Youth Justice Service: Requires improvement"),
        ("prose", "We inspect 13 standards across four domains, and eight were rated Good."),
    ]
    assert [(p.kind, p.text) for p in in_section(report, "Strengths")] == [
        ("bullet", "The partnership board is well attended and asks hard questions."),
        ("bullet", "Children who need help with their mental health are seen within three weeks."),
    ]
    assert [(p.section_path, p.text) for p in in_section(report, "RECOMMENDATIONS")] == [
        (
            "RECOMMENDATIONS > Quenby Youth Justice Service should",
            "make sure every plan says what will be done if the risk to others increases",
        ),
        (
            "RECOMMENDATIONS > Quenby Youth Justice Service should",
            "review plans whenever a child's circumstances change",
        ),
        (
            "RECOMMENDATIONS > The Probation Service should",
            "fill the vacant seconded probation officer post",
        ),
    ]


def test_markdown_bold_lines_standing_alone_head_parts_below_the_hash_headings(tmp_path):
    """In a Markdown file whose headings are `#` lines, a bold line between blank lines heads a
    part below the last of them; a bold line over grades names their group; a block quote is a
    paragraph without its marker."""
    path = tmp_path / "quenby_joint_2016.md"
    path.write_text(
        "# Joint inspection of youth offending work in Quenby\n\n"
        "## 2. Protecting the public\n\n"
        "2.3 In 11 of the 25 cases the plan to manage risk had no contingency.\n\n"
        "**Work with victims**\n\n"
        "2.4 Work with victims was a real strength of the YOT.\n\n"
        '> "Nobody looked at me like I was going to nick something." (boy, aged 15)\n\n'
        "## Ratings\n\n"
        "**Organisational delivery**\n\n"
        "1.1 Governance and leadership: Good\n\n"
        "A sentence with **bold words** in it is no heading.\n",
        encoding="utf-8",
    )
    report = parse_file(path)
    assert [(p.section, p.paragraph, p.text) for p in report.paragraphs] == [
        (
            "Protecting the public",
            "2.3",
            "In 11 of the 25 cases the plan to manage risk had no contingency.",
        ),
        ("Work with victims", "2.4", "Work with victims was a real strength of the YOT."),
        (
            "Work with victims",
            None,
            '"Nobody looked at me like I was going to nick something." (boy, aged 15)',
        ),
        ("Ratings", None, "1.1 Governance and leadership: Good"),
        ("Ratings", None, "A sentence with bold words in it is no heading."),
    ]


def test_a_sentence_ending_in_a_colon_opens_what_follows_and_heads_nothing(tmp_path):
    """ "The cases we inspected were made up as follows:" above a table is the section's
    paragraph, not a heading over the table; "Commentary on the inspection in Quenby:" heads."""
    path = tmp_path / "quenby_sqs_2016.txt"
    path.write_text(
        "Short Quality Screening of youth offending work in Quenby\n\n"
        "Summary\n\n"
        "Quenby YOS knew its children well.\n\n"
        "The cases we inspected were made up as follows:\n\n"
        "Referral orders      12\n"
        "Youth Rehabilitation Orders      18\n\n"
        "Commentary on the inspection in Quenby:\n\n"
        "Plans were written on time in most cases.\n",
        encoding="utf-8",
    )
    report = parse_file(path)
    assert [(p.section, p.kind, p.text) for p in report.paragraphs] == [
        ("Summary", "prose", "Quenby YOS knew its children well."),
        ("Summary", "prose", "The cases we inspected were made up as follows:"),
        ("Summary", "table_row", "Referral orders | 12"),
        ("Summary", "table_row", "Youth Rehabilitation Orders | 18"),
        (
            "Commentary on the inspection in Quenby",
            "prose",
            "Plans were written on time in most cases.",
        ),
    ]


def test_a_content_managed_page_sets_headings_and_numbers_in_divs_and_nothing_is_lost(tmp_path):
    """A CMS page without <h1>-<h6>: headings are <div class="heading-2"> and <p
    class="subhead"><strong>…</strong></p>, a paragraph's number sits in a <span> beside its
    <p>, the page's meta line is spans of fields, and a table cell spans two rows."""
    path = tmp_path / "quenby_sqs_2019.html"
    path.write_text(
        "<!DOCTYPE html><html><body><main><article>"
        '<div class="page-title">Report of Short Quality Screening of youth offending work in Quenby</div>'
        '<div class="publication-meta"><span>Published: 3 April 2019</span> '
        "<span>Type: Short Quality Screening</span></div>"
        '<div class="heading-2">1. Reducing reoffending</div>'
        '<div class="para"><span class="para-num">1.1</span><p>Case managers understood the '
        "reasons behind the offending in 13 of the 18 cases.</p></div>"
        '<p class="subhead"><strong>Key strengths</strong></p>'
        '<ul class="bullets"><li><p>Staff know their children well.</p></li></ul>'
        "<table><tr><td>Type of order</td><td>Level</td><td>Cases</td></tr>"
        '<tr><td rowspan="2">Youth rehabilitation order</td><td>Supervision</td><td>6</td></tr>'
        "<tr><td>With surveillance</td><td>2</td></tr></table>"
        '<div class="share-links"><span>Share this page:</span> <a href="#">Email</a></div>'
        "</article></main></body></html>",
        encoding="utf-8",
    )
    report = parse_file(path)
    assert (
        report.meta.title == "Report of Short Quality Screening of youth offending work in Quenby"
    )
    assert [(p.section, p.kind, p.paragraph, p.text) for p in report.paragraphs] == [
        ("Header", "field", None, "Published: 3 April 2019"),
        ("Header", "field", None, "Type: Short Quality Screening"),
        (
            "Reducing reoffending",
            "numbered",
            "1.1",
            "Case managers understood the reasons behind the offending in 13 of the 18 cases.",
        ),
        ("Key strengths", "bullet", None, "Staff know their children well."),
        ("Key strengths", "table_row", None, "Type of order | Level | Cases"),
        ("Key strengths", "table_row", None, "Youth rehabilitation order | Supervision | 6"),
        ("Key strengths", "table_row", None, "Youth rehabilitation order | With surveillance | 2"),
    ]


def test_a_name_over_the_signers_title_is_no_heading(tmp_path):
    """A foreword signed by a name on a line of its own (bold in the original, so it looks like
    a heading) over the signer's title: neither line heads a part (both were taken for
    headings, and the signature was lost); the name and the title are one paragraph of the
    part they close."""
    path = tmp_path / "quenby_yjs_2022.txt"
    path.write_text(
        "An inspection of youth justice services in Quenby\n\nForeword\n\n"
        "Much has changed since our Short Quality Screening of the service in 2016.\n\n"
        "We have made six recommendations, addressed to the YJS and the partnership board.\n\n"
        "Eleanor Marchbank\n\nHM Chief Inspector of Probation\n\n"
        "Ratings\n\nOverall rating\tGood\n",
        encoding="utf-8",
    )
    report = parse_file(path)
    assert [(p.section, p.text) for p in report.paragraphs] == [
        ("Foreword", "Much has changed since our Short Quality Screening of the service in 2016."),
        (
            "Foreword",
            "We have made six recommendations, addressed to the YJS and the partnership board.",
        ),
        ("Foreword", "Eleanor Marchbank HM Chief Inspector of Probation"),
        ("Ratings", "Overall rating | Good"),
    ]


def test_a_bold_label_over_a_list_heads_it_beside_heading_styles(tmp_path):
    """A Word letter whose parts have Heading styles, closed by "Copy to" set in bold over a
    bulleted list of who got the letter: the label heads the list (its items were the closing
    prose's paragraphs), while a bold line over prose stays text."""
    import docx

    d = docx.Document()
    d.add_heading("Short Quality Screening of youth offending work in Quillby", 1)
    d.add_heading("Key strengths", 2)
    d.add_paragraph("Case managers knew the children well.", style="List Bullet")
    d.add_paragraph("We are grateful for the help of staff and partners.")
    d.add_paragraph().add_run("Yours sincerely").bold = True
    d.add_paragraph("Ruth Okonjo, Assistant Chief Inspector")
    d.add_paragraph().add_run("Copy to").bold = True
    d.add_paragraph("Martin Treloar, Chief Executive, Quillby Council", style="List Bullet")
    d.add_paragraph("Lucy Penhaligon, Police and Crime Commissioner", style="List Bullet")
    path = tmp_path / "quillby_sqs_2016.docx"
    d.save(path)
    report = parse_file(path)
    assert [(p.section, p.kind, p.text) for p in report.paragraphs] == [
        ("Key strengths", "bullet", "Case managers knew the children well."),
        ("Closing", "prose", "We are grateful for the help of staff and partners."),
        ("Closing", "prose", "Yours sincerely"),
        ("Closing", "prose", "Ruth Okonjo, Assistant Chief Inspector"),
        ("Copy to", "bullet", "Martin Treloar, Chief Executive, Quillby Council"),
        ("Copy to", "bullet", "Lucy Penhaligon, Police and Crime Commissioner"),
    ]


def test_markdown_as_pandoc_writes_it(tmp_path):
    """Setext headings, escaped numbers, a grid table with a cell over two lines, a hard
    break's backslash and an underline span: read as the Markdown they stand for."""
    path = tmp_path / "quenby_yjs_2022.md"
    path.write_text(
        "An inspection of youth justice services in Quenby\n"
        "=================================================\n\n"
        "HM Inspectorate of Probation, November 2022\\\n"
        "Fieldwork: 12 to 16 September 2022\n\n"
        "Ratings\n-------\n\n"
        "Overall, [Quenby Youth Justice Service]{.underline} is rated Good.\n\n"
        "+--------------------------+----------------------+\n"
        "| Standard                 | Rating               |\n"
        "+==========================+======================+\n"
        "| 1.1 Governance and       | Requires improvement |\n"
        "| leadership               |                      |\n"
        "+--------------------------+----------------------+\n"
        "| 1.2 Staff                | Good                 |\n"
        "+--------------------------+----------------------+\n\n"
        "### Staff\n\n"
        "1.2.1\\. All nine case manager posts were filled.\n",
        encoding="utf-8",
    )
    report = parse_file(path)
    assert report.meta.title == "An inspection of youth justice services in Quenby"
    assert [(p.section, p.kind, p.paragraph, p.text) for p in report.paragraphs] == [
        ("Header", "prose", None, "HM Inspectorate of Probation, November 2022"),
        ("Header", "field", None, "Fieldwork: 12 to 16 September 2022"),
        ("Ratings", "prose", None, "Overall, Quenby Youth Justice Service is rated Good."),
        ("Ratings", "table_row", None, "1.1 Governance and leadership | Requires improvement"),
        ("Ratings", "table_row", None, "1.2 Staff | Good"),
        ("Staff", "numbered", "1.2.1", "All nine case manager posts were filled."),
    ]


def test_pandoc_markdown_spans_and_footnotes_over_several_lines(tmp_path):
    """pandoc wraps its Markdown at 72 columns: an underline span opened on one line closes on
    the next, and a footnote's text goes on in lines indented under its first. The span keeps
    only its text; the footnote is whole and attached to its paragraph, and its last lines are
    no paragraph."""
    path = tmp_path / "quenby_sqs_2016.md"
    path.write_text(
        "# Short Quality Screening of youth offending work in Quenby\n\n"
        "## Introduction\n\n"
        "We looked at 24 cases, among them four referral orders.[^1] Please note that\n"
        "this letter [is not a full inspection\n"
        "report]{.underline} and does not give a rating.\n\n"
        "## Key strengths\n\n"
        "-   Staff knew the children well.\n\n"
        "[^1]: A referral order is a community sentence for children who plead\n"
        "    guilty at their first court appearance. It is delivered with a panel\n"
        "    of trained community volunteers.\n",
        encoding="utf-8",
    )
    report = parse_file(path)
    assert [(p.section, p.kind, p.text, p.footnotes) for p in report.paragraphs] == [
        (
            "Introduction",
            "prose",
            "We looked at 24 cases, among them four referral orders.¹ Please note that this "
            "letter is not a full inspection report and does not give a rating.",
            [
                "¹ A referral order is a community sentence for children who plead guilty at "
                "their first court appearance. It is delivered with a panel of trained community "
                "volunteers."
            ],
        ),
        ("Key strengths", "bullet", "Staff knew the children well.", []),
    ]


def _margin_numbers_drawn_after(path: Path) -> Path:
    """A PDF (fpdf2) whose paragraph numbers are drawn in the margin after their paragraphs."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("helvetica", "B", 18)
    pdf.multi_cell(
        0, 9, "An inspection of youth justice services in Lanbury", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.ln(4)
    pdf.set_font("helvetica", "B", 10)
    pdf.multi_cell(0, 6, "Governance and leadership", new_x="LMARGIN", new_y="NEXT")
    paras = [
        (
            "1.1.1",
            "",
            "The Lanbury partnership board has been chaired since March 2022 by the Director of Children's Services, who also chairs the safeguarding partnership and attends every meeting in person.",
        ),
        (
            "1.1.2",
            "The service receives funding from the Turnaround programme",
            " and uses it to work with children on the edge of the youth justice system, mainly through the Early Help teams.",
        ),
        (
            "1.1.3",
            "",
            "Sickness absence was low, at an average of 4.2 days per employee in 2022/23, and there were no vacancies at the time of the inspection, which the board noted.",
        ),
    ]
    for number, before, after in paras:
        y = pdf.get_y() + 2
        pdf.set_xy(35, y)
        pdf.set_font("helvetica", "", 10)
        if before:
            pdf.write(5, before)
            pdf.set_font("helvetica", "", 6.5)
            pdf.char_vpos = "SUP"
            pdf.write(5, "1")
            pdf.char_vpos = "LINE"
            pdf.set_font("helvetica", "", 10)
            pdf.write(5, after)
            pdf.ln(5)
        else:
            pdf.multi_cell(150, 5, after, new_x="LMARGIN", new_y="NEXT")
        end = pdf.get_y()
        pdf.set_xy(15, y)  # the number, drawn after its paragraph, level with its first line
        pdf.cell(15, 5, number)
        pdf.set_y(end)
    pdf.ln(6)
    for label, marker, value in (
        ("Reoffending rate, Lanbury", "2", "35.8%"),
        ("Reoffending rate, England and Wales", "", "31.2%"),
    ):
        y = pdf.get_y()
        pdf.set_font("helvetica", "", 10)
        pdf.set_xy(35, y)
        pdf.write(5, label)
        if marker:
            pdf.set_font("helvetica", "", 6.5)
            pdf.char_vpos = "SUP"
            pdf.write(5, marker)
            pdf.char_vpos = "LINE"
            pdf.set_font("helvetica", "", 10)
        pdf.set_xy(140, y)
        pdf.cell(30, 5, value)
        pdf.set_y(y + 7)
    pdf.output(str(path))
    return path


def _pdftohtml_page_pair() -> str:
    """Two pages as poppler's `pdftohtml -s -i -noframes` writes them (font classes in
    pixels at zoom 1.5; page 2 uses a class no style sheet defines)."""

    def p(top: int, left: int, cls: str, text: str) -> str:
        return (
            f'<p style="position:absolute;top:{top}px;left:{left}px;white-space:nowrap" '
            f'class="{cls}">{text}</p>'
        )

    def chrome(page: int) -> list[str]:
        return [
            p(47, 94, "ft10", "Inspection of youth justice services: Lanbury"),
            p(47, 643, "ft10", "HM Inspectorate of Probation"),
            p(1203, 443, "ft10", str(page)),
        ]

    page1 = [
        *chrome(1),
        p(100, 94, "ft13", "<b>An inspection of youth justice services in Lanbury</b>"),
        p(150, 94, "ft12", "Published September 2023"),
        p(209, 103, "ft11", "<b>Ratings</b>"),
        p(255, 124, "ft12", "1.1"),
        p(255, 183, "ft12", "Governance and leadership"),
        p(255, 566, "ft12", "<b>Good</b>"),
        p(288, 124, "ft12", "1.2"),
        p(288, 183, "ft12", "Staff"),
        p(288, 566, "ft12", "<b>Outstanding</b>"),
    ]
    page2 = [
        *chrome(2),
        p(109, 103, "ft11", "<b>Governance and leadership</b>"),
        p(155, 103, "ft29", "1.1.1"),
        p(
            155,
            158,
            "ft29",
            "The Lanbury board is chaired by Priya Raman, the Corporate Director of",
        ),
        p(176, 158, "ft29", "Children&#8217;s Services, who took over in September 2021."),
        p(209, 103, "ft29", "1.1.2"),
        p(209, 158, "ft29", "The board&#8217;s plan sets clear priorities. Board members visit"),
        p(230, 158, "ft29", "twice a year."),
        p(263, 103, "ft11", "<b>Strengths:</b>"),
        p(291, 115, "ft29", "&#8226;"),
        p(291, 137, "ft29", "The chair holds partners to account for their work."),
    ]
    style = (
        '<style type="text/css">\n<!--\n\tp {margin: 0; padding: 0;}'
        "\t.ft10{font-size:12px;font-family:Helvetica;color:#555555;}\n"
        "\t.ft11{font-size:24px;font-family:Helvetica;color:#1d3557;}\n"
        "\t.ft12{font-size:15px;font-family:Helvetica;color:#000000;}\n"
        "\t.ft13{font-size:36px;font-family:Helvetica;color:#ffffff;}\n-->\n</style>\n"
    )
    pages = "".join(
        f'<!-- Page {n} -->\n<a name="{n}"></a>\n{style if n == 1 else ""}'
        f'<div id="page{n}-div" style="position:relative;width:892px;height:1262px;">\n'
        + "\n".join(lines)
        + "\n</div>\n"
        for n, lines in ((1, page1), (2, page2))
    )
    return (
        '<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml" lang="" xml:lang="">\n'
        "<head>\n<title>An inspection of youth justice services in Lanbury</title>\n"
        '<meta name="generator" content="pdftohtml 0.36"/>\n</head>\n'
        f'<body bgcolor="#A0A0A0" vlink="blue" link="blue">\n{pages}</body>\n</html>\n'
    )


def _fpdf2_raised_markers_and_cut_list(path: Path) -> Path:
    """A report as a writer sets one with fpdf2's raised small text for footnote markers (no
    superscript flag: pymupdf starts a new block at the marker, "¹. Around 27% …" would read as
    a paragraph numbered 1), a bold grade line under a standard's heading, and a numbered list
    of recommendations whose second item a page break cuts."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()

    def heading(text: str, size: int = 12) -> None:
        pdf.ln(4)
        pdf.set_font("helvetica", "B", size)
        pdf.multi_cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")

    def marked(before: str, marker: str, after: str) -> None:
        pdf.set_font("helvetica", "", 10)
        pdf.write(5, before)
        pdf.set_font("helvetica", "", 6.5)
        pdf.char_vpos = "SUP"
        pdf.write(5, marker)
        pdf.char_vpos = "LINE"
        pdf.set_font("helvetica", "", 10)
        pdf.write(5, after)
        pdf.ln(8)

    heading("An inspection of youth justice services in Corbury", 18)
    heading("Background", 15)
    marked(
        "On 1 February 2023 the service was working with 131 children, 82 of them subject to "
        "out-of-court disposals",
        "1",
        ". Around 27% of the children open to the service were from mixed heritage backgrounds.",
    )
    marked("We also held 27 meetings, and 33 of the 41 staff completed our survey", "2", ".")
    heading("1.2 Staff")
    heading("Our rating for staff is: Outstanding", 10)
    pdf.set_font("helvetica", "", 10)
    pdf.multi_cell(
        0, 5, "1.2.1 The staff group is stable and experienced.", new_x="LMARGIN", new_y="NEXT"
    )
    heading("Recommendations", 15)
    heading("The Youth Justice Service should:", 10)
    pdf.set_font("helvetica", "", 10)
    pdf.set_y(pdf.h - 20 - 13)  # the second item's first line is the page's last
    items = [
        "improve planning so that it addresses the risk of harm to others",
        "make sure that management oversight of court disposal cases is recorded and provides "
        "challenge where assessments or plans are weak",
        "ensure that work is reviewed whenever a child's circumstances change",
    ]
    for n, item in enumerate(items, start=1):
        pdf.multi_cell(0, 5, f"{n}. {item}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "", 7.5)
    pdf.output(str(path))
    return path


def test_raised_markers_a_bold_grade_line_and_a_list_item_cut_by_a_page(tmp_path):
    report = parse_file(_fpdf2_raised_markers_and_cut_list(tmp_path / "corbury_yjs_2023.pdf"))
    background = [p.text for p in in_section(report, "Background")]
    assert background == [
        "On 1 February 2023 the service was working with 131 children, 82 of them subject to "
        "out-of-court disposals¹. Around 27% of the children open to the service were from "
        "mixed heritage backgrounds.",
        "We also held 27 meetings, and 33 of the 41 staff completed our survey².",
    ]
    staff = in_section(report, "Staff")
    assert [(p.kind, p.paragraph, p.text) for p in staff] == [
        ("rating", None, "Our rating for staff is: Outstanding"),
        ("numbered", "1.2.1", "The staff group is stable and experienced."),
    ]
    recommendations = in_section(report, "Recommendations")
    assert [(p.paragraph, p.page, p.text) for p in recommendations] == [
        ("1", 1, "improve planning so that it addresses the risk of harm to others"),
        (
            "2",
            1,
            "make sure that management oversight of court disposal cases is recorded and "
            "provides challenge where assessments or plans are weak",
        ),
        ("3", 2, "ensure that work is reviewed whenever a child's circumstances change"),
    ]


def test_a_score_line_over_the_grades_is_kept_not_read_as_their_label(tmp_path):
    """`Score: 21/36` between the service's name and its grades is a figure to cite; a label
    (`1. Organisational delivery`) names the grades below it. The score was lost as a label."""
    path = tmp_path / "wenlow_yjs_2021.txt"
    path.write_text(
        "An Inspection of Youth Offending Services in Wenlow\n\n"
        "Foreword\n\nOverall, Wenlow YJS was rated as Good.\n\n"
        "Ratings\n\nWenlow Youth Justice Service\nFieldwork started: March 2021\n"
        "Score: 21/36\nOverall rating: Good\n\n1. Organisational delivery\n\n"
        "1.1 Governance and leadership: Good\n\n1.2 Staff: Requires improvement\n\n"
        "Recommendations\n\nWenlow Youth Justice Service should:\n\n- review cases promptly\n",
        encoding="utf-8",
    )
    r = parse_file(path, Settings())
    got = [(p.kind, p.text, p.section_path) for p in r.paragraphs if p.section != "Foreword"]
    assert got[:5] == [
        ("prose", "Fieldwork started: March 2021", "Wenlow Youth Justice Service"),
        ("prose", "Score: 21/36", "Wenlow Youth Justice Service"),
        ("rating", "Overall rating: Good", "Wenlow Youth Justice Service"),
        (
            "rating",
            "1.1 Governance and leadership: Good",
            "Wenlow Youth Justice Service > Organisational delivery",
        ),
        (
            "rating",
            "1.2 Staff: Requires improvement",
            "Wenlow Youth Justice Service > Organisational delivery",
        ),
    ]


WEBMAIL_LETTER = [  # (kind, text): a letter as webmail clients save it
    ("p", "Dear Ms Carter,"),
    ("b", "Reducing reoffending"),
    ("p", "1.1 Assessments were completed on time in 17 of the 20 cases."),
    ("b", "Key strengths"),
    ("li", "Case managers knew their children well."),
    ("b", "Areas requiring improvement"),
    ("li", "Risk of harm assessments must improve."),
    ("p", "We are grateful to the staff. The lead inspector was Jo Pike."),
]


def _webmail(style: str) -> str:
    out = []
    for kind, text in WEBMAIL_LETTER:
        if style == "divs":  # Gmail: a <div> a line, <div><br></div> between paragraphs
            block = f"<b>{text}</b>" if kind == "b" else f"• {text}" if kind == "li" else text
            out.append(f"<div>{block}</div><div><br></div>")
        elif style == "breaks":  # one <div>, its lines set apart by <br>s
            out.append(
                f"<b>{text}</b><br><br>"
                if kind == "b"
                else f"• {text}<br><br>"
                if kind == "li"
                else f"{text}<br><br>"
            )
        else:  # Outlook on the web: bold by a style, not a tag
            block = (
                f'<span style="font-weight: 700">{text}</span>'
                if kind == "b"
                else f"· {text}"
                if kind == "li"
                else text
            )
            out.append(f'<p style="margin:0">{block}</p><p style="margin:0">&nbsp;</p>')
    head = "From: HMI Probation<br>Sent: 14 June 2016 10:02<br>Subject: Screening<br><br>"
    return f'<html><body><div dir="ltr">{head}{"".join(out)}</div></body></html>'  # fmt: skip


@pytest.mark.parametrize("style", ["divs", "breaks", "styled"])
def test_a_letter_saved_from_webmail_keeps_its_lines_headings_and_lists(tmp_path, style):
    """Headings set only in bold (a <b>, or a bold weight in a style), lines set apart by
    <br>s in a <div>: each line a paragraph, each bold line a heading. (The <br>s were dropped,
    gluing "Probation" to "Sent:", and a one-<div> letter was one paragraph.)"""
    path = tmp_path / "wenlow_sqs_2016.html"
    path.write_text(_webmail(style), encoding="utf-8")
    r = parse_file(path, Settings())
    got = [(p.section, p.kind, p.paragraph, p.text) for p in r.paragraphs]
    assert got[:3] == [
        ("Header", "field", None, "From: HMI Probation"),
        ("Header", "field", None, "Sent: 14 June 2016 10:02"),
        ("Header", "field", None, "Subject: Screening"),
    ]
    assert got[3:] == [
        ("Header", "prose", None, "Dear Ms Carter,"),
        ("Reducing reoffending", "numbered", "1.1", "Assessments were completed on time in 17 of the 20 cases."),
        ("Key strengths", "bullet", None, "Case managers knew their children well."),
        ("Areas requiring improvement", "bullet", None, "Risk of harm assessments must improve."),
        ("Closing", "prose", None, "We are grateful to the staff. The lead inspector was Jo Pike."),
    ]  # fmt: skip


def test_a_markdown_letter_with_html_tables_and_a_sign_off_set_a_line_a_paragraph(tmp_path):
    """HTML written into Markdown (an address block and a copy list as <table>s) is read as a
    renderer shows it, not as tag text; a sign-off whose name and title stand a paragraph each
    is one paragraph, and names the lead inspector."""
    path = tmp_path / "wenlow_sqs_2017.md"
    path.write_text(
        "# Short Quality Screening of youth offending work in Wenlow\n\n"
        "<table>\n<tr>\n<td>Ms Ann Lee<br>Head of Service</td>\n<td>HM Inspectorate of "
        "Probation<br>Manchester</td>\n</tr>\n</table>\n\n"
        "Dear Ms Lee,\n\n## Reducing reoffending\n\n"
        "1.1 Assessments were sufficient in 20 of the 24 cases.\n\n"
        "Yours sincerely,\n\nGareth Pellowe\n\nHM Inspector of Probation (lead inspector)\n\n"
        "## Copy to\n\n<table>\n<tr><td>Chief Executive, Wenlow Council</td><td>Dominic Hart</td></tr>\n"
        "<tr><td>Police and Crime Commissioner</td><td>Raymond Till</td></tr>\n</table>\n",
        encoding="utf-8",
    )
    r = parse_file(path, Settings())
    got = [(p.section, p.kind, p.text) for p in r.paragraphs]
    assert "<" not in "".join(p.text for p in r.paragraphs)
    assert got[-4:] == [
        ("Reducing reoffending", "prose", "Yours sincerely,"),
        (
            "Reducing reoffending",
            "prose",
            "Gareth Pellowe HM Inspector of Probation (lead inspector)",
        ),
        ("Copy to", "table_row", "Chief Executive, Wenlow Council | Dominic Hart"),
        ("Copy to", "table_row", "Police and Crime Commissioner | Raymond Till"),
    ]
    assert r.meta.lead_inspector == "Gareth Pellowe"


def test_a_word_report_with_tracked_changes_reads_as_with_the_changes_accepted(tmp_path):
    """A letter sent back from review: a figure corrected by a tracked deletion and insertion,
    a sentence moved, a reviewer's comment, a fact in a content control (inline and around a
    whole paragraph), a date as a field's result, a text box anchored in a paragraph, and a
    tracked insertion in a table cell. python-docx's `.text` dropped every inserted and
    controlled word ("sufficient in  of the 20 cases")."""
    import docx
    from docx.oxml import parse_xml

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    tracked = 'w:author="Reviewer" w:date="2018-05-01T00:00:00Z"'

    def xml(body: str):  # the outermost element declares the namespaces
        name_ends = body.index(" ") if " " in body.split(">")[0] else len(body.split(">")[0])
        return parse_xml(f"{body[:name_ends]} {ns}{body[name_ends:]}")

    d = docx.Document()
    d.add_heading("Short Quality Screening of youth offending work in Quenby", level=0)
    d.add_heading("Protecting the public", level=1)
    p = d.add_paragraph("2.1 Planning to keep other people safe was sufficient in ")
    p._p.append(xml(f'<w:del w:id="1" {tracked}><w:r><w:delText>12</w:delText></w:r></w:del>'))
    p._p.append(xml(f'<w:ins w:id="2" {tracked}><w:r><w:t>14</w:t></w:r></w:ins>'))
    p.add_run(" of the 20 cases.")
    p._p.append(xml('<w:commentRangeStart w:id="5"/>'))
    p._p.append(xml('<w:r><w:commentReference w:id="5"/></w:r>'))
    p._p.append(
        xml(
            f'<w:moveFrom w:id="3" {tracked}><w:r><w:t> MAPPA was used well.</w:t></w:r></w:moveFrom>'
        )
    )
    p = d.add_paragraph("2.2 The police seconded ")
    p._p.append(
        xml("<w:sdt><w:sdtContent><w:r><w:t>two officers</w:t></w:r></w:sdtContent></w:sdt>")
    )
    p.add_run(" to the YOS from ")
    p._p.append(xml('<w:fldSimple w:instr=" DATE "><w:r><w:t>April 2017</w:t></w:r></w:fldSimple>'))
    p.add_run(".")
    p._p.append(
        xml(f'<w:moveTo w:id="4" {tracked}><w:r><w:t> MAPPA was used well.</w:t></w:r></w:moveTo>')
    )
    p = d.add_paragraph("2.3 Victims were contacted in every case.")
    p._p.append(
        xml(
            '<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>'
            "<w:txbxContent><w:p><w:r><w:t>Key fact: 61 children</w:t></w:r></w:p></w:txbxContent>"
            "</v:textbox></v:shape></w:pict></w:r>"
        )
    )
    d.element.body.insert(
        len(d.element.body) - 1,
        xml(
            "<w:sdt><w:sdtContent><w:p><w:r><w:t>2.4 Every child released from custody had "
            "a home to go to.</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        ),
    )
    d.add_heading("Copy to", level=1)
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Chief Executive"
    cell = table.cell(0, 1).paragraphs[0]
    cell.add_run("Dana ")
    cell._p.append(xml(f'<w:ins w:id="6" {tracked}><w:r><w:t>Okafor</w:t></w:r></w:ins>'))
    path = tmp_path / "quenby_sqs_2018.docx"
    d.save(path)
    report = parse_file(path)
    assert [(p.paragraph, p.text) for p in in_section(report, "Protecting the public")] == [
        ("2.1", "Planning to keep other people safe was sufficient in 14 of the 20 cases."),
        (
            "2.2",
            "The police seconded two officers to the YOS from April 2017. MAPPA was used well.",
        ),
        # the text box's text: a paragraph of its own, before the one it is anchored in
        (None, "Key fact: 61 children"),
        ("2.3", "Victims were contacted in every case."),
        ("2.4", "Every child released from custody had a home to go to."),
    ]
    assert [p.text for p in in_section(report, "Copy to")] == ["Chief Executive | Dana Okafor"]


def test_a_text_saved_by_word_a_paragraph_to_a_line_with_no_blank_lines_keeps_its_parts(
    tmp_path,
):
    """Word's "Save as Plain Text": a paragraph to a line, no blank line between paragraphs,
    CRLF line ends, a form feed at each page break, "o<TAB>" for a second-level bullet. Each
    heading was run into the paragraph under it ("Background Sedgecombe is a …"), a heading
    after a page break into the line before it, and the date under the title was a heading."""
    long = " ".join(["The partnership board has a clear vision that partners share."] * 5)
    lines = [
        "\ufeffAn inspection of youth justice services in Quenby",
        "HM Inspectorate of Probation",
        "December 2022",
        "Lead inspector: Nadia Osterfeld",
        "\fAcknowledgements",
        f"This inspection was led by Nadia Osterfeld. {long}",
        "Recommendations",
        "Quenby Youth Justice Service should:",
        "1.\tmake sure that plans set out clear contingency arrangements",
        "2.\tprovide safe and suitable permanent premises for the Brindlecote team.",
        "\fBackground",
        f"Quenby is a largely rural county with a population of 612,400. {long}",
        "Areas that have improved",
        "•\tAccommodation on release: a resettlement panel was set up in 2018.",
        "o\tNo child in our sample was released without suitable accommodation.",
        *[f"Further finding {n}: {long}" for n in range(1, 15)],
    ]
    path = tmp_path / "quenby_yjs_2022.txt"
    path.write_bytes("\r\n".join(lines).encode("utf-8"))
    report = parse_file(path)
    assert (report.meta.year, report.meta.lead_inspector) == (2022, "Nadia Osterfeld")
    assert [(p.section, p.kind, p.text[:40]) for p in report.paragraphs[:9]] == [
        ("Header", "prose", "HM Inspectorate of Probation"),
        ("Header", "prose", "December 2022"),
        ("Header", "field", "Lead inspector: Nadia Osterfeld"),
        ("Acknowledgements", "prose", "This inspection was led by Nadia Osterfe"),
        ("Recommendations", "numbered", "make sure that plans set out clear conti"),
        ("Recommendations", "numbered", "provide safe and suitable permanent prem"),
        ("Background", "prose", "Quenby is a largely rural county with a "),
        ("Areas that have improved", "bullet", "Accommodation on release: a resettlement"),
        ("Areas that have improved", "bullet", "No child in our sample was released with"),
    ]
    assert report.paragraphs[6].text.startswith(
        "Quenby is a largely rural county with a population of 612,400. The partnership"
    )


def test_a_plain_text_letter_keeps_its_sign_off_set_a_line_a_paragraph(tmp_path):
    """The signer's name under "Kind regards" or "Yours sincerely", and a sign-off's last
    lines at the end of the text ("Gareth Pennock" / "HM Inspector of Probation" / "Lead
    Inspector"), looked like headings: the name headed the rest of the letter, and the last
    lines, heading nothing, were lost."""
    path = tmp_path / "quenby_sqs_2016.txt"
    path.write_text(
        "Dear all, please see the letter below.\n\nKind regards\n\nPriya\n\n"
        "Dear Mrs Threlfall\n\n"
        "We recently completed a Short Quality Screening of youth offending work in Quenby.\n\n"
        "Yours sincerely\n\nGareth Pennock\n\nHM Inspector of Probation\n\nLead Inspector\n"
    )
    report = parse_file(path)
    assert [(p.section, p.text) for p in report.paragraphs] == [
        ("Header", "Dear all, please see the letter below."),
        ("Header", "Kind regards"),
        ("Header", "Priya"),
        ("Header", "Dear Mrs Threlfall"),
        (
            "Header",
            "We recently completed a Short Quality Screening of youth offending work in Quenby.",
        ),
        ("Header", "Yours sincerely"),
        ("Header", "Gareth Pennock HM Inspector of Probation Lead Inspector"),
    ]
    assert report.meta.lead_inspector == "Gareth Pennock"


def test_a_standard_s_grade_line_heads_its_part_and_its_numbers_keep_it(tmp_path):
    """A rated inspection whose standards open with a grade line in plain type ("1.2 Staff:
    Outstanding") and no heading: its paragraphs were filed under the last standard's
    "Areas for improvement"; and a numbered paragraph after a call-out box's heading ("What
    children told us") is still its standard's. A run of grade lines (a ratings list) heads
    nothing."""
    path = tmp_path / "quenby_yjs_2023.txt"
    path.write_text(
        "Inspection of youth justice services in Quenby\n\n"
        "Ratings\n\n"
        "1.1 Governance and leadership: Good\n\n1.2 Staff: Outstanding\n\n"
        "Organisational delivery\n\n"
        "1.1 Governance and leadership: Good\n\n"
        "1.1.1 The board meets every eight weeks and has a clear vision.\n\n"
        "Areas for improvement:\n\n"
        "• The subgroup has not turned its analysis into actions.\n\n"
        "1.2 Staff: Outstanding\n\n"
        "1.2.1 The YJS has 34 staff, including 16 case managers.\n\n"
        "What children told us\n\n"
        "“My worker actually listens to me.”\n\n"
        "1.2.2 Staff receive monthly supervision.\n"
    )
    report = parse_file(path)
    assert [(p.section, p.kind, p.paragraph, p.text[:30]) for p in report.paragraphs] == [
        ("Header", "rating", None, "1.1 Governance and leadership:"),
        ("Header", "rating", None, "1.2 Staff: Outstanding"),
        ("Governance and leadership", "rating", None, "1.1 Governance and leadership:"),
        ("Governance and leadership", "numbered", "1.1.1", "The board meets every eight we"),
        ("Areas for improvement", "bullet", None, "The subgroup has not turned it"),
        ("Staff", "rating", None, "1.2 Staff: Outstanding"),
        ("Staff", "numbered", "1.2.1", "The YJS has 34 staff, includin"),
        ("What children told us", "prose", None, "“My worker actually listens to"),
        ("Staff", "numbered", "1.2.2", "Staff receive monthly supervis"),
    ]


def test_ligature_glyphs_read_as_their_letters(tmp_path):
    """Text pasted from a PDF viewer keeps the ﬁ and ﬂ glyphs ("The ﬁeldwork took place …"):
    "fieldwork" found nothing in it, and the fieldwork dates were never read."""
    path = tmp_path / "quenby_sqs_2015.txt"
    path.write_text(
        "Dear Ms Dorrance,\n\n"
        "The ﬁeldwork took place from 15 to 17 September 2015. The ofﬁcer's workﬂow was sound.\n",
        encoding="utf-8",
    )
    report = parse_file(path)
    assert report.paragraphs[1].text == (
        "The fieldwork took place from 15 to 17 September 2015. The officer's workflow was sound."
    )
    assert (report.meta.fieldwork_start, report.meta.fieldwork_end) == ("2015-09-15", "2015-09-17")


def test_html_paragraphs_laid_out_as_table_rows_keep_their_numbers(tmp_path):
    """A council's web page sets each numbered paragraph as a row, its number in the left cell
    ("2.1.3 | Inspectors found …"): a numbered paragraph, not a table row without a number; a
    short two-cell row stays a row."""
    path = tmp_path / "quenby_yjs_2021.html"
    long = (
        "The Management Board is chaired by the Director of Children's Services and meets monthly."
    )
    path.write_text(
        "<html><body><h1>An inspection of youth justice services in Quenby</h1>"
        "<h2>Governance and leadership</h2><table>"
        f"<tr><td>1.1.1</td><td>{long}</td></tr>"
        "<tr><td>1.1.2</td><td>Board members understand the work of the YJS and its data.</td></tr>"
        "</table><h2>Ratings</h2><table><tr><td>1.1</td><td>Good</td></tr></table>"
        "</body></html>"
    )
    report = parse_file(path)
    assert [(p.section, p.kind, p.paragraph, p.text[:30]) for p in report.paragraphs] == [
        ("Governance and leadership", "numbered", "1.1.1", long[:30]),
        ("Governance and leadership", "numbered", "1.1.2", "Board members understand the w"),
        ("Ratings", "table_row", None, "1.1 | Good"),
    ]


def test_a_letter_quoted_in_an_email_reply_is_read_as_the_letter(tmp_path):
    """A screening letter pasted into an email and quoted in a reply ("> " before every line,
    ">" alone on a blank one, wrapped at 72) keeps its headings, numbered paragraphs, bullets
    and copy list (every quoted line was one paragraph of the header, "> 1.1 …" included); a
    copy list typed "Role: Name" a line, a label with a comma and a name wrapped to an
    indented line, is a row a line under "Copy to", none of them a heading."""
    letter = [
        "Dear Mr Ormsby",
        "",
        "REDUCING REOFFENDING",
        "",
        "1.1 An initial assessment had been completed in 16 of the 18 cases,",
        "and most were of good quality.",
        "",
        "1.2 Planning was weaker: only 9 plans were focused on offending.",
        "",
        "KEY STRENGTHS",
        "",
        "* Case managers knew their children well and worked hard to keep them",
        "engaged.",
        "* Victims were routinely contacted.",
        "",
        "Yours sincerely",
        "",
        "Julia Marsh",
        "HM Inspector of Probation",
        "",
        "Copy to:",
        "Chief Executive, Quarrydene Borough Council: Helen Osgood",
        "Director of Children's Services and Chair of YOS Management Board:",
        "  Anthony Greaves",
        "Police and Crime Commissioner for Quarry Vale: Martin Rudge",
    ]
    path = tmp_path / "quarrydene_sqs_2014.txt"
    path.write_text(
        "Hi all,\n\nThe letter is below: please read it before Tuesday.\n\nRhiannon\n\n"
        "-----Original Message-----\nFrom: Marsh, Julia\nSent: 08 April 2014 14:31\n"
        "To: Ormsby, Dev\nSubject: SQS final letter\n\n"
        + "\n".join(f"> {ln}" if ln else ">" for ln in letter)
        + "\n",
        encoding="utf-8",
    )
    r = parse_file(path)
    assert [(p.paragraph, p.text) for p in in_section(r, "REDUCING REOFFENDING")] == [
        (
            "1.1",
            "An initial assessment had been completed in 16 of the 18 cases, and most were of good quality.",
        ),
        ("1.2", "Planning was weaker: only 9 plans were focused on offending."),
    ]
    assert [p.text for p in in_section(r, "KEY STRENGTHS")] == [
        "Case managers knew their children well and worked hard to keep them engaged.",
        "Victims were routinely contacted.",
    ]
    assert [p.text for p in in_section(r, "Copy to")] == [
        "Chief Executive, Quarrydene Borough Council: Helen Osgood",
        "Director of Children's Services and Chair of YOS Management Board: Anthony Greaves",
        "Police and Crime Commissioner for Quarry Vale: Martin Rudge",
    ]


def test_a_page_exported_from_google_docs_reads_as_it_shows(tmp_path):
    """Google Docs' HTML: words split across <span>s ("Gove</span><span>rnance"), headings
    set by a class's weight and size only (beside real <h> headings), and paragraph numbers
    the style sheet draws before list items (`li:before{content:"2.2." counter(…)}`): read as
    the page shows them ("Gove rnance", no heading, paragraphs numbered 1, 2 under Planning)."""
    css = (
        '.lst-kix_a-0>li:before{content:"2.2." counter(lst-ctn-kix_a-0,decimal) " "}'
        ".lst-kix_a-0>li{counter-increment:lst-ctn-kix_a-0}"
        ".c0{font-weight:400;font-size:11pt}.c3{font-weight:700;font-size:14pt}"
    )
    path = tmp_path / "quarrydene_yjs_2021.html"
    path.write_text(
        f"<html><head><style>{css}</style></head><body>"
        '<h1 class="c3"><span class="c3">Inspection of youth justice services in Quarrydene</span></h1>'
        '<p class="c1"><span class="c3">Ratings</span></p>'
        '<p class="c1"><span class="c0">We rated gove</span><span class="c0">rnance '
        "and leadership as Good, and the board now meets every quarter.</span></p>"
        '<h2><span class="c3">Planning</span></h2>'
        '<ol class="lst-kix_a-0 start" start="1">'
        '<li><span class="c0">Planning to support desistance was sufficient in 15 of the 19 cases.</span></li>'
        '<li><span class="c0">Planning to keep other people safe was sufficient in 11 cases.</span></li>'
        "</ol></body></html>",
        encoding="utf-8",
    )
    r = parse_file(path)
    assert [p.text for p in in_section(r, "Ratings")] == [
        "We rated governance and leadership as Good, and the board now meets every quarter."
    ]
    assert [(p.paragraph, p.text[:30]) for p in in_section(r, "Planning")] == [
        ("2.2.1", "Planning to support desistance"),
        ("2.2.2", "Planning to keep other people "),
    ]


def test_a_wiki_s_markdown_export_reads_as_the_page_shows(tmp_path):
    """A report exported from a wiki: a callout's type mark ("> [!NOTE]"), [[wiki links]]
    (their label, or their target), emoji around a heading ("## 📣 Foreword {#foreword}",
    "### 🧭 1.1 Governance"), thematic breaks ("---"), a <br> inside a ratings table's cell,
    and a bold label over a list ("**Strengths**" then "- …") read as a renderer shows them
    (the table's rows were one paragraph of text, "---" a paragraph, the links printed with
    their brackets, the label no heading)."""
    path = tmp_path / "quarrydene_yjs_2023.md"
    path.write_text(
        "# An inspection of youth justice services in Quarrydene\n\n"
        "> [!NOTE] About this page\n> This is the wiki copy of the report.\n\n"
        "---\n\n"
        "## 📣 Foreword {#foreword}\n\n"
        "The service has changed since our [[Quarrydene SQS 2016|Short Quality Screening in "
        "2016]], as the [[Practice Hub]] shows.\n\n"
        "## 📊 Ratings\n\n"
        "| Standard | Rating |\n|---|---|\n"
        "| 1.1 Governance and leadership<br>*Board attendance patchy* | Requires improvement |\n"
        "| 1.2 Staff<br>*Manageable caseloads* | Good |\n\n"
        "### 🧭 1.1 Governance and leadership\n\n"
        "**1.1.1** The board meets every quarter and is chaired by the Director of Children's "
        "Services.\n\n"
        "**Strengths**\n- The board has a clear vision.\n- Leaders are visible.\n",
        encoding="utf-8",
    )
    r = parse_file(path)
    assert [p.text for p in in_section(r, "Foreword")] == [
        "The service has changed since our Short Quality Screening in 2016, as the Practice Hub "
        "shows."
    ]
    assert [(p.kind, p.text) for p in in_section(r, "Ratings")] == [
        (
            "table_row",
            "1.1 Governance and leadership Board attendance patchy | Requires improvement",
        ),
        ("table_row", "1.2 Staff Manageable caseloads | Good"),
    ]
    assert [(p.paragraph, p.text[:26]) for p in in_section(r, "Governance and leadership")] == [
        ("1.1.1", "The board meets every quar")
    ]
    assert [p.text for p in in_section(r, "Strengths")] == [
        "The board has a clear vision.",
        "Leaders are visible.",
    ]
    assert not any(p.text.startswith(("---", "[!NOTE]")) for p in r.paragraphs)


def test_an_obsidian_note_s_callout_table_highlights_and_embeds_read_as_shown(tmp_path):
    """Obsidian: a key facts table inside a callout ("> [!info] Key facts" over "> | … |")
    is a table under the callout's title (its rows had been lines of text under the ratings),
    a highlight ("==Requires improvement==") keeps its text, an embedded file ("![[logo.png]]")
    shows none."""
    path = tmp_path / "quarrydene_yjs_2023.md"
    path.write_text(
        "![[logo.png]]\n\n## Foreword\n\n"
        "Overall, Quarrydene YJS was rated as ==Requires improvement==.\n\n"
        "## Ratings\n\n| Standard | Rating |\n| --- | --- |\n| 1.2 Staff | Good |\n\n"
        "> [!info] Key facts\n> | Measure | Quarrydene |\n> | --- | --- |\n"
        "> | Cases inspected | 34 |\n> | Staff headcount | 41 |\n\n"
        "## Recommendations\n\nThe board should meet monthly.\n",
        encoding="utf-8",
    )
    r = parse_file(path)
    assert [p.text for p in in_section(r, "Foreword")] == [
        "Overall, Quarrydene YJS was rated as Requires improvement."
    ]
    assert [p.text for p in in_section(r, "Ratings")] == ["1.2 Staff | Good"]
    assert [(p.kind, p.text) for p in in_section(r, "Key facts")] == [
        ("table_row", "Cases inspected | 34"),
        ("table_row", "Staff headcount | 41"),
    ]
    assert not any("logo" in p.text or "==" in p.text for p in r.paragraphs)


def test_a_word_letter_laid_out_in_borderless_tables_reads_as_a_letter(tmp_path):
    """A letter template sets the address beside the letterhead in a row of two cells and the
    whole body in one cell: each cell reads as the page would without the table (its bold
    headings, typed numbers, bulleted lists); the bold addressee on the first line is a line of
    the front block, not the title, once a heading names the report's kind."""
    import docx

    d = docx.Document()
    top = d.add_table(rows=1, cols=2)
    left, right = top.rows[0].cells
    left.paragraphs[0].add_run("Ms Ada Quill").bold = True
    left.add_paragraph("Head of Youth Offending Service")
    right.paragraphs[0].text = "HM Inspectorate of Probation"
    right.add_paragraph("Date: 14 November 2017")
    body = d.add_table(rows=1, cols=1).cell(0, 0)
    body.paragraphs[0].text = "Dear Ms Quill"
    body.add_paragraph().add_run(
        "Short Quality Screening of youth offending work in Brindle"
    ).bold = True
    body.add_paragraph("We examined a sample of 21 cases, with the case managers who held them.")
    body.add_paragraph().add_run("Reducing reoffending").bold = True
    body.add_paragraph("1.1\tAssessment was sufficient in 15 of the 21 cases we examined closely.")
    body.add_paragraph("1.2\tPlans were in place in every case, but only 12 were focused enough.")
    body.add_paragraph().add_run("Key strengths").bold = True
    body.add_paragraph("Strong education provision.", style="List Bullet")
    body.add_paragraph("Prompt access to substance misuse services.", style="List Bullet")
    body.add_paragraph("Please contact me if you have any questions about the findings.")
    d.add_paragraph("Yours sincerely")
    d.add_paragraph().add_run("Lorna Quay").bold = True
    d.add_paragraph("HM Inspector")
    d.save(tmp_path / "brindle_sqs_2017.docx")
    r = parse_file(tmp_path / "brindle_sqs_2017.docx", Settings())
    assert (r.meta.title, r.meta.area, r.meta.publication_date) == (
        "Short Quality Screening of youth offending work in Brindle",
        "Brindle",
        "2017-11-14",
    )
    assert [(p.section, p.kind, p.paragraph, p.text) for p in r.paragraphs] == [
        ("Header", "prose", None, "Ms Ada Quill"),
        ("Header", "prose", None, "Head of Youth Offending Service"),
        ("Header", "prose", None, "HM Inspectorate of Probation"),
        ("Header", "field", None, "Date: 14 November 2017"),
        ("Header", "prose", None, "Dear Ms Quill"),
        ("Header", "prose", None, "We examined a sample of 21 cases, with the case managers who held them."),
        ("Reducing reoffending", "numbered", "1.1", "Assessment was sufficient in 15 of the 21 cases we examined closely."),
        ("Reducing reoffending", "numbered", "1.2", "Plans were in place in every case, but only 12 were focused enough."),
        ("Key strengths", "bullet", None, "Strong education provision."),
        ("Key strengths", "bullet", None, "Prompt access to substance misuse services."),
        ("Closing", "prose", None, "Please contact me if you have any questions about the findings."),
        ("Closing", "prose", None, "Yours sincerely"),
        ("Closing", "prose", None, "Lorna Quay HM Inspector"),
    ]  # fmt: skip


def test_a_designed_pdf_s_pull_quotes_and_cover_date_head_nothing(tmp_path):
    """A pull quote set large between a part's paragraphs is words spoken, kept with who spoke
    them and in the part it sits in (after a part's list too); a cover's "Published June 2023"
    set large is a line of the header."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page()
    lines = [
        ("Inspection of youth justice services in Quenby", "hebo", 18),
        ("Published June 2023", "hebo", 14),
        ("Overall rating awarded: Good", "helv", 10),
        ("1.1 Governance and leadership", "hebo", 14),
        ("1.1.1 The board is chaired by the director of children's services.", "helv", 10),
        ("'We've got the data, but I couldn't tell you if the work is any good.'", "heit", 14),
        ("Board member", "helv", 10),
        ("Strengths", "hebo", 12),
        ("- The chair leads well.", "helv", 10),
        ("'My worker never gave up on me.'", "heit", 14),
        ("Child, aged 16", "helv", 10),
        ("1.2 Staff", "hebo", 14),
        ("1.2.1 Staff are motivated and committed to the children.", "helv", 10),
    ]
    for i, (text, font, size) in enumerate(lines):
        page.insert_text((56, 60 + 34 * i), text, fontname=font, fontsize=size)
    doc.save(tmp_path / "quenby_yjs_2023.pdf")
    r = parse_file(tmp_path / "quenby_yjs_2023.pdf")
    assert [(p.section_path, p.kind, p.text) for p in r.paragraphs] == [
        ("Header", "prose", "Published June 2023"),
        ("Header", "field", "Overall rating awarded: Good"),
        ("Governance and leadership", "numbered", "The board is chaired by the director of children's services."),
        ("Governance and leadership", "prose", "'We've got the data, but I couldn't tell you if the work is any good.' Board member"),
        ("Strengths", "bullet", "The chair leads well."),
        ("Governance and leadership", "prose", "'My worker never gave up on me.' Child, aged 16"),
        ("Staff", "numbered", "Staff are motivated and committed to the children."),
    ]  # fmt: skip


def _side_by_side(left: list[str], right: list[str], gutter: int = 60) -> list[str]:
    """Two columns printed side by side on each line, as `pdftotext -layout` prints a page
    set in two columns (the right column's text starting at `gutter`)."""
    rows = max(len(left), len(right))
    left, right = left + [""] * (rows - len(left)), right + [""] * (rows - len(right))
    return [(a.ljust(gutter) + b).rstrip() if b else a for a, b in zip(left, right, strict=True)]


def test_a_page_set_in_two_columns_side_by_side_is_read_column_by_column(tmp_path):
    """`pdftotext -layout` of a two-column report prints both columns on each line: every
    line read across was two half-sentences (46 of tune37's 124 gold quotes matched no
    paragraph). Each column is read in turn; a heading over its part's text, a label over a
    list, a hanging indent ended and a gap beside the other column's line end a paragraph
    where the column's line shows it; the running header spaced out across the page goes;
    the title's lines run on into the service's name no longer make the area."""
    left = [
        "Foreword",
        "",
        "This inspection is part of our programme of",
        "inspections of youth justice services. We have",
        "inspected and rated the service across three",
        "broad areas of its work.",
        "",
        "1.1 Governance and leadership",
        "We rated governance and leadership as Requires",
        "improvement.",
        "1.1.1   The management board is chaired by Chief",
        "        Superintendent Rhiannon Vaughan-Pike, who",
        "        took over in September 2022.",
        "1.1.2   Attendance at the board is inconsistent.",
        "Strengths:",
        "• Staff understand and support the head of",
        "   service's child-first vision.",
        "Areas for improvement:",
        "• Education representatives do not attend",
        "   the board regularly enough.",
    ]
    right = [
        "1.2 Staff",
        "",
        "We rated staff as Good.",
        "",
        "1.2.1   Staff are well motivated and have",
        "        manageable caseloads; case managers",
        "        held an average of nine cases each.",
        "",
        "1.2.2   Supervision is regular and of good",
        "        quality. Arrangements are now used well:",
        "        the three managers meet every week.",
    ]
    page = "\n".join(
        [
            "Inspection of youth justice services: Quenby" + " " * 50 + "HM Inspectorate",
            "",
            *_side_by_side(left, right),
            "",
            " " * 40 + "Page 2",
        ]
    )
    cover = "\n".join(
        [
            "An inspection of youth justice",
            "services in Quenby",
            "Quenby Youth Justice Service",
            "",
            "Fieldwork took place between 25 and 29 September 2023.",
            "",
            " " * 40 + "Page 1",
        ]
    )
    second = page.replace("Page 2", "Page 3").replace("regularly enough", "often enough")
    path = tmp_path / "quenby_yjs_2023.txt"
    path.write_text(f"{cover}\f{page}\f{second}\n", encoding="utf-8")
    r = parse_file(path)
    assert r.meta.area == "Quenby"
    got = [(p.section, p.kind, p.paragraph, p.text) for p in r.paragraphs if p.page == 2]
    assert got == [
        ("Foreword", "prose", None, "This inspection is part of our programme of inspections of youth justice services. We have inspected and rated the service across three broad areas of its work."),
        ("Governance and leadership", "prose", None, "We rated governance and leadership as Requires improvement."),
        ("Governance and leadership", "numbered", "1.1.1", "The management board is chaired by Chief Superintendent Rhiannon Vaughan-Pike, who took over in September 2022."),
        ("Governance and leadership", "numbered", "1.1.2", "Attendance at the board is inconsistent."),
        ("Strengths", "bullet", None, "Staff understand and support the head of service's child-first vision."),
        ("Areas for improvement", "bullet", None, "Education representatives do not attend the board regularly enough."),
        ("Staff", "prose", None, "We rated staff as Good."),
        ("Staff", "numbered", "1.2.1", "Staff are well motivated and have manageable caseloads; case managers held an average of nine cases each."),
        ("Staff", "numbered", "1.2.2", "Supervision is regular and of good quality. Arrangements are now used well: the three managers meet every week."),
    ]  # fmt: skip
    assert not any("HM Inspectorate" in p.text for p in r.paragraphs)


def test_a_table_laid_out_with_spaces_is_no_pair_of_columns(tmp_path):
    """A ratings table's rows (short first cells, a wide gap, a grade) share a gutter with
    no text across it, but its first cells do not fill a column: it stays a table."""
    rows = [
        ("1.1 Governance and leadership", "Requires improvement"),
        ("1.2 Staff", "Good"),
        ("1.3 Partnerships and services", "Requires improvement"),
        ("1.4 Information and facilities", "Good"),
        ("2.1 Assessment", "Good"),
        ("2.2 Planning", "Requires improvement"),
        ("2.3 Implementation and delivery", "Good"),
    ]
    path = tmp_path / "quenby_yjs_2023.txt"
    path.write_text(
        "Inspection of youth justice services in Quenby\n\nRatings\n\n"
        + "\n\n".join(a.ljust(60) + b for a, b in rows)
        + "\n",
        encoding="utf-8",
    )
    r = parse_file(path)
    assert [(p.kind, p.text) for p in r.paragraphs] == [
        ("table_row", f"{a} | {b}") for a, b in rows
    ]


def test_a_word_text_box_s_paragraphs_are_read_once(tmp_path):
    """A floating text box ("In brief" with the letter's key figures) is text Word shows: its
    paragraphs are read, before the paragraph it is anchored in (they were left out: "87
    children" was in no paragraph), once, though Word keeps a copy for older readers."""
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    d.add_heading("Short Quality Screening of youth offending work in Brindle", 1)
    anchor = d.add_paragraph("Between 19 and 21 April 2016 we screened the work of the YOS.")
    box = (
        "<w:txbxContent><w:p><w:r><w:t>In brief</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Caseload on first day of fieldwork: 87 children</w:t></w:r></w:p>"
        "</w:txbxContent>"
    )
    anchor._p.append(
        parse_xml(
            '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
            'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>'
            f'<mc:Choice Requires="wps"><w:drawing><wps:txbx>{box}</wps:txbx></w:drawing>'
            f"</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox>"
            "</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        )
    )
    d.save(tmp_path / "brindle_sqs_2016.docx")
    r = parse_file(tmp_path / "brindle_sqs_2016.docx", Settings())
    assert [p.text for p in r.paragraphs] == [
        "In brief",
        "Caseload on first day of fieldwork: 87 children",
        "Between 19 and 21 April 2016 we screened the work of the YOS.",
    ]


def test_word_s_web_page_export_bold_list_labels_and_a_boxed_key_facts_table(tmp_path):
    """Word's "Save as Web Page, Filtered": a bold "Strengths" paragraph over its list items,
    beside <h> headings, heads the list (it was a paragraph of the standard's part: "areas for
    improvement" asked of a standard found none); a one-cell table holding the key facts is
    read as its paragraphs, its title a line of the part it sits in (it was one row)."""
    path = tmp_path / "quenby_yjs_2022.html"
    path.write_text(
        "<html><body><h1>Inspection of youth justice services in Quenby</h1>"
        "<h2>Background</h2>"
        "<table class=MsoTableGrid><tr><td><p class=MsoNormal><b>Key facts</b></p>"
        "<p class=MsoNormal>96 children supervised by the YJS when fieldwork began</p>"
        "<p class=MsoNormal>&pound;1.92 million YJS budget for 2021/2022</p></td></tr></table>"
        "<p class=MsoNormal>Quenby is a metropolitan borough in the north.</p>"
        "<h3>1.1 Governance and leadership</h3>"
        "<p class=MsoNormal>1.1.1 The board is chaired by Fiona Lanyard.</p>"
        "<p class=MsoNormal><b><span>Strengths<o:p></o:p></span></b></p>"
        "<p class=MsoListParagraph><span>&middot;<span>&nbsp;&nbsp; </span></span>The board "
        "has a clear vision.</p>"
        "<p class=MsoNormal><b><span>Areas for improvement<o:p></o:p></span></b></p>"
        "<p class=MsoListParagraph><span>&middot;<span>&nbsp;&nbsp; </span></span>Speech and "
        "language therapy has not been restored.</p>"
        "<h3>1.2 Staff</h3><p class=MsoNormal>1.2.1 The YJS employs 38 staff.</p>"
        "</body></html>",
        encoding="utf-8",
    )
    r = parse_file(path)
    assert [(p.section_path, p.kind, p.text) for p in r.paragraphs] == [
        ("Background", "prose", "Key facts"),
        ("Background", "prose", "96 children supervised by the YJS when fieldwork began"),
        ("Background", "prose", "£1.92 million YJS budget for 2021/2022"),
        ("Background", "prose", "Quenby is a metropolitan borough in the north."),
        ("Background > Governance and leadership", "numbered", "The board is chaired by Fiona Lanyard."),
        ("Background > Governance and leadership > Strengths", "bullet", "The board has a clear vision."),
        ("Background > Governance and leadership > Areas for improvement", "bullet", "Speech and language therapy has not been restored."),
        ("Background > Staff", "numbered", "The YJS employs 38 staff."),
    ]  # fmt: skip


def test_markdown_a_converter_writes_from_a_pdf_letter(tmp_path):
    """Markdown as a PDF-to-Markdown converter (markitdown, docling) writes a letter: every
    table's first row made its header (the address block's first line, the copy list's first
    name beside its "Copy to:" label), a part's number a heading of its own over its title or
    its title a plain line, a running header under each page's footer, one of them cutting a
    numbered paragraph in two, and `<!-- image -->` where a picture was."""
    f = tmp_path / "quillby_sqs_2016.md"
    f.write_text(
        "<!-- image -->\n\n"
        "| Ms Ann Lee                  | HM Inspectorate of Probation |\n"
        "|-----------------------------|------------------------------|\n"
        "| Head of Service             | 1 High Street                |\n\n"
        "## Short Quality Screening of youth offending work in Quillby\n\n"
        "## 1.\n\nReducing reoffending\n\n"
        "1.1 Plans were good in most cases and were reviewed\non time.\n\n"
        "1.2 Assessments used school reports.\n\nPage 1 of 3\n\n"
        "Short Quality Screening: Quillby YOS\n\n"
        "However, the child's own view was not recorded.\n\n"
        "1.3 Reviews were timely.\n\n"
        "## 2. Protecting the public\n\n2.1 Risk plans lacked contingencies.\n\n"
        "Page 2 of 3\n\nShort Quality Screening: Quillby YOS\n\n"
        "3. Protecting the child\n\n3.1 Safety plans were sound.\n\n"
        "4.\n\n## Ensuring the sentence is served\n\n4.1 Children were seen often.\n\n"
        "| Copy to: | Jo Bell, Chief Executive |\n|---|---|\n| | Sam Hart, Chair of the Board |\n\n"
        "Page 3 of 3\n",
        encoding="utf-8",
    )
    report = parse_file(f)
    assert [(p.section, p.paragraph, p.text) for p in report.paragraphs] == [
        ("Header", None, "Ms Ann Lee | HM Inspectorate of Probation"),
        ("Header", None, "Head of Service | 1 High Street"),
        ("Reducing reoffending", "1.1", "Plans were good in most cases and were reviewed on time."),
        (
            "Reducing reoffending",
            "1.2",
            "Assessments used school reports. However, the child's own view was not recorded.",
        ),
        ("Reducing reoffending", "1.3", "Reviews were timely."),
        ("Protecting the public", "2.1", "Risk plans lacked contingencies."),
        ("Protecting the child", "3.1", "Safety plans were sound."),
        ("Ensuring the sentence is served", "4.1", "Children were seen often."),
        ("Copy to", None, "Jo Bell, Chief Executive"),
        ("Copy to", None, "Sam Hart, Chair of the Board"),
    ]
    assert [p.page for p in report.paragraphs[3:5]] == [1, 2]  # the footer ended page 1


def test_a_numbered_title_line_over_a_ratings_list_names_its_group_not_a_part(tmp_path):
    """A title "1. Organisational delivery" over "1.1 Governance and leadership: Good" groups grades in
    the ratings part; only a title over the part's first paragraph ("1.1 The board …") heads a
    part."""
    f = tmp_path / "quillby_yjs_2022.md"
    f.write_text(
        "# Inspection of youth justice services in Quillby\n\n## Ratings\n\n"
        "1. Organisational delivery\n\n1.1 Governance and leadership: Good\n\n"
        "## 1. Organisational delivery\n\n1.1 The board met every quarter and read case files.\n",
        encoding="utf-8",
    )
    report = parse_file(f)
    assert [(p.section, p.kind, p.text) for p in report.paragraphs] == [
        ("Ratings", "rating", "1.1 Governance and leadership: Good"),
        ("Organisational delivery", "numbered", "The board met every quarter and read case files."),
    ]


def _word_exported_from_pdf(path: Path) -> Path:
    """A Word file as a PDF-to-Word export makes it: every printed line ends in a line break
    inside its paragraph, space after only a paragraph's last paragraph-line, no Heading styles
    (bold, larger runs), the cover title and each page's footer floating frames
    (`w:framePr`), a section break at each page's end."""
    import docx
    from docx.oxml import parse_xml
    from docx.shared import Pt

    d = docx.Document()
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def para(text, bold=False, after=6, frame=False):
        p = d.add_paragraph()
        for i, piece in enumerate(text.split("\n")):
            run = p.add_run(piece)
            run.bold = bold
            if i < len(text.split("\n")) - 1:
                run.add_break()
        p.paragraph_format.space_after = Pt(after)
        if frame:
            p._p.get_or_add_pPr().insert(
                0, parse_xml(f'<w:framePr {ns} w:w="9000" w:h="300" w:vAnchor="page" w:y="16000"/>')
            )
        return p

    def page_end(n):
        para(f"Inspection of youth justice services: Quillby\t{n}", after=0, frame=True)
        d.add_paragraph()._p.get_or_add_pPr().append(parse_xml(f"<w:sectPr {ns}/>"))

    para("An inspection of youth justice services\nin Quillby", bold=True, frame=True)
    para("HM Inspectorate of Probation, June 2023", frame=True)
    page_end(1)
    para("Foreword", bold=True)
    para("The service has improved since\nour last visit.")
    para("Eleanor Vane\nHM Chief Inspector of Probation", bold=True, after=0)
    page_end(2)
    para("Ratings", bold=True)
    para("Overall rating Good")
    page_end(3)
    para("1. Organisational delivery", bold=True)
    para("1.1. Governance and leadership\tGood", bold=True)
    para("1.1.1. The board met every\nquarter.", after=0)
    page_end(4)
    para("It read case files.")
    d.save(path)
    return path


def test_a_word_file_exported_from_a_pdf_keeps_its_pages_apart(tmp_path):
    """Each page's footer frame is no text, no heading at the top of a page is glued to the
    line above the page break ("Eleanor Vane HM Chief Inspector of Probation" / "Ratings");
    a paragraph that runs on over the page break is still one paragraph."""
    report = parse_file(_word_exported_from_pdf(tmp_path / "quillby_yjs_2023.docx"))
    assert report.meta.title == "An inspection of youth justice services in Quillby"
    assert [(p.section, p.paragraph, p.text) for p in report.paragraphs] == [
        ("Header", None, "HM Inspectorate of Probation, June 2023"),
        ("Foreword", None, "The service has improved since our last visit."),
        ("Foreword", None, "Eleanor Vane HM Chief Inspector of Probation"),
        ("Ratings", None, "Overall rating Good"),
        # the standard's heading with its grade beside it: the standard's part, and its grade
        ("Governance and leadership", None, "1.1. Governance and leadership Good"),
        ("Governance and leadership", "1.1.1", "The board met every quarter. It read case files."),
    ]
    assert report.paragraphs[4].kind == "rating"


def test_a_signature_set_as_a_heading_over_the_next_heading_stays_text(tmp_path):
    """A sign-off set as a heading at the foot of a foreword heads nothing (the next heading is
    as high): its text is a line of the foreword, not lost."""
    f = tmp_path / "quillby_yjs_2022.md"
    f.write_text(
        "# Inspection of youth justice services in Quillby\n\n## Foreword\n\n"
        "The service improved.\n\n## Jane Doe HM Chief Inspector of Probation\n\n"
        "## Ratings\n\nOverall rating: Good\n",
        encoding="utf-8",
    )
    report = parse_file(f)
    assert [(p.section, p.kind, p.text) for p in report.paragraphs] == [
        ("Foreword", "prose", "The service improved."),
        ("Foreword", "prose", "Jane Doe HM Chief Inspector of Probation"),
        ("Ratings", "rating", "Overall rating: Good"),
    ]


@pytest.fixture(scope="module")
def copied():
    return parse_file(LAYOUTS / "wetherlea_yjs_2023.txt")


class TestCopiedFromAPdfViewer:
    """A rated inspection as the text a user copies out of a PDF viewer (`wetherlea_yjs_2023.txt`):
    a line per printed line, no blank line anywhere, words hyphenated at line ends, the page
    number and running header where each page broke, and a table's cells a line each."""

    def test_paragraphs_end_where_their_last_line_ends_short(self, copied):
        foreword = [p.text for p in in_section(copied, "Foreword")]
        assert foreword == [
            "We inspected Wetherlea Youth Justice Service (YJS) in January 2023 and rated its "
            "work across the three broad areas of our standards. Overall, the service was rated "
            "as 'Requires improvement'. Staff know their children well, but planning to keep "
            "other people safe is weak. The partnership board, chaired by Nadia Ferncliffe, has "
            "begun to tackle this.",
            "Tomas Velling HM Chief Inspector of Probation",
        ]
        assert by_number(copied)["1.1.2"].text == (
            "The head of service, Owen Bracewell, was appointed in 2021. Staff told us that he is "
            "visible and approachable."
        )

    def test_page_numbers_among_key_facts_are_pages_and_the_running_header_goes(self, copied):
        assert copied.meta.pages == 6
        assert not any(
            "Inspection of youth justice services: Wetherlea" in p.text
            for p in copied.paragraphs
            if p.section != "Header"
        )
        # a paragraph cut by a page break is whole again
        assert by_number(copied)["1.2.1"].text.endswith(
            "so some children saw a different worker at each appointment."
        )

    def test_key_facts_copied_value_first_are_one_fact_each(self, copied):
        assert [p.text for p in in_section(copied, "Key facts")] == [
            "31,400 Children aged 10 to 17 living in Wetherlea",
            "72 Children under YJS supervision at the start of fieldwork (30 on court disposals "
            "and 42 on out-of-court disposals)",
            "27 Staff employed by the YJS",
            "36.2% Proven reoffending rate for Wetherlea children (England and Wales: 32.2%)",
        ]
        facts = {r.subject: r.value for r in copied.records if r.kind == "fact"}
        assert facts["children_supervised"] == "72"
        assert facts["staff_employed"] == "27"

    def test_a_ratings_table_a_cell_to_a_line_is_its_grades_and_nothing_is_lost(self, copied):
        ratings = in_section(copied, "Ratings")
        assert [(p.kind, p.text) for p in ratings] == [
            ("prose", "Wetherlea Youth Justice Service"),
            ("prose", "Score 17/36"),
            ("rating", "Overall rating: Requires improvement"),
            ("rating", "1.1 Governance and leadership: Good"),
            ("rating", "1.2 Staff: Requires improvement"),
            ("rating", "2.1 Assessment: Inadequate"),
        ]
        assert [p.section_path for p in ratings][3:] == [
            "Ratings > Organisational delivery",
            "Ratings > Organisational delivery",
            "Ratings > Court disposals",
        ]

    def test_standards_hold_their_paragraphs_grades_and_labelled_lists(self, copied):
        staff = [p for p in copied.paragraphs if p.section_path.endswith("Staff")]
        assert [(p.kind, p.paragraph) for p in staff] == [
            ("rating", None),
            ("numbered", "1.2.1"),
            ("numbered", "1.2.2"),
        ]
        assert staff[0].text == "Rating: Requires improvement"
        lists = [
            (p.section_path.rpartition(" > ")[0].rpartition(" > ")[2], p.section, p.text)
            for p in copied.paragraphs
            if p.kind == "bullet"
        ]
        assert lists == [
            (
                "Governance and leadership",
                "Strengths",
                "The board holds partners to account for the support they give children.",
            ),
            (
                "Governance and leadership",
                "Areas for improvement",
                "The board does not look at the quality of casework.",
            ),
            (
                "Staff",
                "Strengths",
                "Staff are skilled and committed to the children they work with.",
            ),
            ("Staff", "Areas for improvement", "Sickness absence is not well managed."),
        ]

    def test_recommendations_keep_who_they_are_for(self, copied):
        recs = in_section(copied, "Recommendations")
        assert [(p.paragraph, p.section_path) for p in recs] == [
            ("1", "Recommendations > Wetherlea Youth Justice Service should"),
            ("2", "Recommendations > The Wetherlea Youth Justice Partnership Board should"),
        ]


def test_a_list_whose_bullets_were_drawn_keeps_its_items(tmp_path):
    """A letter printed to PDF by a web browser draws a list's bullets as graphics: its text has
    items opening in lower case, a blank line apart. Each is an item of its list, and the prose
    after the list is the letter's closing, not an area requiring improvement."""
    f = tmp_path / "brindle_sqs_2016.txt"
    f.write_text(
        "Dear Ms Hale\n\n"
        "1.1 Case managers knew the children they worked with well, and assessments were "
        "thorough.\n\n"
        "Key strengths\n\n"
        "We found the following key strengths:\n\n"
        "access to education, training and employment\n\n"
        "work with victims, including restorative justice\n\n"
        "Areas requiring improvement\n\n"
        "The following areas require improvement:\n\n"
        "assessments of the risk of harm to others must use police information\n\n"
        "contingency plans should be specific to each child\n\n"
        "Overall, this was a mixed picture.\n\n"
        "Yours sincerely\n"
    )
    r = parse_file(f)
    assert [(p.kind, p.text) for p in in_section(r, "Key strengths")] == [
        ("prose", "We found the following key strengths:"),
        ("bullet", "access to education, training and employment"),
        ("bullet", "work with victims, including restorative justice"),
    ]
    assert [(p.kind, p.text) for p in in_section(r, "Areas requiring improvement")] == [
        ("prose", "The following areas require improvement:"),
        ("bullet", "assessments of the risk of harm to others must use police information"),
        ("bullet", "contingency plans should be specific to each child"),
    ]
    assert [p.text for p in in_section(r, "Closing")][0] == "Overall, this was a mixed picture."


def test_a_word_export_s_bold_standard_heading_with_its_grade_after_a_tab(tmp_path):
    """A PDF exported to Word sets a standard's heading as bold runs with its grade after a
    tab ("1.1. Governance and leadership<TAB>Good"), no Heading style: the tab prints nothing,
    so the paragraph is still all bold, a heading of the standard's part with its grade."""
    from docx import Document

    doc = Document()
    doc.add_paragraph().add_run("An inspection of youth justice services in Harlby").bold = True
    p = doc.add_paragraph()
    p.add_run("1.1. Governance and leadership").bold = True
    p.add_run("\t").bold = True
    p.add_run("Good").bold = True
    doc.add_paragraph("1.1.1\tThe board is chaired by the Director of Children's Services.")
    p = doc.add_paragraph()
    p.add_run("1.2. Staff").bold = True
    p.add_run("\t").bold = True
    p.add_run("Outstanding").bold = True
    doc.add_paragraph("1.2.1\tStaff are skilled and well supported.")
    path = tmp_path / "harlby_yjs_2023.docx"
    doc.save(path)
    r = parse_file(path)
    assert [(p.section, p.kind, p.paragraph) for p in r.paragraphs] == [
        ("Governance and leadership", "rating", None),
        ("Governance and leadership", "numbered", "1.1.1"),
        ("Staff", "rating", None),
        ("Staff", "numbered", "1.2.1"),
    ]
    assert r.paragraphs[2].text == "1.2. Staff Outstanding"


def test_markdown_tables_a_page_break_split_and_a_label_alone_in_its_row(tmp_path):
    """A PDF-to-Markdown converter starts a new table after a page break, its first row marked
    as a header: a row of values ("Protecting the public | 59%") is a row, not lost; "Copy to:"
    alone in a table's first row is the label over the names below it."""
    f = tmp_path / "harlby_sqs_2016.md"
    f.write_text(
        "# Short Quality Screening of youth offending work in Harlby\n\n"
        "| Area of work inspected | Score |\n|---|---|\n| Reducing reoffending | 72% |\n\n"
        "Page 1 of 2\n\n"
        "| Protecting the public | 59% |\n|---|---|\n| Protecting the child | 64% |\n\n"
        "## 1.\n\n## Reducing reoffending\n\n"
        "1.1 Assessments were completed on time in all but two cases.\n\n"
        "Yours sincerely,\n\nJo Marsh\n\n"
        "| Copy to: |  |\n|---|---|\n| Ann Lee | Chief Executive, Harlby Council |\n"
        "| Tom Reed | Chair, Harlby YOS Management Board |\n"
    )
    r = parse_file(f)
    rows = [p.text for p in r.paragraphs if "%" in p.text]
    assert rows == [
        "Reducing reoffending | 72%",
        "Protecting the public | 59%",
        "Protecting the child | 64%",
    ]
    assert [p.text for p in in_section(r, "Copy to")] == [
        "Ann Lee | Chief Executive, Harlby Council",
        "Tom Reed | Chair, Harlby YOS Management Board",
    ]


def test_a_part_s_heading_with_its_grade_heads_the_part(tmp_path):
    """A rated part set as one heading with its grade ("Resettlement policy and provision:
    Requires improvement", as LibreOffice exports a heading with a tab stop): the part is
    the standard's, its grade a rating to cite, and its text is not the letter's closing."""
    f = tmp_path / "harlby_yjs_2023.md"
    f.write_text(
        "# An inspection of youth justice services in Harlby\n\n"
        "## Out-of-court disposal policy and provision\n\n"
        "The panel meets weekly.\n\n### Areas for improvement\n\n"
        "- The scheme has not been evaluated.\n\n"
        "## Resettlement policy and provision: Requires improvement\n\n"
        "Three children were released from custody in the year before the inspection.\n"
    )
    r = parse_file(f)
    part = in_section(r, "Resettlement policy and provision")
    assert [(p.kind, p.text) for p in part] == [
        ("rating", "Resettlement policy and provision: Requires improvement"),
        ("prose", "Three children were released from custody in the year before the inspection."),
    ]
    assert not in_section(r, "Closing")


def test_a_libreoffice_pdf_keeps_wrapped_table_cells_and_figures_whole():
    """A rated inspection exported to PDF by LibreOffice Writer (written for the tune44 set):
    its key facts table is drawn as one block, a cell's wrapped line a line of its own under
    its row; each such line goes back into its cell. A figure with its unit at a line's start
    ("27.9 per cent …") is no paragraph number."""
    r = parse_file(ROOT / "data" / "eval" / "tune44" / "reports" / "morrowfell_yjs_2023.pdf")
    facts = [p.text for p in in_section(r, "Key facts")]
    assert "Item | Detail" not in facts  # the table's header row names its columns
    assert facts[2:5] == [
        "Chair of the management board | Farida Lowther (Deputy Chief Executive, Morrowfell "
        "Borough Council)",
        "Police force | Carrickmoor Constabulary",
        "Children supervised at the start of fieldwork | 84 (36 court disposals, 48 "
        "out-of-court disposals)",
    ]
    assert not [p for p in r.paragraphs if p.paragraph == "27.9"]
    assert [p.kind for p in in_section(r, "Resettlement policy and provision")] == [
        "rating",
        "prose",
    ]


def test_a_libreoffice_pdf_keeps_a_late_drawn_cell_and_a_heading_over_a_bold_row():
    """A rated inspection written in Word and exported to PDF by LibreOffice (the tune53 set):
    the ratings table's last row wraps its first cell ("3.4 Out-of-court disposal policy and" /
    "provision") and its grade is drawn after the table as a block of its own, level with the
    row's first line: one row again. "Key facts" in larger bold type over a table whose header
    row is bold is a heading (it had become a line of the table, under the ratings)."""
    r = parse_file(ROOT / "data" / "eval" / "tune53" / "reports" / "mossbridge_yjs_2023.pdf")
    ratings = [p.text for p in in_section(r, "Ratings")]
    assert "3.4 Out-of-court disposal policy and provision | Good" in ratings
    assert not [p for p in r.paragraphs if p.paragraph == "3.4" and p.text.endswith(" and")]
    facts = [p.text for p in in_section(r, "Key facts")]
    assert facts[:2] == ["Key fact | Mossbridge", "Children aged 10 to 17 (2021 census) | 21,400"]
    assert "Head of Service | Gareth Pennock (appointed September 2020)" in facts


def test_a_letter_as_pdftotext_writes_it_keeps_its_paragraphs_apart():
    """`pdftotext` (default mode) writes a letter's printed lines with no blank line between
    paragraphs, and several where each page's running header and footer were (the tune54 set):
    a paragraph ends where its line ends well short, so the intro is four paragraphs, the
    closing prose is no area requiring improvement, the title is the title, and the address
    and the signature stay one block each (they had become headings: "43 Castle Street")."""
    r = parse_file(ROOT / "data" / "eval" / "tune54" / "reports" / "larkhaven_sqs_2015.txt")
    assert (r.meta.title, r.meta.area) == (
        "Short Quality Screening of youth offending work in Larkhaven",
        "Larkhaven",
    )
    assert [p.text[:40] for p in r.paragraphs if p.section == "Header"][2:] == [
        "Dear Ms Okafor,",
        "We recently completed a Short Quality Sc",
        "The SQS looks at the first six to nine m",
        "Larkhaven Youth Offending Service (YOS) ",
        "Overall, we found that work to reduce re",
    ]
    improve = [p.text for p in in_section(r, "Areas requiring improvement")]
    assert len(improve) == 6
    assert improve[-1] == (
        "Children and young people, and their parents or carers, should be involved in drawing "
        "up their plans."
    )
    assert [p.text[-32:] for p in in_section(r, "Closing")] == [
        "management board should monitor.",
        "ill be published on our website.",
        "amwell Assistant Chief Inspector",
    ]
    assert in_section(r, "Copy to")[0].text == (
        "Chief Executive, Larkhaven Borough Council: Deborah Kinsella"
    )
    assert {p.section for p in r.paragraphs} == {
        "Header",
        "Reducing reoffending",
        "Protecting the public",
        "Protecting the child",
        "Ensuring the sentence is served",
        "Key strengths",
        "Areas requiring improvement",
        "Closing",
        "Copy to",
    }


def test_a_table_s_first_row_holding_a_score_is_kept(tmp_path):
    """A Markdown ratings table whose first row (its header, as Markdown has one) names the
    service and its score ("Ashcombe Vale Youth Justice Service | Score 26/36", the fresh51
    set): a row of the table, and the report's overall score (the row had been dropped as
    naming the columns, and "what score out of 36 did we get?" could not be answered)."""
    f = tmp_path / "pellmoor_yjs_2024.md"
    f.write_text(
        "# An inspection of youth justice services in Pellmoor\n\n## Ratings\n\n"
        "| Pellmoor Youth Justice Service | Score 26/36 |\n|---|---|\n"
        "| Overall rating | Good |\n| 1.1 Governance and leadership | Good |\n",
        encoding="utf-8",
    )
    r = parse_file(f)
    assert [p.text for p in in_section(r, "Ratings")] == [
        "Pellmoor Youth Justice Service | Score 26/36",
        "Overall rating | Good",
        "1.1 Governance and leadership | Good",
    ]
    assert [(x.subject, x.value) for x in r.records if x.subject == "overall_score"] == [
        ("overall_score", "26/36")
    ]


@pytest.mark.parametrize("maker", ["word banner style", "html heading"])
def test_a_banner_giving_the_overall_score_is_a_line_not_a_heading(tmp_path, maker):
    """A banner over the ratings table that gives the grade and the score, set in a large bold
    style of its own (a designed Word file, fresh78) or as a heading (fresh77's PDF): a line
    of the ratings part and the report's overall score. As the heading of the table's rows it
    gave no score record, and "what did we score out of 36?" abstained."""
    banner = "Pellmoor Youth Justice Service: overall rating Good (score 24 out of 36)\u00b9"
    if maker == "word banner style":
        import docx
        from docx.enum.style import WD_STYLE_TYPE
        from docx.shared import Pt

        # (a designer's own styles, no Word heading style: the parts are told by their type)
        d = docx.Document()
        for name, size in (("PM Title", 22), ("PM Chapter", 16), ("PM Rating Banner", 13)):
            style = d.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.font.bold, style.font.size = True, Pt(size)
        d.add_paragraph("An inspection of youth justice services in Pellmoor", style="PM Title")
        d.add_paragraph("Ratings", style="PM Chapter")
        d.add_paragraph(banner, style="PM Rating Banner")
        table = d.add_table(rows=3, cols=2)
        for row, cells in zip(
            table.rows,
            [
                ("Standard", "Rating"),
                ("1.1 Governance and leadership", "Good"),
                ("1.2 Staff", "Outstanding"),
            ],
            strict=True,
        ):
            row.cells[0].text, row.cells[1].text = cells
        d.add_paragraph("Key facts", style="PM Chapter")
        d.add_paragraph("The YJS supervised 88 children.")
        f = tmp_path / "pellmoor_inspection_2022.docx"
        d.save(f)
    else:
        f = tmp_path / "pellmoor_inspection_2022.html"
        f.write_text(
            "<html><body><h1>An inspection of youth justice services in Pellmoor</h1>"
            f"<h2>Ratings</h2><h3>{banner}</h3>"
            "<table><tr><th>Standard</th><th>Rating</th></tr>"
            "<tr><td>1.1 Governance and leadership</td><td>Good</td></tr>"
            "<tr><td>1.2 Staff</td><td>Outstanding</td></tr></table>"
            "<h2>Key facts</h2><p>The YJS supervised 88 children.</p></body></html>",
            encoding="utf-8",
        )
    r = parse_file(f)
    # (an HTML table's `<th>` row names the columns of the rows under it: no row of its own)
    assert [p.text for p in in_section(r, "Ratings")] == [
        banner,
        *(["Standard | Rating"] if maker == "word banner style" else []),
        "1.1 Governance and leadership | Good",
        "1.2 Staff | Outstanding",
    ]
    assert [
        (x.subject, x.value, x.section, x.ordinal)
        for x in r.records
        if x.subject == "overall_score"
    ] == [("overall_score", "24 out of 36", "Ratings", 1)]


def test_a_word_inspection_as_docx2txt_writes_it(tmp_path):
    """A Word inspection as `docx2txt` extracts it (tune80): every block, table cell and list
    item a line between blank lines, list markers dropped. A table's cells, read one to a line
    after its head, are its rows (each cell had been a heading or a paragraph, and the grades
    were lost); the items under "The board should:" are items, not one run-on paragraph."""
    blocks = [
        "An inspection of youth justice services in Pellmoor",
        "Ratings",
        "Each standard is rated on a four-point scale.",
        "Standard",
        "Rating",
        "1.1 Governance and leadership",
        "Requires improvement",
        "1.2 Staff",
        "Good",
        "2.4 Reviewing",
        "Inadequate",
        "Key facts",
        "Measure",
        "Pellmoor",
        "Children supervised by the YJS",
        "131",
        "Proven reoffending rate[2]",
        "29.4% (England and Wales 32.6%)",
        "Head of service",
        "Tobias Quenby",
        "Recommendations",
        "We have made three recommendations.",
        "Pellmoor Youth Justice Service should:",
        "make sure that plans are reviewed whenever a child's circumstances change",
        "strengthen management oversight of reviewing",
        "The management board should:",
        "reduce the reliance on agency staff",
        "1. Introduction",
        "1.1 We inspected the YJS in February 2022.",
    ]
    f = tmp_path / "pellmoor_inspection_2022.txt"
    f.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    r = parse_file(f)
    assert [p.text for p in in_section(r, "Ratings")] == [
        "Each standard is rated on a four-point scale.",
        "Standard | Rating",
        "1.1 Governance and leadership | Requires improvement",
        "1.2 Staff | Good",
        "2.4 Reviewing | Inadequate",
    ]
    assert [p.text for p in in_section(r, "Key facts")] == [
        "Measure | Pellmoor",
        "Children supervised by the YJS | 131",
        "Proven reoffending rate[2] | 29.4% (England and Wales 32.6%)",
        "Head of service | Tobias Quenby",
    ]
    assert [(p.kind, p.text) for p in in_section(r, "Recommendations")] == [
        ("prose", "We have made three recommendations."),
        ("bullet", "make sure that plans are reviewed whenever a child's circumstances change"),
        ("bullet", "strengthen management oversight of reviewing"),
        ("bullet", "reduce the reliance on agency staff"),
    ]
    ratings = {x.subject: x.value for x in r.records if x.kind == "rating"}
    assert ratings["2.4 Reviewing"] == "Inadequate"
    facts = {x.subject: x.value for x in r.records if x.kind == "fact"}
    assert (facts["reoffending_rate"], facts["national_reoffending_rate"]) == ("29.4%", "32.6%")
    assert facts["service_manager"] == "Tobias Quenby"


def test_docx2txt_ratings_with_group_rows_and_key_facts_value_first(tmp_path):
    """`docx2txt` of a Word ratings table whose parts ("1. Organisational delivery") are rows
    of one cell, and of key facts set value over label with no head (fresh82, read). The part's
    title had put every row after it out of step ("Good | 1.2 Staff": a standard's number was
    taken for a figure), so 1.x and 3.x had no grades; each fact's label had become a heading
    over the next fact's value."""
    blocks = [
        "An inspection of youth justice services in Pellmoor",
        "Score",
        "24/39",
        "Overall rating",
        "Good",
        "1. Organisational delivery",
        "1.1 Governance and leadership",
        "Good",
        "1.2 Staff",
        "Requires improvement",
        "2. Court disposals",
        "2.1 Assessment",
        "Outstanding",
        "2.2 Planning",
        "Inadequate",
        "Ratings are awarded on a four-point scale.",
        "Key facts",
        "126",
        "Children supervised by Pellmoor YJS when the inspection was announced",
        "33.8%",
        "Proven reoffending rate for children in Pellmoor",
        "£2,846,000",
        "Total budget of the YJS from all partners, 2021/22",
        "Priyanka Lovell",
        "Head of Pellmoor Youth Justice Service",
        "Summary of findings",
        "Pellmoor YJS is a well-led service.",
    ]
    f = tmp_path / "pellmoor_inspection_2022.txt"
    f.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    r = parse_file(f)
    assert [p.text for p in in_section(r, "Score")] == [
        "24/39",
        "Overall rating | Good",
        "1. Organisational delivery",
        "1.1 Governance and leadership | Good",
        "1.2 Staff | Requires improvement",
        "2. Court disposals",
        "2.1 Assessment | Outstanding",
        "2.2 Planning | Inadequate",
        "Ratings are awarded on a four-point scale.",
    ]
    assert [p.text for p in in_section(r, "Key facts")] == [
        "Children supervised by Pellmoor YJS when the inspection was announced | 126",
        "Proven reoffending rate for children in Pellmoor | 33.8%",
        "Total budget of the YJS from all partners, 2021/22 | £2,846,000",
        "Head of Pellmoor Youth Justice Service | Priyanka Lovell",
    ]
    assert [p.text for p in in_section(r, "Summary of findings")] == [
        "Pellmoor YJS is a well-led service."
    ]
    ratings = {x.subject: x.value for x in r.records if x.kind == "rating"}
    assert ratings["1.1 Governance and leadership"] == "Good"
    assert ratings["1.2 Staff"] == "Requires improvement"
    assert ratings["2.2 Planning"] == "Inadequate"
    facts = {x.subject: x.value for x in r.records if x.kind == "fact"}
    assert facts["reoffending_rate"] == "33.8%"
    assert facts["service_manager"] == "Priyanka Lovell"


def test_a_web_table_s_first_row_naming_its_columns_is_no_item(tmp_path):
    """A Word table saved as HTML by LibreOffice sets its header row as a row like the rest
    ("Role | Name" over the copy list, the tune53 set): it names the columns, and was listed
    first among who got a copy (the top citation); the label above it heads the list."""
    f = tmp_path / "pellmoor_sqs_2016.html"
    f.write_text(
        "<h1>Short Quality Screening of youth offending work in Pellmoor</h1>"
        "<p>We looked at 22 cases.</p><p>Copy to:</p><table>"
        "<tr><td><p>Role</p></td><td><p>Name</p></td></tr>"
        "<tr><td><p>Chief Executive, Pellmoor Borough Council</p></td><td><p>Pauline Rudd</p></td></tr>"
        "<tr><td><p>Police and Crime Commissioner for Westmarch</p></td><td><p>Gordon Leys</p></td></tr>"
        "</table>",
        encoding="utf-8",
    )
    r = parse_file(f)
    assert [(p.kind, p.text) for p in in_section(r, "Copy to")] == [
        ("table_row", "Chief Executive, Pellmoor Borough Council | Pauline Rudd"),
        ("table_row", "Police and Crime Commissioner for Westmarch | Gordon Leys"),
    ]


def test_a_title_a_converter_split_over_heading_lines_is_one_title(tmp_path):
    """A PDF-to-Markdown converter sets each printed line of a large title as a heading of its
    own; the parts that end mid-phrase ("… work in") run on into the next: one title, which
    names the area."""
    f = tmp_path / "harlby_sqs_2016.md"
    f.write_text(
        "# Short Quality Screening of youth offending work in\n\n"
        "# Harlby: findings from fieldwork undertaken in\n\n# October 2016\n\n"
        "Between 17 and 19 October 2016 HMI Probation carried out a Short Quality Screening of "
        "youth offending work in Harlby.\n\n## Reducing reoffending\n\n"
        "1.1 Assessments were completed on time in all but two cases.\n"
    )
    meta = parse_file(f).meta
    assert meta.title == (
        "Short Quality Screening of youth offending work in Harlby: findings from fieldwork "
        "undertaken in October 2016"
    )
    assert (meta.area, meta.year) == ("Harlby", 2016)


def test_an_earlier_area_s_heading_with_its_progress_heads_its_paragraph(tmp_path):
    """A follow-up of the last inspection's areas sets each as a bold heading with its verdict
    after a dash ("MAPPA – improved"): the part is the area's, and the line is the verdict to
    cite."""
    f = tmp_path / "harlby_yjs_2023.md"
    f.write_text(
        "# An inspection of youth justice services in Harlby\n\n"
        "## Progress since the 2016 screening\n\n"
        "5.1 We looked at the progress made against each area.\n\n"
        "## MAPPA – improved\n\n5.2 Staff now understand the criteria.\n\n"
        "## Contingency planning – not improved\n\n5.3 Contingency plans remain generic.\n"
    )
    r = parse_file(f)
    assert [(p.section, p.kind, p.paragraph, p.text) for p in r.paragraphs[1:]] == [
        ("MAPPA", "rating", None, "MAPPA – improved"),
        ("MAPPA", "numbered", "5.2", "Staff now understand the criteria."),
        ("Contingency planning", "rating", None, "Contingency planning – not improved"),
        ("Contingency planning", "numbered", "5.3", "Contingency plans remain generic."),
    ]


@pytest.fixture(scope="module")
def imported():
    return parse_file(LAYOUTS / "marrowby_sqs_2017.docx")


class TestAPdfImportedIntoWordAsPlacedText:
    """A letter drawn as a PDF, opened in LibreOffice Writer and saved as Word
    (`marrowby_sqs_2017.docx`, made by `make_marrowby_sqs_2017.py`): every printed line is a
    text frame placed on its page, in one paragraph, and a line is cut into frames where its
    font changes. It is read as the PDF it was."""

    def test_paragraphs_are_whole_and_numbered_under_their_headings(self, imported):
        assert [(p.section, p.paragraph, p.kind) for p in imported.paragraphs] == [
            ("Header", None, "prose"),
            ("Header", None, "prose"),
            ("Reducing reoffending", "1.1", "numbered"),
            ("Reducing reoffending", "1.2", "numbered"),
            ("Protecting the public", "2.1", "numbered"),
            ("Areas requiring improvement", None, "bullet"),
            ("Areas requiring improvement", None, "bullet"),
        ]
        # (its number set a size smaller than its text: the paragraph's next line runs on)
        assert by_number(imported)["1.1"].text == (
            "Assessments of the factors linked to offending were sufficient in 14 of the 18 "
            "cases and were completed on time in all but two."
        )
        assert (imported.meta.title, imported.meta.area, imported.meta.year) == (
            "Short Quality Screening of youth offending work in Marrowby",
            "Marrowby",
            2017,
        )

    def test_a_line_cut_at_its_footnote_marker_is_one_line_and_the_note_is_kept(self, imported):
        p = by_number(imported)["1.2"]
        assert p.text == (
            "Case managers used the Asset framework¹ well, and plans named the work to be done "
            "with each child."
        )
        assert p.footnotes == ["¹ Asset is the assessment framework used by youth offending teams."]
        assert not any("Page 1 of 2" in x.text for x in imported.paragraphs)


def test_libreoffice_html_frames_and_title_style_are_read_as_a_reader_sees_them(tmp_path):
    """LibreOffice's HTML export sets a cover's text frames as `<span>`s of `<p>`s inside one
    `<p>`, and a Title-style paragraph as a `<p>` in 26pt: the frames are lines of their own
    (the area was read as "Wrendleby An"), and the large line titles the report ("Foreword", the
    first <h1>, was taken as its title)."""
    f = tmp_path / "wrendleby_yjs_2023.html"
    f.write_text(
        '<html><body lang="en-US"><p style="margin-bottom: 0in">'
        '<span id="Frame1" style="position: absolute; top: 0.97in"><p><b>HM Inspectorate of '
        "Probation</b></p></span>"
        '<span id="Frame2" style="position: absolute; top: 2.99in"><p><font style="font-size: '
        '30pt"><b>An inspection of youth</b></font><br/><font style="font-size: 30pt"><b>justice '
        'services in</b></font><br/><font style="font-size: 30pt"><b>Wrendleby</b></font></p>'
        "</span>"
        '<span id="Frame3"><p>An inspection by HM Inspectorate of Probation<br/>April 2023</p>'
        "</span><br/></p>"
        '<h1 class="western">Foreword</h1><p>We inspected Wrendleby in February 2023.</p>'
        "<p>&nbsp;</p></body></html>"
    )
    r = parse_file(f)
    assert (r.meta.title, r.meta.area, r.meta.year) == (
        "An inspection of youth justice services in Wrendleby",
        "Wrendleby",
        2023,
    )
    assert [(p.section, p.text) for p in r.paragraphs] == [
        ("Header", "HM Inspectorate of Probation"),
        ("Header", "An inspection by HM Inspectorate of Probation April 2023"),
        ("Foreword", "We inspected Wrendleby in February 2023."),
    ]
    titled = tmp_path / "fellingham_yjs_2023.html"
    titled.write_text(
        '<html><body><p style="margin-bottom: 0.21in"><font size="6" style="font-size: 26pt">'
        "An inspection of youth justice services in Fellingham</font></p>"
        '<p>HM Inspectorate of Probation, May 2023</p><h1 class="western">Foreword</h1>'
        "<p>We inspected Fellingham in February 2023.</p></body></html>"
    )
    r = parse_file(titled)
    assert (r.meta.title, r.meta.area) == (
        "An inspection of youth justice services in Fellingham",
        "Fellingham",
    )
    assert [(p.section, p.text) for p in r.paragraphs] == [
        ("Header", "HM Inspectorate of Probation, May 2023"),
        ("Foreword", "We inspected Fellingham in February 2023."),
    ]


def test_a_web_page_copied_from_a_browser_reads_its_lists_and_closing(tmp_path):
    """A letter's web page as a browser copies it (select all, copy, paste): a paragraph a line
    with a blank line after it; a heading, a list's item or an address line a line with none;
    no bullets. The site's menu and the address stay one block each; the title stands alone
    (the area was "Kettlewood Introduction"); each item is an item, and the prose after the
    list is the letter's closing, not an area for improvement."""
    long = "The YOS had strong links with education and an adviser saw every child. " * 4
    f = tmp_path / "brayford_sqs_2015.txt"
    f.write_text(
        "HM Inspectorate of Probation\nHome\nAbout us\nPublications\n"
        "Short Quality Screening of youth offending work in Brayford\nIntroduction\n\n"
        f"{long.strip()}\n\n"
        "Ms Carol Henshaw\nHead of Youth Offending Service\nRiverside House\nBrayford\nKW3 7PD\n\n"
        "Key strengths\n"
        "Assessments were timely and drew on a wide range of sources.\n"
        "Health screening by the YOS nurse took place early in the sentence.\n\n"
        "Areas requiring improvement\n"
        "All eligible cases should be referred to MAPPA.\n\n"
        "We discussed these findings with you at the end of the fieldwork. We are grateful "
        "for your help.\n\n"
    )
    r = parse_file(f)
    assert (r.meta.title, r.meta.area) == (
        "Short Quality Screening of youth offending work in Brayford",
        "Brayford",
    )
    assert [(p.section, p.kind, p.text[:40]) for p in r.paragraphs] == [
        ("Header", "prose", "HM Inspectorate of Probation Home About "),
        ("Introduction", "prose", long[:40]),
        ("Introduction", "prose", "Ms Carol Henshaw Head of Youth Offending"),
        ("Key strengths", "bullet", "Assessments were timely and drew on a wi"),
        ("Key strengths", "bullet", "Health screening by the YOS nurse took p"),
        ("Areas requiring improvement", "bullet", "All eligible cases should be referred to"),
        ("Closing", "prose", "We discussed these findings with you at "),
    ]


def test_a_tab_table_s_first_row_that_names_its_columns_is_its_header(tmp_path):
    """A table copied with tabs from a web page keeps its header row ("Role<tab>Name"): its
    cells, a word or two shorter than every cell below them, name the columns; they are no
    row of the copy list. A first row like the rest stays a row."""
    f = tmp_path / "pellmoor_sqs_2016.txt"
    rows = (
        "Chief Executive, Pellmoor Borough Council\tStephen Marlow\n"
        "Lead Member for Children's Services\tCouncillor Anita Baird\n"
        "Regional Director, Ofsted\tMargaret Stoll\n"
    )
    f.write_text(f"Short Quality Screening in Pellmoor\n\nCopy to\n\nRole\tName\n{rows}")
    r = parse_file(f)
    assert [p.text for p in in_section(r, "Copy to")] == [
        "Chief Executive, Pellmoor Borough Council | Stephen Marlow",
        "Lead Member for Children's Services | Councillor Anita Baird",
        "Regional Director, Ofsted | Margaret Stoll",
    ]
    f.write_text(f"Short Quality Screening in Pellmoor\n\nCopy to\n\n{rows}")
    assert len(in_section(parse_file(f), "Copy to")) == 3


class TestPdftotextLayoutText:
    """A letter as `pdftotext -layout` writes a PDF: wrapped to the page's width, a blank line
    between paragraphs, but the title and the headings set straight above the paragraph under
    them, list items whose wrapped lines hang in, and running headers, footers and form feeds
    (tune48's layout)."""

    TEXT = (
        "HM Inspectorate of Probation                        Short Quality Screening: Tarnby Youth"
        " Offending Service\n\n\n"
        "Ms Ann Pole                                                          HM Inspectorate of"
        " Probation\n"
        "Head of Youth Offending Service                                      1 Bridge Street West\n"
        "Tarnby Council                                                                 Manchester\n\n"
        " 2 November 2016\n\n"
        " Dear Ms Pole\n\n"
        " Short Quality Screening of youth offending work in Tarnby\n"
        " Introduction\n"
        " We recently carried out a Short Quality Screening (SQS) of youth offending work in"
        " Tarnby. The\n"
        " fieldwork took place from 19 to 21 September 2016. We would like to thank you and your"
        " staff for the\n"
        " help and cooperation we received.\n\n"
        " Areas requiring improvement\n"
        "   •   Assessments of risk of harm to others should take account of all relevant"
        " information, including\n"
        "       previous behaviour.\n"
        "   •   The Management Board should work with health commissioners to reduce waiting"
        " times for\n"
        "       CAMHS.\n"
        " We would be grateful if you could let us know, within 28 days of the date of this"
        " letter, how you intend\n"
        " to address these areas.\n\n"
        "                                                 Page 1 of 2\n\f"
    )

    def test_title_heading_items_and_closing_are_told_apart(self, tmp_path):
        path = tmp_path / "tarnby_sqs_2016.txt"
        path.write_text(self.TEXT, encoding="utf-8")
        r = parse_file(path, Settings())
        assert (r.meta.area, r.meta.year) == ("Tarnby", 2016)
        assert r.meta.title == "Short Quality Screening of youth offending work in Tarnby"
        got = [(p.section, p.kind, p.text) for p in r.paragraphs if p.section != "Header"]
        assert got == [
            (
                "Introduction",
                "prose",
                "We recently carried out a Short Quality Screening (SQS) of youth offending work"
                " in Tarnby. The fieldwork took place from 19 to 21 September 2016. We would like"
                " to thank you and your staff for the help and cooperation we received.",
            ),
            (
                "Areas requiring improvement",
                "bullet",
                "Assessments of risk of harm to others should take account of all relevant"
                " information, including previous behaviour.",
            ),
            (
                "Areas requiring improvement",
                "bullet",
                "The Management Board should work with health commissioners to reduce waiting"
                " times for CAMHS.",
            ),
            (
                "Closing",
                "prose",
                "We would be grateful if you could let us know, within 28 days of the date of this"
                " letter, how you intend to address these areas.",
            ),
        ]


class TestHeadingInItsParagraphsBlock:
    """A PDF whose writer puts a heading and the paragraph under it in one text block
    (LibreOffice's export of a Word letter: tune49's layout), the part's number set at a tab
    stop before its title. Built with pymupdf's TextWriter, which groups lines the same way."""

    def _pdf(self, path: Path) -> Path:
        import pymupdf

        doc = pymupdf.open()
        page = doc.new_page()
        tw = pymupdf.TextWriter(page.rect)
        bold, plain = pymupdf.Font("hebo"), pymupdf.Font("helv")
        lines = [
            (72, 80, "Short Quality Screening of youth offending work in Tarnby", bold, 14),
            (72, 120, "Introduction", bold, 13),
            (72, 136, "We looked at 17 cases of children who had received a community", plain, 11),
            (72, 149, "sentence in the months before our visit to Tarnby in May 2016.", plain, 11),
            (72, 190, "1.", bold, 13),
            (110, 190, "Reducing reoffending", bold, 13),
            (72, 206, "1.1", plain, 11),
            (110, 206, "Assessments were completed on time in 15 of the 17 cases.", plain, 11),
        ]
        for x, y, text, font, size in lines:
            tw.append((x, y), text, font=font, fontsize=size)
        tw.write_text(page)
        doc.save(path)
        return path

    def test_the_heading_heads_its_paragraph(self, tmp_path):
        r = parse_file(self._pdf(tmp_path / "tarnby_sqs_2016.pdf"), Settings())
        assert r.meta.title == "Short Quality Screening of youth offending work in Tarnby"
        got = [(p.section, p.paragraph, p.text) for p in r.paragraphs]
        assert got == [
            (
                "Introduction",
                None,
                "We looked at 17 cases of children who had received a community sentence in the"
                " months before our visit to Tarnby in May 2016.",
            ),
            (
                "Reducing reoffending",
                "1.1",
                "Assessments were completed on time in 15 of the 17 cases.",
            ),
        ]


def test_a_pandoc_list_item_ends_where_the_next_opens_with_its_marker(tmp_path):
    """pandoc's Markdown sets each item as "-   " with its wrapped lines indented; an item that
    ends mid-sentence ("… where gaps are found") is followed by the next item, not by a dash
    run on into it (tune49's layout)."""
    path = tmp_path / "tarnby_yjs_2023.md"
    path.write_text(
        "# Inspection of youth justice services in Tarnby\n\n"
        "## Recommendations\n\n"
        "-   make sure that management oversight of cases is recorded and\n"
        "    leads to action where gaps are found\n"
        "-   make sure that plans are reviewed promptly after a significant\n"
        "    change in a child's circumstances\n",
        encoding="utf-8",
    )
    r = parse_file(path, Settings())
    got = [(p.section, p.kind, p.text) for p in r.paragraphs]
    assert got == [
        (
            "Recommendations",
            "bullet",
            "make sure that management oversight of cases is recorded and leads to action where"
            " gaps are found",
        ),
        (
            "Recommendations",
            "bullet",
            "make sure that plans are reviewed promptly after a significant change in a child's"
            " circumstances",
        ),
    ]


def test_a_figure_at_the_top_of_the_next_column_runs_on(tmp_path):
    """A sentence left in a small word at a column's foot ("…lower than the rate of") and
    ended at the next column's top ("32.2 per cent for …"): the figure reads like a paragraph
    number, but lower case follows it, as no numbered paragraph's text opens. (tune50's
    two-column PDF had the rate's sentence cut in two; a question on the national rate cited
    the half without it.)"""
    path = tmp_path / "pellbrook_yjs_2023.txt"
    path.write_text(
        "Inspection of youth justice services in Pellbrook\n\n"
        "Background\n\n"
        "On 1 May 2023 the service was supervising 58 children. The reoffending rate for "
        "Pellbrook was 29.4 per cent, lower than the rate of\n\n"
        "32.2 per cent for England and Wales.\n\n"
        "2.1 Assessment\n\n"
        "2.1.1 Assessments were thorough in 14 of the 16 cases.\n\n"
        "Recommendations\n\n"
        "4. replace the case system and make sure managers can report from it\n\n"
        "5. obtain assurance from the health board\n",
        encoding="utf-8",
    )
    r = parse_file(path)
    # a list's item numbered "5." may open in lower case after one ended without a stop
    assert [p.text for p in r.paragraphs if p.section == "Recommendations"] == [
        "replace the case system and make sure managers can report from it",
        "obtain assurance from the health board",
    ]
    assert [p.text for p in r.paragraphs if p.section == "Background"] == [
        "On 1 May 2023 the service was supervising 58 children. The reoffending rate for "
        "Pellbrook was 29.4 per cent, lower than the rate of 32.2 per cent for England and Wales."
    ]
    assert by_number(r)["2.1.1"].text == "Assessments were thorough in 14 of the 16 cases."


def test_a_bold_copy_to_under_a_sign_off_joined_with_its_signer_heads_the_copy_list(tmp_path):
    """A PDF letter whose sign-off, name and title come out as one line ("Yours sincerely
    Jocelyn Mayhew Assistant Chief Inspector"), then "Copy to" in bold over the officials:
    the label is no name signed under the sign-off (tune51's copy list was read as the
    closing prose's paragraphs, and "Who was the letter copied to?" was not answered)."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    y = 70.0
    for text, font, gap in (  # gap: space below the line (a small one keeps lines a block)
        ("Short Quality Screening of youth offending work in Quillby", "hebo", 12),
        ("Key strengths", "hebo", 12),
        ("• Case managers knew the children well.", "helv", 12),
        ("We are grateful for the help of staff and partners.", "helv", 12),
        ("Yours sincerely", "helv", 0),
        ("Jocelyn Mayhew", "helv", 0),
        ("Assistant Chief Inspector", "helv", 12),
        ("Copy to", "hebo", 3),
        ("Chief Executive, Quillby Borough Council: Peter Halloran", "helv", 3),
        ("Director of Children's Services: Graham Tilsley", "helv", 0),
    ):
        page.insert_text((56, y), text, fontname=font, fontsize=11)
        y += 11 * 1.25 + gap
    path = tmp_path / "quillby_sqs_2016.pdf"
    doc.save(path)
    paras = [(p.section, p.text) for p in parse_file(path).paragraphs]
    assert paras[-2:] == [
        ("Copy to", "Chief Executive, Quillby Borough Council: Peter Halloran"),
        ("Copy to", "Director of Children's Services: Graham Tilsley"),
    ]
    assert ("Closing", "Copy to") not in paras


def test_a_salutation_opens_a_block_of_its_own_in_a_typeset_letter(tmp_path):
    """A PDF letter set line after line with no space between its header and its salutation:
    the field wrapped above "Dear Ms Vossel," ended there (the salutation had run on into the
    chair's field), and the letter's first line is not the salutation's."""
    import pymupdf

    path = tmp_path / "pellmoor_sqs_2015.pdf"
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    lines = [
        "Cases inspected: 18 (14 community sentences, 4 custodial sentences)",
        "Chair of the YOS Management Board: Desmond Aylward, Assistant Director, Children's",
        "Social Care",
        "Dear Ms Vossel,",
        "We recently carried out a Short Quality Screening (SQS) of youth offending work in",
        "Pellmoor. The screening took place over three days and looked at eighteen cases.",
        "",
        "Reducing reoffending",
        "1.1 An initial assessment had been completed in all 18 cases.",
    ]
    y = 72
    for text in lines:
        if text:
            page.insert_text((60, y), text, fontname="tiro", fontsize=11)
        y += 14
    doc.save(path)
    texts = [p.text for p in parse_file(path).paragraphs]
    assert "Dear Ms Vossel," in texts
    assert (
        "Chair of the YOS Management Board: Desmond Aylward, Assistant Director, Children's "
        "Social Care"
    ) in texts
    assert any(t.startswith("We recently carried out") for t in texts)


def test_a_word_letter_in_one_table_with_merged_part_titles_reads_as_its_parts(tmp_path):
    """A letter whose body is one borderless table (the paragraph's number in the left cell,
    its text in the right) with each part's title in a row merged across both cells: the
    numbered paragraphs under their parts. A short heading over the front block ("Inspection
    details") is no title: the heading naming the report's kind is, and heads no part."""
    import docx

    d = docx.Document()
    d.add_heading("Inspection details", 1)
    d.add_paragraph("Cases inspected: 27 (21 community sentences, 6 custodial sentences)")
    d.add_paragraph("Dear Ms Ashdown,")
    d.add_heading("Short Quality Screening of youth offending work in Fallowmoor", 2)
    d.add_paragraph(
        "We recently carried out a Short Quality Screening of youth offending work in "
        "Fallowmoor, looking at the cases of 27 children."
    )
    rows = [
        ("1. Reducing reoffending", None),
        ("1.1", "An assessment had been completed within the required timescale in 25 cases."),
        ("1.2", "Intervention plans were in place in all but one case, but many were generic."),
        ("2. Protecting the public", None),
        ("2.1", "A Risk of Serious Harm screening had been completed in every case we read."),
    ]
    t = d.add_table(rows=len(rows), cols=2)
    for i, (left, right) in enumerate(rows):
        if right is None:
            t.cell(i, 0).merge(t.cell(i, 1)).text = left
        else:
            t.cell(i, 0).text, t.cell(i, 1).text = left, right
    d.add_heading("Key strengths", 2)
    d.add_paragraph("Case managers knew the children well.", style="List Bullet")
    d.save(tmp_path / "fallowmoor_sqs_2016.docx")
    r = parse_file(tmp_path / "fallowmoor_sqs_2016.docx", Settings())
    assert r.meta.title == "Short Quality Screening of youth offending work in Fallowmoor"
    assert [(p.section, p.paragraph, p.kind, p.text) for p in r.paragraphs][:2] == [
        ("Header", None, "prose", "Inspection details"),
        (
            "Header",
            None,
            "field",
            "Cases inspected: 27 (21 community sentences, 6 custodial sentences)",
        ),
    ]
    assert [(p.section, p.paragraph, p.kind) for p in r.paragraphs][2:] == [
        ("Header", None, "prose"),
        ("Header", None, "prose"),
        ("Reducing reoffending", "1.1", "numbered"),
        ("Reducing reoffending", "1.2", "numbered"),
        ("Protecting the public", "2.1", "numbered"),
        ("Key strengths", None, "bullet"),
    ]
    assert by_number(r)["2.1"].text == (
        "A Risk of Serious Harm screening had been completed in every case we read."
    )


def test_the_site_s_name_printed_among_a_table_s_rows_heads_no_part(tmp_path):
    """A web page printed to PDF by a browser sets the site's header ("HM Inspectorate of
    Probation" over its menu) where the page broke, among the ratings' rows: the rows after
    it are still the ratings."""
    path = tmp_path / "brindle_yjs_2023.md"
    path.write_text(
        "# Inspection of youth justice services in Brindle\n\n## Ratings\n\n"
        "| Standard | Rating |\n| --- | --- |\n| 1.1 Governance and leadership | Good |\n\n"
        "## HM Inspectorate of Probation\n\n"
        "| Standard | Rating |\n| --- | --- |\n| 1.2 Staff | Outstanding |\n\n"
        "## Foreword\n\nBrindle YJS was rated Good overall.\n",
        encoding="utf-8",
    )
    r = parse_file(path, Settings())
    assert [(p.section, p.text) for p in r.paragraphs if p.kind == "table_row"][-1] == (
        "Ratings",
        "1.2 Staff | Outstanding",
    )
    assert ("Header", "HM Inspectorate of Probation") in [(p.section, p.text) for p in r.paragraphs]


@pytest.mark.parametrize(
    "summary",
    [
        # the summary's own style sets it bold (tune56's page)
        '<summary style="font-size:20px;font-weight:bold">Progress since the 2018 screening</summary>',
        # a bold span inside it (fresh58's page)
        '<summary><span style="font-weight:bold">Progress since the 2018 screening</span></summary>',
        # no style at all: a browser shows it as the label of what it folds
        "<summary>Progress since the 2018 screening</summary>",
    ],
)
def test_html_details_summary_heads_the_part_it_folds(tmp_path, summary):
    """A SharePoint page folds a part in <details>, its heading the <summary>: the heading was
    lost (its paragraphs filed under the standard before), so "how far have we moved on since
    2018?" found no part on progress. Loose text in the <details> is read too."""
    f = tmp_path / "pellmoor_yjs_2024.html"
    f.write_text(
        "<html><body><div>"
        '<div style="font-size:16pt;font-weight:bold">4. Resettlement</div>'
        "<div>4.1 The resettlement policy was last revised in 2019 and is out of date.</div>"
        f"<details open>{summary}"
        "<div>5.1 Our letter set out six areas requiring improvement.</div>"
        "<ul><li>Risk management planning – not improved.</li></ul>"
        "Four of the six areas have improved."
        "</details></div></body></html>",
        encoding="utf-8",
    )
    got = [(p.section, p.paragraph, p.text) for p in parse_file(f).paragraphs]
    assert got[-3:] == [
        (
            "Progress since the 2018 screening",
            "5.1",
            "Our letter set out six areas requiring improvement.",
        ),
        ("Progress since the 2018 screening", None, "Risk management planning – not improved."),
        ("Progress since the 2018 screening", None, "Four of the six areas have improved."),
    ]
    assert "Progress since the 2018 screening" not in [p.text for p in parse_file(f).paragraphs]


class TestScannedLetter:
    """A letter printed, signed, scanned and OCR'd (tune61's layout): every line of its text
    layer in one font, sized by the line's height, so only its title stands out; section
    headings in body type; the letterhead's address just inside the top edge of every page; a
    paragraph number read "l.2"; a speck read as a bar on a line of its own. Built with
    pymupdf, its text invisible (render mode 3) as an OCR layer's is."""

    ADDRESS = "Grafton House, 14 Tenter Street, Manchester M1 4HT"

    def _pdf(self, path: Path) -> Path:
        import pymupdf

        doc = pymupdf.open()

        def page_with_letterhead():
            page = doc.new_page()  # A4-ish: 595 x 842
            page.insert_text((56, 45), "HM Inspectorate of Probation", fontsize=17, render_mode=3)
            page.insert_text((56, 70), self.ADDRESS, fontsize=7.8, render_mode=3)
            page.insert_text((260, 830), f"Page {doc.page_count} of 2", fontsize=8, render_mode=3)
            return page

        page = page_with_letterhead()
        lines = [
            (56, 120, "Short Quality Screening of youth offending work in Tarnby", 11.8),
            (56, 160, "Dear Ms Garside", 9.9),
            (56, 200, "1 Reducing reoffending", 10.1),
            (56, 230, "1.1", 9.8),
            (90, 230, "Assessments were completed on time in 15 of the 17 cases we saw.", 9.8),
            (56, 260, "l.2", 9.7),
            (90, 260, "Plans were in place in every case and were shared with parents", 9.8),
            (90, 273, "and carers, who had helped to write them in most of the cases.", 9.9),
        ]
        for x, y, text, size in lines:
            page.insert_text((x, y), text, fontsize=size, render_mode=3)
        page = page_with_letterhead()
        for x, y, text, size in [
            (56, 110, "|", 9.8),
            (56, 140, "Key strengths", 10.0),
            (56, 170, "• Case managers knew their young people well.", 9.8),
            (56, 200, "• Links with children's social care were strong.", 9.9),
        ]:
            page.insert_text((x, y), text, fontsize=size, render_mode=3)
        doc.save(path)
        return path

    def test_its_parts_are_headed_its_numbers_read_and_its_letterhead_dropped(self, tmp_path):
        r = parse_file(self._pdf(tmp_path / "tarnby_sqs_2016.pdf"), Settings())
        got = [(p.section, p.paragraph, p.kind, p.text) for p in r.paragraphs]
        assert got[-4:] == [
            (
                "Reducing reoffending",
                "1.1",
                "numbered",
                "Assessments were completed on time in 15 of the 17 cases we saw.",
            ),
            (
                "Reducing reoffending",
                "1.2",
                "numbered",
                "Plans were in place in every case and were shared with parents and carers, who "
                "had helped to write them in most of the cases.",
            ),
            ("Key strengths", None, "bullet", "Case managers knew their young people well."),
            ("Key strengths", None, "bullet", "Links with children's social care were strong."),
        ]
        assert not any(self.ADDRESS in p.text or "|" in p.text for p in r.paragraphs)


def test_a_notion_markdown_export_reads_as_a_reader_sees_it(tmp_path):
    """Notion's "Export > Markdown" (tune62's layout): a callout as an `<aside>` block closed on
    a line of its own, strengths as a checklist, the signature an image, and "1.2" typed at a
    line's start made an item numbered 1 ("1. 2 Plans …", and after a list's restart)."""
    path = tmp_path / "tarnby_sqs_2016.md"
    path.write_text(
        "# Short Quality Screening of youth offending work in Tarnby\n\n"
        "Status: Published\n\n"
        "<aside>\n💡 The findings are not [ratings](https://www.notion.so/Ratings-7c1e).\n\n"
        "</aside>\n\n"
        "## 1 Reducing reoffending\n\n"
        "**1.1** Assessments were completed on time in 15 of the 17 cases.\n\n"
        "1. 2 Plans were in place in every case.\n"
        "2. 3 Interventions were well chosen.\n\n"
        "## Key strengths\n\n"
        "- [x] Strong links with children's social care\n"
        "- [ ] Timely first appointments\n\n"
        "Yours sincerely\n\n"
        "![signature](Untitled.png)\n\n"
        "Andrew Pellow\n",
        encoding="utf-8",
    )
    r = parse_file(path, Settings())
    got = [(p.section, p.paragraph, p.text) for p in r.paragraphs]
    assert ("Header", None, "💡 The findings are not ratings.") in got
    assert [g for g in got if g[0] != "Header"] == [
        (
            "Reducing reoffending",
            "1.1",
            "Assessments were completed on time in 15 of the 17 cases.",
        ),
        ("Reducing reoffending", "1.2", "Plans were in place in every case."),
        ("Reducing reoffending", "1.3", "Interventions were well chosen."),
        ("Key strengths", None, "Strong links with children's social care"),
        ("Key strengths", None, "Timely first appointments"),
        ("Closing", None, "Yours sincerely"),
        ("Closing", None, "Andrew Pellow"),
    ]
    assert not any("aside" in t or "!" in t or "[" in t for _, _, t in got)


def test_a_chart_s_figure_set_large_heads_nothing(tmp_path):
    """A bar chart's label in large bold type ("93%", tune61's chart) is no heading: the text
    after it stays in the part the chart is in."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page()
    for y, text, font, size in [
        (80, "Inspection of youth justice services in Tarnby", "hebo", 16),
        (130, "Court disposals", "hebo", 14),
        (160, "We inspected 31 cases that had received a court disposal this year.", "helv", 10),
        (200, "93%", "hebo", 14),
        (230, "Reviewing was sufficient in 18 of the 31 cases we inspected.", "helv", 10),
    ]:
        page.insert_text((56, y), text, fontname=font, fontsize=size)
    doc.save(tmp_path / "tarnby_yjs_2020.pdf")
    r = parse_file(tmp_path / "tarnby_yjs_2020.pdf", Settings())
    assert [(p.section, p.text) for p in r.paragraphs][-1] == (
        "Court disposals",
        "Reviewing was sufficient in 18 of the 31 cases we inspected.",
    )


# --- Word's exports: "Save as Plain Text" and "Save as PDF" ------------------------------------

_WORD_TEXT_LETTER = (
    "OFFICIAL\r\n"
    "HM Inspectorate of Probation\r\n"
    "2nd Floor, Exchange Court, 14 Quay Street, Manchester M3 3XY\r\n"
    "\r\n"
    "SHORT QUALITY SCREENING OF YOUTH OFFENDING WORK IN DUNSWICK\r\n"
    "\r\n"
    "To:\tHarriet Lomond\tDate:\t14 July 2016\r\n"
    "Fieldwork dates:\t20\u201323 June 2016\tCases inspected:\t36 (29 community, 7 custody)\r\n"
    "Case managers interviewed:\t14\tOur ref:\t\r\n"
    "\r\n"
    "Dear Ms Lomond,\r\n"
    "\r\n"
    "1. Reducing reoffending\r\n"
    "1.1\tAn assessment of the likelihood of reoffending had been completed in every case, and 31"
    " were completed on time. In 27 of the 36 cases the assessment was of sufficient quality, and"
    " the better assessments drew on information from schools and children\u2019s social care.\r\n"
    "We examined 36 cases held at the service\u2019s two bases, at Harlowe Street in Dunswick and"
    " Mill Lane in Brackenby. Wherever possible we interviewed the case manager, and in total 14"
    " case managers were interviewed.\r\n"
    "\fOFFICIAL\r\n"
    "HM Inspectorate of Probation\r\n"
    "2nd Floor, Exchange Court, 14 Quay Street, Manchester M3 3XY\r\n"
    "\r\n"
    "Areas requiring improvement\r\n"
    "\u2022\tRisk management plans should include clear contingency arrangements.\r\n"
    "\u2022\tIntervention plans should:\r\n"
    "o\tcontain specific, measurable targets\r\n"
    "o\tbe reviewed when circumstances change.\r\n"
    "\u2022\tReparation opportunities should be extended, including at weekends.\r\n"
    "\r\n"
    "\fOFFICIAL\r\n"
    "HM Inspectorate of Probation\r\n"
    "2nd Floor, Exchange Court, 14 Quay Street, Manchester M3 3XY\r\n"
    "\r\n"
    "Yours sincerely\r\n"
    "Gillian Marsh\r\n"
)


class TestWordPlainText:
    """A letter as Word's "Save as Plain Text" writes it: CRLF, a paragraph to a line, the
    header table's cells split by tabs, a form feed at each page break with the page header's
    text ("OFFICIAL", the letterhead) written again after it, a list nested under an item."""

    @pytest.fixture
    def letter(self, tmp_path):
        path = tmp_path / "dunswick_sqs_2016.txt"
        path.write_bytes(_WORD_TEXT_LETTER.encode("utf-8"))
        return parse_file(path)

    def test_the_page_header_repeated_after_each_form_feed_is_no_text(self, letter):
        texts = [p.text for p in letter.paragraphs]
        assert "OFFICIAL" not in {p.section for p in letter.paragraphs}
        assert not [t for t in texts if "Quay Street" in t or t == "OFFICIAL"]

    def test_a_header_row_of_two_fields_is_two_fields(self, letter):
        assert [p.text for p in letter.paragraphs if p.kind == "field"] == [
            "To: Harriet Lomond",
            "Date: 14 July 2016",
            "Fieldwork dates: 20\u201323 June 2016",
            "Cases inspected: 36 (29 community, 7 custody)",
            "Case managers interviewed: 14",
        ]
        assert (letter.meta.fieldwork_start, letter.meta.fieldwork_end) == (
            "2016-06-20",
            "2016-06-23",
        )

    def test_a_line_too_long_for_any_page_that_ends_a_sentence_ends_its_paragraph(self, letter):
        numbered = by_number(letter)["1.1"]
        assert numbered.text.endswith("children\u2019s social care.")
        assert [p.text[:20] for p in in_section(letter, "Reducing reoffending", "prose")] == [
            "We examined 36 cases"
        ]

    def test_a_list_under_an_item_with_another_bullet_is_the_item_s_words(self, letter):
        assert [p.text for p in in_section(letter, "Areas requiring improvement")] == [
            "Risk management plans should include clear contingency arrangements.",
            "Intervention plans should: contain specific, measurable targets be reviewed when"
            " circumstances change.",
            "Reparation opportunities should be extended, including at weekends.",
        ]


def _word_pdf(path: Path) -> Path:
    """A report as Word's "Save as PDF" writes it: a contents page whose dot leaders run a page
    wide, and recommendations numbered by a list, each number set apart from its item's text
    at a hanging indent."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((56, 60), "Contents", fontname="hebo", fontsize=14)
    for i, (title, n) in enumerate((("Foreword", 2), ("Recommendations", 2), ("Key facts", 2))):
        page.insert_text((56, 90 + 16 * i), f"{title} {'.' * 90} {n}", fontsize=10)
    page = doc.new_page()
    y = 60

    def put(text, x=56, font="helv", size=10, step=16):
        nonlocal y
        page.insert_text((x, y), text, fontname=font, fontsize=size)
        y += step

    put("Foreword", font="hebo", size=14, step=24)
    for sentence in (
        "We have inspected and rated the service across three broad areas.",
        "Work with children subject to out-of-court disposals is a real strength.",
        "Planning too often did not set out how the risk of harm would be managed.",
    ):
        put(sentence, step=24)
    put("Recommendations", font="hebo", size=14, step=24)
    put("We have made three recommendations.", step=20)
    items = (
        "make sure that plans set out contingency arrangements",
        "review plans whenever a child's circumstances change",
        "update the resettlement policy",
    )
    for i, item in enumerate(items, start=1):
        page.insert_text((56, y), str(i), fontsize=10)
        put(item, x=80, step=20)
    y += 20
    put("Key facts", font="hebo", size=14, step=24)
    put("The service supervised 94 children in the year to 31 March 2023.")
    doc.save(path)
    return path


def test_word_s_pdf_contents_and_list_numbers(tmp_path):
    r = parse_file(_word_pdf(tmp_path / "dunswick_yjs_2023.pdf"))
    texts = [p.text for p in r.paragraphs]
    assert not [t for t in texts if "....." in t]  # the contents page is no text
    assert "Contents" not in {p.section for p in r.paragraphs}
    assert [(p.paragraph, p.kind, p.text) for p in in_section(r, "Recommendations")] == [
        (None, "prose", "We have made three recommendations."),
        ("1", "numbered", "make sure that plans set out contingency arrangements"),
        ("2", "numbered", "review plans whenever a child's circumstances change"),
        ("3", "numbered", "update the resettlement policy"),
    ]


def test_a_word_broken_at_a_soft_hyphen_is_one_word(tmp_path):
    """A soft hyphen ends a line where a word processor broke the word there (a PDF's text
    keeps it): the halves are one word, and a soft hyphen inside a line is nothing."""
    path = tmp_path / "dunswick_sqs_2016.txt"
    path.write_text(
        "Dunswick SQS\n\nIntroduction\n\nWe have in\u00ad\nspected the service and rated it"
        " across three broad areas, with a\u00adcare.\n"
    )
    assert [p.text for p in parse_file(path).paragraphs][-1] == (
        "We have inspected the service and rated it across three broad areas, with acare."
    )


def test_html_details_summary_heads_a_chapter_of_a_page_headed_by_h_tags(tmp_path):
    """A saved Wayback Machine capture folds each chapter in <details>, the chapter's number
    and title its <summary>, on a page whose other parts have h-tags (tune66's layout): the
    summary was read as a line of text, and the chapter's paragraphs filed under the closing
    part of the list before it."""
    f = tmp_path / "quillmere_yjs_2021.html"
    f.write_text(
        "<html><body><h2>Recommendations</h2><ol><li>review cases promptly</li></ol>"
        '<details><summary><span class="chapter-number">2.</span> Court disposals</summary>'
        "<div><p>2.1 We inspected 17 cases where children had received a court disposal.</p>"
        "<h3>Standard 2.1: Assessment</h3><p>2.2 Assessment was good.</p></div></details>"
        "</body></html>",
        encoding="utf-8",
    )
    got = [(p.section, p.paragraph, p.text) for p in parse_file(f).paragraphs]
    assert got[-2:] == [
        (
            "Court disposals",
            "2.1",
            "We inspected 17 cases where children had received a court disposal.",
        ),
        ("Standard 2.1: Assessment", "2.2", "Assessment was good."),
    ]


def _designed_pdf(path: Path) -> Path:
    """A page as a layout program (InDesign) exports a designed report (tune65's layout): a
    drop cap opening the foreword, a chapter heading set letter-spaced, a justified line set a
    word at a time (each word ending with its space), and "Areas for improvement" in bold body
    type after the strengths' bullets, under their heading. Each was misread: "Foreword T" a
    heading over "his inspection", the heading a line of letters, the line a table row of
    single words, the areas for improvement a closing part of the report."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((80, 40), "Inspection of youth justice services in Quillmere", fontsize=24)
    page.insert_text((80, 56), "Published: November 2023", fontsize=10)
    page.insert_text((80, 100), "Foreword", fontname="hebo", fontsize=20)
    page.insert_text((80, 150), "T", fontname="helv", fontsize=46)
    page.insert_text((117, 134), "his inspection is part of our programme.", fontsize=10)
    page.insert_text((117, 148), "We rated the service as Good.", fontsize=10)
    page.insert_text((61, 200), "C O U R T   D I S P O S A L S", fontname="hebo", fontsize=22)
    page.insert_text((57, 240), "3.1", fontsize=8)
    page.insert_text((81, 240), "Services for children who misuse", fontsize=10)
    x = 81.0
    for word in ("substances ", "are ", "good, ", "and ", "a ", "seconded"):
        page.insert_text((x, 253), word, fontsize=10)
        x += pymupdf.get_text_length(word, fontsize=10) + 4.5
    page.insert_text((81, 266), "probation officer.", fontsize=10)
    page.insert_text((57, 300), "Strengths", fontname="hebo", fontsize=12)
    page.insert_text((57, 314), "• Substance misuse support is timely.", fontsize=10)
    page.insert_text((57, 336), "Areas for improvement", fontname="hebo", fontsize=10)
    page.insert_text((57, 350), "• Waiting times are too long.", fontsize=10)
    doc.save(path)
    return path


def test_a_designed_pdf_reads_its_drop_cap_spaced_heading_and_word_set_lines(tmp_path):
    r = parse_file(_designed_pdf(tmp_path / "quillmere_yjs_2023.pdf"))
    got = [(p.section, p.paragraph, p.kind, p.text) for p in r.paragraphs]
    assert got == [
        ("Header", None, "field", "Published: November 2023"),
        (
            "Foreword",
            None,
            "prose",
            "This inspection is part of our programme. We rated the service as Good.",
        ),
        (
            "COURT DISPOSALS",
            "3.1",
            "numbered",
            "Services for children who misuse substances are good, and a seconded probation "
            "officer.",
        ),
        ("Strengths", None, "bullet", "Substance misuse support is timely."),
        ("Areas for improvement", None, "bullet", "Waiting times are too long."),
    ]


def test_two_columns_under_a_header_across_them_with_numbers_hanging_in_each(tmp_path):
    """tune68's inspection (`pdftotext -layout` of a two-column PDF): the running header is
    centred across the gutter and a footnote runs under both columns, so no position was free
    on every line and the page was read across (two half-sentences a line, 0.29 top citation);
    and the right column's paragraph numbers hang ("2.2   Four new …"), so the last free
    position was the gap after them. The gutter is the first run of positions free on all but
    a few lines; the right column's first line, set in under the left column's last paragraph
    that stopped mid-sentence, goes on with it."""
    left = [
        "1.1   Brackwater is a largely rural borough",
        "      with two market towns and a population",
        "      of about 205,000 people.",
        "",
        "1.2   The Youth Justice Service sits within",
        "      the Children and Families directorate",
        "      of the council. It moved to Fenwick",
        "      House in 2019.",
        "",
        "2.1   The board has a clear vision, which",
        "      staff understand and share, and its",
        "      plan for 2019/20 was agreed, as it",
    ]
    right = [
        "      was in 2018.",
        "",
        "2.2   Four new members joined the board in",
        "      2019. Attendance by education and",
        "      health representatives is inconsistent.",
        "",
        "2.3   The Head of Service has introduced a",
        "      quality assurance framework, which",
        "      managers and staff value. They said",
        "      that the monthly audit of cases helps",
        "      them see what good work looks like.",
    ]
    page = "\n".join(
        [
            " " * 21 + "An inspection of youth justice services in Brackwater",
            "",
            *_side_by_side(left, right, gutter=50),
            "",
            "3 Office for National Statistics, mid-2018 population estimates of the borough.",
            " " * 46 + "6",
        ]
    )
    facts = "\n".join(
        [
            " " * 21 + "An inspection of youth justice services in Brackwater",
            "",
            "KEY FACTS",
            "",
            "168         Children supervised by the YJS in the year to 30 September 2019",
            "",
            "£2.31m      Total budget for the YJS from all agencies, 2019/20",
            "",
            "46          Staff employed by the YJS, equal to 38.4 full-time posts",
            "",
            " " * 46 + "5",
        ]
    )
    path = tmp_path / "brackwater_yjs_2020.txt"
    # (a third page, so that the running header repeats as one does)
    path.write_text(
        f"{facts}\f{page}\f{page.replace(' 6', ' 7').replace('the borough', 'its towns')}\n",
        encoding="utf-8",
    )
    r = parse_file(path)
    got = [(p.kind, p.paragraph, p.text) for p in r.paragraphs if p.page == 2]
    assert got == [
        ("numbered", "1.1", "Brackwater is a largely rural borough with two market towns and a population of about 205,000 people."),
        ("numbered", "1.2", "The Youth Justice Service sits within the Children and Families directorate of the council. It moved to Fenwick House in 2019."),
        ("numbered", "2.1", "The board has a clear vision, which staff understand and share, and its plan for 2019/20 was agreed, as it was in 2018."),
        ("numbered", "2.2", "Four new members joined the board in 2019. Attendance by education and health representatives is inconsistent."),
        ("numbered", "2.3", "The Head of Service has introduced a quality assurance framework, which managers and staff value. They said that the monthly audit of cases helps them see what good work looks like."),
        ("prose", None, "3 Office for National Statistics, mid-2018 population estimates of the borough."),
    ]  # fmt: skip
    # a key figure before its label is no heading numbered 168 or 46 (the 46 was lost)
    assert [(p.section, p.kind, p.text) for p in r.paragraphs if p.page == 1] == [
        ("KEY FACTS", "prose", "168 Children supervised by the YJS in the year to 30 September 2019"),
        ("KEY FACTS", "table_row", "£2.31m | Total budget for the YJS from all agencies, 2019/20"),
        ("KEY FACTS", "prose", "46 Staff employed by the YJS, equal to 38.4 full-time posts"),
    ]  # fmt: skip
    records = {x.subject: x.value for x in r.records}
    assert (records["children_supervised"], records["staff_employed"]) == ("168", "46")


def test_an_html_email_laid_out_in_tables_is_read_as_its_letter(tmp_path):
    """tune68's letter, an HTML email from a bulk-mail service: a hidden preheader, and the
    whole letter laid out in nested tables of one column, its cells holding headings,
    paragraphs and further tables. The page was read as one table row (2 paragraphs: no 2016
    report for Ossingham, 17 questions refused). A table whose cells hold blocks or tables
    lays the page out: its cells are read as blocks; a table of values keeps its rows; a bullet
    in a cell of its own opens an item; a short bold name over a table heads it."""
    td = '<td style="font-family:Arial;font-size:15px">'
    bold = '<td style="font-size:17px;font-weight:bold">'

    def rows(cells: list[list[str]]) -> str:
        return (
            '<table role="presentation" width="100%">'
            + "".join("<tr>" + "".join(f"{td}{c}</td>" for c in r) + "</tr>" for r in cells)
            + "</table>"
        )

    letter = rows(
        [
            ['<a href="https://mailer.example/view">View this email in your browser</a>'],
            ["Short Quality Screening of youth offending work in Kelvedge"],
            [rows([["To:", "Ann Lee, Head of Kelvedge YOS"], ["Fieldwork:", "4 to 6 May 2016"]])],
            ["<p>Dear Ann,</p><p>We inspected 20 cases.</p>"],
            [
                "<h2>1. Reducing reoffending</h2><p><strong>1.1</strong> Plans were generic.</p>"
                "<p><strong>1.2</strong> Reparation was good.</p>"
            ],
        ]
    )
    letter = letter[: -len("</table>")]  # (the rest of the letter is in the same table)
    letter += (
        f"<tr>{bold}Key strengths</td></tr>"
        f"<tr>{td}{rows([['•', 'Good reparation.'], ['•', 'Good custody work.']])}</td></tr>"
        f"<tr>{td}<p>Yours sincerely,</p><p>Mark Pellow</p></td></tr>"
        f"<tr>{bold}Copy to</td></tr>"
        f"<tr>{td}{rows([['Chief Executive, Kelvedge Council', 'Susan Oddie']])}</td></tr>"
        "</table>"
    )
    html = (
        "<html><body>"
        '<div style="display:none;max-height:0;overflow:hidden">Findings for Kelvedge YOS'
        "&zwnj;&nbsp;&zwnj;&nbsp;</div>"
        f'<table role="presentation" width="100%"><tr><td align="center">{letter}</td></tr>'
        "</table></body></html>"
    )
    path = tmp_path / "kelvedge_sqs_2016.html"
    path.write_text(html, encoding="utf-8")
    r = parse_file(path)
    assert [(p.section, p.kind, p.paragraph, p.text) for p in r.paragraphs] == [
        ("Header", "prose", None, "View this email in your browser"),
        ("Header", "prose", None, "Short Quality Screening of youth offending work in Kelvedge"),
        ("Header", "field", None, "To: Ann Lee, Head of Kelvedge YOS"),
        ("Header", "field", None, "Fieldwork: 4 to 6 May 2016"),
        ("Header", "prose", None, "Dear Ann,"),
        ("Header", "prose", None, "We inspected 20 cases."),
        ("Reducing reoffending", "numbered", "1.1", "Plans were generic."),
        ("Reducing reoffending", "numbered", "1.2", "Reparation was good."),
        ("Key strengths", "bullet", None, "Good reparation."),
        ("Key strengths", "bullet", None, "Good custody work."),
        ("Closing", "prose", None, "Yours sincerely,"),
        ("Closing", "prose", None, "Mark Pellow"),
        ("Copy to", "table_row", None, "Chief Executive, Kelvedge Council | Susan Oddie"),
    ]
    assert (r.meta.area, r.meta.year) == ("Kelvedge", 2016)


def test_a_pdf_sidebar_of_key_facts_beside_the_body_is_no_footnote(tmp_path):
    """Small type opening with a number is a footnote under the body text, not a key fact in a
    box beside it ("142 children supervised", set at the side of the page's first lines)."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((78, 90), "Introduction", fontname="hebo", fontsize=16)
    y = 120.0
    for line in (
        "The service supervised 142 children during 2020, fewer than the year before.",
        "Its reoffending rate remains above the average for England and Wales.¹",
        "We inspected 32 cases: 18 court disposals and 14 out-of-court disposals.",
        "Fieldwork took place remotely between 8 and 12 March 2021.",
    ):
        page.insert_text((78, y), line, fontname="helv", fontsize=10)
        y += 40
    page.insert_text((423, 100), "Key facts", fontname="hebo", fontsize=10.5)
    page.insert_text((423, 118), "142 children supervised by", fontname="helv", fontsize=8.5)
    page.insert_text((423, 128), "the YOS in 2020", fontname="helv", fontsize=8.5)
    page.insert_text((423, 150), "34 staff (28.6 full-time", fontname="helv", fontsize=8.5)
    page.insert_text((423, 160), "equivalent)", fontname="helv", fontsize=8.5)
    page.insert_text(
        (78, 780), "1 Proven reoffending statistics, 2019.", fontname="helv", fontsize=8
    )
    doc.save(tmp_path / "kelsby_yos_2021.pdf")
    r = parse_file(tmp_path / "kelsby_yos_2021.pdf")
    facts = in_section(r, "Key facts")
    assert [(p.text, p.footnotes) for p in facts] == [
        ("142 children supervised by the YOS in 2020", []),
        ("34 staff (28.6 full-time equivalent)", []),
    ]
    noted = [p for p in r.paragraphs if p.footnotes]
    assert [p.footnotes for p in noted] == [["¹ Proven reoffending statistics, 2019."]]


def test_markdown_for_a_static_site_drops_template_tags_and_keeps_a_tables_caption(tmp_path):
    """Hugo's shortcodes ("{{< callout >}}") and Liquid tags on lines of their own are markup a
    renderer replaces, no text; an HTML table's <caption> is a line of its part, not its title
    nor a heading over the rows."""
    path = tmp_path / "dunmoor_yjs_2020.md"
    path.write_text(
        "---\ntitle: An inspection of youth justice services in Dunmoor\n---\n\n"
        "## Foreword\n\n"
        "The service was rated Good.\n\n"
        '{{< callout type="summary" title="Overall findings" >}}\n'
        "Out-of-court work was strong.\n"
        "{{< /callout >}}\n\n"
        "{% include note.html %}\n\n"
        "## Ratings\n\n"
        "<table>\n<caption>Dunmoor YJS: fieldwork started February 2020</caption>\n"
        "<tr><th>Standard</th><th>Rating</th></tr>\n"
        "<tr><td>2.2 Planning</td><td>Good</td></tr>\n</table>\n",
        encoding="utf-8",
    )
    r = parse_file(path)
    assert [(p.section, p.ordinal, p.kind, p.text) for p in r.paragraphs] == [
        ("Foreword", 1, "prose", "The service was rated Good."),
        ("Foreword", 2, "prose", "Out-of-court work was strong."),
        ("Ratings", 1, "prose", "Dunmoor YJS: fieldwork started February 2020"),
        ("Ratings", 2, "table_row", "2.2 Planning | Good"),
    ]
    assert r.paragraphs[-1].columns == ["Standard", "Rating"]


def test_an_infographic_card_beside_another_keeps_its_figure_over_its_label(tmp_path):
    """Key facts drawn as cards, a figure in large type over its label, two to a row: pymupdf
    puts the first card's label and the second card's figure (to its right and higher up) in
    one block; each figure is read with its own label."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((56, 60), "Youth justice in Harnby", fontname="hebo", fontsize=26)
    page.insert_text((56, 100), "Key facts", fontname="hebo", fontsize=18)
    page.insert_text((68, 160), "187", fontname="hebo", fontsize=34)
    page.insert_text((68, 180), "children supervised by the YJS in 2023/24", fontsize=9.5)
    page.insert_text((320, 160), "£2,318,400", fontname="hebo", fontsize=34)
    page.insert_text((320, 180), "total budget for the YJS in 2023/24", fontsize=9.5)
    page.insert_text((56, 260), "The service supervised fewer children than in 2022.", fontsize=10)
    doc.save(tmp_path / "harnby_yjs_2024.pdf")
    r = parse_file(tmp_path / "harnby_yjs_2024.pdf")
    assert [p.text for p in in_section(r, "Key facts")][:2] == [
        "187 children supervised by the YJS in 2023/24",
        "£2,318,400 total budget for the YJS in 2023/24",
    ]


def test_a_heading_s_permalink_is_no_word_of_it(tmp_path):
    """MkDocs (and Sphinx) print "¶" after each heading, a link to its own anchor: the heading
    is "Summary" (it was "Summary¶", a section no question names); a footnote's "↩" link back
    goes too; a footnote reference ("1") and a link with words stay."""
    path = tmp_path / "kelsby_sqs_2016.html"
    path.write_text(
        "<html><body><article><h1 id='t'>Short Quality Screening of youth offending work in "
        "Kelsby<a class='headerlink' href='#t' title='Permanent link'>¶</a></h1>"
        "<h2 id='summary'>Summary<a class='headerlink' href='#summary'>¶</a></h2>"
        "<p>Overall, the work we saw was mixed.<sup><a href='#fn1'>1</a></sup> See "
        "<a href='#plan'>the plan</a>.</p>"
        "<p id='fn1'>1. Published figures. <a class='footnote-backref' href='#fnref1'>↩</a></p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    r = parse_file(path, Settings())
    assert r.meta.title == "Short Quality Screening of youth offending work in Kelsby"
    assert [(p.section, p.text) for p in r.paragraphs] == [
        ("Summary", "Overall, the work we saw was mixed.¹ See the plan."),
        ("Summary", "Published figures."),
    ]


def _word_box(anchor, box: str) -> None:
    """A floating text box holding `box` (w:p elements), anchored in paragraph `anchor`."""
    from docx.oxml import parse_xml

    anchor._p.append(
        parse_xml(
            '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            f"<w:drawing><wps:txbx><w:txbxContent>{box}</w:txbxContent></wps:txbx></w:drawing>"
            "</w:r>"
        )
    )


def test_a_word_ratings_box_set_out_at_tab_stops_is_a_table(tmp_path):
    """A ratings summary in a floating text box, its cells set apart by tabs ("1.1<TAB>
    Governance and leadership<TAB>Good"): a table's rows, not paragraphs numbered 1.1 that
    clash with the chapter's own paragraph 1.1 ("Governance and leadership Good" was cited as
    ¶1.1), under their group's numbered title ("1. Organisational delivery") as a heading; a
    key fact's figure before its label at a tab stop stays one line, as printed."""
    import docx

    def para(*cells: str) -> str:
        tabbed = "<w:r><w:tab/></w:r>".join(f"<w:r><w:t>{c}</w:t></w:r>" for c in cells)
        return f"<w:p>{tabbed}</w:p>"

    d = docx.Document()
    d.add_heading("Inspection of youth justice services in Kelsby", 0)
    d.add_heading("Ratings", 1)
    anchor = d.add_paragraph("")
    _word_box(
        anchor,
        para("Score", "20/36")
        + para("1. Organisational delivery")
        + para("1.1", "Governance and leadership", "Good")
        + para("1.2", "Staff", "Requires improvement")
        + para("£1,612,400", "Total YJS budget for 2022/23"),
    )
    d.add_heading("Governance and leadership", 1)
    d.add_paragraph("1.1 The management board meets every two months.")
    d.save(tmp_path / "kelsby_yjs_2021.docx")
    r = parse_file(tmp_path / "kelsby_yjs_2021.docx", Settings())
    assert [(p.section, p.paragraph, p.kind, p.text) for p in r.paragraphs] == [
        ("Ratings", None, "table_row", "Score | 20/36"),
        ("Organisational delivery", None, "table_row", "1.1 | Governance and leadership | Good"),
        ("Organisational delivery", None, "table_row", "1.2 | Staff | Requires improvement"),
        ("Organisational delivery", None, "prose", "£1,612,400 Total YJS budget for 2022/23"),
        (
            "Governance and leadership",
            "1.1",
            "numbered",
            "The management board meets every two months.",
        ),
    ]


def test_a_running_header_naming_each_page_s_chapter_is_dropped(tmp_path):
    """A designed PDF's running header names the page's chapter, in small type at the top
    right: its text changes, its place does not. It was read as a line of the chapter before
    ("Foreword" at the foreword's end) and run into a paragraph carried over a page break
    ("Organisational delivery risk, and we saw …")."""
    import pymupdf

    doc = pymupdf.open()
    pages = [
        (
            "Foreword",
            [
                (70, "Inspection of youth offending services in Kelsby", 24),
                (100, "Foreword", 20),
                (140, "This report sets out what we found.", 10.5),
            ],
        ),
        (
            "Organisational delivery",
            [
                (100, "1. Organisational delivery", 20),
                (140, "1.1 Managers countersigned every plan, but did not test the", 10.5),
            ],
        ),
        ("Organisational delivery", [(80, "quality of the work we read.", 10.5)]),
        (
            "Court disposals",
            [(100, "2. Court disposals", 20), (140, "2.1 Planning was good.", 10.5)],
        ),
    ]
    for n, (running, lines) in enumerate(pages, start=1):
        page = doc.new_page(width=595, height=842)
        page.insert_text((525 - 4.2 * len(running), 45), running, fontsize=8.5)
        page.insert_text(
            (96, 805), f"Inspection of youth offending services: Kelsby {n}", fontsize=8.5
        )
        for y, text, size in lines:
            page.insert_text((96, y), text, fontsize=size, fontname="hebo" if size > 12 else "helv")
    doc.save(tmp_path / "kelsby_yjs_2022.pdf")
    r = parse_file(tmp_path / "kelsby_yjs_2022.pdf", Settings())
    assert [(p.section, p.paragraph, p.text) for p in r.paragraphs] == [
        ("Foreword", None, "This report sets out what we found."),
        (
            "Organisational delivery",
            "1.1",
            "Managers countersigned every plan, but did not test the quality of the work we read.",
        ),
        ("Court disposals", "2.1", "Planning was good."),
    ]


def test_a_key_fact_s_figure_beside_its_label_is_no_heading(tmp_path):
    """Key facts as a designed page sets them: the figure in large bold type at the left, its
    label in body type beside it on the same line, pymupdf's one block. "17,450" and "36.9%"
    were headings over their labels; the budget's figure lost its label ("Fenmarsh budget
    2021/22" found no amount). A bold heading over its paragraph is still a heading."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((96, 60), "Inspection of youth offending services in Kelsby", fontsize=24)
    page.insert_text((96, 110), "Key facts", fontsize=20, fontname="hebo")
    rows = [("17,450", "Children aged 10 to 17 in Kelsby"), ("£1,583,000", "Total budget, 2021/22")]
    for n, (figure, label) in enumerate(rows):
        y = 140 + 27 * n
        page.insert_text((102, y), figure, fontsize=13, fontname="hebo")
        page.insert_text((252, y - 1), label, fontsize=10)
    page.insert_text((96, 230), "Staffing", fontsize=13, fontname="hebo")
    page.insert_text((96, 248), "The service employs 41 staff.", fontsize=10)
    page.insert_text((96, 262), "Caseloads are manageable.", fontsize=10)
    doc.save(tmp_path / "kelsby_yjs_2023.pdf")
    r = parse_file(tmp_path / "kelsby_yjs_2023.pdf", Settings())
    assert [(p.section, p.text) for p in r.paragraphs] == [
        ("Key facts", "17,450 | Children aged 10 to 17 in Kelsby"),
        ("Key facts", "£1,583,000 | Total budget, 2021/22"),
        ("Staffing", "The service employs 41 staff. Caseloads are manageable."),
    ]


def _pdf2htmlex_page_pair() -> str:
    """Two pages as pdf2htmlEX writes a PDF: every printed line a `div.t` placed and sized only
    through generated classes (`x…` left, `y…` bottom and `h…` height in pixels, `fs…` type
    size, `m0` scaling by a quarter, `ff…` the font), a running header on each page, an outline
    beside the pages, a note's number set apart in small type (in the text and at the foot), a
    key fact's figure beside its two-line label and a value cell wrapped onto a second line."""

    def t(x: int, y: float, h: int, ff: int, fs: int, text: str) -> str:
        return f'<div class="t m0 x{x} h{h} y{y:g} ff{ff} fs{fs} fc0 sc0 ls0 ws0">{text}</div>'

    def page(n: int, lines: list[str]) -> str:
        chrome = [
            t(1, 812, 2, 1, 0, "Inspection of youth justice services: Lanbury"),
            t(1, 800, 2, 1, 0, f'HM Inspectorate of Probation<span class="_ _0"> </span>{n}'),
        ]
        return (
            f'<div id="pf{n}" class="pf w0 h0" data-page-no="{n}"><div class="pc pc{n} w0 h0">'
            '<img class="bi x0 y0 w1 h1" alt="" src="data:image/png;base64,AAAA"/>'
            + "".join(chrome + lines)
            + "</div></div>"
        )

    page1 = [
        t(1, 770, 3, 2, 1, "An inspection of youth justice services in Lanbury"),
        t(1, 700, 3, 2, 1, "Key facts"),
        t(6, 712, 1, 1, 2, "Children supervised by the YJS in the year to"),
        t(7, 705, 1, 2, 2, "214"),
        t(6, 697, 1, 1, 2, "30 September 2022"),
        t(6, 672, 1, 1, 2, "Chair of the management board"),
        t(7, 672, 1, 2, 2, "Detective Chief Superintendent"),
        t(7, 657, 1, 2, 2, "Neil Caverley"),
        t(1, 610, 3, 2, 1, "Governance and leadership"),
        t(1, 580, 1, 1, 2, "1.1.1"),
        t(9, 580, 1, 1, 2, "The Lanbury board is chaired by Priya Raman, the Cor-"),
        t(9, 565, 1, 1, 2, "porate Director of Children&#8217;s Services, since 2021."),
        t(8, 568, 4, 1, 5, "1"),
        t(1, 542, 1, 1, 2, "1.1.2"),
        t(9, 542, 1, 1, 2, "The board&#8217;s plan sets clear priorities. Board members"),
        t(1, 80, 4, 1, 3, "1"),
        t(6, 78, 5, 1, 4, "The chair changed in March 2021, after the"),
        t(1, 68, 5, 1, 4, "previous chair retired."),
    ]
    page2 = [
        t(9, 740, 1, 1, 2, "visit twice a year."),
        t(1, 700, 3, 2, 1, "Strengths"),
        t(1, 670, 1, 1, 2, "The chair holds partners to account for their work."),
    ]
    classes = {
        "m0": "transform:matrix(0.250000,0.000000,0.000000,0.250000,0,0);",
        "h0": "height:841.889771px;",
        "h1": "height:39.832031px;",
        "h2": "height:30.779297px;",
        "h3": "height:72.421875px;",
        "h4": "height:32.589844px;",
        "h5": "height:28.968750px;",
        "fs0": "font-size:34.000000px;",
        "fs1": "font-size:80.000000px;",
        "fs2": "font-size:44.000000px;",
        "fs3": "font-size:25.600000px;",
        "fs4": "font-size:32.000000px;",
        "fs5": "font-size:36.000000px;",
        "ff1": "font-family:ff1;line-height:1.117188;font-weight:normal;visibility:visible;",
        "ff2": "font-family:ff2;line-height:1.117188;font-weight:normal;visibility:visible;",
        "x1": "left:62.000000px;",
        "x6": "left:72.000000px;",
        "x7": "left:347.275604px;",
        "x8": "left:370.500000px;",
        "x9": "left:86.000000px;",
        **{
            f"y{y:g}": f"bottom:{y}.000000px;"
            for y in (812, 800, 770, 740, 712, 705, 697, 672, 657)
        },
        **{f"y{y:g}": f"bottom:{y}.000000px;" for y in (610, 580, 565, 568, 542, 80, 78, 68)},
        **{f"y{y:g}": f"bottom:{y}.000000px;" for y in (700, 670)},
    }
    style = "".join(f".{name}{{{rule}}}\n" for name, rule in classes.items())
    outline = (
        '<div id="sidebar"><div id="outline"><ul><li><a class="l" href="#pf1">Key facts</a>'
        "</li></ul></div></div>"
    )
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"/><style type="text/css">'
        + style
        + ".h0{height:1122.519694pt;}</style></head><body>"
        + outline
        + '<div id="page-container">'
        + page(1, page1)
        + page(2, page2)
        + "</div></body></html>"
    )


class TestPagesDrawnHeadingsFirst:
    """A PDF from CSS paged media (WeasyPrint, tune75's layout) draws each page's headings
    first, then its body text, then the paragraph numbers its counters set in the margin and
    the footnotes in the page's foot ("3. The national …", numbered with a stop); a key-facts
    grid sets each fact's value large and bold over a small label, two facts side by side."""

    def _pdf(self, path: Path) -> Path:
        import pymupdf

        doc = pymupdf.open()
        bold, plain = pymupdf.Font("hebo"), pymupdf.Font("helv")

        def draw(page, items):
            tw = pymupdf.TextWriter(page.rect)
            for x, y, text, font, size in items:
                tw.append((x, y), text, font=font, fontsize=size)
            tw.write_text(page)

        body = [
            (140, "We rated governance and leadership as Good. The board meets"),
            (154, "every quarter and attendance by partners is consistently high."),
            (180, "The board receives a detailed quarterly performance report, but"),
            (194, "it sees little about the quality of the casework we read."),
            (280, "We rated staffing as Good. Staff are skilled, caring and well"),
            (294, "motivated, and most said they were proud to work for the service."),
        ]
        note = "1. The national indicators covered first-time entrants and custody."
        page = doc.new_page()  # 595 x 842
        draw(
            page,
            [  # the headings, drawn first, then the body text
                (102, 90, "1. Organisational delivery", bold, 15),
                (102, 120, "1.1 Governance and leadership", bold, 11.5),
                (102, 260, "1.2 Staff", bold, 11.5),
                *((102, y, text, plain, 10.5) for y, text in body),
                # the paragraph numbers in the margin, then the footnote in the page's foot
                (60, 140, "1.1.1", bold, 9),
                (60, 180, "1.1.2", bold, 9),
                (60, 280, "1.2.1", bold, 9),
                (96, 780, note, plain, 8),
            ],
        )
        page = doc.new_page()
        draw(
            page,
            [
                (102, 90, "Key facts", bold, 15),
                (115, 120, "48 staff", bold, 15),
                (115, 136, "equal to 41.5 full-time equivalent posts", plain, 9.5),
                (335, 120, "56 cases", bold, 15),
                (335, 136, "inspected: 35 court disposals and 21 others", plain, 9.5),
                (102, 180, "Recommendations", bold, 15),
                (
                    102,
                    200,
                    "The service should make sure that plans set out contingency",
                    plain,
                    10.5,
                ),
                (
                    102,
                    214,
                    "arrangements for when the risk of harm to others increases.",
                    plain,
                    10.5,
                ),
            ],
        )
        doc.save(path)
        return path

    def test_headings_head_their_own_paragraphs(self, tmp_path):
        r = parse_file(self._pdf(tmp_path / "quenmoor_inspection_2022.pdf"), Settings())
        assert [(p.section, p.paragraph) for p in r.paragraphs if p.kind == "numbered"] == [
            ("Governance and leadership", "1.1.1"),
            ("Governance and leadership", "1.1.2"),
            ("Staff", "1.2.1"),
        ]
        first = in_section(r, "Governance and leadership")[0]
        assert first.text == (
            "We rated governance and leadership as Good. The board meets every quarter and "
            "attendance by partners is consistently high."
        )

    def test_a_note_numbered_with_a_stop_in_the_foot_is_a_footnote(self, tmp_path):
        r = parse_file(self._pdf(tmp_path / "quenmoor_inspection_2022.pdf"), Settings())
        assert [p.footnotes for p in r.paragraphs if p.footnotes] == [
            ["¹ The national indicators covered first-time entrants and custody."]
        ]
        assert not [p for p in r.paragraphs if "national indicators" in p.text]

    def test_key_facts_side_by_side_are_facts_not_headings(self, tmp_path):
        r = parse_file(self._pdf(tmp_path / "quenmoor_inspection_2022.pdf"), Settings())
        assert [p.text for p in in_section(r, "Key facts")] == [
            "48 staff equal to 41.5 full-time equivalent posts",
            "56 cases inspected: 35 court disposals and 21 others",
        ]
        assert "48 staff" not in {p.section for p in r.paragraphs}


def test_a_word_broken_by_automatic_hyphenation_is_one_word(tmp_path):
    """A typesetter's automatic hyphenation draws U+2010 HYPHEN where it broke a word
    (WeasyPrint's `hyphens: auto`): the halves are one word; a typed hyphen is U+002D."""
    path = tmp_path / "dunswick_sqs_2016.txt"
    path.write_text(
        "Dunswick SQS\n\nIntroduction\n\nThe board sees little about the quality of case\u2010\n"
        "work, and a Chief Super\u2010\nintendent chairs it.\n"
    )
    assert [p.text for p in parse_file(path).paragraphs][-1] == (
        "The board sees little about the quality of casework, and a Chief Superintendent chairs it."
    )


def _docx_with_notes(path: Path, ids: tuple[str, str]) -> Path:
    """A Word letter as pandoc writes one: footnotes with ids 10 and 12 (Word shows them as 1
    and 2, numbered in the order the text references them), the second referenced from a key
    facts table's cell."""
    import docx
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    document = docx.Document()
    document.add_heading("Short Quality Screening of youth offending work in Dunswick", 1)
    document.add_heading("Summary", 2)
    p = document.add_paragraph("The published reoffending rate for Dunswick was 41.2%.")
    ref = '<w:r xmlns:w="{w}"><w:footnoteReference w:id="{i}"/></w:r>'
    p._p.append(parse_xml(ref.format(w=w, i=ids[0])))
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].paragraphs[0].add_run("Staff")
    cell = table.rows[0].cells[1].paragraphs[0]
    cell.add_run("44 (37.8 full-time equivalent)")
    cell._p.append(parse_xml(ref.format(w=w, i=ids[1])))
    notes = "".join(
        f'<w:footnote w:id="{i}"><w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
        "</w:footnote>"
        for i, text in zip(ids, ("Published April 2016.", "At 31 March 2016."), strict=True)
    )
    xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{w}">{notes}</w:footnotes>'
    part = Part(
        PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml.encode(), document.part.package
    )
    document.part.relate_to(part, RT.FOOTNOTES)
    document.save(path)
    return path


@pytest.mark.parametrize("ids", [("10", "12"), ("1", "2")])
def test_word_footnotes_are_numbered_as_word_shows_them(tmp_path, ids):
    """Word numbers footnotes 1, 2 … in the order the text references them, whatever their
    ids (pandoc's start at 10): the marker and the note read as printed; a note referenced
    from a table's cell is that row's."""
    r = parse_file(_docx_with_notes(tmp_path / "dunswick_sqs_2016.docx", ids))
    assert [(p.text, p.footnotes) for p in r.paragraphs if p.footnotes] == [
        ("The published reoffending rate for Dunswick was 41.2%.¹", ["¹ Published April 2016."]),
        ("Staff | 44 (37.8 full-time equivalent)²", ["² At 31 March 2016."]),
    ]


def test_a_field_list_as_docutils_writes_it_holds_the_letters_fields(tmp_path):
    """Sphinx (docutils) sets a letter's front block as a field list, each value in a
    paragraph of its own inside its <dd> (tune76's layout): "Cases inspected: 16", a field."""
    f = tmp_path / "dunswick_sqs_2016.html"
    f.write_text(
        "<html><body><h1>Short Quality Screening of youth offending work in Dunswick</h1>"
        '<dl class="field-list simple">'
        '<dt class="field-odd">Date of letter<span class="colon">:</span></dt>'
        '<dd class="field-odd"><p>14 April 2016</p></dd>'
        '<dt class="field-even">Cases inspected<span class="colon">:</span></dt>'
        '<dd class="field-even"><p>16</p></dd></dl>'
        "<h2>Summary</h2><p>We found a committed workforce.</p></body></html>",
        encoding="utf-8",
    )
    r = parse_file(f)
    assert [(p.kind, p.text) for p in r.paragraphs][:2] == [
        ("field", "Date of letter: 14 April 2016"),
        ("field", "Cases inspected: 16"),
    ]
    assert r.meta.publication_date == "2016-04-14"


def test_a_compound_broken_at_its_own_hyphen_keeps_it(tmp_path):
    """A line broken at one of a compound's own hyphens ("out-of-" / "court", "one-" /
    "to-one") keeps the hyphen; a word broken by hyphenation ("accommo-" / "dation") loses it."""
    path = tmp_path / "dunswick_sqs_2016.txt"
    path.write_text(
        "Dunswick SQS\n\nIntroduction\n\nWe read 21 out-of-\ncourt disposals, and a one-\n"
        "to-one programme found suitable accommo-\ndation. The decision-mak-\ning panel met.\n"
    )
    assert [p.text for p in parse_file(path).paragraphs][-1] == (
        "We read 21 out-of-court disposals, and a one-to-one programme found suitable "
        "accommodation. The decision-making panel met."
    )


def test_a_ratings_table_s_last_group_does_not_head_the_next_table(tmp_path):
    """A one-cell row ("Out-of-court disposals") heads the ratings rows under it; the key
    facts table under its own heading after the ratings is no part of that group (tune77's
    key facts were filed under "Key facts > Out-of-court disposals")."""
    page = (
        "<html><body><h1>Inspection of youth justice services in Brindle</h1>"
        "<h2>Ratings</h2><table>"
        "<tr><th>Standard</th><th>Rating</th></tr>"
        "<tr><td colspan='2'>Court disposals</td></tr>"
        "<tr><td>2.1 Assessment</td><td>Good</td></tr>"
        "<tr><td colspan='2'>Out-of-court disposals</td></tr>"
        "<tr><td>3.1 Assessment</td><td>Outstanding</td></tr>"
        "</table><h2>Key facts</h2><table>"
        "<tr><td>Reoffending rate</td><td>33.5%</td></tr>"
        "<tr><td>Staff</td><td>41</td></tr>"
        "</table></body></html>"
    )
    (tmp_path / "brindle_inspection_2021.html").write_text(page, encoding="utf-8")
    r = parse_file(tmp_path / "brindle_inspection_2021.html", Settings())
    rows = [(p.section_path, p.text) for p in r.paragraphs if " | " in p.text]
    assert rows[-4:] == [
        ("Ratings > Court disposals", "2.1 Assessment | Good"),
        ("Ratings > Out-of-court disposals", "3.1 Assessment | Outstanding"),
        ("Key facts", "Reoffending rate | 33.5%"),
        ("Key facts", "Staff | 41"),
    ]


def test_a_key_fact_at_the_top_of_a_page_is_no_run_on_of_the_one_before(tmp_path):
    """A key fact whose label ends without a stop at a page's foot ("… from all partners") is
    not continued by the fact opening the next page: "48 staff", a figure with its unit alone
    on a line, opens a fact of its own (tune75's budget and staff facts ran together)."""
    text = (
        "Inspection of youth justice services in Brindle\n\nKey facts\n\n"
        "£2.41m\ntotal budget of the YJS for 2021/22, from all\npartners\n\f"
        "48 staff\nequal to 41.5 full-time equivalent posts\n\n"
        "56 cases\ninspected: 35 court disposals and 21 out-of-court disposals\n"
    )
    (tmp_path / "brindle_inspection_2022.txt").write_text(text, encoding="utf-8")
    r = parse_file(tmp_path / "brindle_inspection_2022.txt", Settings())
    assert [p.text for p in in_section(r, "Key facts")] == [
        "£2.41m total budget of the YJS for 2021/22, from all partners",
        "48 staff equal to 41.5 full-time equivalent posts",
        "56 cases inspected: 35 court disposals and 21 out-of-court disposals",
    ]


# A report's pages as PyMuPDF's `page.get_text("xhtml")` writes those of a PDF that sets every
# printed line as a text object of its own (fpdf2's): a <div id="page0"> a page, each line a
# <p>, a heading in larger type an <h2>, a note marker a <sup>.
PRINTED_PAGES = [
    [
        "<p>Inspection of youth offending services: Tarnholm</p>",
        "<h2><b>Foreword</b></h2>",
        "<p>This inspection is part of our programme of youth offending service inspections. We</p>",
        "<p>have inspected and rated Tarnholm Youth Justice Service across three broad areas, and</p>",
        "<p>the service was rated as Good overall.</p>",
        "<h2><b>Context</b></h2>",
        "<p>The proven reoffending rate for children in Tarnholm was 33.6%<sup>1</sup>, slightly below the</p>",
        "<p>rate for England and Wales, and the rate of first-time entrants had risen in each of the</p>",
        "<p>last three years to 171<sup>2</sup>.</p>",
        "<p>Page 1</p>",
    ],
    [
        "<p>Inspection of youth offending services: Tarnholm</p>",
        "<h2><b>Acknowledgements</b></h2>",
        "<p>We would like to thank all those who helped plan and took part in the inspection; we are</p>",
        "<p>grateful to the service's staff and to the children and families who spoke to us.</p>",
        "<p>Page 2</p>",
    ],
    [
        "<p>Inspection of youth offending services: Tarnholm</p>",
        "<h2><b>Notes</b></h2>",
        "<p>1. Ministry of Justice, proven reoffending statistics, published July 2021: children</p>",
        "<p>cautioned or convicted between April 2018 and March 2019.</p>",
        "<p>2. Youth Justice Board, first-time entrants per 100,000 children aged 10 to 17, year</p>",
        "<p>ending December 2020.</p>",
        "<p>Page 3</p>",
    ],
]


def _printed_html(path: Path, pages: list[list[str]]) -> Path:
    divs = "".join('<div id="page0">\n' + "\n".join(page) + "\n</div>\n" for page in pages)
    path.write_text(f"<html><body>\n{divs}</body></html>\n", encoding="utf-8")
    return path


class TestPrintedLinesAsHtml:
    """ingest/load.py `_printed_line_pages` and ingest/parse.py `_endnotes`: a PDF's lines,
    each a <p> as PyMuPDF's xhtml gives them, read as the PDF's text is (a wrapped paragraph's
    lines one paragraph, the running header and page number off); notes numbered "1." under a
    notes heading, each number printed before as a superscript marker, are notes."""

    def test_a_wrapped_paragraph_s_lines_are_one_paragraph_with_its_notes(self, tmp_path):
        html = _printed_html(tmp_path / "tarnholm_inspection_2021.html", PRINTED_PAGES)
        parsed = parse_file(html, Settings())
        body = [p for p in parsed.paragraphs if p.section != "Header"]
        assert [(p.section, p.paragraph, p.text) for p in body] == [
            (
                "Foreword",
                None,
                "This inspection is part of our programme of youth offending service "
                "inspections. We have inspected and rated Tarnholm Youth Justice Service across "
                "three broad areas, and the service was rated as Good overall.",
            ),
            (
                "Context",
                None,
                "The proven reoffending rate for children in Tarnholm was 33.6%¹, slightly "
                "below the rate for England and Wales, and the rate of first-time entrants had "
                "risen in each of the last three years to 171².",
            ),
            (
                "Acknowledgements",
                None,
                "We would like to thank all those who helped plan and took part in the "
                "inspection; we are grateful to the service's staff and to the children and "
                "families who spoke to us.",
            ),
        ]
        assert body[1].footnotes == [
            "¹ Ministry of Justice, proven reoffending statistics, published July 2021: "
            "children cautioned or convicted between April 2018 and March 2019.",
            "² Youth Justice Board, first-time entrants per 100,000 children aged 10 to 17, "
            "year ending December 2020.",
        ]

    def test_numbered_paragraphs_under_a_notes_heading_no_marker_points_to_stay(self, tmp_path):
        pages = [
            [ln.replace("<sup>1</sup>", "").replace("<sup>2</sup>", "") for ln in page]
            for page in PRINTED_PAGES
        ]
        parsed = parse_file(
            _printed_html(tmp_path / "tarnholm_inspection_2021.html", pages), Settings()
        )
        assert [(p.section, p.paragraph) for p in parsed.paragraphs][-2:] == [
            ("Notes", "1"),
            ("Notes", "2"),
        ]
        assert all(p.footnotes == [] for p in parsed.paragraphs)

    def test_web_page_paragraphs_are_read_as_paragraphs(self, tmp_path):
        """A page whose <p> are whole paragraphs (each ends a sentence) is no PDF's lines."""
        pages = [
            [
                "<h2>Foreword</h2>",
                *(
                    f"<p>Paragraph {n} of the foreword ends its sentence here.</p>"
                    for n in range(10)
                ),
            ]
        ]
        parsed = parse_file(
            _printed_html(tmp_path / "tarnholm_inspection_2021.html", pages), Settings()
        )
        assert [p.text for p in parsed.paragraphs] == [
            f"Paragraph {n} of the foreword ends its sentence here." for n in range(10)
        ]


def test_a_ratings_row_printed_as_one_line_is_a_row_not_a_numbered_paragraph(tmp_path):
    """ingest/parse.py `_classify`: "1.3 Partnerships and services Requires improvement", a
    ratings table's row whose cells a conversion set apart by a space only (PyMuPDF's xhtml
    of a PDF), is that table's row with its grade as a cell; a numbered sentence that happens
    to end in a grade's word is a paragraph."""
    pages = [
        [
            "<p>Inspection of youth offending services: Tarnholm</p>",
            "<h2><b>Ratings</b></h2>",
            "<p><b>1. Organisational delivery</b></p>",
            "<p>1.1 Governance and leadership Good</p>",
            "<p>1.3 Partnerships and services Requires improvement</p>",
            "<h2><b>Organisational delivery</b></h2>",
            "<p>1.1 The board has been chaired since 2019 by the council's director, and its work is</p>",
            "<p>rated Good.</p>",
            *(f"<p>Line {n} of a wrapped paragraph goes on in the next</p>" for n in range(8)),
            "<p>line.</p>",
            "<p>Page 1</p>",
        ]
    ]
    parsed = parse_file(
        _printed_html(tmp_path / "tarnholm_inspection_2021.html", pages), Settings()
    )
    rows = [(p.section, p.paragraph, p.kind, p.text) for p in parsed.paragraphs]
    assert [r for r in rows if r[0] == "Ratings"] == [
        ("Ratings", None, "prose", "1. Organisational delivery"),
        ("Ratings", None, "table_row", "1.1 Governance and leadership | Good"),
        ("Ratings", None, "table_row", "1.3 Partnerships and services | Requires improvement"),
    ]
    assert [r[1:3] for r in rows if r[0] == "Organisational delivery"][0] == ("1.1", "numbered")


def test_pdfplumber_layout_text_of_a_weasyprint_inspection(tmp_path):
    """The text `pdfplumber` extracts with `layout=True` (tune83): a blank line now and then in
    the middle of a paragraph, rows whose label filled its column (one space before the
    value, or two), the last ratings row run together, justified headings with two spaces
    between words. Each had broken the parse: a paragraph's first line read as a heading that
    named the rest's section, key facts read as headings, the last standard's grade a heading."""
    pad = " " * 8
    text = "\n".join(
        [
            f"{pad}Inspection of youth justice services in Pellmoor",
            "",
            f"{pad}Ratings",
            "",
            f"{pad} Overall rating                                Good",
            "",
            f"{pad}24 June 2016",
            "",
            f"{pad} 3.3 Implementation and delivery               Good",
            "",
            f"{pad} 3.4 Out-of-court disposal policy and provision Requires improvement",
            "",
            f"{pad}The overall rating is derived from the ratings for the 12 standards.",
            "",
            f"{pad}Key  facts",
            "",
            f"{pad} Head of service                       Abigail Fenwick",
            "",
            f"{pad} Children with a court disposal, 2021/22 118",
            "",
            f"{pad} First-time entrants per 100,000 children, England and 148",
            f"{pad} Wales",
            "",
            f"{pad} Education inspector (Ofsted)  Ravinder Colby",
            f"{pad} Staff, headcount (full-time equivalent) 41 (35.6)",
            "",
            f"{pad}Governance and leadership",
            "",
            f"{pad}1.1 The management board is chaired by Chief Superintendent Harriet Lomax, the",
            "",
            f"{pad}police commander for Pellmoor, who took over the role in 2019. Board members are",
            f"{pad}senior and attend regularly.",
            "",
            f"{pad}1.2 The service's offending behaviour programme, Pathways Forward, replaced the",
            "",
            f"{pad}Turning Point course in 2019. It is delivered one-to-one. Children spoke well of it.",
            "",
        ]
    )
    f = tmp_path / "pellmoor_inspection_2022.txt"
    f.write_text(text + "\n", encoding="utf-8")
    r = parse_file(f)
    assert [p.text for p in in_section(r, "Ratings")] == [
        "Overall rating | Good",
        "24 June 2016",  # (a date beside a row is no row: no value, only its year)
        "3.3 Implementation and delivery | Good",
        "3.4 Out-of-court disposal policy and provision | Requires improvement",
        "The overall rating is derived from the ratings for the 12 standards.",
    ]
    assert [p.text for p in in_section(r, "Key facts")] == [
        "Head of service | Abigail Fenwick",
        "Children with a court disposal, 2021/22 | 118",
        "First-time entrants per 100,000 children, England and Wales | 148",
        "Education inspector (Ofsted) | Ravinder Colby",
        "Staff, headcount (full-time equivalent) | 41 (35.6)",
    ]
    assert [(p.paragraph, p.text) for p in in_section(r, "Governance and leadership")] == [
        (
            "1.1",
            "The management board is chaired by Chief Superintendent Harriet Lomax, the police "
            "commander for Pellmoor, who took over the role in 2019. Board members are senior "
            "and attend regularly.",
        ),
        (
            "1.2",
            "The service's offending behaviour programme, Pathways Forward, replaced the Turning "
            "Point course in 2019. It is delivered one-to-one. Children spoke well of it.",
        ),
    ]
    ratings = {x.subject: x.value for x in r.records if x.kind == "rating"}
    assert ratings["3.4 Out-of-court disposal policy and provision"] == "Requires improvement"


def test_pymupdf_html_of_a_pdf_read_as_the_pdf(tmp_path):
    """The HTML PyMuPDF writes with `page.get_text("html")` (tune84): each page a `div` (every
    one "page0"), each printed line a `<p>` placed in points, its type size on the span. It had
    been read as lines of plain text with no headings: every paragraph sat under "Header"."""

    def line(top: float, text: str, size: float = 10.0, bold: bool = False) -> str:
        span = (
            f'<span style="font-family:Arial,sans-serif;font-size:{size}pt;color:#000000">'
            f"{text}</span>"
        )
        return (
            f'<p style="top:{top}pt;left:62.4pt;line-height:{size}pt">'
            f"{f'<b>{span}</b>' if bold else span}</p>"
        )

    def page(n: int, body: list[str]) -> str:
        edge = [
            line(33.3, "Inspection of youth justice services: Pellmoor", 8.0),
            line(804.3, f"Page {n} of 2", 8.0),
        ]
        return (
            '<div id="page0" style="width:595.3pt;height:841.9pt">'
            + "".join(edge + body)
            + "</div>"
        )

    one = page(
        1,
        [
            line(45.0, "An inspection of youth justice services in Pellmoor", 26.0, bold=True),
            line(80.0, "Foreword", 16.0, bold=True),
            line(100.0, "This inspection is part of our programme of inspections of youth"),
            line(113.5, "justice services. Overall, Pellmoor YJS was rated as Good."),
            line(140.0, "1. Organisational delivery", 16.0, bold=True),
            line(169.0, "1.1 Governance and leadership are good. The management board is"),
            line(182.5, "chaired by the Director of Children's Services."),
            line(200.0, "1.2 Staffing requires improvement. The YJS has 38 staff."),
        ],
    )
    two = page(
        2,
        [
            line(71.2, "2. Court disposals", 16.0, bold=True),
            line(100.0, "2.1 Assessment of children sentenced by the courts is good."),
        ],
    )
    f = tmp_path / "pellmoor_inspection_2021.html"
    f.write_text(f"<!DOCTYPE html><html><body>{one}{two}</body></html>", encoding="utf-8")
    r = parse_file(f)
    assert [(p.section, p.paragraph, p.text) for p in r.paragraphs] == [
        (
            "Foreword",
            None,
            "This inspection is part of our programme of inspections of youth justice services. "
            "Overall, Pellmoor YJS was rated as Good.",
        ),
        (
            "Organisational delivery",
            "1.1",
            "Governance and leadership are good. The management board is chaired by the "
            "Director of Children's Services.",
        ),
        ("Organisational delivery", "1.2", "Staffing requires improvement. The YJS has 38 staff."),
        ("Court disposals", "2.1", "Assessment of children sentenced by the courts is good."),
    ]


def test_a_markdown_header_table_whose_first_row_is_a_field_keeps_it(tmp_path):
    """Markdown sets a table's first row as its head (`trafilatura`'s Markdown of a web page's
    header block, tune83): "To: | …" there is a field like the rows under it. It had been taken
    for the columns' names and lost, and with it whom the letter is to."""
    f = tmp_path / "pellmoor_sqs_2016.md"
    f.write_text(
        "# Short Quality Screening of youth offending work in Pellmoor\n\n"
        "| To: | Patrick Vale, Chair of Pellmoor YOS Management Board | \n"
        "|---|---|\n"
        "| From: | Rowena Tall, Assistant Chief Inspector | \n"
        "| Date: | 14 October 2016 | \n\n"
        "## Context\n\nWe looked at 16 cases.\n",
        encoding="utf-8",
    )
    r = parse_file(f)
    assert [(p.kind, p.text) for p in in_section(r, "Header")] == [
        ("field", "To: | Patrick Vale, Chair of Pellmoor YOS Management Board"),
        ("field", "From: | Rowena Tall, Assistant Chief Inspector"),
        ("field", "Date: | 14 October 2016"),
    ]
    facts = {x.subject: x.value for x in r.records if x.kind == "fact"}
    assert facts["addressee"] == "Patrick Vale, Chair of Pellmoor YOS Management Board"
