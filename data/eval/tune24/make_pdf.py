"""Generate the fictional Hartwell YJS 2024 full inspection report as a PDF (fpdf2)."""

from fpdf import FPDF

OUT = "hartwell_yjs_2024.pdf"  # (first written to /tmp/blind24/reports/)

# Block kinds: title, subtitle, h1, h2, p, b (bullet), table, rating, break
B = []


def title(t):
    B.append(("title", t))


def subtitle(t):
    B.append(("subtitle", t))


def h1(t):
    B.append(("h1", t))


def h2(t):
    B.append(("h2", t))


def p(t):
    B.append(("p", t))


def b(t):
    B.append(("b", t))


def br():
    B.append(("break", None))


title("An inspection of youth justice services in Hartwell")
subtitle("HM Inspectorate of Probation")
subtitle("Fieldwork: 15 to 19 January 2024")
subtitle("Published: 9 April 2024")
p(
    "This inspection was led by Malcolm Reddish, HM Inspector of Probation, supported by a team of "
    "four inspectors and one trainee inspector. The report is published on behalf of HM Chief "
    "Inspector of Probation, Helena Strathmore."
)
br()

h1("Foreword")
p(
    "This inspection is part of our programme of youth justice inspections. We have inspected and "
    "rated Hartwell Youth Justice Service (YJS) across three broad areas: the arrangements for "
    "organisational delivery of the service, the quality of work done with children sentenced by "
    "the courts, and the quality of out-of-court disposal work."
)
p(
    "Overall, Hartwell Youth Justice Service was rated as 'Good', although reviewing in court "
    "disposal cases was rated as 'Inadequate'. This is a service that has changed a great deal since "
    "our short quality screening of youth offending work in Hartwell in June 2018. At that time we "
    "found a service working from unsuitable premises, with no direct access to mental health support "
    "and with weak assessment of the risk that some children posed to other people. Each of these "
    "has now been addressed."
)
p(
    "The partnership board is well led and ambitious for children. Leaders know their service well, "
    "and the out-of-court disposal work, delivered through the Hartwell Choices Panel, is among the "
    "best we have seen. Children told us that staff listened to them and treated them fairly."
)
p(
    "However, not everything has moved forward. The weaknesses in reviewing that we highlighted in "
    "2018 are still present, and too many plans are not updated when a child's circumstances change. "
    "A high turnover of case managers during 2023 has also placed pressure on the service. I hope "
    "that the recommendations in this report help the partnership to build on its clear strengths."
)
p("Helena Strathmore")
p("HM Chief Inspector of Probation")

br()
h1("Ratings")
B.append(
    (
        "table",
        [
            ("Hartwell Youth Justice Service", "Score 21/36"),
            ("Overall rating", "Good"),
            ("1. Organisational delivery", ""),
            ("1.1 Governance and leadership", "Good"),
            ("1.2 Staff", "Requires improvement"),
            ("1.3 Partnerships and services", "Good"),
            ("1.4 Information and facilities", "Outstanding"),
            ("2. Court disposals", ""),
            ("2.1 Assessment", "Good"),
            ("2.2 Planning", "Requires improvement"),
            ("2.3 Implementation and delivery", "Good"),
            ("2.4 Reviewing", "Inadequate"),
            ("3. Out-of-court disposals", ""),
            ("3.1 Assessment", "Good"),
            ("3.2 Planning", "Good"),
            ("3.3 Implementation and delivery", "Requires improvement"),
            ("3.4 Out-of-court disposal policy and provision", "Outstanding"),
        ],
    )
)

h1("Recommendations")
p(
    "As a result of our inspection findings, we have made seven recommendations that we believe, if "
    "implemented, will have a positive impact on the quality of youth justice services in Hartwell. "
    "This will improve the lives of the children in contact with youth justice services, and better "
    "protect the public."
)
h2("The Youth Justice Service should:")
b(
    "1. make sure that plans are reviewed and updated whenever there is a significant change in a "
    "child's circumstances, and that managers check the quality of these reviews"
)
b(
    "2. improve the quality of planning to keep other people safe, including clear contingency "
    "arrangements when risk increases"
)
b(
    "3. make sure that every case manager receives formal supervision at least once a month and "
    "that supervision records are kept"
)
b(
    "4. strengthen the delivery of out-of-court interventions so that work agreed at the Choices "
    "Panel starts within ten working days"
)
b("5. develop a workforce plan that reduces reliance on agency case managers")
h2("The Hartwell Youth Justice Partnership Board should:")
b(
    "6. make sure that the education, training and employment needs of children known to the YJS "
    "are given priority by schools and by Hartwell College"
)
b("7. secure funding for the speech and language therapy post beyond March 2025")

h1("Background")
p(
    "Hartwell is a largely urban borough with a population of around 214,000 people, of whom 27,800 "
    "are children aged 10 to 17. The youth justice service sits within the council's Children's "
    "Services directorate and is based at Carrick House, a converted library close to the town centre, "
    "which it moved into in May 2022."
)
p(
    "The head of service, Colette Ashby-Marr, was appointed in September 2020 and reports to the "
    "Director of Children's Services. The partnership board has been chaired since March 2021 by "
    "Dominic Fairweather, the Director of Children's Services."
)
h2("Contextual facts")
b(
    "58 children were being supervised by Hartwell YJS on 31 December 2023: 22 on court disposals "
    "and 36 on out-of-court disposals."
)
b(
    "The reoffending rate for children in Hartwell was 29.4 per cent, compared with 32.2 per cent "
    "for England and Wales."
)
b(
    "The first-time entrant rate was 148 per 100,000 children aged 10 to 17, compared with a "
    "national rate of 154."
)
b(
    "19 per cent of the children on the caseload were from ethnic minority backgrounds, compared "
    "with 12 per cent of the local population aged 10 to 17."
)
b("31 per cent of the children on the caseload were looked after by the local authority.")
b(
    "The total budget for the YJS in 2023/24 was \u00a32.1 million, of which the council "
    "contributed 61 per cent."
)
h2("How we conducted this inspection")
p(
    "Our fieldwork took place between 15 and 19 January 2024. We inspected 30 cases in total: 12 "
    "court disposals and 18 out-of-court disposals. In each case we interviewed the case manager. "
    "We also held 44 meetings with staff, managers, board members and partners, and we spoke to six "
    "children and four parents or carers about their experience of the service."
)

h2("What children and parents told us")
p(
    "Of the six children we spoke to, five said that their case manager understood what mattered to "
    "them, and all six said that sessions took place at times that fitted around school or work. One "
    "child told us that having three different case managers in a year had made it hard to trust "
    "anyone. The four parents and carers we spoke to were positive about the service, although two "
    "said that they had not been told when a review of their child's plan had taken place."
)

h1("1. Organisational delivery")
h2("1.1 Governance and leadership")
p(
    "1.1.1 We rated governance and leadership as 'Good' because the board provides clear direction "
    "and knows its service well. The partnership board meets every eight weeks and attendance by "
    "senior partners has been consistently high, with the police, health, education and probation "
    "all represented at an appropriate level."
)
p(
    "1.1.2 The youth justice plan for 2023 to 2025 sets out a clear vision of a 'child first' service "
    "and was written with contributions from children. Board members could describe its priorities "
    "and how they would know whether these were being achieved."
)
p(
    "1.1.3 In 2018, our screening letter noted that the management board received performance "
    "figures but very little information about the quality of practice. This has changed. The board "
    "now receives a quarterly audit report, and each board member shadows a case manager at least "
    "once a year."
)
p(
    "1.1.4 The board has been less effective in driving improvement in education outcomes. Nine of "
    "the 30 children in our inspected cases were not in full-time education, training or employment, "
    "a proportion similar to that found in 2018, and the board had not challenged schools about "
    "reduced timetables."
)
h2("Strengths:")
b(
    "The chair of the board, Dominic Fairweather, provides strong and visible leadership and is "
    "well regarded by partners."
)
b(
    "Board members have a good understanding of the disproportionate number of looked-after "
    "children in the youth justice system."
)
h2("Areas for improvement:")
b(
    "The board does not yet hold schools to account for the use of reduced timetables and "
    "exclusions among children known to the YJS."
)

h2("1.2 Staff")
p(
    "1.2.1 We rated staffing as 'Requires improvement'. The service employs 31 staff, including "
    "nine case managers and three operational managers, and has a pool of 17 trained volunteers who "
    "sit on referral order panels. The average caseload was 6.4 children per case manager, which is "
    "manageable."
)
p(
    "1.2.2 However, the workforce has been unsettled. Four of the nine case managers joined the "
    "service in the 12 months before our fieldwork, and two of the nine were agency staff at the time "
    "of the inspection. Several experienced practitioners left during 2023 after a restructure of "
    "Children's Services, and the loss of their knowledge was evident in some of the cases we "
    "inspected, particularly where a child had been allocated to three or more case managers."
)
p(
    "1.2.3 Supervision was not consistent. Of the 24 staff who responded to our survey, only 58 per "
    "cent said that they received formal supervision at least monthly, and in several cases we could "
    "find no record of supervision discussions about the child. Despite this, staff morale was "
    "positive, and 88 per cent of survey respondents said that they felt valued by their managers."
)
p(
    "1.2.4 The volunteers who sit on referral order panels are well trained and well supported. "
    "Each volunteer receives an induction of four sessions and attends two refresher events a year, "
    "and panel meetings we observed were respectful and focused on the child."
)
p(
    "1.2.5 Training is well organised. All case managers had completed trauma-informed practice "
    "training, and the head of service has introduced a monthly practice forum led by the operational "
    "managers."
)
h2("Strengths:")
b("Staff are motivated, committed to children, and speak highly of their managers.")
b("Caseloads are manageable and allocation takes account of the complexity of each case.")
h2("Areas for improvement:")
b("Formal supervision is not taking place regularly enough, and it is not always recorded.")
b(
    "The service relies too heavily on agency case managers, which has disrupted relationships "
    "with children."
)

h2("1.3 Partnerships and services")
p(
    "1.3.1 Partnerships and services are rated as 'Good'. The YJS has a detailed understanding of "
    "the needs of the children it works with, drawn from an annual analysis of its caseload that was "
    "last completed in October 2023."
)
p(
    "1.3.2 Health provision has improved considerably since 2018, when we found no direct access "
    "to mental health support and long waits for specialist services. The service now has a "
    "specialist mental health nurse, Bronwen Tally, seconded from the children and young people's "
    "mental health service for three days a week. Every child is offered a health screening within "
    "ten working days of starting an order or out-of-court disposal."
)
p(
    "1.3.3 A speech and language therapist works in the service for the equivalent of 0.6 of a "
    "full-time post. Her assessments were of high quality, but the post is funded only until March "
    "2025 and there is no agreement about what will happen after that date."
)
p(
    "1.3.4 PC Gareth Odunsi, the seconded police officer, works closely with case managers and shares "
    "intelligence promptly. Work with the National Probation Service on transitions was good, and "
    "both children we reviewed who had moved to adult services had a joint handover meeting."
)
h2("Strengths:")
b(
    "The seconded mental health nurse has reduced waiting times and improved the quality of health "
    "information in assessments."
)
b("The police and the YJS share information promptly and work well together.")
h2("Areas for improvement:")
b("There is no secure funding for speech and language therapy after March 2025.")

h2("1.4 Information and facilities")
p(
    "1.4.1 We rated information and facilities as 'Outstanding'. Our 2018 screening described the "
    "former office in Lister Street as unsuitable for meeting children, with no private interview "
    "rooms. Since May 2022 the service has worked from Carrick House, which has six interview rooms, "
    "a kitchen used for cookery sessions, and a garden that children helped to design."
)
p(
    "1.4.2 Policies and guidance are clear and up to date. Case managers can easily find the "
    "guidance they need, and the quality assurance framework is well understood by staff at every "
    "level."
)
p(
    "1.4.3 The service learns from reviews and from feedback. Following a serious incident review "
    "in 2022, it introduced a weekly risk meeting chaired by an operational manager, and the minutes "
    "of this meeting were of high quality in every case where a child had been discussed."
)

h1("2. Court disposals")
p(
    "We inspected 12 cases managed by the YJS that had received a court disposal. In each case we "
    "looked at the work done to support desistance, to keep the child safe, and to keep other people "
    "safe."
)
h2("2.1 Assessment")
p(
    "2.1.1 Assessment in court cases is rated as 'Good'. Assessments sufficiently analysed how to "
    "support the child's desistance in 83 per cent of cases, and how to keep the child safe in 75 "
    "per cent."
)
p(
    "2.1.2 Assessment of how to keep other people safe has improved markedly. At the 2018 screening "
    "we judged the assessment of risk of harm to others to be sufficient in only 55 per cent of cases. "
    "In this inspection, 83 per cent of court disposal assessments sufficiently analysed how to keep "
    "other people safe, and case managers made good use of information from the police and "
    "children's social care."
)
p(
    "2.1.3 Case managers took the time to understand the child's history, including experiences of "
    "trauma and loss, and they routinely sought the views of parents and carers."
)
h2("2.2 Planning")
p(
    "2.2.1 Planning is rated as 'Requires improvement'. Planning to support desistance was "
    "sufficient in 67 per cent of cases, and planning to keep the child safe was sufficient in 58 "
    "per cent."
)
p(
    "2.2.2 Planning to keep other people safe was the weakest area, and was sufficient in only half "
    "of the cases we inspected. Too often, plans did not set out what would be done if the risk to "
    "others increased, and contingency arrangements were vague or missing altogether."
)
p(
    "2.2.3 The needs and wishes of victims were considered in planning in only seven of the 12 "
    "cases. Where a restorative justice worker was involved, victims' views were clearly recorded, "
    "but this was not routine, and in some cases the plan made no mention of the victim at all."
)
h2("Strengths:")
b("Plans were written in language the child could understand and included the child's own goals.")
h2("Areas for improvement:")
b("Contingency planning to manage risk of harm to others was not good enough.")
b("Plans did not always take account of the needs of victims.")
h2("2.3 Implementation and delivery")
p(
    "2.3.1 We rated implementation and delivery as 'Good'. Services were delivered to support "
    "desistance in 83 per cent of cases. Case managers built strong relationships with children and "
    "were persistent when children did not engage. Reparation projects, including work at the "
    "Hartwell community allotment, were meaningful and valued by the children we spoke to."
)
p(
    "2.3.2 The delivery of services to keep the child safe and to keep other people safe was "
    "sufficient in 75 per cent of cases. The weekly risk meeting helped to coordinate the work of "
    "different agencies, although in two cases information about a child's new associates was not "
    "shared with the police quickly enough."
)
p(
    "2.3.3 Children's health needs were met well. In every court case where a need was identified, "
    "the child was seen by the mental health nurse or the speech and language therapist, and case "
    "managers adapted their sessions to take account of the advice they received."
)
h2("2.4 Reviewing")
p(
    "2.4.1 Reviewing is rated as 'Inadequate'. Reviewing of work to support desistance was "
    "sufficient in only 42 per cent of cases, and reviewing of work to keep the child safe and to "
    "keep other people safe was sufficient in only 33 per cent."
)
p(
    "2.4.2 Reviewing was identified as an area requiring improvement in our 2018 screening, when "
    "40 per cent of cases had a sufficient review, and we found little evidence of progress. In "
    "several cases, a child had been arrested, moved home or been excluded from school, yet the "
    "plan had not been revisited. Managers countersigned reviews without commenting on their "
    "quality."
)
h2("Areas for improvement:")
b("Reviews did not take place when there was a significant change in a child's circumstances.")
b("Management oversight of reviews was not effective.")

h1("3. Out-of-court disposals")
p(
    "We inspected 18 cases managed by the YJS that had received an out-of-court disposal. These "
    "comprised nine youth conditional cautions, five youth cautions and four community resolutions."
)
h2("3.1 Assessment")
p(
    "3.1.1 Assessment in out-of-court cases is rated as 'Good'. Assessments sufficiently analysed "
    "how to support desistance in 89 per cent of cases, how to keep the child safe in 78 per cent, "
    "and how to keep other people safe in 72 per cent."
)
p(
    "3.1.2 Assessments were completed before the case was discussed at the Choices Panel in 16 of "
    "the 18 cases. They drew on information from the health screening, from schools and from "
    "children's social care, and they gave a clear picture of the child's circumstances. Where "
    "assessments fell short, this was usually because the risk that the child posed to a family "
    "member had not been explored in enough depth."
)
h2("3.2 Planning")
p(
    "3.2.1 Planning is rated as 'Good'. Plans were proportionate to the disposal, were agreed with "
    "the child and their parents or carers, and took account of the wishes of victims. Planning to "
    "support desistance was sufficient in 83 per cent of cases."
)
h2("3.3 Implementation and delivery")
p(
    "3.3.1 Implementation and delivery is rated as 'Requires improvement'. Services to support "
    "desistance were delivered well enough in only 67 per cent of cases, and services to keep other "
    "people safe in 56 per cent."
)
p(
    "3.3.2 The main reason was delay. In seven of the 18 cases, work agreed at the Choices Panel "
    "did not start for more than four weeks, mostly because the case had been waiting for allocation "
    "during a period of staff vacancies. By the time the work started, some children had lost "
    "interest or had moved on."
)
p(
    "3.3.3 Where work started promptly, it was of good quality. The Second Step mentoring programme, "
    "run by a local charity, was highly valued by the children who took part, and parents told us "
    "that it had helped their child to stay away from negative peer groups."
)
h2("Areas for improvement:")
b("Interventions agreed at the Choices Panel did not always start promptly.")
h2("3.4 Out-of-court disposal policy and provision")
p(
    "3.4.1 We rated out-of-court disposal policy and provision as 'Outstanding'. The Hartwell Choices "
    "Panel, which meets every Wednesday, brings together the YJS, the police, health, education and "
    "children's social care to make joint decisions. Decisions are well recorded and are based on a "
    "full assessment of the child."
)
p(
    "3.4.2 The service has a clear policy, agreed with the police, which is reviewed every year. "
    "PC Gareth Odunsi attends every panel and ensures that victims' views are presented. A scrutiny "
    "panel chaired by a magistrate reviews a sample of decisions every quarter, and its findings are "
    "reported to the partnership board."
)
p(
    "3.4.3 Since the Choices Panel was set up in September 2019, the number of children entering "
    "the youth justice system for the first time in Hartwell has fallen by 38 per cent. Leaders "
    "have used the panel's data well to identify gaps in services, including the need for more "
    "support for children excluded from school."
)
h2("Strengths:")
b("Joint decision-making at the Choices Panel is thorough, well recorded and focused on the child.")
b(
    "Independent scrutiny of out-of-court decisions gives the board confidence that disposals are "
    "used fairly and consistently."
)

h1("Annexe: Methodology")
p(
    "The inspection was conducted using our standards framework for youth justice services. Each "
    "standard was rated on a four-point scale: 'Outstanding', 'Good', 'Requires improvement' or "
    "'Inadequate'. A score of three was given for 'Outstanding', two for 'Good', one for 'Requires "
    "improvement' and zero for 'Inadequate'. The scores for the 12 standards were added together to "
    "produce an overall score, and an overall rating of 'Good' is given for a total score of 19 to "
    "30."
)


class Report(FPDF):
    def header(self):
        if self.page_no() == 1:
            return
        self.set_font("Helvetica", "I", 8)
        self.set_text_color(110, 110, 110)
        self.cell(
            0,
            6,
            "An inspection of youth justice services in Hartwell - April 2024",
            align="R",
            new_x="LMARGIN",
            new_y="NEXT",
        )
        self.set_draw_color(180, 180, 180)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(4)
        self.set_text_color(0, 0, 0)

    def footer(self):
        self.set_y(-15)
        self.set_font("Helvetica", "", 8)
        self.set_text_color(110, 110, 110)
        self.cell(0, 10, f"Page {self.page_no()}", align="C")
        self.set_text_color(0, 0, 0)


def build():
    pdf = Report(format="A4")
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(True, margin=22)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for kind, t in B:
        if kind == "title":
            pdf.ln(40)
            pdf.set_font("Helvetica", "B", 22)
            pdf.multi_cell(width, 11, t, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(6)
        elif kind == "subtitle":
            pdf.set_font("Helvetica", "B", 13)
            pdf.multi_cell(width, 8, t, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif kind == "break":
            pdf.add_page()
        elif kind == "h1":
            if pdf.get_y() > pdf.h - 60:
                pdf.add_page()
            pdf.ln(4)
            pdf.set_font("Helvetica", "B", 16)
            pdf.multi_cell(width, 9, t, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif kind == "h2":
            if pdf.get_y() > pdf.h - 45:
                pdf.add_page()
            pdf.ln(2)
            pdf.set_font("Helvetica", "B", 12.5)
            pdf.multi_cell(width, 7, t, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif kind == "p":
            pdf.set_font("Helvetica", "", 10.5)
            pdf.multi_cell(width, 5.6, t, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2.5)
        elif kind == "b":
            pdf.set_font("Helvetica", "", 10.5)
            if pdf.get_y() > pdf.h - 30:
                pdf.add_page()
            y = pdf.get_y()
            pdf.set_fill_color(0, 0, 0)
            pdf.ellipse(pdf.l_margin + 2, y + 2.0, 1.6, 1.6, style="F")
            pdf.set_x(pdf.l_margin + 7)
            pdf.multi_cell(width - 7, 5.6, t, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
        elif kind == "table":
            if pdf.get_y() + 7.5 * len(t) + 2 > pdf.h - 22:
                pdf.add_page()
            col1, col2 = width * 0.68, width * 0.32
            pdf.set_draw_color(0, 0, 0)
            for i, (a, c) in enumerate(t):
                section = c == ""
                if i == 0:
                    pdf.set_fill_color(40, 60, 100)
                    pdf.set_text_color(255, 255, 255)
                    pdf.set_font("Helvetica", "B", 10.5)
                    pdf.cell(col1, 8, a, border=1, fill=True)
                    pdf.cell(col2, 8, c, border=1, fill=True, new_x="LMARGIN", new_y="NEXT")
                    pdf.set_text_color(0, 0, 0)
                elif section:
                    pdf.set_fill_color(225, 230, 240)
                    pdf.set_font("Helvetica", "B", 10.5)
                    pdf.cell(width, 7.5, a, border=1, fill=True, new_x="LMARGIN", new_y="NEXT")
                else:
                    pdf.set_font("Helvetica", "B" if a == "Overall rating" else "", 10.5)
                    pdf.cell(col1, 7.5, a, border=1)
                    pdf.set_font("Helvetica", "B", 10.5)
                    pdf.cell(col2, 7.5, c, border=1, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
    pdf.output(OUT)


if __name__ == "__main__":
    build()
    words = 0
    for kind, t in B:
        if kind == "table":
            words += sum(len((a + " " + c).split()) for a, c in t)
        elif t:
            words += len(t.split())
    print("words", words)
