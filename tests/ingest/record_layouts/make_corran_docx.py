"""Build `corran_sqs_2018.docx`, a fictional screening letter in Word for the records tests.

    .venv/bin/python tests/ingest/record_layouts/make_corran_docx.py

It has what the records read in a Word file: a tab-separated address block, Heading styles, a
real Word footnote, a ratings table with a bold header row, List Bullet strengths, List Number
recommendations with their owners in brackets (and one ending in an abbreviation, which is not
an owner), closing prose after the list, and a copy list table. The bytes are the same on every
run (fixed dates, fixed zip entry times), so the committed file is this script's output.
"""

from __future__ import annotations

import io
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "data" / "eval"))

from make_reports import _footnote_reference, _footnotes_part, _table  # noqa: E402

OUT = Path(__file__).resolve().parent / "corran_sqs_2018.docx"
FIXED = datetime(2018, 4, 12, 9, 0, tzinfo=UTC)


def build(path: Path) -> Path:
    import docx
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Cm

    document = docx.Document()
    for label, value in (
        ("To:", "Hester Vane, Chair of Corran Youth Justice Board"),
        ("From:", "Amos Keel, Assistant Chief Inspector (Youth Justice)"),
        ("Publication date:", "12 April 2018"),
    ):
        p = document.add_paragraph()
        p.paragraph_format.tab_stops.add_tab_stop(Cm(3.5), WD_TAB_ALIGNMENT.LEFT)
        p.add_run(label).italic = True
        p.add_run("\t" + value)
    document.add_heading(
        "Report of Short Quality Screening (SQS) of youth offending work in Corran", level=1
    )
    document.add_paragraph(
        "This letter is fictional. The screening was conducted from 6-8 March 2018, and we "
        "looked at 11 cases of children supervised by Corran Youth Offending Team (YOT)."
    )
    document.add_heading("Summary", level=2)
    _footnotes_part(document, "Published January 2018, for the 2015-2016 cohort.")
    p = document.add_paragraph("The published reoffending rate")
    _footnote_reference(p, 1)
    p.add_run(" for Corran was 33.0% against the England and Wales average of 37.2%.")
    document.add_heading("Judgements", level=2)
    _table(
        document,
        [
            ("Theme", "Judgement"),
            ("Reducing reoffending", "Good"),
            ("Protecting the public", "Requires improvement"),
        ],
        (8, 6),
    )
    document.add_heading("Key strengths", level=2)
    for text in (
        "Case managers saw children within two days of sentence.",
        "Reparation projects were chosen with victims.",
    ):
        document.add_paragraph(text, style="List Bullet")
    document.add_heading("Recommendations", level=2)
    for text in (
        "Plans should name who will do each action, and by when (YOT Manager).",
        "Every child leaving custody should have a school place on release "
        "(Corran Safeguarding Partnership).",
        "Children should be seen by child and adolescent mental health services (CAMHS).",
    ):
        document.add_paragraph(text, style="List Number")
    document.add_paragraph(
        "If you have any further questions about the screening please contact the lead "
        "inspector, who was Idris Fairbank."
    )
    document.add_heading("Copy to", level=2)
    _table(
        document,
        [
            ("Head of Service", "Petra Lindqvist-Hale"),
            ("Director of Children's Services", "Hester Vane"),
        ],
        (8, 6),
    )
    props = document.core_properties
    props.created = props.modified = FIXED
    props.revision = 1
    buf = io.BytesIO()
    document.save(buf)
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2018, 4, 12, 9, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return path


if __name__ == "__main__":
    print(build(OUT))
