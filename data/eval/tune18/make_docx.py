"""Build the fictional 2022 Quenbridge Youth Justice Service inspection report (.docx)."""

from docx import Document
from docx.shared import Pt

OUT = "/tmp/blind16/reports/quenbridge_yjs_2022.docx"

RATINGS = [
    ("Standard", "Rating"),
    ("Overall rating", "Requires improvement"),
    ("1.1 Governance and leadership", "Good"),
    ("1.2 Staff", "Outstanding"),
    ("1.3 Partnerships and services", "Requires improvement"),
    ("1.4 Information and facilities", "Good"),
    ("2.1 Assessment", "Requires improvement"),
    ("2.2 Planning", "Good"),
    ("2.3 Implementation and delivery", "Good"),
    ("2.4 Reviewing", "Inadequate"),
]

CONTENT = [
    ("title", "An inspection of youth justice services in Quenbridge"),
    ("p", "HM Inspectorate of Probation"),
    ("p", "The fieldwork for this inspection took place from 7 to 11 March 2022."),
    ("p", "Publication date: 26 May 2022"),
    ("p", "Lead inspector: Tomasz Bellweather, HM Inspector of Probation"),
    ("h1", "Foreword"),
    (
        "p",
        "This inspection is part of our programme of youth justice inspections. We have inspected and rated "
        "Quenbridge Youth Justice Service (YJS) across two broad areas: the arrangements for organisational "
        "delivery of the service, and the quality of work done with children sentenced by the courts.",
    ),
    (
        "p",
        "Overall, Quenbridge Youth Justice Service was rated as Requires improvement. We rated the staffing "
        "of the service as Outstanding, and we found a motivated, stable and well-trained workforce who were "
        "proud of the work they do. The management board is well led and has a clear sense of direction.",
    ),
    (
        "p",
        "The service has moved forward in several areas since our Short Quality Screening in 2016. Children "
        "now have their speech, language and communication needs screened as soon as they start working with "
        "the service, plans are written with children rather than about them, and the analysis of why children "
        "offend is much stronger than it was.",
    ),
    (
        "p",
        "However, some of the weaknesses we identified six years ago are still present. Work to keep other "
        "people safe is not consistently good enough, and the service does not review its work with children "
        "when their circumstances change. We have rated reviewing as Inadequate. This is a serious concern, "
        "and the management board should make sure that it receives the priority it needs.",
    ),
    (
        "p",
        "We have made seven recommendations, which we believe will help the service to build on its strengths "
        "and to improve outcomes for children in Quenbridge.",
    ),
    ("h1", "Summary of key findings"),
    (
        "p",
        "Organisational delivery is a strength. Leadership is effective, the staff group is outstanding, and "
        "information and facilities support good practice. Partnership working is uneven: speech and language "
        "support is excellent, but access to education and mental health services is not good enough.",
    ),
    (
        "p",
        "The quality of casework is mixed. Planning and the delivery of interventions are good, and work to "
        "support desistance is consistently strong. Assessment of risk to others requires improvement, and "
        "reviewing is inadequate across all three areas that we inspect.",
    ),
    ("h1", "Ratings"),
    ("table", RATINGS),
    (
        "p",
        "Each standard is rated on a four-point scale: Outstanding, Good, Requires improvement or Inadequate. "
        "Quenbridge Youth Justice Service received a score of 13 out of a possible 24, which gives an overall "
        "rating of Requires improvement.",
    ),
    ("h1", "Recommendations"),
    (
        "p",
        "As a result of our inspection findings, we have made seven recommendations that we believe, if "
        "implemented, will have a positive impact on the quality of youth justice services in Quenbridge.",
    ),
    ("p", "The Youth Justice Service should:"),
    (
        "bullet",
        "make sure that assessments and plans are reviewed promptly whenever there is a significant change "
        "in a child's circumstances, such as a new arrest or a move of home",
    ),
    (
        "bullet",
        "improve the quality of work to keep other people safe, including the accurate classification of "
        "risk of serious harm and clear contingency plans",
    ),
    (
        "bullet",
        "strengthen management oversight so that managers challenge and improve the quality of practice "
        "rather than simply approving it",
    ),
    (
        "bullet",
        "increase the number of school-age children who receive their full entitlement to education",
    ),
    ("p", "The Quenbridge Youth Justice Management Board should:"),
    (
        "bullet",
        "agree and monitor an action plan to reduce the over-representation of Black and mixed heritage "
        "children in the youth justice system",
    ),
    (
        "bullet",
        "work with health commissioners to reduce the time that children wait for a mental health assessment",
    ),
    ("p", "Quenbridge Borough Council should:"),
    (
        "bullet",
        "review the arrangements for children who are remanded or sentenced to custody, so that "
        "suitable accommodation is identified well before their release",
    ),
    ("h1", "Background"),
    (
        "p",
        "Quenbridge Youth Justice Service is part of the council's Children and Families directorate. Until "
        "2019 it was known as Quenbridge Youth Offending Team. The head of service, Jonah Whitlock, has been in "
        "post since September 2019 and reports to the Director of Children's Services.",
    ),
    (
        "p",
        "At the time of the inspection, the service was working with 58 children who were subject to court "
        "orders, and with a further 29 children who were receiving voluntary or prevention support. Most of "
        "the children were aged between 15 and 17, and 86% of them were boys.",
    ),
    (
        "p",
        "The service employs 31 staff. These include 12 case managers, three practice managers, an operations "
        "manager, and staff seconded from the police, the probation service, the local health trust and the "
        "council's education department. Case managers held an average of eight children each, and no case "
        "manager held more than 12 cases.",
    ),
    (
        "p",
        "The number of children entering the youth justice system for the first time in Quenbridge fell by 38% "
        "between 2016 and 2021. Over the same period, the proportion of the caseload made up of children "
        "convicted of violent offences, including offences involving weapons, increased.",
    ),
    (
        "p",
        "In March 2021 the service moved from its town centre office to the Harbour Centre on Mill Lane, which it "
        "shares with the council's early help and family support teams.",
    ),
    ("h1", "1. Organisational delivery"),
    (
        "p",
        "To inform our judgements on organisational delivery, we interviewed the head of service and members of "
        "the management board, held meetings with staff, managers and partner agencies, and analysed the "
        "results of a survey completed by staff and volunteers.",
    ),
    ("h2", "1.1 Governance and leadership"),
    (
        "p",
        "We rated governance and leadership as Good. Our rating is based on the key findings set out below.",
    ),
    (
        "p",
        "1.1.1 The management board has been chaired since January 2020 by Harriet Osei, Deputy Chief Executive "
        "of Quenbridge Borough Council. She has brought focus and energy to the board, which now meets every "
        "two months and is attended consistently by senior representatives of all statutory partners.",
    ),
    (
        "p",
        "1.1.2 Following the 2016 screening, the board was restructured and its membership reviewed. It now "
        "includes a representative of the local magistrates, Alan Ferriby, and the head of the pupil referral "
        "unit. Board members each take the lead on a priority area, and they report on progress at every meeting.",
    ),
    (
        "p",
        "1.1.3 The youth justice plan for 2021 to 2023 sets out clear priorities, including reducing serious youth "
        "violence, improving access to education and reducing disproportionality. The plan was developed with "
        "staff and with the children's participation group, Quen Voices.",
    ),
    (
        "p",
        "1.1.4 Children from Black and mixed heritage backgrounds make up 31% of the caseload but only 14% of the "
        "local population aged 10 to 17. The board is aware of this and has commissioned an analysis, but it "
        "has not yet agreed an action plan to address it.",
    ),
    (
        "p",
        "1.1.5 Board members have spent time with operational staff and have attended team meetings, and staff "
        "told us that they felt the board understood their work. The board receives a quarterly performance "
        "report, but this focuses largely on numbers and says little about the quality of practice.",
    ),
    (
        "p",
        "1.1.6 The head of service meets the chair of the board every month, and escalates issues promptly. When "
        "the number of children placed on reduced school timetables rose in 2021, he raised this with the board, "
        "although the response from schools has so far been limited.",
    ),
    ("h3", "Strengths"),
    ("bullet", "The board is well chaired, well attended and has a clear sense of direction."),
    (
        "bullet",
        "The youth justice plan was developed with children and staff and sets out relevant priorities.",
    ),
    ("bullet", "The head of service is visible, respected by staff and trusted by partners."),
    ("h3", "Areas for improvement"),
    (
        "bullet",
        "The board has not yet agreed how it will reduce the over-representation of Black and mixed heritage children.",
    ),
    (
        "bullet",
        "Performance reports to the board do not give enough information about the quality of work with children.",
    ),
    ("h2", "1.2 Staff"),
    ("p", "We rated staff as Outstanding. Our rating is based on the key findings set out below."),
    (
        "p",
        "1.2.1 The service has a stable and experienced workforce. Only two case managers left the service during "
        "2021, and there were no vacant posts at the time of the inspection. Caseloads are manageable, and "
        "managers allocate cases carefully, taking account of each case manager's skills and experience.",
    ),
    (
        "p",
        "1.2.2 Of the 31 staff, 26 responded to our survey. All but two of them said that they received "
        "supervision at least once a month, and 24 said that they felt well supported by their manager.",
    ),
    (
        "p",
        "1.2.3 Since 2020 all staff have been trained in the Anchor approach, a trauma-informed model of practice "
        "developed with the local health trust. Staff described how the training had changed the way they "
        "spoke to children and how they made sense of their behaviour.",
    ),
    (
        "p",
        "1.2.4 The staff group broadly reflects the diversity of the children it works with, and staff from "
        "minority ethnic backgrounds told us that they felt valued and listened to. The service runs a "
        "mentoring scheme for new staff, and volunteers receive regular training and support.",
    ),
    (
        "p",
        "1.2.5 Managers recognise good practice, and the service holds an annual awards event at which staff "
        "and volunteers are nominated by colleagues, children and partners.",
    ),
    (
        "p",
        "1.2.6 The service has 18 active volunteers, most of whom sit on referral order panels. Volunteers told "
        "us that they were well prepared for panel meetings and that they received feedback on their work.",
    ),
    ("h3", "Strengths"),
    ("bullet", "Staff turnover is very low and there were no vacant posts when we inspected."),
    ("bullet", "Almost all staff receive regular supervision and feel well supported."),
    (
        "bullet",
        "Training in trauma-informed practice has had a visible effect on the way staff work with children.",
    ),
    ("h2", "1.3 Partnerships and services"),
    (
        "p",
        "We rated partnerships and services as Requires improvement. Our rating is based on the key findings set out below.",
    ),
    (
        "p",
        "1.3.1 In our 2016 screening we found that children's speech, language and communication needs were not "
        "being identified. This has improved markedly. Noor Rahimi, a speech and language therapist employed "
        "by the health trust, has worked with the service three days a week since 2019.",
    ),
    (
        "p",
        "1.3.2 Every child is now screened for speech, language and communication needs at the start of their "
        "order, and the speech and language therapist helps case managers to adapt written material and "
        "sessions. In 2021, 43% of the children screened were found to have an unmet need.",
    ),
    (
        "p",
        "1.3.3 PC Gareth Fenwick, the police officer seconded to the service, shares information with case "
        "managers every morning and attends the weekly risk meeting. Partners told us that the police "
        "response to children at risk of exploitation has become more consistent as a result.",
    ),
    (
        "p",
        "1.3.4 Access to mental health services remains a difficulty. Children wait an average of 11 weeks for "
        "an assessment by the Child and Adolescent Mental Health Service. This is shorter than the 14 weeks "
        "we found in 2016, but it is still too long for children in crisis.",
    ),
    (
        "p",
        "1.3.5 Education provision has become a weakness. Only 52% of the school-age children in our sample were "
        "receiving their full entitlement to education, and several were on reduced timetables of ten hours "
        "a week or less. Links with the pupil referral unit, which were a strength in 2016, are less effective now.",
    ),
    (
        "p",
        "1.3.6 The restorative justice worker contacts every identified victim, and victims are offered the "
        "chance to take part in restorative work. Substance misuse support is provided by Clearwater, a "
        "commissioned service, and children can usually be seen within two weeks of referral.",
    ),
    (
        "p",
        "1.3.7 Arrangements for children leaving custody are not good enough. In two of the four custodial cases "
        "we inspected, the child did not know where they would be living until the week before their release, "
        "which made it difficult to plan their return to education or training.",
    ),
    ("h3", "Strengths"),
    (
        "bullet",
        "All children are screened for speech, language and communication needs at the start of their order.",
    ),
    (
        "bullet",
        "The seconded police officer helps the service to share information quickly with case managers.",
    ),
    ("h3", "Areas for improvement"),
    (
        "bullet",
        "Too many school-age children are not receiving their full entitlement to education.",
    ),
    ("bullet", "Waiting times for mental health assessments are still too long."),
    (
        "bullet",
        "Suitable accommodation is not always identified in time for children leaving custody.",
    ),
    ("h2", "1.4 Information and facilities"),
    (
        "p",
        "We rated information and facilities as Good. Our rating is based on the key findings set out below.",
    ),
    (
        "p",
        "1.4.1 Policies and procedures are up to date and easy to find. Staff know where to look for guidance, "
        "and managers make sure that new policies are discussed at team meetings.",
    ),
    (
        "p",
        "1.4.2 The Harbour Centre provides a welcoming and safe place to meet children. There are three "
        "interview rooms designed with the help of Quen Voices, and a kitchen where children can learn to cook.",
    ),
    (
        "p",
        "1.4.3 The service audits 40 cases each year, and the results are shared with staff. However, the audit "
        "programme has not picked up the weaknesses in reviewing that we found during this inspection.",
    ),
    (
        "p",
        "1.4.4 The case management system, introduced in 2016, is now well established. Managers can produce "
        "reports on caseloads and attendance quickly, but staff told us that recording reviews on the system "
        "was slow and that they sometimes left this until the end of an order.",
    ),
    ("h3", "Strengths"),
    ("bullet", "The Harbour Centre offers good facilities that children helped to design."),
    ("h3", "Areas for improvement"),
    (
        "bullet",
        "Internal audits should examine whether work is reviewed when a child's circumstances change.",
    ),
    ("h1", "2. Court disposals"),
    (
        "p",
        "We inspected 26 cases managed by the YJS that had received a court disposal. These were 22 community "
        "sentences and four custodial sentences. We interviewed the case managers in 24 of the 26 cases.",
    ),
    (
        "p",
        "We examined the quality of assessment, planning, implementation and delivery, and reviewing. Each of "
        "these elements was inspected in respect of work done to address desistance, work to keep the child "
        "safe, and work to keep other people safe.",
    ),
    ("h2", "2.1 Assessment"),
    (
        "p",
        "We rated assessment as Requires improvement. Our rating is based on the key findings set out below.",
    ),
    (
        "p",
        "2.1.1 In our 2016 screening we found that assessments described children's lives without explaining why "
        "they had offended. This is no longer the case. In 81% of the cases we inspected, the assessment "
        "analysed the reasons for offending well and identified what would help the child to stop.",
    ),
    (
        "p",
        "2.1.2 Assessments of the child's safety and wellbeing were sufficient in 62% of cases. The best "
        "assessments drew on information from children's social care and health services, but in some cases "
        "information held by other agencies had not been obtained.",
    ),
    (
        "p",
        "2.1.3 Work to assess the risk the child posed to other people was sufficient in only 54% of cases. In "
        "6 cases the risk of serious harm had been classified too low, a weakness that we also found in 2016.",
    ),
    (
        "p",
        "2.1.4 Children and their parents or carers were involved in most assessments. Case managers used the "
        "results of the speech and language screening to decide how to explain the assessment to the child, "
        "and children told us that they understood why they were being asked questions.",
    ),
    ("h3", "Strengths"),
    (
        "bullet",
        "Assessments now explain the reasons for a child's offending rather than simply describing their history.",
    ),
    ("bullet", "Children's speech and language needs are understood and taken into account."),
    ("h3", "Areas for improvement"),
    ("bullet", "Risk of serious harm is not always classified accurately."),
    (
        "bullet",
        "Information from other agencies is not always gathered before risk to the child is assessed.",
    ),
    ("h2", "2.2 Planning"),
    ("p", "We rated planning as Good. Our rating is based on the key findings set out below."),
    (
        "p",
        "2.2.1 Planning to support desistance was sufficient in 85% of cases. In 21 of the 26 cases, the child's "
        "own views were clearly reflected in their plan, a marked improvement since 2016.",
    ),
    (
        "p",
        "2.2.2 Planning to keep the child safe was sufficient in 73% of cases, and planning to keep other people "
        "safe was sufficient in 69%. Contingency planning has improved, although some plans still did not say "
        "who would act if the risk increased.",
    ),
    (
        "p",
        "2.2.3 Plans took account of children's diversity and of their wider needs, including their health and "
        "their living arrangements. Sequencing was generally sensible, with practical needs such as housing "
        "and education tackled before offence-focused work.",
    ),
    ("h3", "Strengths"),
    (
        "bullet",
        "Plans are written with children, in language they understand, and reflect what they want to achieve.",
    ),
    ("h3", "Areas for improvement"),
    (
        "bullet",
        "Some contingency plans still do not name who will take action when risk increases.",
    ),
    ("h2", "2.3 Implementation and delivery"),
    (
        "p",
        "We rated implementation and delivery as Good. Our rating is based on the key findings set out below.",
    ),
    (
        "p",
        "2.3.1 The services delivered to support desistance were sufficient in 88% of cases. Case managers built "
        "trusting relationships with children and adapted sessions to meet their needs, using advice from the "
        "speech and language therapist.",
    ),
    (
        "p",
        "2.3.2 The service continues to work well with parents and carers. The Steady Steps programme that we "
        "praised in 2016 was replaced in 2020 by Family Bridges, a parenting programme delivered jointly with "
        "early help workers.",
    ),
    (
        "p",
        "2.3.3 Work to keep the child safe was sufficient in 77% of cases, and work to keep other people safe "
        "was sufficient in 65% of cases. Where delivery fell short, this was usually because information about "
        "risk was not passed on to other agencies quickly enough.",
    ),
    (
        "p",
        "2.3.4 Children attended most of their appointments, and case managers made good efforts to re-engage "
        "those who did not. Enforcement action was taken appropriately, and children were warned clearly "
        "about the consequences of not complying with their order.",
    ),
    ("h3", "Strengths"),
    (
        "bullet",
        "Case managers build trusting relationships and adapt their work to each child's needs.",
    ),
    ("bullet", "Parents and carers are well supported through the Family Bridges programme."),
    ("h2", "2.4 Reviewing"),
    (
        "p",
        "We rated reviewing as Inadequate. Our rating is based on the key findings set out below.",
    ),
    (
        "p",
        "2.4.1 Reviewing of work to support desistance was sufficient in only 42% of cases, reviewing of work to "
        "keep the child safe in 46%, and reviewing of work to keep other people safe in 38%.",
    ),
    (
        "p",
        "2.4.2 In 2016 we found that assessments were not reviewed after significant events. This has not "
        "improved. In 9 of the 14 cases where there had been a significant change, such as an arrest or a "
        "move of home, the assessment and plan had not been reviewed.",
    ),
    (
        "p",
        "2.4.3 Where reviews had taken place, managers had usually approved them without comment. As in 2016, we "
        "found little evidence of managers challenging the quality of the work or asking for it to be improved.",
    ),
    (
        "p",
        "2.4.4 Written reviews were often completed only at the end of an order, when it was too late to change "
        "the approach. Children and their parents or carers were rarely involved in reviews, so changes in "
        "their own view of their progress were not captured.",
    ),
    ("h3", "Areas for improvement"),
    (
        "bullet",
        "Assessments and plans must be reviewed when a child's circumstances change significantly.",
    ),
    (
        "bullet",
        "Managers must challenge the quality of reviews rather than approving them without comment.",
    ),
    ("h1", "Further information"),
    ("h2", "What children and parents told us"),
    (
        "p",
        "Most of the children we spoke to said that their case manager listened to them and helped them with "
        "things that mattered, such as finding a college course or getting support with their mental health. "
        "Several said that the sessions at the Harbour Centre felt less formal than meetings at the old office.",
    ),
    (
        "p",
        "Parents and carers were positive about the Family Bridges programme. Two parents told us that they had "
        "waited a long time for their child to be seen by mental health services, and that they had felt "
        "alone while they waited.",
    ),
    ("h2", "Acknowledgements"),
    (
        "p",
        "This inspection was led by HM Inspector Tomasz Bellweather, supported by a team of five inspectors, a "
        "local assessor, and colleagues from Ofsted, the Care Quality Commission and HM Inspectorate of "
        "Constabulary and Fire and Rescue Services.",
    ),
    (
        "p",
        "We would like to thank the head of service, Jonah Whitlock, the chair of the management board, Harriet "
        "Osei, and all the staff, children and families who gave their time to help with the inspection. "
        "We spoke to 9 children and 7 parents or carers during the inspection.",
    ),
    (
        "p",
        "The service will be expected to produce an action plan within eight weeks of publication, showing how "
        "it intends to respond to our recommendations.",
    ),
]


def build():
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(11)
    for kind, payload in CONTENT:
        if kind == "title":
            doc.add_heading(payload, level=0)
        elif kind == "h1":
            doc.add_heading(payload, level=1)
        elif kind == "h2":
            doc.add_heading(payload, level=2)
        elif kind == "h3":
            doc.add_heading(payload, level=3)
        elif kind == "p":
            doc.add_paragraph(payload)
        elif kind == "bullet":
            doc.add_paragraph(payload, style="List Bullet")
        elif kind == "table":
            table = doc.add_table(rows=0, cols=len(payload[0]))
            table.style = "Table Grid"
            for i, row in enumerate(payload):
                cells = table.add_row().cells
                for j, val in enumerate(row):
                    cells[j].text = val
                    if i == 0:
                        for r in cells[j].paragraphs[0].runs:
                            r.bold = True
        else:
            raise ValueError(kind)
    doc.save(OUT)


if __name__ == "__main__":
    build()
    print("saved", OUT)
