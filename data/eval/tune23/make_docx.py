"""Build the fictional Fallowmere 2019 Short Quality Screening letter as a Word document."""

from docx import Document
from docx.shared import Pt

OUT = "fallowmere_sqs_2019.docx"  # (first written to /tmp/blind23/reports/)

doc = Document()
style = doc.styles["Normal"]
style.font.name = "Arial"
style.font.size = Pt(11)


def para(text="", bold_label=None):
    p = doc.add_paragraph()
    if bold_label:
        p.add_run(bold_label).bold = True
    if text:
        p.add_run(text)
    return p


def heading(text):
    # Headings are only bold runs inside Normal paragraphs (no Heading styles).
    p = doc.add_paragraph()
    p.add_run(text).bold = True
    return p


def finding(text):
    return doc.add_paragraph(text, style="List Number")


def bullet(text):
    return doc.add_paragraph(text, style="List Bullet")


para("Dominic Ashcroft, Head of Youth Offending Service, Fallowmere Borough Council", "To: ")
para(
    "Lena Strick, Director of Children's Services, Fallowmere Borough Council; "
    "Councillor Priya Venn, Chair, Fallowmere Youth Offending Management Board; "
    "Ruth Caddick, Head of Innovation and Engagement, Youth Justice Board",
    "Copy to: ",
)
para(
    "Imogen Tallis, HM Inspector of Probation, Lead Inspector for the Fallowmere screening",
    "From: ",
)
para("14 March 2019", "Date: ")
para()
heading("Short Quality Screening of youth offending work in Fallowmere")
para("Dear Dominic,")

para(
    "Thank you for the help and cooperation that you and your staff gave us during the Short Quality "
    "Screening (SQS) of youth offending work in Fallowmere, which took place from 19 to 21 February 2019. "
    "I am writing to set out what we found. The inspection team also shared its provisional findings with "
    "you and your managers at a feedback meeting held on the final afternoon of the fieldwork."
)
para(
    "The screening looked at 22 cases of children who had been sentenced to community orders, or released "
    "from custody on licence, between 1 July and 31 December 2018. Sixteen were youth rehabilitation orders "
    "or referral orders, two were reparation orders and four were the community part of detention and "
    "training orders. Eighteen of the children were boys and four were girls; the youngest was 12 and the "
    "oldest 17 at the time of sentence."
)
para(
    "At the time of the screening the service was supervising 74 children, of whom 49 were subject to court "
    "orders and 25 to out-of-court disposals. It employed 23 staff, including nine case managers, and was "
    "based at Market Chambers in Fallowmere town centre."
)
para(
    "Inspectors interviewed the case managers responsible for 20 of the 22 cases, as two staff members had "
    "since left the service. We also met the operational manager, both team leaders, four referral order "
    "panel volunteers and representatives from the police, education, health and children's social care."
)
para(
    "Our findings are arranged under the four themes that the screening examines. Where we saw good work we "
    "have said so, and where improvement is needed we have tried to be specific, so that you can use this "
    "letter to shape your improvement plan."
)

heading("Reducing reoffending")
finding(
    "Assessments of the factors linked to a child's offending had been completed within the required "
    "timescale in 19 of the 22 cases. The better examples drew on information from schools, health "
    "visitors and children's social care, and showed a real understanding of the child's family history "
    "and of what had happened in their lives before the offence."
)
finding(
    "Case managers spoke about the children they supervised with warmth and knew them well. However, this "
    "knowledge was not always reflected in written records, and in several cases the assessment said "
    "little about the child's own view of their offending or what they wanted to change."
)
finding(
    "Planning to reduce reoffending was the weakest area of practice in this theme. In nine cases the "
    "intervention plan had been written by the case manager without the child or their parent or carer "
    "taking part. Targets were often copied from the assessment and did not say who would do what, or by when."
)
finding(
    "Support into education, training and employment was a clear strength. The seconded careers adviser "
    "had helped 14 of the 17 children over school leaving age into a college course, an apprenticeship or "
    "paid work, and case managers made sure that these places were kept open when children went into custody."
)
finding(
    "Case managers used a range of structured programmes, including work on thinking skills, managing anger "
    "and healthy relationships, and we saw examples of these being adapted well for children with learning "
    "difficulties."
)
finding(
    "Work to address substance misuse was hampered by a vacancy in the seconded substance misuse worker "
    "post, which had been empty since October 2018. Case managers had tried to fill the gap with their own "
    "sessions, but told us they lacked the training and confidence to do this well."
)
finding(
    "Progress was reviewed at least every three months in most cases. Reviews were rarely triggered by "
    "significant changes in a child's life, however, such as moving home, a new relationship or exclusion "
    "from school."
)

heading("Protecting the public")
finding(
    "Case managers recognised the risk of harm that children posed to others in most cases, but the "
    "quality of the written analysis varied a great deal. In seven cases the assessment had not taken "
    "account of police intelligence about previous behaviour, and in three of these the level of risk had "
    "been set too low."
)
finding(
    "Risk management plans lacked clear contingency arrangements in 11 of the 22 cases. Staff could tell us "
    "what they would do if the risk increased, but this had not been written down for colleagues who might "
    "need to act in their absence."
)
finding(
    "Multi-agency public protection arrangements were used appropriately for the two children who met the "
    "criteria. We saw good joint working with the police youth liaison officer, who attended team meetings "
    "every week and shared information promptly."
)
finding(
    "Management oversight of work to protect the public was inconsistent. Managers had countersigned most "
    "assessments, but we found little evidence that they had challenged weak analysis or asked for plans "
    "to be strengthened before signing them off."
)
finding(
    "The needs and wishes of victims were considered in 15 of the 22 cases. The restorative justice worker "
    "contacted victims promptly, although the service had no way of telling victims what had happened "
    "once an order ended."
)

heading("Protecting the child or young person")
finding(
    "Assessment of children's safety and wellbeing was good in 17 of the 22 cases. Case managers were alert "
    "to the risk of children being exploited to sell drugs through county lines, which partners told us "
    "had become a growing concern in Fallowmere over the previous two years."
)
finding(
    "Joint work with children's social care was variable. Communication was usually good where a child was "
    "looked after by the local authority, but for children on child in need plans the youth offending "
    "service was often not told about, or invited to, planning meetings."
)
finding(
    "There was no agreed protocol with the local health trust for sharing information about children's "
    "emotional and mental health. Referrals to the child and adolescent mental health service took an "
    "average of 14 weeks to lead to a first appointment, which case managers described as a major frustration."
)
finding(
    "Children in custody were visited regularly and planning for their release began early. In all four "
    "custody cases, suitable accommodation had been confirmed at least two weeks before the child came home."
)

finding(
    "Where children went missing from home, return interviews were usually shared with case managers within "
    "a week, and we saw thoughtful work with families to reduce the risk of further missing episodes."
)

heading("Ensuring the sentence is served")
finding(
    "Children were seen often, and case managers worked hard to build relationships with them, meeting them "
    "at school, at home and at a local boxing club where the service ran weekly sessions."
)
finding(
    "Appointments were arranged around school and college timetables, and reminders were sent by text "
    "message the day before, which children told us they found helpful."
)
finding(
    "Enforcement action was taken appropriately when children did not comply. Breach proceedings were "
    "started in the three cases where this was needed, and in each case the decision took account of the "
    "child's circumstances and the reasons for missed appointments."
)
finding(
    "Referral order panels were well run by trained volunteers who treated children with respect. However, "
    "the range of reparation was narrow, and most children completed their reparation hours at a single "
    "community garden project on Harrowgate Lane."
)
finding(
    "Parents and carers told us that they valued the service, but only six of the 22 cases showed that "
    "parenting support had been offered where it was needed."
)

heading("Key strengths")
bullet("a stable and committed staff group who know the children they supervise well")
bullet(
    "effective support into education, training and employment, led by the seconded careers adviser"
)
bullet(
    "careful planning for children leaving custody, including early confirmation of accommodation"
)
bullet("fair and proportionate enforcement that takes account of children's circumstances")
bullet("good information sharing with the police youth liaison officer")

heading("Areas requiring improvement")
bullet("involving children and their parents or carers in writing their plans")
bullet("the quality of risk of harm analysis and the recording of contingency arrangements")
bullet("management oversight that challenges weak assessments and plans before they are signed off")
bullet("timely access to substance misuse and mental health services")
bullet("joint work with children's social care for children on child in need plans")
bullet("a wider range of reparation activities for children on referral orders")

para(
    "Overall, the screening found a committed and stable staff group with clear strengths in engaging children "
    "and helping them into education and work. The priorities for improvement are the involvement of children "
    "and families in planning, the quality of risk of harm work and the effectiveness of management oversight."
)
para(
    "We will share this letter with the Youth Justice Board, who will support you in developing an improvement "
    "plan. We do not intend to publish this letter, but you may wish to share it with your management board "
    "and your staff."
)
para(
    "Thank you again to everyone who contributed to the screening, and in particular to the children and "
    "parents who agreed to speak to us."
)
para("Yours sincerely,")
para("Imogen Tallis")
para("HM Inspector of Probation and Lead Inspector")

doc.save(OUT)
print("saved", OUT)
