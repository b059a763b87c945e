"""ui/compare.py: the Compare view's table, CSV and evidence-pack section, against a real store
of the sample reports (tests/test_app_records.py: data/reports, a 2021 Northfield report with two
grades changed, and Fernley SQS 2018 with an owned recommendation)."""

from __future__ import annotations

import pytest
from test_app_records import build_records_store

from findings.errors import FindingsError
from ui.compare import (
    Cell,
    CompareRow,
    CompareTable,
    align_ratings,
    by_area,
    cited_markdown,
    compare,
    reports_in_area,
    subject_key,
)
from ui.export import evidence_pack

N19, N21 = "Northfield YOS inspection 2019", "Northfield YOS inspection 2021"
M14, M16 = "Marshbury SQS 2014", "Marshbury SQS 2016"
MARSHBURY_IMPROVEMENTS = {
    (M14, 1): "Intervention plans should contain a small number of prioritised objectives and "
    "should be written with children and young people and their parents/carers.",
    (M14, 2): "Referrals to MAPPA should be made as soon as a child or young person meets the "
    "criteria, and all staff should understand the referral process.",
    (M14, 3): "Managers should quality assure plans rather than simply countersign them.",
    (M16, 1): "The CAMHS worker post should be filled, and interim arrangements should be made so "
    "that case managers can get specialist mental health advice.",
    (M16, 2): "Case managers should be supported to identify emotional and mental health needs, "
    "and to refer children and young people to CAMHS where necessary.",
}


@pytest.fixture(scope="module")
def store(tmp_path_factory, embedder):
    return build_records_store(tmp_path_factory.mktemp("compare"), embedder)


@pytest.fixture(scope="module")
def reports(store) -> dict[str, dict]:
    return {r["report_id"]: r for r in store.list_reports()}


def table(store, reports, ids: list[str], kind: str) -> CompareTable:
    return compare(
        [reports[i] for i in ids], kind, store.records(ids, [kind]), store.get_paragraphs
    )


def grid(t: CompareTable) -> list[tuple]:
    """(subject, then each column's (value, label) or None), row by row."""
    return [
        (row.subject, *((c.shown, c.label) if c else None for c in row.cells)) for row in t.rows
    ]


class TestRatings:
    def test_rows_are_standards_matched_across_reports(self, store, reports):
        t = table(store, reports, ["northfield_yos_2021", "northfield_yos_2019"], "rating")
        assert t.report_ids == ["northfield_yos_2019", "northfield_yos_2021"]  # oldest first
        assert t.columns == [N19, N21]
        assert t.first_column == "Subject"
        grades = [
            ("Overall rating", "Good", "Good", "Overall rating ¶1"),
            ("1.1 Governance and leadership", "Good", "Good", "Ratings ¶2"),
            ("1.2 Staff", "Outstanding", "Outstanding", "Ratings ¶3"),
            ("1.3 Partnerships and services", "Requires improvement", "Good", "Ratings ¶4"),
            ("1.4 Information and facilities", "Good", "Good", "Ratings ¶5"),
            ("2.1 Assessment", "Requires improvement", "Requires improvement", "Ratings ¶7"),
            ("2.2 Planning", "Requires improvement", "Requires improvement", "Ratings ¶8"),
            ("2.3 Implementation and delivery", "Good", "Good", "Ratings ¶9"),
            ("2.4 Reviewing", "Good", "Inadequate", "Ratings ¶10"),  # 2021 prints `2.4 reviewing`
            ("3.1 Assessment", "Outstanding", "Outstanding", "Ratings ¶12"),
            ("3.2 Planning", "Good", "Good", "Ratings ¶13"),
            ("3.3 Implementation and delivery", "Good", "Good", "Ratings ¶14"),
            ("3.4 Joint working", "Outstanding", "Outstanding", "Ratings ¶15"),
        ]
        assert grid(t) == [
            (subject, (old, f"{N19} · {where}"), (new, f"{N21} · {where}"))
            for subject, old, new, where in grades
        ]
        assert [r.name for r in t.rows] == [r.subject for r in t.rows]

    def test_a_cell_carries_its_paragraph(self, store, reports):
        t = table(store, reports, ["northfield_yos_2019", "northfield_yos_2021"], "rating")
        row = next(r for r in t.rows if r.subject == "2.4 Reviewing")
        assert row.cells[1] == Cell(
            value="Inadequate",
            label=f"{N21} · Ratings ¶10",
            quote="2.4 reviewing | Inadequate",
            paragraph="2.4 reviewing | Inadequate",
        )
        overall = t.rows[0].cells[0]
        assert overall.quote == "Northfield Youth Offending Service (YOS) is rated: Good."
        assert overall.paragraph == overall.quote

    def test_csv(self, store, reports):
        t = table(store, reports, ["northfield_yos_2019", "northfield_yos_2021"], "rating")
        lines = t.to_csv().split("\n")
        assert lines[0] == f"subject,{N19},{N19} citation,{N21},{N21} citation"
        assert lines[1] == (
            f"Overall rating,Good,{N19} · Overall rating ¶1,Good,{N21} · Overall rating ¶1"
        )
        assert lines[9] == f"2.4 Reviewing,Good,{N19} · Ratings ¶10,Inadequate,{N21} · Ratings ¶10"
        assert len(lines) == 15 and lines[-1] == ""

    def test_reports_without_ratings_give_no_rows(self, store, reports):
        t = table(store, reports, ["marshbury_sqs_2014", "northfield_yos_2019"], "rating")
        assert t.columns == [M14, N19]
        assert grid(t)[0] == ("Overall rating", None, ("Good", f"{N19} · Overall rating ¶1"))
        assert all(row.cells[0] is None for row in t.rows)  # nothing invented for 2014
        empty = table(store, reports, ["marshbury_sqs_2014", "marshbury_sqs_2016"], "rating")
        assert (empty.columns, empty.rows) == ([M14, M16], [])
        assert empty.to_csv() == f"subject,{M14},{M14} citation,{M16},{M16} citation\n"


class TestFacts:
    def test_rows_follow_the_fact_subjects(self, store, reports):
        t = table(store, reports, ["marshbury_sqs_2016", "marshbury_sqs_2014"], "fact")
        assert t.columns == [M14, M16]
        assert [(r.subject, r.name) for r in t.rows] == [
            ("lead_inspector", "Lead inspector"),
            ("fieldwork_dates", "Fieldwork dates"),
            ("addressee", "Addressee"),
            ("signatory", "Signatory"),
            ("service_manager", "Service manager"),
            ("cases_inspected", "Cases inspected"),
            ("reoffending_rate", "Reoffending rate"),
            ("national_reoffending_rate", "National reoffending rate"),
            ("publication_date", "Publication date"),
        ]
        assert t.to_csv() == (
            f"subject,{M14},{M14} citation,{M16},{M16} citation\n"
            f"lead_inspector,Owen Tregarthen,{M14} · Closing ¶2,Hannah Okafor,{M16} · Closing ¶2\n"
            f"fieldwork_dates,10-12 March 2014,{M14} · Header ¶5,19-21 April 2016,{M16} · Header ¶5\n"
            f'addressee,"Dr Alan Pryce, Chair of YOS Management Board",{M14} · Header ¶1,'
            f'"Cllr Rachel Deane, Chair of YOS Management Board",{M16} · Header ¶1\n'
            f'signatory,"Margaret Hollins, Assistant Chief Inspector (Youth Justice)",{M14} · Header ¶3,'
            f'"Carol Whitfield, Assistant Chief Inspector (Youth Justice)",{M16} · Header ¶3\n'
            f"service_manager,Lorraine Backhouse,{M14} · Copy to ¶1,Daniel Fensome,{M16} · Copy to ¶1\n"
            f"cases_inspected,16,{M14} · Context ¶1,15,{M16} · Context ¶1\n"
            f"reoffending_rate,41.2%,{M14} · Summary ¶1,37.4%,{M16} · Summary ¶1\n"
            f"national_reoffending_rate,35.7%,{M14} · Summary ¶1,37.9%,{M16} · Summary ¶1\n"
            f"publication_date,9 April 2014,{M14} · Header ¶4,18 May 2016,{M16} · Header ¶4\n"
        )

    def test_a_fact_cell_opens_on_its_whole_paragraph(self, store, reports):
        t = table(store, reports, ["marshbury_sqs_2014"], "fact")
        lead = t.rows[0].cells[0]
        assert lead.quote == (
            "If you have any further questions about the inspection please contact the lead "
            "inspector, who was Owen Tregarthen."
        )
        assert lead.paragraph == (
            lead.quote + " He can be contacted at owen.tregarthen@hmiprobation.gsi.gov.uk or on "
            "07700 900412."
        )
        assert cited_markdown(lead.paragraph, lead.quote) == (
            "**If you have any further questions about the inspection please contact the lead "
            "inspector, who was Owen Tregarthen.** He can be contacted at "
            "owen.tregarthen@hmiprobation.gsi.gov.uk or on 07700 900412."
        )


class TestLists:
    def test_row_i_is_each_reports_ith_item(self, store, reports):
        t = table(store, reports, ["marshbury_sqs_2014", "marshbury_sqs_2016"], "improvement")
        assert t.first_column == "Item"
        section = "Areas requiring improvement"
        assert grid(t) == [
            (
                str(i),
                *(
                    (MARSHBURY_IMPROVEMENTS[(r, i)], f"{r} · {section} ¶{i}")
                    if (r, i) in MARSHBURY_IMPROVEMENTS
                    else None
                    for r in (M14, M16)
                ),
            )
            for i in (1, 2, 3)
        ]
        assert [(key, text) for key, text, _ in t.cells()][-1] == (
            "improvement\tmarshbury_sqs_2014\t3",
            f"Item 3 · {M14}: {MARSHBURY_IMPROVEMENTS[(M14, 3)]}",
        )
        assert [key for key, _, _ in t.cells()][:2] == [
            "improvement\tmarshbury_sqs_2014\t1",
            "improvement\tmarshbury_sqs_2016\t1",
        ]
        assert t.cells()[0][1] == (
            f"Item 1 · {M14}: Intervention plans should contain a small number of prioritised "
            "objectives and…"
        )

    def test_recommendations_carry_their_owner(self, store, reports):
        t = table(store, reports, ["fernley_sqs_2018", "kestrel_vale_fji_2013"], "recommendation")
        kv, fe = "Kestrel Vale FJI 2013", "Fernley SQS 2018"
        assert t.columns == [kv, fe]
        assert len(t.rows) == 6
        owned = t.rows[0].cells[1]
        assert (owned.value, owned.owner, owned.label) == (
            "Every eligible case should be referred to MAPPA on time (YOS Management Board).",
            "YOS Management Board",
            f"{fe} · Recommendations ¶1",
        )
        assert owned.shown == f"{owned.value} (owner: YOS Management Board)"
        assert t.rows[0].cells[0].owner is None  # "The YOS Manager should…": not guessed
        lines = t.to_csv().split("\n")
        assert lines[0] == (f"subject,{kv},{kv} citation,{kv} owner,{fe},{fe} citation,{fe} owner")
        assert lines[1] == (
            "1,The YOS Manager should make sure that intervention plans contain specific "
            "objectives that follow from the assessment of each child or young person.,"
            f"{kv} ¶1,,Every eligible case should be referred to MAPPA on time (YOS Management "
            f"Board).,{fe} · Recommendations ¶1,YOS Management Board"
        )
        assert lines[2].endswith(
            f",Reviews should follow every change in a child's circumstances.,{fe} · Recommendations ¶2,"
        )
        assert lines[3] == (
            "3,The YOS Manager should make sure that resettlement planning for young people in "
            f"custody starts at the beginning of the sentence.,{kv} ¶3,,,,"
        )
        assert t.markdown_grid()[fe][:2] == [
            "Every eligible case should be referred to MAPPA on time (YOS Management Board). "
            "(owner\\: YOS Management Board)",
            "Reviews should follow every change in a child's circumstances.",
        ]

    def test_evidence_pack_section(self, store, reports):
        t = table(store, reports, ["marshbury_sqs_2014", "marshbury_sqs_2016"], "improvement")
        i = MARSHBURY_IMPROVEMENTS
        s = "Areas requiring improvement"
        assert evidence_pack([], "2026-11-26 10:30", "Offline extractive", "/srv/store", t) == (
            "# Evidence pack\n\n"
            "Generated 2026-11-26 10:30 by findings (Offline extractive) from /srv/store. "
            "Quotes are verbatim from the reports.\n\n"
            "No questions were answered in this conversation.\n\n"
            "## Comparison: areas for improvement\n\n"
            f"Reports, oldest first: {M14}, {M16}. Each cell is the value as printed, then its "
            "citation; an empty cell: the report has none.\n\n"
            f"| Item | {M14} | {M16} |\n"
            "| --- | --- | --- |\n"
            f"| 1 | {i[(M14, 1)]} ({M14} · {s} ¶1) | {i[(M16, 1)]} ({M16} · {s} ¶1) |\n"
            f"| 2 | {i[(M14, 2)]} ({M14} · {s} ¶2) | {i[(M16, 2)]} ({M16} · {s} ¶2) |\n"
            f"| 3 | {i[(M14, 3)]} ({M14} · {s} ¶3) |  |\n\n"
            "### Cited paragraphs\n\n"
            f"- {M14} · {s} ¶1: {i[(M14, 1)]}\n"
            f"- {M16} · {s} ¶1: {i[(M16, 1)]}\n"
            f"- {M14} · {s} ¶2: {i[(M14, 2)]}\n"
            f"- {M16} · {s} ¶2: {i[(M16, 2)]}\n"
            f"- {M14} · {s} ¶3: {i[(M14, 3)]}\n"
        )

    def test_no_comparison_rows_leave_the_pack_as_it_was(self, store, reports):
        empty = table(store, reports, ["marshbury_sqs_2014"], "rating")
        assert evidence_pack([], "t", "m", "s", empty) == evidence_pack([], "t", "m", "s")


@pytest.mark.parametrize(
    ("printed", "key"),
    [
        ("2.4 Reviewing", ("2.4", "reviewing")),
        ("2.4. reviewing", ("2.4", "reviewing")),
        ("Standard 2.4: Reviewing", ("2.4", "reviewing")),
        ("2.4)  Reviewing ", ("2.4", "reviewing")),
        ("Overall rating", ("", "overall rating")),
        ("Information & facilities", ("", "information and facilities")),
        ("Partnerships, services", ("", "partnerships services")),
    ],
)
def test_subject_key(printed, key):
    assert subject_key(printed) == key


def rating(subject: str, value: str) -> dict:
    return {"subject": subject, "value": value}


class TestAlignRatings:
    def test_an_unnumbered_subject_joins_the_one_numbered_subject_of_its_name(self):
        old = [rating("Reviewing", "Good"), rating("Overall rating", "Good")]
        new = [rating("2.4 REVIEWING", "Inadequate"), rating("Overall Rating", "Good")]
        assert align_ratings([old, new]) == [
            ("2.4 REVIEWING", [old[0], new[0]]),
            ("Overall rating", [old[1], new[1]]),
        ]

    def test_a_name_two_standards_share_is_not_guessed(self):
        old = [rating("2.1 Assessment", "Good"), rating("3.1 Assessment", "Outstanding")]
        new = [rating("Assessment", "Inadequate")]
        assert align_ratings([old, new]) == [
            ("2.1 Assessment", [old[0], None]),
            ("3.1 Assessment", [old[1], None]),
            ("Assessment", [None, new[0]]),
        ]

    def test_a_subject_printed_twice_keeps_its_first(self):
        twice = [rating("Staff", "Good"), rating("staff", "Inadequate")]
        assert align_ratings([twice]) == [("Staff", [twice[0]])]


def test_unknown_kind():
    with pytest.raises(FindingsError) as err:
        compare([], "grade", [], lambda rid: [])
    assert str(err.value) == (
        "compare: unknown kind 'grade'. The kinds are: rating, fact, strength, improvement, "
        "recommendation."
    )


def test_markdown_grid_escapes_report_text():
    hostile = Cell("**Good** <script>x</script>", "A ¶1", "q", "p")
    t = CompareTable(
        "rating",
        ["a", "b"],
        ["A | 2016", "B"],
        [CompareRow("1. Staff", "1. Staff", [hostile, None])],
    )
    assert t.markdown_grid() == {
        "Subject": ["1\\. Staff"],
        "A \\| 2016": ["\\*\\*Good\\*\\* \\<script\\>x\\</script\\>"],
        "B": [""],
    }


def test_two_reports_with_one_label_are_told_apart():
    meta = {"area": "Marshbury", "inspection_type": "short quality screening", "year": 2016}
    reports = [
        {**meta, "report_id": "marshbury_sqs_2016", "publication_date": "2016-05-18"},
        {**meta, "report_id": "marshbury_sqs_2016_b", "publication_date": "2016-09-01"},
    ]
    t = compare(reports, "fact", [], lambda rid: [])
    assert t.columns == [f"{M16} (marshbury_sqs_2016)", f"{M16} (marshbury_sqs_2016_b)"]


def test_reports_in_area_and_by_area(reports):
    assert reports_in_area(list(reports.values()), "marshbury") == [
        "marshbury_sqs_2014",
        "marshbury_sqs_2016",
    ]
    assert reports_in_area(list(reports.values()), None) == []
    assert by_area(list(reports.values()) + [{"report_id": "no_area"}]) == [
        "fernley_sqs_2018",
        "kestrel_vale_fji_2013",
        "kestrel_vale_sqs_2016",
        "marshbury_sqs_2014",
        "marshbury_sqs_2016",
        "northfield_yos_2019",
        "northfield_yos_2021",
        "no_area",
    ]
