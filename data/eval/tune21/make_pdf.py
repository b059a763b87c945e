"""Build the fictional 2023 Corvenham youth justice inspection report as a PDF (fpdf2)."""

import re

from fpdf import FPDF
from fpdf.fonts import FontFace

OUT = "corvenham_yjs_2023.pdf"  # (first written to /tmp/blind21/reports/)
HEADER_TEXT = "Inspection of youth justice services: Corvenham"
LM = 15  # page left margin
NUMW = 15  # width of paragraph-number column
TX = LM + NUMW  # x where body text starts
LH = 5  # line height

# ---------------------------------------------------------------- content
FOREWORD = [
    "This inspection is part of our programme of youth justice inspections. We have inspected and rated "
    "Corvenham Youth Justice Service (YJS) across three broad areas: the arrangements for organisational "
    "delivery of the service, the quality of work done with children sentenced by the courts, and the "
    "quality of out-of-court disposal work.",
    "Overall, Corvenham Youth Justice Service was rated as Good. This is a service that has changed a great "
    "deal since our Short Quality Screening in 2017, when we found that work to manage the risk of harm was "
    "weak and that management oversight amounted to little more than countersignature. Leaders have rebuilt "
    "the management structure, invested in staff and developed a strong diversion offer.",
    "Staff are the service's greatest asset. They are skilled, stable and well supported, and the standard of "
    "work with children who receive out-of-court disposals is outstanding. Children told us that their workers "
    "listened to them and helped them to make real changes in their lives.",
    "There is still work to do. Planning and reviewing in court disposal cases do not focus enough on keeping "
    "other people safe, and the quality of the information available to the partnership board has been held "
    "back by problems with the case management system. We have made six recommendations which, if "
    "implemented, should help the service to improve further.",
]

ACK = [
    "This inspection was led by HM Inspector Tobias Renwick, supported by a team of five inspectors, a "
    "research officer and a local authority peer reviewer, Dr Felicity Osei. We would like to thank the Chair "
    "of the Corvenham Youth Justice Partnership Board, the Head of Service and the YJS business support "
    "officer, Carol Dunmore, for their help in organising the inspection.",
    "We are also grateful to the 11 children and 9 parents or carers who agreed to speak to us, either in "
    "person or by telephone, and to the partner agencies who took part in meetings during the fieldwork.",
]

RATINGS = [
    ("1. Organisational delivery", None),
    ("1.1 Governance and leadership", "Good"),
    ("1.2 Staff", "Outstanding"),
    ("1.3 Partnerships and services", "Good"),
    ("1.4 Information and facilities", "Requires improvement"),
    ("2. Court disposals", None),
    ("2.1 Assessment", "Good"),
    ("2.2 Planning", "Requires improvement"),
    ("2.3 Implementation and delivery", "Good"),
    ("2.4 Reviewing", "Requires improvement"),
    ("3. Out-of-court disposals", None),
    ("3.1 Assessment", "Good"),
    ("3.2 Planning", "Good"),
    ("3.3 Implementation and delivery", "Outstanding"),
    ("3.4 Out-of-court disposal policy and provision", "Good"),
    ("Overall rating (score 23 out of a possible 36)", "Good"),
]

SUMMARY = [
    "In organisational delivery, staff was rated as Outstanding. Governance and leadership and partnerships "
    "and services were rated as Good, while information and facilities was rated as Requires improvement "
    "because of problems with performance data.",
    "In court disposal work, assessment and implementation and delivery were rated as Good. Planning and "
    "reviewing were both rated as Requires improvement, mainly because of weaknesses in work to keep other "
    "people safe.",
    "In out-of-court disposal work, implementation and delivery was rated as Outstanding, reflecting the "
    "quality of the Corvenham Choices programme. Assessment, planning and out-of-court disposal policy and "
    "provision were all rated as Good.",
]

RECS = [
    (
        "The Youth Justice Service should:",
        [
            "improve planning and reviewing in court disposal cases so that they address the risk of harm to "
            "others and include contingency arrangements that are specific to each child",
            "make sure that management oversight of court disposal cases is recorded and provides challenge "
            "where assessments or plans are weak",
            "ensure that work is reviewed whenever there is a significant change in a child's circumstances",
            "work with the supplier of the case management system to resolve the data reporting faults that "
            "followed the upgrade in November 2022",
        ],
    ),
    (
        "The Corvenham Youth Justice Partnership Board should:",
        [
            "make sure that children open to the YJS who are referred for a specialist mental health assessment "
            "are seen within the agreed six-week timescale",
            "review the arrangements for sharing information about children placed in Corvenham by other local "
            "authorities",
        ],
    ),
]

BACKGROUND = [
    "Corvenham is a largely urban borough in the south of England with a population of around 238,000, of "
    "whom approximately 21,400 are aged between 10 and 17. The former youth offending service was renamed "
    "Corvenham Youth Justice Service in 2019 and sits within the council's Children's Services directorate.",
    "On 1 February 2023, the service was working with 131 children. Of these, 49 were subject to court "
    "disposals, including 6 who were in custody, and 82 were subject to out-of-court disposals^1. Around 27% "
    "of the children open to the service were from Black, Asian or mixed heritage backgrounds, compared with "
    "16% of the borough's population aged 10 to 17.",
    "The service employs 41 staff, including 16 case managers, and is based at Talbot House in Corvenham "
    "town centre, with a satellite office in Eastmoor. Its budget for 2022/2023 was £2.4 million, of which "
    "£1.3 million came from the local authority.",
    "Our fieldwork took place in the weeks beginning 6 and 13 March 2023. We inspected 24 court disposal "
    "cases and 20 out-of-court disposal cases, 44 in total, and interviewed the case manager in 39 of them. "
    "We also held 27 meetings with partners, managers and staff, and 33 of the 41 staff completed our "
    "survey^2.",
]

PROGRESS = [
    "In February 2017 we carried out a Short Quality Screening of what was then Corvenham Youth Offending "
    "Service. That screening was not rated, but it identified seven areas requiring improvement. During this "
    "inspection we considered the progress made against each of them.",
    "Good progress has been made in four of the seven areas. The vacant education, training and employment "
    "post has been replaced by two coordinator roles, almost all children are now screened for speech, "
    "language and communication needs, resettlement planning starts much earlier, and intervention plans "
    "are now specific to the child.",
    "Progress in the other three areas has been slower. The assessment of risk of harm to others has "
    "improved, including where a child is violent at home, but planning and management oversight in this "
    "area are still not good enough. In 2017, only 4 of the 10 risk management plans we examined were of "
    "sufficient quality; in this inspection, 54% of court disposal cases had sufficient planning to keep "
    "other people safe.",
]

FOOTNOTES = {
    1: "Out-of-court disposals include community resolutions, youth cautions and youth conditional cautions, "
    "and are decided by a joint police and YJS panel.",
    2: "The survey asked staff about their workload, supervision, training and confidence in managers. It "
    "was open for two weeks before the fieldwork began.",
}

DOMAINS = [
    (
        "1. Organisational delivery",
        None,
        [
            (
                "1.1 Governance and leadership",
                "Good",
                [
                    (
                        "1.1.1",
                        "The Corvenham Youth Justice Partnership Board is chaired by the Director of Children's "
                        "Services, Gareth Lowndes, and meets every two months. Attendance by statutory partners is good, "
                        "and since 2021 the board has been strengthened by the addition of the principal of the local "
                        "further education college and a representative of the magistrates' bench. Members receive a "
                        "performance report at each meeting and a detailed report on one theme, such as education or "
                        "custody, every six months.",
                    ),
                    (
                        "1.1.2",
                        "The Head of Service, Joanna Petrakis, was appointed in 2019. She has a clear vision for "
                        "a child-first service and is respected by staff and partners alike. The youth justice plan for "
                        "2022 to 2024 sets out priorities that reflect the needs of local children, including reducing "
                        "the use of custody and the number of children entering the justice system for the first time.",
                    ),
                    (
                        "1.1.3",
                        "The board has taken the findings of our 2017 screening seriously. A quality assurance "
                        "framework was introduced in 2018, and management oversight is now audited every quarter. "
                        "However, board members told us that they do not always receive reliable data, which limits "
                        "their ability to challenge performance (see standard 1.4).",
                    ),
                    (
                        "1.1.4",
                        "Disproportionality is discussed at every board meeting. The board commissioned an "
                        "analysis of the over-representation of Black and mixed heritage children in the caseload, and "
                        "an action plan was agreed in January 2023. It is too early to judge its impact.",
                    ),
                ],
            ),
            (
                "1.2 Staff",
                "Outstanding",
                [
                    (
                        "1.2.1",
                        "The staff group is stable and experienced. Only three members of staff left the service "
                        "in the 12 months before the inspection, and there were no vacancies at the time of our "
                        "fieldwork. Case managers held an average caseload of eight children, which they described as "
                        "manageable.",
                    ),
                    (
                        "1.2.2",
                        "Staff told us they feel valued. In our survey, 94% of respondents said their manager "
                        "supported them well, and 91% said they received the training they needed. Supervision takes "
                        "place monthly and is recorded to a good standard.",
                    ),
                    (
                        "1.2.3",
                        "The service has invested in specialist roles. Two education, training and employment "
                        "coordinators were appointed in 2020, filling the gap we identified in 2017, and a speech and "
                        "language therapist has been part of the team since September 2020. A second seconded police "
                        "officer joined the service in 2022.",
                    ),
                    (
                        "1.2.4",
                        "Managers recognise good work. Staff achievements are celebrated at monthly team "
                        "meetings, and a staff wellbeing group, led by the practice manager, Leon Fairbrother, meets "
                        "every quarter. Staff also have access to monthly reflective practice sessions with a clinical "
                        "psychologist, which they told us help them to cope with the emotional demands of the work.",
                    ),
                ],
            ),
            (
                "1.3 Partnerships and services",
                "Good",
                [
                    (
                        "1.3.1",
                        "The service has a comprehensive understanding of the children it works with. A needs "
                        "analysis completed in October 2022 found that 68% of children had speech, language or "
                        "communication needs and that 42% were not in suitable education, training or employment when "
                        "they were referred.",
                    ),
                    (
                        "1.3.2",
                        "A good range of interventions is available. The Step Forward programme has been "
                        "refreshed and now includes work on online harms, and the reparation scheme at Hollins Park has "
                        "expanded to include a bike repair workshop. Children are also offered mentoring through a local "
                        "charity, Corvenham Youth Link.",
                    ),
                    (
                        "1.3.3",
                        "Arrangements for children in custody have improved since 2017. A resettlement worker "
                        "now visits every child in custody within five working days of sentence, and accommodation is "
                        "confirmed at least 28 days before release. Most children continue to be placed at HMYOI "
                        "Marlmoor, but the service has arranged video calls for families who cannot make the journey.",
                    ),
                    (
                        "1.3.4",
                        "Access to mental health support is a concern. Although a child and adolescent mental "
                        "health nurse is based in the team three days a week, children referred for a specialist "
                        "assessment waited an average of 14 weeks in 2022. Partnership board members are aware of this "
                        "but have not yet secured an improvement.",
                    ),
                    (
                        "1.3.5",
                        "Relationships with the courts are positive. The magistrates we spoke to described the "
                        "quality of pre-sentence reports as consistently high. The YJS now sends the bench a quarterly "
                        "summary of how children they have sentenced are progressing, which responds to the request "
                        "magistrates made during our 2017 visit.",
                    ),
                ],
            ),
            (
                "1.4 Information and facilities",
                "Requires improvement",
                [
                    (
                        "1.4.1",
                        "Policies and guidance are up to date and staff know where to find them. The main office "
                        "at Talbot House provides private interview rooms, and the Eastmoor office allows children in "
                        "the east of the borough to be seen closer to home.",
                    ),
                    (
                        "1.4.2",
                        "The case management system was upgraded in November 2022. Since then, staff have "
                        "experienced slow running and lost records, and the performance reports provided to the board "
                        "have contained errors. For example, the proportion of children in suitable education at the "
                        "end of the third quarter of 2022/2023 was reported as 71%, but a manual check by the service "
                        "found the true figure to be 58%.",
                    ),
                    (
                        "1.4.3",
                        "Since the upgrade, the service has not been able to produce accurate reoffending data "
                        "for the board. Managers have put manual workarounds in place, but these take up a considerable "
                        "amount of their time.",
                    ),
                ],
            ),
        ],
        (
            [
                "The Head of Service provides clear, child-first leadership that is respected by staff and partners.",
                "The staff group is stable, well supervised and carries manageable caseloads.",
                "Specialist roles, including the speech and language therapist and the ETE coordinators, are "
                "embedded in the team.",
                "Resettlement arrangements for children in custody have improved since 2017.",
            ],
            [
                "Performance data given to the partnership board is not always accurate.",
                "Children wait too long for specialist mental health assessments.",
                "The impact of the disproportionality action plan has yet to be measured.",
            ],
        ),
    ),
    (
        "2. Court disposals",
        "We inspected 24 cases managed by the YJS that had received a court disposal six to nine months "
        "earlier. These were made up of 16 referral orders, 5 youth rehabilitation orders and 3 detention and "
        "training orders.",
        [
            (
                "2.1 Assessment",
                "Good",
                [
                    (
                        "2.1.1",
                        "Assessments were thorough and analysed the reasons behind a child's offending well. In "
                        "21 of the 24 cases (88%), the assessment sufficiently analysed how to support the child's "
                        "desistance. Case managers drew on information from schools, social care and health, and the "
                        "child's own voice was clearly recorded.",
                    ),
                    (
                        "2.1.2",
                        "Assessment of the child's safety and wellbeing was sufficient in 19 cases (79%). This is "
                        "an improvement on 2017, and screening by the speech and language therapist now informs almost "
                        "every assessment.",
                    ),
                    (
                        "2.1.3",
                        "The assessment of how to keep other people safe was sufficient in 17 cases (71%). Where "
                        "it fell short, case managers had not always considered controlling behaviour in children's "
                        "relationships, or had not made use of information held by the police.",
                    ),
                    (
                        "2.1.4",
                        "Case managers considered the child's diversity and identity well in 20 of the 24 cases. "
                        "Several assessments described how experiences of racism at school had affected a child's "
                        "attendance and behaviour, which was a marked change from 2017.",
                    ),
                ],
            ),
            (
                "2.2 Planning",
                "Requires improvement",
                [
                    (
                        "2.2.1",
                        "Planning to support desistance was sufficient in 18 of the 24 cases (75%). Plans were "
                        "written with children and included their own goals, and most were set out in a format that "
                        "the child could understand.",
                    ),
                    (
                        "2.2.2",
                        "Planning to keep the child safe was sufficient in 15 cases (63%). Plans did not always "
                        "say what other agencies, such as children's social care, would do, and some did not reflect "
                        "the risks children faced outside the home.",
                    ),
                    (
                        "2.2.3",
                        "Planning to keep other people safe remains the weakest area of practice, as it was at "
                        "the time of our 2017 screening. Only 13 of the 24 cases (54%) had sufficient planning to keep "
                        "other people safe. Contingency plans were often generic and did not say what would be done if "
                        "risk increased, or who would do it. In several cases the needs and wishes of actual and "
                        "potential victims were not addressed, even where the victim lived close to the child. In one "
                        "case, a child subject to a referral order for an assault on his former partner had no plan to "
                        "monitor his contact with her, although the police held information that he had continued to "
                        "message her. Case managers told us they understood the importance of contingency planning but "
                        "had not been given clear guidance on what a good plan looks like since the upgrade of the case "
                        "management system removed the template they had used.",
                    ),
                ],
            ),
            (
                "2.3 Implementation and delivery",
                "Good",
                [
                    (
                        "2.3.1",
                        "The services delivered supported desistance well in 20 of the 24 cases (83%). Case "
                        "managers built trusting relationships, and children with speech, language and communication "
                        "needs received materials adapted to their needs.",
                    ),
                    (
                        "2.3.2",
                        "Education outcomes were a particular strength. Of the 11 children in the sample who were "
                        "not in education, training or employment at the start of their order, 7 had moved into a "
                        "placement by the time of our inspection.",
                    ),
                    (
                        "2.3.3",
                        "Delivery of services to keep other people safe was sufficient in 16 cases (67%). Where "
                        "a child's circumstances changed, the response was sometimes slow, although information from "
                        "the seconded police officers was shared promptly.",
                    ),
                    (
                        "2.3.4",
                        "The three children serving detention and training orders were visited regularly in "
                        "custody. In each case their accommodation was confirmed well before release, and an education "
                        "or training place was arranged for the first week in the community.",
                    ),
                ],
            ),
            (
                "2.4 Reviewing",
                "Requires improvement",
                [
                    (
                        "2.4.1",
                        "Reviewing of work to support desistance was sufficient in 17 of the 24 cases (71%), and "
                        "children were involved in their own reviews.",
                    ),
                    (
                        "2.4.2",
                        "Reviews did not always happen when they should. In 9 cases there had been a significant "
                        "change in the child's circumstances, and a review had followed in only 4 of them.",
                    ),
                    (
                        "2.4.3",
                        "Reviewing of work to keep other people safe was sufficient in 14 cases (58%). Management "
                        "oversight was recorded in most cases but was not always effective; in 6 cases, managers had "
                        "signed off a review without challenging an underestimate of risk. This echoes the concern "
                        "about countersignature without challenge that we raised in 2017.",
                    ),
                ],
            ),
        ],
        (
            [
                "Assessments give a clear picture of the child and include the child's own voice.",
                "Children with speech, language and communication needs receive adapted materials and support.",
                "Many children who were out of education at the start of their order have moved into a placement.",
            ],
            [
                "Planning to keep other people safe does not set out specific contingency arrangements.",
                "Reviews do not always take place after a significant change in a child's circumstances.",
                "Management oversight does not consistently challenge an underestimate of risk.",
            ],
        ),
    ),
    (
        "3. Out-of-court disposals",
        "We inspected 20 out-of-court disposals: 12 community resolutions, 5 youth cautions and 3 youth "
        "conditional cautions. Decisions are made at the weekly Joint Decision-Making Panel, which is chaired by "
        "the YJS prevention and diversion manager, Amira Haddad.",
        [
            (
                "3.1 Assessment",
                "Good",
                [
                    (
                        "3.1.1",
                        "Assessment to support desistance was sufficient in 18 of the 20 cases (90%). Case "
                        "managers completed assessments quickly, and the results were available to the panel before a "
                        "decision was made.",
                    ),
                    (
                        "3.1.2",
                        "Assessment of the child's safety and wellbeing was sufficient in 17 cases (85%), and "
                        "assessment of how to keep other people safe was sufficient in 16 cases (80%).",
                    ),
                ],
            ),
            (
                "3.2 Planning",
                "Good",
                [
                    (
                        "3.2.1",
                        "Planning to support desistance was sufficient in 17 cases (85%). Plans were short, "
                        "realistic and focused on what the child wanted to achieve.",
                    ),
                    (
                        "3.2.2",
                        "Planning to keep other people safe was sufficient in 15 cases (75%). Where the victim "
                        "was a family member, plans took good account of their safety.",
                    ),
                ],
            ),
            (
                "3.3 Implementation and delivery",
                "Outstanding",
                [
                    (
                        "3.3.1",
                        "The quality of the work delivered through out-of-court disposals was excellent. Services "
                        "to support desistance were sufficient in 19 of the 20 cases (95%). The Corvenham Choices "
                        "diversion programme offers children a flexible package of sport, creative activity and "
                        "one-to-one work, and children spoke highly of it.",
                    ),
                    (
                        "3.3.2",
                        "Staff worked hard to engage parents and carers, including by offering evening and "
                        "weekend appointments. The child's voice was heard in every case we inspected, and in 18 cases "
                        "the child had completed all the agreed interventions.",
                    ),
                    (
                        "3.3.3",
                        "Victims were contacted in all 20 cases, and restorative work had been offered wherever "
                        "it was appropriate.",
                    ),
                ],
            ),
            (
                "3.4 Out-of-court disposal policy and provision",
                "Good",
                [
                    (
                        "3.4.1",
                        "A joint policy agreed with Corvenham police sets out clear criteria for each type of "
                        "disposal. It was last reviewed in June 2022. The panel's decisions were appropriate in 19 of "
                        "the 20 cases we inspected.",
                    ),
                    (
                        "3.4.2",
                        "The service monitors the outcomes of out-of-court disposals. Of the children who "
                        "received one in 2021, 14% had reoffended within 12 months. However, the policy does not yet "
                        "set out how children who do not admit an offence will be offered support.",
                    ),
                    (
                        "3.4.3",
                        "The Joint Decision-Making Panel includes a police sergeant, a YJS case manager, a "
                        "representative of children's social care and, since 2022, a speech and language therapist. "
                        "Minutes are clear and record the reasons for each decision.",
                    ),
                ],
            ),
        ],
        (
            [
                "The Corvenham Choices programme provides a flexible and engaging package of support.",
                "Decisions at the Joint Decision-Making Panel are timely and well informed by assessment.",
                "Victims are contacted in every case and offered restorative work.",
            ],
            [
                "The out-of-court disposal policy should set out how children who do not admit an offence will be "
                "supported."
            ],
        ),
    ),
]


# ---------------------------------------------------------------- layout
class Report(FPDF):
    def __init__(self):
        super().__init__(format="A4")
        self.set_margins(LM, 20, LM)
        self.set_auto_page_break(True, margin=22)
        self.notes = {}  # page -> [(n, text)]
        self.alias_nb_pages()

    def header(self):
        self.page_break_trigger = self.h - self.b_margin  # reset any footnote reservation
        if self.page_no() > 1:
            self.set_font("Helvetica", "I", 8)
            self.set_text_color(90, 90, 90)
            self.set_xy(LM, 9)
            self.cell(0, 5, HEADER_TEXT, align="R")
            self.set_draw_color(150, 150, 150)
            self.line(LM, 15, self.w - LM, 15)
            self.set_text_color(0, 0, 0)
            self.set_xy(LM, 20)

    def footer(self):
        notes = self.notes.get(self.page_no(), [])
        if notes:
            y = self.h - 22 - 2 - 8 * len(notes)
            self.set_draw_color(0, 0, 0)
            self.line(LM, y, LM + 50, y)
            self.set_font("Helvetica", "", 7.5)
            yy = y + 1.5
            for n, text in notes:
                self.set_xy(LM, yy)
                self.set_font("Helvetica", "", 6)
                self.char_vpos = "SUP"
                self.cell(3, 3.5, str(n))
                self.char_vpos = "LINE"
                self.set_font("Helvetica", "", 7.5)
                self.multi_cell(self.w - 2 * LM - 3, 3.5, text, align="L")
                yy = self.get_y() + 1
        self.set_y(-15)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="C")

    # helpers
    def need(self, mm):
        if self.get_y() + mm > self.page_break_trigger:
            self.add_page()

    def h1(self, text):
        self.need(30)
        self.ln(3)
        self.set_font("Helvetica", "B", 15)
        self.set_x(LM)
        self.multi_cell(0, 8, text, align="L")
        self.ln(2)

    def h2(self, text):
        self.need(25)
        self.ln(2)
        self.set_font("Helvetica", "B", 12)
        self.set_x(LM)
        self.multi_cell(0, 6.5, text, align="L")
        self.ln(1)

    def h3(self, text):
        self.need(15)
        self.set_font("Helvetica", "B", 10)
        self.set_x(TX)
        self.multi_cell(0, LH + 1, text, align="L")

    def body(self, text, x=TX):
        """Write text (with ^n footnote markers) from x, wrapping at x."""
        self.set_left_margin(x)
        self.set_x(x)
        for part in re.split(r"(\^\d)", text):
            if part.startswith("^"):
                n = int(part[1:])
                self.notes.setdefault(self.page_no(), []).append((n, FOOTNOTES[n]))
                self.page_break_trigger = (
                    self.h - self.b_margin - 10 * len(self.notes[self.page_no()])
                )
                self.set_font("Helvetica", "", 6.5)
                self.char_vpos = "SUP"
                self.write(LH, str(n))
                self.char_vpos = "LINE"
            else:
                self.set_font("Helvetica", "", 10)
                self.write(LH, part)
        self.ln(LH)
        self.set_left_margin(LM)
        self.ln(2.5)

    def para(self, num, text):
        self.need(LH + 1)
        y0 = self.get_y()
        self.set_font("Helvetica", "B", 9)
        self.set_xy(LM, y0)
        self.cell(NUMW, LH, num)
        self.set_xy(TX, y0)
        self.body(text)

    def plain(self, text):
        self.need(LH + 1)
        self.body(text)

    def bullets(self, items):
        for it in items:
            self.need(LH + 1)
            y0 = self.get_y()
            self.set_fill_color(0, 0, 0)
            self.circle(x=TX + 1.5, y=y0 + 2.5, radius=0.8, style="F")
            self.set_xy(TX + 5, y0)
            self.set_left_margin(TX + 5)
            self.set_font("Helvetica", "", 10)
            self.write(LH, it)
            self.ln(LH)
            self.set_left_margin(LM)
            self.ln(1.5)
        self.ln(1.5)


def build():
    pdf = Report()
    pdf.set_title("An inspection of youth justice services in Corvenham")
    pdf.set_author("HM Inspectorate of Probation")
    pdf.add_page()

    # cover block
    pdf.set_font("Helvetica", "B", 11)
    pdf.set_text_color(60, 60, 60)
    pdf.cell(0, 6, "HM Inspectorate of Probation", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.ln(4)
    pdf.set_font("Helvetica", "B", 20)
    pdf.multi_cell(0, 10, align="L", text="An inspection of youth justice services in Corvenham")
    pdf.ln(2)
    pdf.set_font("Helvetica", "", 11)
    pdf.cell(0, 6, "Published June 2023", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 6, "Lead inspector: Tobias Renwick", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)

    pdf.h1("Foreword")
    for p in FOREWORD:
        pdf.plain(p)
    pdf.set_font("Helvetica", "B", 10)
    pdf.set_x(TX)
    pdf.cell(0, LH, "Margaret Ellison", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.set_x(TX)
    pdf.cell(0, LH, "HM Chief Inspector of Probation", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)

    pdf.h1("Acknowledgements")
    for p in ACK:
        pdf.plain(p)

    # ratings table
    pdf.add_page()
    pdf.h1("Ratings")
    pdf.plain(
        "Each standard is rated on a four-point scale: Outstanding, Good, Requires improvement or "
        "Inadequate. Corvenham Youth Justice Service received the following ratings."
    )
    pdf.need(110)
    pdf.set_font("Helvetica", "", 10)
    pdf.set_draw_color(0, 0, 0)
    with pdf.table(
        width=165,
        col_widths=(110, 55),
        align="RIGHT",
        line_height=6.5,
        first_row_as_headings=True,
        borders_layout="ALL",
    ) as table:
        row = table.row()
        row.cell("Standard")
        row.cell("Rating")
        for name, grade in RATINGS:
            row = table.row()
            if grade is None:
                row.cell(name, colspan=2, style=FontFace(emphasis="BOLD"))
            else:
                st = FontFace(emphasis="BOLD") if name.startswith("Overall") else None
                row.cell(name, style=st)
                row.cell(grade, style=st)
    pdf.ln(4)
    pdf.h2("Summary of findings")
    for p in SUMMARY:
        pdf.plain(p)

    pdf.h1("Recommendations")
    pdf.plain(
        "As a result of our inspection findings, we have made six recommendations that we believe, if "
        "implemented, will have a positive impact on the quality of youth justice services in Corvenham."
    )
    k = 1
    for heading, items in RECS:
        pdf.h3(heading)
        pdf.ln(1)
        for it in items:
            pdf.need(LH + 1)
            y0 = pdf.get_y()
            pdf.set_font("Helvetica", "", 10)
            pdf.set_xy(TX, y0)
            pdf.cell(7, LH, f"{k}.")
            pdf.set_xy(TX + 7, y0)
            pdf.set_left_margin(TX + 7)
            pdf.write(LH, it)
            pdf.ln(LH)
            pdf.set_left_margin(LM)
            pdf.ln(1.5)
            k += 1
        pdf.ln(2)

    pdf.h1("Background")
    for p in BACKGROUND:
        pdf.plain(p)

    pdf.h1("Progress since the 2017 screening")
    for p in PROGRESS:
        pdf.plain(p)

    for dtitle, intro, standards, (strengths, areas) in DOMAINS:
        pdf.h1(dtitle)
        if intro:
            pdf.plain(intro)
        for stitle, grade, paras in standards:
            pdf.h2(stitle)
            pdf.set_font("Helvetica", "B", 10)
            pdf.set_x(TX)
            name = stitle.split(" ", 1)[1].lower()
            pdf.multi_cell(0, LH + 1, f"Our rating for {name} is: {grade}", align="L")
            pdf.ln(1)
            for num, text in paras:
                pdf.para(num, text)
        pdf.h3("Strengths")
        pdf.ln(1)
        pdf.bullets(strengths)
        pdf.h3("Areas for improvement")
        pdf.ln(1)
        pdf.bullets(areas)

    pdf.output(OUT)
    return pdf.page_no()


if __name__ == "__main__":
    print("pages:", build())
