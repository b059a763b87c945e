"""Generate the fictional Hartwell SQS 2018 letter as a Word document (python-docx)."""

from docx import Document
from docx.shared import Pt

OUT = "hartwell_sqs_2018.docx"  # (first written to /tmp/blind24/reports/)

doc = Document()
st = doc.styles["Normal"]
st.font.name = "Arial"
st.font.size = Pt(11)

WORDS = []


def para(text, bold_label=None, style=None):
    if bold_label:
        pp = doc.add_paragraph()
        r = pp.add_run(bold_label)
        r.bold = True
        pp.add_run(text)
        WORDS.append(bold_label + text)
    else:
        pp = doc.add_paragraph(text, style=style)
        WORDS.append(text)
    return pp


def heading(text, level):
    doc.add_heading(text, level=level)
    WORDS.append(text)


def bullet(text):
    para(text, style="List Bullet")


pp = doc.add_paragraph()
r = pp.add_run("HM Inspectorate of Probation")
r.bold = True
WORDS.append("HM Inspectorate of Probation")

para("Raymond Quill, Head of Hartwell Youth Offending Service", bold_label="To: ")
para(
    "Councillor Margaret Iveson, Chair of the Hartwell Youth Offending Service Management Board; "
    "Youth Justice Board Head of Oversight (Central region)",
    bold_label="Copy to: ",
)
para("Anita Desborough, HM Inspector of Probation", bold_label="From: ")
para("24 July 2018", bold_label="Publication date: ")

heading("Short Quality Screening of youth offending work in Hartwell", 1)

para("Dear Mr Quill,")

para(
    "HM Inspectorate of Probation carried out a Short Quality Screening (SQS) of youth offending "
    "work in Hartwell between 12 and 14 June 2018. We inspected 20 cases of children and young "
    "people who were subject to community sentences or were on licence following release from "
    "custody, and we interviewed the case managers responsible for 18 of these cases. At the time of "
    "our visit, the Youth Offending Service (YOS) was working with 74 children and young people and "
    "employed 11 case managers. This letter sets out what we found, highlights the strengths we "
    "saw, and identifies the areas where we believe improvement is needed."
)

para(
    "An SQS looks at a small number of cases in depth. It is not an inspection of the whole "
    "service and we do not give ratings, but we hope that the findings will help you and your "
    "management board to plan the next stage of your work."
)

para(
    "Hartwell YOS is part of the council's Early Help division and is overseen by a management "
    "board that meets every quarter. You were appointed as head of service in January 2018, shortly "
    "before our visit, following the retirement of your predecessor, and you had already begun a "
    "review of the service's quality assurance arrangements. During the screening we also spoke to "
    "four children and three parents. They told us that staff were friendly and approachable, "
    "although two of the children said that they did not like being seen in the reception area "
    "of the office."
)

heading("1. Reducing reoffending", 2)
para(
    "1.1 The assessment of the likelihood of reoffending was sufficient in 14 of the 20 cases. "
    "Case managers knew the children well and had gathered relevant information from families, "
    "schools and children's social care. In the weaker assessments, the reasons for the child's "
    "offending were described but not analysed, so it was not clear what needed to change."
)
para(
    "1.2 Planning to reduce reoffending was sufficient in 12 of the 20 cases. Too many plans were "
    "generic and contained the same objectives for every child, such as 'attend all appointments' "
    "and 'complete victim awareness work'. Only a minority of plans had been written with the child "
    "or included the child's own words."
)
para(
    "1.3 Access to education, training and employment remained a significant barrier. Five of the "
    "20 children were not in any education, training or employment at the time of the inspection, "
    "and a further four were attending school on reduced timetables of fewer than 15 hours a week."
)
para(
    "1.4 Reviewing was the weakest area of practice that we inspected. A sufficient review had taken "
    "place in only eight of the 20 cases. In several cases a child had been arrested for a new "
    "offence or had moved to a new placement, yet the assessment and plan had not been revisited. "
    "Where reviews had taken place, they were often completed late and copied large sections of "
    "text from the original assessment without considering what had changed."
)

heading("2. Protecting the public", 2)
para(
    "2.1 The assessment of the risk of harm that children posed to other people was sufficient in "
    "only 11 of the 20 cases. Case managers often relied on the current offence alone and did not "
    "consider earlier behaviour, such as violence towards family members or carrying weapons, "
    "which was recorded elsewhere in the case file."
)
para(
    "2.2 Work with victims was a strength. Victim contact was offered in nine of the 11 cases with "
    "an identifiable victim, and the restorative justice worker had arranged two face-to-face "
    "meetings between children and the people they had harmed. Victims' wishes, including requests "
    "for exclusion zones, were reflected in plans in most of the relevant cases."
)
para(
    "2.3 In the two cases that met the threshold for multi-agency public protection arrangements "
    "(MAPPA), referrals had been made promptly and the YOS contributed well to meetings. Information "
    "was exchanged with the police on a regular basis, although there was no police officer based "
    "within the YOS team, which case managers felt slowed down checks on new intelligence."
)
para(
    "2.4 Management oversight of work to protect the public was not good enough. We found little "
    "evidence that managers had checked assessments of risk of harm, and in over half of the cases "
    "there was no record of a manager's involvement at any point during the sentence."
)

heading("3. Protecting the child or young person", 2)
para(
    "3.1 The assessment of the child's safety and wellbeing was sufficient in 13 of the 20 cases. "
    "Case managers were alert to the risk of exploitation, and they shared concerns with children's "
    "social care quickly. In three cases, however, concerns about a child's safety at home had "
    "been raised by the school but had not been followed up by the YOS, and the child's plan "
    "did not say who would act if those concerns continued."
)
para(
    "3.2 There was no direct access to mental health provision within the YOS. Children who were "
    "referred to the child and adolescent mental health service waited on average 14 weeks for an "
    "initial appointment, and some case managers told us that they had stopped making referrals "
    "because of the delays."
)
para(
    "3.3 Joint working with children's social care was effective. Seven of the 20 children in our "
    "sample were looked after by the local authority, and in each of these cases the case manager "
    "attended the child's statutory reviews and had a good relationship with the social worker."
)
para(
    "3.4 The YOS office in Lister Street is unsuitable for meeting children. There are no private "
    "interview rooms, and case managers told us that they often met children in cafes or in the "
    "public reception area, where confidential conversations were difficult."
)

heading("4. Ensuring the sentence is served", 2)
para(
    "4.1 Children were given clear explanations of what was expected of them. Induction was "
    "completed within five working days in 17 of the 20 cases, and children and their parents "
    "understood the consequences of not complying."
)
para(
    "4.2 Enforcement was handled well. Breach action was taken appropriately and promptly in all "
    "three cases where it was needed, and case managers made sensible use of their discretion "
    "when a child had a good reason for missing an appointment."
)
para(
    "4.3 Case managers worked hard to remove barriers to engagement. They offered appointments "
    "after school, paid bus fares for children who lived in the outlying villages of Nethercote and "
    "Abbey Green, and visited children at home when this was appropriate."
)
para(
    "4.4 Diversity factors were considered well in most cases. Case managers adapted their "
    "approach for children with learning difficulties, although in two cases a child's speech and "
    "language needs had been identified but not assessed. There was no speech and language therapist "
    "available to the YOS, and case managers had received no training in this area."
)

heading("Summary of case findings", 2)
para("Table 1: Cases judged sufficient, out of the 20 cases inspected")
rows = [
    ("Aspect of work", "Cases judged sufficient", "Percentage"),
    ("Assessment of the likelihood of reoffending", "14", "70%"),
    ("Assessment of risk of harm to others", "11", "55%"),
    ("Assessment of safety and wellbeing", "13", "65%"),
    ("Planning to reduce reoffending", "12", "60%"),
    ("Reviewing", "8", "40%"),
    ("Induction completed within five working days", "17", "85%"),
]
table = doc.add_table(rows=len(rows), cols=3)
table.style = "Table Grid"
for i, row in enumerate(rows):
    for j, val in enumerate(row):
        cell = table.cell(i, j)
        cell.text = val
        if i == 0:
            for r in cell.paragraphs[0].runs:
                r.bold = True
    WORDS.append(" ".join(row))

heading("Key strengths", 2)
bullet("Case managers knew the children well and built positive, trusting relationships with them.")
bullet("Enforcement action was timely and proportionate in every case where it was required.")
bullet(
    "Joint working with children's social care was effective, particularly for looked-after "
    "children."
)
bullet("Victims were offered contact in most cases where there was an identifiable victim.")
bullet("Case managers were flexible and creative in helping children to attend their appointments.")

heading("Areas requiring improvement", 2)
bullet(
    "The assessment of the risk of harm that children pose to others needs to be more thorough "
    "and should draw on all available information."
)
bullet(
    "Plans should be reviewed whenever a child's circumstances change, including after an arrest."
)
bullet("Children should have direct and timely access to mental health support.")
bullet(
    "The management board receives performance figures but very little information about the "
    "quality of practice, and this should change."
)
bullet("The service needs premises that are suitable for meeting children in private.")
bullet("Managers should provide clear and recorded oversight of work to protect the public.")

para(
    "We discussed these findings with you and your operational managers at the end of our "
    "fieldwork, and we were encouraged by the openness with which they were received. We would ask "
    "that the management board considers this letter at its next meeting and agrees an improvement "
    "plan within two months. The Youth Justice Board will monitor progress against that plan. "
    "This letter will be published on our website, and we may return to Hartwell as part of a "
    "future inspection programme."
)
para(
    "This screening was led by Anita Desborough, HM Inspector of Probation, supported by Jonathan "
    "Pettifer, Probation Inspector, and Ruth Okafor, a local authority peer assessor. We would like "
    "to thank the staff of Hartwell YOS, and the children and families who spoke to us, for their "
    "help and cooperation during the screening."
)
para("Yours sincerely,")
para("Anita Desborough")
para("HM Inspector of Probation")

doc.save(OUT)
print("words", sum(len(w.split()) for w in WORDS))
