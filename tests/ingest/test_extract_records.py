"""ingest/records.py: structured findings from the real report, every sample and the layouts
written for it, each checked against a list written by hand from the report's text
(`tests/ingest/record_layouts/expected/<report_id>.json`), and carried across the parse worker.

The layouts written for it (`tests/ingest/record_layouts/`) sit beside this test, not in `tests/data/`,
which other tests ingest as a whole folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from findings.records import FACT_SUBJECTS, RECORD_KINDS, citation_label, report_id_for
from findings.settings import Settings
from ingest.parse import parse_file
from ingest.worker import ParseWorker

ROOT = Path(__file__).resolve().parents[2]
THURROCK = ROOT.parent / "shared" / "corpus" / "thurrock_sqs_2015.txt"
RECORDS = Path(__file__).resolve().parent / "record_layouts"
EXPECTED = RECORDS / "expected"
REPORTS = sorted(
    [
        *(ROOT / "data" / "reports").iterdir(),
        *(p for p in (ROOT / "tests" / "data").iterdir() if p.is_file()),
        *(p for p in RECORDS.iterdir() if p.suffix in (".txt", ".md", ".docx")),
    ]
)
FIELDS = ("kind", "subject", "value", "owner", "section", "paragraph", "ordinal", "text")


def comparable(record: dict) -> tuple:
    """The record's fields in a fixed order, None as "" so that lists of them sort."""
    return tuple("" if record.get(k) is None else record[k] for k in FIELDS)


@pytest.fixture(scope="module")
def thurrock():
    return parse_file(THURROCK, Settings())


def one(report, kind, subject=None):
    found = [r for r in report.records if r.kind == kind and r.subject == subject]
    assert len(found) == 1, found
    return found[0]


class TestThurrock:
    def test_three_strengths_two_improvements_cited_to_their_bullets(self, thurrock):
        strengths = [r for r in thurrock.records if r.kind == "strength"]
        assert [(r.section, r.paragraph, r.ordinal) for r in strengths] == [
            ("Key strengths", None, 1),
            ("Key strengths", None, 2),
            ("Key strengths", None, 3),
        ]
        assert (
            strengths[1].text == "There was effective liaison and joint work with other agencies."
        )
        improvements = [r for r in thurrock.records if r.kind == "improvement"]
        assert [(r.section, r.ordinal) for r in improvements] == [
            ("Areas requiring improvement", 1),
            ("Areas requiring improvement", 2),
        ]
        assert improvements[1].text == (
            "Multi-Agency Public Protection Arrangements need to be fully understood by all "
            "staff and managers."
        )
        assert improvements[1].label == "Thurrock SQS 2015 · Areas requiring improvement ¶2"
        assert not [r for r in thurrock.records if r.kind in ("recommendation", "rating")]

    @pytest.mark.parametrize(
        ("subject", "value", "section", "ordinal", "text"),
        [
            (
                "lead_inspector",
                "Jane Attwood",
                "Closing",
                2,
                "If you have any further questions about the inspection please contact the lead "
                "inspector, who was Jane Attwood.",
            ),
            (
                "fieldwork_dates",
                "27-29 April 2015",
                "Header",
                5,
                "The inspection was conducted from 27-29 April 2015 as part of our programme of "
                "inspection of youth offending work.",
            ),
            (
                "addressee",
                "Jim Nicolson, Chair of YOS Management Board",
                "Header",
                1,
                "To: Jim Nicolson, Chair of YOS Management Board",
            ),
            ("service_manager", "James Waud", "Copy to", 1, "YOS Manager | James Waud"),
            (
                "reoffending_rate",
                "39.6%",
                "Summary",
                1,
                "The published reoffending rate¹ for Thurrock was 39.6% against the England and "
                "Wales average of 36.1%.",
            ),
            (
                "national_reoffending_rate",
                "36.1%",
                "Summary",
                1,
                "The published reoffending rate¹ for Thurrock was 39.6% against the England and "
                "Wales average of 36.1%.",
            ),
        ],
    )
    def test_facts_cited_to_their_paragraph(self, thurrock, subject, value, section, ordinal, text):
        r = one(thurrock, "fact", subject)
        assert (r.value, r.section, r.paragraph, r.ordinal, r.text) == (
            value,
            section,
            None,
            ordinal,
            text,
        )
        assert r.value.startswith(value)

    def test_nothing_guessed(self, thurrock):
        subjects = {r.subject for r in thurrock.records if r.kind == "fact"}
        assert "overall_rating" not in subjects  # a screening letter prints no rating
        assert subjects <= set(FACT_SUBJECTS)


def expected_for(path: Path) -> list[dict]:
    return json.loads((EXPECTED / f"{report_id_for(path)}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
class TestEveryReport:
    def test_records_match_the_hand_written_list(self, path):
        report = parse_file(path, Settings())
        got = sorted(comparable(r.to_json()) for r in report.records)
        assert got == sorted(comparable(r) for r in expected_for(path))

    def test_each_record_cites_a_paragraph_holding_its_text(self, path):
        report = parse_file(path, Settings())
        places = {}
        for p in report.paragraphs:
            places.setdefault((p.section, p.paragraph, p.ordinal), []).append(p.text)
        positions = []
        for r in report.records:
            assert r.kind in RECORD_KINDS
            assert r.report_id == report.meta.report_id
            texts = places[(r.section, r.paragraph, r.ordinal)]
            assert any(r.text in t for t in texts), r
            assert r.label == citation_label(report.meta, r.section, r.paragraph, r.ordinal)
            positions.append(
                next(
                    i
                    for i, p in enumerate(report.paragraphs)
                    if (p.section, p.paragraph, p.ordinal) == (r.section, r.paragraph, r.ordinal)
                )
            )
        assert positions == sorted(positions)  # reading order


def test_every_report_has_a_hand_written_list():
    assert sorted(f"{report_id_for(p)}.json" for p in REPORTS) == sorted(
        p.name for p in EXPECTED.iterdir()
    )


def test_the_parse_worker_carries_records_across():
    path = ROOT / "data" / "reports" / "northfield_yos_2019.html"
    with ParseWorker(Settings()) as worker:
        report = worker.parse(path)
    assert len(report.records) == 34
    assert report.records == parse_file(path, Settings()).records


@pytest.mark.parametrize(
    ("closing", "name"),
    [
        # a letter's close: "… should go to the lead inspector, Tobias Grindley, at …"
        (
            "Any questions about this inspection should go to the lead inspector, Tobias "
            "Grindley, at the inspectorate.",
            "Tobias Grindley",
        ),
        # past the words that say which inspection she led
        (
            "The lead inspector for this screening was Hester Tolliver, HM Inspector of Probation.",
            "Hester Tolliver",
        ),
        # however many words name the inspection
        (
            "The lead inspector for this Short Quality Screening was Rachel Ingham, who can be "
            "contacted on 0161 240 5336.",
            "Rachel Ingham",
        ),
    ],
)
def test_the_lead_inspector_named_in_a_letter_s_close(tmp_path, closing, name):
    from ingest.parse import parse_file

    f = tmp_path / "oakhill_sqs_2017.txt"
    f.write_text(
        "Short Quality Screening of youth offending work in Oakhill\n\nSummary\n\n"
        f"Plans were weak.\n\n{closing}\n"
    )
    report = parse_file(f)
    assert [(r.subject, r.value) for r in report.records if r.subject == "lead_inspector"] == [
        ("lead_inspector", name)
    ]
    assert report.meta.lead_inspector == name


def test_the_lead_inspector_in_a_field_run_into_a_letter_s_closing_lines(tmp_path):
    """ "Lead inspector: Helen Marchbank, HM Inspector of Probation Telephone: …", the field
    run together with the contact lines after it: the record holds the name alone."""
    from ingest.parse import parse_file

    line = (
        "Lead inspector: Helen Marchbank, HM Inspector of Probation Telephone: 0161 240 5336 "
        "Email: helen.marchbank@example.gov.uk Copy to: Chair, Oakhill YOS Management Board"
    )
    f = tmp_path / "oakhill_sqs_2017.txt"
    f.write_text(
        "Short Quality Screening of youth offending work in Oakhill\n\nSummary\n\n"
        f"Plans were weak.\n\nNext steps\n\nWe ask for an improvement plan. {line}\n"
    )
    report = parse_file(f)
    assert [
        (r.subject, r.value, r.section) for r in report.records if r.subject == "lead_inspector"
    ] == [("lead_inspector", "Helen Marchbank", "Next steps")]


def test_an_owner_after_a_closing_dash(tmp_path):
    """ "… — Director of Public Health, Pellmoor Council": the name after the item's closing dash
    is who acts; a dash inside the sentence, which goes on in lower case, names nobody."""
    f = tmp_path / "pellmoor_yjs_2024.md"
    f.write_text(
        "# Inspection of youth justice services in Pellmoor\n\n## Recommendations\n\n"
        "1. Cut the wait for substance misuse support to 15 working days — Director of "
        "Public Health, Pellmoor Council\n"
        "2. Review every plan — including those made in court — within a month.\n"
        "3. Improve planning — and review it.\n"
    )
    owners = [(r.ordinal, r.owner) for r in parse_file(f).records if r.kind == "recommendation"]
    assert owners == [(1, "Director of Public Health, Pellmoor Council"), (2, None), (3, None)]


def test_a_front_block_laid_out_as_a_table_gives_its_facts(tmp_path):
    """A wiki page's header table ("Date of letter | 11 April 2014", "Publication date | 25
    April 2014"): each row a field whose label names its fact."""
    f = tmp_path / "avonby_sqs_2014.html"
    f.write_text(
        "<h1>Short Quality Screening of youth offending work in Avonby</h1>"
        "<table><tr><th>Date of letter</th><td>11 April 2014</td></tr>"
        "<tr><th>Publication date</th><td>25 April 2014</td></tr>"
        "<tr><th>Fieldwork</th><td>17&ndash;19 March 2014</td></tr></table>"
        "<h2>1. Reducing reoffending</h2><p>1.1 Planning was good.</p>",
        encoding="utf-8",
    )
    facts = {r.subject: r.value for r in parse_file(f).records if r.kind == "fact"}
    assert (facts["letter_date"], facts["publication_date"], facts["fieldwork_dates"]) == (
        "11 April 2014",
        "25 April 2014",
        "17\u201319 March 2014",
    )


@pytest.mark.parametrize(
    "title, lead",
    [("HM Inspector of Probation", "Ruth Calloway"), ("Assistant Chief Inspector", None)],
)
def test_a_screening_letter_s_signer_led_it_unless_a_chief_inspector(tmp_path, title, lead):
    """A screening letter is signed by the inspector who led the screening; a chief or
    assistant chief inspector signs letters others led."""
    f = tmp_path / "avonby_sqs_2016.txt"
    f.write_text(
        "Short Quality Screening of youth offending work in Avonby\n\n"
        "Dear Ms Lee,\n\n1. Reducing reoffending\n\n1.1 Planning was good.\n\n"
        f"Yours sincerely,\n\nRuth Calloway\n{title}\n"
    )
    r = parse_file(f)
    facts = {x.subject: x.value for x in r.records if x.kind == "fact"}
    assert (facts.get("signatory"), facts.get("lead_inspector"), r.meta.lead_inspector) == (
        "Ruth Calloway",
        lead,
        lead,
    )


def test_a_sign_off_run_together_with_the_signer_s_lines_names_the_signer(tmp_path):
    """A text browser's copy of a letter's web page indents the sign-off's lines as one
    paragraph ("Yours sincerely, Helen Marchbank Lead Inspector, HM Inspectorate of
    Probation"): no signer, nor lead inspector, was read, so "who led the screening?" was
    answered with a board member titled "Lead Member"."""
    f = tmp_path / "avonby_sqs_2016.txt"
    f.write_text(
        "Short Quality Screening of youth offending work in Avonby\n\n"
        "   Dear Gillian,\n\n   1. Reducing reoffending\n\n   1.1 Planning was good.\n\n"
        "   Yours sincerely,\n   Helen Marchbank\n   Lead Inspector, HM Inspectorate of Probation\n"
    )
    facts = {x.subject: x.value for x in parse_file(f).records if x.kind == "fact"}
    assert (facts.get("signatory"), facts.get("lead_inspector")) == (
        "Helen Marchbank",
        "Helen Marchbank",
    )


def test_a_three_column_ratings_table_and_an_overall_row(tmp_path):
    """ "Domain | Standard | Rating": each standard rated, named as two-cell tables name it
    ("3.1 Out-of-court work: Assessment"); the "Overall" row is the overall rating."""
    f = tmp_path / "pellmoor_yjs_2024.md"
    f.write_text(
        "# Inspection of youth justice services in Pellmoor\n\n## Ratings\n\n"
        "| Domain | Standard | Rating |\n|---|---|---|\n"
        "| 1. Organisational delivery | 1.2 Staff | Outstanding |\n"
        "| 3. Out-of-court work | 3.1 Assessment | Inadequate |\n"
        "| **Overall** | | **Requires improvement** |\n"
    )
    ratings = [(r.subject, r.value) for r in parse_file(f).records if r.kind == "rating"]
    assert ratings == [
        ("1.2 Organisational delivery: Staff", "Outstanding"),
        ("3.1 Out-of-court work: Assessment", "Inadequate"),
        ("Overall rating", "Requires improvement"),
    ]


def test_a_standard_s_statement_beside_its_grade_grades_its_part(tmp_path):
    """Word's plain-text export opens each standard's part with its statement and grade set
    apart by a tab ("Reviewing of progress is well informed … <TAB>Inadequate"): the part's
    grade, not a standard named by the statement; the ratings table's rows, where there is
    one, are the grades (each standard was listed twice, once by its statement)."""
    table = "Ratings\n\n2.3\tImplementation and delivery\tGood\n2.4\tReviewing\tInadequate\n\n"
    part = (
        "Reviewing\n\n"
        "Reviewing of progress is well informed and personalised.\tInadequate\n\n"
        "2.4.1 Reviews were late in 9 of the 24 cases.\n"
    )
    f = tmp_path / "pellmoor_yjs_2024.txt"
    f.write_text(f"Inspection of youth justice services in Pellmoor\n\n{table}{part}")
    ratings = [(r.subject, r.value) for r in parse_file(f).records if r.kind == "rating"]
    assert ratings == [("Implementation and delivery", "Good"), ("Reviewing", "Inadequate")]
    f.write_text(f"Inspection of youth justice services in Pellmoor\n\n{part}")
    ratings = [(r.subject, r.value) for r in parse_file(f).records if r.kind == "rating"]
    assert ratings == [("Reviewing", "Inadequate")]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Taking the standards together, we have rated Pellmoor as Good overall.", "Good"),
        ("Our overall rating for Pellmoor is Requires improvement.", "Requires improvement"),
        ("Overall, the service offered a good range of help; it was rated for speed.", None),
        ("Overall, we rated planning Good and reviewing Inadequate.", None),
    ],
)
def test_the_overall_rating_stated_in_a_sentence(tmp_path, sentence, value):
    """The one grade, as printed (capitalised), of a sentence that says "overall" and "rated" or
    "rating"; two grades or none say nothing of the overall rating."""
    f = tmp_path / "pellmoor_yjs_2024.md"
    f.write_text(
        f"# Inspection of youth justice services in Pellmoor\n\n## Summary\n\n{sentence}\n"
    )
    found = [r for r in parse_file(f).records if r.subject == "overall_rating"]
    assert [r.value for r in found] == ([value] if value else [])
    if value:
        assert found[0].text == sentence and found[0].section == "Summary"


@pytest.mark.parametrize(
    ("lines", "value", "text"),
    [
        ("Overall rating: Good\n\nScore: 22/36", "22/36", "Score: 22/36"),
        (
            "Overall, Pellmoor YJS was rated as Good, with a score of 23 out of a possible 36. "
            "Staff were positive.",
            "23 out of a possible 36",
            "Overall, Pellmoor YJS was rated as Good, with a score of 23 out of a possible 36.",
        ),
        ("| Overall rating | Score |\n| --- | --- |\n| Good | 21/36 |", "21/36", "Good | 21/36"),
        # a count of cases a sentence scores is no score; nor a ratio with no score named
        ("Assessment scored well in 7 out of 12 cases.", None, None),
        ("Plans were sufficient in 14/20 cases.", None, None),
    ],
)
def test_the_overall_score_as_reports_print_it(tmp_path, lines, value, text):
    """A rated inspection's score out of a maximum, where a line, sentence or column says
    "score" (it was read nowhere: "What score out of 36 did we get?" was answered with the
    grade)."""
    f = tmp_path / "pellmoor_yjs_2024.md"
    f.write_text(f"# Inspection of youth justice services in Pellmoor\n\n## Ratings\n\n{lines}\n")
    found = [r for r in parse_file(f).records if r.subject == "overall_score"]
    assert [r.value for r in found] == ([value] if value else [])
    if value:
        assert found[0].text == text


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Inspectors read 18 cases of children supervised by the YOS.", "18"),
        ("We inspected 20 court disposals and 16 out-of-court disposals, 36 cases in all.", "36"),
        ("We inspected 70 cases in total.", "70"),
        ("We looked at the cases of 25 children who were subject to court orders.", "25"),
        (
            "The screening looked at the work done with 16 children who had started a sentence.",
            "16",
        ),
        ("We inspected 24 court disposal cases and 20 out-of-court cases, 44 in total.", "44"),
        # a joint inspection's sample (it was read nowhere)
        ("Inspectors assessed a representative sample of 68 cases of children.", "68"),
        ("We examined a sample of 46 cases supervised in the previous year.", "46"),
        ("Plans were sufficient in 11 of the 18 cases.", None),
        ("In 9 of the 16 cases, 5 in total, plans were late.", None),
    ],
)
def test_the_cases_inspected_as_reports_say_it(tmp_path, sentence, value):
    f = tmp_path / "pellmoor_sqs_2017.txt"
    f.write_text(
        f"Short Quality Screening of youth offending work in Pellmoor\n\nContext\n\n{sentence}\n"
    )
    found = [r.value for r in parse_file(f).records if r.subject == "cases_inspected"]
    assert found == ([value] if value else [])


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("When we visited, the YJS was working with 87 children: 49 under court orders.", "87"),
        ("At the time of our fieldwork it was supervising 94 children, 41 on court orders.", "94"),
        ("The YOT supervised 138 children in the year to September 2016.", "138"),
        ("Average caseloads were 9 children per case manager.", None),
        ("Case managers were working with 14 children in the sample.", None),
        # a part of the caseload, the whole unprinted: no caseload (47 was stored for 84)
        (
            "At the time of the inspection, the YJS was working with 47 children on court "
            "disposals and 37 on out-of-court disposals.",
            None,
        ),
        # a key fact set value first, and the caseload named before its size
        ("84 children on the YJS caseload in March 2023", "84"),
        ("The service had a caseload of 112 children when we visited.", "112"),
        ("Staff held an average caseload of 8 children.", None),
    ],
)
def test_the_children_supervised_as_reports_say_it(tmp_path, sentence, value):
    f = tmp_path / "pellmoor_yjs_2022.md"
    f.write_text(
        f"# Inspection of youth justice services in Pellmoor\n\n## The service\n\n{sentence}\n"
    )
    found = [r for r in parse_file(f).records if r.subject == "children_supervised"]
    assert [r.value for r in found] == ([value] if value else [])
    if value:
        assert found[0].text == sentence


@pytest.mark.parametrize(
    ("sentence", "local", "national"),
    [
        (
            "The published reoffending rate for Oakhill was 31.2%, below the England and Wales "
            "average of 32.4%.",
            "31.2%",
            "32.4%",
        ),
        (
            "The proven reoffending rate for Oakhill was 44.3%, compared with 40.9% for England "
            "and Wales.",
            "44.3%",
            "40.9%",
        ),
        (
            "The reoffending rate for Oakhill was 36.2%, which compared well with the England and "
            "Wales rate of 41.9%.",
            "36.2%",
            "41.9%",
        ),
        (
            "The national reoffending rate was 38.1%, while the rate in Oakhill was 42.0%.",
            "42.0%",
            "38.1%",
        ),
        (
            # house style spells the sign out
            "The reoffending rate for children in Oakhill was 29.4 per cent, compared with 32.2 "
            "per cent for England and Wales.",
            "29.4 per cent",
            "32.2 per cent",
        ),
        # the national figure in brackets after the area's, as a fact line prints it (the
        # national rate was read as the area's: the two figures are equally near the cue)
        ("Reoffending rate: 35.8% (England and Wales: 31.2%)", "35.8%", "31.2%"),
        # every figure set against the cue: the area's then and now, the nation's not printed
        # (41.3% was read as the national rate, fresh78 and tune80)
        (
            "The proven reoffending rate has fallen from 41.3% at the time of the screening to "
            "29.4%, and is now below the England and Wales average.",
            "29.4%",
            None,
        ),
        (
            "The reoffending rate of 41.3% and the custody rate of 6.1% were above the England "
            "and Wales average.",
            None,
            None,
        ),
    ],
)
def test_a_figure_set_against_the_national_one_is_the_area_s(sentence, local, national):
    """The national rate is the figure nearest a national cue, unless a word sets the figure
    against it ("31.2%, below the England and Wales average of 32.4%")."""
    from ingest.records import _rates

    assert _rates(sentence) == (local, national)


@pytest.mark.parametrize(
    ("row", "local", "national"),
    [
        ("| Proven reoffending rate | 29.4% (England and Wales 32.6%) |", "29.4%", "32.6%"),
        ("| Reoffending rate | 29.4% (England and Wales average 32.2%) |", "29.4%", "32.2%"),
        ("| Reoffending rate, Oakhill v England and Wales | 34.8% v 32.6% |", "34.8%", "32.6%"),
        # (the nation's alone: the area's is the one the text says it fell to)
        ("| Reoffending rate, England and Wales | 32.6% |", "29.4%", "32.6%"),
    ],
)
def test_a_key_fact_s_cell_giving_both_rates(tmp_path, row, local, national):
    """A key fact's one cell that prints the area's rate and the nation's, the nation named in
    the cell or after the area in the label: the first was read as the national rate, or the
    row was passed over for a progress sentence's figures (fresh78, tune80)."""
    f = tmp_path / "oakhill_yjs_2022.md"
    f.write_text(
        "# Inspection of youth justice services in Oakhill\n\n## Key facts\n\n"
        f"| Key fact | Value |\n| --- | --- |\n{row}\n\n## Progress\n\n"
        "The proven reoffending rate has fallen from 41.3% at the time of the screening to "
        "29.4%, and is now below the England and Wales average.\n",
        encoding="utf-8",
    )
    facts = {r.subject: r.value for r in parse_file(f).records if r.kind == "fact"}
    assert (facts.get("reoffending_rate"), facts.get("national_reoffending_rate")) == (
        local,
        national,
    )


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The Head of Service, Rhodri Ferrers, took up the post in 2022.", "Rhodri Ferrers"),
        ("Eluned Tremlow became Head of Service in April 2021.", "Eluned Tremlow"),
        ("The Head of Service is Nadia Harrowby, who joined in 2021.", "Nadia Harrowby"),
        ("The Head of Service met us on the first day.", None),
    ],
)
def test_the_service_manager_as_reports_name_them(tmp_path, sentence, value):
    f = tmp_path / "pellmoor_yjs_2022.txt"
    f.write_text(f"Inspection of youth justice services in Pellmoor\n\nLeadership\n\n{sentence}\n")
    found = [r.value for r in parse_file(f).records if r.subject == "service_manager"]
    assert found == ([value] if value else [])


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The inspection was conducted from 27-29 April 2015 as planned.", "27-29 April 2015"),
        (
            "Between 7 and 9 February 2017 we carried out a Short Quality Screening.",
            "7 and 9 February 2017",
        ),
        (
            "From 10 to 12 March 2015, HM Inspectorate of Probation conducted a Short Quality "
            "Screening of youth offending work.",
            "10 to 12 March 2015",
        ),
        ("On 7 and 9 February 2017 the board met twice.", None),
        ("From 2 to 4 May 2016 the office was closed, so the visit took place later.", None),
    ],
)
def test_the_fieldwork_dates_before_or_after_the_words_that_tell_of_the_visit(
    tmp_path, sentence, value
):
    f = tmp_path / "pellmoor_sqs_2017.txt"
    f.write_text(
        f"Short Quality Screening of youth offending work in Pellmoor\n\nContext\n\n{sentence}\n"
    )
    found = [r.value for r in parse_file(f).records if r.subject == "fieldwork_dates"]
    assert found == ([value] if value else [])


def test_a_letter_s_own_date_and_addressee_from_its_front(tmp_path):
    """A letter whose front names no field: the date line above the salutation is the date it
    bears (not the day it is published, told later), the salutation's name is the addressee as
    the address block prints it in full, and a web page's line of particulars ends its first
    value at the separator."""
    f = tmp_path / "pellmoor_sqs_2016.txt"
    f.write_text(
        "Published: 21 April 2016 · Inspection type: Short Quality Screening\n\n"
        "Mr Robert Ashdown\nHead of Youth Offending Service\nPellmoor Borough Council\n\n"
        "21 April 2016\n\nDear Mr Ashdown,\n\n"
        "Short Quality Screening of youth offending work in Pellmoor\n\n"
        "We looked at 22 cases. This letter will be published on 5 May 2016.\n"
    )
    facts = {r.subject: (r.value, r.text) for r in parse_file(f).records if r.kind == "fact"}
    assert facts["letter_date"] == ("21 April 2016", "21 April 2016")
    assert facts["addressee"] == (
        "Mr Robert Ashdown",
        "Mr Robert Ashdown Head of Youth Offending Service Pellmoor Borough Council",
    )
    assert facts["publication_date"][0] == "21 April 2016"


def test_an_addressee_s_name_inside_a_run_of_address_lines(tmp_path):
    """A browser's copy runs the inspectorate's address and the addressee's into one block:
    the name is the words up to the surname the salutation greets, from its title on."""
    f = tmp_path / "pellmoor_sqs_2016.txt"
    f.write_text(
        "HM Inspectorate of Probation\n3rd Floor, Hallam Court\nManchester\nM3 4LT\n"
        "Ms Carol Henshaw\nHead of Youth Offending Service\n\nDear Ms Henshaw,\n\n"
        "Short Quality Screening of youth offending work in Pellmoor\n\nWe looked at 22 cases.\n"
    )
    facts = {r.subject: r.value for r in parse_file(f).records if r.kind == "fact"}
    assert facts["addressee"] == "Ms Carol Henshaw"


@pytest.mark.parametrize(
    ("front", "manager"),
    [
        # a line each, as a Word letter saved as HTML sets them (the tune53 set)
        (
            "<p>Ms Harriet Quarmby</p><p>Head of Pellmoor Youth Offending Service</p>",
            "Ms Harriet Quarmby",
        ),
        ("<p>Ms Harriet Quarmby<br/>Head of Youth Offending Service</p>", "Ms Harriet Quarmby"),
        # addressed to someone else: no service manager read from it
        ("<p>Ms Harriet Quarmby</p><p>Director of Children's Services</p>", None),
    ],
)
def test_a_letter_addressed_to_the_head_of_service_names_the_service_manager(
    tmp_path, front, manager
):
    """A screening letter is addressed to the head of the youth offending service: the name
    over that title is who managed the service then ("Who was the YOS head of service when the
    2016 letter was sent?" had been answered with a copy-list name)."""
    f = tmp_path / "pellmoor_sqs_2016.html"
    f.write_text(
        f"<p>HM Inspectorate of Probation</p>{front}<p>Tannery House</p><p>21 June 2016</p>"
        "<p>Dear Ms Quarmby</p><h2>Short Quality Screening of youth offending work in "
        "Pellmoor</h2><p>We looked at 22 cases.</p>",
        encoding="utf-8",
    )
    facts = {r.subject: r.value for r in parse_file(f).records if r.kind == "fact"}
    assert facts["addressee"] == "Ms Harriet Quarmby"
    assert facts.get("service_manager") == manager


def test_an_addressee_greeted_by_the_first_name_is_named_in_full(tmp_path):
    """ "Dear Graham" over "Mr Graham Towle / Head of Youth Offending Service": the name runs
    on to the surname (it had stopped at "Mr Graham"), and he managed the service."""
    f = tmp_path / "pellmoor_sqs_2016.html"
    f.write_text(
        "<p>Mr Graham Towle</p><p>Head of Youth Offending Service</p><p>Civic Offices</p>"
        "<p>Date: 19 April 2016</p><p>Dear Graham</p><h2>Short Quality Screening of youth "
        "offending work in Pellmoor</h2><p>We looked at 21 cases.</p>",
        encoding="utf-8",
    )
    facts = {r.subject: r.value for r in parse_file(f).records if r.kind == "fact"}
    assert facts["addressee"] == "Mr Graham Towle"
    assert facts["service_manager"] == "Mr Graham Towle"


def test_a_salutation_without_an_address_block_names_the_addressee_as_greeted(tmp_path):
    f = tmp_path / "pellmoor_sqs_2016.txt"
    f.write_text(
        "HM Inspectorate of Probation\n\nDear Ms Henshaw,\n\n"
        "Short Quality Screening of youth offending work in Pellmoor\n\nWe looked at 22 cases.\n"
    )
    facts = {r.subject: r.value for r in parse_file(f).records if r.kind == "fact"}
    assert facts["addressee"] == "Ms Henshaw"
    assert "letter_date" not in facts


FORWARDED = (
    "From: Lockhart, Priya\n\nSent: 19 May 2016 09:42\n\nTo: YOS Management Board Members\n\n"
    "Subject: FW: Quenby YOS - Short Quality Screening\n\n"
    "Dear all, please see the letter below.\n\nKind regards\n\nPriya\n\n"
    "-----Original Message-----\n\n"
    "From: Pennock, Gareth [mailto:Gareth.Pennock@hmip.example.gov.uk]\n\n"
    "Sent: 18 May 2016 16:05\n\nTo: Threlfall, Alison\n\n"
    "Subject: Quenby YOS - Short Quality Screening\n\n"
    "Dear Mrs Threlfall\n\n"
    "We recently completed a Short Quality Screening of youth offending work in Quenby.\n\n"
    "Yours sincerely\n\nGareth Pennock\n\nHM Inspector of Probation\n\nLead Inspector\n"
)


def test_a_letter_forwarded_by_email_is_from_and_to_the_original_message_s_people(tmp_path):
    """A letter forwarded round the board: the forward's "From:" and "To:" (the officer who
    sent it round, the board members) were read as its signatory and addressee; they are the
    original message's, the letter is signed by its own sign-off (not by the "From:" of the
    email it came in), and a sign-off set over three lines names the lead inspector."""
    f = tmp_path / "quenby_sqs_2016.txt"
    f.write_text(FORWARDED)
    report = parse_file(f)
    facts = {r.subject: (r.value, r.text) for r in report.records if r.kind == "fact"}
    assert facts["signatory"] == (
        "Gareth Pennock",
        "Gareth Pennock HM Inspector of Probation Lead Inspector",
    )
    assert facts["addressee"] == ("Threlfall, Alison", "To: Threlfall, Alison")
    assert facts["lead_inspector"] == (
        "Gareth Pennock",
        "Gareth Pennock HM Inspector of Probation Lead Inspector",
    )
    assert report.meta.lead_inspector == "Gareth Pennock"


def test_the_one_email_a_letter_came_in_is_from_and_to_its_people(tmp_path):
    """Sent straight from the inspectorate, the email's own header names who it is to, and
    who sent it where the letter has no sign-off of its own."""
    f = tmp_path / "quenby_sqs_2016.txt"
    sent = FORWARDED[FORWARDED.index("-----Original Message-----") :]
    f.write_text(sent)
    facts = {r.subject: r.value for r in parse_file(f).records if r.kind == "fact"}
    assert (facts["signatory"], facts["addressee"]) == ("Gareth Pennock", "Threlfall, Alison")
    f.write_text(sent[: sent.index("Yours sincerely")])
    facts = {r.subject: r.value for r in parse_file(f).records if r.kind == "fact"}
    assert (facts["signatory"], facts["addressee"]) == ("Pennock, Gareth", "Threlfall, Alison")


def test_a_letter_with_no_from_field_is_signed_by_the_name_under_its_sign_off(tmp_path):
    """No "From:" line: the signatory is the name under "Yours sincerely" (the letter's, not a
    forwarding note's "Kind regards" above it); "Who signed the letter?" had no fact to read."""
    f = tmp_path / "quenby_sqs_2018.md"
    f.write_text(
        "Dear all, the final letter is below.\n\nKind regards\n\nPriya Lockhart\n\n"
        "# Short Quality Screening of youth offending work in Quenby\n\n"
        "Dear Mr Penhallow\n\nWe examined 17 cases.\n\n"
        "Yours sincerely\n\nMarian Tollervey HM Inspector and Lead Inspector\n"
    )
    facts = {r.subject: (r.value, r.text) for r in parse_file(f).records if r.kind == "fact"}
    assert facts["signatory"] == (
        "Marian Tollervey",
        "Marian Tollervey HM Inspector and Lead Inspector",
    )


def test_a_signer_s_name_ends_where_their_title_begins_and_who_led_is_the_lead(tmp_path):
    """The line under the sign-off runs the title on after the name ("Helen Marlowe Assistant
    Chief Inspector" was stored as "Helen Marlowe Assistant Chief"); "X, HM Inspector, who led
    the screening" names the lead inspector (none was read)."""
    f = tmp_path / "quenby_sqs_2017.md"
    f.write_text(
        "# Short Quality Screening of youth offending work in Quenby\n\n"
        "Dear Mr Penhallow\n\nThe inspection team comprised Lorna Battersby, HM Inspector, who "
        "led the screening; and Sean McGarrity, HM Inspector.\n\n"
        "Yours sincerely\n\nHelen Marlowe Assistant Chief Inspector\n"
    )
    facts = {r.subject: r.value for r in parse_file(f).records if r.kind == "fact"}
    assert (facts["signatory"], facts["lead_inspector"]) == ("Helen Marlowe", "Lorna Battersby")


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Published: 9 November 2022", "9 November 2022"),
        ("HM Inspectorate of Probation. Published on 6 June 2023.", "6 June 2023"),
        # a letter's next steps say when it will be published (it was read nowhere)
        ("It will be published on the HMI Probation website on 22 April 2014.", "22 April 2014"),
        ("The letter was published on our website on 3 May 2016.", "3 May 2016"),
        ("The report was published in May.", None),
    ],
)
def test_the_publication_date_as_reports_and_letters_say_it(tmp_path, sentence, value):
    f = tmp_path / "pellmoor_sqs_2014.txt"
    f.write_text(
        f"Short Quality Screening of youth offending work in Pellmoor\n\nNext steps\n\n{sentence}\n"
    )
    found = [r.value for r in parse_file(f).records if r.subject == "publication_date"]
    assert found == ([value] if value else [])


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The YJS employs 38 staff, including 12 case managers.", "38"),
        ("At the time of our visit the service employed 27 staff.", "27"),
        ("The YJS has 24 staff, including 11 case managers and two team managers.", "24"),
        ("The YJS employs 34.5 full-time equivalent staff in two teams.", "34.5"),
        # a survey's count of staff is no headcount
        ("In our survey, 31 of the 33 staff who replied said their manager supported them.", None),
    ],
)
def test_the_staff_employed_as_reports_say_it(tmp_path, sentence, value):
    """How many staff the service has (it was read nowhere: "How big is the team?" bolded a
    percentage)."""
    f = tmp_path / "pellmoor_yjs_2022.md"
    f.write_text(
        f"# Inspection of youth justice services in Pellmoor\n\n## The service\n\n{sentence}\n"
    )
    found = [r.value for r in parse_file(f).records if r.subject == "staff_employed"]
    assert found == ([value] if value else [])


def test_key_facts_a_row_at_a_time(tmp_path):
    """A rated inspection's key facts, a table row each: the children supervised, the staff
    employed, and the national reoffending rate on a row of its own beside the area's (it was
    read only from a row or sentence holding both: the row under the area's was skipped)."""
    f = tmp_path / "pellmoor_yjs_2023.md"
    f.write_text(
        "# Inspection of youth justice services in Pellmoor\n\n## Key facts\n\n"
        "| Fact | Figure |\n| --- | --- |\n"
        "| Children supervised by the YJS on 1 October 2023 | 96 children |\n"
        "| Average caseload per case manager | 9 children |\n"
        "| Staff employed by the YJS (full-time equivalent) | 34.5 FTE |\n"
        "| Proven reoffending rate, Pellmoor | 35.8% |\n"
        "| Proven reoffending rate, England and Wales | 31.2% |\n"
    )
    facts = {r.subject: (r.value, r.text) for r in parse_file(f).records if r.kind == "fact"}
    assert facts["children_supervised"] == (
        "96",
        "Children supervised by the YJS on 1 October 2023 | 96 children",
    )
    assert facts["staff_employed"] == (
        "34.5",
        "Staff employed by the YJS (full-time equivalent) | 34.5 FTE",
    )
    assert facts["reoffending_rate"] == ("35.8%", "Proven reoffending rate, Pellmoor | 35.8%")
    assert facts["national_reoffending_rate"] == (
        "31.2%",
        "Proven reoffending rate, England and Wales | 31.2%",
    )


@pytest.mark.parametrize(
    ("row", "value"),
    [
        ("| YJS staff, headcount (full-time equivalent) | 31 (27.4) | n/a |", "31"),
        ("| Staff, including seconded staff | 38 (6 seconded) | n/a |", "38"),
        ("| Staff in post | 41 | n/a |", "41"),
        ("| Number of staff | 33 | n/a |", "33"),
        # what staff did or said is counted, not the staff
        ("| Staff survey responses | 29 | n/a |", None),
        ("| Staff turnover, 2022 | 8% | 14% |", None),
    ],
)
def test_a_key_fact_row_counting_staff_by_its_label_s_head(tmp_path, row, value):
    """A key facts table with a column for the area and one for England and Wales (the tune54
    set's pandoc page): a row whose label's head, before any comma or bracket, is "staff" counts
    the staff, its first figure the area's (it was read nowhere: "how many staff do we have?"
    bolded the 42 people inspectors met)."""
    f = tmp_path / "pellmoor_yjs_2022.md"
    f.write_text(
        "# Inspection of youth justice services in Pellmoor\n\n## Key facts\n\n"
        "| Key fact | Pellmoor | England and Wales |\n| --- | --- | --- |\n"
        "| Population aged 10 to 17 | 21,450 | n/a |\n"
        f"{row}\n"
    )
    found = [r.value for r in parse_file(f).records if r.subject == "staff_employed"]
    assert found == ([value] if value else [])


def test_key_facts_printed_value_first(tmp_path):
    """Key facts as a designed page sets them, each count before its label and no sentence
    ("89 Children supervised by the YJS at the start of fieldwork"); an average is no count of
    the children."""
    f = tmp_path / "pellmoor_yjs_2023.md"
    f.write_text(
        "# Inspection of youth justice services in Pellmoor\n\n## Key facts\n\n"
        "9 Children on the average caseload of a case manager\n\n"
        "89 Children supervised by the YJS at the start of fieldwork\n\n"
        "38 Staff working in the YJS, including seconded staff\n"
    )
    facts = {r.subject: (r.value, r.text) for r in parse_file(f).records if r.kind == "fact"}
    assert facts["children_supervised"] == (
        "89",
        "89 Children supervised by the YJS at the start of fieldwork",
    )
    assert facts["staff_employed"] == (
        "38",
        "38 Staff working in the YJS, including seconded staff",
    )


@pytest.mark.parametrize(
    "line",
    [
        # fresh65's key facts: the label in lower case after its count
        "52 staff (44.8 full-time equivalent), including seconded police and health staff",
        # fresh66's: a decimal point in the label's bracket
        "52 Staff headcount (44.8 full-time equivalent)",
    ],
)
def test_a_key_fact_value_first_with_a_decimal_or_a_lower_case_label(tmp_path, line):
    """A value-first key fact's label may hold a figure's decimal point and open in lower case
    after its count; the staff count was missed, so "How many staff do we have?" was refused."""
    f = tmp_path / "pellmoor_yjs_2023.md"
    f.write_text(
        "# Inspection of youth justice services in Pellmoor\n\n## Key facts\n\n"
        f"{line}\n\n89 children supervised by the YJS at the start of fieldwork\n"
    )
    facts = {r.subject: (r.value, r.text) for r in parse_file(f).records if r.kind == "fact"}
    assert facts["staff_employed"] == ("52", line)
    assert facts["children_supervised"] == (
        "89",
        "89 children supervised by the YJS at the start of fieldwork",
    )


@pytest.mark.parametrize(
    "line",
    [
        "38 Cases inspected: 26 court disposals and 12 out-of-court disposals",  # tune68
        "38 Cases inspected (26 court disposals, 12 out-of-court disposals)",  # tune60
    ],
)
def test_a_key_fact_counting_the_cases_inspected_value_first(tmp_path, line):
    """A key facts page's count of the cases inspected, value first: the cases inspected (the
    2020 side of "How did the number of cases inspected change?" quoted a finding on
    reviewing)."""
    f = tmp_path / "pellmoor_yjs_2023.md"
    f.write_text(
        "# Inspection of youth justice services in Pellmoor\n\n## Key facts\n\n"
        f"{line}\n\n## Reviewing\n\nReviewing was sufficient in 20 of the 26 cases.\n"
    )
    facts = {r.subject: (r.value, r.text) for r in parse_file(f).records if r.kind == "fact"}
    assert facts["cases_inspected"] == ("38", line)


def test_key_facts_as_fields_label_then_value(tmp_path):
    """Key facts set as fields, a label, a colon and the value (the tune56 and fresh58
    SharePoint pages' styled divs, tune37's text file): the staff and the children counted
    (the staff row was read nowhere, and "How many staff do we have?" abstained as if the
    report gave no headcount); a field whose value is no count ("Fieldwork: 8 to 12 April
    2024") counts nothing."""
    f = tmp_path / "pellmoor_yjs_2024.md"
    f.write_text(
        "# Inspection of youth justice services in Pellmoor\n\n## Key facts\n\n"
        "Children supervised at the time of inspection: 118\n\n"
        "Staff: 41 people (34.6 full-time equivalent)\n\n"
        "Fieldwork: 8 to 12 April 2024\n"
    )
    facts = {r.subject: (r.value, r.text) for r in parse_file(f).records if r.kind == "fact"}
    assert facts["children_supervised"] == (
        "118",
        "Children supervised at the time of inspection: 118",
    )
    assert facts["staff_employed"] == ("41", "Staff: 41 people (34.6 full-time equivalent)")
    assert facts["fieldwork_dates"][0] == "8 to 12 April 2024"


def test_a_letter_s_to_field_naming_the_head_of_the_service_names_its_manager(tmp_path):
    """ "To: Martin Greaves, Head of Oakhill Youth Offending Service": the addressee, and the
    service's manager at the time of the letter."""
    from ingest.parse import parse_file

    f = tmp_path / "oakhill_sqs_2016.txt"
    f.write_text(
        "Short Quality Screening of youth offending work in Oakhill\n\n"
        "To: Martin Greaves, Head of Oakhill Youth Offending Service\n\n"
        "Summary\n\nPlans were weak.\n"
    )
    facts = {r.subject: r.value for r in parse_file(f).records if r.kind == "fact"}
    assert (facts.get("addressee"), facts.get("service_manager")) == (
        "Martin Greaves, Head of Oakhill Youth Offending Service",
        "Martin Greaves",
    )


@pytest.mark.parametrize(
    ("paragraph", "value"),
    [
        (
            "We ask the YOS Management Board to prepare an improvement plan that addresses the "
            "areas requiring improvement, and to send it to the lead inspector by 13 January 2017.",
            "13 January 2017",
        ),
        (
            "Please send us an action plan within eight weeks, by 14 September 2016.",
            "14 September 2016",
        ),
        (
            "We would like an improvement plan within six weeks of the date of this letter.",
            "within six weeks of the date of this letter",
        ),
        (
            "The board should prepare an improvement plan. It should reach the lead inspector "
            "within 20 working days.",
            "within 20 working days",
        ),
        # not asked for: a review's time is no plan's deadline
        (
            "We are not asking for a formal action plan, but the management board should review "
            "progress against the areas requiring improvement within six months.",
            None,
        ),
        # a plan sent, not asked for
        ("The service sent its improvement plan to the YJB in December 2016.", None),
    ],
)
def test_when_the_improvement_plan_a_letter_asks_for_is_due(tmp_path, paragraph, value):
    """The deadline a letter sets for the improvement plan it asks for (tune sets: 19 of 34
    questions asking it missed, most answered with the list of areas requiring improvement)."""
    f = tmp_path / "pellmoor_sqs_2016.txt"
    f.write_text(
        "Short Quality Screening of youth offending work in Pellmoor\n\nNext steps\n\n"
        f"{paragraph}\n"
    )
    found = [
        (r.value, r.section) for r in parse_file(f).records if r.subject == "improvement_plan_due"
    ]
    assert found == ([(value, "Next steps")] if value else [])


@pytest.mark.parametrize(
    ("row", "value"),
    [
        ("Head of Pellmoor Youth Justice Service | Priyanka Lovell", "Priyanka Lovell"),
        ("Head of Service, Pellmoor YOS | Auberon Stelling", "Auberon Stelling"),
        # a copy list's office holder at the Youth Justice Board heads no service
        ("Head of Oversight (North), Youth Justice Board | Ravi Dhanjal", None),
    ],
)
def test_a_key_fact_row_titled_head_of_the_service_names_its_manager(tmp_path, row, value):
    """A two-cell row whose label is the head of the service's title, naming the service."""
    cells = row.split(" | ")
    f = tmp_path / "pellmoor_yjs_2022.html"
    f.write_text(
        "<h1>Inspection of youth justice services in Pellmoor</h1><h2>Key facts</h2><table>"
        f"<tr><td>{cells[0]}</td><td>{cells[1]}</td></tr>"
        "<tr><td>Children supervised</td><td>96</td></tr></table>"
    )
    found = [r.value for r in parse_file(f).records if r.subject == "service_manager"]
    assert found == ([value] if value else [])
