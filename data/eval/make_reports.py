"""Build the Word and PDF reports of the blind evaluation corpus (`data/eval/reports/`).

    .venv/bin/python data/eval/make_reports.py

writes `tollmouth_sqs_2017.docx` (a Short Quality Screening letter in Word, with real heading
styles, List Bullet items, typed paragraph numbers, Word tables and a real Word footnote) and
`ravensgarth_yos_2020.pdf` (a rated inspection whose headings are bold text at body size, with a
running header, `Page N of M` footers, a footnote at the foot of a page and paragraphs that flow
across page breaks). The reports are fictional; see `reports/README.md`.

The output is byte-for-byte the same on every run: fixed document dates, fixed zip entry times
and a reproducible PDF.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent / "reports"
FIXED = datetime(2017, 4, 6, 9, 0, tzinfo=UTC)

# --- Tollmouth SQS 2017 (Word) ----------------------------------------------------------------

TOLLMOUTH_HEADER = [
    ("To:", "Patrick Lindgren, Chair of Tollmouth Youth Offending Team Management Board"),
    ("Copy to:", "See copy list at end"),
    ("From:", "Rhiannon Stokes, Assistant Chief Inspector (Youth Justice)"),
    ("Publication date:", "6 April 2017"),
]

TOLLMOUTH_TITLE = "Report of Short Quality Screening (SQS) of youth offending work in Tollmouth"

TOLLMOUTH_INTRO = (
    "We carried out the screening from 28 February to 2 March 2017 as part of our programme of "
    "inspection of youth offending work. Our last visit to Tollmouth was a Short Quality "
    "Screening in June 2014. This letter will be published on the HMI Probation website, and "
    "we will send a copy to partner inspectorates and to the Youth Justice Board (YJB)."
)

TOLLMOUTH_CONTEXT = [
    "What happens in the first weeks of a sentence matters a great deal: a clear understanding "
    "of why a child or young person offended, and a plan that they recognise as their own, make "
    "it more likely that they will stop. We looked at 15 cases of children and young people who "
    "had been sentenced in the previous six months and were supervised by Tollmouth Youth "
    "Offending Team (YOT). In 13 of the cases, we discussed the work with the case manager.",
    "Tollmouth YOT had moved from Asset to the new AssetPlus assessment framework in October "
    "2016, four months before our visit. Most of the assessments we read had been completed in "
    "AssetPlus, which is a longer and more demanding tool.",
    "Tollmouth YOT sits within the council's Early Help and Prevention Service. At the time of "
    "the screening it employed 17 staff, including seconded workers from the police, the "
    "National Probation Service and health, and it supervised 64 children and young people.",
    "The cases we inspected were:",
]

TOLLMOUTH_CASES = [
    ("Type of sentence", "Number of cases"),
    ("Referral Order", "5"),
    ("Youth Rehabilitation Order", "6"),
    ("Detention and Training Order", "3"),
    ("Section 91 custodial sentence", "1"),
    ("Total", "15"),
]

TOLLMOUTH_SUMMARY = [
    # (text before the footnote marker, text after it) for the paragraph with the footnote
    (
        "The published reoffending rate",
        " for Tollmouth was 40.8%, compared with the England and Wales average of 37.5%.",
    ),
]
TOLLMOUTH_FOOTNOTE = (
    "Published January 2017: the binary reoffending rate, measured 12 months after the start of "
    "the order or release from custody, for children and young people in the April 2014 to "
    "March 2015 cohort. Source: Ministry of Justice."
)
TOLLMOUTH_SUMMARY_REST = [
    "Overall, we found a committed team that knew its children and young people well and "
    "protected them effectively. The work to assess and manage the risk of harm they posed to "
    "other people was not yet good enough, and the move to AssetPlus had, for the time being, "
    "made recording slower and less analytical.",
    "Since our screening in June 2014, the YOT had improved the quality of its plans and its "
    "work on education, training and employment. Work to assess the risk of harm had not kept "
    "pace, and the gap left when the seconded CAMHS worker's post was cut in 2016 had not been "
    "filled.",
    "The proportion of cases we judged sufficient in each of the four themes we inspect was as "
    "follows:",
]

TOLLMOUTH_JUDGEMENTS = [
    ("Theme", "Cases judged sufficient", "Of cases inspected"),
    ("Reducing reoffending", "10 (67%)", "15"),
    ("Protecting the public", "9 (60%)", "15"),
    ("Protecting the child or young person", "12 (80%)", "15"),
    ("Ensuring that the sentence is served", "14 (93%)", "15"),
]

TOLLMOUTH_THEMES = [
    (
        "1. Reducing reoffending",
        [
            "1.1 Assessments of the reasons for offending were sufficient in 10 of the 15 cases. "
            "The better ones drew on information from schools, children's social care and the "
            "police, and explained how the different parts of a child's life fitted together. In "
            "the weaker ones, sections of AssetPlus had been completed with lists of facts and "
            "no analysis.",
            "1.2 Pre-sentence reports were well written and gave sentencers realistic proposals. "
            "The youth court chair told us that the bench had confidence in them.",
            "1.3 Planning had improved since our 2014 screening. Intervention plans were "
            "sufficient in 11 cases, and most were written in language that children and young "
            "people could understand. However, few plans said how progress would be measured.",
            "1.4 Education, training and employment (ETE) was a strength. A careers adviser "
            "worked in the YOT two days a week, and 12 of the 15 children and young people were "
            "in ETE at the time of our visit.",
            "1.5 In the four custodial cases, case managers visited regularly and started "
            "planning for release early. One young person had been released to bed and breakfast "
            "accommodation, which the YOT had challenged without success.",
            "1.6 Reparation was well organised and meaningful. Children and young people had "
            "worked with a local allotment society and a canal restoration trust, and several "
            "told us that it was the part of their order they had valued most.",
        ],
    ),
    (
        "2. Protecting the public",
        [
            "2.1 The assessment of risk of harm to others was sufficient in 9 of the 15 cases. In "
            "the remaining six, case managers had not considered behaviour that had not led to a "
            "conviction, such as violence at home or an allegation made at school.",
            "2.2 One young person met the criteria for Multi-Agency Public Protection "
            "Arrangements (MAPPA) but had not been referred. Managers accepted this when we "
            "raised it, and a referral was made during the inspection week.",
            "2.3 Risk management plans were in place where they were needed, but contingency "
            "plans were vague. Several said only 'contact manager' without saying what the "
            "manager would do.",
            "2.4 Work with victims was good. The restorative justice worker had contacted the "
            "victim in every case where there was one, and victims' wishes were reflected in "
            "reparation plans.",
            "2.5 Information was shared well with Tollmouth police. A police officer seconded to "
            "the YOT checked police systems weekly for every child or young person under "
            "supervision, and passed new intelligence to case managers the same day.",
        ],
    ),
    (
        "3. Protecting the child or young person",
        [
            "3.1 Safeguarding needs were identified in 12 of the 15 cases, and child protection "
            "referrals had been made whenever they were needed. Case managers worked closely with "
            "social workers for the five looked after children and young people in the sample.",
            "3.2 The YOT had been quick to respond to concerns about child sexual exploitation "
            "(CSE). Two young women in the sample had been referred to the CSE panel, and their "
            "case managers attended each meeting.",
            "3.3 Access to child and adolescent mental health services (CAMHS) was slow. Children "
            "and young people waited nine weeks on average for a first appointment, and the YOT "
            "no longer had a seconded mental health worker after the post was cut in 2016.",
            "3.4 Substance misuse work was delivered by a specialist worker from the 'Clearwater' "
            "young people's service, who saw children and young people at the YOT office.",
            "3.5 Vulnerability management plans were clear, but in three cases they had not been "
            "updated after a significant event, such as a move to a new placement or a period "
            "missing from home.",
        ],
    ),
    (
        "4. Ensuring that the sentence is served",
        [
            "4.1 Case managers understood the diversity needs of the children and young people "
            "they supervised, and adapted their approach for those with learning difficulties.",
            "4.2 Children and young people and their parents or carers were engaged well. Home "
            "visits were used in most cases, and appointments were offered after school hours.",
            "4.3 Enforcement action was taken promptly in the three cases where it was needed, "
            "and case managers worked hard to re-engage children and young people first.",
            "4.4 Nine children and young people completed our questionnaire. All nine said that "
            "their case manager listened to them, and eight said that the YOT had helped them to "
            "stay out of trouble.",
        ],
    ),
]

TOLLMOUTH_OPERATIONAL = (
    "Staff told us they felt well supported by the YOT Manager, Gillian Ashworth-Reid, and by the "
    "two team managers. Management oversight of safeguarding was effective, but managers had "
    "countersigned six assessments of risk of harm that were not good enough. Training on "
    "AssetPlus had been delivered, but staff had not yet had the follow-up sessions they needed."
)

TOLLMOUTH_STRENGTHS = [
    "Pre-sentence reports were of good quality and valued by sentencers.",
    "A high proportion of children and young people were in education, training or employment.",
    "Safeguarding work, including the response to child sexual exploitation, was thorough.",
    "Victims were contacted in every relevant case.",
]

TOLLMOUTH_IMPROVEMENTS = [
    "Assessments of risk of harm to others should take account of all relevant behaviour, "
    "not only convictions.",
    "Every young person who meets the MAPPA criteria must be referred.",
    "Contingency plans should say what will be done, and by whom, if risk increases.",
    "The YOT Management Board should secure faster access to CAMHS for children and young "
    "people supervised by the YOT.",
    "Managers should check the quality of AssetPlus assessments before countersigning them.",
]

TOLLMOUTH_CLOSING = [
    "We are grateful to the staff and managers of the YOT for their help and cooperation. "
    "Please pass on our thanks to them, and share these findings with them.",
    "If you have any questions about the screening, please contact the lead inspector, who was "
    "Declan Morrow. He can be reached at declan.morrow@hmiprobation.gsi.gov.uk or on "
    "07700 900418.",
]

TOLLMOUTH_COPY = [
    ("YOT Manager", "Gillian Ashworth-Reid"),
    ("Local Authority Chief Executive", "Sandra Whitlock"),
    ("Director of Children's Services", "Patrick Lindgren"),
    ("Lead Elected Member for Children's Services", "Cllr Omar Haddad"),
    ("Police and Crime Commissioner", "Bernard Royle"),
    ("Chair of Local Safeguarding Children Board", "Jacqueline Ferris"),
    ("Chair of Youth Court Bench", "Eileen Portman"),
    ("YJB Head of Business Area", "Nathan Crewe"),
    ("Ofsted – Social Care", "Amina Chowdhury"),
]

TOLLMOUTH_NOTES = [
    "Note 1: HMI Probation is an independent inspectorate, funded by the Ministry of Justice. "
    "We report to Ministers and to the public on the effectiveness of work with people who "
    "have offended.",
    "Note 2: Short Quality Screening looks at a small sample of recent cases, and the findings "
    "should be read with that in mind.",
    "Note 3: The reoffending rate relates to a cohort supervised before the cases we inspected.",
]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _footnotes_part(document, text: str):
    """A real Word footnotes part holding footnote 1 (Word keeps footnotes outside the body)."""
    from xml.sax.saxutils import escape

    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
        "</w:r></w:p></w:footnote>"
        '<w:footnote w:id="1"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/><w:sz w:val="16"/>'
        '</w:rPr><w:footnoteRef/></w:r><w:r><w:rPr><w:sz w:val="16"/></w:rPr>'
        f'<w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:footnote></w:footnotes>'
    )
    part = Part(
        PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml.encode(), document.part.package
    )
    document.part.relate_to(part, RT.FOOTNOTES)


def _footnote_reference(paragraph, note_id: int) -> None:
    from docx.oxml import parse_xml

    paragraph._p.append(
        parse_xml(
            f'<w:r xmlns:w="{W}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:footnoteReference w:id="{note_id}"/></w:r>'
        )
    )


def _table(document, rows, widths_cm):
    from docx.shared import Cm

    table = document.add_table(rows=0, cols=len(rows[0]))
    table.style = document.styles["Table Grid"]
    for i, row in enumerate(rows):
        cells = table.add_row().cells
        for cell, value, width in zip(cells, row, widths_cm, strict=True):
            cell.width = Cm(width)
            run = cell.paragraphs[0].add_run(value)
            run.bold = i == 0
    return table


def build_tollmouth_docx(path: Path) -> Path:
    import docx
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Cm, Pt

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)

    section = document.sections[0]
    section.header.paragraphs[0].text = "HM Inspectorate of Probation – Short Quality Screening"
    section.footer.paragraphs[0].text = "Tollmouth SQS – February/March 2017"

    for label, value in TOLLMOUTH_HEADER:  # the letter's address block: label, tab, value
        p = document.add_paragraph()
        p.paragraph_format.tab_stops.add_tab_stop(Cm(3.5), WD_TAB_ALIGNMENT.LEFT)
        p.paragraph_format.space_after = Pt(2)
        p.add_run(label).italic = True
        p.add_run("\t" + value)

    document.add_heading(TOLLMOUTH_TITLE, level=1)
    document.add_paragraph(TOLLMOUTH_INTRO)

    document.add_heading("Context", level=2)
    for text in TOLLMOUTH_CONTEXT:
        document.add_paragraph(text)
    _table(document, TOLLMOUTH_CASES, (9, 4))

    document.add_heading("Summary", level=2)
    _footnotes_part(document, TOLLMOUTH_FOOTNOTE)
    for before, after in TOLLMOUTH_SUMMARY:
        p = document.add_paragraph(before)
        _footnote_reference(p, 1)
        p.add_run(after)
    for text in TOLLMOUTH_SUMMARY_REST:
        document.add_paragraph(text)
    _table(document, TOLLMOUTH_JUDGEMENTS, (7, 4.5, 3.5))

    document.add_heading("Commentary on the screening in Tollmouth", level=2)
    for theme, paragraphs in TOLLMOUTH_THEMES:
        document.add_heading(theme, level=3)
        for text in paragraphs:
            document.add_paragraph(text)

    document.add_heading("Operational management", level=2)
    document.add_paragraph(TOLLMOUTH_OPERATIONAL)

    document.add_heading("Key strengths", level=2)
    for text in TOLLMOUTH_STRENGTHS:
        document.add_paragraph(text, style="List Bullet")

    document.add_heading("Areas requiring improvement", level=2)
    for text in TOLLMOUTH_IMPROVEMENTS:
        document.add_paragraph(text, style="List Bullet")

    for text in TOLLMOUTH_CLOSING:
        document.add_paragraph(text)

    document.add_heading("Copy to", level=2)
    _table(document, TOLLMOUTH_COPY, (8, 6))
    for text in TOLLMOUTH_NOTES:
        p = document.add_paragraph(text)
        for run in p.runs:
            run.font.size = Pt(9)

    props = document.core_properties
    props.title = TOLLMOUTH_TITLE
    props.author = "HM Inspectorate of Probation"
    props.created = props.modified = FIXED
    props.last_modified_by = "HM Inspectorate of Probation"
    props.revision = 1

    buf = io.BytesIO()
    document.save(buf)
    _write_reproducible_zip(buf.getvalue(), path)
    return path


def _write_reproducible_zip(data: bytes, path: Path) -> None:
    """Re-pack the .docx with fixed entry times, so that the file's bytes never change."""
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2017, 4, 6, 9, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))


# --- Ravensgarth YOS 2020 (PDF) ---------------------------------------------------------------

RAVENSGARTH_HEADER = "Inspection of youth offending services: Ravensgarth"

# ("h", text): a bold heading at body size; ("p", text): a paragraph; ("lines", [...]): short
# lines set one under another; ("bullet", text); ("table", [(cell, ...), ...]); ("i", text): an
# oblique line. A "¹" in a paragraph puts footnote 1 at the foot of the page it lands on.
RAVENSGARTH: list[tuple[str, Any]] = [
    ("h", "An inspection of youth offending services in Ravensgarth"),
    (
        "lines",
        [
            "HM Inspectorate of Probation",
            "Published: 26 March 2020",
            "Fieldwork: 13 to 17 January 2020",
            "Lead inspector: Lorraine Fenwick",
        ],
    ),
    ("h", "Foreword"),
    (
        "p",
        "This inspection is part of our programme of youth offending service inspections. We "
        "inspected the quality of the work that Ravensgarth Youth Offending Service (YOS) does with "
        "children who have received a court disposal or an out-of-court disposal, and the way the "
        "service is organised and led. Inspectors from HM Inspectorate of Probation were joined by "
        "colleagues from Ofsted, the Care Quality Commission (CQC) and HM Inspectorate of "
        "Constabulary and Fire & Rescue Services (HMICFRS).",
    ),
    (
        "p",
        "Ravensgarth is a small unitary authority with a large rural hinterland, and its YOS "
        "supervises around 90 children at any one time. Staff are experienced and know the children "
        "well, and the work with children who receive out-of-court disposals is good. However, the "
        "management board has not yet given the service the direction it needs, and the reviewing "
        "of court cases was poor. Children's needs changed, sometimes dramatically, and their plans "
        "did not. The service has the foundations it needs to improve, and I hope this report helps "
        "it to do so.",
    ),
    ("lines", ["Alison Penhaligon", "HM Chief Inspector of Probation"]),
    ("h", "Overall rating"),
    (
        "p",
        "Ravensgarth Youth Offending Service is rated: Requires improvement.¹ The service "
        "scored 18 out of a possible 36 across the twelve standards below.",
    ),
    ("h", "Ratings"),
    (
        "lines",
        [
            "1. Organisational delivery",
            "1.1 Governance and leadership: Requires improvement",
            "1.2 Staff: Good",
            "1.3 Partnerships and services: Requires improvement",
            "1.4 Information and facilities: Requires improvement",
            "2. Court disposals",
            "2.1 Assessment: Good",
            "2.2 Planning: Requires improvement",
            "2.3 Implementation and delivery: Good",
            "2.4 Reviewing: Inadequate",
            "3. Out-of-court disposals",
            "3.1 Assessment: Good",
            "3.2 Planning: Good",
            "3.3 Implementation and delivery: Good",
            "3.4 Joint working: Good",
        ],
    ),
    ("h", "Executive summary"),
    (
        "p",
        "Our fieldwork took place from 13 to 17 January 2020. We inspected 22 court disposals "
        "and 15 out-of-court disposals, interviewed 19 case managers and met the Head of Service, "
        "Yasmin Theodorou, and members of the YOS Management Board. We also spoke to 9 children and "
        "6 parents or carers.",
    ),
    (
        "p",
        "Staff were the service's greatest asset. Most had worked in youth justice for many "
        "years, caseloads were reasonable at an average of 8 children, and supervision was regular. "
        "The out-of-court disposal scheme, run jointly with Ravensgarth and Cleve Police, was well "
        "established and produced good assessments and timely interventions. By contrast, the "
        "management board met infrequently, did not understand the YOS's performance in any depth, "
        "and had not made sure that children could get the health and education services they "
        "needed.",
    ),
    ("h", "Key strengths"),
    (
        "bullet",
        "Staff were skilled and committed, and children spoke warmly about their case managers.",
    ),
    (
        "bullet",
        "Out-of-court disposals were assessed quickly and thoroughly, and the joint "
        "decision-making panel worked well.",
    ),
    (
        "bullet",
        "Assessment of court cases was good, particularly the analysis of why children "
        "had offended.",
    ),
    (
        "bullet",
        "A speech and language therapist screened every child at the start of their court order.",
    ),
    ("h", "Areas for improvement"),
    (
        "bullet",
        "Reviews of court cases were rarely carried out when a child's circumstances changed.",
    ),
    ("bullet", "Plans to keep other people safe were often too general to guide practice."),
    ("bullet", "The management board did not scrutinise performance or hold partners to account."),
    (
        "bullet",
        "Children waited too long for CAMHS, and emotional health support depended on a "
        "single part-time worker.",
    ),
    (
        "bullet",
        "Information about children's education was incomplete, especially for those "
        "educated at home.",
    ),
    ("h", "Recommendations"),
    (
        "p",
        "As a result of our findings, we have made seven recommendations that we believe, if "
        "implemented, will have a positive impact on the quality of youth offending services in "
        "Ravensgarth. This will improve the lives of the children in contact with youth offending "
        "services, and better protect the public.",
    ),
    ("p", "The Ravensgarth Youth Offending Service should:"),
    (
        "lines",
        [
            "1. review every court case at least every three months and whenever a child's "
            "circumstances change",
            "2. make sure that plans to keep other people safe set out specific actions and "
            "contingency arrangements",
            "3. record the number of hours of education that each child of school age actually "
            "receives",
            "4. develop a quality assurance framework that checks reviewing as well as assessment.",
        ],
    ),
    ("p", "The Ravensgarth Youth Justice Management Board should:"),
    (
        "lines",
        [
            "5. meet at least quarterly, receive performance data on the quality of work, and hold "
            "partner agencies to account for their contribution",
            "6. agree with the local authority how children who are educated at home will be "
            "identified to the YOS.",
        ],
    ),
    ("p", "The Ravensgarth Clinical Commissioning Group should:"),
    (
        "lines",
        [
            "7. commission a dedicated CAMHS service for children supervised by the YOS, so that "
            "they are seen within six weeks of referral.",
        ],
    ),
    ("h", "Contextual facts"),
    (
        "table",
        [
            ("Measure", "Ravensgarth", "England and Wales"),
            ("Proven reoffending rate (April 2017 to March 2018 cohort)", "42.1%", "38.4%"),
            ("First-time entrants per 100,000 children aged 10-17", "268", "223"),
            ("Children sentenced to custody in 2018-19", "5", "n/a"),
        ],
    ),
    (
        "p",
        "The YOS is managed within the local authority's Children and Families Directorate. "
        "The Head of Service reports to the Director of Children's Services, Richard Oldroyd, who "
        "also chairs the management board. The YOS has 24 staff, including seconded workers from "
        "the police, the National Probation Service and health. In the year to September 2019, it "
        "worked with 211 children, of whom 58 received an out-of-court disposal.",
    ),
    ("h", "Cases inspected"),
    (
        "table",
        [
            ("Type of case", "Number inspected"),
            ("Court disposals", "22"),
            ("Out-of-court disposals", "15"),
            ("Total", "37"),
        ],
    ),
    ("h", "1. Organisational delivery"),
    ("h", "1.1. Governance and leadership"),
    (
        "i",
        "The governance and leadership of the YOS supports and promotes the delivery of a "
        "high-quality, personalised and responsive service for all children.",
    ),
    ("lines", ["Rating: Requires improvement"]),
    (
        "p",
        "1.1.1 The management board met only three times in 2019, and two of those meetings "
        "were not quorate. Board members were supportive of the YOS, but they received little "
        "information about the quality of work, and minutes showed almost no challenge to partners "
        "about the services they provided.",
    ),
    (
        "p",
        "1.1.2 The Head of Service had a clear understanding of the service's strengths and "
        "weaknesses, and her improvement plan for 2019-20 was realistic. Staff told us that they "
        "felt listened to, and that the leadership team was visible and approachable.",
    ),
    (
        "p",
        "1.1.3 Risks to the delivery of the service, such as the loss of the seconded probation "
        "officer in the summer of 2019, had been identified but not escalated to the board.",
    ),
    ("h", "1.2. Staff"),
    (
        "i",
        "Staff within the YOS are empowered to deliver a high-quality, personalised and "
        "responsive service for all children.",
    ),
    ("lines", ["Rating: Good"]),
    (
        "p",
        "1.2.1 Staffing levels were sufficient, and the average caseload of 8 children allowed "
        "case managers to spend time building relationships. Every member of staff we spoke to had "
        "received supervision within the previous month.",
    ),
    (
        "p",
        "1.2.2 Training was well planned. All case managers had attended training on "
        "child-to-parent violence and on contextual safeguarding in 2019, and staff said that the "
        "training had changed their practice.",
    ),
    ("h", "1.3. Partnerships and services"),
    (
        "i",
        "A comprehensive range of high-quality services is in place, enabling personalised and "
        "responsive provision for all children.",
    ),
    ("lines", ["Rating: Requires improvement"]),
    (
        "p",
        "1.3.1 The YOS had good links with the police, children's social care and the local "
        "further education college. The speech and language therapist, funded jointly with the "
        "clinical commissioning group, was a valued resource.",
    ),
    (
        "p",
        "1.3.2 Access to child and adolescent mental health services (CAMHS) was poor. The "
        "average wait for a first appointment was 17 weeks, and the YOS's own emotional health "
        "worker was employed for only two days a week.",
    ),
    (
        "p",
        "1.3.3 Education, training and employment (ETE) provision was mixed. Of the 22 "
        "children with court disposals, 7 were of school age, and 3 of those were receiving less "
        "than full-time education.",
    ),
    ("h", "1.4. Information and facilities"),
    (
        "i",
        "Timely and relevant information is available and appropriate facilities are in place "
        "to support a high-quality, personalised and responsive approach for all children.",
    ),
    ("lines", ["Rating: Requires improvement"]),
    (
        "p",
        "1.4.1 The YOS office in the town centre was welcoming, but children living in the "
        "rural north of the county had to travel for more than an hour by bus to reach it. Case "
        "managers saw these children at home or in libraries, which was not always appropriate.",
    ),
    (
        "p",
        "1.4.2 The case management system did not record education hours, and managers could "
        "not easily find out how many children were out of school.",
    ),
    ("h", "2. Court disposals"),
    ("h", "2.1. Assessment"),
    ("lines", ["Rating: Good"]),
    (
        "p",
        "2.1.1 Assessment of the reasons for offending was sufficient in 19 of the 22 cases "
        "(86%). Case managers drew on information from a wide range of sources and analysed it "
        "well, and the views of children and their parents or carers were recorded.",
    ),
    (
        "p",
        "2.1.2 Assessment of safety and wellbeing was sufficient in 18 cases. Assessment of "
        "the risk of harm to others was sufficient in 16 cases (73%); in the remainder, case "
        "managers had not considered the risk to particular people, such as younger siblings.",
    ),
    ("h", "2.2. Planning"),
    ("lines", ["Rating: Requires improvement"]),
    (
        "p",
        "2.2.1 Planning to support desistance was sufficient in 15 of the 22 cases (68%). "
        "Plans were written with children, but some contained too many objectives for a child to "
        "remember or work on.",
    ),
    (
        "p",
        "2.2.2 Planning to keep other people safe was sufficient in only 12 cases (55%). Two "
        "children met the criteria for Multi-Agency Public Protection Arrangements (MAPPA); both "
        "had been referred and were managed at level 1, but neither plan reflected the MAPPA "
        "discussion.",
    ),
    ("h", "2.3. Implementation and delivery"),
    ("lines", ["Rating: Good"]),
    (
        "p",
        "2.3.1 Case managers delivered a good range of interventions, and children attended "
        "well. The 'Fresh Tracks' programme, a group course on healthy relationships run by the "
        "YOS with a local youth charity, was well regarded by children and staff.",
    ),
    (
        "p",
        "2.3.2 Work to keep children safe was delivered well in 18 of the 22 cases, and case "
        "managers worked closely with social workers for the 6 children who were looked after.",
    ),
    ("h", "2.4. Reviewing"),
    ("lines", ["Rating: Inadequate"]),
    (
        "p",
        "2.4.1 Reviewing was the weakest area of practice. Reviews of the factors linked to "
        "offending were sufficient in only 9 of the 22 cases (41%), and reviews of risk of harm "
        "in only 8 (36%).",
    ),
    (
        "p",
        "2.4.2 In several cases, a child had moved home, been excluded from school, been "
        "arrested or lost a parent, and the assessment and plan had not been reviewed. Managers' "
        "oversight had not picked this up. This meant that plans no longer matched the children's "
        "needs, and in two cases a child's risk of harm to others had risen without any change in "
        "the way the YOS managed it.",
    ),
    ("h", "3. Out-of-court disposals"),
    ("h", "3.1. Assessment"),
    ("lines", ["Rating: Good"]),
    (
        "p",
        "3.1.1 Assessments were completed before the joint decision-making panel met in 14 of "
        "the 15 cases. They were proportionate, and they took account of the child's own account "
        "of the offence and of the views of victims.",
    ),
    ("h", "3.2. Planning"),
    ("lines", ["Rating: Good"]),
    (
        "p",
        "3.2.1 Planning was sufficient in 12 of the 15 out-of-court disposal cases. Plans "
        "focused on a few clear priorities and were agreed with children and their parents or "
        "carers.",
    ),
    ("h", "3.3. Implementation and delivery"),
    ("lines", ["Rating: Good"]),
    (
        "p",
        "3.3.1 Interventions started within ten working days of the decision in almost every "
        "case, and children completed them in 13 of the 15 cases.",
    ),
    ("h", "3.4. Joint working"),
    ("lines", ["Rating: Good"]),
    (
        "p",
        "3.4.1 The joint decision-making panel met weekly and was attended by a police sergeant "
        "based at the YOS. Decisions were well recorded, and the YOS and police reviewed a sample "
        "of decisions each quarter.",
    ),
    (
        "p",
        "3.4.2 Community resolutions were not yet included in the scheme, so some children "
        "received police-only outcomes without any assessment of their needs.",
    ),
    ("h", "Annexe 1: Methodology"),
    (
        "p",
        "The inspection was carried out against the standards in our framework for youth "
        "offending services, which cover organisational delivery, court disposals and out-of-court "
        "disposals. We selected cases at random from those that started in the six months before "
        "the fieldwork, and we inspected each case with the case manager where we could.",
    ),
    (
        "p",
        "For each standard, the rating is based on the proportion of cases judged sufficient "
        "and on the evidence gathered about the organisation. Ratings were agreed by the lead "
        "inspector and moderated by a panel of senior inspectors.",
    ),
]

RAVENSGARTH_FOOTNOTES = {
    "¹": "¹ Each standard is scored 0 (Inadequate) to 3 (Outstanding). A total of 0-6 is rated "
    "Inadequate, 7-18 Requires improvement, 19-30 Good and 31-36 Outstanding.",
}

A4_W, A4_H = 595.0, 842.0
MARGIN = 62.0
BODY, SMALL, NOTE, LEADING = 10.0, 8.0, 7.5, 1.35


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    import pymupdf

    lines, cur = [], ""
    for word in text.split():
        trial = f"{cur} {word}".strip()
        if pymupdf.get_text_length(trial, fontname=font, fontsize=size) <= width or not cur:
            cur = trial
        else:
            lines.append(cur)
            cur = word
    return lines + ([cur] if cur else [])


class _Pages:
    """Lays lines out top to bottom on A4 pages: a running header on each page, footnotes at
    the foot of the page whose lines carry their marker, a new page when the room runs out (so
    a paragraph simply continues on the next page)."""

    def __init__(self, doc: Any, header: str, footnotes: dict[str, str]):
        self.doc, self.header, self.footnotes = doc, header, footnotes
        self.width = A4_W - 2 * MARGIN
        self.bottom = A4_H - MARGIN - 14
        self.step = BODY * LEADING
        self.notes: list[str] = []
        self.page: Any = None
        self.y = 0.0
        self.new_page()

    def new_page(self) -> None:
        if self.notes:
            self.flush_notes()
        self.page = self.doc.new_page(width=A4_W, height=A4_H)
        self.page.insert_text((MARGIN, MARGIN - 22), self.header, fontname="helv", fontsize=SMALL)
        self.y = MARGIN + 8

    def room(self) -> float:
        return self.bottom - (NOTE * LEADING * 3 + 6) * len(self.notes)

    def flush_notes(self) -> None:
        lines = [ln for n in self.notes for ln in _wrap(n, "helv", NOTE, self.width)]
        y = self.bottom - NOTE * LEADING * len(lines) + NOTE
        self.page.draw_line((MARGIN, y - NOTE - 2), (MARGIN + 120, y - NOTE - 2), width=0.5)
        for ln in lines:
            self.page.insert_text((MARGIN, y), ln, fontname="helv", fontsize=NOTE)
            y += NOTE * LEADING
        self.notes = []

    def line(self, text: str, font: str = "helv", x: float = MARGIN) -> None:
        if self.y > self.room():
            self.new_page()
        self.page.insert_text((x, self.y), text, fontname=font, fontsize=BODY)
        for mark, note in self.footnotes.items():
            if mark in text and note not in self.notes:
                self.notes.append(note)
        self.y += self.step

    def heading(self, text: str) -> None:
        if self.y + 4 * self.step > self.room():  # keep a heading with the lines below it
            self.new_page()
        else:
            self.y += 4
        self.line(text, "hebo")
        self.y += 3

    def paragraph(self, text: str, font: str = "helv") -> None:
        for ln in _wrap(text, font, BODY, self.width):
            self.line(ln, font)
        self.y += 7

    def bullet(self, text: str) -> None:
        for i, ln in enumerate(_wrap(text, "helv", BODY, self.width - 14)):
            self.line(ln, "helv", MARGIN + 14)
            if i == 0:  # the bullet is a drawn dot, as many PDF writers make it
                y = self.y - self.step - BODY * 0.33
                self.page.draw_circle((MARGIN + 4, y), 1.8, color=None, fill=(0, 0, 0))
        self.y += 4

    def short_lines(self, texts: list[str]) -> None:
        for text in texts:
            for i, ln in enumerate(_wrap(text, "helv", BODY, self.width - 14)):
                self.line(ln, "helv", MARGIN + (14 if i else 0))
            self.y += 2
        self.y += 6

    def table(self, rows: list[tuple[str, ...]]) -> None:
        """Cells set at fixed column positions, header row in bold, no rules."""
        cols = [MARGIN, MARGIN + 300, MARGIN + 390][: len(rows[0])]
        for r, row in enumerate(rows):
            if self.y > self.room():
                self.new_page()
            font = "hebo" if r == 0 else "helv"
            for x, cell in zip(cols, row, strict=True):
                self.page.insert_text((x, self.y), cell, fontname=font, fontsize=BODY)
            self.y += self.step + 3
        self.y += 8


def build_ravensgarth_pdf(path: Path) -> Path:
    import pymupdf

    doc = pymupdf.open()
    pages = _Pages(doc, RAVENSGARTH_HEADER, RAVENSGARTH_FOOTNOTES)
    for kind, arg in RAVENSGARTH:
        if kind == "h":
            pages.heading(arg)
        elif kind == "p":
            pages.paragraph(arg)
        elif kind == "i":
            pages.paragraph(arg, "heit")
        elif kind == "bullet":
            pages.bullet(arg)
        elif kind == "lines":
            pages.short_lines(arg)
        elif kind == "table":
            pages.table(arg)
    if pages.notes:
        pages.flush_notes()

    total = doc.page_count
    for number in range(1, total + 1):
        doc[number - 1].insert_text(
            (A4_W / 2 - 22, A4_H - MARGIN + 24),
            f"Page {number} of {total}",
            fontname="helv",
            fontsize=SMALL,
        )
    stamp = "D:20200326090000Z"
    doc.set_metadata(
        {
            "title": "An inspection of youth offending services in Ravensgarth",
            "author": "HM Inspectorate of Probation",
            "creator": "data/eval/make_reports.py",
            "producer": "PyMuPDF",
            "creationDate": stamp,
            "modDate": stamp,
        }
    )
    doc.save(str(path), garbage=3, deflate=True, no_new_id=True)
    return path


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for built in (
        build_tollmouth_docx(OUT / "tollmouth_sqs_2017.docx"),
        build_ravensgarth_pdf(OUT / "ravensgarth_yos_2020.pdf"),
    ):
        print(f"{built.relative_to(OUT.parent.parent.parent)}  {built.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
