"""The records-based tabs of app.py through Streamlit's AppTest: Compare and Before a visit.

A real store (built once per session in a tmp folder, the real model) of the sample reports in
data/reports plus two reports written here: `northfield_yos_2021.html`, the Northfield 2019
report republished in 2021 with two grades changed (and one standard printed in lower case), so
that an area has two rated inspections; and `fernley_sqs_2018.txt`, whose key strength is prose
(no item is recognised: the view falls back to the section text) and whose first recommendation
names its owner. `build_records_store` is shared with tests/ui/test_compare.py and test_visit.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from findings.settings import get_settings
from ingest.pipeline import Ingester
from store.chroma import ChromaStore

APP = str(ROOT / "app.py")

FERNLEY_2018 = """\
To:\tChair of YOS Management Board
From:\tAssistant Chief Inspector (Youth Justice)
Publication date:\t3 March 2018

Report of Short Quality Screening (SQS) of youth offending work in Fernley

Summary

Overall, we found that work in Fernley was improving.

Key strengths

Case managers knew their children well. They visited them at home and at school.

Areas requiring improvement

- Plans must be written within 15 working days.

Recommendations

- Every eligible case should be referred to MAPPA on time (YOS Management Board).
- Reviews should follow every change in a child's circumstances.
"""


def northfield_2021() -> str:
    """The 2019 Northfield report as if republished in 2021: 1.3 up, 2.4 down (printed
    `2.4 reviewing`), everything else as in 2019."""
    html = (ROOT / "data" / "reports" / "northfield_yos_2019.html").read_text(encoding="utf-8")
    for old, new in (
        ("14 June 2019", "9 July 2021"),
        ("8-12 April 2019", "17-21 May 2021"),
        (
            "<td>1.3 Partnerships and services</td><td>Requires improvement</td>",
            "<td>1.3 Partnerships and services</td><td>Good</td>",
        ),
        ("<td>2.4 Reviewing</td><td>Good</td>", "<td>2.4 reviewing</td><td>Inadequate</td>"),
    ):
        if old not in html:
            raise ValueError(f"northfield_yos_2019.html no longer prints {old!r}")
        html = html.replace(old, new)
    return html


def build_records_store(folder: Path, embedder) -> ChromaStore:
    """A store in `folder` of data/reports and the two reports above."""
    reports = folder / "reports"
    reports.mkdir(parents=True)
    for src in sorted((ROOT / "data" / "reports").iterdir()):
        (reports / src.name).write_bytes(src.read_bytes())
    (reports / "northfield_yos_2021.html").write_text(northfield_2021(), encoding="utf-8")
    (reports / "fernley_sqs_2018.txt").write_text(FERNLEY_2018, encoding="utf-8")
    store = ChromaStore(path=folder / "store", model_slug=embedder.model_slug)
    summary = Ingester(store, embedder, get_settings(store=folder / "store")).run([reports])
    if summary.failed or len(summary.ingested) != 7:
        raise RuntimeError(f"the records store did not build: {summary}")
    return store


@pytest.fixture(scope="session")
def records_store(tmp_path_factory, embedder) -> Path:
    folder = tmp_path_factory.mktemp("app_records")
    build_records_store(folder, embedder)
    return folder / "store"


@pytest.fixture
def app(records_store, monkeypatch) -> AppTest:
    monkeypatch.setenv("FINDINGS_STORE", str(records_store))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    return at


@pytest.fixture
def downloads(monkeypatch) -> list[tuple[bytes, str | None]]:
    """Every (data, file name) the app offers for download, in order."""
    got: list[tuple[bytes, str | None]] = []
    real = MemoryMediaFileStorage.load_and_get_id

    def recording(self, path_or_data, mimetype, kind, filename=None):
        got.append((path_or_data, filename))
        return real(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", recording)
    return got


def boxes(tab) -> list:
    """The bordered boxes of a tab, in order."""
    return [c for c in tab.children.values() if c.type == "flex_container"]


def own(block, kind: str) -> list[str]:
    """The values of a block's own elements of one kind (not those inside its expanders)."""
    return [c.value for c in block.children.values() if c.type == kind]


NORTHFIELD_RATINGS = {
    "Subject": [
        "Overall rating",
        "1\\.1 Governance and leadership",
        "1\\.2 Staff",
        "1\\.3 Partnerships and services",
        "1\\.4 Information and facilities",
        "2\\.1 Assessment",
        "2\\.2 Planning",
        "2\\.3 Implementation and delivery",
        "2\\.4 Reviewing",
        "3\\.1 Assessment",
        "3\\.2 Planning",
        "3\\.3 Implementation and delivery",
        "3\\.4 Joint working",
    ],
    "Northfield YOS inspection 2019": [
        "Good",
        "Good",
        "Outstanding",
        "Requires improvement",
        "Good",
        "Requires improvement",
        "Requires improvement",
        "Good",
        "Good",
        "Outstanding",
        "Good",
        "Good",
        "Outstanding",
    ],
    "Northfield YOS inspection 2021": [
        "Good",
        "Good",
        "Outstanding",
        "Good",
        "Good",
        "Requires improvement",
        "Requires improvement",
        "Good",
        "Inadequate",
        "Outstanding",
        "Good",
        "Good",
        "Outstanding",
    ],
}


class TestCompare:
    def test_an_area_picks_its_reports_and_the_ratings_table_shows(self, app):
        compare = app.tabs[2]
        assert compare.label == "Compare"
        assert compare.radio(key="cmp_kind").value == "rating"
        app.selectbox(key="cmp_area").select("Northfield").run()
        assert not app.exception
        assert app.multiselect(key="cmp_reports").value == [
            "northfield_yos_2019",
            "northfield_yos_2021",
        ]
        [table] = app.tabs[2].table
        assert table.value.to_dict(orient="list") == NORTHFIELD_RATINGS

    def test_csv_download(self, app, downloads):
        app.selectbox(key="cmp_area").select("Northfield").run()
        csvs = [(data, name) for data, name in downloads if name and name.endswith(".csv")]
        data, name = csvs[-1]
        assert name == "compare-rating.csv"
        lines = data.decode("utf-8").splitlines()
        assert len(lines) == 14
        assert lines[0] == (
            "subject,Northfield YOS inspection 2019,Northfield YOS inspection 2019 citation,"
            "Northfield YOS inspection 2021,Northfield YOS inspection 2021 citation"
        )
        assert lines[4] == (
            "1.3 Partnerships and services,Requires improvement,"
            "Northfield YOS inspection 2019 · Ratings ¶4,Good,Northfield YOS inspection 2021 · Ratings ¶4"
        )
        assert lines[9] == (
            "2.4 Reviewing,Good,Northfield YOS inspection 2019 · Ratings ¶10,"
            "Inadequate,Northfield YOS inspection 2021 · Ratings ¶10"
        )

    def test_a_cell_opens_its_paragraph(self, app):
        app.selectbox(key="cmp_area").select("Northfield").run()
        cell = app.selectbox(key="cmp_cell")
        assert cell.value is None
        assert cell.options[:3] == [
            "Overall rating · Northfield YOS inspection 2019: Good",
            "Overall rating · Northfield YOS inspection 2021: Good",
            "1.1 Governance and leadership · Northfield YOS inspection 2019: Good",
        ]
        cell.select("rating\tnorthfield_yos_2021\t2.4 Reviewing").run()
        assert not app.exception
        [opened] = boxes(app.tabs[2])
        assert [m.value for m in opened.markdown] == [
            "**Northfield YOS inspection 2021 · Ratings ¶10**",
            "2\\.4 reviewing \\| Inadequate",
        ]

    def test_two_chosen_reports_and_a_list_kind(self, app):
        app.multiselect(key="cmp_reports").select("marshbury_sqs_2016").select(
            "marshbury_sqs_2014"
        ).run()
        assert [i.value for i in app.tabs[2].info] == [
            "None of the chosen reports has ratings in its records."
        ]
        app.radio(key="cmp_kind").set_value("improvement").run()
        assert not app.exception
        [table] = app.tabs[2].table
        assert table.value.to_dict(orient="list") == {
            "Item": ["1", "2", "3"],
            "Marshbury SQS 2014": [
                "Intervention plans should contain a small number of prioritised objectives and "
                "should be written with children and young people and their parents/carers.",
                "Referrals to MAPPA should be made as soon as a child or young person meets the "
                "criteria, and all staff should understand the referral process.",
                "Managers should quality assure plans rather than simply countersign them.",
            ],
            "Marshbury SQS 2016": [
                "The CAMHS worker post should be filled, and interim arrangements should be made "
                "so that case managers can get specialist mental health advice.",
                "Case managers should be supported to identify emotional and mental health needs, "
                "and to refer children and young people to CAMHS where necessary.",
                "",
            ],
        }
        app.selectbox(key="cmp_cell").select("improvement\tmarshbury_sqs_2014\t3").run()
        [opened] = boxes(app.tabs[2])
        assert [m.value for m in opened.markdown] == [
            "**Marshbury SQS 2014 · Areas requiring improvement ¶3**",
            "Managers should quality assure plans rather than simply countersign them.",
        ]

    def test_the_evidence_pack_includes_the_table(self, app, downloads):
        pack_button = next(b for b in app.get("download_button") if "evidence" in b.label)
        assert pack_button.proto.disabled
        app.multiselect(key="cmp_reports").select("marshbury_sqs_2014").run()
        app.radio(key="cmp_kind").set_value("fact").run()
        pack_button = next(b for b in app.get("download_button") if "evidence" in b.label)
        assert not pack_button.proto.disabled
        data, name = next(d for d in reversed(downloads) if d[1] and d[1].endswith(".md"))
        text = data.decode("utf-8")
        assert (
            "No questions were answered in this conversation.\n\n## Comparison: key facts\n\n"
            in (text)
        )
        assert (
            "| Subject | Marshbury SQS 2014 |\n| --- | --- |\n"
            "| Lead inspector | Owen Tregarthen (Marshbury SQS 2014 · Closing ¶2) |\n"
        ) in text
        assert (
            "- Marshbury SQS 2014 · Closing ¶2: If you have any further questions about the "
            "inspection please contact the lead inspector, who was Owen Tregarthen. He can be "
            "contacted at owen.tregarthen@hmiprobation.gsi.gov.uk or on 07700 900412.\n"
        ) in text


def line(text: str, label: str, owner: str | None = None) -> str:
    """What a cited line shows (its expander's label): the words, the owner, the label in grey."""
    return "  \n".join([text, *([f"Owner\\: {owner}"] if owner else []), f":gray[{label}]"])


class TestBeforeAVisit:
    def test_cited_records_newest_first(self, app):
        app.selectbox(key="visit_area").select("Northfield").run()
        assert not app.exception
        visit = app.tabs[1]
        assert [h.value for h in visit.subheader] == [
            "Northfield YOS inspection 2021",
            "Northfield YOS inspection 2019",
            "What changed between inspections",
            "What changed\\: Northfield YOS inspection 2019 → Northfield YOS inspection 2021",
        ]
        newest = boxes(visit)[0]
        assert own(newest, "markdown") == [
            "**Ratings**",
            "**Key strengths**",
            "**Areas for improvement**",
            "**Recommendations**",
        ]
        lines = [e.label for e in newest.expander]
        assert len(lines) == 13 + 4 + 4 + 5
        assert lines[:3] == [
            line("Overall rating\\: Good", "Northfield YOS inspection 2021 · Overall rating ¶1"),
            line(
                "1\\.1 Governance and leadership\\: Good",
                "Northfield YOS inspection 2021 · Ratings ¶2",
            ),
            line("1\\.2 Staff\\: Outstanding", "Northfield YOS inspection 2021 · Ratings ¶3"),
        ]
        assert lines[21] == line(
            "The Head of Service should improve the quality of assessment and planning to keep "
            "other people safe in court disposal cases.",
            "Northfield YOS inspection 2021 · Recommendations ¶1",
        )
        # each line opens on its paragraph (the record's words in bold where they are a part)
        assert [m.value for m in newest.expander[0].markdown] == [
            "Northfield Youth Offending Service (YOS) is rated\\: Good."
        ]
        assert [m.value for m in newest.expander[1].markdown] == [
            "1\\.1 Governance and leadership \\| Good"
        ]

    def test_what_changed_between_the_inspections(self, app):
        app.selectbox(key="visit_area").select("Northfield").run()
        change = boxes(app.tabs[1])[2]
        assert own(change, "markdown") == [
            "**Ratings**",
            "1\\.3 Partnerships and services\\: Requires improvement → Good",
            "2\\.4 Reviewing\\: Good → Inadequate",
        ]
        assert [e.label for e in change.expander] == [
            line(
                "1\\.3 Partnerships and services\\: Requires improvement",
                "Northfield YOS inspection 2019 · Ratings ¶4",
            ),
            line(
                "1\\.3 Partnerships and services\\: Good",
                "Northfield YOS inspection 2021 · Ratings ¶4",
            ),
            line("2\\.4 Reviewing\\: Good", "Northfield YOS inspection 2019 · Ratings ¶10"),
            line("2\\.4 reviewing\\: Inadequate", "Northfield YOS inspection 2021 · Ratings ¶10"),
        ]
        assert [e.markdown[0].value for e in change.expander][2:] == [
            "2\\.4 Reviewing \\| Good",
            "2\\.4 reviewing \\| Inadequate",
        ]
        assert own(change, "caption") == [
            "Side by side as the reports print them, each line cited; read them together: this "
            "view does not judge what improved."
        ]
        earlier, later = change.columns
        assert (
            earlier.markdown[0].value
            == "**Northfield YOS inspection 2019 · Areas for improvement**"
        )
        assert [c.value for c in earlier.caption] == [
            f"Northfield YOS inspection 2019 · Areas for improvement ¶{i}" for i in range(1, 5)
        ]
        assert [m.value for m in later.markdown if m.value.startswith("**")] == [
            "**Northfield YOS inspection 2021 · Key strengths**",
            "**Northfield YOS inspection 2021 · Areas for improvement**",
        ]

    def test_an_area_without_ratings_and_its_side_by_side(self, app):
        app.selectbox(key="visit_area").select("Marshbury").run()
        change = boxes(app.tabs[1])[2]
        assert own(change, "caption") == [
            "Neither report has ratings in its records, so no grades are compared.",
            "Side by side as the reports print them, each line cited; read them together: this "
            "view does not judge what improved.",
        ]
        earlier, later = change.columns
        assert [m.value for m in earlier.markdown] == [
            "**Marshbury SQS 2014 · Areas requiring improvement**",
            "Intervention plans should contain a small number of prioritised objectives and "
            "should be written with children and young people and their parents/carers.",
            "Referrals to MAPPA should be made as soon as a child or young person meets the "
            "criteria, and all staff should understand the referral process.",
            "Managers should quality assure plans rather than simply countersign them.",
        ]
        assert [c.value for c in later.caption][:2] == [
            "Marshbury SQS 2016 · Key strengths ¶1",
            "Marshbury SQS 2016 · Key strengths ¶2",
        ]

    def test_section_text_fallback_and_owner(self, app):
        app.selectbox(key="visit_area").select("Fernley").run()
        visit = app.tabs[1]
        [report] = boxes(visit)
        assert own(report, "markdown") == [
            "**Key strengths**",
            "**Areas requiring improvement**",
            "**Recommendations**",
        ]
        assert own(report, "caption")[1:] == [
            "From the section text: no items were recognised under this heading, so its "
            "paragraphs are shown as printed."
        ]
        assert [e.label for e in report.expander] == [
            line(
                "Case managers knew their children well. They visited them at home and at school.",
                "Fernley SQS 2018 · Key strengths ¶1",
            ),
            line(
                "Plans must be written within 15 working days.",
                "Fernley SQS 2018 · Areas requiring improvement ¶1",
            ),
            line(
                "Every eligible case should be referred to MAPPA on time (YOS Management Board).",
                "Fernley SQS 2018 · Recommendations ¶1",
                owner="YOS Management Board",
            ),
            line(
                "Reviews should follow every change in a child's circumstances.",
                "Fernley SQS 2018 · Recommendations ¶2",
            ),
        ]
        assert "What changed between inspections" not in [h.value for h in visit.subheader]
